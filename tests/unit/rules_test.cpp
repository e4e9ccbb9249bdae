// The rule harness (LanguageTool's <example> tests) over the bundled catalogue
// (core/rules/rules.json): every rule is well formed and every one of its examples behaves as
// written against the test KB it names (tests/fixtures/rules/test_kbs.json, or inline):
//   - a `fire` example gives exactly one finding of that rule, on exactly the marked span, with
//     the example's severity (the rule's unless the example names one);
//   - where it has a suggestion, the finding carries it, and the text with the suggestion applied
//     gives no finding of that rule;
//   - a `pass` example gives no finding of that rule.

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"
#include "test_kbs.h"

namespace {

using json = nlohmann::json;

const json& Catalogue() {
  static const json j = json::parse(factlint::RuleCatalogJson());
  return j;
}

std::string Describe(const factlint::Report& r) {
  std::string out;
  for (const auto& f : r.findings) {
    out += "  [" + f.rule + "] " + std::string(factlint::SeverityName(f.severity)) + " \"" + f.text + "\": " +
           f.message + (f.suggestion ? " => " + *f.suggestion : "") + "\n";
  }
  return out.empty() ? "  (no findings)\n" : out;
}

std::vector<const factlint::Finding*> Of(const factlint::Report& r, const std::string& rule) {
  std::vector<const factlint::Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("rules: the catalogue is well formed", "[rules]") {
  REQUIRE(factlint::LoadRules(factlint::RuleCatalogJson()).ok());  // the strict loader's shape
  const json& c = Catalogue();
  std::set<std::string> ids;
  for (const json& r : c["rules"]) {
    std::string id = r.at("id").get<std::string>();
    INFO(id);
    CHECK(ids.insert(id).second);
    CHECK_FALSE(r.at("description").get<std::string>().empty());
    int fires = 0, passes = 0;
    for (const json& e : r.at("examples")) {
      (e.at("expect") == "fire" ? fires : passes) += 1;
      CHECK(e.contains("kb"));  // every example names its KB: none depends on the bundled one
      if (e.at("expect") == "fire") CHECK(e.contains("span"));
    }
    CHECK(fires >= 1);
    CHECK(passes >= 1);
  }
  for (const char* required : {"TITLE_NOT_HELD", "FORMER_BUT_IN_OFFICE", "CURRENT_BUT_FORMER", "ANACHRONISM",
                               "EVENT_DATE_MISMATCH", "INCONSISTENT_DESCRIPTION", "QUOTE_ALTERED",
                               "QUOTE_UNVERIFIED", "WEAK_SOURCING"})
    CHECK(ids.count(required) == 1);
}

TEST_CASE("rules: every example fires once at its span or passes, and suggestions fix", "[rules]") {
  const json& c = Catalogue();
  int fired = 0, fixed = 0;
  for (const json& r : c["rules"]) {
    const std::string id = r.at("id").get<std::string>();
    const auto default_severity = factlint::ParseSeverity(r.at("severity").get<std::string>());
    int n = 0;
    for (const json& e : r.at("examples")) {
      ++n;
      const json& kb_ref = e.at("kb");
      const std::string kb_text = kb_ref.is_string() ? factlint_test::TestKbJson(kb_ref.get<std::string>()) : kb_ref.dump();
      auto kb = factlint::LoadKb(kb_text);
      const std::string text = e.at("text").get<std::string>();
      INFO(id << " example " << n << ": " << text);
      if (!kb.ok()) FAIL("example KB does not load: " << kb.error().ToString());
      factlint::CheckOptions options;
      if (e.contains("date")) options.date = factlint::ParseIsoDate(e["date"].get<std::string>());
      const factlint::Report report = factlint::Check(*kb.value(), text, options);
      INFO("findings:\n" << Describe(report));
      std::vector<const factlint::Finding*> mine = Of(report, id);
      if (e.at("expect") != "fire") {
        CHECK(mine.empty());
        continue;
      }
      const std::string span = e.at("span").get<std::string>();
      REQUIRE(mine.size() == 1);
      const factlint::Finding& found = *mine[0];
      CHECK(found.text == span);
      ++fired;
      auto severity = e.contains("severity") ? factlint::ParseSeverity(e["severity"].get<std::string>())
                                             : default_severity;
      CHECK(found.severity == *severity);
      CHECK_FALSE(found.message.empty());
      CHECK(found.message.find('{') == std::string::npos);
      if (!e.contains("suggestion")) continue;
      REQUIRE(found.suggestion.has_value());
      CHECK(*found.suggestion == e["suggestion"].get<std::string>());
      std::string corrected = text;
      corrected.replace(found.span.start, found.span.end - found.span.start, *found.suggestion);
      const factlint::Report again = factlint::Check(*kb.value(), corrected, options);
      INFO("corrected: " << corrected << "\nfindings:\n" << Describe(again));
      CHECK(Of(again, id).empty());
      ++fixed;
    }
  }
  CHECK(fired >= 9);
  CHECK(fixed >= 3);
}

TEST_CASE("rules: docs/RULES.md describes every rule", "[rules]") {
  std::ifstream in(FACTLINT_SOURCE_DIR "/docs/RULES.md");
  REQUIRE(in.good());
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const json& r : Catalogue()["rules"]) {
    INFO(r.at("id").get<std::string>());
    CHECK(doc.find("## " + r.at("id").get<std::string>() + " (") != std::string::npos);
  }
}
