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

import ipaddress
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asrsim.sim.clock import CLOCK_MODES
from asrsim.sim.dns import RECORD_TYPES
from asrsim.sim.errors import TopologyError
from asrsim.sim.fabric import (
    CAPABILITY_PROFILES,
    HOST_OPERATING_SYSTEMS,
    HYPERV_CAPABILITY_PROFILE,
    VMM_VERSIONS,
)
from asrsim.sim.vms import VM_STATUSES

Table = dict[str, Any]


@dataclass(frozen=True)
class Key:
    """What one key of a section accepts."""

    kind: str  # str | int | number | bool | datetime | names | tables
    required: bool = False
    default: Any = None
    ref: str | None = None  # the section whose names this key refers to
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    table: dict[str, Key] | None = None  # for kind "tables": the keys of each inline table
    doc: str = ""


def _name() -> Key:
    return Key("str", required=True)


SECTIONS: dict[str, dict[str, Key]] = {
    "world": {
        "name": Key("str", default="asrsim world"),
        "seed": Key(
            "int",
            default=0,
            minimum=0,
            doc="seed of the world's random generator (GUIDs, MAC addresses)",
        ),
        "start": Key(
            "datetime", doc="the world's clock at creation (default: wall time when created)"
        ),
        "clock": Key(
            "str",
            default="manual",
            choices=CLOCK_MODES,
            doc="manual: time moves only when told; realtime: follows wall time",
        ),
        "speed": Key(
            "number",
            default=1.0,
            minimum=0.001,
            doc="realtime speed factor (60 = a simulated minute per second)",
        ),
    },
    "site": {
        "name": _name(),
        "role": Key("str", default="", choices=("primary", "recovery")),
        "location": Key("str", default=""),
    },
    "vmm_server": {
        "name": _name(),
        "site": Key("str", required=True, ref="site"),
        "version": Key("str", required=True, choices=VMM_VERSIONS),
        "port": Key("int", default=8100, minimum=1, maximum=65535),
    },
    "host_group": {
        "name": _name(),
        "vmm_server": Key("str", required=True, ref="vmm_server"),
        "parent": Key(
            "str", ref="host_group", doc="parent host group (default: the VMM server's All Hosts)"
        ),
    },
    "cluster": {
        "name": _name(),
        "host_group": Key("str", required=True, ref="host_group"),
        "replica_broker": Key("str", doc="client access point of the Hyper-V Replica Broker role"),
    },
    "host": {
        "name": _name(),
        "host_group": Key("str", required=True, ref="host_group"),
        "cluster": Key("str", ref="cluster"),
        "os": Key("str", required=True, choices=HOST_OPERATING_SYSTEMS),
        "cpu_cores": Key("int", default=16, minimum=1),
        "memory_gb": Key("number", default=128, minimum=1),
        "replica_storage_path": Key(
            "str",
            default="C:\\Hyper-V\\Replica",
            doc="Hyper-V's default location for replica files",
        ),
        "volumes": Key(
            "tables",
            default=[],
            table={
                "path": _name(),
                "capacity_gb": Key("number", required=True, minimum=1),
                "classification": Key("str", ref="storage_classification"),
            },
        ),
    },
    "storage_classification": {
        "name": _name(),
        "vmm_server": Key("str", required=True, ref="vmm_server"),
        "description": Key("str", default=""),
    },
    "logical_network": {
        "name": _name(),
        "vmm_server": Key("str", required=True, ref="vmm_server"),
        "description": Key("str", default=""),
    },
    "vm_network": {
        "name": _name(),
        "logical_network": Key("str", required=True, ref="logical_network"),
        "description": Key("str", default=""),
    },
    "ip_pool": {
        "name": _name(),
        "vm_network": Key("str", required=True, ref="vm_network"),
        "subnet": Key("str", required=True),
        "range_start": Key("str", required=True, doc="first address VMM may hand out"),
        "range_end": Key("str", required=True, doc="last address VMM may hand out"),
        "gateway": Key("str"),
        "dns_servers": Key("names", default=[]),
    },
    "cloud": {
        "name": _name(),
        "vmm_server": Key("str", required=True, ref="vmm_server"),
        "description": Key("str", default=""),
        "host_groups": Key("names", default=[], ref="host_group"),
        "logical_networks": Key("names", default=[], ref="logical_network"),
        "storage_classifications": Key("names", default=[], ref="storage_classification"),
        "capability_profiles": Key("names", default=[], choices=CAPABILITY_PROFILES),
        "disaster_recovery_supported": Key(
            "bool",
            default=False,
            doc="the cloud's configuration is sent to Site Recovery; needs the Hyper-V profile",
        ),
    },
    "vm": {
        "name": _name(),
        "host": Key("str", required=True, ref="host"),
        "cloud": Key("str", ref="cloud"),
        "status": Key("str", default="Running", choices=VM_STATUSES),
        "cpu_count": Key("int", default=1, minimum=1, maximum=64),
        "memory_gb": Key("number", default=2, minimum=0.03125),
        "operating_system": Key("str", default="Windows Server 2012 R2 Standard"),
        "generation": Key("int", default=1, choices=(1, 2)),
        "churn_mb_per_hour": Key(
            "number",
            default=0.0,
            minimum=0,
            doc="new data the guest writes; sizes replication logs",
        ),
        "description": Key("str", default=""),
        "disks": Key(
            "tables",
            default=[],
            table={
                "name": Key("str"),
                "size_gb": Key("number", required=True, minimum=0.001),
                "used_gb": Key("number", minimum=0, doc="default: the whole size"),
                "classification": Key("str", ref="storage_classification"),
            },
        ),
        "nics": Key(
            "tables",
            default=[],
            table={
                "vm_network": Key("str", ref="vm_network"),
                "ip": Key(
                    "str",
                    doc="a static address from a pool of the VM network (default: lowest free)",
                ),
                "mac": Key("str", doc="default: drawn from Hyper-V's 00:15:5D range"),
            },
        ),
    },
    "dns_server": {
        "name": _name(),
        "site": Key("str", required=True, ref="site"),
    },
    "dns_zone": {
        "name": _name(),
        "server": Key("str", required=True, ref="dns_server"),
        "dynamic_update": Key(
            "str", default="Secure", choices=("None", "Secure", "NonsecureAndSecure")
        ),
        "register_vms": Key(
            "bool", default=False, doc="each VM's address is registered as a dynamic A record"
        ),
    },
    "dns_record": {
        "zone": Key("str", required=True, ref="dns_zone"),
        "name": _name(),
        "type": Key("str", default="A", choices=RECORD_TYPES),
        "data": Key("str", required=True),
        "ttl": Key("int", default=3600, minimum=0, maximum=2_147_483_647),
    },
    "link": {
        "name": Key("str"),
        "sites": Key("names", required=True, ref="site", doc="the two sites the link joins"),
        "bandwidth_mbps": Key("number", required=True, minimum=0.001),
        "latency_ms": Key("number", default=0.0, minimum=0),
    },
}

