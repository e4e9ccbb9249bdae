// Sentence segmentation of news text, in two linear passes.
//
// 1. Lines to blocks. Blank lines separate paragraphs, and so does a single newline (news text
//    often has one paragraph per line): each line is a block of its own unless it is a broken
//    line — it lacks final punctuation, the next line starts in lower case, and that chain of
//    lower-case continuations ends with final punctuation — or the whole blank-line paragraph is
//    hard-wrapped (lines of similar width, mostly without final punctuation). A block never
//    spans a blank line. A block's last segment always ends with the block, so a title, heading
//    or dateline line is a segment of its own even without a full stop.
// 2. Blocks to sentences. The scanner stops at runs of terminal marks (. ! ? … and CJK marks),
//    takes the closing quotes and brackets after them, and decides from a bounded window around
//    the run: the word before (abbreviations, initials, multi-period forms like U.S., list
//    markers), the word after (lower case never starts a sentence; after an abbreviation that
//    can also end a sentence, only a common sentence starter such as "The" or "How" does), and
//    the run's shape (spaced and unspaced ellipses). Numbered, lettered and bulleted items that
//    run on within one line ("1) … 2) …") are split before each next marker of the same list.
//
// Every look-around is bounded (a few dozen bytes) and every run is consumed once, so the time is
// linear in the input whatever it holds (megabytes of periods, quotes or one endless line).

#include "segment.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "dateline.h"

