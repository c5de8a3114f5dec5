"""The interactive shell, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.shell.repl import Completions, needs_more, run_repl


def test_incomplete_input_asks_for_more() -> None:
    assert needs_more("if ($true) {")
    assert needs_more("Get-Thing |")
    assert needs_more("'unterminated")
    assert not needs_more("1 + 1")
    assert not needs_more("1 +)")  # an error, but not one more input could fix


def test_a_session_of_lines() -> None:
    host = BufferHost()
    session = Session(host=host, seed=1)
    with create_pipe_input() as pipe:
        pipe.send_text("$x = 40\r$x + 2\rif ($x) {\r'yes' }\rGet-Nothing\rexit 3\r")
        status = run_repl(session, input=pipe, output=DummyOutput())
    assert status == 3
    assert host.stdout.splitlines() == ["42", "yes"]
    assert "Get-Nothing: The term 'Get-Nothing' is not recognized" in host.stderr


def test_completion_of_commands_parameters_variables_and_members() -> None:
    session = Session(host=BufferHost(), seed=1)
    session.run("$global:record = [pscustomobject]@{ Name = 'web01'; Status = 'Running' }")
    complete = Completions(session)
    assert "Where-Object" in complete.candidates("1..3 | Where-O")
    assert complete.candidates("Select-Object -Fir") == ["-First"]
    assert "$record" in complete.candidates("$rec")
    assert complete.candidates("$record.St") == ["$record.Status"]
