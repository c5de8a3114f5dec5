"""LanguagePrimitives: how PowerShell converts, compares and names values.

This is the one place for PowerShell's conversion rules (System.Management.Automation's
LanguagePrimitives.ConvertTo / IsTrue / Equals / Compare, and PSObject.ToString), on the
value model of ``asrsim.lang.psobject``:

- :func:`to_bool` (IsTrue), :func:`to_string` (the string conversion of casts and of
  ``"$x"``), :func:`to_number` (what arithmetic makes of a string or ``$null``);
- ``convert_to_*`` functions, one per core .NET type, with PowerShell's error ids and
  messages; ``types.py`` builds the type literals (``[int]``, ``[datetime]`` ...) on them;
- :func:`equals` and :func:`compare` (``-eq`` and ``-lt`` on two scalars: the right operand
  is converted to the type of the left one);
- :func:`type_name_of` (``$x.GetType().FullName``);
- the .NET regular-expression dialect, translated to Python's ``re``
  (:func:`compile_regex`), and the .NET group numbering ``$Matches`` and ``-replace`` use.

Scalar value classes PowerShell needs and Python lacks live here too: :class:`Char`
(System.Char, a one-character ``str``), :class:`Single` (System.Single, a ``float``), the
typed integers :class:`Int64`, :class:`UInt64`, :class:`UInt32`, :class:`Int16`,
:class:`UInt16`, :class:`Byte`, :class:`SByte` (``int`` subclasses that keep the .NET type of
``[long]5`` or ``100u``; a plain ``int`` is an Int32 when it fits, else an Int64),
:class:`EnumValue` (a value of a ``types.PSEnumType``) and :class:`Version` (System.Version).
Each names its .NET type with ``dotnet_type_name``.

Every error is a RuntimeException carrying PowerShell's FullyQualifiedErrorId; no other
exception leaves these functions.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import re
import struct
import unicodedata
import uuid
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Context, Decimal, DecimalException
from typing import TYPE_CHECKING, Any

from asrsim.lang.dotnet_format import (
    INVARIANT,
    format_double_general,
    format_timespan,
)
from asrsim.lang.errors import PSException, RuntimeException
from asrsim.lang.psobject import NOTHING, ArrayList, Hashtable, PSObject

if TYPE_CHECKING:
    from asrsim.lang.types import PSType

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
UINT64_MAX = 2**64 - 1
DECIMAL_MAX = Decimal(2**96 - 1)
#: DateTime.MaxValue.Ticks
MAX_TICKS = 3155378975999999999
#: ticks per microsecond (DateTime and TimeSpan count 100 ns ticks)
TICKS_PER_MICROSECOND = 10
PSCUSTOMOBJECT = "System.Management.Automation.PSCustomObject"
SCRIPTBLOCK = "System.Management.Automation.ScriptBlock"
#: nesting beyond which a collection is shown by its type name (a list that holds itself)
_MAX_DEPTH = 64


# -- value classes ---------------------------------------------------------------------------


class Char(str):
    """System.Char: a one-character string with char semantics where PowerShell has them
    (``1 + [char]65`` is 66, ``[char]'a' -lt [char]'B'`` compares ordinally)."""

    __slots__ = ()
    dotnet_type_name = "System.Char"


class _TypedInt(int):
    """An integer that remembers its .NET type ([long], [byte], 100u ...); arithmetic on it
    widens as .NET's does (``[long]1 + 1`` is an Int64). A plain ``int`` is an Int32 when it
    fits, else an Int64."""

    __slots__ = ()
    dotnet_type_name = "System.Int32"

    def __str__(self) -> str:
        return int.__repr__(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int.__repr__(self)})"


class Int64(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.Int64"


class UInt64(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.UInt64"


class UInt32(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.UInt32"


class Int16(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.Int16"


class UInt16(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.UInt16"


class Byte(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.Byte"


class SByte(_TypedInt):
    __slots__ = ()
    dotnet_type_name = "System.SByte"


#: .NET integer type name -> the class that holds it (Int32 and BigInteger are plain ints)
INTEGER_CLASSES: dict[str, type[int]] = {
    cls.dotnet_type_name: cls for cls in (Int64, UInt64, UInt32, Int16, UInt16, Byte, SByte)
}


def typed_int(value: int, type_name: str) -> int:
    """``value`` as the given .NET integer type (a plain int for Int32 and BigInteger)."""
    cls = INTEGER_CLASSES.get(type_name)
    return cls(value) if cls is not None else int(value)


class EnumValue(int):
    """A value of a .NET enum ([System.DayOfWeek]::Friday): an int that knows its enum type
    (``asrsim.lang.types.PSEnumType``) and reads as its name."""

    enum_type: Any

    def __new__(cls, value: int, enum_type: Any) -> EnumValue:
        made = super().__new__(cls, value)
        made.enum_type = enum_type
        return made

    @property
    def dotnet_type_name(self) -> str:
        return str(self.enum_type.full_name)

    def __str__(self) -> str:
        return str(self.enum_type.name_of(int(self)))

    def __repr__(self) -> str:
        return f"[{self.enum_type.full_name}]::{self}"


class Single(float):
    """System.Single ([float], [single]): a double rounded to float32 precision."""

    __slots__ = ()
    dotnet_type_name = "System.Single"

    def __new__(cls, value: float = 0.0) -> Single:
        try:
            rounded = struct.unpack("f", struct.pack("f", float(value)))[0]
        except OverflowError:
            rounded = math.copysign(math.inf, value)
        return super().__new__(cls, rounded)


class Version:
    """System.Version: ``major.minor[.build[.revision]]``; a missing part is -1."""

    dotnet_type_name = "System.Version"
    __slots__ = ("build", "major", "minor", "revision")

    def __init__(self, major: int, minor: int = 0, build: int = -1, revision: int = -1) -> None:
        self.major = major
        self.minor = minor
        self.build = build
        self.revision = revision

    @classmethod
    def parse(cls, text: str) -> Version:
        """Version.Parse; raises ValueError with .NET's message."""
        parts = text.strip().split(".")
        if not 2 <= len(parts) <= 4:
            raise ValueError("Version string portion was too short or too long.")
        numbers: list[int] = []
        for part in parts:
            part = part.strip()
            if not re.fullmatch(r"[+-]?[0-9]{1,10}", part):
                raise ValueError("Input string was not in a correct format.")
            number = int(part)
            if number < 0:
                raise ValueError("Version's parameters must be greater than or equal to zero.")
            if number > INT32_MAX:
                raise ValueError("Value was either too large or too small for an Int32.")
            numbers.append(number)
        return cls(*numbers)

    def _key(self) -> tuple[int, int, int, int]:
        return (self.major, self.minor, self.build, self.revision)

    def __str__(self) -> str:
        return ".".join(str(p) for p in self._key() if p >= 0)

    def __repr__(self) -> str:
        return f"Version({self})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __lt__(self, other: Version) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())


# -- errors ----------------------------------------------------------------------------------


def _base(value: Any) -> Any:
    """AutomationNull behaves as $null in every conversion."""
    return None if value is NOTHING else value


def cast_error(value: Any, type_name: str, inner: str, error_id: str) -> RuntimeException:
    """ExtendedTypeSystem.InvalidCastExceptionWithInnerException."""
    return RuntimeException(
        f'Cannot convert value "{_shown(value)}" to type "{type_name}". Error: "{inner}"',
        error_id, "InvalidArgument", target=value)


def final_cast_error(value: Any, type_name: str, *, shown: str | None = None) -> RuntimeException:
    """ExtendedTypeSystem.InvalidCastException: no conversion exists at all."""
    text = _net_string(value) if shown is None else shown
    return RuntimeException(
        f'Cannot convert the "{text}" value of type "{type_name_of(value)}" to type '
        f'"{type_name}".', "ConvertToFinalInvalidCastException", "InvalidArgument",
        target=value)


