"""Type literals: ``[int]``, ``[string[]]``, ``[System.Collections.Generic.List[string]]``.

A :class:`PSType` is the value of a type literal. It names the .NET type (``full_name``),
converts a value to it as a cast does (``convert``, PowerShell's LanguagePrimitives rules from
``asrsim.lang.conversions``) and answers ``-is`` (``is_instance``). Static members (``[math]::
Round``) are not here: the .NET member adapter looks them up by ``full_name``.

A :class:`TypeRegistry` resolves the names a script writes, case-insensitively: PowerShell's
type accelerators (``int``, ``hashtable``, ``pscustomobject``, ``ordered`` ...), full names,
full names without their ``System.`` prefix (``[math]`` is System.Math, ``[IO.Path]``
System.IO.Path), array types (``string[]``) and the generic types ``List[T]``,
``Dictionary[K,V]`` and ``Nullable[T]``. Cmdlet modules register their own types
(``[ciminstance]`` with its members) with :meth:`TypeRegistry.register`.

How PowerShell values are held is ``asrsim.lang.psobject``'s; arrays made by an array cast
(``[int[]]``) are :class:`TypedArray`, a ``List[T]`` is a :class:`GenericList`, an integer
cast to another integer type than Int32 keeps it (``conversions.Int64`` ...), and .NET enums
are :class:`PSEnumType` with ``conversions.EnumValue`` values (``[System.DayOfWeek]``,
``[ConsoleColor]``, ``[ActionPreference]`` ... are registered).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import re
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from asrsim.lang import conversions as C
from asrsim.lang.conversions import Char, Single, Version
from asrsim.lang.errors import CATEGORIES, PSException, RuntimeException
from asrsim.lang.psobject import NOTHING, ArrayList, Hashtable, PSObject

__all__ = [
    "Char",
    "GenericList",
    "PSEnumType",
    "PSType",
    "Single",
    "TypeRegistry",
    "TypedArray",
    "Version",
    "default_types",
    "standard_enums",
]

Converter = Callable[[Any], Any]
InstanceCheck = Callable[[Any], bool]

#: C# keywords PowerShell writes for these types when a type becomes a string ("$([int])")
_KEYWORDS = {
    "System.Int32": "int", "System.Int64": "long", "System.String": "string",
    "System.Boolean": "bool", "System.Double": "double", "System.Single": "float",
    "System.Decimal": "decimal", "System.Char": "char", "System.Byte": "byte",
    "System.SByte": "sbyte", "System.Int16": "short", "System.UInt16": "ushort",
    "System.UInt32": "uint", "System.UInt64": "ulong",
}


class PSType:
    """The value of a type literal.

    ``convert`` is the cast ``[T]$value`` and raises RuntimeException with PowerShell's
    error; ``is_instance`` is ``-is``. A type made without a converter casts $null to $null,
    keeps a value that already is an instance, and refuses anything else
    (ConvertToFinalInvalidCastException).
    """

    #: what ``([int]).GetType().FullName`` says
    dotnet_type_name = "System.RuntimeType"

    def __init__(self, full_name: str, *, name: str | None = None, ps_name: str | None = None,
                 converter: Converter | None = None, instance_check: InstanceCheck | None = None,
                 element_type: PSType | None = None, generic_arguments: Iterable[PSType] = (),
                 default: Any = None, is_value_type: bool = False,
                 python_types: tuple[type, ...] = ()) -> None:
        self.full_name = full_name
        #: the short name .NET gives (Type.Name): "Int32", "String[]", "List`1"
        self.name = name or _short_name(full_name)
        #: how the type reads as a PowerShell string ("$([int])" is "int")
        self.ps_name = ps_name or _KEYWORDS.get(full_name, full_name)
        self.element_type = element_type
        self.generic_arguments: tuple[PSType, ...] = tuple(generic_arguments)
        #: the value of a typed variable declared without one ([int]$x is 0)
        self.default = default
        self.is_value_type = is_value_type
        #: the Python classes that hold this type's values, when there are some
        self.python_types = python_types
        self._converter = converter
        self._instance_check = instance_check
        self._key = full_name.casefold()

    @property
    def is_array(self) -> bool:
        return self.element_type is not None and self.full_name.endswith("[]")

    def convert(self, value: Any) -> Any:
        """The cast ``[T]value``."""
        value = None if value is NOTHING else value
        try:
            if self._converter is not None:
                return self._converter(value)
            if value is None:
                if self.is_value_type:
                    raise C.null_cast_error(self.full_name)
                return None
            if self.is_instance(value):
                return value
            raise C.final_cast_error(value, self.full_name)
        except RuntimeException:
            raise
        except (ArithmeticError, ValueError, TypeError, IndexError, KeyError, RecursionError,
                AttributeError) as error:
            # a last line: no Python error leaves a cast
            raise C.cast_error(value, self.full_name, str(error) or type(error).__name__,
                               "InvalidCastException") from error

    def try_convert(self, value: Any) -> tuple[bool, Any]:
        """``value -as [T]``: (True, converted) or (False, None) where the cast would fail."""
        try:
            return True, self.convert(value)
        except RuntimeException:
            return False, None

    def is_instance(self, value: Any) -> bool:
        """``value -is [T]``; $null is an instance of nothing."""
        if value is None or value is NOTHING:
            return False
        if self._instance_check is not None:
            return self._instance_check(value)
        if isinstance(value, PSObject):
            return any(t.casefold() == self._key for t in value.type_names)
        if isinstance(value, PSException):
            names = {getattr(c, "dotnet_type", "") for c in type(value).__mro__}
            names.update((value.dotnet_type, "System.Exception"))
            return self.full_name in names
        declared = getattr(value, "dotnet_type_names", None)
        if declared is not None and not isinstance(declared, str):
            return any(str(t).casefold() == self._key for t in declared)
        return C.type_name_of(value).casefold() == self._key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PSType) and other._key == self._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        return f"[{self.full_name}]"

    def __str__(self) -> str:
        return self.full_name  # Type.ToString()


def _short_name(full_name: str) -> str:
    suffix = ""
    while full_name.endswith("[]"):
        full_name, suffix = full_name[:-2], suffix + "[]"
    base = full_name.split("[", 1)[0]  # drop generic arguments
    return base.rsplit(".", 1)[-1] + suffix


class PSEnumType(PSType):
    """A .NET enum: named integer values (``[System.DayOfWeek]``, ``[ConsoleColor]``).

    Its values are :class:`~asrsim.lang.conversions.EnumValue` (ints that read as their
    names). A cast takes a name (case-insensitive, wildcards allowed: ``[DayOfWeek]'fri*'``),
    a number that names a member, or for a ``[Flags]`` enum several names joined by commas
    (``'ReadOnly, Hidden'``), as LanguagePrimitives.EnumSingleTypeConverter does. Cmdlet
    modules register their own enums the same way as any type.
    """

    def __init__(self, full_name: str, members: Iterable[str] | Iterable[tuple[str, int]], *,
                 flags: bool = False, ps_name: str | None = None) -> None:
        pairs: list[tuple[str, int]] = []
        for index, member in enumerate(members):
            if isinstance(member, str):
                pairs.append((member, index))
            else:
                pairs.append((str(member[0]), int(member[1])))
        #: member name -> value, in declaration order
        self.members: dict[str, int] = dict(pairs)
        self.flags = flags
        self._by_name = {name.casefold(): name for name in self.members}
        super().__init__(full_name, ps_name=ps_name, converter=self._convert,
                         instance_check=self._is_member_value, is_value_type=True,
                         python_types=(C.EnumValue,))
        self.default = C.EnumValue(0, self)

    #: lets the .NET adapter and Get-Member tell an enum ([type].IsEnum)
    is_enum = True

    def __eq__(self, other: object) -> bool:
        # two registries' copies of one .NET enum are the same type
        return isinstance(other, PSEnumType) and other.full_name == self.full_name

    def __hash__(self) -> int:
        return hash(self.full_name)

    def value_of(self, name: str) -> C.EnumValue:
        """The member ``name`` (``[System.DayOfWeek]::Friday``); KeyError when there is none."""
        return C.EnumValue(self.members[self._by_name[name.casefold()]], self)

    def member(self, name: str) -> C.EnumValue:
        """``[Enum]::Name`` for the evaluator: the member, or PowerShell's error."""
        folded = name.casefold()
        if folded not in self._by_name:
            raise RuntimeException(
                f"The property '{name}' cannot be found on type [{self.full_name}].",
                "PropertyNotFound", "InvalidOperation", target=name)
        return self.value_of(name)

    def name_of(self, number: int) -> str:
        """Enum.ToString(): the member's name; for a flags enum the names of its bits joined
        with ", "; the number itself when no member matches."""
        for name, value in self.members.items():
            if value == number:
                return name
        if self.flags and number > 0:
            names = [name for name, value in self.members.items()
                     if value and value & number == value]
            covered = 0
            for name in names:
                covered |= self.members[name]
            if covered == number:
                return ", ".join(names)
        return str(number)

    def _is_member_value(self, value: Any) -> bool:
        return isinstance(value, C.EnumValue) and value.enum_type == self

    def _defined(self, number: int) -> bool:
        if number in self.members.values():
            return True
        if self.flags and number > 0:
            every = 0
            for value in self.members.values():
                every |= value
            return number | every == every
        return False

    def _names(self) -> str:
        return ", ".join(self.members)

    def _not_found(self, value: Any, name: str) -> RuntimeException:
        return RuntimeException(
            f'Cannot convert value "{C.to_string(value)}" to type "{self.full_name}". Error: '
            f'"Unable to match the identifier name {name} to a valid enumerator name. Specify '
            f'one of the following enumerator names and try again:\n{self._names()}"',
            "InvalidCastEnumStringNotFound", "InvalidArgument", target=value)

    def _undefined(self, value: Any) -> RuntimeException:
        return RuntimeException(
            f'Cannot convert value "{C.to_string(value)}" to type "{self.full_name}" due to '
            "enumeration values that are not valid. Specify one of the following enumeration "
            f'values and try again. The possible enumeration values are "{self._names()}".',
            "UndefinedIntegerToEnum", "InvalidArgument", target=value)

    def _convert(self, value: Any) -> Any:
        if value is None:
            raise RuntimeException(
                f'Cannot convert null to type "{self.full_name}" due to enumeration values that '
                "are not valid. Specify one of the following enumeration values and try again. "
                f'The possible enumeration values are "{self._names()}".',
                "nullToObjectInvalidCast", "InvalidArgument")
        if isinstance(value, C.EnumValue) and value.enum_type == self:
            return value
        if isinstance(value, list | tuple):
            # ConvertEnumerableToEnum: the elements' names joined with commas
            return self._convert(",".join(C.to_string(item) for item in value))
        if isinstance(value, str) and not isinstance(value, C.EnumValue):
            return self._parse(value)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            number = int(value) if isinstance(value, int) else C.convert_to_integer(
                value, "System.Int64")
            if not self._defined(number):
                raise self._undefined(value)
            return C.EnumValue(number, self)
        raise C.final_cast_error(value, self.full_name)

    def _parse(self, text: str) -> C.EnumValue:
        stripped = text.strip()
        if not stripped:
            raise RuntimeException(
                f'Cannot convert value "" to type "{self.full_name}" due to enumeration values '
                "that are not valid. Specify one of the following enumeration values and try "
                f'again. The possible enumeration values are "{self._names()}".',
                "InvalidCastEnumFromEmptyString", "InvalidArgument", target=text)
        if stripped[0].isdigit() or stripped[0] in "+-":
            number = C.parse_number(stripped)
            if isinstance(number, int):
                if not self._defined(int(number)):
                    raise self._undefined(text)
                return C.EnumValue(int(number), self)
        if "," in stripped and not self.flags:
            raise RuntimeException(
                f'Cannot convert value "{text}" to type "{self.full_name}" because no commas are '
                "allowed for this enumeration.", "InvalidCastEnumCommaAndNoFlags",
                "InvalidArgument", target=text)
        result = 0
        for entry in stripped.split(","):
            entry = entry.strip()
            found = [name for name in self.members
                     if _wildcard(entry).fullmatch(name) is not None]
            if not found:
                raise self._not_found(text, entry)
            if len(found) > 1 and not self.flags:
                raise RuntimeException(
                    f'Cannot convert value "{text}" to type "{self.full_name}" because at least '
                    f"two matches were found ({found[0]}, {found[1]}) and only one match is "
                    "allowed for this enumeration.", "InvalidCastEnumTwoStringsFoundAndNoFlags",
                    "InvalidArgument", target=text)
            for name in found:
                result |= self.members[name]
        return C.EnumValue(result, self)


