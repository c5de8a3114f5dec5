"""Microsoft.PowerShell.Core cmdlets, through PowerShell text run by a whole session."""

from __future__ import annotations

from pathlib import Path

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from tests.lang.harness import Result, run


def run_ids(text: str, *, location: Path | None = None,
            inputs: list[str] | None = None) -> tuple[Result, list[str]]:
    """Run text; also return the FullyQualifiedErrorIds of the errors it caused ($Error)."""
    session = Session(host=BufferHost(width=120, inputs=inputs), seed=1, location=location)
    result = run(text, session=session)
    return result, [str(r.fully_qualified_error_id) for r in session.runtime.errors]


def out(text: str) -> list[str]:
    result = run(text)
    assert result.stderr == "", result.stderr
    return [line for line in result.lines if line.strip()]


ITEMS = ("$items = @([pscustomobject]@{Name='alpha'; N=1; Tags=@('x','y'); On=$true},"
         " [pscustomobject]@{Name='Beta'; N=5; Tags=@('z'); On=$false},"
         " [pscustomobject]@{Name='gamma'; N=10; Tags=@(); On=$true});")


# -- Where-Object ------------------------------------------------------------------------------


def test_where_script_block() -> None:
    assert out("1..5 | Where-Object { $_ -gt 3 }") == ["4", "5"]
    assert out("1..5 | ? { $_ % 2 }") == ["1", "3", "5"]
    assert out("1..5 | where -FilterScript { $PSItem -lt 2 }") == ["1"]


def test_where_runs_in_the_callers_scope() -> None:
    assert out("$n = 0; $null = 1..3 | Where-Object { $n++; $true }; $n") == ["3"]


def test_where_simplified_comparisons() -> None:
    cases = {
        "Where-Object N -GT 2": ["Beta", "gamma"],
        "Where-Object N -GE 5": ["Beta", "gamma"],
        "Where-Object N -LT 5": ["alpha"],
        "Where-Object N -LE 5": ["alpha", "Beta"],
        "Where-Object N -NE 5": ["alpha", "gamma"],
        "Where-Object Name -EQ 'BETA'": ["Beta"],
        "Where-Object Name -CEQ 'BETA'": [],
        "Where-Object Name -CEQ 'Beta'": ["Beta"],
        "Where-Object Name -Like '*a'": ["alpha", "Beta", "gamma"],
        "Where-Object Name -CLike 'b*'": [],
        "Where-Object Name -NotLike 'g*'": ["alpha", "Beta"],
        "Where-Object Name -Match '^[ab]'": ["alpha", "Beta"],
        "Where-Object Name -CMatch '^[ab]'": ["alpha"],
        "Where-Object Name -NotMatch 'mm'": ["alpha", "Beta"],
        "Where-Object Tags -Contains 'z'": ["Beta"],
        "Where-Object Tags -NotContains 'x'": ["Beta", "gamma"],
        "Where-Object Name -In 'alpha','gamma'": ["alpha", "gamma"],
        "Where-Object Name -NotIn 'alpha','gamma'": ["Beta"],
        "Where-Object -Property N -Value 10 -EQ": ["gamma"],
        "Where-Object -Value 5 -Property N -IGT": ["gamma"],
        "Where-Object N -Is [int]": ["alpha", "Beta", "gamma"],
        "Where-Object Name -IsNot 'string'": [],
        "Where-Object On": ["alpha", "gamma"],
        "Where-Object -Not On": ["Beta"],
    }
    for command, expected in cases.items():
        assert out(ITEMS + f" $items | {command} | ForEach-Object Name") == expected, command


def test_where_property_truthiness_of_strings() -> None:
    assert out("'hi', '', 'there' | Where-Object Length") == ["hi", "there"]


def test_where_hashtable_keys() -> None:
    assert out("@{a=1}, @{a=2} | Where-Object a -EQ 2 | ForEach-Object { $_.a }") == ["2"]


def test_where_missing_value_is_an_error() -> None:
    result, ids = run_ids(ITEMS + " $items | Where-Object N -GT")
    assert "The specified operator requires both the -Property and -Value parameters." in \
        result.stderr
    assert "ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand" \
        in ids


