"""Microsoft.PowerShell.Utility's variable cmdlets (Get/Set/New/Remove/Clear-Variable) and
Read-Host.

Variables live in the language's scopes (``asrsim.lang.scopes``): a cmdlet acts on the scope
of its caller, or on the one -Scope names (Global, Script, Local, or a number of scopes up).
Error texts and ids are PowerShell's (SessionStateStrings.resx).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from asrsim.lang.commands import NO_INPUT, Cmdlet, Parameter
from asrsim.lang.errors import RuntimeException
from asrsim.lang.psobject import PSObject, PSScriptProperty
from asrsim.lang.scopes import PSVariable, Scope
from cmdlets.core import (
    as_list,
    command_error,
    has_wildcard,
    matches_any,
    report,
    text_of,
    wildcard_match,
)

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime

MODULE_NAME = "Microsoft.PowerShell.Utility"

VARIABLE_TYPE_NAMES = ("System.Management.Automation.PSVariable", "System.Object")
_OPTIONS = ("None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified")
_UNAUTHORIZED = "System.Management.Automation.SessionStateUnauthorizedAccessException"


def variable_object(variable: PSVariable) -> PSObject:
    """A PSVariable as Get-Variable outputs it: setting its Value sets the variable."""

    def set_value(value: Any) -> None:
        if variable.constant or variable.read_only:
            raise RuntimeException(
                f"Cannot overwrite variable {variable.name} because it is read-only or "
                "constant.", "VariableNotWritable", "WriteError", target=variable.name,
                dotnet_type=_UNAUTHORIZED)
        variable.value = value

    def set_description(value: Any) -> None:
        variable.description = text_of(value)

    return PSObject([
        ("Name", variable.name),
        ("Value", PSScriptProperty("Value", lambda: variable.value, set_value)),
        ("Description", PSScriptProperty("Description", lambda: variable.description,
                                         set_description)),
        ("Options", PSScriptProperty("Options", lambda: _options_text(variable))),
        ("Visibility", "Public"), ("Module", None), ("ModuleName", ""), ("Attributes", []),
    ], VARIABLE_TYPE_NAMES, methods={"ToString": lambda: variable.name})


def _options_text(variable: PSVariable) -> str:
    if variable.constant:
        return "Constant"
    if variable.read_only:
        return "ReadOnly"
    return "None"


def scope_named(cmdlet: Cmdlet, scope: Scope, name: str | None) -> Scope:
    """The scope -Scope names, from the caller's."""
    if name is None or name == "":
        return scope
    lowered = name.strip().casefold()
    if lowered in ("global", "script", "local"):
        return scope.qualified(lowered)
    if lowered.isdigit():
        target: Scope | None = scope
        for _ in range(int(lowered)):
            target = target.parent if target is not None else None
        if target is not None:
            return target
    raise command_error(
        cmdlet, f"The scope number '{name}' exceeds the number of active scopes. (Parameter "
        "'scopeID')\nActual value was " + name + ".", "ArgumentOutOfRange", "InvalidArgument",
        target=name, exception_type="System.Management.Automation.PSArgumentOutOfRangeException")


def visible_variables(scope: Scope) -> dict[str, PSVariable]:
    """Folded name -> variable, as lookup from ``scope`` sees them."""
    found: dict[str, PSVariable] = {}
    current: Scope | None = scope
    while current is not None:
        for key, variable in current.variables.items():
            found.setdefault(key, variable)
        current = current.parent
    return found


class _VariableCmdlet(Cmdlet):
    noun_module = MODULE_NAME

    @property
    def runtime(self) -> Runtime:
        return self.context.runtime

    def target_scope(self) -> Scope:
        return scope_named(self, self.context.scope, self.param("Scope"))

    def candidates(self) -> dict[str, PSVariable]:
        """The variables this call may act on: those of -Scope, else all visible ones."""
        if self.has("Scope"):
            return dict(self.target_scope().variables)
        return visible_variables(self.context.scope)

    def excluded(self, name: str) -> bool:
        include = [text_of(i) for i in as_list(self.param("Include"))]
        exclude = [text_of(e) for e in as_list(self.param("Exclude"))]
        if include and not matches_any(include, name):
            return True
        return bool(exclude and matches_any(exclude, name))

    def matching(self, pattern: str) -> list[PSVariable]:
        found = [v for v in self.candidates().values()
                 if wildcard_match(pattern, v.name) and not self.excluded(v.name)]
        return sorted(found, key=lambda v: v.name.casefold())

    def not_found(self, name: str) -> None:
        report(self, f"Cannot find a variable with the name '{name}'.", "VariableNotFound",
               "ObjectNotFound", target=name,
               exception_type="System.Management.Automation.ItemNotFoundException")

    def not_writable(self, variable: PSVariable) -> None:
        report(self, f"Cannot overwrite variable {variable.name} because it is read-only or "
               "constant.", "VariableNotWritable", "WriteError", target=variable.name,
               exception_type=_UNAUTHORIZED)


