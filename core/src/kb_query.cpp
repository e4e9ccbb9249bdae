// KbQuery (kb_query.h): term look-ups over Kb::terms_by_person and the evidence strings of the
// report. Every look-up is linear in the person's terms, which are few.

#include "kb_query.h"

#include <algorithm>

#include "timex.h"

namespace factlint {

Interval EventDays(const KbEvent& k) {
  int y, m, d;
  SplitDate(k.date, &y, &m, &d);
  TimeExpr kt;
  kt.year = y, kt.month = m, kt.day = d;
  kt.precision = k.precision == EventPrecision::kDay     ? TimePrecision::kDay
                 : k.precision == EventPrecision::kMonth ? TimePrecision::kMonth
                                                         : TimePrecision::kYear;
  // (days count from 1970-01-01: an event before it has negative days, so no end is not day 0)
  const int32_t last = kt.Last().days;
  return Interval{kt.First().days, k.end ? std::max(last, k.end->days) : last};
}

std::vector<int> KbQuery::OfficesHeld(int p) const {
  std::vector<int> out;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    int o = kb_.terms[static_cast<size_t>(t)].office;
    if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  }
  return out;
}

bool KbQuery::HeldAny(int p, const std::vector<int>& offices, int32_t a, int32_t b) const {
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb_.terms[static_cast<size_t>(t)];
    if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
    if (term.start.days <= b && TermEnd(term) > a) return true;
  }
  return false;
}

std::pair<int, const KbVacancy*> KbQuery::VacantOver(const std::vector<int>& offices, int32_t a, int32_t b) const {
  for (int o : offices)
    for (const KbVacancy& v : kb_.offices[static_cast<size_t>(o)].vacant)
      if (v.from.days <= a && (!v.to || b < v.to->days)) return {o, &v};
  return {-1, nullptr};
}

bool KbQuery::HeldThroughout(int p, int office, int32_t a, int32_t b) const {
  for (auto [s, e] : TermsOf(p, {office}, false))
    if (s <= a && e > b) return true;
  return false;
}

std::vector<std::pair<int32_t, int32_t>> KbQuery::TermsOf(int p, const std::vector<int>& offices,
                                                          bool open_end) const {
  std::vector<std::pair<int32_t, int32_t>> spans;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb_.terms[static_cast<size_t>(t)];
    if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
    int32_t e = term.end || term.seen_until || !open_end ? TermEnd(term) : kOpenEnd;
    spans.emplace_back(term.start.days, e);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<int32_t, int32_t>> merged;
  for (auto [s, e] : spans) {
    if (!merged.empty() && s <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, e);
    } else {
      merged.emplace_back(s, e);
    }
  }
  return merged;
}

std::string KbQuery::SourceName(int source) const {
  if (source < 0 || static_cast<size_t>(source) >= kb_.sources.size()) return "";
  const KbSource& s = kb_.sources[static_cast<size_t>(source)];
  return s.url.empty() ? std::string(s.name) : std::string(s.name) + " (" + std::string(s.url) + ")";
}

std::string KbQuery::TermFact(const KbTerm& t) const {
  return std::string(kb_.people[static_cast<size_t>(t.person)].name) + ": " +
         std::string(kb_.offices[static_cast<size_t>(t.office)].name) +
         ", " + FormatIsoDate(t.start) + " – " + (t.end          ? FormatIsoDate(*t.end)
          : t.seen_until ? "(in office at least until " + FormatIsoDate(*t.seen_until) + ")"
                         : std::string("(in office)")) +
         (t.acting ? " (acting)" : "");
}

std::string KbQuery::EventDateText(const KbEvent& e) const {
  std::string d = FormatIsoDate(e.date);
  if (e.precision == EventPrecision::kMonth) d = d.substr(0, 7);
  if (e.precision == EventPrecision::kYear) d = d.substr(0, 4);
  if (e.end) d += " – " + FormatIsoDate(*e.end);
  return d;
}

