// The title checks (checks.h): every title claim judged at its time (timeline.h) against the
// KB's terms. Judgement is deliberately conservative over a window [a, b]: a present-tense title
// passes when the person held the office on any day of it; "former" fails only when the person
// held the office on every day of it.

#include <algorithm>

#include "checks.h"

namespace factlint {

namespace {

// A present-tense title claim the KB contradicts: the person did not hold the office at the
// claim's time. `left`/`left_office`: the latest term in the claim's offices that ended before
// that time (left_office = -1 when the person never held one before).
struct NotHeld {
  const TitleClaim* claim;
  Interval t;
  const std::string* when;
  const ClaimTime* ct;
  int32_t left = kOpenStart;
  int left_office = -1;
  bool dead = false;  // the person had died before the claim's time: DEATH_MISMATCH speaks
};

// The name of an office role in the KB format (kb/FORMAT.md) and in rule params.
std::string_view RoleName(OfficeRole role) {
  switch (role) {
    case OfficeRole::kHeadOfState: return "head_of_state";
    case OfficeRole::kHeadOfGovernment: return "head_of_government";
    case OfficeRole::kMinister: return "minister";
    case OfficeRole::kMonarch: return "monarch";
    case OfficeRole::kOrgHead: return "org_head";
    case OfficeRole::kDeputy: return "deputy";
    case OfficeRole::kLegislator: return "legislator";
    case OfficeRole::kJudge: return "judge";
    case OfficeRole::kGovernor: return "governor";
    case OfficeRole::kLegislativeLeader: return "legislative_leader";
    case OfficeRole::kPartyLeader: return "party_leader";
    case OfficeRole::kUnspecified: break;
  }
  return "";
}

// The person's terms in the claim's offices, as evidence.
std::vector<Evidence> TermEvidence(const KbQuery& q, const TitleClaim& c) {
  const Kb& kb = q.kb();
  std::vector<Evidence> ev;
  for (int ti : kb.terms_by_person[static_cast<size_t>(c.person)]) {
    const KbTerm& term = kb.terms[static_cast<size_t>(ti)];
    if (std::find(c.offices.begin(), c.offices.end(), term.office) != c.offices.end())
      ev.push_back(Evidence{q.TermFact(term), q.SourceName(term.source)});
  }
  return ev;
}

// Calls fn(NotHeld) for every present-tense claim whose person held none of its offices on any
// day of the claim's time.
template <typename Fn>
void ForEachNotHeld(const CheckContext& ctx, Fn fn) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.titles.size(); ++i) {
    const TitleClaim& c = ctx.mentions.titles[i];
    if (c.tense != Tense::kPresent || c.administration) continue;
    const ClaimTime& ct = ctx.timeline.titles[i];
    if (!ct.judged) continue;
    const Interval t = *ct.judged;
    if (ctx.kb.HeldAny(c.person, c.offices, t.a, t.b)) continue;
    NotHeld nh{&c, t, &ct.when, &ct};
    const auto died = ctx.kb.DiedDays(c.person);
    nh.dead = died && died->b < t.a;
    for (int ti : kb.terms_by_person[static_cast<size_t>(c.person)]) {
      const KbTerm& term = kb.terms[static_cast<size_t>(ti)];
      if (std::find(c.offices.begin(), c.offices.end(), term.office) == c.offices.end()) continue;
      if (term.start.days < t.a && term.end && term.end->days <= t.a && term.end->days > nh.left) {
        nh.left = term.end->days;
        nh.left_office = term.office;
      }
    }
    fn(nh);
  }
}

// True when the KB knows who held one of the offices at some time of t: a term of any person
// overlaps it. A chain the KB does not follow to that time proves nothing — the person named may
// be its next holder, or back for another term the KB does not list.
bool HolderKnown(const CheckContext& ctx, const std::vector<int>& offices, Interval t) {
  const Kb& kb = ctx.kb.kb();
  for (int o : offices)
    for (int ti : kb.terms_by_office[static_cast<size_t>(o)]) {
      const KbTerm& term = kb.terms[static_cast<size_t>(ti)];
      if (term.start.days <= t.b && ctx.kb.TermEnd(term) > t.a) return true;
    }
  return ctx.kb.VacantOver(offices, t.a, t.b).second != nullptr;  // known: nobody
}

