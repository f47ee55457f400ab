# testgen_instrument(TARGET [KEEP_OPTIMIZATION])
#
# Compiles TARGET's own sources with SanitizerCoverage, so that a property
# test in fuzzing mode (TESTGEN_FUZZ_FOR) sees which code each input ran and
# which values it compared its input with, and links testgen::sancov, the
# runtime that records both. Instrument the code under test, not the test
# framework or testgen: their coverage would only be noise.
#
#   clang: -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp
#   gcc:   -fsanitize-coverage=trace-pc,trace-cmp
#
# The target is compiled at -O0 unless KEEP_OPTIMIZATION is given: at -O1
# and above, branches become selects and their edges vanish from the feedback.
function(testgen_instrument target)
  cmake_parse_arguments(ARG "KEEP_OPTIMIZATION" "" "" ${ARGN})
  if(NOT TARGET ${target})
    message(FATAL_ERROR "testgen_instrument: no target named '${target}'")
  endif()
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(flags -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp)
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    set(flags -fsanitize-coverage=trace-pc,trace-cmp)
  else()
    message(FATAL_ERROR "testgen_instrument: ${CMAKE_CXX_COMPILER_ID} has no SanitizerCoverage; use clang or gcc")
  endif()
  if(NOT ARG_KEEP_OPTIMIZATION)
    list(APPEND flags -O0)
  endif()
  target_compile_options(${target} PRIVATE ${flags})
  # Appended to the properties rather than through target_link_libraries, which
  # would clash with whichever signature (plain or keyword) the caller used.
  if(TARGET testgen::sancov)
    set(runtime testgen::sancov)
  else()
    set(runtime testgen_sancov)
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    set_property(TARGET ${target} APPEND PROPERTY LINK_LIBRARIES ${runtime})
  endif()
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${runtime})
endfunction()
