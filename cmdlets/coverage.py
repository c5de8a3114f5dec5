"""The cmdlet coverage table (docs/coverage.md): per module, every cmdlet asrsim implements,
with the parameters it declares and the real cmdlet's parameters it does not.

    python -m cmdlets.coverage        # rewrites docs/coverage.md

A test fails when the file and the command table disagree.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from asrsim.lang.commands import ALL_SETS, Cmdlet, Parameter

HEADER = """# Cmdlet coverage

Generated from the cmdlet classes by `python -m cmdlets.coverage`; a test fails when this
file and the code disagree. For each cmdlet: its aliases, the parameters asrsim implements
(`P0` position, `*` mandatory, `V` accepts pipeline input by value, `PN` by property name,
`{set}` parameter sets other than all), and the real cmdlet's parameters it does not
implement. The common parameters (-Verbose, -ErrorAction, ...) are implemented for every
cmdlet and not listed.
"""


def _parameter(parameter: Parameter) -> str:
    text = f"-{parameter.name} <{parameter.type}>"
    marks = []
    if parameter.position is not None:
        marks.append(f"P{parameter.position}")
    if parameter.mandatory:
        marks.append("*")
    if parameter.pipeline:
        marks.append("V")
    if parameter.pipeline_by_name:
        marks.append("PN")
    sets = [s for s in parameter.sets if s != ALL_SETS]
    if sets:
        marks.append("{" + ", ".join(sets) + "}")
    return text + (f" [{' '.join(marks)}]" if marks else "")


def _row(cmdlet: type[Cmdlet]) -> str:
    implemented = "<br>".join(_parameter(p) for p in cmdlet.parameters) or "(none)"
    if cmdlet.supports_should_process:
        implemented += "<br>-WhatIf -Confirm"
    missing = ", ".join(f"-{name}" for name in cmdlet.missing_parameters) or "-"
    aliases = ", ".join(cmdlet.aliases) or "-"
    return f"| {cmdlet.name} | {aliases} | {implemented} | {missing} |"


def coverage_markdown(modules: list[ModuleType]) -> str:
    lines = [HEADER]
    for module in modules:
        name = getattr(module, "MODULE_NAME", module.__name__)
        cmdlets = sorted(module.CMDLETS, key=lambda c: c.name.casefold())
        lines += [
            f"## {name} ({len(cmdlets)} cmdlets)",
            "",
            "| Cmdlet | Aliases | Parameters implemented | Real parameters not implemented |",
            "| --- | --- | --- | --- |",
            *(_row(c) for c in cmdlets),
            "",
        ]
    return "\n".join(lines)


def main() -> None:
    from asrsim.session import default_modules

    path = Path("docs/coverage.md")
    path.parent.mkdir(exist_ok=True)
    path.write_text(coverage_markdown(default_modules()), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
