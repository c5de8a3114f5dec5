"""What a topology file may say: its sections and keys, and the reference made from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asrsim.sim.clock import CLOCK_MODES
from asrsim.sim.dns import RECORD_TYPES
from asrsim.sim.fabric import CAPABILITY_PROFILES, HOST_OPERATING_SYSTEMS, VMM_VERSIONS
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


def reference_markdown() -> str:
    """The key reference of docs/topology.md, made from SECTIONS so the two cannot drift."""
    lines = [
        "# Topology file reference",
        "",
        "Generated from `asrsim.sim.topology_schema.SECTIONS` by",
        "`python -m asrsim.sim.topology_schema`;",
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
