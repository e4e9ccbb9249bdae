// The in-memory knowledge base (see factlint/factlint.h for the API and kb/FORMAT.md for the file
// format). Built once by LoadKb (kb.cpp), immutable afterwards, shared by every Check.
// Ids in the file become indexes here; every index is valid (the loader rejects dangling ids).

#ifndef FACTLINT_CORE_KB_H_
#define FACTLINT_CORE_KB_H_

#include <algorithm>
#include <memory>
#include <cstdint>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "factlint/factlint.h"

namespace factlint {

struct KbIndex;  // kb_index.h

// Every string of a Kb is a view into its `strings` (KbStrings below): a snapshot's string pool
// or the strings the JSON loader read, kept as long as the Kb (or a copy of it) lives.
// A list of strings (aliases, titles, triggers, a lexicon list), an event's participants and its
// other dates are spans into arrays the same KbStrings holds: one array for many lists, not one
// allocation per list (the snapshot's reader made 22,000 of them a load).
using StrList = std::span<const std::string_view>;
struct KbSource {
  std::string_view id, name, url, license;
};

// How much of a date the KB knows: kDay = all of it; kMonth = year and month (written YYYY-MM-01);
// kYear = the year only (written YYYY-01-01). The loader rejects a date that breaks that form.
enum class EventPrecision { kDay, kMonth, kYear };

struct KbPerson {
  std::string_view id, name;
  StrList aliases;  // full-name variants, unique across people
  StrList shorts;   // forms used alone after a first mention ("Trump"); may repeat
  std::optional<Date> born;
  // Added with the people/terms extension (kb/FORMAT.md): precisions of born/died, and the death.
  EventPrecision born_precision = EventPrecision::kDay;
  std::optional<Date> died;  // never before born (at their precisions)
  EventPrecision died_precision = EventPrecision::kDay;
  // Where born/died come from: index into Kb::sources, -1 when the file names no source; ref is
  // free text (the page that states the dates).
  int source = -1;
  std::string_view ref;
  // Where died comes from when another page than born's states it (kb/FORMAT.md `died_source`):
  // index into Kb::sources, -1 when `source` states both; died_ref is its free text.
  int died_source = -1;
  std::string_view died_ref;
};

enum class OfficeRole {
  kUnspecified, kHeadOfState, kHeadOfGovernment, kMinister, kMonarch, kOrgHead, kDeputy,
  kLegislator, kJudge, kGovernor, kLegislativeLeader, kPartyLeader
};

// A stretch when an office did not exist or stood empty — abolished, not yet created, or vacant
// between holders (kb/FORMAT.md): [from, to), no `to` = still at as_of. Then the KB knows nobody held
// it, so a claim of the title then can be judged (check_titles.cpp: HolderKnown).
struct KbVacancy {
  Date from;
  std::optional<Date> to;
  int source = -1;
  std::string_view ref;
};

struct KbOffice {
  std::string_view id, name;
  StrList titles;        // "President", "Prime Minister", "PM"
  StrList jurisdiction;  // "U.S.", "American", "NATO"
  bool single_holder = true;
  OfficeRole role = OfficeRole::kUnspecified;
  std::span<const KbVacancy> vacant;  // in order, not overlapping one another or any term
};

struct KbTerm {
  int person = 0, office = 0;  // indexes into Kb::people / Kb::offices
  Date start;
  std::optional<Date> end;  // absent = in office at as_of; a term covers [start, end)
  // With no end: the last day the KB's sources show the holder in office, when they show no
  // later day and no successor either (kb/FORMAT.md). After it the KB does not know who holds the
  // office: KbQuery::TermEnd ends the term there, so no check judges a claim of a later time.
  std::optional<Date> seen_until;
  bool acting = false;
  int source = 0;  // index into Kb::sources
  std::string_view ref;
  // Optional, per term: "" / nullopt when the file does not give them.
  std::string_view party;       // "Democratic", "Republican", "Labour"
  std::string_view state;           // US postal code ("NY") for US lawmakers/governors, or a region
  std::optional<int> district;  // >= 0; 0 = at-large
  std::optional<int> ordinal;   // >= 1: the holder's number where the office numbers them (46th)
};

struct KbOtherDate {
  Date date;
  std::string_view what;
  int source = -1;  // the source that states this date when the event's own cannot; -1: the event's
};

struct KbEvent {
  std::string_view id, name, kind, place;
  Date date;
  std::optional<Date> end;
  EventPrecision precision = EventPrecision::kDay;
  std::span<const int> participants;  // person indexes
  std::optional<int> winner;          // person index
  StrList triggers;
  std::span<const KbOtherDate> other_dates;
  int source = 0;
  std::string_view ref;
};

struct KbQuote {
  int speaker = 0;
  Date date;
  std::string_view text, ref, context;
  int source = 0;
};

struct KbLexicon {
  StrList hedges, anonymous, prospective;
};

// Lists per record, in one array (CSR): lists[i] is list i as a span. Two allocations
// for all the lists, not one per list.
template <typename T>
class FlatLists {
 public:
  FlatLists() = default;
  // begin: count + 1 offsets from 0, never decreasing, the last = items.size().
  FlatLists(std::vector<uint32_t> begin, std::vector<T> items) : begin_(std::move(begin)), items_(std::move(items)) {}
  std::span<const T> operator[](size_t i) const { return {items_.data() + begin_[i], begin_[i + 1] - begin_[i]}; }
  size_t size() const { return begin_.size() - 1; }
  const std::vector<uint32_t>& begins() const { return begin_; }
  const std::vector<T>& items() const { return items_; }

