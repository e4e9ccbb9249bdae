// The JSONL request reader (see jsonl.h). A request that cannot be read becomes an error line and
// the stream goes on; nothing here throws.

#include "jsonl.h"

#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <deque>

#include <nlohmann/json.hpp>

#include "json_pos.h"
#include "json_write.h"

namespace factlint {
namespace {

// The line out used to be ReportToJson's text parsed back into a json (which sorts the keys) and
// dumped again. It is now written straight from the Report with the keys in that sorted order:
// the same bytes (tests: scripts/compare-reports over the corpora) without building, writing and
// re-reading the report. Strings that need no escaping are copied; any other goes through
// nlohmann's serializer, as before (escapes, invalid UTF-8 replaced): json_write.h, shared with
// ReportToJson.
void AppendReport(const Report& report, std::string* out) {
  const ReferenceDate& rd = report.reference_date;
  json_write::Raw(R"({"document":{"reference_date":{"candidates":[)", out);
  for (size_t i = 0; i < rd.candidates.size(); ++i) {
    if (i) out->push_back(',');
    json_write::Raw(R"({"from":)", out);
    json_write::String(FormatIsoDate(rd.candidates[i].from), out);
    json_write::Raw(R"(,"to":)", out);
    json_write::String(FormatIsoDate(rd.candidates[i].to), out);
    out->push_back('}');
  }
  json_write::Raw(R"(],"evidence":[)", out);
  for (size_t i = 0; i < rd.evidence.size(); ++i) {
    if (i) out->push_back(',');
    json_write::String(rd.evidence[i], out);
  }
  json_write::Raw(R"(],"from":)", out);
  json_write::OptionalString(rd.from ? std::optional<std::string>(FormatIsoDate(*rd.from)) : std::nullopt, out);
  json_write::Raw(R"(,"source":)", out);
  json_write::String(rd.source.empty() ? std::string_view("none") : std::string_view(rd.source), out);
  json_write::Raw(R"(,"to":)", out);
  json_write::OptionalString(rd.to ? std::optional<std::string>(FormatIsoDate(*rd.to)) : std::nullopt, out);
  json_write::Raw(R"(}},"factlint":)", out);
  json_write::String(kVersion, out);
  json_write::Raw(R"(,"findings":[)", out);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out->push_back(',');
    json_write::Raw(R"({"claim_date":)", out);
    json_write::OptionalString(f.claim_date, out);
    json_write::Raw(R"(,"end":)", out);
    json_write::Number(f.span.end, out);
    json_write::Raw(R"(,"end16":)", out);
    json_write::Number(f.span.end16, out);
    json_write::Raw(R"(,"evidence":[)", out);
    for (size_t k = 0; k < f.evidence.size(); ++k) {
      if (k) out->push_back(',');
      json_write::Raw(R"({"fact":)", out);
      json_write::String(f.evidence[k].fact, out);
      json_write::Raw(R"(,"source":)", out);
      json_write::String(f.evidence[k].source, out);
      out->push_back('}');
    }
    json_write::Raw(R"(],"message":)", out);
    json_write::String(f.message, out);
    json_write::Raw(R"(,"rule":)", out);
    json_write::String(f.rule, out);
    json_write::Raw(R"(,"sentence":)", out);
    json_write::Number(f.sentence, out);
    json_write::Raw(R"(,"severity":)", out);
    json_write::String(SeverityName(f.severity), out);
    json_write::Raw(R"(,"start":)", out);
    json_write::Number(f.span.start, out);
    json_write::Raw(R"(,"start16":)", out);
    json_write::Number(f.span.start16, out);
    json_write::Raw(R"(,"suggestion":)", out);
    json_write::OptionalString(f.suggestion, out);
    json_write::Raw(R"(,"text":)", out);
    json_write::String(f.text, out);
    out->push_back('}');
  }
  json_write::Raw(R"(],"kb":{"as_of":)", out);
  json_write::String(report.kb_as_of, out);
  json_write::Raw(R"(,"name":)", out);
  json_write::String(report.kb_name, out);
  json_write::Raw(R"(},"sentences":[)", out);
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    const Span& sp = report.sentences[i];
    json_write::Numbers({{i ? R"(,{"end":)" : R"({"end":)", sp.end}, {R"(,"end16":)", sp.end16},
                         {R"(,"start":)", sp.start}, {R"(,"start16":)", sp.start16}}, out);
    out->push_back('}');
  }
  json_write::Raw("]}", out);
}

