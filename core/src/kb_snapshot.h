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
//           quotes, lexicon, lookups (terms by person/office, quotes by speaker, as CSR), matcher
//           (the built automaton, each array copied in one piece: u32 pattern count, u32 pattern
//           offsets, pattern bytes, u32 state count, u32 edge offsets per state, u8 edge bytes
//           (the trie numbered breadth first: edge e leads to state e + 1), i32 failure links,
//           i32 the state where each pattern ends; byte classes, output links, dense rows and
//           pattern info are derived from these in one pass, PhraseMatcher::Link), refs (what
//           each pattern names, CSR), then nothing. Version 1 stored the patterns' byte order and
//           rebuilt the trie on every load.
//
// Reading checks, in order, each failure an Error (kKbSnapshot) that names the check and its byte
// offset: magic, version, layout, core fingerprint, body size against the bytes, body hash
// (64-bit, multiply-rotate over words: a corruption check, not a signature), then every section's
// tag and bounds, every count against the bytes left, every string index against the pool, every
// person/office/source/event/term/quote index against its table, CSR offsets that start at 0 and
// never decrease, no empty pattern, the trie a tree (every child numbered after its parent, edge
// offsets covering the states, each state's edge bytes strictly increasing), failure links that
// lead each state to an earlier, shallower one and each pattern ending at a distinct state as deep
// as it is long (so no scan can loop or report a match longer than the text read). A snapshot that passes is checked with like a KB
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
inline constexpr uint32_t kKbSnapshotVersion = 3;  // 3: an event's other dates carry a source
inline constexpr size_t kKbSnapshotHeaderSize = 48;

// The 64-bit hash the snapshot uses for its body and for the JSON text it names.
uint64_t SnapshotHash(std::string_view bytes);

// For the fuzz target: read without the body-hash check, so random bytes reach the structural
// checks (every other check still runs).
Result<KbHandle> LoadKbSnapshotUnhashed(std::string_view bytes);

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_SNAPSHOT_H_
