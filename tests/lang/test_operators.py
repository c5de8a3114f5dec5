"""The operators (asrsim.lang.operators).

Expectations come from about_Operators, about_Arithmetic_Operators,
about_Comparison_Operators, about_Split, about_Join, about_Type_Operators,
about_Regular_Expressions and about_Wildcards, and, where those are silent, from pwsh 7
(quoted as ``pwsh: ...``) with PowerShell's own error ids and messages.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asrsim.lang.conversions import Byte, Char, Int64, UInt32, UInt64, type_name_of
from asrsim.lang.errors import RuntimeException
from asrsim.lang.operators import (
    OperatorContext,
    binary,
    expand_replacement,
    split_options,
    unary,
    wildcard_match,
)
from asrsim.lang.psobject import NOTHING, ArrayList, Hashtable, PSObject
from asrsim.lang.types import default_types, standard_enums
from tests.lang.test_conversions import VALUES


class Recorder:
    """An OperatorContext whose $Matches and script blocks are visible to the test."""

    def __init__(self) -> None:
        self.matches: list[Hashtable | None] = []
        self.calls: list[list[Any]] = []
        self.ctx = OperatorContext(types=default_types(), set_matches=self.matches.append,
                                   invoke_script_block=self.invoke)
        self.block_result: Any = None

    def invoke(self, block: Any, args: list[Any]) -> Any:
        self.calls.append(args)
        return block.run(args)


class Block:
    """A script block as the operators see one: a value with that .NET type name."""

    dotnet_type_name = "System.Management.Automation.ScriptBlock"

    def __init__(self, body: Any) -> None:
        self.body = body

    def run(self, args: list[Any]) -> Any:
        return self.body(*args)


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


CTX = Recorder().ctx


def op(name: str, left: Any, right: Any) -> Any:
    return binary(name, left, right, CTX)


def un(name: str, operand: Any) -> Any:
    return unary(name, operand, CTX)


def error(name: str, left: Any, right: Any) -> RuntimeException:
    with pytest.raises(RuntimeException) as caught:
        binary(name, left, right, CTX)
    return caught.value


def typed(value: Any) -> tuple[Any, str]:
    return value, type_name_of(value)


# -- arithmetic: widening ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "left", "right", "expected", "type_name"), [
    # about_Arithmetic_Operators, "Type conversion to accommodate result"
    ("+", 2, 3.1, 5.1, "System.Double"),
    ("+", 2147483646, 1, 2147483647, "System.Int32"),
    ("+", 2147483647, 1, 2147483648.0, "System.Double"),  # pwsh: an Int32 overflow is a Double
    ("*", 512 * 1024**2, 512 * 1024**2, 2.0**58, "System.Double"),  # (512MB * 512MB)
    ("-", -2147483648, 1, -2147483649.0, "System.Double"),
    ("+", 2147483648, 1, 2147483649, "System.Int64"),
    ("+", 9223372036854775807, 2, 9.223372036854775807e18, "System.Double"),
    ("/", 6, 3, 2, "System.Int32"),
    ("/", 7, 2, 3.5, "System.Double"),
    ("/", -5, 2, -2.5, "System.Double"),
    ("/", 10000000000, 2, 5000000000, "System.Int64"),
    ("/", -2147483648, -1, 2147483648.0, "System.Double"),
    ("%", 5, 2, 1, "System.Int32"),
    ("%", -5, 2, -1, "System.Int32"),  # the sign of the dividend, as in .NET
    ("%", 5.5, 2, 1.5, "System.Double"),
    ("%", 5, 2.5, 0.0, "System.Double"),
    ("+", 1.5, 1.5, 3.0, "System.Double"),
    ("+", Decimal(1), 1.5, Decimal("2.5"), "System.Decimal"),  # decimal wins over double
    ("+", 1.5, Decimal(1), Decimal("2.5"), "System.Decimal"),
    ("*", Decimal("1.1"), 3, Decimal("3.3"), "System.Decimal"),
    ("/", Decimal(1), 3, Decimal("0.3333333333333333333333333333"), "System.Decimal"),
    ("+", True, 1, 2, "System.Int32"),
    ("+", 1, True, 2, "System.Int32"),
    ("+", 1, None, 1, "System.Int32"),
])
def test_arithmetic_widening(name: str, left: Any, right: Any, expected: Any,
                             type_name: str) -> None:
    assert typed(op(name, left, right)) == (expected, type_name)


def test_typed_integers_widen_as_dotnet_does() -> None:
    long_one = default_types().resolve("long").convert(1)  # type: ignore[union-attr]
    assert typed(op("+", long_one, 1)) == (2, "System.Int64")
    assert typed(op("+", Byte(1), Byte(1))) == (2, "System.Int32")  # C# promotes to Int32
    # about_Arithmetic_Operators: ([int32]::minvalue + [uint32]::maxvalue) is an Int64
    assert typed(op("+", -2147483648, UInt32(4294967295))) == (2147483647, "System.Int64")
    # about_Arithmetic_Operators: 9223372036854775807ul + 2 is 9223372036854775809
    assert typed(op("+", UInt64(9223372036854775807), 2)) == (9223372036854775809,
                                                               "System.UInt64")
    # ... and ([ulong]::MaxValue + 1) is a Double
    assert type_name_of(op("+", UInt64(2**64 - 1), 1)) == "System.Double"
    assert typed(op("/", Int64(6), 3)) == (2, "System.Int64")
    assert typed(op("%", Int64(7), 3)) == (1, "System.Int64")
    assert typed(op("*", UInt32(3), 2)) == (6, "System.Int64")
    assert typed(op("+", Int64(2**62), Int64(2**62))) == (2.0**63, "System.Double")


def test_enum_arithmetic() -> None:
    # about_Arithmetic_Operators: $blue + 3 is Red, $red - 3 is Blue, $blue - $red is -3
    colors = next(e for e in standard_enums() if e.full_name == "System.ConsoleColor")
    blue, red = colors.convert("Blue"), colors.convert("Red")
    assert str(op("+", blue, 3)) == "Red"
    assert str(op("-", red, 3)) == "Blue"
    assert typed(op("-", blue, red)) == (-3, "System.Int32")
    assert op("eq", blue, "blue") is True
    assert op("f", "{0} {0:D}", blue) == "Blue 9"


def test_decimal_overflow_is_an_error() -> None:
    # about_Arithmetic_Operators: [Decimal]::maxvalue + 1 is an error
    maximum = Decimal(2**96 - 1)
    failure = error("+", maximum, 1)
    assert failure.message == "Value was either too large or too small for a Decimal."


def test_division_by_zero() -> None:
    # pwsh: 1 / 0 is RuntimeException, NotSpecified, "Attempted to divide by zero."
    for name, left, right in (("/", 1, 0), ("%", 1, 0), ("/", 1, None), ("/", Decimal(1), 0)):
        failure = error(name, left, right)
        assert failure.message == "Attempted to divide by zero."
        assert failure.record.fully_qualified_error_id == "RuntimeException"
        assert failure.record.category == "NotSpecified"
    # a double is IEEE: 2.5 / 0 is Infinity, 2.5 % 0 is NaN
    assert op("/", 2.5, 0) == math.inf
    assert op("/", -2.5, 0) == -math.inf
    assert math.isnan(op("/", 0.0, 0))
    assert math.isnan(op("%", 2.5, 0))


# -- arithmetic: the left operand decides --------------------------------------------------


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Arithmetic_Operators: "file" + 16 is "file16"; + '123' is 123
    ("1", 2, "12"), ("abc", 1, "abc1"), ("1.5", 1, "1.51"), ("a", True, "aTrue"),
    ("a", 1.5, "a1.5"), ("a", None, "a"), ("a", [1, 2], "a1 2"), (Char("A"), 1, "A1"),
    (2, "1", 3), (1, "1.5", 2.5), (1, "2147483648", Int64(2147483649)), (1, "1e3", 1001.0),
    (1, "0x10", 17), (1, "1,000", 1001), (1, " 2 ", 3), (1, "", 1), (1, "1.5d", Decimal("2.5")),
    (1, "10l", Int64(11)),
    (1, Char("A"), 66), (None, 1, 1), (None, "a", "a"), (None, None, None),
])
def test_addition(left: Any, right: Any, expected: Any) -> None:
    result = op("+", left, right)
    assert result == expected and type(result) is type(expected)


def test_addition_of_a_non_number_to_a_number() -> None:
    failure = error("+", 1, "abc")
    assert failure.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert failure.message == ('Cannot convert value "abc" to type "System.Int32". Error: "The '
                               "input string 'abc' was not in a correct format.\"")
    assert error("+", 1, "Infinity").record.fully_qualified_error_id == \
        "InvalidCastFromStringToInteger"
    assert error("+", 1.5, "abc").record.fully_qualified_error_id == \
        "InvalidCastFromStringToDoubleOrSingle"
    # pwsh: 3 + @(1,2) names the array's type
    failure = error("+", 3, [1, 2])
    assert failure.record.fully_qualified_error_id == "MethodNotFound"
    assert failure.message == ("Method invocation failed because [System.Object[]] does not "
                               "contain a method named 'op_Addition'.")


def test_arrays_concatenate() -> None:
    # about_Arithmetic_Operators: $array + 16 is 1,2,3,16
    assert op("+", [1, 2, 3], 16) == [1, 2, 3, 16]
    assert op("+", [1, 2], [3, 4]) == [1, 2, 3, 4]
    assert op("+", [1, 2], None) == [1, 2, None]
    table = Hashtable({"a": 1})
    assert op("+", [0], table) == [0, table]
    result = op("+", ArrayList([1]), 2)
    assert result == [1, 2] and type_name_of(result) == "System.Object[]"
    original = [1]
    assert op("+", original, 2) is not original
    assert op("+", None, [1, 2]) == [1, 2]


def test_hashtables_merge() -> None:
    merged = op("+", Hashtable({"a": 1, "b": 2}), Hashtable({"c": 3}))
    assert dict(merged) == {"a": 1, "b": 2, "c": 3}
    ordered = op("+", Hashtable([("z", 1)], ordered=True), Hashtable({"a": 2}))
    assert ordered.ordered and list(ordered) == ["z", "a"]
    # about_Arithmetic_Operators: a duplicate key is an error
    failure = error("+", Hashtable({"a": 1, "c": 3}), Hashtable({"C": 4}))
    assert failure.message == "Item has already been added. Key in dictionary: 'c'  Key being " \
                              "added: 'C'"
    assert failure.record.fully_qualified_error_id == "System.ArgumentException"
    assert failure.record.category == "OperationStopped"
    failure = error("+", Hashtable({"a": 1}), 2)
    assert failure.message == "A hash table can only be added to another hash table."
    assert failure.record.fully_qualified_error_id == "AddHashTableToNonHashTable"
    assert error("*", Hashtable(), 2).record.fully_qualified_error_id == "MethodNotFound"


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Arithmetic_Operators: "file" * 3 is filefilefile, $array * 2 repeats it
    ("ab", 3, "ababab"), ("1", 2, "11"), ("ab", 0, ""), ("ab", 2.6, "ababab"), ("ab", "2", "abab"),
    ([1, 2], 2, [1, 2, 1, 2]), ([1], 2.6, [1, 1, 1]), ([], 5, []),
    (3, 4, 12), (1.5, 2, 3.0), (None, 5, 0),
])
def test_multiplication(left: Any, right: Any, expected: Any) -> None:
    assert op("*", left, right) == expected


def test_multiplication_errors() -> None:
    failure = error("*", "ab", -1)
    assert failure.record.fully_qualified_error_id == "System.ArgumentOutOfRangeException"
    assert failure.message == "times ('-1') must be a non-negative value. (Parameter 'times')"
    failure = error("*", [1], -1)
    assert failure.record.fully_qualified_error_id == "InvalidCastIConvertible"
    assert '"System.UInt32"' in failure.message
    # pwsh: ([char]65) * 3 is not defined
    assert error("*", Char("A"), 3).record.fully_qualified_error_id == \
        "NotADefinedOperationForType"
    assert error("*", "a", 10**9).record.fully_qualified_error_id == "System.OutOfMemoryException"


def test_subtraction_division_and_remainder_convert_strings() -> None:
    assert typed(op("-", "1", 2)) == (-1, "System.Int32")
    assert op("/", "1", 2) == 0.5
    assert op("-", 1, "1.5") == -0.5
    assert op("%", "7", "4") == 3
    failure = error("-", "a", "b")
    assert failure.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    failure = error("-", [1, 2], 1)
    assert failure.message == ("Method invocation failed because [System.Object[]] does not "
                               "contain a method named 'op_Subtraction'.")
    failure = error("-", PSObject({"a": 1}), 1)
    assert failure.message == ("Method invocation failed because "
                               "[System.Management.Automation.PSObject] does not contain a "
                               "method named 'op_Subtraction'.")
    assert error("/", [1], 1).record.fully_qualified_error_id == "MethodNotFound"


def test_dates_and_time_spans() -> None:
    day = dt.datetime(2026, 3, 2, 8, 0)
    hour = dt.timedelta(hours=1)
    # about_Arithmetic_Operators: (Get-Date) + (New-TimeSpan -Day 1)
    assert op("+", day, dt.timedelta(days=1)) == dt.datetime(2026, 3, 3, 8, 0)
    assert op("-", day, hour) == dt.datetime(2026, 3, 2, 7, 0)
    assert op("-", day, dt.datetime(2026, 3, 1, 8, 0)) == dt.timedelta(days=1)
    assert op("-", day, "2026-03-01 08:00") == dt.timedelta(days=1)
    assert op("+", day, "01:30:00") == dt.datetime(2026, 3, 2, 9, 30)
    assert op("+", day, 10_000_000) == dt.datetime(2026, 3, 2, 8, 0, 1)  # ticks
    assert op("+", hour, hour) == dt.timedelta(hours=2)
    assert op("-", hour, "00:30:00") == dt.timedelta(minutes=30)
    assert op("*", hour, 2) == dt.timedelta(hours=2)
    assert op("/", hour, 2) == dt.timedelta(minutes=30)
    assert op("/", hour, dt.timedelta(minutes=30)) == 2.0
    failure = error("+", dt.datetime(9999, 12, 31), dt.timedelta(days=2))
    assert "un-representable DateTime" in failure.message
    assert error("*", day, 2).record.fully_qualified_error_id == "MethodNotFound"


# -- comparison ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "left", "right", "expected"), [
    # about_Comparison_Operators
    ("eq", 2, 2, True), ("eq", 2, 3, False), ("ne", 2, 3, True), ("gt", 3, 2, True),
    ("ge", 2, 2, True), ("lt", 1, 2, True), ("le", 3, 2, False),
    ("eq", "abc", "ABC", True), ("ceq", "abc", "ABC", False), ("ieq", "abc", "ABC", True),
    ("cne", "abc", "ABC", True), ("clt", "a", "A", True), ("lt", "a", "B", True),
    ("eq", 1, "1", True), ("eq", "1", 1, True), ("eq", 1, " 1 ", True), ("eq", " 1 ", 1, False),
    ("lt", 10, "9", False), ("lt", "10", "9", True), ("eq", 1, "a", False),
    ("eq", 1, [1], False), ("ne", 1, [2], True), ("eq", "abc", ["abc"], True),
    ("eq", None, None, True), ("eq", None, 0, False), ("ne", 0, None, True),
    ("eq", True, "false", True), ("gt", None, -1, True), ("lt", None, 0, True),
])
def test_scalar_comparisons(name: str, left: Any, right: Any, expected: bool) -> None:
    assert op(name, left, right) is expected


@pytest.mark.parametrize(("name", "left", "right", "expected"), [
    # about_Comparison_Operators: a collection on the left is filtered
    ("eq", [1, 2, 3], 2, [2]), ("ne", [1, 2, 3], 2, [1, 3]), ("gt", [1, 2, 3], 1, [2, 3]),
    ("ge", [1, 2, 3], 2, [2, 3]), ("lt", [1, 2, 3], 2, [1]), ("le", [1, 2, 3], 2, [1, 2]),
    ("eq", [1, 2, 3], 9, []), ("eq", [], 1, []), ("eq", ["a", "B", "c"], "b", ["B"]),
    ("ceq", ["a", "A"], "a", ["a"]), ("eq", [1, None, 2], None, [None]),
    ("ne", [1, None, 2], None, [1, 2]), ("lt", ["a"], 1, []), ("gt", ["a", 1], 0, ["a", 1]),
])
def test_comparisons_filter_collections(name: str, left: Any, right: Any,
                                        expected: list[Any]) -> None:
    result = op(name, left, right)
    assert isinstance(result, list) and result == expected


def test_comparison_errors() -> None:
    assert error("lt", 1, "a").record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    assert error("lt", [1, 2], "a").record.fully_qualified_error_id == \
        "InvalidCastFromStringToInteger"
    assert error("lt", 1, [2]).record.fully_qualified_error_id == "ComparisonFailure"
    assert error("lt", Hashtable(), Hashtable()).record.fully_qualified_error_id == \
        "NotIcomparable"


def test_reference_identity_in_comparisons() -> None:
    table = Hashtable({"a": 1})
    assert op("eq", table, table) is True
    assert op("eq", table, Hashtable({"a": 1})) is False
    inner = [1, 2]
    assert op("eq", [inner], inner) == [inner]
    assert op("eq", [[1, 2]], [1, 2]) == []


# -- containment ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "left", "right", "expected"), [
    # about_Comparison_Operators, "Containment operators"
    ("contains", [1, 2], 1, True), ("notcontains", [1, 2], 1, False),
    ("contains", ["a", "b"], "B", True), ("ccontains", ["a", "b"], "B", False),
    ("contains", "abc", "abc", True), ("contains", "abc", "a", False),
    ("contains", [1, 2, 3], "2", True), ("contains", ["1", "2"], 2, True),
    ("contains", [1], " 1 ", True), ("contains", [" 1 "], 1, False),
    ("contains", [1, 2], None, False), ("contains", [1, None], None, True),
    ("in", 1, [1, 2], True), ("notin", 3, [1, 2], True), ("in", "A", ["a"], True),
    ("cin", "A", ["a"], False), ("in", [1, 2], [1, 2], False), ("notin", [1, 2], [1, 2], True),
    ("in", " 1 ", [1], True), ("in", 1, [" 1 "], False), ("in", "a", "abc", False),
    ("in", 1, 1, True), ("in", None, [1, None], True),
    ("contains", Hashtable({"a": 1}), "a", False),
])
def test_containment(name: str, left: Any, right: Any, expected: bool) -> None:
    assert op(name, left, right) is expected


# -- like ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "pattern", "expected"), [
    # about_Wildcards
    ("abc", "a*", True), ("abc", "A*", True), ("abc", "a?c", True), ("abc", "ab", False),
    ("abc", "*", True), ("", "", True), ("a", "", False), ("", "?", False),
    ("b", "[a-c]", True), ("d", "[a-cx-z]", False), ("B", "[a-c]", True),
    ("abc", "[!a]bc", True), ("xbc", "[!a]bc", False),  # pwsh: no negation in sets
    ("-", "[a-c-]", True), ("]", "[]a]", True), ("a", "[]]", False),
    ("a*c", "a`*c", True), ("abc", "a`*c", False), ("a[c", "a`[c", True), ("a", "a`", False),
    ("a.c", "a.c", True), ("aXc", "a.c", False), ("a+", "a+", True), ("a\nb", "a*b", True),
    (123, "1*", True), (None, "*", True), (True, "T*", True), (1.5, "1.5", True),
    ("abc", None, False),
])
def test_like(left: Any, pattern: Any, expected: bool) -> None:
    assert op("like", left, pattern) is expected
    assert op("notlike", left, pattern) is (not expected)


def test_like_case_sensitive_and_filtering() -> None:
    assert op("clike", "abc", "A*") is False
    assert op("clike", "B", "[A-C]") is True
    assert op("like", ["a", "B"], "b") == ["B"]
    assert op("notlike", ["a", "B"], "b") == ["a"]
    assert op("clike", ["a", "B"], "b") == []
    assert wildcard_match("server01", "server0?")


@pytest.mark.parametrize("pattern", ["[abc", "a[", "[]", "[c-a]"])
def test_like_invalid_patterns(pattern: str) -> None:
    failure = error("like", "abc", pattern)
    assert failure.message == f"The specified wildcard character pattern is not valid: {pattern}"
    assert failure.record.fully_qualified_error_id == "RuntimeException"


# -- match -----------------------------------------------------------------------------------


def test_match_sets_matches_on_a_scalar(rec: Recorder) -> None:
    # about_Regular_Expressions / about_Automatic_Variables ($Matches)
    assert binary("match", "The year 2026 ok", r"(\d+)", rec.ctx) is True
    assert rec.matches == [Hashtable({0: "2026", 1: "2026"})]
    assert binary("match", "2026-09-05", r"(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})", rec.ctx)
    latest = rec.matches[-1]
    assert latest is not None
    assert dict(latest) == {0: "2026-09-05", "y": "2026", "m": "09", "d": "05"}


def test_match_is_case_insensitive_unless_cmatch(rec: Recorder) -> None:
    assert binary("match", "ABC", "b", rec.ctx) is True
    assert binary("cmatch", "ABC", "b", rec.ctx) is False
    assert binary("imatch", "ABC", "b", rec.ctx) is True


def test_a_failed_match_leaves_matches_alone(rec: Recorder) -> None:
    assert binary("match", "xyz", r"\d", rec.ctx) is False
    assert rec.matches == []


def test_notmatch_sets_matches_when_the_pattern_matches(rec: Recorder) -> None:
    # pwsh: 'abc' -notmatch 'b' is False and $Matches is @{0=b}
    assert binary("notmatch", "abc", "b", rec.ctx) is False
    assert rec.matches == [Hashtable({0: "b"})]
    assert binary("notmatch", "abc", "z", rec.ctx) is True
    assert len(rec.matches) == 1


def test_match_filters_a_collection_without_setting_matches(rec: Recorder) -> None:
    assert binary("match", ["abc", "xyz", "a1c"], r"\d", rec.ctx) == ["a1c"]
    assert binary("notmatch", ["abc", "a1c"], r"\d", rec.ctx) == ["abc"]
    assert binary("match", [1, 12, 3], "1", rec.ctx) == [1, 12]
    assert rec.matches == []


def test_match_translates_dotnet_syntax(rec: Recorder) -> None:
    assert binary("match", "abc\n", r"c\z", rec.ctx) is False
    assert binary("match", "abc\n", r"c\Z", rec.ctx) is True
    assert binary("cmatch", "aBc", "a(?i)b", rec.ctx) is True
    assert binary("match", "abab", r"(?<x>ab)\k<x>", rec.ctx) is True
    assert binary("match", "abc", "", rec.ctx) is True
    assert binary("match", "abc", None, rec.ctx) is True
    assert binary("match", None, "a", rec.ctx) is False


def test_match_with_a_regex_object_keeps_its_options(rec: Recorder) -> None:
    pattern = default_types().resolve("regex").convert("abc")  # type: ignore[union-attr]
    assert binary("match", "ABC", pattern, rec.ctx) is False


def test_match_with_an_invalid_pattern() -> None:
    failure = error("match", "abc", "[")
    assert failure.record.fully_qualified_error_id == \
        "System.Text.RegularExpressions.RegexParseException"
    assert failure.message == "Invalid pattern '[' at offset 1. Unterminated [] set."


# -- replace ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Comparison_Operators, "Replacement operator" and .NET substitutions
    ("ABC", ["b", "x"], "AxC"), ("John Smith", [r"(\w+) (\w+)", "$2 $1"], "Smith John"),
    ("John Smith", [r"(?<first>\w+) (?<last>\w+)", "${last}, ${first}"], "Smith, John"),
    ("abc", ["b", "[$&]"], "a[b]c"), ("abc", ["b", "[$0]"], "a[b]c"),
    ("abc", ["b", "[$`]"], "a[a]c"), ("abc", ["b", "[$']"], "a[c]c"), ("abc", ["b", "$$"], "a$c"),
    ("abc", ["b", "[$_]"], "a[abc]c"), ("abc", ["(b)", "[$9]"], "a[$9]c"),
    ("abc", ["b", "US$"], "aUS$c"), ("ab", ["(?<x>a)(b)", "[$1]"], "[b]"),
    ("ab", ["(?<x>a)(b)", "[$2]"], "[a]"), ("abc", ["z", "x"], "abc"), ("abc", "b", "ac"),
    ("abc", ["b", None], "ac"), ("abc", ["b"], "ac"), (1234, ["2", "X"], "1X34"),
    ("abc", ["b", 5], "a5c"), ("abc", ["b", True], "aTruec"), (None, ["a", "b"], ""),
    ("abc", ["x*", "-"], "-a-b-c-"), ("abc", ["", "-"], "-a-b-c-"), ("", ["", "-"], "-"),
    ("abc", ["(?=b)", "-"], "a-bc"), ("abc", [["a", "b"], "z"], "abc"),
    ("abc", ["b", ["x", "y"]], "ax yc"), ("a1b", [r"(a)(\d)", "$+"], "1b"),
    ("abc", ["b", "$+"], "abc"), ("abc", ["b", "${nosuch}"], "a${nosuch}c"),
    ("abc", ["(b)", "${1}"], "abc"), ("abc", ["b", "$x"], "a$xc"), ("ab", ["(a)(b)", "$12"], "a2"),
])
def test_replace(left: Any, right: Any, expected: str) -> None:
    assert op("replace", left, right) == expected


def test_replace_case_and_collections() -> None:
    assert op("creplace", "ABC", ["b", "x"]) == "ABC"
    assert op("ireplace", "ABC", ["b", "x"]) == "AxC"
    assert op("replace", ["AB", "CD"], ["b", "x"]) == ["Ax", "CD"]
    assert op("replace", [1, None, "a"], ["a", "Z"]) == ["1", "", "Z"]
    assert op("replace", [], ["a", "b"]) == []


def test_replace_with_a_script_block(rec: Recorder) -> None:
    # about_Comparison_Operators (PowerShell 6+): the block gets the Match as $_
    upper = Block(lambda match: match.get("Value").upper())
    assert binary("replace", "abc", ["b", upper], rec.ctx) == "aBc"
    group = Block(lambda match: "<" + match.get("Groups")[1].get("Value") + ">")
    assert binary("replace", "a1b", [r"(\d)", group], rec.ctx) == "a<1>b"
    named = Block(lambda match: match.get("Groups")["n"].get("Value") * 2)
    assert binary("replace", "a1b", [r"(?<n>\d)", named], rec.ctx) == "a11b"
    assert binary("replace", "abc", ["b", Block(lambda match: 42)], rec.ctx) == "a42c"
    match = rec.calls[0][0]
    assert match.type_name == "System.Text.RegularExpressions.Match"
    assert (match.get("Index"), match.get("Length"), match.get("Success")) == (1, 1, True)


def test_replace_errors() -> None:
    failure = error("replace", "abc", ["[", "X"])
    assert failure.record.fully_qualified_error_id == "InvalidRegularExpression"
    assert failure.message == "The regular expression pattern [ is not valid."
    failure = error("ireplace", "abc", ["a", "b", "c"])
    assert failure.record.fully_qualified_error_id == "BadReplaceArgument"
    assert failure.message == "The -ireplace operator allows only two elements to follow it, " \
                              "not 3."
    no_blocks = OperatorContext(types=default_types(), set_matches=lambda m: None)
    with pytest.raises(RuntimeException):
        binary("replace", "abc", ["b", Block(lambda m: "x")], no_blocks)


def test_expand_replacement_directly() -> None:
    import re

    found = re.search("(b)", "abc")
    assert found is not None
    assert expand_replacement("<$1|$0|$$>", found, "abc") == "<b|b|$>"


# -- split -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Split
    ("a,b,c", ",", ["a", "b", "c"]), (",a,", ",", ["", "a", ""]),
    ("abc", "", ["", "a", "b", "c", ""]), ("", ",", [""]), ("abc", "z", ["abc"]),
    (None, ",", [""]), ("a.b", ".", ["", "", "", ""]), ("a.b", r"\.", ["a", "b"]),
    ("a1b2c", r"\d", ["a", "b", "c"]), ("a1b2c", r"(\d)", ["a", "1", "b", "2", "c"]),
    ("a1b2c", r"(\d)(\w)", ["a", "1", "b", "", "2", "c", ""]),
    ("a1b", r"(x)?(\d)", ["a", "1", "b"]), ("a1b", r"(?:\d)", ["a", "b"]),
    ("a,b,c,d", [",", 2], ["a", "b,c,d"]), ("a,b,c,d", [",", 1], ["a,b,c,d"]),
    ("a,b,c,d", [",", 0], ["a", "b", "c", "d"]), ("a,b,c,d", [",", 99], ["a", "b", "c", "d"]),
    ("a,b,c,d", [",", -1], ["a,b,c,d"]), ("a,b,c,d", [",", -2], ["a,b,c", "d"]),
    ("a,b,c,d", [",", -3], ["a,b", "c", "d"]), ("a1b2c", [r"(\d)", 2], ["a", "1", "b2c"]),
    ("a1b2c", [r"(\d)", -2], ["a1b", "2", "c"]), ("a,b,c", [",", 1.5], ["a", "b,c"]),
    ("a,b,c", [",", 2.5], ["a", "b,c"]), ("a,b,c", [",", "2"], ["a", "b,c"]),
    ("aXb", "x", ["a", "b"]), ("a.b", [".", 0, "SimpleMatch"], ["a", "b"]),
    ("a.b.c", [".", 2, "SimpleMatch"], ["a", "b.c"]),
    ("a1b", [r"(\d)", 0, "ExplicitCapture"], ["a", "b"]),
    ("a\nb", ["^b", 0, "Multiline"], ["a\n", ""]),
    (["a b", "c d"], " ", ["a", "b", "c", "d"]), (["a,b", "c,d"], [",", 2], ["a", "b", "c", "d"]),
    ([1, 2], "1", ["", "", "2"]),
])
def test_split(left: Any, right: Any, expected: list[str]) -> None:
    result = op("split", left, right)
    assert result == expected
    assert type_name_of(result) == "System.String[]"


def test_split_case() -> None:
    assert op("csplit", "aXb", "x") == ["aXb"]
    assert op("isplit", "aXb", "x") == ["a", "b"]
    assert op("csplit", "aXb", ["x", 0, "SimpleMatch"]) == ["aXb"]
    assert op("csplit", "aXb", ["x", 0, "IgnoreCase"]) == ["a", "b"]  # the option wins
    assert op("split", "aXb", ["x", 0, "SimpleMatch,IgnoreCase"]) == ["a", "b"]


def test_split_options() -> None:
    assert split_options("SimpleMatch, IgnoreCase") == 65
    assert split_options(["RegexMatch", "Multiline"]) == 18
    assert split_options(None) == 0
    failure = error("split", "a b", [" ", 0, "None"])
    assert failure.message == (
        'Cannot convert value "None" to type "System.Management.Automation.SplitOptions". '
        'Error: "Unable to match the identifier name None to a valid enumerator name. Specify '
        "one of the following enumerator names and try again:\nSimpleMatch, RegexMatch, "
        'CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, '
        'ExplicitCapture"')


def test_split_with_a_script_block(rec: Recorder) -> None:
    # about_Split: a script block delimiter is called once per character
    at_c = Block(lambda ch, whole, index: ch == "c")
    assert binary("split", "abcd", at_c, rec.ctx) == ["ab", "d"]
    assert rec.calls[0] == ["a", "abcd", 0]
    assert binary("split", "XX", Block(lambda ch, w, i: ch == "X"), rec.ctx) == ["", "", ""]
    assert binary("split", "abc", Block(lambda ch, w, i: False), rec.ctx) == ["abc"]
    assert binary("split", "", Block(lambda ch, w, i: True), rec.ctx) == [""]
    assert binary("split", "aXbXc", [Block(lambda ch, w, i: ch == "X"), 2], rec.ctx) == \
        ["a", "bXc"]


def test_split_option_rules() -> None:
    # ParserOps.SplitWithPattern: SimpleMatch takes no option but IgnoreCase
    assert op("split", "abc", ["", 0, "SimpleMatch"]) == ["", "a", "b", "c", ""]
    assert op("split", "a.b", [".", 0, ""]) == ["", "", "", ""]  # an empty option is none
    failure = error("split", "a.b", [".", 0, "SimpleMatch,Multiline"])
    assert failure.record.fully_qualified_error_id == "InvalidSplitOptionCombination"
    block = Block(lambda ch, whole, index: ch == ".")
    failure = error("split", "a.b", [block, 0, "SimpleMatch"])
    assert failure.record.fully_qualified_error_id == "InvalidSplitOptionWithPredicate"
    # a [regex] delimiter is used by its text, with the operator's options
    pattern = default_types().resolve("regex").convert("x")  # type: ignore[union-attr]
    assert op("split", "aXb", pattern) == ["a", "b"]
    failure = error("split", "a", [])
    assert failure.record.fully_qualified_error_id == "BadOperatorArgument"


def test_split_script_block_stops_at_the_limit(rec: Recorder) -> None:
    comma = Block(lambda ch, whole, index: ch == ",")
    assert binary("split", "a,b,c,d", [comma, 2], rec.ctx) == ["a", "b,c,d"]
    assert [call[2] for call in rec.calls] == [0, 1]  # not asked again after the limit
    rec.calls.clear()
    assert binary("split", "a,b,c,d", [comma, -2], rec.ctx) == ["a,b,c", "d"]
    assert [call[2] for call in rec.calls] == [6, 5]  # from the right
    assert binary("split", "a,b", [comma, 1], rec.ctx) == ["a,b"]


def test_split_with_an_invalid_pattern() -> None:
    assert error("split", "abc", "[").record.fully_qualified_error_id == \
        "System.Text.RegularExpressions.RegexParseException"


def test_unary_split_on_whitespace() -> None:
    # about_Split: -split "a b c" splits on white space and drops empty pieces
    assert un("split", "  a  b   c ") == ["a", "b", "c"]
    assert un("split", "a\tb\nc") == ["a", "b", "c"]
    assert un("split", "") == [""]
    assert un("split", "   ") == [""]
    assert un("split", "ab") == ["ab"]
    assert un("split", ["a b", "c d"]) == ["a", "b", "c", "d"]


# -- join ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "expected"), [
    # about_Join
    (["a", "b", "c"], ",", "a,b,c"), (["a", "b"], "", "ab"), ([1, True], ",", "1,True"),
    ([None, 1], ",", ",1"), ([], ",", ""), (None, ",", ""), ([0.1 + 0.2], ",", "0.3"),
    ([1 / 3], ",", "0.333333333333333"), ([1, 2], None, "12"), ([1, 2], 5, "152"),
    ([1, 2], True, "1True2"), (1, ",", "1"), (["a"], ",", "a"),
    ([dt.datetime(2020, 3, 4, 5, 6, 7)], ",", "3/4/2020 5:06:07 AM"),
])
def test_join(left: Any, right: Any, expected: str) -> None:
    assert op("join", left, right) == expected


def test_unary_join() -> None:
    assert un("join", ["a", "b", "c"]) == "abc"
    assert un("join", "a") == "a"
    assert un("join", [1, 2]) == "12"


# -- type operators --------------------------------------------------------------------------


def test_is_and_isnot() -> None:
    # about_Type_Operators
    types = default_types()
    assert op("is", 1, types.resolve("int")) is True
    assert op("is", 1, "int") is True
    assert op("is", 1, "System.Int32") is True
    assert op("is", 1, "string") is False
    assert op("isnot", 1, "string") is True
    assert op("is", [1, 2], "array") is True  # not a filter
    assert op("is", dt.datetime(2026, 1, 1), "datetime") is True
    assert op("is", None, "object") is False
    assert op("isnot", None, "object") is True
    failure = error("is", 1, "nosuchtype")
    assert failure.record.fully_qualified_error_id == "TypeNotFound"
    assert failure.message == "Unable to find type [nosuchtype]."
    assert error("is", 1, 5).record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"


@pytest.mark.parametrize(("left", "type_name", "expected"), [
    ("abc", "int", None), ("1", "int", 1), (1.9, "int", 2), (2.5, "int", 2), ("1.5", "int", 2),
    ("1e3", "int", 1000), ("0x10", "int", 16), (" 1 ", "int", 1), ("1,000", "int", 1000),
    (True, "int", 1), (None, "int", 0), (1, "string", "1"), ([1, 2], "string", "1 2"),
    (None, "string", ""), ("2020-03-04", "datetime", dt.datetime(2020, 3, 4)),
    ("not a date", "datetime", None), ("x", "scriptblock", None),
])
def test_as_returns_null_where_a_cast_fails(left: Any, type_name: str, expected: Any) -> None:
    assert op("as", left, type_name) == expected


def test_as_still_needs_a_known_type() -> None:
    assert error("as", "abc", "nosuchtype").record.fully_qualified_error_id == "TypeNotFound"


# -- logical and bitwise ---------------------------------------------------------------------


def test_xor_and_not() -> None:
    # about_Logical_Operators
    assert op("xor", True, False) is True
    assert op("xor", True, 1) is False
    assert op("xor", "", None) is False
    assert un("not", 0) is True
    assert un("!", "0") is False
    assert un("!", []) is True
    assert un("!", [0]) is True
    assert un("!", [0, 0]) is False
    assert un("not", Hashtable()) is False
    assert un("!", NOTHING) is True


@pytest.mark.parametrize(("name", "left", "right", "expected"), [
    # about_Arithmetic_Operators, "Bitwise operators"
    ("band", 10, 3, 2), ("bor", 10, 3, 11), ("bxor", 10, 3, 9), ("band", "5", 3, 1),
    ("band", True, True, 1), ("band", None, 3, 0), ("band", -1, 0xFFFF, 0xFFFF),
    ("band", 2**40 + 1, 1, 1),
    # pwsh: a real operand is rounded half to even, through UInt64 or Int64
    ("band", 5.5, 3, 2), ("band", 6.5, 3, 2), ("band", 2.5, 3, 2), ("band", 0.5, 3, 0),
    ("band", -5.4, 3, 3), ("band", -0.5, 3, 0), ("band", 1e19, 1, 0), ("bor", 1.5, 0, 2),
    ("band", -1.5, -2.5, -2),
    ("shl", 102, 2, 408), ("shr", 102, 1, 51), ("shl", 21, 1, 42),
    ("shr", 21, 32, 21), ("shr", 21, 65, 10),  # about_Arithmetic_Operators table
    ("shr", -21, 1, -11), ("shr", -2147483648, 1, -1073741824), ("shr", -1, 1, -1),
    ("shl", 1, 31, -2147483648), ("shl", 1, 32, 1), ("shl", 1, 33, 2), ("shl", 1, -1, -2147483648),
    ("shl", 2147483648, 1, 4294967296), ("shl", 1.5, 1, 4), ("shl", "2", 1, 4),
    ("shl", 1, 1.9, 4), ("shl", 1, None, 1), ("shl", None, 1, 0),
])
def test_bitwise(name: str, left: Any, right: Any, expected: int) -> None:
    assert op(name, left, right) == expected


def test_bitwise_operators_keep_the_integer_type() -> None:
    # pwsh: a real operand gives System.UInt64, or System.Int64 when either is negative
    assert typed(op("band", 0.5, 3)) == (0, "System.UInt64")
    assert typed(op("band", -5.4, 3)) == (3, "System.Int64")
    assert typed(op("band", 5, 3)) == (1, "System.Int32")
    assert typed(op("band", Int64(6), 3)) == (2, "System.Int64")
    # the shift width is the left operand's: [long]1 -shl 40 is 1099511627776
    assert typed(op("shl", Int64(1), 40)) == (1099511627776, "System.Int64")
    assert typed(op("shl", UInt32(1), 31)) == (2147483648, "System.UInt32")
    assert typed(un("bnot", Int64(0))) == (-1, "System.Int64")  # pwsh: -bnot [long]0
    assert typed(un("bnot", UInt32(0))) == (4294967295, "System.UInt32")
    assert typed(un("bnot", 1e19)) == (8446744073709551615, "System.UInt64")


def test_bitwise_not() -> None:
    # about_Arithmetic_Operators: -bNot 10 is -11
    assert un("bnot", 10) == -11
    assert un("bnot", 0) == -1
    assert un("bnot", 2147483647) == -2147483648
    assert un("bnot", 2147483648) == -2147483649
    assert un("bnot", 1.5) == -3
    assert un("bnot", 2.5) == -3
    assert un("bnot", True) == -2
    assert un("bnot", "5") == -6
    assert un("bnot", None) == -1
    assert un("bnot", 1e19) == 8446744073709551615  # pwsh: System.UInt64
    with pytest.raises(RuntimeException) as caught:
        un("bnot", 1e20)
    assert caught.value.record.fully_qualified_error_id == "ConvertToFinalInvalidCastException"
    assert caught.value.message.endswith('to type "System.UInt64".')


def test_bitwise_errors() -> None:
    assert error("band", 1e20, 1).record.fully_qualified_error_id == \
        "ConvertToFinalInvalidCastException"
    assert error("band", "abc", 1).record.fully_qualified_error_id == \
        "InvalidCastFromStringToInteger"


# -- range -----------------------------------------------------------------------------------


def test_range() -> None:
    # about_Operators, "Range operator"
    assert op("..", 1, 5) == [1, 2, 3, 4, 5]
    assert op("..", 5, 1) == [5, 4, 3, 2, 1]
    assert op("..", -1, 1) == [-1, 0, 1]
    assert op("..", 3, 3) == [3]
    assert op("..", "1", "3") == [1, 2, 3]
    assert op("..", 1.5, 3) == [2, 3]
    chars = op("..", "a", "e")  # PowerShell 7: a range of characters
    assert chars == ["a", "b", "c", "d", "e"]
    assert all(isinstance(c, Char) for c in chars)
    assert op("..", Char("e"), Char("c")) == ["e", "d", "c"]
    assert error("..", "ab", 3).record.fully_qualified_error_id == \
        "InvalidCastFromStringToInteger"
    assert error("..", 0, 2**31).record.fully_qualified_error_id == "InvalidCastIConvertible"
    assert error("..", 1, 100_000_000).record.fully_qualified_error_id == \
        "System.OutOfMemoryException"


# -- format ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("template", "right", "expected"), [
    # about_Operators, "Format operator -f"
    ("{0} {1,-10} {2:N}", [1, "hello", 3.14159], "1 hello      3.142"),
    ("{0:D3}", 7, "007"), ("{0:X}", 255, "FF"), ("{0:P1}", 0.256, "25.6%"),
    ("{0:F2}", 3.14159, "3.14"), ("{0:C}", 1234.5, "$1,234.50"), ("{0,8:N2}", 1234.5, "1,234.50"),
    ("[{0,10:N2}]", 3.5, "[      3.50]"), ("{0:yyyy-MM-dd HH:mm}", dt.datetime(2026, 3, 2, 8, 0),
                                           "2026-03-02 08:00"),
    ("{0:hh\\:mm}", dt.timedelta(hours=1, minutes=5), "01:05"), ("{{0}} {0}", "x", "{0} x"),
    ("{0}", None, ""), ("{0} {1}", [1, 2], "1 2"), ("{0}", [[1, 2]], "System.Object[]"),
    (42, 1, "42"),
])
def test_format_operator(template: Any, right: Any, expected: str) -> None:
    assert op("f", template, right) == expected


def test_format_operator_errors() -> None:
    failure = error("f", "{0} {1}", "a")
    assert failure.record.fully_qualified_error_id == "FormatError"
    assert failure.record.category == "InvalidOperation"
    assert failure.message == ("Error formatting a string: Index (zero based) must be greater "
                               "than or equal to zero and less than the size of the argument "
                               "list..")
    assert error("f", "{0:D}", 1.5).message == ("Error formatting a string: Format specifier "
                                                "was invalid..")


# -- unary -----------------------------------------------------------------------------------


def test_unary_minus_and_plus() -> None:
    # about_Arithmetic_Operators: - on a string converts it to a number
    assert typed(un("-", "1")) == (-1, "System.Int32")
    assert un("-", "1.5") == -1.5
    assert un("-", True) == -1
    assert un("-", 5) == -5
    assert typed(un("-", 2147483648)) == (-2147483648, "System.Int64")  # pwsh: stays Int64
    assert typed(un("-", Int64(5))) == (-5, "System.Int64")
    assert typed(un("-", -2147483648)) == (2147483648.0, "System.Double")
    assert un("-", Decimal("1.5")) == Decimal("-1.5")
    assert un("-", dt.timedelta(hours=1)) == dt.timedelta(hours=-1)
    assert un("-", None) == 0
    assert un("+", "123") == 123  # about_Arithmetic_Operators: + '123' is 123
    assert un("+", 7) == 7
    with pytest.raises(RuntimeException) as caught:
        un("-", "a")
    assert caught.value.record.fully_qualified_error_id == "InvalidCastFromStringToInteger"
    with pytest.raises(RuntimeException) as caught:
        un("-", [1, 2])
    assert "op_Subtraction" in caught.value.message


def test_unary_comma_wraps() -> None:
    assert un(",", 1) == [1]
    assert un(",", [1, 2]) == [[1, 2]]
    assert un(",", None) == [None]


def test_operator_spelling_with_a_dash_and_unknown_operators() -> None:
    assert op("-eq", 1, 1) is True
    assert op("-CEQ", "a", "A") is False
    with pytest.raises(RuntimeException):
        op("nosuch", 1, 1)
    with pytest.raises(RuntimeException):
        un("++", 1)


def test_and_or_without_short_circuit() -> None:
    assert op("and", 1, "x") is True
    assert op("or", 0, "") is False


# -- no stray Python errors ------------------------------------------------------------------

_BINARY = ["+", "-", "*", "/", "%", "eq", "ieq", "ceq", "ne", "gt", "ge", "lt", "le", "cgt",
           "like", "notlike", "clike", "match", "notmatch", "cmatch", "contains", "notcontains",
           "in", "notin", "replace", "creplace", "split", "csplit", "join", "is", "isnot", "as",
           "xor", "band", "bor", "bxor", "shl", "shr", "..", "f"]
_UNARY = ["-", "+", "!", "not", "bnot", ",", "split", "join"]
_OPERANDS = st.one_of(VALUES, st.sampled_from(["int", "string[]", "{0:N2}", "(\\d)", "$1",
                                               "[a-c]*", "a*", "0x10", "{0} {1}"]))


def _only_runtime(failure: RuntimeException) -> None:
    # the operators' last line turns a stray Python error into a RuntimeException caused by it
    assert failure.__cause__ is None or isinstance(failure.__cause__, RuntimeException), \
        repr(failure.__cause__)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_BINARY), _OPERANDS, _OPERANDS)
def test_binary_raises_only_runtime_exceptions(name: str, left: Any, right: Any) -> None:
    try:
        binary(name, left, right, Recorder().ctx)
    except RuntimeException as failure:
        _only_runtime(failure)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_UNARY), _OPERANDS)
def test_unary_raises_only_runtime_exceptions(name: str, operand: Any) -> None:
    try:
        unary(name, operand, Recorder().ctx)
    except RuntimeException as failure:
        _only_runtime(failure)
