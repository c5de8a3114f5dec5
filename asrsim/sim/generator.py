"""The Model builder: a topology from counts, with predictable names.

In the manner of govmomi's vcsim (``DC0_H0_VM0``): site ``i`` is ``SITE<i>``, its hosts are
``SITE<i>_H<j>`` and the VMs on host ``j`` are ``SITE<i>_H<j>_VM<k>``. Even-numbered sites
are primary sites and hold the VMs; odd-numbered ones are their recovery sites, joined to the
site before them by a link. A single site gets two clouds on its one VMM server (a primary
and a recovery cloud), which is how ASR protects with one VMM server.
"""

from __future__ import annotations

from typing import Any

from asrsim.sim.rng import Generator

#: Sizes a generated VM is drawn from: (vCPUs, memory GB, disk GB).
_VM_SHAPES = ((1, 2, 40), (2, 4, 60), (2, 8, 80), (4, 16, 127))
MAX_VMS_PER_SITE = 60_000  # the /16 production pool of a site


def check_counts(sites: int, hosts: int, vms: int) -> None:
    """Raise ValueError, saying why, for counts no estate can be generated from."""
    if sites < 1:
        raise ValueError("a world needs at least 1 site")
    if hosts > 1000:
        raise ValueError("at most 1000 hosts per site")
    if hosts < 1 or (sites == 1 and hosts < 2):
        raise ValueError("each site needs at least 1 host (2 with a single site: one per cloud)")
    if vms < 0 or vms > MAX_VMS_PER_SITE:
        raise ValueError(f"--vms must be between 0 and {MAX_VMS_PER_SITE}")
    if sites > 200:
        raise ValueError("at most 200 sites (each site gets its own 10.<site>.0.0/16 network)")


def generate_document(sites: int, hosts: int, vms: int, rng: Generator) -> dict[str, Any]:
    """The topology (as TOML would parse to) of a generated estate."""
    check_counts(sites, hosts, vms)
    document: dict[str, Any] = {
        "world": {"name": f"generated estate ({sites} sites, {hosts} hosts, {vms} VMs)"},
    }

    def add(section: str, **values: Any) -> None:
        document.setdefault(section, []).append(values)

    for i in range(sites):
        site = f"SITE{i}"
        vmm = f"{site}_VMM"
        primary = i % 2 == 0
        add("site", name=site, role="primary" if primary else "recovery")
        add("vmm_server", name=vmm, site=site, version="2012 R2")
        add("storage_classification", name="Gold", vmm_server=vmm)
        add("logical_network", name=f"{site}_LN0", vmm_server=vmm)
        add("vm_network", name=f"{site}_VMN0", logical_network=f"{site}_LN0")
        add("vm_network", name=f"{site}_TEST", logical_network=f"{site}_LN0")
        add(
            "ip_pool",
            name=f"{site}_POOL0",
            vm_network=f"{site}_VMN0",
            subnet=f"10.{i}.0.0/16",
            range_start=f"10.{i}.0.10",
            range_end=f"10.{i}.255.250",
            gateway=f"10.{i}.0.1",
            dns_servers=["10.0.0.5"],
        )
        add(
            "ip_pool",
            name=f"{site}_TESTPOOL",
            vm_network=f"{site}_TEST",
            subnet=f"172.16.{i}.0/24",
            range_start=f"172.16.{i}.10",
            range_end=f"172.16.{i}.250",
        )
        groups = [f"{site}_HG0", f"{site}_HG1"] if sites == 1 else [f"{site}_HG0"]
        for group in groups:
            add("host_group", name=group, vmm_server=vmm)
        vm_host_count = max(1, hosts // 2) if sites == 1 else hosts
        # a recovery site's volumes hold the replicas of its primary's VMs: size them alike
        per_host_vms = -(-vms // vm_host_count)
        host_names = []
        for j in range(hosts):
            host = f"{site}_H{j}"
            host_names.append(host)
            add(
                "host",
                name=host,
                host_group=groups[j * len(groups) // hosts],
                os="Windows Server 2012 R2",
                cpu_cores=32,
                memory_gb=512,
                volumes=[
                    {
                        "path": "C:\\ClusterStorage\\Volume1",
                        "capacity_gb": max(2048, per_host_vms * 160),
                        "classification": "Gold",
                    }
                ],
            )
        for c, group in enumerate(groups):
            add(
                "cloud",
                name=f"{site}_CLOUD{c}",
                vmm_server=vmm,
                host_groups=[group],
                logical_networks=[f"{site}_LN0"],
                storage_classifications=["Gold"],
                capability_profiles=["Hyper-V"],
                disaster_recovery_supported=True,
            )
        if not primary:
            continue
        vm_hosts = host_names[:vm_host_count]
        for n in range(vms):
            j = n % len(vm_hosts)
            cpus, memory, disk = _VM_SHAPES[rng.randrange(len(_VM_SHAPES))]
            add(
                "vm",
                name=f"{vm_hosts[j]}_VM{n // len(vm_hosts)}",
                host=vm_hosts[j],
                cloud=f"{site}_CLOUD0",
                cpu_count=cpus,
                memory_gb=memory,
                churn_mb_per_hour=float(rng.randrange(10, 600)),
                disks=[
                    {
                        "size_gb": disk,
                        "used_gb": round(disk * rng.uniform(0.2, 0.8), 1),
                        "classification": "Gold",
                    }
                ],
                nics=[{"vm_network": f"{site}_VMN0"}],
            )
    add("dns_server", name="SITE0_DNS", site="SITE0")
    add("dns_zone", name="sim.local", server="SITE0_DNS", register_vms=True)
    for i in range(0, sites - 1, 2):
        add("link", sites=[f"SITE{i}", f"SITE{i + 1}"], bandwidth_mbps=1000.0, latency_ms=20.0)
    return document
