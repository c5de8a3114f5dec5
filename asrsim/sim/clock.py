"""The world's clock.

A world keeps its own time. In ``manual`` mode it moves only when told (``Start-Sleep`` in a
script, ``asrsim world time --advance``); in ``realtime`` mode it follows wall time scaled by a
speed factor. Wall time is read in exactly one place, :func:`wall_now`, so freezegun can pin
it; the world reads it once at creation (its origin) and, in realtime mode, to know how far
the clock has run since it was last anchored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

ClockMode = Literal["manual", "realtime"]
CLOCK_MODES: tuple[ClockMode, ...] = ("manual", "realtime")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def wall_now() -> datetime:
    """The host's wall time, timezone-aware UTC: the only read of it in the simulator."""
    return datetime.now(UTC)  # noqa: TID251 - this is the clock


def to_micros(moment: datetime) -> int:
    """A timestamp as whole microseconds since the epoch, the form the store keeps."""
    if moment.tzinfo is None:
        raise ValueError("simulated time is always timezone-aware")
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


@dataclass(frozen=True)
class ClockState:
    """Where the clock stands: simulated ``anchor`` time at wall time ``wall_anchor``."""

    mode: ClockMode
    anchor: datetime
    wall_anchor: datetime
    speed: float = 1.0

    def now(self, wall: datetime) -> datetime:
        if self.mode == "manual":
            return self.anchor
        elapsed = max(wall - self.wall_anchor, timedelta(0))
        return self.anchor + elapsed * self.speed

    def moved_to(self, moment: datetime, wall: datetime) -> ClockState:
        """The clock set forward to ``moment``; time never runs backwards."""
        current = self.now(wall)
        return replace(self, anchor=max(moment, current), wall_anchor=wall)

    def switched(self, mode: ClockMode, speed: float, wall: datetime) -> ClockState:
        if speed <= 0:
            raise ValueError("the clock's speed must be greater than 0")
        return ClockState(mode=mode, anchor=self.now(wall), wall_anchor=wall, speed=speed)

    def describe(self) -> str:
        if self.mode == "manual":
            return "manual"
        return f"realtime x{self.speed:g}"


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|d|h|m|s)", re.IGNORECASE)
_UNITS = {"d": 86_400.0, "h": 3_600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
_CLOCK_FORMAT = re.compile(r"^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$")


def parse_duration(text: str) -> timedelta:
    """``90s``, ``15m``, ``1h30m``, ``2d`` or a TimeSpan-like ``[d.]hh:mm[:ss]``."""
    cleaned = text.strip()
    clock = _CLOCK_FORMAT.match(cleaned)
    if clock:
        days, hours, minutes, seconds = clock.groups()
        return timedelta(
            days=int(days or 0),
            hours=int(hours),
            minutes=int(minutes),
            seconds=float(seconds or 0),
        )
    position = 0
    total = 0.0
    for match in _DURATION_PART.finditer(cleaned):
        if cleaned[position : match.start()].strip():
            break
        total += float(match.group(1)) * _UNITS[match.group(2).lower()]
        position = match.end()
    if position == 0 or cleaned[position:].strip():
        raise ValueError(
            f"'{text}' is not a duration: use forms like 90s, 15m, 1h30m, 2d or 01:30:00"
        )
    return timedelta(seconds=total)


def parse_moment(text: str) -> datetime:
    """An ISO 8601 timestamp; one without an offset is taken as UTC."""
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    moment = datetime.fromisoformat(cleaned)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_moment(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
