# A careless or hostile user against the corpus: nothing lost (a finding
# killed mid-reduction, a replay path with a trailing slash, a minimize
# that fails half-way), two processes on one corpus, a damaged corpus.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"

runner() {  # runner NAME BODY: a runner script in $WORK
  printf '#!/bin/sh\n%s\n' "$2" > "$WORK/$1"
  chmod +x "$WORK/$1"
}
# A runner whose every scenario breaks a checker, slowly: reduction takes many runs.
summary='{"version":1,"accept":false,"checker_results":[{"checker":"safety","status":"reject","stdout":"two leaders\n","coverage":["x"]}]}'
runner slow-reject.sh "sleep 0.2; echo '$summary'; exit 1"

# --- A finding is saved as found before it is reduced: SIGKILL during the
# reduction keeps it (reduced: false), it replays, and minimize finishes it.
run "$TESTGEN" seed-index "$seeds" --corpus-root k
"$TESTGEN" fuzz --budget 1 --shrink-calls 1000 --runner-cmd "$WORK/slow-reject.sh {config}" --corpus-root k -q \
  > /dev/null 2>&1 &
pid=$!
found() { compgen -G "k/metadata/*.json" > /dev/null && [[ -n "$(ls k/rejected)" ]]; }
wait_for found || fail "no finding was saved while it was being reduced"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
id=$(ls k/rejected)
[[ "$(json "k/rejected/$id/case.json" 'd["reduced"], d["status"]')" == "False rejected" ]] ||
  fail "the case as found: $(cat "k/rejected/$id/case.json")"
[[ "$(json "k/metadata/$id.json" 'd["reduced"]')" == "False" ]] || fail "metadata: $(cat "k/metadata/$id.json")"
for f in config.toml mutations.json run_summary.json tree.json; do [[ -f "k/rejected/$id/$f" ]] || fail "the case lacks $f"; done
run "$TESTGEN" replay "k/rejected/$id" --runner-cmd "$WORK/slow-reject.sh {config}" -q
expect_rc 1
expect_out_contains '"same_signature": true'
run "$TESTGEN" minimize "k/rejected/$id" --runner-cmd "$WORK/slow-reject.sh {config}" --max-iters 5 -q
expect_rc 0
[[ "$(json "k/rejected/$id/case.json" 'd["reduced"]')" == "True" ]] || fail "minimize did not finish the case"

# --- The path a shell completes (a trailing slash) is the same case; replay
# writes nothing inside the cases, and the next run still works.
run "$TESTGEN" fuzz --budget 5 --corpus-root k -q
acc=$(ls k/accepted | head -1)
run "$TESTGEN" replay "k/accepted/$acc/" -q
expect_rc 0
run "$TESTGEN" replay "./k/accepted/$acc//" -q
expect_rc 0
[[ "$(ls -A k/accepted | grep -cvE '^[0-9a-f]{16}$')" == 0 ]] || fail "replay left something in accepted/: $(ls -A k/accepted)"
run "$TESTGEN" fuzz --budget 5 --corpus-root k -q
expect_rc 0
[[ "$(json out 'd["quarantined"]')" == "[]" ]] || fail "a case was quarantined: $(cat out)"

# --- minimize that fails half-way (the disk fills while the new case is
# assembled) leaves the case exactly as it was, and exits 5.
cc -shared -fPIC -o fulldisk.so "$here/tools/fulldisk.c" -ldl
run "$TESTGEN" seed-index "$seeds" --corpus-root m
run "$TESTGEN" fuzz --budget 2 --no-shrink --max-mutations 4 --rng-seed 3 --runner-cmd "$WORK/slow-reject.sh {config}" --corpus-root m -q
expect_rc 1
mid=$(json out 'd["findings"][0]["case_id"]')
before=$(cd "m/rejected/$mid" && find . -type f | sort | xargs md5sum)
(
  export LD_PRELOAD="$WORK/fulldisk.so" FULLDISK_MATCH="$WORK/m/_work/edit-" FULLDISK_AFTER=100
  export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
  run "$TESTGEN" minimize "m/rejected/$mid" --runner-cmd "$WORK/slow-reject.sh {config}" --max-iters 3 -q
  echo "$rc" > m.rc
)
[[ "$(cat m.rc)" == 5 ]] || fail "minimize on a full disk: exit $(cat m.rc): $(cat err)"
after=$(cd "m/rejected/$mid" && find . -type f | sort | xargs md5sum)
[[ "$before" == "$after" ]] || fail "a failed minimize changed the case:
$before
---
$after"
[[ -z "$(ls m/_work)" ]] || fail "a failed minimize left scratch: $(ls m/_work)"

# --- Two processes on one corpus: the second is refused (exit 6, naming the
# first); a replay meanwhile works and disturbs nothing.
runner slow-accept.sh "sleep 0.3; echo '{\"version\":1,\"accept\":true,\"checker_results\":[]}'"
"$TESTGEN" fuzz --budget 100000 --runner-cmd "$WORK/slow-accept.sh {config}" --corpus-root k -q > first.out 2>&1 &
first=$!
started() { [[ -n "$(ls k/_work 2>/dev/null)" ]]; }
wait_for started || fail "the first run never started"
run "$TESTGEN" fuzz --budget 5 --corpus-root k -q
expect_rc 6
expect_err_contains "the corpus is in use by another testgen process (pid $first)"
run "$TESTGEN" replay "k/accepted/$acc" -q
expect_rc 0
kill -0 "$first" || fail "the replay disturbed the first run"
kill -TERM "$first"
wait "$first" && status=0 || status=$?
[[ "$status" == 143 ]] || fail "SIGTERM: exit $status: $(cat first.out)"
grep -q '"interrupted": true' first.out || fail "no summary after SIGTERM: $(cat first.out)"
[[ -z "$(ls k/_work)" ]] || fail "scratch left after SIGTERM: $(ls k/_work)"

# --- A damaged corpus: valid JSON of the wrong shape is named (file and
# field) and set aside; the run goes on with the rest.
ids=($(ls k/accepted | head -2))
echo '[]' > "k/accepted/${ids[0]}/case.json"
python3 - "k/accepted/${ids[1]}/case.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["size"] = "four"; json.dump(d, open(sys.argv[1], "w"))
PY
run "$TESTGEN" replay "k/accepted/${ids[1]}" -q
expect_rc 3
expect_err_line "testgen: error: $WORK/k/accepted/${ids[1]}/case.json: field 'size' must be an integer in 0..1000000"
run "$TESTGEN" fuzz --budget 3 --corpus-root k -q
expect_rc 0
expect_err_contains "k/accepted/${ids[0]}/case.json: not a testgen case (a JSON object expected); the case is moved to"
expect_err_contains "field 'size' must be an integer in 0..1000000; the case is moved to"
[[ -d "k/quarantine/accepted-${ids[0]}" && -d "k/quarantine/accepted-${ids[1]}" ]] || fail "not quarantined: $(ls k/quarantine)"
[[ ! -e "k/accepted/${ids[0]}" && ! -e "k/metadata/${ids[0]}.json" ]] || fail "the broken case is still in the corpus"
echo "hostile corpus tests passed"
