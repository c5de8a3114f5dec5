"""Mutated scripts over the estate never crash: VMM, Hyper-V and DnsServer cmdlets given
broken, misplaced or missing arguments end in PowerShell errors, never Python exceptions
(and never walk the estate's object graph, whose objects refer to each other)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.world import TopologySource, create_world

ROOT = Path(__file__).resolve().parents[2]
ESTATE = """\
Get-SCVirtualMachine -Name web01 | Stop-SCVirtualMachine -Force
Get-VM | Where-Object State -eq Running | Select-Object -First 2 | Stop-VM -TurnOff -Passthru
$r = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web02; $n = $r.Clone()
$n.TimeToLive = [timespan]::FromHours(2)
Set-DnsServerResourceRecord -ZoneName contoso.com -OldInputObject $r -NewInputObject $n -PassThru
Get-SCIPAddress -IPAddress 10.10.0.11 | Format-List *
Get-SCStaticIPAddressPool | Format-Table Name, Subnet, TotalAddresses, AvailableAddresses
Get-VMNetworkAdapter -VMName sql01; Get-VMHardDiskDrive -VMName sql01; Get-VMHost
Get-SCVMHost | Get-SCVirtualMachine | Measure-Object
Get-SCLogicalNetwork | Get-SCVMNetwork
Remove-DnsServerResourceRecord -ZoneName contoso.com -Name crm01 -RRType A -Force
Set-VMReplicationServer chi-hv01 $true -AllowedAuthenticationType Kerberos
Suspend-SCVirtualMachine -VM (Get-SCVirtualMachine app01)
Move-SimVirtualMachine web02 chi-hv02.contoso.com CHI-Production -PassThru
"""
CORPUS = [ESTATE, (ROOT / "scripts" / "demo.ps1").read_text(encoding="utf-8")]
NOISE = [*"{}()[]$@|;,'\"`-+=.:&%!?<>#\n ", "-Name", "-VM", "$null", "''", "-ComputerName",
         "-ZoneName", "0", "-1", "@()", "'x'", "(Get-SCVirtualMachine web01)"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    pieces = re.split(r"(\s+)", draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 4))):
        if not pieces:
            break
        where = draw(st.integers(0, len(pieces) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "noise"]))
        if action == "delete":
            del pieces[where]
        elif action == "duplicate":
            pieces.insert(where, pieces[where])
        elif action == "swap":
            other = draw(st.integers(0, len(pieces) - 1))
            pieces[where], pieces[other] = pieces[other], pieces[where]
        else:
            pieces.insert(where, draw(st.sampled_from(NOISE)))
    # the demo calls the scripts by $PSScriptRoot; keep the text from looping or sleeping
    return "".join(pieces).replace("$PSScriptRoot", str(ROOT / "scripts"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_estate_scripts_end_in_powershell_errors(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder, freeze_time("2026-03-02 08:00:00"):
        world = create_world(Path(folder) / "w.db", TopologySource.sample())
        try:
            host = BufferHost()
            status = Session(host=host, world=world).run(text)
        finally:
            world.close()
    assert isinstance(status, int)
    assert "Traceback" not in host.stderr
