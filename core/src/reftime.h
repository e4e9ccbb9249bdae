// Reference time: the window of days in which the article most plausibly speaks. Every clue is a
// weighted set of day intervals (a present-tense title: the person's terms; "former": the gaps
// after the first term; an event reported as past: from its date on; a prospective one: before
// it); BestWindow sweeps over the interval end points and returns the stretch of days that
// satisfies the greatest total weight. Used by check.cpp; see factlint/factlint.h.

#ifndef FACTLINT_CORE_REFTIME_H_
#define FACTLINT_CORE_REFTIME_H_

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace factlint {

struct TimeConstraint {
  std::vector<std::pair<int32_t, int32_t>> intervals;  // [start, end) in days; INT32_MIN/MAX = open
  int weight = 1;
  std::string clue;  // human-readable, for the report's evidence
};

struct TimeWindow {
  int32_t from = 0, to = 0;     // [from, to) in days
  int weight = 0;               // total weight satisfied
  std::vector<size_t> satisfied;  // indexes of the constraints it satisfies
};

// The stretch within [lo, hi) satisfying the most weight; ties go to the latest stretch (the
// text is more likely recent than old). nullopt when no constraint can be satisfied in [lo, hi).
// O(k log k) in the total number of intervals.
std::optional<TimeWindow> BestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi);

}  // namespace factlint

#endif  // FACTLINT_CORE_REFTIME_H_
