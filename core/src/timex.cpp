// Time expressions: a small tokenizer over the folded range (words, numbers, punctuation) and a
// left-to-right matcher of the date shapes news uses. Deliberately conservative where a word is
// ambiguous: "may" and "march" count as months only next to a day or a year (or after "in"/"since"
// ... for month-only forms), and a bare four-digit number counts as a year only in 1800..2100 and
// after a word that introduces a time ("in", "since", "the", "by", ...), never as "2000 troops".

#include "timex.h"

#include <array>
#include <cstdio>

#include "text.h"

namespace factlint {
namespace {

using Token = TimexToken;

// What a byte of folded text is to the tokenizer: a space (skipped), a byte of a word (letters,
// digits, any byte >= 0x80: IsWordByte), a digit; anything else is one punctuation token.
constexpr uint8_t kByteSpace = 1, kByteWord = 2, kByteDigit = 4;
constexpr std::array<uint8_t, 256> kByteKinds = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const auto u = static_cast<unsigned char>(c);
    t[u] = c == ' ' || c == '\t' || c == '\n' || c == '\r' ? kByteSpace
         : c >= '0' && c <= '9'                              ? kByteWord | kByteDigit
         : kWordBytes[u]                                     ? kByteWord
                                                             : 0;
  }
  return t;
}();

static_assert((kTimexStart & (kWordMonthMask | kWordWeekday | kWordRelative | kWordSpeech | kWordHeShe)) == 0);

// Tokens of s[begin, end) into *out, each word with its classes (one look-up; the table rules
// most words out by first byte and length before hashing) and kTimexStart when it can start an
// expression (a digit first, or a month form, weekday or "last"/"next"/"this"/"past"). A range of
// n bytes has at most n tokens: they are written through a pointer into room for that many.
void Tokenize(std::string_view s, size_t begin, size_t end, TimexTokens* out) {
  uint32_t* starts;
  Token* const first = out->Prepare(end - begin, &starts);
  Token* q = first;
  uint32_t* sq = starts;
  const WordClassTable& classes = WordClassesTable();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  // A word that starts before `guard` ends at the non-word byte guard - 1 at the latest: its
  // letters are read without a bound test (only the range's last word needs one).
  size_t guard = end;
  while (guard > begin && (kByteKinds[p[guard - 1]] & kByteWord)) --guard;
  size_t i = begin;
  while (i < end) {
    const uint8_t kind = kByteKinds[p[i]];
    if ((kind & kByteWord) == 0) {
      if (kind == 0) *q++ = Token{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), false, false, 0};
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool digits = false;
    if (kind & kByteDigit) {  // a number, or a word that starts with one ("28th", "1990s")
      uint8_t all = kind;     // keeps kByteDigit while every byte is a digit
      for (uint8_t k; j < end && ((k = kByteKinds[p[j]]) & kByteWord); ++j) all &= k;
      digits = (all & kByteDigit) != 0;
    } else if (i < guard) {
      while (kByteKinds[p[j]] & kByteWord) ++j;
    } else {
      while (j < end && (kByteKinds[p[j]] & kByteWord)) ++j;
    }
    unsigned cls = classes.Get(std::string_view(s.data() + i, j - i));
    if ((kind & kByteDigit) || (cls & (kWordMonthMask | kWordWeekday | kWordRelative))) {
      cls |= kTimexStart;
      *sq++ = static_cast<uint32_t>(q - first);
    }
    *q++ = Token{static_cast<uint32_t>(i), static_cast<uint32_t>(j), true, digits, static_cast<uint16_t>(cls)};
    i = j;
  }
  out->set_sizes(static_cast<size_t>(q - first), static_cast<size_t>(sq - starts));
}

int ToInt(std::string_view t) {
  int v = 0;
  for (char c : t) {
    v = v * 10 + (c - '0');
    if (v > 100000) return v;
  }
  return v;
}

std::string_view TextOf(std::string_view s, const Token& t) { return s.substr(t.start, t.end - t.start); }

bool IsYearToken(std::string_view s, const Token& t) {
  if (!t.number || t.end - t.start != 4) return false;
  int y = ToInt(TextOf(s, t));
  return y >= 1800 && y <= 2100;
}

