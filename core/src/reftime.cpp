// BestWindow: each constraint's intervals are clipped to [lo, hi), sorted and merged (so one
// constraint adds its weight at most once at any day), turned into +weight/-weight events, and
// swept in order; the maximum is taken over the elementary stretches between consecutive event
// positions, the latest winning ties.

#include "reftime.h"

#include <algorithm>

namespace factlint {

std::optional<TimeWindow> BestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi) {
  struct Event {
    int32_t pos;
    int delta;
  };
  std::vector<Event> events;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> merged(constraints.size());
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
      events.push_back(Event{s, constraints[c].weight});
      events.push_back(Event{e, -constraints[c].weight});
    }
  }
  if (events.empty()) return std::nullopt;
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.pos < b.pos; });
  int current = 0, best = 0;
  int32_t best_from = 0, best_to = 0;
  for (size_t i = 0; i < events.size();) {
    int32_t pos = events[i].pos;
    while (i < events.size() && events[i].pos == pos) current += events[i++].delta;
    if (i < events.size() && current > 0 && current >= best) {
      best = current;
      best_from = pos;
      best_to = events[i].pos;
    }
  }
  if (best <= 0) return std::nullopt;
  TimeWindow w;
  w.from = best_from;
  w.to = best_to;
  w.weight = best;
  for (size_t c = 0; c < constraints.size(); ++c) {
    for (auto [s, e] : merged[c]) {
      if (s <= w.from && w.to <= e) {
        w.satisfied.push_back(c);
        break;
      }
    }
  }
  return w;
}

}  // namespace factlint
