// Placeholder while the segmenter is written: one segment per non-blank line.
#include "segment.h"
namespace factlint {
std::vector<TextSegment> SegmentDocument(const Document& doc) {
  std::vector<TextSegment> out;
  std::string_view t = doc.text();
  size_t i = 0, para = 0;
  while (i < t.size()) {
    size_t e = t.find('\n', i);
    if (e == std::string_view::npos) e = t.size();
    size_t s = i, f = e;
    while (s < f && (t[s] == ' ' || t[s] == '\t' || t[s] == '\r')) ++s;
    while (f > s && (t[f - 1] == ' ' || t[f - 1] == '\t' || t[f - 1] == '\r')) --f;
    if (s < f) out.push_back({s, f, para++, SegmentKind::kSentence});
    i = e + 1;
  }
  return out;
}
}  // namespace factlint
