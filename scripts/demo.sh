#!/usr/bin/env bash
# `make demo`: the engine cracks a bundled puzzle, shrinks the counterexample
# and replays it from the corpus; then a short abi hunt between gcc and tcc.
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

say "The corpus: $corpus"
ls "$corpus"
echo "accepted cases: $(ls "$corpus/accepted" | wc -l), findings: $(ls "$corpus/rejected" | wc -l)"
