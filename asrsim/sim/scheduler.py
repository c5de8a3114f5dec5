"""Future work, kept with the world and run in time order as the clock moves.

An event is (due time, sequence, kind, target, payload). Handlers are registered per kind by
the Simulation's owner (a later module registers "replication cycle", "job step" ...); each
event runs in a transaction of its own together with its removal from the queue and the
clock moving to its due time, so a process killed while catching up leaves the world at an
event boundary, never in between.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from asrsim.sim.clock import from_micros

if TYPE_CHECKING:
    from asrsim.sim.simulation import Transaction


@dataclass(frozen=True)
class Event:
    seq: int
    due: datetime
    kind: str
    target: str | None
    payload: dict[str, Any]

    @classmethod
    def from_row(cls, row: tuple[int, int, str, str | None, str]) -> Event:
        seq, due, kind, target, payload = row
        return cls(seq, from_micros(due), kind, target, json.loads(payload))


Handler = Callable[["Transaction", Event], None]
Handlers = Mapping[str, Handler]
