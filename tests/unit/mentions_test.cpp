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
           // Ranks and honorifics between title and name, capitalised, with or without a period, up to three.
           Row{"Prime Minister Sir Keir Starmer spoke.", "Prime Minister Sir Keir Starmer", Tense::kPresent, false},
           Row{"Former German Chancellor Dr. Angela Merkel spoke.", "Former German Chancellor Dr. Angela Merkel",
               Tense::kFormer, false},
           Row{"French President Lt. Gen. Emmanuel Macron spoke.", "French President Lt. Gen. Emmanuel Macron",
               Tense::kPresent, false},
           Row{"NATO Secretary General Jens Stoltenberg spoke.", "NATO Secretary General Jens Stoltenberg",
               Tense::kPresent, false},
           Row{"Prime Minister general Keir Starmer spoke.", "", Tense::kPresent, false},        // not capitalised
           Row{"Prime Minister Sir Lt. Col. Gen. Keir Starmer spoke.", "", Tense::kPresent, false},  // four
           Row{"Prime Minister and Sir Keir Starmer spoke.", "", Tense::kPresent, false},
           // "NAME, title of X": the title of another body unless X is a jurisdiction.
           Row{"Emmanuel Macron, president of France, spoke.", "Emmanuel Macron, president of France", Tense::kPresent, false},
           Row{"Emmanuel Macron, president of the Rotary Club, spoke.", "", Tense::kPresent, false},
           Row{"Emmanuel Macron, president of the club, spoke.", "", Tense::kPresent, false},
           Row{"Emmanuel Macron, the president, of course spoke.", "Emmanuel Macron, the president", Tense::kPresent, false},
           // Items of a list: an apposition inside one is closed by a comma.
           Row{"Guests including Emmanuel Macron, the president of France as well as Olaf Scholz came.", "", Tense::kPresent, false},
           Row{"Guests including Emmanuel Macron, the president of France, and Olaf Scholz came.",
               "Emmanuel Macron, the president of France", Tense::kPresent, false},
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

