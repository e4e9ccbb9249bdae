// factlint::Segment (factlint/factlint.h): the segmenter's sentences as public Spans, with
// UTF-16 offsets for JavaScript.

#include "factlint/factlint.h"
#include "segment.h"
#include "text.h"

namespace factlint {

std::vector<Span> Segment(std::string_view text) {
  Document doc(text);
  std::vector<TextSegment> segments = SegmentDocument(doc);
  std::vector<Span> spans;
  spans.reserve(segments.size());
  for (const TextSegment& s : segments) {
    spans.push_back(Span{s.start, s.end, doc.Utf16At(s.start), doc.Utf16At(s.end)});
  }
  return spans;
}

}  // namespace factlint
