// The compiled KB snapshot's reader (see kb_snapshot.h for the layout and the checks): a
// bounds-checked cursor that fills a new Kb and KbIndex and checks every index before anything
// follows it. No exception leaves here: a count larger than the bytes left is refused before any
// allocation it would cause.

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kb_snapshot.h"
#include "kb_snapshot_format.h"
#include "text.h"

namespace factlint {

// --- reading ---------------------------------------------------------------------------------

// A cursor over the bytes with the first failure kept: after a failure every read returns zeros
// and the caller returns at its next check of ok(). The readers of one field are kept out of line
// (noinline): inlined with their error messages at every call site they made Read one 28 KB wasm
// function, whose optimising compile (V8 tiers a function up while it runs its first, cold load)
// took ~0.4 s of a cold start on a loaded machine.
class SnapshotReader {
 public:
  explicit SnapshotReader(std::string_view bytes) : b_(bytes) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  size_t pos() const { return pos_; }
  size_t left() const { return end_ - pos_; }
  [[gnu::noinline]] void Fail(std::string what) {
    if (error_.empty())
      error_ = std::move(what) + " (byte " + std::to_string(pos_) +
               (where_.empty() ? "" : ", section " + where_) + ")";
  }
  // True when n more bytes can be read; the failure (message building) is out of line.
  bool Need(uint64_t n, const char* what) {
    if (error_.empty() && n <= static_cast<uint64_t>(end_ - pos_)) [[likely]]
      return true;
    return NeedFailed(n, what);
  }
  [[gnu::noinline]] bool NeedFailed(uint64_t n, const char* what) {
    if (!ok()) return false;
    Fail(std::string("truncated: ") + what + " needs " + std::to_string(n) + " bytes, " +
         std::to_string(left()) + " left");
    return false;
  }
  void Raw(void* out, size_t n, const char* what) {
    if (!Need(n, what)) {
      std::memset(out, 0, n);
      return;
    }
    std::memcpy(out, b_.data() + pos_, n);
    pos_ += n;
  }
  uint8_t U8(const char* what) {
    uint8_t v;
    Raw(&v, 1, what);
    return v;
  }
  uint32_t U32(const char* what) {
    uint32_t v;
    Raw(&v, 4, what);
    return v;
  }
  int32_t I32(const char* what) {
    int32_t v;
    Raw(&v, 4, what);
    return v;
  }
  uint64_t U64(const char* what) {
    uint64_t v;
    Raw(&v, 8, what);
    return v;
  }
  // A count of items of at least min_bytes each: refused when the bytes left cannot hold them.
  [[gnu::noinline]] uint32_t Count(size_t min_bytes, const char* what) {
    const uint32_t n = U32(what);
    if (ok() && static_cast<uint64_t>(n) * min_bytes > left()) {
      Fail(std::string(what) + " count " + std::to_string(n) + " does not fit in the " +
           std::to_string(left()) + " bytes left");
      return 0;
    }
    return ok() ? n : 0;
  }
  [[gnu::noinline]] bool Bool(const char* what) {
    const uint8_t v = U8(what);
    if (v > 1) Fail(std::string(what) + " is " + std::to_string(v) + ", not 0 or 1");
    return v == 1;
  }
  // An int32 array of n entries.
  void I32s(size_t n, std::vector<int32_t>* out, const char* what) {
    if (!Need(static_cast<uint64_t>(n) * 4, what)) return;
    out->resize(n);
    if (n) std::memcpy(out->data(), b_.data() + pos_, n * 4);
    pos_ += n * 4;
  }
  void U32s(size_t n, std::vector<uint32_t>* out, const char* what) {
    if (!Need(static_cast<uint64_t>(n) * 4, what)) return;
    out->resize(n);
    if (n) std::memcpy(out->data(), b_.data() + pos_, n * 4);
    pos_ += n * 4;
  }
  std::string_view Bytes(size_t n, const char* what) {
    if (!Need(n, what)) return {};
    std::string_view v = b_.substr(pos_, n);
    pos_ += n;
    return v;
  }

