// A national election the text speaks of as soon to come without saying which ("the forthcoming
// general election", "in the run-up to the presidential election", "will call a general
// election"): the words before it are a marker of the lexicon (dates.election_ahead_markers), its
// kind an adjective of dates.election_kinds, and no year names it. Its country is the one the text
// points to — the jurisdiction of a title it claims, or a participant (or winner) of one of that
// country's KB elections of that kind it names — and only when exactly one country is pointed to:
// never a guess. The timeline (timeline.cpp) uses it only to narrow a window the other clues
// already give, never as a window of its own, and no check judges it.

#ifndef FACTLINT_CORE_ELECTION_AHEAD_H_
#define FACTLINT_CORE_ELECTION_AHEAD_H_

#include <optional>
#include <string>
#include <vector>

#include "kb_query.h"
#include "mentions.h"
#include "sentences.h"

namespace factlint {

struct ElectionAhead {
  uint32_t start = 0, end = 0;  // the phrase, marker to "election" (folded bytes)
  std::string place;            // the country (KbEvent::place)
  std::string kind;             // "general", "presidential", ...
  std::vector<int32_t> dates;   // the days of the KB's elections of that place and kind, ascending
};

std::vector<ElectionAhead> FindElectionsAhead(const Kb& kb, const FoldedView& text, const Sentences& sentences,
                                              const Mentions& mentions);

// The days of `window` within a year before one of the elections: when they fall before one
// election only, and the KB knows the election before that one, at most six years earlier (it
// follows that country's elections there: a missing election cannot hide the right one); nullopt
// otherwise, or when that leaves the window as it is. *election: that election's day.
std::optional<Interval> NarrowBeforeElection(const ElectionAhead& e, Interval window, int32_t* election);

}  // namespace factlint

#endif  // FACTLINT_CORE_ELECTION_AHEAD_H_
