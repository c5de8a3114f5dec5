"""Simulator control cmdlets on the sample world."""

from __future__ import annotations

from datetime import UTC, datetime

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.network import AllocatedIPAddress
from asrsim.sim.vms import NetworkAdapter, VirtualMachine
from tests.conftest import run_on


def test_clock(world_session: tuple[Session, BufferHost]) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host,
                         "(Get-SimClock).Mode\n"
                         "Set-SimClock -Advance 01:30:00\n"
                         "(Get-SimClock).Now.ToUniversalTime().ToString('u')\n"
                         "Set-SimClock -Advance -00:01:00\n")
    assert out.splitlines() == ["manual", "2026-03-02 09:30:00Z"]
    assert "ClockBackwards" in str([r.fully_qualified_error_id
                                     for r in session.runtime.errors])
    assert session.world.now() == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_move_virtual_machine_reallocates_its_address(
    world_session: tuple[Session, BufferHost]
) -> None:
    session, host = world_session
    out, err, status = run_on(
        session, host,
        "$p = Move-SimVirtualMachine web01 chi-hv01.contoso.com CHI-Production -PassThru\n"
        "$p.VMHost; $p.Cloud; $p.IPAddresses\n")
    assert err == "" and status == 0
    assert out.splitlines() == ["chi-hv01.contoso.com", "Chicago Recovery", "10.20.0.13"]
    world = session.world
    vm = world.registry.one(VirtualMachine, "web01")
    [adapter] = world.registry.children(NetworkAdapter, vm.id)
    assert [a.name for a in world.registry.referring(AllocatedIPAddress, adapter.id)] == [
        "10.20.0.13"]
    # the old Seattle address went back to its pool
    assert not world.registry.named(AllocatedIPAddress, "10.10.0.11")


def test_move_errors_change_nothing(world_session: tuple[Session, BufferHost]) -> None:
    session, host = world_session
    _, err, _ = run_on(session, host,
                       "Move-SimVirtualMachine nosuch chi-hv01.contoso.com\n"
                       "Move-SimVirtualMachine web01 chi-hv01.contoso.com SEA-Production\n")
    assert "No virtual machine named 'nosuch'" in err
    assert "is not on the VMM server that manages host 'chi-hv01.contoso.com'" in err
    vm = session.world.registry.one(VirtualMachine, "web01")
    assert session.world.registry.named(AllocatedIPAddress, "10.10.0.11")
    assert vm.cloud_id is not None
