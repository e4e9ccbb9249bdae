// Stage 5 (core/src/report.cpp): findings filtered by the options and ordered by span, then rule.

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
