// The phrase kind (checks.h, rule_kinds.h): a rule of kind "phrase" fires on every phrase of its
// groups — matched by the catalogue's automaton (rules.h) — and on the phrases of the KB lexicon
// lists its groups name ("hedges", "anonymous"; found by the KB's automaton, mentions.h).
// Overlapping matches are one finding; its {label} is that of the last group among them (so a
// stronger label goes later: WEAK_SOURCING lists anonymous attributions after hedges).

#include <algorithm>

#include "checks.h"

namespace factlint {
namespace {

struct Match {
  uint32_t start, end;
  int group;
};

}  // namespace

void CheckPhrases(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const std::vector<PhraseGroup>& groups = rule.params.Groups("groups");
  const int self = static_cast<int>(&rule - ctx.catalog.rules.data());
  std::vector<Match> matches;
  for (const PhraseMatcher::Hit& hit : ctx.catalog_hits)
    for (const PhraseTarget& t : ctx.catalog.phrase_targets[static_cast<size_t>(hit.pattern)])
      if (t.rule == self) matches.push_back(Match{hit.start, hit.end, t.group});
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].kb_lexicon.empty()) continue;
    const PhraseKind kind = groups[g].kb_lexicon == "hedges" ? PhraseKind::kHedge : PhraseKind::kAnonymous;
    for (const Phrase& p : ctx.mentions.lexicon)
      if (p.kind == kind) matches.push_back(Match{p.start, p.end, static_cast<int>(g)});
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  for (size_t i = 0; i < matches.size();) {
    uint32_t s = matches[i].start, e = matches[i].end;
    int group = matches[i].group;
    size_t j = i + 1;
    while (j < matches.size() && matches[j].start < e) {
      e = std::max(e, matches[j].end);
      group = std::max(group, matches[j].group);
      ++j;
    }
    i = j;
    int sentence = ctx.sentences.SentenceOf(s);
    if (sentence < 0) continue;
    out->Add(rule, rule.severity, sentence, s, e,
             rule.Render({{"claim", ctx.text.Orig(s, e)}, {"label", groups[static_cast<size_t>(group)].label}}), {},
             std::nullopt);
  }
}

}  // namespace factlint
