"""Microsoft.PowerShell.Management: files, paths and the location, on a real temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from asrsim.lang.runtime import FileAccess
from asrsim.session import Session
from asrsim.shell.host import BufferHost
from tests.lang.harness import Result, run


def run_ids(text: str, location: Path, *, inputs: list[str] | None = None,
            files: FileAccess | None = None) -> tuple[Result, list[str]]:
    session = Session(host=BufferHost(width=120, inputs=inputs), seed=1, location=location,
                      files=files)
    result = run(text, session=session)
    return result, [str(r.fully_qualified_error_id) for r in session.runtime.errors]


def out(text: str, location: Path) -> list[str]:
    result = run(text, location=location)
    assert result.stderr == "", result.stderr
    return [line for line in result.lines if line.strip()]


# -- content -----------------------------------------------------------------------------------


def test_set_and_get_content(tmp_path: Path) -> None:
    assert out("Set-Content a.txt 'one', 'two'; Get-Content a.txt", tmp_path) == ["one", "two"]
    assert (tmp_path / "a.txt").read_bytes() == b"one\ntwo\n"
    assert out("'x', 'y' | Set-Content b.txt; Get-Content -Path b.txt", tmp_path) == ["x", "y"]


def test_add_content(tmp_path: Path) -> None:
    out("Set-Content a.txt 'one'; Add-Content a.txt 'two'; Add-Content -Path new.txt "
        "-Value 'n'", tmp_path)
    assert (tmp_path / "a.txt").read_text() == "one\ntwo\n"
    assert (tmp_path / "new.txt").read_text() == "n\n"
    out("Add-Content a.txt 'x' -NoNewline; Set-Content c.txt 'p', 'q' -NoNewline", tmp_path)
    assert (tmp_path / "a.txt").read_text() == "one\ntwo\nx"
    assert (tmp_path / "c.txt").read_text() == "pq"


def test_content_passthru_and_whatif(tmp_path: Path) -> None:
    assert out("Set-Content a.txt 'v' -PassThru", tmp_path) == ["v"]
    result = run("Set-Content z.txt 'v' -WhatIf", location=tmp_path)
    assert not (tmp_path / "z.txt").exists()
    assert f'What if: Performing the operation "Set Content" on target "Path: {tmp_path}' \
        f'/z.txt".' in result.stdout


def test_get_content_options(tmp_path: Path) -> None:
    (tmp_path / "l.txt").write_text("1\r\n2\n3\r4\n", encoding="utf-8")
    assert out("Get-Content l.txt -TotalCount 2", tmp_path) == ["1", "2"]
    assert out("Get-Content l.txt -First 1", tmp_path) == ["1"]
    assert out("Get-Content l.txt -Head 1", tmp_path) == ["1"]
    assert out("Get-Content l.txt -Tail 2", tmp_path) == ["3", "4"]
    assert out("(Get-Content l.txt -Raw).Length", tmp_path) == ["9"]
    assert out("(Get-Content l.txt).Count", tmp_path) == ["4"]
    assert out("(Get-Content l.txt -Encoding utf8)[-1]", tmp_path) == ["4"]
    assert out("gc l.txt -ReadCount 3 | ForEach-Object { $_.Count }", tmp_path) == ["3", "1"]


def test_get_content_encodings(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes("\ufeffhé\n".encode("utf-16-le"))
    assert out("Get-Content u.txt", tmp_path) == ["hé"]
    out("Set-Content w.txt 'hé' -Encoding unicode", tmp_path)
    assert (tmp_path / "w.txt").read_bytes() == b"\xff\xfe" + "hé\n".encode("utf-16-le")


def test_get_content_missing_file(tmp_path: Path) -> None:
    result, ids = run_ids("Get-Content nope.txt; 'next'", tmp_path)
    assert f"Get-Content: Cannot find path '{tmp_path}/nope.txt' because it does not exist." \
        in result.stderr
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"]
    assert result.stdout.strip() == "next"
    result, ids = run_ids("Get-Content C:\\data\\x.txt", tmp_path)
    assert "Cannot find path 'C:\\data\\x.txt' because it does not exist." in result.stderr


def test_get_content_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    result, ids = run_ids("Get-Content d", tmp_path)
    assert "Unable to get content because it is a directory" in result.stderr
    assert ids == ["GetContentReaderUnauthorizedAccessError,"
                   "Microsoft.PowerShell.Commands.GetContentCommand"]


def test_clear_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    out("Clear-Content a.txt", tmp_path)
    assert (tmp_path / "a.txt").read_text() == ""


def test_file_policy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    result, _ = run_ids("Get-Content a.txt", tmp_path, files=FileAccess(read=False, write=False))
    assert "not supported in asrsim: this session may not read the host's files" in \
        result.stderr
    result, _ = run_ids("Set-Content b.txt 'x'", tmp_path, files=FileAccess(write=False))
    assert "may not write the host's files" in result.stderr
    assert not (tmp_path / "b.txt").exists()


# -- Test-Path, Join-Path, Split-Path ----------------------------------------------------------


def test_test_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "d").mkdir()
    assert out("Test-Path a.txt; Test-Path d; Test-Path nope; Test-Path C:\\Windows", tmp_path) \
        == ["True", "True", "False", "False"]
    assert out("Test-Path a.txt -PathType Leaf; Test-Path d -PathType Leaf; "
               "Test-Path d -PathType Container; Test-Path *.txt", tmp_path) == [
        "True", "False", "True", "True"]
    assert out("Test-Path 'C:\\a|b' -IsValid; Test-Path 'C:\\a\\b.txt' -IsValid; "
               "Test-Path ''", tmp_path) == ["False", "True", "False"]


def test_join_path(tmp_path: Path) -> None:
    assert out("Join-Path C:\\Scripts data.txt; Join-Path 'C:\\a\\' '\\b'; Join-Path a b c",
               tmp_path) == ["C:\\Scripts\\data.txt", "C:\\a\\b", "a\\b\\c"]
    assert out("Join-Path -Path C:\\x -ChildPath y", tmp_path) == ["C:\\x\\y"]
    assert out("Join-Path a b -AdditionalChildPath c, d", tmp_path) == ["a\\b\\c\\d"]


def test_join_path_several_children(tmp_path: Path) -> None:
    assert out("Join-Path a b c d", tmp_path) == ["a\\b\\c\\d"]


def test_joined_paths_reach_host_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert out("$p = Join-Path $PWD 'sub'; $f = Join-Path $p 'j.txt'; Set-Content $f 'x'; "
               "Get-Content $f; Test-Path $f", tmp_path) == ["x", "True"]
    assert (tmp_path / "sub" / "j.txt").read_text() == "x\n"
    assert out("Join-Path sub j.txt -Resolve", tmp_path) == [str(tmp_path / "sub" / "j.txt")]
    _result, ids = run_ids("Join-Path sub nope.txt -Resolve", tmp_path)
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"]


@pytest.mark.parametrize(("arguments", "expected"), [
    ("'C:\\a\\b\\c.txt'", "C:\\a\\b"),
    ("'C:\\a\\b\\c.txt' -Parent", "C:\\a\\b"),
    ("'C:\\a'", "C:\\"),
    ("'C:\\a\\b\\' -Leaf", "b"),
    ("'C:\\a\\b\\c.txt' -Leaf", "c.txt"),
    ("'C:\\a\\b\\c.tar.gz' -LeafBase", "c.tar"),
    ("'C:\\a\\b\\c.txt' -Extension", ".txt"),
    ("'C:\\a\\b\\c.txt' -Qualifier", "C:"),
    ("'C:\\a\\b\\c.txt' -NoQualifier", "\\a\\b\\c.txt"),
    ("'/srv/x/y.ps1'", "/srv/x"),
    ("'/srv/x/y.ps1' -Leaf", "y.ps1"),
    ("'C:\\a\\b' -IsAbsolute", "True"),
    ("'a\\b' -IsAbsolute", "False"),
])
def test_split_path(tmp_path: Path, arguments: str, expected: str) -> None:
    assert out(f"Split-Path {arguments}", tmp_path) == [expected]


def test_split_path_without_parent_or_qualifier(tmp_path: Path) -> None:
    assert out("'[' + (Split-Path 'a.txt') + ']'", tmp_path) == ["[]"]
    result, ids = run_ids("Split-Path 'a\\b' -Qualifier", tmp_path)
    assert "Cannot parse path because path 'a\\b' does not have a qualifier specified." in \
        result.stderr
    assert ids == ["ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand"]


# -- location ----------------------------------------------------------------------------------


def test_get_and_set_location(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.txt").write_text("in sub\n")
    assert out("(Get-Location).Path; Set-Location sub; (Get-Location).Path; Get-Content f.txt; "
               "cd ..; (pwd).Path; \"$PWD\"", tmp_path) == [
        str(tmp_path), str(tmp_path / "sub"), "in sub", str(tmp_path), str(tmp_path)]


def test_set_location_to_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("")
    result, ids = run_ids("Set-Location nope; Set-Location f.txt; (Get-Location).Path",
                          tmp_path)
    assert f"Cannot find path '{tmp_path}/nope' because it does not exist." in result.stderr
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"] * 2
    assert result.stdout.strip() == str(tmp_path)


def test_get_location_table(tmp_path: Path) -> None:
    assert out("Get-Location", tmp_path) == ["Path", "----", str(tmp_path)]


# -- items -------------------------------------------------------------------------------------


def test_new_item(tmp_path: Path) -> None:
    out("$null = New-Item -ItemType Directory -Path d; $null = New-Item d\\f.txt -Value 'hi'; "
        "$null = New-Item -Path d -Name g.txt -ItemType File", tmp_path)
    assert (tmp_path / "d" / "f.txt").read_text() == "hi"
    assert (tmp_path / "d" / "g.txt").read_text() == ""
    assert out("(New-Item -ItemType Directory x\\y\\z).FullName", tmp_path) == [
        str(tmp_path / "x" / "y" / "z")]


def test_new_item_existing(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("old")
    (tmp_path / "d").mkdir()
    result, ids = run_ids("New-Item f.txt; New-Item d -ItemType Directory", tmp_path)
    assert f"The file '{tmp_path}/f.txt' already exists." in result.stderr
    assert f"An item with the specified name {tmp_path}/d already exists." in result.stderr
    assert ids == ["DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand",
                   "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"]
    out("$null = New-Item f.txt -Value new -Force; $null = New-Item d -ItemType Directory "
        "-Force", tmp_path)
    assert (tmp_path / "f.txt").read_text() == "new"


def test_get_item(tmp_path: Path) -> None:
    (tmp_path / "a.log.txt").write_text("12345678")
    assert out("$i = Get-Item a.log.txt; $i.Name; $i.Length; $i.Extension; $i.BaseName; "
               "$i.DirectoryName; $i.Directory.FullName; $i.PSIsContainer", tmp_path) == [
        "a.log.txt", "8", ".txt", "a.log", str(tmp_path), str(tmp_path), "False"]
    assert out("(Get-Item .).PSIsContainer", tmp_path) == ["True"]
    _result, ids = run_ids("Get-Item nope", tmp_path)
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]


def test_get_child_item(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.log").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("c")
    (tmp_path / ".hidden").write_text("h")
    assert out("(Get-ChildItem).Name", tmp_path) == ["sub", "a.log", "b.txt"]
    assert out("(Get-ChildItem -Force).Name -contains '.hidden'", tmp_path) == ["True"]
    assert out("(Get-ChildItem -Filter *.txt -Recurse).Name", tmp_path) == ["b.txt", "c.txt"]
    assert out("Get-ChildItem -Recurse -File -Name", tmp_path) == [
        "a.log", "b.txt", "sub/c.txt"]
    assert out("(Get-ChildItem -Directory).Name; (ls *.log).Name; (dir sub).Name", tmp_path) \
        == ["sub", "a.log", "c.txt"]
    assert out("(Get-ChildItem b.txt).Length", tmp_path) == ["1"]
    _result, ids = run_ids("Get-ChildItem nope", tmp_path)
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"]


def test_get_child_item_table(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("bb")
    lines = run("Get-ChildItem", location=tmp_path).lines
    assert f"    Directory: {tmp_path}" in lines
    header = next(i for i, line in enumerate(lines) if line.startswith("Mode"))
    assert lines[header].split() == ["Mode", "LastWriteTime", "Length", "Name"]
    assert lines[header + 2].startswith("-a---")
    assert lines[header + 2].rstrip().endswith(" 2 b.txt")


def test_remove_item(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "x.log").write_text("")
    (tmp_path / "y.log").write_text("")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_text("")
    out("Remove-Item a.txt; rm *.log", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]
    result, ids = run_ids("Remove-Item d", tmp_path)
    assert "PowerShell is in NonInteractive mode. Read and Prompt functionality is not " \
        "available." in result.stderr
    assert (tmp_path / "d").exists()
    out("Remove-Item d -Recurse", tmp_path)
    assert not (tmp_path / "d").exists()
    result, ids = run_ids("Remove-Item nope", tmp_path)
    assert ids == ["PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"]


def test_remove_item_asks_in_an_interactive_session(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_text("")
    result, _ = run_ids("Remove-Item d", tmp_path, inputs=["y"])
    assert "has children and the Recurse parameter was not specified" in result.stdout
    assert not (tmp_path / "d").exists()


def test_remove_item_whatif(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    result = run("Remove-Item a.txt -WhatIf", location=tmp_path)
    assert f'What if: Performing the operation "Remove File" on target "{tmp_path}/a.txt".' \
        in result.stdout
    assert (tmp_path / "a.txt").exists()
