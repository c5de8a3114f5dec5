"""Logical networks, VM networks, static IP pools, allocated addresses, and the site link."""

from __future__ import annotations

import dataclasses

from asrsim.sim.entity import Entity


@dataclasses.dataclass(frozen=True, kw_only=True)
class LogicalNetwork(Entity):
    KIND = "logical_network"
    PARENT = "vmm_server_id"
    vmm_server_id: str
    description: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class VMNetwork(Entity):
    KIND = "vm_network"
    PARENT = "logical_network_id"
    logical_network_id: str
    vmm_server_id: str
    description: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class IPPool(Entity):
    """A VMM static IP address pool: addresses ``range_start``..``range_end`` of ``subnet``."""

    KIND = "ip_pool"
    PARENT = "vm_network_id"
    vm_network_id: str
    subnet: str
    range_start: str
    range_end: str
    gateway: str | None = None
    dns_servers: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class AllocatedIPAddress(Entity):
    """An address VMM handed out of a pool; its ``name`` is the address itself.

    ``granted_to_id`` is what ``Get-SCIPAddress -GrantToObjectID`` matches: the network
    adapter the address is assigned to.
    """

    KIND = "ip_address"
    PARENT = "pool_id"
    REF = "granted_to_id"
    pool_id: str
    granted_to_id: str | None = None
    description: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class SiteLink(Entity):
    """The WAN between two sites that replication traffic crosses."""

    KIND = "site_link"
    PARENT = "site_a_id"
    REF = "site_b_id"
    site_a_id: str
    site_b_id: str
    bandwidth_mbps: float
    latency_ms: float = 0.0
