"""Starting and stopping VMs: the one place VM power state changes.

VMM and Hyper-V see the same VM, so Start-SCVirtualMachine and Start-VM both come here;
VMM's cmdlets also record a job (Get-SCJob), Hyper-V's do not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from asrsim.sim.errors import InvalidState
from asrsim.sim.fabric import Host, HostGroup
from asrsim.sim.rng import new_guid
from asrsim.sim.simulation import Simulation, Transaction
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vms import VirtualMachine

StopMode = Literal["turnoff", "shutdown", "save"]

#: the VMM states each action may start from (VMComputerSystemState)
_CAN_START = ("PowerOff", "Saved", "Paused")
_CAN_STOP = ("Running", "Paused")
_CAN_SAVE = ("Running", "Paused")
_CAN_PAUSE = ("Running",)
_CAN_RESUME = ("Paused",)
#: VMM's Stop-SCVirtualMachine -DiscardSavedState: a saved VM loses its memory and is off
_CAN_DISCARD = ("Saved",)


def _vmm_server_of(tx: Transaction, vm: VirtualMachine) -> str:
    host = tx.registry.get(Host, vm.host_id)
    return tx.registry.get(HostGroup, host.host_group_id).vmm_server_id


def _record_job(tx: Transaction, vm: VirtualMachine, job_name: str | None) -> VMMJob | None:
    if job_name is None:
        return None
    job = VMMJob(id=new_guid(tx.rng), name=job_name, vmm_server_id=_vmm_server_of(tx, vm),
                 target_id=vm.id, target_name=vm.name, status="Completed", progress=100,
                 started=tx.now, ended=tx.now)
    tx.create(job)
    return job


def _change(simulation: Simulation, vm_id: str, action: str, allowed: tuple[str, ...],
            status: str, job_name: str | None) -> tuple[VirtualMachine, VMMJob | None]:
    with simulation.write() as tx:
        vm = tx.registry.get(VirtualMachine, vm_id)
        if vm.status not in allowed:
            raise InvalidState(f"{action} virtual machine {vm.name}", vm.status, list(allowed))
        # Uptime counts from a start (or resume from off/saved); pausing keeps it running
        started = vm.started
        if status == "Running" and vm.status in ("PowerOff", "Saved"):
            started = tx.now
        elif status in ("PowerOff", "Saved"):
            started = None
        changed = replace(vm, status=status, started=started)
        tx.update(changed)
        job = _record_job(tx, changed, job_name)
    return changed, job


def start(simulation: Simulation, vm_id: str, *, job_name: str | None = None
          ) -> tuple[VirtualMachine, VMMJob | None]:
    return _change(simulation, vm_id, "start", _CAN_START, "Running", job_name)


def stop(simulation: Simulation, vm_id: str, mode: StopMode = "turnoff", *,
         job_name: str | None = None) -> tuple[VirtualMachine, VMMJob | None]:
    if mode == "save":
        return _change(simulation, vm_id, "save", _CAN_SAVE, "Saved", job_name)
    return _change(simulation, vm_id, "stop", _CAN_STOP, "PowerOff", job_name)


def pause(simulation: Simulation, vm_id: str, *, job_name: str | None = None
          ) -> tuple[VirtualMachine, VMMJob | None]:
    return _change(simulation, vm_id, "pause", _CAN_PAUSE, "Paused", job_name)


def resume(simulation: Simulation, vm_id: str, *, job_name: str | None = None
           ) -> tuple[VirtualMachine, VMMJob | None]:
    return _change(simulation, vm_id, "resume", _CAN_RESUME, "Running", job_name)


def discard_saved_state(simulation: Simulation, vm_id: str, *, job_name: str | None = None
                        ) -> tuple[VirtualMachine, VMMJob | None]:
    """Throw away a saved VM's memory image: it is off afterwards (VMM's -DiscardSavedState,
    Hyper-V's Remove-VMSavedState)."""
    return _change(simulation, vm_id, "discard the saved state of", _CAN_DISCARD, "PowerOff",
                   job_name)
