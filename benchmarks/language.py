"""Benchmark: the PowerShell engine against plain Python measured in the same run.

- a 1,000,000-iteration ``foreach`` with ``$s += $i``, against CPython's own loop;
- a 100,000-object ``Where-Object | ForEach-Object | Measure-Object`` pipeline, reported
  in microseconds per object per stage, against the same work as a Python generator chain;
- ``asrsim -c '1+1'`` start-up, against ``python -c pass``.

    python benchmarks/language.py
    python benchmarks/language.py --loop 100000 --objects 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from asrsim.session import Session
from asrsim.shell.host import BufferHost


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def run_ps(text: str) -> str:
    host = BufferHost()
    session = Session(host=host, seed=1)
    status = session.run(text)
    if status != 0 or host.stderr:
        raise SystemExit(f"benchmark script failed: {host.stderr}")
    return host.stdout


def python_loop(n: int) -> int:
    total = 0
    for i in range(1, n + 1):
        total += i
    return total


def python_pipeline(n: int) -> int:
    evens = (i for i in range(1, n + 1) if i % 2)
    doubled = (i * 2 for i in evens)
    return sum(1 for _ in doubled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loop", type=int, default=1_000_000)
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    loop_text = f"$s = 0; foreach ($i in 1..{options.loop}) {{ $s += $i }}; $s"
    assert run_ps(loop_text).strip() == str(python_loop(options.loop))
    ps_loop = best(lambda: run_ps(loop_text), options.repeat)
    py_loop = best(lambda: python_loop(options.loop), options.repeat)

    pipe_text = (
        f"1..{options.objects} | Where-Object {{ $_ % 2 }} | "
        "ForEach-Object { $_ * 2 } | Measure-Object | ForEach-Object Count"
    )
    assert run_ps(pipe_text).strip() == str(python_pipeline(options.objects))
    ps_pipe = best(lambda: run_ps(pipe_text), options.repeat)
    py_pipe = best(lambda: python_pipeline(options.objects), options.repeat)
    per_object_stage = ps_pipe / (options.objects * 3) * 1e6

    # as a user's machine runs it: with Python's bytecode cache (some environments turn it
    # off with PYTHONDONTWRITEBYTECODE, which would measure compiling asrsim instead), warmed
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def start(command: list[str]) -> float:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
        times = []
        for _ in range(max(options.repeat, 5)):
            started = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    baseline_start = start([sys.executable, "-c", "pass"])
    asrsim_start = start([sys.executable, "-m", "asrsim", "-c", "1+1"])

    print(f"{'measure':<52} {'asrsim s':>10} {'python s':>10} {'ratio':>8}")
    print(
        f"{f'foreach $s += $i, {options.loop:,} iterations':<52} {ps_loop:>10.3f} "
        f"{py_loop:>10.3f} {ps_loop / py_loop:>8.1f}"
    )
    print(
        f"{f'Where | ForEach | Measure, {options.objects:,} objects':<52} {ps_pipe:>10.3f} "
        f"{py_pipe:>10.3f} {ps_pipe / py_pipe:>8.1f}"
    )
    print(f"{'  per object per stage (microseconds)':<52} {per_object_stage:>10.2f}")
    print(
        f"{'start-up: asrsim -c 1+1 vs python -c pass':<52} {asrsim_start:>10.3f} "
        f"{baseline_start:>10.3f} {asrsim_start / baseline_start:>8.1f}"
    )


if __name__ == "__main__":
    main()
