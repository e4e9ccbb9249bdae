// Stage 5 (core/src/report.cpp): findings filtered by the options and ordered by span, then rule;
// ReportToJson (report_json.cpp) against the ordered_json writer it replaced.

#include "report.h"

#include <catch2/catch.hpp>

#include "test_kbs.h"

namespace {

factlint::Finding F(const char* rule, factlint::Severity severity, size_t start, size_t end) {
  factlint::Finding f;
  f.rule = rule;
  f.severity = severity;
  f.span = factlint::Span{start, end, start, end};
  return f;
}

std::string Order(const factlint::Report& r) {
  std::string out;
  for (const auto& f : r.findings) out += f.rule + "@" + std::to_string(f.span.start) + " ";
  return out;
}

}  // namespace

TEST_CASE("report: order by start, end, rule; filter by severity and disabled rules", "[report]") {
  using factlint::Severity;
  std::vector<factlint::Finding> findings = {F("B", Severity::kError, 10, 20), F("A", Severity::kInfo, 10, 20),
                                             F("C", Severity::kWarning, 5, 30), F("A", Severity::kError, 10, 15)};
  factlint::CheckOptions all;
  factlint::Report r = factlint::MakeReport(factlint_test::BasicKb(), {}, {}, findings, all);
  CHECK(Order(r) == "C@5 A@10 A@10 B@10 ");
  CHECK(r.findings[1].span.end == 15);
  CHECK(r.kb_as_of == "2026-11-01");

  factlint::CheckOptions warn;
  warn.min_severity = Severity::kWarning;
  warn.disabled_rules = {"C"};
  CHECK(Order(factlint::MakeReport(factlint_test::BasicKb(), {}, {}, findings, warn)) == "A@10 B@10 ");
}

namespace {

using factlint_test::ReadFile;

// The writer ReportToJson replaced (an nlohmann::ordered_json built and dumped), kept here as the
// reference the direct writer must match byte for byte.
std::string ReferenceJson(const factlint::Report& report) {
  using json = nlohmann::ordered_json;
  using factlint::FormatIsoDate;
  json out;
  out["factlint"] = factlint::kVersion;
  out["kb"] = json{{"name", report.kb_name}, {"as_of", report.kb_as_of}};
  const factlint::ReferenceDate& rd = report.reference_date;
  json ref;
  ref["from"] = rd.from ? json(FormatIsoDate(*rd.from)) : json(nullptr);
  ref["to"] = rd.to ? json(FormatIsoDate(*rd.to)) : json(nullptr);
  ref["source"] = rd.source.empty() ? std::string("none") : rd.source;
  ref["evidence"] = rd.evidence;
  json candidates = json::array();
  for (const factlint::DateWindow& w : rd.candidates)
    candidates.push_back(json{{"from", FormatIsoDate(w.from)}, {"to", FormatIsoDate(w.to)}});
  ref["candidates"] = std::move(candidates);
  out["document"] = json{{"reference_date", ref}};
  json sentences = json::array();
  for (const factlint::Span& s : report.sentences)
    sentences.push_back(json{{"start", s.start}, {"end", s.end}, {"start16", s.start16}, {"end16", s.end16}});
  out["sentences"] = std::move(sentences);
  json findings = json::array();
  for (const factlint::Finding& f : report.findings) {
    json evidence = json::array();
    for (const factlint::Evidence& e : f.evidence) evidence.push_back(json{{"fact", e.fact}, {"source", e.source}});
    json j;
    j["rule"] = f.rule;
    j["severity"] = std::string(factlint::SeverityName(f.severity));
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
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("report: ReportToJson writes the bytes of the ordered_json writer", "[report]") {
  using factlint::Severity;
  factlint::Report empty;
  CHECK(factlint::ReportToJson(empty) == ReferenceJson(empty));

  factlint::Report r;
  r.kb_name = "KB \"quoted\" \\ name";
  r.kb_as_of = "2025-01-01";
  r.reference_date.from = factlint::ParseIsoDate("2024-03-01");
  r.reference_date.to = factlint::ParseIsoDate("2024-03-31");
  r.reference_date.source = "inferred";
  r.reference_date.evidence = {"a clue", "tab\there, newline\nthere, é, \x01"};
  r.reference_date.candidates = {{*factlint::ParseIsoDate("2024-03-01"), *factlint::ParseIsoDate("2024-03-10")},
                                 {*factlint::ParseIsoDate("2024-03-20"), *factlint::ParseIsoDate("2024-03-31")}};
  r.sentences = {{0, 10, 0, 10}, {11, 4000000000u, 11, 3999999999u}};
  factlint::Finding f = F("TITLE_NOT_HELD", Severity::kError, 0, 7);
  f.text = "bad \xff\xfe utf-8 “curly” 🌍";
  f.message = "message with \"quotes\"";
  f.evidence = {{"fact", "source https://example.org/x?a=1&b=2"}, {"", ""}};
  f.suggestion = "former ";
  f.claim_date = "2003-03-19";
  r.findings.push_back(f);
  r.findings.push_back(F("HEDGE_WORDS", Severity::kInfo, 11, 20));
  CHECK(factlint::ReportToJson(r) == ReferenceJson(r));

  // Whole reports of the golden articles with their KB.
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(ReadFile(FACTLINT_SOURCE_DIR "/tests/golden/golden-kb.json"));
  REQUIRE(kb.ok());
  for (const char* name : {"anachronism", "event_dates", "former_in_office", "inconsistent", "quotes", "quotes_altered",
                           "sourcing", "title_not_held", "clean"}) {
    const std::string text = ReadFile(std::string(FACTLINT_SOURCE_DIR "/tests/golden/") + name + ".txt");
    const factlint::Report report = factlint::Check(*kb.value(), text, {});
    CHECK(factlint::ReportToJson(report) == ReferenceJson(report));
  }
}
