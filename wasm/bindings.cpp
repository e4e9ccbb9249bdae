// Embind bindings of the factlint core: they only bind. Strings and plain value objects cross the
// boundary; nothing returned points into wasm memory, so JS never has to free anything.
//
// JS sees (names are camelCase, see web/factlint.d.ts for the wrapper built on top):
//   loadKb(kbText)             -> {ok, error: {kind, message, path, line, column}}
//   loadKbSnapshot(bytes)      -> the same, for a compiled KB snapshot (a Uint8Array, copied
//                                 into wasm memory with one TypedArray set): no JSON parse, no
//                                 index build; a kb_snapshot error when it is refused
//   snapshotBuffer(size)       -> a Uint8Array view of a buffer of `size` bytes in wasm memory
//                                 (null when it cannot be allocated), owned here, for the caller to fill with a snapshot's bytes
//                                 (piece by piece, as they were read: no copy of them joined in
//                                 JS first); valid until the next call into the module
//   loadKbSnapshotBuffer()     -> loadKbSnapshot of that buffer's bytes, handed over: the loaded
//                                 KB keeps the buffer and views its strings in place (no copy of
//                                 the string pool); a refused one is released
//   prefaultHeap(bytes)        -> allocates `bytes` of heap, writes one byte per 4 KB page and
//                                 frees them: the memory a KB load will take is grown and its
//                                 pages faulted in while the snapshot is still on its way
//   loadKbCompiled(kbText)     -> {ok, error, snapshot}: loadKb, and on success the compiled
//                                 snapshot of that KB (factlint::WriteKbSnapshot) as a new
//                                 Uint8Array (null on error), for a cache keyed by the text's hash
//   loadRules(rulesText)       -> {ok, error}: replaces the rule catalogue (docs/RULES.md)
//   kbSummary()                -> JSON text of the loaded KB's summary ("" when none is loaded)
//   check(text, optionsJson)   -> report JSON text (factlint::ReportToJson), or
//                                 {"error": {...}} JSON text when an option is malformed
//   checkIncremental(text, optionsJson) -> the same report JSON as check(): an
//                                 IncrementalChecker (factlint.h) kept for the KB, catalogue and
//                                 options of the last call re-analyses only the blocks of text
//                                 that changed since that call; other KB/catalogue/options: a new one
//   incrementalStats()         -> {blocks, analysed, blockMatching} of the last checkIncremental
//   segment(text)              -> JSON text: [{"start","end","start16","end16"}, ...]
//   ruleCatalog()              -> the catalogue in use as JSON text (core/rules/rules.json until
//                                 a loadRules succeeds)
//   version()                  -> factlint::kVersion
//
// State: the KB handle and the rule catalogue below, the buffer of snapshotBuffer until it is loaded (with its text), and checkIncremental's
// session (which holds both and is replaced when either changes), are the only state. A load
// that fails leaves them unchanged, so the previous KB or catalogue keeps working (the contract
// every front end relies on). check() before any
// successful loadKb() returns a bad_input error ("no knowledge base loaded").
//
// optionsJson is {"date": "YYYY-MM-DD"|null, "metadataDate": "YYYY-MM-DD"|null,
// "metadataSource": string|null, "minSeverity": "info"|"warning"|"error",
// "disabledRules": ["RULE_ID", ...]}; absent keys take the core's defaults. The JSON text is
// parsed here (a binding concern: it is how options cross), every value is validated by the core's
// own parsers.

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace {

using nlohmann::json;

factlint::KbHandle& CurrentKb() {
  static factlint::KbHandle kb;  // the module's one piece of state
  return kb;
}

struct JsError {
  std::string kind, message, path;
  int line = 0, column = 0;
};

struct LoadResult {
  bool ok = false;
  JsError error;
};

JsError ToJsError(const factlint::Error& e) {
  return JsError{std::string(factlint::ErrorCodeName(e.code)), e.message, e.path, e.line, e.column};
}

std::string ErrorJson(factlint::ErrorCode code, std::string message) {
  json out = {{"error",
               {{"kind", std::string(factlint::ErrorCodeName(code))},
                {"message", std::move(message)},
                {"path", ""},
                {"line", 0},
                {"column", 0}}}};
  return out.dump();
}

struct CurrentRules {
  factlint::RulesHandle rules;  // null: the bundled catalogue
  std::string text = std::string(factlint::RuleCatalogJson());
};

CurrentRules& Rules() {
  static CurrentRules rules;  // the module's other piece of state
  return rules;
}

LoadResult LoadRules(const std::string& rules_text) {
  factlint::Result<factlint::RulesHandle> loaded = factlint::LoadRules(rules_text);
  if (!loaded.ok()) return LoadResult{false, ToJsError(loaded.error())};
  Rules() = CurrentRules{std::move(loaded).value(), rules_text};
  return LoadResult{true, JsError{}};
}

LoadResult LoadKb(const std::string& kb_text) {
  factlint::Result<factlint::KbHandle> loaded = factlint::LoadKb(kb_text);
  if (!loaded.ok()) return LoadResult{false, ToJsError(loaded.error())};
  CurrentKb() = std::move(loaded).value();
  return LoadResult{true, JsError{}};
}

// The bytes of a JS Uint8Array, copied into wasm memory by one TypedArray.prototype.set. (Embind's
// std::string conversion copies a Uint8Array byte by byte in a JS loop: 30-60 ms for a 4 MB
// snapshot in a cold engine on the shared test machine, against under 1 ms.)
std::string BytesOf(const emscripten::val& bytes) {
  const size_t n = bytes["length"].as<size_t>();
  std::string out(n, '\0');
  if (n > 0) {
    emscripten::val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(out.data())))
        .call<void>("set", bytes);
  }
  return out;
}

