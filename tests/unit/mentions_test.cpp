// Stage 2 (core/src/mentions.cpp, titles.cpp, events.cpp): people, title claims, events, quotes
// and lexicon phrases found in small texts with the basic test KB.

#include "mentions.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

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
           // A capital at the start of a sentence ties the title only when the word does not open sentences.
           Row{"Acme President Emmanuel Macron spoke.", "", Tense::kPresent, false},
           Row{"But President Emmanuel Macron spoke.", "President Emmanuel Macron", Tense::kPresent, false},
           Row{"Yesterday French President Emmanuel Macron spoke.", "French President Emmanuel Macron", Tense::kPresent, false},
           Row{"Visiting French President Emmanuel Macron spoke.", "French President Emmanuel Macron", Tense::kPresent, false},
           Row{"Former President Emmanuel Macron spoke.", "Former President Emmanuel Macron", Tense::kFormer, false},
           // "NAME, title of X": the title of another body unless X is a jurisdiction.
           Row{"Emmanuel Macron, president of France, spoke.", "Emmanuel Macron, president of France", Tense::kPresent, false},
           Row{"Emmanuel Macron, president of the Rotary Club, spoke.", "", Tense::kPresent, false},
           Row{"Emmanuel Macron, president of the club, spoke.", "", Tense::kPresent, false},
           Row{"Emmanuel Macron, the president, of course spoke.", "Emmanuel Macron, the president", Tense::kPresent, false},
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
        std::vector<int>{factlint::KbIndexOf(factlint_test::BasicKb().offices, "de-chancellor")});
}

TEST_CASE("mentions: a short form names the person of the latest full mention", "[mentions]") {
  Stages s("Boris Johnson arrived. Johnson spoke.");
  REQUIRE(s.mentions.persons.size() == 2);
  CHECK(s.mentions.persons[0].full);
  CHECK_FALSE(s.mentions.persons[1].full);
  CHECK(s.mentions.persons[1].person == s.mentions.persons[0].person);
  CHECK(s.mentions.persons_in_sentence[1] == std::vector<size_t>{1});
}