def _wildcard(pattern: str) -> re.Pattern[str]:
    """A name pattern as EnumSingleTypeConverter reads it: * and ? are wildcards."""
    text = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile(text, re.IGNORECASE | re.DOTALL)


class TypedArray(list[Any]):
    """An array with an element type, as an array cast makes it (``[int[]]'1'``)."""

    __slots__ = ("element_type",)

    def __init__(self, items: Iterable[Any] = (), element_type: PSType | None = None) -> None:
        super().__init__(items)
        self.element_type = element_type

    @property
    def dotnet_type_name(self) -> str:
        element = self.element_type.full_name if self.element_type else "System.Object"
        return element + "[]"


class GenericList(ArrayList):
    """System.Collections.Generic.List[T]: an ArrayList that knows its element type."""

    def __init__(self, items: Iterable[Any] = (), element_type: PSType | None = None) -> None:
        super().__init__(items)
        self.element_type = element_type

    @property
    def dotnet_type_name(self) -> str:
        element = self.element_type.full_name if self.element_type else "System.Object"
        return f"System.Collections.Generic.List`1[{element}]"

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return self.dotnet_type_name


# -- converters ------------------------------------------------------------------------------


def _integer(type_name: str) -> Converter:
    return lambda value: C.convert_to_integer(value, type_name)


