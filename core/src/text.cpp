// The text model: decodes the article's UTF-8 once and builds, in the same single pass, the
// folded view (lower case, plain quotes/dashes/spaces, Latin diacritics removed), the line starts
// and the runs of non-ASCII characters from which the byte -> UTF-16 map, the map from folded
// back to original bytes and the character counts are computed (text.h: ASCII maps one to one).
//
// Decoding is strict (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Each
// byte that does not begin a well-formed sequence is one U+FFFD of its own — one UTF-16 unit, and
// EF BF BD in the folded view — so offsets never shift and nothing can make the pass fail. Folding a
// character writes at most four bytes into a fixed buffer: no allocation per character. Fold() runs
// the same per-character folding for standalone strings (KB aliases, lexicon phrases).

#include "text.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace factlint {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Decodes the character starting at p[0] (n > 0 bytes available). Returns its length in bytes
// (1..4); an invalid byte gives length 1 and U+FFFD.
inline size_t Decode(const unsigned char* p, size_t n, uint32_t* cp) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  auto cont = [&](size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (cont(1)) {
      *cp = ((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu);
      return 2;
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (n > 1) {
      unsigned char b1 = p[1];
      bool ok1 = b0 == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF)
                 : b0 == 0xED ? (b1 >= 0x80 && b1 <= 0x9F)
                              : (b1 & 0xC0) == 0x80;
      if (ok1 && cont(2)) {
        *cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
      }
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (n > 1) {
      unsigned char b1 = p[1];
      bool ok1 = b0 == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF)
                 : b0 == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F)
                              : (b1 & 0xC0) == 0x80;
      if (ok1 && cont(2) && cont(3)) {
        *cp = ((b0 & 0x07u) << 18) | ((b1 & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
        return 4;
      }
    }
  }
  *cp = kReplacement;
  return 1;
}

inline int Encode(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower case,
// diacritics removed. nullptr: the character is not a letter to fold (× and ÷).
constexpr const char* kLatinBase[0x180 - 0xC0] = {
    // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

// Folds one non-ASCII code point into out (room for 4 bytes); returns the number of bytes
// written, 0 when the character is dropped.
inline int FoldNonAscii(uint32_t cp, char* out) {
  if (cp >= 0xC0 && cp < 0x180) {
    if (const char* base = kLatinBase[cp - 0xC0]) {
      int n = 0;
      while (base[n] != '\0') {
        out[n] = base[n];
        ++n;
      }
      return n;
    }
    return Encode(cp, out);
  }
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x202F:  // narrow no-break space
    case 0x205F:  // medium mathematical space
      out[0] = ' ';
      return 1;
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero-width no-break space (BOM)
      return 0;
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′
      out[0] = '\'';
      return 1;
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x2033:  // ″
      out[0] = '"';
      return 1;
    case 0x2212:  // minus sign
      out[0] = '-';
      return 1;
    case 0x0218:  // Ș (comma below, Romanian)
    case 0x0219:
      out[0] = 's';
      return 1;
    case 0x021A:  // Ț
    case 0x021B:
      out[0] = 't';
      return 1;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) {  // en quad .. hair space
    out[0] = ' ';
    return 1;
  }
  if (cp >= 0x2010 && cp <= 0x2015) {  // hyphen, non-breaking hyphen, figure dash, en, em, bar
    out[0] = '-';
    return 1;
  }
  if (cp >= 0x0300 && cp <= 0x036F) return 0;  // combining diacritics (decomposed accents)
  // Lower case for the other bicameral scripts a news text may quote names in.
  if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) return Encode(cp + 0x20, out);  // Greek
  if (cp >= 0x0410 && cp <= 0x042F) return Encode(cp + 0x20, out);                  // Cyrillic
  if (cp >= 0x0400 && cp <= 0x040F) return Encode(cp + 0x50, out);
  return Encode(cp, out);
}

inline char LowerAscii(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

// A run of ASCII bytes p[i..] before run_end: one folded byte per byte (its UTF-16 unit and its
// map back follow from the offsets, text.h); line starts appended. Returns where the run stops
// (run_end or the first non-ASCII byte). Eight bytes at a time while they hold no byte >= 0x80 and
// none below 0x0E (line breaks: those eight go byte by byte): capitals lowered with word
// arithmetic (each byte is below 0x80, so adding a constant below 0x80 carries into no other
// byte). A function of its own, with restrict pointers, so its loop keeps everything in registers.
__attribute__((noinline)) size_t AsciiRun(const unsigned char* __restrict p, size_t i, size_t run_end, size_t n,
                                          char* __restrict fold, std::vector<uint32_t>* line_starts) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (true) {
    while (i + 8 <= run_end) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & kHigh) != 0 || ((w - 0x0E * kOnes) & ~w & kHigh) != 0) break;
      const uint64_t capital = (w + (0x80 - 'A') * kOnes) & ~(w + (0x80 - 'Z' - 1) * kOnes) & kHigh;
      w |= capital >> 2;  // + 0x20 where 'A' <= byte <= 'Z'
      std::memcpy(fold, &w, 8);
      i += 8;
      fold += 8;
    }
    const size_t stop = std::min(run_end, i + 8);
    for (; i < stop; ++i) {
      const unsigned char c = p[i];
      if (c >= 0x80) return i;
      *fold++ = LowerAscii(c);
      if (c <= '\r' && (c == '\n' || (c == '\r' && (i + 1 == n || p[i + 1] != '\n'))))
        line_starts->push_back(static_cast<uint32_t>(i + 1));
    }
    if (i >= run_end) return i;
  }
}

}  // namespace

