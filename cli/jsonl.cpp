// The JSONL request reader (see jsonl.h). A request that cannot be read becomes an error line and
// the stream goes on; nothing here throws.

#include "jsonl.h"

#include <nlohmann/json.hpp>

namespace factlint {
namespace {

// The report of ReportToJson as a value, built straight from the Report: the line out used to be
// ReportToJson's text parsed back into a json (which sorts the keys) and dumped again. Building
// the same sorted-key value directly gives the same bytes without writing and re-reading the
// report (tests: scripts/compare-reports over the corpora).
nlohmann::json ReportValue(const Report& report) {
  using json = nlohmann::json;
  json out;
  out["factlint"] = kVersion;
  out["kb"] = json{{"name", report.kb_name}, {"as_of", report.kb_as_of}};
  const ReferenceDate& rd = report.reference_date;
  json ref;
  ref["from"] = rd.from ? json(FormatIsoDate(*rd.from)) : json(nullptr);
  ref["to"] = rd.to ? json(FormatIsoDate(*rd.to)) : json(nullptr);
  ref["source"] = rd.source.empty() ? std::string("none") : rd.source;
  ref["evidence"] = rd.evidence;
  out["document"] = json{{"reference_date", std::move(ref)}};
  json sentences = json::array();
  sentences.get_ref<json::array_t&>().reserve(report.sentences.size());
  for (const Span& s : report.sentences)
    sentences.push_back(json{{"start", s.start}, {"end", s.end}, {"start16", s.start16}, {"end16", s.end16}});
  out["sentences"] = std::move(sentences);
  json findings = json::array();
  for (const Finding& f : report.findings) {
    json evidence = json::array();
    for (const Evidence& e : f.evidence) evidence.push_back(json{{"fact", e.fact}, {"source", e.source}});
    json j;
    j["rule"] = f.rule;
    j["severity"] = std::string(SeverityName(f.severity));
    j["sentence"] = f.sentence;
    j["start"] = f.span.start;
    j["end"] = f.span.end;
    j["start16"] = f.span.start16;
    j["end16"] = f.span.end16;
    j["text"] = f.text;
    j["message"] = f.message;
    j["evidence"] = std::move(evidence);
    j["suggestion"] = f.suggestion ? json(*f.suggestion) : json(nullptr);
    j["claim_date"] = f.claim_date ? json(*f.claim_date) : json(nullptr);
    findings.push_back(std::move(j));
  }
  out["findings"] = std::move(findings);
  return out;
}

}  // namespace

JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on) {
  using json = nlohmann::json;
  JsonlResult result;
  json out;
  json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
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
    out["report"] = ReportValue(report);
  }
  result.output = out.dump(-1, ' ', false, json::error_handler_t::replace);
  return result;
}

}  // namespace factlint
