"""Making worlds: from a topology file, from the bundled sample, or from counts.

A world remembers where it came from (its source and seed), so ``asrsim world reset`` can
make it again exactly as it was first made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from asrsim.sim.build import build_entities
from asrsim.sim.clock import ClockState, to_micros, wall_now
from asrsim.sim.errors import WorldError
from asrsim.sim.generator import generate_document
from asrsim.sim.registry import Change, ChangeEvent, Registry
from asrsim.sim.rng import Generator, dump_state, new_generator
from asrsim.sim.scheduler import Handlers
from asrsim.sim.simulation import Simulation, encode_clock
from asrsim.sim.store import Store
from asrsim.sim.topology import Topology, check_document, load_topology, parse_topology

SAMPLE_TOPOLOGY = "sample.toml"


def sample_topology_text() -> str:
    return (
        resources.files("asrsim.sim")
        .joinpath("topologies")
        .joinpath(SAMPLE_TOPOLOGY)
        .read_text(encoding="utf-8")
    )


@dataclass(frozen=True)
class TopologySource:
    """A world made from a topology file (its text is kept, so the file may move on)."""

    text: str
    path: str

    @classmethod
    def sample(cls) -> TopologySource:
        return cls(sample_topology_text(), f"<bundled {SAMPLE_TOPOLOGY}>")

    @classmethod
    def from_file(cls, path: Path) -> TopologySource:
        _, text = load_topology(path)
        return cls(text, str(path))

    def make(self, seed: int | None) -> tuple[Topology, int, Generator]:
        topology = parse_topology(self.text, self.path)
        chosen = topology.world["seed"] if seed is None else seed
        return topology, chosen, new_generator(chosen)

    def describe(self) -> str:
        return self.path

    def to_json(self) -> dict[str, Any]:
        return {"kind": "topology", "path": self.path, "text": self.text}


@dataclass(frozen=True)
class GeneratedSource:
    """A world made by the Model builder from counts, with predictable names."""

    sites: int
    hosts: int
    vms: int

    def make(self, seed: int | None) -> tuple[Topology, int, Generator]:
        chosen = 0 if seed is None else seed
        rng = new_generator(chosen)
        document = generate_document(self.sites, self.hosts, self.vms, rng)
        return check_document(document), chosen, rng

    def describe(self) -> str:
        return f"generated: {self.sites} sites, {self.hosts} hosts per site, {self.vms} VMs"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "generated", "sites": self.sites, "hosts": self.hosts, "vms": self.vms}


Source = TopologySource | GeneratedSource


def source_from_json(data: dict[str, Any]) -> Source:
    if data.get("kind") == "topology":
        return TopologySource(str(data["text"]), str(data["path"]))
    if data.get("kind") == "generated":
        return GeneratedSource(int(data["sites"]), int(data["hosts"]), int(data["vms"]))
    raise WorldError("the world does not record how it was made, so it cannot be reset")


def _populate(
    store: Store, source: Source, seed: int | None, name: str | None
) -> list[ChangeEvent]:
    """Write a world's objects and meta into ``store``, inside the caller's transaction."""
    topology, chosen_seed, rng = source.make(seed)
    wall = wall_now()
    start: datetime = topology.world["start"] or wall
    entities = build_entities(topology, rng, start)
    clock = ClockState(
        mode=topology.world["clock"], anchor=start, wall_anchor=wall, speed=topology.world["speed"]
    )
    store.set_meta("name", name or topology.world["name"])
    store.set_meta("seed", str(chosen_seed))
    store.set_meta("source", json.dumps(source.to_json()))
    store.set_meta("created", start.isoformat())
    store.set_meta("clock", encode_clock(clock))
    store.set_meta("rng", dump_state(rng))
    return Registry(store).apply([Change("create", e) for e in entities], start)


def create_world(
    path: Path,
    source: Source,
    *,
    seed: int | None = None,
    name: str | None = None,
    replace: bool = False,
    handlers: Handlers | None = None,
) -> Simulation:
    """Make a new world file; on any error no file is left behind."""
    with Store.creating(path, replace=replace) as store, store.write():
        _populate(store, source, seed, name)
    return Simulation.open(path, handlers=handlers)


def reset_world(simulation: Simulation) -> None:
    """Start a world over from the source it was made from, in place and in one transaction,
    so other processes that have it open see either the old world or the new one."""
    source = source_from_json(simulation.source())
    seed = simulation.seed
    name = simulation.meta("name")
    store = simulation.store
    with simulation.write() as transaction:
        store.clear()
        # one "reset" entry tells a follower in another process to forget what it knew
        reset = ChangeEvent(at=transaction.now, op="reset", kind="world", id="", name=name or "")
        store.journal([(to_micros(reset.at), reset.op, reset.kind, reset.id, reset.name)])
        transaction.events.append(reset)
        transaction.events.extend(_populate(store, source, seed, name))
