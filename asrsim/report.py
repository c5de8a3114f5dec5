"""Plain-text reports of a world for ``asrsim world show``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from asrsim.sim.clock import format_moment
from asrsim.sim.dns import DnsRecord, DnsServer, DnsZone
from asrsim.sim.entity import E
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, Site, VMMServer
from asrsim.sim.network import AllocatedIPAddress, IPPool, LogicalNetwork, SiteLink, VMNetwork
from asrsim.sim.registry import Registry
from asrsim.sim.simulation import Simulation
from asrsim.sim.storage import StorageClassification, Volume
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine

GIB = 1024**3
#: How many VMs a host lists before the rest are summed up (``--all`` lists every one).
VMS_PER_HOST = 12

_PLURALS = {
    "site": "sites",
    "vmm_server": "VMM servers",
    "host_group": "host groups",
    "host_cluster": "clusters",
    "host": "hosts",
    "storage_classification": "storage classifications",
    "volume": "volumes",
    "logical_network": "logical networks",
    "vm_network": "VM networks",
    "ip_pool": "IP pools",
    "cloud": "clouds",
    "vm": "VMs",
    "virtual_hard_disk": "virtual disks",
    "network_adapter": "network adapters",
    "ip_address": "allocated IP addresses",
    "dns_server": "DNS servers",
    "dns_zone": "DNS zones",
    "dns_record": "DNS records",
    "site_link": "site links",
}


def _gb(size: int) -> str:
    return f"{size / GIB:,.0f} GB"


def _table(rows: list[list[str]], indent: str) -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]


class _Index:
    """Every object of the world, loaded once and grouped for the report."""

    def __init__(self, registry: Registry) -> None:
        self.sites = registry.all(Site)
        self.servers = registry.all(VMMServer)
        self.groups = registry.all(HostGroup)
        self.clusters = {c.id: c for c in registry.all(HostCluster)}
        self.hosts = registry.all(Host)
        self.classifications = {c.id: c for c in registry.all(StorageClassification)}
        self.volumes = _by(registry.all(Volume), lambda v: v.host_id)
        self.logical = registry.all(LogicalNetwork)
        self.vm_networks = {n.id: n for n in registry.all(VMNetwork)}
        self.pools = registry.all(IPPool)
        self.clouds = registry.all(Cloud)
        self.vms = _by(registry.all(VirtualMachine), lambda vm: vm.host_id)
        self.disks = _by(registry.all(VirtualHardDisk), lambda d: d.vm_id)
        self.adapters = _by(registry.all(NetworkAdapter), lambda a: a.vm_id)
        addresses = registry.all(AllocatedIPAddress)
        self.address_of = {a.granted_to_id: a.name for a in addresses}
        self.allocated = _by(addresses, lambda a: a.pool_id)
        self.dns_servers = registry.all(DnsServer)
        self.zones = registry.all(DnsZone)
        self.records = _by(registry.all(DnsRecord), lambda r: r.zone_id)
        self.links = registry.all(SiteLink)
        self.names = {e.id: e.name for e in (*self.sites, *self.groups, *self.logical)}
        self.names.update({c.id: c.name for c in self.classifications.values()})
        self.clouds_by_id = {c.id: c for c in self.clouds}


def _by(items: Iterable[E], key: Callable[[E], str | None]) -> dict[str | None, list[E]]:
    grouped: dict[str | None, list[E]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped


def summary_line(counts: dict[str, int]) -> str:
    shown = ("site", "vmm_server", "host", "cloud", "vm", "dns_zone", "dns_record")
    parts = []
    for kind in shown:
        n = counts.get(kind, 0)
        label = _PLURALS[kind] if n != 1 else _PLURALS[kind].removesuffix("s")
        parts.append(f"{n:,} {label}")
    return ", ".join(parts)


def world_report(simulation: Simulation, *, all_vms: bool = False) -> str:
    with simulation.read() as registry:
        index = _Index(registry)
        counts = registry.counts()
        clock = simulation.clock()
        now = simulation.now()
        source = simulation.source()
    lines = [
        f"World    {simulation.name}",
        f"File     {simulation.path}",
        f"Source   {_describe_source(source)}, seed {simulation.seed}",
        f"Clock    {format_moment(now)} ({clock.describe()})",
        f"Objects  {summary_line(counts)}",
    ]
    for site in index.sites:
        lines.append("")
        role = f" ({site.role})" if site.role else ""
        where = f" - {site.location}" if site.location else ""
        lines.append(f"Site {site.name}{role}{where}")
        for server in (s for s in index.servers if s.site_id == site.id):
            lines.extend(_server(index, server, all_vms))
        for dns in (d for d in index.dns_servers if d.site_id == site.id):
            lines.append(f"  DNS server {dns.name}")
            for zone in (z for z in index.zones if z.dns_server_id == dns.id):
                kind = "AD-integrated" if zone.is_ds_integrated else "file-backed"
                records = index.records.get(zone.id, [])
                lines.append(
                    f"    Zone {zone.name} ({zone.zone_type}, {kind}, dynamic updates: "
                    f"{zone.dynamic_update}): {len(records)} records"
                )
    if index.links:
        lines.append("")
        lines.append("Links")
        for link in index.links:
            lines.append(
                f"  {link.name}: {index.names[link.site_a_id]} <-> {index.names[link.site_b_id]}, "
                f"{link.bandwidth_mbps:g} Mbps, {link.latency_ms:g} ms"
            )
    return "\n".join(lines)


def _describe_source(source: dict[str, object]) -> str:
    if source.get("kind") == "generated":
        return (
            f"generated ({source['sites']} sites, {source['hosts']} hosts per site, "
            f"{source['vms']} VMs per primary site)"
        )
    return str(source.get("path", "unknown"))


def _server(index: _Index, server: VMMServer, all_vms: bool) -> list[str]:
    lines = [f"  VMM server {server.name} (System Center {server.version} VMM, port {server.port})"]
    for group in sorted(
        (g for g in index.groups if g.vmm_server_id == server.id), key=lambda g: g.path.lower()
    ):
        hosts = [h for h in index.hosts if h.host_group_id == group.id]
        if not hosts:
            continue
        lines.append(f"    Host group {group.path}")
        clustered: dict[str | None, list[Host]] = defaultdict(list)
        for host in hosts:
            clustered[host.cluster_id].append(host)
        for cluster_id, members in clustered.items():
            indent = "      "
            if cluster_id is not None:
                cluster: HostCluster = index.clusters[cluster_id]
                broker = (
                    f" (replica broker {cluster.replica_broker})" if cluster.replica_broker else ""
                )
                lines.append(f"      Cluster {cluster.name}{broker}")
                indent = "        "
            for host in members:
                lines.extend(_host(index, host, indent, all_vms))
    clouds = [c for c in index.clouds if c.vmm_server_id == server.id]
    if clouds:
        lines.append("    Clouds")
        rows = []
        for cloud in clouds:
            rows.append(
                [
                    cloud.name,
                    "[" + ", ".join(cloud.capability_profiles) + "]",
                    "DR supported" if cloud.disaster_recovery_supported else "DR not supported",
                    "host groups: " + ", ".join(index.names[g] for g in cloud.host_group_ids),
                    "networks: " + ", ".join(index.names[n] for n in cloud.logical_network_ids),
                    "storage: "
                    + ", ".join(index.names[s] for s in cloud.storage_classification_ids),
                ]
            )
        lines.extend(_table(rows, "      "))
    logical = [n for n in index.logical if n.vmm_server_id == server.id]
    if logical:
        lines.append("    Networks")
        for network in logical:
            lines.append(f"      Logical network {network.name}")
            rows = []
            for vm_network in index.vm_networks.values():
                if vm_network.logical_network_id != network.id:
                    continue
                pools = [p for p in index.pools if p.vm_network_id == vm_network.id]
                if not pools:
                    rows.append([f"VM network {vm_network.name}", "no static IP pool", "", ""])
                for pool in pools:
                    used = len(index.allocated.get(pool.id, []))
                    rows.append(
                        [
                            f"VM network {vm_network.name}",
                            f"pool {pool.name}",
                            f"{pool.range_start}-{pool.range_end} ({pool.subnet})",
                            f"{used} allocated",
                        ]
                    )
            lines.extend(_table(rows, "        "))
    classes = [c.name for c in index.classifications.values() if c.vmm_server_id == server.id]
    if classes:
        lines.append(f"    Storage classifications: {', '.join(classes)}")
    return lines


def _host(index: _Index, host: Host, indent: str, all_vms: bool) -> list[str]:
    volumes = ", ".join(
        f"{v.name} {_gb(v.capacity_bytes)}"
        + (f" [{index.names[v.classification_id]}]" if v.classification_id else "")
        for v in index.volumes.get(host.id, [])
    )
    lines = [
        f"{indent}Host {host.name}  {host.operating_system}, {host.cpu_cores} cores, "
        f"{host.memory_mb // 1024} GB" + (f"; volumes {volumes}" if volumes else "")
    ]
    vms = index.vms.get(host.id, [])
    shown = vms if all_vms else vms[:VMS_PER_HOST]
    rows = []
    for vm in shown:
        disks = index.disks.get(vm.id, [])
        size = sum(d.size_bytes for d in disks)
        used = sum(d.used_bytes for d in disks)
        addresses = [index.address_of.get(a.id) for a in index.adapters.get(vm.id, [])]
        cloud = index.clouds_by_id[vm.cloud_id].name if vm.cloud_id else "(no cloud)"
        rows.append(
            [
                f"VM {vm.name}",
                vm.status,
                f"{vm.cpu_count} vCPU",
                f"{vm.memory_mb // 1024} GB",
                f"{len(disks)} disk{'s' if len(disks) != 1 else ''} {_gb(size)} ({_gb(used)} used)",
                ", ".join(a for a in addresses if a) or "no IP",
                f"churn {vm.churn_mb_per_hour:g} MB/h",
                cloud,
            ]
        )
    lines.extend(_table(rows, indent + "  "))
    if len(vms) > len(shown):
        lines.append(f"{indent}  ... and {len(vms) - len(shown):,} more VMs (--all lists them)")
    return lines


def vm_report(simulation: Simulation, name: str) -> str:
    """Everything the world knows about the VMs of this name (VMM allows several)."""
    with simulation.read() as registry:
        vms = registry.named(VirtualMachine, name)
        blocks = [_vm_details(registry, vm) for vm in vms]
    return "\n\n".join(blocks)


def _vm_details(registry: Registry, vm: VirtualMachine) -> str:
    host = registry.get(Host, vm.host_id)
    cloud = registry.get(Cloud, vm.cloud_id).name if vm.cloud_id else "(none)"
    rows = [
        ["Name", vm.name],
        ["ID", vm.id],
        ["VMId", vm.hyperv_id],
        ["Status", vm.status],
        ["Host", f"{host.name} ({host.operating_system})"],
        ["Cloud", cloud],
        ["CPUCount", str(vm.cpu_count)],
        ["Memory", f"{vm.memory_mb} MB"],
        ["OperatingSystem", vm.operating_system],
        ["Generation", str(vm.generation)],
        ["Churn", f"{vm.churn_mb_per_hour:g} MB/h"],
    ]
    for disk in registry.children(VirtualHardDisk, vm.id):
        label = ""
        if disk.classification_id:
            label = f" [{registry.get(StorageClassification, disk.classification_id).name}]"
        rows.append(
            ["Disk", f"{disk.path}  {_gb(disk.size_bytes)} ({_gb(disk.used_bytes)} used){label}"]
        )
    for adapter in registry.children(NetworkAdapter, vm.id):
        network = (
            registry.get(VMNetwork, adapter.vm_network_id).name
            if adapter.vm_network_id
            else "(not connected)"
        )
        addresses = [a.name for a in registry.referring(AllocatedIPAddress, adapter.id)]
        rows.append(
            [
                "NetworkAdapter",
                f"{adapter.name}  {adapter.mac_address}  {network}  "
                + (", ".join(addresses) or "no static IP"),
            ]
        )
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{label.ljust(width)} : {value}" for label, value in rows)
