# Runs every CLI example of README.md (the lines of its code blocks that start with
# `build/native/factlint`), with the README's placeholder files replaced by real ones:
#   article.txt -> examples/example-article.txt, my-kb.json -> kb/world.json,
#   my-rules.json -> tests/fixtures/rules/pass_phrase_rule.json,
#   archive.jsonl -> a two-line archive written here. Each must exit 0 or 1 (2 = usage/input error)
# and print something. Usage: cmake -DROOT=<repo> -DCLI=<factlint> -DWORK=<dir> -P run_readme.cmake
file(STRINGS "${ROOT}/README.md" lines REGEX "^build/native/factlint ")
list(LENGTH lines count)
if(count LESS 5)
  message(FATAL_ERROR "README.md shows only ${count} CLI examples; expected the CLI section")
endif()
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/archive.jsonl"
  "{\"id\": 1, \"text\": \"Chancellor Olaf Scholz met U.S. President Joe Biden.\", \"date\": \"2022-05-01\"}\n"
  "{\"id\": 2, \"text\": \"Former German Chancellor Angela Merkel spoke.\"}\n")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "[ ]+#.*$" "" command "${line}")
  string(REGEX REPLACE "^build/native/factlint" "" command "${command}")
  string(REPLACE "article.txt" "${ROOT}/examples/example-article.txt" command "${command}")
  string(REPLACE "my-kb.json" "${ROOT}/kb/world.json" command "${command}")
  string(REPLACE "my-rules.json" "${ROOT}/tests/fixtures/rules/pass_phrase_rule.json" command "${command}")
  set(input "")
  if(command MATCHES "< archive.jsonl")
    string(REPLACE "< archive.jsonl" "" command "${command}")
    set(input INPUT_FILE "${WORK}/archive.jsonl")
  endif()
  separate_arguments(args UNIX_COMMAND "${command}")
  execute_process(COMMAND "${CLI}" ${args} ${input}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc MATCHES "^[01]$" OR (out STREQUAL "" AND err STREQUAL ""))
    message(FATAL_ERROR "README example failed (exit ${rc}): factlint${command}\n${err}")
  endif()
  message(STATUS "ok (exit ${rc}): factlint${command}")
endforeach()
