# Turns a text file into a C++ source that defines `std::string_view NAME()` returning its bytes.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DNAME=Func -DNAMESPACE=factlint -P embed.cmake
# The text is split into raw-string chunks that the compiler concatenates, so no single literal is
# longer than a conservative limit. A cut never falls inside a UTF-8 sequence (each literal is
# valid UTF-8: clang warns about a literal that ends or starts in the middle of a character).
file(READ "${INPUT}" content)
string(LENGTH "${content}" length)
set(chunk 16000)
set(body "")
set(pos 0)
while(pos LESS length)
  set(take ${chunk})
  math(EXPR next "${pos} + ${take}")
  while(next LESS length AND take GREATER 1)
    string(SUBSTRING "${content}" ${next} 1 byte)
    string(HEX "${byte}" hex)
    if(NOT hex MATCHES "^[89ab]")  # not a continuation byte (10xxxxxx): cut here
      break()
    endif()
    math(EXPR take "${take} - 1")
    math(EXPR next "${pos} + ${take}")
  endwhile()
  string(SUBSTRING "${content}" ${pos} ${take} piece)
  string(APPEND body "R\"fl_embed(${piece})fl_embed\"\n")
  math(EXPR pos "${pos} + ${take}")
endwhile()
if(body STREQUAL "")
  set(body "\"\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace ${NAMESPACE} {\n"
  "static const char k${NAME}Data[] =\n${body};\n"
  "std::string_view ${NAME}() { return {k${NAME}Data, sizeof(k${NAME}Data) - 1}; }\n"
  "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
