"""How PowerShell values are held in Python.

| PowerShell               | Python                                                   |
| ------------------------ | -------------------------------------------------------- |
| $null                    | None                                                     |
| [bool]                   | bool                                                     |
| [int] [long]             | int (Int32 when it fits, else Int64; beyond: double)     |
| [double]                 | float                                                    |
| [decimal]                | decimal.Decimal                                          |
| [string] [char]          | str (a char is a one-character str from [char] casts)    |
| object[] (arrays)        | list                                                     |
| ArrayList / List[T]      | ArrayList (a list subclass whose Add returns the index)  |
| [hashtable] / [ordered]  | Hashtable (case-insensitive keys, insertion order)       |
| [pscustomobject], cmdlet output objects | PSObject                                  |
| [datetime]               | datetime.datetime                                        |
| [timespan]               | datetime.timedelta                                       |
| [guid]                   | uuid.UUID                                                |
| [regex]                  | re.Pattern                                               |
| [scriptblock]            | asrsim.lang.scriptblock.ScriptBlock                      |
| a type literal [math]    | asrsim.lang.types.PSType                                 |

Everything that reaches a user is looked up by name case-insensitively.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any


class Hashtable(dict[Any, Any]):
    """A PowerShell hashtable: string keys compare case-insensitively, as in PowerShell
    (``@{a=1}.A`` is 1). Keys are kept in insertion order; ``ordered`` marks an
    ``[ordered]`` dictionary (System.Collections.Specialized.OrderedDictionary)."""

    __slots__ = ("_names", "ordered")

    def __init__(
        self, items: Iterable[tuple[Any, Any]] | Mapping[Any, Any] = (), *, ordered: bool = False
    ) -> None:
        super().__init__()
        self._names: dict[Any, Any] = {}  # folded key -> key as first written
        self.ordered = ordered
        pairs = items.items() if isinstance(items, Mapping) else items
        for key, value in pairs:
            self[key] = value

    @staticmethod
    def _fold(key: Any) -> Any:
        return key.casefold() if isinstance(key, str) else key

    def __setitem__(self, key: Any, value: Any) -> None:
        folded = self._fold(key)
        original = self._names.setdefault(folded, key)
        super().__setitem__(original, value)

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._names.get(self._fold(key), key))

    def __delitem__(self, key: Any) -> None:
        folded = self._fold(key)
        original = self._names.pop(folded, key)
        super().__delitem__(original)

    def __contains__(self, key: object) -> bool:
        return self._fold(key) in self._names

    def get(self, key: Any, default: Any = None) -> Any:
        if key in self:
            return self[key]
        return default

    def pop(self, key: Any, *default: Any) -> Any:
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def original_key(self, key: Any) -> Any:
        return self._names.get(self._fold(key), key)

    def copy(self) -> Hashtable:
        return Hashtable(self.items(), ordered=self.ordered)

    def clear(self) -> None:
        super().clear()
        self._names.clear()


class ArrayList(list[Any]):
    """System.Collections.ArrayList / List[T]: resizable, ``Add`` returns the new index."""

    type_name = "System.Collections.ArrayList"


class PSNoteProperty:
    __slots__ = ("name", "value")

    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        self.value = value


class PSScriptProperty:
    """A property computed on read (for objects whose values come from the world)."""

    __slots__ = ("getter", "name", "setter")

    def __init__(
        self, name: str, getter: Callable[[], Any], setter: Callable[[Any], None] | None = None
    ) -> None:
        self.name = name
        self.getter = getter
        self.setter = setter

    @property
    def value(self) -> Any:
        return self.getter()


Property = PSNoteProperty | PSScriptProperty


class PSObject:
    """A PSCustomObject, or any object a cmdlet writes: ordered, case-insensitive properties,
    the type names PowerShell shows first in ``Get-Member`` and uses to pick a format view,
    and optional methods (``Clone`` on a DNS record)."""

    __slots__ = ("_props", "methods", "type_names")

    def __init__(
        self,
        properties: Mapping[str, Any] | Iterable[tuple[str, Any]] = (),
        type_names: Iterable[str] = ("System.Management.Automation.PSCustomObject",),
        methods: Mapping[str, Callable[..., Any]] | None = None,
    ) -> None:
        self._props: dict[str, Property] = {}
        pairs = properties.items() if isinstance(properties, Mapping) else properties
        for name, value in pairs:
            self.add_property(name, value)
        self.type_names: list[str] = list(type_names)
        self.methods: dict[str, Callable[..., Any]] = {
            k.casefold(): v for k, v in (methods or {}).items()
        }

    # properties --------------------------------------------------------------------------

    def add_property(self, name: str, value: Any) -> None:
        if isinstance(value, PSScriptProperty):
            self._props[name.casefold()] = value
        else:
            self._props[name.casefold()] = PSNoteProperty(name, value)

    def has_property(self, name: str) -> bool:
        return name.casefold() in self._props

    def get(self, name: str, default: Any = None) -> Any:
        prop = self._props.get(name.casefold())
        return default if prop is None else prop.value

    def set(self, name: str, value: Any) -> None:
        prop = self._props.get(name.casefold())
        if prop is None:
            raise KeyError(name)
        if isinstance(prop, PSScriptProperty):
            if prop.setter is None:
                raise AttributeError(name)
            prop.setter(value)
        else:
            prop.value = value

    def property_names(self) -> list[str]:
        return [p.name for p in self._props.values()]

    def properties(self) -> Iterator[tuple[str, Any]]:
        for prop in self._props.values():
            yield prop.name, prop.value

    def remove_property(self, name: str) -> None:
        self._props.pop(name.casefold(), None)

    # identity ----------------------------------------------------------------------------

    @property
    def type_name(self) -> str:
        return self.type_names[0] if self.type_names else "System.Object"

    def copy(self) -> PSObject:
        clone = PSObject((), self.type_names)
        clone._props = {
            key: (PSNoteProperty(p.name, p.value) if isinstance(p, PSNoteProperty) else p)
            for key, p in self._props.items()
        }
        clone.methods = dict(self.methods)
        return clone

    def __repr__(self) -> str:
        # shallow: estate objects refer to each other (a VM to its host, the host to its VMs),
        # so a recursive repr could walk the whole world
        def short(value: Any) -> str:
            if isinstance(value, PSObject):
                return f"<{value.type_name}>"
            if isinstance(value, list):
                return f"[{len(value)} items]"
            text = repr(value)
            return text if len(text) <= 60 else text[:57] + "..."

        inner = "; ".join(f"{n}={short(v)}" for n, v in self._shallow_items())
        return f"PSObject<{self.type_name}>({inner})"

    def _shallow_items(self) -> Iterator[tuple[str, Any]]:
        for prop in self._props.values():
            # a script property may compute: show it by name only
            yield prop.name, prop.value if isinstance(prop, PSNoteProperty) else "<computed>"


class AutomationNull:
    """The "nothing" a command that outputs nothing yields: distinct from $null in that it
    disappears from arrays and pipelines (``@(AutomationNull).Count`` is 0)."""

    _instance: AutomationNull | None = None

    def __new__(cls) -> AutomationNull:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "AutomationNull"


NOTHING = AutomationNull()


class _Missing:
    """The answer for "there is no such member"; the language layer turns it into $null or a
    strict-mode error."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


def is_collection(value: Any) -> bool:
    """Whether PowerShell enumerates this value in a pipeline or foreach (arrays, lists,
    ArrayLists, results of @()). Strings and hashtables are *not* enumerated."""
    return isinstance(value, list | tuple)


def enumerate_value(value: Any) -> Iterator[Any]:
    """The items a value contributes to a pipeline: itself, or its elements."""
    if value is NOTHING:
        return
    if isinstance(value, list | tuple):
        yield from value
    else:
        yield value