// Bytes a run of plain string content stops at: '"', '\\', control characters and non-ASCII.
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
  return t;
}();

// The first stop byte (kStringStop) in u[k, n), or n: eight bytes at a time while none of them is
// one (a quote or backslash: a zero byte after xor; a control byte: a borrow out of c - 0x20; any
// byte >= 0x80: its high bit — each sets that byte's high bit, and a borrow only carries past a
// byte that is one), then byte by byte from the first eight that hold one.
size_t SkipPlain(const unsigned char* u, size_t k, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; k + 8 <= n; k += 8) {
    uint64_t x;
    std::memcpy(&x, u + k, 8);
    const uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    if ((((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | (x - kOnes * 0x20) | x) & kHigh) break;
  }
  while (k < n && !kStringStop[u[k]]) ++k;
  return k;
}

// A JSON string at s[*i] (the opening quote). True when this reader takes it: *value is then a
// view into s when the string has no escape (most texts), else its decoded bytes in *buf. False
// for a control character, a bad escape or surrogate, malformed UTF-8, which the full parser then
// reads and reports. Runs of plain bytes are skipped at once and copied (into *buf) only once an
// escape is seen.
bool ReadSimpleString(std::string_view s, size_t* i, std::string* buf, std::string_view* value) {
  const size_t begin = *i + 1;
  size_t k = begin;
  size_t pending = begin;  // with escapes: s[pending, k) is not in *buf yet
  bool escaped = false;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  while (true) {
    k = SkipPlain(u, k, s.size());
    if (k >= s.size()) return false;
    const unsigned char c = u[k];
    if (c == '"') {
      if (escaped) {
        buf->append(s.data() + pending, k - pending);
        *value = *buf;
      } else {
        *value = s.substr(begin, k - begin);
      }
      *i = k + 1;
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {  // one well-formed UTF-8 sequence (Unicode Table 3-7), kept as it is
      size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (n == 0 || k + n > s.size()) return false;
      const unsigned char c1 = u[k + 1];
      const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi) return false;
      for (size_t m = 2; m < n; ++m)
        if ((u[k + m] & 0xC0) != 0x80) return false;
      k += n;
      continue;
    }
    // An escape.
    if (!escaped) {
      escaped = true;
      buf->clear();
      buf->reserve(s.size() - begin);  // at most the rest of the line
    }
    buf->append(s.data() + pending, k - pending);
    if (k + 1 >= s.size()) return false;
    const char e = s[k + 1];
    const char* simple = e == '"' ? "\"" : e == '\\' ? "\\" : e == '/' ? "/" : e == 'b' ? "\b" : e == 'f' ? "\f"
                       : e == 'n' ? "\n" : e == 'r' ? "\r" : e == 't' ? "\t" : nullptr;
    if (simple) {
      buf->push_back(*simple);
      k += 2;
      pending = k;
      continue;
    }
    if (e != 'u') return false;
    auto hex4 = [&](size_t at, uint32_t* v) {
      if (at + 4 > s.size()) return false;
      *v = 0;
      for (size_t m = at; m < at + 4; ++m) {
        const char h = s[m];
        const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0) return false;
        *v = *v * 16 + static_cast<uint32_t>(d);
      }
      return true;
    };
    uint32_t cp;
    if (!hex4(k + 2, &cp)) return false;
    k += 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (k + 1 >= s.size() || s[k] != '\\' || s[k + 1] != 'u' || !hex4(k + 2, &low) || low < 0xDC00 || low > 0xDFFF)
        return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      k += 6;
    }
    AppendUtf8(buf, cp);
    pending = k;
  }
}

constexpr size_t kMaxSimpleMembers = 64;  // more keys: nlohmann's parser (no quadratic key check here)

}  // namespace

