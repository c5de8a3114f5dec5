"""A host as a Hyper-V Replica server: the settings Get-/Set-VMReplicationServer read and change.

The settings live on the host (``asrsim.sim.fabric.Host``); this module is the one place they
change. A change is checked whole before anything is written, then written in one
transaction, so a rejected change leaves the host as it was (Hyper-V validates all of
Set-VMReplicationServer's parameters before it puts the setting data).

Rules (Hyper-V's, from the Set-VMReplicationServer documentation and the module's
``SetVMReplicationServer`` / ``VMReplicationServer`` classes):

- the authentication types a Replica server accepts are Kerberos (HTTP), Certificate (HTTPS)
  or both (``RecoveryAuthenticationType``); certificate-based authentication needs the
  thumbprint of a machine certificate;
- listener ports are 1..65535 (ValidateRange); Hyper-V's defaults are 80 (Kerberos) and 443
  (certificates); ASR opens 8083 and 8084 when it configures hosts (the seed);
- accepting replication from any server (the ``*`` authorization entry) needs the default
  storage location where the replicas of any primary go, and that location can be given only
  while replication from any server is allowed;
- the monitoring interval of Measure-VMReplication is one of 1, 2, 3, 4, 6, 8, 12 or 24 hours
  or 2..7 days ("Valid values are ..."), and it starts at a time of day from 00:00 to 24:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from asrsim.sim.errors import SimError
from asrsim.sim.fabric import Host
from asrsim.sim.simulation import Simulation

#: RecoveryAuthenticationType, in the module's order (Kerberos = 1 ... CertificateAndKerberos = 3)
AUTHENTICATION_TYPES = ("Kerberos", "Certificate", "CertificateAndKerberos")
DEFAULT_KERBEROS_PORT = 80
DEFAULT_CERTIFICATE_PORT = 443
_HOUR = 3600
_DAY = 24 * _HOUR
#: Set-VMReplicationServer -MonitoringInterval: "Valid values are: 1 hour, 2 hours, 3 hours,
#: 4 hours, 6 hours, 8 hours, 12 hours, 24 hours, 2 days, 3 days, 4 days, 5 days, 6 days,
#: 7 days."
MONITORING_INTERVALS = (
    *(h * _HOUR for h in (1, 2, 3, 4, 6, 8, 12, 24)),
    *(d * _DAY for d in (2, 3, 4, 5, 6, 7)),
)
_THUMBPRINT = re.compile(r"^[0-9A-Fa-f]{40}$")
_TIME_OF_DAY = re.compile(r"^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$")


class InvalidReplicaServerSetting(SimError):
    """A Replica server setting Hyper-V refuses; ``parameter`` names the cmdlet parameter."""

    error_id = "InvalidParameter"
    category = "InvalidArgument"

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class ReplicaServerChange:
    """What to change; None leaves a setting as it is."""

    replication_enabled: bool | None = None
    allowed_authentication_type: str | None = None
    replication_allowed_from_any_server: bool | None = None
    certificate_thumbprint: str | None = None
    default_storage_location: str | None = None
    kerberos_authentication_port: int | None = None
    certificate_authentication_port: int | None = None
    monitoring_interval_seconds: int | None = None
    monitoring_start_seconds: int | None = None


def format_time_of_day(seconds: int) -> str:
    """A TimeSpan's text ("c" format) for a whole number of seconds: ``09:00:00``,
    ``1.00:00:00`` for 24 hours."""
    days, rest = divmod(seconds, _DAY)
    hours, rest = divmod(rest, _HOUR)
    minutes, secs = divmod(rest, 60)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{days}.{text}" if days else text


def parse_time_of_day(text: str) -> int:
    """Seconds of a time of day kept as ``format_time_of_day`` writes it."""
    match = _TIME_OF_DAY.match(text.strip())
    if match is None:
        raise InvalidReplicaServerSetting(
            "MonitoringStartTime", f"'{text}' is not a time of day (hh:mm:ss).")
    days, hours, minutes, secs = match.groups()
    return int(days or 0) * _DAY + int(hours) * _HOUR + int(minutes) * 60 + int(secs)


def _check_values(change: ReplicaServerChange) -> None:
    """The checks that need no host: each value on its own."""
    kind = change.allowed_authentication_type
    if kind is not None and kind not in AUTHENTICATION_TYPES:
        choices = ", ".join(AUTHENTICATION_TYPES)
        raise InvalidReplicaServerSetting(
            "AllowedAuthenticationType",
            f"'{kind}' is not an authentication type: use one of {choices}.")
    for parameter, port in (("KerberosAuthenticationPort", change.kerberos_authentication_port),
                            ("CertificateAuthenticationPort",
                             change.certificate_authentication_port)):
        if port is not None and not 1 <= port <= 65535:
            raise InvalidReplicaServerSetting(
                parameter, f"The value of the '{parameter}' parameter is out of range.")
    interval = change.monitoring_interval_seconds
    if interval is not None and interval not in MONITORING_INTERVALS:
        raise InvalidReplicaServerSetting(
            "MonitoringInterval",
            "The monitoring interval must be 1, 2, 3, 4, 6, 8, 12 or 24 hours, or 2, 3, 4, 5, "
            "6 or 7 days.")
    start = change.monitoring_start_seconds
    if start is not None and not 0 <= start <= _DAY:
        raise InvalidReplicaServerSetting(
            "MonitoringStartTime",
            "The value of the 'MonitoringStartTime' parameter is out of range.")
    thumbprint = change.certificate_thumbprint
    if thumbprint and not _THUMBPRINT.match(thumbprint):
        # a SHA-1 thumbprint is 40 hex digits; Hyper-V looks it up in the machine's Personal
        # store, which a simulated host does not have (inferred wording)
        raise InvalidReplicaServerSetting(
            "CertificateThumbprint",
            f"The certificate with thumbprint '{thumbprint}' was not found in the Personal "
            "certificate store of the Replica server.")
    if change.default_storage_location is not None and not change.default_storage_location:
        raise InvalidReplicaServerSetting(
            "DefaultStorageLocation", "The default storage location cannot be empty.")


def _merged(host: Host, change: ReplicaServerChange) -> Host:
    updated = host
    if change.replication_enabled is not None:
        updated = replace(updated, replication_enabled=change.replication_enabled)
    if change.allowed_authentication_type is not None:
        updated = replace(updated, allowed_authentication_type=change.allowed_authentication_type)
    if change.certificate_thumbprint is not None:
        updated = replace(updated, certificate_thumbprint=change.certificate_thumbprint.upper())
    if change.replication_allowed_from_any_server is not None:
        updated = replace(updated, replication_allowed_from_any_server=(
            change.replication_allowed_from_any_server))
    if change.default_storage_location is not None:
        updated = replace(updated, replica_storage_path=change.default_storage_location)
    if change.kerberos_authentication_port is not None:
        updated = replace(updated, kerberos_authentication_port=change.kerberos_authentication_port)
    if change.certificate_authentication_port is not None:
        updated = replace(updated,
                          certificate_authentication_port=change.certificate_authentication_port)
    if change.monitoring_interval_seconds is not None:
        updated = replace(updated, monitoring_interval_seconds=change.monitoring_interval_seconds)
    if change.monitoring_start_seconds is not None:
        updated = replace(updated, monitoring_start_time=format_time_of_day(
            change.monitoring_start_seconds))
    return updated


def _check_result(before: Host, after: Host, change: ReplicaServerChange) -> None:
    """The checks of the host as the change would leave it."""
    any_server = after.replication_allowed_from_any_server
    if change.default_storage_location is not None and not any_server:
        # VMReplication_InvalidValueForRequiredDependentParameter (wording inferred): the
        # default location belongs to the "*" authorization entry, which exists only while
        # replication from any server is allowed
        raise InvalidReplicaServerSetting(
            "DefaultStorageLocation",
            "The 'DefaultStorageLocation' parameter can be specified only when "
            "'ReplicationAllowedFromAnyServer' is 'True'.")
    if any_server and not before.replication_allowed_from_any_server \
            and change.default_storage_location is None:
        raise InvalidReplicaServerSetting(
            "DefaultStorageLocation",
            "The 'ReplicationAllowedFromAnyServer' parameter requires the "
            "'DefaultStorageLocation' parameter.")
    if after.allowed_authentication_type in ("Certificate", "CertificateAndKerberos") \
            and after.replication_enabled and not after.certificate_thumbprint:
        raise InvalidReplicaServerSetting(
            "CertificateThumbprint",
            "The 'CertificateThumbprint' parameter is required for certificate-based "
            "authentication.")


def change_replica_server(simulation: Simulation, host_id: str,
                          change: ReplicaServerChange) -> Host:
    """Apply ``change`` to the Replica server settings of a host, all of it or nothing;
    returns the host as changed. Raises InvalidReplicaServerSetting for a refused value."""
    _check_values(change)
    with simulation.write() as tx:
        host = tx.registry.get(Host, host_id)
        updated = _merged(host, change)
        _check_result(host, updated, change)
        if updated != host:
            tx.update(updated)
    return updated
