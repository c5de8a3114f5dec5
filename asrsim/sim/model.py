"""Every kind of object the world holds, by its store name."""

from __future__ import annotations

from asrsim.sim.dns import DnsRecord, DnsServer, DnsZone
from asrsim.sim.entity import Entity
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, Site, VMMServer
from asrsim.sim.network import (
    AllocatedIPAddress,
    IPPool,
    LogicalNetwork,
    SiteLink,
    VMNetwork,
)
from asrsim.sim.storage import StorageClassification, Volume
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine

#: In dependency order: an object's parent's kind comes before it, which is the order a new
#: world is written in and the order ``world show`` reports counts in.
ENTITY_TYPES: tuple[type[Entity], ...] = (
    Site,
    VMMServer,
    HostGroup,
    HostCluster,
    Host,
    StorageClassification,
    Volume,
    LogicalNetwork,
    VMNetwork,
    IPPool,
    Cloud,
    VirtualMachine,
    VirtualHardDisk,
    NetworkAdapter,
    AllocatedIPAddress,
    DnsServer,
    DnsZone,
    DnsRecord,
    SiteLink,
    VMMJob,
)

KINDS: dict[str, type[Entity]] = {cls.KIND: cls for cls in ENTITY_TYPES}


def entity_type(kind: str) -> type[Entity]:
    try:
        return KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown object kind '{kind}'") from None
