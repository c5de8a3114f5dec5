"""The world's clock and its queue of scheduled events: ordering, catch-up, determinism."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from freezegun.api import FrozenDateTimeFactory

from asrsim.sim.clock import parse_duration, parse_moment
from asrsim.sim.dns import DnsRecord, DnsZone
from asrsim.sim.errors import SchedulerError
from asrsim.sim.rng import new_guid
from asrsim.sim.scheduler import Event
from asrsim.sim.simulation import Simulation, Transaction
from asrsim.sim.vms import VirtualMachine
from asrsim.sim.world import GeneratedSource, TopologySource, create_world

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_a_new_world_starts_at_wall_time_and_a_manual_clock_stands_still(
    sample_world: Simulation, frozen: FrozenDateTimeFactory
) -> None:
    assert sample_world.now() == START
    assert sample_world.clock().mode == "manual"
    frozen.tick(timedelta(hours=3))
    assert sample_world.now() == START


def test_advance_moves_the_clock_and_survives_reopening(sample_world: Simulation) -> None:
    ran = sample_world.advance(timedelta(minutes=90))
    assert ran == 0
    assert sample_world.now() == START + timedelta(minutes=90)
    path = sample_world.path
    sample_world.close()
    with Simulation.open(path) as again:
        assert again.now() == START + timedelta(minutes=90)
        with pytest.raises(ValueError):
            again.advance(timedelta(seconds=-1))


def test_realtime_clock_follows_wall_time_at_its_speed(
    sample_world: Simulation, frozen: FrozenDateTimeFactory
) -> None:
    sample_world.set_clock("realtime", speed=60)
    frozen.tick(timedelta(seconds=10))
    assert sample_world.now() == START + timedelta(minutes=10)
    sample_world.set_clock("manual")
    frozen.tick(timedelta(hours=1))
    assert sample_world.now() == START + timedelta(minutes=10)


def recorder(log: list[tuple[str, datetime, str | None]]) -> dict[str, object]:
    def handle(tx: Transaction, event: Event) -> None:
        log.append((event.kind, tx.now, event.target))

    return {"ping": handle, "pong": handle}


def test_events_run_in_time_order_then_sequence_at_their_due_time(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    log: list[tuple[str, datetime, str | None]] = []
    sim = create_world(tmp_path / "w.db", TopologySource.sample(), handlers=recorder(log))
    with sim.write() as tx:
        tx.schedule(START + timedelta(minutes=10), "ping", "third")
        tx.schedule(START + timedelta(minutes=5), "pong", "first")
        tx.schedule(START + timedelta(minutes=5), "ping", "second")  # same time: queue order
        tx.schedule(START + timedelta(hours=2), "ping", "later")
    assert sim.advance(timedelta(hours=1)) == 3
    assert log == [
        ("pong", START + timedelta(minutes=5), "first"),
        ("ping", START + timedelta(minutes=5), "second"),
        ("ping", START + timedelta(minutes=10), "third"),
    ]
    assert [e.target for e in sim.pending_events()] == ["later"]
    assert sim.now() == START + timedelta(hours=1)


def test_events_scheduled_by_events_run_in_the_same_advance(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    seen: list[datetime] = []

    def every_five_minutes(tx: Transaction, event: Event) -> None:
        seen.append(tx.now)
        tx.schedule(tx.now + timedelta(minutes=5), "tick")

    sim = create_world(
        tmp_path / "w.db", TopologySource.sample(), handlers={"tick": every_five_minutes}
    )
    with sim.write() as tx:
        tx.schedule(START, "tick")
    # more events than fit in one transaction's batch, to cross batch boundaries
    ran = sim.advance(timedelta(days=2))
    assert ran == 2 * 24 * 12 + 1
    assert seen == [START + timedelta(minutes=5 * i) for i in range(ran)]
    assert [e.due for e in sim.pending_events()] == [START + timedelta(days=2, minutes=5)]


def test_a_world_opened_later_catches_up_on_a_realtime_clock(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    log: list[tuple[str, datetime, str | None]] = []
    path = tmp_path / "w.db"
    with create_world(path, TopologySource.sample()) as sim:
        sim.set_clock("realtime", speed=1)
        with sim.write() as tx:
            tx.schedule(START + timedelta(minutes=30), "ping", "due while closed")
            tx.schedule(START + timedelta(hours=5), "ping", "not yet")
    frozen.tick(timedelta(hours=1))
    with Simulation.open(path, handlers=recorder(log)) as sim:
        assert log == [("ping", START + timedelta(minutes=30), "due while closed")]
        assert [e.target for e in sim.pending_events()] == ["not yet"]
        assert sim.now() == START + timedelta(hours=1)


def test_an_event_nobody_can_run_stops_the_clock_and_changes_nothing(
    sample_world: Simulation,
) -> None:
    with sample_world.write() as tx:
        tx.schedule(START + timedelta(minutes=1), "mystery")
    with pytest.raises(SchedulerError, match="'mystery'"):
        sample_world.advance(timedelta(hours=1))
    assert sample_world.now() == START
    assert [e.kind for e in sample_world.pending_events()] == ["mystery"]


def test_a_failing_handler_rolls_back_its_batch(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    def power_off(tx: Transaction, event: Event) -> None:
        vm = tx.registry.one(VirtualMachine, str(event.target))
        tx.update(VirtualMachine(**{**vm.__dict__, "status": "PowerOff"}))
        if event.payload.get("fail"):
            raise RuntimeError("host not responding")

    sim = create_world(
        tmp_path / "w.db", TopologySource.sample(), handlers={"power-off": power_off}
    )
    with sim.write() as tx:
        tx.schedule(START + timedelta(minutes=1), "power-off", "web01")
        tx.schedule(START + timedelta(minutes=2), "power-off", "web02", {"fail": True})
    with pytest.raises(RuntimeError):
        sim.advance(timedelta(minutes=5))
    assert sim.registry.one(VirtualMachine, "web01").status == "Running"
    assert len(sim.pending_events()) == 2


def test_subscribers_hear_of_committed_changes_only(sample_world: Simulation) -> None:
    heard: list[tuple[str, str, str]] = []
    stop = sample_world.subscribe(lambda e: heard.append((e.op, e.kind, e.name)))
    vm = sample_world.registry.one(VirtualMachine, "web01")
    with pytest.raises(RuntimeError), sample_world.write() as tx:
        tx.update(VirtualMachine(**{**vm.__dict__, "status": "Saved"}))
        raise RuntimeError
    assert heard == []
    with sample_world.write() as tx:
        tx.update(VirtualMachine(**{**vm.__dict__, "status": "Saved"}))
    assert heard == [("update", "vm", "web01")]
    stop()
    with sample_world.write() as tx:
        tx.update(vm)
    assert len(heard) == 1
    # another process follows through the journal
    last = sample_world.changes_since(0, limit=100_000)[-2:]
    assert [(c.op, c.name) for c in last] == [("update", "web01"), ("update", "web01")]


def world_dump(path: Path) -> dict[str, object]:
    with sqlite3.connect(path) as db:
        objects = db.execute(
            "SELECT id, kind, name, parent, ref, data FROM objects ORDER BY id"
        ).fetchall()
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        events = db.execute("SELECT due, kind, target, payload FROM events ORDER BY seq").fetchall()
        changes = db.execute("SELECT at, op, kind, id, name FROM changes ORDER BY seq").fetchall()
    db.close()
    return {"objects": objects, "meta": meta, "events": events, "changes": changes}


def steps(sim: Simulation) -> None:
    """The same commands, run against two worlds: draws from the generator included."""

    def add_record(tx: Transaction, event: Event) -> None:
        zone = tx.registry.all(DnsZone)[0]
        tx.create(
            DnsRecord(
                id=new_guid(tx.rng),
                name=f"host{tx.rng.randrange(1000)}",
                zone_id=zone.id,
                record_type="A",
                data="10.10.0.77",
            )
        )
        if event.payload["left"]:
            tx.schedule(
                tx.now + timedelta(minutes=7), "add", None, {"left": event.payload["left"] - 1}
            )

    sim.handlers["add"] = add_record
    with sim.write() as tx:
        tx.schedule(tx.now + timedelta(minutes=3), "add", None, {"left": 5})
    sim.advance(timedelta(hours=1))


@pytest.mark.parametrize(
    "source", [TopologySource.sample(), GeneratedSource(2, 3, 40)], ids=["sample", "generated"]
)
def test_same_source_seed_and_steps_give_the_same_world(
    tmp_path: Path, frozen: FrozenDateTimeFactory, source: TopologySource | GeneratedSource
) -> None:
    dumps = []
    for name in ("one.db", "two.db"):
        with create_world(tmp_path / name, source, seed=11) as sim:
            steps(sim)
        dumps.append(world_dump(tmp_path / name))
    assert dumps[0] == dumps[1]
    with create_world(tmp_path / "other.db", source, seed=12) as sim:
        steps(sim)
    assert world_dump(tmp_path / "other.db")["objects"] != dumps[0]["objects"]


def test_two_worlds_live_in_one_process(tmp_path: Path, frozen: FrozenDateTimeFactory) -> None:
    first = create_world(tmp_path / "a.db", TopologySource.sample())
    second = create_world(tmp_path / "b.db", GeneratedSource(1, 2, 3))
    first.advance(timedelta(hours=2))
    assert second.now() == START
    assert first.registry.count(VirtualMachine) == 12
    assert second.registry.count(VirtualMachine) == 3
    first.close()
    second.close()


def test_clock_state_is_stored_as_plain_json(sample_world: Simulation) -> None:
    stored = json.loads(sample_world.meta("clock") or "")
    assert stored["mode"] == "manual" and parse_moment(stored["anchor"]) == START


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("15m", timedelta(minutes=15)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("2d", timedelta(days=2)),
        ("250ms", timedelta(milliseconds=250)),
        ("01:30:00", timedelta(hours=1, minutes=30)),
        ("1.02:00:00", timedelta(days=1, hours=2)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "5 parsecs", "1h then 2m", "-5m"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)
