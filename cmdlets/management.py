"""Microsoft.PowerShell.Management: files and locations (the FileSystem provider's part of it).

Paths. asrsim imitates Windows hosts but runs on any host, so:

- every cmdlet that touches a file accepts ``\\`` and ``/`` alike (``asrsim.lang.files.resolve``
  turns ``C:\\x`` style separators into the host's), resolves relative paths against the
  session's location (``Set-Location``), and asks the session's FileAccess policy first;
- the path cmdlets (Join-Path, Split-Path) work on text as PowerShell on Windows does: Join-Path
  puts a ``\\`` between the parts and keeps the parts as written (so ``Join-Path $PSScriptRoot
  data.txt`` on a Linux host gives ``/srv/scripts\\data.txt``, which every file cmdlet reads),
  Split-Path splits at either separator;
- objects describing real files (Get-ChildItem, Get-Item, Get-Location) carry the host's real
  paths, which is what a script passes back to the file cmdlets;
- a drive-qualified path (``C:\\data``) on a host without drives does not exist: reading it
  gives PowerShell's "Cannot find path" error naming the path as written.

Errors are PowerShell's (SessionStateStrings, FileSystemProviderStrings, NavigationResources).
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from asrsim.lang.commands import Cmdlet, Parameter
from asrsim.lang.psobject import PSObject, PSScriptProperty
from asrsim.lang.scopes import PSVariable
from cmdlets.core import (
    as_list,
    command_error,
    has_wildcard,
    matches_any,
    report,
    text_of,
    wildcard_match,
)

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime

MODULE_NAME = "Microsoft.PowerShell.Management"

PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
FILE_TYPE_NAMES = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                   "System.Object")
DIRECTORY_TYPE_NAMES = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
                        "System.MarshalByRefObject", "System.Object")
PATHINFO_TYPE_NAMES = ("System.Management.Automation.PathInfo", "System.Object")

_DRIVE = re.compile(r"^[A-Za-z]:")
_NOT_FOUND = "System.Management.Automation.ItemNotFoundException"


# =============================================================================================
# paths
# =============================================================================================


def is_drive_qualified(text: str) -> bool:
    return os.name != "nt" and bool(_DRIVE.match(text))


def host_path(runtime: Runtime, text: str) -> Path:
    """Where a path a script wrote is on this host (not checked against the policy)."""
    from asrsim.lang.files import resolve

    return Path(os.path.normpath(resolve(runtime, text)))


def shown_path(runtime: Runtime, text: str) -> str:
    """A path as PowerShell names it in a message: resolved against the location, or as
    written when it names a drive this host does not have."""
    if is_drive_qualified(text):
        return text.replace("/", "\\")
    return str(host_path(runtime, text))


def _split_parts(path: Path) -> tuple[Path, list[str]]:
    anchor = Path(path.anchor) if path.anchor else Path(".")
    return anchor, list(path.parts[1:] if path.anchor else path.parts)


def expand(runtime: Runtime, text: str) -> list[Path] | None:
    """The existing paths a wildcard path names (sorted), or None when it has no wildcard.
    Names match case-insensitively, as on Windows."""
    if is_drive_qualified(text) or not has_wildcard(text):
        return None
    target = host_path(runtime, text)
    anchor, parts = _split_parts(target)
    current = [anchor]
    for part in parts:
        following: list[Path] = []
        for base in current:
            if not has_wildcard(part):
                candidate = base / part
                if candidate.exists():
                    following.append(candidate)
                continue
            try:
                names = sorted(os.listdir(base), key=str.casefold)
            except OSError:
                continue
            following += [base / n for n in names if wildcard_match(part, n)]
        current = following
    return current


def check(runtime: Runtime, path: Path, *, writing: bool) -> None:
    runtime.files.check(path, writing=writing)


# =============================================================================================
# FileInfo / DirectoryInfo
# =============================================================================================


def _moment(timestamp: float) -> datetime:
    from asrsim.lang.dotnet import LOCAL

    # the simulator's local zone is UTC (see asrsim.lang.dotnet)
    return datetime.fromtimestamp(timestamp, UTC).replace(tzinfo=LOCAL)


def _time_string(moment: datetime) -> str:
    from asrsim.lang.dotnet import short_date, short_time

    return f"{short_date(moment):>10} {short_time(moment):>8}"


def item_object(path: Path) -> PSObject:
    """A System.IO.FileInfo or DirectoryInfo-like object for an existing path."""
    try:
        stat = path.stat()
        modified, accessed, created = stat.st_mtime, stat.st_atime, stat.st_ctime
        size = stat.st_size
    except OSError:
        modified = accessed = created = 0.0
        size = 0
    is_dir = path.is_dir()
    full = str(path)
    parent = path.parent
    name = path.name or full
    written = _moment(modified)
    common: list[tuple[str, Any]] = [
        ("PSPath", f"{PROVIDER}::{full}"), ("PSParentPath", f"{PROVIDER}::{parent}"),
        ("PSChildName", name), ("PSDrive", None), ("PSProvider", PROVIDER),
        ("PSIsContainer", is_dir), ("Mode", "d----" if is_dir else "-a---"),
        ("ModeWithoutHardLink", "d----" if is_dir else "-a---"),
        ("BaseName", name if is_dir else path.stem if path.suffix else name),
        ("Target", None), ("LinkType", None), ("Name", name), ("FullName", full),
        ("Extension", "" if is_dir and not path.suffix else path.suffix),
        ("Exists", path.exists()), ("CreationTime", _moment(created)),
        ("LastWriteTime", written), ("LastAccessTime", _moment(accessed)),
        ("CreationTimeUtc", _moment(created).replace(tzinfo=UTC)),
        ("LastWriteTimeUtc", written.replace(tzinfo=UTC)),
        ("LastAccessTimeUtc", _moment(accessed).replace(tzinfo=UTC)),
        ("Attributes", "Directory" if is_dir else "Archive"),
        ("LastWriteTimeString", _time_string(written)),
        ("NameString", name),
    ]
    if is_dir:
        properties = [
            *common,
            ("Parent", PSScriptProperty("Parent", lambda: item_object(parent))),
            ("Root", PSScriptProperty("Root", lambda: item_object(Path(path.anchor or "/")))),
            ("LengthString", ""),
        ]
        type_names = DIRECTORY_TYPE_NAMES
    else:
        properties = [
            *common,
            ("Length", size), ("LengthString", str(size)), ("DirectoryName", str(parent)),
            ("Directory", PSScriptProperty("Directory", lambda: item_object(parent))),
            ("IsReadOnly", not os.access(path, os.W_OK) if path.exists() else False),
        ]
        type_names = FILE_TYPE_NAMES
    return PSObject(properties, type_names, methods={"ToString": lambda: full})


def pathinfo_object(runtime: Runtime, path: Path | None = None) -> PSObject:
    """System.Management.Automation.PathInfo; without a path it follows the location."""
    def current() -> str:
        return str(path if path is not None else runtime.location)

    return PSObject([
        ("Drive", None), ("Provider", PROVIDER),
        ("ProviderPath", PSScriptProperty("ProviderPath", current)),
        ("Path", PSScriptProperty("Path", current)),
    ], PATHINFO_TYPE_NAMES, methods={"ToString": current})


# =============================================================================================
# encodings and content
# =============================================================================================

#: -Encoding name -> (Python codec, byte order mark written first)
_ENCODINGS: dict[str, tuple[str, bytes]] = {
    "ascii": ("ascii", b""), "bigendianunicode": ("utf-16-be", b"\xfe\xff"),
    "bigendianutf32": ("utf-32-be", b"\x00\x00\xfe\xff"), "oem": ("cp437", b""),
    "unicode": ("utf-16-le", b"\xff\xfe"), "utf7": ("utf-7", b""), "utf8": ("utf-8", b""),
    "utf8bom": ("utf-8", b"\xef\xbb\xbf"), "utf8nobom": ("utf-8", b""),
    "utf32": ("utf-32-le", b"\xff\xfe\x00\x00"), "default": ("utf-8", b""),
    "ansi": ("cp1252", b""), "latin1": ("latin-1", b""), "string": ("utf-16-le", b"\xff\xfe"),
}
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def encoding_of(cmdlet: Cmdlet, value: Any) -> tuple[str, bytes]:
    if value is None:
        return "utf-8", b""
    text = text_of(value).strip()
    known = _ENCODINGS.get(text.casefold().replace("-", ""))
    if known is not None:
        return known
    if text.casefold() == "byte":
        raise command_error(cmdlet, "not supported in asrsim: -Encoding Byte (use -AsByteStream)",
                            "NotSupported", "NotImplemented")
    import codecs

    name = f"cp{text}" if text.isdigit() else text
    try:
        return codecs.lookup(name).name, b""
    except LookupError:
        raise command_error(
            cmdlet, "Cannot process argument transformation on parameter 'Encoding'. "
            f"'{text}' is not a supported encoding name. For information on defining a custom "
            "encoding, see the documentation for the Encoding.RegisterProvider method. "
            "(Parameter 'name')", "ParameterArgumentTransformationError", "InvalidData",
            target=value,
            exception_type="System.Management.Automation.ParameterBindingException") from None


def decode(data: bytes, codec: str) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    return data.decode(codec, errors="replace")


def split_lines(text: str) -> list[str]:
    """Get-Content's lines: split at CRLF, LF or CR; a final line break ends the last line."""
    if not text:
        return []
    lines = re.split(r"\r\n|\n|\r", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# =============================================================================================
# the cmdlets
# =============================================================================================

_PATH_PARAMETERS = (
    Parameter("Path", "string[]", position=0, mandatory=True, sets=("Path",),
              pipeline_by_name=True),
    Parameter("LiteralPath", "string[]", mandatory=True, sets=("LiteralPath",),
              pipeline_by_name=True, aliases=("PSPath", "LP")),
    Parameter("Filter", "string"),
    Parameter("Include", "string[]"),
    Parameter("Exclude", "string[]"),
    Parameter("Force", "switch"),
    Parameter("Credential", "object", pipeline_by_name=True),
)


class _PathCmdlet(Cmdlet):
    """Resolves -Path / -LiteralPath to existing host paths, reporting the missing ones."""

    noun_module = MODULE_NAME

    @property
    def runtime(self) -> Runtime:
        return self.context.runtime

    def given_paths(self) -> list[tuple[str, bool]]:
        """(path as written, literal?) for each path of the call."""
        if self.has("LiteralPath"):
            return [(text_of(p), True) for p in as_list(self.param("LiteralPath"))]
        return [(text_of(p), False) for p in as_list(self.param("Path"))]

    def missing(self, text: str) -> None:
        report(self, f"Cannot find path '{shown_path(self.runtime, text)}' because it does not "
               "exist.", "PathNotFound", "ObjectNotFound", target=shown_path(self.runtime, text),
               exception_type=_NOT_FOUND)

    def existing(self, text: str, literal: bool, *, report_missing: bool = True) -> list[Path]:
        paths = None if literal else expand(self.runtime, text)
        if paths is None:
            path = host_path(self.runtime, text)
            if is_drive_qualified(text) or not (path.exists() or path.is_symlink()):
                if report_missing:
                    self.missing(text)
                return []
            paths = [path]
        return [p for p in paths if self.selected(p)]

    def selected(self, path: Path) -> bool:
        name = path.name
        filter_ = self.param("Filter")
        if filter_ and not wildcard_match(filter_, name):
            return False
        include = [text_of(i) for i in as_list(self.param("Include"))]
        if include and not matches_any(include, name):
            return False
        exclude = [text_of(e) for e in as_list(self.param("Exclude"))]
        return not (exclude and matches_any(exclude, name))


# -- content ----------------------------------------------------------------------------------


class GetContent(_PathCmdlet):
    """Gets the content of the item at the specified location.

    Outputs the file's lines as strings (-Raw: the whole text as one string); -TotalCount
    (-First, -Head) and -Tail take lines from the start or the end."""

    name = "Get-Content"
    aliases = ("gc", "cat", "type")
    parameters = (
        *_PATH_PARAMETERS,
        Parameter("ReadCount", "long", pipeline_by_name=True),
        Parameter("TotalCount", "long", pipeline_by_name=True, aliases=("First", "Head")),
        Parameter("Tail", "int", pipeline_by_name=True, aliases=("Last",)),
        Parameter("Raw", "switch"),
        Parameter("Delimiter", "string"),
        Parameter("Wait", "switch"),
        Parameter("Encoding", "object"),
        Parameter("AsByteStream", "switch"),
        Parameter("Stream", "string"),
    )
    default_set = "Path"
    output_type = "System.String"

    def begin(self) -> None:
        if self.has("TotalCount") and self.has("Tail"):
            raise command_error(
                self, "The parameters TotalCount and Tail cannot be used together. Please "
                "specify only one parameter.", "TailAndHeadCannotCoexist", "InvalidOperation",
                exception_type="System.InvalidOperationException")
        for name in ("Wait", "AsByteStream", "Stream"):
            if self.param(name):
                raise command_error(self, f"not supported in asrsim: Get-Content -{name}",
                                    "NotSupported", "NotImplemented")
        self.codec, _ = encoding_of(self, self.param("Encoding"))

    def process(self) -> None:
        for text, literal in self.given_paths():
            for path in self.existing(text, literal):
                self._read(path)

    def _read(self, path: Path) -> None:
        check(self.runtime, path, writing=False)
        if path.is_dir():
            report(self, f"Unable to get content because it is a directory: '{path}'. Please "
                   "use 'Get-ChildItem' instead.", "GetContentReaderUnauthorizedAccessError",
                   "PermissionDenied", target=str(path),
                   exception_type="System.UnauthorizedAccessException")
            return
        try:
            content = decode(path.read_bytes(), self.codec)
        except OSError as error:
            report(self, f"Access to the path '{path}' is denied. ({error.strerror})",
                   "GetContentReaderUnauthorizedAccessError", "PermissionDenied",
                   target=str(path), exception_type="System.UnauthorizedAccessException")
            return
        if self.param("Raw"):
            if content:
                self.write_object(content)
            return
        delimiter = self.param("Delimiter")
        if delimiter:
            lines = [part + delimiter for part in content.split(delimiter)]
            lines[-1] = lines[-1][:-len(delimiter)]
            if lines[-1] == "":
                lines.pop()
        else:
            lines = split_lines(content)
        total = self.param("TotalCount")
        if total is not None and total >= 0:
            lines = lines[:total]
        tail = self.param("Tail")
        if tail is not None and tail >= 0:
            lines = lines[len(lines) - tail:] if tail else []
        count = self.param("ReadCount", 1)
        if count == 1 or count is None:
            for line in lines:
                self.write_object(line)
        elif count <= 0:
            if lines:
                self.write_object(lines)
        else:
            for start in range(0, len(lines), count):
                self.write_object(lines[start:start + count])


class _WriteContent(_PathCmdlet):
    """Set-Content and Add-Content: write each value as a line (PowerShell writes a line break
    after every value, and asrsim writes LF: its files live on the host)."""

    parameters = (
        *_PATH_PARAMETERS,
        Parameter("Value", "object[]", position=1, mandatory=True, pipeline=True,
                  pipeline_by_name=True, allow_null=True),
        Parameter("PassThru", "switch"),
        Parameter("NoNewline", "switch"),
        Parameter("Encoding", "object"),
        Parameter("AsByteStream", "switch"),
        Parameter("Stream", "string"),
    )
    default_set = "Path"
    supports_should_process = True
    appending: ClassVar[bool] = False
    action: ClassVar[str] = "Set Content"

    def begin(self) -> None:
        if self.param("AsByteStream") or self.param("Stream"):
            raise command_error(self, f"not supported in asrsim: {self.name} -AsByteStream/-Stream",
                                "NotSupported", "NotImplemented")
        self.codec, self.bom = encoding_of(self, self.param("Encoding"))
        #: paths already written by this command: later pipeline values are appended
        self.written: set[Path] = set()

    def process(self) -> None:
        values = as_list(self.param("Value"))
        for text, literal in self.given_paths():
            targets = None if literal else expand(self.runtime, text)
            if targets is None:
                targets = [host_path(self.runtime, text)]
                if is_drive_qualified(text):
                    shown = shown_path(self.runtime, text)
                    report(self, f"Could not find a part of the path '{shown}'.",
                           "GetContentWriterDirectoryNotFoundError", "ObjectNotFound",
                           target=shown_path(self.runtime, text),
                           exception_type="System.IO.DirectoryNotFoundException")
                    continue
            elif not targets:
                self.missing(text)
                continue
            for target in targets:
                self._write(target, values)

    def _write(self, target: Path, values: list[Any]) -> None:
        if not self.should_process(f"Path: {target}", self.action):
            return
        check(self.runtime, target, writing=True)
        if target.is_dir():
            report(self, f"Access to the path '{target}' is denied.",
                   "GetContentWriterUnauthorizedAccessError", "PermissionDenied",
                   target=str(target), exception_type="System.UnauthorizedAccessException")
            return
        if not target.parent.is_dir():
            report(self, f"Could not find a part of the path '{target}'.",
                   "GetContentWriterDirectoryNotFoundError", "ObjectNotFound",
                   target=str(target), exception_type="System.IO.DirectoryNotFoundException")
            return
        separator = "" if self.param("NoNewline") else "\n"
        text = "".join(("" if v is None else text_of(v)) + separator for v in values)
        append = self.appending or target in self.written
        data = text.encode(self.codec, errors="replace")
        fresh = not append or not target.exists() or os.path.getsize(target) == 0
        if fresh and self.bom:
            data = self.bom + data
        try:
            with target.open("ab" if append else "wb") as handle:
                handle.write(data)
        except OSError as error:
            report(self, f"Access to the path '{target}' is denied. ({error.strerror})",
                   "GetContentWriterUnauthorizedAccessError", "PermissionDenied",
                   target=str(target), exception_type="System.UnauthorizedAccessException")
            return
        self.written.add(target)
        if self.param("PassThru"):
            for value in values:
                self.write_object(value)


class SetContent(_WriteContent):
    """Writes new content or replaces existing content in a file.

    Each -Value (or pipeline object) becomes a line of the file; -NoNewline writes the values
    one after the other."""

    name = "Set-Content"
    appending = False
    action = "Set Content"


class AddContent(_WriteContent):
    """Adds content to the specified items, such as adding words to a file.

    The file is created when it does not exist."""

    name = "Add-Content"
    aliases = ("ac",)
    appending = True
    action = "Add Content"


class ClearContent(_PathCmdlet):
    """Deletes the contents of an item, but does not delete the item."""

    name = "Clear-Content"
    aliases = ("clc",)
    parameters = (*_PATH_PARAMETERS, Parameter("Stream", "string"))
    default_set = "Path"
    supports_should_process = True

    def process(self) -> None:
        for text, literal in self.given_paths():
            for path in self.existing(text, literal):
                if not self.should_process(f"Item: {path}", "Clear Content"):
                    continue
                check(self.runtime, path, writing=True)
                if path.is_dir():
                    report(self, f"Access to the path '{path}' is denied.",
                           "ClearContentUnauthorizedAccessError", "PermissionDenied",
                           target=str(path), exception_type="System.UnauthorizedAccessException")
                    continue
                try:
                    path.write_bytes(b"")
                except OSError as error:
                    report(self, f"Access to the path '{path}' is denied. ({error.strerror})",
                           "ClearContentUnauthorizedAccessError", "PermissionDenied",
                           target=str(path), exception_type="System.UnauthorizedAccessException")


# -- items ------------------------------------------------------------------------------------


class TestPath(_PathCmdlet):
    """Determines whether all elements of a path exist.

    $true when the path exists (-PathType Leaf: is a file, Container: is a directory);
    -IsValid only checks the path's syntax."""

    name = "Test-Path"
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, sets=("Path",), pipeline=True,
                  pipeline_by_name=True, allow_null=True),
        Parameter("LiteralPath", "string[]", mandatory=True, sets=("LiteralPath",),
                  pipeline_by_name=True, aliases=("PSPath", "LP")),
        Parameter("Filter", "string"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("PathType", "string", aliases=("Type",),
                  validate_set=("Any", "Container", "Leaf")),
        Parameter("IsValid", "switch"),
        Parameter("Credential", "object", pipeline_by_name=True),
        Parameter("OlderThan", "datetime"),
        Parameter("NewerThan", "datetime"),
    )
    default_set = "Path"
    output_type = "System.Boolean"

    def process(self) -> None:
        for text, literal in self.given_paths() or [("", True)]:
            self.write_object(self._test(text, literal))

    def _test(self, text: str, literal: bool) -> bool:
        if not text or not text.strip():
            return False
        if self.param("IsValid"):
            return _valid_path(text)
        paths = None if literal else expand(self.runtime, text)
        if paths is None:
            if is_drive_qualified(text):
                return False
            path = host_path(self.runtime, text)
            paths = [path] if path.exists() else []
        if paths:
            check(self.runtime, paths[0], writing=False)
        kind = (self.param("PathType") or "Any").casefold()
        for path in paths:
            if not self.selected(path):
                continue
            if kind == "leaf" and path.is_dir():
                continue
            if kind == "container" and not path.is_dir():
                continue
            if not self._age_ok(path):
                continue
            return True
        return False

    def _age_ok(self, path: Path) -> bool:
        older, newer = self.param("OlderThan"), self.param("NewerThan")
        if older is None and newer is None:
            return True
        moment = _moment(path.stat().st_mtime).replace(tzinfo=None)
        if older is not None and not moment < older.replace(tzinfo=None):
            return False
        return not (newer is not None and not moment > newer.replace(tzinfo=None))


