"""Where a key stands in a TOML text: tomllib keeps no positions, errors need line numbers."""

from __future__ import annotations

import re
from typing import Any

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_\-]+)\s*\]")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


class KeyLocator:
    """Finds the line of a key in the TOML text; tomllib keeps no positions.

    It understands the layout topologies are written in (arrays of tables with one key per
    line, inline tables for disks, NICs and volumes); for anything else it falls back to the
    nearest enclosing line it knows, which still points the reader to the right place.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.positions: dict[tuple[Any, ...], int] = {}
        counts: dict[str, int] = {}
        current: tuple[Any, ...] = ()
        for number, line in enumerate(self.lines, start=1):
            if match := _ARRAY_HEADER.match(line):
                section = match.group(1)
                index = counts.get(section, 0)
                counts[section] = index + 1
                current = (section, index)
                self.positions.setdefault(current, number)
                self.positions.setdefault((section,), number)
            elif match := _TABLE_HEADER.match(line):
                current = (match.group(1),)
                self.positions.setdefault(current, number)
            elif match := _ASSIGNMENT.match(line):
                self.positions.setdefault((*current, match.group(1)), number)

    def line(self, path: tuple[Any, ...]) -> int | None:
        if path in self.positions:
            return self.positions[path]
        # an item of an inline array of tables: count the opening braces after the key
        if len(path) >= 2 and isinstance(path[-1], int) and path[:-1] in self.positions:
            return self._nth_brace(self.positions[path[:-1]], path[-1])
        if len(path) >= 3 and isinstance(path[-2], int) and path[:-1] not in self.positions:
            item = self.line(path[:-1])
            if item is not None:
                return self._key_after(item, str(path[-1]))
        return self.line(path[:-1]) if len(path) > 1 else None

    def _nth_brace(self, start: int, index: int) -> int:
        seen = -1
        depth = 0
        in_string: str | None = None
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if number == start:
                text = text.split("=", 1)[1] if "=" in text else text
            for char in text:
                if in_string:
                    if char == in_string:
                        in_string = None
                elif char in "\"'":
                    in_string = char
                elif char == "{":
                    depth += 1
                    if depth == 1:
                        seen += 1
                        if seen == index:
                            return number
                elif char == "}":
                    depth -= 1
                elif char == "#":
                    break
        return start

    def _key_after(self, start: int, key: str) -> int:
        pattern = re.compile(rf"\b{re.escape(key)}\s*=")
        for number in range(start, min(start + 3, len(self.lines)) + 1):
            if pattern.search(self.lines[number - 1]):
                return number
        return start


def dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
