// The people checks (checks.h): the claims of people_claims.h judged at their time (timeline.h)
// against the KB's people and terms. Silence whenever the KB does not know: no birth date, no
// age finding; no party on the terms in force, no party finding; no death date and no later
// term, no "the late" finding; no ordinal on the person's terms, no ordinal finding.

#include <algorithm>
#include <cstdlib>

#include "checks.h"
#include "people_claims.h"
#include "rules.h"

namespace factlint {
namespace {

std::string Cap(std::string s, bool first) {
  if (first && !s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// The claim's person: its mention's, or the first candidate that `ok` accepts; -1 for none.
template <typename Ok>
int PersonOf(const CheckContext& ctx, const PeopleClaim& c, Ok ok) {
  if (c.mention >= 0) {
    int p = ctx.mentions.persons[static_cast<size_t>(c.mention)].person;
    return p >= 0 && ok(p) ? p : -1;
  }
  for (int mi : c.candidates) {
    int p = ctx.mentions.persons[static_cast<size_t>(mi)].person;
    if (p >= 0 && ok(p)) return p;
  }
  return -1;
}

// Calls fn(claim, its time) for every people claim of `kind`.
template <typename Fn>
void ForEachClaim(const CheckContext& ctx, PeopleClaimKind kind, Fn fn) {
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i)
    if (ctx.mentions.people[i].kind == kind) fn(ctx.mentions.people[i], ctx.timeline.people[i]);
}

int YearOf(int32_t days) {
  int y, m, d;
  SplitDate(Date{days}, &y, &m, &d);
  return y;
}

char PartyLetter(std::string_view party) {
  if (party == "Democratic") return 'D';
  if (party == "Republican") return 'R';
  if (party == "Independent") return 'I';
  return 0;
}

std::string_view PartyNoun(char letter) {
  return letter == 'D' ? "Democrat" : letter == 'R' ? "Republican" : "independent";
}

// "a Democratic", "an Independent": the party with its indefinite article, for messages.
std::string AParty(std::string_view party) {
  const bool vowel = !party.empty() && std::string_view("AEIOUaeiou").find(party[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(party);
}

std::vector<Evidence> TermsEvidence(const KbQuery& q, const std::vector<int>& terms) {
  std::vector<Evidence> ev;
  for (int t : terms) {
    const KbTerm& term = q.kb().terms[static_cast<size_t>(t)];
    std::string fact = q.TermFact(term);
    if (!term.party.empty())
      fact += " (" + std::string(term.party) + (term.state.empty() ? "" : ", " + std::string(term.state)) + ")";
    if (term.ordinal) fact += " (" + OrdinalText(*term.ordinal) + ")";
    ev.push_back(Evidence{fact, q.SourceName(term.source)});
  }
  return ev;
}

}  // namespace

// AGE_MISMATCH: the stated age against the ages the person could have at the claim's time. A
// claim its clause dates ("in September 2021 ... rejected by Prime Minister Boris Johnson, 58,")
// may give the age at the event or, as news mostly does, at the text's own time: either passes.
void CheckAgeMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachClaim(ctx, PeopleClaimKind::kAge, [&](const PeopleClaim& c, const ClaimTime& ct) {
    if (!ct.judged) return;
    const Interval t = *ct.judged;
    const int p = PersonOf(ctx, c, [&](int person) {
      return c.mention >= 0 || ctx.kb.HeldAny(person, c.offices, t.a, t.b);
    });
    if (p < 0) return;
    const auto born = ctx.kb.BornDays(p);
    if (!born || born->b > t.a) return;
    // Dead before the claim's time: ages stop at death, so the age at death is the one to state.
    // An age the text gives at death ("died on Friday aged 85") is judged only by a death the KB knows.
    const auto died = ctx.kb.DiedDays(p);
    if (c.at_death && !died) return;
    const bool dead = died && (died->b < t.a || c.at_death);
    const auto [lo, hi] = dead ? KbQuery::AgeRange(*born, died->a, died->b) : KbQuery::AgeRange(*born, t.a, t.b);
    if (c.number >= lo && c.number <= hi) return;
    if (!dead && ct.own && ctx.timeline.window && born->b <= ctx.timeline.window->a) {
      const auto [now_lo, now_hi] = KbQuery::AgeRange(*born, ctx.timeline.window->a, ctx.timeline.window->b);
      if (c.number >= now_lo && c.number <= now_hi) return;
    }
    const int right = c.number < lo ? lo : hi;
    const int off = std::abs(c.number - right);
    std::vector<Evidence> ev{Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}};
    const Severity severity = AtClaimTime(
        off >= rule.params.Int("error_from_years") ? rule.severity : rule.params.SeverityOf("near_severity"), ct,
        ctx.timeline, &ev);
    std::string ages = lo == hi ? std::to_string(lo) : std::to_string(lo) + " or " + std::to_string(hi);
    const bool first = c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)];
    std::string suggestion =
        Cap(ctx.text.Orig(c.start, c.vstart) + std::to_string(right) + ctx.text.Orig(c.vend, c.end), first);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"stated", std::to_string(c.number)},
                          {"age", ages},
                          {"when", dead ? "at death (died " + ctx.kb.LifeDateText(p, true) + ")" : ct.when}}),
             std::move(ev), suggestion);
  });
}