def _valid_path(text: str) -> bool:
    """Windows' rule for path syntax: no control characters, no ``< > " |``, a colon only
    after a drive letter."""
    if any(ord(c) < 32 for c in text) or any(c in '<>"|' for c in text):
        return False
    body = text[2:] if _DRIVE.match(text) else text
    return ":" not in body


class GetItem(_PathCmdlet):
    """Gets the item at the specified location.

    Outputs a FileInfo or DirectoryInfo-like object (Name, FullName, Length, LastWriteTime,
    Extension, BaseName, Directory/DirectoryName, Mode)."""

    name = "Get-Item"
    aliases = ("gi",)
    parameters = (*_PATH_PARAMETERS, Parameter("Stream", "string[]"))
    default_set = "Path"
    output_type = "System.IO.FileInfo"

    def process(self) -> None:
        for text, literal in self.given_paths():
            for path in self.existing(text, literal):
                check(self.runtime, path, writing=False)
                self.write_object(item_object(path))


class GetChildItem(_PathCmdlet):
    """Gets the items and child items in one or more specified locations.

    Lists a directory's subdirectories then files (-Recurse: and theirs), or a file itself;
    -Filter, -Include and -Exclude select by name, -File and -Directory by kind, -Name
    outputs names only. Hidden (dot) files are listed with -Force."""

    name = "Get-ChildItem"
    aliases = ("gci", "ls", "dir")
    parameters = (
        Parameter("Path", "string[]", position=0, sets=("Items",), pipeline=True,
                  pipeline_by_name=True),
        Parameter("LiteralPath", "string[]", mandatory=True, sets=("LiteralItems",),
                  pipeline_by_name=True, aliases=("PSPath", "LP")),
        Parameter("Filter", "string", position=1),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Recurse", "switch", aliases=("s", "r")),
        Parameter("Depth", "int", validate_range=(0, 2147483647)),
        Parameter("Force", "switch"),
        Parameter("Name", "switch"),
        Parameter("Attributes", "string"),
        Parameter("FollowSymlink", "switch"),
        Parameter("Directory", "switch", aliases=("ad", "d")),
        Parameter("File", "switch", aliases=("af",)),
        Parameter("Hidden", "switch", aliases=("ah", "h")),
        Parameter("ReadOnly", "switch", aliases=("ar",)),
        Parameter("System", "switch", aliases=("as",)),
    )
    default_set = "Items"
    output_type = "System.IO.FileInfo"

    def process(self) -> None:
        given = self.given_paths() or [(str(self.runtime.location), True)]
        for text, literal in given:
            paths = None if literal else expand(self.runtime, text)
            if paths is None:
                path = host_path(self.runtime, text)
                if is_drive_qualified(text) or not path.exists():
                    self.missing(text)
                    continue
                paths = [path]
                roots = [path]
            else:
                roots = []
            for path in paths:
                check(self.runtime, path, writing=False)
                if path.is_dir() and (path in roots or self.param("Recurse")):
                    self._list(path, path, 0)
                elif self._wanted(path):
                    self._emit(path, path.parent)

    def _list(self, directory: Path, root: Path, depth: int) -> None:
        try:
            entries = list(directory.iterdir())
        except OSError:
            report(self, f"Access to the path '{directory}' is denied.",
                   "DirUnauthorizedAccessError", "PermissionDenied", target=str(directory),
                   exception_type="System.UnauthorizedAccessException")
            return
        if not self.param("Force"):
            entries = [e for e in entries if not e.name.startswith(".")]
        directories = sorted((e for e in entries if e.is_dir()), key=lambda p: p.name.casefold())
        files = sorted((e for e in entries if not e.is_dir()), key=lambda p: p.name.casefold())
        for entry in directories + files:
            if self._wanted(entry):
                self._emit(entry, root)
        limit = self.param("Depth")
        recurse = self.param("Recurse") or limit is not None
        if recurse and (limit is None or depth < limit):
            for sub in directories:
                self._list(sub, root, depth + 1)

    def _wanted(self, path: Path) -> bool:
        if self.param("File") and path.is_dir():
            return False
        if self.param("Directory") and not path.is_dir():
            return False
        if self.param("Hidden") and not path.name.startswith("."):
            return False
        return self.selected(path)

    def _emit(self, path: Path, root: Path) -> None:
        if self.param("Name"):
            try:
                relative = str(path.relative_to(root))
            except ValueError:
                relative = path.name
            self.write_object(relative if relative != "." else path.name)
        else:
            self.write_object(item_object(path))


