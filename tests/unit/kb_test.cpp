// Tests for core/src/kb.cpp (LoadKb, ValidateKb, Summarize) with the fixtures of
// tests/fixtures/kb: pass_*.json load, each fail_*.json has exactly one fault whose code, JSON
// path and place are in the table below (the place is checked against the bytes it points at).

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_query.h"
#include "test_kbs.h"

namespace {

using factlint::Error;
using factlint::ErrorCode;
using factlint::LoadKb;
using factlint::ValidateKb;

template <typename Span>
std::vector<int> Ints(const Span& s) {
  return std::vector<int>(s.begin(), s.end());
}

using factlint_test::ReadFile;

// A Kb's list (a span into its KbStrings) as a vector, to compare with one.
template <typename T>
std::vector<T> List(std::span<const T> list) { return {list.begin(), list.end()}; }

std::string Fixture(const std::string& name) {
  const std::string path = std::string(FACTLINT_SOURCE_DIR) + "/tests/fixtures/kb/" + name;
  std::ifstream probe(path);
  REQUIRE(probe.good());
  return ReadFile(path);
}

// The bytes from (line, column) to the end of the text.
std::string_view At(std::string_view text, int line, int column) {
  size_t offset = 0;
  for (int l = 1; l < line; ++l) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return {};
    ++offset;
  }
  offset += static_cast<size_t>(column - 1);
  return offset <= text.size() ? text.substr(offset) : std::string_view{};
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

factlint::Date D(const char* iso) { return *factlint::ParseIsoDate(iso); }

// The one JSON value at the start of `rest` (what follows it is not read).
nlohmann::json ValueAt(std::string_view rest) {
  std::istringstream in{std::string(rest)};
  nlohmann::json value;
  in >> value;
  return value;
}

}  // namespace

