"""Child processes for the store's crash and concurrency tests (run with ``python -m``).

They use only the public world API, as any other process sharing a world would.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from asrsim.sim.dns import DnsRecord, DnsZone
from asrsim.sim.rng import new_guid
from asrsim.sim.simulation import Simulation
from asrsim.sim.vms import VirtualMachine

BATCH = 500


def write_batches(path: Path, pause_inside: int | None) -> None:
    """Write batches of BATCH records, one transaction each, saying when each committed.

    With ``pause_inside`` set, that batch stops half-way through its transaction, says so and
    waits for standard input: the parent kills it there.
    """
    with Simulation.open(path) as sim:
        zone = sim.registry.all(DnsZone)[0]
        batch = 0
        while True:
            with sim.write() as tx:
                for half in (0, 1):
                    tx.create(
                        *(
                            DnsRecord(
                                id=new_guid(tx.rng),
                                name=f"b{batch}-{half}-{i}",
                                zone_id=zone.id,
                                record_type="A",
                                data="10.9.9.9",
                            )
                            for i in range(BATCH // 2)
                        )
                    )
                    if half == 0 and batch == pause_inside:
                        print(f"inside {batch}", flush=True)
                        sys.stdin.readline()
            print(f"committed {batch}", flush=True)
            batch += 1


def increment(path: Path, vm_name: str, times: int) -> None:
    """Read-modify-write the same VM ``times`` times, after the parent says go."""
    with Simulation.open(path) as sim:
        print("ready", flush=True)
        sys.stdin.readline()
        for _ in range(times):
            with sim.write() as tx:
                vm = tx.registry.one(VirtualMachine, vm_name)
                tx.update(replace(vm, memory_mb=vm.memory_mb + 1))
        print("done", flush=True)


if __name__ == "__main__":
    action, world = sys.argv[1], Path(sys.argv[2])
    if action == "batches":
        pause = int(sys.argv[3]) if len(sys.argv) > 3 else None
        write_batches(world, pause)
    elif action == "increment":
        increment(world, sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit(f"unknown action {action}")