_ITEM_TYPES = {"file": "file", "f": "file", "directory": "directory", "dir": "directory",
               "d": "directory", "container": "directory"}


class NewItem(_PathCmdlet):
    """Creates a new item.

    -ItemType File (the default) creates a file holding -Value, Directory creates a
    directory (and the missing ones above it); an existing item is an error unless -Force."""

    name = "New-Item"
    aliases = ("ni",)
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=("pathSet",),
                  sets=("pathSet", "nameSet"), pipeline_by_name=True),
        Parameter("Name", "string", mandatory=("nameSet",), sets=("nameSet",),
                  pipeline_by_name=True, allow_null=True),
        Parameter("ItemType", "string", pipeline_by_name=True, aliases=("Type",)),
        Parameter("Value", "object", pipeline=True, pipeline_by_name=True,
                  aliases=("Target",)),
        Parameter("Force", "switch"),
        Parameter("Credential", "object", pipeline_by_name=True),
    )
    default_set = "pathSet"
    supports_should_process = True
    output_type = "System.IO.FileInfo"

    def process(self) -> None:
        kind_text = (self.param("ItemType") or "File").strip()
        kind = _ITEM_TYPES.get(kind_text.casefold())
        if kind is None:
            if kind_text.casefold() in ("symboliclink", "junction", "hardlink"):
                raise command_error(self, "not supported in asrsim: New-Item -ItemType "
                                    f"{kind_text}",
                                    "NotSupported", "NotImplemented")
            raise command_error(
                self, 'The type is not a known type for the file system. Only "file","directory" '
                'or "symboliclink" can be specified.', "Argument", "InvalidArgument",
                target=kind_text, exception_type="System.Management.Automation.PSArgumentException")
        parents = [text_of(p) for p in as_list(self.param("Path"))] or [str(self.runtime.location)]
        name = self.param("Name")
        for parent in parents:
            text = f"{parent}\\{name}" if name else parent
            self._create(text, kind)

    def _create(self, text: str, kind: str) -> None:
        path = host_path(self.runtime, text)
        shown = shown_path(self.runtime, text)
        action = "Create File" if kind == "file" else "Create Directory"
        if not self.should_process(f"Destination: {shown}", action):
            return
        force = self.param("Force")
        if is_drive_qualified(text):
            report(self, f"Could not find a part of the path '{shown}'.", "NewItemIOError",
                   "WriteError", target=shown,
                   exception_type="System.IO.DirectoryNotFoundException")
            return
        check(self.runtime, path, writing=True)
        if kind == "directory":
            if path.exists():
                if not force or not path.is_dir():
                    report(self, f"An item with the specified name {path} already exists.",
                           "DirectoryExist", "ResourceExists", target=str(path),
                           exception_type="System.IO.IOException")
                    return
            else:
                try:
                    path.mkdir(parents=True)
                except OSError as error:
                    report(self, f"{error.strerror}: '{path}'", "CreateDirectoryIOError",
                           "WriteError", target=str(path), exception_type="System.IO.IOException")
                    return
            self.write_object(item_object(path))
            return
        if path.is_dir():
            report(self, f"Access to the path '{path}' is denied.",
                   "NewItemUnauthorizedAccessError", "PermissionDenied", target=str(path),
                   exception_type="System.UnauthorizedAccessException")
            return
        if path.exists() and not force:
            report(self, f"The file '{path}' already exists.", "NewItemIOError", "WriteError",
                   target=str(path), exception_type="System.IO.IOException")
            return
        if not path.parent.is_dir():
            if not force:
                report(self, f"Could not find a part of the path '{path}'.", "NewItemIOError",
                       "WriteError", target=str(path),
                       exception_type="System.IO.DirectoryNotFoundException")
                return
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                report(self, f"{error.strerror}: '{path.parent}'", "NewItemIOError",
                       "WriteError", target=str(path), exception_type="System.IO.IOException")
                return
        value = self.param("Value")
        try:
            path.write_text("" if value is None else text_of(value), encoding="utf-8")
        except OSError as error:
            report(self, f"Access to the path '{path}' is denied. ({error.strerror})",
                   "NewItemUnauthorizedAccessError", "PermissionDenied", target=str(path),
                   exception_type="System.UnauthorizedAccessException")
            return
        self.write_object(item_object(path))


