// KbQuery: the questions the checks ask of a Kb (kb.h) about who held which office when, and the
// KB's facts as the report's evidence text. Borrows the Kb, which must outlive it; const and
// thread-safe. See factlint/factlint.h for the API.
//
// Days: a term covers [start, end); an ongoing term ends the day after the KB's as_of (or stays
// open, kOpenEnd, where the caller asks for that).

#ifndef FACTLINT_CORE_KB_QUERY_H_
#define FACTLINT_CORE_KB_QUERY_H_

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kb.h"

namespace factlint {

inline constexpr int32_t kOpenStart = INT32_MIN / 2;
inline constexpr int32_t kOpenEnd = INT32_MAX / 2;

struct Interval {
  int32_t a, b;  // inclusive days
};

// The days an event covers: its date at its precision, up to its end date.
Interval EventDays(const KbEvent& event);

class KbQuery {
 public:
  explicit KbQuery(const Kb& kb) : kb_(kb) {}
  const Kb& kb() const { return kb_; }

  // The first day after a term (as_of + 1 for an ongoing one; the day after seen_until for one
  // whose end the KB does not know).
  int32_t TermEnd(const KbTerm& t) const {
    return t.end ? t.end->days : t.seen_until ? t.seen_until->days + 1 : kb_.as_of.days + 1;
  }
  // True when person p held one of the offices on some day of [a, b].
  bool HeldAny(int p, const std::vector<int>& offices, int32_t a, int32_t b) const;
  // True when person p held the office on every day of [a, b].
  bool HeldThroughout(int p, int office, int32_t a, int32_t b) const;
  // The vacant stretch of one of the offices over all of [a, b] — abolished, not yet created or
  // empty (kb.h: KbVacancy): nobody held it then — with its office; {-1, nullptr} when none.
  std::pair<int, const KbVacancy*> VacantOver(const std::vector<int>& offices, int32_t a, int32_t b) const;
  // The person's terms in those offices as [start, end) day spans, merged where they touch;
  // ongoing terms end after as_of, or at kOpenEnd when open_end.
  std::vector<std::pair<int32_t, int32_t>> TermsOf(int p, const std::vector<int>& offices, bool open_end) const;
  // The offices the person ever held, in the order of their terms.
  std::vector<int> OfficesHeld(int p) const;

  // People's dates (kb/FORMAT.md born/died with their precisions): the days a date may stand
  // for ("1942" at year precision: 1942-01-01 .. 1942-12-31); nullopt when the KB has none.
  std::optional<Interval> BornDays(int p) const;
  std::optional<Interval> DiedDays(int p) const;
  // The ages a person born in `born` can have on the days of [a, b]: {lowest, highest}.
  static std::pair<int, int> AgeRange(Interval born, int32_t a, int32_t b);
  // True when the KB shows the person alive on some day >= day: a term that ends after it (an
  // ongoing one runs to as_of), or a death date after it. False means "not known", not "dead".
  bool KnownAliveOnOrAfter(int p, int32_t day) const;
  // The person's terms (indexes) in force on some day of [a, b], in the order of their start.
  std::vector<int> TermsInForce(int p, int32_t a, int32_t b) const;
  // "Joe Biden: born 1942-11-20", "Henry Kissinger: born 1923, died 2023" (dates at their
  // precision), and where it comes from: the person's own source (and ref) when the KB gives one,
  // else the source of the person's first term, the data set the person's record was built with.
  std::string LifeFact(int p) const;
  // The person's birth (died = false) or death date at the KB's precision ("2013-12-05", "1918");
  // "" when the KB has none.
  std::string LifeDateText(int p, bool died) const;
  std::string PersonSource(int p) const;

  // Evidence text: "Donald Trump: President of the United States, 2025-01-20 – (in office)".
  std::string TermFact(const KbTerm& t) const;
  // The source's name, with its url in parentheses when it has one; "" for a bad index.
  std::string SourceName(int source) const;
  // "2022-02-24", "2024-11", "2019", with " – END" when the event has an end date.
  std::string EventDateText(const KbEvent& e) const;

 private:
  const Kb& kb_;
};

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_QUERY_H_