def null_cast_error(type_name: str) -> RuntimeException:
    return RuntimeException(f'Cannot convert null to type "{type_name}".',
                            "nullToObjectInvalidCast", "InvalidArgument")


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else to_string(value)


def _net_string(value: Any) -> str:
    """.NET's own ToString(), which the "Cannot convert the ..." message shows."""
    if isinstance(value, list | tuple | Hashtable):
        return type_name_of(value)
    return to_string(value)


def _overflow_message(type_name: str) -> str:
    return {
        "System.Int32": "Value was either too large or too small for an Int32.",
        "System.Int64": "Value was either too large or too small for an Int64.",
        "System.Int16": "Value was either too large or too small for an Int16.",
        "System.Byte": "Value was either too large or too small for an unsigned byte.",
        "System.SByte": "Value was either too large or too small for a signed byte.",
        "System.UInt16": "Value was either too large or too small for a UInt16.",
        "System.UInt32": "Value was either too large or too small for a UInt32.",
        "System.UInt64": "Value was either too large or too small for a UInt64.",
        "System.Decimal": "Value was either too large or too small for a Decimal.",
        "System.Char": "Value was either too large or too small for a character.",
    }.get(type_name, "Arithmetic operation resulted in an overflow.")


# -- type names ------------------------------------------------------------------------------


def type_name_of(value: Any) -> str:
    """``$value.GetType().FullName``. An object may name its .NET type with a
    ``dotnet_type_name`` attribute; a PSObject answers with its first type name; $null
    has no type and answers the empty string."""
    if value is None or value is NOTHING:
        return ""
    kind = type(value)
    if kind is str:
        return "System.String"
    if kind is bool:
        return "System.Boolean"
    if kind is int and INT32_MIN <= value <= INT32_MAX:
        return "System.Int32"
    declared = getattr(value, "dotnet_type_name", None)
    if isinstance(declared, str):
        return declared
    if isinstance(value, bool):
        return "System.Boolean"
    if isinstance(value, int):
        if INT32_MIN <= value <= INT32_MAX:
            return "System.Int32"
        if INT64_MIN <= value <= INT64_MAX:
            return "System.Int64"
        if 0 <= value <= UINT64_MAX:
            return "System.UInt64"
        return "System.Numerics.BigInteger"
    if isinstance(value, float):
        return "System.Double"
    if isinstance(value, Decimal):
        return "System.Decimal"
    if isinstance(value, str):
        return "System.String"
    if isinstance(value, ArrayList):
        return value.type_name
    if isinstance(value, list | tuple):
        return "System.Object[]"
    if isinstance(value, Hashtable):
        return ("System.Collections.Specialized.OrderedDictionary" if value.ordered
                else "System.Collections.Hashtable")
    if isinstance(value, dict):
        return "System.Collections.Hashtable"
    if isinstance(value, PSObject):
        return value.type_names[0] if value.type_names else PSCUSTOMOBJECT
    if isinstance(value, dt.datetime):
        return "System.DateTime"
    if isinstance(value, dt.timedelta):
        return "System.TimeSpan"
    if isinstance(value, uuid.UUID):
        return "System.Guid"
    if isinstance(value, re.Pattern):
        return "System.Text.RegularExpressions.Regex"
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return "System.Net.IPAddress"
    if isinstance(value, PSException):
        return value.dotnet_type
    return "System.Object"


def is_scriptblock(value: Any) -> bool:
    return getattr(value, "dotnet_type_name", None) == SCRIPTBLOCK


# -- truth -----------------------------------------------------------------------------------


def to_bool(value: Any) -> bool:
    """LanguagePrimitives.IsTrue: $null, 0, '', an empty array and $false are false; an
    array of one is its element's truth; two or more elements are true; every other object
    (a hashtable, even empty, a PSObject, the string "False") is true."""
    value = _base(value)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return len(value) != 0
    if isinstance(value, int | float | Decimal):
        return value != 0 or (isinstance(value, float) and math.isnan(value))
    if isinstance(value, list | tuple):
        if not value:
            return False
        if len(value) == 1:
            first = _base(value[0])
            if isinstance(first, list | tuple):
                return len(first) > 0
            return to_bool(first)
        return True
    return True


# -- strings ---------------------------------------------------------------------------------


def datetime_string(value: dt.datetime) -> str:
    """A DateTime in the invariant culture: ``MM/dd/yyyy HH:mm:ss``."""
    return f"{value.month:02d}/{value.day:02d}/{value.year:04d} " \
           f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"


def decimal_string(value: Decimal) -> str:
    """decimal.ToString(): all the digits of its scale, never an exponent."""
    if not value.is_finite():
        return str(value)
    if value == 0:
        value = value.copy_abs()
    return format(value, "f")


def type_literal_string(pstype: Any) -> str:
    """How PowerShell writes a type as a string: ``"$([int])"`` is ``int``."""
    return str(getattr(pstype, "ps_name", None) or getattr(pstype, "full_name", pstype))


def _custom_object_string(value: PSObject, depth: int) -> str:
    # PSObject.ToStringEmptyBaseObject: @{name=value; ...}, values not enumerated
    parts = []
    for name, item in value.properties():
        item = _base(item)
        if isinstance(item, list | tuple):
            text = type_name_of(item)
        else:
            text = to_string(item, " ", _depth=depth + 1)
        parts.append(f"{name}={text}")
    return "@{" + "; ".join(parts) + "}" if parts else ""


def to_string(value: Any, ofs: str = " ", *, _depth: int = 0) -> str:
    """PowerShell's string conversion, as in ``[string]$x`` and ``"$x"`` (invariant culture):
    $null is ''; a collection is its elements' strings joined with ``ofs`` ($OFS); a double is
    G15 (``0.1+0.2`` is ``0.3``, ``1e20`` is ``1E+20``); a boolean is True/False; a date is
    ``MM/dd/yyyy HH:mm:ss``; a TimeSpan ``[d.]hh:mm:ss[.fffffff]``; a Guid lower-case; a
    hashtable its type name; a PSCustomObject ``@{a=1; b=2}``; another PSObject its
    ``ToString`` method's result, else its type name."""
    value = _base(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Single):
        return format_double_general(float(value), 7)
    if isinstance(value, float):
        return format_double_general(value, 15)
    if isinstance(value, Decimal):
        return decimal_string(value)
    if isinstance(value, list | tuple):
        if _depth > _MAX_DEPTH:
            return type_name_of(value)
        return ofs.join(to_string(item, ofs, _depth=_depth + 1) for item in value)
    if isinstance(value, Hashtable | dict):
        return type_name_of(value)
    if isinstance(value, PSObject):
        method = value.methods.get("tostring")
        if method is not None:
            return to_string(method(), ofs, _depth=_depth + 1)
        names = [t.casefold() for t in value.type_names]
        if not names or PSCUSTOMOBJECT.casefold() in names:
            if _depth > _MAX_DEPTH:
                return PSCUSTOMOBJECT
            return _custom_object_string(value, _depth)
        return value.type_names[0]
    if isinstance(value, dt.datetime):
        return datetime_string(value)
    if isinstance(value, dt.timedelta):
        return format_timespan(value, "c", INVARIANT)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, re.Pattern):
        return str(value.pattern)
    if getattr(value, "dotnet_type_name", None) == "System.RuntimeType" and hasattr(
            value, "full_name"):
        return type_literal_string(value)  # a type literal (asrsim.lang.types.PSType)
    own_str: Any = type(value).__str__
    if own_str is not object.__str__:
        return str(value)
    return type_name_of(value)


# -- numbers from text -----------------------------------------------------------------------

