// Stage 3 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): the time the
// text speaks of. The reference window (given date > metadata date > the text's dateline, read by
// dateline.h > inferred by reftime.h's weighted
// sweep over the claims' constraints: dated KB events and explicit full dates weigh above a
// title, a person's titles count once, and a tie spans its candidates, listed in the report; a
// single window narrowed by a national election spoken of as soon to come, election_ahead.h), the
// role of every date (one that looks ahead — "until 2030", "will ... in 2027" — bounds the text's
// time from above and never dates a claim), and every claim's own time: a date of its sentence
// or a KB event of its clause ("during the 2003 invasion") that dates it, else the window.
// Computed once; the checks only read it.

#ifndef FACTLINT_CORE_TIMELINE_H_
#define FACTLINT_CORE_TIMELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "factlint/factlint.h"
#include "kb_query.h"
#include "mentions.h"
#include "sentences.h"

namespace factlint {

struct ClaimTime {
  std::optional<Interval> own;     // a date of the claim's sentence that dates it
  std::optional<Interval> judged;  // own, else the window; b clipped to the KB's as_of; absent
                                   // when there is neither or it starts after as_of
  std::string when;                // "in 2018", "on 2023-03-01", "between A and B" (for judged)
  // Judged at an inferred window that rests on a guess: the window would differ without "the
  // latest date taken as recent", or an election soon to come narrowed it (Timeline::guess). A
  // finding there is at most a warning (AtClaimTime).
  bool tentative = false;
};

struct Timeline {
  ReferenceDate reference;                 // the report's reference_date
  std::optional<Interval> window;          // the reference window, when there is one
  // When the inferred window rests on "the latest date taken as recent" (the window without that
  // clue differs) or was narrowed by an election soon to come (election_ahead.h): the clue, for
  // the findings' evidence; empty otherwise.
  std::string guess;
  std::vector<char> future;                // per time expression (Sentences::TimeIndex): a deadline or a prospect
  std::vector<ClaimTime> titles;           // one per Mentions::titles
  std::vector<ClaimTime> events;           // one per Mentions::events
  std::vector<ClaimTime> quotes;           // one per Mentions::quotes (fronted dates only)
  std::vector<ClaimTime> people;           // one per Mentions::people
};

// The severity of a finding on a claim judged at `ct`: `severity`, but an error judged at a
// tentative window (ClaimTime::tentative) is a warning — the text's time there is a guess, not a
// statement. `evidence` (when given) gains a line saying why.
Severity AtClaimTime(Severity severity, const ClaimTime& ct, const Timeline& tl, std::vector<Evidence>* evidence);

Timeline BuildTimeline(const KbQuery& kb, const KbIndex& index, const FoldedView& text, const Sentences& sentences,
                       const Mentions& mentions, const CheckOptions& options);

}  // namespace factlint

#endif  // FACTLINT_CORE_TIMELINE_H_
