// factlint::Check — the checking engine as a pipeline of stages with plain, immutable data
// between them (design: docs/ARCHITECTURE.md; rules: core/rules/rules.json):
//
//   text ─► Document + FoldedView   text.h, folded_view.h
//        ─► Sentences               sentences.h   segments, their folded ranges and dates
//        ─► Mentions                mentions.h    people, titles, events, quotes, phrases
//        ─► Timeline                timeline.h    reference window, every claim's own time
//        ─► findings                checks.h      each rule judged against the KB (kb_query.h)
//        ─► Report                  report.h      filtered by the options, ordered by span
//
// One pass of the KB's phrase automaton (kb_index.h) finds every name, title, jurisdiction,
// trigger and lexicon phrase; everything after works on those hits and short, bounded
// look-arounds, so a check is linear in the text (plus the hits).

#include <algorithm>

#include "checks.h"
#include "kb_index.h"
#include "report.h"

namespace factlint {

void FindingSink::Add(std::string_view rule, Severity severity, int sentence, uint32_t fs, uint32_t fe,
                      std::string message, std::vector<Evidence> evidence, std::optional<std::string> suggestion) {
  Finding f;
  f.rule = std::string(rule);
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
  const KbQuery query(kb);
  const Document doc(text);
  const FoldedView view(doc);
  const Sentences sentences = FindSentences(doc);
  const Mentions mentions = FindMentions(query, *index, view, sentences);
  const Timeline timeline = BuildTimeline(query, *index, view, sentences, mentions, options);

  const CheckContext ctx{query, view, sentences, mentions, timeline};
  FindingSink findings(doc);
  CheckTitleNotHeld(ctx, &findings);
  CheckCurrentButFormer(ctx, &findings);
  CheckFormerButInOffice(ctx, &findings);
  CheckAnachronism(ctx, &findings);
  CheckEventDateMismatch(ctx, &findings);
  CheckQuoteAltered(ctx, &findings);
  CheckQuoteUnverified(ctx, &findings);
  CheckInconsistentDescription(ctx, &findings);
  CheckWeakSourcing(ctx, &findings);

  return MakeReport(kb, sentences.spans, timeline.reference, findings.Take(), options);
}

}  // namespace factlint
