"""The console formatting engine: what ``Out-Default``, ``Out-String``, ``Format-Table``,
``Format-List`` and ``Format-Wide`` print, as PowerShell 7 prints it.

The rules follow PowerShell's own formatter (System.Management.Automation/FormatAndOutput):

- **Shape.** The first object picks the view: a registered view for the most specific of its
  type names, else a table when it has at most four properties and a list when it has more
  (``DisplayDataQuery.GetShapeFromPropertyCount``). A scalar (string, number, bool, char,
  enum, or an object without properties) is never formatted: its ToString() is written as a
  line of its own, even in the middle of a table (``OutOfBandFormatViewManager``).
- **Later objects.** A table or list made from the first object's properties takes every
  later object (a row with the first object's columns: a missing property is an empty cell;
  ``ViewGenerator.IsObjectApplicable``). A registered view takes only objects of its types;
  any other object is written "out of band", as a list.
- **Blank lines** (``OutCommandInner``): a blank line starts every formatted document and one
  ends it, except a list, whose entries each end with one already; a group header (``   Name:
  value``) is followed by a blank line, and a blank line separates groups.
- **Tables** (``TableWriter``, ``ColumnWidthManager``): columns without a fixed width are as
  wide as their widest cell or header, taken over the whole group (PowerShell waits 300 ms
  for objects; Out-String semantics here: all of them). When the first column has a fixed
  width no cells are measured: columns without one share the rest of the line. The
  header's dashes are as long as the label (not the column); a single space separates
  columns; the last column is not padded unless it is right-aligned; a cell that does not
  fit is cut with ``…`` (U+2026), on the left for a right-aligned column; a cell with a line
  break shows its first line and ``…`` unless -Wrap; columns that do not fit the line are
  dropped from the right, the last one kept being shrunk. Property tables align a column on
  the right when the first object's value there is a number, boolean or char
  (``DefaultScalarTypes``), and show doubles and decimals with the culture's "F" format
  (PowerShell 7.3+: ``1.50``).
- **Lists** (``ListWriter``): ``Name : value`` with the names padded to the longest; a long
  value wraps at word boundaries under its first line.
- **Cells** (``PSObjectHelper.SmartToString``): ``$null`` is empty; a collection is
  ``{a, b, c, d…}`` (``$FormatEnumerationLimit`` = 4 items), its items shown by ToString()
  when their type has one and else by their Name/Id/Key property (``$null`` as ``$null``); a
  date is the en-US ``3/2/2026 8:00:00 AM`` (on its own line a date is its DateTime property,
  ``Monday, March 2, 2026 8:00:00 AM``).

Output is returned as one string of lines, each ending in ``\\n`` (Out-String's form).
"""

from __future__ import annotations

import decimal
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from asrsim.lang import conversions, dotnet_format
from asrsim.lang.errors import ErrorRecord, RuntimeException
from asrsim.lang.lazy import lazy_module
from asrsim.lang.psobject import MISSING, NOTHING, Hashtable, PSObject

if TYPE_CHECKING:
    from asrsim.lang import dotnet
else:
    #: the .NET adapter is needed only for objects, not for the numbers and strings most
    #: output is
    dotnet = lazy_module("asrsim.lang.dotnet")

__all__ = [
    "ENUMERATION_LIMIT",
    "Column",
    "CustomView",
    "GroupBy",
    "ListView",
    "TableView",
    "ViewRegistry",
    "WideView",
    "cells",
    "column_widths",
    "default_views",
    "display_string",
    "format_default",
    "format_list",
    "format_table",
    "format_wide",
    "generate_lines",
    "prop",
    "property_columns",
]

ELLIPSIS: Final = "\u2026"
#: $FormatEnumerationLimit's default
ENUMERATION_LIMIT: Final = 4
#: PowerShell's default console width when the host has none
DEFAULT_WIDTH: Final = 120

LEFT, RIGHT, CENTER, UNDEFINED = "Left", "Right", "Center", "Undefined"


# =============================================================================================
# views
# =============================================================================================


@dataclass(frozen=True)
class Column:
    """A table column, a list item or the wide entry: a label and how to get the value from
    an object (a property, or a calculated property's script block wrapped by the caller)."""

    label: str
    value: Callable[[Any], Any]
    #: a fixed width (a view's, or a calculated property's Width); None: computed
    width: int | None = None
    #: "Left" | "Right" | "Center" | "Undefined" (a property table aligns numbers right)
    alignment: str = UNDEFINED
    #: FormatString of a calculated property, e.g. "N2" or "{0:N2} MB"
    format_string: str | None = None


@dataclass(frozen=True)
class GroupBy:
    """A view's GroupBy (or Format-Table -GroupBy): a header line ``   label: value`` each
    time the value changes."""

    label: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class TableView:
    type_names: tuple[str, ...]
    columns: tuple[Column, ...]
    group_by: GroupBy | None = None
    autosize: bool = False
    hide_headers: bool = False
    wrap: bool = False
    name: str = ""


@dataclass(frozen=True)
class ListView:
    type_names: tuple[str, ...]
    items: tuple[Column, ...]
    group_by: GroupBy | None = None
    name: str = ""


@dataclass(frozen=True)
class WideView:
    type_names: tuple[str, ...]
    column: Column
    columns: int | None = None
    group_by: GroupBy | None = None
    name: str = ""


@dataclass(frozen=True)
class CustomView:
    """A custom control: ``render`` gives the object's text (a DateTime's long form, an
    error record's message). An out-of-band view is written wherever the object appears,
    like a string."""

    type_names: tuple[str, ...]
    render: Callable[[Any], str]
    out_of_band: bool = False
    name: str = ""


View = TableView | ListView | WideView | CustomView

