"""Microsoft.PowerShell.Core: the cmdlets the engine itself ships (Where-Object, ForEach-Object,
Get-Command, Get-Help, modules, strict mode, Invoke-Command/Expression, aliases).

Behaviour, error texts and FullyQualifiedErrorIds follow PowerShell 7.4's own sources
(InternalCommands.cs, InternalCommandStrings.resx, SessionStateStrings.resx).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from asrsim.lang.commands import (
    ALL_SETS,
    COMMON_PARAMETERS,
    NO_INPUT,
    Cmdlet,
    CommandSignature,
    Parameter,
)
from asrsim.lang.errors import ParseException, RuntimeException
from asrsim.lang.operators import wildcard_regex
from asrsim.lang.psobject import NOTHING, Hashtable, PSObject
from asrsim.lang.scriptblock import FunctionInfo, ScriptBlock

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime

MODULE_NAME = "Microsoft.PowerShell.Core"

#: the version Get-Command shows for a module's commands (PowerShell 7.4.6 on Windows)
_MODULE_VERSIONS = {
    "microsoft.powershell.core": "7.4.6.500",
    "microsoft.powershell.utility": "7.0.0.0",
    "microsoft.powershell.management": "7.0.0.0",
    "microsoft.powershell.security": "7.0.0.0",
    "hyper-v": "2.0.0.0",
    "dnsserver": "2.0.0.0",
    "virtualmachinemanager": "1.0",
    "az.recoveryservices": "7.12.1",
    "az.accounts": "4.0.2",
}

#: modules a script may import although no cmdlet module of this session brings them:
#: their cmdlets are built in when they exist at all (Import-Module is a no-op for them)
_KNOWN_MODULES = ("VirtualMachineManager", "Hyper-V", "DnsServer", "Az.RecoveryServices",
                  "Az.Accounts", "Az")

#: PowerShell 7.4's default aliases (Windows); only those whose command exists are added
DEFAULT_ALIASES = {
    "?": "Where-Object", "%": "ForEach-Object", "ac": "Add-Content", "cat": "Get-Content",
    "cd": "Set-Location", "chdir": "Set-Location", "clc": "Clear-Content",
    "clear": "Clear-Host", "cls": "Clear-Host", "clv": "Clear-Variable",
    "compare": "Compare-Object", "copy": "Copy-Item", "cp": "Copy-Item", "cpi": "Copy-Item",
    "del": "Remove-Item", "diff": "Compare-Object", "dir": "Get-ChildItem",
    "echo": "Write-Output", "epcsv": "Export-Csv", "erase": "Remove-Item",
    "fl": "Format-List", "foreach": "ForEach-Object", "ft": "Format-Table", "fw": "Format-Wide",
    "gal": "Get-Alias", "gc": "Get-Content", "gci": "Get-ChildItem", "gcm": "Get-Command",
    "gerr": "Get-Error", "gi": "Get-Item", "gl": "Get-Location", "gm": "Get-Member",
    "gmo": "Get-Module", "gp": "Get-ItemProperty", "group": "Group-Object",
    "gu": "Get-Unique", "gv": "Get-Variable", "icm": "Invoke-Command",
    "iex": "Invoke-Expression", "ipcsv": "Import-Csv", "ipmo": "Import-Module",
    "ls": "Get-ChildItem", "measure": "Measure-Object", "mi": "Move-Item", "move": "Move-Item",
    "mv": "Move-Item", "nal": "New-Alias", "ni": "New-Item", "nv": "New-Variable",
    "popd": "Pop-Location", "pushd": "Push-Location", "pwd": "Get-Location",
    "rd": "Remove-Item", "ren": "Rename-Item", "ri": "Remove-Item", "rm": "Remove-Item",
    "rmdir": "Remove-Item", "rni": "Rename-Item", "rv": "Remove-Variable",
    "rvpa": "Resolve-Path", "sal": "Set-Alias", "select": "Select-Object",
    "set": "Set-Variable", "si": "Set-Item", "sl": "Set-Location", "sleep": "Start-Sleep",
    "sls": "Select-String", "sort": "Sort-Object", "sv": "Set-Variable", "tee": "Tee-Object",
    "type": "Get-Content", "where": "Where-Object", "write": "Write-Output",
}

CMDLET_TYPE_NAMES = ("System.Management.Automation.CmdletInfo",
                     "System.Management.Automation.CommandInfo", "System.Object")
FUNCTION_TYPE_NAMES = ("System.Management.Automation.FunctionInfo",
                       "System.Management.Automation.CommandInfo", "System.Object")
FILTER_TYPE_NAMES = ("System.Management.Automation.FilterInfo",
                     "System.Management.Automation.FunctionInfo",
                     "System.Management.Automation.CommandInfo", "System.Object")
ALIAS_TYPE_NAMES = ("System.Management.Automation.AliasInfo",
                    "System.Management.Automation.CommandInfo", "System.Object")
SCRIPT_TYPE_NAMES = ("System.Management.Automation.ExternalScriptInfo",
                     "System.Management.Automation.CommandInfo", "System.Object")
MODULE_TYPE_NAMES = ("System.Management.Automation.PSModuleInfo", "System.Object")
HELP_TYPE_NAMES = ("MamlCommandHelpInfo", "HelpInfo", "System.Management.Automation.PSCustomObject")


# =============================================================================================
# shared helpers (the other cmdlet modules use them too)
# =============================================================================================


def dotnet_command(name: str) -> str:
    """The implementing class PowerShell names in error ids: Get-Content ->
    Microsoft.PowerShell.Commands.GetContentCommand."""
    return f"Microsoft.PowerShell.Commands.{name.replace('-', '')}Command"


def command_error(cmdlet: Cmdlet | type[Cmdlet], message: str, error_id: str,
                  category: str = "NotSpecified", target: Any = None,
                  exception_type: str | None = None) -> RuntimeException:
    """An error whose FullyQualifiedErrorId is PowerShell's own
    (``PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand``)."""
    error = RuntimeException(message, f"{error_id},{dotnet_command(cmdlet.name)}", category,
                             target=target, dotnet_type=exception_type)
    error.record.activity = cmdlet.name
    return error


def report(cmdlet: Cmdlet, message: str, error_id: str, category: str = "NotSpecified",
           target: Any = None, exception_type: str | None = None) -> None:
    """A non-terminating error with PowerShell's FullyQualifiedErrorId."""
    cmdlet.write_error(command_error(cmdlet, message, error_id, category, target,
                                     exception_type).record)


def has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


def wildcard_match(pattern: str, text: str) -> bool:
    if not has_wildcard(pattern) and "`" not in pattern:
        return pattern.casefold() == text.casefold()
    return wildcard_regex(pattern).fullmatch(text) is not None


def matches_any(patterns: Iterable[str] | None, text: str) -> bool:
    return any(wildcard_match(p, text) for p in (patterns or ()))


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def text_of(value: Any) -> str:
    from asrsim.lang.conversions import to_string

    return to_string(value)


def truthy(value: Any) -> bool:
    from asrsim.lang.conversions import to_bool

    return bool(to_bool(value))


# -- per-session state ---------------------------------------------------------------------


@dataclass
class CoreState:
    """What Microsoft.PowerShell.Core remembers for one session (kept on the Runtime, never
    in this module: two sessions in one process are independent)."""

    module_versions: dict[str, str] = field(default_factory=dict)
    #: folded module name -> PSModuleInfo of the modules Get-Module lists as loaded
    loaded: dict[str, PSObject] = field(default_factory=dict)
    #: folded alias name -> the name as the script wrote it (New-Alias MyDir)
    alias_names: dict[str, str] = field(default_factory=dict)
    alias_descriptions: dict[str, str] = field(default_factory=dict)


_STATE_ATTRIBUTE = "_microsoft_powershell_core"


def core_state(runtime: Runtime) -> CoreState:
    state = getattr(runtime, _STATE_ATTRIBUTE, None)
    if state is None:
        state = CoreState()
        setattr(runtime, _STATE_ATTRIBUTE, state)
    return state


# =============================================================================================
# Where-Object
# =============================================================================================

