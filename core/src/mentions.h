// Stage 2 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): what the text
// names, found with one pass of the KB's phrase automaton (kb_index.h) over the folded text and
// short, bounded look-arounds from its hits — people (with surname coreference), title claims
// ("[former] [U.S.] President NAME", "NAME, the German chancellor", "NAME administration"),
// event mentions with their stated dates and prospective markers, quotes with their speakers,
// and lexicon phrases (hedges, anonymous attributions, prospective markers).
//
// FindMentions returns plain data, immutable afterwards; offsets are folded byte offsets, and
// ids are indexes into the Kb. It is built in three files: mentions.cpp (phrase hits, people,
// quotes), titles.cpp (title claims), events.cpp (event mentions).

#ifndef FACTLINT_CORE_MENTIONS_H_
#define FACTLINT_CORE_MENTIONS_H_

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "folded_view.h"
#include "kb_index.h"
#include "kb_query.h"
#include "lexicon.h"
#include "people_claims.h"
#include "sentences.h"

namespace factlint {

struct Phrase {
  uint32_t start, end;
  PhraseKind kind;  // kHedge, kAnonymous or kProspective
};

struct PersonMention {
  uint32_t start, end;
  int sentence;
  bool full;                    // a full name or alias (not a short form)
  int person = -1;              // resolved person, -1 when unresolved
  std::vector<int> candidates;  // for an unresolved short form
  // The end of a title in apposition that the KB gives this person ("NAME, the former premier of
  // Saxony, said"; titles.cpp), 0 when none: a verb after its closing comma is the person's act.
  uint32_t apposition_end = 0;
};

struct TitleClaim {
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the claim (modifiers .. name, or name .. title)
  int mention = -1;             // index into Mentions::persons
  std::vector<int> title_offices;  // offices named by the title (and jurisdiction, when given)
  bool has_jurisdiction = false;
  bool administration = false;  // "NAME administration"
  // "NAME, who was TITLE": a tenure told in the past, judged only at a time its clause gives ("who
  // was prime minister during the 2003 invasion", "... in 2010"); never a clue to the text's time.
  bool dated_only = false;
  // The title inside the KB's name for the person ("King Abdullah II", "Pope Benedict XVI"): a
  // regnal name stays the person's name after the reign, so only "not yet held" is judged.
  bool inner_title = false;
  Tense tense = Tense::kPresent;
  bool has_modifier = false;
  uint32_t mod_start = 0, mod_end = 0;  // "former " (with its space), removed by a suggestion
  uint32_t phrase_start = 0;            // where "former " would go
  std::vector<int> offices;             // candidates after resolving the person
  int person = -1;
};

struct EventMention {
  int sentence = 0;
  uint32_t start = 0, end = 0;  // the trigger
  uint32_t claim_start = 0;     // from the prospective marker when there is one
  uint32_t claim_end = 0;       // to the marker after the trigger ("... will be held"), else end
  std::vector<int> events;
  bool prospective = false;
  bool generic = false;            // "<Month> elections", resolved through participants
  bool participant_named = false;  // a participant of one of the events is named in the sentence
  // "a meeting at the White House" with two of its participants named: no trigger names it, so it
  // dates the text (reported as past) but is never judged (meetings of the same people recur).
  bool by_participants = false;
  int time = -1;                   // index into the sentence's times: the stated date
};

struct QuoteSpan {
  uint32_t open = 0, close = 0;  // folded offsets of the quote marks
  int sentence = 0;
  int speaker = -1;
};

struct Mentions {
  std::vector<Phrase> lexicon;                      // ordered by end
  std::vector<PersonMention> persons;               // ordered by start
  std::vector<std::vector<size_t>> persons_in_sentence;
  std::vector<TitleClaim> titles;                   // resolved claims only
  std::vector<EventMention> events;                 // ordered by start
  std::vector<QuoteSpan> quotes;                    // ordered, not overlapping
  std::vector<char> event_dates;                    // per time expression (Sentences::TimeIndex): an event's stated date
  std::vector<PeopleClaim> people;                  // ages, deaths, party tags, tenures, ordinals
};

Mentions FindMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences);
// The quotes' own part, read from the text alone: the spans between double quotes paired within a
// line (speaker -1), and per sentence whether a speech word ("said", "told") or "he"/"she"
// stands outside quotes (speech and pronoun: one entry per sentence of the text).
struct QuoteScan {
  std::vector<QuoteSpan> quotes;  // ordered, not overlapping
  std::vector<char> speech, pronoun;
};
// Scans folded [lo, hi) (starting outside a quote: at a line's start) for quotes, appended to
// out->quotes, and the sentences [first_sentence, end_sentence) for the words. Over a block (no
// quote crosses a line break) it gives what the scan of the whole text gives there.
void ScanQuotes(const FoldedView& text, const Sentences& sentences, uint32_t lo, uint32_t hi, size_t first_sentence,
                size_t end_sentence, QuoteScan* out);