_KINDS: Final = MappingProxyType({TableView: "table", ListView: "list", WideView: "wide",
                                  CustomView: "custom"})


def _kind(view: View) -> str:
    return _KINDS[type(view)]


class ViewRegistry:
    """The format views of one runtime. A cmdlet module registers views for the type names
    its objects carry; a view registered later for a type name is preferred to an earlier
    one (as ``Update-FormatData -PrependPath``)."""

    def __init__(self) -> None:
        self._views: dict[str, list[View]] = {}

    def register(self, view: View, *, prepend: bool = True) -> None:
        """Add a view; it is preferred to the views already there for its type names
        unless ``prepend`` is False (the built-in views keep PowerShell's order)."""
        for name in view.type_names:
            views = self._views.setdefault(name.casefold(), [])
            if prepend:
                views.insert(0, view)
            else:
                views.append(view)

    def find(self, type_names: Sequence[str], kind: str | None = None) -> View | None:
        """The view for the most specific of ``type_names``; ``kind`` ("table", "list",
        "wide", "custom") restricts the shape."""
        for name in type_names:
            for view in self._views.get(name.casefold(), ()):
                if kind is None or _kind(view) == kind:
                    return view
        return None

    def applies(self, view: View, type_names: Sequence[str]) -> bool:
        folded = {name.casefold() for name in view.type_names}
        return any(name.casefold() in folded for name in type_names)


def prop(name: str, label: str | None = None, *, width: int | None = None,
         alignment: str = UNDEFINED, format_string: str | None = None) -> Column:
    """A column showing the property ``name``."""
    return Column(label if label is not None else name, _getter(name), width, alignment,
                  format_string)


def _getter(name: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        if isinstance(obj, Hashtable):
            return obj.get(name, MISSING)
        return dotnet.get_property(obj, name)
    get.__name__ = f"get_{name}"
    return get


def property_columns(obj: Any) -> list[Column]:
    """The default property set of an object: a PSObject's properties in order; a .NET
    value's public properties in their declaration order."""
    return [prop(name) for name in dotnet.property_names(obj)]


# =============================================================================================
# display strings
# =============================================================================================


#: values whose formatting never needs the .NET adapter (it is loaded on first use)
_PLAIN: Final = (str, bool, int, float, decimal.Decimal)

# type names the built-in views use (kept here so that formatting a number does not load
# the .NET adapter)
_DICTIONARY_ENTRY: Final = "System.Collections.DictionaryEntry"
_MATCH: Final = "System.Text.RegularExpressions.Match"
_CAPTURE: Final = "System.Text.RegularExpressions.Capture"
_PSCUSTOMOBJECT: Final = "System.Management.Automation.PSCustomObject"


def _type_names(value: Any) -> list[str]:
    if isinstance(value, _PLAIN):
        # only the first name of a scalar matters (its view, DefaultScalarTypes)
        return [conversions.type_name_of(value)]
    return dotnet.type_names_of(value)


def _is_custom_object(value: PSObject) -> bool:
    names = [t.casefold() for t in value.type_names]
    return not names or _PSCUSTOMOBJECT.casefold() in names


def _to_string(value: Any) -> str:
    """PSObject.ToString(): what a formatted value shows (en-US culture)."""
    if value is None or value is NOTHING:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, datetime):
        return dotnet.datetime_to_string(value)
    if isinstance(value, PSObject):
        if "tostring" in value.methods or _is_custom_object(value):
            return conversions.to_string(value)
        return dotnet.net_to_string(value)
    if isinstance(value, str | int | float | decimal.Decimal | timedelta):
        return conversions.to_string(value)
    if isinstance(value, list | tuple | dict):
        return conversions.type_name_of(value)
    return dotnet.net_to_string(value)


_NAME_PATTERNS: Final = ("name", "id", "key", "*key", "*name", "*id")


def _display_name(value: Any) -> tuple[bool, Any]:
    """PSObjectHelper.GetDisplayName: the first property named like name, id, key,
    ``*key``, ``*name``, ``*id``."""
    names = list(value.keys()) if isinstance(value, dict) else dotnet.property_names(value)
    for pattern in _NAME_PATTERNS:
        for name in names:
            if not isinstance(name, str):
                continue
            folded = name.casefold()
            if (folded == pattern) if not pattern.startswith("*") else folded.endswith(
                    pattern[1:]):
                if isinstance(value, dict):
                    return True, value[name]
                found = dotnet.get_property(value, name)
                return True, None if found is MISSING else found
    return False, None


def _object_name(item: Any) -> str:
    """PSObjectHelper.GetObjectName: how an element of a collection shows in a cell. A type
    that declares ToString() shows it; one that does not (a hashtable, a cmdlet's object)
    shows its Name/Id/Key-like property, else its type name."""
    if item is None or item is NOTHING:
        return "$null"
    if isinstance(item, (*_PLAIN, datetime, timedelta)):
        return _to_string(item)
    if isinstance(item, PSObject):
        if "tostring" in item.methods or _is_custom_object(item):
            return conversions.to_string(item)
        if item.type_name == _CAPTURE:
            return _to_string(item.get("Value"))
    elif isinstance(item, list | tuple):
        return conversions.type_name_of(item)
    elif not isinstance(item, dict) and (dotnet.declares_to_string(item)
                                         or not dotnet.property_names(item)):
        return _to_string(item)
    found, name = _display_name(item)
    if found:
        return _to_string(name)
    return _to_string(item)


