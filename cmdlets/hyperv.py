"""Hyper-V: the hosts' own view of the estate. Get-VM and the VM power verbs (Start-, Stop-,
Suspend-, Resume-VM), a VM's network adapters and hard disk drives, Get-VMHost, and the
Replica server settings (Get-/Set-VMReplicationServer).

Which host. Hyper-V's cmdlets act on the local computer unless given -ComputerName (a host's
FQDN or NetBIOS name, "localhost" or "."). asrsim runs on no Hyper-V host, so here the local
computer is the whole estate: without -ComputerName (or with "localhost" / ".") a cmdlet acts
on every host of the world, in host-name order. Name a host to act on one; a VM's name may
occur on several hosts (a replica and its primary share it).

Objects are live, as Hyper-V's are: a VirtualMachine re-reads the world when a property is
read (Hyper-V's objects refresh from WMI on read), so ``Stop-VM $vm; $vm.State`` is Off, and
Stop-VM -Passthru writes the object it was given.

What the world does not record, and what asrsim shows instead:

- CPU load: CPUUsage is 0 (the world does not model guest load);
- when a VM started: the world records it (a VM running when the world began counts from
  then), so Uptime is exact, at Hyper-V's millisecond precision, and 00:00:00 while off;
- memory: VMs have static memory (DynamicMemoryEnabled False); MemoryAssigned is the
  startup memory while the VM runs or is paused, else 0, and MemoryDemand is 0;
- virtual switches: a network adapter's SwitchName is the VMM logical network its VM network
  belongs to (VMM creates the host's external switch for it);
- controllers: a generation 1 VM boots from IDE 0:0 and has its other disks on SCSI 0; a
  generation 2 VM has all its disks on SCSI 0, in the world's disk order.

Errors are Hyper-V's: the ids and categories of the module's ExceptionHelper (InvalidParameter,
ObjectNotFound, InvalidState ...) with the cmdlet's class in the FullyQualifiedErrorId
(``InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM``); every error is
non-terminating, as the module writes them all through WriteError. Texts marked
"(inferred)" could not be read from a source.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from asrsim.lang.commands import Cmdlet, Parameter
from asrsim.lang.psobject import PSObject, PSScriptProperty
from asrsim.sim import vm_power
from asrsim.sim.errors import InvalidState, NotFound, SimError
from asrsim.sim.fabric import Host
from asrsim.sim.network import AllocatedIPAddress, LogicalNetwork, VMNetwork
from asrsim.sim.replica_server import (
    DEFAULT_CERTIFICATE_PORT,
    DEFAULT_KERBEROS_PORT,
    InvalidReplicaServerSetting,
    ReplicaServerChange,
    change_replica_server,
    parse_time_of_day,
)
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine
from cmdlets.backends.local import sim_error, world_of
from cmdlets.core import as_list, has_wildcard, text_of, wildcard_match

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime
    from asrsim.lang.types import TypeRegistry

MODULE_NAME = "Hyper-V"

NS = "Microsoft.HyperV.PowerShell"
VM_TYPE = f"{NS}.VirtualMachine"
ADAPTER_TYPE = f"{NS}.VMNetworkAdapter"
DISK_TYPE = f"{NS}.HardDiskDrive"
HOST_TYPE = f"{NS}.VMHost"
REPLICA_SERVER_TYPE = f"{NS}.VMReplicationServer"
AUTHORIZATION_ENTRY_TYPE = f"{NS}.VMReplicationAuthorizationEntry"
CLUSTER_OBJECT_TYPE = "Microsoft.FailoverClusters.PowerShell.ClusterObject"
EXCEPTION_TYPE = f"{NS}.VirtualizationException"

_VM_TYPE_NAMES = (VM_TYPE, f"{NS}.VirtualMachineBase", f"{NS}.VirtualizationObject",
                  "System.Object")
_ADAPTER_TYPE_NAMES = (ADAPTER_TYPE, f"{NS}.VMNetworkAdapterBase", f"{NS}.VMDevice",
                       f"{NS}.VirtualizationObject", "System.Object")
_DISK_TYPE_NAMES = (DISK_TYPE, f"{NS}.Drive", f"{NS}.VMDevice", f"{NS}.VirtualizationObject",
                    "System.Object")
_HOST_TYPE_NAMES = (HOST_TYPE, f"{NS}.VirtualizationObject", "System.Object")
_REPLICA_SERVER_TYPE_NAMES = (REPLICA_SERVER_TYPE, f"{NS}.VirtualizationObject", "System.Object")

MIB = 1024 * 1024
#: Hyper-V's defaults for a VM's dynamic-memory range, shown even when memory is static
_MEMORY_MINIMUM = 512 * MIB
_MEMORY_MAXIMUM = 1024 * 1024 * MIB
#: Hyper-V's default folders on a host (Get-VMHost VirtualMachinePath / VirtualHardDiskPath)
DEFAULT_VM_PATH = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V"
DEFAULT_VHD_PATH = "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks"
_EMPTY_GUID = uuid.UUID(int=0)
_OPERATING_NORMALLY = "Operating normally"

#: VMM's VMComputerSystemState -> Hyper-V's VMState
_STATES = {"Running": "Running", "PowerOff": "Off", "Stopped": "Off", "Saved": "Saved",
           "Paused": "Paused"}
#: Hyper-V's VM configuration version by host OS: 4 on Windows Server 2012, 5 on 2012 R2
#: (J. Savill, Mastering Windows Server 2016 Hyper-V, chapter 2)
_VERSIONS = {"Windows Server 2012": "4.0", "Windows Server 2012 R2": "5.0"}

# -- Hyper-V's message texts (ErrorMessages / CmdletErrorMessages) -----------------------------
#: ErrorMessages.VMNotFoundByName, as Get-VM writes it
VM_NOT_FOUND = 'Hyper-V was unable to find a virtual machine with name "{0}".'
#: ErrorMessages.VMNotFoundById (inferred from VMNotFoundByName)
VM_NOT_FOUND_BY_ID = 'Hyper-V was unable to find a virtual machine with id "{0}".'
#: ErrorMessages.Warning_VMAlreadyInDesiredState
ALREADY_IN_STATE = "The virtual machine is already in the specified state."
#: ErrorMessages.OperationFailed_InvalidState
INVALID_STATE = ("The operation cannot be performed while the virtual machine is in its "
                 "current state.")
#: CmdletErrorMessages.VMNetworkAdapter_NoneFound (inferred)
ADAPTER_NOT_FOUND = "No network adapter is found."
#: CmdletErrorMessages.StopVM_SaveAndTurnOffBothSpecified (inferred)
SAVE_AND_TURN_OFF = "The Save and TurnOff parameters cannot be specified at the same time."
#: a CIM failure reaching a computer that is not in the estate (inferred)
COMPUTER_NOT_FOUND = (
    "The operation on computer '{0}' failed: WinRM cannot complete the operation. Verify that "
    "the specified computer name is valid, that the computer is accessible over the network, "
    "and that a firewall exception for the WinRM service is enabled and allows access from "
    "this computer.")
#: CmdletErrorMessages used by Set-VMReplicationServer's ValidateParameters (all inferred)
NO_PARAMETERS = "No parameters were specified. Specify at least one setting to change."
PARAMETER_REQUIRES = "The '{0}' parameter requires the '{1}' parameter."
PARAMETER_OUT_OF_RANGE = "The value of the '{0}' parameter is out of range."
PARAMETER_NOT_PROVIDED = "The '{0}' parameter must be specified."
PARAMETER_NOT_REQUIRED = ("The '{0}' parameter cannot be specified when the authentication "
                          "type is '{1}'.")


def _command_type(name: str) -> str:
    return f"{NS}.Commands.{name.replace('-', '')}"


def hyperv_error(cmdlet: Cmdlet, message: str, error_id: str, category: str,
                 target: Any = None) -> None:
    """A non-terminating error as the module's ExceptionHelper makes it: a
    VirtualizationException with the module's error id and category."""
    cmdlet.write_error(message, error_id, category, target, exception_type=EXCEPTION_TYPE)