_NUMBER = re.compile(
    r"""(?P<sign>[+-])?
        (?:0x(?P<hex>[0-9a-f]+)
          |0b(?P<bin>[01]+)
          |(?P<dec>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?))
        (?P<suffix>ul|uy|us|u|l|d|y|s|n)?
        (?P<mult>kb|mb|gb|tb|pb)?""", re.IGNORECASE | re.VERBOSE)
_MULTIPLIERS = {"": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4, "pb": 1024**5}
#: integer suffix -> (bits, signed)
_INT_SUFFIXES = {"l": (64, True), "u": (64, False), "ul": (64, False), "y": (8, True),
                 "uy": (8, False), "s": (16, True), "us": (16, False)}
_SUFFIX_TYPES = {"l": "System.Int64", "ul": "System.UInt64", "y": "System.SByte",
                 "uy": "System.Byte", "s": "System.Int16", "us": "System.UInt16"}


def _suffixed(value: int, suffix: str) -> int:
    if suffix == "u":
        return typed_int(value, "System.UInt32" if value <= 0xFFFFFFFF else "System.UInt64")
    return typed_int(value, _SUFFIX_TYPES.get(suffix, "System.Numerics.BigInteger"))
_THOUSANDS_INT = re.compile(r"\s*([+-]?)([0-9][0-9,]*)\s*")
_INVARIANT_FLOAT = re.compile(
    r"\s*([+-]?)(?=[0-9]|\.[0-9])([0-9][0-9,]*)?(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\s*")
_WHITESPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" \
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _two_complement(raw: int, bits: int) -> int:
    return raw - (1 << bits) if raw >= 1 << (bits - 1) else raw


def _integer_fits(value: int, bits: int, signed: bool) -> bool:
    if signed:
        return -(1 << (bits - 1)) <= value < 1 << (bits - 1)
    return 0 <= value < 1 << bits


def _widen(value: int) -> int | float | Decimal:
    """A literal integer without suffix: Int32, Int64, then Decimal, then Double."""
    if INT64_MIN <= value <= INT64_MAX:
        return value
    if abs(value) <= DECIMAL_MAX:
        return Decimal(value)
    return float(value) if abs(value) < 2**1024 else math.copysign(math.inf, value)


def parse_number(text: str) -> int | float | Decimal | None:
    """A PowerShell numeric literal in a string (Parser.ScanNumber): ``42``, ``-1.5``,
    ``1e3``, ``0x10`` (eight hex digits are an Int32 bit pattern: ``0xFFFFFFFF`` is -1),
    ``0b101``, the suffixes ``l u ul y uy s us d n`` and the multipliers ``kb mb gb tb pb``.
    None when the text is not one."""
    match = _NUMBER.fullmatch(text.strip(_WHITESPACE))
    if match is None:
        return None
    negative = match["sign"] == "-"
    suffix = (match["suffix"] or "").lower()
    multiplier = _MULTIPLIERS[(match["mult"] or "").lower()]
    result: int | float | Decimal
    if match["hex"] is not None or match["bin"] is not None:
        digits = match["hex"] if match["hex"] is not None else match["bin"]
        if len(digits) > 130:
            return None
        raw = int(digits, 16 if match["hex"] is not None else 2)
        if suffix == "n":
            result = raw
        elif suffix in _INT_SUFFIXES:
            bits, signed = _INT_SUFFIXES[suffix]
            if suffix == "u" and raw <= 0xFFFFFFFF:
                bits = 32
            if raw >= 1 << bits:
                return None
            result = _two_complement(raw, bits) if signed else raw
        elif raw <= 0xFFFFFFFF:
            result = _two_complement(raw, 32)
        elif raw <= UINT64_MAX:
            result = _two_complement(raw, 64)
        else:
            return None
        if negative:
            result = -result
        if multiplier != 1:
            result = _widen(result * multiplier)
        elif suffix and isinstance(result, int):
            result = _suffixed(result, suffix)
        return result
    dec = match["dec"]
    real = "." in dec or "e" in dec.lower()
    if suffix == "d":
        try:
            value = Decimal(("-" if negative else "") + dec) * multiplier
        except DecimalException:
            return None
        return value if value.copy_abs() <= DECIMAL_MAX else None
    if real:
        number = float(dec)
        if suffix:
            if not math.isfinite(number):
                return None
            integral = round(number)
            if suffix != "n":
                bits, signed = _INT_SUFFIXES[suffix]
                if not _integer_fits(-integral if negative else integral, bits, signed):
                    return None
            return _suffixed((-integral if negative else integral) * multiplier, suffix)
        number = -number if negative else number
        return number * multiplier
    if len(dec) > 400:
        return None
    integer = int(dec)
    if negative:
        integer = -integer
    if suffix and suffix != "n":
        bits, signed = _INT_SUFFIXES[suffix]
        if suffix == "u" and integer <= 0xFFFFFFFF:
            bits = 32
        if not _integer_fits(integer, bits, signed):
            return None
    integer *= multiplier
    return _suffixed(integer, suffix) if suffix else _widen(integer)


def parse_double_invariant(text: str) -> float | None:
    """Double.Parse(text, NumberStyles.Float | AllowThousands, InvariantCulture): also
    ``Infinity``, ``-Infinity`` and ``NaN``. None when it does not parse."""
    stripped = text.strip(_WHITESPACE)
    lowered = stripped.lower()
    if lowered in ("infinity", "+infinity", "∞"):
        return math.inf
    if lowered in ("-infinity", "-∞"):
        return -math.inf
    if lowered in ("nan", "-nan", "+nan"):
        return math.nan
    match = _INVARIANT_FLOAT.fullmatch(text)
    if match is None:
        return None
    sign, whole, frac, exponent = match.groups()
    literal = f"{sign}{(whole or '0').replace(',', '')}.{frac or '0'}e{exponent or '0'}"
    try:
        return float(literal)
    except (ValueError, OverflowError):
        return None


# -- numeric conversions ---------------------------------------------------------------------

INTEGER_RANGES: dict[str, tuple[int, int]] = {
    "System.Int32": (INT32_MIN, INT32_MAX),
    "System.Int64": (INT64_MIN, INT64_MAX),
    "System.Int16": (-(2**15), 2**15 - 1),
    "System.Byte": (0, 255),
    "System.SByte": (-128, 127),
    "System.UInt16": (0, 2**16 - 1),
    "System.UInt32": (0, 2**32 - 1),
    "System.UInt64": (0, UINT64_MAX),
}


def round_half_even(value: float | Decimal) -> int:
    """.NET's conversion of a real to an integer: to nearest, ties to even
    (``[int]2.5`` is 2, ``[int]3.5`` is 4)."""
    if isinstance(value, Decimal):
        return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))
    return round(value)


def _check_range(number: int, type_name: str, original: Any) -> int:
    low, high = INTEGER_RANGES.get(type_name, (None, None))
    if low is not None and high is not None and not low <= number <= high:
        raise cast_error(original, type_name, _overflow_message(type_name),
                         "InvalidCastIConvertible")
    return number


