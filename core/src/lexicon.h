// The English word lists of the checker: modifiers of titles, speech verbs, clause openers,
// words of the past, election adjectives, forward-looking prepositions. Every stage asks these
// functions instead of keeping a list of its own. See factlint/factlint.h.

#ifndef FACTLINT_CORE_LEXICON_H_
#define FACTLINT_CORE_LEXICON_H_

#include <optional>
#include <string_view>

namespace factlint {

// The tense a title claim makes: sitting holder, former holder, or not a claim to judge.
enum class Tense { kPresent, kFormer, kSkip };

// All words are folded (lower case). Each returns false (nullopt) for a word in no list.
std::optional<Tense> ModifierTense(std::string_view w);  // "former" -> kFormer, "acting" -> kPresent
bool BlocksTitle(std::string_view w);         // "Vice" President: part of another title
bool IsSpeechWord(std::string_view w);        // said, told, according, ...
bool BlocksProspective(std::string_view w);   // after, since, won, ...: the event is past
bool IsPastEraModifier(std::string_view w);   // previous, former, ...  (+ a past-era noun)
bool IsPastEraNoun(std::string_view w);       // government, administration, ...
bool BlocksAdministration(std::string_view w); // "former" NAME administration, ...
bool IsElectionAdjective(std::string_view w); // presidential, general, ... election
bool IsMeetingNoun(std::string_view w);       // meeting, talks, summit, visit: an event named by who and where
bool IsClauseWord(std::string_view w);        // that, which, and, ...: opens another clause
bool IsForwardPreposition(std::string_view w);  // until, by, ...: a date ahead
bool IsStatedDatePreposition(std::string_view w);  // in, on, of, during (after an event trigger)
bool IsClaimDatePreposition(std::string_view w);   // in, on, during (a date dating a claim)

}  // namespace factlint

#endif  // FACTLINT_CORE_LEXICON_H_