// DEATH_MISMATCH: "the late X" while X is alive after the time of writing; X speaking or acting
// in the present or recent past after X's death; X with a sitting title after X's death (one
// finding a mention: the act's, whose span holds the name, else the title's).
void CheckDeathMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachClaim(ctx, PeopleClaimKind::kLate, [&](const PeopleClaim& c, const ClaimTime&) {
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) return;
    const std::string name(kb.people[static_cast<size_t>(p)].name);
    // "the late" speaks from the time of writing, whatever date the clause is about.
    if (!ctx.timeline.window) return;
    const int32_t b = std::min(ctx.timeline.window->b, kb.as_of.days);
    if (ctx.timeline.window->a > kb.as_of.days || !ctx.kb.KnownAliveOnOrAfter(p, b)) return;
    std::vector<Evidence> ev;
    if (kb.people[static_cast<size_t>(p)].born || kb.people[static_cast<size_t>(p)].died)
      ev.push_back(Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)});
    std::vector<int> later;
    for (int t : kb.terms_by_person[static_cast<size_t>(p)])
      if (ctx.kb.TermEnd(kb.terms[static_cast<size_t>(t)]) > b) later.push_back(t);
    for (Evidence& e : TermsEvidence(ctx.kb, later)) ev.push_back(std::move(e));
    const bool first = c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)];
    const std::string when = ctx.timeline.window->a == b ? "on " + FormatIsoDate(Date{b})
                                                         : "between " + FormatIsoDate(Date{ctx.timeline.window->a}) +
                                                               " and " + FormatIsoDate(Date{b});
    ClaimTime writing;  // the time of writing: the window, never the clause's own date
    writing.tentative = !ctx.timeline.guess.empty();
    const Severity severity = AtClaimTime(rule.severity, writing, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", name},
                          {"fact", "is called \"the late\" but was alive " + when}}),
             std::move(ev), Cap(ctx.text.Orig(c.vend, c.end), first));
  });
  std::vector<int> acted;  // mentions with a finding here: their titles are not reported again
  ForEachClaim(ctx, PeopleClaimKind::kActs, [&](const PeopleClaim& c, const ClaimTime& ct) {
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0 || !ct.judged) return;
    const std::string name(kb.people[static_cast<size_t>(p)].name);
    const auto died = ctx.kb.DiedDays(p);
    if (!died || died->b >= ct.judged->a) return;
    acted.push_back(c.mention);
    std::vector<Evidence> ev{Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}};
    const Severity severity = AtClaimTime(rule.severity, ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", name},
                          {"fact", "had died (" + ctx.kb.LifeFact(p).substr(name.size() + 2) + ") before the time of the text (" +
                                       ct.when + ")"}}),
             std::move(ev), std::nullopt);
  });
  CheckDeadInOffice(ctx, rule, acted, out);
}