  // Sections: Open checks the tag and bounds and limits reads to the section; Close checks that
  // the section was read to its end.
  [[gnu::noinline]] bool Open(uint32_t tag) {
    where_.clear();
    const uint32_t got = U32("section tag");
    U32("section flags");
    const uint64_t size = U64("section size");
    if (!ok()) return false;
    if (got != tag) {
      Fail(std::string("expected section ") + kTagNames[tag] + ", found tag " +
           std::to_string(got));
      return false;
    }
    where_ = kTagNames[tag];
    if (size > left()) {
      Fail("section " + where_ + " of " + std::to_string(size) + " bytes ends past the file");
      return false;
    }
    end_ = pos_ + static_cast<size_t>(size);
    return true;
  }
  [[gnu::noinline]] void Close(size_t file_end) {
    if (ok() && pos_ != end_)
      Fail(std::to_string(end_ - pos_) + " unread bytes at the end of the section");
    end_ = file_end;
  }
  void SetEnd(size_t end) { end_ = end; }

  // Strings of the pool, by index.
  std::vector<std::string_view>* pool = nullptr;
  [[gnu::noinline]] std::string Str(const char* what) {
    const uint32_t i = U32(what);
    if (!ok()) return {};
    if (pool == nullptr || i >= pool->size()) {
      Fail(std::string(what) + ": string " + std::to_string(i) + " is not in the pool (" +
           std::to_string(pool ? pool->size() : 0) + " strings)");
      return {};
    }
    return std::string((*pool)[i]);
  }
  [[gnu::noinline]] std::vector<std::string> Strs(const char* what) {
    const uint32_t n = Count(4, what);
    std::vector<std::string> out;
    out.reserve(n);
    for (uint32_t i = 0; i < n && ok(); ++i) out.push_back(Str(what));
    return out;
  }
  // An index into a table of `size` entries (or -1 when allowed).
  [[gnu::noinline]] int32_t Index(size_t size, bool allow_none, const char* what) {
    const int32_t v = I32(what);
    if (ok() && !((allow_none && v == -1) || (v >= 0 && static_cast<size_t>(v) < size)))
      Fail(std::string(what) + " " + std::to_string(v) + " is out of range (" +
           std::to_string(size) + " entries)");
    return ok() ? v : 0;
  }
  [[gnu::noinline]] std::optional<int> OptI32(const char* what) {
    const bool has = Bool(what);
    const int32_t v = I32(what);
    return has ? std::optional<int>(v) : std::nullopt;
  }
  [[gnu::noinline]] std::optional<Date> OptDate(const char* what) {
    std::optional<int> v = OptI32(what);
    return v ? std::optional<Date>(Date{*v}) : std::nullopt;
  }
  template <typename E>
  [[gnu::noinline]] E Enum(uint8_t max, const char* what) {
    const uint8_t v = U8(what);
    if (ok() && v > max)
      Fail(std::string(what) + " " + std::to_string(v) + " is not a known value (at most " +
           std::to_string(max) + ")");
    return static_cast<E>(ok() ? v : 0);
  }