class RemoveItem(_PathCmdlet):
    """Deletes the specified items.

    Removes files and directories; a directory that is not empty needs -Recurse (or, in an
    interactive session, a yes to PowerShell's question)."""

    name = "Remove-Item"
    aliases = ("ri", "rm", "rmdir", "del", "erase", "rd")
    parameters = (*_PATH_PARAMETERS, Parameter("Recurse", "switch", aliases=("r",)),
                  Parameter("Stream", "string[]"))
    default_set = "Path"
    supports_should_process = True

    def process(self) -> None:
        for text, literal in self.given_paths():
            for path in self.existing(text, literal, report_missing=True):
                self._remove(path)

    def _remove(self, path: Path) -> None:
        is_dir = path.is_dir() and not path.is_symlink()
        if not self.should_process(str(path), "Remove Directory" if is_dir else "Remove File"):
            return
        check(self.runtime, path, writing=True)
        try:
            if not is_dir:
                path.unlink()
                return
            if any(path.iterdir()) and not self.param("Recurse") and not self._confirm(path):
                return
            shutil.rmtree(path)
        except OSError as error:
            report(self, f"Cannot remove item {path}: {error.strerror}.", "RemoveItemIOError",
                   "WriteError", target=str(path), exception_type="System.IO.IOException")

    def _confirm(self, path: Path) -> bool:
        host = self.context.host
        question = (f"The item at {path} has children and the Recurse parameter was not "
                    "specified. If you continue, all children will be removed with the item. "
                    "Are you sure you want to continue?")
        if not host.interactive:
            raise command_error(
                self, "PowerShell is in NonInteractive mode. Read and Prompt functionality is "
                "not available.", "InvalidOperation", "InvalidOperation",
                exception_type="System.Management.Automation.PSInvalidOperationException")
        answer = host.read_line(f"\nConfirm\n{question}\n[Y] Yes  [A] Yes to All  [N] No  "
                                '[L] No to All  [?] Help (default is "Y"): ')
        return answer.strip().casefold() in ("", "y", "yes", "a")