// Anything it does not take (numbers, nesting, a BOM, an escape in a key, a duplicate key) goes
// to nlohmann's parser, which also gives the error messages.
bool SimpleRequestReader::Read(std::string_view s) {
  members_.clear();
  auto ws = [&](size_t* i) {
    while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r')) ++*i;
  };
  size_t i = 0;
  ws(&i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  ws(&i);
  if (i < s.size() && s[i] == '}') {
    ++i;
  } else {
    size_t used = 0;  // buffers of decoded_ in use (a deque: a view into one stays valid as it grows)
    while (true) {
      ws(&i);
      if (i >= s.size() || s[i] != '"') return false;
      const size_t key_end = s.find('"', i + 1);
      if (key_end == std::string_view::npos) return false;
      Member m;
      m.key = s.substr(i + 1, key_end - i - 1);
      for (char c : m.key)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) return false;
      for (const Member& other : members_)
        if (other.key == m.key) return false;
      i = key_end + 1;
      ws(&i);
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      ws(&i);
      if (i < s.size() && s[i] == '"') {
        if (used == decoded_.size()) decoded_.emplace_back();
        if (!ReadSimpleString(s, &i, &decoded_[used], &m.value)) return false;
        if (!m.value.empty() && m.value.data() == decoded_[used].data()) ++used;
      } else if (s.substr(i, 4) == "null") {
        m.null = true;
        i += 4;
      } else {
        return false;
      }
      if (members_.size() == kMaxSimpleMembers) return false;
      members_.push_back(m);
      ws(&i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '}') {
        ++i;
        break;
      }
      return false;
    }
  }
  ws(&i);
  return i == s.size();
}

const SimpleRequestReader::Member* SimpleRequestReader::Find(std::string_view key) const {
  for (const Member& m : members_)
    if (m.key == key) return &m;
  return nullptr;
}

bool ParseSimpleRequest(std::string_view s, nlohmann::json* doc) {
  SimpleRequestReader reader;
  if (!reader.Read(s)) return false;
  nlohmann::json::object_t object;
  for (const auto& m : reader.members())
    object.emplace(std::string(m.key), m.null ? nlohmann::json(nullptr) : nlohmann::json(std::string(m.value)));
  *doc = std::move(object);
  return true;
}

JsonlChecker::JsonlChecker(const Kb& kb, const CheckOptions& base, std::optional<Severity> fail_on)
    : kb_(kb), base_(base), fail_on_(fail_on), options_(base) {}

namespace {

// A line the quick path does not take (not a simple object, or a request with an error): read
// with nlohmann's parser, as the CLI always did. Errors are worded here.
JsonlResult CheckInFull(const Kb& kb, std::string_view line, size_t line_no, const CheckOptions& base,
                        std::optional<Severity> fail_on, std::string* output) {
  using json = nlohmann::json;
  JsonlResult result;
  json out;
  json doc;
  if (!ParseSimpleRequest(line, &doc)) doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  const bool is_object = !doc.is_discarded() && doc.is_object();
  out["id"] = is_object && doc.contains("id") ? doc["id"] : json(nullptr);
  auto fail = [&](const std::string& message) {
    result.error = true;
    result.error_message = message;
    out["error"] = {{"kind", "bad_input"}, {"message", message}, {"line", line_no}};
  };
  CheckOptions options = base;
  if (!is_object) {
    fail(doc.is_discarded() ? "not JSON (expected an object with \"text\")" : "not a JSON object");
  } else if (!doc.contains("text") || !doc["text"].is_string()) {
    fail("\"text\" must be a string");
  } else if (doc.contains("date") && !doc["date"].is_null() &&
             !(doc["date"].is_string() && ParseIsoDate(doc["date"].get<std::string>()))) {
    fail("\"date\" must be YYYY-MM-DD, a day that exists");
  } else if (doc.contains("published") && !doc["published"].is_null() &&
             !(doc["published"].is_string() && ParseIsoDate(doc["published"].get<std::string>()))) {
    fail("\"published\" must be YYYY-MM-DD, a day that exists");
  } else {
    if (doc.contains("date") && doc["date"].is_string()) options.date = ParseIsoDate(doc["date"].get<std::string>());
    if (doc.contains("published") && doc["published"].is_string()) {
      options.metadata_date = ParseIsoDate(doc["published"].get<std::string>());
      options.metadata_source = "\"published\" of the request";
    }
    Report report = Check(kb, doc["text"].get_ref<const std::string&>(), options);
    if (fail_on) {
      for (const auto& f : report.findings) result.fails |= f.severity >= *fail_on;
    }
    // {"id":…,"report":…}: the keys in the order a json object keeps them.
    output->append(R"({"id":)");
    output->append(out["id"].dump(-1, ' ', false, json::error_handler_t::replace));
    output->append(R"(,"report":)");
    AppendReport(report, output);
    output->push_back('}');
    return result;
  }
  output->append(out.dump(-1, ' ', false, json::error_handler_t::replace));
  return result;
}

}  // namespace

