"""The dependency rules of DESIGN.md, and the house lint rules, checked on every run."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: package -> the packages it must never import
FORBIDDEN = {
    "asrsim.sim": (
        "asrsim.lang",
        "asrsim.shell",
        "asrsim.session",
        "asrsim.cli",
        "asrsim.report",
        "cmdlets",
        "tui",
        "textual",
        "pypsrp",
    ),
    "asrsim.lang": (
        "asrsim.sim",
        "asrsim.shell",
        "asrsim.session",
        "asrsim.cli",
        "cmdlets",
        "tui",
        "textual",
        "pypsrp",
    ),
    "cmdlets": ("tui", "textual"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_under(package: str) -> list[Path]:
    folder = ROOT.joinpath(*package.split("."))
    return sorted(folder.rglob("*.py")) if folder.exists() else []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package: str) -> None:
    offenders = []
    for module in modules_under(package):
        for name in imports_of(module):
            for banned in FORBIDDEN[package]:
                if name == banned or name.startswith(banned + "."):
                    offenders.append(f"{module.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_textual_and_pypsrp_stay_in_their_corners() -> None:
    offenders = []
    for module in sorted(ROOT.joinpath("asrsim").rglob("*.py")):
        for name in imports_of(module):
            if name.split(".")[0] in ("textual", "pypsrp"):
                offenders.append(f"{module.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_world_commands_start_without_loading_heavy_modules() -> None:
    code = (
        "import sys, asrsim.cli\n"
        "heavy = [m for m in ('textual', 'prompt_toolkit', 'pygments', 'pypsrp', "
        "'platformdirs', 'asrsim.sim.simulation') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_shell_and_cmdlets_start_without_the_dashboard_or_remoting() -> None:
    code = (
        "import sys, asrsim.shell.runner, asrsim.session, cmdlets\n"
        "heavy = [m for m in ('textual', 'pypsrp', 'prompt_toolkit', 'asrsim.sim.simulation') "
        "if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_ruff_lint_including_the_banned_clock_and_random_apis() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.fail("ruff is not installed: install the test extras (pip install -e '.[test]')")
    result = subprocess.run(
        [ruff, "check", "asrsim", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.fail("mypy is not installed: install the test extras (pip install -e '.[test]')")
    result = subprocess.run([str(mypy)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
