"""Hosts: where a session writes its output, errors and prompts."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from asrsim.lang.errors import RuntimeException

#: ANSI colours for Write-Host -ForegroundColor, by ConsoleColor name
COLORS = {
    "black": 30,
    "darkblue": 34,
    "darkgreen": 32,
    "darkcyan": 36,
    "darkred": 31,
    "darkmagenta": 35,
    "darkyellow": 33,
    "gray": 37,
    "darkgray": 90,
    "blue": 94,
    "green": 92,
    "cyan": 96,
    "red": 91,
    "magenta": 95,
    "yellow": 93,
    "white": 97,
}


class ConsoleHost:
    """A terminal (or a pipe): output to stdout, errors and warnings to stderr."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        stdin: TextIO | None = None,
        *,
        interactive: bool | None = None,
        color: bool | None = None,
        width: int | None = None,
    ) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin or sys.stdin
        self._interactive = self.stdin.isatty() if interactive is None else interactive
        self.color = self.stdout.isatty() if color is None else color
        self._width = width

    @property
    def interactive(self) -> bool:
        return self._interactive

    @property
    def width(self) -> int:
        if self._width:
            return self._width
        if self.stdout.isatty():
            return max(40, shutil.get_terminal_size((120, 40)).columns)
        return 120

    def write(
        self,
        text: str,
        *,
        stream: str = "output",
        color: str | None = None,
        background: str | None = None,
    ) -> None:
        target = self.stderr if stream in ("error", "warning", "verbose", "debug") else self.stdout
        if self.color and target.isatty():
            code = None
            if stream == "error":
                code = COLORS["red"]
            elif stream in ("warning", "verbose", "debug"):
                code = COLORS["yellow"]
            elif color:
                code = COLORS.get(color.casefold())
            if code is not None:
                text = f"\x1b[{code}m{text}\x1b[0m"
        target.write(text)
        target.flush()

    def read_line(self, prompt: str) -> str:
        if not self._interactive:
            raise RuntimeException(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                "available.",
                "InvalidOperation",
                "InvalidOperation",
            )
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        return line.rstrip("\n")


class BufferHost:
    """A host that keeps what was written, for tests and for remote sessions."""

    def __init__(self, *, width: int = 120, inputs: list[str] | None = None) -> None:
        self.output: list[str] = []
        self.errors: list[str] = []
        self.streams: list[tuple[str, str]] = []
        self._width = width
        self.inputs = list(inputs or [])

    @property
    def interactive(self) -> bool:
        return bool(self.inputs)

    @property
    def width(self) -> int:
        return self._width

    def write(
        self,
        text: str,
        *,
        stream: str = "output",
        color: str | None = None,
        background: str | None = None,
    ) -> None:
        self.streams.append((stream, text))
        if stream in ("error", "warning", "verbose", "debug"):
            self.errors.append(text)
        else:
            self.output.append(text)

    def read_line(self, prompt: str) -> str:
        if not self.inputs:
            raise RuntimeException(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                "available.",
                "InvalidOperation",
                "InvalidOperation",
            )
        self.output.append(prompt)
        return self.inputs.pop(0)

    @property
    def stdout(self) -> str:
        return "".join(self.output)

    @property
    def stderr(self) -> str:
        return "".join(self.errors)
