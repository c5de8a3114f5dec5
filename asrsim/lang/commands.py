"""Commands as the engine sees them: cmdlet classes with declared parameters, and the table
that maps names (and aliases) to them.

A cmdlet is a class: its docstring is the Get-Help synopsis, its parameters are declared on
the class, and it implements ``begin`` / ``process`` / ``end``. Binding and validation
happen before ``process`` is called, so a cmdlet sees plain, converted values in
``self.bound`` (and as attributes through ``self.param(name)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from asrsim.lang.errors import ErrorRecord, RuntimeException

if TYPE_CHECKING:
    from datetime import datetime

    from asrsim.lang.formatting import ViewRegistry
    from asrsim.lang.runtime import Runtime
    from asrsim.lang.types import TypeRegistry

ALL_SETS = "__AllParameterSets"

#: PowerShell's common parameters: every cmdlet (and advanced function) has them.
COMMON_PARAMETERS = (
    "Verbose",
    "Debug",
    "ErrorAction",
    "WarningAction",
    "InformationAction",
    "ErrorVariable",
    "WarningVariable",
    "InformationVariable",
    "OutVariable",
    "OutBuffer",
    "PipelineVariable",
    "ProgressAction",
)
COMMON_ALIASES = {
    "vb": "Verbose",
    "db": "Debug",
    "ea": "ErrorAction",
    "wa": "WarningAction",
    "infa": "InformationAction",
    "ev": "ErrorVariable",
    "wv": "WarningVariable",
    "iv": "InformationVariable",
    "ov": "OutVariable",
    "ob": "OutBuffer",
    "pv": "PipelineVariable",
    "proga": "ProgressAction",
    "wi": "WhatIf",
    "cf": "Confirm",
}
ACTION_PREFERENCES = (
    "SilentlyContinue",
    "Stop",
    "Continue",
    "Inquire",
    "Ignore",
    "Suspend",
    "Break",
)


@dataclass(frozen=True)
class Parameter:
    """One parameter as [Parameter()] and the validation attributes declare it.

    ``mandatory`` is True for every set the parameter is in, or the names of the sets in
    which it is mandatory. ``position`` applies in every set the parameter belongs to.
    """

    name: str
    type: str = "object"  # a type name the binder resolves: "string", "string[]", "switch" ...
    position: int | None = None
    mandatory: bool | tuple[str, ...] = False
    sets: tuple[str, ...] = (ALL_SETS,)
    pipeline: bool = False  # ValueFromPipeline
    pipeline_by_name: bool = False  # ValueFromPipelineByPropertyName
    remaining: bool = False  # ValueFromRemainingArguments
    aliases: tuple[str, ...] = ()
    validate_set: tuple[str, ...] = ()
    validate_range: tuple[float, float] | None = None
    validate_count: tuple[int, int] | None = None
    not_null_or_empty: bool = False
    validate_pattern: str | None = None
    validate_length: tuple[int, int] | None = None
    #: a [ValidateScript()] block; the binder runs it through the engine
    validate_script: Any = None
    allow_null: bool = True
    allow_empty_string: bool = False
    help: str = ""
    default: Any = None

    @property
    def is_switch(self) -> bool:
        return self.type.lower() in ("switch", "switchparameter")

    def in_set(self, name: str) -> bool:
        return ALL_SETS in self.sets or name in self.sets

    def mandatory_in(self, set_name: str) -> bool:
        if isinstance(self.mandatory, bool):
            return self.mandatory and self.in_set(set_name)
        return set_name in self.mandatory


@dataclass(frozen=True)
class CommandSignature:
    """What the binder needs of any command: its parameters and sets."""

    name: str
    parameters: tuple[Parameter, ...]
    default_set: str | None = None
    supports_should_process: bool = False
    #: advanced commands (cmdlets, [CmdletBinding()] functions) get the common parameters
    #: and reject unknown ones; simple functions put extra arguments in $args
    advanced: bool = True
    #: what follows the comma in a binding error's FullyQualifiedErrorId: a cmdlet's .NET
    #: class (Microsoft.PowerShell.Commands.GetItemCommand), else the command's name
    error_suffix: str = ""

    def set_names(self) -> list[str]:
        names: list[str] = []
        for parameter in self.parameters:
            for name in parameter.sets:
                if name != ALL_SETS and name not in names:
                    names.append(name)
        return names or [ALL_SETS]


class Host(Protocol):
    """Where a session's output and prompts go (a terminal, a test's buffer, a remote client)."""

    def write(
        self,
        text: str,
        *,
        stream: str = "output",
        color: str | None = None,
        background: str | None = None,
    ) -> None: ...

    def read_line(self, prompt: str) -> str: ...

    @property
    def interactive(self) -> bool: ...

    @property
    def width(self) -> int: ...


class CommandContext(Protocol):
    """What a running cmdlet may ask of the engine."""

    types: TypeRegistry
    views: ViewRegistry
    host: Host
    runtime: Runtime
    scope: Any  # asrsim.lang.scopes.Scope: the caller's

    @property
    def context(self) -> Any: ...  # asrsim.lang.runtime.Context, for engine-level calls

    def has_variable(self, name: str) -> bool: ...

    def get_variable(self, name: str, default: Any = None) -> Any: ...

    def set_variable(self, name: str, value: Any, scope: str | None = None) -> None: ...

    def invoke_script_block(
        self,
        block: Any,
        *,
        dollar_under: Any = ...,
        args: Iterable[Any] = (),
        input_objects: Iterable[Any] = (),
        new_scope: bool = True,
    ) -> list[Any]: ...

    def now(self) -> datetime: ...

    def sleep(self, seconds: float) -> None: ...

    def format_default(self, objects: list[Any], width: int | None = None) -> str: ...


class Cmdlet:
    """Base of every cmdlet. Subclasses set ``name``, ``parameters`` and implement
    ``begin``/``process``/``end``; the class docstring is the Get-Help synopsis."""

    name: ClassVar[str] = ""
    noun_module: ClassVar[str] = "Microsoft.PowerShell.Utility"
    aliases: ClassVar[tuple[str, ...]] = ()
    parameters: ClassVar[tuple[Parameter, ...]] = ()
    default_set: ClassVar[str | None] = None
    supports_should_process: ClassVar[bool] = False
    output_type: ClassVar[str] = ""
    #: the .NET class of the cmdlet, which PowerShell puts after the error id in a
    #: FullyQualifiedErrorId (``PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand``)
    command_type_name: ClassVar[str | None] = None
    #: the real cmdlet's parameters asrsim does not implement (for the coverage table)
    missing_parameters: ClassVar[tuple[str, ...]] = ()

    def __init__(self, context: CommandContext, runtime_hooks: CmdletHooks) -> None:
        self.context = context
        self._hooks = runtime_hooks
        self.bound: dict[str, Any] = {}
        self.parameter_set_name: str = ALL_SETS
        #: the pipeline object being processed, or NO_INPUT
        self.current_input: Any = NO_INPUT

    # -- declaration ---------------------------------------------------------------------

    @classmethod
    def signature(cls) -> CommandSignature:
        return CommandSignature(
            cls.name, cls.parameters, cls.default_set, cls.supports_should_process,
            advanced=True, error_suffix=cls.error_suffix(),
        )

    @classmethod
    def error_suffix(cls) -> str:
        if cls.command_type_name:
            return cls.command_type_name
        if cls.noun_module.startswith("Microsoft.PowerShell"):
            verb, _, noun = cls.name.partition("-")
            return f"Microsoft.PowerShell.Commands.{verb}{noun.replace('-', '')}Command"
        return cls.name

    @classmethod
    def synopsis(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.split("\n\n", 1)[0].replace("\n", " ")

    # -- the three blocks ----------------------------------------------------------------

    def begin(self) -> None:
        """Once, before the first pipeline object."""

    def process(self) -> None:
        """Once per pipeline object (bound to the pipeline parameters), or once without input."""

    def end(self) -> None:
        """Once, after the last pipeline object."""

    # -- helpers for implementations -----------------------------------------------------

    def param(self, name: str, default: Any = None) -> Any:
        return self.bound.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.bound

    def write_object(self, value: Any, enumerate_collection: bool = False) -> None:
        self._hooks.write_object(value, enumerate_collection)

    def write_error(
        self,
        message: str | ErrorRecord,
        error_id: str = "",
        category: str = "NotSpecified",
        target: Any = None,
        exception_type: str | None = None,
    ) -> None:
        """A non-terminating error: reported (or stopped on) per -ErrorAction."""
        if isinstance(message, ErrorRecord):
            record = message
        else:
            exception = RuntimeException(
                message,
                f"{error_id or 'NotSpecified'},{self.error_suffix()}",
                category,
                target=target,
                dotnet_type=exception_type,
            )
            record = exception.record
            record.activity = self.name
        self._hooks.write_error(record)

    def throw_terminating(
        self,
        message: str,
        error_id: str,
        category: str = "NotSpecified",
        target: Any = None,
        exception_type: str | None = None,
    ) -> None:
        exception = RuntimeException(
            message,
            f"{error_id},{self.error_suffix()}",
            category,
            target=target,
            dotnet_type=exception_type,
        )
        exception.record.activity = self.name
        raise exception

    def write_warning(self, text: str) -> None:
        self._hooks.write_stream("warning", text)

    def write_verbose(self, text: str) -> None:
        self._hooks.write_stream("verbose", text)

    def write_debug(self, text: str) -> None:
        self._hooks.write_stream("debug", text)

    def write_information(self, value: Any) -> None:
        self._hooks.write_stream("information", value)

    def stop_upstream(self) -> None:
        """Stop the commands that feed this one: it has all the input it needs."""
        from asrsim.lang.errors import StopUpstreamCommands

        raise StopUpstreamCommands(self)

    def should_process(self, target: str, action: str | None = None) -> bool:
        """-WhatIf prints PowerShell's "What if:" line and returns False; -Confirm asks."""
        return self._hooks.should_process(target, action or self.name)


