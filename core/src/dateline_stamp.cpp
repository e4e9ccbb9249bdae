// The pieces of a date stamp at the head of an article (dateline_stamp.h): character classes,
// month and weekday names, numbers, dates, clock times, zones and the whole stamp ("Wednesday,
// April 1, 2015 10:42 AM EDT"). Each takes a position and returns where the piece ends (kNo when
// it is not there), reading a bounded number of bytes.

#include "dateline_stamp.h"

#include <cstdio>
#include <initializer_list>
#include <string>

#include "factlint/factlint.h"
#include "lexicon.h"

namespace factlint::dateline {

using std::string_view;
char Lower(char c) { return IsUpper(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

// Length of the space at i: ASCII blank, no-break space, thin/narrow no-break spaces.
size_t SpaceLen(string_view t, size_t i, size_t e) {
  if (i >= e) return 0;
  unsigned char c = U(t, i);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < e && U(t, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < e && U(t, i + 1) == 0x80 &&
      ((U(t, i + 2) >= 0x80 && U(t, i + 2) <= 0x8A) || U(t, i + 2) == 0xAF)) {
    return 3;
  }
  return 0;
}

size_t Sp(string_view t, size_t i, size_t e) {
  for (size_t len; (len = SpaceLen(t, i, e)) != 0;) i += len;
  return i;
}

// Length of a dash at i: '-', en dash, em dash, horizontal bar.
size_t DashLen(string_view t, size_t i, size_t e) {
  if (i >= e) return 0;
  if (t[i] == '-') return 1;
  if (U(t, i) == 0xE2 && i + 2 < e && U(t, i + 1) == 0x80 && U(t, i + 2) >= 0x93 && U(t, i + 2) <= 0x95) {
    return 3;
  }
  return 0;
}

// End of the run of ASCII letters at i.
size_t LettersEnd(string_view t, size_t i, size_t e) {
  while (i < e && IsAlpha(U(t, i))) ++i;
  return i;
}

// True when the ASCII word at i (case-insensitive) is w and ends there.
bool WordIs(string_view t, size_t i, size_t e, string_view w) {
  size_t k = LettersEnd(t, i, e);
  return EqualsNoCase(t.substr(i, k - i), w);
}

// Month (1..12) of the name or abbreviation at i ("September", "SEPT.", "Sep", "Feb."), with its
// end after an optional period in *next; 0 when there is none.
int MonthAt(string_view t, size_t i, size_t e, size_t* next) {
  if (i >= e || !IsAlpha(U(t, i)) || (i > 0 && IsAlpha(U(t, i - 1)))) return 0;
  size_t k = LettersEnd(t, i, e);
  if (k - i < 3 || k - i > 9) return 0;
  char buf[9];
  for (size_t j = i; j < k; ++j) buf[j - i] = Lower(t[j]);
  const string_view w(buf, k - i);
  // The lexicon's names and short forms ("may" is a name): MonthNumber(w), from the word classes
  // (most words ruled out by their first and last bytes before any look-up).
  const int month = static_cast<int>(WordClasses(w) & kWordMonthMask);
  if (month == 0) return 0;
  const bool abbrev = !IsFullMonthName(w);
  if (abbrev && k < e && t[k] == '.') ++k;
  *next = k;
  return month;
}

// A weekday name or abbreviation at i ("Wednesday", "Tue", "Thurs.", "WED"); its end in *next.
bool WeekdayAt(string_view t, size_t i, size_t e, size_t* next) {
  if (i >= e || !IsAlpha(U(t, i)) || (i > 0 && IsAlpha(U(t, i - 1)))) return false;
  size_t k = LettersEnd(t, i, e);
  if (k - i > 32) return false;  // longer than any word the lexicon holds
  char buf[32];
  for (size_t j = i; j < k; ++j) buf[j - i] = Lower(t[j]);
  const string_view w(buf, k - i);
  // The lexicon's; IsWeekday(w) from the word classes (most words ruled out by their first and
  // last bytes) when the word is short enough to be in them.
  const bool full = w.size() <= WordClassTable::kMaxWord ? (WordClasses(w) & kWordWeekday) != 0 : IsWeekday(w);
  const bool abbrev = IsWeekdayAbbreviation(w);
  if (!full && !abbrev) return false;
  if (abbrev && k < e && t[k] == '.') ++k;
  *next = k;
  return true;
}

// A number of min..max digits at i, not part of a longer number; -1 when there is none.
int NumberAt(string_view t, size_t i, size_t e, size_t min_digits, size_t max_digits, size_t* next) {
  if (i > 0 && IsDigitC(U(t, i - 1))) return -1;
  size_t k = i;
  int v = 0;
  while (k < e && IsDigitC(U(t, k)) && k - i <= max_digits) v = v * 10 + (t[k++] - '0');
  if (k - i < min_digits || k - i > max_digits) return -1;
  *next = k;
  return v;
}

// "st", "nd", "rd", "th" after a day number.
size_t SkipOrdinal(string_view t, size_t i, size_t e) {
  if (i + 2 <= e) {
    string_view s = t.substr(i, 2);
    if ((EqualsNoCase(s, "st") || EqualsNoCase(s, "nd") || EqualsNoCase(s, "rd") || EqualsNoCase(s, "th")) &&
        (i + 2 == e || !IsAlpha(U(t, i + 2)))) {
      return i + 2;
    }
  }
  return i;
}

bool ValidDay(int y, int m, int d) {
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return ParseIsoDate(buf).has_value();
}

// A date at i: "2019-09-24" (or 2019/09/24), "September 24, 2019", "Sept. 24 2019", "24 Sep 2019",
// "1st April, 2015", and with allow_no_year "June 11", "11 June" (y = 0). Returns its end or kNo.
size_t DateAt(string_view t, size_t i, size_t e, bool allow_no_year, Ymd* out) {
  if (i >= e) return kNo;
  size_t k;
  if (IsDigitC(U(t, i))) {
    int y = NumberAt(t, i, e, 4, 4, &k);
    if (y >= 0 && k + 5 < e + 0 && (t[k] == '-' || t[k] == '/')) {
      char sep = t[k];
      size_t k2;
      int m = NumberAt(t, k + 1, e, 2, 2, &k2);
      if (m < 0 || k2 >= e || t[k2] != sep) return kNo;
      size_t k3;
      int d = NumberAt(t, k2 + 1, e, 2, 2, &k3);
      if (d < 0 || !ValidDay(y, m, d)) return kNo;
      *out = Ymd{y, m, d};
      return k3;
    }
    int d = NumberAt(t, i, e, 1, 2, &k);
    if (d < 0) return kNo;
    k = SkipOrdinal(t, k, e);
    size_t j = Sp(t, k, e);
    if (j == k && !(j < e && t[j] == '-')) return kNo;
    if (j < e && t[j] == '-') j = j + 1;  // "24-Sep-2019"
    size_t mend;
    int m = MonthAt(t, j, e, &mend);
    if (m == 0) return kNo;
    j = mend;
    if (j < e && (t[j] == ',' || t[j] == '-')) ++j;
    size_t ys = Sp(t, j, e);
    int yr = NumberAt(t, ys, e, 4, 4, &k);
    if (yr < 0 && allow_no_year && ValidDay(2000, m, d)) {  // "BRUSSELS, 3 March (Wire) -"
      *out = Ymd{0, m, d};
      return mend;
    }
    if (yr < 0 || !ValidDay(yr, m, d)) return kNo;
    *out = Ymd{yr, m, d};
    return k;
  }
  size_t mend;
  int m = MonthAt(t, i, e, &mend);
  if (m == 0) return kNo;
  size_t j = Sp(t, mend, e);
  if (j == mend) return kNo;
  int d = NumberAt(t, j, e, 1, 2, &k);
  if (d < 0) return kNo;
  k = SkipOrdinal(t, k, e);
  size_t day_end = k;
  if (k < e && t[k] == ',') ++k;
  size_t ys = Sp(t, k, e);
  size_t yend;
  int yr = ys > day_end ? NumberAt(t, ys, e, 4, 4, &yend) : -1;
  if (yr >= 0 && ValidDay(yr, m, d)) {
    *out = Ymd{yr, m, d};
    return yend;
  }
  if (allow_no_year && ValidDay(2000, m, d)) {
    *out = Ymd{0, m, d};
    return day_end;
  }
  return kNo;
}

// A time zone at i: "GMT", "UTC+2", "GMT+05:30", "EDT", "ET", "CEST" (two to five capitals),
// optionally in parentheses. Returns its end or kNo.
size_t ZoneAt(string_view t, size_t i, size_t e) {
  size_t j = i;
  bool paren = j < e && t[j] == '(';
  if (paren) ++j;
  size_t k = j;
  while (k < e && IsUpper(U(t, k)) && k - j <= 5) ++k;
  if (k - j < 1 || k - j > 5 || (k < e && IsAlpha(U(t, k)))) return kNo;
  if (k - j == 1 && t[j] != 'Z') return kNo;
  string_view z = t.substr(j, k - j);
  if ((z == "UTC" || z == "GMT") && k < e && (t[k] == '+' || t[k] == '-')) {
    size_t n;
    if (NumberAt(t, k + 1, e, 1, 2, &n) >= 0) {
      k = n;
      if (k + 2 < e && t[k] == ':' && NumberAt(t, k + 1, e, 2, 2, &n) >= 0) k = n;
    }
  }
  if (paren) {
    if (k >= e || t[k] != ')') return kNo;
    ++k;
  }
  return k;
}

// A clock time at i: "10:42", "09.31", "14:42:00", "2:15 PM", "10:42 a.m. EDT", "14:42:00Z",
// "14:42:00+02:00", "10am". Returns its end or kNo.
size_t TimeAt(string_view t, size_t i, size_t e) {
  size_t k;
  int h = NumberAt(t, i, e, 1, 2, &k);
  if (h < 0 || h > 24) return kNo;
  bool minutes = false;
  if (k + 2 < e + 0 && (t[k] == ':' || t[k] == '.')) {
    size_t n;
    int mm = NumberAt(t, k + 1, e, 2, 2, &n);
    if (mm >= 0 && mm < 60) {
      minutes = true;
      k = n;
      if (k + 2 < e + 0 && t[k] == ':' && NumberAt(t, k + 1, e, 2, 2, &n) >= 0) k = n;  // seconds
      if (k < e && t[k] == '.' && k + 1 < e && IsDigitC(U(t, k + 1))) {                  // fraction
        ++k;
        while (k < e && IsDigitC(U(t, k))) ++k;
      }
    }
  }
  // ISO zone right after: "Z", "+02:00", "-0500".
  if (minutes && k < e && t[k] == 'Z' && (k + 1 == e || !IsAlpha(U(t, k + 1)))) return k + 1;
  if (minutes && k < e && (t[k] == '+' || t[k] == '-')) {
    size_t n;
    if (NumberAt(t, k + 1, e, 2, 4, &n) >= 0) {
      size_t z = n;
      if (z + 2 < e + 0 && t[z] == ':' && NumberAt(t, z + 1, e, 2, 2, &n) >= 0) z = n;
      return z;
    }
  }
  size_t j = Sp(t, k, e);
  bool meridiem = false;
  for (string_view am : {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"}) {
    if (j + am.size() <= e && EqualsNoCase(t.substr(j, am.size()), am) &&
        (j + am.size() == e || !IsAlpha(U(t, j + am.size())))) {
      if (h > 12) return kNo;
      k = j + am.size();
      meridiem = true;
      break;
    }
  }
  if (!minutes && !meridiem) return kNo;
  size_t zs = Sp(t, k, e);
  if (zs > k && zs < e && (t[zs] == '+' || t[zs] == '-') && minutes) {  // RFC 2822: "14:42:00 +0000"
    size_t n;
    if (NumberAt(t, zs + 1, e, 4, 4, &n) >= 0) return n;
  }
  size_t z = ZoneAt(t, zs, e);
  if (z != kNo && zs > k) k = z;
  return k;
}

// A date with an optional weekday before it and an optional time before or after it:
// "Wednesday, April 1, 2015", "10:42 AM EDT, September 24, 2019", "14 March 2018 09:31 GMT",
// "Tue 14 Mar 2018 09.31 GMT", "September 24, 2019 at 10:42 a.m.", "2019-09-24T14:42:00Z".
// Returns its end or kNo; the date in *ymd, its start in *date_start.
size_t StampAt(string_view t, size_t i, size_t e, bool allow_no_year, Ymd* ymd, size_t* date_start) {
  size_t j = i;
  size_t n;
  auto skip_weekday = [&](size_t p) {
    if (!WeekdayAt(t, p, e, &n)) return p;
    size_t q = n;
    if (q < e && t[q] == ',') ++q;
    size_t r = Sp(t, q, e);
    return r > n ? r : p;  // a weekday needs a space (or comma and space) after it
  };
  j = skip_weekday(j);
  size_t tm = IsDigitC(U(t, j)) ? TimeAt(t, j, e) : kNo;
  if (tm != kNo) {
    // "10:42 AM EDT, September 24, 2019", "14:20 GMT 24 Sep 2019", "2:15 PM ET, Tue September 24, 2019"
    size_t k = tm;
    if (k < e && t[k] == ',') ++k;
    size_t p = Sp(t, k, e);
    if (p == k && p < e && t[p] != ' ') return kNo;
    if (WordIs(t, p, e, "on")) p = Sp(t, p + 2, e);
    p = skip_weekday(p);
    size_t d = DateAt(t, p, e, false, ymd);
    if (d == kNo) return kNo;
    *date_start = p;
    return d;
  }
  size_t d = DateAt(t, j, e, allow_no_year, ymd);
  if (d == kNo) return kNo;
  *date_start = j;
  // A time after the date.
  if (d < e && t[d] == 'T') {
    size_t after = TimeAt(t, d + 1, e);
    return after != kNo ? after : d;
  }
  size_t k = d;
  if (k < e && (t[k] == ',')) ++k;
  size_t p = Sp(t, k, e);
  if (p < e && (t[p] == '|' || t[p] == '/')) p = Sp(t, p + 1, e);
  if (DashLen(t, p, e) != 0 && p > k) {
    size_t q = Sp(t, p + DashLen(t, p, e), e);
    if (q < e && IsDigitC(U(t, q)) && TimeAt(t, q, e) != kNo) p = q;  // "Sep 24, 2019 - 10:42 AM"
  }
  if (WordIs(t, p, e, "at")) p = Sp(t, p + 2, e);
  if (p > d && p < e && IsDigitC(U(t, p))) {
    size_t after = TimeAt(t, p, e);
    if (after != kNo) return after;
  }
  return d;
}

// A numeric date at i that reads one way only: "14/03/2023", "03/14/2023", "3.3.2023" — day and
// month told apart by one of them being over 12, or by their being equal. Returns its end or kNo.
size_t NumericDateAt(string_view t, size_t i, size_t e, Ymd* out) {
  size_t p, q, r;
  const int a = NumberAt(t, i, e, 1, 2, &p);
  if (a < 0 || p >= e || (t[p] != '/' && t[p] != '.' && t[p] != '-')) return kNo;
  const char sep = t[p];
  const int b = NumberAt(t, p + 1, e, 1, 2, &q);
  if (b < 0 || q >= e || t[q] != sep) return kNo;
  const int y = NumberAt(t, q + 1, e, 4, 4, &r);
  if (y < 0) return kNo;
  int m, d;
  if (a == b || (a > 12 && b <= 12)) {
    d = a;
    m = b;
  } else if (b > 12 && a <= 12) {
    m = a;
    d = b;
  } else {
    return kNo;  // 04/05/2023: April 5 or 4 May
  }
  if (!ValidDay(y, m, d)) return kNo;
  *out = Ymd{y, m, d};
  return r;
}

}  // namespace factlint::dateline