namespace {

// A death told as recent ("NAME, who died on Friday"): the KB's death must lie in the claim's time
// (the time of writing, unless the sentence dates it) or within recent_days before it, with
// tolerance_days either side. Silent when the KB records no death.
void CheckRecentDeath(const CheckContext& ctx, const Rule& rule, const PeopleClaim& c, const ClaimTime& ct,
                      FindingSink* out) {
  if (!ct.judged) return;
  const int p = PersonOf(ctx, c, [](int) { return true; });
  const auto died = p < 0 ? std::nullopt : ctx.kb.DiedDays(p);
  if (!died) return;
  const int32_t tolerance = rule.params.Int("tolerance_days");
  const int32_t from = ct.judged->a - rule.params.Int("recent_days") - tolerance;
  if (died->b >= from && died->a <= ct.judged->b + tolerance) return;
  const KbPerson& person = ctx.kb.kb().people[static_cast<size_t>(p)];
  std::vector<Evidence> ev{Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}};
  const Severity severity = AtClaimTime(rule.severity, ct, ctx.timeline, &ev);
  out->Add(rule, severity, c.sentence, c.start, c.end,
           rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                        {"name", person.name},
                        {"fact", "died"},
                        {"stated", "\"" + ctx.text.Orig(c.vstart, c.vend) + "\", a recent death at the time of the text (" +
                                       ct.when + ")"},
                        {"kb_date", ctx.kb.LifeDateText(p, true)}}),
           std::move(ev), std::nullopt);
}

}  // namespace

// LIFE_DATE_MISMATCH: a stated birth or death date ("NAME died in 2012", "NAME (1918–2013)")
// against the KB's, at the coarser of the two precisions (tolerance_days either side when both
// are days: news across time zones dates the same night differently). Not where an event mention
// overlaps the claim ("NAME died in 2012" is also the trigger of a KB death event, whose date
// EVENT_DATE_MISMATCH checks). The suggestion gives the KB's date at the text's precision when the
// KB is at least as precise.
void CheckLifeDateMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kBorn && c.kind != PeopleClaimKind::kDied) continue;
    if (c.recent) {
      CheckRecentDeath(ctx, rule, c, ctx.timeline.people[i], out);
      continue;
    }
    const bool died = c.kind == PeopleClaimKind::kDied;
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) continue;
    const auto days = died ? ctx.kb.DiedDays(p) : ctx.kb.BornDays(p);
    if (!days) continue;
    TimeExpr stated;
    stated.year = c.year, stated.month = c.month, stated.day = c.day;
    stated.precision = c.day ? TimePrecision::kDay : c.month ? TimePrecision::kMonth : TimePrecision::kYear;
    const KbPerson& person = kb.people[static_cast<size_t>(p)];
    const EventPrecision kb_precision = died ? person.died_precision : person.born_precision;
    const int32_t tolerance =
        c.day && kb_precision == EventPrecision::kDay ? rule.params.Int("tolerance_days") : 0;
    if (stated.First().days - tolerance <= days->b && days->a <= stated.Last().days + tolerance) continue;
    bool overlaps_event = false;
    for (const EventMention& em : ctx.mentions.events)
      overlaps_event = overlaps_event || (em.sentence == c.sentence && em.start < c.end && c.start < em.end);
    if (overlaps_event) continue;
    // The KB's date in the text's form, when the KB is at least as precise as the text.
    std::optional<std::string> suggestion;
    int y, m, d;
    SplitDate(Date{days->a}, &y, &m, &d);
    const int kb_rank = kb_precision == EventPrecision::kDay ? 2 : kb_precision == EventPrecision::kMonth ? 1 : 0;
    const int text_rank = c.day ? 2 : c.month ? 1 : 0;
    if (kb_rank >= text_rank) {
      const std::string value = ctx.text.Orig(c.vstart, c.vend);
      const bool day_first = !value.empty() && value[0] >= '0' && value[0] <= '9';
      std::string date = std::to_string(y);
      if (text_rank == 1) date = std::string(MonthName(m)) + " " + date;
      if (text_rank == 2)
        date = day_first ? std::to_string(d) + " " + std::string(MonthName(m)) + " " + date
                         : std::string(MonthName(m)) + " " + std::to_string(d) + ", " + date;
      const bool first = c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)];
      suggestion = Cap(ctx.text.Orig(c.start, c.vstart) + date + ctx.text.Orig(c.vend, c.end), first);
    }
    std::vector<Evidence> ev{Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}};
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", person.name},
                          {"fact", died ? "died" : "was born"},
                          {"stated", (c.day ? "on " : "in ") + stated.ToString()},
                          {"kb_date", ctx.kb.LifeDateText(p, died)}}),
             std::move(ev), suggestion);
  }
}