TEST_CASE("mentions: after a namesake, a short form names nobody until the full name again", "[mentions]") {
  struct Row {
    const char* text;
    bool mention;  // the last "Johnson" names Boris Johnson
  };
  for (Row r : {
           Row{"Boris Johnson arrived. His sister Rachel Johnson spoke. Johnson left.", false},
           Row{"Boris Johnson arrived. Then Rachel Johnson spoke, and Johnson left.", false},
           Row{"His sister Rachel Johnson spoke. Boris Johnson arrived. Johnson left.", true},  // the latest is his
           Row{"Boris Johnson arrived. Writer Rachel Johnson spoke. Boris Johnson waved. Johnson left.", true},
           Row{"Boris Johnson arrived. Writer Rachel Johnson spoke. Mr Johnson left.", false},  // still either
           Row{"Boris Johnson arrived. Mr Johnson spoke. Johnson left.", true},  // an honorific is no namesake
           // A capitalised word opening the sentence may be a descriptor: that mention is skipped, the
           // later ones are not.
           Row{"Boris Johnson arrived. Candidate Johnson spoke. Johnson left.", true},
           Row{"Boris Johnson arrived. Rachel Johnson spoke. Johnson left.", true},
           Row{"Boris Johnson arrived. But Johnson spoke. Johnson left.", true},
       }) {
    INFO(r.text);
    Stages s(r.text);
    REQUIRE(!s.mentions.persons.empty());
    const int boris = s.mentions.persons[0].full ? s.mentions.persons[0].person : s.mentions.persons[1].person;
    CHECK((s.mentions.persons.back().person == boris) == r.mention);
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
    CHECK(s.sentences.TimesOf(0)[static_cast<size_t>(em.time)].year == 2021);
    CHECK(s.mentions.event_dates[s.sentences.TimeIndex(0, static_cast<size_t>(em.time))] == 1);
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
      {"The Lakeside Regatta is taking place on 27 February.", true, "Lakeside Regatta is taking place on"},
      {"The Lakeside Regatta takes place on Sunday.", true, "Lakeside Regatta takes place on"},
      {"The Lakeside Regatta is taking place in Geneva.", false, ""},  // under way, or to come: no date to tell
      {"Officials prepared for the upcoming Lakeside Regatta anniversary.", false, ""},  // of the event
      {"The upcoming Lakeside Regatta will draw crowds.", true, "upcoming Lakeside Regatta"},
      {"Rowers will attend the Lakeside Regatta.", true, "will attend the Lakeside Regatta"},
      {"The town fair will follow the Lakeside Regatta.", false, ""},                 // comes after it
      {"Rowers will build on the deal struck at the Lakeside Regatta.", false, ""},  // a deal made there
      {"The Lakeside Regatta will open in June.", true, "Lakeside Regatta will open"},
      // The relative clause without "which is".
      {"The Lakeside Regatta, due to open in June, is sold out.", true, "Lakeside Regatta, due to open"},
      {"The Lakeside Regatta, scheduled for June, is sold out.", true, "Lakeside Regatta, scheduled for"},
      {"The Lakeside Regatta, expected to draw crowds, was sold out.", false, ""},
      {"The Lakeside Regatta, due to its size, was moved.", false, ""},
      // A time ahead right after the trigger.
      {"Rowers trained before the Lakeside Regatta later this month.", true, "Lakeside Regatta later this month"},
      {"The Lakeside Regatta next year is sold out.", true, "Lakeside Regatta next year"},
      {"Rowers trained for the Lakeside Regatta next week.", true, "Lakeside Regatta next week"},
      {"Rowers will mark the anniversary of the Lakeside Regatta next month.", false, ""},  // the anniversary's time
      {"The inquiry into the Lakeside Regatta next year will be public.", false, ""},       // the inquiry's
      {"The Lakeside Regatta, next month, is sold out.", false, ""},                       // a comma between
      {"The Lakeside Regatta last month was sold out.", false, ""},
      {"The Lakeside Regatta this month was sold out.", false, ""},
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

// A fictional KB of events for the stated-date readings: two earthquakes that share a name but
// for the year, a hurricane, a war with an end, games whose trigger opens with the year (one of them
// held the year after the year of its name).
const char* const kDatedEventsKb = R"({"schema_version": 1, "name": "dated events", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [], "offices": [], "terms": [],
    "events": [
      {"id": "quake-2010", "name": "2010 Lakeside earthquake", "kind": "disaster", "date": "2010-01-12",
       "participants": [], "place": "Lakeside", "triggers": ["2010 Lakeside earthquake"], "source": "gazette"},
      {"id": "quake-2021", "name": "2021 Lakeside earthquake", "kind": "disaster", "date": "2021-08-14",
       "participants": [], "place": "Lakeside", "triggers": ["2021 Lakeside earthquake"], "source": "gazette"},
      {"id": "vesta", "name": "Hurricane Vesta", "kind": "disaster", "date": "2005-08-29",
       "participants": [], "place": "Gulf", "triggers": ["Hurricane Vesta"], "source": "gazette"},
      {"id": "harbor-war", "name": "Harbor war", "kind": "war", "date": "2003-03-20", "end": "2011-12-18",
       "participants": [], "place": "Harbor", "triggers": ["Harbor war"], "source": "gazette"},
      {"id": "games-2012", "name": "2012 Harbor Games", "kind": "sport", "date": "2012-07-27",
       "participants": [], "place": "Harbor", "triggers": ["2012 Harbor Games"], "source": "gazette"},
      {"id": "games-2012-final", "name": "2012 Harbor Games final", "kind": "sport", "date": "2012-08-12",
       "participants": [], "place": "Harbor", "triggers": ["2012 Harbor Games final"], "source": "gazette"},
      {"id": "games-2020", "name": "2020 Harbor Games", "kind": "sport", "date": "2021-07-23", "end": "2021-08-08",
       "participants": [], "place": "Harbor", "triggers": ["2020 Harbor Games"], "source": "gazette"},
      {"id": "nora-1997", "name": "1997 Hurricane Nora", "kind": "disaster", "date": "1997-09-16", "end": "1997-09-26",
       "participants": [], "place": "Pacific", "triggers": ["1997 Hurricane Nora"], "source": "gazette"},
      {"id": "nora-2005", "name": "2005 Hurricane Nora", "kind": "disaster", "date": "2005-08-23", "end": "2005-08-31",
       "participants": [], "place": "Gulf", "triggers": ["2005 Hurricane Nora", "Hurricane Nora of 2005"], "source": "gazette"},
      {"id": "vote-2010", "name": "2010 general election", "kind": "election", "date": "2010-05-06",
       "participants": [], "place": "Harbor", "triggers": ["2010 general election"], "source": "gazette"}],
    "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": []}})";

