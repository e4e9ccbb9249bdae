// The compiled KB snapshot: writer and reader (see kb_snapshot.h for the layout and the checks).
// The writer walks a Kb and its KbIndex; the reader is a bounds-checked cursor that fills a new
// Kb and KbIndex and checks every index before anything follows it. No exception leaves here: a
// count larger than the bytes left is refused before any allocation it would cause.

#include "kb_snapshot.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kb_index.h"
#include "kb_snapshot_format.h"
#include "lexicon.h"
#include "matcher.h"
#include "text.h"

namespace factlint {

uint64_t CoreFingerprint() {
  static const uint64_t fp = [] {
    std::string all;
    for (const std::string& s : BuiltinProspectivePhrases()) all += s + '\n';
    return SnapshotHash(all);
  }();
  return fp;
}

// --- writing ---------------------------------------------------------------------------------

class SnapshotWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  // Unsigned LEB128: 7 bits a byte, low first, the high bit set on every byte but the last.
  void V32(uint32_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  // A signed value, zigzag coded (0, -1, 1, -2, ... as 0, 1, 2, 3, ...) in a varint.
  void S32(int32_t v) { V32((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31)); }
  void Count(size_t n) { V32(static_cast<uint32_t>(n)); }
  // An index into a table, or -1 (none): v + 1 in a varint.
  void Index(int32_t v) { V32(static_cast<uint32_t>(v) + 1); }
  void OptI32(const std::optional<int>& v) {
    U8(v ? 1 : 0);
    if (v) S32(*v);
  }
  void OptDate(const std::optional<Date>& v) {
    OptI32(v ? std::optional<int>(v->days) : std::nullopt);
  }
  void Indexes(std::span<const int32_t> v) {
    Count(v.size());
    for (const int32_t i : v) Index(i);
  }
  void Begin(SnapshotTag tag) {
    U32(tag);
    U32(0);
    size_at_ = out_.size();
    U64(0);
  }
  void End() {
    const uint64_t size = out_.size() - size_at_ - 8;
    std::memcpy(&out_[size_at_], &size, 8);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
  size_t size_at_ = 0;
};

namespace {

using Writer = SnapshotWriter;

class StringPool {
 public:
  // s must outlive the pool (a view into the Kb being written).
  uint32_t Ref(std::string_view s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<uint32_t>(list_.size()));
    if (inserted) list_.push_back(s);
    return it->second;
  }
  void Write(Writer* w) const {
    w->Count(list_.size());
    for (const std::string_view s : list_) w->V32(static_cast<uint32_t>(s.size()));
    for (const std::string_view s : list_) w->Raw(s.data(), s.size());
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::vector<std::string_view> list_;
};

void Strs(StrList v, StringPool* pool, Writer* w) {
  w->Count(v.size());
  for (const std::string_view s : v) w->V32(pool->Ref(s));
}

// Lists of indexes: the count of lists, the count of all their items, then each list's length and
// its indexes.
void Csr(const IndexLists& lists, Writer* w) {
  w->Count(lists.size());
  w->Count(lists.items().size());
  for (size_t i = 0; i < lists.size(); ++i) {
    w->Count(lists[i].size());
    for (const int v : lists[i]) w->Index(v);
  }
}

}  // namespace

void SnapshotCodec::WriteMatcher(const PhraseMatcher& m, Writer* w) {
  const size_t n = m.edge_begin_.empty() ? 0 : m.edge_begin_.size() - 1;  // states
  w->Count(m.pattern_count());
  w->Count(n);
  for (size_t s = 0; s < n; ++s) {  // child counts: one byte, 255 and a varint for 255 or more
    const uint32_t children = m.edge_begin_[s + 1] - m.edge_begin_[s];
    w->U8(static_cast<uint8_t>(std::min<uint32_t>(children, 255)));
    if (children >= 255) w->V32(children - 255);
  }
  w->Raw(m.edge_byte_.data(), m.edge_byte_.size());
  // Failure links of the states but the root in the fewest bytes that hold n - 1.
  const uint32_t width = n <= 0x100u ? 1 : n <= 0x10000u ? 2 : n <= 0x1000000u ? 3 : 4;
  w->U8(static_cast<uint8_t>(width));
  for (size_t s = 1; s < n; ++s) w->Raw(&m.fail_[s], width);  // little-endian: the low bytes
  for (const uint32_t t : m.end_state_) w->V32(t);  // where each pattern ends
}

std::string WriteKbSnapshot(const Kb& kb, std::string_view json_text) {
  const std::shared_ptr<const KbIndex> index = GetKbIndex(kb);
  StringPool pool;
  Writer body;  // every section but the strings, which are known only at the end
  auto str = [&](std::string_view s) { body.V32(pool.Ref(s)); };

  Writer meta;
  meta.Begin(kMeta);
  meta.S32(kb.schema_version);
  meta.V32(pool.Ref(kb.name));
  meta.S32(kb.as_of.days);
  meta.End();

  body.Begin(kSources);
  body.Count(kb.sources.size());
  for (const KbSource& s : kb.sources) str(s.id), str(s.name), str(s.url), str(s.license);
  body.End();

  body.Begin(kPeople);
  body.Count(kb.people.size());
  for (const KbPerson& p : kb.people) {
    str(p.id), str(p.name);
    Strs(p.aliases, &pool, &body);
    Strs(p.shorts, &pool, &body);
    body.OptDate(p.born);
    body.U8(static_cast<uint8_t>(p.born_precision));
    body.OptDate(p.died);
    body.U8(static_cast<uint8_t>(p.died_precision));
    body.Index(p.source);
    str(p.ref);
    body.Index(p.died_source);
    str(p.died_ref);
  }
  body.End();

  body.Begin(kOffices);
  body.Count(kb.offices.size());
  for (const KbOffice& o : kb.offices) {
    str(o.id), str(o.name);
    Strs(o.titles, &pool, &body);
    Strs(o.jurisdiction, &pool, &body);
    body.U8(o.single_holder ? 1 : 0);
    body.U8(static_cast<uint8_t>(o.role));
    body.Count(o.vacant.size());
    for (const KbVacancy& v : o.vacant) body.S32(v.from.days), body.OptDate(v.to), body.Index(v.source), str(v.ref);
  }
  body.End();

  body.Begin(kTerms);
  body.Count(kb.terms.size());
  for (const KbTerm& t : kb.terms) {
    body.Index(t.person), body.Index(t.office), body.S32(t.start.days);
    body.OptDate(t.end);
    body.OptDate(t.seen_until);
    body.U8(t.acting ? 1 : 0);
    body.Index(t.source);
    str(std::string_view()), str(t.party), str(t.state);  // the ref: no check reads it (header)
    body.OptI32(t.district);
    body.OptI32(t.ordinal);
  }
  body.End();

  body.Begin(kEvents);
  body.Count(kb.events.size());
  for (const KbEvent& e : kb.events) {
    str(e.id), str(e.name), str(e.kind), str(e.place);
    body.S32(e.date.days);
    body.OptDate(e.end);
    body.U8(static_cast<uint8_t>(e.precision));
    body.Indexes(e.participants);
    body.OptI32(e.winner);
    Strs(e.triggers, &pool, &body);
    body.Count(e.other_dates.size());
    for (const KbOtherDate& d : e.other_dates) body.S32(d.date.days), str(d.what), body.Index(d.source);
    body.Index(e.source);
    str(std::string_view());  // the ref: no check reads it (header)
  }
  body.End();

  body.Begin(kQuotes);
  body.Count(kb.quotes.size());
  for (const KbQuote& q : kb.quotes) {
    body.Index(q.speaker), body.S32(q.date.days);
    str(q.text), str(q.ref), str(q.context);
    body.Index(q.source);
  }
  body.End();

  body.Begin(kLexicon);
  Strs(kb.lexicon.hedges, &pool, &body);
  Strs(kb.lexicon.anonymous, &pool, &body);
  Strs(kb.lexicon.prospective, &pool, &body);
  body.End();

  body.Begin(kLookups);
  Csr(kb.terms_by_person, &body);
  Csr(kb.terms_by_office, &body);
  Csr(kb.quotes_by_speaker, &body);
  body.End();

  body.Begin(kMatcher);
  SnapshotCodec::WriteMatcher(index->matcher, &body);
  body.End();

  body.Begin(kRefs);
  body.Count(index->refs.size());
  body.Count(index->refs.items().size());
  for (size_t i = 0; i < index->refs.size(); ++i) {
    body.Count(index->refs[i].size());
    for (const PhraseRef& r : index->refs[i]) body.U8(static_cast<uint8_t>(r.kind)), body.Index(r.id);
  }
  body.OptDate(index->earliest);
  body.End();

  Writer strings;
  strings.Begin(kStrings);
  pool.Write(&strings);
  strings.End();

  std::string all = std::move(meta.bytes());
  all += strings.bytes();
  all += body.bytes();

  Writer out;
  out.Raw(kKbSnapshotMagic, 8);
  out.U32(kKbSnapshotVersion);
  out.U32(kLayout);
  out.U64(CoreFingerprint());
  out.U64(SnapshotHash(json_text));
  out.U64(all.size());
  out.U64(SnapshotHash(all));
  out.bytes() += all;
  return std::move(out.bytes());
}

Result<std::string> CompileKbSnapshot(std::string_view json_text) {
  Result<KbHandle> kb = LoadKb(json_text);
  if (!kb.ok()) return kb.error();
  return WriteKbSnapshot(*kb.value(), json_text);
}

bool IsKbSnapshot(std::string_view bytes) {
  return bytes.size() >= 8 && std::memcmp(bytes.data(), kKbSnapshotMagic, 8) == 0;
}

// 64 bits over 8-byte words (the tail zero-padded), each mixed by a multiply and a rotation into
// one of four lanes in turn (word i into lane i mod 4, so the four chains of multiplies run side by
// side: one lane's chain held a load to ~5 cycles per word), the lanes folded together, then a
// final avalanche. Format version 5 (versions 1-4 used one lane).
uint64_t SnapshotHash(std::string_view bytes) {
  constexpr uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full;
  auto mix = [](uint64_t h, uint64_t w) { return std::rotl(h ^ (w * k1), 29) * k2; };
  const uint64_t seed = 0x27D4EB2F165667C5ull ^ (bytes.size() * k2);
  uint64_t h0 = seed, h1 = seed + k1, h2 = seed + k2, h3 = seed - k1;
  const char* p = bytes.data();
  const size_t n = bytes.size();
  size_t i = 0;
  // Four words read one by one: a memcpy of the 32 bytes into an array went through the stack
  // (two vector stores, four loads back: 33 instructions a block instead of 25).
  auto word = [p](size_t at) {
    uint64_t w;
    std::memcpy(&w, p + at, 8);
    return w;
  };
  for (; i + 32 <= n; i += 32) {
    h0 = mix(h0, word(i)), h1 = mix(h1, word(i + 8)), h2 = mix(h2, word(i + 16)), h3 = mix(h3, word(i + 24));
  }
  uint64_t h = mix(mix(mix(h0, h1), h2), h3);
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = mix(h, w);
  }
  if (i < n) {
    uint64_t w = 0;
    std::memcpy(&w, p + i, n - i);
    h = mix(h, w);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace factlint
