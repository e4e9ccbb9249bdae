// Fuzz target: the KB loader on arbitrary bytes. LoadKb and ValidateKb must agree on validity.
#include <cstdlib>
#include <string_view>

#include "factlint/factlint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto kb = factlint::LoadKb(text);
  auto errors = factlint::ValidateKb(text);
  if (kb.ok() != errors.empty()) std::abort();
  if (!kb.ok() && kb.error().message.empty()) std::abort();
  return 0;
}