 private:
  std::string_view b_;
  size_t pos_ = 0;
  size_t end_ = b_.size();
  std::string error_;
  std::string where_;
};

namespace {

// CSR offsets: count + 1 of them, from 0, never decreasing; returns false (r failed) otherwise.
bool ReadOffsets(SnapshotReader* r, size_t count, std::vector<uint32_t>* begin, const char* what) {
  r->U32s(count + 1, begin, what);
  if (!r->ok()) return false;
  if ((*begin)[0] != 0) r->Fail(std::string(what) + ": offsets do not start at 0");
  for (size_t i = 0; i < count && r->ok(); ++i)
    if ((*begin)[i + 1] < (*begin)[i])
      r->Fail(std::string(what) + ": offsets decrease at list " + std::to_string(i));
  return r->ok();
}

// A CSR list of lists of indexes into a table of `range` entries; `count` lists expected.
IndexLists ReadCsr(SnapshotReader* r, size_t count, size_t range, const char* what) {
  const uint32_t n = r->Count(4, what);
  if (!r->ok()) return {};
  if (n != count) {
    r->Fail(std::string(what) + ": " + std::to_string(n) + " lists, expected " +
            std::to_string(count));
    return {};
  }
  std::vector<uint32_t> begin;
  if (!ReadOffsets(r, n, &begin, what)) return {};
  std::vector<int32_t> items;
  const size_t at = r->pos();
  r->I32s(begin[n], &items, what);
  for (size_t k = 0; k < items.size() && r->ok(); ++k)
    if (items[k] < 0 || static_cast<size_t>(items[k]) >= range)
      r->Fail(std::string(what) + " " + std::to_string(items[k]) + " is out of range (" +
              std::to_string(range) + " entries; item " + std::to_string(k) + " at byte " +
              std::to_string(at + 4 * k) + ")");
  if (!r->ok()) return {};
  return IndexLists(std::move(begin), std::move(items));
}

}  // namespace

// The matcher's tables, each read with one copy, then checked so that no scan can leave them,
// loop or report a match longer than the text read: patterns not empty; the trie a tree whose
// states are numbered so that every child comes after its parent (edge e leads to state e + 1),
// each state's edge bytes strictly increasing; every failure link to an earlier, shallower state;
// every pattern ending at a distinct state as deep as the pattern is long. The rest (byte classes,
// output links, dense rows, pattern info) is derived from these by PhraseMatcher::Link.
void SnapshotCodec::ReadMatcher(SnapshotReader* r, PhraseMatcher* m) {
  const uint32_t count = r->Count(4, "patterns");
  std::vector<uint32_t> begin;
  if (!ReadOffsets(r, count, &begin, "pattern offsets")) return;
  for (uint32_t i = 0; i < count; ++i)
    if (begin[i + 1] == begin[i]) return r->Fail("pattern " + std::to_string(i) + " is empty");
  const std::string_view bytes = r->Bytes(begin[count], "pattern bytes");
  const uint32_t n = r->Count(9, "matcher states");
  if (r->ok() && n == 0) return r->Fail("the matcher has no states (not even the root)");
  const size_t edges_at = r->pos();
  r->U32s(static_cast<size_t>(n) + 1, &m->edge_begin_, "matcher edge offsets");
  const std::string_view edge_bytes = r->Bytes(n - 1, "matcher edge bytes");
  const size_t fail_at = r->pos();
  r->I32s(n, &m->fail_, "matcher failure links");
  std::vector<int32_t> state_of;
  const size_t states_at = r->pos();
  r->I32s(count, &state_of, "pattern end states");
  if (!r->ok()) return;
  const std::vector<uint32_t>& eb = m->edge_begin_;
  if (eb[0] != 0 || eb[n] != n - 1)
    return r->Fail("matcher edge offsets run from " + std::to_string(eb[0]) + " to " +
                   std::to_string(eb[n]) + ", not from 0 to " + std::to_string(n - 1) +
                   " (byte " + std::to_string(edges_at) + ")");
  for (uint32_t s = 0; s < n; ++s)
    if (eb[s + 1] < eb[s])
      return r->Fail("matcher edge offsets decrease at state " + std::to_string(s) + " (byte " +
                     std::to_string(edges_at + 4 * (s + 1)) + ")");
  // One pass in state order: a state's depth is known once its parent (numbered before it) is
  // done, so its failure link can be checked there too.
  const std::vector<int32_t>& fail = m->fail_;
  if (fail[0] != 0)
    return r->Fail("failure link " + std::to_string(fail[0]) + " of state 0 is not the root (byte " +
                   std::to_string(fail_at) + ")");
  std::vector<uint32_t> depth(n, 0);
  for (uint32_t s = 0; s < n; ++s) {
    const uint32_t begin_e = eb[s], end_e = eb[s + 1];
    if (begin_e < s && begin_e != end_e)
      return r->Fail("state " + std::to_string(s) + " has a child numbered before it (byte " +
                     std::to_string(edges_at + 4 * s) + ")");
    const int32_t f = fail[s];
    if (s != 0 && (f < 0 || static_cast<uint32_t>(f) >= s || depth[static_cast<uint32_t>(f)] >= depth[s]))
      return r->Fail("failure link " + std::to_string(f) + " of state " + std::to_string(s) +
                     " is not an earlier, shallower state (byte " +
                     std::to_string(fail_at + 4 * static_cast<size_t>(s)) + ")");
    if (begin_e == end_e) continue;
    const uint32_t d = depth[s] + 1;
    depth[begin_e + 1] = d;
    for (uint32_t e = begin_e + 1; e < end_e; ++e) {
      if (static_cast<unsigned char>(edge_bytes[e]) <= static_cast<unsigned char>(edge_bytes[e - 1]))
        return r->Fail("the edge bytes of state " + std::to_string(s) +
                       " are not strictly increasing (edge " + std::to_string(e) + ")");
      depth[e + 1] = d;
    }
  }
  m->out_.assign(n, -1);
  for (uint32_t i = 0; i < count; ++i) {
    const int32_t t = state_of[i];
    if (t <= 0 || static_cast<uint32_t>(t) >= n || depth[static_cast<uint32_t>(t)] != begin[i + 1] - begin[i] ||
        m->out_[static_cast<uint32_t>(t)] >= 0)
      return r->Fail("pattern " + std::to_string(i) + " ends at state " + std::to_string(t) +
                     ", not a distinct state of its length (byte " +
                     std::to_string(states_at + 4 * static_cast<size_t>(i)) + ")");
    m->out_[static_cast<uint32_t>(t)] = static_cast<int32_t>(i);
  }
  m->pattern_bytes_.assign(bytes);
  m->pattern_begin_ = std::move(begin);
  m->edge_byte_.assign(edge_bytes.begin(), edge_bytes.end());
  m->Link(/*compute_fail=*/false, PhraseMatcher::kDefaultDenseEntries);
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
    const uint32_t n = r.Count(16, "sources");
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
    const uint32_t n = r.Count(34, "people");
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
    }
    r.Close(file_end);
  }
}

