#!/usr/bin/env python3
"""Scenario campaigns: what testgen costs per case, and how fast it finds
the bundled simulator's planted violation.

1. Orchestration overhead. `testgen fuzz` with a runner that does nothing
   (bench/null_runner: prints an accepting summary) against the bare cost
   of starting that runner, measured in the same run: a loop that spawns it
   as many times. testgen's cost per case is the difference.
2. Search, on two runners of different shapes, TRIALS trials each with
   seeds 1..TRIALS:
   - raftlog (examples/raftlog): a C++ runner speaking leanguard-run's
     protocol; its checker reports coverpoints, hit counts and closeness
     stats (near.*); the planted violation is two leaders in one term;
   - seqwin (examples/seqwin): C programs glued by a shell runner
     (--runner-cmd, the summary left in the log directory); its checker
     reports coverpoints and nothing else; the planted violation needs
     three changes (SACK on, a reordering link, a window over half the
     SACK block space), each of which shows as a coverpoint of its own.
   Methods:
   - fuzz --schedule uniform-seeds: an original seed chosen uniformly and
     mutated, each run (leanguard-testgen's way);
   - fuzz (coverage-guided): parents from the kept cases, rare coverpoints
     and rare pairs of them first, crossover of parents' mutation lists;
   - campaign --goal COVERPOINT: the same, steered toward the goal, then
     calibration (a third of the runs explore, the rest may calibrate).
   Each gets RUNS runs (fuzz stops at its first violation). Reported:
   trials that found the violation, runs to the first one (median and range
   over the trials that found it; a trial that did not counts as more than
   RUNS in the median).

usage: bench/scenario_bench.py BUILD_DIR [TRIALS] [RUNS] [RUNNER...]
       (RUNS 0: the overhead part only; RUNNER: raftlog, seqwin; both by default;
        METHODS=uniform,guided,campaign in the environment picks methods)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "examples")


def runners(build):
    """Each runner: its seeds, schema, runner flags, violation, campaign protocol and goal."""
    return {
        "raftlog": dict(seeds=os.path.join(EXAMPLES, "raftlog", "seeds"),
                        schema=os.path.join(EXAMPLES, "raftlog", "schema.toml"), flags=[],
                        violation="election_safety: two leaders in term", protocol="raft",
                        goal="two_leaders_one_term"),
        "seqwin": dict(seeds=os.path.join(EXAMPLES, "seqwin", "seeds"),
                       schema=os.path.join(EXAMPLES, "seqwin", "schema.toml"),
                       flags=["--runner-cmd", os.path.join(build, "seqwin", "seqwin-run") + " {config} {log_dir}"],
                       violation="sack_safety: packet N acknowledged but never received", protocol="seqwin",
                       goal="acked_but_never_received"),
    }
SEEDS = os.path.join(EXAMPLES, "raftlog", "seeds")

def spread(values, fmt="{:.0f}"):
    if not values:
        return "-"
    return (fmt + " (" + fmt + "-" + fmt + ")").format(statistics.median(values), min(values), max(values))


def testgen(build, args, cwd):
    out = subprocess.run([os.path.join(build, "testgen")] + args, cwd=cwd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"testgen {' '.join(args)}: exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def overhead(build, trials, runs):
    null = os.path.join(build, "bench", "null_runner")
    bare, per_case = [], []
    for t in range(trials):
        start = time.perf_counter()
        for _ in range(runs):
            subprocess.run([null], capture_output=True, check=True)
        bare.append((time.perf_counter() - start) * 1000 / runs)
        with tempfile.TemporaryDirectory() as work:
            testgen(build, ["seed-index", SEEDS, "--corpus-root", "c"], work)
            start = time.perf_counter()
            testgen(build, ["fuzz", "--budget", str(runs), "--rng-seed", str(t + 1), "--corpus-root", "c", "-q",
                            "--runner-cmd", null + " {config}"], work)
            per_case.append((time.perf_counter() - start) * 1000 / runs)
    cost = [p - b for p, b in zip(per_case, bare)]
    print(f"orchestration overhead, {runs} cases per trial, {trials} trials: median (min-max)")
    print(f"{'':34}{'ms per case':>22}")
    print(f"{'bare spawn of the null runner':34}{spread(bare, '{:.2f}'):>22}")
    print(f"{'testgen fuzz with the null runner':34}{spread(per_case, '{:.2f}'):>22}")
    print(f"{'testgen cost per case (difference)':34}{spread(cost, '{:.2f}'):>22}")
    print(f"ratio testgen / bare spawn: {statistics.median(per_case) / statistics.median(bare):.2f}x"
          f" (leanguard-testgen: 250-500 ms per case)\n")


def first_violation(summary, violation):
    runs = [f["found_at_run"] for f in summary["findings"] if f["signature"].startswith(violation)]
    return min(runs) if runs else None


def search(build, name, r, trials, runs):
    methods = {
        "fuzz --schedule uniform-seeds": ["fuzz", "--schedule", "uniform-seeds", "--budget", str(runs),
                                          "--stop-on-finding", "--no-shrink"],
        "fuzz (coverage-guided)": ["fuzz", "--budget", str(runs), "--stop-on-finding", "--no-shrink"],
        "campaign --goal (and calibration)": ["campaign", "--protocol", r["protocol"], "--goal", r["goal"],
                                              "--budget", str(runs // 3),
                                              "--max-calibration-iters", str(runs - runs // 3), "--no-shrink"],
    }
    only = [m for m in os.environ.get("METHODS", "").split(",") if m]  # uniform, guided, campaign
    keys = {"fuzz --schedule uniform-seeds": "uniform", "fuzz (coverage-guided)": "guided",
            "campaign --goal (and calibration)": "campaign"}
    methods = {m: a for m, a in methods.items() if not only or keys[m] in only}
    print(f"{name}: the planted violation ({r['violation']}), at most {runs} runs per trial, {trials} trials: "
          "median (min-max)")
    print(f"{'method':36}{'found':>8}{'runs to first violation':>30}")
    for method, args in methods.items():
        found, firsts = 0, []
        for t in range(1, trials + 1):
            with tempfile.TemporaryDirectory() as work:
                testgen(build, ["seed-index", r["seeds"], "--corpus-root", "c"], work)
                s = testgen(build, args + ["--rng-seed", str(t), "--schema", r["schema"], "--corpus-root", "c", "-q"]
                            + r["flags"], work)
            first = first_violation(s, r["violation"])
            found += first is not None
            firsts.append(first if first is not None else runs + 1)
            print(f"  trial {t}: {name}: {method}: first violation at {first}, {s['runs']} runs", file=sys.stderr)
        hit = [f for f in firsts if f <= runs]
        median = statistics.median(firsts)
        runs_text = "-" if not hit else (f">{runs}" if median > runs else f"{median:.0f}") + \
            f" ({min(hit)}-{max(hit)} when found)"
        print(f"{method:36}{f'{found}/{trials}':>8}{runs_text:>30}", flush=True)
    print()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = os.path.abspath(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    chosen = sys.argv[4:] or ["raftlog", "seqwin"]
    overhead(build, min(trials, 5), 200)
    if runs > 0:
        known = runners(build)
        for name in chosen:
            if name not in known:
                sys.exit(f"unknown runner {name}: raftlog or seqwin")
            search(build, name, known[name], trials, runs)

if __name__ == "__main__":
    main()