TEST_CASE("pass fixtures load and build every lookup", "[kb]") {
  SECTION("pass_minimal") {
    auto kb = LoadKb(Fixture("pass_minimal.json"));
    REQUIRE(kb.ok());
    const auto s = factlint::Summarize(*kb.value());
    CHECK(s.name == "minimal");
    CHECK(s.as_of == "2026-01-01");
    CHECK(s.schema_version == 1);
    CHECK(s.people + s.offices + s.terms + s.events + s.quotes + s.sources == 0);
    CHECK(ValidateKb(Fixture("pass_minimal.json")).empty());
  }
  SECTION("pass_full") {
    const std::string text = Fixture("pass_full.json");
    CHECK(ValidateKb(text).empty());
    auto loaded = LoadKb(text);
    REQUIRE(loaded.ok());
    const factlint::Kb& kb = *loaded.value();
    const auto s = factlint::Summarize(kb);
    CHECK(s.name == "fixture: Freedonia (fictional)");
    CHECK(s.as_of == "2026-11-01");
    CHECK(s.sources == 2);
    CHECK(s.people == 4);
    CHECK(s.offices == 3);
    CHECK(s.terms == 7);
    CHECK(s.events == 2);
    CHECK(s.quotes == 2);

    CHECK(kb.sources[1].name == "Sylvania \"Register\" \\ archive");
    CHECK(kb.sources[1].url.empty());
    const int rufus = factlint::KbIndexOf(kb.people, "rufus-firefly");
    const factlint::KbPerson& p = kb.people[static_cast<size_t>(rufus)];
    CHECK(p.name == "Rufus T. Firefly");
    CHECK(List(p.aliases) ==
          std::vector<std::string_view>{"Rufus Firefly", "R\xC3\xBA" "fus Firefly-Smith"});
    CHECK(List(p.shorts) == std::vector<std::string_view>{"Firefly"});
    REQUIRE(p.born.has_value());
    CHECK(*p.born == D("1890-10-02"));
    CHECK_FALSE(kb.people[static_cast<size_t>(factlint::KbIndexOf(kb.people, "gloria-teasdale"))].born.has_value());

    const int president = factlint::KbIndexOf(kb.offices, "fd-president");
    const factlint::KbOffice& office = kb.offices[static_cast<size_t>(president)];
    CHECK(office.single_holder);
    CHECK(office.role == factlint::OfficeRole::kHeadOfState);
    CHECK(List(office.jurisdiction) == std::vector<std::string_view>{"Freedonia", "Freedonian"});
    CHECK(kb.offices[static_cast<size_t>(factlint::KbIndexOf(kb.offices, "sy-ambassador"))].role ==
          factlint::OfficeRole::kUnspecified);

    // terms: indexes resolved, open end, acting, ref
    const factlint::KbTerm& anna = kb.terms[2];
    CHECK(anna.person == factlint::KbIndexOf(kb.people, "anna-firefly"));
    CHECK(anna.office == president);
    CHECK(anna.start == D("2024-02-29"));
    CHECK_FALSE(anna.end.has_value());
    CHECK(anna.acting);
    CHECK(kb.terms[1].ref == "p. 1");
    CHECK(kb.terms[6].source == factlint::KbIndexOf(kb.sources, "sylvania-register"));

    // by-person and by-office lists are sorted by start (the file lists rufus' minister terms
    // after his presidency)
    CHECK(kb.terms_by_person.size() == kb.people.size());
    CHECK(Ints(kb.terms_by_person[static_cast<size_t>(rufus)]) == std::vector<int>{3, 1, 5});
    CHECK(Ints(kb.terms_by_office[static_cast<size_t>(president)]) == std::vector<int>{0, 1, 2});
    CHECK(Ints(kb.terms_by_office[static_cast<size_t>(factlint::KbIndexOf(kb.offices, "fd-minister"))]) ==
          std::vector<int>{3, 4, 5});

    // events
    const factlint::KbEvent& election = kb.events[static_cast<size_t>(factlint::KbIndexOf(kb.events, "fd-election-1932"))];
    CHECK(election.kind == "election");
    CHECK(election.precision == factlint::EventPrecision::kDay);
    CHECK(List(election.participants) ==
          std::vector<int>{rufus, factlint::KbIndexOf(kb.people, "gloria-teasdale")});
    CHECK(election.winner == rufus);
    CHECK(election.triggers.size() == 2);
    const factlint::KbEvent& war = kb.events[1];
    CHECK(war.precision == factlint::EventPrecision::kMonth);
    CHECK(war.end == D("1933-12-01"));
    CHECK_FALSE(war.winner.has_value());
    REQUIRE(war.other_dates.size() == 1);
    CHECK(war.other_dates[0].date == D("1933-12-02"));
    CHECK(war.other_dates[0].what == "armistice signed");
    CHECK(war.ref == "vol. 2");

    // quotes by speaker, by date
    CHECK(Ints(kb.quotes_by_speaker[static_cast<size_t>(rufus)]) == std::vector<int>{1, 0});
    CHECK(kb.quotes[0].context == "test");

    CHECK(List(kb.lexicon.hedges) == std::vector<std::string_view>{"allegedly", "reportedly"});
    CHECK(kb.lexicon.prospective.size() == 2);

    // fields the file leaves out take their defaults
    CHECK(p.born_precision == factlint::EventPrecision::kDay);
    CHECK_FALSE(p.died.has_value());
    CHECK(kb.terms[1].party.empty());
    CHECK_FALSE(kb.terms[1].ordinal.has_value());
    CHECK_FALSE(kb.terms[4].district.has_value());
  }
  SECTION("pass_people_terms: precisions, death, party/state/district/ordinal, acting overlap") {
    const std::string text = Fixture("pass_people_terms.json");
    CHECK(ValidateKb(text).empty());
    auto loaded = LoadKb(text);
    REQUIRE(loaded.ok());
    const factlint::Kb& kb = *loaded.value();
    const factlint::KbPerson& gloria = kb.people[static_cast<size_t>(factlint::KbIndexOf(kb.people, "gloria-teasdale"))];
    CHECK(gloria.born == D("1880-01-01"));
    CHECK(gloria.born_precision == factlint::EventPrecision::kYear);
    CHECK(gloria.died == D("1950-03-01"));
    CHECK(gloria.died_precision == factlint::EventPrecision::kMonth);
    REQUIRE(gloria.source >= 0);  // where the dates come from
    CHECK(kb.sources[static_cast<size_t>(gloria.source)].id == "freedonia-gazette");
    CHECK(gloria.ref == "https://example.org/gazette/teasdale");
    const factlint::KbPerson& trentino = kb.people[static_cast<size_t>(factlint::KbIndexOf(kb.people, "trentino"))];
    CHECK(trentino.died == trentino.born);  // died on the day of birth: not before it
    CHECK(trentino.died_precision == factlint::EventPrecision::kDay);
    CHECK(trentino.source == -1);  // no source given for the birth
    CHECK(trentino.ref.empty());
    REQUIRE(trentino.died_source >= 0);  // the death's own source
    CHECK(kb.sources[static_cast<size_t>(trentino.died_source)].id == "sylvania-register");
    CHECK(trentino.died_ref == "obituaries, p. 4");
    CHECK(gloria.died_source == -1);  // her source states both dates
    // The evidence cites the death's own source, and both when the birth has another.
    const factlint::KbQuery query(kb);
    CHECK(query.PersonSource(factlint::KbIndexOf(kb.people, "trentino")) ==
          "Sylvania \"Register\" \\ archive (obituaries, p. 4)");
    CHECK(query.PersonSource(factlint::KbIndexOf(kb.people, "gloria-teasdale")) ==
          "The Freedonia Gazette [fictional] {test} (https://example.org/gazette) (https://example.org/gazette/teasdale)");
    CHECK(kb.offices[static_cast<size_t>(factlint::KbIndexOf(kb.offices, "fd-minister"))].role ==
          factlint::OfficeRole::kLegislator);
    CHECK(kb.offices[static_cast<size_t>(factlint::KbIndexOf(kb.offices, "sy-ambassador"))].role ==
          factlint::OfficeRole::kJudge);
    CHECK(kb.terms[1].party == "Liberty");
    CHECK(kb.terms[1].ordinal == 2);
    CHECK(kb.terms[1].state.empty());
    CHECK(kb.terms[2].acting);  // inside terms[1], a full term of the single-holder office
    CHECK(kb.terms[5].state == "NY");
    CHECK(kb.terms[5].district == 0);  // at-large
    CHECK(kb.terms[6].district == 12);
    CHECK(kb.terms[6].state == "Upper Freedonia");
    CHECK(kb.events[1].kind == "coup");
  }
}