#: switch parameter -> (parameter set, operator for asrsim.lang.operators.binary, aliases)
_WHERE_OPERATORS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("EQ", "EqualSet", "ieq", ("IEQ",)),
    ("CEQ", "CaseSensitiveEqualSet", "ceq", ()),
    ("NE", "NotEqualSet", "ine", ("INE",)),
    ("CNE", "CaseSensitiveNotEqualSet", "cne", ()),
    ("GT", "GreaterThanSet", "igt", ("IGT",)),
    ("CGT", "CaseSensitiveGreaterThanSet", "cgt", ()),
    ("LT", "LessThanSet", "ilt", ("ILT",)),
    ("CLT", "CaseSensitiveLessThanSet", "clt", ()),
    ("GE", "GreaterOrEqualSet", "ige", ("IGE",)),
    ("CGE", "CaseSensitiveGreaterOrEqualSet", "cge", ()),
    ("LE", "LessOrEqualSet", "ile", ("ILE",)),
    ("CLE", "CaseSensitiveLessOrEqualSet", "cle", ()),
    ("Like", "LikeSet", "ilike", ("ILike",)),
    ("CLike", "CaseSensitiveLikeSet", "clike", ()),
    ("NotLike", "NotLikeSet", "inotlike", ("INotLike",)),
    ("CNotLike", "CaseSensitiveNotLikeSet", "cnotlike", ()),
    ("Match", "MatchSet", "imatch", ("IMatch",)),
    ("CMatch", "CaseSensitiveMatchSet", "cmatch", ()),
    ("NotMatch", "NotMatchSet", "inotmatch", ("INotMatch",)),
    ("CNotMatch", "CaseSensitiveNotMatchSet", "cnotmatch", ()),
    ("Contains", "ContainsSet", "icontains", ("IContains",)),
    ("CContains", "CaseSensitiveContainsSet", "ccontains", ()),
    ("NotContains", "NotContainsSet", "inotcontains", ("INotContains",)),
    ("CNotContains", "CaseSensitiveNotContainsSet", "cnotcontains", ()),
    ("In", "InSet", "iin", ("IIn",)),
    ("CIn", "CaseSensitiveInSet", "cin", ()),
    ("NotIn", "NotInSet", "inotin", ("INotIn",)),
    ("CNotIn", "CaseSensitiveNotInSet", "cnotin", ()),
    ("Is", "IsSet", "is", ()),
    ("IsNot", "IsNotSet", "isnot", ()),
    ("Not", "Not", "not", ()),
)
_VALUE_SETS = tuple(s for _, s, _, _ in _WHERE_OPERATORS if s != "Not")
_PROPERTY_SETS = tuple(s for _, s, _, _ in _WHERE_OPERATORS)


def _where_parameters() -> tuple[Parameter, ...]:
    switches = tuple(
        Parameter(name, "switch", sets=(set_name,), mandatory=name != "EQ", aliases=aliases)
        for name, set_name, _, aliases in _WHERE_OPERATORS)
    return (
        Parameter("InputObject", "psobject", pipeline=True),
        # typed "object", not "scriptblock": the binder gives a positional argument to the
        # first parameter at that position whatever its type, and `Where-Object Enabled`
        # must reach -Property (PowerShell tries the sets in turn); process() tells a
        # script block from a property name
        Parameter("FilterScript", "scriptblock", position=0, mandatory=True,
                  sets=("ScriptBlockSet",)),
        Parameter("Property", "string", position=0, mandatory=True, sets=_PROPERTY_SETS,
                  not_null_or_empty=True),
        Parameter("Value", "object", position=1, sets=_VALUE_SETS),
        *switches,
    )


class WhereObject(Cmdlet):
    """Selects objects from a collection based on their property values.

    Where-Object { $_.State -eq 'Running' } keeps the objects for which the script block is
    true; the simplified syntax Where-Object State -EQ Running compares one property with
    -EQ, -NE, -GT, -GE, -LT, -LE, -Like, -NotLike, -Match, -NotMatch, -Contains,
    -NotContains, -In, -NotIn, -Is or -IsNot (C-prefixed: case-sensitive); Where-Object
    Enabled keeps the objects whose Enabled property is true."""

    name = "Where-Object"
    noun_module = MODULE_NAME
    aliases = ("where", "?")
    parameters = _where_parameters()
    default_set = "EqualSet"
    output_type = "System.Object"

    def begin(self) -> None:
        self.operator = "ieq"
        self.force_boolean = True
        for name, _set_name, operator, _ in _WHERE_OPERATORS:
            if self.param(name):
                self.operator = operator
                # only an explicit -EQ turns the boolean test of `Where-Object Enabled` into
                # a comparison (PowerShell's _forceBooleanEvaluation); -Not keeps it
                self.force_boolean = name == "Not"
                break
        self.value_given = self.has("Value")
        self.value = self.param("Value", True)
        if self.value_given and self.operator in ("is", "isnot"):
            self.value = self._type_operand(self.value)

    def _type_operand(self, value: Any) -> Any:
        """-Is [int]: PowerShell converts the text to a Type before the first object."""
        if not isinstance(value, str):
            return value
        text = value[1:-1] if len(value) > 2 and value[0] == "[" and value[-1] == "]" else value
        resolved = self.context.types.resolve(text)
        if resolved is None:
            raise command_error(
                self, f'Cannot convert the "{value}" value of type "System.String" to type '
                '"System.Type".', "RuntimeException", "InvalidArgument", target=value,
                exception_type="System.Management.Automation.PSInvalidCastException")
        return resolved

    def process(self) -> None:
        if self.current_input is NO_INPUT and not self.has("InputObject"):
            return
        item = self.param("InputObject")
        script = self.param("FilterScript")
        if self.parameter_set_name == "ScriptBlockSet" and not isinstance(script, ScriptBlock):
            # the binder put a property name in -FilterScript (see the declaration)
            self._compare(item, text_of(script))
            return
        if script is not None:
            result = self.context.invoke_script_block(script, dollar_under=item,
                                                      new_scope=False)
            if truthy(_single(result)):
                self.write_object(item)
            return
        self._compare(item, self.param("Property"))

    def _compare(self, item: Any, prop: str) -> None:
        operator = self.operator
        if not self.value_given and (operator not in ("ieq", "not") or not self.force_boolean):
            raise command_error(
                self, "The specified operator requires both the -Property and -Value "
                "parameters. Provide values for both parameters, and then try the command "
                "again.", "ValueNotSpecifiedForWhereObject", "InvalidArgument",
                exception_type="System.Management.Automation.PSArgumentException")
        if self.value_given and operator == "ieq" and self.force_boolean:
            raise command_error(
                self, "An operator is required to compare the two specified values. Include a "
                "valid operator in the command, and then try the command again. For example, "
                "Get-Process | Where-Object -Property Name -eq Idle", "OperatorNotSpecified",
                "InvalidArgument",
                exception_type="System.Management.Automation.PSArgumentException")
        found, value = self._property_value(item, prop)
        if not found:
            return
        from asrsim.lang.operators import binary

        runtime = self.context.runtime
        try:
            if operator in ("ieq", "not") and self.force_boolean:
                # `Where-Object Enabled` is `$true -eq $_.Enabled`: the property in a boolean
                # context (PowerShell flips the operands)
                result: Any = binary("ieq" if operator == "ieq" else "ine", True, value,
                                     runtime.operator_context)
            else:
                result = binary(operator, value, self.value,
                                runtime.operators_for(self.context.context))
        except RuntimeException as error:
            self.write_error(error.record)
            return
        if truthy(result):
            self.write_object(item)

    def _property_value(self, item: Any, prop: str) -> tuple[bool, Any]:
        strict = (self.context.scope.strict_version or 0) >= 2
        if item is None:
            if strict:
                report(self, "Cannot operate on a 'null' input object.", "InputObjectIsNull",
                       "InvalidArgument", exception_type="System.ArgumentException")
                return False, None
            return True, None
        if isinstance(item, Hashtable) and prop in item:
            return True, item[prop]
        names = _matching_properties(self.context.context, item, prop)
        if len(names) > 1:
            report(self, f'Input name "{prop}" is ambiguous. It can be resolved to multiple '
                   f"matched members. Possible matches include: {' '.join(names)}.",
                   "AmbiguousPropertyName", "InvalidArgument", target=item,
                   exception_type="System.ArgumentException")
            return False, None
        from asrsim.lang.members import MISSING, get_member

        value = get_member(self.context.context, item, names[0] if names else prop)
        if value is MISSING:
            if strict:
                report(self, f'The input name "{prop}" cannot be resolved to a property.',
                       "PropertyNotFound", "InvalidArgument", target=item,
                       exception_type="System.ArgumentException")
                return False, None
            return True, None
        return True, value


def _matching_properties(ctx: Any, item: Any, pattern: str) -> list[str]:
    """The property names a wildcard property name stands for ([] when it has none)."""
    if not has_wildcard(pattern):
        return []
    if isinstance(item, PSObject):
        candidates = item.property_names()
    else:
        try:
            from asrsim.lang import dotnet

            candidates = list(dotnet.property_names(item))
        except Exception:  # the adapter may not know the value: then nothing matches
            candidates = []
    return [n for n in candidates if wildcard_match(pattern, n)]


def _single(values: list[Any]) -> Any:
    if not values:
        return None
    return values[0] if len(values) == 1 else values


# =============================================================================================
# ForEach-Object
# =============================================================================================