TEST_CASE("mentions: a year-qualified name said the other way round", "[mentions]") {
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kDatedEventsKb);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  struct Row {
    const char* text;
    const char* event;  // the event named, "" = no event mention
    int year;           // the stated date's year
  };
  for (Row r : {
           Row{"The Lakeside earthquake of January 2010 destroyed the port.", "quake-2010", 2010},
           Row{"The Lakeside earthquake in August 2021 was smaller.", "quake-2021", 2021},
           Row{"Lakeside earthquake of 2010: what we know.", "quake-2010", 2010},  // at the sentence's start
           Row{"The Harbor Games of 2012 opened.", "games-2012", 2012},
           Row{"The Lakeside earthquake of 2015 was minor.", "", 0},         // no event of that year
           Row{"The Lakeside earthquake was minor.", "", 0},                 // no year
           Row{"A Lakeside earthquake of 2010 magnitude is rare.", "", 0},   // not "the"
           Row{"The Great Lakeside earthquake of 2010 struck.", "", 0},      // after a capitalised word: another name
           Row{"The Lakeside earthquake, in 2010, struck.", "", 0},          // not right after
           Row{"The general election of May 2010 was close.", "", 0},        // a base of generic words
           // A date closing a clause about it: "which struck ... in", through an impact verb.
           Row{"Homes hit by Hurricane Nora, which struck the coast in September 2005, were rebuilt.", "nora-2005", 2005},
           Row{"Hurricane Nora made landfall in August 2005.", "nora-2005", 2005},
           Row{"Hurricane Nora made landfall in 1997.", "nora-1997", 1997},
           Row{"Hurricane Nora made landfall in 2003.", "", 0},
       }) {
    INFO(r.text);
    Stages s(r.text, {}, *kb.value());
    if (!*r.event) {
      CHECK(s.mentions.events.empty());
      continue;
    }
    REQUIRE(s.mentions.events.size() == 1);
    const factlint::EventMention& em = s.mentions.events[0];
    REQUIRE(em.events.size() == 1);
    CHECK(kb.value()->events[static_cast<size_t>(em.events[0])].id == r.event);
    REQUIRE(em.time >= 0);
    CHECK(s.sentences.TimesOf(0)[static_cast<size_t>(em.time)].year == r.year);
  }
  // The month is checked against the event's: the wrong month of the 2010 earthquake is a finding.
  auto mismatches = [&](const char* text) {
    int n = 0;
    for (const factlint::Finding& f : factlint::Check(*kb.value(), text, {}).findings) n += f.rule == "EVENT_DATE_MISMATCH";
    return n;
  };
  CHECK(mismatches("The Lakeside earthquake of February 2010 destroyed the port.") == 1);
  CHECK(mismatches("The Lakeside earthquake of January 2010 destroyed the port.") == 0);
  CHECK(mismatches("Homes hit by Hurricane Nora, which struck the coast in September 2005, were rebuilt.") == 1);
  CHECK(mismatches("Hurricane Nora made landfall in August 2005.") == 0);
  // A year inside the trigger is its name: the clause's month of that year is the stated date.
  CHECK(mismatches("The 2010 Lakeside earthquake, which struck the port in February 2010, was strong.") == 1);
  CHECK(mismatches("The 2010 Lakeside earthquake, which struck the port in January 2010, was strong.") == 0);
  // ... and of another year too: the text states it.
  CHECK(mismatches("The 2010 Lakeside earthquake, which struck the port in February 2011, was strong.") == 1);
  // The year of the name is no date the text states: games held the year after their name's year.
  CHECK(mismatches("The 2020 Harbor Games opened in the city.") == 0);
  CHECK(mismatches("The 2020 Harbor Games, which opened in July 2021, drew crowds.") == 0);
  CHECK(mismatches("The 2020 Harbor Games, which opened in July 2022, drew crowds.") == 1);
  // A month (and day) without a year is judged in any year the event's dates touch: no year makes
  // "the Lakeside earthquake of February 12" the one of 2010-01-12, and a date said as a name years
  // later agrees.
  CHECK(mismatches("The 2010 Lakeside earthquake of February 12 destroyed the port.") == 1);
  CHECK(mismatches("The 2010 Lakeside earthquake of January 12 destroyed the port.") == 0);
  CHECK(mismatches("The 2010 Lakeside earthquake of January 13 destroyed the port.") == 0);  // a day's tolerance
  CHECK(mismatches("The 2010 Lakeside earthquake in February destroyed the port.") == 1);
  CHECK(mismatches("Hurricane Vesta, which struck the coast in September, was costly.") == 1);
  CHECK(mismatches("Hurricane Vesta, which struck the coast in August, was costly.") == 0);
  CHECK(mismatches("The Harbor war, which began in March, lasted years.") == 0);
  CHECK(mismatches("The Harbor war in June was costly.") == 0);  // a war over years: every month
  CHECK(mismatches("The 2010 Lakeside earthquake of February 29 destroyed the port.") == 1);  // no such day in 2010
  // A shorter trigger inside a longer one is not a second event: the final's own date is judged.
  CHECK(mismatches("The 2012 Harbor Games final was played in July 2012.") == 1);
  CHECK(mismatches("The 2012 Harbor Games final was played in August 2012.") == 0);
  CHECK(mismatches("The 2012 Harbor Games were played in July 2012.") == 0);
  CHECK(mismatches("The 2012 Harbor Games were played in June 2012.") == 1);
}

