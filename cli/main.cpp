// factlint — the command-line front end of the core (factlint/factlint.h).
//
//   factlint check [--kb FILE] [--rules FILE] [--date YYYY-MM-DD] [--published-date YYYY-MM-DD]
//                  [--format text|json|jsonl] [--min-severity S]
//                  [--fail-on S] [--disable RULE]... [--no-excerpt] FILE...|-
//   factlint segment [--format text|json] FILE|-
//   factlint kb-check [--no-trigger-lint] FILE
//   factlint kb-compile KB.json OUT.kbs
//   factlint rules-check FILE
//   factlint rules
//
// Text output reads like a compiler's (`file:line:col: error: [RULE] message`, then the line with
// the claim underlined and the evidence as notes). `--format jsonl` streams: every input line is a
// JSON object {"id", "text", "date"?} and gives one output line {"id", "report"} (or {"id",
// "error"}), so an archive runs through it in constant memory as a stage of GNU parallel, Spark's
// pipe or Hadoop streaming (docs/BATCH.md).
//
// `--kb FILE` takes a KB as JSON or a compiled snapshot (`kb-compile`, recognised by its first
// bytes "FLKBSNAP"), which loads without parsing or validating: the build compiles the bundled
// KB that way (core/src/kb_snapshot.h).
//
// Without `--kb`, the bundled KB: the snapshot the build writes beside the binary
// (kb/world.kbs) when it was compiled from the embedded kb/world.json, else that JSON.
//
// `--rules FILE` replaces the bundled rule catalogue (core/rules/rules.json) with the user's file
// (docs/RULES.md); `rules-check FILE` validates one.
//
// Exit codes: 0 no finding at or above --fail-on (default error); 1 some; 2 usage, input, KB or
// rule catalogue error, always with a message on stderr naming the problem and its place.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"
#include "jsonl.h"
#include "kb.h"

namespace factlint {
std::string_view EmbeddedWorldKb();  // kb/world.json, embedded at build time
std::string_view EmbeddedGenericTriggers();  // kb/generic_triggers.json, embedded at build time
}  // namespace factlint

namespace {

using factlint::Severity;
using json = nlohmann::json;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

constexpr const char kUsage[] =
    "usage: factlint check [--kb FILE] [--rules FILE] [--date YYYY-MM-DD] [--published-date YYYY-MM-DD]\n"
    "                      [--format text|json|jsonl]\n"
    "                      [--min-severity info|warning|error] [--fail-on info|warning|error|never]\n"
    "                      [--disable RULE]... [--no-excerpt] FILE...|-\n"
    "       factlint segment [--format text|json] FILE|-\n"
    "       factlint kb-check [--no-trigger-lint] FILE\n"
    "       factlint kb-compile KB.json OUT.kbs\n"
    "       factlint rules-check FILE\n"
    "       factlint rules\n"
    "       factlint --version\n";

struct UsageError {
  std::string message;
};

// Reads a whole file ("-" = stdin). Returns false with a message on failure.
bool ReadInput(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    *out = buf.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open file";
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    *error = path + ": read error";
    return false;
  }
  *out = buf.str();
  return true;
}

// A regular file's bytes in one read into a buffer of its size (no stream copies, no zero-fill):
// a KB file, which LoadKbSnapshotOwned then keeps. False for anything else (not a regular file,
// empty, or changed under the read), which ReadInput reads and reports on.
bool ReadWholeFile(const std::string& path, std::unique_ptr<char[]>* out, size_t* size) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  if (ok) {
    const auto n = static_cast<size_t>(st.st_size);
    out->reset(new char[n]);
    size_t done = 0;
    while (done < n) {
      const ssize_t got = read(fd, out->get() + done, n - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<size_t>(got);
    }
    char more;
    ok = done == n && read(fd, &more, 1) == 0;  // all of it, and nothing after it
    *size = n;
  }
  close(fd);
  if (!ok) out->reset();
  return ok;
}