class ForEachObject(Cmdlet):
    """Performs an operation against each item in a collection of input objects.

    ForEach-Object { $_.Name } runs the script block for each object ($_ is the object, in
    the caller's scope); -Begin and -End blocks run once before and after (positionally:
    ForEach-Object {begin} {process} {end}). ForEach-Object Name outputs a property's value,
    ForEach-Object ToUpper or -MemberName Substring -ArgumentList 1 calls a method."""

    name = "ForEach-Object"
    noun_module = MODULE_NAME
    aliases = ("foreach", "%")
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Begin", "scriptblock", sets=("ScriptBlockSet",)),
        Parameter("Process", "scriptblock[]", position=0, mandatory=True, sets=("ScriptBlockSet",)),
        Parameter("End", "scriptblock", sets=("ScriptBlockSet",)),
        Parameter("RemainingScripts", "object[]", sets=("ScriptBlockSet",), remaining=True),
        Parameter("MemberName", "string", position=0, mandatory=True,
                  sets=("PropertyAndMethodSet",),
                  not_null_or_empty=True),
        Parameter("ArgumentList", "object[]", sets=("PropertyAndMethodSet",), remaining=True,
                  aliases=("Args",)),
    )
    default_set = "ScriptBlockSet"
    supports_should_process = True
    output_type = "System.Object"

    def begin(self) -> None:
        self.member: str | None = None
        self.arguments: list[Any] = []
        self.begin_block: ScriptBlock | None = None
        self.process_blocks: list[Any] = []
        self.end_block: ScriptBlock | None = None
        if self.parameter_set_name == "PropertyAndMethodSet":
            self.member = self.param("MemberName")
            self.arguments = as_list(self.param("ArgumentList"))
            return
        process = as_list(self.param("Process"))
        remaining = as_list(self.param("RemainingScripts"))
        if process and isinstance(process[0], str):
            self.member = process[0]
            self.arguments = process[1:] + remaining
            return
        scripts: list[Any] = []
        if self.has("Begin"):
            scripts.append(self.param("Begin"))
        scripts += process + remaining
        for script in scripts:
            if script is not None and not isinstance(script, ScriptBlock):
                raise command_error(
                    self, "Cannot bind parameter 'Process'. Cannot convert the "
                    f'"{text_of(script)}" value of type "System.String" to type '
                    '"System.Management.Automation.'
                    'ScriptBlock".', "CannotConvertArgumentNoMessage", "InvalidArgument",
                    target=script,
                    exception_type="System.Management.Automation.ParameterBindingException")
        # PowerShell's rule (InitScriptBlockParameterSet): with several blocks the first is
        # begin and, unless -End was given, the last of three or more is end
        start = 1 if len(scripts) > 1 else 0
        stop = len(scripts)
        self.end_block = self.param("End")
        if not self.has("End") and len(scripts) > 2:
            stop = len(scripts) - 1
            self.end_block = scripts[stop]
        self.process_blocks = scripts[start:stop]
        if stop >= 2 and scripts[0] is not None:
            for value in self.context.invoke_script_block(scripts[0], new_scope=False):
                self.write_object(value)

    def process(self) -> None:
        has_input = not (self.current_input is NO_INPUT and not self.has("InputObject"))
        item = self.param("InputObject")
        if self.member is not None:
            self._member(item)
            return
        for block in self.process_blocks:
            if block is None:
                continue
            if has_input:
                results = self.context.invoke_script_block(block, dollar_under=item,
                                                           new_scope=False)
            else:
                results = self.context.invoke_script_block(block, new_scope=False)
            for value in results:
                self.write_object(value)

    def end(self) -> None:
        if self.end_block is not None:
            for value in self.context.invoke_script_block(self.end_block, new_scope=False):
                self.write_object(value)

    # -- -MemberName ------------------------------------------------------------------------

    def _member(self, item: Any) -> None:
        name = self.member or ""
        target = f"InputObject: {_target_text(item)}"
        strict = (self.context.scope.strict_version or 0) >= 2
        from asrsim.lang.members import MISSING, get_member, invoke_member

        ctx = self.context.context
        if item is None:
            if self.arguments:
                report(self, "You cannot call a method on a null-valued expression.",
                       "InvokeMethodOnNull", "InvalidArgument",
                       exception_type="System.ArgumentException")
            elif self.should_process(target, f"Retrieve the value for property '{name}'"):
                if strict:
                    report(self, "Cannot operate on a 'null' input object.",
                           "InputObjectIsNull", "InvalidArgument",
                           exception_type="System.ArgumentException")
                else:
                    self.write_object(None)
            return

        def call(arguments: list[Any]) -> None:
            action = (f"Invoke method '{name}' with arguments: "
                      f"{', '.join(_target_text(a) for a in arguments)}" if arguments
                      else f"Invoke method '{name}'")
            if not self.should_process(target, action):
                return
            try:
                result = invoke_member(ctx, item, name, arguments, self._invoke_block)
            except RuntimeException as error:
                if error.record.fully_qualified_error_id.startswith("MethodNotFound"):
                    report(self, f'Input name "{name}" cannot be resolved to a method.',
                           "MethodNotFound", "InvalidArgument", target=item,
                           exception_type="System.ArgumentException")
                else:
                    report(self, error.message, "MethodInvocationError", "InvalidOperation",
                           target=item, exception_type=error.dotnet_type)
                return
            self.write_object(result, enumerate_collection=True)

        if self.arguments:
            call(self.arguments)
            return
        if isinstance(item, Hashtable) and name in item:
            if self.should_process(target, f"Retrieve the value for key '{name}'"):
                self.write_object(item[name], enumerate_collection=True)
            return
        names = _matching_properties(ctx, item, name)
        if len(names) > 1:
            report(self, f'Input name "{name}" is ambiguous. It can be resolved to multiple '
                   f"matched members. Possible matches include: {' '.join(names)}.",
                   "AmbiguousPropertyOrMethodName", "InvalidArgument", target=item,
                   exception_type="System.ArgumentException")
            return
        resolved = names[0] if names else name
        value = get_member(ctx, item, resolved)
        if value is MISSING or _is_method_value(value):
            if _has_method(ctx, item, resolved):
                call([])
                return
            if self.should_process(target, f"Retrieve the value for property '{name}'"):
                if strict:
                    report(self, f'The input name "{name}" cannot be resolved to a member.',
                           "PropertyOrMethodNotFound", "InvalidArgument", target=item,
                           exception_type="System.ArgumentException")
                else:
                    self.write_object(None)
            return
        if self.should_process(target, f"Retrieve the value for property '{resolved}'"):
            self.write_object(value, enumerate_collection=True)

    def _invoke_block(self, block: Any, dollar_under: Any) -> list[Any]:
        return self.context.invoke_script_block(block, dollar_under=dollar_under)


def _is_method_value(value: Any) -> bool:
    return isinstance(value, PSObject) and "System.Management.Automation.PSMethod" in \
        value.type_names


def _has_method(ctx: Any, item: Any, name: str) -> bool:
    if isinstance(item, PSObject):
        if name.casefold() in item.methods:
            return True
        if name.casefold() == "tostring":
            return True
    try:
        from asrsim.lang import dotnet

        for info in dotnet.members(item):
            if info.name.casefold() == name.casefold() and "Method" in info.member_type:
                return True
    except Exception:  # an adapter that does not describe the value has no methods for it
        return False
    return False


def _target_text(value: Any) -> str:
    if value is None:
        return "null"
    text = text_of(value)
    return text or type(value).__name__


# =============================================================================================
# command descriptions: Get-Command, Get-Help, syntax
# =============================================================================================

_SYNTAX_TYPES = {
    "string": "string", "str": "string", "system.string": "string", "int": "int",
    "int32": "int", "long": "long", "int64": "long", "double": "double", "bool": "bool",
    "boolean": "bool", "object": "Object", "system.object": "Object", "psobject": "psobject",
    "scriptblock": "scriptblock", "hashtable": "hashtable", "datetime": "datetime",
    "timespan": "timespan", "guid": "guid", "char": "char", "byte": "byte", "uint": "uint",
    "uint32": "uint", "uint16": "ushort", "uint64": "ulong", "decimal": "decimal",
    "single": "float", "float": "float", "version": "version", "securestring": "securestring",
    "pscredential": "pscredential", "regex": "regex", "xml": "xml", "ipaddress": "ipaddress",
    "switch": "switch", "switchparameter": "switch",
}


def syntax_type(type_name: str) -> str:
    """How PowerShell writes a parameter type in a syntax line (<string[]>, <Object>)."""
    suffix = ""
    base = type_name.strip() or "object"
    while base.endswith("[]"):
        suffix += "[]"
        base = base[:-2]
    shown = _SYNTAX_TYPES.get(base.casefold())
    if shown is None:
        shown = base.rsplit(".", 1)[-1]
    return shown + suffix


def _set_order(signature: CommandSignature) -> list[str]:
    sets = signature.set_names()
    default = signature.default_set
    if default in sets:
        sets = [default, *[s for s in sets if s != default]]
    return sets


def _parameter_syntax(parameter: Parameter, set_name: str) -> str:
    mandatory = parameter.mandatory_in(set_name) or (
        set_name == ALL_SETS and parameter.mandatory is True)
    if parameter.is_switch:
        text = f"-{parameter.name}"
        return text if mandatory else f"[{text}]"
    name = f"-{parameter.name}"
    if parameter.position is not None:
        name = f"[{name}]"
    text = f"{name} <{syntax_type(parameter.type)}>"
    return text if mandatory else f"[{text}]"


def syntax_lines(name: str, signature: CommandSignature) -> list[str]:
    """One line per parameter set, as Get-Command -Syntax writes them: positional parameters
    by position, then the mandatory named ones, then the optional ones."""
    lines = []
    for set_name in _set_order(signature):
        members = [p for p in signature.parameters if p.in_set(set_name)]
        positional = sorted((p for p in members if p.position is not None),
                            key=lambda p: p.position or 0)
        named = [p for p in members if p.position is None]
        ordered = positional + [p for p in named if p.mandatory_in(set_name)] + \
            [p for p in named if not p.mandatory_in(set_name)]
        parts = [name, *(_parameter_syntax(p, set_name) for p in ordered)]
        if signature.supports_should_process:
            parts += ["[-WhatIf]", "[-Confirm]"]
        if signature.advanced:
            parts.append("[<CommonParameters>]")
        lines.append(" ".join(parts))
    return lines


