// The KB loader's inside, shared by its units (the API is LoadKb/ValidateKb in factlint/factlint.h
// and LintKbTriggers in kb.h):
//   kb.cpp            the stages in order (KbLoader::Run), the Kb built from what was read
//                     (KbLoader::Build), LoadKb, ValidateKb, Summarize;
//   kb_read.cpp       the typed reads and the field table of every object: the KB's shape;
//   kb_crosscheck.cpp ids, names and aliases, references and overlapping terms across objects;
//   kb_lint.cpp       the trigger lint of `factlint kb-check` (LintKbTriggers).
// Nothing here is used outside those four files.

#ifndef FACTLINT_CORE_KB_LOADER_H_
#define FACTLINT_CORE_KB_LOADER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"

namespace factlint {
namespace kb_load {

// The errors ValidateKb and LintKbTriggers report at most (LoadKb keeps the first only).
constexpr size_t kMaxErrors = 1000;

using Type = JsonReader::Type;

// A string from the file, quoted for a message: control characters escaped, long ones cut.
std::string Quoted(std::string_view s);

// The trigger lint's word lists (kb_lint.cpp).
struct TriggerWords;

// One problem found, before it is placed on a line.
struct Issue {
  size_t offset = 0;
  size_t seq = 0;  // discovery order, to keep ties stable
  ErrorCode code = ErrorCode::kOk;
  std::string path;
  std::string message;
};

// Keeps the first `cap` issues by file offset, in bounded memory however many are added.
class Issues {
 public:
  explicit Issues(size_t cap) : cap_(cap) {}

  void Add(size_t offset, ErrorCode code, std::string path, std::string message) {
    items_.push_back(Issue{offset, seq_++, code, std::move(path), std::move(message)});
    if (items_.size() == cap_ && !full_) {  // from now on only earlier places can get in
      full_ = true;
      threshold_ = 0;
      for (const Issue& issue : items_) threshold_ = std::max(threshold_, issue.offset);
    }
    if (items_.size() >= 2 * cap_ + 16) Trim();
  }
  // False when an issue at this offset could not be among the first `cap` (so the caller need
  // not even format it): a flood of errors costs a comparison each.
  bool Wants(size_t offset) const { return offset < threshold_; }
  bool empty() const { return items_.empty(); }

