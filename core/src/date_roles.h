// Stage 3's first part (timeline.h): the role of every date of the text — one that looks ahead
// ("until June 2006", "by 2030", "could decide in 2011", "will ... in 2027", "GM plans to close
// the plant in 2006", "his contract runs out in 2006") bounds the text's time from above and never
// dates a claim; every other date is a time the text reports. Read once per check, before the
// reference window (timeline.cpp).

#ifndef FACTLINT_CORE_DATE_ROLES_H_
#define FACTLINT_CORE_DATE_ROLES_H_

#include <vector>

#include "mentions.h"
#include "sentences.h"

namespace factlint {

// Per time expression of the text (Sentences::times, Sentences::TimeIndex): 1 when the date looks ahead.
// `lexicon`: the lexicon phrases of the text (Mentions::lexicon, ordered by end), of which the
// prospective ones count.
std::vector<char> FindDateRoles(const FoldedView& text, const Sentences& sentences,
                              const std::vector<Phrase>& lexicon);

}  // namespace factlint

#endif  // FACTLINT_CORE_DATE_ROLES_H_