def _is_integer_type(full_name: str) -> InstanceCheck:
    # a typed integer (Int64, Byte ...) is exactly its type; a plain int is an Int32 when it
    # fits, else an Int64, else a UInt64
    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return C.type_name_of(value) == full_name

    return check


def _to_string(value: Any) -> str:
    return C.to_string(value)


def _to_object(value: Any) -> Any:
    return value


def _to_pscustomobject(value: Any) -> Any:
    # the parser turns [pscustomobject]@{...} into an object; a cast of a hashtable value
    # does the same here, properties in the hashtable's order
    if isinstance(value, Hashtable | dict):
        return PSObject((C.to_string(k), v) for k, v in value.items())
    return value


def _to_hashtable(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Hashtable):
        return value if not value.ordered else Hashtable(value.items())
    if isinstance(value, dict):
        return Hashtable(value.items())
    raise C.final_cast_error(value, "System.Collections.Hashtable")


def _to_ordered_dictionary(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Hashtable) and value.ordered:
        return value
    if isinstance(value, Hashtable | dict):
        return Hashtable(value.items(), ordered=True)
    raise C.final_cast_error(value, "System.Collections.Specialized.OrderedDictionary")


def _to_ordered_literal(value: Any) -> Any:
    if isinstance(value, Hashtable | dict):
        return _to_ordered_dictionary(value)
    raise RuntimeException("The ordered attribute can be specified only on a hash literal node.",
                           "OrderedAttributeOnlyOnHashLiteralNode", "ParserError",
                           target=value)


