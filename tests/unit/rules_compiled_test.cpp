// The bundled catalogue compiled at build time (core/src/rules_compiled.h): BundledRules(), built
// from the tables the generator wrote, is the catalogue LoadRules makes of the same
// core/rules/rules.json — every rule, param and phrase group, the phrase automaton and its
// targets; the generator refuses a bad catalogue with the loader's own error (rule id, path,
// line/column), for every bad fixture and for the bundled file with one value broken. The
// generator's command line is tested by tests/rules_compile/run.cmake.

#include "rules_compiled.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "rule_kinds.h"
#include "test_kbs.h"

namespace {

std::string Fixture(const std::string& name) { return factlint_test::RulesFixture(name); }

// The bundled file with `from` (which must occur once) replaced by `to`.
std::string BundledWith(const std::string& from, const std::string& to) {
  std::string text(factlint::RuleCatalogJson());
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("rules compiled: the bundled catalogue equals LoadRules of the same rules.json", "[rules]") {
  factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(factlint::RuleCatalogJson());
  REQUIRE(loaded.ok());
  const factlint::RuleCatalog& want = *loaded.value();
  const factlint::RuleCatalog& got = *factlint::BundledRules();
  REQUIRE(got.rules.size() == want.rules.size());
  REQUIRE(got.rules.size() >= 14);
  size_t params = 0, groups = 0;
  for (size_t i = 0; i < want.rules.size(); ++i) {
    const factlint::Rule& w = want.rules[i];
    const factlint::Rule& g = got.rules[i];
    INFO(w.id);
    CHECK(g.id == w.id);
    CHECK(g.kind == w.kind);
    CHECK(g.impl == w.impl);
    CHECK(g.impl != nullptr);
    CHECK(g.severity == w.severity);
    CHECK(g.message == w.message);
    CHECK(g.enabled == w.enabled);
    // Every param the kind takes (the loader requires each one), by its type; then the whole.
    for (const factlint::ParamSpec& spec : w.impl->params) {
      INFO(spec.name);
      ++params;
      CHECK(g.params.Number(spec.name) == w.params.Number(spec.name));
      CHECK(g.params.SeverityOf(spec.name) == w.params.SeverityOf(spec.name));
      CHECK(g.params.Strings(spec.name) == w.params.Strings(spec.name));
      CHECK(g.params.Groups(spec.name) == w.params.Groups(spec.name));
      for (const factlint::PhraseGroup& group : w.params.Groups(spec.name)) groups += !group.phrases.empty();
    }
    CHECK(g.params == w.params);
  }
  CHECK(params >= 20);
  CHECK(groups >= 2);
  // The phrase automaton: the same patterns in the same order, each with the same targets.
  REQUIRE(got.phrases.pattern_count() == want.phrases.pattern_count());
  REQUIRE(got.phrases.pattern_count() > 0);
  for (size_t p = 0; p < want.phrases.pattern_count(); ++p) {
    INFO(want.phrases.pattern(static_cast<int>(p)));
    CHECK(got.phrases.pattern(static_cast<int>(p)) == want.phrases.pattern(static_cast<int>(p)));
    REQUIRE(got.phrase_targets[p].size() == want.phrase_targets[p].size());
    for (size_t t = 0; t < want.phrase_targets[p].size(); ++t) {
      CHECK(got.phrase_targets[p][t].rule == want.phrase_targets[p][t].rule);
      CHECK(got.phrase_targets[p][t].group == want.phrase_targets[p][t].group);
    }
  }
  CHECK(got.phrase_targets.size() == want.phrase_targets.size());
  // And the automata find the same hits in text made of every pattern.
  std::string text;
  for (size_t p = 0; p < want.phrases.pattern_count(); ++p)
    text += " x " + std::string(want.phrases.pattern(static_cast<int>(p)));
  std::vector<factlint::PhraseMatcher::Hit> got_hits, want_hits;
  got.phrases.FindAll(text, &got_hits);
  want.phrases.FindAll(text, &want_hits);
  REQUIRE(got_hits.size() == want_hits.size());
  CHECK(got_hits.size() >= want.phrases.pattern_count());
  for (size_t h = 0; h < want_hits.size(); ++h) {
    CHECK(got_hits[h].start == want_hits[h].start);
    CHECK(got_hits[h].end == want_hits[h].end);
    CHECK(got_hits[h].pattern == want_hits[h].pattern);
  }
}

TEST_CASE("rules compiled: the generator refuses a bad catalogue with the loader's error", "[rules]") {
  struct Row {
    const char* what;
    std::string text;
    const char* code;
    const char* message;  // contained in the error's message; the rule it names
  };
  const Row rows[] = {
      {"a param out of range", BundledWith(R"("tolerance_days": 1,)", R"("tolerance_days": 3000,)"), "rules_params",
       "rule EVENT_DATE_MISMATCH: 3000 is outside [0, 366]"},
      {"an unknown kind", BundledWith(R"("kind": "ordinal_mismatch")", R"("kind": "ordinal")"), "rules_unknown_kind",
       "rule ORDINAL_MISMATCH: unknown kind \"ordinal\""},
      {"a placeholder the kind does not fill", BundledWith(R"({name} the {ordinal} {office})", R"({name} the {nth} {office})"),
       "rules_placeholder", "rule ORDINAL_MISMATCH: placeholder {nth} is not filled"},
      {"not JSON", BundledWith(R"("id": "WEAK_SOURCING",)", R"("id": "WEAK_SOURCING")"), "rules_not_json", "not JSON"},
      {"a fixture: missing kind", Fixture("fail_missing_kind.json"), "rules_schema", "rule MY_RULE: missing key \"kind\""},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    factlint::Result<std::string> source = factlint::CompileRulesToCpp(r.text, "rules.json");
    REQUIRE_FALSE(source.ok());
    const factlint::Error& e = source.error();
    INFO(e.ToString());
    CHECK(factlint::ErrorCodeName(e.code) == r.code);
    CHECK(e.message.find(r.message) != std::string::npos);
    CHECK(e.line > 1);  // the bundled file's rules are past its first line
    CHECK(e.column > 0);
  }
  // Every bad fixture: the generator's error is the loader's, field by field.
  size_t fixtures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(FACTLINT_SOURCE_DIR) /
                                                               "tests/fixtures/rules")) {
    const std::string name = entry.path().filename().string();
    if (name.find("fail_") == std::string::npos) continue;
    INFO(name);
    ++fixtures;
    const std::string text = Fixture(name);
    factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(text);
    factlint::Result<std::string> source = factlint::CompileRulesToCpp(text, name);
    REQUIRE_FALSE(loaded.ok());
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().ToString() == loaded.error().ToString());
    CHECK(source.error().code == loaded.error().code);
  }
  CHECK(fixtures >= 15);
}

