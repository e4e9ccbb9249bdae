// Tests for core/src/kb_snapshot.cpp (WriteKbSnapshot, CompileKbSnapshot, LoadKbSnapshot):
//   round trip  JSON -> snapshot -> Kb gives byte-identical JSON reports on every golden article
//               (with its .args: --kb, --date) and on the parity texts, with the KB it names;
//   corrupt     a table of damaged snapshots, each refused with kb_snapshot and the message of the
//               check that catches it (header checks on the hashed read; structural checks on
//               snapshots re-hashed after the damage, so the hash does not hide them).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "factlint/factlint.h"
#include "kb.h"
#include "kb_index.h"
#include "kb_snapshot.h"
#include "test_kbs.h"

namespace {

using factlint::ErrorCode;

using factlint_test::ReadFile;

std::string Snapshot(const std::string& json) {
  auto s = factlint::CompileKbSnapshot(json);
  if (!s.ok()) FAIL(s.error().ToString());
  return s.value();
}

std::string ReportOf(const factlint::Kb& kb, const std::string& text, const factlint::CheckOptions& options) {
  return factlint::ReportToJson(factlint::Check(kb, text, options));
}

// Body offset of section `tag` (its content, after the 16-byte section header) in a snapshot.
size_t SectionAt(const std::string& s, uint32_t tag) {
  size_t at = factlint::kKbSnapshotHeaderSize;
  while (at + 16 <= s.size()) {
    uint32_t t;
    uint64_t size;
    std::memcpy(&t, s.data() + at, 4);
    std::memcpy(&size, s.data() + at + 8, 8);
    if (t == tag) return at + 16;
    at += 16 + size;
  }
  FAIL("no section " << tag);
  return 0;
}
size_t SectionEnd(const std::string& s, uint32_t tag) {
  const size_t at = SectionAt(s, tag);
  uint64_t size;
  std::memcpy(&size, s.data() + at - 8, 8);
  return at + size;
}

template <typename T>
void Put(std::string* s, size_t at, T v) {
  std::memcpy(s->data() + at, &v, sizeof v);
}
template <typename T>
T Get(const std::string& s, size_t at) {
  T v;
  std::memcpy(&v, s.data() + at, sizeof v);
  return v;
}

// Varints as the snapshot stores them (kb_snapshot.h): unsigned LEB128.
std::string Varint(uint32_t v) {
  std::string out;
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
  out.push_back(static_cast<char>(v));
  return out;
}
uint32_t VarintAt(const std::string& s, size_t at, size_t* length = nullptr) {
  uint32_t v = 0;
  size_t i = 0;
  for (;; ++i) {
    const auto b = static_cast<uint8_t>(s.at(at + i));
    v |= static_cast<uint32_t>(b & 0x7F) << (7 * i);
    if ((b & 0x80) == 0) break;
  }
  if (length) *length = i + 1;
  return v;
}
// The offset after k varints from `at`.
size_t SkipVarints(const std::string& s, size_t at, size_t k) {
  for (size_t length = 0; k > 0; --k, at += length) VarintAt(s, at, &length);
  return at;
}
// Replaces `old_length` bytes at `at` (inside a section) with `bytes`, and the section's size and
// the header's body size with them.
void Splice(std::string* s, size_t at, size_t old_length, const std::string& bytes) {
  size_t section = factlint::kKbSnapshotHeaderSize;
  for (;;) {
    const uint64_t size = Get<uint64_t>(*s, section + 8);
    if (at < section + 16 + size) break;
    section += 16 + size;
  }
  const int64_t delta = static_cast<int64_t>(bytes.size()) - static_cast<int64_t>(old_length);
  Put<uint64_t>(s, section + 8, Get<uint64_t>(*s, section + 8) + delta);
  Put<uint64_t>(s, 32, Get<uint64_t>(*s, 32) + delta);
  s->replace(at, old_length, bytes);
}
// Replaces the varint at `at` with v.
void SetVarint(std::string* s, size_t at, uint32_t v) {
  size_t length = 0;
  VarintAt(*s, at, &length);
  Splice(s, at, length, Varint(v));
}

// Where the matcher section's parts start (kb_snapshot.cpp: WriteMatcher): pattern count, state
// count, each state's child count (a byte; the test KB has no state of 255 children), the edge
// bytes, the failure links' width and the links of the states but the root, the state where each
// pattern ends.
struct MatcherAt {
  uint32_t patterns = 0, states = 0, width = 0;
  size_t states_count = 0, child_counts = 0, edge_bytes = 0, width_at = 0, fail = 0, state_of = 0;
  size_t Fail(uint32_t state) const { return fail + (state - 1) * width; }
  size_t StateOf(const std::string& s, uint32_t i) const { return SkipVarints(s, state_of, i); }
  size_t ChildCount(uint32_t state) const { return child_counts + state; }
};
MatcherAt MatcherLayout(const std::string& s) {
  MatcherAt m;
  size_t at = SectionAt(s, 11), length = 0;  // matcher
  m.patterns = VarintAt(s, at, &length);
  m.states_count = at + length;
  m.states = VarintAt(s, m.states_count, &length);
  m.child_counts = m.states_count + length;
  m.edge_bytes = m.child_counts + m.states;
  m.width_at = m.edge_bytes + (m.states - 1);
  m.width = static_cast<uint8_t>(s[m.width_at]);
  m.fail = m.width_at + 1;
  m.state_of = m.fail + (m.states - 1) * m.width;
  return m;
}
// Writes a failure link of the matcher in its width.
void PutLink(std::string* s, const MatcherAt& m, uint32_t state, uint32_t link) {
  for (uint32_t i = 0; i < m.width; ++i) (*s)[m.Fail(state) + i] = static_cast<char>(link >> (8 * i));
}
// Writes a child count (one byte, or 255 and a varint) over a one-byte one.
void SetChildCount(std::string* s, size_t at, uint32_t v) {
  Splice(s, at, 1, v < 255 ? std::string(1, static_cast<char>(v)) : "\xFF" + Varint(v - 255));
}

// LoadKbSnapshotOwned of a copy of the bytes (the CLI's load: the KB keeps them).
factlint::Result<factlint::KbHandle> LoadOwned(std::string_view bytes) {
  auto copy = std::make_unique<char[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  return factlint::LoadKbSnapshotOwned(std::move(copy), bytes.size());
}

// Writes the body hash again, so a structural fault reaches the structural checks.
void Rehash(std::string* s) {
  Put<uint64_t>(s, 40, factlint::SnapshotHash(std::string_view(*s).substr(factlint::kKbSnapshotHeaderSize)));
}

}  // namespace

TEST_CASE("snapshot round trip: identical reports on the golden articles and parity texts", "[kb_snapshot]") {
  const std::string root = FACTLINT_SOURCE_DIR;
  const std::string world = ReadFile(root + "/kb/world.json");
  struct Case {
    std::string name, kb_json, text;
    factlint::CheckOptions options;
  };
  std::vector<Case> cases;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/tests/golden")) {
    if (entry.path().extension() != ".txt") continue;
    Case c{entry.path().stem().string(), world, ReadFile(entry.path().string()), {}};
    std::filesystem::path args = entry.path();
    args.replace_extension(".args");
    std::istringstream words(std::filesystem::exists(args) ? ReadFile(args.string()) : "");
    for (std::string w; words >> w;) {
      std::string v;
      words >> v;
      if (w == "--kb") c.kb_json = ReadFile(root + "/tests/golden/" + v);
      else if (w == "--date") c.options.date = factlint::ParseIsoDate(v);
      else FAIL("golden " << c.name << ": an argument this test does not map: " << w);
    }
    cases.push_back(std::move(c));
  }
  REQUIRE(cases.size() >= 10);
  const std::string example = ReadFile(root + "/examples/example-article.txt");
  std::string crlf;
  for (char ch : example) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  cases.push_back({"example", world, example, {}});
  cases.push_back({"crlf", world, crlf, {}});
  cases.push_back({"unicode", world,
                   "\xF0\x9F\x8C\x8A K\xC3\xBCstengipfel \xE2\x80\x94 \xE2\x80\x9C" "Former German Chancellor Angela Merkel\xE2\x80\x9D"
                   " met President Joe Biden. Officials reportedly agreed.\n",
                   {}});
  cases.back().options.date = factlint::ParseIsoDate("2021-06-12");
  cases.push_back({"empty", world, "", {}});

