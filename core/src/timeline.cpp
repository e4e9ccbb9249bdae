// Stage 3, BuildTimeline (timeline.h). In order: the role of every date (ahead or not; date_roles.h);
// the reference window; then every claim's own time, with the window known.
//
// A claim's own time is decided once, here. While the window is being inferred, a claim dated by
// its sentence is left out of the constraints (it speaks of that time, not of the article's);
// that provisional test runs without the window, so it can differ from the final one (a date
// after the window, or a relative date, only counts once the window is known) and is not kept.

#include "timeline.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "date_roles.h"
#include "dateline.h"
#include "election_ahead.h"
#include "lexicon.h"
#include "reftime.h"

namespace factlint {
namespace {

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  return s;
}

// A date that reads as a time of the report's events: a month or day, a fronted year, or
// "in/during/since/from/of YEAR" — not "the 2012 Games" or "2005 accounts".
bool Anchored(const TimeExpr& te) {
  return te.precision != TimePrecision::kYear || te.sentence_initial ||
         IsIn(te.preposition, {"in", "during", "since", "from", "of"});
}

std::string WindowText(int32_t a, int32_t b) {
  if (a == b) return "on " + FormatIsoDate(Date{a});
  return "between " + FormatIsoDate(Date{a}) + " and " + FormatIsoDate(Date{b});
}

class TimelineBuilder {
 public:
  TimelineBuilder(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                  const Mentions& mentions)
      : kb_(kb), as_of_(kb.kb().as_of.days), index_(index), t_(text), sent_(sentences), m_(mentions) {}

  Timeline Build(const CheckOptions& options);

 private:
  void ReferenceTime(const CheckOptions& options);
  bool SameClause(uint32_t from, uint32_t to) const;
  bool FrontedWhenClause(size_t s, const TimeExpr& te, uint32_t claim_start) const;
  bool SaidAt(size_t s, const TimeExpr& te) const;
  // event_claim: the claim is itself an event mention (another event in its clause does not date it).
  std::optional<Interval> OwnTime(int sentence, uint32_t claim_start, uint32_t claim_end, std::string* when,
                                  bool event_claim = false) const;
  std::optional<Interval> EventTime(int sentence, uint32_t claim_start, uint32_t claim_end, std::string* when) const;
  ClaimTime Judge(int sentence, uint32_t claim_start, uint32_t claim_end, bool event_claim = false) const;
  void DateByOwnEvent(const TitleClaim& c, ClaimTime* ct) const;
  uint32_t FiguresNounEnd(const TimeExpr& te) const;
  bool YearOfFigures(const TimeExpr& te) const { return te.precision == TimePrecision::kYear && FiguresNounEnd(te); }
  void NarrowByElections(ReferenceDate* rd);
  std::string PersonName(int person) const { return std::string(kb_.kb().people[static_cast<size_t>(person)].name); }
  std::string OfficeName(int office) const { return std::string(kb_.kb().offices[static_cast<size_t>(office)].name); }