// PARTY_MISMATCH: a lawmaker tag against the party and state of the terms in force.
void CheckPartyMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachClaim(ctx, PeopleClaimKind::kParty, [&](const PeopleClaim& c, const ClaimTime& ct) {
    if (!ct.judged) return;
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) return;
    std::vector<int> terms;
    for (int t : ctx.kb.TermsInForce(p, ct.judged->a, ct.judged->b))
      if (PartyLetter(kb.terms[static_cast<size_t>(t)].party) && !kb.terms[static_cast<size_t>(t)].state.empty())
        terms.push_back(t);
    if (terms.empty()) return;
    bool party_ok = false, state_ok = false;
    for (int t : terms) {
      party_ok = party_ok || PartyLetter(kb.terms[static_cast<size_t>(t)].party) == c.party;
      state_ok = state_ok || kb.terms[static_cast<size_t>(t)].state == c.state;
    }
    if (party_ok && state_ok) return;
    const KbTerm& last = kb.terms[static_cast<size_t>(terms.back())];
    const char letter = PartyLetter(last.party);
    std::string_view state = StateName(last.state, c.style);
    std::string tag;
    if (c.word_party) {
      // "Democrat of Illinois": keep "of"/"from".
      std::string v = ctx.text.Orig(c.vstart, c.vend);
      size_t s1 = v.find(' '), s2 = s1 == std::string::npos ? s1 : v.find(' ', s1 + 1);
      if (s2 == std::string::npos || state.empty()) return;
      std::string noun(PartyNoun(letter));
      if (v[0] >= 'A' && v[0] <= 'Z') noun[0] = static_cast<char>(noun[0] >= 'a' ? noun[0] - 32 : noun[0]);
      tag = noun + v.substr(s1, s2 + 1 - s1) + std::string(state);
    } else {
      if (state.empty()) state = last.state;
      tag = std::string(1, letter) + "-" + std::string(state);
    }
    const std::string suggestion = ctx.text.Orig(c.start, c.vstart) + tag + ctx.text.Orig(c.vend, c.end);
    const KbOffice& office = kb.offices[static_cast<size_t>(last.office)];
    std::vector<Evidence> ev = TermsEvidence(ctx.kb, terms);
    const Severity severity = AtClaimTime(rule.severity, ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"party", last.party},
                          {"a_party", AParty(last.party)},
                          {"state", last.state},
                          {"office", office.name},
                          {"when", ct.when}}),
             std::move(ev), suggestion);
  });
}

namespace {

// The evidence of a tenure finding: the person's terms in those offices.
std::vector<Evidence> OfficeTermsEvidence(const KbQuery& q, int p, const std::vector<int>& offices) {
  std::vector<int> terms;
  for (int tt : q.kb().terms_by_person[static_cast<size_t>(p)])
    if (std::find(offices.begin(), offices.end(), q.kb().terms[static_cast<size_t>(tt)].office) != offices.end())
      terms.push_back(tt);
  return TermsEvidence(q, terms);
}

// The offices a tenure or numbered-term claim speaks of: the title's (those the person held);
// else, with a time, the offices of the person's full terms in force then ("first elected":
// legislators only, whose whole career the KB has); else every office the person held.
std::vector<int> ClaimOffices(const CheckContext& ctx, const PeopleClaim& c, int p, const Interval* t) {
  const Kb& kb = ctx.kb.kb();
  std::vector<int> offices;
  if (!c.offices.empty()) {
    for (int o : ctx.kb.OfficesHeld(p))
      if (std::find(c.offices.begin(), c.offices.end(), o) != c.offices.end()) offices.push_back(o);
    return offices;
  }
  if (!t) return ctx.kb.OfficesHeld(p);
  for (int tt : ctx.kb.TermsInForce(p, t->a, t->b)) {
    const KbTerm& term = kb.terms[static_cast<size_t>(tt)];
    if (term.acting) continue;
    if (c.tenure == TenureMeaning::kElected && kb.offices[static_cast<size_t>(term.office)].role != OfficeRole::kLegislator)
      continue;
    if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) offices.push_back(term.office);
  }
  return offices;
}

