#!/usr/bin/env bash
# Every puzzle cracked through the CLI, shrunk to its minimum, replayable;
# the same seed gives byte-identical output.
source "$(dirname "$0")/lib.sh"

declare -A minimum=([pair-42-43]='[42, 43]' [tree-sum-100]='[[[[[100]]]]]' [equal-pair]='(500, 500)' [hi]='"Hi!"')
for p in "${!minimum[@]}"; do
  for seed in 1 2 3; do
    run "$TESTGEN" puzzle "$p" --rng-seed "$seed" --runs 300000 --corpus-root "corpus-$p-$seed" -q
    expect_rc 1
    got=$(json out 'd["findings"][0]["value"]')
    [[ "$got" == "${minimum[$p]}" ]] || fail "$p seed $seed shrank to $got, want ${minimum[$p]}"
  done
  dir=$(json out 'd["findings"][0]["case_dir"]')
  expect_err_contains "replay:  testgen replay $dir"
  run "$TESTGEN" replay "$dir"
  expect_rc 1
  [[ "$(json out 'd["value"]')" == "${minimum[$p]}" ]] || fail "replay of $dir: $(cat out)"
  [[ "$(json out 'd["same_signature"]')" == "True" ]] || fail "replay signature changed: $(cat out)"
  # Every accepted case replays and passes.
  for a in "corpus-$p-3"/accepted/*; do
    run "$TESTGEN" replay -q "$a"
    expect_rc 0
  done
done

# Determinism: same seed and options, byte-identical stdout.
"$TESTGEN" puzzle pair-42-43 --rng-seed 5 --keep-going --runs 4000 -q > a.json 2>/dev/null || true
"$TESTGEN" puzzle pair-42-43 --rng-seed 5 --keep-going --runs 4000 -q > b.json 2>/dev/null || true
cmp -s a.json b.json || fail "same seed, different output"
"$TESTGEN" puzzle pair-42-43 --rng-seed 6 --keep-going --runs 4000 -q > c.json 2>/dev/null || true
cmp -s a.json c.json && fail "different seeds, same output"

# --no-shrink reports the failure as found.
run "$TESTGEN" puzzle hi --rng-seed 1 --no-shrink -q
expect_rc 1
[[ "$(json out 'd["findings"][0]["value"]')" == "$(json out 'd["findings"][0]["original"]')" ]] || fail "--no-shrink shrank"
[[ "$(json out 'd["findings"][0]["shrink_calls"]')" == "0" ]] || fail "--no-shrink made shrink calls"

# --time bounds a campaign that would otherwise run for a very long time.
start=$SECONDS
run "$TESTGEN" puzzle bytes-bug --keep-going --runs 100000000 --time 1 -q
expect_rc 0
(( SECONDS - start < 20 )) || fail "--time 1 ran for $((SECONDS - start)) s"

# A finite budget that does not crack: exit 0 and says so.
run "$TESTGEN" puzzle pair-42-43 --runs 3 --rng-seed 1
expect_rc 0
expect_err_contains "not cracked in 3 runs"
[[ "$(json out 'd["cracked"]')" == "False" ]] || fail "cracked with 3 runs?"
echo "puzzle_cli_test: ok"