// The evidence of a vacant stretch of one of the offices over t (KbQuery::VacantOver), if any.
bool AddVacancyEvidence(const CheckContext& ctx, const std::vector<int>& offices, Interval t, std::vector<Evidence>* ev) {
  const auto [o, v] = ctx.kb.VacantOver(offices, t.a, t.b);
  if (!v) return false;
  ev->push_back(Evidence{std::string(ctx.kb.kb().offices[static_cast<size_t>(o)].name) + ": nobody held it from " +
                             FormatIsoDate(v->from) + (v->to ? " to " + FormatIsoDate(*v->to) : std::string()) +
                             (v->ref.empty() ? "" : " (" + std::string(v->ref) + ")"),
                         ctx.kb.SourceName(v->source)});
  return true;
}

// Someone long out of office named with the title is a historical reference ("the attempt on
// Prime Minister Thatcher"), not a claim about the present: after historical_years_surname (6)
// when named by surname alone or in apposition, after historical_years_any (20) in any case. (A
// full name with its title and no "former", years after the term, is how a present-day mistake
// reads: "Prime Minister John Major" in 2005.) An apposition ("James Baker, secretary of state,
// agreed") reads like the surname alone. Roles whose holders keep their title after leaving
// (monarchs: "Queen Elizabeth's funeral") are historical too. The rule's params say how long.
bool ReadsAsHistorical(const CheckContext& ctx, const Rule& rule, const NotHeld& nh) {
  const TitleClaim& c = *nh.claim;
  if (c.inner_title) return true;  // "Pope John Paul II" after his reign: his name
  const PersonMention& m = ctx.mentions.persons[static_cast<size_t>(c.mention)];
  const bool loose = !m.full || c.start == m.start;
  const int32_t historical_days =
      (loose ? rule.params.Int("historical_years_surname") : rule.params.Int("historical_years_any")) * 365;
  if (nh.t.a - nh.left > historical_days) return true;
  const std::vector<std::string>& keep = rule.params.Strings("keep_title_roles");
  return std::find(keep.begin(), keep.end(),
                   RoleName(ctx.kb.kb().offices[static_cast<size_t>(nh.left_office)].role)) != keep.end();
}

// The claim with "former" before its title phrase — after a possessive that opens it: "Nigeria's
// former President X", not "Former Nigeria's President X".
std::string WithFormer(const CheckContext& ctx, const TitleClaim& c) {
  const FoldedView& t = ctx.text;
  uint32_t at = c.phrase_start;
  auto [ws, we] = t.WordAfter(c.phrase_start, c.end);
  if (ws == c.phrase_start && we + 2 < c.end && t[we] == '\'' && t[we + 1] == 's' && t.Space(we + 2))
    at = t.SkipSpacesFwd(we + 2, c.end);
  const bool opens = at == ctx.sentences.start[static_cast<size_t>(c.sentence)];
  return t.Orig(c.start, at) + (opens ? "Former " : "former ") + t.Orig(at, c.end);
}

// "on 2024-05-19", "in 2023-11", "in 2023": the person's death date at its precision.
std::string DiedText(const KbPerson& person) {
  const std::string iso = FormatIsoDate(*person.died);
  return person.died_precision == EventPrecision::kDay     ? "on " + iso
         : person.died_precision == EventPrecision::kMonth ? "in " + iso.substr(0, 7)
                                                           : "in " + iso.substr(0, 4);
}

}  // namespace

void CheckDeadInOffice(const CheckContext& ctx, const Rule& rule, const std::vector<int>& skip, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachNotHeld(ctx, [&](const NotHeld& nh) {
    const TitleClaim& c = *nh.claim;
    if (!nh.dead || nh.left_office < 0 || ReadsAsHistorical(ctx, rule, nh)) return;
    if (std::find(skip.begin(), skip.end(), c.mention) != skip.end()) return;
    const KbPerson& person = kb.people[static_cast<size_t>(c.person)];
    const std::string office(kb.offices[static_cast<size_t>(nh.left_office)].name);
    std::vector<Evidence> ev{Evidence{ctx.kb.LifeFact(c.person), ctx.kb.PersonSource(c.person)}};
    const Severity severity = AtClaimTime(rule.params.SeverityOf("title_severity"), *nh.ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                          {"name", person.name},
                          {"fact", "died " + DiedText(person) + ", before the time of the text (" + *nh.when +
                                       "), so was not the sitting " + office + " then"}}),
             std::move(ev), WithFormer(ctx, c));
  });
}

