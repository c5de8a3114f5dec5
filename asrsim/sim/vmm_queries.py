"""Reading the estate as a VMM server sees it: which server manages a host, the hosts of a
host group, the VMs of a cloud or host, the addresses granted to an adapter.

Reads only; changes go through the operations modules (``vm_power``, ``vm_placement`` ...).
A ``FabricIndex`` loads the fabric (VMM servers, host groups, clusters, hosts, clouds) once,
so that answering "which VMM server manages this VM" for ten thousand VMs costs no query per
VM; the VMs themselves are read through the registry's indexes (by name, host, cloud).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from asrsim.sim.errors import NotFound
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, VMMServer
from asrsim.sim.network import AllocatedIPAddress, IPPool, LogicalNetwork, VMNetwork
from asrsim.sim.registry import Registry
from asrsim.sim.storage import StorageClassification
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine


class FabricIndex:
    """The fabric of a world, read once: servers, host groups, clusters, hosts and clouds by
    id, and the VMM server each belongs to."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.servers = {s.id: s for s in registry.all(VMMServer)}
        self.groups = {g.id: g for g in registry.all(HostGroup)}
        self.clusters = {c.id: c for c in registry.all(HostCluster)}
        self.hosts = {h.id: h for h in registry.all(Host)}
        self.clouds = {c.id: c for c in registry.all(Cloud)}

    # -- which VMM server ----------------------------------------------------------------

    def server_of_group(self, group: HostGroup) -> VMMServer:
        return self.servers[group.vmm_server_id]

    def server_id_of_host(self, host: Host) -> str:
        return self.groups[host.host_group_id].vmm_server_id

    def server_of_host(self, host: Host) -> VMMServer:
        return self.servers[self.server_id_of_host(host)]

    def server_id_of_vm(self, vm: VirtualMachine) -> str | None:
        """The VMM server that manages the VM's host (None for a VM whose host is gone)."""
        host = self.hosts.get(vm.host_id)
        return None if host is None else self.server_id_of_host(host)

    def server_id_of_cluster(self, cluster: HostCluster) -> str:
        return self.groups[cluster.host_group_id].vmm_server_id

    # -- host groups ---------------------------------------------------------------------

    def root_group(self, server_id: str) -> HostGroup | None:
        """The server's "All Hosts" group: the one without a parent."""
        return next((g for g in self.groups.values()
                     if g.vmm_server_id == server_id and g.parent_group_id is None), None)

    def child_groups(self, group_id: str) -> list[HostGroup]:
        return [g for g in self.groups.values() if g.parent_group_id == group_id]

    def group_and_descendants(self, group_id: str) -> list[HostGroup]:
        """The group and every group below it, parents before children."""
        found: list[HostGroup] = []
        queue = [group_id]
        seen: set[str] = set()
        while queue:
            current = queue.pop(0)
            if current in seen or current not in self.groups:
                continue
            seen.add(current)
            found.append(self.groups[current])
            queue.extend(g.id for g in self.child_groups(current))
        return found

    def ancestry(self, group_id: str) -> list[str]:
        """The group's id and its ancestors' ids, nearest first."""
        chain: list[str] = []
        cursor: str | None = group_id
        while cursor is not None and cursor not in chain and cursor in self.groups:
            chain.append(cursor)
            cursor = self.groups[cursor].parent_group_id
        return chain

    # -- hosts ---------------------------------------------------------------------------

    def hosts_in_group(self, group_id: str, *, recursive: bool = True) -> list[Host]:
        """The hosts of a host group (and, by default, of the groups below it)."""
        groups = ({g.id for g in self.group_and_descendants(group_id)} if recursive
                  else {group_id})
        return [h for h in self.hosts.values() if h.host_group_id in groups]

    def hosts_of_server(self, server_id: str) -> list[Host]:
        return [h for h in self.hosts.values() if self.server_id_of_host(h) == server_id]

    def hosts_of_cluster(self, cluster_id: str) -> list[Host]:
        return [h for h in self.hosts.values() if h.cluster_id == cluster_id]

    def clouds_of_host(self, host: Host) -> list[Cloud]:
        """The clouds whose host groups hold the host, directly or through a parent group."""
        chain = set(self.ancestry(host.host_group_id))
        return [c for c in self.clouds.values() if chain & set(c.host_group_ids)]

    def clouds_of_group(self, group_id: str) -> list[Cloud]:
        """The clouds that offer a host group: those holding it or one of its ancestors."""
        chain = set(self.ancestry(group_id))
        return [c for c in self.clouds.values() if chain & set(c.host_group_ids)]


