// Segmentation: paragraphs, headings/datelines and sentences of a Document.
// Public entry point: factlint::Segment (factlint/factlint.h). Rules and figures:
// docs/SEGMENTATION.md.

#ifndef FACTLINT_CORE_SEGMENT_H_
#define FACTLINT_CORE_SEGMENT_H_

#include <cstddef>
#include <string_view>
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
  // The segment is a whole block at whose head the segmenter found no dateline: MatchDatelineHead
  // (dateline.h) of exactly [start, end) is 0, so FindDatelineDate need not ask again.
  bool no_dateline_head = false;
};

// factlint.h declares a function factlint::Segment(std::string_view), which hides this struct's
// name wherever both headers are included: there, name the type TextSegment (or `struct
// Segment`, or use auto).
using TextSegment = struct Segment;

// Every non-blank stretch of the text belongs to exactly one segment; segments are in order and
// do not overlap. Linear in the text size; never fails.
std::vector<TextSegment> SegmentDocument(const Document& doc);

// The segments of one block of text[start, end) (segment_lines.h: SplitBlocks), appended to *out
// with the given paragraph index. SegmentDocument is SplitBlocks, then this for each block. What it
// finds depends only on the block's own bytes (every look-around stops at the block's ends), so
// IncrementalChecker (incremental.cpp) reuses a block's segments wherever the same bytes recur.
void SegmentBlock(std::string_view text, size_t start, size_t end, size_t paragraph, std::vector<TextSegment>* out);

}  // namespace factlint

#endif  // FACTLINT_CORE_SEGMENT_H_
