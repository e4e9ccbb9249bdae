// The compiled KB snapshot's reader (see kb_snapshot.h for the layout and the checks): a
// bounds-checked cursor that fills a new Kb and KbIndex and checks every index before anything
// follows it. No exception leaves here: a count larger than the bytes left is refused before any
// allocation it would cause.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kb_snapshot.h"
#include "kb_snapshot_format.h"
#include "kb_snapshot_reader.h"
#include "text.h"

namespace factlint {

// --- reading (the cursor, SnapshotReader, is in kb_snapshot_reader.h) -------------------------

namespace {

// Lists of indexes into a table of `range` entries, `count` lists expected: each list's length,
// then its indexes (SnapshotWriter's Csr).
IndexLists ReadCsr(SnapshotReader* r, size_t count, size_t range, const char* what) {
  const uint32_t n = r->Count(1, what);
  if (!r->ok()) return {};
  if (n != count) {
    r->Fail(std::string(what) + ": " + std::to_string(n) + " lists, expected " +
            std::to_string(count));
    return {};
  }
  const uint32_t total = r->Count(1, what);
  std::vector<uint32_t> begin(static_cast<size_t>(n) + 1, 0);
  std::vector<int32_t> items;
  items.reserve(total);
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    const uint32_t length = r->Count(1, what);
    if (r->ok() && length > total - items.size()) {
      r->Fail(std::string(what) + ": list " + std::to_string(i) + " passes the " + std::to_string(total) +
              " items of all the lists");
      break;
    }
    for (uint32_t k = 0; k < length && r->ok(); ++k)
      items.push_back(r->Index(range, false, what));
    begin[i + 1] = static_cast<uint32_t>(items.size());
  }
  if (r->ok() && items.size() != total)
    r->Fail(std::string(what) + ": the lists hold " + std::to_string(items.size()) + " items, not " +
            std::to_string(total));
  if (!r->ok()) return {};
  return IndexLists(std::move(begin), std::move(items));
}

}  // namespace

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
  // Where each pattern ends: out_ (the pattern ending at each state) before the pass, which
  // follows output links through it.
  m->out_.assign(n, -1);
  m->end_state_.resize(count);
  int32_t* const out = m->out_.data();
  for (uint32_t i = 0; i < count; ++i) {
    const size_t at = r->pos();
    const uint32_t t = r->V32("pattern end state");
    if (!r->ok()) return;
    if (t == 0 || t >= n || out[t] >= 0)
      return r->Fail("pattern " + std::to_string(i) + " ends at state " + std::to_string(t) +
                     ", not a distinct state other than the root (byte " + std::to_string(at) + ")");
    out[t] = static_cast<int32_t>(i);
    m->end_state_[i] = t;
  }
  // One pass in state order, reading each state's failure link. A state's depth is known once its
  // parent (numbered before it) is done; depths never decrease with the state's number (the child
  // counts above make the numbering breadth first), so "an earlier, shallower state" is a state
  // before the first one of s's depth, and the pass reads no depth but s's own. Its output link is
  // its failure state's first output (a state with a pattern, or that state's output link), its
  // first output its own pattern's state or that: the only table the pass reads out of order.
  // Depths (and in their top bit whether the state's first byte is a word byte) are written ahead
  // into out_link_'s array, each read at its state before the state's output link replaces it: no
  // large temporary, whose free can make glibc give the heap top back and the next load fault it
  // in again.
  constexpr uint32_t kWordFirst = 0x80000000u, kDepth = 0x7FFFFFFFu;
  m->first_out_.resize(n);
  m->out_link_.resize(n);
  m->fail_.resize(n);
  m->info_.resize(count);
  auto* const depth = reinterpret_cast<uint32_t*>(m->out_link_.data());
  int32_t* const out_link = m->out_link_.data();
  int32_t* const first_out = m->first_out_.data();
  int32_t* const fail_out = m->fail_.data();
  PhraseMatcher::PatternInfo* const info = m->info_.data();
  const auto* q = reinterpret_cast<const uint8_t*>(links.data());
  const auto* ebytes = reinterpret_cast<const unsigned char*>(edge_bytes.data());
  const uint32_t* const edge_at = eb.data();
  fail_out[0] = 0;
  first_out[0] = -1;  // the root ends no pattern (refused above)
  // The root's children: depth 1, their first byte their edge's.
  for (uint32_t e = 0; e < edge_at[1]; ++e) {
    if (e > 0 && ebytes[e] <= ebytes[e - 1]) return FailEdgeOrder(r, 0, edges_at + e);
    depth[e + 1] = 1 | (IsWordByte(ebytes[e]) ? kWordFirst : 0);
  }
  out_link[0] = -1;
  // One loop per link width, so the loop holds no test of it. The tables are captured by value (a
  // capture by reference made the loop load each pointer again after every store). The one read
  // out of order, first_out[f], is prefetched kAhead states ahead (its link is in the file already):
  // the bundled KB's 270,000 of them missed the cache on most states (wasm has no prefetch: there
  // it compiles to nothing).
  auto pass = [r, n, q, depth, out_link, first_out, fail_out, info, ebytes, edge_at, out, edges_at, fail_at](
                  auto width_constant) mutable -> bool {
    constexpr uint32_t kWidth = decltype(width_constant)::value;
    constexpr uint32_t kAhead = 16;
    auto link_at = [](const uint8_t* at) {
      uint32_t f = at[0];
      if constexpr (kWidth >= 2) f |= uint32_t{at[1]} << 8;
      if constexpr (kWidth >= 3) f |= uint32_t{at[2]} << 16;
      if constexpr (kWidth >= 4) f |= uint32_t{at[3]} << 24;
      return f;
    };
    uint32_t level = 1, level_start = 1;  // s's depth and the first state of that depth
    for (uint32_t s = 1; s < n; ++s) {
      const uint32_t f = link_at(q);
      // A link ahead may be past the states (refused when its state is reached): the root's entry
      // is prefetched instead, so no address past the table is formed.
      if (s + kAhead < n) {
        const uint32_t ahead = link_at(q + kAhead * kWidth);
        __builtin_prefetch(first_out + (ahead < n ? ahead : 0));
      }
      q += kWidth;
      const uint32_t ds = depth[s];
      if ((ds & kDepth) != level) level = ds & kDepth, level_start = s;
      if (f >= level_start) [[unlikely]] {
        FailLink(r, f, s, fail_at + static_cast<size_t>(s - 1) * kWidth);
        return false;
      }
      fail_out[s] = static_cast<int32_t>(f);
      const int32_t link = first_out[f];
      out_link[s] = link;
      const int32_t id = out[s];
      first_out[s] = id >= 0 ? static_cast<int32_t>(s) : link;
      if (id >= 0) info[id] = PhraseMatcher::PatternInfo{ds & kDepth, (ds & kWordFirst) != 0, IsWordByte(ebytes[s - 1])};
      const uint32_t begin_e = edge_at[s], end_e = edge_at[s + 1];
      if (begin_e == end_e) continue;
      const uint32_t d = ds + 1;  // the flag bit kept: depths stay below 2^31 - 1 (n does)
      depth[begin_e + 1] = d;
      for (uint32_t e = begin_e + 1; e < end_e; ++e) {
        if (ebytes[e] <= ebytes[e - 1]) [[unlikely]] {
          FailEdgeOrder(r, s, edges_at + e);
          return false;
        }
        depth[e + 1] = d;
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

namespace {

Error SnapshotError(std::string message) {
  Error e;
  e.code = ErrorCode::kKbSnapshot;
  e.message = "KB snapshot: " + std::move(message);
  return e;
}

// One function per section (see SnapshotReader on why they stay apart).
[[gnu::noinline]] void ReadSources(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kSources)) {
    const uint32_t n = r.Count(4, "sources");
    kb->sources.resize(n);
    for (KbSource& s : kb->sources) {
      if (!r.ok()) break;
      s.id = r.Str("source id"), s.name = r.Str("source name"), s.url = r.Str("source url"),
      s.license = r.Str("source license");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadPeople(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kPeople)) {
    const uint32_t n = r.Count(10, "people");
    kb->people.resize(n);
    for (KbPerson& p : kb->people) {
      if (!r.ok()) break;
      p.id = r.Str("person id"), p.name = r.Str("person name");
      p.aliases = r.Strs("person aliases");
      p.shorts = r.Strs("person short forms");
      p.born = r.OptDate("person born");
      p.born_precision = r.Enum<EventPrecision>(kMaxPrecision, "born precision");
      p.died = r.OptDate("person died");
      p.died_precision = r.Enum<EventPrecision>(kMaxPrecision, "died precision");
      p.source = r.Index(kb->sources.size(), true, "person source");
      p.ref = r.Str("person ref");
      p.died_source = r.Index(kb->sources.size(), true, "person died source");
      p.died_ref = r.Str("person died ref");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadOffices(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kOffices)) {
    const uint32_t n = r.Count(6, "offices");
    kb->offices.resize(n);
    for (KbOffice& o : kb->offices) {
      if (!r.ok()) break;
      o.id = r.Str("office id"), o.name = r.Str("office name");
      o.titles = r.Strs("office titles");
      o.jurisdiction = r.Strs("office jurisdiction");
      o.single_holder = r.Bool("office single_holder");
      o.role = r.Enum<OfficeRole>(kMaxRole, "office role");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadTerms(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kTerms)) {
    const uint32_t n = r.Count(12, "terms");
    kb->terms.resize(n);
    for (KbTerm& t : kb->terms) {
      if (!r.ok()) break;
      t.person = r.Index(kb->people.size(), false, "term person");
      t.office = r.Index(kb->offices.size(), false, "term office");
      t.start = Date{r.S32("term start")};
      t.end = r.OptDate("term end");
      t.seen_until = r.OptDate("term seen_until");
      t.acting = r.Bool("term acting");
      t.source = r.Index(kb->sources.size(), false, "term source");
      t.ref = r.Str("term ref"), t.party = r.Str("term party"), t.state = r.Str("term state");
      t.district = r.OptI32("term district");
      t.ordinal = r.OptI32("term ordinal");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadEvents(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kEvents)) {
    const uint32_t n = r.Count(13, "events");
    kb->events.resize(n);
    for (KbEvent& e : kb->events) {
      if (!r.ok()) break;
      e.id = r.Str("event id"), e.name = r.Str("event name"), e.kind = r.Str("event kind"),
      e.place = r.Str("event place");
      e.date = Date{r.S32("event date")};
      e.end = r.OptDate("event end");
      e.precision = r.Enum<EventPrecision>(kMaxPrecision, "event precision");
      const uint32_t parts = r.Count(1, "event participants");
      e.participants.reserve(parts);  // at most the bytes left (Count)
      for (uint32_t i = 0; i < parts && r.ok(); ++i)
        e.participants.push_back(r.Index(kb->people.size(), false, "event participant"));
      e.winner = r.OptI32("event winner");
      if (e.winner && (*e.winner < 0 || static_cast<size_t>(*e.winner) >= kb->people.size()))
        r.Fail("event winner " + std::to_string(*e.winner) + " is out of range");
      e.triggers = r.Strs("event triggers");
      const uint32_t others = r.Count(3, "event other dates");
      e.other_dates.reserve(others);
      for (uint32_t i = 0; i < others && r.ok(); ++i) {
        KbOtherDate d;
        d.date = Date{r.S32("other date")};
        d.what = r.Str("other date what");
        d.source = r.Index(kb->sources.size(), true, "other date source");
        e.other_dates.push_back(std::move(d));
      }
      e.source = r.Index(kb->sources.size(), false, "event source");
      e.ref = r.Str("event ref");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadQuotes(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kQuotes)) {
    const uint32_t n = r.Count(6, "quotes");
    kb->quotes.resize(n);
    for (KbQuote& q : kb->quotes) {
      if (!r.ok()) break;
      q.speaker = r.Index(kb->people.size(), false, "quote speaker");
      q.date = Date{r.S32("quote date")};
      q.text = r.Str("quote text"), q.ref = r.Str("quote ref"), q.context = r.Str("quote context");
      q.source = r.Index(kb->sources.size(), false, "quote source");
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadLexicon(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kLexicon)) {
    kb->lexicon.hedges = r.Strs("lexicon hedges");
    kb->lexicon.anonymous = r.Strs("lexicon anonymous");
    kb->lexicon.prospective = r.Strs("lexicon prospective");
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadLookups(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kLookups)) {
    kb->terms_by_person = ReadCsr(&r, kb->people.size(), kb->terms.size(), "terms by person");
    kb->terms_by_office = ReadCsr(&r, kb->offices.size(), kb->terms.size(), "terms by office");
    kb->quotes_by_speaker = ReadCsr(&r, kb->people.size(), kb->quotes.size(), "quotes by speaker");
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadMatcher(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kMatcher)) {
    SnapshotCodec::ReadMatcher(&r, &index->matcher);
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadRefs(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kRefs)) {
    const uint32_t n = r.Count(1, "pattern refs");
    if (r.ok() && n != index->matcher.pattern_count())
      r.Fail("refs for " + std::to_string(n) + " patterns, the matcher has " +
             std::to_string(index->matcher.pattern_count()));
    const uint32_t total = r.Count(2, "pattern refs in all");
    std::vector<uint32_t> begin(r.ok() ? static_cast<size_t>(n) + 1 : 1, 0);
    std::vector<PhraseRef> list;
    list.reserve(total);
    std::vector<uint16_t> kinds(begin.size() - 1, 0);  // KbIndex::kinds
    // The range of each kind's ids (0: the kind names nothing, its id must be -1).
    size_t ranges[kMaxKind + 1];
    for (uint32_t k = 0; k <= kMaxKind; ++k) {
      switch (static_cast<PhraseKind>(k)) {
        case PhraseKind::kPersonFull:
        case PhraseKind::kPersonShort:
          ranges[k] = kb->people.size();
          break;
        case PhraseKind::kTitle:
        case PhraseKind::kJurisdiction:
          ranges[k] = kb->offices.size();
          break;
        case PhraseKind::kTrigger:
        case PhraseKind::kYearBase:
          ranges[k] = kb->events.size();
          break;
        default:
          ranges[k] = 0;
          break;
      }
    }
    // First a loop over the raw bytes for the common file: it takes patterns while every count,
    // kind and id in them is valid and short, and stops before the first pattern with any doubt,
    // which the reader's loop below then reads again, one field at a time, for the message.
    uint32_t pattern = 0;
    if (r.ok()) {
      const uint8_t* p = r.here();
      const uint8_t* const end = r.limit();
      for (; pattern < n; ++pattern) {
        const uint8_t* q = p;
        uint32_t refs;
        if (!FastV32(q, end, &refs) || uint64_t{refs} * 2 > static_cast<uint64_t>(end - q) ||
            refs > total - list.size())
          break;
        const size_t before = list.size();
        uint16_t pattern_kinds = 0;
        uint32_t k = 0;
        for (; k < refs; ++k) {
          if (q == end || *q > kMaxKind) break;
          const uint32_t kind = *q++;
          uint32_t v;
          if (!FastV32(q, end, &v)) break;
          const int32_t id = static_cast<int32_t>(v - 1);
          const size_t range = ranges[kind];
          if (!(range == 0 ? id == -1 : id >= 0 && static_cast<size_t>(id) < range)) break;
          list.push_back(PhraseRef{static_cast<PhraseKind>(kind), id});
          pattern_kinds |= static_cast<uint16_t>(1u << kind);
        }
        if (k < refs) {
          list.resize(before);
          break;
        }
        kinds[pattern] = pattern_kinds;
        begin[pattern + 1] = static_cast<uint32_t>(list.size());
        p = q;
      }
      r.Advance(p);
    }
    for (; pattern < n && r.ok(); ++pattern) {
      const uint32_t refs = r.Count(2, "pattern refs of a pattern");
      if (r.ok() && refs > total - list.size()) {
        r.Fail("the refs of pattern " + std::to_string(pattern) + " pass the " + std::to_string(total) +
               " refs of all the patterns");
        break;
      }
      for (uint32_t k = 0; k < refs && r.ok(); ++k) {
        const PhraseKind kind = r.Enum<PhraseKind>(kMaxKind, "pattern ref kind");
        const size_t range = ranges[static_cast<uint8_t>(kind)];
        const size_t at = r.pos();
        const int32_t id = static_cast<int32_t>(r.V32("pattern ref id") - 1);
        if (r.ok() && !(range == 0 ? id == -1 : id >= 0 && static_cast<size_t>(id) < range))
          r.Fail("pattern " + std::to_string(pattern) + " names " + std::to_string(id) +
                 ", out of range for its kind (byte " + std::to_string(at) + ")");
        list.push_back(PhraseRef{kind, id});
        kinds[pattern] |= static_cast<uint16_t>(1u << static_cast<unsigned>(kind));
      }
      begin[pattern + 1] = static_cast<uint32_t>(list.size());
    }
    if (r.ok() && list.size() != total)
      r.Fail("the patterns have " + std::to_string(list.size()) + " refs, not " + std::to_string(total));
    if (r.ok()) {
      index->refs = PhraseRefs(std::move(begin), std::move(list));
      index->kinds = std::move(kinds);
    }
    index->earliest = r.OptDate("earliest date");
    r.Close(file_end);
  }
}

}  // namespace

// The section readers in file order, called through this table: binaryen (the wasm optimiser of
// the Emscripten link) inlines a function with one caller whatever its size and whatever noinline
// says, which made them one 27 KB function again. Not const and not static, so no optimiser can
// turn these calls back into direct ones.
using SectionReader = void (*)(SnapshotReader&, Kb*, KbIndex*, size_t);
extern SectionReader kSnapshotSectionReaders[10];
SectionReader kSnapshotSectionReaders[10] = {ReadSources, ReadPeople,  ReadOffices, ReadTerms,
                                             ReadEvents,  ReadQuotes,  ReadLexicon, ReadLookups,
                                             ReadMatcher, ReadRefs};

namespace {

// The header's fields after the magic (kb_snapshot.h), in their order.
struct SnapshotHeader {
  uint32_t version = 0, layout = 0;
  uint64_t core = 0, source_hash = 0, body_size = 0, body_hash = 0;
};

// Reads the header; false (and the reader's error, if any) when the magic is not there.
bool ReadHeader(SnapshotReader& r, SnapshotHeader* h) {
  char magic[8];
  r.Raw(magic, 8, "magic");
  if (!r.ok() || std::memcmp(magic, kKbSnapshotMagic, 8) != 0) return false;
  h->version = r.U32("format version");
  h->layout = r.U32("layout");
  h->core = r.U64("core fingerprint");
  h->source_hash = r.U64("source hash");
  h->body_size = r.U64("body size");
  h->body_hash = r.U64("body hash");
  return true;
}

// owner: the KbStrings that holds `bytes` (LoadKbSnapshotOwned), whose pool the Kb then views in
// place; null: the Kb copies the pool.
Result<KbHandle> Read(std::string_view bytes, bool check_hash, std::shared_ptr<KbStrings> owner) {
  SnapshotReader r(bytes);
  SnapshotHeader header;
  if (!ReadHeader(r, &header))
    return SnapshotError("not a factlint KB snapshot (it does not start with \"FLKBSNAP\")");
  if (!r.ok()) return SnapshotError(r.error());
  if (header.version != kKbSnapshotVersion)
    return SnapshotError("format version " + std::to_string(header.version) +
                         ", this core reads version " + std::to_string(kKbSnapshotVersion) +
                         "; compile the KB again (factlint kb-compile)");
  if (header.layout != kLayout || header.core != CoreFingerprint())
    return SnapshotError(std::string("compiled by a core with another ") +
                         (header.layout != kLayout ? "KB layout" : "built-in lexicon") +
                         "; compile the KB again with this one (factlint kb-compile)");
  if (header.body_size != bytes.size() - kKbSnapshotHeaderSize)
    return SnapshotError(
        "the header gives a body of " + std::to_string(header.body_size) + " bytes, the file has " +
        std::to_string(bytes.size() - kKbSnapshotHeaderSize) + " (truncated or extended)");
  if (check_hash && SnapshotHash(bytes.substr(kKbSnapshotHeaderSize)) != header.body_hash)
    return SnapshotError("the body's hash does not match the header's (the file is corrupt)");

  auto kb = std::make_shared<Kb>();
  const bool owned = owner != nullptr;
  if (owned) kb->strings = std::move(owner);
  auto index = std::make_shared<KbIndex>();
  const size_t file_end = bytes.size();

  uint32_t name_ref = 0;
  if (r.Open(kMeta)) {
    kb->schema_version = r.S32("schema version");
    name_ref = r.V32("name");  // resolved after the pool
    kb->as_of = Date{r.S32("as_of")};
    r.Close(file_end);
  }
  std::vector<std::string_view> pool;
  if (r.Open(kStrings)) {
    const uint32_t count = r.Count(1, "strings");
    const size_t lengths_at = r.pos();
    uint64_t total = 0;
    for (uint32_t i = 0; i < count && r.ok(); ++i) total += r.V32("string length");
    if (r.ok()) {
      const size_t text_at = r.pos();
      const std::string_view file_text = r.Bytes(r.left(), "string bytes");
      // The Kb views the pool where it is when it holds the file (LoadKbSnapshotOwned), else it
      // keeps its own copy of the pool's bytes (one allocation) and views into that.
      std::string_view text = file_text;
      if (!owned) {
        auto copy = std::unique_ptr<char[]>(new char[file_text.size()]);
        if (!file_text.empty()) std::memcpy(copy.get(), file_text.data(), file_text.size());
        text = kb->strings->Adopt(std::move(copy), file_text.size());
      }
      if (total != text.size())
        r.Fail("the string lengths add up to " + std::to_string(total) + " bytes, the pool holds " +
               std::to_string(text.size()));
      // The lengths again (checked above), now that the text's start is known.
      pool.reserve(count);
      SnapshotReader lengths(bytes);
      lengths.Advance(lengths.here() + lengths_at);
      lengths.SetEnd(text_at);
      size_t at = 0;
      for (uint32_t i = 0; i < count && r.ok(); ++i) {
        const uint32_t length = lengths.V32("string length");
        pool.push_back(text.substr(at, length));
        at += length;
      }
    }
    r.Close(file_end);
  }
  r.pool = &pool;
  if (r.ok()) {
    if (name_ref >= pool.size())
      r.Fail("the KB's name is string " + std::to_string(name_ref) + ", not in the pool");
    else
      kb->name = pool[name_ref];
  }

  for (SectionReader read : kSnapshotSectionReaders) read(r, kb.get(), index.get(), file_end);
  if (r.ok() && r.left() != 0) r.Fail(std::to_string(r.left()) + " bytes after the last section");
  if (!r.ok()) return SnapshotError(r.error());

  kb->index = std::move(index);
  return KbHandle(std::move(kb));
}

}  // namespace

bool KbSnapshotCompiledFrom(std::string_view snapshot, std::string_view json_text) {
  SnapshotReader r(snapshot);
  SnapshotHeader header;
  return ReadHeader(r, &header) && r.ok() && header.source_hash == SnapshotHash(json_text);
}

Result<KbHandle> LoadKbSnapshot(std::string_view bytes) { return Read(bytes, /*check_hash=*/true, nullptr); }
Result<KbHandle> LoadKbSnapshotUnhashed(std::string_view bytes) {
  return Read(bytes, /*check_hash=*/false, nullptr);
}
Result<KbHandle> LoadKbSnapshotOwned(std::unique_ptr<char[]> bytes, size_t size) {
  auto strings = std::make_shared<KbStrings>();
  const std::string_view held = strings->Adopt(std::move(bytes), size);
  return Read(held, /*check_hash=*/true, std::move(strings));
}

}  // namespace factlint
