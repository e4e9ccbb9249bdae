// Internal to the compiled KB snapshot: what its writer (kb_snapshot.cpp) and its reader
// (kb_snapshot_read.cpp) share — the section tags, the layout the header fingerprints, and the
// codec that alone sees the phrase matcher's tables. The format itself is described in
// kb_snapshot.h.

#ifndef FACTLINT_KB_SNAPSHOT_FORMAT_H_
#define FACTLINT_KB_SNAPSHOT_FORMAT_H_

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kb_index.h"
#include "kb_snapshot.h"
#include "lexicon.h"
#include "matcher.h"

namespace factlint {

static_assert(std::endian::native == std::endian::little,
              "the snapshot is read with memcpy of little-endian words");

enum SnapshotTag : uint32_t {
  kMeta = 1,
  kStrings,
  kSources,
  kPeople,
  kOffices,
  kTerms,
  kEvents,
  kQuotes,
  kLexicon,
  kLookups,
  kMatcher,
  kRefs,
};
inline constexpr const char* kTagNames[] = {"",        "meta",    "strings", "sources", "people",
                                            "offices", "terms",   "events",  "quotes",  "lexicon",
                                            "lookups", "matcher", "refs"};

// The enums whose numbering the snapshot stores: a core that renumbers them reads a snapshot of
// another layout, which the header's fingerprint refuses.
inline constexpr uint32_t kLayout = 0x4c000000u |
                                    (static_cast<uint32_t>(OfficeRole::kPartyLeader) << 16) |
                                    (static_cast<uint32_t>(PhraseKind::kYearBase) << 8) |
                                    static_cast<uint32_t>(EventPrecision::kYear);
inline constexpr uint8_t kMaxRole = static_cast<uint8_t>(OfficeRole::kPartyLeader);
inline constexpr uint8_t kMaxKind = static_cast<uint8_t>(PhraseKind::kYearBase);
inline constexpr uint8_t kMaxPrecision = static_cast<uint8_t>(EventPrecision::kYear);

// What the index holds besides the KB: a hash of the core's built-in prospective phrases.
uint64_t CoreFingerprint();

class SnapshotReader;
class SnapshotWriter;

// Friend of PhraseMatcher (matcher.h): the only code that sees its tables from outside.
class SnapshotCodec {
 public:
  static void WriteMatcher(const PhraseMatcher& m, SnapshotWriter* w);
  // Reads and checks the tables (see kb_snapshot.h); on a failure r holds the error.
  static void ReadMatcher(SnapshotReader* r, PhraseMatcher* m);
};

}  // namespace factlint

#endif  // FACTLINT_KB_SNAPSHOT_FORMAT_H_
