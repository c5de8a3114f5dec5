"""Handing out and taking back static addresses from VMM's IP pools."""

from __future__ import annotations

import ipaddress

from asrsim.sim.errors import SimError
from asrsim.sim.network import AllocatedIPAddress, IPPool
from asrsim.sim.rng import new_guid
from asrsim.sim.simulation import Transaction


class PoolExhausted(SimError):
    error_id = "IPAddressPoolExhausted"
    category = "LimitsExceeded"


def allocate(tx: Transaction, vm_network_id: str, granted_to_id: str,
             description: str = "") -> AllocatedIPAddress | None:
    """The lowest free address of the first pool of a VM network with one free, granted to
    ``granted_to_id`` (a network adapter), as VMM allocates; None when the network has no
    static pool (its VMs use DHCP)."""
    pools = tx.registry.children(IPPool, vm_network_id)
    if not pools:
        return None
    for pool in pools:
        taken = {a.name for a in tx.registry.children(AllocatedIPAddress, pool.id)}
        address = ipaddress.IPv4Address(pool.range_start)
        last = ipaddress.IPv4Address(pool.range_end)
        while address <= last:
            if str(address) not in taken:
                allocated = AllocatedIPAddress(id=new_guid(tx.rng), name=str(address),
                                               pool_id=pool.id, granted_to_id=granted_to_id,
                                               description=description)
                tx.create(allocated)
                return allocated
            address += 1
    names = ", ".join(p.name for p in pools)
    raise PoolExhausted(f"no free address is left in the IP pools {names}")


def release(tx: Transaction, granted_to_id: str) -> list[AllocatedIPAddress]:
    """Give back every address granted to an object (VMM returns them to their pools)."""
    released = tx.registry.referring(AllocatedIPAddress, granted_to_id)
    if released:
        tx.delete(*released)
    return released