  std::map<std::string, std::pair<factlint::KbHandle, factlint::KbHandle>> kbs;  // by JSON text
  int findings = 0;
  for (const Case& c : cases) {
    auto& [from_json, from_snapshot] = kbs[c.kb_json];
    if (!from_json) {
      auto j = factlint::LoadKb(c.kb_json);
      REQUIRE(j.ok());
      from_json = j.value();
      const std::string bytes = factlint::WriteKbSnapshot(*from_json, c.kb_json);
      auto s = factlint::LoadKbSnapshot(bytes);
      if (!s.ok()) FAIL(s.error().ToString());
      from_snapshot = s.value();
      // Written again from the snapshot's Kb: the same bytes; and from a Kb that took the bytes
      // over (LoadKbSnapshotOwned: its strings are views into them).
      CHECK(factlint::WriteKbSnapshot(*from_snapshot, c.kb_json) == bytes);
      auto owned = LoadOwned(bytes);
      if (!owned.ok()) FAIL(owned.error().ToString());
      CHECK(factlint::WriteKbSnapshot(*owned.value(), c.kb_json) == bytes);
      const factlint::KbSummary a = factlint::Summarize(*from_json), b = factlint::Summarize(*from_snapshot);
      CHECK(a.name == b.name);
      CHECK(a.people == b.people);
      CHECK(a.terms == b.terms);
      CHECK(a.events == b.events);
    }
    INFO(c.name);
    const std::string want = ReportOf(*from_json, c.text, c.options);
    CHECK(ReportOf(*from_snapshot, c.text, c.options) == want);
    findings += factlint::Check(*from_json, c.text, c.options).findings.size() > 0 ? 1 : 0;
  }
  CHECK(findings >= 8);  // the comparison is over reports that say something
}

TEST_CASE("snapshot: an event's other date keeps its own source", "[kb_snapshot]") {
  // The basic test KB's Javelin delivery (2018) records a further sale in 2019 that a later
  // source states; a report citing that date names the later source, from JSON and snapshot alike.
  const std::string json = factlint_test::TestKbJson("basic");
  auto from_json = factlint::LoadKb(json);
  REQUIRE(from_json.ok());
  auto from_snapshot = factlint::LoadKbSnapshot(Snapshot(json));
  if (!from_snapshot.ok()) FAIL(from_snapshot.error().ToString());
  factlint::CheckOptions options;
  options.date = factlint::ParseIsoDate("2023-06-01");
  const std::string text = "He recalled the 2019 provision of Javelin missiles.";
  const std::string report = ReportOf(*from_json.value(), text, options);
  CHECK(report == ReportOf(*from_snapshot.value(), text, options));
  CHECK(report.find("a later report (states the further Javelin sale)") != std::string::npos);
  int dated = 0;
  for (const factlint::KbEvent& e : from_snapshot.value()->events)
    for (const factlint::KbOtherDate& d : e.other_dates) {
      REQUIRE(d.source >= 0);
      CHECK(from_snapshot.value()->sources[static_cast<size_t>(d.source)].id == "test-later");
      ++dated;
    }
  CHECK(dated == 1);
}