LoadResult LoadResultOf(factlint::Result<factlint::KbHandle> loaded) {
  if (!loaded.ok()) return LoadResult{false, ToJsError(loaded.error())};
  CurrentKb() = std::move(loaded).value();
  return LoadResult{true, JsError{}};
}

LoadResult LoadKbSnapshotBytes(std::string_view bytes) { return LoadResultOf(factlint::LoadKbSnapshot(bytes)); }

LoadResult LoadKbSnapshot(const emscripten::val& js_bytes) { return LoadKbSnapshotBytes(BytesOf(js_bytes)); }

// snapshotBuffer / loadKbSnapshotBuffer: the bytes written straight into wasm memory by the caller
// (not zero-filled first: every byte is written before the load reads it).
struct SnapshotBuffer {
  std::unique_ptr<char[]> bytes;
  size_t size = 0;
};
SnapshotBuffer& PendingSnapshot() {
  static SnapshotBuffer buffer;
  return buffer;
}

emscripten::val SnapshotBufferView(size_t size) {
  SnapshotBuffer& buffer = PendingSnapshot();
  buffer.bytes.reset();  // a buffer not loaded is dropped
  buffer.bytes.reset(new (std::nothrow) char[size > 0 ? size : 1]);
  buffer.size = buffer.bytes ? size : 0;
  if (!buffer.bytes) return emscripten::val::null();  // out of memory: the caller loads another way
  return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(buffer.bytes.get())));
}

LoadResult LoadKbSnapshotBuffer() {
  SnapshotBuffer buffer = std::move(PendingSnapshot());
  PendingSnapshot() = SnapshotBuffer{};
  if (!buffer.bytes) return LoadResult{false, JsError{"kb_snapshot", "no snapshot buffer to load (snapshotBuffer first)", "", 0, 0}};
  // Handed over: the KB keeps the buffer and views its string pool in place (no copy of it).
  return LoadResultOf(factlint::LoadKbSnapshotOwned(std::move(buffer.bytes), buffer.size));
}

void PrefaultHeap(size_t bytes) {
  auto* block = static_cast<volatile unsigned char*>(std::malloc(bytes));
  if (block == nullptr) return;
  for (size_t at = 0; at < bytes; at += 4096) block[at] = 0;
  std::free(const_cast<unsigned char*>(block));
}