def _integer_from_number(value: int | float | Decimal, type_name: str, original: Any) -> int:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise cast_error(original, type_name, _overflow_message(type_name),
                             "InvalidCastIConvertible")
        number = round_half_even(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise cast_error(original, type_name, _overflow_message(type_name),
                             "InvalidCastIConvertible")
        number = round_half_even(value)
    else:
        number = int(value)
    return _check_range(number, type_name, original)


def _string_to_integer(text: str, type_name: str) -> int:
    # LanguagePrimitives.ConvertStringToInteger: the script parser's number first, then the
    # integer converter (thousands separators allowed), then through double
    if text.strip(_WHITESPACE) == "":
        return 0
    number = parse_number(text)
    if number is not None:
        try:
            return _integer_from_number(number, type_name, text)
        except RuntimeException:
            raise cast_error(text, type_name, _overflow_message(type_name),
                             "InvalidCastFromStringToInteger") from None
    match = _THOUSANDS_INT.fullmatch(text)
    if match and not match[2].endswith(","):
        number_int = int(match[1] + match[2].replace(",", ""))
        low, high = INTEGER_RANGES.get(type_name, (None, None))
        if low is not None and high is not None and not low <= number_int <= high:
            raise cast_error(text, type_name, _overflow_message(type_name),
                             "InvalidCastFromStringToInteger")
        return number_int
    real = parse_double_invariant(text)
    if real is not None and math.isfinite(real):
        try:
            return _integer_from_number(real, type_name, text)
        except RuntimeException:
            pass
    raise cast_error(text, type_name, f"The input string '{text}' was not in a correct format.",
                     "InvalidCastFromStringToInteger")


def convert_to_integer(value: Any, type_name: str = "System.Int32") -> int:
    """The cast to an integer type (``[int]``, ``[long]``, ``[byte]`` ...): $null is 0, a real
    rounds half to even, a string is parsed as PowerShell parses numbers, overflow errors.
    The result is a plain int for Int32 (and BigInteger), else that type's class (Int64 ...)."""
    if type_name in INTEGER_CLASSES:
        return typed_int(_convert_to_integer(value, type_name), type_name)
    return _convert_to_integer(value, type_name)


def _convert_to_integer(value: Any, type_name: str) -> int:
    original = value
    value = _base(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        return _check_range(int(value), type_name, original)
    if isinstance(value, Char):
        return _check_range(ord(value), type_name, original)
    if isinstance(value, str):
        return _string_to_integer(value, type_name)
    if isinstance(value, int | float | Decimal):
        return _integer_from_number(value, type_name, original)
    raise final_cast_error(value, type_name)


def _int_to_float(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.copysign(math.inf, value)


def convert_to_double(value: Any, type_name: str = "System.Double") -> float:
    """The cast to [double] (or [single] with ``type_name`` System.Single)."""
    value = _base(value)
    result: float
    if value is None:
        result = 0.0
    elif isinstance(value, bool):
        result = float(value)
    elif isinstance(value, Char):
        result = float(ord(value))
    elif isinstance(value, str):
        result = _string_to_double(value, type_name)
    elif isinstance(value, int):
        result = _int_to_float(value)
    elif isinstance(value, float | Decimal):
        result = float(value)
    else:
        raise final_cast_error(value, type_name)
    return Single(result) if type_name == "System.Single" else result


def _string_to_double(text: str, type_name: str) -> float:
    if text.strip(_WHITESPACE) == "":
        return 0.0
    number = parse_number(text)
    if number is not None:
        return _int_to_float(number) if isinstance(number, int) else float(number)
    real = parse_double_invariant(text)
    if real is not None:
        return real
    raise cast_error(text, type_name, f"The input string '{text}' was not in a correct format.",
                     "InvalidCastFromStringToDoubleOrSingle")


def double_to_decimal(value: float) -> Decimal | None:
    """Convert.ToDecimal(double): 15 significant digits; None when out of range."""
    if not math.isfinite(value) or abs(value) >= 7.9228162514264338e28:
        return None
    result = Decimal(format(value, ".15g"))
    if result.adjusted() < -28:  # below a decimal's smallest step
        result = result.quantize(Decimal(1).scaleb(-28), context=Context(prec=60))
    return result


def convert_to_decimal(value: Any) -> Decimal:
    """The cast to [decimal]."""
    original = value
    value = _base(value)
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Char):
        return Decimal(ord(value))
    if isinstance(value, int):
        if abs(value) > DECIMAL_MAX:
            raise cast_error(original, "System.Decimal", _overflow_message("System.Decimal"),
                             "InvalidCastIConvertible")
        return Decimal(value)
    if isinstance(value, float):
        converted = double_to_decimal(value)
        if converted is None:
            raise cast_error(original, "System.Decimal", _overflow_message("System.Decimal"),
                             "InvalidCastIConvertible")
        return converted
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return _string_to_decimal(value)
    raise final_cast_error(value, "System.Decimal")


def _string_to_decimal(text: str) -> Decimal:
    if text.strip(_WHITESPACE) == "":
        return Decimal(0)
    plain = re.fullmatch(r"\s*([+-]?)([0-9][0-9,]*)?(?:\.([0-9]*))?\s*", text)
    if plain and (plain[2] or plain[3]):
        whole = (plain[2] or "0").replace(",", "")
        result = Decimal(f"{plain[1]}{whole}.{plain[3]}" if plain[3] else f"{plain[1]}{whole}")
        if result.copy_abs() <= DECIMAL_MAX:
            return result
        raise cast_error(text, "System.Decimal", _overflow_message("System.Decimal"),
                         "InvalidCastFromStringToDecimal")
    number = parse_number(text)
    if number is None:
        real = parse_double_invariant(text)
        if real is None:
            raise cast_error(text, "System.Decimal",
                             f"The input string '{text}' was not in a correct format.",
                             "InvalidCastFromStringToDecimal")
        number = real
    try:
        return convert_to_decimal(number)
    except RuntimeException:
        raise cast_error(text, "System.Decimal", _overflow_message("System.Decimal"),
                         "InvalidCastFromStringToDecimal") from None


def to_number(value: Any) -> int | float | Decimal:
    """What arithmetic makes of a non-number: ``"5"`` is 5, ``"5.5"`` 5.5, ``"0x10"`` 16,
    ``""`` and $null 0, $true 1; anything else is an error (a string that is not a number
    fails as its conversion to System.Int32 does)."""
    value = _base(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Char):
        return ord(value)
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        if value.strip(_WHITESPACE) == "":
            return 0
        number = parse_number(value)
        if number is not None:
            return number
        match = _THOUSANDS_INT.fullmatch(value)
        if match and not match[2].endswith(","):
            return _widen(int(match[1] + match[2].replace(",", "")))
        real = parse_double_invariant(value)
        if real is not None and math.isfinite(real):
            return real
        raise cast_error(value, "System.Int32",
                         f"The input string '{value}' was not in a correct format.",
                         "InvalidCastFromStringToInteger")
    raise final_cast_error(value, "System.Int32")


# -- other scalar conversions ----------------------------------------------------------------


def convert_to_char(value: Any) -> Char:
    """The cast to [char]: a one-character string or a UTF-16 code (0..65535)."""
    original = value
    value = _base(value)
    if value is None:
        return Char("\0")
    if isinstance(value, Char):
        return value
    if isinstance(value, str):
        if len(value) != 1:
            raise cast_error(value, "System.Char", "String must be exactly one character long.",
                             "InvalidCastParseTargetInvocation")
        return Char(value)
    if isinstance(value, bool):
        raise cast_error(original, "System.Char", "Invalid cast from 'Boolean' to 'Char'.",
                         "InvalidCastIConvertible")
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFF:
            raise cast_error(original, "System.Char", _overflow_message("System.Char"),
                             "InvalidCastIConvertible")
        return Char(chr(value))
    if isinstance(value, float | Decimal):
        source = "Decimal" if isinstance(value, Decimal) else (
            "Single" if isinstance(value, Single) else "Double")
        raise cast_error(original, "System.Char", f"Invalid cast from '{source}' to 'Char'.",
                         "InvalidCastIConvertible")
    raise final_cast_error(value, "System.Char")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
#: month names and their abbreviations (invariant culture), and "sept"
_MONTH_NUMBERS = {**{name: i + 1 for i, name in enumerate(_MONTHS)},
                  **{name[:3]: i + 1 for i, name in enumerate(_MONTHS)}, "sept": 9}
_DAY_WORDS = frozenset(
    w for d in ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
    for w in (d, d[:3]))
_TIME = re.compile(
    r"(?<![0-9:])([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\.([0-9]{1,7}))?)?"
    r"(?:\s*([ap])\.?m\.?)?(?![0-9:])", re.IGNORECASE)
_OFFSET = re.compile(r"\s*(?:(z)|(gmt|utc)|([+-])([0-9]{1,2})(?::?([0-9]{2}))?)\s*",
                     re.IGNORECASE)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        # DateTimeFormatInfo.Calendar.TwoDigitYearMax is 2049
        year += 2000 if year <= 49 else 1900
    return year


def _date_part(text: str) -> tuple[int, int, int] | None:
    match = re.fullmatch(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})", text)
    if match:
        return int(match[1]), int(match[3]), int(match[4])
    match = re.fullmatch(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})", text)
    if match:  # the invariant culture is month first: 03/02/2026 is March 2
        return _year(match[4]), int(match[1]), int(match[3])
    match = re.fullmatch(r"([0-9]{4})([-/])([0-9]{1,2})", text)
    if match:
        return int(match[1]), int(match[3]), 1
    if re.search(r"[^A-Za-z0-9\s,./-]", text):
        return None
    tokens = re.findall(r"[A-Za-z]+|[0-9]+", text)
    month = 0
    numbers: list[str] = []
    for token in tokens:
        folded = token.casefold()
        if token.isdigit():
            numbers.append(token)
        elif folded in _DAY_WORDS:
            continue
        elif folded in _MONTH_NUMBERS and month == 0:
            month = _MONTH_NUMBERS[folded]
        else:
            return None
    if month == 0:
        return None
    if len(numbers) == 1 and len(numbers[0]) == 4:
        return int(numbers[0]), month, 1
    if len(numbers) != 2:
        return None
    first, second = numbers
    if len(first) == 4 or (len(first) <= 2 and int(first) > 31):
        return _year(first), month, int(second)
    return _year(second), month, int(first)


