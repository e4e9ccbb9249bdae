// The JSONL request reader (see jsonl.h). A request that cannot be read becomes an error line and
// the stream goes on; nothing here throws.

#include "jsonl.h"

#include <nlohmann/json.hpp>

namespace factlint {

JsonlResult CheckJsonlLine(const Kb& kb, std::string_view line, size_t line_no,
                           const CheckOptions& base, std::optional<Severity> fail_on) {
  using json = nlohmann::json;
  JsonlResult result;
  json out;
  json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  const bool is_object = !doc.is_discarded() && doc.is_object();
  out["id"] = is_object && doc.contains("id") ? doc["id"] : json(nullptr);
  auto fail = [&](const std::string& message) {
    result.error = true;
    result.error_message = message;
    out["error"] = {{"kind", "bad_input"}, {"message", message}, {"line", line_no}};
  };
  CheckOptions options = base;
  if (!is_object) {
    fail(doc.is_discarded() ? "not JSON (expected an object with \"text\")" : "not a JSON object");
  } else if (!doc.contains("text") || !doc["text"].is_string()) {
    fail("\"text\" must be a string");
  } else if (doc.contains("date") && !doc["date"].is_null() &&
             !(doc["date"].is_string() && ParseIsoDate(doc["date"].get<std::string>()))) {
    fail("\"date\" must be YYYY-MM-DD, a day that exists");
  } else if (doc.contains("published") && !doc["published"].is_null() &&
             !(doc["published"].is_string() && ParseIsoDate(doc["published"].get<std::string>()))) {
    fail("\"published\" must be YYYY-MM-DD, a day that exists");
  } else {
    if (doc.contains("date") && doc["date"].is_string()) options.date = ParseIsoDate(doc["date"].get<std::string>());
    if (doc.contains("published") && doc["published"].is_string()) {
      options.metadata_date = ParseIsoDate(doc["published"].get<std::string>());
      options.metadata_source = "\"published\" of the request";
    }
    Report report = Check(kb, doc["text"].get_ref<const std::string&>(), options);
    if (fail_on) {
      for (const auto& f : report.findings) result.fails |= f.severity >= *fail_on;
    }
    out["report"] = json::parse(ReportToJson(report), nullptr, false);
  }
  result.output = out.dump(-1, ' ', false, json::error_handler_t::replace);
  return result;
}

}  // namespace factlint