class HyperVObject(PSObject):
    """A Hyper-V object that remembers which world object it shows (a copy made by
    Select-Object does not, and is found again by its VMId and ComputerName)."""

    __slots__ = ("world_id",)

    def __init__(self, properties: Iterable[tuple[str, Any]], type_names: Iterable[str],
                 world_id: str, methods: dict[str, Callable[..., Any]] | None = None) -> None:
        super().__init__(properties, type_names, methods)
        self.world_id = world_id


# =============================================================================================
# reading the world
# =============================================================================================


def short_name(host: Host) -> str:
    """A host's computer (NetBIOS) name: the first label of its FQDN."""
    return host.name.split(".", 1)[0]


def vm_state(vm: VirtualMachine) -> str:
    return _STATES.get(vm.status, "Other")


class _Context:
    """What making Hyper-V objects needs: the world, caches of its hosts and enum values, and
    the session's enum types. One per cmdlet call."""

    def __init__(self, cmdlet: Cmdlet) -> None:
        self.world = world_of(cmdlet)
        self.types: TypeRegistry = cmdlet.context.types
        # read before any object, so that an object read after a change is re-read once
        self.seq = self.world.last_change()
        self._hosts: dict[str, Host] = {}
        self._all_hosts: list[Host] | None = None
        self._enums: dict[tuple[str, str], Any] = {}
        self._created: datetime | None = None

    def host(self, host_id: str) -> Host:
        host = self._hosts.get(host_id)
        if host is None:
            host = self._hosts[host_id] = self.world.registry.get(Host, host_id)
        return host

    def all_hosts(self) -> list[Host]:
        """Every host of the estate, by name (read once per cmdlet call)."""
        if self._all_hosts is None:
            self._all_hosts = sorted(self.world.registry.all(Host),
                                     key=lambda h: h.name.casefold())
            for host in self._all_hosts:
                self._hosts[host.id] = host
        return self._all_hosts

    def enum(self, type_name: str, member: str) -> Any:
        """``[Microsoft.HyperV.PowerShell.<type_name>]::<member>``, or the name when the
        session has not registered the enum."""
        key = (type_name, member)
        if key not in self._enums:
            from asrsim.lang.types import PSEnumType

            found = self.types.resolve(f"{NS}.{type_name}")
            value: Any = member
            if isinstance(found, PSEnumType) and member.casefold() in (
                    m.casefold() for m in found.members):
                value = found.value_of(member)
            self._enums[key] = value
        return self._enums[key]

    @property
    def created(self) -> datetime | None:
        """When the world began (its clock's origin)."""
        if self._created is None:
            text = self.world.meta("created")
            self._created = datetime.fromisoformat(text) if text else None
        return self._created

    def uptime(self, vm: VirtualMachine) -> timedelta:
        if vm_state(vm) not in ("Running", "Paused"):
            return timedelta(0)
        since = vm.started or self.created
        if since is None:
            return timedelta(0)
        elapsed = self.world.now() - since
        # Hyper-V reports uptime in whole milliseconds (OnTimeInMilliseconds)
        return max(timedelta(milliseconds=elapsed // timedelta(milliseconds=1)), timedelta(0))


class _LiveVM:
    """A VM as the world has it now: re-read when the world has changed since it was last
    read (one cheap query per read otherwise)."""

    __slots__ = ("ctx", "deleted", "entity", "seq")

    def __init__(self, ctx: _Context, vm: VirtualMachine) -> None:
        self.ctx = ctx
        self.entity = vm
        self.seq = ctx.seq
        self.deleted = False

    def get(self) -> VirtualMachine:
        world = self.ctx.world
        seq = world.last_change()
        if seq != self.seq:
            found = world.registry.lookup(self.entity.id)
            if isinstance(found, VirtualMachine):
                self.entity = found
            else:
                self.deleted = True
            self.seq = seq
        return self.entity

    @property
    def host(self) -> Host:
        return self.ctx.host(self.get().host_id)


class _LiveProperty(PSScriptProperty):
    """A property read from the VM as it is now (no closure per object: Get-VM on a world of
    10,000 VMs makes half a million of these)."""

    __slots__ = ("live", "read")

    def __init__(self, name: str, live: _LiveVM, read: Callable[[_LiveVM], Any]) -> None:
        self.name = name
        self.live = live
        self.read = read
        self.setter = None

    @property
    def value(self) -> Any:
        return self.read(self.live)


def vm_folder(vm: VirtualMachine, disks: list[VirtualHardDisk]) -> str:
    """Where the VM's configuration is: the folder VMM made for it beside its disks
    (``<volume>\\<vm>\\Virtual Hard Disks\\x.vhdx``), else Hyper-V's default folder."""
    for disk in disks:
        folder, marker, _ = disk.path.rpartition("\\Virtual Hard Disks\\")
        if marker:
            return folder
    return DEFAULT_VM_PATH


def controller_of(vm: VirtualMachine, index: int) -> tuple[str, int, int]:
    """(ControllerType, ControllerNumber, ControllerLocation) of the VM's index-th disk."""
    if vm.generation == 1:
        return ("IDE", 0, 0) if index == 0 else ("SCSI", 0, index - 1)
    return ("SCSI", 0, index)


def hyperv_mac(mac: str) -> str:
    """Hyper-V writes MAC addresses as 12 hex digits without separators."""
    return mac.replace(":", "").replace("-", "").upper()


# =============================================================================================
# the objects
# =============================================================================================


def _running(vm: VirtualMachine) -> bool:
    return vm_state(vm) in ("Running", "Paused")


def _folder(live: _LiveVM) -> str:
    vm = live.get()
    return vm_folder(vm, live.ctx.world.registry.children(VirtualHardDisk, vm.id))


def _hard_drives(live: _LiveVM) -> list[HyperVObject]:
    vm = live.get()
    disks = live.ctx.world.registry.children(VirtualHardDisk, vm.id)
    return [disk_object(live.ctx, vm, d, i) for i, d in enumerate(disks)]


def _network_adapters(live: _LiveVM) -> list[HyperVObject]:
    adapters = live.ctx.world.registry.children(NetworkAdapter, live.get().id)
    return [adapter_object(live.ctx, live, a) for a in adapters]


def _heartbeat(live: _LiveVM) -> Any:
    name = {"Running": "OkApplicationsUnknown", "Paused": "Paused",
            "Saved": "NoContact"}.get(vm_state(live.get()))
    return live.ctx.enum("VMHeartbeatStatus", name) if name else None


def _deleted(live: _LiveVM) -> bool:
    live.get()
    return live.deleted


def _constant_enum(type_name: str, member: str) -> Callable[[_LiveVM], Any]:
    return lambda live: live.ctx.enum(type_name, member)


#: the VirtualMachine properties read from the VM as it is now, in the module's order
#: (VMName and VMId, the type's alias properties, first, as Format-List * shows them);
#: a value that is not callable is a constant
_VM_PROPERTIES: tuple[tuple[str, Any], ...] = (
    ("VMName", lambda live: live.get().name),
    ("VMId", lambda live: uuid.UUID(live.entity.hyperv_id)),
    ("ConfigurationLocation", _folder),
    ("SmartPagingFileInUse", False),
    ("SmartPagingFilePath", _folder),
    ("SnapshotFileLocation", _folder),
    ("AutomaticStartAction", _constant_enum("StartAction", "StartIfRunning")),
    ("AutomaticStartDelay", 0),
    ("AutomaticStopAction", _constant_enum("StopAction", "Save")),
    # the world does not model guest load
    ("CPUUsage", lambda live: 0),
    ("MemoryAssigned", lambda live: live.get().memory_mb * MIB if _running(live.get()) else 0),
    ("MemoryDemand", lambda live: 0),
    ("MemoryStatus", ""),
    ("Heartbeat", _heartbeat),
    ("Uptime", lambda live: live.ctx.uptime(live.get())),
    ("OperationalStatus", lambda live: [live.ctx.enum("VMOperationalStatus", "Ok")]),
    ("PrimaryOperationalStatus", _constant_enum("VMOperationalStatus", "Ok")),
    ("SecondaryOperationalStatus", None),
    ("StatusDescriptions", lambda live: [_OPERATING_NORMALLY]),
    ("PrimaryStatusDescription", _OPERATING_NORMALLY),
    ("SecondaryStatusDescription", None),
    ("Status", _OPERATING_NORMALLY),
    # until VMs replicate (a later issue), every VM is outside Hyper-V Replica
    ("ReplicationHealth", _constant_enum("VMReplicationHealthState", "NotApplicable")),
    ("ReplicationMode", _constant_enum("VMReplicationMode", "None")),
    ("ReplicationState", _constant_enum("VMReplicationState", "Disabled")),
    ("ResourceMeteringEnabled", False),
    ("Version", lambda live: _VERSIONS.get(live.host.operating_system, "5.0")),
    ("VirtualMachineType", _constant_enum("VirtualMachineType", "RealizedVirtualMachine")),
    ("VirtualMachineSubType",
     lambda live: live.ctx.enum("VirtualMachineSubType", f"Generation{live.get().generation}")),
    ("Notes", lambda live: live.get().description),
    ("State", lambda live: live.ctx.enum("VMState", vm_state(live.get()))),
    ("DVDDrives", lambda live: []),
    ("HardDrives", _hard_drives),
    ("DynamicMemoryEnabled", False),
    ("MemoryMaximum", _MEMORY_MAXIMUM),
    ("MemoryMinimum", _MEMORY_MINIMUM),
    ("MemoryStartup", lambda live: live.get().memory_mb * MIB),
    ("ProcessorCount", lambda live: live.get().cpu_count),
    ("Generation", lambda live: live.get().generation),
    ("IsClustered", lambda live: live.host.cluster_id is not None),
    ("ParentSnapshotId", None),
    ("ParentSnapshotName", None),
    ("Path", _folder),
    # the world does not record when a VM was made: it has existed since the world began
    ("CreationTime", lambda live: live.ctx.created),
    ("Id", lambda live: uuid.UUID(live.entity.hyperv_id)),
    ("Name", lambda live: live.get().name),
    ("NetworkAdapters", _network_adapters),
    ("CimSession", None),
    ("ComputerName", lambda live: short_name(live.host)),
    ("IsDeleted", _deleted),
)


def vm_object(ctx: _Context, vm: VirtualMachine) -> HyperVObject:
    """Microsoft.HyperV.PowerShell.VirtualMachine, live: each property reads the VM as the
    world has it when it is read."""
    live = _LiveVM(ctx, vm)
    properties = [(name, _LiveProperty(name, live, value) if callable(value) else value)
                  for name, value in _VM_PROPERTIES]

    def to_string() -> str:
        return f"VirtualMachine (Name = '{live.get().name}') [Id = '{vm.hyperv_id}']"

    return HyperVObject(properties, _VM_TYPE_NAMES, vm.id, {"ToString": to_string})


def adapter_object(ctx: _Context, live: _LiveVM, adapter: NetworkAdapter) -> HyperVObject:
    """Microsoft.HyperV.PowerShell.VMNetworkAdapter; its status and addresses follow the
    VM's state (Hyper-V reads addresses from the guest's integration services)."""
    registry = ctx.world.registry
    vm = live.get()
    switch: str | None = None
    if adapter.vm_network_id:
        network = registry.lookup(adapter.vm_network_id)
        if isinstance(network, VMNetwork):
            logical = registry.lookup(network.logical_network_id)
            switch = logical.name if isinstance(logical, LogicalNetwork) else network.name

    def running() -> bool:
        return vm_state(live.get()) in ("Running", "Paused")

    def addresses() -> list[str]:
        if not running():
            return []
        return [a.name for a in registry.referring(AllocatedIPAddress, adapter.id)]

    vm_id = uuid.UUID(vm.hyperv_id)
    properties: list[tuple[str, Any]] = [
        ("ClusterMonitored", True),
        ("MacAddress", hyperv_mac(adapter.mac_address)),
        ("DynamicMacAddressEnabled", False),
        ("IsLegacy", False),
        ("IsSynthetic", True),
        ("IPAddresses", PSScriptProperty("IPAddresses", addresses)),
        ("Connected", adapter.vm_network_id is not None),
        ("SwitchName", switch),
        ("AdapterId", adapter.id.upper()),
        ("StatusDescription", PSScriptProperty(
            "StatusDescription", lambda: ["OK"] if running() else [])),
        ("Status", PSScriptProperty("Status", lambda: [
            ctx.enum("VMNetworkAdapterOperationalStatus", "Ok")] if running() else [])),
        ("IsManagementOs", False),
        ("IsExternalAdapter", False),
        ("Id", f"Microsoft:{vm.hyperv_id.upper()}\\{adapter.id.upper()}"),
        ("SwitchId", None),
        ("Name", adapter.name),
        ("VMId", vm_id),
        ("VMName", PSScriptProperty("VMName", lambda: live.get().name)),
        ("VMSnapshotId", _EMPTY_GUID),
        ("VMSnapshotName", ""),
        ("CimSession", None),
        ("ComputerName", PSScriptProperty(
            "ComputerName", lambda: short_name(ctx.host(live.get().host_id)))),
        ("IsDeleted", False),
    ]

    def to_string() -> str:
        return (f"VMNetworkAdapter (Name = '{adapter.name}', VMName = '{live.get().name}') "
                f"[VMId = '{vm.hyperv_id}']")

    return HyperVObject(properties, _ADAPTER_TYPE_NAMES, adapter.id, {"ToString": to_string})


def disk_object(ctx: _Context, vm: VirtualMachine, disk: VirtualHardDisk,
                index: int) -> HyperVObject:
    """Microsoft.HyperV.PowerShell.HardDiskDrive: the drive a VHDX is attached to."""
    kind, number, location = controller_of(vm, index)
    name = f"Hard Drive on {kind} controller number {number} at location {location}"
    host = ctx.host(vm.host_id)
    properties: list[tuple[str, Any]] = [
        ("Path", disk.path),
        ("DiskNumber", None),
        ("MaximumIOPS", 0),
        ("MinimumIOPS", 0),
        ("QoSPolicyID", _EMPTY_GUID),
        ("SupportPersistentReservations", False),
        ("ControllerLocation", location),
        ("ControllerNumber", number),
        ("ControllerType", ctx.enum("ControllerType", kind)),
        ("Name", name),
        ("PoolName", "Primordial"),
        ("Id", f"Microsoft:{vm.hyperv_id.upper()}\\{disk.id.upper()}"),
        ("VMId", uuid.UUID(vm.hyperv_id)),
        ("VMName", vm.name),
        ("VMSnapshotId", _EMPTY_GUID),
        ("VMSnapshotName", ""),
        ("CimSession", None),
        ("ComputerName", short_name(host)),
        ("IsDeleted", False),
    ]

    def to_string() -> str:
        return f"HardDiskDrive (Name = '{name}', VMName = '{vm.name}') [VMId = '{vm.hyperv_id}']"

    return HyperVObject(properties, _DISK_TYPE_NAMES, disk.id, {"ToString": to_string})


def host_object(ctx: _Context, host: Host) -> HyperVObject:
    """Microsoft.HyperV.PowerShell.VMHost."""
    properties: list[tuple[str, Any]] = [
        ("LogicalProcessorCount", host.cpu_cores),
        ("ResourceMeteringSaveInterval", timedelta(hours=1)),
        ("IovSupport", False),
        ("IovSupportReasons", None),
        ("EnableEnhancedSessionMode", False),
        ("NumaSpanningEnabled", True),
        ("VirtualHardDiskPath", DEFAULT_VHD_PATH),
        ("VirtualMachinePath", DEFAULT_VM_PATH),
        ("FullyQualifiedDomainName", host.name),
        ("MemoryCapacity", host.memory_mb * MIB),
        ("Name", short_name(host)),
        ("MaximumStorageMigrations", 2),
        ("MaximumVirtualMachineMigrations", 2),
        ("UseAnyNetworkForMigration", False),
        ("VirtualMachineMigrationAuthenticationType", ctx.enum("MigrationAuthenticationType",
                                                               "CredSSP")),
        # VMM turns live migration on for the hosts it manages
        ("VirtualMachineMigrationEnabled", True),
        ("VirtualMachineMigrationPerformanceOption", ctx.enum("VMMigrationPerformance",
                                                              "Compression")),
        ("CimSession", None),
        ("ComputerName", short_name(host)),
        ("IsDeleted", False),
    ]
    return HyperVObject(properties, _HOST_TYPE_NAMES, host.id)


def replication_server_object(ctx: _Context, host: Host) -> HyperVObject:
    """Microsoft.HyperV.PowerShell.VMReplicationServer: the host's Replica server settings.

    The default storage location belongs to the ``*`` authorization entry, so it reads empty
    while replication is not allowed from any server (VMReplicationServer.DefaultStorageLocation);
    the world keeps it for when it is allowed again."""
    any_server = host.replication_allowed_from_any_server
    entries: list[PSObject] = []
    if any_server:
        entries.append(PSObject([
            ("AllowedPrimaryServer", "*"), ("ReplicaStorageLocation", host.replica_storage_path),
            ("TrustGroup", "DEFAULT"), ("CimSession", None),
            ("ComputerName", short_name(host)), ("IsDeleted", False),
        ], (AUTHORIZATION_ENTRY_TYPE, f"{NS}.VirtualizationObject", "System.Object"),
            # the class does not override ToString: .NET gives its type name
            {"ToString": lambda: AUTHORIZATION_ENTRY_TYPE}))
    properties: list[tuple[str, Any]] = [
        ("AllowedAuthenticationType", ctx.enum("RecoveryAuthenticationType",
                                               host.allowed_authentication_type)),
        ("AuthorizationEntries", entries),
        ("CertificateAuthenticationPort", host.certificate_authentication_port),
        ("CertificateAuthenticationPortMapping", None),
        ("CertificateThumbprint", host.certificate_thumbprint),
        ("DefaultStorageLocation", host.replica_storage_path if any_server else ""),
        ("KerberosAuthenticationPort", host.kerberos_authentication_port),
        ("KerberosAuthenticationPortMapping", None),
        ("MonitoringInterval", timedelta(seconds=host.monitoring_interval_seconds)),
        ("MonitoringStartTime", timedelta(seconds=parse_time_of_day(host.monitoring_start_time))),
        ("OperationalStatus", [ctx.enum("VMReplicationServerOperationalStatus", "Ok")]),
        ("ReplicationAllowedFromAnyServer", any_server),
        ("ReplicationEnabled", host.replication_enabled),
        ("StatusDescriptions", ["OK"]),
        ("CimSession", None),
        ("ComputerName", short_name(host)),
        ("IsDeleted", False),
    ]
    return HyperVObject(properties, _REPLICA_SERVER_TYPE_NAMES, host.id)


# =============================================================================================
# finding hosts and VMs
# =============================================================================================


def select_hosts(cmdlet: Cmdlet, ctx: _Context) -> list[Host]:
    """The hosts -ComputerName names (a host's FQDN or NetBIOS name, wildcards allowed), in
    the order given; without it, or for "localhost" / ".", every host of the estate. A name
    that is no host of the estate is an error, and the others are still used
    (ParameterResolvers.GetServers logs each failing server and goes on)."""
    everything = ctx.all_hosts()
    names = [text_of(n) for n in as_list(cmdlet.param("ComputerName"))]
    if not names:
        return everything
    chosen: list[Host] = []
    for name in names:
        if name.strip() in ("", ".", "localhost"):
            found = everything
        elif has_wildcard(name):
            found = [h for h in everything
                     if wildcard_match(name, h.name) or wildcard_match(name, short_name(h))]
        else:
            folded = name.casefold()
            found = [h for h in everything
                     if folded in (h.name.casefold(), short_name(h).casefold())]
            if not found:
                hyperv_error(cmdlet, COMPUTER_NOT_FOUND.format(name), "Unspecified",
                             "NotSpecified", name)
        chosen += [h for h in found if h not in chosen]
    return chosen


def find_vms(cmdlet: Cmdlet, ctx: _Context, hosts: list[Host], names: list[str] | None,
             *, missing_as_argument: bool) -> list[VirtualMachine]:
    """The VMs on ``hosts`` whose names match ``names`` (wildcards allowed; None: all), in
    host order and then by name. A name without wildcards that matches no VM is an error:
    InvalidParameter for Get-VM (``missing_as_argument``), ObjectNotFound for the other
    cmdlets (VirtualizationObjectLocator.WriteNonMatchingNameErrors)."""
    registry = ctx.world.registry
    rank = {h.id: i for i, h in enumerate(hosts)}
    every_host = len(hosts) == len(ctx.all_hosts())
    candidates: dict[str, VirtualMachine] = {}

    def scan() -> list[VirtualMachine]:
        if every_host:
            return registry.all(VirtualMachine)
        return [vm for h in hosts for vm in registry.children(VirtualMachine, h.id)]

    if names is None:
        candidates = {vm.id: vm for vm in scan() if vm.host_id in rank}
    else:
        patterns = [n for n in names if has_wildcard(n)]
        if patterns:
            for vm in scan():
                if vm.host_id in rank and any(wildcard_match(p, vm.name) for p in patterns):
                    candidates[vm.id] = vm
        for name in names:
            if has_wildcard(name):
                continue
            for vm in registry.named(VirtualMachine, name):
                if vm.host_id in rank:
                    candidates[vm.id] = vm
        found_names = {vm.name.casefold() for vm in candidates.values()}
        for name in names:
            if has_wildcard(name) or name.casefold() in found_names:
                continue
            if missing_as_argument:
                hyperv_error(cmdlet, VM_NOT_FOUND.format(name), "InvalidParameter",
                             "InvalidArgument", name)
            else:
                hyperv_error(cmdlet, VM_NOT_FOUND.format(name), "ObjectNotFound",
                             "ObjectNotFound")
    return sorted(candidates.values(), key=lambda v: (rank[v.host_id], v.name.casefold()))


def vm_of_object(ctx: _Context, obj: Any) -> VirtualMachine | None:
    """The world's VM a VirtualMachine object shows (found again by VMId and ComputerName
    when the object is a copy)."""
    world_id = getattr(obj, "world_id", None)
    registry = ctx.world.registry
    if world_id is not None:
        found = registry.lookup(world_id)
        return found if isinstance(found, VirtualMachine) else None
    if not isinstance(obj, PSObject):
        return None
    wanted = text_of(obj.get("VMId") or obj.get("Id") or "").casefold()
    computer = text_of(obj.get("ComputerName") or "").casefold()
    hosts = [h for h in ctx.all_hosts()
             if not computer or computer in (h.name.casefold(), short_name(h).casefold())]
    for host in hosts:
        for vm in registry.children(VirtualMachine, host.id):
            if vm.hyperv_id.casefold() == wanted:
                return vm
    return None


class _VMCmdlet(Cmdlet):
    """The Hyper-V cmdlets that act on VMs named by -Name/-VMName or given by -VM."""

    noun_module = MODULE_NAME
    #: the name of the parameter that takes VM names in the default set
    names_parameter = "Name"

    def target_vms(self, ctx: _Context) -> list[tuple[VirtualMachine, HyperVObject | None]]:
        """The VMs this call acts on, with the object each came in as (-VM), if any."""
        if self.has("VM"):
            found: list[tuple[VirtualMachine, HyperVObject | None]] = []
            for obj in as_list(self.param("VM")):
                vm = vm_of_object(ctx, obj)
                if vm is None:
                    hyperv_error(self, VM_NOT_FOUND.format(text_of(obj.get("Name")) if
                                 isinstance(obj, PSObject) else text_of(obj)),
                                 "ObjectNotFound", "ObjectNotFound")
                    continue
                found.append((vm, obj if isinstance(obj, HyperVObject) else None))
            return found
        hosts = select_hosts(self, ctx)
        names = [text_of(n) for n in as_list(self.param(self.names_parameter))]
        return [(vm, None) for vm in find_vms(self, ctx, hosts, names,
                                              missing_as_argument=False)]


_VM_NAME_SET = "Name"
_VM_OBJECT_SET = "VMObject"
_COMPUTER_NAME = Parameter("ComputerName", "string[]", sets=(_VM_NAME_SET,),
                           not_null_or_empty=True)
_VM_PARAMETERS = (
    Parameter("Name", "string[]", position=0, mandatory=True, sets=(_VM_NAME_SET,),
              pipeline=True, aliases=("VMName",), not_null_or_empty=True),
    _COMPUTER_NAME,
    Parameter("VM", f"{VM_TYPE}[]", position=0, mandatory=True, sets=(_VM_OBJECT_SET,),
              pipeline=True, not_null_or_empty=True),
)
_REMOTING = ("CimSession", "Credential")


# =============================================================================================
# Get-VM
# =============================================================================================


class GetVM(Cmdlet):
    """Gets the virtual machines from one or more Hyper-V hosts.

    Without -ComputerName, asrsim lists the VMs of every host of the estate (there is no
    local host). -Name takes wildcards; a name without wildcards that matches nothing is
    Hyper-V's InvalidParameter error."""

    name = "Get-VM"
    noun_module = MODULE_NAME
    command_type_name = _command_type("Get-VM")
    output_type = VM_TYPE
    default_set = "Name"
    parameters = (
        Parameter("Name", "string[]", position=0, sets=("Name",), pipeline=True,
                  aliases=("VMName",), not_null_or_empty=True),
        Parameter("ComputerName", "string[]", sets=("Name", "Id"), not_null_or_empty=True),
        Parameter("Id", "guid", position=0, sets=("Id",), pipeline=True,
                  pipeline_by_name=True),
        Parameter("ClusterObject", CLUSTER_OBJECT_TYPE, position=0, mandatory=True,
                  sets=("ClusterObject",), pipeline=True),
    )
    missing_parameters = _REMOTING

    def process(self) -> None:
        if self.parameter_set_name == "ClusterObject":
            hyperv_error(self, "not supported in asrsim: Get-VM -ClusterObject (the simulated "
                         "estate has no failover cluster objects); name the cluster's nodes "
                         "with -ComputerName", "NotSupported", "NotImplemented")
            return
        ctx = _Context(self)
        hosts = select_hosts(self, ctx)
        if self.has("Id"):
            wanted = str(self.param("Id")).casefold()
            ids = {h.id for h in hosts}
            # VMId is not indexed in the world: look through the selected hosts' VMs
            found = [vm for vm in ctx.world.registry.all(VirtualMachine)
                     if vm.host_id in ids and vm.hyperv_id.casefold() == wanted]
            if not found:
                hyperv_error(self, VM_NOT_FOUND_BY_ID.format(self.param("Id")),
                             "ObjectNotFound", "ObjectNotFound")
            for vm in found:
                self.write_object(vm_object(ctx, vm))
            return
        names = None
        if self.has("Name") and self.param("Name") is not None:
            names = [text_of(n) for n in as_list(self.param("Name"))]
        for vm in find_vms(self, ctx, hosts, names, missing_as_argument=True):
            self.write_object(vm_object(ctx, vm))


# =============================================================================================
# the power verbs
# =============================================================================================

#: Hyper-V's state transitions (VirtualMachine.gm_StateTransitionMap): the states an action
#: may start from, and the state it leads to (equal to the current one: "already in the
#: specified state", a warning)
_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "start": (("Off", "Saved", "Paused"), "Running"),
    "turnoff": (("Running", "Paused", "Saved"), "Off"),
    "shutdown": (("Running",), "Stopping"),
    "save": (("Running", "Paused"), "Saved"),
    "suspend": (("Running",), "Paused"),
    "resume": (("Paused",), "Running"),
}


class _PowerCmdlet(_VMCmdlet):
    parameters: ClassVar[tuple[Parameter, ...]] = (*_VM_PARAMETERS, Parameter("Passthru", "switch"))
    default_set = _VM_NAME_SET
    supports_should_process = True
    output_type = VM_TYPE
    missing_parameters = (*_REMOTING, "AsJob")

    def action(self) -> str:
        raise NotImplementedError

    def validate(self) -> bool:
        return True

    def process(self) -> None:
        if not self.validate():
            return
        ctx = _Context(self)
        action = self.action()
        for vm, given in self.target_vms(ctx):
            if self.should_process(vm.name, self.name):
                self.change(ctx, vm, action)
            if self.param("Passthru"):
                current = ctx.world.registry.lookup(vm.id)
                if given is not None:
                    self.write_object(given)
                elif isinstance(current, VirtualMachine):
                    self.write_object(vm_object(ctx, current))

    def change(self, ctx: _Context, vm: VirtualMachine, action: str) -> None:
        """VirtualMachine.ChangeState: a warning when the VM is already there, Hyper-V's
        InvalidState error when the action cannot start from its state, else the world's
        power operation (no VMM job: Hyper-V does not record one)."""
        current = vm_state(vm)
        allowed, target = _TRANSITIONS[action]
        # Stop-VM checks for Off itself before it asks the guest to shut down
        if current == target or (action == "shutdown" and current == "Off"):
            self.write_warning(ALREADY_IN_STATE)
            return
        if current not in allowed:
            self.invalid_state(ctx, vm)
            return
        world = ctx.world
        try:
            if action == "start":
                vm_power.start(world, vm.id)
            elif action == "save":
                vm_power.stop(world, vm.id, "save")
            elif action == "turnoff" and current == "Saved":
                # turning off a saved VM throws its saved state away
                vm_power.discard_saved_state(world, vm.id)
            elif action in ("turnoff", "shutdown"):
                vm_power.stop(world, vm.id, "turnoff" if action == "turnoff" else "shutdown")
            elif action == "suspend":
                vm_power.pause(world, vm.id)
            else:
                vm_power.resume(world, vm.id)
        except InvalidState:
            self.invalid_state(ctx, vm)
        except NotFound:
            hyperv_error(self, VM_NOT_FOUND.format(vm.name), "ObjectNotFound", "ObjectNotFound")
        except SimError as error:
            sim_error(self, error)

    def invalid_state(self, ctx: _Context, vm: VirtualMachine) -> None:
        # CreateInvalidStateException(OperationFailed_InvalidState, null, this): the VM is
        # the error's target
        hyperv_error(self, INVALID_STATE, "InvalidState", "InvalidOperation",
                     vm_object(ctx, vm))


class StartVM(_PowerCmdlet):
    """Starts a virtual machine."""

    name = "Start-VM"
    command_type_name = _command_type("Start-VM")

    def action(self) -> str:
        return "start"


class StopVM(_PowerCmdlet):
    """Shuts down, turns off, or saves a virtual machine.

    Without -TurnOff or -Save the guest is shut down through its integration services (in
    asrsim every guest answers); -Force is accepted (Hyper-V then gives applications five
    minutes, which the simulated guest does not need)."""

    name = "Stop-VM"
    command_type_name = _command_type("Stop-VM")
    parameters = (*_PowerCmdlet.parameters, Parameter("Save", "switch"),
                  Parameter("TurnOff", "switch"), Parameter("Force", "switch"))

    def validate(self) -> bool:
        if self.param("Save") and self.param("TurnOff"):
            hyperv_error(self, SAVE_AND_TURN_OFF, "InvalidParameter", "InvalidArgument")
            return False
        return True

    def action(self) -> str:
        if self.param("Save"):
            return "save"
        return "turnoff" if self.param("TurnOff") else "shutdown"


class SuspendVM(_PowerCmdlet):
    """Suspends, or pauses, a virtual machine."""

    name = "Suspend-VM"
    command_type_name = _command_type("Suspend-VM")

    def action(self) -> str:
        return "suspend"


class ResumeVM(_PowerCmdlet):
    """Resumes a suspended (paused) virtual machine."""

    name = "Resume-VM"
    command_type_name = _command_type("Resume-VM")

    def action(self) -> str:
        return "resume"


# =============================================================================================
# adapters and drives
# =============================================================================================


class GetVMNetworkAdapter(_VMCmdlet):
    """Gets the virtual network adapters of a virtual machine, snapshot, management operating
    system, or of a virtual machine and management operating system.

    -All gives the adapters of every VM (asrsim does not model the management operating
    system's adapters); -ManagementOS is not supported."""

    name = "Get-VMNetworkAdapter"
    command_type_name = _command_type("Get-VMNetworkAdapter")
    output_type = ADAPTER_TYPE
    default_set = "VMName"
    names_parameter = "VMName"
    parameters = (
        Parameter("VMName", "string[]", position=0, mandatory=True, sets=("VMName",),
                  pipeline=True, not_null_or_empty=True),
        Parameter("VM", f"{VM_TYPE}[]", position=0, mandatory=True, sets=("VMObject",),
                  pipeline=True, not_null_or_empty=True),
        Parameter("Name", "string", position=1, aliases=("VMNetworkAdapterName",)),
        Parameter("IsLegacy", "bool", sets=("VMName", "VMObject")),
        Parameter("ManagementOS", "switch", mandatory=True, sets=("ManagementOS",)),
        Parameter("SwitchName", "string", sets=("ManagementOS",)),
        Parameter("All", "switch", mandatory=True, sets=("All",)),
        Parameter("ComputerName", "string[]", sets=("VMName", "ManagementOS", "All"),
                  not_null_or_empty=True),
    )
    missing_parameters = (*_REMOTING, "VMSnapshot")

    def process(self) -> None:
        if self.parameter_set_name == "ManagementOS":
            hyperv_error(self, "not supported in asrsim: Get-VMNetworkAdapter -ManagementOS "
                         "(the simulated hosts have no management OS adapters)",
                         "NotSupported", "NotImplemented")
            return
        ctx = _Context(self)
        if self.parameter_set_name == "All":
            vms = find_vms(self, ctx, select_hosts(self, ctx), None, missing_as_argument=False)
        else:
            vms = [vm for vm, _ in self.target_vms(ctx)]
        adapters: list[HyperVObject] = []
        for vm in vms:
            live = _LiveVM(ctx, vm)
            adapters += [adapter_object(ctx, live, a)
                         for a in ctx.world.registry.children(NetworkAdapter, vm.id)]
        if self.param("IsLegacy") is True:
            adapters = []  # every adapter of the estate is synthetic
        pattern = self.param("Name")
        if pattern:
            adapters = [a for a in adapters if wildcard_match(text_of(pattern), a.get("Name"))]
            if not adapters:
                hyperv_error(self, ADAPTER_NOT_FOUND, "ObjectNotFound", "ObjectNotFound")
                return
        for adapter in adapters:
            self.write_object(adapter)


class GetVMHardDiskDrive(_VMCmdlet):
    """Gets the virtual hard disk drives attached to one or more virtual machines."""

    name = "Get-VMHardDiskDrive"
    command_type_name = _command_type("Get-VMHardDiskDrive")
    output_type = DISK_TYPE
    default_set = "VMName"
    names_parameter = "VMName"
    parameters = (
        Parameter("VMName", "string[]", position=0, mandatory=True, sets=("VMName",),
                  pipeline=True, not_null_or_empty=True),
        Parameter("VM", f"{VM_TYPE}[]", position=0, mandatory=True, sets=("VMObject",),
                  pipeline=True, not_null_or_empty=True),
        Parameter("ControllerLocation", "int"),
        Parameter("ControllerNumber", "int"),
        Parameter("ControllerType", f"{NS}.ControllerType"),
        Parameter("ComputerName", "string[]", sets=("VMName",), not_null_or_empty=True),
    )
    missing_parameters = (*_REMOTING, "VMSnapshot", "VMDriveController")

    def process(self) -> None:
        ctx = _Context(self)
        kind = text_of(self.param("ControllerType")) if self.has("ControllerType") else None
        for vm, _ in self.target_vms(ctx):
            for index, disk in enumerate(ctx.world.registry.children(VirtualHardDisk, vm.id)):
                controller, number, location = controller_of(vm, index)
                if kind is not None and kind.casefold() != controller.casefold():
                    continue
                if self.has("ControllerNumber") and self.param("ControllerNumber") != number:
                    continue
                if self.has("ControllerLocation") and \
                        self.param("ControllerLocation") != location:
                    continue
                self.write_object(disk_object(ctx, vm, disk, index))


# =============================================================================================
# hosts and Replica servers
# =============================================================================================

_HOST_PARAMETERS = (
    Parameter("ComputerName", "string[]", position=0, pipeline=True, not_null_or_empty=True),
)


class GetVMHost(Cmdlet):
    """Gets a Hyper-V host.

    Without -ComputerName, asrsim gets every host of the estate."""

    name = "Get-VMHost"
    noun_module = MODULE_NAME
    command_type_name = _command_type("Get-VMHost")
    output_type = HOST_TYPE
    parameters = _HOST_PARAMETERS
    missing_parameters = _REMOTING

    def process(self) -> None:
        ctx = _Context(self)
        for host in select_hosts(self, ctx):
            self.write_object(host_object(ctx, host))


class GetVMReplicationServer(Cmdlet):
    """Gets the replication and authentication settings of a Replica server.

    Without -ComputerName, asrsim gets the settings of every host of the estate."""

    name = "Get-VMReplicationServer"
    noun_module = MODULE_NAME
    command_type_name = _command_type("Get-VMReplicationServer")
    output_type = REPLICA_SERVER_TYPE
    parameters = _HOST_PARAMETERS
    missing_parameters = _REMOTING

    def process(self) -> None:
        ctx = _Context(self)
        for host in select_hosts(self, ctx):
            self.write_object(replication_server_object(ctx, host))


class SetVMReplicationServer(Cmdlet):
    """Configures a host as a Replica server.

    Without -ComputerName, asrsim configures every host of the estate. As Hyper-V does, a
    call that does not give -KerberosAuthenticationPort or -CertificateAuthenticationPort
    sets that port back to its default (80, 443), and -CertificateThumbprint is applied only
    together with -AllowedAuthenticationType."""

    name = "Set-VMReplicationServer"
    noun_module = MODULE_NAME
    command_type_name = _command_type("Set-VMReplicationServer")
    output_type = REPLICA_SERVER_TYPE
    supports_should_process = True
    parameters = (
        Parameter("ReplicationEnabled", "bool", position=0, aliases=("RepEnabled",),
                  allow_null=False),
        Parameter("AllowedAuthenticationType", f"{NS}.RecoveryAuthenticationType", position=1,
                  aliases=("AuthType",)),
        Parameter("ReplicationAllowedFromAnyServer", "bool", position=2,
                  aliases=("AllowAnyServer",), allow_null=False),
        Parameter("CertificateThumbprint", "string", aliases=("Thumbprint",),
                  pipeline_by_name=True, not_null_or_empty=True),
        Parameter("DefaultStorageLocation", "string", aliases=("StorageLoc",),
                  not_null_or_empty=True),
        Parameter("KerberosAuthenticationPort", "int", aliases=("KerbAuthPort",),
                  validate_range=(1, 65535)),
        Parameter("CertificateAuthenticationPort", "int", aliases=("CertAuthPort",),
                  validate_range=(1, 65535)),
        Parameter("MonitoringInterval", "timespan", allow_null=False),
        Parameter("MonitoringStartTime", "timespan", allow_null=False),
        Parameter("ComputerName", "string[]", not_null_or_empty=True),
        Parameter("Force", "switch"),
        Parameter("Passthru", "switch"),
    )
    missing_parameters = (*_REMOTING, "KerberosAuthenticationPortMapping",
                          "CertificateAuthenticationPortMapping")

    def refusal(self) -> tuple[str, str, str] | None:
        """SetVMReplicationServer.ValidateParameters, in its order: (message, error id,
        category) of the first rule the call breaks."""
        settings = ("ReplicationEnabled", "AllowedAuthenticationType",
                    "ReplicationAllowedFromAnyServer", "CertificateThumbprint",
                    "DefaultStorageLocation", "KerberosAuthenticationPort",
                    "CertificateAuthenticationPort", "MonitoringInterval", "MonitoringStartTime")
        if not any(self.has(s) for s in settings):
            return NO_PARAMETERS, "OperationFailed", "InvalidOperation"
        invalid = "InvalidParameter", "InvalidArgument"
        if self.param("ReplicationAllowedFromAnyServer") and not self.param(
                "DefaultStorageLocation"):
            return (PARAMETER_REQUIRES.format("ReplicationAllowedFromAnyServer",
                                              "DefaultStorageLocation"), *invalid)
        interval: timedelta | None = self.param("MonitoringInterval")
        if interval is not None and not timedelta(hours=1) <= interval <= timedelta(days=7):
            return PARAMETER_OUT_OF_RANGE.format("MonitoringInterval"), *invalid
        start: timedelta | None = self.param("MonitoringStartTime")
        if start is not None and not timedelta(0) <= start <= timedelta(hours=24):
            return PARAMETER_OUT_OF_RANGE.format("MonitoringStartTime"), *invalid
        kind = self.authentication_type()
        thumbprint = text_of(self.param("CertificateThumbprint") or "").strip()
        if kind in ("Certificate", "CertificateAndKerberos") and not thumbprint:
            return PARAMETER_NOT_PROVIDED.format("CertificateThumbprint"), *invalid
        if kind == "Kerberos" and thumbprint:
            return PARAMETER_NOT_REQUIRED.format("CertificateThumbprint", kind), *invalid
        if self.param("ReplicationEnabled") and kind is None:
            return PARAMETER_NOT_PROVIDED.format("AllowedAuthenticationType"), *invalid
        return None

    def authentication_type(self) -> str | None:
        value = self.param("AllowedAuthenticationType")
        return None if value is None else text_of(value)

    def change(self) -> ReplicaServerChange:
        """What SetVMReplicationServer.ProcessOneOperand puts: the certificate thumbprint
        goes with the authentication type (and is cleared for Kerberos), and a port not
        given goes back to its default."""
        kind = self.authentication_type()
        thumbprint = None
        if kind == "Kerberos":
            thumbprint = ""
        elif kind is not None:
            thumbprint = text_of(self.param("CertificateThumbprint")).strip()
        interval: timedelta | None = self.param("MonitoringInterval")
        start: timedelta | None = self.param("MonitoringStartTime")
        kerberos_port = self.param("KerberosAuthenticationPort")
        certificate_port = self.param("CertificateAuthenticationPort")
        location = self.param("DefaultStorageLocation")
        return ReplicaServerChange(
            replication_enabled=self.param("ReplicationEnabled"),
            allowed_authentication_type=kind,
            replication_allowed_from_any_server=self.param("ReplicationAllowedFromAnyServer"),
            certificate_thumbprint=thumbprint,
            default_storage_location=None if location is None else text_of(location),
            kerberos_authentication_port=(DEFAULT_KERBEROS_PORT if kerberos_port is None
                                          else int(kerberos_port)),
            certificate_authentication_port=(DEFAULT_CERTIFICATE_PORT if certificate_port is None
                                             else int(certificate_port)),
            monitoring_interval_seconds=(None if interval is None
                                         else int(interval.total_seconds())),
            monitoring_start_seconds=None if start is None else int(start.total_seconds()),
        )

    def process(self) -> None:
        refused = self.refusal()
        if refused is not None:
            message, error_id, category = refused
            hyperv_error(self, message, error_id, category)
            return
        ctx = _Context(self)
        change = self.change()
        for host in select_hosts(self, ctx):
            if not self.should_process(short_name(host), self.name):
                continue
            try:
                updated = change_replica_server(ctx.world, host.id, change)
            except InvalidReplicaServerSetting as error:
                hyperv_error(self, error.message, error.error_id, error.category)
                continue
            except SimError as error:
                sim_error(self, error)
                continue
            if self.param("Passthru"):
                self.write_object(replication_server_object(ctx, updated))


CMDLETS: tuple[type[Cmdlet], ...] = (
    GetVM, StartVM, StopVM, SuspendVM, ResumeVM, GetVMNetworkAdapter, GetVMHardDiskDrive,
    GetVMHost, GetVMReplicationServer, SetVMReplicationServer,
)


# =============================================================================================
# types and views (HyperV.Format.ps1xml)
# =============================================================================================

#: the module's enums this module's objects and parameters use, with their values
_ENUMS: dict[str, tuple[tuple[str, int], ...]] = {
    "VMState": (
        ("Other", 1), ("Running", 2), ("Off", 3), ("Stopping", 4), ("Saved", 6), ("Paused", 9),
        ("Starting", 10), ("Reset", 11), ("Saving", 32773), ("Pausing", 32776),
        ("Resuming", 32777), ("FastSaved", 32779), ("FastSaving", 32780),
        ("ForceShutdown", 32781), ("ForceReboot", 32782), ("Hibernated", 32783),
        ("ComponentServicing", 32784), ("RunningCritical", 32785), ("OffCritical", 32786),
        ("StoppingCritical", 32787), ("SavedCritical", 32788), ("PausedCritical", 32789),
        ("StartingCritical", 32790), ("ResetCritical", 32791), ("SavingCritical", 32792),
        ("PausingCritical", 32793), ("ResumingCritical", 32794), ("FastSavedCritical", 32795),
        ("FastSavingCritical", 32796)),
    "VMReplicationState": tuple((n, i) for i, n in enumerate((
        "Disabled", "ReadyForInitialReplication", "InitialReplicationInProgress",
        "WaitingForInitialReplication", "Replicating", "PreparedForFailover",
        "FailedOverWaitingCompletion", "FailedOver", "Suspended", "Error",
        "WaitingForStartResynchronize", "Resynchronizing", "ResynchronizeSuspended",
        "RecoveryInProgress", "FailbackInProgress", "FailbackComplete",
        "WaitingForUpdateCompletion", "UpdateError", "WaitingForRepurposeCompletion",
        "PreparedForSyncReplication", "PreparedForGroupReverseReplication",
        "FiredrillInProgress"))),
    "VMReplicationHealthState": (("NotApplicable", 0), ("Normal", 1), ("Warning", 2),
                                 ("Critical", 3)),
    "VMReplicationMode": (("None", 0), ("Primary", 1), ("Replica", 2), ("TestReplica", 3),
                          ("ExtendedReplica", 4)),
    "RecoveryAuthenticationType": (("Kerberos", 1), ("Certificate", 2),
                                   ("CertificateAndKerberos", 3)),
    "ControllerType": (("IDE", 0), ("SCSI", 1), ("PMEM", 2)),
    "StartAction": (("Nothing", 2), ("StartIfRunning", 3), ("Start", 4)),
    "StopAction": (("TurnOff", 2), ("Save", 3), ("ShutDown", 4)),
    "VirtualMachineType": (("RealizedVirtualMachine", 3), ("PlannedVirtualMachine", 4)),
    "VirtualMachineSubType": (("Unknown", 0), ("Generation1", 1), ("Generation2", 2)),
    "VMHeartbeatStatus": (
        ("Unknown", 0), ("Disabled", 1), ("NoContact", 2), ("Error", 3),
        ("LostCommunication", 4), ("OkApplicationsUnknown", 5), ("OkApplicationsHealthy", 6),
        ("OkApplicationsCritical", 7), ("Paused", 8)),
    "MigrationAuthenticationType": (("CredSSP", 0), ("Kerberos", 1)),
    "VMMigrationPerformance": (("TCPIP", 0), ("Compression", 1), ("SMB", 2)),
}
#: CIM operational status values (VMOperationalStatus, VMNetworkAdapterOperationalStatus,
#: VMReplicationServerOperationalStatus)
_OPERATIONAL_STATUS = (
    ("Unknown", 0), ("Other", 1), ("Ok", 2), ("Degraded", 3), ("Stressed", 4),
    ("PredictiveFailure", 5), ("Error", 6), ("NonRecoverableError", 7), ("Starting", 8),
    ("Stopping", 9), ("Stopped", 10), ("InService", 11), ("NoContact", 12),
    ("LostCommunication", 13), ("Aborted", 14), ("Dormant", 15), ("SupportingEntityInError", 16),
    ("Completed", 17), ("PowerMode", 18))
_OBJECT_TYPES = (VM_TYPE, ADAPTER_TYPE, DISK_TYPE, HOST_TYPE, REPLICA_SERVER_TYPE,
                 AUTHORIZATION_ENTRY_TYPE, CLUSTER_OBJECT_TYPE)
#: Get-VMReplicationServer's AuthType column abbreviates the authentication type
_AUTH_ABBREVIATIONS = {"Kerberos": "Kerb", "Certificate": "Cert",
                       "CertificateAndKerberos": "CertAndKerb"}


def _value(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, PSObject) else None


def _megabytes(name: str) -> Callable[[Any], Any]:
    """``$_.<name> / 1MB`` as PowerShell divides: an integer when it divides evenly."""
    def read(obj: Any) -> Any:
        value = _value(obj, name)
        if not isinstance(value, int):
            return value
        whole, rest = divmod(value, MIB)
        return whole if rest == 0 else value / MIB
    return read


def register(runtime: Runtime, session: Any) -> None:
    """The module's types (for -VM parameters, casts and -is) and its format views."""
    from asrsim.lang.formatting import Column, ListView, TableView, prop
    from asrsim.lang.types import PSEnumType, PSType

    types = runtime.types
    for name in _OBJECT_TYPES:
        types.register(PSType(name))
    for name, members in _ENUMS.items():
        types.register(PSEnumType(f"{NS}.{name}", members))
    for name in ("VMOperationalStatus", "VMNetworkAdapterOperationalStatus",
                 "VMReplicationServerOperationalStatus"):
        types.register(PSEnumType(f"{NS}.{name}", _OPERATIONAL_STATUS))

    left = "Left"
    views = runtime.views
    # the list view goes first: a view registered later is preferred, and the table is the
    # default (Get-VM | Format-List shows these ten properties)
    views.register(ListView((VM_TYPE,), (
        prop("Name"), prop("State"), prop("CPUUsage", "CpuUsage"),
        *(prop(n) for n in ("MemoryAssigned", "MemoryDemand", "MemoryStatus", "Uptime",
                            "Status", "ReplicationState", "Generation")))))
    views.register(TableView((VM_TYPE,), (
        prop("Name", alignment=left), prop("State", alignment=left),
        prop("CPUUsage", "CPUUsage(%)", alignment=left),
        Column("MemoryAssigned(M)", _megabytes("MemoryAssigned"), alignment=left),
        prop("Uptime", alignment=left), prop("Status", alignment=left),
        prop("Version", alignment=left))))
    views.register(TableView((ADAPTER_TYPE,), tuple(prop(n, alignment=left) for n in (
        "Name", "IsManagementOs", "VMName", "SwitchName", "MacAddress", "Status",
        "IPAddresses"))))
    views.register(TableView((DISK_TYPE,), tuple(prop(n, alignment=left) for n in (
        "VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DiskNumber",
        "Path"))))
    views.register(TableView((HOST_TYPE,), (
        prop("Name", alignment=left), prop("LogicalProcessorCount", alignment=left),
        Column("MemoryCapacity(M)", _megabytes("MemoryCapacity"), alignment=left),
        prop("VirtualMachineMigrationEnabled", alignment=left))))
    views.register(TableView((REPLICA_SERVER_TYPE,), (
        prop("ReplicationEnabled", "RepEnabled", alignment=left),
        Column("AuthType", lambda o: _AUTH_ABBREVIATIONS.get(
            text_of(_value(o, "AllowedAuthenticationType")),
            _value(o, "AllowedAuthenticationType")), alignment=left),
        prop("KerberosAuthenticationPort", "KerbAuthPort", alignment=left),
        prop("CertificateAuthenticationPort", "CertAuthPort", alignment=left),
        prop("ReplicationAllowedFromAnyServer", "AllowAnyServer", alignment=left))))


__all__ = ["CMDLETS", "MODULE_NAME", "register"]
