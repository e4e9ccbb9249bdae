// Sentence segmentation of news text, in two linear passes.
//
// 1. Lines to blocks (segment_lines.cpp). Blank lines separate paragraphs, and so does a single
//    newline, unless a line is broken or the paragraph hard-wrapped. A block never spans a blank
//    line. A block's last segment always ends with the block, so a title, heading or dateline
//    line is a segment of its own even without a full stop.
// 2. Blocks to sentences (here). The scanner stops at runs of terminal marks (. ! ? … and CJK
//    marks), takes the closing quotes and brackets after them, and decides from a bounded window
//    around the run (segment_words.cpp; the word lists are the lexicon's, lexicon.h): the word
//    before (abbreviations, initials, multi-period forms like U.S., list markers), the word
//    after (lower case never starts a sentence; after an abbreviation that can also end a
//    sentence, only a common sentence starter such as "The" or "How" does), and the run's shape
//    (spaced and unspaced ellipses). Numbered, lettered and bulleted items that run on within one
//    line ("1) … 2) …") are split before each next marker of the same list.
//
// Every look-around is bounded (a few dozen bytes) and every run is consumed once, so the time is
// linear in the input whatever it holds (megabytes of periods, quotes or one endless line).

#include "segment.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dateline.h"
#include "lexicon.h"
#include "segment_chars.h"
#include "segment_lines.h"
#include "segment_words.h"
#include "text.h"

