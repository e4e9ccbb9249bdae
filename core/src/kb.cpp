// The KB loader: LoadKb, ValidateKb and Summarize (factlint/factlint.h), building the Kb of kb.h.
//
// Four stages, each linear in the text:
//   1. size: more than 64 MiB -> kKbTooLarge;
//   2. grammar and limits: nlohmann::json's SAX parser (CheckJson, json_pos.h), no DOM, no
//      exceptions -> kKbNotJson with the place where the text stops being JSON, or kKbTooLarge at
//      the first container nested deeper than 64 (100,000 nested '[' stop at the 65th) or the
//      first value over 2,000,000;
//   3. schema: one pass of a pull reader (json_pos.h) over the now-known-good text, reading every
//      object against its list of keys (unknown, duplicate or missing keys, wrong types, dates
//      that exist, enums, start < end) straight into the Kb structs, remembering where each id
//      and reference stood;
//   4. cross-checks: duplicate ids per collection, names/aliases shared by two people (compared
//      after Fold(), text.h), dangling ids, overlapping terms of a single-holder office.
// Every problem is kept with its byte offset and JSON pointer; the first kMaxErrors in file order
// survive, and LoadKb returns the first of them. The line index is built only when there is an
// error to place. docs/ERRORS.md lists every code with its causes and messages. A KB that loads
// also gets its phrase index (kb_index.h: BuildKbIndex) here, once, for every Check to share.

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_index.h"
#include "text.h"

