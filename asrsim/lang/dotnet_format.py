""".NET format strings: what ``'{0:N2}' -f $x``, ``$x.ToString('N2')`` and ``Get-Date -Format``
produce.

PowerShell hands these to .NET: ``-f`` is ``String.Format(CurrentCulture, ...)`` and a
``ToString(format)`` call is ``IFormattable.ToString(format, CurrentCulture)``. This module is
that part of .NET for the values PowerShell holds here (see ``asrsim.lang.psobject``): the
standard numeric formats (C D E F G N P R X B), custom numeric formats (``0.00``, ``#,##0``,
``0.0%``, sections), the standard and custom date/time formats, the TimeSpan formats and the
Guid formats, for the en-US culture (the session's culture) and the invariant culture.

Where .NET behaviour depends on the platform, the Windows behaviour is imitated: an en-US time
is ``3/4/2020 5:06:07 AM`` with an ordinary space (Linux ICU puts U+202F there). The rest
follows .NET 8 on ICU as pwsh 7 shows it: en-US ``N`` and ``P`` default to *three* decimals
(``'{0:N}' -f 1234.5`` is ``1,234.500``), infinity is ``∞``.

Errors are :class:`DotNetFormatError` (a RuntimeException whose message is the .NET
FormatException text); callers wrap them the way PowerShell does (``-f`` says "Error
formatting a string: ...", a method call says 'Exception calling "ToString" ...').
"""

from __future__ import annotations

import datetime as dt
import math
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from asrsim.lang.errors import RuntimeException

__all__ = [
    "EN_US",
    "INVARIANT",
    "Culture",
    "DotNetFormatError",
    "culture_by_name",
    "format_composite",
    "format_datetime",
    "format_double_general",
    "format_double_roundtrip",
    "format_single_roundtrip",
    "format_timespan",
    "format_value",
]

INPUT_STRING_ERROR = "Input string was not in a correct format."
SPECIFIER_ERROR = "Format specifier was invalid."
#: .NET refuses a composite-format index or alignment of a million or more
_LIMIT = 1_000_000
#: precision beyond this would build strings of unbounded size; .NET allows 999,999,999
_MAX_PRECISION = 10_000


class DotNetFormatError(RuntimeException):
    """System.FormatException: the message is .NET's own text."""

    dotnet_type = "System.FormatException"

    def __init__(self, message: str) -> None:
        super().__init__(message, "FormatException", "InvalidOperation",
                         dotnet_type="System.FormatException")


@dataclass(frozen=True)
class Culture:
    """The parts of System.Globalization.CultureInfo that formatting reads."""

    name: str
    number_decimal_digits: int
    percent_decimal_digits: int
    currency_decimal_digits: int
    currency_symbol: str
    #: patterns with ``n`` for the number and ``$`` for the currency symbol
    currency_positive: str
    currency_negative: str
    percent_positive: str
    percent_negative: str
    positive_infinity: str
    negative_infinity: str
    nan: str
    am: str
    pm: str
    day_names: tuple[str, ...]
    abbreviated_day_names: tuple[str, ...]
    month_names: tuple[str, ...]
    abbreviated_month_names: tuple[str, ...]
    short_date: str
    long_date: str
    short_time: str
    long_time: str
    month_day: str
    year_month: str
    era: str = "A.D."


_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

EN_US = Culture(
    name="en-US", number_decimal_digits=3, percent_decimal_digits=3, currency_decimal_digits=2,
    currency_symbol="$", currency_positive="$n", currency_negative="-$n",
    percent_positive="n%", percent_negative="-n%",
    positive_infinity="∞", negative_infinity="-∞", nan="NaN", am="AM", pm="PM",
    day_names=_DAYS, abbreviated_day_names=tuple(d[:3] for d in _DAYS),
    month_names=_MONTHS, abbreviated_month_names=tuple(m[:3] for m in _MONTHS),
    short_date="M/d/yyyy", long_date="dddd, MMMM d, yyyy", short_time="h:mm tt",
    long_time="h:mm:ss tt", month_day="MMMM d", year_month="MMMM yyyy", era="AD",
)

INVARIANT = Culture(
    name="", number_decimal_digits=2, percent_decimal_digits=2, currency_decimal_digits=2,
    currency_symbol="¤", currency_positive="$n", currency_negative="($n)",
    percent_positive="n %", percent_negative="-n %",
    positive_infinity="Infinity", negative_infinity="-Infinity", nan="NaN", am="AM", pm="PM",
    day_names=_DAYS, abbreviated_day_names=tuple(d[:3] for d in _DAYS),
    month_names=_MONTHS, abbreviated_month_names=tuple(m[:3] for m in _MONTHS),
    short_date="MM/dd/yyyy", long_date="dddd, dd MMMM yyyy", short_time="HH:mm",
    long_time="HH:mm:ss", month_day="MMMM dd", year_month="yyyy MMMM", era="A.D.",
)


