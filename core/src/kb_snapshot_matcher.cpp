// The compiled KB snapshot's reader, its matcher part (kb_snapshot_read.cpp reads the rest): the
// phrase matcher's tables read and checked in one pass so that no scan can leave them or loop.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "kb_snapshot.h"
#include "kb_snapshot_format.h"
#include "kb_snapshot_reader.h"
#include "text.h"

namespace factlint {
namespace {

// The pass's failures, out of line: the pass is compiled once per link width, and each copy of
// these messages' string building made the wasm module larger.
[[gnu::noinline]] void FailLink(SnapshotReader* r, uint32_t f, uint32_t s, size_t at) {
  r->Fail("failure link " + std::to_string(f) + " of state " + std::to_string(s) +
          " is not an earlier, shallower state (byte " + std::to_string(at) + ")");
}
[[gnu::noinline]] void FailEdgeOrder(SnapshotReader* r, uint32_t s, size_t at) {
  r->Fail("the edge bytes of state " + std::to_string(s) + " are not strictly increasing (byte " +
          std::to_string(at) + ")");
}

// The pass's depths, from the child counts alone: breadth first, the states of depth d + 1 are the
// children of those of depth d, so the first state of depth d + 1 is edge_at[first of depth d] + 1
// (the edges of the states before it lead to the states of depth 1 to d), and no state's depth is
// stored. The same holds for the descendants of each of the root's children, which are consecutive
// at every depth in the order of the root's edges: a depth is cut into runs of states whose first
// byte is, or is not, a word byte (adjacent runs differ; empty ones dropped, so a depth has no more
// runs than states and the work stays linear), and the next depth's runs are their children.
struct Depths {
  uint32_t depth = 1;
  uint32_t start = 1;  // the first state of this depth
  uint32_t next = 1;   // the first state after the current run (begin[run + 1]; end after the last)
  uint32_t runs = 0, run = 0;
  uint32_t begin[257] = {};  // each run's first state; begin[runs]: the next depth's first state
  bool word[256] = {};       // whether the run's states start with a word byte

