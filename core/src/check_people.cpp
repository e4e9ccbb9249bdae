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

char PartyLetter(const std::string& party) {
  if (party == "Democratic") return 'D';
  if (party == "Republican") return 'R';
  if (party == "Independent") return 'I';
  return 0;
}

std::string_view PartyNoun(char letter) {
  return letter == 'D' ? "Democrat" : letter == 'R' ? "Republican" : "independent";
}

std::vector<Evidence> TermsEvidence(const KbQuery& q, const std::vector<int>& terms) {
  std::vector<Evidence> ev;
  for (int t : terms) {
    const KbTerm& term = q.kb().terms[static_cast<size_t>(t)];
    std::string fact = q.TermFact(term);
    if (!term.party.empty()) fact += " (" + term.party + (term.state.empty() ? "" : ", " + term.state) + ")";
    if (term.ordinal) fact += " (" + OrdinalText(*term.ordinal) + ")";
    ev.push_back(Evidence{fact, q.SourceName(term.source)});
  }
  return ev;
}

}  // namespace

// AGE_MISMATCH: the stated age against the ages the person could have at the claim's time.
void CheckAgeMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kAge) continue;
    const ClaimTime& ct = ctx.timeline.people[i];
    if (!ct.judged) continue;
    const Interval t = *ct.judged;
    const int p = PersonOf(ctx, c, [&](int person) {
      return c.mention >= 0 || ctx.kb.HeldAny(person, c.offices, t.a, t.b);
    });
    if (p < 0) continue;
    const auto born = ctx.kb.BornDays(p);
    if (!born || born->b > t.a) continue;
    const auto [lo, hi] = KbQuery::AgeRange(*born, t.a, t.b);
    if (c.number >= lo && c.number <= hi) continue;
    const int right = c.number < lo ? lo : hi;
    const int off = std::abs(c.number - right);
    const Severity severity = off >= rule.params.Int("error_from_years") ? rule.severity
                                                                          : rule.params.SeverityOf("near_severity");
    std::string ages = lo == hi ? std::to_string(lo) : std::to_string(lo) + " or " + std::to_string(hi);
    const bool first = c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)];
    std::string suggestion =
        Cap(ctx.text.Orig(c.start, c.vstart) + std::to_string(right) + ctx.text.Orig(c.vend, c.end), first);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"stated", std::to_string(c.number)},
                          {"age", ages},
                          {"when", ct.when}}),
             {Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}}, suggestion);
  }
}

// DEATH_MISMATCH: "the late X" while X is alive after the time of writing; X speaking or acting
// in the present or recent past after X's death.
void CheckDeathMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kLate && c.kind != PeopleClaimKind::kActs) continue;
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) continue;
    const std::string& name = kb.people[static_cast<size_t>(p)].name;
    if (c.kind == PeopleClaimKind::kLate) {
      // "the late" speaks from the time of writing, whatever date the clause is about.
      if (!ctx.timeline.window) continue;
      const int32_t b = std::min(ctx.timeline.window->b, kb.as_of.days);
      if (ctx.timeline.window->a > kb.as_of.days || !ctx.kb.KnownAliveOnOrAfter(p, b)) continue;
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
      out->Add(rule, rule.severity, c.sentence, c.start, c.end,
               rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                            {"name", name},
                            {"fact", "is called \"the late\" but was alive " + when}}),
               std::move(ev), Cap(ctx.text.Orig(c.vend, c.end), first));
      continue;
    }
    const ClaimTime& ct = ctx.timeline.people[i];
    if (!ct.judged) continue;
    const auto died = ctx.kb.DiedDays(p);
    if (!died || died->b >= ct.judged->a) continue;
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", name},
                          {"fact", "had died (" + ctx.kb.LifeFact(p).substr(name.size() + 2) + ") before the time of the text (" +
                                       ct.when + ")"}}),
             {Evidence{ctx.kb.LifeFact(p), ctx.kb.PersonSource(p)}}, std::nullopt);
  }
}

