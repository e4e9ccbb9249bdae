// A national election spoken of as soon to come (core/src/election_ahead.h): read only with a
// marker and a kind, its country only when the text points to exactly one, and it only narrows a
// single window the other clues give (timeline.cpp).

#include "election_ahead.h"

#include <string>

#include <catch2/catch.hpp>

#include "stages.h"

namespace {

using factlint_test::Stages;

// Three British general elections (the first has none before it in this KB), a Dutch one, a
// British and a Dutch prime minister, and a British party leader with no office (a participant).
const factlint::Kb& ElectionsKb() {
  static const factlint::KbHandle kb = [] {
    auto r = factlint::LoadKb(R"kb({
      "schema_version": 1, "name": "elections", "as_of": "2026-11-01",
      "sources": [{"id": "t", "name": "factlint unit test (facts from public office-holder and election lists)"}],
      "people": [{"id": "theresa-may", "name": "Theresa May", "aliases": [], "short": ["May"]},
                 {"id": "mark-rutte", "name": "Mark Rutte", "aliases": [], "short": ["Rutte"]},
                 {"id": "david-cameron", "name": "David Cameron", "aliases": [], "short": ["Cameron"]}],
      "offices": [{"id": "gb-pm", "name": "Prime Minister of the United Kingdom", "titles": ["Prime Minister"],
                   "jurisdiction": ["British", "United Kingdom", "Britain"], "single_holder": true},
                  {"id": "nl-pm", "name": "Prime Minister of the Netherlands", "titles": ["Prime Minister"],
                   "jurisdiction": ["Dutch", "Netherlands"], "single_holder": true}],
      "terms": [{"person": "theresa-may", "office": "gb-pm", "start": "2016-07-13", "end": "2019-07-24", "source": "t"},
                {"person": "mark-rutte", "office": "nl-pm", "start": "2010-10-14", "end": "2024-07-02", "source": "t"}],
      "events": [
        {"id": "gb-2015", "name": "2015 United Kingdom general election", "kind": "election", "date": "2015-05-07",
         "participants": ["david-cameron"], "place": "United Kingdom", "triggers": ["2015 UK general election"], "source": "t"},
        {"id": "gb-2017", "name": "2017 United Kingdom general election", "kind": "election", "date": "2017-06-08",
         "participants": ["theresa-may"], "place": "United Kingdom", "triggers": ["2017 UK general election"], "source": "t"},
        {"id": "gb-2019", "name": "2019 United Kingdom general election", "kind": "election", "date": "2019-12-12",
         "participants": [], "place": "United Kingdom", "triggers": ["2019 UK general election"], "source": "t"},
        {"id": "nl-2017", "name": "2017 Dutch general election", "kind": "election", "date": "2017-03-15",
         "participants": ["mark-rutte"], "place": "Netherlands", "triggers": ["2017 Dutch general election"], "source": "t"}],
      "quotes": [],
      "lexicon": {"hedges": [], "anonymous": [], "prospective": ["will", "would"]}
    })kb");
    if (!r.ok()) FAIL(r.error().ToString());
    return r.value();
  }();
  return *kb;
}

std::string Iso(const std::optional<factlint::Date>& d) { return d ? factlint::FormatIsoDate(*d) : std::string(); }

}  // namespace

