// Stage 4 (core/src/check_*.cpp): each kind's check alone, run for one rule of the bundled
// catalogue on the stages' outputs, adds only that rule's findings; together with report.cpp
// they make Check's report.

#include "checks.h"

#include <catch2/catch.hpp>

#include "report.h"
#include "rule_kinds.h"
#include "stages.h"

using factlint_test::At;
using factlint_test::Stages;

namespace {

using CheckFn = factlint::RuleFn;

std::vector<factlint::Finding> Run(const Stages& s, CheckFn fn, const char* rule) {
  factlint::FindingSink sink(s.doc);
  fn(s.ctx, s.Rule(rule), &sink);
  return sink.Take();
}

}  // namespace

TEST_CASE("checks: each check adds its own rule's findings only", "[checks]") {
  struct Row {
    const char* rule;
    CheckFn fn;
    const char* text;
    const char* date;
    const char* span;
  };
  for (Row r : {
           Row{"TITLE_NOT_HELD", factlint::CheckTitleNotHeld, "German Chancellor Emmanuel Macron met reporters.",
               "2023-03-01", "German Chancellor Emmanuel Macron"},
           Row{"CURRENT_BUT_FORMER", factlint::CheckCurrentButFormer, "Prime Minister Theresa May visited Berlin.",
               "2021-06-01", "Prime Minister Theresa May"},
           Row{"FORMER_BUT_IN_OFFICE", factlint::CheckFormerButInOffice,
               "He met former U.S. President Donald Trump on Friday.", "2025-03-03",
               "former U.S. President Donald Trump"},
           Row{"ANACHRONISM", factlint::CheckAnachronism, "Leaders prepared for a possible Russian invasion of Ukraine.",
               "2023-05-19", "possible Russian invasion of Ukraine"},
           Row{"WEAK_SOURCING", factlint::CheckPhrases, "Officials reportedly agreed.", "2023-05-19",
               "reportedly"},
       }) {
    INFO(r.rule << ": " << r.text);
    Stages s(r.text, At(r.date));
    std::vector<factlint::Finding> found = Run(s, r.fn, r.rule);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == r.rule);
    CHECK(found[0].text == r.span);
    // The title checks leave each other's cases alone.
    for (const char* other : {"TITLE_NOT_HELD", "CURRENT_BUT_FORMER", "FORMER_BUT_IN_OFFICE"}) {
      if (std::string(other) == r.rule) continue;
      CHECK(Run(s, s.Rule(other).impl->run, other).empty());
    }
  }
}

TEST_CASE("checks: the stages and report.cpp give Check's report", "[checks]") {
  const char* text = "Prime Minister Theresa May visited Berlin. Officials reportedly agreed.";
  Stages s(text, At("2021-06-01"));
  factlint::FindingSink sink(s.doc);
  factlint::CheckCurrentButFormer(s.ctx, s.Rule("CURRENT_BUT_FORMER"), &sink);
  factlint::CheckPhrases(s.ctx, s.Rule("WEAK_SOURCING"), &sink);
  factlint::Report mine = factlint::MakeReport(factlint_test::BasicKb(), s.sentences.spans, s.timeline.reference,
                                               sink.Take(), At("2021-06-01"));
  factlint::Report full = factlint::Check(factlint_test::BasicKb(), text, At("2021-06-01"));
  CHECK(factlint::ReportToJson(mine) == factlint::ReportToJson(full));
}