// 1-based line and column (in code points, as editors count) of a byte offset.
void LineColumn(std::string_view text, size_t offset, int* line, int* column) {
  *line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      line_start = i + 1;
    }
  }
  *column = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++*column;
  }
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The source line around [start, end), at most ~120 code points wide, and the underline.
void PrintExcerpt(std::ostream& out, std::string_view text, size_t start, size_t end) {
  size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
  line_start = (line_start == std::string_view::npos || start == 0) ? 0 : line_start + 1;
  if (start > 0 && text[start - 1] == '\n') line_start = start;
  size_t line_end = text.find('\n', start);
  if (line_end == std::string_view::npos) line_end = text.size();
  end = std::min(end, line_end);
  // Window: up to 60 bytes before the claim, up to 60 after, cut on code point boundaries.
  size_t from = start > line_start + 60 ? start - 60 : line_start;
  while (from > line_start && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  size_t to = end + 60 < line_end ? end + 60 : line_end;
  while (to < line_end && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string_view shown = text.substr(from, to - from);
  const char* lead = from > line_start ? "..." : "";
  const char* tail = to < line_end ? "..." : "";
  out << "    " << lead << shown << tail << "\n";
  std::string marks(4 + std::string_view(lead).size() + CodePoints(text.substr(from, start - from)), ' ');
  size_t width = std::max<size_t>(1, CodePoints(text.substr(start, end - start)));
  marks += '^';
  marks += std::string(width - 1, '~');
  out << marks << "\n";
}

struct CheckArgs {
  std::string kb_path;
  std::string rules_path;  // empty: the bundled catalogue
  factlint::CheckOptions options;
  std::string format = "text";
  std::optional<Severity> fail_on = Severity::kError;
  bool excerpt = true;
  std::vector<std::string> files;
};

CheckArgs ParseCheckArgs(const std::vector<std::string>& args) {
  CheckArgs a;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= args.size()) throw UsageError{std::string(name) + " needs a value"};
      return args[++i];
    };
    if (arg == "--kb") {
      a.kb_path = value("--kb");
    } else if (arg == "--rules") {
      a.rules_path = value("--rules");
    } else if (arg == "--date") {
      std::string d = value("--date");
      auto date = factlint::ParseIsoDate(d);
      if (!date) throw UsageError{"--date: '" + d + "' is not a date that exists (YYYY-MM-DD)"};
      a.options.date = date;
    } else if (arg == "--published-date") {
      // The document's publication date from its metadata (what a front end reads from a page):
      // below --date, above the text's own dateline.
      std::string d = value("--published-date");
      auto date = factlint::ParseIsoDate(d);
      if (!date) throw UsageError{"--published-date: '" + d + "' is not a date that exists (YYYY-MM-DD)"};
      a.options.metadata_date = date;
      a.options.metadata_source = "--published-date";
    } else if (arg == "--format") {
      a.format = value("--format");
      if (a.format != "text" && a.format != "json" && a.format != "jsonl")
        throw UsageError{"--format: '" + a.format + "' is not one of text, json, jsonl"};
    } else if (arg == "--min-severity") {
      std::string s = value("--min-severity");
      auto sev = factlint::ParseSeverity(s);
      if (!sev) throw UsageError{"--min-severity: '" + s + "' is not one of info, warning, error"};
      a.options.min_severity = *sev;
    } else if (arg == "--fail-on") {
      std::string s = value("--fail-on");
      if (s == "never") {
        a.fail_on.reset();
      } else {
        auto sev = factlint::ParseSeverity(s);
        if (!sev) throw UsageError{"--fail-on: '" + s + "' is not one of info, warning, error, never"};
        a.fail_on = sev;
      }
    } else if (arg == "--disable") {
      a.options.disabled_rules.push_back(value("--disable"));
    } else if (arg == "--no-excerpt") {
      a.excerpt = false;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      throw UsageError{"check: unknown option '" + arg + "'"};
    } else {
      a.files.push_back(arg);
    }
  }
  if (a.format == "jsonl" && a.files.empty()) a.files.push_back("-");
  if (a.files.empty()) throw UsageError{"check: no input file (use - for standard input)"};
  return a;
}

