"""The base of every object in the simulated estate, and how one is kept in the store.

Objects are frozen dataclasses: a change is a new value handed to the registry's single
apply path, never a mutation in place, so every change is seen (and journalled) there.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from asrsim.sim.clock import from_micros, to_micros


@dataclasses.dataclass(frozen=True, kw_only=True)
class Entity:
    """An object with an identity (a GUID, as VMM and Hyper-V give one) and a name."""

    KIND: ClassVar[str] = "entity"
    #: the field holding the id of the object this one belongs to (its row's ``parent``)
    PARENT: ClassVar[str | None] = None
    #: a second field holding an id this object is looked up by (indexed as the row's ``ref``)
    REF: ClassVar[str | None] = None
    id: str
    name: str

    @property
    def parent_id(self) -> str | None:
        return getattr(self, self.PARENT) if self.PARENT else None

    @property
    def ref_id(self) -> str | None:
        return getattr(self, self.REF) if self.REF else None


E = TypeVar("E", bound=Entity)

_Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _to_datetime(value: Any) -> Any:
    return from_micros(value) if isinstance(value, int) else value


@functools.cache
def _decoders(cls: type[Entity]) -> dict[str, _Decoder]:
    decoders: dict[str, _Decoder] = {}
    for field in dataclasses.fields(cls):
        # the annotation as written (these modules use postponed annotations): reading it
        # as text keeps decoding independent of what a test has patched `datetime` to be
        hint = str(field.type)
        if "tuple" in hint:
            decoders[field.name] = _to_tuple
        elif "datetime" in hint:
            decoders[field.name] = _to_datetime
        else:
            decoders[field.name] = _identity
    return decoders


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_micros(value)
    return value


def encode(entity: Entity) -> str:
    """The JSON kept in the store for an entity (everything but its id and name)."""
    data = {
        field.name: _encode(getattr(entity, field.name))
        for field in dataclasses.fields(entity)
        if field.name not in ("id", "name")
    }
    return json.dumps(data, separators=(",", ":"), sort_keys=True)


def decode(cls: type[E], entity_id: str, name: str, data: str) -> E:
    decoders = _decoders(cls)  # type: ignore[arg-type]  # a class is hashable
    values = {key: decoders[key](value) for key, value in json.loads(data).items()}
    return cls(id=entity_id, name=name, **values)
