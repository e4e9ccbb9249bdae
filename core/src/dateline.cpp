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

#include "dateline_stamp.h"
#include "lexicon.h"

namespace factlint {
namespace {

using namespace dateline;  // NOLINT: the stamp pieces (dateline_stamp.h)
using std::string_view;

// The lists as string_views (a list of string literals would measure each one per call).
constexpr string_view kConnectors[] = {"de", "da", "del", "della", "des", "du", "do", "dos", "das", "di",
                                       "la", "le", "el", "al", "es", "of", "on", "upon", "am", "an",
                                       "der", "den", "sur", "en", "y", "i", "au", "aux"};
constexpr string_view kLabelWords[] = {"published", "updated", "posted", "modified", "by",
                                       "first", "last", "originally", "date"};

bool IsConnector(string_view w) {
  for (string_view c : kConnectors) {
    if (w == c) return true;
  }
  return false;
}

// WordIs(t, i, e, w) for any w of the list: the word's letters read once.
bool IsLabelWord(string_view t, size_t i, size_t e) {
  const string_view word = t.substr(i, LettersEnd(t, i, e) - i);
  for (string_view w : kLabelWords) {
    if (EqualsNoCase(word, w)) return true;
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
    // Each test below ends the place; none has an effect, so the cheap ones (the token, its
    // capital) come first and the month, weekday and label look-ups only for a word that passes.
    bool capital;
    size_t k = PlaceTokenAt(t, j, e, &capital);
    if (k == kNo) break;
    string_view w = t.substr(j, k - j);
    if (!capital && (need_capital || !IsConnector(w))) break;
    if (w.back() == '.' && !capital) break;
    size_t n;
    // A month form, a weekday or its abbreviation starts with one of their first letters (in
    // lower case): most words are ruled out by that byte before MonthAt and WeekdayAt read them.
    const unsigned char first = IsUpper(U(t, j)) ? static_cast<unsigned char>(U(t, j) + 32) : U(t, j);
    const bool may_be_date = MayStartMonthOrWeekday(first);
    if (may_be_date && MonthAt(t, j, e, &n) != 0 && IsDigitC(U(t, Sp(t, n, e) < e ? Sp(t, n, e) : j))) break;
    if ((may_be_date && MayStartWeekday(first) && WeekdayAt(t, j, e, &n)) || (words == 0 && IsLabelWord(t, j, e))) break;
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
    const bool after_agency = t[i - 1] == ')' || t[i - 1] == '/' || (i >= 2 && t[i - 1] == '.' && t[i - 2] == ')');
    if (k - j == 1 && j == i && !after_agency) return kNo;
    return Sp(t, k, e);
  }
  if (allow_colon && j == i && t[j] == ':') {
    size_t k = Sp(t, j + 1, e);
    return k > j + 1 || k == e ? k : kNo;
  }
  return kNo;
}

// A bullet, bar or slash after a date line ("3 March 2023 • 4 min read", "May 2, 2024 | Politics",
// "March 3, 2015 / Updated 2 hours ago"): the position after it and its spaces, or kNo.
size_t BulletAt(string_view t, size_t i, size_t e) {
  size_t j = Sp(t, i, e);
  if (j == i || j >= e) return kNo;
  size_t n = t[j] == '|' || t[j] == '/' ? 1 : (U(t, j) == 0xC2 && j + 1 < e && U(t, j + 1) == 0xB7) ? 2
                           : (U(t, j) == 0xE2 && j + 2 < e && U(t, j + 1) == 0x80 && U(t, j + 2) == 0xA2) ? 3 : 0;
  if (n == 0) return kNo;
  size_t k = Sp(t, j + n, e);
  return k > j + n || k == e ? k : kNo;
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
    const size_t colon_at = p + 2 < e && t[p + 2] == ':' ? p + 3 : p + 2;  // "Published on: 03/03/2015"
    size_t q = Sp(t, colon_at, e);
    if (q > colon_at) p = q;
  }
  return p;
}

// After a date in a published line or byline: the end, a separator, another label or a capital.
bool ClosesLine(string_view t, size_t i, size_t e) {
  size_t j = Sp(t, i, e);
  if (j >= e) return true;
  unsigned char c = U(t, j);
  if (WordIs(t, j, e, "by") && j > i) return true;  // "Posted on 10 December 2015 by Staff"
  DatelineForm next;
  if (IsUpper(c) && LabelAt(t, j, e, &next) != kNo) return true;  // "… March 3, 2015Updated March 4, 2015"
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
  size_t date_start = start, date_end = start, stamp_start = start;
  size_t j = start;
  // The stamp at q, read up to `bound`: on success the dateline's date, and j after it.
  auto stamp = [&](size_t q, size_t bound, bool allow_no_year) {
    size_t ds;
    Ymd got;
    const size_t s = StampAt(t, q, bound, allow_no_year, &got, &ds);
    if (s == kNo) return false;
    ymd = got;
    dated = true;
    stamp_start = q;
    date_start = ds;
    date_end = j = s;
    return true;
  };
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
      if (q > j + 1) stamp(q, e, true);
    } else if (size_t q = agency ? kNo : BulletAt(t, j, e); q != kNo && q < e) {
      stamp(q, e, false);  // "WASHINGTON | March 3, 2015"
    }
  } else if ((p = AgencyAt(t, start, e)) != kNo) {
    agency = true;  // "(CNN) March 3, 2015 --", "(Bloomberg) --": the agency opens it
    j = p;
    stamp(Sp(t, j, e), e, true);
  } else if (!stamp(start, e, true)) {
    return 0;
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
  if (agency && j + 1 < e && t[j] == '.' && t[j - 1] == ')' && DashLen(t, j + 1, e) != 0) ++j;  // "(EFE).-"
  if (!place && !agency && ymd.y == 0) return 0;
  size_t sep = SeparatorAt(t, j, end, place || agency);
  if (sep == kNo && j < end && t[j - 1] == '.' && agency) sep = Sp(t, j, end);  // "/TASS/. "
  if (sep == kNo && !place && !agency) {
    sep = BulletAt(t, j, end);  // "3 March 2023 • 4 min read", "March 3, 2015 / 10:42 AM / Updated …"
    // A label with a number or a date after it: "… 10:42 AM UTC Updated 2 hours ago", "… Updated on
    // March 4, 2015" (not "June 11, 2021 Updated guidance was issued").
    DatelineForm label;
    const size_t k = Sp(t, j, end);
    const size_t q = sep == kNo && k < end ? LabelAt(t, k, end, &label) : kNo;
    size_t n;
    if (q != kNo && q < end && (IsDigitC(U(t, q)) || MonthAt(t, q, end, &n) != 0 || WeekdayAt(t, q, end, &n))) sep = k;
  }
  if (sep == kNo) return 0;
  // "BERLIN (Wire) - March 10, 2023 - …", "WASHINGTON — Tuesday, March 3, 2015 —": the date after
  // the place's separator, closed by another.
  if (!dated && sep < end) {
    const size_t keep = j;
    if (stamp(sep, std::min(end, sep + 120), false)) {
      const size_t sep2 = SeparatorAt(t, j, end, false);
      if (sep2 != kNo) {
        sep = sep2;
      } else {
        dated = false;
        ymd = Ymd{};
        j = keep;
      }
    }
  }
  if (place && !dated && !agency) return 0;
  if (info != nullptr) {
    const bool no_year = dated && ymd.y == 0;
    info->date = ymd.y != 0 ? std::optional<Date>(MakeDate(ymd.y, ymd.m, ymd.d)) : std::nullopt;
    info->month = no_year ? ymd.m : 0;
    info->day = no_year ? ymd.d : 0;
    info->form = place || agency ? DatelineForm::kDateline : DatelineForm::kDateOnly;
    info->start = start;
    info->end = sep;
    info->date_start = !dated ? start : no_year ? stamp_start : date_start;
    info->date_end = dated ? date_end : start;
  }
  return sep;
}

