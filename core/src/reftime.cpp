// BestWindow: each constraint's intervals are clipped to [lo, hi), sorted and merged (so one
// constraint adds its weight at most once at any day), turned into enter/leave events, and swept
// in order. The sweep keeps the score (independent weights plus, per group, the heaviest active
// weight — the active weights per group) and the number of groups with an inactive clue; the best
// elementary stretches between consecutive event positions are collected, ties kept.

#include "reftime.h"

#include <algorithm>
#include <cstddef>

#include "factlint/factlint.h"
#include "lexicon.h"

namespace factlint {

std::optional<TimeWindow> BestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi,
                                     size_t ignore) {
  struct Event {
    int32_t pos;
    int enter;  // +1 or -1
    size_t constraint;
  };
  // The groups as dense indices (a text names a handful of people): gid[c] for constraint c, -1
  // for none, and per group its number of constraints.
  std::vector<int> groups;
  size_t total = 0;
  for (const TimeConstraint& tc : constraints) {
    if (tc.group >= 0) groups.push_back(tc.group);
    total += tc.intervals.size();
  }
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  std::vector<int> gid(constraints.size(), -1);
  std::vector<size_t> group_size(groups.size() + 1, 0);
  // Constraint c's intervals, clipped, sorted and merged: merged[merged_from[c] .. merged_from[c + 1]).
  std::vector<std::pair<int32_t, int32_t>> merged;
  merged.reserve(total);
  std::vector<size_t> merged_from(constraints.size() + 1, 0);
  std::vector<Event> events;
  events.reserve(2 * total);
  for (size_t c = 0; c < constraints.size(); ++c) {
    const size_t from = merged.size();
    merged_from[c] = from;
    if (c != ignore) {
      for (auto [s, e] : constraints[c].intervals) {
        s = std::max(s, lo);
        e = std::min(e, hi);
        if (s < e) merged.emplace_back(s, e);
      }
    }
    std::sort(merged.begin() + static_cast<std::ptrdiff_t>(from), merged.end());
    size_t n = from;  // merge in place
    for (size_t k = from; k < merged.size(); ++k) {
      if (n > from && merged[k].first <= merged[n - 1].second) {
        merged[n - 1].second = std::max(merged[n - 1].second, merged[k].second);
      } else {
        merged[n++] = merged[k];
      }
    }
    merged.resize(n);
    for (size_t k = from; k < n; ++k) {
      events.push_back(Event{merged[k].first, +1, c});
      events.push_back(Event{merged[k].second, -1, c});
    }
    if (constraints[c].group >= 0) {
      gid[c] = static_cast<int>(std::lower_bound(groups.begin(), groups.end(), constraints[c].group) - groups.begin());
      ++group_size[static_cast<size_t>(gid[c])];
    }
  }
  merged_from[constraints.size()] = merged.size();
  if (events.empty()) return std::nullopt;
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.pos < b.pos; });
  // The weights of each group's active constraints: active[slot_from[g] .. slot_from[g] +
  // active_count[g]) (a constraint is active at most once at a time: its intervals are merged).
  std::vector<size_t> slot_from(groups.size() + 1, 0);
  for (size_t g = 0; g < groups.size(); ++g) slot_from[g + 1] = slot_from[g] + group_size[g];
  std::vector<int> active(slot_from[groups.size()]);
  std::vector<size_t> active_count(groups.size(), 0);
  int independent = 0, grouped = 0;
  // Conflicting groups: those with fewer active constraints than constraints; at the start every
  // group conflicts.
  int conflicts = static_cast<int>(groups.size());
  auto group_top = [&](size_t g) {
    const int* ws = active.data() + slot_from[g];
    return active_count[g] == 0 ? 0 : *std::max_element(ws, ws + active_count[g]);
  };
  int best = 0, best_conflicts = 0;
  std::vector<std::pair<int32_t, int32_t>> best_stretches;
  best_stretches.reserve(kMaxCandidates + 1);  // its most, sized once
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
      const size_t g = static_cast<size_t>(gid[ev.constraint]);
      int* ws = active.data() + slot_from[g];
      size_t& count = active_count[g];
      const bool full_before = count == group_size[g];
      grouped -= group_top(g);
      if (ev.enter > 0) {
        ws[count++] = tc.weight;
      } else {
        *std::find(ws, ws + count, tc.weight) = ws[count - 1];
        --count;
      }
      grouped += group_top(g);
      const bool full_after = count == group_size[g];
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
      const auto b = merged.begin() + static_cast<std::ptrdiff_t>(merged_from[c]);
      const auto e = merged.begin() + static_cast<std::ptrdiff_t>(merged_from[c + 1]);
      auto it = std::upper_bound(b, e, std::make_pair(from, INT32_MAX));
      if (it != b && std::prev(it)->first <= from && to <= std::prev(it)->second) out.push_back(c);
    }
    return out;
  };
  TimeWindow w;
  w.weight = best;
  w.conflicts = best_conflicts;
  w.candidate_count = best_count;
  w.candidates.reserve(best_stretches.size());
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
    if (weekday < 0 || ((at - monday) % 7 + 7) % 7 == weekday) out.emplace_back(at - near, at + near + 1);
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
