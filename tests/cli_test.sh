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
expect_err_line "testgen: error: unknown subcommand 'frobnicate' (subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, replay, minimize, help, version)"

run "$TESTGEN" --frob
expect_rc 2
expect_err_line "testgen: error: unknown option '--frob' (options: --help, --version; subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, replay, minimize, help, version)"

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
expect_err_line "testgen help: error: unknown subcommand 'nosuch' (subcommands: quest, abi, puzzle, seed-index, fuzz, campaign, replay, minimize, help, version)"

run "$TESTGEN"
expect_rc 2
expect_err_contains "usage: testgen"

run "$TESTGEN" replay "$WORK/missing"
expect_rc 3
expect_err_line "testgen: error: $WORK/missing/case.json: cannot read: No such file or directory"

mkdir -p bad && echo '{"format":"testgen-case","version":1,"id":"x","front":"puzzle","target":"puzzle:hi","status":"rejected"}' > bad/case.json
echo '{"format":"testgen-choice-tree","version":1,"root":{"kind":"integer","lo":0,"hi":3,"value":9}}' > bad/tree.json
run "$TESTGEN" replay bad
expect_rc 3
expect_err_line "testgen: error: bad/tree.json: root: value 9 outside [0, 3]"

run "$TESTGEN" puzzle --list
expect_rc 0
for p in pair-42-43 tree-sum-100 equal-pair hi bytes-bug; do expect_out_contains "$p"; done
echo "cli_test: ok"
