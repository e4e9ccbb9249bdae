// The rule catalogue's loader (core/src/rules.cpp) and registry (rule_kinds.cpp): every bad
// catalogue under tests/fixtures/rules/ gets its documented error (docs/ERRORS.md) with the rule
// id, the JSON path and the line/column; a rule added by catalogue alone fires; the entry's id,
// severity, message and `enabled` are the finding's.

#include "rules.h"

#include <set>

#include <catch2/catch.hpp>

#include "rule_kinds.h"
#include "test_kbs.h"

namespace {

std::string Fixture(const std::string& name) { return factlint_test::RulesFixture(name); }

factlint::CheckOptions WithRules(const factlint::RulesHandle& rules) {
  factlint::CheckOptions o;
  o.date = factlint::ParseIsoDate("2023-05-19");
  o.rules = rules;
  return o;
}

}  // namespace

TEST_CASE("rules loader: each bad catalogue gives its documented error and place", "[rules]") {
  struct Row {
    const char* file;
    const char* code;
    const char* path;
    int line, column;
    const char* message;  // contained in the error's message
  };
  for (const Row& r : std::initializer_list<Row>{
      {"fail_not_json.json", "rules_not_json", "", 2, 32, R"(not JSON)"},
      {"fail_too_deep.json", "rules_too_large", "", 1, 42, R"(nesting deeper than 32)"},
      {"fail_top_key.json", "rules_schema", "/rulez", 1, 15, R"(unknown key "rulez")"},
      {"fail_rules_not_array.json", "rules_schema", "/rules", 1, 11, R"(expected an array, found an object)"},
      {"fail_rule_key.json", "rules_schema", "/rules/0/sevrity", 3, 29, R"(rule MY_RULE: unknown key "sevrity")"},
      {"fail_missing_kind.json", "rules_schema", "/rules/0", 2, 2, R"(rule MY_RULE: missing key "kind")"},
      {"fail_unknown_kind.json", "rules_unknown_kind", "/rules/0/kind", 2, 28, R"(rule MY_RULE: unknown kind "regex")"},
      {"fail_bad_id.json", "rules_schema", "/rules/0/id", 2, 9, R"(id "my-rule" is not UPPER_SNAKE)"},
      {"fail_bad_severity.json", "rules_schema", "/rules/0/severity", 2, 50, R"(rule MY_RULE: severity "fatal")"},
      {"loader_fail_duplicate_id.json", "rules_duplicate", "/rules/1/id", 4, 9, R"(rule MY_RULE: the id is defined twice)"},
      {"fail_params_unknown.json", "rules_params", "/rules/0/params/years", 3, 14, R"(rule MY_RULE: unknown param "years" for kind "title_not_held")"},
      {"fail_params_missing.json", "rules_params", "/rules/0/params", 3, 13, R"(rule MY_RULE: missing param "related_date_severity")"},
      {"fail_params_type.json", "rules_params", "/rules/0/params/groups/0/phrases", 3, 51, R"(rule MY_RULE: expected an array, found a string)"},
      {"fail_params_range.json", "rules_params", "/rules/0/params/min_overlap", 3, 80, R"(rule MY_RULE: 1.5 is outside [0, 1])"},
      {"fail_params_one_of.json", "rules_params", "/rules/0/params/keep_title_roles/0", 3, 94, R"(rule MY_RULE: "king" is not one of)"},
      {"fail_group_key.json", "rules_params", "/rules/0/params/groups/0/lexicon", 3, 68, R"(rule MY_RULE: unknown key "lexicon" in a phrase group)"},
      {"fail_placeholder_unknown.json", "rules_placeholder", "/rules/0/message", 2, 69, R"(rule MY_RULE: placeholder {speaker} is not filled by kind "phrase")"},
      {"fail_placeholder_unbalanced.json", "rules_placeholder", "/rules/0/message", 2, 69, R"(rule MY_RULE: the message has a '{' that is never closed)"},
      {"loader_fail_bad_date.json", "rules_schema", "/rules/0/examples/0/date", 3, 82, R"(rule MY_RULE: "2023-02-30" is not a date)"},
      {"fail_example_key.json", "rules_schema", "/rules/0/examples/0/spans", 3, 74, R"(rule MY_RULE: unknown key "spans")"},
       }) {
    INFO(r.file);
    factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(Fixture(r.file));
    REQUIRE_FALSE(loaded.ok());
    const factlint::Error& e = loaded.error();
    INFO(e.ToString());
    CHECK(factlint::ErrorCodeName(e.code) == r.code);
    CHECK(e.path == r.path);
    CHECK(e.line == r.line);
    CHECK(e.column == r.column);
    CHECK(e.message.find(r.message) != std::string::npos);
  }
}