def test_where_value_without_operator_is_an_error() -> None:
    result, ids = run_ids(ITEMS + " $items | Where-Object -Property N -Value 1")
    assert "An operator is required to compare the two specified values." in result.stderr
    assert "OperatorNotSpecified,Microsoft.PowerShell.Commands.WhereObjectCommand" in ids


def test_where_missing_property_under_strict_mode() -> None:
    assert out("[pscustomobject]@{a=1} | Where-Object b -EQ 1") == []
    result, ids = run_ids("Set-StrictMode -Version 2; [pscustomobject]@{a=1} | "
                          "Where-Object b -EQ 1")
    assert 'The input name "b" cannot be resolved to a property.' in result.stderr
    assert "PropertyNotFound,Microsoft.PowerShell.Commands.WhereObjectCommand" in ids


# -- ForEach-Object ----------------------------------------------------------------------------


def test_foreach_script_block() -> None:
    assert out("1..3 | ForEach-Object { $_ * 2 }") == ["2", "4", "6"]
    assert out("1..2 | % { \"n=$_\" }") == ["n=1", "n=2"]
    assert out("1..2 | foreach -Process { $_ + 10 }") == ["11", "12"]


def test_foreach_three_positional_blocks() -> None:
    assert out("1..3 | ForEach-Object { 'b' } { $_ } { 'e' }") == ["b", "1", "2", "3", "e"]


def test_foreach_begin_process_end() -> None:
    assert out("1..2 | ForEach-Object -Begin { $s = 0 } -Process { $s += $_ } -End { $s }") \
        == ["3"]
    assert out("1..2 | ForEach-Object { 'first' } { $_ }") == ["first", "1", "2"]


def test_foreach_changes_the_callers_variables() -> None:
    assert out("$t = 0; 1..4 | ForEach-Object { $t += $_ }; $t") == ["10"]


def test_foreach_return_goes_to_the_next_object() -> None:
    assert out("1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }") == ["1", "3"]


def test_foreach_without_input_runs_once() -> None:
    assert out("ForEach-Object { 'once' }") == ["once"]
    assert out("ForEach-Object -InputObject 1, 2 { $_.Count }") == ["2"]


def test_foreach_member_name() -> None:
    assert out("'a', 'bb' | ForEach-Object Length") == ["1", "2"]
    assert out("[pscustomobject]@{Name='x'} | ForEach-Object -MemberName Name") == ["x"]
    assert out("@{k='v'} | ForEach-Object k") == ["v"]
    assert out("'abc' | ForEach-Object ToUpper") == ["ABC"]
    assert out("'abcdef' | ForEach-Object Substring 4") == ["ef"]
    assert out("'abcdef' | ForEach-Object -MemberName Substring -ArgumentList 1, 2") == ["bc"]
    assert out("[pscustomobject]@{L=@(1,2)} | ForEach-Object L") == ["1", "2"]


def test_foreach_unknown_member() -> None:
    assert out("'abc' | ForEach-Object NoSuchThing | ForEach-Object { $null -eq $_ }") == [
        "True"]
    result, ids = run_ids("'abc' | ForEach-Object NoSuchMethod 1")
    assert 'Input name "NoSuchMethod" cannot be resolved to a method.' in result.stderr
    assert "MethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand" in ids


# -- Get-Command -------------------------------------------------------------------------------


def test_get_command_cmdlet() -> None:
    assert out("$c = Get-Command Where-Object; $c.CommandType; $c.Name; $c.Source") == [
        "Cmdlet", "Where-Object", "Microsoft.PowerShell.Core"]
    assert out("(Get-Command gcm).Name; (Get-Command gcm).ResolvedCommandName") == [
        "gcm", "Get-Command"]


def test_get_command_alias_and_function() -> None:
    assert out("$a = Get-Command gci; $a.CommandType; $a.Definition; $a.DisplayName") == [
        "Alias", "Get-ChildItem", "gci -> Get-ChildItem"]
    assert out("function Get-Thing { 1 }; (Get-Command Get-Thing).CommandType") == ["Function"]


def test_get_command_filters() -> None:
    assert out("(Get-Command -Name 'Get-*Item' | ForEach-Object Name) -join ','") == [
        "Get-ChildItem,Get-Item"]
    assert out("(Get-Command -Verb Set -Noun *Mode).Name") == ["Set-StrictMode"]
    assert out("(Get-Command -Module Microsoft.PowerShell.Management -Name Get-Location)"
               ".Source") == ["Microsoft.PowerShell.Management"]
    assert out("@(Get-Command -CommandType Alias -Name gci).Count") == ["1"]
    assert out("@(Get-Command -Name Where-Object -Module Nope).Count") == ["0"]


