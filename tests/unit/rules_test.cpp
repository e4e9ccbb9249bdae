// The generic test of the rule catalogue (core/rules/rules.json): every rule is well formed and
// every one of its examples behaves as written — a `fire` example gives a finding of that rule on
// exactly the marked span (with the suggestion and severity when the example names them), a
// `pass` example gives none of that rule. Each example carries its own KB (inline, or a name in
// tests/fixtures/rules/test_kbs.json), so the examples do not depend on the bundled KB.

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

}  // namespace

TEST_CASE("rules: the catalogue is well formed", "[rules]") {
  const json& c = Catalogue();
  REQUIRE(c.is_object());
  REQUIRE(c["rules"].is_array());
  std::set<std::string> ids;
  for (const json& r : c["rules"]) {
    for (auto it = r.begin(); it != r.end(); ++it) {
      INFO("rule key " << it.key());
      CHECK((it.key() == "id" || it.key() == "kind" || it.key() == "params" || it.key() == "severity" ||
             it.key() == "message" || it.key() == "description" || it.key() == "examples" || it.key() == "link" ||
             it.key() == "enabled"));
    }
    std::string id = r.at("id").get<std::string>();
    INFO(id);
    CHECK(ids.insert(id).second);
    for (char ch : id) CHECK(((ch >= 'A' && ch <= 'Z') || ch == '_'));
    CHECK(factlint::ParseSeverity(r.at("severity").get<std::string>()).has_value());
    CHECK_FALSE(r.at("message").get<std::string>().empty());
    CHECK_FALSE(r.at("description").get<std::string>().empty());
    int fires = 0, passes = 0;
    for (const json& e : r.at("examples")) {
      std::string expect = e.at("expect").get<std::string>();
      CHECK((expect == "fire" || expect == "pass"));
      (expect == "fire" ? fires : passes) += 1;
    }
    CHECK(fires >= 1);
    CHECK(passes >= 1);
  }
  for (const char* required : {"TITLE_NOT_HELD", "FORMER_BUT_IN_OFFICE", "CURRENT_BUT_FORMER", "ANACHRONISM",
                               "EVENT_DATE_MISMATCH", "INCONSISTENT_DESCRIPTION", "QUOTE_ALTERED",
                               "QUOTE_UNVERIFIED", "WEAK_SOURCING"})
    CHECK(ids.count(required) == 1);
}

TEST_CASE("rules: every example fires or passes as written", "[rules]") {
  const json& c = Catalogue();
  for (const json& r : c["rules"]) {
    const std::string id = r.at("id").get<std::string>();
    const auto default_severity = factlint::ParseSeverity(r.at("severity").get<std::string>());
    int n = 0;
    for (const json& e : r.at("examples")) {
      ++n;
      const json& kb_ref = e.at("kb");
      auto kb = factlint::LoadKb(kb_ref.is_string() ? factlint_test::TestKbJson(kb_ref.get<std::string>()) : kb_ref.dump());
      INFO(id << " example " << n << ": " << e.at("text").get<std::string>());
      if (!kb.ok()) FAIL("example KB does not load: " << kb.error().ToString());
      factlint::CheckOptions options;
      if (e.contains("date")) options.date = factlint::ParseIsoDate(e["date"].get<std::string>());
      const factlint::Report report = factlint::Check(*kb.value(), e.at("text").get<std::string>(), options);
      INFO("findings:\n" << Describe(report));
      const bool fire = e.at("expect") == "fire";
      if (fire) {
        const std::string span = e.at("span").get<std::string>();
        const factlint::Finding* found = nullptr;
        for (const auto& f : report.findings)
          if (f.rule == id && f.text == span) found = &f;
        REQUIRE(found != nullptr);
        if (e.contains("suggestion")) {
          REQUIRE(found->suggestion.has_value());
          CHECK(*found->suggestion == e["suggestion"].get<std::string>());
        }
        auto severity = e.contains("severity") ? factlint::ParseSeverity(e["severity"].get<std::string>())
                                               : default_severity;
        CHECK(found->severity == *severity);
        CHECK_FALSE(found->message.empty());
        CHECK(found->message.find('{') == std::string::npos);
      } else {
        for (const auto& f : report.findings) CHECK(f.rule != id);
      }
    }
  }
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
