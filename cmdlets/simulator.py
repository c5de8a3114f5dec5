"""Simulator control: the world itself (its clock) and what the simulator does in place of
events a real estate would have (a VM coming up elsewhere). Nouns are prefixed ``Sim`` so
they never collide with a real module's cmdlets."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from asrsim.lang.commands import Cmdlet, Parameter
from asrsim.lang.psobject import PSObject
from asrsim.sim.errors import SimError
from asrsim.sim.fabric import Cloud, Host
from asrsim.sim.network import AllocatedIPAddress, VMNetwork
from asrsim.sim.vm_placement import move
from asrsim.sim.vms import NetworkAdapter, VirtualMachine
from cmdlets.backends.local import sim_error, world_of

MODULE_NAME = "AsrSim"


def _clock_object(cmdlet: Cmdlet) -> PSObject:
    world = world_of(cmdlet)
    clock = world.clock()
    return PSObject([("Now", world.now()), ("Mode", clock.mode), ("Speed", clock.speed),
                     ("World", world.name)], ("AsrSim.Clock",))


class GetSimClock(Cmdlet):
    """Gets the simulated world's clock: its time, mode (manual or realtime) and speed."""

    name = "Get-SimClock"
    noun_module = MODULE_NAME

    def process(self) -> None:
        self.write_object(_clock_object(self))


class SetSimClock(Cmdlet):
    """Moves the world's clock forward, running the work that falls due, or changes its mode.

    -Advance moves by a TimeSpan; -To moves to a time; -Mode Manual|Realtime and -Speed
    change how the clock runs. Time never moves backwards."""

    name = "Set-SimClock"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Advance", "timespan", position=0),
        Parameter("To", "datetime"),
        Parameter("Mode", "string", validate_set=("Manual", "Realtime")),
        Parameter("Speed", "double", validate_range=(0.001, 1_000_000.0)),
        Parameter("PassThru", "switch"),
    )
    supports_should_process = True

    def process(self) -> None:
        world = world_of(self)
        if not self.should_process(world.name, "Set-SimClock"):
            return
        if self.has("Mode") or self.has("Speed"):
            clock = world.clock()
            mode = str(self.param("Mode", clock.mode)).lower()
            world.set_clock("realtime" if mode == "realtime" else "manual",
                            float(self.param("Speed", clock.speed)))
        advance: timedelta | None = self.param("Advance")
        target: datetime | None = self.param("To")
        try:
            if advance is not None:
                if advance < timedelta(0):
                    self.throw_terminating("The world's clock cannot go backwards.",
                                           "ClockBackwards", "InvalidArgument", advance)
                world.advance(advance)
            elif target is not None:
                moment = target if target.tzinfo else target.replace(tzinfo=world.now().tzinfo)
                if moment < world.now():
                    self.throw_terminating("The world's clock cannot go backwards.",
                                           "ClockBackwards", "InvalidArgument", target)
                world.advance_to(moment)
        except SimError as error:
            sim_error(self, error, terminating=True)
        if self.param("PassThru"):
            self.write_object(_clock_object(self))


class MoveSimVirtualMachine(Cmdlet):
    """Moves a VM to another host and VM network, as a failover brings it up there.

    The VM goes to -DestinationHost, into the cloud that holds that host; its network
    adapters connect to -VMNetwork (none: disconnected) and get addresses from that network's
    IP pool, while the old addresses go back to theirs. DNS is not touched: updating the A
    record is what a recovery plan's script does."""

    name = "Move-SimVirtualMachine"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True, aliases=("VMName",),
                  pipeline_by_name=True),
        Parameter("DestinationHost", "string", position=1, mandatory=True),
        Parameter("VMNetwork", "string", position=2),
        Parameter("PassThru", "switch"),
    )
    supports_should_process = True

    def process(self) -> None:
        world = world_of(self)
        name = str(self.param("Name"))
        registry = world.registry
        vms = registry.named(VirtualMachine, name)
        if not vms:
            self.write_error(f"No virtual machine named '{name}' exists in the world.",
                             "VMNotFound", "ObjectNotFound", name)
            return
        host_name = str(self.param("DestinationHost"))
        hosts = registry.named(Host, host_name)
        if not hosts:
            self.write_error(f"No host named '{host_name}' exists in the world.",
                             "HostNotFound", "ObjectNotFound", host_name)
            return
        network_id = None
        if self.param("VMNetwork"):
            networks = registry.named(VMNetwork, str(self.param("VMNetwork")))
            if not networks:
                self.write_error(f"No VM network named '{self.param('VMNetwork')}' exists.",
                                 "VMNetworkNotFound", "ObjectNotFound", self.param("VMNetwork"))
                return
            network_id = networks[0].id
        if not self.should_process(name, f"Move to {hosts[0].name}"):
            return
        try:
            moved, addresses = move(world, vms[0].id, hosts[0].id, network_id)
        except SimError as error:
            sim_error(self, error)
            return
        if self.param("PassThru"):
            self.write_object(_placement(world.registry, moved, addresses))


def _placement(registry: Any, vm: VirtualMachine, addresses: list[AllocatedIPAddress]
               ) -> PSObject:
    host = registry.get(Host, vm.host_id)
    cloud = registry.get(Cloud, vm.cloud_id).name if vm.cloud_id else None
    networks = [registry.get(VMNetwork, a.vm_network_id).name
                for a in registry.children(NetworkAdapter, vm.id) if a.vm_network_id]
    return PSObject([("Name", vm.name), ("VMHost", host.name), ("Cloud", cloud),
                     ("VMNetwork", networks[0] if len(networks) == 1 else networks),
                     ("IPAddresses", [a.name for a in addresses])], ("AsrSim.Placement",))


CMDLETS: tuple[type[Cmdlet], ...] = (GetSimClock, SetSimClock, MoveSimVirtualMachine)
