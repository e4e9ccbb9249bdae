// Fuzz target: the CLI's JSONL reader (one line of any bytes -> one output line, never a crash).
#include <cstdlib>
#include <string_view>

#include "factlint/factlint.h"
#include "jsonl.h"

namespace factlint {
std::string_view EmbeddedWorldKb();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const factlint::KbHandle kb = [] {
    auto loaded = factlint::LoadKb(factlint::EmbeddedWorldKb());
    if (!loaded.ok()) std::abort();
    return loaded.value();
  }();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  factlint::JsonlResult r = factlint::CheckJsonlLine(*kb, line, 1, {});
  if (r.output.empty() || r.output.find('\n') != std::string::npos) std::abort();
  return 0;
}
