"""A Session: one PowerShell runspace over a backend: the command table, the language
runtime, the world it acts on, and a runner for scripts.

The dashboard and the remote endpoint are clients of a Session; ``asrsim.cli`` makes one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from asrsim.lang.commands import CommandTable
from asrsim.lang.runtime import FileAccess, Runtime
from asrsim.shell.runner import ScriptRunner


def default_modules() -> list[ModuleType]:
    """The cmdlet modules every session has: PowerShell's core modules, the estate's
    (VirtualMachineManager, Hyper-V, DnsServer) and the simulator's own."""
    from cmdlets import core, dnsserver, hyperv, management, simulator, utility, variables, vmm

    return [core, utility, management, variables, vmm, hyperv, dnsserver, simulator]


class Session:
    def __init__(
        self,
        *,
        host: Any = None,
        world: Any = None,
        seed: int | None = None,
        files: FileAccess | None = None,
        modules: Iterable[ModuleType] | None = None,
        location: Path | None = None,
    ) -> None:
        from asrsim.shell.host import ConsoleHost

        # a world is opened only when something needs it, so `asrsim -c '1+1'` starts fast
        self._world = world
        self._modules = None if modules is None else list(modules)
        commands = CommandTable()
        self.runtime = Runtime(
            commands,
            host or ConsoleHost(),
            clock=self._now,
            sleep=self._sleep,
            seed=seed if seed is not None else self._world_seed,
            files=files,
            location=location,
        )
        from cmdlets.backends.local import LocalBackend

        self.runtime.backend = LocalBackend(lambda: self.world)
        # cmdlet modules load on first use of a command (or of a variable one defines)
        commands.add_loader(self._load_modules)
        self.runner = ScriptRunner(self.runtime)

    @property
    def modules(self) -> list[ModuleType]:
        if self._modules is None:
            self._modules = default_modules()
        return self._modules

    def _load_modules(self) -> None:
        for module in self.modules:
            self.runtime.commands.add_all(module.CMDLETS, getattr(module, "MODULE_NAME", None))
        for module in self.modules:
            register = getattr(module, "register", None)
            if register is not None:
                register(self.runtime, self)

    @property
    def world(self) -> Any:
        if callable(self._world):
            self._world = self._world()
        return self._world

    def _world_seed(self) -> int:
        return int(self.world.seed) if self.world is not None else 0

    # -- time: the world's when there is one ---------------------------------------------

    def _now(self) -> datetime:
        if self.world is not None:
            moment: datetime = self.world.now()
            return moment
        from asrsim.sim.clock import wall_now

        return wall_now()

    def _sleep(self, seconds: float) -> None:
        if self.world is None or seconds <= 0:
            return
        clock = self.world.clock()
        if clock.mode == "manual":
            # a polling loop (`while (...) { Start-Sleep 30 }`) finishes at once: the
            # world's time moves on and the work that falls due runs
            self.world.advance(timedelta(seconds=seconds))
        else:
            time.sleep(seconds / clock.speed)

    # -- running -------------------------------------------------------------------------

    def run(self, text: str, *, path: str | None = None) -> int:
        return self.runner.run_text(text, path=path)

    def run_file(self, path: Path, words: Sequence[str] = ()) -> int:
        return self.runner.run_file(path, words)
