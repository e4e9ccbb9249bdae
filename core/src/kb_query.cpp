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
  return Interval{kt.First().days, std::max(kt.Last().days, k.end ? k.end->days : 0)};
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
    int32_t e = term.end ? term.end->days : (open_end ? kOpenEnd : kb_.as_of.days + 1);
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
  return s.url.empty() ? s.name : s.name + " (" + s.url + ")";
}

std::string KbQuery::TermFact(const KbTerm& t) const {
  return kb_.people[static_cast<size_t>(t.person)].name + ": " + kb_.offices[static_cast<size_t>(t.office)].name +
         ", " + FormatIsoDate(t.start) + " – " + (t.end ? FormatIsoDate(*t.end) : std::string("(in office)")) +
         (t.acting ? " (acting)" : "");
}

std::string KbQuery::EventDateText(const KbEvent& e) const {
  std::string d = FormatIsoDate(e.date);
  if (e.precision == EventPrecision::kMonth) d = d.substr(0, 7);
  if (e.precision == EventPrecision::kYear) d = d.substr(0, 4);
  if (e.end) d += " – " + FormatIsoDate(*e.end);
  return d;
}

}  // namespace factlint