TEST_CASE("election_ahead: narrows a window to the year before the country's next election", "[timeline]") {
  struct Row {
    const char* text;
    const char* from;  // the reference window
    const char* to;
  };
  for (Row r : {
           // May's term and "2016 taken as recent": 2016-07-13..2017-12-31; the 2017 election is
           // the one within a year after it.
           Row{"Sales fell in 2016. Prime Minister Theresa May spoke of the forthcoming general election.",
               "2016-07-13", "2017-06-07"},
           Row{"Sales fell in 2016. In the run-up to the general election, Prime Minister Theresa May spoke.",
               "2016-07-13", "2017-06-07"},
           Row{"Sales fell in 2016. Prime Minister Theresa May may call a general election.", "2016-07-13",
               "2017-06-07"},
           // A participant of the country's elections points to it too: 2018-19, before the 2019 one.
           Row{"Sales fell in 2018. David Cameron spoke of the forthcoming general election.", "2018-12-11",
               "2019-12-11"},
           // Must not narrow: no country pointed to.
           Row{"Sales fell in 2016. Ministers spoke of the forthcoming general election.", "2016-01-01",
               "2017-12-31"},
           // ... two countries pointed to (a British and a Dutch title).
           Row{"Sales fell in 2016. Prime Minister Theresa May met Dutch Prime Minister Mark Rutte before the "
               "forthcoming general election.",
               "2016-07-13", "2017-12-31"},
           // ... no marker of an election soon to come ("next" can be years ahead; "after" is no marker).
           Row{"Sales fell in 2016. Prime Minister Theresa May spoke of the next general election.", "2016-07-13",
               "2017-12-31"},
           Row{"Sales fell in 2016. Prime Minister Theresa May spoke after the general election.", "2016-07-13",
               "2017-12-31"},
           // ... another kind (the KB has no British presidential election).
           Row{"Sales fell in 2016. Prime Minister Theresa May spoke of the forthcoming presidential election.",
               "2016-07-13", "2017-12-31"},
           // ... the window meets the year before two elections (2017 and 2019).
           Row{"Sales fell in 2017. Prime Minister Theresa May spoke of the forthcoming general election.",
               "2017-01-01", "2018-12-31"},
           // ... the election is the KB's first of that country: one before it may be missing.
           Row{"Sales fell in 2014. David Cameron spoke of the forthcoming general election.", "2014-01-01",
               "2015-12-31"},
           // ... May's term alone meets the year before two elections.
           Row{"Prime Minister Theresa May spoke of the forthcoming general election.", "2016-07-13", "2019-07-23"},
           // ... no window of the other clues: never a window of its own.
           Row{"David Cameron spoke of the forthcoming general election.", "", ""},
       }) {
    INFO(r.text);
    Stages s(r.text, factlint::CheckOptions{}, ElectionsKb());
    const factlint::ReferenceDate& rd = s.timeline.reference;
    for (const std::string& e : rd.evidence) INFO(e);
    CHECK(Iso(rd.from) == r.from);
    CHECK(Iso(rd.to) == r.to);
  }
}

TEST_CASE("election_ahead: the phrases and their countries", "[timeline]") {
  struct Row {
    const char* text;
    const char* place;  // "" = none read
  };
  for (Row r : {Row{"Prime Minister Theresa May looked to the upcoming general election.", "United Kingdom"},
                Row{"Prime Minister Theresa May spoke on the eve of the general elections.", "United Kingdom"},
                Row{"Prime Minister Theresa May looked to the forthcoming general election of 2017.", ""},
                Row{"Prime Minister Theresa May looked to the coming election.", ""},
                Row{"Prime Minister Theresa May looked to the forthcoming general election.", "United Kingdom"},
                Row{"Dutch Prime Minister Mark Rutte looked to the forthcoming general election.", "Netherlands"},
                Row{"Voters looked to the forthcoming general election.", ""}}) {
    INFO(r.text);
    Stages s(r.text, factlint::CheckOptions{}, ElectionsKb());
    const auto found = factlint::FindElectionsAhead(ElectionsKb(), s.view, s.sentences, s.mentions);
    CHECK(found.size() == (*r.place ? 1u : 0u));
    if (!found.empty()) {
      CHECK(found[0].place == r.place);
      CHECK(found[0].kind == "general");
      CHECK(found[0].dates.size() == (std::string(r.place) == "United Kingdom" ? 3u : 1u));
    }
  }
}

// "Within a year before" is an assumption: a window the election narrowed is a guess, and the
// claims judged at it are tentative (an error there is a warning: AtClaimTime).
TEST_CASE("election_ahead: a narrowed window is a guess", "[timeline]") {
  {
    Stages s("Ministers cut the 2016 budget. Prime Minister Theresa May spoke of the forthcoming general election.",
             factlint::CheckOptions{}, ElectionsKb());
    CHECK(Iso(s.timeline.reference.from) == "2016-07-13");
    CHECK(Iso(s.timeline.reference.to) == "2017-06-07");
    CHECK(s.timeline.guess.find("the forthcoming general election") != std::string::npos);
    REQUIRE(s.timeline.titles.size() == 1);
    CHECK(s.timeline.titles[0].tentative);
  }
  {
    Stages s("Ministers cut the 2016 budget. Prime Minister Theresa May spoke.", factlint::CheckOptions{},
             ElectionsKb());
    CHECK(Iso(s.timeline.reference.from) == "2016-07-13");
    CHECK(Iso(s.timeline.reference.to) == "2017-12-31");
    CHECK(s.timeline.guess.empty());
    REQUIRE(s.timeline.titles.size() == 1);
    CHECK_FALSE(s.timeline.titles[0].tentative);
  }
}
