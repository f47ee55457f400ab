#!/usr/bin/env python3
"""testgen abi hunt against the quest way, on the same pairs and wall time.

The quest way is the shell loop quest leaves its users: for each pair in
turn, generate 20 cases (`testgen quest -2 -n 20`, quest's command line),
compile the halves with the pair, link, run, and stop at the first failure;
then the next pair. Each pair gets an equal share of the wall time. The hunt
is `testgen abi hunt` on the same pairs with the same total time (-j 1, so
one pair at a time there too).

Both are scored on the same coarse signature, PAIR|KIND|WHERE (kind of
failure and where the first wrong value was: param, vararg member, result,
layout, ...), which the quest loop's output allows too; the hunt's finer
signatures (with the type class) are counted as well.

usage: bench/abi_hunt_bench.py TESTGEN [TRIALS] [SECONDS] [SUITE] [PAIR...]
prints a table: median and spread (min-max) over the trials.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

DEFAULT_PAIRS = ["gcc:tcc", "tcc:gcc", "gcc:pcc", "pcc:gcc", "gcc:clang", "clang:gcc"]
RUN_TIMEOUT = 5
LIBTCC1 = "/usr/lib/x86_64-linux-gnu/tcc/libtcc1.a"


def position_class(field):
    if field.startswith(("sizeof:", "alignof:", "offsetof:")):
        return "layout"
    base = "vararg" if field.startswith("vararg") else "result" if field.startswith("result") else "param"
    return base + (" member" if any(c in field for c in ".[") else "")


def dialect_flags(compiler):
    return [] if compiler.split()[0] == "pcc" else ["-std=c11"]


def quest_way_pair(testgen, pair, suite, deadline, seed, work):
    """One pair of the quest loop; returns (coarse signature or None, seconds used until the failure)."""
    caller, callee = pair.split(":")
    start = time.monotonic()
    iteration = 0
    while time.monotonic() < deadline:
        iteration += 1
        subprocess.run([testgen, "quest", "-test", suite, "-n", "20", "-s", "2", "-2", "-o", "q",
                        "-seed", str(seed * 1_000_000 + iteration)], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        def step(argv, timeout=60):
            try:
                return subprocess.run(argv, cwd=work, capture_output=True, text=True, timeout=timeout,
                                      errors="replace")
            except subprocess.TimeoutExpired:
                return None
        r = step(caller.split() + dialect_flags(caller) + ["-c", "q-main.c", "-o", "m.o"])
        if r is None or r.returncode:
            return f"{pair}|caller-compile-error|", time.monotonic() - start
        r = step(callee.split() + dialect_flags(callee) + ["-c", "q-callee.c", "-o", "c.o"])
        if r is None or r.returncode:
            return f"{pair}|callee-compile-error|", time.monotonic() - start
        link = ["gcc", "m.o", "c.o", "-o", "q", "-z", "noexecstack"]
        if "tcc" in pair and os.path.exists(LIBTCC1):
            link.append(LIBTCC1)
        r = step(link)
        if r is None or r.returncode:
            return f"{pair}|link-error|", time.monotonic() - start
        r = step(["./q"], RUN_TIMEOUT)
        if r is None:
            return f"{pair}|timeout|", time.monotonic() - start
        if r.returncode < 0:
            return f"{pair}|crash|", time.monotonic() - start
        if r.returncode:
            where = ""
            for line in r.stdout.splitlines():
                if line.startswith("QUEST-MISMATCH"):
                    field = next(w[6:] for w in line.split() if w.startswith("field="))
                    where = position_class(field)
                    break
            return f"{pair}|mismatch|{where}", time.monotonic() - start
    return None, None


def quest_way(testgen, pairs, suite, seconds, seed):
    work = tempfile.mkdtemp(prefix="testgen-questway-")
    try:
        start = time.monotonic()
        found, first = set(), None
        for i, pair in enumerate(pairs):
            deadline = start + seconds * (i + 1) / len(pairs)
            signature, _ = quest_way_pair(testgen, pair, suite, deadline, seed, work)
            if signature:
                found.add(signature)
                if first is None:
                    first = time.monotonic() - start
        return {"coarse": found, "fine": found, "first": first, "wall": time.monotonic() - start}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def hunt_way(testgen, pairs, suite, seconds, seed):
    argv = [testgen, "abi", "hunt", "--test", suite, "--time", str(seconds), "--runs", "100000000",
            "--rng-seed", str(seed), "--shrink-calls", "60", "--run-timeout", str(RUN_TIMEOUT)]
    for p in pairs:
        argv += ["--pair", p]
    start = time.monotonic()
    r = subprocess.run(argv, capture_output=True, text=True)
    wall = time.monotonic() - start
    if r.returncode not in (0, 1):
        sys.exit(f"abi hunt failed ({r.returncode}): {r.stderr}")
    summary = json.loads(r.stdout)
    first = None
    for line in r.stderr.splitlines():  # "testgen: abi hunt: new finding at 1.2 s (run 5): ..."
        if "new finding at " in line:
            t = float(line.split("new finding at ")[1].split(" s")[0])
            first = t if first is None else min(first, t)
    fine = {f["signature"] for f in summary["findings"]}
    coarse = {"|".join([s.split("|")[0]] + s.split("|")[2:4]) for s in fine}
    return {"coarse": coarse, "fine": fine, "first": first, "wall": wall}


def summarize(values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    return f"{statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    testgen = os.path.abspath(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 24
    suite = sys.argv[4] if len(sys.argv) > 4 else "ansi"
    pairs = sys.argv[5:] or [p for p in DEFAULT_PAIRS if all(shutil.which(c) for c in p.split(":"))]
    print(f"abi hunt vs the quest loop: suite {suite}, {len(pairs)} pairs ({', '.join(pairs)}), "
          f"{seconds:g} s each, {trials} trials", flush=True)
    rows = {"quest loop": [], "testgen abi hunt": []}
    for t in range(1, trials + 1):
        rows["quest loop"].append(quest_way(testgen, pairs, suite, seconds, t))
        rows["testgen abi hunt"].append(hunt_way(testgen, pairs, suite, seconds, t))
        q, h = rows["quest loop"][-1], rows["testgen abi hunt"][-1]
        print(f"  trial {t}: quest loop {len(q['coarse'])} signatures, hunt {len(h['coarse'])} coarse / "
              f"{len(h['fine'])} fine", flush=True)
    print()
    print(f"{'method':<18} {'signatures PAIR|KIND|WHERE':>28} {'with type class':>18} {'first finding (s)':>20} "
          f"{'wall (s)':>16}")
    for name, results in rows.items():
        print(f"{name:<18} {summarize([len(r['coarse']) for r in results]):>28} "
              f"{summarize([len(r['fine']) for r in results]):>18} {summarize([r['first'] for r in results]):>20} "
              f"{summarize([r['wall'] for r in results]):>16}")
    missed = sum(r["first"] is None for r in rows["quest loop"])
    print(f"median (min-max) over {trials} trials; the quest loop stops at a pair's first failure, so it finds at "
          f"most one signature per pair;\nits 'with type class' column equals the coarse one (its output names "
          f"no types). Trials without a finding: quest loop {missed}, "
          f"hunt {sum(r['first'] is None for r in rows['testgen abi hunt'])}.")


if __name__ == "__main__":
    main()
