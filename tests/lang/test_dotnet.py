"""The .NET member adapter: members, statics, Get-Member rows, and PowerShell's error texts.

Expected values are .NET's and PowerShell 7's: error texts from ExtendedTypeSystem.resx /
ParserStrings.resx and .NET's own resources (checked against PowerShell's and dotnet/runtime's
source where noted), numeric results from the .NET algorithms (Math.Round scales, rounds to
even and scales back).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asrsim.lang import dotnet
from asrsim.lang.dotnet import MISSING, MemberInfo
from asrsim.lang.errors import RuntimeException
from asrsim.lang.psobject import ArrayList, Hashtable, PSObject, PSScriptProperty
from asrsim.lang.types import GenericList, PSType, TypeRegistry, default_types


@pytest.fixture(scope="module")
def types() -> TypeRegistry:
    return default_types()


def T(types: TypeRegistry, name: str) -> PSType:
    found = types.resolve(name)
    assert found is not None, name
    return found


def call(obj: Any, name: str, *args: Any) -> Any:
    return dotnet.invoke_method(obj, name, list(args))


def static(types: TypeRegistry, type_name: str, name: str, *args: Any, **kw: Any) -> Any:
    return dotnet.invoke_static(T(types, type_name), name, list(args), **kw)


def error_of(action: Callable[[], Any]) -> RuntimeException:
    with pytest.raises(RuntimeException) as info:
        action()
    return info.value


# =============================================================================================
# errors: the texts and ids PowerShell gives
# =============================================================================================


def test_method_not_found_names_the_type() -> None:
    err = error_of(lambda: call("abc", "Foo"))
    assert err.message == ("Method invocation failed because [System.String] does not contain "
                           "a method named 'Foo'.")
    assert err.record.fully_qualified_error_id == "MethodNotFound"
    assert err.record.category == "InvalidOperation"


def test_method_not_found_on_a_pscustomobject() -> None:
    err = error_of(lambda: call(PSObject([("a", 1)]), "Frob"))
    assert err.message == ("Method invocation failed because "
                           "[System.Management.Automation.PSCustomObject] does not contain a "
                           "method named 'Frob'.")


def test_wrong_argument_count() -> None:
    err = error_of(lambda: call("abc", "Substring", 1, 2, 3))
    assert err.message == 'Cannot find an overload for "Substring" and the argument count: "3".'
    assert err.record.fully_qualified_error_id == "MethodCountCouldNotFindBest"


def test_dotnet_exception_becomes_method_invocation_exception() -> None:
    err = error_of(lambda: call("abc", "Substring", 5))
    assert err.message == ('Exception calling "Substring" with "1" argument(s): "startIndex '
                           "cannot be larger than length of string. (Parameter 'startIndex')\"")
    assert err.record.fully_qualified_error_id == "ArgumentOutOfRangeException"
    assert err.dotnet_type == "System.Management.Automation.MethodInvocationException"


def test_argument_conversion_failure() -> None:
    err = error_of(lambda: call("abc", "Substring", "x"))
    assert err.message == (
        'Cannot convert argument "startIndex", with value: "x", for "Substring" to type '
        '"System.Int32": "Cannot convert value "x" to type "System.Int32". Error: "The input '
        "string 'x' was not in a correct format.\"\"")
    assert err.record.fully_qualified_error_id == "MethodArgumentConversionInvalidCastArgument"


def test_add_on_an_array_is_fixed_size() -> None:
    err = error_of(lambda: call([1, 2], "Add", 3))
    assert err.message == ('Exception calling "Add" with "1" argument(s): "Collection was of a '
                           'fixed size."')
    assert err.record.fully_qualified_error_id == "NotSupportedException"


def test_duplicate_hashtable_key() -> None:
    # .NET's Hashtable message (two spaces before "Key being added", as in the resource)
    err = error_of(lambda: call(Hashtable([("a", 1)]), "Add", "A", 2))
    assert err.message == ('Exception calling "Add" with "2" argument(s): "Item has already '
                           "been added. Key in dictionary: 'a'  Key being added: 'A'\"")


def test_set_missing_property() -> None:
    err = error_of(lambda: dotnet.set_property(PSObject([("a", 1)]), "b", 1))
    assert err.message == ("The property 'b' cannot be found on this object. Verify that the "
                           "property exists and can be set.")
    assert err.record.fully_qualified_error_id == "PropertyNotFound"


def test_set_read_only_property() -> None:
    err = error_of(lambda: dotnet.set_property("abc", "Length", 1))
    assert err.message == '"Length" is a ReadOnly property.'


def test_constructor_errors_name_ctor() -> None:
    err = error_of(lambda: dotnet.invoke_static(default_types().resolve("regex"),  # type: ignore[arg-type]
                                                "new", ["("]))
    assert err.message == ('Exception calling ".ctor" with "1" argument(s): "Invalid pattern '
                           "'(' at offset 1. Not enough )'s.\"")


def test_null_receiver() -> None:
    err = error_of(lambda: call(None, "ToString"))
    assert err.message == "You cannot call a method on a null-valued expression."
    assert err.record.fully_qualified_error_id == "InvokeMethodOnNull"


def test_try_parse_is_refused_clearly(types: TypeRegistry) -> None:
    err = error_of(lambda: static(types, "int", "TryParse", "1", None))
    assert err.record.fully_qualified_error_id == "RefArgumentNotSupported"
    assert "[ref]" in err.message


def test_python_errors_never_escape(types: TypeRegistry) -> None:
    err = error_of(lambda: static(types, "datetime", "DaysInMonth", 2026, 13))
    assert err.message.startswith('Exception calling "DaysInMonth" with "2" argument(s):')


# =============================================================================================
# properties
# =============================================================================================


def test_property_lookup_is_case_insensitive() -> None:
    assert dotnet.get_property("abc", "LENGTH") == 3
    assert dotnet.get_property(PSObject([("Name", "x")]), "name") == "x"


def test_missing_property_is_missing() -> None:
    assert dotnet.get_property("abc", "Nope") is MISSING
    assert dotnet.get_property(PSObject([("a", 1)]), "b") is MISSING
    assert dotnet.get_property(None, "a") is MISSING
    assert not MISSING


def test_hashtable_keys_are_properties() -> None:
    table = Hashtable([("a", 1), ("Count", 5)])
    assert dotnet.get_property(table, "A") == 1
    # a key shadows the .NET property, and a missing key is $null (not an error)
    assert dotnet.get_property(table, "count") == 5
    assert dotnet.get_property(Hashtable([("a", 1)]), "Count") == 1
    assert dotnet.get_property(table, "zzz") is None
    dotnet.set_property(table, "new", 2)
    assert table["NEW"] == 2


def test_array_and_list_properties() -> None:
    assert dotnet.get_property([1, 2, 3], "Count") == 3
    assert dotnet.get_property([1, 2, 3], "Length") == 3
    assert dotnet.get_property([1, 2, 3], "Rank") == 1
    # an ArrayList has no Length: the language layer enumerates its members instead
    assert dotnet.get_property(ArrayList([1]), "Length") is MISSING
    assert dotnet.get_property(ArrayList([1]), "Count") == 1


def test_datetime_properties() -> None:
    moment = dt.datetime(2026, 3, 2, 8, 5, 6, 789000)
    day = dotnet.get_property(moment, "DayOfWeek")
    assert str(day) == "Monday" and int(day) == 1  # a [System.DayOfWeek] value
    assert dotnet.get_property(moment, "DayOfYear") == 61
    assert dotnet.get_property(moment, "Millisecond") == 789
    assert dotnet.get_property(moment, "Date") == dt.datetime(2026, 3, 2)
    assert dotnet.get_property(moment, "TimeOfDay") == dt.timedelta(hours=8, minutes=5,
                                                                     seconds=6,
                                                                     milliseconds=789)
    assert dotnet.get_property(dt.datetime(1, 1, 1), "Ticks") == 0
    assert dotnet.get_property(dt.datetime(2026, 1, 1), "Ticks") == 639_028_224_000_000_000
    assert dotnet.get_property(moment, "Kind") == "Unspecified"
    assert dotnet.get_property(moment.replace(tzinfo=dt.UTC), "Kind") == "Utc"
    assert dotnet.get_property(moment.replace(tzinfo=dotnet.LOCAL), "Kind") == "Local"
    assert dotnet.get_property(moment, "DateTime") == "Monday, March 2, 2026 8:05:06 AM"


def test_timespan_components_truncate_toward_zero() -> None:
    span = dt.timedelta(hours=-1, minutes=-30)
    assert [dotnet.get_property(span, p) for p in ("Days", "Hours", "Minutes", "Seconds")] == [
        0, -1, -30, 0]
    assert dotnet.get_property(span, "TotalHours") == -1.5
    assert dotnet.get_property(dt.timedelta(days=1, hours=12), "TotalDays") == 1.5
    assert dotnet.get_property(dt.timedelta(milliseconds=1), "Ticks") == 10_000


def test_guid_and_version_properties(types: TypeRegistry) -> None:
    guid = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert dotnet.get_property(guid, "Guid") == "0f8fad5b-d9cb-469f-a165-70867728950e"
    version = static(types, "version", "new", "1.2.3")
    assert [dotnet.get_property(version, p) for p in ("Major", "Minor", "Build", "Revision")] \
        == [1, 2, 3, -1]


def test_type_properties(types: TypeRegistry) -> None:
    string_type = call("abc", "GetType")
    assert dotnet.get_property(string_type, "FullName") == "System.String"
    assert dotnet.get_property(string_type, "Name") == "String"
    assert dotnet.get_property(call(1, "GetType"), "Name") == "Int32"
    assert dotnet.get_property(call([1], "GetType"), "FullName") == "System.Object[]"
    assert dotnet.get_property(call(PSObject(), "GetType"), "FullName") == \
        "System.Management.Automation.PSCustomObject"
    cmdlet_object = PSObject([("Name", "vm1")], ("Microsoft.HyperV.PowerShell.VirtualMachine",))
    assert dotnet.get_property(call(cmdlet_object, "GetType"), "Name") == "VirtualMachine"
    assert call(string_type, "ToString") == "System.String"
    assert dotnet.get_property(T(types, "int"), "IsValueType") is True


def test_script_property_setter_and_read_only() -> None:
    store: dict[str, Any] = {"v": 1}
    obj = PSObject([("Live", PSScriptProperty("Live", lambda: store["v"],
                                              lambda value: store.__setitem__("v", value))),
                    ("Fixed", PSScriptProperty("Fixed", lambda: 7))])
    dotnet.set_property(obj, "live", 5)
    assert dotnet.get_property(obj, "Live") == 5
    assert error_of(lambda: dotnet.set_property(obj, "Fixed", 1)).message == \
        '"Fixed" is a ReadOnly property.'


# =============================================================================================
# strings
# =============================================================================================


@pytest.mark.parametrize(("text", "name", "args", "expected"), [
    ("abcdef", "Substring", [2], "cdef"),
    ("abcdef", "Substring", ["1", 2], "bc"),  # '1' converted to int, as PowerShell does
    ("hello", "IndexOf", ["l"], 2),
    ("hello", "IndexOf", ["l", 3], 3),
    ("hello", "IndexOf", ["z"], -1),
    ("hello", "LastIndexOf", ["l"], 3),
    ("hello", "LastIndexOf", ["l", 2], 2),
    ("HeLLo", "IndexOf", ["ll", "OrdinalIgnoreCase"], 2),
    ("HeLLo", "Contains", ["ll"], False),
    ("HeLLo", "Contains", ["ll", "OrdinalIgnoreCase"], True),
    ("HeLLo", "StartsWith", ["he"], False),
    ("HeLLo", "StartsWith", ["he", "CurrentCultureIgnoreCase"], True),
    ("file.TXT", "EndsWith", [".txt", True, None], True),
    ("aAa", "Replace", ["a", "x"], "xAx"),
    ("aAa", "Replace", ["a", "x", "OrdinalIgnoreCase"], "xxx"),
    ("a.b", "Replace", [".", None], "ab"),
    ("  hi  ", "Trim", [], "hi"),
    ("xxhixx", "Trim", ["x"], "hi"),
    ("xyhiyx", "Trim", [["x", "y"]], "hi"),
    ("xxhi", "TrimStart", ["x"], "hi"),
    ("hi!!", "TrimEnd", ["!"], "hi"),
    ("5", "PadLeft", [3, "0"], "005"),
    ("5", "PadRight", [3], "5  "),
    ("abc", "Insert", [1, "X"], "aXbc"),
    ("abcdef", "Remove", [2], "ab"),
    ("abcdef", "Remove", [1, 2], "adef"),
    ("MiXed", "ToUpper", [], "MIXED"),
    ("MiXed", "ToLowerInvariant", [], "mixed"),
    ("ab", "ToCharArray", [], ["a", "b"]),
    ("abc", "Chars", [1], "b"),
    ("e\u0301", "Normalize", [], "\u00e9"),
    ("a", "CompareTo", ["B"], -1),
    ("a", "CompareTo", ["A"], -1),  # the culture sorts lower case first
    ("b", "CompareTo", ["A"], 1),
    ("a", "Equals", ["A"], False),
    ("a", "Equals", ["A", "OrdinalIgnoreCase"], True),
    ("text", "ToString", [], "text"),
])
def test_string_methods(text: str, name: str, args: list[Any], expected: Any) -> None:
    assert dotnet.invoke_method(text, name, args) == expected


@pytest.mark.parametrize(("text", "args", "expected"), [
    # PowerShell 7 binds a string argument to Split(string): the whole string separates
    ("a,b;c", [",;"], ["a,b;c"]),
    ("a, b, c", [", "], ["a", "b", "c"]),
    # a char[] splits on each of its characters
    ("a,b;c", [[",", ";"]], ["a", "b", "c"]),
    # no argument: white space
    (" a  b ", [], ["", "a", "", "b", ""]),
    ("a,b,c", [",", 2], ["a", "b,c"]),
    ("a,,b", [",", "RemoveEmptyEntries"], ["a", "b"]),
    ("a, ,b", [",", "RemoveEmptyEntries, TrimEntries"], ["a", "b"]),
    ("a,,b", [",", 1], ["a,,b"]),
    ("abc", [","], ["abc"]),
])
def test_split(text: str, args: list[Any], expected: list[str]) -> None:
    assert dotnet.invoke_method(text, "Split", args) == expected


def test_string_method_errors() -> None:
    assert error_of(lambda: call("abc", "Replace", "", "x")).message == (
        'Exception calling "Replace" with "2" argument(s): "The value cannot be an empty '
        "string. (Parameter 'oldValue')\"")
    assert error_of(lambda: call("abc", "Substring", 1, 5)).message == (
        'Exception calling "Substring" with "2" argument(s): "Index and length must refer to '
        "a location within the string. (Parameter 'length')\"")
    assert error_of(lambda: call("abc", "Contains", None)).message == (
        'Exception calling "Contains" with "1" argument(s): "Value cannot be null. '
        "(Parameter 'value')\"")


@given(st.text(max_size=20), st.integers(min_value=0, max_value=25),
       st.integers(min_value=0, max_value=25))
def test_substring_agrees_with_slicing_or_raises(text: str, start: int, length: int) -> None:
    if start + length <= len(text):
        assert call(text, "Substring", start, length) == text[start:start + length]
    else:
        with pytest.raises(RuntimeException):
            call(text, "Substring", start, length)


@given(st.text(alphabet="ab,", max_size=15))
def test_split_on_a_char_matches_python(text: str) -> None:
    assert call(text, "Split", [","]) == text.split(",")


# =============================================================================================
# numbers, booleans, dates, time spans, guids
# =============================================================================================


def test_number_to_string() -> None:
    assert call(1234.5, "ToString", "N2") == "1,234.50"
    assert call(5, "ToString", "D3") == "005"
    assert call(255, "ToString", "X") == "FF"
    # Double.ToString() is the shortest round-trip form ("$x" would say 0.3)
    assert call(0.1 + 0.2, "ToString") == "0.30000000000000004"
    assert call(True, "ToString") == "True"
    assert call(Decimal("1.50"), "ToString") == "1.50"


def test_number_equality_is_dotnets() -> None:
    assert call(5, "Equals", 5) is True
    assert call(5, "Equals", "5") is False
    assert call(5, "Equals", 5.0) is False
    assert call(5, "CompareTo", 7) == -1
    assert call(7.5, "CompareTo", "7") == 1


def test_datetime_methods() -> None:
    moment = dt.datetime(2026, 3, 2, 14, 5, 6)
    assert call(moment, "ToString") == "3/2/2026 2:05:06 PM"
    assert call(moment, "ToString", "yyyy-MM-dd HH:mm") == "2026-03-02 14:05"
    assert call(moment, "ToString", "o") == "2026-03-02T14:05:06.0000000"
    assert call(moment, "ToShortDateString") == "3/2/2026"
    assert call(moment, "ToLongDateString") == "Monday, March 2, 2026"
    assert call(moment, "ToShortTimeString") == "2:05 PM"
    assert call(moment, "ToLongTimeString") == "2:05:06 PM"
    assert call(moment, "AddDays", 1.5) == dt.datetime(2026, 3, 4, 2, 5, 6)
    assert call(moment, "AddHours", -14) == dt.datetime(2026, 3, 2, 0, 5, 6)
    assert call(moment, "AddMinutes", "30") == dt.datetime(2026, 3, 2, 14, 35, 6)
    assert call(moment, "AddSeconds", 0.5) == dt.datetime(2026, 3, 2, 14, 5, 6, 500000)
    assert call(moment, "AddMilliseconds", 1) == dt.datetime(2026, 3, 2, 14, 5, 6, 1000)
    assert call(dt.datetime(2026, 1, 31), "AddMonths", 1) == dt.datetime(2026, 2, 28)
    assert call(dt.datetime(2024, 2, 29), "AddYears", 1) == dt.datetime(2025, 2, 28)
    assert call(moment, "AddTicks", 10) == dt.datetime(2026, 3, 2, 14, 5, 6, 1)
    assert call(moment, "Add", dt.timedelta(hours=1)) == dt.datetime(2026, 3, 2, 15, 5, 6)
    assert call(moment, "Subtract", dt.datetime(2026, 3, 1)) == dt.timedelta(hours=38,
                                                                              minutes=5,
                                                                              seconds=6)
    assert call(moment, "Subtract", dt.timedelta(days=2)) == dt.datetime(2026, 2, 28, 14, 5, 6)
    assert call(moment, "ToFileTime") == 134169339060000000
    assert call(moment, "CompareTo", dt.datetime(2027, 1, 1)) == -1


def test_local_and_universal_time_are_the_same_instant() -> None:
    moment = dt.datetime(2026, 3, 2, 8, 0)
    utc = call(moment, "ToUniversalTime")
    local = call(utc, "ToLocalTime")
    assert utc.replace(tzinfo=None) == local.replace(tzinfo=None) == moment
    assert dotnet.get_property(utc, "Kind") == "Utc"
    assert dotnet.get_property(local, "Kind") == "Local"
    # .NET ignores the kind when subtracting
    assert call(local, "Subtract", moment) == dt.timedelta(0)


def test_datetime_overflow() -> None:
    assert error_of(lambda: call(dt.datetime(9999, 12, 31), "AddDays", 2)).message == (
        'Exception calling "AddDays" with "1" argument(s): "The added or subtracted value '
        "results in an un-representable DateTime. (Parameter 'value')\"")


def test_timespan_methods() -> None:
    span = dt.timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=500)
    assert call(span, "ToString") == "1.02:03:04.5000000"
    assert call(span, "ToString", "hh\\:mm") == "02:03"
    assert call(dt.timedelta(minutes=-90), "ToString") == "-01:30:00"
    assert call(span, "Add", dt.timedelta(hours=1)) == span + dt.timedelta(hours=1)
    assert call(span, "Subtract", span) == dt.timedelta(0)
    assert call(dt.timedelta(hours=-2), "Negate") == dt.timedelta(hours=2)
    assert call(dt.timedelta(hours=-2), "Duration") == dt.timedelta(hours=2)


def test_guid_formats() -> None:
    guid = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert call(guid, "ToString") == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert call(guid, "ToString", "N") == "0f8fad5bd9cb469fa16570867728950e"
    assert call(guid, "ToString", "B") == "{0f8fad5b-d9cb-469f-a165-70867728950e}"
    assert call(guid, "ToString", "P") == "(0f8fad5b-d9cb-469f-a165-70867728950e)"


def test_get_hash_code_is_deterministic() -> None:
    assert call("abc", "GetHashCode") == call("abc", "GetHashCode")
    assert call(42, "GetHashCode") == 42


# =============================================================================================
# collections
# =============================================================================================


def test_array_members() -> None:
    items = [1, 2, 3]
    assert call(items, "Contains", 2) is True
    assert call(items, "Contains", "2") is False  # IList.Contains uses Object.Equals
    assert call(items, "IndexOf", 3) == 2
    clone = call(items, "Clone")
    assert clone == items and clone is not items
    assert call(items, "GetValue", 1) == 2
    call(items, "SetValue", 9, 0)
    assert items == [9, 2, 3]
    assert call(items, "ToString") == "System.Object[]"
    for name, args in (("Remove", [1]), ("RemoveAt", [0]), ("Insert", [0, 1])):
        with pytest.raises(RuntimeException, match="fixed size"):
            dotnet.invoke_method(items, name, args)


def test_arraylist_members() -> None:
    items = ArrayList()
    assert call(items, "Add", "a") == 0  # ArrayList.Add returns the new index
    assert call(items, "Add", "b") == 1
    call(items, "AddRange", ["c", "d"])
    call(items, "Insert", 0, "z")
    assert list(items) == ["z", "a", "b", "c", "d"]
    call(items, "Remove", "b")
    call(items, "RemoveAt", 0)
    assert list(items) == ["a", "c", "d"]
    assert call(items, "Contains", "c") is True
    assert call(items, "IndexOf", "d") == 2
    assert call(items, "ToArray") == ["a", "c", "d"]
    assert call(items, "ToString") == "System.Collections.ArrayList"
    call(items, "Clear")
    assert dotnet.get_property(items, "Count") == 0
    assert error_of(lambda: call(items, "RemoveAt", 3)).message == (
        'Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be '
        "non-negative and less than the size of the collection. (Parameter 'index')\"")


def test_generic_list(types: TypeRegistry) -> None:
    items = static(types, "System.Collections.Generic.List[int]", "new")
    assert isinstance(items, GenericList)
    assert call(items, "Add", "5") is None  # List<T>.Add is void; the item converts to int
    assert list(items) == [5]
    assert call(items, "Remove", 5) is True
    assert call(items, "Remove", 5) is False
    err = error_of(lambda: call(items, "Add", "x"))
    assert err.message.startswith('Cannot convert argument "item", with value: "x", for "Add" '
                                  'to type "System.Int32"')
    assert dotnet.get_property(call(items, "GetType"), "FullName") == \
        "System.Collections.Generic.List`1[System.Int32]"


def test_hashtable_members() -> None:
    table = Hashtable([("a", 1)])
    call(table, "Add", "b", 2)
    assert call(table, "ContainsKey", "A") is True
    assert call(table, "Contains", "b") is True
    assert call(table, "ContainsValue", 2) is True
    assert call(table, "ContainsValue", "2") is False
    call(table, "Remove", "a")
    call(table, "Remove", "missing")  # no error, as in .NET
    assert dotnet.get_property(table, "Keys") == ["b"]
    assert dotnet.get_property(table, "Values") == [2]
    clone = call(table, "Clone")
    assert clone == table and clone is not table
    entries = call(table, "GetEnumerator")
    assert [e.type_names[0] for e in entries] == ["System.Collections.DictionaryEntry"]
    assert dotnet.get_property(entries[0], "Name") == "b"  # the Name alias of Key
    assert dotnet.get_property(entries[0], "Value") == 2
    call(table, "Clear")
    assert len(table) == 0


def test_ordered_dictionary_has_no_contains_key() -> None:
    ordered = Hashtable(ordered=True)
    call(ordered, "Insert", 0, "b", 2)
    call(ordered, "Insert", 0, "a", 1)
    assert list(ordered) == ["a", "b"]
    assert error_of(lambda: call(ordered, "ContainsKey", "a")).message == (
        "Method invocation failed because [System.Collections.Specialized.OrderedDictionary] "
        "does not contain a method named 'ContainsKey'.")


# =============================================================================================
# the psobject member
# =============================================================================================


def test_psobject_properties_and_type_names() -> None:
    obj = PSObject([("a", 1), ("b", "x")])
    info = dotnet.get_property(obj, "psobject")
    props = dotnet.get_property(info, "Properties")
    assert [p.get("Name") for p in props] == ["a", "b"]
    assert [p.get("MemberType") for p in props] == ["NoteProperty", "NoteProperty"]
    assert [p.get("TypeNameOfValue") for p in props] == ["System.Int32", "System.String"]
    assert dotnet.get_item(props, "B").get("Value") == "x"
    # the property objects are live: setting Value changes the object
    dotnet.set_property(dotnet.get_item(props, "a"), "Value", 5)
    assert obj.get("a") == 5
    names = dotnet.get_property(info, "TypeNames")
    assert list(names) == ["System.Management.Automation.PSCustomObject"]
    call(names, "Insert", 0, "My.Type")
    assert obj.type_names[0] == "My.Type"
    assert dotnet.get_property(info, "BaseObject") is obj


def test_psobject_copy_and_remove() -> None:
    obj = PSObject([("a", 1), ("b", 2)])
    copy = call(dotnet.get_property(obj, "psobject"), "Copy")
    copy.set("a", 9)
    assert obj.get("a") == 1
    props = dotnet.get_property(dotnet.get_property(obj, "psobject"), "Properties")
    call(props, "Remove", "b")
    assert obj.property_names() == ["a"]


def test_psobject_of_a_dotnet_value() -> None:
    props = dotnet.get_property(dotnet.get_property("abc", "psobject"), "Properties")
    assert [p.get("Name") for p in props] == ["Length"]
    assert props[0].get("Value") == 3


def test_pscustomobject_tostring_is_empty_and_methods_are_called() -> None:
    obj = PSObject([("a", 1)], methods={"Double": lambda x: x * 2})
    assert call(obj, "ToString") == ""
    assert call(obj, "double", 4) == 8


# =============================================================================================
# regular expressions
# =============================================================================================


def test_regex_match_object(types: TypeRegistry) -> None:
    match = static(types, "regex", "Match", "build 2026-03", r"(?<year>\d{4})-(\d{2})")
    assert match.type_names[0] == "System.Text.RegularExpressions.Match"
    assert [match.get(p) for p in ("Success", "Value", "Index", "Length")] == [
        True, "2026-03", 6, 7]
    groups = match.get("Groups")
    # .NET numbers the unnamed group before the named one
    assert [g.get("Name") for g in groups] == ["0", "1", "year"]
    assert groups[1].get("Value") == "03"
    assert dotnet.get_item(groups, "year").get("Value") == "2026"
    assert dotnet.get_item(groups, "1").get("Value") == "03"
    assert call(match, "ToString") == "2026-03"
    failed = static(types, "regex", "Match", "none", r"\d")
    assert failed.get("Success") is False and failed.get("Value") == ""


def test_regex_statics(types: TypeRegistry) -> None:
    assert [m.get("Value") for m in static(types, "regex", "Matches", "a1b22", r"\d+")] == [
        "1", "22"]
    assert static(types, "regex", "Replace", "2026-03-02", r"(\d+)-(\d+)-(\d+)", "$3/$2/$1") \
        == "02/03/2026"
    assert static(types, "regex", "Replace", "aXb", "x", "-", "IgnoreCase") == "a-b"
    assert static(types, "regex", "Replace", "ab", "(?<n>b)", "[${n}$$]") == "a[b$]"
    assert static(types, "regex", "Split", "a1b22c", r"\d+") == ["a", "b", "c"]
    assert static(types, "regex", "Split", "a1b", r"(\d)") == ["a", "1", "b"]
    assert static(types, "regex", "IsMatch", "ABC", "b") is False  # case-sensitive
    assert static(types, "regex", "Escape", "a.b*c [x] {y}") == "a\\.b\\*c\\ \\[x]\\ \\{y}"
    assert static(types, "regex", "Unescape", "a\\.b\\n") == "a.b\n"


def test_regex_instance(types: TypeRegistry) -> None:
    rx = static(types, "regex", "new", "b+", "IgnoreCase")
    assert isinstance(rx, re.Pattern)
    assert call(rx, "Replace", "aBBc", "x") == "axc"
    assert call(rx, "IsMatch", "abc") is True
    assert call(rx, "ToString") == "b+"
    assert dotnet.get_property(rx, "Options") == "IgnoreCase"
    evaluator = call(rx, "Replace", "abbc", lambda m: m.get("Value").upper())
    assert evaluator == "aBBc"


def test_script_block_match_evaluator_goes_through_the_evaluator(types: TypeRegistry) -> None:
    class Block:
        dotnet_type_name = "System.Management.Automation.ScriptBlock"

    seen: list[Any] = []

    def run(block: Any, args: list[Any]) -> Any:
        seen.append(args[0].get("Value"))
        return ["<", "x>"]  # a script block's output: the last item counts

    result = dotnet.invoke_static(T(types, "regex"), "Replace", ["a1b2", r"\d", Block()],
                                  invoke_script=run)
    assert result == "ax>bx>"
    assert seen == ["1", "2"]


# =============================================================================================
# statics
# =============================================================================================


@pytest.mark.parametrize(("name", "args", "expected"), [
    ("Round", [2.5], 2.0),  # banker's rounding
    ("Round", [3.5], 4.0),
    ("Round", [-2.5], -2.0),
    ("Round", [2.5, "AwayFromZero"], 3.0),
    ("Round", [1.2345, 2], 1.23),
    ("Round", [2.675, 2], 2.68),  # .NET scales (267.5), rounds to even (268), scales back
    ("Round", [Decimal("2.5")], Decimal("2")),
    ("Round", [Decimal("1.255"), 2], Decimal("1.26")),
    ("Floor", [2.7], 2.0),
    ("Floor", [-2.7], -3.0),
    ("Ceiling", [2.1], 3.0),
    ("Truncate", [-2.7], -2.0),
    ("Abs", [-5], 5),
    ("Abs", [-2.5], 2.5),
    ("Max", [3, 2], 3),
    ("Max", [1, 2.5], 2.5),
    ("Min", [1, 2.5], 1.0),
    ("Pow", [2, 10], 1024.0),
    ("Sqrt", [16], 4.0),
    ("Sign", [-3], -1),
    ("Log10", [1000], 3.0),
])
def test_math(types: TypeRegistry, name: str, args: list[Any], expected: Any) -> None:
    result = static(types, "math", name, *args)
    assert result == expected
    assert type(result) is type(expected)


def test_math_constants_and_nan(types: TypeRegistry) -> None:
    assert dotnet.get_static(T(types, "math"), "PI") == 3.141592653589793
    assert dotnet.get_static(T(types, "math"), "e") == 2.718281828459045
    assert static(types, "math", "Sqrt", -1) != static(types, "math", "Sqrt", -1)  # NaN
    assert error_of(lambda: static(types, "math", "Round", 1.5, 16)).message == (
        'Exception calling "Round" with "2" argument(s): "Rounding digits must be between 0 '
        "and 15, inclusive. (Parameter 'digits')\"")


def test_numeric_type_statics(types: TypeRegistry) -> None:
    assert dotnet.get_static(T(types, "int"), "MaxValue") == 2147483647
    assert dotnet.get_static(T(types, "long"), "MinValue") == -9223372036854775808
    assert dotnet.get_static(T(types, "byte"), "MaxValue") == 255
    assert dotnet.get_static(T(types, "double"), "MaxValue") == 1.7976931348623157e308
    assert static(types, "int", "Parse", " 42 ") == 42
    assert static(types, "double", "Parse", "1,234.5") == 1234.5
    assert static(types, "double", "IsNaN", float("nan")) is True
    assert error_of(lambda: static(types, "int", "Parse", "abc")).message == (
        'Exception calling "Parse" with "1" argument(s): "The input string \'abc\' was not in '
        'a correct format."')
    assert error_of(lambda: static(types, "int", "Parse", "3000000000")).message == (
        'Exception calling "Parse" with "1" argument(s): "Value was either too large or too '
        'small for an Int32."')
    assert dotnet.get_static(T(types, "int"), "Nope") is MISSING


def test_string_statics(types: TypeRegistry) -> None:
    assert dotnet.get_static(T(types, "string"), "Empty") == ""
    assert static(types, "string", "IsNullOrEmpty", None) is True
    assert static(types, "string", "IsNullOrEmpty", "") is True
    assert static(types, "string", "IsNullOrWhiteSpace", " \t") is True
    assert static(types, "string", "IsNullOrWhiteSpace", "x") is False
    assert static(types, "string", "Join", ", ", [1, 2, 3]) == "1, 2, 3"
    assert static(types, "string", "Join", "-", "a", "b", "c") == "a-b-c"
    assert static(types, "string", "Format", "{0:N2}|{1,5}|{2,-3}|", 1234.5, "x", "y") == \
        "1,234.50|    x|y  |"
    assert static(types, "string", "Concat", "a", 1, True) == "a1True"
    assert static(types, "string", "new", "x", 3) == "xxx"
    assert static(types, "string", "Compare", "a", "B") == -1
    assert static(types, "string", "Compare", "a", "A", True) == 0


def test_guid_statics(types: TypeRegistry) -> None:
    made = static(types, "guid", "NewGuid", new_guid=lambda: uuid.UUID(int=7))
    assert made == uuid.UUID(int=7)
    assert dotnet.get_static(T(types, "guid"), "Empty") == uuid.UUID(int=0)
    assert static(types, "guid", "Parse", "{0f8fad5b-d9cb-469f-a165-70867728950e}") == \
        uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert static(types, "guid", "new", "0f8fad5bd9cb469fa16570867728950e") == \
        uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert error_of(lambda: static(types, "guid", "NewGuid")).record.fully_qualified_error_id \
        == "GuidSourceNotAvailable"


def test_datetime_statics(types: TypeRegistry) -> None:
    def clock() -> dt.datetime:
        return dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)

    now = dotnet.get_static(T(types, "datetime"), "Now", clock=clock)
    assert now.replace(tzinfo=None) == dt.datetime(2026, 3, 2, 8, 30)
    assert dotnet.get_property(now, "Kind") == "Local"
    utc = dotnet.get_static(T(types, "datetime"), "UtcNow", clock=clock)
    assert dotnet.get_property(utc, "Kind") == "Utc"
    today = dotnet.get_static(T(types, "datetime"), "Today", clock=clock)
    assert today.replace(tzinfo=None) == dt.datetime(2026, 3, 2)
    assert dotnet.get_static(T(types, "datetime"), "MinValue") == dt.datetime(1, 1, 1)
    assert error_of(lambda: dotnet.get_static(T(types, "datetime"), "Now")) \
        .record.fully_qualified_error_id == "ClockNotAvailable"
    assert static(types, "datetime", "Parse", "2026-03-02 10:30") == dt.datetime(2026, 3, 2,
                                                                                 10, 30)
    assert static(types, "datetime", "Parse", "3/2/2026") == dt.datetime(2026, 3, 2)
    assert static(types, "datetime", "ParseExact", "02/03/2026 14:05", "dd/MM/yyyy HH:mm",
                  None) == dt.datetime(2026, 3, 2, 14, 5)
    assert static(types, "datetime", "ParseExact", "20260302", "yyyyMMdd", None) == \
        dt.datetime(2026, 3, 2)
    assert static(types, "datetime", "new", 2026, 3, 2) == dt.datetime(2026, 3, 2)
    assert static(types, "datetime", "new", 2026, 3, 2, 8, 5, 6) == dt.datetime(2026, 3, 2, 8,
                                                                               5, 6)
    assert static(types, "datetime", "DaysInMonth", 2024, 2) == 29
    assert static(types, "datetime", "IsLeapYear", 2026) is False
    specified = static(types, "datetime", "SpecifyKind", dt.datetime(2026, 3, 2), "Utc")
    assert dotnet.get_property(specified, "Kind") == "Utc"
    assert error_of(lambda: static(types, "datetime", "Parse", "not a date")).message == (
        'Exception calling "Parse" with "1" argument(s): "String \'not a date\' was not '
        'recognized as a valid DateTime."')


def test_timespan_statics(types: TypeRegistry) -> None:
    assert static(types, "timespan", "FromSeconds", 90) == dt.timedelta(seconds=90)
    assert static(types, "timespan", "FromMinutes", 1.5) == dt.timedelta(seconds=90)
    assert static(types, "timespan", "FromHours", 2) == dt.timedelta(hours=2)
    assert static(types, "timespan", "FromDays", 0.5) == dt.timedelta(hours=12)
    assert static(types, "timespan", "FromMilliseconds", 1) == dt.timedelta(milliseconds=1)
    assert static(types, "timespan", "Parse", "1.02:03:04") == dt.timedelta(days=1, hours=2,
                                                                            minutes=3,
                                                                            seconds=4)
    assert dotnet.get_static(T(types, "timespan"), "Zero") == dt.timedelta(0)
    assert static(types, "timespan", "new", 1, 2, 3) == dt.timedelta(hours=1, minutes=2,
                                                                     seconds=3)
    assert static(types, "timespan", "new", 1, 2, 3, 4) == dt.timedelta(days=1, hours=2,
                                                                        minutes=3, seconds=4)


def test_convert(types: TypeRegistry) -> None:
    assert static(types, "convert", "ToInt32", "42") == 42
    assert static(types, "convert", "ToInt32", 2.5) == 2  # banker's rounding
    assert static(types, "convert", "ToInt32", 3.5) == 4
    assert static(types, "convert", "ToInt32", "ff", 16) == 255
    assert static(types, "convert", "ToInt32", "FFFFFFFF", 16) == -1
    assert static(types, "convert", "ToString", 255, 2) == "11111111"
    assert static(types, "convert", "ToString", 255, 16) == "ff"
    assert static(types, "convert", "ToString", 1.5) == "1.5"
    assert static(types, "convert", "ToBoolean", "TRUE") is True
    assert static(types, "convert", "ToBoolean", 0) is False
    assert static(types, "convert", "ToDouble", "2.5") == 2.5
    assert static(types, "convert", "ToBase64String", [104, 105]) == "aGk="
    assert static(types, "convert", "FromBase64String", "aGk=") == [104, 105]
    utf8 = dotnet.get_static(T(types, "System.Text.Encoding"), "UTF8")
    encoded = static(types, "convert", "ToBase64String", call(utf8, "GetBytes", "héllo"))
    assert encoded == "aMOpbGxv"
    assert call(utf8, "GetString", static(types, "convert", "FromBase64String", encoded)) == \
        "héllo"
    assert error_of(lambda: static(types, "convert", "ToBoolean", "yes")).message == (
        'Exception calling "ToBoolean" with "1" argument(s): "String \'yes\' was not '
        'recognized as a valid Boolean."')


def test_path(types: TypeRegistry) -> None:
    def path(name: str, *args: Any) -> Any:
        return static(types, "System.IO.Path", name, *args)

    assert path("Combine", "C:\\a", "b", "c.txt") == "C:\\a\\b\\c.txt"
    assert path("Combine", "C:\\a\\", "b") == "C:\\a\\b"
    assert path("Combine", "C:\\a", "D:\\b") == "D:\\b"  # a rooted part starts again
    assert path("Join", "C:\\a", "\\b") == "C:\\a\\b"
    assert path("GetFileName", "C:\\a\\b.txt") == "b.txt"
    assert path("GetFileName", "C:/a/b.txt") == "b.txt"
    assert path("GetExtension", "C:\\a\\b.tar.gz") == ".gz"
    assert path("GetExtension", "C:\\a\\noext") == ""
    assert path("GetFileNameWithoutExtension", "C:\\a\\b.tar.gz") == "b.tar"
    assert path("GetDirectoryName", "C:\\a\\b.txt") == "C:\\a"
    assert path("GetDirectoryName", "C:/a/b/c.txt") == "C:\\a\\b"
    assert path("GetDirectoryName", "C:\\a") == "C:\\"
    assert path("GetDirectoryName", "C:\\") is None
    assert path("GetDirectoryName", "file.txt") == ""
    assert path("IsPathRooted", "\\\\server\\share") is True
    assert path("ChangeExtension", "a\\b.txt", "log") == "a\\b.log"


def test_environment(types: TypeRegistry) -> None:
    env = {"COMPUTERNAME": "HV01", "USERNAME": "ops", "Path": "C:\\bin"}
    environment = T(types, "Environment")
    assert dotnet.get_static(environment, "NewLine") == "\n"
    assert dotnet.get_static(environment, "MachineName", environment=env) == "HV01"
    assert dotnet.get_static(environment, "UserName", environment=env) == "ops"
    assert dotnet.invoke_static(environment, "GetEnvironmentVariable", ["PATH"],
                                environment=env) == "C:\\bin"
    assert dotnet.invoke_static(environment, "ExpandEnvironmentVariables",
                                ["%USERNAME% on %COMPUTERNAME%"], environment=env) == \
        "ops on HV01"


def test_char(types: TypeRegistry) -> None:
    assert static(types, "char", "IsDigit", "5") is True
    assert static(types, "char", "IsLetter", "é") is True
    assert static(types, "char", "IsUpper", "a") is False
    assert static(types, "char", "IsWhiteSpace", " ") is True
    assert static(types, "char", "IsDigit", "a1", 1) is True
    assert static(types, "char", "ToUpper", "q") == "Q"
    assert static(types, "char", "IsLetter", 65) is True  # a number is a char code


def test_constructors(types: TypeRegistry) -> None:
    table = static(types, "hashtable", "new")
    assert isinstance(table, Hashtable) and not table
    assert isinstance(static(types, "System.Collections.ArrayList", "new"), ArrayList)
    assert list(static(types, "System.Collections.ArrayList", "new", [1, 2])) == [1, 2]
    version = static(types, "version", "new", 1, 2)
    assert str(version) == "1.2"
    obj = static(types, "pscustomobject", "new")
    assert isinstance(obj, PSObject)
    builder = static(types, "System.Text.StringBuilder", "new", "ab")
    assert call(builder, "Append", "c") is builder  # Append returns the builder
    call(builder, "AppendLine", "d")
    call(builder, "AppendFormat", "{0:D2}", 7)
    assert call(builder, "ToString") == "abcd\n07"
    assert dotnet.get_property(builder, "Length") == 7
    call(builder, "Insert", 0, ">")
    call(builder, "Replace", "d", "D")
    assert str(builder) == ">abcD\n07"
    assert error_of(lambda: static(types, "math", "new")).message == (
        "Method invocation failed because [System.Math] does not contain a method named "
        "'new'.")


def test_enum_statics_are_their_names(types: TypeRegistry) -> None:
    split_options = PSType("System.StringSplitOptions")
    option = dotnet.get_static(split_options, "RemoveEmptyEntries")
    assert option == "RemoveEmptyEntries"
    assert call("a,,b", "Split", ",", option) == ["a", "b"]


# =============================================================================================
# Get-Member
# =============================================================================================


def test_members_of_a_string_sorted_as_get_member_sorts() -> None:
    rows = dotnet.members("abc")
    kinds = [m.member_type for m in rows]
    # by member type name (Method < ParameterizedProperty < Property), then by name
    assert kinds == sorted(kinds, key=str.casefold)
    assert rows[-1] == MemberInfo("Length", "Property", "int Length {get;}")
    assert MemberInfo("Chars", "ParameterizedProperty", "char Chars(int index) {get;}") in rows
    substring = next(m for m in rows if m.name == "Substring")
    assert substring.definition == ("string Substring(int startIndex), string Substring(int "
                                    "startIndex, int length)")
    assert {"Equals", "GetHashCode", "GetType", "ToString"} <= {m.name for m in rows}


def test_members_of_a_pscustomobject() -> None:
    rows = dotnet.members(PSObject([("b", "x"), ("a", 1), ("c", None), ("d", [1, 2])]))
    assert rows == [
        MemberInfo("Equals", "Method", "bool Equals(System.Object obj)"),
        MemberInfo("GetHashCode", "Method", "int GetHashCode()"),
        MemberInfo("GetType", "Method", "type GetType()"),
        MemberInfo("ToString", "Method", "string ToString()"),
        MemberInfo("a", "NoteProperty", "int a=1"),
        MemberInfo("b", "NoteProperty", "string b=x"),
        MemberInfo("c", "NoteProperty", "object c=null"),
        MemberInfo("d", "NoteProperty", "Object[] d=System.Object[]"),
    ]


def test_members_of_a_dictionary_entry() -> None:
    rows = dotnet.members(dotnet.dictionary_entry("k", 1))
    assert rows[0] == MemberInfo("Name", "AliasProperty", "Name = Key")
    assert [m.name for m in rows if m.member_type == "Property"] == ["Key", "Value"]


def test_members_of_script_properties_and_methods() -> None:
    obj = PSObject([("Live", PSScriptProperty("Live", lambda: 1))],
                   ("Custom.Thing",), methods={"Refresh": lambda: None})
    rows = dotnet.members(obj)
    assert MemberInfo("Live", "ScriptProperty", "System.Object Live {get;}") in rows
    assert MemberInfo("Refresh", "Method", "System.Object Refresh()") in rows


def test_static_members(types: TypeRegistry) -> None:
    rows = dotnet.static_members(T(types, "math"))
    assert MemberInfo("PI", "Property", "static double PI {get;}") in rows
    rounding = next(m for m in rows if m.name == "Round")
    assert rounding.member_type == "Method"
    assert rounding.definition.startswith("static double Round(double a), ")
    assert "new" not in {m.name for m in rows}


def test_type_names_of_values() -> None:
    assert dotnet.type_names_of("x") == ["System.String", "System.Object"]
    assert dotnet.type_names_of(1) == ["System.Int32", "System.ValueType", "System.Object"]
    assert dotnet.type_names_of([1]) == ["System.Object[]", "System.Array", "System.Object"]
    obj = PSObject((), ("A.B", "System.Object"))
    assert dotnet.type_names_of(obj) == ["A.B", "System.Object"]


def test_property_names_in_display_order() -> None:
    assert dotnet.property_names(PSObject([("z", 1), ("a", 2)])) == ["z", "a"]
    assert dotnet.property_names("abc") == ["Length"]
    assert dotnet.property_names(dotnet.dictionary_entry("k", 1)) == ["Key", "Value", "Name"]


def test_ip_address_and_char_members() -> None:
    import ipaddress

    from asrsim.lang.conversions import Char

    address = ipaddress.ip_address("10.0.0.1")
    assert dotnet.get_property(address, "AddressFamily") == "InterNetwork"
    assert dotnet.get_property(address, "Address") == 16777226  # little-endian, as .NET
    assert dotnet.get_property(address, "IPAddressToString") == "10.0.0.1"
    assert call(address, "GetAddressBytes") == [10, 0, 0, 1]
    assert error_of(lambda: dotnet.get_property(address, "ScopeId")).message.startswith(
        'Exception getting "ScopeId": ')
    assert call(Char("a"), "CompareTo", "b") == -1
    assert "Length" not in {m.name for m in dotnet.members(Char("a"))}


def test_psvariable_and_adapted_engine_objects() -> None:
    from asrsim.lang.scopes import PSVariable

    variable = PSVariable("x", 5)
    assert dotnet.type_names_of(variable)[0] == "System.Management.Automation.PSVariable"
    assert dotnet.get_property(variable, "Value") == 5
    dotnet.set_property(variable, "Value", 6)
    assert variable.value == 6
    assert "ReadOnly" in dotnet.property_names(variable)


def test_has_method_for_member_enumeration() -> None:
    assert dotnet.has_method("a", "toupper") is True
    assert dotnet.has_method(["a"], "ToUpper") is False  # the caller enumerates
    assert dotnet.has_method(["a"], "Contains") is True
    assert dotnet.has_method(PSObject(), "ToString") is True
    assert dotnet.has_method(PSObject(methods={"Go": lambda: 1}), "go") is True
    assert dotnet.has_method(None, "ToString") is False
