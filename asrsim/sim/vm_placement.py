"""Moving a VM to another host and network, as a failover does to the VM that comes up on
the recovery site: it runs on a recovery host, in the recovery cloud, connected to the VM
network that network mapping names, with an address from that network's pool."""

from __future__ import annotations

from dataclasses import replace

from asrsim.sim import ip_allocation
from asrsim.sim.errors import SimError
from asrsim.sim.fabric import Cloud, Host, HostGroup
from asrsim.sim.network import AllocatedIPAddress, VMNetwork
from asrsim.sim.simulation import Simulation
from asrsim.sim.vms import NetworkAdapter, VirtualMachine


class PlacementError(SimError):
    error_id = "InvalidPlacement"
    category = "InvalidArgument"


def _cloud_for(host: Host, clouds: list[Cloud], groups: dict[str, HostGroup]) -> Cloud | None:
    """The cloud whose host groups hold the host (directly or through a parent group)."""
    ancestry: set[str] = set()
    cursor: str | None = host.host_group_id
    while cursor is not None and cursor not in ancestry:
        ancestry.add(cursor)
        cursor = groups[cursor].parent_group_id if cursor in groups else None
    return next((c for c in clouds if ancestry & set(c.host_group_ids)), None)


def move(simulation: Simulation, vm_id: str, host_id: str,
         vm_network_id: str | None) -> tuple[VirtualMachine, list[AllocatedIPAddress]]:
    """Put a VM on ``host_id``, its adapters on ``vm_network_id`` (None: disconnected), in
    the cloud that holds that host; old addresses go back to their pools and new ones come
    from the new network's. Returns the moved VM and its new addresses."""
    with simulation.write() as tx:
        registry = tx.registry
        vm = registry.get(VirtualMachine, vm_id)
        host = registry.get(Host, host_id)
        target_group = registry.get(HostGroup, host.host_group_id)
        if vm_network_id is not None:
            network = registry.get(VMNetwork, vm_network_id)
            if network.vmm_server_id != target_group.vmm_server_id:
                raise PlacementError(
                    f"VM network '{network.name}' is not on the VMM server that manages "
                    f"host '{host.name}'")
        groups = {g.id: g for g in registry.all(HostGroup)}
        clouds = registry.children(Cloud, target_group.vmm_server_id)
        cloud = _cloud_for(host, clouds, groups)
        moved = replace(vm, host_id=host.id, cloud_id=cloud.id if cloud else None)
        tx.update(moved)
        addresses: list[AllocatedIPAddress] = []
        for adapter in registry.children(NetworkAdapter, vm.id):
            ip_allocation.release(tx, adapter.id)
            tx.update(replace(adapter, vm_network_id=vm_network_id))
            if vm_network_id is not None:
                allocated = ip_allocation.allocate(tx, vm_network_id, adapter.id,
                                                   f"{vm.name} {adapter.name}")
                if allocated is not None:
                    addresses.append(allocated)
    return moved, addresses
