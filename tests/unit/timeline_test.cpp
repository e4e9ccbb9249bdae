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
                // Not a year's figures: "the 2012 Games" bounds the text from below only.
                Row{"The firm recalled the 2012 Games.", false, "inferred", "2012-01-01"},
                Row{"LONDON, March 3, 2023 - Ministers met.", false, "dateline", "2023-03-03"},
                Row{"Prime Minister Liz Truss visited Berlin.", false, "inferred", "2022-09-06"},
                Row{"Nothing to go by.", false, "none", ""},
                // A weekday and date without a year alone: dozens of tied years, no window.
                Row{"The match is on Saturday, 26 February.", false, "none", ""},
                // So is a dateline's day without its year.
                Row{"WASHINGTON, March 3 (Reuters) - Nothing to go by.", false, "none", ""}}) {
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
    // A fronted "When" clause holding the date dates the clause right after its comma.
    Stages s("When Britain went to the polls in 2018, Prime Minister Theresa May visited Berlin.", At("2021-06-01"));
    REQUIRE(s.timeline.titles.size() == 1);
    const factlint::ClaimTime& ct = s.timeline.titles[0];
    REQUIRE(ct.own);
    CHECK(ct.when == "in 2018");
  }
  for (const char* text : {"When the law passed in 2018, it was opposed, and Prime Minister Theresa May visited Berlin.",
                           "After the polls in 2018 Britain changed, and Prime Minister Theresa May visited Berlin.",
                           "When asked, the minister wept in 2018 as Prime Minister Theresa May visited Berlin."}) {
    // Two commas between, no "When" clause, or the date outside the first clause: not dated.
    Stages s(text, At("2021-06-01"));
    REQUIRE(s.timeline.titles.size() == 1);
    CHECK_FALSE(s.timeline.titles[0].own);
  }
  for (const char* text : {"\"We back Prime Minister Theresa May,\" the minister said in 2018.",
                           "The minister said on 3 May 2018: \"We back Prime Minister Theresa May.\"",
                           "Prime Minister Theresa May said in 2018 that talks would go on."}) {
    // The date of a saying dates what the sentence reports, in any of its clauses.
    Stages s(text, At("2021-06-01"));
    INFO(text);
    REQUIRE(s.timeline.titles.size() == 1);
    REQUIRE(s.timeline.titles[0].own);
    CHECK(s.timeline.titles[0].judged->a >= factlint::ParseIsoDate("2018-01-01")->days);
    CHECK(s.timeline.titles[0].judged->b <= factlint::ParseIsoDate("2018-12-31")->days);
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
    CHECK(s.timeline.future[0] == 1);
  }
  {
    // A date after the KB's as_of: nothing to judge against.
    Stages s("Prime Minister Theresa May visited Berlin.", At("2030-01-01"));
    CHECK_FALSE(s.timeline.titles[0].judged);
  }
}

