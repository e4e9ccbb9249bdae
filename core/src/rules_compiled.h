// The bundled rule catalogue compiled at build time (public API: factlint/factlint.h; the
// catalogue itself: rules.h). The build runs the generator (core/tools/rules_compile.cpp, linked
// from the core's own objects) on core/rules/rules.json: it loads the file with the strict loader
// (LoadRules: a bad file fails the build with the loader's error, its rule id, JSON path and
// line/column) and writes what the loader made as C++ constant tables (CompiledRules below), which
// the core is compiled with. BundledRules() builds its RuleCatalog from those tables: no JSON is
// parsed and nothing is validated at run time, so a cold start (the page's Worker, the extension's
// service worker, the CLI) runs neither the JSON parser nor the loader. A user's catalogue is
// still loaded from its JSON by LoadRules, strict, errors as data.
//
// The tables are plain data with static storage (std::string_view and std::span over constant
// arrays: constant-initialised, no code runs to set them up). The generator and the core are
// built from the same sources in one build, so every kind a table names is in the registry.

#ifndef FACTLINT_CORE_RULES_COMPILED_H_
#define FACTLINT_CORE_RULES_COMPILED_H_

#include <span>
#include <string>
#include <string_view>

#include "factlint/factlint.h"
#include "rules.h"

namespace factlint {

// One value of each of RuleParams' maps, by param name.
struct CompiledNumber {
  std::string_view name;
  double value;  // kNumber and kInt params: the loader's strtod of the JSON number
};
struct CompiledSeverity {
  std::string_view name;
  Severity value;
};
struct CompiledStrings {
  std::string_view name;
  std::span<const std::string_view> items;
};
struct CompiledGroup {
  std::string_view label;
  std::span<const std::string_view> phrases;  // as written in the file (folded when indexed)
  std::string_view kb_lexicon;
};
struct CompiledGroups {
  std::string_view name;
  std::span<const CompiledGroup> items;
};

struct CompiledRule {
  std::string_view id, kind;
  Severity severity;
  std::string_view message;
  bool enabled;
  std::span<const CompiledNumber> numbers;
  std::span<const CompiledSeverity> severities;
  std::span<const CompiledStrings> strings;
  std::span<const CompiledGroups> groups;
};

struct CompiledRules {
  std::span<const CompiledRule> rules;  // in the file's order
};

// The tables of core/rules/rules.json, written by the generator into the build tree
// (rules_tables.cpp). The generator itself is linked with an empty table (core/tools/rules_none.cpp).
const CompiledRules& BundledRuleTables();

// The two directions, friends of RuleParams.
class CompiledRulesCodec {
 public:
  // The catalogue the tables describe, equal to what LoadRules made of the source (rules, params,
  // phrase groups, the phrase automaton and its targets; tests/unit/rules_compiled_test.cpp).
  static RulesHandle Read(const CompiledRules& tables);
  // A C++ source that defines BundledRuleTables() as `catalog`. Fails (kRulesParams) only for a
  // catalogue the tables cannot hold: bool params, which no kind takes.
  static Result<std::string> WriteCpp(const RuleCatalog& catalog, std::string_view source_name);
};

// The generator's work: LoadRules(json_text), then WriteCpp. The error is the loader's (the
// generator prints it as `source:line:column: error: [kind] path: message`).
Result<std::string> CompileRulesToCpp(std::string_view json_text, std::string_view source_name);

// The catalogue's phrase automaton over the phrases of every phrase-kind rule, and where each
// phrase belongs (RuleCatalog::phrases, phrase_targets): shared by the loader and Read.
void BuildCatalogPhrases(RuleCatalog* catalog);

}  // namespace factlint

#endif  // FACTLINT_CORE_RULES_COMPILED_H_
