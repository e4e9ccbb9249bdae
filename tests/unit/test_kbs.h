// The small test KBs of the unit tests and the rule examples ("basic": real office holders, a few
// events and quotes; tests/fixtures/rules/test_kbs.json), loaded once. Shared by the stage tests (sentences, mentions, timeline, checks, kb_query).
// Also the tests' file reader.

#ifndef FACTLINT_TESTS_UNIT_TEST_KBS_H_
#define FACTLINT_TESTS_UNIT_TEST_KBS_H_

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace factlint_test {

// A file's bytes ("" when it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

// A rule catalogue of tests/fixtures/rules by its file name, as text.
inline std::string RulesFixture(const std::string& name) {
  return ReadFile(FACTLINT_SOURCE_DIR "/tests/fixtures/rules/" + name);
}

// The test KB of that name in tests/fixtures/rules/test_kbs.json (the KBs the rule examples of
// core/rules/rules.json name), as JSON text. Not embedded in any binary.
inline std::string TestKbJson(const std::string& name) {
  static const nlohmann::json kbs =
      nlohmann::json::parse(ReadFile(FACTLINT_SOURCE_DIR "/tests/fixtures/rules/test_kbs.json"));
  return kbs.at(name).dump();
}

inline const factlint::Kb& BasicKb() {
  static const factlint::KbHandle kb = [] {
    auto r = factlint::LoadKb(TestKbJson("basic"));
    if (!r.ok()) FAIL(r.error().ToString());
    return r.value();
  }();
  return *kb;
}

}  // namespace factlint_test

#endif  // FACTLINT_TESTS_UNIT_TEST_KBS_H_
