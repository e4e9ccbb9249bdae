// ReadFile for the build-time generators (rules_compile.cpp, lexicon_compile.cpp): a whole file's
// bytes; false when it cannot be opened or read.

#ifndef FACTLINT_CORE_TOOLS_READ_FILE_H_
#define FACTLINT_CORE_TOOLS_READ_FILE_H_

#include <fstream>
#include <sstream>
#include <string>

inline bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return !in.bad();
}

#endif  // FACTLINT_CORE_TOOLS_READ_FILE_H_