# -- paths ------------------------------------------------------------------------------------


class JoinPath(Cmdlet):
    """Combines a path and a child path into a single path.

    The parts are joined with "\\" as PowerShell on Windows does; -Resolve returns the
    existing paths they name."""

    name = "Join-Path"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline=True,
                  pipeline_by_name=True, aliases=("PSPath",)),
        Parameter("ChildPath", "string", position=1, pipeline_by_name=True, allow_null=True),
        Parameter("AdditionalChildPath", "string[]", position=2, remaining=True),
        Parameter("Resolve", "switch"),
        Parameter("Credential", "object", pipeline_by_name=True),
        Parameter("Extension", "string"),
    )
    output_type = "System.String"

    def process(self) -> None:
        children = [self.param("ChildPath") or "", *[text_of(c) for c in as_list(
            self.param("AdditionalChildPath"))]]
        if not self.has("ChildPath") and not self.has("AdditionalChildPath"):
            children = []
        for parent in [text_of(p) for p in as_list(self.param("Path"))]:
            joined = parent
            for child in children:
                joined = join_windows(joined, child)
            extension = self.param("Extension")
            if extension is not None:
                joined = _with_extension(joined, extension)
            if not self.param("Resolve"):
                self.write_object(joined)
                continue
            runtime = self.context.runtime
            found = expand(runtime, joined)
            if found is None:
                path = host_path(runtime, joined)
                found = [path] if path.exists() and not is_drive_qualified(joined) else []
            if not found:
                report(self, f"Cannot find path '{shown_path(runtime, joined)}' because it does "
                       "not exist.", "PathNotFound", "ObjectNotFound",
                       target=shown_path(runtime, joined), exception_type=_NOT_FOUND)
                continue
            for path in found:
                self.write_object(str(path))