// Never held before: only when the KB knows who held the office at that time (HolderKnown).
void CheckTitleNotHeld(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachNotHeld(ctx, [&](const NotHeld& nh) {
    if (nh.left_office >= 0) return;  // held it before: CURRENT_BUT_FORMER's case
    const TitleClaim& c = *nh.claim;
    std::vector<Evidence> ev = TermEvidence(ctx.kb, c);
    if (!HolderKnown(ctx, c.offices, nh.t)) return;
    std::string holder;
    for (int o : c.offices) {
      for (int ti : kb.terms_by_office[static_cast<size_t>(o)]) {
        const KbTerm& term = kb.terms[static_cast<size_t>(ti)];
        // Of an office many hold at once (a senator), the others prove nothing: not named.
        if (term.start.days <= nh.t.b && ctx.kb.TermEnd(term) > nh.t.a && term.person != c.person &&
            kb.offices[static_cast<size_t>(o)].single_holder) {
          if (holder.empty()) holder = kb.people[static_cast<size_t>(term.person)].name;
          ev.push_back(Evidence{ctx.kb.TermFact(term), ctx.kb.SourceName(term.source)});
        }
      }
    }
    const KbOffice& office = kb.offices[static_cast<size_t>(c.offices.front())];
    const bool vacancy = holder.empty() && AddVacancyEvidence(ctx, c.offices, nh.t, &ev);
    const Severity severity = AtClaimTime(rule.severity, *nh.ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                                              {"name", kb.people[static_cast<size_t>(c.person)].name},
                                              {"office", office.name},
                                              {"when", *nh.when},
                                              {"holder", vacancy          ? "; nobody held the office then"
                                                        : holder.empty() ? ""
                                                                         : "; the office was held by " + holder}}),
             std::move(ev), std::nullopt);
  });
}

void CheckCurrentButFormer(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  ForEachNotHeld(ctx, [&](const NotHeld& nh) {
    if (nh.left_office < 0 || nh.dead || ReadsAsHistorical(ctx, rule, nh) || !HolderKnown(ctx, nh.claim->offices, nh.t))
      return;
    const TitleClaim& c = *nh.claim;
    std::vector<Evidence> ev = TermEvidence(ctx.kb, c);
    AddVacancyEvidence(ctx, c.offices, nh.t, &ev);
    const Severity severity = AtClaimTime(rule.severity, *nh.ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", ctx.text.Orig(c.start, c.end)},
                                                  {"name", kb.people[static_cast<size_t>(c.person)].name},
                                                  {"office", kb.offices[static_cast<size_t>(nh.left_office)].name},
                                                  {"left", FormatIsoDate(Date{nh.left})},
                                                  {"when", *nh.when}}),
             std::move(ev), WithFormer(ctx, c));
  });
}

void CheckFormerButInOffice(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.titles.size(); ++i) {
    const TitleClaim& c = ctx.mentions.titles[i];
    if (c.tense != Tense::kFormer || c.administration) continue;
    const ClaimTime& ct = ctx.timeline.titles[i];
    if (!ct.judged) continue;
    const Interval t = *ct.judged;
    bool all = true;
    int32_t since = kOpenEnd;
    for (int o : c.offices) {
      if (!ctx.kb.HeldThroughout(c.person, o, t.a, t.b)) {
        all = false;
        break;
      }
      for (auto [s, e] : ctx.kb.TermsOf(c.person, {o}, false))
        if (s <= t.a && e > t.b) since = std::min(since, s);
    }
    if (!all) continue;
    const std::string claim = ctx.text.Orig(c.start, c.end);
    std::string suggestion =
        c.has_modifier ? ctx.text.Orig(c.start, c.mod_start) + ctx.text.Orig(c.mod_end, c.end) : claim;
    if (!suggestion.empty() && c.has_modifier && c.mod_start == c.start && suggestion[0] >= 'a' &&
        suggestion[0] <= 'z' && c.start == ctx.sentences.start[static_cast<size_t>(c.sentence)])
      suggestion[0] = static_cast<char>(suggestion[0] - 32);
    std::vector<Evidence> ev = TermEvidence(ctx.kb, c);
    const Severity severity = AtClaimTime(rule.severity, ct, ctx.timeline, &ev);
    out->Add(rule, severity, c.sentence, c.start, c.end,
             rule.Render({{"claim", claim},
                                                    {"name", kb.people[static_cast<size_t>(c.person)].name},
                                                    {"office", kb.offices[static_cast<size_t>(c.offices.front())].name},
                                                    {"since", FormatIsoDate(Date{since})},
                                                    {"when", ct.when}}),
             std::move(ev), suggestion);
  }
}

}  // namespace factlint
