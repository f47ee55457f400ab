# End-to-end tests of the second example runner (examples/seqwin): a shell
# runner over C programs, used through --runner-cmd, whose checker reports
# coverpoints only; and a search that finds its three-change violation.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
: "${SEQWIN:?SEQWIN must point at the directory of seqwin-run}"
seeds="$here/../examples/seqwin/seeds"
schema="$here/../examples/seqwin/schema.toml"

# Every seed runs and is accepted; the summary is left in the log directory.
for seed in "$seeds"/*.toml; do
  rm -rf logs && mkdir logs
  run "$SEQWIN/seqwin-run" "$seed" logs
  expect_rc 0
  [[ "$(json logs/run_summary.json 'd["accept"], d["checker_results"][0]["checker"], len(d["checker_results"][0]["coverage"]) >= 4')" == "True sack_safety True" ]] ||
    fail "$seed: $(cat logs/run_summary.json)"
  cp logs/link_events.csv first.csv
  run "$SEQWIN/seqwin-run" "$seed" logs
  cmp -s first.csv logs/link_events.csv || fail "$seed: two runs gave different traces"
done

# The violation needs all three changes; any two are safe, whatever the seed.
variant() {  # SACK REORDER_MS WINDOW SEED
  sed -e "s/^sack = false/sack = $1/" -e "s/^reorder_ms = 0/reorder_ms = $2/" -e "s/^window = 8/window = $3/" \
    -e "s/^seed = 1/seed = $4/" "$seeds/steady.toml" > v.toml
  rm -rf logs && mkdir logs
  run "$SEQWIN/seqwin-run" v.toml logs
}
variant true 30 40 3
expect_rc 1
[[ "$(json logs/run_summary.json 'd["checker_results"][0]["stdout"]')" =~ ^packet\ [0-9]+\ acknowledged\ but\ never\ received$ ]] ||
  fail "$(cat logs/run_summary.json)"
for seed in 1 2 3 4 5 6; do
  for two in "false 30 40" "true 0 40" "true 30 8"; do
    variant $two $seed
    [[ $rc == 0 ]] || fail "violation with only two of the changes ($two, seed $seed): $(cat logs/run_summary.json)"
  done
done

# Invalid input: exit 2 naming the file and line.
printf 'packets = 100\n[sender]\nwindow = 0\n' > bad.toml
rm -rf logs && mkdir logs
run "$SEQWIN/seqwin-run" bad.toml logs
expect_rc 2
expect_err_line "bad.toml:3: sender.window must be an integer in [1, 256], not 0"

# Coverage-guided fuzz finds the violation from the seeds, which have none
# of the three changes, and the reduction keeps the three that matter.
runner=(--runner-cmd "$SEQWIN/seqwin-run {config} {log_dir}")
run "$TESTGEN" seed-index "$seeds" --corpus-root c
expect_rc 0
run "$TESTGEN" fuzz --budget 600 --rng-seed 1 --schema "$schema" --corpus-root c -q --stop-on-finding "${runner[@]}"
expect_rc 1
[[ "$(json out 'd["findings"][0]["signature"]')" == "sack_safety: packet N acknowledged but never received" ]] ||
  fail "$(head -c 2000 out)"
# Coverpoints are all the checker gives: the run's event counts were features too.
[[ "$(json out 'd["features"] > d["coverpoints"] + 10')" == True ]] || fail "no trace features: $(head -c 600 out)"
case_dir=$(json out 'd["findings"][0]["case_dir"]')
mutations=$(json "$case_dir/mutations.json" '" ".join(m["path"] for m in d)')
# Three changes: SACK, a wider window, and either a reordering link (stale
# acknowledgements) or fewer SACK bits (a window wider than the block space).
for needed in sender.sack sender.window; do
  [[ "$mutations" == *"$needed"* ]] || fail "the reduced case lacks $needed: $mutations"
done
[[ "$mutations" == *link.reorder_ms* || "$mutations" == *receiver.sack_bits* ]] ||
  fail "the reduced case has neither reordering nor fewer SACK bits: $mutations"
run "$TESTGEN" replay "$case_dir" --corpus-root c "${runner[@]}"
expect_rc 1
# A campaign whose checker reports no closeness stat still calibrates: it
# climbs rarity (rare coverpoints together, event counts few runs reached).
run "$TESTGEN" seed-index "$seeds" --corpus-root k
run "$TESTGEN" campaign --protocol seqwin --goal acked_but_never_received --budget 15 --max-calibration-iters 400 \
  --rng-seed 1 --schema "$schema" --corpus-root k -q --no-shrink "${runner[@]}"
expect_rc 1
[[ "$(json out 'd["calibration"]["ran"], d["calibration"]["climbs"], d["goals"]["acked_but_never_received"]')" == \
   "True rarity (no near.* stat) True" ]] || fail "$(head -c 3000 out)"
[[ "$(json out 'len(d["calibration"]["climbed"]) >= 3')" == True ]] || fail "calibration climbed nothing: $(head -c 3000 out)"
echo "seqwin: ok"
