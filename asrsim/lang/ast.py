"""The syntax tree of a PowerShell script, after PowerShell's own
System.Management.Automation.Language.

Every node is a frozen dataclass with an ``extent`` (where it stands in the source). Names of
nodes and fields follow PowerShell's AST where one exists, so a reader who knows that AST
knows this one. Operators are kept as lower-case strings without the dash: ``"eq"``,
``"ceq"``, ``"ieq"``, ``"and"``, ``"+"``, ``".."`` ...
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

# -- positions ------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class SourceText:
    """A script's text and where it came from; finds line/column of an offset."""

    text: str
    path: str | None = None  # file path, or None for -c / the REPL
    line_starts: tuple[int, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        for index, char in enumerate(self.text):
            if char == "\n":
                starts.append(index + 1)
        object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


@dataclass(frozen=True, eq=False)
class Extent:
    source: SourceText
    start: int  # offset of the first character
    end: int  # offset just past the last character

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    @property
    def start_line(self) -> int:
        return self.source.position(self.start)[0]

    @property
    def start_column(self) -> int:
        return self.source.position(self.start)[1]

    @property
    def end_line(self) -> int:
        return self.source.position(self.end)[0]

    @property
    def end_column(self) -> int:
        return self.source.position(self.end)[1]

    def join(self, other: Extent) -> Extent:
        return Extent(self.source, min(self.start, other.start), max(self.end, other.end))


# -- base classes ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Ast:
    extent: Extent


@dataclass(frozen=True, eq=False)
class StatementAst(Ast):
    pass


@dataclass(frozen=True, eq=False)
class ExpressionAst(Ast):
    pass


@dataclass(frozen=True, eq=False)
class CommandElementAst(Ast):
    pass


# -- script blocks, functions, parameters ---------------------------------------------------


@dataclass(frozen=True, eq=False)
class TypeName:
    """A type as written between brackets: ``int``, ``string[]``, ``System.Collections.Hashtable``,
    ``ordered``, ``Microsoft.Management.Infrastructure.CimInstance``. ``name`` excludes the
    brackets and keeps the user's spelling; generic arguments are kept in the text."""

    name: str
    extent: Extent


@dataclass(frozen=True, eq=False)
class NamedAttributeArgumentAst(Ast):
    name: str
    value: ExpressionAst
    expression_omitted: bool = False  # [Parameter(Mandatory)] means Mandatory = $true


@dataclass(frozen=True, eq=False)
class AttributeAst(Ast):
    """``[Parameter(Mandatory, Position = 0)]``, ``[ValidateSet('a', 'b')]``,
    ``[CmdletBinding()]``."""

    type_name: TypeName
    positional_arguments: tuple[ExpressionAst, ...]
    named_arguments: tuple[NamedAttributeArgumentAst, ...]


@dataclass(frozen=True, eq=False)
class TypeConstraintAst(Ast):
    """``[string]`` before a parameter or variable."""

    type_name: TypeName


AttributeBaseAst = AttributeAst | TypeConstraintAst


@dataclass(frozen=True, eq=False)
class ParameterAst(Ast):
    name: str  # without the $
    attributes: tuple[AttributeBaseAst, ...]
    default_value: ExpressionAst | None


@dataclass(frozen=True, eq=False)
class ParamBlockAst(Ast):
    attributes: tuple[AttributeAst, ...]  # e.g. [CmdletBinding()] written before param(
    parameters: tuple[ParameterAst, ...]


@dataclass(frozen=True, eq=False)
class StatementBlockAst(Ast):
    statements: tuple[StatementAst, ...]
    traps: tuple[TrapStatementAst, ...] = ()


@dataclass(frozen=True, eq=False)
class NamedBlockAst(Ast):
    """A begin / process / end block; a script without named blocks has one unnamed ``end``."""

    block_kind: Literal["begin", "process", "end"]
    statements: tuple[StatementAst, ...]
    unnamed: bool = False
    traps: tuple[TrapStatementAst, ...] = ()


@dataclass(frozen=True, eq=False)
class ScriptBlockAst(Ast):
    param_block: ParamBlockAst | None
    begin_block: NamedBlockAst | None
    process_block: NamedBlockAst | None
    end_block: NamedBlockAst | None
    #: statements before param() that PowerShell allows: only `using` and comments; unused


@dataclass(frozen=True, eq=False)
class FunctionDefinitionAst(StatementAst):
    name: str
    is_filter: bool
    parameters: tuple[ParameterAst, ...] | None  # `function f($a, $b) {}` form; else None
    body: ScriptBlockAst


# -- pipelines and commands -----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class RedirectionAst(Ast):
    """``> file``, ``>> file``, ``2> file``, ``2>&1``, ``*> $null``.

    ``from_stream`` is "1" (output), "2" (error), "3" warning, "4" verbose, "5" debug,
    "6" information, or "*"; ``to_stream`` is "1" for a merge such as ``2>&1``, else None
    and ``location`` is the file expression.
    """

    from_stream: str
    append: bool
    location: ExpressionAst | None
    to_stream: str | None = None


@dataclass(frozen=True, eq=False)
class CommandBaseAst(StatementAst):
    redirections: tuple[RedirectionAst, ...]


@dataclass(frozen=True, eq=False)
class CommandParameterAst(CommandElementAst):
    """``-Name``; ``-Name:value`` carries ``argument``. ``parameter_name`` excludes the dash."""

    parameter_name: str
    argument: ExpressionAst | None


@dataclass(frozen=True, eq=False)
class CommandAst(CommandBaseAst):
    """A command invocation: ``Get-VM -Name a,b | ...`` element-wise.

    ``command_elements[0]`` is the command name (usually a StringConstantExpressionAst
    with string_kind "BareWord", or any expression after ``&`` / ``.``). Arguments are
    CommandParameterAst or expressions; a bare word argument is a StringConstantExpressionAst
    of kind "BareWord"; ``a,b`` is an ArrayLiteralAst.
    """

    command_elements: tuple[CommandElementAst, ...]
    invocation_operator: Literal["", "&", "."] = ""


@dataclass(frozen=True, eq=False)
class CommandExpressionAst(CommandBaseAst):
    """An expression used where a command could stand: ``1 + 2``, ``$x.Name``."""

    expression: ExpressionAst


@dataclass(frozen=True, eq=False)
class PipelineAst(StatementAst):
    pipeline_elements: tuple[CommandBaseAst, ...]


@dataclass(frozen=True, eq=False)
class AssignmentStatementAst(StatementAst):
    """``$x = 1``, ``$a[0] += 2``, ``$x, $y = 1, 2``; ``operator`` is one of
    ``= += -= *= /= %= ??=`` (the last only if supported: see the parser)."""

    left: ExpressionAst
    operator: str
    right: StatementAst  # a PipelineAst, or another AssignmentStatementAst, or a statement


# -- control flow ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class IfStatementAst(StatementAst):
    clauses: tuple[tuple[StatementAst, StatementBlockAst], ...]  # (condition pipeline, body)
    else_clause: StatementBlockAst | None


@dataclass(frozen=True, eq=False)
class LoopStatementAst(StatementAst):
    label: str | None
    condition: StatementAst | None  # a pipeline
    body: StatementBlockAst


@dataclass(frozen=True, eq=False)
class WhileStatementAst(LoopStatementAst):
    pass


@dataclass(frozen=True, eq=False)
class DoWhileStatementAst(LoopStatementAst):
    pass


@dataclass(frozen=True, eq=False)
class DoUntilStatementAst(LoopStatementAst):
    pass


@dataclass(frozen=True, eq=False)
class ForStatementAst(LoopStatementAst):
    initializer: StatementAst | None = None
    iterator: StatementAst | None = None


@dataclass(frozen=True, eq=False)
class ForEachStatementAst(LoopStatementAst):
    """``foreach ($item in <condition>) { }``; ``condition`` is the collection pipeline."""

    variable: VariableExpressionAst | None = None


@dataclass(frozen=True, eq=False)
class SwitchStatementAst(StatementAst):
    """``switch -Regex -CaseSensitive ($x) { 'a' { } {$_ -gt 1} { } default { } }``.

    ``flags`` holds the lower-case option names given (regex, wildcard, exact, casesensitive,
    file); ``clauses`` are (test expression, body); a script-block test is a
    ScriptBlockExpressionAst.
    """

    label: str | None
    condition: StatementAst | None  # the pipeline in parentheses (None with -File)
    flags: frozenset[str]
    clauses: tuple[tuple[ExpressionAst, StatementBlockAst], ...]
    default: StatementBlockAst | None


@dataclass(frozen=True, eq=False)
class CatchClauseAst(Ast):
    catch_types: tuple[TypeName, ...]  # empty: catches everything
    body: StatementBlockAst


@dataclass(frozen=True, eq=False)
class TryStatementAst(StatementAst):
    body: StatementBlockAst
    catch_clauses: tuple[CatchClauseAst, ...]
    finally_: StatementBlockAst | None


@dataclass(frozen=True, eq=False)
class TrapStatementAst(StatementAst):
    trap_type: TypeName | None
    body: StatementBlockAst


@dataclass(frozen=True, eq=False)
class BreakStatementAst(StatementAst):
    label: ExpressionAst | None


@dataclass(frozen=True, eq=False)
class ContinueStatementAst(StatementAst):
    label: ExpressionAst | None


@dataclass(frozen=True, eq=False)
class ReturnStatementAst(StatementAst):
    pipeline: StatementAst | None


@dataclass(frozen=True, eq=False)
class ExitStatementAst(StatementAst):
    pipeline: StatementAst | None


@dataclass(frozen=True, eq=False)
class ThrowStatementAst(StatementAst):
    pipeline: StatementAst | None


# -- expressions ----------------------------------------------------------------------------

StringKind = Literal[
    "BareWord", "SingleQuoted", "DoubleQuoted", "SingleQuotedHereString", "DoubleQuotedHereString"
]


@dataclass(frozen=True, eq=False)
class ConstantExpressionAst(ExpressionAst, CommandElementAst):
    """A number (already converted: int, float or decimal.Decimal) or other constant."""

    value: object


@dataclass(frozen=True, eq=False)
class StringConstantExpressionAst(ConstantExpressionAst):
    """A string with nothing to expand; ``value`` has escapes already processed."""

    string_kind: StringKind = "BareWord"


@dataclass(frozen=True, eq=False)
class ExpandableStringExpressionAst(ExpressionAst, CommandElementAst):
    """A double-quoted string (or here-string, or bare word) with ``$var`` / ``$(...)`` in it.

    ``parts`` alternates literal text (escapes processed) and the expressions to expand:
    VariableExpressionAst, SubExpressionAst, or a MemberExpressionAst never (PowerShell
    expands only ``$var`` and ``$(...)``; ``"$x.Name"`` is ``$x`` then ``.Name`` text).
    """

    parts: tuple[str | ExpressionAst, ...]
    string_kind: StringKind = "DoubleQuoted"


@dataclass(frozen=True, eq=False)
class VariableExpressionAst(ExpressionAst, CommandElementAst):
    """``$x``, ``$script:x``, ``$env:PATH``, ``${odd name}``, ``@splat`` (splatted=True).

    ``name`` excludes the sigil and the scope; ``scope`` is the lower-case qualifier
    (global, script, local, private, env, variable, function) or None.
    """

    name: str
    scope: str | None = None
    splatted: bool = False


@dataclass(frozen=True, eq=False)
class ArrayLiteralAst(ExpressionAst, CommandElementAst):
    """``1, 2, 3`` (the comma operator)."""

    elements: tuple[ExpressionAst, ...]


@dataclass(frozen=True, eq=False)
class ArrayExpressionAst(ExpressionAst, CommandElementAst):
    """``@( statements )``: always an array."""

    sub_expression: StatementBlockAst


@dataclass(frozen=True, eq=False)
class SubExpressionAst(ExpressionAst, CommandElementAst):
    """``$( statements )``."""

    sub_expression: StatementBlockAst


@dataclass(frozen=True, eq=False)
class ParenExpressionAst(ExpressionAst, CommandElementAst):
    """``( pipeline )``; an assignment inside parentheses also yields its value."""

    pipeline: StatementAst


@dataclass(frozen=True, eq=False)
class HashtableAst(ExpressionAst, CommandElementAst):
    """``@{ Key = value; 'Other' = 1 }``; values are statements (usually pipelines)."""

    key_value_pairs: tuple[tuple[ExpressionAst, StatementAst], ...]


@dataclass(frozen=True, eq=False)
class ScriptBlockExpressionAst(ExpressionAst, CommandElementAst):
    script_block: ScriptBlockAst


@dataclass(frozen=True, eq=False)
class BinaryExpressionAst(ExpressionAst, CommandElementAst):
    """``left <operator> right``.

    Operators: arithmetic ``+ - * / %``; comparison and matching with their case variants
    ``eq ne gt ge lt le like notlike match notmatch contains notcontains in notin replace``
    each also as ``i…`` and ``c…`` (``ceq``, ``ireplace``); ``split`` ``isplit`` ``csplit``;
    ``join``; ``is isnot as``; logical ``and or xor``; bitwise ``band bor bxor shl shr``;
    range ``..``; format ``f``.
    """

    operator: str
    left: ExpressionAst
    right: ExpressionAst


@dataclass(frozen=True, eq=False)
class UnaryExpressionAst(ExpressionAst, CommandElementAst):
    """Prefix ``- + ! not bnot , split join ++ --`` and postfix ``postfix++ postfix--``."""

    operator: str
    child: ExpressionAst


@dataclass(frozen=True, eq=False)
class ConvertExpressionAst(ExpressionAst, CommandElementAst):
    """``[int]$x``, ``[ordered]@{}``, ``[pscustomobject]@{}``."""

    type_name: TypeName
    child: ExpressionAst


@dataclass(frozen=True, eq=False)
class TypeExpressionAst(ExpressionAst, CommandElementAst):
    """``[math]`` on its own (for ``[math]::Round``) or as a value."""

    type_name: TypeName


@dataclass(frozen=True, eq=False)
class MemberExpressionAst(ExpressionAst, CommandElementAst):
    """``$x.Name``, ``$x.'odd name'``, ``$x.$dynamic``, ``[math]::Pi`` (static=True)."""

    target: ExpressionAst
    member: ExpressionAst  # StringConstantExpressionAst for a plain name
    static: bool = False


@dataclass(frozen=True, eq=False)
class InvokeMemberExpressionAst(MemberExpressionAst):
    """``$x.Method(a, b)``, ``[math]::Round($v, 2)``, ``[ciminstance]::new($r)``."""

    arguments: tuple[ExpressionAst, ...] = ()


@dataclass(frozen=True, eq=False)
class IndexExpressionAst(ExpressionAst, CommandElementAst):
    """``$a[0]``, ``$a[1..3]``, ``$a[-1]``, ``$h['key']``."""

    target: ExpressionAst
    index: ExpressionAst


@dataclass(frozen=True, eq=False)
class ErrorExpressionAst(ExpressionAst, CommandElementAst):
    """What the parser leaves where it could not parse; never evaluated (the script has
    parse errors and does not run)."""


@dataclass(frozen=True, eq=False)
class ErrorStatementAst(StatementAst):
    pass


# -- added by the parser for PowerShell 7 syntax the nodes above cannot express -------------


@dataclass(frozen=True, eq=False)
class PipelineChainAst(StatementAst):
    """``a && b``, ``a || b`` (PowerShell 7 pipeline chains); left-associative, so ``left`` is
    a PipelineAst or another PipelineChainAst and ``right`` a PipelineAst."""

    left: StatementAst
    operator: Literal["&&", "||"]
    right: StatementAst


@dataclass(frozen=True, eq=False)
class TernaryExpressionAst(ExpressionAst, CommandElementAst):
    """``condition ? if_true : if_false`` (PowerShell 7)."""

    condition: ExpressionAst
    if_true: ExpressionAst
    if_false: ExpressionAst


@dataclass(frozen=True, eq=False)
class NullConditionalMemberExpressionAst(MemberExpressionAst):
    """``${a}?.Name``: $null when the target is $null (PowerShell 7.1)."""


@dataclass(frozen=True, eq=False)
class NullConditionalInvokeMemberExpressionAst(InvokeMemberExpressionAst):
    """``${a}?.Method()``: $null (and no call) when the target is $null."""


@dataclass(frozen=True, eq=False)
class NullConditionalIndexExpressionAst(IndexExpressionAst):
    """``${a}?[0]``: $null when the target is $null."""
