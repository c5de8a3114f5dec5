"""Generated documentation stays in step with the code it describes."""

from __future__ import annotations

from pathlib import Path

from asrsim.sim.topology_schema import reference_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_topology_reference_is_up_to_date() -> None:
    written = (ROOT / "docs" / "topology.md").read_text(encoding="utf-8")
    assert written == reference_markdown() + "\n", (
        "docs/topology.md is stale: run `python -m asrsim.sim.topology_schema`"
    )
