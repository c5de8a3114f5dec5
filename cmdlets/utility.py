"""Microsoft.PowerShell.Utility: the object cmdlets (Select/Sort/Group/Measure/Compare-Object,
Get-Member, New-Object, Add-Member), the Write-* and Out-* cmdlets, Format-Table/List/Wide,
JSON and CSV conversion, dates, sleeping, random numbers and string helpers.

Behaviour, parameter sets, error ids and message texts follow PowerShell 7.4's own sources
(``src/Microsoft.PowerShell.Commands.Utility``) and its documentation. The error ids passed to
``write_error``/``throw_terminating`` are PowerShell's plain ErrorIds; PowerShell qualifies
them with the command's class name (``ExpandPropertyNotFound,Microsoft.PowerShell.Commands.
SelectObjectCommand``), which ``COMMAND_CLASSES`` below lists for the engine.

Per-object work in ``process()`` is kept small: parameters are parsed once in ``begin()``
and formatting happens once, in ``end()``.
"""

from __future__ import annotations

import enum
import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cmp_to_key
from typing import TYPE_CHECKING, Any

from asrsim.lang import conversions
from asrsim.lang.commands import NO_INPUT, Cmdlet, Parameter
from asrsim.lang.errors import (
    CATEGORIES,
    ErrorRecord,
    InvocationInfo,
    PSException,
    RuntimeException,
)
from asrsim.lang.operators import wildcard_regex
from asrsim.lang.psobject import (
    NOTHING,
    ArrayList,
    Hashtable,
    PSObject,
    PSScriptProperty,
)
from asrsim.lang.scriptblock import ScriptBlock

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime

MODULE_NAME = "Microsoft.PowerShell.Utility"

PSCUSTOMOBJECT = "System.Management.Automation.PSCustomObject"
MEMBER_TYPES_ENUM = "System.Management.Automation.PSMemberTypes"
CONSOLE_COLOR_ENUM = "System.ConsoleColor"
ERROR_CATEGORY_ENUM = "System.Management.Automation.ErrorCategory"
#: Add-Member -NotePropertyName: a string that is not the name of a member type
NOTE_PROPERTY_NAME = "Microsoft.PowerShell.Commands.AddMemberCommand+NotePropertyName"
_SELECTED_BASES = (PSCUSTOMOBJECT, "System.Object")

#: cmdlet name -> the .NET class PowerShell names in a FullyQualifiedErrorId
COMMAND_CLASSES = {
    "Select-Object": "Microsoft.PowerShell.Commands.SelectObjectCommand",
    "Sort-Object": "Microsoft.PowerShell.Commands.SortObjectCommand",
    "Group-Object": "Microsoft.PowerShell.Commands.GroupObjectCommand",
    "Measure-Object": "Microsoft.PowerShell.Commands.MeasureObjectCommand",
    "Compare-Object": "Microsoft.PowerShell.Commands.CompareObjectCommand",
    "Tee-Object": "Microsoft.PowerShell.Commands.TeeObjectCommand",
    "Get-Member": "Microsoft.PowerShell.Commands.GetMemberCommand",
    "New-Object": "Microsoft.PowerShell.Commands.NewObjectCommand",
    "Add-Member": "Microsoft.PowerShell.Commands.AddMemberCommand",
    "Write-Output": "Microsoft.PowerShell.Commands.WriteOutputCommand",
    "Write-Host": "Microsoft.PowerShell.Commands.WriteHostCommand",
    "Write-Error": "Microsoft.PowerShell.Commands.WriteErrorCommand",
    "Write-Warning": "Microsoft.PowerShell.Commands.WriteWarningCommand",
    "Write-Verbose": "Microsoft.PowerShell.Commands.WriteVerboseCommand",
    "Write-Debug": "Microsoft.PowerShell.Commands.WriteDebugCommand",
    "Write-Information": "Microsoft.PowerShell.Commands.WriteInformationCommand",
    "Write-Progress": "Microsoft.PowerShell.Commands.WriteProgressCommand",
    "Out-Null": "Microsoft.PowerShell.Commands.OutNullCommand",
    "Out-Host": "Microsoft.PowerShell.Commands.OutHostCommand",
    "Out-String": "Microsoft.PowerShell.Commands.OutStringCommand",
    "Out-File": "Microsoft.PowerShell.Commands.OutFileCommand",
    "Format-Table": "Microsoft.PowerShell.Commands.FormatTableCommand",
    "Format-List": "Microsoft.PowerShell.Commands.FormatListCommand",
    "Format-Wide": "Microsoft.PowerShell.Commands.FormatWideCommand",
    "ConvertTo-Json": "Microsoft.PowerShell.Commands.ConvertToJsonCommand",
    "ConvertFrom-Json": "Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
    "ConvertTo-Csv": "Microsoft.PowerShell.Commands.ConvertToCsvCommand",
    "ConvertFrom-Csv": "Microsoft.PowerShell.Commands.ConvertFromCsvCommand",
    "Export-Csv": "Microsoft.PowerShell.Commands.ExportCsvCommand",
    "Import-Csv": "Microsoft.PowerShell.Commands.ImportCsvCommand",
    "Get-Date": "Microsoft.PowerShell.Commands.GetDateCommand",
    "Start-Sleep": "Microsoft.PowerShell.Commands.StartSleepCommand",
    "Get-Random": "Microsoft.PowerShell.Commands.GetRandomCommand",
    "Get-Unique": "Microsoft.PowerShell.Commands.GetUniqueCommand",
    "New-TimeSpan": "Microsoft.PowerShell.Commands.NewTimeSpanCommand",
    "Get-Culture": "Microsoft.PowerShell.Commands.GetCultureCommand",
    "Join-String": "Microsoft.PowerShell.Commands.JoinStringCommand",
    "Select-String": "Microsoft.PowerShell.Commands.SelectStringCommand",
}

_MISSING = object()


# =============================================================================================
# value helpers: the one place this module touches conversions and members
# =============================================================================================


def _to_string(value: Any) -> str:
    """PowerShell's string conversion ("$x")."""
    if isinstance(value, str):
        return value
    return str(conversions.to_string(value))


def _net_string(value: Any) -> str:
    """.NET's ``ToString()`` (culture en-US): what CSV cells and Measure-Object's text use."""
    if isinstance(value, str):
        return value
    from asrsim.lang import dotnet

    return str(dotnet.net_to_string(value))


def _compare(left: Any, right: Any, case_sensitive: bool = False) -> int:
    """LanguagePrimitives.Compare, falling back (as ObjectCommandComparer does) to comparing
    the two values' strings when they are not comparable."""
    if left is None and right is None:
        return 0
    try:
        result = conversions.compare(left, right, case_sensitive)
    except RuntimeException:
        from asrsim.lang import dotnet

        # ObjectCommandComparer compares what PSObject.ToString() gives ("@{a=1}")
        a, b = _to_string(left), _to_string(right)
        if case_sensitive:
            return int(dotnet.culture_compare(a, b)) or (a > b) - (a < b)
        return int(dotnet.culture_compare(a.casefold(), b.casefold()))
    return (result > 0) - (result < 0)


def _equals(left: Any, right: Any, case_sensitive: bool = False) -> bool:
    return bool(conversions.equals(left, right, case_sensitive))


def _single(values: list[Any]) -> Any:
    """What a script block's output is as one value: nothing, the one object, or an array."""
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def _type_name(value: Any) -> str:
    """The .NET full name of a value's type (first type name of a PSObject)."""
    if isinstance(value, PSObject):
        return value.type_name
    return str(conversions.type_name_of(value))


def _base_type_name(value: Any) -> str:
    """``InputObject.BaseObject.GetType()``: a Select-Object result is a PSCustomObject
    whatever its first type name says."""
    if isinstance(value, PSObject):
        name = value.type_name
        return PSCUSTOMOBJECT if name.startswith("Selected.") else name
    return _type_name(value)


def _is_number(value: Any) -> bool:
    from decimal import Decimal

    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _is_enumerable(value: Any) -> bool:
    return isinstance(value, list | tuple) and not isinstance(value, Hashtable)


# -- wildcards ---------------------------------------------------------------------------------

_WILDCARD_CHARS = frozenset("*?[")


def has_wildcard(text: str) -> bool:
    return any(c in _WILDCARD_CHARS for c in text)


def _property_names(value: Any) -> list[str]:
    """The names ``-Property *`` expands to: a PSObject's properties, a .NET value's
    (adapted) properties."""
    if isinstance(value, PSObject):
        return value.property_names()
    if value is None:
        return []
    from asrsim.lang import dotnet

    try:
        return list(dotnet.property_names(value))
    except RuntimeException:
        return []


class _Members:
    """Property access for one running cmdlet (PowerShell's PSPropertyExpression)."""

    __slots__ = ("cmdlet", "ctx")

    def __init__(self, cmdlet: Cmdlet) -> None:
        self.cmdlet = cmdlet
        self.ctx = cmdlet.context.context

    def get(self, value: Any, name: str) -> Any:
        """The member's value, or ``_MISSING``."""
        if isinstance(value, PSObject) and value.has_property(name):
            return value.get(name)
        if isinstance(value, Hashtable):
            # PowerShell 7 selects a hashtable's entries as properties, then its own members
            if name in value:
                return value[name]
            from asrsim.lang import dotnet

            found = dotnet.get_property(value, name)
            return _MISSING if found is dotnet.MISSING else found
        if value is None:
            return _MISSING
        from asrsim.lang.members import MISSING, get_member

        found = get_member(self.ctx, value, name)
        return _MISSING if found is MISSING else found

    def actual_name(self, value: Any, name: str) -> str:
        """A property's name as the object spells it (``select NAME`` shows ``Name``)."""
        folded = name.casefold()
        if isinstance(value, PSObject):
            for existing in value.property_names():
                if existing.casefold() == folded:
                    return existing
            return name
        if isinstance(value, Hashtable):
            key = value.original_key(name)
            return key if isinstance(key, str) else name
        for existing in _property_names(value):
            if existing.casefold() == folded:
                return existing
        return name

    def run(self, block: ScriptBlock, value: Any) -> Any:
        return _single(self.cmdlet.context.invoke_script_block(block, dollar_under=value))


# =============================================================================================
# property specifications: names, wildcards, script blocks and calculated properties
# =============================================================================================


class PropertySpec:
    """One element of a ``-Property`` argument, parsed once in ``begin()``."""

    __slots__ = ("alignment", "ascending", "block", "format_string", "label", "name",
                 "pattern", "width")

    def __init__(self, name: str | None = None, block: ScriptBlock | None = None,
                 label: str | None = None) -> None:
        self.name = name
        self.block = block
        self.label = label
        self.pattern: re.Pattern[str] | None = (
            wildcard_regex(name) if name is not None and has_wildcard(name) else None)
        self.width: int | None = None
        self.alignment: str | None = None
        self.format_string: str | None = None
        self.ascending: bool | None = None

    @property
    def text(self) -> str:
        """The expression as written: a name, or a script block's text."""
        if self.block is not None:
            return str(self.block)
        return self.name or ""

    def resolve(self, members: _Members, value: Any) -> list[tuple[str, Any]]:
        """(name, value) pairs this spec yields for an object; names found by a wildcard,
        the label of a calculated property, an absent property as (name, MISSING)."""
        if self.block is not None:
            return [(self.label or str(self.block), members.run(self.block, value))]
        assert self.name is not None
        if self.pattern is not None:
            matched = [n for n in _property_names(value) if self.pattern.fullmatch(n)]
            if isinstance(value, Hashtable) and not matched:
                matched = [k for k in value if isinstance(k, str) and self.pattern.fullmatch(k)]
            return [(self.label or n, members.get(value, n)) for n in matched]
        found = members.get(value, self.name)
        label = self.label or (members.actual_name(value, self.name)
                               if found is not _MISSING else self.name)
        return [(label, found)]


_KEY_NAMES = {
    "name": "name", "label": "name", "expression": "expression", "width": "width",
    "alignment": "alignment", "formatstring": "formatstring", "ascending": "ascending",
    "descending": "descending",
}


def _match_key(cmdlet: Cmdlet, key: Any, allowed: tuple[str, ...]) -> str:
    if not isinstance(key, str):
        cmdlet.throw_terminating(
            f"The {key} key type is not valid. The key must be a string.",
            "DictionaryKeyNonString", "InvalidArgument")
    folded = key.casefold()
    matches = [k for k in allowed if k.startswith(folded)]
    if folded in allowed:
        matches = [folded]
    if not matches:
        cmdlet.throw_terminating(f"The {key} key is not valid.", "DictionaryKeyIllegal",
                                 "InvalidArgument")
    if len({_KEY_NAMES[m] for m in matches}) > 1:
        cmdlet.throw_terminating(
            f"The {key} key is ambiguous; {matches[0]} and {matches[1]} conflict.",
            "DictionaryKeyAmbiguous", "InvalidArgument")
    return _KEY_NAMES[matches[0]]


def parse_specs(cmdlet: Cmdlet, values: Any, allowed: tuple[str, ...] = ("name", "label",
                                                                          "expression"),
                *, wildcards: bool = True) -> list[PropertySpec]:
    """PowerShell's ParameterProcessor for ``-Property``: strings (wildcards allowed), script
    blocks and hashtables whose keys may be abbreviated (``@{n='x';e={...}}``)."""
    if values is None:
        return []
    items = values if isinstance(values, list) else [values]
    specs: list[PropertySpec] = []
    for item in items:
        if isinstance(item, ScriptBlock):
            specs.append(PropertySpec(block=item))
        elif isinstance(item, Hashtable | dict):
            specs.append(_hashtable_spec(cmdlet, item, allowed))
        elif item is None:
            cmdlet.throw_terminating(
                "The value of a parameter was null; one of the following types was expected: "
                "{System.String, System.Management.Automation.ScriptBlock}.",
                "NullParameterType", "InvalidArgument")
        else:
            text = _to_string(item)
            if not wildcards and has_wildcard(text):
                cmdlet.throw_terminating(f'Wildcard characters are not allowed in "{text}".',
                                         "WildCardCharactersNotAllowed", "InvalidArgument")
            specs.append(PropertySpec(name=text))
    return specs


def _hashtable_spec(cmdlet: Cmdlet, table: dict[Any, Any],
                    allowed: tuple[str, ...]) -> PropertySpec:
    entries: dict[str, Any] = {}
    written: dict[str, str] = {}
    for key, value in table.items():
        canonical = _match_key(cmdlet, key, allowed)
        if canonical in entries:
            cmdlet.throw_terminating(
                f'The duplicated key "{key}" conflicts with "{written[canonical]}".',
                "DictionaryKeyDuplicate", "InvalidArgument")
        entries[canonical] = value
        written[canonical] = str(key)
    if "expression" not in entries:
        cmdlet.throw_terminating("A mandatory entry for expression is missing.",
                                 "DictionaryKeyMandatoryEntry", "InvalidArgument")
    expression = entries["expression"]
    if isinstance(expression, ScriptBlock):
        spec = PropertySpec(block=expression)
    elif isinstance(expression, str):
        spec = PropertySpec(name=expression)
    else:
        cmdlet.throw_terminating(
            f'The "{written["expression"]}" key has a type, {_type_name(expression)}, that is '
            "not valid; expected types are {System.String, "
            "System.Management.Automation.ScriptBlock}.", "DictionaryKeyIllegalType",
            "InvalidArgument")
    if "name" in entries:
        label = entries["name"]
        if label is None or _to_string(label) == "":
            cmdlet.throw_terminating(
                f'The "{written["name"]}" key cannot have an empty string value.',
                "MshExEmptyStringHash", "InvalidArgument")
        spec.label = _to_string(label)
    if "width" in entries:
        width = _to_int(entries["width"])
        if width is None or width <= 0:
            cmdlet.throw_terminating(
                f'The value "{entries["width"]}" for key "{written["width"]}" should be greater '
                "than 0.", "DictionaryKeyOutOfRange", "InvalidArgument")
        spec.width = width
    if "alignment" in entries:
        text = _to_string(entries["alignment"])
        choice = next((a for a in ("Left", "Center", "Right") if a.casefold() == text.casefold()),
                      None)
        if choice is None:
            cmdlet.throw_terminating(
                f'The value "{text}" for key "{written["alignment"]}" is not valid; valid '
                'values are {"left", "center", "right"}.', "DictionaryKeyIllegalValue",
                "InvalidArgument")
        spec.alignment = choice
    if "formatstring" in entries:
        text = _to_string(entries["formatstring"])
        if not text:
            cmdlet.throw_terminating(
                f'Cannot have an empty formatting string for key "{written["formatstring"]}".',
                "DictionaryKeyEmptyFormatString", "InvalidArgument")
        spec.format_string = text
    if "descending" in entries:
        spec.ascending = not conversions.to_bool(entries["descending"])
    if "ascending" in entries:
        spec.ascending = conversions.to_bool(entries["ascending"])
    return spec


def _to_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(conversions.to_number(value))
    except (RuntimeException, TypeError, ValueError):
        return None


def _pipeline_item(cmdlet: Cmdlet, name: str = "InputObject") -> Any:
    """The object this ``process()`` call is about: the pipeline object, or the value given to
    ``-InputObject`` when the cmdlet runs without pipeline input; NO_INPUT for neither."""
    item = cmdlet.current_input
    if item is NO_INPUT:
        return cmdlet.bound.get(name, NO_INPUT)
    return item


def _selected_type_names(value: Any) -> list[str]:
    return [f"Selected.{_base_type_name(value)}", *_SELECTED_BASES]


def _new_object(pairs: Iterable[tuple[str, Any]], type_names: Iterable[str]) -> PSObject:
    return PSObject(list(pairs), list(type_names))


# =============================================================================================
# Select-Object
# =============================================================================================


