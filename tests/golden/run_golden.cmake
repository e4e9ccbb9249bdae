# One golden test: run the CLI on ARTICLE (with --date from a first-line "date: YYYY-MM-DD" in
# ARTICLE.args when present) and compare its text output with ARTICLE's .expected file, line by line.
# Expected lines are in the CLI's own `file:line:col: severity: [RULE] message` form, with the file
# name written as `ARTICLE`.
get_filename_component(dir "${ARTICLE}" DIRECTORY)
get_filename_component(stem "${ARTICLE}" NAME_WE)
set(args "")
if(EXISTS "${dir}/${stem}.args")
  file(STRINGS "${dir}/${stem}.args" args)
  separate_arguments(args UNIX_COMMAND "${args}")
endif()
execute_process(
  COMMAND "${CLI}" check --format text --no-excerpt ${args} "${ARTICLE}"
  WORKING_DIRECTORY "${dir}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc GREATER 1)
  message(FATAL_ERROR "factlint exited ${rc}: ${err}")
endif()
string(REPLACE "${ARTICLE}" "ARTICLE" out "${out}")
file(READ "${dir}/${stem}.expected" expected)
if(NOT out STREQUAL expected)
  file(WRITE "${dir}/${stem}.actual" "${out}")
  message(FATAL_ERROR "golden ${stem}: output differs from ${stem}.expected "
                      "(see ${stem}.actual; diff them)\n--- actual ---\n${out}")
endif()
