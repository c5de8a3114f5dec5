"""VMM jobs: what Get-SCJob lists. Every VMM action that changes the estate runs as one."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from asrsim.sim.entity import Entity

#: VMM's JobState values
JOB_STATES = ("NotStarted", "Running", "Completed", "Failed", "Canceled", "SucceedWithInfo")


@dataclasses.dataclass(frozen=True, kw_only=True)
class VMMJob(Entity):
    """A VMM job; ``name`` is its Name ("Start virtual machine"), ``target`` what it acted on."""

    KIND = "vmm_job"
    PARENT = "vmm_server_id"
    REF = "target_id"
    vmm_server_id: str
    target_id: str | None = None
    target_name: str = ""
    status: str = "Completed"
    progress: int = 100
    started: datetime | None = None
    ended: datetime | None = None
    owner: str = "CONTOSO\\admin"
    error_info: str = ""
