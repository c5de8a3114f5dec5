"""docs/coverage.md lists exactly the cmdlets and parameters the code declares."""

from __future__ import annotations

from pathlib import Path

from asrsim.session import default_modules
from cmdlets.coverage import coverage_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_coverage_table_is_up_to_date() -> None:
    written = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert written == coverage_markdown(default_modules()), (
        "docs/coverage.md is stale: run `python -m cmdlets.coverage`"
    )


def test_every_module_and_cmdlet_is_listed() -> None:
    text = coverage_markdown(default_modules())
    for module in default_modules():
        assert f"## {module.MODULE_NAME} (" in text
        for cmdlet in module.CMDLETS:
            assert f"| {cmdlet.name} |" in text