// The bundled KB's snapshot the build writes beside the CLI (kb/world.kbs next to the binary),
// when it was compiled from the embedded kb/world.json: it loads in a few milliseconds where the
// JSON takes a few hundred. Anything else (no file, another KB's, a corrupt one) is not used.
factlint::KbHandle BundledSnapshot() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return nullptr;
  std::unique_ptr<char[]> bytes;
  size_t size = 0;
  if (!ReadWholeFile((exe.parent_path() / "kb" / "world.kbs").string(), &bytes, &size)) return nullptr;
  if (!factlint::KbSnapshotCompiledFrom(std::string_view(bytes.get(), size), factlint::EmbeddedWorldKb())) return nullptr;
  auto kb = factlint::LoadKbSnapshotOwned(std::move(bytes), size);  // the KB keeps the file: no copy of its strings
  return kb.ok() ? kb.value() : nullptr;
}

// Loads the KB named by --kb, or the bundled one. Prints the error and returns null on failure.
factlint::KbHandle LoadKbOrReport(const std::string& path) {
  std::string text;
  std::string error;
  std::string name = path.empty() ? std::string("<bundled kb/world.json>") : path;
  std::unique_ptr<char[]> bytes;  // a KB file read whole (ReadWholeFile)
  size_t size = 0;
  std::string_view kb_text;
  if (path.empty()) {
    if (factlint::KbHandle kb = BundledSnapshot()) return kb;
    kb_text = factlint::EmbeddedWorldKb();
  } else if (path != "-" && ReadWholeFile(path, &bytes, &size)) {
    kb_text = std::string_view(bytes.get(), size);
  } else if (ReadInput(path, &text, &error)) {  // standard input, a pipe, an empty file
    kb_text = text;
  } else {
    std::cerr << "factlint: error: --kb " << error << "\n";
    return nullptr;
  }
  // A snapshot read whole is handed over: the KB keeps the bytes instead of copying its strings.
  auto kb = !factlint::IsKbSnapshot(kb_text) ? factlint::LoadKb(kb_text)
            : bytes                          ? factlint::LoadKbSnapshotOwned(std::move(bytes), size)
                                             : factlint::LoadKbSnapshot(kb_text);
  if (!kb.ok()) {
    const factlint::Error& e = kb.error();
    std::cerr << name << ":" << e.line << ":" << e.column << ": error: [KB " << factlint::ErrorCodeName(e.code)
              << "] " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
    return nullptr;
  }
  return kb.value();
}

void PrintRulesError(const std::string& name, const factlint::Error& e) {
  std::cerr << name << ":" << e.line << ":" << e.column << ": error: [" << factlint::ErrorCodeName(e.code) << "] "
            << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
}

// Loads the catalogue named by --rules. Prints the error and returns null on failure.
factlint::RulesHandle LoadRulesOrReport(const std::string& path) {
  std::string text, error;
  if (!ReadInput(path, &text, &error)) {
    std::cerr << "factlint: error: --rules " << error << "\n";
    return nullptr;
  }
  auto rules = factlint::LoadRules(text);
  if (!rules.ok()) {
    PrintRulesError(path, rules.error());
    return nullptr;
  }
  return rules.value();
}

bool Fails(const factlint::Report& report, const std::optional<Severity>& fail_on) {
  if (!fail_on) return false;
  for (const auto& f : report.findings)
    if (f.severity >= *fail_on) return true;
  return false;
}

