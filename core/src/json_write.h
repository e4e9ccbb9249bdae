// Small writers of JSON values for the two report writers that write straight from a Report
// (report_json.cpp: ReportToJson; cli/jsonl.cpp: the CLI's JSONL line): a string copied when it
// needs no escaping, else through nlohmann's serializer (escapes, invalid UTF-8 replaced, as
// before); a size as decimal digits (alone, or keys and numbers in one append); an optional string
// or date, or null. Internal to the core.

#ifndef FACTLINT_CORE_JSON_WRITE_H_
#define FACTLINT_CORE_JSON_WRITE_H_

#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

// A string literal (or any view) appended with its length known: std::string::append(const
// char*) is an out-of-line call that measures it first.
inline void Raw(std::string_view s, std::string* out) { out->append(s.data(), s.size()); }

// Each key and its number ({"{\"end\":", 12}, {",\"end16\":", 12}, ...) with one append (the spans
// of sentences and findings, written for every sentence of every report).
inline void Numbers(std::initializer_list<std::pair<std::string_view, size_t>> fields, std::string* out) {
  char buf[256];
  char* p = buf;
  for (const auto& [key, v] : fields) {
    if (static_cast<size_t>(buf + sizeof buf - p) < key.size() + 20) {  // longer than spans' keys: flush
      out->append(buf, static_cast<size_t>(p - buf));
      p = buf;
      if (key.size() + 20 > sizeof buf) {
        Raw(key, out);
        Number(v, out);
        continue;
      }
    }
    // The keys (8 to 11 bytes for spans) as two fixed eight-byte copies that overlap: moves, not a
    // call of memcpy for a length known only here.
    const size_t n = key.size();
    if (n >= 8 && n <= 16) {
      std::memcpy(p, key.data(), 8);
      std::memcpy(p + n - 8, key.data() + n - 8, 8);
    } else {
      std::memcpy(p, key.data(), n);
    }
    p += n;
    // The digits written in place, from the last.
    size_t len = 1;
    for (size_t x = v; x >= 10; x /= 10) ++len;
    char* d = p + len;
    size_t x = v;
    do {
      *--d = static_cast<char>('0' + x % 10);
      x /= 10;
    } while (x != 0);
    p += len;
  }
  out->append(buf, static_cast<size_t>(p - buf));
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
