// The JSONL request reader (see jsonl.h). A request that cannot be read becomes an error line and
// the stream goes on; nothing here throws.

#include "jsonl.h"

#include <array>

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
  out->append(R"({"document":{"reference_date":{"candidates":[)");
  for (size_t i = 0; i < rd.candidates.size(); ++i) {
    if (i) out->push_back(',');
    out->append(R"({"from":)");
    json_write::String(FormatIsoDate(rd.candidates[i].from), out);
    out->append(R"(,"to":)");
    json_write::String(FormatIsoDate(rd.candidates[i].to), out);
    out->push_back('}');
  }
  out->append(R"(],"evidence":[)");
  for (size_t i = 0; i < rd.evidence.size(); ++i) {
    if (i) out->push_back(',');
    json_write::String(rd.evidence[i], out);
  }
  out->append(R"(],"from":)");
  json_write::OptionalString(rd.from ? std::optional<std::string>(FormatIsoDate(*rd.from)) : std::nullopt, out);
  out->append(R"(,"source":)");
  json_write::String(rd.source.empty() ? std::string_view("none") : std::string_view(rd.source), out);
  out->append(R"(,"to":)");
  json_write::OptionalString(rd.to ? std::optional<std::string>(FormatIsoDate(*rd.to)) : std::nullopt, out);
  out->append(R"(}},"factlint":)");
  json_write::String(kVersion, out);
  out->append(R"(,"findings":[)");
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out->push_back(',');
    out->append(R"({"claim_date":)");
    json_write::OptionalString(f.claim_date, out);
    out->append(R"(,"end":)");
    json_write::Number(f.span.end, out);
    out->append(R"(,"end16":)");
    json_write::Number(f.span.end16, out);
    out->append(R"(,"evidence":[)");
    for (size_t k = 0; k < f.evidence.size(); ++k) {
      if (k) out->push_back(',');
      out->append(R"({"fact":)");
      json_write::String(f.evidence[k].fact, out);
      out->append(R"(,"source":)");
      json_write::String(f.evidence[k].source, out);
      out->push_back('}');
    }
    out->append(R"(],"message":)");
    json_write::String(f.message, out);
    out->append(R"(,"rule":)");
    json_write::String(f.rule, out);
    out->append(R"(,"sentence":)");
    json_write::Number(f.sentence, out);
    out->append(R"(,"severity":)");
    json_write::String(SeverityName(f.severity), out);
    out->append(R"(,"start":)");
    json_write::Number(f.span.start, out);
    out->append(R"(,"start16":)");
    json_write::Number(f.span.start16, out);
    out->append(R"(,"suggestion":)");
    json_write::OptionalString(f.suggestion, out);
    out->append(R"(,"text":)");
    json_write::String(f.text, out);
    out->push_back('}');
  }
  out->append(R"(],"kb":{"as_of":)");
  json_write::String(report.kb_as_of, out);
  out->append(R"(,"name":)");
  json_write::String(report.kb_name, out);
  out->append(R"(},"sentences":[)");
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    const Span& sp = report.sentences[i];
    if (i) out->push_back(',');
    out->append(R"({"end":)");
    json_write::Number(sp.end, out);
    out->append(R"(,"end16":)");
    json_write::Number(sp.end16, out);
    out->append(R"(,"start":)");
    json_write::Number(sp.start, out);
    out->append(R"(,"start16":)");
    json_write::Number(sp.start16, out);
    out->push_back('}');
  }
  out->append("]}");
}

// A JSON string at s[*i] (the opening quote), decoded into *out; false for anything this reader
// does not take (a control character, a bad escape or surrogate, malformed UTF-8), which the full
// parser then reads and reports. Copies runs of plain bytes at once.
// Bytes a run of plain string content stops at: '"', '\\', control characters and non-ASCII.
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
  return t;
}();

bool ReadSimpleString(std::string_view s, size_t* i, std::string* out) {
  size_t k = *i + 1;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  bool reserved = false;
  while (true) {
    size_t run = k;
    while (k < s.size() && !kStringStop[u[k]]) ++k;
    if (!reserved && k < s.size() && u[k] != '"') {  // a long string (a text): at most the rest of the line
      out->reserve(out->size() + (k - run) + (s.size() - k));
      reserved = true;
    }
    out->append(s.data() + run, k - run);
    if (k >= s.size()) return false;
    const unsigned char c = static_cast<unsigned char>(s[k]);
    if (c == '"') {
      *i = k + 1;
      return true;
    }
    if (c < 0x20) return false;
    if (c >= 0x80) {  // one well-formed UTF-8 sequence (Unicode Table 3-7), copied as it is
      size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (n == 0 || k + n > s.size()) return false;
      const unsigned char c1 = static_cast<unsigned char>(s[k + 1]);
      const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi) return false;
      for (size_t m = 2; m < n; ++m)
        if ((static_cast<unsigned char>(s[k + m]) & 0xC0) != 0x80) return false;
      out->append(s.data() + k, n);
      k += n;
      continue;
    }
    // An escape.
    if (k + 1 >= s.size()) return false;
    const char e = s[k + 1];
    const char* simple = e == '"' ? "\"" : e == '\\' ? "\\" : e == '/' ? "/" : e == 'b' ? "\b" : e == 'f' ? "\f"
                       : e == 'n' ? "\n" : e == 'r' ? "\r" : e == 't' ? "\t" : nullptr;
    if (simple) {
      out->push_back(*simple);
      k += 2;
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
    AppendUtf8(out, cp);
  }
}

}  // namespace

// Anything it does not take (numbers, nesting, a BOM, an escape in a key, a duplicate key) goes
// to nlohmann's parser, which also gives the error messages.
bool ParseSimpleRequest(std::string_view s, nlohmann::json* doc) {
  auto ws = [&](size_t* i) {
    while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r')) ++*i;
  };
  size_t i = 0;
  ws(&i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  nlohmann::json::object_t object;
  ws(&i);
  if (i < s.size() && s[i] == '}') {
    ++i;
  } else {
    while (true) {
      ws(&i);
      if (i >= s.size() || s[i] != '"') return false;
      const size_t key_end = s.find('"', i + 1);
      if (key_end == std::string_view::npos) return false;
      std::string key(s.substr(i + 1, key_end - i - 1));
      for (char c : key)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) return false;
      i = key_end + 1;
      ws(&i);
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      ws(&i);
      nlohmann::json value;
      if (i < s.size() && s[i] == '"') {
        std::string text;
        if (!ReadSimpleString(s, &i, &text)) return false;
        value = std::move(text);
      } else if (s.substr(i, 4) == "null") {
        i += 4;
      } else {
        return false;
      }
      if (!object.emplace(std::move(key), std::move(value)).second) return false;
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
  if (i != s.size()) return false;
  *doc = std::move(object);
  return true;
}

JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on) {
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
    result.output = R"({"id":)" + out["id"].dump(-1, ' ', false, json::error_handler_t::replace) + R"(,"report":)";
    result.output.reserve(result.output.size() + 200 + 64 * report.sentences.size() + 600 * report.findings.size());
    AppendReport(report, &result.output);
    result.output.push_back('}');
    return result;
  }
  result.output = out.dump(-1, ' ', false, json::error_handler_t::replace);
  return result;
}

}  // namespace factlint
