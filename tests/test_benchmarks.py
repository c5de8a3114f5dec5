"""The benchmarks keep running: each is run once on a small size (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_world_open_benchmark_runs_and_prints_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/world_open.py", "--vms", "60", "--hosts", "3",
         "--repeat", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("world: 60 VMs on 3 hosts")
    measures = {line[:40].strip(): line[40:].split() for line in lines[2:]}
    assert set(measures) == {
        "python -c pass (baseline)",
        "create a 60-VM world",
        "open + look up one VM, in process",
        "open + look up one VM, new process",
        "asrsim world show --vm NAME",
    }
    assert measures["python -c pass (baseline)"][1] == "1.00"


def test_language_benchmark_runs_and_prints_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/language.py", "--loop", "2000", "--objects", "300",
         "--repeat", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["measure", "asrsim", "s", "python", "s", "ratio"]
    assert lines[1].startswith("foreach $s += $i, 2,000 iterations")
    assert lines[2].startswith("Where | ForEach | Measure, 300 objects")
    assert "per object per stage (microseconds)" in lines[3]
    assert lines[4].startswith("start-up: asrsim -c 1+1 vs python -c pass")