TEST_CASE("mentions: a short form after an unknown given name names nobody", "[mentions]") {
  struct Row {
    const char* second;  // the sentence after "Boris Johnson arrived."
    bool mention;        // "Johnson" in it names Boris Johnson
  };
  for (Row r : {
           Row{"Johnson spoke.", true},
           Row{"Rachel Johnson spoke.", false},          // somebody else's given name
           Row{"Then Rachel Johnson spoke.", false},
           Row{"Mr Johnson spoke.", true},               // an honorific
           Row{"MR JOHNSON SPOKE.", true},
           Row{"Sir Johnson spoke.", true},
           Row{"Prime Minister Johnson spoke.", true},   // a title
           Row{"But Johnson spoke.", true},              // a word that opens sentences
           Row{"Smith, Johnson and Jones spoke.", true},  // a list
           Row{"Later that day Johnson spoke.", true},   // a lower-case word before it
       }) {
    std::string text = std::string("Boris Johnson arrived. ") + r.second;
    INFO(text);
    Stages s(text);
    REQUIRE(!s.mentions.persons.empty());
    const int boris = s.mentions.persons[0].person;
    const bool named = s.mentions.persons.size() == 2 && s.mentions.persons[1].person == boris;
    CHECK(named == r.mention);
    if (!r.mention) CHECK(s.mentions.persons.size() == 1);
  }
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

TEST_CASE("mentions: a prospective predicate after the trigger", "[mentions]") {
  struct Row {
    const char* text;
    bool prospective;
    const char* claim;  // the claim's text when prospective
  };
  const Row rows[] = {
      {"The 2024 presidential election will be held in November.", true, "2024 presidential election will be held"},
      {"The 2020 election is due to take place on Tuesday.", true, "2020 election is due to take place"},
      {"The Lakeside Regatta, which the town will host, draws crowds.", true, "Lakeside Regatta, which the town will host"},
      {"The Lakeside Regatta that Geneva will host draws crowds.", true, "Lakeside Regatta that Geneva will host"},
      {"The Lakeside Regatta will begin to pay off for hotels.", false, ""},      // its effects
      {"The Lakeside Regatta will be held up as a model.", false, ""},            // held up as
      {"The Lakeside Regatta would be held in June, they said in 2003.", false, ""},  // future in the past
      {"The Lakeside Regatta, officials said, will be held again.", false, ""},   // a comma, no relative
      {"The Lakeside Regatta, which the whole town of Geneva will host, draws crowds.", false, ""},  // subject too long
      {"The Lakeside Regatta will not be held.", false, ""},
      {"The Lakeside Regatta was held in June.", false, ""},
      {"Officials prepared for the upcoming Lakeside Regatta anniversary.", false, ""},  // of the event
      {"The upcoming Lakeside Regatta will draw crowds.", true, "upcoming Lakeside Regatta"},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    Stages s(r.text);
    REQUIRE(s.mentions.events.size() == 1);
    const factlint::EventMention& em = s.mentions.events[0];
    CHECK(em.prospective == r.prospective);
    if (r.prospective) CHECK(s.view.Orig(em.claim_start, std::max(em.claim_end, em.end)) == r.claim);
    if (!r.prospective) CHECK(em.claim_end == em.end);
  }
}

TEST_CASE("mentions: quotes, their speakers and lexicon phrases", "[mentions]") {
  Stages s("\"I need ammunition, not a ride,\" Volodymyr Zelenskyy said. Officials reportedly agreed.");
  REQUIRE(s.mentions.quotes.size() == 1);
  CHECK(s.mentions.quotes[0].speaker == factlint::KbIndexOf(factlint_test::BasicKb().people, "volodymyr-zelenskyy"));
  bool hedge = false;
  for (const factlint::Phrase& p : s.mentions.lexicon)
    hedge = hedge || (p.kind == factlint::PhraseKind::kHedge && s.view.Orig(p.start, p.end) == "reportedly");
  CHECK(hedge);
}

TEST_CASE("mentions: a meeting named by two of its participants and its place", "[mentions]") {
  // A fictional KB: a two-person meeting and a crowded summit at the same palace.
  const char* kb_json = R"({"schema_version": 1, "name": "meetings", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [
      {"id": "anna-berg", "name": "Anna Berg", "aliases": [], "short": ["Berg"]},
      {"id": "karl-holm", "name": "Karl Holm", "aliases": [], "short": ["Holm"]},
      {"id": "ole-dahl", "name": "Ole Dahl", "aliases": [], "short": ["Dahl"]},
      {"id": "per-lund", "name": "Per Lund", "aliases": [], "short": ["Lund"]},
      {"id": "eva-sten", "name": "Eva Sten", "aliases": [], "short": ["Sten"]},
      {"id": "ida-moe", "name": "Ida Moe", "aliases": [], "short": ["Moe"]}],
    "offices": [], "terms": [],
    "events": [
      {"id": "berg-holm-2021", "name": "Berg-Holm palace meeting", "kind": "meeting", "date": "2021-03-04",
       "participants": ["anna-berg", "karl-holm"], "place": "Blue Room, Castle Palace, Strelsau",
       "triggers": ["Berg-Holm palace meeting"], "source": "gazette"},
      {"id": "palace-summit-2022", "name": "Palace summit of six", "kind": "summit", "date": "2022-05-06",
       "participants": ["anna-berg", "ole-dahl", "per-lund", "eva-sten", "ida-moe", "karl-holm"],
       "place": "Castle Palace, Strelsau", "triggers": ["Palace summit of six"], "source": "gazette"}],
    "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": ["will"]}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  struct Row {
    const char* text;
    int events;  // events of the by-participants mention; 0 = no such mention
  };
  for (Row r : {Row{"Anna Berg and Karl Holm held a meeting at the Castle Palace.", 1},
                Row{"Talks between Berg and Holm in the Blue Room ran late, Anna Berg and Karl Holm said.", 1},
                Row{"Anna Berg will hold a meeting with Karl Holm at the Castle Palace.", 0},  // ahead: meetings recur
                Row{"Anna Berg and Karl Holm held a meeting in Strelsau.", 0},      // the broadest place part
                Row{"Anna Berg met Karl Holm at the Castle Palace.", 0},             // no meeting noun
                Row{"Anna Berg and Ole Dahl held a meeting at the Castle Palace.", 0},  // 2 of 6 guests
                Row{"Anna Berg held a meeting at the Castle Palace.", 0}}) {        // one participant
    INFO(r.text);
    Stages s(r.text, {}, *kb.value());
    int found = 0;
    for (const factlint::EventMention& em : s.mentions.events)
      if (em.by_participants) {
        found = static_cast<int>(em.events.size());
        CHECK_FALSE(em.prospective);
        CHECK(em.events.front() == 0);
      }
    CHECK(found == r.events);
  }
  // It dates the text (reported as past) but is never judged: no EVENT_DATE_MISMATCH for a date.
  factlint::Report report = factlint::Check(*kb.value(), "In 2019, Anna Berg and Karl Holm held a meeting at the Castle Palace.", {});
  for (const factlint::Finding& f : report.findings) CHECK(f.rule != "EVENT_DATE_MISMATCH");
  factlint::Report undated = factlint::Check(*kb.value(), "Anna Berg and Karl Holm held a meeting at the Castle Palace.", {});
  REQUIRE(undated.reference_date.from);
  CHECK(factlint::FormatIsoDate(*undated.reference_date.from) == "2021-03-04");
}

TEST_CASE("mentions: a surname is resolved by its title only for an office of one holder", "[mentions]") {
  // The KB knows one senator named Warner (from 2009) and one prime minister named Holm. In 2005
  // "Senator Warner" may be another Warner the KB does not know: no claim, so no finding.
  const char* kb_json = R"({"schema_version": 1, "name": "surnames", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [
      {"id": "mark-warner", "name": "Mark Warner", "aliases": [], "short": ["Warner"]},
      {"id": "karl-holm", "name": "Karl Holm", "aliases": [], "short": ["Holm"]}],
    "offices": [
      {"id": "us-senator", "name": "United States Senator", "titles": ["Senator", "Sen."],
       "jurisdiction": ["U.S."], "single_holder": false, "role": "legislator"},
      {"id": "rt-prime-minister", "name": "Prime Minister of Ruritania", "titles": ["Prime Minister"],
       "jurisdiction": ["Ruritanian"], "single_holder": true, "role": "head_of_government"}],
    "terms": [
      {"person": "mark-warner", "office": "us-senator", "start": "2009-01-03", "end": null, "source": "gazette"},
      {"person": "karl-holm", "office": "rt-prime-minister", "start": "2010-01-01", "end": null, "source": "gazette"}],
    "events": [], "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": []}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  factlint::CheckOptions at2005;
  at2005.date = factlint::ParseIsoDate("2005-06-01");
  Stages senator("Senator Warner spoke in the chamber.", at2005, *kb.value());
  CHECK(senator.mentions.titles.empty());
  CHECK(factlint::Check(*kb.value(), "Senator Warner spoke in the chamber.", at2005).findings.empty());
  // Said in full, the claim is judged: Mark Warner was not a senator in 2005.
  Stages full("Senator Mark Warner spoke in the chamber.", at2005, *kb.value());
  CHECK(full.mentions.titles.size() == 1);
  // An office of one holder resolves its surname: Holm was not prime minister in 2005.
  Stages pm("Prime Minister Holm spoke.", at2005, *kb.value());
  REQUIRE(pm.mentions.titles.size() == 1);
  CHECK(pm.mentions.persons[0].person == 1);
}

TEST_CASE("mentions: PosIndex keeps what the maps it replaced kept", "[mentions]") {
  // The reference: the unordered maps ScanPhrases filled before (by end: the first hit added at
  // a position; by start: the one with the greatest end, the first added among equals), over
  // random hits on a small range of positions, so positions repeat.
  uint32_t seed = 2024;
  auto rnd = [&](uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<factlint::PhraseMatcher::Hit> hits;
    const uint32_t span = 1 + rnd(40);
    for (uint32_t k = rnd(60); k > 0; --k) {
      const uint32_t a = rnd(span), len = 1 + rnd(6);
      hits.push_back(factlint::PhraseMatcher::Hit{a, a + len, static_cast<int>(rnd(5))});
    }
    std::unordered_map<uint32_t, size_t> by_end, by_start;
    factlint::PosIndex end_index, start_index;
    for (size_t h = 0; h < hits.size(); ++h) {
      by_end.emplace(hits[h].end, h);
      auto it = by_start.find(hits[h].start);
      if (it == by_start.end() || hits[it->second].end < hits[h].end) by_start[hits[h].start] = h;
      end_index.Add(hits[h].end, h);
      start_index.Add(hits[h].start, h);
    }
    end_index.Seal(factlint::PosIndex::Keep::kFirst, hits);
    start_index.Seal(factlint::PosIndex::Keep::kLongest, hits);
    REQUIRE(end_index.size() == by_end.size());
    REQUIRE(start_index.size() == by_start.size());
    for (uint32_t pos = 0; pos < span + 8; ++pos) {
      const auto e = end_index.find(pos);
      const auto want_e = by_end.find(pos);
      REQUIRE((e == end_index.end()) == (want_e == by_end.end()));
      if (want_e != by_end.end()) CHECK(e->second == want_e->second);
      CHECK(end_index.count(pos) == by_end.count(pos));
      const auto s = start_index.find(pos);
      const auto want_s = by_start.find(pos);
      REQUIRE((s == start_index.end()) == (want_s == by_start.end()));
      if (want_s != by_start.end()) CHECK(s->second == want_s->second);
    }
  }
}