// A tenure year ("took office in 2008", "first elected in 1986") against the starts of the
// person's runs of terms.
void JudgeTenureYear(const CheckContext& ctx, const Rule& rule, const PeopleClaim& c, const Interval t, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  const int p = PersonOf(ctx, c, [](int) { return true; });
  if (p < 0) return;
  const std::vector<int> offices = ClaimOffices(ctx, c, p, &t);
  if (offices.empty()) return;
  auto matches = [&](int32_t start) {
    const int y = YearOf(start);
    return c.tenure == TenureMeaning::kStart ? y == c.number : (y == c.number || y == c.number + 1);
  };
  bool ok = false;
  int32_t best = kOpenStart;  // the start of the run in force at the claim's time (or the latest before)
  int best_office = offices.front();
  for (int o : offices) {
    for (auto [s, e] : ctx.kb.TermsOf(p, {o}, false)) {
      ok = ok || matches(s);
      if (s <= t.b && s > best) {
        best = s;
        best_office = o;
      }
    }
  }
  // A term's own start counts too: an acting spell before the full term merges with it into
  // one run ("became president in 2000" after acting from 1999-12-31).
  for (int tt : kb.terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = kb.terms[static_cast<size_t>(tt)];
    if (std::find(offices.begin(), offices.end(), term.office) != offices.end()) ok = ok || matches(term.start.days);
  }
  if (ok || best == kOpenStart) return;
  std::optional<std::string> suggestion;
  if (c.tenure == TenureMeaning::kStart)
    suggestion = ctx.text.Orig(c.start, c.vstart) + std::to_string(YearOf(best)) + ctx.text.Orig(c.vend, c.end);
  const std::string office(kb.offices[static_cast<size_t>(best_office)].name);
  out->Add(rule, rule.severity, c.sentence, c.start, c.end,
           rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                        {"name", kb.people[static_cast<size_t>(p)].name},
                        {"says", std::string(c.tenure == TenureMeaning::kStart ? "took office" : "was first elected") +
                                     " in " + std::to_string(c.number)},
                        {"kb", "the KB's term as " + office + " began on " + FormatIsoDate(Date{best})}}),
           OfficeTermsEvidence(ctx.kb, p, offices), suggestion);
}

// The person's runs of full (not acting) terms in an office as [start, end) day spans, merged
// where the gap between two is at most gap_days (a new Congress sworn in two days after the last
// ended is one run). A run is at least one term of office and a new run begins a new term, so
// the k-th run's terms are at least the k-th: a lower bound, the only count the KB's records
// (one per continuous spell, not per mandate) make certain.
std::vector<std::pair<int32_t, int32_t>> Runs(const KbQuery& q, int p, int office, int32_t gap_days) {
  std::vector<std::pair<int32_t, int32_t>> runs;
  for (int tt : q.kb().terms_by_person[static_cast<size_t>(p)]) {
    const KbTerm& term = q.kb().terms[static_cast<size_t>(tt)];
    if (term.office != office || term.acting) continue;
    if (!runs.empty() && term.start.days <= runs.back().second + gap_days)
      runs.back().second = std::max(runs.back().second, q.TermEnd(term));
    else
      runs.emplace_back(term.start.days, q.TermEnd(term));
  }
  return runs;
}

