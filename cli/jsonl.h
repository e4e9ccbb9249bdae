// One line of the CLI's JSONL stream: {"id", "text", "date"?} in (other keys ignored), one line
// out: {"id", "report"} or {"id", "error": {"kind", "message", "line"}}. Shared by the CLI and its
// fuzz target (tests/fuzz/fuzz_jsonl.cpp).

#ifndef FACTLINT_CLI_JSONL_H_
#define FACTLINT_CLI_JSONL_H_

#include <optional>
#include <string>
#include <string_view>

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
// null (keys plain ASCII, none twice). True and *doc set to exactly what nlohmann::json::parse
// gives for that line; false for anything else (the caller then parses the line in full).
bool ParseSimpleRequest(std::string_view line, nlohmann::json* doc);

JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on = Severity::kError);

}  // namespace factlint

#endif  // FACTLINT_CLI_JSONL_H_