class SelectObject(Cmdlet):
    """Selects objects or object properties.

    Select-Object selects specified properties of an object or set of objects. It can also
    select unique objects, a specified number of objects, or objects in a specified position
    in an array.
    """

    name = "Select-Object"
    aliases = ("select",)
    default_set = "DefaultParameter"
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0, sets=("DefaultParameter",
                                                              "SkipLastParameter")),
        Parameter("ExcludeProperty", "string[]", sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("ExpandProperty", "string", sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("Unique", "switch"),
        Parameter("CaseInsensitive", "switch"),
        Parameter("Last", "int", sets=("DefaultParameter",), validate_range=(0, 2147483647)),
        Parameter("First", "int", sets=("DefaultParameter",), validate_range=(0, 2147483647)),
        Parameter("Skip", "int", sets=("DefaultParameter",), validate_range=(0, 2147483647)),
        Parameter("SkipLast", "int", sets=("SkipLastParameter",),
                  validate_range=(0, 2147483647)),
        Parameter("Wait", "switch", sets=("DefaultParameter", "IndexParameter")),
        Parameter("Index", "int[]", sets=("IndexParameter",), validate_range=(0, 2147483647)),
        Parameter("SkipIndex", "int[]", sets=("SkipIndexParameter",),
                  validate_range=(0, 2147483647)),
    )

    def begin(self) -> None:
        self.members = _Members(self)
        self.specs = parse_specs(self, self.param("Property"))
        self.expand = self.param("ExpandProperty") or None
        excluded = self.param("ExcludeProperty")
        self.exclude = [wildcard_regex(p) for p in excluded] if excluded else None
        if self.exclude is not None and not self.specs:
            # -ExcludeProperty implies -Property *
            self.specs = [PropertySpec(name="*")]
        self.unique = bool(self.param("Unique"))
        self.unique_case = not self.param("CaseInsensitive")
        self.uniques: list[tuple[Any, list[tuple[str, Any]]]] = []
        self.first = int(self.param("First", 0) or 0)
        self.last = int(self.param("Last", 0) or 0)
        self.skip = int(self.param("Skip", 0) or 0)
        self.skip_last = int(self.param("SkipLast", 0) or 0)
        self.first_or_last = self.has("First") or self.has("Last")
        self.queue: deque[Any] = deque()
        self.streamed = 0
        self.done = False
        index = self.param("Index")
        skip_index = self.param("SkipIndex")
        self.index: list[int] | None = None
        self.include_index = True
        if index is not None:
            self.index = sorted(int(i) for i in index)
        elif skip_index is not None:
            self.index = sorted(int(i) for i in skip_index)
            self.include_index = False
        self.filter_position = 0
        self.object_position = 0
        self.passthrough = not self.specs and not self.expand and not self.unique

    # -- the queue of -First/-Last/-Skip/-SkipLast (SelectObjectQueue) --------------------

    def _enqueue(self, item: Any) -> None:
        queue = self.queue
        limit = self.last + self.skip if self.first == 0 else self.last
        if self.last > 0 and len(queue) >= limit:
            queue.popleft()
        queue.append(item)

    def _streaming_dequeue(self) -> Any:
        queue = self.queue
        if self.skip == 0:
            if self.skip_last > 0:
                if len(queue) > self.skip_last:
                    return queue.popleft()
            else:
                if self.streamed < self.first or not self.first_or_last:
                    self.streamed += 1
                    return queue.popleft()
                if self.last == 0:
                    queue.popleft()
        elif self.last == 0:
            queue.popleft()
            self.skip -= 1
        elif self.first != 0:
            self.skip -= 1
            queue.popleft()
        return NO_INPUT

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is None or self.done:
            return
        if self.index is not None:
            self._process_indexed(item)
            return
        if (self.passthrough and not self.first_or_last and self.skip == 0
                and self.skip_last == 0):
            self.write_object(item)
            return
        self._enqueue(item)
        ready = self._streaming_dequeue()
        if ready is not NO_INPUT:
            self._select(ready)
        if (self.first_or_last and self.last == 0 and self.first != 0
                and self.streamed >= self.first):
            # PowerShell stops the upstream commands here (StopUpstreamCommandsException)
            self.done = True
            self.stop_upstream()

    def _process_indexed(self, item: Any) -> None:
        index = self.index
        assert index is not None
        position = self.object_position
        self.object_position += 1
        if self.include_index:
            if self.filter_position < len(index) and index[self.filter_position] == position:
                self._select(item)
                while self.filter_position < len(index) and index[self.filter_position] == position:
                    self.filter_position += 1
            if self.filter_position >= len(index) and not self.param("Wait"):
                self.done = True
        else:
            if self.filter_position < len(index) and index[self.filter_position] == position:
                while self.filter_position < len(index) and index[self.filter_position] == position:
                    self.filter_position += 1
            else:
                self._select(item)

    def end(self) -> None:
        if self.parameter_set_name == "DefaultParameter":
            queue = self.queue
            if self.first != 0:
                while queue:
                    self._select(queue.popleft())
            else:
                while len(queue) > self.skip:
                    self._select(queue.popleft())
        for obj, _ in self.uniques:
            self.write_object(obj)

    # -- selecting properties -------------------------------------------------------------

    def _excluded(self, name: str) -> bool:
        return self.exclude is not None and any(p.fullmatch(name) for p in self.exclude)

    def _select(self, item: Any) -> None:
        try:
            self._select_one(item)
        except _SelectError as error:
            self.write_error(error.message, error.error_id, error.category, item)

    def _select_one(self, item: Any) -> None:
        if not self.specs and not self.expand:
            self._emit(item, [])
            return
        matched: list[tuple[str, Any]] = []
        for spec in self.specs:
            pairs = spec.resolve(self.members, item)
            if spec.pattern is not None:
                pairs = [(n, v) for n, v in pairs if not self._excluded(n)]
            elif spec.block is None and self._excluded(pairs[0][0]):
                continue
            matched.extend((n, None if v is _MISSING else v) for n, v in pairs)
        if not self.expand:
            seen: set[str] = set()
            props: list[tuple[str, Any]] = []
            for name, value in matched:
                if name.casefold() in seen:
                    self.write_error(
                        f'The property cannot be processed because the property "{name}" '
                        "already exists.", "AlreadyExistingUserSpecifiedPropertyNoExpand",
                        "InvalidOperation", item)
                    continue
                seen.add(name.casefold())
                props.append((name, value))
            self._emit(_new_object(props, _selected_type_names(item)), props)
            return
        self._expand(item, matched)

    def _expand(self, item: Any, matched: list[tuple[str, Any]]) -> None:
        assert self.expand is not None
        spec = PropertySpec(name=self.expand)
        pairs = [(n, v) for n, v in spec.resolve(self.members, item) if v is not _MISSING]
        if not pairs:
            raise _SelectError(f'Property "{self.expand}" cannot be found.',
                               "ExpandPropertyNotFound", "InvalidArgument")
        if len(pairs) > 1:
            raise _SelectError("Multiple properties cannot be expanded.",
                               "MutlipleExpandProperties", "InvalidArgument")
        value = pairs[0][1]
        if value is None:
            return
        values = value if _is_enumerable(value) else [value]
        for element in values:
            if element is None:
                continue
            if matched and isinstance(element, PSObject):
                # PowerShell adds the selected properties to the expanded object itself
                for name, prop in matched:
                    if element.has_property(name):
                        self.write_error(
                            f'The property cannot be processed because the property "{name}" '
                            "already exists.", "AlreadyExistingUserSpecifiedPropertyExpand",
                            "InvalidOperation", item)
                    else:
                        element.add_property(name, prop)
            self._emit(element, matched)

    def _emit(self, obj: Any, added: list[tuple[str, Any]]) -> None:
        if not self.unique:
            self.write_object(obj)
            return
        case = self.unique_case
        for written, notes in self.uniques:
            if len(notes) != len(added):
                continue
            if added:
                if all(n1.casefold() == n2.casefold() and _compare(v1, v2, case) == 0
                       for (n1, v1), (n2, v2) in zip(notes, added, strict=True)):
                    return
            elif _unique_equal(written, obj, case):
                return
        self.uniques.append((obj, added))


class _SelectError(Exception):
    def __init__(self, message: str, error_id: str, category: str) -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category


def _unique_equal(left: Any, right: Any, case_sensitive: bool) -> bool:
    if isinstance(left, PSObject) and isinstance(right, PSObject):
        a, b = list(left.properties()), list(right.properties())
        return len(a) == len(b) and all(
            n1.casefold() == n2.casefold() and _compare(v1, v2, case_sensitive) == 0
            for (n1, v1), (n2, v2) in zip(a, b, strict=True))
    return _compare(left, right, case_sensitive) == 0


# =============================================================================================
# ordering: Sort-Object, Group-Object (PowerShell's OrderByProperty / ObjectCommandComparer)
# =============================================================================================


class _Entry:
    """An input object with its key values (``_MISSING`` for a property it does not have)."""

    __slots__ = ("item", "keys")

    def __init__(self, item: Any, keys: list[Any]) -> None:
        self.item = item
        self.keys = keys


def _entry_keys(members: _Members, specs: list[PropertySpec], item: Any) -> list[Any]:
    if not specs:
        return [item]
    keys: list[Any] = []
    for spec in specs:
        if spec.block is not None:
            keys.append(members.run(spec.block, item))
            continue
        pairs = spec.resolve(members, item)
        if not pairs:
            keys.append(_MISSING)
        else:
            keys.extend(value for _, value in pairs)
    return keys


def _entry_comparer(ascending: list[bool], case_sensitive: bool
                    ) -> Callable[[_Entry, _Entry], int]:
    def compare(a: _Entry, b: _Entry) -> int:
        for index, (x, y) in enumerate(zip(a.keys, b.keys, strict=False)):
            if x is _MISSING or y is _MISSING:
                # a missing property sorts after every value, whatever the order
                if x is _MISSING and y is _MISSING:
                    continue
                return 1 if x is _MISSING else -1
            result = _compare(x, y, case_sensitive)
            if result:
                up = ascending[index] if index < len(ascending) else ascending[-1]
                return result if up else -result
        return 0

    return compare


class SortObject(Cmdlet):
    """Sorts objects by property values.

    Sort-Object sorts objects in ascending or descending order based on object property
    values. If sort properties aren't included in a command, PowerShell sorts the objects
    themselves.
    """

    name = "Sort-Object"
    aliases = ("sort",)
    default_set = "Default"
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("Stable", "switch", sets=("Default",)),
        Parameter("Descending", "switch"),
        Parameter("Unique", "switch"),
        Parameter("Top", "int", sets=("Top",), mandatory=True, validate_range=(1, 2147483647)),
        Parameter("Bottom", "int", sets=("Bottom",), mandatory=True,
                  validate_range=(1, 2147483647)),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self) -> None:
        self.members = _Members(self)
        self.specs = parse_specs(self, self.param("Property"),
                                 ("expression", "ascending", "descending"))
        descending = bool(self.param("Descending"))
        self.ascending = [not descending if s.ascending is None else s.ascending
                          for s in self.specs] or [not descending]
        self.case_sensitive = bool(self.param("CaseSensitive"))
        self.entries: list[_Entry] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT:
            return
        self.entries.append(_Entry(item, _entry_keys(self.members, self.specs, item)))

    def end(self) -> None:
        compare = _entry_comparer(self.ascending, self.case_sensitive)
        entries = sorted(self.entries, key=cmp_to_key(compare))
        if self.param("Unique"):
            kept: list[_Entry] = []
            for entry in entries:
                if not kept or compare(kept[-1], entry) != 0:
                    kept.append(entry)
            entries = kept
        if self.has("Top"):
            entries = entries[:int(self.param("Top"))]
        elif self.has("Bottom"):
            count = int(self.param("Bottom"))
            entries = entries[-count:] if count else []
        for entry in entries:
            self.write_object(entry.item)


def _group_name(values: list[Any]) -> str:
    """GroupInfo.Name: the values' ToString(), a collection as ``{a, b}``, joined by ", "."""
    parts: list[str] = []
    for value in values:
        if value is None or value is _MISSING:
            continue
        if _is_enumerable(value):
            parts.append("{" + ", ".join(_net_string(v) for v in value) + "}")
        else:
            parts.append(_net_string(value))
    return ", ".join(parts)


GROUP_INFO = "Microsoft.PowerShell.Commands.GroupInfo"
GROUP_INFO_NO_ELEMENT = "Microsoft.PowerShell.Commands.GroupInfoNoElement"


class GroupObject(Cmdlet):
    """Groups objects that contain the same value for specified properties.

    Group-Object displays objects in groups based on the value of a specified property. It
    returns a table with one row for each property value and a column that displays the number
    of items with that value.
    """

    name = "Group-Object"
    aliases = ("group",)
    output_type = "Microsoft.PowerShell.Commands.GroupInfo"
    parameters = (
        Parameter("NoElement", "switch"),
        Parameter("AsHashTable", "switch", aliases=("AHT",)),
        Parameter("AsString", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self) -> None:
        self.members = _Members(self)
        self.specs = parse_specs(self, self.param("Property"), ("expression",))
        self.case_sensitive = bool(self.param("CaseSensitive"))
        self.entries: list[_Entry] = []
        as_hash = bool(self.param("AsHashTable"))
        if self.param("AsString") and not as_hash:
            self.throw_terminating(
                "The command cannot be run because the AsString parameter requires that you "
                "specify the AsHashtable parameter.", "ArgumentException", "InvalidArgument")
        if as_hash and not self.param("AsString") and len(self.specs) > 1:
            self.throw_terminating(
                "The command cannot be run because using the AsHashTable parameter with more "
                "than one property requires adding the AsString parameter.",
                "ArgumentException", "InvalidArgument")

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is None:
            return
        keys = _entry_keys(self.members, self.specs, item)
        self.entries.append(_Entry(item, [None if k is _MISSING else k for k in keys]))

    def end(self) -> None:
        if not self.entries:
            return
        compare = _entry_comparer([True], self.case_sensitive)
        groups: list[tuple[_Entry, list[Any]]] = []
        if self._same_types():
            # PowerShell sorts (stably) when every key has one type, then groups runs
            for entry in sorted(self.entries, key=cmp_to_key(compare)):
                if groups and compare(groups[-1][0], entry) == 0:
                    groups[-1][1].append(entry.item)
                else:
                    groups.append((entry, [entry.item]))
        else:
            for entry in self.entries:
                for first, members in groups:
                    if compare(first, entry) == 0:
                        members.append(entry.item)
                        break
                else:
                    groups.append((entry, [entry.item]))
        no_element = bool(self.param("NoElement"))
        if self.param("AsHashTable"):
            table = Hashtable()
            for first, members in groups:
                key = _group_name(first.keys) if self.param("AsString") else first.keys[0]
                if key in table:
                    self.write_error(
                        "The objects grouped by this property cannot be expanded because there "
                        "is a key duplication. Provide a valid value for the property, and then "
                        "try again.", "InvalidOperation", "InvalidArgument")
                    return
                table[key] = [] if no_element else ArrayList(members)
            self.write_object(table)
            return
        for first, members in groups:
            self.write_object(_group_info(first.keys, members, no_element))

    def _same_types(self) -> bool:
        candidate: list[type | None] | None = None
        for entry in self.entries:
            types = [None if k is None else type(k) for k in entry.keys]
            if candidate is None:
                candidate = types
                continue
            if len(candidate) != len(types):
                return False
            for index, kind in enumerate(types):
                if kind is None:
                    continue
                if candidate[index] is None:
                    candidate[index] = kind
                elif candidate[index] is not kind:
                    return False
        return True


def _group_info(values: list[Any], members: list[Any], no_element: bool) -> PSObject:
    if no_element:
        return PSObject([("Name", _group_name(values)), ("Count", len(members)),
                         ("Group", []), ("Values", ArrayList(values))],
                        (GROUP_INFO_NO_ELEMENT, GROUP_INFO, "System.Object"))
    return PSObject([("Name", _group_name(values)), ("Count", len(members)),
                     ("Group", list(members)), ("Values", ArrayList(values))],
                    (GROUP_INFO, "System.Object"))


# =============================================================================================
# Measure-Object
# =============================================================================================

GENERIC_MEASURE_INFO = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
GENERIC_OBJECT_MEASURE_INFO = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
TEXT_MEASURE_INFO = "Microsoft.PowerShell.Commands.TextMeasureInfo"


class _Stats:
    __slots__ = ("characters", "count", "lines", "maximum", "minimum", "sum", "sum_squares",
                 "words")

    def __init__(self) -> None:
        self.count = 0
        self.sum = 0.0
        self.sum_squares = 0.0
        self.minimum: Any = None
        self.maximum: Any = None
        self.lines = 0
        self.words = 0
        self.characters = 0


def _as_double(value: Any) -> float | None:
    """LanguagePrimitives.TryConvertTo<double>, or None."""
    kind = type(value)
    if kind is int or kind is float:
        return float(value)
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    try:
        return float(conversions.to_number(value))
    except (RuntimeException, TypeError, ValueError, OverflowError):
        return None


def _count_words(text: str) -> int:
    return len(text.split())


def _count_lines(text: str) -> int:
    if not text:
        return 0
    lines = text.count("\n")
    return lines if text.endswith("\n") else lines + 1


class MeasureObject(Cmdlet):
    """Calculates the numeric properties of objects, and the characters, words, and lines in
    string objects, such as files of text.

    Measure-Object counts objects, computes the minimum, maximum, sum, standard deviation and
    average of numeric values, and counts the lines, words and characters of strings.
    """

    name = "Measure-Object"
    aliases = ("measure",)
    default_set = "GenericMeasure"
    output_type = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("StandardDeviation", "switch", sets=("GenericMeasure",)),
        Parameter("Sum", "switch", sets=("GenericMeasure",)),
        Parameter("AllStats", "switch", sets=("GenericMeasure",)),
        Parameter("Average", "switch", sets=("GenericMeasure",)),
        Parameter("Maximum", "switch", sets=("GenericMeasure",)),
        Parameter("Minimum", "switch", sets=("GenericMeasure",)),
        Parameter("Line", "switch", sets=("TextMeasure",)),
        Parameter("Word", "switch", sets=("TextMeasure",)),
        Parameter("Character", "switch", sets=("TextMeasure",)),
        Parameter("IgnoreWhiteSpace", "switch", sets=("TextMeasure",)),
    )

    def begin(self) -> None:
        every = bool(self.param("AllStats"))
        self.sum = every or bool(self.param("Sum"))
        self.average = every or bool(self.param("Average"))
        self.deviation = every or bool(self.param("StandardDeviation"))
        self.maximum = every or bool(self.param("Maximum"))
        self.minimum = every or bool(self.param("Minimum"))
        self.lines = bool(self.param("Line"))
        self.words = bool(self.param("Word"))
        self.characters = bool(self.param("Character"))
        self.ignore_white = bool(self.param("IgnoreWhiteSpace"))
        self.text = self.lines or self.words or self.characters
        self.numeric = self.sum or self.average or self.deviation
        self.plain = not (self.text or self.numeric or self.maximum or self.minimum)
        self.has_property = self.has("Property") and self.param("Property") is not None
        self.specs = parse_specs(self, self.param("Property"), ()) if self.has_property else []
        self.members = _Members(self)
        self.stats: dict[str, _Stats] = {}
        self.names: dict[str, str] = {}
        self.non_numeric = False
        self.total = 0
        self.this = _Stats()

    def process(self) -> None:
        item = self.current_input
        if item is NO_INPUT:
            item = self.bound.get("InputObject", NO_INPUT)
            if item is NO_INPUT:
                return
        if item is None:
            return
        self.total += 1
        if not self.has_property:
            if self.plain:
                self.this.count += 1
            else:
                self._analyze(self.this, item)
            return
        counted: set[str] = set()
        for spec in self.specs:
            pairs = spec.resolve(self.members, item)
            if spec.pattern is None and spec.block is None and pairs[0][1] is _MISSING:
                self._stat(spec.text)  # remembered, so that a miss is known at the end
                continue
            for name, value in pairs:
                folded = name.casefold()
                if folded in counted or value is _MISSING:
                    continue
                counted.add(folded)
                self._analyze(self._stat(name), value)

    def _stat(self, name: str) -> _Stats:
        folded = name.casefold()
        stat = self.stats.get(folded)
        if stat is None:
            stat = self.stats[folded] = _Stats()
            self.names[folded] = name
        return stat

    def _analyze(self, stat: _Stats, value: Any) -> None:
        stat.count += 1
        if self.text:
            text = "" if value is None else _net_string(value)
            if self.characters:
                stat.characters += (sum(1 for c in text if not c.isspace())
                                    if self.ignore_white else len(text))
            if self.words:
                stat.words += _count_words(text)
            if self.lines:
                stat.lines += _count_lines(text)
        if self.numeric:
            number = _as_double(value)
            if number is None:
                self.non_numeric = True
                self.write_error(f'Input object "{_to_string(value)}" is not numeric.',
                                 "NonNumericInputObject", "InvalidType", value)
                return
            stat.sum += number
            stat.sum_squares += number * number
        if self.minimum:
            stat.minimum = _min_max(value, stat.minimum, True)
        if self.maximum:
            stat.maximum = _min_max(value, stat.maximum, False)

    def end(self) -> None:
        if not self.has_property:
            self.write_object(self._result(self.this, None))
            return
        for folded, stat in self.stats.items():
            if stat.count == 0:
                # PowerShell 7.3+ reports a property no object had only in strict mode
                scope = self.context.scope
                if (scope.strict_version or 0) >= 2:
                    error_id = ("TextMeasurePropertyNotFound" if self.text
                                else "GenericMeasurePropertyNotFound")
                    self.write_error(f'The property "{self.names[folded]}" cannot be found in '
                                     "the input for any objects.", error_id, "ObjectNotFound")
                continue
            self.write_object(self._result(stat, self.names[folded]))

    def _result(self, stat: _Stats, prop: str | None) -> PSObject:
        if self.text:
            return PSObject([
                ("Lines", stat.lines if self.lines else None),
                ("Words", stat.words if self.words else None),
                ("Characters", stat.characters if self.characters else None),
                ("Property", prop),
            ], (TEXT_MEASURE_INFO, "Microsoft.PowerShell.Commands.MeasureInfo",
                "System.Object"))
        total: float | None = None
        average: float | None = None
        deviation: float | None = None
        if not self.non_numeric:
            if self.sum:
                total = stat.sum
            if self.average and stat.count > 0:
                average = stat.sum / stat.count
            if self.deviation:
                deviation = _deviation(stat)
        numeric = all(v is None or _as_double(v) is not None
                      for v in (stat.minimum, stat.maximum))
        maximum = stat.maximum if self.maximum else None
        minimum = stat.minimum if self.minimum else None
        if numeric:
            maximum = None if maximum is None else _as_double(maximum)
            minimum = None if minimum is None else _as_double(minimum)
            return PSObject([
                ("Count", stat.count), ("Average", average), ("Sum", total),
                ("Maximum", maximum), ("Minimum", minimum), ("StandardDeviation", deviation),
                ("Property", prop),
            ], (GENERIC_MEASURE_INFO, "Microsoft.PowerShell.Commands.MeasureInfo",
                "System.Object"))
        return PSObject([
            ("Count", stat.count), ("Average", average), ("Sum", total), ("Maximum", maximum),
            ("Minimum", minimum), ("Property", prop),
        ], (GENERIC_OBJECT_MEASURE_INFO, "Microsoft.PowerShell.Commands.MeasureInfo",
            "System.Object"))


