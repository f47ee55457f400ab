# tree-sitter 0.25, tree-sitter-bash 0.25.1 and tree-sitter-rust 0.24.0, fetched as npm packages by
# scripts/fetch_tree_sitter.sh into the build tree (once per build tree) and
# compiled here as C. Nothing of them is committed.
set(TS_DIR ${CMAKE_BINARY_DIR}/_deps/tree-sitter)
execute_process(COMMAND ${CMAKE_SOURCE_DIR}/scripts/fetch_tree_sitter.sh ${TS_DIR}
                RESULT_VARIABLE ts_fetch_result)
if(NOT ts_fetch_result EQUAL 0)
  message(FATAL_ERROR "could not fetch tree-sitter and its bash and Rust grammars (see the message above)")
endif()

add_library(tree_sitter_bash STATIC
  ${TS_DIR}/runtime/vendor/tree-sitter/lib/src/lib.c
  ${TS_DIR}/grammar/src/parser.c
  ${TS_DIR}/grammar/src/scanner.c)
target_include_directories(tree_sitter_bash SYSTEM
  PUBLIC ${TS_DIR}/runtime/vendor/tree-sitter/lib/include
  PRIVATE ${TS_DIR}/runtime/vendor/tree-sitter/lib/src ${TS_DIR}/grammar/src)
set_target_properties(tree_sitter_bash PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Third-party C: its own warnings are not ours to fix.
target_compile_options(tree_sitter_bash PRIVATE -w -D_DEFAULT_SOURCE)

# The Rust grammar: the mutation runner reads the generated crate with it.
add_library(tree_sitter_rust STATIC ${TS_DIR}/rust-grammar/src/parser.c ${TS_DIR}/rust-grammar/src/scanner.c)
target_include_directories(tree_sitter_rust PRIVATE ${TS_DIR}/rust-grammar/src)
target_link_libraries(tree_sitter_rust PUBLIC tree_sitter_bash)
set_target_properties(tree_sitter_rust PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(tree_sitter_rust PRIVATE -w -D_DEFAULT_SOURCE)