// What the runs of one office say of a numbered-term claim: wrong or not, and why.
struct TermVerdict {
  bool wrong = false;
  bool in_office = true;            // the person held the office then (else "no term that year")
  std::string kb;                   // the finding's {kb}
  std::optional<std::string> fix;   // the claim rewritten, when the KB makes it certain
};

TermVerdict JudgeTermRuns(const CheckContext& ctx, const PeopleClaim& c, const ClaimTime& ct,
                          const std::vector<std::pair<int32_t, int32_t>>& runs, const std::string& name) {
  TermVerdict v;
  const int n = c.number;
  auto at_least = [&](size_t k, int32_t start) {
    return "the term that began on " + FormatIsoDate(Date{start}) + " opened the " + OrdinalText(static_cast<int>(k)) +
           " separate run of terms of " + name + " in that office the KB records, so it was at least the " +
           OrdinalText(static_cast<int>(k));
  };
  if (c.year == 0) {  // the term in force at the claim's time
    if (!ct.judged) return v;
    for (size_t k = 0; k < runs.size(); ++k) {
      if (runs[k].first > ct.judged->b || runs[k].second <= ct.judged->a) continue;
      v.wrong = n < static_cast<int>(k + 1);
      v.kb = ct.when + " " + name + " was in the " + OrdinalText(static_cast<int>(k + 1)) +
             " separate run of terms in that office the KB records (begun on " + FormatIsoDate(Date{runs[k].first}) +
             "), so in at least the " + OrdinalText(static_cast<int>(k + 1)) + " term";
      return v;
    }
    return v;  // not in office then: the title rules' matter
  }
  // A begun or won term: the years its start may fall in.
  const int y0 = c.year, y1 = c.tenure == TenureMeaning::kElected ? c.year + 1 : c.year;
  std::vector<size_t> starting;
  for (size_t k = 0; k < runs.size(); ++k) {
    const int first = YearOf(runs[k].first), last = YearOf(runs[k].second - 1);
    if (first < y1 && y0 <= last && std::max(y0, first + 1) <= std::min(y1, last)) return v;  // may begin mid-run
    if (first >= y0 && first <= y1) starting.push_back(k);
  }
  if (starting.empty()) {
    // Not in office that year at all: no term of it began then (an election may precede a start
    // by more than a year, so only for a start).
    if (c.tenure != TenureMeaning::kStart || y0 > YearOf(ctx.kb.kb().as_of.days)) return v;
    v.wrong = true;
    v.in_office = false;
    v.kb = "the KB records no term of " + name + " in that office in " + std::to_string(y0) +
           "; the first began on " + FormatIsoDate(Date{runs.front().first});
    if (n == 1)
      v.fix = ctx.text.Orig(c.start, c.ystart) + std::to_string(YearOf(runs.front().first)) + ctx.text.Orig(c.yend, c.end);
    return v;
  }
  for (size_t k : starting)
    if (!((k == 0 && n != 1) || n < static_cast<int>(k + 1))) return v;
  const size_t k = starting.front();
  v.wrong = true;
  if (k == 0) {
    v.kb = "the term that began on " + FormatIsoDate(Date{runs[0].first}) + " opened the first run of terms of " + name +
           " in that office the KB records, so it was the first";
    const std::string word = ctx.text.Orig(c.vstart, c.vend);
    const std::string first = word[0] >= '0' && word[0] <= '9' ? OrdinalText(1) : OrdinalWord(1);
    if (starting.size() == 1) v.fix = ctx.text.Orig(c.start, c.vstart) + first + ctx.text.Orig(c.vend, c.end);
  } else {
    v.kb = at_least(k + 1, runs[k].first);
  }
  return v;
}