def test_get_command_not_found() -> None:
    result, ids = run_ids("Get-Command Get-Nothing")
    assert "The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script " \
        "file, or executable program." in result.stderr
    assert "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand" in ids
    assert out("Get-Command Get-Nothing* ") == []


def test_get_command_syntax() -> None:
    assert out("function Get-Thing { [CmdletBinding()] param([Parameter(Position=0)]"
               "[string]$Name, [switch]$Force) }; Get-Command Get-Thing -Syntax") == [
        "Get-Thing [[-Name] <string>] [-Force] [<CommonParameters>]"]
    assert out("Get-Command Get-Alias -Syntax") == [
        "Get-Alias [[-Name] <string[]>] [-Exclude <string[]>] [-Scope <string>] "
        "[<CommonParameters>]",
        "Get-Alias -Definition <string[]> [-Exclude <string[]>] [-Scope <string>] "
        "[<CommonParameters>]"]


def test_get_command_table() -> None:
    lines = out("Get-Command Where-Object, gcm")
    assert lines[0].split() == ["CommandType", "Name", "Version", "Source"]
    assert lines[2].split()[:2] == ["Cmdlet", "Where-Object"]
    assert lines[2].rstrip().endswith("Microsoft.PowerShell.Core")
    assert lines[3].split()[:4] == ["Alias", "gcm", "->", "Get-Command"]


# -- Get-Help ----------------------------------------------------------------------------------


def test_get_help_cmdlet() -> None:
    text = run("Get-Help Where-Object").stdout
    assert "NAME\n    Where-Object" in text
    assert "SYNOPSIS\n    Selects objects from a collection based on their property values." \
        in text
    assert "    Where-Object [-Property] <string> [[-Value] <Object>] " \
        "[-InputObject <psobject>] [-EQ] [<CommonParameters>]" in text
    assert "    Where-Object [-Property] <string> [[-Value] <Object>] -CContains " \
        "[-InputObject <psobject>] [<CommonParameters>]" in text


def test_get_help_full_and_parameter() -> None:
    full = run("Get-Help Get-Alias -Full").stdout
    assert "PARAMETERS" in full and "-Definition <string[]>" in full
    assert "<CommonParameters>" in full
    one = run("Get-Help Get-Alias -Parameter Name").stdout
    assert "-Name <string[]>" in one
    assert "Position?                    0" in one
    assert "-Scope" not in one
    _result, ids = run_ids("Get-Help Get-Alias -Parameter Nope")
    assert "NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand" in ids


def test_get_help_function_comment_help() -> None:
    text = run("function Get-Thing {\n<#\n.SYNOPSIS\nGets a thing.\n.PARAMETER Name\nThe "
               "thing.\n#>\nparam([string]$Name)\n$Name\n}\nGet-Help Get-Thing -Full").stdout
    assert "SYNOPSIS\n    Gets a thing." in text
    assert "Get-Thing [[-Name] <string>]" in text
    assert "The thing." in text
    bare = run("function f { param($a) }; Get-Help f").stdout
    assert "SYNTAX" in bare and "SYNOPSIS" not in bare


def test_get_help_not_found() -> None:
    result, ids = run_ids("Get-Help Get-Nothing")
    assert "Get-Help could not find Get-Nothing in a help file in this session." in \
        result.stderr
    assert "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand" in ids


# -- modules -----------------------------------------------------------------------------------


def test_import_module_of_built_in_modules() -> None:
    result, ids = run_ids("Import-Module VirtualMachineManager; Import-Module Hyper-V, "
                          "DnsServer; ipmo Az.RecoveryServices; Import-Module "
                          "Microsoft.PowerShell.Management; 'done'")
    assert result.stdout.strip() == "done" and ids == []


def test_import_module_not_found() -> None:
    result, ids = run_ids("Import-Module NoSuchModule; 'next'")
    assert "Import-Module: The specified module 'NoSuchModule' was not loaded because no " \
        "valid module file was found in any module directory." in result.stderr
    assert ids == ["Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"]
    assert result.stdout.strip() == "next"