Document::Document(std::string_view utf8) : text_(utf8) {
  const size_t n = text_.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  // The folded view is written through a raw pointer into a buffer sized for the common case (it
  // is never longer than the text unless invalid bytes become U+FFFD), grown when a character
  // needs more; the string is cut to size at the end.
  size_t cap = n + 16;
  folded_.resize(cap);
  char* fold = folded_.data();
  size_t fo = 0;
  line_starts_.reserve(n / 64 + 2);  // news lines are a paragraph each (~200 bytes); grown past that
  line_starts_.push_back(0);
  auto grow = [&](size_t needed) {  // capacity for `needed` folded bytes
    if (needed <= cap) return;
    cap = std::max(needed, cap * 2 + 4);
    folded_.resize(cap);
    fold = folded_.data();
  };

  uint32_t unit = 0, chars = 0;
  size_t i = 0;
  char buf[4];
  while (i < n) {
    // A run of ASCII: one UTF-16 unit, one character and one folded byte per byte. The folded view
    // may already be longer than the text (U+FFFD for invalid bytes), so make room for it first.
    grow(fo + (n - i));
    const size_t i0 = i;
    i = AsciiRun(p, i, n, n, fold + fo, &line_starts_);
    const size_t run = i - i0;
    unit += static_cast<uint32_t>(run);
    chars += static_cast<uint32_t>(run);
    fo += run;
    if (i >= n) break;
    uint32_t cp;
    const size_t len = Decode(p + i, n - i, &cp);
    const int m = FoldNonAscii(cp, buf);
    const uint8_t units = cp >= 0x10000 ? 2 : 1;
    Run* last = runs_.empty() ? nullptr : &runs_.back();
    if (last != nullptr && last->len == len && last->fold_len == m && last->unit_len == units &&
        last->orig + last->count * last->len == i && last->folded + last->count * last->fold_len == fo) {
      ++last->count;
    } else {
      runs_.push_back(Run{static_cast<uint32_t>(i), static_cast<uint32_t>(fo), unit, chars, 1,
                          static_cast<uint8_t>(len), static_cast<uint8_t>(m), units});
    }
    unit += units;
    ++chars;
    grow(fo + static_cast<size_t>(m));
    for (int k = 0; k < m; ++k) fold[fo++] = buf[k];
    i += len;
  }
  folded_.resize(fo);
}

const Document::Run* Document::RunAtOrBeforeByte(size_t byte_offset) const {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), byte_offset,
                             [](size_t pos, const Run& r) { return pos < r.orig; });
  return it == runs_.begin() ? nullptr : &*(it - 1);
}