def _deviation(stat: _Stats) -> float:
    """The sample standard deviation (``1..5 | Measure-Object -StandardDeviation`` is
    1.58113883008419, as PowerShell documents)."""
    if stat.count < 2:
        return 0.0
    mean = stat.sum / stat.count
    variance = (stat.sum_squares - stat.count * mean * mean) / (stat.count - 1)
    return math.sqrt(max(variance, 0.0))


def _min_max(value: Any, current: Any, is_min: bool) -> Any:
    """Measure-Object's Compare: numbers as doubles, mixed types as strings."""
    if current is None:
        return value
    left = _as_double(current) if current is not None else None
    right = _as_double(value) if value is not None else None
    a: Any = current if left is None else left
    b: Any = value if right is None else right
    if a is not None and b is not None and type(a) is not type(b):
        a, b = _to_string(a), _to_string(b)
    result = _compare(a, b, True)
    return value if (result if is_min else -result) > 0 else current


# =============================================================================================
# Compare-Object, Tee-Object, Get-Unique
# =============================================================================================


class CompareObject(Cmdlet):
    """Compares two sets of objects.

    Compare-Object compares a reference set and a difference set of objects and reports the
    differences: an object only in the reference set has the side indicator ``<=``, one only in
    the difference set ``=>``, and, with IncludeEqual, one in both ``==``.
    """

    name = "Compare-Object"
    aliases = ("compare", "diff")
    output_type = "System.Management.Automation.PSCustomObject"
    parameters = (
        Parameter("ReferenceObject", "object[]", position=0, mandatory=True, allow_null=False),
        Parameter("DifferenceObject", "object[]", position=1, mandatory=True, pipeline=True,
                  allow_null=False),
        Parameter("SyncWindow", "int", validate_range=(0, 2147483647)),
        Parameter("Property", "object[]"),
        Parameter("ExcludeDifferent", "switch"),
        Parameter("IncludeEqual", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self) -> None:
        self.members = _Members(self)
        self.specs = parse_specs(self, self.param("Property"), ("expression",))
        # PowerShell's binder refuses $null for these mandatory parameters (no AllowNull)
        for name in ("ReferenceObject", "DifferenceObject"):
            if self.has(name) and self.param(name) is None:
                self.throw_terminating(
                    f"Cannot bind argument to parameter '{name}' because it is null.",
                    "ParameterArgumentValidationErrorNullNotAllowed", "InvalidData",
                    exception_type="System.Management.Automation.ParameterBindingException")
        self.compare = _entry_comparer([True], bool(self.param("CaseSensitive")))
        reference = self.param("ReferenceObject")
        reference = [] if reference is None else (
            reference if isinstance(reference, list) else [reference])
        self.references = [self._entry(r) for r in reference]
        self.index = 0
        window = self.param("SyncWindow")
        self.window = 2147483647 if window is None else int(window)
        self.reference_backlog: list[_Entry] = []
        self.difference_backlog: list[_Entry] = []
        self.exclude_different = bool(self.param("ExcludeDifferent"))
        # -ExcludeDifferent implies -IncludeEqual (PowerShell 6.1 and later)
        self.include_equal = bool(self.param("IncludeEqual")) or self.exclude_different

    def _entry(self, item: Any) -> _Entry:
        return _Entry(item, _entry_keys(self.members, self.specs, item))

    def process(self) -> None:
        if self.current_input is not NO_INPUT:
            self._process(self._entry(self.current_input))
            return
        difference = self.param("DifferenceObject")
        if difference is None:
            return
        for item in (difference if isinstance(difference, list) else [difference]):
            self._process(self._entry(item))

    def _match_and_remove(self, entry: _Entry | None, backlog: list[_Entry]) -> _Entry | None:
        if entry is None:
            return None
        for index, candidate in enumerate(backlog):
            if self.compare(entry, candidate) == 0:
                del backlog[index]
                return candidate
        return None

    def _process(self, difference: _Entry | None) -> None:
        reference: _Entry | None = None
        if self.index < len(self.references):
            reference = self.references[self.index]
            self.index += 1
        if reference is not None and difference is not None \
                and self.compare(reference, difference) == 0:
            self._emit(reference, "==")
            return
        found = self._match_and_remove(difference, self.reference_backlog)
        if found is not None:
            self._emit(found, "==")
            difference = None
        found = self._match_and_remove(reference, self.difference_backlog)
        if found is not None:
            self._emit(found, "==")
            reference = None
        if difference is not None:
            if self.window > 0:
                self.difference_backlog.append(difference)
                if len(self.difference_backlog) > self.window:
                    self._emit(self.difference_backlog.pop(0), "=>")
            else:
                self._emit(difference, "=>")
        if reference is not None:
            if self.window > 0:
                self.reference_backlog.append(reference)
                if len(self.reference_backlog) > self.window:
                    self._emit(self.reference_backlog.pop(0), "<=")
            else:
                self._emit(reference, "<=")

    def end(self) -> None:
        while self.index < len(self.references):
            self._process(None)
        for entry in self.difference_backlog:
            self._emit(entry, "=>")
        for entry in self.reference_backlog:
            self._emit(entry, "<=")

    def _emit(self, entry: _Entry, side: str) -> None:
        if side == "==" and not self.include_equal:
            return
        if side != "==" and self.exclude_different:
            return
        item = entry.item
        if self.param("PassThru"):
            if isinstance(item, PSObject):
                clone = item.copy()
                clone.remove_property("SideIndicator")
                clone.add_property("SideIndicator", side)
                self.write_object(clone)
            else:
                self.write_object(item)
            return
        if self.specs:
            pairs: list[tuple[str, Any]] = []
            for spec, value in zip(self.specs, entry.keys, strict=False):
                label = spec.label or spec.text
                pairs.append((label, None if value is _MISSING else value))
            pairs.append(("SideIndicator", side))
            self.write_object(PSObject(pairs))
            return
        self.write_object(PSObject([("InputObject", item), ("SideIndicator", side)]))


class TeeObject(Cmdlet):
    """Saves command output in a file or variable and also sends it down the pipeline."""

    name = "Tee-Object"
    aliases = ("tee",)
    default_set = "File"
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("FilePath", "string", position=0, mandatory=True, sets=("File",),
                  aliases=("Path",)),
        Parameter("LiteralPath", "string", mandatory=True, sets=("LiteralFile",),
                  aliases=("PSPath", "LP")),
        Parameter("Append", "switch", sets=("File", "LiteralFile")),
        Parameter("Encoding", "string", sets=("File", "LiteralFile")),
        Parameter("Variable", "string", mandatory=True, sets=("Variable",)),
    )

    def begin(self) -> None:
        self.items: list[Any] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT:
            return
        self.items.append(item)
        self.write_object(item)

    def end(self) -> None:
        if self.parameter_set_name == "Variable":
            items = self.items
            value: Any = items[0] if len(items) == 1 else list(items)
            if not items:
                value = None
            self.context.set_variable(str(self.param("Variable")), value)
            return
        path = self.param("FilePath") or self.param("LiteralPath")
        text = self.context.format_default(self.items) if self.items else ""
        _write_file(self, str(path), text, append=bool(self.param("Append")),
                    encoding=self.param("Encoding"))


class GetUnique(Cmdlet):
    """Returns unique items from a sorted list.

    Get-Unique compares each item in a sorted list to the next item, eliminates duplicates,
    and returns only one instance of each item. The list must be sorted for the cmdlet to work
    properly.
    """

    name = "Get-Unique"
    aliases = ("gu",)
    default_set = "AsString"
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("AsString", "switch", sets=("AsString",)),
        Parameter("OnType", "switch", sets=("UniqueByType",)),
        Parameter("CaseInsensitive", "switch"),
    )

    def begin(self) -> None:
        self.last: Any = NO_INPUT
        self.on_type = bool(self.param("OnType"))
        self.as_string = bool(self.param("AsString"))
        self.case_insensitive = bool(self.param("CaseInsensitive"))

    def _key(self, item: Any) -> Any:
        if self.on_type:
            return _type_name(item)
        if self.as_string or isinstance(item, str):
            text = _to_string(item)
            return text.casefold() if self.case_insensitive else text
        return item

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT:
            return
        key = self._key(item)
        if self.last is not NO_INPUT:
            previous = self.last
            if isinstance(key, str) or self.on_type:
                if previous == key:
                    return
            elif _compare(previous, key, not self.case_insensitive) == 0:
                return
        self.last = key
        self.write_object(item)


# =============================================================================================
# Get-Member, New-Object, Add-Member
# =============================================================================================

MEMBER_DEFINITION = "Microsoft.PowerShell.Commands.MemberDefinition"

#: PSMemberTypes names, and the combinations PowerShell defines
_MEMBER_TYPES = (
    "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty",
    "PropertySet", "Method", "CodeMethod", "ScriptMethod", "ParameterizedProperty", "MemberSet",
    "Event", "Dynamic", "InferredProperty",
)
_MEMBER_GROUPS = {
    "properties": ("AliasProperty", "CodeProperty", "Property", "NoteProperty",
                   "ScriptProperty", "InferredProperty"),
    "methods": ("Method", "CodeMethod", "ScriptMethod"),
    "all": _MEMBER_TYPES,
}


def _member_types(cmdlet: Cmdlet, values: Any) -> set[str] | None:
    if values is None:
        return None
    chosen: set[str] = set()
    for value in values if isinstance(values, list) else [values]:
        for part in _to_string(value).split(","):
            text = part.strip()
            folded = text.casefold()
            if folded in _MEMBER_GROUPS:
                chosen.update(t.casefold() for t in _MEMBER_GROUPS[folded])
                continue
            # the binder has checked the names ([PSMemberTypes]); numbers are flags
            match = next((t for t in _MEMBER_TYPES if t.casefold() == folded), None)
            if match is None:
                continue
            chosen.add(match.casefold())
    return chosen


class GetMember(Cmdlet):
    """Gets the properties and methods of objects.

    Get-Member gets the members, the properties and methods, of objects. To specify the
    object, use the InputObject parameter or pipe an object to Get-Member.
    """

    name = "Get-Member"
    aliases = ("gm",)
    output_type = MEMBER_DEFINITION
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Name", "string[]", position=0),
        Parameter("MemberType", MEMBER_TYPES_ENUM, aliases=("Type",)),
        Parameter("View", "string", validate_set=("Extended", "Adapted", "Base", "All")),
        Parameter("Static", "switch"),
        Parameter("Force", "switch"),
    )

    def begin(self) -> None:
        names = self.param("Name")
        self.patterns = [wildcard_regex(n) for n in names] if names else None
        self.types = _member_types(self, self.param("MemberType"))
        self.seen: set[str] = set()
        self.any_input = False

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is None:
            return
        self.any_input = True
        from asrsim.lang import dotnet
        from asrsim.lang.types import PSType

        if self.param("Static"):
            pstype = item if isinstance(item, PSType) else self.context.types.resolve(
                _type_name(item))
            if pstype is None:
                return
            type_name = str(pstype.full_name)
            rows = list(dotnet.static_members(pstype))
        else:
            type_name = "System.RuntimeType" if isinstance(item, PSType) else _type_name(item)
            rows = list(dotnet.members(item))
        if type_name in self.seen:
            return
        self.seen.add(type_name)
        for row in rows:
            if self.patterns is not None and not any(p.fullmatch(row.name) for p in self.patterns):
                continue
            if self.types is not None and row.member_type.casefold() not in self.types:
                continue
            self.write_object(PSObject([
                ("TypeName", type_name), ("Name", row.name), ("MemberType", row.member_type),
                ("Definition", row.definition),
            ], (MEMBER_DEFINITION, "System.Object")))

    def end(self) -> None:
        if not self.any_input:
            self.write_error("You must specify an object for the Get-Member cmdlet.",
                             "NoObjectInGetMember", "CloseError")


_PSOBJECT_TYPE_NAMES = frozenset({
    "system.management.automation.psobject", "system.management.automation.pscustomobject",
    "psobject", "pscustomobject",
})


class NewObject(Cmdlet):
    """Creates an instance of a Microsoft .NET Framework or COM object.

    New-Object creates an instance of a .NET type: specify the type's name and the arguments
    of its constructor. The Property parameter sets property values (or adds note properties
    to a PSObject) on the new object.
    """

    name = "New-Object"
    default_set = "Net"
    output_type = "System.Object"
    parameters = (
        Parameter("TypeName", "string", position=0, mandatory=True, sets=("Net",)),
        Parameter("ComObject", "string", position=0, mandatory=True, sets=("Com",)),
        Parameter("ArgumentList", "object[]", position=1, sets=("Net",), aliases=("Args",)),
        Parameter("Strict", "switch", sets=("Com",)),
        Parameter("Property", "hashtable"),
    )

    def end(self) -> None:
        if self.parameter_set_name == "Com":
            self.throw_terminating("not supported in asrsim: COM objects", "NotSupported",
                                   "NotImplemented", target=self.param("ComObject"))
        type_name = str(self.param("TypeName"))
        properties = self.param("Property")
        args = self.param("ArgumentList") or []
        if not isinstance(args, list):
            args = [args]
        pstype = self.context.types.resolve(type_name)
        if pstype is None:
            self.throw_terminating(
                f"Cannot find type [{type_name}]: verify that the assembly containing this "
                "type is loaded.", "TypeNotFound", "InvalidType", target=type_name)
        assert pstype is not None
        full_name = str(pstype.full_name)
        if full_name.casefold() in _PSOBJECT_TYPE_NAMES or type_name.casefold() in \
                _PSOBJECT_TYPE_NAMES:
            if args:
                value = args[0] if len(args) == 1 else args
                result: Any = value.copy() if isinstance(value, PSObject) else (
                    PSObject() if value is None else value)
            else:
                result = PSObject()
            if properties:
                if not isinstance(result, PSObject):
                    self.throw_terminating(
                        "not supported in asrsim: adding note properties to a "
                        f"{_type_name(result)} (only a PSObject carries extra members)",
                        "NotSupported", "NotImplemented")
                for key, value in properties.items():
                    name = _to_string(key)
                    if result.has_property(name):
                        result.set(name, value)
                    else:
                        result.add_property(name, value)
            self.write_object(result)
            return
        from asrsim.lang import dotnet

        runtime = self.context.runtime
        try:
            result = dotnet.invoke_static(pstype, "new", list(args), clock=runtime.clock,
                                          new_guid=runtime.new_guid)
        except RuntimeException as error:
            if "method named 'new'" not in error.message and \
                    'overload for "new"' not in error.message:
                raise
            if not args and getattr(pstype, "is_value_type", False):
                # a value type always has its parameterless constructor: the default value
                result = pstype.convert(None) if pstype.default is None else pstype.default
            else:
                self.throw_terminating(
                    "A constructor was not found. Cannot find an appropriate constructor for "
                    f"type {full_name}.", "CannotFindAppropriateCtor", "ObjectNotFound",
                    exception_type="System.Management.Automation.PSArgumentException")
        if properties:
            self._set_properties(result, properties)
        self.write_object(result)

    def _set_properties(self, result: Any, properties: dict[Any, Any]) -> None:
        from asrsim.lang.members import set_member

        ctx = self.context.context
        for key, value in properties.items():
            name = _to_string(key)
            if isinstance(result, PSObject) and not result.has_property(name):
                self.throw_terminating(
                    f'The member "{name}" was not found for the specified .NET object.',
                    "InvalidOperationException", "InvalidOperation")
            try:
                set_member(ctx, result, name, value)
            except RuntimeException as error:
                if "cannot be found" in error.message:
                    self.throw_terminating(
                        f'The member "{name}" was not found for the specified .NET object.',
                        "InvalidOperationException", "InvalidOperation")
                raise


_ADDABLE_MEMBER_TYPES = ("AliasProperty", "CodeMethod", "CodeProperty", "MemberSet",
                         "NoteProperty", "PropertySet", "ScriptMethod", "ScriptProperty")


def _invoke_with_this(cmdlet: Cmdlet, block: ScriptBlock, this: Any,
                      args: Iterable[Any] = ()) -> Any:
    """Run a ScriptProperty/ScriptMethod body with ``$this`` set to its object, in a scope
    below the one Add-Member ran in."""
    from asrsim.lang.runtime import Context, invoke_block_collect
    from asrsim.lang.scopes import Scope

    ctx = cmdlet.context.context
    scope = Scope(ctx.scope)
    scope.set_local("this", this)
    run = Context(ctx.runtime, scope, lambda _: None, ctx.script_path)
    return _single(invoke_block_collect(run, block, args=list(args)))