#: Sections whose names may repeat on different VMM servers (each VMM has its own "Gold"):
#: a reference to them is resolved on the VMM server of the object that makes it.
SCOPED_BY_VMM = frozenset({"storage_classification"})
#: Sections whose objects have no name of their own to keep unique.
UNNAMED = frozenset({"dns_record", "link"})


@dataclass
class Topology:
    """A checked topology: every key present (defaults filled in), every reference valid."""

    world: Table
    sections: dict[str, list[Table]] = field(default_factory=dict)

    def items(self, section: str) -> list[Table]:
        return self.sections.get(section, [])


# -- where things are in the file -------------------------------------------------------------

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_\-]+)\s*\]")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


class _Locator:
    """Finds the line of a key in the TOML text; tomllib keeps no positions.

    It understands the layout topologies are written in (arrays of tables with one key per
    line, inline tables for disks, NICs and volumes); for anything else it falls back to the
    nearest enclosing line it knows, which still points the reader to the right place.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.positions: dict[tuple[Any, ...], int] = {}
        counts: dict[str, int] = {}
        current: tuple[Any, ...] = ()
        for number, line in enumerate(self.lines, start=1):
            if match := _ARRAY_HEADER.match(line):
                section = match.group(1)
                index = counts.get(section, 0)
                counts[section] = index + 1
                current = (section, index)
                self.positions.setdefault(current, number)
                self.positions.setdefault((section,), number)
            elif match := _TABLE_HEADER.match(line):
                current = (match.group(1),)
                self.positions.setdefault(current, number)
            elif match := _ASSIGNMENT.match(line):
                self.positions.setdefault((*current, match.group(1)), number)

    def line(self, path: tuple[Any, ...]) -> int | None:
        if path in self.positions:
            return self.positions[path]
        # an item of an inline array of tables: count the opening braces after the key
        if len(path) >= 2 and isinstance(path[-1], int) and path[:-1] in self.positions:
            return self._nth_brace(self.positions[path[:-1]], path[-1])
        if len(path) >= 3 and isinstance(path[-2], int) and path[:-1] not in self.positions:
            item = self.line(path[:-1])
            if item is not None:
                return self._key_after(item, str(path[-1]))
        return self.line(path[:-1]) if len(path) > 1 else None

    def _nth_brace(self, start: int, index: int) -> int:
        seen = -1
        depth = 0
        in_string: str | None = None
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if number == start:
                text = text.split("=", 1)[1] if "=" in text else text
            for char in text:
                if in_string:
                    if char == in_string:
                        in_string = None
                elif char in "\"'":
                    in_string = char
                elif char == "{":
                    depth += 1
                    if depth == 1:
                        seen += 1
                        if seen == index:
                            return number
                elif char == "}":
                    depth -= 1
                elif char == "#":
                    break
        return start

    def _key_after(self, start: int, key: str) -> int:
        pattern = re.compile(rf"\b{re.escape(key)}\s*=")
        for number in range(start, min(start + 3, len(self.lines)) + 1):
            if pattern.search(self.lines[number - 1]):
                return number
        return start


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class _Checker:
    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.text = text
        self.locator = _Locator(text)

    def fail(self, where: tuple[Any, ...], problem: str) -> TopologyError:
        return TopologyError(self.path, self.locator.line(where), _dotted(where), problem)

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
        _Semantics(self, topology).check()
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


class _Semantics:
    """Rules that span objects: the estate must be one VMM and Hyper-V would accept."""

    def __init__(self, checker: _Checker, topology: Topology) -> None:
        self.checker = checker
        self.topology = topology

    def by_name(self, section: str) -> dict[str, Table]:
        return {item["name"].lower(): item for item in self.topology.items(section)}

    def fail(self, where: tuple[Any, ...], problem: str) -> TopologyError:
        return self.checker.fail(where, problem)

    def check(self) -> None:
        self.vmm_of_group = self._host_groups()
        self._clusters_and_hosts()
        self._networks()
        self._clouds()
        self._vms()
        self._dns()
        self._links()

    def _same_vmm(self, where: tuple[Any, ...], what: str, mine: str, theirs: str) -> None:
        if mine.lower() != theirs.lower():
            raise self.fail(where, f"{what} is on VMM server '{theirs}', not on '{mine}'")

    def _classification_on(self, where: tuple[Any, ...], name: str, vmm: str) -> None:
        for item in self.topology.items("storage_classification"):
            if item["name"].lower() == name.lower() and item["vmm_server"].lower() == vmm.lower():
                return
        raise self.fail(where, f"no storage classification '{name}' on VMM server '{vmm}'")

    def _host_groups(self) -> dict[str, str]:
        groups = self.by_name("host_group")
        for index, group in enumerate(self.topology.items("host_group")):
            if group["parent"] is None:
                continue
            where = ("host_group", index, "parent")
            parent = groups[group["parent"].lower()]
            self._same_vmm(
                where, f"host group '{parent['name']}'", group["vmm_server"], parent["vmm_server"]
            )
            seen = {group["name"].lower()}
            cursor: Table | None = parent
            while cursor is not None:
                if cursor["name"].lower() in seen:
                    raise self.fail(where, "host groups may not contain themselves")
                seen.add(cursor["name"].lower())
                cursor = groups[cursor["parent"].lower()] if cursor["parent"] else None
        return {name: group["vmm_server"] for name, group in groups.items()}

    def _clusters_and_hosts(self) -> None:
        clusters = self.by_name("cluster")
        for index, host in enumerate(self.topology.items("host")):
            vmm = self.vmm_of_group[host["host_group"].lower()]
            if host["cluster"] is not None:
                cluster = clusters[host["cluster"].lower()]
                if cluster["host_group"].lower() != host["host_group"].lower():
                    raise self.fail(
                        ("host", index, "cluster"),
                        f"cluster '{cluster['name']}' is in host group "
                        f"'{cluster['host_group']}', but this host is in '{host['host_group']}'",
                    )
            for v, volume in enumerate(host["volumes"]):
                if volume["classification"] is not None:
                    self._classification_on(
                        ("host", index, "volumes", v, "classification"),
                        volume["classification"],
                        vmm,
                    )

    def _networks(self) -> None:
        self.pools: dict[str, list[tuple[int, Table]]] = {}
        for index, pool in enumerate(self.topology.items("ip_pool")):
            where = ("ip_pool", index)
            try:
                subnet = ipaddress.IPv4Network(pool["subnet"], strict=True)
            except ValueError as error:
                raise self.fail((*where, "subnet"), f"is not an IPv4 subnet: {error}") from None
            first = self._address((*where, "range_start"), pool["range_start"])
            last = self._address((*where, "range_end"), pool["range_end"])
            for key, address in (("range_start", first), ("range_end", last)):
                if address not in subnet:
                    raise self.fail((*where, key), f"{address} is outside the subnet {subnet}")
            if last < first:
                raise self.fail((*where, "range_end"), f"{last} comes before {first}")
            if pool["gateway"] is not None:
                gateway = self._address((*where, "gateway"), pool["gateway"])
                if gateway not in subnet:
                    raise self.fail(
                        (*where, "gateway"), f"{gateway} is outside the subnet {subnet}"
                    )
            for d, server in enumerate(pool["dns_servers"]):
                self._address((*where, "dns_servers", d), server)
            self.pools.setdefault(pool["vm_network"].lower(), []).append((index, pool))

    def _address(self, where: tuple[Any, ...], text: str) -> ipaddress.IPv4Address:
        try:
            return ipaddress.IPv4Address(text)
        except ValueError:
            raise self.fail(where, f"'{text}' is not an IPv4 address") from None

    def _clouds(self) -> None:
        logical = self.by_name("logical_network")
        for index, cloud in enumerate(self.topology.items("cloud")):
            vmm = cloud["vmm_server"]
            for g, group in enumerate(cloud["host_groups"]):
                self._same_vmm(
                    ("cloud", index, "host_groups", g),
                    f"host group '{group}'",
                    vmm,
                    self.vmm_of_group[group.lower()],
                )
            for n, network in enumerate(cloud["logical_networks"]):
                self._same_vmm(
                    ("cloud", index, "logical_networks", n),
                    f"logical network '{network}'",
                    vmm,
                    logical[network.lower()]["vmm_server"],
                )
            for c, name in enumerate(cloud["storage_classifications"]):
                self._classification_on(("cloud", index, "storage_classifications", c), name, vmm)
            profiles = [p.lower() for p in cloud["capability_profiles"]]
            if cloud["disaster_recovery_supported"] and HYPERV_CAPABILITY_PROFILE.lower() not in (
                profiles
            ):
                raise self.fail(
                    ("cloud", index, "capability_profiles"),
                    "a cloud declared for protection (disaster_recovery_supported = true) "
                    "must have the Hyper-V capability profile",
                )

    def _group_ancestry(self, group: str) -> set[str]:
        groups = self.by_name("host_group")
        found: set[str] = set()
        cursor: str | None = group.lower()
        while cursor is not None and cursor not in found:
            found.add(cursor)
            parent = groups[cursor]["parent"]
            cursor = parent.lower() if parent else None
        return found

    def _vms(self) -> None:
        hosts = self.by_name("host")
        clouds = self.by_name("cloud")
        vm_networks = self.by_name("vm_network")
        logical = self.by_name("logical_network")
        taken: dict[str, tuple[Any, ...]] = {}
        automatic: dict[str, list[tuple[Any, ...]]] = {}
        macs: dict[str, tuple[Any, ...]] = {}
        for index, vm in enumerate(self.topology.items("vm")):
            where = ("vm", index)
            host = hosts[vm["host"].lower()]
            vmm = self.vmm_of_group[host["host_group"].lower()]
            if vm["cloud"] is not None:
                cloud = clouds[vm["cloud"].lower()]
                ancestry = self._group_ancestry(host["host_group"])
                if not ancestry & {g.lower() for g in cloud["host_groups"]}:
                    raise self.fail(
                        (*where, "cloud"),
                        f"host '{host['name']}' is not in any host group of cloud "
                        f"'{cloud['name']}'",
                    )
            for d, disk in enumerate(vm["disks"]):
                if disk["used_gb"] is not None and disk["used_gb"] > disk["size_gb"]:
                    raise self.fail(
                        (*where, "disks", d, "used_gb"),
                        f"{disk['used_gb']:g} GB used is more than the disk's "
                        f"{disk['size_gb']:g} GB",
                    )
                if disk["classification"] is not None:
                    self._classification_on(
                        (*where, "disks", d, "classification"), disk["classification"], vmm
                    )
                    if not any(
                        (v["classification"] or "").lower() == disk["classification"].lower()
                        for v in host["volumes"]
                    ):
                        raise self.fail(
                            (*where, "disks", d, "classification"),
                            f"host '{host['name']}' has no volume of classification "
                            f"'{disk['classification']}'",
                        )
            for n, nic in enumerate(vm["nics"]):
                nic_where = (*where, "nics", n)
                if nic["mac"] is not None:
                    if not re.fullmatch(r"(?:[0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}", nic["mac"]):
                        raise self.fail((*nic_where, "mac"), f"'{nic['mac']}' is not a MAC address")
                    mac = re.sub(r"[:-]", "", nic["mac"]).upper()
                    if mac in macs:
                        raise self.fail(
                            (*nic_where, "mac"),
                            f"{nic['mac']} is already used by {_dotted(macs[mac])}",
                        )
                    macs[mac] = nic_where
                if nic["vm_network"] is None:
                    if nic["ip"] is not None:
                        raise self.fail(
                            (*nic_where, "ip"), "a NIC without a vm_network has no IP pool"
                        )
                    continue
                network = vm_networks[nic["vm_network"].lower()]
                network_vmm = logical[network["logical_network"].lower()]["vmm_server"]
                self._same_vmm(
                    (*nic_where, "vm_network"), f"VM network '{network['name']}'", vmm, network_vmm
                )
                if vm["cloud"] is not None:
                    cloud = clouds[vm["cloud"].lower()]
                    allowed = {ln.lower() for ln in cloud["logical_networks"]}
                    if allowed and network["logical_network"].lower() not in allowed:
                        raise self.fail(
                            (*nic_where, "vm_network"),
                            f"VM network '{network['name']}' uses logical network "
                            f"'{network['logical_network']}', which cloud '{cloud['name']}' "
                            "does not offer",
                        )
                if nic["ip"] is not None:
                    address = self._address((*nic_where, "ip"), nic["ip"])
                    pools = self.pools.get(network["name"].lower(), [])
                    if not any(_in_range(address, pool) for _, pool in pools):
                        raise self.fail(
                            (*nic_where, "ip"),
                            f"{address} is outside every IP pool of VM network '{network['name']}'",
                        )
                    if str(address) in taken:
                        raise self.fail(
                            (*nic_where, "ip"),
                            f"{address} is already assigned to {_dotted(taken[str(address)])}",
                        )
                    taken[str(address)] = nic_where
                elif self.pools.get(network["name"].lower()):
                    automatic.setdefault(network["name"].lower(), []).append(nic_where)
        for network_name, nics in automatic.items():
            ranges = [pool for _, pool in self.pools[network_name]]
            in_use = sum(
                1
                for address in taken
                if any(_in_range(ipaddress.IPv4Address(address), pool) for pool in ranges)
            )
            free = sum(_range_size(pool) for pool in ranges) - in_use
            if len(nics) > free:
                raise self.fail(
                    (*nics[max(free, 0)], "vm_network"),
                    f"the IP pools of VM network '{vm_networks[network_name]['name']}' have "
                    f"{free} free addresses, fewer than the {len(nics)} NICs that need one",
                )

    def _dns(self) -> None:
        seen: set[tuple[str, str, str, str]] = set()
        for index, record in enumerate(self.topology.items("dns_record")):
            where = ("dns_record", index, "data")
            if record["type"] == "A":
                self._address(where, record["data"])
            elif record["type"] == "AAAA":
                try:
                    ipaddress.IPv6Address(record["data"])
                except ValueError:
                    raise self.fail(where, f"'{record['data']}' is not an IPv6 address") from None
            key = (
                record["zone"].lower(),
                record["name"].lower(),
                record["type"],
                record["data"].lower(),
            )
            if key in seen:
                raise self.fail(where, "the same record is defined twice")
            seen.add(key)

    def _links(self) -> None:
        for index, link in enumerate(self.topology.items("link")):
            sites = [s.lower() for s in link["sites"]]
            if len(sites) != 2 or sites[0] == sites[1]:
                raise self.fail(
                    ("link", index, "sites"), "a link joins exactly two different sites"
                )


def _in_range(address: ipaddress.IPv4Address, pool: Table) -> bool:
    first = ipaddress.IPv4Address(pool["range_start"])
    last = ipaddress.IPv4Address(pool["range_end"])
    return first <= address <= last


def _range_size(pool: Table) -> int:
    first = ipaddress.IPv4Address(pool["range_start"])
    last = ipaddress.IPv4Address(pool["range_end"])
    return int(last) - int(first) + 1


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


def reference_markdown() -> str:
    """The key reference of docs/topology.md, made from SECTIONS so the two cannot drift."""
    lines = [
        "# Topology file reference",
        "",
        "Generated from `asrsim.sim.topology.SECTIONS` by `python -m asrsim.sim.topology`;",
        "a test fails when this file and the loader disagree. `[world]` is a table; every",
        "other section is an array of tables (`[[vm]]`). Objects refer to each other by name,",
        "compared case-insensitively. Storage classification names are per VMM server.",
        "",
    ]
    for section, keys in SECTIONS.items():
        header = f"[{section}]" if section == "world" else f"[[{section}]]"
        lines += [
            f"## `{header}`",
            "",
            "| key | type | required | default | notes |",
            "| --- | --- | --- | --- | --- |",
        ]
        for key, spec in keys.items():
            lines.append(_reference_row(key, spec))
            for sub, sub_spec in (spec.table or {}).items():
                lines.append(_reference_row(f"{key}[].{sub}", sub_spec))
        lines.append("")
    return "\n".join(lines)


def _reference_row(key: str, spec: Key) -> str:
    notes = [spec.doc] if spec.doc else []
    if spec.ref:
        notes.append(f"name of a `{spec.ref}`")
    if spec.choices:
        notes.append("one of " + ", ".join(f"`{c}`" for c in spec.choices))
    if spec.minimum is not None:
        notes.append(f"at least {spec.minimum:g}")
    if spec.maximum is not None:
        notes.append(f"at most {spec.maximum:g}")
    default = "" if spec.required or spec.default in (None, "", []) else f"`{spec.default}`"
    kind = {"names": "array of strings", "tables": "array of inline tables"}.get(
        spec.kind, spec.kind
    )
    return (
        f"| `{key}` | {kind} | {'yes' if spec.required else ''} | {default} | {'; '.join(notes)} |"
    )


if __name__ == "__main__":
    Path("docs").mkdir(exist_ok=True)
    Path("docs/topology.md").write_text(reference_markdown() + "\n", encoding="utf-8")
