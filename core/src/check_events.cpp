// The event checks (checks.h): a prospective mention of an event the KB dates before the text's
// time (ANACHRONISM), and a stated date that disagrees with the KB's (EVENT_DATE_MISMATCH).

#include <algorithm>

#include "checks.h"

namespace factlint {
namespace {

std::vector<Evidence> EventEvidence(const KbQuery& q, const EventMention& em) {
  std::vector<Evidence> ev;
  for (int e : em.events) {
    const KbEvent& k = q.kb().events[static_cast<size_t>(e)];
    ev.push_back(Evidence{std::string(k.name) + ": " + q.EventDateText(k) + (k.place.empty() ? "" : ", " + std::string(k.place)),
                          q.SourceName(k.source)});
  }
  return ev;
}

}  // namespace

// A prospective mention (not dated by its sentence) whose events all lie before the text's time.
void CheckAnachronism(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.events.size(); ++i) {
    const EventMention& em = ctx.mentions.events[i];
    const ClaimTime& ct = ctx.timeline.events[i];
    if (!em.prospective || ct.own || !ct.judged) continue;
    const Interval t = *ct.judged;
    int latest = -1;
    bool any_after = false;
    for (int e : em.events) {
      const KbEvent& k = kb.events[static_cast<size_t>(e)];
      if (EventDays(k).b >= t.a) any_after = true;
      else if (latest < 0 || k.date > kb.events[static_cast<size_t>(latest)].date) latest = e;
    }
    if (any_after || latest < 0) continue;
    const KbEvent& k = kb.events[static_cast<size_t>(latest)];
    std::vector<Evidence> ev = EventEvidence(ctx.kb, em);
    const Severity severity = AtClaimTime(rule.severity, ct, ctx.timeline, &ev);
    out->Add(rule, severity, em.sentence, em.claim_start, em.claim_end,
             rule.Render({{"claim", ctx.text.Orig(em.claim_start, em.claim_end)},
                                           {"event", k.name},
                                           {"event_date", ctx.kb.EventDateText(k)},
                                           {"when", ct.when}}),
             std::move(ev), std::nullopt);
  }
}

// A non-prospective mention of one event with a stated date that misses the KB's date by more
// than tolerance_days either side when the stated date is a day (1: news across time zones dates
// the same night differently); a stated month or year must overlap the KB's dates (a year-only
// event of 2004 and "in 2005" meet at midnight, but disagree).
// A stated date that matches one of the event's other dates (a related step) has the
// related_date_severity (info) instead of the rule's.
void CheckEventDateMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  for (size_t i = 0; i < ctx.mentions.events.size(); ++i) {
    const EventMention& em = ctx.mentions.events[i];
    if (em.prospective || em.time < 0 || em.generic || em.by_participants || em.events.size() != 1) continue;
    const TimeExpr& te = ctx.sentences.TimesOf(static_cast<size_t>(em.sentence))[static_cast<size_t>(em.time)];
    // A year inside the trigger is the KB's own name for the event, not a date the text states: it
    // may differ from the event's date ("the 2020 Summer Olympics" were held in 2021).
    if (te.precision == TimePrecision::kYear && te.start >= em.start && te.end <= em.end) continue;
    // So is a month and day inside it ("the September 11 attacks").
    if (!te.has_year() && te.start >= em.start && te.end <= em.end) continue;
    const KbEvent& k = kb.events[static_cast<size_t>(em.events.front())];
    const Interval kd = EventDays(k);
    const int32_t tolerance = te.precision == TimePrecision::kDay ? rule.params.Int("tolerance_days") : 0;
    // Does the stated date meet [a, b]? A date without a year ("of April 11", "in April") meets it
    // when it does in any year the interval touches: the text's own year is not needed to see that
    // "the Tohoku earthquake of April 11" is not the one of 2011-03-11, and a date said as a name
    // years later ("the Oct. 7 attack") still agrees.
    auto meets = [&](Interval iv, int32_t tol) {
      int ya = te.year, yb = te.year, m, d;
      if (!te.has_year()) {
        SplitDate(Date{iv.a}, &ya, &m, &d);
        SplitDate(Date{iv.b}, &yb, &m, &d);
      }
      for (int y = ya; y <= yb; ++y) {
        if (te.day && te.day > DaysInMonth(y, te.month)) continue;  // February 29 in another year
        if (te.First(y).days - tol <= iv.b && iv.a <= te.Last(y).days + tol) return true;
      }
      return false;
    };
    if (meets(kd, tolerance)) continue;  // the stated date agrees
    const KbOtherDate* other = nullptr;
    for (const KbOtherDate& od : k.other_dates)
      if (meets(Interval{od.date.days, od.date.days}, 0)) other = &od;
    uint32_t span_start = std::min(em.start, static_cast<uint32_t>(te.start));
    uint32_t span_end = std::max(em.end, static_cast<uint32_t>(te.end));
    std::vector<Evidence> ev = EventEvidence(ctx.kb, em);
    if (other)
      ev.push_back(Evidence{std::string(k.name) + ": " + FormatIsoDate(other->date) + ": " + std::string(other->what),
                            ctx.kb.SourceName(other->source >= 0 ? other->source : k.source)});
    out->Add(rule, other ? rule.params.SeverityOf("related_date_severity") : rule.severity, em.sentence,
             span_start, span_end,
             rule.Render({{"claim", ctx.text.Orig(span_start, span_end)},
                          {"event", k.name},
                          {"stated", te.ToString()},
                          {"kb_date", ctx.kb.EventDateText(k)},
                          {"other", other ? "; the KB records " + FormatIsoDate(other->date) +
                                                " for a related step: " + std::string(other->what)
                                          : ""}}),
             std::move(ev), std::nullopt);
  }
}

}  // namespace factlint
