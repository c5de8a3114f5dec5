"""Sites, VMM servers, host groups, Hyper-V hosts and clusters, and VMM clouds."""

from __future__ import annotations

import dataclasses

from asrsim.sim.entity import Entity

#: System Center VMM releases a world may declare; ASR needs 2012 SP1 or later (the seed's
#: prerequisites), so 2012 RTM is accepted only so that the check can be rehearsed.
VMM_VERSIONS = ("2012", "2012 SP1", "2012 R2", "2016")
#: Hyper-V hosts of the scenario: 2012 replicates every 5 minutes, 2012 R2 every 30 s, 5 or 15 min.
HOST_OPERATING_SYSTEMS = ("Windows Server 2012", "Windows Server 2012 R2")
SITE_ROLES = ("primary", "recovery", "")
HYPERV_CAPABILITY_PROFILE = "Hyper-V"
CAPABILITY_PROFILES = ("Hyper-V", "ESX Server", "XenServer")
#: VMM's well-known TCP port for console and PowerShell connections.
VMM_DEFAULT_PORT = 8100


@dataclasses.dataclass(frozen=True, kw_only=True)
class Site(Entity):
    KIND = "site"
    role: str = ""
    location: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class VMMServer(Entity):
    KIND = "vmm_server"
    PARENT = "site_id"
    site_id: str
    version: str
    port: int = VMM_DEFAULT_PORT


@dataclasses.dataclass(frozen=True, kw_only=True)
class HostGroup(Entity):
    """A VMM host group; ``path`` is VMM's ``Path`` (``All Hosts\\Seattle\\Production``)."""

    KIND = "host_group"
    PARENT = "vmm_server_id"
    REF = "parent_group_id"
    vmm_server_id: str
    parent_group_id: str | None = None
    path: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class HostCluster(Entity):
    KIND = "host_cluster"
    PARENT = "host_group_id"
    host_group_id: str
    #: the Hyper-V Replica Broker role's client access point, needed to replicate to a cluster
    replica_broker: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Host(Entity):
    KIND = "host"
    PARENT = "host_group_id"
    REF = "cluster_id"
    host_group_id: str
    cluster_id: str | None = None
    operating_system: str
    cpu_cores: int
    memory_mb: int
    #: Hyper-V's default location for replica files when no storage mapping says otherwise
    replica_storage_path: str = "C:\\Hyper-V\\Replica"
    # -- the host as a Hyper-V Replica server (Get-/Set-VMReplicationServer) ----------------
    replication_enabled: bool = False
    #: "Kerberos", "Certificate" or "CertificateAndKerberos"
    allowed_authentication_type: str = "Kerberos"
    replication_allowed_from_any_server: bool = True
    kerberos_authentication_port: int = 80
    certificate_authentication_port: int = 443
    certificate_thumbprint: str = ""
    #: the monitoring window of Measure-VMReplication: 12 hours from 09:00 by default
    monitoring_interval_seconds: int = 12 * 3600
    monitoring_start_time: str = "09:00:00"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Cloud(Entity):
    KIND = "cloud"
    PARENT = "vmm_server_id"
    vmm_server_id: str
    description: str = ""
    host_group_ids: tuple[str, ...] = ()
    logical_network_ids: tuple[str, ...] = ()
    storage_classification_ids: tuple[str, ...] = ()
    capability_profiles: tuple[str, ...] = ()
    #: VMM's "send configuration data about this cloud to Azure Site Recovery"
    disaster_recovery_supported: bool = False
