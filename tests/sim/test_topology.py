"""The topology loader: the sample is valid, and every kind of bad file is one clear error
naming the file, the line and the key, with exit status 2 and no world left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from asrsim.sim.errors import TopologyError
from asrsim.sim.topology import load_topology, parse_topology
from asrsim.sim.world import sample_topology_text
from tests.conftest import run_asrsim

MINIMAL = """\
[world]
seed = 1

[[site]]
name = "A"

[[site]]
name = "B"

[[vmm_server]]
name = "vmm-a"
site = "A"
version = "2012 R2"

[[host_group]]
name = "HG"
vmm_server = "vmm-a"

[[host]]
name = "h1"
host_group = "HG"
os = "Windows Server 2012 R2"
volumes = [{ path = "C:\\\\CSV", capacity_gb = 100, classification = "Gold" }]

[[storage_classification]]
name = "Gold"
vmm_server = "vmm-a"

[[logical_network]]
name = "LN"
vmm_server = "vmm-a"

[[vm_network]]
name = "VMN"
logical_network = "LN"

[[ip_pool]]
name = "P"
vm_network = "VMN"
subnet = "10.0.0.0/24"
range_start = "10.0.0.10"
range_end = "10.0.0.20"

[[cloud]]
name = "C"
vmm_server = "vmm-a"
host_groups = ["HG"]
logical_networks = ["LN"]
capability_profiles = ["Hyper-V"]
disaster_recovery_supported = true

[[vm]]
name = "vm1"
host = "h1"
cloud = "C"
disks = [{ size_gb = 40, used_gb = 10, classification = "Gold" }]
nics = [{ vm_network = "VMN", ip = "10.0.0.11" }]

