"""Rules that span objects of a topology: the estate must be one VMM and Hyper-V accept."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asrsim.sim.errors import TopologyError
from asrsim.sim.fabric import HYPERV_CAPABILITY_PROFILE
from asrsim.sim.toml_positions import dotted
from asrsim.sim.topology_schema import Table

if TYPE_CHECKING:
    from asrsim.sim.topology import Topology

Fail = Callable[[tuple[Any, ...], str], TopologyError]


class EstateRules:
    """Rules that span objects: the estate must be one VMM and Hyper-V would accept."""

    def __init__(self, fail: Fail, topology: Topology) -> None:
        self._fail = fail
        self.topology = topology

    def by_name(self, section: str) -> dict[str, Table]:
        return {item["name"].lower(): item for item in self.topology.items(section)}

    def fail(self, where: tuple[Any, ...], problem: str) -> TopologyError:
        return self._fail(where, problem)

    def check(self) -> None:
        self.vmm_of_group = self._host_groups()
        self._clusters_and_hosts()
        self._networks()
        self._clouds()
        self._vms()
        self._dns()
        self._links()

    def _same_vmm(self, where: tuple[Any, ...], what: str, mine: str, theirs: str) -> None:
        if mine.lower() != theirs.lower():
            raise self.fail(where, f"{what} is on VMM server '{theirs}', not on '{mine}'")

    def _classification_on(self, where: tuple[Any, ...], name: str, vmm: str) -> None:
        for item in self.topology.items("storage_classification"):
            if item["name"].lower() == name.lower() and item["vmm_server"].lower() == vmm.lower():
                return
        raise self.fail(where, f"no storage classification '{name}' on VMM server '{vmm}'")

    def _host_groups(self) -> dict[str, str]:
        groups = self.by_name("host_group")
        for index, group in enumerate(self.topology.items("host_group")):
            if group["parent"] is None:
                continue
            where = ("host_group", index, "parent")
            parent = groups[group["parent"].lower()]
            self._same_vmm(
                where, f"host group '{parent['name']}'", group["vmm_server"], parent["vmm_server"]
            )
            seen = {group["name"].lower()}
            cursor: Table | None = parent
            while cursor is not None:
                if cursor["name"].lower() in seen:
                    raise self.fail(where, "host groups may not contain themselves")
                seen.add(cursor["name"].lower())
                cursor = groups[cursor["parent"].lower()] if cursor["parent"] else None
        return {name: group["vmm_server"] for name, group in groups.items()}

    def _clusters_and_hosts(self) -> None:
        clusters = self.by_name("cluster")
        for index, host in enumerate(self.topology.items("host")):
            vmm = self.vmm_of_group[host["host_group"].lower()]
            if host["cluster"] is not None:
                cluster = clusters[host["cluster"].lower()]
                if cluster["host_group"].lower() != host["host_group"].lower():
                    raise self.fail(
                        ("host", index, "cluster"),
                        f"cluster '{cluster['name']}' is in host group "
                        f"'{cluster['host_group']}', but this host is in '{host['host_group']}'",
                    )
            for v, volume in enumerate(host["volumes"]):
                if volume["classification"] is not None:
                    self._classification_on(
                        ("host", index, "volumes", v, "classification"),
                        volume["classification"],
                        vmm,
                    )

    def _networks(self) -> None:
        self.pools: dict[str, list[tuple[int, Table]]] = {}
        for index, pool in enumerate(self.topology.items("ip_pool")):
            where = ("ip_pool", index)
            try:
                subnet = ipaddress.IPv4Network(pool["subnet"], strict=True)
            except ValueError as error:
                raise self.fail((*where, "subnet"), f"is not an IPv4 subnet: {error}") from None
            first = self._address((*where, "range_start"), pool["range_start"])
            last = self._address((*where, "range_end"), pool["range_end"])
            for key, address in (("range_start", first), ("range_end", last)):
                if address not in subnet:
                    raise self.fail((*where, key), f"{address} is outside the subnet {subnet}")
            if last < first:
                raise self.fail((*where, "range_end"), f"{last} comes before {first}")
            if pool["gateway"] is not None:
                gateway = self._address((*where, "gateway"), pool["gateway"])
                if gateway not in subnet:
                    raise self.fail(
                        (*where, "gateway"), f"{gateway} is outside the subnet {subnet}"
                    )
            for d, server in enumerate(pool["dns_servers"]):
                self._address((*where, "dns_servers", d), server)
            self.pools.setdefault(pool["vm_network"].lower(), []).append((index, pool))

    def _address(self, where: tuple[Any, ...], text: str) -> ipaddress.IPv4Address:
        try:
            return ipaddress.IPv4Address(text)
        except ValueError:
            raise self.fail(where, f"'{text}' is not an IPv4 address") from None

    def _clouds(self) -> None:
        logical = self.by_name("logical_network")
        for index, cloud in enumerate(self.topology.items("cloud")):
            vmm = cloud["vmm_server"]
            for g, group in enumerate(cloud["host_groups"]):
                self._same_vmm(
                    ("cloud", index, "host_groups", g),
                    f"host group '{group}'",
                    vmm,
                    self.vmm_of_group[group.lower()],
                )
            for n, network in enumerate(cloud["logical_networks"]):
                self._same_vmm(
                    ("cloud", index, "logical_networks", n),
                    f"logical network '{network}'",
                    vmm,
                    logical[network.lower()]["vmm_server"],
                )
            for c, name in enumerate(cloud["storage_classifications"]):
                self._classification_on(("cloud", index, "storage_classifications", c), name, vmm)
            profiles = [p.lower() for p in cloud["capability_profiles"]]
            if cloud["disaster_recovery_supported"] and HYPERV_CAPABILITY_PROFILE.lower() not in (
                profiles
            ):
                raise self.fail(
                    ("cloud", index, "capability_profiles"),
                    "a cloud declared for protection (disaster_recovery_supported = true) "
                    "must have the Hyper-V capability profile",
                )

    def _group_ancestry(self, group: str) -> set[str]:
        groups = self.by_name("host_group")
        found: set[str] = set()
        cursor: str | None = group.lower()
        while cursor is not None and cursor not in found:
            found.add(cursor)
            parent = groups[cursor]["parent"]
            cursor = parent.lower() if parent else None
        return found

    def _vms(self) -> None:
        hosts = self.by_name("host")
        clouds = self.by_name("cloud")
        vm_networks = self.by_name("vm_network")
        logical = self.by_name("logical_network")
        taken: dict[str, tuple[Any, ...]] = {}
        automatic: dict[str, list[tuple[Any, ...]]] = {}
        macs: dict[str, tuple[Any, ...]] = {}
        for index, vm in enumerate(self.topology.items("vm")):
            where = ("vm", index)
            host = hosts[vm["host"].lower()]
            vmm = self.vmm_of_group[host["host_group"].lower()]
            if vm["cloud"] is not None:
                cloud = clouds[vm["cloud"].lower()]
                ancestry = self._group_ancestry(host["host_group"])
                if not ancestry & {g.lower() for g in cloud["host_groups"]}:
                    raise self.fail(
                        (*where, "cloud"),
                        f"host '{host['name']}' is not in any host group of cloud "
                        f"'{cloud['name']}'",
                    )
            for d, disk in enumerate(vm["disks"]):
                if disk["used_gb"] is not None and disk["used_gb"] > disk["size_gb"]:
                    raise self.fail(
                        (*where, "disks", d, "used_gb"),
                        f"{disk['used_gb']:g} GB used is more than the disk's "
                        f"{disk['size_gb']:g} GB",
                    )
                if disk["classification"] is not None:
                    self._classification_on(
                        (*where, "disks", d, "classification"), disk["classification"], vmm
                    )
                    if not any(
                        (v["classification"] or "").lower() == disk["classification"].lower()
                        for v in host["volumes"]
                    ):
                        raise self.fail(
                            (*where, "disks", d, "classification"),
                            f"host '{host['name']}' has no volume of classification "
                            f"'{disk['classification']}'",
                        )
            for n, nic in enumerate(vm["nics"]):
                nic_where = (*where, "nics", n)
                if nic["mac"] is not None:
                    if not re.fullmatch(r"(?:[0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}", nic["mac"]):
                        raise self.fail((*nic_where, "mac"), f"'{nic['mac']}' is not a MAC address")
                    mac = re.sub(r"[:-]", "", nic["mac"]).upper()
                    if mac in macs:
                        raise self.fail(
                            (*nic_where, "mac"),
                            f"{nic['mac']} is already used by {dotted(macs[mac])}",
                        )
                    macs[mac] = nic_where
                if nic["vm_network"] is None:
                    if nic["ip"] is not None:
                        raise self.fail(
                            (*nic_where, "ip"), "a NIC without a vm_network has no IP pool"
                        )
                    continue
                network = vm_networks[nic["vm_network"].lower()]
                network_vmm = logical[network["logical_network"].lower()]["vmm_server"]
                self._same_vmm(
                    (*nic_where, "vm_network"), f"VM network '{network['name']}'", vmm, network_vmm
                )
                if vm["cloud"] is not None:
                    cloud = clouds[vm["cloud"].lower()]
                    allowed = {ln.lower() for ln in cloud["logical_networks"]}
                    if allowed and network["logical_network"].lower() not in allowed:
                        raise self.fail(
                            (*nic_where, "vm_network"),
                            f"VM network '{network['name']}' uses logical network "
                            f"'{network['logical_network']}', which cloud '{cloud['name']}' "
                            "does not offer",
                        )
                if nic["ip"] is not None:
                    address = self._address((*nic_where, "ip"), nic["ip"])
                    pools = self.pools.get(network["name"].lower(), [])
                    if not any(_in_range(address, pool) for _, pool in pools):
                        raise self.fail(
                            (*nic_where, "ip"),
                            f"{address} is outside every IP pool of VM network '{network['name']}'",
                        )
                    if str(address) in taken:
                        raise self.fail(
                            (*nic_where, "ip"),
                            f"{address} is already assigned to {dotted(taken[str(address)])}",
                        )
                    taken[str(address)] = nic_where
                elif self.pools.get(network["name"].lower()):
                    automatic.setdefault(network["name"].lower(), []).append(nic_where)
        for network_name, nics in automatic.items():
            ranges = [pool for _, pool in self.pools[network_name]]
            in_use = sum(
                1
                for address in taken
                if any(_in_range(ipaddress.IPv4Address(address), pool) for pool in ranges)
            )
            free = sum(_range_size(pool) for pool in ranges) - in_use
            if len(nics) > free:
                raise self.fail(
                    (*nics[max(free, 0)], "vm_network"),
                    f"the IP pools of VM network '{vm_networks[network_name]['name']}' have "
                    f"{free} free addresses, fewer than the {len(nics)} NICs that need one",
                )

    def _dns(self) -> None:
        seen: set[tuple[str, str, str, str]] = set()
        for index, record in enumerate(self.topology.items("dns_record")):
            where = ("dns_record", index, "data")
            if record["type"] == "A":
                self._address(where, record["data"])
            elif record["type"] == "AAAA":
                try:
                    ipaddress.IPv6Address(record["data"])
                except ValueError:
                    raise self.fail(where, f"'{record['data']}' is not an IPv6 address") from None
            key = (
                record["zone"].lower(),
                record["name"].lower(),
                record["type"],
                record["data"].lower(),
            )
            if key in seen:
                raise self.fail(where, "the same record is defined twice")
            seen.add(key)

    def _links(self) -> None:
        for index, link in enumerate(self.topology.items("link")):
            sites = [s.lower() for s in link["sites"]]
            if len(sites) != 2 or sites[0] == sites[1]:
                raise self.fail(
                    ("link", index, "sites"), "a link joins exactly two different sites"
                )


def _in_range(address: ipaddress.IPv4Address, pool: Table) -> bool:
    first = ipaddress.IPv4Address(pool["range_start"])
    last = ipaddress.IPv4Address(pool["range_end"])
    return first <= address <= last


def _range_size(pool: Table) -> int:
    first = ipaddress.IPv4Address(pool["range_start"])
    last = ipaddress.IPv4Address(pool["range_end"])
    return int(last) - int(first) + 1
