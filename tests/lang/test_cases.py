"""Data-driven language tests: tests/lang/cases/*.ps1, after Crafting Interpreters' jlox.

A file holds one or more cases, each starting with a ``# case: <title>`` line. In a case,
``# expect: <text>`` (on a line of its own or after code) is the next line of standard
output, ``# expect error: <ErrorId>`` an error whose FullyQualifiedErrorId starts with that
id, and ``# expect status: <n>`` the exit status (default 0, or 1 when a parse error is
expected). Each case runs in a fresh session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from asrsim.session import Session
from asrsim.shell.host import BufferHost

CASES = Path(__file__).parent / "cases"
_EXPECT = re.compile(r"#\s*expect:\s?(.*)$")
_EXPECT_ERROR = re.compile(r"#\s*expect error:\s*(\S+)")
_EXPECT_STATUS = re.compile(r"#\s*expect status:\s*(-?\d+)")


@dataclass
class Case:
    file: str
    title: str
    line: int
    text: str
    output: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    status: int | None = None

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.title}"


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("*.ps1")):
        current: Case | None = None
        lines: list[str] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("# case:"):
                if current is not None:
                    current.text = "\n".join(lines)
                    cases.append(current)
                current = Case(path.stem, line[len("# case:") :].strip(), number, "")
                lines = []
                continue
            if current is None:
                continue
            lines.append(line)
            if match := _EXPECT_ERROR.search(line):
                current.errors.append(match.group(1))
            elif match := _EXPECT_STATUS.search(line):
                current.status = int(match.group(1))
            elif match := _EXPECT.search(line):
                current.output.append(match.group(1).rstrip())
        if current is not None:
            current.text = "\n".join(lines)
            cases.append(current)
    return cases


ALL_CASES = load_cases()


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_case(case: Case) -> None:
    host = BufferHost(width=120)
    session = Session(host=host, seed=1)
    status = session.run(case.text, path=None)
    output = [line.rstrip() for line in host.stdout.splitlines()]
    # blank lines around tables and lists are layout; cases state them only when they matter
    if not any(line == "" for line in case.output):
        output = [line for line in output if line != ""]
    ids = [str(r.fully_qualified_error_id) for r in session.runtime.errors]
    assert output == case.output, f"stderr:\n{host.stderr}"
    for expected in case.errors:
        assert any(i == expected or i.startswith(expected + ",") for i in ids), (
            f"no error {expected!r} among {ids}; stderr:\n{host.stderr}"
        )
    if not case.errors:
        assert host.stderr == "", host.stderr
    wanted = case.status if case.status is not None else 0
    assert status == wanted, host.stderr
