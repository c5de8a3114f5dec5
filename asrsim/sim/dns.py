"""DNS servers, zones and resource records."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from asrsim.sim.entity import Entity

#: record types a world can be given; the DnsServer module knows many more (see the coverage
#: table of the DnsServer cmdlets).
RECORD_TYPES = ("A", "AAAA", "CNAME", "PTR", "TXT", "NS", "MX", "SRV")
#: The DnsServer module's default TTL for a new record: one hour.
DEFAULT_TTL_SECONDS = 3600


@dataclasses.dataclass(frozen=True, kw_only=True)
class DnsServer(Entity):
    KIND = "dns_server"
    PARENT = "site_id"
    site_id: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class DnsZone(Entity):
    KIND = "dns_zone"
    PARENT = "dns_server_id"
    dns_server_id: str
    zone_type: str = "Primary"
    is_ds_integrated: bool = True
    dynamic_update: str = "Secure"


@dataclasses.dataclass(frozen=True, kw_only=True)
class DnsRecord(Entity):
    """A resource record; its ``name`` is the HostName relative to the zone (``@`` for the apex).

    ``timestamp`` is None for a static record (shown as 0 by the DnsServer module) and the
    time of the last registration for a dynamic one.
    """

    KIND = "dns_record"
    PARENT = "zone_id"
    zone_id: str
    record_type: str
    data: str
    ttl_seconds: int = DEFAULT_TTL_SECONDS
    timestamp: datetime | None = None