def join_windows(parent: str, child: str) -> str:
    """Windows' MakePath: one "\\" between the parts, whatever separators they end or start
    with."""
    if not parent:
        return child
    if not child:
        return parent if parent.endswith(("\\", "/")) else parent + "\\"
    return parent.rstrip("\\/") + "\\" + child.lstrip("\\/")


def _with_extension(path: str, extension: str) -> str:
    base, sep, leaf = _split_last(path)
    stem = leaf.rsplit(".", 1)[0] if "." in leaf.lstrip(".") else leaf
    if extension and not extension.startswith("."):
        extension = "." + extension
    return base + sep + stem + extension


def _split_last(path: str) -> tuple[str, str, str]:
    index = max(path.rfind("\\"), path.rfind("/"))
    if index < 0:
        return "", "", path
    return path[:index], path[index], path[index + 1:]


class SplitPath(Cmdlet):
    """Returns the specified part of a path.

    -Parent (the default), -Leaf, -LeafBase, -Extension, -Qualifier, -NoQualifier or
    -IsAbsolute; both "\\" and "/" separate the parts."""

    name = "Split-Path"
    noun_module = MODULE_NAME
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True,
                  sets=("ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet", "QualifierSet",
                        "NoQualifierSet", "IsAbsoluteSet"), pipeline=True,
                  pipeline_by_name=True),
        Parameter("LiteralPath", "string[]", mandatory=True, sets=("LiteralPathSet",),
                  pipeline_by_name=True, aliases=("PSPath", "LP")),
        Parameter("Parent", "switch", sets=("ParentSet",)),
        Parameter("Leaf", "switch", mandatory=True, sets=("LeafSet",)),
        Parameter("LeafBase", "switch", mandatory=True, sets=("LeafBaseSet",)),
        Parameter("Extension", "switch", mandatory=True, sets=("ExtensionSet",)),
        Parameter("Qualifier", "switch", mandatory=True, sets=("QualifierSet",)),
        Parameter("NoQualifier", "switch", mandatory=True, sets=("NoQualifierSet",)),
        Parameter("IsAbsolute", "switch", mandatory=True, sets=("IsAbsoluteSet",)),
        Parameter("Resolve", "switch"),
        Parameter("Credential", "object", pipeline_by_name=True),
    )
    default_set = "ParentSet"
    output_type = "System.String"

    def process(self) -> None:
        texts = as_list(self.param("LiteralPath") if self.has("LiteralPath")
                        else self.param("Path"))
        for value in texts:
            text = text_of(value)
            if self.param("Resolve"):
                runtime = self.context.runtime
                found = None if self.has("LiteralPath") else expand(runtime, text)
                if found is None:
                    path = host_path(runtime, text)
                    found = [path] if path.exists() and not is_drive_qualified(text) else []
                if not found:
                    report(self, f"Cannot find path '{shown_path(runtime, text)}' because it "
                           "does not exist.", "PathNotFound", "ObjectNotFound",
                           target=shown_path(runtime, text), exception_type=_NOT_FOUND)
                    continue
                for path in found:
                    self._split(str(path))
            else:
                self._split(text)

    def _split(self, text: str) -> None:
        if self.param("IsAbsolute"):
            self.write_object(bool(re.match(r"^([A-Za-z]:[\\/]|[\\/])", text)))
            return
        qualifier = text[:2] if _DRIVE.match(text) else ""
        if self.param("Qualifier"):
            if not qualifier:
                raise command_error(
                    self, f"Cannot parse path because path '{text}' does not have a qualifier "
                    "specified.", "ParsePathFormatError", "InvalidArgument", target=text,
                    exception_type="System.Management.Automation.PSArgumentException")
            self.write_object(qualifier)
            return
        if self.param("NoQualifier"):
            self.write_object(text[len(qualifier):])
            return
        rest = text[len(qualifier):]
        trimmed = rest.rstrip("\\/") or rest[:1]
        index = max(trimmed.rfind("\\"), trimmed.rfind("/"))
        leaf = trimmed[index + 1:] if index >= 0 else trimmed
        if trimmed in ("\\", "/"):
            leaf = ""
        if self.param("Leaf"):
            self.write_object(leaf)
        elif self.param("LeafBase"):
            self.write_object(leaf.rsplit(".", 1)[0] if "." in leaf.lstrip(".") else leaf)
        elif self.param("Extension"):
            self.write_object("." + leaf.rsplit(".", 1)[1] if "." in leaf.lstrip(".") else "")
        else:
            if index < 0:
                parent = qualifier + "\\" if qualifier and rest[:1] in ("\\", "/") and leaf \
                    else ""
            elif index == 0:
                parent = qualifier + trimmed[0] if leaf else ""
            else:
                parent = qualifier + trimmed[:index]
            self.write_object(parent)