// A numbered term ("now in his second term", "began his second term in 2013") against the
// person's runs of terms; wrong only when it is wrong for every office the claim may mean.
void JudgeTerm(const CheckContext& ctx, const Rule& rule, const PeopleClaim& c, const ClaimTime& ct, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  const int p = PersonOf(ctx, c, [](int) { return true; });
  if (p < 0) return;
  if (c.year == 0 && !ct.judged) return;
  const std::vector<int> offices = ClaimOffices(ctx, c, p, c.year == 0 ? &*ct.judged : nullptr);
  const std::string name(kb.people[static_cast<size_t>(p)].name);
  std::optional<TermVerdict> said;
  int said_office = -1;
  for (int o : offices) {
    const auto runs = Runs(ctx.kb, p, o, rule.params.Int("merge_gap_days"));
    if (runs.empty()) return;
    TermVerdict v = JudgeTermRuns(ctx, c, ct, runs, name);
    if (!v.wrong) return;
    if (!said || (v.in_office && !said->in_office)) {  // the office held that year speaks
      said = std::move(v);
      said_office = o;
    }
  }
  if (!said) return;
  if (!said->in_office && offices.size() > 1) said->fix.reset();  // which office's first year is unknown
  const std::string office(kb.offices[static_cast<size_t>(said_office)].name);
  const std::string nth = OrdinalWord(c.number);
  std::string says = c.year == 0 ? "is in the " + nth + " term as " + office
                     : c.tenure == TenureMeaning::kStart
                         ? "began a " + nth + " term as " + office + " in " + std::to_string(c.year)
                         : "won a " + nth + " term as " + office + " in " + std::to_string(c.year);
  out->Add(rule, rule.severity, c.sentence, c.start, c.end,
           rule.Render({{"claim", ctx.text.Orig(c.start, c.end)}, {"name", name}, {"says", says}, {"kb", said->kb}}),
           OfficeTermsEvidence(ctx.kb, p, {said_office}), said->fix);
}

}  // namespace

// TENURE_MISMATCH: the year a term began (or the election before it), and a numbered term,
// against the KB's terms.
void CheckTenureMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  ForEachClaim(ctx, PeopleClaimKind::kTenure, [&](const PeopleClaim& c, const ClaimTime& ct) {
    if (ct.judged) JudgeTenureYear(ctx, rule, c, *ct.judged, out);
  });
  ForEachClaim(ctx, PeopleClaimKind::kTerm,
               [&](const PeopleClaim& c, const ClaimTime& ct) { JudgeTerm(ctx, rule, c, ct, out); });
}

// ORDINAL_MISMATCH: "the 46th president" against the ordinals of the person's terms.
void CheckOrdinalMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kOrdinal) continue;
    const ClaimTime& ct = ctx.timeline.people[i];
    std::vector<int> terms;
    const int p = PersonOf(ctx, c, [&](int person) {
      terms.clear();
      for (int t : kb.terms_by_person[static_cast<size_t>(person)]) {
        const KbTerm& term = kb.terms[static_cast<size_t>(t)];
        if (term.ordinal && std::find(c.offices.begin(), c.offices.end(), term.office) != c.offices.end())
          terms.push_back(t);
      }
      return !terms.empty();
    });
    if (p < 0) continue;
    bool ok = false;
    for (int t : terms) ok = ok || *kb.terms[static_cast<size_t>(t)].ordinal == c.number;
    if (ok) continue;
    // The right number: the term in force at the claim's time, else the latest that began before
    // it, else the first.
    int pick = terms.front();
    if (ct.judged)
      for (int t : terms)
        if (kb.terms[static_cast<size_t>(t)].start.days <= ct.judged->b) pick = t;
    const KbTerm& right = kb.terms[static_cast<size_t>(pick)];
    std::string numbers;
    for (int t : terms) numbers += (numbers.empty() ? "" : " and ") + OrdinalText(*kb.terms[static_cast<size_t>(t)].ordinal);
    const bool first = c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)];
    std::string suggestion =
        Cap(ctx.text.Orig(c.start, c.vstart) + OrdinalText(*right.ordinal) + ctx.text.Orig(c.vend, c.end), first);
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"office", kb.offices[static_cast<size_t>(right.office)].name},
                          {"ordinal", numbers}}),
             TermsEvidence(ctx.kb, terms), suggestion);
  }
}

}  // namespace factlint
