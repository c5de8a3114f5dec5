"""Benchmark: make a large world, then open it and look one VM up by name.

Absolute times drift on shared machines, so each figure is also printed as a ratio to a
baseline measured in the same run: the start-up of ``python -c pass``.

    python benchmarks/world_open.py            # 10,000 VMs
    python benchmarks/world_open.py --vms 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from asrsim.sim.simulation import Simulation
from asrsim.sim.vms import VirtualMachine
from asrsim.sim.world import GeneratedSource, create_world


def timed_runs(command: list[str], repeat: int) -> float:
    """Median wall time of running ``command`` to completion, after one warm-up run, with
    Python's bytecode cache on (as on a user's machine) even where PYTHONDONTWRITEBYTECODE
    turns it off."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vms", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.db"
        started = time.perf_counter()
        create_world(path, GeneratedSource(2, options.hosts, options.vms), seed=1).close()
        create_seconds = time.perf_counter() - started
        target = f"SITE0_H{options.hosts - 1}_VM{(options.vms - 1) // options.hosts}"

        in_process = []
        for _ in range(options.repeat):
            started = time.perf_counter()
            with Simulation.open(path) as sim:
                vm = sim.registry.one(VirtualMachine, target)
            in_process.append(time.perf_counter() - started)
        assert vm.name == target

        baseline = timed_runs([sys.executable, "-c", "pass"], options.repeat)
        lookup = (
            "import sys; from pathlib import Path; from asrsim.sim.simulation import Simulation; "
            "from asrsim.sim.vms import VirtualMachine; "
            "s = Simulation.open(Path(sys.argv[1])); print(s.registry.one(VirtualMachine, "
            "sys.argv[2]).id)"
        )
        script = timed_runs([sys.executable, "-c", lookup, str(path), target], options.repeat)
        cli = timed_runs(
            [sys.executable, "-m", "asrsim", "--world", str(path), "world", "show", "--vm", target],
            options.repeat,
        )
        size_mb = path.stat().st_size / 1e6

    rows = [
        ("python -c pass (baseline)", baseline),
        (f"create a {options.vms:,}-VM world", create_seconds),
        ("open + look up one VM, in process", statistics.median(in_process)),
        ("open + look up one VM, new process", script),
        ("asrsim world show --vm NAME", cli),
    ]
    print(f"world: {options.vms:,} VMs on {options.hosts} hosts, file {size_mb:.1f} MB")
    print(f"{'measure':<40} {'seconds':>9} {'x baseline':>11}")
    for label, seconds in rows:
        print(f"{label:<40} {seconds:>9.4f} {seconds / baseline:>11.2f}")


if __name__ == "__main__":
    main()
