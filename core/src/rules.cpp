// The rule catalogue: parses the embedded core/rules/rules.json once (the file is checked by
// tests/unit/rules_test.cpp, so a malformed catalogue fails the build's tests, and at run time
// degrades to bare rule ids rather than failing a check) and renders message templates.

#include "rules.h"

#include <nlohmann/json.hpp>

namespace factlint {
namespace {

std::vector<RuleInfo> Parse() {
  std::vector<RuleInfo> rules;
  nlohmann::json j = nlohmann::json::parse(EmbeddedRulesJson(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("rules") || !j["rules"].is_array()) return rules;
  for (const auto& r : j["rules"]) {
    if (!r.is_object() || !r.contains("id") || !r["id"].is_string()) continue;
    RuleInfo info;
    info.id = r["id"].get<std::string>();
    if (r.contains("severity") && r["severity"].is_string())
      info.severity = ParseSeverity(r["severity"].get<std::string>()).value_or(Severity::kInfo);
    if (r.contains("message") && r["message"].is_string()) info.message = r["message"].get<std::string>();
    rules.push_back(std::move(info));
  }
  return rules;
}

}  // namespace

std::string_view RuleCatalogJson() { return EmbeddedRulesJson(); }

const std::vector<RuleInfo>& AllRules() {
  static const std::vector<RuleInfo> rules = Parse();
  return rules;
}

const RuleInfo* FindRule(std::string_view id) {
  for (const RuleInfo& r : AllRules())
    if (r.id == id) return &r;
  return nullptr;
}

std::string RenderMessage(std::string_view rule_id,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  const RuleInfo* rule = FindRule(rule_id);
  if (rule == nullptr) {
    std::string out(rule_id);
    for (const auto& [k, v] : values) out += " " + k + "=" + v;
    return out;
  }
  const std::string& t = rule->message;
  std::string out;
  out.reserve(t.size() + 64);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      size_t close = t.find('}', i);
      if (close != std::string::npos) {
        std::string_view key(t.data() + i + 1, close - i - 1);
        for (const auto& [k, v] : values) {
          if (k == key) {
            out += v;
            break;
          }
        }
        i = close;
        continue;
      }
    }
    out.push_back(t[i]);
  }
  return out;
}

}  // namespace factlint
