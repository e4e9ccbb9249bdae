// Stage 4 of a check (factlint/factlint.h; the pipeline: docs/ARCHITECTURE.md): the rules. Each
// check is the function of a rule kind (rule_kinds.h): it runs for one rule of the catalogue
// (rules.h) with that rule's params, reads the immutable outputs of the earlier stages
// (CheckContext) and adds findings with the rule's id to a FindingSink; none changes anything
// else. Silence is the default: a check fires only when the
// KB knows the person, office or event and the time lies within the KB's as_of.

#ifndef FACTLINT_CORE_CHECKS_H_
#define FACTLINT_CORE_CHECKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "folded_view.h"
#include "kb_query.h"
#include "matcher.h"
#include "mentions.h"
#include "rules.h"
#include "sentences.h"
#include "timeline.h"

namespace factlint {

struct CheckContext {
  const KbQuery& kb;
  const FoldedView& text;
  const Sentences& sentences;
  const Mentions& mentions;
  const Timeline& timeline;
  const RuleCatalog& catalog;                          // the rules in use
  const std::vector<PhraseMatcher::Hit>& catalog_hits;  // its phrase automaton over the text
};

// Collects findings, mapping folded offsets to the report's spans (bytes and UTF-16).
class FindingSink {
 public:
  explicit FindingSink(const Document& doc) : doc_(doc) {}
  // A finding of `rule` (its id; the severity is the rule's or a per-case one of its params).
  void Add(const Rule& rule, Severity severity, int sentence, uint32_t fs, uint32_t fe, std::string message,
           std::vector<Evidence> evidence, std::optional<std::string> suggestion);
  std::vector<Finding> Take() { return std::move(findings_); }

 private:
  const Document& doc_;
  std::vector<Finding> findings_;
};

void CheckTitleNotHeld(const CheckContext& ctx, const Rule& rule, FindingSink* out);        // check_titles.cpp
void CheckCurrentButFormer(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckFormerButInOffice(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckAnachronism(const CheckContext& ctx, const Rule& rule, FindingSink* out);         // check_events.cpp
void CheckEventDateMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckQuoteAltered(const CheckContext& ctx, const Rule& rule, FindingSink* out);        // check_quotes.cpp
void CheckQuoteUnverified(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckInconsistentDescription(const CheckContext& ctx, const Rule& rule, FindingSink* out);  // check_consistency.cpp
void CheckPhrases(const CheckContext& ctx, const Rule& rule, FindingSink* out);  // check_phrases.cpp
void CheckAgeMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);  // check_people.cpp
void CheckDeathMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckLifeDateMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);
// DEATH_MISMATCH's title case (check_titles.cpp): a sitting title, at a time it reads as a claim
// about (CURRENT_BUT_FORMER's historical tests with the rule's own params), for someone who held
// the office and had died before that time — CURRENT_BUT_FORMER is silent there. Skips title
// claims on the person mentions in `skip` (those with a death finding already).
void CheckDeadInOffice(const CheckContext& ctx, const Rule& rule, const std::vector<int>& skip, FindingSink* out);
void CheckPartyMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckTenureMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);
void CheckOrdinalMismatch(const CheckContext& ctx, const Rule& rule, FindingSink* out);

}  // namespace factlint

#endif  // FACTLINT_CORE_CHECKS_H_
