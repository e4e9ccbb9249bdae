// BestWindow: each constraint's intervals are clipped to [lo, hi), sorted and merged (so one
// constraint adds its weight at most once at any day), turned into enter/leave events, and swept
// in order. The sweep keeps the score (independent weights plus, per group, the heaviest active
// weight — a multiset per group) and the number of groups with an inactive clue; the best
// elementary stretches between consecutive event positions are collected, ties kept.

#include "reftime.h"

#include <algorithm>
#include <map>
#include <set>

#include "factlint/factlint.h"
#include "lexicon.h"

namespace factlint {

std::optional<TimeWindow> BestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi) {
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
      // Keep the first kMaxCandidates - 1 and always the latest.
      if (best_stretches.size() > kMaxCandidates) best_stretches.erase(best_stretches.end() - 2);
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
  TimeWindow w;
  w.weight = best;
  w.conflicts = best_conflicts;
  w.candidate_count = best_count;
  for (auto [from, to] : best_stretches) w.candidates.push_back(TimeStretch{from, to, satisfied(from, to)});
  w.from = w.candidates.back().from;
  w.to = w.candidates.back().to;
  w.satisfied = w.candidates.back().satisfied;
  return w;
}

std::vector<std::pair<int32_t, int32_t>> WeekdayDateNear(int weekday, int month, int day, int32_t lo, int32_t hi,
                                                         int32_t near) {
  std::vector<std::pair<int32_t, int32_t>> out;
  int lo_year, hi_year, m, d;
  SplitDate(Date{lo}, &lo_year, &m, &d);
  SplitDate(Date{hi}, &hi_year, &m, &d);
  const int32_t monday = MakeDate(2024, 1, 1).days;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return out;
  for (int y = lo_year; y <= hi_year; ++y) {
    if (month == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) continue;
    const int32_t at = MakeDate(y, month, day).days;
    if (((at - monday) % 7 + 7) % 7 == weekday) out.emplace_back(at - near, at + near + 1);
  }
  return out;
}

int WeekdayIndex(std::string_view w) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() < 3 || !(IsWeekday(w) || IsWeekdayAbbreviation(w))) return -1;
  for (int i = 0; i < 7; ++i)
    if (w.substr(0, 3) == kDays[i]) return i;
  return -1;
}

}  // namespace factlint
