// The article's own date, as its head states it: wire datelines ("CARBIS BAY, England, June 11,
// 2021 —", "KYIV, Ukraine, Feb. 24, 2023 /PRNewswire/ --", "Tokyo, 28 October 2024 —",
// "WASHINGTON (AP) —", "(CNN) March 3, 2015 --", "WASHINGTON — Tuesday, March 3, 2015 —",
// "WASHINGTON | March 3, 2015", "MADRID, Mar 3, 2015 (EFE).-"; "WASHINGTON, March 3 (Reuters) -"
// states a day without its year), date lines ("Tuesday, September 24, 2019", "2019-09-24T14:42:00Z",
// "March 3, 2015 / 10:42 AM / Updated 2 hours ago"), published/updated lines ("Published 10:42 AM
// EDT, September 24, 2019", "Updated: 14 March 2018 09:31 GMT", "Published on: 14/03/2015 - 10:42")
// and bylines that end with a date ("By Jane Doe | Sept. 24, 2019", "Posted by Jane Doe on March 3,
// 2015", "Source: Xinhua | 2015-03-03 10:42:00 | Editor: …"). The one detector:
// the segmenter (segment.cpp) uses MatchDatelineHead to cut a dateline off the first sentence,
// and the checker takes the reference date from FindDatelineDate (a day without its year is a
// clue of the inferred window: timeline.cpp). Forms and examples:
// tests/unit/dateline_test.cpp; the public API is factlint/factlint.h.

#ifndef FACTLINT_CORE_DATELINE_H_
#define FACTLINT_CORE_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "factlint/factlint.h"
#include "segment.h"
#include "text.h"

namespace factlint {

enum class DatelineForm {
  kDateline,   // a place and/or agency with a date: "GLENEAGLES, Scotland, July 6, 2005 —"
  kDateOnly,   // a line (or a head of a sentence) that is only a date: "Monday, May 4, 2020"
  kPublished,  // "Published/Posted/First published/Originally published …"
  kUpdated,    // "Updated/Last updated/Modified …" (used only when nothing says "published")
  kByline,     // "By Jane Doe, September 24, 2019"
};

// "dateline", "date line", "published line", "updated line", "byline".
const char* DatelineFormName(DatelineForm form);

struct DatelineInfo {
  std::optional<Date> date;   // absent for a dateline without a full date ("WASHINGTON (AP) —",
                              // "LONDON, June 11 (Reuters) -")
  int month = 0, day = 0;     // a dateline's day without its year ("LONDON, June 11 (Reuters) -":
                              // 6, 11; date absent); 0 otherwise
  DatelineForm form = DatelineForm::kDateline;
  size_t start = 0, end = 0;  // byte offsets of the whole dateline or line (original text),
                              // separator included
  size_t date_start = 0, date_end = 0;  // the date (and time) within it; equal when no date; a day
                                        // without its year starts at its weekday ("Tuesday, March 3")
  size_t segment = 0;         // index of the segment it was found in (FindDatelineDate only)
};

// A dateline at the head of t[start, end): a place (capitalised words and commas) and/or an
// agency ("(AP)", "/PRNewswire/") and/or a date with optional weekday and time, closed by a
// separator (" — ", " - ", " -- ", "--", ": " after a place or agency) or by `end`; an agency may
// open it ("(CNN) March 3, 2015 --", "(Bloomberg) --"), a date may stand between a place's
// separator and another ("WASHINGTON — Tuesday, March 3, 2015 —") or after a bar ("WASHINGTON |
// March 3, 2015"). A bare date needs a separator, a bullet, bar or slash ("March 3, 2015 / 10:42 AM /
// Updated 2 hours ago"), a label ("… Updated …") or `end`; a place alone (no agency, no date) is
// not matched here. Returns
// the end of the dateline including its separator (0 when there is none); fills *info when given.
// Reads at most a few hundred bytes; never fails.
size_t MatchDatelineHead(std::string_view t, size_t start, size_t end, DatelineInfo* info);

// The article's date from its head: scans the first segments (at most 8, starting within the
// first 2000 bytes, stopping after two ordinary sentences that hold no dateline) for the forms
// above. A "published" date, a dateline, a date line or a byline date wins over an "updated" one;
// otherwise the first found wins. When the head states no full date: the first dateline with a
// day but no year ("WASHINGTON, March 3 (Reuters) -": date absent, month and day set), else nullopt.
std::optional<DatelineInfo> FindDatelineDate(const Document& doc, const std::vector<TextSegment>& segments);

}  // namespace factlint

#endif  // FACTLINT_CORE_DATELINE_H_
