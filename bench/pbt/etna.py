#!/usr/bin/env python3
"""ETNA-style property-testing benchmark: testgen against RapidCheck and libFuzzer.

A task is a workload with one planted bug (a "mutant") and one property that
the bug breaks (bench/pbt/tasks.json, made by --discover). Each strategy runs
each task `trials` times with different seeds, each run stopping at the first
failure or after `seconds`. As in ETNA, a task is solved by a strategy when
every trial finds the bug; the table gives per workload and strategy the
tasks solved, the median tests to failure, and the geometric mean over tasks
of the ratio of tests to failure against RapidCheck with bespoke generators
(below 1: fewer tests than RapidCheck needs).

usage: etna.py BUILD_DIR [--full] [--trials N] [--seconds S] [--jobs J]
                         [--workloads bst,rbt,stlc] [--strategies a,b,...] [--json FILE]
       etna.py BUILD_DIR --discover [--seconds S]

--full is ETNA's protocol (10 trials of 60 s). The default (3 trials of 2.5 s)
takes about 20 minutes on 2 cores.
"""
import argparse
import concurrent.futures
import json
import math
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TASKS = os.path.join(HERE, "tasks.json")

# strategy -> (runner binary in BUILD_DIR/bench/pbt, strategy argument)
STRATEGIES = {
    "testgen-naive": ("pbt_testgen", "naive"),
    "testgen-naive-fuzz": ("pbt_testgen_sancov", "naive-fuzz"),
    "testgen-naive-fuzz-noadapt": ("pbt_testgen_sancov", "naive-fuzz-noadapt"),
    "testgen-bespoke": ("pbt_testgen", "bespoke"),
    "rapidcheck-naive": ("pbt_rapidcheck", "naive"),
    "rapidcheck-bespoke": ("pbt_rapidcheck", "bespoke"),
    "libfuzzer": ("pbt_libfuzzer", None),
}
BASELINE = "rapidcheck-bespoke"
WORKLOADS = ("bst", "rbt", "stlc")


