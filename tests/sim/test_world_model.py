"""The estate a world is made of: the sample's objects, and the Model builder's names."""

from __future__ import annotations

import ipaddress
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from freezegun.api import FrozenDateTimeFactory

from asrsim.sim.build import ROOT_HOST_GROUP
from asrsim.sim.dns import DnsRecord, DnsZone
from asrsim.sim.fabric import Cloud, Host, HostCluster, HostGroup, Site, VMMServer
from asrsim.sim.generator import check_counts
from asrsim.sim.network import AllocatedIPAddress, IPPool, SiteLink, VMNetwork
from asrsim.sim.simulation import Simulation
from asrsim.sim.storage import StorageClassification, Volume
from asrsim.sim.vms import NetworkAdapter, VirtualHardDisk, VirtualMachine
from asrsim.sim.world import GeneratedSource, create_world, reset_world

GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_sample_estate_objects(sample_world: Simulation) -> None:
    registry = sample_world.registry
    assert [s.name for s in registry.all(Site)] == ["Seattle", "Chicago"]
    servers = registry.all(VMMServer)
    assert {s.name: s.version for s in servers} == {
        "vmm01.contoso.com": "2012 R2",
        "vmm02.contoso.com": "2012 R2",
    }
    paths = sorted(g.path for g in registry.all(HostGroup))
    assert "All Hosts\\Seattle\\SEA-Production" in paths
    assert paths.count(ROOT_HOST_GROUP) == 2  # every VMM server has its root host group
    old = registry.one(Host, "sea-hv03.contoso.com")
    assert old.operating_system == "Windows Server 2012" and old.cluster_id is None
    clustered = registry.one(Host, "sea-hv01.contoso.com")
    assert (
        registry.get(HostCluster, str(clustered.cluster_id)).replica_broker
        == "sea-hvrb.contoso.com"
    )
    assert len(registry.all(VirtualMachine)) == 12
    assert all(
        c.disaster_recovery_supported and "Hyper-V" in c.capability_profiles
        for c in registry.all(Cloud)
    )
    assert registry.count(StorageClassification) == 4
    link = registry.all(SiteLink)[0]
    assert (link.bandwidth_mbps, link.latency_ms) == (100, 45)


def test_vm_parts_hang_together(sample_world: Simulation) -> None:
    registry = sample_world.registry
    sql = registry.one(VirtualMachine, "SQL01")  # names are case-insensitive
    assert sql.name == "sql01" and GUID.match(sql.id) and GUID.match(sql.hyperv_id)
    disks = registry.children(VirtualHardDisk, sql.id)
    assert [d.name for d in disks] == ["sql01_os.vhdx", "sql01_data.vhdx", "sql01_log.vhdx"]
    assert disks[1].size_bytes == 500 * 1024**3 and disks[1].used_bytes == 320 * 1024**3
    volume = registry.get(Volume, str(disks[1].volume_id))
    assert volume.host_id == sql.host_id
    assert disks[1].path == f"{volume.name}\\sql01\\Virtual Hard Disks\\sql01_data.vhdx"
    gold = registry.get(StorageClassification, str(disks[1].classification_id))
    assert gold.name == "Gold"
    [adapter] = registry.children(NetworkAdapter, sql.id)
    assert re.fullmatch(r"00:15:5D(:[0-9A-F]{2}){3}", adapter.mac_address)
    assert registry.get(VMNetwork, str(adapter.vm_network_id)).name == "SEA-Production"
    [address] = registry.referring(AllocatedIPAddress, adapter.id)
    assert address.name == "10.10.0.31"


def test_addresses_are_unique_and_inside_their_pools(sample_world: Simulation) -> None:
    registry = sample_world.registry
    addresses = registry.all(AllocatedIPAddress)
    assert len({a.name for a in addresses}) == len(addresses) == 12
    for address in addresses:
        pool = registry.get(IPPool, address.pool_id)
        assert ipaddress.IPv4Address(address.name) in ipaddress.IPv4Network(pool.subnet)
    # crm01 declared no address: it got the lowest free one of its pool
    crm = registry.one(VirtualMachine, "crm01")
    [adapter] = registry.children(NetworkAdapter, crm.id)
    assert registry.referring(AllocatedIPAddress, adapter.id)[0].name == "10.10.0.10"


