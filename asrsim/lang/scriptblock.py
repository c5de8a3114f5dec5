"""Script blocks and functions as values.

A ScriptBlock holds its AST and, once compiled, the closures the compiler made of it; it is
compiled once however often it runs (a loop body, a ForEach-Object block run 100,000 times).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from asrsim.lang.ast import ScriptBlockAst
from asrsim.lang.commands import CommandSignature

if TYPE_CHECKING:
    from asrsim.lang.runtime import Context

Block = Callable[["Context"], None]


@dataclass
class ParameterSpec:
    """A script parameter: how to bind it (as for a cmdlet) and how to default it."""

    name: str
    folded: str
    type_name: str  # "object" when unconstrained
    default: Callable[[Context], Any] | None
    is_switch: bool


@dataclass
class CompiledScriptBlock:
    signature: CommandSignature
    parameters: list[ParameterSpec]
    begin: Block | None
    process: Block | None
    end: Block | None
    advanced: bool
    #: a filter's body is its process block; a function without named blocks runs `end`
    has_param_block: bool = False


class ScriptBlock:
    """A ``{ ... }`` value: [scriptblock] in PowerShell."""

    dotnet_type_name = "System.Management.Automation.ScriptBlock"

    __slots__ = ("_compiled", "ast", "closure", "compile", "file")

    def __init__(
        self,
        ast: ScriptBlockAst,
        compile_: Callable[[ScriptBlockAst], CompiledScriptBlock],
        file: str | None = None,
    ) -> None:
        self.ast = ast
        self.compile = compile_
        self.file = file
        self._compiled: CompiledScriptBlock | None = None
        #: for GetNewClosure(): the variables seen when the closure was made
        self.closure: dict[str, Any] | None = None

    def closure_over(self, scope: Any) -> ScriptBlock:
        """GetNewClosure(): a copy that keeps the values its variables had now."""
        captured: dict[str, Any] = {}
        chain = []
        cursor = scope
        while cursor is not None:
            chain.append(cursor)
            cursor = cursor.parent
        for level in reversed(chain):  # nearer scopes win
            for key, variable in level.variables.items():
                captured[key] = variable
        copy = ScriptBlock(self.ast, self.compile, self.file)
        copy._compiled = self._compiled
        copy.closure = {
            key: (v.name, v.value)
            for key, v in captured.items()
            if not v.constant and key not in ("_", "psitem", "args", "input")
        }
        return copy

    @property
    def compiled(self) -> CompiledScriptBlock:
        if self._compiled is None:
            self._compiled = self.compile(self.ast)
        return self._compiled

    def __str__(self) -> str:
        # PowerShell's ScriptBlock.ToString() is the text between the braces
        text = self.ast.extent.text
        if text.startswith("{") and text.endswith("}"):
            return text[1:-1]
        return text

    def __repr__(self) -> str:
        return f"ScriptBlock({str(self)!r})"


@dataclass
class FunctionInfo:
    """A function or filter defined by a script."""

    name: str
    block: ScriptBlock
    is_filter: bool = False
    help: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    dotnet_type_name = "System.Management.Automation.FunctionInfo"
