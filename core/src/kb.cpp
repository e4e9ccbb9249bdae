// The KB loader: LoadKb, ValidateKb and Summarize (factlint/factlint.h), building the Kb of kb.h.
//
// Four stages (KbLoader::Run below), each linear in the text:
//   1. size: more than 64 MiB -> kKbTooLarge;
//   2. grammar and limits: GateJson (json_pos.h: nlohmann::json's SAX parser, no DOM, no
//      exceptions) -> kKbNotJson with the place where the text stops being JSON, or kKbTooLarge at
//      the first container nested deeper than 64 (100,000 nested '[' stop at the 65th) or the
//      first value over 2,000,000;
//   3. schema (kb_read.cpp): one pass of a pull reader (json_pos.h) over the now-known-good text,
//      reading every object against its field table (unknown, duplicate or missing keys, wrong
//      types, dates that exist, enums, start < end) straight into the Kb structs, remembering
//      where each id and reference stood;
//   4. cross-checks (kb_crosscheck.cpp): duplicate ids per collection, names/aliases shared by two
//      people (compared after Fold(), text.h), dangling ids, overlapping terms of a single-holder
//      office.
// Every problem is kept with its byte offset and JSON pointer; the first kMaxErrors in file order
// survive, and LoadKb returns the first of them. The line index is built only when there is an
// error to place. docs/ERRORS.md lists every code with its causes and messages. A KB that loads
// is moved into the Kb (KbLoader::Build: the id maps and the per-person, per-office and
// per-speaker lists) and gets its phrase index (kb_index.h: BuildKbIndex) here, once, for every
// Check to share.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_index.h"
#include "kb_loader.h"