namespace factlint {
namespace {

using std::string_view;

constexpr size_t kMaxWord = 40;  // longest word examined around a boundary, in bytes
constexpr size_t kMaxShortQuote = 200;  // a closing quotation this short stays in one sentence

// --- characters --------------------------------------------------------------------------------

// Length in bytes of the whitespace character at i (ASCII whitespace, no-break and other Unicode
// spaces, zero-width space, BOM), 0 if there is none.
size_t SpaceAt(string_view t, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  size_t n = t.size();
  unsigned char c = p[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
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
size_t SpaceBefore(string_view t, size_t e, size_t from) {
  for (size_t len = 1; len <= 3 && len <= e - from; ++len) {
    if (SpaceAt(t, e - len) == len) return len;
  }
  return 0;
}

size_t SkipSpaces(string_view t, size_t i, size_t end) {
  while (i < end) {
    size_t len = SpaceAt(t, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

size_t TrimBack(string_view t, size_t from, size_t e) {
  while (e > from) {
    size_t len = SpaceBefore(t, e, from);
    if (len == 0) break;
    e -= len;
  }
  return e;
}

enum class Case { kNone, kUpper, kLower };

Case CaseOf(uint32_t cp) {
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

bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(unsigned char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }

// A hyphen-minus, en dash or em dash at i.
bool DashAt(string_view t, size_t i) {
  if (t[i] == '-') return true;
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) == 0x93 ||
          static_cast<unsigned char>(t[i + 2]) == 0x94);
}

// Closing quotes and brackets that may follow a terminal mark; returns their length at i or 0.
size_t CloserAt(string_view t, size_t i) {
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
size_t OpenerAt(string_view t, size_t i) {
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
int TerminalAt(string_view t, size_t i, size_t* len) {
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
bool EndsWithTerminal(string_view t, size_t s, size_t e) {
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

// --- word lists ----------------------------------------------------------------------------------

template <typename List>
bool InList(string_view w, const List& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}
bool InList(string_view w, std::initializer_list<string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Case-insensitive comparison for ASCII words.
bool EqualsIgnoreCase(string_view a, string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (IsAsciiUpper(x)) x = static_cast<unsigned char>(x + 32);
    if (IsAsciiUpper(y)) y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

template <typename List>
bool InListAnyCase(string_view w, const List& list) {
  for (string_view x : list) {
    if (EqualsIgnoreCase(w, x)) return true;
  }
  return false;
}
bool InListAnyCase(string_view w, std::initializer_list<string_view> list) {
  return InListAnyCase<std::initializer_list<string_view>>(w, list);
}

// Abbreviations that stand before a name or a number and never end a sentence in news text.
// Matched as written or in capitals ("Gen." or "GEN.").
bool IsPrepositive(string_view w) {
  static constexpr string_view kList[] = {
      "Mr",   "Mrs",  "Ms",    "Messrs", "Mmes", "Dr",    "Drs",   "Prof",  "Profs", "Gen",
      "Gens", "Sen",  "Sens",  "Gov",    "Govs", "Rep",   "Reps",  "Rev",   "Revd",  "Hon",
      "Pres", "Lt",   "Col",   "Sgt",    "Capt", "Cpt",   "Cmdr",  "Cdr",   "Adm",   "Maj",
      "Brig", "Cpl",  "Pvt",   "Pfc",    "Spc",  "Supt",  "Insp",  "Det",   "Atty",  "Amb",
      "St",   "Ste",  "Mt",    "Ft",     "Msgr", "Fr",    "Sra",   "Mme",   "Mlle",  "Lieut",
      "Comdr", "Cmdt", "Rt",   "Secy",   "Treas", "Asst", "Ald",   "Cllr",  "Cong",  "Ens",
      "Sgts", "Lts",  "Cols",  "Adms",   "Gov't", "Govt",
  };
  if (InList(w, kList)) return true;
  bool upper = true;
  for (char c : w) upper = upper && !IsAsciiLower(static_cast<unsigned char>(c));
  return upper && w.size() >= 2 && InListAnyCase(w, kList);
}

// Abbreviations that usually stand before a number ("No. 5", "p. 55", "Jan. 20", "N°. 12").
bool IsNumberAbbreviation(string_view w) {
  return InListAnyCase(w, {"no", "nos", "nr", "p", "pp", "para", "paras", "vol", "vols", "ch",
                           "chap", "fig", "figs", "eq", "eqs", "art", "arts", "sec", "op", "tel",
                           "ph", "rs", "n\xC2\xB0", "ca", "approx", "ed", "ref", "refs", "ex",
                           "exh", "pg", "ps", "rm", "apt", "ste", "bldg", "sect", "al"});
}

// Month abbreviations: before a number they never end a sentence, before a word only when it
// is a sentence starter.
bool IsMonth(string_view w) {
  return InList(w, {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                    "Dec", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT",
                    "NOV", "DEC"});
}

// Abbreviations that may end a sentence: a boundary follows only when the next word is a
// sentence starter ("Acme Corp. The company said" vs "Acme Corp. Chief Executive").
bool IsConditional(string_view w) {
  return InListAnyCase(w, {"inc", "ltd", "corp", "co", "cos", "jr", "sr", "bros", "plc", "llc",
                           "esq", "etc", "al", "dept", "govt", "mfg", "intl", "natl", "assn", "yr",
                           "yrs", "hrs", "min", "mins", "sec", "secs", "oz", "lb", "lbs", "ft",
                           "mi", "km", "cm", "mm", "kg", "mg", "sq", "pct", "est", "ave", "st",
                           "av", "tr", "wk", "mo", "mos", "ed", "eds", "dr", "blvd", "rd", "ln",
                           "hwy", "pl", "univ", "inst", "dir", "mgr", "assoc", "gdns", "cres",
                           "dept", "fig", "figs", "vol", "vols", "ch", "op", "ref",
                           "refs", "tel", "ph", "ex", "del", "dep"}) ||
         IsMonth(w);
}

// Abbreviations after which a new sentence never starts in practice.
bool IsNeverFinal(string_view w) {
  return InListAnyCase(w, {"e.g", "i.e", "viz", "cf", "vs", "v", "ca", "approx", "resp", "incl"});
}

// Words that commonly open a sentence; after an abbreviation that may end a sentence, only one
// of these makes the period a boundary.
bool IsSentenceStarter(string_view w) {
  static constexpr string_view kList[] = {
      "A",        "About",   "According", "After",    "Afterwards", "Again",   "All",     "Also",
      "Although", "Among",   "An",        "And",      "Another",    "Any",     "As",
      "At",       "Because", "Before",    "Being",    "Both",       "But",     "By",
      "Despite",  "Did",     "Do",        "Does",     "During",     "Each",    "Earlier",
      "Even",     "Every",   "Few",       "For",      "From",       "Had",     "Has",
      "Have",     "He",      "Her",       "Here",     "His",        "How",     "However",
      "I",        "If",      "In",        "Instead",  "Is",         "It",      "Its",
      "Last",     "Later",   "Many",      "Meanwhile", "Millions",  "More",    "Moreover",
      "Most",     "My",      "Neither",   "Nevertheless", "No",     "Nor",     "Not",
      "Now",      "Of",      "On",        "Once",     "One",        "Only",    "Or",
      "Other",    "Others",  "Our",       "Over",     "She",        "Since",   "So",
      "Some",     "Still",   "Such",      "That",     "The",        "Their",   "Then",
      "There",    "These",   "They",      "This",     "Those",      "Though",  "Thus",
      "To",       "Today",   "Tomorrow",  "Two",      "Under",      "Until",   "Was",
      "We",       "Were",    "What",      "When",     "Where",      "Whether", "Which",
      "While",    "Who",     "Why",       "Will",     "With",       "Without", "Would",
      "Yes",      "Yesterday", "Yet",     "You",      "Your",
  };
  return InList(w, kList);
}

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

// Labels of picture credits and captions in scraped news pages ("Image: Reuters").
bool IsCreditLabel(string_view w) {
  return InListAnyCase(w, {"image", "images", "photo", "photos", "photograph", "picture", "credit",
                           "credits", "video", "illustration", "graphic", "source", "file"});
}

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
  uint32_t cp;
  size_t len = DecodeUtf8(t, i, &cp);
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

constexpr std::array<string_view, 7> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<string_view, 12> kMonths = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};

bool StartsWithWord(string_view s, string_view w) {
  return s.size() >= w.size() && s.substr(0, w.size()) == w &&
         (s.size() == w.size() || !IsAsciiAlpha(static_cast<unsigned char>(s[w.size()])));
}

bool IsMonthName(string_view w, bool allow_abbrev) {
  for (string_view m : kMonths) {
    if (StartsWithWord(w, m)) return true;
  }
  if (allow_abbrev) {
    for (string_view m : {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                          "Nov", "Dec"}) {
      if (StartsWithWord(w, m)) return true;
    }
  }
  return false;
}

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
  if (std::find(kWeekdays.begin(), kWeekdays.end(), day) == kWeekdays.end()) return 0;
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
      for (string_view d : kWeekdays) {
        if (StartsWithWord(rest, d)) return true;
      }
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

// --- lines and blocks ----------------------------------------------------------------------------

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

struct Block {
  size_t start, end;  // content of its first line .. end of its last line
};

// Groups lines into blocks (see the file comment).
std::vector<Block> GroupLines(string_view t, const std::vector<Line>& lines) {
  size_t count = lines.size();
  // join[i]: line i continues line i-1 in the same block.
  std::vector<uint8_t> join(count, 0);
  // A broken line: chain_ok[i] when line i starts a lower-case chain that ends with final
  // punctuation (computed backwards, so linear).
  std::vector<uint8_t> chain_ok(count, 0);
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

// --- the sentence scanner ----------------------------------------------------------------------

class BlockScanner {
 public:
  BlockScanner(string_view t, size_t start, size_t end, size_t paragraph,
               std::vector<TextSegment>* out)
      : t_(t), start_(start), end_(end), paragraph_(paragraph), out_(out) {}

  void Run();

 private:
  // kind: the segment's kind when known; otherwise it is found from the text.
  void Emit(size_t s, size_t e, bool block_end, const SegmentKind* kind = nullptr);
  size_t LeadingDateline();
  bool CreditSplitAt(size_t space, size_t next) const;
  bool ShortTail(size_t dash) const;
  bool RunInAt(size_t space, size_t next) const;
  bool CaptionBefore(size_t space) const;
  bool PullQuote() const;
  bool DecidePeriod(size_t dot, size_t next);
  bool NoSpaceBoundary(size_t mark, size_t next);
  bool OnlyMarkerBefore(size_t dot) const;

  string_view t_;
  size_t start_, end_, paragraph_;
  std::vector<TextSegment>* out_;
  size_t seg_start_ = 0;
  bool in_list_ = false;
  ListMarker last_marker_;
  size_t quote_until_ = 0;  // no boundary before this position (inside a closing quotation)
  size_t next_quote_ = 0;   // cache: the first double quote at or after next_quote_from_
  size_t next_quote_from_ = 0;
  size_t NextQuote(size_t from);
  void QuoteOpensAt(size_t q);
};

// The first closing double quote (" or ”) at or after from, or end_. Amortised linear: the answer
// is cached and reused while from stays before it.
size_t BlockScanner::NextQuote(size_t from) {
  if (from >= next_quote_from_ && from <= next_quote_ && next_quote_from_ != 0) return next_quote_;
  size_t k = from;
  while (k < end_) {
    if (t_[k] == '"') break;
    if (static_cast<unsigned char>(t_[k]) == 0xE2 && k + 2 < end_ &&
        static_cast<unsigned char>(t_[k + 1]) == 0x80 && static_cast<unsigned char>(t_[k + 2]) == 0x9D) {
      break;
    }
    ++k;
  }
  next_quote_from_ = from;
  next_quote_ = k;
  return k;
}

// A quotation opened in the middle of a sentence ('…, said "X. Y."') that closes the block
// stays one sentence with its introduction.
void BlockScanner::QuoteOpensAt(size_t q) {
  if (q <= seg_start_ || q < quote_until_) return;
  size_t open_len = t_[q] == '"' ? 1 : 3;
  size_t before = q;
  if (SpaceBefore(t_, before, seg_start_) == 0 && t_[before - 1] != ':') return;
  size_t close = NextQuote(q + open_len);
  if (close >= end_) return;
  size_t close_len = t_[close] == '"' ? 1 : 3;
  if (end_ - (close + close_len) > 12 || close - q > kMaxShortQuote) return;
  quote_until_ = close + close_len;
}

void BlockScanner::Emit(size_t s, size_t e, bool block_end, const SegmentKind* known) {
  s = SkipSpaces(t_, s, e);
  e = TrimBack(t_, s, e);
  if (s >= e) return;
  SegmentKind kind = SegmentKind::kSentence;
  ListMarker m;
  if (known != nullptr) {
    kind = *known;
  } else if (ParseMarker(t_, s, e, &m)) {
    kind = SegmentKind::kListItem;
  } else if (block_end && !EndsWithTerminal(t_, s, e)) {
    kind = LooksLikeDateline(t_, s, e) ? SegmentKind::kDateline : SegmentKind::kHeading;
  }
  out_->push_back(TextSegment{s, e, paragraph_, kind});
}

// True when the current segment holds nothing but a list marker up to the period at dot.
bool BlockScanner::OnlyMarkerBefore(size_t dot) const {
  if (dot - seg_start_ > 12) return false;
  size_t j = seg_start_;
  size_t blen = BulletAt(t_, j);
  if (blen != 0) {
    j += blen;
    while (j < dot && t_[j] == ' ') ++j;
  }
  size_t k = j;
  while (k < dot && IsDigit(static_cast<unsigned char>(t_[k]))) ++k;
  if (k > j && k == dot && k - j <= 3) return true;
  // A single letter or a short roman numeral.
  if (dot - j == 1 && IsAsciiAlpha(static_cast<unsigned char>(t_[j]))) return true;
  string_view w = t_.substr(j, dot - j);
  return InList(w, {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "I", "II", "III",
                    "IV", "V", "VI", "VII", "VIII", "IX", "X"});
}

// A terminal mark followed directly by a letter: "today.Then" is a boundary (missing space),
// "Jane.Doe@example.com", "example.com", "U.S.A", "3.5" and "ASP.NET" are not.
bool BlockScanner::NoSpaceBoundary(size_t mark, size_t next) {
  if (next + 1 >= end_) return false;
  if (!IsAsciiUpper(static_cast<unsigned char>(t_[next])) ||
      !IsAsciiLower(static_cast<unsigned char>(t_[next + 1]))) {
    return false;
  }
  // The word before, scanned back to whitespace; a '.', '@', '/' or ':' in it means an address,
  // a path or an abbreviation (and stops the scan early, which keeps "a.Ba.Ba.B…" linear).
  size_t w = mark;
  bool has_lower_or_digit = false;
  while (w > seg_start_ && SpaceAt(t_, w - 1) == 0 && SpaceBefore(t_, w, seg_start_) == 0) {
    unsigned char c = static_cast<unsigned char>(t_[w - 1]);
    if (c == '@' || c == '.' || c == '/' || c == ':') return false;
    if (mark - w >= kMaxWord) return false;
    has_lower_or_digit = has_lower_or_digit || IsAsciiLower(c) || IsDigit(c);
    --w;
  }
  string_view before = t_.substr(w, mark - w);
  while (!before.empty() && OpenerAt(before, 0) != 0) before.remove_prefix(OpenerAt(before, 0));
  if (before.size() < 2) return false;
  if (!has_lower_or_digit) return false;
  if (IsPrepositive(before) || IsConditional(before)) return false;
  // The token after must not be an address or a file name.
  for (size_t j = next; j < end_ && j - next < kMaxWord; ++j) {
    if (SpaceAt(t_, j) != 0) return true;
    char c = t_[j];
    if (c == '.' && (j + 1 == end_ || SpaceAt(t_, j + 1) != 0)) return true;  // "Mr."
    if (c == '@' || c == '/' || c == '.' || c == ':' || c == '_') return false;
  }
  return true;
}

// A single period followed by whitespace and then next (not lower case).
bool BlockScanner::DecidePeriod(size_t dot, size_t next) {
  if (OnlyMarkerBefore(dot)) return false;
  bool truncated;
  size_t word_start;
  string_view w = WordBefore(t_, seg_start_, dot, &truncated, &word_start);
  NextWord after = WordAfter(t_, next, end_);
  if (truncated || w.empty()) return true;
  // A word that ends in a closing quote or bracket before the period is an ordinary word.
  unsigned char last = static_cast<unsigned char>(w.back());
  if (!IsAsciiAlpha(last) && !IsDigit(last) && last < 0x80 && last != '.') return true;
  if (after.digit) {
    return !(IsNumberAbbreviation(w) || IsPrepositive(w) || IsMonth(w) || IsMultiPeriod(w));
  }
  if (IsNeverFinal(w)) return false;
  if (IsPrepositive(w)) {
    // "St." and "Dr." are prepositive before a name; "Sr." and "Dr." may also close a name or
    // street at the end of a sentence, which IsConditional handles below for lower case forms.
    return false;
  }
  if (IsSingleCapital(w)) {
    if (after.initial) return false;  // "J. R. R. Tolkien"
    if (w == "I") {
      // The pronoun after a lower-case word ("you and I."), an initial after a name.
      bool truncated2;
      size_t ws2;
      size_t p = TrimBack(t_, seg_start_, word_start);
      string_view prev = WordBefore(t_, seg_start_, p, &truncated2, &ws2);
      if (p == word_start || prev.empty()) return Starter(after);
      uint32_t cp;
      DecodeUtf8(prev, 0, &cp);
      if (CaseOf(cp) != Case::kUpper) return true;
    }
    return Starter(after);
  }
  if (IsMultiPeriod(w)) {
    if (IsNeverFinal(w)) return false;
    return Starter(after);
  }
  if (InListAnyCase(w, {"etc"})) return after.first == Case::kUpper;
  if (IsConditional(w)) return Starter(after);
  if (w.size() == 1 && IsAsciiLower(last)) return Starter(after);
  return true;
}

// A dateline that opens the block and runs on into the first sentence: "Tuesday, May 5, 2015 The
// council…", "Evansville, Indiana - This week…", "Preston, Victoria, Australia On Saturday…".
// Returns the end of the dateline (0 when there is none).
size_t BlockScanner::LeadingDateline() {
  // A wire dateline with a date or an agency, closed by a separator (dateline.h): "CARBIS BAY,
  // England, June 11, 2021 — …", "KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ -- …".
  {
    size_t head = MatchDatelineHead(t_, start_, end_, nullptr);
    if (head != 0 && head < end_ && WordAfter(t_, head, end_).first == Case::kUpper &&
        EndsWithTerminal(t_, head, end_)) {
      return head;
    }
  }
  // A long date: "Weekday, Month D, YYYY".
  size_t limit = std::min(end_, start_ + 40);
  for (size_t e = start_ + 16; e <= limit; ++e) {
    if (e < end_ && IsDigit(static_cast<unsigned char>(t_[e]))) continue;
    if (TrailingLongDate(t_, start_, e) == e - start_) {
      size_t next = SkipSpaces(t_, e, end_);
      if (next > e && next < end_ && WordAfter(t_, next, end_).first == Case::kUpper) return e;
      return 0;
    }
  }
  // A place: capitalised words and commas, then a dash or (after two commas) a sentence starter.
  size_t commas = 0, words = 0;
  bool caps = true, paren = false;
  size_t i = start_;
  while (i < end_ && i - start_ < 80) {
    unsigned char c = static_cast<unsigned char>(t_[i]);
    if (c == ' ') {
      size_t j = i + 1;
      // " - ", " – ", " — " then a capital letter.
      size_t dash = 0;
      if (j < end_ && t_[j] == '-') dash = 1;
      if (j + 2 < end_ && static_cast<unsigned char>(t_[j]) == 0xE2 &&
          static_cast<unsigned char>(t_[j + 1]) == 0x80 &&
          (static_cast<unsigned char>(t_[j + 2]) == 0x93 ||
           static_cast<unsigned char>(t_[j + 2]) == 0x94)) {
        dash = 3;
      }
      if (dash != 0 && j + dash < end_ && t_[j + dash] == ' ') {
        size_t next = SkipSpaces(t_, j + dash, end_);
        bool place = words >= 1 && (commas >= 1 || paren || (caps && words <= 3));
        if (place && next < end_ && WordAfter(t_, next, end_).first == Case::kUpper &&
            EndsWithTerminal(t_, next, end_)) {  // a sentence follows, not a headline's rest
          return j + dash;
        }
        return 0;
      }
      if (commas >= 2 && t_[i - 1] != ',') {
        NextWord after = WordAfter(t_, j, end_);
        if (IsSentenceStarter(after.word) && after.word != "A" && after.word != "I" &&
            EndsWithTerminal(t_, j, end_)) {
          return i;
        }
      }
      ++i;
      continue;
    }
    if (c == ',') {
      ++commas;
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {
      paren = true;
      ++i;
      continue;
    }
    if (!IsAsciiAlpha(c) && c < 0x80) return 0;
    // A word: it must start with a capital letter.
    uint32_t cp;
    size_t len = DecodeUtf8(t_, i, &cp);
    if (CaseOf(cp) != Case::kUpper) return 0;
    ++words;
    i += len;
    while (i < end_ && (IsAsciiAlpha(static_cast<unsigned char>(t_[i])) ||
                        static_cast<unsigned char>(t_[i]) >= 0x80 || t_[i] == '.' ||
                        t_[i] == '\'')) {
      caps = caps && !IsAsciiLower(static_cast<unsigned char>(t_[i]));
      ++i;
    }
  }
  return 0;
}

// A picture credit after a caption without final punctuation: "Spacecraft Stardust Image: NASA".
bool BlockScanner::CreditSplitAt(size_t space, size_t next) const {
  if (space <= seg_start_ || next >= end_) return false;
  unsigned char before = static_cast<unsigned char>(t_[space - 1]);
  if (!IsAsciiAlpha(before) && before < 0x80) return false;
  // Cheap test first (this runs at every space): a credit label is ASCII letters and a colon,
  // with no opening quote or bracket before it — as WordAfter reads it.
  size_t k = next;
  while (k < end_ && k - next < kMaxWord && IsAsciiAlpha(static_cast<unsigned char>(t_[k]))) ++k;
  if (k == next || k >= end_ || t_[k] != ':') return false;
  NextWord after = WordAfter(t_, next, end_);
  if (!after.credit || after.opened || after.word == "Source" || after.word == "File" ||
      after.word == "source" || after.word == "file") {
    return false;
  }
  size_t colon = next + after.word.size() + 1;
  if (colon >= end_ || SpaceAt(t_, colon) == 0) return false;
  if (after.first == Case::kUpper) return true;
  // "… Station image: Daily et al." — lower case only after a capitalised word.
  bool truncated;
  size_t ws;
  string_view prev = WordBefore(t_, seg_start_, space, &truncated, &ws);
  return !prev.empty() && IsAsciiUpper(static_cast<unsigned char>(prev[0]));
}

// True when the segment up to space is a short caption: two to eight capitalised words (with
// "of", "and", "'s" and hyphens between), no punctuation — a name or a photo caption run into
// the paragraph it heads.
bool BlockScanner::CaptionBefore(size_t space) const {
  if (space - seg_start_ > 80) return false;
  size_t words = 0;
  size_t i = seg_start_;
  while (i < space) {
    if (t_[i] == ' ') {
      ++i;
      continue;
    }
    size_t w = i;
    while (i < space && t_[i] != ' ') ++i;
    string_view word = t_.substr(w, i - w);
    ++words;
    if (InList(word, {"of", "and", "the", "de", "da", "van", "von", "al", "bin", "la", "le"})) {
      continue;
    }
    if (!IsAsciiUpper(static_cast<unsigned char>(word[0]))) return false;
    for (char ch : word) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (!IsAsciiAlpha(c) && c != '-' && c != '\'' && c < 0x80) return false;
    }
  }
  return words >= 2 && words <= 8;
}

// A sentence that runs on without its final mark, betrayed by a capitalised subject pronoun or
// "In/On/At the" right after a lower-case word: "… at high speed They spend …", "… in any
// constituency In the New Territories …". Not after words that introduce a title or name ("the
// film On the Waterfront", "for On the Waterfront").
bool BlockScanner::RunInAt(size_t space, size_t next) const {
  if (space <= seg_start_ + 1 || next + 4 >= end_) return false;
  unsigned char last = static_cast<unsigned char>(t_[space - 1]);
  if (!IsAsciiAlpha(last)) return false;
  // Cheap test first (this runs at every space): the next word must be one of those below, so
  // it starts right at next (no opener) with one of their first letters.
  unsigned char c0 = static_cast<unsigned char>(t_[next]);
  if (c0 != 'W' && c0 != 'T' && c0 != 'H' && c0 != 'S' && c0 != 'I' && c0 != 'O' && c0 != 'A') {
    return false;
  }
  NextWord after = WordAfter(t_, next, end_);
  if (after.opened || after.word.empty()) return false;
  size_t j = next + after.word.size();
  bool pronoun = InList(after.word, {"We", "They", "He", "She", "It"});
  bool preposition = InList(after.word, {"In", "On", "At"});
  if (!pronoun && !preposition) return false;
  if (pronoun && j < end_ && (t_[j] == '\'' || static_cast<unsigned char>(t_[j]) == 0xE2)) {
    // A contraction: They've, We're, It's (ASCII or curly apostrophe).
    j += t_[j] == '\'' ? 1 : 3;
    while (j < end_ && IsAsciiLower(static_cast<unsigned char>(t_[j]))) ++j;
  }
  if (j + 2 >= end_ || t_[j] != ' ') return false;
  if (preposition) {
    if (t_.substr(j, 5) != " the ") return false;
  } else if (!IsAsciiLower(static_cast<unsigned char>(t_[j + 1]))) {
    return false;
  }
  bool truncated;
  size_t ws;
  string_view prev = WordBefore(t_, seg_start_, space, &truncated, &ws);
  if (truncated || prev.size() < 2) return false;
  if (preposition && CaptionBefore(space) && EndsWithTerminal(t_, next, end_) &&
      end_ - next >= 60) {
    return true;  // "Wong Kwok-kin of FTU In the Kowloon East constituency, …"
  }
  for (char ch : prev) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (!IsAsciiLower(c) && c != '\'') return false;
  }
  return !InList(prev, {"the", "a", "an", "of", "for", "in", "on", "at", "to", "from", "by",
                        "with", "and", "or", "as", "than", "film", "movie", "book", "novel",
                        "song", "album", "play", "show", "series", "called", "titled", "entitled",
                        "named", "see", "read", "watch", "watched", "sang", "wrote", "about",
                        "that", "like", "said", "says", "say", "asked", "thought", "is", "was"});
}

// After a final mark, a dash opens an attribution or an aside that belongs to the sentence when
// what follows is lower case ("voila! -- you have cake") or a short tail that ends the block
// without a final mark ("… about it. — Rick Santorum").
bool BlockScanner::ShortTail(size_t dash) const {
  size_t i = dash;
  while (i < end_ && (t_[i] == '-' || static_cast<unsigned char>(t_[i]) >= 0x80) && i - dash < 6) {
    if (t_[i] == '-') {
      ++i;
    } else if (DashAt(t_, i)) {
      i += 3;
    } else {
      break;
    }
  }
  size_t next = SkipSpaces(t_, i, end_);
  if (next >= end_) return true;
  if (WordAfter(t_, next, end_).first == Case::kLower) return true;
  if (end_ - next > 60) return false;
  for (size_t k = next; k < end_; ++k) {
    size_t len;
    if (TerminalAt(t_, k, &len) != 0) return false;
  }
  return true;
}

// A pull quote: the block opens with a quotation mark, and after the quotation's last final mark
// comes only a short attribution ("\"… a long game.\" - Matthew Ingram", "\"….\" Anonymous blogger,
// \"Title\""). The quotation and its speaker stay one segment.
bool BlockScanner::PullQuote() const {
  unsigned char c = static_cast<unsigned char>(t_[start_]);
  bool opens = c == '"' || (c == 0xE2 && start_ + 2 < end_ &&
                            static_cast<unsigned char>(t_[start_ + 1]) == 0x80 &&
                            static_cast<unsigned char>(t_[start_ + 2]) == 0x9C);
  if (!opens) return false;
  // The last final mark directly followed by a closing quote, within 100 bytes of the end.
  size_t lo = end_ > start_ + 100 ? end_ - 100 : start_;
  for (size_t k = end_; k-- > lo + 1;) {
    size_t q = CloserAt(t_, k);
    if (q == 0 || (t_[k] != '"' && q != 3)) continue;
    size_t len;
    if (TerminalAt(t_, k - 1, &len) == 0 || len != 1) continue;
    size_t tail = SkipSpaces(t_, k + q, end_);
    if (tail == k + q || tail >= end_) return false;
    if (!DashAt(t_, tail) && WordAfter(t_, tail, end_).first != Case::kUpper) return false;
    for (size_t m = tail; m < end_; ++m) {
      if (TerminalAt(t_, m, &len) != 0) return false;
    }
    return true;
  }
  return false;
}

// Emoticons that trail a sentence's final mark ("right? :)").
size_t EmoticonAt(string_view t, size_t i, size_t end) {
  for (string_view e : {":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":P"}) {
    if (end - i >= e.size() && t.substr(i, e.size()) == e &&
        (i + e.size() == end || SpaceAt(t, i + e.size()) != 0)) {
      return e.size();
    }
  }
  return 0;
}

void BlockScanner::Run() {
  seg_start_ = start_;
  {
    ListMarker m;
    if (ParseMarker(t_, start_, end_, &m)) {
      in_list_ = true;
      last_marker_ = m;
    }
  }
  size_t i = start_;
  if (PullQuote()) {
    Emit(start_, end_, true);
    return;
  }
  if (!in_list_) {
    size_t dateline_end = LeadingDateline();
    if (dateline_end != 0) {
      SegmentKind kind = SegmentKind::kDateline;
      Emit(start_, dateline_end, false, &kind);
      seg_start_ = i = SkipSpaces(t_, dateline_end, end_);
    }
  }
  while (i < end_) {
    // Most bytes are ASCII letters and digits: no space, terminal mark or quote starts there.
    {
      unsigned char c = static_cast<unsigned char>(t_[i]);
      if (IsAsciiAlpha(c) || IsDigit(c)) {
        ++i;
        continue;
      }
    }
    if (i > seg_start_ && SpaceAt(t_, i) != 0) {
      size_t j = SkipSpaces(t_, i, end_);
      // A run-on list: split before the next marker of the same list.
      ListMarker m;
      if (in_list_ && j < end_ && ParseMarker(t_, j, end_, &m) && NextInList(last_marker_, m)) {
        Emit(seg_start_, i, false);
        seg_start_ = j;
        last_marker_ = m;
        i = m.end;
        continue;
      }
      if (CreditSplitAt(i, j) || RunInAt(i, j)) {
        Emit(seg_start_, i, false);
        seg_start_ = j;
      }
      i = j;
      continue;
    }
    size_t len;
    int kind = TerminalAt(t_, i, &len);
    if (kind == 0) {
      if (t_[i] == '"' || (static_cast<unsigned char>(t_[i]) == 0xE2 && i + 2 < end_ &&
                           static_cast<unsigned char>(t_[i + 1]) == 0x80 &&
                           static_cast<unsigned char>(t_[i + 2]) == 0x9C)) {
        QuoteOpensAt(i);
      }
      ++i;
      continue;
    }
    // The run: terminal marks, spaced ellipsis dots (". . ."), closing quotes and brackets.
    size_t run_start = i;
    size_t dots = 0, spaced_dots = 0;
    bool strong = false, ellipsis = false, cjk = false;
    size_t j = i;
    while (j < end_) {
      size_t l;
      int k = TerminalAt(t_, j, &l);
      if (k == 1) {
        ++dots;
      } else if (k == 2) {
        strong = true;
      } else if (k == 3) {
        ellipsis = true;
      } else if (k == 4) {
        cjk = true;
      } else if (t_[j] == ' ' && dots > 0 && j + 1 < end_ && t_[j + 1] == '.' &&
                 (j + 2 >= end_ || t_[j + 2] == ' ' || t_[j + 2] == '.' ||
                  CloserAt(t_, j + 2) != 0)) {
        ++spaced_dots;  // the dot itself is counted on the next turn
        l = 1;
      } else if (j + 2 < end_ && static_cast<unsigned char>(t_[j]) == 0xE2 &&
                 static_cast<unsigned char>(t_[j + 1]) == 0x80 &&
                 (static_cast<unsigned char>(t_[j + 2]) == 0x9C ||
                  static_cast<unsigned char>(t_[j + 2]) == 0x9E) &&
                 (j + 3 >= end_ || SpaceAt(t_, j + 3) != 0)) {
        l = 3;  // “ or „ used as a closing quote right after the mark
      } else {
        size_t c = CloserAt(t_, j);
        if (c == 0) break;
        l = c;
      }
      j += l;
    }
    // Footnote references after the mark belong to the sentence: "… martyr.[1]", "….[7][8]".
    while (j + 2 < end_ && t_[j] == '[') {
      size_t k = j + 1;
      while (k < end_ && k - j <= 5 && (IsDigit(static_cast<unsigned char>(t_[k])) ||
                                        IsAsciiLower(static_cast<unsigned char>(t_[k])))) {
        ++k;
      }
      if (k == j + 1 || k >= end_ || t_[k] != ']') break;
      j = k + 1;
    }
    size_t run_end = j;
    size_t next = SkipSpaces(t_, run_end, end_);
    if (next > run_end && next < end_) {
      size_t emo = EmoticonAt(t_, next, end_);
      if (emo != 0) {
        run_end = next + emo;
        next = SkipSpaces(t_, run_end, end_);
      }
    }
    i = run_end;
    if (next >= end_) break;  // the block ends the segment anyway
    bool space = next > run_end;
    bool boundary = false;
    size_t cut = run_end;
    if (run_end < quote_until_) continue;
    bool attached = run_start > start_ && SpaceAt(t_, run_start - 1) == 0;
    if (cjk) {
      boundary = true;
    } else if (!space) {
      if (!ellipsis && dots <= 1 && run_end == run_start + 1) {
        boundary = NoSpaceBoundary(run_start, next);
      }
    } else if (DashAt(t_, next) && ShortTail(next)) {
      boundary = false;  // an attribution or aside: "… it.\" — Rick Santorum", "voila! -- you"
    } else if (dots >= 2 && spaced_dots > 0 && attached && t_[run_start] == '.' &&
               t_[run_start + 1] == ' ') {
      // "words. . . . Next", "words. ... next": the period ends the sentence and the ellipsis
      // opens the next one.
      boundary = true;
      cut = run_start + 1;
      next = SkipSpaces(t_, cut, end_);
    } else {
      NextWord after = WordAfter(t_, next, end_);
      bool bracketed =
          run_start > start_ && (t_[run_start - 1] == '[' || t_[run_start - 1] == '(');
      if (after.first == Case::kLower) {
        boundary = false;
      } else if (strong) {
        boundary = true;
      } else if (ellipsis || dots >= 2) {
        bool upper = after.first == Case::kUpper;
        if (bracketed) {
          boundary = upper && !after.opened;  // "[...] Next" but not "[...]" (Smith 55)."
        } else if (!attached) {
          boundary = upper && dots >= 4;      // "is . . . I did" stays, "period . . . . Next" not
        } else {
          boundary = upper;                   // "that.... She", "so… The"
        }
      } else {
        boundary = DecidePeriod(run_start, next);
      }
    }
    if (boundary) {
      Emit(seg_start_, cut, false);
      seg_start_ = next;
      ListMarker m;
      if (in_list_ && ParseMarker(t_, next, end_, &m) && NextInList(last_marker_, m)) {
        last_marker_ = m;
      }
      i = std::max(i, next);
    }
  }
  // The last segment of the block; a title followed by its date on the same line
  // ("Title Tuesday, September 1, 2015") is split in two.
  size_t s = SkipSpaces(t_, seg_start_, end_);
  if (s < end_ && !EndsWithTerminal(t_, s, end_)) {
    size_t date_len = TrailingLongDate(t_, s, end_);
    if (date_len != 0 && end_ - date_len > s) {
      Emit(s, end_ - date_len, true);
      Emit(end_ - date_len, end_, true);
      return;
    }
  }
  Emit(seg_start_, end_, true);
}

}  // namespace

std::vector<TextSegment> SegmentDocument(const Document& doc) {
  string_view t = doc.text();
  std::vector<TextSegment> out;
  std::vector<Line> lines = SplitLines(t);
  std::vector<Block> blocks = GroupLines(t, lines);
  out.reserve(blocks.size() * 2);
  for (size_t b = 0; b < blocks.size(); ++b) {
    BlockScanner(t, blocks[b].start, blocks[b].end, b, &out).Run();
  }
  return out;
}

}  // namespace factlint