[[gnu::noinline]] void ReadOffices(SnapshotReader& r, Kb* kb, KbIndex* index, size_t file_end) {
  (void)kb, (void)index;
  if (r.Open(kOffices)) {
    const uint32_t n = r.Count(18, "offices");
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
    const uint32_t n = r.Count(44, "terms");
    kb->terms.resize(n);
    for (KbTerm& t : kb->terms) {
      if (!r.ok()) break;
      t.person = r.Index(kb->people.size(), false, "term person");
      t.office = r.Index(kb->offices.size(), false, "term office");
      t.start = Date{r.I32("term start")};
      t.end = r.OptDate("term end");
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
    const uint32_t n = r.Count(48, "events");
    kb->events.resize(n);
    for (KbEvent& e : kb->events) {
      if (!r.ok()) break;
      e.id = r.Str("event id"), e.name = r.Str("event name"), e.kind = r.Str("event kind"),
      e.place = r.Str("event place");
      e.date = Date{r.I32("event date")};
      e.end = r.OptDate("event end");
      e.precision = r.Enum<EventPrecision>(kMaxPrecision, "event precision");
      const uint32_t parts = r.Count(4, "event participants");
      for (uint32_t i = 0; i < parts && r.ok(); ++i)
        e.participants.push_back(r.Index(kb->people.size(), false, "event participant"));
      e.winner = r.OptI32("event winner");
      if (e.winner && (*e.winner < 0 || static_cast<size_t>(*e.winner) >= kb->people.size()))
        r.Fail("event winner " + std::to_string(*e.winner) + " is out of range");
      e.triggers = r.Strs("event triggers");
      const uint32_t others = r.Count(8, "event other dates");
      for (uint32_t i = 0; i < others && r.ok(); ++i) {
        KbOtherDate d;
        d.date = Date{r.I32("other date")};
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
    const uint32_t n = r.Count(24, "quotes");
    kb->quotes.resize(n);
    for (KbQuote& q : kb->quotes) {
      if (!r.ok()) break;
      q.speaker = r.Index(kb->people.size(), false, "quote speaker");
      q.date = Date{r.I32("quote date")};
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
    const uint32_t n = r.Count(4, "pattern refs");
    if (r.ok() && n != index->matcher.pattern_count())
      r.Fail("refs for " + std::to_string(n) + " patterns, the matcher has " +
             std::to_string(index->matcher.pattern_count()));
    std::vector<uint32_t> begin;
    if (r.ok() && ReadOffsets(&r, n, &begin, "pattern ref offsets") &&
        r.Need(static_cast<uint64_t>(begin[n]) * 5, "pattern refs")) {
      std::vector<PhraseRef> list(begin[n]);
      uint32_t pattern = 0;
      for (uint32_t k = 0; k < begin[n] && r.ok(); ++k) {
        while (begin[pattern + 1] <= k) ++pattern;
        const PhraseKind kind = r.Enum<PhraseKind>(kMaxKind, "pattern ref kind");
        const int32_t id = r.I32("pattern ref id");
        size_t range = 0;
        switch (kind) {
          case PhraseKind::kPersonFull:
          case PhraseKind::kPersonShort:
            range = kb->people.size();
            break;
          case PhraseKind::kTitle:
          case PhraseKind::kJurisdiction:
            range = kb->offices.size();
            break;
          case PhraseKind::kTrigger:
            range = kb->events.size();
            break;
          default:
            range = 0;
            break;
        }
        if (r.ok() && !(range == 0 ? id == -1 : id >= 0 && static_cast<size_t>(id) < range))
          r.Fail("pattern " + std::to_string(pattern) + " names " + std::to_string(id) +
                 ", out of range for its kind");
        list[k] = PhraseRef{kind, id};
      }
      if (r.ok()) index->refs = PhraseRefs(std::move(begin), std::move(list));
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

Result<KbHandle> Read(std::string_view bytes, bool check_hash) {
  SnapshotReader r(bytes);
  char magic[8];
  r.Raw(magic, 8, "magic");
  if (!r.ok() || std::memcmp(magic, kKbSnapshotMagic, 8) != 0)
    return SnapshotError("not a factlint KB snapshot (it does not start with \"FLKBSNAP\")");
  const uint32_t version = r.U32("format version");
  const uint32_t layout = r.U32("layout");
  const uint64_t core = r.U64("core fingerprint");
  r.U64("source hash");
  const uint64_t body_size = r.U64("body size");
  const uint64_t body_hash = r.U64("body hash");
  if (!r.ok()) return SnapshotError(r.error());
  if (version != kKbSnapshotVersion)
    return SnapshotError("format version " + std::to_string(version) +
                         ", this core reads version " + std::to_string(kKbSnapshotVersion) +
                         "; compile the KB again (factlint kb-compile)");
  if (layout != kLayout || core != CoreFingerprint())
    return SnapshotError(std::string("compiled by a core with another ") +
                         (layout != kLayout ? "KB layout" : "built-in lexicon") +
                         "; compile the KB again with this one (factlint kb-compile)");
  if (body_size != bytes.size() - kKbSnapshotHeaderSize)
    return SnapshotError(
        "the header gives a body of " + std::to_string(body_size) + " bytes, the file has " +
        std::to_string(bytes.size() - kKbSnapshotHeaderSize) + " (truncated or extended)");
  if (check_hash && SnapshotHash(bytes.substr(kKbSnapshotHeaderSize)) != body_hash)
    return SnapshotError("the body's hash does not match the header's (the file is corrupt)");

  auto kb = std::make_shared<Kb>();
  auto index = std::make_shared<KbIndex>();
  const size_t file_end = bytes.size();

  uint32_t name_ref = 0;
  if (r.Open(kMeta)) {
    kb->schema_version = r.I32("schema version");
    name_ref = r.U32("name");  // resolved after the pool
    kb->as_of = Date{r.I32("as_of")};
    r.Close(file_end);
  }
  std::vector<std::string_view> pool;
  if (r.Open(kStrings)) {
    const uint32_t count = r.Count(4, "strings");
    std::vector<uint32_t> offsets;
    r.U32s(static_cast<size_t>(count) + 1, &offsets, "string offsets");
    if (r.ok()) {
      const std::string_view text = r.Bytes(r.left(), "string bytes");
      if (offsets[0] != 0 || offsets[count] != text.size())
        r.Fail("string offsets do not run from 0 to the pool's size");
      for (uint32_t i = 0; i < count && r.ok(); ++i) {
        if (offsets[i + 1] < offsets[i])
          r.Fail("string offsets decrease at string " + std::to_string(i));
        else if (offsets[i + 1] > text.size())
          r.Fail("string " + std::to_string(i) + " ends past the pool");
        else
          pool.push_back(text.substr(offsets[i], offsets[i + 1] - offsets[i]));
      }
    }
    r.Close(file_end);
  }
  r.pool = &pool;
  if (r.ok()) {
    if (name_ref >= pool.size())
      r.Fail("the KB's name is string " + std::to_string(name_ref) + ", not in the pool");
    else
      kb->name = std::string(pool[name_ref]);
  }

  for (SectionReader read : kSnapshotSectionReaders) read(r, kb.get(), index.get(), file_end);
  if (r.ok() && r.left() != 0) r.Fail(std::to_string(r.left()) + " bytes after the last section");
  if (!r.ok()) return SnapshotError(r.error());

  kb->index = std::move(index);
  return KbHandle(std::move(kb));
}

}  // namespace

Result<KbHandle> LoadKbSnapshot(std::string_view bytes) { return Read(bytes, /*check_hash=*/true); }
Result<KbHandle> LoadKbSnapshotUnhashed(std::string_view bytes) {
  return Read(bytes, /*check_hash=*/false);
}

}  // namespace factlint
