from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.simulation import Simulation
from asrsim.sim.world import TopologySource, create_world

FROZEN = "2026-03-02 08:00:00"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's own world: the data folder is a fresh temporary one."""
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.delenv("ASRSIM_WORLD", raising=False)
    return data


@pytest.fixture
def frozen() -> Iterator[FrozenDateTimeFactory]:
    """Wall time pinned (and moved only by ``frozen.tick``)."""
    with freeze_time(FROZEN) as factory:
        yield factory


@pytest.fixture
def sample_world(tmp_path: Path, frozen: FrozenDateTimeFactory) -> Iterator[Simulation]:
    with create_world(tmp_path / "sample.db", TopologySource.sample()) as sim:
        yield sim


def run_asrsim(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command as a user runs it, in a process of its own."""
    import os

    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "asrsim", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def world_session(sample_world: Simulation) -> Iterator[tuple[Session, BufferHost]]:
    """A session on a fresh sample world (pinned time), as `asrsim` makes one."""
    host = BufferHost(width=120)
    yield Session(host=host, world=sample_world), host


def run_on(session: Session, host: BufferHost, text: str) -> tuple[str, str, int]:
    """Run text on a session; returns (stdout, stderr, status) written by this run."""
    out_before, err_before = len(host.stdout), len(host.stderr)
    status = session.run(text)
    return host.stdout[out_before:], host.stderr[err_before:], status