// The common request (an object of strings and nulls, its text, date and published valid) is
// read into views and checked here; everything else goes through CheckInFull.
JsonlResult JsonlChecker::Check(std::string_view line, size_t line_no, std::string* out) {
  if (reader_.Read(line)) {
    using Member = SimpleRequestReader::Member;
    const Member* id = reader_.Find("id");
    const Member* text = reader_.Find("text");
    const Member* date = reader_.Find("date");
    const Member* published = reader_.Find("published");
    std::optional<Date> day, published_day;
    const bool date_ok = !date || date->null || (day = ParseIsoDate(date->value));
    const bool published_ok = !published || published->null || (published_day = ParseIsoDate(published->value));
    if (text && !text->null && date_ok && published_ok) {
      options_.date = day ? day : base_.date;
      if (published_day) {
        options_.metadata_date = published_day;
        options_.metadata_source = "\"published\" of the request";
      } else {
        options_.metadata_date = base_.metadata_date;
        options_.metadata_source = base_.metadata_source;
      }
      const Report report = factlint::Check(kb_, text->value, options_);
      JsonlResult result;
      if (fail_on_) {
        for (const auto& f : report.findings) result.fails |= f.severity >= *fail_on_;
      }
      out->reserve(out->size() + 200 + 64 * report.sentences.size() + 600 * report.findings.size());
      out->append(R"({"id":)");
      if (id && !id->null) json_write::String(id->value, out);
      else out->append("null");
      out->append(R"(,"report":)");
      AppendReport(report, out);
      out->push_back('}');
      return result;
    }
  }
  return CheckInFull(kb_, line, line_no, base_, fail_on_, out);
}

JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on) {
  std::string output;
  JsonlResult result = JsonlChecker(kb, base, fail_on).Check(line, line_no, &output);
  result.output = std::move(output);
  return result;
}

namespace {

// All of data to fd; false with errno set when it cannot (a closed pipe, a full disk).
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

constexpr size_t kReadChunk = 1 << 16;     // bytes asked of each read
constexpr size_t kPendingOutput = 1 << 20;  // output written once this much is pending

}  // namespace

JsonlStreamResult CheckJsonlStream(JsonlChecker* checker, int in_fd, int out_fd, bool flush_each_line,
                                   const std::function<void(size_t, const std::string&)>& on_error) {
  JsonlStreamResult result;
  struct stat st{};
  const bool regular = ::fstat(in_fd, &st) == 0 && S_ISREG(st.st_mode);
  // in[0, filled) holds what was read, in[start, filled) is not checked yet; in grows (and is
  // zero-filled) only for a line longer than it, not at every read.
  std::string in(2 * kReadChunk, '\0'), out;
  size_t start = 0, filled = 0;
  size_t line_no = 0;
  bool eof = false, write_failed = false;
  auto flush = [&] {
    if (!write_failed && !out.empty() && !WriteAll(out_fd, out)) {
      write_failed = true;
      result.any_error = true;
      result.io_error = std::string("cannot write the output: ") + std::strerror(errno);
    }
    out.clear();
  };
  auto one_line = [&](std::string_view line) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
    const JsonlResult r = checker->Check(line, line_no, &out);
    out.push_back('\n');
    if (r.error) {
      on_error(line_no, r.error_message);
      result.any_error = true;
    }
    result.any_fail |= r.fails;
    if (flush_each_line || out.size() >= kPendingOutput) flush();
  };
  while (!write_failed) {
    for (const char* nl; (nl = static_cast<const char*>(std::memchr(in.data() + start, '\n', filled - start)));) {
      const size_t end = static_cast<size_t>(nl - in.data());
      one_line(std::string_view(in.data() + start, end - start));
      start = end + 1;
    }
    if (eof) {
      if (start < filled) one_line(std::string_view(in.data() + start, filled - start));
      break;
    }
    if (start > 0) {  // the start of a line not read to its end yet, moved to the front
      std::memmove(in.data(), in.data() + start, filled - start);
      filled -= start;
      start = 0;
    }
    if (!regular) flush();  // the writer may wait for these answers before it writes more
    if (in.size() - filled < kReadChunk) in.resize(std::max(2 * in.size(), filled + kReadChunk));
    ssize_t n;
    do n = ::read(in_fd, in.data() + filled, kReadChunk);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
      result.any_error = true;
      result.io_error = std::string("cannot read: ") + std::strerror(errno);
      break;  // the lines before it were checked; the part of a line read so far is dropped
    }
    filled += static_cast<size_t>(n);
    eof = n == 0;
  }
  flush();
  return result;
}

}  // namespace factlint
