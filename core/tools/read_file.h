// File helpers of the build-time generators (rules_compile.cpp, lexicon_compile.cpp, embed.cpp):
// ReadFile, a whole file's bytes (false when it cannot be opened or read), and WriteFileIfChanged,
// which leaves a file that already holds the text untouched, so an unchanged input rebuilds nothing
// (false when it cannot be written).

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

inline bool WriteFileIfChanged(const std::string& path, const std::string& text) {
  std::string old;
  if (ReadFile(path, &old) && old == text) return true;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

#endif  // FACTLINT_CORE_TOOLS_READ_FILE_H_
