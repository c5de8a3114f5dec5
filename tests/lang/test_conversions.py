"""LanguagePrimitives (asrsim.lang.conversions) and type literals (asrsim.lang.types).

Each expectation is what PowerShell 7 documents (about_Booleans, about_Type_Conversion,
about_Comparison_Operators, about_Numeric_Literals, about_Hash_Tables, about_Regular_Expressions)
or, where the topics are silent, what pwsh 7 does (quoted as ``pwsh: ...``), with error ids and
messages from PowerShell's ExtendedTypeSystem.resx and LanguagePrimitives.cs.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import re
import uuid
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asrsim.lang.conversions import (
    Byte,
    Char,
    EnumValue,
    Int16,
    Int64,
    RegexParseError,
    SByte,
    Single,
    UInt16,
    UInt32,
    UInt64,
    Version,
    compare,
    compile_regex,
    convert_to,
    equals,
    matches_table,
    parse_number,
    to_bool,
    to_number,
    to_string,
    translate_regex,
    type_name_of,
)
from asrsim.lang.errors import RuntimeException
from asrsim.lang.psobject import NOTHING, ArrayList, Hashtable, PSObject
from asrsim.lang.types import (
    GenericList,
    PSEnumType,
    PSType,
    TypedArray,
    TypeRegistry,
    default_types,
    standard_enums,
)

TYPES = default_types()
# the enums asrsim.lang.enums registers in a session are PSEnumTypes here, as a registry
# that holds them all
for _enum in standard_enums():
    if TYPES.resolve(_enum.full_name) is None:
        TYPES.register(_enum, _enum.name)


def T(name: str) -> PSType:  # reads like the type literal it stands for
    resolved = TYPES.resolve(name)
    assert resolved is not None, name
    return resolved


def cast(name: str, value: Any) -> Any:
    return convert_to(value, T(name))


def cast_error(name: str, value: Any) -> RuntimeException:
    with pytest.raises(RuntimeException) as caught:
        cast(name, value)
    return caught.value


def error_of(call: Any, *args: Any) -> RuntimeException:
    with pytest.raises(RuntimeException) as caught:
        call(*args)
    return caught.value


# -- to_bool ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    # about_Booleans: $null, 0, '' and empty arrays are false; other strings are true
    (None, False), (NOTHING, False), (False, False), (True, True),
    (0, False), (1, True), (-1, True), (0.0, False), (0.5, True), (Decimal(0), False),
    ("", False), ("0", True), ("False", True), (" ", True),
    ([], False), ([0], False), ([1], True), (["False"], True), ([0, 0], True),
    ([[]], False), ([[0]], True), ([None], False),
    (Hashtable(), True), (PSObject(), True), (dt.datetime(2026, 3, 2), True),
    (dt.timedelta(0), True), (Char("\0"), True),
])
def test_to_bool_follows_powershell_truthiness(value: Any, expected: bool) -> None:
    assert to_bool(value) is expected


def test_bool_cast_is_truthiness() -> None:
    # about_Booleans: [bool]'False' is $true, because the string is not empty
    assert cast("bool", "False") is True
    assert cast("bool", "") is False
    assert cast("bool", None) is False
    assert cast("boolean", [0]) is False
    assert cast("switch", 1) is True


# -- to_string -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""), (NOTHING, ""), (True, "True"), (False, "False"), (42, "42"), (-7, "-7"),
    (2**40, "1099511627776"),
    (0.1, "0.1"), (1e20, "1E+20"), (3.14, "3.14"), (1.0, "1"), (0.1 + 0.2, "0.3"),
    (1 / 3, "0.333333333333333"), (2147483648.0, "2147483648"), (math.nan, "NaN"),
    (math.inf, "Infinity"), (Decimal("1.50"), "1.50"), (Decimal("1E+2"), "100"),
    (Single(0.1), "0.1"),
    ("text", "text"), (Char("x"), "x"),
    (dt.datetime(2026, 3, 2, 8, 0), "03/02/2026 08:00:00"),
    (dt.timedelta(hours=1, minutes=30), "01:30:00"),
    (dt.timedelta(days=1, hours=2, minutes=3, seconds=4), "1.02:03:04"),
    (dt.timedelta(seconds=1, microseconds=500000), "00:00:01.5000000"),
    (uuid.UUID("12345678-1234-1234-1234-1234567890AB"), "12345678-1234-1234-1234-1234567890ab"),
    (Hashtable({"a": 1}), "System.Collections.Hashtable"),
    (Hashtable({"a": 1}, ordered=True), "System.Collections.Specialized.OrderedDictionary"),
    (Version(1, 2, 3), "1.2.3"),
    (ipaddress.ip_address("10.0.0.1"), "10.0.0.1"),
    (re.compile("a+b"), "a+b"),
])
def test_to_string_scalars(value: Any, expected: str) -> None:
    assert to_string(value) == expected


def test_to_string_joins_collections_with_ofs() -> None:
    # about_Preference_Variables ($OFS): "$(1,2,3)" is "1 2 3"
    assert to_string([1, 2, 3]) == "1 2 3"
    assert to_string([1, 2, 3], ",") == "1,2,3"
    assert to_string([1, None, "a"]) == "1  a"
    assert to_string([]) == ""
    assert to_string([1, [2, 3]]) == "1 2 3"
    assert to_string(ArrayList([1, 2])) == "1 2"


def test_to_string_of_a_list_holding_itself_stops() -> None:
    items: list[Any] = [1]
    items.append(items)
    assert to_string(items).startswith("1 1 1")


def test_to_string_of_psobjects() -> None:
    # a PSCustomObject converts to @{name=value; ...}; collections inside are not enumerated
    custom = PSObject([("a", 1), ("b", "x"), ("c", None), ("d", [1, 2])])
    assert to_string(custom) == "@{a=1; b=x; c=; d=System.Object[]}"
    assert to_string(PSObject()) == ""
    typed = PSObject([("Name", "vm1")], ["Microsoft.HyperV.PowerShell.VirtualMachine"])
    assert to_string(typed) == "Microsoft.HyperV.PowerShell.VirtualMachine"
    with_method = PSObject([("Name", "vm1")], ["X"], methods={"ToString": lambda: "vm1"})
    assert to_string(with_method) == "vm1"
    renamed = PSObject([("a", 1)], ["My.Type", "System.Management.Automation.PSCustomObject"])
    assert to_string(renamed) == "@{a=1}"


def test_to_string_of_a_type_literal_is_its_powershell_name() -> None:
    # pwsh: "$([int])" is int; [string][string[]] is string[]
    assert to_string(T("int")) == "int"
    assert to_string(T("string[]")) == "string[]"
    assert to_string(T("System.IO.Path")) == "System.IO.Path"


def test_to_string_of_objects_naming_their_dotnet_type() -> None:
    class Sb:
        dotnet_type_name = "System.Text.StringBuilder"

    class Texted:
        dotnet_type_name = "Some.Type"

        def __str__(self) -> str:
            return "custom text"

    assert to_string(Sb()) == "System.Text.StringBuilder"
    assert to_string(Texted()) == "custom text"


# -- numbers from strings --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # about_Numeric_Literals
    ("5", 5), ("-5", -5), ("+5", 5), (" 5 ", 5), ("5.5", 5.5), (".5", 0.5), ("1e3", 1000.0),
    ("0x10", 16), ("0xFF", 255), ("0xFFFFFFFF", -1), ("0x80000000", -2147483648),
    ("0x100000000", 4294967296), ("0b101", 5),
    ("2147483648", 2147483648), ("99999999999999999999", Decimal("99999999999999999999")),
    ("1kb", 1024), ("1mb", 1048576), ("1gb", 1073741824), ("1.5kb", 1536.0), ("1KB", 1024),
    ("1d", Decimal(1)), ("1.5d", Decimal("1.5")), ("10l", Int64(10)), ("5u", UInt32(5)),
    ("5y", SByte(5)), ("5uy", Byte(5)), ("5s", Int16(5)), ("5us", UInt16(5)),
    ("5ul", UInt64(5)), ("0xFFFFFFFFl", Int64(4294967295)), ("0xFFl", Int64(255)), ("1n", 1),
])
def test_parse_number_reads_powershell_literals(text: str, expected: Any) -> None:
    value = parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", ["", "abc", "Infinity", "NaN", "1,000", "0x", "1e", "--1",
                                  "300y", "1 2", "0xFFFFFFFFFFFFFFFFF"])
def test_parse_number_refuses_what_is_not_a_literal(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("5", 5), ("5.5", 5.5), ("0x10", 16), ("", 0), ("  ", 0), (None, 0), (True, 1),
    (False, 0), (" 2 ", 2), ("1,000", 1000), ("1e3", 1000.0), (7, 7), (2.5, 2.5),
    (Decimal("1.5"), Decimal("1.5")), (Char("A"), 65),
])
def test_to_number(value: Any, expected: Any) -> None:
    # what arithmetic makes of an operand: "5" - 1 is 4
    result = to_number(value)
    assert result == expected
    assert type(result) is type(expected)


def test_to_number_errors_like_a_conversion_to_int32() -> None:
    # pwsh: 'a' - 1 says Cannot convert value "a" to type "System.Int32"
    error = error_of(to_number, "abc")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert error.message == ('Cannot convert value "abc" to type "System.Int32". Error: "The '
                             "input string 'abc' was not in a correct format.\"")
    assert error_of(to_number, [1]).record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"


# -- integer casts ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    # about_Arithmetic_Operators, "Division and rounding": to nearest, ties to even
    (2.5, 2), (3.5, 4), (-2.5, -2), (1.9, 2), (Decimal("2.5"), 2), (Decimal("3.5"), 4),
    ("2.5", 2), ("1.5", 2), ("42", 42), (" 42 ", 42), ("0x10", 16), ("1e3", 1000),
    ("1,000", 1000), ("1kb", 1024), ("", 0), (None, 0), (True, 1), (Char("A"), 65),
    ("-7", -7),
])
def test_int_cast(value: Any, expected: int) -> None:
    assert cast("int", value) == expected


def test_int_cast_of_a_string_that_is_not_a_number() -> None:
    error = cast_error("int", "abc")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert error.record.category == "InvalidArgument"
    assert error.message == ('Cannot convert value "abc" to type "System.Int32". Error: '
                             "\"The input string 'abc' was not in a correct format.\"")


def test_int_cast_overflow() -> None:
    error = cast_error("int", 2147483648)
    assert error.record.fully_qualified_error_id == "InvalidCastIConvertible"
    assert error.message == ('Cannot convert value "2147483648" to type "System.Int32". Error: '
                             '"Value was either too large or too small for an Int32."')
    error = cast_error("int", "99999999999")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert "too large or too small for an Int32" in error.message
    assert "unsigned byte" in cast_error("byte", 256).message
    assert cast_error("int", math.nan).record.fully_qualified_error_id == \
        "InvalidCastIConvertible"
    assert cast("long", 2**40) == 2**40
    assert cast("byte", "255") == 255
    assert cast("uint64", 2**64 - 1) == 2**64 - 1


def test_int_cast_of_a_collection_is_not_possible() -> None:
    error = cast_error("int", [1, 2])
    assert error.record.fully_qualified_error_id == "ConvertToFinalInvalidCastException"
    assert error.message == ('Cannot convert the "System.Object[]" value of type '
                             '"System.Object[]" to type "System.Int32".')


def test_integer_casts_keep_their_dotnet_type() -> None:
    # [long]'123' is an Int64 even though the value would fit an Int32
    for name, type_name in (("long", "System.Int64"), ("byte", "System.Byte"),
                            ("short", "System.Int16"), ("uint", "System.UInt32"),
                            ("ulong", "System.UInt64"), ("sbyte", "System.SByte"),
                            ("ushort", "System.UInt16"), ("int", "System.Int32")):
        value = cast(name, "123")
        assert value == 123
        assert type_name_of(value) == type_name
        assert T(name).is_instance(value)
        assert to_string(value) == "123"
    assert not T("int").is_instance(cast("long", 5))
    assert not T("long").is_instance(5)
    assert T("long").is_instance(2**40)
    assert type(cast("int", "5")) is int
    assert type_name_of(T("long").default) == "System.Int64"


def test_bigint_truncates() -> None:
    # about_Arithmetic_Operators: [bigint]1.9 is 1
    assert cast("bigint", 1.9) == 1
    assert cast("bigint", "123456789012345678901234567890") == 123456789012345678901234567890


# -- real and decimal casts ------------------------------------------------------------------


def test_double_cast() -> None:
    assert cast("double", "1.5") == 1.5
    assert cast("double", "1,000.5") == 1000.5
    assert cast("double", "1e3") == 1000.0
    assert cast("double", 3) == 3.0 and isinstance(cast("double", 3), float)
    assert math.isinf(cast("double", "Infinity"))
    assert math.isnan(cast("double", "NaN"))
    assert cast("double", None) == 0.0
    error = cast_error("double", "abc")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToDoubleOrSingle"
    assert error.message.startswith('Cannot convert value "abc" to type "System.Double".')


def test_single_cast_rounds_to_float32() -> None:
    value = cast("float", 0.1)
    assert isinstance(value, Single)
    assert type_name_of(value) == "System.Single"
    assert to_string(value) == "0.1"


def test_decimal_cast() -> None:
    assert cast("decimal", "0.1") == Decimal("0.1")
    assert str(cast("decimal", "1.50")) == "1.50"
    # Convert.ToDecimal(double) keeps 15 significant digits
    assert cast("decimal", 0.1) == Decimal("0.1")
    assert cast("decimal", 0.1 + 0.2) == Decimal("0.3")
    assert cast("decimal", 5) == Decimal(5)
    error = cast_error("decimal", "abc")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToDecimal"
    assert "too large or too small for a Decimal" in cast_error("decimal", 1e30).message


# -- string and char casts -------------------------------------------------------------------


def test_string_cast() -> None:
    assert cast("string", None) == ""
    assert cast("string", [1, 2]) == "1 2"
    assert cast("string", 1.5) == "1.5"
    assert cast("string", True) == "True"


def test_char_cast() -> None:
    assert cast("char", "a") == "a" and isinstance(cast("char", "a"), Char)
    assert cast("char", 65) == "A"
    assert cast("char", None) == "\0"
    error = cast_error("char", "ab")
    assert error.record.fully_qualified_error_id == "InvalidCastParseTargetInvocation"
    assert error.message == ('Cannot convert value "ab" to type "System.Char". Error: "String '
                             'must be exactly one character long."')
    assert "character" in cast_error("char", 70000).message
    assert cast_error("char", 65.5).message.endswith("\"Invalid cast from 'Double' to 'Char'.\"")


# -- dates, spans, guids, versions, addresses, regexes ---------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-02", dt.datetime(2026, 3, 2)),
    ("2026-03-02T10:30:00", dt.datetime(2026, 3, 2, 10, 30)),
    ("2026-03-02 10:30", dt.datetime(2026, 3, 2, 10, 30)),
    ("2026-03-02T10:30:00.5", dt.datetime(2026, 3, 2, 10, 30, 0, 500000)),
    ("2026-03-02T10:30:00Z", dt.datetime(2026, 3, 2, 10, 30)),
    ("2026-03-02T10:30:00+02:00", dt.datetime(2026, 3, 2, 8, 30)),
    ("03/02/2026", dt.datetime(2026, 3, 2)),  # the invariant culture is month first
    ("3/2/2026 10:30 PM", dt.datetime(2026, 3, 2, 22, 30)),
    ("03/02/2026 12:00:00 AM", dt.datetime(2026, 3, 2)),
    ("March 2, 2026", dt.datetime(2026, 3, 2)),
    ("2 March 2026 08:00", dt.datetime(2026, 3, 2, 8)),
    ("Monday, March 2, 2026", dt.datetime(2026, 3, 2)),
    ("Mon, 02 Mar 2026 08:00:00 GMT", dt.datetime(2026, 3, 2, 8)),
    ("2026/03/02", dt.datetime(2026, 3, 2)),
    ("3/2/26", dt.datetime(2026, 3, 2)),
])
def test_datetime_cast_parses_invariant_forms(text: str, expected: dt.datetime) -> None:
    assert cast("datetime", text) == expected


def test_datetime_cast_errors() -> None:
    error = cast_error("datetime", "not a date")
    assert error.record.fully_qualified_error_id == "InvalidCastParseTargetInvocation"
    assert error.message.startswith('Cannot convert value "not a date" to type "System.DateTime".')
    for text in ("2026-02-30", "13/01/2026", "10:30", "25:00 2026-03-02"):
        cast_error("datetime", text)
    error = cast_error("datetime", None)
    assert error.record.fully_qualified_error_id == "nullToObjectInvalidCast"
    assert error.message == 'Cannot convert null to type "System.DateTime".'
    assert cast("datetime", 0) == dt.datetime(1, 1, 1)


def test_timespan_cast() -> None:
    assert cast("timespan", "01:30:00") == dt.timedelta(hours=1, minutes=30)
    assert cast("timespan", "1:30") == dt.timedelta(hours=1, minutes=30)
    assert cast("timespan", "1.02:03:04.5") == dt.timedelta(days=1, hours=2, minutes=3,
                                                            seconds=4, microseconds=500000)
    assert cast("timespan", "-00:00:05") == dt.timedelta(seconds=-5)
    assert cast("timespan", "3") == dt.timedelta(days=3)
    assert cast("timespan", 10_000_000) == dt.timedelta(seconds=1)  # ticks
    error = cast_error("timespan", "25:00:00")
    assert "out of range" in error.message
    assert cast_error("timespan", "abc").message.endswith(
        "\"String 'abc' was not recognized as a valid TimeSpan.\"")


def test_guid_cast() -> None:
    expected = uuid.UUID("12345678-1234-1234-1234-1234567890ab")
    for text in ("12345678-1234-1234-1234-1234567890AB", "123456781234123412341234567890ab",
                 "{12345678-1234-1234-1234-1234567890ab}",
                 "(12345678-1234-1234-1234-1234567890ab)"):
        assert cast("guid", text) == expected
    error = cast_error("guid", "abc")
    assert error.message == ('Cannot convert value "abc" to type "System.Guid". Error: '
                             '"Unrecognized Guid format."')
    cast_error("guid", "1234-5678")


def test_version_cast() -> None:
    version = cast("version", "1.2.3")
    assert isinstance(version, Version) and str(version) == "1.2.3"
    assert cast("version", "10.0") > cast("version", "9.9.9")
    assert cast("version", None) is None
    assert "too short or too long" in cast_error("version", "1").message
    assert type_name_of(version) == "System.Version"


def test_ipaddress_cast() -> None:
    assert cast("ipaddress", "10.0.0.1") == ipaddress.IPv4Address("10.0.0.1")
    assert cast("ipaddress", "::1") == ipaddress.IPv6Address("::1")
    # IPAddress(long) takes the bytes little-endian: 16777343 is 127.0.0.1
    assert cast("ipaddress", 16777343) == ipaddress.IPv4Address("127.0.0.1")
    assert type_name_of(cast("ipaddress", "10.0.0.1")) == "System.Net.IPAddress"
    assert "invalid IP address" in cast_error("ipaddress", "10.0.0.300").message


def test_regex_cast() -> None:
    pattern = cast("regex", r"(?<n>\d+)")
    assert isinstance(pattern, re.Pattern)
    assert pattern.search("ab12").group("n") == "12"  # type: ignore[union-attr]
    assert cast("regex", "abc").search("ABC") is None  # new Regex(s) is case-sensitive
    error = cast_error("regex", "[")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToRegex"
    assert error.message == ('Cannot convert value "[" to type '
                             '"System.Text.RegularExpressions.Regex". Error: "Invalid pattern '
                             "'[' at offset 1. Unterminated [] set.\"")


def test_scriptblock_cast_of_a_string_is_refused() -> None:
    error = cast_error("scriptblock", "Get-Date")
    assert error.record.fully_qualified_error_id == "ConvertToFinalInvalidCastException"
    assert error.message == ('Cannot convert the "Get-Date" value of type "System.String" to type '
                             '"System.Management.Automation.ScriptBlock".')

    class Block:
        dotnet_type_name = "System.Management.Automation.ScriptBlock"

    block = Block()
    assert cast("scriptblock", block) is block
    assert cast("scriptblock", None) is None


# -- enums ---------------------------------------------------------------------------------


def test_enum_cast_from_a_name() -> None:
    # LanguagePrimitives.EnumSingleTypeConverter: names match case-insensitively, with wildcards
    friday = cast("System.DayOfWeek", "friday")
    assert isinstance(friday, EnumValue)
    assert friday == 5 and str(friday) == "Friday" and to_string(friday) == "Friday"
    assert type_name_of(friday) == "System.DayOfWeek"
    assert cast("DayOfWeek", "fri*") == friday
    assert cast("DayOfWeek", 5) == friday
    assert cast("DayOfWeek", " 5 ") == friday
    assert cast("int", friday) == 5
    assert T("DayOfWeek").is_instance(friday)
    assert not T("int").is_instance(friday)
    assert T("DayOfWeek").value_of("MONDAY") == 1  # type: ignore[attr-defined]
    assert T("DayOfWeek").member("friday") == friday  # type: ignore[attr-defined]
    assert cast("ActionPreference", "stop") == 1  # found in System.Management.Automation
    assert cast("consolecolor", "Red") == 12


def test_flags_enum_cast() -> None:
    both = cast("System.IO.FileAttributes", "ReadOnly, Hidden")
    assert both == 3 and str(both) == "ReadOnly, Hidden"
    assert cast("System.IO.FileAttributes", ["Hidden", "System"]) == 6
    assert str(cast("System.Text.RegularExpressions.RegexOptions", 0)) == "None"


@pytest.mark.parametrize(("value", "error_id"), [
    ("Fooday", "InvalidCastEnumStringNotFound"),
    ("Monday,Tuesday", "InvalidCastEnumCommaAndNoFlags"),
    ("S*", "InvalidCastEnumTwoStringsFoundAndNoFlags"),
    ("", "InvalidCastEnumFromEmptyString"),
    (9, "UndefinedIntegerToEnum"),
    (None, "nullToObjectInvalidCast"),
])
def test_enum_cast_errors(value: Any, error_id: str) -> None:
    error = cast_error("System.DayOfWeek", value)
    assert error.record.fully_qualified_error_id == error_id


def test_enum_not_found_message() -> None:
    # pwsh 7 says which names it knows
    error = cast_error("System.DayOfWeek", "Fooday")
    assert error.message == (
        'Cannot convert value "Fooday" to type "System.DayOfWeek". Error: "Unable to match the '
        "identifier name Fooday to a valid enumerator name. Specify one of the following "
        "enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, "
        'Friday, Saturday"')


def test_enum_comparisons() -> None:
    friday = cast("DayOfWeek", "Friday")
    assert equals(friday, "FRIDAY") and equals("Friday", friday) and equals(friday, 5)
    assert not equals(friday, "Monday")
    assert compare(cast("DayOfWeek", "Monday"), "Friday") < 0
    assert not to_bool(cast("DayOfWeek", "Sunday"))


def test_custom_enum_registration() -> None:
    registry = default_types()
    state = PSEnumType("Contoso.ReplicationState", ("NotReplicating", "Replicating", "Paused"))
    registry.register(state, "replicationstate")
    value = registry.resolve("ReplicationState").convert("paused")  # type: ignore[union-attr]
    assert str(value) == "Paused" and value == 2


# -- collections and objects -----------------------------------------------------------------


def test_pscustomobject_cast_of_a_hashtable() -> None:
    # about_PSCustomObject: the properties take the hashtable's order
    result = cast("pscustomobject", Hashtable([("b", 1), ("a", 2)]))
    assert isinstance(result, PSObject)
    assert result.property_names() == ["b", "a"]
    assert result.type_name == "System.Management.Automation.PSCustomObject"
    assert cast("pscustomobject", 5) == 5
    assert cast("psobject", Hashtable({"a": 1})) == Hashtable({"a": 1})


def test_ordered_cast() -> None:
    result = cast("ordered", Hashtable([("b", 1), ("a", 2)]))
    assert isinstance(result, Hashtable) and result.ordered
    assert list(result) == ["b", "a"]
    assert type_name_of(result) == "System.Collections.Specialized.OrderedDictionary"
    error = cast_error("ordered", 5)
    assert error.record.fully_qualified_error_id == "OrderedAttributeOnlyOnHashLiteralNode"


def test_hashtable_cast() -> None:
    table = Hashtable({"a": 1})
    assert cast("hashtable", table) is table
    unordered = cast("hashtable", Hashtable({"a": 1}, ordered=True))
    assert not unordered.ordered
    assert cast_error("hashtable", 5).record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"


def test_array_casts_convert_each_element() -> None:
    # about_Type_Conversion: [int[]]'1' is an array holding 1
    result = cast("int[]", "1")
    assert result == [1] and isinstance(result, TypedArray)
    assert type_name_of(result) == "System.Int32[]"
    assert cast("int[]", ["1", 2.5, "3.5"]) == [1, 2, 4]
    assert cast("string[]", [1, True]) == ["1", "True"]
    assert cast("string[]", None) is None
    assert cast("char[]", "ab") == ["a", "b"]
    assert cast("array", 5) == [5]
    assert cast("object[]", (1, 2)) == [1, 2]
    error = cast_error("int[]", ["1", "x"])
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"


def test_generic_list_and_arraylist() -> None:
    items = cast("System.Collections.Generic.List[string]", [1, 2])
    assert isinstance(items, GenericList) and items == ["1", "2"]
    assert type_name_of(items) == "System.Collections.Generic.List`1[System.String]"
    assert T("System.Collections.Generic.List[string]").is_instance(items)
    assert not T("System.Collections.Generic.List[int]").is_instance(items)
    array_list = cast("System.Collections.ArrayList", [1, 2])
    assert isinstance(array_list, ArrayList) and array_list == [1, 2]
    assert type_name_of(array_list) == "System.Collections.ArrayList"
    assert cast("System.Collections.ArrayList", 10) == []  # new ArrayList(capacity)


def test_void_cast_is_nothing() -> None:
    assert cast("void", 5) is NOTHING


def test_static_only_types_resolve_but_do_not_convert() -> None:
    for name in ("math", "convert", "environment", "console", "System.IO.Path", "IO.Path",
                 "System.Text.StringBuilder", "Text.StringBuilder", "ciminstance"):
        assert TYPES.resolve(name) is not None, name
    assert cast_error("math", 1).record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"


def test_type_cast_resolves_a_name() -> None:
    assert cast("type", "int") == T("System.Int32")
    assert cast_error("type", "no.such.type").record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"


def test_default_values() -> None:
    assert T("int").default == 0
    assert T("string").default == ""
    assert T("bool").default is False
    assert T("datetime").default == dt.datetime(1, 1, 1)
    assert T("hashtable").default is None


# -- -is -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "name", "expected"), [
    (1, "int", True), (1, "int32", True), (1, "System.Int32", True), (1, "long", False),
    (2**40, "long", True), (1, "object", True), (1, "valuetype", True), (1, "string", False),
    ("a", "string", True), (Char("a"), "char", True), (Char("a"), "string", False),
    (1.5, "double", True), (Decimal(1), "decimal", True), (True, "bool", True),
    ([1], "array", True), ([1], "object[]", True), ([1], "int[]", False),
    (ArrayList([1]), "System.Collections.ArrayList", True), (ArrayList(), "array", False),
    (Hashtable(), "hashtable", True), (Hashtable(ordered=True), "hashtable", False),
    (Hashtable(ordered=True), "ordered", True), (Hashtable(), "System.Collections.IDictionary",
                                                  True),
    (PSObject(), "pscustomobject", True), (PSObject(), "psobject", True), (1, "psobject", False),
    (dt.datetime(2026, 1, 1), "datetime", True), (dt.timedelta(1), "timespan", True),
    (uuid.uuid4(), "guid", True), (re.compile("a"), "regex", True),
    (None, "object", False), (NOTHING, "object", False), (T("int"), "type", True),
])
def test_is_instance(value: Any, name: str, expected: bool) -> None:
    assert T(name).is_instance(value) is expected


def test_is_instance_of_psobject_type_names_and_exceptions() -> None:
    cim = PSObject([("Name", "x")], ["Microsoft.Management.Infrastructure.CimInstance",
                                      "System.Object"])
    assert T("ciminstance").is_instance(cim)
    error = RuntimeException("boom")
    assert T("System.Management.Automation.RuntimeException").is_instance(error)
    assert T("System.Exception").is_instance(error)
    assert not T("System.ArgumentException").is_instance(error)


# -- the registry ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "full_name"), [
    ("int", "System.Int32"), ("INT", "System.Int32"), ("Int32", "System.Int32"),
    ("[int]", "System.Int32"), ("System.Int32", "System.Int32"), ("long", "System.Int64"),
    ("float", "System.Single"), ("single", "System.Single"), ("boolean", "System.Boolean"),
    ("psobject", "System.Management.Automation.PSObject"),
    ("pscustomobject", "System.Management.Automation.PSObject"),
    ("ordered", "System.Collections.Specialized.OrderedDictionary"),
    ("hashtable", "System.Collections.Hashtable"), ("array", "System.Array"),
    ("string[]", "System.String[]"), ("int[][]", "System.Int32[][]"),
    ("System.Object[]", "System.Object[]"), ("math", "System.Math"),
    ("System.Collections.Generic.List[string]", "System.Collections.Generic.List`1[System.String]"),
    ("System.Collections.Generic.List[ int ]", "System.Collections.Generic.List`1[System.Int32]"),
    ("System.Collections.Generic.Dictionary[string,int]",
     "System.Collections.Generic.Dictionary`2[System.String,System.Int32]"),
    ("Nullable[int]", "System.Nullable`1[System.Int32]"),
    ("ipaddress", "System.Net.IPAddress"), ("version", "System.Version"),
    ("ciminstance", "Microsoft.Management.Infrastructure.CimInstance"),
    ("scriptblock", "System.Management.Automation.ScriptBlock"),
    ("switch", "System.Management.Automation.SwitchParameter"), ("void", "System.Void"),
    ("regex", "System.Text.RegularExpressions.Regex"), ("guid", "System.Guid"),
])
def test_resolve(name: str, full_name: str) -> None:
    assert T(name).full_name == full_name


def test_resolve_unknown_names() -> None:
    for name in ("nosuchtype", "", "int[", "List[nosuch]", "[]", "System.Foo.Bar"):
        assert TYPES.resolve(name) is None


def test_type_short_names() -> None:
    assert T("int").name == "Int32"
    assert T("string[]").name == "String[]"
    assert T("System.Collections.Generic.List[string]").name == "List`1"
    assert T("int[]").element_type == T("int")
    assert T("int[]").is_array


def test_register_adds_a_type_with_aliases() -> None:
    registry = TypeRegistry()
    assert registry.resolve("widget") is None
    widget = PSType("Contoso.Widget", converter=lambda v: ("widget", v))
    registry.register(widget, "widget")
    assert registry.resolve("WIDGET") is widget
    assert registry.resolve("Contoso.Widget") is widget
    assert registry.resolve("widget[]").element_type is widget  # type: ignore[union-attr]
    assert widget.convert(1) == ("widget", 1)


def test_each_default_registry_is_new() -> None:
    first, second = default_types(), default_types()
    first.register(PSType("Contoso.Only.Here"), "onlyhere")
    assert first.resolve("onlyhere") is not None
    assert second.resolve("onlyhere") is None


def test_type_identity() -> None:
    assert T("int") == T("System.Int32")
    assert T("int") != T("long")
    assert {T("int"), T("Int32")} == {T("int")}
    assert type_name_of(T("int")) == "System.RuntimeType"
    assert str(T("int")) == "System.Int32"


# -- type names ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (1, "System.Int32"), (2**31, "System.Int64"), (-(2**31) - 1, "System.Int64"),
    (2**63, "System.UInt64"), (1.5, "System.Double"), (Decimal(1), "System.Decimal"),
    (True, "System.Boolean"), ("s", "System.String"), (Char("c"), "System.Char"),
    ([1], "System.Object[]"), ((1,), "System.Object[]"),
    (ArrayList(), "System.Collections.ArrayList"), (Hashtable(), "System.Collections.Hashtable"),
    (Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary"),
    (PSObject(), "System.Management.Automation.PSCustomObject"),
    (PSObject([], ["Microsoft.Management.Infrastructure.CimInstance"]),
     "Microsoft.Management.Infrastructure.CimInstance"),
    (dt.datetime(2026, 1, 1), "System.DateTime"), (dt.timedelta(1), "System.TimeSpan"),
    (uuid.UUID(int=0), "System.Guid"), (re.compile("x"), "System.Text.RegularExpressions.Regex"),
    (RuntimeException("x"), "System.Management.Automation.RuntimeException"),
    (None, ""), (object(), "System.Object"),
])
def test_type_name_of(value: Any, expected: str) -> None:
    assert type_name_of(value) == expected


def test_type_name_of_respects_dotnet_type_name() -> None:
    class Block:
        dotnet_type_name = "System.Management.Automation.ScriptBlock"

    assert type_name_of(Block()) == "System.Management.Automation.ScriptBlock"


# -- equals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Comparison_Operators: the right operand is converted to the left one's type
    (1, "1", True), (1, "1.0", True), ("1", 1, True), (1, " 1 ", True), (" 1 ", 1, False),
    (1, 1.0, True), (2, 1.5, False), (2, "1.5", True), (1, "a", False), (1, [1], False),
    (1, True, True), (True, "false", True), (False, "", True), (False, 0, True),
    ("abc", "ABC", True), ("abc", ["abc"], True), ("1 2", [1, 2], True), ("", [], True),
    (None, None, True), (None, 0, False), (0, None, False), ("", None, False),
    (None, NOTHING, True), (0.1, Decimal("0.1"), True), (math.nan, math.nan, True),
    (Char("a"), "A", True), (Char("A"), 65, True),
    (dt.datetime(2026, 3, 2), "2026-03-02", True), (dt.datetime(2026, 3, 2), "junk", False),
    (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001", True),
    (Version(1, 2), "1.2", True), (dt.timedelta(hours=1), "01:00:00", True),
    (ipaddress.ip_address("10.0.0.1"), "10.0.0.1", True),
])
def test_equals(left: Any, right: Any, expected: bool) -> None:
    assert equals(left, right) is expected


def test_equals_case_sensitive() -> None:
    assert equals("abc", "abc", case_sensitive=True)
    assert not equals("abc", "ABC", case_sensitive=True)
    assert not equals(Char("a"), "A", case_sensitive=True)


def test_reference_types_compare_by_identity() -> None:
    # pwsh: @{a=1} -eq @{a=1} is False; $h -eq $h is True
    table = Hashtable({"a": 1})
    assert equals(table, table)
    assert not equals(table, Hashtable({"a": 1}))
    obj = PSObject({"a": 1})
    assert equals(obj, obj) and not equals(obj, PSObject({"a": 1}))
    inner = [1, 2]
    assert equals(inner, inner) and not equals([1, 2], [1, 2])


# -- compare ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "sign"), [
    (10, "9", 1), ("10", "9", -1), (1, 2, -1), (2.5, 2, 1), (Decimal("1.5"), 2, -1),
    ("a", "B", -1), ("B", "a", 1), ("abc", "ABC", 0), (None, None, 0), (None, 1, -1),
    (None, -1, 1), (1, None, 1), (-1, None, -1), ("a", None, 1),
    (dt.datetime(2026, 3, 2), "2026-03-01", 1), (dt.timedelta(1), "12:00:00", 1),
    (True, False, 1), (Version(1, 10), "1.9", 1), (Char("a"), Char("B"), 1),
])
def test_compare(left: Any, right: Any, sign: int) -> None:
    result = compare(left, right)
    assert (result > 0) - (result < 0) == sign


def test_compare_case_sensitive_puts_lower_case_first() -> None:
    assert compare("a", "A", case_sensitive=True) < 0
    assert compare("A", "a", case_sensitive=True) > 0
    assert compare("a", "A") == 0


def test_compare_errors() -> None:
    # pwsh: 1 -lt 'a' is InvalidCastFromStringToInteger
    error = error_of(compare, 1, "a")
    assert error.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert error_of(compare, 1.5, "a").record.fully_qualified_error_id == \
        "InvalidCastFromStringToDoubleOrSingle"
    # pwsh: 1 -lt @(2) is ComparisonFailure
    error = error_of(compare, 1, [2])
    assert error.record.fully_qualified_error_id == "ComparisonFailure"
    assert error.message == ('Could not compare "1" to "2". Error: "Cannot convert the "2" '
                             'value of type "System.Object[]" to type "System.Int32"."')
    # pwsh: @{a=1} -lt @{b=2} is NotIcomparable; $h -le $h is True
    error = error_of(compare, Hashtable({"a": 1}), Hashtable({"b": 2}))
    assert error.record.fully_qualified_error_id == "NotIcomparable"
    assert error.message == ('Cannot compare "System.Collections.Hashtable" because it is not '
                             "IComparable.")
    table = Hashtable()
    assert compare(table, table) == 0


# -- regular expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(("dotnet", "python"), [
    (r"(?<year>\d{4})", r"(?P<year>\d{4})"),
    (r"(?'year'\d{4})", r"(?P<year>\d{4})"),
    (r"(?<y>a)\k<y>", r"(?P<y>a)(?P=y)"),
    (r"a\z", r"a\Z"),
    (r"a\Z", r"a(?=\n?\Z)"),
    (r"\Aa", r"\Aa"),
    (r"a(?i)b", r"a(?i:b)"),
    (r"(a(?i)b)c", r"(a(?i:b))c"),
    (r"(?i)abc", r"(?i:abc)"),
    (r"(?i:a)b", r"(?i:a)b"),
    (r"(?n)(a)(?<x>b)", r"(?:(?:a)(?P<x>b))"),
    (r"(?<=a)b(?<!c)", r"(?<=a)b(?<!c)"),
    (r"\e", r"\x1b"),
    (r"[a[b]", r"[a\[b]"),
    (r"[a--b]", r"[a-\-b]"),
    (r"(?#comment)a", r"a"),
])
def test_translate_regex(dotnet: str, python: str) -> None:
    assert translate_regex(dotnet) == python


def test_compile_regex_is_case_insensitive_by_default() -> None:
    assert compile_regex("abc").search("xABCx") is not None
    assert compile_regex("abc", ignore_case=False).search("xABCx") is None


@pytest.mark.parametrize(("pattern", "detail"), [
    ("[", "Unterminated [] set."),
    ("(a", "Not enough )'s."),
    ("a)", "Too many )'s."),
    ("[a-z-[aeiou]]", "Character class subtraction is not supported here."),
    ("a\\", "Illegal \\ at end of pattern."),
])
def test_regex_errors(pattern: str, detail: str) -> None:
    with pytest.raises(RegexParseError) as caught:
        compile_regex(pattern)
    assert caught.value.message.startswith(f"Invalid pattern '{pattern}' at offset ")
    assert caught.value.message.endswith(detail)
    assert caught.value.record.fully_qualified_error_id == \
        "System.Text.RegularExpressions.RegexParseException"


def test_matches_table_uses_dotnet_group_numbering() -> None:
    # pwsh: 'ab12' -match '(?<letters>[a-z]+)(\d+)' gives $Matches 0, 1 ('12'), letters
    found = compile_regex(r"(?<letters>[a-z]+)(\d+)").search("ab12")
    assert found is not None
    assert dict(matches_table(found)) == {0: "ab12", 1: "12", "letters": "ab"}
    # a group that did not take part is left out: 'a' -match '(a)|(b)'
    found = compile_regex("(a)|(b)").search("a")
    assert found is not None
    assert dict(matches_table(found)) == {0: "a", 1: "a"}


# -- no stray Python errors ------------------------------------------------------------------

_TYPE_NAMES = ["int", "long", "byte", "double", "float", "decimal", "bool", "string", "char",
               "object", "psobject", "pscustomobject", "ordered", "hashtable", "array",
               "int[]", "string[]", "char[]", "datetime", "timespan", "guid", "regex",
               "scriptblock", "switch", "void", "math", "ipaddress", "version", "bigint",
               "System.Collections.ArrayList", "System.Collections.Generic.List[int]",
               "System.Collections.Generic.Dictionary[string,int]", "Nullable[int]",
               "ciminstance", "type", "uint64", "sbyte", "System.DayOfWeek",
               "System.IO.FileAttributes", "ConsoleColor"]

_texts = st.one_of(st.text(max_size=10), st.sampled_from([
    "1", "1.5", "0x10", "abc", "", " ", "1e3", "-5", "1,000", "2026-03-02", "01:30:00",
    "NaN", "Infinity", "1kb", "1d", "0xFFFFFFFF", "[", "int", "1.2.3", "10.0.0.1",
    "12345678-1234-1234-1234-1234567890ab", "99999999999999999999999999999999"]))
_scalars = st.one_of(
    st.none(), st.just(NOTHING), st.booleans(), st.integers(-(2**63), 2**64),
    st.floats(), st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**30),
                             max_value=10**30),
    _texts, st.builds(Char, st.characters()), st.datetimes(), st.timedeltas(), st.uuids(),
    st.builds(Int64, st.integers(-(2**63), 2**63 - 1)),
    st.builds(UInt32, st.integers(0, 2**32 - 1)),
    st.builds(UInt64, st.integers(0, 2**64 - 1)), st.builds(Byte, st.integers(0, 255)),
    st.builds(Single, st.floats(width=32)),
    st.sampled_from(["Friday", "Hidden,System", 3]).map(
        lambda v: T("System.IO.FileAttributes" if isinstance(v, str) and "," in v
                    else "System.DayOfWeek").convert(v)))
VALUES = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.builds(Hashtable, st.lists(st.tuples(st.text(max_size=3), inner), max_size=3)),
    st.builds(PSObject, st.dictionaries(st.text(min_size=1, max_size=3), inner, max_size=3))),
    max_leaves=6)


def _only_runtime(error: RuntimeException) -> None:
    # a RuntimeException made from a stray Python error would carry it as its cause
    assert error.__cause__ is None or isinstance(error.__cause__, RuntimeException), \
        repr(error.__cause__)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_TYPE_NAMES), VALUES)
def test_convert_to_raises_only_runtime_exceptions(name: str, value: Any) -> None:
    pstype = T(name)
    try:
        convert_to(value, pstype)
    except RuntimeException as error:
        _only_runtime(error)
    assert isinstance(pstype.is_instance(value), bool)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(VALUES, VALUES)
def test_primitives_raise_only_runtime_exceptions(left: Any, right: Any) -> None:
    assert isinstance(to_string(left), str)
    assert isinstance(to_bool(left), bool)
    assert isinstance(type_name_of(left), str)
    assert isinstance(equals(left, right), bool)
    try:
        compare(left, right)
    except RuntimeException as error:
        _only_runtime(error)
    try:
        to_number(left)
    except RuntimeException as error:
        _only_runtime(error)