TEST_CASE("snapshot: an office's vacancies are kept with their sources and refs", "[kb_snapshot]") {
  // The fixture's president office stood vacant before it was created (to 1925-03-04); a title
  // then is judged from JSON and snapshot alike, the vacancy's source and ref in the evidence.
  const std::string json = factlint_test::ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/tests/fixtures/kb/pass_full.json");
  auto from_json = factlint::LoadKb(json);
  REQUIRE(from_json.ok());
  auto from_snapshot = factlint::LoadKbSnapshot(Snapshot(json));
  if (!from_snapshot.ok()) FAIL(from_snapshot.error().ToString());
  const factlint::KbOffice& office = from_snapshot.value()->offices[0];
  REQUIRE(office.vacant.size() == 1);
  CHECK(factlint::FormatIsoDate(office.vacant[0].from) == "1890-01-01");
  CHECK(factlint::FormatIsoDate(*office.vacant[0].to) == "1925-03-04");
  CHECK(office.vacant[0].ref == "before the office was created");
  factlint::CheckOptions options;
  options.date = factlint::ParseIsoDate("1910-06-01");
  const std::string text = "President Anna Firefly spoke.";
  const std::string report = ReportOf(*from_json.value(), text, options);
  CHECK(report == ReportOf(*from_snapshot.value(), text, options));
  CHECK(report.find("nobody held it from 1890-01-01 to 1925-03-04 (before the office was created)") != std::string::npos);
}

TEST_CASE("snapshot: the refs evidence cites are kept, the terms' and events' are not written", "[kb_snapshot]") {
  const std::string json = ReadFile(FACTLINT_SOURCE_DIR "/tests/fixtures/kb/pass_people_terms.json");
  auto from_json = factlint::LoadKb(json);
  REQUIRE(from_json.ok());
  auto from_snapshot = factlint::LoadKbSnapshot(Snapshot(json));
  if (!from_snapshot.ok()) FAIL(from_snapshot.error().ToString());
  const factlint::Kb& a = *from_json.value();
  const factlint::Kb& b = *from_snapshot.value();
  REQUIRE(a.people.size() == b.people.size());
  for (size_t i = 0; i < a.people.size(); ++i) {
    CHECK(a.people[i].ref == b.people[i].ref);
    CHECK(a.people[i].died_source == b.people[i].died_source);
    CHECK(a.people[i].died_ref == b.people[i].died_ref);
  }
  REQUIRE(a.quotes.size() == b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) CHECK(a.quotes[i].ref == b.quotes[i].ref);
  CHECK(std::any_of(a.terms.begin(), a.terms.end(), [](const factlint::KbTerm& t) { return !t.ref.empty(); }));
  CHECK(std::any_of(a.events.begin(), a.events.end(), [](const factlint::KbEvent& e) { return !e.ref.empty(); }));
  CHECK(std::all_of(b.terms.begin(), b.terms.end(), [](const factlint::KbTerm& t) { return t.ref.empty(); }));
  CHECK(std::all_of(b.events.begin(), b.events.end(), [](const factlint::KbEvent& e) { return e.ref.empty(); }));
  CHECK(std::any_of(b.people.begin(), b.people.end(), [](const factlint::KbPerson& p) { return !p.died_ref.empty(); }));
}

TEST_CASE("snapshot: damaged snapshots are refused with the check that catches them", "[kb_snapshot]") {
  const std::string good = Snapshot(factlint_test::TestKbJson("basic"));
  REQUIRE(factlint::LoadKbSnapshot(good).ok());
  REQUIRE(factlint::IsKbSnapshot(good));
  // Tags as kb_snapshot.cpp numbers them.
  enum : uint32_t { kMeta = 1, kStrings, kSources, kPeople, kOffices, kTerms, kEvents, kQuotes, kLexicon, kLookups, kMatcher, kRefs };

  struct Case {
    const char* name;
    std::function<void(std::string*)> damage;
    bool rehash;
    const char* message;
  };
  const std::string future = "format version " + std::to_string(factlint::kKbSnapshotVersion + 1) +
                             ", this core reads version " + std::to_string(factlint::kKbSnapshotVersion);
  const std::vector<Case> cases = {
      {"empty", [](std::string* s) { s->clear(); }, false, "not a factlint KB snapshot"},
      {"JSON", [](std::string* s) { *s = "{\"schema_version\": 1}"; }, false, "not a factlint KB snapshot"},
      {"wrong magic", [](std::string* s) { (*s)[0] = 'X'; }, false, "not a factlint KB snapshot"},
      {"header cut short", [](std::string* s) { s->resize(20); }, false, "truncated: core fingerprint"},
      {"future version", [](std::string* s) { Put<uint32_t>(s, 8, factlint::kKbSnapshotVersion + 1); }, false,
       future.c_str()},
      {"another layout", [](std::string* s) { Put<uint32_t>(s, 12, 7); }, false, "another KB layout"},
      {"another core", [](std::string* s) { (*s)[16] ^= 1; }, false, "built-in lexicon"},
      {"truncated body", [](std::string* s) { s->resize(s->size() - 1); }, false, "truncated or extended"},
      {"extended body", [](std::string* s) { s->push_back('\0'); }, false, "truncated or extended"},
      {"flipped byte in the strings", [](std::string* s) { (*s)[SectionAt(*s, kStrings) + 40] ^= 0x20; }, false,
       "hash does not match"},
      {"flipped byte in the matcher", [](std::string* s) { (*s)[SectionEnd(*s, kMatcher) - 3] ^= 0x01; }, false,
       "hash does not match"},
      {"unknown section order", [](std::string* s) { Put<uint32_t>(s, SectionAt(*s, kSources) - 16, 99); }, true,
       "expected section sources, found tag 99"},
      {"section past the file", [](std::string* s) { Put<uint64_t>(s, SectionAt(*s, kRefs) - 8, 1u << 30); }, true,
       "ends past the file"},
      {"bytes left in a section", [](std::string* s) { Put<uint64_t>(s, SectionAt(*s, kMeta) - 8, 16); }, true,
       "unread bytes at the end of the section"},
      {"string lengths past the pool", [](std::string* s) {
         const size_t at = SectionAt(*s, kStrings);  // count, then each string's length
         SetVarint(s, SkipVarints(*s, at, 1), 0x7000000u);
       }, true, "the string lengths add up to"},
      {"a varint of more than 32 bits", [](std::string* s) {
         Splice(s, SkipVarints(*s, SectionAt(*s, kStrings), 1), 1, std::string("\xFF\xFF\xFF\xFF\x7F"));
       }, true, "string length: a varint of more than 32 bits"},
      {"a varint longer than its value needs", [](std::string* s) {
         const size_t at = SkipVarints(*s, SectionAt(*s, kStrings), 1);
         size_t length = 0;
         const uint32_t v = VarintAt(*s, at, &length);
         REQUIRE(v < 0x80);
         Splice(s, at, length, std::string{static_cast<char>(v | 0x80), '\0'});
       }, true, "string length: a varint longer than its value needs"},
      {"a varint cut by the end of its section", [](std::string* s) {
         const size_t at = SectionAt(*s, kMeta);  // schema version, name, as_of: the last made long
         Splice(s, SkipVarints(*s, at, 3) - 1, 1, std::string("\x80"));
       }, true, "truncated: as_of needs 1 bytes, 0 left"},
      {"string past the pool", [](std::string* s) { SetVarint(s, SkipVarints(*s, SectionAt(*s, kPeople), 1), 0x00FFFFFFu); },
       true, "person id: string 16777215 is not in the pool"},
      {"term of a person out of range", [](std::string* s) { SetVarint(s, SkipVarints(*s, SectionAt(*s, kTerms), 1), 100001); },
       true, "term person 100000 is out of range"},
      {"negative term office", [](std::string* s) { SetVarint(s, SkipVarints(*s, SectionAt(*s, kTerms), 2), 0); }, true,
       "term office -1 is out of range"},
      {"unknown office role", [](std::string* s) {
         // first office: id, name, titles (count + refs), jurisdiction (count + refs), single, role
         size_t p = SkipVarints(*s, SectionAt(*s, kOffices), 3);
         p = SkipVarints(*s, p, 1 + VarintAt(*s, p));
         p = SkipVarints(*s, p, 1 + VarintAt(*s, p));
         (*s)[p + 1] = 99;
       }, true, "office role 99 is not a known value"},
      {"a flag that is neither 0 nor 1", [](std::string* s) {
         size_t p = SkipVarints(*s, SectionAt(*s, kOffices), 3);
         p = SkipVarints(*s, p, 1 + VarintAt(*s, p));
         p = SkipVarints(*s, p, 1 + VarintAt(*s, p));
         (*s)[p] = 2;
       }, true, "office single_holder is 2, not 0 or 1"},
      {"lookup lists not one per person", [](std::string* s) {
         const size_t at = SectionAt(*s, kLookups);
         SetVarint(s, at, VarintAt(*s, at) + 1);
       }, true, "terms by person: "},
      {"lookup list longer than the section", [](std::string* s) {
         SetVarint(s, SkipVarints(*s, SectionAt(*s, kLookups), 1), 0x7FFFFFF);
       }, true, "terms by person count 134217727 does not fit"},
      {"a lookup list past the items of all", [](std::string* s) {
         const size_t at = SectionAt(*s, kLookups);  // list count, item count, the first list's length
         SetVarint(s, SkipVarints(*s, at, 2), VarintAt(*s, SkipVarints(*s, at, 1)) + 1);
       }, true, "terms by person: list 0 passes the"},
      {"lookup lists short of the items of all", [](std::string* s) {
         const size_t at = SkipVarints(*s, SectionAt(*s, kLookups), 1);
         SetVarint(s, at, VarintAt(*s, at) + 1);
       }, true, "terms by person: the lists hold"},
      {"lookup item out of range", [](std::string* s) {
         size_t p = SkipVarints(*s, SectionAt(*s, kLookups), 2);  // the first non-empty list's first item
         while (VarintAt(*s, p) == 0) p = SkipVarints(*s, p, 1);
         SetVarint(s, SkipVarints(*s, p, 1), 100001);
       }, true, "terms by person 100000 is out of range"},
      {"count larger than the file", [](std::string* s) { SetVarint(s, SectionAt(*s, kEvents), 0x7FFFFFFF); }, true,
       "does not fit in the"},
      {"more states than the file holds", [](std::string* s) { SetVarint(s, MatcherLayout(*s).states_count, 0x7FFFFFFF); },
       true, "matcher states count 2147483647 does not fit"},
      {"child counts past the edges", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);
         SetChildCount(s, m.child_counts, m.states);
       }, true, "the child counts of states 0 to 0 pass the"},
      {"child counts short of the states", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);  // the last state with children has one fewer
         size_t last = m.child_counts;
         for (uint32_t t = 0; t < m.states; ++t)
           if ((*s)[m.ChildCount(t)] != 0) last = m.ChildCount(t);
         --(*s)[last];
       }, true, "the child counts give"},
      {"a child numbered before its parent", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);  // the root's children given to state 1
         const auto root = static_cast<uint8_t>((*s)[m.child_counts]);
         SetChildCount(s, m.ChildCount(1), root + static_cast<uint8_t>((*s)[m.ChildCount(1)]));
         (*s)[m.child_counts] = 0;
       }, true, "state 1 has a child numbered before it"},
      {"edge bytes out of order", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);
         (*s)[m.edge_bytes + 1] = (*s)[m.edge_bytes];  // the root's first two edges
       }, true, "the edge bytes of state 0 are not strictly increasing"},
      {"pattern ending at the root", [](std::string* s) { SetVarint(s, MatcherLayout(*s).state_of, 0); }, true,
       "pattern 0 ends at state 0, not a distinct state other than the root"},
      {"pattern ending past the states", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);
         SetVarint(s, m.StateOf(*s, 1), 1 << 30);
       }, true, "pattern 1 ends at state 1073741824"},
      {"two patterns ending at one state", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);
         SetVarint(s, m.StateOf(*s, 1), VarintAt(*s, m.state_of));
       }, true, "pattern 1 ends at state"},
      {"matcher failure link to itself", [](std::string* s) { PutLink(s, MatcherLayout(*s), 1, 1); }, true,
       "failure link 1 of state 1 is not an earlier, shallower state"},
      {"failure link to a state as deep", [](std::string* s) { PutLink(s, MatcherLayout(*s), 2, 1); }, true,
       "failure link 1 of state 2 is not an earlier, shallower state"},
      {"matcher failure link past the states", [](std::string* s) {
         const MatcherAt m = MatcherLayout(*s);
         PutLink(s, m, m.states - 1, 0xFFFFFFFFu);
       }, true, "is not an earlier, shallower state"},
      {"failure links wider than they need", [](std::string* s) { ++(*s)[MatcherLayout(*s).width_at]; }, true,
       "failure links of 3 bytes, not 2"},
      {"patterns spelling more than 8 bytes per byte of the file", [](std::string* s) {
         // The matcher replaced by one chain of 3,000 'a' edges, every state past the root the end
         // of a pattern: 3,000 patterns of 1 to 3,000 bytes, 4.5 MB from a file of a few KB.
         const uint32_t n = 3001;
         std::string matcher = Varint(n - 1) + Varint(n);
         matcher += std::string(n - 1, '\1') + std::string(1, '\0') + std::string(n - 1, 'a') + "\2";
         for (uint32_t t = 1; t < n; ++t)  // a^t fails to a^(t-1), in 2 bytes
           matcher += std::string{static_cast<char>((t - 1) & 0xFF), static_cast<char>((t - 1) >> 8)};
         for (uint32_t t = 1; t < n; ++t) matcher += Varint(t);
         const size_t at = SectionAt(*s, kMatcher);
         Splice(s, at, SectionEnd(*s, kMatcher) - at, matcher);
       }, true, "bytes (8 per byte of the file)"},
      {"pattern ref out of range", [](std::string* s) {
         // count, count of all refs, then pattern 0: its ref count, then kind and id + 1
         const size_t at = SkipVarints(*s, SectionAt(*s, kRefs), 3) + 1;
         SetVarint(s, at, 1 << 28);
       }, true, "out of range for its kind"},
      {"pattern ref of an unknown kind", [](std::string* s) { (*s)[SkipVarints(*s, SectionAt(*s, kRefs), 3)] = 42; }, true,
       "pattern ref kind 42 is not a known value"},
      {"pattern refs past the count of all", [](std::string* s) {
         const size_t at = SkipVarints(*s, SectionAt(*s, kRefs), 1);
         SetVarint(s, at, VarintAt(*s, at) - 1);
       }, true, "pass the"},
      {"pattern refs short of the count of all", [](std::string* s) {
         const size_t at = SkipVarints(*s, SectionAt(*s, kRefs), 1);
         SetVarint(s, at, VarintAt(*s, at) + 1);
       }, true, "refs, not"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string bad = good;
    c.damage(&bad);
    if (c.rehash) Rehash(&bad);
    auto r = factlint::LoadKbSnapshot(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kKbSnapshot);
    CHECK(factlint::ErrorCodeName(r.error().code) == "kb_snapshot");
    CHECK_THAT(r.error().message, Catch::Matchers::Contains(c.message));
    // The unhashed read (the fuzz target's) refuses it too, except what only the hash sees.
    if (std::string(c.message) != "hash does not match") CHECK_FALSE(factlint::LoadKbSnapshotUnhashed(bad).ok());
    // The bytes handed over (the CLI's load): the same refusal, word for word.
    auto owned = LoadOwned(bad);
    REQUIRE_FALSE(owned.ok());
    CHECK(owned.error().message == r.error().message);
  }
}

TEST_CASE("snapshot: truncated at every section boundary and inside every section", "[kb_snapshot]") {
  const std::string good = Snapshot(factlint_test::TestKbJson("basic"));
  std::vector<size_t> cuts = {0, 7, 8, 47, 48};
  for (size_t at = factlint::kKbSnapshotHeaderSize; at + 16 <= good.size();) {
    uint64_t size;
    std::memcpy(&size, good.data() + at + 8, 8);
    cuts.push_back(at + 8);
    cuts.push_back(at + 16 + size / 2);
    at += 16 + size;
    cuts.push_back(at);
  }
  for (size_t cut : cuts) {
    if (cut >= good.size()) continue;
    INFO("cut at " << cut);
    std::string bad = good.substr(0, cut);
    CHECK_FALSE(factlint::LoadKbSnapshot(bad).ok());
    // With the header's size and hash made to fit, the section reader still refuses it.
    if (cut >= factlint::kKbSnapshotHeaderSize) {
      Put<uint64_t>(&bad, 32, bad.size() - factlint::kKbSnapshotHeaderSize);
      Rehash(&bad);
      auto r = factlint::LoadKbSnapshot(bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kKbSnapshot);
    }
  }
}

TEST_CASE("snapshot: KbSnapshotCompiledFrom names the JSON the snapshot was compiled from", "[kb_snapshot]") {
  const std::string json = factlint_test::TestKbJson("basic");
  const std::string snapshot = Snapshot(json);
  std::string edited = json;
  edited.back() = ' ';  // the same KB, another text
  struct Row {
    std::string bytes, json;
    bool from;
  };
  const size_t header = factlint::kKbSnapshotHeaderSize;
  for (const Row& r : {Row{snapshot, json, true}, Row{snapshot, edited, false},
                       Row{snapshot.substr(0, header - 1), json, false}, Row{snapshot.substr(0, header), json, true},
                       Row{json, json, false}, Row{"", json, false}}) {
    INFO(r.bytes.size());
    CHECK(factlint::KbSnapshotCompiledFrom(r.bytes, r.json) == r.from);
  }
}

