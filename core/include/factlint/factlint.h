// factlint — check news text against a knowledge base of who held which office when.
//
// This header is the whole public API of the core, and its manual. The core is plain C++20: it
// takes the knowledge base (KB) and the article as strings, never touches files or the network,
// never throws across this API, and is built and tested natively; wasm/ binds it, cli/ drives it.
//
//   #include "factlint/factlint.h"
//
//   factlint::Result<factlint::KbHandle> kb = factlint::LoadKb(kb_json_text);
//   if (!kb.ok()) { std::cerr << kb.error().ToString() << "\n"; return 2; }
//   factlint::CheckOptions options;                  // no date: inferred from the text
//   factlint::Report report = factlint::Check(*kb.value(), article_text, options);
//   for (const factlint::Finding& f : report.findings)
//     std::cout << f.rule << " " << f.start << ".." << f.end << " " << f.message << "\n";
//   std::string json = factlint::ReportToJson(report);   // the JSON contract of docs/REPORT.md
//
// Text offsets: every span is given twice, as UTF-8 byte offsets into the input (`start`, `end`)
// and as UTF-16 code-unit offsets (`start16`, `end16`) for JavaScript. Invalid UTF-8 is tolerated:
// each invalid byte counts as one U+FFFD (one UTF-16 unit) and offsets never shift.
//
// Lifetimes: a KbHandle is immutable and shared; a Report owns its strings and borrows nothing.
// Loading a new KB never disturbs a Check running on the old one.

#ifndef FACTLINT_FACTLINT_H_
#define FACTLINT_FACTLINT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace factlint {

inline constexpr const char kVersion[] = "0.1.0";

// ---------------------------------------------------------------------------------------------
// Errors are data. Every fallible call returns Result<T>: a value or an Error that names the
// problem and its place.

enum class ErrorCode {
  kOk = 0,
  kKbNotJson,        // the KB text is not JSON (line/column of the parse error)
  kKbSchema,         // wrong type, missing or unknown key (JSON path + line/column)
  kKbInvalidValue,   // a value that cannot be: a date that does not exist, start after end
  kKbDuplicate,      // an id or alias defined twice
  kKbDanglingId,     // a reference to a person, office or source id that is not defined
  kKbOverlap,        // two terms of a single-holder office overlap
  kKbTooLarge,       // the KB exceeds the loader's limits (size, nesting depth)
  kBadOption,        // an option value is malformed (for example a date that is not YYYY-MM-DD)
  kBadInput,         // input that cannot be processed (for example a JSONL line that is not JSON)
  kIo,               // a file could not be read or written (CLI only)
  // Rule catalogues (LoadRules). Every message names the rule id when the entry has one, the
  // path is the JSON pointer of the key or value, line/column its place.
  kRulesNotJson,      // the catalogue is not JSON (line/column where it stops being JSON)
  kRulesSchema,       // wrong type, missing, unknown or repeated key, bad id, severity or example
  kRulesUnknownKind,  // a rule's "kind" is not in the registry (the message lists the kinds)
  kRulesParams,       // params that do not fit the kind: unknown, missing, wrong type, out of range
  kRulesPlaceholder,  // a message placeholder the kind does not fill, or an unbalanced brace
  kRulesDuplicate,    // a rule id defined twice
  kRulesTooLarge,     // the catalogue exceeds the loader's limits (16 MiB, nesting depth 32)
  kKbLint,           // `factlint kb-check`'s trigger lint: a generic or shared event trigger
  kKbSnapshot,       // a compiled KB snapshot that is truncated, corrupt or of another version/core
};

// Stable lower_snake name of a code ("kb_schema"), used as the `kind` of JS errors.
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kOk;
  std::string message;  // one sentence, names the problem
  std::string path;     // JSON path in the KB ("/terms/12/end"), empty when not applicable
  int line = 0;         // 1-based line in the input, 0 when unknown
  int column = 0;       // 1-based column (in bytes), 0 when unknown

  // "line 12, column 5: /terms/3/end: end date 2021-02-30 does not exist" — place first.
  std::string ToString() const;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// ---------------------------------------------------------------------------------------------
// Dates: a civil day, proleptic Gregorian, as days since 1970-01-01.

