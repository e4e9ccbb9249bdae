// Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian), using the
// days-from-civil / civil-from-days algorithms of Howard Hinnant's date paper.

#include <cstdio>

#include "factlint/factlint.h"

namespace factlint {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

Date MakeDate(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + doe - 719468};
}

void SplitDate(Date date, int* year, int* month, int* day) {
  const int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (m <= 2);
  *month = m;
  *day = d;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return MakeDate(y, m, d);
}

std::string FormatIsoDate(Date date) {
  int y, m, d;
  SplitDate(date, &y, &m, &d);
  char buf[40];  // room for any three ints (the compiler checks it)
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  // The common case by hand: snprintf was ~1,500 instructions a call, and the timeline and the
  // report format a date for most claims.
  const char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                        static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                        static_cast<char>('0' + m / 10),     static_cast<char>('0' + m % 10), '-',
                        static_cast<char>('0' + d / 10),     static_cast<char>('0' + d % 10)};
  return std::string(out, sizeof out);
}

}  // namespace factlint