namespace factlint {
namespace segment_internal {
namespace {

constexpr size_t kMaxShortQuote = 200;  // a closing quotation this short stays in one sentence

constexpr std::array<bool, 256> kAsciiAlnum = [] {  // IsAsciiAlpha || IsDigit
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();
constexpr std::array<bool, 256> kAsciiAlphaByte = [] {  // IsAsciiAlpha
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();

// --- the sentence scanner ----------------------------------------------------------------------

class BlockScanner {
 public:
  BlockScanner(string_view t, size_t start, size_t end, size_t paragraph,
               std::vector<TextSegment>* out)
      : t_(t), start_(start), end_(end), paragraph_(paragraph), out_(out), first_bytes_(SegmenterFirstBytes()) {}

  void Run();

 private:
  // kind: the segment's kind when known; otherwise it is found from the text.
  void Emit(size_t s, size_t e, bool block_end, const SegmentKind* kind = nullptr);
  size_t LeadingDateline();
  bool CreditSplitAt(size_t space, size_t next, size_t* letters_end) const;
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
  const std::array<uint8_t, 256>& first_bytes_;  // lexicon.h: SegmenterFirstBytes
  size_t seg_start_ = 0;
  bool no_head_ = false;  // MatchDatelineHead(t_, start_, end_) was asked and is 0 (Segment::no_dateline_head)
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
  out_->push_back(TextSegment{s, e, paragraph_, kind, no_head_ && s == start_ && e == end_});
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
  return IsListNumeral(t_.substr(j, dot - j));
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
  if (IsPrepositiveAbbreviation(before) || IsConditional(before)) return false;
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
  // Which abbreviation lists the word may be in, from one look-up (most words are in none).
  const unsigned lists = PeriodWordClasses(w);
  if (after.digit) {
    return !(((lists & kPeriodNumber) && IsNumberAbbreviation(w)) ||
             ((lists & kPeriodPrepositive) && IsPrepositiveAbbreviation(w)) ||
             ((lists & kPeriodShortMonth) && IsMonthAbbreviation(w)) || IsMultiPeriod(w));
  }
  if ((lists & kPeriodNeverFinal) && IsNeverFinalAbbreviation(w)) return false;
  if ((lists & kPeriodPrepositive) && IsPrepositiveAbbreviation(w)) {
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
    if ((lists & kPeriodNeverFinal) && IsNeverFinalAbbreviation(w)) return false;
    return Starter(after);
  }
  if ((lists & kPeriodFinalBeforeCapital) && IsFinalBeforeCapital(w)) return after.first == Case::kUpper;
  if ((lists & (kPeriodConditional | kPeriodShortMonth)) && IsConditional(w)) return Starter(after);
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
    no_head_ = head == 0;
    if (head != 0 && head < end_ && WordAfter(t_, head, end_).first == Case::kUpper &&
        EndsWithTerminal(t_, head, end_)) {
      return head;
    }
  }
  // A long date: "Weekday, Month D, YYYY". TrailingLongDate reads it back from its year to a
  // capitalised weekday name of at most 10 ASCII letters at start_ with a comma after it, so a
  // block that does not open so has none: a few loads instead of the window's scan.
  bool may_be_long_date = false;
  if (start_ < end_ && IsAsciiUpper(static_cast<unsigned char>(t_[start_])) &&
      MayStartMonthOrWeekday(static_cast<unsigned char>(t_[start_] + 32))) {
    size_t k = start_ + 1;
    while (k < end_ && k - start_ <= 10 && IsAsciiAlpha(static_cast<unsigned char>(t_[k]))) ++k;
    may_be_long_date = k < end_ && k - start_ <= 10 && t_[k] == ',';
  }
  size_t limit = may_be_long_date ? std::min(end_, start_ + 40) : start_;  // no e below
  for (size_t e = start_ + 16; e <= limit; ++e) {
    if (e < end_ && IsDigit(static_cast<unsigned char>(t_[e]))) continue;
    if (!IsDigit(static_cast<unsigned char>(t_[e - 1]))) continue;  // a long date ends in its year
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
// When it reads the next word's letters it sets *letters_end to their end (left as it is
// otherwise), so the scanner need not step over them again.
bool BlockScanner::CreditSplitAt(size_t space, size_t next, size_t* letters_end) const {
  if (space <= seg_start_ || next >= end_) return false;
  unsigned char before = static_cast<unsigned char>(t_[space - 1]);
  if (!IsAsciiAlpha(before) && before < 0x80) return false;
  // Cheap tests first (this runs at every space): a credit label is ASCII letters and a colon,
  // with no opening quote or bracket before it — as WordAfter reads it —, starting with the
  // first letter of one.
  if ((first_bytes_[static_cast<unsigned char>(t_[next])] & kFirstOfCreditLabel) == 0) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(t_.data());
  const size_t limit = std::min(end_, next + kMaxWord);
  size_t k = next;
  while (k < limit && kAsciiAlphaByte[p[k]]) ++k;
  *letters_end = k;
  if (k == next || k >= end_ || t_[k] != ':') return false;
  NextWord after = WordAfter(t_, next, end_);
  if (!after.credit || after.opened || IsCreditLabelKeptInLine(after.word)) return false;
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
    if (IsCaptionParticle(word)) continue;
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
  // Cheap test first (this runs at every space): the next word must be a run-in pronoun or
  // preposition, so it starts right at next (no opener) with one of their first letters.
  if ((first_bytes_[static_cast<unsigned char>(t_[next])] & kFirstOfRunIn) == 0) return false;
  NextWord after = WordAfter(t_, next, end_);
  if (after.opened || after.word.empty()) return false;
  size_t j = next + after.word.size();
  bool pronoun = IsRunInPronoun(after.word);
  bool preposition = IsRunInPreposition(after.word);
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
  return !IsRunInBlocker(prev);
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
constexpr string_view kEmoticons[] = {":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":P"};
size_t EmoticonAt(string_view t, size_t i, size_t end) {
  if (t[i] != ':' && t[i] != ';') return 0;  // every one starts with one of these
  for (string_view e : kEmoticons) {
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
    // A run of them is stepped over in one tight loop.
    if (kAsciiAlnum[static_cast<unsigned char>(t_[i])]) {
      const auto* p = reinterpret_cast<const unsigned char*>(t_.data());
      do ++i;
      while (i < end_ && kAsciiAlnum[p[i]]);
      continue;
    }
    if (i > seg_start_ && SpaceAt(t_, i) != 0) {
      size_t j = SkipSpaces(t_, i, end_);
      // A run-on list: split before the next marker of the same list.
      if (in_list_) {
        ListMarker m;
        if (j < end_ && ParseMarker(t_, j, end_, &m) && NextInList(last_marker_, m)) {
          Emit(seg_start_, i, false);
          seg_start_ = j;
          last_marker_ = m;
          i = m.end;
          continue;
        }
      }
      // Both tests want the next word to start with one of their words' first letters (one load
      // rules out most words).
      size_t letters_end = j;  // ASCII letters from j that CreditSplitAt read: no test stops in them
      if (j < end_ && first_bytes_[static_cast<unsigned char>(t_[j])] != 0 &&
          (CreditSplitAt(i, j, &letters_end) || RunInAt(i, j))) {
        Emit(seg_start_, i, false);
        seg_start_ = j;
      }
      i = letters_end;
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
}  // namespace segment_internal

void SegmentBlock(std::string_view text, size_t start, size_t end, size_t paragraph, std::vector<TextSegment>* out) {
  segment_internal::BlockScanner(text, start, end, paragraph, out).Run();
}

std::vector<TextSegment> SegmentDocument(const Document& doc) {
  std::string_view t = doc.text();
  std::vector<TextSegment> out;
  std::vector<segment_internal::Block> blocks = segment_internal::SplitBlocks(t);
  out.reserve(blocks.size() * 2);
  for (size_t b = 0; b < blocks.size(); ++b) SegmentBlock(t, blocks[b].start, blocks[b].end, b, &out);
  return out;
}

}  // namespace factlint