TEST_CASE("timeline: which dates look ahead", "[timeline]") {
  struct Row {
    const char* text;
    bool ahead;
  };
  for (Row r : {Row{"The plant is due to open in 2006.", true},
                Row{"Due to enter service in 2006, the jet is late.", true},
                Row{"Ten casinos are proposed from 2010 if the bill becomes law.", true},
                Row{"The talks will resume in 2007.", true},
                Row{"Flights stopped in 2004 due to the strike.", false},
                Row{"The delay was due to the strike in 2004.", false},
                Row{"The plant opened in 2004, if the records are right.", false},
                Row{"The bill, proposed in 1993, lapsed.", false},
                // "will" earlier in the clause, however far: the date is a time it looks to.
                Row{"No, I will back the choice of the party for its candidate in 2016.", true},
                Row{"She shall serve the full term of the council in 2009.", true},
                // Not when the date is a past point, nor past again after a relative or speech
                // word or a past auxiliary, nor the noun.
                Row{"It will be the first rise in sales since 2003.", false},
                Row{"He will visit the town where his father was born in 1953.", false},
                Row{"They will not say what they had paid in 2004.", false},
                Row{"The will of the voters was clear in 2004.", false},
                Row{"The talks will resume, as agreed in 2004.", false},
                // "due in": a deadline ahead, unless it was due.
                // A present-tense verb of expectation or intent earlier in the clause, or an
                // intent before "to"; not the past, not a noun without "to".
                Row{"The firm expects to move into the black in 2006.", true},
                Row{"It is expecting significant improvements in profitability in 2006.", true},
                Row{"The carmaker plans to close the plant in 2006.", true},
                // A present hope or expectation, then a clause of its own with a modal.
                Row{"\"We hope we can resume the repayments at least from 2007,\" he said.", true},
                Row{"The bank expects that it could sell the unit in 2006.", true},
                Row{"We hoped we could finish in 2003.", false},
                Row{"The hope we can share dates from 2001.", false},
                Row{"His return raised hopes that it could bring investment, as in 1973.", false},
                Row{"Raised hopes that it could bring investment faded in 1973.", false},
                Row{"Analysts expected growth in 2003.", false},
                Row{"The plans were unveiled in 2003.", false},
                Row{"The firm expects sales to match those it had made in 2003.", false},
                Row{"A plan to raise new money in 2003 cut its stake in half.", false},
                Row{"GM expects earnings to be lower than in 2004.", false},
                Row{"Profits will be higher than in 2004.", false},
                Row{"Creditors froze the payments due in 2006.", true},
                Row{"The payment was due in 2003.", false},
                // A present verb of schedule right before the date's preposition.
                Row{"His contract runs out in 2006.", true},
                Row{"The licence expires on 1 March 2008.", true},
                Row{"The merger takes effect in 2006.", true},
                Row{"His contract ran out in 2003.", false},
                Row{"He hit 40 home runs in 2004.", false},
                // "will" before a range, a list or "from".
                Row{"The firm will begin receiving deliveries from 2009.", true},
                Row{"Deliveries began from 2001.", false},
                // "would" after a speech word: reported speech that looks ahead; not "would have".
                Row{"UPS said it would begin receiving deliveries from 2009.", true},
                Row{"The bank said the economy would struggle to meet its target in 2005.", true},
                Row{"He said they would have won the title in 2004.", false}}) {
    INFO(r.text);
    Stages s(r.text, factlint::CheckOptions{});
    REQUIRE(s.timeline.future.size() == 1);  // one sentence, one date
    CHECK((s.timeline.future[0] == 1) == r.ahead);
  }
}

