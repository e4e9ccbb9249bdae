// Fuzz target: the CLI's JSONL reader (one line of any bytes -> one output line, never a crash).
#include <cstdlib>
#include <string_view>

#include "bundled_kb.h"
#include "factlint/factlint.h"
#include "jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  factlint::JsonlResult r = factlint::CheckJsonlLine(BundledKb(), line, 1, {});
  if (r.output.empty() || r.output.find('\n') != std::string::npos) std::abort();
  return 0;
}
