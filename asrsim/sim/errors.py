"""Errors the simulated world raises.

Each carries an ``error_id`` and a PowerShell ``category`` so that the cmdlet layer can turn
any of them into an ErrorRecord in one place, without knowing the concrete class.
"""

from __future__ import annotations

from pathlib import Path


class SimError(Exception):
    """Base of every error the simulated world raises on purpose."""

    error_id = "SimError"
    category = "NotSpecified"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(SimError):
    error_id = "ObjectNotFound"
    category = "ObjectNotFound"

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"no {kind} '{key}' exists in this world")
        self.kind = kind
        self.key = key


class InvalidState(SimError):
    """An action asked of an object in a state that does not allow it (after psrpcore)."""

    error_id = "InvalidState"
    category = "InvalidOperation"

    def __init__(self, action: str, current: str, expected: list[str]) -> None:
        wanted = ", ".join(expected)
        super().__init__(f"cannot {action}: the state is {current}, it must be one of: {wanted}")
        self.action = action
        self.current = current
        self.expected = expected


class TopologyError(SimError):
    """A topology file that cannot become a world: names the file, the line and the key."""

    error_id = "TopologyInvalid"
    category = "InvalidData"

    def __init__(self, path: Path | str, line: int | None, key: str, problem: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        text = f"{where}: {key}: {problem}" if key else f"{where}: {problem}"
        super().__init__(text)
        self.path = str(path)
        self.line = line
        self.key = key
        self.problem = problem


class WorldError(SimError):
    """A world file that cannot be opened or written as asked."""

    error_id = "WorldUnavailable"
    category = "ResourceUnavailable"


class WorldVersionError(WorldError):
    error_id = "WorldSchemaVersionUnsupported"
    category = "InvalidData"


class SchedulerError(SimError):
    error_id = "ScheduledEventFailed"
    category = "InvalidOperation"