class AddMember(Cmdlet):
    """Adds custom properties and methods to an instance of a PowerShell object.

    Add-Member adds members (note properties, script properties, script methods, alias
    properties) to a PSObject, or a type name to its list of type names.
    """

    name = "Add-Member"
    default_set = "TypeNameSet"
    output_type = "System.Object"
    parameters = (
        Parameter("InputObject", "psobject", mandatory=True, pipeline=True),
        Parameter("MemberType", MEMBER_TYPES_ENUM, position=0, mandatory=True,
                  sets=("MemberSet",), aliases=("Type",)),
        Parameter("Name", "string", position=1, mandatory=True, sets=("MemberSet",)),
        Parameter("Value", "object", position=2, sets=("MemberSet",)),
        Parameter("SecondValue", "object", position=3, sets=("MemberSet",)),
        Parameter("TypeName", "string", mandatory=("TypeNameSet",),
                  sets=("TypeNameSet", "MemberSet", "NotePropertySingleMemberSet",
                        "NotePropertyMultiMemberSet"), not_null_or_empty=True),
        Parameter("Force", "switch", sets=("MemberSet", "NotePropertySingleMemberSet",
                                           "NotePropertyMultiMemberSet")),
        Parameter("PassThru", "switch"),
        Parameter("NotePropertyName", NOTE_PROPERTY_NAME, position=0, mandatory=True,
                  sets=("NotePropertySingleMemberSet",), not_null_or_empty=True),
        Parameter("NotePropertyValue", "object", position=1, mandatory=True,
                  sets=("NotePropertySingleMemberSet",)),
        Parameter("NotePropertyMembers", "hashtable", position=0, mandatory=True,
                  sets=("NotePropertyMultiMemberSet",), not_null_or_empty=True),
    )

    def process(self) -> None:
        target = self.param("InputObject")
        if target is None:
            return
        type_name = self.param("TypeName")
        if type_name is not None and not str(type_name).strip():
            self.throw_terminating(
                "The TypeName parameter should not be null, empty, or contain only white "
                "spaces.", "TypeNameShouldNotBeEmpty", "InvalidOperation", target=type_name)
        if not isinstance(target, PSObject):
            self.throw_terminating(
                f"not supported in asrsim: adding members to a {_type_name(target)} (only a "
                "PSObject, such as a [pscustomobject], carries extra members)", "NotSupported",
                "NotImplemented", target=target)
        assert isinstance(target, PSObject)
        added = True
        set_name = self.parameter_set_name
        if set_name == "NotePropertyMultiMemberSet":
            added = False
            for key, value in (self.param("NotePropertyMembers") or {}).items():
                name = _to_string(key)
                if not name:
                    self.write_error("The name for a NoteProperty member should not be null "
                                     "or an empty string.", "NotePropertyNameShouldNotBeNull",
                                     "InvalidOperation", target)
                    continue
                if self._add(target, name, value, None):
                    added = True
        elif set_name == "NotePropertySingleMemberSet":
            added = self._add(target, str(self.param("NotePropertyName")),
                              self.param("NotePropertyValue"), None)
        elif set_name == "MemberSet":
            added = self._add_typed(target)
        if added and type_name is not None:
            resolved = self.context.types.resolve(str(type_name))
            target.type_names.insert(0, str(resolved.full_name) if resolved else str(type_name))
        if added and self.param("PassThru"):
            self.write_object(target)

    def _exists(self, target: PSObject, name: str) -> bool:
        return target.has_property(name) or name.casefold() in target.methods

    def _add(self, target: PSObject, name: str, value: Any,
             method: Callable[..., Any] | None) -> bool:
        if self._exists(target, name):
            if not self.param("Force"):
                self.write_error(
                    f'Cannot add a member with the name "{name}" because a member with that '
                    "name already exists. To overwrite the member anyway, add the Force "
                    "parameter to your command.", "MemberAlreadyExists", "InvalidOperation",
                    target)
                return False
            target.remove_property(name)
            target.methods.pop(name.casefold(), None)
        if method is not None:
            target.methods[name.casefold()] = method
        else:
            target.add_property(name, value)
        return True

    def _add_typed(self, target: PSObject) -> bool:
        kind_text = str(self.param("MemberType"))
        kind = next((t for t in _MEMBER_TYPES if t.casefold() == kind_text.casefold()), None)
        if kind is None:
            kinds = [t.strip() for t in kind_text.split(",") if t.strip()]
            if len(kinds) > 1:
                self.throw_terminating(
                    "To add a member, only one member type can be specified. The member types "
                    f'specified are: "{kind_text}"', "WrongMemberCount", "InvalidOperation")
            kind = kind_text
        if kind not in _ADDABLE_MEMBER_TYPES:
            self.throw_terminating(
                f'Cannot add a member with type "{kind}". Specify a different type for the '
                "MemberTypes parameter.", "CannotAddMemberType", "InvalidOperation")
        name = str(self.param("Name"))
        has_value = self.has("Value")
        value = self.param("Value")
        has_second = self.has("SecondValue")
        second = self.param("SecondValue")
        if kind == "NoteProperty":
            if has_second:
                self._value2_not_allowed(kind)
            return self._add(target, name, value, None)
        if kind in ("CodeMethod", "CodeProperty", "MemberSet", "PropertySet"):
            self.throw_terminating(f"not supported in asrsim: {kind} members", "NotSupported",
                                   "NotImplemented", target=name)
        if not has_value:
            self.throw_terminating(
                f'The Value parameter is required for a member of type "{kind}". Specify the '
                "Value parameter when adding members of this type.", "Value1Prompt",
                "InvalidOperation")
        if kind == "AliasProperty":
            if value is None:
                self._value_null(kind)
            return self._add(target, name, _alias_property(self, target, name,
                                                           _to_string(value)), None)
        if kind == "ScriptMethod":
            if has_second:
                self._value2_not_allowed(kind)
            if not isinstance(value, ScriptBlock):
                self._value_null(kind) if value is None else self._not_script_block(value)
            block = value

            def method(*args: Any) -> Any:
                return _invoke_with_this(self, block, target, args)

            method.__name__ = name
            return self._add(target, name, None, method)
        # ScriptProperty
        if value is None and second is None:
            self.throw_terminating(
                f'Both Value and SecondValue parameters should not be null for a member of type '
                f'"{kind}". Specify a non-null value for one of the two parameters.',
                "Value1AndValue2AreNotBothNull", "InvalidOperation")
        for block in (value, second):
            if block is not None and not isinstance(block, ScriptBlock):
                self._not_script_block(block)
        getter_block: ScriptBlock | None = value
        setter_block: ScriptBlock | None = second

        def getter() -> Any:
            if getter_block is None:
                return None
            return _invoke_with_this(self, getter_block, target)

        setter: Callable[[Any], None] | None = None
        if setter_block is not None:
            chosen_setter = setter_block

            def setter(new_value: Any) -> None:
                _invoke_with_this(self, chosen_setter, target, [new_value])

        return self._add(target, name, PSScriptProperty(name, getter, setter), None)

    def _value2_not_allowed(self, kind: str) -> None:
        self.throw_terminating(
            f'The SecondValue parameter is not necessary for a member of type "{kind}", and '
            "should not be specified. Do not specify the SecondValue parameter when you add "
            "members of this type.", "Value2ShouldNotBeSpecified", "InvalidOperation")

    def _value_null(self, kind: str) -> None:
        self.throw_terminating(
            f'The Value parameter should not be null for a member of type "{kind}". Specify a '
            "non-null value for the Value parameter when adding members of this type.",
            "Value1ShouldNotBeNull", "InvalidOperation")

    def _not_script_block(self, value: Any) -> None:
        self.throw_terminating(
            f'Cannot convert the "{_to_string(value)}" value of type "{_type_name(value)}" to '
            'type "System.Management.Automation.ScriptBlock".', "InvalidCastToScriptBlock",
            "InvalidArgument")


def _alias_property(cmdlet: Cmdlet, target: PSObject, name: str,
                    referenced: str) -> PSScriptProperty:
    members = _Members(cmdlet)

    def getter() -> Any:
        found = members.get(target, referenced)
        return None if found is _MISSING else found

    def setter(value: Any) -> None:
        from asrsim.lang.members import set_member

        set_member(members.ctx, target, referenced, value)

    return PSScriptProperty(name, getter, setter)


# =============================================================================================
# Write-*
# =============================================================================================


def _remaining_values(value: Any) -> list[Any]:
    """A ValueFromRemainingArguments parameter: one array argument is the array itself
    (``Write-Output 1,2,3``), several arguments are the list of them."""
    if isinstance(value, list):
        if len(value) == 1 and isinstance(value[0], list):
            return list(value[0])
        return value
    return [value]


class WriteOutput(Cmdlet):
    """Writes the specified objects to the pipeline.

    Write-Output sends the specified object down the pipeline to the next command. If the
    command is the last command in the pipeline, the object is displayed in the console.
    """

    name = "Write-Output"
    aliases = ("echo", "write")
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("InputObject", "object", mandatory=True, pipeline=True, remaining=True),
        Parameter("NoEnumerate", "switch"),
    )

    def process(self) -> None:
        no_enumerate = bool(self.param("NoEnumerate"))
        if self.current_input is not NO_INPUT:
            self.write_object(self.current_input, enumerate_collection=not no_enumerate)
            return
        if not self.has("InputObject"):
            return
        value = self.param("InputObject")
        values = _remaining_values(value)
        if no_enumerate:
            raw = value[0] if isinstance(value, list) and len(value) == 1 else values
            self.write_object(raw)
            return
        for item in values:
            self.write_object(item, enumerate_collection=True)


def _host_text(value: Any, separator: str, parts: list[str]) -> None:
    """Write-Host's rendering: collections are flattened, empty strings are dropped."""
    if value is None or value is NOTHING:
        return
    if isinstance(value, str):
        if value:
            parts.append(value)
        return
    if isinstance(value, list | tuple):
        for element in value:
            _host_text(element, separator, parts)
        return
    if isinstance(value, dict):
        parts.extend("System.Collections.DictionaryEntry" for _ in value)
        return
    parts.append(_to_string(value) if isinstance(value, PSObject) else _net_string(value))


_CONSOLE_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta",
                   "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta",
                   "Yellow", "White")


class WriteHost(Cmdlet):
    """Writes customized output to a host.

    Write-Host writes to the host (the console), with optional colours, without sending the
    objects down the pipeline. Collections are written as their elements joined by Separator.
    """

    name = "Write-Host"
    output_type = ""
    parameters = (
        Parameter("Object", "object", pipeline=True, remaining=True, aliases=("Msg",
                                                                               "Message")),
        Parameter("NoNewline", "switch"),
        Parameter("Separator", "object"),
        Parameter("ForegroundColor", CONSOLE_COLOR_ENUM),
        Parameter("BackgroundColor", CONSOLE_COLOR_ENUM),
    )

    def process(self) -> None:
        separator_value = self.param("Separator")
        separator = " " if not self.has("Separator") else _to_string(separator_value)
        parts: list[str] = []
        if self.current_input is not NO_INPUT:
            _host_text(self.current_input, separator, parts)
        elif self.has("Object"):
            for value in _remaining_values(self.param("Object")):
                _host_text(value, separator, parts)
        text = separator.join(parts)
        if not self.param("NoNewline"):
            text += "\n"
        foreground = self.param("ForegroundColor")
        background = self.param("BackgroundColor")
        self.context.host.write(text, stream="host", color=_console_color(foreground),
                                background=_console_color(background))


def _console_color(name: Any) -> str | None:
    if name is None:
        return None
    text = str(name)
    return next((c for c in _CONSOLE_COLORS if c.casefold() == text.casefold()), text)


def _caller_invocation(cmdlet: Cmdlet) -> InvocationInfo | None:
    """The InvocationInfo of the function or script that called the cmdlet ($MyInvocation),
    which Write-Error and friends report instead of their own."""
    ctx = cmdlet.context.context
    caller = getattr(ctx, "command", None)
    name = getattr(caller, "name", None)
    extent = getattr(caller, "extent", None)
    if not name or name.startswith("<") or extent is None:
        return None
    return InvocationInfo(name, extent)


class WriteError(Cmdlet):
    """Writes an object to the error stream.

    Write-Error declares a non-terminating error. By default, errors are sent in the error
    stream to the host program to be displayed, along with output.
    """

    name = "Write-Error"
    default_set = "NoException"
    output_type = ""
    parameters = (
        Parameter("Exception", "object", mandatory=("WithException",), sets=("WithException",)),
        Parameter("Message", "string", position=0, mandatory=("NoException",), pipeline=True,
                  sets=("NoException", "WithException"), aliases=("Msg",)),
        Parameter("ErrorRecord", "object", mandatory=("ErrorRecord",), sets=("ErrorRecord",)),
        Parameter("Category", ERROR_CATEGORY_ENUM, sets=("NoException", "WithException")),
        Parameter("ErrorId", "string", sets=("NoException", "WithException")),
        Parameter("TargetObject", "object", sets=("NoException", "WithException")),
        Parameter("RecommendedAction", "string"),
        Parameter("CategoryActivity", "string", aliases=("Activity",)),
        Parameter("CategoryReason", "string", aliases=("Reason",)),
        Parameter("CategoryTargetName", "string", aliases=("TargetName",)),
        Parameter("CategoryTargetType", "string", aliases=("TargetType",)),
    )

    def process(self) -> None:
        record = self._record()
        caller = _caller_invocation(self)
        qualified = record.fully_qualified_error_id
        if caller is not None:
            # PowerShell reports the error at the caller ($MyInvocation) and qualifies the id
            # with the caller's name
            record.invocation_info = caller
            qualified = f"{qualified},{caller.command_name}"
        record.fully_qualified_error_id = qualified
        activity = self.param("CategoryActivity")
        record.activity = str(activity) if activity else "Write-Error"
        reason = self.param("CategoryReason")
        if reason:
            record.reason = str(reason)
        self.write_error(record)

    def _record(self) -> ErrorRecord:
        given = self.param("ErrorRecord")
        if self.parameter_set_name == "ErrorRecord" and given is not None:
            if isinstance(given, ErrorRecord):
                copy = ErrorRecord(given.exception, given.fully_qualified_error_id,
                                   given.category, given.target_object,
                                   InvocationInfo(), given.activity, given.reason,
                                   given.error_details_message)
                return copy
            return RuntimeException(_to_string(given), "Microsoft.PowerShell.Commands."
                                    "WriteErrorException", "NotSpecified",
                                    dotnet_type="Microsoft.PowerShell.Commands."
                                    "WriteErrorException").record
        message = self.param("Message")
        text = "" if message is None else str(message)
        exception = self.param("Exception")
        category = str(self.param("Category") or "NotSpecified")
        category = next((c for c in CATEGORIES if c.casefold() == category.casefold()),
                        category)
        error_id = self.param("ErrorId") or ""
        target = self.param("TargetObject")
        if isinstance(exception, PSException):
            record = RuntimeException(exception.message, error_id or exception.dotnet_type,
                                      category, target=target,
                                      dotnet_type=exception.dotnet_type).record
            record.exception = exception
            if text:
                record.error_details_message = text
            return record
        if exception is not None:
            # an exception given as text, or an object: System.Exception with that message
            record = RuntimeException(_to_string(exception), error_id or "System.Exception",
                                      category, target=target,
                                      dotnet_type="System.Exception").record
            if text:
                record.error_details_message = text
            return record
        return RuntimeException(
            text, error_id or "Microsoft.PowerShell.Commands.WriteErrorException", category,
            target=target, dotnet_type="Microsoft.PowerShell.Commands.WriteErrorException",
        ).record


class _WriteMessage(Cmdlet):
    parameters = (
        Parameter("Message", "string", position=0, mandatory=True, pipeline=True,
                  aliases=("Msg",)),
    )
    output_type = ""

    def _message(self) -> str:
        value = self.param("Message")
        return "" if value is None else str(value)


class WriteWarning(_WriteMessage):
    """Writes a warning message.

    Write-Warning writes a warning message to the PowerShell host. The response to the warning
    depends on the value of the user's $WarningPreference variable and the use of the
    WarningAction common parameter.
    """

    name = "Write-Warning"

    def process(self) -> None:
        self.write_warning(self._message())


class WriteVerbose(_WriteMessage):
    """Writes text to the verbose message stream.

    Write-Verbose writes text to the verbose message stream, shown when $VerbosePreference is
    Continue or the Verbose common parameter is used.
    """

    name = "Write-Verbose"

    def process(self) -> None:
        self.write_verbose(self._message())


class WriteDebug(_WriteMessage):
    """Writes a debug message to the console.

    Write-Debug writes debug messages to the console, shown when $DebugPreference is Continue
    or the Debug common parameter is used.
    """

    name = "Write-Debug"

    def process(self) -> None:
        self.write_debug(self._message())


class WriteInformation(Cmdlet):
    """Specifies how PowerShell handles information stream data for a command.

    Write-Information writes to the information stream, shown when $InformationPreference or
    the InformationAction common parameter is Continue.
    """

    name = "Write-Information"
    output_type = ""
    parameters = (
        Parameter("MessageData", "object", position=0, mandatory=True, pipeline=True,
                  aliases=("Msg", "Message")),
        Parameter("Tags", "string[]", position=1),
    )

    def begin(self) -> None:
        for tag in self.param("Tags") or []:
            if str(tag).casefold().startswith("ps"):
                self.throw_terminating(f"Cannot use tag '{tag}'. The 'PS' prefix is reserved.",
                                       "PSPrefixReservedInInformationTag", "InvalidArgument",
                                       target=tag)

    def process(self) -> None:
        self.write_information(self.param("MessageData"))


class WriteProgress(Cmdlet):
    """Displays a progress bar within a PowerShell command window.

    Write-Progress reports the progress of a long-running operation. In asrsim an interactive
    host shows one progress line; a non-interactive one shows nothing.
    """

    name = "Write-Progress"
    output_type = ""
    parameters = (
        Parameter("Activity", "string", position=0),
        Parameter("Status", "string", position=1),
        Parameter("Id", "int", position=2),
        Parameter("PercentComplete", "int", validate_range=(-1, 100)),
        Parameter("SecondsRemaining", "int"),
        Parameter("CurrentOperation", "string"),
        Parameter("ParentId", "int"),
        Parameter("Completed", "switch"),
        Parameter("SourceId", "int"),
    )

    def process(self) -> None:
        host = self.context.host
        preference = str(self.context.get_variable("ProgressPreference", "Continue"))
        if not host.interactive or preference.casefold() in ("silentlycontinue", "ignore"):
            return
        activity = str(self.param("Activity") or "")
        if self.param("Completed"):
            host.write(f"{activity}: Completed\n", stream="progress")
            return
        status = self.param("Status")
        line = f"{activity}: {'Processing' if status is None else status}"
        percent = self.param("PercentComplete")
        if percent is not None and int(percent) >= 0:
            line += f" [{int(percent)}%]"
        seconds = self.param("SecondsRemaining")
        if seconds is not None and int(seconds) >= 0:
            line += f" ({int(seconds)}s remaining)"
        operation = self.param("CurrentOperation")
        if operation:
            line += f" {operation}"
        host.write(line + "\n", stream="progress")


