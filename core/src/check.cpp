// factlint::Check — the checking engine as a pipeline of stages with plain, immutable data
// between them (design: docs/ARCHITECTURE.md; rules: core/rules/rules.json):
//
//   text ─► Document + FoldedView   text.h, folded_view.h
//        ─► Sentences               sentences.h   segments, their folded ranges and dates
//        ─► Mentions                mentions.h    people, titles, events, quotes, phrases
//        ─► Timeline                timeline.h    reference window, every claim's own time
//        ─► findings                checks.h      for each enabled rule of the catalogue (rules.h),
//                                                 its kind's check (rule_kinds.h) with its params
//        ─► Report                  report.h      filtered by the options, ordered by span
//
// One pass of the KB's phrase automaton (kb_index.h) finds every name, title, jurisdiction,
// trigger and lexicon phrase; everything after works on those hits and short, bounded
// look-arounds, so a check is linear in the text (plus the hits).

#include <algorithm>

#include "checks.h"
#include "kb_index.h"
#include "report.h"
#include "rule_kinds.h"
#include "rules.h"

namespace factlint {

void FindingSink::Add(const Rule& rule, Severity severity, int sentence, uint32_t fs, uint32_t fe,
                      std::string message, std::vector<Evidence> evidence, std::optional<std::string> suggestion) {
  Finding f;
  f.rule = rule.id;
  f.severity = severity;
  f.sentence = static_cast<size_t>(std::max(sentence, 0));
  size_t s = doc_.FoldedToOriginal(fs), e = doc_.FoldedToOriginal(fe);
  if (e < s) e = s;
  f.span = Span{s, e, doc_.Utf16At(s), doc_.Utf16At(e)};
  f.text = std::string(doc_.text().substr(s, e - s));
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  f.suggestion = std::move(suggestion);
  findings_.push_back(std::move(f));
}

Report Check(const Kb& kb, std::string_view text, const CheckOptions& options) {
  const std::shared_ptr<const KbIndex> index = GetKbIndex(kb);
  const RuleCatalog& catalog = options.rules ? *options.rules : *BundledRules();
  const KbQuery query(kb);
  const Document doc(text);
  const FoldedView view(doc);
  const Sentences sentences = FindSentences(doc);
  const Mentions mentions = FindMentions(query, *index, view, sentences);
  const Timeline timeline = BuildTimeline(query, *index, view, sentences, mentions, options);
  std::vector<PhraseMatcher::Hit> catalog_hits;
  if (catalog.phrases.pattern_count() > 0) catalog.phrases.FindAll(view.text(), &catalog_hits);

  const CheckContext ctx{query, view, sentences, mentions, timeline, catalog, catalog_hits};
  FindingSink findings(doc);
  for (const Rule& rule : catalog.rules) {
    if (!rule.enabled || std::find(options.disabled_rules.begin(), options.disabled_rules.end(), rule.id) !=
                             options.disabled_rules.end())
      continue;
    rule.impl->run(ctx, rule, &findings);
  }
  return MakeReport(kb, sentences.spans, timeline.reference, findings.Take(), options);
}

}  // namespace factlint