// Day number with optional ordinal suffix: "28", "28th", "1st".
int DayOf(std::string_view text, const Token& t) {
  if (!t.word || t.start >= text.size() || text[t.start] < '0' || text[t.start] > '9') return 0;
  std::string_view s = TextOf(text, t);
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  if (k == 0 || k > 2) return 0;
  std::string_view rest = s.substr(k);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int d = ToInt(s.substr(0, k));
  return d >= 1 && d <= 31 ? d : 0;
}

bool DaysOk(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && y != 0) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

}  // namespace

Date TimeExpr::First(int in_year) const {
  int y = year ? year : in_year;
  if (y == 0) y = 1970;
  if (precision == TimePrecision::kYear || month == 0) return MakeDate(y, 1, 1);
  if (precision == TimePrecision::kMonth || day == 0) return MakeDate(y, month, 1);
  return MakeDate(y, month, day);
}

Date TimeExpr::Last(int in_year) const {
  int y = year ? year : in_year;
  if (y == 0) y = 1970;
  if (precision == TimePrecision::kYear || month == 0) return MakeDate(y, 12, 31);
  if (precision == TimePrecision::kMonth || day == 0) {
    return month == 12 ? MakeDate(y, 12, 31) : Date{MakeDate(y, month + 1, 1).days - 1};
  }
  return MakeDate(y, month, day);
}

