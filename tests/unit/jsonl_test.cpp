// The CLI's JSONL request reader (cli/jsonl.h): its quick path for the common request must give
// exactly the value nlohmann's parser gives, and leave every other line to that parser.

#include <string>

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