def _to_void(value: Any) -> Any:
    return NOTHING


def _to_scriptblock(value: Any) -> Any:
    if value is None or C.is_scriptblock(value):
        return value
    # PowerShell never compiles a string in a cast: [scriptblock]'1+1' is an error
    raise C.final_cast_error(value, C.SCRIPTBLOCK)


def _to_array_list(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ArrayList(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return ArrayList()  # new ArrayList(int capacity)
    raise C.final_cast_error(value, "System.Collections.ArrayList")


def _static_only(full_name: str) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if C.type_name_of(value) == full_name:
            return value
        raise C.final_cast_error(value, full_name)

    return convert


def _exception_check(full_name: str) -> InstanceCheck:
    def check(value: Any) -> bool:
        if not isinstance(value, PSException):
            return False
        names = {getattr(c, "dotnet_type", "") for c in type(value).__mro__}
        names.update((value.dotnet_type, "System.Exception"))
        if full_name == "System.SystemException":
            return True
        return full_name in names

    return check


def _array_converter(element: PSType) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str) and element.full_name == "System.Char":
            return TypedArray((Char(c) for c in value), element)  # [char[]]'abc'
        items = value if isinstance(value, list | tuple) else [value]
        return TypedArray((element.convert(item) for item in items), element)

    return convert


def _array_check(element: PSType) -> InstanceCheck:
    def check(value: Any) -> bool:
        if isinstance(value, TypedArray):
            return value.element_type == element or element.full_name == "System.Object"
        return (element.full_name == "System.Object" and isinstance(value, list | tuple)
                and not isinstance(value, ArrayList))

    return check


def _list_converter(element: PSType) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, GenericList) and value.element_type == element:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return GenericList((), element)  # new List[T](int capacity)
        items = value if isinstance(value, list | tuple) else [value]
        return GenericList((element.convert(item) for item in items), element)

    return convert


def _dictionary_converter(key: PSType, item: PSType) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, Hashtable | dict):
            return Hashtable((key.convert(k), item.convert(v)) for k, v in value.items())
        raise C.final_cast_error(value, "System.Collections.Generic.Dictionary`2"
                                 f"[{key.full_name},{item.full_name}]")

    return convert


