// ReportToJson: the report as one line of JSON, the contract every front end reads
// (docs/REPORT.md). Keys are written in a fixed order and findings in the report's order, so the
// same input always gives the same bytes.
//
// Written straight from the Report (it used to build an nlohmann::ordered_json and dump it, which
// was a quarter of an incremental re-check's time): strings that need no escaping are copied, any
// other goes through nlohmann's serializer as before (escapes, invalid UTF-8 replaced), numbers
// are decimal — the same bytes (tests/unit/report_test.cpp holds it to the ordered_json writer).

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace factlint {
namespace {

void AppendString(std::string_view s, std::string* out) {
  bool plain = true;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out->push_back('"');
    out->append(s);
    out->push_back('"');
  } else {
    out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

void AppendNumber(size_t v, std::string* out) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out->append(p, static_cast<size_t>(buf + sizeof buf - p));
}

void AppendDateOrNull(const std::optional<Date>& d, std::string* out) {
  if (d) AppendString(FormatIsoDate(*d), out);
  else out->append("null");
}

void AppendOptional(const std::optional<std::string>& s, std::string* out) {
  if (s) AppendString(*s, out);
  else out->append("null");
}

}  // namespace

std::string ReportToJson(const Report& report) {
  std::string out;
  out.reserve(256 + report.sentences.size() * 56 + report.findings.size() * 400);
  out.append(R"({"factlint":)");
  AppendString(kVersion, &out);
  out.append(R"(,"kb":{"name":)");
  AppendString(report.kb_name, &out);
  out.append(R"(,"as_of":)");
  AppendString(report.kb_as_of, &out);
  const ReferenceDate& rd = report.reference_date;
  out.append(R"(},"document":{"reference_date":{"from":)");
  AppendDateOrNull(rd.from, &out);
  out.append(R"(,"to":)");
  AppendDateOrNull(rd.to, &out);
  out.append(R"(,"source":)");
  AppendString(rd.source.empty() ? std::string_view("none") : std::string_view(rd.source), &out);
  out.append(R"(,"evidence":[)");
  for (size_t i = 0; i < rd.evidence.size(); ++i) {
    if (i) out.push_back(',');
    AppendString(rd.evidence[i], &out);
  }
  out.append(R"(],"candidates":[)");
  for (size_t i = 0; i < rd.candidates.size(); ++i) {
    if (i) out.push_back(',');
    out.append(R"({"from":)");
    AppendString(FormatIsoDate(rd.candidates[i].from), &out);
    out.append(R"(,"to":)");
    AppendString(FormatIsoDate(rd.candidates[i].to), &out);
    out.push_back('}');
  }
  out.append(R"(]}},"sentences":[)");
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    const Span& s = report.sentences[i];
    if (i) out.push_back(',');
    out.append(R"({"start":)");
    AppendNumber(s.start, &out);
    out.append(R"(,"end":)");
    AppendNumber(s.end, &out);
    out.append(R"(,"start16":)");
    AppendNumber(s.start16, &out);
    out.append(R"(,"end16":)");
    AppendNumber(s.end16, &out);
    out.push_back('}');
  }
  out.append(R"(],"findings":[)");
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out.push_back(',');
    out.append(R"({"rule":)");
    AppendString(f.rule, &out);
    out.append(R"(,"severity":)");
    AppendString(SeverityName(f.severity), &out);
    out.append(R"(,"sentence":)");
    AppendNumber(f.sentence, &out);
    out.append(R"(,"start":)");
    AppendNumber(f.span.start, &out);
    out.append(R"(,"end":)");
    AppendNumber(f.span.end, &out);
    out.append(R"(,"start16":)");
    AppendNumber(f.span.start16, &out);
    out.append(R"(,"end16":)");
    AppendNumber(f.span.end16, &out);
    out.append(R"(,"text":)");
    AppendString(f.text, &out);
    out.append(R"(,"message":)");
    AppendString(f.message, &out);
    out.append(R"(,"evidence":[)");
    for (size_t k = 0; k < f.evidence.size(); ++k) {
      if (k) out.push_back(',');
      out.append(R"({"fact":)");
      AppendString(f.evidence[k].fact, &out);
      out.append(R"(,"source":)");
      AppendString(f.evidence[k].source, &out);
      out.push_back('}');
    }
    out.append(R"(],"suggestion":)");
    AppendOptional(f.suggestion, &out);
    out.append(R"(,"claim_date":)");
    AppendOptional(f.claim_date, &out);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace factlint
