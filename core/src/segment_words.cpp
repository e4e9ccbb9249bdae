// The segmenter's look around one position (segment_words.h): the word before a period and the
// word after a boundary candidate, word classes from the lexicon, list markers, and the dates
// that make a heading a dateline. Each reads a bounded number of bytes.

#include "segment_words.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "lexicon.h"
#include "segment_chars.h"
#include "text.h"

namespace factlint {
namespace segment_internal {
namespace {

// The lower-case form of a word written as a heading or sentence writes a name: "January" ->
// "january" (capitalised), and with all_caps also "JAN" -> "jan"; empty for any other shape
// ("january", "jAN") or a word too long to be a month or weekday.
std::string_view Named(string_view w, bool all_caps, char (&buf)[12]) {
  if (w.empty() || w.size() > sizeof buf || !IsAsciiUpper(static_cast<unsigned char>(w[0]))) {
    return {};
  }
  bool lower = true, upper = true;
  for (size_t i = 1; i < w.size(); ++i) {
    lower = lower && IsAsciiLower(static_cast<unsigned char>(w[i]));
    upper = upper && IsAsciiUpper(static_cast<unsigned char>(w[i]));
  }
  if (!lower && !(all_caps && upper)) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    buf[i] = IsAsciiUpper(static_cast<unsigned char>(w[i])) ? static_cast<char>(w[i] + 32) : w[i];
  }
  return string_view(buf, w.size());
}

// The ASCII letters at the start of s.
string_view LeadingLetters(string_view s) {
  size_t n = 0;
  while (n < s.size() && n <= 12 && IsAsciiAlpha(static_cast<unsigned char>(s[n]))) ++n;
  return s.substr(0, n);
}

// s starts with a weekday name as written ("Monday"), not followed by a letter.
bool StartsWithWeekday(string_view s) {
  char buf[12];
  return IsWeekday(Named(LeadingLetters(s), false, buf));
}

// s starts with a month name as written ("January"; with allow_abbrev also "Jan", "Sept"), not
// followed by a letter.
bool IsMonthName(string_view s, bool allow_abbrev) {
  char buf[12];
  string_view w = Named(LeadingLetters(s), false, buf);
  return IsFullMonthName(w) || (allow_abbrev && IsShortMonthName(w));
}

}  // namespace

// --- word classes ------------------------------------------------------------------------------

bool IsMonthAbbreviation(string_view w) {
  char buf[12];
  return IsShortMonthName(Named(w, true, buf));
}

bool IsConditional(string_view w) { return IsConditionalAbbreviation(w) || IsMonthAbbreviation(w); }

// --- the word before a period and the word after a boundary candidate ---------------------------

// The word that ends at e (exclusive; e is the position of the period): back to whitespace or
// an opening bracket/quote, at most kMaxWord bytes. *truncated when the token is longer.
string_view WordBefore(string_view t, size_t from, size_t e, bool* truncated, size_t* word_start) {
  size_t s = e;
  *truncated = false;
  while (s > from) {
    if (e - s >= kMaxWord) {
      *truncated = true;
      break;
    }
    if (SpaceBefore(t, s, from) != 0) break;
    unsigned char c = static_cast<unsigned char>(t[s - 1]);
    if (c == '(' || c == '[' || c == '{' || c == '"' || c == '/') break;
    // An opening curly quote ends the word too.
    if (s - from >= 3 && static_cast<unsigned char>(t[s - 3]) == 0xE2 &&
        static_cast<unsigned char>(t[s - 2]) == 0x80) {
      unsigned char c2 = static_cast<unsigned char>(t[s - 1]);
      if (c2 == 0x9C || c2 == 0x98 || c2 == 0x9E) break;
    }
    --s;
  }
  *word_start = s;
  string_view w = t.substr(s, e - s);
  // A leading apostrophe or backtick belongs to quoting, not to the word.
  while (!w.empty() && (w.front() == '\'' || w.front() == '`')) {
    w.remove_prefix(1);
    ++*word_start;
  }
  return w;
}

NextWord WordAfter(string_view t, size_t i, size_t end) {
  NextWord next;
  bool paren = false;
  for (int k = 0; k < 4 && i < end; ++k) {  // skip a few opening quotes/brackets
    size_t len = OpenerAt(t, i);
    if (len == 0) break;
    paren = paren || t[i] == '(' || t[i] == '[';
    next.opened = true;
    i += len;
  }
  if (i >= end) return next;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (IsDigit(c)) {
    next.digit = true;
    return next;
  }
  uint32_t cp = c;  // an ASCII byte is its code point (most words), without the decoder's call
  const size_t len = c < 0x80 ? 1 : DecodeUtf8(t, i, &cp);
  next.first = CaseOf(cp);
  size_t j = i;
  while (j < end && j - i < kMaxWord && IsAsciiAlpha(static_cast<unsigned char>(t[j]))) ++j;
  next.word = t.substr(i, j - i);
  if (next.first == Case::kLower) {
    for (size_t k = i + 1; k < j; ++k) {
      if (IsAsciiUpper(static_cast<unsigned char>(t[k]))) next.first = Case::kUpper;
    }
    string_view rest = t.substr(i, std::min<size_t>(end - i, 4));
    if (paren && (rest == "http" || rest == "www.")) next.first = Case::kUpper;
  }
  next.initial = next.first == Case::kUpper && i + len < end && t[i + len] == '.' &&
                 (i + len + 1 >= end || SpaceAt(t, i + len + 1) != 0 ||
                  IsAsciiUpper(static_cast<unsigned char>(t[i + len + 1])));
  next.credit = j < end && t[j] == ':' && IsCreditLabel(next.word);
  return next;
}

// After an abbreviation that may end a sentence, does the next word open a new one?
bool Starter(const NextWord& next) { return IsSentenceStarter(next.word) || next.credit; }

// True for a word of single letters joined by periods, the final period excluded: "U.S", "a.m",
// "e.g", "U.S.A", "Ph.D".
bool IsMultiPeriod(string_view w) {
  if (w.size() < 3) return false;
  bool has_period = false;
  size_t letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == '.') {
      if (letters == 0 || letters > 2) return false;
      has_period = true;
      letters = 0;
    } else if (IsAsciiAlpha(c)) {
      ++letters;
    } else {
      return false;
    }
  }
  return has_period && letters >= 1 && letters <= 2;
}