// PARTY_MISMATCH: a lawmaker tag against the party and state of the terms in force.
void CheckPartyMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kParty) continue;
    const ClaimTime& ct = ctx.timeline.people[i];
    if (!ct.judged) continue;
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) continue;
    std::vector<int> terms;
    for (int t : ctx.kb.TermsInForce(p, ct.judged->a, ct.judged->b))
      if (PartyLetter(kb.terms[static_cast<size_t>(t)].party) && !kb.terms[static_cast<size_t>(t)].state.empty())
        terms.push_back(t);
    if (terms.empty()) continue;
    bool party_ok = false, state_ok = false;
    for (int t : terms) {
      party_ok = party_ok || PartyLetter(kb.terms[static_cast<size_t>(t)].party) == c.party;
      state_ok = state_ok || kb.terms[static_cast<size_t>(t)].state == c.state;
    }
    if (party_ok && state_ok) continue;
    const KbTerm& last = kb.terms[static_cast<size_t>(terms.back())];
    const char letter = PartyLetter(last.party);
    std::string_view state = StateName(last.state, c.style);
    std::string tag;
    if (c.word_party) {
      // "Democrat of Illinois": keep "of"/"from".
      std::string v = ctx.text.Orig(c.vstart, c.vend);
      size_t s1 = v.find(' '), s2 = s1 == std::string::npos ? s1 : v.find(' ', s1 + 1);
      if (s2 == std::string::npos || state.empty()) continue;
      std::string noun(PartyNoun(letter));
      if (v[0] >= 'A' && v[0] <= 'Z') noun[0] = static_cast<char>(noun[0] >= 'a' ? noun[0] - 32 : noun[0]);
      tag = noun + v.substr(s1, s2 + 1 - s1) + std::string(state);
    } else {
      if (state.empty()) state = last.state;
      tag = std::string(1, letter) + "-" + std::string(state);
    }
    const std::string suggestion = ctx.text.Orig(c.start, c.vstart) + tag + ctx.text.Orig(c.vend, c.end);
    const KbOffice& office = kb.offices[static_cast<size_t>(last.office)];
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"party", last.party},
                          {"state", last.state},
                          {"office", office.name},
                          {"when", ct.when}}),
             TermsEvidence(ctx.kb, terms), suggestion);
  }
}

// TENURE_MISMATCH: the year a term began (or the election before it) against the KB's terms.
void CheckTenureMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.people.size(); ++i) {
    const PeopleClaim& c = ctx.mentions.people[i];
    if (c.kind != PeopleClaimKind::kTenure) continue;
    const ClaimTime& ct = ctx.timeline.people[i];
    if (!ct.judged) continue;
    const Interval t = *ct.judged;
    const int p = PersonOf(ctx, c, [](int) { return true; });
    if (p < 0) continue;
    // The offices the phrase speaks of: the title's (those the person held), else the offices the
    // person held at the claim's time — "first elected" only for legislators, whose whole career
    // the KB has.
    std::vector<int> offices;
    if (!c.offices.empty()) {
      for (int o : ctx.kb.OfficesHeld(p))
        if (std::find(c.offices.begin(), c.offices.end(), o) != c.offices.end()) offices.push_back(o);
    } else {
      for (int tt : ctx.kb.TermsInForce(p, t.a, t.b)) {
        const KbTerm& term = kb.terms[static_cast<size_t>(tt)];
        if (term.acting) continue;
        if (c.tenure == TenureMeaning::kElected &&
            kb.offices[static_cast<size_t>(term.office)].role != OfficeRole::kLegislator)
          continue;
        if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) offices.push_back(term.office);
      }
    }
    if (offices.empty()) continue;
    bool ok = false;
    int32_t best = kOpenStart;  // the start of the run in force at the claim's time (or the latest before)
    int best_office = offices.front();
    for (int o : offices) {
      for (auto [s, e] : ctx.kb.TermsOf(p, {o}, false)) {
        int y, m, d;
        SplitDate(Date{s}, &y, &m, &d);
        if (c.tenure == TenureMeaning::kStart ? y == c.number : (y == c.number || y == c.number + 1)) ok = true;
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
      if (std::find(offices.begin(), offices.end(), term.office) == offices.end()) continue;
      int y, m, d;
      SplitDate(term.start, &y, &m, &d);
      if (c.tenure == TenureMeaning::kStart ? y == c.number : (y == c.number || y == c.number + 1)) ok = true;
    }
    if (ok || best == kOpenStart) continue;
    int y, m, d;
    SplitDate(Date{best}, &y, &m, &d);
    std::vector<int> ev_terms;
    for (int tt : kb.terms_by_person[static_cast<size_t>(p)])
      if (std::find(offices.begin(), offices.end(), kb.terms[static_cast<size_t>(tt)].office) != offices.end())
        ev_terms.push_back(tt);
    std::optional<std::string> suggestion;
    if (c.tenure == TenureMeaning::kStart)
      suggestion = ctx.text.Orig(c.start, c.vstart) + std::to_string(y) + ctx.text.Orig(c.vend, c.end);
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", kb.people[static_cast<size_t>(p)].name},
                          {"office", kb.offices[static_cast<size_t>(best_office)].name},
                          {"start", FormatIsoDate(Date{best})},
                          {"stated", std::to_string(c.number)},
                          {"meaning", c.tenure == TenureMeaning::kStart ? "took office" : "was first elected"}}),
             TermsEvidence(ctx.kb, ev_terms), suggestion);
  }
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
