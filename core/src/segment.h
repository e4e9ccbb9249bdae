// Segmentation: paragraphs, headings/datelines and sentences of a Document.
// Public entry point: factlint::Segment (factlint/factlint.h).

#ifndef FACTLINT_CORE_SEGMENT_H_
#define FACTLINT_CORE_SEGMENT_H_

#include <cstddef>
#include <vector>

#include "text.h"

namespace factlint {

enum class SegmentKind {
  kSentence,  // an ordinary sentence
  kHeading,   // a line without final punctuation standing alone (title, heading, subhead)
  kDateline,  // a heading-like line that is (or starts with) a date or place-and-date
  kListItem,  // a line of a list
};

struct Segment {
  size_t start = 0, end = 0;  // byte offsets into Document::text(), trimmed of outer whitespace
  size_t paragraph = 0;       // index of the paragraph (blank-line or line separated block)
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