# -- location ---------------------------------------------------------------------------------


class GetLocation(Cmdlet):
    """Gets information about the current working location."""

    name = "Get-Location"
    noun_module = MODULE_NAME
    aliases = ("gl", "pwd")
    parameters = (
        Parameter("PSProvider", "string[]", sets=("Location",), pipeline_by_name=True),
        Parameter("PSDrive", "string[]", sets=("Location",), pipeline_by_name=True),
        Parameter("Stack", "switch", sets=("Stack",)),
        Parameter("StackName", "string[]", sets=("Stack",), pipeline_by_name=True),
    )
    default_set = "Location"
    output_type = "System.Management.Automation.PathInfo"

    def process(self) -> None:
        if self.param("Stack") or self.has("StackName"):
            raise command_error(self, "not supported in asrsim: Get-Location -Stack",
                                "NotSupported", "NotImplemented")
        self.write_object(pathinfo_object(self.context.runtime, self.context.runtime.location))


class SetLocation(Cmdlet):
    """Sets the current working location to a specified location.

    Only directories of the host are locations in asrsim; without a path it goes home."""

    name = "Set-Location"
    noun_module = MODULE_NAME
    aliases = ("cd", "sl", "chdir")
    parameters = (
        Parameter("Path", "string", position=0, sets=("Path",), pipeline=True,
                  pipeline_by_name=True),
        Parameter("LiteralPath", "string", mandatory=True, sets=("LiteralPath",),
                  pipeline_by_name=True, aliases=("PSPath", "LP")),
        Parameter("PassThru", "switch"),
        Parameter("StackName", "string", sets=("Stack",), pipeline_by_name=True),
    )
    default_set = "Path"
    output_type = "System.Management.Automation.PathInfo"

    def process(self) -> None:
        runtime = self.context.runtime
        if self.has("StackName"):
            raise command_error(self, "not supported in asrsim: Set-Location -StackName",
                                "NotSupported", "NotImplemented")
        literal = self.has("LiteralPath")
        text = self.param("LiteralPath") if literal else self.param("Path")
        if text is None or text == "":
            target = Path.home()
        else:
            found = None if literal else expand(runtime, text)
            if found is not None:
                directories = [p for p in found if p.is_dir()]
                if len(directories) > 1:
                    raise command_error(
                        self, f"Cannot set the location because path '{text}' resolved to "
                        "multiple containers. You can only the set location to a single "
                        "container at a time.", "PathResolvedToMultiple", "InvalidArgument",
                        target=text,
                        exception_type="System.Management.Automation.PSArgumentException")
                target = directories[0] if directories else host_path(runtime, text + "\0")
            else:
                target = host_path(runtime, text)
            if is_drive_qualified(text) or "\0" in str(target) or not target.is_dir():
                raise command_error(
                    self, f"Cannot find path '{shown_path(runtime, text)}' because it does not "
                    "exist.", "PathNotFound", "ObjectNotFound", target=shown_path(runtime, text),
                    exception_type=_NOT_FOUND)
        check(runtime, target, writing=False)
        runtime.location = target
        if self.param("PassThru"):
            self.write_object(pathinfo_object(runtime, target))


