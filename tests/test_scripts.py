"""The seed article's two scripts ("Run a recovery plan"): as printed they do not parse, as
PowerShell says; the corrected copies in scripts/ run against a fresh sample world."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from freezegun.api import FrozenDateTimeFactory

from asrsim.lang.parser import parse
from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.dns import DnsRecord
from asrsim.sim.world import TopologySource, create_world
from tests.conftest import run_asrsim, run_on

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"

# The article's text, verbatim (its code blocks without the Markdown indentation)
GET_IP_AS_PRINTED = """\
$vm = Get-SCVirtualMachine -Name <VM_NAME>
$na = $vm[0].VirtualNetworkAdapters>
$ip = Get-SCIPAddress -GrantToObjectID $na[0].id
$ip.address  
"""  # noqa: W291 - the article's trailing spaces
UPDATE_DNS_AS_PRINTED = """\
string]$Zone,
[string]$name,
[string]$IP
)
$Record = Get-DnsServerResourceRecord -ZoneName $zone -Name $name
$newrecord = $record.clone()
$newrecord.RecordData[0].IPv4Address  =  $IP
Set-DnsServerResourceRecord -zonename $zone -OldInputObject $record -NewInputObject $Newrecord
"""

WEB01_AFTER = ("web01                     A          1          3/2/2026 8:00:00 AM  00:20:00     "
               "   10.20.0.51")


def code_lines(path: Path) -> list[str]:
    """A script's lines without its header comment and blank lines."""
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def parse_errors(text: str) -> list[tuple[str, int, int]]:
    return [(e.error_id, e.extent.start_line, e.extent.start_column)
            for e in parse(text).errors]


def test_the_printed_scripts_do_not_parse() -> None:
    assert parse_errors(GET_IP_AS_PRINTED) == [("RedirectionNotSupported", 1, 34),
                                               ("MissingFileSpecification", 2, 37)]
    assert parse_errors(UPDATE_DNS_AS_PRINTED) == [("MissingArgument", 1, 13),
                                                   ("UnexpectedToken", 4, 1)]


def test_the_corrected_scripts_change_only_what_did_not_parse() -> None:
    printed = [line.rstrip() for line in GET_IP_AS_PRINTED.splitlines()]
    assert code_lines(SCRIPTS / "Get-VMIPAddress.ps1") == [
        "param([string]$VMName)",
        printed[0].replace("<VM_NAME>", "$VMName"),
        printed[1].removesuffix(">"),
        *printed[2:],
    ]
    printed = UPDATE_DNS_AS_PRINTED.splitlines()
    assert code_lines(SCRIPTS / "Update-DnsRecord.ps1") == ["param([" + printed[0], *printed[1:]]
    for script in ("Get-VMIPAddress.ps1", "Update-DnsRecord.ps1"):
        assert not parse((SCRIPTS / script).read_text(encoding="utf-8")).errors


def test_update_dns_record(world_session: tuple[Session, BufferHost]) -> None:
    session, host = world_session
    status = session.run_file(SCRIPTS / "Update-DnsRecord.ps1",
                              ["-Zone", "contoso.com", "-Name", "web01", "-IP", "10.20.0.51"])
    assert (status, host.stdout, host.stderr) == (0, "", "")
    out, err, _ = run_on(session, host, "Get-DnsServerResourceRecord contoso.com web01")
    assert err == ""
    assert WEB01_AFTER in out.splitlines()
    [record] = session.world.registry.named(DnsRecord, "web01")
    assert (record.data, record.ttl_seconds) == ("10.20.0.51", 1200)


def test_update_dns_record_with_a_bad_address_changes_nothing(
    world_session: tuple[Session, BufferHost]
) -> None:
    session, host = world_session
    status = session.run_file(SCRIPTS / "Update-DnsRecord.ps1",
                              ["-Zone", "contoso.com", "-Name", "web01", "-IP", "10.20.0.999"])
    # the assignment fails (a statement-terminating error); Set then finds the copy equal to
    # the record, and the record stays as it was
    assert status == 0
    assert 'Exception setting "IPv4Address"' in host.stderr
    assert "Traceback" not in host.stderr
    [record] = session.world.registry.named(DnsRecord, "web01")
    assert record.data == "10.10.0.11"
    session.run_file(SCRIPTS / "Update-DnsRecord.ps1",
                     ["-Zone", "nothing.contoso.com", "-Name", "web01", "-IP", "10.20.0.51"])
    assert ("Failed to get the zone information for nothing.contoso.com on server DC01."
            in host.stderr)
    assert session.world.registry.named(DnsRecord, "web01")[0].data == "10.10.0.11"


def test_update_dns_record_from_the_command_line_is_durable(
    tmp_path: Path, frozen: FrozenDateTimeFactory
) -> None:
    world = tmp_path / "w.db"
    with create_world(world, TopologySource.sample()):
        pass
    ran = run_asrsim("--world", str(world), "run", str(SCRIPTS / "Update-DnsRecord.ps1"),
                     "-Zone", "contoso.com", "-Name", "web01", "-IP", "10.20.0.51")
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")
    # another process sees the change
    seen = run_asrsim("--world", str(world), "-c",
                      "Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01")
    assert seen.returncode == 0, seen.stderr
    assert WEB01_AFTER in seen.stdout.splitlines()


@pytest.mark.skipif(importlib.util.find_spec("cmdlets.vmm") is None,
                    reason="needs the VirtualMachineManager cmdlets (cmdlets/vmm.py)")
def test_get_vm_ip_address(world_session: tuple[Session, BufferHost]) -> None:
    session, host = world_session
    status = session.run_file(SCRIPTS / "Get-VMIPAddress.ps1", ["-VMName", "web01"])
    assert (status, host.stdout, host.stderr) == (0, "10.10.0.11\n", "")
