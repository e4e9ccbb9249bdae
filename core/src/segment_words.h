// The segmenter's look around one position (segment.cpp asks, segment_words.cpp answers): the
// word before a period, the word after a boundary candidate, word classes from the lexicon
// (lexicon.h) in the forms a text writes them, list markers, and the dates that make a heading a
// dateline. Every function reads a bounded number of bytes around its position.

#ifndef FACTLINT_CORE_SEGMENT_WORDS_H_
#define FACTLINT_CORE_SEGMENT_WORDS_H_

#include <cstddef>
#include <string_view>

#include "segment_chars.h"

namespace factlint {
namespace segment_internal {

// --- word classes ------------------------------------------------------------------------------

// A month abbreviation before a period: "Jan", "JAN", "Sept" (not "May", a full name).
bool IsMonthAbbreviation(string_view w);
// An abbreviation that may end a sentence: a boundary follows only when the next word is a
// sentence starter ("Acme Corp. The company said" vs "Acme Corp. Chief Executive"); the
// lexicon's conditional abbreviations and the month abbreviations.
bool IsConditional(string_view w);

// --- the word before a period and the word after a boundary candidate ---------------------------

// The word that ends at e (exclusive; e is the position of the period): back to whitespace or
// an opening bracket/quote, at most kMaxWord bytes. *truncated when the token is longer.
string_view WordBefore(string_view t, size_t from, size_t e, bool* truncated, size_t* word_start);

struct NextWord {
  Case first = Case::kNone;  // case of the first letter (after opening quotes/brackets); a
                             // camel-case brand ("wikiHow", "eBay") or a bracketed URL counts as
                             // upper case
  bool digit = false;        // starts with a digit
  bool initial = false;      // a single capital letter followed by '.', as in "J. R. R."
  bool credit = false;       // a credit label followed by ':' ("Image: …")
  bool opened = false;       // opening quotes or brackets come first
  string_view word;          // the ASCII letters of the word (may be empty)
};

NextWord WordAfter(string_view t, size_t i, size_t end);

// After an abbreviation that may end a sentence, does the next word open a new one?
bool Starter(const NextWord& next);

// True for a word of single letters joined by periods, the final period excluded: "U.S", "a.m",
// "e.g", "U.S.A", "Ph.D".
bool IsMultiPeriod(string_view w);

// A single capital letter (ASCII or Latin): an initial, or the pronoun I.
bool IsSingleCapital(string_view w);

// --- list markers ------------------------------------------------------------------------------

// Bullets that mark list items (not '-', which is too common inside sentences).
size_t BulletAt(string_view t, size_t i);

enum class Numbering { kNone, kNumber, kLower, kUpper };

struct ListMarker {
  size_t bullet_len = 0;  // bytes of the bullet, 0 when none
  unsigned char bullet_byte = 0;
  Numbering numbering = Numbering::kNone;
  int value = 0;          // the item's number or letter
  int suffix = 0;         // 0 none, 1 ".", 2 ")", 3 ".)", 4 "(…)"
  size_t end = 0;         // position after the marker (before the space)
};

// Parses a list marker at i: [bullet [space]] [number|letter] [. | ) | .)], followed by a space.
// A bare bullet counts; a bare number or letter needs a suffix; a capital letter needs ")".
bool ParseMarker(string_view t, size_t i, size_t end, ListMarker* m);

// True when the marker m2 continues the list whose last marker is m1.
bool NextInList(const ListMarker& m1, const ListMarker& m2);

// --- datelines ---------------------------------------------------------------------------------

// Length of a "Weekday, Month D, YYYY" date that ends [s, e), 0 when there is none.
size_t TrailingLongDate(string_view t, size_t s, size_t e);

// A heading-like segment is a dateline when it holds a date: a weekday, a month name next to a
// number, or an ISO date, within its first words.
bool LooksLikeDateline(string_view t, size_t s, size_t e);

}  // namespace segment_internal
}  // namespace factlint

#endif  // FACTLINT_CORE_SEGMENT_WORDS_H_
