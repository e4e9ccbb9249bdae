// The segmenter's alphabet (segment.cpp and its parts): spaces, letter case, dashes, quotes and
// brackets, terminal marks, in UTF-8, each a test at a byte position. Inline: the scanner runs
// them on nearly every byte of the text.

#ifndef FACTLINT_CORE_SEGMENT_CHARS_H_
#define FACTLINT_CORE_SEGMENT_CHARS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace factlint {
namespace segment_internal {

using std::string_view;

constexpr size_t kMaxWord = 40;  // longest word examined around a boundary, in bytes

// 1 for the ASCII whitespace bytes (space, tab, newline, carriage return, form feed, vertical tab).
inline constexpr std::array<uint8_t, 256> kAsciiSpace = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = 1;
  return t;
}();

// Length in bytes of the whitespace character at i (ASCII whitespace, no-break and other Unicode
// spaces, zero-width space, BOM), 0 if there is none.
inline size_t SpaceAt(string_view t, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  size_t n = t.size();
  unsigned char c = p[i];
  if (c < 0xC2) return kAsciiSpace[c];
  if (c == 0xC2) return (i + 1 < n && p[i + 1] == 0xA0) ? 2 : 0;
  if (i + 2 >= n) return 0;
  if (c == 0xE2) {
    if (p[i + 1] == 0x80 && ((p[i + 2] >= 0x80 && p[i + 2] <= 0x8B) || p[i + 2] == 0xA8 ||
                             p[i + 2] == 0xA9 || p[i + 2] == 0xAF)) {
      return 3;  // U+2000..U+200B, line/paragraph separators, U+202F
    }
    if (p[i + 1] == 0x81 && (p[i + 2] == 0x9F || p[i + 2] == 0xA0)) return 3;  // U+205F, U+2060
  }
  if (c == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) return 3;  // ideographic space
  if (c == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) return 3;  // BOM
  return 0;
}

// Length of the whitespace character that ends just before e (> from), 0 if none.
inline size_t SpaceBefore(string_view t, size_t e, size_t from) {
  // Every space of two or three bytes ends with a byte >= 0x80: before an ASCII byte, only that
  // byte can be one.
  if (e <= from) return 0;
  const auto last = static_cast<unsigned char>(t[e - 1]);
  if (last < 0x80) return kAsciiSpace[last];
  for (size_t len = 1; len <= 3 && len <= e - from; ++len) {
    if (SpaceAt(t, e - len) == len) return len;
  }
  return 0;
}

inline size_t SkipSpaces(string_view t, size_t i, size_t end) {
  while (i < end) {
    size_t len = SpaceAt(t, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

inline size_t TrimBack(string_view t, size_t from, size_t e) {
  while (e > from) {
    size_t len = SpaceBefore(t, e, from);
    if (len == 0) break;
    e -= len;
  }
  return e;
}

enum class Case { kNone, kUpper, kLower };

inline Case CaseOf(uint32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return Case::kUpper;
    if (cp >= 'a' && cp <= 'z') return Case::kLower;
    return Case::kNone;
  }
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return Case::kUpper;
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return Case::kLower;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130 || cp == 0x178) return Case::kUpper;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return Case::kLower;
    bool odd = cp & 1;
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return odd == odd_upper ? Case::kUpper : Case::kLower;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return Case::kUpper;
  if (cp >= 0x3AC && cp <= 0x3CE) return Case::kLower;
  if (cp >= 0x400 && cp <= 0x42F) return Case::kUpper;
  if (cp >= 0x430 && cp <= 0x45F) return Case::kLower;
  return Case::kNone;
}

inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
// c | 0x20 lowers an ASCII capital and maps no other byte into 'a'..'z'.
inline bool IsAsciiAlpha(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// A hyphen-minus, en dash or em dash at i.
inline bool DashAt(string_view t, size_t i) {
  if (t[i] == '-') return true;
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) == 0x93 ||
          static_cast<unsigned char>(t[i + 2]) == 0x94);
}

// Closing quotes and brackets that may follow a terminal mark; returns their length at i or 0.
inline size_t CloserAt(string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBB) return 2;  // »
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if (c2 == 0x99 || c2 == 0x9D || c2 == 0xBA) return 3;  // ’ ” ›
  }
  return 0;
}

// Opening quotes and brackets that may precede a sentence's first word.
inline size_t OpenerAt(string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '`') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xAB) return 2;  // «
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if (c2 == 0x98 || c2 == 0x9C || c2 == 0x9E || c2 == 0xB9) return 3;  // ‘ “ „ ‹
  }
  return 0;
}

// Terminal marks: 1 = '.', 2 = '!' or '?', 3 = '…', 4 = CJK full stop / full-width ! ?.
inline int TerminalAt(string_view t, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  *len = 1;
  if (c == '.') return 1;
  if (c == '!' || c == '?') return 2;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0xA6) {
    *len = 3;
    return 3;
  }
  if (i + 2 < t.size()) {
    unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if ((c == 0xE3 && c1 == 0x80 && c2 == 0x82) ||                      // 。
        (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x8E || c2 == 0x9F))) {  // ！ ． ？
      *len = 3;
      return 4;
    }
  }
  return 0;
}

// True when [s, e) ends with final punctuation, possibly followed by closing quotes/brackets.
inline bool EndsWithTerminal(string_view t, size_t s, size_t e) {
  size_t i = e;
  for (int guard = 0; i > s && guard < 8; ++guard) {
    // Step back over one closer.
    size_t step = 0;
    for (size_t len = 1; len <= 3 && len <= i - s; ++len) {
      if (CloserAt(t, i - len) == len) {
        step = len;
        break;
      }
    }
    if (step == 0) break;
    i -= step;
  }
  for (size_t len = 1; len <= 3 && len <= i - s; ++len) {
    size_t l;
    if (TerminalAt(t, i - len, &l) != 0 && l == len) return true;
  }
  return false;
}

}  // namespace segment_internal
}  // namespace factlint

#endif  // FACTLINT_CORE_SEGMENT_CHARS_H_