// A single capital letter (ASCII or Latin): an initial, or the pronoun I.
bool IsSingleCapital(string_view w) {
  if (w.size() == 1) return IsAsciiUpper(static_cast<unsigned char>(w[0]));
  if (w.size() == 2 && static_cast<unsigned char>(w[0]) >= 0xC2) {
    uint32_t cp;
    return DecodeUtf8(w, 0, &cp) == 2 && CaseOf(cp) == Case::kUpper;
  }
  return false;
}
// --- list markers ------------------------------------------------------------------------------

// Bullets that mark list items (not '-', which is too common inside sentences).
size_t BulletAt(string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '*') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xB7) return 2;  // ·
  if (c == 0xE2 && i + 2 < t.size()) {
    unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if (c1 == 0x80 && (c2 == 0xA2 || c2 == 0xA3)) return 3;  // • ‣
    if (c1 == 0x81 && c2 == 0x83) return 3;                   // ⁃
    if (c1 == 0x96 && (c2 == 0xAA || c2 == 0xB8)) return 3;   // ▪ ▸
    if (c1 == 0x97 && (c2 == 0xA6 || c2 == 0x8F)) return 3;   // ◦ ●
  }
  return 0;
}

// Parses a list marker at i: [bullet [space]] [number|letter] [. | ) | .)], followed by a space.
// A bare bullet counts; a bare number or letter needs a suffix; a capital letter needs ")".
bool ParseMarker(string_view t, size_t i, size_t end, ListMarker* m) {
  *m = ListMarker{};
  size_t j = i;
  size_t blen = j < end ? BulletAt(t, j) : 0;
  const size_t after_bullet = i + blen;
  if (blen != 0) {
    m->bullet_len = blen;
    m->bullet_byte = static_cast<unsigned char>(t[j + blen - 1]);
    j += blen;
    while (j < end && t[j] == ' ') ++j;
  }
  if (j + 2 < end && t[j] == '(') {
    // "(1)", "(a)", "(B)" and then a space.
    size_t k = j + 1;
    int value = 0;
    Numbering numbering = Numbering::kNone;
    while (k < end && k - j <= 3 && IsDigit(static_cast<unsigned char>(t[k]))) {
      value = value * 10 + (t[k] - '0');
      numbering = Numbering::kNumber;
      ++k;
    }
    if (numbering == Numbering::kNone && IsAsciiAlpha(static_cast<unsigned char>(t[k]))) {
      numbering = IsAsciiLower(static_cast<unsigned char>(t[k])) ? Numbering::kLower
                                                                  : Numbering::kUpper;
      value = static_cast<unsigned char>(t[k]);
      ++k;
    }
    if (numbering == Numbering::kNone || k + 1 >= end || t[k] != ')' || SpaceAt(t, k + 1) == 0) {
      return false;
    }
    m->numbering = numbering;
    m->value = value;
    m->suffix = 4;
    m->end = k + 1;
    return true;
  }
  size_t k = j;
  int value = 0;
  while (k < end && k - j < 3 && IsDigit(static_cast<unsigned char>(t[k]))) {
    value = value * 10 + (t[k] - '0');
    ++k;
  }
  if (k > j) {
    m->numbering = Numbering::kNumber;
  } else if (k < end && k + 1 < end && IsAsciiAlpha(static_cast<unsigned char>(t[k])) &&
             (t[k + 1] == '.' || t[k + 1] == ')')) {
    m->numbering = IsAsciiLower(static_cast<unsigned char>(t[k])) ? Numbering::kLower
                                                                   : Numbering::kUpper;
    value = static_cast<unsigned char>(t[k]);
    ++k;
  }
  if (m->numbering != Numbering::kNone) {
    if (k < end && t[k] == '.' && k + 1 < end && t[k + 1] == ')') {
      m->suffix = 3;
      k += 2;
    } else if (k < end && t[k] == '.') {
      m->suffix = 1;
      ++k;
    } else if (k < end && t[k] == ')') {
      m->suffix = 2;
      ++k;
    }
    if (m->suffix == 0 || (m->numbering == Numbering::kUpper && m->suffix == 1 && blen == 0)) {
      if (blen == 0) return false;
      m->numbering = Numbering::kNone;  // a bullet followed by something else
      k = after_bullet;
    }
    m->value = value;
  } else if (blen == 0) {
    return false;
  } else {
    k = after_bullet;  // a bare bullet
  }
  if (k >= end || SpaceAt(t, k) == 0) return false;
  m->end = k;
  return true;
}

