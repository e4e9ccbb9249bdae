// The KB query unit (core/src/kb_query.cpp) on the basic test KB: who held which office when.

#include "kb_query.h"

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "test_kbs.h"

namespace {

int Person(const factlint::Kb& kb, const char* id) { return factlint::KbIndexOf(kb.people, id); }
int Office(const factlint::Kb& kb, const char* id) { return factlint::KbIndexOf(kb.offices, id); }
int32_t Day(const char* iso) { return factlint::ParseIsoDate(iso)->days; }

}  // namespace

TEST_CASE("kb_query: HeldAny and HeldThroughout over day windows", "[kb_query]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  const factlint::KbQuery q(kb);
  const int pm = Office(kb, "gb-prime-minister");
  struct Row {
    const char* person;
    const char* from;
    const char* to;
    bool any, throughout;
  };
  for (Row r : {Row{"theresa-may", "2018-01-01", "2018-12-31", true, true},
                Row{"theresa-may", "2019-07-01", "2019-08-01", true, false},  // left on 2019-07-24
                Row{"theresa-may", "2019-07-24", "2019-08-01", false, false},  // the end day is not hers
                Row{"boris-johnson", "2019-07-24", "2019-07-24", true, true},
                Row{"keir-starmer", "2026-01-01", "2026-02-01", true, true},   // ongoing, before as_of
                Row{"keir-starmer", "2030-01-01", "2030-02-01", false, false}}) {  // after as_of
    INFO(r.person << " " << r.from << ".." << r.to);
    CHECK(q.HeldAny(Person(kb, r.person), {pm}, Day(r.from), Day(r.to)) == r.any);
    CHECK(q.HeldThroughout(Person(kb, r.person), pm, Day(r.from), Day(r.to)) == r.throughout);
  }
}

TEST_CASE("kb_query: TermsOf merges touching terms; open or as_of ends", "[kb_query]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  const factlint::KbQuery q(kb);
  const int trump = Person(kb, "donald-trump");
  const int potus = Office(kb, "us-president");
  auto closed = q.TermsOf(trump, {potus}, false);
  REQUIRE(closed.size() == 2);
  CHECK(closed[0] == std::make_pair(Day("2017-01-20"), Day("2021-01-20")));
  CHECK(closed[1] == std::make_pair(Day("2025-01-20"), kb.as_of.days + 1));
  auto open = q.TermsOf(trump, {potus}, true);
  CHECK(open[1].second == factlint::kOpenEnd);
  CHECK(q.OfficesHeld(trump) == std::vector<int>{potus});
  CHECK(q.TermsOf(trump, {Office(kb, "de-chancellor")}, false).empty());
}

TEST_CASE("kb_query: evidence text of terms, sources and events", "[kb_query]") {
  const factlint::Kb& kb = factlint_test::BasicKb();
  const factlint::KbQuery q(kb);
  const factlint::KbTerm& may = kb.terms[static_cast<size_t>(kb.terms_by_person[Person(kb, "theresa-may")][0])];
  CHECK(q.TermFact(may).find("Theresa May: ") == 0);
  CHECK(q.TermFact(may).find("2016-07-13 – 2019-07-24") != std::string::npos);
  CHECK(q.SourceName(-1).empty());
  CHECK(q.SourceName(static_cast<int>(kb.sources.size())).empty());
  const factlint::KbEvent& invasion = kb.events[static_cast<size_t>(factlint::KbIndexOf(kb.events, "ru-ua-invasion-2022"))];
  CHECK(q.EventDateText(invasion) == "2022-02-24");
  factlint::Interval days = factlint::EventDays(invasion);
  CHECK(days.a == Day("2022-02-24"));
  CHECK(days.b == Day("2022-02-24"));
  // Days count from 1970: an event before it, with no end, ends on its own last day, not in 1970.
  for (auto [date, precision, first, last] :
       {std::tuple{"1953-03-05", factlint::EventPrecision::kDay, "1953-03-05", "1953-03-05"},
        std::tuple{"1963-11-01", factlint::EventPrecision::kMonth, "1963-11-01", "1963-11-30"},
        std::tuple{"1945-01-01", factlint::EventPrecision::kYear, "1945-01-01", "1945-12-31"}}) {
    INFO(date);
    factlint::KbEvent old_event = invasion;
    old_event.date = *factlint::ParseIsoDate(date);
    old_event.precision = precision;
    old_event.end.reset();
    const factlint::Interval span = factlint::EventDays(old_event);
    CHECK(span.a == Day(first));
    CHECK(span.b == Day(last));
  }
}

TEST_CASE("kb_query: a term last seen on a day ends there; no claim of a later time is judged", "[kb_query]") {
  // Fictional: Ada Holm is president from 2020, last seen in office on 2024-06-30 (she announced
  // her resignation; no source names the day she left or her successor). Bo Lind never held it.
  const char* kb_json = R"({"schema_version": 1, "name": "seen until", "as_of": "2026-01-01",
    "sources": [{"id": "gazette", "name": "Gazette"}],
    "people": [{"id": "ada-holm", "name": "Ada Holm", "aliases": [], "short": ["Holm"]},
               {"id": "bo-lind", "name": "Bo Lind", "aliases": [], "short": ["Lind"]}],
    "offices": [{"id": "xx-president", "name": "President of Xland", "titles": ["President"],
                 "jurisdiction": ["Xland"], "single_holder": true, "role": "head_of_state"}],
    "terms": [{"person": "ada-holm", "office": "xx-president", "start": "2020-01-01", "end": null,
               "seen_until": "2024-06-30", "source": "gazette"}],
    "events": [], "quotes": [], "lexicon": {"hedges": [], "anonymous": [], "prospective": []}})";
  factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json);
  INFO((kb.ok() ? std::string() : kb.error().ToString()));
  REQUIRE(kb.ok());
  const factlint::KbQuery q(*kb.value());
  const factlint::KbTerm& term = kb.value()->terms.front();
  CHECK(q.TermEnd(term) == Day("2024-07-01"));
  CHECK(q.TermsOf(0, {0}, true) == std::vector<std::pair<int32_t, int32_t>>{{Day("2020-01-01"), Day("2024-07-01")}});
  CHECK(q.TermFact(term) == "Ada Holm: President of Xland, 2020-01-01 – (in office at least until 2024-06-30)");
  struct Row {
    const char* text;
    const char* date;
    const char* rule;  // "" = no finding
  };
  for (Row r : {Row{"Xland President Bo Lind spoke.", "2024-01-01", "TITLE_NOT_HELD"},
                Row{"Xland President Bo Lind spoke.", "2025-06-01", ""},  // who held it then is not known
                Row{"Former President Ada Holm spoke.", "2024-01-01", "FORMER_BUT_IN_OFFICE"},
                Row{"Former President Ada Holm spoke.", "2025-06-01", ""},
                Row{"President Ada Holm spoke.", "2025-06-01", ""}}) {
    INFO(r.text << " at " << r.date);
    factlint::CheckOptions options;
    options.date = factlint::ParseIsoDate(r.date);
    const factlint::Report report = factlint::Check(*kb.value(), r.text, options);
    std::string rules;
    for (const factlint::Finding& f : report.findings) rules += f.rule;
    CHECK(rules == r.rule);
  }
}