def parse_datetime(text: str) -> dt.datetime | None:
    """DateTime.Parse(text, InvariantCulture) for the forms scripts write: ISO 8601
    (``2026-03-02``, ``2026-03-02T10:00:00Z``), the invariant ``MM/dd/yyyy [HH:mm[:ss]]``,
    ``March 2, 2026 10:00 PM``, RFC 1123. A time with an offset is converted to UTC (the
    simulation's local time). A time alone would need today's date and is refused."""
    source = text.strip(_WHITESPACE)
    if not source:
        return None
    source = re.sub(r"^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})T", r"\1 ", source, flags=re.IGNORECASE)
    hour = minute = second = micro = 0
    offset: dt.timedelta | None = None
    date_text = source
    time = _TIME.search(source)
    if time:
        hour, minute = int(time[1]), int(time[2])
        second = int(time[3] or 0)
        micro = int((time[4] or "").ljust(7, "0")[:6])
        if time[5]:
            if not 1 <= hour <= 12:
                return None
            if time[5].lower() == "p" and hour < 12:
                hour += 12
            elif time[5].lower() == "a" and hour == 12:
                hour = 0
        rest = source[time.end():]
        if rest.strip():
            zone = _OFFSET.fullmatch(rest)
            if zone is None:
                return None
            if zone[3]:
                minutes = int(zone[4]) * 60 + int(zone[5] or 0)
                offset = dt.timedelta(minutes=minutes if zone[3] == "+" else -minutes)
            else:
                offset = dt.timedelta(0)
        date_text = source[:time.start()]
    date_text = date_text.strip(_WHITESPACE + ",")
    if not date_text:
        return None
    date = _date_part(date_text)
    if date is None:
        return None
    try:
        result = dt.datetime(date[0], date[1], date[2], hour, minute, second, micro)
        if offset is not None:
            result -= offset
    except (ValueError, OverflowError):
        return None
    return result


def convert_to_datetime(value: Any) -> dt.datetime:
    """The cast to [datetime]: a DateTime, a string DateTime.Parse reads, or ticks."""
    original = value
    value = _base(value)
    if value is None:
        raise null_cast_error("System.DateTime")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise cast_error(value, "System.DateTime",
                             f"The string '{value}' was not recognized as a valid DateTime.",
                             "InvalidCastParseTargetInvocation")
        return parsed
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= MAX_TICKS:
            raise cast_error(original, "System.DateTime",
                             "Ticks must be between DateTime.MinValue.Ticks and "
                             "DateTime.MaxValue.Ticks. (Parameter 'ticks')",
                             "InvalidCastConstructorException")
        return dt.datetime(1, 1, 1) + dt.timedelta(microseconds=value // TICKS_PER_MICROSECOND)
    raise final_cast_error(value, "System.DateTime")


_TIMESPAN = re.compile(
    r"(-)?(?:([0-9]+)|(?:([0-9]+)\.)?([0-9]+):([0-9]+)(?::([0-9]+)(?:\.([0-9]+))?)?)")


def parse_timespan(text: str) -> dt.timedelta:
    """TimeSpan.Parse(text, InvariantCulture): ``[-]d`` or ``[-][d.]hh:mm[:ss[.fffffff]]``.
    Raises ValueError with .NET's message."""
    match = _TIMESPAN.fullmatch(text.strip(_WHITESPACE))
    if match is None:
        raise ValueError(f"String '{text}' was not recognized as a valid TimeSpan.")
    negative, only_days, days, hours, minutes, seconds, fraction = match.groups()
    overflow = (f"The TimeSpan string '{text}' could not be parsed because at least one of "
                "the numeric components is out of range or contains too many digits.")
    if only_days is not None:
        day_count = int(only_days) if len(only_days) <= 9 else 10**9
        if day_count > 10675199:
            raise ValueError(overflow)
        span = dt.timedelta(days=day_count)
    else:
        parts = [int(days or 0), int(hours), int(minutes), int(seconds or 0)]
        if (len(days or "") > 9 or parts[0] > 10675199 or parts[1] > 23 or parts[2] > 59
                or parts[3] > 59 or len(fraction or "") > 7):
            raise ValueError(overflow)
        micro = int((fraction or "").ljust(7, "0")[:6])
        span = dt.timedelta(days=parts[0], hours=parts[1], minutes=parts[2],
                            seconds=parts[3], microseconds=micro)
    return -span if negative else span


def convert_to_timespan(value: Any) -> dt.timedelta:
    """The cast to [timespan]: a TimeSpan, a string (``01:30:00``, ``1.02:03:04``) or ticks."""
    original = value
    value = _base(value)
    if value is None:
        raise null_cast_error("System.TimeSpan")
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, str):
        try:
            return parse_timespan(value)
        except ValueError as error:
            raise cast_error(value, "System.TimeSpan", str(error),
                             "InvalidCastParseTargetInvocation") from None
    if isinstance(value, int) and not isinstance(value, bool):
        if not INT64_MIN <= value <= INT64_MAX:
            raise cast_error(original, "System.TimeSpan", _overflow_message("System.Int64"),
                             "InvalidCastIConvertible")
        return dt.timedelta(microseconds=int(value / TICKS_PER_MICROSECOND))
    raise final_cast_error(value, "System.TimeSpan")


_GUID = re.compile(
    r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}"
    r"|\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)", re.IGNORECASE)


def convert_to_guid(value: Any) -> uuid.UUID:
    """The cast to [guid]: the N, D, B and P string forms."""
    value = _base(value)
    if value is None:
        raise null_cast_error("System.Guid")
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        text = value.strip(_WHITESPACE)
        if not _GUID.fullmatch(text):
            raise cast_error(value, "System.Guid", "Unrecognized Guid format.",
                             "InvalidCastParseTargetInvocation")
        return uuid.UUID(text.strip("{}()"))
    raise final_cast_error(value, "System.Guid")