  const KbQuery& kb_;
  const int32_t as_of_;
  const KbIndex& index_;
  const FoldedView& t_;
  const Sentences& sent_;
  const Mentions& m_;
  Timeline out_;
  // WindowText of the last window Judge wrote (most claims are judged at the text's window).
  mutable std::optional<Interval> window_text_of_;
  mutable std::string window_text_;
};

// The end of the noun of a year's figures right after a year ("2005 forecast", "2004 results"),
// 0 when none follows.
uint32_t TimelineBuilder::FiguresNounEnd(const TimeExpr& te) const {
  const uint32_t end = static_cast<uint32_t>(te.end);
  auto [ws, we] = t_.WordAfter(end, t_.size());
  if (ws == we || ws != end + 1 || t_[end] != ' ') return 0;
  return IsYearFigureNoun(t_.F(ws, we)) ? we : 0;
}

// A national election the text speaks of as soon to come (election_ahead.h: "the forthcoming
// general election", its country pointed to by the text) narrows a single inferred window to
// the year before one of that country's elections of the kind — only within the window the other
// clues give (a tie stays a tie), never a window of its own; a window it narrowed is a guess
// (Timeline::guess: an error judged there is a warning).
void TimelineBuilder::NarrowByElections(ReferenceDate* rd) {
  for (const ElectionAhead& ea : FindElectionsAhead(kb_.kb(), t_, sent_, m_)) {
    int32_t day = 0;
    const std::optional<Interval> n = NarrowBeforeElection(ea, *out_.window, &day);
    if (!n) continue;
    out_.window = n;
    rd->from = Date{n->a};
    rd->to = Date{n->b};
    const std::string clue = "\"" + Trimmed(t_.Orig(ea.start, ea.end)) + "\": the " + ea.place + " " + ea.kind +
                             " election of " + FormatIsoDate(Date{day}) + " within a year after the text";
    rd->evidence.push_back(clue + " (narrows the window of the other clues)");
    // "Within a year" is an assumption about the text, not its statement: the window is a guess.
    if (out_.guess.empty()) out_.guess = clue;
  }
}

// True when nothing between from and to opens another clause: no clause punctuation (a comma
// inside a number is fine), speech verb, conjunction or relative word, and no person named.
bool TimelineBuilder::SameClause(uint32_t from, uint32_t to) const {
  for (uint32_t i = from; i < to;) {
    if (!t_.WordByte(i)) {
      const char c = t_[i];
      const bool digit_comma = c == ',' && i > from && i + 1 < to && t_[i - 1] >= '0' && t_[i - 1] <= '9' &&
                               t_[i + 1] >= '0' && t_[i + 1] <= '9';
      if ((c == ',' && !digit_comma) || c == ';' || c == ':' || c == '"' || c == '(' || c == ')') return false;
      ++i;
      continue;
    }
    uint32_t e = i;
    while (e < to && t_.WordByte(e)) ++e;
    std::string_view w = t_.F(i, e);
    // IsSpeechWord from the word classes (lexicon.h: the same set, most words ruled out by their
    // first and last bytes).
    if (((WordClasses(w) & kWordSpeech) != 0 && w != "by") || IsClauseWord(w)) return false;
    i = e;
  }
  auto m = std::lower_bound(m_.persons.begin(), m_.persons.end(), from,
                            [](const PersonMention& pm, uint32_t pos) { return pm.start < pos; });
  return m == m_.persons.end() || m->start >= to;
}

// "When Britain went to the polls in 1979, Tory leader X was swept into power": a sentence that
// opens with a "When" clause holding the date, and the claim in the clause right after its comma.
// The date must lie in that first clause (no clause mark before it) and only one comma may part it
// from the claim, whose own clause runs unbroken to it (SameClause).
bool TimelineBuilder::FrontedWhenClause(size_t s, const TimeExpr& te, uint32_t claim_start) const {
  const uint32_t lo = sent_.start[s];
  auto [ws, we] = t_.WordAfter(lo, sent_.end[s]);
  if (t_.F(ws, we) != "when") return false;
  for (uint32_t i = lo; i < te.start; ++i)
    if (t_[i] == ',' || t_[i] == ';' || t_[i] == ':' || t_[i] == '"' || t_[i] == '(') return false;
  uint32_t comma = UINT32_MAX;
  for (uint32_t i = static_cast<uint32_t>(te.end); i < claim_start; ++i) {
    if (t_[i] != ',') continue;
    if (comma != UINT32_MAX) return false;
    comma = i;
  }
  return comma != UINT32_MAX && SameClause(comma + 1, claim_start);
}

// "X said in 2005", "Y announced on 3 May 2005": the date of the saying dates what the sentence
// reports (a quote, a reported clause) — "\"The 2012 Games will be held in London,\" Rogge said in
// 2005" speaks from 2005 — in whichever clause the claim is.
bool TimelineBuilder::SaidAt(size_t s, const TimeExpr& te) const {
  if (te.preposition != "in" && te.preposition != "on") return false;
  const uint32_t lo = sent_.start[s];
  auto [ps, pe] = t_.WordBefore(static_cast<uint32_t>(te.start), lo);
  if (ps == pe) return false;
  auto [ws, we] = t_.WordBefore(ps, lo);
  return ws != we && (WordClasses(t_.F(ws, we)) & kWordSpeech) != 0;  // IsSpeechWord
}

// The time a claim [claim_start, claim_end) speaks of when its sentence dates it: a fronted date
// ("In 2010, Prime Minister ...") dates everything in the sentence, and so does the date of a
// saying near the claim ("... Rogge said in 2005", SaidAt); any other date before or after the
// claim dates it only within the same clause ("... visited Berlin in 2018", not "... said the
// rebate won in 1984 must stay"). Dates that look ahead, event dates and dates after the
// reference window (when it is known) do not count. claim_end = UINT32_MAX: fronted dates only.
std::optional<Interval> TimelineBuilder::OwnTime(int sentence, uint32_t claim_start, uint32_t claim_end,
                                                 std::string* when, bool event_claim) const {
  const size_t s = static_cast<size_t>(sentence);
  // Candidates, in order: a fronted date (only the first expression can be one), then the dates
  // near the claim — a bounded set, so long sentences stay linear.
  const std::span<const TimeExpr> ts = sent_.TimesOf(s);
  std::vector<size_t> candidates;
  if (!ts.empty() && ts.front().sentence_initial) candidates.push_back(0);
  if (claim_end != UINT32_MAX) {
    // Before the claim, in its clause ("... in September 2021 was rejected by Prime Minister X").
    auto b = std::lower_bound(ts.begin(), ts.end(), claim_start > 160 ? claim_start - 160 : 0,
                              [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
    for (; b != ts.end() && b->end <= claim_start; ++b) {
      size_t k = static_cast<size_t>(b - ts.begin());
      if (candidates.empty() || candidates.back() != k) candidates.push_back(k);
    }
    auto it = std::lower_bound(ts.begin(), ts.end(), claim_end,
                               [](const TimeExpr& te, uint32_t pos) { return te.start < pos; });
    for (; it != ts.end() && it->start <= static_cast<size_t>(claim_end) + 120; ++it) {
      size_t k = static_cast<size_t>(it - ts.begin());
      if (candidates.empty() || candidates.back() != k) candidates.push_back(k);
    }
  }
  const std::optional<Interval>& window = out_.window;
  for (size_t k : candidates) {
    const TimeExpr& te = ts[k];
    const size_t at = sent_.TimeIndex(s, k);
    if (m_.event_dates[at] || (!out_.future.empty() && out_.future[at])) continue;
    Interval iv;
    if (te.relative_unit) {
      // "next month", "later this year" by an event: the time ahead the event is spoken of at (a
      // prospect, events.cpp), not a past time that dates the claim.
      if (event_claim && (te.relative_offset > 0 || (te.relative_offset == 0 && te.preposition == "later"))) continue;
      // "last year": relative to a reference the text does not itself decide.
      if (!window || !(out_.reference.source == "given" || out_.reference.source == "metadata" ||
                       out_.reference.source == "dateline"))
        continue;
      Date a, b;
      ResolveRelative(te, Date{window->a}, Date{window->b}, &a, &b);
      iv = Interval{a.days, b.days};
    } else {
      if (!te.has_year()) continue;
      if (!(te.sentence_initial || IsClaimDatePreposition(te.preposition))) continue;
      iv = Interval{te.First().days, te.Last().days};
    }
    if (window && iv.a > window->b) continue;  // after the text's time: not a past date
    if (iv.a > as_of_) continue;
    bool applies = te.sentence_initial;
    if (!applies && claim_end != UINT32_MAX && te.start >= claim_end && te.start - claim_end <= 120)
      applies = SameClause(claim_end, static_cast<uint32_t>(te.start));
    if (!applies && claim_end != UINT32_MAX && te.end <= claim_start && claim_start - te.end <= 120)
      applies = SameClause(static_cast<uint32_t>(te.end), claim_start) || FrontedWhenClause(s, te, claim_start);
    if (!applies && claim_end != UINT32_MAX && !te.relative_unit) applies = SaidAt(s, te);
    if (!applies) continue;
    if (when && te.relative_unit) {
      std::string d = FormatIsoDate(Date{iv.a}).substr(0, te.relative_unit == 'y' ? 4 : 7);
      *when = "in " + d + " (" + te.ToString() + ")";
    } else if (when) {
      *when = (te.precision == TimePrecision::kDay ? "on " : "in ") + te.ToString();
    }
    return iv;
  }
  if (event_claim) return std::nullopt;
  return EventTime(sentence, claim_start, claim_end, when);
}

// A claim in the same clause as a KB event the text places it in ("NAME, who was prime minister
// during the 2003 invasion", "President X, at the time of the invasion"): the event's days. The
// event is introduced by "during", "amid", "throughout" or "at the time of" ("before the
// invasion" is another time); one event, named by its trigger, before the window's end.
std::optional<Interval> TimelineBuilder::EventTime(int sentence, uint32_t claim_start, uint32_t claim_end,
                                                   std::string* when) const {
  if (claim_end == UINT32_MAX) return std::nullopt;
  const uint32_t s_lo = sent_.start[static_cast<size_t>(sentence)], s_hi = sent_.end[static_cast<size_t>(sentence)];
  auto first = std::lower_bound(m_.events.begin(), m_.events.end(), s_lo,
                                [](const EventMention& em, uint32_t pos) { return em.start < pos; });
  for (auto it = first; it != m_.events.end() && it->start < s_hi; ++it) {
    const EventMention& em = *it;
    if (em.sentence != sentence || em.prospective || em.generic || em.by_participants || em.events.size() != 1)
      continue;
    const uint32_t lo = sent_.start[static_cast<size_t>(sentence)];
    auto [ws, we] = t_.WordBefore(em.start, lo);
    if (t_.F(ws, we) == "the") std::tie(ws, we) = t_.WordBefore(ws, lo);
    uint32_t intro = ws;
    std::string_view w = t_.F(ws, we);
    if (w == "of") {  // "at the time of"
      auto [ts, te] = t_.WordBefore(ws, lo);
      auto [hs, he] = t_.WordBefore(ts, lo);
      auto [as, ae] = t_.WordBefore(hs, lo);
      const bool time_of = t_.F(ts, te) == "time" && t_.F(hs, he) == "the" && t_.F(as, ae) == "at";
      w = time_of ? "during" : "";
      intro = as;
    }
    if (w != "during" && w != "amid" && w != "throughout") continue;
    // "During the 2003 invasion, ...": fronted, it dates the sentence; else only its clause.
    bool applies = em.end <= claim_start && t_.FirstWord(intro, lo);
    if (!applies && intro >= claim_end && intro - claim_end <= 120) applies = SameClause(claim_end, intro);
    if (!applies && em.end <= claim_start && claim_start - em.end <= 120) applies = SameClause(em.end, claim_start);
    if (!applies) continue;
    const KbEvent& ev = kb_.kb().events[static_cast<size_t>(em.events.front())];
    const Interval iv = EventDays(ev);
    if (iv.a > as_of_ || (out_.window && iv.a > out_.window->b)) continue;
    if (when) *when = "at the time of the " + std::string(ev.name) + " (" + kb_.EventDateText(ev) + ")";
    return iv;
  }
  return std::nullopt;
}

void TimelineBuilder::ReferenceTime(const CheckOptions& options) {
  ReferenceDate& rd = out_.reference;
  if (options.date) {
    rd.from = rd.to = options.date;
    rd.source = "given";
    out_.window = Interval{options.date->days, options.date->days};
    return;
  }
  // The text's own date (dateline.h): a dateline, a date line, a published line or a dated byline.
  std::optional<DatelineInfo> head = FindDatelineDate(t_.doc(), sent_.segments);
  std::optional<DatelineInfo> day_only;  // "WASHINGTON, March 3 (Reuters) -": a day without its year
  if (head && !head->date) {
    if (head->month != 0) day_only = head;
    head.reset();
  }
  auto head_text = [&] {
    return std::string(DatelineFormName(head->form)) + " \"" +
           Trimmed(std::string(t_.doc().text().substr(head->date_start, head->date_end - head->date_start))) + "\"";
  };
  if (options.metadata_date) {
    const Date d = *options.metadata_date;
    rd.from = rd.to = d;
    rd.source = "metadata";
    rd.evidence.push_back("published " + FormatIsoDate(d) + " (" +
                          (options.metadata_source.empty() ? std::string("metadata") : options.metadata_source) + ")");
    // Metadata and the text disagree by more than a few days: say so (the metadata date is used).
    if (head && std::abs(head->date->days - d.days) > 3) {
      rd.evidence.push_back("the text's " + head_text() + " says " + FormatIsoDate(*head->date) + ", " +
                            std::to_string(std::abs(head->date->days - d.days)) + " days " +
                            (head->date->days > d.days ? "later" : "earlier") + " than the metadata");
    }
    out_.window = Interval{d.days, d.days};
    return;
  }
  if (head) {
    const Date d = *head->date;
    rd.from = rd.to = d;
    rd.source = "dateline";
    rd.evidence.push_back("dateline " + FormatIsoDate(d) + " (" + head_text() + ")");
    out_.window = Interval{d.days, d.days};
    return;
  }
  const Kb& kb = kb_.kb();
  // Claims dated by their sentences speak of that time, not of the article's.
  std::vector<TimeConstraint> cs;
  std::map<std::string, size_t> seen;  // dedupe: one constraint per (person, office set, tense) / event set
  auto add = [&](const std::string& key, TimeConstraint c) {
    auto it = seen.find(key);
    if (it != seen.end()) {
      cs[it->second].weight = std::max(cs[it->second].weight, c.weight);
      return;
    }
    seen.emplace(key, cs.size());
    cs.push_back(std::move(c));
  };
  for (const TitleClaim& c : m_.titles) {
    if (c.tense == Tense::kSkip || c.dated_only || OwnTime(c.sentence, c.start, c.end, nullptr)) continue;
    std::string key = std::to_string(c.person) + (c.tense == Tense::kFormer ? "F" : "P");
    for (int o : c.offices) key += "," + std::to_string(o);
    auto spans = kb_.TermsOf(c.person, c.offices, true);
    if (spans.empty()) continue;
    TimeConstraint tc;
    tc.group = c.person;  // one voice per person, however many titles or mentions (reftime.h)
    if (c.tense == Tense::kPresent) {
      // Weights (in quarters of a title): a present-tense title pins the time to a term (4);
      // "former" and the looser "NAME administration" only exclude one (2); a year or date in the
      // text bounds the time loosely (1); events, below, 2 or 8.
      tc.weight = c.administration ? 2 : 4;
      tc.clue = [this, &c, last = spans.back()] {
        return "\"" + Trimmed(t_.Orig(c.start, c.end)) + "\": " + PersonName(c.person) + " held " +
               OfficeName(c.offices.front()) + " from " + FormatIsoDate(Date{last.first}) +
               (last.second >= kOpenEnd ? "" : " to " + FormatIsoDate(Date{last.second}));
      };
      tc.intervals = std::move(spans);
    } else {
      tc.weight = 2;
      for (size_t i = 0; i < spans.size(); ++i)
        tc.intervals.emplace_back(spans[i].second, i + 1 < spans.size() ? spans[i + 1].first : kOpenEnd);
      tc.clue = [this, &c, after = spans.front().second] {
        return "\"" + Trimmed(t_.Orig(c.start, c.end)) + "\": " + PersonName(c.person) + " out of " +
               OfficeName(c.offices.front()) + " after " + FormatIsoDate(Date{after});
      };
    }
    add(key, std::move(tc));
  }
  // "Mr Boateng, 53,": a stated age of a person whose birth the KB knows places the text within
  // the year of that age (wider where the birth is a month or a year). A statement of the text,
  // like a title, but its own voice (ages and offices are separate facts), weighing a little less
  // (3): two agreeing titles outweigh it, a lone "latest date taken as recent" (2) does not.
  for (const PeopleClaim& c : m_.people) {
    if (c.kind != PeopleClaimKind::kAge || c.at_death || c.mention < 0 || c.number <= 0 || c.number > 120) continue;
    const int p = m_.persons[static_cast<size_t>(c.mention)].person;
    if (p < 0 || OwnTime(c.sentence, c.start, c.end, nullptr)) continue;
    const std::optional<Interval> born = kb_.BornDays(p);
    if (!born) continue;
    auto plus_years = [](int32_t days, int years) {
      int y, mo, d;
      SplitDate(Date{days}, &y, &mo, &d);
      return MakeDate(y + years, mo, mo == 2 && d == 29 ? 28 : d).days;
    };
    TimeConstraint tc;
    tc.intervals.emplace_back(plus_years(born->a, c.number), plus_years(born->b, c.number + 1));
    tc.weight = 3;
    tc.clue = [this, &c, p, years = tc.intervals.front()] {
      return "\"" + Trimmed(t_.Orig(c.start, c.end)) + "\": " + PersonName(p) + " was " + std::to_string(c.number) +
             " from " + FormatIsoDate(Date{years.first}) + " to " + FormatIsoDate(Date{years.second - 1});
    };
    add("A" + std::to_string(p) + "," + std::to_string(c.number), std::move(tc));
  }
  for (const EventMention& em : m_.events) {
    // A generic "November election" stands for one of many: it is judged, never a clue.
    if (em.generic || OwnTime(em.sentence, em.start, em.end, nullptr, true)) continue;
    std::string key = em.prospective ? "P" : "E";
    int32_t lo_date = kOpenEnd, hi_date = kOpenStart;
    for (int e : em.events) {
      key += "," + std::to_string(e);
      const KbEvent& ev = kb.events[static_cast<size_t>(e)];
      lo_date = std::min(lo_date, ev.date.days);
      hi_date = std::max(hi_date, ev.date.days);
    }
    auto label = [this, &em] {
      const KbEvent& first = kb_.kb().events[static_cast<size_t>(em.events.front())];
      return em.events.size() == 1 ? std::string(first.name) + " (" + kb_.EventDateText(first) + ")"
                                   : "\"" + t_.Orig(em.start, em.end) + "\"";
    };
    TimeConstraint tc;
    if (em.prospective) {
      tc.intervals.emplace_back(kOpenStart, hi_date + 1);
      tc.weight = 2;
      tc.clue = [label] { return label() + " spoken of as still to come"; };
    } else {
      tc.intervals.emplace_back(lo_date, kOpenEnd);
      // A dated KB event the article reports as past weighs above any one title (4): a checked
      // claim may be wrong, the event the article is about rarely is — named by its trigger or
      // by who and where (a meeting) 5, by its trigger with a participant named too 8; a generic
      // "November election", one of many: 2.
      tc.weight = em.generic ? 2 : em.participant_named && !em.by_participants ? 8 : 5;
      tc.clue = [label] { return label() + " reported as past"; };
    }
    add(key, std::move(tc));
  }
  // "last year's Boxing Day tsunami", "this month's Gleneagles summit": a relative date of a
  // dated KB event places the text itself — a year or month after, in, or before the event's.
  for (const EventMention& em : m_.events) {
    if (em.generic || em.by_participants) continue;
    const KbEvent& ev = kb.events[static_cast<size_t>(em.events.front())];
    bool one_date = true;
    for (int e : em.events) one_date = one_date && kb.events[static_cast<size_t>(e)].date.days == ev.date.days;
    if (!one_date) continue;
    for (const TimeExpr& te : sent_.TimesOf(static_cast<size_t>(em.sentence))) {
      if (!te.relative_unit || te.end > em.start || em.start - te.end > 4) continue;
      if (t_.F(static_cast<uint32_t>(te.end), em.start) != "'s ") continue;  // folded: ’ is '
      // The text's time is the event's shifted back by the offset: ResolveRelative from the
      // event's day with the offset negated.
      TimeExpr back = te;
      back.relative_offset = -te.relative_offset;
      Date a, b;
      ResolveRelative(back, ev.date, ev.date, &a, &b);
      TimeConstraint tc;
      tc.intervals.emplace_back(a.days, b.days + 1);
      tc.weight = 5;
      tc.clue = [this, &te, &em, &ev] {
        const std::string unit = te.relative_unit == 'y' ? "year" : "month";
        return "\"" + t_.Orig(te.start, em.end) + "\": " + std::string(ev.name) + " (" + kb_.EventDateText(ev) + "), " +
               (te.relative_offset < 0   ? "a " + unit + " before the text"
                : te.relative_offset > 0 ? "a " + unit + " after the text"
                                         : "in the text's " + unit);
      };
      add("L" + std::to_string(em.events.front()) + te.ToString(), std::move(tc));
    }
  }
  for (size_t at = 0; at < sent_.times.size(); ++at) {
    const TimeExpr& te = sent_.times[at];
    if (!te.has_year() || m_.event_dates[at]) continue;
    TimeConstraint tc;
    if (out_.future[at]) {  // a deadline or a prospect: the text speaks before it
      tc.intervals.emplace_back(kOpenStart, te.Last().days + 1);
      tc.clue = [&te] { return "the date " + te.ToString() + " ahead in the text"; };
      add("U" + te.ToString(), std::move(tc));
    } else if (!Anchored(te) && YearOfFigures(te)) {
      // "its 2005 forecast", "the 2004 results", "his 2006 budget": a year's figures are spoken
      // of near that year — a forecast or budget the year before, results the year after.
      tc.intervals.emplace_back(MakeDate(te.year - 1, 1, 1).days, MakeDate(te.year + 2, 1, 1).days);
      tc.clue = [this, &te] {
        return "\"" + t_.Orig(te.start, FiguresNounEnd(te)) + "\": the text within a year of " + te.ToString();
      };
      add("N" + te.ToString(), std::move(tc));
    } else {
      tc.intervals.emplace_back(te.First().days, kOpenEnd);
      // An explicit date reported as past — a full date, or a month or year read as the time
      // of the report's events ("in 2003", "since March 2004") — weighs above a title (4): the
      // text cannot speak before it. Any other year ("the 2012 Games") bounds loosely (1).
      if (Anchored(te)) tc.weight = 5;
      tc.clue = [&te] { return "the date " + te.ToString() + " in the text"; };
      add("T" + te.ToString(), std::move(tc));
    }
  }
  // The latest past date the text states, taken as recent: news reports speak within about a year
  // after the latest date they report. Its weight grows with the distinct dates the text states
  // within two years before it (one date: 2, two: 4, three or more: 5): a text that dates several
  // of its events near one time outweighs a single title (4) — so one planted title cannot move
  // the window away from them (issue 12) — while a lone year ("the bill, proposed in 1993, …")
  // outweighs neither a correct title nor a "former" (2), and two agreeing titles (8) outweigh any
  // of it. Only dates that read as a time of the report's events count: a month or day, a fronted
  // year, or "in/during/since/from/of YEAR" — not "the 2012 Games" or "2005 accounts".
  {
    const TimeExpr* latest = nullptr;
    std::vector<const TimeExpr*> anchored_dates;
    for (size_t at = 0; at < sent_.times.size(); ++at) {
      const TimeExpr& te = sent_.times[at];
      if (!te.has_year() || m_.event_dates[at] || out_.future[at]) continue;
      if (te.First().days > as_of_) continue;
      if (!Anchored(te)) continue;
      anchored_dates.push_back(&te);
      if (!latest || te.Last().days > latest->Last().days) latest = &te;
    }
    if (latest) {
      std::set<std::string> near;
      for (const TimeExpr* te : anchored_dates)
        if (te->Last().days + 2 * 366 >= latest->Last().days) near.insert(te->ToString());
      TimeConstraint tc;
      tc.intervals.emplace_back(latest->First().days, latest->Last().days + 366);
      tc.weight = near.size() >= 3 ? 5 : near.size() == 2 ? 4 : 2;
      tc.clue = [latest] {
        return "the latest date in the text, " + latest->ToString() +
               ", taken as recent (a report speaks within a year after it)";
      };
      add("R", std::move(tc));
    }
  }
  int32_t lo = index_.earliest ? index_.earliest->days : as_of_ - 365 * 100;
  int32_t hi = as_of_ + 1;
  // "Thursday, 4 November" without a year: the weekday and the date fall together only in some
  // years (1999, 2004, 2010 …), and a text names a day that way only near its own time — within
  // half a year of one of them. Weighs as a present title (4): a statement of the text, not a
  // guess about it. Alone it only lists dozens of tied years: no window of its own.
  // "WASHINGTON, March 3 (Reuters) -": the dateline states the text's own day without its year
  // (wire copy often leaves it out) — that day of every year, of the years it falls on its weekday
  // when one is given; the same weight, never a window alone; the other clues pick the year.
  if (!cs.empty()) {
    for (const TimeExpr& te : sent_.times) {
      if (te.has_year() || te.relative_unit || !te.month || !te.day) continue;
      const size_t at = t_.doc().FoldedToOriginal(static_cast<uint32_t>(te.start));
      const bool head = day_only && at >= day_only->date_start && at < day_only->date_end;
      if (!te.has_weekday && !head) continue;
      const uint32_t ws = static_cast<uint32_t>(te.start);
      uint32_t we = ws;
      while (we < te.end && t_.WordByte(we)) ++we;
      const int weekday = te.has_weekday ? WeekdayIndex(t_.F(ws, we)) : -1;
      if (weekday < 0 && !head) continue;
      TimeConstraint tc;
      tc.intervals = WeekdayDateNear(weekday, te.month, te.day, lo, hi, head ? 0 : 183);
      if (tc.intervals.empty()) continue;
      tc.weight = 4;
      const char* says = head ? "the dateline's day without its year: the text's day, in some year"
                              : "that weekday and date fall together in some years only; the text within half a year "
                                "of one";
      tc.clue = [this, ws, &te, says] {
        return "\"" + Trimmed(t_.Orig(ws, static_cast<uint32_t>(te.end))) + "\": " + says;
      };
      add((head ? "D" : "W") + std::string(t_.F(ws, static_cast<uint32_t>(te.end))), std::move(tc));
    }
  }
  std::optional<TimeWindow> w = BestWindow(cs, lo, hi);
  if (!w) {
    rd.source = "none";
    return;
  }
  rd.source = "inferred";
  // A tie: no window is singled out, so the window spans the candidates and each is listed — a
  // claim true in any of them is not judged wrong, and one planted title against as many correct
  // clues cannot move the window into its own era.
  const TimeStretch& first = w->candidates.front();
  rd.from = Date{first.from};
  rd.to = Date{w->to - 1};
  out_.window = Interval{first.from, w->to - 1};
  if (w->candidate_count > 1) {
    for (const TimeStretch& c : w->candidates) rd.candidates.push_back(DateWindow{Date{c.from}, Date{c.to - 1}});
    rd.evidence.push_back(std::to_string(w->candidate_count) + " windows tie (clues of equal weight, " +
                          std::to_string(w->conflicts) + (w->conflicts == 1 ? " person" : " people") +
                          " in conflict in each): the window spans them");
  }
  // Does the window rest on the recency guess? Swept again without it: a different window means
  // the guess decided (moved or narrowed) it, and the checks at it say so (AtClaimTime).
  if (auto r = seen.find("R"); r != seen.end()) {
    const std::optional<TimeWindow> w2 = BestWindow(cs, lo, hi, r->second);
    if (!w2 || w2->candidates.front().from != first.from || w2->to != w->to) out_.guess = cs[r->second].clue();
  }
  std::set<size_t> used;
  for (const TimeStretch& c : w->candidates) {
    for (size_t i : c.satisfied) {
      if (rd.evidence.size() >= 12) break;
      if (used.insert(i).second) rd.evidence.push_back(cs[i].clue());
    }
  }
  if (w->candidate_count == 1) NarrowByElections(&rd);
}

ClaimTime TimelineBuilder::Judge(int sentence, uint32_t claim_start, uint32_t claim_end, bool event_claim) const {
  ClaimTime ct;
  ct.own = OwnTime(sentence, claim_start, claim_end, &ct.when, event_claim);
  std::optional<Interval> t = ct.own ? ct.own : out_.window;
  if (!t || t->a > as_of_) {
    ct.when.clear();
    return ct;
  }
  t->b = std::min(t->b, as_of_);
  if (ct.when.empty()) {
    if (!window_text_of_ || window_text_of_->a != t->a || window_text_of_->b != t->b) {
      window_text_ = WindowText(t->a, t->b);
      window_text_of_ = *t;
    }
    ct.when = window_text_;
  }
  ct.tentative = !ct.own && !out_.guess.empty();
  ct.judged = t;
  return ct;
}

// "shot down Rwandan President Juvenal Habyarimana's plane" (a trigger of the event that killed him,
// overlapping the claim): a title inside a past event's mention, or right before it with a
// possessive, of a person the event involves, is the title at that event — judged at the event's
// dates, not at the time of writing.
// A "former" title stays the time of writing's ("former President X's 2020 defeat").
void TimelineBuilder::DateByOwnEvent(const TitleClaim& c, ClaimTime* ct) const {
  if (c.person < 0 || c.tense != Tense::kPresent) return;
  const Kb& kb = kb_.kb();
  for (const EventMention& em : m_.events) {
    if (em.sentence != c.sentence || em.prospective || em.by_participants || em.events.size() != 1) continue;
    // Inside the claim, or right after its possessive ("President X's 2020 election campaign").
    const bool after_possessive = em.start == c.end + 3 && t_.F(c.end, c.end + 3) == "'s ";
    if (!(em.start < c.end && c.start < em.end) && !after_possessive) continue;
    const KbEvent& ev = kb.events[static_cast<size_t>(em.events.front())];
    if (std::find(ev.participants.begin(), ev.participants.end(), c.person) == ev.participants.end()) continue;
    Interval days = EventDays(ev);
    if (days.a > as_of_) return;
    days.b = std::min(days.b, as_of_);
    ct->own = days;
    ct->judged = days;
    ct->when = "at " + std::string(ev.name) + " (" + kb_.EventDateText(ev) + ")";
    ct->tentative = false;
    return;
  }
}

Timeline TimelineBuilder::Build(const CheckOptions& options) {
  out_.future = FindDateRoles(t_, sent_, m_.lexicon);
  ReferenceTime(options);
  out_.titles.reserve(m_.titles.size());
  for (const TitleClaim& c : m_.titles) {
    out_.titles.push_back(Judge(c.sentence, c.start, c.end));
    if (!out_.titles.back().own) DateByOwnEvent(c, &out_.titles.back());
    if (c.dated_only && !out_.titles.back().own) out_.titles.back() = ClaimTime{};  // no time of its own: not judged
  }
  out_.events.reserve(m_.events.size());
  for (const EventMention& em : m_.events) out_.events.push_back(Judge(em.sentence, em.start, em.end, true));
  out_.quotes.reserve(m_.quotes.size());
  for (const QuoteSpan& q : m_.quotes) out_.quotes.push_back(Judge(q.sentence, UINT32_MAX, UINT32_MAX));
  out_.people.reserve(m_.people.size());
  for (const PeopleClaim& c : m_.people) out_.people.push_back(Judge(c.sentence, c.start, c.end));
  return std::move(out_);
}

}  // namespace

Severity AtClaimTime(Severity severity, const ClaimTime& ct, const Timeline& tl, std::vector<Evidence>* evidence) {
  if (severity != Severity::kError || !ct.tentative) return severity;
  if (evidence)
    evidence->push_back(Evidence{"a warning, not an error: the time of the text is inferred from " + tl.guess,
                                 "the text (reference_date)"});
  return Severity::kWarning;
}

Timeline BuildTimeline(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                       const Mentions& mentions, const CheckOptions& options) {
  return TimelineBuilder(kb, index, text, sentences, mentions).Build(options);
}

}  // namespace factlint