namespace factlint {
namespace kb_load {
namespace {

constexpr size_t kMaxKbBytes = size_t{64} << 20;
constexpr int kMaxDepth = 64;
// Values (strings, numbers, arrays, objects...) in one KB. The real KB has one per ~23 bytes: 2
// million is a KB of ~45 MB, ten times the bundled one, and keeps a file of tiny values from
// making the loader allocate a hundred times its size.
constexpr size_t kMaxValues = 2'000'000;

}  // namespace

std::vector<Error> KbLoader::Run(Kb* kb) {
  JsonLimits limits;
  limits.max_depth = kMaxDepth;
  limits.max_values = kMaxValues;
  if (std::optional<JsonGateError> gate = GateJson(text_, kMaxKbBytes, limits)) {
    using Kind = JsonGateError::Kind;
    std::string message;
    switch (gate->kind) {
      case Kind::kTooManyBytes:
        message = "the KB is " + std::to_string(text_.size()) + " bytes; the limit is " +
                  std::to_string(kMaxKbBytes) + " bytes (64 MiB)";
        break;
      case Kind::kTooDeep:
        message = "containers are nested more than " + std::to_string(kMaxDepth) + " levels deep";
        break;
      case Kind::kTooManyValues:
        message = "the KB holds more than " + std::to_string(kMaxValues) + " JSON values";
        break;
      case Kind::kNotJson:
        message = "not JSON: " + gate->message;
        break;
    }
    const ErrorCode code =
        gate->kind == Kind::kNotJson ? ErrorCode::kKbNotJson : ErrorCode::kKbTooLarge;
    issues_.Add(gate->offset, code, "", std::move(message));
    return Finish();
  }
  ReadRoot();
  if (reader_.failed()) {  // cannot happen after GateJson; never build from a partial read
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

// --- the Kb --------------------------------------------------------------------------------

void KbLoader::Build(Kb* kb) {
  kb->strings = strings_;  // the views below point into it
  kb->schema_version = schema_version_;
  kb->name = strings_->Keep(name_);
  kb->as_of = as_of_;
  for (RawSource& s : sources_) kb->sources.push_back(std::move(s.value));
  for (RawPerson& p : people_) kb->people.push_back(std::move(p.value));
  for (RawOffice& o : offices_) {
    o.value.vacant = strings_->KeepArray<KbVacancy>(o.vacant);
    kb->offices.push_back(std::move(o.value));
  }
  for (RawTerm& t : terms_) kb->terms.push_back(std::move(t.value));
  for (RawEvent& e : events_) {
    e.value.participants = strings_->KeepArray<int>(e.participants_found);
    e.value.other_dates = strings_->KeepArray<KbOtherDate>(e.other_dates);
    kb->events.push_back(std::move(e.value));
  }
  for (RawQuote& q : quotes_) kb->quotes.push_back(std::move(q.value));
  kb->lexicon = std::move(lexicon_);
  // The lookups, each as one CSR array: counted, placed in file order, then each list sorted.
  auto lists = [](size_t count, size_t items, auto key_of, auto less) {
    std::vector<uint32_t> begin(count + 1, 0);
    for (size_t i = 0; i < items; ++i) ++begin[static_cast<size_t>(key_of(i)) + 1];
    for (size_t k = 0; k < count; ++k) begin[k + 1] += begin[k];
    std::vector<int> list(items);
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    for (size_t i = 0; i < items; ++i) list[fill[static_cast<size_t>(key_of(i))]++] = static_cast<int>(i);
    for (size_t k = 0; k < count; ++k)
      std::stable_sort(list.begin() + begin[k], list.begin() + begin[k + 1], less);
    return IndexLists(std::move(begin), std::move(list));
  };
  auto by_start = [&](int a, int b) {
    return kb->terms[static_cast<size_t>(a)].start < kb->terms[static_cast<size_t>(b)].start;
  };
  kb->terms_by_person = lists(kb->people.size(), kb->terms.size(), [&](size_t i) { return kb->terms[i].person; }, by_start);
  kb->terms_by_office = lists(kb->offices.size(), kb->terms.size(), [&](size_t i) { return kb->terms[i].office; }, by_start);
  kb->quotes_by_speaker = lists(kb->people.size(), kb->quotes.size(), [&](size_t i) { return kb->quotes[i].speaker; },
                                [&](int a, int b) {
                                  return kb->quotes[static_cast<size_t>(a)].date < kb->quotes[static_cast<size_t>(b)].date;
                                });
}

}  // namespace kb_load

std::string_view KbStrings::Keep(std::string_view s) {
  if (s.empty()) return {};
  char* at = Take(&text_, s.size());
  std::copy(s.begin(), s.end(), at);
  return {at, s.size()};
}

std::string_view KbStrings::Adopt(std::unique_ptr<char[]> bytes, size_t size) {
  const char* at = bytes.get();
  text_.chunks.push_back(std::move(bytes));
  return {at, size};
}

void* KbStrings::Room(size_t n, size_t size) {
  if (n > (SIZE_MAX - kArrayAlign) / size) throw std::bad_alloc();
  // Each array's bytes rounded up, so the next one starts aligned too (a chunk's start is: new
  // char[] is aligned for any fundamental type).
  return Take(&arrays_, (n * size + kArrayAlign - 1) & ~(kArrayAlign - 1));
}

// 64 KB a chunk: the bundled KB's strings and lists take a few; a request over a quarter of a
// chunk gets a chunk of its own.
char* KbStrings::Take(Arena* a, size_t bytes) {
  constexpr size_t kChunk = size_t{64} << 10;
  if (bytes > a->left) {
    if (bytes > kChunk / 4) {
      a->chunks.push_back(std::unique_ptr<char[]>(new char[bytes]));
      return a->chunks.back().get();
    }
    a->chunks.push_back(std::unique_ptr<char[]>(new char[kChunk]));
    a->next = a->chunks.back().get();
    a->left = kChunk;
  }
  char* at = a->next;
  a->next += bytes;
  a->left -= bytes;
  return at;
}

using kb_load::KbLoader;
using kb_load::kMaxErrors;

Result<KbHandle> LoadKb(std::string_view json_text) {
  try {
    auto kb = std::make_shared<Kb>();
    std::vector<Error> errors = KbLoader(json_text, 1).Run(kb.get());
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
    return KbLoader(json_text, kMaxErrors).Run(nullptr);
  } catch (const std::bad_alloc&) {
    Error e;
    e.code = ErrorCode::kKbTooLarge;
    e.message = "out of memory while validating the KB";
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