def convert_to_version(value: Any) -> Version | None:
    """The cast to [version]: ``1.2``, ``1.2.3``, ``1.2.3.4``."""
    value = _base(value)
    if value is None:
        return None
    if isinstance(value, Version):
        return value
    if isinstance(value, str | float | Decimal) and not isinstance(value, bool):
        text = value if isinstance(value, str) else to_string(value)
        try:
            return Version.parse(text)
        except ValueError as error:
            raise cast_error(value, "System.Version", str(error),
                             "InvalidCastParseTargetInvocation") from None
    raise final_cast_error(value, "System.Version")


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def convert_to_ipaddress(value: Any) -> IPAddress | None:
    """The cast to [ipaddress] (System.Net.IPAddress): a dotted or IPv6 string, or the
    32-bit number IPAddress(long) takes (its bytes in little-endian order)."""
    original = value
    value = _base(value)
    if value is None:
        return None
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return value
    if isinstance(value, str):
        try:
            return ipaddress.ip_address(value.strip(_WHITESPACE))
        except ValueError:
            raise cast_error(value, "System.Net.IPAddress", "An invalid IP address was "
                             "specified.", "InvalidCastParseTargetInvocation") from None
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= 0xFFFFFFFF:
            raise cast_error(original, "System.Net.IPAddress",
                             "Specified argument was out of the range of valid values. "
                             "(Parameter 'newAddress')", "InvalidCastConstructorException")
        return ipaddress.IPv4Address(value.to_bytes(4, "little"))
    raise final_cast_error(value, "System.Net.IPAddress")


def convert_to_regex(value: Any) -> re.Pattern[str] | None:
    """The cast to [regex]: the .NET pattern compiled (case-sensitive, as ``new Regex(s)``)."""
    value = _base(value)
    if value is None:
        return None
    if isinstance(value, re.Pattern):
        return value
    text = to_string(value)
    try:
        return compile_regex(text, ignore_case=False)
    except RegexParseError as error:
        raise cast_error(text, "System.Text.RegularExpressions.Regex", error.message,
                         "InvalidCastFromStringToRegex") from None


# -- regular expressions ---------------------------------------------------------------------


class RegexParseError(RuntimeException):
    """System.Text.RegularExpressions.RegexParseException (what ``-match`` and ``-split``
    raise for a bad pattern; ``-replace`` and casts wrap it)."""

    dotnet_type = "System.Text.RegularExpressions.RegexParseException"

    def __init__(self, pattern: str, offset: int, detail: str) -> None:
        super().__init__(f"Invalid pattern '{pattern}' at offset {offset}. {detail}",
                         "System.Text.RegularExpressions.RegexParseException", "NotSpecified",
                         target=pattern,
                         dotnet_type="System.Text.RegularExpressions.RegexParseException")
        self.pattern = pattern
        self.offset = offset


#: \p{...} outside a character class: (positive, negated)
_CATEGORIES_OUTSIDE = {
    "l": (r"[^\W\d_]", r"[\W\d_]"),
    "isletter": (r"[^\W\d_]", r"[\W\d_]"),
    "n": (r"\d", r"\D"),
    "nd": (r"\d", r"\D"),
    "lu": (r"[A-ZÀ-ÖØ-Þ]", r"[^A-ZÀ-ÖØ-Þ]"),
    "ll": (r"[a-zß-öø-ÿ]", r"[^a-zß-öø-ÿ]"),
    "zs": (r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]",
           r"[^ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"),
    "z": (r"[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]",
          r"[^ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"),
    "p": (r"[!-#%-*,-/:;?@\[-\]_{}\u00a1\u00a7\u00ab\u00b6\u00b7\u00bb\u00bf]",
          r"[^!-#%-*,-/:;?@\[-\]_{}\u00a1\u00a7\u00ab\u00b6\u00b7\u00bb\u00bf]"),
}
#: \p{...} inside a character class (only those a class can hold)
_CATEGORIES_INSIDE = {
    "n": r"\d", "nd": r"\d", "lu": "A-ZÀ-ÖØ-Þ", "ll": "a-zß-öø-ÿ",
    "zs": r" \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000",
    "z": r" \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000",
}
_GROUP_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INLINE_OPTIONS = re.compile(r"\(\?([imnsx]*)(?:-([imnsx]*))?([:)])")


def _escape_translation(pattern: str, index: int, in_class: bool) -> tuple[str, int]:
    """The Python form of the escape at ``pattern[index]`` (a backslash), and the index
    after it."""
    if index + 1 >= len(pattern):
        raise RegexParseError(pattern, index + 1, "Illegal \\ at end of pattern.")
    ch = pattern[index + 1]
    if ch == "e":
        return r"\x1b", index + 2
    if ch == "c":
        if index + 2 >= len(pattern) or not pattern[index + 2].isalpha():
            raise RegexParseError(pattern, index + 2, "Missing control character.")
        return f"\\x{ord(pattern[index + 2].upper()) - 64:02x}", index + 3
    if ch in "pP":
        match = re.match(r"\{([A-Za-z]+)\}", pattern[index + 2:])
        if match is None:
            raise RegexParseError(pattern, index + 2, "Incomplete \\p{X} character escape.")
        name = match[1].casefold()
        end = index + 2 + match.end()
        if in_class:
            if ch == "p" and name in _CATEGORIES_INSIDE:
                return _CATEGORIES_INSIDE[name], end
        elif name in _CATEGORIES_OUTSIDE:
            return _CATEGORIES_OUTSIDE[name][0 if ch == "p" else 1], end
        raise RegexParseError(pattern, end, f"Unknown property '{match[1]}'.")
    if in_class:
        return pattern[index:index + 2], index + 2
    if ch == "z":
        return r"\Z", index + 2
    if ch == "Z":
        return r"(?=\n?\Z)", index + 2
    if ch == "G":
        raise RegexParseError(pattern, index + 2, "\\G is not supported here.")
    if ch == "k":
        match = re.match(r"<([^>]*)>|'([^']*)'", pattern[index + 2:])
        if match is None:
            raise RegexParseError(pattern, index + 2, "Malformed \\k<...> named back reference.")
        name = match[1] if match[1] is not None else match[2]
        end = index + 2 + match.end()
        if name.isdigit():
            return f"(?:\\{int(name)})", end
        return f"(?P={name})", end
    return pattern[index:index + 2], index + 2


def _class_translation(pattern: str, index: int) -> tuple[str, int]:
    """A ``[...]`` character class, with Python's set-operation look-alikes escaped."""
    out = ["["]
    i = index + 1
    n = len(pattern)
    if i < n and pattern[i] == "^":
        out.append("^")
        i += 1
    first = True
    previous = ""
    while i < n:
        ch = pattern[i]
        if ch == "]" and not first:
            out.append("]")
            return "".join(out), i + 1
        if ch == "\\":
            text, i = _escape_translation(pattern, i, in_class=True)
            out.append(text)
            previous = text
            first = False
            continue
        if ch == "-" and i + 1 < n and pattern[i + 1] == "[":
            raise RegexParseError(pattern, i + 1,
                                  "Character class subtraction is not supported here.")
        if ch in "[&~|" or (ch == "]" and first) or (ch == "-" and previous == "-"):
            text = "\\" + ch
        else:
            text = ch
        out.append(text)
        previous = ch
        first = False
        i += 1
    raise RegexParseError(pattern, n, "Unterminated [] set.")


