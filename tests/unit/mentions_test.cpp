// Stage 2 (core/src/mentions.cpp, titles.cpp, events.cpp): people, title claims, events, quotes
// and lexicon phrases found in small texts with the basic test KB.

#include "mentions.h"

#include <catch2/catch.hpp>

#include "stages.h"

using factlint::Tense;
using factlint_test::Stages;

namespace {

std::string ClaimText(const Stages& s, const factlint::TitleClaim& c) { return s.view.Orig(c.start, c.end); }

}  // namespace

TEST_CASE("mentions: title claims, their spans and tenses", "[mentions]") {
  struct Row {
    const char* text;
    const char* claim;  // "" = no claim
    Tense tense;
    bool administration;
  };
  for (Row r : {
           Row{"Former German Chancellor Angela Merkel spoke.", "Former German Chancellor Angela Merkel", Tense::kFormer, false},
           Row{"He met ex-President Donald Trump.", "ex-President Donald Trump", Tense::kFormer, false},
           Row{"Olaf Scholz, the German chancellor, spoke.", "Olaf Scholz, the German chancellor", Tense::kPresent, false},
           Row{"He met then-President Donald Trump.", "then-President Donald Trump", Tense::kSkip, false},
           Row{"The Joe Biden administration acted.", "Joe Biden administration", Tense::kPresent, true},
           Row{"Vice President Joe Biden spoke.", "", Tense::kPresent, false},          // another title
           Row{"Party President Emmanuel Macron spoke.", "", Tense::kPresent, false},   // tied to a name
       }) {
    INFO(r.text);
    Stages s(r.text);
    if (!*r.claim) {
      CHECK(s.mentions.titles.empty());
      continue;
    }
    REQUIRE(s.mentions.titles.size() == 1);
    const factlint::TitleClaim& c = s.mentions.titles[0];
    CHECK(ClaimText(s, c) == r.claim);
    CHECK(c.tense == r.tense);
    CHECK(c.administration == r.administration);
    CHECK(c.person >= 0);
    CHECK_FALSE(c.offices.empty());
  }
}

TEST_CASE("mentions: a jurisdiction names the office even when the person never held it", "[mentions]") {
  Stages s("German Chancellor Emmanuel Macron spoke.");
  REQUIRE(s.mentions.titles.size() == 1);
  CHECK(s.mentions.titles[0].has_jurisdiction);
  CHECK(s.mentions.titles[0].offices ==
        std::vector<int>{factlint_test::BasicKb().office_by_id.at("de-chancellor")});
}

TEST_CASE("mentions: a short form names the person of the latest full mention", "[mentions]") {
  Stages s("Boris Johnson arrived. Johnson spoke.");
  REQUIRE(s.mentions.persons.size() == 2);
  CHECK(s.mentions.persons[0].full);
  CHECK_FALSE(s.mentions.persons[1].full);
  CHECK(s.mentions.persons[1].person == s.mentions.persons[0].person);
  CHECK(s.mentions.persons_in_sentence[1] == std::vector<size_t>{1});
}

TEST_CASE("mentions: events, prospective markers and stated dates", "[mentions]") {
  {
    Stages s("Leaders prepared for a possible Russian invasion of Ukraine.");
    REQUIRE(s.mentions.events.size() == 1);
    const factlint::EventMention& em = s.mentions.events[0];
    CHECK(em.prospective);
    CHECK(s.view.Orig(em.claim_start, em.end) == "possible Russian invasion of Ukraine");
  }
  {
    Stages s("Leaders met a year after the Russian invasion of Ukraine.");
    REQUIRE(s.mentions.events.size() == 1);
    CHECK_FALSE(s.mentions.events[0].prospective);
  }
  {
    Stages s("The Russian invasion of Ukraine in February 2021 shocked Europe.");
    REQUIRE(s.mentions.events.size() == 1);
    const factlint::EventMention& em = s.mentions.events[0];
    REQUIRE(em.time >= 0);
    CHECK(s.sentences.times[0][static_cast<size_t>(em.time)].year == 2021);
    CHECK(s.mentions.event_dates[0][static_cast<size_t>(em.time)] == 1);
  }
}

TEST_CASE("mentions: quotes, their speakers and lexicon phrases", "[mentions]") {
  Stages s("\"I need ammunition, not a ride,\" Volodymyr Zelenskyy said. Officials reportedly agreed.");
  REQUIRE(s.mentions.quotes.size() == 1);
  CHECK(s.mentions.quotes[0].speaker == factlint_test::BasicKb().person_by_id.at("volodymyr-zelenskyy"));
  bool hedge = false;
  for (const factlint::Phrase& p : s.mentions.lexicon)
    hedge = hedge || (p.kind == factlint::PhraseKind::kHedge && s.view.Orig(p.start, p.end) == "reportedly");
  CHECK(hedge);
}
