"""Mutated scripts never crash the engine: whatever the text, running it ends in output,
ParseErrors or ErrorRecords, never a Python exception."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from tests.lang.test_cases import ALL_CASES

# loops could be mutated into endless ones; everything else ends (recursion has a depth limit)
_LOOPS = re.compile(r"\b(while|for|foreach|do|until|Read-Host|Start-Sleep)\b", re.IGNORECASE)
CORPUS = [case.text for case in ALL_CASES if not _LOOPS.search(case.text)]
NOISE = list("{}()[]$@|;,'\"`-+=.:&%!?<>#\n ")


@st.composite
def mutated_scripts(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    pieces = re.split(r"(\s+)", text)
    for _ in range(draw(st.integers(1, 4))):
        if not pieces:
            break
        where = draw(st.integers(0, len(pieces) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "noise", "cut"]))
        if action == "delete":
            del pieces[where]
        elif action == "duplicate":
            pieces.insert(where, pieces[where])
        elif action == "swap":
            other = draw(st.integers(0, len(pieces) - 1))
            pieces[where], pieces[other] = pieces[other], pieces[where]
        elif action == "noise":
            pieces.insert(where, draw(st.sampled_from(NOISE)))
        else:
            piece = pieces[where]
            cut = draw(st.integers(0, len(piece)))
            pieces[where] = piece[:cut]
    return "".join(pieces)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_scripts())
def test_mutated_scripts_end_in_powershell_errors_not_python_exceptions(text: str) -> None:
    host = BufferHost()
    status = Session(host=host, seed=1).run(text)
    assert isinstance(status, int)
    assert "Traceback" not in host.stderr
