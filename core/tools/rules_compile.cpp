// factlint_rules_compile RULES.json OUT.cpp [NAME]: the build's generator of the bundled rule
// catalogue's tables (core/src/rules_compiled.h). Loads RULES.json with the strict loader and
// writes the C++ source of its tables to OUT.cpp (only when it changed, so an unchanged catalogue
// rebuilds nothing). On a bad catalogue it prints the loader's error as
// `NAME:line:column: error: [kind] path: message` (the form of `factlint rules-check`), writes
// nothing and exits 1, which fails the build. NAME (default RULES.json) is the file's name in
// messages and in the generated source's first line. Built natively, and in the wasm build with
// Emscripten for Node (the toolchain's CMAKE_CROSSCOMPILING_EMULATOR runs it), from the core's
// own objects with an empty bundled table (rules_none.cpp).

#include <iostream>
#include <string>

#include "rules_compiled.h"
#include "read_file.h"


int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: factlint_rules_compile RULES.json OUT.cpp [NAME]\n";
    return 2;
  }
  const std::string input = argv[1], output = argv[2], name = argc == 4 ? argv[3] : argv[1];
  std::string text;
  if (!ReadFile(input, &text)) {
    std::cerr << name << ": error: cannot read the rule catalogue\n";
    return 1;
  }
  factlint::Result<std::string> source = factlint::CompileRulesToCpp(text, name);
  if (!source.ok()) {
    const factlint::Error& e = source.error();
    std::cerr << name << ":" << e.line << ":" << e.column << ": error: [" << factlint::ErrorCodeName(e.code) << "] "
              << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
    return 1;
  }
  if (!WriteFileIfChanged(output, source.value())) {
    std::cerr << output << ": error: cannot write the compiled catalogue\n";
    return 1;
  }
  return 0;
}
