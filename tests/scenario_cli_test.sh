# End-to-end tests of the scenario-campaign commands on the bundled
# simulator: seed-index, fuzz, the corpus they leave, and bad input.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"

run "$TESTGEN" seed-index "$seeds" --corpus-root corpus
expect_rc 0
[[ "$(json out 'len(d["seeds"]), d["seeds"][0]["name"], d["seeds"][1]["tags"]')" == \
   "6 crash_restart.toml ['raft', 'faults']" ]] || fail "seed-index: $(cat out)"
[[ "$(json corpus/metadata/seeds_index.json 'd["version"], len(d["seeds"])')" == "1 6" ]] || fail "index file"
[[ -f corpus/seeds/steady.toml ]] || fail "seeds not copied"

# Without --runner the bundled simulator runs, and the summary says so.
run "$TESTGEN" fuzz --budget 120 --rng-seed 1 --corpus-root corpus -q
expect_rc 0
cp out first.json
[[ "$(json out 'd["runner"].startswith("bundled simulator:"), d["runs"], d["accepted"] > 3, d["coverpoints"] >= 15')" == \
   "True 120 True True" ]] || fail "fuzz: $(cat out)"
# New queue entries were run twice; the simulator is deterministic, so nothing is flaky.
[[ "$(json out 'd["rechecks"] >= d["accepted"], d["flaky_verdicts"], d["flaky_coverage"]')" == "True 0 0" ]] ||
  fail "stability: $(cat out)"
case=$(ls corpus/accepted | head -1)
for f in config.toml mutations.json run_summary.json case.json tree.json logs/raft_events.csv; do
  [[ -f "corpus/accepted/$case/$f" ]] || fail "accepted/$case lacks $f"
done
grep -q '^log_path = "logs"$' "corpus/accepted/$case/config.toml" || fail "log_path not rewritten"
[[ "$(json "corpus/accepted/$case/case.json" 'd["stability"]')" == stable ]] || fail "stability not recorded"
[[ -f "corpus/metadata/$case.json" && -f corpus/metadata/global_coverage.json ]] || fail "metadata missing"
# Coverage is kept by coverpoint name, as leanguard-testgen kept it.
[[ "$(json corpus/metadata/global_coverage.json 'd["version"], "leader_elected" in d["observed"]')" == "1 True" ]] ||
  fail "global coverage: $(cat corpus/metadata/global_coverage.json)"
[[ "$(json "corpus/metadata/$case.json" 'd["coverage_mode"], d["traces"][0].endswith("logs/raft_events.csv"), d["paths"]["mutations"].endswith("mutations.json")')" == \
   "coverpoints True True" ]] || fail "metadata: $(cat "corpus/metadata/$case.json")"
[[ -z "$(ls corpus/_work)" ]] || fail "_work not cleaned: $(ls corpus/_work)"

# The same seed again, in a fresh corpus: the same summary and the same case ids.
run "$TESTGEN" seed-index "$seeds" --corpus-root again
run "$TESTGEN" fuzz --budget 120 --rng-seed 1 --corpus-root again -q
python3 - first.json out <<'PY' || fail "two runs with one seed differ"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
a.pop("corpus_root"); b.pop("corpus_root")
assert a == b, (a, b)
PY
[[ "$(ls corpus/accepted)" == "$(ls again/accepted)" ]] || fail "case ids differ between identical runs"

# A seed that breaks election safety: the finding is kept in rejected/ with
# its signature (checker and violation, numbers blanked), replays as failing
# with the same signature, and is already minimal.
mkdir trap && cp "$seeds/steady.toml" "$here/data/raftlog/two_leaders.toml" trap/
run "$TESTGEN" seed-index trap --corpus-root trapped
run "$TESTGEN" fuzz --budget 30 --rng-seed 1 --corpus-root trapped -q
expect_rc 1
[[ "$(json out 'sorted(set(f["signature"] for f in d["findings"]))')" == \
   "['election_safety: two leaders in term N: node N and node N (at N ms)']" ]] || fail "findings: $(cat out)"
dir=$(json out 'd["findings"][0]["case_dir"]')
for f in config.toml mutations.json run_summary.json logs/raft_events.csv; do [[ -f "$dir/$f" ]] || fail "$dir lacks $f"; done
run "$TESTGEN" replay "$dir" -q
expect_rc 1
expect_out_contains '"same_signature": true'
run "$TESTGEN" minimize "$dir" -q
expect_rc 0

# Bad input.
run "$TESTGEN" fuzz --budget 5 --corpus-root empty -q
expect_rc 3
expect_err_contains "empty/seeds: no seeds (run 'testgen seed-index DIR --corpus-root empty' first)"
mkdir bad && printf 'duration_ms = 100\n[cluster\nnodes = 3\n' > bad/broken.toml && cp "$seeds/steady.toml" bad/
run "$TESTGEN" seed-index bad --corpus-root badcorpus
expect_rc 3
expect_err_contains "bad/broken.toml:2:"
[[ ! -e badcorpus/seeds/steady.toml ]] || fail "a seed was copied although another was malformed"
run "$TESTGEN" fuzz --budget 5 --corpus-root corpus --runner ./no-such-runner -q
expect_rc 2
expect_err_contains "runner './no-such-runner' is not an executable file"
run "$TESTGEN" fuzz --budget 5 --corpus-root corpus --runner-cmd 'prog --log {log_dir}' -q
expect_rc 2
expect_err_contains "has no {config}"
echo "scenario cli: ok"
