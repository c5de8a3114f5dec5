"""[System.Diagnostics.Stopwatch], timing on the session's clock: against a world it measures
simulated time, so a script that times its own polling loop sees the minutes it "waited"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from asrsim.lang.psobject import PSObject, PSScriptProperty

TYPE_NAME = "System.Diagnostics.Stopwatch"


class Stopwatch:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._accumulated = timedelta(0)
        self._started: datetime | None = None

    def start(self) -> None:
        if self._started is None:
            self._started = self._now()

    def stop(self) -> None:
        if self._started is not None:
            self._accumulated += self._now() - self._started
            self._started = None

    def reset(self) -> None:
        self._accumulated = timedelta(0)
        self._started = None

    def restart(self) -> None:
        self.reset()
        self.start()

    def elapsed(self) -> timedelta:
        running = self._now() - self._started if self._started is not None else timedelta(0)
        return self._accumulated + running

    def view(self) -> PSObject:
        def prop(name: str, getter: Callable[[], object]) -> tuple[str, PSScriptProperty]:
            return name, PSScriptProperty(name, getter)

        return PSObject(
            [
                prop("IsRunning", lambda: self._started is not None),
                prop("Elapsed", self.elapsed),
                prop("ElapsedMilliseconds",
                     lambda: int(self.elapsed() / timedelta(milliseconds=1))),
                prop("ElapsedTicks", lambda: int(self.elapsed() / timedelta(microseconds=1)) * 10),
            ],
            (TYPE_NAME, "System.Object"),
            methods={"Start": self.start, "Stop": self.stop, "Reset": self.reset,
                     "Restart": self.restart},
        )


def new(now: Callable[[], datetime], *, started: bool) -> PSObject:
    watch = Stopwatch(now)
    if started:
        watch.start()
    return watch.view()