namespace {

Interval DaysOf(Date d, EventPrecision precision) {
  int y, m, day;
  SplitDate(d, &y, &m, &day);
  switch (precision) {
    case EventPrecision::kYear: return Interval{MakeDate(y, 1, 1).days, MakeDate(y + 1, 1, 1).days - 1};
    case EventPrecision::kMonth:
      return Interval{MakeDate(y, m, 1).days, MakeDate(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1).days - 1};
    case EventPrecision::kDay: break;
  }
  return Interval{d.days, d.days};
}

std::string DateText(Date d, EventPrecision precision) {
  std::string s = FormatIsoDate(d);
  return precision == EventPrecision::kYear ? s.substr(0, 4) : precision == EventPrecision::kMonth ? s.substr(0, 7) : s;
}

// Whole years from day `from` to day `to`.
int YearsBetween(int32_t from, int32_t to) {
  int y1, m1, d1, y2, m2, d2;
  SplitDate(Date{from}, &y1, &m1, &d1);
  SplitDate(Date{to}, &y2, &m2, &d2);
  return y2 - y1 - ((m2 < m1 || (m2 == m1 && d2 < d1)) ? 1 : 0);
}

}  // namespace

std::optional<Interval> KbQuery::BornDays(int p) const {
  const KbPerson& person = kb_.people[static_cast<size_t>(p)];
  if (!person.born) return std::nullopt;
  return DaysOf(*person.born, person.born_precision);
}

std::optional<Interval> KbQuery::DiedDays(int p) const {
  const KbPerson& person = kb_.people[static_cast<size_t>(p)];
  if (!person.died) return std::nullopt;
  return DaysOf(*person.died, person.died_precision);
}

std::pair<int, int> KbQuery::AgeRange(Interval born, int32_t a, int32_t b) {
  return {YearsBetween(born.b, a), YearsBetween(born.a, b)};
}

bool KbQuery::KnownAliveOnOrAfter(int p, int32_t day) const {
  if (auto died = DiedDays(p)) return died->a > day;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)])
    if (TermEnd(kb_.terms[static_cast<size_t>(t)]) > day) return true;
  return false;
}

std::vector<int> KbQuery::TermsInForce(int p, int32_t a, int32_t b) const {
  std::vector<int> out;
  for (int t : kb_.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb_.terms[static_cast<size_t>(t)];
    if (term.start.days <= b && TermEnd(term) > a) out.push_back(t);
  }
  return out;
}

std::string KbQuery::LifeFact(int p) const {
  const KbPerson& person = kb_.people[static_cast<size_t>(p)];
  std::string out = std::string(person.name) + ":";
  if (person.born) out += " born " + DateText(*person.born, person.born_precision);
  if (person.died) out += std::string(person.born ? "," : "") + " died " + DateText(*person.died, person.died_precision);
  return out;
}

std::string KbQuery::LifeDateText(int p, bool died) const {
  const KbPerson& person = kb_.people[static_cast<size_t>(p)];
  const auto& d = died ? person.died : person.born;
  return d ? DateText(*d, died ? person.died_precision : person.born_precision) : "";
}

std::string KbQuery::PersonSource(int p) const {
  const KbPerson& person = kb_.people[static_cast<size_t>(p)];
  auto cited = [&](int source, std::string_view ref) {
    return SourceName(source) + (ref.empty() ? "" : " (" + std::string(ref) + ")");
  };
  if (person.died_source >= 0) {  // the death stated by another page than the birth
    const std::string death = cited(person.died_source, person.died_ref);
    return person.source >= 0 && person.born ? cited(person.source, person.ref) + "; death: " + death : death;
  }
  if (person.source >= 0) return cited(person.source, person.ref);
  const auto& terms = kb_.terms_by_person[static_cast<size_t>(p)];
  if (terms.empty()) return "the KB's record of " + std::string(kb_.people[static_cast<size_t>(p)].name);
  return "the KB's record of " + std::string(kb_.people[static_cast<size_t>(p)].name) + ", built with " +
         SourceName(kb_.terms[static_cast<size_t>(terms.front())].source);
}

}  // namespace factlint
