// One line of the CLI's JSONL stream: {"id", "text", "date"?} in (other keys ignored), one line
// out: {"id", "report"} or {"id", "error": {"kind", "message", "line"}}. Shared by the CLI, the
// Python binding and the fuzz target (tests/fuzz/fuzz_jsonl.cpp).

#ifndef FACTLINT_CLI_JSONL_H_
#define FACTLINT_CLI_JSONL_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "factlint/factlint.h"

namespace factlint {

struct JsonlResult {
  std::string output;         // one JSON object, no newline
  bool error = false;         // the line was not a valid request
  std::string error_message;  // what was wrong with it, when error
  bool fails = false;         // the report has a finding at or above fail_on
};

// The common request read without nlohmann's parser: one object whose values are all strings or
// null (keys plain ASCII without escapes, none twice). Read() is true for such a line and gives
// its members in order, each string value as a view into the line (or, when it has escapes, into
// a buffer of the reader, reused by the next Read); false for anything else (the caller then
// parses the line in full with nlohmann, which also words the errors).
class SimpleRequestReader {
 public:
  struct Member {
    std::string_view key;
    bool null = false;       // the value is null
    std::string_view value;  // the decoded string, when not null
  };
  bool Read(std::string_view line);
  const std::vector<Member>& members() const { return members_; }
  const Member* Find(std::string_view key) const;

 private:
  std::vector<Member> members_;
  std::vector<std::string> decoded_;  // values with escapes; members_ point into them
};

// The same read into an nlohmann value: true and *doc set to exactly what nlohmann::json::parse
// gives for that line; false for anything else (tests/unit/jsonl_test.cpp holds it to that).
bool ParseSimpleRequest(std::string_view line, nlohmann::json* doc);

// Checks a stream of request lines, keeping its buffers from line to line.
class JsonlChecker {
 public:
  JsonlChecker(const Kb& kb, const CheckOptions& base, std::optional<Severity> fail_on = Severity::kError);
  // Checks one line and appends its output line (no newline) to *out; the result's output stays
  // empty (error, error_message and fails are set).
  JsonlResult Check(std::string_view line, size_t line_no, std::string* out);

 private:
  const Kb& kb_;
  CheckOptions base_;
  std::optional<Severity> fail_on_;
  CheckOptions options_;
  SimpleRequestReader reader_;
};

// A stream of request lines from the file descriptor in_fd, read in large chunks and split at
// '\n' as std::getline splits them (a last line without '\n' counts; blank lines and lines of
// spaces, tabs and CRs are skipped but numbered). The output lines go to out_fd in large writes:
// before every read when the input is not a regular file (so a pipe's writer waiting for its
// answers gets them), when 1 MB is pending, after every line when flush_each_line (a terminal),
// and at the end. on_error(line_no, message) is called for each line that is not a valid request.
struct JsonlStreamResult {
  bool any_error = false;  // a bad line, or the stream could not be read or written
  bool any_fail = false;   // a report with a finding at or above fail_on
  std::string io_error;    // "cannot read: …" / "cannot write the output: …", when one happened
};
JsonlStreamResult CheckJsonlStream(JsonlChecker* checker, int in_fd, int out_fd, bool flush_each_line,
                                   const std::function<void(size_t, const std::string&)>& on_error);

// One line on its own: JsonlChecker's output in result.output.
JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on = Severity::kError);

}  // namespace factlint

#endif  // FACTLINT_CLI_JSONL_H_