def syntax_text(name: str, signature: CommandSignature) -> str:
    return "\n" + "\n\n".join(syntax_lines(name, signature)) + "\n"


def _parameter_info(parameter: Parameter) -> PSObject:
    sets = [s for s in parameter.sets if s != ALL_SETS] or ["__AllParameterSets"]
    return PSObject([
        ("Name", parameter.name), ("ParameterType", syntax_type(parameter.type)),
        ("ParameterSets", sets), ("IsDynamic", False), ("Aliases", list(parameter.aliases)),
        ("SwitchParameter", parameter.is_switch),
    ], ("System.Management.Automation.ParameterMetadata",))


def _parameter_sets_info(signature: CommandSignature) -> list[PSObject]:
    result = []
    lines = syntax_lines("", signature)
    for set_name, line in zip(_set_order(signature), lines, strict=True):
        result.append(PSObject([
            ("Name", set_name), ("IsDefault", set_name == signature.default_set),
            ("Parameters", [p.name for p in signature.parameters if p.in_set(set_name)]),
        ], ("System.Management.Automation.CommandParameterSetInfo",),
            methods={"ToString": _constant(line.strip())}))
    return result


def _constant(text: str) -> Callable[[], str]:
    return lambda: text


def module_version(runtime: Runtime, module: str) -> str:
    state = core_state(runtime)
    return state.module_versions.get(module.casefold()) or _MODULE_VERSIONS.get(
        module.casefold(), "1.0.0.0")


def cmdlet_info(runtime: Runtime, cmdlet: type[Cmdlet]) -> PSObject:
    module = runtime.commands.module_of(cmdlet)
    verb, _, noun = cmdlet.name.partition("-")
    signature = cmdlet.signature()
    parameters = Hashtable()
    for parameter in signature.parameters:
        parameters[parameter.name] = _parameter_info(parameter)
    for common in COMMON_PARAMETERS:
        parameters[common] = _parameter_info(Parameter(common, "switch" if common in (
            "Verbose", "Debug") else "object"))
    return PSObject([
        ("CommandType", "Cmdlet"), ("Name", cmdlet.name),
        ("Version", module_version(runtime, module)), ("Source", module),
        ("Verb", verb), ("Noun", noun), ("HelpFile", ""),
        ("Definition", syntax_text(cmdlet.name, signature).strip("\n")),
        ("ImplementingType", dotnet_command(cmdlet.name)), ("ModuleName", module),
        ("DefaultParameterSet", cmdlet.default_set),
        ("OutputType", [cmdlet.output_type] if cmdlet.output_type else []),
        ("Parameters", parameters), ("ParameterSets", _parameter_sets_info(signature)),
        ("Visibility", "Public"), ("Options", "ReadOnly"),
    ], CMDLET_TYPE_NAMES, methods={"ToString": lambda: cmdlet.name})


def function_info(name: str, function: FunctionInfo) -> PSObject:
    block = function.block
    signature = block.compiled.signature
    parameters = Hashtable()
    for parameter in signature.parameters:
        parameters[parameter.name] = _parameter_info(parameter)
    verb, dash, noun = name.partition("-")
    kind = "Filter" if function.is_filter else "Function"
    return PSObject([
        ("CommandType", kind), ("Name", name), ("Version", ""), ("Source", ""),
        ("Verb", verb if dash else ""), ("Noun", noun if dash else ""),
        ("Definition", str(block)), ("ScriptBlock", block),
        ("CmdletBinding", signature.advanced), ("ModuleName", ""),
        ("Parameters", parameters), ("ParameterSets", _parameter_sets_info(signature)),
        ("HelpFile", ""), ("Visibility", "Public"), ("Options", "None"),
    ], FILTER_TYPE_NAMES if function.is_filter else FUNCTION_TYPE_NAMES,
        methods={"ToString": lambda: name})


def alias_info(runtime: Runtime, name: str, target: str) -> PSObject:
    state = core_state(runtime)
    shown = state.alias_names.get(name.casefold(), name)
    return PSObject([
        ("CommandType", "Alias"), ("Name", shown), ("DisplayName", f"{shown} -> {target}"),
        ("Definition", target), ("ReferencedCommand", target), ("ResolvedCommand", target),
        ("ResolvedCommandName", target), ("Version", ""), ("Source", ""),
        ("ModuleName", ""),
        ("Description", state.alias_descriptions.get(name.casefold(), "")),
        ("Options", "None" if name.casefold() in state.alias_names else "AllScope"),
    ], ALIAS_TYPE_NAMES, methods={"ToString": lambda: shown})


def script_info(path: Path) -> PSObject:
    text = ""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        text = ""
    return PSObject([
        ("CommandType", "ExternalScript"), ("Name", path.name), ("Version", ""),
        ("Source", str(path)), ("Path", str(path)), ("Definition", str(path)),
        ("ScriptContents", text),
    ], SCRIPT_TYPE_NAMES, methods={"ToString": lambda: str(path)})


def all_aliases(runtime: Runtime) -> dict[str, str]:
    """Folded alias name -> target: the built-in ones, then the session's (which win)."""
    aliases = dict(runtime.commands.aliases())
    for key, value in runtime.global_scope.functions.items():
        if isinstance(key, str) and key.startswith("alias:") and value is not None:
            aliases[key[len("alias:"):]] = str(value)
    return aliases


def visible_functions(scope: Any) -> dict[str, FunctionInfo]:
    """Folded name -> function, as name lookup from ``scope`` sees them."""
    found: dict[str, FunctionInfo] = {}
    current = scope
    while current is not None:
        for key, value in current.functions.items():
            if isinstance(value, FunctionInfo) and key not in found:
                found[key] = value
        current = current.parent
    return found


_TYPE_ORDER = {"Alias": 0, "Function": 1, "Filter": 2, "Cmdlet": 3, "ExternalScript": 4}


def _sort_commands(items: list[PSObject]) -> list[PSObject]:
    return sorted(items, key=lambda o: (_TYPE_ORDER.get(str(o.get("CommandType")), 9),
                                         str(o.get("Name")).casefold()))


def _not_recognized(name: str) -> str:
    return (f"The term '{name}' is not recognized as a name of a cmdlet, function, script "
            "file, or executable program.\nCheck the spelling of the name, or if a path was "
            "included, verify that the path is correct and try again.")


