"""Enumerations: [System.DayOfWeek]::Friday, [ConsoleColor]'Red', -is [MidpointRounding].

An enum value is held as its name (a string), as the .NET adapter shows enum values; the
type checks and converts names (case-insensitively) and numbers, with PowerShell's error
for anything else. Cmdlet modules register their own (VMState, ReplicationHealth ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asrsim.lang.errors import RuntimeException
from asrsim.lang.types import PSType, TypeRegistry


class EnumType(PSType):
    def __init__(self, full_name: str, names: Sequence[str], *, flags: bool = False) -> None:
        self.members = tuple(names)
        self._by_fold = {n.casefold(): n for n in names}
        self.flags = flags
        super().__init__(full_name, converter=self._convert,
                         instance_check=lambda v: isinstance(v, str) and v in self.members)
        self.is_enum = True

    def member(self, name: str) -> str:
        found = self._by_fold.get(name.casefold())
        if found is None:
            raise RuntimeException(
                f"Cannot find an overload for \"{name}\"... the type [{self.full_name}] has no "
                f"member named '{name}'.", "PropertyNotFound", "InvalidOperation", target=name)
        return found

    def _convert(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and \
                0 <= value < len(self.members):
            return self.members[value]
        text = str(value).strip()
        found = self._by_fold.get(text.casefold())
        if found is not None:
            return found
        raise RuntimeException(
            f'Cannot convert value "{text}" to type "{self.full_name}". Error: "Unable to match '
            f"the identifier name {text} to a valid enumerator name. Specify one of the "
            f'following enumerator names and try again:\n{", ".join(self.members)}"',
            "InvalidCastFromStringToEnum" if isinstance(value, str) else "InvalidCastToEnum",
            "InvalidArgument", target=value)


#: the .NET enums scripts commonly use, in declaration order (so [int] positions match)
STANDARD_ENUMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "System.DayOfWeek": (("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                          "Saturday"), ("DayOfWeek",)),
    "System.MidpointRounding": (("ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity",
                                 "ToPositiveInfinity"), ("MidpointRounding",)),
    "System.StringSplitOptions": (("None", "RemoveEmptyEntries", "TrimEntries"),
                                  ("StringSplitOptions",)),
    "System.StringComparison": (("CurrentCulture", "CurrentCultureIgnoreCase",
                                 "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal",
                                 "OrdinalIgnoreCase"), ("StringComparison",)),
    "System.ConsoleColor": (("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed",
                             "DarkMagenta", "DarkYellow", "Gray", "DarkGray", "Blue", "Green",
                             "Cyan", "Red", "Magenta", "Yellow", "White"), ("ConsoleColor",)),
    "System.Management.Automation.ActionPreference": (
        ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"),
        ("ActionPreference",)),
    "System.Management.Automation.ErrorCategory": (
        ("NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
         "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
         "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound",
         "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
         "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable",
         "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError",
         "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded",
         "NotEnabled"), ("ErrorCategory",)),
}


def register_enum(types: TypeRegistry, full_name: str, names: Sequence[str],
                  *aliases: str) -> EnumType:
    enum = EnumType(full_name, names)
    types.register(enum, *aliases)
    return enum


def register_standard_enums(types: TypeRegistry) -> None:
    for full_name, (names, aliases) in STANDARD_ENUMS.items():
        if types.resolve(full_name) is None:
            register_enum(types, full_name, names, *aliases)
