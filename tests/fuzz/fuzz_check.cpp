// Fuzz target: a whole check of arbitrary bytes against the bundled KB, and the report's JSON.
#include <cstdlib>
#include <string_view>

#include "bundled_kb.h"
#include "factlint/factlint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  factlint::Report report = factlint::Check(BundledKb(), text, {});
  for (const auto& f : report.findings) {
    if (f.span.end < f.span.start || f.span.end > size || f.sentence >= report.sentences.size()) std::abort();
  }
  if (factlint::ReportToJson(report).empty()) std::abort();
  return 0;
}
