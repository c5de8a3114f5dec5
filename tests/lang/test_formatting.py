"""The formatting engine: exact text, as PowerShell 7 prints it (Out-String form: every line
ends in a newline).

Where an expectation comes from (V = verified against PowerShell's source in
src/System.Management.Automation/FormatAndOutput or its format data; R = our best reading
where the source leaves room, e.g. behaviour that depends on the console or on timing):

- blank lines around tables, lists, custom views, group headers: V (OutCommandInner
  ProcessFormatStart/ProcessFormatEnd/ProcessGroupStart, ListOutputContext,
  InnerFormatShapeCommand.WriteNewLineObject)
- table widths from the widest cell or header, dashes as long as the header, last column
  unpadded, right-aligned scalars, "…" truncation, fixed widths and the hint overriding
  them: V (TableWriter, ColumnWidthManager, ProcessCachedGroupOnTable,
  TableViewGenerator.ComputeDefaultAlignment); all objects taken (not the first 300 ms): R
- list layout and wrapping: V (ListWriter, StringManipulationHelper)
- cells: "{a, b, c, d…}", "$null" items, display names: V (PSObjectHelper.SmartToString,
  GetObjectName); "F" with two decimals for doubles in property tables: V for "F" (PowerShell
  7.3 PR #17650), R for two decimals (Windows' en-US, issues #19463/#19107)
- built-in views (Name/Value 30 wide, TimeSpan list, DateTime custom, Guid table,
  GroupInfo, MemberDefinition, RuntimeType): V (DotNetTypes/PowerShellCore format data)
- an object the current view does not apply to shown as a list out of band: V
  (ProcessOutOfBandObjectInsideDocumentSequence); the first object's table taking every
  later object of a property-generated view: V (IsObjectApplicable)
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrsim.lang import dotnet
from asrsim.lang.formatting import (
    Column,
    CustomView,
    GroupBy,
    ListView,
    TableView,
    ViewRegistry,
    WideView,
    cells,
    column_widths,
    default_views,
    display_string,
    format_default,
    format_list,
    format_table,
    format_wide,
    generate_lines,
    prop,
    property_columns,
)
from asrsim.lang.psobject import Hashtable, PSObject, PSScriptProperty
from asrsim.lang.types import default_types


@pytest.fixture
def views() -> ViewRegistry:
    return default_views()


def obj(*pairs: tuple[str, Any], type_name: str | None = None) -> PSObject:
    if type_name is None:
        return PSObject(pairs)
    return PSObject(pairs, (type_name, "System.Object"))


def text(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


# =============================================================================================
# scalars
# =============================================================================================


def test_scalars_one_per_line(views: ViewRegistry) -> None:
    assert format_default(["hello", 1, 2.5, True, None, 10**20, 0.1 + 0.2], views) == text(
        "hello", "1", "2.5", "True", "100000000000000000000", "0.3")


def test_nothing_prints_nothing(views: ViewRegistry) -> None:
    assert format_default([], views) == ""
    assert format_default([None], views) == ""


def test_a_collection_is_enumerated_once(views: ViewRegistry) -> None:
    assert format_default([[1, 2], "x"], views) == text("1", "2", "x")


def test_datetime_on_its_own_line(views: ViewRegistry) -> None:
    moment = dt.datetime(2026, 3, 2, 8, 0)
    assert format_default([moment], views) == text("", "Monday, March 2, 2026 8:00:00 AM", "")
    assert format_default([moment, moment], views) == text(
        "", "Monday, March 2, 2026 8:00:00 AM", "Monday, March 2, 2026 8:00:00 AM", "")


def test_display_string() -> None:
    moment = dt.datetime(2026, 3, 2, 20, 5, 0)
    assert display_string(moment) == "3/2/2026 8:05:00 PM"
    assert display_string(moment, own_line=True) == "Monday, March 2, 2026 8:05:00 PM"
    assert display_string(None) == ""
    assert display_string(True) == "True"
    assert display_string(1.5) == "1.5"
    assert display_string(1.5, in_table=True) == "1.50"
    assert display_string([1, 2, 3, 4, 5]) == "{1, 2, 3, 4…}"
    assert display_string([1, 2, 3, 4, 5], enumeration_limit=-1) == "{1, 2, 3, 4, 5}"
    assert display_string([]) == "{}"
    assert display_string(["a", None, [1]]) == "{a, $null, System.Object[]}"
    assert display_string(Hashtable([("b", 1), ("a", 2)])) == "{b, a}"
    assert display_string([Hashtable([("x", 1)])]) == "{System.Collections.Hashtable}"
    assert display_string([obj(("a", 1), ("b", "x"))]) == "{@{a=1; b=x}}"
    assert display_string(obj(("a", 1))) == "@{a=1}"
    vm = obj(("Name", "vm01"), ("State", "Running"), type_name="Sim.VirtualMachine")
    assert display_string([vm]) == "{vm01}"  # an item without ToString shows its Name
    assert display_string(dt.timedelta(hours=1, minutes=2)) == "01:02:00"
    assert display_string(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"


# =============================================================================================
# tables
# =============================================================================================


def test_table_of_custom_objects(views: ViewRegistry) -> None:
    objects = [obj(("Name", "alpha"), ("Size", 10), ("Enabled", True)),
               obj(("Name", "b"), ("Size", 12345), ("Enabled", False))]
    assert format_default(objects, views) == text(
        "",
        "Name   Size Enabled",
        "----   ---- -------",
        "alpha    10    True",
        "b     12345   False",
        "")


def test_right_aligned_header_and_dashes(views: ViewRegistry) -> None:
    objects = [obj(("n", 12345), ("s", "x"))]
    assert format_default(objects, views) == text(
        "",
        "    n s",
        "    - -",
        "12345 x",
        "")


def test_five_properties_make_a_list(views: ViewRegistry) -> None:
    objects = [obj(("Name", "a"), ("Id", 1), ("Path", "C:\\x"), ("Size", 2), ("LongerName", "")),
               obj(("Name", "b"), ("Id", 2), ("Path", None), ("Size", 3), ("LongerName", "y"))]
    assert format_default(objects, views) == text(
        "",
        "Name       : a",
        "Id         : 1",
        "Path       : C:\\x",
        "Size       : 2",
        "LongerName : ",
        "",
        "Name       : b",
        "Id         : 2",
        "Path       : ",
        "Size       : 3",
        "LongerName : y",
        "")


def test_nested_collections_null_cells_and_doubles(views: ViewRegistry) -> None:
    objects = [obj(("Items", [1, 2, 3, 4, 5]), ("Missing", None), ("Ratio", 1.5)),
               obj(("Items", ["a"]), ("Missing", "here"), ("Ratio", 2.0))]
    assert format_default(objects, views) == text(
        "",
        "Items         Missing Ratio",
        "-----         ------- -----",
        "{1, 2, 3, 4…}          1.50",
        "{a}           here     2.00",
        "")


def test_later_objects_use_the_first_objects_columns(views: ViewRegistry) -> None:
    # PowerShell's famous quirk: a second shape shows under the first object's headers
    objects = [obj(("a", 1)), obj(("b", 2)), obj(("a", 3), ("b", 4))]
    assert format_default(objects, views) == text("", "a", "-", "1", " ", "3", "")


def test_scalars_in_the_middle_of_a_table(views: ViewRegistry) -> None:
    objects = ["before", obj(("Name", "x"), ("Size", 1)), "middle",
               obj(("Name", "yy"), ("Size", 2))]
    assert format_default(objects, views) == text(
        "before",
        "",
        "Name Size",
        "---- ----",
        "x       1",
        "middle",
        "yy      2",
        "")


def test_object_of_another_type_after_a_view_is_a_list(views: ViewRegistry) -> None:
    objects = [Hashtable([("a", 1)]), obj(("Name", "x"), ("Size", 1))]
    assert format_default(objects, views) == text(
        "",
        "Name                           Value",
        "----                           -----",
        "a                              1",
        "",
        "Name : x",
        "Size : 1",
        "",
        "")


def test_hashtable_name_value_table(views: ViewRegistry) -> None:
    table = Hashtable([("Name", "vm01"), ("Memory", 4096), ("Tags", ["a", "b"])])
    assert format_default([table], views) == text(
        "",
        "Name                           Value",
        "----                           -----",
        "Name                           vm01",
        "Memory                         4096",
        "Tags                           {a, b}",
        "")


def test_hashtable_autosize(views: ViewRegistry) -> None:
    table = Hashtable([("a", 1), ("bb", "two")])
    assert format_table([table], None, views, autosize=True) == text(
        "", "Name Value", "---- -----", "a    1", "bb   two", "")


def test_long_values_are_cut_with_an_ellipsis(views: ViewRegistry) -> None:
    objects = [obj(("Id", 7), ("Text", "x" * 30))]
    assert format_default(objects, views, width=20) == text(
        "",
        "Id Text",
        "-- ----",
        " 7 xxxxxxxxxxxxxxxx…",
        "")


def test_a_value_with_a_line_break_shows_its_first_line(views: ViewRegistry) -> None:
    objects = [obj(("A", "one\ntwo"), ("B", 1))]
    # the column is as wide as the whole value (7), the cell shows "one…"
    assert format_default(objects, views) == text(
        "", "A       B", "-       -", "one…    1", "")


def test_columns_that_do_not_fit_are_shrunk_then_dropped(views: ViewRegistry) -> None:
    objects = [obj(("First", "a" * 10), ("Second", "b" * 10), ("Third", "c" * 10))]
    # the last column is shrunk to what is left; its header wraps within it
    assert format_default(objects, views, width=25) == text(
        "",
        "First      Second     Thi",
        "                      rd",
        "-----      ------     ---",
        "aaaaaaaaaa bbbbbbbbbb cc…",
        "")
    # with no room left at all, it is dropped
    assert format_default(objects, views, width=22) == text(
        "",
        "First      Second",
        "-----      ------",
        "aaaaaaaaaa bbbbbbbbbb",
        "")


def test_format_table_properties_and_calculated_column(views: ViewRegistry) -> None:
    objects = [obj(("Name", "alpha"), ("Size", 1024)), obj(("Name", "b"), ("Size", 1536))]
    kb = Column("KB", lambda o: o.get("Size") / 1024, format_string="N1")
    # an unknown property is an empty column; its separator still ends each row
    assert format_table(objects, ["Name", kb, "Nope"], views) == text(
        "",
        "Name   KB Nope",
        "----   -- ----",
        "alpha 1.0 ",
        "b     1.5 ",
        "")


def test_format_table_wildcard(views: ViewRegistry) -> None:
    objects = [obj(("VMName", "a"), ("VMId", 1), ("State", "Off"))]
    assert format_table(objects, ["VM*"], views) == text(
        "", "VMName VMId", "------ ----", "a         1", "")


def test_calculated_width_is_kept_when_the_first_column_is_fixed(views: ViewRegistry) -> None:
    objects = [obj(("Name", "alpha"), ("Size", 1))]
    columns = [Column("Name", lambda o: o.get("Name"), width=8), prop("Size", width=6)]
    assert format_table(objects, columns, views) == text(
        "", "Name       Size", "----       ----", "alpha         1", "")


def test_calculated_width_is_ignored_when_the_first_column_is_measured(
        views: ViewRegistry) -> None:
    # the cached group's widths replace every column's (TableOutputContext.Initialize)
    objects = [obj(("Name", "alpha"), ("Size", 1))]
    columns = [prop("Name"), prop("Size", width=10)]
    assert format_table(objects, columns, views) == text(
        "", "Name  Size", "----  ----", "alpha    1", "")


def test_format_table_autosize_and_alignment(views: ViewRegistry) -> None:
    objects = [obj(("Name", "alpha"), ("Where", "here"))]
    columns = [prop("Name", alignment="Right"), prop("Where", alignment="Center")]
    assert format_table(objects, columns, views, autosize=True) == text(
        "", " Name Where", " ---- -----", "alpha here", "")


def test_format_table_wrap(views: ViewRegistry) -> None:
    objects = [obj(("Id", 1), ("Note", "the quick brown fox jumps over the lazy dog"))]
    assert format_table(objects, None, views, wrap=True, width=25) == text(
        "",
        "Id Note",
        "-- ----",
        " 1 the quick brown fox",
        "   jumps over the lazy",
        "   dog",
        "")


def test_format_table_hide_headers(views: ViewRegistry) -> None:
    objects = [obj(("a", "x"), ("b", "y"))]
    assert format_table(objects, None, views, hide_headers=True) == text("", "x y", "")


def test_format_table_group_by(views: ViewRegistry) -> None:
    objects = [obj(("Host", "hv1"), ("VM", "a")), obj(("Host", "hv1"), ("VM", "bb")),
               obj(("Host", "hv2"), ("VM", "c"))]
    grouped = format_table(objects, ["VM"], views,
                           group_by=GroupBy("Host", lambda o: o.get("Host")))
    assert grouped == text(
        "",
        "   Host: hv1",
        "",
        "VM",
        "--",
        "a",
        "bb",
        "",
        "   Host: hv2",
        "",
        "VM",
        "--",
        "c",
        "")


def test_format_table_of_scalars_prints_them(views: ViewRegistry) -> None:
    # Format-Table leaves strings and numbers out of band, as PowerShell does
    assert format_table(["a", 1], None, views) == text("a", "1")


def test_more_than_ten_properties_in_a_table(views: ViewRegistry) -> None:
    many = obj(*[(f"p{i}", i) for i in range(12)])
    assert format_table([many], None, views).splitlines()[1] == \
        "p0 p1 p2 p3 p4 p5 p6 p7 p8 p9"


def test_east_asian_wide_characters_take_two_cells(views: ViewRegistry) -> None:
    objects = [obj(("Name", "日本"), ("n", 1)), obj(("Name", "ab"), ("n", 2))]
    assert format_default(objects, views) == text(
        "", "Name n", "---- -", "日本 1", "ab   2", "")


# =============================================================================================
# lists
# =============================================================================================


def test_format_list_selected_properties_and_star(views: ViewRegistry) -> None:
    item = obj(("Name", "vm01"), ("Memory", 4096), ("Notes", None))
    assert format_list([item], ["Name", "Missing", "Notes"], views) == text(
        "", "Name  : vm01", "Notes : ", "")
    assert format_list([item], ["*"], views) == text(
        "", "Name   : vm01", "Memory : 4096", "Notes  : ", "")
    assert format_list([item], ["N*"], views) == text("", "Name  : vm01", "Notes : ", "")


def test_format_list_of_several_objects_with_their_own_properties(views: ViewRegistry) -> None:
    assert format_list([obj(("a", 1)), obj(("bbb", 2))], None, views) == text(
        "", "a : 1", "", "bbb : 2", "")


def test_format_list_wraps_long_values(views: ViewRegistry) -> None:
    item = obj(("Description", "the quick brown fox jumps over the lazy dog"), ("Id", 1))
    assert format_list([item], None, views, width=40) == text(
        "",
        "Description : the quick brown fox jumps ",
        "              over the lazy dog",
        "Id          : 1",
        "")


def test_format_list_multiline_value(views: ViewRegistry) -> None:
    assert format_list([obj(("Text", "one\ntwo"))], None, views) == text(
        "", "Text : one", "       two", "")


def test_format_list_doubles_are_not_table_formatted(views: ViewRegistry) -> None:
    assert format_list([obj(("Ratio", 1.25))], None, views) == text("", "Ratio : 1.25", "")


def test_format_list_calculated_property(views: ViewRegistry) -> None:
    item = obj(("Size", 1536))
    column = Column("SizeKB", lambda o: o.get("Size") / 1024, format_string="{0:N2} KB")
    assert format_list([item], [column], views) == text("", "SizeKB : 1.50 KB", "")


# =============================================================================================
# wide
# =============================================================================================


def test_format_wide_two_columns_by_default() -> None:
    items = [obj(("Name", n), ("Size", 1)) for n in ("alpha", "beta", "gamma")]
    assert format_wide(items, None, width=40) == text(
        "",
        "alpha                beta",
        "gamma                ",
        "")


def test_format_wide_with_a_column_count() -> None:
    items = [obj(("Name", f"item{i}")) for i in range(5)]
    assert format_wide(items, None, columns=3, width=40) == text(
        "",
        "item0         item1         item2",
        "item3         item4         ",
        "")


def test_format_wide_autosize_and_property() -> None:
    items = [obj(("Id", i), ("Label", f"L{i}")) for i in range(4)]
    # as many items as fit (ComputeWideViewBestItemsPerRowFit), spread over the line
    assert format_wide(items, "Label", autosize=True, width=12) == text(
        "", "L0  L1 L2 L3", "")


def test_format_wide_truncates() -> None:
    assert format_wide([obj(("Name", "a" * 30))], None, columns=2, width=21) == text(
        "", "aaaaaaaaa… ", "")


# =============================================================================================
# built-in and registered views
# =============================================================================================


def test_timespan_list_view(views: ViewRegistry) -> None:
    assert format_default([dt.timedelta(hours=1, minutes=30)], views) == text(
        "",
        "Days              : 0",
        "Hours             : 1",
        "Minutes           : 30",
        "Seconds           : 0",
        "Milliseconds      : 0",
        "Ticks             : 54000000000",
        "TotalDays         : 0.0625",
        "TotalHours        : 1.5",
        "TotalMinutes      : 90",
        "TotalSeconds      : 5400",
        "TotalMilliseconds : 5400000",
        "")


def test_guid_table_view(views: ViewRegistry) -> None:
    assert format_default([uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")], views) == text(
        "", "Guid", "----", "0f8fad5b-d9cb-469f-a165-70867728950e", "")


def test_match_list_view(views: ViewRegistry) -> None:
    match = dotnet.invoke_static(default_types().resolve("regex"),  # type: ignore[arg-type]
                                 "Match", ["abc", "b"])
    assert format_default([match], views) == text(
        "",
        "Groups    : {0}",
        "Success   : True",
        "Name      : 0",
        "Captures  : {0}",
        "Index     : 1",
        "Length    : 1",
        "Value     : b",
        "ValueSpan : ",
        "")


def test_group_info_view(views: ViewRegistry) -> None:
    group = obj(("Name", "Running"), ("Count", 2), ("Group", ["vm1", "vm2"]), ("Values",
                                                                              ["Running"]),
                type_name="Microsoft.PowerShell.Commands.GroupInfo")
    assert format_default([group], views) == text(
        "",
        "Count Name                      Group",
        "----- ----                      -----",
        "    2 Running                   {vm1, vm2}",
        "")


def test_get_member_view(views: ViewRegistry) -> None:
    rows = [obj(("TypeName", "System.String"), ("Name", m.name), ("MemberType", m.member_type),
                ("Definition", m.definition),
                type_name="Microsoft.PowerShell.Commands.MemberDefinition")
            for m in dotnet.members("abc") if m.name in ("Clone", "Chars", "Length")]
    assert format_default(rows, views) == text(
        "",
        "   TypeName: System.String",
        "",
        "Name   MemberType            Definition",
        "----   ----------            ----------",
        "Clone  Method                System.Object Clone()",
        "Chars  ParameterizedProperty char Chars(int index) {get;}",
        "Length Property              int Length {get;}",
        "")


def test_type_view(views: ViewRegistry) -> None:
    string_type = dotnet.invoke_method("abc", "GetType", [])
    assert format_default([string_type], views) == text(
        "",
        "IsPublic IsSerial Name                                     BaseType",
        "-------- -------- ----                                     --------",
        "True     True     String                                   System.Object",
        "")


def test_measure_info_view(views: ViewRegistry) -> None:
    info = obj(("Count", 3), ("Average", None), ("Sum", 6), ("Maximum", None),
               ("Minimum", None), ("StandardDeviation", None), ("Property", None),
               type_name="Microsoft.PowerShell.Commands.GenericMeasureInfo")
    assert format_default([info], views) == text(
        "",
        "Count             : 3",
        "Average           : ",
        "Sum               : 6",
        "Maximum           : ",
        "Minimum           : ",
        "StandardDeviation : ",
        "Property          : ",
        "")


def test_registered_view_for_a_custom_type() -> None:
    views = default_views()
    views.register(TableView(("Sim.VirtualMachine",), (
        prop("Name", width=12), prop("State", width=10), prop("MemoryMB", "Memory(MB)",
                                                              alignment="Right"))))
    vms = [obj(("Name", "vm01"), ("State", "Running"), ("MemoryMB", 4096), ("Id", 1),
               ("Host", "hv1"), type_name="Sim.VirtualMachine")]
    # the last column, without a width, takes the rest of the line
    assert format_default(vms, views, width=40) == text(
        "",
        "Name".ljust(12) + " " + "State".ljust(10) + " " + "Memory(MB)".rjust(16),
        "----".ljust(12) + " " + "-----".ljust(10) + " " + "----------".rjust(16),
        "vm01".ljust(12) + " " + "Running".ljust(10) + " " + "4096".rjust(16),
        "")
    # another view kind for the same type, picked by Format-List
    views.register(ListView(("Sim.VirtualMachine",), (prop("Name"), prop("Host"))))
    assert format_list(vms, None, views) == text("", "Name : vm01", "Host : hv1", "")
    # Format-Default picks the view registered last
    assert format_default(vms, views) == text("", "Name : vm01", "Host : hv1", "")


def test_registered_wide_and_custom_views() -> None:
    views = ViewRegistry()
    views.register(WideView(("Sim.Host",), prop("Fqdn"), columns=3))
    views.register(CustomView(("Sim.Banner",), lambda o: f"*** {o.get('Text')} ***"))
    hosts = [obj(("Fqdn", f"hv{i}.lab"), type_name="Sim.Host") for i in range(3)]
    assert format_default(hosts, views, width=30) == text("", "hv0.lab    hv1.lab   hv2.lab", "")
    assert format_default([obj(("Text", "hi"), type_name="Sim.Banner")], views) == text(
        "", "*** hi ***", "")


def test_view_group_by_and_script_columns() -> None:
    views = ViewRegistry()
    views.register(TableView(("Sim.Disk",), (
        prop("Name"), Column("Size(GB)", lambda o: o.get("Bytes") / 2**30, format_string="N1",
                             alignment="Right")),
        group_by=GroupBy("VMName", lambda o: o.get("VM"))))
    disks = [obj(("VM", "a"), ("Name", "os.vhdx"), ("Bytes", 2**31), type_name="Sim.Disk"),
             obj(("VM", "a"), ("Name", "data.vhdx"), ("Bytes", 3 * 2**29), type_name="Sim.Disk")]
    assert format_default(disks, views) == text(
        "",
        "   VMName: a",
        "",
        "Name      Size(GB)",
        "----      --------",
        "os.vhdx        2.0",
        "data.vhdx      1.5",
        "")


def test_view_numbers_are_left_aligned_unless_the_view_says(views: ViewRegistry) -> None:
    # a view's column without an alignment is left-aligned (TextAlignment.Undefined)
    assert format_default([Hashtable([("n", 12)])], views, width=40).splitlines()[3] == \
        "n                              12"


def test_error_records_are_written_out_of_band(views: ViewRegistry) -> None:
    from asrsim.lang.errors import RuntimeException

    record = RuntimeException("Something failed.", "Failed").record
    out = format_default([obj(("a", 1)), record, obj(("a", 2))], views)
    lines = out.splitlines()
    assert lines[:4] == ["", "a", "-", "1"]
    assert "Something failed." in out
    assert lines[-2:] == ["2", ""]


# =============================================================================================
# building blocks
# =============================================================================================


def test_column_widths_manager() -> None:
    assert column_widths([3, 0], 10) == [3, 6]
    assert column_widths([0, 0], 11) == [5, 5]
    assert column_widths([5, 5, 5], 17) == [5, 5, 5]
    assert column_widths([5, 5, 5], 14) == [5, 5, 2]
    assert column_widths([5, 5, 5], 11) == [5, 5, -1]


def test_generate_lines_word_wrap() -> None:
    assert generate_lines("one two three", 7, 7) == ["one ", "two ", "three"]
    assert generate_lines("abcdefghij", 4, 4) == ["abcd", "efgh", "ij"]
    assert generate_lines("", 5, 5) == [""]
    assert generate_lines("a\nb", 5, 5) == ["a", "b"]


def test_property_columns() -> None:
    assert [c.label for c in property_columns(obj(("b", 1), ("a", 2)))] == ["b", "a"]
    assert [c.label for c in property_columns("abc")] == ["Length"]
    column = property_columns(obj(("Live", PSScriptProperty("Live", lambda: 42))))[0]
    assert column.value(obj(("Live", PSScriptProperty("Live", lambda: 42)))) == 42


def test_view_registry_finds_by_most_specific_type_name() -> None:
    views = ViewRegistry()
    base = TableView(("Base",), (prop("a"),))
    derived = ListView(("Derived",), (prop("a"),))
    views.register(base)
    views.register(derived)
    assert views.find(["Derived", "Base"]) is derived
    assert views.find(["Derived", "Base"], "table") is base
    assert views.find(["Other"]) is None
    assert default_views() is not default_views()


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
                    st.lists(st.integers(0, 99), max_size=6))
_NAMES = st.text(alphabet="abcdefghXYZ_", min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.dictionaries(_NAMES, _VALUES, min_size=1, max_size=7), min_size=1,
                max_size=5), st.integers(min_value=6, max_value=80))
def test_every_line_fits_the_width(rows: list[dict[str, Any]], width: int) -> None:
    objects = [PSObject(list(row.items())) for row in rows]
    views = default_views()
    for out in (format_default(objects, views, width=width),
                format_table(objects, None, views, width=width),
                format_table(objects, None, views, width=width, autosize=True, wrap=True),
                format_list(objects, None, views, width=width),
                format_wide(objects, None, width=width)):
        assert all(cells(line) <= width for line in out.splitlines()), out