  // The runs of depth 1: the root's children, one a byte.
  void Root(const unsigned char* bytes, uint32_t edges) {
    for (uint32_t e = 0; e < edges; ++e)
      if (runs == 0 || word[runs - 1] != IsWordByte(bytes[e])) begin[runs] = e + 1, word[runs++] = IsWordByte(bytes[e]);
    begin[runs] = edges + 1;
    next = runs > 1 ? begin[1] : begin[runs];
  }
  // At the state `next`: the next run, or the first run of the next depth.
  [[gnu::noinline]] void Cross(const uint32_t* edge_at) {
    if (run + 1 < runs) {
      next = begin[++run + 1];
      return;
    }
    uint32_t child[257];  // the first child of each run's first state, and of the next depth's
    for (uint32_t j = 0; j <= runs; ++j) child[j] = edge_at[begin[j]] + 1;
    uint32_t kept = 0;
    for (uint32_t j = 0; j < runs; ++j) {
      if (child[j] == child[j + 1] || (kept > 0 && word[kept - 1] == word[j])) continue;
      begin[kept] = child[j];
      word[kept++] = word[j];
    }
    start = begin[runs];
    begin[kept] = child[runs];
    runs = kept;
    run = 0;
    ++depth;
    next = runs > 1 ? begin[1] : begin[runs];
  }
};

}  // namespace

// The matcher's tables, then checked so that no scan can leave them, loop or report a match
// longer than the text read: the trie a tree whose states are numbered so that every child comes
// after its parent (a state's children are the states after the edges of the states before it:
// edge e leads to state e + 1), its child counts covering the states, each state's edge bytes
// strictly increasing; every failure link to an earlier, shallower state; every pattern ending
// at a distinct state other than the root. The patterns are the paths to their end states (so
// each is as long as its state is deep), at most 8 bytes per byte of the file, and are not spelled
// (PhraseMatcher::pattern spells one on demand). The output links and first outputs are filled in
// the failure links' pass, the patterns' info from the depths it finds; the byte classes and the
// dense rows after it.
void SnapshotCodec::ReadMatcher(SnapshotReader* r, PhraseMatcher* m) {
  const uint32_t count = r->Count(1, "patterns");
  const uint32_t n = r->Count(1, "matcher states");
  if (r->ok() && n == 0) return r->Fail("the matcher has no states (not even the root)");
  if (r->ok() && n > 0x7FFFFFFFu) return r->Fail("the matcher has more than 2^31 - 1 states");
  if (!r->ok()) return;
  auto& eb = m->edge_begin_;
  eb.resize(static_cast<size_t>(n) + 1);
  eb[0] = 0;
  const size_t counts_at = r->pos();
  // The child counts: first a loop for the common file (every count one byte below 255), its
  // checks summed up; any doubt (a 255, a count past the edges, a child before its parent) reads
  // them again below, one by one, for the message.
  bool checked = false;
  if (r->ok() && r->left() >= n) {
    const uint8_t* c = r->here();
    uint64_t total = 0;
    uint32_t doubt = 0;
    uint32_t* const at = eb.data();
    // The sums first, then the checks in a loop of their own, which the compiler vectorises (one
    // loop with both took ~10 instructions a state).
    for (uint32_t s = 0; s < n; ++s) {
      total += c[s];
      at[s + 1] = static_cast<uint32_t>(total);
    }
    // 255 (a varint follows) or a state with children whose first edge (at[s]) comes before it;
    // at[s] is exact while total stays below 2^32, which the check after the loop requires.
    for (uint32_t s = 0; s < n; ++s)
      doubt |= static_cast<uint32_t>(c[s] == 255) | (static_cast<uint32_t>(c[s] != 0) & static_cast<uint32_t>(at[s] < s));
    if (doubt == 0 && total <= n - 1) {
      r->Advance(c + n);
      checked = true;
    }
  }
  if (!checked) {
    // The varints of the hot loops below are decoded here (FastV32), through the reader only when
    // they are longer or bad.
    const uint8_t* p = r->here();
    const uint8_t* const end = r->limit();
    auto next = [&](const char* what, uint32_t* v) {
      if (FastV32(p, end, v)) [[likely]]
        return true;
      r->Advance(p);
      *v = r->V32(what);
      p = r->here();
      return r->ok();
    };
    for (uint32_t s = 0; s < n; ++s) {
      uint32_t children = p < end ? *p++ : 256;  // one byte; 255: 255 plus a varint
      if (children == 256) {
        r->Advance(p);
        r->U8("matcher child count");
        return;
      }
      if (children == 255) {
        uint32_t more;
        if (!next("matcher child count", &more)) return;
        children = more > n ? n : 255 + more;  // refused below when past the edges
      }
      if (children > n - 1 - eb[s] || (children != 0 && eb[s] < s)) {
        r->Advance(p);
        if (children > n - 1 - eb[s])
          return r->Fail("the child counts of states 0 to " + std::to_string(s) + " pass the " +
                         std::to_string(n - 1) + " edges (byte " + std::to_string(counts_at) + ")");
        return r->Fail("state " + std::to_string(s) + " has a child numbered before it");
      }
      eb[s + 1] = eb[s] + children;
    }
    r->Advance(p);
  }
  if (eb[n] != n - 1)
    return r->Fail("the child counts give " + std::to_string(eb[n]) + " edges, not " +
                   std::to_string(n - 1) + " (one per state but the root)");
  const size_t edges_at = r->pos();
  const std::string_view edge_bytes = r->Bytes(n - 1, "matcher edge bytes");
  if (!r->ok()) return;
  // The failure links of the states but the root, each in `width` bytes (little-endian): the
  // fewest that hold n - 1. Read in the pass below, after the patterns' end states that follow them.
  const uint32_t width = r->U8("matcher failure link width");
  const uint32_t want = n <= 0x100u ? 1 : n <= 0x10000u ? 2 : n <= 0x1000000u ? 3 : 4;
  if (r->ok() && width != want)
    return r->Fail("failure links of " + std::to_string(width) + " bytes, not " + std::to_string(want) +
                   " (the fewest that hold " + std::to_string(n - 1) + ")");
  const size_t fail_at = r->pos();
  const std::string_view links = r->Bytes(static_cast<size_t>(n - 1) * width, "matcher failure links");
  if (!r->ok()) return;
  // Where each pattern ends: the pattern ending at each state written into fail_'s array before
  // the pass, which reads it at each state before the state's failure link replaces it.
  m->fail_.assign(n, -1);
  m->end_state_.resize(count);
  int32_t* const pattern_at = m->fail_.data();
  for (uint32_t i = 0; i < count; ++i) {
    const size_t at = r->pos();
    const uint32_t t = r->V32("pattern end state");
    if (!r->ok()) return;
    if (t == 0 || t >= n || pattern_at[t] >= 0)
      return r->Fail("pattern " + std::to_string(i) + " ends at state " + std::to_string(t) +
                     ", not a distinct state other than the root (byte " + std::to_string(at) + ")");
    pattern_at[t] = static_cast<int32_t>(i);
    m->end_state_[i] = t;
  }
  // One pass in state order, reading each state's failure link. Depths never decrease with the
  // state's number (the child counts above make the numbering breadth first), so "an earlier,
  // shallower state" is a state before the first one of s's depth (Depths, from the child counts).
  // Its first output (matcher.h: a pattern id) is its own pattern, else its failure state's first
  // output, which is also the next output after its own pattern: first_out_[f], the only entry
  // read out of order.
  m->first_out_.resize(n);
  m->next_out_.resize(count);
  m->info_.resize(count);
  int32_t* const next_out = m->next_out_.data();
  int32_t* const first_out = m->first_out_.data();
  int32_t* const fail_out = m->fail_.data();
  PhraseMatcher::PatternInfo* const info = m->info_.data();
  const auto* q = reinterpret_cast<const uint8_t*>(links.data());
  const auto* ebytes = reinterpret_cast<const unsigned char*>(edge_bytes.data());
  const uint32_t* const edge_at = eb.data();
  fail_out[0] = 0;
  first_out[0] = -1;  // the root ends no pattern (refused above)
  // The root's children: depth 1, their first byte their edge's.
  for (uint32_t e = 1; e < edge_at[1]; ++e)
    if (ebytes[e] <= ebytes[e - 1]) return FailEdgeOrder(r, 0, edges_at + e);
  Depths depths;
  depths.Root(ebytes, edge_at[1]);
  // One loop per link width, so the loop holds no test of it. The tables are captured by value (a
  // capture by reference made the loop load each pointer again after every store). The one read
  // out of order, first_out[f], is prefetched kAhead states ahead (its link is in the file already):
  // the bundled KB's 270,000 of them missed the cache on most states (wasm has no prefetch: there
  // it compiles to nothing).
  auto pass = [r, n, q, &depths, next_out, first_out, fail_out, info, ebytes, edge_at, edges_at, fail_at](
                  auto width_constant) mutable -> bool {
    constexpr uint32_t kWidth = decltype(width_constant)::value;
    constexpr uint32_t kAhead = 16;
    // A link of 3 bytes (the bundled KB's width) is read as the 4 bytes that end with its last
    // byte, shifted: one load instead of three, and in bounds, since the first link follows the
    // width byte. Little-endian (kb_snapshot_format.h asserts it).
    auto link_at = [](const uint8_t* at) {
      uint32_t f;
      if constexpr (kWidth == 3) {
        std::memcpy(&f, at - 1, 4);
        f >>= 8;
      } else if constexpr (kWidth == 4) {
        std::memcpy(&f, at, 4);
      } else {
        f = at[0];
        if constexpr (kWidth == 2) f |= uint32_t{at[1]} << 8;
      }
      return f;
    };
    const auto first_out_at = reinterpret_cast<uintptr_t>(first_out);
    uint32_t next = depths.next, level_start = 1;  // the next run's first state, s's depth's first state
    for (uint32_t s = 1; s < n; ++s) {
      const uint32_t f = link_at(q);
      // A link ahead may be past the states (refused when its state is reached): its address is
      // an integer, not a pointer past the table, and a prefetch reads nothing and never faults
      // (x86, ARM), so it needs no clamp (two compares and a move a state less).
      if (s + kAhead < n) {
        const uint32_t ahead = link_at(q + kAhead * kWidth);
        __builtin_prefetch(reinterpret_cast<const void*>(first_out_at + uintptr_t{ahead} * sizeof(int32_t)));
      }
      q += kWidth;
      if (s == next) [[unlikely]] {
        depths.Cross(edge_at);
        next = depths.next, level_start = depths.start;
      }
      if (f >= level_start) [[unlikely]] {
        FailLink(r, f, s, fail_at + static_cast<size_t>(s - 1) * kWidth);
        return false;
      }
      const int32_t id = fail_out[s];  // the pattern at s, before the link replaces it
      fail_out[s] = static_cast<int32_t>(f);
      const int32_t link = first_out[f];
      first_out[s] = id >= 0 ? id : link;
      if (id >= 0) {
        next_out[id] = link;
        info[id] = PhraseMatcher::PatternInfo{depths.depth, depths.word[depths.run], IsWordByte(ebytes[s - 1])};
      }
      for (uint32_t e = edge_at[s] + 1, end_e = edge_at[s + 1]; e < end_e; ++e) {
        if (ebytes[e] <= ebytes[e - 1]) [[unlikely]] {
          FailEdgeOrder(r, s, edges_at + e);
          return false;
        }
      }
    }
    return true;
  };
  const bool linked = width == 1   ? pass(std::integral_constant<uint32_t, 1>())
                      : width == 2 ? pass(std::integral_constant<uint32_t, 2>())
                      : width == 3 ? pass(std::integral_constant<uint32_t, 3>())
                                   : pass(std::integral_constant<uint32_t, 4>());
  if (!linked) return;
  // The patterns' bytes are bounded by the file's size times 8 (the bundled KB's are a sixth of the
  // file), so a small file cannot make pattern() spell gigabytes down a long trie.
  const uint64_t max_pattern_bytes = uint64_t{8} * r->size();
  uint64_t spelled = 0;
  for (uint32_t i = 0; i < count; ++i) {
    if (spelled + info[i].size > max_pattern_bytes)
      return r->Fail("the patterns up to pattern " + std::to_string(i) + " spell more than " +
                     std::to_string(max_pattern_bytes) + " bytes (8 per byte of the file)");
    spelled += info[i].size;
  }
  m->patterns_ = count;
  m->pattern_bytes_.clear();
  m->pattern_begin_.assign(1, 0);
  m->edge_byte_.resize(edge_bytes.size());
  if (!edge_bytes.empty()) std::memcpy(m->edge_byte_.data(), edge_bytes.data(), edge_bytes.size());
  // The byte classes and the dense rows: the first states' rows, each its failure state's (an
  // earlier state; for a link to the root, the root's row after the state's last byte:
  // PhraseMatcher::FallbackRow) with its own edges written over it.
  m->ClassifyBytes();
  m->SizeDense(PhraseMatcher::kDefaultDenseEntries);
  const uint32_t classes = m->classes_;
  int32_t* const dense = m->dense_.data();
  // Each entry written with kSlowBit when it leads to a state that reports a phrase or has no
  // dense row, else as the state's row offset (a copied entry is written already: it leads to the
  // same state).
  const uint32_t dense_states = m->dense_states_;
  for (uint32_t s = 0; s < dense_states; ++s) {
    int32_t* row = dense + static_cast<size_t>(s) * classes;
    if (s != 0) std::memcpy(row, m->FallbackRow(s), classes * sizeof(int32_t));
    for (uint32_t e = edge_at[s]; e < edge_at[s + 1]; ++e) {
      const uint32_t t = e + 1;
      const bool slow = t >= dense_states || first_out[t] >= 0;
      row[m->class_of_[ebytes[e]]] = static_cast<int32_t>(slow ? t | PhraseMatcher::kSlowBit : t * classes);
    }
    if (s == 0) m->MakeAfterWordRow();
  }
  m->Finish(/*mark_slow=*/false);
}

}  // namespace factlint