class GetVariable(_VariableCmdlet):
    """Gets the variables in the current console.

    -Name takes wildcards; -ValueOnly outputs the values; -Scope limits the search to one
    scope (Global, Script, Local or a number)."""

    name = "Get-Variable"
    aliases = ("gv",)
    parameters = (
        Parameter("Name", "string[]", position=0, pipeline=True, pipeline_by_name=True),
        Parameter("ValueOnly", "switch"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Scope", "string"),
    )
    output_type = "System.Management.Automation.PSVariable"

    def process(self) -> None:
        names = [text_of(n) for n in as_list(self.param("Name"))] or ["*"]
        for name in names:
            found = self.matching(name)
            if not found and not has_wildcard(name):
                self.not_found(name)
            for variable in found:
                if self.param("ValueOnly"):
                    self.write_object(variable.value)
                else:
                    self.write_object(variable_object(variable))


_SET_PARAMETERS = (
    Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True),
    Parameter("Value", "object", position=1, pipeline=True, pipeline_by_name=True),
    Parameter("Include", "string[]"),
    Parameter("Exclude", "string[]"),
    Parameter("Description", "string", pipeline_by_name=True),
    Parameter("Option", "string[]", pipeline_by_name=True, validate_set=_OPTIONS),
    Parameter("Force", "switch"),
    Parameter("Visibility", "string", pipeline_by_name=True,
              validate_set=("Public", "Private")),
    Parameter("PassThru", "switch"),
    Parameter("Scope", "string", pipeline_by_name=True),
)


class SetVariable(_VariableCmdlet):
    """Sets the value of a variable. Creates the variable if one with the requested name does
    not exist.

    Pipeline input becomes the value (several objects: an array of them); -Option ReadOnly
    protects it, -Force overwrites a read-only variable."""

    name = "Set-Variable"
    aliases = ("set", "sv")
    parameters = _SET_PARAMETERS
    supports_should_process = True
    output_type = "System.Management.Automation.PSVariable"

    def begin(self) -> None:
        self.piped: list[Any] = []

    def process(self) -> None:
        if self.current_input is not NO_INPUT:
            # PowerShell gathers pipeline input and sets the variable once, at the end
            self.piped.append(self.param("Value"))
            return
        self._set(self.param("Value"), self.has("Value"))

    def end(self) -> None:
        if self.piped:
            self._set(self.piped[0] if len(self.piped) == 1 else list(self.piped), True)

    def _set(self, value: Any, value_given: bool) -> None:
        scope = self.target_scope()
        options = {text_of(o).casefold() for o in as_list(self.param("Option"))}
        for name in [text_of(n) for n in as_list(self.param("Name"))]:
            if has_wildcard(name):
                targets = [v for v in scope.variables.values()
                           if wildcard_match(name, v.name) and not self.excluded(v.name)]
                for target in targets:
                    self._update(target, value, value_given, options)
                continue
            variable = scope.variables.get(name.casefold())
            if not self.should_process(f"Name: {name} Value: {text_of(value)}", "Set variable"):
                continue
            if variable is None:
                variable = PSVariable(name, value if value_given else None,
                                      constant="constant" in options,
                                      read_only="readonly" in options,
                                      description=self.param("Description") or "")
                scope.define(variable)
                self._pass(variable)
                continue
            self._update(variable, value, value_given, options)

    def _update(self, variable: PSVariable, value: Any, value_given: bool,
                options: set[str]) -> None:
        if variable.constant or (variable.read_only and not self.param("Force")):
            self.not_writable(variable)
            return
        if "constant" in options:
            report(self, f"Existing variable {variable.name} cannot be made constant. Variables "
                   "can be made constant only at creation time.", "VariableCannotBeMadeConstant",
                   "WriteError", target=variable.name, exception_type=_UNAUTHORIZED)
            return
        if value_given:
            variable.value = value
        if options:
            variable.read_only = "readonly" in options
        if self.has("Description"):
            variable.description = self.param("Description") or ""
        self._pass(variable)

    def _pass(self, variable: PSVariable) -> None:
        if self.param("PassThru"):
            self.write_object(variable_object(variable))


class NewVariable(_VariableCmdlet):
    """Creates a new variable.

    It is an error when the variable already exists in the scope (unless -Force); -Option
    ReadOnly or Constant protects it."""

    name = "New-Variable"
    aliases = ("nv",)
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Value", "object", position=1, pipeline=True, pipeline_by_name=True),
        Parameter("Description", "string", pipeline_by_name=True),
        Parameter("Option", "string[]", pipeline_by_name=True, validate_set=_OPTIONS),
        Parameter("Visibility", "string", pipeline_by_name=True,
                  validate_set=("Public", "Private")),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("Scope", "string", pipeline_by_name=True),
    )
    supports_should_process = True
    output_type = "System.Management.Automation.PSVariable"

    def process(self) -> None:
        name = self.param("Name") or ""
        value = self.param("Value")
        scope = self.target_scope()
        options = {text_of(o).casefold() for o in as_list(self.param("Option"))}
        existing = scope.variables.get(name.casefold())
        if existing is not None and (not self.param("Force") or existing.constant):
            if existing.constant and self.param("Force"):
                self.not_writable(existing)
                return
            report(self, f"A variable with name '{name}' already exists.",
                   "VariableAlreadyExists", "ResourceExists", target=name,
                   exception_type="System.Management.Automation.SessionStateException")
            return
        if not self.should_process(f"Name: {name} Value: {text_of(value)}", "New variable"):
            return
        variable = PSVariable(name, value, constant="constant" in options,
                              read_only="readonly" in options,
                              description=self.param("Description") or "")
        scope.define(variable)
        if self.param("PassThru"):
            self.write_object(variable_object(variable))