TEST_CASE("precision and death dates: edges", "[kb]") {
  const std::string base = Fixture("pass_people_terms.json");
  // a death at year precision is not "before" a birth later in the same year
  CHECK(LoadKb(Replace(base, "\"born\": \"1885-06-15\", \"died\": \"1885-06-15\"",
                       "\"born\": \"1885-06-15\", \"died\": \"1885-01-01\", \"died_precision\": \"year\""))
            .ok());
  // ...nor at month precision in the same month; the month before is
  CHECK(LoadKb(Replace(base, "\"born\": \"1885-06-15\", \"died\": \"1885-06-15\"",
                       "\"born\": \"1885-06-15\", \"died\": \"1885-06-01\", \"died_precision\": \"month\""))
            .ok());
  auto r = LoadKb(Replace(base, "\"born\": \"1885-06-15\", \"died\": \"1885-06-15\"",
                          "\"born\": \"1885-06-15\", \"died\": \"1885-05-01\", \"died_precision\": \"month\""));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().path == "/people/2/died");
  // December at month precision runs to the 31st
  CHECK(LoadKb(Replace(base, "\"born\": \"1885-06-15\", \"died\": \"1885-06-15\"",
                       "\"born\": \"1885-12-31\", \"died\": \"1885-12-01\", \"died_precision\": \"month\""))
            .ok());
  // integers: no fraction or exponent, within range
  for (const char* bad : {"1e1", "1.0", "-0.5", "1000000000", "\"3\"", "true"}) {
    INFO(bad);
    auto e = LoadKb(Replace(base, "\"district\": 12", std::string("\"district\": ") + bad));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().path == "/terms/6/district");
  }
  CHECK(LoadKb(Replace(base, "\"district\": 12", "\"district\": 999999999")).ok());
  CHECK(LoadKb(Replace(base, "\"ordinal\": 2", "\"ordinal\": 0")).error().path == "/terms/1/ordinal");
  // new event kinds and office roles load
  for (const char* kind : {"sport", "disaster", "pandemic", "coup", "treaty", "assassination", "death",
                           "space_mission", "financial_crisis", "protest", "accident"}) {
    INFO(kind);
    CHECK(LoadKb(Replace(base, "\"kind\": \"coup\"", std::string("\"kind\": \"") + kind + "\"")).ok());
  }
  for (const char* role : {"legislator", "judge", "governor", "legislative_leader", "party_leader"}) {
    INFO(role);
    CHECK(LoadKb(Replace(base, "\"role\": \"judge\"", std::string("\"role\": \"") + role + "\"")).ok());
  }
}

