// ReportToJson: the report as one line of JSON, the contract every front end reads
// (docs/REPORT.md). Keys are written in a fixed order and findings in the report's order, so the
// same input always gives the same bytes.
//
// Written straight from the Report (it used to build an nlohmann::ordered_json and dump it, which
// was a quarter of an incremental re-check's time): strings that need no escaping are copied, any
// other goes through nlohmann's serializer as before (escapes, invalid UTF-8 replaced), numbers
// are decimal — the same bytes (tests/unit/report_test.cpp holds it to the ordered_json writer).

#include "factlint/factlint.h"
#include "json_write.h"

namespace factlint {
namespace {

// "start":…,"end":…,"start16":…,"end16":… — a sentence's or a finding's span, in the contract's order.
void SpanFields(const Span& s, std::string* out) {
  out->append(R"("start":)");
  json_write::Number(s.start, out);
  out->append(R"(,"end":)");
  json_write::Number(s.end, out);
  out->append(R"(,"start16":)");
  json_write::Number(s.start16, out);
  out->append(R"(,"end16":)");
  json_write::Number(s.end16, out);
}

}  // namespace

std::string ReportToJson(const Report& report) {
  std::string out;
  out.reserve(256 + report.sentences.size() * 56 + report.findings.size() * 400);
  out.append(R"({"factlint":)");
  json_write::String(kVersion, &out);
  out.append(R"(,"kb":{"name":)");
  json_write::String(report.kb_name, &out);
  out.append(R"(,"as_of":)");
  json_write::String(report.kb_as_of, &out);
  const ReferenceDate& rd = report.reference_date;
  out.append(R"(},"document":{"reference_date":{"from":)");
  json_write::DateOrNull(rd.from, &out);
  out.append(R"(,"to":)");
  json_write::DateOrNull(rd.to, &out);
  out.append(R"(,"source":)");
  json_write::String(rd.source.empty() ? std::string_view("none") : std::string_view(rd.source), &out);
  out.append(R"(,"evidence":[)");
  for (size_t i = 0; i < rd.evidence.size(); ++i) {
    if (i) out.push_back(',');
    json_write::String(rd.evidence[i], &out);
  }
  out.append(R"(],"candidates":[)");
  for (size_t i = 0; i < rd.candidates.size(); ++i) {
    if (i) out.push_back(',');
    out.append(R"({"from":)");
    json_write::String(FormatIsoDate(rd.candidates[i].from), &out);
    out.append(R"(,"to":)");
    json_write::String(FormatIsoDate(rd.candidates[i].to), &out);
    out.push_back('}');
  }
  out.append(R"(]}},"sentences":[)");
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    SpanFields(report.sentences[i], &out);
    out.push_back('}');
  }
  out.append(R"(],"findings":[)");
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out.push_back(',');
    out.append(R"({"rule":)");
    json_write::String(f.rule, &out);
    out.append(R"(,"severity":)");
    json_write::String(SeverityName(f.severity), &out);
    out.append(R"(,"sentence":)");
    json_write::Number(f.sentence, &out);
    out.push_back(',');
    SpanFields(f.span, &out);
    out.append(R"(,"text":)");
    json_write::String(f.text, &out);
    out.append(R"(,"message":)");
    json_write::String(f.message, &out);
    out.append(R"(,"evidence":[)");
    for (size_t k = 0; k < f.evidence.size(); ++k) {
      if (k) out.push_back(',');
      out.append(R"({"fact":)");
      json_write::String(f.evidence[k].fact, &out);
      out.append(R"(,"source":)");
      json_write::String(f.evidence[k].source, &out);
      out.push_back('}');
    }
    out.append(R"(],"suggestion":)");
    json_write::OptionalString(f.suggestion, &out);
    out.append(R"(,"claim_date":)");
    json_write::OptionalString(f.claim_date, &out);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace factlint
