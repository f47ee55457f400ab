# Ctrl-C, SIGTERM and SIGKILL half-way: the runner's whole process group is
# stopped, scratch is removed, the summary so far is printed (exit 128+N),
# nothing is left half-written, and a child does not outlive a SIGKILLed
# testgen.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"
run "$TESTGEN" seed-index "$seeds" --corpus-root c
expect_rc 0

# A runner that hangs, with a child of its own, and says who they are.
printf '#!/bin/sh\nsleep 1000 & echo $! > "%s/sleep.pid"; echo $$ > "%s/runner.pid"; wait\n' "$WORK" "$WORK" > hang.sh
chmod +x hang.sh

for signal in INT TERM; do
  rm -f runner.pid sleep.pid
  "$TESTGEN" fuzz --budget 100 --runner-timeout 600 --runner-cmd "$WORK/hang.sh {config}" --corpus-root c -q \
    > "$signal.out" 2> "$signal.err" &
  pid=$!
  wait_for test -s sleep.pid || fail "the runner never started"
  kill "-$signal" "$pid"
  wait "$pid" && status=0 || status=$?
  expected=$([[ $signal == INT ]] && echo 130 || echo 143)
  [[ "$status" == "$expected" ]] || fail "SIG$signal: exit $status, expected $expected: $(cat "$signal.err")"
  gone "$(cat runner.pid)" && gone "$(cat sleep.pid)" || fail "SIG$signal left the runner or its child running"
  [[ "$(json "$signal.out" 'd["interrupted"], d["runs"], d["findings"]')" == "True 0 []" ]] ||
    fail "SIG$signal: the summary so far: $(cat "$signal.out")"
  [[ -z "$(ls c/_work)" ]] || fail "SIG$signal left scratch: $(ls -R c/_work)"
  [[ -z "$(find c -name '.*.tmp.*')" ]] || fail "SIG$signal left temporaries: $(find c -name '.*.tmp.*')"
done

# An abi hunt interrupted while a test program hangs: the program is killed,
# the hunt's scratch (under the temporary directory without a corpus) is gone.
cat > hang.lua <<'EOF2'
Test.hang = {doc = "a case", test = function()
  return {args = R.list(R.unit(1), R.double), varargs = R.list(R.unit(0), R.int), result = R.int, static = R.unit(false)}
end}
EOF2
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
"$TESTGEN" abi hunt hang.lua --test hang --pair "gcc:$here/tools/sabotage-cc hang gcc" --runs 50 --batch 1 \
  --run-timeout 600 -q > hunt.out 2> hunt.err &
pid=$!
hung() {  # a test program of this hunt is running (other tests run programs called case too)
  local p
  for p in $(pgrep -x case); do [[ "$(readlink "/proc/$p/cwd" 2>/dev/null)" == "$TMPDIR"/* ]] && return 0; done
  return 1
}
wait_for hung || fail "the hunt never ran a program: $(cat hunt.err)"
kill -INT "$pid"
wait "$pid" && status=0 || status=$?
[[ "$status" == 130 ]] || fail "abi hunt SIGINT: exit $status: $(cat hunt.err)"
hung && fail "the hunt's test program is still running"
[[ -z "$(ls "$TMPDIR")" ]] || fail "the hunt left scratch: $(ls "$TMPDIR")"
[[ "$(json hunt.out 'd["interrupted"]')" == "True" ]] || fail "no summary: $(cat hunt.out)"
unset TMPDIR

# SIGKILL: testgen cannot clean up, but its runner dies with it (the
# runner's own children are beyond Linux's reach: PR_SET_PDEATHSIG covers
# direct children), and the next run removes the dead run's scratch.
rm -f runner.pid
"$TESTGEN" fuzz --budget 100 --runner-timeout 600 --runner-cmd "bash -c 'echo \$\$ > $WORK/runner.pid; exec sleep 1000' {config}" \
  --corpus-root c -q > /dev/null 2>&1 &
pid=$!
wait_for test -s runner.pid || fail "the runner never started"
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
gone "$(cat runner.pid)" || fail "the runner outlived a SIGKILLed testgen"
[[ -n "$(ls c/_work)" ]] || fail "expected the killed run's scratch"
run "$TESTGEN" fuzz --budget 2 --corpus-root c -q
expect_rc 0
[[ -z "$(ls c/_work)" ]] || fail "the dead run's scratch was not removed: $(ls c/_work)"

# quest -2 interrupted: neither file is written, no temporary is left.
echo old > q-main.c
"$TESTGEN" quest -2 -o q -n 100000000 > /dev/null 2> quest.err &
pid=$!
wait_for compgen -G "q-main.c.tmp-*" > /dev/null || fail "quest never started writing"
kill -INT "$pid"
wait "$pid" && status=0 || status=$?
[[ "$status" == 130 ]] || fail "quest SIGINT: exit $status: $(cat quest.err)"
[[ "$(cat q-main.c)" == old && ! -e q-callee.c ]] || fail "quest replaced a file although interrupted"
[[ -z "$(compgen -G 'q-*.tmp-*')" ]] || fail "quest left temporaries: $(ls)"
echo "hostile signal tests passed"
