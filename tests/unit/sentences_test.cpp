// Stage 1 (core/src/sentences.cpp): sentences as folded ranges with their time expressions.

#include "sentences.h"

#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

using factlint::Document;
using factlint::FindSentences;

TEST_CASE("sentences: spans, folded ranges and the dates of each sentence", "[sentences]") {
  const Document doc("In 2018, Theresa May visited Berlin. She left on 24 July 2019.\n\nNo date here.");
  const factlint::Sentences s = FindSentences(doc);
  REQUIRE(s.size() == 3);
  REQUIRE(s.spans.size() == 3);
  CHECK(doc.text().substr(s.spans[0].start, s.spans[0].end - s.spans[0].start) == "In 2018, Theresa May visited Berlin.");
  CHECK(s.TimesOf(0).size() == 1);
  CHECK(s.TimesOf(0)[0].year == 2018);
  CHECK(s.TimesOf(0)[0].sentence_initial);
  REQUIRE(s.TimesOf(1).size() == 1);
  CHECK(s.TimesOf(1)[0].day == 24);
  CHECK(s.TimesOf(2).empty());
  // One array for every sentence's expressions: sentence s's at time_from[s] .. time_from[s + 1].
  REQUIRE(s.time_from.size() == s.size() + 1);
  CHECK(s.times.size() == 2);
  CHECK(s.TimeIndex(1, 0) == 1);
  CHECK(&s.TimesOf(1)[0] == &s.times[1]);
  for (size_t i = 0; i < s.size(); ++i) CHECK(s.start[i] <= s.end[i]);
}

TEST_CASE("sentences: SentenceOf maps folded offsets, -1 between sentences", "[sentences]") {
  const Document doc("One two.   Three four.");
  const factlint::Sentences s = FindSentences(doc);
  REQUIRE(s.size() == 2);
  struct Row {
    uint32_t pos;
    int sentence;
  };
  for (Row r : {Row{0, 0}, Row{7, 0}, Row{8, -1}, Row{9, -1}, Row{11, 1}, Row{21, 1}, Row{22, -1}, Row{500, -1}}) {
    INFO("pos " << r.pos);
    CHECK(s.SentenceOf(r.pos) == r.sentence);
  }
}

TEST_CASE("sentences: empty text has none", "[sentences]") {
  const Document doc("");
  CHECK(FindSentences(doc).size() == 0);
}

TEST_CASE("sentences: the words that start with a digit, as a byte scan finds them", "[sentences]") {
  // What the people's claims scanned for before (people_claims.cpp): every digit at a word start of
  // each sentence's folded range (or at the range's start), in order.
  const Document doc(
      "The 78-year-old, Britain's 57th prime minister, met G8 leaders on 3 May 2005. £5bn and -5% "
      "in 1990s.\n\n2005: 12 x3 4th. «7» ok 8\n9");
  const factlint::Sentences s = FindSentences(doc);
  REQUIRE(s.digit_from.size() == s.size() + 1);
  const std::string_view f = doc.folded();
  for (size_t k = 0; k < s.size(); ++k) {
    std::vector<uint32_t> scan;
    for (uint32_t i = s.start[k]; i < s.end[k]; ++i)
      if (f[i] >= '0' && f[i] <= '9' && (i == s.start[k] || !factlint::IsWordByte(static_cast<unsigned char>(f[i - 1]))))
        scan.push_back(i);
    const std::vector<uint32_t> listed(s.digit_words.begin() + s.digit_from[k], s.digit_words.begin() + s.digit_from[k + 1]);
    INFO("sentence " << k);
    CHECK(listed == scan);
  }
  CHECK(s.digit_words.size() >= 8);
}