def _enumerate(value: Any) -> list[Any] | None:
    if isinstance(value, dict):
        return [dotnet.dictionary_entry(k, v) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return list(value)
    return None


def _smart_string(value: Any, limit: int, format_float: bool) -> str:
    """PSObjectHelper.SmartToString."""
    if value is None or value is NOTHING:
        return ""
    items = _enumerate(value)
    if items is not None:
        parts: list[str] = []
        for count, item in enumerate(items):
            if 0 <= limit <= count:
                return "{" + ", ".join(parts) + ELLIPSIS + "}"
            parts.append(_object_name(item))
        return "{" + ", ".join(parts) + "}"
    if format_float and isinstance(value, float | decimal.Decimal) and not isinstance(value, bool):
        # PowerShell 7.3+ shows a floating-point number in a table with the culture's "F"
        # format; Windows' en-US has two decimals (PowerShell issues #19463, #19107)
        return dotnet_format.format_value(value, "F2")
    return _to_string(value)


def _format_field(value: Any, format_string: str | None, limit: int, in_table: bool) -> str:
    """PSObjectHelper.FormatField: a FormatString first (a composite one when it has
    ``{0``), falling back to the plain display when formatting fails."""
    if format_string and value is not None and value is not MISSING:
        try:
            if "{0" in format_string or "}" in format_string:
                return dotnet_format.format_composite(format_string, [value])
            return dotnet_format.format_value(value, format_string)
        except dotnet_format.DotNetFormatError:
            pass
    if value is MISSING:
        return ""
    return _smart_string(value, limit, in_table)


def display_string(value: Any, *, own_line: bool = False, in_table: bool = False,
                   enumeration_limit: int = ENUMERATION_LIMIT) -> str:
    """How one value shows: in a list or table cell (``in_table`` adds the table's "F"
    format for doubles), or, with ``own_line``, as Out-Default writes a value by itself (a
    date's long form ``Monday, March 2, 2026 8:00:00 AM``, a string as it is)."""
    if own_line:
        if isinstance(value, datetime):
            return dotnet.datetime_display(value)
        return _to_string(value)
    return _smart_string(value, enumeration_limit, in_table)


# =============================================================================================
# display cells, wrapping (StringManipulationHelper)
# =============================================================================================


def _cell_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """DisplayCells.Length: East Asian wide characters take two cells."""
    if text.isascii():
        return len(text)
    return sum(_cell_width(ch) for ch in text)


def _head(text: str, width: int) -> str:
    """The longest prefix that fits ``width`` cells (DisplayCells.TruncateTail)."""
    if text.isascii():
        return text[:width]
    used = 0
    for i, ch in enumerate(text):
        used += _cell_width(ch)
        if used > width:
            return text[:i]
    return text


def _tail(text: str, width: int) -> str:
    """The longest suffix that fits ``width`` cells (DisplayCells.TruncateHead)."""
    if text.isascii():
        return text[len(text) - width:] if width > 0 else ""
    used = 0
    for i in range(len(text) - 1, -1, -1):
        used += _cell_width(text[i])
        if used > width:
            return text[i + 1:]
    return text


def _split_lines(text: str) -> list[str]:
    if "\n" not in text:
        return [text.replace("\r", "")]
    return [line.replace("\r", "") for line in text.split("\n")]


_SOFT_HYPHEN, _HARD_HYPHEN, _NBSP = "\u00ad", "\u2011", "\u00a0"


def _words(line: str) -> list[tuple[str, str]]:
    """StringManipulationHelper.GetWords: (word, delimiter) pairs; a space, tab or soft
    hyphen ends a word and is its delimiter; a hard hyphen or no-break space ends one too
    (and is dropped)."""
    result: list[tuple[str, str]] = []
    word = ""
    for ch in line:
        if ch in (" ", "\t", _SOFT_HYPHEN):
            result.append((word, ch))
            word = ""
        elif ch in (_HARD_HYPHEN, _NBSP):
            result.append((word, ""))
            word = ""
        else:
            word += ch
    result.append((word, ""))
    return result


def generate_lines(text: str, first_width: int, following_width: int) -> list[str]:
    """GenerateLinesWithWordWrap (the en-US culture wraps at words): the text broken into
    lines of at most the given widths; a word longer than a line is split."""
    if not text:
        return [text]
    result: list[str] = []
    for line in _split_lines(text):
        if cells(line) <= first_width:
            result.append(line)
            continue
        spaces_left = line_width = first_width
        first_line = True
        single = ""
        for word, delimiter in _words(line):
            to_add = word
            if delimiter == _SOFT_HYPHEN:
                if cells(word) + 1 == spaces_left:
                    to_add += "-"
            elif delimiter:
                to_add += delimiter
            width = cells(to_add)
            if line_width == 0:
                if first_line:
                    first_line = False
                    line_width = following_width
                if line_width == 0:
                    break
                spaces_left = line_width
            if width > line_width:
                for ch in to_add:
                    ch_width = _cell_width(ch)
                    if ch_width > line_width:
                        ch, ch_width = "?", 1
                    if ch_width > spaces_left:
                        result.append(single)
                        single = ch
                        if first_line:
                            first_line = False
                            line_width = following_width
                        spaces_left = line_width - ch_width
                    else:
                        single += ch
                        spaces_left -= ch_width
            elif width > spaces_left:
                result.append(single)
                single = to_add
                if first_line:
                    first_line = False
                    line_width = following_width
                spaces_left = line_width - width
            else:
                single += to_add
                spaces_left -= width
        result.append(single)
    return result


def _truncate_at_newline(text: str) -> str:
    if not text:
        return ""
    cut = min((i for i in (text.find("\n"), text.find("\r")) if i >= 0), default=-1)
    return text if cut < 0 else text[:cut] + ELLIPSIS


# =============================================================================================
# table layout (TableWriter, ColumnWidthManager)
# =============================================================================================

_SEPARATOR = 1
_MIN_COLUMN = 1
_MIN_SCREEN = 5


def column_widths(widths: Sequence[int], table_width: int) -> list[int]:
    """ColumnWidthManager.CalculateColumnWidths: 0 is "not set"; -1 marks a column dropped
    because the table does not fit."""
    result = list(widths)

    def current() -> int:
        visible = [w for w in result if w > 0]
        return sum(visible) + _SEPARATOR * (len(visible) - 1)

    fits = True
    if all(w > 0 for w in result):
        fits = sum(result) + _SEPARATOR * (len(result) - 1) <= table_width
    else:
        fixed = [w > 0 for w in result]
        result = [w if w > 0 else _MIN_COLUMN if w == 0 else w for w in result]
        available = table_width - current()
        if available < 0:
            fits = False
        else:
            free = [k for k in range(len(result)) if not fixed[k]]
            while available > 0 and free:
                for k in free:
                    result[k] += 1
                    available -= 1
                    if available == 0:
                        break
    if fits:
        return result
    while True:
        excess = current() - table_width
        if excess <= 0:
            return result
        last = len(result) - 1
        for k, w in enumerate(result):
            if w < 0:
                last = k - 1
                break
        if last < 0:
            return result
        shrunk = result[last] - excess
        if shrunk < _MIN_COLUMN:
            result[last] = -1
        else:
            result[last] = shrunk


def _field(text: str, width: int, alignment: str, pad: bool) -> str:
    """TableWriter.GenerateRowField: one cell, padded, aligned or cut with an ellipsis."""
    s = _truncate_at_newline(text)
    length = cells(s)
    if length < width:
        gap = width - length
        if alignment == RIGHT:
            s = " " * gap + s
        elif alignment == CENTER:
            left = gap // 2
            s = " " * left + s + (" " * (gap - left) if pad else "")
        elif pad:
            s += " " * gap
    elif length > width:
        keep = width - 1
        if keep > 0:
            s = ELLIPSIS + _tail(s, keep) if alignment == RIGHT else _head(s, keep) + ELLIPSIS
        else:
            s = _tail(s, width) if alignment == RIGHT else _head(s, width)
    if cells(s) == width:
        return s
    # a wide character cut in half leaves the cell one short
    if alignment == RIGHT:
        return " " + s
    return s + " " if pad else s


class _Table:
    """A TableWriter initialized with resolved column widths."""

    def __init__(self, widths: list[int], alignments: list[str], hide_header: bool,
                 screen: int) -> None:
        self.disabled = screen < _MIN_SCREEN
        self.widths = column_widths(widths, screen) if not self.disabled else []
        if not any(w >= _MIN_COLUMN for w in self.widths):
            self.disabled = True
        self.alignments = alignments
        self.hide_header = hide_header

    def header(self, labels: list[str]) -> list[str]:
        if self.disabled or self.hide_header:
            return []
        lines = self.multiline_row(labels, self.alignments)
        dashes = []
        for k, label in enumerate(labels):
            width = self.widths[k]
            if width <= 0:
                dashes.append("")
                continue
            count = min(width, cells(label)) if label else width
            dashes.append("-" * count)
        lines.extend(self.multiline_row(dashes, self.alignments))
        return lines

    def row(self, values: list[str], alignments: list[str]) -> str:
        """GenerateRow: one line; only the array's last column goes unpadded."""
        out: list[str] = []
        last = len(self.widths) - 1
        for k, width in enumerate(self.widths):
            if width <= 0:
                continue
            if k > 0:
                out.append(" " * _SEPARATOR)
            out.append(_field(values[k], width, alignments[k], k != last))
        return "".join(out)

    def multiline_row(self, values: list[str], alignments: list[str]) -> list[str]:
        """GenerateTableRow: each cell wrapped within its column; the row is as tall as its
        tallest cell; trailing blanks of the last cell with content are trimmed."""
        valid = [k for k, w in enumerate(self.widths) if w > 0]
        if not valid:
            return []
        columns: list[list[str]] = []
        for j, k in enumerate(valid):
            pad = j != len(valid) - 1
            width = self.widths[k]
            lines = generate_lines(values[k], width, width)
            if pad or alignments[k] in (RIGHT, CENTER):
                lines = [_field(line, width, alignments[k], pad) if cells(line) < width
                         else line for line in lines]
            if j > 0:
                lines = [" " * _SEPARATOR + line for line in lines]
            columns.append(lines)
        height = max(len(lines) for lines in columns)
        last_with_content = [max(j for j, lines in enumerate(columns) if len(lines) > row)
                             for row in range(height)]
        for j, lines in enumerate(columns):
            padding = 0
            if j < len(columns) - 1:
                padding = self.widths[valid[j]] + (_SEPARATOR if j > 0 else 0)
            for row in range(len(lines), height):
                lines.append("" if j > last_with_content[row] else " " * padding)
        rows = []
        for row in range(height):
            parts = []
            for j, lines in enumerate(columns):
                text = lines[row]
                if j == last_with_content[row] and height > 1:
                    text = text.rstrip()
                parts.append(text)
            rows.append("".join(parts))
        return rows


# =============================================================================================
# list layout (ListWriter)
# =============================================================================================


def _list_entry(labels: list[str], values: list[str], screen: int) -> list[str]:
    if not labels or screen - 3 - 1 - 1 < 0:
        return []
    longest = min(max(cells(label) for label in labels), screen - 3 - 1)
    padded = []
    for label in labels:
        length = cells(label)
        if length < longest:
            label += " " * (longest - length)
        elif length > longest:
            label = _head(label, longest)
        padded.append(label + " : ")
    label_width = longest + 3
    field_width = screen - label_width
    lines: list[str] = []
    for label, value in zip(padded, values, strict=True):
        for i, line in enumerate(_split_lines(value or "")):
            prefix = label if i == 0 else " " * label_width
            for j, piece in enumerate(generate_lines(line, field_width, field_width)):
                lines.append((prefix if j == 0 else " " * label_width) + piece)
    return lines


# =============================================================================================
# the formatting state machine (InnerFormatShapeCommand + OutCommandInner)
# =============================================================================================

Spec = Column | str


@dataclass
class _Options:
    shape: str | None  # None: Out-Default chooses; "table" | "list" | "wide"
    columns: Sequence[Spec] | None = None
    wide_column: Spec | None = None
    autosize: bool | None = None
    wrap: bool | None = None
    hide_headers: bool | None = None
    wide_count: int | None = None
    group_by: GroupBy | None = None
    force: bool = False
    limit: int = ENUMERATION_LIMIT


@dataclass
class _Group:
    label: str | None
    #: (kind, payload, unused): ("row" | "list" | "wide" | "custom", the object) or
    #: ("lines", [text, ...]) for what is written out of band, in arrival order
    entries: list[tuple[str, Any, Any]] = field(default_factory=list)


def _has_wildcard(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _resolve_specs(obj: Any, specs: Sequence[Spec], keep_unresolved: bool) -> list[Column]:
    """-Property arguments resolved against an object: a wildcard expands to the matching
    property names; a plain name the object lacks stays (a table shows an empty column) or
    goes (a list shows nothing), as AssociationManager does."""
    names = dotnet.property_names(obj) if not isinstance(obj, Hashtable) else [
        str(k) for k in obj]
    result: list[Column] = []
    for spec in specs:
        if isinstance(spec, Column):
            result.append(spec)
            continue
        if _has_wildcard(spec):
            rx = dotnet.wildcard_regex(spec)
            result.extend(prop(n) for n in names if rx.fullmatch(n))
            continue
        match = next((n for n in names if n.casefold() == spec.casefold()), None)
        if match is not None:
            result.append(prop(match))
        elif keep_unresolved or _value(prop(spec), obj) is not MISSING:
            result.append(prop(spec))
    return result


def _value(column: Column, obj: Any) -> Any:
    try:
        return column.value(obj)
    except RuntimeException:
        # a calculated property that fails shows an empty cell, as in PowerShell
        return MISSING


def _is_scalar(names: Sequence[str]) -> bool:
    return bool(names) and names[0] in _SCALAR_TYPES


_SCALAR_TYPES: Final = frozenset({
    "System.String", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
    "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Char",
    "System.Single", "System.Double", "System.Boolean", "System.Decimal", "System.IntPtr",
    "System.Security.SecureString", "System.Numerics.BigInteger",
})


def _default_alignment(value: Any) -> str:
    """TableViewGenerator.ComputeDefaultAlignment, from the first object's value."""
    if value is None or value is MISSING or value is NOTHING:
        return LEFT
    names = _type_names(value)
    if names and names[0] == "System.String":
        return LEFT
    return RIGHT if _is_scalar(names) or (len(names) > 1 and names[1] == "System.Enum") \
        else LEFT


class _Formatter:
    def __init__(self, views: ViewRegistry, width: int, options: _Options) -> None:
        self.views = views
        self.width = max(width, 1)
        self.options = options
        self.lines: list[str] = []
        self.kind: str | None = None  # the document's shape once started
        self.view: View | None = None
        self.columns: list[Column] = []
        self.alignments: list[str] = []
        self.groups: list[_Group] = []
        self.group_by: GroupBy | None = None
        self.group_value: Any = MISSING
        self.started = False

    # -- entry points ---------------------------------------------------------------------

    def run(self, objects: Iterable[Any]) -> str:
        for obj in objects:
            for item in _expand(obj):
                self.process(item)
        self.finish()
        return "".join(line + "\n" for line in self.lines)

    def process(self, obj: Any) -> None:
        if isinstance(obj, _PLAIN) and not self.options.force:
            # a scalar is written as it is (the common case: no view lookup needed)
            self.raw(_to_string(obj))
            return
        names = _type_names(obj)
        if self.out_of_band(obj, names):
            return
        if not self.started:
            self.start(obj, names)
        if not self.applicable(names):
            self.write_out_of_band_list(obj)
            return
        self.add(obj)

    # -- out of band ----------------------------------------------------------------------

    def out_of_band(self, obj: Any, names: list[str]) -> bool:
        """Scalars, objects without properties and out-of-band views are written as they
        are, wherever they come (unless Format-* -Force)."""
        if self.options.force:
            return False
        view = self.views.find(names, "custom")
        if isinstance(view, CustomView) and view.out_of_band:
            self.raw(view.render(obj))
            return True
        if _is_scalar(names) or not self.has_properties(obj):
            self.raw(_to_string(obj))
            return True
        return False

    @staticmethod
    def has_properties(obj: Any) -> bool:
        if isinstance(obj, Hashtable):
            return True
        return bool(dotnet.property_names(obj))

    def raw(self, text: str) -> None:
        self.entry(("lines", [text], None))

    def write_out_of_band_list(self, obj: Any) -> None:
        """An object the current view does not apply to: a list of all its properties (its
        own views are not consulted: OutOfBandFormatViewManager only knows out-of-band
        ones)."""
        lines = ["", *self.list_lines(obj, self.property_specs(obj)), ""]
        self.entry(("lines", lines, None))

    def entry(self, item: tuple[str, Any, Any]) -> None:
        if self.started and self.groups:
            self.groups[-1].entries.append(item)
        else:
            self.lines.extend(item[1])

    # -- the document ---------------------------------------------------------------------

    def start(self, obj: Any, names: list[str]) -> None:
        self.started = True
        opts = self.options
        shape = opts.shape
        view: View | None = None
        explicit = (opts.columns if shape in ("table", "list") else
                    ([opts.wide_column] if opts.wide_column is not None else None))
        if explicit is None:
            view = self.views.find(names, shape)
        if view is None and shape is None:
            count = len(self.property_specs(obj))
            shape = "table" if count <= 4 else "list"
        if view is not None:
            shape = _kind(view)
        self.kind = shape
        self.view = view
        self.group_by = opts.group_by or (view.group_by if isinstance(
            view, TableView | ListView | WideView) else None)
        if shape == "table":
            self.start_table(obj, view)
        self.lines.append("")

    def property_specs(self, obj: Any) -> list[Column]:
        if isinstance(obj, Hashtable):
            return [prop(str(k)) for k in obj]
        return property_columns(obj)

    def applicable(self, names: list[str]) -> bool:
        if self.view is None:
            return True
        return self.views.applies(self.view, names)

    def start_table(self, obj: Any, view: View | None) -> None:
        if isinstance(view, TableView):
            self.columns = list(view.columns)
            # a view's column without an alignment stays Undefined: the cell is left-aligned
            self.alignments = [c.alignment for c in self.columns]
            return
        specs = self.options.columns
        if specs is not None:
            self.columns = _resolve_specs(obj, specs, keep_unresolved=True)
        else:
            # no view, no -Property: the first ten properties (FilterActiveAssociationList)
            self.columns = self.property_specs(obj)[:10]
        self.alignments = [c.alignment if c.alignment != UNDEFINED
                           else _default_alignment(_value(c, obj)) for c in self.columns]

    # -- payload --------------------------------------------------------------------------

    def add(self, obj: Any) -> None:
        if self.group_by is not None:
            value = _value(Column(self.group_by.label, self.group_by.value), obj)
            if not self.groups or not _same_group(value, self.group_value):
                if self.groups:
                    # InnerFormatShapeCommand.WriteNewLineObject: a blank line between groups
                    self.groups[-1].entries.append(("lines", [""], None))
                label = (f"   {self.group_by.label}: "
                         f"{_smart_string(value, self.options.limit, False)}")
                self.groups.append(_Group(label))
                self.group_value = value
        elif not self.groups:
            self.groups.append(_Group(None))
        group = self.groups[-1]
        if self.kind == "table":
            group.entries.append(("row", obj, None))
        elif self.kind == "list":
            group.entries.append(("list", obj, None))
        elif self.kind == "wide":
            group.entries.append(("wide", obj, None))
        else:
            group.entries.append(("custom", obj, None))

    # -- rendering ------------------------------------------------------------------------

    def finish(self) -> None:
        if not self.started:
            return
        for group in self.groups:
            if group.label is not None:
                self.lines.extend(generate_lines(group.label, self.width, self.width))
                self.lines.append("")
            if self.kind == "table":
                self.render_table(group)
            elif self.kind == "list":
                self.render_list(group)
            elif self.kind == "wide":
                self.render_wide(group)
            else:
                self.render_custom(group)
        if self.kind != "list":
            self.lines.append("")

    def cell(self, column: Column, obj: Any, in_table: bool) -> str:
        return _format_field(_value(column, obj), column.format_string, self.options.limit,
                             in_table)

    def render_table(self, group: _Group) -> None:
        view = self.view if isinstance(self.view, TableView) else None
        in_table = view is None  # a view's cells are not "F"-formatted (no isTable directive)
        rows: list[list[str]] = []
        for kind, obj, _ in group.entries:
            if kind == "row":
                rows.append([self.cell(c, obj, in_table) for c in self.columns])
        labels = [c.label for c in self.columns]
        autosize = self.options.autosize if self.options.autosize is not None else (
            view.autosize if view is not None else False)
        fixed = [c.width or 0 for c in self.columns]
        if autosize or (fixed and fixed[0] == 0):
            # the cached group's widths (OutCommandInner.ProcessCachedGroupOnTable)
            widths = [cells(label) for label in labels]
            for row in rows:
                for k, text in enumerate(row):
                    widths[k] = max(widths[k], cells(text))
        else:
            widths = fixed
        hide = self.options.hide_headers if self.options.hide_headers is not None else (
            view.hide_headers if view is not None else False)
        wrap = self.options.wrap if self.options.wrap is not None else (
            view.wrap if view is not None else False)
        if not self.columns:
            for kind, lines, _ in group.entries:
                if kind == "lines":
                    self.lines.extend(lines)
            return
        table = _Table(widths, self.alignments, hide, self.width)
        self.lines.extend(table.header(labels))
        row_iter = iter(rows)
        for kind, payload, _ in group.entries:
            if kind == "lines":
                self.lines.extend(payload)
                continue
            values = next(row_iter)
            if table.disabled:
                continue
            if wrap:
                self.lines.extend(table.multiline_row(values, self.alignments))
            else:
                self.lines.append(table.row(values, self.alignments))

    def list_items(self, obj: Any) -> list[Column]:
        view = self.view
        if isinstance(view, ListView):
            return list(view.items)
        specs = self.options.columns
        if specs is not None:
            return _resolve_specs(obj, specs, keep_unresolved=False)
        return self.property_specs(obj)

    def list_lines(self, obj: Any, items: list[Column]) -> list[str]:
        labels: list[str] = []
        values: list[str] = []
        explicit = self.options.columns is not None and self.view is None
        for column in items:
            value = _value(column, obj)
            if value is MISSING and explicit:
                continue
            labels.append(column.label)
            values.append(_format_field(value, column.format_string, self.options.limit,
                                        False))
        return _list_entry(labels, values, self.width)

    def render_list(self, group: _Group) -> None:
        for kind, payload, _ in group.entries:
            if kind == "lines":
                self.lines.extend(payload)
                continue
            self.lines.extend(self.list_lines(payload, self.list_items(payload)))
            self.lines.append("")

    def wide_column(self, obj: Any) -> Column | None:
        spec = self.options.wide_column
        if isinstance(spec, Column):
            return spec
        if isinstance(spec, str):
            resolved = _resolve_specs(obj, [spec], keep_unresolved=False)
            return resolved[0] if resolved else None
        if isinstance(self.view, WideView):
            return self.view.column
        names = (list(obj.keys()) if isinstance(obj, dict) else dotnet.property_names(obj))
        for pattern in _NAME_PATTERNS:
            for name in names:
                folded = str(name).casefold()
                if (folded == pattern) if not pattern.startswith("*") else folded.endswith(
                        pattern[1:]):
                    return prop(str(name))
        return prop(str(names[0])) if names else None

    def render_wide(self, group: _Group) -> None:
        items: list[tuple[str, Any]] = []
        for kind, payload, _ in group.entries:
            if kind == "lines":
                items.append(("lines", payload))
            else:
                column = self.wide_column(payload)
                text = "" if column is None else self.cell(column, payload, False)
                items.append(("value", text))
        per_row = 2
        view_columns = self.view.columns if isinstance(self.view, WideView) else None
        if self.options.autosize:
            longest = max((cells(t) for k, t in items if k == "value" and t), default=0)
            if longest > 0:
                per_row = _best_fit(longest, self.width)
        elif self.options.wide_count:
            per_row = self.options.wide_count
        elif view_columns:
            per_row = view_columns
        table = _Table([0] * per_row, [LEFT] * per_row, False, self.width)
        buffer: list[str] = []

        def flush() -> None:
            if buffer and not table.disabled:
                values = buffer + [""] * (per_row - len(buffer))
                self.lines.append(table.row(values, [LEFT] * per_row))
            buffer.clear()

        for kind, payload in items:
            if kind == "lines":
                self.lines.extend(payload)
                continue
            buffer.append(payload)
            if len(buffer) == per_row:
                flush()
        flush()

    def render_custom(self, group: _Group) -> None:
        view = self.view
        for kind, payload, _ in group.entries:
            if kind == "lines":
                self.lines.extend(payload)
                continue
            text = view.render(payload) if isinstance(view, CustomView) else _to_string(payload)
            for line in _split_lines(text):
                self.lines.extend(generate_lines(line, self.width, self.width))


def _same_group(a: Any, b: Any) -> bool:
    """Whether a group-by value changed (PowerShell compares with LanguagePrimitives)."""
    if a is MISSING or b is MISSING:
        return a is b
    try:
        return conversions.equals(a, b)
    except RuntimeException:
        return False


def _best_fit(longest: int, screen: int) -> int:
    """TableWriter.ComputeWideViewBestItemsPerRowFit."""
    if longest <= 0 or screen < 1 or longest >= screen:
        return 1
    count = 1
    while True:
        following = count + 1
        if longest * following + (following - 1) * _SEPARATOR >= screen:
            return count
        count += 1


def _expand(obj: Any) -> list[Any]:
    """What Format-Default receives of one pipeline object: a collection's elements, a
    dictionary's entries (GetEnumerable counts IDictionary), $null and AutomationNull
    nothing."""
    if obj is None or obj is NOTHING:
        return []
    if isinstance(obj, dict):
        return [dotnet.dictionary_entry(k, v) for k, v in obj.items()]
    if isinstance(obj, list | tuple):
        return [item for item in obj if item is not None and item is not NOTHING]
    return [obj]


# =============================================================================================
# public entry points
# =============================================================================================


def format_default(objects: list[Any], views: ViewRegistry, width: int = DEFAULT_WIDTH, *,
                   enumeration_limit: int = ENUMERATION_LIMIT) -> str:
    """Out-Default / Out-String: the objects formatted as PowerShell 7 prints them."""
    return _Formatter(views, width, _Options(None, limit=enumeration_limit)).run(objects)


def format_table(objects: list[Any], columns: Sequence[Spec] | None, views: ViewRegistry, *,
                 autosize: bool = False, wrap: bool = False, hide_headers: bool = False,
                 group_by: GroupBy | None = None, force: bool = False,
                 width: int = DEFAULT_WIDTH,
                 enumeration_limit: int = ENUMERATION_LIMIT) -> str:
    """Format-Table (piped to Out-String). ``columns`` are -Property: Column objects
    (calculated properties) or property names, wildcards allowed, resolved against the
    first object; None uses the type's table view or the first object's properties."""
    options = _Options("table", columns=columns, autosize=autosize or None,
                       wrap=wrap or None, hide_headers=hide_headers or None,
                       group_by=group_by, force=force, limit=enumeration_limit)
    return _Formatter(views, width, options).run(objects)


def format_list(objects: list[Any], items: Sequence[Spec] | None, views: ViewRegistry, *,
                group_by: GroupBy | None = None, force: bool = False,
                width: int = DEFAULT_WIDTH,
                enumeration_limit: int = ENUMERATION_LIMIT) -> str:
    """Format-List. ``items`` are -Property (``["*"]`` is every property), resolved for each
    object; None uses the type's list view or every property."""
    options = _Options("list", columns=items, group_by=group_by, force=force,
                       limit=enumeration_limit)
    return _Formatter(views, width, options).run(objects)


def format_wide(objects: list[Any], column: Spec | None, *, columns: int | None = None,
                autosize: bool = False, views: ViewRegistry | None = None,
                group_by: GroupBy | None = None, force: bool = False,
                width: int = DEFAULT_WIDTH,
                enumeration_limit: int = ENUMERATION_LIMIT) -> str:
    """Format-Wide: one property (by default the Name-like one) in ``columns`` columns (2
    by default; -AutoSize fits as many as the longest value allows)."""
    options = _Options("wide", wide_column=column, autosize=autosize, wide_count=columns,
                       group_by=group_by, force=force, limit=enumeration_limit)
    return _Formatter(views or ViewRegistry(), width, options).run(objects)


# =============================================================================================
# PowerShell's built-in views (DotNetTypes.format.ps1xml, PowerShellCore.format.ps1xml)
# =============================================================================================

_COMMAND_INFO_TYPES: Final = (
    "System.Management.Automation.AliasInfo", "System.Management.Automation.ApplicationInfo",
    "System.Management.Automation.CmdletInfo", "System.Management.Automation.ExternalScriptInfo",
    "System.Management.Automation.FilterInfo", "System.Management.Automation.FunctionInfo",
    "System.Management.Automation.ScriptInfo",
)


def _command_name(obj: Any) -> Any:
    """The CommandInfo view's Name column: an alias shows its DisplayName (``dir ->
    Get-ChildItem``)."""
    kind = dotnet.get_property(obj, "CommandType")
    if kind is not MISSING and str(kind).casefold() == "alias":
        shown = dotnet.get_property(obj, "DisplayName")
        if shown is not MISSING:
            return shown
    return dotnet.get_property(obj, "Name")


def _match_info_text(obj: Any) -> str:
    """Select-String's MatchInfo: its ToString() (``path:line:text``, or the line alone for
    piped strings)."""
    if isinstance(obj, PSObject) and "tostring" in obj.methods:
        return str(obj.methods["tostring"]())
    line = dotnet.get_property(obj, "Line")
    path = dotnet.get_property(obj, "Path")
    number = dotnet.get_property(obj, "LineNumber")
    if path in (MISSING, None, "InputStream"):
        return "" if line in (MISSING, None) else str(line)
    return f"{path}:{number}:{line}"


def _error_text(obj: Any) -> str:
    from asrsim.lang.errorview import render_error

    if isinstance(obj, ErrorRecord):
        return render_error(obj).rstrip("\n")
    return _to_string(obj)


def default_views() -> ViewRegistry:
    """A new registry with the built-in views that matter to the simulator."""
    views = ViewRegistry()

    def add(view: View) -> None:
        views.register(view, prepend=False)

    # DotNetTypes.format.ps1xml
    add(TableView((_DICTIONARY_ENTRY,), (prop("Name", width=30), prop("Value"))))
    add(ListView((_DICTIONARY_ENTRY,), (prop("Name"), prop("Value"))))
    timespan = ("Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays",
                "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds")
    add(ListView(("System.TimeSpan",), tuple(prop(n) for n in timespan)))
    add(TableView(("System.TimeSpan",), tuple(prop(n) for n in timespan[:5])))
    add(WideView(("System.TimeSpan",), prop("TotalMilliseconds")))
    add(CustomView(("System.DateTime",), lambda d: dotnet.datetime_display(d)
                   if isinstance(d, datetime) else _to_string(d)))
    add(TableView(("System.Guid",), (prop("Guid"),)))
    add(TableView(("System.Version",), (prop("Major", width=6), prop("Minor", width=6),
                                        prop("Build", width=6), prop("Revision", width=8))))
    add(TableView(("System.Globalization.CultureInfo",), (
        prop("LCID", width=16), prop("Name", width=16), prop("DisplayName"))))
    # a Match has no view in PowerShell: these are its properties in declaration order
    # (ValueSpan is a ref struct PowerShell cannot read, so it shows empty)
    add(ListView((_MATCH,), (
        prop("Groups"), prop("Success"), prop("Name"), prop("Captures"), prop("Index"),
        prop("Length"), prop("Value"), Column("ValueSpan", lambda o: None))))
    # PowerShellCore.format.ps1xml
    add(TableView(("System.RuntimeType",), (
        prop("IsPublic", width=8), prop("IsSerializable", "IsSerial", width=8),
        prop("Name", width=40), prop("BaseType"))))
    add(TableView(("Microsoft.PowerShell.Commands.MemberDefinition",), (
        prop("Name"), prop("MemberType"), prop("Definition")), autosize=True,
        group_by=GroupBy("TypeName", _getter("TypeName"))))
    add(TableView(("Microsoft.PowerShell.Commands.GroupInfo",), (
        prop("Count", width=5, alignment=RIGHT), prop("Name", width=25), prop("Group"))))
    add(ListView(("Microsoft.PowerShell.Commands.GroupInfo",), (
        prop("Name"), prop("Count"), prop("Group"), prop("Values"))))
    add(TableView(("Microsoft.PowerShell.Commands.GroupInfoNoElement",), (
        prop("Count", width=5, alignment=RIGHT), prop("Name", width=25))))
    add(CustomView(("Microsoft.PowerShell.Commands.MatchInfo",), _match_info_text))
    add(TableView(("System.Management.Automation.PSVariable",), (
        prop("Name", width=30), prop("Value"))))
    add(TableView(_COMMAND_INFO_TYPES, (
        prop("CommandType", width=15), Column("Name", _command_name, width=50),
        prop("Version", width=10), prop("Source"))))
    add(TableView(("System.Management.Automation.CommandInfo",), (
        prop("CommandType", width=15), prop("Name"))))
    add(ListView(("Microsoft.PowerShell.Commands.GenericMeasureInfo",), tuple(
        prop(n) for n in ("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation",
                          "Property"))))
    add(CustomView(("System.Management.Automation.ScriptBlock",), _to_string))
    add(CustomView(("System.Management.Automation.ErrorRecord",), _error_text,
                   out_of_band=True))
    return views
