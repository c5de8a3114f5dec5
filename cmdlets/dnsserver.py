"""DnsServer: the Windows DNS Server module's zone and resource record cmdlets.

The real module is CDXML over the DnsServerPSProvider WMI provider, so its objects are CIM
instances (``CimInstance#DnsServerResourceRecord``) and its errors CimExceptions whose
FullyQualifiedErrorId is the DNS server's Win32 code and the cmdlet's own name
(``WIN32 9601,Get-DnsServerResourceRecord``). Parameter names, sets, positions and aliases
are those of the module's PS_DnsServerResourceRecord*.cdxml (the module's generated
functions, and docset/winserver2022-ps/dnsserver in MicrosoftDocs/windows-powershell-docs).

A record's RecordData is an embedded CIM instance of its own class
(``DnsServerResourceRecordA`` with ``IPv4Address`` ...). A record object holds its own copy
of everything: ``$new = $old.Clone()`` (or ``[ciminstance]::new($old)``) copies RecordData
too, so changing ``$new.RecordData.IPv4Address`` leaves ``$old`` as it was, which is what
Set-DnsServerResourceRecord needs to find the old record by its data.

Which DNS server a command talks to: -ComputerName names one (its host name or FQDN);
without it, the server that hosts the zone, as on a domain controller where every
AD-integrated zone is local. Messages name the server as Windows does, by its computer name
(``DC01``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from asrsim.lang.commands import Cmdlet, Parameter
from asrsim.lang.errors import ParameterBindingException, PSException, RuntimeException
from asrsim.lang.psobject import PSObject, PSScriptProperty
from asrsim.sim import dns_records
from asrsim.sim.dns import DnsRecord, DnsServer, DnsZone
from asrsim.sim.dns_records import TYPE_NUMBERS, DnsError, InvalidRecord
from cmdlets.backends.local import sim_error, world_of

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime
    from asrsim.lang.types import TypeRegistry
    from asrsim.sim.registry import Registry
    from asrsim.sim.simulation import Simulation

MODULE_NAME = "DnsServer"

CIM = "Microsoft.Management.Infrastructure.CimInstance"
CIM_EXCEPTION = "Microsoft.Management.Infrastructure.CimException"
NAMESPACE = "root/Microsoft/Windows/DNS"
RECORD_TYPE_NAME = f"{CIM}#DnsServerResourceRecord"
RECORD_DATA_TYPE_NAME = f"{CIM}#DnsServerResourceRecordData"

#: -RRType's ValidateSet (PS_DnsServerResourceRecord.cdxml)
RR_TYPES = ("HInfo", "Afsdb", "Atma", "Isdn", "Key", "Mb", "Md", "Mf", "Mg", "MInfo", "Mr",
            "Mx", "NsNxt", "Rp", "Rt", "Wks", "X25", "A", "AAAA", "CName", "Ptr", "Srv", "Txt",
            "Wins", "WinsR", "Ns", "Soa", "NasP", "NasPtr", "DName", "Gpos", "Loc", "DhcId",
            "Naptr", "RRSig", "DnsKey", "DS", "NSec", "NSec3", "NSec3Param", "Tlsa")

#: parameters of the real cmdlets asrsim does not model: zone scopes and virtualization
#: instances (one default scope per zone here), and the CIM session plumbing
_CIM_PLUMBING = ("CimSession", "ThrottleLimit", "AsJob")
_SCOPES = ("ZoneScope", "VirtualizationInstance")


def cim_type_names(*classes: str) -> tuple[str, ...]:
    """A CIM instance's PSTypeNames: each class up its hierarchy, namespace-qualified and
    short, then CimInstance (the CimInstanceAdapter's order)."""
    names: list[str] = []
    for name in dict.fromkeys(classes):
        names += [f"{CIM}#{NAMESPACE}/{name}", f"{CIM}#{name}"]
    return (*names, CIM, "System.Object")


RECORD_TYPE_NAMES = cim_type_names("DnsServerResourceRecord", "DnsDomain")
ZONE_TYPE_NAMES = cim_type_names("DnsServerPrimaryZone", "DnsServerZone")

#: RecordData's class and properties per record type (DnsServerPSProvider.mof): the
#: property and the type an assignment converts to, as the CIM adapter converts
_DATA: Mapping[str, tuple[str, tuple[tuple[str, str], ...]]] = MappingProxyType({
    "A": ("DnsServerResourceRecordA", (("IPv4Address", "ipaddress"),)),
    "AAAA": ("DnsServerResourceRecordAAAA", (("IPv6Address", "ipaddress"),)),
    "CNAME": ("DnsServerResourceRecordCName", (("HostNameAlias", "string"),)),
    "PTR": ("DnsServerResourceRecordPtr", (("PtrDomainName", "string"),)),
    "NS": ("DnsServerResourceRecordNS", (("NameServer", "string"),)),
    "TXT": ("DnsServerResourceRecordTxt", (("DescriptiveText", "string"),)),
    "MX": ("DnsServerResourceRecordMX", (("MailExchange", "string"), ("Preference", "uint16"))),
    "SRV": ("DnsServerResourceRecordSrv", (("DomainName", "string"), ("Port", "uint16"),
                                           ("Priority", "uint16"), ("Weight", "uint16"))),
    "SOA": ("DnsServerResourceRecordSoa", (
        ("ExpireLimit", "timespan"), ("MinimumTimeToLive", "timespan"),
        ("PrimaryServer", "string"), ("RefreshInterval", "timespan"),
        ("ResponsiblePerson", "string"), ("RetryDelay", "timespan"),
        ("SerialNumber", "uint32"))),
})
#: an AD-integrated zone's SOA timers as dnsmgmt creates them (refresh 15 minutes, retry 10
#: minutes, expire 1 day, minimum TTL 1 hour); the world keeps only serial and names
_SOA_TIMERS: Mapping[str, timedelta] = MappingProxyType({
    "ExpireLimit": timedelta(days=1), "MinimumTimeToLive": timedelta(hours=1),
    "RefreshInterval": timedelta(minutes=15), "RetryDelay": timedelta(minutes=10)})
KEPT_TYPES = "A, AAAA, CNAME, PTR, TXT, NS, MX and SRV"


# =============================================================================================
# CIM objects
# =============================================================================================


def _setting_error(name: str, error: RuntimeException) -> RuntimeException:
    """What assigning an unconvertible value to a CIM property gives (the adapter's
    SetValueInvocationException)."""
    return RuntimeException(f'Exception setting "{name}": "{error.message}"',
                            "ExceptionWhenSetting", "NotSpecified",
                            dotnet_type="System.Management.Automation.SetValueInvocationException")


def _cim_property(state: dict[str, Any], name: str,
                  convert: Callable[[Any], Any] | None = None) -> PSScriptProperty:
    """A CIM property backed by ``state``; read-only without ``convert`` (the MOF's Read
    qualifier: assigning gives "'HostName' is a ReadOnly property.")."""

    def get() -> Any:
        return state[name]

    if convert is None:
        return PSScriptProperty(name, get)

    def put(value: Any) -> None:
        try:
            state[name] = convert(value)
        except RuntimeException as error:
            raise _setting_error(name, error) from None

    return PSScriptProperty(name, get, put)


def _converter(types: TypeRegistry, type_name: str, *, nullable: bool = False
               ) -> Callable[[Any], Any]:
    pstype = types.resolve(type_name)
    assert pstype is not None, type_name

    def convert(value: Any) -> Any:
        if nullable and value is None:
            return None
        return pstype.convert(value)

    return convert


def data_fields(record_type: str, data: str) -> dict[str, Any]:
    """The RecordData property values of a record's data as the world keeps it."""
    kind = record_type.upper()
    if kind == "A":
        return {"IPv4Address": ipaddress.IPv4Address(data)}
    if kind == "AAAA":
        return {"IPv6Address": ipaddress.IPv6Address(data)}
    if kind in ("CNAME", "PTR", "NS", "TXT"):
        return {_DATA[kind][1][0][0]: data}
    fields = dns_records.bracketed(data)
    if kind == "MX" and len(fields) == 2:
        return {"MailExchange": fields[1], "Preference": int(fields[0])}
    if kind == "SRV" and len(fields) == 4:
        return {"DomainName": fields[3], "Port": int(fields[2]), "Priority": int(fields[0]),
                "Weight": int(fields[1])}
    if kind == "SOA" and len(fields) == 3:
        return {**_SOA_TIMERS, "PrimaryServer": fields[1], "ResponsiblePerson": fields[2],
                "SerialNumber": int(fields[0])}
    return {}


def fields_data(record_type: str, data: PSObject) -> str:
    """A RecordData object's values as record data (what the table's RecordData column
    shows, and what Set and Remove match records by)."""
    kind = record_type.upper()

    def text(name: str) -> str:
        value = data.get(name)
        return "" if value is None else str(value)

    if kind in ("A", "AAAA", "CNAME", "PTR", "NS", "TXT"):
        return text(_DATA[kind][1][0][0])
    if kind == "MX":
        return f"[{text('Preference')}][{text('MailExchange')}]"
    if kind == "SRV":
        return "".join(f"[{text(n)}]" for n in ("Priority", "Weight", "Port", "DomainName"))
    if kind == "SOA":
        return "".join(f"[{text(n)}]" for n in ("SerialNumber", "PrimaryServer",
                                                 "ResponsiblePerson"))
    return ""


def record_data_object(types: TypeRegistry, record_type: str,
                       values: dict[str, Any]) -> PSObject:
    """An embedded DnsServerResourceRecord<Type> instance."""
    class_name, properties = _DATA.get(record_type.upper(), ("DnsServerResourceRecordData", ()))
    state: dict[str, Any] = {}
    obj = PSObject((), cim_type_names(class_name, "DnsServerResourceRecordData"))
    for name, type_name in properties:
        convert = _converter(types, type_name, nullable=True)
        state[name] = convert(values.get(name))
        obj.add_property(name, _cim_property(state, name, convert))

    def clone() -> PSObject:
        return record_data_object(types, record_type, {n: obj.get(n) for n, _ in properties})

    # CimInstance.ToString() of a class without keys is its class name (what Format-List
    # and ConvertTo-Csv show for RecordData)
    obj.methods.update({"clone": clone, "tostring": lambda: class_name})
    return obj


def _record_data_converter(types: TypeRegistry) -> Callable[[Any], Any]:
    to_cim = _converter(types, "ciminstance")

    def convert(value: Any) -> Any:
        converted = to_cim(value)
        if converted is not None and RECORD_DATA_TYPE_NAME not in converted.type_names:
            raise RuntimeException(
                f'Cannot convert the "{value}" value of type "{converted.type_name}" to type '
                f'"{RECORD_DATA_TYPE_NAME}".', "InvalidCastException", "InvalidArgument")
        return converted

    return convert


def record_object(types: TypeRegistry, values: dict[str, Any]) -> PSObject:
    """A DnsServerResourceRecord CIM instance. ``values`` holds its properties; the ones the
    MOF marks read-only cannot be assigned, the others convert what is assigned."""
    state: dict[str, Any] = dict(values)
    converters: dict[str, Callable[[Any], Any] | None] = {
        "DistinguishedName": None,
        "HostName": None,
        "RecordClass": None,
        "RecordData": _record_data_converter(types),
        "RecordType": None,
        "Timestamp": _converter(types, "datetime", nullable=True),
        "TimeToLive": _converter(types, "timespan"),
        "Type": None,
        "PSComputerName": None,
    }
    obj = PSObject((), RECORD_TYPE_NAMES)
    for name, convert in converters.items():
        obj.add_property(name, _cim_property(state, name, convert))

    def clone() -> PSObject:
        # CimInstance.Clone() is deep: the embedded RecordData is a copy of its own
        copied = {name: obj.get(name) for name in converters}
        data = copied["RecordData"]
        if isinstance(data, PSObject) and "clone" in data.methods:
            copied["RecordData"] = data.methods["clone"]()
        return record_object(types, copied)

    obj.methods.update({"clone": clone, "tostring": lambda: "DnsServerResourceRecord"})
    return obj


def _domain(zone: DnsZone, server: DnsServer) -> str:
    """The AD domain whose DomainDnsZones partition holds the zone: the server's."""
    return server.name.partition(".")[2] or zone.name


def _domain_components(zone: DnsZone, server: DnsServer) -> str:
    return ",".join(f"DC={part}" for part in _domain(zone, server).split("."))


def distinguished_name(record_name: str, zone: DnsZone, server: DnsServer) -> str:
    if zone.is_ds_integrated:
        return (f"DC={record_name},DC={zone.name},cn=MicrosoftDNS,DC=DomainDnsZones,"
                f"{_domain_components(zone, server)}")
    return f"DC={record_name},DC={zone.name},cn=MicrosoftDNS"


def world_record(types: TypeRegistry, record: DnsRecord, zone: DnsZone,
                 server: DnsServer) -> PSObject:
    uint16 = _converter(types, "uint16")
    return record_object(types, {
        "DistinguishedName": distinguished_name(record.name, zone, server),
        "HostName": record.name,
        "RecordClass": "IN",
        "RecordData": record_data_object(types, record.record_type,
                                         data_fields(record.record_type, record.data)),
        "RecordType": record.record_type,
        "Timestamp": record.timestamp,
        "TimeToLive": timedelta(seconds=record.ttl_seconds),
        "Type": uint16(TYPE_NUMBERS.get(record.record_type, 0)),
        "PSComputerName": None,
    })


def zone_object(zone: DnsZone, server: DnsServer) -> PSObject:
    reverse = zone.name.casefold().endswith((".in-addr.arpa", ".ip6.arpa"))
    ds = zone.is_ds_integrated
    return PSObject([
        ("AllowedDcForNsRecordsAutoCreation", None),
        ("DistinguishedName",
         f"DC={zone.name},cn=MicrosoftDNS,DC=DomainDnsZones,{_domain_components(zone, server)}"
         if ds else None),
        ("IsAutoCreated", False),
        ("IsDsIntegrated", ds),
        ("IsPaused", False),
        ("IsReadOnly", False),
        ("IsReverseLookupZone", reverse),
        ("IsShutdown", False),
        ("ZoneName", zone.name),
        ("ZoneType", zone.zone_type),
        ("DirectoryPartitionName", f"DomainDnsZones.{_domain(zone, server)}" if ds else None),
        ("DynamicUpdate", zone.dynamic_update),
        ("IgnorePolicies", False),
        ("IsPluginEnabled", False),
        ("IsSigned", False),
        ("IsWinsEnabled", False),
        ("Notify", "NoNotify"),
        ("NotifyServers", None),
        ("ReplicationScope", "Domain" if ds else "None"),
        ("SecondaryServers", None),
        ("SecureSecondaries", "NoTransfer"),
        ("ZoneFile", None if ds else f"{zone.name}.dns"),
        ("PSComputerName", None),
    ], ZONE_TYPE_NAMES)


def record_fields(obj: PSObject) -> tuple[str, str, str]:
    """(HostName, RecordType, data) of a record object as it is now."""
    record_type = str(obj.get("RecordType") or "").upper()
    data = obj.get("RecordData")
    text = fields_data(record_type, data) if isinstance(data, PSObject) else ""
    return str(obj.get("HostName") or ""), record_type, text


# =============================================================================================
# the shared plumbing
# =============================================================================================


def _computer_name_parameter(*, forward_alias: bool = True) -> Parameter:
    aliases = ("Cn", "ForwardLookupPrimaryServer") if forward_alias else ("Cn",)
    return Parameter("ComputerName", "string", aliases=aliases, not_null_or_empty=True,
                     validate_length=(1, 255))


def _zone_parameter(*, alias: bool = True) -> Parameter:
    return Parameter("ZoneName", "string", position=1, mandatory=True,
                     aliases=("ForwardLookupZone",) if alias else (), pipeline_by_name=True,
                     not_null_or_empty=True)


def _mismatched_type(cmdlet: Cmdlet, parameter: str) -> ParameterBindingException:
    """What PowerShell says when a [PSTypeName('...#DnsServerResourceRecord')] parameter is
    given another object."""
    return ParameterBindingException(
        f"Cannot bind argument to parameter '{parameter}', because PSTypeNames of the argument "
        f"do not match the PSTypeName required by the parameter: {RECORD_TYPE_NAME}.",
        "MismatchedPSTypeName", command=cmdlet.name)


class _DnsCmdlet(Cmdlet):
    """What every DnsServer cmdlet shares: finding the server and zone, CIM errors."""

    noun_module = MODULE_NAME
    #: the DNS provider's message when the zone is missing (Get-DnsServerResourceRecord's,
    #: as community.windows issue #432 quotes it)
    zone_missing = "Failed to get the zone information for {zone} on server {server}."

    def write_error(self, message: Any, error_id: str = "", category: str = "NotSpecified",
                    target: Any = None, exception_type: str | None = None) -> None:
        # every error the DNS provider reports reaches PowerShell as a CimException
        if exception_type is None and error_id.startswith("WIN32"):
            exception_type = CIM_EXCEPTION
        super().write_error(message, error_id, category, target, exception_type)

    @property
    def types(self) -> TypeRegistry:
        return self.context.types

    def record(self, record: DnsRecord, zone: DnsZone, server: DnsServer) -> PSObject:
        return world_record(self.types, record, zone, server)

    # -- servers and zones -------------------------------------------------------------------

    def servers(self, registry: Registry) -> tuple[list[DnsServer], str]:
        """The DNS servers -ComputerName names (all, without it) and how messages name
        the server."""
        servers = sorted(registry.all(DnsServer), key=lambda s: s.name.casefold())
        asked = self.param("ComputerName")
        if asked is None:
            return servers, server_label(servers[0]) if servers else "localhost"
        folded = str(asked).casefold()
        chosen = [s for s in servers
                  if folded in (s.name.casefold(), s.name.split(".")[0].casefold())]
        if not chosen:
            # an address names the server whose host (A) record holds it
            chosen = [s for s in servers if folded in _addresses_of(registry, s)]
        return chosen, str(asked)

    def find_zone(self, world: Simulation, zone_name: str
                  ) -> tuple[DnsZone, DnsServer, str] | None:
        """The zone (with its server and the server's name for messages), or None after
        writing the DnsServer module's error."""
        registry = world.registry
        servers, label = self.servers(registry)
        if not servers:
            # the RPC endpoint of a computer that is no DNS server (RPC_S_SERVER_UNAVAILABLE)
            self.write_error(self.zone_missing.format(zone=zone_name, server=label),
                             "WIN32 1722", "ResourceUnavailable", zone_name)
            return None
        for server in servers:
            zones = dns_records.zones_named(registry, zone_name, server.id)
            if zones:
                return zones[0], server, (label if self.has("ComputerName")
                                          else server_label(server))
        self.write_error(self.zone_missing.format(zone=zone_name, server=label), "WIN32 9601",
                         "ObjectNotFound", zone_name)
        return None

    def confirm(self, question: str) -> bool:
        """The DNS provider's own prompt: a critical MI prompt, which the CIM cmdletization
        layer turns into ShouldContinue (CimChildJobBase.PromptUserCallback), so
        -Confirm:$false does not silence it, only -Force does; a host that cannot ask fails
        with PowerShell's NonInteractive error."""
        host = self.context.host
        if not host.interactive:
            self.write_error("PowerShell is in NonInteractive mode. Read and Prompt "
                             "functionality is not available.", "InvalidOperation",
                             "InvalidOperation",
                             exception_type="System.Management.Automation."
                                            "PSInvalidOperationException")
            return False
        answer = host.read_line(f"\nConfirm\n{question}\n[Y] Yes  [A] Yes to All  [N] No  "
                                '[L] No to All  [?] Help (default is "Y"): ')
        return answer.strip().casefold() in ("", "y", "yes", "a")

    def dns_failed(self, error: DnsError, message: str, target: Any) -> None:
        sim_error(self, error, message=message, target=target)

    def check_record_object(self, value: Any, parameter: str) -> PSObject:
        if not isinstance(value, PSObject) or RECORD_TYPE_NAME not in value.type_names:
            raise _mismatched_type(self, parameter)
        return value

    @staticmethod
    def ttl_seconds(value: Any) -> int | None:
        # the DNS server keeps whole seconds
        return int(value.total_seconds()) if isinstance(value, timedelta) else None


def _addresses_of(registry: Registry, server: DnsServer) -> set[str]:
    host, _, domain = server.name.partition(".")
    return {r.data for zone in dns_records.zones_named(registry, domain)
            for r in dns_records.records_of(registry, zone, host, node=True)
            if r.record_type in ("A", "AAAA")}


def server_label(server: DnsServer) -> str:
    """A server as Windows names it in messages: its computer (NetBIOS) name."""
    return server.name.split(".")[0].upper()


def _type_filter(records: Iterable[DnsRecord], rr_type: str | None,
                 type_number: int | None) -> list[DnsRecord]:
    chosen = list(records)
    if rr_type is not None:
        chosen = [r for r in chosen if r.record_type.casefold() == rr_type.casefold()]
    if type_number is not None:
        chosen = [r for r in chosen if TYPE_NUMBERS.get(r.record_type) == int(type_number)]
    return chosen


# =============================================================================================
# Get-DnsServerZone
# =============================================================================================


class GetDnsServerZone(_DnsCmdlet):
    """Gets details of DNS zones on a DNS server.

    Without -Name, every zone of the server; a name that is no zone gives the DnsServer
    module's ObjectNotFound error (WIN32 9601)."""

    name = "Get-DnsServerZone"
    command_type_name = "Get-DnsServerZone"
    output_type = f"{CIM}#DnsServerZone"
    parameters = (
        Parameter("Name", "string[]", position=1, aliases=("ZoneName",), pipeline_by_name=True,
                  not_null_or_empty=True),
        _computer_name_parameter(forward_alias=False),
    )
    missing_parameters = ("VirtualizationInstance", *_CIM_PLUMBING)

    def process(self) -> None:
        world = world_of(self)
        registry = world.registry
        servers, label = self.servers(registry)
        names = self.param("Name")
        if not servers:
            self.write_error(f"Failed to enumerate zones from the server {label}.",
                             "WIN32 1722", "ResourceUnavailable", label)
            return
        zones = [(zone, server) for server in servers
                 for zone in sorted(registry.children(DnsZone, server.id),
                                    key=lambda z: z.name.casefold())]
        if names is None:
            for zone, server in zones:
                self.write_object(zone_object(zone, server))
            return
        for name in names if isinstance(names, list) else [names]:
            folded = str(name).rstrip(".").casefold()
            found = [(z, s) for z, s in zones if z.name.casefold() == folded]
            if not found:
                # the DNS provider's text for DNS_ERROR_ZONE_DOES_NOT_EXIST
                self.write_error(f"The zone {name} was not found on server {label}.",
                                 "WIN32 9601", "ObjectNotFound", name)
                continue
            zone, server = found[0]
            self.write_object(zone_object(zone, server))


# =============================================================================================
# Get-DnsServerResourceRecord
# =============================================================================================


class GetDnsServerResourceRecord(_DnsCmdlet):
    """Gets resource records from a specified DNS zone.

    -Name gets the records of that node and of the nodes below it (-Node: of the node
    only); without -Name, the whole zone. Several records give an array, one record a single
    object. A name with no records gives WIN32 9714 (ObjectNotFound); a missing zone WIN32
    9601."""

    name = "Get-DnsServerResourceRecord"
    command_type_name = "Get-DnsServerResourceRecord"
    output_type = f"{CIM}#DnsServerResourceRecord[]"
    parameters = (
        Parameter("Name", "string", position=2, pipeline_by_name=True, not_null_or_empty=True),
        _computer_name_parameter(),
        _zone_parameter(),
        Parameter("Node", "switch"),
        Parameter("RRType", "string", pipeline_by_name=True, validate_set=RR_TYPES,
                  not_null_or_empty=True, sets=("Name",)),
        Parameter("Type", "uint16", position=3, mandatory=True, pipeline_by_name=True,
                  sets=("Unknown",)),
    )
    missing_parameters = (*_SCOPES, *_CIM_PLUMBING)

    def process(self) -> None:
        world = world_of(self)
        zone_name = str(self.param("ZoneName"))
        found = self.find_zone(world, zone_name)
        if found is None:
            return
        zone, server, label = found
        name = self.param("Name")
        records = dns_records.records_of(world.registry, zone, name,
                                         node=bool(self.param("Node")))
        if name is not None and not records:
            # DNS_ERROR_NAME_DOES_NOT_EXIST, in the provider's own word order
            self.write_error(f"Failed to get {name} record in {zone.name} zone on {label} "
                             "server.", "WIN32 9714", "ObjectNotFound", name)
            return
        for record in _type_filter(records, self.param("RRType"), self.param("Type")):
            self.write_object(self.record(record, zone, server))


# =============================================================================================
# Add-DnsServerResourceRecordA and Add-DnsServerResourceRecord
# =============================================================================================


class _AddCmdlet(_DnsCmdlet):
    supports_should_process = True
    creation_failed = "Failed to create resource record {name} in zone {zone} on server {server}."

    def add_record(self, world: Simulation, zone: DnsZone, server: DnsServer, label: str,
                   name: str, record_type: str, data: str, ttl: int | None, age: bool
                   ) -> DnsRecord | None:
        """Add one record, reporting the DnsServer module's errors; None when it failed."""
        relative = dns_records.relative_name(zone.name, name)
        # the provider's verbose message (Add-DnsServerResourceRecord's example 2)
        self.write_verbose(f"Adding DNS resource record {relative} of type {record_type} in "
                           f"zone {zone.name} on {label} server.")
        try:
            return dns_records.add(world, zone.id, name, record_type, data, ttl_seconds=ttl,
                                   age=age)
        except DnsError as error:
            message = self.creation_failed.format(name=relative, zone=zone.name, server=label)
            if isinstance(error, InvalidRecord):
                message += f" ({error.message})"
            self.dns_failed(error, message, relative)
            return None

    def check_ttl(self, ttl: int | None, name: str, zone: DnsZone, label: str) -> bool:
        if ttl is None:
            return True
        try:
            dns_records.check_ttl(ttl)
        except InvalidRecord as error:
            message = self.creation_failed.format(name=name, zone=zone.name, server=label)
            self.dns_failed(error, f"{message} ({error.message})", name)
            return False
        return True

    def create_ptr(self, world: Simulation, zone: DnsZone, server: DnsServer, label: str,
                   record: DnsRecord, address: ipaddress.IPv4Address | ipaddress.IPv6Address,
                   ttl: int | None, age: bool) -> None:
        """-CreatePtr: the PTR record in the most specific reverse zone of the same server
        that holds the address."""
        reverse = address.reverse_pointer
        labels = reverse.split(".")
        zones = {z.name.casefold(): z for z in world.registry.children(DnsZone, server.id)}
        for cut in range(1, len(labels)):
            candidate = zones.get(".".join(labels[cut:]).casefold())
            if candidate is not None:
                host = zone.name if record.name == "@" else f"{record.name}.{zone.name}"
                self.add_record(world, candidate, server, label, ".".join(labels[:cut]), "PTR",
                                host, ttl, age)
                return
        # DNS Manager's words for the same case; the cmdlet's are not documented
        self.write_warning(f"The associated pointer (PTR) record for {address} cannot be "
                           "created, probably because the referenced reverse lookup zone "
                           f"cannot be found on server {label}.")


class AddDnsServerResourceRecordA(_AddCmdlet):
    """Adds a type A resource record to a DNS zone.

    One record per address of -IPv4Address; -AgeRecord stamps it (hour of registration) so
    that scavenging may remove it, otherwise it is static. -CreatePtr adds the PTR record
    when the server has the reverse zone. -AllowUpdateAny is accepted; asrsim keeps no
    record ACLs."""

    name = "Add-DnsServerResourceRecordA"
    command_type_name = "Add-DnsServerResourceRecordA"
    output_type = f"{CIM}#DnsServerResourceRecord[]"
    parameters = (
        Parameter("AllowUpdateAny", "switch", pipeline_by_name=True),
        Parameter("CreatePtr", "switch", pipeline_by_name=True),
        Parameter("Name", "string", position=2, mandatory=True, aliases=("DeviceName",),
                  pipeline_by_name=True, not_null_or_empty=True),
        Parameter("IPv4Address", "ipaddress[]", position=3, mandatory=True,
                  aliases=("IpAddress",), pipeline_by_name=True, not_null_or_empty=True),
        _computer_name_parameter(),
        Parameter("TimeToLive", "timespan", pipeline_by_name=True),
        _zone_parameter(),
        Parameter("AgeRecord", "switch", pipeline_by_name=True),
        Parameter("PassThru", "switch"),
    )
    missing_parameters = (*_SCOPES, *_CIM_PLUMBING)

    def process(self) -> None:
        world = world_of(self)
        found = self.find_zone(world, str(self.param("ZoneName")))
        if found is None:
            return
        zone, server, label = found
        name = str(self.param("Name"))
        addresses = self.param("IPv4Address")
        addresses = addresses if isinstance(addresses, list) else [addresses]
        ttl = self.ttl_seconds(self.param("TimeToLive"))
        # everything is checked before the first record is written
        for address in addresses:
            if not isinstance(address, ipaddress.IPv4Address):
                self.write_error(
                    self.creation_failed.format(name=name, zone=zone.name, server=label)
                    + f" ({address} is not an IPv4 address)",
                    "WIN32 87", "InvalidArgument", address)
                return
        if not self.check_ttl(ttl, name, zone, label):
            return
        target = f"{name} A {', '.join(str(a) for a in addresses)} in zone {zone.name}"
        if not self.should_process(target, self.name):
            return
        age = bool(self.param("AgeRecord"))
        for address in addresses:
            record = self.add_record(world, zone, server, label, name, "A", str(address), ttl,
                                     age)
            if record is None:
                continue
            if self.param("CreatePtr"):
                self.create_ptr(world, zone, server, label, record, address, ttl, age)
            if self.param("PassThru"):
                self.write_object(self.record(record, zone, server))


def _switches(*pairs: tuple[str, str]) -> tuple[Parameter, ...]:
    """A record type's switch, mandatory in its own set."""
    return tuple(Parameter(switch, "switch", mandatory=True, sets=(set_name,))
                 for switch, set_name in pairs)


def _data(name: str, type_name: str, *sets: str, validate_set: tuple[str, ...] = ()
          ) -> Parameter:
    """A record type's data parameter: mandatory in the type's sets."""
    return Parameter(name, type_name, mandatory=True, pipeline_by_name=True, sets=sets,
                     validate_set=validate_set)


_SUPPORTED_SETS = ("A", "AAAA", "CNAME", "PTR", "TXT", "NS", "MX", "SRV")
_UNSUPPORTED_SETS = ("X25", "WKS", "WINSR", "WINS", "Unknown", "TLSA", "RT", "RP", "ISDN",
                     "HINFO", "DNAME", "DHCID", "ATMA", "AFSDB")
_ALL_SETS = ("InputObject", *_SUPPORTED_SETS, *_UNSUPPORTED_SETS)
#: the sets that add a record by owner name (all but InputObject, WINS and WINSR)
_NAMED_SETS = tuple(s for s in _ALL_SETS if s not in ("InputObject", "WINS", "WINSR"))
#: the type switch of each set, as written on the command line
_SWITCH_OF: Mapping[str, str] = MappingProxyType({
    "A": "A", "AAAA": "AAAA", "CNAME": "CName", "PTR": "Ptr", "TXT": "Txt", "NS": "NS",
    "MX": "MX", "SRV": "Srv", "X25": "X25", "WKS": "Wks", "WINSR": "WinsR", "WINS": "Wins",
    "Unknown": "Type", "TLSA": "TLSA", "RT": "RT", "RP": "RP", "ISDN": "Isdn", "HINFO": "HInfo",
    "DNAME": "DName", "DHCID": "DhcId", "ATMA": "Atma", "AFSDB": "Afsdb"})


class AddDnsServerResourceRecord(_AddCmdlet):
    """Adds a resource record of a specified type to a specified DNS zone.

    A switch names the type (-A, -AAAA, -CName, -Ptr, -Txt, -NS, -MX, -Srv) with that type's
    data parameters; -InputObject adds a copy of a record object. The other types of the
    real cmdlet (-HInfo, -Wins, -Type with -RecordData ...) bind, and give a "not supported
    in asrsim" error: a world keeps A, AAAA, CNAME, PTR, TXT, NS, MX and SRV records."""

    name = "Add-DnsServerResourceRecord"
    command_type_name = "Add-DnsServerResourceRecord"
    output_type = f"{CIM}#DnsServerResourceRecord"
    default_set = "InputObject"
    parameters = (
        _zone_parameter(alias=False),
        _computer_name_parameter(forward_alias=False),
        Parameter("PassThru", "switch"),
        Parameter("Name", "string", position=2, mandatory=tuple(s for s in _NAMED_SETS
                                                                if s != "TLSA"),
                  pipeline_by_name=True, not_null_or_empty=True, sets=_NAMED_SETS),
        Parameter("TimeToLive", "timespan", pipeline_by_name=True, sets=_NAMED_SETS),
        Parameter("AgeRecord", "switch", sets=_NAMED_SETS),
        Parameter("AllowUpdateAny", "switch",
                  sets=tuple(s for s in _ALL_SETS if s not in ("WINS", "WINSR"))),
        Parameter("CreatePtr", "switch", sets=("A", "AAAA")),
        Parameter("Force", "switch", sets=("InputObject", "WINSR", "WINS")),
        Parameter("InputObject", "ciminstance", mandatory=True, pipeline=True,
                  sets=("InputObject",)),
        *_switches(*((_SWITCH_OF[s], s) for s in _SUPPORTED_SETS)),
        _data("IPv4Address", "ipaddress", "A"),
        _data("IPv6Address", "ipaddress", "AAAA"),
        _data("HostNameAlias", "string", "CNAME"),
        _data("PtrDomainName", "string", "PTR"),
        _data("DescriptiveText", "string", "TXT"),
        _data("NameServer", "string", "NS"),
        _data("MailExchange", "string", "MX"),
        _data("Preference", "uint16", "RT", "MX"),
        _data("DomainName", "string", "SRV"),
        _data("Priority", "uint16", "SRV"),
        _data("Weight", "uint16", "SRV"),
        _data("Port", "uint16", "SRV"),
        # the types a world does not keep: declared so that documented calls bind
        *_switches(*((_SWITCH_OF[s], s) for s in _UNSUPPORTED_SETS if s != "Unknown")),
        Parameter("Type", "uint16", position=3, mandatory=True, pipeline_by_name=True,
                  sets=("Unknown",)),
        Parameter("RecordData", "string", position=4, mandatory=True, pipeline_by_name=True,
                  sets=("Unknown",)),
        _data("PsdnAddress", "string", "X25"),
        _data("InternetAddress", "ipaddress", "WKS"),
        _data("InternetProtocol", "string", "WKS", validate_set=("UDP", "TCP")),
        _data("Service", "string[]", "WKS"),
        _data("LookupTimeout", "timespan", "WINSR", "WINS"),
        Parameter("Replicate", "switch", sets=("WINSR", "WINS")),
        _data("CacheTimeout", "timespan", "WINSR", "WINS"),
        _data("ResultDomain", "string", "WINSR"),
        _data("WinsServers", "ipaddress[]", "WINS"),
        _data("CertificateUsage", "string", "TLSA", validate_set=(
            "CAConstraint", "ServiceCertificateConstraint", "TrustAnchorAssertion",
            "DomainIssuedCertificate")),
        _data("MatchingType", "string", "TLSA",
              validate_set=("ExactMatch", "Sha256Hash", "Sha512Hash")),
        _data("Selector", "string", "TLSA"),
        _data("CertificateAssociationData", "string", "TLSA"),
        _data("IntermediateHost", "string", "RT"),
        _data("ResponsiblePerson", "string", "RP"),
        _data("Description", "string", "RP"),
        _data("IsdnNumber", "string", "ISDN"),
        _data("IsdnSubAddress", "string", "ISDN"),
        _data("Cpu", "string", "HINFO"),
        _data("OperatingSystem", "string", "HINFO"),
        _data("DomainNameAlias", "string", "DNAME"),
        _data("DhcpIdentifier", "string", "DHCID"),
        _data("Address", "string", "ATMA"),
        _data("AddressType", "string", "ATMA", validate_set=("E164", "AESA")),
        _data("SubType", "uint16", "AFSDB"),
        _data("ServerName", "string", "AFSDB"),
    )
    missing_parameters = (*_SCOPES, *_CIM_PLUMBING)

    def process(self) -> None:
        chosen = self.parameter_set_name
        if chosen in _UNSUPPORTED_SETS:
            self.throw_terminating(
                f"not supported in asrsim: {self.name} -{_SWITCH_OF[chosen]} (a world keeps "
                f"{KEPT_TYPES} records)", "NotSupported", "NotImplemented", chosen)
        world = world_of(self)
        found = self.find_zone(world, str(self.param("ZoneName")))
        if found is None:
            return
        zone, server, label = found
        if chosen == "InputObject":
            source = self.check_record_object(self.param("InputObject"), "InputObject")
            name, record_type, data = record_fields(source)
            ttl = self.ttl_seconds(source.get("TimeToLive"))
            age = source.get("Timestamp") is not None
            if record_type not in _SUPPORTED_SETS:
                self.throw_terminating(
                    f"not supported in asrsim: {record_type} records (a world keeps "
                    f"{KEPT_TYPES} records)", "NotSupported", "NotImplemented", source)
        else:
            name = str(self.param("Name"))
            record_type = chosen
            data = self._data_of(chosen)
            ttl = self.ttl_seconds(self.param("TimeToLive"))
            age = bool(self.param("AgeRecord"))
        try:
            dns_records.canonical_data(record_type, data)
        except InvalidRecord as error:
            message = self.creation_failed.format(name=name, zone=zone.name, server=label)
            self.dns_failed(error, f"{message} ({error.message})", name)
            return
        if not self.check_ttl(ttl, name, zone, label):
            return
        if not self.should_process(f"{name} {record_type} {data} in zone {zone.name}",
                                   self.name):
            return
        # -Force exists in the InputObject set only: adding a copy of a record object asks
        # first (the cmdlet's help: "By default, the cmdlet prompts you for confirmation")
        if chosen == "InputObject" and not self.param("Force") and not self.confirm(
                f"Adding DNS resource record {name} of type {record_type} in zone {zone.name} "
                f"on {label} server. Do you want to continue?"):
            return
        record = self.add_record(world, zone, server, label, name, record_type, data, ttl, age)
        if record is None:
            return
        if self.param("CreatePtr"):
            address = ipaddress.ip_address(record.data)
            self.create_ptr(world, zone, server, label, record, address, ttl, age)
        if self.param("PassThru"):
            self.write_object(self.record(record, zone, server))

    def _data_of(self, chosen: str) -> str:
        """The record data of a type set's parameters, in the world's form."""
        p = self.param
        if chosen == "A":
            address = p("IPv4Address")
            return str(address)
        if chosen == "AAAA":
            return str(p("IPv6Address"))
        if chosen in ("CNAME", "PTR", "NS", "TXT"):
            return str(p({"CNAME": "HostNameAlias", "PTR": "PtrDomainName", "NS": "NameServer",
                          "TXT": "DescriptiveText"}[chosen]))
        if chosen == "MX":
            return f"[{p('Preference')}][{p('MailExchange')}]"
        return f"[{p('Priority')}][{p('Weight')}][{p('Port')}][{p('DomainName')}]"


# =============================================================================================
# Set-DnsServerResourceRecord
# =============================================================================================


class SetDnsServerResourceRecord(_DnsCmdlet):
    """Changes a resource record in a DNS zone.

    The record -OldInputObject describes (found by its name, type and data) gets the TTL and
    data of -NewInputObject; its timestamp is kept. This cmdlet cannot change the Name or
    Type of a DNS server resource record object: make the new object with
    $new = $old.Clone() (or [ciminstance]::new($old)) and change only its RecordData and
    TimeToLive."""

    name = "Set-DnsServerResourceRecord"
    command_type_name = "Set-DnsServerResourceRecord"
    output_type = f"{CIM}#DnsServerResourceRecord"
    supports_should_process = True
    parameters = (
        Parameter("NewInputObject", "ciminstance", position=3, mandatory=True,
                  pipeline_by_name=True, not_null_or_empty=True),
        Parameter("OldInputObject", "ciminstance", position=2, mandatory=True,
                  pipeline_by_name=True, not_null_or_empty=True),
        _computer_name_parameter(),
        _zone_parameter(),
        Parameter("PassThru", "switch"),
    )
    missing_parameters = (*_SCOPES, *_CIM_PLUMBING)

    def process(self) -> None:
        new = self.check_record_object(self.param("NewInputObject"), "NewInputObject")
        old = self.check_record_object(self.param("OldInputObject"), "OldInputObject")
        old_name, old_type, old_data = record_fields(old)
        new_name, new_type, new_data = record_fields(new)
        world = world_of(self)
        found = self.find_zone(world, str(self.param("ZoneName")))
        if found is None:
            return
        zone, server, label = found
        if (dns_records.relative_name(zone.name, old_name).casefold()
                != dns_records.relative_name(zone.name, new_name).casefold()
                or old_type != new_type):
            self.write_error(
                f"Failed to update resource record {old_name} in zone {zone.name} on server "
                f"{label}: this cmdlet cannot change the Name or Type of a DNS server resource "
                f"record object (OldInputObject is {old_name} {old_type}, NewInputObject is "
                f"{new_name} {new_type}).", "WIN32 87", "InvalidArgument", new_name)
            return
        if old_type == "SOA":
            self.throw_terminating("not supported in asrsim: changing SOA records",
                                   "NotSupported", "NotImplemented", old_name)
        ttl = self.ttl_seconds(new.get("TimeToLive"))
        if ttl is None:
            ttl = self.ttl_seconds(old.get("TimeToLive")) or 0
        try:
            dns_records.check_ttl(ttl)
            dns_records.canonical_data(new_type, new_data)
        except InvalidRecord as error:
            self.dns_failed(error, f"Failed to update resource record {new_name} in zone "
                                   f"{zone.name} on server {label}. ({error.message})",
                            new_name)
            return
        if not self.should_process(f"{old_name} {old_type} {old_data} in zone {zone.name}",
                                   self.name):
            return
        try:
            record = dns_records.update(world, zone.id, old_name, old_type, old_data,
                                        data=new_data, ttl_seconds=ttl)
        except DnsError as error:
            if isinstance(error, dns_records.RecordNotFound):
                # the provider's words (windows-powershell-docs issue #1127 quotes the
                # zone-scope form "... not found in scope <s> of zone <z> on server <n>")
                message = (f"Resource record in OldInputObject not found in zone {zone.name} "
                           f"on server {label}.")
            else:
                message = (f"Failed to update resource record {new_name} in zone {zone.name} "
                           f"on server {label}.")
            self.dns_failed(error, message, old_name)
            return
        if self.param("PassThru"):
            self.write_object(self.record(record, zone, server))


# =============================================================================================
# Remove-DnsServerResourceRecord
# =============================================================================================


def _data_matches(record: DnsRecord, wanted: list[str]) -> bool:
    """-RecordData: the record's data as strings, one per field (``"10"``,
    ``"mail.contoso.com."`` for MX), compared without regard to case or a trailing dot."""
    fields = (dns_records.bracketed(record.data) if record.data.startswith("[")
              else [record.data])

    def norm(text: str) -> str:
        return text.strip().rstrip(".").casefold()

    if len(wanted) == 1 and norm(wanted[0]) == norm(record.data):
        return True
    return [norm(w) for w in wanted] == [norm(f) for f in fields]


class RemoveDnsServerResourceRecord(_DnsCmdlet):
    """Removes specified DNS server resource records from a zone.

    -InputObject (from the pipeline) removes that record; -Name with -RRType removes the
    records of that name and type (only those whose data -RecordData gives, when given).
    The cmdlet asks before it removes anything unless -Force is given; a host that cannot
    ask (a script run non-interactively) gets PowerShell's NonInteractive error and nothing
    is removed."""

    name = "Remove-DnsServerResourceRecord"
    command_type_name = "Remove-DnsServerResourceRecord"
    output_type = f"{CIM}#DnsServerResourceRecord"
    supports_should_process = True
    default_set = "InputObject"
    parameters = (
        _zone_parameter(),
        Parameter("PassThru", "switch"),
        _computer_name_parameter(),
        Parameter("Force", "switch"),
        Parameter("InputObject", "ciminstance", mandatory=True, pipeline=True,
                  not_null_or_empty=True, sets=("InputObject",)),
        Parameter("RRType", "string", position=3, mandatory=True, pipeline_by_name=True,
                  validate_set=RR_TYPES, not_null_or_empty=True, sets=("Name",)),
        Parameter("RecordData", "string[]", not_null_or_empty=True, sets=("Unknown", "Name")),
        Parameter("Name", "string", position=2, mandatory=True, aliases=("RecordName",),
                  pipeline_by_name=True, not_null_or_empty=True, sets=("Unknown", "Name")),
        Parameter("Type", "uint16", position=3, mandatory=True, pipeline_by_name=True,
                  sets=("Unknown",)),
    )
    missing_parameters = (*_SCOPES, *_CIM_PLUMBING)

    def process(self) -> None:
        world = world_of(self)
        source = None
        if self.parameter_set_name == "InputObject":
            source = self.check_record_object(self.param("InputObject"), "InputObject")
        found = self.find_zone(world, str(self.param("ZoneName")))
        if found is None:
            return
        zone, server, label = found
        if source is not None:
            name, record_type, data = record_fields(source)
            chosen = self._matching(world, zone, name, record_type, None, [data], label)
            described = f"DNS resource record {name} of type {record_type}"
        else:
            name = str(self.param("Name"))
            rr_type = self.param("RRType")
            record_type = str(rr_type).upper() if rr_type is not None else str(
                self.param("Type"))
            wanted = self.param("RecordData")
            chosen = self._matching(world, zone, name, rr_type, self.param("Type"),
                                    None if wanted is None else
                                    [str(w) for w in (wanted if isinstance(wanted, list)
                                                      else [wanted])], label)
            described = f"DNS resource record set by name {name} of type {record_type}"
        if chosen is None:
            return
        # the DNS provider's question (its wording is not documented)
        question = (f"Removing {described} from zone {zone.name} on {label} server. Do you "
                    "want to continue?")
        if not self.should_process(f"{name} {record_type} in zone {zone.name}", self.name):
            return
        if not self.param("Force") and not self.confirm(question):
            return
        self.write_verbose(question.removesuffix(" Do you want to continue?"))
        try:
            dns_records.remove(world, zone.id, chosen)
        except DnsError as error:
            self.dns_failed(error, f"Failed to remove resource record set by name {name} from "
                                   f"zone {zone.name} on server {label}.", name)
            return
        if self.param("PassThru"):
            for record in chosen:
                self.write_object(self.record(record, zone, server))

    def _matching(self, world: Simulation, zone: DnsZone, name: str, rr_type: str | None,
                  type_number: int | None, data: list[str] | None, label: str
                  ) -> list[DnsRecord] | None:
        """The records to remove, or None after the DnsServer module's error."""
        at_node = dns_records.records_of(world.registry, zone, name, node=True)
        if not at_node:
            self.write_error(f"Failed to get {name} record in {zone.name} zone on {label} "
                             "server.", "WIN32 9714", "ObjectNotFound", name)
            return None
        chosen = _type_filter(at_node, rr_type, type_number)
        if data is not None:
            chosen = [r for r in chosen if _data_matches(r, data)]
        if not chosen:
            self.write_error(f"Failed to remove resource record set by name {name} from zone "
                             f"{zone.name} on server {label}.", "WIN32 9701", "ObjectNotFound",
                             name)
            return None
        return chosen

# =============================================================================================
# the module
# =============================================================================================


CMDLETS: tuple[type[Cmdlet], ...] = (
    GetDnsServerZone,
    GetDnsServerResourceRecord,
    AddDnsServerResourceRecordA,
    AddDnsServerResourceRecord,
    SetDnsServerResourceRecord,
    RemoveDnsServerResourceRecord,
)


def _record_data_cell(record: Any) -> Any:
    data = record.get("RecordData") if isinstance(record, PSObject) else None
    if not isinstance(data, PSObject):
        return data
    return fields_data(str(record.get("RecordType") or ""), data)


def _timestamp_cell(record: Any) -> Any:
    # a static record has no timestamp: the module shows 0
    stamp = record.get("Timestamp") if isinstance(record, PSObject) else None
    return 0 if stamp is None else stamp


def register(runtime: Runtime, session: Any) -> None:
    """The module's table views, [ciminstance]::new(), and the CimException type."""
    from asrsim.lang.errors import exception_matches
    from asrsim.lang.formatting import Column, TableView, prop
    from asrsim.lang.types import PSType

    left = "Left"
    # DnsServer's format file: fixed widths, every column left-aligned (as its example
    # output shows: "host01                    A          1          0 ...")
    runtime.views.register(TableView((RECORD_TYPE_NAMES[0], RECORD_TYPE_NAME), (
        prop("HostName", width=25, alignment=left),
        prop("RecordType", width=10, alignment=left),
        prop("Type", width=10, alignment=left),
        Column("Timestamp", _timestamp_cell, width=20, alignment=left),
        prop("TimeToLive", width=15, alignment=left),
        Column("RecordData", _record_data_cell, alignment=left),
    )))
    runtime.views.register(TableView((ZONE_TYPE_NAMES[0], f"{CIM}#DnsServerZone"), (
        prop("ZoneName", width=35, alignment=left),
        prop("ZoneType", width=15, alignment=left),
        prop("IsAutoCreated", width=15, alignment=left),
        prop("IsDsIntegrated", width=15, alignment=left),
        prop("IsReverseLookupZone", width=20, alignment=left),
        prop("IsSigned", alignment=left),
    )))
    types = runtime.types

    def new_cim_instance(*args: Any) -> PSObject:
        # CimInstance(CimInstance) is a deep copy, as Clone() is (Set-DnsServerResourceRecord
        # example 1 of the 2016+ docs)
        if len(args) == 1 and isinstance(args[0], PSObject) and CIM in args[0].type_names:
            clone = args[0].methods.get("clone")
            if clone is not None:
                copied: PSObject = clone()
                return copied
        raise RuntimeException(
            "not supported in asrsim: new CIM instances other than copies of one",
            "NotSupported", "NotImplemented")

    runtime.static_hooks[f"{CIM}::new".casefold()] = new_cim_instance
    if types.resolve(CIM_EXCEPTION) is None:
        types.register(PSType(CIM_EXCEPTION, instance_check=lambda v: isinstance(
            v, PSException) and exception_matches(v, CIM_EXCEPTION)))


__all__ = ["CMDLETS", "MODULE_NAME", "register"]
