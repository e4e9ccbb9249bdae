// The consistency check (checks.h): the same person called "former X" in one place and a sitting
// X (or "NAME administration") in another, in sentences without dates of their own.

#include <algorithm>
#include <map>
#include <set>

#include "checks.h"

namespace factlint {

void CheckInconsistentDescription(const CheckContext& ctx, const Rule& rule, FindingSink* out) {
  const Kb& kb = ctx.kb.kb();
  std::map<int, const TitleClaim*> former, sitting;
  std::set<int> done;
  for (size_t i = 0; i < ctx.mentions.titles.size(); ++i) {
    const TitleClaim& c = ctx.mentions.titles[i];
    if (c.tense == Tense::kSkip || c.dated_only || ctx.timeline.titles[i].own) continue;
    auto& mine = c.tense == Tense::kFormer ? former : sitting;
    auto& other = c.tense == Tense::kFormer ? sitting : former;
    if (!mine.count(c.person)) mine[c.person] = &c;
    auto it = other.find(c.person);
    if (it == other.end() || done.count(c.person)) continue;
    const TitleClaim& o = *it->second;
    bool shared = false;
    for (int x : c.offices)
      shared = shared || std::find(o.offices.begin(), o.offices.end(), x) != o.offices.end();
    if (!shared) continue;
    done.insert(c.person);
    const TitleClaim& f = c.tense == Tense::kFormer ? c : o;
    const TitleClaim& p = c.tense == Tense::kFormer ? o : c;
    out->Add(rule, rule.severity, c.sentence, c.start, c.end,
             rule.Render({{"name", kb.people[static_cast<size_t>(c.person)].name},
                            {"former", ctx.text.Orig(f.start, f.end)},
                            {"former_line", std::to_string(ctx.text.LineOf(f.start))},
                            {"sitting", ctx.text.Orig(p.start, p.end)},
                            {"sitting_line", std::to_string(ctx.text.LineOf(p.start))}}),
             {}, std::nullopt);
  }
}

}  // namespace factlint
