// Pass 1 of the segmenter (segment_lines.h): lines to blocks. Blank lines separate paragraphs,
// and so does a single newline (news text often has one paragraph per line): each line is a
// block of its own unless it is a broken line — it lacks final punctuation, the next line starts
// in lower case, and that chain of lower-case continuations ends with final punctuation — or the
// whole blank-line paragraph is hard-wrapped (lines of similar width, mostly without final
// punctuation). A block never spans a blank line. Linear in the text.

#include "segment_lines.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "segment_chars.h"
#include "segment_words.h"
#include "text.h"

namespace factlint {
namespace segment_internal {
namespace {

struct Line {
  uint32_t start = 0, end = 0;  // trimmed content
  bool after_blank = false;     // a blank line (or the start of the text) precedes it
  bool terminal = false;        // ends with final punctuation
  bool colon = false;           // ends with ':' (introduces what follows)
  bool starts_lower = false;    // starts with a lower-case letter
  bool marker = false;          // starts with a list marker
};

std::vector<Line> SplitLines(string_view t) {
  std::vector<Line> lines;
  size_t n = t.size();
  lines.reserve(n / 128 + 4);  // news: a paragraph (~200 bytes) and a blank line; grown past that
  size_t i = 0;
  bool after_blank = true;
  while (i < n) {
    const void* nl = std::memchr(t.data() + i, '\n', n - i);
    size_t le = nl ? static_cast<size_t>(static_cast<const char*>(nl) - t.data()) : n;
    size_t s = SkipSpaces(t, i, le);
    size_t e = TrimBack(t, s, le);
    if (s < e) {
      Line line;
      line.start = static_cast<uint32_t>(s);
      line.end = static_cast<uint32_t>(e);
      line.after_blank = after_blank;
      line.terminal = EndsWithTerminal(t, s, e);
      line.colon = t[e - 1] == ':';
      uint32_t cp;
      DecodeUtf8(t, s, &cp);
      line.starts_lower = CaseOf(cp) == Case::kLower;
      ListMarker m;
      line.marker = ParseMarker(t, s, e, &m);
      lines.push_back(line);
      after_blank = false;
    } else {
      after_blank = true;
    }
    i = le + 1;
  }
  return lines;
}

// Groups lines into blocks (see the file comment).
std::vector<Block> GroupLines(string_view t, const std::vector<Line>& lines) {
  size_t count = lines.size();
  // Both flag arrays in one allocation.
  std::vector<uint8_t> flags(2 * count, 0);
  // join[i]: line i continues line i-1 in the same block.
  uint8_t* const join = flags.data();
  // A broken line: chain_ok[i] when line i starts a lower-case chain that ends with final
  // punctuation (computed backwards, so linear).
  uint8_t* const chain_ok = flags.data() + count;
  for (size_t k = count; k-- > 0;) {
    const Line& l = lines[k];
    if (!l.starts_lower) continue;
    chain_ok[k] = l.terminal || l.colon || (k + 1 < count && !lines[k + 1].after_blank &&
                                 lines[k + 1].starts_lower && chain_ok[k + 1]);
  }
  for (size_t k = 1; k < count; ++k) {
    const Line& prev = lines[k - 1];
    if (!lines[k].after_blank && !prev.terminal && chain_ok[k] && !lines[k].marker) join[k] = 1;
  }
  // Hard-wrapped paragraphs: three or more lines of similar width (at most 100 bytes), most of
  // them without final punctuation, a third or more of them continued in lower case, and no
  // list markers.
  for (size_t a = 0; a < count;) {
    size_t b = a + 1;
    while (b < count && !lines[b].after_blank) ++b;
    size_t k_lines = b - a - 1;  // lines that are followed by another in the paragraph
    if (k_lines >= 2) {
      size_t widest = 0;
      bool markers = false;
      for (size_t k = a; k < b; ++k) {
        // Width from the line's start including indentation would be better; content is enough.
        widest = std::max<size_t>(widest, lines[k].end - lines[k].start);
        markers = markers || lines[k].marker;
      }
      size_t similar = 0, open = 0, lower = 0;
      for (size_t k = a; k + 1 < b; ++k) {
        size_t w = lines[k].end - lines[k].start;
        if (w * 4 >= widest * 3) ++similar;
        if (!lines[k].terminal) ++open;
        if (lines[k + 1].starts_lower) ++lower;  // prose wraps mid-sentence; headline lists don't
      }
      if (!markers && widest <= 100 && widest >= 30 && similar * 5 >= k_lines * 4 &&
          open * 2 >= k_lines && lower * 3 >= k_lines) {
        for (size_t k = a + 1; k < b; ++k) join[k] = 1;
      }
    }
    a = b;
  }
  std::vector<Block> blocks;
  blocks.reserve(count);
  for (size_t k = 0; k < count; ++k) {
    if (k > 0 && join[k]) {
      blocks.back().end = lines[k].end;
    } else {
      blocks.push_back(Block{lines[k].start, lines[k].end});
    }
  }
  (void)t;
  return blocks;
}

}  // namespace

std::vector<Block> SplitBlocks(string_view t) { return GroupLines(t, SplitLines(t)); }

}  // namespace segment_internal
}  // namespace factlint
