// The compiled KB snapshot: a Kb (kb.h) and its phrase index (kb_index.h) written as one compact,
// versioned binary, so a front end loads the bundled KB without parsing JSON, validating it or
// building the matcher. kb/world.json stays the source and the user-facing format; the build
// compiles it (`factlint kb-compile kb/world.json world.kbs`, a CMake step) and the page, the
// extension and the CLI (`--kb world.kbs`) read the result. The public API is in
// factlint/factlint.h (CompileKbSnapshot, WriteKbSnapshot, LoadKbSnapshot); the layout is in
// docs/PERFORMANCE.md ("The compiled KB snapshot").
//
// Layout (little-endian, no padding, platform independent: the same file serves the 64-bit CLI
// and the 32-bit wasm module):
//   header  "FLKBSNAP", u32 format version, u32 layout fingerprint (the enums' sizes), u64 core
//           fingerprint (hash of the core's built-in prospective phrases, which the index holds),
//           u64 hash of the JSON text it was compiled from, u64 body size, u64 body hash
//   body    sections, each {u32 tag, u32 0, u64 size, bytes}, in this order: meta, strings (every
//           string once: the count, each one's length, then their bytes; referenced by index),
//           sources, people, offices, terms, events, quotes, lexicon, lookups (terms by
//           person/office, quotes by speaker: the count of lists and of all their items, then each
//           list's length and its items), matcher (the
//           built automaton: pattern count, state count, each state's child count (a byte; 255
//           and a varint for 255 or more), the edge bytes (the trie numbered breadth first: a
//           state's children are consecutive and edge e leads to state e + 1), the failure link
//           of each state but the root (since version 7 the longest suffix that starts where a
//           hit may start, matcher.h; a width byte, then each link in that many bytes, the
//           fewest that hold the state count: fixed width reads faster than varints in this
//           section's 2 x 270,000 values), the state where each pattern ends; the patterns are
//           the paths to those states (never spelled on load: PhraseMatcher::pattern spells one on
//           demand); the output links and the patterns' lengths are derived in the reader's pass
//           over the failure links (it reads the end states first), the byte classes and the
//           dense rows after it),
//           refs (what each pattern names: the count of patterns and of all refs, then per
//           pattern a count, then kind and id), then nothing.
//   Elsewhere in the sections every count, length, string reference and index is an unsigned LEB128
//   varint (an index or -1 stored as index + 1), every date and other signed number a zigzag
//   varint, flags and enums one byte, an optional number a flag byte and the number when present.
//   Version 1 stored the patterns' byte order and rebuilt the trie on every load; versions 2 and 3
//   stored fixed-width words (each state's edge offset and failure link as 4 bytes) and the
//   patterns' bytes
//   (6.6 MB for the bundled KB of 2026-11-30, 3.8 MB in version 4). Version 5 has version 4's
//   sections; only the body hash changed (four lanes, below), so a version 4 file is refused by
//   its version, not as corrupt.
//   The terms' and events' `ref` texts are written empty (their place in the layout kept): no check
//   or report reads them, and they were 1.1 MB of the bundled KB's 8 MB; the people's and quotes'
//   refs, which evidence cites, are kept. A Kb read from a snapshot has empty term and event refs.
//
// Reading checks, in order, each failure an Error (kKbSnapshot) that names the check and its byte
// offset: magic, version, layout, core fingerprint, body size against the bytes, body hash
// (64-bit, multiply-rotate over 8-byte words, word i into lane i mod 4 so the four chains of
// multiplies run side by side, the lanes then folded: a corruption check, not a signature), then every section's
// tag and bounds, every varint (at most 32 bits, in its shortest form), every count against the
// bytes left (before any allocation it would cause), every string index against the pool and the
// string lengths against its bytes, every person/office/source/event/term/quote index against its
// table, the trie a tree (child counts covering the states, every child numbered after its
// parent, each state's edge bytes strictly increasing), failure links that lead each state to an
// earlier, shallower one, each pattern ending at a distinct state other than the root (so no scan
// can loop or report a match longer than the text read), the patterns' bytes at most 8 per byte of
// the file. A snapshot that passes is checked with like a KB from LoadKb; the round-trip tests
// compare the reports byte for byte.

#ifndef FACTLINT_CORE_KB_SNAPSHOT_H_
#define FACTLINT_CORE_KB_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "factlint/factlint.h"
#include "kb.h"

namespace factlint {

inline constexpr char kKbSnapshotMagic[8] = {'F', 'L', 'K', 'B', 'S', 'N', 'A', 'P'};
inline constexpr uint32_t kKbSnapshotVersion = 9;  // 4: varints, patterns by the trie; 5: 4-lane hash; 6: seen_until; 7: failure links to word starts; 8: died_source; 9: office vacancies
inline constexpr size_t kKbSnapshotHeaderSize = 48;

// The 64-bit hash the snapshot uses for its body and for the JSON text it names.
uint64_t SnapshotHash(std::string_view bytes);

// For the fuzz target: read without the body-hash check, so random bytes reach the structural
// checks (every other check still runs).
Result<KbHandle> LoadKbSnapshotUnhashed(std::string_view bytes);

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_SNAPSHOT_H_