  std::vector<Error> Finish(std::string_view text) {
    Trim();
    std::vector<Error> out;
    if (items_.empty()) return out;
    const LineIndex lines(text);
    out.reserve(items_.size());
    for (Issue& issue : items_) {
      Error e;
      e.code = issue.code;
      e.path = std::move(issue.path);
      e.message = std::move(issue.message);
      lines.LineColumn(issue.offset, &e.line, &e.column);
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  void Trim() {
    std::sort(items_.begin(), items_.end(), [](const Issue& a, const Issue& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.seq < b.seq;
    });
    if (items_.size() >= cap_) {
      items_.resize(cap_);
      full_ = true;
      threshold_ = items_.back().offset;  // a later issue at this offset sorts after it
    }
  }

  size_t cap_;
  size_t seq_ = 0;
  bool full_ = false;
  size_t threshold_ = static_cast<size_t>(-1);
  std::vector<Issue> items_;
};

// A reference to an id, kept until every collection has been read.
struct Ref {
  std::string id;
  size_t offset = 0;
  bool valid = false;  // present and a well-formed string
};

struct Located {  // where a value stood
  size_t offset = 0;
  bool valid = false;
};

struct RawSource {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbSource value;
  Located id;
};
struct RawPerson {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbPerson value;
  Located id, name;
  std::vector<size_t> alias_offsets;  // parallel to value.aliases
  std::optional<Ref> source;          // of born/died, when given
  std::optional<Ref> died_source;     // of died, when another page than born's states it
};
struct RawOffice {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbOffice value;
  Located id;
  bool single_holder_read = false;  // false: wrong type, skip the overlap check (no cascade)
  std::vector<KbVacancy> vacant;    // value.vacant (Build), their sources resolved
  std::vector<Ref> vacant_sources;  // parallel to vacant
  std::vector<Located> vacant_from; // parallel to vacant: where each starts, for errors
};
struct RawTerm {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbTerm value;
  Ref person, office, source;
  Located start, end;  // end.valid: a date or null was read
  bool range_ok = false;  // start and end (or null) valid and start < end
};
struct RawEvent {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbEvent value;
  Located id;
  std::vector<size_t> trigger_offsets;  // parallel to value.triggers
  std::vector<Ref> participants;
  std::vector<int> participants_found;  // their indexes, once resolved: value.participants (Build)
  std::optional<Ref> winner;
  Ref source;
  std::vector<KbOtherDate> other_dates;  // value.other_dates (Build), their sources resolved
  std::vector<std::optional<Ref>> other_date_sources;  // parallel to other_dates
};
struct RawQuote {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbQuote value;
  Ref speaker, source;
};

// A non-owning reference to a callable, for the rows of a field table: the table and the lambdas
// in it live until the end of the ReadObject call that reads them.
class ReadFn {
 public:
  template <typename F>
  ReadFn(F&& f)  // NOLINT(google-explicit-constructor): rows are written as {name, req, lambda}
      : callable_(static_cast<const void*>(&f)),
        call_([](const void* c) { (*static_cast<const std::remove_reference_t<F>*>(c))(); }) {}
  void operator()() const { call_(callable_); }

 private:
  const void* callable_;
  void (*call_)(const void*);
};

enum Presence : bool { kOptional = false, kRequired = true };

// One row of an object's field table: the key, whether it must be there, and how its value is
// read (the Get*/Read* call in `read` is the value's type, and reports a wrong one). The table is
// the whole shape of the object: unknown keys, repeated keys and missing required keys all come
// from it, and kb/schema.json is held to it by scripts/kb/test_schema.py.
struct Field {
  std::string_view name;
  Presence presence;
  ReadFn read;
};

class KbLoader {
 public:
  // lint: the trigger lint's words, or null for no lint.
  KbLoader(std::string_view text, size_t max_errors, const TriggerWords* lint = nullptr)
      : text_(text), reader_(text), issues_(max_errors), lint_(lint) {}

  // Validates; when kb is not null and there is no error, fills it.
  std::vector<Error> Run(Kb* kb);

 private:
  // --- errors and paths ----------------------------------------------------------------------

  // Records a problem; path() and message() are called only when it can be among those kept.
  template <typename Path, typename Message>
  void Add(size_t offset, ErrorCode code, Path&& path, Message&& message) {
    ++errors_seen_;
    if (issues_.Wants(offset)) issues_.Add(offset, code, std::string(path()), std::string(message()));
  }
  // The same at the current path.
  template <typename Message>
  void AddHere(size_t offset, ErrorCode code, Message&& message) {
    ++errors_seen_;
    if (issues_.Wants(offset)) issues_.Add(offset, code, path_, std::string(message()));
  }
  std::vector<Error> Finish() { return issues_.Finish(text_); }

  // Appends a pointer token for its lifetime.
  class PathPush {
   public:
    PathPush(std::string* path, std::string_view token) : path_(path), len_(path->size()) {
      AppendPointerToken(path, token);
    }
    PathPush(std::string* path, size_t index) : path_(path), len_(path->size()) {
      AppendPointerIndex(path, index);
    }
    ~PathPush() { path_->resize(len_); }
    PathPush(const PathPush&) = delete;
    PathPush& operator=(const PathPush&) = delete;

   private:
    std::string* path_;
    size_t len_;
  };

  static std::string ItemPath(std::string_view collection, size_t index, std::string_view field) {
    std::string p;
    AppendPointerToken(&p, collection);
    AppendPointerIndex(&p, index);
    if (!field.empty()) AppendPointerToken(&p, field);
    return p;
  }

  // --- typed reads (kb_read.cpp): the reader is on the value at path_; each consumes it, valid
  // or not ---------------------------------------------------------------------------------------
  bool Expect(Type want, std::string_view what);
  // A string; with nonblank, an empty or all-space string is an invalid value (and false).
  bool GetString(std::string* out, bool nonblank);
  // The same, kept in strings_ (the Kb's strings) and viewed.
  bool GetString(std::string_view* out, bool nonblank);
  bool GetBool(bool* out);
  // An integer written without fraction or exponent, min <= n <= 999,999,999.
  bool GetInt(int* out, int min);
  // An optional value's readers: the value is set only when it is valid.
  void GetOptionalDate(std::optional<Date>* out, Located* where);
  void GetOptionalInt(std::optional<int>* out, int min);
  // A precision, remembering where it stood (valid: read and one of day/month/year).
  void GetPrecision(EventPrecision* out, Located* where);
  void CheckPrecisionForm(Date d, EventPrecision p, const Located& where, std::string_view field,
                          std::string_view precision_key);
  bool GetDate(Date* out, Located* where = nullptr,
               std::string_view what = "a date string (YYYY-MM-DD)");
  // A date, or null for an open end (a term or vacancy lasting at as_of): *out holds the date; where
  // is valid once either was read.
  void GetDateOrNull(std::optional<Date>* out, Located* where) {
    if (reader_.Peek() != JsonReader::Type::kNull) {
      Date d;
      if (GetDate(&d, where, "a date string (YYYY-MM-DD) or null")) *out = d;
      return;
    }
    *where = Located{reader_.Offset(), true};
    reader_.ReadNull();
  }
  bool GetStringList(StrList* out, std::vector<size_t>* offsets = nullptr);
  // An id being defined (the "id" of a source, person, office or event): a lowercase slug.
  bool GetId(std::string_view* out, Located* where);
  // A reference to an id defined elsewhere.
  void GetRef(Ref* ref);
  template <typename Enum, size_t N>
  bool GetEnum(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum* out);
  bool ReadObject(std::initializer_list<Field> fields);
  template <typename OnItem>
  void ReadArray(std::string_view what, OnItem&& on_item);

  // --- the objects (kb_read.cpp): one field table each -------------------------------------
  void ReadRoot();
  void ReadSchemaVersion();
  template <typename Raw>
  void KeepIdItem(Raw&& item, size_t index, std::vector<std::decay_t<Raw>>* items, bool* broken);
  void ReadSource(size_t index);
  void ReadPerson(size_t index);
  void CheckPersonDates(const RawPerson& p, const Located& born, const Located& died,
                        const Located& born_precision, const Located& died_precision);
  void ReadOffice(size_t index);
  void ReadTerm(size_t index);
  void ReadEvent(size_t index);
  void ReadQuote(size_t index);
  void ReadLexicon();

  // --- cross-checks (kb_crosscheck.cpp) -----------------------------------------------------
  template <typename Raw>
  void IndexIds(std::string_view collection, const std::vector<Raw>& items,
                std::unordered_map<std::string, int>* by_id);
  void CheckIds();
  void CheckAliases();
  int Resolve(const Ref& ref, const std::unordered_map<std::string, int>& by_id, bool broken,
              std::string_view what, std::string_view collection, std::string_view item_collection,
              size_t item_index, std::string_view field, long sub = -1, std::string_view subfield = {});
  // "/<collection>/<index>/<field>[/<sub>][/<subfield>]"
  static std::string RefPath(std::string_view collection, size_t index, std::string_view field,
                             long sub, std::string_view subfield = {});
  void ResolveReferences();
  void CheckOverlaps();

  // --- the trigger lint (kb_lint.cpp, kb-check only) ----------------------------------------
  void LintTriggers();

  // --- the Kb (kb.cpp) ----------------------------------------------------------------------
  void Build(Kb* kb);

  std::string_view text_;
  JsonReader reader_;
  Issues issues_;
  std::string path_;

  int schema_version_ = 0;
  std::string name_;
  Date as_of_;
  std::vector<RawSource> sources_;
  std::vector<RawPerson> people_;
  std::vector<RawOffice> offices_;
  std::vector<RawTerm> terms_;
  std::vector<RawEvent> events_;
  std::vector<RawQuote> quotes_;
  KbLexicon lexicon_;
  std::shared_ptr<KbStrings> strings_ = std::make_shared<KbStrings>();  // what the views point into
  std::unordered_map<std::string, int> person_by_id_, office_by_id_, source_by_id_, event_by_id_;
  bool sources_broken_ = false, people_broken_ = false, offices_broken_ = false, events_broken_ = false;
  const TriggerWords* lint_ = nullptr;  // the trigger lint's words, or null: no lint
  size_t errors_seen_ = 0;  // every problem found, kept or not
};

}  // namespace kb_load
}  // namespace factlint

#endif  // FACTLINT_CORE_KB_LOADER_H_
