// Fuzz target: the compiled KB snapshot reader (core/src/kb_snapshot.h) on arbitrary bytes. The
// body-hash check is skipped (LoadKbSnapshotUnhashed) so mutated inputs reach the structural
// checks; a snapshot that passes them must be usable: a check with it runs to the end, and it
// writes back to a snapshot that loads (hashed) to the same bytes.
#include <cstdlib>
#include <string>
#include <string_view>

#include "factlint/factlint.h"
#include "kb.h"
#include "kb_snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto kb = factlint::LoadKbSnapshotUnhashed(bytes);
  if (!kb.ok()) {
    if (kb.error().code != factlint::ErrorCode::kKbSnapshot || kb.error().message.empty()) std::abort();
    return 0;
  }
  static const std::string text =
      "Chancellor Olaf Scholz met President Joe Biden in Washington on 3 March 2022. "
      "Former Prime Minister Boris Johnson said the summit was expected next week. \"We agreed,\" he said.";
  factlint::Report report = factlint::Check(*kb.value(), text, factlint::CheckOptions{});
  (void)factlint::ReportToJson(report);
  const std::string again = factlint::WriteKbSnapshot(*kb.value(), "");
  auto reread = factlint::LoadKbSnapshot(again);
  if (!reread.ok() || factlint::WriteKbSnapshot(*reread.value(), "") != again) std::abort();
  return 0;
}
