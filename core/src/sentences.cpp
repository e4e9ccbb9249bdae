// Stage 1: segments (segment.cpp) mapped to folded ranges, and each one's time expressions
// (timex.cpp), found once for every later stage. See sentences.h.

#include "sentences.h"

#include <algorithm>

namespace factlint {

int Sentences::SentenceOf(uint32_t pos) const {
  auto it = std::upper_bound(start.begin(), start.end(), pos);
  if (it == start.begin()) return -1;
  int s = static_cast<int>(it - start.begin()) - 1;
  return pos < end[static_cast<size_t>(s)] ? s : -1;
}

Sentences FindSentences(const Document& doc) {
  Sentences out;
  out.segments = SegmentDocument(doc);
  const size_t n = out.segments.size();
  out.spans.reserve(n);
  out.start.reserve(n);
  out.end.reserve(n);
  for (const TextSegment& s : out.segments) {
    out.spans.push_back(Span{s.start, s.end, doc.Utf16At(s.start), doc.Utf16At(s.end)});
    uint32_t fs = static_cast<uint32_t>(doc.OriginalToFolded(s.start));
    uint32_t fe = static_cast<uint32_t>(doc.OriginalToFolded(s.end));
    out.start.push_back(fs);
    out.end.push_back(std::max(fs, fe));
  }
  TimexTokens tokens;  // one buffer for every sentence's tokens
  out.time_from.reserve(n + 1);
  out.said_from.reserve(n + 1);
  out.digit_from.reserve(n + 1);
  out.said.reserve(n);  // about one speech word per sentence in news
  out.digit_words.reserve(n);
  const std::string_view folded = doc.folded();
  for (size_t i = 0; i < n; ++i) {
    out.time_from.push_back(static_cast<uint32_t>(out.times.size()));
    out.said_from.push_back(static_cast<uint32_t>(out.said.size()));
    out.digit_from.push_back(static_cast<uint32_t>(out.digit_words.size()));
    AppendTimeExpressions(folded, out.start[i], out.end[i], &tokens, &out.times);
    if (out.start[i] >= out.end[i]) continue;  // no words (and the tokens are another range's)
    for (const TimexToken& t : tokens) {
      const unsigned cls = t.cls & (kWordSpeech | kWordHeShe);
      if (cls != 0 && t.end - t.start <= 10) out.said.push_back(Sentences::SaidWord{t.start, cls});
    }
    // Every word that starts with a digit is among the tokens that can start a time expression.
    for (const uint32_t* k = tokens.starts_begin(); k != tokens.starts_end(); ++k) {
      const uint32_t at = tokens[*k].start;
      if (folded[at] >= '0' && folded[at] <= '9') out.digit_words.push_back(at);
    }
  }
  out.time_from.push_back(static_cast<uint32_t>(out.times.size()));
  out.said_from.push_back(static_cast<uint32_t>(out.said.size()));
  out.digit_from.push_back(static_cast<uint32_t>(out.digit_words.size()));
  return out;
}

}  // namespace factlint
