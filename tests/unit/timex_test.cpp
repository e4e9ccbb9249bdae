// Time expressions (core/src/timex.h): the shapes news uses, and the numbers that are not dates.

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "text.h"
#include "timex.h"

namespace {

std::string Times(const std::string& text) {
  std::string folded = factlint::Fold(text);
  std::string out;
  for (const auto& t : factlint::FindTimeExpressions(folded, 0, folded.size())) {
    if (!out.empty()) out += "|";
    out += t.ToString() + "=" + folded.substr(t.start, t.end - t.start);
  }
  return out;
}

}  // namespace

TEST_CASE("timex: dates, months and years", "[timex]") {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"on February 28, 2025, he left", "2025-02-28=february 28, 2025"},
      {"on 28 February 2025 he left", "2025-02-28=28 february 2025"},
      {"Thursday, February 23, 2006", "2006-02-23=thursday, february 23, 2006"},
      {"Feb. 3, 2020", "2020-02-03=feb. 3, 2020"},
      {"2025-02-28", "2025-02-28=2025-02-28"},
      {"in February 2021", "2021-02=february 2021"},
      {"in May 2019", "2019-05=may 2019"},
      {"in 2019 and in 2020", "2019=2019|2020=2020"},
      {"growth slowed into 2005", "2005=2005"},
      {"the 2019 provision of", "2019=2019"},
      {"in the November elections", "November=november"},
      {"on March 3", "March 3=march 3"},
      {"they may march", ""},
      {"2000 troops", ""},
      {"sent 2000 troops", ""},
      {"in 2019-20", ""},
      {"February 30, 2021", ""},
      {"February 29, 2024", "2024-02-29=february 29, 2024"},
      {"February 29, 2023", "February 29=february 29"},
      {"criticised last year for", "last year=last year"},
      {"in the past month", "last month=past month"},
      {"next week", ""},
      // A month, a comma and a year; "may" and "march" only after a word that introduces a month.
      {"the death of their father in July, 2002.", "2002-07=july, 2002"},
      {"ruled in May, 2002 that", "2002-05=may, 2002"},
      {"they may, 2002 aside", ""},
      {"in July, 2,000 people", "July=july"},
      // A possessive before a year only with a noun of that year's figures after it.
      {"cut its 2005 growth forecast", "2005=2005"},
      {"their 2004 results", "2004=2004"},
      {"sent his 2000 troops", ""},
      {"its 2001 acquisition", ""},
      // A possessive year whatever stands before it; not a decade written with an apostrophe.
      {"at 1986's Live Aid", "1986=1986"},
      {"music of the 1980's", ""},
      {"sent 2000's troops", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Times(c.text) == c.expected);
  }
}

TEST_CASE("timex: intervals and prepositions", "[timex]") {
  std::string f = factlint::Fold("In February 2024, prices rose.");
  auto t = factlint::FindTimeExpressions(f, 0, f.size());
  REQUIRE(t.size() == 1);
  CHECK(t[0].preposition == "in");
  CHECK(factlint::FormatIsoDate(t[0].First()) == "2024-02-01");
  CHECK(factlint::FormatIsoDate(t[0].Last()) == "2024-02-29");
  CHECK(t[0].sentence_initial);
  f = factlint::Fold("Prices rose in February 2024.");
  CHECK_FALSE(factlint::FindTimeExpressions(f, 0, f.size()).at(0).sentence_initial);
  for (const char* s : {"On the night of March 19, 2003, the war began.", "Back in 2010, prices rose.",
                        "In the spring of 2004, prices rose.", "By the end of 2019, prices rose."}) {
    INFO(s);
    f = factlint::Fold(s);
    CHECK(factlint::FindTimeExpressions(f, 0, f.size()).at(0).sentence_initial);
  }
  for (const char* s : {"On the night of March 19, 2003 the war began.", "Officials said in 2010, prices rose."}) {
    INFO(s);
    f = factlint::Fold(s);
    CHECK_FALSE(factlint::FindTimeExpressions(f, 0, f.size()).at(0).sentence_initial);
  }
  f = factlint::Fold("2019 was a year.");
  CHECK(factlint::FindTimeExpressions(f, 0, f.size()).empty());
}

TEST_CASE("timex: one token buffer reused from range to range gives each range's own expressions", "[timex]") {
  // Ranges of growing and shrinking length through one TimexTokens, as FindSentences reads its
  // sentences: the same expressions and tokens as a fresh buffer per range.
  const std::string folded = factlint::Fold(
      "On March 3, 2004 he said. Short. In 2019 and in 2020 the talks resumed after the November elections, "
      "it said on Thursday, February 23, 2006. x. Last year, 28 February 2025 came.");
  const std::vector<std::pair<size_t, size_t>> ranges = {{0, 25}, {26, 32}, {33, 136}, {137, 139}, {0, 0},
                                                         {140, folded.size()}, {0, folded.size()}, {26, 32}};
  factlint::TimexTokens reused;
  for (const auto& [b, e] : ranges) {
    INFO(folded.substr(b, e - b));
    factlint::TimexTokens fresh;
    const auto a = factlint::FindTimeExpressions(folded, b, e, &reused);
    const auto f = factlint::FindTimeExpressions(folded, b, e, &fresh);
    REQUIRE(a.size() == f.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].start == f[i].start);
      CHECK(a[i].end == f[i].end);
      CHECK(a[i].ToString() == f[i].ToString());
      CHECK(a[i].sentence_initial == f[i].sentence_initial);
    }
    if (b >= e) continue;  // an empty range leaves the buffer as it was
    REQUIRE(reused.size() == fresh.size());
    for (size_t i = 0; i < reused.size(); ++i) {
      CHECK(reused[i].start == fresh[i].start);
      CHECK(reused[i].end == fresh[i].end);
      CHECK(reused[i].cls == fresh[i].cls);
    }
    CHECK(std::vector<uint32_t>(reused.starts_begin(), reused.starts_end()) ==
          std::vector<uint32_t>(fresh.starts_begin(), fresh.starts_end()));
  }
}