def test_import_module_file(tmp_path: Path) -> None:
    (tmp_path / "tools.psm1").write_text("function Get-Answer { 42 }\n", encoding="utf-8")
    assert run("Import-Module ./tools.psm1; Get-Answer; (Get-Module tools).Name",
               location=tmp_path).lines == ["42", "tools"]


def test_get_module() -> None:
    assert out("(Get-Module -ListAvailable -Name Microsoft.PowerShell.Management).Name") == [
        "Microsoft.PowerShell.Management"]
    assert out("(Get-Module -ListAvailable).Name -contains 'Microsoft.PowerShell.Core'") == [
        "False"]
    assert out("Import-Module Hyper-V; (Get-Module Hyper-V).Name") == ["Hyper-V"]


# -- Set-StrictMode ----------------------------------------------------------------------------


def test_set_strict_mode() -> None:
    result, ids = run_ids("Set-StrictMode -Version Latest; $undefined; 'after'")
    assert any(i.startswith("VariableIsUndefined") for i in ids)
    assert out("Set-StrictMode -Version 1.0; Set-StrictMode -Off; $null -eq $undefined") == [
        "True"]
    result, ids = run_ids("Set-StrictMode -Version 2; [pscustomobject]@{a=1} | "
                          "ForEach-Object { $_.b }")
    assert ids, result.stderr


def test_set_strict_mode_bad_version() -> None:
    result, ids = run_ids("Set-StrictMode -Version 9")
    assert 'The "9" argument does not contain a valid PowerShell version.' in result.stderr
    assert ids == ["ParameterArgumentValidationError,"
                   "Microsoft.PowerShell.Commands.SetStrictModeCommand"]


def test_strict_mode_is_scoped() -> None:
    assert out("function f { Set-StrictMode -Version 3 }; f; $null -eq $nothing") == ["True"]


# -- Invoke-Command / Invoke-Expression --------------------------------------------------------


def test_invoke_command() -> None:
    assert out("Invoke-Command { param($a) $a * 2 } -ArgumentList 21") == ["42"]
    assert out("$x = 1; Invoke-Command { $x = 2 }; $x") == ["1"]
    assert out("$x = 1; Invoke-Command { $x = 2 } -NoNewScope; $x") == ["2"]
    assert out("1, 2 | Invoke-Command { $input | ForEach-Object { $_ * 10 } }") == ["10", "20"]


def test_invoke_command_remote_is_not_supported() -> None:
    result = run("Invoke-Command -ComputerName srv01 { 1 }")
    assert "not supported in asrsim: remote Invoke-Command (use the remote backend)" in \
        result.stderr


def test_invoke_expression() -> None:
    assert out("Invoke-Expression '1 + 2'") == ["3"]
    assert out("iex '$y = 5'; $y") == ["5"]
    assert out("function g { $args.Count; iex '1'; $args.Count }; g a b") == ["2", "1", "2"]


def test_invoke_expression_parse_error() -> None:
    result, ids = run_ids("Invoke-Expression '1 +'; 'next'")
    assert result.stdout.strip() == "next"
    assert ids and ids[0].endswith(",Microsoft.PowerShell.Commands.InvokeExpressionCommand")


# -- aliases -----------------------------------------------------------------------------------


def test_get_alias() -> None:
    assert out("(Get-Alias gci).Definition") == ["Get-ChildItem"]
    assert out("(Get-Alias -Definition Where-Object | ForEach-Object Name) -join ','") == [
        "?,where"]
    assert out("(Get-Alias -Name g?).Count -ge 3") == ["True"]


def test_get_alias_missing() -> None:
    result, ids = run_ids("Get-Alias nosuchalias")
    assert "This command cannot find a matching alias because an alias with the name " \
        "'nosuchalias' does not exist." in result.stderr
    assert ids == ["ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand"]


def test_new_and_set_alias() -> None:
    assert out("Set-Alias each ForEach-Object; 1, 2 | each { $_ + 1 }") == ["2", "3"]
    assert out("New-Alias -Name MyWhere -Value Where-Object; 1, 5 | MyWhere { $_ -gt 2 }; "
               "(Get-Alias mywhere).Name") == ["5", "MyWhere"]
    _result, ids = run_ids("New-Alias where Get-Location")
    assert ids == ["AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand"]
    assert out("New-Alias where Get-Command -Force; (where Where-Object).Name") == [
        "Where-Object"]
