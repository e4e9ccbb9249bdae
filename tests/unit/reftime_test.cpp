// BestWindow (core/src/reftime.h): the sweep over weighted interval constraints.

#include <algorithm>
#include <climits>
#include <map>
#include <random>
#include <set>

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

TEST_CASE("reftime: a date of every year (a dateline's day without its year)", "[reftime]") {
  const int32_t lo = factlint::ParseIsoDate("2000-01-01")->days, hi = factlint::ParseIsoDate("2012-12-31")->days;
  std::vector<std::string> got;
  for (auto [a, b] : factlint::WeekdayDateNear(-1, 2, 29, lo, hi, 0)) {
    CHECK(b == a + 1);
    got.push_back(factlint::FormatIsoDate(factlint::Date{a}));
  }
  CHECK(got == std::vector<std::string>{"2000-02-29", "2004-02-29", "2008-02-29", "2012-02-29"});
  CHECK(factlint::WeekdayDateNear(-1, 3, 3, lo, hi, 0).size() == 13);
  CHECK(factlint::WeekdayDateNear(-1, 4, 31, lo, hi, 0).empty());
}

namespace {

// BestWindow as it was written with a map of multisets per group and a vector per constraint
// (before the flat arrays of 66fd3e6): the reference the sweep is held to.
std::optional<factlint::TimeWindow> ReferenceBestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi) {
  struct Event {
    int32_t pos;
    int enter;  // +1 or -1
    size_t constraint;
  };
  std::vector<Event> events;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> merged(constraints.size());
  std::map<int, size_t> group_size;  // group -> its constraints (only those that can be satisfied count)
  for (size_t c = 0; c < constraints.size(); ++c) {
    std::vector<std::pair<int32_t, int32_t>> iv;
    for (auto [s, e] : constraints[c].intervals) {
      s = std::max(s, lo);
      e = std::min(e, hi);
      if (s < e) iv.emplace_back(s, e);
    }
    std::sort(iv.begin(), iv.end());
    std::vector<std::pair<int32_t, int32_t>>& m = merged[c];
    for (auto [s, e] : iv) {
      if (!m.empty() && s <= m.back().second) {
        m.back().second = std::max(m.back().second, e);
      } else {
        m.emplace_back(s, e);
      }
    }
    for (auto [s, e] : m) {
      events.push_back(Event{s, +1, c});
      events.push_back(Event{e, -1, c});
    }
    if (constraints[c].group >= 0) ++group_size[constraints[c].group];
  }
  if (events.empty()) return std::nullopt;
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.pos < b.pos; });
  int independent = 0, grouped = 0;
  std::map<int, std::multiset<int>> active;  // group -> weights of its active constraints
  // Conflicting groups: those with fewer active constraints than constraints; at the start every
  // group conflicts.
  int conflicts = static_cast<int>(group_size.size());
  auto group_top = [&](int g) { return active[g].empty() ? 0 : *active[g].rbegin(); };
  int best = 0, best_conflicts = 0;
  std::vector<std::pair<int32_t, int32_t>> best_stretches;
  size_t best_count = 0;
  for (size_t i = 0; i < events.size();) {
    const int32_t pos = events[i].pos;
    while (i < events.size() && events[i].pos == pos) {
      const Event& ev = events[i++];
      const TimeConstraint& tc = constraints[ev.constraint];
      if (tc.group < 0) {
        independent += ev.enter * tc.weight;
        continue;
      }
      std::multiset<int>& ws = active[tc.group];
      const bool full_before = ws.size() == group_size[tc.group];
      grouped -= group_top(tc.group);
      if (ev.enter > 0) ws.insert(tc.weight);
      else ws.erase(ws.find(tc.weight));
      grouped += group_top(tc.group);
      const bool full_after = ws.size() == group_size[tc.group];
      conflicts += (full_after ? 0 : 1) - (full_before ? 0 : 1);
    }
    const int score = independent + grouped;
    if (i >= events.size() || score <= 0) continue;
    if (score > best || (score == best && conflicts < best_conflicts)) {
      best = score;
      best_conflicts = conflicts;
      best_stretches.clear();
      best_count = 0;
    }
    if (score == best && conflicts == best_conflicts) {
      ++best_count;
      best_stretches.emplace_back(pos, events[i].pos);
      // Keep the first factlint::kMaxCandidates - 1 and always the latest.
      if (best_stretches.size() > factlint::kMaxCandidates) best_stretches.erase(best_stretches.end() - 2);
    }
  }
  if (best <= 0 || best_stretches.empty()) return std::nullopt;
  auto satisfied = [&](int32_t from, int32_t to) {
    std::vector<size_t> out;
    for (size_t c = 0; c < constraints.size(); ++c) {
      auto it = std::upper_bound(merged[c].begin(), merged[c].end(), std::make_pair(from, INT32_MAX));
      if (it != merged[c].begin() && std::prev(it)->first <= from && to <= std::prev(it)->second) out.push_back(c);
    }
    return out;
  };
  factlint::TimeWindow w;
  w.weight = best;
  w.conflicts = best_conflicts;
  w.candidate_count = best_count;
  for (auto [from, to] : best_stretches) w.candidates.push_back(factlint::TimeStretch{from, to, satisfied(from, to)});
  w.from = w.candidates.back().from;
  w.to = w.candidates.back().to;
  w.satisfied = w.candidates.back().satisfied;
  return w;
}

}  // namespace