// The quote of `quotes` (ordered, not overlapping) around a position, by binary search.
inline bool InsideQuote(const std::vector<QuoteSpan>& quotes, uint32_t pos) {
  size_t lo = 0, hi = quotes.size();
  while (lo < hi) {  // the first quote with pos < close
    const size_t mid = (lo + hi) / 2;
    if (pos < quotes[mid].close) hi = mid;
    else lo = mid + 1;
  }
  return lo < quotes.size() && quotes[lo].open < pos;
}

// The same from the KB automaton's hits over the whole folded text, as index.matcher.FindAll gives
// them, and the quotes' scan of the whole text (IncrementalChecker gathers both block by block).
Mentions FindMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                      std::vector<PhraseMatcher::Hit> kb_hits, QuoteScan quotes);

// --- the parts of FindMentions ---------------------------------------------------------------

// Hit indices by a folded position (a hit's start or end), one per position: a sorted vector
// read by binary search (a document has a few hundred title and jurisdiction hits; a hash map
// cost a node allocation per entry). Add() the entries, then Seal() once; find/end/count read
// like a map's.
class PosIndex {
 public:
  using Entry = std::pair<uint32_t, size_t>;  // position, hit index
  // Adds hit h at pos; Seal() keeps one entry per position. h must grow from call to call.
  void Add(uint32_t pos, size_t h) { entries_.emplace_back(pos, h); }
  void Reserve(size_t n) { entries_.reserve(n); }  // room for n Add()s
  // One entry per position: the first added, or (longest) the one whose hits[h].end is greatest,
  // the first added among equals.
  enum class Keep { kFirst, kLongest };
  void Seal(Keep keep, const std::vector<PhraseMatcher::Hit>& hits);
  std::vector<Entry>::const_iterator find(uint32_t pos) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), pos,
                               [](const Entry& e, uint32_t p) { return e.first < p; });
    return it != entries_.end() && it->first == pos ? it : entries_.end();
  }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }
  size_t count(uint32_t pos) const { return find(pos) != end() ? 1 : 0; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
};

// The automaton's hits, sorted out by what they name. The title and jurisdiction indices keep,
// by end, the first hit seen there (the longest: FindAll's order) and, by start, the longest.
struct PhraseHits {
  std::vector<PhraseMatcher::Hit> hits;
  PosIndex title_by_end, title_by_start, jur_by_end, jur_by_start;
  std::vector<size_t> person_hits, trigger_hits;
  std::vector<size_t> year_base_hits;  // hits of kYearBase phrases, by end
};

// Appends the ids of the index entries of `kind` that phrase `pattern` stands for.
inline void AppendRefs(const KbIndex& index, int pattern, PhraseKind kind, std::vector<int>* out) {
  for (const PhraseRef& r : index.refs[static_cast<size_t>(pattern)])
    if (r.kind == kind) out->push_back(r.id);
}

// titles.cpp: title claims of every person mention, resolved. Resolving a claim may resolve
// its mention's person (a short form named by the one candidate who held that title).
std::vector<TitleClaim> FindTitleClaims(const KbQuery& kb, const KbIndex& index, const FoldedView& text,
                                        const Sentences& sentences, const PhraseHits& hits,
                                        std::vector<PersonMention>* persons);

// events.cpp: event mentions (KB triggers, generic "<Month> elections"), with their stated dates
// marked in *event_dates.
std::vector<EventMention> FindEventMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text,
                                            const Sentences& sentences, const PhraseHits& hits,
                                            const std::vector<Phrase>& lexicon,
                                            const std::vector<PersonMention>& persons,
                                            const std::vector<std::vector<size_t>>& persons_in_sentence,
                                            std::vector<char>* event_dates);

}  // namespace factlint

#endif  // FACTLINT_CORE_MENTIONS_H_
