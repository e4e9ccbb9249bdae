// Segmentation: paragraphs, headings/datelines and sentences of a Document.
// Public entry point: factlint::Segment (factlint/factlint.h). Rules and figures:
// docs/SEGMENTATION.md.

#ifndef FACTLINT_CORE_SEGMENT_H_
#define FACTLINT_CORE_SEGMENT_H_

#include <cstddef>
#include <vector>

#include "text.h"

namespace factlint {

enum class SegmentKind {
  kSentence,  // an ordinary sentence
  kHeading,   // the end of a line, without final punctuation (title, heading, caption, credit)
  kDateline,  // a heading-like segment holding a date ("Monday, May 4, 2020"), or a date or
              // place run into the first sentence and cut off it ("Lyon, France -")
  kListItem,  // a segment that opens with a list marker ("1.", "b)", "(c)", "•")
};

struct Segment {
  size_t start = 0, end = 0;  // byte offsets into Document::text(), trimmed of outer whitespace
  size_t paragraph = 0;       // index of the block: one line, or several joined lines (a broken
                              // line, hard-wrapped prose); blank lines and single newlines both
                              // start a new block
  SegmentKind kind = SegmentKind::kSentence;
};

// factlint.h declares a function factlint::Segment(std::string_view), which hides this struct's
// name wherever both headers are included: there, name the type TextSegment (or `struct
// Segment`, or use auto).
using TextSegment = struct Segment;

// Every non-blank stretch of the text belongs to exactly one segment; segments are in order and
// do not overlap. Linear in the text size; never fails.
std::vector<TextSegment> SegmentDocument(const Document& doc);

}  // namespace factlint

#endif  // FACTLINT_CORE_SEGMENT_H_