TEST_CASE("reftime: the sweep on flat arrays gives the reference's windows; ignore leaves a clue out", "[reftime]") {
  std::mt19937 rng(20261201);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 3000; ++round) {
    std::vector<TimeConstraint> cs(static_cast<size_t>(pick(0, 9)));
    for (TimeConstraint& tc : cs) {
      for (int k = pick(0, 4); k > 0; --k) {
        const int32_t s = pick(-30, 120), e = pick(0, 3) == 0 ? INT32_MAX : s + pick(-5, 40);
        tc.intervals.emplace_back(pick(0, 9) == 0 ? INT32_MIN : s, e);
      }
      tc.weight = pick(1, 8);
      tc.group = pick(0, 2) == 0 ? -1 : pick(0, 3) * 1000;
    }
    const int32_t lo = pick(-20, 20), hi = lo + pick(0, 120);
    auto same = [](const std::optional<factlint::TimeWindow>& a, const std::optional<factlint::TimeWindow>& b) {
      if (!a || !b) return !a && !b;
      if (a->from != b->from || a->to != b->to || a->weight != b->weight || a->conflicts != b->conflicts ||
          a->satisfied != b->satisfied || a->candidate_count != b->candidate_count ||
          a->candidates.size() != b->candidates.size())
        return false;
      for (size_t i = 0; i < a->candidates.size(); ++i)
        if (a->candidates[i].from != b->candidates[i].from || a->candidates[i].to != b->candidates[i].to ||
            a->candidates[i].satisfied != b->candidates[i].satisfied)
          return false;
      return true;
    };
    INFO("round " << round);
    CHECK(same(BestWindow(cs, lo, hi), ReferenceBestWindow(cs, lo, hi)));
    if (!cs.empty()) {
      const size_t ignore = static_cast<size_t>(pick(0, static_cast<int>(cs.size()) - 1));
      std::vector<TimeConstraint> without = cs;
      without[ignore].intervals.clear();
      CHECK(same(BestWindow(cs, lo, hi, ignore), ReferenceBestWindow(without, lo, hi)));
    }
  }
}

TEST_CASE("reftime: every clue in a group of its own (the index arrays at their largest) gives the reference's window", "[reftime]") {
  std::mt19937 rng(20261202);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 500; ++round) {
    std::vector<TimeConstraint> cs(static_cast<size_t>(pick(1, 12)));
    for (size_t c = 0; c < cs.size(); ++c) {
      for (int k = pick(1, 3); k > 0; --k) {
        const int32_t s = pick(-30, 120);
        cs[c].intervals.emplace_back(s, s + pick(1, 40));
      }
      cs[c].weight = pick(1, 8);
      cs[c].group = static_cast<int>(c) * 7;  // distinct groups: as many as clues
    }
    INFO("round " << round);
    const auto a = BestWindow(cs, 0, 100), b = ReferenceBestWindow(cs, 0, 100);
    REQUIRE(a.has_value() == b.has_value());
    if (a) {
      CHECK(a->from == b->from);
      CHECK(a->to == b->to);
      CHECK(a->weight == b->weight);
      CHECK(a->conflicts == b->conflicts);
      CHECK(a->satisfied == b->satisfied);
    }
  }
}
