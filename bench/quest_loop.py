#!/usr/bin/env python3
"""The loop a quest user runs: generate, compile with gcc -O2, run. Reports
checks (values compared) per CPU-second of the whole loop for testgen's two
check styles, and for the original quest when it is built locally.

usage: quest_loop.py TESTGEN [--quest PATH] [--seeds N] [--cases N] [--size S]

Each seed is one iteration: `quest -n CASES -s SIZE -seed SEED > t.c`,
`gcc -O2 t.c`, `./a.out`, with the CPU time (user + system) of all three
taken from the children's rusage. testgen's files are compiled with
-DQ_COUNT_CHECKS, which makes the program report how many values it
compared; quest's checks are its QUEST_ASSERT lines (each runs once).
The baseline is testgen's -checks statements, one statement per value (the
form testgen emitted before the table), measured in the same run.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(command, **kwargs):
    before = cpu_of_children()
    done = subprocess.run(command, **kwargs)
    return done, cpu_of_children() - before


def one_iteration(workdir, generate, seed, counted):
    source = os.path.join(workdir, "t.c")
    binary = os.path.join(workdir, "t")
    with open(source, "wb") as out:
        done, gen_cpu = timed(generate + ["-seed", str(seed)], stdout=out, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"{' '.join(generate)} -seed {seed} failed: {done.stderr.decode()[:400]}")
    flags = ["-DQ_COUNT_CHECKS"] if counted else []
    done, cc_cpu = timed(["gcc", "-O2", "-w"] + flags + [source, "-o", binary], capture_output=True)
    if done.returncode != 0:
        sys.exit(f"gcc failed on seed {seed}: {done.stderr.decode()[:400]}")
    done, run_cpu = timed([binary], capture_output=True, timeout=120)
    if counted:
        found = re.search(rb"QUEST-CHECKS (\d+)", done.stderr)
        checks = int(found.group(1)) if found else 0
    else:
        text = open(source, encoding="latin-1").read()
        checks = len(re.findall(r"QUEST_ASSERT\(", text)) - len(re.findall(r"#define QUEST_ASSERT", text))
    return gen_cpu, cc_cpu, run_cpu, checks, os.path.getsize(source)


def measure(name, generate, seeds, counted):
    totals = [0.0, 0.0, 0.0, 0, 0]
    with tempfile.TemporaryDirectory() as workdir:
        for seed in range(1, seeds + 1):
            for i, v in enumerate(one_iteration(workdir, generate, seed, counted)):
                totals[i] += v
    gen, cc, run, checks, size = totals
    return {"name": name, "generate": gen, "compile": cc, "run": run, "checks": checks, "bytes": size,
            "cpu": gen + cc + run}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("testgen")
    p.add_argument("--quest", help="the original quest's binary, if built (see ../shared/design/toolchain.md)")
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--cases", type=int, default=20)
    p.add_argument("--size", type=int, default=2)
    a = p.parse_args()
    common = ["-n", str(a.cases), "-s", str(a.size)]
    rows = [measure("testgen -checks statements (before)", [a.testgen, "quest", "-checks", "statements"] + common,
                    a.seeds, True),
            measure("testgen -checks table", [a.testgen, "quest"] + common, a.seeds, True)]
    if a.quest:
        rows.append(measure("quest (original)", [a.quest] + common, a.seeds, False))
    base = rows[0]["checks"] / rows[0]["cpu"]
    print(f"{a.seeds} iterations of generate + gcc -O2 + run, -n {a.cases} -s {a.size}, CPU seconds in total")
    print(f"{'':<36} {'generate':>9} {'compile':>8} {'run':>6} {'checks':>7} {'KB/case':>8} {'checks/CPU-s':>13}"
          f" {'vs before':>10}")
    for r in rows:
        rate = r["checks"] / r["cpu"]
        per_case = r["bytes"] / 1024 / (a.seeds * a.cases)
        print(f"{r['name']:<36} {r['generate']:>9.2f} {r['compile']:>8.2f} {r['run']:>6.2f} {r['checks']:>7} "
              f"{per_case:>8.2f} {rate:>13.0f} {rate / base:>9.2f}x")


if __name__ == "__main__":
    main()
