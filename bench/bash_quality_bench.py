#!/usr/bin/env python3
"""The whole `testgen bash --quality` pipeline, against baselines measured in the same run.

For each script (the spec's factorial, and optionally every script of the
bash-doc examples):
- the pipeline's wall time, and the share of it spent in cargo (builds,
  tests, coverage, mutants) as the report's JSON gives it;
- mutants tested per minute, against the baseline of one `cargo test` of the
  generated crate (what a mutant costs at the least, once it is built):
  the ratio says how much the runner's parallel workers and incremental
  builds buy over one full test run per mutant.

With --bash-doc it ends with a table per function: tests generated (unit,
property, doc), bash and Rust line coverage, mutants killed, and the gates
its script met.

usage: bash_quality_bench.py TESTGEN [--bash-doc]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BASH_DOC = "/usr/share/doc/bash/examples/functions"


def quality(testgen, script, out):
    start = time.monotonic()
    r = subprocess.run([testgen, "bash", "-q", script, "-o", out, "--quality", "--json", "--rng-seed", "1"],
                       capture_output=True, text=True)
    seconds = time.monotonic() - start
    if r.returncode not in (0, 3, 7) or not r.stdout.strip():
        return None, seconds, r.returncode
    return json.loads(r.stdout), seconds, r.returncode


def cargo_test_seconds(crate):
    """One `cargo test --tests` of the unmutated crate, already built."""
    subprocess.run(["cargo", "test", "--offline", "--tests", "-q"], cwd=crate, capture_output=True)
    start = time.monotonic()
    subprocess.run(["cargo", "test", "--offline", "--tests", "-q"], cwd=crate, capture_output=True)
    return time.monotonic() - start


def bench(testgen, script, tmp):
    name = os.path.basename(script)
    out = os.path.join(tmp, name.replace(".", "_"))
    report, seconds, rc = quality(testgen, script, out)
    if report is None:
        print(f"{name:<24} exit {rc}: no report")
        return None
    mutants = sum(report.get("mutants", {}).values())
    per_minute = 60.0 * mutants / report["mutation_seconds"] if report.get("mutation_seconds") else 0
    baseline = cargo_test_seconds(out)
    baseline_per_minute = 60.0 / baseline if baseline > 0 else 0
    ratio = per_minute / baseline_per_minute if baseline_per_minute else 0
    print(f"{name:<24} {seconds:7.1f} s  cargo {100 * report['cargo_seconds'] / max(seconds, 1e-9):5.1f}%  "
          f"{mutants:3d} mutants {per_minute:6.1f}/min  baseline cargo test {baseline:5.1f} s "
          f"({baseline_per_minute:5.1f}/min)  ratio {ratio:4.2f}  gates {'pass' if rc == 0 else 'FAIL'}")
    return name, report


def function_table(results):
    print(f"\n{'script':<16} {'function':<20} {'unit':>4} {'prop':>4} {'doc':>3} {'bash lines':>10} "
          f"{'rust cov':>8} {'mutants':>8} {'score':>6}  gates failed")
    for name, report in results:
        failed = ", ".join(g["name"] for g in report.get("gates", []) if not g["passed"]) or "none"
        for f in report["functions"]:
            m = f.get("mutants", {})
            killed = m.get("caught", 0) + m.get("timeout", 0)
            judged = killed + m.get("missed", 0)
            print(f"{name:<16} {f['name'][:20]:<20} {f['unit_tests']:>4} {f['property_tests']:>4} {f['doctests']:>3} "
                  f"{f['bash_lines_run']:>4}/{f['bash_lines']:<5} {f.get('coverage', 0):7.1f}% {killed:>3}/{judged:<4} "
                  f"{f.get('mutation_score', 0):5.1f}%  {failed}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    testgen = sys.argv[1]
    scripts = [os.path.join(HERE, "..", "examples", "bash", "factorial.sh")]
    if "--bash-doc" in sys.argv[2:]:
        scripts += sorted(os.path.join(BASH_DOC, f) for f in os.listdir(BASH_DOC))
    print(f"{'script':<24} {'wall':>9}  {'in cargo':>11}  mutants per minute vs one cargo test per minute")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts:
            r = bench(testgen, script, tmp)
            if r and r[1]["functions"]:
                results.append(r)
    if "--bash-doc" in sys.argv[2:]:
        function_table(results)


if __name__ == "__main__":
    main()
