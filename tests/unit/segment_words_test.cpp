// Tests of the segmenter's parts (core/src/segment_words.h, segment_lines.h): the word classes in
// the forms a text writes them (the lists are the lexicon's), the words around a boundary, list
// markers, the dates that make a heading a dateline, and lines grouped into blocks. The whole
// segmenter is tested through SegmentDocument in segment_test.cpp. All examples are written for
// these tests.

#include "segment_words.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "segment_lines.h"

namespace factlint {
namespace segment_internal {
namespace {

TEST_CASE("segment words: month abbreviations and conditional abbreviations as written", "[segment]") {
  struct Row {
    const char* word;
    bool month;        // IsMonthAbbreviation
    bool conditional;  // IsConditional: may end a sentence
  };
  const Row rows[] = {
      {"Jan", true, true},       {"JAN", true, true},      {"Sept", true, true},
      {"SEPT", true, true},      {"Dec", true, true},      {"May", false, false},  // a full name
      {"jan", false, false},     {"JAn", false, false},    {"January", false, false},
      {"Corp", false, true},     {"INC", false, true},     {"jr", false, true},
      {"The", false, false},     {"", false, false},       {"U.S", false, false},
  };
  for (const Row& r : rows) {
    INFO(r.word);
    CHECK(IsMonthAbbreviation(r.word) == r.month);
    CHECK(IsConditional(r.word) == r.conditional);
  }
}

TEST_CASE("segment words: the word before a period and the word after", "[segment]") {
  bool truncated = false;
  size_t start = 0;
  const std::string t = "said (Mr. Smith";
  CHECK(WordBefore(t, 0, 8, &truncated, &start) == "Mr");
  CHECK(start == 6);
  CHECK_FALSE(truncated);
  const std::string longword = "x" + std::string(60, 'a') + ".";
  WordBefore(longword, 0, longword.size() - 1, &truncated, &start);
  CHECK(truncated);

  struct Row {
    const char* text;
    Case first;
    bool digit, initial, credit, opened;
    const char* word;
    bool starter;  // Starter(): opens a sentence after a conditional abbreviation
  };
  const Row rows[] = {
      {"The company", Case::kUpper, false, false, false, false, "The", true},
      {"\"However, no", Case::kUpper, false, false, false, true, "However", true},
      {"Chief Executive", Case::kUpper, false, false, false, false, "Chief", false},
      {"eBay shares", Case::kUpper, false, false, false, false, "eBay", false},
      {"the end", Case::kLower, false, false, false, false, "the", false},
      {"5 people", Case::kNone, true, false, false, false, "", false},
      {"J. R. R. Tolkien", Case::kUpper, false, true, false, false, "J", false},
      {"Image: Reuters", Case::kUpper, false, false, true, false, "Image", true},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    const NextWord n = WordAfter(r.text, 0, std::string_view(r.text).size());
    CHECK(n.first == r.first);
    CHECK(n.digit == r.digit);
    CHECK(n.initial == r.initial);
    CHECK(n.credit == r.credit);
    CHECK(n.opened == r.opened);
    CHECK(n.word == r.word);
    CHECK(Starter(n) == r.starter);
  }
  for (const char* w : {"U.S", "a.m", "e.g", "U.S.A", "Ph.D"}) CHECK(IsMultiPeriod(w));
  for (const char* w : {"US", "U.", "abc.def", "U.S.", "1.5"}) CHECK_FALSE(IsMultiPeriod(w));
  for (const char* w : {"J", "I", "\xC3\x89"}) CHECK(IsSingleCapital(w));  // É
  for (const char* w : {"j", "JR", "\xC3\xA9"}) CHECK_FALSE(IsSingleCapital(w));
}

TEST_CASE("segment words: list markers and the list they continue", "[segment]") {
  struct Row {
    const char* text;
    bool marker;
    Numbering numbering;
    int value;
  };
  const Row rows[] = {
      {"1. First", true, Numbering::kNumber, 1},   {"12) Twelfth", true, Numbering::kNumber, 12},
      {"(b) Second", true, Numbering::kLower, 'b'}, {"B) Second", true, Numbering::kUpper, 'B'},
      {"B. Smith", false, Numbering::kNone, 0},     {"\xE2\x80\xA2 item", true, Numbering::kNone, 0},
      {"1.5 percent", false, Numbering::kNone, 0},  {"1.", false, Numbering::kNone, 0},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    ListMarker m;
    REQUIRE(ParseMarker(r.text, 0, std::string_view(r.text).size(), &m) == r.marker);
    if (!r.marker) continue;
    CHECK(m.numbering == r.numbering);
    CHECK(m.value == r.value);
  }
  ListMarker one, two, three, bullet;
  REQUIRE(ParseMarker("1) a", 0, 4, &one));
  REQUIRE(ParseMarker("2) b", 0, 4, &two));
  REQUIRE(ParseMarker("3. c", 0, 4, &three));
  REQUIRE(ParseMarker("* d", 0, 3, &bullet));
  CHECK(NextInList(one, two));
  CHECK_FALSE(NextInList(two, one));
  CHECK_FALSE(NextInList(two, three));  // another suffix: another list
  CHECK(NextInList(bullet, bullet));
}

TEST_CASE("segment words: dates that make a heading a dateline", "[segment]") {
  struct Row {
    const char* text;
    bool dateline;  // LooksLikeDateline
    const char* trailing;  // the "Weekday, Month D, YYYY" that ends it, "" for none
  };
  const Row rows[] = {
      {"Monday, May 4, 2020", true, "Monday, May 4, 2020"},
      {"Title Tuesday, September 1, 2015", true, "Tuesday, September 1, 2015"},
      {"Mayor Tuesday, September 1, 2015", true, "Tuesday, September 1, 2015"},
      {"Title Tues, Sept 1, 2015", true, ""},  // "Sept 1" makes a dateline; short forms no long date
      {"Title tuesday, september 1, 2015", false, ""},  // names are written capitalised
      {"5 May 2021", true, ""},
      {"Updated Sept. 5", true, ""},
      {"2021-05-05 edition", true, ""},
      {"Mayor says 5 things", false, ""},
      {"Maybe 5", false, ""},
      {"MONDAY MORNING", false, ""},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    const std::string_view t = r.text;
    CHECK(LooksLikeDateline(t, 0, t.size()) == r.dateline);
    CHECK(TrailingLongDate(t, 0, t.size()) == std::string_view(r.trailing).size());
  }
}

TEST_CASE("segment lines: blocks of lines", "[segment]") {
  struct Row {
    const char* name;
    const char* text;
    std::vector<std::string> blocks;
  };
  const std::vector<Row> rows = {
      {"one line per paragraph", "First one.\nSecond one.\n", {"First one.", "Second one."}},
      {"a broken line", "It was a long\nday for all.\nNext.", {"It was a long\nday for all.", "Next."}},
      {"blank lines", "\n\nTitle\n\n  Body here.  \n", {"Title", "Body here."}},
      {"a heading before a sentence", "Title\nThe body.", {"Title", "The body."}},
      {"empty", "", {}},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const std::string_view t = r.text;
    std::vector<std::string> got;
    for (const Block& b : SplitBlocks(t)) got.emplace_back(t.substr(b.start, b.end - b.start));
    CHECK(got == r.blocks);
  }
}

}  // namespace
}  // namespace segment_internal
}  // namespace factlint
