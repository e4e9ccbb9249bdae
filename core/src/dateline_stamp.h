// The pieces of a date stamp at the head of an article, for dateline.cpp: each takes the text,
// a position i and a bound e, and returns where the piece ends (kNo when it is not there),
// reading a bounded number of bytes. Internal to the core.

#ifndef FACTLINT_CORE_DATELINE_STAMP_H_
#define FACTLINT_CORE_DATELINE_STAMP_H_

#include <cstddef>
#include <string_view>

namespace factlint::dateline {

inline constexpr size_t kNo = std::string_view::npos;

struct Ymd {
  int y = 0, m = 0, d = 0;
};

// Inline: the readers ask these for nearly every byte they look at.
inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigitC(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(unsigned char c) { return IsUpper(c) || IsLower(c); }
inline unsigned char U(std::string_view t, size_t i) { return static_cast<unsigned char>(t[i]); }
// ASCII case-insensitive equality; inline: most calls compare a word with a constant of another
// length, and the size test alone answers them.
inline bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const unsigned char x = U(a, i), y = U(b, i);
    if ((IsUpper(x) ? x + 32 : x) != (IsUpper(y) ? y + 32 : y)) return false;
  }
  return true;
}
size_t Sp(std::string_view t, size_t i, size_t e);                  // past the spaces at i
size_t DashLen(std::string_view t, size_t i, size_t e);             // '-', en/em dash, bar; 0 if none
size_t LettersEnd(std::string_view t, size_t i, size_t e);          // end of the ASCII letters at i
bool WordIs(std::string_view t, size_t i, size_t e, std::string_view w);  // case-insensitive word
int MonthAt(std::string_view t, size_t i, size_t e, size_t* next);  // 1..12, 0 when none
bool WeekdayAt(std::string_view t, size_t i, size_t e, size_t* next);
int NumberAt(std::string_view t, size_t i, size_t e, size_t min_digits, size_t max_digits, size_t* next);
bool ValidDay(int y, int m, int d);
// "2019-09-24", "September 24, 2019", "24 Sep 2019", "1st April, 2015"; "June 11" (y = 0) with
// allow_no_year.
size_t DateAt(std::string_view t, size_t i, size_t e, bool allow_no_year, Ymd* out);
size_t ZoneAt(std::string_view t, size_t i, size_t e);  // "GMT", "UTC+2", "EDT", "(CEST)"
size_t TimeAt(std::string_view t, size_t i, size_t e);  // "10:42", "2:15 PM", "14:42:00Z"
// A date with an optional weekday before and a time before or after: "Wednesday, April 1, 2015",
// "10:42 AM EDT, September 24, 2019", "2019-09-24T14:42:00Z". The date's start in *date_start.
size_t StampAt(std::string_view t, size_t i, size_t e, bool allow_no_year, Ymd* ymd, size_t* date_start);
// "14/03/2023", "03/14/2023": only when day and month cannot be swapped.
size_t NumericDateAt(std::string_view t, size_t i, size_t e, Ymd* out);

}  // namespace factlint::dateline

#endif  // FACTLINT_CORE_DATELINE_STAMP_H_
