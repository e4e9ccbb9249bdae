// The KB loader's reading pass (kb_loader.h): one pass of the pull reader (json_pos.h) over text
// that passed GateJson, reading every object against its field table — the whole shape of the KB
// file (kb/FORMAT.md; kb/schema.json is held to these tables by scripts/kb/test_schema.py) —
// straight into the Raw* structs: unknown, duplicate or missing keys, wrong types, dates that
// exist and fit their precision, enums, start < end. Adding a KB field is a row here and a member
// in kb.h. The checks across objects are kb_crosscheck.cpp's.

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_loader.h"

namespace factlint {
namespace kb_load {

// Strings in one list (aliases, titles, triggers, a lexicon list...).
constexpr size_t kMaxListItems = 10'000;

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

namespace {

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

}  // namespace

// --- typed reads: the reader is on the value at path_; each consumes it, valid or not ------

bool KbLoader::Expect(Type want, std::string_view what) {
  const Type got = reader_.Peek();
  if (got == want) return true;
  AddHere(reader_.Offset(), ErrorCode::kKbSchema, [&] {
    return "expected " + std::string(what) + ", found " + std::string(JsonTypeName(got));
  });
  reader_.Skip();
  return false;
}

// A string; with nonblank, an empty or all-space string is an invalid value (and false).
bool KbLoader::GetString(std::string* out, bool nonblank) {
  const size_t at = reader_.Offset();
  if (!Expect(Type::kString, "a string")) return false;
  *out = reader_.ReadString();
  if (nonblank && IsBlank(*out)) {
    AddHere(at, ErrorCode::kKbInvalidValue, [] { return "must not be empty"; });
    return false;
  }
  return true;
}

bool KbLoader::GetString(std::string_view* out, bool nonblank) {
  std::string s;
  const bool ok = GetString(&s, nonblank);
  *out = strings_->Keep(s);
  return ok;
}

bool KbLoader::GetBool(bool* out) {
  if (!Expect(Type::kBool, "true or false")) return false;
  *out = reader_.ReadBool();
  return true;
}

// An integer written without fraction or exponent, min <= n <= 999,999,999.
bool KbLoader::GetInt(int* out, int min) {
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
void KbLoader::GetOptionalDate(std::optional<Date>* out, Located* where) {
  Date d;
  if (GetDate(&d, where)) *out = d;
}
void KbLoader::GetOptionalInt(std::optional<int>* out, int min) {
  int n = 0;
  if (GetInt(&n, min)) *out = n;
}
// A precision, remembering where it stood (valid: read and one of day/month/year).
void KbLoader::GetPrecision(EventPrecision* out, Located* where) {
  where->offset = reader_.Offset();
  where->valid = GetEnum(kPrecisions, out);
}

// A date at `where` (valid) written against its precision: YYYY-01-01 for "year", YYYY-MM-01
// for "month". `field` names the date, `precision_key` the key that set the precision.
void KbLoader::CheckPrecisionForm(Date d, EventPrecision p, const Located& where,
                                  std::string_view field, std::string_view precision_key) {
  if (!where.valid || FitsPrecision(d, p)) return;
  Add(where.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/" + std::string(field); }, [&] {
    return std::string(precision_key) + " is \"" + std::string(PrecisionName(p)) + "\": the date is written " +
           (p == EventPrecision::kYear ? "YYYY-01-01" : "YYYY-MM-01") + ", not " +
           Quoted(FormatIsoDate(d));
  });
}

bool KbLoader::GetDate(Date* out, Located* where, std::string_view what) {
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

bool KbLoader::GetStringList(StrList* out, std::vector<size_t>* offsets) {
  if (!Expect(Type::kArray, "an array of strings")) return false;
  reader_.BeginArray();
  std::unordered_set<std::string> seen;
  std::vector<std::string_view> list;
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
      list.push_back(strings_->Keep(s));
      if (offsets) offsets->push_back(at);
    } else {
      ok = false;
    }
  }
  *out = strings_->KeepArray<std::string_view>(list);
  return ok;
}

// An id being defined (the "id" of a source, person, office or event): a lowercase slug.
bool KbLoader::GetId(std::string_view* out, Located* where) {
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
void KbLoader::GetRef(Ref* ref) {
  ref->offset = reader_.Offset();
  ref->valid = GetString(&ref->id, /*nonblank=*/true);
}

template <typename Enum, size_t N>
bool KbLoader::GetEnum(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum* out) {
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
bool KbLoader::ReadObject(std::initializer_list<Field> fields) {
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
void KbLoader::ReadArray(std::string_view what, OnItem&& on_item) {
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

void KbLoader::ReadRoot() {
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

void KbLoader::ReadSchemaVersion() {
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
void KbLoader::KeepIdItem(Raw&& item, size_t index, std::vector<std::decay_t<Raw>>* items,
                          bool* broken) {
  if (!item.id.valid) {
    *broken = true;
    return;
  }
  item.index = index;
  items->push_back(std::move(item));
}

void KbLoader::ReadSource(size_t index) {
  RawSource s;
  ReadObject({
      {"id", kRequired, [&] { GetId(&s.value.id, &s.id); }},
      {"name", kRequired, [&] { GetString(&s.value.name, true); }},
      {"url", kOptional, [&] { GetString(&s.value.url, true); }},
      {"license", kOptional, [&] { GetString(&s.value.license, true); }},
  });
  KeepIdItem(std::move(s), index, &sources_, &sources_broken_);
}

void KbLoader::ReadPerson(size_t index) {
  RawPerson p;
  Located born, died, born_precision, died_precision, died_source, died_ref;  // offset 0: the key is absent
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
      {"died_source", kOptional,
       [&] {
         died_source = Located{reader_.Offset(), true};
         Ref r;
         GetRef(&r);
         p.died_source = std::move(r);
       }},
      {"died_ref", kOptional,
       [&] {
         died_ref = Located{reader_.Offset(), true};
         GetString(&p.value.died_ref, true);
       }},
  });
  if (is_object) {
    CheckPersonDates(p, born, died, born_precision, died_precision);
    // died_source and died_ref speak of died: never without it.
    auto needs_died = [&](const Located& at, std::string_view key) {
      if (!at.valid || died.offset != 0) return;
      Add(at.offset, ErrorCode::kKbSchema, [&] { return path_ + "/" + std::string(key); },
          [&] { return std::string(key) + " is given without died"; });
    };
    needs_died(died_source, "died_source");
    needs_died(died_ref, "died_ref");
  }
  KeepIdItem(std::move(p), index, &people_, &people_broken_);
}

// A precision needs its date; each date is written as its precision asks; died is not before
// born (the latest day died may stand for is not before the earliest day born may).
void KbLoader::CheckPersonDates(const RawPerson& p, const Located& born, const Located& died,
                                const Located& born_precision,
                                const Located& died_precision) {
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

void KbLoader::ReadOffice(size_t index) {
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
      {"vacant", kOptional,
       [&] {
         ReadArray("an array of {\"from\", \"to\", \"source\"[, \"ref\"]} objects", [&](size_t) {
           KbVacancy v;
           Ref source;
           Located from, to;
           ReadObject({
               {"from", kRequired, [&] { GetDate(&v.from, &from); }},
               {"to", kRequired, [&] { GetDateOrNull(&v.to, &to); }},  // null: lasting at as_of
               {"source", kRequired, [&] { GetRef(&source); }},
               {"ref", kOptional, [&] { GetString(&v.ref, true); }},
           });
           if (from.valid && v.to && *v.to <= v.from) {
             return Add(to.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/to"; }, [&] {
               return "the vacancy ends (" + FormatIsoDate(*v.to) + ") on or before it starts (" +
                      FormatIsoDate(v.from) + "); it covers [from, to) and must not be empty";
             });
           }
           if (!from.valid || !to.valid) return;
           o.vacant.push_back(v);
           o.vacant_sources.push_back(std::move(source));
           o.vacant_from.push_back(from);
         });
       }},
  });
  KeepIdItem(std::move(o), index, &offices_, &offices_broken_);
}

void KbLoader::ReadTerm(size_t index) {
  const size_t errors_before = errors_seen_;
  RawTerm t;
  Located seen_until;
  const bool is_object = ReadObject({
      {"person", kRequired, [&] { GetRef(&t.person); }},
      {"office", kRequired, [&] { GetRef(&t.office); }},
      {"start", kRequired, [&] { GetDate(&t.value.start, &t.start); }},
      {"end", kRequired, [&] { GetDateOrNull(&t.value.end, &t.end); }},  // null: running at as_of
      {"source", kRequired, [&] { GetRef(&t.source); }},
      {"acting", kOptional, [&] { GetBool(&t.value.acting); }},
      {"ref", kOptional, [&] { GetString(&t.value.ref, true); }},
      {"party", kOptional, [&] { GetString(&t.value.party, true); }},
      {"state", kOptional, [&] { GetString(&t.value.state, true); }},
      {"district", kOptional, [&] { GetOptionalInt(&t.value.district, 0); }},
      {"ordinal", kOptional, [&] { GetOptionalInt(&t.value.ordinal, 1); }},
      {"seen_until", kOptional, [&] {
         Date d;
         if (GetDate(&d, &seen_until)) t.value.seen_until = d;
       }},
  });
  if (is_object && t.value.seen_until && (t.value.end || (t.start.valid && *t.value.seen_until < t.value.start))) {
    Add(seen_until.offset, ErrorCode::kKbInvalidValue, [&] { return path_ + "/seen_until"; }, [&] {
      return t.value.end ? std::string("seen_until is for a term whose end is not known (end null); this one ends ") +
                               FormatIsoDate(*t.value.end)
                         : "seen_until (" + FormatIsoDate(*t.value.seen_until) + ") is before the term starts (" +
                               FormatIsoDate(t.value.start) + ")";
    });
  }
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

void KbLoader::ReadEvent(size_t index) {
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
         ReadArray("an array of {\"date\", \"what\"[, \"source\"]} objects", [&](size_t) {
           KbOtherDate od;
           std::optional<Ref> od_source;
           ReadObject({
               {"date", kRequired, [&] { GetDate(&od.date); }},
               {"what", kRequired, [&] { GetString(&od.what, true); }},
               {"source", kOptional, [&] {
                  Ref r;
                  GetRef(&r);
                  od_source = std::move(r);
                }},
           });
           e.other_dates.push_back(std::move(od));
           e.other_date_sources.push_back(std::move(od_source));
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

void KbLoader::ReadQuote(size_t index) {
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

void KbLoader::ReadLexicon() {
  ReadObject({
      {"hedges", kOptional, [&] { GetStringList(&lexicon_.hedges); }},
      {"anonymous", kOptional, [&] { GetStringList(&lexicon_.anonymous); }},
      {"prospective", kOptional, [&] { GetStringList(&lexicon_.prospective); }},
  });
}

}  // namespace kb_load
}  // namespace factlint
