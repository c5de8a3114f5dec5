"""System Center Virtual Machine Manager's cmdlets: the VirtualMachineManager module.

The cmdlets read the simulated estate as a VMM console would: VMM servers, host groups,
hosts and clusters, clouds, VMs with their disks and adapters, logical and VM networks, static
IP pools and the addresses they granted, storage classifications, and VMM jobs; and they
start, stop, pause and resume VMs through ``asrsim.sim.vm_power``, which records the VMM job.

Which VMM server a cmdlet acts on. VMM remembers one connection per session: after
``Get-SCVMMServer``, every cmdlet without ``-VMMServer`` acts on that server (the docs: "all
future commands ... will automatically use the existing connection"). Before any
``Get-SCVMMServer``, a real shell would prompt or fail; asrsim acts on the whole estate
(every VMM server of the world) instead, which is what a simulator user expects of
``Get-SCVirtualMachine`` typed first thing. ``-VMMServer`` on a cmdlet always wins.

Sources: parameter sets, positions and aliases are those of Microsoft's help
(``MicrosoftDocs/systemcenter-docs-powershell``, VirtualMachineManager/vlatest). Object
property names come from real VMM output where one was found (a ServerConnection, VM,
VirtualNetworkAdapter and VirtualHardDisk serialized by ManageIQ's SCVMM provider from VMM
2012 R2; job properties from Service Provider Foundation's Job entity). What could not be
confirmed is marked *inferred* where it is defined.

Errors are VMM's: the message ends in ``(Error ID: N)``, the FullyQualifiedErrorId is
``N,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.<Class>`` and the category
``ReadError`` with a ``CarmineException`` (as a real VMM 2012 R2 error record shows). The
cmdlet class names after the id are *inferred*.
"""

from __future__ import annotations

import ipaddress
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from asrsim.lang import conversions
from asrsim.lang.commands import ALL_SETS, Cmdlet, Parameter
from asrsim.lang.errors import RuntimeException
from asrsim.lang.psobject import PSObject, PSScriptProperty
from asrsim.sim.errors import NotFound, SimError
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, VMMServer
from asrsim.sim.network import AllocatedIPAddress, IPPool, LogicalNetwork, VMNetwork
from asrsim.sim.storage import StorageClassification, Volume
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vmm_queries import (
    FabricIndex,
    adapters_of,
    addresses_granted_to,
    addresses_of_pool,
    disks_of,
    jobs_of,
    pool_size,
    pools_of_network,
    server_id_of_pool,
    vm_by_id,
    vms_of_cloud,
    vms_of_host,
)
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine
from cmdlets.backends.local import sim_error, world_of

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime
    from asrsim.sim.registry import Registry
    from asrsim.sim.simulation import Simulation

MODULE_NAME = "VirtualMachineManager"

_NS = "Microsoft.SystemCenter.VirtualMachineManager"
# type names: VM, Host, HostGroup, HostCluster, Cloud, VMNetwork, LogicalNetwork,
# StaticIPAddressPool, StorageClassification, VirtualHardDisk, AllocatedIPAddress, Task and
# Remoting.ServerConnection appear in public scripts and help; VirtualNetworkAdapter,
# OperatingSystem, UserRole and DefaultGateway are *inferred* from the cmdlets' type names
SERVER_CONNECTION = f"{_NS}.Remoting.ServerConnection"
VM_TYPE = f"{_NS}.VM"
HOST_TYPE = f"{_NS}.Host"
HOST_GROUP_TYPE = f"{_NS}.HostGroup"
HOST_CLUSTER_TYPE = f"{_NS}.HostCluster"
CLOUD_TYPE = f"{_NS}.Cloud"
VM_NETWORK_TYPE = f"{_NS}.VMNetwork"
LOGICAL_NETWORK_TYPE = f"{_NS}.LogicalNetwork"
POOL_TYPE = f"{_NS}.StaticIPAddressPool"
ADDRESS_TYPE = f"{_NS}.AllocatedIPAddress"
CLASSIFICATION_TYPE = f"{_NS}.StorageClassification"
ADAPTER_TYPE = f"{_NS}.VirtualNetworkAdapter"
DISK_TYPE = f"{_NS}.VirtualHardDisk"
TASK_TYPE = f"{_NS}.Task"
OS_TYPE = f"{_NS}.OperatingSystem"
USER_ROLE_TYPE = f"{_NS}.UserRole"
GATEWAY_TYPE = f"{_NS}.DefaultGateway"
_PLAIN_TYPES = (VM_TYPE, HOST_GROUP_TYPE, HOST_CLUSTER_TYPE, CLOUD_TYPE, VM_NETWORK_TYPE,
                LOGICAL_NETWORK_TYPE, POOL_TYPE, ADDRESS_TYPE, CLASSIFICATION_TYPE,
                ADAPTER_TYPE, DISK_TYPE, TASK_TYPE, OS_TYPE, USER_ROLE_TYPE, GATEWAY_TYPE)

#: the exception class of every VMM error record ("ReadError: (:) [...], CarmineException")
CARMINE = "Microsoft.VirtualManager.Utils.CarmineException"
_CMDLETS_NS = f"{_NS}.Cmdlets"
_ON_BEHALF = ("OnBehalfOfUser", "OnBehalfOfUserRole")

#: VMM's ProductVersion and ServerInterfaceVersion per release. 2012 R2's database version
#: 3.2.7510.0 and interface 2.1.0 are from a real server; the others are *inferred*.
_PRODUCT_VERSIONS = {
    "2012": ("3.0.6005.0", "2.0.0"),
    "2012 SP1": ("3.1.6011.0", "2.0.0"),
    "2012 R2": ("3.2.7510.0", "2.1.0"),
    "2016": ("4.0.1662.0", "2.2.0"),
}
#: Hyper-V's version on each host OS (the RTM builds; *inferred*)
_HYPERV_VERSIONS = {
    "Windows Server 2012": "6.2.9200.16384",
    "Windows Server 2012 R2": "6.3.9600.16384",
}
#: VMComputerSystemState -> the text the VMM console shows (StatusString; *inferred*)
_STATUS_STRINGS = {"Running": "Running", "PowerOff": "Stopped", "Paused": "Paused",
                   "Saved": "Saved State"}
#: VMM job names (the "<verb> virtual machine" pattern of real jobs such as "Create virtual
#: machine"; the exact words of the stop variants are *inferred*) and their cmdlets
_JOB_CMDLETS = {
    "Start virtual machine": "Start-SCVirtualMachine",
    "Stop virtual machine": "Stop-SCVirtualMachine",
    "Shut down virtual machine": "Stop-SCVirtualMachine",
    "Save state virtual machine": "Stop-SCVirtualMachine",
    "Discard saved state virtual machine": "Stop-SCVirtualMachine",
    "Pause virtual machine": "Suspend-SCVirtualMachine",
    "Resume virtual machine": "Resume-SCVirtualMachine",
}
_JOB_TARGET_TYPES = {"vm": "Virtual Machine", "host": "Host", "cloud": "Cloud",
                     "host_group": "Host Group"}
#: Get-SCJob without -Newest or -All lists the jobs of the last day (*inferred*)
_DEFAULT_JOB_HOURS = 24
#: VMM's default Tag of an object nobody tagged
_NO_TAG = "(none)"


# =============================================================================================
# per-session state
# =============================================================================================


@dataclass
class VMMSessionState:
    """What the module remembers for one session (kept in the runtime's module_state)."""

    #: the VMM server of the last Get-SCVMMServer: the default of every other cmdlet
    default_server_id: str | None = None
    #: the ServerConnection object Get-SCVMMServer returned for each server
    connections: dict[str, PSObject] | None = None


def session_state(runtime: Runtime) -> VMMSessionState:
    state = runtime.module_state.get(MODULE_NAME)
    if not isinstance(state, VMMSessionState):
        state = VMMSessionState(connections={})
        runtime.module_state[MODULE_NAME] = state
    return state


# =============================================================================================
# small helpers
# =============================================================================================


def _guid(text: str | None) -> uuid.UUID | None:
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _id_text(value: Any) -> str:
    """An ID parameter's value as the world keeps ids (lower-case GUID text)."""
    return str(value).strip("{}").lower()


def _netbios(fqdn: str) -> str:
    """The NetBIOS domain of a computer's FQDN (vmm01.contoso.com -> CONTOSO); a computer
    outside a domain names its own accounts."""
    labels = fqdn.split(".")
    return (labels[1] if len(labels) > 1 else labels[0]).upper()


def _short(name: str) -> str:
    return name.split(".", 1)[0].casefold()


def _methods(text: str) -> dict[str, Callable[..., Any]]:
    """ToString() as VMM's client objects have it: their name."""
    return {"ToString": lambda *args: text}


def _obj(type_name: str, properties: Iterable[tuple[str, Any]], name: str) -> PSObject:
    return PSObject(list(properties), (type_name, "System.Object"), _methods(name))


def _lazy(name: str, compute: Callable[[], Any]) -> PSScriptProperty:
    """A property computed on first read and kept: collections a VM list need not build."""
    cache: list[Any] = []

    def get() -> Any:
        if not cache:
            cache.append(compute())
        return cache[0]

    return PSScriptProperty(name, get)