class _NamedVariableCmdlet(_VariableCmdlet):
    """Remove-Variable and Clear-Variable: act on each variable -Name matches."""

    parameters: ClassVar[tuple[Parameter, ...]] = (
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Force", "switch"),
        Parameter("Scope", "string", pipeline_by_name=True),
    )
    supports_should_process = True
    action: ClassVar[str] = ""

    def process(self) -> None:
        for name in [text_of(n) for n in as_list(self.param("Name"))]:
            found = self.matching(name)
            if not found and not has_wildcard(name):
                self.not_found(name)
            for variable in found:
                if self.should_process(f"Name: {variable.name}", self.action):
                    self.act(variable)

    def act(self, variable: PSVariable) -> None:
        raise NotImplementedError


class RemoveVariable(_NamedVariableCmdlet):
    """Deletes a variable and its value.

    Without -Scope the nearest variable of that name goes (the caller's, else its parents');
    a read-only variable needs -Force, a constant one cannot be removed."""

    name = "Remove-Variable"
    aliases = ("rv",)
    action = "Remove variable"

    def act(self, variable: PSVariable) -> None:
        if variable.constant or (variable.read_only and not self.param("Force")):
            report(self, f"Cannot remove variable {variable.name} because it is constant or "
                   "read-only. If the variable is read-only, try the operation again specifying "
                   "the Force option.", "VariableNotRemovable", "WriteError",
                   target=variable.name, exception_type=_UNAUTHORIZED)
            return
        folded = variable.name.casefold()
        scope: Scope | None = self.target_scope() if self.has("Scope") else self.context.scope
        while scope is not None:
            if scope.variables.get(folded) is variable:
                del scope.variables[folded]
                return
            scope = scope.parent


class ClearVariable(_NamedVariableCmdlet):
    """Deletes the value of a variable.

    The variable stays, holding $null; -PassThru outputs it."""

    name = "Clear-Variable"
    aliases = ("clv",)
    parameters = (*_NamedVariableCmdlet.parameters, Parameter("PassThru", "switch"))
    action = "Clear variable"

    def act(self, variable: PSVariable) -> None:
        if variable.constant or (variable.read_only and not self.param("Force")):
            self.not_writable(variable)
            return
        variable.value = None
        if self.param("PassThru"):
            self.write_object(variable_object(variable))


class ReadHost(Cmdlet):
    """Reads a line of input from the console.

    -Prompt is shown followed by ": "; a session without an interactive host (a script run
    with its input redirected, a remote session) gets PowerShell's NonInteractive error."""

    name = "Read-Host"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Prompt", "object", position=0, remaining=True, allow_null=True),
        Parameter("AsSecureString", "switch", sets=("AsSecureString",)),
        Parameter("MaskInput", "switch", sets=("AsString",)),
    )
    default_set = "AsString"
    output_type = "System.String"

    def end(self) -> None:
        if self.param("AsSecureString"):
            raise command_error(self, "not supported in asrsim: Read-Host -AsSecureString",
                                "NotSupported", "NotImplemented")
        prompt_value = self.param("Prompt")
        if isinstance(prompt_value, list):
            prompt_value = " ".join(text_of(p) for p in prompt_value)
        prompt = "" if prompt_value is None else text_of(prompt_value) + ": "
        host = self.context.host
        if not host.interactive:
            raise command_error(
                self, "PowerShell is in NonInteractive mode. Read and Prompt functionality is "
                "not available.", "InvalidOperation", "InvalidOperation",
                exception_type="System.Management.Automation.PSInvalidOperationException")
        try:
            line = host.read_line(prompt)
        except RuntimeException as error:
            raise command_error(self, error.message, "InvalidOperation", "InvalidOperation",
                                exception_type=error.dotnet_type) from None
        self.write_object(line)


CMDLETS: tuple[type[Cmdlet], ...] = (
    GetVariable, SetVariable, NewVariable, RemoveVariable, ClearVariable, ReadHost,
)


def register(runtime: Runtime, session: Any) -> None:
    """The format view of PSVariable objects (Name 30 wide, then Value)."""
    from asrsim.lang.formatting import TableView, prop

    runtime.views.register(TableView((VARIABLE_TYPE_NAMES[0],), (
        prop("Name", width=30), prop("Value"),
    )))


__all__ = ["CMDLETS", "MODULE_NAME", "register"]
