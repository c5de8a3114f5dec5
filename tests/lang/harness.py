"""Run PowerShell text through a whole session and see what a user would see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asrsim.session import Session
from asrsim.shell.host import BufferHost


@dataclass
class Result:
    stdout: str
    stderr: str
    status: int

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def run(
    text: str,
    *,
    path: str | None = None,
    width: int = 120,
    inputs: list[str] | None = None,
    location: Path | None = None,
    session: Session | None = None,
) -> Result:
    host = BufferHost(width=width, inputs=inputs)
    session = session or Session(host=host, seed=1, location=location)
    status = session.run(text, path=path)
    inner = session.runtime.host.inner  # type: ignore[attr-defined]
    return Result(inner.stdout, inner.stderr, status)
