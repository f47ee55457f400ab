# Scenario campaigns against runners that misbehave, a missing checker, a
# full disk and a campaign killed with SIGKILL.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"
run "$TESTGEN" seed-index "$seeds/steady.toml" --corpus-root c
expect_rc 0

runner() {  # runner NAME BODY: a runner script in $WORK
  printf '#!/bin/sh\n%s\n' "$2" > "$WORK/$1"
  chmod +x "$WORK/$1"
}

# A runner that hangs: timed out, its whole process group killed, a finding.
runner hang.sh 'sleep 1000 & echo $! > "$(dirname "$0")/sleep.pid"; echo $$ > "$(dirname "$0")/hang.pid"; wait'
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-timeout 0.5 --runner-cmd "$WORK/hang.sh {config}" --corpus-root c -q
expect_rc 1
[[ "$(json out 'd["findings"][0]["signature"]')" == "runner error: runner timed out after N.N s" ]] || fail "hang: $(cat out)"
gone "$(cat hang.pid)" && gone "$(cat sleep.pid)" || fail "the hung runner or its child is still running"

# A runner that crashes.
runner crash.sh 'kill -SEGV $$'
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-cmd "$WORK/crash.sh {config}" --corpus-root crash -q
expect_rc 3  # no seeds in that corpus: said before anything runs
expect_err_contains "crash/seeds: no seeds"
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-cmd "$WORK/crash.sh {config}" --corpus-root c -q
expect_rc 1
expect_out_contains '"signature": "runner error: runner killed by SIGSEGV"'

# A runner that prints garbage.
runner garbage.sh 'echo "hello, world"'
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-cmd "$WORK/garbage.sh {config}" --corpus-root c -q
expect_rc 1
[[ "$(json out 'd["findings"][0]["signature"]')" == "runner error: runner stdout" ]] || fail "garbage: $(cat out)"
[[ "$(json "c/rejected/$(json out 'd["findings"][0]["case_id"]')/case.json" 'd["detail"]')" == \
   "runner stdout: not a RunSummaryV1 (not JSON at byte 1): hello, world"* ]] || fail "garbage detail"

# A runner that says every scenario is invalid (exit 2): discarded, no finding, nothing kept.
runner invalid.sh 'echo "bad scenario" >&2; exit 2'
run "$TESTGEN" fuzz --budget 20 --runner-cmd "$WORK/invalid.sh {config}" --corpus-root c -q
expect_rc 0
[[ "$(json out 'd["runs"], d["invalid"], d["accepted"], d["findings"]')" == "20 20 0 []" ]] || fail "invalid: $(cat out)"

# A missing checker: the bundled runner says so, and so does the finding.
mkdir empty
run "$TESTGEN" fuzz --budget 1 --no-shrink --checker-dir "$WORK/empty" --corpus-root c -q
expect_rc 1
expect_out_contains "runner error: checker 'election_safety' is missing from the checker dir"

# A full disk while cases are written: exit 5, and no case half-written.
cc -shared -fPIC -o fulldisk.so "$here/tools/fulldisk.c" -ldl
run "$TESTGEN" seed-index "$seeds" --corpus-root full
(
  export LD_PRELOAD="$WORK/fulldisk.so" FULLDISK_MATCH="$WORK/full/" FULLDISK_SKIP="/run-" FULLDISK_AFTER=120000
  export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
  run "$TESTGEN" fuzz --budget 200 --corpus-root full -q
  echo "$rc" > full.rc
)
[[ "$(cat full.rc)" == 5 ]] || fail "full disk: exit $(cat full.rc); $(cat err)"
expect_err_contains "No space left on device"
check_cases() {  # every case directory whole: its files there and readable
  python3 - "$1" <<'PY'
import json, os, sys, tomllib
root = sys.argv[1]
n = 0
for status in ("accepted", "rejected"):
    d = os.path.join(root, status)
    for case in os.listdir(d) if os.path.isdir(d) else []:
        for f in ("case.json", "tree.json", "mutations.json", "run_summary.json"):
            json.load(open(os.path.join(d, case, f)))
        tomllib.load(open(os.path.join(d, case, "config.toml"), "rb"))
        n += 1
for dirpath, _, files in os.walk(root):
    if "/_work" not in dirpath:
        assert not [f for f in files if ".tmp." in f], (dirpath, files)
print(n)
PY
}
kept=$(check_cases full) || fail "a case was left half-written"
(( kept >= 1 )) || fail "nothing was saved before the disk filled up"
run "$TESTGEN" fuzz --budget 20 --corpus-root full -q
expect_rc 0
check_cases full > /dev/null || fail "the corpus is not whole after the disk has room again"

# Killed with SIGKILL mid-campaign, then run again: nothing lost, nothing half-written.
run "$TESTGEN" seed-index "$seeds" --corpus-root k
"$TESTGEN" campaign --protocol raft --budget 100000 --corpus-root k -q > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  [[ "$(ls k/accepted 2>/dev/null | wc -l)" -ge 5 ]] && break
  sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
before=$(ls k/accepted k/rejected 2>/dev/null | grep -v ':$' | sort)
check_cases k > /dev/null || fail "a killed campaign left a half-written case"
run "$TESTGEN" campaign --protocol raft --budget 30 --corpus-root k -q
expect_rc 0
after=$(ls k/accepted k/rejected 2>/dev/null | grep -v ':$' | sort)
[[ -z "$(comm -23 <(echo "$before") <(echo "$after"))" ]] || fail "cases were lost: $(comm -23 <(echo "$before") <(echo "$after"))"
for id in $before; do [[ -f "k/metadata/$id.json" ]] || fail "no metadata for $id after the restart"; done
[[ -z "$(ls k/_work)" ]] || fail "_work not cleaned after the restart: $(ls k/_work)"
echo "scenario fault tests passed"