class GetCommand(Cmdlet):
    """Gets all commands.

    Lists the cmdlets, functions and aliases of the session (-Name with wildcards, -Verb,
    -Noun, -Module, -CommandType), or the one command a name runs; -Syntax shows how to call
    it."""

    name = "Get-Command"
    noun_module = MODULE_NAME
    aliases = ("gcm",)
    parameters = (
        Parameter("Name", "string[]", position=0, sets=("AllCommandSet",), pipeline=True,
                  pipeline_by_name=True),
        Parameter("Verb", "string[]", sets=("CmdletSet",), pipeline_by_name=True),
        Parameter("Noun", "string[]", sets=("CmdletSet",), pipeline_by_name=True),
        Parameter("Module", "string[]", aliases=("PSSnapin",), pipeline_by_name=True),
        Parameter("CommandType", "string[]", sets=("AllCommandSet",), aliases=("Type",),
                  pipeline_by_name=True,
                  validate_set=("Alias", "Function", "Filter", "Cmdlet", "ExternalScript",
                                "Application", "Script", "Configuration", "All")),
        Parameter("TotalCount", "int"),
        Parameter("Syntax", "switch", pipeline_by_name=True),
        Parameter("ShowCommandInfo", "switch"),
        Parameter("ArgumentList", "object[]", position=1, aliases=("Args",)),
        Parameter("All", "switch", pipeline_by_name=True),
        Parameter("ListImported", "switch", pipeline_by_name=True),
        Parameter("ParameterName", "string[]"),
        Parameter("ParameterType", "string[]"),
    )
    default_set = "CmdletSet"
    output_type = "System.Management.Automation.CommandInfo"

    def begin(self) -> None:
        self.emitted = 0

    def process(self) -> None:
        names = as_list(self.param("Name"))
        found: list[PSObject] = []
        if names:
            for name in names:
                found.extend(self._by_name(text_of(name)))
        else:
            found = self._everything()
        found = [f for f in found if self._wanted(f)]
        for item in found:
            total = self.param("TotalCount")
            if total is not None and total >= 0 and self.emitted >= total:
                return
            self.emitted += 1
            if self.param("Syntax"):
                self.write_object(self._syntax_of(item))
            else:
                self.write_object(item)

    def _types(self) -> set[str]:
        kinds = {text_of(k).casefold() for k in as_list(self.param("CommandType"))}
        if not kinds or "all" in kinds:
            return {"alias", "function", "filter", "cmdlet", "externalscript"}
        return kinds

    def _everything(self) -> list[PSObject]:
        runtime = self.context.runtime
        kinds = self._types()
        verb_noun = self.has("Verb") or self.has("Noun")
        items: list[PSObject] = []
        if "alias" in kinds and not verb_noun:
            for alias, target in sorted(all_aliases(runtime).items()):
                items.append(alias_info(runtime, alias, target))
        for _folded, function in sorted(visible_functions(self.context.scope).items()):
            kind = "filter" if function.is_filter else "function"
            if kind in kinds or ("function" in kinds and kind == "filter"):
                items.append(function_info(function.name, function))
        if "cmdlet" in kinds:
            items.extend(cmdlet_info(runtime, c) for c in runtime.commands.cmdlets())
        if verb_noun:
            verbs = as_list(self.param("Verb")) or ["*"]
            nouns = as_list(self.param("Noun")) or ["*"]
            items = [i for i in items if matches_any(verbs, str(i.get("Verb") or ""))
                     and matches_any(nouns, str(i.get("Noun") or ""))]
        return _sort_commands(items)

    def _by_name(self, name: str) -> list[PSObject]:
        runtime = self.context.runtime
        kinds = self._types()
        if has_wildcard(name):
            items: list[PSObject] = []
            if "alias" in kinds:
                items += [alias_info(runtime, a, t) for a, t in all_aliases(runtime).items()
                          if wildcard_match(name, a)]
            for function in visible_functions(self.context.scope).values():
                if ("function" in kinds or "filter" in kinds) and wildcard_match(
                        name, function.name):
                    items.append(function_info(function.name, function))
            if "cmdlet" in kinds:
                items += [cmdlet_info(runtime, c) for c in runtime.commands.cmdlets()
                          if wildcard_match(name, c.name)]
            return _sort_commands(items)
        items = self._exact(name, kinds)
        if not items:
            report(self, _not_recognized(name), "CommandNotFoundException", "ObjectNotFound",
                   target=name,
                   exception_type="System.Management.Automation.CommandNotFoundException")
        return items if self.param("All") else items[:1]

    def _exact(self, name: str, kinds: set[str]) -> list[PSObject]:
        """Every command the name can mean, in PowerShell's precedence order."""
        runtime = self.context.runtime
        items: list[PSObject] = []
        aliases = all_aliases(runtime)
        if "alias" in kinds and name.casefold() in aliases:
            items.append(alias_info(runtime, name, aliases[name.casefold()]))
        function = visible_functions(self.context.scope).get(name.casefold())
        if function is not None and ("function" in kinds or "filter" in kinds):
            items.append(function_info(function.name, function))
        cmdlet = runtime.commands.find(name)
        if cmdlet is not None and "cmdlet" in kinds:
            items.append(cmdlet_info(runtime, cmdlet))
        if not items and "externalscript" in kinds and name.lower().endswith(".ps1"):
            from asrsim.lang.files import resolve

            path = resolve(runtime, name)
            if path.is_file():
                items.append(script_info(path))
        return items

    def _wanted(self, item: PSObject) -> bool:
        modules = as_list(self.param("Module"))
        if modules:
            source = str(item.get("Source") or "")
            if item.get("CommandType") == "Alias":
                target = self.context.runtime.commands.find(str(item.get("Definition")))
                source = self.context.runtime.commands.module_of(target) if target else ""
            if not matches_any(modules, source):
                return False
        wanted_parameters = as_list(self.param("ParameterName"))
        if wanted_parameters:
            parameters = item.get("Parameters")
            names = list(parameters.keys()) if isinstance(parameters, Hashtable) else []
            if not any(matches_any(wanted_parameters, str(n)) for n in names):
                return False
        return True

    def _syntax_of(self, item: PSObject) -> str:
        runtime = self.context.runtime
        if item.get("CommandType") == "Alias":
            target = str(item.get("Definition"))
            cmdlet = runtime.commands.find(target)
            head = f"{item.get('Name')} (alias) -> {target}\n"
            if cmdlet is None:
                return head
            return head + syntax_text(str(item.get("Name")), cmdlet.signature())
        if item.get("CommandType") == "Cmdlet":
            cmdlet = runtime.commands.find(str(item.get("Name")))
            assert cmdlet is not None
            return syntax_text(cmdlet.name, cmdlet.signature())
        block = item.get("ScriptBlock")
        if isinstance(block, ScriptBlock):
            return syntax_text(str(item.get("Name")), block.compiled.signature)
        return str(item.get("Definition"))


# -- Get-Help --------------------------------------------------------------------------------

_COMMON_PARAMETERS_TEXT = (
    "    <CommonParameters>\n"
    "        This cmdlet supports the common parameters: Verbose, Debug,\n"
    "        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
    "        OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
    "        about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).\n"
)

_DEFAULT_HELP = """
TOPIC
    PowerShell Help System

SHORT DESCRIPTION
    Displays help about PowerShell cmdlets and concepts.

LONG DESCRIPTION
    PowerShell Help describes PowerShell cmdlets, functions, scripts, and
    modules, and explains concepts, including the elements of the PowerShell
    language.

    To get help for a cmdlet, type: Get-Help [cmdlet-name]
    For example: Get-Help Get-Command

    To see the commands of this session, type: Get-Command
"""


@dataclass
class HelpTopic:
    """What Get-Help knows of one command."""

    name: str
    category: str  # Cmdlet | Function | Filter | ExternalScript
    module: str
    synopsis: str
    description: str
    signature: CommandSignature
    parameter_help: dict[str, str] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    output_type: str = ""
    partial: bool = False  # no help text: PowerShell's "partial help" layout


def parse_comment_help(text: str) -> dict[str, Any]:
    """The sections of comment-based help (.SYNOPSIS, .DESCRIPTION, .PARAMETER x,
    .EXAMPLE) in a function's text: a <# #> block or a run of # lines."""
    block = re.search(r"<#(.*?)#>", text, re.DOTALL)
    if block is not None:
        body = block.group(1)
    else:
        lines = [m.group(1) for m in re.finditer(r"^\s*#(.*)$", text, re.MULTILINE)]
        body = "\n".join(lines)
    sections: dict[str, Any] = {"parameters": {}, "examples": []}
    current: tuple[str, str] | None = None
    collected: list[str] = []

    def flush() -> None:
        if current is None:
            return
        kind, argument = current
        content = _dedent("\n".join(collected)).strip("\n")
        if kind == "parameter":
            sections["parameters"][argument.casefold()] = content
        elif kind == "example":
            sections["examples"].append(content)
        else:
            sections[kind] = content

    for line in body.splitlines():
        match = re.match(r"^\s*\.([A-Za-z]+)\s*(\S*)\s*$", line)
        if match and match.group(1).lower() in (
                "synopsis", "description", "parameter", "example", "inputs", "outputs",
                "notes", "link", "component", "role", "functionality", "forwardhelptargetname",
                "externalhelp"):
            flush()
            current = (match.group(1).lower(), match.group(2))
            collected = []
        elif current is not None:
            collected.append(line)
    flush()
    return sections


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def _docstring_parts(cmdlet: type[Cmdlet]) -> tuple[str, str]:
    doc = (cmdlet.__doc__ or "").strip()
    first, _, rest = doc.partition("\n\n")
    description = " ".join(line.strip() for line in rest.splitlines() if line.strip())
    return " ".join(first.split()), description


def help_topic(runtime: Runtime, scope: Any, name: str) -> HelpTopic | None:
    aliases = all_aliases(runtime)
    target = aliases.get(name.casefold(), name)
    function = visible_functions(scope).get(target.casefold())
    if function is not None:
        signature = function.block.compiled.signature
        sections = parse_comment_help(function.help or function.block.ast.extent.text)
        synopsis = str(sections.get("synopsis", "") or "")
        return HelpTopic(
            function.name, "Filter" if function.is_filter else "Function", "",
            " ".join(synopsis.split()), str(sections.get("description", "") or ""),
            signature, dict(sections["parameters"]), list(sections["examples"]),
            partial=not synopsis)
    cmdlet = runtime.commands.find(target)
    if cmdlet is None:
        return None
    synopsis, description = _docstring_parts(cmdlet)
    signature = cmdlet.signature()
    return HelpTopic(
        cmdlet.name, "Cmdlet", runtime.commands.module_of(cmdlet), synopsis, description,
        signature, {p.name.casefold(): p.help for p in signature.parameters if p.help},
        aliases=sorted(a for a, t in aliases.items() if t.casefold() == cmdlet.name.casefold()),
        output_type=cmdlet.output_type)


def _wrap(text: str, indent: str, width: int = 80) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = indent
        for word in words:
            if len(current) + len(word) + 1 > width and current.strip():
                lines.append(current.rstrip())
                current = indent
            current += word + " "
        lines.append(current.rstrip())
    return lines


def _pipeline_text(parameter: Parameter) -> str:
    kinds = [k for k, on in (("ByValue", parameter.pipeline),
                             ("ByPropertyName", parameter.pipeline_by_name)) if on]
    return f"True ({', '.join(kinds)})" if kinds else "False"