// loadKb + WriteKbSnapshot of the KB just loaded: the snapshot is copied out into a JS Uint8Array
// (nothing returned points into wasm memory).
emscripten::val LoadKbCompiled(const std::string& kb_text) {
  emscripten::val out = emscripten::val::object();
  factlint::Result<factlint::KbHandle> loaded = factlint::LoadKb(kb_text);
  if (!loaded.ok()) {
    out.set("ok", false);
    out.set("error", ToJsError(loaded.error()));
    out.set("snapshot", emscripten::val::null());
    return out;
  }
  CurrentKb() = std::move(loaded).value();
  std::string bytes = factlint::WriteKbSnapshot(*CurrentKb(), kb_text);
  emscripten::val view(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data())));
  out.set("ok", true);
  out.set("error", JsError{});
  out.set("snapshot", emscripten::val::global("Uint8Array").new_(view));  // a copy out of wasm memory
  return out;
}

std::string KbSummaryJson() {
  const factlint::KbHandle& kb = CurrentKb();
  if (!kb) return "";
  factlint::KbSummary s = factlint::Summarize(*kb);
  json out = {{"name", s.name},       {"as_of", s.as_of},     {"schema_version", s.schema_version},
              {"sources", s.sources}, {"people", s.people},   {"offices", s.offices},
              {"terms", s.terms},     {"events", s.events},   {"quotes", s.quotes}};
  return out.dump();
}

// Parses optionsJson into CheckOptions; on failure returns the error JSON text in *error.
bool ParseOptions(const std::string& options_json, factlint::CheckOptions* options, std::string* error) {
  if (options_json.empty()) return true;
  json o = json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  if (o.is_discarded() || !o.is_object()) {
    *error = ErrorJson(factlint::ErrorCode::kBadOption, "options are not a JSON object");
    return false;
  }
  for (const auto& [key, value] : o.items()) {
    if (key == "date") {
      if (value.is_null()) continue;
      std::optional<factlint::Date> date;
      if (value.is_string()) date = factlint::ParseIsoDate(value.get<std::string>());
      if (!date) {
        *error = ErrorJson(factlint::ErrorCode::kBadOption,
                           "date must be a day that exists, written YYYY-MM-DD: " + value.dump());
        return false;
      }
      options->date = date;
    } else if (key == "metadataDate") {
      if (value.is_null()) continue;
      std::optional<factlint::Date> date;
      if (value.is_string()) date = factlint::ParseIsoDate(value.get<std::string>());
      if (!date) {
        *error = ErrorJson(factlint::ErrorCode::kBadOption,
                           "metadataDate must be a day that exists, written YYYY-MM-DD: " + value.dump());
        return false;
      }
      options->metadata_date = date;
      if (options->metadata_source.empty()) options->metadata_source = "the page's metadata";
    } else if (key == "metadataSource") {
      if (value.is_null()) continue;
      if (!value.is_string()) {
        *error = ErrorJson(factlint::ErrorCode::kBadOption, "metadataSource must be a string: " + value.dump());
        return false;
      }
      options->metadata_source = value.get<std::string>().substr(0, 200);
    } else if (key == "minSeverity") {
      std::optional<factlint::Severity> severity;
      if (value.is_string()) severity = factlint::ParseSeverity(value.get<std::string>());
      if (!severity) {
        *error = ErrorJson(factlint::ErrorCode::kBadOption,
                           "minSeverity must be \"info\", \"warning\" or \"error\": " + value.dump());
        return false;
      }
      options->min_severity = *severity;
    } else if (key == "disabledRules") {
      if (!value.is_array()) {
        *error = ErrorJson(factlint::ErrorCode::kBadOption, "disabledRules must be an array of rule ids");
        return false;
      }
      for (const json& rule : value) {
        if (!rule.is_string()) {
          *error = ErrorJson(factlint::ErrorCode::kBadOption, "disabledRules must be an array of rule ids");
          return false;
        }
        options->disabled_rules.push_back(rule.get<std::string>());
      }
    } else {
      *error = ErrorJson(factlint::ErrorCode::kBadOption, "unknown option: " + key);
      return false;
    }
  }
  return true;
}