def run_one(build, strategy, workload, mutant, prop, seed, seconds):
    binary, arg = STRATEGIES[strategy]
    path = os.path.join(build, "bench", "pbt", binary)
    if not os.path.exists(path):
        return {"found": False, "tests": 0, "seconds": 0, "error": f"no {binary} (not built)"}
    env = None
    if arg is None:  # libFuzzer owns the command line: the task comes by environment
        cmd = [path, f"-seed={seed}", f"-max_total_time={max(1, int(seconds))}", "-print_final_stats=0"]
        env = dict(os.environ, ETNA_TASK=f"{workload} {mutant} {prop}")
    else:
        cmd = [path, workload, mutant, prop, arg, str(seed), str(seconds)]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30, env=env)
    except subprocess.TimeoutExpired:
        return {"found": False, "tests": 0, "seconds": seconds, "error": "killed at the time limit"}
    for line in reversed(r.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {"found": False, "tests": 0, "seconds": 0, "error": f"exit {r.returncode}: {r.stderr[-300:]}"}


def discover(build, seconds, jobs):
    """The (mutant, property) pairs that a bespoke strategy of either library breaks."""
    workloads = {w: workload_names(build, w) for w in WORKLOADS}
    tasks = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for workload, (mutants, props) in workloads.items():
            futures = {}
            for m in mutants:
                for p in props:
                    for s in ("testgen-bespoke", "rapidcheck-bespoke"):
                        futures[pool.submit(run_one, build, s, workload, m, p, 1, seconds)] = (m, p)
            found = set()
            for f, key in futures.items():
                if f.result().get("found"):
                    found.add(key)
            for m in mutants:
                for p in props:
                    if (m, p) in found:
                        tasks.append({"workload": workload, "mutant": m, "property": p})
    return tasks


def workload_names(build, workload):
    """The workload's mutants and properties, as its code lists them."""
    r = subprocess.run([os.path.join(build, "bench", "pbt", "pbt_testgen"), "list", workload],
                       capture_output=True, text=True, check=True)
    names = json.loads(r.stdout)
    return names["mutants"], names["properties"]


def overhead(build):
    """Cost per generated value, testgen against RapidCheck, measured in one run (Google Benchmark)."""
    path = os.path.join(build, "bench", "pbt", "pbt_overhead_bench")
    if not os.path.exists(path):
        return
    r = subprocess.run([path, "--benchmark_min_time=0.5", "--benchmark_format=json"], capture_output=True, text=True)
    rows = {b["name"]: b["cpu_time"] for b in json.loads(r.stdout)["benchmarks"]}
    t, rc = rows["BM_TestgenVector"], rows["BM_RapidcheckVector"]
    print(f"\ngenerating a vector of up to 20 ints: testgen {t:.0f} ns, RapidCheck {rc:.0f} ns per value "
          f"(testgen/RapidCheck = {t / rc:.2f})")


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--trials", type=int)
    ap.add_argument("--seconds", type=float)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--workloads")
    ap.add_argument("--strategies")
    ap.add_argument("--json")
    ap.add_argument("--discover", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.build, "bench", "pbt", "pbt_testgen")):
        sys.exit(f"etna.py: no {os.path.join(a.build, 'bench', 'pbt', 'pbt_testgen')}: build first (make build)")
    if a.discover:
        tasks = discover(a.build, a.seconds or 5, a.jobs)
        print(json.dumps(tasks, indent=1))
        return 0
    trials = a.trials or (10 if a.full else 3)
    seconds = a.seconds or (60 if a.full else 2.5)
    strategies = a.strategies.split(",") if a.strategies else list(STRATEGIES)
    for s in strategies:
        if s not in STRATEGIES:
            sys.exit(f"etna.py: no strategy named {s} (have: {', '.join(STRATEGIES)})")
    with open(TASKS) as f:
        tasks = json.load(f)
    if a.workloads:
        for w in a.workloads.split(","):
            if w not in WORKLOADS:
                sys.exit(f"etna.py: no workload named {w} (have: {', '.join(WORKLOADS)})")
        tasks = [t for t in tasks if t["workload"] in a.workloads.split(",")]
    jobs = []
    for t in tasks:
        for s in strategies:
            for trial in range(trials):
                jobs.append((s, t["workload"], t["mutant"], t["property"], 1000 + trial))
    print(f"{len(tasks)} tasks x {len(strategies)} strategies x {trials} trials, {seconds:g} s each at most",
          file=sys.stderr)
    results = {}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = {pool.submit(run_one, a.build, s, w, m, p, seed, seconds): (s, w, m, p, seed)
                   for (s, w, m, p, seed) in jobs}
        done = 0
        for f in concurrent.futures.as_completed(futures):
            results[futures[f]] = f.result()
            done += 1
            if done % 50 == 0:
                print(f"  {done}/{len(jobs)} runs", file=sys.stderr)
    # Per task and strategy: solved (every trial), median tests and seconds.
    summary = {}
    for t in tasks:
        for s in strategies:
            runs = [results[(s, t["workload"], t["mutant"], t["property"], 1000 + k)] for k in range(trials)]
            found = [r for r in runs if r.get("found")]
            summary[(s, t["workload"], t["mutant"], t["property"])] = {
                "solved": len(found) == trials,
                "found": len(found),
                "median_tests": statistics.median(r["tests"] for r in found) if found else None,
                "median_seconds": statistics.median(r["seconds"] for r in found) if found else None,
            }
    workloads = sorted({t["workload"] for t in tasks})
    print(f"\n{'workload':<8} {'strategy':<28} {'solved':>9} {'median tests':>13} {'median s':>9} "
          f"{'tests vs ' + BASELINE:>32}")
    for w in workloads:
        wt = [t for t in tasks if t["workload"] == w]
        for s in strategies:
            cells = [summary[(s, w, t["mutant"], t["property"])] for t in wt]
            solved = sum(c["solved"] for c in cells)
            med = statistics.median([c["median_tests"] for c in cells if c["solved"]] or [float("nan")])
            secs = statistics.median([c["median_seconds"] for c in cells if c["solved"]] or [float("nan")])
            ratios = []
            if BASELINE in strategies:
                for t in wt:
                    mine = summary[(s, w, t["mutant"], t["property"])]
                    base = summary[(BASELINE, w, t["mutant"], t["property"])]
                    if mine["solved"] and base["solved"]:
                        ratios.append(max(mine["median_tests"], 1) / max(base["median_tests"], 1))
            ratio = f"{geomean(ratios):.2f}x over {len(ratios)} tasks" if ratios else "-"
            print(f"{w:<8} {s:<28} {solved:>4}/{len(wt):<4} {med:>13.0f} {secs:>9.4f} {ratio:>32}")
    overhead(a.build)
    if a.json:
        with open(a.json, "w") as f:
            json.dump([{"strategy": k[0], "workload": k[1], "mutant": k[2], "property": k[3], **v}
                       for k, v in summary.items()], f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
