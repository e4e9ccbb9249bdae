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
// trigger and lexicon phrase (and, beside it, walks from word starts find the rule catalogue's
// phrases: matcher.h, FindAllWith); everything after works on those hits and short, bounded
// look-arounds, so a check is linear in the text (plus the hits).

#include <algorithm>
#include <utility>

#include "checks.h"
#include "kb_index.h"
#include "pipeline.h"
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

namespace {

// An own time as the report writes it: a day, a month, a year, or "A..B".
std::string IntervalText(const Interval& iv) {
  int ya, ma, da, yb, mb, db;
  SplitDate(Date{iv.a}, &ya, &ma, &da);
  SplitDate(Date{iv.b + 1}, &yb, &mb, &db);  // the day after the last
  const std::string a = FormatIsoDate(Date{iv.a});
  if (iv.a == iv.b) return a;
  if (da == 1 && db == 1 && ma == 1 && mb == 1 && yb == ya + 1) return a.substr(0, 4);
  if (da == 1 && db == 1 && (yb * 12 + mb) == (ya * 12 + ma) + 1) return a.substr(0, 7);
  return a + ".." + FormatIsoDate(Date{iv.b});
}

// Marks the findings on claims judged at their own time (timeline.h) with that time. Claims with an
// own time are few; each finding looks at those starting within 200 bytes before it.
void MarkClaimDates(const Document& doc, const Mentions& m, const Timeline& tl, std::vector<Finding>* findings) {
  struct Dated {
    uint32_t start, end;
    size_t sentence;
    Interval own;
  };
  std::vector<Dated> dated;
  for (size_t i = 0; i < m.titles.size() && i < tl.titles.size(); ++i)
    if (tl.titles[i].own)
      dated.push_back(Dated{m.titles[i].start, m.titles[i].end, static_cast<size_t>(std::max(m.titles[i].sentence, 0)),
                            *tl.titles[i].own});
  for (size_t i = 0; i < m.events.size() && i < tl.events.size(); ++i)
    if (tl.events[i].own)
      dated.push_back(Dated{m.events[i].start, m.events[i].end, static_cast<size_t>(std::max(m.events[i].sentence, 0)),
                            *tl.events[i].own});
  if (dated.empty()) return;
  std::sort(dated.begin(), dated.end(), [](const Dated& x, const Dated& y) { return x.start < y.start; });
  for (Finding& f : *findings) {
    const uint32_t a = static_cast<uint32_t>(doc.OriginalToFolded(f.span.start));
    const uint32_t b = static_cast<uint32_t>(doc.OriginalToFolded(f.span.end));
    auto it = std::lower_bound(dated.begin(), dated.end(), a > 200 ? a - 200 : 0,
                               [](const Dated& d, uint32_t pos) { return d.start < pos; });
    for (; it != dated.end() && it->start < std::max(b, a + 1); ++it) {
      if (it->sentence == f.sentence && it->start < std::max(b, a + 1) && a < it->end) {
        f.claim_date = IntervalText(it->own);
        break;
      }
    }
  }
}

}  // namespace

Report CheckAnalysed(const Kb& kb, const KbQuery& query, const KbIndex& index, const RuleCatalog& catalog,
                     const FoldedView& view, const Sentences& sentences, const Mentions& mentions,
                     const std::vector<PhraseMatcher::Hit>& catalog_hits, const CheckOptions& options) {
  const Document& doc = view.doc();
  const Timeline timeline = BuildTimeline(query, index, view, sentences, mentions, options);
  const CheckContext ctx{query, view, sentences, mentions, timeline, catalog, catalog_hits};
  FindingSink findings(doc);
  for (const Rule& rule : catalog.rules) {
    if (!rule.enabled || std::find(options.disabled_rules.begin(), options.disabled_rules.end(), rule.id) !=
                             options.disabled_rules.end())
      continue;
    rule.impl->run(ctx, rule, &findings);
  }
  std::vector<Finding> found = findings.Take();
  MarkClaimDates(doc, mentions, timeline, &found);
  return MakeReport(kb, sentences.spans, timeline.reference, std::move(found), options);
}

Report Check(const Kb& kb, std::string_view text, const CheckOptions& options) {
  const std::shared_ptr<const KbIndex> index = GetKbIndex(kb);
  const RuleCatalog& catalog = options.rules ? *options.rules : *BundledRules();
  const KbQuery query(kb);
  const Document doc(text);
  const FoldedView view(doc);
  const Sentences sentences = FindSentences(doc);
  // The KB's phrases (its automaton) and the catalogue's (walks from word starts).
  std::vector<PhraseMatcher::Hit> kb_hits, catalog_hits;
  kb_hits.reserve(view.size() / 32 + 16);  // news: a hit per ~20-40 bytes; grown by doubling past that
  index->matcher.FindAllWith(view.text(), &kb_hits, catalog.phrases, &catalog_hits);
  QuoteScan quotes;
  ScanQuotes(view, sentences, 0, view.size(), 0, sentences.size(), &quotes);
  const Mentions mentions = FindMentions(query, *index, view, sentences, std::move(kb_hits), std::move(quotes));
  return CheckAnalysed(kb, query, *index, catalog, view, sentences, mentions, catalog_hits, options);
}

}  // namespace factlint