TEST_CASE("mentions: a date closing a clause about the event", "[mentions]") {
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kDatedEventsKb);
  REQUIRE(kb.ok());
  struct Row {
    const char* text;
    int year;  // the stated date's year, 0 = none
  };
  for (Row r : {
           Row{"Hurricane Vesta, which struck the coast in August 2005, was costly.", 2005},
           Row{"Hurricane Vesta struck the coast in September 2006.", 2006},
           Row{"Hurricane Vesta, which killed 1,800 people in 2005, was costly.", 2005},  // "1,800": one number
           Row{"Hurricane Vesta made landfall near the city on 29 August 2005.", 2005},
           Row{"The Harbor war, which began in March 2003, lasted years.", 2003},        // an onset, any kind
           Row{"The Harbor war, which hit the economy in 2009, lasted years.", 0},       // a war hits for years
           Row{"Hurricane Vesta, officials said in 2007, was costly.", 0},              // a comma, no relative
           Row{"Hurricane Vesta struck the coast and was recalled in 2010.", 0},         // another clause
           Row{"Hurricane Vesta struck the old river port of the city in 2005.", 0},     // too many words
           // "where"/"in which" with its own subject before the impact verb (an event that strikes).
           Row{"Hurricane Vesta, where 1,800 people were killed in August 2005, was costly.", 2005},
           Row{"Hurricane Vesta, in which 1,800 people died in 2005, was costly.", 2005},
           Row{"Hurricane Vesta, where crews worked in 2007, was costly.", 0},                 // no impact verb
           Row{"The Harbor war, where many soldiers were killed in 2009, lasted years.", 0},   // a war is no impact
           Row{"Hurricane Vesta, where the old river port people died in 2005, was costly.", 0},  // a long subject
           // What an act or a noun of the event is about: a date after it through "in"/"on" is the act's.
           Row{"Hurricane Vesta in 2005 was costly.", 2005},
           Row{"Crews arrived at 2005's Hurricane Vesta early.", 2005},               // a possessive year
           Row{"Crews arrived at 2005 Hurricane Vesta early.", 0},                    // a preposition, no possessive
           Row{"The firm was blamed for Hurricane Vesta in 2007.", 0},
           Row{"The inquiry into the Hurricane Vesta in 2008 found failures.", 0},
           Row{"Crowds marked the anniversary of Hurricane Vesta on 29 August 2010.", 0},
           Row{"Victims of Hurricane Vesta of August 2005 were housed.", 2005},         // "of": the event's
           Row{"He was sentenced to death for Hurricane Vesta in 2009.", 0},         // three words back
           Row{"Prices rose and then Hurricane Vesta in 2005 was costly.", 2005},      // no preposition before
           Row{"Blame rose and went to Hurricane Vesta in 2005.", 2005},              // a clause word between
       }) {
    INFO(r.text);
    Stages s(r.text, {}, *kb.value());
    REQUIRE(s.mentions.events.size() == 1);
    const factlint::EventMention& em = s.mentions.events[0];
    if (r.year == 0) {
      CHECK(em.time < 0);
      continue;
    }
    REQUIRE(em.time >= 0);
    CHECK(s.sentences.TimesOf(0)[static_cast<size_t>(em.time)].year == r.year);
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

TEST_CASE("mentions: a bare title of an organisation's head names no organisation", "[mentions]") {
  // The KB knows Acme's chief executive and the Ruritanian central bank's governor under its own
  // title. "chief executive Ann Lee" may be chief executive of a company the KB does not know; the
  // organisation's name, or a title only that body uses, makes the claim.
  const char* kb_json = R"({"schema_version": 1, "name": "org heads", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [
      {"id": "ann-lee", "name": "Ann Lee", "aliases": [], "short": ["Lee"]},
      {"id": "bo-mark", "name": "Bo Mark", "aliases": [], "short": ["Mark"]},
      {"id": "cy-dale", "name": "Cy Dale", "aliases": [], "short": ["Dale"]},
      {"id": "di-ross", "name": "Di Ross", "aliases": [], "short": ["Ross"]}],
    "offices": [
      {"id": "acme-ceo", "name": "Chief Executive Officer of Acme", "titles": ["chief executive", "CEO"],
       "jurisdiction": ["Acme"], "single_holder": true, "role": "org_head"},
      {"id": "rcb-governor", "name": "Governor of the Ruritanian Central Bank",
       "titles": ["central bank governor", "governor"], "jurisdiction": ["Ruritanian"],
       "single_holder": true, "role": "org_head"}],
    "terms": [
      {"person": "ann-lee", "office": "acme-ceo", "start": "2010-01-01", "end": "2015-01-01", "source": "gazette"},
      {"person": "bo-mark", "office": "rcb-governor", "start": "2010-01-01", "end": "2015-01-01", "source": "gazette"},
      {"person": "cy-dale", "office": "acme-ceo", "start": "2015-01-01", "end": null, "source": "gazette"},
      {"person": "di-ross", "office": "rcb-governor", "start": "2015-01-01", "end": null, "source": "gazette"}],
    "events": [], "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": []}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  factlint::CheckOptions at2020;
  at2020.date = factlint::ParseIsoDate("2020-06-01");
  struct Row {
    const char* text;
    bool claim;
  };
  for (Row r : {
           Row{"The firm said its chief executive Ann Lee would retire.", false},
           Row{"Its Chief Executive, Ann Lee, spoke.", false},
           Row{"CEO Ann Lee spoke.", false},
           Row{"Acme chief executive Ann Lee spoke.", true},   // the organisation named
           Row{"Governor Bo Mark spoke.", false},
           Row{"Central bank governor Bo Mark spoke.", true},  // a title of that body alone
           Row{"Ruritanian central bank governor Bo Mark spoke.", true},
       }) {
    INFO(r.text);
    Stages s(r.text, at2020, *kb.value());
    CHECK(s.mentions.titles.empty() != r.claim);
    // A claim here is a title these people had left by 2020, to successors the KB knows: it warns.
    CHECK(factlint::Check(*kb.value(), r.text, at2020).findings.empty() != r.claim);
  }
}

