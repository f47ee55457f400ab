#!/usr/bin/env bash
# The command line: help, version, one-line errors with distinct exit codes.
source "$(dirname "$0")/lib.sh"

run "$TESTGEN" --help
expect_rc 0
expect_out_contains "usage: testgen"
for cmd in puzzle replay help version; do expect_out_contains "  $cmd "; done

run "$TESTGEN" --version
expect_rc 0
[[ "$(cat out)" =~ ^testgen\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version: $(cat out)"

run "$TESTGEN" help puzzle
expect_rc 0
expect_out_contains "--rng-seed"
expect_out_contains "--no-adapt"

run "$TESTGEN" puzzle --help
expect_rc 0
expect_out_contains "Usage: testgen puzzle"

run "$TESTGEN" frobnicate
expect_rc 2
expect_err_line "testgen: error: unknown subcommand 'frobnicate' (subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, bash, corpus, report, replay, minimize, help, version)"

run "$TESTGEN" --frob
expect_rc 2
expect_err_line "testgen: error: unknown option '--frob' (options: --help, --version, the global options --corpus-root, --checker-dir, --runner, --runner-cmd, --allow-nondeterministic, --allow-unsafe-lua; subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, bash, corpus, report, replay, minimize, help, version)"

run "$TESTGEN" puzzle hi --frob
expect_rc 2
[[ $(wc -l < err) == 1 ]] || fail "error must be one line: $(cat err)"
expect_err_contains "testgen puzzle: error: The following argument was not expected: --frob (options: --help, --list"

run "$TESTGEN" puzzle --runs abc hi
expect_rc 2
[[ $(wc -l < err) == 1 ]] || fail "error must be one line: $(cat err)"

run "$TESTGEN" puzzle nosuch
expect_rc 2
expect_err_line "testgen puzzle: error: unknown puzzle 'nosuch'; see 'testgen puzzle --list'"

run "$TESTGEN" help nosuch
expect_rc 2
expect_err_line "testgen help: error: unknown subcommand 'nosuch' (subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, bash, corpus, report, replay, minimize, help, version)"

run "$TESTGEN"
expect_rc 2
expect_err_contains "usage: testgen"

run "$TESTGEN" replay "$WORK/missing"
expect_rc 3
expect_err_line "testgen: error: $WORK/missing: no such case directory"

# A case directory must sit in a corpus; its files are checked field by field.
mkdir -p bad && echo '{}' > bad/case.json
run "$TESTGEN" replay bad
expect_rc 3
expect_err_line "testgen: error: bad: not a case directory (CORPUS/accepted/ID or CORPUS/rejected/ID)"
mkdir -p c/rejected/x && echo '{"format":"testgen-case","version":1,"id":"x","front":"puzzle","target":"puzzle:hi","status":"rejected"}' > c/rejected/x/case.json
echo '{"format":"testgen-choice-tree","version":1,"root":{"kind":"integer","lo":0,"hi":3,"value":9}}' > c/rejected/x/tree.json
run "$TESTGEN" replay c/rejected/x/
expect_rc 3
expect_err_line "testgen: error: $WORK/c/rejected/x/tree.json: root: value 9 outside [0, 3]"
echo '[]' > c/rejected/x/case.json
run "$TESTGEN" replay x --corpus-root c
expect_rc 3
expect_err_line "testgen: error: $WORK/c/rejected/x/case.json: not a testgen case (a JSON object expected)"
echo '{"format":"testgen-case","version":2,"id":"x","front":"puzzle","target":"puzzle:hi","status":"rejected","size":"8"}' > c/rejected/x/case.json
run "$TESTGEN" --corpus-root c replay x
expect_rc 3
expect_err_line "testgen: error: $WORK/c/rejected/x/case.json: field 'size' must be an integer in 0..1000000"
[[ ! -e c/rejected/x/_work && ! -e c/rejected/_work ]] || fail "replay created scratch inside the cases"

run "$TESTGEN" puzzle --list
expect_rc 0
for p in pair-42-43 tree-sum-100 equal-pair hi bytes-bug; do expect_out_contains "$p"; done
echo "cli_test: ok"