std::string CheckText(const std::string& text, const std::string& options_json) {
  factlint::KbHandle kb = CurrentKb();  // a copy: the KB lives for the whole call
  if (!kb) return ErrorJson(factlint::ErrorCode::kBadInput, "no knowledge base loaded");
  factlint::CheckOptions options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return error;
  options.rules = Rules().rules;  // a copy: the catalogue lives for the whole call
  return factlint::ReportToJson(factlint::Check(*kb, text, options));
}

// The incremental checker of checkIncremental: one, for the KB, catalogue and options of the last
// call; a call with another of any of them starts a new one (whose first check analyses the whole
// text). It holds the analyses of the last text's blocks only.
struct Session {
  factlint::KbHandle kb;
  factlint::RulesHandle rules;
  std::string options_json;
  std::unique_ptr<factlint::IncrementalChecker> checker;
};

Session& CurrentSession() {
  static Session session;
  return session;
}

std::string CheckIncremental(const std::string& text, const std::string& options_json) {
  factlint::KbHandle kb = CurrentKb();
  if (!kb) return ErrorJson(factlint::ErrorCode::kBadInput, "no knowledge base loaded");
  factlint::CheckOptions options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return error;
  options.rules = Rules().rules;
  Session& session = CurrentSession();
  if (!session.checker || session.kb != kb || session.rules != options.rules || session.options_json != options_json) {
    session = Session{kb, options.rules, options_json, nullptr};
    session.checker = std::make_unique<factlint::IncrementalChecker>(kb, std::move(options));
  }
  return factlint::ReportToJson(session.checker->Check(text));
}

struct IncrementalStats {
  int blocks = 0, analysed = 0;
  bool block_matching = true;
};

IncrementalStats GetIncrementalStats() {
  const Session& session = CurrentSession();
  if (!session.checker) return IncrementalStats{};
  const factlint::IncrementalChecker::Stats& s = session.checker->last_stats();
  return IncrementalStats{static_cast<int>(s.blocks), static_cast<int>(s.analysed), s.block_matching};
}

std::string SegmentText(const std::string& text) {
  json out = json::array();
  for (const factlint::Span& s : factlint::Segment(text)) {
    out.push_back({{"start", s.start}, {"end", s.end}, {"start16", s.start16}, {"end16", s.end16}});
  }
  return out.dump();
}

std::string RuleCatalog() { return Rules().text; }

std::string Version() { return factlint::kVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(factlint) {
  emscripten::value_object<JsError>("FactlintErrorData")
      .field("kind", &JsError::kind)
      .field("message", &JsError::message)
      .field("path", &JsError::path)
      .field("line", &JsError::line)
      .field("column", &JsError::column);
  emscripten::value_object<LoadResult>("LoadResult")
      .field("ok", &LoadResult::ok)
      .field("error", &LoadResult::error);
  emscripten::function("loadKb", &LoadKb);
  emscripten::function("loadKbSnapshot", &LoadKbSnapshot);
  emscripten::function("snapshotBuffer", &SnapshotBufferView);
  emscripten::function("loadKbSnapshotBuffer", &LoadKbSnapshotBuffer);
  emscripten::function("prefaultHeap", &PrefaultHeap);
  emscripten::function("loadKbCompiled", &LoadKbCompiled);
  emscripten::function("loadRules", &LoadRules);
  emscripten::function("kbSummary", &KbSummaryJson);
  emscripten::value_object<IncrementalStats>("IncrementalStats")
      .field("blocks", &IncrementalStats::blocks)
      .field("analysed", &IncrementalStats::analysed)
      .field("blockMatching", &IncrementalStats::block_matching);
  emscripten::function("check", &CheckText);
  emscripten::function("checkIncremental", &CheckIncremental);
  emscripten::function("incrementalStats", &GetIncrementalStats);
  emscripten::function("segment", &SegmentText);
  emscripten::function("ruleCatalog", &RuleCatalog);
  emscripten::function("version", &Version);
}
