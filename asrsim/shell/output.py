"""Out-Default: the end of every top-level pipeline, formatting objects as they arrive.

Objects of one shape are gathered so that a table gets one header and column widths that
fit all of them; anything else written to the host (Write-Host, an error, a warning) first
flushes what was gathered, so the order a user sees is the order things happened.
"""

from __future__ import annotations

from typing import Any

from asrsim.lang.psobject import NOTHING
from asrsim.lang.runtime import Runtime

_SCALARS = (str, int, float, bool)


class OutDefault:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.pending: list[Any] = []

    def __call__(self, value: Any) -> None:
        if value is NOTHING:
            return
        if isinstance(value, _SCALARS) or value is None:
            self.flush()
            if value is None:
                return
            if type(value) is str or type(value) is int or type(value) is bool:
                # strings, Int32s and booleans print as themselves (True/False): no need to
                # load the formatter for them
                self.runtime.host.write(f"{value}\n", stream="output")
                return
            self.runtime.host.write(
                self.runtime.format_default([value]),
                stream="output",
            )
            return
        self.pending.append(value)

    def flush(self) -> None:
        if not self.pending:
            return
        objects, self.pending = self.pending, []
        text = self.runtime.format_default(objects)
        self.runtime.host.write(text, stream="output")