def culture_by_name(name: str) -> Culture:
    """``en-US`` (any case) or the invariant culture (``""``/``invariant``)."""
    key = name.casefold()
    if key in ("", "invariant", "iv"):
        return INVARIANT
    if key == "en-us":
        return EN_US
    raise RuntimeException(
        f"Culture is not supported. (Parameter 'name')\n{name} is an invalid culture identifier.",
        "System.Globalization.CultureNotFoundException", "InvalidArgument",
        dotnet_type="System.Globalization.CultureNotFoundException")


# -- digits ----------------------------------------------------------------------------------


def _context(value: Decimal, places: int = 0) -> Context:
    """A context wide enough that quantize never runs out of digits."""
    magnitude = value.adjusted() if value.is_finite() and value != 0 else 0
    return Context(prec=max(60, magnitude + places + 10), Emax=10**9, Emin=-(10**9))


def _round(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value`` rounded to ``places`` decimals (negative: tens, hundreds...)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding,
                          context=_context(value, places))


def _digits_of(value: Decimal) -> tuple[str, str]:
    """Integer and fraction digits of a non-negative finite Decimal, without exponent."""
    text = format(value.copy_abs(), "f")
    whole, _, frac = text.partition(".")
    return whole, frac


def _group(whole: str, separator: str = ",") -> str:
    if len(whole) <= 3:
        return whole
    head = len(whole) % 3 or 3
    parts = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
    return separator.join(parts)


def _significant(value: Decimal, precision: int, rounding: str) -> tuple[str, int]:
    """(digits, exponent): ``value`` (non-zero, finite) to ``precision`` significant digits,
    trailing zeros removed, as d.ddd × 10^exponent."""
    exponent = value.adjusted()
    rounded = _round(value.copy_abs(), precision - 1 - exponent, rounding)
    if rounded.adjusted() != exponent:  # 9.99 -> 10.0
        exponent = rounded.adjusted()
    digits = "".join(str(d) for d in rounded.as_tuple().digits).rstrip("0") or "0"
    return digits, exponent


def _general(negative: bool, digits: str, exponent: int, max_digits: int,
             exp_char: str = "E") -> str:
    """.NET's "G" layout: fixed notation unless the exponent is >= ``max_digits`` or < -4
    (Number.Formatting.cs: scientific when Scale > nMaxDigits or Scale < -3)."""
    sign = "-" if negative else ""
    if exponent >= max_digits or exponent < -4:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        esign = "-" if exponent < 0 else "+"
        return f"{sign}{mantissa}{exp_char}{esign}{abs(exponent):02d}"
    if exponent < 0:
        return f"{sign}0.{'0' * (-exponent - 1)}{digits}"
    if len(digits) <= exponent + 1:
        return sign + digits + "0" * (exponent + 1 - len(digits))
    return f"{sign}{digits[:exponent + 1]}.{digits[exponent + 1:]}"


