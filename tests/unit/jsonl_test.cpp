// The CLI's JSONL request reader (cli/jsonl.h): its quick path for the common request must give
// exactly the value nlohmann's parser gives, and leave every other line to that parser.

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "jsonl.h"
#include "test_kbs.h"

namespace {

struct Row {
  const char* what;
  std::string line;
  bool quick;  // the quick path takes it
};

}  // namespace

TEST_CASE("ParseSimpleRequest gives nlohmann's value or declines", "[jsonl]") {
  const Row rows[] = {
      {"plain", R"({"id":"a","text":"Hello."})", true},
      {"spaces, CR at the end", "{ \"id\" : \"m\" , \"text\" : \"x\" }\r", true},
      {"empty object", "{}", true},
      {"escapes", R"({"text":"a\n\t\"q\" \/ \\ \b\f\r end"})", true},
      {"\\u escapes and a surrogate pair", R"({"text":"\u00e9 \u00C9 \ud83d\ude00 \u0000"})", true},
      {"raw UTF-8", "{\"text\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}", true},
      {"null values", R"({"id":null,"text":"n","date":null})", true},
      {"unknown string key", R"({"text":"t","note":"kept"})", true},
      {"lone high surrogate", R"({"text":"\ud83d x"})", false},
      {"lone low surrogate", R"({"text":"\ude00 x"})", false},
      {"bad escape", R"({"text":"\x"})", false},
      {"raw control character", "{\"text\":\"a\x01 b\"}", false},
      {"raw tab", "{\"text\":\"a\tb\"}", false},
      {"BOM", "\xef\xbb\xbf{\"text\":\"bom\"}", false},
      {"duplicate key", R"({"id":"h","text":"x","id":"dup"})", false},
      {"number value", R"({"id":1,"text":"x"})", false},
      {"nested value", R"({"text":"t","extra":{"a":1}})", false},
      {"escaped key", R"({"i\u0064":"s","text":"x"})", false},
      {"trailing bytes", R"({"text":"t"} x)", false},
      {"trailing comma", R"({"text":"t",})", false},
      {"unterminated", R"({"text":"t)", false},
      {"not an object", "[]", false},
      {"nullx", R"({"text":nullx})", false},
      {"truncated UTF-8", "{\"text\":\"x\xe2\x82\"}", false},
      {"overlong UTF-8", "{\"text\":\"x\xc0\xaf\"}", false},
      {"UTF-8 surrogate", "{\"text\":\"x\xed\xa0\x80\"}", false},
      {"past U+10FFFF", "{\"text\":\"x\xf4\x90\x80\x80\"}", false},
      {"E0 overlong", "{\"text\":\"x\xe0\x80\x80\"}", false},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    nlohmann::json quick;
    const bool took = factlint::ParseSimpleRequest(r.line, &quick);
    CHECK(took == r.quick);
    if (took) {
      nlohmann::json full = nlohmann::json::parse(r.line, nullptr, /*allow_exceptions=*/false);
      REQUIRE_FALSE(full.is_discarded());
      CHECK(quick == full);
      CHECK(quick.dump() == full.dump());
    }
  }
}

// The CLI writes each report line itself (no nlohmann document): it must say what ReportToJson
// says — a key the report gains (e.g. reference_date.candidates) must not be lost on this path.
TEST_CASE("CheckJsonlLine's report is ReportToJson's", "[jsonl]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  for (const char* text : {"Prime Minister Theresa May met Chancellor Olaf Scholz.",  // a tie: candidates
                           "Prime Minister Liz Truss visited Berlin. Officials reportedly left.",
                           "German Chancellor Emmanuel Macron met reporters.", "", "Nothing to go by."}) {
    INFO(text);
    for (const char* date : {"", "2023-03-01"}) {
      nlohmann::json request = {{"id", 7}, {"text", text}};
      factlint::CheckOptions options;
      if (*date) {
        request["date"] = date;
        options.date = factlint::ParseIsoDate(date);
      }
      const factlint::JsonlResult line = factlint::CheckJsonlLine(kb, request.dump(), 1, factlint::CheckOptions{});
      REQUIRE_FALSE(line.error);
      const nlohmann::json got = nlohmann::json::parse(line.output);
      const nlohmann::json want = nlohmann::json::parse(factlint::ReportToJson(factlint::Check(kb, text, options)));
      CHECK(got.at("report") == want);
    }
  }
}

namespace {

// The lines std::getline gives, each through CheckJsonlLine: what the CLI wrote before it read
// its input in chunks (and what CheckJsonlStream must still write).
struct Expected {
  std::string output;
  std::vector<std::pair<size_t, std::string>> errors;
  bool any_fail = false;
};

Expected ByGetline(const factlint::Kb& kb, const std::string& input) {
  Expected e;
  std::istringstream in(input);
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const factlint::JsonlResult r = factlint::CheckJsonlLine(kb, line, line_no, factlint::CheckOptions{});
    e.output += r.output + "\n";
    if (r.error) e.errors.emplace_back(line_no, r.error_message);
    e.any_fail |= r.fails;
  }
  return e;
}