TEST_CASE("timeline: each date of a sentence reads its own clause", "[timeline]") {
  // One flag per time expression of the text (Sentences::TimeIndex), in order; a date's clause
  // starts after the last , ; : or " before it (DateRoleReader::ClauseWordsBefore).
  struct Row {
    const char* text;
    std::vector<char> ahead;
  };
  for (const Row& r : {Row{"The plant, which opened in 2001, will close in 2007.", {0, 1}},
                       Row{"Profits fell sharply in 2004, and the firm expects to return to profit in 2006.", {0, 1}},
                       Row{"The firm expects to return to profit in 2006, analysts said; sales fell in 2004.", {1, 0}},
                       Row{"Sales fell in 2004. The firm will expand in 2006.", {0, 1}}}) {
    INFO(r.text);
    Stages s(r.text, factlint::CheckOptions{});
    CHECK(s.timeline.future == r.ahead);
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

namespace {

std::string Iso(const std::optional<factlint::Date>& d) { return d ? factlint::FormatIsoDate(*d) : std::string(); }

}  // namespace

// Issue 12, item 4: title clues must not out-vote stronger evidence. Each row is an undated text;
// the window must lie within [within_from, within_to] (inclusive), with `candidates` windows listed
// (0 when the clues decide).
TEST_CASE("timeline: inferred windows weigh the evidence (ties, planted mistakes, offices once, events)", "[timeline]") {
  struct Row {
    const char* name;
    const char* text;
    const char* within_from;
    const char* within_to;
    size_t candidates;
  };
  for (Row r : {
           // Ties: one title against one other, nothing else: both windows listed, the window spans
           // them (so neither claim is judged wrong).
           Row{"tie", "Prime Minister Theresa May met Chancellor Olaf Scholz.", "2016-07-13", "2025-05-05", 2},
           // A planted title (Starmer) against two correct ones from other people: it does not move
           // the window.
           Row{"planted vs two titles",
               "Prime Minister Theresa May met Chancellor Angela Merkel. Prime Minister Keir Starmer spoke.",
               "2016-07-13", "2019-07-24", 0},
           // ... nor against a full date and a title.
           Row{"planted vs a date and a title",
               "Ministers met on 3 March 2017. Chancellor Angela Merkel spoke. Prime Minister Keir Starmer spoke.",
               "2017-03-03", "2018-12-31", 0},
           // One person's title, however often repeated, is one voice: Truss (three mentions)
           // against Merkel and Trump.
           Row{"office counted once",
               "Prime Minister Liz Truss spoke. Ms Truss, the prime minister, left. Prime Minister Liz Truss "
               "returned. Chancellor Angela Merkel met President Donald Trump.",
               "2017-01-20", "2021-01-20", 0},
           // A dated KB event reported as past outweighs a title whose term ended before it.
           Row{"event outweighs a title",
               "The Russian invasion of Ukraine shocked Europe. Chancellor Angela Merkel spoke in Berlin.",
               "2022-02-24", "2026-11-01", 0},
           // A weekday and date without a year: the years they fall together in, the text within
           // half a year of one ("Thursday, 5 May": 2005, 2011, 2016 …).
           Row{"weekday and date with a year", "Sales rose in 2004. The vote is on Thursday, 5 May.", "2004-11-03",
               "2005-11-04", 0},
           Row{"weekday and date with a title", "The vote was on Thursday, 5 May. Prime Minister Theresa May spoke.",
               "2016-07-13", "2016-11-04", 0},
           // A dateline's day without its year: that day of the years the other clues allow (the
           // weekday, when it is given, leaves those it falls on).
           Row{"dateline without a year, two titles",
               "WASHINGTON, March 3 (Reuters) - Prime Minister Theresa May met Chancellor Angela Merkel.", "2017-03-03",
               "2019-03-03", 3},
           Row{"dateline without a year, with its weekday",
               "WASHINGTON, Friday, March 3 (Reuters) - Prime Minister Theresa May met Chancellor Angela Merkel.",
               "2017-03-03", "2017-03-03", 0},
           Row{"dateline without a year, the latest date decides",
               "WASHINGTON, March 3 (Reuters) - Sales rose in May 2017. Prime Minister Theresa May met Chancellor "
               "Angela Merkel.",
               "2018-03-03", "2018-03-03", 0},
           // A year's figures ("its 2005 forecast", "the 2004 results"): the text within a year of
           // that year; any other year after a determiner only bounds it from below.
           Row{"year's figures", "The firm cut its 2005 growth forecast.", "2004-01-01", "2006-12-31", 0},
           Row{"year's figures after the", "Analysts read the 2004 results.", "2003-01-01", "2005-12-31", 0},
           // So does an explicit full date.
           Row{"full date outweighs a title", "Ministers met on 3 March 2023. Chancellor Angela Merkel spoke.",
               "2023-03-03", "2026-11-01", 0},
       }) {
    INFO(r.name << ": " << r.text);
    Stages s(r.text);
    const factlint::ReferenceDate& rd = s.timeline.reference;
    CHECK(rd.source == "inferred");
    REQUIRE(rd.from);
    CHECK(Iso(rd.from) >= r.within_from);
    CHECK(Iso(rd.to) <= r.within_to);
    CHECK(rd.candidates.size() == r.candidates);
    for (const std::string& e : rd.evidence) INFO(e);
  }
}

TEST_CASE("timeline: the evidence names a dateline's day without its year", "[timeline]") {
  Stages s("WASHINGTON, Friday, March 3 (Reuters) - Prime Minister Theresa May met Chancellor Angela Merkel.");
  const factlint::ReferenceDate& rd = s.timeline.reference;
  CHECK(rd.source == "inferred");
  bool named = false;
  for (const std::string& e : rd.evidence)
    named = named || e == "\"Friday, March 3\": the dateline's day without its year: the text's day, in some year";
  CHECK(named);
  // A full date below it is the text's date.
  Stages dated("WASHINGTON, March 3 (Reuters) - Officials met.\nPublished March 3, 2015 10:42 AM");
  CHECK(dated.timeline.reference.source == "dateline");
  CHECK(Iso(dated.timeline.reference.from) == "2015-03-03");
}

TEST_CASE("timeline: a tie says so, and its candidates are the tied windows", "[timeline]") {
  Stages s("Prime Minister Theresa May met Chancellor Olaf Scholz.");
  const factlint::ReferenceDate& rd = s.timeline.reference;
  REQUIRE(rd.candidates.size() == 2);
  CHECK(Iso(rd.candidates[0].from) == "2016-07-13");
  CHECK(Iso(rd.candidates[1].from) == "2021-12-08");
  CHECK(Iso(rd.from) == "2016-07-13");
  CHECK(rd.to == rd.candidates[1].to);
  REQUIRE_FALSE(rd.evidence.empty());
  CHECK(rd.evidence[0].find("2 windows tie") == 0);
}

TEST_CASE("timeline: \"NAME, who was TITLE during EVENT\" is judged at the event", "[timeline]") {
  struct Row {
    const char* text;
    const char* own;  // the claim's own time (its first day), "" = none
    bool judged;
  };
  for (Row r : {Row{"Olaf Scholz, who was chancellor during the Russian invasion of Ukraine, spoke.", "2022-02-24", true},
                Row{"Angela Merkel, who was chancellor during the Russian invasion of Ukraine, spoke.", "2022-02-24", true},
                Row{"At the time of the Russian invasion of Ukraine, Chancellor Olaf Scholz was in Berlin.", "2022-02-24",
                    true},
                // No time of its own: a past tenure, not judged (and no clue to the text's time).
                Row{"Olaf Scholz, who was chancellor, spoke.", "", false},
                // "before" the event is another time.
                Row{"Chancellor Olaf Scholz spoke before the Russian invasion of Ukraine.", "", true}}) {
    INFO(r.text);
    Stages s(r.text, At("2026-06-01"));
    REQUIRE(s.mentions.titles.size() == 1);
    const factlint::ClaimTime& ct = s.timeline.titles[0];
    CHECK((ct.own ? factlint::FormatIsoDate(factlint::Date{ct.own->a}) : std::string()) == r.own);
    CHECK(bool(ct.judged) == r.judged);
    if (*r.own) CHECK(ct.when.find("at the time of the ") == 0);
  }
}

TEST_CASE("timeline: a title inside a past event's mention, or before it with a possessive, is judged at the event",
          "[timeline]") {
  struct Row {
    const char* text;
    const char* own;  // the claim's own time (its first day), "" = none
  };
  for (Row r : {Row{"President Donald Trump's 2020 presidential election campaign was costly.", "2020-11-03"},
                Row{"Ukrainian President Volodymyr Zelenskyy's full-scale invasion speech was aired.", "2022-02-24"},
                // Not of a participant; "former" is the time of writing's; a prospective event.
                Row{"President Emmanuel Macron's 2020 presidential election remarks were aired.", ""},
                Row{"Former President Donald Trump's 2020 presidential election campaign was costly.", ""},
                Row{"President Donald Trump's upcoming 2020 presidential election campaign is costly.", ""},
                Row{"President Donald Trump spoke about the 2020 presidential election.", ""}}) {
    INFO(r.text);
    Stages s(r.text, At("2026-06-01"));
    REQUIRE(!s.mentions.titles.empty());
    const factlint::ClaimTime& ct = s.timeline.titles[0];
    CHECK((ct.own ? factlint::FormatIsoDate(factlint::Date{ct.own->a}) : std::string()) == r.own);
  }
}

// Issue 12: a relative date of a dated KB event places the text itself ("last year's EVENT": a
// year after the event's). Undated texts; the window must be [from, to].
TEST_CASE("timeline: \"last year's EVENT\" places the text", "[timeline]") {
  struct Row {
    const char* text;
    const char* from;  // "" = no window
    const char* to;
  };
  for (Row r : {Row{"Aid kept flowing a year after last year's Russian invasion of Ukraine.", "2023-01-01", "2023-12-31"},
                Row{"Analysts revisited last month's Russian invasion of Ukraine.", "2022-03-01", "2022-03-31"},
                Row{"Voters recalled this year's 2020 presidential election.", "2020-11-03", "2020-12-31"},
                Row{"Candidates prepared for next year's 2024 presidential election.", "2023-01-01", "2023-12-31"},
                // Curly apostrophe, folded.
                Row{"Aid kept flowing after last year\u2019s Russian invasion of Ukraine.", "2023-01-01", "2023-12-31"},
                // Not adjacent: the relative date is the text's own, not the event's.
                Row{"Last year, envoys spoke of the Russian invasion of Ukraine.", "2022-02-24", "2026-11-01"}}) {
    INFO(r.text);
    Stages s(r.text, factlint::CheckOptions{});
    const factlint::ReferenceDate& rd = s.timeline.reference;
    CHECK(Iso(rd.from) == r.from);
    CHECK(Iso(rd.to) == r.to);
  }
}

// A window that rests on "the latest date taken as recent" (it would differ without that clue) is
// a guess: the claims judged at it are tentative, and an error there is a warning (AtClaimTime).
TEST_CASE("timeline: a window resting on the latest date taken as recent is a guess", "[timeline]") {
  struct Row {
    const char* text;
    bool given;
    bool guess;  // Timeline::guess non-empty, and the title claim (if any) tentative
  };
  for (Row r : {// The only clue is a year: the guess narrows [2013, as_of] to 2013–14.
                Row{"The bridge opened in 2013. The mayor spoke there.", false, true},
                // Three dates out-vote the title: the guess moves the window.
                Row{"It opened in March 2013 and closed in May 2013. It reopened in July 2013. Prime Minister "
                    "Theresa May spoke.",
                    false, true},
                // The title out-votes one year: the window is May's term, the guess changes nothing.
                Row{"The bridge opened in 2013. Prime Minister Theresa May spoke there.", false, false},
                // The title's term lies within the recent year: the same window either way.
                Row{"The bridge opened in 2022. Prime Minister Liz Truss spoke there.", false, false},
                // Given and dateline dates are never guesses.
                Row{"The bridge opened in 2013. Prime Minister Theresa May spoke there.", true, false},
                Row{"LONDON, March 3, 2023 - The bridge opened in 2013. Prime Minister Theresa May spoke there.", false,
                    false}}) {
    INFO(r.text);
    Stages s(r.text, r.given ? At("2018-06-01") : factlint::CheckOptions{});
    CHECK(s.timeline.guess.empty() == !r.guess);
    for (const factlint::ClaimTime& ct : s.timeline.titles) CHECK(ct.tentative == r.guess);
    factlint::ClaimTime ct;
    ct.tentative = !s.timeline.guess.empty();
    std::vector<factlint::Evidence> ev;
    CHECK(factlint::AtClaimTime(factlint::Severity::kError, ct, s.timeline, &ev) ==
          (r.guess ? factlint::Severity::kWarning : factlint::Severity::kError));
    CHECK(ev.size() == (r.guess ? 1u : 0u));
    CHECK(factlint::AtClaimTime(factlint::Severity::kInfo, ct, s.timeline, nullptr) == factlint::Severity::kInfo);
  }
}

TEST_CASE("timeline: a stated age of a person whose birth the KB knows places the text", "[timeline]") {
  static const factlint::KbHandle people = [] {
    auto r = factlint::LoadKb(factlint_test::TestKbJson("people"));
    if (!r.ok()) FAIL(r.error().ToString());
    return r.value();
  }();
  struct Row {
    const char* name;
    const char* text;
    const char* within_from;
    const char* within_to;
  };
  for (Row r : {
           // Obama (born 1961-08-04) at 51: the age (3) outweighs the latest date taken as recent (2).
           Row{"age over a recent date", "Sales rose in 2010. Barack Obama, 51, spoke.", "2012-08-04", "2013-08-03"},
           // Two agreeing titles (4 + 4) outweigh it: the age is then the claim the window judges wrong.
           Row{"titles over an age", "Vice President Joe Biden spoke. President Barack Obama, 60, spoke.", "2009-01-20",
               "2017-01-20"},
       }) {
    INFO(r.name << ": " << r.text);
    Stages s(r.text, {}, *people);
    const factlint::ReferenceDate& rd = s.timeline.reference;
    for (const std::string& e : rd.evidence) INFO(e);
    CHECK(rd.source == "inferred");
    REQUIRE(rd.from);
    CHECK(Iso(rd.from) >= r.within_from);
    CHECK(Iso(rd.to) <= r.within_to);
  }
}