namespace factlint {
namespace {

constexpr size_t kMaxKbBytes = size_t{64} << 20;
constexpr int kMaxDepth = 64;
constexpr size_t kMaxErrors = 1000;
// Values (strings, numbers, arrays, objects...) in one KB. The real KB has one per ~23 bytes: 2
// million is a KB of ~45 MB, ten times the bundled one, and keeps a file of tiny values from
// making the loader allocate a hundred times its size.
constexpr size_t kMaxValues = 2'000'000;
// Strings in one list (aliases, titles, triggers, a lexicon list...).
constexpr size_t kMaxListItems = 10'000;

using Type = JsonReader::Type;

// A string from the file, quoted for a message: control characters escaped, long ones cut.
std::string Quoted(std::string_view s) {
  constexpr size_t kMax = 80;
  std::string out = "\"";
  size_t i = 0;
  for (; i < s.size() && i < kMax; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (i < s.size()) {
    while (out.size() > 1 && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (out.size() > 1 && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "...";
  }
  out += "\"";
  return out;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// Lowercase ASCII slug: [a-z0-9]+(-[a-z0-9]+)*
bool IsSlug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

// The key two names are compared by: Fold() (case, diacritics, quote and dash forms), then runs
// of spaces collapsed and the ends trimmed.
std::string AliasKey(std::string_view name) {
  const std::string folded = Fold(name);
  if (folded.find_first_of(" \t\n\r") == std::string::npos) return folded;
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

constexpr std::array<std::string_view, 23> kEventKinds = {
    "election",  "inauguration", "summit",           "war",        "invasion",     "meeting",
    "resignation", "delivery",   "agreement",        "referendum", "attack",       "other",
    "sport",     "disaster",     "pandemic",         "coup",       "treaty",       "assassination",
    "death",     "space_mission", "financial_crisis", "protest",   "accident"};

// The precision of a date (events' "precision", people's "born_precision"/"died_precision").
constexpr std::array<std::pair<std::string_view, EventPrecision>, 3> kPrecisions = {{
    {"day", EventPrecision::kDay},
    {"month", EventPrecision::kMonth},
    {"year", EventPrecision::kYear},
}};

std::string_view PrecisionName(EventPrecision p) {
  for (const auto& [name, value] : kPrecisions) {
    if (value == p) return name;
  }
  return "day";
}

// A date written as its precision asks: YYYY-01-01 for a year, YYYY-MM-01 for a month.
bool FitsPrecision(Date d, EventPrecision p) {
  int y = 0, m = 0, day = 0;
  SplitDate(d, &y, &m, &day);
  if (p == EventPrecision::kYear) return m == 1 && day == 1;
  if (p == EventPrecision::kMonth) return day == 1;
  return true;
}

// The last day a date of this precision may stand for (the date itself at day precision).
Date LatestDay(Date d, EventPrecision p) {
  int y = 0, m = 0, day = 0;
  SplitDate(d, &y, &m, &day);
  if (p == EventPrecision::kYear) return MakeDate(y, 12, 31);
  if (p == EventPrecision::kMonth) {
    if (m == 12) return MakeDate(y, 12, 31);
    return Date{MakeDate(y, m + 1, 1).days - 1};
  }
  return d;
}

std::string JoinList(const std::string_view* first, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += first[i];
  }
  return out;
}

// The word lists of the trigger lint (kb/generic_triggers.json): every word that does not tell one
// event from another, folded.
struct TriggerWords {
  std::unordered_set<std::string> generic;   // every list
  std::unordered_set<std::string> function;  // "function_words" only: a, the, of, in...
  std::unordered_set<std::string> months;    // "months" only: a month and its day name one day
};

// A calendar day in a trigger names it ("September 11 attacks", "Jan. 6 riot", "7 October
// attack", "9/11 attacks", "7/7 bombings"): a month word next to a day number, or a d/m token.
bool NamesCalendarDay(std::string_view trigger, const std::vector<std::string>& words,
                      const std::unordered_set<std::string>& months) {
  auto day = [](const std::string& w) {
    if (w.empty() || w.size() > 2 || w[0] < '0' || w[0] > '9' || (w.size() == 2 && (w[1] < '0' || w[1] > '9')))
      return false;
    const int d = std::stoi(w);
    return d >= 1 && d <= 31;
  };
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if ((months.count(words[i]) && day(words[i + 1])) || (day(words[i]) && months.count(words[i + 1]))) return true;
  for (size_t i = 1; i + 1 < trigger.size(); ++i) {
    const bool left = trigger[i - 1] >= '0' && trigger[i - 1] <= '9';
    const bool right = trigger[i + 1] >= '0' && trigger[i + 1] <= '9';
    if (trigger[i] == '/' && left && right) return true;
  }
  return false;
}

// A trigger's words: Fold() (case, diacritics), split at every ASCII byte that is not a letter or
// digit (UTF-8 letters stay in their word).
std::vector<std::string> TriggerWordsOf(std::string_view trigger) {
  const std::string folded = Fold(trigger);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// 2024, 1990s, 2nd, 21st: a number, which never makes a trigger specific on its own.
bool IsNumberWord(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0) return false;
  const std::string_view rest = w.substr(digits);
  return rest.empty() || rest == "s" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

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
};
struct RawOffice {
  size_t index = 0;  // position in the file's array (broken items are not kept)
  KbOffice value;
  Located id;
  bool single_holder_read = false;  // false: wrong type, skip the overlap check (no cascade)
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
  std::optional<Ref> winner;
  Ref source;
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

class Loader {
 public:
  Loader(std::string_view text, size_t max_errors, const TriggerWords* lint = nullptr)
      : text_(text), reader_(text), issues_(max_errors), lint_(lint) {}

  // Validates; when kb is not null and there is no error, fills it.
  std::vector<Error> Run(Kb* kb) {
    if (text_.size() > kMaxKbBytes) {
      issues_.Add(0, ErrorCode::kKbTooLarge, "",
                  "the KB is " + std::to_string(text_.size()) + " bytes; the limit is " +
                      std::to_string(kMaxKbBytes) + " bytes (64 MiB)");
      return Finish();
    }
    JsonLimits limits;
    limits.max_depth = kMaxDepth;
    limits.max_values = kMaxValues;
    if (std::optional<JsonSyntaxError> syntax = CheckJson(text_, limits)) {
      if (syntax->too_deep) {
        issues_.Add(syntax->offset, ErrorCode::kKbTooLarge, "",
                    "containers are nested more than " + std::to_string(kMaxDepth) + " levels deep");
      } else if (syntax->too_many_values) {
        issues_.Add(syntax->offset, ErrorCode::kKbTooLarge, "",
                    "the KB holds more than " + std::to_string(kMaxValues) + " JSON values");
      } else {
        issues_.Add(syntax->offset, ErrorCode::kKbNotJson, "", "not JSON: " + syntax->message);
      }
      return Finish();
    }
    ReadRoot();
    if (reader_.failed()) {  // cannot happen after CheckJson; never build from a partial read
      issues_.Add(reader_.Offset(), ErrorCode::kKbNotJson, "", "not JSON: the reader stopped early");
      return Finish();
    }
    CheckIds();
    CheckAliases();
    ResolveReferences();
    CheckOverlaps();
    if (lint_ != nullptr && errors_seen_ == 0) LintTriggers();
    if (errors_seen_ == 0 && issues_.empty() && kb != nullptr) Build(kb);
    return Finish();
  }

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

  // --- typed reads: the reader is on the value at path_; each consumes it, valid or not ------

  bool Expect(Type want, std::string_view what) {
    const Type got = reader_.Peek();
    if (got == want) return true;
    AddHere(reader_.Offset(), ErrorCode::kKbSchema, [&] {
      return "expected " + std::string(what) + ", found " + std::string(JsonTypeName(got));
    });
    reader_.Skip();
    return false;
  }

  // A string; with nonblank, an empty or all-space string is an invalid value (and false).
  bool GetString(std::string* out, bool nonblank) {
    const size_t at = reader_.Offset();
    if (!Expect(Type::kString, "a string")) return false;
    *out = reader_.ReadString();
    if (nonblank && IsBlank(*out)) {
      AddHere(at, ErrorCode::kKbInvalidValue, [] { return "must not be empty"; });
      return false;
    }
    return true;
  }

  bool GetBool(bool* out) {
    if (!Expect(Type::kBool, "true or false")) return false;
    *out = reader_.ReadBool();
    return true;
  }

  // An integer written without fraction or exponent, min <= n <= 999,999,999.
  bool GetInt(int* out, int min) {
    const size_t at = reader_.Offset();
    const std::string want = "an integer >= " + std::to_string(min);
    if (!Expect(Type::kNumber, want)) return false;
    const std::string_view n = reader_.ReadNumber();
    const bool negative = !n.empty() && n.front() == '-';
    const std::string_view digits = n.substr(negative ? 1 : 0);
    const bool integer = !digits.empty() && digits.size() <= 9 &&
                         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    long value = 0;
    if (integer) {
      for (char c : digits) value = value * 10 + (c - '0');
      if (negative) value = -value;
    }
    if (!integer || value < min) {
      AddHere(at, ErrorCode::kKbInvalidValue,
              [&] { return std::string(n.substr(0, 40)) + " is not " + want; });
      return false;
    }
    *out = static_cast<int>(value);
    return true;
  }

  // An optional value's readers: the value is set only when it is valid.
  void GetOptionalDate(std::optional<Date>* out, Located* where) {
    Date d;
    if (GetDate(&d, where)) *out = d;
  }
  void GetOptionalInt(std::optional<int>* out, int min) {
    int n = 0;
    if (GetInt(&n, min)) *out = n;
  }
  // A precision, remembering where it stood (valid: read and one of day/month/year).
  void GetPrecision(EventPrecision* out, Located* where) {
    where->offset = reader_.Offset();
    where->valid = GetEnum(kPrecisions, out);
  }

  // A date at `where` (valid) written against its precision: YYYY-01-01 for "year", YYYY-MM-01
  // for "month". `field` names the date, `precision_key` the key that set the precision.
  void CheckPrecisionForm(Date d, EventPrecision p, const Located& where, std::string_view field,
                          std::string_view precision_key) {
    if (!where.valid || FitsPrecision(d, p)) return;
    Add(where.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/" + std::string(field); }, [&] {
      return std::string(precision_key) + " is \"" + std::string(PrecisionName(p)) + "\": the date is written " +
             (p == EventPrecision::kYear ? "YYYY-01-01" : "YYYY-MM-01") + ", not " +
             Quoted(FormatIsoDate(d));
    });
  }

  bool GetDate(Date* out, Located* where = nullptr,
               std::string_view what = "a date string (YYYY-MM-DD)") {
    const size_t at = reader_.Offset();
    if (where) *where = Located{at, false};
    if (!Expect(Type::kString, what)) return false;
    const std::string s = reader_.ReadString();
    if (std::optional<Date> d = ParseIsoDate(s)) {
      *out = *d;
      if (where) where->valid = true;
      return true;
    }
    const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                        std::all_of(s.begin(), s.end(), [](char c) {
                          return c == '-' || (c >= '0' && c <= '9');
                        });
    AddHere(at, ErrorCode::kKbInvalidValue, [&] {
      return shaped ? "date " + Quoted(s) + " does not exist" : Quoted(s) + " is not a date (YYYY-MM-DD)";
    });
    return false;
  }

  bool GetStringList(std::vector<std::string>* out, std::vector<size_t>* offsets = nullptr) {
    if (!Expect(Type::kArray, "an array of strings")) return false;
    reader_.BeginArray();
    std::unordered_set<std::string> seen;
    size_t i = 0;
    bool ok = true;
    while (reader_.NextElement()) {
      PathPush p(&path_, i++);
      const size_t at = reader_.Offset();
      if (i > kMaxListItems) {
        AddHere(at, ErrorCode::kKbTooLarge,
                [] { return "a list of more than " + std::to_string(kMaxListItems) + " strings"; });
        reader_.Skip();
        ok = false;
        continue;
      }
      std::string s;
      if (GetString(&s, /*nonblank=*/true)) {
        if (!seen.insert(s).second) {
          AddHere(at, ErrorCode::kKbDuplicate, [&] { return Quoted(s) + " is listed twice"; });
        }
        out->push_back(std::move(s));
        if (offsets) offsets->push_back(at);
      } else {
        ok = false;
      }
    }
    return ok;
  }

  // An id being defined (the "id" of a source, person, office or event): a lowercase slug.
  bool GetId(std::string* out, Located* where) {
    const size_t at = reader_.Offset();
    *where = Located{at, false};
    if (!GetString(out, /*nonblank=*/true)) return false;
    if (!IsSlug(*out)) {
      AddHere(at, ErrorCode::kKbInvalidValue, [&] {
        return "id " + Quoted(*out) + " is not a lowercase ASCII slug (a-z, 0-9, single inner hyphens)";
      });
      return false;
    }
    where->valid = true;
    return true;
  }

  // A reference to an id defined elsewhere.
  void GetRef(Ref* ref) {
    ref->offset = reader_.Offset();
    ref->valid = GetString(&ref->id, /*nonblank=*/true);
  }

  template <typename Enum, size_t N>
  bool GetEnum(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum* out) {
    const size_t at = reader_.Offset();
    std::string s;
    if (!GetString(&s, /*nonblank=*/false)) return false;
    for (const auto& [name, value] : table) {
      if (s == name) {
        *out = value;
        return true;
      }
    }
    AddHere(at, ErrorCode::kKbInvalidValue, [&] {
      std::string names;
      for (const auto& entry : table) {
        if (!names.empty()) names += ", ";
        names += entry.first;
      }
      return Quoted(s) + " is not one of: " + names;
    });
    return false;
  }

  // Reads an object at path_ by its field table: for each key, calls that row's `read` with the
  // reader on the value and path_ extended by the key (read must consume the value). Unknown
  // and repeated keys are reported and skipped, missing required keys reported at the '{'.
  // Returns false (having consumed the value) when it is not an object.
  bool ReadObject(std::initializer_list<Field> fields) {
    const size_t object_at = reader_.Offset();
    if (!Expect(Type::kObject, "an object")) return false;
    std::vector<bool> seen(fields.size(), false);
    reader_.BeginObject();
    std::string key;
    size_t key_at = 0;
    while (reader_.NextKey(&key, &key_at)) {
      size_t index = 0;
      for (const Field& f : fields) {
        if (f.name == key) break;
        ++index;
      }
      PathPush p(&path_, key);
      if (index == fields.size()) {
        AddHere(key_at, ErrorCode::kKbSchema, [&] {
          std::string allowed;
          for (const Field& f : fields) {
            if (!allowed.empty()) allowed += ", ";
            allowed += f.name;
          }
          return "unknown key " + Quoted(key) + " (allowed: " + allowed + ")";
        });
        reader_.Skip();
        continue;
      }
      if (seen[index]) {
        AddHere(key_at, ErrorCode::kKbDuplicate,
                [&] { return "key " + Quoted(key) + " appears twice in one object"; });
        reader_.Skip();
        continue;
      }
      seen[index] = true;
      const size_t before = reader_.Offset();
      fields.begin()[index].read();
      if (reader_.Offset() == before) reader_.Skip();  // a handler that read nothing
    }
    size_t index = 0;
    for (const Field& f : fields) {
      if (f.presence == kRequired && !seen[index]) {
        AddHere(object_at, ErrorCode::kKbSchema, [&] { return "missing required key " + Quoted(f.name); });
      }
      ++index;
    }
    return true;
  }

  // Reads an array at path_, calling on_item(index) with the reader on each element and path_
  // extended by the index.
  template <typename OnItem>
  void ReadArray(std::string_view what, OnItem&& on_item) {
    if (!Expect(Type::kArray, what)) return;
    reader_.BeginArray();
    size_t i = 0;
    while (reader_.NextElement()) {
      PathPush p(&path_, i);
      const size_t before = reader_.Offset();
      on_item(i);
      if (reader_.Offset() == before) reader_.Skip();
      ++i;
    }
  }

  // --- the objects: one field table each ---------------------------------------------------

  void ReadRoot() {
    ReadObject({
        {"schema_version", kRequired, [&] { ReadSchemaVersion(); }},
        {"name", kRequired, [&] { GetString(&name_, /*nonblank=*/true); }},
        {"as_of", kRequired, [&] { GetDate(&as_of_); }},
        {"sources", kRequired, [&] { ReadArray("an array of sources", [&](size_t i) { ReadSource(i); }); }},
        {"people", kRequired, [&] { ReadArray("an array of people", [&](size_t i) { ReadPerson(i); }); }},
        {"offices", kRequired, [&] { ReadArray("an array of offices", [&](size_t i) { ReadOffice(i); }); }},
        {"terms", kRequired, [&] { ReadArray("an array of terms", [&](size_t i) { ReadTerm(i); }); }},
        {"events", kRequired, [&] { ReadArray("an array of events", [&](size_t i) { ReadEvent(i); }); }},
        {"quotes", kRequired, [&] { ReadArray("an array of quotes", [&](size_t i) { ReadQuote(i); }); }},
        {"lexicon", kRequired, [&] { ReadLexicon(); }},
    });
  }

  void ReadSchemaVersion() {
    const size_t at = reader_.Offset();
    if (!Expect(Type::kNumber, "the number 1")) return;
    const std::string_view n = reader_.ReadNumber();
    if (n == "1") {
      schema_version_ = 1;
      return;
    }
    AddHere(at, ErrorCode::kKbInvalidValue, [&] {
      return "schema_version " + std::string(n.substr(0, 40)) +
             " is not supported; this loader reads schema_version 1";
    });
  }

  // Items are kept for the cross-checks only when they can take part: an item of an id-bearing
  // collection needs a valid id (else the collection is "broken": references into it are not
  // reported as dangling); a term or quote needs to be free of errors of its own. So a file of a
  // million `{}` costs errors, not memory.
  template <typename Raw>
  void KeepIdItem(Raw&& item, size_t index, std::vector<std::decay_t<Raw>>* items, bool* broken) {
    if (!item.id.valid) {
      *broken = true;
      return;
    }
    item.index = index;
    items->push_back(std::move(item));
  }

  void ReadSource(size_t index) {
    RawSource s;
    ReadObject({
        {"id", kRequired, [&] { GetId(&s.value.id, &s.id); }},
        {"name", kRequired, [&] { GetString(&s.value.name, true); }},
        {"url", kOptional, [&] { GetString(&s.value.url, true); }},
        {"license", kOptional, [&] { GetString(&s.value.license, true); }},
    });
    KeepIdItem(std::move(s), index, &sources_, &sources_broken_);
  }

  void ReadPerson(size_t index) {
    RawPerson p;
    Located born, died, born_precision, died_precision;  // offset 0: the key is absent
    const bool is_object = ReadObject({
        {"id", kRequired, [&] { GetId(&p.value.id, &p.id); }},
        {"name", kRequired,
         [&] {
           const size_t at = reader_.Offset();
           p.name = Located{at, GetString(&p.value.name, true)};
         }},
        {"aliases", kRequired, [&] { GetStringList(&p.value.aliases, &p.alias_offsets); }},
        {"short", kRequired, [&] { GetStringList(&p.value.shorts); }},
        {"born", kOptional, [&] { GetOptionalDate(&p.value.born, &born); }},
        {"born_precision", kOptional, [&] { GetPrecision(&p.value.born_precision, &born_precision); }},
        {"died", kOptional, [&] { GetOptionalDate(&p.value.died, &died); }},
        {"died_precision", kOptional, [&] { GetPrecision(&p.value.died_precision, &died_precision); }},
        {"source", kOptional,
         [&] {
           Ref r;
           GetRef(&r);
           p.source = std::move(r);
         }},
        {"ref", kOptional, [&] { GetString(&p.value.ref, true); }},
    });
    if (is_object) CheckPersonDates(p, born, died, born_precision, died_precision);
    KeepIdItem(std::move(p), index, &people_, &people_broken_);
  }

  // A precision needs its date; each date is written as its precision asks; died is not before
  // born (the latest day died may stand for is not before the earliest day born may).
  void CheckPersonDates(const RawPerson& p, const Located& born, const Located& died,
                        const Located& born_precision, const Located& died_precision) {
    auto orphan = [&](const Located& precision, std::string_view key, std::string_view date) {
      if (!precision.valid) return;
      Add(precision.offset, ErrorCode::kKbSchema, [&] { return path_ + "/" + std::string(key); },
          [&] { return std::string(key) + " is given without " + std::string(date); });
    };
    // (a value inside a person never stands at offset 0, so offset 0 means the key is absent)
    if (born.offset == 0) orphan(born_precision, "born_precision", "born");
    if (died.offset == 0) orphan(died_precision, "died_precision", "died");
    if (born_precision.valid && p.value.born) {
      CheckPrecisionForm(*p.value.born, p.value.born_precision, born, "born", "born_precision");
    }
    if (died_precision.valid && p.value.died) {
      CheckPrecisionForm(*p.value.died, p.value.died_precision, died, "died", "died_precision");
    }
    if (p.value.born && p.value.died &&
        LatestDay(*p.value.died, p.value.died_precision) < *p.value.born) {
      Add(died.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/died"; }, [&] {
        return "died (" + FormatIsoDate(*p.value.died) + ") is before born (" + FormatIsoDate(*p.value.born) + ")";
      });
    }
  }

  void ReadOffice(size_t index) {
    static constexpr std::array<std::pair<std::string_view, OfficeRole>, 11> kRoles = {{
        {"head_of_state", OfficeRole::kHeadOfState},
        {"head_of_government", OfficeRole::kHeadOfGovernment},
        {"minister", OfficeRole::kMinister},
        {"monarch", OfficeRole::kMonarch},
        {"org_head", OfficeRole::kOrgHead},
        {"deputy", OfficeRole::kDeputy},
        {"legislator", OfficeRole::kLegislator},
        {"judge", OfficeRole::kJudge},
        {"governor", OfficeRole::kGovernor},
        {"legislative_leader", OfficeRole::kLegislativeLeader},
        {"party_leader", OfficeRole::kPartyLeader},
    }};
    RawOffice o;
    ReadObject({
        {"id", kRequired, [&] { GetId(&o.value.id, &o.id); }},
        {"name", kRequired, [&] { GetString(&o.value.name, true); }},
        {"titles", kRequired, [&] { GetStringList(&o.value.titles); }},
        {"jurisdiction", kRequired, [&] { GetStringList(&o.value.jurisdiction); }},
        {"single_holder", kRequired, [&] { o.single_holder_read = GetBool(&o.value.single_holder); }},
        {"role", kOptional, [&] { GetEnum(kRoles, &o.value.role); }},
    });
    KeepIdItem(std::move(o), index, &offices_, &offices_broken_);
  }

  void ReadTerm(size_t index) {
    const size_t errors_before = errors_seen_;
    RawTerm t;
    const bool is_object = ReadObject({
        {"person", kRequired, [&] { GetRef(&t.person); }},
        {"office", kRequired, [&] { GetRef(&t.office); }},
        {"start", kRequired, [&] { GetDate(&t.value.start, &t.start); }},
        {"end", kRequired,  // a date, or null for a term still running at as_of
         [&] {
           if (reader_.Peek() == Type::kNull) {
             t.end = Located{reader_.Offset(), true};
             reader_.ReadNull();
           } else {
             Date d;
             if (GetDate(&d, &t.end, "a date string (YYYY-MM-DD) or null")) t.value.end = d;
           }
         }},
        {"source", kRequired, [&] { GetRef(&t.source); }},
        {"acting", kOptional, [&] { GetBool(&t.value.acting); }},
        {"ref", kOptional, [&] { GetString(&t.value.ref, true); }},
        {"party", kOptional, [&] { GetString(&t.value.party, true); }},
        {"state", kOptional, [&] { GetString(&t.value.state, true); }},
        {"district", kOptional, [&] { GetOptionalInt(&t.value.district, 0); }},
        {"ordinal", kOptional, [&] { GetOptionalInt(&t.value.ordinal, 1); }},
    });
    if (is_object && t.start.valid && t.end.valid) {
      if (t.value.end && *t.value.end <= t.value.start) {
        Add(t.end.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/end"; }, [&] {
          return "the term ends (" + FormatIsoDate(*t.value.end) +
                 (*t.value.end == t.value.start ? ") on the day it starts"
                                                : ") before it starts (" + FormatIsoDate(t.value.start) + ")") +
                 "; a term covers [start, end) and must not be empty";
        });
      } else {
        t.range_ok = true;
      }
    }
    if (errors_seen_ != errors_before) return;
    t.index = index;
    terms_.push_back(std::move(t));
  }

  void ReadEvent(size_t index) {
    RawEvent e;
    Located date, end;
    const bool is_object = ReadObject({
        {"id", kRequired, [&] { GetId(&e.value.id, &e.id); }},
        {"name", kRequired, [&] { GetString(&e.value.name, true); }},
        {"kind", kRequired,
         [&] {
           const size_t at = reader_.Offset();
           if (GetString(&e.value.kind, false) &&
               std::find(kEventKinds.begin(), kEventKinds.end(), e.value.kind) == kEventKinds.end()) {
             AddHere(at, ErrorCode::kKbInvalidValue, [&] {
               return "kind " + Quoted(e.value.kind) + " is not one of: " +
                      JoinList(kEventKinds.data(), kEventKinds.size());
             });
           }
         }},
        {"date", kRequired, [&] { GetDate(&e.value.date, &date); }},
        {"end", kOptional, [&] { GetOptionalDate(&e.value.end, &end); }},
        {"precision", kOptional, [&] { GetEnum(kPrecisions, &e.value.precision); }},
        {"participants", kRequired,
         [&] {
           ReadArray("an array of person ids", [&](size_t) {
             Ref r;
             GetRef(&r);
             e.participants.push_back(std::move(r));
           });
         }},
        {"winner", kOptional,
         [&] {
           Ref r;
           GetRef(&r);
           e.winner = std::move(r);
         }},
        {"place", kRequired, [&] { GetString(&e.value.place, true); }},
        {"triggers", kRequired, [&] { GetStringList(&e.value.triggers, &e.trigger_offsets); }},
        {"other_dates", kOptional,
         [&] {
           ReadArray("an array of {\"date\", \"what\"} objects", [&](size_t) {
             KbOtherDate od;
             ReadObject({
                 {"date", kRequired, [&] { GetDate(&od.date); }},
                 {"what", kRequired, [&] { GetString(&od.what, true); }},
             });
             e.value.other_dates.push_back(std::move(od));
           });
         }},
        {"source", kRequired, [&] { GetRef(&e.source); }},
        {"ref", kOptional, [&] { GetString(&e.value.ref, true); }},
    });
    if (is_object && date.valid && end.valid && e.value.end && *e.value.end < e.value.date) {
      Add(end.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/end"; }, [&] {
        return "the event ends (" + FormatIsoDate(*e.value.end) + ") before it starts (" +
               FormatIsoDate(e.value.date) + ")";
      });
    }
    KeepIdItem(std::move(e), index, &events_, &events_broken_);
  }

  void ReadQuote(size_t index) {
    const size_t errors_before = errors_seen_;
    RawQuote q;
    ReadObject({
        {"speaker", kRequired, [&] { GetRef(&q.speaker); }},
        {"date", kRequired, [&] { GetDate(&q.value.date); }},
        {"text", kRequired, [&] { GetString(&q.value.text, true); }},
        {"source", kRequired, [&] { GetRef(&q.source); }},
        {"ref", kOptional, [&] { GetString(&q.value.ref, true); }},
        {"context", kOptional, [&] { GetString(&q.value.context, true); }},
    });
    if (errors_seen_ != errors_before) return;
    q.index = index;
    quotes_.push_back(std::move(q));
  }

  void ReadLexicon() {
    ReadObject({
        {"hedges", kOptional, [&] { GetStringList(&lexicon_.hedges); }},
        {"anonymous", kOptional, [&] { GetStringList(&lexicon_.anonymous); }},
        {"prospective", kOptional, [&] { GetStringList(&lexicon_.prospective); }},
    });
  }

  // --- cross-checks --------------------------------------------------------------------------

  // Builds id -> index for one collection (every kept item has a valid id), reporting the second
  // and later definitions.
  template <typename Raw>
  void IndexIds(std::string_view collection, const std::vector<Raw>& items,
                std::unordered_map<std::string, int>* by_id) {
    by_id->reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const auto [it, inserted] = by_id->emplace(items[i].value.id, static_cast<int>(i));
      if (!inserted) {
        const Raw& first = items[static_cast<size_t>(it->second)];
        Add(items[i].id.offset, ErrorCode::kKbDuplicate,
            [&] { return ItemPath(collection, items[i].index, "id"); },
            [&] {
              return "id " + Quoted(items[i].value.id) + " is already defined at " +
                     ItemPath(collection, first.index, "id");
            });
      }
    }
  }

  void CheckIds() {
    IndexIds("sources", sources_, &source_by_id_);
    IndexIds("people", people_, &person_by_id_);
    IndexIds("offices", offices_, &office_by_id_);
    IndexIds("events", events_, &event_by_id_);
  }

  // A name or alias (after AliasKey) may belong to one person only.
  void CheckAliases() {
    struct Owner {
      int person;
      int alias;  // index into aliases, -1 for the name
    };
    auto path_of = [&](size_t person, int alias) {
      const size_t index = people_[person].index;
      if (alias < 0) return ItemPath("people", index, "name");
      std::string path = ItemPath("people", index, "aliases");
      AppendPointerIndex(&path, static_cast<size_t>(alias));
      return path;
    };
    std::unordered_map<std::string, Owner> owners;
    owners.reserve(people_.size() * 3);
    for (size_t i = 0; i < people_.size(); ++i) {
      const RawPerson& p = people_[i];
      auto claim = [&](const std::string& name, size_t offset, int alias) {
        std::string key = AliasKey(name);
        if (key.empty()) return;
        // No structured binding here: clang 14 cannot capture one in the lambdas below.
        const auto emplaced = owners.emplace(std::move(key), Owner{static_cast<int>(i), alias});
        const auto it = emplaced.first;
        if (emplaced.second || it->second.person == static_cast<int>(i)) return;
        const size_t other_index = static_cast<size_t>(it->second.person);
        const RawPerson& other = people_[other_index];
        Add(offset, ErrorCode::kKbDuplicate, [&] { return path_of(i, alias); }, [&] {
          return "name " + Quoted(name) + " is also a name or alias of " + Quoted(other.value.id) +
                 " (" + path_of(other_index, it->second.alias) +
                 "); names and aliases must be unique across people";
        });
      };
      if (p.name.valid) claim(p.value.name, p.name.offset, -1);
      for (size_t j = 0; j < p.value.aliases.size(); ++j) {
        claim(p.value.aliases[j], p.alias_offsets[j], static_cast<int>(j));
      }
    }
  }

  // Resolves one reference; reports it when dangling. Returns the index or -1.
  // Resolves one reference; reports it when dangling. Returns the index or -1. The reference
  // stood at ItemPath(item_collection, item_index, field) (+ "/" + sub when sub >= 0).
  int Resolve(const Ref& ref, const std::unordered_map<std::string, int>& by_id, bool broken,
              std::string_view what, std::string_view collection, std::string_view item_collection,
              size_t item_index, std::string_view field, long sub = -1) {
    if (!ref.valid) return -1;
    auto it = by_id.find(ref.id);
    if (it != by_id.end()) return it->second;
    if (broken) return -1;
    Add(ref.offset, ErrorCode::kKbDanglingId,
        [&] { return RefPath(item_collection, item_index, field, sub); },
        [&] { return std::string(what) + " " + Quoted(ref.id) + " is not defined in /" + std::string(collection); });
    return -1;
  }

  static std::string RefPath(std::string_view collection, size_t index, std::string_view field, long sub) {
    std::string path = ItemPath(collection, index, field);
    if (sub >= 0) AppendPointerIndex(&path, static_cast<size_t>(sub));
    return path;
  }

  void ResolveReferences() {
    for (RawPerson& p : people_) {
      if (p.source) {
        p.value.source = Resolve(*p.source, source_by_id_, sources_broken_, "source", "sources", "people", p.index, "source");
      }
    }
    for (RawTerm& t : terms_) {
      t.value.person = Resolve(t.person, person_by_id_, people_broken_, "person", "people", "terms", t.index, "person");
      t.value.office = Resolve(t.office, office_by_id_, offices_broken_, "office", "offices", "terms", t.index, "office");
      t.value.source = Resolve(t.source, source_by_id_, sources_broken_, "source", "sources", "terms", t.index, "source");
    }
    for (RawEvent& e : events_) {
      std::unordered_set<int> seen;
      for (size_t j = 0; j < e.participants.size(); ++j) {
        const Ref& r = e.participants[j];
        const int index = Resolve(r, person_by_id_, people_broken_, "participant", "people", "events",
                                  e.index, "participants", static_cast<long>(j));
        if (index < 0) continue;
        if (!seen.insert(index).second) {
          Add(r.offset, ErrorCode::kKbDuplicate,
              [&] { return RefPath("events", e.index, "participants", static_cast<long>(j)); },
              [&] { return "participant " + Quoted(r.id) + " is listed twice"; });
        } else {
          e.value.participants.push_back(index);
        }
      }
      if (e.winner) {
        const int index = Resolve(*e.winner, person_by_id_, people_broken_, "winner", "people", "events", e.index, "winner");
        if (index >= 0) e.value.winner = index;
      }
      e.value.source = Resolve(e.source, source_by_id_, sources_broken_, "source", "sources", "events", e.index, "source");
    }
    for (RawQuote& q : quotes_) {
      q.value.speaker = Resolve(q.speaker, person_by_id_, people_broken_, "speaker", "people", "quotes", q.index, "speaker");
      q.value.source = Resolve(q.source, source_by_id_, sources_broken_, "source", "sources", "quotes", q.index, "source");
    }
  }

  static std::string Range(const KbTerm& t) {
    return FormatIsoDate(t.start) + " to " + (t.end ? FormatIsoDate(*t.end) : std::string("open"));
  }

  // Terms of a single-holder office may not overlap ([start, end), end null = open); no person
  // may hold any office twice at once. Each term that overlaps an earlier-starting one is
  // reported once, against the earlier term that reaches furthest.
  void CheckOverlaps() {
    std::vector<std::vector<int>> by_office(offices_.size());
    for (size_t i = 0; i < terms_.size(); ++i) {
      const RawTerm& t = terms_[i];
      if (t.range_ok && t.value.office >= 0 && t.value.person >= 0) {
        by_office[static_cast<size_t>(t.value.office)].push_back(static_cast<int>(i));
      }
    }
    auto ends_after = [&](int a, Date d) {  // term a still runs on day d
      const auto& end = terms_[static_cast<size_t>(a)].value.end;
      return !end || *end > d;
    };
    auto ends_later = [&](int a, int b) {  // term a ends after term b (open = never)
      const auto& ea = terms_[static_cast<size_t>(a)].value.end;
      const auto& eb = terms_[static_cast<size_t>(b)].value.end;
      return eb && (!ea || *ea > *eb);
    };
    auto report = [&](int later, int earlier, const char* why) {
      const KbTerm& l = terms_[static_cast<size_t>(later)].value;
      const KbTerm& e = terms_[static_cast<size_t>(earlier)].value;
      Add(terms_[static_cast<size_t>(later)].start.offset, ErrorCode::kKbOverlap,
          [&] { return ItemPath("terms", terms_[static_cast<size_t>(later)].index, "start"); }, [&] {
            return "term of " + Quoted(people_[static_cast<size_t>(l.person)].value.id) + " (" + Range(l) +
                   ") overlaps the term of " + Quoted(people_[static_cast<size_t>(e.person)].value.id) +
                   " at " + ItemPath("terms", terms_[static_cast<size_t>(earlier)].index, "") + " (" +
                   Range(e) + ") in " + why + " " + Quoted(offices_[static_cast<size_t>(l.office)].value.id);
          });
    };
    for (size_t o = 0; o < by_office.size(); ++o) {
      if (!offices_[o].single_holder_read) continue;
      std::vector<int>& list = by_office[o];
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
        return terms_[static_cast<size_t>(a)].value.start < terms_[static_cast<size_t>(b)].value.start;
      });
      if (offices_[o].value.single_holder) {
        // Acting terms and full terms are checked apart: someone may act while the holder is
        // suspended or incapacitated, but two holders, or two acting holders, may not overlap.
        int reach[2] = {-1, -1};  // per kind (full, acting): of the terms seen, the one that ends last
        for (int t : list) {
          const bool acting = terms_[static_cast<size_t>(t)].value.acting;
          int& r = reach[acting ? 1 : 0];
          if (r >= 0 && ends_after(r, terms_[static_cast<size_t>(t)].value.start)) {
            report(t, r, acting ? "the single-holder office (both acting)" : "the single-holder office");
          }
          if (r < 0 || ends_later(t, r)) r = t;
        }
      } else {
        std::unordered_map<int, int> reach_by_person;
        for (int t : list) {
          const KbTerm& term = terms_[static_cast<size_t>(t)].value;
          auto [it, inserted] = reach_by_person.emplace(term.person, t);
          if (inserted) continue;
          if (ends_after(it->second, term.start)) report(t, it->second, "the office (same person)");
          if (ends_later(t, it->second)) it->second = t;
        }
      }
    }
  }