std::optional<DatelineInfo> FindDatelineDate(const Document& doc, const std::vector<TextSegment>& segments) {
  string_view t = doc.text();
  std::optional<DatelineInfo> published, updated, day_only;
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
    // The segmenter asked the same of a whole block (most first lines, headings): not again.
    if (!seg.no_dateline_head && MatchDatelineHead(t, a, b, &info) != 0) {
      info.segment = s;
      if (info.date) {
        consider(info);
        found = true;
      } else if (info.month != 0 && !day_only) {
        day_only = info;  // "WASHINGTON, March 3 (Reuters) -": used when no full date comes
      }
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
      size_t d = StampAt(t, q, b, false, &ymd, &ds), date_end = d;
      if (d == kNo) {  // "Published: 03/14/2023", "Updated 14.03.2023 10:15", "Posted: Tue, 03/03/2015"
        size_t w;
        if (WeekdayAt(t, q, b, &w)) q = Sp(t, w < b && t[w] == ',' ? w + 1 : w, b);
        ds = q;
        d = date_end = NumericDateAt(t, q, b, &ymd);
        const size_t time = d != kNo && Sp(t, d, b) > d ? TimeAt(t, Sp(t, d, b), b) : kNo;
        if (time != kNo) d = time;
      }
      if (d == kNo || !ClosesLine(t, d, b)) continue;
      DatelineInfo li;
      li.date = MakeDate(ymd.y, ymd.m, ymd.d);
      li.form = form;
      li.start = p;
      li.end = d;
      li.date_start = ds;
      li.date_end = date_end;
      li.segment = s;
      consider(li);
      if (form != DatelineForm::kUpdated) found = true;
      p = d;
    }
    // A byline that ends with a date: "By Jane Doe, Sept. 24, 2019", "By JANE DOE | 24 Sep 2019",
    // "Posted by Jane Doe on March 3, 2015", "Source: Xinhua | 2015-03-03 10:42:00 | Editor: …".
    size_t by = a, from = kNo;
    if (WordIs(t, a, b, "posted") || WordIs(t, a, b, "written")) by = Sp(t, LettersEnd(t, a, b), b);
    if (WordIs(t, by, b, "by") && by + 2 < b && t[by + 2] == ' ') from = by + 3;
    if (WordIs(t, a, b, "source") && a + 7 < b && t[a + 6] == ':') from = a + 7;
    if (!found && line && b - a <= 240 && from != kNo) {
      for (size_t p = from; p < b; ++p) {
        unsigned char c = U(t, p);
        size_t sep_len = DashLen(t, p, b);
        if (c == ',' || c == '|') sep_len = 1;
        if (c == ' ' && WordIs(t, p + 1, b, "on") && p + 3 < b && t[p + 3] == ' ') sep_len = 3;  // " on "
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
  return published ? published : updated ? updated : day_only;
}

}  // namespace factlint