def test_each_vm_registered_an_a_record(sample_world: Simulation) -> None:
    registry = sample_world.registry
    zone = registry.one(DnsZone, "contoso.com")
    records = registry.children(DnsRecord, zone.id)
    a_records = {r.name: r for r in records if r.record_type == "A"}
    web01 = a_records["web01"]
    assert web01.data == "10.10.0.11" and web01.ttl_seconds == 1200
    # dynamic registrations carry an hour-granular aging timestamp; static ones none
    assert web01.timestamp == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert a_records["dc01"].timestamp is None
    assert {r.record_type for r in records if r.name == "@"} == {"SOA", "NS"}
    vms = {vm.name for vm in registry.all(VirtualMachine)}
    assert vms <= set(a_records)


def test_model_builder_names_are_predictable(tmp_path: Path, frozen: FrozenDateTimeFactory) -> None:
    with create_world(tmp_path / "g.db", GeneratedSource(2, 3, 10), seed=7) as sim:
        registry = sim.registry
        assert [s.name for s in registry.all(Site)] == ["SITE0", "SITE1"]
        assert [s.role for s in registry.all(Site)] == ["primary", "recovery"]
        assert [h.name for h in registry.all(Host)] == [
            "SITE0_H0",
            "SITE0_H1",
            "SITE0_H2",
            "SITE1_H0",
            "SITE1_H1",
            "SITE1_H2",
        ]
        names = [vm.name for vm in registry.all(VirtualMachine)]
        assert names[:4] == ["SITE0_H0_VM0", "SITE0_H1_VM0", "SITE0_H2_VM0", "SITE0_H0_VM1"]
        assert len(names) == 10
        for vm in registry.all(VirtualMachine):
            host = registry.get(Host, vm.host_id)
            assert vm.name.startswith(host.name + "_VM")
        assert [c.name for c in registry.all(Cloud)] == ["SITE0_CLOUD0", "SITE1_CLOUD0"]
        assert len(registry.all(SiteLink)) == 1


def test_a_single_site_gets_a_primary_and_a_recovery_cloud(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    with create_world(tmp_path / "one.db", GeneratedSource(1, 4, 6)) as sim:
        clouds = sim.registry.all(Cloud)
        assert [c.name for c in clouds] == ["SITE0_CLOUD0", "SITE0_CLOUD1"]
        assert len({c.vmm_server_id for c in clouds}) == 1
        primary = clouds[0]
        for vm in sim.registry.all(VirtualMachine):
            host = sim.registry.get(Host, vm.host_id)
            assert host.host_group_id in primary.host_group_ids
            assert vm.cloud_id == primary.id


@pytest.mark.parametrize(
    ("sites", "hosts", "vms", "words"),
    [
        (0, 4, 10, "at least 1 site"),
        (1, 1, 10, "2 with a single site"),
        (2, 0, 10, "at least 1 host"),
        (2, 4, 70_000, "--vms must be between"),
    ],
)
def test_impossible_counts_are_refused(sites: int, hosts: int, vms: int, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        check_counts(sites, hosts, vms)


def test_reset_brings_the_world_back(sample_world: Simulation) -> None:
    registry = sample_world.registry
    first_ids = sorted(vm.id for vm in registry.all(VirtualMachine))
    vm = registry.one(VirtualMachine, "web01")
    with sample_world.write() as tx:
        tx.delete(vm)
    heard: list[str] = []
    sample_world.subscribe(lambda e: heard.append(e.op))
    reset_world(sample_world)
    assert sorted(v.id for v in registry.all(VirtualMachine)) == first_ids
    assert heard[0] == "reset" and heard.count("create") > 12
    assert [c.op for c in sample_world.changes_since(0, limit=100_000)].count("reset") == 1
