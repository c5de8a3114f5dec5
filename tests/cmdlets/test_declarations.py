"""Every cmdlet is declared as PowerShell would list it: a Verb-Noun name, a synopsis for
Get-Help, parameters that are unique and whose positions do not collide within a set."""

from __future__ import annotations

import re

import pytest

from asrsim.lang.commands import ALL_SETS, Cmdlet
from asrsim.session import default_modules

CMDLETS = [c for module in default_modules() for c in module.CMDLETS]
APPROVED_VERB = re.compile(r"^[A-Z][A-Za-z]+-[A-Z][A-Za-z0-9]*$")


@pytest.mark.parametrize("cmdlet", CMDLETS, ids=[c.name for c in CMDLETS])
def test_cmdlet_declaration(cmdlet: type[Cmdlet]) -> None:
    assert APPROVED_VERB.match(cmdlet.name), cmdlet.name
    assert cmdlet.synopsis(), f"{cmdlet.name} has no docstring (its Get-Help synopsis)"
    names = [p.name.casefold() for p in cmdlet.parameters]
    assert len(names) == len(set(names)), f"{cmdlet.name} declares a parameter twice"
    sets = cmdlet.signature().set_names()
    for set_name in sets:
        positions = [
            p.position
            for p in cmdlet.parameters
            if p.position is not None and (p.in_set(set_name) or set_name == ALL_SETS)
        ]
        assert len(positions) == len(set(positions)), (
            f"{cmdlet.name}: two parameters share a position in set {set_name}"
        )


def test_names_are_unique_across_modules() -> None:
    names = [c.name.casefold() for c in CMDLETS]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates
