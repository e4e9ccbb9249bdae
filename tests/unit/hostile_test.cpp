// Hostile input (issue 8): text and KBs nobody should write, each with its documented outcome
// (docs/SECURITY.md, "Hostile input"). Text goes through factlint::Check with a small KB written
// here; KBs through LoadKb and ValidateKb. Outcomes are asserted, never time: every report must
// keep its contract whatever the input —
//   - sentences in order, not overlapping, inside the text, on character boundaries, and every
//     byte that is not ASCII white space inside one of them (docs: "sentences cover the text");
//   - every finding inside the text and inside its sentence, `text` equal to its bytes, UTF-16
//     offsets equal to an independent count (each invalid byte = one unit, 4-byte sequences two);
//   - the JSON report parses (invalid UTF-8 in the input never makes invalid JSON);
// and each case adds what it must find or must not find. Inputs of megabytes are generated
// here (no large fixtures) and tagged [slow].

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace {

using factlint::Check;
using factlint::CheckOptions;
using factlint::ErrorCode;
using factlint::Finding;
using factlint::LoadKb;
using factlint::Report;
using factlint::Severity;

// A small KB written for these tests. The facts are real (U.S. presidents 2017–2025, the 2024
// election); the source is the public list they come from.
constexpr std::string_view kKb = R"({
  "schema_version": 1,
  "name": "hostile-test",
  "as_of": "2026-01-01",
  "sources": [
    {"id": "us-exec", "name": "unitedstates/congress-legislators executive.yaml", "license": "CC0-1.0"}
  ],
  "people": [
    {"id": "donald-trump", "name": "Donald Trump", "aliases": ["Donald J. Trump"], "short": ["Trump"]},
    {"id": "joe-biden", "name": "Joe Biden", "aliases": ["Joseph R. Biden"], "short": ["Biden"]}
  ],
  "offices": [
    {"id": "us-president", "name": "President of the United States", "titles": ["President"],
     "jurisdiction": ["U.S.", "US", "American"], "single_holder": true, "role": "head_of_state"}
  ],
  "terms": [
    {"person": "donald-trump", "office": "us-president", "start": "2017-01-20", "end": "2021-01-20", "source": "us-exec"},
    {"person": "joe-biden", "office": "us-president", "start": "2021-01-20", "end": "2025-01-20", "source": "us-exec"},
    {"person": "donald-trump", "office": "us-president", "start": "2025-01-20", "end": null, "source": "us-exec"}
  ],
  "events": [
    {"id": "us-election-2024", "name": "2024 United States presidential election", "kind": "election",
     "date": "2024-11-05", "participants": ["donald-trump"], "winner": "donald-trump",
     "place": "United States", "triggers": ["2024 presidential election"], "source": "us-exec"}
  ],
  "quotes": [],
  "lexicon": {"hedges": ["reportedly"], "anonymous": ["sources familiar with"], "prospective": ["will"]}
})";

const factlint::Kb& TestKb() {
  static const factlint::KbHandle kb = [] {
    auto r = LoadKb(kKb);
    if (!r.ok()) FAIL("the test KB does not load: " << r.error().ToString());
    return r.value();
  }();
  return *kb;
}

CheckOptions At(const char* iso) {
  CheckOptions o;
  o.date = factlint::ParseIsoDate(iso);
  REQUIRE(o.date.has_value());
  return o;
}

// Length in bytes of the well-formed UTF-8 sequence at text[i] (Unicode 15, table 3-7), or 0 when
// the byte does not start one. Written here so the core's own decoder is not its own referee.
size_t WellFormed(std::string_view t, size_t i) {
  auto b = [&](size_t k) -> int { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : -1; };
  auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  const int c = b(0);
  if (c < 0x80) return 1;
  if (in(c, 0xC2, 0xDF)) return in(b(1), 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return in(b(1), 0xA0, 0xBF) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) return in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return in(b(1), 0x80, 0x9F) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return in(b(1), 0x90, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  if (in(c, 0xF1, 0xF3)) return in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4) return in(b(1), 0x80, 0x8F) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  return 0;
}

// UTF-16 offset of every character boundary; kNotBoundary inside a multi-byte character.
constexpr size_t kNotBoundary = static_cast<size_t>(-1);
std::vector<size_t> Utf16Offsets(std::string_view t) {
  std::vector<size_t> at(t.size() + 1, kNotBoundary);
  size_t units = 0;
  for (size_t i = 0; i < t.size();) {
    at[i] = units;
    const size_t n = WellFormed(t, i);
    if (n == 0) {  // an invalid byte: one U+FFFD
      ++units;
      ++i;
    } else {
      units += n == 4 ? 2 : 1;
      i += n;
    }
  }
  at[t.size()] = units;
  return at;
}

bool IsAsciiBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The contract every report keeps, whatever the input. `outside_ok` bytes at the start may be
// left outside the sentences (a byte order mark). Checked in plain loops that stop at the first
// broken span (one assertion each, not one per sentence: inputs here have 300,000 sentences).
void CheckReportContract(std::string_view text, const Report& report, size_t outside_ok = 0) {
  const std::vector<size_t> u16 = Utf16Offsets(text);
  auto at_boundary = [&](size_t offset) { return offset <= text.size() && u16[offset] != kNotBoundary; };
  size_t previous_end = 0;
  std::vector<bool> covered(text.size(), false);
  for (size_t i = 0; i < report.sentences.size(); ++i) {
    const factlint::Span& s = report.sentences[i];
    const bool good = s.start < s.end && s.end <= text.size() && s.start >= previous_end && at_boundary(s.start) &&
                      at_boundary(s.end) && s.start16 == u16[s.start] && s.end16 == u16[s.end];
    if (!good) {
      FAIL("sentence " << i << " bytes [" << s.start << ", " << s.end << ") units [" << s.start16 << ", "
                       << s.end16 << ") breaks the contract (text of " << text.size() << " bytes, previous end "
                       << previous_end << ")");
    }
    std::fill(covered.begin() + static_cast<std::ptrdiff_t>(s.start), covered.begin() + static_cast<std::ptrdiff_t>(s.end), true);
    previous_end = s.end;
  }
  for (size_t k = outside_ok; k < text.size(); ++k) {
    if (!covered[k] && !IsAsciiBlank(text[k])) {
      FAIL("byte " << k << " (0x" << std::hex << (static_cast<unsigned>(static_cast<unsigned char>(text[k])))
                   << std::dec << ") is in no sentence");
    }
  }
  size_t previous_start = 0;
  for (const Finding& f : report.findings) {
    INFO("finding " << f.rule << " [" << f.span.start << ", " << f.span.end << ")");
    REQUIRE(f.span.start < f.span.end);
    REQUIRE(f.span.end <= text.size());
    REQUIRE(f.span.start >= previous_start);  // ordered by span start
    previous_start = f.span.start;
    REQUIRE(at_boundary(f.span.start));
    REQUIRE(at_boundary(f.span.end));
    REQUIRE(f.span.start16 == u16[f.span.start]);
    REQUIRE(f.span.end16 == u16[f.span.end]);
    REQUIRE(f.text == text.substr(f.span.start, f.span.end - f.span.start));
    REQUIRE(f.sentence < report.sentences.size());
    const factlint::Span& s = report.sentences[f.sentence];
    REQUIRE(s.start <= f.span.start);
    REQUIRE(f.span.end <= s.end);
    REQUIRE_FALSE(f.rule.empty());
    REQUIRE_FALSE(f.message.empty());
  }
  const std::string json = factlint::ReportToJson(report);
  const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(parsed.is_discarded());
  CHECK(parsed["findings"].size() == report.findings.size());
  CHECK(parsed["sentences"].size() == report.sentences.size());
}

size_t Count(const Report& r, std::string_view rule) {
  size_t n = 0;
  for (const Finding& f : r.findings) n += f.rule == rule;
  return n;
}

size_t CountAtLeast(const Report& r, Severity s) {
  size_t n = 0;
  for (const Finding& f : r.findings) n += f.severity >= s;
  return n;
}

const Finding* Find(const Report& r, std::string_view rule) {
  for (const Finding& f : r.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

std::string Repeat(std::string_view unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// The claim every case below hides somewhere: wrong on 2022-06-01 (Biden was in office).
constexpr std::string_view kClaim = "former President Joe Biden";

// Asserts one FORMER_BUT_IN_OFFICE finding whose span holds the name, at or after `from`.
void ExpectClaimFound(const Report& r, size_t from) {
  const Finding* f = Find(r, "FORMER_BUT_IN_OFFICE");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
  CHECK(f->span.start >= from);
  CHECK(f->text.find("Joe Biden") != std::string::npos);
  CHECK(Count(r, "FORMER_BUT_IN_OFFICE") == 1);
}

}  // namespace

TEST_CASE("hostile text: small cases keep the report contract and their documented outcome", "[hostile]") {
  const factlint::Kb& kb = TestKb();
  struct Case {
    const char* name;
    std::string text;
    const char* date;       // the reference date given, or nullptr
    int claim_at;           // byte offset at or after which kClaim's finding must be; -1: no error at all
    size_t outside_ok = 0;  // leading bytes allowed outside every sentence (a BOM)
  };
  const std::string claim(kClaim);
  const Case cases[] = {
      // empty and blank input: no sentence, no finding
      {"empty", "", "2022-06-01", -1},
      {"blank", " \n\n\t \r\n ", "2022-06-01", -1},
      // invalid UTF-8 around and inside sentences: each bad byte is one U+FFFD, offsets never
      // shift, the claim next to them is still found
      {"invalid utf-8 before the claim", "\xFF\xFE \xC0\xAF. " + claim + " said \xE2\x82 it. \x80", "2022-06-01", 0},
      {"overlong and surrogate sequences", "\xED\xA0\x80\xE0\x80\xAF " + claim + " spoke.\xF5\xF8", "2022-06-01", 0},
      {"truncated sequence at the very end", claim + " spoke. Then \xF0\x9F\x98", "2022-06-01", 0},
      {"valid multi-byte text (accents, CJK, emoji)", "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80. " + claim + " spoke \xE2\x80\x9Csoftly\xE2\x80\x9D.", "2022-06-01", 0},
      // NUL bytes are ordinary bytes: nothing stops at them
      {"NUL bytes before and after", std::string("Hello\0\0 world.\0 ", 17) + claim + std::string(" said.\0", 7), "2022-06-01", 0},
      {"only NUL bytes", std::string(64, '\0'), "2022-06-01", -1},
      // a byte order mark is skipped; the claim's offsets still count it (3 bytes, 1 unit)
      {"BOM", "\xEF\xBB\xBF" + claim + " said.", "2022-06-01", 3, 3},
      // CR and CRLF line ends
      {"CR line ends", "First line.\r" + claim + " said.\rLast line.\r", "2022-06-01", 0},
      {"CRLF line ends", "Title\r\n\r\nFirst line.\r\n" + claim + " said.\r\n", "2022-06-01", 0},
      {"mixed line ends", "A.\n\rB.\r\r\n" + claim + "\r\nsaid.", "2022-06-01", 0},
      // a correct title is silent, however it is wrapped
      {"correct title in a CRLF text", "Title\r\n\r\nPresident Joe Biden said.\r\n", "2022-06-01", -1},
      // no date and nothing to infer one from: the KB cannot judge, so nothing is said
      {"undated, no clue", "The committee met. Nobody said anything.", nullptr, -1},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.name);
    CheckOptions options;
    if (c.date) options = At(c.date);
    const Report r = Check(kb, c.text, options);
    CheckReportContract(c.text, r, c.outside_ok);
    if (c.claim_at < 0) {
      CHECK(CountAtLeast(r, Severity::kError) == 0);
    } else {
      ExpectClaimFound(r, static_cast<size_t>(c.claim_at));
    }
  }
}

TEST_CASE("hostile text: empty input gives an empty report with the given date", "[hostile]") {
  const Report r = Check(TestKb(), "", At("2022-06-01"));
  CHECK(r.sentences.empty());
  CHECK(r.findings.empty());
  REQUIRE(r.reference_date.from.has_value());
  CHECK(factlint::FormatIsoDate(*r.reference_date.from) == "2022-06-01");
  CHECK(r.reference_date.source == "given");
  const Report undated = Check(TestKb(), "", CheckOptions{});
  CHECK(undated.findings.empty());
  CHECK_FALSE(undated.reference_date.from.has_value());
}

TEST_CASE("hostile text: the BOM counts as 3 bytes and 1 UTF-16 unit in offsets", "[hostile]") {
  const std::string text = "\xEF\xBB\xBF" + std::string(kClaim) + " said.";
  const Report r = Check(TestKb(), text, At("2022-06-01"));
  const Finding* f = Find(r, "FORMER_BUT_IN_OFFICE");
  REQUIRE(f != nullptr);
  CHECK(f->span.start - f->span.start16 == 2);  // the BOM: 3 bytes, 1 unit; the rest is ASCII
}

TEST_CASE("hostile text: random bytes (fixed seeds) keep the contract and are deterministic", "[hostile]") {
  for (uint32_t seed : {1u, 8u, 2026u}) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    std::string text(64 * 1024, '\0');
    for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    const Report a = Check(TestKb(), text, CheckOptions{});
    CheckReportContract(text, a);
    CHECK(factlint::ReportToJson(a) == factlint::ReportToJson(Check(TestKb(), text, CheckOptions{})));
  }
}

TEST_CASE("hostile text: 1 MB of random bytes mixed with claims", "[hostile][slow]") {
  std::mt19937 rng(42);
  std::string text;
  while (text.size() < (size_t{1} << 20)) {
    const size_t n = 1 + rng() % 4000;
    for (size_t i = 0; i < n; ++i) text += static_cast<char>(rng() & 0xFF);
    text += ". President Joe Biden said. ";
  }
  const Report r = Check(TestKb(), text, At("2022-06-01"));
  CheckReportContract(text, r);
}

TEST_CASE("hostile text: a 10 MB single line, the claim at its end", "[hostile][slow]") {
  std::string text = Repeat("words without any end ", (size_t{10} << 20) / 22);
  const size_t from = text.size();
  text += std::string(kClaim) + " spoke.";
  REQUIRE(text.find('\n') == std::string::npos);
  const Report r = Check(TestKb(), text, At("2022-06-01"));
  CheckReportContract(text, r);
  ExpectClaimFound(r, from);
}

TEST_CASE("hostile text: 200,000 quote marks", "[hostile][slow]") {
  SECTION("straight quotes, then a claim") {
    std::string text(200000, '"');
    const size_t from = text.size();
    text += " " + std::string(kClaim) + " spoke.";
    const Report r = Check(TestKb(), text, At("2022-06-01"));
    CheckReportContract(text, r);
    ExpectClaimFound(r, from);
  }
  SECTION("curly quotes opened and never closed, words between") {
    const std::string text = Repeat("\xE2\x80\x9C" "a ", 200000);
    const Report r = Check(TestKb(), text, At("2022-06-01"));
    CheckReportContract(text, r);
    CHECK(CountAtLeast(r, Severity::kError) == 0);
  }
}

TEST_CASE("hostile text: 2 MB of periods", "[hostile][slow]") {
  std::string text(size_t{2} << 20, '.');
  const Report r = Check(TestKb(), text, At("2022-06-01"));
  CheckReportContract(text, r);
  CHECK(r.findings.empty());
  text += " " + std::string(kClaim) + " spoke.";
  const Report with_claim = Check(TestKb(), text, At("2022-06-01"));
  CheckReportContract(text, with_claim);
  ExpectClaimFound(with_claim, size_t{2} << 20);
}

TEST_CASE("hostile text: 300,000 repeated titles", "[hostile][slow]") {
  const std::string text = Repeat("President Joe Biden said. ", 300000);
  SECTION("at a date when the title is right: one sentence each, no error") {
    const Report r = Check(TestKb(), text, At("2022-06-01"));
    CheckReportContract(text, r);
    CHECK(r.sentences.size() == 300000);
    CHECK(CountAtLeast(r, Severity::kError) == 0);
  }
  SECTION("undated: the inferred date, if any, lies in Biden's term") {
    const Report r = Check(TestKb(), text, CheckOptions{});
    CheckReportContract(text, r);
    CHECK(CountAtLeast(r, Severity::kError) == 0);
    if (r.reference_date.from && r.reference_date.to) {
      CHECK(*r.reference_date.from >= *factlint::ParseIsoDate("2021-01-20"));
      CHECK(*r.reference_date.to < *factlint::ParseIsoDate("2025-01-20"));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile KBs: each gives its documented error code and a place (line, column) that points into
// the text; the previous KB stays usable.

namespace {

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The byte offset of (line, column), columns counted in bytes; npos when outside the text.
size_t OffsetOf(std::string_view text, int line, int column) {
  size_t offset = 0;
  for (int l = 1; l < line; ++l) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return std::string_view::npos;
    ++offset;
  }
  offset += static_cast<size_t>(column - 1);
  return offset <= text.size() ? offset : std::string_view::npos;
}

}  // namespace

TEST_CASE("hostile KBs: error code, JSON path and place", "[hostile]") {
  const std::string kb(kKb);
  struct Case {
    const char* name;
    std::string text;
    ErrorCode code;
    const char* path;       // expected JSON path ("" = none)
    std::string points_at;  // the bytes at the error's (line, column); empty = near the end
  };
  std::string deep_objects;
  for (int i = 0; i < 100000; ++i) deep_objects += "{\"a\":";
  const Case cases[] = {
      {"100,000 nested '['", std::string(100000, '['), ErrorCode::kKbTooLarge, "", "[[[["},
      {"100,000 nested objects", deep_objects, ErrorCode::kKbTooLarge, "", "{\"a\":{"},
      {"nesting inside a valid KB", Replace(kb, "\"quotes\": []", "\"quotes\": " + std::string(5000, '[')),
       ErrorCode::kKbTooLarge, "", "[[["},
      {"truncated in a string", kb.substr(0, kb.find("Joe Biden") + 3), ErrorCode::kKbNotJson, "", ""},
      {"truncated after a comma", kb.substr(0, kb.find("\"terms\"")), ErrorCode::kKbNotJson, "", ""},
      {"not JSON: prose", "This is a KB, trust me.", ErrorCode::kKbNotJson, "", "This"},
      {"not JSON: empty", "", ErrorCode::kKbNotJson, "", ""},
      {"not JSON: NUL bytes", std::string(16, '\0'), ErrorCode::kKbNotJson, "", std::string(1, '\0')},
      {"not JSON: a raw NUL inside a string", Replace(kb, "\"Joe Biden\"", std::string("\"Joe\0Biden\"", 11)),
       ErrorCode::kKbNotJson, "", std::string("\0Biden", 6)},
      {"not JSON: invalid UTF-8 in a string", Replace(kb, "\"Joe Biden\"", "\"Joe \xC3\x28 Biden\""), ErrorCode::kKbNotJson, "",
       "( Biden"},  // the byte where the sequence breaks
      {"wrong type: boolean as string", Replace(kb, "\"single_holder\": true", "\"single_holder\": \"yes\""),
       ErrorCode::kKbSchema, "/offices/0/single_holder", "\"yes\""},
      {"wrong type: object for an array", Replace(kb, "\"quotes\": []", "\"quotes\": {}"), ErrorCode::kKbSchema, "/quotes", "{}"},
      {"wrong type: number for a date", Replace(kb, "\"as_of\": \"2026-01-01\"", "\"as_of\": 20260101"),
       ErrorCode::kKbSchema, "/as_of", "20260101"},
      {"wrong type: root is an array", "[" + kb + "]", ErrorCode::kKbSchema, "", "["},
      {"duplicate id", Replace(kb, "{\"id\": \"joe-biden\", \"name\": \"Joe Biden\", \"aliases\": [\"Joseph R. Biden\"]",
                               "{\"id\": \"donald-trump\", \"name\": \"Joe Biden\", \"aliases\": [\"Joseph R. Biden\"]"),
       ErrorCode::kKbDuplicate, "/people/1/id", "\"donald-trump\""},
      {"impossible date: 29 February 2021", Replace(kb, "\"end\": \"2025-01-20\"", "\"end\": \"2021-02-29\""),
       ErrorCode::kKbInvalidValue, "/terms/1/end", "\"2021-02-29\""},
      {"impossible date: month 13", Replace(kb, "\"as_of\": \"2026-01-01\"", "\"as_of\": \"2026-13-01\""),
       ErrorCode::kKbInvalidValue, "/as_of", "\"2026-13-01\""},
      {"impossible date: year 0", Replace(kb, "\"date\": \"2024-11-05\"", "\"date\": \"0000-11-05\""),
       ErrorCode::kKbInvalidValue, "/events/0/date", "\"0000-11-05\""},
      {"term ends before it starts", Replace(kb, "\"start\": \"2021-01-20\", \"end\": \"2025-01-20\"",
                                             "\"start\": \"2021-01-20\", \"end\": \"2020-01-20\""),
       ErrorCode::kKbInvalidValue, "/terms/1/end", "\"2020-01-20\""},
      {"overlapping terms of a single-holder office", Replace(kb, "\"start\": \"2025-01-20\", \"end\": null",
                                                              "\"start\": \"2024-01-20\", \"end\": null"),
       ErrorCode::kKbOverlap, "/terms/2/start", "\"2024-01-20\""},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.name);
    auto r = LoadKb(c.text);
    REQUIRE_FALSE(r.ok());
    const factlint::Error& e = r.error();
    INFO(e.ToString());
    CHECK(e.code == c.code);
    CHECK(e.path == c.path);
    REQUIRE(e.line >= 1);
    REQUIRE(e.column >= 1);
    const size_t offset = OffsetOf(c.text, e.line, e.column);
    REQUIRE(offset != std::string_view::npos);
    if (c.points_at.empty()) {
      // a parse error at the end of the text (or on the bad byte just before it)
      CHECK(offset + 16 >= c.text.size());
    } else {
      CHECK(std::string_view(c.text).substr(offset, c.points_at.size()) == c.points_at);
    }
    CHECK_FALSE(e.message.empty());
    CHECK(e.ToString().rfind("line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": ", 0) == 0);
    const std::vector<factlint::Error> all = factlint::ValidateKb(c.text);
    REQUIRE_FALSE(all.empty());
    CHECK(all[0].code == e.code);
    CHECK(all[0].line == e.line);
    CHECK(all[0].column == e.column);
  }
}

// A raw NUL is never JSON, inside or after the value (nlohmann's lexer alone would read it as the
// end of the input and accept a valid KB followed by anything: the loader's own recogniser must
// not).
TEST_CASE("hostile KBs: a NUL byte and garbage after a valid KB are refused", "[hostile]") {
  const std::string text = std::string(kKb) + std::string("\0 not JSON {[", 14);
  auto r = LoadKb(text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbNotJson);
  CHECK(OffsetOf(text, r.error().line, r.error().column) == kKb.size());
}

TEST_CASE("hostile KBs: a byte order mark and white space around the KB are accepted", "[hostile]") {
  CHECK(LoadKb("\xEF\xBB\xBF" + std::string(kKb)).ok());
  CHECK(LoadKb("\r\n\t " + std::string(kKb) + "\r\n\r\n").ok());
}

TEST_CASE("hostile KBs: a KB over 64 MiB is refused before parsing", "[hostile][slow]") {
  std::string big(kKb);
  big.resize((size_t{64} << 20) + 1, ' ');
  auto r = LoadKb(big);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kKbTooLarge);
  CHECK(r.error().line >= 1);
}

TEST_CASE("hostile KBs: a refused KB leaves the loaded one untouched", "[hostile]") {
  auto first = LoadKb(kKb);
  REQUIRE(first.ok());
  const factlint::KbHandle kept = first.value();
  const std::string text = std::string(kClaim) + " said.";
  const std::string before = factlint::ReportToJson(Check(*kept, text, At("2022-06-01")));
  for (const std::string& bad : {std::string(100000, '['), std::string(kKb).substr(0, 300), std::string("{}")}) {
    CHECK_FALSE(LoadKb(bad).ok());
  }
  CHECK(factlint::ReportToJson(Check(*kept, text, At("2022-06-01"))) == before);
}