def _parameter_help(topic: HelpTopic, parameter: Parameter, indent: str) -> list[str]:
    head = f"-{parameter.name}"
    if not parameter.is_switch:
        head += f" <{syntax_type(parameter.type)}>"
    lines = [indent + head]
    text = topic.parameter_help.get(parameter.name.casefold(), "")
    if text:
        lines += _wrap(text, indent + "    ")
    lines.append("")
    required = parameter.mandatory is True or bool(parameter.mandatory)
    sets = [s for s in parameter.sets if s != ALL_SETS]
    default = "None" if parameter.default is None else text_of(parameter.default)
    rows = [
        ("Required?", "true" if required else "false"),
        ("Position?", "Named" if parameter.position is None else str(parameter.position)),
        ("Default value", "False" if parameter.is_switch and parameter.default is None
         else default),
        ("Accept pipeline input?", _pipeline_text(parameter)),
        ("Parameter set name", ", ".join(sets) if sets else "(All)"),
        ("Aliases", ", ".join(parameter.aliases) if parameter.aliases else "None"),
        ("Dynamic?", "false"),
        ("Accept wildcard characters?", "false"),
    ]
    lines += [f"{indent}    {label:<29}{value}" for label, value in rows]
    lines.append("")
    return lines


def render_help(topic: HelpTopic, view: str, parameter_patterns: list[str] | None = None) -> str:
    """The text Get-Help shows: the Default, Detailed or Full view, Examples, or the
    -Parameter entries."""
    parameters = sorted(topic.signature.parameters, key=lambda p: p.name.casefold())
    if parameter_patterns is not None:
        lines = [""]
        for parameter in parameters:
            if matches_any(parameter_patterns, parameter.name):
                lines += _parameter_help(topic, parameter, "")
        return "\n".join(lines) + "\n"
    lines = ["", "NAME", f"    {topic.name}", ""]
    if topic.synopsis and not topic.partial:
        lines += ["SYNOPSIS", *_wrap(topic.synopsis, "    "), ""]
    if view == "Examples":
        lines.append("")
        for number, example in enumerate(topic.examples, start=1):
            lines += [f"    -------------------------- EXAMPLE {number} "
                      "--------------------------", "", *_wrap(example, "    "), ""]
        return "\n".join(lines) + "\n"
    lines += ["", "SYNTAX"]
    for line in syntax_lines(topic.name, topic.signature):
        lines += [f"    {line}", ""]
    lines.append("")
    if view in ("Detailed", "Full") or topic.description:
        lines += ["DESCRIPTION", *(_wrap(topic.description, "    ") if topic.description
                                  else []), "", ""]
    if view in ("Detailed", "Full"):
        lines.append("PARAMETERS")
        for parameter in parameters:
            lines += _parameter_help(topic, parameter, "    ")
        if topic.signature.advanced:
            lines += _COMMON_PARAMETERS_TEXT.rstrip("\n").split("\n")
        lines += ["", ""]
        if view == "Full":
            lines += ["INPUTS", "", "", "OUTPUTS"]
            if topic.output_type:
                lines.append(f"    {topic.output_type}")
            lines += ["", ""]
    if topic.aliases:
        lines += ["ALIASES", *[f"    {a}" for a in topic.aliases], "", ""]
    lines.append("REMARKS")
    if topic.partial:
        lines.append("    Get-Help cannot find the Help files for this cmdlet on this computer. "
                     "It is displaying only partial help.")
    else:
        lines += [f'    To see the examples, type: "Get-Help {topic.name} -Examples".',
                  f'    For more information, type: "Get-Help {topic.name} -Detailed".',
                  f'    For technical information, type: "Get-Help {topic.name} -Full".']
    lines.append("")
    return "\n".join(lines) + "\n"


def help_object(topic: HelpTopic, text: str) -> PSObject:
    return PSObject([
        ("Name", topic.name), ("Category", topic.category), ("Component", None),
        ("Role", None), ("Functionality", None), ("Synopsis", topic.synopsis),
        ("ModuleName", topic.module),
        ("Syntax", "\n".join(syntax_lines(topic.name, topic.signature))),
        ("Description", topic.description),
    ], HELP_TYPE_NAMES, methods={"ToString": lambda: text})


class GetHelp(Cmdlet):
    """Displays information about PowerShell commands and concepts.

    Shows a command's synopsis and syntax, its parameters with -Detailed, -Full or
    -Parameter, and a function's comment-based help (.SYNOPSIS, .DESCRIPTION, .PARAMETER)."""

    name = "Get-Help"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Name", "string", position=0, pipeline_by_name=True),
        Parameter("Path", "string"),
        Parameter("Category", "string[]"),
        Parameter("Component", "string[]"),
        Parameter("Functionality", "string[]"),
        Parameter("Role", "string[]"),
        Parameter("Full", "switch", sets=("AllUsersView",)),
        Parameter("Detailed", "switch", mandatory=True, sets=("DetailedView",)),
        Parameter("Examples", "switch", mandatory=True, sets=("Examples",)),
        Parameter("Parameter", "string[]", mandatory=True, sets=("Parameters",)),
        Parameter("Online", "switch", mandatory=True, sets=("Online",)),
        Parameter("ShowWindow", "switch", mandatory=True, sets=("ShowWindow",)),
    )
    default_set = "AllUsersView"
    output_type = "MamlCommandHelpInfo"

    def process(self) -> None:
        runtime = self.context.runtime
        if self.param("Online") or self.param("ShowWindow"):
            which = "-Online" if self.param("Online") else "-ShowWindow"
            raise command_error(self, f"not supported in asrsim: Get-Help {which}",
                                "NotSupported", "NotImplemented")
        name = self.param("Name")
        if not name:
            self.write_object(_DEFAULT_HELP)
            return
        if has_wildcard(name):
            self._list(name)
            return
        topic = help_topic(runtime, self.context.scope, name)
        if topic is None:
            report(self, f"Get-Help could not find {name} in a help file in this session. To "
                   'download updated help topics type: "Update-Help". To get help online, '
                   "search for the help topic in the TechNet library at "
                   "https://go.microsoft.com/fwlink/?LinkID=107116.", "HelpNotFound",
                   "ResourceUnavailable", target=name,
                   exception_type="Microsoft.PowerShell.Commands.HelpNotFoundException")
            return
        if self.has("Parameter"):
            patterns = [text_of(p) for p in as_list(self.param("Parameter"))]
            if not any(matches_any(patterns, p.name) for p in topic.signature.parameters):
                report(self, f"No parameter matches criteria {', '.join(patterns)}.",
                       "NoParmsFound", "InvalidArgument", target=topic.name,
                       exception_type="System.ArgumentException")
                return
            self.write_object(help_object(topic, render_help(topic, "Parameters", patterns)))
            return
        view = "Full" if self.param("Full") else "Detailed" if self.param("Detailed") else \
            "Examples" if self.param("Examples") else "Default"
        self.write_object(help_object(topic, render_help(topic, view)))

    def _list(self, pattern: str) -> None:
        runtime = self.context.runtime
        names = sorted({c.name for c in runtime.commands.cmdlets()} |
                       {f.name for f in visible_functions(self.context.scope).values()},
                       key=str.casefold)
        for name in names:
            if not wildcard_match(pattern, name):
                continue
            topic = help_topic(runtime, self.context.scope, name)
            if topic is None:
                continue
            self.write_object(PSObject([
                ("Name", topic.name), ("Category", topic.category),
                ("Module", topic.module), ("Synopsis", topic.synopsis),
            ], ("HelpInfoShort", "System.Management.Automation.PSCustomObject")))


# =============================================================================================
# modules
# =============================================================================================


def module_info(runtime: Runtime, name: str, commands: list[str], *, kind: str = "Manifest",
                path: str = "", description: str = "") -> PSObject:
    exported = Hashtable()
    for command in sorted(commands, key=str.casefold):
        exported[command] = command
    return PSObject([
        ("ModuleType", kind), ("Version", module_version(runtime, name)), ("Name", name),
        ("ExportedCommands", exported), ("Path", path or f"{name}.psd1"),
        ("Description", description), ("PreRelease", ""),
    ], MODULE_TYPE_NAMES, methods={"ToString": lambda: name})


def available_modules(runtime: Runtime) -> dict[str, PSObject]:
    """Folded name -> PSModuleInfo for every module this session's cmdlets come from
    (Microsoft.PowerShell.Core is the engine itself, not a module)."""
    modules: dict[str, PSObject] = {}
    for module, names in sorted(runtime.commands.modules.items(), key=lambda i: i[0].casefold()):
        if module.casefold() == MODULE_NAME.casefold():
            continue
        modules[module.casefold()] = module_info(runtime, module, list(names))
    return modules


def _known_module(runtime: Runtime, name: str) -> str | None:
    """The module name as PowerShell spells it, when Import-Module may load it here."""
    for module in runtime.commands.modules:
        if module.casefold() == name.casefold():
            return module
    for module in _KNOWN_MODULES:
        if module.casefold() == name.casefold():
            return module
    if name.casefold().startswith("microsoft.powershell."):
        return name
    return None