TEST_CASE("mentions: a trigger's abbreviation in each spelling news uses", "[mentions]") {
  // A fictional KB whose triggers spell "G20", "U.N." and "UK" one way; wire copy spells them others.
  const char* kb_json = R"({"schema_version": 1, "name": "spellings", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [], "offices": [], "terms": [],
    "events": [
      {"id": "g20-strelsau", "name": "G20 summit in Strelsau", "kind": "summit", "date": "2021-03-04",
       "participants": [], "place": "Strelsau", "triggers": ["G20 summit in Strelsau"], "source": "gazette"},
      {"id": "un-zenda", "name": "Zenda peace conference", "kind": "meeting", "date": "2022-05-06",
       "participants": [], "place": "Zenda", "triggers": ["U.N. peace conference in Zenda"], "source": "gazette"},
      {"id": "uk-vote", "name": "Ruritania vote", "kind": "referendum", "date": "2023-07-08",
       "participants": [], "place": "Ruritania", "triggers": ["UK-Ruritania vote"], "source": "gazette"}],
    "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": ["will"]}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  struct Row {
    const char* text;
    int event;  // the event named; -1 = none
  };
  for (Row r : {Row{"Leaders met at the G20 summit in Strelsau.", 0},
                Row{"Leaders met at the G-20 summit in Strelsau.", 0},
                Row{"Leaders met at the Group of 20 summit in Strelsau.", 0},
                Row{"Leaders met at the Group of Twenty summit in Strelsau.", 0},
                Row{"Leaders met at the G-8 summit in Strelsau.", -1},     // another group
                Row{"Leaders met at the G200 summit in Strelsau.", -1},    // not the word
                Row{"Envoys met at the UN peace conference in Zenda.", 1},
                Row{"Envoys met at the U.N. peace conference in Zenda.", 1},
                Row{"Envoys met at the UNO peace conference in Zenda.", -1},
                Row{"Voters backed the U.K.-Ruritania vote.", 2},
                Row{"Voters backed the UK-Ruritania vote.", 2}}) {
    INFO(r.text);
    Stages s(r.text, {}, *kb.value());
    int found = -1;
    for (const factlint::EventMention& em : s.mentions.events) found = em.events.front();
    CHECK(found == r.event);
  }
}

