// Stage 1 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): the document's
// sentences (segment.h) as folded ranges, with the time expressions of each (timex.h).
// Immutable once built; borrows nothing.

#ifndef FACTLINT_CORE_SENTENCES_H_
#define FACTLINT_CORE_SENTENCES_H_

#include <cstdint>
#include <span>
#include <vector>

#include "factlint/factlint.h"
#include "segment.h"
#include "text.h"
#include "timex.h"

namespace factlint {

struct Sentences {
  std::vector<TextSegment> segments;          // original byte ranges and kinds
  std::vector<Span> spans;                    // the report's sentences (bytes and UTF-16)
  std::vector<uint32_t> start, end;           // folded ranges, start <= end
  // The time expressions of every sentence in one array: sentence s holds times[time_from[s] ..
  // time_from[s + 1]), ordered by start (TimesOf). A per-time flag array (Mentions::event_dates,
  // Timeline::future) has one entry per element of times, at the same index (TimeIndex).
  std::vector<TimeExpr> times;
  std::vector<uint32_t> time_from;  // size() + 1 entries
  // The words of at most 10 bytes that are speech words or "he"/"she" (lexicon.h: WordClasses,
  // kWordSpeech | kWordHeShe), as the time expressions' tokenizer found them: sentence s holds
  // said[said_from[s] .. said_from[s + 1]). The quotes' scan (mentions.h: ScanQuotes) reads them
  // instead of reading every word again; when said_from is empty (sentences assembled by
  // IncrementalChecker) it reads the words itself.
  struct SaidWord {
    uint32_t pos;  // folded offset of the word
    unsigned cls;  // its classes, kWordSpeech | kWordHeShe only
  };
  std::vector<SaidWord> said;
  std::vector<uint32_t> said_from;  // size() + 1 entries, or none
  // The folded offsets of the words that start with a digit ("2005", "28th", the "78" of
  // "78-year-old"), as the same tokenizer found them: sentence s holds digit_words[digit_from[s]
  // .. digit_from[s + 1]). The people's claims read them instead of scanning every byte for a
  // digit; when digit_from is empty (IncrementalChecker) they scan.
  std::vector<uint32_t> digit_words;
  std::vector<uint32_t> digit_from;  // size() + 1 entries, or none

  size_t size() const { return segments.size(); }
  std::span<const TimeExpr> TimesOf(size_t s) const {
    return std::span<const TimeExpr>(times).subspan(time_from[s], time_from[s + 1] - time_from[s]);
  }
  // The index in times (and in the per-time flag arrays) of sentence s's k-th time expression.
  size_t TimeIndex(size_t s, size_t k) const { return time_from[s] + k; }
  // The sentence holding a folded offset, or -1 when it lies between sentences.
  int SentenceOf(uint32_t pos) const;
};

Sentences FindSentences(const Document& doc);

}  // namespace factlint

#endif  // FACTLINT_CORE_SENTENCES_H_
