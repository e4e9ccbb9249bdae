// FoldedView: word-level reading of one Document's folded text (text.h), shared by every stage
// of a check (factlint/factlint.h; the stages: docs/ARCHITECTURE.md). All offsets are folded
// byte offsets; Orig() maps a folded range back to the original bytes. It borrows the Document,
// which must outlive it. Header-only: these are the inner loops of the mention finders.

#ifndef FACTLINT_CORE_FOLDED_VIEW_H_
#define FACTLINT_CORE_FOLDED_VIEW_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text.h"

namespace factlint {

// Where `needle` occurs in `hay`, every time (overlaps too), in order: what a loop of
// string_view::find from one past each hit gives. The search runs memchr on the needle's byte that
// is rarest in English text (for "election" its 'c': a first-byte search stops at every "e"),
// then compares the whole needle there.
inline std::vector<size_t> FindEach(std::string_view hay, std::string_view needle) {
  std::vector<size_t> out;
  const size_t n = hay.size(), m = needle.size();
  if (m == 0) {
    for (size_t at = 0; at <= n; ++at) out.push_back(at);
    return out;
  }
  if (m > n) return out;
  // Letters from the commonest in English text; any other byte counts as rarer than all of them.
  constexpr std::string_view kCommon = "etaoinshrdlcumwfgypbvkjxqz";
  size_t k = 0, rank = 0;
  for (size_t j = 0; j < m; ++j) {
    const size_t r = kCommon.find(needle[j]);
    const size_t here = r == std::string_view::npos ? kCommon.size() : r;
    if (j == 0 || here > rank) k = j, rank = here;
  }
  const char* base = hay.data();
  const char* const limit = base + (n - m + k + 1);  // one past the last place of needle[k]
  for (const char* q = base + k; q < limit; ++q) {
    q = static_cast<const char*>(std::memchr(q, needle[k], static_cast<size_t>(limit - q)));
    if (q == nullptr) break;
    const size_t at = static_cast<size_t>(q - base) - k;
    if (std::memcmp(base + at, needle.data(), m) == 0) out.push_back(at);
  }
  return out;
}

// True when w is one of list. Length and first byte before the full comparison: most words are
// in no list, and this runs for every word of every sentence.
inline bool IsIn(std::string_view w, std::initializer_list<std::string_view> list) {
  if (w.empty()) {
    for (auto x : list)
      if (x.empty()) return true;
    return false;
  }
  for (auto x : list)
    if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
  return false;
}

class FoldedView {
 public:
  explicit FoldedView(const Document& doc) : doc_(doc), f_(doc.folded()) {}

  const Document& doc() const { return doc_; }
  std::string_view text() const { return f_; }
  uint32_t size() const { return static_cast<uint32_t>(f_.size()); }
  char operator[](uint32_t i) const { return f_[i]; }

  bool Space(uint32_t i) const { return f_[i] == ' ' || f_[i] == '\t'; }
  bool WordByte(uint32_t i) const { return IsWordByte(static_cast<unsigned char>(f_[i])); }
  uint32_t SkipSpacesBack(uint32_t pos, uint32_t lo) const {
    while (pos > lo && Space(pos - 1)) --pos;
    return pos;
  }
  uint32_t SkipSpacesFwd(uint32_t pos, uint32_t hi) const {
    while (pos < hi && Space(pos)) ++pos;
    return pos;
  }
  // The word ending at pos (after skipping spaces back); [s, e), s == e when there is none.
  std::pair<uint32_t, uint32_t> WordBefore(uint32_t pos, uint32_t lo) const {
    uint32_t e = SkipSpacesBack(pos, lo);
    uint32_t s = e;
    while (s > lo && WordByte(s - 1)) --s;
    return {s, e};
  }
  std::pair<uint32_t, uint32_t> WordAfter(uint32_t pos, uint32_t hi) const {
    uint32_t s = SkipSpacesFwd(pos, hi);
    uint32_t e = s;
    while (e < hi && WordByte(e)) ++e;
    return {s, e};
  }
  std::string_view F(uint32_t s, uint32_t e) const { return f_.substr(s, e - s); }
  // True when no word stands between the sentence start lo and s.
  bool FirstWord(uint32_t s, uint32_t lo) const {
    while (s > lo && !WordByte(s - 1)) --s;
    return s == lo;
  }
  // True when the original character at a folded offset is a capital, a digit or non-ASCII.
  bool UpperAt(uint32_t folded_pos) const {
    size_t o = doc_.FoldedToOriginal(folded_pos);
    if (o >= doc_.size()) return false;
    unsigned char c = static_cast<unsigned char>(doc_.text()[o]);
    return (c >= 'A' && c <= 'Z') || c >= 0x80 || (c >= '0' && c <= '9');
  }
  // The original bytes of a folded range.
  // The words of [lo, hi) that begin with `stem` ("election": "election", "elections",
  // "electioneering"), in order: found by a substring search, then held to word bounds (the same
  // words a scan of every word would find). Allocates only when there is one.
  std::vector<std::pair<uint32_t, uint32_t>> WordsStartingWith(uint32_t lo, uint32_t hi, std::string_view stem) const {
    std::vector<std::pair<uint32_t, uint32_t>> words;
    const std::string_view span = F(lo, hi);
    for (const size_t at : FindEach(span, stem)) {
      const uint32_t i = lo + static_cast<uint32_t>(at);
      if (i > lo && WordByte(i - 1)) continue;
      uint32_t e = i;
      while (e < hi && WordByte(e)) ++e;
      words.emplace_back(i, e);
    }
    return words;
  }
  std::string Orig(uint32_t fs, uint32_t fe) const {
    size_t s = doc_.FoldedToOriginal(fs), e = doc_.FoldedToOriginal(fe);
    return std::string(doc_.text().substr(s, e > s ? e - s : 0));
  }
  int LineOf(uint32_t pos) const {
    int line = 0, col = 0;
    doc_.LineColumn(doc_.FoldedToOriginal(pos), &line, &col);
    return line;
  }

 private:
  const Document& doc_;
  std::string_view f_;
};

}  // namespace factlint

#endif  // FACTLINT_CORE_FOLDED_VIEW_H_