TEST_CASE("fail fixtures: code, path and place of the first error", "[kb]") {
  struct Case {
    const char* file;
    ErrorCode code;
    const char* path;
    int line;
    const char* points_at;  // the bytes at (line, column)
  };
  const Case cases[] = {
      {"fail_unknown_key.json", ErrorCode::kKbSchema, "/people/1/nickname", 11, "\"nickname\""},
      {"fail_bad_other_date.json", ErrorCode::kKbSchema, "/events/1/other_dates/0/when", 35, "\"when\""},
      {"fail_wrong_type.json", ErrorCode::kKbSchema, "/offices/1/single_holder", 17, "\"no\""},
      {"fail_wrong_type_array.json", ErrorCode::kKbSchema, "/offices/2/titles", 18, "\"Ambassador\""},
      {"fail_null_optional.json", ErrorCode::kKbSchema, "/events/0/precision", 30, "null"},
      {"fail_missing_key.json", ErrorCode::kKbSchema, "/terms/5", 26, "{\"person\": \"rufus-firefly\", \"office\": \"fd-minister\", \"start\": \"1940"},
      {"fail_missing_end.json", ErrorCode::kKbSchema, "/terms/3", 24, "{\"person\""},
      {"fail_missing_as_of.json", ErrorCode::kKbSchema, "", 1, "{"},
      {"fail_root_not_object.json", ErrorCode::kKbSchema, "", 1, "["},
      {"fail_bad_date.json", ErrorCode::kKbInvalidValue, "/terms/1/end", 22, "\"1937-02-30\""},
      {"fail_bad_date_format.json", ErrorCode::kKbInvalidValue, "/people/0/born", 10, "\"2 Oct 1890\""},
      {"fail_start_after_end.json", ErrorCode::kKbInvalidValue, "/terms/6/end", 27, "\"1933-11-17\""},
      {"fail_zero_length_term.json", ErrorCode::kKbInvalidValue, "/terms/6/end", 27, "\"1933-11-17\""},
      {"fail_event_end_before_date.json", ErrorCode::kKbInvalidValue, "/events/1/end", 33, "\"1933-11-01\""},
      {"fail_seen_until_with_end.json", ErrorCode::kKbInvalidValue, "/terms/1/seen_until", 22, "\"1936-01-01\"}"},
      {"fail_schema_version.json", ErrorCode::kKbInvalidValue, "/schema_version", 2, "2,"},
      {"fail_bad_kind.json", ErrorCode::kKbInvalidValue, "/events/1/kind", 33, "\"battle\""},
      {"fail_bad_precision.json", ErrorCode::kKbInvalidValue, "/events/1/precision", 33, "\"decade\""},
      {"fail_bad_role.json", ErrorCode::kKbInvalidValue, "/offices/0/role", 16, "\"president\""},
      {"fail_bad_id.json", ErrorCode::kKbInvalidValue, "/offices/1/id", 17, "\"FD Minister\""},
      {"fail_empty_alias.json", ErrorCode::kKbInvalidValue, "/people/2/aliases/1", 12, "\" \""},
      {"fail_empty_ref.json", ErrorCode::kKbInvalidValue, "/terms/1/ref", 22, "\"\"}"},
      {"fail_duplicate_id.json", ErrorCode::kKbDuplicate, "/sources/1/id", 7, "\"freedonia-gazette\""},
      {"fail_duplicate_alias.json", ErrorCode::kKbDuplicate, "/people/3/aliases/0", 13, "\"RUFUS  Firefly-Smith\""},
      {"fail_duplicate_key.json", ErrorCode::kKbDuplicate, "/people/1/name", 11, "\"name\": \"G. Teasdale\""},
      {"fail_duplicate_list_item.json", ErrorCode::kKbDuplicate, "/events/0/triggers/1", 32, "\"presidential election\"]"},
      {"fail_duplicate_participant.json", ErrorCode::kKbDuplicate, "/events/0/participants/1", 31, "\"rufus-firefly\"]"},
      {"fail_dangling_person.json", ErrorCode::kKbDanglingId, "/terms/6/person", 27, "\"trentino-jr\""},
      {"fail_dangling_office.json", ErrorCode::kKbDanglingId, "/terms/6/office", 27, "\"sy-envoy\""},
      {"fail_dangling_vacancy_source.json", ErrorCode::kKbDanglingId, "/offices/0/vacant/0/source", 16,
       "\"freedonia-times\""},
      {"fail_vacancy_overlap.json", ErrorCode::kKbOverlap, "/terms/1/start", 22, "\"1933-03-04\""},
      {"fail_vacancy_order.json", ErrorCode::kKbOverlap, "/offices/0/vacant/1/from", 16, "\"1937-01-20\""},
      {"fail_vacancy_empty.json", ErrorCode::kKbInvalidValue, "/offices/0/vacant/0/to", 16, "\"1940-01-01\""},
      {"fail_dangling_source.json", ErrorCode::kKbDanglingId, "/events/1/source", 35, "\"sylvania-times\""},
      {"fail_dangling_other_date_source.json", ErrorCode::kKbDanglingId, "/events/1/other_dates/0/source", 35, "\"sylvania-times\""},
      {"fail_dangling_winner.json", ErrorCode::kKbDanglingId, "/events/0/winner", 31, "\"groucho\""},
      {"fail_dangling_participant.json", ErrorCode::kKbDanglingId, "/events/0/participants/1", 31, "\"gloria-teasdal\""},
      {"fail_dangling_speaker.json", ErrorCode::kKbDanglingId, "/quotes/1/speaker", 39, "\"rufus\""},
      {"fail_overlap.json", ErrorCode::kKbOverlap, "/terms/1/start", 22, "\"1933-03-03\""},
      {"fail_overlap_open.json", ErrorCode::kKbOverlap, "/terms/2/start", 23, "\"1936-02-29\""},
      {"fail_overlap_same_person.json", ErrorCode::kKbOverlap, "/terms/5/start", 26, "\"1939-12-31\""},
      // the people/terms fields (on top of pass_people_terms.json)
      {"fail_bad_born_precision.json", ErrorCode::kKbInvalidValue, "/people/1/born_precision", 11, "\"decade\""},
      {"fail_precision_date.json", ErrorCode::kKbInvalidValue, "/people/1/born", 11, "\"1880-02-01\""},
      {"fail_precision_without_date.json", ErrorCode::kKbSchema, "/people/2/died_precision", 12, "\"year\""},
      {"fail_died_before_born.json", ErrorCode::kKbInvalidValue, "/people/2/died", 12, "\"1885-06-14\""},
      {"fail_bad_district.json", ErrorCode::kKbInvalidValue, "/terms/6/district", 27, "-1}"},
      {"fail_bad_ordinal.json", ErrorCode::kKbInvalidValue, "/terms/1/ordinal", 22, "1.5}"},
      {"fail_zero_ordinal.json", ErrorCode::kKbInvalidValue, "/terms/1/ordinal", 22, "0}"},
      {"fail_empty_party.json", ErrorCode::kKbInvalidValue, "/terms/5/party", 26, "\"\","},
      {"fail_wrong_type_state.json", ErrorCode::kKbSchema, "/terms/5/state", 26, "36,"},
      {"fail_dangling_person_source.json", ErrorCode::kKbDanglingId, "/people/1/source", 11, "\"sylvania-times\""},
      {"fail_dangling_died_source.json", ErrorCode::kKbDanglingId, "/people/2/died_source", 12, "\"sylvania-times\""},
      {"fail_died_source_without_died.json", ErrorCode::kKbSchema, "/people/3/died_source", 13, "\"sylvania-register\""},
      {"fail_overlap_acting.json", ErrorCode::kKbOverlap, "/terms/3/start", 24, "\"1935-07-01\""},
      {"fail_not_json.json", ErrorCode::kKbNotJson, "", 1, "schema_version: 1"},
      {"fail_empty.json", ErrorCode::kKbNotJson, "", 1, ""},
      {"fail_truncated.json", ErrorCode::kKbNotJson, "", 38, ""},  // at the end of the text
      {"fail_trailing_garbage.json", ErrorCode::kKbNotJson, "", 48, "]"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string text = Fixture(c.file);
    auto loaded = LoadKb(text);
    REQUIRE_FALSE(loaded.ok());
    const Error& e = loaded.error();
    INFO(e.ToString());
    CHECK(e.code == c.code);
    CHECK(e.path == c.path);
    CHECK(e.line == c.line);
    CHECK(e.column >= 1);
    CHECK(StartsWith(At(text, e.line, e.column), c.points_at));
    if (std::string_view(c.points_at).empty()) CHECK(At(text, e.line, e.column).empty());
    CHECK_FALSE(e.message.empty());
    // a value error points at the value its path names (key errors point at the key instead):
    // nlohmann reads one value there, and it is the value at the path
    if (c.code != ErrorCode::kKbNotJson && c.points_at[0] != '{' && c.points_at[0] != '[' &&
        std::string_view(c.path).find("nickname") == std::string_view::npos &&
        std::string_view(c.path).find("when") == std::string_view::npos &&
        !StartsWith(c.points_at, "\"name\"")) {
      const nlohmann::json whole = nlohmann::json::parse(text);
      CHECK(ValueAt(At(text, e.line, e.column)) == whole.at(nlohmann::json::json_pointer(c.path)));
    }
    // one fault, one error: ValidateKb agrees and adds no cascade
    const std::vector<Error> all = ValidateKb(text);
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == e.code);
    CHECK(all[0].path == e.path);
    CHECK(all[0].line == e.line);
    CHECK(all[0].column == e.column);
    CHECK(all[0].message == e.message);
  }
}