CMDLETS: tuple[type[Cmdlet], ...] = (
    GetContent, SetContent, AddContent, ClearContent, TestPath, JoinPath, SplitPath,
    GetLocation, SetLocation, GetItem, GetChildItem, NewItem, RemoveItem,
)


def register(runtime: Runtime, session: Any) -> None:
    """$PWD (following Set-Location) and the format views of files and locations."""
    runtime.global_scope.define(PSVariable("PWD", pathinfo_object(runtime)))
    from asrsim.lang.formatting import GroupBy, ListView, TableView, prop

    views = runtime.views
    views.register(TableView((PATHINFO_TYPE_NAMES[0],), (prop("Path"),)))
    # a view registered later is preferred: the list views go first, the table is the default
    times = (prop("CreationTime"), prop("LastWriteTime"), prop("LastAccessTime"), prop("Mode"),
             prop("LinkType"), prop("Target"))
    views.register(ListView((DIRECTORY_TYPE_NAMES[0],), (prop("Name"), *times),
                            group_by=GroupBy(" Directory", _directory_parent)))
    views.register(ListView((FILE_TYPE_NAMES[0],), (
        prop("Name"), prop("LengthString", "Length"), *times,
    ), group_by=GroupBy(" Directory", _directory_parent)))
    # FileSystem_format_ps1xml.cs "children": grouped by the parent directory under
    # "    Directory: <path>" (the group line is three spaces, the label, ": ", the value)
    views.register(TableView((FILE_TYPE_NAMES[0], DIRECTORY_TYPE_NAMES[0]), (
        prop("ModeWithoutHardLink", "Mode", width=7, alignment="Left"),
        prop("LastWriteTimeString", "LastWriteTime", width=26, alignment="Right"),
        prop("LengthString", "Length", width=14, alignment="Right"),
        prop("NameString", "Name", alignment="Left"),
    ), group_by=GroupBy(" Directory", _directory_parent), wrap=True))


def _directory_parent(item: Any) -> str:
    parent = item.get("PSParentPath") if isinstance(item, PSObject) else ""
    return str(parent).replace(PROVIDER + "::", "")


__all__ = ["CMDLETS", "MODULE_NAME", "register"]
