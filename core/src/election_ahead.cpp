// FindElectionsAhead and NarrowBeforeElection (election_ahead.h).

#include "election_ahead.h"

#include <algorithm>
#include <set>

namespace factlint {
namespace {

constexpr int32_t kYear = 366;
constexpr int32_t kLongestGap = 6 * 366;  // the longest plausible time between two national elections

// The word ending at or before pos, skipping spaces and hyphens ("run-up"): [s, e), s == e when
// there is none (another mark stands between).
std::pair<uint32_t, uint32_t> WordBack(const FoldedView& t, uint32_t pos, uint32_t lo) {
  while (pos > lo && (t.Space(pos - 1) || t[pos - 1] == '-')) --pos;
  uint32_t s = pos;
  while (s > lo && t.WordByte(s - 1)) --s;
  return {s, pos};
}

// "2005 United Kingdom General Election" holds "general election".
bool NameHasKind(std::string_view name, std::string_view kind) {
  std::string folded(name);
  for (char& c : folded) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  const std::string needle = std::string(kind) + " election";
  return folded.find(needle) != std::string::npos;
}

}  // namespace

std::vector<ElectionAhead> FindElectionsAhead(const Kb& kb, const FoldedView& t, const Sentences& sentences,
                                              const Mentions& m) {
  std::vector<ElectionAhead> out;
  // "election" found once in the whole text; each sentence takes the places inside it, held to
  // word bounds as FoldedView::WordsStartingWith does (a search per sentence paid its set-up per
  // sentence).
  constexpr std::string_view kStem = "election";
  const std::vector<size_t> at = FindEach(t.text(), kStem);
  if (at.empty()) return out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const uint32_t lo = sentences.start[s], hi = sentences.end[s];
    for (auto it = std::lower_bound(at.begin(), at.end(), lo); it != at.end() && *it + kStem.size() <= hi; ++it) {
      const uint32_t i = static_cast<uint32_t>(*it);
      if (i > lo && t.WordByte(i - 1)) continue;
      uint32_t e = i;
      while (e < hi && t.WordByte(e)) ++e;
      if (!IsIn(t.F(i, e), {"election", "elections"})) continue;
      auto [ks, ke] = WordBack(t, i, lo);
      if (ks == ke || !IsElectionKind(t.F(ks, ke))) continue;
      // The marker: the last one to four words before the kind ("the forthcoming", "run up to the").
      std::string words;
      uint32_t p = ks, start = 0;
      for (int k = 0; k < 4 && !start; ++k) {
        auto [ws, we] = WordBack(t, p, lo);
        if (ws == we) break;
        words = std::string(t.F(ws, we)) + (words.empty() ? "" : " ") + words;
        if (IsElectionAheadMarker(words)) start = ws;
        p = ws;
      }
      if (!start) continue;
      // Not one a year names ("the forthcoming general election of 2005"): that is a date of its own.
      bool dated = false;
      for (const TimeExpr& te : sentences.TimesOf(s))
        dated = dated || (te.has_year() && te.start >= e && te.start <= e + 12);
      if (dated) continue;
      ElectionAhead ea;
      ea.start = start;
      ea.end = e;
      ea.kind = std::string(t.F(ks, ke));
      out.push_back(std::move(ea));
    }
  }
  if (out.empty()) return out;
  // The countries the text points to, for each kind: by a title's jurisdiction or a participant named.
  std::set<int> named;
  for (const PersonMention& pm : m.persons)
    if (pm.person >= 0) named.insert(pm.person);
  std::set<std::string_view> jurisdictions;
  for (const TitleClaim& c : m.titles)
    for (int o : c.offices)
      for (const std::string_view j : kb.offices[static_cast<size_t>(o)].jurisdiction) jurisdictions.insert(j);
  std::vector<ElectionAhead> kept;
  for (ElectionAhead& ea : out) {
    std::set<std::string_view> places;
    for (const KbEvent& ev : kb.events) {
      if (ev.kind != "election" || !NameHasKind(ev.name, ea.kind)) continue;
      bool points = jurisdictions.count(ev.place) > 0 || (ev.winner && named.count(*ev.winner));
      for (int p : ev.participants) points = points || named.count(p);
      if (points) places.insert(ev.place);
    }
    if (places.size() != 1) continue;  // none, or more than one: never a guess
    ea.place = std::string(*places.begin());
    for (const KbEvent& ev : kb.events)
      if (ev.kind == "election" && ev.place == ea.place && NameHasKind(ev.name, ea.kind)) ea.dates.push_back(ev.date.days);
    std::sort(ea.dates.begin(), ea.dates.end());
    kept.push_back(std::move(ea));
  }
  return kept;
}

std::optional<Interval> NarrowBeforeElection(const ElectionAhead& e, Interval w, int32_t* election) {
  std::optional<Interval> found;
  for (size_t k = 0; k < e.dates.size(); ++k) {
    const int32_t a = std::max(w.a, e.dates[k] - kYear), b = std::min(w.b, e.dates[k] - 1);
    if (a > b) continue;
    if (found || k == 0 || e.dates[k] - e.dates[k - 1] > kLongestGap) return std::nullopt;
    found = Interval{a, b};
    *election = e.dates[k];
  }
  if (found && found->a == w.a && found->b == w.b) return std::nullopt;
  return found;
}

}  // namespace factlint
