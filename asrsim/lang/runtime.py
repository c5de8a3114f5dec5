"""The running engine: a session's scopes, command lookup, pipelines and error streams.

``Runtime`` is one PowerShell session (a runspace): its global scope, the cmdlets it was
given, type and view registries, host, clock and seeded generator. ``Context`` is what
compiled code runs against: the runtime, the current scope and where output goes.
"""

from __future__ import annotations

import abc
import contextlib
import os
import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asrsim.lang import conversions
from asrsim.lang.ast import Extent, ScriptBlockAst
from asrsim.lang.binder import (
    Argument,
    Binder,
    BoundCall,
    PositionalArgument,
)
from asrsim.lang.commands import (
    NO_INPUT,
    Cmdlet,
    CommandSignature,
    CommandTable,
    Host,
)
from asrsim.lang.conversions import Version
from asrsim.lang.errors import (
    ActionPreferenceStopException,
    CommandNotFoundException,
    ErrorRecord,
    InvocationInfo,
    ParseException,
    PSException,
    ReturnException,
    RuntimeException,
    StopUpstreamCommands,
)
from asrsim.lang.operators import OperatorContext
from asrsim.lang.psobject import NOTHING, ArrayList, Hashtable, PSObject
from asrsim.lang.scopes import PSVariable, Scope
from asrsim.lang.scriptblock import FunctionInfo, ScriptBlock
from asrsim.lang.types import TypeRegistry, default_types

if TYPE_CHECKING:
    from asrsim.lang.formatting import ViewRegistry

Emit = Callable[[Any], None]

PS_VERSION = "7.4.6"
#: how deep functions and scripts may call each other before PowerShell's CallDepthOverflow
MAX_CALL_DEPTH = 100


def call_depth_overflow() -> RuntimeException:
    error = RuntimeException(
        "The script failed due to call depth overflow.", "CallDepthOverflow",
        "InvalidOperation",
        dotnet_type="System.Management.Automation.ScriptCallDepthException")
    error.script_terminating = True  # it unwinds the whole script, as in PowerShell
    return error


class FileAccess:
    """What scripts may do to the host's files. The local shell reads and writes what a
    script asks for; a session serving the network gets neither."""

    def __init__(self, *, read: bool = True, write: bool = True) -> None:
        self.read = read
        self.write = write

    def check(self, path: Path, writing: bool) -> None:
        allowed = self.write if writing else self.read
        if not allowed:
            verb = "write" if writing else "read"
            raise RuntimeException(
                f"not supported in asrsim: this session may not {verb} the host's files ('{path}')",
                "FileAccessDenied",
                "PermissionDenied",
                target=str(path),
            )


@dataclass
class Context:
    """Where compiled code runs: the session, the current scope and the output."""

    runtime: Runtime
    scope: Scope
    emit: Emit
    script_path: str | None = None
    #: the command whose parameters $PSBoundParameters and $PSCmdlet describe
    command: Any = None

    def child(self, scope: Scope | None = None, emit: Emit | None = None) -> Context:
        return Context(
            self.runtime, scope or self.scope, emit or self.emit, self.script_path, self.command
        )

    def emit_value(self, value: Any) -> None:
        """Statement output: collections are unrolled one level, nothing is dropped."""
        if value is NOTHING:
            return
        if isinstance(value, list):
            emit = self.emit
            for item in value:
                emit(item)
        else:
            self.emit(value)


