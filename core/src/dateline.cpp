// Datelines, date lines, published/updated lines and dated bylines at the head of an article
// (dateline.h). A small recursive-descent reader over the original text: each piece — place,
// agency, weekday, date, time, zone, separator, label — is a function that takes a position and
// returns where the piece ends (kNo when it is not there). Every piece reads a bounded number of
// bytes, so a call costs O(1) in the text size; FindDatelineDate tries a bounded number of
// positions in a bounded number of segments.

#include "dateline.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string>

#include "lexicon.h"

namespace factlint {
namespace {

using std::string_view;
constexpr size_t kNo = string_view::npos;

bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigitC(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(unsigned char c) { return IsUpper(c) || IsLower(c); }
unsigned char U(string_view t, size_t i) { return static_cast<unsigned char>(t[i]); }
char Lower(char c) { return IsUpper(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

bool EqualsNoCase(string_view a, string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

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
  std::string w;
  for (size_t j = i; j < k; ++j) w.push_back(Lower(t[j]));
  const int month = MonthNumber(w);  // the lexicon's names and short forms ("may" is a name)
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
  std::string w;
  for (size_t j = i; j < k; ++j) w.push_back(Lower(t[j]));
  const bool full = IsWeekday(w), abbrev = IsWeekdayAbbreviation(w);  // the lexicon's
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

struct Ymd {
  int y = 0, m = 0, d = 0;
};

// A date at i: "2019-09-24" (or 2019/09/24), "September 24, 2019", "Sept. 24 2019", "24 Sep 2019",
// "1st April, 2015", and with allow_no_year "June 11" (y = 0). Returns its end or kNo.
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

bool IsConnector(string_view w) {
  for (string_view c : {"de", "da", "del", "della", "des", "du", "do", "dos", "das", "di", "la", "le", "el", "al",
                        "es", "of", "on", "upon", "am", "an", "der", "den", "sur", "en", "y", "i", "au", "aux"}) {
    if (w == c) return true;
  }
  return false;
}

bool IsLabelWord(string_view t, size_t i, size_t e) {
  for (string_view w : {"published", "updated", "posted", "modified", "by", "first", "last", "originally", "date"}) {
    if (WordIs(t, i, e, w)) return true;
  }
  return false;
}

// End of a place name token at i (a capitalised word: letters, non-ASCII letters, inner periods,
// apostrophes and single hyphens: "ST. LOUIS", "D.C.", "Port-au-Prince", "Xi'an", "Évian"), or kNo.
size_t PlaceTokenAt(string_view t, size_t i, size_t e, bool* capital) {
  if (i >= e) return kNo;
  unsigned char c = U(t, i);
  if (!IsAlpha(c) && c < 0xC0) return kNo;
  *capital = IsUpper(c) || c >= 0xC0;
  size_t k = i;
  while (k < e && k - i < 40) {
    unsigned char d = U(t, k);
    if (IsAlpha(d) || d >= 0x80) {
      if (d == 0xE2 && k + 2 < e && U(t, k + 1) == 0x80 && U(t, k + 2) != 0x99) break;  // dashes, spaces
      if (d == 0xC2 && k + 1 < e && U(t, k + 1) == 0xA0) break;                           // no-break space
      ++k;
    } else if (d == '.' || d == '\'') {
      ++k;
    } else if (d == '-' && k + 1 < e && IsAlpha(U(t, k + 1)) && k > i && IsAlpha(U(t, k - 1))) {
      ++k;
    } else {
      break;
    }
  }
  return k > i ? k : kNo;
}

// A place: capitalised words (with lower-case connectors such as "de", "es" inside) in up to four
// comma-separated parts: "CARBIS BAY, England", "Washington, D.C.", "Dar es Salaam, Tanzania".
// Stops before a month name followed by a number, a weekday or a label word. Returns its end or kNo.
size_t PlaceAt(string_view t, size_t i, size_t e) {
  size_t j = i, last_end = kNo;
  size_t words = 0, commas = 0;
  bool need_capital = true;  // the first word of the place and of each part
  while (j < e && words < 8) {
    size_t n;
    if (MonthAt(t, j, e, &n) != 0 && IsDigitC(U(t, Sp(t, n, e) < e ? Sp(t, n, e) : j))) break;
    if (WeekdayAt(t, j, e, &n) || (words == 0 && IsLabelWord(t, j, e))) break;
    bool capital;
    size_t k = PlaceTokenAt(t, j, e, &capital);
    if (k == kNo) break;
    string_view w = t.substr(j, k - j);
    if (!capital && (need_capital || !IsConnector(w))) break;
    if (w.back() == '.' && !capital) break;
    ++words;
    need_capital = false;
    if (!capital) {
      // A connector must be followed by a capitalised word.
      size_t p = Sp(t, k, e);
      bool cap_next;
      if (p == k || PlaceTokenAt(t, p, e, &cap_next) == kNo || !cap_next) break;
      j = p;
      continue;
    }
    last_end = k;
    if (k < e && t[k] == ',' && commas < 3) {
      size_t p = Sp(t, k + 1, e);
      bool cap_next;
      if (p > k + 1 && PlaceTokenAt(t, p, e, &cap_next) != kNo && cap_next && MonthAt(t, p, e, &n) == 0 &&
          !WeekdayAt(t, p, e, &n)) {
        ++commas;
        need_capital = true;
        j = p;
        continue;
      }
      break;
    }
    size_t p = Sp(t, k, e);
    if (p == k + 1 && p < e) {
      j = p;
      continue;
    }
    break;
  }
  return last_end;
}

// An agency: "(AP)", "(Reuters)", "(GLOBE NEWSWIRE)", "(dpa)", "/PRNewswire/", "/CNW/",
// "/PRNewswire-HISPANIC PR WIRE/". Returns its end or kNo.
size_t AgencyAt(string_view t, size_t i, size_t e) {
  if (i >= e || (t[i] != '(' && t[i] != '/')) return kNo;
  char close = t[i] == '(' ? ')' : '/';
  size_t k = i + 1;
  if (k >= e || !IsAlpha(U(t, k))) return kNo;
  // Agencies are capitalised; a few write their name in lower case ("(dpa)", "(afp)").
  if (IsLower(U(t, k)) && !(WordIs(t, k, e, "dpa") || WordIs(t, k, e, "afp") || WordIs(t, k, e, "apa"))) return kNo;
  while (k < e && k - i < 48) {
    unsigned char c = U(t, k);
    if (c == static_cast<unsigned char>(close)) return k + 1;
    if (!(IsAlpha(c) || IsDigitC(c) || c == ' ' || c == '&' || c == '.' || c == '-' || c == '\'' || c >= 0x80)) {
      return kNo;
    }
    ++k;
  }
  return kNo;
}

// The separator that closes a dateline: a run of dashes (" — ", " - ", " -- ", "--"), a colon
// after a place or agency ("NEW DELHI: "), a period after a /TASS/-style agency; or the end.
// Returns the position after it and the spaces that follow, or kNo.
size_t SeparatorAt(string_view t, size_t i, size_t e, bool allow_colon) {
  size_t j = Sp(t, i, e);
  if (j >= e) return e;
  size_t d = DashLen(t, j, e);
  if (d != 0) {
    size_t k = j;
    while ((d = DashLen(t, k, e)) != 0 && k - j < 9) k += d;
    // A single hyphen needs spaces on both sides ("LONDON - The"), or the agency before it.
    if (k - j == 1 && j == i && t[i - 1] != ')' && t[i - 1] != '/') return kNo;
    return Sp(t, k, e);
  }
  if (allow_colon && j == i && t[j] == ':') {
    size_t k = Sp(t, j + 1, e);
    return k > j + 1 || k == e ? k : kNo;
  }
  return kNo;
}

// A label at i: "Published", "First published on", "Updated:", "Last updated", "Posted at",
// "Date:". Returns the position of what follows (after ':' and "on"/"at") or kNo; the form in *form.
size_t LabelAt(string_view t, size_t i, size_t e, DatelineForm* form) {
  if (i >= e || !IsAlpha(U(t, i)) || (i > 0 && IsAlpha(U(t, i - 1)))) return kNo;
  size_t k = LettersEnd(t, i, e);
  string_view w = t.substr(i, k - i);
  bool colon_needed = false;
  if (EqualsNoCase(w, "first") || EqualsNoCase(w, "originally") || EqualsNoCase(w, "last")) {
    bool last = EqualsNoCase(w, "last");
    size_t p = Sp(t, k, e);
    if (p == k) return kNo;
    size_t q = LettersEnd(t, p, e);
    string_view w2 = t.substr(p, q - p);
    if (last ? !(EqualsNoCase(w2, "updated") || EqualsNoCase(w2, "modified")) : !EqualsNoCase(w2, "published")) {
      return kNo;
    }
    *form = last ? DatelineForm::kUpdated : DatelineForm::kPublished;
    k = q;
  } else if (EqualsNoCase(w, "published") || EqualsNoCase(w, "posted")) {
    *form = DatelineForm::kPublished;
  } else if (EqualsNoCase(w, "updated") || EqualsNoCase(w, "modified")) {
    *form = DatelineForm::kUpdated;
  } else if (EqualsNoCase(w, "date") || EqualsNoCase(w, "dated")) {
    *form = DatelineForm::kPublished;
    colon_needed = true;
  } else {
    return kNo;
  }
  bool colon = k < e && t[k] == ':';
  if (colon_needed && !colon) return kNo;
  if (colon) ++k;
  size_t p = Sp(t, k, e);
  if (p == k && p < e) return kNo;
  if (WordIs(t, p, e, "on") || WordIs(t, p, e, "at")) {
    size_t q = Sp(t, p + 2, e);
    if (q > p + 2) p = q;
  }
  return p;
}

// After a date in a published line or byline: the end, a separator, another label or a capital.
bool ClosesLine(string_view t, size_t i, size_t e) {
  size_t j = Sp(t, i, e);
  if (j >= e) return true;
  unsigned char c = U(t, j);
  if (WordIs(t, j, e, "by") && j > i) return true;  // "Posted on 10 December 2015 by Staff"
  if (IsDigitC(c) || IsLower(c)) return false;
  if (c == ',' || c == '.' || c == ';' || c == '|' || c == '(' || c == ')' || DashLen(t, j, e) != 0) return true;
  if (c == 0xC2 && j + 1 < e && U(t, j + 1) == 0xB7) return true;                                 // ·
  if (c == 0xE2 && j + 2 < e && U(t, j + 1) == 0x80 && U(t, j + 2) == 0xA2) return true;          // •
  return IsUpper(c) && j > i;
}

}  // namespace

const char* DatelineFormName(DatelineForm form) {
  switch (form) {
    case DatelineForm::kDateline: return "dateline";
    case DatelineForm::kDateOnly: return "date line";
    case DatelineForm::kPublished: return "published line";
    case DatelineForm::kUpdated: return "updated line";
    case DatelineForm::kByline: return "byline";
  }
  return "dateline";
}

size_t MatchDatelineHead(string_view t, size_t start, size_t end, DatelineInfo* info) {
  end = std::min(end, t.size());
  if (start >= end) return 0;
  size_t e = std::min(end, start + 240);  // a dateline is short; bounded look-ahead
  bool place = false, agency = false;
  Ymd ymd;
  bool dated = false;
  size_t date_start = start, date_end = start;
  size_t j = start;
  size_t p = PlaceAt(t, start, e);
  if (p != kNo) {
    place = true;
    j = p;
    size_t k = Sp(t, j, e);
    size_t a = AgencyAt(t, k, e);
    if (a != kNo) {
      agency = true;
      j = a;
    }
    if (j < e && t[j] == ',') {
      size_t q = Sp(t, j + 1, e);
      size_t ds;
      size_t s = q > j + 1 ? StampAt(t, q, e, true, &ymd, &ds) : kNo;
      if (s != kNo) {
        dated = true;
        date_start = ds;
        date_end = s;
        j = s;
      }
    }
  } else {
    size_t ds;
    size_t s = StampAt(t, start, e, true, &ymd, &ds);
    if (s == kNo) return 0;
    dated = true;
    date_start = ds;
    date_end = s;
    j = s;
  }
  if (!agency) {
    size_t k = Sp(t, j, e);
    if (k < e && t[k] == '.' && k + 1 < e) k = Sp(t, k + 1, e);  // "MOSCOW, September 24. /TASS/."
    size_t a = AgencyAt(t, k, e);
    if (a != kNo && (k > j || t[j] == '.' || t[k] == '/')) {
      agency = true;
      j = a;
      if (j < e && t[j] == '.' && t[a - 1] == '/') ++j;
    }
  }
  if (place && !dated && !agency) return 0;
  if (!place && !agency && ymd.y == 0) return 0;
  size_t sep = SeparatorAt(t, j, end, place || agency);
  if (sep == kNo && j < end && t[j - 1] == '.' && agency) sep = Sp(t, j, end);  // "/TASS/. "
  if (sep == kNo) return 0;
  // "BERLIN (Wire) - March 10, 2023 - …": the date after the place's separator, closed by another.
  if (!dated && sep < end) {
    size_t ds;
    Ymd late;
    size_t s = StampAt(t, sep, std::min(end, sep + 120), false, &late, &ds);
    size_t sep2 = s != kNo ? SeparatorAt(t, s, end, false) : kNo;
    if (sep2 != kNo) {
      ymd = late;
      dated = true;
      date_start = ds;
      date_end = s;
      sep = sep2;
    }
  }
  if (info != nullptr) {
    info->date = ymd.y != 0 ? std::optional<Date>(MakeDate(ymd.y, ymd.m, ymd.d)) : std::nullopt;
    info->form = place || agency ? DatelineForm::kDateline : DatelineForm::kDateOnly;
    info->start = start;
    info->end = sep;
    info->date_start = dated ? date_start : start;
    info->date_end = dated ? date_end : start;
  }
  return sep;
}

std::optional<DatelineInfo> FindDatelineDate(const Document& doc, const std::vector<TextSegment>& segments) {
  string_view t = doc.text();
  std::optional<DatelineInfo> published, updated;
  auto consider = [&](const DatelineInfo& info) {
    if (!info.date) return;
    std::optional<DatelineInfo>& slot = info.form == DatelineForm::kUpdated ? updated : published;
    if (!slot) slot = info;
  };
  size_t sentences = 0;
  for (size_t s = 0; s < segments.size() && s < 8 && !published; ++s) {
    const TextSegment& seg = segments[s];
    if (seg.start >= 2000) break;
    const size_t a = seg.start, b = std::min(seg.end, t.size());
    bool found = false;
    DatelineInfo info;
    if (MatchDatelineHead(t, a, b, &info) != 0 && info.date) {
      info.segment = s;
      consider(info);
      found = true;
    }
    const bool line = seg.kind == SegmentKind::kHeading || seg.kind == SegmentKind::kDateline;
    // Labels: at the head of any segment, anywhere (at a word start) in a short line.
    const size_t scan_end = line && b - a <= 240 ? b : a + 1;
    for (size_t p = a; p < scan_end && !found; ++p) {
      if (p > a && IsAlpha(U(t, p - 1))) continue;
      DatelineForm form;
      size_t q = LabelAt(t, p, b, &form);
      if (q == kNo) continue;
      Ymd ymd;
      size_t ds;
      size_t d = StampAt(t, q, b, false, &ymd, &ds);
      if (d == kNo || !ClosesLine(t, d, b)) continue;
      DatelineInfo li;
      li.date = MakeDate(ymd.y, ymd.m, ymd.d);
      li.form = form;
      li.start = p;
      li.end = d;
      li.date_start = ds;
      li.date_end = d;
      li.segment = s;
      consider(li);
      if (form != DatelineForm::kUpdated) found = true;
      p = d;
    }
    // A byline that ends with a date: "By Jane Doe, Sept. 24, 2019", "By JANE DOE | 24 Sep 2019".
    if (!found && line && b - a <= 240 && (WordIs(t, a, b, "by") && a + 2 < b && t[a + 2] == ' ')) {
      for (size_t p = a + 3; p < b; ++p) {
        unsigned char c = U(t, p);
        size_t sep_len = DashLen(t, p, b);
        if (c == ',' || c == '|') sep_len = 1;
        if (c == 0xC2 && p + 1 < b && U(t, p + 1) == 0xB7) sep_len = 2;                          // ·
        if (c == 0xE2 && p + 2 < b && U(t, p + 1) == 0x80 && U(t, p + 2) == 0xA2) sep_len = 3;   // •
        if (sep_len == 0) continue;
        size_t q = Sp(t, p + sep_len, b);
        Ymd ymd;
        size_t ds;
        size_t d = StampAt(t, q, b, false, &ymd, &ds);
        if (d == kNo || !ClosesLine(t, d, b)) continue;
        DatelineInfo bi;
        bi.date = MakeDate(ymd.y, ymd.m, ymd.d);
        bi.form = DatelineForm::kByline;
        bi.start = a;
        bi.end = d;
        bi.date_start = ds;
        bi.date_end = d;
        bi.segment = s;
        consider(bi);
        found = true;
        break;
      }
    }
    if (!found && seg.kind == SegmentKind::kSentence && ++sentences >= 2) break;
  }
  return published ? published : updated;
}

}  // namespace factlint