def translate_regex(pattern: str, explicit_capture: bool = False) -> str:
    """A .NET regular expression in Python ``re`` syntax: ``(?<name>...)``, ``\\k<name>``,
    ``\\z``/``\\Z``, ``\\e``, inline options anywhere (``a(?i)b``), ``(?n)`` explicit capture,
    a few ``\\p{..}`` categories. Raises RegexParseError for what Python cannot do
    (class subtraction, balancing groups, ``\\G``)."""
    out: list[str] = []
    closers = [0]  # extra ')' owed when the current group (or the pattern) ends
    explicit = [explicit_capture]
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            text, i = _escape_translation(pattern, i, in_class=False)
            out.append(text)
            continue
        if ch == "[":
            text, i = _class_translation(pattern, i)
            out.append(text)
            continue
        if ch == ")":
            if len(closers) > 1:
                out.append(")" * closers.pop())
                explicit.pop()
            out.append(")")
            i += 1
            continue
        if ch != "(":
            out.append(ch)
            i += 1
            continue
        if not pattern.startswith("(?", i):
            out.append("(?:" if explicit[-1] else "(")
            closers.append(0)
            explicit.append(explicit[-1])
            i += 1
            continue
        rest = pattern[i + 2:i + 3]
        if rest == "#":
            end = pattern.find(")", i)
            if end < 0:
                raise RegexParseError(pattern, n, "Unterminated (?#...) comment.")
            i = end + 1
            continue
        if rest in ("<", "'") and not pattern.startswith(("(?<=", "(?<!"), i):
            close = ">" if rest == "<" else "'"
            end = pattern.find(close, i + 3)
            if end < 0:
                raise RegexParseError(pattern, i + 3, "Invalid group name: Group names must "
                                      "begin with a word character.")
            name = pattern[i + 3:end]
            if name.isdigit():
                out.append("(")
            elif _GROUP_NAME.fullmatch(name):
                out.append(f"(?P<{name}>")
            else:
                raise RegexParseError(pattern, end, "Invalid group name: Group names must "
                                      "begin with a word character.")
            closers.append(0)
            explicit.append(explicit[-1])
            i = end + 1
            continue
        options = _INLINE_OPTIONS.match(pattern, i)
        if options:
            on, off, kind = options[1], options[2] or "", options[3]
            state = explicit[-1]
            if "n" in on:
                state = True
            if "n" in off:
                state = False
            py_on, py_off = on.replace("n", ""), off.replace("n", "")
            opener = "(?" + py_on + ("-" + py_off if py_off else "") + ":" \
                if py_on or py_off else "(?:"
            out.append(opener)
            if kind == ":":
                closers.append(0)
                explicit.append(state)
            else:  # (?i) applies to the rest of the enclosing group
                closers[-1] += 1
                explicit[-1] = state
            i = options.end()
            continue
        if rest == "(":
            end = pattern.find(")", i + 3)
            condition = pattern[i + 3:end] if end >= 0 else ""
            if not condition or condition.startswith("?") or not re.fullmatch(r"\w+", condition):
                raise RegexParseError(pattern, i + 3, "Only group names and numbers are "
                                      "supported as conditions here.")
            out.append(f"(?({condition})")
            closers.append(0)
            explicit.append(explicit[-1])
            i = end + 1
            continue
        opener = pattern[i:i + 4] if pattern.startswith(("(?<=", "(?<!"), i) else pattern[i:i + 3]
        out.append(opener)
        closers.append(0)
        explicit.append(explicit[-1])
        i += len(opener)
    out.append(")" * closers[0])
    return "".join(out)


_PYTHON_REGEX_MESSAGES = {
    "unterminated character set": "Unterminated [] set.",
    "missing ), unterminated subpattern": "Not enough )'s.",
    "unbalanced parenthesis": "Too many )'s.",
    "nothing to repeat": "Quantifier {x,y} following nothing.",
    "multiple repeat": "Nested quantifier.",
}


def compile_regex(pattern: str, *, ignore_case: bool = True, multiline: bool = False,
                  singleline: bool = False, ignore_whitespace: bool = False,
                  explicit_capture: bool = False) -> re.Pattern[str]:
    """A .NET pattern compiled with Python's ``re``; RegexParseError when it is not valid."""
    try:
        text = translate_regex(pattern, explicit_capture)
    except RecursionError:
        raise RegexParseError(pattern, 0, "The pattern is nested too deeply.") from None
    flags = 0
    if ignore_case:
        flags |= re.IGNORECASE
    if multiline:
        flags |= re.MULTILINE
    if singleline:
        flags |= re.DOTALL
    if ignore_whitespace:
        flags |= re.VERBOSE
    try:
        return re.compile(text, flags)
    except re.error as error:
        detail = _PYTHON_REGEX_MESSAGES.get(error.msg, error.msg[:1].upper() + error.msg[1:] + ".")
        offset = min(len(pattern), (error.pos or 0) + 1)
        raise RegexParseError(pattern, offset, detail) from None
    except (RecursionError, OverflowError, ValueError, MemoryError) as error:
        raise RegexParseError(pattern, 0, str(error)) from None


def regex_groups(pattern: re.Pattern[str]) -> list[tuple[int | str, int]]:
    """The groups of a compiled pattern in .NET's numbering, as (key, Python group index):
    unnamed groups first (1, 2, ...), then the named ones by name. .NET numbers ``(?<x>a)(b)``
    with ``(b)`` as group 1, and ``$Matches`` has keys 1 and ``x``."""
    names = {index: name for name, index in pattern.groupindex.items()}
    keys: list[tuple[int | str, int]] = []
    number = 0
    for index in range(1, pattern.groups + 1):
        if index not in names:
            number += 1
            keys.append((number, index))
    keys.extend((names[index], index) for index in sorted(names))
    return keys


def regex_group_numbers(pattern: re.Pattern[str]) -> dict[int, int]:
    """.NET group number -> Python group index (named groups numbered after unnamed ones)."""
    numbers = {0: 0}
    for position, (_, index) in enumerate(regex_groups(pattern), start=1):
        numbers[position] = index
    return numbers


def matches_table(match: re.Match[str]) -> Hashtable:
    """``$Matches`` after a successful ``-match``: key 0 the whole match, then each group
    that took part, by .NET number or by name."""
    table = Hashtable()
    table[0] = match.group(0)
    for key, index in regex_groups(match.re):
        if match.start(index) != -1:
            table[key] = match.group(index)
    return table


# -- comparison ------------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _naive(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _float_compare(a: float, b: float) -> int:
    # Double.CompareTo: NaN equals NaN and is below every other value
    if math.isnan(a) or math.isnan(b):
        return 0 if math.isnan(a) and math.isnan(b) else (-1 if math.isnan(a) else 1)
    return (a > b) - (a < b)


def numeric_compare(a: int | float | Decimal, b: int | float | Decimal) -> int:
    """LanguagePrimitives.NumericCompare: both operands widened to the larger type (a
    double against a decimal goes through Convert.ToDecimal's 15 digits)."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        if isinstance(a, float) or isinstance(b, float):
            other = a if isinstance(a, float) else b
            converted = double_to_decimal(float(other))
            if converted is None:
                return _float_compare(float(a), float(b))
            if isinstance(a, float):
                a = converted
            else:
                b = converted
        left, right = Decimal(a), Decimal(b)
        if not (left.is_finite() and right.is_finite()):
            return 0 if left.is_nan() and right.is_nan() else (-1 if left.is_nan() else 1)
        return (left > right) - (left < right)
    if isinstance(a, float) or isinstance(b, float):
        left_f = a if isinstance(a, float) else _int_to_float(a)
        right_f = b if isinstance(b, float) else _int_to_float(b)
        return _float_compare(left_f, right_f)
    return (a > b) - (a < b)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def string_equals(a: str, b: str, case_sensitive: bool = False) -> bool:
    """CompareInfo.Compare(a, b[, IgnoreCase]) == 0 in the invariant culture."""
    if a == b:
        return True
    if a.isascii() and b.isascii():
        return not case_sensitive and a.lower() == b.lower()
    if case_sensitive:
        return unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    return _fold(a) == _fold(b)


def string_compare(a: str, b: str, case_sensitive: bool = False) -> int:
    """Culture-aware comparison, approximated: case-folded order first; with case
    sensitivity a lower-case letter sorts before its upper case (``'a' -clt 'A'``)."""
    fa, fb = _fold(a), _fold(b)
    if fa != fb:
        return -1 if fa < fb else 1
    if not case_sensitive:
        return 0
    na, nb = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    for x, y in zip(na, nb, strict=False):
        if x != y:
            return -1 if x.islower() and not y.islower() else (
                1 if y.islower() and not x.islower() else (-1 if x < y else 1))
    return (len(na) > len(nb)) - (len(na) < len(nb))


class _NoConversion(Exception):
    """The left operand's type has no conversion: compare by identity."""


