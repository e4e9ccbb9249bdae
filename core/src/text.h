// The text model: one article as UTF-8 bytes, with the maps every later stage needs.
// See factlint/factlint.h for the offset contract.
//
// - Byte <-> UTF-16 offsets: Utf16At(byte) for any byte offset in [0, size] (an offset inside a
//   character gives the character's start; beyond the end gives the total). Invalid UTF-8 bytes
//   each count as one U+FFFD (one UTF-16 unit); a 4-byte sequence counts two units. Decoding is
//   strict (no overlong forms, surrogates or code points above U+10FFFF).
// - Cost: one pass over the text, no allocation per character. The maps are runs, not arrays per
//   byte: ASCII maps one to one (byte i is UTF-16 unit i + a shift, folded byte i + a shift), so
//   only the non-ASCII characters are recorded, consecutive ones alike in their lengths as one run
//   (an ASCII text has none: its maps take no memory; a Cyrillic word is one run). A look-up is
//   O(1) for ASCII text and a binary search over the runs otherwise. A document holds the text,
//   its folded copy, the line starts and the runs: about 2 bytes per byte for an ASCII text (10
//   before the maps were runs: fresh memory for every check of a large document, page-faulted in).
// - The folded view: a lower-cased, normalised copy for matching — curly quotes and apostrophes
//   become ' and ", dashes (en, em, minus, hyphen variants) become -, no-break and other Unicode
//   spaces become ' ', common Latin diacritics are removed (é -> e, ö -> o, ł -> l, ß -> ss),
//   letters are lower-cased (ASCII and Latin-1/Latin Extended-A). FoldedToOriginal(i) maps any
//   folded byte offset in [0, folded().size()] back to the byte offset in the original where the
//   character it came from starts (and folded().size() maps to size()).
// Fold(text) gives the same folding for a standalone string (KB aliases, lexicon phrases), so
// patterns and text are folded the same way.

#ifndef FACTLINT_CORE_TEXT_H_
#define FACTLINT_CORE_TEXT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

class Document {
 public:
  explicit Document(std::string_view utf8);  // copies the text

  std::string_view text() const { return text_; }
  size_t size() const { return text_.size(); }

  size_t Utf16At(size_t byte_offset) const;  // byte offset -> UTF-16 code-unit offset
  std::string_view folded() const { return folded_; }
  size_t FoldedToOriginal(size_t folded_offset) const;
  size_t OriginalToFolded(size_t byte_offset) const;  // first folded byte at or after it

  // 1-based line and column (column counted in characters: code points, and one per invalid
  // byte) of a byte offset. O(log n) whatever the line length.
  void LineColumn(size_t byte_offset, int* line, int* column) const;

 private:
  // Consecutive non-ASCII characters (or invalid bytes) alike in byte length, folded length and
  // UTF-16 length; everything between two runs is ASCII, one byte, one folded byte and one unit
  // per character.
  struct Run {
    uint32_t orig;     // byte offset of its first character
    uint32_t folded;   // folded offset of its first character's folded bytes
    uint32_t units;    // UTF-16 units before it
    uint32_t chars;    // characters before it
    uint32_t count;    // characters in it
    uint8_t len;       // bytes per character (1..4)
    uint8_t fold_len;  // folded bytes per character (0..4)
    uint8_t unit_len;  // UTF-16 units per character (1..2)
  };
  const Run* RunAtOrBeforeByte(size_t byte_offset) const;      // the last run starting at or before it
  const Run* RunAtOrBeforeFolded(size_t folded_offset) const;  // nullptr when none
  size_t CharsBefore(size_t byte_offset) const;

  std::string text_;
  std::string folded_;
  std::vector<Run> runs_;  // by orig (and by folded: both increase along the text)
  std::vector<uint32_t> line_starts_;
};

// The folding of Document::folded() for a standalone string.
std::string Fold(std::string_view utf8);

// Decodes the character that starts at byte i < text.size(): stores its code point in *cp and
// returns its length in bytes (1..4). A byte that does not start a well-formed sequence gives
// U+FFFD and length 1 — the same decoding the Document's maps use.
size_t DecodeUtf8(std::string_view text, size_t i, uint32_t* cp);

// True for the ASCII letters/digits and any byte >= 0x80 of the folded view: the characters that
// make a word, for word-boundary tests on folded text.
// A table: this runs for every byte in most stages.
inline constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  return t;
}();
inline bool IsWordByte(unsigned char c) { return kWordBytes[c]; }

// The position of the first ASCII digit in p[i, end), or end; eight bytes at a time (for scans
// where digits are rare: the people's claims look for ages, ordinals and numbered terms).
size_t FindDigit(const unsigned char* p, size_t i, size_t end);

}  // namespace factlint

#endif  // FACTLINT_CORE_TEXT_H_
