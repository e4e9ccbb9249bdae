// Fuzz target: segmentation of arbitrary bytes. Checks the span invariants the report relies on.
#include <cstdlib>
#include <string_view>

#include "factlint/factlint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t previous_end = 0;
  for (const factlint::Span& s : factlint::Segment(text)) {
    if (s.start < previous_end || s.end < s.start || s.end > size || s.end16 < s.start16) std::abort();
    previous_end = s.end;
  }
  return 0;
}
