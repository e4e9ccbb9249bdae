// Names of error codes and severities, and the one way an Error is printed (place first).

#include "factlint/factlint.h"

namespace factlint {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kKbNotJson: return "kb_not_json";
    case ErrorCode::kKbSchema: return "kb_schema";
    case ErrorCode::kKbInvalidValue: return "kb_invalid_value";
    case ErrorCode::kKbDuplicate: return "kb_duplicate";
    case ErrorCode::kKbDanglingId: return "kb_dangling_id";
    case ErrorCode::kKbOverlap: return "kb_overlap";
    case ErrorCode::kKbTooLarge: return "kb_too_large";
    case ErrorCode::kBadOption: return "bad_option";
    case ErrorCode::kBadInput: return "bad_input";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kRulesNotJson: return "rules_not_json";
    case ErrorCode::kRulesSchema: return "rules_schema";
    case ErrorCode::kRulesUnknownKind: return "rules_unknown_kind";
    case ErrorCode::kRulesParams: return "rules_params";
    case ErrorCode::kRulesPlaceholder: return "rules_placeholder";
    case ErrorCode::kRulesDuplicate: return "rules_duplicate";
    case ErrorCode::kRulesTooLarge: return "rules_too_large";
    case ErrorCode::kKbLint: return "kb_lint";
    case ErrorCode::kKbSnapshot: return "kb_snapshot";
  }
  return "unknown";
}

std::string Error::ToString() const {
  std::string out;
  if (line > 0) {
    out += "line " + std::to_string(line);
    if (column > 0) out += ", column " + std::to_string(column);
    out += ": ";
  }
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "info";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace factlint
