"""The Simulation: one world, with its store, clock, seeded generator and scheduled events.

Nothing here is module-level state: two Simulations in one process are two worlds.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from asrsim.sim.clock import (
    ClockMode,
    ClockState,
    from_micros,
    parse_moment,
    to_micros,
    wall_now,
)
from asrsim.sim.entity import Entity
from asrsim.sim.errors import SchedulerError, WorldError
from asrsim.sim.registry import Change, ChangeEvent, Registry
from asrsim.sim.rng import Generator, dump_state, load_state
from asrsim.sim.scheduler import Event, Handler, Handlers
from asrsim.sim.store import Store

#: Events run in batches of at most this many per transaction while the clock catches up:
#: each batch holds whole events only, so a crash still stops at an event boundary.
EVENTS_PER_TRANSACTION = 500

Subscriber = Callable[[ChangeEvent], None]


def encode_clock(state: ClockState) -> str:
    return json.dumps(
        {
            "mode": state.mode,
            "anchor": state.anchor.isoformat(),
            "wall_anchor": state.wall_anchor.isoformat(),
            "speed": state.speed,
        }
    )


def decode_clock(text: str) -> ClockState:
    data = json.loads(text)
    return ClockState(
        mode=data["mode"],
        anchor=parse_moment(data["anchor"]),
        wall_anchor=parse_moment(data["wall_anchor"]),
        speed=float(data["speed"]),
    )


class Transaction:
    """A write to the world: reads see it, and it commits whole or not at all."""

    def __init__(self, simulation: Simulation, now: datetime) -> None:
        self.registry = simulation.registry
        self.now = now
        self._store = simulation.store
        self._rng: Generator | None = None
        self.events: list[ChangeEvent] = []

    @property
    def rng(self) -> Generator:
        """The world's seeded generator; its new state is saved when this write commits."""
        if self._rng is None:
            state = self._store.get_meta("rng")
            if state is None:
                raise WorldError("the world has lost its random generator state")
            self._rng = load_state(state)
        return self._rng

    def apply(self, *changes: Change) -> None:
        self.events.extend(self.registry.apply(changes, self.now))

    def create(self, *entities: Entity) -> None:
        self.apply(*(Change("create", e) for e in entities))

    def update(self, *entities: Entity) -> None:
        self.apply(*(Change("update", e) for e in entities))

    def delete(self, *entities: Entity) -> None:
        self.apply(*(Change("delete", e) for e in entities))

    def schedule(
        self,
        due: datetime,
        kind: str,
        target: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> int:
        """Queue work for ``due`` (never earlier than now); returns its sequence number."""
        moment = max(due, self.now)
        return self._store.add_event(
            to_micros(moment), kind, target, json.dumps(payload or {}, sort_keys=True)
        )

    def _finish(self) -> None:
        if self._rng is not None:
            self._store.set_meta("rng", dump_state(self._rng))


class Simulation:
    def __init__(self, store: Store, handlers: Handlers | None = None) -> None:
        self.store = store
        self.registry = Registry(store)
        self.handlers: dict[str, Handler] = dict(handlers or {})
        self._subscribers: list[Subscriber] = []

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, handlers: Handlers | None = None, catch_up: bool = True
    ) -> Simulation:
        """Open a world and, unless told not to, run the work that fell due while it was
        closed (a realtime clock runs on when no process has the world open)."""
        simulation = cls(Store.open(path), handlers)
        if catch_up:
            try:
                simulation.catch_up()
            except BaseException:
                simulation.close()
                raise
        return simulation

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Simulation:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- facts about the world -----------------------------------------------------------

    def meta(self, key: str) -> str | None:
        return self.store.get_meta(key)

    @property
    def name(self) -> str:
        return self.meta("name") or self.path.stem

    @property
    def seed(self) -> int:
        return int(self.meta("seed") or 0)

    def source(self) -> dict[str, Any]:
        return dict(json.loads(self.meta("source") or "{}"))

    # -- transactions --------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[Transaction]:
        """A write transaction; subscribers hear of its changes once it has committed."""
        if self.store.in_write:
            raise WorldError("a write to the world is already under way")
        with self.store.write():
            transaction = Transaction(self, self._clock_state().now(wall_now()))
            yield transaction
            transaction._finish()
        self._notify(transaction.events)

    @contextlib.contextmanager
    def read(self) -> Iterator[Registry]:
        """A consistent snapshot for several reads."""
        with self.store.read():
            yield self.registry

    # -- the clock -----------------------------------------------------------------------

    def _clock_state(self) -> ClockState:
        text = self.store.get_meta("clock")
        if text is None:
            raise WorldError("the world has no clock")
        return decode_clock(text)

    def clock(self) -> ClockState:
        return self._clock_state()

    def now(self) -> datetime:
        return self._clock_state().now(wall_now())

    def advance(self, delta: timedelta) -> int:
        """Move the clock forward by ``delta``, running the events that fall due; returns how
        many ran. In realtime mode this jumps ahead of the running clock."""
        if delta < timedelta(0):
            raise ValueError("the world's clock cannot go backwards")
        return self.advance_to(self.now() + delta)

    def advance_to(self, moment: datetime) -> int:
        return self._run_until(moment, move_clock=True)

    def catch_up(self) -> int:
        """Run what fell due up to now without moving a manual clock."""
        return self._run_until(self.now(), move_clock=False)

    def set_clock(self, mode: ClockMode, speed: float = 1.0) -> ClockState:
        with self.store.write():
            state = self._clock_state().switched(mode, speed, wall_now())
            self.store.set_meta("clock", encode_clock(state))
        return state

    def _run_until(self, moment: datetime, *, move_clock: bool) -> int:
        target = to_micros(moment)
        ran = 0
        while True:
            with self.write() as transaction:
                state = self._clock_state()
                for _ in range(EVENTS_PER_TRANSACTION):
                    row = self.store.next_event(target)
                    if row is None:
                        break
                    event = Event.from_row(row)
                    handler = self.handlers.get(event.kind)
                    if handler is None:
                        raise SchedulerError(
                            f"the world has a scheduled '{event.kind}' event that this "
                            "asrsim cannot run"
                        )
                    self.store.remove_event(event.seq)
                    # handlers act at the moment the event fell due, even when run late
                    transaction.now = event.due
                    if state.mode == "manual":
                        state = state.moved_to(event.due, wall_now())
                    handler(transaction, event)
                    ran += 1
                else:
                    self.store.set_meta("clock", encode_clock(state))
                    continue
                if move_clock:
                    state = state.moved_to(moment, wall_now())
                    transaction.now = state.now(wall_now())
                self.store.set_meta("clock", encode_clock(state))
            return ran

    # -- scheduled events ----------------------------------------------------------------

    def pending_events(self) -> list[Event]:
        return [Event.from_row(row) for row in self.store.pending_events()]

    # -- change notification -------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Hear of every change this process commits; returns the call that stops it."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(subscriber)

        return unsubscribe

    def _notify(self, events: list[ChangeEvent]) -> None:
        for event in events:
            for subscriber in list(self._subscribers):
                subscriber(event)

    def last_change(self) -> int:
        return self.store.last_change()

    def changes_since(self, seq: int, limit: int = 1000) -> list[ChangeEvent]:
        """Changes committed by any process after ``seq``, for a reader in another process."""
        return [
            ChangeEvent(at=from_micros(at), op=op, kind=kind, id=object_id, name=name, seq=s)
            for s, at, op, kind, object_id, name in self.store.changes_since(seq, limit)
        ]