void PrintText(std::ostream& out, const std::string& file, std::string_view text,
               const factlint::Report& report, bool excerpt) {
  for (const auto& f : report.findings) {
    int line, column;
    LineColumn(text, f.span.start, &line, &column);
    out << file << ":" << line << ":" << column << ": " << factlint::SeverityName(f.severity) << ": ["
        << f.rule << "] " << f.message << "\n";
    if (!excerpt) continue;
    PrintExcerpt(out, text, f.span.start, f.span.end);
    for (const auto& ev : f.evidence) {
      out << "    = note: " << ev.fact;
      if (!ev.source.empty()) out << " (" << ev.source << ")";
      out << "\n";
    }
    if (f.suggestion) out << "    = help: write \"" << *f.suggestion << "\"\n";
  }
}

void PrintSummary(std::ostream& err, const std::string& file, const factlint::Report& report) {
  int counts[3] = {0, 0, 0};
  for (const auto& f : report.findings) ++counts[static_cast<int>(f.severity)];
  err << file << ": " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
      << " note(s)";
  const auto& rd = report.reference_date;
  if (rd.from && rd.to) {
    err << "; reference date " << factlint::FormatIsoDate(*rd.from) << ".." << factlint::FormatIsoDate(*rd.to)
        << " (" << rd.source << ")";
  } else {
    err << "; reference date unknown";
  }
  err << "\n";
  for (const auto& clue : rd.evidence) err << "    clue: " << clue << "\n";
  for (const auto& w : rd.candidates)
    err << "    tied window: " << factlint::FormatIsoDate(w.from) << ".." << factlint::FormatIsoDate(w.to) << "\n";
}

int RunJsonl(const CheckArgs& args, const factlint::Kb& kb) {
  bool any_fail = false, any_error = false;
  factlint::JsonlChecker checker(kb, args.options, args.fail_on);
  const bool to_terminal = ::isatty(STDOUT_FILENO) != 0;  // a person reading: each line at once
  for (const auto& file : args.files) {
    int fd = STDIN_FILENO;
    if (file != "-") {
      fd = ::open(file.c_str(), O_RDONLY);
      if (fd < 0) {
        std::cerr << "factlint: error: " << file << ": cannot open file\n";
        any_error = true;
        continue;
      }
    }
    const std::string shown = file == "-" ? "<stdin>" : file;
    // One chunk of the stream at a time: constant memory over it.
    const factlint::JsonlStreamResult r = factlint::CheckJsonlStream(
        &checker, fd, STDOUT_FILENO, to_terminal, [&](size_t line_no, const std::string& message) {
          std::cerr << shown << ":" << line_no << ": error: " << message << "\n";
        });
    if (fd != STDIN_FILENO) ::close(fd);
    any_error |= r.any_error;
    any_fail |= r.any_fail;
    if (!r.io_error.empty()) {
      std::cerr << "factlint: error: " << shown << ": " << r.io_error << "\n";
      if (r.io_error.rfind("cannot write", 0) == 0) break;
    }
  }
  return any_error ? kExitError : any_fail ? kExitFindings : kExitClean;
}

int RunCheck(const std::vector<std::string>& argv) {
  CheckArgs args = ParseCheckArgs(argv);
  factlint::KbHandle kb = LoadKbOrReport(args.kb_path);
  if (!kb) return kExitError;
  // Kept to the end of the process on purpose: freeing the bundled KB's objects one by one as
  // RunCheck returns took ~20 M instructions (callgrind) and only delayed the exit.
  static const factlint::KbHandle* const kept_until_exit = new factlint::KbHandle(kb);
  (void)kept_until_exit;
  if (!args.rules_path.empty()) {
    args.options.rules = LoadRulesOrReport(args.rules_path);
    if (!args.options.rules) return kExitError;
  }
  if (args.format == "jsonl") return RunJsonl(args, *kb);

  bool any_fail = false, any_error = false;
  for (const auto& file : args.files) {
    std::string text, error;
    if (!ReadInput(file, &text, &error)) {
      std::cerr << "factlint: error: " << error << "\n";
      any_error = true;
      continue;
    }
    factlint::Report report = factlint::Check(*kb, text, args.options);
    any_fail |= Fails(report, args.fail_on);
    const std::string shown = file == "-" ? "<stdin>" : file;
    if (args.format == "json") {
      std::string out = factlint::ReportToJson(report);
      if (args.files.size() > 1) {
        json j = json::parse(out);
        j["file"] = shown;
        out = j.dump(-1, ' ', false, json::error_handler_t::replace);
      }
      std::cout << out << "\n";
    } else {
      PrintText(std::cout, shown, text, report, args.excerpt);
      PrintSummary(std::cerr, shown, report);
    }
  }
  return any_error ? kExitError : any_fail ? kExitFindings : kExitClean;
}

