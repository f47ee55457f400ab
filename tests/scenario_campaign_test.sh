# End-to-end tests of `testgen campaign` and of replay and minimize on the
# scenario cases it keeps, on the bundled simulator.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"
schema="$here/../examples/raftlog/schema.toml"

run "$TESTGEN" seed-index "$seeds" --corpus-root c
expect_rc 0

# --dry-run: the plan, and nothing run or written.
run "$TESTGEN" campaign --protocol raft --budget 50 --goal two_leaders_one_term --seed-filter crash --corpus-root c --dry-run
expect_rc 0
[[ "$(json out 'd["dry_run"], d["seeds"], d["phases"][0]["runs"], d["phases"][1]["runs_at_most"], d["options"]["goals"]')" == \
   "True ['crash_restart.toml', 'leader_crash.toml'] 50 300 ['two_leaders_one_term']" ]] || fail "plan: $(cat out)"
[[ -z "$(find c/accepted c/rejected c/_work -mindepth 1)" ]] || fail "a dry run wrote cases"

# Seeds are chosen by tag; an unknown protocol names the tags there are.
run "$TESTGEN" campaign --protocol paxos --budget 5 --corpus-root c
expect_rc 3
expect_err_contains "no seed is tagged 'paxos' (tags there: faults, network, raft)"
run "$TESTGEN" campaign --budget 5 --corpus-root c
expect_rc 2
expect_err_contains "--protocol is required"

# A goal that is met early ends the campaign early.
run "$TESTGEN" campaign --protocol raft --budget 300 --goal leader_elected --corpus-root early -q
expect_rc 3  # that corpus has no seeds yet
run "$TESTGEN" seed-index "$seeds" --corpus-root early
run "$TESTGEN" campaign --protocol raft --budget 300 --goal leader_elected --corpus-root early -q
expect_rc 0
[[ "$(json out 'd["goals"], d["goals_met"], d["runs"] < 20, d["calibration"]["ran"]')" == \
   "{'leader_elected': True} True True False" ]] || fail "early stop: $(cat out)"
# A goal the corpus has seen before is met already: nothing to run.
run "$TESTGEN" campaign --protocol raft --budget 300 --goal leader_elected --corpus-root early -q
expect_rc 0
[[ "$(json out 'd["goals_met"], d["runs"]')" == "True 0" ]] || fail "a goal met before: $(cat out)"

# The planted violation: exploring steers toward the goal, calibration
# climbs the checker's closeness to it, and the finding is kept reduced.
run "$TESTGEN" campaign --protocol raft --budget 500 --max-calibration-iters 500 --goal two_leaders_one_term \
  --rng-seed 2 --schema "$schema" --corpus-root c -q
expect_rc 1
cp out campaign.json
[[ "$(json out 'd["goals_met"], d["calibration"]["ran"], d["calibration"]["score_to"], len(d["findings"]), d["findings"][0]["signature"]')" == \
   "True True 1.0 1 election_safety: two leaders in term N: node N and node N (at N ms)" ]] || fail "campaign: $(cat out)"
case=$(json out 'd["findings"][0]["case_dir"]')
id=$(basename "$case")
for f in config.toml mutations.json run_summary.json logs/raft_events.csv; do [[ -f "$case/$f" ]] || fail "$case lacks $f"; done
# Metadata: the parent seed by name, typed mutations, and the campaign's options.
[[ "$(json "c/metadata/$id.json" 'd["status"], d["parent_seed"].endswith(".toml"), sorted(d["mutations"][0]), d["campaign"]["protocol"], d["campaign"]["goals"], d["novelty"]')" == \
   "rejected True ['from', 'op', 'path', 'to'] raft ['two_leaders_one_term'] new" ]] || fail "metadata: $(cat "c/metadata/$id.json")"

# The same seed in a fresh corpus: the same campaign, case for case.
run "$TESTGEN" seed-index "$seeds" --corpus-root again
run "$TESTGEN" campaign --protocol raft --budget 500 --max-calibration-iters 500 --goal two_leaders_one_term \
  --rng-seed 2 --schema "$schema" --corpus-root again -q
python3 - campaign.json out <<'PY' || fail "two campaigns with one seed differ"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for d in (a, b):
    d.pop("corpus_root")
    d["options"].pop("schema")
    for f in d["findings"]:
        f.pop("case_dir")
assert a == b, (a, b)
PY

# replay runs the case's config.toml: it still fails, the same way.
run "$TESTGEN" replay "$case" -q
expect_rc 1
[[ "$(json out 'd["same_signature"], d["status"]')" == "True reject" ]] || fail "replay: $(cat out)"

# minimize: delta debugging over the mutations, numbers toward the seed's,
# the signature kept; the config as found stays in config.orig.toml.
cp "$case/config.toml" found.toml
run "$TESTGEN" minimize "$case" --max-iters 60 -q
expect_rc 0
[[ "$(json out 'd["mutations_after"] <= d["mutations_before"], d["runs"] <= 60, d["signature"]')" == \
   "True True election_safety: two leaders in term N: node N and node N (at N ms)" ]] || fail "minimize: $(cat out)"
cmp -s found.toml "$case/config.orig.toml" || fail "config.orig.toml is not the config as found"
python3 - "$case" <<'PY' || fail "minimize log: $(cat "$case/minimize_log.json")"
import json, sys
log = json.load(open(sys.argv[1] + "/minimize_log.json"))
tries = log["tries"]
assert tries[0]["phase"] == "check" and tries[0]["kept"], tries[0]
assert {"ddmin", "numeric"} >= {t["phase"] for t in tries[1:]}, tries
assert all(set(t) == {"phase", "change", "outcome", "cached", "kept"} for t in tries)
# Every kept try failed with the case's signature; no config ran twice.
assert all(t["outcome"] == log["signature"] for t in tries if t["kept"])
assert log["runs"] == sum(not t["cached"] for t in tries)
PY
[[ "$(json "$case/mutations.json" 'len(d)')" == "$(json out 'd["mutations_after"]')" ]] || fail "mutations.json not rewritten"
[[ "$(json "c/metadata/$id.json" 'd["mutations"]')" == "$(json "$case/mutations.json" 'd')" ]] || fail "metadata not refreshed"
run "$TESTGEN" replay "$case" -q
expect_rc 1
[[ "$(json out 'd["same_signature"]')" == "True" ]] || fail "the minimized case does not fail the same way"
[[ -z "$(ls c/_work)" ]] || fail "_work not cleaned: $(ls c/_work)"
echo "scenario campaign tests passed"
