// The phrase check (checks.h): hedges and anonymous attributions, from the KB's lexicon and the
// built-in lists (kb_index.cpp). Overlapping phrases are one span; it is an anonymous attribution
// when any of them is one.

#include <algorithm>

#include "checks.h"
#include "rules.h"

namespace factlint {

void CheckWeakSourcing(const CheckContext& ctx, FindingSink* out) {
  std::vector<Phrase> ph;
  for (const Phrase& p : ctx.mentions.lexicon)
    if (p.kind != PhraseKind::kProspective) ph.push_back(p);
  std::sort(ph.begin(), ph.end(), [](const Phrase& a, const Phrase& b) { return a.start < b.start; });
  for (size_t i = 0; i < ph.size();) {
    uint32_t s = ph[i].start, e = ph[i].end;
    bool anonymous = ph[i].kind == PhraseKind::kAnonymous;
    size_t j = i + 1;
    while (j < ph.size() && ph[j].start < e) {
      e = std::max(e, ph[j].end);
      anonymous = anonymous || ph[j].kind == PhraseKind::kAnonymous;
      ++j;
    }
    i = j;
    int sentence = ctx.sentences.SentenceOf(s);
    if (sentence < 0) continue;
    out->Add("WEAK_SOURCING", Severity::kInfo, sentence, s, e,
             RenderMessage("WEAK_SOURCING", {{"claim", ctx.text.Orig(s, e)},
                                             {"kind", anonymous ? "an anonymous attribution" : "a hedge"}}),
             {}, std::nullopt);
  }
}

}  // namespace factlint
