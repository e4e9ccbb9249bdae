// ReportToJson: the report as one line of JSON, the contract every front end reads
// (docs/REPORT.md). Keys are written in a fixed order and findings in the report's order, so the
// same input always gives the same bytes.

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace factlint {

std::string ReportToJson(const Report& report) {
  using json = nlohmann::ordered_json;
  json out;
  out["factlint"] = kVersion;
  out["kb"] = json{{"name", report.kb_name}, {"as_of", report.kb_as_of}};
  const ReferenceDate& rd = report.reference_date;
  json ref;
  ref["from"] = rd.from ? json(FormatIsoDate(*rd.from)) : json(nullptr);
  ref["to"] = rd.to ? json(FormatIsoDate(*rd.to)) : json(nullptr);
  ref["source"] = rd.source.empty() ? std::string("none") : rd.source;
  ref["evidence"] = rd.evidence;
  json candidates = json::array();
  for (const DateWindow& w : rd.candidates)
    candidates.push_back(json{{"from", FormatIsoDate(w.from)}, {"to", FormatIsoDate(w.to)}});
  ref["candidates"] = std::move(candidates);
  out["document"] = json{{"reference_date", ref}};
  json sentences = json::array();
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
  // Invalid UTF-8 in the input reaches "text": replace it rather than throw.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace factlint
