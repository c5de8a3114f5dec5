"""The shell as a user meets it: `asrsim run FILE.ps1 args`, `asrsim -c`, exit statuses,
and errors in PowerShell 7's concise view (or NormalView) on standard error."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_asrsim
from tests.lang.harness import run

SCRIPT = """\
param(
    [Parameter(Mandatory)] [string]$VMName,
    [int]$Count = 2,
    [switch]$Loud
)
foreach ($i in 1..$Count) { "$VMName $i" }
if ($Loud) { 'LOUD' }
"""


def test_run_binds_script_arguments(tmp_path: Path) -> None:
    script = tmp_path / "hello.ps1"
    script.write_text(SCRIPT, encoding="utf-8")
    world = str(tmp_path / "w.db")
    result = run_asrsim("--world", world, "run", str(script), "-VMName", "web01", "-Count", "3",
                        "-Loud")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["web01 1", "web01 2", "web01 3", "LOUD"]
    positional = run_asrsim("--world", world, "run", str(script), "sql01")
    assert positional.stdout.splitlines() == ["sql01 1", "sql01 2"]
    missing = run_asrsim("--world", world, "run", str(script))
    assert missing.returncode == 1  # the script cannot start: pwsh -File exits 1
    assert "missing mandatory parameters: VMName" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_exit_statuses_follow_pwsh(tmp_path: Path) -> None:
    world = str(tmp_path / "w.db")
    assert run_asrsim("--world", world, "-c", "exit 7").returncode == 7
    thrown = run_asrsim("--world", world, "-c", "throw 'boom'; 'never'")
    assert thrown.returncode == 1 and thrown.stdout == ""
    assert "Exception: boom" in thrown.stderr
    parse = run_asrsim("--world", world, "-c", "if (")
    assert parse.returncode == 1
    assert "ParserError" in parse.stderr
    # -Command: the last command's success decides the status
    assert run_asrsim("--world", world, "-c", "Get-Nothing").returncode == 1
    assert run_asrsim("--world", world, "-c", "Get-Nothing; 'after'").returncode == 0


def test_concise_view_points_at_the_error_in_a_script(tmp_path: Path) -> None:
    script = tmp_path / "bad.ps1"
    script.write_text("'first'\n$n = 0\n1 / $n\n'after'\n", encoding="utf-8")
    result = run_asrsim("--world", str(tmp_path / "w.db"), "run", str(script))
    assert result.stdout.splitlines() == ["first", "after"]
    assert result.stderr.splitlines() == [
        f"RuntimeException: {script.resolve()}:3",
        "Line |",
        "   3 |  1 / $n",
        "     |  ~~~~~~",
        "     | Attempted to divide by zero.",
    ]


def test_parse_errors_of_the_documented_script_are_shown_with_positions() -> None:
    text = ("$vm = Get-SCVirtualMachine -Name <VM_NAME>\n"
            "$na = $vm[0].VirtualNetworkAdapters>\n"
            "$ip = Get-SCIPAddress -GrantToObjectID $na[0].id\n"
            "$ip.address\n")
    result = run(text, path="/scripts/Get-VMIPAddress.ps1")
    assert result.status == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:5] == [
        "ParserError: /scripts/Get-VMIPAddress.ps1:1",
        "Line |",
        "   1 |  $vm = Get-SCVirtualMachine -Name <VM_NAME>",
        "     |                                   ~",
        "     | The '<' operator is reserved for future use.",
    ]
    assert "Missing file specification after redirection operator." in result.stderr


def test_normal_view_is_windows_powershell_layout() -> None:
    result = run("$ErrorView = 'NormalView'\nGet-Nothing\n")
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Get-Nothing : The term 'Get-Nothing' is not recognized")
    assert "At line:2 char:1" in lines
    assert "+ Get-Nothing" in lines
    assert "    + CategoryInfo          : ObjectNotFound: (Get-Nothing:String) [], "\
        "CommandNotFoundException" in lines
    assert "    + FullyQualifiedErrorId : CommandNotFoundException" in lines


def test_stdin_is_run_as_a_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "asrsim", "--world", str(tmp_path / "w.db")],
                            input="$x = 20\n$x + 22\n", capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout == "42\n"


def test_dot_sourcing_and_script_root(tmp_path: Path) -> None:
    (tmp_path / "lib.ps1").write_text("function Get-Greeting($n) { \"hello $n\" }\n",
                                      encoding="utf-8")
    main = tmp_path / "main.ps1"
    main.write_text(". $PSScriptRoot/lib.ps1\nGet-Greeting world\n& $PSScriptRoot/lib.ps1\n"
                    "(Get-Command Get-Greeting).Name\n", encoding="utf-8")
    result = run_asrsim("--world", str(tmp_path / "w.db"), "run", str(main))
    assert result.stdout.splitlines() == ["hello world", "Get-Greeting"], result.stderr


def test_external_programs_are_refused(tmp_path: Path) -> None:
    result = run("& /bin/ls\n")
    assert "not supported in asrsim: running external programs" in result.stderr
