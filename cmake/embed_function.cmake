# factlint_embed(TARGET_SOURCES_VAR INPUT NAME): generate a .cpp that embeds INPUT as NAME().
function(factlint_embed out_var input name)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embed_${name}.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${output} -DNAME=${name}
            -DNAMESPACE=factlint -P "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${input}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${input}")
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