# -- virtual machines ----------------------------------------------------------------------


def vms_of_host(registry: Registry, host_id: str) -> list[VirtualMachine]:
    return registry.children(VirtualMachine, host_id)


def vms_of_cloud(registry: Registry, cloud_id: str) -> list[VirtualMachine]:
    return registry.referring(VirtualMachine, cloud_id)


def vm_by_id(registry: Registry, vm_id: str) -> VirtualMachine | None:
    try:
        return registry.get(VirtualMachine, vm_id)
    except NotFound:
        return None


def disks_of(registry: Registry, vm_id: str) -> list[VirtualHardDisk]:
    return registry.children(VirtualHardDisk, vm_id)


def adapters_of(registry: Registry, vm_id: str) -> list[NetworkAdapter]:
    return registry.children(NetworkAdapter, vm_id)


# -- networks and addresses ----------------------------------------------------------------


def addresses_granted_to(registry: Registry, object_id: str) -> list[AllocatedIPAddress]:
    """The addresses VMM has granted to an object (a virtual network adapter)."""
    return registry.referring(AllocatedIPAddress, object_id)


def addresses_of_pool(registry: Registry, pool_id: str) -> list[AllocatedIPAddress]:
    return registry.children(AllocatedIPAddress, pool_id)


def pools_of_network(registry: Registry, vm_network_id: str) -> list[IPPool]:
    return registry.children(IPPool, vm_network_id)


def networks_of_logical_network(registry: Registry, logical_id: str) -> list[VMNetwork]:
    return registry.children(VMNetwork, logical_id)


def server_id_of_pool(registry: Registry, pool: IPPool) -> str | None:
    try:
        return registry.get(VMNetwork, pool.vm_network_id).vmm_server_id
    except NotFound:
        return None


def pool_size(pool: IPPool) -> int:
    """How many addresses the pool's range holds (both ends included)."""
    low = int(ipaddress.ip_address(pool.range_start))
    high = int(ipaddress.ip_address(pool.range_end))
    return max(0, high - low + 1)


def logical_networks_of_server(registry: Registry, server_id: str) -> list[LogicalNetwork]:
    return registry.children(LogicalNetwork, server_id)


def classifications_of_server(registry: Registry,
                              server_id: str) -> list[StorageClassification]:
    return registry.children(StorageClassification, server_id)


# -- jobs ----------------------------------------------------------------------------------


def jobs_of(registry: Registry, server_ids: Iterable[str] | None) -> list[VMMJob]:
    """The VMM jobs of some servers (None: every server), oldest first."""
    if server_ids is None:
        jobs = registry.all(VMMJob)
    else:
        jobs = [j for s in server_ids for j in registry.children(VMMJob, s)]
    return sorted(jobs, key=_job_time)


def _job_time(job: VMMJob) -> float:
    return job.started.timestamp() if job.started is not None else float("-inf")


__all__ = [
    "FabricIndex",
    "adapters_of",
    "addresses_granted_to",
    "addresses_of_pool",
    "classifications_of_server",
    "disks_of",
    "jobs_of",
    "logical_networks_of_server",
    "networks_of_logical_network",
    "pool_size",
    "pools_of_network",
    "server_id_of_pool",
    "vm_by_id",
    "vms_of_cloud",
    "vms_of_host",
]
