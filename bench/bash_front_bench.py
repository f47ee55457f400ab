#!/usr/bin/env python3
"""Benchmarks of the bash front, each against a baseline measured in the same run.

1. Translation: `testgen bash SCRIPT -o DIR --no-format` (parse, analyse, emit;
   no cargo, no rustfmt) on a generated 100-function script, against
   `bash -n SCRIPT` (bash only parsing it).
2. The check: inputs compared per second by `testgen bash --check` (bash and
   the Rust harness per input, coverage, the engine), against bare `bash -c`
   calls of the same function per second.

usage: bash_front_bench.py TESTGEN [REPEATS]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Function bodies written for this benchmark; NAME is replaced per copy.
TEMPLATES = [
    """NAME() {
  local path="$1" suffix="$2"
  path="${path%/}"
  path="${path##*/}"
  echo "${path%$suffix}"
}""",
    """NAME() {
  local n=$1
  if [ "$n" -le 1 ]; then
    echo 1
    return
  fi
  echo $(( n * $(NAME $(( n - 1 ))) ))
}""",
    """NAME() {
  case "$1" in
    ''|*[!0-9]*) return 1 ;;
    *) return 0 ;;
  esac
}""",
    """NAME() {
  local IFS=. out="" part
  for part in $1; do
    out+="[$part]"
  done
  printf '%s\\n' "$out"
}""",
    """NAME() {
  local i total=0
  for (( i = 1; i <= $1; i++ )); do
    (( total += i * i ))
  done
  echo "$total"
}""",
]


def script_of(count):
    parts = ["#!/bin/bash"]
    for i in range(count):
        name = f"fn_{i}"
        parts.append(f"# copy {i}")
        parts.append(TEMPLATES[i % len(TEMPLATES)].replace("NAME", name))
    return "\n".join(parts) + "\n"


def median_seconds(argv, repeats, **kw):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    testgen = os.path.abspath(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "hundred.sh")
        with open(script, "w") as f:
            f.write(script_of(100))
        out = os.path.join(tmp, "crate")
        translate = median_seconds([testgen, "bash", "-q", "--no-format", script, "-o", out], repeats)
        parse = median_seconds(["bash", "-n", script], repeats)
        print("== translation of a 100-function script (parse, analyse, emit; no cargo) ==")
        print(f"testgen bash -o: {translate * 1000:8.1f} ms   bash -n: {parse * 1000:8.1f} ms   "
              f"ratio: {translate / parse:6.1f}x bash's own parse")

        small = os.path.join(tmp, "small.sh")
        with open(small, "w") as f:
            f.write(TEMPLATES[0].replace("NAME", "base") + "\n")
        runs = 300
        report = json.loads(subprocess.run([testgen, "bash", "-q", small, "--check", "--json", "--runs", str(runs)],
                                           check=False, capture_output=True, text=True).stdout)
        check_seconds = report["seconds"]  # the build is timed apart (build_seconds)
        checked = sum(f.get("inputs_compared", 0) for f in report["functions"])
        rate = checked / check_seconds
        calls = 100
        start = time.perf_counter()
        for i in range(calls):
            subprocess.run(["bash", "--noprofile", "--norc", "-c", '. "$1"; base "$2" "$3"', "_", small,
                            f"/usr/lib/x{i}.so/", ".so"], check=False, stdout=subprocess.DEVNULL)
        bare = calls / (time.perf_counter() - start)
        print("== the check against bash ==")
        print(f"inputs compared: {checked} in {check_seconds:.2f} s ({rate:.0f}/s; cargo build {report['build_seconds']:.1f} s "
              f"not counted, {report['harness_processes']} harness processes)")
        print(f"bare bash calls: {bare:.0f}/s   ratio: {rate / bare:.2f}x (>1: parallel bash calls outrun a serial loop)")


if __name__ == "__main__":
    main()