TEST_CASE("snapshot: a JSON KB that does not load gives the loader's error, not a snapshot", "[kb_snapshot]") {
  auto r = factlint::CompileKbSnapshot("{\"schema_version\": ");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbNotJson);
}

TEST_CASE("snapshot: a Kb's strings outlive the bytes it was read from and the Kb it was copied from", "[kb_snapshot]") {
  // Every string of a Kb is a view into its KbStrings (kb.h): neither the JSON text nor the
  // snapshot's bytes may be pointed into. The bytes are overwritten and freed, the loaded Kb
  // dropped, and the copy must still write the same snapshot as a KB loaded afresh.
  const std::string json = factlint_test::TestKbJson("basic");
  auto fresh = factlint::LoadKb(json);
  REQUIRE(fresh.ok());
  const std::string expected = factlint::WriteKbSnapshot(*fresh.value(), json);
  struct Row {
    const char* name;
    std::function<factlint::Result<factlint::KbHandle>(std::string*)> load;
  };
  const Row rows[] = {
      {"from JSON", [](std::string* bytes) { return factlint::LoadKb(*bytes); }},
      {"from a snapshot",
       [](std::string* bytes) {
         *bytes = Snapshot(*bytes);
         return factlint::LoadKbSnapshot(*bytes);
       }},
      // The Kb holds the bytes it was given, so they outlive the loaded Kb in its copies.
      {"from a snapshot handed over",
       [](std::string* bytes) {
         *bytes = Snapshot(*bytes);
         return LoadOwned(*bytes);
       }},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    const factlint::Kb copy = [&] {
      std::string bytes = json;
      auto loaded = row.load(&bytes);
      if (!loaded.ok()) FAIL(loaded.error().ToString());
      std::fill(bytes.begin(), bytes.end(), 'x');
      return *loaded.value();
    }();
    CHECK(factlint::WriteKbSnapshot(copy, json) == expected);
  }
}

TEST_CASE("snapshot: the matcher read keeps no pattern text, and spells the same patterns from its trie; the same kinds per pattern", "[kb_snapshot]") {
  // A snapshot's matcher spells pattern(id) from its trie and answers AllPrefixes and
  // AllPatternTails (the IncrementalChecker's BlockSafe) from it: the same as the matcher the JSON
  // loader built.
  for (const std::string& json : {ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/kb/world.json"),
                                  factlint_test::TestKbJson("basic")}) {
    auto from_json = factlint::LoadKb(json);
    REQUIRE(from_json.ok());
    auto from_snapshot = factlint::LoadKbSnapshot(factlint::WriteKbSnapshot(*from_json.value(), json));
    if (!from_snapshot.ok()) FAIL(from_snapshot.error().ToString());
    const factlint::PhraseMatcher& a = factlint::GetKbIndex(*from_json.value())->matcher;
    const factlint::PhraseMatcher& b = factlint::GetKbIndex(*from_snapshot.value())->matcher;
    REQUIRE(a.pattern_count() == b.pattern_count());
    REQUIRE(a.pattern_count() > 0);
    for (size_t i = 0; i < a.pattern_count(); ++i) {
      INFO("pattern " << i);
      REQUIRE(b.pattern(static_cast<int>(i)) == a.pattern(static_cast<int>(i)));
    }
    auto ends = [](const factlint::PhraseMatcher& m) {
      std::vector<std::string> out;
      m.AllPrefixes([&](std::string_view p) { return out.emplace_back(p), true; });
      m.AllPatternTails([](unsigned char) { return true; }, [&](std::string_view t) { return out.emplace_back(t), true; });
      return out;
    };
    const std::vector<std::string> ends_a = ends(a);
    CHECK(ends_a == ends(b));
    CHECK(ends_a.size() > a.pattern_count());
    // Each pattern's kinds (KbIndex::kinds): the same from both loads, and its refs' kinds.
    const factlint::KbIndex& ia = *factlint::GetKbIndex(*from_json.value());
    const factlint::KbIndex& ib = *factlint::GetKbIndex(*from_snapshot.value());
    REQUIRE(ia.kinds.size() == a.pattern_count());
    CHECK(ia.kinds == ib.kinds);
    for (size_t i = 0; i < ia.kinds.size(); ++i) {
      unsigned bits = 0;
      for (const factlint::PhraseRef& r : ia.refs[i]) bits |= 1u << static_cast<unsigned>(r.kind);
      INFO("pattern " << i);
      REQUIRE(ia.kinds[i] == bits);
      REQUIRE(ia.kinds[i] != 0);
    }
  }
}

TEST_CASE("snapshot: the matcher read finds the same hits as the one built, along the same output chains", "[kb_snapshot]") {
  // The outputs are pattern ids (first_out_, next_out_) filled by the reader's pass and by Build:
  // every pattern's text, some glued to the next (hits across them, hits refused at word bounds,
  // patterns ending inside others: the chains past the first output), gives the same hits in the
  // same order from both matchers; and the snapshot written again from the read one is the same.
  for (const std::string& json : {ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/kb/world.json"),
                                  factlint_test::TestKbJson("basic")}) {
    auto from_json = factlint::LoadKb(json);
    REQUIRE(from_json.ok());
    const std::string snapshot = factlint::WriteKbSnapshot(*from_json.value(), json);
    auto from_snapshot = factlint::LoadKbSnapshot(snapshot);
    if (!from_snapshot.ok()) FAIL(from_snapshot.error().ToString());
    const factlint::PhraseMatcher& a = factlint::GetKbIndex(*from_json.value())->matcher;
    const factlint::PhraseMatcher& b = factlint::GetKbIndex(*from_snapshot.value())->matcher;
    std::string text;
    for (size_t i = 0; i < a.pattern_count(); ++i) text += a.pattern(static_cast<int>(i)) + (i % 3 == 0 ? " " : i % 3 == 1 ? ", " : "");
    std::vector<factlint::PhraseMatcher::Hit> hits_a, hits_b;
    a.FindAll(text, &hits_a);
    b.FindAll(text, &hits_b);
    REQUIRE(hits_a.size() == hits_b.size());
    REQUIRE(hits_a.size() > a.pattern_count() / 2);
    size_t chained = 0;  // hits after the first at the same end: found along next_out_
    for (size_t i = 0; i < hits_a.size(); ++i) {
      INFO("hit " << i);
      REQUIRE(hits_a[i].start == hits_b[i].start);
      REQUIRE(hits_a[i].end == hits_b[i].end);
      REQUIRE(hits_a[i].pattern == hits_b[i].pattern);
      if (i > 0 && hits_a[i].end == hits_a[i - 1].end) ++chained;
    }
    CHECK(chained > 0);
    CHECK(factlint::WriteKbSnapshot(*from_snapshot.value(), json) == snapshot);
  }
}

TEST_CASE("snapshot: the refs' byte loop hands a doubtful pattern to the reader's loop, with the same refs and messages", "[kb_snapshot]") {
  // ReadRefs takes patterns in a loop over the raw bytes while every count, kind and id is valid
  // and short; at the first doubt it drops that pattern's refs taken so far and the field-by-field
  // loop reads the pattern again. A good file: the same refs as the JSON loader's index.
  for (const std::string& json : {ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/kb/world.json"),
                                  factlint_test::TestKbJson("basic")}) {
    auto from_json = factlint::LoadKb(json);
    REQUIRE(from_json.ok());
    auto from_snapshot = factlint::LoadKbSnapshot(factlint::WriteKbSnapshot(*from_json.value(), json));
    REQUIRE(from_snapshot.ok());
    const factlint::KbIndex& ia = *factlint::GetKbIndex(*from_json.value());
    const factlint::KbIndex& ib = *factlint::GetKbIndex(*from_snapshot.value());
    REQUIRE(ia.kinds.size() == ib.kinds.size());
    for (size_t i = 0; i < ia.kinds.size(); ++i) {
      INFO("pattern " << i);
      const auto ra = ia.refs[i];
      const auto rb = ib.refs[i];
      REQUIRE(ra.size() == rb.size());
      for (size_t k = 0; k < ra.size(); ++k) {
        CHECK(ra[k].kind == rb[k].kind);
        CHECK(ra[k].id == rb[k].id);
      }
    }
  }
  // Damage in the middle of a later pattern: its first ref is good, its second is not.
  const std::string good = Snapshot(factlint_test::TestKbJson("basic"));
  constexpr uint32_t kRefsTag = 12;
  // Each pattern's offset (its ref count) and its refs' (kind byte) offsets.
  struct PatternAt {
    size_t count_at;
    std::vector<size_t> refs_at;
  };
  std::vector<PatternAt> patterns;
  {
    size_t at = SectionAt(good, kRefsTag);
    const uint32_t n = VarintAt(good, at);
    at = SkipVarints(good, at, 2);
    for (uint32_t i = 0; i < n; ++i) {
      PatternAt p{at, {}};
      size_t length = 0;
      const uint32_t refs = VarintAt(good, at, &length);
      at += length;
      for (uint32_t k = 0; k < refs; ++k) {
        p.refs_at.push_back(at);
        at = SkipVarints(good, at + 1, 1);
      }
      patterns.push_back(std::move(p));
    }
  }
  std::vector<size_t> picks;  // the first pattern but pattern 0 with two refs or more, and the last
  for (size_t i = 1; i < patterns.size(); ++i)
    if (patterns[i].refs_at.size() >= 2) {
      if (picks.empty()) picks.push_back(i);
      else if (picks.size() == 1) picks.push_back(i);
      else picks.back() = i;
    }
  REQUIRE(picks.size() == 2);
  for (size_t pick : picks) {
    const PatternAt& p = patterns[pick];
    INFO("pattern " << pick);
    struct Row {
      const char* name;
      std::function<void(std::string*)> damage;
      std::string message;
    };
    const std::vector<Row> rows = {
        {"second ref's id out of range", [&](std::string* s) { SetVarint(s, p.refs_at[1] + 1, 1 << 28); },
         "pattern " + std::to_string(pick) + " names 268435455, out of range for its kind (byte " +
             std::to_string(p.refs_at[1] + 1) + ")"},
        {"second ref of an unknown kind", [&](std::string* s) { (*s)[p.refs_at[1]] = 42; },
         "pattern ref kind 42 is not a known value (at most"},
        {"second ref's id in a longer form than it needs", [&](std::string* s) {
           const size_t at = p.refs_at[1] + 1;
           size_t length = 0;
           const uint32_t v = VarintAt(*s, at, &length);
           std::string longer = Varint(v);
           longer.back() = static_cast<char>(longer.back() | 0x80);
           longer.push_back('\0');
           Splice(s, at, length, longer);
         }, "pattern ref id: a varint longer than its value needs"},
        {"its ref count in a longer form than it needs", [&](std::string* s) {
           size_t length = 0;
           const uint32_t v = VarintAt(*s, p.count_at, &length);
           std::string longer = Varint(v);
           longer.back() = static_cast<char>(longer.back() | 0x80);
           longer.push_back('\0');
           Splice(s, p.count_at, length, longer);
         }, "pattern refs of a pattern: a varint longer than its value needs"},
    };
    for (const Row& row : rows) {
      INFO(row.name);
      std::string bad = good;
      row.damage(&bad);
      Rehash(&bad);
      auto r = factlint::LoadKbSnapshot(bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kKbSnapshot);
      CHECK_THAT(r.error().message, Catch::Matchers::Contains(row.message));
      auto owned = LoadOwned(bad);
      REQUIRE_FALSE(owned.ok());
      CHECK(owned.error().message == r.error().message);
    }
  }
}

