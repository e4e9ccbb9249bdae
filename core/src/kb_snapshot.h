// The compiled KB snapshot: a Kb (kb.h) and its phrase index (kb_index.h) written as one compact,
// versioned binary, so a front end loads the bundled KB without parsing JSON, validating it or
// building the matcher. kb/world.json stays the source and the user-facing format; the build
// compiles it (`factlint kb-compile kb/world.json world.kbs`, a CMake step) and the page, the
// extension and the CLI (`--kb world.kbs`) read the result. The public API is in
// factlint/factlint.h (CompileKbSnapshot, WriteKbSnapshot, LoadKbSnapshot); the layout is in
// docs/PERFORMANCE.md ("The compiled KB snapshot").
//
// Layout (little-endian, fixed-width integers, no padding, platform independent: the same file
// serves the 64-bit CLI and the 32-bit wasm module):
//   header  "FLKBSNAP", u32 format version, u32 layout fingerprint (the enums' sizes), u64 core
//           fingerprint (hash of the core's built-in prospective phrases, which the index holds),
//           u64 hash of the JSON text it was compiled from, u64 body size, u64 body hash
//   body    sections, each {u32 tag, u32 0, u64 size, bytes}, in this order: meta, strings (every
//           string once, referenced by u32 index), sources, people, offices, terms, events,
//           quotes, lexicon, lookups (terms by person/office, quotes by speaker), matcher (its
//           patterns, their byte order and its failure links: the costly parts of
//           PhraseMatcher::Build; the trie, output links and dense rows are rebuilt from them in
//           one linear pass), refs (what each pattern names), then nothing.
//
// Reading checks, in order, each failure an Error (kKbSnapshot) that names the check and its byte
// offset: magic, version, layout, core fingerprint, body size against the bytes, body hash
// (64-bit, multiply-rotate over words: a corruption check, not a signature), then every section's
// tag and bounds, every count against the bytes left, every string index against the pool, every
// person/office/source/event/term/quote index against its table, CSR offsets that start at 0 and
// never decrease, the pattern order (a permutation, strictly increasing in bytes, no empty
// pattern) and failure links that lead each state to a shallower one (so no scan can loop or
// report a match longer than the text read). A snapshot that passes is checked with like a KB
// from LoadKb; the round-trip tests compare the reports byte for byte.

#ifndef FACTLINT_CORE_KB_SNAPSHOT_H_
#define FACTLINT_CORE_KB_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "factlint/factlint.h"
#include "kb.h"

namespace factlint {

inline constexpr char kKbSnapshotMagic[8] = {'F', 'L', 'K', 'B', 'S', 'N', 'A', 'P'};
inline constexpr uint32_t kKbSnapshotVersion = 2;
inline constexpr size_t kKbSnapshotHeaderSize = 48;

// The 64-bit hash the snapshot uses for its body and for the JSON text it names.
uint64_t SnapshotHash(std::string_view bytes);

// For the fuzz target: read without the body-hash check, so random bytes reach the structural
// checks (every other check still runs).
Result<KbHandle> LoadKbSnapshotUnhashed(std::string_view bytes);

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_SNAPSHOT_H_