def format_double_general(value: float, precision: int = 15) -> str:
    """``value.ToString("G15", InvariantCulture)``: what PowerShell shows for a double
    (``"$(0.1+0.2)"`` is ``0.3``, ``1/3`` is ``0.333333333333333``, ``1e20`` is ``1E+20``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    negative = math.copysign(1.0, value) < 0
    if value == 0:
        return "-0" if negative else "0"
    if precision == 15 and 1e-4 <= abs(value) < 1e15:
        # the common case, quickly: when the shortest round-trip digits are 15 or fewer
        # they are the G15 digits too, and repr writes them in fixed notation here
        text = repr(value)
        significant = text.replace("-", "").replace(".", "").strip("0")
        if len(significant) <= 15:
            return text[:-2] if text.endswith(".0") else text
    digits, exponent = _significant(Decimal(value), precision, ROUND_HALF_EVEN)
    return _general(negative, digits, exponent, precision)


def _shortest(value: float) -> tuple[str, int]:
    """The shortest digits that read back as ``value`` (Python's repr is that algorithm)."""
    exact = Decimal(repr(abs(value)))
    digits = "".join(str(d) for d in exact.as_tuple().digits).rstrip("0") or "0"
    return digits, exact.adjusted()


def format_double_roundtrip(value: float, culture: Culture = INVARIANT) -> str:
    """``value.ToString()`` in .NET Core 3.0+: the shortest round-trip digits, fixed notation
    for exponents -5 < e < 17 (``'{0}' -f 0.1+0.2`` is ``0.30000000000000004``)."""
    if math.isnan(value):
        return culture.nan
    if math.isinf(value):
        return culture.positive_infinity if value > 0 else culture.negative_infinity
    negative = math.copysign(1.0, value) < 0
    if value == 0:
        return "-0" if negative else "0"
    digits, exponent = _shortest(value)
    return _general(negative, digits, exponent, max(len(digits), 17))


def _single_digits(value: float) -> tuple[str, int]:
    target = struct.unpack("f", struct.pack("f", value))[0]
    for precision in range(1, 10):
        text = f"{abs(target):.{precision - 1}e}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == abs(target):
            exact = Decimal(text)
            return "".join(str(d) for d in exact.as_tuple().digits).rstrip("0") or "0", \
                exact.adjusted()
    return _shortest(target)


def format_single_roundtrip(value: float, culture: Culture = INVARIANT) -> str:
    """``[single]`` ToString(): the shortest digits that round-trip through float32."""
    if math.isnan(value):
        return culture.nan
    if math.isinf(value):
        return culture.positive_infinity if value > 0 else culture.negative_infinity
    negative = math.copysign(1.0, value) < 0
    if value == 0:
        return "-0" if negative else "0"
    try:
        digits, exponent = _single_digits(value)
    except OverflowError:  # beyond float32: .NET would have made it infinity
        return culture.negative_infinity if negative else culture.positive_infinity
    return _general(negative, digits, exponent, max(len(digits), 9))


# -- numbers ---------------------------------------------------------------------------------

_STANDARD = re.compile(r"([A-Za-z])(\d*)")
_NUMERIC_STANDARD = set("CcDdEeFfGgNnPpRrXxBb")


@dataclass(frozen=True)
class _Number:
    """A number to format: its exact value and how .NET would round and size it."""

    value: Decimal
    kind: str  # "int", "double", "single", "decimal"
    bits: int = 32  # for X and B on integers: Int32 or Int64 two's complement

    @property
    def rounding(self) -> str:
        # a double's digits are exact and a tie rounds to even (0.125 F2 is 0.12); a
        # decimal's digits round half away from zero (1.125m F2 is 1.13)
        return ROUND_HALF_UP if self.kind == "decimal" else ROUND_HALF_EVEN


def _pattern(template: str, number: str, symbol: str = "") -> str:
    return template.replace("n", "\0").replace("$", symbol).replace("\0", number)


def _format_standard(number: _Number, letter: str, precision: int | None,
                     culture: Culture) -> str:
    value = number.value
    negative = value.is_signed()
    upper = letter.upper()
    if upper in "DXB":
        if number.kind != "int":
            raise DotNetFormatError(SPECIFIER_ERROR)
        integer = int(value)
        if upper == "D":
            digits = str(abs(integer)).rjust(precision or 0, "0")
            return ("-" if integer < 0 else "") + digits
        if integer < 0:
            integer += 1 << number.bits
        text = format(integer, "b" if upper == "B" else ("X" if letter == "X" else "x"))
        return text.rjust(precision or 0, "0")
    if upper in "FN":
        places = culture.number_decimal_digits if precision is None else precision
        rounded = _round(value, places, number.rounding)
        whole, frac = _digits_of(rounded)
        if upper == "N":
            whole = _group(whole)
        body = whole + ("." + frac if places > 0 else "")
        return ("-" if negative else "") + body
    if upper == "E":
        places = 6 if precision is None else precision
        exp_char = letter
        if value == 0:
            mantissa, exponent = "0" + ("." + "0" * places if places else ""), 0
        else:
            digits, exponent = _significant(value, places + 1, number.rounding)
            digits = digits.ljust(places + 1, "0")
            mantissa = digits[0] + ("." + digits[1:] if places else "")
        esign = "-" if exponent < 0 else "+"
        return f"{'-' if negative else ''}{mantissa}{exp_char}{esign}{abs(exponent):03d}"
    if upper == "C":
        places = culture.currency_decimal_digits if precision is None else precision
        rounded = _round(value, places, number.rounding)
        whole, frac = _digits_of(rounded)
        body = _group(whole) + ("." + frac if places > 0 else "")
        template = culture.currency_negative if negative else culture.currency_positive
        return _pattern(template, body, culture.currency_symbol)
    if upper == "P":
        places = culture.percent_decimal_digits if precision is None else precision
        scaled = value.scaleb(2)  # shift the scale, so 1e21 stays exact
        rounded = _round(scaled, places, number.rounding)
        whole, frac = _digits_of(rounded)
        body = _group(whole) + ("." + frac if places > 0 else "")
        template = culture.percent_negative if negative else culture.percent_positive
        return _pattern(template, body)
    # G and R
    exp_char = "e" if letter in "gr" else "E"
    if upper == "R" or not precision:
        if number.kind == "double":
            return format_double_roundtrip(float(value), culture).replace("E", exp_char)
        if number.kind == "single":
            return format_single_roundtrip(float(value), culture).replace("E", exp_char)
        if number.kind == "decimal":
            return _decimal_text(value)
        return str(int(value))
    if value == 0:
        return "-0" if negative and number.kind in ("double", "single") else "0"
    digits, exponent = _significant(value, precision, number.rounding)
    return _general(negative, digits, exponent, precision, exp_char)


def _decimal_text(value: Decimal) -> str:
    """decimal.ToString(): every digit of the scale, never an exponent, no negative zero."""
    if value == 0:
        value = value.copy_abs()
    text = format(value, "f")
    return text


# custom numeric formats ------------------------------------------------------------------


def _split_sections(fmt: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    i = 0
    quote = ""
    while i < len(fmt):
        ch = fmt[i]
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif ch == "\\" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 1
        elif ch == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections[:3]


@dataclass
class _Token:
    kind: str  # "digit0", "digit#", "point", "literal", "exp"
    text: str = ""
    exp_min: int = 0
    exp_plus: bool = False


def _tokenize_custom(section: str) -> tuple[list[_Token], bool, int, int]:
    """Tokens, grouping on, scaling commas (÷1000 each), percent power (×100/×1000 each)."""
    tokens: list[_Token] = []
    grouping = False
    scale = 0
    power = 0
    pending_commas = 0
    seen_point = False
    seen_digit = False
    i = 0
    n = len(section)
    while i < n:
        ch = section[i]
        if ch in "0#":
            if pending_commas:
                if seen_digit and not seen_point:
                    grouping = True
                pending_commas = 0
            tokens.append(_Token("digit" + ch))
            seen_digit = True
        elif ch == ".":
            if pending_commas:
                scale += pending_commas
                pending_commas = 0
            if not seen_point:
                tokens.append(_Token("point"))
                seen_point = True
        elif ch == ",":
            if seen_digit and not seen_point:
                pending_commas += 1
        elif ch in "%‰":
            power += 2 if ch == "%" else 3
            tokens.append(_Token("literal", ch))
        elif ch in "Ee" and seen_digit and i + 1 < n and (
                section[i + 1] == "0" or (section[i + 1] in "+-" and i + 2 < n
                                          and section[i + 2] == "0")):
            j = i + 1
            plus = False
            if section[j] in "+-":
                plus = section[j] == "+"
                j += 1
            count = 0
            while j < n and section[j] == "0":
                count += 1
                j += 1
            tokens.append(_Token("exp", ch, exp_min=count, exp_plus=plus))
            i = j
            continue
        elif ch in "'\"":
            end = section.find(ch, i + 1)
            if end < 0:
                end = n
            tokens.append(_Token("literal", section[i + 1:end]))
            i = end + 1
            continue
        elif ch == "\\":
            if i + 1 < n:
                tokens.append(_Token("literal", section[i + 1]))
                i += 2
                continue
        else:
            tokens.append(_Token("literal", ch))
        i += 1
    if pending_commas and not seen_point:
        scale += pending_commas  # commas right after the last digit placeholder scale
    return tokens, grouping, scale, power


def _format_custom(number: _Number, fmt: str, culture: Culture) -> str:
    sections = _split_sections(fmt)
    value = number.value
    if number.kind in ("double", "single") and value != 0:
        # .NET formats a double for a custom pattern from its 15 significant digits, then
        # rounds half up: '{0:0.00}' -f 2.675 is 2.68 where F2 gives 2.67
        digits, exponent = _significant(value, 15, ROUND_HALF_EVEN)
        value = Decimal(("-" if value.is_signed() else "") + "0." + digits).scaleb(exponent + 1)
    section = sections[0]
    use_sign = True
    if len(sections) >= 2 and value.is_signed() and value != 0 and sections[1]:
        section, use_sign = sections[1], False  # the negative section draws its own sign
    if len(sections) == 3 and value == 0 and sections[2]:
        section = sections[2]
    tokens, grouping, scale, power = _tokenize_custom(section)
    value = value.scaleb(power - 3 * scale)
    point_index = next((i for i, t in enumerate(tokens) if t.kind == "point"), len(tokens))
    exp_index = next((i for i, t in enumerate(tokens) if t.kind == "exp"), len(tokens))
    end_of_mantissa = min(exp_index, len(tokens))
    int_tokens = [t for t in tokens[:min(point_index, end_of_mantissa)]
                  if t.kind.startswith("digit")]
    frac_tokens = [t for t in tokens[point_index:end_of_mantissa] if t.kind.startswith("digit")]
    negative = value.is_signed()
    magnitude = value.copy_abs()
    exponent_value = 0
    if exp_index < len(tokens) and magnitude != 0:
        wanted = max(1, len(int_tokens))
        exponent_value = magnitude.adjusted() - (wanted - 1)
        magnitude = magnitude.scaleb(-exponent_value)
    places = len(frac_tokens)
    rounded = _round(magnitude, places, ROUND_HALF_UP)
    if exp_index < len(tokens) and rounded != 0 and rounded.adjusted() >= max(1, len(int_tokens)):
        exponent_value += 1
        rounded = _round(magnitude.scaleb(-1), places, ROUND_HALF_UP)
    whole, frac = _digits_of(rounded)
    # integer digits
    min_int = 0
    for index, token in enumerate(int_tokens):
        if token.kind == "digit0":
            min_int = len(int_tokens) - index
            break
    whole = whole.lstrip("0")
    whole = whole.rjust(min_int, "0")
    # fraction digits: trailing '#' positions drop trailing zeros
    last_zero = max((i + 1 for i, t in enumerate(frac_tokens) if t.kind == "digit0"), default=0)
    frac = frac[:places]
    while len(frac) > last_zero and frac.endswith("0"):
        frac = frac[:-1]
    # lay the digits into the pattern: the leftmost placeholder takes any surplus digits
    int_count = len(int_tokens)
    if int_count and len(whole) >= int_count:
        extra = len(whole) - int_count
        slots = [whole[:extra + 1], *whole[extra + 1:]]
    else:
        slots = [""] * (int_count - len(whole)) + list(whole)
    out: list[str] = []
    emitted = 0

    def emit_digits(chunk: str) -> None:
        nonlocal emitted
        for digit in chunk:
            out.append(digit)
            position = len(whole) - 1 - emitted
            emitted += 1
            if grouping and position > 0 and position % 3 == 0:
                out.append(",")

    int_seen = 0
    frac_seen = 0
    for index, token in enumerate(tokens):
        if token.kind.startswith("digit") and index < min(point_index, end_of_mantissa):
            emit_digits(slots[int_seen])
            int_seen += 1
        elif token.kind == "point":
            if int_count == 0:
                emit_digits(whole.lstrip("0"))
            if frac:
                out.append(".")
        elif token.kind.startswith("digit"):
            if frac_seen < len(frac):
                out.append(frac[frac_seen])
            frac_seen += 1
        elif token.kind == "exp":
            esign = "-" if exponent_value < 0 else ("+" if token.exp_plus else "")
            out.append(f"{token.text}{esign}{str(abs(exponent_value)).rjust(token.exp_min, '0')}")
        else:
            out.append(token.text)
    text = "".join(out)
    # .NET Core 3.0+ keeps the sign of a negative value that rounds to zero ((-0.4).ToString
    # ("0") is "-0"), but writes nothing at all when the pattern wrote nothing
    # (pwsh: '{0:#,#}' -f -0.001 is '', '{0:#.##%}' -f -0.0 is '-%')
    if negative and use_sign and text:
        text = "-" + text
    return text


#: width of the typed integers of asrsim.lang.conversions, for X and B
_INTEGER_BITS = {"System.Int64": 64, "System.UInt64": 64, "System.UInt32": 32,
                 "System.Int16": 16, "System.UInt16": 16, "System.Byte": 8, "System.SByte": 8}


def _number_of(value: Any) -> _Number | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        declared = getattr(type(value), "dotnet_type_name", "")
        bits = _INTEGER_BITS.get(declared, 32 if -(2**31) <= value < 2**31 else 64)
        return _Number(Decimal(int(value)), "int", bits)
    if isinstance(value, float):
        kind = "single" if getattr(type(value), "dotnet_type_name", "") == "System.Single" \
            else "double"
        if kind == "single":
            try:
                value = struct.unpack("f", struct.pack("f", value))[0]
            except OverflowError:
                value = math.copysign(math.inf, value)
        if not math.isfinite(value):
            return None
        if kind == "single":
            digits, exponent = _single_digits(value)
            exact = Decimal(("-" if value < 0 else "") + "0." + digits).scaleb(exponent + 1)
            return _Number(exact if value != 0 else Decimal(value), kind)
        return _Number(Decimal(value), kind)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return _Number(value, "decimal")
    return None


def format_number(value: Any, fmt: str, culture: Culture = EN_US) -> str:
    """``value.ToString(fmt, culture)`` for an int, float or Decimal."""
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return culture.nan
        return culture.positive_infinity if value > 0 else culture.negative_infinity
    number = _number_of(value)
    if number is None:
        return str(value)
    if not fmt:
        return _format_standard(number, "G", None, culture)
    match = _STANDARD.fullmatch(fmt)
    if match:
        letter, digits = match.groups()
        if letter not in _NUMERIC_STANDARD:
            raise DotNetFormatError(SPECIFIER_ERROR)
        if len(digits) > 9:
            raise DotNetFormatError(SPECIFIER_ERROR)
        precision = int(digits) if digits else None
        if precision is not None and precision > _MAX_PRECISION:
            raise DotNetFormatError(SPECIFIER_ERROR)
        return _format_standard(number, letter, precision, culture)
    try:
        return _format_custom(number, fmt, culture)
    except (InvalidOperation, ValueError, IndexError, OverflowError) as error:
        raise DotNetFormatError(INPUT_STRING_ERROR) from error


# -- dates -----------------------------------------------------------------------------------

_DATE_STANDARD = "dDfFgGmMoOrRstTuUyY"


def _offset_of(when: dt.datetime) -> dt.timedelta:
    # a naive DateTime is local time, and the simulation's local time is UTC
    offset = when.utcoffset()
    return offset if offset is not None else dt.timedelta(0)


def _ticks_fraction(when: dt.datetime) -> str:
    """The seven digits below the second (DateTime has 100 ns ticks; Python microseconds)."""
    return f"{when.microsecond:06d}0"


def _expand_standard_date(letter: str, culture: Culture) -> tuple[str, Culture]:
    patterns = {
        "d": culture.short_date,
        "D": culture.long_date,
        "f": culture.long_date + " " + culture.short_time,
        "F": culture.long_date + " " + culture.long_time,
        "g": culture.short_date + " " + culture.short_time,
        "G": culture.short_date + " " + culture.long_time,
        "m": culture.month_day, "M": culture.month_day,
        "t": culture.short_time, "T": culture.long_time,
        "y": culture.year_month, "Y": culture.year_month,
        "U": culture.long_date + " " + culture.long_time,
    }
    if letter in patterns:
        return patterns[letter], culture
    invariant = {
        "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
        "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
        "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
        "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    }
    return invariant[letter], INVARIANT


def _repeat(fmt: str, index: int) -> int:
    ch = fmt[index]
    count = 1
    while index + count < len(fmt) and fmt[index + count] == ch:
        count += 1
    return count


def _quoted(fmt: str, index: int) -> tuple[str, int]:
    """The literal text of a quoted run starting at ``index``, and the index after it."""
    quote = fmt[index]
    out: list[str] = []
    i = index + 1
    while i < len(fmt):
        ch = fmt[i]
        if ch == quote:
            return "".join(out), i + 1
        if ch == "\\" and i + 1 < len(fmt):
            out.append(fmt[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 1
    raise DotNetFormatError(f"Cannot find a matching quote character for the character '{quote}'.")


def _custom_date(when: dt.datetime, fmt: str, culture: Culture) -> str:
    out: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        count = _repeat(fmt, i)
        if ch == "d":
            if count <= 2:
                out.append(str(when.day).rjust(count, "0"))
            else:
                weekday = (when.weekday() + 1) % 7
                names = culture.abbreviated_day_names if count == 3 else culture.day_names
                out.append(names[weekday])
        elif ch in "fF":
            if count > 7:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            digits = _ticks_fraction(when)[:count]
            if ch == "F":
                digits = digits.rstrip("0")
                if not digits and out and out[-1].endswith("."):
                    out[-1] = out[-1][:-1]
            out.append(digits)
        elif ch == "g":
            out.append(culture.era)
        elif ch == "h":
            hour = when.hour % 12 or 12
            out.append(str(hour).rjust(min(count, 2), "0"))
        elif ch == "H":
            out.append(str(when.hour).rjust(min(count, 2), "0"))
        elif ch == "K":
            if when.tzinfo is not None:
                offset = _offset_of(when)
                out.append("Z" if offset == dt.timedelta(0) and when.tzinfo is dt.UTC
                           else _offset_text(offset, 3))
        elif ch == "m":
            out.append(str(when.minute).rjust(min(count, 2), "0"))
        elif ch == "M":
            if count <= 2:
                out.append(str(when.month).rjust(count, "0"))
            else:
                names = culture.abbreviated_month_names if count == 3 else culture.month_names
                out.append(names[when.month - 1])
        elif ch == "s":
            out.append(str(when.second).rjust(min(count, 2), "0"))
        elif ch == "t":
            designator = culture.am if when.hour < 12 else culture.pm
            out.append(designator[:1] if count == 1 else designator)
        elif ch == "y":
            if count <= 2:
                out.append(str(when.year % 100).rjust(count, "0"))
            else:
                out.append(str(when.year).rjust(count, "0"))
        elif ch == "z":
            out.append(_offset_text(_offset_of(when), count))
        elif ch == ":":
            out.append(":")
        elif ch == "/":
            out.append("/")
        elif ch in "'\"":
            text, i = _quoted(fmt, i)
            out.append(text)
            continue
        elif ch == "%":
            if i + 1 < n and fmt[i + 1] != "%":
                out.append(_custom_date(when, fmt[i + 1], culture))
                i += 2
                continue
            raise DotNetFormatError(INPUT_STRING_ERROR)
        elif ch == "\\":
            if i + 1 >= n:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            out.append(fmt[i + 1])
            i += 2
            continue
        else:
            out.append(ch)
            i += 1
            continue
        i += count
    return "".join(out)


def _offset_text(offset: dt.timedelta, count: int) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    if count == 1:
        return f"{sign}{hours}"
    if count == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}"


def format_datetime(when: dt.datetime, fmt: str | None = None,
                    culture: Culture = EN_US) -> str:
    """``DateTime.ToString(fmt, culture)``; no format is the culture's "G"."""
    if not fmt:
        fmt = "G"
    if len(fmt) == 1:
        if fmt not in _DATE_STANDARD:
            raise DotNetFormatError(INPUT_STRING_ERROR)
        pattern, pattern_culture = _expand_standard_date(fmt, culture)
        if fmt == "U" and when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        if fmt in "rRuU" and when.tzinfo is not None:
            when = when.astimezone(dt.UTC)
        return _custom_date(when, pattern, pattern_culture)
    return _custom_date(when, fmt, culture)


# -- time spans ------------------------------------------------------------------------------


def _span_parts(span: dt.timedelta) -> tuple[bool, int, int, int, int, int]:
    """(negative, days, hours, minutes, seconds, ticks below the second)."""
    total_us = (span.days * 86400 + span.seconds) * 1_000_000 + span.microseconds
    negative = total_us < 0
    total_us = abs(total_us)
    seconds, micro = divmod(total_us, 1_000_000)
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    days, hour = divmod(hours, 24)
    return negative, days, hour, minute, second, micro * 10


def format_timespan(span: dt.timedelta, fmt: str | None = None,
                    culture: Culture = EN_US) -> str:
    """``TimeSpan.ToString(fmt, culture)``: "c" (the default), "g", "G" or a custom format
    whose literals must be quoted or escaped (``hh\\:mm``)."""
    negative, days, hours, minutes, seconds, ticks = _span_parts(span)
    sign = "-" if negative else ""
    if not fmt or fmt in ("c", "t", "T"):
        text = f"{sign}{f'{days}.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
        return text + (f".{ticks:07d}" if ticks else "")
    if fmt == "g":
        fraction = f"{ticks:07d}".rstrip("0")
        return (f"{sign}{f'{days}:' if days else ''}{hours}:{minutes:02d}:{seconds:02d}"
                + (f".{fraction}" if fraction else ""))
    if fmt == "G":
        return f"{sign}{days}:{hours:02d}:{minutes:02d}:{seconds:02d}.{ticks:07d}"
    if len(fmt) == 1:
        raise DotNetFormatError(INPUT_STRING_ERROR)
    out: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        count = _repeat(fmt, i)
        if ch == "d":
            if count > 8:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            out.append(str(days).rjust(count, "0"))
        elif ch in "hms":
            if count > 2:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            part = {"h": hours, "m": minutes, "s": seconds}[ch]
            out.append(str(part).rjust(count, "0"))
        elif ch in "fF":
            if count > 7:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            digits = f"{ticks:07d}"[:count]
            out.append(digits.rstrip("0") if ch == "F" else digits)
        elif ch in "'\"":
            text, i = _quoted(fmt, i)
            out.append(text)
            continue
        elif ch == "%":
            if i + 1 < n and fmt[i + 1] != "%":
                out.append(_span_single(span, fmt[i + 1]))
                i += 2
                continue
            raise DotNetFormatError(INPUT_STRING_ERROR)
        elif ch == "\\":
            if i + 1 >= n:
                raise DotNetFormatError(INPUT_STRING_ERROR)
            out.append(fmt[i + 1])
            i += 2
            continue
        else:
            # any other character must be quoted: "hh:mm" is a FormatException in .NET
            raise DotNetFormatError(INPUT_STRING_ERROR)
        i += count
    return "".join(out)


def _span_single(span: dt.timedelta, letter: str) -> str:
    """``%h``: one custom specifier on its own."""
    _, days, hours, minutes, seconds, ticks = _span_parts(span)
    if letter == "d":
        return str(days)
    if letter in "hms":
        return str({"h": hours, "m": minutes, "s": seconds}[letter])
    if letter == "f":
        return f"{ticks:07d}"[:1]
    if letter == "F":
        return f"{ticks:07d}"[:1].rstrip("0")
    raise DotNetFormatError(INPUT_STRING_ERROR)


# -- guids -----------------------------------------------------------------------------------


def format_guid(value: uuid.UUID, fmt: str | None = None) -> str:
    text = str(value)
    if not fmt or fmt in "Dd":
        return text
    if fmt in "Nn":
        return value.hex
    if fmt in "Bb":
        return "{" + text + "}"
    if fmt in "Pp":
        return "(" + text + ")"
    if fmt in "Xx":
        h = value.hex
        tail = ",".join("0x" + h[i:i + 2] for i in range(16, 32, 2))
        return "{0x" + h[:8] + ",0x" + h[8:12] + ",0x" + h[12:16] + ",{" + tail + "}}"
    raise DotNetFormatError('Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", '
                            '"X" or "x".')


# -- any value -------------------------------------------------------------------------------


def format_value(value: Any, format_string: str | None = None,
                 culture: Culture | str = EN_US) -> str:
    """``value.ToString(format_string, culture)`` as .NET does it for this value's type.

    Numbers, dates, time spans and Guids honour the format; a string, a character or a
    boolean ignores it (they are not IFormattable); ``$null`` is the empty string; anything
    else is PowerShell's string conversion of it.
    """
    if isinstance(culture, str):
        culture = culture_by_name(culture)
    fmt = format_string or ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return str(value)
    if hasattr(value, "enum_type") and isinstance(value, int):
        # Enum.ToString(format): G (the default) and F are the name, D the number, X hex
        if fmt in ("", "G", "g", "F", "f"):
            return str(value)
        if fmt in ("D", "d"):
            return str(int(value))
        if fmt in ("X", "x"):
            return format(int(value) & 0xFFFFFFFF, "08X" if fmt == "X" else "08x")
        raise DotNetFormatError('Format String can be only "G", "g", "X", "x", "F", "f", "D" or '
                                '"d".')
    if isinstance(value, int | float | Decimal):
        return format_number(value, fmt, culture)
    if isinstance(value, dt.datetime):
        return format_datetime(value, fmt, culture)
    if isinstance(value, dt.timedelta):
        return format_timespan(value, fmt, culture)
    if isinstance(value, uuid.UUID):
        return format_guid(value, fmt)
    from asrsim.lang.conversions import to_string  # conversions builds on this module

    return to_string(value)


def _composite_argument(value: Any, spec: str, culture: Culture) -> str:
    """How String.Format renders one argument: ToString(spec, culture) when the value is
    IFormattable, else its plain ToString() (an array is ``System.Object[]``)."""
    if isinstance(value, list | tuple):
        from asrsim.lang.conversions import type_name_of

        return type_name_of(value)
    if isinstance(value, dict):
        from asrsim.lang.conversions import type_name_of

        return type_name_of(value)
    if isinstance(value, float) and not spec:
        if getattr(type(value), "dotnet_type_name", "") == "System.Single":
            return format_single_roundtrip(value, culture)
        return format_double_roundtrip(value, culture)
    return format_value(value, spec, culture)


def _format_error(position: int, detail: str) -> DotNetFormatError:
    return DotNetFormatError(
        f"{INPUT_STRING_ERROR} Failure to parse near offset {position}. {detail}")


def format_composite(fmt: str, args: Sequence[Any], culture: Culture | str = EN_US) -> str:
    """``String.Format(culture, fmt, args)``: ``{index[,alignment][:format]}`` items,
    ``{{``/``}}`` escapes. Raises DotNetFormatError with .NET's message."""
    if isinstance(culture, str):
        culture = culture_by_name(culture)
    out: list[str] = []
    pos = 0
    n = len(fmt)
    while pos < n:
        ch = fmt[pos]
        if ch == "}":
            if pos + 1 < n and fmt[pos + 1] == "}":
                out.append("}")
                pos += 2
                continue
            raise _format_error(pos, "Unexpected closing brace without a corresponding "
                                "opening brace.")
        if ch != "{":
            out.append(ch)
            pos += 1
            continue
        if pos + 1 < n and fmt[pos + 1] == "{":
            out.append("{")
            pos += 2
            continue
        pos += 1
        if pos >= n:
            raise _format_error(pos, "Format item ends prematurely.")
        if not ("0" <= fmt[pos] <= "9"):
            raise _format_error(pos, "Expected an ASCII digit.")
        index = 0
        while pos < n and "0" <= fmt[pos] <= "9":
            index = index * 10 + ord(fmt[pos]) - 48
            if index >= _LIMIT:
                raise DotNetFormatError("Index (zero based) must be greater than or equal to "
                                        "zero and less than the size of the argument list.")
            pos += 1
        while pos < n and fmt[pos] == " ":
            pos += 1
        alignment = 0
        if pos < n and fmt[pos] == ",":
            pos += 1
            while pos < n and fmt[pos] == " ":
                pos += 1
            left = False
            if pos < n and fmt[pos] == "-":
                left = True
                pos += 1
            if pos >= n:
                raise _format_error(pos, "Format item ends prematurely.")
            if not ("0" <= fmt[pos] <= "9"):
                raise _format_error(pos, "Expected an ASCII digit.")
            while pos < n and "0" <= fmt[pos] <= "9":
                alignment = alignment * 10 + ord(fmt[pos]) - 48
                if alignment >= _LIMIT:
                    raise _format_error(pos, "Format item ends prematurely.")
                pos += 1
            if left:
                alignment = -alignment
            while pos < n and fmt[pos] == " ":
                pos += 1
        spec = ""
        if pos < n and fmt[pos] == ":":
            # the format ends at the first "}" (.NET Core: no escaping inside an item)
            pos += 1
            start = pos
            while pos < n and fmt[pos] != "}":
                if fmt[pos] == "{":
                    raise _format_error(pos, "Unexpected opening brace inside a format item.")
                pos += 1
            spec = fmt[start:pos]
        if pos >= n:
            raise _format_error(pos, "Format item ends prematurely.")
        if fmt[pos] != "}":
            raise _format_error(pos, "Expected '}'.")
        pos += 1
        if index >= len(args):
            raise DotNetFormatError("Index (zero based) must be greater than or equal to zero "
                                    "and less than the size of the argument list.")
        text = _composite_argument(args[index], spec, culture)
        if alignment > 0:
            text = text.rjust(alignment)
        elif alignment < 0:
            text = text.ljust(-alignment)
        out.append(text)
    return "".join(out)
