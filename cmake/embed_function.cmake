# factlint_embed(TARGET_SOURCES_VAR INPUT NAME): generate a .cpp that embeds INPUT as NAME().
# Native builds run core/tools/embed.cpp (target factlint_embed_tool, CMakeLists.txt): the bundled
# KB is several MB, which cmake/embed.cmake takes minutes over. The wasm build, which embeds only
# the small rule catalogue and lexicon and would need Node to run a tool, runs the script.
function(factlint_embed out_var input name)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embed_${name}.cpp")
  if(EMSCRIPTEN)
    add_custom_command(
      OUTPUT "${output}"
      COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${output} -DNAME=${name}
              -DNAMESPACE=factlint -P "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
      DEPENDS "${input}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
      COMMENT "Embedding ${input}")
  else()
    add_custom_command(
      OUTPUT "${output}"
      COMMAND factlint_embed_tool "${input}" "${output}" ${name} factlint
      DEPENDS factlint_embed_tool "${input}"
      COMMENT "Embedding ${input}"
      VERBATIM)
  endif()
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