TEST_CASE("error messages name the problem; ToString puts the place first", "[kb]") {
  auto end_type = LoadKb(Replace(Fixture("pass_full.json"), "\"end\": null", "\"end\": 0")).error();
  CHECK(end_type.code == ErrorCode::kKbSchema);
  CHECK(end_type.path == "/terms/2/end");
  CHECK(end_type.message == "expected a date string (YYYY-MM-DD) or null, found a number");
  auto e = LoadKb(Fixture("fail_bad_date.json")).error();
  CHECK(e.ToString() == "line 22, column " + std::to_string(e.column) +
                            ": /terms/1/end: date \"1937-02-30\" does not exist");
  CHECK(factlint::ErrorCodeName(e.code) == "kb_invalid_value");
  auto unknown = LoadKb(Fixture("fail_unknown_key.json")).error();
  CHECK(unknown.message.find("\"nickname\"") != std::string::npos);
  CHECK(unknown.message.find("aliases") != std::string::npos);  // lists the allowed keys
  auto overlap = LoadKb(Fixture("fail_overlap.json")).error();
  CHECK(overlap.message.find("gloria-teasdale") != std::string::npos);
  CHECK(overlap.message.find("/terms/0") != std::string::npos);
  auto missing = LoadKb(Fixture("fail_missing_as_of.json")).error();
  CHECK(missing.message == "missing required key \"as_of\"");
}

TEST_CASE("limits: nesting depth and size give kb_too_large before any DOM", "[kb]") {
  SECTION("100,000 nested arrays") {
    const std::string deep(100000, '[');
    auto r = LoadKb(deep);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbTooLarge);
    CHECK(r.error().line == 1);
    CHECK(r.error().column == 65);  // the 65th '['
    CHECK(ValidateKb(deep).size() == 1);
  }
  SECTION("deep objects inside a KB, brackets in strings do not count") {
    std::string text = Fixture("pass_full.json");
    std::string nest;
    for (int i = 0; i < 70; ++i) nest += "{\"a\": ";
    nest += "1";
    for (int i = 0; i < 70; ++i) nest += "}";
    text = Replace(text, "\"hedges\": [", "\"x\": " + nest + ", \"hedges\": [");
    auto r = LoadKb(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbTooLarge);
    CHECK(r.error().line == 42);  // the line of "hedges"

    std::string brackets = Fixture("pass_full.json");
    brackets = Replace(brackets, "\"Anna Firefly\"", "\"Anna " + std::string(100, '[') + "\\\"{{{ Firefly\"");
    CHECK(LoadKb(brackets).ok());
  }
  SECTION("depth 64 is allowed (the schema then rejects the key)") {
    std::string nest;
    for (int i = 0; i < 63; ++i) nest += "[";
    for (int i = 0; i < 63; ++i) nest += "]";
    const std::string text =
        Replace(Fixture("pass_minimal.json"), "\"lexicon\": {}", "\"lexicon\": {}, \"deep\": " + nest);
    auto r = LoadKb(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbSchema);
    CHECK(r.error().path == "/deep");
  }
  SECTION("more than 64 MiB") {
    std::string big = Fixture("pass_minimal.json");
    big.resize((size_t{64} << 20) + 1, ' ');
    auto r = LoadKb(big);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbTooLarge);
    CHECK(r.error().message.find("64 MiB") != std::string::npos);
  }
}

TEST_CASE("limits: at most 2,000,000 values, 10,000 strings per list", "[kb]") {
  std::string many = "{\"schema_version\": 1, \"x\": [";
  for (int i = 0; i < 2000000; ++i) many += "0,";
  many += "0]}";
  auto r = LoadKb(many);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbTooLarge);
  // values so far: the object, 1, the array, then 1,999,998 zeros; the next starts here
  // the k-th zero starts at byte find('[') + 2k - 1, so at column find('[') + 2k
  CHECK(r.error().column == static_cast<int>(many.find('[') + 2 * 1999998));
  CHECK(ValidateKb(many).size() == 1);

  std::string list = "\"a0\"";
  for (int i = 1; i <= 10000; ++i) list += ", \"a" + std::to_string(i) + "\"";
  std::string text = Replace(Fixture("pass_full.json"), "\"aliases\": [\"Louis Trentino\"]",
                             "\"aliases\": [" + list + "]");
  r = LoadKb(text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbTooLarge);
  CHECK(r.error().path == "/people/2/aliases/10000");
  CHECK(StartsWith(At(text, r.error().line, r.error().column), "\"a10000\""));
  // 10,000 is fine
  text = Replace(text, ", \"a10000\"", "");
  CHECK(LoadKb(text).ok());
}

TEST_CASE("a KB of exactly 64 MiB is within the limit", "[kb][slow]") {
  std::string big = Fixture("pass_minimal.json");
  big.resize(size_t{64} << 20, ' ');  // valid JSON with trailing spaces
  CHECK(LoadKb(big).ok());
}