def _nullable_converter(inner: PSType) -> Converter:
    return lambda value: None if value is None else inner.convert(value)


# -- the registry ----------------------------------------------------------------------------


class TypeRegistry:
    """The types a script can name; resolution is case-insensitive."""

    def __init__(self) -> None:
        self._types: dict[str, PSType] = {}
        #: array and generic types, made on first use
        self._derived: dict[str, PSType] = {}

    def register(self, pstype: PSType, *aliases: str) -> None:
        """Make ``pstype`` resolvable by its full name and by each alias (an accelerator:
        ``register(cim_type, "ciminstance")``). A later registration replaces an earlier."""
        for name in (pstype.full_name, *aliases):
            self._types[name.casefold()] = pstype
        self._derived.clear()

    def names(self) -> list[str]:
        """Every registered name (for tab completion)."""
        return sorted(self._types)

    def resolve(self, name: str) -> PSType | None:
        """The type ``name`` stands for (``int``, ``System.Int32``, ``Int32``, ``int[]``,
        ``[int]``, ``System.Collections.Generic.List[string]``), or None."""
        if not isinstance(name, str):
            return None
        text = re.sub(r"\s+", "", name)
        if text.startswith("[") and text.endswith("]") and _balanced(text[1:-1]):
            text = text[1:-1]
        if not text or len(text) > 1000:
            return None
        try:
            return self._resolve(text)
        except RecursionError:
            return None

    def _resolve(self, text: str) -> PSType | None:
        key = text.casefold()
        found = self._types.get(key) or self._derived.get(key)
        if found is not None:
            return found
        if text.endswith("[]"):
            element = self._resolve(text[:-2])
            if element is None:
                return None
            made = self._array_of(element)
        elif text.endswith("]"):
            made_generic = self._generic(text)
            if made_generic is None:
                return None
            made = made_generic
        else:
            # TypeResolver also looks in System and System.Management.Automation
            found = self._types.get("system." + key) or self._types.get(
                "system.management.automation." + key)
            if found is None and "`" in key:
                found = self._types.get(key.split("`", 1)[0])
            return found
        self._derived[key] = made
        return made

    def _array_of(self, element: PSType) -> PSType:
        full_name = element.full_name + "[]"
        return PSType(full_name, ps_name=element.ps_name + "[]", element_type=element,
                      converter=_array_converter(element), instance_check=_array_check(element),
                      python_types=(list,))

    def _generic(self, text: str) -> PSType | None:
        open_index = _matching_open(text)
        if open_index <= 0:
            return None
        base = text[:open_index].split("`", 1)[0].casefold()
        if base.startswith("system."):
            base = base[len("system."):]
        arguments = []
        for part in _split_arguments(text[open_index + 1:-1]):
            if part.startswith("[") and part.endswith("]"):
                part = part[1:-1].split(",", 1)[0]  # [System.String, mscorlib, ...]
            resolved = self._resolve(part)
            if resolved is None:
                return None
            arguments.append(resolved)
        if base in ("collections.generic.list", "list") and len(arguments) == 1:
            element = arguments[0]
            full_name = f"System.Collections.Generic.List`1[{element.full_name}]"
            return PSType(full_name, name="List`1", ps_name=f"System.Collections.Generic.List["
                          f"{element.ps_name}]", element_type=element, generic_arguments=arguments,
                          converter=_list_converter(element),
                          instance_check=lambda v: isinstance(v, GenericList)
                          and v.element_type == element, python_types=(GenericList,))
        if base in ("collections.generic.dictionary", "dictionary") and len(arguments) == 2:
            key, item = arguments
            full_name = ("System.Collections.Generic.Dictionary`2"
                         f"[{key.full_name},{item.full_name}]")
            return PSType(full_name, name="Dictionary`2", generic_arguments=arguments,
                          converter=_dictionary_converter(key, item),
                          instance_check=lambda v: False, python_types=(Hashtable,))
        if base == "nullable" and len(arguments) == 1:
            inner = arguments[0]
            return PSType(f"System.Nullable`1[{inner.full_name}]", name="Nullable`1",
                          generic_arguments=arguments, converter=_nullable_converter(inner),
                          instance_check=inner.is_instance)
        return None


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _matching_open(text: str) -> int:
    """Index of the ``[`` that the final ``]`` closes, or -1."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _split_arguments(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p]


# -- the default types -----------------------------------------------------------------------


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, Char)


def _is_value_type(value: Any) -> bool:
    return isinstance(value, bool | int | float | Decimal | Char | dt.datetime | dt.timedelta
                      | uuid.UUID)


def default_types() -> TypeRegistry:
    """A new registry holding PowerShell's type accelerators and the .NET types scripts use
    (each call makes a new one: no state is shared between sessions)."""
    registry = TypeRegistry()

    def add(pstype: PSType, *aliases: str) -> PSType:
        registry.register(pstype, *aliases)
        return pstype

    obj = add(PSType("System.Object", converter=_to_object,
                     instance_check=lambda v: True, python_types=(object,)), "object")
    add(PSType("System.Management.Automation.PSObject", converter=_to_object,
               instance_check=lambda v: isinstance(v, PSObject), python_types=(PSObject,)),
        "psobject")
    registry.register(PSType("System.Management.Automation.PSObject", ps_name="pscustomobject",
                             converter=_to_pscustomobject,
                             instance_check=lambda v: isinstance(v, PSObject),
                             python_types=(PSObject,)), "pscustomobject")
    add(PSType(C.PSCUSTOMOBJECT, converter=_to_pscustomobject,
               instance_check=lambda v: isinstance(v, PSObject) and (
                   not v.type_names or C.PSCUSTOMOBJECT.casefold()
                   in (t.casefold() for t in v.type_names))))
    add(PSType("System.String", converter=_to_string, instance_check=_is_str, default="",
               python_types=(str,)), "string")
    char = add(PSType("System.Char", converter=C.convert_to_char,
                      instance_check=lambda v: isinstance(v, Char), default=Char("\0"),
                      is_value_type=True, python_types=(Char,)), "char")
    add(PSType("System.Boolean", converter=C.to_bool,
               instance_check=lambda v: isinstance(v, bool), default=False, is_value_type=True,
               python_types=(bool,)), "bool", "boolean")
    integer_aliases = {
        "System.Int32": ("int", "int32"), "System.Int64": ("long", "int64"),
        "System.Int16": ("short", "int16"), "System.Byte": ("byte",),
        "System.SByte": ("sbyte",), "System.UInt16": ("ushort", "uint16"),
        "System.UInt32": ("uint", "uint32"), "System.UInt64": ("ulong", "uint64"),
    }
    for full_name, aliases in integer_aliases.items():
        add(PSType(full_name, converter=_integer(full_name),
                   instance_check=_is_integer_type(full_name),
                   default=C.typed_int(0, full_name), is_value_type=True,
                   python_types=(C.INTEGER_CLASSES.get(full_name, int),)), *aliases)
    add(PSType("System.Numerics.BigInteger", ps_name="bigint", converter=_to_bigint,
               instance_check=lambda v: type(v) is int and not C.INT64_MIN <= v <= C.UINT64_MAX,
               default=0, is_value_type=True, python_types=(int,)), "bigint")
    add(PSType("System.Double", converter=C.convert_to_double,
               instance_check=lambda v: isinstance(v, float) and not isinstance(v, Single),
               default=0.0, is_value_type=True, python_types=(float,)), "double")
    add(PSType("System.Single", converter=lambda v: C.convert_to_double(v, "System.Single"),
               instance_check=lambda v: isinstance(v, Single), default=Single(0.0),
               is_value_type=True, python_types=(Single,)), "float", "single")
    add(PSType("System.Decimal", converter=C.convert_to_decimal,
               instance_check=lambda v: isinstance(v, Decimal), default=Decimal(0),
               is_value_type=True, python_types=(Decimal,)), "decimal")
    add(PSType("System.DateTime", converter=C.convert_to_datetime,
               instance_check=lambda v: isinstance(v, dt.datetime),
               default=dt.datetime(1, 1, 1), is_value_type=True,
               python_types=(dt.datetime,)), "datetime")
    add(PSType("System.TimeSpan", converter=C.convert_to_timespan,
               instance_check=lambda v: isinstance(v, dt.timedelta), default=dt.timedelta(0),
               is_value_type=True, python_types=(dt.timedelta,)), "timespan")
    add(PSType("System.Guid", converter=C.convert_to_guid,
               instance_check=lambda v: isinstance(v, uuid.UUID), default=uuid.UUID(int=0),
               is_value_type=True, python_types=(uuid.UUID,)), "guid")
    add(PSType("System.Text.RegularExpressions.Regex", converter=C.convert_to_regex,
               instance_check=lambda v: isinstance(v, re.Pattern), python_types=(re.Pattern,)),
        "regex")
    add(PSType("System.Version", converter=C.convert_to_version,
               instance_check=lambda v: isinstance(v, Version), python_types=(Version,)),
        "version")
    add(PSType("System.Net.IPAddress", converter=C.convert_to_ipaddress,
               instance_check=lambda v: isinstance(v, ipaddress.IPv4Address
                                                   | ipaddress.IPv6Address),
               python_types=(ipaddress.IPv4Address, ipaddress.IPv6Address)), "ipaddress")
    add(PSType("System.Collections.Hashtable", converter=_to_hashtable,
               instance_check=lambda v: isinstance(v, Hashtable) and not v.ordered,
               python_types=(Hashtable,)), "hashtable")
    ordered = PSType("System.Collections.Specialized.OrderedDictionary",
                     converter=_to_ordered_dictionary,
                     instance_check=lambda v: isinstance(v, Hashtable) and v.ordered,
                     python_types=(Hashtable,))
    add(ordered)
    registry.register(PSType(ordered.full_name, ps_name="ordered",
                             converter=_to_ordered_literal,
                             instance_check=ordered.is_instance, python_types=(Hashtable,)),
                      "ordered")
    object_array = registry.resolve("System.Object[]")
    assert object_array is not None
    add(PSType("System.Array", converter=object_array.convert,
               instance_check=lambda v: isinstance(v, list | tuple)
               and not isinstance(v, ArrayList), python_types=(list,)), "array")
    registry.register(object_array)
    add(PSType("System.Collections.ArrayList", converter=_to_array_list,
               instance_check=lambda v: isinstance(v, ArrayList)
               and not isinstance(v, GenericList), python_types=(ArrayList,)))
    add(PSType("System.Collections.IDictionary", instance_check=lambda v: isinstance(v, dict)))
    for interface in ("System.Collections.IList", "System.Collections.ICollection"):
        add(PSType(interface, instance_check=lambda v: isinstance(v, list | tuple)))
    add(PSType("System.Collections.IEnumerable",
               instance_check=lambda v: isinstance(v, list | tuple | dict | str)))
    add(PSType("System.ValueType", instance_check=_is_value_type))
    add(PSType("System.Void", ps_name="void", converter=_to_void,
               instance_check=lambda v: False), "void")
    add(PSType("System.Management.Automation.SwitchParameter", ps_name="switch",
               converter=C.to_bool, instance_check=lambda v: False, default=False,
               is_value_type=True), "switch")
    add(PSType(C.SCRIPTBLOCK, converter=_to_scriptblock, instance_check=C.is_scriptblock),
        "scriptblock")
    add(PSType("System.Type", converter=lambda v: _to_type(registry, v),
               instance_check=lambda v: isinstance(v, PSType)), "type")
    add(PSType("System.Management.Automation.PSReference"), "ref")
    add(PSType("System.Management.Automation.PSCredential"), "pscredential")
    add(PSType("System.Security.SecureString"), "securestring")
    add(PSType("System.Management.Automation.ErrorRecord"))
    add(PSType("Microsoft.Management.Infrastructure.CimInstance"), "ciminstance")
    add(PSType("Microsoft.Management.Infrastructure.CimSession"), "cimsession")
    for exception in ("System.Exception", "System.SystemException",
                      "System.Management.Automation.RuntimeException",
                      "System.ArgumentException", "System.InvalidOperationException",
                      "System.Management.Automation.ItemNotFoundException",
                      "System.Management.Automation.CommandNotFoundException",
                      "System.Management.Automation.ParameterBindingException",
                      "System.Management.Automation.PipelineStoppedException",
                      "System.Management.Automation.ActionPreferenceStopException"):
        add(PSType(exception, instance_check=_exception_check(exception)))
    # static-only types: resolvable so that [math]::Round works; their members are the
    # .NET adapter's
    for static in ("System.Math", "System.Convert", "System.Environment", "System.Console",
                   "System.IO.Path", "System.IO.File", "System.IO.Directory",
                   "System.Text.StringBuilder", "System.Text.Encoding", "System.BitConverter",
                   "System.Enum", "System.Threading.Thread", "System.TimeZoneInfo",
                   "System.Globalization.CultureInfo", "System.Web.HttpUtility",
                   "System.Net.Dns", "System.Uri",
                   "System.Management.Automation.LanguagePrimitives",
                   "System.Management.Automation.WildcardPattern"):
        add(PSType(static, converter=_static_only(static)))
    for enum in standard_enums():
        add(enum)
    registry.register(char)
    del obj
    return registry


_CONSOLE_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta",
                   "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta",
                   "Yellow", "White")


_DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
#: DateTime.DayOfWeek's type: enum types hold no state, so one shared instance can serve
#: the .NET adapter in every session (a registry's [DayOfWeek] is an equal copy)
DAY_OF_WEEK = PSEnumType("System.DayOfWeek", _DAY_NAMES)


def standard_enums() -> list[PSEnumType]:
    """The .NET and PowerShell enums scripts name, with their real values (new objects on
    each call)."""
    return [
        PSEnumType("System.ConsoleColor", _CONSOLE_COLORS),
        PSEnumType("System.DayOfWeek", _DAY_NAMES),
        PSEnumType("System.MidpointRounding", ("ToEven", "AwayFromZero", "ToZero",
                                               "ToNegativeInfinity", "ToPositiveInfinity")),
        PSEnumType("System.DateTimeKind", ("Unspecified", "Utc", "Local")),
        PSEnumType("System.StringComparison", (
            "CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
            "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase")),
        PSEnumType("System.StringSplitOptions", (("None", 0), ("RemoveEmptyEntries", 1),
                                                 ("TrimEntries", 2)), flags=True),
        PSEnumType("System.Text.RegularExpressions.RegexOptions", (
            ("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4),
            ("Compiled", 8), ("Singleline", 16), ("IgnorePatternWhitespace", 32),
            ("RightToLeft", 64), ("ECMAScript", 256), ("CultureInvariant", 512),
            ("NonBacktracking", 1024)), flags=True),
        PSEnumType("System.IO.FileAttributes", (
            ("ReadOnly", 1), ("Hidden", 2), ("System", 4), ("Directory", 16), ("Archive", 32),
            ("Device", 64), ("Normal", 128), ("Temporary", 256), ("SparseFile", 512),
            ("ReparsePoint", 1024), ("Compressed", 2048), ("Offline", 4096),
            ("NotContentIndexed", 8192), ("Encrypted", 16384), ("IntegrityStream", 32768),
            ("NoScrubData", 131072)), flags=True),
        PSEnumType("System.EnvironmentVariableTarget", ("Process", "User", "Machine")),
        PSEnumType("System.Base64FormattingOptions", ("None", "InsertLineBreaks"), flags=True),
        PSEnumType("System.UriKind", ("RelativeOrAbsolute", "Absolute", "Relative")),
        PSEnumType("System.Management.Automation.ActionPreference", (
            "SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break")),
        PSEnumType("System.Management.Automation.ConfirmImpact", ("None", "Low", "Medium",
                                                                  "High")),
        # errors.CATEGORIES is in the enum's order
        PSEnumType("System.Management.Automation.ErrorCategory", CATEGORIES),
        PSEnumType("System.Management.Automation.SplitOptions", (
            ("SimpleMatch", 1), ("RegexMatch", 2), ("CultureInvariant", 4),
            ("IgnorePatternWhitespace", 8), ("Multiline", 16), ("Singleline", 32),
            ("IgnoreCase", 64), ("ExplicitCapture", 128)), flags=True),
    ]


def _to_bigint(value: Any) -> int:
    value = None if value is NOTHING else value
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        # about_Arithmetic_Operators: converting to [bigint] truncates ([bigint]1.9 is 1)
        if isinstance(value, float) and not math.isfinite(value):
            raise C.cast_error(value, "System.Numerics.BigInteger",
                               "BigInteger cannot represent infinity.", "InvalidCastIConvertible")
        if isinstance(value, Decimal) and not value.is_finite():
            raise C.final_cast_error(value, "System.Numerics.BigInteger")
        return int(value)
    if isinstance(value, str):
        # BigInteger.Parse: every digit counts, however many there are
        match = re.fullmatch(r"\s*([+-]?[0-9][0-9,]{0,4000})\s*", value)
        if match and not match[1].endswith(","):
            return int(match[1].replace(",", ""))
    return C.convert_to_integer(value, "System.Numerics.BigInteger")


def _to_type(registry: TypeRegistry, value: Any) -> Any:
    if value is None or isinstance(value, PSType):
        return value
    if isinstance(value, str):
        resolved = registry.resolve(value)
        if resolved is not None:
            return resolved
    raise C.final_cast_error(value, "System.Type")
