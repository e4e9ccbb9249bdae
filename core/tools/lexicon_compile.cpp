// factlint_lexicon_compile LEXICON.json OUT.cpp [NAME]: the build's generator of the lexicon's
// tables (core/src/lexicon_compiled.h). Reads LEXICON.json with ReadLexiconJson and writes the C++
// source of its tables to OUT.cpp (only when it changed, so an unchanged lexicon rebuilds
// nothing). On a malformed file it prints `NAME:line:column: error: message` for a text that is
// not JSON, `NAME: error: path: message` for a member of the wrong shape, writes nothing and exits
// 1, which fails the build. NAME (default LEXICON.json) is the file's name in messages and in the
// generated source's first line. Built natively, and in the wasm build with Emscripten for Node
// (the toolchain's CMAKE_CROSSCOMPILING_EMULATOR runs it), from lexicon_source.cpp and
// json_pos.cpp alone: it needs none of the core's tables.

#include <iostream>
#include <string>

#include "lexicon_compiled.h"
#include "read_file.h"


int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: factlint_lexicon_compile LEXICON.json OUT.cpp [NAME]\n";
    return 2;
  }
  const std::string input = argv[1], output = argv[2], name = argc == 4 ? argv[3] : argv[1];
  std::string text;
  if (!ReadFile(input, &text)) {
    std::cerr << name << ": error: cannot read the lexicon\n";
    return 1;
  }
  factlint::Result<factlint::LexiconSource> lexicon = factlint::ReadLexiconJson(text);
  if (!lexicon.ok()) {
    const factlint::Error& e = lexicon.error();
    std::cerr << name << (e.line > 0 ? ":" + std::to_string(e.line) + ":" + std::to_string(e.column) : "")
              << ": error: " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
    return 1;
  }
  if (!WriteFileIfChanged(output, factlint::WriteLexiconCpp(lexicon.value(), name))) {
    std::cerr << output << ": error: cannot write the compiled lexicon\n";
    return 1;
  }
  return 0;
}
