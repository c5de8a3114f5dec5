"""Changing a DNS zone's resource records, as the DNS Server service does: add, update (TTL
and data, never the name or type) and remove, each in one write transaction that changes
nothing when it fails.

Record data is kept as the text the DnsServer module shows in its RecordData column: an
address for A and AAAA, a fully qualified name with its trailing dot for CNAME, PTR and NS,
``[preference][exchange]`` for MX, ``[priority][weight][port][target]`` for SRV, the text
itself for TXT. Names are relative to the zone (``@`` is the apex) and compare
case-insensitively, as DNS names do.

Errors carry the Win32 codes the DNS server answers with (``DNS_ERROR_ZONE_DOES_NOT_EXIST``
is 9601 ...), so the cmdlet layer can give the DnsServer module's ``WIN32 9601`` ids.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType

from asrsim.sim.dns import DEFAULT_TTL_SECONDS, DnsRecord, DnsZone
from asrsim.sim.errors import SimError
from asrsim.sim.registry import Registry
from asrsim.sim.rng import new_guid
from asrsim.sim.simulation import Simulation

#: the record types asrsim keeps, with the TYPE numbers of RFC 1035 / 3596 / 2782
TYPE_NUMBERS: Mapping[str, int] = MappingProxyType({
    "A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33})
#: RFC 2181 section 8: a TTL is an unsigned 31-bit number of seconds
MAX_TTL_SECONDS = 2**31 - 1

_BRACKETED = re.compile(r"\[([^\]]*)\]")


# -- errors ----------------------------------------------------------------------------------


class DnsError(SimError):
    """A DNS server's refusal; ``error_id`` is ``WIN32 <code>`` as the DnsServer module
    reports it."""


class ZoneNotFound(DnsError):
    error_id = "WIN32 9601"  # DNS_ERROR_ZONE_DOES_NOT_EXIST
    category = "ObjectNotFound"

    def __init__(self, zone: str) -> None:
        super().__init__(f"the zone {zone} does not exist")
        self.zone = zone


class RecordNotFound(DnsError):
    error_id = "WIN32 9701"  # DNS_ERROR_RECORD_DOES_NOT_EXIST
    category = "ObjectNotFound"

    def __init__(self, zone: str, name: str, record_type: str, data: str | None = None) -> None:
        what = f"{name} {record_type}" + (f" {data}" if data is not None else "")
        super().__init__(f"the record {what} does not exist in the zone {zone}")
        self.zone = zone
        self.name = name
        self.record_type = record_type


class RecordExists(DnsError):
    error_id = "WIN32 9711"  # DNS_ERROR_RECORD_ALREADY_EXISTS
    category = "ResourceExists"

    def __init__(self, zone: str, name: str, record_type: str, data: str) -> None:
        super().__init__(f"the record {name} {record_type} {data} already exists in the "
                         f"zone {zone}")
        self.zone = zone
        self.name = name


class CnameConflict(DnsError):
    """A CNAME may not share its name with any other data (RFC 1034 section 3.6.2)."""

    category = "ResourceExists"

    def __init__(self, zone: str, name: str, adding_cname: bool) -> None:
        # DNS_ERROR_CNAME_COLLISION when the CNAME is the newcomer, DNS_ERROR_NODE_IS_CNAME
        # when other data is added at a CNAME
        self.error_id = "WIN32 9709" if adding_cname else "WIN32 9708"
        reason = ("other records exist at that name" if adding_cname
                  else "the name is an alias (CNAME)")
        super().__init__(f"cannot add the record {name} in the zone {zone}: {reason}")
        self.zone = zone
        self.name = name


class InvalidRecord(DnsError):
    error_id = "WIN32 87"  # ERROR_INVALID_PARAMETER
    category = "InvalidArgument"


# -- names and data --------------------------------------------------------------------------


def relative_name(zone: str, name: str) -> str:
    """A record name as the zone keeps it: ``web01`` for ``web01``, ``web01.contoso.com``
    and ``web01.contoso.com.``; ``@`` for the zone's own name."""
    text = name.strip()
    if text in ("", "@", "."):
        return "@"
    text = text.rstrip(".")
    zone_folded = zone.rstrip(".").casefold()
    if text.casefold() == zone_folded:
        return "@"
    if text.casefold().endswith("." + zone_folded):
        return text[: -len(zone_folded) - 1]
    return text


def check_name(name: str) -> None:
    """RFC 1035 length limits; the DNS server's default name checking (UTF-8) allows any
    other character but the label separator and white space."""
    if name == "@":
        return
    labels = name.split(".")
    if len(name) > 253 or any(not label or len(label) > 63 for label in labels) or any(
            c.isspace() for c in name):
        raise InvalidRecord(f"{name!r} is not a valid DNS name")


def fqdn(text: str) -> str:
    """A host name as the DNS server returns it: fully qualified, with the trailing dot."""
    value = text.strip()
    if not value or value == "." or any(c.isspace() for c in value):
        raise InvalidRecord(f"{text!r} is not a valid host name")
    return value if value.endswith(".") else value + "."


def bracketed(data: str) -> list[str]:
    """The fields of ``[a][b][c]`` data (MX, SRV, SOA)."""
    return _BRACKETED.findall(data)


def _number(text: str, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidRecord(f"{text!r} is not a valid {what}") from None
    if not 0 <= value <= 65535:
        raise InvalidRecord(f"{text!r} is not a valid {what}: it must be 0 to 65535")
    return value


def canonical_data(record_type: str, data: str) -> str:
    """The data of a record of ``record_type`` in the form the zone keeps; raises
    InvalidRecord for data the DNS server refuses (an IPv6 address in an A record ...)."""
    kind = record_type.upper()
    if kind == "A":
        try:
            return str(ipaddress.IPv4Address(data.strip()))
        except ValueError:
            raise InvalidRecord(f"{data!r} is not a valid IPv4 address") from None
    if kind == "AAAA":
        try:
            return ipaddress.IPv6Address(data.strip()).compressed
        except ValueError:
            raise InvalidRecord(f"{data!r} is not a valid IPv6 address") from None
    if kind in ("CNAME", "PTR", "NS"):
        return fqdn(data)
    if kind == "MX":
        fields = bracketed(data)
        if len(fields) != 2:
            raise InvalidRecord(f"{data!r} is not MX data ([preference][exchange])")
        return f"[{_number(fields[0], 'preference')}][{fqdn(fields[1])}]"
    if kind == "SRV":
        fields = bracketed(data)
        if len(fields) != 4:
            raise InvalidRecord(f"{data!r} is not SRV data ([priority][weight][port][target])")
        numbers = [_number(f, w) for f, w in zip(fields, ("priority", "weight", "port"),
                                                  strict=False)]
        return "".join(f"[{n}]" for n in numbers) + f"[{fqdn(fields[3])}]"
    if kind == "TXT":
        if not data:
            raise InvalidRecord("a TXT record needs text")
        return data
    if kind == "SOA":
        return data
    raise InvalidRecord(f"asrsim does not keep {record_type} records")


def same_data(record_type: str, first: str, second: str) -> bool:
    """Whether two data values are the same record data (names compare case-insensitively)."""
    try:
        a, b = canonical_data(record_type, first), canonical_data(record_type, second)
    except InvalidRecord:
        return False
    return a == b if record_type.upper() == "TXT" else a.casefold() == b.casefold()


def check_ttl(ttl_seconds: int) -> None:
    if not 0 <= ttl_seconds <= MAX_TTL_SECONDS:
        raise InvalidRecord(f"a TTL of {ttl_seconds} seconds is outside 0 to "
                            f"{MAX_TTL_SECONDS} seconds")


def aging_timestamp(moment: datetime) -> datetime:
    """The DNS server keeps a record's timestamp in whole hours (MicrosoftDNS_ResourceRecord
    TimeStamp: hours since 1601), so a registration at 08:41 is stamped 08:00."""
    return moment.replace(minute=0, second=0, microsecond=0)


def type_order(record: DnsRecord) -> tuple[int, tuple[str, ...], int]:
    """The order the DNS server lists a zone in: the apex first, then the other nodes in DNS
    name order (by their labels from the right), each node's records by type number."""
    labels = () if record.name == "@" else tuple(reversed(record.name.casefold().split(".")))
    return (0 if record.name == "@" else 1, labels, TYPE_NUMBERS.get(record.record_type, 0))


# -- reading ---------------------------------------------------------------------------------


def zones_named(registry: Registry, zone: str, server_id: str | None = None) -> list[DnsZone]:
    """The zones of that name (on one server, or on any)."""
    found = registry.named(DnsZone, zone.rstrip("."))
    return [z for z in found if server_id is None or z.dns_server_id == server_id]


def records_of(registry: Registry, zone: DnsZone, name: str | None = None, *,
               node: bool = False) -> list[DnsRecord]:
    """A zone's records in the DNS server's order: all of them; or with ``name``, those at
    that node and (unless ``node``) at the nodes below it; ``node`` without a name: the
    apex's."""
    records = registry.children(DnsRecord, zone.id)
    if name is not None or node:
        wanted = relative_name(zone.name, name or "@").casefold()
        suffix = "." + wanted

        def matches(record: DnsRecord) -> bool:
            folded = record.name.casefold()
            if folded == wanted:
                return True
            return not node and (wanted == "@" or folded.endswith(suffix))

        records = [r for r in records if matches(r)]
    return sorted(records, key=type_order)


def _zone(registry: Registry, zone_id: str) -> DnsZone:
    zone = registry.lookup(zone_id)
    if not isinstance(zone, DnsZone):
        raise ZoneNotFound(zone_id)
    return zone


def _matching(records: Iterable[DnsRecord], name: str, record_type: str,
              data: str | None = None) -> list[DnsRecord]:
    folded = name.casefold()
    return [r for r in records
            if r.name.casefold() == folded and r.record_type == record_type
            and (data is None or same_data(record_type, r.data, data))]


# -- changing --------------------------------------------------------------------------------


def add(simulation: Simulation, zone_id: str, name: str, record_type: str, data: str, *,
        ttl_seconds: int | None = None, age: bool = False) -> DnsRecord:
    """Add a record. ``age`` stamps it with the hour of its registration, as a dynamic
    update or ``-AgeRecord`` does; without it the record is static (no timestamp)."""
    kind = record_type.upper()
    ttl = DEFAULT_TTL_SECONDS if ttl_seconds is None else ttl_seconds
    check_ttl(ttl)
    value = canonical_data(kind, data)
    with simulation.write() as tx:
        zone = _zone(tx.registry, zone_id)
        relative = relative_name(zone.name, name)
        check_name(relative)
        existing = [r for r in tx.registry.children(DnsRecord, zone.id)
                    if r.name.casefold() == relative.casefold()]
        if _matching(existing, relative, kind, value):
            raise RecordExists(zone.name, relative, kind, value)
        if kind == "CNAME" and existing:
            raise CnameConflict(zone.name, relative, adding_cname=True)
        if kind != "CNAME" and any(r.record_type == "CNAME" for r in existing):
            raise CnameConflict(zone.name, relative, adding_cname=False)
        record = DnsRecord(id=new_guid(tx.rng), name=relative, zone_id=zone.id,
                           record_type=kind, data=value, ttl_seconds=ttl,
                           timestamp=aging_timestamp(tx.now) if age else None)
        tx.create(record)
    return record


def update(simulation: Simulation, zone_id: str, name: str, record_type: str, old_data: str,
           *, data: str, ttl_seconds: int) -> DnsRecord:
    """Change the data and TTL of the record ``name``/``record_type``/``old_data``, keeping
    its timestamp (an administrator's change is no registration)."""
    kind = record_type.upper()
    check_ttl(ttl_seconds)
    value = canonical_data(kind, data)
    with simulation.write() as tx:
        zone = _zone(tx.registry, zone_id)
        relative = relative_name(zone.name, name)
        records = tx.registry.children(DnsRecord, zone.id)
        found = _matching(records, relative, kind, old_data)
        if not found:
            raise RecordNotFound(zone.name, relative, kind, old_data)
        record = found[0]
        if not same_data(kind, record.data, value) and _matching(records, relative, kind, value):
            raise RecordExists(zone.name, relative, kind, value)
        changed = replace(record, data=value, ttl_seconds=ttl_seconds)
        tx.update(changed)
    return changed


def remove(simulation: Simulation, zone_id: str, records: Sequence[DnsRecord]) -> None:
    """Remove these records of a zone, all or (when one has gone meanwhile) none."""
    with simulation.write() as tx:
        zone = _zone(tx.registry, zone_id)
        current = {r.id for r in tx.registry.children(DnsRecord, zone.id)}
        for record in records:
            if record.id not in current:
                raise RecordNotFound(zone.name, record.name, record.record_type, record.data)
        tx.delete(*records)