  // --- the trigger lint (kb-check only) -------------------------------------------------------

  // A trigger whose every word is generic (kb/generic_triggers.json) or a number names no event
  // in particular; two events whose triggers have the same words once function words (a, the,
  // of...) are dropped cannot be told apart by them ("Helsinki summit" on three summits, "the
  // invasion of Ukraine" and "invasion of Ukraine"). Both are reported at the trigger (the later
  // one for a shared trigger, naming the earlier).
  void LintTriggers() {
    struct Owner {
      size_t event, trigger;
    };
    std::unordered_map<std::string, Owner> by_key;
    for (size_t i = 0; i < events_.size(); ++i) {
      const RawEvent& e = events_[i];
      for (size_t j = 0; j < e.value.triggers.size(); ++j) {
        const std::string& trigger = e.value.triggers[j];
        auto path = [&] {
          std::string p = ItemPath("events", e.index, "triggers");
          AppendPointerIndex(&p, j);
          return p;
        };
        std::string key;
        bool specific = false;
        const std::vector<std::string> words = TriggerWordsOf(trigger);
        if (NamesCalendarDay(trigger, words, lint_->months)) specific = true;
        for (const std::string& w : words) {
          if (!lint_->generic.count(w) && !IsNumberWord(w)) specific = true;
          if (lint_->function.count(w)) continue;
          if (!key.empty()) key.push_back(' ');
          key += w;
        }
        if (!specific) {
          Add(e.trigger_offsets[j], ErrorCode::kKbLint, path, [&] {
            return "trigger " + Quoted(trigger) + " of event " + Quoted(e.value.id) +
                   " is made only of generic words or numbers" +
                   " (kb/generic_triggers.json): it would match other events; add the country, "
                   "place or name that makes it this one";
          });
          continue;
        }
        const auto emplaced = by_key.emplace(key, Owner{i, j});
        const Owner first = emplaced.first->second;
        if (emplaced.second || first.event == i) continue;
        const RawEvent& other = events_[first.event];
        Add(e.trigger_offsets[j], ErrorCode::kKbLint, path, [&] {
          std::string other_path = ItemPath("events", other.index, "triggers");
          AppendPointerIndex(&other_path, first.trigger);
          return "trigger " + Quoted(trigger) + " of event " + Quoted(e.value.id) + " is also a trigger of " +
                 Quoted(other.value.id) + " (" + other_path + ": " + Quoted(other.value.triggers[first.trigger]) +
                 ") with no word to tell them apart";
        });
      }
    }
  }

