// The registry of rule kinds: each kind is a check function (checks.h) with the table of params
// it takes and the message placeholders it fills. A catalogue entry (rules.h) names its kind;
// the loader holds the entry's params and message to the kind's tables, and Check runs, for each
// enabled rule, its kind's function with the rule. Adding a kind: write the function, add a row
// here (rule_kinds.cpp), describe it in docs/RULES.md's generator and core/rules/schema.json.

#ifndef FACTLINT_CORE_RULE_KINDS_H_
#define FACTLINT_CORE_RULE_KINDS_H_

#include <string_view>
#include <vector>

namespace factlint {

struct CheckContext;  // checks.h
class FindingSink;
struct Rule;          // rules.h

using RuleFn = void (*)(const CheckContext& ctx, const Rule& rule, FindingSink* out);

enum class ParamType {
  kNumber,    // a JSON number within [min, max]
  kInt,       // a JSON integer within [min, max]
  kSeverity,  // "info" | "warning" | "error"
  kStrings,   // an array of strings, each one of one_of when one_of is not empty
  kGroups,    // an array of phrase groups: {"label", "phrases": [..], "kb_lexicon"?}
};

struct ParamSpec {
  std::string_view name;
  ParamType type;
  double min = 0, max = 0;
  std::vector<std::string_view> one_of = {};
  std::string_view doc = {};
};

struct RuleKind {
  std::string_view name;
  RuleFn run;
  std::vector<ParamSpec> params;  // every one is required
  std::vector<std::string_view> placeholders;
  std::string_view doc;
};

const std::vector<RuleKind>& RuleKinds();
const RuleKind* FindRuleKind(std::string_view name);  // nullptr for an unknown name

}  // namespace factlint

#endif  // FACTLINT_CORE_RULE_KINDS_H_
