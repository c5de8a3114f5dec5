"""The shell on a world: Get-Date reads the world's clock, Start-Sleep moves it, so a polling
loop finishes at once and the world's scheduled work runs as the loop "waits"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from freezegun.api import FrozenDateTimeFactory

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.scheduler import Event
from asrsim.sim.simulation import Simulation, Transaction
from asrsim.sim.world import TopologySource, create_world
from tests.conftest import run_asrsim

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_polling_loop_advances_the_world_and_runs_its_events(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    fired: list[datetime] = []

    def job_step(tx: Transaction, event: Event) -> None:
        fired.append(tx.now)

    world = create_world(tmp_path / "w.db", TopologySource.sample(), handlers={"step": job_step})
    with world.write() as tx:
        tx.schedule(START + timedelta(minutes=2), "step")
    host = BufferHost()
    session = Session(host=host, world=world)
    status = session.run(
        "$polls = 0\n"
        "while ($polls -lt 10) { Start-Sleep -Seconds 30; $polls++ }\n"
        "(Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')\n"
        "$polls\n"
    )
    assert status == 0, host.stderr
    assert host.stdout.splitlines() == ["2026-03-02 08:05:00", "10"]
    assert world.now() == START + timedelta(minutes=5)
    assert fired == [START + timedelta(minutes=2)]
    frozen.tick(timedelta(hours=1))  # wall time does not move a manual world
    assert world.now() == START + timedelta(minutes=5)
    world.close()


def test_get_date_in_the_cli_is_the_worlds_time(tmp_path: Path) -> None:
    topology = tmp_path / "t.toml"
    topology.write_text('[world]\nstart = 2030-06-01T12:00:00Z\n[[site]]\nname = "A"\n',
                        encoding="utf-8")
    world = tmp_path / "w.db"
    assert run_asrsim("world", "new", str(world), "--topology", str(topology)).returncode == 0
    result = run_asrsim("--world", str(world), "-c",
                        "Start-Sleep 90; (Get-Date).ToUniversalTime().ToString('u')")
    assert result.stdout.strip() == "2030-06-01 12:01:30Z", result.stderr
    with Simulation.open(world) as sim:  # the sleep was durable
        assert sim.now() == datetime(2030, 6, 1, 12, 1, 30, tzinfo=UTC)


def test_get_random_is_seeded_by_the_world(tmp_path: Path) -> None:
    world = tmp_path / "w.db"
    assert run_asrsim("world", "new", str(world), "--seed", "5").returncode == 0
    first = run_asrsim("--world", str(world), "-c", "1..3 | ForEach-Object { Get-Random }")
    second = run_asrsim("--world", str(world), "-c", "1..3 | ForEach-Object { Get-Random }")
    assert first.stdout == second.stdout and len(first.stdout.split()) == 3


def test_a_stopwatch_measures_the_worlds_time(world_session: tuple[Session, BufferHost]) -> None:
    from tests.conftest import run_on

    session, host = world_session
    out, err, _ = run_on(session, host,
                         "$sw = [System.Diagnostics.Stopwatch]::StartNew()\n"
                         "Start-Sleep -Seconds 90\n"
                         "$sw.Stop(); Start-Sleep -Seconds 30\n"
                         "$sw.Elapsed.TotalSeconds; $sw.IsRunning\n")
    assert err == "" and out.splitlines() == ["90", "False"]
