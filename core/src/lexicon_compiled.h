// The lexicon compiled at build time (the lexicon's functions: lexicon.h). The build runs the
// generator (core/tools/lexicon_compile.cpp) on core/lexicon/lexicon.json: it reads the file
// (ReadLexiconJson: nlohmann's parser, every list checked for its shape, so a malformed file fails
// the build naming the JSON path) and writes its lists as C++ constant tables (CompiledLexicon
// below), which the core is compiled with. lexicon.cpp builds its word sets from those tables on
// first use: no JSON is parsed at run time, so a cold start (the page's Worker, the extension's
// service worker, the CLI) runs neither nlohmann's parser nor a JSON walk for the lexicon.
//
// The tables are plain data with static storage (std::string_view and std::span over constant
// arrays: constant-initialised, no code runs to set them up).

#ifndef FACTLINT_CORE_LEXICON_COMPILED_H_
#define FACTLINT_CORE_LEXICON_COMPILED_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/factlint.h"

namespace factlint {

// One word list of the file: lexicon.json's "<group>": {"<name>": ["word", ...]}, in the file's order.
struct CompiledLexiconList {
  std::string_view group, name;
  std::span<const std::string_view> words;
};
// "dates"/"month_other_forms": {"sept": 9, ...}, in nlohmann's order of the keys (sorted).
struct CompiledMonthForm {
  std::string_view form;
  int month;  // 1..12
};
struct CompiledLexicon {
  std::span<const CompiledLexiconList> lists;  // the groups in key order, each group's lists in key order
  std::span<const CompiledMonthForm> month_other_forms;
  // The list group/name, or an empty span when the file has none of that name.
  std::span<const std::string_view> List(std::string_view group, std::string_view name) const {
    for (const CompiledLexiconList& l : lists)
      if (l.group == group && l.name == name) return l.words;
    return {};
  }
};

// The tables of core/lexicon/lexicon.json, written by the generator into the build tree
// (lexicon_tables.cpp).
const CompiledLexicon& BundledLexiconTables();

// What ReadLexiconJson makes of a file: the same shape as CompiledLexicon, owning its strings.
struct LexiconSource {
  struct List {
    std::string group, name;
    std::vector<std::string> words;
  };
  std::vector<List> lists;
  std::vector<std::pair<std::string, int>> month_other_forms;
};

// The generator's reader. The file is an object; its "description" is a string; every other member
// is a group object whose members are arrays of non-empty strings, except its "description" (a
// string) and "dates"/"month_other_forms", an object of integers 1..12. Anything else is an error
// (ErrorCode::kBadInput) naming the JSON path ("/checker/speech_words/3: not a non-empty string"),
// or, for a text that is not JSON, nlohmann's message.
Result<LexiconSource> ReadLexiconJson(std::string_view json_text);

// A C++ source that defines BundledLexiconTables() as `lexicon` (printable ASCII as is, every other
// byte of a word as a three-digit octal escape). source_name goes into its first line.
std::string WriteLexiconCpp(const LexiconSource& lexicon, std::string_view source_name);

}  // namespace factlint

#endif  // FACTLINT_CORE_LEXICON_COMPILED_H_