std::string_view MonthName(int month) {
  static constexpr std::array<const char*, 12> kNames = {
      "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kNames[static_cast<size_t>(month - 1)] : "";
}

std::string TimeExpr::ToString() const {
  // The common forms by hand (snprintf was ~900 instructions a call; the timeline names the
  // expressions of most sentences that hold one).
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 12 && day >= 0 && day <= 99) {
    std::string out;
    auto put = [&out](int v, int width) {
      char b[4];
      for (int k = width - 1; k >= 0; --k, v /= 10) b[k] = static_cast<char>('0' + v % 10);
      out.append(b, static_cast<size_t>(width));
    };
    if (year && month && day && precision == TimePrecision::kDay) {
      put(year, 4), out += '-', put(month, 2), out += '-', put(day, 2);
      return out;
    }
    if (year) {
      put(year, 4);
      if (month) out += '-', put(month, 2);
      return out;
    }
    if (month) {
      out = MonthName(month);
      if (day) out += ' ', out += std::to_string(day);
      return out;
    }
  }
  char buf[48];
  if (year && month && day && precision == TimePrecision::kDay)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (year && month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else if (year)
    std::snprintf(buf, sizeof buf, "%04d", year);
  else if (month && day)
    std::snprintf(buf, sizeof buf, "%s %d", MonthName(month).data(), day);
  else if (month)
    std::snprintf(buf, sizeof buf, "%s", MonthName(month).data());
  else if (relative_unit)
    std::snprintf(buf, sizeof buf, "%s %s", relative_offset < 0 ? "last" : relative_offset > 0 ? "next" : "this",
                  relative_unit == 'y' ? "year" : "month");
  else
    buf[0] = '\0';
  return buf;
}

void ResolveRelative(const TimeExpr& e, Date from, Date to, Date* first, Date* last) {
  int y1, m1, d1, y2, m2, d2;
  SplitDate(from, &y1, &m1, &d1);
  SplitDate(to, &y2, &m2, &d2);
  if (e.relative_unit == 'y') {
    *first = MakeDate(y1 + e.relative_offset, 1, 1);
    *last = MakeDate(y2 + e.relative_offset, 12, 31);
    return;
  }
  int a = y1 * 12 + (m1 - 1) + e.relative_offset, b = y2 * 12 + (m2 - 1) + e.relative_offset;
  *first = MakeDate(a / 12, a % 12 + 1, 1);
  int nb = b + 1;
  *last = Date{MakeDate(nb / 12, nb % 12 + 1, 1).days - 1};
}

std::vector<TimeExpr> FindTimeExpressions(std::string_view s, size_t begin, size_t end) {
  TimexTokens scratch;
  return FindTimeExpressions(s, begin, end, &scratch);
}

std::vector<TimeExpr> FindTimeExpressions(std::string_view s, size_t begin, size_t end, TimexTokens* scratch) {
  std::vector<TimeExpr> out;
  AppendTimeExpressions(s, begin, end, scratch, &out);
  return out;
}

void AppendTimeExpressions(std::string_view s, size_t begin, size_t end, TimexTokens* scratch, std::vector<TimeExpr>* out) {
  if (end > s.size()) end = s.size();
  if (begin >= end) return;
  Tokenize(s, begin, end, scratch);
  const TimexTokens& t = *scratch;
  const size_t n = t.size();
  auto text_of = [&](size_t i) { return TextOf(s, t[i]); };
  auto word_at = [&](size_t i) -> std::string_view { return i < n && t[i].word ? text_of(i) : std::string_view(); };
  auto cls_at = [&](size_t i) -> unsigned { return i < n ? t[i].cls : 0u; };  // 0 for punctuation
  auto month_at = [&](size_t i) -> int { return static_cast<int>(cls_at(i) & kWordMonthMask); };
  auto punct_at = [&](size_t i, char c) { return i < n && !t[i].word && s[t[i].start] == c; };
  auto day_of = [&](size_t i) { return DayOf(s, t[i]); };
  auto is_year = [&](size_t i) { return IsYearToken(s, t[i]); };
  size_t first_word = 0;  // index of the first word token
  while (first_word < n && !t[first_word].word) ++first_word;
  size_t i = 0;
  const uint32_t* next_start = t.starts_begin();
  while (true) {
    // Most tokens start no expression: punctuation, and words that begin with neither a digit nor
    // are a weekday, a month form or "last"/"next"/"this"/"past" (each shape below needs one of
    // those at token i): Tokenize marked the others kTimexStart and listed them.
    while (next_start != t.starts_end() && *next_start < i) ++next_start;
    if (next_start == t.starts_end()) break;
    i = *next_start;
    TimeExpr e;
    size_t first = i, last = i;  // token range of the expression
    bool found = false;
    // Optional weekday + comma.
    size_t j = i;
    bool weekday = false;
    if (cls_at(j) & kWordWeekday) {
      size_t k = j + 1;
      if (punct_at(k, ',')) ++k;
      if (month_at(k) || (k < n && day_of(k))) {
        weekday = true;
        j = k;
      }
    }
    // "last year", "this month", "next year".
    if (!found && j + 1 < n && (cls_at(j) & kWordRelative)) {
      std::string_view unit = word_at(j + 1);
      if (unit == "year" || unit == "month") {
        e.relative_unit = unit == "year" ? 'y' : 'm';
        e.relative_offset = word_at(j) == "next" ? 1 : word_at(j) == "this" ? 0 : -1;
        e.precision = unit == "year" ? TimePrecision::kYear : TimePrecision::kMonth;
        last = j + 1;
        found = true;
      }
    }
    // ISO yyyy-mm-dd.
    if (!found && j + 4 < n && is_year(j) && punct_at(j + 1, '-') && t[j + 2].number &&
        t[j + 2].end - t[j + 2].start == 2 && punct_at(j + 3, '-') && t[j + 4].number && t[j + 4].end - t[j + 4].start == 2 &&
        t[j + 1].start == t[j].end && t[j + 2].start == t[j + 1].end && t[j + 4].start == t[j + 3].end) {
      int y = ToInt(text_of(j)), m = ToInt(text_of(j + 2)), d = ToInt(text_of(j + 4));
      if (m >= 1 && m <= 12 && d >= 1 && DaysOk(y, m, d)) {
        e.year = y, e.month = m, e.day = d, e.precision = TimePrecision::kDay;
        last = j + 4;
        found = true;
      }
    }
    if (!found) {
      int m = month_at(j);
      if (m) {
        size_t k = j + 1;
        if (punct_at(k, '.')) ++k;  // "Feb."
        int d = k < n ? day_of(k) : 0;
        const bool ambiguous = word_at(j) == "may" || word_at(j) == "march" || word_at(j) == "mar" ||
                               word_at(j) == "jan" || word_at(j) == "sep" || word_at(j) == "dec";
        if (d && DaysOk(0, m, d)) {  // Month Day [, Year]
          size_t y = k + 1;
          if (punct_at(y, ',')) ++y;
          if (y < n && is_year(y) && DaysOk(ToInt(text_of(y)), m, d)) {
            e.year = ToInt(text_of(y));
            last = y;
          } else {
            last = k;
          }
          e.month = m, e.day = d, e.precision = TimePrecision::kDay;
          found = true;
        } else {
          size_t y = k;
          if (word_at(y) == "of") {
            ++y;
          } else if (punct_at(y, ',') && y + 1 < n && is_year(y + 1) &&
                     (!ambiguous || (j > 0 && IntroducesMonth(word_at(j - 1))))) {
            ++y;  // "July, 2002"; "May, 2002" only after "in", "since" ...
          }
          if (y < n && is_year(y)) {  // Month Year
            e.year = ToInt(text_of(y)), e.month = m, e.precision = TimePrecision::kMonth;
            last = y;
            found = true;
          } else if (!ambiguous && j > 0 && IntroducesMonth(word_at(j - 1))) {  // "in November"
            e.month = m, e.precision = TimePrecision::kMonth;
            last = j;
            found = true;
          } else if (!ambiguous && j == 0 && k < n && t[k].word && !t[k].number) {
            // "November elections" at the start of a range: a month used as a modifier.
            e.month = m, e.precision = TimePrecision::kMonth;
            last = j;
            found = true;
          }
        }
      } else if (j < n && day_of(j) && month_at(j + 1)) {
        int d = day_of(j);
        int m2 = month_at(j + 1);
        if (d && m2 && DaysOk(0, m2, d)) {  // Day Month [Year]
          size_t y = j + 2;
          if (punct_at(y, ',')) ++y;
          if (y < n && is_year(y) && DaysOk(ToInt(text_of(y)), m2, d)) {
            e.year = ToInt(text_of(y));
            last = y;
          } else {
            last = j + 1;
          }
          e.month = m2, e.day = d, e.precision = TimePrecision::kDay;
          found = true;
        }
      } else if (j < n && is_year(j) &&
                 ((j > 0 && (IntroducesYear(word_at(j - 1)) ||
                             (IsYearPossessive(word_at(j - 1)) && IsYearFigureNoun(word_at(j + 1))))) ||
                  // "1986's Live Aid", "2005's budget": a possessive year, not a decade ("the 1980's")
                  (punct_at(j + 1, '\'') && t[j + 1].start == t[j].end && word_at(j + 2) == "s" &&
                   t[j + 2].start == t[j + 1].end && text_of(j).back() != '0'))) {
        // A bare year ("in 2019", "its 2005 forecast"); not a range like "2019-20" or a
        // percentage, not "2019s", not a decade with an apostrophe ("the 1980's").
        const bool decade = punct_at(j + 1, '\'') && word_at(j + 2) == "s" && text_of(j).back() == '0';
        bool bad = decade || (j + 1 < n && (punct_at(j + 1, '%') || (punct_at(j + 1, '-') && j + 2 < n && t[j + 2].number &&
                                                                     t[j + 2].start == t[j + 1].end)));
        if (!bad) {
          e.year = ToInt(text_of(j)), e.precision = TimePrecision::kYear;
          last = j;
          found = true;
        }
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    e.has_weekday = weekday;
    e.start = t[first].start;
    e.end = t[last].end;
    e.preposition = first > 0 && t[first - 1].word ? std::string(text_of(first - 1)) : std::string();
    // At the head of its range, alone or after one preposition ("In 2010, ...", "On March 3, ...").
    e.sentence_initial = first <= first_word ||
                         (first == first_word + 1 && IsClaimDatePreposition(text_of(first_word)));
    // Or at the end of an opening time frame closed by a comma: "On the night of March 19, 2003, …"
    // (the date then dates its whole sentence, as a fronted date does).
    if (!e.sentence_initial && first > first_word && first - first_word <= 6 && last + 1 < n &&
        !t[last + 1].word && s[t[last + 1].start] == ',') {
      bool frame = true;
      for (size_t k = first_word; k < first && frame; ++k) frame = t[k].word && IsFrameWord(text_of(k));
      e.sentence_initial = frame;
    }
    out->push_back(std::move(e));
    i = last + 1;
  }
}

}  // namespace factlint