struct Date {
  int32_t days = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Parses "YYYY-MM-DD" (a day that exists, years 0001–9999); nullopt otherwise.
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(Date date);
Date MakeDate(int year, int month, int day);  // the caller guarantees a valid day
int DaysInMonth(int year, int month);          // month 1..12
void SplitDate(Date date, int* year, int* month, int* day);

// ---------------------------------------------------------------------------------------------
// The knowledge base. Loading validates everything the format promises (kb/FORMAT.md,
// kb/schema.json): unknown keys, dates that exist, start <= end, unique ids and aliases, no
// dangling ids, no overlapping terms of a single-holder office. The first error is returned;
// ValidateKb returns all of them.

struct Kb;  // defined in core/src/kb.h; opaque here
using KbHandle = std::shared_ptr<const Kb>;

Result<KbHandle> LoadKb(std::string_view json_text);
std::vector<Error> ValidateKb(std::string_view json_text);  // empty = valid

struct KbSummary {
  std::string name;
  std::string as_of;  // YYYY-MM-DD
  int schema_version = 0;
  size_t sources = 0, people = 0, offices = 0, terms = 0, events = 0, quotes = 0;
};
KbSummary Summarize(const Kb& kb);

// The compiled KB snapshot (core/src/kb_snapshot.h): the loaded KB and its phrase index as one
// versioned binary that loads without JSON parsing, validation or index building. The build
// compiles kb/world.json into one (`factlint kb-compile`); front ends that ship the bundled KB load
// it and fall back to the JSON. A user's KB is still JSON, loaded and validated by LoadKb.
// WriteKbSnapshot(kb, json_text) writes a KB that LoadKb made (json_text: the text it was loaded
// from, whose hash the snapshot records); CompileKbSnapshot = LoadKb + WriteKbSnapshot.
// LoadKbSnapshot refuses a file of another format version or core, a truncated or corrupt one
// (hash, bounds, every index it holds) with a kKbSnapshot error naming the check and byte offset.
std::string WriteKbSnapshot(const Kb& kb, std::string_view json_text);
Result<std::string> CompileKbSnapshot(std::string_view json_text);
Result<KbHandle> LoadKbSnapshot(std::string_view bytes);
// The same for a caller done with the bytes (the CLI, the wasm module): the loaded KB keeps them
// (freed with it, also when the load fails), and its strings are views into the file's string pool
// instead of a copy of it (one copy of ~half the file, and its fresh pages, less).
Result<KbHandle> LoadKbSnapshotOwned(std::unique_ptr<char[]> bytes, size_t size);
bool IsKbSnapshot(std::string_view bytes);  // starts with the snapshot's magic ("FLKBSNAP")
// True when the snapshot's header names json_text as its source (the hash WriteKbSnapshot
// recorded): a front end that embeds the JSON may load a snapshot built from it instead.
bool KbSnapshotCompiledFrom(std::string_view snapshot, std::string_view json_text);

// ---------------------------------------------------------------------------------------------
// Checking.

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
std::string_view SeverityName(Severity s);                    // "info" | "warning" | "error"
std::optional<Severity> ParseSeverity(std::string_view name);  // inverse of SeverityName

// ---------------------------------------------------------------------------------------------
// Rules. A catalogue (core/rules/rules.json is embedded and used by default; docs/RULES.md, schema
// core/rules/schema.json) lists rules, each of a kind the engine knows ("phrase",
// "title_not_held", ...) with the kind's params, an id, a severity and a message template. A
// user's catalogue replaces the bundled one for the checks given it: a new rule of an existing
// kind needs no rebuild. Loading is strict like the KB's: the first problem is returned with the
// rule id, the JSON path and the line/column.

struct RuleCatalog;  // defined in core/src/rules.h; opaque here
using RulesHandle = std::shared_ptr<const RuleCatalog>;

Result<RulesHandle> LoadRules(std::string_view json_text);

struct CheckOptions {
  std::optional<Date> date;             // the reference date; inferred from the text when absent
  // The publication date a front end read from the document's metadata (a page's
  // article:published_time, JSON-LD datePublished, <time> in its header; web/pagedate.js). The
  // reference date's precedence: date ("given") > metadata_date ("metadata") > the text's own
  // dateline ("dateline") > inferred from the text ("inferred").
  std::optional<Date> metadata_date;
  std::string metadata_source;          // where it was read ("meta:article:published_time", …), for the evidence
  Severity min_severity = Severity::kInfo;  // findings below are dropped
  std::vector<std::string> disabled_rules;  // rule ids to silence: those rules do not run
  RulesHandle rules;                    // the rule catalogue; null = the bundled one
};

struct Span {
  size_t start = 0, end = 0;      // UTF-8 byte offsets, [start, end)
  size_t start16 = 0, end16 = 0;  // UTF-16 code units
};

struct Evidence {
  std::string fact;    // "Donald Trump: President of the United States, 2025-01-20 – (in office)"
  std::string source;  // the source's name (and url when the KB has one)
};

struct Finding {
  std::string rule;  // stable UPPER_SNAKE id, see core/rules/rules.json
  Severity severity = Severity::kInfo;
  size_t sentence = 0;  // index into Report::sentences
  Span span;            // the claim itself, never the whole sentence
  std::string text;     // the claim's text (the bytes of span)
  std::string message;
  std::vector<Evidence> evidence;
  std::optional<std::string> suggestion;  // replacement text for span, when there is one
  // The claim's own time when its clause or sentence dates it ("On March 19, 2003, President …":
  // "2003-03-19"; "In 2010, …": "2010"; "2018-03"; or "A..B"), so a reader sees which time was
  // used; absent when the claim was judged at the reference window.
  std::optional<std::string> claim_date;
};

// One window the text's clues allow, inclusive days.
struct DateWindow {
  Date from, to;
  friend bool operator==(const DateWindow&, const DateWindow&) = default;
};

struct ReferenceDate {
  std::optional<Date> from, to;  // absent when nothing in the text constrains it
  std::string source;            // "given" | "metadata" | "dateline" | "inferred" | "none"
  std::vector<std::string> evidence;  // the clues that made the window, human-readable
  // Inferred only: when two or more windows tie (equally strong clues, equally few people in
  // conflict), every one of them, in order (at most 8) — from/to then span them all, so no claim
  // is judged at a time the evidence did not single out. Empty when the clues decide.
  std::vector<DateWindow> candidates;
};

struct Report {
  std::string kb_name, kb_as_of;
  ReferenceDate reference_date;
  std::vector<Span> sentences;
  std::vector<Finding> findings;  // ordered by span start
};

// Checks one document. Never fails: text of any size or content gives a report (possibly empty).
Report Check(const Kb& kb, std::string_view text, const CheckOptions& options);

// The report as the JSON contract shared by every front end (docs/REPORT.md); one line.
std::string ReportToJson(const Report& report);

// Re-checking a text as it is edited (an editor checking while the user types). An
// IncrementalChecker keeps, for each block of the last text it checked — a paragraph, a heading
// or lines the segmenter joins (the blocks of docs/SEGMENTATION.md; no sentence crosses one) —
// that block's sentences, their time expressions and the hits of the KB's and the rule
// catalogue's phrase automata, keyed by the block's bytes. Check(text) analyses only the blocks
// whose bytes it has not seen in the last text (a typed character: its block; a join or split of
// lines: the blocks that changed), and recomputes everything that depends on the whole document
// from them: the text model and offsets, people and their coreference, quotes and their speakers,
// titles, events and the other claims, the reference window, every claim's time, the rules and
// the report. Its report is the same as factlint::Check(kb, text, options) of the same text —
// the same bytes in ReportToJson, whatever the text and the edits before it. Memory: the
// analyses of the last text's blocks only. Not thread-safe (one per editor); the KB and options
// are fixed: make a new one when they change (the first Check of a new one is a full check).
class IncrementalChecker {
 public:
  IncrementalChecker(KbHandle kb, CheckOptions options);  // kb must not be null
  ~IncrementalChecker();
  IncrementalChecker(IncrementalChecker&&) noexcept;
  IncrementalChecker& operator=(IncrementalChecker&&) noexcept;

  Report Check(std::string_view text);

  struct Stats {
    size_t blocks = 0;    // blocks in the last text checked
    size_t analysed = 0;  // of them, analysed by that Check (the rest were reused)
    // False when a phrase of the KB or the catalogue could match across a block's edge (it
    // starts or ends with a space, or holds a line break): the automata then run over the whole
    // text on every Check (the report is the same; only the time differs).
    bool block_matching = true;
  };
  const Stats& last_stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Sentence segmentation alone (the first stage of Check).
std::vector<Span> Segment(std::string_view text);

// The bundled rule catalogue (id, kind, params, severity, message template, examples), as JSON
// text.
std::string_view RuleCatalogJson();

}  // namespace factlint

#endif  // FACTLINT_FACTLINT_H_