[[link]]
sites = ["A", "B"]
bandwidth_mbps = 100
"""


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{fragment!r} is not in the text")


def error_of(text: str) -> TopologyError:
    with pytest.raises(TopologyError) as caught:
        parse_topology(text, "estate.toml")
    return caught.value


def test_minimal_topology_is_valid() -> None:
    topology = parse_topology(MINIMAL, "estate.toml")
    assert [vm["name"] for vm in topology.items("vm")] == ["vm1"]
    # defaults are filled in
    assert topology.items("vm")[0]["status"] == "Running"
    assert topology.world["clock"] == "manual"


def test_the_bundled_sample_is_valid_and_realistic() -> None:
    topology = parse_topology(sample_topology_text(), "sample.toml")
    servers = topology.items("vmm_server")
    assert len(servers) == 2 and {s["version"] for s in servers} == {"2012 R2"}
    assert {h["os"] for h in topology.items("host")} == {
        "Windows Server 2012",
        "Windows Server 2012 R2",
    }
    clouds = topology.items("cloud")
    for server in servers:
        mine = [c for c in clouds if c["vmm_server"] == server["name"]]
        assert len(mine) == 2  # a production and a recovery cloud on each VMM server
        assert all("Hyper-V" in c["capability_profiles"] for c in mine)
    assert len(topology.items("vm")) == 12
    assert {c["name"] for c in topology.items("storage_classification")} == {"Gold", "Silver"}
    assert any(z["register_vms"] for z in topology.items("dns_zone"))
    assert topology.items("link")[0]["bandwidth_mbps"] == 100


@pytest.mark.parametrize(
    ("change", "marker", "key", "words"),
    [
        pytest.param(
            ('name = "vm1"', 'name = "vm1"\ncolour = "blue"'),
            "colour",
            "vm[0].colour",
            "unknown key",
            id="unknown-key",
        ),
        pytest.param(
            ("[[link]]", "[[switch]]\nname = 'x'\n\n[[link]]"),
            "[[switch]]",
            "switch",
            "unknown section",
            id="unknown-section",
        ),
        pytest.param(
            ('os = "Windows Server 2012 R2"\n', ""),
            "[[host]]",
            "host[0].os",
            "required",
            id="missing-required-key",
        ),
        pytest.param(
            ('host = "h1"', 'host = "h1"\ncpu_count = "two"'),
            "cpu_count",
            "vm[0].cpu_count",
            "must be an integer",
            id="wrong-type",
        ),
        pytest.param(
            ("bandwidth_mbps = 100", 'bandwidth_mbps = "fast"'),
            "bandwidth_mbps",
            "link[0].bandwidth_mbps",
            "must be a number",
            id="wrong-type-number",
        ),
        pytest.param(
            ('host = "h1"', 'host = "h9"'),
            'host = "h9"',
            "vm[0].host",
            "no host named 'h9'",
            id="undefined-host",
        ),
        pytest.param(
            ('cloud = "C"\n', 'cloud = "Nowhere"\n'),
            'cloud = "Nowhere"',
            "vm[0].cloud",
            "no cloud named 'Nowhere'",
            id="undefined-cloud",
        ),
        pytest.param(
            ('{ vm_network = "VMN"', '{ vm_network = "Elsewhere"'),
            "Elsewhere",
            "vm[0].nics[0].vm_network",
            "no vm network named 'Elsewhere'",
            id="undefined-network",
        ),
        pytest.param(
            ('ip = "10.0.0.11"', 'ip = "10.0.0.99"'),
            "10.0.0.99",
            "vm[0].nics[0].ip",
            "outside every IP pool",
            id="ip-outside-pool",
        ),
        pytest.param(
            ('ip = "10.0.0.11"', 'ip = "10.0.0.300"'),
            "10.0.0.300",
            "vm[0].nics[0].ip",
            "not an IPv4 address",
            id="ip-malformed",
        ),
        pytest.param(
            ('capability_profiles = ["Hyper-V"]', 'capability_profiles = ["ESX Server"]'),
            "ESX Server",
            "cloud[0].capability_profiles",
            "Hyper-V capability profile",
            id="protected-cloud-without-hyperv",
        ),
        pytest.param(
            ('os = "Windows Server 2012 R2"', 'os = "Windows Server 2008 R2"'),
            "2008",
            "host[0].os",
            "is not one of",
            id="unsupported-os",
        ),
        pytest.param(
            ('range_end = "10.0.0.20"', 'range_end = "10.0.1.20"'),
            "10.0.1.20",
            "ip_pool[0].range_end",
            "outside the subnet",
            id="pool-outside-subnet",
        ),
        pytest.param(
            ("used_gb = 10", "used_gb = 50"),
            "used_gb = 50",
            "vm[0].disks[0].used_gb",
            "more than the disk",
            id="disk-overfull",
        ),
        pytest.param(
            ('sites = ["A", "B"]', 'sites = ["A", "A"]'),
            'sites = ["A", "A"]',
            "link[0].sites",
            "two different sites",
            id="link-to-itself",
        ),
        pytest.param(
            ("seed = 1", "seed = 1\nstart = 2026-01-01T00:00:00"),
            "start",
            "world.start",
            "time zone",
            id="start-without-offset",
        ),
    ],
)
def test_bad_topologies_name_file_line_and_key(
    change: tuple[str, str], marker: str, key: str, words: str
) -> None:
    old, new = change
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    error = error_of(text)
    assert error.path == "estate.toml"
    assert error.key == key
    assert words in error.problem
    assert error.line == line_of(text, marker)
    assert str(error).startswith(f"estate.toml:{error.line}: {key}: ")


def test_toml_syntax_error_has_line_and_column() -> None:
    text = MINIMAL.replace('name = "vm1"', 'name = "vm1', 1)
    error = error_of(text)
    assert error.line == line_of(text, 'name = "vm1')
    assert "TOML syntax error" in error.problem and "column" in error.problem


def test_duplicate_names_point_at_the_second_and_name_the_first() -> None:
    text = MINIMAL + '\n[[vm]]\nname = "VM1"\nhost = "h1"\n'
    error = error_of(text)
    assert error.key == "vm[1].name"
    assert error.line == line_of(text, 'name = "VM1"')
    first = line_of(text, 'name = "vm1"')
    assert f"first defined on line {first}" in error.problem


def test_the_same_ip_twice_is_refused() -> None:
    text = MINIMAL + (
        '\n[[vm]]\nname = "vm2"\nhost = "h1"\nnics = [{ vm_network = "VMN", ip = "10.0.0.11" }]\n'
    )
    error = error_of(text)
    assert error.key == "vm[1].nics[0].ip"
    assert "already assigned to vm[0].nics[0]" in error.problem


def test_exhausted_pool_is_refused() -> None:
    extra = "".join(
        f'\n[[vm]]\nname = "auto{i}"\nhost = "h1"\nnics = [{{ vm_network = "VMN" }}]\n'
        for i in range(11)
    )
    error = error_of(MINIMAL + extra)
    # the pool has 11 addresses, one is taken by vm1: the 11th automatic NIC finds none
    assert error.key == "vm[11].nics[0].vm_network"
    assert "10 free addresses" in error.problem


def test_storage_classifications_are_per_vmm_server() -> None:
    text = MINIMAL.replace(
        '[[storage_classification]]\nname = "Gold"\nvmm_server = "vmm-a"',
        '[[vmm_server]]\nname = "vmm-b"\nsite = "B"\nversion = "2012 R2"\n\n'
        '[[storage_classification]]\nname = "Gold"\nvmm_server = "vmm-b"',
    )
    error = error_of(text)
    assert error.key == "host[0].volumes[0].classification"
    assert "no storage classification 'Gold' on VMM server 'vmm-a'" in error.problem
    # the same name on both servers is fine
    both = (
        MINIMAL + '\n[[vmm_server]]\nname = "vmm-b"\nsite = "B"\nversion = "2012 R2"\n'
        '\n[[storage_classification]]\nname = "Gold"\nvmm_server = "vmm-b"\n'
    )
    parse_topology(both, "estate.toml")


def test_vm_on_a_host_outside_its_cloud_is_refused() -> None:
    text = MINIMAL.replace(
        '[[host]]\nname = "h1"',
        '[[host_group]]\nname = "Other"\nvmm_server = "vmm-a"\n\n[[host]]\nname = "h2"\n'
        'host_group = "Other"\nos = "Windows Server 2012"\n\n[[host]]\nname = "h1"',
    ).replace('host = "h1"\ncloud', 'host = "h2"\ncloud')
    error = error_of(text)
    assert error.key == "vm[0].cloud"
    assert "not in any host group of cloud 'C'" in error.problem


def test_host_group_cycle_is_refused() -> None:
    text = MINIMAL.replace(
        '[[host_group]]\nname = "HG"\nvmm_server = "vmm-a"',
        '[[host_group]]\nname = "HG"\nvmm_server = "vmm-a"\nparent = "HG2"\n\n'
        '[[host_group]]\nname = "HG2"\nvmm_server = "vmm-a"\nparent = "HG"',
    )
    error = error_of(text)
    assert error.key.endswith(".parent")
    assert "contain themselves" in error.problem


def test_missing_file_is_a_topology_error(tmp_path: Path) -> None:
    with pytest.raises(TopologyError) as caught:
        load_topology(tmp_path / "absent.toml")
    assert "no such file" in str(caught.value)


BAD_FOR_CLI = {
    "syntax": MINIMAL.replace("[[vm]]", "[[vm]", 1),
    "unknown-key": MINIMAL.replace('name = "vm1"', 'name = "vm1"\nflavour = 1', 1),
    "missing-key": MINIMAL.replace('version = "2012 R2"\n', "", 1),
    "wrong-type": MINIMAL.replace("seed = 1", 'seed = "one"', 1),
    "undefined-reference": MINIMAL.replace('host = "h1"', 'host = "ghost"', 1),
    "duplicate": MINIMAL + '\n[[site]]\nname = "a"\n',
    "ip-outside-pool": MINIMAL.replace("10.0.0.11", "192.168.1.1", 1),
    "cloud-without-hyperv": MINIMAL.replace('["Hyper-V"]', "[]", 1),
}


@pytest.mark.parametrize("case", sorted(BAD_FOR_CLI))
def test_world_new_with_a_bad_topology_exits_2_and_leaves_nothing(
    case: str, tmp_path: Path
) -> None:
    topology = tmp_path / "estate.toml"
    topology.write_text(BAD_FOR_CLI[case], encoding="utf-8")
    world = tmp_path / "worlds" / "w.db"
    result = run_asrsim("world", "new", str(world), "--topology", str(topology))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"asrsim: error: {topology}:")
    assert not world.exists()
    leftovers = list((tmp_path / "worlds").iterdir()) if (tmp_path / "worlds").exists() else []
    assert leftovers == []
