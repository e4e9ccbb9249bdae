// BestWindow (core/src/reftime.h): the sweep over weighted interval constraints.

#include <catch2/catch.hpp>

#include "factlint/factlint.h"
#include "reftime.h"

using factlint::BestWindow;
using factlint::TimeConstraint;

TEST_CASE("reftime: the stretch satisfying the most weight", "[reftime]") {
  std::vector<TimeConstraint> cs(3);
  cs[0].intervals = {{10, 50}};
  cs[1].intervals = {{30, 100}};
  cs[2].intervals = {{0, 20}, {40, 45}};
  auto w = BestWindow(cs, 0, 1000);
  REQUIRE(w);
  CHECK(w->from == 40);
  CHECK(w->to == 45);
  CHECK(w->weight == 3);
  CHECK(w->satisfied == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("reftime: weights, ties listed (the latest is the window), clipping and overlaps within one constraint", "[reftime]") {
  std::vector<TimeConstraint> cs(3);
  cs[0].intervals = {{0, 10}};
  cs[0].weight = 2;
  cs[1].intervals = {{20, 30}};
  cs[2].intervals = {{25, 40}, {26, 35}};  // overlapping intervals of one constraint count once
  auto w = BestWindow(cs, 0, 1000);
  REQUIRE(w);
  CHECK(w->from == 25);
  CHECK(w->to == 30);
  CHECK(w->weight == 2);
  REQUIRE(w->candidates.size() == 2);  // [0, 10) weighs 2 too
  CHECK(w->candidates[0].from == 0);
  CHECK(w->candidates[0].satisfied == std::vector<size_t>{0});
  CHECK(w->candidates[1].satisfied == std::vector<size_t>{1, 2});
  w = BestWindow(cs, 31, 1000);  // clipped
  REQUIRE(w);
  CHECK(w->from == 31);
  CHECK(w->to == 40);
  CHECK_FALSE(BestWindow(cs, 500, 1000));
  CHECK_FALSE(BestWindow({}, 0, 10));
}

TEST_CASE("reftime: a group counts once, the fewest conflicting people win, ties are all returned", "[reftime]") {
  struct Row {
    const char* name;
    std::vector<TimeConstraint> cs;
    int32_t from, to;  // the window (the latest candidate)
    size_t candidates;
    int weight, conflicts;
  };
  auto c = [](int32_t s, int32_t e, int weight, int group) {
    TimeConstraint tc;
    tc.intervals = {{s, e}};
    tc.weight = weight;
    tc.group = group;
    return tc;
  };
  for (const Row& r : std::vector<Row>{
           // One person under two titles (group 7) is one voice, 4, against two people's 4 + 4.
           {"group once", {c(0, 10, 4, 7), c(0, 10, 4, 7), c(20, 30, 4, 1), c(20, 30, 4, 2)}, 20, 30, 1, 8, 1},
           // Ungrouped, the same weights tie 8 to 8: both stretches are candidates.
           {"ungrouped tie", {c(0, 10, 4, -1), c(0, 10, 4, -1), c(20, 30, 4, -1), c(20, 30, 4, -1)}, 20, 30, 2, 8, 0},
           // Equal scores: the stretch where person 2's two clues both hold (no one in conflict)
           // beats the one where only one of them does.
           {"fewest conflicts", {c(0, 30, 4, 2), c(10, 30, 4, 2), c(40, 50, 3, 3)}, 10, 30, 1, 4, 1},
           // One clue against another, nothing else: a tie, listed.
           {"one against one", {c(0, 10, 4, 1), c(20, 30, 4, 2)}, 20, 30, 2, 4, 1},
       }) {
    INFO(r.name);
    auto w = BestWindow(r.cs, -100, 1000);
    REQUIRE(w);
    CHECK(w->from == r.from);
    CHECK(w->to == r.to);
    CHECK(w->candidates.size() == r.candidates);
    CHECK(w->candidate_count == r.candidates);
    CHECK(w->weight == r.weight);
    CHECK(w->conflicts == r.conflicts);
  }
}

TEST_CASE("reftime: many tied stretches keep the first ones and the latest", "[reftime]") {
  TimeConstraint tc;
  for (int32_t i = 0; i < 20; ++i) tc.intervals.emplace_back(i * 10, i * 10 + 5);
  auto w = BestWindow({tc}, 0, 1000);
  REQUIRE(w);
  CHECK(w->candidate_count == 20);
  REQUIRE(w->candidates.size() == factlint::kMaxCandidates);
  CHECK(w->candidates.front().from == 0);
  CHECK(w->candidates.back().from == 190);
  CHECK(w->from == 190);
}

TEST_CASE("reftime: the years a weekday and a date fall together", "[reftime]") {
  struct Row {
    const char* weekday;
    int month, day;
    std::vector<const char*> dates;  // in [2000-01-01, 2013-01-01)
  };
  for (const Row& r : {Row{"thursday", 5, 5, {"2005-05-05", "2011-05-05"}},
                       Row{"sat", 2, 26, {"2000-02-26", "2005-02-26", "2011-02-26"}},
                       Row{"tuesday", 2, 29, {"2000-02-29"}},  // leap years only
                       Row{"monday", 2, 30, {}},               // no such day
                       Row{"someday", 5, 5, {}}}) {
    INFO(r.weekday << " " << r.month << "-" << r.day);
    const int w = factlint::WeekdayIndex(r.weekday);
    std::vector<std::pair<int32_t, int32_t>> got;
    if (w >= 0)
      got = factlint::WeekdayDateNear(w, r.month, r.day, factlint::ParseIsoDate("2000-01-01")->days,
                                      factlint::ParseIsoDate("2012-12-31")->days, 0);
    REQUIRE(got.size() == r.dates.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(factlint::FormatIsoDate(factlint::Date{got[i].first}) == r.dates[i]);
      CHECK(got[i].second == got[i].first + 1);
    }
  }
}
