// factlint_embed_tool INPUT OUTPUT NAME NAMESPACE: writes a C++ source that defines
// `std::string_view NAME()` returning INPUT's bytes, as cmake/embed.cmake does (the same
// raw-string chunks of at most 16,000 bytes, never cut inside a UTF-8 sequence) in a fraction of
// its time: the script takes minutes on the 7 MB bundled KB, this a few milliseconds. Native builds
// use it (cmake/embed_function.cmake); the wasm build, which embeds only small files, the script.
// The output is replaced only when its bytes change, so an unchanged KB rebuilds nothing.

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>

#include "read_file.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: factlint_embed_tool INPUT OUTPUT NAME NAMESPACE\n");
    return 2;
  }
  const std::string input = argv[1], output = argv[2], name = argv[3], ns = argv[4];
  std::string text;
  if (!ReadFile(input, &text)) {
    std::fprintf(stderr, "factlint_embed_tool: cannot read %s\n", input.c_str());
    return 1;
  }
  if (text.find(")fl_embed\"") != std::string::npos) {
    std::fprintf(stderr, "factlint_embed_tool: %s contains the raw-string delimiter )fl_embed\"\n", input.c_str());
    return 1;
  }
  constexpr size_t kChunk = 16000;
  std::string body;
  body.reserve(text.size() + text.size() / kChunk * 24 + 64);
  for (size_t pos = 0; pos < text.size();) {
    size_t take = kChunk;
    // Back off while the cut would fall on a UTF-8 continuation byte (10xxxxxx).
    while (pos + take < text.size() && take > 1 && (static_cast<unsigned char>(text[pos + take]) & 0xC0) == 0x80) --take;
    take = std::min(take, text.size() - pos);
    body += "R\"fl_embed(";
    body.append(text, pos, take);
    body += ")fl_embed\"\n";
    pos += take;
  }
  if (body.empty()) body = "\"\"";
  std::ostringstream out;
  out << "// Generated from " << input << " by core/tools/embed.cpp. Do not edit.\n"
      << "#include <string_view>\n"
      << "namespace " << ns << " {\n"
      << "static const char k" << name << "Data[] =\n" << body << ";\n"
      << "std::string_view " << name << "() { return {k" << name << "Data, sizeof(k" << name << "Data) - 1}; }\n"
      << "}  // namespace " << ns << "\n";
  if (!WriteFileIfChanged(output, out.str())) {
    std::fprintf(stderr, "factlint_embed_tool: cannot write %s\n", output.c_str());
    return 1;
  }
  return 0;
}
