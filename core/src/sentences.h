// Stage 1 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): the document's
// sentences (segment.h) as folded ranges, with the time expressions of each (timex.h).
// Immutable once built; borrows nothing.

#ifndef FACTLINT_CORE_SENTENCES_H_
#define FACTLINT_CORE_SENTENCES_H_

#include <cstdint>
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
  std::vector<std::vector<TimeExpr>> times;   // per sentence, ordered by start

  size_t size() const { return segments.size(); }
  // The sentence holding a folded offset, or -1 when it lies between sentences.
  int SentenceOf(uint32_t pos) const;
};

Sentences FindSentences(const Document& doc);

}  // namespace factlint

#endif  // FACTLINT_CORE_SENTENCES_H_