class Collector:
    """A list that output is written into (``$x = Get-Thing``, ``@(...)``)."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Any] = []

    def __call__(self, value: Any) -> None:
        self.items.append(value)

    def result(self) -> Any:
        """What assigning the output gives: nothing, the one object, or an array."""
        if not self.items:
            return None
        if len(self.items) == 1:
            return self.items[0]
        return self.items


@dataclass
class StreamSettings:
    """Per-command preferences, from -ErrorAction and friends or the $…Preference variables."""

    error_action: str = "Continue"
    warning_action: str = "Continue"
    verbose: bool = False
    debug: bool = False
    information_action: str = "SilentlyContinue"
    whatif: bool = False
    confirm: bool = False
    error_variable: str | None = None
    out_variable: str | None = None
    warning_variable: str | None = None
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)


class Runtime:
    def __init__(
        self,
        commands: CommandTable,
        host: Host,
        *,
        types: TypeRegistry | None = None,
        views: ViewRegistry | None = None,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], None] | None = None,
        seed: int | Callable[[], int] | None = None,
        files: FileAccess | None = None,
        environment: dict[str, str] | None = None,
        location: Path | None = None,
    ) -> None:
        from asrsim.lang.compiler import Compiler

        self.commands = commands
        self.host = host
        self.types = types or default_types()
        self._views = views
        self.clock = clock
        self._sleep = sleep
        self._seed = seed
        self._random: random.Random | None = None
        self.files = files or FileAccess()
        self.environment = dict(os.environ if environment is None else environment)
        self.location = location or Path.cwd()
        self.global_scope = Scope()
        self.errors = ArrayList()
        self.try_depth = 0
        self.compiler = Compiler(self)
        self.last_success = True
        self.parse_cache: dict[str, tuple[float, ScriptBlock]] = {}
        #: a cmdlet's binder depends only on its declaration: made once per session
        self.binders: dict[type[Cmdlet], Binder] = {}
        #: static members a cmdlet module adds, by "fullname::member" folded
        #: (for example "microsoft.management.infrastructure.ciminstance::new")
        self.static_hooks: dict[str, Callable[..., Any]] = {}
        #: where streams go while redirections are in force (innermost last): stream name
        #: ("error", "warning", "verbose", "debug", "information") -> sink
        self.stream_redirects: list[dict[str, Callable[[Any], None]]] = []
        #: the error records of the catch blocks running (`throw` alone rethrows the last)
        self.current_errors: list[ErrorRecord] = []
        self.exit_code: int | None = None
        self.call_depth = 0
        #: where cmdlets act (the simulated world, or a remote host), set by the session
        self.backend: Any = None
        #: per-session state of cmdlet modules, by module name (a default VMM server ...)
        self.module_state: dict[str, Any] = {}
        #: the scope of the script the host is running (its $ErrorView decides the error view)
        self.top_scope: Scope | None = None
        self.operator_context = OperatorContext(
            types=self.types,
            set_matches=self._set_matches,
            invoke_script_block=self._invoke_for_operator,
        )
        self._init_variables()
        self._init_exception_types()

    # -- variables -----------------------------------------------------------------------

    def _init_variables(self) -> None:
        scope = self.global_scope
        for name, value in (("true", True), ("false", False), ("null", None)):
            scope.define(PSVariable(name, value, constant=True))
        defaults: dict[str, Any] = {
            "ErrorActionPreference": "Continue",
            "WarningPreference": "Continue",
            "VerbosePreference": "SilentlyContinue",
            "DebugPreference": "SilentlyContinue",
            "InformationPreference": "SilentlyContinue",
            "ProgressPreference": "Continue",
            "ConfirmPreference": "High",
            "WhatIfPreference": False,
            "ErrorView": "ConciseView",
            "OFS": " ",
            "FormatEnumerationLimit": 4,
            "MaximumHistoryCount": 4096,
            "Error": self.errors,
            "LASTEXITCODE": 0,
            "PID": 4242,
            "HOME": "C:\\Users\\admin",
            "PSVersionTable": Hashtable(
                [
                    ("PSVersion", Version(7, 4, 6)),
                    ("PSEdition", "Core"),
                    ("OS", "asrsim"),
                    ("Platform", "Win32NT"),
                    (
                        "PSCompatibleVersions",
                        ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"],
                    ),
                    ("WSManStackVersion", "3.0"),
                    ("SerializationVersion", "1.1.0.1"),
                ]
            ),
            "Host": PSObject(
                [
                    ("Name", "asrsim"),
                    ("Version", PS_VERSION),
                    ("InstanceId", "00000000-0000-0000-0000-000000000000"),
                    ("CurrentCulture", "en-US"),
                    ("CurrentUICulture", "en-US"),
                ],
                ("System.Management.Automation.Internal.Host.InternalHost",),
            ),
            "PSCulture": "en-US",
            "PSUICulture": "en-US",
        }
        for name, value in defaults.items():
            scope.define(PSVariable(name, value))
        scope.define(PSVariable("?", True))

    def _init_exception_types(self) -> None:
        """The .NET exception types scripts construct and catch: resolvable as type literals,
        with ``::new(message)`` (and ``New-Object``) making an exception of that type."""
        from asrsim.lang.errors import EXCEPTION_BASES, exception_matches
        from asrsim.lang.types import PSType

        for full_name in EXCEPTION_BASES:
            existing = self.types.resolve(full_name)

            def check(value: Any, name: str = full_name) -> bool:
                return isinstance(value, PSException) and exception_matches(value, name)

            if existing is None:
                self.types.register(PSType(full_name, instance_check=check))

            def construct(
                message: Any = None, inner: Any = None, name: str = full_name
            ) -> PSException:
                text = (
                    f"Exception of type '{name}' was thrown."
                    if message is None
                    else conversions.to_string(message)
                )
                error = PSException(text, inner=inner if isinstance(inner, PSException) else None)
                error.dotnet_type = name
                return error

            self.static_hooks[f"{full_name}::new".casefold()] = construct
        self.static_hooks["system.net.ipaddress::parse"] = _parse_ip_address
        from asrsim.lang import stopwatch
        from asrsim.lang.types import PSType

        if self.types.resolve(stopwatch.TYPE_NAME) is None:
            self.types.register(PSType(stopwatch.TYPE_NAME))
        self.static_hooks["system.diagnostics.stopwatch::startnew"] = lambda: stopwatch.new(
            self.now, started=True)
        self.static_hooks["system.diagnostics.stopwatch::new"] = lambda: stopwatch.new(
            self.now, started=False)
        self.static_hooks["system.management.automation.scriptblock::create"] = lambda text: (
            self.parse(conversions.to_string(text))
        )

    def get_variable(self, scope: Scope, name: str, default: Any = None) -> Any:
        variable = scope.lookup(name.casefold())
        return default if variable is None else variable.value

    def preference(self, scope: Scope, name: str) -> str:
        return str(self.get_variable(scope, name, "Continue"))

    def _set_matches(self, matches: Hashtable | None) -> None:
        self.global_scope.set_local("Matches", matches, "matches")

    def _invoke_for_operator(self, block: Any, args: list[Any]) -> Any:
        ctx = Context(self, self.global_scope, lambda _: None)
        return _single(invoke_block_collect(ctx, block, dollar_under=args[0] if args else None))

    def operators_for(self, ctx: Context) -> OperatorContext:
        """Operators that set $Matches or run a script block do so in the caller's scope."""
        from asrsim.lang.operators import OperatorContext

        scope = ctx.scope
        return OperatorContext(
            types=self.types,
            set_matches=lambda matches: scope.set_local("Matches", matches, "matches"),
            invoke_script_block=lambda block, args: _single(
                invoke_block_collect(ctx, block, dollar_under=args[0] if args else None)
            ),
        )

    # -- time, randomness ----------------------------------------------------------------

    @property
    def random(self) -> random.Random:
        """The session's seeded generator (Get-Random, [guid]::NewGuid), made on first use so
        that its seed may come from a world opened only when needed."""
        if self._random is None:
            seed = self._seed() if callable(self._seed) else self._seed
            self._random = random.Random(0 if seed is None else seed)
        return self._random

    def new_guid(self) -> uuid.UUID:
        return uuid.UUID(int=self.random.getrandbits(128), version=4)

    def now(self) -> datetime:
        if self.clock is None:
            raise RuntimeException(
                "not supported in asrsim: this session has no clock", "NoClock", "NotImplemented"
            )
        return self.clock()

    def sleep(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        # without a world there is nothing to wait for: simulated time never blocks

    # -- parsing and compiling -----------------------------------------------------------

    def parse(self, text: str, path: str | None = None) -> ScriptBlock:
        from asrsim.lang.parser import parse

        result = parse(text, path)
        if result.errors:
            raise ParseException(list(result.errors))
        return self.make_script_block(result.ast, path)

    def make_script_block(self, ast: ScriptBlockAst, path: str | None) -> ScriptBlock:
        return ScriptBlock(ast, self.compiler.compile_script_block, path)

    def load_script(self, path: Path) -> ScriptBlock:
        self.files.check(path, writing=False)
        try:
            stat = path.stat()
            cached = self.parse_cache.get(str(path))
            if cached and cached[0] == stat.st_mtime:
                return cached[1]
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise RuntimeException(
                f"Cannot find path '{path}' because it does not exist.",
                "PathNotFound",
                "ObjectNotFound",
                target=str(path),
                inner=error,
            ) from None
        block = self.parse(text, str(path))
        self.parse_cache[str(path)] = (stat.st_mtime, block)
        return block

    # -- running -------------------------------------------------------------------------

    def new_script_scope(self, parent: Scope | None = None) -> Scope:
        return Scope(parent or self.global_scope, is_script=True)

    def run_script(
        self,
        block: ScriptBlock,
        emit: Emit,
        *,
        args: list[Argument] | None = None,
        scope: Scope | None = None,
        script_path: str | None = None,
    ) -> None:
        """Run a whole script (a file or -c text) as a command with its param() block."""
        ctx = Context(self, scope or self.new_script_scope(), emit, script_path or block.file)
        invoke_script(ctx, block, args or [], new_scope=False, emit=emit, script=True)

    # -- error and message streams -------------------------------------------------------

    def record_error(self, record: ErrorRecord) -> None:
        self.errors.insert(0, record)
        del self.errors[256:]

    def report_error(self, record: ErrorRecord) -> None:
        """An error reaches the host: it is kept in $Error and shown."""
        self.record_error(record)
        self.host.write(self.render_error(record), stream="error")

    def render_error(self, record: ErrorRecord) -> str:
        from asrsim.lang.errorview import render_error

        # the top-level script's $ErrorView, as pwsh reads it when it shows the error
        view = str(self.get_variable(self.top_scope or self.global_scope, "ErrorView",
                                     "ConciseView"))
        return render_error(record, view)

    def redirect_for(self, stream: str) -> Callable[[Any], None] | None:
        for mapping in reversed(self.stream_redirects):
            sink: Callable[[Any], None] | None = mapping.get(stream)
            if sink is not None:
                return sink
        return None

    def write_stream(
        self, scope: Scope, settings: StreamSettings | None, stream: str, value: Any
    ) -> None:
        text = value if isinstance(value, str) else conversions.to_string(value)
        if self.stream_redirects and self._stream_on(scope, settings, stream):
            sink = self.redirect_for(stream)
            if sink is not None:
                sink(text)
                return
        if stream == "warning":
            action = (
                settings.warning_action if settings else self.preference(scope, "WarningPreference")
            )
            if action in ("SilentlyContinue", "Ignore"):
                return
            self.host.write(f"WARNING: {text}\n", stream="warning")
            if action == "Stop":
                raise RuntimeException(
                    "The running command stopped because the preference variable "
                    '"WarningPreference" or common parameter is set to Stop: ' + text,
                    "ActionPreferenceStop",
                    "OperationStopped",
                )
        elif stream == "verbose":
            on = (
                settings.verbose
                if settings and settings.verbose
                else (self.preference(scope, "VerbosePreference") == "Continue")
            )
            if on:
                self.host.write(f"VERBOSE: {text}\n", stream="verbose")
        elif stream == "debug":
            on = (
                settings.debug
                if settings and settings.debug
                else (self.preference(scope, "DebugPreference") == "Continue")
            )
            if on:
                self.host.write(f"DEBUG: {text}\n", stream="debug")
        elif stream == "information":
            action = (
                settings.information_action
                if settings
                else self.preference(scope, "InformationPreference")
            )
            if action == "Continue":
                self.host.write(f"{text}\n", stream="information")

    def _stream_on(self, scope: Scope, settings: StreamSettings | None, stream: str) -> bool:
        if stream == "warning":
            action = settings.warning_action if settings else self.preference(
                scope, "WarningPreference")
            return action not in ("SilentlyContinue", "Ignore")
        if stream in ("verbose", "debug"):
            flag = False
            if settings is not None:
                flag = settings.verbose if stream == "verbose" else settings.debug
            preference = "VerbosePreference" if stream == "verbose" else "DebugPreference"
            return bool(flag) or self.preference(scope, preference) == "Continue"
        if stream == "information":
            action = settings.information_action if settings else self.preference(
                scope, "InformationPreference")
            return action not in ("Ignore",)
        return True

    @property
    def views(self) -> ViewRegistry:
        """Format views, built on first use: a script that prints only strings and numbers
        never needs them (start-up time)."""
        if self._views is None:
            from asrsim.lang.formatting import default_views

            self._views = default_views()
        return self._views

    def format_default(self, objects: list[Any], width: int | None = None) -> str:
        from asrsim.lang.formatting import format_default

        return format_default(objects, self.views, width or self.host.width)


# -- invoking commands ------------------------------------------------------------------------


def _parse_ip_address(text: Any) -> Any:
    """[System.Net.IPAddress]::Parse: .NET's FormatException text for a bad address."""
    import ipaddress

    try:
        return ipaddress.ip_address(conversions.to_string(text).strip())
    except ValueError:
        inner = PSException("An invalid IP address was specified.")
        inner.dotnet_type = "System.FormatException"
        raise RuntimeException(
            'Exception calling "Parse" with "1" argument(s): "An invalid IP address was '
            'specified."', "FormatException", "NotSpecified", inner=inner,
            dotnet_type="System.Management.Automation.MethodInvocationException") from None


def settings_from(ctx: Context, common: dict[str, Any]) -> StreamSettings:
    runtime = ctx.runtime
    scope = ctx.scope
    settings = StreamSettings(
        error_action=common.get("ErrorAction")
        or runtime.preference(scope, "ErrorActionPreference"),
        warning_action=common.get("WarningAction")
        or runtime.preference(scope, "WarningPreference"),
        verbose=bool(common.get("Verbose", False)),
        debug=bool(common.get("Debug", False)),
        information_action=common.get("InformationAction")
        or runtime.preference(scope, "InformationPreference"),
        whatif=bool(
            common.get(
                "WhatIf",
                conversions.to_bool(runtime.get_variable(scope, "WhatIfPreference", False)),
            )
        ),
        confirm=bool(common.get("Confirm", False)),
        error_variable=common.get("ErrorVariable"),
        out_variable=common.get("OutVariable"),
        warning_variable=common.get("WarningVariable"),
    )
    return settings


class CommandHooks:
    """The engine side of a running cmdlet (CmdletHooks)."""

    def __init__(
        self,
        ctx: Context,
        settings: StreamSettings,
        name: str,
        extent: Extent | None,
        downstream: Emit,
    ) -> None:
        self.ctx = ctx
        self.settings = settings
        self.name = name
        self.extent = extent
        self.downstream = downstream
        self.out: list[Any] | None = [] if settings.out_variable else None

    def write_object(self, value: Any, enumerate_collection: bool) -> None:
        if enumerate_collection and isinstance(value, list):
            for item in value:
                self._one(item)
        else:
            self._one(value)

    def _one(self, value: Any) -> None:
        if self.out is not None:
            self.out.append(value)
        self.downstream(value)

    def write_error(self, record: ErrorRecord) -> None:
        if record.invocation_info.extent is None:
            record.invocation_info = InvocationInfo(self.name, self.extent)
        if not record.activity:
            record.activity = self.name
        handle_error(self.ctx, record, self.settings)

    def write_stream(self, stream: str, value: Any) -> None:
        if stream == "warning" and self.settings.warning_variable:
            self.settings.warnings.append(stream_record("warning", value))
        self.ctx.runtime.write_stream(self.ctx.scope, self.settings, stream, value)

    def should_process(self, target: str, action: str) -> bool:
        if self.settings.whatif:
            self.ctx.runtime.host.write(
                f'What if: Performing the operation "{action}" on target "{target}".\n',
                stream="host",
            )
            return False
        if self.settings.confirm:
            host = self.ctx.runtime.host
            if not host.interactive:
                return True
            answer = host.read_line(
                f"\nConfirm\nAre you sure you want to perform this action?\nPerforming the "
                f'operation "{action}" on target "{target}".\n[Y] Yes  [N] No (default is "Y"): '
            )
            return answer.strip().lower() in ("", "y", "yes", "a")
        return True

    def finish(self) -> None:
        if self.out is not None and self.settings.out_variable:
            _assign_stream_variable(self.ctx, self.settings.out_variable, self.out)
        if self.settings.error_variable:
            _assign_stream_variable(
                self.ctx, self.settings.error_variable, list(self.settings.errors)
            )
        if self.settings.warning_variable:
            _assign_stream_variable(
                self.ctx, self.settings.warning_variable, list(self.settings.warnings)
            )


def _assign_stream_variable(ctx: Context, name: str, items: list[Any]) -> None:
    if name.startswith("+"):
        existing = ctx.runtime.get_variable(ctx.scope, name[1:])
        combined = ArrayList(
            existing if isinstance(existing, list) else ([] if existing is None else [existing])
        )
        combined.extend(items)
        ctx.scope.set_local(name[1:], combined)
    else:
        ctx.scope.set_local(name, ArrayList(items))


def handle_error(ctx: Context, record: ErrorRecord, settings: StreamSettings | None) -> None:
    """A non-terminating error, acted on per -ErrorAction / $ErrorActionPreference."""
    action = (
        settings.error_action
        if settings
        else ctx.runtime.preference(ctx.scope, "ErrorActionPreference")
    )
    if settings is not None:
        settings.errors.append(record)
    ctx.runtime.last_success = False
    if action == "Ignore":
        return
    sink = ctx.runtime.redirect_for("error") if ctx.runtime.stream_redirects else None
    if sink is not None and action != "Stop":
        ctx.runtime.record_error(record)
        sink(record)
        return
    if action == "Stop":
        raise ActionPreferenceStopException(record)
    if action == "SilentlyContinue":
        ctx.runtime.record_error(record)
        return
    ctx.runtime.report_error(record)


class Processor(abc.ABC):
    """One element of a running pipeline: begun once, fed each input object (or NO_INPUT
    once at the head), ended once."""

    expects_input = False

    def owns(self, source: object) -> bool:
        """Whether ``source`` (a cmdlet asking to stop upstream) is this element."""
        return False

    @abc.abstractmethod
    def begin(self, downstream: Emit) -> None: ...

    @abc.abstractmethod
    def process(self, item: Any) -> None: ...

    @abc.abstractmethod
    def end(self) -> None: ...


class ExpressionProcessor(Processor):
    """An expression at the head of a pipeline: its value, unrolled, is the input."""

    def __init__(self, value: Callable[[], Any]) -> None:
        self.value = value
        self.downstream: Emit = lambda _: None

    def begin(self, downstream: Emit) -> None:
        self.downstream = downstream

    def process(self, item: Any) -> None:
        value = self.value()
        if value is NOTHING:
            return
        if isinstance(value, list):
            for element in value:
                self.downstream(element)
        else:
            self.downstream(value)

    def end(self) -> None:
        pass


STREAM_NAMES = {"1": "output", "2": "error", "3": "warning", "4": "verbose", "5": "debug",
                "6": "information"}
_ALL_STREAMS = ("error", "warning", "verbose", "debug", "information")


def stream_record(stream: str, value: Any) -> Any:
    """What a merged stream puts into the output: an ErrorRecord as it is, a WarningRecord,
    VerboseRecord, DebugRecord or InformationRecord for the others."""
    if (stream == "error" or not isinstance(value, str)) and (
        stream != "information" or isinstance(value, PSObject)
    ):
        return value
    kind = {"warning": "WarningRecord", "verbose": "VerboseRecord", "debug": "DebugRecord",
            "information": "InformationRecord"}[stream]
    text = conversions.to_string(value)
    field = "MessageData" if stream == "information" else "Message"
    return PSObject([(field, value if stream == "information" else text)],
                    (f"System.Management.Automation.{kind}",
                     "System.Management.Automation.InformationalRecord"),
                    methods={"ToString": lambda: text})


class RedirectedProcessor(Processor):
    """A pipeline element with redirections: ``2>&1``, ``3>$null``, ``*> file``, ``> $null``.

    While the element runs, its streams go where the redirections say (the runtime looks up
    ``stream_redirects`` innermost first); what it passes downstream runs without them, so a
    ``2>&1`` on the first element does not capture the errors of the next one.
    """

    def __init__(self, ctx: Context, inner: Processor,
                 targets: list[tuple[str, bool, str | None, Any]]) -> None:
        self.ctx = ctx
        self.inner = inner
        self.expects_input = inner.expects_input
        self.targets = targets
        self.files: dict[str, list[str]] = {}
        self.file_modes: dict[str, tuple[str, bool]] = {}
        self.collected: list[Any] = []
        self.base: list[dict[str, Emit]] = []
        self.mapping: dict[str, Emit] = {}

    def begin(self, downstream: Emit) -> None:
        runtime = self.ctx.runtime
        self.base = list(runtime.stream_redirects)

        def pass_on(value: Any) -> None:
            saved = runtime.stream_redirects
            runtime.stream_redirects = self.base
            try:
                downstream(value)
            finally:
                runtime.stream_redirects = saved

        output: Emit = pass_on
        for from_stream, append, to_stream, where in self.targets:
            streams = (("output", *_ALL_STREAMS) if from_stream == "*"
                       else (STREAM_NAMES.get(from_stream, "output"),))
            for stream in streams:
                if to_stream == "1":
                    if stream != "output":
                        # merged records go where this element's output finally goes
                        self.mapping[stream] = self._merge(stream, lambda v: self.output(v))
                    continue
                if where is None:
                    sink: Emit = _discard
                else:
                    path = conversions.to_string(where)
                    self.file_modes[stream] = (path, append)
                    lines = self.files.setdefault(stream, [])
                    sink = self._to_file(stream, lines)
                if stream == "output":
                    output = sink
                else:
                    self.mapping[stream] = sink
        self.output = output
        self._within(lambda: self.inner.begin(lambda v: self.output(v)))

    def _merge(self, stream: str, into: Emit) -> Emit:
        return lambda value: into(stream_record(stream, value))

    def _to_file(self, stream: str, lines: list[str]) -> Emit:
        if stream == "output":
            return lines.append
        return lambda value: lines.append(conversions.to_string(
            value.message if isinstance(value, ErrorRecord) else value))

    def _within(self, step: Callable[[], None]) -> None:
        runtime = self.ctx.runtime
        saved = runtime.stream_redirects
        runtime.stream_redirects = [*self.base, self.mapping]
        try:
            step()
        finally:
            runtime.stream_redirects = saved

    def owns(self, source: object) -> bool:
        return self.inner.owns(source)

    def process(self, item: Any) -> None:
        self._within(lambda: self.inner.process(item))

    def end(self) -> None:
        self._within(self.inner.end)
        from asrsim.lang.files import write_text

        runtime = self.ctx.runtime
        for stream, (path, append) in self.file_modes.items():
            items = self.files.get(stream, [])
            text = (runtime.format_default(items) if stream == "output"
                    else "".join(f"{line}\n" for line in items))
            write_text(runtime, path, text, append=append)


def _discard(value: Any) -> None:
    pass


def _type_label(ctx: Context, type_name: str) -> str:
    resolved = ctx.runtime.types.resolve(type_name)
    if type_name.lower() in ("switch", "switchparameter"):
        return "System.Management.Automation.SwitchParameter"
    return resolved.full_name if resolved else type_name


def make_converter(ctx: Context) -> Callable[[Any, str], Any]:
    types = ctx.runtime.types

    def convert(value: Any, type_name: str) -> Any:
        pstype = types.resolve(type_name)
        if pstype is None:
            raise RuntimeException(
                f"Unable to find type [{type_name}].",
                "TypeNotFound",
                "InvalidOperation",
                target=type_name,
            )
        return pstype.convert(value)

    return convert


def script_binder(ctx: Context, signature: CommandSignature) -> Binder:
    """The binder of a script's or function's param() block (it may run [ValidateScript])."""

    def validation(block: Any, value: Any) -> bool:
        results = invoke_block_collect(ctx, block, dollar_under=value)
        return conversions.to_bool(results[0] if len(results) == 1 else results)

    return Binder(
        signature,
        make_converter(ctx),
        lambda t: _type_label(ctx, t),
        is_cmdlet=False,
        run_validation=validation,
    )


class CmdletProcessor(Processor):
    def __init__(
        self,
        ctx: Context,
        cmdlet_type: type[Cmdlet],
        arguments: list[Argument],
        extent: Extent | None,
        expects_input: bool,
        invoked_as: str,
    ) -> None:
        self.ctx = ctx
        self.cmdlet_type = cmdlet_type
        self.extent = extent
        self.expects_input = expects_input
        self.invoked_as = invoked_as
        self.binder = _binder_for(ctx, cmdlet_type)
        self.call: BoundCall = _bind(
            self.binder, arguments, expects_input, extent, cmdlet_type.name
        )
        self.settings = settings_from(ctx, self.call.common)
        self.cmdlet: Cmdlet | None = None
        self.hooks: CommandHooks | None = None

    def owns(self, source: object) -> bool:
        return source is self.cmdlet

    def begin(self, downstream: Emit) -> None:
        self.hooks = CommandHooks(
            self.ctx, self.settings, self.cmdlet_type.name, self.extent, downstream
        )
        self.cmdlet = self.cmdlet_type(_CmdletContext(self.ctx, self.settings), self.hooks)
        self.cmdlet.bound = dict(self.call.bound)
        self.cmdlet.parameter_set_name = self.call.parameter_set
        self._guard(self.cmdlet.begin)

    def process(self, item: Any) -> None:
        cmdlet = self.cmdlet
        assert cmdlet is not None
        if item is NO_INPUT:
            cmdlet.current_input = NO_INPUT
            self._guard(cmdlet.process)
            return
        try:
            call = self.binder.bind_pipeline(self.call, item)
        except RuntimeException as error:
            record = error.record
            record.invocation_info = InvocationInfo(self.cmdlet_type.name, self.extent)
            handle_error(self.ctx, record, self.settings)
            return
        cmdlet.bound = call.bound
        cmdlet.parameter_set_name = call.parameter_set
        cmdlet.current_input = item
        self._guard(cmdlet.process)

    def end(self) -> None:
        assert self.cmdlet is not None and self.hooks is not None
        try:
            self._guard(self.cmdlet.end)
        finally:
            self.hooks.finish()

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except RuntimeException as error:
            record = error.record
            if record.invocation_info.extent is None:
                record.invocation_info = InvocationInfo(self.cmdlet_type.name, self.extent)
            raise


def _bind(
    binder: Binder, arguments: list[Argument], expects_input: bool, extent: Extent | None, name: str
) -> BoundCall:
    try:
        return binder.bind(arguments, expects_input)
    except RuntimeException as error:
        if error.record.invocation_info.extent is None:
            error.record.invocation_info = InvocationInfo(name, extent)
        raise


def _binder_for(ctx: Context, cmdlet_type: type[Cmdlet]) -> Binder:
    cache = ctx.runtime.binders
    binder = cache.get(cmdlet_type)
    if binder is None:
        binder = Binder(
            cmdlet_type.signature(),
            make_converter(ctx),
            lambda t: _type_label(ctx, t),
            is_cmdlet=True,
        )
        cache[cmdlet_type] = binder
    return binder


class _CmdletContext:
    """CommandContext for a cmdlet: the engine services it may use."""

    def __init__(self, ctx: Context, settings: StreamSettings) -> None:
        self._ctx = ctx
        self.settings = settings
        self.types = ctx.runtime.types
        self.views = ctx.runtime.views
        self.host = ctx.runtime.host
        self.runtime = ctx.runtime
        self.scope = ctx.scope

    def get_variable(self, name: str, default: Any = None) -> Any:
        scope, _, plain = _qualified(self._ctx.scope, name)
        variable = scope.lookup(plain.casefold())
        return default if variable is None else variable.value

    def has_variable(self, name: str) -> bool:
        scope, _, plain = _qualified(self._ctx.scope, name)
        return scope.lookup(plain.casefold()) is not None

    def set_variable(self, name: str, value: Any, scope: str | None = None) -> None:
        target, _, plain = _qualified(self._ctx.scope, name)
        if scope:
            target = _scope_by_name(self._ctx.scope, scope)
        target.set_local(plain, value)

    def invoke_script_block(
        self,
        block: Any,
        *,
        dollar_under: Any = ...,
        args: Iterable[Any] = (),
        input_objects: Iterable[Any] = (),
        new_scope: bool = True,
    ) -> list[Any]:
        return invoke_block_collect(
            self._ctx,
            block,
            dollar_under=dollar_under,
            args=list(args),
            input_objects=list(input_objects),
            new_scope=new_scope,
        )

    def now(self) -> datetime:
        return self._ctx.runtime.now()

    def sleep(self, seconds: float) -> None:
        self._ctx.runtime.sleep(seconds)

    def format_default(self, objects: list[Any], width: int | None = None) -> str:
        return self._ctx.runtime.format_default(objects, width)

    @property
    def context(self) -> Context:
        return self._ctx


def _qualified(scope: Scope, name: str) -> tuple[Scope, str | None, str]:
    if ":" in name:
        qualifier, plain = name.split(":", 1)
        return scope.qualified(qualifier.lower()), qualifier.lower(), plain
    return scope, None, name


def _scope_by_name(scope: Scope, name: str) -> Scope:
    lowered = name.lower()
    if lowered in ("global", "script", "local"):
        return scope.qualified(lowered)
    if lowered.isdigit():
        target = scope
        for _ in range(int(lowered)):
            if target.parent is not None:
                target = target.parent
        return target
    raise RuntimeException(
        f"The scope number '{name}' exceeds the number of active scopes.",
        "ArgumentOutOfRange",
        "InvalidArgument",
    )


# -- script blocks as commands ----------------------------------------------------------------


class ScriptProcessor(Processor):
    """A function, filter, script file or script block in a pipeline."""

    def __init__(
        self,
        ctx: Context,
        block: ScriptBlock,
        arguments: list[Argument],
        extent: Extent | None,
        expects_input: bool,
        name: str,
        *,
        new_scope: bool = True,
        is_filter: bool = False,
        script: bool = False,
    ) -> None:
        self.ctx = ctx
        self.block = block
        self.compiled = block.compiled
        self.extent = extent
        self.expects_input = expects_input
        self.name = name
        self.is_filter = is_filter
        self.script = script
        self.scope = (
            Scope(closure_scope(ctx.scope, block), is_script=script) if new_scope else ctx.scope
        )
        self.binder = script_binder(ctx, self.compiled.signature)
        self.call = _bind(self.binder, arguments, expects_input, extent, name)
        self.settings = settings_from(ctx, self.call.common)
        self.inputs: list[Any] = []
        self.run_ctx: Context | None = None

    def begin(self, downstream: Emit) -> None:
        compiled = self.compiled
        script_path = self.block.file if self.script else self.ctx.script_path
        self.run_ctx = Context(self.ctx.runtime, self.scope, downstream, script_path, self)
        self._bind_into_scope(self.call)
        scope = self.scope
        scope.set_local("args", list(self.call.remaining))
        if self.script and self.block.file:
            scope.set_local("PSScriptRoot", str(Path(self.block.file).parent))
            scope.set_local("PSCommandPath", self.block.file)
        if self.call.common.get("ErrorAction"):
            scope.set_local("ErrorActionPreference", self.call.common["ErrorAction"])
        if self.call.common.get("Verbose"):
            scope.set_local("VerbosePreference", "Continue")
        if self.call.common.get("WhatIf"):
            scope.set_local("WhatIfPreference", True)
        if compiled.begin is not None:
            self._run(compiled.begin)

    def _bind_into_scope(self, call: BoundCall) -> None:
        scope = self.scope
        assert self.run_ctx is not None
        for spec in self.compiled.parameters:
            if spec.name in call.bound:
                scope.set_local(spec.name, call.bound[spec.name], spec.folded)
            elif spec.folded not in scope.variables:
                if spec.default is not None:
                    scope.set_local(spec.name, spec.default(self.run_ctx), spec.folded)
                elif spec.is_switch:
                    scope.set_local(spec.name, False, spec.folded)
                else:
                    scope.set_local(spec.name, _unset_value(spec.type_name), spec.folded)
        bound = Hashtable([(k, v) for k, v in call.bound.items()])
        scope.set_local("PSBoundParameters", bound)

    def process(self, item: Any) -> None:
        compiled = self.compiled
        if item is not NO_INPUT:
            if self.call.signature.parameters and any(
                p.pipeline or p.pipeline_by_name for p in self.call.signature.parameters
            ):
                try:
                    call = self.binder.bind_pipeline(self.call, item)
                except RuntimeException as error:
                    handle_error(self.ctx, error.record, self.settings)
                    return
                for name, value in call.bound.items():
                    self.scope.set_local(name, value)
                self.scope.set_local("PSBoundParameters", Hashtable(list(call.bound.items())))
            self.inputs.append(item)
        if compiled.process is not None:
            self.scope.set_local("_", None if item is NO_INPUT else item, "_")
            self.scope.set_local("PSItem", None if item is NO_INPUT else item, "psitem")
            self._run(compiled.process)

    def end(self) -> None:
        compiled = self.compiled
        if compiled.end is not None:
            self.scope.set_local("input", list(self.inputs), "input")
            self._run(compiled.end)

    def _run(self, block: Callable[[Context], None]) -> None:
        assert self.run_ctx is not None
        runtime = self.ctx.runtime
        if runtime.call_depth >= MAX_CALL_DEPTH:
            raise call_depth_overflow()
        runtime.call_depth += 1
        try:
            with contextlib.suppress(ReturnException):  # `return` ends this block only
                block(self.run_ctx)
        finally:
            runtime.call_depth -= 1


def _unset_value(type_name: str) -> Any:
    lowered = type_name.lower()
    if lowered in ("int", "int32", "long", "int64", "double", "decimal", "byte", "single", "float"):
        return 0
    if lowered in ("string",):
        return ""
    if lowered in ("bool", "boolean"):
        return False
    return None


def closure_scope(parent: Scope, block: ScriptBlock) -> Scope:
    """The scope a closure's body sees above its own: the values captured when it was made."""
    if block.closure is None:
        return parent
    captured = Scope(parent)
    for key, (name, value) in block.closure.items():
        captured.variables[key] = PSVariable(name, value)
    return captured


def _single(values: list[Any]) -> Any:
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def invoke_script(
    ctx: Context,
    block: ScriptBlock,
    arguments: list[Argument],
    *,
    new_scope: bool,
    emit: Emit,
    script: bool = False,
    input_objects: list[Any] | None = None,
    name: str = "",
) -> None:
    processor = ScriptProcessor(
        ctx,
        block,
        arguments,
        None,
        input_objects is not None,
        name or (block.file or "<ScriptBlock>"),
        new_scope=new_scope,
        script=script,
    )
    processor.begin(emit)
    if input_objects is None:
        processor.process(NO_INPUT)
    else:
        for item in input_objects:
            processor.process(item)
    processor.end()


def invoke_block_collect(
    ctx: Context,
    block: Any,
    *,
    dollar_under: Any = ...,
    args: list[Any] | None = None,
    input_objects: list[Any] | None = None,
    new_scope: bool = True,
) -> list[Any]:
    """Run a script block for its output (Where-Object, ForEach-Object, calculated properties).

    With ``new_scope=False`` it runs in the caller's scope, as ForEach-Object and
    Where-Object blocks do (so ``$count++`` inside one is seen outside)."""
    if not isinstance(block, ScriptBlock):
        raise RuntimeException(
            "The value is not a script block.", "NotAScriptBlock", "InvalidArgument", target=block
        )
    out = Collector()
    compiled = block.compiled
    scope = Scope(closure_scope(ctx.scope, block)) if new_scope else ctx.scope
    run = Context(ctx.runtime, scope, out, ctx.script_path, ctx.command)
    saved: tuple[PSVariable | None, PSVariable | None] | None = None
    if dollar_under is not ...:
        if not new_scope:
            saved = (scope.variables.get("_"), scope.variables.get("psitem"))
        scope.set_local("_", dollar_under, "_")
        scope.set_local("PSItem", dollar_under, "psitem")
    if args or compiled.parameters:
        positional: list[Argument] = [PositionalArgument(a) for a in (args or [])]
        call = script_binder(ctx, compiled.signature).bind(positional, False)
        for spec in compiled.parameters:
            if spec.name in call.bound:
                scope.set_local(spec.name, call.bound[spec.name], spec.folded)
            elif spec.default is not None:
                scope.set_local(spec.name, spec.default(run), spec.folded)
            else:
                scope.set_local(spec.name, False if spec.is_switch else None, spec.folded)
        scope.set_local("args", list(call.remaining))
    elif new_scope:
        scope.set_local("args", [])
    if input_objects is not None:
        scope.set_local("input", list(input_objects), "input")
    try:
        for part in (compiled.begin, compiled.process, compiled.end):
            if part is not None:
                part(run)
    except ReturnException:
        pass
    finally:
        if saved is not None:
            for key, variable in zip(("_", "psitem"), saved, strict=True):
                if variable is None:
                    scope.variables.pop(key, None)
                else:
                    scope.variables[key] = variable
    return out.items


# -- command lookup ---------------------------------------------------------------------------

SCRIPT_SUFFIXES = (".ps1",)


def resolve_command(ctx: Context, name: str, extent: Extent | None) -> tuple[str, Any]:
    """What a command name means: ('function', FunctionInfo) | ('cmdlet', class) |
    ('script', Path); aliases first, as PowerShell looks them up."""
    folded = name.casefold()
    runtime = ctx.runtime
    alias = ctx.scope.global_scope.functions.get(
        "alias:" + folded
    ) or runtime.commands.resolve_alias(name)
    if alias:
        name = alias
        folded = alias.casefold()
    function = ctx.scope.find_function(folded)
    if function is not None:
        return "function", function
    cmdlet = runtime.commands.find(name)
    if cmdlet is not None:
        return "cmdlet", cmdlet
    if name.lower().endswith(SCRIPT_SUFFIXES) or "/" in name or "\\" in name:
        path = Path(name.replace("\\", os.sep))
        if not path.is_absolute():
            path = runtime.location / path
        if path.suffix.lower() in SCRIPT_SUFFIXES and path.exists():
            return "script", path
        if path.exists():
            raise RuntimeException(
                f"not supported in asrsim: running external programs ('{name}')",
                "NotSupported",
                "PermissionDenied",
                target=name,
                extent=extent,
            )
    raise CommandNotFoundException(name, extent)


def build_processor(
    ctx: Context,
    target: Any,
    arguments: list[Argument],
    extent: Extent | None,
    expects_input: bool,
    invocation: str,
) -> Processor:
    """A processor for a command element: a name, a script block, or a FunctionInfo."""
    if isinstance(target, ScriptBlock):
        return ScriptProcessor(
            ctx,
            target,
            arguments,
            extent,
            expects_input,
            "<ScriptBlock>",
            new_scope=invocation != ".",
        )
    if isinstance(target, FunctionInfo):
        return ScriptProcessor(
            ctx,
            target.block,
            arguments,
            extent,
            expects_input,
            target.name,
            new_scope=invocation != ".",
            is_filter=target.is_filter,
        )
    if isinstance(target, type) and issubclass(target, Cmdlet):
        return CmdletProcessor(ctx, target, arguments, extent, expects_input, target.name)
    name = conversions.to_string(target)
    kind, found = resolve_command(ctx, name, extent)
    if kind == "function":
        return ScriptProcessor(
            ctx,
            found.block,
            arguments,
            extent,
            expects_input,
            found.name,
            new_scope=invocation != ".",
            is_filter=found.is_filter,
        )
    if kind == "cmdlet":
        return CmdletProcessor(ctx, found, arguments, extent, expects_input, name)
    block = ctx.runtime.load_script(found)
    return ScriptProcessor(
        ctx,
        block,
        arguments,
        extent,
        expects_input,
        str(found),
        new_scope=invocation != ".",
        script=invocation != ".",
    )


def run_pipeline(ctx: Context, stages: list[Callable[[bool], Processor]], emit: Emit) -> None:
    """Run processors built lazily (each stage's arguments are evaluated as it is built):
    begin all, feed the first once, then end each in order so its last output flows on."""
    processors = [make(index > 0) for index, make in enumerate(stages)]
    downstreams: list[Emit] = [p.process for p in processors[1:]] + [emit]
    for processor, downstream in zip(processors, downstreams, strict=True):
        processor.begin(downstream)
    first = 0
    try:
        processors[0].process(NO_INPUT)
    except StopUpstreamCommands as stop:
        first = next((i for i, p in enumerate(processors) if p.owns(stop.source)), 0)
    for processor in processors[first:]:
        try:
            processor.end()
        except StopUpstreamCommands as stop:
            # a later command stopped while an earlier one's end block was still writing
            if not processor.owns(stop.source):
                continue


def iterate(value: Any) -> Iterator[Any]:
    """foreach's view of a value: arrays and lists item by item, $null as nothing, else one."""
    if value is None or value is NOTHING:
        return iter(())
    if isinstance(value, list):
        return iter(value)
    if isinstance(value, Hashtable):
        return iter([value])
    return iter([value])
