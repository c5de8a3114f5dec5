"""Errors of the language, in PowerShell's terms.

- ParseError: one problem the parser found (extent, ErrorId, message, IncompleteInput), as
  System.Management.Automation.Language.ParseError; a script with any does not run.
- ErrorRecord: what ``$Error[0]`` and ``$_`` in a catch block hold.
- RuntimeError subclasses (PSRuntimeException, ParameterBindingException, ...) carry an
  ErrorRecord; raising one is a terminating error.
- BreakException / ContinueException / ReturnException / ExitException: private control
  flow, never shown to a user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from asrsim.lang.ast import Extent

# PowerShell's ErrorCategory names
CATEGORIES = (
    "NotSpecified",
    "OpenError",
    "CloseError",
    "DeviceError",
    "DeadlockDetected",
    "InvalidArgument",
    "InvalidData",
    "InvalidOperation",
    "InvalidResult",
    "InvalidType",
    "MetadataError",
    "NotImplemented",
    "NotInstalled",
    "ObjectNotFound",
    "OperationStopped",
    "OperationTimeout",
    "SyntaxError",
    "ParserError",
    "PermissionDenied",
    "ResourceBusy",
    "ResourceExists",
    "ResourceUnavailable",
    "ReadError",
    "WriteError",
    "FromStdErr",
    "SecurityError",
    "ProtocolError",
    "ConnectionError",
    "AuthenticationError",
    "LimitsExceeded",
    "QuotaExceeded",
    "NotEnabled",
)


@dataclass(frozen=True)
class ParseError:
    extent: Extent
    error_id: str
    message: str
    incomplete_input: bool = False

    def __str__(self) -> str:
        return (
            f"{self.extent.start_line}:{self.extent.start_column} {self.error_id}: {self.message}"
        )


@dataclass
class InvocationInfo:
    """Where an error happened: the command and the script position."""

    command_name: str = ""
    extent: Extent | None = None

    @property
    def script_line_number(self) -> int:
        return self.extent.start_line if self.extent else 0

    @property
    def offset_in_line(self) -> int:
        return self.extent.start_column if self.extent else 0

    @property
    def line(self) -> str:
        return self.extent.source.line_text(self.extent.start_line) if self.extent else ""

    @property
    def script_name(self) -> str:
        return (self.extent.source.path or "") if self.extent else ""

    @property
    def position_message(self) -> str:
        if not self.extent:
            return ""
        where = self.script_name or ""
        return f"At {where or 'line'}:{self.script_line_number} char:{self.offset_in_line}"


@dataclass
class ErrorRecord:
    """System.Management.Automation.ErrorRecord."""

    dotnet_type_name = "System.Management.Automation.ErrorRecord"

    exception: PSException
    fully_qualified_error_id: str
    category: str = "NotSpecified"
    target_object: Any = None
    invocation_info: InvocationInfo = field(default_factory=InvocationInfo)
    #: the activity shown in CategoryInfo ("Get-Item", "Set-DnsServerResourceRecord")
    activity: str = ""
    reason: str = ""  # the exception's type name, as CategoryInfo.Reason
    error_details_message: str | None = None

    @property
    def message(self) -> str:
        return self.error_details_message or self.exception.message

    def category_info(self) -> str:
        target = "" if self.target_object is None else _short(self.target_object)
        reason = self.reason or type(self.exception).__name__
        kind = _type_name(self.target_object)
        return f"{self.category}: ({target}:{kind}) [{self.activity}], {reason}"

    def __str__(self) -> str:
        return self.message


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "String"
    return type(value).__name__


class PSException(Exception):
    """A .NET-like exception: ``message``, and a .NET type name for ``catch [Type]`` and
    ``$_.Exception.GetType().FullName``."""

    dotnet_type = "System.Exception"

    @property
    def dotnet_type_name(self) -> str:
        return self.dotnet_type

    def __init__(self, message: str, *, inner: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.inner = inner
        self.error_record: ErrorRecord | None = None
        #: `throw` ends the whole script; other terminating errors end only their statement
        self.script_terminating = False


class RuntimeException(PSException):
    """A terminating error carrying an ErrorRecord (S.M.A.RuntimeException)."""

    dotnet_type = "System.Management.Automation.RuntimeException"

    def __init__(
        self,
        message: str,
        error_id: str = "RuntimeException",
        category: str = "NotSpecified",
        *,
        target: Any = None,
        extent: Extent | None = None,
        inner: BaseException | None = None,
        dotnet_type: str | None = None,
    ) -> None:
        super().__init__(message, inner=inner)
        if dotnet_type:
            self.dotnet_type = dotnet_type
        self.error_record = ErrorRecord(
            exception=self,
            fully_qualified_error_id=error_id,
            category=category,
            target_object=target,
            invocation_info=InvocationInfo(extent=extent),
            reason=self.dotnet_type.rsplit(".", 1)[-1],
        )

    @property
    def record(self) -> ErrorRecord:
        assert self.error_record is not None
        return self.error_record


class ParseException(RuntimeException):
    dotnet_type = "System.Management.Automation.ParseException"

    def __init__(self, errors: list[ParseError]) -> None:
        first = errors[0]
        super().__init__(first.message, first.error_id, "ParserError", extent=first.extent)
        self.errors = errors


class ParameterBindingException(RuntimeException):
    dotnet_type = "System.Management.Automation.ParameterBindingException"

    def __init__(
        self,
        message: str,
        error_id: str,
        *,
        command: str = "",
        category: str = "InvalidArgument",
        extent: Extent | None = None,
        target: Any = None,
        activity: str = "",
    ) -> None:
        super().__init__(
            message,
            f"{error_id},{command}" if command else error_id,
            category,
            extent=extent,
            target=target,
        )
        # the FullyQualifiedErrorId names the command's class; CategoryInfo its name
        self.record.activity = activity or command


class CommandNotFoundException(RuntimeException):
    dotnet_type = "System.Management.Automation.CommandNotFoundException"

    def __init__(self, name: str, extent: Extent | None = None) -> None:
        super().__init__(
            f"The term '{name}' is not recognized as a name of a cmdlet, function, script "
            "file, or executable program.\nCheck the spelling of the name, or if a path was "
            "included, verify that the path is correct and try again.",
            "CommandNotFoundException",
            "ObjectNotFound",
            target=name,
            extent=extent,
        )
        # PowerShell 7's concise view names the missing command: "Get-Nothing: The term ..."
        self.record.invocation_info.command_name = name


class PipelineStoppedException(RuntimeException):
    dotnet_type = "System.Management.Automation.PipelineStoppedException"

    def __init__(self) -> None:
        super().__init__("The pipeline has been stopped.", "PipelineStopped", "OperationStopped")


class ActionPreferenceStopException(RuntimeException):
    """A non-terminating error made terminating by -ErrorAction Stop / $ErrorActionPreference."""

    dotnet_type = "System.Management.Automation.ActionPreferenceStopException"

    def __init__(self, record: ErrorRecord) -> None:
        super().__init__(record.message)
        self.error_record = record


# -- private control flow --------------------------------------------------------------------


class FlowControl(Exception):
    pass


class BreakException(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ContinueException(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ReturnException(FlowControl):
    pass


class StopUpstreamCommands(FlowControl):
    """Raised by a command that needs no more input (Select-Object -First): the commands
    before it in the pipeline stop, without running their end blocks, and it and the
    commands after it finish normally."""

    def __init__(self, source: object) -> None:
        self.source = source


class ExitException(FlowControl):
    def __init__(self, code: int) -> None:
        self.code = code


#: .NET exception types and their base classes (most derived first), for `catch [Type]`,
#: `trap [Type]` and `-is`
EXCEPTION_BASES: dict[str, tuple[str, ...]] = {
    "System.DivideByZeroException": ("System.arithmeticexception", "System.SystemException"),
    "System.OverflowException": ("System.arithmeticexception", "System.SystemException"),
    "System.Management.Automation.RuntimeException": ("System.SystemException",),
    "System.Management.Automation.ParameterBindingException": (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.CommandNotFoundException": (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.ParseException": (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.ActionPreferenceStopException": (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.ItemNotFoundException": (
        "System.Management.Automation.sessionstateexception",
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.MethodInvocationException": (
        "System.Management.Automation.MethodException",
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.ValidationMetadataException": (
        "System.Management.Automation.MetadataException",
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.Management.Automation.PipelineStoppedException": (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
    "System.InvalidCastException": ("System.SystemException",),
    "System.ArgumentException": ("System.SystemException",),
    "System.ArgumentNullException": ("System.ArgumentException", "System.SystemException"),
    "System.ArgumentOutOfRangeException": ("System.ArgumentException", "System.SystemException"),
    "System.FormatException": ("System.SystemException",),
    "System.InvalidOperationException": ("System.SystemException",),
    "System.ObjectDisposedException": (
        "System.InvalidOperationException",
        "System.SystemException",
    ),
    "System.NotSupportedException": ("System.SystemException",),
    "System.NotImplementedException": ("System.SystemException",),
    "System.TimeoutException": ("System.SystemException",),
    "System.UnauthorizedAccessException": ("System.SystemException",),
    "System.IO.IOException": ("System.SystemException",),
    "System.IO.FileNotFoundException": ("System.IO.IOException", "System.SystemException"),
    "System.IO.DirectoryNotFoundException": ("System.IO.IOException", "System.SystemException"),
    "System.Collections.Generic.KeyNotFoundException": ("System.SystemException",),
    "System.IndexOutOfRangeException": ("System.SystemException",),
    "System.NullReferenceException": ("System.SystemException",),
    "System.Exception": (),
    "System.SystemException": (),
    "System.ApplicationException": (),
}


_BASES_FOLDED = {k.casefold(): tuple(b.casefold() for b in v) for k, v in EXCEPTION_BASES.items()}


def exception_chain(error: PSException) -> set[str]:
    """The folded names of an exception's type and its base types."""
    own = error.dotnet_type.casefold()
    return {own, *_BASES_FOLDED.get(own, ("system.systemexception",)), "system.exception"}


def exception_matches(error: PSException, type_name: str, *, include_inner: bool = True) -> bool:
    """Whether ``catch [type_name]`` catches ``error``; PowerShell also looks at the
    exception a RuntimeException wraps (``1/0`` is caught by [DivideByZeroException])."""
    wanted = type_name.casefold()
    options = (
        {wanted}
        if wanted.startswith("system.")
        else {wanted, "system." + wanted, "system.management.automation." + wanted}
    )
    chain = exception_chain(error)
    if isinstance(error, ActionPreferenceStopException) and error.error_record is not None \
            and error.error_record.exception is not error:
        # -ErrorAction Stop: catch [ItemNotFoundException] still sees the error's own type
        chain |= exception_chain(error.error_record.exception)
    if include_inner and isinstance(error.inner, PSException):
        chain |= exception_chain(error.inner)
    return bool(chain & options)
