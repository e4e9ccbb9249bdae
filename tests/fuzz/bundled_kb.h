// The bundled KB (kb/world.json, embedded by CMake), loaded once per fuzz process.
#ifndef FACTLINT_TESTS_FUZZ_BUNDLED_KB_H_
#define FACTLINT_TESTS_FUZZ_BUNDLED_KB_H_

#include <cstdlib>
#include <string_view>

#include "factlint/factlint.h"

namespace factlint {
std::string_view EmbeddedWorldKb();
}

inline const factlint::Kb& BundledKb() {
  static const factlint::KbHandle kb = [] {
    auto loaded = factlint::LoadKb(factlint::EmbeddedWorldKb());
    if (!loaded.ok()) std::abort();
    return loaded.value();
  }();
  return *kb;
}

#endif  // FACTLINT_TESTS_FUZZ_BUNDLED_KB_H_
