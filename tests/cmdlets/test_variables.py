"""Variable cmdlets and Read-Host, through PowerShell text run by a whole session."""

from __future__ import annotations

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from tests.lang.harness import Result, run


def run_ids(text: str, *, inputs: list[str] | None = None) -> tuple[Result, list[str]]:
    session = Session(host=BufferHost(width=120, inputs=inputs), seed=1)
    result = run(text, session=session)
    return result, [str(r.fully_qualified_error_id) for r in session.runtime.errors]


def out(text: str) -> list[str]:
    result = run(text)
    assert result.stderr == "", result.stderr
    return [line for line in result.lines if line.strip()]


def test_get_variable() -> None:
    assert out("$a = 5; Get-Variable a -ValueOnly; (Get-Variable -Name a).Value; "
               "(Get-Variable a).Name") == ["5", "5", "a"]
    assert out("$abc1 = 1; $abc2 = 2; (Get-Variable abc*).Name -join ','") == ["abc1,abc2"]
    assert out("$a = 1; (Get-Variable a).Value = 9; $a") == ["9"]


def test_get_variable_table() -> None:
    lines = out("$answer = 42; Get-Variable answer")
    assert lines[0].split() == ["Name", "Value"]
    assert lines[2] == "answer" + " " * 25 + "42"


def test_get_variable_missing() -> None:
    result, ids = run_ids("Get-Variable nope")
    assert "Get-Variable: Cannot find a variable with the name 'nope'." in result.stderr
    assert ids == ["VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"]
    assert out("Get-Variable nope* ") == []


def test_get_variable_scopes() -> None:
    assert out("$v = 'script'; function f { $v = 'local'; (Get-Variable v -Scope Local).Value; "
               "(Get-Variable v -Scope 1).Value; (Get-Variable v).Value }; f") == [
        "local", "script", "local"]
    _result, ids = run_ids("Get-Variable v -Scope 99")
    assert ids == ["ArgumentOutOfRange,Microsoft.PowerShell.Commands.GetVariableCommand"]


def test_set_variable() -> None:
    assert out("Set-Variable d 7; $d") == ["7"]
    assert out("1, 2, 3 | Set-Variable e; $e.Count; 'one' | Set-Variable f; $f") == [
        "3", "one"]
    assert out("function f { Set-Variable -Name g -Value 1 -Scope Global }; f; $g") == ["1"]
    assert out("function f { Set-Variable -Name h -Value 2 -Scope 1 }; f; $h") == ["2"]
    assert out("function f { Set-Variable -Name i -Value 3 }; f; $null -eq $i") == ["True"]
    assert out("(Set-Variable j 4 -PassThru).Value") == ["4"]


def test_read_only_variables() -> None:
    result, ids = run_ids("New-Variable c 1 -Option ReadOnly; Set-Variable c 2; $c")
    assert "Cannot overwrite variable c because it is read-only or constant." in result.stderr
    assert ids == ["VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand"]
    assert result.stdout.strip() == "1"
    assert out("New-Variable c 1 -Option ReadOnly; Set-Variable c 3 -Force; $c") == ["3"]
    result, ids = run_ids("New-Variable k 1 -Option Constant; Set-Variable k 2 -Force; $k")
    assert result.stdout.strip() == "1"
    assert ids == ["VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand"]


def test_new_variable() -> None:
    assert out("New-Variable b 1; $b; New-Variable -Name b2 -Value 'x' -Description d; "
               "(Get-Variable b2).Description") == ["1", "d"]
    result, ids = run_ids("New-Variable b 1; New-Variable b 2; $b")
    assert "New-Variable: A variable with name 'b' already exists." in result.stderr
    assert ids == ["VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand"]
    assert result.stdout.strip() == "1"
    assert out("New-Variable b 1; New-Variable b 2 -Force; $b") == ["2"]
    assert out("$b = 1; function f { New-Variable b 2; $b }; f; $b") == ["2", "1"]


def test_remove_variable() -> None:
    assert out("$d = 1; Remove-Variable d; $null -eq $d; @(Get-Variable d "
               "-ErrorAction SilentlyContinue).Count") == ["True", "0"]
    assert out("$d = 1; function f { Remove-Variable d }; f; $null -eq $d") == ["True"]
    result, ids = run_ids("Remove-Variable nope")
    assert ids == ["VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"]
    result, ids = run_ids("New-Variable k 1 -Option Constant; Remove-Variable k -Force; $k")
    assert "Cannot remove variable k because it is constant or read-only." in result.stderr
    assert ids == ["VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand"]
    assert out("New-Variable r 1 -Option ReadOnly; Remove-Variable r -Force; $null -eq $r") \
        == ["True"]


def test_clear_variable() -> None:
    assert out("$c = 5; Clear-Variable c; $null -eq $c; (Get-Variable c).Name") == [
        "True", "c"]
    assert out("$c = 5; function f { Clear-Variable c -Scope Script }; f; $null -eq $c") == [
        "True"]
    _result, ids = run_ids("Clear-Variable nope")
    assert ids == ["VariableNotFound,Microsoft.PowerShell.Commands.ClearVariableCommand"]


def test_read_host() -> None:
    result = run("$n = Read-Host 'Name'; \"Hi $n\"", inputs=["Bob"])
    assert result.stdout == "Name: Hi Bob\n"
    assert run("Read-Host", inputs=["x"]).stdout == "x\n"


def test_read_host_non_interactive() -> None:
    result, ids = run_ids("Read-Host 'Name'; 'next'")
    assert "Read-Host: PowerShell is in NonInteractive mode. Read and Prompt functionality " \
        "is not available." in result.stderr
    assert ids == ["InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand"]
    assert result.stdout.strip() == "next"


def test_read_host_secure_string_is_not_supported() -> None:
    result = run("Read-Host -AsSecureString", inputs=["x"])
    assert "not supported in asrsim: Read-Host -AsSecureString" in result.stderr