def _integer_type(value: int) -> str:
    if type(value) is not int:
        return str(getattr(value, "dotnet_type_name", "System.Int64"))
    return "System.Int32" if INT32_MIN <= value <= INT32_MAX else (
        "System.Int64" if INT64_MIN <= value <= INT64_MAX else "System.Decimal")


def convert_like(left: Any, right: Any) -> Any:
    """``right`` converted to the type of ``left`` (LanguagePrimitives.ConvertTo(second,
    first.GetType())); RuntimeException when it does not convert."""
    if isinstance(left, EnumValue):
        return left.enum_type.convert(right)
    if isinstance(left, bool):
        return to_bool(right)
    if isinstance(left, int):
        type_name = _integer_type(left)
        if type_name == "System.Decimal":
            return convert_to_decimal(right)
        return convert_to_integer(right, type_name)
    if isinstance(left, Single):
        return convert_to_double(right, "System.Single")
    if isinstance(left, float):
        return convert_to_double(right)
    if isinstance(left, Decimal):
        return convert_to_decimal(right)
    if isinstance(left, Char):
        return convert_to_char(right)
    if isinstance(left, str):
        return to_string(right)
    if isinstance(left, dt.datetime):
        return convert_to_datetime(right)
    if isinstance(left, dt.timedelta):
        return convert_to_timespan(right)
    if isinstance(left, uuid.UUID):
        return convert_to_guid(right)
    if isinstance(left, Version):
        return convert_to_version(right)
    if isinstance(left, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return convert_to_ipaddress(right)
    raise _NoConversion


def _value_equal(left: Any, right: Any) -> bool:
    if left is right:
        return True
    if _is_number(left) and _is_number(right):
        return numeric_compare(left, right) == 0  # Double.Equals: NaN equals NaN
    if isinstance(left, list | tuple | dict | PSObject | re.Pattern):
        return False  # reference types compare by identity
    if isinstance(left, dt.datetime) and isinstance(right, dt.datetime):
        return _naive(left) == _naive(right)
    if (type(left) is not type(right) and not (_is_number(left) and _is_number(right))
            and not (isinstance(left, str) and isinstance(right, str))):
        return False
    try:
        return bool(left == right)
    except (TypeError, ValueError, ArithmeticError):
        return False


def equals(left: Any, right: Any, case_sensitive: bool = False) -> bool:
    """``-eq`` on two scalars (LanguagePrimitives.Equals): $null equals only $null; a string
    compares with the right operand's string form; two numbers compare by value across
    types; otherwise the right operand is converted to the left one's type, and a failed
    conversion is simply not equal (``1 -eq 'a'`` is False). Collections, hashtables and
    objects compare by reference."""
    left, right = _base(left), _base(right)
    if left is None:
        return right is None
    if right is None:
        return False
    if isinstance(left, Char):
        if isinstance(right, str) and len(right) == 1:
            return string_equals(left, right, case_sensitive)
        try:
            converted = convert_to_char(right)
        except RuntimeException:
            return False
        return string_equals(left, converted, case_sensitive)
    if isinstance(left, str):
        text = right if isinstance(right, str) else to_string(right)
        return string_equals(left, text, case_sensitive)
    if left is right:
        return True
    if _is_number(left) and _is_number(right):
        return numeric_compare(left, right) == 0
    if isinstance(left, list | tuple | dict | PSObject):
        return False
    try:
        converted = convert_like(left, right)
    except (_NoConversion, RuntimeException):
        return _value_equal(left, right)
    return _value_equal(left, converted)


def _comparison_failure(left: Any, right: Any, inner: str) -> RuntimeException:
    return RuntimeException(
        f'Could not compare "{to_string(left)}" to "{to_string(right)}". Error: "{inner}"',
        "ComparisonFailure", "InvalidOperation", target=left)


def _ordered(left: Any, right: Any) -> int:
    if isinstance(left, dt.datetime) and isinstance(right, dt.datetime):
        left, right = _naive(left), _naive(right)
    if _is_number(left) and _is_number(right):
        return numeric_compare(left, right)
    return int(left > right) - int(left < right)


def _null_order(value: Any, null_is_left: bool) -> int:
    # LanguagePrimitives.CompareObjectToNull: $null is above negative numbers and below
    # everything else
    i = -1 if null_is_left else 1
    if _is_number(value) and (value < 0 if not (isinstance(value, float) and math.isnan(value))
                              else False):
        return -i
    return i


def compare(left: Any, right: Any, case_sensitive: bool = False) -> int:
    """``-lt``/``-gt`` on two scalars (LanguagePrimitives.Compare): negative, zero or
    positive. Strings compare culture-aware (case-insensitive unless asked); numbers by
    value; otherwise the right operand is converted to the left one's type, and a failed
    conversion or an object that cannot be ordered is an error."""
    left, right = _base(left), _base(right)
    if left is None:
        return 0 if right is None else _null_order(right, True)
    if right is None:
        return _null_order(left, False)
    if isinstance(left, Char):
        try:
            converted = convert_to_char(right)
        except RuntimeException as error:
            if isinstance(right, str):
                raise
            raise _comparison_failure(left, right, error.message) from None
        return (ord(left) > ord(converted)) - (ord(left) < ord(converted))
    if isinstance(left, str):
        text = right if isinstance(right, str) else to_string(right)
        return string_compare(left, text, case_sensitive)
    if _is_number(left) and _is_number(right):
        return numeric_compare(left, right)
    try:
        converted = convert_like(left, right)
    except _NoConversion:
        if left is right:
            return 0
        raise RuntimeException(
            f'Cannot compare "{to_string(left)}" because it is not IComparable.',
            "NotIcomparable", "InvalidOperation", target=left) from None
    except RuntimeException as error:
        if isinstance(right, str):
            raise
        inner = error.message
        if error.record.fully_qualified_error_id == "ConvertToFinalInvalidCastException":
            inner = final_cast_error(right, _target_name(left), shown=to_string(right)).message
        raise _comparison_failure(left, right, inner) from None
    if isinstance(left, ipaddress.IPv4Address | ipaddress.IPv6Address):
        if _value_equal(left, converted):
            return 0
        raise RuntimeException(
            f'Cannot compare "{to_string(left)}" because it is not IComparable.',
            "NotIcomparable", "InvalidOperation", target=left)
    try:
        return _ordered(left, converted)
    except TypeError:
        raise RuntimeException(
            f'Cannot compare "{to_string(left)}" because it is not IComparable.',
            "NotIcomparable", "InvalidOperation", target=left) from None


def _target_name(left: Any) -> str:
    if isinstance(left, int) and not isinstance(left, bool):
        return _integer_type(left)
    return type_name_of(left)


# -- conversion to a type --------------------------------------------------------------------


def convert_to(value: Any, target: PSType) -> Any:
    """``[T]$value``: the same as ``target.convert(value)``."""
    return target.convert(value)


def iterate(value: Any) -> Iterator[Any]:
    """The elements of a collection, or the value itself (LanguagePrimitives.GetEnumerable
    as the operators use it: strings and hashtables are not enumerated)."""
    value = _base(value)
    if isinstance(value, list | tuple):
        yield from value
    else:
        yield value