TEST_CASE("not JSON: invalid UTF-8 and escapes are placed", "[kb]") {
  const std::string base = Fixture("pass_full.json");
  struct Case {
    const char* from;
    const char* to;
    int line;
  } cases[] = {
      {"\"Gloria Teasdale\"", "\"Gloria \xFF Teasdale\"", 11},
      {"\"Gloria Teasdale\"", "\"Gloria \\ud800 Teasdale\"", 11},
      {"\"Gloria Teasdale\"", "\"Gloria \\x Teasdale\"", 11},
      {"\"Gloria Teasdale\"", "'Gloria Teasdale'", 11},
      {"\"schema_version\": 1,", "\"schema_version\": 1,,", 2},
  };
  for (const Case& c : cases) {
    INFO(c.to);
    auto r = LoadKb(Replace(base, c.from, c.to));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbNotJson);
    CHECK(r.error().line == c.line);
    CHECK(r.error().path.empty());
  }
}

TEST_CASE("aliases are compared after folding; repeats within one person are fine", "[kb]") {
  const std::string base = Fixture("pass_full.json");
  // the diacritic-free spelling of another person's alias
  auto r = LoadKb(Replace(base, "\"name\": \"Anna Firefly\", \"aliases\": []",
                          "\"name\": \"Anna Firefly\", \"aliases\": [\"Rufus Firefly-Smith\"]"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbDuplicate);
  CHECK(r.error().path == "/people/3/aliases/0");
  CHECK(r.error().message.find("/people/0/aliases/1") != std::string::npos);
  // a name used again as someone else's name
  r = LoadKb(Replace(base, "\"name\": \"Anna Firefly\"", "\"name\": \"gloria teasdale\""));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().path == "/people/3/name");
  // one person may list a variant of their own name; short forms may repeat across people
  CHECK(LoadKb(Replace(base, "\"aliases\": [\"Louis Trentino\"]",
                       "\"aliases\": [\"Louis Trentino\", \"AMBASSADOR TRENTINO\"]"))
            .ok());
}

TEST_CASE("term intervals are [start, end): handover days and other offices", "[kb]") {
  const std::string base = Fixture("pass_full.json");
  // pass_full already has a handover (1933-03-04) and overlapping terms of a multi-holder office
  REQUIRE(LoadKb(base).ok());
  // an office marked single_holder turns those into an overlap
  auto r = LoadKb(Replace(base, "\"single_holder\": false, \"role\": \"minister\"",
                          "\"single_holder\": true, \"role\": \"minister\""));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbOverlap);
  CHECK(r.error().path == "/terms/4/start");
  // every term that overlaps an earlier one is reported, once
  auto all = ValidateKb(Replace(base, "\"start\": \"2024-02-29\", \"end\": null, \"source\": \"freedonia-gazette\", \"acting\": true",
                                "\"start\": \"1926-01-01\", \"end\": null, \"source\": \"freedonia-gazette\", \"acting\": false"));
  REQUIRE(all.size() == 2);
  CHECK(all[0].path == "/terms/1/start");  // rufus 1933 overlaps anna 1926-open
  CHECK(all[1].path == "/terms/2/start");  // anna 1926 overlaps gloria 1925-1933
  // the same term acting may overlap both full terms (holders suspended while she acts)
  CHECK(ValidateKb(Replace(base, "\"start\": \"2024-02-29\", \"end\": null",
                           "\"start\": \"1926-01-01\", \"end\": null"))
            .empty());
}

TEST_CASE("ValidateKb returns every error in file order, at most 1,000", "[kb]") {
  std::string text = Fixture("pass_full.json");
  text = Replace(text, "\"as_of\": \"2026-11-01\"", "\"as_of\": \"2026-13-01\"");
  text = Replace(text, "\"person\": \"trentino\"", "\"person\": \"nobody\"");
  text = Replace(text, "\"single_holder\": true", "\"single_holder\": 1");
  text = Replace(text, "\"kind\": \"war\"", "\"kind\": \"war\", \"colour\": \"red\"");
  const std::vector<Error> all = ValidateKb(text);
  REQUIRE(all.size() == 4);
  CHECK(all[0].path == "/as_of");
  CHECK(all[1].path == "/offices/0/single_holder");
  CHECK(all[2].path == "/terms/6/person");
  CHECK(all[3].path == "/events/1/colour");
  for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].line <= all[i].line);
  // LoadKb returns the first of them
  CHECK(LoadKb(text).error().path == "/as_of");

  std::string many = "{\"schema_version\": 1, \"name\": \"n\", \"as_of\": \"2026-01-01\", \"sources\": [],"
                     " \"offices\": [], \"terms\": [], \"events\": [], \"quotes\": [], \"lexicon\": {},"
                     " \"people\": [\n";
  for (int i = 0; i < 5000; ++i) {
    if (i) many += ",\n";
    many += "{\"id\": \"Bad Id " + std::to_string(i) + "\", \"name\": \"P" + std::to_string(i) +
            "\", \"aliases\": [], \"short\": []}";
  }
  many += "]}";
  const std::vector<Error> capped = ValidateKb(many);
  REQUIRE(capped.size() == 1000);
  CHECK(capped.front().path == "/people/0/id");
  CHECK(capped.front().line == 2);
  CHECK(capped.back().path == "/people/999/id");
  CHECK(capped.back().line == 1001);
}

TEST_CASE("line endings and byte-order mark", "[kb]") {
  std::string crlf;
  for (char c : Fixture("fail_bad_date.json")) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto r = LoadKb(crlf);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().line == 22);
  CHECK(LoadKb("\xEF\xBB\xBF" + Fixture("pass_full.json")).ok());
  // the mark is three bytes of line 1: later lines are unchanged, line 1 counts it
  r = LoadKb("\xEF\xBB\xBF" + Fixture("fail_bad_date.json"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().line == 22);
  CHECK(r.error().column == LoadKb(Fixture("fail_bad_date.json")).error().column);
  r = LoadKb("\xEF\xBB\xBF@");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbNotJson);
  CHECK(r.error().column == 4);
  r = LoadKb("\xEF\xBB\xBF[]");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbSchema);
  CHECK(r.error().column == 4);
}

