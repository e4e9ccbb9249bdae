// Reference time: the window of days in which the article most plausibly speaks. Every clue is a
// weighted set of day intervals (a present-tense title: the person's terms; "former": the gaps
// after the first term; an event reported as past: from its date on; a prospective one: before
// it); BestWindow sweeps over the interval end points and returns the stretch of days that
// satisfies the greatest score. Clues about one person form a group that counts once (its
// heaviest satisfied clue), so a person named under two offices, or five times, is one voice;
// among stretches of equal score the one where the fewest distinct people conflict (have a clue
// it does not satisfy) wins; stretches still equal are all returned as candidates — the caller
// says so instead of picking one. Used by timeline.cpp; see factlint/factlint.h.

#ifndef FACTLINT_CORE_REFTIME_H_
#define FACTLINT_CORE_REFTIME_H_

#include <climits>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

struct TimeConstraint {
  std::vector<std::pair<int32_t, int32_t>> intervals;  // [start, end) in days; INT32_MIN/MAX = open
  int weight = 1;
  int group = -1;    // the person the clue is about (its weight counts once per person), -1 = none
  // Human-readable, for the report's evidence: made only for the few clues a report shows (a
  // check states dozens of clues and shows those its window satisfies, up to 12).
  std::function<std::string()> clue;
};

struct TimeStretch {
  int32_t from = 0, to = 0;       // [from, to) in days
  std::vector<size_t> satisfied;  // indexes of the constraints it satisfies
};

struct TimeWindow {
  int32_t from = 0, to = 0;       // [from, to) in days: the latest of the candidates
  int weight = 0;                 // score: independent weights + each group's heaviest, satisfied
  int conflicts = 0;              // distinct groups (people) with a clue the window does not satisfy
  std::vector<size_t> satisfied;  // indexes of the constraints it satisfies
  // Every stretch with the same best (score, conflicts), in order; one element when the evidence
  // decides. At most kMaxCandidates are kept; candidate_count says how many there were.
  std::vector<TimeStretch> candidates;
  size_t candidate_count = 0;
};

inline constexpr size_t kMaxCandidates = 8;

// The stretch within [lo, hi) with the highest score, then the fewest conflicting people; a tie
// lists every such stretch in candidates (the window fields describe the latest). nullopt when
// no constraint can be satisfied in [lo, hi). O(k log k) in the total number of intervals.
// constraints[ignore], when there is one, counts as a clue with no intervals (the sweep without it).
std::optional<TimeWindow> BestWindow(const std::vector<TimeConstraint>& constraints, int32_t lo, int32_t hi,
                                     size_t ignore = SIZE_MAX);

// A weekday and a date without a year ("Thursday, 5 May": weekday 0 = Monday … 6 = Sunday, month
// 1..12, day 1..31): the days within `near` days of each such date of a year in [lo, hi) on that
// weekday (2005, 2011, 2016 …), as the intervals of a constraint; weekday -1 takes the date of
// every year ("March 3" of a dateline). Empty when none.
std::vector<std::pair<int32_t, int32_t>> WeekdayDateNear(int weekday, int month, int day, int32_t lo, int32_t hi,
                                                         int32_t near);

// 0 = Monday … 6 = Sunday for a folded weekday name or abbreviation ("thursday", "thurs"); -1 otherwise.
int WeekdayIndex(std::string_view w);

}  // namespace factlint

#endif  // FACTLINT_CORE_REFTIME_H_