// True when the marker m2 continues the list whose last marker is m1.
bool NextInList(const ListMarker& m1, const ListMarker& m2) {
  if (m1.bullet_len != m2.bullet_len || m1.bullet_byte != m2.bullet_byte) return false;
  if (m1.numbering != m2.numbering || m1.suffix != m2.suffix) return false;
  if (m1.numbering == Numbering::kNone) return true;
  if (m1.bullet_len != 0) return m2.value > m1.value;  // "• 9. … • 10. …"
  return m2.value == m1.value + 1;
}
// --- datelines ---------------------------------------------------------------------------------

// Length of a "Weekday, Month D, YYYY" date that ends [s, e), 0 when there is none.
size_t TrailingLongDate(string_view t, size_t s, size_t e) {
  if (e - s < 16) return 0;
  size_t i = e;
  size_t digits = 0;
  while (i > s && IsDigit(static_cast<unsigned char>(t[i - 1])) && digits < 5) {
    --i;
    ++digits;
  }
  if (digits != 4) return 0;
  if (i - s < 3 || t[i - 1] != ' ' || t[i - 2] != ',') return 0;
  i -= 2;
  digits = 0;
  while (i > s && IsDigit(static_cast<unsigned char>(t[i - 1])) && digits < 3) {
    --i;
    ++digits;
  }
  if (digits == 0 || digits > 2 || i == s || t[i - 1] != ' ') return 0;
  --i;
  size_t month_end = i;
  while (i > s && IsAsciiAlpha(static_cast<unsigned char>(t[i - 1])) && month_end - i < 10) --i;
  if (!IsMonthName(t.substr(i, month_end - i), false) || i - s < 3 || t[i - 1] != ' ' ||
      t[i - 2] != ',') {
    return 0;
  }
  i -= 2;
  size_t day_end = i;
  while (i > s && IsAsciiAlpha(static_cast<unsigned char>(t[i - 1])) && day_end - i < 10) --i;
  string_view day = t.substr(i, day_end - i);
  if (LeadingLetters(day).size() != day.size() || !StartsWithWeekday(day)) return 0;
  return e - i;
}

// A heading-like segment is a dateline when it holds a date: a weekday, a month name next to a
// number, or an ISO date, within its first words.
bool LooksLikeDateline(string_view t, size_t s, size_t e) {
  if (e - s > 120) return false;
  string_view seg = t.substr(s, e - s);
  for (size_t i = 0; i < seg.size(); ++i) {
    if (i > 0 && IsAsciiAlpha(static_cast<unsigned char>(seg[i - 1]))) continue;
    unsigned char c = static_cast<unsigned char>(seg[i]);
    if (IsAsciiUpper(c)) {
      string_view rest = seg.substr(i);
      if (StartsWithWeekday(rest)) return true;
      if (IsMonthName(rest, true)) {
        size_t j = i;
        while (j < seg.size() && (IsAsciiAlpha(static_cast<unsigned char>(seg[j])) ||
                                  seg[j] == '.')) {
          ++j;
        }
        if (j < seg.size() && seg[j] == ' ' && j + 1 < seg.size() &&
            IsDigit(static_cast<unsigned char>(seg[j + 1]))) {
          return true;
        }
      }
    } else if (IsDigit(c)) {
      if (i + 10 <= seg.size()) {  // "2021-05-05"
        string_view d = seg.substr(i, 10);
        bool iso = true;
        for (size_t k = 0; k < 10; ++k) {
          bool want_dash = k == 4 || k == 7;
          iso = iso && (want_dash ? d[k] == '-' : IsDigit(static_cast<unsigned char>(d[k])));
        }
        if (iso) return true;
      }
      // "5 May 2021"
      size_t j = i;
      while (j < seg.size() && IsDigit(static_cast<unsigned char>(seg[j])) && j - i < 3) ++j;
      if (j - i <= 2 && j + 1 < seg.size() && seg[j] == ' ' &&
          IsMonthName(seg.substr(j + 1), false)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace segment_internal
}  // namespace factlint
