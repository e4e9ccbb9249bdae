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
    const uint32_t n = r.Count(7, "offices");
    kb->offices.resize(n);
    for (KbOffice& o : kb->offices) {
      if (!r.ok()) break;
      o.id = r.Str("office id"), o.name = r.Str("office name");
      o.titles = r.Strs("office titles");
      o.jurisdiction = r.Strs("office jurisdiction");
      o.single_holder = r.Bool("office single_holder");
      o.role = r.Enum<OfficeRole>(kMaxRole, "office role");
      const uint32_t stretches = r.Count(4, "office vacancies");
      const std::span<KbVacancy> vacant = kb->strings->NewArray<KbVacancy>(stretches);
      for (uint32_t i = 0; i < stretches && r.ok(); ++i) {
        KbVacancy& v = vacant[i];
        v.from = Date{r.S32("vacancy from")};
        v.to = r.OptDate("vacancy to");
        if (v.to && *v.to <= v.from) r.Fail("vacancy ends on or before its start");
        v.source = r.Index(kb->sources.size(), false, "vacancy source");
        v.ref = r.Str("vacancy ref");
      }
      o.vacant = vacant;
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
      // In arrays of the Kb's KbStrings (no allocation an event); counts at most the bytes left.
      const uint32_t parts = r.Count(1, "event participants");
      const std::span<int> participants = kb->strings->NewArray<int>(parts);
      for (uint32_t i = 0; i < parts && r.ok(); ++i)
        participants[i] = r.Index(kb->people.size(), false, "event participant");
      e.participants = participants;
      e.winner = r.OptI32("event winner");
      if (e.winner && (*e.winner < 0 || static_cast<size_t>(*e.winner) >= kb->people.size()))
        r.Fail("event winner " + std::to_string(*e.winner) + " is out of range");
      e.triggers = r.Strs("event triggers");
      const uint32_t others = r.Count(3, "event other dates");
      const std::span<KbOtherDate> other_dates = kb->strings->NewArray<KbOtherDate>(others);
      for (uint32_t i = 0; i < others && r.ok(); ++i) {
        KbOtherDate& d = other_dates[i];
        d.date = Date{r.S32("other date")};
        d.what = r.Str("other date what");
        d.source = r.Index(kb->sources.size(), true, "other date source");
      }
      e.other_dates = other_dates;
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
  // String i is text[pool_at[i], pool_at[i + 1]): 4 bytes a string while the reader needs them,
  // not a 16-byte view (the bundled KB's 104,000 strings: 0.4 MB instead of 1.7 MB).
  std::vector<uint32_t> pool_at;
  const char* pool_text = nullptr;
  if (r.Open(kStrings)) {
    const uint32_t count = r.Count(1, "strings");  // at most the bytes left, so pool_at is bounded
    // The strings' ends, in one pass over the lengths; they are used only when the lengths add up
    // to the pool's bytes and fit in 32 bits (checked below).
    pool_at.resize(static_cast<size_t>(count) + 1);
    uint32_t* const ends = pool_at.data();
    uint64_t total = 0;
    for (uint32_t i = 0; i < count && r.ok(); ++i) {
      total += r.V32("string length");
      ends[i + 1] = static_cast<uint32_t>(total);
    }
    if (r.ok()) {
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
      else if (total > 0xFFFFFFFFu)
        r.Fail("the string pool holds " + std::to_string(total) + " bytes, more than 2^32 - 1");
      pool_text = text.data();
    }
    r.Close(file_end);
  }
  r.pool_text = pool_text;
  r.pool_at = pool_at.data();
  r.pool_size = r.ok() && !pool_at.empty() ? static_cast<uint32_t>(pool_at.size() - 1) : 0;
  r.lists = kb->strings.get();
  if (r.ok()) {
    if (name_ref >= r.pool_size)
      r.Fail("the KB's name is string " + std::to_string(name_ref) + ", not in the pool");
    else
      kb->name = r.PoolString(name_ref);
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