TEST_CASE("hostile shapes: wrong types everywhere do not crash and stay bounded", "[kb]") {
  const char* texts[] = {
      "null", "1", "\"x\"", "{}",
      ("{\"schema_version\": \"1\", \"name\": 5, \"as_of\": [], \"sources\": {}, \"people\": [1, null, []],"
       " \"offices\": [{}], \"terms\": [{\"end\": {}}], \"events\": [{\"participants\": {}, \"other_dates\": [1]}],"
       " \"quotes\": [[]], \"lexicon\": []}"),
      ("{\"schema_version\": 1e999, \"name\": \"\", \"as_of\": \"0000-01-01\", \"sources\": [], \"people\": [],"
       " \"offices\": [], \"terms\": [], \"events\": [], \"quotes\": [], \"lexicon\": {\"hedges\": [\"\"]}}"),
  };
  for (const char* text : texts) {
    INFO(text);
    auto r = LoadKb(text);
    CHECK_FALSE(r.ok());
    const auto all = ValidateKb(text);
    CHECK_FALSE(all.empty());
    for (const Error& e : all) {
      CHECK(e.line >= 1);
      CHECK(e.column >= 1);
    }
  }
}

TEST_CASE("the bundled kb/world.json loads", "[kb][slow]") {
  const std::string path = std::string(FACTLINT_SOURCE_DIR) + "/kb/world.json";
  std::ifstream probe(path);
  if (!probe.good()) {
    WARN("kb/world.json not present; skipped");
    return;
  }
  const std::string text = ReadFile(path);
  auto loaded = LoadKb(text);
  INFO((loaded.ok() ? std::string() : loaded.error().ToString()));
  REQUIRE(loaded.ok());
  const auto s = factlint::Summarize(*loaded.value());
  CHECK(s.schema_version == 1);
  CHECK(s.sources > 0);
  CHECK(s.people > 0);
  CHECK(s.offices > 0);
  CHECK(s.terms > 0);
  CHECK(factlint::ParseIsoDate(s.as_of).has_value());
  CHECK(ValidateKb(text).empty());
}

TEST_CASE("mutated KBs: LoadKb and ValidateKb agree, errors stay inside the text", "[kb]") {
  const std::string base = Fixture("pass_full.json");
  const int lines = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 2;
  uint32_t state = 12345;  // a fixed LCG: the same mutations on every run
  auto next = [&](uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  const char kBytes[] = "[]{}\",:\\ 0-1ntfeu\n\xC3\xFF";
  int loaded = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text = base;
    const uint32_t edits = 1 + next(3);
    for (uint32_t k = 0; k < edits && !text.empty(); ++k) {
      const size_t at = next(static_cast<uint32_t>(text.size()));
      switch (next(4)) {
        case 0: text[at] = kBytes[next(sizeof kBytes - 1)]; break;
        case 1: text.erase(at, 1 + next(8)); break;
        case 2: text.insert(at, 1, kBytes[next(sizeof kBytes - 1)]); break;
        case 3: text.resize(at); break;
      }
    }
    INFO("round " << round);
    auto r = LoadKb(text);
    const std::vector<Error> all = ValidateKb(text);
    if (r.ok()) {
      ++loaded;
      CHECK(all.empty());
      continue;
    }
    REQUIRE_FALSE(all.empty());
    CHECK(all[0].code == r.error().code);
    CHECK(all[0].path == r.error().path);
    CHECK(all[0].line == r.error().line);
    CHECK(all[0].column == r.error().column);
    for (const Error& e : all) {
      CHECK(e.code != ErrorCode::kOk);
      CHECK(e.line >= 1);
      CHECK(e.line <= lines);
      CHECK(e.column >= 1);
      CHECK_FALSE(e.message.empty());
    }
  }
  CHECK(loaded < 400);  // the mutations do break files
}

TEST_CASE("paths escape keys (RFC 6901) and messages escape what they quote", "[kb]") {
  const std::string base = Fixture("pass_full.json");
  auto r = LoadKb(Replace(base, "\"short\": [\"Teasdale\"]", "\"short\": [\"Teasdale\"], \"a/b~c\\n\": 1"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().path == "/people/1/a~1b~0c\n");
  CHECK(r.error().message.find("\"a/b~c\\u000a\"") != std::string::npos);
  CHECK(r.error().message.find('\n') == std::string::npos);
  // long strings are cut in messages
  r = LoadKb(Replace(base, "\"kind\": \"war\"", "\"kind\": \"" + std::string(5000, 'w') + "\""));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbInvalidValue);
  CHECK(r.error().message.size() < 400);  // the value cut to 80 bytes, then the 23 kinds
}

TEST_CASE("a loaded KB owns its data", "[kb]") {
  factlint::KbHandle kb;
  {
    std::string text = Fixture("pass_full.json");
    auto r = LoadKb(text);
    REQUIRE(r.ok());
    kb = r.value();
    std::fill(text.begin(), text.end(), 'x');
  }
  CHECK(kb->people[0].name == "Rufus T. Firefly");
  CHECK(kb->events[0].triggers[1] == "1932 election");
}

