""".NET format strings (asrsim.lang.dotnet_format), as ``-f``, ``.ToString(fmt)`` and
``Get-Date -Format`` use them.

Expectations are .NET's documented output ("Standard numeric format strings", "Custom
numeric format strings", "Standard/Custom date and time format strings", "TimeSpan format
strings", String.Format) and pwsh 7 measurements where .NET on ICU differs from the
documentation: en-US ``N`` and ``P`` default to three decimals, infinity is ``∞``, a double
rounds to even on an exact tie for F/N/E/P/C but half up on its 15-digit form for a custom
pattern. The time designator uses an ordinary space (Windows; Linux ICU puts U+202F there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import uuid
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrsim.lang.conversions import Byte, Char, Int16, Int64, Single
from asrsim.lang.dotnet_format import (
    EN_US,
    INVARIANT,
    DotNetFormatError,
    format_composite,
    format_datetime,
    format_double_general,
    format_double_roundtrip,
    format_timespan,
    format_value,
)
from asrsim.lang.errors import RuntimeException
from asrsim.lang.psobject import Hashtable, PSObject

WHEN = dt.datetime(2020, 3, 4, 15, 6, 7, 89000)


def f(template: str, *args: Any) -> str:
    return format_composite(template, list(args))


# -- standard numeric formats ----------------------------------------------------------------


@pytest.mark.parametrize(("template", "value", "expected"), [
    ("{0:N2}", 1234.5, "1,234.50"),
    ("{0:N}", 1234.5, "1,234.500"),  # en-US on ICU: NumberDecimalDigits is 3
    ("{0:N0}", 1234567, "1,234,567"),
    ("{0:F2}", 1234.5, "1234.50"),
    ("{0:F3}", 1234.5, "1234.500"),
    ("{0:F0}", 2.5, "2"),
    ("{0:C}", 1234.5, "$1,234.50"),
    ("{0:C}", -1234.5, "-$1,234.50"),
    ("{0:C0}", 1234.5, "$1,234"),
    ("{0:P1}", 0.1234, "12.3%"),
    ("{0:P}", 0.1234, "12.340%"),
    ("{0:P}", -0.5, "-50.000%"),
    ("{0:P2}", 1234.5, "123,450.00%"),
    ("{0:D5}", 42, "00042"),
    ("{0:D5}", -42, "-00042"),
    ("{0:D}", 2**40, "1099511627776"),
    ("{0:X}", 255, "FF"),
    ("{0:X4}", 255, "00FF"),
    ("{0:x4}", 255, "00ff"),
    ("{0:X}", -1, "FFFFFFFF"),  # Int32 two's complement
    ("{0:X}", -(2**40), "FFFFFF0000000000"),  # Int64
    ("{0:E}", 1234.5, "1.234500E+003"),
    ("{0:E2}", 1234.5, "1.23E+003"),
    ("{0:e2}", 1234.5, "1.23e+003"),
    ("{0:E}", 0, "0.000000E+000"),
    ("{0:E3}", 0.000123, "1.230E-004"),
    ("{0:E2}", -1234.5, "-1.23E+003"),
    ("{0:G}", 1234.5, "1234.5"),
    ("{0:G2}", 1234, "1.2E+03"),
    ("{0:G15}", 1 / 3, "0.333333333333333"),
    ("{0:R}", 0.1 + 0.2, "0.30000000000000004"),
    ("{0:B8}", 5, "00000101"),
])
def test_standard_numeric_formats(template: str, value: Any, expected: str) -> None:
    assert f(template, value) == expected


@pytest.mark.parametrize(("template", "value", "expected"), [
    # a double's exact binary value decides, a true tie goes to the even digit
    ("{0:F2}", 0.125, "0.12"),
    ("{0:F2}", 0.135, "0.14"),
    ("{0:F2}", 1.005, "1.00"),
    ("{0:F2}", 2.675, "2.67"),
    ("{0:N0}", 2.5, "2"),
    ("{0:N0}", 3.5, "4"),
    # a decimal's digits round half away from zero
    ("{0:F2}", Decimal("1.125"), "1.13"),
    ("{0:N2}", -0.001, "-0.00"),
    ("{0:N2}", 0, "0.00"),
])
def test_numeric_rounding(template: str, value: Any, expected: str) -> None:
    assert f(template, value) == expected


def test_hex_takes_the_width_of_the_integer_type() -> None:
    # pwsh: '{0:X}' -f [int64]-1 is sixteen Fs
    assert f("{0:X}", Int64(-1)) == "FFFFFFFFFFFFFFFF"
    assert f("{0:X}", Int16(-1)) == "FFFF"
    assert f("{0:X2}", Byte(10)) == "0A"


def test_percent_shifts_the_scale_instead_of_multiplying_the_double() -> None:
    # pwsh: '{0:P}' -f 1e21 is 100,000,000,000,000,000,000,000.000%
    assert f("{0:P}", 1e21) == "100,000,000,000,000,000,000,000.000%"


def test_nan_and_infinity_ignore_the_format() -> None:
    assert f("{0:N2}", math.nan) == "NaN"
    assert f("{0:N2}", math.inf) == "∞"
    assert f("{0:N2}", -math.inf) == "-∞"


@pytest.mark.parametrize("fmt", ["{0:D}", "{0:X}"])
def test_integer_only_formats_refuse_a_double(fmt: str) -> None:
    with pytest.raises(DotNetFormatError) as caught:
        f(fmt, 1.5)
    assert caught.value.message == "Format specifier was invalid."


def test_unknown_single_letter_numeric_format_is_invalid() -> None:
    with pytest.raises(DotNetFormatError, match="Format specifier was invalid"):
        format_value(5, "Z")


def test_invariant_culture_formats() -> None:
    assert format_value(1234.5, "N", INVARIANT) == "1,234.50"
    assert format_value(-1234.5, "C", INVARIANT) == "(¤1,234.50)"
    assert format_value(0.5, "P0", INVARIANT) == "50 %"
    assert format_value(1234.5, "N2", "en-US") == "1,234.50"


# -- default ToString and G15 ----------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (0.1 + 0.2, "0.30000000000000004"),
    (1 / 3, "0.3333333333333333"),
    (0.0001, "0.0001"),
    (0.00001, "1E-05"),
    (1e16, "10000000000000000"),
    (1e17, "1E+17"),
    (1e21, "1E+21"),
    (2.5, "2.5"),
    (-0.0, "-0"),
])
def test_double_tostring_is_shortest_round_trip(value: float, expected: str) -> None:
    # .NET Core 3.0+: Double.ToString() is the shortest string that reads back the same
    assert format_double_roundtrip(value) == expected
    assert f("{0}", value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (0.1 + 0.2, "0.3"),
    (1 / 3, "0.333333333333333"),
    (1e20, "1E+20"),
    (1e15, "1E+15"),
    (123456789012345.0, "123456789012345"),
    (3.14, "3.14"),
    (2147483648.0, "2147483648"),
    (4611686018427387904 * 2.0, "9.22337203685478E+18"),
    (math.nan, "NaN"),
    (math.inf, "Infinity"),
    (-math.inf, "-Infinity"),
])
def test_g15_is_what_powershell_shows_for_a_double(value: float, expected: str) -> None:
    # pwsh: "$(0.1+0.2)" is 0.3 and "$(1/3)" is 0.333333333333333
    assert format_double_general(value) == expected


def test_single_formats_with_its_own_shortest_digits() -> None:
    assert format_value(Single(0.1), "") == "0.1"


# -- custom numeric formats ------------------------------------------------------------------


@pytest.mark.parametrize(("template", "value", "expected"), [
    ("{0:#,##0.00}", 1234.5, "1,234.50"),
    ("{0:0.##}", 1234.5, "1234.5"),
    ("{0:000.0}", 1.5, "001.5"),
    ("{0:#,#}", 1234567, "1,234,567"),
    ("{0:0000}", 42, "0042"),
    ("{0:#.###}", 1.5, "1.5"),
    ("{0:#.00}", -1.5, "-1.50"),
    ("{0:#.00}", 0.5, ".50"),
    ("{0:0.0;(0.0)}", -1.5, "(1.5)"),
    ("{0:0.0;(0.0)}", 1.5, "1.5"),
    ("{0:0.0;(0.0);zero}", 0, "zero"),
    ("{0:0.0%}", 0.5, "50.0%"),
    ("{0:#.##%}", 0.1234, "12.34%"),
    ("{0:0 units}", 3, "3 units"),
    ("{0:\\#0}", 3, "#3"),
    ("{0:'#'0}", 3, "#3"),
    ("{0:ZZZ}", 1234.5, "ZZZ"),
    ("{0:ZZZ}", -1234.5, "-ZZZ"),
    ("{0:#,#}", -0.001, ""),  # pwsh: nothing at all, sign included
    ("{0:#.###}", -0.0, ""),
    ("{0:#.##%}", -0.0, "-%"),  # pwsh: a literal survives, and the sign with it
    ("{0:0}", -0.4, "-0"),  # .NET Core 3.0+ keeps the sign of a negative zero
    ("{0:(###) ###-####}", 5551234567, "(555) 123-4567"),
    ("{0:0,,}", 1234567890, "1235"),
    ("{0:0.00E+00}", 1234.5, "1.23E+03"),
])
def test_custom_numeric_formats(template: str, value: Any, expected: str) -> None:
    assert f(template, value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (0.125, "0.13"),
    (2.675, "2.68"),
    (1.005, "1.01"),
])
def test_custom_format_rounds_half_up_on_fifteen_digits(value: float, expected: str) -> None:
    # pwsh: '{0:0.00}' -f 2.675 is 2.68 where '{0:F2}' gives 2.67
    assert f("{0:0.00}", value) == expected
    assert f("{0:0000}", 2.5) == "0003"


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "expected"), [
    ("d", "3/4/2020"),
    ("D", "Wednesday, March 4, 2020"),
    ("f", "Wednesday, March 4, 2020 3:06 PM"),
    ("F", "Wednesday, March 4, 2020 3:06:07 PM"),
    ("g", "3/4/2020 3:06 PM"),
    ("G", "3/4/2020 3:06:07 PM"),
    ("m", "March 4"),
    ("M", "March 4"),
    ("o", "2020-03-04T15:06:07.0890000"),
    ("O", "2020-03-04T15:06:07.0890000"),
    ("r", "Wed, 04 Mar 2020 15:06:07 GMT"),
    ("s", "2020-03-04T15:06:07"),
    ("t", "3:06 PM"),
    ("T", "3:06:07 PM"),
    ("u", "2020-03-04 15:06:07Z"),
    ("y", "March 2020"),
    ("Y", "March 2020"),
])
def test_standard_date_formats_en_us(fmt: str, expected: str) -> None:
    assert format_datetime(WHEN, fmt) == expected
    assert f("{0:" + fmt + "}", WHEN) == expected


def test_standard_date_formats_invariant() -> None:
    assert format_datetime(WHEN, "G", INVARIANT) == "03/04/2020 15:06:07"
    assert format_datetime(WHEN, "d", INVARIANT) == "03/04/2020"


@pytest.mark.parametrize(("fmt", "expected"), [
    ("yyyy-MM-dd", "2020-03-04"),
    ("yyyy-MM-dd HH:mm", "2020-03-04 15:06"),
    ("HH:mm:ss", "15:06:07"),
    ("hh:mm tt", "03:06 PM"),
    ("h:m:s t", "3:6:7 P"),
    ("dddd", "Wednesday"),
    ("ddd", "Wed"),
    ("MMMM", "March"),
    ("MMM", "Mar"),
    ("%d", "4"),
    ("%H", "15"),
    ("dd/MM/yy", "04/03/20"),
    ("yyyyMMdd'T'HHmmss", "20200304T150607"),
    ("fff", "089"),
    ("ffff", "0890"),
    ("FFFFFFF", "089"),
    ("ss.FFF", "07.089"),
    ("gg", "AD"),
    ("'Day' d", "Day 4"),
    ("\\d\\a\\y d", "day 4"),
])
def test_custom_date_formats(fmt: str, expected: str) -> None:
    assert format_datetime(WHEN, fmt) == expected


def test_f_specifier_drops_trailing_point_when_fraction_is_zero() -> None:
    whole = dt.datetime(2020, 3, 4, 15, 6, 7)
    assert format_datetime(whole, "HH:mm:ss.FFF") == "15:06:07"


def test_default_date_format_is_the_general_pattern() -> None:
    # pwsh (Windows): '{0}' -f ([datetime]'2020-03-04T05:06:07') is 3/4/2020 5:06:07 AM
    assert f("{0}", dt.datetime(2020, 3, 4, 5, 6, 7)) == "3/4/2020 5:06:07 AM"


@pytest.mark.parametrize("fmt", ["h", "q", "x"])
def test_unknown_one_letter_date_format_is_an_error(fmt: str) -> None:
    # pwsh: '{0:h}' -f $d says "Input string was not in a correct format."
    with pytest.raises(DotNetFormatError) as caught:
        format_datetime(WHEN, fmt)
    assert caught.value.message == "Input string was not in a correct format."


def test_unterminated_quote_in_date_format() -> None:
    with pytest.raises(DotNetFormatError, match="matching quote"):
        format_datetime(WHEN, "yyyy 'abc")


def test_offset_of_a_naive_date_is_utc() -> None:
    assert format_datetime(WHEN, "zzz") == "+00:00"
    aware = dt.datetime(2020, 3, 4, 15, 6, 7, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert format_datetime(aware, "zzz") == "-05:00"
    assert format_datetime(aware, "%z") == "-5"


# -- time spans ------------------------------------------------------------------------------


@pytest.mark.parametrize(("span", "fmt", "expected"), [
    (dt.timedelta(hours=1, minutes=30), None, "01:30:00"),
    (dt.timedelta(hours=1, minutes=30), "c", "01:30:00"),
    (dt.timedelta(days=1, hours=2, minutes=3, seconds=4), "c", "1.02:03:04"),
    (dt.timedelta(seconds=1, microseconds=500000), "c", "00:00:01.5000000"),
    (-dt.timedelta(hours=1), "c", "-01:00:00"),
    (dt.timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=500000), "g",
     "1:2:03:04.5"),
    (dt.timedelta(hours=2, minutes=3, seconds=4), "G", "0:02:03:04.0000000"),
    (dt.timedelta(hours=1, minutes=30), "hh\\:mm", "01:30"),
    (dt.timedelta(hours=1, minutes=30), "hh':'mm", "01:30"),
    (dt.timedelta(days=3, hours=1), "%d", "3"),
    (dt.timedelta(days=3, hours=1), "dd\\.hh", "03.01"),
    (dt.timedelta(seconds=5, microseconds=120000), "ss\\.fff", "05.120"),
    (dt.timedelta(seconds=5, microseconds=120000), "ss\\.FFF", "05.12"),
])
def test_timespan_formats(span: dt.timedelta, fmt: str | None, expected: str) -> None:
    assert format_timespan(span, fmt) == expected


def test_timespan_custom_format_needs_escaped_literals() -> None:
    # TimeSpan custom formats have no ':' specifier: "hh:mm" is a FormatException
    with pytest.raises(DotNetFormatError):
        format_timespan(dt.timedelta(hours=1), "hh:mm")
    assert f("{0:hh\\:mm}", dt.timedelta(hours=1, minutes=30)) == "01:30"


# -- guids -----------------------------------------------------------------------------------


def test_guid_formats() -> None:
    guid = uuid.UUID("12345678-9abc-def0-1234-56789abcdef0")
    assert format_value(guid, "") == "12345678-9abc-def0-1234-56789abcdef0"
    assert format_value(guid, "N") == "123456789abcdef0123456789abcdef0"
    assert format_value(guid, "B") == "{12345678-9abc-def0-1234-56789abcdef0}"
    assert format_value(guid, "P") == "(12345678-9abc-def0-1234-56789abcdef0)"
    assert format_value(guid, "X").startswith("{0x12345678,0x9abc,0xdef0,{0x12,")
    with pytest.raises(DotNetFormatError):
        format_value(guid, "Q")


# -- composite formatting --------------------------------------------------------------------


def test_alignment_pads_by_character_count_and_never_truncates() -> None:
    assert f("[{0,10}]", "ab") == "[        ab]"
    assert f("[{0,-10}]", "ab") == "[ab        ]"
    assert f("[{0,4}]", "中文") == "[  中文]"
    assert f("[{0,3}]", "abcdef") == "[abcdef]"
    assert f("[{0,10:N2}]", 1234.5) == "[  1,234.50]"
    assert f("[{0,-8:N2}]", 1.5) == "[1.50    ]"


def test_indices_repeat_reorder_and_extra_arguments_are_ignored() -> None:
    assert f("{0} {0} {1}", "a", "b") == "a a b"
    assert f("{1}{0}", "a", "b") == "ba"
    assert f("{0}", "a", "b") == "a"


def test_brace_escapes() -> None:
    assert f("{{0}} {0}", "x") == "{0} x"
    assert f("}}{{") == "}{"


def test_arguments_that_are_not_formattable() -> None:
    # String.Format calls ToString(): a string and a boolean ignore the specifier, an array
    # is its type name, $null is empty, a PSCustomObject is what "$x" shows
    assert f("{0:N2}", "1234.5") == "1234.5"
    assert f("{0}", True) == "True"
    assert f("{0:N2}", True) == "True"
    assert f("{0}", None) == ""
    assert f("{0}", [1, 2]) == "System.Object[]"
    assert f("{0}", Hashtable({"a": 1})) == "System.Collections.Hashtable"
    assert f("{0}", PSObject({"A": 1})) == "@{A=1}"
    assert f("{0}", Char("x")) == "x"


@pytest.mark.parametrize(("template", "message"), [
    ("{0} {1}", "Index (zero based) must be greater than or equal to zero and less than the "
     "size of the argument list."),
    ("{a}", "Input string was not in a correct format. Failure to parse near offset 1. "
     "Expected an ASCII digit."),
    ("{0", "Input string was not in a correct format. Failure to parse near offset 2. "
     "Format item ends prematurely."),
    ("{0:0}}0}", "Input string was not in a correct format. Failure to parse near offset 5. "
     "Unexpected closing brace without a corresponding opening brace."),
    ("x}", "Input string was not in a correct format. Failure to parse near offset 1. "
     "Unexpected closing brace without a corresponding opening brace."),
])
def test_composite_format_errors_carry_dotnet_messages(template: str, message: str) -> None:
    with pytest.raises(DotNetFormatError) as caught:
        f(template, "a")
    assert caught.value.message == message
    assert isinstance(caught.value, RuntimeException)


def test_format_value_of_other_values() -> None:
    assert format_value(None) == ""
    assert format_value(True, "N2") == "True"
    assert format_value("abc", "N2") == "abc"
    assert format_value(42, "") == "42"
    assert format_value(Decimal("1.50"), "") == "1.50"
    assert format_value(WHEN, "") == "3/4/2020 3:06:07 PM"
    assert format_value(dt.timedelta(minutes=5)) == "00:05:00"
    assert format_value([1, 2]) == "1 2"
    assert EN_US.currency_symbol == "$"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(), st.floats(), st.decimals(allow_nan=False),
                 st.datetimes(), st.timedeltas(), st.text(max_size=5)),
       st.text(max_size=8))
def test_format_value_raises_only_runtime_exceptions(value: Any, fmt: str) -> None:
    try:
        format_value(value, fmt)
    except RuntimeException as error:
        assert error.__cause__ is None or isinstance(error.__cause__, RuntimeException)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.lists(st.one_of(st.integers(), st.floats(), st.none(),
                                                st.text(max_size=3)), max_size=3))
def test_format_composite_raises_only_format_errors(template: str, args: list[Any]) -> None:
    with contextlib.suppress(DotNetFormatError):
        format_composite(template, args)
