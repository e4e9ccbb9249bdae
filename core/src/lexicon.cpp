// The word lists of lexicon.h.

#include "lexicon.h"

#include <unordered_set>

#include "folded_view.h"

namespace factlint {

std::optional<Tense> ModifierTense(std::string_view w) {
  if (IsIn(w, {"former", "erstwhile", "onetime", "previous", "ex"})) return Tense::kFormer;
  if (IsIn(w, {"outgoing", "acting", "interim", "current", "sitting", "incumbent", "caretaker",
               "serving", "embattled", "beleaguered"}))
    return Tense::kPresent;
  if (IsIn(w, {"then", "late", "incoming", "future", "designate", "elect", "would-be", "disgraced",
               "deposed", "ousted"}))
    return Tense::kSkip;
  return std::nullopt;
}

bool BlocksTitle(std::string_view w) {
  return IsIn(w, {"vice", "deputy", "shadow", "assistant", "associate", "co", "sub", "under", "lieutenant",
                  "honorary", "party", "club", "company", "league", "federation", "bank", "university",
                  "college", "union", "council", "commission", "board", "regional", "provincial", "state",
                  "student", "senate", "assembly", "parliament", "court", "mayor", "general", "chief",
                  "first", "second", "junior", "senior", "foreign", "finance", "home", "defence", "defense",
                  "interior", "justice", "trade", "health", "prime", "federal", "executive"});
}

bool IsSpeechWord(std::string_view w) {
  // A hash set built once: this runs for every word of every sentence (quotes), and a linear
  // pass over the list was a tenth of all instructions of a check.
  static const std::unordered_set<std::string_view> kWords = {
                  "said", "says", "say", "told", "tells", "stated", "states", "stating", "warned", "warns",
                  "warning", "urged", "urges", "urging", "added", "adds", "saying", "wrote", "writes",
                  "posted", "declared", "declares", "insisted", "insists", "noted", "notes", "remarked",
                  "described", "asked", "asks", "replied", "announced", "announces", "explained",
                  "according", "by", "tweeted", "argued", "argues", "claimed", "vowed", "vows",
                  "pledged", "promised", "admitted", "acknowledged", "recalled", "concluded",
                  "continued", "emphasised", "emphasized", "stressed", "called", "calls", "quoted"};
  return w.size() >= 2 && w.size() <= 12 && kWords.count(w) != 0;
}

bool BlocksProspective(std::string_view w) {
  return IsIn(w, {"after", "since", "following", "ago", "anniversary", "last", "previous", "recent",
                  "past", "earlier", "aftermath", "before", "until", "won", "lost", "during"});
}

bool IsPastEraModifier(std::string_view w) {
  return IsIn(w, {"previous", "former", "preceding", "last", "past", "earlier", "then", "old", "ousted"});
}

bool IsPastEraNoun(std::string_view w) {
  return IsIn(w, {"government", "governments", "administration", "regime", "cabinet", "coalition",
                  "leadership", "presidency", "premiership", "era", "term"});
}

bool BlocksAdministration(std::string_view w) {
  return IsIn(w, {"former", "previous", "last", "past", "then", "early", "late", "first", "second",
                  "outgoing", "incoming", "future", "next", "prior", "old"});
}

bool IsElectionAdjective(std::string_view w) {
  return IsIn(w, {"presidential", "general", "parliamentary", "federal", "legislative", "national",
                  "midterm", "snap"});
}

bool IsMeetingNoun(std::string_view w) {
  return IsIn(w, {"meeting", "meetings", "talks", "summit", "visit", "encounter"});
}

bool IsClauseWord(std::string_view w) {
  return IsIn(w, {"that", "which", "who", "whom", "whose", "when", "where", "while", "because",
                  "although", "though", "since", "after", "before", "until", "whether", "if",
                  "as", "and", "but", "or", "than"});
}

bool IsForwardPreposition(std::string_view w) { return IsIn(w, {"until", "till", "by", "before"}); }
bool IsStatedDatePreposition(std::string_view w) { return IsIn(w, {"in", "on", "of", "during"}); }
bool IsClaimDatePreposition(std::string_view w) { return IsIn(w, {"in", "on", "during"}); }

}  // namespace factlint