def _created(world: Simulation) -> datetime | None:
    """When the world's objects came to be: the world's creation (its clock's origin)."""
    text = world.meta("created")
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def find_server(registry: Registry, name: str) -> VMMServer | None:
    """A VMM server by FQDN or NetBIOS name, compared as Windows does (case-insensitive)."""
    found = registry.named(VMMServer, name)
    if found:
        return found[0]
    short = _short(name)
    return next((s for s in registry.all(VMMServer) if _short(s.name) == short), None)


def find_host(registry: Registry, name: str) -> Host | None:
    """A host by FQDN or NetBIOS name (Get-SCVMHost -ComputerName takes either)."""
    found = registry.named(Host, name)
    if found:
        return found[0]
    if "." in name:
        return None
    short = _short(name)
    return next((h for h in registry.all(Host) if _short(h.name) == short), None)


def _connect_error_text(name: str) -> str:
    return (f"Unable to connect to the VMM management server {name}. The Virtual Machine "
            "Manager service on that server did not respond. (Error ID: 1602)\n\n"
            "Verify that Virtual Machine Manager has been installed on the server and that the "
            "Virtual Machine Manager service is running. Then try to connect again. If the "
            "problem persists, restart the Virtual Machine Manager service.")


_STATE_ERROR = ("The selected action could not be completed because the virtual machine is "
                "not in a state in which the action is valid. (Error ID: 1730)")


# =============================================================================================
# output objects
# =============================================================================================