# =============================================================================================
# Out-*
# =============================================================================================

#: Out-File/Export-Csv -Encoding names and the codecs that write them
_ENCODINGS = {
    "ascii": "ascii", "ansi": "cp1252", "bigendianunicode": "utf-16-be",
    "bigendianutf32": "utf-32-be", "default": "utf-8", "oem": "cp437", "string": "utf-16",
    "unicode": "utf-16", "unknown": "utf-16", "utf7": "utf-7", "utf8": "utf-8",
    "utf8bom": "utf-8-sig", "utf8nobom": "utf-8", "utf32": "utf-32",
}
_ENCODING_NAMES = ("ascii", "ansi", "bigendianunicode", "bigendianutf32", "oem", "unicode",
                   "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32")


def _codec(cmdlet: Cmdlet, name: Any) -> str:
    if name is None:
        return "utf-8"
    text = _to_string(name)
    codec = _ENCODINGS.get(text.casefold().replace("-", ""))
    if codec is None:
        cmdlet.throw_terminating(
            f"Cannot bind parameter 'Encoding'. '{text}' is not a supported encoding name. For "
            "information on defining a custom encoding, see the documentation for the "
            "Encoding.RegisterProvider method. (Parameter 'name')",
            "CannotConvertArgumentNoMessage", "InvalidArgument", target=text)
    assert codec is not None
    return codec


def _write_file(cmdlet: Cmdlet, path: str, text: str, *, append: bool = False,
                encoding: Any = None, no_clobber: bool = False) -> None:
    """Write through the session's file policy (asrsim.lang.files)."""
    from asrsim.lang import files

    runtime: Runtime = cmdlet.context.runtime
    codec = _codec(cmdlet, encoding)
    target = files.resolve(runtime, path)
    if no_clobber and target.exists():
        cmdlet.throw_terminating(f"The file '{target}' already exists.", "NoClobber",
                                 "ResourceExists", target=str(target))
    if target.is_dir():
        cmdlet.throw_terminating(f"Access to the path '{target}' is denied.",
                                 "UnauthorizedAccess", "PermissionDenied", target=str(target))
    files.write_text(runtime, path, text, append=append, encoding=codec)


def _read_file(cmdlet: Cmdlet, path: str) -> str:
    from asrsim.lang import files

    runtime: Runtime = cmdlet.context.runtime
    return str(files.read_text(runtime, path))


class _Collecting(Cmdlet):
    """A cmdlet that formats everything it was given, once, at the end."""

    def begin(self) -> None:
        self.items: list[Any] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is NOTHING:
            return
        self.items.append(item)


class OutNull(Cmdlet):
    """Hides the output instead of sending it down the pipeline or displaying it."""

    name = "Out-Null"
    output_type = ""
    parameters = (Parameter("InputObject", "psobject", pipeline=True),)


