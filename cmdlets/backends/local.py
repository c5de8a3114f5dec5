"""The local backend: cmdlets act on the simulated world the session is attached to.

The world is opened on first use, so a session that never touches it (``asrsim -c '1+1'``)
never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asrsim.lang.errors import RuntimeException

if TYPE_CHECKING:
    from asrsim.lang.commands import Cmdlet
    from asrsim.sim.simulation import Simulation


class LocalBackend:
    name = "local"

    def __init__(self, open_world: Callable[[], Simulation | None]) -> None:
        self._open_world = open_world

    @property
    def world(self) -> Simulation | None:
        return self._open_world()


def world_of(cmdlet: Cmdlet) -> Simulation:
    """The world a cmdlet acts on, or PowerShell-style error when the session has none."""
    backend: Any = getattr(cmdlet.context.runtime, "backend", None)
    world: Simulation | None = backend.world if backend is not None else None
    if world is None:
        raise RuntimeException(
            f"not supported in asrsim: {cmdlet.name} needs a simulated world, and this session "
            "has none (run it with asrsim, which opens the default world or --world PATH)",
            "NoWorld", "ResourceUnavailable", target=cmdlet.name)
    return world


def sim_error(cmdlet: Cmdlet, error: Exception, *, terminating: bool = False,
              error_id: str | None = None, message: str | None = None,
              target: Any = None) -> None:
    """The one place a world's SimError becomes a PowerShell error of the cmdlet: written as
    a non-terminating error, or raised as a terminating one. The cmdlet may give the id and
    message the real cmdlet uses for this case (VMM's, Hyper-V's, the DnsServer module's)."""
    from asrsim.sim.errors import SimError

    if not isinstance(error, SimError):
        raise error
    text = message or error.message
    ident = error_id or error.error_id
    if terminating:
        cmdlet.throw_terminating(text, ident, error.category, target)
    else:
        cmdlet.write_error(text, ident, error.category, target)