 private:
  std::vector<uint32_t> begin_ = std::vector<uint32_t>(1, 0);
  std::vector<T> items_;
};
using IndexLists = FlatLists<int>;

// The bytes a Kb's string_views point into, and the arrays its spans view. Keep copies a string
// into chunks that never move; Adopt takes a whole buffer (a snapshot's string pool) without
// copying it. NewArray returns room for n values (value-initialised) in chunks that never move
// either, to be filled by the caller before the Kb is shared; KeepArray copies values there.
class KbStrings {
 public:
  std::string_view Keep(std::string_view s);
  std::string_view Adopt(std::unique_ptr<char[]> bytes, size_t size);
  template <typename T>
  std::span<T> NewArray(size_t n) {
    // Never destroyed one by one (the chunks are freed as bytes), so only trivial types.
    static_assert(std::is_trivially_destructible_v<T> && alignof(T) <= kArrayAlign);
    if (n == 0) return {};
    T* at = static_cast<T*>(Room(n, sizeof(T)));
    for (size_t i = 0; i < n; ++i) new (at + i) T();
    return {at, n};
  }
  template <typename T>
  std::span<const T> KeepArray(std::span<const T> values) {
    const std::span<T> out = NewArray<T>(values.size());
    std::copy(values.begin(), values.end(), out.begin());
    return out;
  }

 private:
  static constexpr size_t kArrayAlign = 8;
  // n values of `size` bytes, kArrayAlign-aligned, in arrays_; throws std::bad_alloc when
  // n * size does not fit a size_t (as std::vector's reserve throws), so it never wraps.
  void* Room(size_t n, size_t size);
  // Chunks that never move and the room left in the last: one for the strings (packed), one for
  // the arrays (each start aligned).
  struct Arena {
    std::vector<std::unique_ptr<char[]>> chunks;
    char* next = nullptr;
    size_t left = 0;
  };
  static char* Take(Arena* a, size_t bytes);
  Arena text_, arrays_;
};

struct Kb {
  // Shared by copies of this Kb, so their views stay valid as long as one of them lives.
  std::shared_ptr<KbStrings> strings = std::make_shared<KbStrings>();
  int schema_version = 0;
  std::string_view name;
  Date as_of;
  std::vector<KbSource> sources;
  std::vector<KbPerson> people;
  std::vector<KbOffice> offices;
  std::vector<KbTerm> terms;
  std::vector<KbEvent> events;
  std::vector<KbQuote> quotes;
  KbLexicon lexicon;

  // Lookups built by the loader. (Ids became indexes on load; KbIndexOf finds one by id.)
  IndexLists terms_by_person;    // person index -> term indexes, by start
  IndexLists terms_by_office;    // office index -> term indexes, by start
  IndexLists quotes_by_speaker;  // person index -> quote indexes, by date

  // The phrase index of kb_index.h, built once by LoadKb so a Check does not rebuild or look it
  // up; null for a Kb assembled by hand (GetKbIndex then builds and caches one).
  std::shared_ptr<const KbIndex> index;
};

// The index of the record (people, offices, sources, events) with this id, -1 when none: a scan,
// for tests and tools (a Check never looks an id up).
template <typename Record>
int KbIndexOf(const std::vector<Record>& records, std::string_view id) {
  for (size_t i = 0; i < records.size(); ++i)
    if (records[i].id == id) return static_cast<int>(i);
  return -1;
}

// The trigger lint of `factlint kb-check` (not run by LoadKb: a KB with generic triggers loads).
// Validates json_text as ValidateKb does; when it is valid, returns a kKbLint error for each event
// trigger made only of generic words or numbers, and for each trigger whose non-generic words
// (numbers included) are those of another event's trigger, with its path and line/column.
// word_lists_json is kb/generic_triggers.json: {"description": "...", "<list>": ["word", ...], ...};
// a malformed one gives one kBadInput error.
std::vector<Error> LintKbTriggers(std::string_view json_text, std::string_view word_lists_json);

}  // namespace factlint

#endif  // FACTLINT_CORE_KB_H_
