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
  json_write::Numbers({{R"("start":)", s.start}, {R"(,"end":)", s.end}, {R"(,"start16":)", s.start16},
                       {R"(,"end16":)", s.end16}}, out);
}

}  // namespace

std::string ReportToJson(const Report& report) {
  std::string out;
  out.reserve(256 + report.sentences.size() * 56 + report.findings.size() * 400);
  json_write::Raw(R"({"factlint":)", &out);
  json_write::String(kVersion, &out);
  json_write::Raw(R"(,"kb":{"name":)", &out);
  json_write::String(report.kb_name, &out);
  json_write::Raw(R"(,"as_of":)", &out);
  json_write::String(report.kb_as_of, &out);
  const ReferenceDate& rd = report.reference_date;
  json_write::Raw(R"(},"document":{"reference_date":{"from":)", &out);
  json_write::DateOrNull(rd.from, &out);
  json_write::Raw(R"(,"to":)", &out);
  json_write::DateOrNull(rd.to, &out);
  json_write::Raw(R"(,"source":)", &out);
  json_write::String(rd.source.empty() ? std::string_view("none") : std::string_view(rd.source), &out);
  json_write::Raw(R"(,"evidence":[)", &out);
  for (size_t i = 0; i < rd.evidence.size(); ++i) {
    if (i) out.push_back(',');
    json_write::String(rd.evidence[i], &out);
  }
  json_write::Raw(R"(],"candidates":[)", &out);
  for (size_t i = 0; i < rd.candidates.size(); ++i) {
    if (i) out.push_back(',');
    json_write::Raw(R"({"from":)", &out);
    json_write::String(FormatIsoDate(rd.candidates[i].from), &out);
    json_write::Raw(R"(,"to":)", &out);
    json_write::String(FormatIsoDate(rd.candidates[i].to), &out);
    out.push_back('}');
  }
  json_write::Raw(R"(]}},"sentences":[)", &out);
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    SpanFields(report.sentences[i], &out);
    out.push_back('}');
  }
  json_write::Raw(R"(],"findings":[)", &out);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out.push_back(',');
    json_write::Raw(R"({"rule":)", &out);
    json_write::String(f.rule, &out);
    json_write::Raw(R"(,"severity":)", &out);
    json_write::String(SeverityName(f.severity), &out);
    json_write::Raw(R"(,"sentence":)", &out);
    json_write::Number(f.sentence, &out);
    out.push_back(',');
    SpanFields(f.span, &out);
    json_write::Raw(R"(,"text":)", &out);
    json_write::String(f.text, &out);
    json_write::Raw(R"(,"message":)", &out);
    json_write::String(f.message, &out);
    json_write::Raw(R"(,"evidence":[)", &out);
    for (size_t k = 0; k < f.evidence.size(); ++k) {
      if (k) out.push_back(',');
      json_write::Raw(R"({"fact":)", &out);
      json_write::String(f.evidence[k].fact, &out);
      json_write::Raw(R"(,"source":)", &out);
      json_write::String(f.evidence[k].source, &out);
      out.push_back('}');
    }
    json_write::Raw(R"(],"suggestion":)", &out);
    json_write::OptionalString(f.suggestion, &out);
    json_write::Raw(R"(,"claim_date":)", &out);
    json_write::OptionalString(f.claim_date, &out);
    out.push_back('}');
  }
  json_write::Raw("]}", &out);
  return out;
}

}  // namespace factlint
