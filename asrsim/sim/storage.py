"""Storage classifications and the host volumes that carry them."""

from __future__ import annotations

import dataclasses

from asrsim.sim.entity import Entity


@dataclasses.dataclass(frozen=True, kw_only=True)
class StorageClassification(Entity):
    KIND = "storage_classification"
    PARENT = "vmm_server_id"
    vmm_server_id: str
    description: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Volume(Entity):
    """A host volume (local disk, CSV or SMB share); its ``name`` is its path."""

    KIND = "volume"
    PARENT = "host_id"
    REF = "classification_id"
    host_id: str
    capacity_bytes: int
    classification_id: str | None = None
