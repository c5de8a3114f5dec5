"""Reading objects, and the one path every change to them takes.

``Registry.apply`` is the only code that writes objects: it writes them, journals each change
(so another process, such as the dashboard, can follow what happened) and hands back the
change events that the simulation passes to its subscribers once the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from asrsim.sim.clock import to_micros
from asrsim.sim.entity import E, Entity, decode, encode
from asrsim.sim.errors import NotFound, SimError
from asrsim.sim.model import entity_type
from asrsim.sim.store import Row, Store

Operation = Literal["create", "update", "delete"]


@dataclass(frozen=True)
class Change:
    op: Operation
    entity: Entity


@dataclass(frozen=True)
class ChangeEvent:
    """What subscribers are told: an object of ``kind`` was created, updated or deleted."""

    at: datetime
    op: str
    kind: str
    id: str
    name: str
    seq: int = 0


class Registry:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _decode(cls: type[E], row: Row) -> E:
        return decode(cls, row[0], row[2], row[3])

    def get(self, cls: type[E], object_id: str) -> E:
        row = self._store.object_by_id(object_id)
        if row is None or row[1] != cls.KIND:
            raise NotFound(cls.KIND.replace("_", " "), object_id)
        return self._decode(cls, row)

    def lookup(self, object_id: str) -> Entity | None:
        """Any object by its id, whatever its kind."""
        row = self._store.object_by_id(object_id)
        return None if row is None else decode(entity_type(row[1]), row[0], row[2], row[3])

    def named(self, cls: type[E], name: str) -> list[E]:
        """Every object of a kind with this name, compared case-insensitively as Windows does."""
        return [self._decode(cls, row) for row in self._store.objects(cls.KIND, name=name)]

    def one(self, cls: type[E], name: str) -> E:
        found = self.named(cls, name)
        if not found:
            raise NotFound(cls.KIND.replace("_", " "), name)
        return found[0]

    def all(self, cls: type[E]) -> list[E]:
        return [self._decode(cls, row) for row in self._store.objects(cls.KIND)]

    def children(self, cls: type[E], parent_id: str) -> list[E]:
        return [self._decode(cls, row) for row in self._store.objects(cls.KIND, parent=parent_id)]

    def referring(self, cls: type[E], ref_id: str) -> list[E]:
        return [self._decode(cls, row) for row in self._store.objects(cls.KIND, ref=ref_id)]

    def count(self, cls: type[Entity]) -> int:
        return self._store.count(cls.KIND)

    def counts(self) -> dict[str, int]:
        return self._store.counts()

    # -- the apply path ------------------------------------------------------------------

    def apply(self, changes: Sequence[Change], at: datetime) -> list[ChangeEvent]:
        if not self._store.in_write:
            raise SimError("a change to the world must be made inside a write transaction")
        creates = [c.entity for c in changes if c.op == "create"]
        if creates:
            self._store.insert_objects(
                (e.id, e.KIND, e.name, e.parent_id, e.ref_id, encode(e)) for e in creates
            )
        for change in changes:
            entity = change.entity
            if change.op == "update":
                updated = self._store.update_object(
                    entity.id, entity.name, entity.parent_id, entity.ref_id, encode(entity)
                )
                if not updated:
                    raise NotFound(entity.KIND.replace("_", " "), entity.id)
            elif change.op == "delete" and not self._store.delete_object(entity.id):
                raise NotFound(entity.KIND.replace("_", " "), entity.id)
        events = [
            ChangeEvent(at=at, op=c.op, kind=c.entity.KIND, id=c.entity.id, name=c.entity.name)
            for c in changes
        ]
        self._store.journal(_journal_rows(events))
        return events


def _journal_rows(events: Iterable[ChangeEvent]) -> Iterable[tuple[int, str, str, str, str]]:
    return ((to_micros(e.at), e.op, e.kind, e.id, e.name) for e in events)
