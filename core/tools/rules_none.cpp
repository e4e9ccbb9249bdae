// The generator (rules_compile.cpp) is linked from the core's objects, which name the bundled
// catalogue's tables (BundledRules in rules_compiled.cpp) before the generator has written them:
// it is linked with this empty table instead. It never checks text, so BundledRules() is never
// read there.

#include "rules_compiled.h"

namespace factlint {

const CompiledRules& BundledRuleTables() {
  static constexpr CompiledRules kEmpty{};
  return kEmpty;
}

}  // namespace factlint