TEST_CASE("rules compiled: the written tables hold every value byte for byte", "[rules]") {
  // A catalogue whose strings need escapes and whose numbers need all their digits.
  const std::string text = R"({"rules": [
    {"id": "MY_RULE", "kind": "phrase", "severity": "warning", "description": "d",
     "message": "\"{claim}\" \\ {label}\ttab é\u0001",
     "params": {"groups": [{"label": "l\"q", "phrases": ["a \"b\"", "c\\d", "ü"], "kb_lexicon": "hedges"}]}},
    {"id": "QUOTES", "kind": "quote_altered", "severity": "info", "description": "d", "message": "{speaker}",
     "enabled": false, "params": {"min_words": 4, "max_words": 400, "near_days": 14, "min_overlap": 0.1}}]})";
  factlint::Result<std::string> source = factlint::CompileRulesToCpp(text, "my.json");
  REQUIRE(source.ok());
  const std::string& s = source.value();
  for (const char* piece : {
           R"("MY_RULE"sv, "phrase"sv, Severity::kWarning)",
           R"("\"{claim}\" \\ {label}\011tab \303\251\001"sv)",
           R"({"l\"q"sv, k0, "hedges"sv})",
           R"("a \"b\""sv)", R"("c\\d"sv)", R"("\303\274"sv)",
           R"({"min_overlap"sv, 0.10000000000000001})", R"({"min_words"sv, 4.0})",
           "false, k", "// Generated from my.json",
       }) {
    INFO(piece);
    CHECK(s.find(piece) != std::string::npos);
  }
  // An empty catalogue is an empty table (no zero-length array).
  factlint::Result<std::string> empty = factlint::CompileRulesToCpp(R"({"rules": []})", "e.json");
  REQUIRE(empty.ok());
  CHECK(empty.value().find("kTables{}") != std::string::npos);
  CHECK(empty.value().find("[] = {") == std::string::npos);
}
