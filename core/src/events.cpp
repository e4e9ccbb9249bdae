// Event mentions (mentions.h): KB triggers (overlapping hits merged), generic "<Month>
// election(s)" and meetings named by two participants and the place; the events narrowed to those with a participant named in the sentence (required
// for generic ones); a prospective marker shortly before the trigger ("will", "possible",
// "returning ...") with no word of the past between, or a prospective predicate right after it
// ("... will be held", "..., which Brazil will host"); a year-qualified name said the other way
// round ("the Haiti earthquake of January 2010" for "2010 Haiti earthquake"); and the stated date,
// a time expression right next to the trigger ("the 2019 provision of", "invasion in February
// 2021") or closing a clause about the event ("Hurricane Katrina, which struck New Orleans in
// August 2005").

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <tuple>

#include "mentions.h"

namespace factlint {
namespace {

// A date an event mention can state: one with a year, or a month (and day) without one — "the
// earthquake and tsunami of April 11" (check_events.cpp judges it in any year); not "last year".
bool StatesADate(const TimeExpr& te) { return te.has_year() || (te.month != 0 && te.relative_unit == 0); }

std::vector<EventMention> TriggerMentions(const KbIndex& index, const Sentences& sentences, const PhraseHits& ph) {
  const auto& hits = ph.hits;
  std::vector<size_t> trigger_hits = ph.trigger_hits;
  std::sort(trigger_hits.begin(), trigger_hits.end(), [&](size_t x, size_t y) {
    if (hits[x].start != hits[y].start) return hits[x].start < hits[y].start;
    return hits[x].end > hits[y].end;
  });
  std::vector<EventMention> found;
  for (size_t h : trigger_hits) {
    const auto& hit = hits[h];
    int s = sentences.SentenceOf(hit.start);
    if (s < 0) continue;
    std::vector<int> events;
    AppendRefs(index, hit.pattern, PhraseKind::kTrigger, &events);
    if (!found.empty() && found.back().sentence == s && hit.start < found.back().end) {
      EventMention& prev = found.back();
      // A shorter trigger inside a longer one names less: "2014 FIFA World Cup" inside "2014 FIFA
      // World Cup final" is not a second event of the mention.
      if (hit.end <= prev.end && hit.end - hit.start < prev.end - prev.start) continue;
      prev.end = std::max(prev.end, hit.end);
      for (int e : events)
        if (std::find(prev.events.begin(), prev.events.end(), e) == prev.events.end()) prev.events.push_back(e);
      continue;
    }
    EventMention em;
    em.sentence = s;
    em.start = hit.start;
    em.end = hit.end;
    em.events = std::move(events);
    found.push_back(std::move(em));
  }
  return found;
}

// Generic elections: "the November elections", "the presidential election" (a bare "election"
// is too vague to name one; the month names the KB's elections of that month).
std::vector<EventMention> GenericElections(const Kb& kb, const FoldedView& t, const Sentences& sentences,
                                           const std::vector<EventMention>& found) {
  std::vector<EventMention> generic;
  // "election" found once in the whole text (a search per sentence paid its set-up per sentence);
  // each sentence takes the places inside it, held to word bounds as WordsStartingWith does.
  constexpr std::string_view kStem = "election";
  const std::vector<size_t> at = FindEach(t.text(), kStem);
  if (at.empty()) return generic;
  for (size_t s = 0; s < sentences.size(); ++s) {
    uint32_t lo = sentences.start[s], hi = sentences.end[s];
    for (auto it = std::lower_bound(at.begin(), at.end(), lo); it != at.end() && *it + kStem.size() <= hi; ++it) {
      const uint32_t i = static_cast<uint32_t>(*it);
      if (i > lo && t.WordByte(i - 1)) continue;
      uint32_t e = i;
      while (e < hi && t.WordByte(e)) ++e;
      std::string_view w = t.F(i, e);
      if (w == "election" || w == "elections") {
        uint32_t start = i;
        int month = 0;
        uint32_t p = i;
        for (int k = 0; k < 3; ++k) {
          auto [ws, we] = t.WordBefore(p, lo);
          if (ws == we) break;
          std::string_view b = t.F(ws, we);
          if (int mo = MonthNumber(b); mo && b != "may" && b != "mar") {
            month = mo;
            start = ws;
            break;
          }
          if (!IsElectionAdjective(b)) break;
          start = ws;
          p = ws;
        }
        auto ov = std::upper_bound(found.begin(), found.end(), start,
                                   [](uint32_t pos, const EventMention& em) { return pos < em.end; });
        bool overlapped = ov != found.end() && ov->start < e;
        if (!overlapped && month) {
          EventMention em;
          em.sentence = static_cast<int>(s);
          em.start = start;
          em.end = e;
          em.generic = true;
          for (size_t k = 0; k < kb.events.size(); ++k) {
            const KbEvent& ev = kb.events[k];
            if (ev.kind != "election") continue;
            int y, mo, d;
            SplitDate(ev.date, &y, &mo, &d);
            if (mo != month) continue;
            em.events.push_back(static_cast<int>(k));
          }
          if (!em.events.empty()) generic.push_back(std::move(em));
        }
      }
    }
  }
  return generic;
}

// Meetings named by who and where: "a meeting at the White House" in a sentence that names two
// participants (and at least half of them) of a KB meeting or summit held there. The place is any part of the event's place
// but the last, broadest one ("Oval Office, White House, Washington, D.C."), found as words in
// the sentence. Such a mention only dates the text; the checks never judge it.
std::vector<EventMention> MeetingsByParticipants(const Kb& kb, const FoldedView& t, const Sentences& sentences,
                                                 const std::vector<PersonMention>& persons,
                                                 const std::vector<std::vector<size_t>>& persons_in_sentence,
                                                 const std::vector<EventMention>& found) {
  std::vector<EventMention> out;
  std::vector<std::pair<int, std::vector<std::string>>> meetings;  // event, its place words
  // Built on the first sentence that could name a meeting (two people and a meeting noun): most
  // documents have none, and this walks every event of the KB.
  bool meetings_built = false;
  auto build_meetings = [&] {
    meetings_built = true;
    for (size_t k = 0; k < kb.events.size(); ++k) {
      const KbEvent& ev = kb.events[k];
      if ((ev.kind != "meeting" && ev.kind != "summit") || ev.participants.size() < 2) continue;
      std::vector<std::string> places;
      size_t from = 0;
      while (from <= ev.place.size()) {
        size_t comma = ev.place.find(',', from);
        if (comma == std::string::npos) break;  // the last part is the broadest: left out
        std::string part = Fold(std::string_view(ev.place).substr(from, comma - from));
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (part.size() >= 4) places.push_back(std::move(part));
        from = comma + 1;
      }
      if (!places.empty()) meetings.emplace_back(static_cast<int>(k), std::move(places));
    }
  };
  for (size_t s = 0; s < sentences.size(); ++s) {
    std::set<int> named;
    for (size_t mi : persons_in_sentence[s])
      if (persons[mi].person >= 0) named.insert(persons[mi].person);
    if (named.size() < 2) continue;
    const uint32_t lo = sentences.start[s], hi = sentences.end[s];
    uint32_t noun_start = 0, noun_end = 0;
    for (uint32_t i = lo; i < hi && noun_end == 0;) {
      if (!t.WordByte(i)) {
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < hi && t.WordByte(e)) ++e;
      if (IsMeetingNoun(t.F(i, e))) noun_start = i, noun_end = e;
      i = e;
    }
    if (noun_end == 0) continue;
    if (!meetings_built) build_meetings();
    if (meetings.empty()) return out;
    const std::string_view text = t.F(lo, hi);
    auto has_words = [&](const std::string& phrase) {
      for (size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
        const uint32_t a = lo + static_cast<uint32_t>(at), b = a + static_cast<uint32_t>(phrase.size());
        if ((a == lo || !t.WordByte(a - 1)) && (b >= hi || !t.WordByte(b))) return true;
      }
      return false;
    };
    EventMention em;
    for (const auto& [k, places] : meetings) {
      const KbEvent& ev = kb.events[static_cast<size_t>(k)];
      int present = 0;
      for (int p : ev.participants) present += named.count(p) ? 1 : 0;
      // Two of them, and at least half: a crowded summit is not named by two of its guests.
      if (present < 2 || 2 * present < static_cast<int>(ev.participants.size())) continue;
      bool already = false;
      for (const EventMention& f : found)
        if (f.sentence == static_cast<int>(s) && std::find(f.events.begin(), f.events.end(), k) != f.events.end())
          already = true;
      if (already) continue;
      for (const std::string& place : places)
        if (has_words(place)) {
          em.events.push_back(k);
          break;
        }
    }
    if (em.events.empty()) continue;
    em.sentence = static_cast<int>(s);
    em.start = noun_start;
    em.end = noun_end;
    em.by_participants = true;
    out.push_back(std::move(em));
  }
  return out;
}

// Prospective: a marker shortly before the trigger (at most max_words words between), with no
// word of the past between.
void MarkProspective(const FoldedView& t, uint32_t lo, const std::vector<Phrase>& lexicon, int max_words,
                     EventMention* em) {
  const uint32_t from = em->start > 80 ? em->start - 80 : 0;
  auto first = std::lower_bound(lexicon.begin(), lexicon.end(), from,
                                [](const Phrase& ph, uint32_t pos) { return ph.end < pos; });
  for (auto it = first; it != lexicon.end() && it->end <= em->start; ++it) {
    const Phrase& ph = *it;
    if (ph.kind != PhraseKind::kProspective || ph.start < lo) continue;
    int words = 0;
    bool blocked = false;
    for (uint32_t i = ph.end; i < em->start;) {
      if (!t.WordByte(i)) {
        if (t[i] == ',' || t[i] == ';' || t[i] == '"' || t[i] == '(') blocked = true;
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < em->start && t.WordByte(e)) ++e;
      ++words;
      blocked = blocked || BlocksProspective(t.F(i, e));
      i = e;
    }
    if (!blocked && words <= max_words) {
      if (!em->prospective || ph.start > em->claim_start) em->claim_start = ph.start;  // the nearest marker
      em->prospective = true;
    }
  }
  if (!em->prospective) em->claim_start = em->start;
  em->claim_end = em->end;
}

// True when the word right after the trigger is a noun of something of the event (lexicon.h,
// IsEventObjectNoun): "the 2004 tsunami anniversary", "the Lockerbie bombing trial".
bool ObjectNounAfter(const FoldedView& t, uint32_t end, uint32_t hi) {
  auto [s, e] = t.WordAfter(end, hi);
  return s != end && IsEventObjectNoun(t.F(s, e));
}

// The words right after `from`: spaces between them, one comma before the first, and where
// `number_commas` the commas of a digit group ("230,000" is one number); any other byte ends them.
struct WordsAfter {
  static constexpr size_t kMax = 12;
  std::array<uint32_t, kMax> ws{}, we{};
  size_t n = 0;
  bool comma = false;  // a comma stood before the first word
  std::string_view Word(const FoldedView& t, size_t k) const { return t.F(ws[k], we[k]); }
};

WordsAfter ReadWordsAfter(const FoldedView& t, uint32_t from, uint32_t hi, size_t max_words, bool number_commas) {
  WordsAfter w;
  max_words = std::min(max_words, WordsAfter::kMax);
  for (uint32_t i = from; i < hi && w.n < max_words;) {
    if (t.WordByte(i)) {
      uint32_t e = i;
      while (e < hi && t.WordByte(e)) ++e;
      w.ws[w.n] = i;
      w.we[w.n++] = e;
      i = e;
    } else if (t.Space(i)) {
      ++i;
    } else if (t[i] == ',' && w.n == 0 && !w.comma) {
      w.comma = true;
      ++i;
    } else if (number_commas && t[i] == ',' && w.n > 0 && i == w.we[w.n - 1] && i + 1 < hi && t[i - 1] >= '0' &&
               t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9') {
      ++i;
    } else {
      break;
    }
  }
  return w;
}

// A prospective predicate right after the trigger, the event its subject (lexicon.h,
// IsProspectiveAfter): "the 2014 World Cup will be held in Brazil", "the election is due to take
// place", and through a relative clause with a subject of up to two words, "the 2014 World Cup,
// which Brazil will host". Nothing but spaces (and the relative clause's comma) between.
void MarkProspectiveAfter(const FoldedView& t, uint32_t hi, EventMention* em) {
  const WordsAfter w = ReadWordsAfter(t, em->end, hi, 10, false);
  const size_t n = w.n;
  const auto& ws = w.ws;
  const auto& we = w.we;
  const bool comma = w.comma;
  if (n == 0) return;
  const bool relative = t.F(ws[0], we[0]) == "which" || t.F(ws[0], we[0]) == "that";
  // ", due to open in February": the relative clause without its "which is".
  const bool reduced = comma && !relative && OpensReducedRelative(t.F(ws[0], we[0]));
  if (comma && !relative && !reduced) return;
  const size_t first = relative ? 1 : 0, last = relative ? 3 : 0;  // up to two subject words
  std::string words;
  for (size_t at = first; at <= last && at < n; ++at) {
    words = reduced ? "is" : "";
    for (size_t k = at; k < n && k < at + 6; ++k) {
      if (!words.empty()) words += ' ';
      words += t.F(ws[k], we[k]);
      if (k == at || !IsProspectiveAfter(words)) continue;
      if (k + 1 < n && BlocksProspectiveAfter(t.F(ws[k + 1], we[k + 1]))) return;
      em->prospective = true;
      em->claim_start = em->start;
      em->claim_end = we[k];
      return;
    }
  }
}

// A time ahead right after the trigger (lexicon.h, IsProspectiveTimeAfter): "before the G20 summit
// in Toronto later this month". Not when the trigger is the object of a blocker ("the anniversary
// of the 2010 Haiti earthquake next month": the time is the anniversary's).
void MarkProspectiveTimeAfter(const FoldedView& t, uint32_t lo, uint32_t hi, EventMention* em) {
  const WordsAfter w = ReadWordsAfter(t, em->end, hi, 4, false);
  if (w.comma || w.n < 2) return;
  auto [bs, be] = t.WordBefore(em->start, lo);
  if (t.F(bs, be) == "the") std::tie(bs, be) = t.WordBefore(bs, lo);
  if (BlocksTimeAfter(t.F(bs, be))) return;
  std::string words(w.Word(t, 0));
  for (size_t k = 1; k < w.n; ++k) {
    words += ' ';
    words += w.Word(t, k);
    if (!IsProspectiveTimeAfter(words)) continue;
    em->prospective = true;
    em->claim_start = em->start;
    em->claim_end = w.we[k];
    return;
  }
}

// True when [from, to) is "when" or "when the", with spaces and a comma around: "2001, when the".
bool WhenBetween(const FoldedView& t, uint32_t from, uint32_t to) {
  std::vector<std::string_view> words;
  for (uint32_t i = from; i < to;) {
    if (!t.WordByte(i)) {
      if (t[i] != ' ' && t[i] != ',') return false;
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < to && t.WordByte(e)) ++e;
    words.push_back(t.F(i, e));
    i = e;
  }
  return (words.size() == 1 || (words.size() == 2 && words[1] == "the")) && words[0] == "when";
}

// The date closing a clause about the event right after its trigger: "Hurricane Katrina, which
// struck New Orleans in August 2005", "the 2008 Olympics opened in Beijing on 8 August 2008", "the
// Iraq war, which began in March 2003". After the trigger (a comma only before "which"/"that"),
// an onset phrase (lexicon.h, IsEventOnsetPhrase: "took place", "began", "was held"), or for an
// event that strikes (`impact`: a disaster, an attack) an impact verb (IsEventImpactPhrase:
// "struck", "hit", "killed"); then up to six words, none a clause word ("and", "after"), and a
// date with a year after its preposition ("in", "on"). -1 when none.
int ClauseDate(const FoldedView& t, uint32_t hi, std::span<const TimeExpr> ts, const EventMention& em,
               bool impact) {
  const WordsAfter w = ReadWordsAfter(t, em.end, hi, WordsAfter::kMax, true);
  const size_t n = w.n;
  const auto& ws = w.ws;
  const auto& we = w.we;
  const bool comma = w.comma;
  if (n == 0) return -1;
  const std::string_view w0 = t.F(ws[0], we[0]);
  const bool relative = w0 == "which" || w0 == "that";
  // "where" / "in which" opens a clause with its own subject ("the Hillsborough disaster, where 96
  // supporters were crushed to death in April 1989"): for an event that strikes, the impact verb may
  // follow up to three words of that subject.
  const bool where = impact && (w0 == "where" || (w0 == "in" && n > 1 && t.F(ws[1], we[1]) == "which"));
  if (comma && !relative && !where) return -1;
  const size_t first = relative ? 1 : where ? (w0 == "in" ? 2 : 1) : 0;
  size_t verb_end = 0;  // one past the onset phrase's last word
  for (size_t from = first; from < n && from <= first + (where ? 3 : 0) && verb_end == 0; ++from) {
    if (from > first && IsClauseWord(t.F(ws[from - 1], we[from - 1]))) break;
    std::string words;
    for (size_t k = from; k < n && k < from + 3 && verb_end == 0; ++k) {
      if (k > from) words += ' ';
      words += t.F(ws[k], we[k]);
      if (IsEventOnsetPhrase(words) || (impact && IsEventImpactPhrase(words))) verb_end = k + 1;
    }
  }
  for (size_t k = verb_end; verb_end != 0 && k < n && k <= verb_end + 6; ++k) {
    const std::string_view w = t.F(ws[k], we[k]);
    if (IsStatedDatePreposition(w)) {
      const uint32_t at = t.SkipSpacesFwd(we[k], hi);
      for (size_t x = 0; x < ts.size(); ++x)
        if (ts[x].start == at && StatesADate(ts[x]) && ts[x].preposition == w) return static_cast<int>(x);
    }
    if (IsClauseWord(w)) break;
  }
  return -1;
}

// "convicted of the Lockerbie bombing in 2001", "sentenced to death for the Boston Marathon bombing
// in 2015", "the 30th anniversary of the first shuttle launch on 12 April": the trigger is what an
// act (IsEventActWord) or a noun of the event (IsEventObjectNoun), up to three words before its
// preposition ("of", "for", "over", "into", "to", "with") [the], is about; a date after it, other
// than through "of" ("victims of the tsunami of December 2004"), is the act's.
bool ActBefore(const FoldedView& t, uint32_t start) {
  const uint32_t lo = start > 80 ? start - 80 : 0;
  auto [ps, pe] = t.WordBefore(start, lo);
  if (ps != pe && t.F(ps, pe) == "the") std::tie(ps, pe) = t.WordBefore(ps, lo);
  if (ps == pe || !IsIn(t.F(ps, pe), {"of", "for", "over", "into", "to", "with"})) return false;
  for (int k = 0; k < 3; ++k) {
    std::tie(ps, pe) = t.WordBefore(ps, lo);
    if (ps == pe) return false;
    const std::string_view w = t.F(ps, pe);
    if (IsEventActWord(w) || IsEventObjectNoun(w)) return true;
    if (IsClauseWord(w)) return false;
  }
  return false;
}

// The stated date: the nearest time expression with a year right before the trigger ("the 2019
// provision", "2001, when the attacks"), inside it, or right after it through one preposition
// ("invasion in February 2021", not "Lisbon summit of European Union leaders in 2000": another
// summit); else one closing a clause about the event (ClauseDate); else a year inside the trigger.
// -1 when none. *name_year: the year inside the trigger, -1 when none (the event's name: no date of
// the text's own either way).
int StatedDate(const FoldedView& t, uint32_t hi, std::span<const TimeExpr> ts, const EventMention& em,
               bool impact, int* name_year_out) {
  int best = -1, name_year = -1;
  uint32_t best_gap = 41;
  const bool act_before = ActBefore(t, em.start);
  auto t0 = std::lower_bound(ts.begin(), ts.end(), em.start > 60 ? em.start - 60 : 0,
                             [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
  for (size_t k = static_cast<size_t>(t0 - ts.begin()); k < ts.size() && ts[k].start <= em.end + 45; ++k) {
    const TimeExpr& te = ts[k];
    if (!StatesADate(te)) continue;
    uint32_t gap;
    if (te.end <= em.start) {
      if (WhenBetween(t, static_cast<uint32_t>(te.end), em.start)) {
        gap = 3;  // "in 2001, when the September 11 attacks pushed claims up"
      } else {
        // A possessive year names the event whatever stands before it ("at 1986's Live Aid"; the
        // time expression ends before its "'s", timex.h).
        const uint32_t e = static_cast<uint32_t>(te.end);
        const bool possessive = e + 2 <= em.start && t.F(e, e + 2) == "'s" && t.SkipSpacesFwd(e + 2, hi) == em.start;
        if (!(te.preposition.empty() || te.preposition == "the" || te.preposition == "s" || possessive)) continue;
        gap = em.start - static_cast<uint32_t>(te.end);
        if (gap > 3) continue;
      }
    } else if (te.start >= em.end) {
      if (!IsStatedDatePreposition(te.preposition) || (act_before && te.preposition != "of")) continue;
      uint32_t p = t.SkipSpacesFwd(em.end, hi);
      if (p < hi && t[p] == ',') p = t.SkipSpacesFwd(p + 1, hi);
      auto [ws, we] = t.WordAfter(p, hi);
      if (ws != p || t.F(ws, we) != te.preposition || t.SkipSpacesFwd(we, hi) != te.start) continue;
      gap = static_cast<uint32_t>(te.start) - em.end;
    } else if (te.precision == TimePrecision::kYear) {
      // A year inside the trigger is part of its name ("the 2025 Myanmar earthquake, which struck
      // Mandalay in April 2025"; "the 2020 Summer Olympics, held in July 2021"): a date the text
      // states next to it or closing a clause about the event comes first, of that year or not
      // ("the 1995 divorce referendum was held in November 1996", "the 2010 Haiti earthquake of
      // February 12").
      if (name_year < 0) name_year = static_cast<int>(k);
      continue;
    } else {
      gap = 0;  // inside the trigger ("November 2024 election")
    }
    if (gap < best_gap) {
      best_gap = gap;
      best = static_cast<int>(k);
    }
  }
  *name_year_out = name_year;
  if (best >= 0) return best;
  const int clause = ClauseDate(t, hi, ts, em, impact);
  return clause >= 0 ? clause : name_year;
}

// Year-qualified names said without their year: "the Haiti earthquake of January 2010", "the
// Russian presidential election in March 2012", "Hurricane Katrina, which struck New Orleans in
// August 2005". A trigger's base (kYearBase: "Haiti earthquake" of "2010 Haiti earthquake"),
// outside every trigger and not after a capitalised word ("the Rugby World Cup of 2011": another
// name) or "a"/"an", with a date that has a year right after it through "of" or "in", or closing
// a clause about it (ClauseDate), names the one event of that base in that year. Two such events,
// or none: no mention (the KB cannot tell which is meant, or holds no event of that year: "the
// Haiti earthquake of 2018" is neither the 2010 nor the 2021 one).
std::vector<EventMention> YearBaseMentions(const Kb& kb, const KbIndex& index, const FoldedView& t,
                                           const Sentences& sentences, const PhraseHits& ph,
                                           const std::vector<EventMention>& found) {
  std::vector<EventMention> out;
  std::vector<int> events;
  for (size_t h : ph.year_base_hits) {
    const PhraseMatcher::Hit& hit = ph.hits[h];
    const int s = sentences.SentenceOf(hit.start);
    if (s < 0) continue;
    const uint32_t lo = sentences.start[static_cast<size_t>(s)], hi = sentences.end[static_cast<size_t>(s)];
    auto ov = std::upper_bound(found.begin(), found.end(), hit.start,
                               [](uint32_t pos, const EventMention& em) { return pos < em.end; });
    if (ov != found.end() && ov->start < hit.end) continue;  // part of a trigger's mention
    auto [bs, be] = t.WordBefore(hit.start, lo);
    if (bs != be && (t.F(bs, be) == "a" || t.F(bs, be) == "an" || (t.UpperAt(bs) && t.F(bs, be) != "the"))) continue;
    events.clear();
    AppendRefs(index, hit.pattern, PhraseKind::kYearBase, &events);
    bool impact = true;
    for (int e : events) impact = impact && IsImpactEventKind(kb.events[static_cast<size_t>(e)].kind);
    const std::span<const TimeExpr> ts = sentences.TimesOf(static_cast<size_t>(s));
    int time = -1;
    auto [ps, pe] = t.WordAfter(hit.end, hi);
    if (ps != pe && ps == t.SkipSpacesFwd(hit.end, hi) && (t.F(ps, pe) == "of" || t.F(ps, pe) == "in")) {
      const uint32_t at = t.SkipSpacesFwd(pe, hi);
      for (size_t x = 0; x < ts.size(); ++x)
        if (ts[x].start == at && ts[x].has_year()) time = static_cast<int>(x);
    }
    EventMention em;
    em.sentence = s;
    em.start = hit.start;
    em.end = hit.end;
    if (time < 0) time = ClauseDate(t, hi, ts, em, impact);
    if (time < 0) continue;
    int chosen = -1, of_year = 0;
    for (int e : events) {
      int y, mo, d;
      SplitDate(kb.events[static_cast<size_t>(e)].date, &y, &mo, &d);
      if (y == ts[static_cast<size_t>(time)].year) chosen = e, ++of_year;
    }
    if (of_year != 1) continue;
    em.events = {chosen};
    out.push_back(std::move(em));
  }
  return out;
}

}  // namespace

std::vector<EventMention> FindEventMentions(const KbQuery& kb, const KbIndex& index, const FoldedView& text,
                                            const Sentences& sentences, const PhraseHits& hits,
                                            const std::vector<Phrase>& lexicon,
                                            const std::vector<PersonMention>& persons,
                                            const std::vector<std::vector<size_t>>& persons_in_sentence,
                                            std::vector<char>* event_dates) {
  std::vector<EventMention> found = TriggerMentions(index, sentences, hits);
  std::vector<EventMention> year_base = YearBaseMentions(kb.kb(), index, text, sentences, hits, found);
  std::vector<EventMention> generic = GenericElections(kb.kb(), text, sentences, found);
  std::vector<EventMention> met = MeetingsByParticipants(kb.kb(), text, sentences, persons, persons_in_sentence, found);
  found.insert(found.end(), year_base.begin(), year_base.end());
  found.insert(found.end(), generic.begin(), generic.end());
  found.insert(found.end(), met.begin(), met.end());
  std::sort(found.begin(), found.end(), [](const EventMention& a, const EventMention& b) { return a.start < b.start; });
  std::vector<std::set<int>> named_in(sentences.size());
  std::vector<char> named_done(sentences.size(), 0);
  std::vector<EventMention> out;
  for (EventMention& em : found) {
    const size_t s = static_cast<size_t>(em.sentence);
    // Participants named in the sentence narrow the events (and are required for generic ones).
    std::set<int>& named = named_in[s];
    if (!named_done[s]) {
      for (size_t mi : persons_in_sentence[s])
        if (persons[mi].person >= 0) named.insert(persons[mi].person);
      named_done[s] = 1;
    }
    std::vector<int> with;
    for (int e : em.events) {
      for (int p : kb.kb().events[static_cast<size_t>(e)].participants)
        if (named.count(p)) {
          with.push_back(e);
          break;
        }
    }
    if (!with.empty()) {
      em.events = with;
      em.participant_named = true;
    } else if (em.generic) {
      continue;
    }
    // An event nobody schedules (a disaster, an attack, a death) is ahead only with the marker next
    // to it ("a possible invasion"): "will raise money for victims of the tsunami" is about a past one.
    bool unscheduled = true, impact = true;
    for (int e : em.events) {
      unscheduled = unscheduled && IsUnscheduledEventKind(kb.kb().events[static_cast<size_t>(e)].kind);
      impact = impact && IsImpactEventKind(kb.kb().events[static_cast<size_t>(e)].kind);
    }
    if (ObjectNounAfter(text, em.end, sentences.end[s])) {
      em.claim_start = em.start, em.claim_end = em.end;  // "the upcoming 2004 tsunami anniversary"
    } else {
      MarkProspective(text, sentences.start[s], lexicon, unscheduled ? 1 : 8, &em);
      if (!em.prospective) MarkProspectiveAfter(text, sentences.end[s], &em);
      if (!em.prospective && !unscheduled) MarkProspectiveTimeAfter(text, sentences.start[s], sentences.end[s], &em);
    }
    if (em.by_participants && em.prospective) continue;  // meetings recur: only a past one dates the text
    int name_year = -1;
    em.time = StatedDate(text, sentences.end[s], sentences.TimesOf(s), em, impact, &name_year);
    if (em.time >= 0) (*event_dates)[sentences.TimeIndex(s, static_cast<size_t>(em.time))] = 1;
    if (name_year >= 0) (*event_dates)[sentences.TimeIndex(s, static_cast<size_t>(name_year))] = 1;
    out.push_back(std::move(em));
  }
  return out;
}

}  // namespace factlint
