"""The .NET member adapter: what ``$x.Length``, ``$s.Substring(1, 2)``, ``[math]::Round(2.5)``
and ``Get-Member`` see.

Every PowerShell value (see :mod:`asrsim.lang.psobject`) stands for a .NET type; this module
emulates a representative, honest subset of that type's public members with .NET's semantics
(banker's rounding, ordinal string search, TimeSpan components truncated toward zero, Split's
overloads as PowerShell 7 picks them) and PowerShell's error texts and FullyQualifiedErrorIds.

What is *not* here, because the language layer (``asrsim.lang.members``) owns it: member-access
enumeration (``$vms.Name``), the intrinsic ``Count``/``Length`` of scalars and ``$null``, the
script-block methods ``.ForEach({})`` / ``.Where({})``, and $null/strict-mode handling of a
missing member (this module answers :data:`MISSING`).

Conventions:

- names are looked up case-insensitively, as PowerShell does;
- a .NET exception thrown by a method surfaces as PowerShell's MethodInvocationException
  (``Exception calling "Substring" with "1" argument(s): "..."``) whose FullyQualifiedErrorId
  is the short name of the .NET exception (``ArgumentOutOfRangeException``);
- arguments are converted to the parameter types as PowerShell's binder would
  (``'abc'.Substring('1')`` works); a failed conversion gives PowerShell's
  ``Cannot convert argument "startIndex", with value: ...`` error;
- the simulator has no local time zone: local time is UTC. A ``Local`` DateTime carries the
  :data:`LOCAL` tzinfo (offset 0) so that its ``Kind`` survives, ``Utc`` carries
  ``datetime.UTC`` and a naive datetime is ``Unspecified``.
"""

from __future__ import annotations

import base64
import calendar
import copy as _copy
import decimal
import ipaddress
import math
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any, Final, Literal

from asrsim.lang import conversions, dotnet_format
from asrsim.lang.conversions import Char, Version
from asrsim.lang.errors import ErrorRecord, RuntimeException
from asrsim.lang.psobject import (
    MISSING,
    ArrayList,
    Hashtable,
    PSObject,
    PSScriptProperty,
)
from asrsim.lang.scopes import PSVariable
from asrsim.lang.types import GenericList, PSType, TypeRegistry, default_types

__all__ = [
    "CAPTURE_TYPE",
    "DICTIONARY_ENTRY",
    "GROUP_TYPE",
    "LOCAL",
    "MATCH_TYPE",
    "MISSING",
    "PSCUSTOMOBJECT",
    "DotNetException",
    "Encoding",
    "MemberInfo",
    "NamedList",
    "PSObjectInfo",
    "PropertyCollection",
    "StringBuilder",
    "TypeNameCollection",
    "compile_regex",
    "datetime_display",
    "datetime_to_string",
    "declares_to_string",
    "dictionary_entry",
    "format_composite",
    "get_item",
    "get_property",
    "get_static",
    "has_method",
    "invoke_method",
    "invoke_static",
    "match_object",
    "members",
    "net_to_string",
    "property_names",
    "set_property",
    "static_members",
    "type_names_of",
    "wildcard_regex",
]

#: the tzinfo of a DateTime whose Kind is Local (the simulator's local zone is UTC)
LOCAL: Final = timezone(timedelta(0), "Local")

PSCUSTOMOBJECT = "System.Management.Automation.PSCustomObject"


@dataclass(frozen=True)
class MemberInfo:
    """One row of ``Get-Member``."""

    name: str
    member_type: str  # Property | Method | NoteProperty | ScriptProperty | AliasProperty | ...
    definition: str


# =============================================================================================
# errors
# =============================================================================================


class DotNetException(Exception):
    """A .NET exception thrown inside an emulated method; the dispatcher wraps it the way
    PowerShell does (MethodInvocationException)."""

    def __init__(self, message: str, exception_type: str = "System.ArgumentException") -> None:
        super().__init__(message)
        self.message = message
        self.exception_type = exception_type


def _out_of_range(message: str, param: str) -> DotNetException:
    return DotNetException(f"{message} (Parameter '{param}')",
                           "System.ArgumentOutOfRangeException")


def _null_argument(param: str) -> DotNetException:
    return DotNetException(f"Value cannot be null. (Parameter '{param}')",
                           "System.ArgumentNullException")


def _fixed_size() -> DotNetException:
    return DotNetException("Collection was of a fixed size.", "System.NotSupportedException")


def _invocation_error(name: str, argc: int, error: DotNetException) -> RuntimeException:
    short = error.exception_type.rsplit(".", 1)[-1]
    return RuntimeException(
        f'Exception calling "{name}" with "{argc}" argument(s): "{error.message}"',
        short, "NotSpecified",
        dotnet_type="System.Management.Automation.MethodInvocationException")


def _method_not_found(type_name: str, name: str) -> RuntimeException:
    return RuntimeException(
        f"Method invocation failed because [{type_name}] does not contain a method named "
        f"'{name}'.", "MethodNotFound", "InvalidOperation", target=name)


def _count_mismatch(name: str, argc: int) -> RuntimeException:
    return RuntimeException(
        f'Cannot find an overload for "{name}" and the argument count: "{argc}".',
        "MethodCountCouldNotFindBest", "NotSpecified",
        dotnet_type="System.Management.Automation.MethodException")


def _property_not_found(name: str) -> RuntimeException:
    return RuntimeException(
        f"The property '{name}' cannot be found on this object. Verify that the property "
        "exists and can be set.", "PropertyNotFound", "InvalidOperation", target=name)


def _read_only(name: str) -> RuntimeException:
    return RuntimeException(f'"{name}" is a ReadOnly property.', "PropertyAssignmentException",
                            "NotSpecified",
                            dotnet_type="System.Management.Automation.SetValueInvocationException")


class _ConversionFailed(Exception):
    def __init__(self, target_type: str, inner: str) -> None:
        super().__init__(inner)
        self.target_type = target_type
        self.inner = inner


# =============================================================================================
# small .NET-like helper types
# =============================================================================================


class NamedList(list[Any]):
    """A .NET collection that is also indexed by name: a GroupCollection (``$m.Groups['x']``),
    the ``psobject.Properties`` collection (``$o.psobject.Properties['Name']``)."""

    def __init__(self, items: Iterable[Any], dotnet_type_name: str) -> None:
        super().__init__(items)
        self.dotnet_type_name = dotnet_type_name

    def by_name(self, key: str) -> Any:
        """The element whose Name is ``key`` (case-insensitive), or None."""
        folded = key.casefold()
        for item in self:
            if isinstance(item, PSObject) and str(item.get("Name", "")).casefold() == folded:
                return item
        return None


class TypeNameCollection(ArrayList):
    """``$x.psobject.TypeNames``: a Collection<string> whose ``Add`` returns nothing."""

    dotnet_type_name = ("System.Collections.ObjectModel.Collection`1[[System.String, "
                        "System.Private.CoreLib]]")


class PSObjectInfo:
    """The intrinsic ``.psobject`` member of any value."""

    dotnet_type_name = "System.Management.Automation.PSObject"

    __slots__ = ("target",)

    def __init__(self, target: Any) -> None:
        self.target = target

    def __repr__(self) -> str:
        return f"PSObjectInfo({self.target!r})"


class StringBuilder:
    """System.Text.StringBuilder."""

    dotnet_type_name = "System.Text.StringBuilder"

    __slots__ = ("capacity", "parts")

    def __init__(self, text: str = "", capacity: int = 16) -> None:
        self.parts: list[str] = [text] if text else []
        self.capacity = max(capacity, len(text), 16)

    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"StringBuilder({self.text()!r})"


class Encoding:
    """System.Text.Encoding: UTF8, ASCII, Unicode (UTF-16LE), UTF32, BigEndianUnicode."""

    dotnet_type_name = "System.Text.Encoding"

    __slots__ = ("codec", "name")

    def __init__(self, name: str, codec: str) -> None:
        self.name = name
        self.codec = codec

    def __repr__(self) -> str:
        return f"Encoding({self.name})"


_ENCODINGS: Final = MappingProxyType({
    "utf8": ("Unicode (UTF-8)", "utf-8"),
    "ascii": ("US-ASCII", "ascii"),
    "unicode": ("Unicode", "utf-16-le"),
    "bigendianunicode": ("Unicode (Big-Endian)", "utf-16-be"),
    "utf32": ("Unicode (UTF-32)", "utf-32-le"),
    "default": ("Unicode (UTF-8)", "utf-8"),
    "latin1": ("Western European (ISO)", "latin-1"),
})


# =============================================================================================
# type names
# =============================================================================================

_VALUE_TYPES: Final = frozenset({
    "System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte",
    "System.UInt16", "System.UInt32", "System.UInt64", "System.Double", "System.Single",
    "System.Decimal", "System.Boolean", "System.Char", "System.DateTime", "System.TimeSpan",
    "System.Guid", "System.Collections.DictionaryEntry", "System.Numerics.BigInteger",
    "System.IntPtr",
})


def _type_name(value: Any) -> str:
    if isinstance(value, PSObject):
        return value.type_name
    if isinstance(value, PSObjectInfo | TypeNameCollection | NamedList | StringBuilder
                  | Encoding):
        return value.dotnet_type_name
    # engine objects that stand for PowerShell's own types without naming them
    if isinstance(value, ErrorRecord):
        return "System.Management.Automation.ErrorRecord"
    if isinstance(value, PSVariable):
        return "System.Management.Automation.PSVariable"
    return conversions.type_name_of(value)


def type_names_of(value: Any) -> list[str]:
    """The type names PowerShell would list in ``$x.psobject.TypeNames``: the value's own .NET
    type first, then its base types (what format views are selected by)."""
    if isinstance(value, PSObject):
        return list(value.type_names)
    name = _type_name(value)
    if name.endswith("[]"):
        return [name, "System.Array", "System.Object"]
    if name in _VALUE_TYPES:
        return [name, "System.ValueType", "System.Object"]
    if name == "System.Object":
        return [name]
    return [name, "System.Object"]


#: PowerShell's short names for types in member definitions (ToStringCodeMethods.Type)
_SHORT_TYPES: Final = MappingProxyType({
    "System.String": "string", "System.Int32": "int", "System.Int64": "long",
    "System.Double": "double", "System.Single": "float", "System.Decimal": "decimal",
    "System.Boolean": "bool", "System.Char": "char", "System.Byte": "byte",
    "System.DateTime": "datetime", "System.TimeSpan": "timespan", "System.Guid": "guid",
    "System.Collections.Hashtable": "hashtable", "System.Object": "System.Object",
    "System.Text.RegularExpressions.Regex": "regex", "System.Version": "version",
    "System.Management.Automation.ScriptBlock": "scriptblock",
})


def _display_type_of_value(value: Any) -> str:
    """PSNoteProperty.GetDisplayTypeNameOfValue: a PSObject's first type name, else the
    type's short name without namespace (``int``, ``Object[]``)."""
    if value is None:
        return "object"
    if isinstance(value, PSObject):
        return value.type_name
    name = _type_name(value)
    short = _SHORT_TYPES.get(name)
    if short is not None:
        return short
    return name.rsplit(".", 1)[-1]


# =============================================================================================
# argument conversion
# =============================================================================================

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)