std::string ReadAll(int fd) {
  std::string s;
  char buf[4096];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  return s;
}

}  // namespace

TEST_CASE("CheckJsonlStream writes what line-by-line reading wrote", "[jsonl]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  const std::string req = R"({"id":"a","text":"German Chancellor Emmanuel Macron met reporters."})";
  const std::string long_text(150000, 'x');  // one line across several reads
  struct StreamRow {
    const char* what;
    std::string input;
  };
  const StreamRow rows[] = {
      {"empty", ""},
      {"blank lines only", "\n \n\t\r\n"},
      {"two lines", req + "\n" + R"({"id":"b","text":"Nothing."})" + "\n"},
      {"no newline at the end", req + "\n" + req},
      {"CRLF", req + "\r\n" + req + "\r\n"},
      {"blank lines numbered", "\n\n" + req + "\n  \n" + req + "\n"},
      {"bad lines name their line", req + "\nnot json\n{\"text\":\"x\",\"date\":\"2023-02-30\"}\n[]\n" + req},
      {"a line longer than a read", req + "\n{\"id\":\"long\",\"text\":\"" + long_text + "\"}\n" + req + "\n"},
      {"escapes", R"({"id":"\u00e9","text":"Chancellor\nOlaf Scholz \"met\" reporters."})" "\n"},
  };
  for (const StreamRow& r : rows) {
    INFO(r.what);
    const Expected want = ByGetline(kb, r.input);
    for (const bool from_pipe : {false, true}) {
      INFO((from_pipe ? "from a pipe" : "from a file"));
      int in_fd;
      std::thread writer;
      std::FILE* in_file = nullptr;
      if (from_pipe) {
        int p[2];
        REQUIRE(::pipe(p) == 0);
        in_fd = p[0];
        writer = std::thread([w = p[1], &r] {
          std::string_view rest = r.input;
          while (!rest.empty()) {
            const ssize_t n = ::write(w, rest.data(), std::min<size_t>(rest.size(), 7000));
            if (n <= 0) break;
            rest.remove_prefix(static_cast<size_t>(n));
          }
          ::close(w);
        });
      } else {
        in_file = std::tmpfile();
        REQUIRE(in_file);
        std::fwrite(r.input.data(), 1, r.input.size(), in_file);
        std::fflush(in_file);
        in_fd = ::fileno(in_file);
        ::lseek(in_fd, 0, SEEK_SET);
      }
      std::FILE* out_file = std::tmpfile();
      REQUIRE(out_file);
      factlint::JsonlChecker checker(kb, factlint::CheckOptions{});
      std::vector<std::pair<size_t, std::string>> errors;
      const factlint::JsonlStreamResult got = factlint::CheckJsonlStream(
          &checker, in_fd, ::fileno(out_file), /*flush_each_line=*/from_pipe,
          [&](size_t line_no, const std::string& message) { errors.emplace_back(line_no, message); });
      if (writer.joinable()) writer.join();
      if (from_pipe) ::close(in_fd);
      else std::fclose(in_file);
      CHECK(ReadAll(::fileno(out_file)) == want.output);
      std::fclose(out_file);
      CHECK(errors == want.errors);
      CHECK(got.any_error == !want.errors.empty());
      CHECK(got.any_fail == want.any_fail);
      CHECK(got.io_error.empty());
    }
  }
}

// A program that writes one request into a pipe and waits for its answer before writing the
// next (a co-process) must get it: the stream writes what it has before it waits to read.
TEST_CASE("CheckJsonlStream answers a line before it waits for the next", "[jsonl]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  int in[2], out[2];
  REQUIRE(::pipe(in) == 0);
  REQUIRE(::pipe(out) == 0);
  factlint::JsonlChecker checker(kb, factlint::CheckOptions{});
  std::thread stream([&] {
    factlint::CheckJsonlStream(&checker, in[0], out[1], /*flush_each_line=*/false, [](size_t, const std::string&) {});
    ::close(out[1]);
  });
  const std::string req = "{\"id\":\"q\",\"text\":\"Nothing to go by.\"}\n";
  REQUIRE(::write(in[1], req.data(), req.size()) == static_cast<ssize_t>(req.size()));
  pollfd p{out[0], POLLIN, 0};
  const int ready = ::poll(&p, 1, 20000);  // a guard against a hang, not a timing: the answer comes or never does
  CHECK(ready == 1);
  std::string answer;
  if (ready == 1) {
    char buf[4096];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n > 0) answer.assign(buf, static_cast<size_t>(n));
  }
  ::close(in[1]);
  stream.join();
  ::close(in[0]);
  ::close(out[0]);
  CHECK(answer == factlint::CheckJsonlLine(kb, req.substr(0, req.size() - 1), 1, {}).output + "\n");
}
