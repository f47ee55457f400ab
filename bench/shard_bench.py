#!/usr/bin/env python3
"""The cost of sharding, and the speed of `testgen corpus merge`.

(1) N shards of S seconds each (`abi hunt --shard I/N`, run one after the
other, so each has the machine a single process would have) against one
process hunting for N x S seconds, with the same seed and pairs. The shards'
corpora are merged; both sides are scored on distinct signatures and on
distinct PAIR|ARCH|KIND|WHERE families, read from the corpora. A ratio near
1 means sharding costs nothing: N machines find in S seconds what one finds
in N x S.

(2) `corpus merge` of three puzzle corpora (bytes-bug keeps most inputs, so
the corpora are large) into an empty one: seconds per 10,000 cases read.

usage: bench/shard_bench.py TESTGEN [SHARDS] [SECONDS] [PAIR...]
defaults: 4 shards of 120 s, every installed pair of the ansi suite.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time


def signatures(corpus):
    sigs = set()
    for case in glob.glob(os.path.join(corpus, "rejected", "*", "case.json")):
        sigs.add(json.load(open(case))["signature"])
    return sigs


def family(signature):
    # PAIR|ARCH|KIND|WHERE: the hunt's own family (Target::signature_family).
    return "|".join(signature.split("|")[:4])


def hunt(testgen, corpus, seconds, pairs, extra):
    args = [testgen, "abi", "hunt", "--time", str(seconds), "--rng-seed", "1", "-j", "1", "-q",
            "--corpus-root", corpus] + [a for p in pairs for a in ("--pair", p)] + extra
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)}: exit {out.returncode}: {out.stderr[-2000:]}")
    return json.loads(out.stdout)


def sharding(testgen, shards, seconds, pairs, work):
    shard_dirs = []
    for i in range(shards):
        d = os.path.join(work, f"shard-{i}")
        hunt(testgen, d, seconds, pairs, ["--shard", f"{i}/{shards}"])
        shard_dirs.append(d)
    merged = os.path.join(work, "merged")
    subprocess.run([testgen, "corpus", "merge", "-q", merged] + shard_dirs, check=True, capture_output=True)
    single = os.path.join(work, "single")
    hunt(testgen, single, seconds * shards, pairs, [])
    a, b = signatures(merged), signatures(single)
    fa, fb = {family(s) for s in a}, {family(s) for s in b}
    print(f"abi hunt: {shards} shards of {seconds} s, merged, against one process for {shards * seconds} s")
    print(f"{'':32}{'shards, merged':>16}{'one process':>14}{'ratio':>8}")
    for name, x, y in (("distinct signatures", len(a), len(b)), ("distinct PAIR|ARCH|KIND|WHERE", len(fa), len(fb))):
        print(f"{name:32}{x:>16}{y:>14}{(x / y if y else float('nan')):>8.2f}")
    print(f"found by both: {len(a & b)} signatures, {len(fa & fb)} families")


def merge_speed(testgen, work):
    inputs = []
    for i in range(3):
        d = os.path.join(work, f"p{i}")
        subprocess.run([testgen, "puzzle", "bytes-bug", "--runs", "6000", "--shard", f"{i}/3", "--corpus-root", d,
                        "-q"], capture_output=True)
        inputs.append(d)
    cases = sum(len(os.listdir(os.path.join(d, "accepted"))) for d in inputs)
    start = time.monotonic()
    out = subprocess.run([testgen, "corpus", "merge", "-q", os.path.join(work, "m")] + inputs, check=True,
                         capture_output=True, text=True)
    seconds = time.monotonic() - start
    kept = json.loads(out.stdout)["after"]["accepted"]
    print(f"corpus merge: {cases} cases read, {kept} kept, {seconds:.2f} s: "
          f"{seconds / cases * 10000:.2f} s per 10,000 cases")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    testgen = os.path.abspath(sys.argv[1])
    shards = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 120
    pairs = sys.argv[4:]
    with tempfile.TemporaryDirectory(prefix="testgen-shard-bench-") as work:
        merge_speed(testgen, work)
        if seconds > 0:
            sharding(testgen, shards, seconds, pairs, work)


if __name__ == "__main__":
    main()
