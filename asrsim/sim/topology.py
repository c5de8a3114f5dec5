"""Topology files: the TOML that describes an estate, checked before any world is made.

A topology is a set of arrays of tables, one per kind of object, that refer to each other by
name::

    [[site]]
    name = "Seattle"

    [[vmm_server]]
    name = "vmm01.contoso.com"
    site = "Seattle"
    version = "2012 R2"

Every problem is reported as one :class:`TopologyError` naming the file, the line and the key
(``vm[3].nics[0].ip``), before anything is written. Names are compared case-insensitively, as
Windows does.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asrsim.sim.errors import TopologyError
from asrsim.sim.toml_positions import KeyLocator, dotted
from asrsim.sim.topology_rules import EstateRules
from asrsim.sim.topology_schema import SCOPED_BY_VMM, SECTIONS, UNNAMED, Key, Table


@dataclass
class Topology:
    """A checked topology: every key present (defaults filled in), every reference valid."""

    world: Table
    sections: dict[str, list[Table]] = field(default_factory=dict)

    def items(self, section: str) -> list[Table]:
        return self.sections.get(section, [])


class _Checker:
    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.text = text
        self.locator = KeyLocator(text)

    def fail(self, where: tuple[Any, ...], problem: str) -> TopologyError:
        return TopologyError(self.path, self.locator.line(where), dotted(where), problem)

    # -- shape: sections, keys, types -------------------------------------------------------

    def check(self, document: Table) -> Topology:
        for section in document:
            if section not in SECTIONS:
                known = ", ".join(sorted(SECTIONS))
                raise self.fail((section,), f"unknown section (the sections are: {known})")
        world_table = document.get("world", {})
        if not isinstance(world_table, dict):
            raise self.fail(("world",), "must be a table: write it as [world]")
        topology = Topology(world=self._table(("world",), world_table, SECTIONS["world"]))
        for section, keys in SECTIONS.items():
            if section == "world" or section not in document:
                continue
            value = document[section]
            if isinstance(value, dict) or not isinstance(value, list):
                raise self.fail((section,), f"must be an array of tables: write [[{section}]]")
            items = []
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    raise self.fail((section, index), "must be a table")
                items.append(self._table((section, index), item, keys))
            topology.sections[section] = items
        self._check_unique(topology)
        self._check_references(topology)
        EstateRules(self.fail, topology).check()
        return topology

    def _table(self, where: tuple[Any, ...], table: Table, keys: dict[str, Key]) -> Table:
        for key in table:
            if key not in keys:
                known = ", ".join(keys)
                raise self.fail((*where, key), f"unknown key (the keys here are: {known})")
        checked: Table = {}
        for key, spec in keys.items():
            if key not in table:
                if spec.required:
                    raise self.fail((*where, key), "is required but missing")
                checked[key] = (
                    list(spec.default) if isinstance(spec.default, list) else spec.default
                )
                continue
            checked[key] = self._value((*where, key), table[key], spec)
        return checked

    def _value(self, where: tuple[Any, ...], value: Any, spec: Key) -> Any:
        expected = {
            "str": "a string",
            "int": "an integer",
            "number": "a number",
            "bool": "true or false",
            "datetime": "a date and time (2026-01-05T08:00:00Z)",
            "names": "an array of strings",
            "tables": "an array of inline tables ([{ ... }, { ... }])",
        }[spec.kind]
        ok = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "datetime": isinstance(value, datetime),
            "names": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "tables": isinstance(value, list) and all(isinstance(v, dict) for v in value),
        }[spec.kind]
        if not ok:
            raise self.fail(where, f"must be {expected}, not {_toml_type(value)}")
        if spec.kind == "str" and spec.required and not value.strip():
            raise self.fail(where, "must not be empty")
        if spec.kind == "datetime":
            if value.tzinfo is None:
                raise self.fail(where, "must carry a time zone offset (end it with Z for UTC)")
            return value.astimezone(UTC)
        if spec.kind == "tables":
            assert spec.table is not None
            return [self._table((*where, i), item, spec.table) for i, item in enumerate(value)]
        if spec.choices:
            members = value if spec.kind == "names" else [value]
            for member in members:
                if _canonical(member, spec.choices) is None:
                    listed = ", ".join(str(c) for c in spec.choices)
                    raise self.fail(where, f"'{member}' is not one of: {listed}")
            if spec.kind == "names":
                return [_canonical(member, spec.choices) for member in members]
            return _canonical(value, spec.choices)
        if spec.minimum is not None and value < spec.minimum:
            raise self.fail(where, f"must be at least {spec.minimum:g}, not {value}")
        if spec.maximum is not None and value > spec.maximum:
            raise self.fail(where, f"must be at most {spec.maximum:g}, not {value}")
        if spec.kind == "number":
            return float(value)
        return value

    # -- names and references ------------------------------------------------------------

    def _check_unique(self, topology: Topology) -> None:
        for section, items in topology.sections.items():
            if section in UNNAMED:
                continue
            seen: dict[tuple[str, str], int] = {}
            for index, item in enumerate(items):
                scope = item.get("vmm_server", "").lower() if section in SCOPED_BY_VMM else ""
                key = (scope, item["name"].lower())
                if key in seen:
                    first = self.locator.line((section, seen[key], "name"))
                    raise self.fail(
                        (section, index, "name"),
                        f"duplicate name '{item['name']}' (first defined on line {first})",
                    )
                seen[key] = index

    def _check_references(self, topology: Topology) -> None:
        names = {
            section: {item["name"].lower() for item in items if item.get("name")}
            for section, items in topology.sections.items()
        }
        for section, items in topology.sections.items():
            for index, item in enumerate(items):
                for where, spec, value in _walk(SECTIONS[section], (section, index), item):
                    if spec.ref is None or value is None:
                        continue
                    for name in value if isinstance(value, list) else [value]:
                        if name.lower() not in names.get(spec.ref, set()):
                            kind = spec.ref.replace("_", " ")
                            raise self.fail(where, f"no {kind} named '{name}' is defined")


def _walk(
    keys: dict[str, Key], where: tuple[Any, ...], table: Table
) -> Iterator[tuple[tuple[Any, ...], Key, Any]]:
    for key, spec in keys.items():
        value = table.get(key)
        if spec.kind == "tables" and spec.table is not None:
            for i, item in enumerate(value or []):
                yield from _walk(spec.table, (*where, key, i), item)
        else:
            yield (*where, key), spec, value


def _canonical(value: Any, choices: tuple[Any, ...]) -> Any:
    for choice in choices:
        if isinstance(choice, str) and isinstance(value, str):
            if choice.lower() == value.lower():
                return choice
        elif choice == value and type(choice) is type(value):
            return choice
    return None


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string '{value}'"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_topology(text: str, path: Path | str = "<topology>") -> Topology:
    """Check a topology's text; raises TopologyError naming the file, line and key."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        problem = _TOML_POSITION.sub("", message).strip()
        if position:
            problem += f" (column {position.group(2)})"
        raise TopologyError(path, line, "", f"TOML syntax error: {problem}") from None
    return _Checker(path, text).check(document)


def check_document(document: Table, path: Path | str = "<generated>") -> Topology:
    """Check a topology given as the data TOML would parse to (the Model builder's output)."""
    return _Checker(path, "").check(document)


def load_topology(path: Path) -> tuple[Topology, str]:
    """Read and check a topology file; returns it with the text it was read from."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TopologyError(path, None, "", "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TopologyError(path, None, "", f"cannot be read: {error}") from None
    return parse_topology(text, path), text