TEST_CASE("rules loader: the bundled catalogue loads, every kind of the registry is used", "[rules]") {
  factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(factlint::RuleCatalogJson());
  REQUIRE(loaded.ok());
  std::set<std::string> kinds;
  for (const factlint::Rule& r : loaded.value()->rules) {
    CHECK(r.impl == factlint::FindRuleKind(r.kind));
    kinds.insert(r.kind);
  }
  CHECK(kinds.size() == factlint::RuleKinds().size());
  CHECK(factlint::FindRuleKind("regex") == nullptr);
}

TEST_CASE("rules loader: a rule added by catalogue alone fires, with its own id and severity", "[rules]") {
  factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(Fixture("pass_phrase_rule.json"));
  REQUIRE(loaded.ok());
  const std::string text = "A number of officials reportedly left. German Chancellor Emmanuel Macron spoke.";
  factlint::Report report = factlint::Check(factlint_test::BasicKb(), text, WithRules(loaded.value()));
  // VAGUE_QUANTITY fires; WEAK_SOURCING is not in this catalogue and TITLE_NOT_HELD is disabled.
  REQUIRE(report.findings.size() == 1);
  const factlint::Finding& f = report.findings[0];
  CHECK(f.rule == "VAGUE_QUANTITY");
  CHECK(f.severity == factlint::Severity::kWarning);
  CHECK(f.text == "A number of");
  CHECK(f.message == "\"A number of\" is a vague quantity");
  // With the bundled catalogue the same text gives the bundled rules' findings.
  factlint::Report bundled = factlint::Check(factlint_test::BasicKb(), text, WithRules(nullptr));
  std::set<std::string> ids;
  for (const auto& b : bundled.findings) ids.insert(b.rule);
  CHECK(ids == std::set<std::string>{"TITLE_NOT_HELD", "WEAK_SOURCING"});
}

TEST_CASE("rules loader: disabled rules do not run; params change behaviour", "[rules]") {
  // The bundled catalogue with EVENT_DATE_MISMATCH's tolerance (for a stated day) widened and
  // WEAK_SOURCING switched off.
  nlohmann::json j = nlohmann::json::parse(factlint::RuleCatalogJson());
  for (auto& r : j["rules"]) {
    if (r["id"] == "EVENT_DATE_MISMATCH") r["params"]["tolerance_days"] = 366;
    if (r["id"] == "WEAK_SOURCING") r["enabled"] = false;
  }
  factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(j.dump());
  REQUIRE(loaded.ok());
  const std::string text = "The Russian invasion of Ukraine on February 24, 2021 was reportedly planned.";
  auto count = [&](const factlint::RulesHandle& rules, const char* id) {
    int n = 0;
    for (const auto& f : factlint::Check(factlint_test::BasicKb(), text, WithRules(rules)).findings) n += f.rule == id;
    return n;
  };
  CHECK(count(nullptr, "EVENT_DATE_MISMATCH") == 1);
  CHECK(count(nullptr, "WEAK_SOURCING") == 1);
  CHECK(count(loaded.value(), "EVENT_DATE_MISMATCH") == 0);
  CHECK(count(loaded.value(), "WEAK_SOURCING") == 0);
}
