// KbIndex: what Check needs from a Kb, prepared once — one PhraseMatcher (matcher.h) over every
// person name, alias and short form, office title and jurisdiction word, event trigger and
// lexicon phrase, each pattern mapped back to what it names. See factlint/factlint.h.
//
// GetKbIndex(kb) returns the index for that KB: the one LoadKb built and stored in Kb::index (so a
// Check costs no rebuild), or, for a Kb assembled by hand without one, a new index built for that
// call. The returned shared_ptr keeps the index alive for as long as a Check holds it.

#ifndef FACTLINT_CORE_KB_INDEX_H_
#define FACTLINT_CORE_KB_INDEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "kb.h"
#include "matcher.h"

namespace factlint {

enum class PhraseKind : uint8_t {
  kPersonFull,    // id = person: a name or alias
  kPersonShort,   // id = person: a short form ("Trump")
  kTitle,         // id = office
  kJurisdiction,  // id = office
  kTrigger,       // id = event
  kHedge,         // id = -1 (lexicon)
  kAnonymous,     // id = -1
  kProspective,   // id = -1
  // id = event: a trigger that opens with a year, without it ("Haiti earthquake" of "2010 Haiti
  // earthquake"); a mention only where a date with that year follows ("the Haiti earthquake of
  // January 2010") and names one of its events (events.cpp).
  kYearBase,
};

struct PhraseRef {
  PhraseKind kind;
  int id;
};

// What each pattern names, in one array (CSR): refs[pattern] is a span.
using PhraseRefs = FlatLists<PhraseRef>;

struct KbIndex {
  PhraseMatcher matcher;
  PhraseRefs refs;  // per pattern id
  // Per pattern id: the kinds of its refs as bits (1 << PhraseKind), made with refs (a mention's
  // scan asks them of every hit; only a pattern with a lexicon kind has its refs walked).
  std::vector<uint16_t> kinds;
  std::optional<Date> earliest;              // earliest date the KB records (terms, events)
};
static_assert(static_cast<unsigned>(PhraseKind::kYearBase) < 16, "KbIndex::kinds holds a bit per kind");


std::shared_ptr<const KbIndex> GetKbIndex(const Kb& kb);
std::shared_ptr<const KbIndex> BuildKbIndex(const Kb& kb);

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_INDEX_H_
