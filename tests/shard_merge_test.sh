#!/usr/bin/env bash
# Shards and merge through the CLI: each shard draws its own seed stream
# (from --shard or the scheduler's environment), and `corpus merge` joins
# their corpora into one whose finding is there once and replays.
source "$(dirname "$0")/lib.sh"

puzzle() { "$TESTGEN" puzzle pair-42-43 --rng-seed 7 --runs 3000 --keep-going -q "$@"; }

# Shard 0 of 1 is the unsharded run; two shards draw different inputs.
puzzle > plain.json 2>/dev/null || true
puzzle --shard 0/1 > one.json 2>/dev/null || true
cmp -s plain.json one.json || fail "--shard 0/1 differs from the unsharded run"
puzzle --shard 0/2 > a.json 2>/dev/null || true
puzzle --shard 1/2 > b.json 2>/dev/null || true
[[ "$(json a.json 'd["shard"]["index"], d["shard"]["count"], d["shard"]["from"]')" == "0 2 --shard" ]] || fail "shard not reported: $(json a.json 'd["shard"]')"
[[ "$(json a.json 'd["kept"], d["features"]')" != "$(json b.json 'd["kept"], d["features"]')" ]] ||
  [[ "$(json a.json 'd["findings"]')" != "$(json b.json 'd["findings"]')" ]] || fail "two shards ran the same inputs"
# The scheduler's environment gives the same shard as the flag.
SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 puzzle > slurm.json 2>/dev/null || true
[[ "$(json slurm.json 'd["shard"]["from"]')" == "SLURM_ARRAY_TASK_ID" ]] || fail "Slurm's variables not read"
[[ "$(json slurm.json 'd["findings"], d["kept"]')" == "$(json b.json 'd["findings"], d["kept"]')" ]] ||
  fail "SLURM_ARRAY_TASK_ID=1 of 2 is not shard 1/2"
JOB_COMPLETION_INDEX=1 TESTGEN_SHARD_COUNT=2 puzzle > k8s.json 2>/dev/null || true
[[ "$(json k8s.json 'd["findings"], d["kept"]')" == "$(json b.json 'd["findings"], d["kept"]')" ]] ||
  fail "JOB_COMPLETION_INDEX=1 with TESTGEN_SHARD_COUNT=2 is not shard 1/2"

# Bad shards: one line naming the flag or variable, exit 2.
run puzzle --shard 2/2
expect_rc 2
expect_err_contains "--shard: shard index 2 is not below the count 2"
run env SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_COUNT=2 "$TESTGEN" puzzle hi -q
expect_rc 2
expect_err_contains "SLURM_ARRAY_TASK_ID='x': expected a whole number"
run env JOB_COMPLETION_INDEX=0 "$TESTGEN" puzzle hi -q
expect_rc 2
expect_err_contains "TESTGEN_SHARD_COUNT is not"

# Three shards into three corpora, each cracking the puzzle; merged: one finding.
for i in 0 1 2; do
  run "$TESTGEN" puzzle pair-42-43 --rng-seed 3 --runs 300000 --shard "$i/3" --corpus-root "shard-$i" -q
  expect_rc 1
done
run "$TESTGEN" corpus merge merged shard-0 shard-1/ shard-2
expect_rc 0
[[ "$(json out 'd["after"]["findings"]')" == "1" ]] || fail "three shards' one bug is not one finding: $(cat out)"
[[ "$(json out 'd["findings"]["duplicates_left_out"]')" == "2" ]] || fail "duplicates not counted: $(cat out)"
[[ "$(json out 'd["accepted"]["added"] + d["accepted"]["redundant"]')" == \
   "$(json out 'sum(i["accepted"] for i in d["inputs"])')" ]] || fail "accepted cases unaccounted for: $(cat out)"
# The finding kept is the smallest of the three, and it replays.
finding=$(ls -d merged/rejected/*)
run "$TESTGEN" replay "$finding"
expect_rc 1
[[ "$(json out 'd["same_signature"]')" == "True" ]] || fail "merged finding does not replay: $(cat out)"
for a in $(ls -d merged/accepted/* | head -5); do
  run "$TESTGEN" replay -q "$a"
  expect_rc 0
done
# Merging again changes nothing.
run "$TESTGEN" corpus merge merged shard-0 shard-1 shard-2 -q
expect_rc 0
[[ "$(json out 'd["accepted"]["added"] + d["findings"]["added"]')" == "0" ]] || fail "a second merge added cases: $(cat out)"

# --sync-dir: shard 0 publishes what it keeps; shard 1, started after it,
# runs those inputs first (and keeps what adds coverage), publishing only its own.
"$TESTGEN" puzzle bytes-bug --runs 1500 --shard 0/2 --sync-dir sync --corpus-root s0 -q > s0.json 2>/dev/null
"$TESTGEN" puzzle bytes-bug --runs 1500 --shard 1/2 --sync-dir sync/ --corpus-root s1 -q > s1.json 2>/dev/null
published=$(json s0.json 'd["sync"]["published"]')
[[ $published -gt 0 && $published == "$(json s0.json 'd["kept"]')" ]] || fail "shard 0 published $published: $(cat s0.json)"
[[ "$(json s1.json 'd["sync"]["imported"]')" == "$published" ]] || fail "shard 1 did not import shard 0's cases: $(cat s1.json)"
[[ "$(json s1.json 'd["sync"]["published"] < d["kept"]')" == "True" ]] || fail "shard 1 published imported cases back"
[[ $(ls sync/*/shard-0 | wc -l) == "$published" ]] || fail "sync/*/shard-0 does not hold one file per published case"
touch not-a-dir
run "$TESTGEN" puzzle hi --runs 10 --sync-dir not-a-dir -q
expect_rc 5
expect_err_contains "not-a-dir: cannot create the sync directory"

# Bad input: not a corpus, the output itself, an unknown action.
mkdir plain
run "$TESTGEN" corpus merge merged plain
expect_rc 3
expect_err_contains "plain: not a corpus (no accepted/ or rejected/ in it)"
run "$TESTGEN" corpus merge merged merged/
expect_rc 3
expect_err_contains "is the output corpus itself"
run "$TESTGEN" corpus merge merged
expect_rc 2
run "$TESTGEN" corpus split x
expect_rc 2
expect_err_contains "unknown action 'split'"
echo "shard_merge_test: ok"