TEST_CASE("trigger lint (kb-check): generic and shared triggers, with their place", "[kb]") {
  const std::string words = ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/kb/generic_triggers.json");
  REQUIRE_FALSE(words.empty());
  const std::string pass = Fixture("lint/pass_triggers.json");
  CHECK(factlint::LintKbTriggers(pass, words).empty());
  // A calendar day names one event: "March 3 attack", "3 March attack", "3/3 attack".
  CHECK(factlint::LintKbTriggers(Replace(pass, "\"triggers\": [\"war with Sylvania\"]",
                                         "\"triggers\": [\"war with Sylvania\", \"March 3 attack\", "
                                         "\"3 March attack\", \"3/3 attack\"]"),
                                 words)
            .empty());
  struct Case {
    const char* file;
    const char* path;
    int line;
    const char* points_at;
    const char* says;  // part of the message
  };
  const Case cases[] = {
      {"lint/fail_generic.json", "/events/0/triggers/2", 32, "\"the November election\"", "only of generic words"},
      {"lint/fail_weekday.json", "/events/1/triggers/1", 34, "\"last Tuesday's summit\"", "only of generic words"},
      {"lint/fail_numbers.json", "/events/0/triggers/2", 32, "\"1932 election\"", "generic words or numbers"},
      // A month without its day names no day ("March 3 attack", "3/3 attack" pass).
      {"lint/fail_month.json", "/events/1/triggers/1", 34, "\"March attack\"", "generic words or numbers"},
      {"lint/fail_shared.json", "/events/1/triggers/1", 34, "\"the  Freedonian Presidential Election\"",
       "also a trigger of \"fd-election-1932\" (/events/0/triggers/0: \"Freedonian presidential election\")"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string text = Fixture(c.file);
    CHECK(LoadKb(text).ok());  // the loader accepts; the lint is kb-check's
    const std::vector<Error> errors = factlint::LintKbTriggers(text, words);
    REQUIRE(errors.size() == 1);
    const Error& e = errors[0];
    INFO(e.ToString());
    CHECK(e.code == ErrorCode::kKbLint);
    CHECK(factlint::ErrorCodeName(e.code) == "kb_lint");
    CHECK(e.path == c.path);
    CHECK(e.line == c.line);
    CHECK(StartsWith(At(text, e.line, e.column), c.points_at));
    CHECK(e.message.find(c.says) != std::string::npos);
  }
  // pass_full's triggers are the generic kind the lint is for
  const std::vector<Error> full = factlint::LintKbTriggers(Fixture("pass_full.json"), words);
  REQUIRE(full.size() == 2);
  CHECK(full[0].path == "/events/0/triggers/0");  // "presidential election"
  CHECK(full[1].path == "/events/0/triggers/1");  // "1932 election"
  // one event may repeat itself; numbers and a place tell events apart
  CHECK(factlint::LintKbTriggers(Replace(pass, "\"triggers\": [\"war with Sylvania\"]",
                                         "\"triggers\": [\"war with Sylvania\", \"1933 Freedonian election\"]"),
                                 words)
            .empty());
  // a KB with errors gets the loader's errors, and no lint
  const std::vector<Error> invalid = factlint::LintKbTriggers(Fixture("fail_bad_date.json"), words);
  REQUIRE(invalid.size() == 1);
  CHECK(invalid[0].code == ErrorCode::kKbInvalidValue);
  // malformed word lists
  for (const char* lists : {"[]", "{\"a\": \"b\"}", "{\"a\": [1]}", "not json"}) {
    INFO(lists);
    const std::vector<Error> bad = factlint::LintKbTriggers(pass, lists);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].code == ErrorCode::kBadInput);
  }
}

TEST_CASE("an office's vacancies: nobody held it then, so a title then can be judged", "[kb]") {
  // pass_full's president: nobody before 1925 (a vacancy: the office not yet created), Gloria
  // Teasdale 1925-1933, Rufus T. Firefly 1933-1937, nobody known after; with a second vacancy from
  // 1937 to 1950 the KB knows nobody held it then.
  const std::string base = Fixture("pass_full.json");
  const std::string vacant = Replace(base, "\"ref\": \"before the office was created\"}]",
                                     "\"ref\": \"before the office was created\"}, {\"from\": \"1937-01-20\", "
                                     "\"to\": \"1950-01-01\", \"source\": \"sylvania-register\"}]");
  struct Row {
    const char* text;
    const char* date;
    const char* rule;  // the finding on the claim, "" = none
  };
  for (const bool with : {false, true}) {
    auto kb = LoadKb(with ? vacant : base);
    INFO((kb.ok() ? std::string() : kb.error().ToString()));
    REQUIRE(kb.ok());
    for (Row r : {Row{"President Rufus T. Firefly spoke.", "1940-06-01", with ? "CURRENT_BUT_FORMER" : ""},
                  Row{"President Gloria Teasdale spoke.", "1945-06-01", with ? "CURRENT_BUT_FORMER" : ""},
                  Row{"President Anna Firefly spoke.", "1940-06-01", with ? "TITLE_NOT_HELD" : ""},
                  Row{"President Rufus T. Firefly spoke.", "1955-06-01", ""},  // after the vacancy: unknown
                  Row{"President Anna Firefly spoke.", "1910-06-01", "TITLE_NOT_HELD"}}) {  // before the office
      INFO(r.text << " at " << r.date << (with ? " (vacant 1937-1950)" : ""));
      factlint::CheckOptions options;
      options.date = factlint::ParseIsoDate(r.date);
      std::string found;
      for (const factlint::Finding& f : factlint::Check(*kb.value(), r.text, options).findings)
        if (f.rule == "CURRENT_BUT_FORMER" || f.rule == "TITLE_NOT_HELD") {
          found = f.rule;
          if (found == "TITLE_NOT_HELD") CHECK(f.message.find("nobody held the office then") != std::string::npos);
        }
      CHECK(found == r.rule);
    }
  }
}
