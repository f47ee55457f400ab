#!/usr/bin/env bash
# A campaign killed with SIGKILL and started again continues with a
# consistent corpus and loses no kept case. The bytes-bug puzzle keeps
# writing cases for seconds, so the kills land in the middle of writes.
source "$(dirname "$0")/lib.sh"

check_complete() {  # every case directory is whole: case.json and tree.json parse
  python3 - "$1" <<'PY' || fail "a half-written case was found"
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
for d in list(root.glob("accepted/*")) + list(root.glob("rejected/*")):
    json.load(open(d / "case.json"))
    assert json.load(open(d / "tree.json"))["format"] == "testgen-choice-tree", d
PY
}

ids() { (cd "$1" && ls accepted rejected 2>/dev/null | grep -E '^[0-9a-f]{16}$' | sort) || true; }

root=corpus
for round in 1 2 3 4 5 6; do
  "$TESTGEN" puzzle bytes-bug --keep-going --runs 100000000 --rng-seed "$round" --corpus-root "$root" -q >/dev/null 2>&1 &
  pid=$!
  # Once this round has kept a case (however busy the machine), a different
  # moment each round: at once (while cases are being written) to later.
  had=$(ids "$root" | wc -l)
  for _ in $(seq 1 600); do (( $(ids "$root" | wc -l) > had )) && break; sleep 0.1; done
  sleep "0.$((round * 13 % 10))$((round * 7 % 10))"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  check_complete "$root"
  before=$(ids "$root")
  [[ -n "$before" ]] || fail "round $round: nothing was kept before the kill"
  # Reopen with no budget: repairs metadata, cleans _work, loses nothing.
  run "$TESTGEN" puzzle bytes-bug --runs 0 --corpus-root "$root" -q
  expect_rc 0
  [[ "$(json out 'd["resumed_cases"]')" == "$(echo "$before" | wc -l)" ]] || fail "resumed $(json out 'd["resumed_cases"]') of $(echo "$before" | wc -l) cases"
  after=$(ids "$root")
  missing=$(comm -23 <(echo "$before") <(echo "$after"))
  [[ -z "$missing" ]] || fail "round $round lost cases: $missing"
  for id in $after; do [[ -f "$root/metadata/$id.json" ]] || fail "round $round: no metadata for $id"; done
  [[ -z "$(ls -A "$root/_work")" ]] || fail "_work not cleaned"
  [[ -z "$(find "$root" -name '.*.tmp.*')" ]] || fail "temporary files left"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']==1 and isinstance(d['observed'], list)" "$root/metadata/global_coverage.json"
done
echo "kill_resume_test: ok ($(ids "$root" | wc -l) cases survived 6 kills)"
