// Stage 3 (core/src/timeline.cpp): the reference window and every claim's own time.

#include "timeline.h"

#include <catch2/catch.hpp>

#include "dateline.h"
#include "stages.h"

using factlint_test::At;
using factlint_test::Stages;

TEST_CASE("timeline: the reference date is given, a dateline, inferred or none", "[timeline]") {
  struct Row {
    const char* text;
    bool given;
    const char* source;
    const char* from;  // "" = absent
  };
  for (Row r : {Row{"Prime Minister Theresa May visited Berlin.", true, "given", "2018-06-01"},
                Row{"LONDON, March 3, 2023 - Ministers met.", false, "dateline", "2023-03-03"},
                Row{"Prime Minister Liz Truss visited Berlin.", false, "inferred", "2022-09-06"},
                Row{"Nothing to go by.", false, "none", ""}}) {
    INFO(r.text);
    Stages s(r.text, r.given ? At("2018-06-01") : factlint::CheckOptions{});
    CHECK(s.timeline.reference.source == r.source);
    if (*r.from) {
      REQUIRE(s.timeline.reference.from);
      CHECK(factlint::FormatIsoDate(*s.timeline.reference.from) == r.from);
      REQUIRE(s.timeline.window);
    } else {
      CHECK_FALSE(s.timeline.window);
    }
  }
}

TEST_CASE("timeline: a claim's own date, else the window", "[timeline]") {
  {
    Stages s("In 2018, Prime Minister Theresa May visited Berlin.", At("2021-06-01"));
    REQUIRE(s.timeline.titles.size() == 1);
    const factlint::ClaimTime& ct = s.timeline.titles[0];
    REQUIRE(ct.own);
    CHECK(ct.when == "in 2018");
    CHECK(ct.judged->a == factlint::ParseIsoDate("2018-01-01")->days);
  }
  {
    Stages s("Prime Minister Theresa May visited Berlin.", At("2021-06-01"));
    const factlint::ClaimTime& ct = s.timeline.titles[0];
    CHECK_FALSE(ct.own);
    REQUIRE(ct.judged);
    CHECK(ct.when == "on 2021-06-01");
  }
  {
    // A date that looks ahead bounds the window and never dates a claim.
    Stages s("Prime Minister Theresa May will stay until 2030.", At("2018-06-01"));
    CHECK_FALSE(s.timeline.titles[0].own);
    CHECK(s.timeline.future[0][0] == 1);
  }
  {
    // A date after the KB's as_of: nothing to judge against.
    Stages s("Prime Minister Theresa May visited Berlin.", At("2030-01-01"));
    CHECK_FALSE(s.timeline.titles[0].judged);
  }
}

TEST_CASE("timeline: the dateline (dateline.h) is read from the first segments", "[timeline]") {
  struct Row {
    const char* text;
    const char* date;  // "" = none
  };
  for (Row r : {Row{"LONDON (Reuters) - March 3, 2023 - Ministers met.", "2023-03-03"},
                Row{"Published on 4 May 2020\n\nMinisters met.", "2020-05-04"},
                Row{"Ministers met on March 3, 2023.", ""}}) {
    INFO(r.text);
    const factlint::Document doc(r.text);
    const factlint::Sentences sentences = factlint::FindSentences(doc);
    std::optional<factlint::DatelineInfo> d = factlint::FindDatelineDate(doc, sentences.segments);
    CHECK((d && d->date ? factlint::FormatIsoDate(*d->date) : std::string()) == r.date);
  }
}
