// The compiled catalogue's writer (rules_compiled.h), run by the build's generator
// (core/tools/rules_compile.cpp), never at run time: what LoadRules made of a catalogue, written
// as a C++ source of constant tables (one array per non-empty list, then the rules in the file's
// order). Strings are written byte for byte (printable ASCII as is, every other byte as a
// three-digit octal escape) and numbers with 17 significant digits, so the compiled values are the
// loaded ones exactly.

#include <cstdio>
#include <map>
#include <string>

#include "rules_compiled.h"
#include "cpp_literal.h"

namespace factlint {
namespace {

std::string Number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  std::string s = buf;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";  // a double literal, -0 stays -0.0
  return s;
}

// Concatenation by appends (GCC 12 warns, wrongly, about `"{" + std::string` at -O3: -Wrestrict).
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string s;
  ((s += parts), ...);
  return s;
}

const char* SeverityConstant(Severity s) {
  switch (s) {
    case Severity::kInfo: return "Severity::kInfo";
    case Severity::kWarning: return "Severity::kWarning";
    case Severity::kError: return "Severity::kError";
  }
  return "Severity::kInfo";
}

// Writes the arrays before the rules that point to them: Array() returns the name of a new
// constant array of `type` holding `items` (already written as initialisers), or "{}" for none.
class Writer {
 public:
  std::string Array(const char* type, const std::vector<std::string>& items) {
    if (items.empty()) return "{}";
    const std::string name = Cat("k", std::to_string(arrays_++));
    arrays_text_ += Cat("constexpr ", type, " ", name, "[] = {\n");
    for (const std::string& item : items) arrays_text_ += Cat("    ", item, ",\n");
    arrays_text_ += "};\n";
    return name;
  }
  std::string Strings(const std::vector<std::string>& list) {
    std::vector<std::string> items;
    for (const std::string& s : list) items.push_back(CppLiteral(s));
    return Array("std::string_view", items);
  }
  std::string arrays_text_;

 private:
  int arrays_ = 0;
};

}  // namespace

Result<std::string> CompiledRulesCodec::WriteCpp(const RuleCatalog& catalog, std::string_view source_name) {
  Writer w;
  std::vector<std::string> rules;
  for (const Rule& rule : catalog.rules) {
    const RuleParams& p = rule.params;
    if (!p.bools_.empty())
      return Error{ErrorCode::kRulesParams, Cat("rule ", rule.id, ": a bool param, which the compiled tables cannot hold"),
                   "", 0, 0};
    std::vector<std::string> numbers, severities, strings, groups;
    for (const auto& [name, value] : p.numbers_) numbers.push_back(Cat("{", CppLiteral(name), ", ", Number(value), "}"));
    for (const auto& [name, value] : p.severities_)
      severities.push_back(Cat("{", CppLiteral(name), ", ", SeverityConstant(value), "}"));
    for (const auto& [name, list] : p.strings_) {
      const std::string array = w.Strings(list);
      strings.push_back(Cat("{", CppLiteral(name), ", ", array, "}"));
    }
    for (const auto& [name, list] : p.groups_) {
      std::vector<std::string> items;
      for (const PhraseGroup& g : list) {
        const std::string phrases = w.Strings(g.phrases);
        items.push_back(Cat("{", CppLiteral(g.label), ", ", phrases, ", ", CppLiteral(g.kb_lexicon), "}"));
      }
      const std::string array = w.Array("CompiledGroup", items);
      groups.push_back(Cat("{", CppLiteral(name), ", ", array, "}"));
    }
    // One statement each: the arrays are numbered in this order whatever the compiler's order of
    // evaluating arguments (the native and the wasm generator write the same file).
    const std::string number_array = w.Array("CompiledNumber", numbers);
    const std::string severity_array = w.Array("CompiledSeverity", severities);
    const std::string strings_array = w.Array("CompiledStrings", strings);
    const std::string groups_array = w.Array("CompiledGroups", groups);
    rules.push_back(Cat("{", CppLiteral(rule.id), ", ", CppLiteral(rule.kind), ", ", SeverityConstant(rule.severity),
                        ",\n     ", CppLiteral(rule.message), ",\n     ", rule.enabled ? "true" : "false", ", ",
                        number_array, ", ", severity_array, ", ", strings_array, ", ", groups_array, "}"));
  }
  const std::string table = w.Array("CompiledRule", rules);
  return Cat("// Generated from ", source_name,
             " by factlint_rules_compile (core/tools/rules_compile.cpp;\n"
             "// the tables: core/src/rules_compiled.h). Do not edit.\n"
             "#include \"rules_compiled.h\"\n\n"
             "namespace factlint {\n"
             "namespace {\n\n"
             "using std::string_view_literals::operator\"\"sv;\n\n",
             w.arrays_text_,
             "\n}  // namespace\n\n"
             "const CompiledRules& BundledRuleTables() {\n"
             "  static constexpr CompiledRules kTables{", table == "{}" ? std::string_view() : std::string_view(table),
             "};\n"
             "  return kTables;\n"
             "}\n\n"
             "}  // namespace factlint\n");
}

Result<std::string> CompileRulesToCpp(std::string_view json_text, std::string_view source_name) {
  Result<RulesHandle> loaded = LoadRules(json_text);
  if (!loaded.ok()) return loaded.error();
  return CompiledRulesCodec::WriteCpp(*loaded.value(), source_name);
}

}  // namespace factlint