class GetModule(Cmdlet):
    """Gets the modules that have been imported or that can be imported into the session.

    Without parameters: the loaded modules; -ListAvailable: every module whose cmdlets this
    session has (VirtualMachineManager, Hyper-V, DnsServer, Az.RecoveryServices ... when
    present)."""

    name = "Get-Module"
    noun_module = MODULE_NAME
    aliases = ("gmo",)
    parameters = (
        Parameter("Name", "string[]", position=0, pipeline=True),
        Parameter("All", "switch", sets=("Loaded", "Available")),
        Parameter("ListAvailable", "switch", mandatory=True, sets=("Available",)),
        Parameter("Refresh", "switch", sets=("Available",)),
        Parameter("FullyQualifiedName", "object[]", pipeline=True),
    )
    default_set = "Loaded"
    output_type = "System.Management.Automation.PSModuleInfo"

    def process(self) -> None:
        runtime = self.context.runtime
        patterns = [text_of(n) for n in as_list(self.param("Name"))] or ["*"]
        if self.param("ListAvailable"):
            modules = list(available_modules(runtime).values())
        else:
            modules = list(core_state(runtime).loaded.values())
            modules.sort(key=lambda m: str(m.get("Name")).casefold())
        for module in modules:
            if matches_any(patterns, str(module.get("Name"))):
                self.write_object(module)


class ImportModule(Cmdlet):
    """Adds modules to the current session.

    The cmdlets of VirtualMachineManager, Hyper-V, DnsServer, Az.RecoveryServices and the
    Microsoft.PowerShell modules are built into asrsim, so importing them only marks them
    loaded; a .psm1 or .ps1 path is run and its functions become the session's."""

    name = "Import-Module"
    noun_module = MODULE_NAME
    aliases = ("ipmo",)
    parameters = (
        Parameter("Name", "string[]", position=0, mandatory=True, sets=("Name",),
                  pipeline=True, pipeline_by_name=True),
        Parameter("FullyQualifiedName", "object[]", mandatory=True,
                  sets=("FullyQualifiedName",), pipeline_by_name=True),
        Parameter("ModuleInfo", "psobject[]", mandatory=True, sets=("ModuleInfo",),
                  pipeline=True),
        Parameter("Global", "switch"),
        Parameter("Prefix", "string"),
        Parameter("Function", "string[]"),
        Parameter("Cmdlet", "string[]"),
        Parameter("Variable", "string[]"),
        Parameter("Alias", "string[]"),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("AsCustomObject", "switch"),
        Parameter("MinimumVersion", "string", aliases=("Version",)),
        Parameter("MaximumVersion", "string"),
        Parameter("RequiredVersion", "string"),
        Parameter("ArgumentList", "object[]", aliases=("Args",)),
        Parameter("DisableNameChecking", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Scope", "string", validate_set=("Local", "Global")),
        Parameter("SkipEditionCheck", "switch"),
        Parameter("UseWindowsPowerShell", "switch", aliases=("UseWinPS",)),
    )
    default_set = "Name"
    output_type = "System.Management.Automation.PSModuleInfo"

    def process(self) -> None:
        if self.parameter_set_name == "ModuleInfo":
            names = [text_of(m.get("Name") if isinstance(m, PSObject) else m)
                     for m in as_list(self.param("ModuleInfo"))]
        elif self.parameter_set_name == "FullyQualifiedName":
            names = [text_of(m.get("ModuleName") if isinstance(m, Hashtable) else m)
                     for m in as_list(self.param("FullyQualifiedName"))]
        else:
            names = [text_of(n) for n in as_list(self.param("Name"))]
        for name in names:
            self._import(name)

    def _import(self, name: str) -> None:
        runtime = self.context.runtime
        state = core_state(runtime)
        if name.lower().endswith((".psm1", ".ps1", ".psd1")) or "/" in name or "\\" in name:
            self._import_file(name)
            return
        module = _known_module(runtime, name)
        if module is None:
            report(self, f"The specified module '{name}' was not loaded because no valid "
                   "module file was found in any module directory.",
                   "Modules_ModuleNotFound", "ResourceUnavailable", target=name,
                   exception_type="System.IO.FileNotFoundException")
            return
        info = available_modules(runtime).get(module.casefold()) or module_info(
            runtime, module, [])
        self.write_verbose(f"Importing module '{module}': its cmdlets are built into asrsim.")
        state.loaded[module.casefold()] = info
        if self.param("PassThru"):
            self.write_object(info)

    def _import_file(self, name: str) -> None:
        runtime = self.context.runtime
        from asrsim.lang.files import resolve
        from asrsim.lang.runtime import invoke_script
        from asrsim.lang.scopes import Scope

        path = resolve(runtime, name)
        if path.suffix.lower() == ".psd1" or not path.is_file():
            report(self, f"The specified module '{name}' was not loaded because no valid "
                   "module file was found in any module directory.",
                   "Modules_ModuleNotFound", "ResourceUnavailable", target=name,
                   exception_type="System.IO.FileNotFoundException")
            return
        block = runtime.load_script(path)
        module_scope = Scope(runtime.global_scope, is_script=True)
        ctx = self.context.context.child(scope=module_scope)
        invoke_script(ctx, block, [], new_scope=False, emit=lambda _: None, script=True)
        exported = []
        for key, function in module_scope.functions.items():
            runtime.global_scope.functions[key] = function
            exported.append(function.name)
        info = module_info(runtime, path.stem, exported, kind="Script", path=str(path))
        core_state(runtime).loaded[path.stem.casefold()] = info
        if self.param("PassThru"):
            self.write_object(info)


# =============================================================================================
# Set-StrictMode, Invoke-Command, Invoke-Expression
# =============================================================================================

_VALID_VERSIONS = ("1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "6.1", "6.2", "7.0",
                   "7.1", "7.2", "7.3", "7.4")


class SetStrictMode(Cmdlet):
    """Establishes and enforces coding rules in expressions, scripts, and script blocks.

    -Version 1.0 forbids uninitialized variables, 2.0 also missing properties and calling
    functions like methods, 3.0 and Latest also out-of-bounds indexes; -Off turns it off.
    It applies to the scope it is called in and the scopes that scope creates."""

    name = "Set-StrictMode"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Off", "switch", mandatory=True, sets=("Off",)),
        Parameter("Version", "object", mandatory=True, sets=("Version",), aliases=("v",)),
    )
    default_set = "Version"

    def end(self) -> None:
        scope = self.context.scope
        if self.param("Off"):
            scope.strict_version = None
            return
        scope.strict_version = self._version(self.param("Version"))

    def _version(self, value: Any) -> int:
        # PowerShell's ArgumentToVersionTransformation: 'latest', an integer, or "major.minor"
        text = text_of(value).strip()
        if text.casefold() == "latest":
            return 3
        if isinstance(value, bool):
            text = ""
        elif isinstance(value, int):
            text = f"{value}.0"
        elif "." not in text and text.isdigit():
            text = f"{int(text)}.0"
        parts = text.split(".")
        normalized = ".".join(parts[:2]) if len(parts) >= 2 and all(
            p.isdigit() for p in parts) else ""
        if normalized not in _VALID_VERSIONS:
            raise command_error(
                self, "Cannot validate argument on parameter 'Version'. The \"" + text_of(value)
                + "\" argument does not contain a valid PowerShell version. Supply a valid "
                "version number and then try the command again.",
                "ParameterArgumentValidationError", "InvalidData", target=value,
                exception_type="System.Management.Automation.ParameterBindingValidationException")
        # versions after 3.0 add no rules of their own
        return min(int(parts[0]), 3)


class InvokeCommand(Cmdlet):
    """Runs commands on local and remote computers.

    asrsim runs the script block locally, in a new scope (or the caller's with -NoNewScope),
    with -ArgumentList as $args and the pipeline input as $input; -ComputerName and -Session
    belong to the remote backend."""

    name = "Invoke-Command"
    noun_module = MODULE_NAME
    aliases = ("icm",)
    parameters = (
        Parameter("ScriptBlock", "scriptblock", position=0, mandatory=True,
                  aliases=("Command",)),
        Parameter("ArgumentList", "object[]", aliases=("Args",)),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("NoNewScope", "switch", sets=("InProcess",)),
        Parameter("ComputerName", "string[]", mandatory=True, sets=("ComputerName",),
                  aliases=("Cn",)),
        Parameter("Session", "object[]", mandatory=True, sets=("Session",)),
        Parameter("Credential", "object", sets=("ComputerName",)),
        Parameter("Port", "int", sets=("ComputerName",)),
        Parameter("UseSSL", "switch", sets=("ComputerName",)),
        Parameter("Authentication", "string", sets=("ComputerName",)),
        Parameter("ThrottleLimit", "int", sets=("ComputerName", "Session")),
        Parameter("AsJob", "switch", sets=("ComputerName", "Session")),
        Parameter("HideComputerName", "switch", sets=("ComputerName", "Session"),
                  aliases=("HCN",)),
        Parameter("JobName", "string", sets=("ComputerName", "Session")),
    )
    default_set = "InProcess"
    output_type = "System.Object"

    def begin(self) -> None:
        if self.parameter_set_name in ("ComputerName", "Session"):
            raise command_error(
                self, "not supported in asrsim: remote Invoke-Command (use the remote backend)",
                "NotSupported", "NotImplemented")
        self.inputs: list[Any] = []
        self.piped = False

    def process(self) -> None:
        if self.current_input is not NO_INPUT:
            self.piped = True
            self.inputs.append(self.param("InputObject"))
        elif self.has("InputObject"):
            self.inputs.append(self.param("InputObject"))

    def end(self) -> None:
        block = self.param("ScriptBlock")
        results = self.context.invoke_script_block(
            block, args=as_list(self.param("ArgumentList")),
            input_objects=self.inputs, new_scope=not self.param("NoNewScope"))
        for value in results:
            self.write_object(value)


