"""Virtual machines with their virtual hard disks and network adapters."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from asrsim.sim.entity import Entity

#: VMM's VMComputerSystemState values a world may start a VM in.
VM_STATUSES = ("Running", "PowerOff", "Paused", "Saved")
#: Hyper-V's OUI: the MAC addresses Hyper-V hands out start with it.
HYPERV_MAC_PREFIX = "00:15:5D"


@dataclasses.dataclass(frozen=True, kw_only=True)
class VirtualMachine(Entity):
    """A VM as VMM knows it; ``hyperv_id`` is Hyper-V's own VMId, ``id`` is VMM's ID."""

    KIND = "vm"
    PARENT = "host_id"
    REF = "cloud_id"
    host_id: str
    cloud_id: str | None = None
    hyperv_id: str
    status: str = "Running"
    cpu_count: int = 1
    memory_mb: int = 1024
    operating_system: str = ""
    generation: int = 1
    #: how fast the guest writes new data; drives replication log sizes and transfer times
    churn_mb_per_hour: float = 0.0
    description: str = ""
    #: when the VM last started running (Hyper-V's Uptime counts from it); None while off
    started: datetime | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class VirtualHardDisk(Entity):
    """A VHDX attached to a VM; its ``name`` is the file name."""

    KIND = "virtual_hard_disk"
    PARENT = "vm_id"
    REF = "volume_id"
    vm_id: str
    path: str
    size_bytes: int
    used_bytes: int
    volume_id: str | None = None
    classification_id: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class NetworkAdapter(Entity):
    KIND = "network_adapter"
    PARENT = "vm_id"
    REF = "vm_network_id"
    vm_id: str
    mac_address: str
    vm_network_id: str | None = None
