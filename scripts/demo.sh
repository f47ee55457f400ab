#!/usr/bin/env bash
# `make demo`: the engine cracks a bundled puzzle, shrinks the counterexample
# and replays it from the corpus; then a short abi hunt between gcc and tcc;
# then a scenario campaign on the bundled simulator finds its planted
# violation, and minimize reduces it.
set -euo pipefail
testgen=${1:-build/default/testgen}
corpus=build/demo-corpus
rm -rf "$corpus"

say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

say "\$ testgen puzzle pair-42-43 --rng-seed 1 --corpus-root $corpus"
echo "(find a list of integers in -1000..1000 holding 42 immediately followed by 43)"
set +e
"$testgen" puzzle pair-42-43 --rng-seed 1 --corpus-root "$corpus" > "$corpus.json"
rc=$?
set -e
[[ $rc -eq 1 ]] || { echo "demo: the puzzle was not cracked (exit $rc)" >&2; exit 1; }
replay=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"][0]["case_dir"])' "$corpus.json")

say "\$ testgen replay $replay"
set +e
"$testgen" replay "$replay" > /dev/null
rc=$?
set -e
echo "(exit $rc: the case still fails, as it should)"

say "\$ testgen puzzle tree-sum-100 --rng-seed 1"
echo "(a tree of depth >= 6 from quest-style sized recursion whose leaves sum to 100)"
"$testgen" puzzle tree-sum-100 --rng-seed 1 > /dev/null || true

hunt=build/demo-hunt
rm -rf "$hunt"
say "\$ testgen abi hunt --pair gcc:tcc --pair tcc:gcc --test ansi --runs 64 --rng-seed 1 --corpus-root $hunt"
echo "(real parameter-passing bugs between gcc and tcc, each reduced to a reproducer)"
set +e
"$testgen" abi hunt --pair gcc:tcc --pair tcc:gcc --test ansi --runs 64 --rng-seed 1 --shrink-calls 150 \
  --corpus-root "$hunt" -q > "$hunt.json"
rc=$?
set -e
[[ $rc -eq 1 ]] || { echo "demo: the hunt found nothing (exit $rc)" >&2; exit 1; }
python3 - "$hunt.json" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f"  {f['signature']}\n      {f['reduced']}   ({f['reproducer_bytes']} bytes of C)")
PY
first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"][0]["case_dir"])' "$hunt.json")
say "\$ cat $first/report.txt"
cat "$first/report.txt"

scn=build/demo-scenarios
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$scn"
say "\$ testgen seed-index examples/raftlog/seeds --corpus-root $scn"
"$testgen" seed-index "$here/examples/raftlog/seeds" --corpus-root "$scn" > "$scn.seeds.json"
python3 - "$scn.seeds.json" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1]))["seeds"]:
    print(f"  {s['name']:22} tags: {', '.join(s['tags'])}")
PY
say "\$ testgen campaign --protocol raft --goal two_leaders_one_term --budget 500 --rng-seed 2 --schema examples/raftlog/schema.toml --corpus-root $scn"
echo "(the bundled Raft-like simulator and its checkers; the planted bug: with storage.sync_votes = false a"
echo " voter that crashes right after voting and comes back while another candidate of that term still"
echo " waits has forgotten its vote and can give it twice: two leaders in one term)"
set +e
"$testgen" campaign --protocol raft --goal two_leaders_one_term --budget 500 --max-calibration-iters 500 --rng-seed 2 \
  --schema "$here/examples/raftlog/schema.toml" --corpus-root "$scn" -q > "$scn.json"
rc=$?
set -e
[[ $rc -eq 1 ]] || { echo "demo: the campaign found nothing (exit $rc)" >&2; exit 1; }
python3 - "$scn.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"  {d['runs']} runs, {d['coverpoints']} coverpoints, goals met: {d['goals_met']}")
for step in d["calibration"].get("climbed", []):
    print(f"  calibration: {step}")
f = d["findings"][0]
print(f"  finding at run {f['found_at_run']}: {f['signature']}")
print(f"  as found:        {f['scenario_as_found']}")
print(f"  reduced (engine): {f['scenario']}")
print(f"  kept in {f['case_dir']}")
PY
case=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"][0]["case_dir"])' "$scn.json")
say "\$ testgen minimize $case"
"$testgen" minimize "$case" --max-iters 60 -q > "$scn.min.json"
python3 - "$scn.min.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"  {d['runs']} runs: {d['mutations_after']} of {d['mutations_before']} mutations needed, each number moved")
print("  back toward the seed's as far as the same failure allows (every try: minimize_log.json)")
for m in d["mutations"]:
    print(f"  {m['op']} {m['path']}: {m['from']} -> {m['to']}")
PY
say "\$ diff $case/config.orig.toml $case/config.toml"
diff "$case/config.orig.toml" "$case/config.toml" || true
say "\$ testgen replay $case"
set +e
"$testgen" replay "$case" -q > "$scn.replay.json"
set -e
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("  " + d["status"] + ": " + d["signature"])' "$scn.replay.json"

say "The corpus: $corpus"
ls "$corpus"
echo "accepted cases: $(ls "$corpus/accepted" | wc -l), findings: $(ls "$corpus/rejected" | wc -l)"

report=build/demo-report.html
say "\$ testgen report $hunt -o $report"
"$testgen" report "$hunt" -o "$report" -q > /dev/null
echo "The hunt's report (plots, findings with their reproducers, the pair x failure matrix), one self-contained page:"
echo "  $(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