  // --- the Kb --------------------------------------------------------------------------------

  void Build(Kb* kb) {
    kb->schema_version = schema_version_;
    kb->name = std::move(name_);
    kb->as_of = as_of_;
    for (RawSource& s : sources_) kb->sources.push_back(std::move(s.value));
    for (RawPerson& p : people_) kb->people.push_back(std::move(p.value));
    for (RawOffice& o : offices_) kb->offices.push_back(std::move(o.value));
    for (RawTerm& t : terms_) kb->terms.push_back(std::move(t.value));
    for (RawEvent& e : events_) kb->events.push_back(std::move(e.value));
    for (RawQuote& q : quotes_) kb->quotes.push_back(std::move(q.value));
    kb->lexicon = std::move(lexicon_);
    kb->person_by_id = std::move(person_by_id_);
    kb->office_by_id = std::move(office_by_id_);
    kb->source_by_id = std::move(source_by_id_);
    kb->event_by_id = std::move(event_by_id_);

    kb->terms_by_person.assign(kb->people.size(), {});
    kb->terms_by_office.assign(kb->offices.size(), {});
    kb->quotes_by_speaker.assign(kb->people.size(), {});
    for (size_t i = 0; i < kb->terms.size(); ++i) {
      kb->terms_by_person[static_cast<size_t>(kb->terms[i].person)].push_back(static_cast<int>(i));
      kb->terms_by_office[static_cast<size_t>(kb->terms[i].office)].push_back(static_cast<int>(i));
    }
    auto by_start = [&](int a, int b) {
      return kb->terms[static_cast<size_t>(a)].start < kb->terms[static_cast<size_t>(b)].start;
    };
    for (auto& list : kb->terms_by_person) std::stable_sort(list.begin(), list.end(), by_start);
    for (auto& list : kb->terms_by_office) std::stable_sort(list.begin(), list.end(), by_start);
    for (size_t i = 0; i < kb->quotes.size(); ++i) {
      kb->quotes_by_speaker[static_cast<size_t>(kb->quotes[i].speaker)].push_back(static_cast<int>(i));
    }
    for (auto& list : kb->quotes_by_speaker) {
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
        return kb->quotes[static_cast<size_t>(a)].date < kb->quotes[static_cast<size_t>(b)].date;
      });
    }
  }

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
  std::unordered_map<std::string, int> person_by_id_, office_by_id_, source_by_id_, event_by_id_;
  bool sources_broken_ = false, people_broken_ = false, offices_broken_ = false, events_broken_ = false;
  const TriggerWords* lint_ = nullptr;  // the trigger lint's words, or null: no lint
  size_t errors_seen_ = 0;  // every problem found, kept or not
};

}  // namespace

Result<KbHandle> LoadKb(std::string_view json_text) {
  try {
    auto kb = std::make_shared<Kb>();
    std::vector<Error> errors = Loader(json_text, 1).Run(kb.get());
    if (!errors.empty()) return std::move(errors.front());
    kb->index = BuildKbIndex(*kb);  // once per KB, not per Check
    return KbHandle(std::move(kb));
  } catch (const std::bad_alloc&) {
    Error e;
    e.code = ErrorCode::kKbTooLarge;
    e.message = "out of memory while loading the KB";
    return e;
  }
}

std::vector<Error> ValidateKb(std::string_view json_text) {
  try {
    return Loader(json_text, kMaxErrors).Run(nullptr);
  } catch (const std::bad_alloc&) {
    Error e;
    e.code = ErrorCode::kKbTooLarge;
    e.message = "out of memory while validating the KB";
    return {e};
  }
}

std::vector<Error> LintKbTriggers(std::string_view json_text, std::string_view word_lists_json) {
  try {
    // {"description": "...", "<list>": ["word", ...], ...}, read with the KB's own reader (this
    // file is compiled with exceptions in the wasm build; the rest of the core is not).
    TriggerWords words;
    auto bad_lists = [](std::string message) {
      Error e;
      e.code = ErrorCode::kBadInput;
      e.message = "trigger word lists: " + std::move(message);
      return std::vector<Error>{e};
    };
    JsonLimits limits;
    limits.max_depth = 3;
    if (CheckJson(word_lists_json, limits)) return bad_lists("not JSON, or nested too deep");
    JsonReader r(word_lists_json);
    if (r.Peek() != Type::kObject) return bad_lists("not a JSON object");
    r.BeginObject();
    std::string key;
    size_t key_at = 0;
    while (r.NextKey(&key, &key_at)) {
      if (key == "description") {
        r.Skip();
        continue;
      }
      if (r.Peek() != Type::kArray) return bad_lists("\"" + key + "\" is not an array of words");
      r.BeginArray();
      while (r.NextElement()) {
        if (r.Peek() != Type::kString) return bad_lists("\"" + key + "\" holds something that is not a string");
        for (std::string& w : TriggerWordsOf(r.ReadString())) {
          if (key == "function_words") words.function.insert(w);
          if (key == "months") words.months.insert(w);
          words.generic.insert(std::move(w));
        }
      }
    }
    return Loader(json_text, kMaxErrors, &words).Run(nullptr);
  } catch (const std::bad_alloc&) {
    Error e;
    e.code = ErrorCode::kKbTooLarge;
    e.message = "out of memory while linting the KB";
    return {e};
  }
}

KbSummary Summarize(const Kb& kb) {
  KbSummary s;
  s.name = kb.name;
  s.as_of = FormatIsoDate(kb.as_of);
  s.schema_version = kb.schema_version;
  s.sources = kb.sources.size();
  s.people = kb.people.size();
  s.offices = kb.offices.size();
  s.terms = kb.terms.size();
  s.events = kb.events.size();
  s.quotes = kb.quotes.size();
  return s;
}

}  // namespace factlint
