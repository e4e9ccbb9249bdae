// The small test KBs of the unit tests ("basic": real office holders, a few events and quotes),
// loaded once. Shared by the stage tests (sentences, mentions, timeline, checks, kb_query).

#ifndef FACTLINT_TESTS_UNIT_TEST_KBS_H_
#define FACTLINT_TESTS_UNIT_TEST_KBS_H_

#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace factlint_test {

inline std::string TestKbJson(const std::string& name) {
  auto j = nlohmann::json::parse(factlint::RuleCatalogJson());
  return j.at("test_kbs").at(name).dump();
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
