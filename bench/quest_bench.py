#!/usr/bin/env python3
"""Generation time and peak memory of `testgen quest` (bench for issue 3).

usage: quest_bench.py TESTGEN [REPEATS]

Each configuration runs REPEATS times (default 5) writing to /dev/null; the
median wall time and the largest peak RSS are reported. Ratios are against
the -n 1000 run of the same invocation: time should grow 10x for 10x the
cases (linear) and memory not at all (cases are streamed out). quest's own
figures on this kind of machine, as quoted in the issue (not measured here,
quest is not installable): 0.45 s for -n 1000 -s 2, 7 s and 420 MB for
-n 10000 -s 2.
"""
import os
import statistics
import subprocess
import sys
import time

QUEST_QUOTED = {1000: (0.45, None), 10000: (7.0, 420 * 1024)}


def measure(testgen, n, repeats):
    """Median wall seconds, peak RSS in KB (GNU time's %M: measured on the
    child itself, unlike a rusage taken from this Python process's fork),
    and the output size."""
    walls, peak_kb = [], 0
    command = [testgen, "quest", "-n", str(n), "-s", "2", "-seed", "1"]
    for _ in range(repeats):
        with open(os.devnull, "wb") as sink:
            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=sink, stderr=subprocess.PIPE)
            walls.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"testgen quest -n {n} failed: {done.stderr.decode()}")
        peak_kb = max(peak_kb, int(done.stderr.decode().split()[-1]))
    out_bytes = len(subprocess.run(command, capture_output=True).stdout)
    return statistics.median(walls), peak_kb, out_bytes


def main():
    testgen = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows = {n: measure(testgen, n, repeats) for n in (1000, 10000)}
    base_wall, base_kb, _ = rows[1000]
    print(f"{'testgen quest -s 2':<22} {'wall s':>8} {'peak MB':>8} {'out MB':>7} {'time vs -n 1000':>16} "
          f"{'memory vs -n 1000':>18} {'quest (quoted) / ours':>22}")
    for n, (wall, kb, out) in rows.items():
        q_wall, q_kb = QUEST_QUOTED[n]
        quoted = f"{q_wall / wall:.1f}x time" + (f", {q_kb / kb:.0f}x memory" if q_kb else "")
        print(f"{'-n ' + str(n):<22} {wall:>8.3f} {kb / 1024:>8.1f} {out / 1e6:>7.1f} {wall / base_wall:>15.2f}x "
              f"{kb / base_kb:>17.2f}x {quoted:>22}")
    print(f"(median of {repeats} runs each, output to /dev/null; memory is the peak resident set)")


if __name__ == "__main__":
    main()
