// Time expressions in folded text (text.h): "February 28, 2025", "28 February 2025", "Feb. 28",
// "February 2025", "in November", "in 2019", "the 2019 provision", "2025-02-28", with an optional
// weekday before ("Thursday, February 23, 2006"). Each becomes a day interval with its precision;
// expressions without a year keep month/day and are resolved later against the reference time.
// Used by check.cpp (reference time, sentence dates, event dates); API in factlint/factlint.h.

#ifndef FACTLINT_CORE_TIMEX_H_
#define FACTLINT_CORE_TIMEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/factlint.h"
#include "lexicon.h"

namespace factlint {

enum class TimePrecision { kDay, kMonth, kYear };

struct TimeExpr {
  size_t start = 0, end = 0;  // folded byte offsets of the whole expression
  int year = 0;               // 0 when the text gives no year
  int month = 0;              // 1..12, 0 when absent
  int day = 0;                // 1..31, 0 when absent
  TimePrecision precision = TimePrecision::kYear;
  std::string preposition;    // the word right before ("in", "on", "since", "the"), folded
  bool sentence_initial = false;  // at the head of its range, or after one "in"/"on"/"during" there
  bool has_weekday = false;
  // Relative expressions ("last year", "next month", "this year"): unit 'y' or 'm' and the offset
  // from the reference time; year/month/day stay 0 until resolved against it.
  char relative_unit = 0;
  int relative_offset = 0;

  bool has_year() const { return year != 0; }
  // The days the expression covers, for a given year (its own when it has one).
  Date First(int in_year = 0) const;
  Date Last(int in_year = 0) const;
  std::string ToString() const;  // "2025-02-28", "2025-02", "2025", "February"
};

// "January" .. "December" for 1..12, "" otherwise.
std::string_view MonthName(int month);

// The days a relative expression covers when the text speaks during [from, to].
void ResolveRelative(const TimeExpr& e, Date from, Date to, Date* first, Date* last);

// One token of the finder's tokenizer (words, numbers, single punctuation bytes), with the word's
// lexicon classes (lexicon.h: WordClasses) looked up once.
struct TimexToken {
  uint32_t start, end;
  bool word;      // letters/digits
  bool number;    // all digits
  uint16_t cls;   // WordClasses of a word (lexicon.h, bits 0..7) | kTimexStart; 0 for punctuation
};
// In TimexToken::cls: a word that can start a time expression (a digit first, or a month form,
// a weekday, "last"/"next"/"this"/"past").
inline constexpr uint16_t kTimexStart = 1u << 15;

// The tokens of one range, in order: a buffer reused from range to range (it grows to the
// longest range and is never cleared, so the tokenizer writes through a pointer, not push_back).
class TimexTokens {
 public:
  const TimexToken* begin() const { return buf_.get(); }
  const TimexToken* end() const { return buf_.get() + size_; }
  size_t size() const { return size_; }
  const TimexToken& operator[](size_t i) const { return buf_[i]; }
  // The indices of the tokens marked kTimexStart, in order (few: the finder visits only these).
  const uint32_t* starts_begin() const { return starts_.get(); }
  const uint32_t* starts_end() const { return starts_.get() + starts_size_; }
  // Room for n tokens and n start indices (not initialised); the caller writes them there and
  // then calls set_sizes.
  TimexToken* Prepare(size_t n, uint32_t** starts) {
    if (capacity_ < n) {
      capacity_ = std::max(n, 2 * capacity_);
      buf_.reset(new TimexToken[capacity_]);
      starts_.reset(new uint32_t[capacity_]);
      size_ = starts_size_ = 0;
    }
    *starts = starts_.get();
    return buf_.get();
  }
  void set_sizes(size_t tokens, size_t starts) { size_ = tokens, starts_size_ = starts; }

 private:
  std::unique_ptr<TimexToken[]> buf_;
  std::unique_ptr<uint32_t[]> starts_;
  size_t capacity_ = 0, size_ = 0, starts_size_ = 0;
};

// Finds the time expressions in folded[begin, end), in order. Linear in the range.
std::vector<TimeExpr> FindTimeExpressions(std::string_view folded, size_t begin, size_t end);
// The same, tokenizing into *scratch (reused across calls: no allocation per range); on return it
// holds the range's tokens (an empty range leaves it as it was).
std::vector<TimeExpr> FindTimeExpressions(std::string_view folded, size_t begin, size_t end, TimexTokens* scratch);
// The same, appended to *out (Sentences::times: every sentence's expressions in one array).
void AppendTimeExpressions(std::string_view folded, size_t begin, size_t end, TimexTokens* scratch,
                           std::vector<TimeExpr>* out);

// Month number (1..12) of a folded month name or abbreviation ("feb", "sept"), 0 otherwise.
// MonthNumber, IsWeekday and the other word lists: lexicon.h.

}  // namespace factlint

#endif  // FACTLINT_CORE_TIMEX_H_
