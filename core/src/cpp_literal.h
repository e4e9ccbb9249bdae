// CppLiteral: a string as a C++ string_view literal ("...", "sv" suffix; quotes and backslashes
// escaped, bytes outside printable ASCII as octal escapes), for the generators that write the
// bundled rule catalogue's and the lexicon's tables at build time (rules_emit.cpp,
// lexicon_source.cpp).

#ifndef FACTLINT_CORE_CPP_LITERAL_H_
#define FACTLINT_CORE_CPP_LITERAL_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace factlint {

inline std::string CppLiteral(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"sv";
}

}  // namespace factlint

#endif  // FACTLINT_CORE_CPP_LITERAL_H_