def _round_half_even(value: float | decimal.Decimal) -> int:
    if isinstance(value, decimal.Decimal):
        return int(value.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
    return round(value)


def _value_text(value: Any) -> str:
    try:
        return conversions.to_string(value)
    except RuntimeException:
        return str(value)


def _to_integer(value: Any, type_name: str, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return 0
    if isinstance(value, int):
        number: int | float | decimal.Decimal = value
    elif isinstance(value, float | decimal.Decimal):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return 0
        try:
            number = conversions.to_number(text)
        except RuntimeException:
            raise _ConversionFailed(
                type_name, f'Cannot convert value "{value}" to type "{type_name}". Error: '
                f'"The input string \'{value}\' was not in a correct format."') from None
    else:
        try:
            number = conversions.to_number(value)
        except RuntimeException as error:
            raise _ConversionFailed(type_name, error.message) from None
    if isinstance(number, float) and (math.isnan(number) or math.isinf(number)):
        raise _ConversionFailed(type_name, f'Cannot convert value "{_value_text(value)}" to '
                                f'type "{type_name}". Error: "Value was either too large or '
                                f'too small for an {type_name.rsplit(".", 1)[-1]}."')
    result = number if isinstance(number, int) else _round_half_even(number)
    if not bounds[0] <= result <= bounds[1]:
        raise _ConversionFailed(type_name, f'Cannot convert value "{_value_text(value)}" to '
                                f'type "{type_name}". Error: "Value was either too large or '
                                f'too small for an {type_name.rsplit(".", 1)[-1]}."')
    return result


def _to_double(value: Any) -> float:
    if isinstance(value, bool):
        return float(value)
    if value is None:
        return 0.0
    if isinstance(value, int | float | decimal.Decimal):
        return float(value)
    try:
        number = conversions.to_number(value)
    except RuntimeException:
        raise _ConversionFailed(
            "System.Double", f'Cannot convert value "{_value_text(value)}" to type '
            f'"System.Double". Error: "The input string \'{_value_text(value)}\' was not in a '
            'correct format."') from None
    return float(number)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


class _Args:
    """The arguments of one call, with PowerShell's conversions to parameter types."""

    __slots__ = ("ctx", "method", "values")

    def __init__(self, method: str, values: Sequence[Any], ctx: _Context) -> None:
        self.method = method
        self.values = list(values)
        self.ctx = ctx

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: int) -> Any:
        return self.values[index]

    def _fail(self, index: int, param: str, error: _ConversionFailed) -> RuntimeException:
        return RuntimeException(
            f'Cannot convert argument "{param}", with value: "{_value_text(self.values[index])}",'
            f' for "{self.method}" to type "{error.target_type}": "{error.inner}"',
            "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
            dotnet_type="System.Management.Automation.MethodException")

    def i32(self, index: int, param: str) -> int:
        try:
            return _to_integer(self.values[index], "System.Int32", _INT32)
        except _ConversionFailed as error:
            raise self._fail(index, param, error) from None

    def i64(self, index: int, param: str) -> int:
        try:
            return _to_integer(self.values[index], "System.Int64", _INT64)
        except _ConversionFailed as error:
            raise self._fail(index, param, error) from None

    def dbl(self, index: int, param: str) -> float:
        try:
            return _to_double(self.values[index])
        except _ConversionFailed as error:
            raise self._fail(index, param, error) from None

    def text(self, index: int, param: str) -> str:
        """A string parameter; $null arrives as null in .NET, which most methods reject."""
        value = self.values[index]
        if value is None:
            raise _null_argument(param)
        return value if isinstance(value, str) else _value_text(value)

    def opt_str(self, index: int) -> str | None:
        value = self.values[index]
        if value is None:
            return None
        return value if isinstance(value, str) else _value_text(value)

    def char(self, index: int, param: str) -> str:
        value = self.values[index]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFF:
            return chr(value)
        text = "" if value is None else (value if isinstance(value, str) else _value_text(value))
        if len(text) != 1:
            raise self._fail(index, param, _ConversionFailed(
                "System.Char", f'Cannot convert value "{text}" to type "System.Char". Error: '
                '"String must be exactly one character long."'))
        return text

    def flag(self, index: int) -> bool:
        return conversions.to_bool(self.values[index])

    def is_int_like(self, index: int) -> bool:
        value = self.values[index]
        if _is_number(value):
            return True
        if isinstance(value, str):
            try:
                int(value.strip())
            except ValueError:
                return False
            return True
        return False


@dataclass(frozen=True)
class _Context:
    types: TypeRegistry | None = None
    invoke_script: Callable[[Any, list[Any]], Any] | None = None
    clock: Callable[[], datetime] | None = None
    new_guid: Callable[[], uuid.UUID] | None = None
    environment: Mapping[str, str] | None = None

    def registry(self) -> TypeRegistry:
        # made on demand: only GetType() and friends need one
        return self.types if self.types is not None else default_types()


# =============================================================================================
# member tables
# =============================================================================================

Getter = Callable[[Any], Any]
Setter = Callable[[Any, Any], None]
Impl = Callable[[Any, _Args], Any]


@dataclass(frozen=True)
class _Prop:
    name: str
    type: str
    get: Getter
    set: Setter | None = None
    member_type: str = "Property"
    definition_text: str | None = None

    @property
    def definition(self) -> str:
        if self.definition_text is not None:
            return self.definition_text
        access = "{get;set;}" if self.set is not None else "{get;}"
        return f"{self.type} {self.name} {access}"


def _split_params(inner: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in inner:
        if ch in "[(<":
            depth += 1
        elif ch in "])>":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def _arity(definition: str) -> tuple[int, int]:
    inner = definition[definition.index("(") + 1:definition.rindex(")")]
    params = _split_params(inner)
    variadic = [p for p in params if p.casefold().startswith("params ")]
    required = sum(1 for p in params if " = " not in p and p not in variadic)
    if variadic:
        return required, 1_000_000
    return required, len(params)


@dataclass(frozen=True)
class _Method:
    name: str
    impl: Impl
    overloads: tuple[str, ...]
    #: Get-Member lists it as a ParameterizedProperty (String.Chars, ArrayList.Item)
    parameterized: bool = False

    def accepts(self, argc: int) -> bool:
        for definition in self.overloads:
            low, high = _arity(definition)
            if low <= argc <= high:
                return True
        return False


@dataclass(frozen=True)
class _TypeInfo:
    name: str
    props: Mapping[str, _Prop]
    methods: Mapping[str, _Method]


def _p(name: str, type_: str, get: Getter, set_: Setter | None = None, *,
       member_type: str = "Property", definition: str | None = None) -> _Prop:
    return _Prop(name, type_, get, set_, member_type, definition)


def _m(name: str, impl: Impl, *overloads: str, parameterized: bool = False) -> _Method:
    return _Method(name, impl, overloads, parameterized)


def _common_methods(type_name: str) -> list[_Method]:
    """Equals / GetHashCode / GetType / ToString: every object has them."""
    return [
        _m("Equals", lambda o, a: _net_equals(o, a[0]), "bool Equals(System.Object obj)"),
        _m("GetHashCode", lambda o, a: _hash_code(o), "int GetHashCode()"),
        _m("GetType", lambda o, a: _get_type(o, a.ctx), "type GetType()"),
        _m("ToString", lambda o, a: net_to_string(o), "string ToString()"),
    ]


def _type(name: str, props: Sequence[_Prop] = (), methods: Sequence[_Method] = (), *,
          common: bool = True) -> _TypeInfo:
    table: dict[str, _Method] = {}
    if common:
        for method in _common_methods(name):
            table[method.name.casefold()] = method
    for method in methods:
        table[method.name.casefold()] = method
    return _TypeInfo(name, MappingProxyType({p.name.casefold(): p for p in props}),
                     MappingProxyType(table))


# ---------------------------------------------------------------------------------------------
# equality, hashing, ToString
# ---------------------------------------------------------------------------------------------


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _net_equals(a: Any, b: Any) -> bool:
    """Object.Equals: the types must agree (``(5).Equals('5')`` and ``(5).Equals(5.0)`` are
    False); strings compare ordinally."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, decimal.Decimal) and isinstance(b, decimal.Decimal):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, datetime) and isinstance(b, datetime):
        return _naive(a) == _naive(b)
    if isinstance(a, timedelta | uuid.UUID) and type(a) is type(b):
        return bool(a == b)
    if isinstance(a, PSObject) and isinstance(b, PSObject):
        return a is b
    if type(a) is not type(b):
        return False
    if isinstance(a, list | dict | PSObject | StringBuilder):
        return a is b
    return bool(a == b)


def _hash_code(value: Any) -> int:
    """A deterministic GetHashCode (Python's string hash is salted per process)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value if _INT32[0] <= value <= _INT32[1] else (value ^ (value >> 32)) & 0x7FFFFFFF
    text = _value_text(value) if not isinstance(value, str) else value
    h = 0x811C9DC5
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h - 2**32 if h >= 2**31 else h


def _day_of_week(moment: datetime) -> Any:
    """DateTime.DayOfWeek: a [System.DayOfWeek] value (Sunday is 0), not just its name."""
    from asrsim.lang.types import DAY_OF_WEEK

    return conversions.EnumValue((moment.weekday() + 1) % 7, DAY_OF_WEEK)


_DAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday")


def short_date(moment: datetime) -> str:
    """ToShortDateString(): en-US ``M/d/yyyy``."""
    return dotnet_format.format_datetime(moment, "d")


def long_date(moment: datetime) -> str:
    """ToLongDateString(): en-US ``dddd, MMMM d, yyyy``."""
    return dotnet_format.format_datetime(moment, "D")


def short_time(moment: datetime) -> str:
    """ToShortTimeString(): en-US ``h:mm tt``."""
    return dotnet_format.format_datetime(moment, "t")


def long_time(moment: datetime) -> str:
    """ToLongTimeString(): en-US ``h:mm:ss tt``."""
    return dotnet_format.format_datetime(moment, "T")


def datetime_to_string(moment: datetime) -> str:
    """``$d.ToString()``: the en-US general pattern (``3/2/2026 8:00:00 AM``). PowerShell's
    own string conversion, ``"$d"``, is invariant-culture (conversions.to_string)."""
    return dotnet_format.format_datetime(moment)


def datetime_display(moment: datetime) -> str:
    """The DateTime ScriptProperty (what ``Get-Date`` prints): long date and long time."""
    return f"{long_date(moment)} {long_time(moment)}"


def net_to_string(value: Any) -> str:
    """What ``$x.ToString()`` returns (current culture: en-US)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, datetime):
        return datetime_to_string(value)
    if isinstance(value, float):
        # .NET Core's Double.ToString() is the shortest round-trip form ("$x" is G15)
        if getattr(type(value), "dotnet_type_name", "") == "System.Single":
            return dotnet_format.format_single_roundtrip(value, dotnet_format.EN_US)
        return dotnet_format.format_double_roundtrip(value, dotnet_format.EN_US)
    if isinstance(value, PSObject):
        method = value.methods.get("tostring")
        if method is not None:
            return str(method())
        if value.type_name in _VALUE_OF_TOSTRING:
            return _value_text(value.get("Value"))
        if value.type_name == PSCUSTOMOBJECT:
            # PSCustomObject.ToString() is the empty string ("$o" is not: conversions')
            return ""
        return value.type_name
    if isinstance(value, list):
        return _type_name(value)
    if isinstance(value, dict):
        return _type_name(value)
    if isinstance(value, re.Pattern):
        return _regex_source(value)
    if isinstance(value, StringBuilder):
        return value.text()
    if isinstance(value, PSObjectInfo):
        return net_to_string(value.target) if not isinstance(value.target, PSObject) \
            else _value_text(value.target)
    if isinstance(value, Encoding):
        return "System.Text.UTF8Encoding" if value.codec == "utf-8" else _type_name(value)
    return _value_text(value)


_VALUE_OF_TOSTRING: Final = frozenset({
    "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
    "System.Text.RegularExpressions.Capture",
})


def _get_type(value: Any, ctx: _Context) -> PSType:
    """GetType(): the PSType the registry knows for the value's .NET type (a type it does not
    know, such as a cmdlet's output type, is made on the spot)."""
    name = _type_name(value)
    found = ctx.registry().resolve(name)
    return found if found is not None else PSType(name)


# =============================================================================================
# strings
# =============================================================================================

_COMPARISONS: Final = ("CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
                       "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase")


def _comparison(value: Any) -> str | None:
    """A StringComparison argument (name or number), or None when the value is not one."""
    if _is_number(value):
        index = int(value)
        return _COMPARISONS[index] if 0 <= index < len(_COMPARISONS) else None
    if isinstance(value, str):
        for name in _COMPARISONS:
            if name.casefold() == value.strip().casefold():
                return name
    return None


def _ignore_case(comparison: str | None) -> bool:
    return comparison is not None and comparison.endswith("IgnoreCase")


def culture_compare(a: str, b: str) -> int:
    """String.Compare with the current culture: letters first by their case-insensitive
    order, then lower case before upper case ("a" < "A" < "b")."""
    fa, fb = a.casefold(), b.casefold()
    if fa != fb:
        return -1 if fa < fb else 1
    for ca, cb in zip(a, b, strict=False):
        if ca != cb:
            return -1 if ca.islower() else 1
    return (len(a) > len(b)) - (len(a) < len(b))


def _find(haystack: str, needle: str, start: int, end: int, ignore_case: bool) -> int:
    if ignore_case:
        return haystack.lower().find(needle.lower(), start, end)
    return haystack.find(needle, start, end)


def _rfind(haystack: str, needle: str, start: int, end: int, ignore_case: bool) -> int:
    if ignore_case:
        return haystack.lower().rfind(needle.lower(), start, end)
    return haystack.rfind(needle, start, end)


def _str_index_of(s: str, a: _Args, *, last: bool = False) -> int:
    needle = a.text(0, "value")
    start: int | None = None
    count: int | None = None
    comparison: str | None = None
    for i in range(1, len(a)):
        cmp = _comparison(a[i]) if not _is_number(a[i]) else None
        if cmp is not None and i == len(a) - 1:
            comparison = cmp
        elif start is None:
            start = a.i32(i, "startIndex")
        else:
            count = a.i32(i, "count")
    ignore = _ignore_case(comparison)
    if not last:
        begin = 0 if start is None else start
        if begin < 0 or begin > len(s):
            raise _out_of_range("Index was out of range. Must be non-negative and less than "
                                "or equal to the size of the collection.", "startIndex")
        end = len(s) if count is None else begin + count
        if count is not None and (count < 0 or end > len(s)):
            raise _out_of_range("Count must be positive and count must refer to a location "
                                "within the string/array/collection.", "count")
        return _find(s, needle, begin, end, ignore)
    if start is None:
        return _rfind(s, needle, 0, len(s), ignore)
    if start < 0 or (s and start >= len(s)):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the "
                            "size of the collection.", "startIndex")
    end = start + 1
    begin = 0 if count is None else end - count
    if begin < 0:
        raise _out_of_range("Count must be positive and count must refer to a location "
                            "within the string/array/collection.", "count")
    # the match must end at or before startIndex (.NET searches backward from it)
    return _rfind(s, needle, begin, end, ignore)


def _chars_of(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {_value_text(v) for v in value}
    return set(value if isinstance(value, str) else _value_text(value))


def _str_index_of_any(s: str, a: _Args, *, last: bool = False) -> int:
    chars = _chars_of(a[0])
    positions = [i for i, ch in enumerate(s) if ch in chars]
    if not positions:
        return -1
    return positions[-1] if last else positions[0]


def _str_substring(s: str, a: _Args) -> str:
    start = a.i32(0, "startIndex")
    if start < 0:
        raise _out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if start > len(s):
        raise _out_of_range("startIndex cannot be larger than length of string.", "startIndex")
    if len(a) == 1:
        return s[start:]
    length = a.i32(1, "length")
    if length < 0:
        raise _out_of_range("Length cannot be less than zero.", "length")
    if start + length > len(s):
        raise _out_of_range("Index and length must refer to a location within the string.",
                            "length")
    return s[start:start + length]


def _str_contains(s: str, a: _Args, mode: str) -> bool:
    value = a.text(0, "value")
    ignore = len(a) > 1 and (
        a.flag(1) if isinstance(a[1], bool) else _ignore_case(_comparison(a[1])))
    hay, needle = (s.lower(), value.lower()) if ignore else (s, value)
    if mode == "contains":
        return needle in hay
    if mode == "starts":
        return hay.startswith(needle)
    return hay.endswith(needle)


def _str_replace(s: str, a: _Args) -> str:
    old = a[0]
    if old is None:
        raise _null_argument("oldValue")
    old_text = old if isinstance(old, str) else _value_text(old)
    if old_text == "":
        raise DotNetException("The value cannot be an empty string. (Parameter 'oldValue')")
    new = a.opt_str(1) or ""
    ignore = False
    if len(a) >= 3:
        ignore = a.flag(2) if isinstance(a[2], bool) else _ignore_case(_comparison(a[2]))
    if not ignore:
        return s.replace(old_text, new)
    return re.sub(re.escape(old_text), lambda _m: new, s, flags=re.IGNORECASE)


_SPLIT_OPTIONS: Final = MappingProxyType({"none": 0, "removeemptyentries": 1,
                                          "trimentries": 2})


def _split_options(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value <= 3 else None
    if isinstance(value, str):
        total = 0
        for part in value.split(","):
            flag = _SPLIT_OPTIONS.get(part.strip().casefold())
            if flag is None:
                return None
            total |= flag
        return total
    return None


def _split_text(s: str, separators: list[str], count: int | None, options: int) -> list[str]:
    """String.Split: separators are tried at each position in order; ``count`` caps the
    number of entries, the last one keeping the rest of the string."""
    remove_empty, trim = bool(options & 1), bool(options & 2)
    if count is not None and count < 0:
        raise _out_of_range("Count cannot be less than zero.", "count")
    if count == 0:
        return []
    whitespace = not separators or all(sep == "" for sep in separators)
    seps = [sep for sep in separators if sep]
    pieces: list[str] = []
    pos = 0
    i = 0

    def keep(piece: str) -> None:
        if trim:
            piece = piece.strip()
        if remove_empty and piece == "":
            return
        pieces.append(piece)

    while i < len(s):
        if count is not None and len(pieces) == count - 1:
            break
        matched = 0
        if whitespace:
            matched = 1 if s[i].isspace() else 0
        else:
            for sep in seps:
                if s.startswith(sep, i):
                    matched = len(sep)
                    break
        if matched:
            keep(s[pos:i])
            i += matched
            pos = i
        else:
            i += 1
    rest = s[pos:]
    if trim:
        rest = rest.strip()
    if not (remove_empty and rest == ""):
        pieces.append(rest)
    return pieces


def _str_split(s: str, a: _Args) -> list[str]:
    """The overloads PowerShell 7 binds: a string argument is Split(string) (the whole string
    is the separator), a char[] splits on any of its characters, no argument splits on
    white space; then an optional count and/or StringSplitOptions."""
    if len(a) == 0:
        return _split_text(s, [], None, 0)
    first = a[0]
    if isinstance(first, list | tuple):
        separators = [_value_text(v) for v in first]
        if all(len(sep) == 1 for sep in separators):
            separators = sorted(set(separators), key=separators.index)
    elif first is None:
        separators = []
    else:
        separators = [first if isinstance(first, str) else _value_text(first)]
    count: int | None = None
    options = 0
    for i in range(1, len(a)):
        value = a[i]
        flags = None if _is_number(value) else _split_options(value)
        if flags is not None:
            options = flags
        else:
            count = a.i32(i, "count")
    return _split_text(s, separators, count, options)


def _str_trim(s: str, a: _Args, mode: str) -> str:
    chars: str | None = None
    if len(a):
        found = _chars_of(a.values if len(a) > 1 else a[0])
        chars = "".join(sorted(found)) if found else None
    if mode == "both":
        return s.strip(chars)
    if mode == "start":
        return s.lstrip(chars)
    return s.rstrip(chars)


def _str_pad(s: str, a: _Args, left: bool) -> str:
    width = a.i32(0, "totalWidth")
    if width < 0:
        raise _out_of_range("Non-negative number required.", "totalWidth")
    fill = a.char(1, "paddingChar") if len(a) > 1 else " "
    return s.rjust(width, fill) if left else s.ljust(width, fill)


def _str_insert(s: str, a: _Args) -> str:
    index = a.i32(0, "startIndex")
    value = a.text(1, "value")
    if not 0 <= index <= len(s):
        raise _out_of_range("Specified argument was out of the range of valid values.",
                            "startIndex")
    return s[:index] + value + s[index:]


def _str_remove(s: str, a: _Args) -> str:
    index = a.i32(0, "startIndex")
    if index < 0:
        raise _out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if len(a) == 1:
        if index >= len(s):
            raise _out_of_range("startIndex must be less than length of string.",
                                "startIndex")
        return s[:index]
    count = a.i32(1, "count")
    if count < 0:
        raise _out_of_range("Count cannot be less than zero.", "count")
    if index + count > len(s):
        raise _out_of_range("Index and count must refer to a location within the string.",
                            "count")
    return s[:index] + s[index + count:]


def _str_to_char_array(s: str, a: _Args) -> list[str]:
    if len(a) == 0:
        return list(s)
    start, length = a.i32(0, "startIndex"), a.i32(1, "length")
    if start < 0 or length < 0 or start + length > len(s):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the "
                            "size of the collection.", "startIndex")
    return list(s[start:start + length])


NormalForm = Literal["NFC", "NFD", "NFKC", "NFKD"]

_NORMAL_FORMS: Final[Mapping[str, NormalForm]] = MappingProxyType({
    "formc": "NFC", "formd": "NFD", "formkc": "NFKC", "formkd": "NFKD", "1": "NFC", "2": "NFD",
    "5": "NFKC", "6": "NFKD"})


def _normal_form(a: _Args) -> NormalForm:
    if len(a) == 0:
        return "NFC"
    key = _value_text(a[0]).strip().casefold()
    form = _NORMAL_FORMS.get(key)
    if form is None:
        raise DotNetException("Invalid normalization form.")
    return form


def _str_chars(s: str, a: _Args) -> str:
    index = a.i32(0, "index")
    if not 0 <= index < len(s):
        raise DotNetException("Index was outside the bounds of the array.",
                              "System.IndexOutOfRangeException")
    return s[index]


def _str_compare_to(s: str, a: _Args) -> int:
    other = a[0]
    if other is None:
        return 1
    if not isinstance(other, str):
        raise DotNetException("Object must be of type String.")
    return culture_compare(s, other)


def _str_equals(s: str, a: _Args) -> bool:
    other = a[0]
    if len(a) > 1:
        if not isinstance(other, str):
            return False
        return s.lower() == other.lower() if _ignore_case(_comparison(a[1])) else s == other
    return isinstance(other, str) and s == other


_STRING = _type("System.String", [
    _p("Length", "int", len),
], [
    _m("Clone", lambda s, a: s, "System.Object Clone()"),
    _m("CompareTo", _str_compare_to, "int CompareTo(System.Object value)",
       "int CompareTo(string strB)"),
    _m("Contains", lambda s, a: _str_contains(s, a, "contains"), "bool Contains(string value)",
       "bool Contains(string value, System.StringComparison comparisonType)",
       "bool Contains(char value)",
       "bool Contains(char value, System.StringComparison comparisonType)"),
    _m("EndsWith", lambda s, a: _str_contains(s, a, "ends"), "bool EndsWith(string value)",
       "bool EndsWith(string value, System.StringComparison comparisonType)",
       "bool EndsWith(string value, bool ignoreCase, cultureinfo culture)",
       "bool EndsWith(char value)"),
    _m("Equals", _str_equals, "bool Equals(System.Object obj)", "bool Equals(string value)",
       "bool Equals(string value, System.StringComparison comparisonType)"),
    _m("IndexOf", _str_index_of, "int IndexOf(char value)",
       "int IndexOf(char value, int startIndex)",
       "int IndexOf(char value, System.StringComparison comparisonType)",
       "int IndexOf(char value, int startIndex, int count)", "int IndexOf(string value)",
       "int IndexOf(string value, int startIndex)",
       "int IndexOf(string value, int startIndex, int count)",
       "int IndexOf(string value, System.StringComparison comparisonType)",
       "int IndexOf(string value, int startIndex, System.StringComparison comparisonType)",
       "int IndexOf(string value, int startIndex, int count, "
       "System.StringComparison comparisonType)"),
    _m("IndexOfAny", _str_index_of_any, "int IndexOfAny(char[] anyOf)",
       "int IndexOfAny(char[] anyOf, int startIndex)",
       "int IndexOfAny(char[] anyOf, int startIndex, int count)"),
    _m("Insert", _str_insert, "string Insert(int startIndex, string value)"),
    _m("IsNormalized", lambda s, a: unicodedata.is_normalized(_normal_form(a), s),
       "bool IsNormalized()",
       "bool IsNormalized(System.Text.NormalizationForm normalizationForm)"),
    _m("LastIndexOf", lambda s, a: _str_index_of(s, a, last=True), "int LastIndexOf(char value)",
       "int LastIndexOf(char value, int startIndex)",
       "int LastIndexOf(char value, int startIndex, int count)",
       "int LastIndexOf(string value)", "int LastIndexOf(string value, int startIndex)",
       "int LastIndexOf(string value, int startIndex, int count)",
       "int LastIndexOf(string value, System.StringComparison comparisonType)",
       "int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType)",
       "int LastIndexOf(string value, int startIndex, int count, "
       "System.StringComparison comparisonType)"),
    _m("LastIndexOfAny", lambda s, a: _str_index_of_any(s, a, last=True),
       "int LastIndexOfAny(char[] anyOf)", "int LastIndexOfAny(char[] anyOf, int startIndex)",
       "int LastIndexOfAny(char[] anyOf, int startIndex, int count)"),
    _m("Normalize", lambda s, a: unicodedata.normalize(_normal_form(a), s),
       "string Normalize()",
       "string Normalize(System.Text.NormalizationForm normalizationForm)"),
    _m("PadLeft", lambda s, a: _str_pad(s, a, True), "string PadLeft(int totalWidth)",
       "string PadLeft(int totalWidth, char paddingChar)"),
    _m("PadRight", lambda s, a: _str_pad(s, a, False), "string PadRight(int totalWidth)",
       "string PadRight(int totalWidth, char paddingChar)"),
    _m("Remove", _str_remove, "string Remove(int startIndex, int count)",
       "string Remove(int startIndex)"),
    _m("Replace", _str_replace, "string Replace(string oldValue, string newValue)",
       "string Replace(string oldValue, string newValue, bool ignoreCase, "
       "cultureinfo culture)",
       "string Replace(string oldValue, string newValue, "
       "System.StringComparison comparisonType)",
       "string Replace(char oldChar, char newChar)"),
    _m("Split", _str_split,
       "string[] Split(char separator, System.StringSplitOptions options = "
       "System.StringSplitOptions.None)",
       "string[] Split(char separator, int count, System.StringSplitOptions options = "
       "System.StringSplitOptions.None)",
       "string[] Split(Params char[] separator)",
       "string[] Split(char[] separator, int count)",
       "string[] Split(char[] separator, System.StringSplitOptions options)",
       "string[] Split(char[] separator, int count, System.StringSplitOptions options)",
       "string[] Split(string separator, System.StringSplitOptions options = "
       "System.StringSplitOptions.None)",
       "string[] Split(string separator, int count, System.StringSplitOptions options = "
       "System.StringSplitOptions.None)",
       "string[] Split(string[] separator, System.StringSplitOptions options)",
       "string[] Split(string[] separator, int count, System.StringSplitOptions options)"),
    _m("StartsWith", lambda s, a: _str_contains(s, a, "starts"), "bool StartsWith(string value)",
       "bool StartsWith(string value, System.StringComparison comparisonType)",
       "bool StartsWith(string value, bool ignoreCase, cultureinfo culture)",
       "bool StartsWith(char value)"),
    _m("Substring", _str_substring, "string Substring(int startIndex)",
       "string Substring(int startIndex, int length)"),
    _m("ToCharArray", _str_to_char_array, "char[] ToCharArray()",
       "char[] ToCharArray(int startIndex, int length)"),
    _m("ToLower", lambda s, a: s.lower(), "string ToLower()",
       "string ToLower(cultureinfo culture)"),
    _m("ToLowerInvariant", lambda s, a: s.lower(), "string ToLowerInvariant()"),
    _m("ToString", lambda s, a: s, "string ToString()",
       "string ToString(System.IFormatProvider provider)"),
    _m("ToUpper", lambda s, a: s.upper(), "string ToUpper()",
       "string ToUpper(cultureinfo culture)"),
    _m("ToUpperInvariant", lambda s, a: s.upper(), "string ToUpperInvariant()"),
    _m("Trim", lambda s, a: _str_trim(s, a, "both"), "string Trim()",
       "string Trim(char trimChar)", "string Trim(Params char[] trimChars)"),
    _m("TrimEnd", lambda s, a: _str_trim(s, a, "end"), "string TrimEnd()",
       "string TrimEnd(char trimChar)", "string TrimEnd(Params char[] trimChars)"),
    _m("TrimStart", lambda s, a: _str_trim(s, a, "start"), "string TrimStart()",
       "string TrimStart(char trimChar)", "string TrimStart(Params char[] trimChars)"),
    _m("Chars", _str_chars, "char Chars(int index) {get;}", parameterized=True),
])


# =============================================================================================
# numbers and booleans
# =============================================================================================


def _format(value: Any, format_string: str) -> str:
    try:
        return dotnet_format.format_value(value, format_string)
    except dotnet_format.DotNetFormatError as error:
        raise DotNetException(error.message, "System.FormatException") from None


def _number_to_string(value: Any, a: _Args) -> str:
    """ToString(), ToString(format), ToString(provider), ToString(format, provider): the
    provider is ignored (the simulator's culture is en-US, like invariant for numbers)."""
    if len(a) and isinstance(a[0], str):
        return _format(value, a[0])
    return net_to_string(value)


def _number_compare_to(value: Any, a: _Args) -> int:
    other = a[0]
    if other is None:
        return 1
    try:
        number = conversions.to_number(other)
    except RuntimeException:
        raise DotNetException(f"Object must be of type {_type_name(value).rsplit('.', 1)[-1]}."
                              ) from None
    if isinstance(value, float) and math.isnan(value):
        return 0 if isinstance(number, float) and math.isnan(number) else -1
    return int(value > number) - int(value < number)


def _number_type(name: str) -> _TypeInfo:
    short = _SHORT_TYPES.get(name, name)
    return _type(name, [], [
        _m("CompareTo", _number_compare_to, "int CompareTo(System.Object value)",
           f"int CompareTo({short} value)"),
        _m("Equals", lambda o, a: _net_equals(o, a[0]), "bool Equals(System.Object obj)",
           f"bool Equals({short} obj)"),
        _m("GetTypeCode", lambda o, a: name.rsplit(".", 1)[-1], "System.TypeCode GetTypeCode()"),
        _m("ToString", _number_to_string, "string ToString()", "string ToString(string format)",
           "string ToString(System.IFormatProvider provider)",
           "string ToString(string format, System.IFormatProvider provider)"),
    ])


_INT32_TYPE = _number_type("System.Int32")
_INT64_TYPE = _number_type("System.Int64")
_DOUBLE_TYPE = _number_type("System.Double")
_DECIMAL_TYPE = _number_type("System.Decimal")

_BOOLEAN = _type("System.Boolean", [], [
    _m("CompareTo", lambda o, a: (o > a.flag(0)) - (o < a.flag(0)),
       "int CompareTo(System.Object obj)", "int CompareTo(bool value)"),
    _m("Equals", lambda o, a: _net_equals(o, a[0]), "bool Equals(System.Object obj)",
       "bool Equals(bool obj)"),
    _m("GetTypeCode", lambda o, a: "Boolean", "System.TypeCode GetTypeCode()"),
    _m("ToString", lambda o, a: "True" if o else "False", "string ToString()",
       "string ToString(System.IFormatProvider provider)"),
])


_CHAR = _type("System.Char", [], [
    _m("CompareTo", lambda c, a: (str(c) > a.char(0, "value")) - (str(c) < a.char(0, "value")),
       "int CompareTo(System.Object value)", "int CompareTo(char value)"),
    _m("Equals", lambda c, a: isinstance(a[0], str) and len(a[0]) == 1 and a[0] == c,
       "bool Equals(System.Object obj)", "bool Equals(char obj)"),
    _m("GetTypeCode", lambda c, a: "Char", "System.TypeCode GetTypeCode()"),
    _m("ToString", lambda c, a: str(c), "string ToString()",
       "string ToString(System.IFormatProvider provider)"),
])


# =============================================================================================
# IPAddress
# =============================================================================================


def _ip_scope(ip: Any) -> Any:
    if ip.version == 4:
        raise DotNetException("The attempted operation is not supported for the type of object "
                              "referenced.", "System.Net.Sockets.SocketException")
    return int(ip.scope_id) if getattr(ip, "scope_id", None) and str(ip.scope_id).isdigit() \
        else 0


def _ip_address(ip: Any) -> int:
    if ip.version != 4:
        raise DotNetException("The attempted operation is not supported for the type of object "
                              "referenced.", "System.Net.Sockets.SocketException")
    # IPAddress.Address is the four bytes read as a little-endian number
    return int.from_bytes(ip.packed, "little")


_IPADDRESS = _type("System.Net.IPAddress", [
    _p("Address", "long", _ip_address),
    _p("AddressFamily", "System.Net.Sockets.AddressFamily",
       lambda ip: "InterNetwork" if ip.version == 4 else "InterNetworkV6"),
    _p("ScopeId", "long", _ip_scope),
    _p("IsIPv6Multicast", "bool", lambda ip: ip.version == 6 and ip.is_multicast),
    _p("IsIPv6LinkLocal", "bool", lambda ip: ip.version == 6 and ip.is_link_local),
    _p("IsIPv6SiteLocal", "bool", lambda ip: ip.version == 6 and ip.is_site_local),
    _p("IsIPv6Teredo", "bool", lambda ip: ip.version == 6 and ip.teredo is not None),
    _p("IsIPv6UniqueLocal", "bool", lambda ip: ip.version == 6 and ip.packed[0] & 0xFE == 0xFC),
    _p("IsIPv4MappedToIPv6", "bool", lambda ip: ip.version == 6 and ip.ipv4_mapped is not None),
    _p("IPAddressToString", "string", str, member_type="ScriptProperty",
       definition="System.Object IPAddressToString {get=$this.Tostring();}"),
], [
    _m("GetAddressBytes", lambda ip, a: list(ip.packed), "byte[] GetAddressBytes()"),
    _m("ToString", lambda ip, a: str(ip), "string ToString()"),
])


# =============================================================================================
# DateTime and TimeSpan
# =============================================================================================

TICKS_PER_MS: Final = 10_000
TICKS_PER_SECOND: Final = 10_000_000
TICKS_PER_MINUTE: Final = 600_000_000
TICKS_PER_HOUR: Final = 36_000_000_000
TICKS_PER_DAY: Final = 864_000_000_000
_DATE_ZERO: Final = datetime(1, 1, 1)
_FILETIME_EPOCH_TICKS: Final = 504_911_232_000_000_000


def datetime_ticks(moment: datetime) -> int:
    delta = _naive(moment) - _DATE_ZERO
    return ((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds) * 10


def timespan_ticks(span: timedelta) -> int:
    return ((span.days * 86_400 + span.seconds) * 1_000_000 + span.microseconds) * 10


def _ticks_to_timespan(ticks: int) -> timedelta:
    # Python keeps microseconds: the sub-microsecond ticks are truncated toward zero
    micros = abs(ticks) // 10
    return timedelta(microseconds=micros if ticks >= 0 else -micros)


def _trunc_div(a: int, b: int) -> int:
    """C#'s integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _trunc_mod(a: int, b: int) -> int:
    return a - b * _trunc_div(a, b)


def datetime_kind(moment: datetime) -> str:
    if moment.tzinfo is None:
        return "Unspecified"
    if moment.tzinfo is LOCAL:
        return "Local"
    return "Utc" if moment.utcoffset() == timedelta(0) else "Local"


def _unrepresentable() -> DotNetException:
    return _out_of_range("The added or subtracted value results in an un-representable "
                         "DateTime.", "value")


def _add_ticks(moment: datetime, ticks: int) -> datetime:
    try:
        return moment + _ticks_to_timespan(ticks)
    except OverflowError:
        raise _unrepresentable() from None


def _add_scaled(moment: datetime, a: _Args, ticks_per_unit: int) -> datetime:
    value = a.dbl(0, "value")
    if math.isnan(value) or math.isinf(value):
        raise _unrepresentable()
    # .NET 7+ rounds the scaled value to the nearest tick
    return _add_ticks(moment, round(value * ticks_per_unit))


def _add_months(moment: datetime, months: int) -> datetime:
    if not -120_000 <= months <= 120_000:
        raise _out_of_range("Months value must be between +/-120000.", "months")
    total = moment.year * 12 + (moment.month - 1) + months
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise _out_of_range("The added or subtracted value results in an un-representable "
                            "DateTime.", "months")
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _dt_subtract(moment: datetime, a: _Args) -> Any:
    other = a[0]
    if isinstance(other, datetime):
        return _naive(moment) - _naive(other)
    if isinstance(other, timedelta):
        return _add_ticks(moment, -timespan_ticks(other))
    raise _count_mismatch("Subtract", 1)


def _dt_add(moment: datetime, a: _Args) -> datetime:
    other = a[0]
    if not isinstance(other, timedelta):
        raise DotNetException("Object must be of type TimeSpan.")
    return _add_ticks(moment, timespan_ticks(other))


def _dt_compare(moment: datetime, a: _Args) -> int:
    other = a[0]
    if other is None:
        return 1
    if not isinstance(other, datetime):
        raise DotNetException("Object must be of type DateTime.")
    left, right = _naive(moment), _naive(other)
    return (left > right) - (left < right)


def _dt_to_string(moment: datetime, a: _Args) -> str:
    if len(a) and isinstance(a[0], str) and a[0]:
        return _format(moment, a[0])
    return datetime_to_string(moment)


def to_universal(moment: datetime) -> datetime:
    """ToUniversalTime(): local time is UTC in the simulator, so only the Kind changes."""
    return moment.replace(tzinfo=UTC)


def to_local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=LOCAL)


_DATETIME_DISPLAY_DEFINITION: Final = (
    'System.Object DateTime {get=if ((& { Set-StrictMode -Version 1; $this.DisplayHint }) '
    '-ieq  "Date")\n                    {\n                        "{0}" -f '
    '$this.ToLongDateString()\n                    }\n                    ...;}')

_DATETIME = _type("System.DateTime", [
    _p("Date", "datetime", lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0)),
    _p("Day", "int", lambda d: d.day),
    _p("DayOfWeek", "System.DayOfWeek", lambda d: _day_of_week(d)),
    _p("DayOfYear", "int", lambda d: d.timetuple().tm_yday),
    _p("Hour", "int", lambda d: d.hour),
    _p("Kind", "System.DateTimeKind", datetime_kind),
    _p("Millisecond", "int", lambda d: d.microsecond // 1000),
    _p("Microsecond", "int", lambda d: d.microsecond % 1000),
    _p("Nanosecond", "int", lambda d: 0),
    _p("Minute", "int", lambda d: d.minute),
    _p("Month", "int", lambda d: d.month),
    _p("Second", "int", lambda d: d.second),
    _p("Ticks", "long", datetime_ticks),
    _p("TimeOfDay", "timespan", lambda d: timedelta(hours=d.hour, minutes=d.minute,
                                                    seconds=d.second,
                                                    microseconds=d.microsecond)),
    _p("Year", "int", lambda d: d.year),
    _p("DisplayHint", "DisplayHintType", lambda d: "DateTime", member_type="NoteProperty",
       definition="DisplayHintType DisplayHint=DateTime"),
    _p("DateTime", "System.Object", datetime_display, member_type="ScriptProperty",
       definition=_DATETIME_DISPLAY_DEFINITION),
], [
    _m("Add", _dt_add, "datetime Add(timespan value)"),
    _m("AddDays", lambda d, a: _add_scaled(d, a, TICKS_PER_DAY), "datetime AddDays(double value)"),
    _m("AddHours", lambda d, a: _add_scaled(d, a, TICKS_PER_HOUR),
       "datetime AddHours(double value)"),
    _m("AddMilliseconds", lambda d, a: _add_scaled(d, a, TICKS_PER_MS),
       "datetime AddMilliseconds(double value)"),
    _m("AddMinutes", lambda d, a: _add_scaled(d, a, TICKS_PER_MINUTE),
       "datetime AddMinutes(double value)"),
    _m("AddMonths", lambda d, a: _add_months(d, a.i32(0, "months")),
       "datetime AddMonths(int months)"),
    _m("AddSeconds", lambda d, a: _add_scaled(d, a, TICKS_PER_SECOND),
       "datetime AddSeconds(double value)"),
    _m("AddTicks", lambda d, a: _add_ticks(d, a.i64(0, "value")),
       "datetime AddTicks(long value)"),
    _m("AddYears", lambda d, a: _add_months(d, a.i32(0, "value") * 12),
       "datetime AddYears(int value)"),
    _m("CompareTo", _dt_compare, "int CompareTo(System.Object value)",
       "int CompareTo(datetime value)"),
    _m("Equals", lambda d, a: _net_equals(d, a[0]), "bool Equals(System.Object value)",
       "bool Equals(datetime value)"),
    _m("IsDaylightSavingTime", lambda d, a: False, "bool IsDaylightSavingTime()"),
    _m("Subtract", _dt_subtract, "timespan Subtract(datetime value)",
       "datetime Subtract(timespan value)"),
    _m("ToFileTime", lambda d, a: datetime_ticks(d) - _FILETIME_EPOCH_TICKS,
       "long ToFileTime()"),
    _m("ToFileTimeUtc", lambda d, a: datetime_ticks(d) - _FILETIME_EPOCH_TICKS,
       "long ToFileTimeUtc()"),
    _m("ToLocalTime", lambda d, a: to_local(d), "datetime ToLocalTime()"),
    _m("ToLongDateString", lambda d, a: long_date(d), "string ToLongDateString()"),
    _m("ToLongTimeString", lambda d, a: long_time(d), "string ToLongTimeString()"),
    _m("ToShortDateString", lambda d, a: short_date(d), "string ToShortDateString()"),
    _m("ToShortTimeString", lambda d, a: short_time(d), "string ToShortTimeString()"),
    _m("ToString", _dt_to_string, "string ToString()", "string ToString(string format)",
       "string ToString(System.IFormatProvider provider)",
       "string ToString(string format, System.IFormatProvider provider)"),
    _m("ToUniversalTime", lambda d, a: to_universal(d), "datetime ToUniversalTime()"),
])


def _ts_component(span: timedelta, per: int, modulo: int | None) -> int:
    ticks = timespan_ticks(span)
    value = _trunc_div(ticks, per)
    return value if modulo is None else _trunc_mod(value, modulo)


def _ts_other(a: _Args, name: str) -> timedelta:
    other = a[0]
    if not isinstance(other, timedelta):
        raise _count_mismatch(name, len(a)) if other is None else DotNetException(
            "Object must be of type TimeSpan.")
    return other


def _ts_overflow() -> DotNetException:
    return DotNetException("TimeSpan overflowed because the duration is too long.",
                           "System.OverflowException")


def _ts_from_ticks(ticks: int) -> timedelta:
    if not _INT64[0] <= ticks <= _INT64[1]:
        raise _ts_overflow()
    try:
        return _ticks_to_timespan(ticks)
    except OverflowError:
        raise _ts_overflow() from None


def _ts_to_string(span: timedelta, a: _Args) -> str:
    if len(a) and isinstance(a[0], str) and a[0]:
        return _format(span, a[0])
    return timespan_to_string(span)


def timespan_to_string(span: timedelta) -> str:
    """TimeSpan.ToString() ("c"): ``[-][d.]hh:mm:ss[.fffffff]``."""
    return dotnet_format.format_timespan(span)


def _ts_divide(span: timedelta, a: _Args) -> Any:
    other = a[0]
    if isinstance(other, timedelta):
        divisor = timespan_ticks(other)
        if divisor == 0:
            return math.nan if timespan_ticks(span) == 0 else math.copysign(
                math.inf, timespan_ticks(span))
        return timespan_ticks(span) / divisor
    value = a.dbl(0, "divisor")
    if value == 0 or math.isnan(value):
        raise DotNetException("TimeSpan does not accept floating point Not-a-Number values."
                              if math.isnan(value) else "Attempted to divide by zero.",
                              "System.ArgumentException" if math.isnan(value)
                              else "System.DivideByZeroException")
    return _ts_from_ticks(round(timespan_ticks(span) / value))


_TIMESPAN = _type("System.TimeSpan", [
    _p("Days", "int", lambda t: _ts_component(t, TICKS_PER_DAY, None)),
    _p("Hours", "int", lambda t: _ts_component(t, TICKS_PER_HOUR, 24)),
    _p("Milliseconds", "int", lambda t: _ts_component(t, TICKS_PER_MS, 1000)),
    _p("Microseconds", "int", lambda t: _ts_component(t, 10, 1000)),
    _p("Nanoseconds", "int", lambda t: 0),
    _p("Minutes", "int", lambda t: _ts_component(t, TICKS_PER_MINUTE, 60)),
    _p("Seconds", "int", lambda t: _ts_component(t, TICKS_PER_SECOND, 60)),
    _p("Ticks", "long", timespan_ticks),
    _p("TotalDays", "double", lambda t: timespan_ticks(t) / TICKS_PER_DAY),
    _p("TotalHours", "double", lambda t: timespan_ticks(t) / TICKS_PER_HOUR),
    _p("TotalMilliseconds", "double", lambda t: timespan_ticks(t) / TICKS_PER_MS),
    _p("TotalMicroseconds", "double", lambda t: timespan_ticks(t) / 10),
    _p("TotalNanoseconds", "double", lambda t: timespan_ticks(t) * 100.0),
    _p("TotalMinutes", "double", lambda t: timespan_ticks(t) / TICKS_PER_MINUTE),
    _p("TotalSeconds", "double", lambda t: timespan_ticks(t) / TICKS_PER_SECOND),
], [
    _m("Add", lambda t, a: _ts_from_ticks(timespan_ticks(t) + timespan_ticks(_ts_other(a, "Add"))),
       "timespan Add(timespan ts)"),
    _m("CompareTo", lambda t, a: 1 if a[0] is None else (
        (t > _ts_other(a, "CompareTo")) - (t < _ts_other(a, "CompareTo"))),
       "int CompareTo(System.Object value)", "int CompareTo(timespan value)"),
    _m("Divide", _ts_divide, "timespan Divide(double divisor)", "double Divide(timespan ts)"),
    _m("Duration", lambda t, a: _ts_from_ticks(abs(timespan_ticks(t))), "timespan Duration()"),
    _m("Equals", lambda t, a: _net_equals(t, a[0]), "bool Equals(System.Object value)",
       "bool Equals(timespan obj)"),
    _m("Multiply", lambda t, a: _ts_from_ticks(round(timespan_ticks(t) * a.dbl(0, "factor"))),
       "timespan Multiply(double factor)"),
    _m("Negate", lambda t, a: _ts_from_ticks(-timespan_ticks(t)), "timespan Negate()"),
    _m("Subtract", lambda t, a: _ts_from_ticks(
        timespan_ticks(t) - timespan_ticks(_ts_other(a, "Subtract"))),
       "timespan Subtract(timespan ts)"),
    _m("ToString", _ts_to_string, "string ToString()", "string ToString(string format)",
       "string ToString(string format, System.IFormatProvider formatProvider)"),
])


# =============================================================================================
# Guid
# =============================================================================================


def guid_to_string(value: uuid.UUID, format_string: str = "D") -> str:
    return _format(value, format_string or "D")


_GUID = _type("System.Guid", [
    _p("Guid", "System.Object", str, member_type="ScriptProperty",
       definition="System.Object Guid {get=$this.ToString();}"),
], [
    _m("CompareTo", lambda g, a: 1 if a[0] is None else (
        (g.int > _guid_arg(a).int) - (g.int < _guid_arg(a).int)),
       "int CompareTo(System.Object value)", "int CompareTo(guid value)"),
    _m("Equals", lambda g, a: _net_equals(g, a[0]), "bool Equals(System.Object o)",
       "bool Equals(guid g)"),
    _m("ToByteArray", lambda g, a: list(g.bytes_le), "byte[] ToByteArray()"),
    _m("ToString", lambda g, a: guid_to_string(g, a.text(0, "format") if len(a) else "D"),
       "string ToString()", "string ToString(string format)",
       "string ToString(string format, System.IFormatProvider provider)"),
])


def _guid_arg(a: _Args) -> uuid.UUID:
    value = a[0]
    if isinstance(value, uuid.UUID):
        return value
    raise DotNetException("Object must be of type GUID.")


# =============================================================================================
# arrays, ArrayList, List[T]
# =============================================================================================


def _is_generic_list(value: Any) -> bool:
    return isinstance(value, GenericList)


def _like(items: ArrayList, values: Iterable[Any]) -> ArrayList:
    """A new list of the same kind (a List[T] keeps its element type)."""
    if isinstance(items, GenericList):
        return GenericList(values, items.element_type)
    return ArrayList(values)


def _element(items: ArrayList, a: _Args, index: int, param: str) -> Any:
    """An item for a List[T]: converted to T as the .NET parameter type demands."""
    value = a[index]
    element = items.element_type if isinstance(items, GenericList) else None
    if element is None:
        return value
    try:
        return element.convert(value)
    except RuntimeException as error:
        raise a._fail(index, param, _ConversionFailed(element.full_name,
                                                       error.message)) from None


def _index_of(items: Sequence[Any], value: Any, start: int = 0, end: int | None = None) -> int:
    stop = len(items) if end is None else end
    for i in range(start, stop):
        if _net_equals(items[i], value):
            return i
    return -1


def _array_index(items: list[Any], a: _Args, index: int, param: str = "index") -> int:
    position = a.i32(index, param)
    if not 0 <= position < len(items):
        raise DotNetException("Index was outside the bounds of the array.",
                              "System.IndexOutOfRangeException")
    return position


def _array_set_value(items: list[Any], a: _Args) -> None:
    position = _array_index(items, a, 1)
    items[position] = a[0]


def _array_copy_to(items: list[Any], a: _Args) -> None:
    target = a[0]
    if not isinstance(target, list):
        raise _null_argument("array") if target is None else DotNetException(
            "Destination array was not long enough. Check the destination index, length, and "
            "the array's lower bounds. (Parameter 'destinationArray')")
    offset = a.i32(1, "index") if len(a) > 1 else 0
    if offset < 0 or offset + len(items) > len(target):
        raise DotNetException("Destination array was not long enough. Check the destination "
                              "index, length, and the array's lower bounds. (Parameter "
                              "'destinationArray')")
    target[offset:offset + len(items)] = items


def _array_dimension(items: list[Any], a: _Args, result: int) -> int:
    if a.i32(0, "dimension") != 0:
        raise DotNetException("Index was outside the bounds of the array.",
                              "System.IndexOutOfRangeException")
    return result


def _fixed(items: Any, a: _Args) -> Any:
    raise _fixed_size()


_ARRAY = _type("System.Object[]", [
    _p("Count", "Count = Length", len, member_type="AliasProperty",
       definition="Count = Length"),
    _p("IsFixedSize", "bool", lambda v: True),
    _p("IsReadOnly", "bool", lambda v: False),
    _p("IsSynchronized", "bool", lambda v: False),
    _p("Length", "int", len),
    _p("LongLength", "long", len),
    _p("Rank", "int", lambda v: 1),
    _p("SyncRoot", "System.Object", lambda v: v),
], [
    _m("Add", _fixed, "int IList.Add(System.Object value)"),
    _m("Clear", _fixed, "void IList.Clear()"),
    _m("Clone", lambda v, a: list(v), "System.Object Clone()",
       "System.Object ICloneable.Clone()"),
    _m("Contains", lambda v, a: _index_of(v, a[0]) >= 0,
       "bool IList.Contains(System.Object value)"),
    _m("CopyTo", _array_copy_to, "void CopyTo(array array, int index)",
       "void CopyTo(array array, long index)"),
    _m("Get", lambda v, a: v[_array_index(v, a, 0)], "System.Object Get(int )"),
    _m("GetLength", lambda v, a: _array_dimension(v, a, len(v)), "int GetLength(int dimension)"),
    _m("GetLowerBound", lambda v, a: _array_dimension(v, a, 0),
       "int GetLowerBound(int dimension)"),
    _m("GetUpperBound", lambda v, a: _array_dimension(v, a, len(v) - 1),
       "int GetUpperBound(int dimension)"),
    _m("GetValue", lambda v, a: v[_array_index(v, a, 0)], "System.Object GetValue(int index)",
       "System.Object GetValue(long index)"),
    _m("IndexOf", lambda v, a: _index_of(v, a[0]), "int IList.IndexOf(System.Object value)"),
    _m("Insert", _fixed, "void IList.Insert(int index, System.Object value)"),
    _m("Remove", _fixed, "void IList.Remove(System.Object value)"),
    _m("RemoveAt", _fixed, "void IList.RemoveAt(int index)"),
    _m("Set", lambda v, a: v.__setitem__(_array_index(v, a, 0), a[1]),
       "void Set(int , System.Object )"),
    _m("SetValue", _array_set_value, "void SetValue(System.Object value, int index)",
       "void SetValue(System.Object value, long index)"),
])


def _list_range(items: list[Any], a: _Args, first: int) -> tuple[int, int]:
    index, count = a.i32(first, "index"), a.i32(first + 1, "count")
    if index < 0 or count < 0:
        raise _out_of_range("Non-negative number required.", "index" if index < 0 else "count")
    if index + count > len(items):
        raise DotNetException("Offset and length were out of bounds for the array or count is "
                              "greater than the number of elements from index to the end of the "
                              "source collection.")
    return index, count


def _list_add(items: ArrayList, a: _Args) -> int | None:
    items.append(_element(items, a, 0, "item"))
    # ArrayList.Add returns the new index (which PowerShell then outputs); List<T>.Add is void
    return None if _is_generic_list(items) else len(items) - 1


def _list_insert(items: ArrayList, a: _Args) -> None:
    index = a.i32(0, "index")
    if not 0 <= index <= len(items):
        raise _out_of_range("Insertion index was out of range. Must be non-negative and less "
                            "than or equal to size.", "index")
    items.insert(index, _element(items, a, 1, "item"))


def _list_insert_range(items: ArrayList, a: _Args) -> None:
    index = a.i32(0, "index")
    if not 0 <= index <= len(items):
        raise _out_of_range("Insertion index was out of range. Must be non-negative and less "
                            "than or equal to size.", "index")
    items[index:index] = _as_collection(a[1], "c")


def _as_collection(value: Any, param: str) -> list[Any]:
    if value is None:
        raise _null_argument(param)
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, dict):
        return [dictionary_entry(k, v) for k, v in value.items()]
    if isinstance(value, str):
        raise DotNetException(f"Cannot convert the \"{value}\" value of type \"System.String\" to "
                              "type \"System.Collections.ICollection\".",
                              "System.InvalidCastException")
    return [value]


def _list_remove(items: ArrayList, a: _Args) -> bool | None:
    position = _index_of(items, a[0])
    if position >= 0:
        del items[position]
    return position >= 0 if _is_generic_list(items) else None


def _list_remove_at(items: ArrayList, a: _Args) -> None:
    index = a.i32(0, "index")
    if not 0 <= index < len(items):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the size "
                            "of the collection.", "index")
    del items[index]


def _list_remove_range(items: ArrayList, a: _Args) -> None:
    index, count = _list_range(items, a, 0)
    del items[index:index + count]


def _list_get_range(items: ArrayList, a: _Args) -> ArrayList:
    index, count = _list_range(items, a, 0)
    return _like(items, items[index:index + count])


def _list_index_of(items: ArrayList, a: _Args, *, last: bool = False) -> int:
    if last:
        for i in range(len(items) - 1, -1, -1):
            if _net_equals(items[i], a[0]):
                return i
        return -1
    start = a.i32(1, "startIndex") if len(a) > 1 else 0
    if not 0 <= start <= len(items):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the size "
                            "of the collection.", "startIndex")
    end = start + a.i32(2, "count") if len(a) > 2 else None
    return _index_of(items, a[0], start, end)


def _sort_key(value: Any) -> Any:
    return _SortKey(value)


class _SortKey:
    """Comparer<object>.Default: numbers numerically, strings by culture."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _SortKey) -> bool:
        a, b = self.value, other.value
        if a is None or b is None:
            return a is None and b is not None
        if isinstance(a, str) and isinstance(b, str):
            return culture_compare(a, b) < 0
        try:
            return bool(conversions.compare(a, b) < 0)
        except RuntimeException:
            raise DotNetException("Failed to compare two elements in the array.",
                                  "System.InvalidOperationException") from None


def _list_sort(items: ArrayList, a: _Args) -> None:
    items.sort(key=_sort_key)


def _list_to_array(items: ArrayList, a: _Args) -> list[Any]:
    return list(items)


def _list_clone(items: ArrayList, a: _Args) -> ArrayList:
    return _like(items, items)


_LIST_METHODS: Final = (
    _m("Add", _list_add, "int Add(System.Object value)"),
    _m("AddRange", lambda v, a: v.extend(_as_collection(a[0], "c")),
       "void AddRange(System.Collections.ICollection c)"),
    _m("Clear", lambda v, a: v.clear(), "void Clear()"),
    _m("Clone", _list_clone, "System.Object Clone()"),
    _m("Contains", lambda v, a: _index_of(v, a[0]) >= 0, "bool Contains(System.Object item)"),
    _m("CopyTo", _array_copy_to, "void CopyTo(array array)",
       "void CopyTo(array array, int arrayIndex)"),
    _m("GetRange", _list_get_range, "System.Collections.ArrayList GetRange(int index, int count)"),
    _m("IndexOf", _list_index_of, "int IndexOf(System.Object value)",
       "int IndexOf(System.Object value, int startIndex)",
       "int IndexOf(System.Object value, int startIndex, int count)"),
    _m("Insert", _list_insert, "void Insert(int index, System.Object value)"),
    _m("InsertRange", _list_insert_range,
       "void InsertRange(int index, System.Collections.ICollection c)"),
    _m("Item", lambda v, a: v[_array_index(v, a, 0)],
       "System.Object Item(int index) {get;set;}", parameterized=True),
    _m("LastIndexOf", lambda v, a: _list_index_of(v, a, last=True),
       "int LastIndexOf(System.Object value)"),
    _m("Remove", _list_remove, "void Remove(System.Object obj)"),
    _m("RemoveAt", _list_remove_at, "void RemoveAt(int index)"),
    _m("RemoveRange", _list_remove_range, "void RemoveRange(int index, int count)"),
    _m("Reverse", lambda v, a: v.reverse(), "void Reverse()"),
    _m("Sort", _list_sort, "void Sort()"),
    _m("ToArray", _list_to_array, "System.Object[] ToArray()"),
    _m("TrimToSize", lambda v, a: None, "void TrimToSize()"),
)

_LIST_PROPS: Final = (
    _p("Capacity", "int", lambda v: max(len(v), 4 if v else 0), lambda v, x: None),
    _p("Count", "int", len),
    _p("IsFixedSize", "bool", lambda v: False),
    _p("IsReadOnly", "bool", lambda v: False),
    _p("IsSynchronized", "bool", lambda v: False),
    _p("SyncRoot", "System.Object", lambda v: v),
)

_ARRAYLIST = _type("System.Collections.ArrayList", _LIST_PROPS, _LIST_METHODS)
_GENERIC_LIST = _type("System.Collections.Generic.List`1", _LIST_PROPS, [
    *_LIST_METHODS,
    _m("Add", _list_add, "void Add(T item)"),
    _m("Remove", _list_remove, "bool Remove(T item)"),
    _m("ToArray", _list_to_array, "T[] ToArray()"),
])


# =============================================================================================
# Hashtable, OrderedDictionary, DictionaryEntry
# =============================================================================================

DICTIONARY_ENTRY = "System.Collections.DictionaryEntry"


def dictionary_entry(key: Any, value: Any) -> PSObject:
    """A System.Collections.DictionaryEntry (what enumerating a hashtable yields)."""
    return PSObject([("Key", key), ("Value", value)],
                    (DICTIONARY_ENTRY, "System.ValueType", "System.Object"))


def _key_display(key: Any) -> str:
    return _value_text(key)


def _ht_add(table: Hashtable, a: _Args) -> None:
    key = a[0]
    if key is None:
        raise _null_argument("key")
    if key in table:
        existing = table.original_key(key)
        raise DotNetException(f"Item has already been added. Key in dictionary: "
                              f"'{_key_display(existing)}'  Key being added: "
                              f"'{_key_display(key)}'")
    table[key] = a[1]


def _ht_key(a: _Args) -> Any:
    if a[0] is None:
        raise _null_argument("key")
    return a[0]


def _ht_remove(table: Hashtable, a: _Args) -> None:
    key = _ht_key(a)
    if key in table:
        del table[key]


def _ht_contains_value(table: Hashtable, a: _Args) -> bool:
    return any(_net_equals(v, a[0]) for v in table.values())


def _ht_clone(table: Hashtable, a: _Args) -> Hashtable:
    return table.copy()


def _ht_enumerator(table: Hashtable, a: _Args) -> list[PSObject]:
    return [dictionary_entry(k, v) for k, v in table.items()]


def _od_insert(table: Hashtable, a: _Args) -> None:
    index = a.i32(0, "index")
    key = a[1]
    if key is None:
        raise _null_argument("key")
    if not 0 <= index <= len(table):
        raise _out_of_range("Specified argument was out of the range of valid values.", "index")
    if key in table:
        raise DotNetException("An item with the same key has already been added. Key: "
                              f"{_key_display(key)}")
    items = list(table.items())
    items.insert(index, (key, a[2]))
    table.clear()
    for k, v in items:
        table[k] = v


def _od_remove_at(table: Hashtable, a: _Args) -> None:
    index = a.i32(0, "index")
    keys = list(table.keys())
    if not 0 <= index < len(keys):
        raise _out_of_range("Specified argument was out of the range of valid values.", "index")
    del table[keys[index]]


_DICT_PROPS: Final = (
    _p("Count", "int", len),
    _p("IsFixedSize", "bool", lambda v: False),
    _p("IsReadOnly", "bool", lambda v: False),
    _p("IsSynchronized", "bool", lambda v: False),
    _p("Keys", "System.Collections.ICollection", lambda v: list(v.keys())),
    _p("SyncRoot", "System.Object", lambda v: v),
    _p("Values", "System.Collections.ICollection", lambda v: list(v.values())),
)

_HASHTABLE = _type("System.Collections.Hashtable", _DICT_PROPS, [
    _m("Add", _ht_add, "void Add(System.Object key, System.Object value)"),
    _m("Clear", lambda t, a: t.clear(), "void Clear()"),
    _m("Clone", _ht_clone, "System.Object Clone()"),
    _m("Contains", lambda t, a: _ht_key(a) in t, "bool Contains(System.Object key)"),
    _m("ContainsKey", lambda t, a: _ht_key(a) in t, "bool ContainsKey(System.Object key)"),
    _m("ContainsValue", _ht_contains_value, "bool ContainsValue(System.Object value)"),
    _m("GetEnumerator", _ht_enumerator,
       "System.Collections.IDictionaryEnumerator GetEnumerator()"),
    _m("Item", lambda t, a: t.get(_ht_key(a)), "System.Object Item(System.Object key) {get;set;}",
       parameterized=True),
    _m("Remove", _ht_remove, "void Remove(System.Object key)"),
])

# OrderedDictionary has no ContainsKey (PowerShell reports MethodNotFound for it)
_ORDERED = _type("System.Collections.Specialized.OrderedDictionary", _DICT_PROPS, [
    _m("Add", _ht_add, "void Add(System.Object key, System.Object value)"),
    _m("AsReadOnly", _ht_clone,
       "System.Collections.Specialized.OrderedDictionary AsReadOnly()"),
    _m("Clear", lambda t, a: t.clear(), "void Clear()"),
    _m("Contains", lambda t, a: _ht_key(a) in t, "bool Contains(System.Object key)"),
    _m("GetEnumerator", _ht_enumerator,
       "System.Collections.IDictionaryEnumerator GetEnumerator()"),
    _m("Insert", _od_insert, "void Insert(int index, System.Object key, System.Object value)"),
    _m("Item", lambda t, a: t.get(_ht_key(a)), "System.Object Item(int index) {get;set;}",
       "System.Object Item(System.Object key) {get;set;}", parameterized=True),
    _m("Remove", _ht_remove, "void Remove(System.Object key)"),
    _m("RemoveAt", _od_remove_at, "void RemoveAt(int index)"),
])

_DICTIONARY_ENTRY = _type(DICTIONARY_ENTRY, [
    _p("Name", "Name = Key", lambda e: e.get("Key"), member_type="AliasProperty",
       definition="Name = Key"),
    _p("Key", "System.Object", lambda e: e.get("Key"), lambda e, v: e.set("Key", v)),
    _p("Value", "System.Object", lambda e: e.get("Value"), lambda e, v: e.set("Value", v)),
], [
    _m("Deconstruct", lambda e, a: None,
       "void Deconstruct([ref] System.Object key, [ref] System.Object value)"),
])


# =============================================================================================
# regular expressions
# =============================================================================================

_REGEX_OPTIONS: Final = MappingProxyType({
    "none": 0, "ignorecase": 1, "multiline": 2, "explicitcapture": 4, "compiled": 8,
    "singleline": 16, "ignorepatternwhitespace": 32, "righttoleft": 64, "ecmascript": 256,
    "cultureinvariant": 512, "nonbacktracking": 1024,
})

def regex_options(value: Any) -> int:
    """A RegexOptions argument: a number, or names separated by commas."""
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, list | tuple):
        total = 0
        for item in value:
            total |= regex_options(item)
        return total
    text = value if isinstance(value, str) else _value_text(value)
    total = 0
    for part in text.split(","):
        name = part.strip().casefold()
        if not name:
            continue
        flag = _REGEX_OPTIONS.get(name)
        if flag is None:
            raise RuntimeException(
                f'Cannot convert value "{text}" to type '
                '"System.Text.RegularExpressions.RegexOptions". Error: "Unable to match the '
                f"identifier name {part.strip()} to a valid enumerator name. Specify one of the "
                'following enumerator names and try again:\nNone, IgnoreCase, Multiline, '
                'ExplicitCapture, Compiled, Singleline, IgnorePatternWhitespace, RightToLeft, '
                'ECMAScript, CultureInvariant, NonBacktracking"', "InvalidCastFromStringToEnum",
                "InvalidArgument")
        total |= flag
    return total


def _untranslate(pattern: str) -> str:
    return pattern.replace("(?P<", "(?<").replace("(?P=", r"\k<")


def compile_regex(pattern: str, options: int = 0) -> re.Pattern[str]:
    """``[regex]::new(pattern, options)`` (case-sensitive unless IgnoreCase); an invalid
    pattern is .NET's RegexParseException."""
    try:
        return conversions.compile_regex(
            pattern, ignore_case=bool(options & 1), multiline=bool(options & 2),
            singleline=bool(options & 16), ignore_whitespace=bool(options & 32),
            explicit_capture=bool(options & 4))
    except conversions.RegexParseError as error:
        raise DotNetException(error.message,
                              "System.Text.RegularExpressions.RegexParseException") from None


def _regex_source(pattern: re.Pattern[str]) -> str:
    return _untranslate(pattern.pattern)


def _regex_options_text(pattern: re.Pattern[str]) -> str:
    names = []
    if pattern.flags & re.IGNORECASE:
        names.append("IgnoreCase")
    if pattern.flags & re.MULTILINE:
        names.append("Multiline")
    if pattern.flags & re.DOTALL:
        names.append("Singleline")
    if pattern.flags & re.VERBOSE:
        names.append("IgnorePatternWhitespace")
    return ", ".join(names) or "None"


def _group_order(pattern: re.Pattern[str]) -> list[tuple[str, int]]:
    """.NET numbers the unnamed groups first, then the named ones: (name, python index)."""
    return [("0", 0)] + [(str(key), index) for key, index in conversions.regex_groups(pattern)]


MATCH_TYPE = "System.Text.RegularExpressions.Match"
GROUP_TYPE = "System.Text.RegularExpressions.Group"
CAPTURE_TYPE = "System.Text.RegularExpressions.Capture"


def _capture(value: str, index: int) -> PSObject:
    return PSObject([("Index", index), ("Length", len(value)), ("Value", value)],
                    (CAPTURE_TYPE, "System.Object"))


def _group(name: str, match: re.Match[str] | None, index: int) -> PSObject:
    success = match is not None and match.start(index) >= 0
    value = match.group(index) if success and match is not None else ""
    start = match.start(index) if success and match is not None else 0
    captures = [_capture(value, start)] if success else []
    return PSObject([
        ("Success", success), ("Name", name),
        ("Captures", NamedList(captures, "System.Text.RegularExpressions.CaptureCollection")),
        ("Index", start), ("Length", len(value)), ("Value", value),
    ], (GROUP_TYPE, CAPTURE_TYPE, "System.Object"))


def match_object(match: re.Match[str] | None, pattern: re.Pattern[str], text: str) -> PSObject:
    """A System.Text.RegularExpressions.Match (``Match.Empty`` when ``match`` is None)."""
    groups = [_group(name, match, index) for name, index in _group_order(pattern)]
    whole = groups[0]
    result = PSObject([
        ("Groups", NamedList(groups, "System.Text.RegularExpressions.GroupCollection")),
        ("Success", whole.get("Success")), ("Name", "0"), ("Captures", whole.get("Captures")),
        ("Index", whole.get("Index")), ("Length", whole.get("Length")),
        ("Value", whole.get("Value")),
    ], (MATCH_TYPE, GROUP_TYPE, CAPTURE_TYPE, "System.Object"))
    # a Match is its own (only) capture
    result.set("Captures", NamedList([result] if whole.get("Success") else [],
                                     "System.Text.RegularExpressions.CaptureCollection"))
    # NextMatch/Result need the regex and the input: kept out of the visible properties
    result.methods["nextmatch"] = lambda: _next_match(pattern, text, match)
    result.methods["result"] = lambda replacement: _expand(
        _parse_replacement(str(replacement), pattern), match, text) if match else ""
    return result


def _next_match(pattern: re.Pattern[str], text: str, match: re.Match[str] | None) -> PSObject:
    if match is None:
        return match_object(None, pattern, text)
    start = match.end() if match.end() > match.start() else match.end() + 1
    if start > len(text):
        return match_object(None, pattern, text)
    return match_object(pattern.search(text, start), pattern, text)


def _matches(pattern: re.Pattern[str], text: str, start: int = 0) -> list[PSObject]:
    return [match_object(m, pattern, text) for m in pattern.finditer(text, start)]


ReplacementPart = str | tuple[str, Any]


def _parse_replacement(replacement: str, pattern: re.Pattern[str]) -> list[ReplacementPart]:
    """.NET substitutions: $n, ${name}, $$, $&, $`, $', $+, $_ (an unknown group stays
    literal text)."""
    order = _group_order(pattern)
    numbers = {int(name): index for name, index in order if name.isdigit()}
    names = {name.casefold(): index for name, index in order}
    parts: list[ReplacementPart] = []
    literal = ""
    i = 0
    n = len(replacement)
    while i < n:
        ch = replacement[i]
        if ch != "$" or i + 1 >= n:
            literal += ch
            i += 1
            continue
        nxt = replacement[i + 1]
        token: tuple[str, Any] | None = None
        consumed = 2
        if nxt == "$":
            literal += "$"
            i += 2
            continue
        if nxt == "&":
            token = ("group", 0)
        elif nxt == "`":
            token = ("before", None)
        elif nxt == "'":
            token = ("after", None)
        elif nxt == "+":
            token = ("last", None)
        elif nxt == "_":
            token = ("input", None)
        elif nxt == "{":
            end = replacement.find("}", i + 2)
            if end > 0:
                name = replacement[i + 2:end]
                index = numbers.get(int(name)) if name.isdigit() else names.get(name.casefold())
                if index is not None:
                    token = ("group", index)
                    consumed = end - i + 1
        elif nxt.isdigit():
            j = i + 1
            best: tuple[int, int] | None = None
            value = 0
            while j < n and replacement[j].isdigit():
                value = value * 10 + int(replacement[j])
                j += 1
                if value in numbers:
                    best = (numbers[value], j)
            if best is not None:
                token = ("group", best[0])
                consumed = best[1] - i
        if token is None:
            literal += ch
            i += 1
            continue
        if literal:
            parts.append(literal)
            literal = ""
        parts.append(token)
        i += consumed
    if literal:
        parts.append(literal)
    return parts


def _expand(parts: list[ReplacementPart], match: re.Match[str], text: str) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        kind, index = part
        if kind == "group":
            out.append(match.group(index) or "")
        elif kind == "before":
            out.append(text[:match.start()])
        elif kind == "after":
            out.append(text[match.end():])
        elif kind == "input":
            out.append(text)
        elif kind == "last":
            last = match.lastindex
            out.append(match.group(last) or "" if last else match.group(0))
    return "".join(out)


def _is_script_block(value: Any) -> bool:
    return getattr(type(value), "dotnet_type_name", "") == \
        "System.Management.Automation.ScriptBlock"


def regex_replace(pattern: re.Pattern[str], text: str, replacement: Any, ctx: _Context,
                  count: int = -1, start: int = 0) -> str:
    if _is_script_block(replacement) or callable(replacement):
        def evaluate(m: re.Match[str]) -> str:
            match = match_object(m, pattern, text)
            if callable(replacement):
                result = replacement(match)
            elif ctx.invoke_script is not None:
                result = ctx.invoke_script(replacement, [match])
            else:
                raise RuntimeException("A script block MatchEvaluator cannot be run here.",
                                       "ScriptBlockNotSupported", "NotImplemented")
            if isinstance(result, list):
                result = result[-1] if result else None
            return net_to_string(result)

        func = evaluate
    else:
        parts = _parse_replacement("" if replacement is None else _value_text(replacement),
                                   pattern)

        def func(m: re.Match[str]) -> str:
            return _expand(parts, m, text)

    pieces: list[str] = []
    pos = 0
    for done, m in enumerate(pattern.finditer(text, start)):
        if 0 <= count <= done:
            break
        pieces.append(text[pos:m.start()])
        pieces.append(func(m))
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def regex_split(pattern: re.Pattern[str], text: str, count: int = 0) -> list[str]:
    """Regex.Split: captured groups are part of the result (unmatched ones are not)."""
    if count == 1:
        return [text]
    result: list[str] = []
    pos = 0
    splits = 0
    for m in pattern.finditer(text):
        if count > 0 and splits == count - 1:
            break
        if m.end() == 0 and m.start() == 0:
            continue
        result.append(text[pos:m.start()])
        for _name, index in _group_order(pattern)[1:]:
            if m.start(index) >= 0:
                result.append(m.group(index))
        pos = m.end()
        splits += 1
    result.append(text[pos:])
    return result


def regex_escape(text: str) -> str:
    """Regex.Escape: \\ * + ? | { [ ( ) ^ $ . # and white space (not ] or })."""
    out = []
    for ch in text:
        if ch in "\\*+?|{[()^$.# ":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\f":
            out.append("\\f")
        else:
            out.append(ch)
    return "".join(out)


def regex_unescape(text: str) -> str:
    escapes = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _start_at(a: _Args, index: int, text: str) -> int:
    if len(a) <= index:
        return 0
    start = a.i32(index, "startat")
    if not 0 <= start <= len(text):
        raise _out_of_range("Start index cannot be less than 0 or greater than input length.",
                            "startat")
    return start


def _regex_input(a: _Args) -> str:
    value = a[0]
    if value is None:
        raise _null_argument("input")
    return value if isinstance(value, str) else _value_text(value)


def _rx_replace(p: re.Pattern[str], a: _Args) -> str:
    text = _regex_input(a)
    count = a.i32(2, "count") if len(a) > 2 else -1
    return regex_replace(p, text, a[1], a.ctx, count, _start_at(a, 3, text))


_REGEX = _type("System.Text.RegularExpressions.Regex", [
    _p("MatchTimeout", "timespan", lambda p: timedelta(milliseconds=-1)),
    _p("Options", "System.Text.RegularExpressions.RegexOptions", _regex_options_text),
    _p("RightToLeft", "bool", lambda p: False),
], [
    _m("GetGroupNames", lambda p, a: [name for name, _ in _group_order(p)],
       "string[] GetGroupNames()"),
    _m("GetGroupNumbers", lambda p, a: list(range(len(_group_order(p)))),
       "int[] GetGroupNumbers()"),
    _m("GroupNameFromNumber", lambda p, a: dict(enumerate(
        name for name, _ in _group_order(p))).get(a.i32(0, "i"), ""),
       "string GroupNameFromNumber(int i)"),
    _m("GroupNumberFromName", lambda p, a: next(
        (i for i, (name, _) in enumerate(_group_order(p)) if name == a.text(0, "name")), -1),
       "int GroupNumberFromName(string name)"),
    _m("IsMatch", lambda p, a: p.search(_regex_input(a), _start_at(a, 1, _regex_input(a)))
       is not None, "bool IsMatch(string input)", "bool IsMatch(string input, int startat)"),
    _m("Match", lambda p, a: match_object(
        p.search(_regex_input(a), _start_at(a, 1, _regex_input(a))), p, _regex_input(a)),
       "System.Text.RegularExpressions.Match Match(string input)",
       "System.Text.RegularExpressions.Match Match(string input, int startat)"),
    _m("Matches", lambda p, a: _matches(p, _regex_input(a), _start_at(a, 1, _regex_input(a))),
       "System.Text.RegularExpressions.MatchCollection Matches(string input)",
       "System.Text.RegularExpressions.MatchCollection Matches(string input, int startat)"),
    _m("Replace", _rx_replace, "string Replace(string input, string replacement)",
       "string Replace(string input, string replacement, int count)",
       "string Replace(string input, string replacement, int count, int startat)",
       "string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator)"),
    _m("Split", lambda p, a: regex_split(p, _regex_input(a),
                                          a.i32(1, "count") if len(a) > 1 else 0),
       "string[] Split(string input)", "string[] Split(string input, int count)"),
    _m("ToString", lambda p, a: _regex_source(p), "string ToString()"),
])


def _value_prop(name: str, type_: str) -> _Prop:
    return _p(name, type_, lambda o: o.get(name))


_CAPTURE_PROPS: Final = (_value_prop("Index", "int"), _value_prop("Length", "int"),
                         _value_prop("Value", "string"))
_GROUP_PROPS: Final = (_value_prop("Captures", "System.Text.RegularExpressions.CaptureCollection"),
                       _value_prop("Name", "string"), _value_prop("Success", "bool"))
_VALUE_TOSTRING: Final = _m("ToString", lambda o, a: _value_text(o.get("Value")),
                            "string ToString()")

_CAPTURE = _type(CAPTURE_TYPE, _CAPTURE_PROPS, [_VALUE_TOSTRING])
_GROUP = _type(GROUP_TYPE, (*_GROUP_PROPS, *_CAPTURE_PROPS), [_VALUE_TOSTRING])
_MATCH = _type(MATCH_TYPE, (
    _value_prop("Groups", "System.Text.RegularExpressions.GroupCollection"),
    *_GROUP_PROPS, *_CAPTURE_PROPS), [
    _VALUE_TOSTRING,
    _m("NextMatch", lambda o, a: o.methods["nextmatch"](),
       "System.Text.RegularExpressions.Match NextMatch()"),
    _m("Result", lambda o, a: o.methods["result"](a.text(0, "replacement")),
       "string Result(string replacement)"),
])


# =============================================================================================
# PSObject and its intrinsic .psobject member
# =============================================================================================


class PropertyCollection(NamedList):
    """``$x.psobject.Properties``: indexable by name; Add/Remove change the object."""

    def __init__(self, items: Iterable[Any], owner: Any) -> None:
        super().__init__(items, "System.Management.Automation.PSMemberInfoIntegratingCollection"
                                "`1[[System.Management.Automation.PSPropertyInfo, "
                                "System.Management.Automation]]")
        self.owner = owner


_PROPERTY_INFO_TYPES: Final = MappingProxyType({
    "NoteProperty": "System.Management.Automation.PSNoteProperty",
    "ScriptProperty": "System.Management.Automation.PSScriptProperty",
    "Property": "System.Management.Automation.PSProperty",
    "AliasProperty": "System.Management.Automation.PSAliasProperty",
})


def _property_info(target: Any, name: str, member_type: str, settable: bool) -> PSObject:
    def get_value() -> Any:
        value = get_property(target, name)
        return None if value is MISSING else value

    def set_value(value: Any) -> None:
        set_property(target, name, value)

    type_name = _PROPERTY_INFO_TYPES.get(member_type, "System.Management.Automation.PSProperty")
    return PSObject([
        ("Value", PSScriptProperty("Value", get_value, set_value)),
        ("MemberType", member_type),
        ("IsSettable", settable),
        ("IsGettable", True),
        ("TypeNameOfValue", PSScriptProperty(
            "TypeNameOfValue", lambda: "System.Object" if get_value() is None
            else _type_name(get_value()))),
        ("Name", name),
        ("IsInstance", True),
    ], (type_name, "System.Management.Automation.PSPropertyInfo",
        "System.Management.Automation.PSMemberInfo", "System.Object"),
        methods={"ToString": lambda: _property_definition(target, name)})


def _property_definition(target: Any, name: str) -> str:
    for member in members(target):
        if member.name.casefold() == name.casefold():
            return member.definition
    return name


def _psobject_properties(target: Any) -> PropertyCollection:
    items: list[PSObject] = []
    if isinstance(target, PSObject) and target.type_name not in _PSOBJECT_TYPES:
        for prop_name in target.property_names():
            raw = target._props[prop_name.casefold()]
            kind = "ScriptProperty" if isinstance(raw, PSScriptProperty) else "NoteProperty"
            settable = not isinstance(raw, PSScriptProperty) or raw.setter is not None
            items.append(_property_info(target, prop_name, kind, settable))
    else:
        info = _type_info(target)
        for prop in (info.props.values() if info is not None else ()):
            items.append(_property_info(target, prop.name, prop.member_type,
                                        prop.set is not None))
        for name in _adapted_names(target):
            items.append(_property_info(target, name, "Property", True))
    return PropertyCollection(items, target)


def _psobject_members(target: Any) -> NamedList:
    rows = [PSObject([("Name", m.name), ("MemberType", m.member_type),
                      ("Definition", m.definition), ("IsInstance", True)],
                     ("System.Management.Automation.PSMemberInfo", "System.Object"))
            for m in members(target)]
    return NamedList(rows, "System.Management.Automation.PSMemberInfoIntegratingCollection`1["
                           "[System.Management.Automation.PSMemberInfo, "
                           "System.Management.Automation]]")


def _type_names_collection(target: Any) -> TypeNameCollection:
    if isinstance(target, PSObject):
        if not isinstance(target.type_names, TypeNameCollection):
            # the collection is live: Insert/Add change what format views select on
            target.type_names = TypeNameCollection(target.type_names)
        return target.type_names
    return TypeNameCollection(type_names_of(target))


def _psobject_copy(target: Any) -> Any:
    if isinstance(target, PSObject):
        return target.copy()
    if isinstance(target, Hashtable):
        return target.copy()
    if isinstance(target, ArrayList):
        return _like(target, target)
    if isinstance(target, list):
        return list(target)
    return _copy.copy(target)


_PSOBJECT_INFO = _type("System.Management.Automation.PSObject", [
    _p("BaseObject", "System.Object", lambda i: i.target),
    _p("ImmediateBaseObject", "System.Object", lambda i: i.target),
    _p("Members", "System.Management.Automation.PSMemberInfoCollection[psmemberinfo]",
       lambda i: _psobject_members(i.target)),
    _p("Methods", "System.Management.Automation.PSMemberInfoCollection[psmethodinfo]",
       lambda i: NamedList([r for r in _psobject_members(i.target)
                            if "Method" in str(r.get("MemberType"))],
                           "System.Management.Automation.PSMemberInfoIntegratingCollection")),
    _p("Properties", "System.Management.Automation.PSMemberInfoCollection[psPropertyInfo]",
       lambda i: _psobject_properties(i.target)),
    _p("TypeNames", "System.Collections.ObjectModel.Collection[string]",
       lambda i: _type_names_collection(i.target)),
], [
    _m("Copy", lambda i, a: _psobject_copy(i.target), "psobject Copy()"),
    _m("ToString", lambda i, a: _value_text(i.target), "string ToString()",
       "string ToString(string format, System.IFormatProvider formatProvider)"),
])


def _pc_add(collection: PropertyCollection, a: _Args) -> None:
    member = a[0]
    owner = collection.owner
    if not isinstance(owner, PSObject):
        raise DotNetException("Cannot add a member to this object.",
                              "System.InvalidOperationException")
    if not isinstance(member, PSObject) or not member.has_property("Name"):
        raise DotNetException("A PSProperty or PSMethod object cannot be added to this "
                              "collection.", "System.Management.Automation."
                                             "ExtendedTypeSystemException")
    name = str(member.get("Name"))
    if owner.has_property(name):
        raise DotNetException(f'The member "{name}" is already present.',
                              "System.Management.Automation.ExtendedTypeSystemException")
    owner.add_property(name, member.get("Value"))
    collection.append(_property_info(owner, name, "NoteProperty", True))


def _pc_remove(collection: PropertyCollection, a: _Args) -> None:
    name = a.text(0, "name")
    owner = collection.owner
    if isinstance(owner, PSObject):
        owner.remove_property(name)
    collection[:] = [p for p in collection if str(p.get("Name")).casefold() != name.casefold()]


def wildcard_regex(pattern: str) -> re.Pattern[str]:
    """A PowerShell wildcard (case-insensitive) as a regex: the language's own (-like's)."""
    from asrsim.lang.operators import wildcard_regex as language_wildcard

    return language_wildcard(pattern)


def _named_match(collection: NamedList, a: _Args) -> NamedList:
    rx = wildcard_regex(a.text(0, "name"))
    return NamedList([p for p in collection if rx.fullmatch(str(p.get("Name")))],
                     collection.dotnet_type_name)


_NAMED_LIST = _type("System.Collections.ObjectModel.ReadOnlyCollection", [
    _p("Count", "int", len),
], [
    _m("Item", lambda c, a: c.by_name(a[0]) if isinstance(a[0], str) else c[_array_index(
        c, a, 0)], "System.Object Item(string name) {get;}", "System.Object Item(int index) {get;}",
       parameterized=True),
    _m("Match", _named_match, "System.Collections.ObjectModel.ReadOnlyCollection[T] Match("
                              "string name)"),
    _m("Contains", lambda c, a: any(_net_equals(x, a[0]) for x in c),
       "bool Contains(System.Object value)"),
    _m("IndexOf", lambda c, a: _index_of(c, a[0]), "int IndexOf(System.Object value)"),
])

_PROPERTY_COLLECTION = _type("System.Management.Automation.PSMemberInfoIntegratingCollection", [
    _p("Count", "int", len),
], [
    *_NAMED_LIST.methods.values(),
    _m("Add", _pc_add, "void Add(psPropertyInfo member)",
       "void Add(psPropertyInfo member, bool preValidated)"),
    _m("Remove", _pc_remove, "void Remove(string name)"),
])


def _tnc_add(names: TypeNameCollection, a: _Args) -> None:
    names.append(a.text(0, "item"))


_TYPE_NAME_COLLECTION = _type(TypeNameCollection.dotnet_type_name, [
    _p("Count", "int", len),
], [
    _m("Add", _tnc_add, "void Add(string item)"),
    _m("Clear", lambda v, a: v.clear(), "void Clear()"),
    _m("Contains", lambda v, a: a.text(0, "item") in v, "bool Contains(string item)"),
    _m("IndexOf", lambda v, a: v.index(a.text(0, "item")) if a.text(0, "item") in v else -1,
       "int IndexOf(string item)"),
    _m("Insert", _list_insert, "void Insert(int index, string item)"),
    _m("Remove", lambda v, a: _list_remove(v, a) or a.text(0, "item") not in v,
       "bool Remove(string item)"),
    _m("RemoveAt", _list_remove_at, "void RemoveAt(int index)"),
])

_PSOBJECT_TYPES: Final = MappingProxyType({
    DICTIONARY_ENTRY: _DICTIONARY_ENTRY,
    MATCH_TYPE: _MATCH,
    GROUP_TYPE: _GROUP,
    CAPTURE_TYPE: _CAPTURE,
})

def _method_display_name(key: str, func: Callable[..., Any]) -> str:
    name = getattr(func, "ps_name", None) or getattr(func, "__name__", "")
    if isinstance(name, str) and name.casefold() == key:
        return name
    return key[:1].upper() + key[1:]


# =============================================================================================
# PSType, StringBuilder, Encoding, Version, adapted Python objects
# =============================================================================================


def _pstype_full_name(t: Any) -> str:
    return str(getattr(t, "full_name", "") or t)


def _pstype_base(t: Any, ctx: _Context) -> Any:
    full = _pstype_full_name(t)
    if full == "System.Object":
        return None
    if full.endswith("[]"):
        base = "System.Array"
    elif full in _VALUE_TYPES:
        base = "System.ValueType"
    elif full == "System.ValueType" or full == "System.Array":
        base = "System.Object"
    else:
        base = "System.Object"
    found = ctx.registry().resolve(base)
    return found if found is not None else base


def _pstype_is_instance(t: Any, a: _Args) -> bool:
    check = getattr(t, "is_instance", None)
    if callable(check):
        return bool(check(a[0]))
    return _pstype_full_name(t) in type_names_of(a[0])


_PSTYPE = _type("System.RuntimeType", [
    _p("Assembly", "System.Reflection.Assembly", lambda t: "System.Private.CoreLib"),
    _p("BaseType", "type", lambda t: _pstype_base(t, _Context())),
    _p("FullName", "string", _pstype_full_name),
    _p("IsArray", "bool", lambda t: _pstype_full_name(t).endswith("[]")),
    _p("IsClass", "bool", lambda t: _pstype_full_name(t) not in _VALUE_TYPES),
    _p("IsEnum", "bool", lambda t: bool(getattr(t, "is_enum", False))),
    _p("IsPublic", "bool", lambda t: True),
    _p("IsSerializable", "bool", lambda t: True),
    _p("IsValueType", "bool", lambda t: _pstype_full_name(t) in _VALUE_TYPES),
    _p("Name", "string", lambda t: str(getattr(t, "name", "") or
                                       _pstype_full_name(t).rsplit(".", 1)[-1])),
    _p("Namespace", "string", lambda t: _pstype_full_name(t).rpartition(".")[0]),
    _p("UnderlyingSystemType", "type", lambda t: t),
], [
    _m("IsInstanceOfType", _pstype_is_instance, "bool IsInstanceOfType(System.Object o)"),
    _m("ToString", lambda t, a: _pstype_full_name(t), "string ToString()"),
])


def _sb_length_set(sb: StringBuilder, value: Any) -> None:
    length = _to_integer(value, "System.Int32", _INT32)
    text = sb.text()
    if length < 0:
        raise _out_of_range("Length cannot be less than zero.", "value")
    sb.parts = [text[:length] + "\0" * max(0, length - len(text))]


def _sb_append(sb: StringBuilder, a: _Args) -> StringBuilder:
    if len(a) == 2 and isinstance(a[0], str) and len(a[0]) == 1 and _is_number(a[1]):
        sb.parts.append(a[0] * a.i32(1, "repeatCount"))
    elif len(a) == 3:
        text = a.text(0, "value")
        start, count = a.i32(1, "startIndex"), a.i32(2, "count")
        sb.parts.append(text[start:start + count])
    else:
        sb.parts.append(net_to_string(a[0]))
    return sb


def _sb_append_line(sb: StringBuilder, a: _Args) -> StringBuilder:
    if len(a):
        sb.parts.append(net_to_string(a[0]))
    sb.parts.append(NEWLINE)
    return sb


def _sb_insert(sb: StringBuilder, a: _Args) -> StringBuilder:
    text = sb.text()
    index = a.i32(0, "index")
    if not 0 <= index <= len(text):
        raise _out_of_range("Index was out of range. Must be non-negative and less than or "
                            "equal to the size of the collection.", "index")
    sb.parts = [text[:index] + net_to_string(a[1]) + text[index:]]
    return sb


def _sb_remove(sb: StringBuilder, a: _Args) -> StringBuilder:
    text = sb.text()
    start, length = a.i32(0, "startIndex"), a.i32(1, "length")
    if start < 0 or length < 0 or start + length > len(text):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the "
                            "size of the collection.", "startIndex")
    sb.parts = [text[:start] + text[start + length:]]
    return sb


def _sb_replace(sb: StringBuilder, a: _Args) -> StringBuilder:
    old = a.text(0, "oldValue")
    if old == "":
        raise DotNetException("The value cannot be an empty string. (Parameter 'oldValue')")
    sb.parts = [sb.text().replace(old, a.opt_str(1) or "")]
    return sb


def _sb_to_string(sb: StringBuilder, a: _Args) -> str:
    text = sb.text()
    if len(a) == 2:
        start, length = a.i32(0, "startIndex"), a.i32(1, "length")
        if start < 0 or length < 0 or start + length > len(text):
            raise _out_of_range("Index and length must refer to a location within the string.",
                                "length")
        return text[start:start + length]
    return text


def _sb_append_format(sb: StringBuilder, a: _Args) -> StringBuilder:
    values = list(a.values[1:])
    if len(values) == 1 and isinstance(values[0], list):
        values = list(values[0])
    sb.parts.append(format_composite(a.text(0, "format"), values))
    return sb


def _sb_clear(sb: StringBuilder, a: _Args) -> StringBuilder:
    sb.parts = []
    return sb


_STRINGBUILDER = _type(StringBuilder.dotnet_type_name, [
    _p("Capacity", "int", lambda sb: max(sb.capacity, len(sb.text())),
       lambda sb, v: setattr(sb, "capacity", _to_integer(v, "System.Int32", _INT32))),
    _p("MaxCapacity", "int", lambda sb: _INT32[1]),
    _p("Length", "int", lambda sb: len(sb.text()), _sb_length_set),
], [
    _m("Append", _sb_append, "System.Text.StringBuilder Append(string value)",
       "System.Text.StringBuilder Append(char value, int repeatCount)",
       "System.Text.StringBuilder Append(string value, int startIndex, int count)",
       "System.Text.StringBuilder Append(System.Object value)"),
    _m("AppendFormat", _sb_append_format,
       "System.Text.StringBuilder AppendFormat(string format, Params System.Object[] args)"),
    _m("AppendLine", _sb_append_line, "System.Text.StringBuilder AppendLine()",
       "System.Text.StringBuilder AppendLine(string value)"),
    _m("Clear", _sb_clear, "System.Text.StringBuilder Clear()"),
    _m("EnsureCapacity", lambda sb, a: max(sb.capacity, a.i32(0, "capacity")),
       "int EnsureCapacity(int capacity)"),
    _m("Insert", _sb_insert, "System.Text.StringBuilder Insert(int index, string value)"),
    _m("Remove", _sb_remove, "System.Text.StringBuilder Remove(int startIndex, int length)"),
    _m("Replace", _sb_replace,
       "System.Text.StringBuilder Replace(string oldValue, string newValue)"),
    _m("ToString", _sb_to_string, "string ToString()",
       "string ToString(int startIndex, int length)"),
])


def _bytes_arg(a: _Args, index: int, param: str) -> bytes:
    value = a[index]
    if value is None:
        raise _null_argument(param)
    items = value if isinstance(value, list | tuple) else [value]
    try:
        return bytes(_to_integer(v, "System.Byte", (0, 255)) for v in items)
    except _ConversionFailed as error:
        raise a._fail(index, param, error) from None


def _enc_get_bytes(e: Encoding, a: _Args) -> list[int]:
    value = a[0]
    text = "".join(_value_text(v) for v in value) if isinstance(value, list) else a.text(0, "s")
    return list(text.encode(e.codec, errors="replace"))


def _enc_get_string(e: Encoding, a: _Args) -> str:
    data = _bytes_arg(a, 0, "bytes")
    if len(a) == 3:
        start, count = a.i32(1, "index"), a.i32(2, "count")
        data = data[start:start + count]
    return data.decode(e.codec, errors="replace")


_ENCODING = _type(Encoding.dotnet_type_name, [
    _p("BodyName", "string", lambda e: e.codec),
    _p("CodePage", "int", lambda e: {"utf-8": 65001, "ascii": 20127, "utf-16-le": 1200,
                                     "utf-16-be": 1201, "utf-32-le": 12000,
                                     "latin-1": 28591}.get(e.codec, 0)),
    _p("EncodingName", "string", lambda e: e.name),
    _p("WebName", "string", lambda e: e.codec),
], [
    _m("GetByteCount", lambda e, a: len(_enc_get_bytes(e, a)), "int GetByteCount(string s)"),
    _m("GetBytes", _enc_get_bytes, "byte[] GetBytes(string s)", "byte[] GetBytes(char[] chars)"),
    _m("GetPreamble", lambda e, a: [], "byte[] GetPreamble()"),
    _m("GetString", _enc_get_string, "string GetString(byte[] bytes)",
       "string GetString(byte[] bytes, int index, int count)"),
])


def _version_to_string(v: Version, a: _Args) -> str:
    if not len(a):
        return str(v)
    count = a.i32(0, "fieldCount")
    parts = [v.major, v.minor, v.build, v.revision]
    if not 0 <= count <= 4 or any(p < 0 for p in parts[:count]):
        raise DotNetException("Argument must be between 0 and 2. (Parameter 'fieldCount')")
    return ".".join(str(p) for p in parts[:count])


_VERSION = _type("System.Version", [
    _p("Build", "int", lambda v: v.build),
    _p("Major", "int", lambda v: v.major),
    _p("MajorRevision", "int16", lambda v: v.revision >> 16 if v.revision >= 0 else -1),
    _p("Minor", "int", lambda v: v.minor),
    _p("MinorRevision", "int16", lambda v: v.revision & 0xFFFF if v.revision >= 0 else -1),
    _p("Revision", "int", lambda v: v.revision),
], [
    _m("CompareTo", lambda v, a: 1 if a[0] is None else (v > _version_arg(a)) - (
        v < _version_arg(a)), "int CompareTo(System.Object version)",
       "int CompareTo(version value)"),
    _m("Clone", lambda v, a: v, "System.Object Clone()"),
    _m("ToString", _version_to_string, "string ToString()", "string ToString(int fieldCount)"),
])


def parse_version(text: str) -> Version:
    """Version.Parse, with .NET's exception types."""
    try:
        return Version.parse(text)
    except ValueError as error:
        message = str(error)
        kind = ("System.FormatException" if "format" in message
                else "System.OverflowException" if "large" in message
                else "System.ArgumentOutOfRangeException" if "zero" in message
                else "System.ArgumentException")
        raise DotNetException(message, kind) from None


def _version_arg(a: _Args) -> Version:
    value = a[0]
    if isinstance(value, Version):
        return value
    if isinstance(value, str):
        return parse_version(value)
    raise DotNetException("Object must be of type Version.")


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).casefold()


def _adapted_names(obj: Any) -> list[str]:
    """The properties of an engine object that is neither a PowerShell value nor a PSObject:
    a class's ``ps_properties`` (PowerShell names), else a dataclass's fields, else its public
    slots, in PascalCase (``read_only`` -> ``ReadOnly``)."""
    cls = type(obj)
    declared = getattr(cls, "ps_properties", None)
    if declared is not None:
        return [str(n) for n in declared]
    names: list[str] = []
    if is_dataclass(obj):
        names = [f.name for f in fields(obj)]
    else:
        for klass in cls.__mro__:
            slots = getattr(klass, "__slots__", ())
            names.extend([slots] if isinstance(slots, str) else list(slots))
    result = []
    for attr in names:
        if attr.startswith("_") or callable(getattr(obj, attr, None)):
            continue
        result.append("".join(part.capitalize() for part in attr.split("_")))
    return result


def _adapted_get(obj: Any, name: str) -> Any:
    for ps_name in _adapted_names(obj):
        if ps_name.casefold() == name.casefold():
            return getattr(obj, _snake(ps_name), None)
    return MISSING


# =============================================================================================
# dispatch
# =============================================================================================

def _type_info(obj: Any) -> _TypeInfo | None:
    """The emulated .NET type of a value, or None for PSObjects and adapted engine objects."""
    if isinstance(obj, bool):
        return _BOOLEAN
    if isinstance(obj, Char):
        return _CHAR
    if isinstance(obj, str):
        return _STRING
    if isinstance(obj, int):
        return _INT32_TYPE if _INT32[0] <= obj <= _INT32[1] else _INT64_TYPE
    if isinstance(obj, float):
        return _DOUBLE_TYPE
    if isinstance(obj, decimal.Decimal):
        return _DECIMAL_TYPE
    if isinstance(obj, datetime):
        return _DATETIME
    if isinstance(obj, timedelta):
        return _TIMESPAN
    if isinstance(obj, uuid.UUID):
        return _GUID
    if isinstance(obj, PSObject):
        if obj.type_name in _PSOBJECT_TYPES:
            return _PSOBJECT_TYPES[obj.type_name]
        return None
    if isinstance(obj, Hashtable):
        return _ORDERED if obj.ordered else _HASHTABLE
    if isinstance(obj, dict):
        return _HASHTABLE
    if isinstance(obj, TypeNameCollection):
        return _TYPE_NAME_COLLECTION
    if isinstance(obj, PropertyCollection):
        return _PROPERTY_COLLECTION
    if isinstance(obj, NamedList):
        return _NAMED_LIST
    if isinstance(obj, ArrayList):
        return _GENERIC_LIST if _is_generic_list(obj) else _ARRAYLIST
    if isinstance(obj, list | tuple):
        return _ARRAY
    if isinstance(obj, re.Pattern):
        return _REGEX
    if isinstance(obj, PSObjectInfo):
        return _PSOBJECT_INFO
    if isinstance(obj, StringBuilder):
        return _STRINGBUILDER
    if isinstance(obj, Encoding):
        return _ENCODING
    if isinstance(obj, Version):
        return _VERSION
    if _is_pstype(obj):
        return _PSTYPE
    if isinstance(obj, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return _IPADDRESS
    return None


def _is_pstype(obj: Any) -> bool:
    return isinstance(obj, PSType)


def declares_to_string(value: Any) -> bool:
    """Whether the value's .NET type overrides ToString() (a collection, a hashtable or an
    encoding does not: .NET gives their type name)."""
    if isinstance(value, PSObject | list | tuple | dict | Encoding | PSObjectInfo):
        return False
    own_str: Any = type(value).__str__
    return _type_info(value) is not None or own_str is not object.__str__


def get_property(obj: Any, name: str) -> Any:
    """``obj.name``: the property's value, or :data:`MISSING` when the object has no such
    property. A hashtable answers its keys first (``@{Count=5}.Count`` is 5), and None for a
    missing key, as PowerShell does."""
    key = name.casefold()
    if obj is None:
        return MISSING
    if key == "psobject":
        return PSObjectInfo(obj)
    if isinstance(obj, Hashtable):
        if name in obj:
            return obj[name]
        prop = _HASHTABLE.props.get(key)
        return prop.get(obj) if prop is not None else None
    if isinstance(obj, PSObject):
        special = _PSOBJECT_TYPES.get(obj.type_name)
        if special is not None:
            prop = special.props.get(key)
            if prop is not None:
                return prop.get(obj)
        if obj.has_property(name):
            return obj.get(name)
        return MISSING
    info = _type_info(obj)
    if info is not None:
        prop = info.props.get(key)
        if prop is None:
            return MISSING
        try:
            return prop.get(obj)
        except DotNetException as error:
            raise RuntimeException(
                f'Exception getting "{prop.name}": "{error.message}"', "ExceptionWhenGetting",
                "NotSpecified",
                dotnet_type="System.Management.Automation.GetValueInvocationException") from None
    return _adapted_get(obj, name)


def set_property(obj: Any, name: str, value: Any) -> None:
    """``obj.name = value``: a PSObject's property, a hashtable key (added when missing), a
    settable .NET property; anything else is PowerShell's PropertyNotFound or ReadOnly
    error."""
    key = name.casefold()
    if isinstance(obj, Hashtable):
        obj[name] = value
        return
    if isinstance(obj, PSObject):
        special = _PSOBJECT_TYPES.get(obj.type_name)
        prop = special.props.get(key) if special is not None else None
        if prop is not None and prop.set is None:
            raise _read_only(prop.name)
        if not obj.has_property(name):
            raise _property_not_found(name)
        try:
            obj.set(name, value)
        except AttributeError:
            raise _read_only(name) from None
        return
    info = _type_info(obj)
    if info is not None:
        prop = info.props.get(key)
        if prop is None:
            raise _property_not_found(name)
        if prop.set is None:
            raise _read_only(prop.name)
        try:
            prop.set(obj, value)
        except _ConversionFailed as error:
            raise RuntimeException(
                f'Exception setting "{prop.name}": "{error.inner}"', "ExceptionWhenSetting",
                "NotSpecified",
                dotnet_type="System.Management.Automation.SetValueInvocationException") from None
        except DotNetException as error:
            raise RuntimeException(
                f'Exception setting "{prop.name}": "{error.message}"', "ExceptionWhenSetting",
                "NotSpecified",
                dotnet_type="System.Management.Automation.SetValueInvocationException") from None
        return
    if obj is not None:
        for ps_name in _adapted_names(obj):
            if ps_name.casefold() == key:
                attr = _snake(ps_name)
                try:
                    setattr(obj, attr, value)
                except (AttributeError, TypeError):
                    raise _read_only(ps_name) from None
                return
    raise _property_not_found(name)


def _call(method: _Method, obj: Any, args: _Args, shown: str | None = None) -> Any:
    if not method.accepts(len(args)):
        raise _count_mismatch(method.name, len(args))
    try:
        return method.impl(obj, args)
    except DotNetException as error:
        # a constructor's exception names it ".ctor", as PowerShell does
        raise _invocation_error(shown or method.name, len(args), error) from None
    except _ConversionFailed as error:
        raise _invocation_error(shown or method.name, len(args),
                                DotNetException(error.inner, "System.InvalidCastException")
                                ) from None
    except (ArithmeticError, ValueError, TypeError, IndexError, KeyError, RecursionError,
            re.error) as error:
        # a last line: no Python error leaves a .NET call
        raise _invocation_error(shown or method.name, len(args), DotNetException(
            str(error) or type(error).__name__)) from error


def invoke_method(obj: Any, name: str, args: Sequence[Any], *,
                  types: TypeRegistry | None = None,
                  invoke_script: Callable[[Any, list[Any]], Any] | None = None) -> Any:
    """``obj.name(args)``. ``types`` answers GetType() (the default registry when omitted);
    ``invoke_script(block, args)`` runs a script block passed where .NET wants a delegate
    (a MatchEvaluator) or invoked with ``$sb.Invoke()``."""
    ctx = _Context(types=types, invoke_script=invoke_script)
    key = name.casefold()
    call_args = _Args(name, args, ctx)
    if isinstance(obj, PSObject):
        info = _PSOBJECT_TYPES.get(obj.type_name)
        if info is not None and key in info.methods:
            return _call(info.methods[key], obj, call_args)
        func = obj.methods.get(key)
        if func is not None:
            return func(*args)
        common = {m.name.casefold(): m for m in _common_methods(obj.type_name)}
        if key in common:
            if key == "tostring" and obj.type_name == PSCUSTOMOBJECT:
                return ""
            return _call(common[key], obj, call_args)
        raise _method_not_found(obj.type_name, name)
    info = _type_info(obj)
    if info is not None:
        method = info.methods.get(key)
        if method is None:
            raise _method_not_found(_type_name(obj), name)
        return _call(method, obj, call_args)
    if obj is None:
        raise RuntimeException("You cannot call a method on a null-valued expression.",
                               "InvokeMethodOnNull", "InvalidOperation")
    if _is_script_block(obj) and key in ("invoke", "invokereturnasis"):
        if invoke_script is None:
            raise RuntimeException("A script block cannot be invoked here.",
                                   "ScriptBlockNotSupported", "NotImplemented")
        return invoke_script(obj, list(args))
    common = {m.name.casefold(): m for m in _common_methods(_type_name(obj))}
    if key in common:
        if key == "tostring":
            return str(obj)
        return _call(common[key], obj, call_args)
    raise _method_not_found(_type_name(obj), name)


def has_method(obj: Any, name: str) -> bool:
    """Whether ``obj.name(...)`` names a method (for member enumeration: an array without
    the method calls it on each element)."""
    key = name.casefold()
    if obj is None:
        return False
    if isinstance(obj, PSObject):
        info = _PSOBJECT_TYPES.get(obj.type_name)
        return (info is not None and key in info.methods) or key in obj.methods \
            or key in _COMMON_NAMES
    info = _type_info(obj)
    if info is not None:
        return key in info.methods
    return key in _COMMON_NAMES or (_is_script_block(obj)
                                    and key in ("invoke", "invokereturnasis"))


def get_item(obj: Any, key: Any) -> Any:
    """``obj[key]`` for the collections indexed by name (``$m.Groups['year']``,
    ``$o.psobject.Properties['Name']``): the element, None when absent, or MISSING when the
    object is not such a collection (the caller indexes it itself)."""
    if isinstance(obj, NamedList) and isinstance(key, str):
        found = obj.by_name(key)
        if found is None and key.strip().isdigit():
            index = int(key)
            return obj[index] if 0 <= index < len(obj) else None
        return found
    return MISSING


_COMMON_NAMES: Final = frozenset({"equals", "gethashcode", "gettype", "tostring"})


def _note_definition(name: str, value: Any) -> str:
    if value is None:
        text = "null"
    elif isinstance(value, PSObject):
        text = _value_text(value)
    else:
        text = net_to_string(value)
    return f"{_display_type_of_value(value)} {name}={text}"


def members(obj: Any) -> list[MemberInfo]:
    """The members ``Get-Member`` lists for a value, sorted as it sorts them (by the member
    type's name, then the member's name)."""
    rows: list[MemberInfo] = []
    info = _type_info(obj)
    if isinstance(obj, PSObject) and info is None:
        for method in _common_methods(obj.type_name):
            rows.append(MemberInfo(method.name, "Method", ", ".join(method.overloads)))
        for key, func in obj.methods.items():
            if key in _COMMON_NAMES:
                continue
            display = _method_display_name(key, func)
            rows.append(MemberInfo(display, "Method", f"System.Object {display}()"))
        for prop_name in obj.property_names():
            raw = obj._props[prop_name.casefold()]
            if isinstance(raw, PSScriptProperty):
                access = "{get;set;}" if raw.setter is not None else "{get;}"
                rows.append(MemberInfo(prop_name, "ScriptProperty",
                                       f"System.Object {prop_name} {access}"))
            else:
                rows.append(MemberInfo(prop_name, "NoteProperty",
                                       _note_definition(prop_name, raw.value)))
    elif info is not None:
        for method in info.methods.values():
            kind = "ParameterizedProperty" if method.parameterized else "Method"
            rows.append(MemberInfo(method.name, kind, ", ".join(method.overloads)))
        for prop in info.props.values():
            rows.append(MemberInfo(prop.name, prop.member_type, prop.definition))
    elif obj is not None:
        for method in _common_methods(_type_name(obj)):
            rows.append(MemberInfo(method.name, "Method", ", ".join(method.overloads)))
        if _is_script_block(obj):
            rows.append(MemberInfo("Invoke", "Method",
                                   "System.Collections.ObjectModel.Collection[psobject] "
                                   "Invoke(Params System.Object[] args)"))
        for name in _adapted_names(obj):
            value = _adapted_get(obj, name)
            rows.append(MemberInfo(name, "Property",
                                   f"{_display_type_of_value(value)} {name} {{get;set;}}"))
    rows.sort(key=lambda m: (m.member_type.casefold(), m.name.casefold()))
    return rows


def property_names(obj: Any) -> list[str]:
    """A value's properties in their display order (what ``Format-List *`` and the default
    table/list show when no view applies)."""
    if obj is None:
        return []
    if isinstance(obj, PSObject):
        names = obj.property_names()
        special = _PSOBJECT_TYPES.get(obj.type_name)
        if special is not None:
            known = {n.casefold() for n in names}
            names += [p.name for p in special.props.values() if p.name.casefold() not in known]
        return names
    info = _type_info(obj)
    if info is not None:
        return [p.name for p in info.props.values()]
    return _adapted_names(obj)


# =============================================================================================
# static members
# =============================================================================================

#: [Environment]::NewLine. Windows says "\r\n", but every line the simulator's formatter and
#: Out-String produce ends in "\n"; splitting their output on NewLine must work as it does on
#: Windows, so the simulator's NewLine is "\n".
NEWLINE: Final = "\n"

SGetter = Callable[["_Context"], Any]


@dataclass(frozen=True)
class _SProp:
    name: str
    type: str
    get: SGetter


@dataclass(frozen=True)
class _StaticType:
    name: str
    props: Mapping[str, _SProp]
    methods: Mapping[str, _Method]


def _static(name: str, props: Sequence[_SProp] = (), methods: Sequence[_Method] = ()
            ) -> _StaticType:
    return _StaticType(name, MappingProxyType({p.name.casefold(): p for p in props}),
                       MappingProxyType({m.name.casefold(): m for m in methods}))


def _sp(name: str, type_: str, get: SGetter) -> _SProp:
    return _SProp(name, type_, get)


def _const(value: Any) -> SGetter:
    return lambda ctx: value


# ---------------------------------------------------------------------------------------------
# [math]
# ---------------------------------------------------------------------------------------------


def _numeric_args(a: _Args) -> list[int | float | decimal.Decimal]:
    values: list[int | float | decimal.Decimal] = []
    for i, value in enumerate(a.values):
        if _is_number(value):
            values.append(value)
        elif isinstance(value, bool):
            values.append(int(value))
        else:
            values.append(a.dbl(i, "value") if value is not None else 0)
    return values


def _math_kind(values: Sequence[int | float | decimal.Decimal]) -> str:
    """The overload PowerShell picks: all integers -> the integer one, a decimal (and no
    double) -> decimal, else double."""
    if all(isinstance(v, int) for v in values):
        return "int"
    if any(isinstance(v, float) for v in values):
        return "double"
    return "decimal"


_MIDPOINT: Final = ("toeven", "awayfromzero", "tozero", "tonegativeinfinity",
                    "topositiveinfinity")


def _midpoint(a: _Args, index: int) -> str:
    value = a[index]
    if _is_number(value):
        number = int(value)
        if 0 <= number < len(_MIDPOINT):
            return _MIDPOINT[number]
    elif isinstance(value, str) and value.strip().casefold() in _MIDPOINT:
        return value.strip().casefold()
    raise DotNetException(f"The value '{_value_text(value)}' is not valid for this usage of the "
                          "type MidpointRounding. (Parameter 'mode')")


def _is_mode_name(value: Any) -> bool:
    enum_type = getattr(value, "enum_type", None)
    if enum_type is not None:
        # a [MidpointRounding] value: an int that reads as its member name
        return str(getattr(enum_type, "full_name", "")) == "System.MidpointRounding"
    return isinstance(value, str) and value.strip().casefold() in _MIDPOINT


def _round_integral(scaled: float, mode: str) -> float:
    if mode == "toeven":
        return float(round(scaled))
    if mode == "awayfromzero":
        fraction, whole = math.modf(scaled)
        return whole + math.copysign(1.0, fraction) if abs(fraction) >= 0.5 else whole
    if mode == "tozero":
        return float(math.trunc(scaled))
    if mode == "tonegativeinfinity":
        return float(math.floor(scaled))
    return float(math.ceil(scaled))


def _math_round(a: _Args) -> Any:
    """Math.Round(value[, digits][, mode]): banker's rounding unless a MidpointRounding says
    otherwise; a double is scaled, rounded and scaled back as .NET Core does."""
    value: int | float | decimal.Decimal = a[0] if _is_number(a[0]) else a.dbl(0, "value")
    digits = 0
    mode = "toeven"
    if len(a) == 2:
        if _is_mode_name(a[1]):
            mode = _midpoint(a, 1)
        else:
            digits = a.i32(1, "digits")
    elif len(a) == 3:
        digits = a.i32(1, "digits")
        mode = _midpoint(a, 2)
    if isinstance(value, decimal.Decimal):
        if not 0 <= digits <= 28:
            raise _out_of_range("Decimal can only round to between 0 and 28 digits of "
                                "precision.", "decimals")
        rounding = {"toeven": decimal.ROUND_HALF_EVEN, "awayfromzero": decimal.ROUND_HALF_UP,
                    "tozero": decimal.ROUND_DOWN, "tonegativeinfinity": decimal.ROUND_FLOOR,
                    "topositiveinfinity": decimal.ROUND_CEILING}[mode]
        return value.quantize(decimal.Decimal(1).scaleb(-digits), rounding=rounding)
    number = float(value)
    if not 0 <= digits <= 15:
        raise _out_of_range("Rounding digits must be between 0 and 15, inclusive.", "digits")
    if math.isnan(number) or math.isinf(number) or abs(number) >= 1e16:
        return number
    if digits == 0:
        return _round_integral(number, mode)
    power = 10.0 ** digits
    return _round_integral(number * power, mode) / power


def _math_unary(func: Callable[[float], float], name: str) -> Impl:
    def impl(_o: Any, a: _Args) -> Any:
        return func(a.dbl(0, name))
    return impl


def _math_floor_like(kind: str) -> Impl:
    def impl(_o: Any, a: _Args) -> Any:
        value = _numeric_args(a)[0]
        if isinstance(value, decimal.Decimal):
            rounding = {"floor": decimal.ROUND_FLOOR, "ceiling": decimal.ROUND_CEILING,
                        "truncate": decimal.ROUND_DOWN}[kind]
            return value.to_integral_value(rounding=rounding)
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return number
        if kind == "floor":
            return float(math.floor(number))
        if kind == "ceiling":
            return float(math.ceil(number))
        return float(math.trunc(number))
    return impl


def _math_abs(_o: Any, a: _Args) -> Any:
    value = _numeric_args(a)[0]
    if isinstance(value, int) and value == _INT32[0] and not isinstance(a[0], float):
        raise DotNetException("Negating the minimum value of a twos complement number is "
                              "invalid.", "System.OverflowException")
    return abs(value)


def _math_minmax(pick_max: bool) -> Impl:
    def impl(_o: Any, a: _Args) -> Any:
        values = _numeric_args(a)
        kind = _math_kind(values)
        if kind == "double":
            x, y = float(values[0]), float(values[1])
            if math.isnan(x) or math.isnan(y):
                return math.nan
            return max(x, y) if pick_max else min(x, y)
        if kind == "decimal":
            dx, dy = decimal.Decimal(values[0]), decimal.Decimal(values[1])
            return max(dx, dy) if pick_max else min(dx, dy)
        return max(values) if pick_max else min(values)
    return impl


def _math_pow(_o: Any, a: _Args) -> float:
    x, y = a.dbl(0, "x"), a.dbl(1, "y")
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf if x > 0 or (float(y).is_integer() and int(y) % 2 == 0) else -math.inf
    except ValueError:
        return math.nan


def _math_log(_o: Any, a: _Args) -> float:
    x = a.dbl(0, "a")
    if len(a) > 1:
        base = a.dbl(1, "newBase")
        return _safe_log(x) / _safe_log(base) if base not in (0.0, 1.0) else math.nan
    return _safe_log(x)


def _safe_log(x: float, log: Callable[[float], float] = math.log) -> float:
    if x == 0:
        return -math.inf
    if x < 0 or math.isnan(x):
        return math.nan
    return math.inf if math.isinf(x) else log(x)


def _nan_safe(func: Callable[[float], float]) -> Callable[[float], float]:
    def wrapped(x: float) -> float:
        try:
            return func(x)
        except (ValueError, OverflowError):
            return math.nan
    return wrapped


def _math_sign(_o: Any, a: _Args) -> int:
    value = _numeric_args(a)[0]
    if isinstance(value, float) and math.isnan(value):
        raise DotNetException("Function does not accept floating point Not-a-Number values.",
                              "System.ArithmeticException")
    return (value > 0) - (value < 0)


def _math_clamp(_o: Any, a: _Args) -> Any:
    values = _numeric_args(a)
    value, low, high = values
    if low > high:
        raise DotNetException(f"'{_value_text(low)}' cannot be greater than "
                              f"{_value_text(high)}.")
    result = min(max(value, low), high)
    return float(result) if _math_kind(values) == "double" else result


def _math_divrem_unsupported(_o: Any, a: _Args) -> Any:
    raise RuntimeException("[ref] arguments are not supported by the simulator.",
                           "RefArgumentNotSupported", "NotImplemented")


_MATH = _static("System.Math", [
    _sp("E", "double", _const(math.e)),
    _sp("PI", "double", _const(math.pi)),
    _sp("Tau", "double", _const(math.tau)),
], [
    _m("Abs", _math_abs, "static int Abs(int value)", "static long Abs(long value)",
       "static double Abs(double value)", "static decimal Abs(decimal value)"),
    _m("Acos", _math_unary(_nan_safe(math.acos), "d"), "static double Acos(double d)"),
    _m("Asin", _math_unary(_nan_safe(math.asin), "d"), "static double Asin(double d)"),
    _m("Atan", _math_unary(math.atan, "d"), "static double Atan(double d)"),
    _m("Atan2", lambda o, a: math.atan2(a.dbl(0, "y"), a.dbl(1, "x")),
       "static double Atan2(double y, double x)"),
    _m("Ceiling", _math_floor_like("ceiling"), "static decimal Ceiling(decimal d)",
       "static double Ceiling(double a)"),
    _m("Clamp", _math_clamp, "static int Clamp(int value, int min, int max)",
       "static double Clamp(double value, double min, double max)"),
    _m("Cos", _math_unary(_nan_safe(math.cos), "d"), "static double Cos(double d)"),
    _m("Cosh", _math_unary(_nan_safe(math.cosh), "value"), "static double Cosh(double value)"),
    _m("DivRem", _math_divrem_unsupported, "static int DivRem(int a, int b, [ref] int result)"),
    _m("Exp", _math_unary(_nan_safe(math.exp), "d"), "static double Exp(double d)"),
    _m("Floor", _math_floor_like("floor"), "static decimal Floor(decimal d)",
       "static double Floor(double d)"),
    _m("Log", _math_log, "static double Log(double d)",
       "static double Log(double a, double newBase)"),
    _m("Log10", lambda o, a: _safe_log(a.dbl(0, "d"), math.log10),
       "static double Log10(double d)"),
    _m("Log2", lambda o, a: _safe_log(a.dbl(0, "x"), math.log2),
       "static double Log2(double x)"),
    _m("Max", _math_minmax(True), "static int Max(int val1, int val2)",
       "static long Max(long val1, long val2)", "static double Max(double val1, double val2)",
       "static decimal Max(decimal val1, decimal val2)"),
    _m("Min", _math_minmax(False), "static int Min(int val1, int val2)",
       "static long Min(long val1, long val2)", "static double Min(double val1, double val2)",
       "static decimal Min(decimal val1, decimal val2)"),
    _m("Pow", _math_pow, "static double Pow(double x, double y)"),
    _m("Round", lambda o, a: _math_round(a), "static double Round(double a)",
       "static double Round(double value, int digits)",
       "static double Round(double value, System.MidpointRounding mode)",
       "static double Round(double value, int digits, System.MidpointRounding mode)",
       "static decimal Round(decimal d)", "static decimal Round(decimal d, int decimals)"),
    _m("Sign", _math_sign, "static int Sign(int value)", "static int Sign(double value)"),
    _m("Sin", _math_unary(_nan_safe(math.sin), "a"), "static double Sin(double a)"),
    _m("Sinh", _math_unary(_nan_safe(math.sinh), "value"), "static double Sinh(double value)"),
    _m("Sqrt", _math_unary(_nan_safe(lambda x: math.sqrt(x) if x >= 0 else math.nan), "d"),
       "static double Sqrt(double d)"),
    _m("Tan", _math_unary(_nan_safe(math.tan), "a"), "static double Tan(double a)"),
    _m("Tanh", _math_unary(math.tanh, "value"), "static double Tanh(double value)"),
    _m("Truncate", _math_floor_like("truncate"), "static decimal Truncate(decimal d)",
       "static double Truncate(double d)"),
])


# ---------------------------------------------------------------------------------------------
# composite formatting: [string]::Format / StringBuilder.AppendFormat
# ---------------------------------------------------------------------------------------------

def format_composite(format_string: str, values: Sequence[Any]) -> str:
    """.NET composite formatting (``{0,-10:N2}``), as [string]::Format does it."""
    try:
        return dotnet_format.format_composite(format_string, list(values))
    except dotnet_format.DotNetFormatError as error:
        raise DotNetException(error.message, "System.FormatException") from None


# ---------------------------------------------------------------------------------------------
# [string]
# ---------------------------------------------------------------------------------------------


def _string_join(_o: Any, a: _Args) -> str:
    separator = a.opt_str(0) or ""
    values = a.values[1:]
    if len(values) == 1 and isinstance(values[0], list | tuple):
        values = list(values[0])
    return separator.join("" if v is None else (
        _value_text(v) if isinstance(v, PSObject) else net_to_string(v)) for v in values)


def _string_format(_o: Any, a: _Args) -> str:
    fmt = a.text(0, "format")
    values = a.values[1:]
    if len(values) == 1 and isinstance(values[0], list | tuple):
        values = list(values[0])
    return format_composite(fmt, values)


def _string_compare(_o: Any, a: _Args) -> int:
    left, right = a.opt_str(0), a.opt_str(1)
    ignore = False
    if len(a) > 2:
        ignore = a.flag(2) if isinstance(a[2], bool) else _ignore_case(_comparison(a[2]))
    if left is None or right is None:
        return (left is not None) - (right is not None)
    if _comparison(a[2]) in ("Ordinal", "OrdinalIgnoreCase") if len(a) > 2 else False:
        l2, r2 = (left.upper(), right.upper()) if ignore else (left, right)
        return (l2 > r2) - (l2 < r2)
    if ignore:
        left, right = left.casefold(), right.casefold()
    return culture_compare(left, right)


def _string_new(_o: Any, a: _Args) -> str:
    first = a[0]
    if len(a) == 2:
        return a.char(0, "c") * a.i32(1, "count")
    if isinstance(first, list | tuple):
        return "".join(_value_text(c) for c in first)
    return a.char(0, "value")


_STRING_STATIC = _static("System.String", [
    _sp("Empty", "string", _const("")),
], [
    _m("Compare", _string_compare, "static int Compare(string strA, string strB)",
       "static int Compare(string strA, string strB, bool ignoreCase)",
       "static int Compare(string strA, string strB, System.StringComparison comparisonType)"),
    _m("CompareOrdinal", lambda o, a: (lambda x, y: (x > y) - (x < y))(
        a.opt_str(0) or "", a.opt_str(1) or ""), "static int CompareOrdinal(string strA, "
                                                 "string strB)"),
    _m("Concat", lambda o, a: "".join(
        net_to_string(v) for v in (a[0] if len(a) == 1 and isinstance(a[0], list)
                                   else a.values)),
       "static string Concat(Params System.Object[] args)"),
    _m("Equals", lambda o, a: (a.opt_str(0) == a.opt_str(1)) if len(a) == 2 else (
        (a.opt_str(0) or "").lower() == (a.opt_str(1) or "").lower()
        if _ignore_case(_comparison(a[2])) else a.opt_str(0) == a.opt_str(1)),
       "static bool Equals(string a, string b)",
       "static bool Equals(string a, string b, System.StringComparison comparisonType)"),
    _m("Format", _string_format, "static string Format(string format, System.Object arg0)",
       "static string Format(string format, Params System.Object[] args)"),
    _m("IsNullOrEmpty", lambda o, a: not a.opt_str(0), "static bool IsNullOrEmpty(string value)"),
    _m("IsNullOrWhiteSpace", lambda o, a: not (a.opt_str(0) or "").strip(),
       "static bool IsNullOrWhiteSpace(string value)"),
    _m("Join", _string_join, "static string Join(string separator, Params string[] value)",
       "static string Join(string separator, Params System.Object[] values)"),
    _m("new", _string_new, "string new(char c, int count)", "string new(char[] value)"),
])


# ---------------------------------------------------------------------------------------------
# parsing: integers, doubles, DateTime, TimeSpan, Guid
# ---------------------------------------------------------------------------------------------

_INTEGER_TYPES: Final = MappingProxyType({
    "system.int32": ("System.Int32", "Int32", _INT32),
    "system.int64": ("System.Int64", "Int64", _INT64),
    "system.int16": ("System.Int16", "Int16", (-(2**15), 2**15 - 1)),
    "system.byte": ("System.Byte", "Byte", (0, 255)),
    "system.sbyte": ("System.SByte", "SByte", (-128, 127)),
    "system.uint16": ("System.UInt16", "UInt16", (0, 2**16 - 1)),
    "system.uint32": ("System.UInt32", "UInt32", (0, 2**32 - 1)),
    "system.uint64": ("System.UInt64", "UInt64", (0, 2**64 - 1)),
})

_INTEGER_TEXT: Final = re.compile(r"\s*[+-]?\d+\s*")
_FLOAT_TEXT: Final = re.compile(r"\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def parse_integer(text: str, short_name: str, bounds: tuple[int, int]) -> int:
    """Int32.Parse and friends (NumberStyles.Integer, en-US)."""
    if _INTEGER_TEXT.fullmatch(text) is None:
        raise DotNetException(f"The input string '{text}' was not in a correct format.",
                              "System.FormatException")
    value = int(text.strip())
    if not bounds[0] <= value <= bounds[1]:
        article = "an" if short_name[0] in "AEIOU" else "a"
        raise DotNetException(f"Value was either too large or too small for {article} "
                              f"{short_name}.", "System.OverflowException")
    return value


def parse_double(text: str) -> float:
    """Double.Parse (NumberStyles.Float | AllowThousands, en-US)."""
    stripped = text.strip()
    special = {"nan": math.nan, "infinity": math.inf, "-infinity": -math.inf, "∞": math.inf,
               "-∞": -math.inf}
    if stripped.casefold() in special:
        return special[stripped.casefold()]
    if _FLOAT_TEXT.fullmatch(text) is None:
        raise DotNetException(f"The input string '{text}' was not in a correct format.",
                              "System.FormatException")
    return float(stripped.replace(",", ""))


def parse_decimal(text: str) -> decimal.Decimal:
    if _FLOAT_TEXT.fullmatch(text) is None:
        raise DotNetException(f"The input string '{text}' was not in a correct format.",
                              "System.FormatException")
    try:
        return decimal.Decimal(text.strip().replace(",", ""))
    except decimal.InvalidOperation:
        raise DotNetException(f"The input string '{text}' was not in a correct format.",
                              "System.FormatException") from None


_MONTH_NAMES: Final = ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December")
_MONTHS_BY_NAME: Final = MappingProxyType(
    {name.casefold(): i + 1 for i, name in enumerate(_MONTH_NAMES)}
    | {name[:3].casefold(): i + 1 for i, name in enumerate(_MONTH_NAMES)})


def _not_a_date(text: str) -> DotNetException:
    return DotNetException(f"String '{text}' was not recognized as a valid DateTime.",
                           "System.FormatException")


def _hour24(hour: int, suffix: str | None) -> int:
    if suffix is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("hour")
    return hour % 12 + (12 if suffix.casefold() == "pm" else 0)


def parse_datetime(text: str) -> datetime:
    """DateTime.Parse (en-US reads dates month first, like the invariant culture the casts
    use: conversions' parser). A time with an offset becomes local time."""
    parsed = conversions.parse_datetime(text)
    if parsed is None:
        raise _not_a_date(text)
    return parsed


_CUSTOM_TOKEN: Final = re.compile(
    r"yyyy|yy|y|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|tt|t|zzz|zz|z|K"
    r"|'[^']*'|\"[^\"]*\"|\\.|.", re.DOTALL)

_STANDARD_DATE_FORMATS: Final = MappingProxyType({
    "d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "t": "h:mm tt", "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt", "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt", "G": "M/d/yyyy h:mm:ss tt", "M": "MMMM d", "m": "MMMM d",
    "Y": "MMMM yyyy", "y": "MMMM yyyy", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
})


def _exact_regex(format_string: str) -> str:
    fmt = _STANDARD_DATE_FORMATS.get(format_string, format_string)
    parts: list[str] = []
    for token in _CUSTOM_TOKEN.findall(fmt):
        if token in ("yyyy",):
            parts.append(r"(?P<y>\d{4})")
        elif token in ("yy", "y"):
            parts.append(r"(?P<yy>\d{1,2})" if token == "y" else r"(?P<yy>\d{2})")
        elif token == "MMMM" or token == "MMM":
            parts.append(r"(?P<mon>[A-Za-z]+)")
        elif token == "MM":
            parts.append(r"(?P<mo>\d{2})")
        elif token == "M":
            parts.append(r"(?P<mo>\d{1,2})")
        elif token in ("dddd", "ddd"):
            parts.append(r"[A-Za-z]+")
        elif token == "dd":
            parts.append(r"(?P<d>\d{2})")
        elif token == "d":
            parts.append(r"(?P<d>\d{1,2})")
        elif token in ("HH", "hh"):
            parts.append(r"(?P<h>\d{2})")
        elif token in ("H", "h"):
            parts.append(r"(?P<h>\d{1,2})")
        elif token == "mm":
            parts.append(r"(?P<mi>\d{2})")
        elif token == "m":
            parts.append(r"(?P<mi>\d{1,2})")
        elif token == "ss":
            parts.append(r"(?P<s>\d{2})")
        elif token == "s":
            parts.append(r"(?P<s>\d{1,2})")
        elif token[0] == "f":
            parts.append(rf"(?P<f>\d{{{len(token)}}})")
        elif token[0] == "F":
            parts.append(rf"(?P<f>\d{{0,{len(token)}}})")
        elif token in ("tt", "t"):
            parts.append(r"(?P<tt>[AaPp][Mm]?)")
        elif token in ("zzz", "zz", "z", "K"):
            parts.append(r"(?P<z>Z|[+-]\d{1,2}(?::?\d{2})?)?")
        elif token[0] in "'\"":
            parts.append(re.escape(token[1:-1]))
        elif token[0] == "\\":
            parts.append(re.escape(token[1:]))
        else:
            parts.append(re.escape(token))
    return "".join(parts)


def parse_datetime_exact(text: str, formats: Sequence[str]) -> datetime:
    """DateTime.ParseExact with the en-US culture."""
    for fmt in formats:
        try:
            m = re.fullmatch(_exact_regex(fmt), text)
        except re.error:
            # a format naming a part twice ("d/d/yyyy") is not one .NET would match either
            continue
        if m is None:
            continue
        groups = m.groupdict()
        try:
            if groups.get("y"):
                year = int(groups["y"])
            elif groups.get("yy"):
                year = 2000 + int(groups["yy"]) if int(groups["yy"]) < 50 else \
                    1900 + int(groups["yy"])
            else:
                year = 1
            if groups.get("mon"):
                month = _MONTHS_BY_NAME.get(groups["mon"].casefold())
                if month is None:
                    continue
            else:
                month = int(groups.get("mo") or 1)
            day = int(groups.get("d") or 1)
            suffix = groups.get("tt")
            if suffix and len(suffix) == 1:
                suffix += "m"
            hour = _hour24(int(groups.get("h") or 0), suffix) if suffix else int(
                groups.get("h") or 0)
            fraction = (groups.get("f") or "").ljust(7, "0")
            moment = datetime(year, month, day, hour, int(groups.get("mi") or 0),
                              int(groups.get("s") or 0), int(fraction[:7]) // 10)
        except ValueError:
            continue
        zone = groups.get("z")
        if zone:
            offset = timedelta(0)
            if zone != "Z":
                sign = -1 if zone[0] == "-" else 1
                digits = zone[1:].replace(":", "")
                hours = int(digits[:-2] or 0) if len(digits) > 2 else int(digits)
                minutes = int(digits[-2:]) if len(digits) > 2 else 0
                offset = sign * timedelta(hours=hours, minutes=minutes)
            return (moment - offset).replace(tzinfo=LOCAL)
        return moment
    raise _not_a_date(text)


def parse_timespan(text: str) -> timedelta:
    """TimeSpan.Parse: ``[-][d.]hh:mm[:ss[.fffffff]]`` or a number of days."""
    try:
        return conversions.parse_timespan(text)
    except ValueError as error:
        kind = "System.OverflowException" if "out of range" in str(error) \
            else "System.FormatException"
        raise DotNetException(str(error), kind) from None


def parse_guid(text: str) -> uuid.UUID:
    stripped = text.strip()
    try:
        if stripped[:1] in "{(" and stripped[-1:] in "})":
            stripped = stripped[1:-1]
        if len(stripped) not in (32, 36):
            raise ValueError(stripped)
        return uuid.UUID(stripped)
    except ValueError:
        raise DotNetException("Unrecognized Guid format.", "System.FormatException") from None


# ---------------------------------------------------------------------------------------------
# [datetime], [timespan], [guid], numbers, [bool], [char]
# ---------------------------------------------------------------------------------------------


def _ref_unsupported(name: str) -> Impl:
    def impl(_o: Any, a: _Args) -> Any:
        raise RuntimeException(
            f"{name} needs a [ref] argument, which the simulator does not support: call "
            "Parse() in a try/catch, or use the -as operator, instead.",
            "RefArgumentNotSupported", "NotImplemented")
    return impl


def _now(ctx: _Context) -> datetime:
    if ctx.clock is None:
        raise RuntimeException("The current time is not available here: no clock was given.",
                               "ClockNotAvailable", "InvalidOperation")
    moment = ctx.clock()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=LOCAL)


_KINDS: Final = MappingProxyType({"unspecified": None, "utc": UTC, "local": LOCAL,
                                  "0": None, "1": UTC, "2": LOCAL})


def _kind_arg(a: _Args, index: int) -> timezone | None:
    value = _value_text(a[index]).strip().casefold()
    if value not in _KINDS:
        raise DotNetException(f"The value '{_value_text(a[index])}' is not valid for this usage "
                              "of the type DateTimeKind. (Parameter 'kind')")
    return _KINDS[value]


def _datetime_new(_o: Any, a: _Args) -> datetime:
    if len(a) in (1, 2):
        ticks = a.i64(0, "ticks")
        if not 0 <= ticks <= datetime_ticks(datetime.max) + 9:
            raise _out_of_range("Ticks must be between DateTime.MinValue.Ticks and "
                                "DateTime.MaxValue.Ticks.", "ticks")
        moment = _DATE_ZERO + timedelta(microseconds=ticks // 10)
        return moment.replace(tzinfo=_kind_arg(a, 1)) if len(a) == 2 else moment
    names = ("year", "month", "day", "hour", "minute", "second", "millisecond")
    count = len(a)
    kind: timezone | None = None
    if count in (7, 8) and isinstance(a[count - 1], str) and not a[count - 1].strip().isdigit():
        kind = _kind_arg(a, count - 1)
        count -= 1
    parts = [a.i32(i, names[i]) for i in range(count)]
    try:
        clock = [*parts[3:6], 0, 0, 0][:3]
        moment = datetime(parts[0], parts[1], parts[2], clock[0], clock[1], clock[2],
                          parts[6] * 1000 if len(parts) > 6 else 0)
    except ValueError:
        raise _out_of_range("Year, Month, and Day parameters describe an un-representable "
                            "DateTime.", "") from None
    return moment.replace(tzinfo=kind)


def _datetime_parse(ctx: _Context, a: _Args) -> datetime:
    return parse_datetime(a.text(0, "s"))


def _datetime_parse_exact(_o: Any, a: _Args) -> datetime:
    text = a.text(0, "s")
    formats = a[1]
    candidates = [_value_text(f) for f in formats] if isinstance(formats, list) else [
        a.text(1, "format")]
    return parse_datetime_exact(text, candidates)


def _datetime_static_methods() -> list[_Method]:
    return [
        _m("Compare", lambda o, a: _dt_compare(_dt_arg(a, 0), _Args("Compare", a.values[1:],
                                                                      a.ctx)),
           "static int Compare(datetime t1, datetime t2)"),
        _m("DaysInMonth", lambda o, a: calendar.monthrange(a.i32(0, "year"),
                                                           a.i32(1, "month"))[1],
           "static int DaysInMonth(int year, int month)"),
        _m("FromFileTime", lambda o, a: to_local(
            _DATE_ZERO + _ticks_to_timespan(a.i64(0, "fileTime") + _FILETIME_EPOCH_TICKS)),
           "static datetime FromFileTime(long fileTime)"),
        _m("FromFileTimeUtc", lambda o, a: to_universal(
            _DATE_ZERO + _ticks_to_timespan(a.i64(0, "fileTime") + _FILETIME_EPOCH_TICKS)),
           "static datetime FromFileTimeUtc(long fileTime)"),
        _m("IsLeapYear", lambda o, a: calendar.isleap(a.i32(0, "year")),
           "static bool IsLeapYear(int year)"),
        _m("Parse", lambda o, a: _datetime_parse(a.ctx, a), "static datetime Parse(string s)",
           "static datetime Parse(string s, System.IFormatProvider provider)"),
        _m("ParseExact", _datetime_parse_exact,
           "static datetime ParseExact(string s, string format, System.IFormatProvider "
           "provider)",
           "static datetime ParseExact(string s, string format, System.IFormatProvider "
           "provider, System.Globalization.DateTimeStyles style)",
           "static datetime ParseExact(string s, string[] formats, System.IFormatProvider "
           "provider, System.Globalization.DateTimeStyles style)"),
        _m("SpecifyKind", lambda o, a: _dt_arg(a, 0).replace(tzinfo=_kind_arg(a, 1)),
           "static datetime SpecifyKind(datetime value, System.DateTimeKind kind)"),
        _m("TryParse", _ref_unsupported("TryParse"),
           "static bool TryParse(string s, [ref] datetime result)"),
        _m("new", _datetime_new, "datetime new(long ticks)",
           "datetime new(long ticks, System.DateTimeKind kind)",
           "datetime new(int year, int month, int day)",
           "datetime new(int year, int month, int day, int hour, int minute, int second)",
           "datetime new(int year, int month, int day, int hour, int minute, int second, "
           "System.DateTimeKind kind)",
           "datetime new(int year, int month, int day, int hour, int minute, int second, "
           "int millisecond)"),
    ]


def _dt_arg(a: _Args, index: int) -> datetime:
    value = a[index]
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return parse_datetime(value)
    raise DotNetException("Object must be of type DateTime.")


_DATETIME_STATIC = _static("System.DateTime", [
    _sp("MaxValue", "datetime", _const(datetime.max)),
    _sp("MinValue", "datetime", _const(datetime.min)),
    _sp("Now", "datetime", _now),
    _sp("Today", "datetime", lambda ctx: _now(ctx).replace(hour=0, minute=0, second=0,
                                                          microsecond=0)),
    _sp("UnixEpoch", "datetime", _const(datetime(1970, 1, 1, tzinfo=UTC))),
    _sp("UtcNow", "datetime", lambda ctx: to_universal(_now(ctx))),
], _datetime_static_methods())


def _timespan_new(_o: Any, a: _Args) -> timedelta:
    if len(a) == 1:
        return _ts_from_ticks(a.i64(0, "ticks"))
    if len(a) == 3:
        h, m, s = a.i32(0, "hours"), a.i32(1, "minutes"), a.i32(2, "seconds")
        return _ts_from_ticks(h * TICKS_PER_HOUR + m * TICKS_PER_MINUTE + s * TICKS_PER_SECOND)
    d, h, m, s = (a.i32(0, "days"), a.i32(1, "hours"), a.i32(2, "minutes"),
                  a.i32(3, "seconds"))
    ms = a.i32(4, "milliseconds") if len(a) > 4 else 0
    return _ts_from_ticks(d * TICKS_PER_DAY + h * TICKS_PER_HOUR + m * TICKS_PER_MINUTE
                          + s * TICKS_PER_SECOND + ms * TICKS_PER_MS)


def _timespan_from(per: int, param: str) -> Impl:
    def impl(_o: Any, a: _Args) -> timedelta:
        value = a.dbl(0, param)
        if math.isnan(value):
            raise DotNetException("TimeSpan does not accept floating point Not-a-Number "
                                  "values.")
        ticks = value * per
        if abs(ticks) > _INT64[1]:
            raise _ts_overflow()
        return _ts_from_ticks(round(ticks))
    return impl


_TIMESPAN_STATIC = _static("System.TimeSpan", [
    _sp("MaxValue", "timespan", _const(timedelta.max)),
    _sp("MinValue", "timespan", _const(timedelta.min)),
    _sp("TicksPerDay", "long", _const(TICKS_PER_DAY)),
    _sp("TicksPerHour", "long", _const(TICKS_PER_HOUR)),
    _sp("TicksPerMillisecond", "long", _const(TICKS_PER_MS)),
    _sp("TicksPerMinute", "long", _const(TICKS_PER_MINUTE)),
    _sp("TicksPerSecond", "long", _const(TICKS_PER_SECOND)),
    _sp("Zero", "timespan", _const(timedelta(0))),
], [
    _m("Compare", lambda o, a: (lambda x, y: (x > y) - (x < y))(
        _ts_other(_Args("Compare", [a[0]], a.ctx), "Compare"),
        _ts_other(_Args("Compare", [a[1]], a.ctx), "Compare")),
       "static int Compare(timespan t1, timespan t2)"),
    _m("FromDays", _timespan_from(TICKS_PER_DAY, "value"),
       "static timespan FromDays(double value)"),
    _m("FromHours", _timespan_from(TICKS_PER_HOUR, "value"),
       "static timespan FromHours(double value)"),
    _m("FromMilliseconds", _timespan_from(TICKS_PER_MS, "value"),
       "static timespan FromMilliseconds(double value)"),
    _m("FromMinutes", _timespan_from(TICKS_PER_MINUTE, "value"),
       "static timespan FromMinutes(double value)"),
    _m("FromSeconds", _timespan_from(TICKS_PER_SECOND, "value"),
       "static timespan FromSeconds(double value)"),
    _m("FromTicks", lambda o, a: _ts_from_ticks(a.i64(0, "value")),
       "static timespan FromTicks(long value)"),
    _m("Parse", lambda o, a: parse_timespan(a.text(0, "s")), "static timespan Parse(string s)",
       "static timespan Parse(string input, System.IFormatProvider formatProvider)"),
    _m("TryParse", _ref_unsupported("TryParse"),
       "static bool TryParse(string s, [ref] timespan result)"),
    _m("new", _timespan_new, "timespan new(long ticks)",
       "timespan new(int hours, int minutes, int seconds)",
       "timespan new(int days, int hours, int minutes, int seconds)",
       "timespan new(int days, int hours, int minutes, int seconds, int milliseconds)"),
])


def _new_guid(ctx: _Context) -> uuid.UUID:
    if ctx.new_guid is None:
        raise RuntimeException("A new GUID cannot be made here: no GUID source was given.",
                               "GuidSourceNotAvailable", "InvalidOperation")
    return ctx.new_guid()


def _guid_new(_o: Any, a: _Args) -> uuid.UUID:
    if len(a) == 0:
        return uuid.UUID(int=0)
    value = a[0]
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, list):
        data = _bytes_arg(a, 0, "b")
        if len(data) != 16:
            raise DotNetException("Byte array for Guid must be exactly 16 bytes long. "
                                  "(Parameter 'b')")
        return uuid.UUID(bytes_le=data)
    return parse_guid(a.text(0, "g"))


_GUID_STATIC = _static("System.Guid", [
    _sp("Empty", "guid", _const(uuid.UUID(int=0))),
], [
    _m("NewGuid", lambda o, a: _new_guid(a.ctx), "static guid NewGuid()"),
    _m("Parse", lambda o, a: parse_guid(a.text(0, "input")), "static guid Parse(string input)"),
    _m("TryParse", _ref_unsupported("TryParse"),
       "static bool TryParse(string input, [ref] guid result)"),
    _m("new", _guid_new, "guid new(string g)", "guid new(byte[] b)"),
])


def _integer_static(key: str) -> _StaticType:
    full, short, bounds = _INTEGER_TYPES[key]
    alias = _SHORT_TYPES.get(full, short.casefold())
    return _static(full, [
        _sp("MaxValue", alias, _const(bounds[1])),
        _sp("MinValue", alias, _const(bounds[0])),
    ], [
        _m("Parse", lambda o, a: parse_integer(a.text(0, "s"), short, bounds),
           f"static {alias} Parse(string s)",
           f"static {alias} Parse(string s, System.Globalization.NumberStyles style)",
           f"static {alias} Parse(string s, System.IFormatProvider provider)"),
        _m("TryParse", _ref_unsupported("TryParse"),
           f"static bool TryParse(string s, [ref] {alias} result)"),
    ])


_DOUBLE_STATIC = _static("System.Double", [
    _sp("Epsilon", "double", _const(5e-324)),
    _sp("MaxValue", "double", _const(1.7976931348623157e308)),
    _sp("MinValue", "double", _const(-1.7976931348623157e308)),
    _sp("NaN", "double", _const(math.nan)),
    _sp("NegativeInfinity", "double", _const(-math.inf)),
    _sp("PositiveInfinity", "double", _const(math.inf)),
], [
    _m("IsFinite", lambda o, a: math.isfinite(a.dbl(0, "d")), "static bool IsFinite(double d)"),
    _m("IsInfinity", lambda o, a: math.isinf(a.dbl(0, "d")), "static bool IsInfinity(double d)"),
    _m("IsNaN", lambda o, a: math.isnan(a.dbl(0, "d")), "static bool IsNaN(double d)"),
    _m("IsNegativeInfinity", lambda o, a: a.dbl(0, "d") == -math.inf,
       "static bool IsNegativeInfinity(double d)"),
    _m("IsPositiveInfinity", lambda o, a: a.dbl(0, "d") == math.inf,
       "static bool IsPositiveInfinity(double d)"),
    _m("Parse", lambda o, a: parse_double(a.text(0, "s")), "static double Parse(string s)",
       "static double Parse(string s, System.IFormatProvider provider)"),
    _m("TryParse", _ref_unsupported("TryParse"),
       "static bool TryParse(string s, [ref] double result)"),
])

_DECIMAL_STATIC = _static("System.Decimal", [
    _sp("MaxValue", "decimal", _const(decimal.Decimal("79228162514264337593543950335"))),
    _sp("MinValue", "decimal", _const(decimal.Decimal("-79228162514264337593543950335"))),
    _sp("MinusOne", "decimal", _const(decimal.Decimal(-1))),
    _sp("One", "decimal", _const(decimal.Decimal(1))),
    _sp("Zero", "decimal", _const(decimal.Decimal(0))),
], [
    _m("Parse", lambda o, a: parse_decimal(a.text(0, "s")), "static decimal Parse(string s)"),
    _m("Round", lambda o, a: _math_round(_Args("Round", [
        decimal.Decimal(str(a[0])) if not isinstance(a[0], decimal.Decimal) else a[0],
        *a.values[1:]], a.ctx)), "static decimal Round(decimal d)",
       "static decimal Round(decimal d, int decimals)"),
    _m("TryParse", _ref_unsupported("TryParse"),
       "static bool TryParse(string s, [ref] decimal result)"),
])


def _parse_bool(text: str) -> bool:
    folded = text.strip().casefold()
    if folded == "true":
        return True
    if folded == "false":
        return False
    raise DotNetException(f"String '{text}' was not recognized as a valid Boolean.",
                          "System.FormatException")


_BOOLEAN_STATIC = _static("System.Boolean", [
    _sp("FalseString", "string", _const("False")),
    _sp("TrueString", "string", _const("True")),
], [
    _m("Parse", lambda o, a: _parse_bool(a.text(0, "value")), "static bool Parse(string value)"),
    _m("TryParse", _ref_unsupported("TryParse"),
       "static bool TryParse(string value, [ref] bool result)"),
])


def _char_test(test: Callable[[str], bool]) -> Impl:
    def impl(_o: Any, a: _Args) -> bool:
        if len(a) == 2:
            text = a.text(0, "s")
            index = a.i32(1, "index")
            if not 0 <= index < len(text):
                raise _out_of_range("Index was out of range. Must be non-negative and less than "
                                    "the size of the collection.", "index")
            return test(text[index])
        return test(a.char(0, "c"))
    return impl


def _category(prefix: str) -> Callable[[str], bool]:
    return lambda c: unicodedata.category(c).startswith(prefix)


def _convert_from_utf32(_o: Any, a: _Args) -> str:
    code = a.i32(0, "utf32")
    if not 0 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _out_of_range("A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, "
                            "and should not include surrogate codepoint values (0x00d800 ~ "
                            "0x00dfff).", "utf32")
    return chr(code)


_CHAR_STATIC = _static("System.Char", [
    _sp("MaxValue", "char", _const("\uffff")),
    _sp("MinValue", "char", _const("\0")),
], [
    _m("ConvertFromUtf32", _convert_from_utf32, "static string ConvertFromUtf32(int utf32)"),
    _m("ConvertToUtf32", lambda o, a: ord(a.text(0, "s")[a.i32(1, "index")]),
       "static int ConvertToUtf32(string s, int index)"),
    _m("GetNumericValue", lambda o, a: float(unicodedata.numeric(a.char(0, "c"), -1.0)),
       "static double GetNumericValue(char c)"),
    _m("IsControl", _char_test(_category("Cc")), "static bool IsControl(char c)"),
    _m("IsDigit", _char_test(_category("Nd")), "static bool IsDigit(char c)",
       "static bool IsDigit(string s, int index)"),
    _m("IsLetter", _char_test(_category("L")), "static bool IsLetter(char c)",
       "static bool IsLetter(string s, int index)"),
    _m("IsLetterOrDigit", _char_test(lambda c: unicodedata.category(c)[0] == "L"
                                     or unicodedata.category(c) == "Nd"),
       "static bool IsLetterOrDigit(char c)", "static bool IsLetterOrDigit(string s, int index)"),
    _m("IsLower", _char_test(_category("Ll")), "static bool IsLower(char c)",
       "static bool IsLower(string s, int index)"),
    _m("IsNumber", _char_test(_category("N")), "static bool IsNumber(char c)",
       "static bool IsNumber(string s, int index)"),
    _m("IsPunctuation", _char_test(_category("P")), "static bool IsPunctuation(char c)",
       "static bool IsPunctuation(string s, int index)"),
    _m("IsSeparator", _char_test(_category("Z")), "static bool IsSeparator(char c)"),
    _m("IsSymbol", _char_test(_category("S")), "static bool IsSymbol(char c)"),
    _m("IsUpper", _char_test(_category("Lu")), "static bool IsUpper(char c)",
       "static bool IsUpper(string s, int index)"),
    _m("IsWhiteSpace", _char_test(lambda c: c.isspace()), "static bool IsWhiteSpace(char c)",
       "static bool IsWhiteSpace(string s, int index)"),
    _m("ToLower", lambda o, a: a.char(0, "c").lower(), "static char ToLower(char c)"),
    _m("ToUpper", lambda o, a: a.char(0, "c").upper(), "static char ToUpper(char c)"),
])


# ---------------------------------------------------------------------------------------------
# [convert]
# ---------------------------------------------------------------------------------------------

_BASES: Final = (2, 8, 10, 16)


def _convert_integer(full: str, bounds: tuple[int, int]) -> Impl:
    short = full.rsplit(".", 1)[-1]
    bits = 64 if "64" in full else 32 if "32" in full else 16 if "16" in full else 8

    def impl(_o: Any, a: _Args) -> int:
        value = a[0]
        if len(a) == 2:
            base = a.i32(1, "fromBase")
            if base not in _BASES:
                raise DotNetException("Invalid Base. (Parameter 'fromBase')")
            text = a.text(0, "value").strip()
            if base == 16 and text[:2].casefold() == "0x":
                text = text[2:]
            try:
                number = int(text, base)
            except ValueError:
                raise DotNetException("Could not find any recognizable digits.",
                                      "System.FormatException") from None
            if base != 10 and number >= 2 ** (bits - 1) and bounds[0] < 0 \
                    and number < 2 ** bits:
                number -= 2 ** bits  # two's complement, as .NET reads it
            if not bounds[0] <= number <= bounds[1]:
                raise DotNetException(f"Value was either too large or too small for "
                                      f"{'an' if short[0] in 'AEIOU' else 'a'} {short}.",
                                      "System.OverflowException")
            return number
        if value is None:
            return 0
        if isinstance(value, str):
            return parse_integer(value, short, bounds)
        if isinstance(value, bool):
            return int(value)
        if _is_number(value):
            number = value if isinstance(value, int) else _round_half_even(value)
            if not bounds[0] <= number <= bounds[1]:
                raise DotNetException(f"Value was either too large or too small for "
                                      f"{'an' if short[0] in 'AEIOU' else 'a'} {short}.",
                                      "System.OverflowException")
            return number
        raise DotNetException(f"Unable to cast object of type '{_type_name(value)}' to type "
                              "'System.IConvertible'.", "System.InvalidCastException")
    return impl


def _convert_to_string(_o: Any, a: _Args) -> str:
    value = a[0]
    if len(a) == 2 and _is_number(a[1]) and isinstance(value, int):
        base = a.i32(1, "toBase")
        if base not in _BASES:
            raise DotNetException("Invalid Base. (Parameter 'toBase')")
        bits = 64 if not _INT32[0] <= value <= _INT32[1] else 32
        number = value + 2 ** bits if value < 0 and base != 10 else value
        if base == 10:
            return str(number)
        return {2: format(number, "b"), 8: format(number, "o"), 16: format(number, "x")}[base]
    return net_to_string(value)


def _convert_to_boolean(_o: Any, a: _Args) -> bool:
    value = a[0]
    if isinstance(value, str):
        return _parse_bool(value)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if _is_number(value):
        return bool(value != 0)
    raise DotNetException(f"Unable to cast object of type '{_type_name(value)}' to type "
                          "'System.IConvertible'.", "System.InvalidCastException")


def _convert_to_double(_o: Any, a: _Args) -> float:
    value = a[0]
    if isinstance(value, str):
        return parse_double(value)
    if value is None:
        return 0.0
    return a.dbl(0, "value")


def _convert_to_decimal(_o: Any, a: _Args) -> decimal.Decimal:
    value = a[0]
    if isinstance(value, str):
        return parse_decimal(value)
    if value is None:
        return decimal.Decimal(0)
    if isinstance(value, float):
        return decimal.Decimal(repr(value))
    return decimal.Decimal(int(value)) if isinstance(value, int | bool) else value


def _to_base64(_o: Any, a: _Args) -> str:
    data = _bytes_arg(a, 0, "inArray")
    if len(a) >= 3:
        start, length = a.i32(1, "offset"), a.i32(2, "length")
        data = data[start:start + length]
    text = base64.b64encode(data).decode("ascii")
    if len(a) in (2, 4) and "insertlinebreaks" in _value_text(a[len(a) - 1]).casefold():
        text = "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))
    return text


def _from_base64(_o: Any, a: _Args) -> list[int]:
    text = "".join(a.text(0, "s").split())
    try:
        if len(text) % 4:
            raise ValueError(text)
        return list(base64.b64decode(text, validate=True))
    except ValueError:
        raise DotNetException("The input is not a valid Base-64 string as it contains a non-base "
                              "64 character, more than two padding characters, or an illegal "
                              "character among the padding characters.",
                              "System.FormatException") from None


def _from_hex(_o: Any, a: _Args) -> list[int]:
    text = a.text(0, "s")
    try:
        if len(text) % 2:
            raise ValueError(text)
        return list(bytes.fromhex(text))
    except ValueError:
        raise DotNetException("The input is not a valid hex string as it contains a non-hex "
                              "character.", "System.FormatException") from None


_CONVERT = _static("System.Convert", [], [
    _m("FromBase64String", _from_base64, "static byte[] FromBase64String(string s)"),
    _m("FromHexString", _from_hex, "static byte[] FromHexString(string s)"),
    _m("ToBase64String", _to_base64, "static string ToBase64String(byte[] inArray)",
       "static string ToBase64String(byte[] inArray, System.Base64FormattingOptions options)",
       "static string ToBase64String(byte[] inArray, int offset, int length)"),
    _m("ToBoolean", _convert_to_boolean, "static bool ToBoolean(System.Object value)",
       "static bool ToBoolean(string value)"),
    _m("ToByte", _convert_integer("System.Byte", (0, 255)), "static byte ToByte(System.Object "
                                                             "value)",
       "static byte ToByte(string value, int fromBase)"),
    _m("ToChar", lambda o, a: a.char(0, "value"), "static char ToChar(System.Object value)"),
    _m("ToDateTime", lambda o, a: _dt_arg(a, 0), "static datetime ToDateTime(System.Object value)"),
    _m("ToDecimal", _convert_to_decimal, "static decimal ToDecimal(System.Object value)"),
    _m("ToDouble", _convert_to_double, "static double ToDouble(System.Object value)",
       "static double ToDouble(string value)"),
    _m("ToHexString", lambda o, a: _bytes_arg(a, 0, "inArray").hex().upper(),
       "static string ToHexString(byte[] inArray)"),
    _m("ToInt16", _convert_integer("System.Int16", (-(2**15), 2**15 - 1)),
       "static int16 ToInt16(System.Object value)",
       "static int16 ToInt16(string value, int fromBase)"),
    _m("ToInt32", _convert_integer("System.Int32", _INT32),
       "static int ToInt32(System.Object value)", "static int ToInt32(string value)",
       "static int ToInt32(double value)", "static int ToInt32(string value, int fromBase)"),
    _m("ToInt64", _convert_integer("System.Int64", _INT64),
       "static long ToInt64(System.Object value)", "static long ToInt64(string value, int "
                                                   "fromBase)"),
    _m("ToString", _convert_to_string, "static string ToString(System.Object value)",
       "static string ToString(int value, int toBase)",
       "static string ToString(long value, int toBase)"),
])


# ---------------------------------------------------------------------------------------------
# [regex]
# ---------------------------------------------------------------------------------------------


def _static_regex(a: _Args, options_index: int) -> re.Pattern[str]:
    pattern = a.text(1, "pattern")
    options = regex_options(a[options_index]) if len(a) > options_index else 0
    return compile_regex(pattern, options)


def _regex_static_replace(_o: Any, a: _Args) -> str:
    rx = _static_regex(a, 3)
    return regex_replace(rx, _regex_input(a), a[2], a.ctx)


_REGEX_STATIC = _static("System.Text.RegularExpressions.Regex", [
    _sp("CacheSize", "int", _const(15)),
], [
    _m("Escape", lambda o, a: regex_escape(a.text(0, "str")), "static string Escape(string str)"),
    _m("IsMatch", lambda o, a: _static_regex(a, 2).search(_regex_input(a)) is not None,
       "static bool IsMatch(string input, string pattern)",
       "static bool IsMatch(string input, string pattern, "
       "System.Text.RegularExpressions.RegexOptions options)"),
    _m("Match", lambda o, a: match_object(_static_regex(a, 2).search(_regex_input(a)),
                                          _static_regex(a, 2), _regex_input(a)),
       "static System.Text.RegularExpressions.Match Match(string input, string pattern)",
       "static System.Text.RegularExpressions.Match Match(string input, string pattern, "
       "System.Text.RegularExpressions.RegexOptions options)"),
    _m("Matches", lambda o, a: _matches(_static_regex(a, 2), _regex_input(a)),
       "static System.Text.RegularExpressions.MatchCollection Matches(string input, string "
       "pattern)",
       "static System.Text.RegularExpressions.MatchCollection Matches(string input, string "
       "pattern, System.Text.RegularExpressions.RegexOptions options)"),
    _m("Replace", _regex_static_replace,
       "static string Replace(string input, string pattern, string replacement)",
       "static string Replace(string input, string pattern, string replacement, "
       "System.Text.RegularExpressions.RegexOptions options)",
       "static string Replace(string input, string pattern, "
       "System.Text.RegularExpressions.MatchEvaluator evaluator)"),
    _m("Split", lambda o, a: regex_split(_static_regex(a, 2), _regex_input(a)),
       "static string[] Split(string input, string pattern)",
       "static string[] Split(string input, string pattern, "
       "System.Text.RegularExpressions.RegexOptions options)"),
    _m("Unescape", lambda o, a: regex_unescape(a.text(0, "str")),
       "static string Unescape(string str)"),
    _m("new", lambda o, a: compile_regex(a.text(0, "pattern"),
                                         regex_options(a[1]) if len(a) > 1 else 0),
       "regex new(string pattern)",
       "regex new(string pattern, System.Text.RegularExpressions.RegexOptions options)"),
])


# ---------------------------------------------------------------------------------------------
# [System.IO.Path]: Windows semantics (the simulated estate is Windows)
# ---------------------------------------------------------------------------------------------

_SEPARATORS: Final = "\\/"


def _path_args(a: _Args) -> list[str]:
    values = a.values
    if len(values) == 1 and isinstance(values[0], list | tuple):
        values = list(values[0])
    result = []
    for i, value in enumerate(values):
        if value is None:
            raise _null_argument(f"path{i + 1}" if len(values) > 1 else "paths")
        result.append(value if isinstance(value, str) else _value_text(value))
    return result


def _root_length(path: str) -> int:
    if path.startswith(("\\\\", "//")):
        # \\server\share
        parts = re.match(r"[\\/]{2}[^\\/]+(?:[\\/][^\\/]*)?", path)
        return len(parts.group(0)) if parts else 2
    if len(path) >= 2 and path[1] == ":" and path[0].isalpha():
        return 3 if len(path) > 2 and path[2] in _SEPARATORS else 2
    return 1 if path[:1] in _SEPARATORS else 0


def is_path_rooted(path: str) -> bool:
    return _root_length(path) > 0


def path_combine(parts: Sequence[str]) -> str:
    """Path.Combine: a rooted part restarts the path; a separator is added between parts."""
    result = ""
    for part in parts:
        if not part:
            continue
        if is_path_rooted(part) or not result:
            result = part
        elif result[-1] in _SEPARATORS or (result.endswith(":") and len(result) == 2):
            result += part
        else:
            result += "\\" + part
    return result


def path_join(parts: Sequence[str]) -> str:
    """Path.Join: like Combine, but a rooted part does not restart the path."""
    result = ""
    for part in parts:
        if not part:
            continue
        if not result:
            result = part
        elif result[-1] in _SEPARATORS or part[0] in _SEPARATORS:
            result += part
        else:
            result += "\\" + part
    return result


def path_file_name(path: str) -> str:
    cut = max(path.rfind("\\"), path.rfind("/"))
    if cut < 0 and len(path) >= 2 and path[1] == ":":
        cut = 1
    return path[cut + 1:]


def path_extension(path: str) -> str:
    name = path_file_name(path)
    dot = name.rfind(".")
    if dot < 0 or dot == len(name) - 1:
        return ""
    return name[dot:]


def path_directory_name(path: str) -> str | None:
    """Path.GetDirectoryName: the parent, with separators normalised to backslashes; None
    for a root or an empty path."""
    if not path.strip():
        return None
    root = _root_length(path)
    cut = max(path.rfind("\\"), path.rfind("/"))
    if cut < root:
        if len(path) <= root:
            return None
        return path[:root].replace("/", "\\")
    while cut > root and path[cut - 1] in _SEPARATORS:
        cut -= 1
    return path[:cut].replace("/", "\\")


def _change_extension(_o: Any, a: _Args) -> str | None:
    path = a.opt_str(0)
    if path is None:
        return None
    extension = a.opt_str(1)
    name = path_file_name(path)
    dot = name.rfind(".")
    stem = path[:len(path) - len(name) + dot] if dot >= 0 else path
    if extension is None:
        return stem
    return stem + (extension if extension.startswith(".") or not extension else "." + extension)


_PATH_STATIC = _static("System.IO.Path", [
    _sp("AltDirectorySeparatorChar", "char", _const("/")),
    _sp("DirectorySeparatorChar", "char", _const("\\")),
    _sp("PathSeparator", "char", _const(";")),
    _sp("VolumeSeparatorChar", "char", _const(":")),
], [
    _m("ChangeExtension", _change_extension,
       "static string ChangeExtension(string path, string extension)"),
    _m("Combine", lambda o, a: path_combine(_path_args(a)),
       "static string Combine(string path1, string path2)",
       "static string Combine(string path1, string path2, string path3)",
       "static string Combine(Params string[] paths)"),
    _m("GetDirectoryName", lambda o, a: None if a.opt_str(0) is None
       else path_directory_name(a.text(0, "path")), "static string GetDirectoryName(string path)"),
    _m("GetExtension", lambda o, a: None if a.opt_str(0) is None
       else path_extension(a.text(0, "path")), "static string GetExtension(string path)"),
    _m("GetFileName", lambda o, a: None if a.opt_str(0) is None
       else path_file_name(a.text(0, "path")), "static string GetFileName(string path)"),
    _m("GetFileNameWithoutExtension", lambda o, a: None if a.opt_str(0) is None else (
        lambda name: name[:name.rfind(".")] if "." in name else name)(
        path_file_name(a.text(0, "path"))),
       "static string GetFileNameWithoutExtension(string path)"),
    _m("GetPathRoot", lambda o, a: None if a.opt_str(0) is None else a.text(0, "path")[
        :_root_length(a.text(0, "path"))], "static string GetPathRoot(string path)"),
    _m("HasExtension", lambda o, a: bool(path_extension(a.opt_str(0) or "")),
       "static bool HasExtension(string path)"),
    _m("IsPathRooted", lambda o, a: is_path_rooted(a.opt_str(0) or ""),
       "static bool IsPathRooted(string path)"),
    _m("Join", lambda o, a: path_join(_path_args(a)),
       "static string Join(string path1, string path2)",
       "static string Join(string path1, string path2, string path3)",
       "static string Join(Params string[] paths)"),
])


# ---------------------------------------------------------------------------------------------
# [Environment]
# ---------------------------------------------------------------------------------------------


def _env(ctx: _Context) -> Mapping[str, str]:
    return ctx.environment if ctx.environment is not None else {}


def _env_lookup(ctx: _Context, name: str) -> str | None:
    env = _env(ctx)
    for key, value in env.items():
        if key.casefold() == name.casefold():
            return value
    return None


def _env_set(_o: Any, a: _Args) -> None:
    env = a.ctx.environment
    name = a.text(0, "variable")
    if not isinstance(env, dict):
        raise RuntimeException("The environment cannot be changed here.",
                               "EnvironmentNotWritable", "InvalidOperation")
    for key in list(env):
        if key.casefold() == name.casefold():
            del env[key]
    value = a.opt_str(1)
    if value:
        env[name] = value


def _expand_env(_o: Any, a: _Args) -> str:
    def repl(m: re.Match[str]) -> str:
        found = _env_lookup(a.ctx, m.group(1))
        return found if found is not None else m.group(0)
    return re.sub(r"%([^%]+)%", repl, a.text(0, "name"))


_ENVIRONMENT_STATIC = _static("System.Environment", [
    _sp("CurrentManagedThreadId", "int", _const(1)),
    _sp("Is64BitOperatingSystem", "bool", _const(True)),
    _sp("Is64BitProcess", "bool", _const(True)),
    _sp("MachineName", "string", lambda ctx: _env_lookup(ctx, "COMPUTERNAME") or "localhost"),
    _sp("NewLine", "string", _const(NEWLINE)),
    _sp("ProcessorCount", "int", lambda ctx: int(_env_lookup(ctx, "NUMBER_OF_PROCESSORS") or 4)),
    _sp("UserDomainName", "string", lambda ctx: _env_lookup(ctx, "USERDOMAIN")
        or _env_lookup(ctx, "COMPUTERNAME") or "localhost"),
    _sp("UserName", "string", lambda ctx: _env_lookup(ctx, "USERNAME") or "admin"),
], [
    _m("ExpandEnvironmentVariables", _expand_env,
       "static string ExpandEnvironmentVariables(string name)"),
    _m("GetEnvironmentVariable", lambda o, a: _env_lookup(a.ctx, a.text(0, "variable")),
       "static string GetEnvironmentVariable(string variable)",
       "static string GetEnvironmentVariable(string variable, System.EnvironmentVariableTarget "
       "target)"),
    _m("GetEnvironmentVariables", lambda o, a: Hashtable(dict(_env(a.ctx))),
       "static System.Collections.IDictionary GetEnvironmentVariables()"),
    _m("SetEnvironmentVariable", _env_set,
       "static void SetEnvironmentVariable(string variable, string value)"),
])


# ---------------------------------------------------------------------------------------------
# constructors of collections and other types, enums
# ---------------------------------------------------------------------------------------------


def _initial_items(a: _Args) -> list[Any]:
    if len(a) == 0 or a[0] is None or _is_number(a[0]):
        return []
    return _as_collection(a[0], "collection")


def _hashtable_new(_o: Any, a: _Args) -> Hashtable:
    if len(a) and isinstance(a[0], dict):
        return Hashtable(a[0])
    return Hashtable()


def _generic_list_new(pstype: PSType) -> Impl:
    def impl(_o: Any, a: _Args) -> GenericList:
        element = pstype.element_type
        items = _initial_items(a)
        if element is not None:
            items = [element.convert(item) for item in items]
        return GenericList(items, element)
    return impl


def _version_new(_o: Any, a: _Args) -> Version:
    if len(a) == 0:
        return Version(0, 0)
    if len(a) == 1:
        return parse_version(a.text(0, "version"))
    names = ("major", "minor", "build", "revision")
    parts = [a.i32(i, names[i]) for i in range(len(a))]
    if any(p < 0 for p in parts):
        raise _out_of_range("Version's parameters must be greater than or equal to zero.",
                            names[next(i for i, p in enumerate(parts) if p < 0)])
    return Version(*parts)


def _psobject_new(_o: Any, a: _Args) -> Any:
    if len(a) and a[0] is not None:
        return a[0]
    return PSObject()


def _stringbuilder_new(_o: Any, a: _Args) -> StringBuilder:
    if len(a) == 0:
        return StringBuilder()
    if _is_number(a[0]):
        return StringBuilder("", a.i32(0, "capacity"))
    text = a.opt_str(0) or ""
    capacity = a.i32(1, "capacity") if len(a) > 1 else 16
    return StringBuilder(text, capacity)


def _note_property_new(_o: Any, a: _Args) -> PSObject:
    name = a.text(0, "name")
    if not name:
        raise DotNetException("Cannot process argument because the value of argument \"name\" "
                              "is not valid. Change the value of the \"name\" argument and run "
                              "the operation again.")
    return PSObject([("Value", a[1] if len(a) > 1 else None), ("MemberType", "NoteProperty"),
                     ("IsSettable", True), ("IsGettable", True),
                     ("TypeNameOfValue", "System.Object" if len(a) < 2 or a[1] is None
                      else _type_name(a[1])), ("Name", name), ("IsInstance", True)],
                    ("System.Management.Automation.PSNoteProperty",
                     "System.Management.Automation.PSPropertyInfo",
                     "System.Management.Automation.PSMemberInfo", "System.Object"))


def _encoding(key: str) -> Encoding:
    name, codec = _ENCODINGS[key]
    return Encoding(name, codec)


def _get_encoding(_o: Any, a: _Args) -> Encoding:
    value = a[0]
    text = _value_text(value).strip().casefold().replace("-", "")
    by_code = {"65001": "utf8", "20127": "ascii", "1200": "unicode", "1201": "bigendianunicode",
               "12000": "utf32", "28591": "latin1", "iso88591": "latin1", "usascii": "ascii",
               "utf16": "unicode"}
    key = by_code.get(text, text)
    if key not in _ENCODINGS:
        raise DotNetException(f"'{_value_text(value)}' is not a supported encoding name. For "
                              "information on defining a custom encoding, see the documentation "
                              "for the Encoding.RegisterProvider method. (Parameter 'name')")
    return _encoding(key)


_ENCODING_STATIC = _static("System.Text.Encoding", [
    _sp("ASCII", "System.Text.Encoding", lambda ctx: _encoding("ascii")),
    _sp("BigEndianUnicode", "System.Text.Encoding", lambda ctx: _encoding("bigendianunicode")),
    _sp("Default", "System.Text.Encoding", lambda ctx: _encoding("default")),
    _sp("Latin1", "System.Text.Encoding", lambda ctx: _encoding("latin1")),
    _sp("UTF32", "System.Text.Encoding", lambda ctx: _encoding("utf32")),
    _sp("UTF8", "System.Text.Encoding", lambda ctx: _encoding("utf8")),
    _sp("Unicode", "System.Text.Encoding", lambda ctx: _encoding("unicode")),
], [
    _m("GetEncoding", _get_encoding, "static System.Text.Encoding GetEncoding(string name)",
       "static System.Text.Encoding GetEncoding(int codepage)"),
])


def _culture(name: str) -> PSObject:
    display = "English (United States)" if name else "Invariant Language (Invariant Country)"
    return PSObject([("LCID", 1033 if name else 127), ("Name", name),
                     ("DisplayName", display)],
                    ("System.Globalization.CultureInfo", "System.Object"),
                    methods={"ToString": lambda: name})


def _get_culture(_o: Any, a: _Args) -> PSObject:
    name = a.text(0, "name")
    if name.casefold() not in ("", "en-us", "invariant"):
        raise DotNetException(f"Only the invariant culture is supported in globalization-"
                              f"invariant mode. See https://aka.ms/GlobalizationInvariantMode "
                              f"for more information. (Parameter 'name')\n{name} is an invalid "
                              "culture identifier.",
                              "System.Globalization.CultureNotFoundException")
    return _culture("en-US" if name.casefold() == "en-us" else "")


_CULTURE_STATIC = _static("System.Globalization.CultureInfo", [
    _sp("CurrentCulture", "cultureinfo", lambda ctx: _culture("en-US")),
    _sp("CurrentUICulture", "cultureinfo", lambda ctx: _culture("en-US")),
    _sp("InvariantCulture", "cultureinfo", lambda ctx: _culture("")),
], [
    _m("GetCultureInfo", _get_culture, "static cultureinfo GetCultureInfo(string name)"),
    _m("new", _get_culture, "cultureinfo new(string name)"),
])


def _array_arg(a: _Args, index: int = 0) -> list[Any]:
    value = a[index]
    if not isinstance(value, list):
        raise _null_argument("array") if value is None else DotNetException(
            "Only single dimensional arrays are supported for the requested action. "
            "(Parameter 'array')", "System.RankException")
    return value


def _array_sort(_o: Any, a: _Args) -> None:
    items = _array_arg(a)
    items.sort(key=_sort_key)


def _array_reverse(_o: Any, a: _Args) -> None:
    items = _array_arg(a)
    items.reverse()


_ARRAY_STATIC = _static("System.Array", [], [
    _m("Clear", lambda o, a: _array_arg(a).__setitem__(
        slice(a.i32(1, "index"), a.i32(1, "index") + a.i32(2, "length")),
        [None] * a.i32(2, "length")) if len(a) == 3 else _array_arg(a).__setitem__(
        slice(None), [None] * len(_array_arg(a))),
       "static void Clear(array array)", "static void Clear(array array, int index, int length)"),
    _m("IndexOf", lambda o, a: _index_of(_array_arg(a), a[1]),
       "static int IndexOf(array array, System.Object value)"),
    _m("LastIndexOf", lambda o, a: next((i for i in range(len(_array_arg(a)) - 1, -1, -1)
                                         if _net_equals(_array_arg(a)[i], a[1])), -1),
       "static int LastIndexOf(array array, System.Object value)"),
    _m("Reverse", _array_reverse, "static void Reverse(array array)"),
    _m("Sort", _array_sort, "static void Sort(array array)"),
])


def _enum(full_name: str, names: Sequence[str]) -> _StaticType:
    return _static(full_name, [_sp(n, full_name, _const(n)) for n in names], [])


_ENUMS: Final = (
    _enum("System.StringSplitOptions", ("None", "RemoveEmptyEntries", "TrimEntries")),
    _enum("System.StringComparison", _COMPARISONS),
    _enum("System.MidpointRounding", ("ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity",
                                      "ToPositiveInfinity")),
    _enum("System.DayOfWeek", ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                               "Friday", "Saturday")),
    _enum("System.DateTimeKind", ("Unspecified", "Utc", "Local")),
    _enum("System.Text.RegularExpressions.RegexOptions", (
        "None", "IgnoreCase", "Multiline", "ExplicitCapture", "Compiled", "Singleline",
        "IgnorePatternWhitespace", "RightToLeft", "ECMAScript", "CultureInvariant",
        "NonBacktracking")),
    _enum("System.Base64FormattingOptions", ("None", "InsertLineBreaks")),
    _enum("System.Text.NormalizationForm", ("FormC", "FormD", "FormKC", "FormKD")),
    _enum("System.EnvironmentVariableTarget", ("Process", "User", "Machine")),
)

_STATIC_TYPES: Final = MappingProxyType({t.name.casefold(): t for t in (
    _MATH, _STRING_STATIC, _DATETIME_STATIC, _TIMESPAN_STATIC, _GUID_STATIC, _DOUBLE_STATIC,
    _DECIMAL_STATIC, _BOOLEAN_STATIC, _CHAR_STATIC, _CONVERT, _REGEX_STATIC, _PATH_STATIC,
    _ENVIRONMENT_STATIC, _ENCODING_STATIC, _CULTURE_STATIC, _ARRAY_STATIC,
    *(_integer_static(key) for key in _INTEGER_TYPES),
    *_ENUMS,
    _static("System.Single", [_sp("MaxValue", "float", _const(3.4028234663852886e38)),
                              _sp("MinValue", "float", _const(-3.4028234663852886e38))],
            [_m("Parse", lambda o, a: parse_double(a.text(0, "s")),
                "static float Parse(string s)")]),
    _static("System.Collections.Hashtable", [], [
        _m("new", _hashtable_new, "hashtable new()", "hashtable new(int capacity)",
           "hashtable new(System.Collections.IDictionary d)")]),
    _static("System.Collections.Specialized.OrderedDictionary", [], [
        _m("new", lambda o, a: Hashtable(ordered=True),
           "System.Collections.Specialized.OrderedDictionary new()")]),
    _static("System.Collections.ArrayList", [], [
        _m("new", lambda o, a: ArrayList(_initial_items(a)), "System.Collections.ArrayList new()",
           "System.Collections.ArrayList new(int capacity)",
           "System.Collections.ArrayList new(System.Collections.ICollection c)")]),
    _static("System.Version", [], [
        _m("Parse", lambda o, a: parse_version(a.text(0, "input")),
           "static version Parse(string input)"),
        _m("new", _version_new, "version new()", "version new(string version)",
           "version new(int major, int minor)", "version new(int major, int minor, int build)",
           "version new(int major, int minor, int build, int revision)")]),
    _static("System.Management.Automation.PSObject", [], [
        _m("new", _psobject_new, "psobject new()", "psobject new(System.Object obj)")]),
    _static(PSCUSTOMOBJECT, [], [_m("new", lambda o, a: PSObject(), "pscustomobject new()")]),
    _static("System.Management.Automation.PSNoteProperty", [], [
        _m("new", _note_property_new, "psnoteproperty new(string name, System.Object value)")]),
    _static("System.Text.StringBuilder", [], [
        _m("new", _stringbuilder_new, "System.Text.StringBuilder new()",
           "System.Text.StringBuilder new(int capacity)",
           "System.Text.StringBuilder new(string value)",
           "System.Text.StringBuilder new(string value, int capacity)")]),
)})


def _static_type(pstype: Any) -> _StaticType | None:
    full = _pstype_full_name(pstype)
    folded = full.casefold()
    found = _STATIC_TYPES.get(folded)
    if found is not None:
        return found
    if folded.startswith("system.collections.generic.list"):
        return _static(full, [], [_m("new", _generic_list_new(pstype), "List[T] new()",
                                     "List[T] new(int capacity)",
                                     "List[T] new(System.Collections.Generic.IEnumerable[T] "
                                     "collection)")])
    if folded.startswith(("system.collections.generic.dictionary",
                          "system.collections.specialized.ordereddictionary")):
        # a generic Dictionary is held as a Hashtable (its keys compare case-insensitively)
        return _static(full, [], [_m("new", _hashtable_new, "Dictionary[TKey,TValue] new()",
                                     "Dictionary[TKey,TValue] new(int capacity)")])
    return None


def get_static(pstype: PSType, name: str, *, clock: Callable[[], datetime] | None = None,
               environment: Mapping[str, str] | None = None) -> Any:
    """``[type]::Name``: a static property or field (``[int]::MaxValue``, ``[math]::PI``,
    ``[datetime]::Now`` through ``clock``); MISSING when the type has none by that name."""
    static = _static_type(pstype)
    if static is None:
        return MISSING
    prop = static.props.get(name.casefold())
    if prop is None:
        return MISSING
    ctx = _Context(clock=clock, environment=environment)
    try:
        return prop.get(ctx)
    except DotNetException as error:
        raise RuntimeException(
            f'Exception getting "{prop.name}": "{error.message}"', "ExceptionWhenGetting",
            "NotSpecified",
            dotnet_type="System.Management.Automation.GetValueInvocationException") from None


def invoke_static(pstype: PSType, name: str, args: Sequence[Any],
                  clock: Callable[[], datetime] | None = None, *,
                  new_guid: Callable[[], uuid.UUID] | None = None,
                  types: TypeRegistry | None = None,
                  invoke_script: Callable[[Any, list[Any]], Any] | None = None,
                  environment: Mapping[str, str] | None = None) -> Any:
    """``[type]::Name(args)``, including the ``::new(...)`` constructors. ``clock`` answers
    ``[datetime]::Now``; ``new_guid`` answers ``[guid]::NewGuid()`` (the simulator's seeded
    source: this module has no randomness of its own)."""
    static = _static_type(pstype)
    method = static.methods.get(name.casefold()) if static is not None else None
    if method is None:
        raise _method_not_found(_pstype_full_name(pstype), name)
    ctx = _Context(types=types, invoke_script=invoke_script, clock=clock, new_guid=new_guid,
                   environment=environment)
    return _call(method, None, _Args(name, args, ctx), ".ctor" if method.name == "new" else None)


def static_members(pstype: PSType) -> list[MemberInfo]:
    """What ``Get-Member -Static`` lists for a type."""
    static = _static_type(pstype)
    rows: list[MemberInfo] = [
        MemberInfo("Equals", "Method", "static bool Equals(System.Object objA, System.Object "
                                       "objB)"),
        MemberInfo("ReferenceEquals", "Method",
                   "static bool ReferenceEquals(System.Object objA, System.Object objB)"),
    ]
    if static is not None:
        for method in static.methods.values():
            if method.name == "new":
                continue
            rows = [r for r in rows if r.name.casefold() != method.name.casefold()]
            rows.append(MemberInfo(method.name, "Method", ", ".join(method.overloads)))
        for prop in static.props.values():
            rows.append(MemberInfo(prop.name, "Property", f"static {prop.type} {prop.name} "
                                                          "{get;}"))
    rows.sort(key=lambda m: (m.member_type.casefold(), m.name.casefold()))
    return rows