class CmdletHooks(Protocol):
    """The engine side of a running cmdlet's output and error streams."""

    def write_object(self, value: Any, enumerate_collection: bool) -> None: ...

    def write_error(self, record: ErrorRecord) -> None: ...

    def write_stream(self, stream: str, value: Any) -> None: ...

    def should_process(self, target: str, action: str) -> bool: ...


class _NoInput:
    def __repr__(self) -> str:
        return "NO_INPUT"


NO_INPUT = _NoInput()


@dataclass
class CommandTable:
    """Cmdlets by name and alias (case-insensitive); given to the engine by the composition
    root, so the language knows no cmdlet of its own.

    Modules can be added as loaders that run on first need, as PowerShell autoloads a module
    the first time one of its commands is used: a script that calls no cmdlet never pays for
    importing them (``asrsim -c '1+1'`` starts fast).
    """

    _cmdlets: dict[str, type[Cmdlet]] = field(default_factory=dict)
    _aliases: dict[str, str] = field(default_factory=dict)
    _modules: dict[str, list[str]] = field(default_factory=dict)
    _pending: list[Callable[[], None]] = field(default_factory=list)

    def add_loader(self, loader: Callable[[], None]) -> None:
        self._pending.append(loader)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def load_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()

    @property
    def modules(self) -> dict[str, list[str]]:
        """module name -> cmdlet names, for Get-Module / Get-Command -Module"""
        self.load_pending()
        return self._modules

    def add(self, cmdlet: type[Cmdlet], module: str | None = None) -> None:
        self._cmdlets[cmdlet.name.casefold()] = cmdlet
        for alias in cmdlet.aliases:
            self._aliases[alias.casefold()] = cmdlet.name
        owner = module or cmdlet.noun_module
        self._modules.setdefault(owner, []).append(cmdlet.name)

    def add_all(self, cmdlets: Iterable[type[Cmdlet]], module: str | None = None) -> None:
        for cmdlet in cmdlets:
            self.add(cmdlet, module)

    def add_alias(self, alias: str, target: str) -> None:
        self._aliases[alias.casefold()] = target

    def find(self, name: str) -> type[Cmdlet] | None:
        self.load_pending()
        found = self._cmdlets.get(name.casefold())
        if found is None and "\\" in name:  # module-qualified: Hyper-V\Get-VM
            found = self._cmdlets.get(name.rsplit("\\", 1)[1].casefold())
        return found

    def resolve_alias(self, name: str) -> str | None:
        self.load_pending()
        return self._aliases.get(name.casefold())

    def cmdlets(self) -> Iterator[type[Cmdlet]]:
        self.load_pending()
        return iter(sorted(self._cmdlets.values(), key=lambda c: c.name.casefold()))

    def aliases(self) -> dict[str, str]:
        self.load_pending()
        return dict(self._aliases)

    def module_of(self, cmdlet: type[Cmdlet]) -> str:
        for module, names in self.modules.items():
            if cmdlet.name in names:
                return module
        return cmdlet.noun_module


CmdletFactory = Callable[[CommandContext, CmdletHooks], Cmdlet]
