"""Variable and function scopes.

PowerShell scopes are dynamic: a function or script block runs in a new scope whose parent is
the *caller's* scope; reading a variable walks up the chain, assigning one creates it in the
current scope unless a scope qualifier says otherwise. A dot-sourced script runs in the
caller's scope itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asrsim.lang.errors import RuntimeException


@dataclass
class PSVariable:
    name: str
    value: Any
    constant: bool = False
    read_only: bool = False
    description: str = ""
    #: a type constraint (`[int]$x = 1`): every later assignment is converted by it
    converter: Callable[[Any], Any] | None = None
    #: `$private:x`: seen only in the scope that made it, not in child scopes
    private: bool = False


class Scope:
    __slots__ = ("functions", "is_script", "parent", "strict_version", "variables")

    def __init__(self, parent: Scope | None = None, *, is_script: bool = False) -> None:
        self.parent = parent
        self.is_script = is_script
        self.variables: dict[str, PSVariable] = {}
        self.functions: dict[str, Any] = {}
        # Set-StrictMode is scoped: inherited until a scope sets its own
        self.strict_version: int | None = None if parent is None else parent.strict_version

    # -- variables -----------------------------------------------------------------------

    def lookup(self, folded: str) -> PSVariable | None:
        variable = self.variables.get(folded)
        if variable is not None:
            return variable
        scope = self.parent
        while scope is not None:
            variable = scope.variables.get(folded)
            if variable is not None and not variable.private:
                return variable
            scope = scope.parent
        return None

    def set_local(self, name: str, value: Any, folded: str | None = None) -> None:
        key = folded or name.casefold()
        variable = self.variables.get(key)
        if variable is None:
            self.variables[key] = PSVariable(name, value)
            return
        if variable.constant or variable.read_only:
            raise RuntimeException(
                f"Cannot overwrite variable {variable.name} because it is read-only or constant.",
                "VariableNotWritable",
                "WriteError",
                target=variable.name,
            )
        variable.value = value if variable.converter is None else variable.converter(value)

    def define(self, variable: PSVariable) -> None:
        self.variables[variable.name.casefold()] = variable

    def remove(self, folded: str) -> bool:
        scope: Scope | None = self
        while scope is not None:
            if folded in scope.variables:
                del scope.variables[folded]
                return True
            scope = scope.parent
        return False

    # -- scope qualifiers ----------------------------------------------------------------

    @property
    def global_scope(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    @property
    def script_scope(self) -> Scope:
        scope: Scope | None = self
        while scope is not None:
            if scope.is_script:
                return scope
            scope = scope.parent
        return self.global_scope

    def qualified(self, qualifier: str | None) -> Scope:
        if qualifier == "global":
            return self.global_scope
        if qualifier == "script":
            return self.script_scope
        return self

    # -- functions -----------------------------------------------------------------------

    def find_function(self, folded: str) -> Any:
        scope: Scope | None = self
        while scope is not None:
            found = scope.functions.get(folded)
            if found is not None:
                return found
            scope = scope.parent
        return None