int RunSegment(const std::vector<std::string>& argv) {
  std::string format = "text";
  std::string file;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (argv[i] == "--format") {
      if (i + 1 >= argv.size()) throw UsageError{"--format needs a value"};
      format = argv[++i];
      if (format != "text" && format != "json") throw UsageError{"--format: '" + format + "' is not one of text, json"};
    } else if (argv[i].size() > 1 && argv[i][0] == '-') {
      throw UsageError{"segment: unknown option '" + argv[i] + "'"};
    } else if (file.empty()) {
      file = argv[i];
    } else {
      throw UsageError{"segment: one input file at a time"};
    }
  }
  if (file.empty()) throw UsageError{"segment: no input file (use - for standard input)"};
  std::string text, error;
  if (!ReadInput(file, &text, &error)) {
    std::cerr << "factlint: error: " << error << "\n";
    return kExitError;
  }
  std::vector<factlint::Span> spans = factlint::Segment(text);
  if (format == "json") {
    json out = {{"sentences", json::array()}};
    for (const auto& s : spans) {
      out["sentences"].push_back({{"start", s.start},
                                  {"end", s.end},
                                  {"start16", s.start16},
                                  {"end16", s.end16},
                                  {"text", text.substr(s.start, s.end - s.start)}});
    }
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    for (const auto& s : spans) {
      std::string sentence = text.substr(s.start, s.end - s.start);
      for (char& c : sentence)
        if (c == '\n' || c == '\r') c = ' ';
      std::cout << sentence << "\n";
    }
  }
  return kExitClean;
}

int RunKbCheck(std::vector<std::string> argv) {
  // The trigger lint (kb/generic_triggers.json) is on unless --no-trigger-lint: LoadKb accepts
  // generic triggers, kb-check reports them.
  const auto no_lint = std::find(argv.begin(), argv.end(), "--no-trigger-lint");
  const bool lint = no_lint == argv.end();
  if (!lint) argv.erase(no_lint);
  if (argv.size() != 1 || (argv[0].size() > 1 && argv[0][0] == '-'))
    throw UsageError{"kb-check: give exactly one KB file"};
  std::string text, error;
  if (!ReadInput(argv[0], &text, &error)) {
    std::cerr << "factlint: error: " << error << "\n";
    return kExitError;
  }
  std::vector<factlint::Error> errors = factlint::ValidateKb(text);
  if (errors.empty() && lint) errors = factlint::LintKbTriggers(text, factlint::EmbeddedGenericTriggers());
  if (!errors.empty()) {
    for (const auto& e : errors) {
      std::cerr << argv[0] << ":" << e.line << ":" << e.column << ": error: [" << factlint::ErrorCodeName(e.code)
                << "] " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
    }
    std::cerr << argv[0] << ": " << errors.size() << " error(s)\n";
    return kExitError;
  }
  auto kb = factlint::LoadKb(text);
  if (!kb.ok()) {  // ValidateKb and LoadKb agree; this is a safety net, not a second opinion
    std::cerr << argv[0] << ": error: " << kb.error().ToString() << "\n";
    return kExitError;
  }
  factlint::KbSummary s = factlint::Summarize(*kb.value());
  std::cout << argv[0] << ": ok: \"" << s.name << "\" as of " << s.as_of << " (schema " << s.schema_version
            << "): " << s.people << " people, " << s.offices << " offices, " << s.terms << " terms, "
            << s.events << " events, " << s.quotes << " quotes, " << s.sources << " sources\n";
  return kExitClean;
}

// Compiles a JSON KB into a snapshot (core/src/kb_snapshot.h), validating it as LoadKb does.
int RunKbCompile(const std::vector<std::string>& argv) {
  if (argv.size() != 2 || (argv[0].size() > 1 && argv[0][0] == '-') || argv[1].empty() || argv[1][0] == '-')
    throw UsageError{"kb-compile: give a KB file and the snapshot file to write"};
  std::string text, error;
  if (!ReadInput(argv[0], &text, &error)) {
    std::cerr << "factlint: error: " << error << "\n";
    return kExitError;
  }
  auto snapshot = factlint::CompileKbSnapshot(text);
  if (!snapshot.ok()) {
    const factlint::Error& e = snapshot.error();
    std::cerr << argv[0] << ":" << e.line << ":" << e.column << ": error: [KB " << factlint::ErrorCodeName(e.code) << "] "
              << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
    return kExitError;
  }
  // Written to a temporary name, then renamed: a build interrupted mid-write leaves no half file.
  const std::string tmp = argv[1] + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(snapshot.value().data(), static_cast<std::streamsize>(snapshot.value().size()));
    if (!out) {
      std::cerr << "factlint: error: " << tmp << ": cannot write file\n";
      return kExitError;
    }
  }
  if (std::rename(tmp.c_str(), argv[1].c_str()) != 0) {
    std::cerr << "factlint: error: " << argv[1] << ": cannot write file\n";
    return kExitError;
  }
  std::cout << argv[1] << ": ok: snapshot of " << argv[0] << ", " << snapshot.value().size() << " bytes\n";
  return kExitClean;
}

int RunRulesCheck(const std::vector<std::string>& argv) {
  if (argv.size() != 1 || (argv[0].size() > 1 && argv[0][0] == '-'))
    throw UsageError{"rules-check: give exactly one rule catalogue file"};
  std::string text, error;
  if (!ReadInput(argv[0], &text, &error)) {
    std::cerr << "factlint: error: " << error << "\n";
    return kExitError;
  }
  auto rules = factlint::LoadRules(text);
  if (!rules.ok()) {
    PrintRulesError(argv[0], rules.error());
    return kExitError;
  }
  json catalog = json::parse(text, nullptr, false);
  size_t total = 0, enabled = 0;
  for (const auto& rule : catalog["rules"]) {
    ++total;
    enabled += rule.value("enabled", true) ? 1 : 0;
  }
  std::cout << argv[0] << ": ok: " << total << " rule(s), " << enabled << " enabled\n";
  return kExitClean;
}

int RunRules() {
  json catalog = json::parse(factlint::RuleCatalogJson(), nullptr, false);
  if (catalog.is_discarded() || !catalog.contains("rules")) {
    std::cerr << "factlint: error: the embedded rule catalogue is not valid JSON\n";
    return kExitError;
  }
  for (const auto& rule : catalog["rules"]) {
    std::cout << rule.value("id", "?") << "\t" << rule.value("severity", "?") << "\t"
              << rule.value("description", "") << "\n";
  }
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? kExitError : kExitClean;
  }
  if (args[0] == "--version") {
    std::cout << "factlint " << factlint::kVersion << "\n";
    return kExitClean;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "check") return RunCheck(args);
    if (command == "segment") return RunSegment(args);
    if (command == "kb-check") return RunKbCheck(args);
    if (command == "kb-compile") return RunKbCompile(args);
    if (command == "rules-check") return RunRulesCheck(args);
    if (command == "rules") return RunRules();
    throw UsageError{"unknown command '" + command + "'"};
  } catch (const UsageError& e) {
    std::cerr << "factlint: " << e.message << "\n" << kUsage;
    return kExitError;
  } catch (const std::exception& e) {
    std::cerr << "factlint: error: " << e.what() << "\n";
    return kExitError;
  }
}