const Document::Run* Document::RunAtOrBeforeFolded(size_t folded_offset) const {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), folded_offset,
                             [](size_t pos, const Run& r) { return pos < r.folded; });
  return it == runs_.begin() ? nullptr : &*(it - 1);
}

// Characters that start before byte_offset (<= size()).
size_t Document::CharsBefore(size_t byte_offset) const {
  const Run* r = RunAtOrBeforeByte(byte_offset);
  if (r == nullptr) return byte_offset;
  const size_t off = byte_offset - r->orig, span = static_cast<size_t>(r->count) * r->len;
  if (off < span) return r->chars + off / r->len + (off % r->len != 0 ? 1 : 0);
  return r->chars + r->count + (off - span);
}

size_t Document::Utf16At(size_t byte_offset) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  const Run* r = RunAtOrBeforeByte(byte_offset);
  if (r == nullptr) return byte_offset;
  const size_t off = byte_offset - r->orig, span = static_cast<size_t>(r->count) * r->len;
  if (off < span) return r->units + off / r->len * r->unit_len;  // inside a character: its start
  return r->units + static_cast<size_t>(r->count) * r->unit_len + (off - span);
}

size_t Document::FoldedToOriginal(size_t folded_offset) const {
  if (folded_offset >= folded_.size()) return text_.size();
  const Run* r = RunAtOrBeforeFolded(folded_offset);
  if (r == nullptr) return folded_offset;
  const size_t off = folded_offset - r->folded, span = static_cast<size_t>(r->count) * r->fold_len;
  if (off < span) return r->orig + off / r->fold_len * r->len;  // a character's folded bytes: its start
  return r->orig + static_cast<size_t>(r->count) * r->len + (off - span);
}

size_t Document::OriginalToFolded(size_t byte_offset) const {
  if (byte_offset >= text_.size()) return folded_.size();
  // The first folded byte whose source starts at or after it.
  const Run* r = RunAtOrBeforeByte(byte_offset);
  if (r == nullptr) return byte_offset;
  const size_t off = byte_offset - r->orig, span = static_cast<size_t>(r->count) * r->len;
  if (off < span) return r->folded + (off / r->len + (off % r->len != 0 ? 1 : 0)) * r->fold_len;
  return r->folded + static_cast<size_t>(r->count) * r->fold_len + (off - span);
}

void Document::LineColumn(size_t byte_offset, int* line, int* column) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                             static_cast<uint32_t>(byte_offset));
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  size_t start = line_starts_[index];
  size_t col = CharsBefore(byte_offset) - CharsBefore(start) + 1;
  *line = static_cast<int>(index + 1);
  *column = static_cast<int>(col);
}

size_t DecodeUtf8(std::string_view text, size_t i, uint32_t* cp) {
  return Decode(reinterpret_cast<const unsigned char*>(text.data()) + i, text.size() - i, cp);
}

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  char buf[4];
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(LowerAscii(p[i]));
      ++i;
      continue;
    }
    uint32_t cp;
    size_t len = Decode(p + i, n - i, &cp);
    int m = FoldNonAscii(cp, buf);
    out.append(buf, static_cast<size_t>(m));
    i += len;
  }
  return out;
}

// Each byte's low seven bits against '0' and '9' (adding a constant of at most 0x80 to a value
// below 0x80 carries into no other byte), bytes >= 0x80 left out.
static_assert(std::endian::native == std::endian::little, "FindDigit reads byte k of eight at bits 8k..8k+7");
__attribute__((noinline)) size_t FindDigit(const unsigned char* p, size_t i, size_t end) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= end; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    const uint64_t v = w & ~kHigh;
    const uint64_t digit = (v + (0x80 - '0') * kOnes) & ~(v + (0x7F - '9') * kOnes) & ~w & kHigh;
    if (digit != 0) return i + static_cast<size_t>(__builtin_ctzll(digit) >> 3);
  }
  for (; i < end; ++i)
    if (p[i] >= '0' && p[i] <= '9') return i;
  return end;
}

}  // namespace factlint
