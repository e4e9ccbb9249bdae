// The rule catalogue (core/rules/rules.json compiled into the core at build time, rules_compiled.h,
// or a user's file loaded with LoadRules; format: docs/RULES.md, schema: core/rules/schema.json). Each rule names a kind — a
// check function of the registry (rule_kinds.h) — and gives it params; the rule's id, severity
// and message template are the finding's. Loading is strict, like the KB's: unknown keys, an
// unknown kind, params that do not fit the kind and message placeholders the kind does not fill
// are errors that name the rule id, the key and the line/column. A catalogue is immutable once
// loaded and shared by every Check that uses it. Public API: factlint/factlint.h.

#ifndef FACTLINT_CORE_RULES_H_
#define FACTLINT_CORE_RULES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "matcher.h"

namespace factlint {

std::string_view EmbeddedRulesJson();  // core/rules/rules.json's text (RuleCatalogJson), embedded by CMake

struct RuleKind;  // rule_kinds.h

// One group of a phrase rule: the phrases it matches (folded like the text), the label a finding
// of it carries, and the KB lexicon list merged in ("hedges" or "anonymous"; empty = none).
struct PhraseGroup {
  std::string label;
  std::vector<std::string> phrases;
  std::string kb_lexicon;
  friend bool operator==(const PhraseGroup&, const PhraseGroup&) = default;
};

// A rule's params, typed and complete: the loader checked every one against its kind's table
// (rule_kinds.cpp), so the getters of a kind's own params never miss.
class RuleParams {
 public:
  double Number(std::string_view name) const { return Get(numbers_, name); }
  int Int(std::string_view name) const { return static_cast<int>(Get(numbers_, name)); }
  bool Bool(std::string_view name) const { return Get(bools_, name); }
  Severity SeverityOf(std::string_view name) const { return Get(severities_, name); }
  const std::vector<std::string>& Strings(std::string_view name) const { return Get(strings_, name); }
  const std::vector<PhraseGroup>& Groups(std::string_view name) const { return Get(groups_, name); }
  friend bool operator==(const RuleParams&, const RuleParams&) = default;

 private:
  friend class RuleLoader;
  friend class CompiledRulesCodec;  // rules_compiled.h
  template <typename M>
  static const typename M::mapped_type& Get(const M& m, std::string_view name) {
    static const typename M::mapped_type kEmpty{};
    auto it = m.find(name);
    return it == m.end() ? kEmpty : it->second;
  }
  std::map<std::string, double, std::less<>> numbers_;
  std::map<std::string, bool, std::less<>> bools_;
  std::map<std::string, Severity, std::less<>> severities_;
  std::map<std::string, std::vector<std::string>, std::less<>> strings_;
  std::map<std::string, std::vector<PhraseGroup>, std::less<>> groups_;
};

// A template value: a std::string, or a KB string (a std::string_view into the Kb) copied.
struct VarText : std::string {
  VarText(std::string s) : std::string(std::move(s)) {}  // NOLINT(google-explicit-constructor)
  VarText(std::string_view s) : std::string(s) {}        // NOLINT(google-explicit-constructor)
  VarText(const char* s) : std::string(s) {}             // NOLINT(google-explicit-constructor)
};
using Vars = std::vector<std::pair<std::string, VarText>>;

struct Rule {
  std::string id;           // UPPER_SNAKE, unique in the catalogue
  std::string kind;         // a name of the registry
  const RuleKind* impl = nullptr;
  Severity severity = Severity::kInfo;
  std::string message;      // template: "{name} did not hold ..."
  bool enabled = true;
  RuleParams params;

  // Fills the message template: each {key} is replaced by its value (the loader made sure the
  // kind provides every key the template names).
  std::string Render(const Vars& values) const;
};

// Where a phrase of the catalogue's automaton belongs: rules[rule].params groups[group].
struct PhraseTarget {
  int rule;
  int group;
};

struct RuleCatalog {
  std::vector<Rule> rules;
  // One automaton over the phrases of every phrase-kind rule (empty when there are none).
  PhraseMatcher phrases;
  std::vector<std::vector<PhraseTarget>> phrase_targets;  // per pattern id
};

// The bundled catalogue, built once from the tables the build compiled core/rules/rules.json into
// (rules_compiled.h; held to LoadRules of the same file by tests/unit/rules_compiled_test.cpp).
const RulesHandle& BundledRules();

}  // namespace factlint

#endif  // FACTLINT_CORE_RULES_H_
