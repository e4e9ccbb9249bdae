// Small writers of JSON values for the two report writers that write straight from a Report
// (report_json.cpp: ReportToJson; cli/jsonl.cpp: the CLI's JSONL line): a string copied when it
// needs no escaping, else through nlohmann's serializer (escapes, invalid UTF-8 replaced, as
// before); a size as decimal digits; an optional string or date, or null. Internal to the core.

#ifndef FACTLINT_CORE_JSON_WRITE_H_
#define FACTLINT_CORE_JSON_WRITE_H_

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "factlint/factlint.h"

namespace factlint::json_write {

inline void String(std::string_view s, std::string* out) {
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
      out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
  }
  out->push_back('"');
  out->append(s);
  out->push_back('"');
}

inline void Number(size_t v, std::string* out) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out->append(p, static_cast<size_t>(buf + sizeof buf - p));
}

inline void OptionalString(const std::optional<std::string>& s, std::string* out) {
  if (s) String(*s, out);
  else out->append("null");
}

inline void DateOrNull(const std::optional<Date>& d, std::string* out) {
  if (d) String(FormatIsoDate(*d), out);
  else out->append("null");
}

}  // namespace factlint::json_write

#endif  // FACTLINT_CORE_JSON_WRITE_H_
