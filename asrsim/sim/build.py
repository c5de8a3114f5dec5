"""Turning a checked topology into the objects of a new world.

Identities (GUIDs, MAC addresses) come from the world's seeded generator and addresses from
the pools in declaration order, so the same topology and seed always give the same world.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from asrsim.sim.dns import DnsRecord, DnsServer, DnsZone
from asrsim.sim.entity import Entity
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, Site, VMMServer
from asrsim.sim.network import AllocatedIPAddress, IPPool, LogicalNetwork, SiteLink, VMNetwork
from asrsim.sim.rng import Generator, new_guid
from asrsim.sim.storage import StorageClassification, Volume
from asrsim.sim.topology import Topology
from asrsim.sim.vms import HYPERV_MAC_PREFIX, NetworkAdapter, VirtualHardDisk, VirtualMachine

GIB = 1024**3
#: VMM's root host group, present on every VMM server.
ROOT_HOST_GROUP = "All Hosts"
#: Hyper-V's default folder for virtual hard disks when a VM has no volume of its own.
DEFAULT_VHD_FOLDER = "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks"


class _Builder:
    def __init__(self, topology: Topology, rng: Generator, now: datetime) -> None:
        self.topology = topology
        self.rng = rng
        self.now = now
        self.made: list[Entity] = []
        self.ids: dict[tuple[str, str], str] = {}
        # records are registered in the hour they were made: the DNS server keeps aging
        # timestamps to the hour
        self.registered = now.replace(minute=0, second=0, microsecond=0)

    def add(self, entity: Entity, section: str | None = None, scope: str = "") -> Entity:
        self.made.append(entity)
        if section is not None:
            self.ids[(section, scope + entity.name.lower())] = entity.id
        return entity

    def ref(self, section: str, name: str, scope: str = "") -> str:
        return self.ids[(section, scope + name.lower())]

    def guid(self) -> str:
        return new_guid(self.rng)

    def items(self, section: str) -> list[dict[str, Any]]:
        return self.topology.items(section)

    def build(self) -> list[Entity]:
        self._fabric()
        self._storage()
        self._networks()
        self._clouds()
        self._vms()
        self._dns()
        self._links()
        return self.made

    def _fabric(self) -> None:
        for item in self.items("site"):
            self.add(
                Site(
                    id=self.guid(), name=item["name"], role=item["role"], location=item["location"]
                ),
                "site",
            )
        self.roots: dict[str, str] = {}
        for item in self.items("vmm_server"):
            server = self.add(
                VMMServer(
                    id=self.guid(),
                    name=item["name"],
                    site_id=self.ref("site", item["site"]),
                    version=item["version"],
                    port=item["port"],
                ),
                "vmm_server",
            )
            root = self.add(
                HostGroup(
                    id=self.guid(),
                    name=ROOT_HOST_GROUP,
                    vmm_server_id=server.id,
                    path=ROOT_HOST_GROUP,
                )
            )
            self.roots[server.id] = root.id
        self.vmm_of_host: dict[str, str] = {}
        groups = {g["name"].lower(): g for g in self.items("host_group")}
        paths: dict[str, str] = {}

        def path_of(name: str) -> str:
            group = groups[name.lower()]
            if name.lower() not in paths:
                parent = group["parent"]
                prefix = path_of(parent) if parent else ROOT_HOST_GROUP
                paths[name.lower()] = f"{prefix}\\{group['name']}"
            return paths[name.lower()]

        # parents before children, whatever order the file lists them in
        for item in sorted(self.items("host_group"), key=lambda g: path_of(g["name"]).count("\\")):
            server_id = self.ref("vmm_server", item["vmm_server"])
            parent = (
                self.ref("host_group", item["parent"]) if item["parent"] else self.roots[server_id]
            )
            self.add(
                HostGroup(
                    id=self.guid(),
                    name=item["name"],
                    vmm_server_id=server_id,
                    parent_group_id=parent,
                    path=path_of(item["name"]),
                ),
                "host_group",
            )
        group_vmm = {g["name"].lower(): g["vmm_server"] for g in self.items("host_group")}
        for item in self.items("cluster"):
            self.add(
                HostCluster(
                    id=self.guid(),
                    name=item["name"],
                    host_group_id=self.ref("host_group", item["host_group"]),
                    replica_broker=item["replica_broker"],
                ),
                "cluster",
            )
        for item in self.items("host"):
            host = self.add(
                Host(
                    id=self.guid(),
                    name=item["name"],
                    host_group_id=self.ref("host_group", item["host_group"]),
                    cluster_id=self.ref("cluster", item["cluster"]) if item["cluster"] else None,
                    operating_system=item["os"],
                    cpu_cores=item["cpu_cores"],
                    memory_mb=int(item["memory_gb"] * 1024),
                    replica_storage_path=item["replica_storage_path"],
                ),
                "host",
            )
            self.vmm_of_host[host.id] = group_vmm[item["host_group"].lower()].lower()

    def _storage(self) -> None:
        for item in self.items("storage_classification"):
            scope = item["vmm_server"].lower() + "/"
            self.add(
                StorageClassification(
                    id=self.guid(),
                    name=item["name"],
                    vmm_server_id=self.ref("vmm_server", item["vmm_server"]),
                    description=item["description"],
                ),
                "storage_classification",
                scope,
            )
        self.volumes: dict[str, list[Volume]] = {}
        for item in self.items("host"):
            host_id = self.ref("host", item["name"])
            scope = self.vmm_of_host[host_id] + "/"
            for spec in item["volumes"]:
                volume = Volume(
                    id=self.guid(),
                    name=spec["path"],
                    host_id=host_id,
                    capacity_bytes=int(spec["capacity_gb"] * GIB),
                    classification_id=(
                        self.ref("storage_classification", spec["classification"], scope)
                        if spec["classification"]
                        else None
                    ),
                )
                self.add(volume)
                self.volumes.setdefault(host_id, []).append(volume)

    def _networks(self) -> None:
        for item in self.items("logical_network"):
            self.add(
                LogicalNetwork(
                    id=self.guid(),
                    name=item["name"],
                    vmm_server_id=self.ref("vmm_server", item["vmm_server"]),
                    description=item["description"],
                ),
                "logical_network",
            )
        logical_vmm = {n["name"].lower(): n["vmm_server"] for n in self.items("logical_network")}
        for item in self.items("vm_network"):
            server = logical_vmm[item["logical_network"].lower()]
            self.add(
                VMNetwork(
                    id=self.guid(),
                    name=item["name"],
                    logical_network_id=self.ref("logical_network", item["logical_network"]),
                    vmm_server_id=self.ref("vmm_server", server),
                    description=item["description"],
                ),
                "vm_network",
            )
        self.pools: dict[str, list[tuple[IPPool, Iterator[ipaddress.IPv4Address]]]] = {}
        self.taken = {
            nic["ip"] for vm in self.items("vm") for nic in vm["nics"] if nic["ip"] is not None
        }
        for item in self.items("ip_pool"):
            network_id = self.ref("vm_network", item["vm_network"])
            pool = IPPool(
                id=self.guid(),
                name=item["name"],
                vm_network_id=network_id,
                subnet=item["subnet"],
                range_start=item["range_start"],
                range_end=item["range_end"],
                gateway=item["gateway"],
                dns_servers=tuple(item["dns_servers"]),
            )
            self.add(pool, "ip_pool")
            self.pools.setdefault(network_id, []).append((pool, _addresses(pool)))

    def _clouds(self) -> None:
        for item in self.items("cloud"):
            scope = item["vmm_server"].lower() + "/"
            self.add(
                Cloud(
                    id=self.guid(),
                    name=item["name"],
                    vmm_server_id=self.ref("vmm_server", item["vmm_server"]),
                    description=item["description"],
                    host_group_ids=tuple(self.ref("host_group", g) for g in item["host_groups"]),
                    logical_network_ids=tuple(
                        self.ref("logical_network", n) for n in item["logical_networks"]
                    ),
                    storage_classification_ids=tuple(
                        self.ref("storage_classification", c, scope)
                        for c in item["storage_classifications"]
                    ),
                    capability_profiles=tuple(item["capability_profiles"]),
                    disaster_recovery_supported=item["disaster_recovery_supported"],
                ),
                "cloud",
            )

    def _vms(self) -> None:
        self.vm_addresses: list[tuple[str, str]] = []
        for item in self.items("vm"):
            host_id = self.ref("host", item["host"])
            vm = VirtualMachine(
                id=self.guid(),
                name=item["name"],
                host_id=host_id,
                cloud_id=self.ref("cloud", item["cloud"]) if item["cloud"] else None,
                hyperv_id=self.guid(),
                status=item["status"],
                cpu_count=item["cpu_count"],
                memory_mb=int(item["memory_gb"] * 1024),
                operating_system=item["operating_system"],
                generation=item["generation"],
                churn_mb_per_hour=item["churn_mb_per_hour"],
                description=item["description"],
                # a VM running when the world begins has been up since then
                started=self.now if item["status"] in ("Running", "Paused") else None,
            )
            self.add(vm, "vm")
            self._disks(vm, item)
            self._nics(vm, item)

    def _disks(self, vm: VirtualMachine, item: dict[str, Any]) -> None:
        scope = self.vmm_of_host[vm.host_id] + "/"
        volumes = self.volumes.get(vm.host_id, [])
        for index, spec in enumerate(item["disks"]):
            name = spec["name"] or f"{vm.name}_disk{index}.vhdx"
            wanted = (
                self.ref("storage_classification", spec["classification"], scope)
                if spec["classification"]
                else None
            )
            volume = next((v for v in volumes if wanted in (None, v.classification_id)), None)
            folder = (
                f"{volume.name}\\{vm.name}\\Virtual Hard Disks" if volume else DEFAULT_VHD_FOLDER
            )
            used = spec["used_gb"] if spec["used_gb"] is not None else spec["size_gb"]
            self.add(
                VirtualHardDisk(
                    id=self.guid(),
                    name=name,
                    vm_id=vm.id,
                    path=f"{folder}\\{name}",
                    size_bytes=int(spec["size_gb"] * GIB),
                    used_bytes=int(used * GIB),
                    volume_id=volume.id if volume else None,
                    classification_id=wanted or (volume.classification_id if volume else None),
                )
            )

    def _nics(self, vm: VirtualMachine, item: dict[str, Any]) -> None:
        for index, spec in enumerate(item["nics"]):
            mac = spec["mac"] or self._mac()
            mac = ":".join(
                mac.replace(":", "").replace("-", "").upper()[i : i + 2] for i in range(0, 12, 2)
            )
            network_id = self.ref("vm_network", spec["vm_network"]) if spec["vm_network"] else None
            adapter = NetworkAdapter(
                id=self.guid(),
                name=f"Network Adapter {index + 1}" if index else "Network Adapter",
                vm_id=vm.id,
                mac_address=mac,
                vm_network_id=network_id,
            )
            self.add(adapter)
            if network_id is None:
                continue
            pool, address = self._address(network_id, spec["ip"])
            if pool is None or address is None:
                continue
            self.add(
                AllocatedIPAddress(
                    id=self.guid(),
                    name=address,
                    pool_id=pool.id,
                    granted_to_id=adapter.id,
                    description=f"{vm.name} {adapter.name}",
                )
            )
            self.vm_addresses.append((vm.name, address))

    def _address(self, network_id: str, wanted: str | None) -> tuple[IPPool | None, str | None]:
        pools = self.pools.get(network_id, [])
        if wanted is not None:
            address = ipaddress.IPv4Address(wanted)
            for pool, _ in pools:
                low = ipaddress.IPv4Address(pool.range_start)
                high = ipaddress.IPv4Address(pool.range_end)
                if low <= address <= high:
                    return pool, wanted
            return None, None
        # VMM hands out the lowest free address of the first pool that has one
        for pool, free in pools:
            for candidate in free:
                if str(candidate) not in self.taken:
                    self.taken.add(str(candidate))
                    return pool, str(candidate)
        return None, None

    def _mac(self) -> str:
        tail = self.rng.getrandbits(24)
        return f"{HYPERV_MAC_PREFIX}:{tail >> 16:02X}:{(tail >> 8) & 0xFF:02X}:{tail & 0xFF:02X}"

    def _dns(self) -> None:
        for item in self.items("dns_server"):
            self.add(
                DnsServer(
                    id=self.guid(), name=item["name"], site_id=self.ref("site", item["site"])
                ),
                "dns_server",
            )
        for item in self.items("dns_zone"):
            server = item["server"]
            zone = self.add(
                DnsZone(
                    id=self.guid(),
                    name=item["name"],
                    dns_server_id=self.ref("dns_server", server),
                    dynamic_update=item["dynamic_update"],
                ),
                "dns_zone",
            )
            # every zone the DNS server creates starts with its SOA and NS records
            self.add(
                DnsRecord(
                    id=self.guid(),
                    name="@",
                    zone_id=zone.id,
                    record_type="SOA",
                    data=f"[1][{server}.][hostmaster.{zone.name}.]",
                )
            )
            self.add(
                DnsRecord(
                    id=self.guid(), name="@", zone_id=zone.id, record_type="NS", data=f"{server}."
                )
            )
            if item["register_vms"]:
                for vm_name, address in self.vm_addresses:
                    self.add(
                        DnsRecord(
                            id=self.guid(),
                            name=vm_name,
                            zone_id=zone.id,
                            record_type="A",
                            data=address,
                            ttl_seconds=1200,
                            timestamp=self.registered,
                        )
                    )
        for item in self.items("dns_record"):
            self.add(
                DnsRecord(
                    id=self.guid(),
                    name=item["name"],
                    zone_id=self.ref("dns_zone", item["zone"]),
                    record_type=item["type"],
                    data=item["data"],
                    ttl_seconds=item["ttl"],
                )
            )

    def _links(self) -> None:
        for item in self.items("link"):
            first, second = item["sites"]
            self.add(
                SiteLink(
                    id=self.guid(),
                    name=item["name"] or f"{first}-{second}",
                    site_a_id=self.ref("site", first),
                    site_b_id=self.ref("site", second),
                    bandwidth_mbps=item["bandwidth_mbps"],
                    latency_ms=item["latency_ms"],
                )
            )


def _addresses(pool: IPPool) -> Iterator[ipaddress.IPv4Address]:
    address = ipaddress.IPv4Address(pool.range_start)
    last = ipaddress.IPv4Address(pool.range_end)
    while address <= last:
        yield address
        address += 1


def build_entities(topology: Topology, rng: Generator, now: datetime) -> list[Entity]:
    """The objects of a new world, parents before children."""
    return _Builder(topology, rng, now).build()