class Objects:
    """Builds the objects VMM's cmdlets output, from world entities, for one command: the
    fabric is read once and each host, group, cloud or connection object is made once."""

    def __init__(self, world: Simulation, state: VMMSessionState,
                 index: FabricIndex | None = None) -> None:
        self.world = world
        self.registry = world.registry
        self.state = state
        self.index = index or FabricIndex(world.registry)
        self.created = _created(world)
        self._cache: dict[tuple[str, str], PSObject] = {}

    def _cached(self, kind: str, key: str, make: Callable[[], PSObject]) -> PSObject:
        found = self._cache.get((kind, key))
        if found is None:
            found = self._cache[(kind, key)] = make()
        return found

    # -- connections ---------------------------------------------------------------------

    def connection(self, server_id: str) -> PSObject:
        """The ServerConnection objects of a server carry: the session's own when
        Get-SCVMMServer made one, else one named by the server's FQDN."""
        connections = self.state.connections or {}
        if server_id in connections:
            return connections[server_id]
        return self._cached("connection", server_id,
                            lambda: self.new_connection(self.index.servers[server_id]))

    def new_connection(self, server: VMMServer, typed: str | None = None, *,
                       user: str | None = None, role: str = "Administrator",
                       for_on_behalf_of: bool = False) -> PSObject:
        """A ServerConnection as Get-SCVMMServer returns it (property names from a real VMM
        2012 R2 connection; Name is the name the caller typed, FQDN the server's)."""
        product, interface = _PRODUCT_VERSIONS.get(server.version, ("", ""))
        domain = _netbios(server.name)
        role_object = _obj(USER_ROLE_TYPE, [
            ("Name", role), ("UserRoleProfile", role), ("Description", f"{role} User Role"),
            ("ID", uuid.uuid5(uuid.UUID(server.id), role)),
        ], role)
        managed = _obj(f"{_NS}.VMMManagedComputer", [
            ("Name", server.name), ("FQDN", server.name), ("ID", _guid(server.id)),
        ], server.name)
        shown = typed or server.name
        return _obj(SERVER_CONNECTION, [
            ("Name", shown),
            ("Port", server.port),
            ("IsConnected", True),
            ("ServerInterfaceVersion", interface),
            ("Profile", role),
            ("UserRole", role_object),
            ("UserRoleId", role_object.get("ID")),
            ("FullyQualifiedDomainName", server.name),
            ("FQDN", server.name),
            ("VMConnectDefaultPort", 2179),
            ("VMRCDefaultPort", 5900),
            ("DatabaseServerName", server.name),
            ("DatabaseInstanceName", "MSSQLSERVER"),
            ("DatabaseName", "VirtualManagerDB"),
            ("ConnectedUserName", user or f"{domain}\\admin"),
            ("ProductVersion", product),
            ("DatabaseVersion", product),
            ("ManagedComputer", managed),
            ("VMMServiceAccount", "LocalSystem"),
            ("IsHighlyAvailable", False),
            ("ForOnBehalfOf", for_on_behalf_of),
        ], shown)

    # -- fabric --------------------------------------------------------------------------

    def os(self, name: str) -> PSObject:
        text = name or "Unknown"
        return self._cached("os", text, lambda: _obj(OS_TYPE, [
            ("Name", text), ("Description", text),
            ("Architecture", "amd64" if name else None),
        ], text))

    def host_group(self, group_id: str) -> PSObject:
        return self._cached("group", group_id, lambda: self._make_group(group_id))

    def _make_group(self, group_id: str) -> PSObject:
        group = self.index.groups[group_id]
        parent = group.parent_group_id

        def children() -> list[PSObject]:
            return [self.host_group(g.id) for g in self.index.child_groups(group.id)]

        def all_groups() -> list[PSObject]:
            return [self.host_group(g.id)
                    for g in self.index.group_and_descendants(group.id)[1:]]

        def all_hosts() -> list[PSObject]:
            return [self.host(h.id) for h in self.index.hosts_in_group(group.id)]

        return _obj(HOST_GROUP_TYPE, [
            ("Name", group.name),
            ("Path", group.path),
            ("ParentHostGroup", self.host_group(parent)
             if parent is not None and parent in self.index.groups else None),
            ("IsRoot", parent is None),
            ("Description", ""),
            ("InheritNetworkSettings", True),
            ("ChildGroups", _lazy("ChildGroups", children)),
            ("AllChildGroups", _lazy("AllChildGroups", all_groups)),
            ("AllChildHosts", _lazy("AllChildHosts", all_hosts)),
            ("CreationDate", self.created),
            ("ID", _guid(group.id)),
            ("ServerConnection", self.connection(group.vmm_server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], group.name)

    def cluster(self, cluster_id: str) -> PSObject:
        return self._cached("cluster", cluster_id, lambda: self._make_cluster(cluster_id))

    def _make_cluster(self, cluster_id: str) -> PSObject:
        cluster = self.index.clusters[cluster_id]

        def nodes() -> list[PSObject]:
            return [self.host(h.id) for h in self.index.hosts_of_cluster(cluster.id)]

        return _obj(HOST_CLUSTER_TYPE, [
            ("Name", cluster.name),
            ("ClusterName", cluster.name),
            ("HostGroup", self.host_group(cluster.host_group_id)),
            ("Nodes", _lazy("Nodes", nodes)),
            ("VirtualizationPlatform", "HyperV"),
            ("Description", ""),
            ("ID", _guid(cluster.id)),
            ("ServerConnection", self.connection(self.index.server_id_of_cluster(cluster))),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], cluster.name)

    def host(self, host_id: str) -> PSObject:
        return self._cached("host", host_id, lambda: self._make_host(host_id))

    def _make_host(self, host_id: str) -> PSObject:
        host = self.index.hosts[host_id]
        registry = self.registry

        def vms() -> list[PSObject]:
            return [self.vm(v) for v in vms_of_host(registry, host.id)]

        def available_mb() -> int:
            used = sum(v.memory_mb for v in vms_of_host(registry, host.id)
                       if v.status in ("Running", "Paused"))
            return max(0, host.memory_mb - used)

        def volumes() -> list[str]:
            return [v.name for v in registry.children(Volume, host.id)]

        cluster = self.cluster(host.cluster_id) \
            if host.cluster_id is not None and host.cluster_id in self.index.clusters else None
        return _obj(HOST_TYPE, [
            ("Name", host.name),
            ("ComputerName", host.name),
            ("FullyQualifiedDomainName", host.name),
            ("Description", ""),
            ("OperatingSystem", self.os(host.operating_system)),
            ("OperatingSystemVersion", _HYPERV_VERSIONS.get(host.operating_system, "")),
            ("VirtualizationPlatform", "HyperV"),
            ("HyperVVersion", _HYPERV_VERSIONS.get(host.operating_system, "")),
            ("HyperVState", "Running"),
            ("OverallState", "OK"),
            ("CommunicationState", "Responding"),
            ("VMHostGroup", self.host_group(host.host_group_id)),
            ("HostCluster", cluster),
            ("LogicalProcessorCount", host.cpu_cores),
            ("TotalMemory", host.memory_mb * 1024 * 1024),
            ("AvailableMemory", _lazy("AvailableMemory", available_mb)),
            ("DiskVolumes", _lazy("DiskVolumes", volumes)),
            ("VMs", _lazy("VMs", vms)),
            ("VMPaths", [host.replica_storage_path]),
            ("ID", _guid(host.id)),
            ("ServerConnection", self.connection(self.index.server_id_of_host(host))),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], host.name)

    def cloud(self, cloud_id: str) -> PSObject:
        return self._cached("cloud", cloud_id, lambda: self._make_cloud(cloud_id))

    def _make_cloud(self, cloud_id: str) -> PSObject:
        cloud = self.index.clouds[cloud_id]
        registry = self.registry

        def networks() -> list[PSObject]:
            found = []
            for network_id in cloud.logical_network_ids:
                try:
                    found.append(self.logical_network(registry.get(LogicalNetwork, network_id)))
                except NotFound:
                    continue
            return found

        def classifications() -> list[PSObject]:
            found = []
            for item_id in cloud.storage_classification_ids:
                try:
                    found.append(self.classification(
                        registry.get(StorageClassification, item_id)))
                except NotFound:
                    continue
            return found

        return _obj(CLOUD_TYPE, [
            ("Name", cloud.name),
            ("Description", cloud.description),
            ("HostGroup", [self.host_group(g) for g in cloud.host_group_ids
                           if g in self.index.groups]),
            ("LogicalNetworks", _lazy("LogicalNetworks", networks)),
            ("StorageClassifications", _lazy("StorageClassifications", classifications)),
            ("CapabilityProfiles", list(cloud.capability_profiles)),
            # Set-SCCloud -DisasterRecoverySupported ("send configuration data about this
            # cloud to Azure Site Recovery"); the property's name is *inferred*
            ("DisasterRecoverySupported", cloud.disaster_recovery_supported),
            ("ID", _guid(cloud.id)),
            ("ServerConnection", self.connection(cloud.vmm_server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], cloud.name)

    # -- virtual machines ----------------------------------------------------------------

    def vm(self, vm: VirtualMachine) -> PSObject:
        """A VM as Get-SCVirtualMachine outputs it. Disks, adapters, location and size are
        read when first asked for, so listing ten thousand VMs reads only the VMs."""
        index = self.index
        registry = self.registry
        host = index.hosts.get(vm.host_id)
        group = index.groups.get(host.host_group_id) if host is not None else None
        cluster = index.clusters.get(host.cluster_id) \
            if host is not None and host.cluster_id else None
        server_id = group.vmm_server_id if group is not None else None
        # the host group path of a VM ends with its cluster (if any) and host: scripts filter
        # VMs by cluster with `HostGroupPath -like "*cluster*"`
        path = group.path if group is not None else ""
        if cluster is not None:
            path += f"\\{cluster.name}"
        if host is not None:
            path += f"\\{host.name}"
        disks: list[list[VirtualHardDisk]] = []

        def the_disks() -> list[VirtualHardDisk]:
            if not disks:
                disks.append(disks_of(registry, vm.id))
            return disks[0]

        def location() -> str:
            for disk in the_disks():
                head, marker, _ = disk.path.partition("\\Virtual Hard Disks\\")
                if marker:
                    return head
            return f"C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\{vm.name}"

        def config_path() -> str:
            return f"{location()}\\Virtual Machines\\{vm.hyperv_id.upper()}.xml"

        def hard_disks() -> list[PSObject]:
            return [self.disk(d, vm) for d in the_disks()]

        def total_size() -> int:
            return sum(d.used_bytes for d in the_disks())

        def adapters() -> list[PSObject]:
            return [self.adapter(a, vm) for a in adapters_of(registry, vm.id)]

        cloud = self.cloud(vm.cloud_id) \
            if vm.cloud_id is not None and vm.cloud_id in index.clouds else None
        connection = self.connection(server_id) \
            if server_id is not None and server_id in index.servers else None
        return _obj(VM_TYPE, [
            ("Name", vm.name),
            ("ID", _guid(vm.id)),
            ("VMId", vm.hyperv_id),
            ("ComputerName", vm.name),
            ("Description", vm.description),
            ("Owner", f"{_netbios(connection.get('FullyQualifiedDomainName'))}\\admin"
             if connection is not None else ""),
            ("Tag", _NO_TAG),
            ("Status", vm.status),
            ("StatusString", _STATUS_STRINGS.get(vm.status, vm.status)),
            ("VirtualMachineState", vm.status),
            ("HostType", "VMHost"),
            ("HostName", host.name if host is not None else ""),
            ("VMHost", self.host(host.id) if host is not None else None),
            ("HostId", _guid(vm.host_id)),
            ("HostGroupPath", path),
            ("Cloud", cloud),
            ("Location", _lazy("Location", location)),
            ("VMCPath", _lazy("VMCPath", config_path)),
            ("CPUCount", vm.cpu_count),
            ("Memory", vm.memory_mb),
            ("MemoryAssignedMB", vm.memory_mb if vm.status in ("Running", "Paused") else 0),
            ("DynamicMemoryEnabled", False),
            ("OperatingSystem", self.os(vm.operating_system)),
            ("Generation", vm.generation),
            ("IsHighlyAvailable", cluster is not None),
            ("VirtualHardDisks", _lazy("VirtualHardDisks", hard_disks)),
            ("VirtualNetworkAdapters", _lazy("VirtualNetworkAdapters", adapters)),
            ("VirtualDVDDrives", []),
            ("VMCheckpoints", []),
            ("TotalSize", _lazy("TotalSize", total_size)),
            ("HasSavedState", vm.status == "Saved"),
            ("HeartbeatEnabled", True),
            ("OperatingSystemShutdownEnabled", True),
            ("TimeSynchronizationEnabled", True),
            ("DataExchangeEnabled", True),
            ("BackupEnabled", True),
            ("LimitCPUForMigration", False),
            ("IsUndergoingLiveMigration", False),
            # disaster recovery, as VMM 2012 R2 shows it: -DRProtectionRequired is "reserved
            # for future use"; IsPrimaryVM/IsRecoveryVM are what scripts filter replicas by.
            # No replication is modelled yet, so a VM is neither (ReplicationStatus *inferred*)
            ("IsDRProtectionRequired", False),
            ("IsPrimaryVM", False),
            ("IsRecoveryVM", False),
            ("ReplicationStatus", None),
            ("CreationTime", self.created),
            ("AddedTime", self.created),
            ("ModifiedTime", self.created),
            ("Enabled", True),
            ("ObjectType", "VM"),
            ("ServerConnection", connection),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], vm.name)

    def disk(self, disk: VirtualHardDisk, vm: VirtualMachine) -> PSObject:
        """A virtual hard disk: VMM names it after its file, without the extension."""
        host = self.index.hosts.get(vm.host_id)
        stem = disk.name.rsplit(".", 1)[0] if "." in disk.name else disk.name
        directory = disk.path.rsplit("\\", 1)[0] if "\\" in disk.path else ""
        volume: Volume | None = None
        if disk.volume_id:
            try:
                volume = self.registry.get(Volume, disk.volume_id)
            except NotFound:
                volume = None
        classification = None
        if disk.classification_id:
            try:
                classification = self.classification(
                    self.registry.get(StorageClassification, disk.classification_id))
            except NotFound:
                classification = None
        file_format = "VHDX" if disk.name.lower().endswith(".vhdx") else "VHD"
        return _obj(DISK_TYPE, [
            ("Name", stem),
            ("Location", disk.path),
            ("SharePath", disk.path),
            ("Directory", directory),
            ("Size", disk.used_bytes),
            ("MaximumSize", disk.size_bytes),
            ("VHDType", "DynamicallyExpanding"),
            ("VHDFormatType", file_format),
            ("VirtualizationPlatform", "HyperV"),
            ("OperatingSystem", "Unknown"),
            ("ParentDisk", None),
            ("HostVolume", volume.name if volume is not None else None),
            ("HostVolumeId", _guid(disk.volume_id)),
            ("Classification", classification),
            ("HostName", host.name if host is not None else ""),
            ("VMHost", host.name if host is not None else ""),
            ("HostId", _guid(vm.host_id)),
            ("State", "Normal"),
            ("IsOrphaned", False),
            ("Description", ""),
            ("Enabled", True),
            ("ID", _guid(disk.id)),
            ("ServerConnection", self._vm_connection(vm)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], stem)

    def _vm_connection(self, vm: VirtualMachine) -> PSObject | None:
        return self._connection_or_none(self.index.server_id_of_vm(vm))

    def _connection_or_none(self, server_id: str | None) -> PSObject | None:
        if server_id is None or server_id not in self.index.servers:
            return None
        return self.connection(server_id)

    def adapter(self, adapter: NetworkAdapter, vm: VirtualMachine) -> PSObject:
        """A VM's virtual network adapter. VMM names an adapter after its VM (as real output
        shows); IPv4Addresses are what the running guest reports, so a VM that is not running
        shows none."""
        registry = self.registry
        granted = addresses_granted_to(registry, adapter.id)
        network = None
        logical = None
        if adapter.vm_network_id:
            try:
                vm_network = registry.get(VMNetwork, adapter.vm_network_id)
                network = self.vm_network(vm_network)
                logical = network.get("LogicalNetwork")
            except NotFound:
                network = None
        slot = 0
        if adapter.name.startswith("Network Adapter "):
            tail = adapter.name.rsplit(" ", 1)[1]
            slot = int(tail) - 1 if tail.isdigit() else 0
        return _obj(ADAPTER_TYPE, [
            ("Name", vm.name),
            ("ID", _guid(adapter.id)),
            ("SlotId", slot),
            ("MACAddress", adapter.mac_address),
            ("MACAddressType", "Dynamic"),
            ("EthernetAddress", adapter.mac_address),
            ("PhysicalAddress", adapter.mac_address),
            ("VirtualNetworkAdapterType", "Synthetic"),
            ("LogicalNetwork", logical),
            ("VMNetwork", network),
            ("VMSubnet", None),
            ("VLanEnabled", False),
            ("VLanID", 0),
            ("IPv4AddressType", "Static" if granted else "Dynamic"),
            ("IPv6AddressType", "Dynamic"),
            ("IPv4Addresses", [a.name for a in granted] if vm.status == "Running" else []),
            ("IPv6Addresses", []),
            ("DeviceID", f"Microsoft:{vm.hyperv_id.upper()}\\{adapter.id.upper()}"),
            ("Description", ""),
            ("Enabled", True),
            ("ServerConnection", self._vm_connection(vm)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], vm.name)

    # -- networks and storage ------------------------------------------------------------

    def logical_network(self, network: LogicalNetwork) -> PSObject:
        return self._cached("logical", network.id, lambda: _obj(LOGICAL_NETWORK_TYPE, [
            ("Name", network.name),
            ("Description", network.description),
            ("NetworkVirtualizationEnabled", False),
            ("UseGRE", False),
            ("IsPVLAN", False),
            ("IsLogicalNetworkDefinitionIsolated", False),
            ("IsViewOnly", False),
            ("ID", _guid(network.id)),
            ("ServerConnection", self._connection_or_none(network.vmm_server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], network.name))

    def vm_network(self, network: VMNetwork) -> PSObject:
        return self._cached("vmnetwork", network.id, lambda: self._make_vm_network(network))

    def _make_vm_network(self, network: VMNetwork) -> PSObject:
        try:
            logical: PSObject | None = self.logical_network(
                self.registry.get(LogicalNetwork, network.logical_network_id))
        except NotFound:
            logical = None
        return _obj(VM_NETWORK_TYPE, [
            ("Name", network.name),
            ("Description", network.description),
            ("LogicalNetwork", logical),
            ("VMSubnet", []),
            ("IsolationType", "NoIsolation"),
            ("Enabled", True),
            ("IsAssigned", True),
            ("HasGatewayConnection", False),
            ("ID", _guid(network.id)),
            ("ServerConnection", self._connection_or_none(network.vmm_server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], network.name)

    def pool(self, pool: IPPool) -> PSObject:
        return self._cached("pool", pool.id, lambda: self._make_pool(pool))

    def _make_pool(self, pool: IPPool) -> PSObject:
        registry = self.registry
        total = pool_size(pool)

        def available() -> int:
            return max(0, total - len(addresses_of_pool(registry, pool.id)))

        gateways = []
        if pool.gateway:
            gateways.append(_obj(GATEWAY_TYPE, [("IPAddress", pool.gateway),
                                                ("Metric", None)], pool.gateway))
        server_id = server_id_of_pool(registry, pool)
        return _obj(POOL_TYPE, [
            ("Name", pool.name),
            ("Description", ""),
            ("Subnet", pool.subnet),
            ("IPAddressRangeStart", pool.range_start),
            ("IPAddressRangeEnd", pool.range_end),
            ("DefaultGateways", gateways),
            ("DNSServers", list(pool.dns_servers)),
            ("DNSSuffix", ""),
            ("DNSSearchSuffixes", []),
            ("WINSServers", []),
            ("EnableNetBIOS", False),
            ("IPAddressReservedSet", ""),
            ("VIPAddressSet", ""),
            ("TotalAddresses", total),
            ("AvailableAddresses", _lazy("AvailableAddresses", available)),
            ("IsIPv4", True),
            ("IsMulticast", False),
            ("VMSubnet", None),
            ("LogicalNetworkDefinition", None),
            ("ID", _guid(pool.id)),
            ("ServerConnection", self._connection_or_none(server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], pool.name)

    def address(self, address: AllocatedIPAddress) -> PSObject:
        """An address a static pool handed out (Get-SCIPAddress); Address is its text."""
        try:
            pool: PSObject | None = self.pool(self.registry.get(IPPool, address.pool_id))
        except NotFound:
            pool = None
        assigned = address.granted_to_id is not None
        return _obj(ADDRESS_TYPE, [
            ("Address", address.name),
            ("Name", address.name),
            ("Description", address.description),
            ("State", "Assigned" if assigned else "Unassigned"),
            ("AssignedToID", _guid(address.granted_to_id)),
            ("AssignedToType", "VirtualNetworkAdapter" if assigned else None),
            ("AllocatingAddressPool", pool),
            ("IsMulticast", False),
            ("ID", _guid(address.id)),
            ("ServerConnection", pool.get("ServerConnection") if pool is not None else None),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], address.name)

    def classification(self, item: StorageClassification) -> PSObject:
        return self._cached("classification", item.id, lambda: _obj(CLASSIFICATION_TYPE, [
            ("Name", item.name),
            ("Description", item.description),
            ("IsViewOnly", False),
            ("ID", _guid(item.id)),
            ("ServerConnection", self._connection_or_none(item.vmm_server_id)),
            ("MarkedForDeletion", False),
            ("IsFullyCached", True),
        ], item.name))

    # -- jobs ----------------------------------------------------------------------------

    def job(self, job: VMMJob) -> PSObject:
        """A VMM job (a Task): property names as Service Provider Foundation's Job entity,
        which mirrors VMM's; Progress is the text "100 %" scripts compare with."""
        target_kind = ""
        if job.target_id:
            found = self.registry.lookup(job.target_id)
            target_kind = _JOB_TARGET_TYPES.get(found.KIND, "") if found is not None else ""
        finished = job.status in ("Completed", "Failed", "Canceled", "SucceedWithInfo")
        server = self.index.servers.get(job.vmm_server_id)
        return _obj(TASK_TYPE, [
            ("Name", job.name),
            ("Description", job.name),
            ("Status", job.status),
            ("StatusString", job.status),
            ("Progress", f"{job.progress} %"),
            ("ProgressValue", job.progress),
            ("StartTime", job.started),
            ("EndTime", job.ended),
            ("Owner", job.owner),
            ("CmdletName", _JOB_CMDLETS.get(job.name, "")),
            ("ResultName", job.target_name),
            ("ResultObjectID", _guid(job.target_id)),
            ("ResultObjectTypeName", target_kind),
            ("Target", job.target_name),
            ("TargetObjectID", _guid(job.target_id)),
            ("TargetObjectType", target_kind),
            ("ErrorInfo", job.error_info or None),
            ("IsCompleted", finished),
            ("IsRestartable", job.status == "Failed"),
            ("IsStoppable", job.status == "Running"),
            ("IsVisible", True),
            ("Source", server.name if server is not None else ""),
            ("ID", _guid(job.id)),
            ("ServerConnection", self._connection_or_none(job.vmm_server_id)),
        ], job.name)


# =============================================================================================
# parameter types that take names (VMM's argument transformations)
# =============================================================================================


def _world_of_runtime(runtime: Runtime) -> Simulation | None:
    backend: Any = getattr(runtime, "backend", None)
    world: Simulation | None = backend.world if backend is not None else None
    return world


def _is_type(value: Any, type_name: str) -> bool:
    return isinstance(value, PSObject) and any(
        t.casefold() == type_name.casefold() for t in value.type_names)


def _server_converter(runtime: Runtime) -> Callable[[Any], Any]:
    """-VMMServer takes a ServerConnection or a server's name, as VMM's does: a name
    connects to that server (an unknown name fails as a connection does, error 1602)."""

    def convert(value: Any) -> Any:
        if value is None or _is_type(value, SERVER_CONNECTION):
            return value
        if isinstance(value, str):
            world = _world_of_runtime(runtime)
            if world is None:
                raise conversions.final_cast_error(value, SERVER_CONNECTION)
            server = find_server(world.registry, value)
            if server is None:
                raise RuntimeException(_connect_error_text(value), "1602", "ReadError",
                                       target=value, dotnet_type=CARMINE)
            return Objects(world, session_state(runtime)).connection(server.id)
        raise conversions.final_cast_error(value, SERVER_CONNECTION)

    return convert


def _host_converter(runtime: Runtime) -> Callable[[Any], Any]:
    """-VMHost takes a Host or a host's name (the help's `Get-SCVirtualMachine -VMHost
    "VMHost01.Contoso.com"`)."""

    def convert(value: Any) -> Any:
        if value is None or _is_type(value, HOST_TYPE):
            return value
        if isinstance(value, str):
            world = _world_of_runtime(runtime)
            host = find_host(world.registry, value) if world is not None else None
            if world is None or host is None:
                raise conversions.final_cast_error(value, HOST_TYPE)
            return Objects(world, session_state(runtime)).host(host.id)
        raise conversions.final_cast_error(value, HOST_TYPE)

    return convert


# =============================================================================================
# the cmdlets' base
# =============================================================================================


def _vmm_server(*sets: str) -> Parameter:
    return Parameter("VMMServer", SERVER_CONNECTION, pipeline=True, sets=sets or (ALL_SETS,))


class _VMMCmdlet(Cmdlet):
    noun_module = MODULE_NAME
    #: the VMM cmdlet class after the error id (``...Cmdlets.GetVMCmdlet``; *inferred*)
    vmm_class: ClassVar[str] = ""
    _objects: Objects | None = None

    def process(self) -> None:
        # PowerShell refuses $null for a mandatory parameter of a compiled cmdlet
        # (and '' for a mandatory string)
        set_name = self.parameter_set_name
        for parameter in self.parameters:
            if parameter.is_switch or not self.has(parameter.name) or not (
                    parameter.mandatory_in(set_name)
                    or (set_name == ALL_SETS and parameter.mandatory is True)):
                continue
            value = self.param(parameter.name)
            if value is None or value == "":
                what = "null" if value is None else "an empty string"
                self.throw_terminating(
                    f"Cannot bind argument to parameter '{parameter.name}' because it is {what}.",
                    "ParameterArgumentValidationErrorNullNotAllowed" if value is None
                    else "ParameterArgumentValidationErrorEmptyStringNotAllowed", "InvalidData",
                    exception_type="System.Management.Automation.ParameterBindingException")
        self.run()

    def run(self) -> None:
        """What the cmdlet does for one pipeline object (or once without input)."""

    @classmethod
    def error_suffix(cls) -> str:
        return f"{_CMDLETS_NS}.{cls.vmm_class or cls.name.replace('-', '') + 'Cmdlet'}"

    @property
    def world(self) -> Simulation:
        return world_of(self)

    @property
    def state(self) -> VMMSessionState:
        return session_state(self.context.runtime)

    @property
    def objects(self) -> Objects:
        """The object builder of this command (made on first use, kept for its pipeline)."""
        if self._objects is None:
            self._objects = Objects(self.world, self.state)
        return self._objects

    @property
    def index(self) -> FabricIndex:
        return self.objects.index

    @property
    def registry(self) -> Registry:
        return self.world.registry

    # -- which servers -------------------------------------------------------------------

    def server_of(self, connection: PSObject) -> VMMServer:
        """The VMM server a ServerConnection object stands for."""
        name = connection.get("FullyQualifiedDomainName") or connection.get("Name") or ""
        server = find_server(self.registry, str(name))
        if server is None:
            self.vmm_error(_connect_error_text(str(name)), 1602, name, terminating=True)
            raise AssertionError("unreachable")  # throw_terminating raised
        return server

    def scope(self) -> set[str] | None:
        """The ids of the VMM servers this call acts on: -VMMServer's, else the session's
        default connection's, else None (every server of the world)."""
        connection = self.param("VMMServer")
        if isinstance(connection, PSObject):
            return {self.server_of(connection).id}
        default = self.state.default_server_id
        if default is not None and default in self.index.servers:
            return {default}
        return None

    @staticmethod
    def within(scope: set[str] | None, server_id: str | None) -> bool:
        return scope is None or server_id in scope

    # -- errors --------------------------------------------------------------------------

    def vmm_error(self, text: str, code: int, target: Any = None, *,
                  terminating: bool) -> None:
        """A VMM error: its text already ends in "(Error ID: code)" and any advice."""
        if terminating:
            self.throw_terminating(text, str(code), "ReadError", target, CARMINE)
        self.write_error(text, str(code), "ReadError", target, CARMINE)

    def param_id(self, name: str) -> str | None:
        value = self.param(name)
        return None if value is None else _id_text(value)

    def entity_of(self, value: Any, cls: type[Any], what: str) -> Any:
        """The world entity behind an object a cmdlet was given (VMM's objects carry their
        ID); one that no longer exists is VMM's error 801 (*inferred* text)."""
        ident = value.get("ID") if isinstance(value, PSObject) else None
        found = None
        if ident is not None:
            try:
                found = self.registry.get(cls, _id_text(ident))
            except NotFound:
                found = None
        if found is None:
            self.vmm_error(f"VMM cannot find the {what} object. (Error ID: 801)\n\n"
                           "Ensure the object is valid, and then try the operation again.",
                           801, value, terminating=True)
        return found


def _name_matches(wanted: str | None, name: str) -> bool:
    """VMM's -Name filters compare whole names, case-insensitively (no wildcards)."""
    return wanted is None or wanted.casefold() == name.casefold()


# =============================================================================================
# Get-SCVMMServer
# =============================================================================================


class GetSCVMMServer(_VMMCmdlet):
    """Connects to a VMM management server, or reuses the connection, and returns it.

    The connection becomes the session's default: later VMM cmdlets without -VMMServer act
    on that server only. Before any Get-SCVMMServer, asrsim's VMM cmdlets act on every VMM
    server of the world. -ComputerName takes the FQDN or NetBIOS name; a name no VMM server
    answers to (or a -TCPPort it does not listen on) fails with VMM's error 1602."""

    name = "Get-SCVMMServer"
    vmm_class = "GetVMMServerCmdlet"
    parameters = (
        Parameter("ComputerName", "string", position=0, mandatory=True),
        Parameter("TCPPort", "int", aliases=("Port",)),
        Parameter("ConnectAs", "string", validate_set=(
            "Administrator", "DelegatedAdmin", "TenantAdmin", "SelfServiceUser",
            "ReadOnlyAdmin")),
        Parameter("UserRoleName", "string"),
        Parameter("Credential", "pscredential"),
        Parameter("RetainObjectCache", "switch"),
        Parameter("RetainDeletedObjects", "switch"),
        Parameter("AllowJobGC", "switch"),
        Parameter("SetAsDefault", "switch"),
        Parameter("ForOnBehalfOf", "switch"),
    )
    output_type = SERVER_CONNECTION

    def run(self) -> None:
        typed = str(self.param("ComputerName") or "")
        server = find_server(self.registry, typed)
        port = self.param("TCPPort")
        if server is None or (port is not None and int(port) != server.port):
            self.vmm_error(_connect_error_text(typed), 1602, typed, terminating=True)
            return
        credential = self.param("Credential")
        user = None
        if credential is not None:
            from asrsim.lang import dotnet

            found = dotnet.get_property(credential, "UserName")
            user = str(found) if isinstance(found, str) and found else None
        role = str(self.param("UserRoleName") or self.param("ConnectAs") or "Administrator")
        connection = self.objects.new_connection(
            server, typed, user=user, role=role,
            for_on_behalf_of=bool(self.param("ForOnBehalfOf")))
        state = self.state
        # VMM uses the last connection made for every later command of the session
        state.default_server_id = server.id
        if state.connections is None:
            state.connections = {}
        state.connections[server.id] = connection
        self.write_object(connection)


# =============================================================================================
# Get-SCCloud, Get-SCVMHostGroup, Get-SCVMHostCluster, Get-SCVMHost
# =============================================================================================


class GetSCCloud(_VMMCmdlet):
    """Gets the private clouds of a VMM server.

    -Name picks a cloud by its whole name (no wildcards); -ID by its GUID. A cloud that does
    not exist gives nothing."""

    name = "Get-SCCloud"
    vmm_class = "GetCloudCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("Name", "string", position=0, sets=("Name",)),
        Parameter("ID", "guid", mandatory=True, sets=("ID",)),
    )
    default_set = "Name"
    output_type = CLOUD_TYPE
    missing_parameters = _ON_BEHALF

    def run(self) -> None:
        scope = self.scope()
        wanted = self.param("Name")
        ident = self.param_id("ID")
        for cloud in self.index.clouds.values():
            if not self.within(scope, cloud.vmm_server_id):
                continue
            if ident is not None and cloud.id != ident:
                continue
            if _name_matches(wanted, cloud.name):
                self.write_object(self.objects.cloud(cloud.id))


class GetSCVMHostGroup(_VMMCmdlet):
    """Gets the host groups of a VMM server, "All Hosts" first.

    -Name picks groups by name; -ID by GUID; -ParentHostGroup lists a group's direct
    children."""

    name = "Get-SCVMHostGroup"
    vmm_class = "GetHostGroupCmdlet"
    parameters = (
        _vmm_server("Connection", "ID"),
        Parameter("Name", "string", position=0),
        Parameter("ID", "guid", mandatory=True, sets=("ID",)),
        Parameter("ParentHostGroup", HOST_GROUP_TYPE, mandatory=True, pipeline=True,
                  sets=("ParentHostGroup",), aliases=("ParentVMHostGroup",)),
    )
    default_set = "Connection"
    output_type = HOST_GROUP_TYPE

    def run(self) -> None:
        wanted = self.param("Name")
        parent = self.param("ParentHostGroup")
        if parent is not None:
            group = self.entity_of(parent, HostGroup, "Host Group")
            candidates = self.index.child_groups(group.id)
        else:
            scope = self.scope()
            candidates = [g for g in self.index.groups.values()
                          if self.within(scope, g.vmm_server_id)]
        ident = self.param_id("ID")
        # each server's groups together, in the order the servers were made, parents first
        servers = list(self.index.servers)
        ordered = sorted(candidates, key=lambda g: (
            servers.index(g.vmm_server_id) if g.vmm_server_id in servers else len(servers),
            g.path.count("\\")))
        for group in ordered:
            if ident is not None and group.id != ident:
                continue
            if _name_matches(wanted, group.name):
                self.write_object(self.objects.host_group(group.id))


class GetSCVMHostCluster(_VMMCmdlet):
    """Gets the host clusters of a VMM server, or those in a host group (and its children).

    -Name picks a cluster by name, -ID by GUID."""

    name = "Get-SCVMHostCluster"
    vmm_class = "GetHostClusterCmdlet"
    parameters = (
        _vmm_server("Connection"),
        Parameter("VMHostGroup", HOST_GROUP_TYPE, sets=("Connection", "VMHostGroup", "Name"),
                  mandatory=("VMHostGroup",)),
        Parameter("Name", "string", sets=("Connection", "VMHostGroup", "Name"),
                  mandatory=("Name",)),
        Parameter("ID", "guid", sets=("Connection", "ID"), mandatory=("ID",)),
    )
    default_set = "Connection"
    output_type = HOST_CLUSTER_TYPE
    missing_parameters = ("HyperConvergedStorageArray",)

    def run(self) -> None:
        group_value = self.param("VMHostGroup")
        clusters = list(self.index.clusters.values())
        if group_value is not None:
            group = self.entity_of(group_value, HostGroup, "Host Group")
            groups = {g.id for g in self.index.group_and_descendants(group.id)}
            clusters = [c for c in clusters if c.host_group_id in groups]
        else:
            scope = self.scope()
            clusters = [c for c in clusters
                        if self.within(scope, self.index.server_id_of_cluster(c))]
        ident = self.param_id("ID")
        for cluster in clusters:
            if ident is not None and cluster.id != ident:
                continue
            if _name_matches(self.param("Name"), cluster.name):
                self.write_object(self.objects.cluster(cluster.id))


class GetSCVMHost(_VMMCmdlet):
    """Gets the virtualization hosts VMM manages.

    -ComputerName takes the FQDN or the NetBIOS name; -VMHostGroup lists the hosts of a host
    group and the groups below it; -VMHostCluster the nodes of a cluster."""

    name = "Get-SCVMHost"
    vmm_class = "GetHostCmdlet"
    parameters = (
        _vmm_server("Connection"),
        Parameter("ComputerName", "string", position=0),
        Parameter("ID", "guid", sets=("Connection",)),
        Parameter("VMHostGroup", HOST_GROUP_TYPE, mandatory=True, pipeline=True,
                  sets=("VMHostGroup",)),
        Parameter("VMHostCluster", HOST_CLUSTER_TYPE, mandatory=True, pipeline=True,
                  sets=("VMHostCluster",)),
    )
    default_set = "Connection"
    output_type = HOST_TYPE

    def run(self) -> None:
        group_value = self.param("VMHostGroup")
        cluster_value = self.param("VMHostCluster")
        if group_value is not None:
            group = self.entity_of(group_value, HostGroup, "Host Group")
            hosts = self.index.hosts_in_group(group.id)
        elif cluster_value is not None:
            cluster = self.entity_of(cluster_value, HostCluster, "Host Cluster")
            hosts = self.index.hosts_of_cluster(cluster.id)
        else:
            scope = self.scope()
            hosts = [h for h in self.index.hosts.values()
                     if self.within(scope, self.index.server_id_of_host(h))]
        wanted = self.param("ComputerName")
        ident = self.param_id("ID")
        for host in hosts:
            if ident is not None and host.id != ident:
                continue
            if wanted is not None and wanted.casefold() not in (
                    host.name.casefold(), _short(host.name)):
                continue
            self.write_object(self.objects.host(host.id))


# =============================================================================================
# Get-SCVirtualMachine
# =============================================================================================


class GetSCVirtualMachine(_VMMCmdlet):
    """Gets virtual machine objects from the VMM database.

    -Name picks VMs by their whole name (case-insensitive, no wildcards); several VMs may
    share a name, so the result may be a collection (the seed's script indexes `$vm[0]`). A
    name no VM has gives nothing, not an error. -VMHost (a host or its name) and -Cloud list
    the VMs there; both take pipeline input (`Get-SCCloud 'Seattle Production' |
    Get-SCVirtualMachine`)."""

    name = "Get-SCVirtualMachine"
    vmm_class = "GetVMCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("Name", "string", position=0),
        Parameter("All", "switch", sets=("All",)),
        Parameter("VMHost", HOST_TYPE, mandatory=True, pipeline=True, sets=("VMHostGroup",)),
        Parameter("Cloud", CLOUD_TYPE, mandatory=True, pipeline=True, sets=("Cloud",)),
        Parameter("ID", "guid", sets=("ID",)),
    )
    default_set = "All"
    output_type = VM_TYPE
    missing_parameters = ("Service", "ComputerTier", "StorageQoSPolicy", *_ON_BEHALF)

    def run(self) -> None:
        wanted = self.param("Name")
        host_value = self.param("VMHost")
        cloud_value = self.param("Cloud")
        ident = self.param_id("ID")
        registry = self.registry
        scope: set[str] | None = None
        if host_value is not None:
            host = self.entity_of(host_value, Host, "Host")
            vms = vms_of_host(registry, host.id)
        elif cloud_value is not None:
            cloud = self.entity_of(cloud_value, Cloud, "Cloud")
            vms = vms_of_cloud(registry, cloud.id)
        else:
            scope = self.scope()
            if ident is not None:
                found = vm_by_id(registry, ident)
                vms = [found] if found is not None else []
            elif wanted is not None:
                # the registry's name index: one query, however many VMs the world holds
                vms = registry.named(VirtualMachine, wanted)
            else:
                vms = registry.all(VirtualMachine)
        for vm in vms:
            if ident is not None and vm.id != ident:
                continue
            if not _name_matches(wanted, vm.name):
                continue
            if scope is not None and not self.within(scope, self.index.server_id_of_vm(vm)):
                continue
            self.write_object(self.objects.vm(vm))


# =============================================================================================
# Start-, Stop-, Suspend-, Resume-SCVirtualMachine
# =============================================================================================


#: what a power action changes on the VM object the caller holds
_STATE_PROPERTIES = ("Status", "StatusString", "VirtualMachineState", "MemoryAssignedMB",
                     "HasSavedState", "VirtualNetworkAdapters")

_POWER_PARAMETERS = (
    Parameter("VM", VM_TYPE, position=0, mandatory=True, pipeline=True),
    Parameter("RunAsynchronously", "switch"),
    Parameter("PROTipID", "guid"),
    Parameter("JobVariable", "string"),
)


class _PowerCmdlet(_VMMCmdlet):
    """A VMM action on a VM's power state, run as a VMM job (Get-SCJob lists it).

    VMM updates the VM object in its cache when the job completes: the object the caller
    holds shows the new state, and the cmdlet outputs it."""

    parameters: ClassVar[tuple[Parameter, ...]] = _POWER_PARAMETERS
    output_type = VM_TYPE
    missing_parameters: ClassVar[tuple[str, ...]] = _ON_BEHALF

    def act(self, vm: VirtualMachine) -> tuple[VirtualMachine, VMMJob | None] | None:
        """Change the VM's state; None when there is nothing to do."""
        raise NotImplementedError

    def run(self) -> None:
        given = self.param("VM")
        vm = self.entity_of(given, VirtualMachine, "Virtual Machine")
        try:
            result = self.act(vm)
        except SimError as error:
            sim_error(self, error, terminating=True, error_id="1730", message=_STATE_ERROR)
            return
        if result is not None:
            vm, job = result
            if job is not None and self.param("JobVariable"):
                self.context.set_variable(str(self.param("JobVariable")),
                                          self.objects.job(job))
        self.refresh(given, vm)
        self.write_object(given)

    def refresh(self, shown: PSObject, vm: VirtualMachine) -> None:
        """Bring the caller's object up to the VM's state, as VMM's object cache does (the
        adapters too: a guest reports its addresses only while it runs)."""
        fresh = self.objects.vm(vm)
        for name in _STATE_PROPERTIES:
            if shown.has_property(name):
                shown.add_property(name, fresh.get(name))

    def check(self, vm: VirtualMachine, allowed: tuple[str, ...]) -> None:
        if vm.status not in allowed:
            self.vmm_error(_STATE_ERROR, 1730, self.param("VM"), terminating=True)


class StartSCVirtualMachine(_PowerCmdlet):
    """Starts a virtual machine managed by VMM.

    A stopped, saved or paused VM runs afterwards; one already running is returned
    unchanged, as VMM's help says."""

    name = "Start-SCVirtualMachine"
    vmm_class = "StartVMCmdlet"

    def act(self, vm: VirtualMachine) -> tuple[VirtualMachine, VMMJob | None] | None:
        if vm.status == "Running":
            return None
        from asrsim.sim import vm_power

        return vm_power.start(self.world, vm.id, job_name="Start virtual machine")


class StopSCVirtualMachine(_PowerCmdlet):
    """Stops a virtual machine managed by VMM.

    Without a switch (or with -Force) the VM is turned off; -Shutdown shuts its operating
    system down (the VM must be running); -SaveState saves it; -DiscardSavedState turns a
    saved VM off, losing its memory. A VM in a state the action does not apply to fails with
    VMM's error 1730."""

    name = "Stop-SCVirtualMachine"
    vmm_class = "StopVMCmdlet"
    parameters = (
        *_POWER_PARAMETERS,
        Parameter("Shutdown", "switch", sets=("SingleVM",)),
        Parameter("SaveState", "switch", mandatory=True,
                  sets=("CorrespondsToVMM2008SaveStateVM",)),
        Parameter("DiscardSavedState", "switch", mandatory=True,
                  sets=("CorrespondsToVMM2008DiscardSavedStateVM",)),
        Parameter("Force", "switch", mandatory=True, sets=("CorrespondsToVMM2008StopVM",)),
    )
    default_set = "SingleVM"

    def act(self, vm: VirtualMachine) -> tuple[VirtualMachine, VMMJob | None] | None:
        from asrsim.sim import vm_power

        if self.param("SaveState"):
            return vm_power.stop(self.world, vm.id, "save", job_name="Save state virtual machine")
        if self.param("DiscardSavedState"):
            return vm_power.discard_saved_state(self.world, vm.id,
                                                job_name="Discard saved state virtual machine")
        if self.param("Shutdown"):
            # a guest shuts down only while it runs: a paused VM cannot
            self.check(vm, ("Running",))
            return vm_power.stop(self.world, vm.id, "shutdown",
                                 job_name="Shut down virtual machine")
        return vm_power.stop(self.world, vm.id, "turnoff", job_name="Stop virtual machine")


class SuspendSCVirtualMachine(_PowerCmdlet):
    """Suspends (pauses) a running virtual machine managed by VMM."""

    name = "Suspend-SCVirtualMachine"
    vmm_class = "SuspendVMCmdlet"

    def act(self, vm: VirtualMachine) -> tuple[VirtualMachine, VMMJob | None] | None:
        from asrsim.sim import vm_power

        return vm_power.pause(self.world, vm.id, job_name="Pause virtual machine")


class ResumeSCVirtualMachine(_PowerCmdlet):
    """Resumes a paused virtual machine managed by VMM.

    A VM that is not paused (one already running, for instance) fails with VMM's error
    1730, as VMM's help says."""

    name = "Resume-SCVirtualMachine"
    vmm_class = "ResumeVMCmdlet"

    def act(self, vm: VirtualMachine) -> tuple[VirtualMachine, VMMJob | None] | None:
        from asrsim.sim import vm_power

        return vm_power.resume(self.world, vm.id, job_name="Resume virtual machine")


# =============================================================================================
# Get-SCVirtualNetworkAdapter, Get-SCIPAddress
# =============================================================================================


class GetSCVirtualNetworkAdapter(_VMMCmdlet):
    """Gets the virtual network adapters of a VM (-VM), of every VM (-All), or one by -ID.

    Each adapter has its MAC address, VM network and logical network, and the IPv4 addresses
    the running guest reports; its ID is what Get-SCIPAddress -GrantToObjectID takes."""

    name = "Get-SCVirtualNetworkAdapter"
    vmm_class = "GetNICCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("All", "switch", mandatory=True, sets=("All",)),
        Parameter("ParentTypeVMOrHost", "switch", sets=("All",)),
        Parameter("VM", VM_TYPE, mandatory=True, pipeline=True, sets=("VM",)),
        Parameter("ID", "guid", position=0, mandatory=True, pipeline=True, sets=("ID",)),
        Parameter("Name", "string", position=1, sets=("ID",)),
    )
    default_set = "All"
    output_type = ADAPTER_TYPE
    missing_parameters = ("HardwareProfile", "VMTemplate", "VMHost", *_ON_BEHALF)

    def run(self) -> None:
        registry = self.registry
        vm_value = self.param("VM")
        ident = self.param_id("ID")
        if vm_value is not None:
            vm = self.entity_of(vm_value, VirtualMachine, "Virtual Machine")
            for adapter in adapters_of(registry, vm.id):
                self.write_object(self.objects.adapter(adapter, vm))
            return
        if ident is not None:
            try:
                adapter = registry.get(NetworkAdapter, ident)
            except NotFound:
                return
            owner = vm_by_id(registry, adapter.vm_id)
            if owner is not None and _name_matches(self.param("Name"), owner.name):
                self.write_object(self.objects.adapter(adapter, owner))
            return
        scope = self.scope()
        for vm in registry.all(VirtualMachine):
            if not self.within(scope, self.index.server_id_of_vm(vm)):
                continue
            for adapter in adapters_of(registry, vm.id):
                self.write_object(self.objects.adapter(adapter, vm))


class GetSCIPAddress(_VMMCmdlet):
    """Gets the IP addresses VMM's static pools have allocated.

    -GrantToObjectID gives the address granted to an object, such as a virtual network
    adapter (the seed's `Get-SCIPAddress -GrantToObjectID $na[0].id`); -StaticIPAddressPool
    those of one pool; -IPAddress one address; -Assigned / -UnAssigned filter by whether the
    address is granted to something."""

    name = "Get-SCIPAddress"
    vmm_class = "GetIPAddressCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("All", "switch", sets=("All",)),
        Parameter("StaticIPAddressPool", POOL_TYPE, mandatory=True, pipeline=True,
                  sets=("ByPool",)),
        Parameter("ID", "guid", mandatory=True, sets=("ByID",)),
        Parameter("GrantToObjectID", "guid", mandatory=True, sets=("ByAllocatedToObjectID",)),
        Parameter("IPAddress", "string", mandatory=True, sets=("ByIPAddress",)),
        Parameter("PublicIPAddress", "switch", sets=("PublicIPAddress",)),
        Parameter("UnAssigned", "switch"),
        Parameter("Assigned", "switch"),
        Parameter("IsMulticast", "switch"),
        Parameter("Duplicate", "switch"),
    )
    default_set = "All"
    output_type = ADDRESS_TYPE
    missing_parameters = _ON_BEHALF

    def run(self) -> None:
        registry = self.registry
        if self.param("PublicIPAddress") or self.param("IsMulticast"):
            # no network controller hands out public addresses, and no pool is multicast
            return
        addresses: list[AllocatedIPAddress]
        pool_value = self.param("StaticIPAddressPool")
        grant = self.param_id("GrantToObjectID")
        ident = self.param_id("ID")
        if pool_value is not None:
            pool = self.entity_of(pool_value, IPPool, "Static IP Address Pool")
            addresses = addresses_of_pool(registry, pool.id)
        elif grant is not None:
            addresses = addresses_granted_to(registry, grant)
        elif ident is not None:
            try:
                addresses = [registry.get(AllocatedIPAddress, ident)]
            except NotFound:
                addresses = []
        elif self.param("IPAddress") is not None:
            addresses = registry.named(AllocatedIPAddress, str(self.param("IPAddress")))
        else:
            addresses = registry.all(AllocatedIPAddress)
        # a connection sees only its own server's pools, whichever way it asks
        scope = self.scope()
        pool_servers: dict[str, str | None] = {}
        duplicates = self._duplicates(addresses) if self.param("Duplicate") else None
        for address in addresses:
            assigned = address.granted_to_id is not None
            if self.param("Assigned") and not assigned:
                continue
            if self.param("UnAssigned") and assigned:
                continue
            if duplicates is not None and address.name not in duplicates:
                continue
            if scope is not None:
                if address.pool_id not in pool_servers:
                    pool_servers[address.pool_id] = self._pool_server(address.pool_id)
                if not self.within(scope, pool_servers[address.pool_id]):
                    continue
            self.write_object(self.objects.address(address))

    def _pool_server(self, pool_id: str) -> str | None:
        try:
            return server_id_of_pool(self.registry, self.registry.get(IPPool, pool_id))
        except NotFound:
            return None

    @staticmethod
    def _duplicates(addresses: list[AllocatedIPAddress]) -> set[str]:
        seen: dict[str, int] = {}
        for address in addresses:
            seen[address.name] = seen.get(address.name, 0) + 1
        return {name for name, count in seen.items() if count > 1}


# =============================================================================================
# Get-SCLogicalNetwork, Get-SCVMNetwork, Get-SCStaticIPAddressPool
# =============================================================================================


class GetSCLogicalNetwork(_VMMCmdlet):
    """Gets logical networks: all of a VMM server's, or those available to a host, a host
    group or a cloud."""

    name = "Get-SCLogicalNetwork"
    vmm_class = "GetLogicalNetworkCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("Name", "string", position=0),
        Parameter("All", "switch", sets=("GlobalList",)),
        Parameter("VMHost", HOST_TYPE, mandatory=True, sets=("ByHost",)),
        Parameter("Cloud", CLOUD_TYPE, mandatory=True, sets=("ByCloud",)),
        Parameter("VMHostGroup", HOST_GROUP_TYPE, mandatory=True, sets=("ByHostGroup",)),
        Parameter("ID", "guid", sets=("ByID",)),
    )
    default_set = "GlobalList"
    output_type = LOGICAL_NETWORK_TYPE
    missing_parameters = ("CloudRootHostGroup", "CloudRootVMwareResourcePool", *_ON_BEHALF)

    def run(self) -> None:
        registry = self.registry
        ids: list[str] | None = None
        if self.param("VMHost") is not None:
            host = self.entity_of(self.param("VMHost"), Host, "Host")
            ids = self._offered(self.index.clouds_of_host(host))
        elif self.param("VMHostGroup") is not None:
            group = self.entity_of(self.param("VMHostGroup"), HostGroup, "Host Group")
            ids = self._offered(self.index.clouds_of_group(group.id))
        elif self.param("Cloud") is not None:
            cloud = self.entity_of(self.param("Cloud"), Cloud, "Cloud")
            ids = list(cloud.logical_network_ids)
        if ids is None:
            scope = self.scope()
            networks = [n for n in registry.all(LogicalNetwork)
                        if self.within(scope, n.vmm_server_id)]
        else:
            networks = []
            for network_id in ids:
                try:
                    networks.append(registry.get(LogicalNetwork, network_id))
                except NotFound:
                    continue
        ident = self.param_id("ID")
        for network in networks:
            if ident is not None and network.id != ident:
                continue
            if _name_matches(self.param("Name"), network.name):
                self.write_object(self.objects.logical_network(network))

    @staticmethod
    def _offered(clouds: list[Cloud]) -> list[str]:
        """The logical networks the clouds offer, each once, in the clouds' order."""
        return list(dict.fromkeys(n for c in clouds for n in c.logical_network_ids))


class GetSCVMNetwork(_VMMCmdlet):
    """Gets VM networks: all of a VMM server's, those of a logical network, or one by name
    or ID."""

    name = "Get-SCVMNetwork"
    vmm_class = "GetVMNetworkCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("LogicalNetwork", LOGICAL_NETWORK_TYPE, sets=("All",)),
        Parameter("Name", "string", position=0),
        # the help puts -ID at position 0 of ByID too, beside -Name; one position per set
        Parameter("ID", "guid", mandatory=True, pipeline=True, sets=("ByID",)),
    )
    default_set = "All"
    output_type = VM_NETWORK_TYPE
    missing_parameters = ("Unassigned", *_ON_BEHALF)

    def run(self) -> None:
        registry = self.registry
        logical = self.param("LogicalNetwork")
        if logical is not None:
            network = self.entity_of(logical, LogicalNetwork, "Logical Network")
            networks = registry.children(VMNetwork, network.id)
        else:
            scope = self.scope()
            networks = [n for n in registry.all(VMNetwork)
                        if self.within(scope, n.vmm_server_id)]
        ident = self.param_id("ID")
        for network in networks:
            if ident is not None and network.id != ident:
                continue
            if _name_matches(self.param("Name"), network.name):
                self.write_object(self.objects.vm_network(network))


class GetSCStaticIPAddressPool(_VMMCmdlet):
    """Gets static IP address pools, with their subnet, range, gateways, DNS servers and how
    many addresses are left.

    -Name, -Subnet (CIDR) and -IPAddress (a pool whose range holds it) filter; -Cloud lists
    the pools of the VM networks a cloud offers, -VMHostGroup those offered to a host
    group."""

    name = "Get-SCStaticIPAddressPool"
    vmm_class = "GetStaticIPAddressPoolCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("IPAddress", "string"),
        Parameter("IPv4", "switch", sets=("All", "ByHostGroup")),
        Parameter("IPv6", "switch", sets=("All", "ByHostGroup")),
        Parameter("Name", "string", position=0),
        Parameter("IsMulticast", "switch"),
        Parameter("Subnet", "string"),
        Parameter("VMHostGroup", HOST_GROUP_TYPE, mandatory=True, sets=("ByHostGroup",)),
        Parameter("Cloud", CLOUD_TYPE, mandatory=True, sets=("ByCloud",)),
        Parameter("ID", "guid", mandatory=True, sets=("ById",)),
    )
    default_set = "All"
    output_type = POOL_TYPE
    missing_parameters = ("LogicalNetworkDefinition", "VMSubnet", *_ON_BEHALF)

    def run(self) -> None:
        if self.param("IPv6") or self.param("IsMulticast"):
            return  # every pool of a world is an IPv4 unicast pool
        registry = self.registry
        logical_ids: list[str] | None = None
        if self.param("Cloud") is not None:
            cloud = self.entity_of(self.param("Cloud"), Cloud, "Cloud")
            logical_ids = list(cloud.logical_network_ids)
        elif self.param("VMHostGroup") is not None:
            group = self.entity_of(self.param("VMHostGroup"), HostGroup, "Host Group")
            logical_ids = GetSCLogicalNetwork._offered(self.index.clouds_of_group(group.id))
        if logical_ids is None:
            scope = self.scope()
            pools = [p for p in registry.all(IPPool)
                     if self.within(scope, server_id_of_pool(registry, p))]
        else:
            pools = [p for logical_id in logical_ids
                     for network in registry.children(VMNetwork, logical_id)
                     for p in pools_of_network(registry, network.id)]
        ident = self.param_id("ID")
        subnet = self._network(self.param("Subnet"))
        address = self._address(self.param("IPAddress"))
        for pool in pools:
            if ident is not None and pool.id != ident:
                continue
            if not _name_matches(self.param("Name"), pool.name):
                continue
            if self.param("Subnet") is not None and (
                    subnet is None or self._network(pool.subnet) != subnet):
                continue
            if self.param("IPAddress") is not None and (
                    address is None or not self._holds(pool, address)):
                continue
            self.write_object(self.objects.pool(pool))

    @staticmethod
    def _network(text: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
        if text is None:
            return None
        try:
            return ipaddress.ip_network(str(text), strict=False)
        except ValueError:
            return None

    @staticmethod
    def _address(text: Any) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
        if text is None:
            return None
        try:
            return ipaddress.ip_address(str(text))
        except ValueError:
            return None

    @staticmethod
    def _holds(pool: IPPool, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        try:
            low = ipaddress.ip_address(pool.range_start)
            high = ipaddress.ip_address(pool.range_end)
        except ValueError:
            return False
        return low.version == address.version and low <= address <= high  # type: ignore[operator]


# =============================================================================================
# Get-SCStorageClassification, Get-SCJob
# =============================================================================================


class GetSCStorageClassification(_VMMCmdlet):
    """Gets the storage classifications (Gold, Silver ...) of a VMM server."""

    name = "Get-SCStorageClassification"
    vmm_class = "GetStorageClassificationCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("Name", "string", position=0),
        Parameter("All", "switch", sets=("All",)),
        Parameter("ID", "guid", sets=("ID",)),
    )
    default_set = "All"
    output_type = CLASSIFICATION_TYPE

    def run(self) -> None:
        scope = self.scope()
        ident = self.param_id("ID")
        for item in self.registry.all(StorageClassification):
            if not self.within(scope, item.vmm_server_id):
                continue
            if ident is not None and item.id != ident:
                continue
            if _name_matches(self.param("Name"), item.name):
                self.write_object(self.objects.classification(item))


class GetSCJob(_VMMCmdlet):
    """Gets VMM jobs: by default those of the last 24 hours, oldest first.

    -Newest N lists the jobs of the last N hours, -All every job, -Running the jobs still
    running; -Name (the job's name, such as "Start virtual machine"), -ID and -Job pick
    jobs. Each job has its Status, Progress ("100 %"), StartTime, EndTime, ResultName and
    Owner."""

    name = "Get-SCJob"
    vmm_class = "GetJobCmdlet"
    parameters = (
        _vmm_server(),
        Parameter("Name", "string", position=0),
        Parameter("Full", "switch", sets=("NewestJobs", "AllJobs")),
        Parameter("Newest", "int", sets=("NewestJobs",)),
        Parameter("All", "switch", mandatory=True, sets=("AllJobs",)),
        Parameter("Running", "switch", mandatory=True, sets=("RunningJobs",)),
        Parameter("Job", TASK_TYPE, sets=("NewestJobs", "AllJobs")),
        Parameter("ID", "guid", sets=("NewestJobs", "AllJobs")),
    )
    default_set = "NewestJobs"
    output_type = TASK_TYPE
    missing_parameters = _ON_BEHALF

    def run(self) -> None:
        registry = self.registry
        scope = self.scope()
        ident = self.param_id("ID")
        job_value = self.param("Job")
        if job_value is not None:
            ident = _id_text(job_value.get("ID"))
        jobs = jobs_of(registry, None if scope is None else sorted(scope))
        since: datetime | None = None
        if not self.param("All") and not self.param("Running") and ident is None:
            hours = self.param("Newest")
            try:
                since = self.world.now() - timedelta(
                    hours=_DEFAULT_JOB_HOURS if hours is None else int(hours))
            except OverflowError:
                if hours is not None and int(hours) < 0:
                    return  # a window that starts after now holds no job
                since = None  # more hours than the calendar holds: every job
        for job in jobs:
            if ident is not None and job.id != ident:
                continue
            if self.param("Running") and job.status != "Running":
                continue
            if since is not None and (job.started is None or job.started < since):
                continue
            if _name_matches(self.param("Name"), job.name):
                self.write_object(self.objects.job(job))


CMDLETS: tuple[type[Cmdlet], ...] = (
    GetSCVMMServer,
    GetSCCloud,
    GetSCVMHostGroup,
    GetSCVMHostCluster,
    GetSCVMHost,
    GetSCVirtualMachine,
    StartSCVirtualMachine,
    StopSCVirtualMachine,
    SuspendSCVirtualMachine,
    ResumeSCVirtualMachine,
    GetSCVirtualNetworkAdapter,
    GetSCIPAddress,
    GetSCLogicalNetwork,
    GetSCVMNetwork,
    GetSCStaticIPAddressPool,
    GetSCStorageClassification,
    GetSCJob,
)


def register(runtime: Runtime, session: Any) -> None:
    """VMM's types (so parameters take only VMM's objects, and -VMMServer / -VMHost also
    take names) and the list view of a VM."""
    from asrsim.lang.formatting import ListView, prop
    from asrsim.lang.types import PSType

    types = runtime.types
    for type_name in _PLAIN_TYPES:
        types.register(PSType(type_name))
    types.register(PSType(SERVER_CONNECTION, converter=_server_converter(runtime)))
    types.register(PSType(HOST_TYPE, converter=_host_converter(runtime)))
    # VMM prints a VM as a list; these are the properties worth a glance (Format-List *
    # shows every one)
    runtime.views.register(ListView((VM_TYPE,), tuple(prop(name) for name in (
        "Name", "Description", "Status", "StatusString", "HostName", "HostGroupPath", "Cloud",
        "CPUCount", "Memory", "DynamicMemoryEnabled", "OperatingSystem", "Generation",
        "IsHighlyAvailable", "VirtualNetworkAdapters", "VirtualHardDisks", "Owner",
        "CreationTime", "ID", "VMId", "IsDRProtectionRequired", "IsPrimaryVM", "IsRecoveryVM",
    ))))


__all__ = ["CMDLETS", "MODULE_NAME", "register"]