class OutHost(_Collecting):
    """Sends output to the command line.

    Out-Host sends output to the PowerShell host for display. The host displays the output at
    the command line.
    """

    name = "Out-Host"
    aliases = ("oh",)
    output_type = ""
    parameters = (
        Parameter("Paging", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def begin(self) -> None:
        if self.param("Paging"):
            self.throw_terminating("not supported in asrsim: Out-Host -Paging", "NotSupported",
                                   "NotImplemented")
        super().begin()

    def end(self) -> None:
        if self.items:
            self.context.host.write(self.context.format_default(self.items), stream="output")


class OutString(_Collecting):
    """Outputs input objects as a string.

    Out-String converts input objects into strings, formatted as the console would show them.
    With Stream, each line is a separate string.
    """

    name = "Out-String"
    default_set = "NoNewLineFormatting"
    output_type = "System.String"
    parameters = (
        Parameter("Stream", "switch", sets=("StreamFormatting",)),
        Parameter("NoNewline", "switch", sets=("NoNewLineFormatting",)),
        Parameter("Width", "int", validate_range=(2, 2147483647)),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def end(self) -> None:
        width = self.param("Width")
        text = self.context.format_default(self.items, int(width) if width else None) \
            if self.items else ""
        if self.param("Stream"):
            for line in _lines(text):
                self.write_object(line)
            return
        if self.param("NoNewline"):
            self.write_object("".join(_lines(text)))
            return
        if text and not text.endswith("\n"):
            text += "\n"
        self.write_object(text)


def _lines(text: str) -> list[str]:
    """The lines of formatted text (its final newline ends the last line)."""
    if not text:
        return []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return parts


class OutFile(_Collecting):
    """Sends output to a file.

    Out-File sends output to a file, formatted as the console would show it. PowerShell 7
    writes UTF-8 without a byte-order mark unless Encoding says otherwise.
    """

    name = "Out-File"
    default_set = "ByPath"
    output_type = ""
    supports_should_process = True
    parameters = (
        Parameter("FilePath", "string", position=0, mandatory=True, sets=("ByPath",),
                  aliases=("Path",)),
        Parameter("LiteralPath", "string", mandatory=True, sets=("ByLiteralPath",),
                  aliases=("PSPath", "LP")),
        Parameter("Encoding", "string", position=1),
        Parameter("Append", "switch"),
        Parameter("Force", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Width", "int"),
        Parameter("NoNewline", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def end(self) -> None:
        path = str(self.param("FilePath") or self.param("LiteralPath"))
        if not self.should_process(path, "Output to File"):
            return
        width = self.param("Width")
        text = self.context.format_default(self.items, int(width) if width else None) \
            if self.items else ""
        if self.param("NoNewline"):
            text = "".join(_lines(text))
        _write_file(self, path, text, append=bool(self.param("Append")),
                    encoding=self.param("Encoding"), no_clobber=bool(self.param("NoClobber")))


# =============================================================================================
# Format-Table, Format-List, Format-Wide
# =============================================================================================


def _columns(cmdlet: Cmdlet, specs: list[PropertySpec]) -> list[Any] | None:
    """Format-* -Property for the formatting engine: a plain name (wildcards allowed) is left
    for it to resolve against the objects; a calculated property becomes a Column."""
    if not specs:
        return None
    from asrsim.lang.formatting import Column

    members = _Members(cmdlet)
    columns: list[Any] = []
    for spec in specs:
        plain = spec.label is None and spec.width is None and spec.alignment is None \
            and spec.format_string is None
        if spec.block is None and plain:
            columns.append(spec.name)
            continue
        if spec.block is not None:
            block = spec.block
            value: Callable[[Any], Any] = _block_getter(members, block)
        else:
            assert spec.name is not None
            value = _getter(members, spec.name)
        columns.append(Column(spec.label or spec.text, value, spec.width,
                              spec.alignment or "Undefined", spec.format_string))
    return columns


def _block_getter(members: _Members, block: ScriptBlock) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        return members.run(block, obj)

    return get


def _getter(members: _Members, name: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = members.get(obj, name)
        return None if value is _MISSING else value

    return get


#: the parameters every Format-* cmdlet shares (the real cmdlets' FrontEndCommandBase)
_FORMAT_PARAMETERS = (
    Parameter("GroupBy", "object"),
    Parameter("View", "string"),
    Parameter("ShowError", "switch"),
    Parameter("DisplayError", "switch"),
    Parameter("Force", "switch"),
    Parameter("Expand", "string", validate_set=("CoreOnly", "EnumOnly", "Both")),
    Parameter("InputObject", "psobject", pipeline=True),
)


class _FormatCommand(_Collecting):
    """Format-* write their formatted text as strings, one per line, so that Out-Default
    prints them unchanged and Out-String / Out-File keep them."""

    def emit_text(self, text: str) -> None:
        for line in _lines(text):
            self.write_object(line)

    def width(self) -> int:
        return int(self.context.host.width)

    def group_by(self) -> Any:
        """-GroupBy as the engine's GroupBy: a ``   label: value`` header each time the
        value changes (PowerShell's formatter does not sort)."""
        value = self.param("GroupBy")
        if value is None:
            return None
        from asrsim.lang.formatting import GroupBy

        spec = parse_specs(self, value, ("name", "label", "expression", "formatstring"))[0]
        members = _Members(self)
        if spec.block is not None:
            return GroupBy(spec.label or spec.text, _block_getter(members, spec.block))
        assert spec.name is not None
        return GroupBy(spec.label or spec.name, _getter(members, spec.name))


class FormatTable(_FormatCommand):
    """Formats the output as a table.

    Format-Table formats the output of a command as a table with the selected properties of
    the object in each column. Calculated properties may set Label, Expression, Width,
    Alignment and FormatString.
    """

    name = "Format-Table"
    aliases = ("ft",)
    output_type = "System.String"
    parameters = (
        Parameter("AutoSize", "switch"),
        Parameter("RepeatHeader", "switch"),
        Parameter("HideTableHeaders", "switch"),
        Parameter("Wrap", "switch"),
        Parameter("Property", "object[]", position=0),
        *_FORMAT_PARAMETERS,
    )

    def begin(self) -> None:
        super().begin()
        self.columns = _columns(self, parse_specs(
            self, self.param("Property"),
            ("name", "label", "expression", "width", "alignment", "formatstring")))
        self.grouping = self.group_by()

    def end(self) -> None:
        if not self.items:
            return
        from asrsim.lang.formatting import format_table

        self.emit_text(format_table(
            self.items, self.columns, self.context.views,
            autosize=bool(self.param("AutoSize")), wrap=bool(self.param("Wrap")),
            hide_headers=bool(self.param("HideTableHeaders")), group_by=self.grouping,
            force=bool(self.param("Force")), width=self.width()))


class FormatList(_FormatCommand):
    """Formats the output as a list of properties in which each property appears on a new
    line.

    Format-List formats the output of a command as a list of properties. Use it to display
    all or selected properties of an object; ``-Property *`` shows every property.
    """

    name = "Format-List"
    aliases = ("fl",)
    output_type = "System.String"
    parameters = (
        Parameter("Property", "object[]", position=0),
        *_FORMAT_PARAMETERS,
    )

    def begin(self) -> None:
        super().begin()
        self.columns = _columns(self, parse_specs(
            self, self.param("Property"), ("name", "label", "expression", "formatstring")))
        self.grouping = self.group_by()

    def end(self) -> None:
        if not self.items:
            return
        from asrsim.lang.formatting import format_list

        self.emit_text(format_list(self.items, self.columns, self.context.views,
                                   group_by=self.grouping, force=bool(self.param("Force")),
                                   width=self.width()))


class FormatWide(_FormatCommand):
    """Formats objects as a wide table that displays only one property of each object.

    Format-Wide formats objects as a wide table that displays one property of each object,
    in as many columns as fit, or in Column columns.
    """

    name = "Format-Wide"
    aliases = ("fw",)
    output_type = "System.String"
    parameters = (
        Parameter("Property", "object", position=0),
        Parameter("AutoSize", "switch"),
        Parameter("Column", "int", validate_range=(1, 2147483647)),
        *_FORMAT_PARAMETERS,
    )

    def begin(self) -> None:
        super().begin()
        if self.has("AutoSize") and self.has("Column"):
            self.throw_terminating(
                "Cannot specify both the AutoSize and Column parameters.",
                "FormatCannotSpecifyAutosizeAndColumns", "InvalidArgument")
        columns = _columns(self, parse_specs(self, self.param("Property"),
                                             ("expression", "formatstring")))
        self.column = columns[0] if columns else None
        self.grouping = self.group_by()

    def end(self) -> None:
        if not self.items:
            return
        from asrsim.lang.formatting import format_wide

        count = self.param("Column")
        self.emit_text(format_wide(
            self.items, self.column, columns=int(count) if count else None,
            autosize=bool(self.param("AutoSize")), views=self.context.views,
            group_by=self.grouping, force=bool(self.param("Force")), width=self.width()))


# =============================================================================================
# JSON
# =============================================================================================

_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
                 "\t": "\\t"}
_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "'": "\\u0027", '"': "\\u0022", "&": "\\u0026"}


def json_string(text: str, escape: str = "Default") -> str:
    """A JSON string literal as Json.NET writes it (StringEscapeHandling)."""
    out = ['"']
    html = escape == "EscapeHtml"
    non_ascii = escape == "EscapeNonAscii"
    for c in text:
        if html and c in _HTML_ESCAPES:
            out.append(_HTML_ESCAPES[c])
        elif c in _JSON_ESCAPES:
            out.append(_JSON_ESCAPES[c])
        elif ord(c) < 0x20 or c in "\u0085\u2028\u2029" or (non_ascii and ord(c) > 0x7E):
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _json_number(value: Any) -> str:
    from decimal import Decimal

    from asrsim.lang.dotnet_format import format_double_roundtrip

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return json_string("NaN" if math.isnan(value) else
                               ("Infinity" if value > 0 else "-Infinity"))
        text = format_double_roundtrip(value)
    else:
        assert isinstance(value, Decimal)
        text = format(value, "f")
    # Json.NET always writes a decimal point for floating-point values (1.0, not 1)
    if not any(c in text for c in ".eE"):
        text += ".0"
    return text


def json_datetime(moment: datetime) -> str:
    """Json.NET's ISO 8601 round-trip form: ``2024-01-02T03:04:05``, seven-digit fractions
    without trailing zeros, then ``Z`` (UTC) or the offset (local)."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    ticks = moment.microsecond * 10
    if ticks:
        text += "." + f"{ticks:07d}".rstrip("0")
    if moment.tzinfo is not None:
        offset = moment.utcoffset() or timedelta(0)
        if moment.tzinfo is UTC:
            text += "Z"
        else:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            text += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return text


def _timespan_members(span: timedelta) -> list[tuple[str, Any]]:
    """System.TimeSpan's public properties in .NET 8's declaration order."""
    ticks = (span.days * 86400 + span.seconds) * 10_000_000 + span.microseconds * 10
    sign = -1 if ticks < 0 else 1
    whole = abs(ticks)
    return [
        ("Ticks", ticks),
        ("Days", sign * (whole // 864_000_000_000)),
        ("Hours", sign * (whole // 36_000_000_000 % 24)),
        ("Milliseconds", sign * (whole // 10_000 % 1000)),
        ("Microseconds", sign * (whole // 10 % 1000)),
        ("Nanoseconds", sign * (whole % 10 * 100)),
        ("Minutes", sign * (whole // 600_000_000 % 60)),
        ("Seconds", sign * (whole // 10_000_000 % 60)),
        ("TotalDays", ticks / 864_000_000_000),
        ("TotalHours", ticks / 36_000_000_000),
        ("TotalMilliseconds", ticks / 10_000),
        ("TotalMicroseconds", ticks / 10),
        ("TotalNanoseconds", float(ticks * 100)),
        ("TotalMinutes", ticks / 600_000_000),
        ("TotalSeconds", ticks / 10_000_000),
    ]


class _JsonWriter:
    """ConvertTo-Json's object walk (JsonObject.ProcessValue) and Json.NET's layout."""

    def __init__(self, cmdlet: Cmdlet, depth: int, compress: bool, enums_as_strings: bool,
                 escape: str) -> None:
        self.cmdlet = cmdlet
        self.max_depth = depth
        self.compress = compress
        self.enums_as_strings = enums_as_strings
        self.escape = escape
        self.warned = False

    def text(self, value: Any) -> str:
        out: list[str] = []
        self._write(value, 0, 0, out)
        return "".join(out)

    def _truncated(self, value: Any) -> str:
        if not self.warned:
            self.warned = True
            self.cmdlet.write_warning("Resulting JSON is truncated as serialization has "
                                      f"exceeded the set depth of {self.max_depth}.")
        return json_string(_to_string(value), self.escape)

    def _write(self, value: Any, depth: int, indent: int, out: list[str]) -> None:
        from decimal import Decimal
        from uuid import UUID

        if value is None or value is NOTHING:
            out.append("null")
        elif isinstance(value, str):
            out.append(json_string(value, self.escape))
        elif isinstance(value, bool | int | float | Decimal):
            out.append(_json_number(value))
        elif isinstance(value, datetime):
            out.append(json_string(json_datetime(value), self.escape))
        elif isinstance(value, UUID):
            out.append(json_string(str(value), self.escape))
        elif isinstance(value, enum.Enum):
            # an enum is its number unless -EnumsAsStrings
            if self.enums_as_strings or not isinstance(value.value, int):
                out.append(json_string(value.name, self.escape))
            else:
                out.append(str(int(value.value)))
        elif depth > self.max_depth:
            out.append(self._truncated(value))
        elif isinstance(value, dict):
            pairs: list[tuple[str, Any]] = []
            for key, item in value.items():
                if not isinstance(key, str):
                    self.cmdlet.throw_terminating(
                        f"The type '{_type_name(value)}' is not supported for serialization or "
                        "deserialization of a dictionary. Keys must be strings.",
                        "NonStringKeyInDictionary", "InvalidOperation", target=value)
                pairs.append((key, item))
            self._object(pairs, depth, indent, out)
        elif isinstance(value, list | tuple):
            self._array(list(value), depth, indent, out)
        elif isinstance(value, PSObject):
            self._object(list(value.properties()), depth, indent, out)
        elif isinstance(value, timedelta):
            self._object(_timespan_members(value), depth, indent, out)
        elif isinstance(value, ScriptBlock):
            out.append(json_string(str(value), self.escape))
        else:
            out.append(json_string(_net_string(value), self.escape))

    def _newline(self, indent: int) -> str:
        return "" if self.compress else "\n" + "  " * indent

    def _object(self, pairs: list[tuple[str, Any]], depth: int, indent: int,
                out: list[str]) -> None:
        if not pairs:
            out.append("{}")
            return
        out.append("{")
        separator = ":" if self.compress else ": "
        for index, (key, item) in enumerate(pairs):
            if index:
                out.append(",")
            out.append(self._newline(indent + 1))
            out.append(json_string(str(key), self.escape))
            out.append(separator)
            self._write(item, depth + 1, indent + 1, out)
        out.append(self._newline(indent))
        out.append("}")

    def _array(self, items: list[Any], depth: int, indent: int, out: list[str]) -> None:
        if not items:
            out.append("[]")
            return
        out.append("[")
        for index, item in enumerate(items):
            if index:
                out.append(",")
            out.append(self._newline(indent + 1))
            self._write(item, depth + 1, indent + 1, out)
        out.append(self._newline(indent))
        out.append("]")


class ConvertToJson(Cmdlet):
    """Converts an object to a JSON-formatted string.

    ConvertTo-Json converts objects to JSON text. Properties are serialized to the Depth given
    (2 by default); deeper objects are written as their string form, with a warning.
    """

    name = "ConvertTo-Json"
    output_type = "System.String"
    parameters = (
        Parameter("InputObject", "object", position=0, mandatory=True, pipeline=True),
        Parameter("Depth", "int", validate_range=(0, 100)),
        Parameter("Compress", "switch"),
        Parameter("EnumsAsStrings", "switch"),
        Parameter("AsArray", "switch"),
        Parameter("EscapeHandling", "string",
                  validate_set=("Default", "EscapeNonAscii", "EscapeHtml")),
    )

    def begin(self) -> None:
        self.items: list[Any] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is not NO_INPUT:
            self.items.append(item)

    def end(self) -> None:
        if not self.items and not self.param("AsArray"):
            return
        depth = self.param("Depth")
        escape = str(self.param("EscapeHandling") or "Default")
        escape = next(e for e in ("Default", "EscapeNonAscii", "EscapeHtml")
                      if e.casefold() == escape.casefold())
        writer = _JsonWriter(self, 2 if depth is None else int(depth),
                             bool(self.param("Compress")), bool(self.param("EnumsAsStrings")),
                             escape)
        value: Any = self.items[0] if len(self.items) == 1 and not self.param("AsArray") \
            else list(self.items)
        self.write_object(writer.text(value))


class _JsonSyntaxError(Exception):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?\Z")
_MS_DATE = re.compile(r"/Date\((-?\d+)([+-]\d{4})?\)/\Z")


def json_date(text: str) -> datetime | None:
    """Json.NET's DateParseHandling.DateTime: ISO 8601 date-times (and ``/Date(ms)/``) become
    DateTime values: no zone is Unspecified, ``Z`` is Utc, an offset is Local."""
    match = _ISO_DATE.match(text)
    if match is not None:
        year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
        fraction = match.group(7) or ""
        micro = int((fraction + "0000000")[:7]) // 10
        try:
            moment = datetime(year, month, day, hour, minute, second, micro)
        except ValueError:
            return None
        zone = match.group(8)
        if zone is None:
            return moment
        if zone == "Z":
            return moment.replace(tzinfo=UTC)
        from asrsim.lang import dotnet

        sign = 1 if zone[0] == "+" else -1
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        return moment.replace(tzinfo=timezone(offset)).astimezone(dotnet.LOCAL)
    match = _MS_DATE.match(text)
    if match is not None:
        from asrsim.lang import dotnet

        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=int(match.group(1)))
        return moment.astimezone(dotnet.LOCAL) if match.group(2) else moment
    return None


class _JsonReader:
    """A JSON reader as lenient as Json.NET: comments, single-quoted strings, NaN/Infinity,
    unquoted property names; errors in its words."""

    def __init__(self, text: str, max_depth: int, as_hashtable: bool) -> None:
        self.text = text
        self.pos = 0
        self.max_depth = max_depth
        self.as_hashtable = as_hashtable
        #: Json.NET's Path of the token being read, for error messages ('a.b[2]')
        self.path = ""

    def parse(self) -> Any:
        self._space()
        if self.pos >= len(self.text):
            return NOTHING
        value = self._value(0, "")
        self._space()
        if self.pos < len(self.text):
            raise _JsonSyntaxError(
                "Additional text encountered after finished reading JSON content: "
                f"{self.text[self.pos]}.", self.pos)
        return value

    def _space(self) -> None:
        text = self.text
        while self.pos < len(text):
            c = text[self.pos]
            if c in " \t\r\n\ufeff":
                self.pos += 1
            elif text.startswith("//", self.pos):
                end = text.find("\n", self.pos)
                self.pos = len(text) if end == -1 else end + 1
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                if end == -1:
                    raise _JsonSyntaxError("Unexpected end while parsing comment.", self.pos)
                self.pos = end + 2
            else:
                break

    def _value(self, depth: int, path: str) -> Any:
        self.path = path
        self._space()
        if self.pos >= len(self.text):
            raise _JsonSyntaxError("Unexpected end when reading JSON.", self.pos)
        c = self.text[self.pos]
        if c == "{":
            return self._object(depth + 1, path)
        if c == "[":
            return self._array(depth + 1, path)
        if c in "\"'":
            text = self._string()
            moment = json_date(text)
            return text if moment is None else moment
        if c == "-" or c.isdigit():
            return self._number()
        for word, value in (("true", True), ("false", False), ("null", None),
                            ("NaN", math.nan), ("Infinity", math.inf),
                            ("undefined", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        raise _JsonSyntaxError(
            f"Unexpected character encountered while parsing value: {c}.", self.pos)

    def _check_depth(self, depth: int) -> None:
        if depth > self.max_depth:
            raise _JsonSyntaxError(f"The reader's MaxDepth of {self.max_depth} has been "
                                   "exceeded.", self.pos)

    def _object(self, depth: int, path: str) -> Any:
        self._check_depth(depth)
        self.pos += 1
        pairs: list[tuple[str, Any]] = []
        seen: dict[str, str] = {}
        self._space()
        if self.pos < len(self.text) and self.text[self.pos] == "}":
            self.pos += 1
            return self._make_object(pairs)
        while True:
            self._space()
            if self.pos >= len(self.text):
                raise _JsonSyntaxError("Unexpected end when reading JSON.", self.pos)
            c = self.text[self.pos]
            if c in "\"'":
                key = self._string()
            elif c == "}" and pairs:
                self.pos += 1  # a trailing comma, as Json.NET allows
                return self._make_object(pairs)
            else:
                match = re.compile(r"[A-Za-z_$][\w$]*").match(self.text, self.pos)
                if match is None:
                    raise _JsonSyntaxError(
                        f"Invalid property identifier character: {c}.", self.pos)
                key = match.group(0)
                self.pos = match.end()
            self._space()
            if self.pos >= len(self.text) or self.text[self.pos] != ":":
                found = self.text[self.pos] if self.pos < len(self.text) else "end"
                raise _JsonSyntaxError(
                    f"Invalid character after parsing property name. Expected ':' but got: "
                    f"{found}.", self.pos)
            self.pos += 1
            value = self._value(depth, f"{path}.{key}" if path else key)
            self.path = path
            if not self.as_hashtable:
                if key == "":
                    raise _JsonConversionError(
                        "The provided JSON includes a property whose name is an empty string, "
                        "this is only supported using the -AsHashTable switch.",
                        "EmptyKeyInJsonString")
                folded = key.casefold()
                if folded in seen and seen[folded] != key:
                    raise _JsonConversionError(
                        "Cannot convert the JSON string because it contains keys with "
                        "different casing. Please use the -AsHashTable switch instead. The key "
                        f"that was attempted to be added to the existing key '{seen[folded]}' "
                        f"was '{key}'.", "KeysWithDifferentCasingInJsonString")
                seen.setdefault(folded, key)
            pairs.append((key, value))
            self._space()
            if self.pos >= len(self.text):
                raise _JsonSyntaxError("Unexpected end when reading JSON.", self.pos)
            c = self.text[self.pos]
            self.pos += 1
            if c == "}":
                return self._make_object(pairs)
            if c != ",":
                raise _JsonSyntaxError(
                    f"After parsing a value an unexpected character was encountered: {c}.",
                    self.pos - 1)

    def _make_object(self, pairs: list[tuple[str, Any]]) -> Any:
        if self.as_hashtable:
            return Hashtable(pairs, ordered=True)
        result = PSObject()
        for key, value in pairs:
            if result.has_property(key):
                result.set(key, value)
            else:
                result.add_property(key, value)
        return result

    def _array(self, depth: int, path: str) -> list[Any]:
        self._check_depth(depth)
        self.pos += 1
        items: list[Any] = []
        while True:
            self._space()
            if self.pos >= len(self.text):
                raise _JsonSyntaxError("Unexpected end when reading JSON.", self.pos)
            if self.text[self.pos] == "]":
                self.pos += 1
                return items
            items.append(self._value(depth, f"{path}[{len(items)}]"))
            self.path = path
            self._space()
            if self.pos >= len(self.text):
                raise _JsonSyntaxError("Unexpected end when reading JSON.", self.pos)
            c = self.text[self.pos]
            if c == ",":
                self.pos += 1
            elif c != "]":
                raise _JsonSyntaxError(
                    f"After parsing a value an unexpected character was encountered: {c}.",
                    self.pos)

    def _string(self) -> str:
        text = self.text
        quote = text[self.pos]
        self.pos += 1
        out: list[str] = []
        while True:
            if self.pos >= len(text):
                raise _JsonSyntaxError("Unterminated string. Expected delimiter: "
                                       f"{quote}.", self.pos)
            c = text[self.pos]
            self.pos += 1
            if c == quote:
                return "".join(out)
            if c != "\\":
                out.append(c)
                continue
            if self.pos >= len(text):
                raise _JsonSyntaxError("Unterminated string.", self.pos)
            escape = text[self.pos]
            self.pos += 1
            simple = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/",
                      "\\": "\\", '"': '"', "'": "'"}
            if escape in simple:
                out.append(simple[escape])
            elif escape == "u":
                digits = text[self.pos:self.pos + 4]
                if len(digits) < 4 or not all(d in "0123456789abcdefABCDEF" for d in digits):
                    raise _JsonSyntaxError("Invalid Unicode escape sequence.", self.pos)
                out.append(chr(int(digits, 16)))
                self.pos += 4
            else:
                raise _JsonSyntaxError(f"Bad JSON escape sequence: \\{escape}.", self.pos)

    def _number(self) -> Any:
        match = re.compile(r"-?(?:\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?").match(self.text, self.pos)
        if match is None:
            if self.text.startswith("-Infinity", self.pos):
                self.pos += 9
                return -math.inf
            raise _JsonSyntaxError(
                f"Unexpected character encountered while parsing value: "
                f"{self.text[self.pos]}.", self.pos)
        token = match.group(0)
        self.pos = match.end()
        if any(c in token for c in ".eE"):
            return float(token)
        return int(token)

    def line_info(self, position: int) -> tuple[int, int]:
        before = self.text[:position]
        line = before.count("\n") + 1
        column = position - (before.rfind("\n") + 1)
        return line, column


class _JsonConversionError(Exception):
    def __init__(self, message: str, error_id: str) -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id


class ConvertFromJson(Cmdlet):
    """Converts a JSON-formatted string to a custom object or a hash table.

    ConvertFrom-Json converts JSON text to PSCustomObject objects (or ordered hash tables with
    AsHashtable), with a property for each field. A top-level array is written element by
    element unless NoEnumerate is given.
    """

    name = "ConvertFrom-Json"
    output_type = "System.Object"
    parameters = (
        Parameter("InputObject", "string", position=0, mandatory=True, pipeline=True),
        Parameter("AsHashtable", "switch"),
        Parameter("Depth", "int", validate_range=(1, 2147483647)),
        Parameter("NoEnumerate", "switch"),
    )

    def begin(self) -> None:
        self.buffer: list[str] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT:
            return
        self.buffer.append("" if item is None else _to_string(item))

    def end(self) -> None:
        if not self.buffer:
            return
        if len(self.buffer) == 1:
            self._convert(self.buffer[0])
            return
        # several strings: each is a document when the first is one, else they are the
        # lines of one document
        try:
            first = self._parse(self.buffer[0])
        except (_JsonSyntaxError, _JsonConversionError):
            self._convert("\n".join(self.buffer))
            return
        self._write(first)
        for text in self.buffer[1:]:
            self._convert(text)

    def _parse(self, text: str) -> Any:
        depth = self.param("Depth")
        reader = _JsonReader(text, 1024 if depth is None else int(depth),
                             bool(self.param("AsHashtable")))
        try:
            return reader.parse()
        except _JsonSyntaxError as error:
            line, column = reader.line_info(error.position)
            error.message = (f"{error.message} Path '{reader.path}', line {line}, position "
                             f"{column}.")
            raise

    def _convert(self, text: str) -> None:
        try:
            value = self._parse(text)
        except _JsonSyntaxError as error:
            self.throw_terminating(f"Conversion from JSON failed with error: {error.message}",
                                   "System.ArgumentException", "ParserError", target=text,
                                   exception_type="System.ArgumentException")
        except _JsonConversionError as error:
            self.throw_terminating(error.message, error.error_id, "InvalidOperation",
                                   target=text, exception_type="System.InvalidOperationException")
        else:
            self._write(value)

    def _write(self, value: Any) -> None:
        if value is NOTHING:
            return
        self.write_object(value, enumerate_collection=not self.param("NoEnumerate"))


# =============================================================================================
# CSV
# =============================================================================================

_QUOTE_KINDS = ("Never", "Always", "AsNeeded")


def _csv_names(value: Any) -> list[str]:
    """The columns an object gives (PowerShell 7.2+ reads a dictionary's keys)."""
    if isinstance(value, dict):
        return [_to_string(k) for k in value]
    return _property_names(value)


def _csv_cell(members: _Members, value: Any, name: str) -> str | None:
    if isinstance(value, dict) and name in value:
        cell = value[name]
        return None if cell is None else _csv_text(cell)
    found = members.get(value, name)
    if found is _MISSING or found is None:
        return None
    return _csv_text(found)


def _csv_text(value: Any) -> str:
    # GetToStringValueForProperty: the value's ToString(); a PSObject's is "@{...}"
    if isinstance(value, PSObject):
        return _to_string(value)
    return _net_string(value)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _CsvWriter:
    """ExportCsvHelper: the header line, the #TYPE line and one line per object."""

    def __init__(self, cmdlet: Cmdlet, delimiter: str) -> None:
        self.cmdlet = cmdlet
        self.members = _Members(cmdlet)
        self.delimiter = delimiter
        quote_fields = cmdlet.param("QuoteFields")
        self.quote_fields = ({_to_string(f).casefold() for f in quote_fields}
                             if quote_fields else None)
        kind = str(cmdlet.param("UseQuotes") or "Always")
        self.kind = next((k for k in _QUOTE_KINDS if k.casefold() == kind.casefold()), "Always")
        self.names: list[str] | None = None

    def _field(self, name: str, text: str) -> str:
        if self.quote_fields is not None:
            return _quote(text) if name.casefold() in self.quote_fields else text
        if self.kind == "Always":
            return _quote(text)
        if self.kind == "AsNeeded" and any(c in text for c in (self.delimiter, "\n", '"')):
            return _quote(text)
        return text

    def header(self, names: list[str]) -> str:
        return self.delimiter.join(self._field(n, n) for n in names)

    def row(self, value: Any) -> str:
        assert self.names is not None
        cells: list[str] = []
        for name in self.names:
            text = _csv_cell(self.members, value, name)
            cells.append("" if text is None else self._field(name, text))
        return self.delimiter.join(cells)


def _type_line(value: Any) -> str:
    name = _type_name(value) if value is not None else ""
    if name.casefold().startswith("csv:"):
        name = name[4:]
    return f"#TYPE {name}" if name else "#TYPE"


def _delimiter(cmdlet: Cmdlet) -> str:
    if cmdlet.param("UseCulture"):
        return ","  # en-US's list separator
    value = cmdlet.param("Delimiter")
    if value is None:
        return ","
    text = _to_string(value)
    if len(text) != 1:
        cmdlet.throw_terminating(
            f"Cannot bind parameter 'Delimiter'. Cannot convert value \"{text}\" to type "
            "\"System.Char\". Error: \"String must be exactly one character long.\"",
            "CannotConvertArgumentNoMessage", "InvalidArgument", target=text)
    return text


_CSV_WRITE_PARAMETERS = (
    Parameter("UseCulture", "switch", sets=("UseCulture",)),
    Parameter("IncludeTypeInformation", "switch", aliases=("ITI",)),
    Parameter("NoTypeInformation", "switch", aliases=("NTI",)),
    Parameter("QuoteFields", "string[]", aliases=("QF",)),
    Parameter("UseQuotes", "string", aliases=("UQ",), validate_set=_QUOTE_KINDS),
    Parameter("NoHeader", "switch"),
)


class ConvertToCsv(Cmdlet):
    """Converts .NET objects into a series of character-separated value (CSV) strings.

    ConvertTo-Csv returns a header line with the first object's property names, then a line
    of values for each object. PowerShell 7 writes no #TYPE line unless IncludeTypeInformation
    is given, and quotes every value unless UseQuotes says otherwise.
    """

    name = "ConvertTo-Csv"
    default_set = "Delimiter"
    output_type = "System.String"
    parameters = (
        Parameter("InputObject", "psobject", position=0, mandatory=True, pipeline=True),
        Parameter("Delimiter", "string", position=1, sets=("Delimiter",)),
        *_CSV_WRITE_PARAMETERS,
    )

    def begin(self) -> None:
        self.writer = _CsvWriter(self, _delimiter(self))

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is None:
            return
        writer = self.writer
        if writer.names is None:
            writer.names = _csv_names(item)
            if self.param("IncludeTypeInformation"):
                self.write_object(_type_line(item))
            if not self.param("NoHeader"):
                self.write_object(writer.header(writer.names))
        self.write_object(writer.row(item))


class ExportCsv(Cmdlet):
    """Converts objects into a series of character-separated value (CSV) strings and saves
    the strings to a file.

    Export-Csv writes what ConvertTo-Csv would return to a file; with Append the columns of the
    existing file are kept.
    """

    name = "Export-Csv"
    default_set = "Delimiter"
    output_type = ""
    supports_should_process = True
    parameters = (
        Parameter("InputObject", "psobject", mandatory=True, pipeline=True),
        Parameter("Path", "string", position=0),
        Parameter("LiteralPath", "string", aliases=("PSPath", "LP")),
        Parameter("Force", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Encoding", "string"),
        Parameter("Append", "switch"),
        Parameter("Delimiter", "string", position=1, sets=("Delimiter",)),
        *_CSV_WRITE_PARAMETERS,
    )

    def begin(self) -> None:
        path = self.param("Path") or self.param("LiteralPath")
        if path is None:
            self.throw_terminating("Cannot perform operation because the path resolved to more "
                                   "than one file. This command cannot operate on multiple "
                                   "files.", "CannotSpecifyPathAndLiteralPath",
                                   "InvalidData")
        self.path = str(path)
        self.writer = _CsvWriter(self, _delimiter(self))
        self.lines: list[str] = []
        self.append = bool(self.param("Append"))
        if self.append:
            from asrsim.lang import files

            runtime: Runtime = self.context.runtime
            target = files.resolve(runtime, self.path)
            if target.exists() and target.stat().st_size > 0:
                existing = _read_file(self, self.path)
                rows = _parse_csv(existing, self.writer.delimiter)
                rows = [r for r in rows if not (r and r[0].startswith("#"))]
                if rows:
                    self.writer.names = rows[0]

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT or item is None:
            return
        writer = self.writer
        if writer.names is None:
            writer.names = _csv_names(item)
            if self.param("IncludeTypeInformation"):
                self.lines.append(_type_line(item))
            if not self.param("NoHeader"):
                self.lines.append(writer.header(writer.names))
        self.lines.append(writer.row(item))

    def end(self) -> None:
        if not self.should_process(self.path, "Export-Csv"):
            return
        text = "".join(line + "\n" for line in self.lines)
        if not text and self.append:
            return
        _write_file(self, self.path, text, append=self.append,
                    encoding=self.param("Encoding"),
                    no_clobber=bool(self.param("NoClobber")) and not self.append)


def _parse_csv(text: str, delimiter: str) -> list[list[str]]:
    """PowerShell's CSV reader (ImportCsvHelper.ParseNextRecord): quoted fields may hold the
    delimiter, doubled quotes and line breaks; text after a closing quote is kept."""
    rows: list[list[str]] = []
    values: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        i += 1
        if quoted:
            if c == '"':
                if i < n and text[i] == '"':
                    current.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                current.append(c)
            continue
        if c == delimiter:
            values.append("".join(current))
            current = []
        elif c == '"' and not "".join(current).strip():
            current = []
            quoted = True
        elif c in "\r\n":
            if c == "\r" and i < n and text[i] == "\n":
                i += 1
            values.append("".join(current))
            rows.append(values)
            values, current = [], []
        else:
            current.append(c)
    if current or values:
        values.append("".join(current))
        rows.append(values)
    return rows


class _CsvReader:
    """ImportCsvHelper: header (or -Header), #TYPE line, one PSCustomObject per record."""

    def __init__(self, cmdlet: Cmdlet, delimiter: str) -> None:
        self.cmdlet = cmdlet
        self.delimiter = delimiter
        header = cmdlet.param("Header")
        self.header: list[str] | None = [_to_string(h) for h in header] if header else None
        self.type_name: str | None = None
        self.warned = False

    def read(self, text: str) -> Iterator[PSObject]:
        lines = text
        if self.header is None and lines.lstrip("\ufeff").startswith("#"):
            first, _, rest = lines.lstrip("\ufeff").partition("\n")
            if first.casefold().startswith("#type"):
                self.type_name = first[5:].strip() or None
                lines = rest
        rows = _parse_csv(lines.lstrip("\ufeff"), self.delimiter)
        for row in rows:
            if self.header is None:
                while len(row) > 1 and row[-1] == "":
                    row.pop()
                if row and row[0].startswith("#Fields: "):
                    row[0] = row[0][9:]
                elif row and row[0].startswith("#"):
                    continue
                self.header = self._names(row)
                continue
            if len(row) == 1 and row[0] == "":
                continue
            yield self._object(row)

    def _names(self, row: list[str]) -> list[str]:
        names: list[str] = []
        seen: set[str] = set()
        for index, name in enumerate(row):
            if not name:
                if not self.warned:
                    self.warned = True
                    self.cmdlet.write_warning(
                        'One or more headers were not specified. Default names starting with '
                        '"H" have been used in place of any missing headers.')
                name = f"H{index + 1}"
            if name.casefold() in seen:
                self.cmdlet.throw_terminating(
                    f'The member "{name}" is already present.', "MemberAlreadyPresent",
                    "InvalidOperation")
            seen.add(name.casefold())
            names.append(name)
        return names

    def _object(self, row: list[str]) -> PSObject:
        assert self.header is not None
        pairs = [(name, row[index] if index < len(row) else None)
                 for index, name in enumerate(self.header)]
        type_names = [PSCUSTOMOBJECT, "System.Object"]
        if self.type_name:
            type_names = [f"CSV:{self.type_name}", *type_names]
        return PSObject(pairs, type_names)


class ConvertFromCsv(Cmdlet):
    """Converts object properties in character-separated value (CSV) format into CSV versions
    of the original objects.

    ConvertFrom-Csv creates a PSCustomObject for each line of CSV text after the header, with
    a property for each column.
    """

    name = "ConvertFrom-Csv"
    default_set = "Delimiter"
    output_type = "System.Management.Automation.PSObject"
    parameters = (
        Parameter("Delimiter", "string", position=1, sets=("Delimiter",)),
        Parameter("UseCulture", "switch", mandatory=True, sets=("UseCulture",)),
        Parameter("InputObject", "psobject[]", position=0, mandatory=True, pipeline=True),
        Parameter("Header", "string[]"),
    )

    def begin(self) -> None:
        self.lines: list[str] = []

    def process(self) -> None:
        item = _pipeline_item(self)
        if item is NO_INPUT:
            return
        for value in item if isinstance(item, list) else [item]:
            self.lines.append("" if value is None else _to_string(value))

    def end(self) -> None:
        reader = _CsvReader(self, _delimiter(self))
        for obj in reader.read("\n".join(self.lines)):
            self.write_object(obj)


class ImportCsv(Cmdlet):
    """Creates table-like custom objects from the items in a character-separated value (CSV)
    file.

    Import-Csv reads a CSV file and returns a PSCustomObject for each row, with a property for
    each column of the header (or of the Header parameter). Every value is a string.
    """

    name = "Import-Csv"
    default_set = "DelimiterPath"
    output_type = "System.Object"
    parameters = (
        Parameter("Delimiter", "string", position=1, sets=("DelimiterPath",
                                                            "DelimiterLiteralPath")),
        Parameter("Path", "string[]", position=0, mandatory=("DelimiterPath", "CulturePath"),
                  sets=("DelimiterPath", "CulturePath"), pipeline=True),
        Parameter("LiteralPath", "string[]", mandatory=("DelimiterLiteralPath",
                                                        "CultureLiteralPath"),
                  sets=("DelimiterLiteralPath", "CultureLiteralPath"), pipeline_by_name=True,
                  aliases=("PSPath", "LP")),
        Parameter("UseCulture", "switch", mandatory=("CulturePath", "CultureLiteralPath"),
                  sets=("CulturePath", "CultureLiteralPath")),
        Parameter("Header", "string[]"),
        Parameter("Encoding", "string"),
    )

    def process(self) -> None:
        paths = self.param("Path") or self.param("LiteralPath") or []
        for path in paths if isinstance(paths, list) else [paths]:
            try:
                text = _read_file(self, str(path))
            except RuntimeException as error:
                message = error.message
                if error.record.fully_qualified_error_id.startswith("PathNotFound"):
                    message = f"Could not find file '{error.record.target_object}'."
                self.write_error(message, "FileOpenFailure", "OpenError", str(path),
                                 exception_type="System.IO.FileNotFoundException")
                continue
            reader = _CsvReader(self, _delimiter(self))
            for obj in reader.read(text):
                self.write_object(obj)


# =============================================================================================
# dates, time spans, sleeping
# =============================================================================================


def _local(moment: datetime) -> datetime:
    """A DateTime of Kind Local (the simulator's local zone is UTC)."""
    from asrsim.lang import dotnet

    if moment.tzinfo is None:
        return moment.replace(tzinfo=dotnet.LOCAL)
    return moment.astimezone(dotnet.LOCAL)


def _naive(moment: datetime) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def _add_months(moment: datetime, months: int) -> datetime:
    import calendar

    total = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


_UFORMAT_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UFORMAT_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")


def uformat(moment: datetime, text: str) -> str:
    """Get-Date -UFormat: PowerShell 7's table of Unix ``date`` specifiers (an unknown one
    stands for its own letter; a leading ``+`` is ignored)."""
    out: list[str] = []
    i = 1 if text.startswith("+") else 0
    while i < len(text):
        c = text[i]
        if c != "%" or i + 1 >= len(text):
            out.append(c)
            i += 1
            continue
        out.append(_uformat_one(moment, text[i + 1]))
        i += 2
    return "".join(out)


def _uformat_one(moment: datetime, spec: str) -> str:
    hour12 = moment.hour % 12 or 12
    day_of_week = (moment.weekday() + 1) % 7  # .NET DayOfWeek: Sunday is 0
    day_of_year = moment.timetuple().tm_yday
    offset = moment.utcoffset() or timedelta(0)
    offset_hours = int(offset.total_seconds() // 3600)
    ampm = "AM" if moment.hour < 12 else "PM"

    def epoch_seconds() -> str:
        utc = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
        seconds = (utc - datetime(1970, 1, 1)).total_seconds()
        return str(math.floor(abs(seconds) + 0.5) * (1 if seconds >= 0 else -1))

    def week_u() -> str:
        start = (datetime(moment.year, 1, 1).weekday() + 1) % 7
        return f"{((start + 6) % 7 + day_of_year - day_of_week) // 7:02d}"

    table: dict[str, Callable[[], str]] = {
        "A": lambda: _UFORMAT_DAYS[moment.weekday()],
        "a": lambda: _UFORMAT_DAYS[moment.weekday()][:3],
        "B": lambda: _UFORMAT_MONTHS[moment.month - 1],
        "b": lambda: _UFORMAT_MONTHS[moment.month - 1][:3],
        "C": lambda: str(moment.year // 100),
        "c": lambda: (f"{_UFORMAT_DAYS[moment.weekday()][:3]} {moment.day:02d} "
                      f"{_UFORMAT_MONTHS[moment.month - 1][:3]} {moment.year:04d} "
                      f"{moment:%H:%M:%S}"),
        "D": lambda: f"{moment.month:02d}/{moment.day:02d}/{moment.year % 100:02d}",
        "d": lambda: f"{moment.day:02d}",
        "e": lambda: f"{moment.day:2d}",
        "F": lambda: f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}",
        "G": lambda: f"{moment.isocalendar()[0]:04d}",
        "g": lambda: f"{moment.isocalendar()[0] % 100:02d}",
        "H": lambda: f"{moment.hour:02d}",
        "h": lambda: _UFORMAT_MONTHS[moment.month - 1][:3],
        "I": lambda: f"{hour12:02d}",
        "j": lambda: f"{day_of_year:03d}",
        "k": lambda: f"{moment.hour:2d}",
        "l": lambda: f"{hour12:2d}",
        "M": lambda: f"{moment.minute:02d}",
        "m": lambda: f"{moment.month:02d}",
        "n": lambda: "\n",
        "p": lambda: ampm,
        "R": lambda: f"{moment.hour:02d}:{moment.minute:02d}",
        "r": lambda: f"{hour12:02d}:{moment.minute:02d}:{moment.second:02d} {ampm}",
        "S": lambda: f"{moment.second:02d}",
        "s": epoch_seconds,
        "T": lambda: f"{moment:%H:%M:%S}",
        "t": lambda: "\t",
        "U": week_u,
        "u": lambda: str(moment.isoweekday()),
        "V": lambda: f"{moment.isocalendar()[1]:02d}",
        "W": lambda: str(day_of_year // 7),
        "w": lambda: str(day_of_week),
        "X": lambda: f"{moment:%H:%M:%S}",
        "x": lambda: f"{moment.month:02d}/{moment.day:02d}/{moment.year % 100:02d}",
        "Y": lambda: f"{moment.year:04d}",
        "y": lambda: f"{moment.year % 100:02d}",
        "Z": lambda: f"{'+' if offset_hours >= 0 else '-'}{abs(offset_hours):02d}",
    }
    handler = table.get(spec)
    return handler() if handler is not None else spec


_FILE_FORMATS = {
    "filedate": ("yyyyMMdd", False), "filedateuniversal": ("yyyyMMddZ", True),
    "filedatetime": ("yyyyMMddTHHmmssffff", False),
    "filedatetimeuniversal": ("yyyyMMddTHHmmssffffZ", True),
}


class GetDate(Cmdlet):
    """Gets the current date and time.

    Get-Date gets a DateTime object that represents the current date (the simulated world's
    clock) or a date that you specify, or a string of it in a .NET or Unix format.
    """

    name = "Get-Date"
    default_set = "DateAndFormat"
    output_type = "System.DateTime"
    parameters = (
        Parameter("Date", "datetime", position=0, pipeline=True, pipeline_by_name=True,
                  aliases=("LastWriteTime",)),
        Parameter("UnixTimeSeconds", "long", aliases=("UnixTime",)),
        Parameter("Year", "int", validate_range=(1, 9999)),
        Parameter("Month", "int", validate_range=(1, 12)),
        Parameter("Day", "int", validate_range=(1, 31)),
        Parameter("Hour", "int", validate_range=(0, 23)),
        Parameter("Minute", "int", validate_range=(0, 59)),
        Parameter("Second", "int", validate_range=(0, 59)),
        Parameter("Millisecond", "int", validate_range=(0, 999)),
        Parameter("DisplayHint", "string", validate_set=("Date", "Time", "DateTime")),
        Parameter("Format", "string", sets=("DateAndFormat",)),
        Parameter("UFormat", "string", sets=("DateAndUFormat",)),
        Parameter("AsUTC", "switch"),
    )

    def process(self) -> None:
        if self.has("Date") and self.has("UnixTimeSeconds"):
            self.throw_terminating(
                "Parameter set cannot be resolved using the specified named parameters. One or "
                "more parameters issued cannot be used together or an insufficient number of "
                "parameters were provided.", "AmbiguousParameterSet", "InvalidArgument")
        try:
            moment = self._moment()
        except (ValueError, OverflowError):
            self.throw_terminating(
                "The added or subtracted value results in an un-representable DateTime. "
                "(Parameter 'value')", "System.ArgumentOutOfRangeException", "InvalidArgument",
                exception_type="System.ArgumentOutOfRangeException")
        if self.param("AsUTC"):
            moment = moment.astimezone(UTC) if moment.tzinfo is not None else \
                _local(moment).astimezone(UTC)
        fmt = self.param("Format")
        ufmt = self.param("UFormat")
        if fmt is not None:
            self.write_object(self._format(moment, str(fmt)))
        elif ufmt is not None:
            self.write_object(uformat(moment, str(ufmt)))
        else:
            self.write_object(moment)

    def _moment(self) -> datetime:
        if self.has("UnixTimeSeconds"):
            seconds = int(self.param("UnixTimeSeconds"))
            moment = _local(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds))
        elif self.has("Date") and self.param("Date") is not None:
            moment = self.param("Date")
        else:
            moment = _local(self.context.now())
        if self.has("Year"):
            moment = _add_months(moment, (int(self.param("Year")) - moment.year) * 12)
        if self.has("Month"):
            moment = _add_months(moment, int(self.param("Month")) - moment.month)
        for name, unit in (("Day", timedelta(days=1)), ("Hour", timedelta(hours=1)),
                           ("Minute", timedelta(minutes=1)), ("Second", timedelta(seconds=1))):
            if self.has(name):
                current = getattr(moment, name.lower())
                moment = moment + unit * (int(self.param(name)) - current)
        if self.has("Millisecond"):
            # PowerShell also drops the ticks below a millisecond
            moment = moment.replace(microsecond=int(self.param("Millisecond")) * 1000)
        return moment

    def _format(self, moment: datetime, fmt: str) -> str:
        from asrsim.lang.dotnet_format import format_value

        special = _FILE_FORMATS.get(fmt.casefold())
        if special is not None:
            pattern, universal = special
            if universal:
                moment = moment.astimezone(UTC) if moment.tzinfo else moment
                return str(format_value(moment, pattern[:-1])) + "Z"
            return str(format_value(moment, pattern))
        return str(format_value(moment, fmt))


class StartSleep(Cmdlet):
    """Suspends the activity in a script or session for the specified period of time.

    In asrsim, Start-Sleep advances the simulated world's clock (running the work that falls
    due) instead of waiting, so polling loops finish at once.
    """

    name = "Start-Sleep"
    aliases = ("sleep",)
    default_set = "Seconds"
    output_type = ""
    parameters = (
        Parameter("Seconds", "double", position=0, mandatory=True, sets=("Seconds",),
                  pipeline=True, pipeline_by_name=True, validate_range=(0.0, 2147483.0)),
        Parameter("Milliseconds", "int", mandatory=True, sets=("Milliseconds",),
                  pipeline_by_name=True, aliases=("ms",), validate_range=(0, 2147483647)),
        Parameter("Duration", "timespan", mandatory=True, sets=("FromTimeSpan",),
                  pipeline=True, pipeline_by_name=True, aliases=("ts",)),
    )

    def process(self) -> None:
        if self.parameter_set_name == "Milliseconds":
            seconds = int(self.param("Milliseconds")) / 1000
        elif self.parameter_set_name == "FromTimeSpan":
            duration: timedelta = self.param("Duration")
            seconds = duration.total_seconds()
            if seconds < 0 or seconds > 2147483.647:
                self.throw_terminating(
                    f"Cannot validate argument on parameter 'Duration'. The {duration} argument "
                    "is out of range.", "ParameterArgumentValidationError", "InvalidData")
        else:
            seconds = float(self.param("Seconds"))
        self.context.sleep(seconds)


class NewTimeSpan(Cmdlet):
    """Creates a TimeSpan object.

    New-TimeSpan creates a TimeSpan object that represents a time interval: between two
    dates (Start and End default to now) or of the given days, hours, minutes and seconds.
    """

    name = "New-TimeSpan"
    default_set = "Date"
    output_type = "System.TimeSpan"
    parameters = (
        Parameter("Start", "datetime", position=0, sets=("Date",), pipeline_by_name=True,
                  aliases=("LastWriteTime",)),
        Parameter("End", "datetime", position=1, sets=("Date",), pipeline_by_name=True),
        Parameter("Days", "int", sets=("Time",)),
        Parameter("Hours", "int", sets=("Time",)),
        Parameter("Minutes", "int", sets=("Time",)),
        Parameter("Seconds", "int", sets=("Time",)),
        Parameter("Milliseconds", "int", sets=("Time",)),
    )

    def process(self) -> None:
        if self.parameter_set_name == "Time":
            self.write_object(timedelta(
                days=int(self.param("Days", 0) or 0), hours=int(self.param("Hours", 0) or 0),
                minutes=int(self.param("Minutes", 0) or 0),
                seconds=int(self.param("Seconds", 0) or 0),
                milliseconds=int(self.param("Milliseconds", 0) or 0)))
            return
        start = self.param("Start")
        end = self.param("End")
        if start is None or end is None:
            now = _local(self.context.now())
            start = now if start is None else start
            end = now if end is None else end
        self.write_object(_naive(end) - _naive(start))


class GetCulture(Cmdlet):
    """Gets the current culture set in the operating system.

    Get-Culture gets information about the current culture settings: in asrsim, en-US (the
    invariant culture can be named with an empty Name).
    """

    name = "Get-Culture"
    output_type = "System.Globalization.CultureInfo"
    parameters = (
        Parameter("Name", "string", position=0),
        Parameter("ListAvailable", "switch"),
        Parameter("NoUserOverrides", "switch"),
    )

    def process(self) -> None:
        if self.param("ListAvailable"):
            self.write_object(_culture(""))
            self.write_object(_culture("en-US"))
            return
        name = self.param("Name")
        text = "en-US" if name is None else str(name)
        if text.casefold() not in ("", "en-us", "en"):
            self.throw_terminating(f"not supported in asrsim: the culture '{text}' (only en-US "
                                   "and the invariant culture)", "NotSupported",
                                   "NotImplemented", target=text)
        self.write_object(_culture("en-US" if text.casefold() == "en-us" else text))


def _culture(name: str) -> PSObject:
    known = {
        "": (127, "", "Invariant Language (Invariant Country)"),
        "en-US": (1033, "en-US", "English (United States)"),
        "en": (9, "en", "English"),
    }
    lcid, culture_name, display = known.get(name, known["en-US"])
    result = PSObject([
        ("Parent", None), ("LCID", lcid), ("KeyboardLayoutId", lcid), ("Name", culture_name),
        ("IetfLanguageTag", culture_name), ("DisplayName", display),
        ("NativeName", display), ("EnglishName", display),
        ("TwoLetterISOLanguageName", culture_name[:2] or "iv"),
        ("ThreeLetterISOLanguageName", {"": "ivl"}.get(culture_name, "eng")),
        ("ThreeLetterWindowsLanguageName", {"": "IVL"}.get(culture_name, "ENU")),
        ("IsNeutralCulture", culture_name in ("", "en")), ("UseUserOverride", True),
        ("IsReadOnly", False),
    ], ("System.Globalization.CultureInfo", "System.Object"),
        methods={"ToString": lambda: culture_name})
    return result


# =============================================================================================
# Get-Random
# =============================================================================================

_INT32_MAX = 2147483647
_INT64_MAX = 9223372036854775807


class GetRandom(Cmdlet):
    """Gets a random number, or selects objects randomly from a collection.

    Get-Random gets a randomly selected number from the session's seeded generator, or
    selects objects (or shuffles them) from a collection. The integer Maximum is exclusive.
    """

    name = "Get-Random"
    default_set = "RandomNumberParameterSet"
    output_type = "System.Object"
    parameters = (
        Parameter("SetSeed", "int"),
        Parameter("Maximum", "object", position=0, sets=("RandomNumberParameterSet",)),
        Parameter("Minimum", "object", sets=("RandomNumberParameterSet",)),
        Parameter("InputObject", "object[]", position=0,
                  mandatory=("RandomListItemParameterSet", "ShuffleParameterSet"),
                  sets=("RandomListItemParameterSet", "ShuffleParameterSet"), pipeline=True),
        Parameter("Count", "int", sets=("RandomNumberParameterSet",
                                        "RandomListItemParameterSet"),
                  validate_range=(1, 2147483647)),
        Parameter("Shuffle", "switch", mandatory=("ShuffleParameterSet",),
                  sets=("ShuffleParameterSet",)),
    )

    def begin(self) -> None:
        self.random = self.context.runtime.random
        if self.has("SetSeed"):
            self.random.seed(int(self.param("SetSeed")))
        self.items: list[Any] = []

    def process(self) -> None:
        if self.parameter_set_name == "RandomNumberParameterSet":
            return
        item = self.current_input
        if item is NO_INPUT:
            values = self.param("InputObject")
            self.items.extend(values if isinstance(values, list) else [values])
        else:
            self.items.append(item)

    def end(self) -> None:
        if self.parameter_set_name == "RandomNumberParameterSet":
            count = int(self.param("Count") or 1)
            for _ in range(count):
                self.write_object(self._number())
            return
        items = self.items
        if self.parameter_set_name == "ShuffleParameterSet":
            chosen = list(items)
            self.random.shuffle(chosen)
        else:
            count = int(self.param("Count") or 1)
            chosen = self.random.sample(items, min(count, len(items))) if items else []
        for item in chosen:
            self.write_object(item)

    def _bound(self, name: str) -> Any:
        value = self.param(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = conversions.to_number(value)
            except RuntimeException:
                self.throw_terminating(
                    f"Cannot convert value \"{value}\" to type \"System.Double\". Error: "
                    "\"The input string '" + value + "' was not in a correct format.\"",
                    "InvalidCastFromStringToDouble", "InvalidArgument", target=value)
        if isinstance(value, bool) or not _is_number(value):
            number = _as_double(value)
            if number is None:
                self.throw_terminating(
                    f"Cannot convert value \"{_to_string(value)}\" to type \"System.Double\".",
                    "InvalidCastFromStringToDouble", "InvalidArgument", target=value)
            return number
        return value

    def _number(self) -> Any:
        maximum = self._bound("Maximum")
        minimum = self._bound("Minimum")
        rng = self.random
        if isinstance(maximum, float) or isinstance(minimum, float) or \
                type(maximum).__name__ == "Decimal" or type(minimum).__name__ == "Decimal":
            low = 0.0 if minimum is None else float(minimum)
            high = 1.7976931348623157e308 if maximum is None else float(maximum)
            if low >= high:
                self._min_max_error(minimum if minimum is not None else low,
                                    maximum if maximum is not None else high)
            return low + (high - low) * rng.random()
        low_int = 0 if minimum is None else int(minimum)
        high_int = _INT32_MAX if maximum is None else int(maximum)
        if low_int >= high_int:
            self._min_max_error(low_int, high_int)
        return rng.randrange(low_int, high_int)

    def _min_max_error(self, minimum: Any, maximum: Any) -> None:
        self.throw_terminating(
            f"The Minimum value ({_to_string(minimum)}) cannot be greater than or equal to the "
            f"Maximum value ({_to_string(maximum)}).", "MinGreaterThanOrEqualMax",
            "InvalidArgument")


# =============================================================================================
# Join-String, Select-String
# =============================================================================================


class JoinString(Cmdlet):
    """Combines objects from the pipeline into a single string.

    Join-String joins the input objects (or a property of each) into one string, with an
    optional separator, prefix, suffix, quoting or .NET format string.
    """

    # PowerShell puts SingleQuote, DoubleQuote and FormatString in sets of their own beside a
    # default set no parameter names; they are checked in begin() instead
    name = "Join-String"
    output_type = "System.String"
    parameters = (
        Parameter("Property", "object", position=0),
        Parameter("Separator", "string", position=1),
        Parameter("OutputPrefix", "string", aliases=("op",)),
        Parameter("OutputSuffix", "string", aliases=("os",)),
        Parameter("SingleQuote", "switch"),
        Parameter("DoubleQuote", "switch"),
        Parameter("FormatString", "string"),
        Parameter("UseCulture", "switch"),
        Parameter("InputObject", "psobject[]", pipeline=True),
    )

    def begin(self) -> None:
        if sum(1 for n in ("SingleQuote", "DoubleQuote", "FormatString") if self.has(n)) > 1:
            self.throw_terminating(
                "Parameter set cannot be resolved using the specified named parameters. One or "
                "more parameters issued cannot be used together or an insufficient number of "
                "parameters were provided.", "AmbiguousParameterSet", "InvalidArgument")
        self.members = _Members(self)
        specs = parse_specs(self, self.param("Property"), ())
        self.spec = specs[0] if specs else None
        self.parts: list[str] = []

    def process(self) -> None:
        item = self.current_input
        items = [item] if item is not NO_INPUT else (
            self.param("InputObject") if isinstance(self.param("InputObject"), list)
            else ([] if self.param("InputObject") is None else [self.param("InputObject")]))
        for value in items:
            if self.spec is not None:
                found = self.spec.resolve(self.members, value)
                value = None if not found or found[0][1] is _MISSING else found[0][1]
            self.parts.append(self._text(value))

    def _text(self, value: Any) -> str:
        fmt = self.param("FormatString")
        if fmt is not None:
            from asrsim.lang.dotnet_format import format_composite

            return str(format_composite(str(fmt), [value]))
        text = "" if value is None else _to_string(value)
        if self.param("SingleQuote"):
            return "'" + text + "'"
        if self.param("DoubleQuote"):
            return '"' + text + '"'
        return text

    def end(self) -> None:
        separator = self.param("Separator")
        if separator is None:
            separator = "," if self.param("UseCulture") else ""
        prefix = self.param("OutputPrefix") or ""
        suffix = self.param("OutputSuffix") or ""
        self.write_object(f"{prefix}{str(separator).join(self.parts)}{suffix}")


MATCH_INFO = "Microsoft.PowerShell.Commands.MatchInfo"


class SelectString(Cmdlet):
    """Finds text in strings and files.

    Select-String uses regular expression matching (or, with SimpleMatch, plain text) to
    search for patterns in input strings and files, and returns a MatchInfo object for each
    matching line.
    """

    name = "Select-String"
    aliases = ("sls",)
    default_set = "File"
    output_type = MATCH_INFO
    parameters = (
        Parameter("Culture", "string"),
        Parameter("InputObject", "psobject", mandatory=("Object", "ObjectRaw"),
                  sets=("Object", "ObjectRaw"), pipeline=True),
        Parameter("Pattern", "string[]", position=0, mandatory=True),
        Parameter("Path", "string[]", position=1, mandatory=("File", "FileRaw"),
                  sets=("File", "FileRaw"), pipeline_by_name=True),
        Parameter("LiteralPath", "string[]", mandatory=("LiteralFile", "LiteralFileRaw"),
                  sets=("LiteralFile", "LiteralFileRaw"), pipeline_by_name=True,
                  aliases=("PSPath", "LP")),
        Parameter("Raw", "switch", mandatory=("ObjectRaw", "FileRaw", "LiteralFileRaw"),
                  sets=("ObjectRaw", "FileRaw", "LiteralFileRaw")),
        Parameter("SimpleMatch", "switch"),
        Parameter("CaseSensitive", "switch"),
        Parameter("Quiet", "switch", sets=("Object", "File", "LiteralFile")),
        Parameter("List", "switch"),
        Parameter("NoEmphasis", "switch"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("NotMatch", "switch"),
        Parameter("AllMatches", "switch"),
        Parameter("Encoding", "string"),
        Parameter("Context", "int[]", validate_count=(1, 2), validate_range=(0, 2147483647)),
    )

    def begin(self) -> None:
        self.case_sensitive = bool(self.param("CaseSensitive"))
        self.simple = bool(self.param("SimpleMatch"))
        self.patterns_text = [str(p) for p in self.param("Pattern") or []]
        self.regexes: list[re.Pattern[str]] = []
        if not self.simple:
            for text in self.patterns_text:
                try:
                    self.regexes.append(conversions.compile_regex(
                        text, ignore_case=not self.case_sensitive))
                except RuntimeException as error:
                    self.throw_terminating(
                        f"The string {text} is not a valid regular expression: "
                        f"{error.message}", "InvalidRegex", "InvalidArgument",
                        exception_type="System.ArgumentException")
        context = self.param("Context") or [0]
        self.before = int(context[0])
        self.after = int(context[1] if len(context) > 1 else context[0])
        self.found = False
        self.stopped = False
        self.line_number = 0
        self.history: deque[str] = deque(maxlen=self.before or 1)
        self.pending: list[tuple[PSObject, list[str]]] = []

    # -- matching ---------------------------------------------------------------------------

    def _match(self, line: str) -> tuple[str | None, list[PSObject]]:
        """The pattern that matched and the Match objects, or (None, []). A simple match has
        no Match objects, as PowerShell documents."""
        from asrsim.lang import dotnet

        if self.simple:
            for text in self.patterns_text:
                haystack, needle = (line, text) if self.case_sensitive else (
                    line.casefold(), text.casefold())
                if needle in haystack:
                    return text, []
            return None, []
        for text, regex in zip(self.patterns_text, self.regexes, strict=True):
            first = regex.search(line)
            if first is None:
                continue
            if self.param("AllMatches"):
                return text, [dotnet.match_object(m, regex, line) for m in regex.finditer(line)]
            return text, [dotnet.match_object(first, regex, line)]
        return None, []

    def _scan(self, line: str, filename: str, path: str) -> None:
        self.line_number += 1
        if self.pending:
            # this line is post-context of earlier matches; a match is written once its
            # context is complete
            waiting: list[tuple[PSObject, list[str]]] = []
            for info, after in self.pending:
                after.append(line)
                context = info.get("Context")
                context.set("PostContext", list(after))
                context.set("DisplayPostContext", list(after))
                if len(after) >= self.after:
                    self.write_object(info)
                else:
                    waiting.append((info, after))
            self.pending = waiting
        pattern, matches = self._match(line)
        hit = pattern is not None
        if self.param("NotMatch"):
            hit = not hit
        if hit and not self.stopped:
            self.found = True
            if self.param("List"):
                self.stopped = True
            if self.param("Quiet"):
                pass
            elif self.param("Raw"):
                self.write_object(line)
            else:
                info = self._match_info(line, filename, path, pattern, matches)
                if self.after:
                    self.pending.append((info, []))
                else:
                    self.write_object(info)
        if self.before:
            self.history.append(line)

    def _flush(self) -> None:
        for info, _ in self.pending:
            self.write_object(info)
        self.pending = []

    def _match_info(self, line: str, filename: str, path: str, pattern: str | None,
                    matches: list[PSObject]) -> PSObject:
        before = list(self.history)[-self.before:] if self.before else []
        context = PSObject([("PreContext", before), ("PostContext", []),
                            ("DisplayPreContext", before), ("DisplayPostContext", [])],
                           ("Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object"))
        number = self.line_number
        relative = path if path == "InputStream" else self._relative(path)
        info = PSObject([
            ("IgnoreCase", not self.case_sensitive), ("LineNumber", number), ("Line", line),
            ("Filename", filename), ("Path", path),
            ("Pattern", pattern if pattern is not None else self.patterns_text[0]),
            ("Context", context if self.before or self.after else None),
            ("Matches", matches),
        ], (MATCH_INFO, "System.Object"))

        def to_string() -> str:
            prefix = "" if path == "InputStream" else f"{relative}:{number}:"
            if not (self.before or self.after):
                return f"{prefix}{line}"
            lines = [f"  {prefix}{text}" for text in context.get("PreContext") or []]
            lines.append(f"> {prefix}{line}")
            lines.extend(f"  {prefix}{text}" for text in context.get("PostContext") or [])
            return "\n".join(lines)

        info.methods["tostring"] = to_string
        return info

    def _relative(self, path: str) -> str:
        from pathlib import Path

        runtime: Runtime = self.context.runtime
        try:
            return str(Path(path).relative_to(runtime.location))
        except ValueError:
            return path

    # -- input ------------------------------------------------------------------------------

    def process(self) -> None:
        if self.parameter_set_name in ("Object", "ObjectRaw"):
            item = _pipeline_item(self)
            if item is NO_INPUT or item is None:
                return
            self._scan(_to_string(item), "InputStream", "InputStream")
            return
        runtime: Runtime = self.context.runtime
        paths = self.param("Path") or self.param("LiteralPath") or []
        literal = self.param("LiteralPath") is not None
        for path in paths if isinstance(paths, list) else [paths]:
            for target in _expand_path(runtime, str(path), literal):
                try:
                    text = _read_file(self, str(target))
                except RuntimeException as error:
                    self.write_error(error.message, "PathNotFound", "ObjectNotFound",
                                     str(path))
                    continue
                self.line_number = 0
                self.history.clear()
                self.stopped = False
                for line in text.splitlines():
                    self._scan(line, target.name, str(target))
                self._flush()

    def end(self) -> None:
        self._flush()
        if self.param("Quiet"):
            self.write_object(True if self.found else None)


def _expand_path(runtime: Runtime, path: str, literal: bool) -> list[Any]:
    """A -Path with wildcards names the files that match it (sorted, as the FileSystem
    provider lists them); without, or with -LiteralPath, the path itself."""
    from asrsim.lang import files

    target = files.resolve(runtime, path)
    if literal or not has_wildcard(target.name):
        return [target]
    pattern = wildcard_regex(target.name)
    folder = target.parent
    if not folder.is_dir():
        return [target]
    found = sorted((p for p in folder.iterdir() if p.is_file() and pattern.fullmatch(p.name)),
                   key=lambda p: p.name.casefold())
    return found


# =============================================================================================
# the module
# =============================================================================================

CMDLETS: tuple[type[Cmdlet], ...] = (
    SelectObject, SortObject, GroupObject, MeasureObject, CompareObject, TeeObject, GetUnique,
    GetMember, NewObject, AddMember,
    WriteOutput, WriteHost, WriteError, WriteWarning, WriteVerbose, WriteDebug,
    WriteInformation, WriteProgress,
    OutNull, OutHost, OutString, OutFile, FormatTable, FormatList, FormatWide,
    ConvertToJson, ConvertFromJson, ConvertToCsv, ConvertFromCsv, ExportCsv, ImportCsv,
    GetDate, StartSleep, NewTimeSpan, GetCulture, GetRandom, JoinString, SelectString,
)


# =============================================================================================
# enumerations the parameters use ([ConsoleColor], [ErrorCategory], [PSMemberTypes])
# =============================================================================================

#: PSMemberTypes' flag values; the combinations follow the single members
_MEMBER_TYPE_VALUES = {name: 1 << index for index, name in enumerate(_MEMBER_TYPES)}
_MEMBER_TYPE_VALUES.update({
    "Properties": sum(_MEMBER_TYPE_VALUES[n] for n in _MEMBER_GROUPS["properties"]),
    "Methods": sum(_MEMBER_TYPE_VALUES[n] for n in _MEMBER_GROUPS["methods"]),
    "All": sum(1 << index for index in range(len(_MEMBER_TYPES))),
})


def _enum_type(full_name: str, names: tuple[str, ...], *, flags: bool = False,
               values: dict[str, int] | None = None) -> Any:
    """A .NET enum as a PSType: casting a name (any case; ``a, b`` for flags) or a number
    gives the canonical name, as a str subclass that says its .NET type; anything else fails
    with PowerShell's "Unable to match the identifier name" error."""
    from asrsim.lang.types import PSType

    numbers = values or {name: index for index, name in enumerate(names)}
    by_number = {number: name for name, number in numbers.items()}
    by_name = {name.casefold(): name for name in names}
    kind = type(full_name.rsplit(".", 1)[-1], (str,), {"__slots__": (),
                                                       "dotnet_type_name": full_name})

    def fail(value: Any, part: str) -> RuntimeException:
        return conversions.cast_error(
            value, full_name, f"Unable to match the identifier name {part} to a valid "
            "enumerator name. Specify one of the following enumerator names and try again:\n"
            + ", ".join(names), "InvalidCastFromStringToEnum")

    def convert(value: Any) -> Any:
        if value is None:
            raise conversions.null_cast_error(full_name)
        if isinstance(value, kind):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            if value in by_number:
                return kind(by_number[value])
            raise fail(value, str(value))
        text = _to_string(value)
        parts = [p.strip() for p in text.split(",")] if flags else [text.strip()]
        canonical: list[str] = []
        for part in parts:
            found = by_name.get(part.casefold())
            if found is None:
                raise fail(value, part)
            canonical.append(found)
        return kind(", ".join(canonical))

    return PSType(full_name, converter=convert,
                  instance_check=lambda v: isinstance(v, kind), is_value_type=True,
                  python_types=(kind,))


def _note_property_name_type() -> Any:
    """Add-Member's NotePropertyName: PowerShell turns a number into its string
    (NotePropertyTransformation) and refuses a member type's name
    (ValidateNotePropertyName), which is what sends ``Add-Member NoteProperty Name Value``
    to -MemberType and ``Add-Member Name Value`` to -NotePropertyName."""
    from asrsim.lang.types import PSType

    refused = {n.casefold() for n in _ADDABLE_MEMBER_TYPES}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        text = _to_string(value)
        if text.strip().casefold() in refused:
            raise RuntimeException(
                "The parameter NotePropertyName cannot take values that could be converted to "
                f"the type {MEMBER_TYPES_ENUM}. To define the name of a member with those "
                "values, use Add-Member, and specify the member type.",
                "ParameterArgumentValidationError", "InvalidData", target=value)
        return text

    return PSType(NOTE_PROPERTY_NAME, name="String", converter=convert,
                  instance_check=lambda v: isinstance(v, str))


def register(runtime: Runtime, session: Any) -> None:
    """The enumerations this module's parameters are typed with."""
    types = runtime.types
    types.register(_note_property_name_type())
    types.register(_enum_type(MEMBER_TYPES_ENUM, (*_MEMBER_TYPES, "Properties", "Methods",
                                                  "All"),
                              flags=True, values=_MEMBER_TYPE_VALUES))
    types.register(_enum_type(CONSOLE_COLOR_ENUM, _CONSOLE_COLORS), "ConsoleColor")
    types.register(_enum_type(ERROR_CATEGORY_ENUM, CATEGORIES), "ErrorCategory")