class InvokeExpression(Cmdlet):
    """Runs commands or expressions on the local computer.

    The string is parsed and run in the caller's scope, as if it were written there; a
    string that does not parse is a parse error of its own."""

    name = "Invoke-Expression"
    noun_module = MODULE_NAME
    aliases = ("iex",)
    parameters = (
        Parameter("Command", "string", position=0, mandatory=True, pipeline=True),
    )
    output_type = "System.Object"

    def process(self) -> None:
        from asrsim.lang.runtime import invoke_script

        text = self.param("Command") or ""
        runtime = self.context.runtime
        try:
            block = runtime.parse(text, None)
        except ParseException as error:
            record = error.record
            record.fully_qualified_error_id = (
                f"{record.fully_qualified_error_id},{dotnet_command(self.name)}")
            raise
        ctx = self.context.context
        scope = ctx.scope
        # invoke_script sets $args and $PSBoundParameters in the scope it runs in; the
        # caller's own must survive (PowerShell's Invoke-Expression does not touch them)
        saved = {}
        for key in ("args", "psboundparameters"):
            variable = scope.variables.get(key)
            saved[key] = None if variable is None else (variable, variable.value)
        try:
            invoke_script(ctx, block, [], new_scope=False, emit=self._emit)
        finally:
            for key, kept in saved.items():
                if kept is None:
                    scope.variables.pop(key, None)
                else:
                    kept[0].value = kept[1]
                    scope.variables[key] = kept[0]

    def _emit(self, value: Any) -> None:
        if value is not NOTHING:
            self.write_object(value)


# =============================================================================================
# aliases
# =============================================================================================


class GetAlias(Cmdlet):
    """Gets the aliases for the current session.

    -Name (wildcards) selects aliases by name, -Definition by the command they stand for."""

    name = "Get-Alias"
    noun_module = "Microsoft.PowerShell.Utility"
    aliases = ("gal",)
    parameters = (
        Parameter("Name", "string[]", position=0, sets=("Default",), pipeline=True,
                  pipeline_by_name=True),
        Parameter("Definition", "string[]", mandatory=True, sets=("Definition",)),
        Parameter("Exclude", "string[]"),
        Parameter("Scope", "string"),
    )
    default_set = "Default"
    output_type = "System.Management.Automation.AliasInfo"

    def process(self) -> None:
        runtime = self.context.runtime
        aliases = all_aliases(runtime)
        excluded = [text_of(x) for x in as_list(self.param("Exclude"))]
        items = sorted(aliases.items())
        if self.parameter_set_name == "Definition":
            for definition in [text_of(d) for d in as_list(self.param("Definition"))]:
                chosen = [(a, t) for a, t in items if wildcard_match(definition, t)
                          and not matches_any(excluded, a)]
                if not chosen and not has_wildcard(definition):
                    self._missing("definition", definition)
                for alias, target in chosen:
                    self.write_object(alias_info(runtime, alias, target))
            return
        for pattern in [text_of(n) for n in as_list(self.param("Name"))] or ["*"]:
            chosen = [(a, t) for a, t in items if wildcard_match(pattern, a)
                      and not matches_any(excluded, a)]
            if not chosen and not has_wildcard(pattern):
                self._missing("name", pattern)
            for alias, target in chosen:
                self.write_object(alias_info(runtime, alias, target))

    def _missing(self, what: str, value: str) -> None:
        report(self, "This command cannot find a matching alias because an alias with the "
               f"{what} '{value}' does not exist.", "ItemNotFoundException", "ObjectNotFound",
               target=value, exception_type="System.Management.Automation.ItemNotFoundException")


_ALIAS_PARAMETERS = (
    Parameter("Name", "string", position=0, mandatory=True, pipeline_by_name=True),
    Parameter("Value", "string", position=1, mandatory=True, pipeline_by_name=True),
    Parameter("Description", "string", pipeline_by_name=True),
    Parameter("Option", "string[]", pipeline_by_name=True,
              validate_set=("None", "ReadOnly", "Constant", "Private", "AllScope",
                            "Unspecified")),
    Parameter("PassThru", "switch"),
    Parameter("Scope", "string", pipeline_by_name=True),
    Parameter("Force", "switch"),
)


class _AliasCommand(Cmdlet):
    noun_module = "Microsoft.PowerShell.Utility"
    parameters = _ALIAS_PARAMETERS
    supports_should_process = True
    output_type = "System.Management.Automation.AliasInfo"
    replace_existing: ClassVar[bool] = True
    action: ClassVar[str] = "Set Alias"

    def process(self) -> None:
        runtime = self.context.runtime
        name = self.param("Name") or ""
        value = self.param("Value") or ""
        folded = name.casefold()
        key = "alias:" + folded
        # session aliases live in the global scope's function table, where command lookup
        # looks first (asrsim has one alias table per session)
        functions = runtime.global_scope.functions
        exists = key in functions or runtime.commands.resolve_alias(name) is not None
        if exists and not self.replace_existing and not self.param("Force"):
            report(self, f"The alias is not allowed, because an alias with the name '{name}' "
                   "already exists.", "AliasAlreadyExists", "ResourceExists", target=name,
                   exception_type="System.Management.Automation.SessionStateException")
            return
        if not self.should_process(f"Name: {name} Value: {value}", self.action):
            return
        functions[key] = value
        state = core_state(runtime)
        state.alias_names[folded] = name
        if self.has("Description"):
            state.alias_descriptions[folded] = self.param("Description") or ""
        if self.param("PassThru"):
            self.write_object(alias_info(runtime, name, value))


class NewAlias(_AliasCommand):
    """Creates a new alias.

    An alias that already exists is an error unless -Force is given."""

    name = "New-Alias"
    aliases = ("nal",)
    replace_existing = False
    action = "New Alias"


class SetAlias(_AliasCommand):
    """Creates or changes an alias for a cmdlet or other command in the current PowerShell
    session."""

    name = "Set-Alias"
    aliases = ("sal",)
    replace_existing = True
    action = "Set Alias"


# =============================================================================================
# the module
# =============================================================================================

CMDLETS: tuple[type[Cmdlet], ...] = (
    WhereObject, ForEachObject, GetCommand, GetHelp, GetModule, ImportModule, SetStrictMode,
    InvokeCommand, InvokeExpression, GetAlias, NewAlias, SetAlias,
)


def register(runtime: Runtime, session: Any) -> None:
    """PowerShell's default aliases (of the commands this session has), module versions and
    the format views of command, alias, module and help objects."""
    state = core_state(runtime)
    for module in getattr(session, "modules", ()):
        version = getattr(module, "MODULE_VERSION", None)
        module_name = getattr(module, "MODULE_NAME", None)
        if version and module_name:
            state.module_versions[str(module_name).casefold()] = str(version)
    existing = runtime.commands.aliases()
    for alias, target in DEFAULT_ALIASES.items():
        if alias not in existing and runtime.commands.find(target) is not None:
            runtime.commands.add_alias(alias, target)
    for module in ("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility"):
        if module in runtime.commands.modules:
            state.loaded[module.casefold()] = module_info(
                runtime, module, list(runtime.commands.modules[module]))
    _register_views(runtime)


def _command_name_column(item: Any) -> Any:
    if isinstance(item, PSObject) and item.get("CommandType") == "Alias":
        return item.get("DisplayName")
    return item.get("Name") if isinstance(item, PSObject) else item


def _exported_commands(item: Any) -> Any:
    exported = item.get("ExportedCommands") if isinstance(item, PSObject) else None
    return list(exported.keys()) if isinstance(exported, Hashtable) else []


def _register_views(runtime: Runtime) -> None:
    from asrsim.lang.formatting import Column, CustomView, TableView, prop

    views = runtime.views
    # PowerShell's CommandInfo view (PowerShellCore_format_ps1xml.cs); an alias shows as
    # "gci -> Get-ChildItem" in the Name column
    command_columns = (
        prop("CommandType", width=15),
        Column("Name", _command_name_column, 50),
        prop("Version", width=10),
        prop("Source"),
    )
    views.register(TableView((CMDLET_TYPE_NAMES[0], FUNCTION_TYPE_NAMES[0],
                              FILTER_TYPE_NAMES[0], ALIAS_TYPE_NAMES[0],
                              SCRIPT_TYPE_NAMES[0]), command_columns))
    views.register(TableView((MODULE_TYPE_NAMES[0],), (
        prop("ModuleType", width=10, alignment="Left"),
        prop("Version", width=10, alignment="Left"),
        prop("PreRelease", width=10, alignment="Left"),
        prop("Name", width=35, alignment="Left"),
        Column("ExportedCommands", _exported_commands, None, "Left"),
    )))
    views.register(TableView(("HelpInfoShort",), (
        prop("Name", width=33), prop("Category", width=9), prop("Module", width=25),
        prop("Synopsis"),
    )))
    views.register(CustomView((HELP_TYPE_NAMES[0],), _help_text))


def _help_text(item: Any) -> str:
    # the host writes a blank line before a custom view's text already
    return text_of(item).lstrip("\n").rstrip("\n") + "\n"


__all__ = ["CMDLETS", "MODULE_NAME", "register"]