TEST_CASE("mentions: a title inside the KB's name for the person (a regnal name)", "[mentions]") {
  // A fictional KB: two kings whose names the KB gives with the title, and a man named Amir (a
  // title too, of an office he never held).
  const char* kb_json = R"({"schema_version": 1, "name": "regnal", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [
      {"id": "rudolf-iv", "name": "Rudolf IV of Ruritania", "aliases": ["King Rudolf IV"], "short": []},
      {"id": "rudolf-v", "name": "Rudolf V of Ruritania", "aliases": ["King Rudolf V"], "short": []},
      {"id": "amir-holm", "name": "Amir Holm", "aliases": [], "short": []},
      {"id": "said-dahl", "name": "Said Dahl", "aliases": [], "short": []}],
    "offices": [
      {"id": "ru-monarch", "name": "King of Ruritania", "titles": ["King"], "jurisdiction": ["Ruritanian", "Ruritania"],
       "single_holder": true, "role": "monarch"},
      {"id": "zd-amir", "name": "Amir of Zenda", "titles": ["Amir"], "jurisdiction": ["Zenda"], "single_holder": true}],
    "terms": [
      {"person": "rudolf-iv", "office": "ru-monarch", "start": "1950-01-01", "end": "1990-01-01", "source": "gazette"},
      {"person": "rudolf-v", "office": "ru-monarch", "start": "1990-01-01", "end": null, "source": "gazette"},
      {"person": "said-dahl", "office": "zd-amir", "start": "1980-01-01", "end": null, "source": "gazette"}],
    "events": [], "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": []}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  struct Row {
    const char* text;
    const char* date;
    const char* rule;  // the title finding, "" = none
  };
  for (Row r : {Row{"King Rudolf V spoke.", "1985-06-01", "TITLE_NOT_HELD"},
                Row{"Ruritania's King Rudolf V spoke.", "1985-06-01", "TITLE_NOT_HELD"},
                Row{"Crowds greeted King Rudolf V.", "1985-06-01", "TITLE_NOT_HELD"},
                Row{"King Rudolf V spoke.", "1995-06-01", ""},
                Row{"Former King Rudolf V spoke.", "1995-06-01", "FORMER_BUT_IN_OFFICE"},
                Row{"King Rudolf IV's reign was recalled.", "1995-06-01", ""},  // his name after the reign
                Row{"Amir Holm spoke.", "1995-06-01", ""}}) {                 // a given name, no office of his
    INFO(r.text << " at " << r.date);
    factlint::CheckOptions options;
    options.date = factlint::ParseIsoDate(r.date);
    std::string found;
    for (const factlint::Finding& f : factlint::Check(*kb.value(), r.text, options).findings)
      if (f.rule == "TITLE_NOT_HELD" || f.rule == "FORMER_BUT_IN_OFFICE" || f.rule == "CURRENT_BUT_FORMER") found = f.rule;
    CHECK(found == r.rule);
  }
}
