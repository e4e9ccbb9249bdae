// The compiled catalogue's reader (rules_compiled.h): copies the constant tables the build wrote
// from core/rules/rules.json into a RuleCatalog, the same shape LoadRules makes, and builds its
// phrase automaton. Nothing here parses or validates: the generator ran the strict loader on the
// file at build time. Also the phrase automaton's build, shared with the loader (rules.cpp).

#include "rules_compiled.h"

#include <algorithm>
#include <memory>

#include "rule_kinds.h"
#include "text.h"

namespace factlint {

void BuildCatalogPhrases(RuleCatalog* catalog) {
  RuleCatalog& c = *catalog;
  for (size_t r = 0; r < c.rules.size(); ++r) {
    const Rule& rule = c.rules[r];
    if (rule.kind != "phrase") continue;
    const std::vector<PhraseGroup>& groups = rule.params.Groups("groups");
    for (size_t g = 0; g < groups.size(); ++g) {
      for (const std::string& phrase : groups[g].phrases) {
        int p = c.phrases.Add(Fold(phrase));
        if (p < 0) continue;
        if (static_cast<size_t>(p) >= c.phrase_targets.size()) c.phrase_targets.resize(static_cast<size_t>(p) + 1);
        PhraseTarget t{static_cast<int>(r), static_cast<int>(g)};
        auto& ts = c.phrase_targets[static_cast<size_t>(p)];
        if (std::none_of(ts.begin(), ts.end(), [&](const PhraseTarget& x) { return x.rule == t.rule && x.group == t.group; }))
          ts.push_back(t);
      }
    }
  }
  c.phrase_targets.resize(c.phrases.pattern_count());
  c.phrases.Build();
}

RulesHandle CompiledRulesCodec::Read(const CompiledRules& tables) {
  auto catalog = std::make_shared<RuleCatalog>();
  catalog->rules.reserve(tables.rules.size());
  for (const CompiledRule& t : tables.rules) {
    Rule& rule = catalog->rules.emplace_back();
    rule.id = t.id;
    rule.kind = t.kind;
    rule.impl = FindRuleKind(t.kind);  // never null: the generator loaded the file with this registry
    rule.severity = t.severity;
    rule.message = t.message;
    rule.enabled = t.enabled;
    RuleParams& params = rule.params;
    for (const CompiledNumber& n : t.numbers) params.numbers_.emplace(n.name, n.value);
    for (const CompiledSeverity& s : t.severities) params.severities_.emplace(s.name, s.value);
    for (const CompiledStrings& s : t.strings) params.strings_.emplace(s.name, std::vector<std::string>(s.items.begin(), s.items.end()));
    for (const CompiledGroups& g : t.groups) {
      std::vector<PhraseGroup>& groups = params.groups_[std::string(g.name)];
      groups.reserve(g.items.size());
      for (const CompiledGroup& item : g.items)
        groups.push_back(PhraseGroup{std::string(item.label),
                                     std::vector<std::string>(item.phrases.begin(), item.phrases.end()),
                                     std::string(item.kb_lexicon)});
    }
  }
  BuildCatalogPhrases(catalog.get());
  return catalog;
}

const RulesHandle& BundledRules() {
  static const RulesHandle bundled = CompiledRulesCodec::Read(BundledRuleTables());
  return bundled;
}

}  // namespace factlint