TEST_CASE("snapshot: the body hash (four lanes) catches a changed byte in every lane and swapped words", "[kb_snapshot]") {
  // SnapshotHash mixes word i into lane i mod 4 (kb_snapshot.cpp): a change in any lane, in the
  // words after the last 32-byte block, in the tail, or words moved between lanes must change it,
  // and LoadKbSnapshot must refuse the file saying so.
  const std::string good = Snapshot(factlint_test::TestKbJson("basic"));
  const size_t body = factlint::kKbSnapshotHeaderSize, size = good.size();
  REQUIRE(size - body > 200);
  auto swap = [](std::string* s, size_t a, size_t b, size_t n) {
    const std::string x = s->substr(a, n);
    s->replace(a, n, s->substr(b, n));
    s->replace(b, n, x);
  };
  struct Row {
    std::string name;
    std::function<void(std::string*)> damage;
  };
  std::vector<Row> rows;
  for (size_t k = 0; k < 32; ++k)  // every byte of the first 32-byte block: all four lanes
    rows.push_back({"byte " + std::to_string(k) + " of the body", [=](std::string* s) { (*s)[body + k] ^= 0x04; }});
  rows.push_back({"the last byte", [](std::string* s) { s->back() ^= 0x01; }});
  rows.push_back({"a byte 9 before the end", [](std::string* s) { (*s)[s->size() - 9] ^= 0x80; }});
  rows.push_back({"a byte 33 before the end", [](std::string* s) { (*s)[s->size() - 33] ^= 0x10; }});
  rows.push_back({"lane 0 and lane 1 words swapped", [&](std::string* s) { swap(s, body, body + 8, 8); }});
  rows.push_back({"lane 0 words of two blocks swapped", [&](std::string* s) { swap(s, body, body + 32, 8); }});
  rows.push_back({"two 32-byte blocks swapped", [&](std::string* s) { swap(s, body + 64, body + 96, 32); }});
  for (const Row& row : rows) {
    INFO(row.name);
    std::string bad = good;
    row.damage(&bad);
    REQUIRE(bad != good);
    CHECK(factlint::SnapshotHash(std::string_view(bad).substr(body)) != factlint::SnapshotHash(std::string_view(good).substr(body)));
    auto r = factlint::LoadKbSnapshot(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Matchers::Contains("the body's hash does not match the header's"));
  }
}

TEST_CASE("snapshot: 3-byte failure links are read whole, the first one after the width byte and the last one", "[kb_snapshot]") {
  // The bundled KB's links are 3 bytes wide; the reader loads each as the 4 bytes that end with
  // it (the first link's include the width byte). Each row writes one link and expects the
  // reader's message to give it back whole: every byte in its place, at the first state and the
  // last.
  const std::string json = ReadFile(std::string(FACTLINT_SOURCE_DIR) + "/kb/world.json");
  auto kb = factlint::LoadKb(json);
  REQUIRE(kb.ok());
  const std::string good = factlint::WriteKbSnapshot(*kb.value(), json);
  REQUIRE(factlint::LoadKbSnapshot(good).ok());
  const MatcherAt m = MatcherLayout(good);
  REQUIRE(m.width == 3);
  const uint32_t last = m.states - 1;
  struct Row {
    uint32_t state, link;
  };
  const Row rows[] = {
      {1, 0x030201},  // three different bytes: read in their order
      {1, 1},         // to itself
      {1, 0x010000},  // only the high byte set
      {2, 0x000100},  // only the middle byte set
      {last, last},   // the last link, before the patterns' end states
      {last, 0xFFFFFF},
  };
  for (const Row& row : rows) {
    INFO("state " << row.state << ", link " << row.link);
    std::string bad = good;
    PutLink(&bad, m, row.state, row.link);
    Rehash(&bad);
    const std::string expected =
        "failure link " + std::to_string(row.link) + " of state " + std::to_string(row.state) + " is not";
    auto r = factlint::LoadKbSnapshot(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Matchers::Contains(expected));
    auto owned = LoadOwned(bad);
    REQUIRE_FALSE(owned.ok());
    CHECK(owned.error().message == r.error().message);
  }
}
