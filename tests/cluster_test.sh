#!/usr/bin/env bash
# Shards on a real scheduler: a single-node Slurm cluster (Debian's
# slurmctld, slurmd and munge, on this machine only, with a private
# slurm.conf and ports of its own), the example scripts of
# examples/cluster submitting an array job of hunt shards and a merge job
# that depends on it, and the merged corpus checked: every shard's findings
# there once, and they replay. A cluster that cannot start is a failure
# that says why, never a silent pass.
source "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?}"
examples="$SOURCE_DIR/examples/cluster"

for tool in slurmctld slurmd sbatch squeue scontrol munged munge unmunge; do
  command -v "$tool" >/dev/null || fail "no $tool: 'make deps' installs slurmctld, slurmd, slurm-client and munge"
done
[[ $(id -u) == 0 ]] || fail "a private Slurm cluster runs its daemons as root here; run this test as root"

# munge: the one already running, or one of our own.
started_munged=""
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged || fail "munged does not start: $(tail -5 /var/log/munge/munged.log 2>/dev/null)"
  started_munged=1
  wait_for sh -c 'munge -n | unmunge >/dev/null 2>&1' || fail "munged started but does not answer"
fi

# Two free ports, so that two runs of this test (plain and sanitizer builds) do not meet.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
node=$(hostname -s)
state="$WORK/slurm"
mkdir -p "$state"/{ctld,spool,log}
export SLURM_CONF="$WORK/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=testgen$$
SlurmctldHost=$node
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

cleanup() {
  scontrol shutdown >/dev/null 2>&1 || true
  [[ -n ${ctld_pid:-} ]] && { kill "$ctld_pid" 2>/dev/null || true; }
  [[ -n ${slurmd_pid:-} ]] && { kill "$slurmd_pid" 2>/dev/null || true; }
  [[ -n $started_munged ]] && pkill -u munge -x munged 2>/dev/null || true
  [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

slurmctld -D -i -f "$SLURM_CONF" >"$state/log/slurmctld.out" 2>&1 &
ctld_pid=$!
slurmd -D -f "$SLURM_CONF" >"$state/log/slurmd.out" 2>&1 &
slurmd_pid=$!
node_up() { [[ "$(sinfo -h -o %T 2>/dev/null)" == idle* ]]; }
wait_for node_up || fail "the Slurm node never became idle: $(sinfo 2>&1 | tail -3)
slurmctld: $(tail -5 "$state/log/slurmctld.log" 2>/dev/null)
slurmd: $(tail -5 "$state/log/slurmd.log" 2>/dev/null)"

# Three hunt shards of gcc:tcc (tcc's bugs are found within a few batches),
# and the merge after them, submitted by the example script.
run_dir="$WORK/runs"
RUN_DIR="$run_dir" SHARDS=3 TESTGEN="$TESTGEN" \
  HUNT_ARGS="--pair gcc:tcc --runs 24 --batch 8 --shrink-calls 20 --rng-seed 11" \
  bash "$examples/submit.sh" > submit.out 2>&1 || fail "submit.sh: $(cat submit.out)"
array=$(sed -n 's/^shards: job \([0-9]*\).*/\1/p' submit.out)
merge=$(sed -n 's/^merge:  job \([0-9]*\).*/\1/p' submit.out)
[[ -n $array && -n $merge ]] || fail "submit.sh did not print the jobs: $(cat submit.out)"

# Until every job has left the queue (a hunt shard builds a few dozen programs).
queue_empty() { [[ -z "$(squeue -h 2>/dev/null)" ]]; }
for _ in $(seq 1 300); do queue_empty && break; sleep 2; done
queue_empty || fail "jobs still queued after 10 minutes: $(squeue 2>&1)"
state_of() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | sort -u | tr '\n' ' '; }
[[ "$(state_of "$array")" == "JobState=COMPLETED " ]] || fail "the shards did not all complete: $(state_of "$array")
$(cat "$run_dir"/testgen-shard-*.out 2>/dev/null | tail -20)"
[[ "$(state_of "$merge")" == "JobState=COMPLETED " ]] || fail "the merge did not complete: $(state_of "$merge")
$(cat "$run_dir"/testgen-merge-*.out 2>/dev/null | tail -20)"

# Each shard ran as its own shard of three, read from Slurm's variables.
for i in 0 1 2; do
  [[ "$(json "$run_dir/shard-$i.json" 'd["shard"]["index"], d["shard"]["count"], d["shard"]["from"]')" == \
     "$i 3 SLURM_ARRAY_TASK_ID" ]] || fail "shard $i: $(json "$run_dir/shard-$i.json" 'd["shard"]')"
done
# Every signature a shard found is in the merged corpus, once.
python3 - "$run_dir" <<'PY' || fail "the merged corpus does not hold the shards' findings once each"
import json, sys, os, glob
run = sys.argv[1]
found = set()
for i in range(3):
    for f in json.load(open(f"{run}/shard-{i}.json"))["findings"]:
        found.add(f["signature"])
merged = []
for d in glob.glob(f"{run}/merged/rejected/*"):
    merged.append(json.load(open(os.path.join(d, "case.json")))["signature"])
print(f"shards found {len(found)} signatures; merged holds {len(merged)} findings", file=sys.stderr)
assert found, "no shard found anything"
assert sorted(merged) == sorted(found), (sorted(found), sorted(merged))
PY
# Each merged finding replays (it still fails, the same way).
for d in "$run_dir"/merged/rejected/*; do
  run "$TESTGEN" replay "$d"
  expect_rc 1
  [[ "$(json out 'd["same_signature"]')" == "True" ]] || fail "replay of $d: $(cat out)"
done
[[ "$(json "$run_dir/merge.json" 'len(d["inputs"])')" == 3 ]] || fail "the merge did not read three shards"
echo "cluster_test: Slurm ran 3 shards and the merge; $(ls "$run_dir/merged/rejected" | wc -l) findings merged, each replays"
