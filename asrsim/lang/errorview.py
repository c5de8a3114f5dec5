"""How an error is shown: PowerShell 7's ConciseView (the default) and NormalView.

ConciseView (PowerShell 7's $ErrorView default)::

    Get-Thing: C:\\scripts\\a.ps1:3
    Line |
       3 |  Get-Thing -Name x
         |  ~~~~~~~~~~~~~~~~~
         | Cannot find a thing named 'x'.

with the position block only when the error comes from a script file, from a line after
the first, or from the parser, as PowerShell's own ErrorRecord view decides; otherwise the
one line ``Get-Thing: Cannot find a thing named 'x'.``. NormalView is Windows PowerShell's
layout with ``At line:…``, the caret line, CategoryInfo and FullyQualifiedErrorId.
"""

from __future__ import annotations

from asrsim.lang.ast import Extent
from asrsim.lang.errors import ErrorRecord, ParseError


def _is_parse_error(record: ErrorRecord) -> bool:
    return record.exception.dotnet_type.endswith("ParseException")


def _prefix(record: ErrorRecord) -> str:
    command = record.invocation_info.command_name or record.activity
    if _is_parse_error(record):
        return "ParserError"
    if command and not command.startswith("<"):
        return command
    if getattr(
        record.exception, "script_terminating", False
    ) and record.exception.dotnet_type.endswith("RuntimeException"):
        return "Exception"
    return record.exception.dotnet_type.rsplit(".", 1)[-1]


def _position_block(extent: Extent, message: str) -> list[str]:
    line = extent.start_line
    source_line = extent.source.line_text(line)
    start = extent.start_column - 1
    end = extent.end_column - 1 if extent.end_line == line else len(source_line)
    width = max(1, end - start)
    number = f"{line:>4}"
    pad = " " * len(number)
    lines = ["Line |", f"{number} |  {source_line}", f"{pad} |  {' ' * start}{'~' * width}"]
    for text in message.splitlines() or [""]:
        lines.append(f"{pad} | {text}")
    return lines


def render_concise(record: ErrorRecord) -> str:
    info = record.invocation_info
    extent = info.extent
    message = record.message
    prefix = _prefix(record)
    show_position = extent is not None and (
        bool(extent.source.path)
        or extent.start_line > 1
        or record.category == "ParserError"
        or "\n" in extent.source.text.strip()
    )
    if not show_position or extent is None:
        return f"{prefix}: {message}\n"
    where = f"{extent.source.path}:{extent.start_line}" if extent.source.path else ""
    head = f"{prefix}: {where}".rstrip()
    return "\n".join([head, *_position_block(extent, message)]) + "\n"


def render_normal(record: ErrorRecord) -> str:
    info = record.invocation_info
    lines = []
    command = info.command_name
    message = record.message
    lines.append(f"{command} : {message}" if command and not command.startswith("<") else message)
    extent = info.extent
    if extent is not None:
        where = extent.source.path or "line"
        lines.append(f"At {where}:{extent.start_line} char:{extent.start_column}")
        source_line = extent.source.line_text(extent.start_line)
        start = extent.start_column - 1
        end = extent.end_column - 1 if extent.end_line == extent.start_line else len(source_line)
        lines.append(f"+ {source_line}")
        lines.append(f"+ {' ' * start}{'~' * max(1, end - start)}")
    lines.append(f"    + CategoryInfo          : {record.category_info()}")
    lines.append(f"    + FullyQualifiedErrorId : {record.fully_qualified_error_id}")
    return "\n".join(lines) + "\n \n"


def render_error(record: ErrorRecord, view: str = "ConciseView") -> str:
    if view.casefold() == "normalview":
        return render_normal(record)
    return render_concise(record)


def render_parse_errors(errors: list[ParseError], view: str = "ConciseView") -> str:
    """A script that does not parse: every error PowerShell found, first to last."""
    from asrsim.lang.errors import RuntimeException

    blocks = []
    for error in errors:
        exception = RuntimeException(
            error.message,
            error.error_id,
            "ParserError",
            extent=error.extent,
            dotnet_type="System.Management.Automation.ParseException",
        )
        blocks.append(render_error(exception.record, view))
    return "".join(blocks)
