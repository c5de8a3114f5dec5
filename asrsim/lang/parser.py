"""The parser of the PowerShell language, after PowerShell's own Parser.cs.

A recursive-descent parser that drives the tokenizer one token at a time: it sets the
tokenizer's mode (command, expression or type name) before asking for the next token and,
when it changes its mind, rewinds (``_resync``) so the text is scanned again in the other
mode. As in Parser.cs it keeps at most one token of look-ahead (``_ungot``); switching mode
with a looked-ahead token that scans differently in the other mode rewinds to it.

Errors never raise: each is recorded (with PowerShell's ErrorId, message and extent) and the
parser recovers the way Parser.cs does, so one script can report several errors. An error
found only because the input ended (an unclosed ``{``, a trailing ``|``) is marked
``incomplete_input``, which the REPL uses to ask for a continuation line.

The checks of PowerShell's SemanticChecks visitor that asrsim needs (duplicate hash-literal
keys and parameters, assignments to what cannot be assigned, '++' on a constant, splatting
outside a command, leaving a finally block) run last, on nodes gathered while parsing.

Where the tree of ast.py has no node, the parser reports "NotSupported" (classes, enums,
using, data, workflows, DSC configurations, dynamicparam and clean blocks, the background
operator '&'); attributes in an expression (``[ValidateRange(1, 5)]$x = 3``) are dropped.
PowerShell 7's pipeline chains, ternary and null-conditional operators have nodes of their
own at the end of ast.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, cast

from asrsim.lang import ast as A
from asrsim.lang.conversions import typed_int
from asrsim.lang.errors import ParseError
from asrsim.lang.tokenizer import (
    ASSIGNMENT_OPERATORS,
    BLOCK_NAMES,
    MODE_INVARIANT,
    OPERATOR_PRECEDENCE,
    SYMBOL_PRECEDENCE,
    SYMBOL_TEXT,
    TK,
    UNARY_OPERATORS,
    Mode,
    Token,
    Tokenizer,
    only_trailing_trivia,
)

__all__ = ["MESSAGES", "ParseResult", "Parser", "decode_script", "parse", "parse_file"]

#: PowerShell's messages (ParserStrings.resx) for the errors the parser reports, plus
#: asrsim's own "NotSupported"
MESSAGES: Final = MappingProxyType({
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingArgument": "Missing argument in parameter list.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "StreamAlreadyRedirected": "The {0} for this command is already redirected.",
    "ExpressionsMustBeFirstInPipeline":
        "Expressions are only allowed as the first element of a pipeline.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "EmptyPipelineChainElement": "A pipeline chain operator must be followed by a pipeline.",
    "BackgroundOperatorInPipelineChain":
        "Background operators can only be used at the end of a pipeline chain.",
    "InvalidLeftHandSide": "The assignment expression is not valid. The input to an "
        "assignment operator must be an object that is able to accept assignments, such as a "
        "variable or a property.",
    "OperatorRequiresVariableOrProperty":
        "The '{0}' operator works only on variables or on properties.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' "
        "operator.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "MissingColonInTernaryExpression": "Missing ':' in the ternary expression.",
    "ExpectedExpression": "An expression was expected after '('.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingEndCurlyBrace": "Missing closing '}' in statement block or type definition.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "MissingTypename": "Missing type name after '['.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
    "MissingAssemblyNameSpecification":
        "The type name is missing the assembly name specification.",
    "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
    "DuplicateNamedArgument": "Duplicate named arguments '{0}' are not allowed.",
    "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
    "SplattingNotPermitted": "The splatting operator '@' cannot be used to reference "
        "variables in an expression. '@{0}' can be used only as an argument to a command. To "
        "reference variables in an expression use '${0}'.",
    "SplattingNotPermittedInArgumentList":
        "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments.",
    "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
    "InvalidFunctionParameter": "Parameter declarations are a comma-separated list of "
        "variable names with optional initializer expressions.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "TypeNotAllowedBeforeParam": "Unexpected type [{0}] was found in the parameter statement.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingNamedBlocks":
        "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "DuplicateScriptCommandClause": "Script command clause '{0}' has already been defined.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "MissingEndParenthesisAfterStatement":
        "Missing closing ')' after expression in '{0}' statement.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "InvalidForeachFlag": "The parameter {0} is not valid for the foreach statement.",
    "MissingVariableNameAfterForeach": "Missing variable name after foreach.\n"
        "The correct form is: foreach ($a in $b) {...}",
    "MissingInInForeach": "Missing 'in' after variable in foreach loop.\n"
        "The correct form is: foreach ($a in $b) {...}",
    "MissingForeachExpression": "Missing expression in foreach loop.\n"
        "The correct form is: foreach ($a in $b) {...}",
    "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of "
        "foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
    "MissingForeachStatement": "Missing statement body in foreach loop.\n"
        "The correct form is: foreach ($a in $b) {...}",
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "MissingFilenameOption": "Cannot process the 'switch' statement because of a missing "
        "file name argument to the -file option.",
    "PipelineValueRequired": "A switch statement must have one of the following:  "
        "'-file file_name' or '( expression )'.",
    "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch "
        "statement.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{' in switch statement.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "MissingTrapStatement":
        "The 'trap' statement was incomplete. A trap statement requires a body.",
    "ReservedKeywordNotAllowed":
        "The '{0}' keyword is not supported in this version of the language.",
    "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
    "NotSupported": "not supported in asrsim: {0}",
})

#: byte order marks, longest first (UTF-32 LE starts like UTF-16 LE)
_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
#: PowerShell's names of the streams, for StreamAlreadyRedirected
_STREAM_NAMES: Final = MappingProxyType({
    "*": "* stream", "1": "output stream", "2": "error stream", "3": "warning stream",
    "4": "verbose stream", "5": "debug stream", "6": "information stream",
})
#: PowerShell keeps a command's redirections in the order of its RedirectionStream enum
_STREAM_ORDER: Final = "*123456"

#: statements asrsim does not implement: the parser reports them and skips the statement
_UNSUPPORTED_STATEMENTS: Final = frozenset({
    "class", "enum", "using", "data", "workflow", "configuration", "parallel", "sequence",
    "inlinescript",
})
#: named blocks asrsim does not implement (elsewhere these words are command names)
_UNSUPPORTED_BLOCKS: Final = frozenset({"dynamicparam", "clean"})
_BLOCK_KINDS: Final[Mapping[str, Literal["begin", "process", "end"]]] = MappingProxyType({
    "begin": "begin", "process": "process", "end": "end",
})
#: integer type suffixes (longest first) and the .NET type each gives
_INTEGER_SUFFIXES: Final = (
    ("ul", "System.UInt64"), ("us", "System.UInt16"), ("uy", "System.Byte"),
    ("u", "System.UInt32"), ("l", "System.Int64"), ("s", "System.Int16"), ("y", "System.SByte"),
)
#: a switch's ways of matching: giving one drops the others
_SWITCH_MATCH_MODES: Final = frozenset({"regex", "wildcard", "exact"})
#: keywords PowerShell reserves without giving them a meaning
_RESERVED_KEYWORDS: Final = frozenset({"from", "define", "var"})
#: keywords that only continue a statement; after an error PowerShell skips them quietly
_CONTINUATION_KEYWORDS: Final = frozenset({"else", "elseif", "catch", "until"})
#: keywords naming a statement that can be labelled (':outer foreach ...')
_LOOP_KEYWORDS: Final = frozenset({"switch", "foreach", "for", "while", "do"})

#: what ends a pipeline element: its statement's terminators and closing brackets
_PIPELINE_ENDS: Final = frozenset({
    TK.SEMI, TK.NEWLINE, TK.RPAREN, TK.RCURLY, TK.END_OF_INPUT, TK.AND_AND, TK.OR_OR,
    TK.AMPERSAND,
})
#: tokens that, scanned in command mode, scan the same in expression mode (the command mode
#: is the stricter: '$x+1' is a variable only in expression mode)
_SAME_IN_EXPRESSION_MODE: Final = frozenset({
    TK.VARIABLE, TK.SPLATTED_VARIABLE, TK.NUMBER, TK.IDENTIFIER,
})
#: tokens that end a command's list of elements
_COMMAND_ENDS: Final = frozenset({
    TK.PIPE, TK.RCURLY, TK.RPAREN, TK.END_OF_INPUT, TK.NEWLINE, TK.SEMI, TK.AND_AND, TK.OR_OR,
    TK.AMPERSAND,
})
#: tokens that can never be a command argument
_NOT_ARGUMENTS: Final = _COMMAND_ENDS | {
    TK.REDIRECTION, TK.REDIRECT_IN, TK.MINUS_MINUS, TK.COMMA,
}
#: tokens that start a primary expression when met as a command argument
_PRIMARY_ARGUMENTS: Final = frozenset({
    TK.SPLATTED_VARIABLE, TK.VARIABLE, TK.NUMBER, TK.HERE_STRING_EXPANDABLE,
    TK.STRING_EXPANDABLE, TK.HERE_STRING_LITERAL, TK.STRING_LITERAL, TK.LPAREN,
    TK.DOLLAR_PAREN, TK.AT_PAREN, TK.AT_CURLY, TK.LCURLY,
})
#: prefix operators other than the dash operators ('-not', '-split' ...)
_UNARY_SYMBOLS: Final = MappingProxyType({
    TK.COMMA: ",", TK.EXCLAIM: "!", TK.PLUS: "+", TK.MINUS: "-", TK.PLUS_PLUS: "++",
    TK.MINUS_MINUS: "--",
})
_STRING_KINDS: Final[Mapping[TK, A.StringKind]] = MappingProxyType({
    TK.STRING_LITERAL: "SingleQuoted", TK.HERE_STRING_LITERAL: "SingleQuotedHereString",
    TK.STRING_EXPANDABLE: "DoubleQuoted", TK.HERE_STRING_EXPANDABLE: "DoubleQuotedHereString",
})

# where a command argument stands (PowerShell's CommandArgumentContext)
_CTX_NAME: Final = 1
_CTX_NAME_AFTER_OPERATOR: Final = 3
_CTX_FILE: Final = 4
_CTX_ARGUMENT: Final = 8
_CTX_SWITCH_CONDITION: Final = 16

Located = Token | A.Ast


def _start(item: Located) -> int:
    return item.start if isinstance(item, Token) else item.extent.start


def _end(item: Located) -> int:
    return item.end if isinstance(item, Token) else item.extent.end


# -- public API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParseResult:
    ast: A.ScriptBlockAst
    errors: tuple[ParseError, ...]

    @property
    def incomplete(self) -> bool:
        """True when an error is there only because the input ended (REPL continuation)."""
        return any(error.incomplete_input for error in self.errors)


def parse(text: str, path: str | None = None) -> ParseResult:
    """Parse a whole script; never raises, whatever the text."""
    return Parser(text, path).parse_script()


def parse_file(path: str | os.PathLike[str]) -> ParseResult:
    """Parse a script file. Raises OSError only if the file cannot be read."""
    file = Path(path)
    return parse(decode_script(file.read_bytes()), str(file))


def decode_script(data: bytes) -> str:
    """A script file's text as PowerShell 7 reads it: by its byte order mark (UTF-8,
    UTF-16, UTF-32), else as UTF-8; bytes that are not UTF-8 become U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


# -- the parser ------------------------------------------------------------------------------


class Parser:
    """Parses one script. Use once: ``Parser(text, path).parse_script()``."""

    def __init__(self, text: str, path: str | None = None) -> None:
        self.text = text
        self.source = A.SourceText(text, path)
        self.errors: list[ParseError] = []
        self._seen_errors: set[tuple[str, int, int]] = set()
        self.tok = Tokenizer(text, text, self._tokenizer_error)
        self._ungot: Token | None = None
        #: inside method-call and attribute arguments ',' separates instead of making arrays
        self._disable_comma = False
        #: nodes that PowerShell's semantic checks look at, gathered while parsing
        self._to_check: list[A.Ast | _ParameterList] = []
        #: where each parameter's variable stands (for DuplicateFormalParameter)
        self._parameter_names: dict[int, tuple[str, A.Extent]] = {}
        #: splatted variables that are whole command arguments, and those in a list
        #: (by id, holding the nodes so that no id is reused)
        self._command_splats: dict[int, A.VariableExpressionAst] = {}
        self._listed_splats: dict[int, A.VariableExpressionAst] = {}

    def parse_script(self) -> ParseResult:
        try:
            ast = self._script_block_rule(None, is_filter=False)
        except RecursionError:
            # nesting deeper than Python's stack allows: PowerShell's "too complex" error
            self._report(A.Extent(self.source, 0, 0), "ScriptTooComplicated")
            empty = A.Extent(self.source, 0, len(self.text))
            end = A.NamedBlockAst(A.Extent(self.source, 0, 0), "end", (), unnamed=True)
            ast = A.ScriptBlockAst(empty, None, None, None, end)
            return ParseResult(ast, tuple(self.errors))
        self._semantic_checks()
        return ParseResult(ast, tuple(self.errors))

    # -- semantic checks ----------------------------------------------------------------

    def _semantic_checks(self) -> None:
        """The checks PowerShell's SemanticChecks visitor makes on the finished tree, on the
        nodes gathered while parsing, in the visitor's order (outer before inner)."""
        self._to_check.sort(key=lambda node: (node.extent.start, -node.extent.end))
        for node in self._to_check:
            if isinstance(node, A.HashtableAst):
                self._check_hashtable(node)
            elif isinstance(node, A.AssignmentStatementAst):
                self._check_assignment_target(node.left, node.operator == "=")
            elif isinstance(node, A.UnaryExpressionAst):
                self._check_increment(node)
            elif isinstance(node, A.VariableExpressionAst):
                self._check_splat(node)
            elif isinstance(node, A.StatementBlockAst):
                self._check_finally(node)
            elif isinstance(node, _ParameterList):
                self._check_parameters(node)

    def _check_parameters(self, parameters: _ParameterList) -> None:
        seen: set[str] = set()
        for name, extent in parameters.names:
            folded = name.casefold()
            if folded in seen:
                self._report(extent, "DuplicateFormalParameter", name)
            else:
                seen.add(folded)

    def _check_splat(self, node: A.VariableExpressionAst) -> None:
        if id(node) in self._command_splats:
            return
        path = f"{node.scope}:{node.name}" if node.scope else node.name
        if id(node) in self._listed_splats:
            self._report(node.extent, "SplattingNotPermittedInArgumentList", path)
        else:
            self._report(node.extent, "SplattingNotPermitted", path)

    def _check_finally(self, block: A.StatementBlockAst) -> None:
        """'return', and 'break'/'continue' to no loop inside, may not leave a finally."""
        stack: list[tuple[A.Ast, tuple[str, ...]]] = [(block, ())]
        while stack:
            node, loops = stack.pop()
            if isinstance(node, A.ScriptBlockAst | A.TrapStatementAst):
                continue  # a new function: leaving it is not leaving the finally
            if isinstance(node, A.ReturnStatementAst):
                self._report(node.extent, "ControlLeavingFinally")
            elif isinstance(node, A.BreakStatementAst | A.ContinueStatementAst):
                label = _flow_label(node.label)
                if label is None or not any(
                        not label or label.casefold() == loop.casefold() for loop in loops):
                    self._report(node.extent, "ControlLeavingFinally")
            if isinstance(node, A.LoopStatementAst | A.SwitchStatementAst):
                loops = (*loops, node.label or "")
            stack.extend((child, loops) for child in _children(node))

    def _check_hashtable(self, node: A.HashtableAst) -> None:
        keys: set[str] = set()
        for key, _ in node.key_value_pairs:
            if not isinstance(key, A.ConstantExpressionAst):
                continue
            text = _key_text(key.value)
            folded = text.casefold()
            if folded in keys:
                self._report(key.extent, "DuplicateKeyInHashLiteral", text)
            else:
                keys.add(folded)

    def _check_assignment_target(self, node: A.ExpressionAst, simple: bool) -> None:
        if isinstance(node, A.ArrayLiteralAst):
            # '$a, $b = 1, 2' is fine, '$a, $b += 1' is not
            if not simple:
                self._report(node.extent, "InvalidLeftHandSide")
                return
            for element in node.elements:
                self._check_assignment_target(element, simple)
            return
        if isinstance(node, A.ParenExpressionAst):
            inner = _pure_expression(node.pipeline)
            if inner is None:
                self._report(node.pipeline.extent, "InvalidLeftHandSide")
            else:
                self._check_assignment_target(inner, simple)
            return
        if not isinstance(node, A.ErrorExpressionAst) and not _assignable(node):
            self._report(node.extent, "InvalidLeftHandSide")

    def _check_increment(self, node: A.UnaryExpressionAst) -> None:
        child = node.child
        while isinstance(child, A.ParenExpressionAst):
            inner = _pure_expression(child.pipeline)
            if inner is None:
                break
            child = inner
        if not isinstance(child, A.ErrorExpressionAst) and not _assignable(child):
            self._report(child.extent, "OperatorRequiresVariableOrProperty",
                         node.operator.removeprefix("postfix"))

    # -- extents --------------------------------------------------------------------------

    def _extent(self, start: int, end: int) -> A.Extent:
        return A.Extent(self.source, start, end)

    def _span(self, first: Located, last: Located) -> A.Extent:
        return A.Extent(self.source, _start(first), _end(last))

    def _of(self, item: Located) -> A.Extent:
        return A.Extent(self.source, _start(item), _end(item))

    def _after(self, item: Located) -> A.Extent:
        """The empty extent just after ``item`` (PowerShell's After())."""
        end = _end(item)
        return A.Extent(self.source, end, end)

    def _after_offset(self, offset: int) -> A.Extent:
        return A.Extent(self.source, offset, offset)

    def _before(self, item: Located) -> A.Extent:
        start = _start(item)
        return A.Extent(self.source, start, start)

    # -- errors ---------------------------------------------------------------------------

    def _save(self, extent: A.Extent, error_id: str, message: str, incomplete: bool) -> None:
        # PowerShell drops an error identical (id and position) to one already reported,
        # which happens when text is scanned again after a rewind
        key = (error_id, extent.start, extent.end)
        if key in self._seen_errors:
            return
        self._seen_errors.add(key)
        self.errors.append(ParseError(extent, error_id, message, incomplete))

    def _report(self, extent: A.Extent, error_id: str, *args: object) -> None:
        message = MESSAGES[error_id]
        if args:
            message = message.format(*args)
        self._save(extent, error_id, message, False)

    def _at_end(self, offset: int) -> bool:
        return only_trailing_trivia(self.text, offset)

    def _report_incomplete(self, extent: A.Extent, error_id: str, *args: object,
                           detected: A.Extent | None = None) -> bool:
        """Report an error that means "incomplete input" when ``detected`` (by default the
        error's own extent) ends the script, but for whitespace and comments."""
        message = MESSAGES[error_id]
        if args:
            message = message.format(*args)
        incomplete = self._at_end((detected or extent).end)
        self._save(extent, error_id, message, incomplete)
        return incomplete

    def _tokenizer_error(self, start: int, end: int, error_id: str, message: str,
                         incomplete: bool) -> None:
        # PowerShell may point one character past the end ('0x' at the end of a script)
        size = len(self.text)
        start, end = min(start, size), min(end, size)
        self._save(self._extent(start, end), error_id, message,
                   incomplete and self._at_end(end))

    # -- tokens ---------------------------------------------------------------------------

    def _peek(self) -> Token:
        token = self._ungot
        if token is None:
            token = self._ungot = self.tok.next_token()
        return token

    def _next(self) -> Token:
        token = self._ungot
        if token is not None:
            self._ungot = None
            return token
        return self.tok.next_token()

    def _skip(self) -> None:
        """Consume the token just peeked."""
        self._ungot = None

    def _unget(self, token: Token) -> None:
        self._ungot = token

    def _resync(self, token: Token) -> None:
        """Forget the look-ahead and scan again from ``token``."""
        self._ungot = None
        self.tok.resync(token.pos)

    def _resync_to(self, restore_point: int) -> None:
        self._ungot = None
        self.tok.resync(restore_point)

    def _restore_point(self) -> int:
        token = self._ungot
        return token.pos if token is not None else self.tok.restore_point()

    def _set_mode(self, mode: Mode) -> Mode:
        """Switch the tokenizer's mode; returns the old one. A looked-ahead token that may
        scan differently in the new mode is given back to the tokenizer."""
        old = self.tok.mode
        if mode is not old:
            token = self._ungot
            if token is not None and token.kind not in MODE_INVARIANT and not (
                    old is Mode.COMMAND and mode is Mode.EXPRESSION
                    and token.kind in _SAME_IN_EXPRESSION_MODE):
                self._resync(token)
            self.tok.mode = mode
        return old

    def _skip_newlines(self) -> None:
        token = self._ungot
        if token is None or token.kind is TK.NEWLINE:
            self._ungot = None
            self.tok.skip_newlines(False)

    def _skip_newlines_and_semicolons(self) -> None:
        token = self._ungot
        if token is None or token.kind is TK.NEWLINE or token.kind is TK.SEMI:
            self._ungot = None
            self.tok.skip_newlines(True)

    def _next_member_access(self, allow_lbracket: bool) -> Token | None:
        # a looked-ahead token means whitespace or an error came first: no member access
        if self._ungot is not None:
            return None
        return self.tok.member_access_operator(allow_lbracket)

    def _next_lbracket(self) -> Token | None:
        token = self._ungot
        if token is not None:
            if token.kind is TK.LBRACKET:
                self._ungot = None
                return token
            if token.kind is not TK.GENERIC or not token.text.startswith("["):
                return None
            # '[int]$x' scanned as one bare word in command mode: look at it again
            self._resync(token)
        return self.tok.lbracket()

    def _sync_on_error(self, consume_closing: bool, *kinds: TK) -> None:
        """Skip tokens, minding nesting, up to one of ``kinds`` (PowerShell's SyncOnError)."""
        parens = curlies = brackets = 0
        while True:
            token = self._next()
            kind = token.kind
            if kind is TK.END_OF_INPUT:
                self._unget(token)
                return
            if kind in (TK.LPAREN, TK.AT_PAREN, TK.DOLLAR_PAREN):
                parens += 1
                continue
            if kind in (TK.LCURLY, TK.AT_CURLY):
                curlies += 1
                continue
            if kind is TK.LBRACKET:
                brackets += 1
                continue
            if kind is TK.RPAREN:
                parens -= 1
                closing = parens < 0
            elif kind is TK.RCURLY:
                curlies -= 1
                closing = curlies < 0
            elif kind is TK.RBRACKET:
                brackets -= 1
                closing = brackets < 0
            else:
                closing = parens == 0 and curlies == 0 and brackets == 0
            if closing and kind in kinds:
                if not consume_closing:
                    self._unget(token)
                return

    # -- script blocks --------------------------------------------------------------------

    def _script_block_rule(self, lcurly: Token | None, is_filter: bool) -> A.ScriptBlockAst:
        """A script, or a script block after its '{' (the caller is in command mode)."""
        self._skip_newlines()
        if lcurly is None:
            self._unsupported_using_statements()
        restore_point = self._restore_point()
        param_block = self._param_block_rule()
        if param_block is None:
            # attributes seen were not before 'param': they are read again as a cast
            self._resync_to(restore_point)
        self._skip_newlines_and_semicolons()
        return self._script_block_body_rule(lcurly, param_block)

    def _unsupported_using_statements(self) -> None:
        while True:
            token = self._peek()
            if token.kind is not TK.KEYWORD or token.name != "using":
                return
            self._skip()
            self._unsupported(token)
            self._skip_newlines_and_semicolons()

    def _script_block_body_rule(self, lcurly: Token | None,
                                param_block: A.ParamBlockAst | None) -> A.ScriptBlockAst:
        token = self._peek()
        if token.kind is TK.KEYWORD and token.name in BLOCK_NAMES:
            return self._named_block_list_rule(lcurly, param_block)
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        first: int | None = param_block.extent.start if param_block else None
        last: int | None = param_block.extent.end if param_block else None
        while True:
            span = self._statement_list_rule(statements, traps)
            if span is not None:
                first = span[0] if first is None else first
                last = span[1]
            done, extent = self._complete_script_block_body(lcurly, last)
            if done:
                break
        if first is None or last is None:
            body_start = lcurly.end if lcurly is not None else 0
            body = self._extent(body_start, body_start)
        else:
            body = self._extent(first, last)
        end_block = A.NamedBlockAst(body, "end", tuple(statements), unnamed=True,
                                    traps=tuple(traps))
        return A.ScriptBlockAst(extent, param_block, None, None, end_block)

    def _complete_script_block_body(self, lcurly: Token | None,
                                    body_end: int | None) -> tuple[bool, A.Extent]:
        """Finish a script block: its '}' or the end of the script. (False, _) when an
        unexpected token was eaten at the top level and parsing must go on."""
        if lcurly is not None:
            rcurly = self._next()
            if rcurly.kind is not TK.RCURLY:
                # pretend the '}' was there
                self._unget(rcurly)
                self._report_incomplete(self._of(lcurly), "MissingEndCurlyBrace",
                                        detected=self._of(rcurly))
                end = body_end if body_end is not None else lcurly.end
                return True, self._extent(lcurly.start, end)
            return True, self._span(lcurly, rcurly)
        token = self._next()
        if token.kind is not TK.END_OF_INPUT:
            # eat the stray token ('}' or ')') and parse the rest of the script
            self._report(self._of(token), "UnexpectedToken", token.text)
            return False, self._extent(0, len(self.text))
        return True, self._extent(0, len(self.text))

    def _named_block_list_rule(self, lcurly: Token | None,
                               param_block: A.ParamBlockAst | None) -> A.ScriptBlockAst:
        blocks: dict[str, A.NamedBlockAst] = {}
        start: int | None = (lcurly.start if lcurly is not None
                             else param_block.extent.start if param_block else None)
        end: int | None = None
        while True:
            name_token = self._next()
            kind = name_token.kind
            if kind is TK.RCURLY or kind is TK.END_OF_INPUT:
                self._unget(name_token)
                break
            if kind is not TK.KEYWORD or name_token.name not in BLOCK_NAMES:
                if lcurly is not None:
                    self._unget(name_token)
                    extent = self._extent(start if start is not None else lcurly.start,
                                          end if end is not None else lcurly.end)
                else:
                    extent = self._extent(0, len(self.text))
                self._report(self._of(name_token), "MissingNamedBlocks", name_token.text)
                return self._script_block_of_blocks(extent, param_block, blocks)
            start = name_token.start if start is None else start
            end = name_token.end
            block = self._statement_block_rule()
            if block is None:
                self._report_incomplete(self._after(name_token), "MissingNamedStatementBlock",
                                        name_token.name)
                block = A.StatementBlockAst(self._of(name_token), ())
            else:
                end = block.extent.end
            block_kind = name_token.name
            if block_kind in _UNSUPPORTED_BLOCKS:
                self._report(self._of(name_token), "NotSupported", block_kind)
            elif block_kind in blocks:
                self._report(self._span(name_token, block), "DuplicateScriptCommandClause",
                             block_kind)
            elif block_kind in _BLOCK_KINDS:
                blocks[block_kind] = A.NamedBlockAst(
                    self._span(name_token, block), _BLOCK_KINDS[block_kind],
                    block.statements, traps=block.traps)
            self._skip_newlines_and_semicolons()
        _, extent = self._complete_script_block_body(lcurly, end)
        return self._script_block_of_blocks(extent, param_block, blocks)

    @staticmethod
    def _script_block_of_blocks(extent: A.Extent, param_block: A.ParamBlockAst | None,
                                blocks: dict[str, A.NamedBlockAst]) -> A.ScriptBlockAst:
        return A.ScriptBlockAst(extent, param_block, blocks.get("begin"),
                                blocks.get("process"), blocks.get("end"))

    def _statement_block_rule(self) -> A.StatementBlockAst | None:
        """'{' statements '}' after optional newlines; None (nothing consumed) without '{'."""
        self._skip_newlines()
        lcurly = self._next()
        if lcurly.kind is not TK.LCURLY:
            self._unget(lcurly)
            return None
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        span = self._statement_list_rule(statements, traps)
        rcurly = self._next()
        if rcurly.kind is not TK.RCURLY:
            self._unget(rcurly)
            self._report_incomplete(self._of(lcurly), "MissingEndCurlyBrace",
                                    detected=self._of(rcurly))
            end = span[1] if span is not None else lcurly.end
        else:
            end = rcurly.end
        return A.StatementBlockAst(self._extent(lcurly.start, end), tuple(statements),
                                   tuple(traps))

    def _statement_list_rule(self, statements: list[A.StatementAst],
                             traps: list[A.TrapStatementAst]) -> tuple[int, int] | None:
        """Statements up to a ')' or '}' (not consumed); returns where they start and end."""
        first: int | None = None
        last = 0
        self._skip_newlines_and_semicolons()
        while True:
            statement = self._statement_rule()
            if statement is None:
                break
            if isinstance(statement, A.TrapStatementAst):
                traps.append(statement)
            else:
                statements.append(statement)
            if first is None:
                first = statement.extent.start
            last = statement.extent.end
            self._skip_newlines_and_semicolons()
            kind = self._peek().kind
            if kind is TK.RPAREN or kind is TK.RCURLY:
                break
        return None if first is None else (first, last)

    # -- param blocks, parameters, attributes ---------------------------------------------

    def _param_block_rule(self) -> A.ParamBlockAst | None:
        self._skip_newlines()
        candidates = self._attribute_list_rule(in_expression=False)
        self._skip_newlines()
        param = self._peek()
        if param.kind is not TK.KEYWORD or param.name != "param":
            return None
        self._skip()
        self._skip_newlines()
        lparen = self._next()
        if lparen.kind is not TK.LPAREN:
            # not an error: a command named 'param'
            self._unget(lparen)
            return None
        parameters = self._parameter_list_rule()
        self._skip_newlines()
        rparen = self._next()
        end = rparen.end
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            end = rparen.start
            last: Located = parameters[-1] if parameters else lparen
            self._report_incomplete(self._after(last),
                                    "MissingEndParenthesisInFunctionParameterList")
        attributes: list[A.AttributeAst] = []
        for candidate in candidates:
            if isinstance(candidate, A.AttributeAst):
                attributes.append(candidate)
            else:
                self._report(candidate.extent, "TypeNotAllowedBeforeParam",
                             candidate.type_name.name)
        return A.ParamBlockAst(self._extent(param.start, max(end, param.end)),
                               tuple(attributes), tuple(parameters))

    def _parameter_list_rule(self) -> list[A.ParameterAst]:
        parameters: list[A.ParameterAst] = []
        comma: Token | None = None
        while True:
            parameter = self._parameter_rule()
            if parameter is None:
                if comma is not None:
                    self._report_incomplete(self._after(comma), "MissingExpressionAfterToken",
                                            ",")
                break
            parameters.append(parameter)
            self._skip_newlines()
            comma = self._peek()
            if comma.kind is not TK.COMMA:
                break
            self._skip()
        names = tuple(self._parameter_names[id(p)] for p in parameters
                      if id(p) in self._parameter_names)
        if len(names) > 1:
            self._to_check.append(_ParameterList(self._span(parameters[0], parameters[-1]),
                                                 names))
        return parameters

    def _parameter_rule(self) -> A.ParameterAst | None:
        old_comma = self._disable_comma
        self._disable_comma = True
        old_mode = self._set_mode(Mode.EXPRESSION)
        try:
            self._skip_newlines()
            attributes = self._attribute_list_rule(in_expression=False)
            self._skip_newlines()
            token = self._next()
            if token.kind is not TK.VARIABLE and token.kind is not TK.SPLATTED_VARIABLE:
                self._unget(token)
                if not attributes:
                    return None
                self._report_incomplete(self._after(attributes[-1]),
                                        "InvalidFunctionParameter")
                self._sync_on_error(False, TK.RPAREN)
                return A.ParameterAst(self._span(attributes[0], attributes[-1]), "__error__",
                                      tuple(attributes), None)
            default: A.ExpressionAst | None = None
            self._skip_newlines()
            equals = self._peek()
            if equals.kind is TK.EQUALS:
                self._skip()
                self._skip_newlines()
                default = self._expression_rule()
                if default is None:
                    self._report_incomplete(self._after(equals), "MissingExpressionAfterToken",
                                            "=")
        finally:
            self._disable_comma = old_comma
            self._set_mode(old_mode)
        first: Located = attributes[0] if attributes else token
        last: Located = default if default is not None else token
        node = A.ParameterAst(self._span(first, last), token.name, tuple(attributes), default)
        path = f"{token.scope}:{token.name}" if token.scope else token.name
        self._parameter_names[id(node)] = (path, self._of(token))
        return node

    def _attribute_list_rule(self, in_expression: bool) -> list[A.AttributeBaseAst]:
        attributes: list[A.AttributeBaseAst] = []
        while True:
            attribute = self._attribute_rule()
            if attribute is None:
                return attributes
            attributes.append(attribute)
            # '[int]' then a newline ends a cast in an expression; attributes may span lines
            if not in_expression or isinstance(attribute, A.AttributeAst):
                self._skip_newlines()

    def _attribute_rule(self) -> A.AttributeBaseAst | None:
        """'[Type]' (a type constraint) or '[Name(arguments)]' (an attribute)."""
        lbracket = self._next_lbracket()
        if lbracket is None:
            return None
        self._skip_newlines()
        type_name = self._type_name_rule(allow_assembly=True)
        if type_name is None:
            self._resync(lbracket)
            self._report_incomplete(self._after(lbracket), "MissingTypename")
            return None
        token = self._next()
        if token.kind is TK.LPAREN:
            return self._attribute_with_arguments(lbracket, type_name, token)
        end: int
        if token.kind is not TK.RBRACKET:
            self._unget(token)
            self._report(self._before(token), "EndSquareBracketExpectedAtEndOfAttribute")
            end = type_name.extent.end
        else:
            end = token.end
        return A.TypeConstraintAst(self._extent(lbracket.start, end), type_name)

    def _attribute_with_arguments(self, lbracket: Token, type_name: A.TypeName,
                                  lparen: Token) -> A.AttributeAst:
        self._skip_newlines()
        positional: list[A.ExpressionAst] = []
        named: list[A.NamedAttributeArgumentAst] = []
        old_mode = self._set_mode(Mode.EXPRESSION)
        last_end = self._attribute_arguments_rule(positional, named, lparen.end)
        self._set_mode(old_mode)
        self._skip_newlines()
        token = self._next()
        rparen: Token | None = token
        if token.kind is not TK.RPAREN:
            # pretend the ')' was there and look for the ']'
            self._unget(token)
            rparen = None
            self._report_incomplete(self._extent(last_end, last_end),
                                    "MissingEndParenthesisInExpression")
        self._skip_newlines()
        rbracket = self._next()
        if rbracket.kind is not TK.RBRACKET:
            self._unget(rbracket)
            end = rparen.end if rparen is not None else last_end
            if rparen is not None:
                self._report_incomplete(self._after(rparen),
                                        "EndSquareBracketExpectedAtEndOfAttribute")
        else:
            end = rbracket.end
        return A.AttributeAst(self._extent(lbracket.start, end), type_name, tuple(positional),
                              tuple(named))

    def _attribute_arguments_rule(self, positional: list[A.ExpressionAst],
                                  named: list[A.NamedAttributeArgumentAst],
                                  last_end: int) -> int:
        """'(arg, Name = value, Flag)' after the '('; returns the end of the last item."""
        old_comma = self._disable_comma
        self._disable_comma = True
        comma: Token | None = None
        names: set[str] = set()
        while True:
            self._skip_newlines()
            name, _ = self._simple_name_rule()
            expr: A.ExpressionAst | None
            omitted = False
            if name is not None:
                token = self._peek()
                if token.kind is TK.EQUALS:
                    self._skip()
                    self._skip_newlines()
                    expr = self._expression_rule()
                    if expr is None:
                        where = self._after(token)
                        self._report_incomplete(where, "MissingExpressionInNamedArgument")
                        expr = A.ErrorExpressionAst(where)
                        self._sync_on_error(True, TK.COMMA, TK.RPAREN, TK.RBRACKET,
                                            TK.NEWLINE)
                    last_end = expr.extent.end
                else:
                    # [Parameter(Mandatory)] means Mandatory = $true
                    expr = A.ConstantExpressionAst(name.extent, True)
                    omitted = True
                folded = str(name.value).casefold()
                if folded in names:
                    self._report(name.extent, "DuplicateNamedArgument", name.value)
                else:
                    names.add(folded)
                    named.append(A.NamedAttributeArgumentAst(
                        self._span(name, expr), str(name.value), expr, omitted))
            else:
                expr = self._expression_rule()
                if expr is not None:
                    positional.append(expr)
                    last_end = expr.extent.end
                elif comma is not None:
                    where = self._after(comma)
                    self._report_incomplete(where, "MissingExpressionAfterToken", ",")
                    positional.append(A.ErrorExpressionAst(where))
                    last_end = where.end
            self._skip_newlines()
            comma = self._peek()
            if comma.kind is not TK.COMMA:
                break
            last_end = comma.end
            self._skip()
        self._disable_comma = old_comma
        return last_end

    # -- type names -----------------------------------------------------------------------

    def _type_name_rule(self, allow_assembly: bool) -> A.TypeName | None:
        """The type inside '[...]': 'int', 'string[]', 'List[string]', 'a.b+c'."""
        old_mode = self._set_mode(Mode.TYPENAME)
        first = self._next()
        if first.kind is not TK.IDENTIFIER:
            self._unget(first)
            self._set_mode(old_mode)
            return None
        end = self._finish_type_name(first, unbracketed=False, allow_assembly=allow_assembly)
        self._set_mode(old_mode)
        return A.TypeName(self.text[first.start:end], self._extent(first.start, end))

    def _finish_type_name(self, name: Token, *, unbracketed: bool,
                          allow_assembly: bool = True) -> int:
        """The rest of a type name after its identifier; returns where it ends."""
        token = self._peek()
        if token.kind is TK.LBRACKET:
            lbracket = token
            self._skip()
            self._skip_newlines()
            token = self._next()
            if token.kind is TK.RBRACKET or token.kind is TK.COMMA:
                return self._complete_array_type_name(name.end, token, unbracketed)
            if token.kind is TK.LBRACKET or token.kind is TK.IDENTIFIER:
                return self._generic_type_name(token, unbracketed)
            if token.kind is not TK.END_OF_INPUT:
                self._report(self._of(token), "UnexpectedToken", token.text)
                self._sync_on_error(True, TK.RBRACKET)
            else:
                self._unget(token)
                self._report_incomplete(self._after(lbracket), "MissingTypename")
            return name.end
        if token.kind is TK.COMMA and allow_assembly and not unbracketed:
            self._assembly_name_spec(token)
        return name.end

    def _assembly_name_spec(self, comma: Token) -> None:
        # '[Type, Assembly, Version=1.0]': asrsim has no assemblies, so only check it is there
        self._skip()
        if not self.tok.assembly_name_spec().strip():
            self._report(self._after(comma), "MissingAssemblyNameSpecification")

    def _complete_array_type_name(self, end: int, first: Token, unbracketed: bool) -> int:
        while True:
            if first.kind is TK.COMMA:
                token = last_comma = first
                while token.kind is TK.COMMA:
                    last_comma = token
                    token = self._next()
                if token.kind is not TK.RBRACKET:
                    self._unget(token)
                    self._report(self._after(last_comma),
                                 "EndSquareBracketExpectedAtEndOfAttribute")
                    end = last_comma.end
                else:
                    end = token.end
            elif first.kind is TK.RBRACKET:
                end = first.end
            elif first.kind is TK.END_OF_INPUT:
                self._unget(first)
                self._report(self._before(first), "EndSquareBracketExpectedAtEndOfAttribute")
            else:
                self._report(self._of(first), "UnexpectedToken", first.text)
                self._sync_on_error(True, TK.RBRACKET)
            token = self._peek()
            if not unbracketed and token.kind is TK.COMMA:
                self._assembly_name_spec(token)
                return end
            if token.kind is not TK.LBRACKET:
                return end
            # a jagged array: int[][]
            self._skip()
            first = self._next()

    def _generic_type_name(self, first: Token, unbracketed: bool) -> int:
        end, last = self._generic_type_arguments(first)
        if last.kind is not TK.RBRACKET:
            self._unget(last)
            self._report_incomplete(self._before(last), "EndSquareBracketExpectedAtEndOfAttribute")
        else:
            end = last.end
        token = self._peek()
        if token.kind is TK.LBRACKET:
            self._skip()
            return self._complete_array_type_name(end, self._next(), unbracketed)
        if token.kind is TK.COMMA and not unbracketed:
            self._assembly_name_spec(token)
        return end

    def _generic_type_arguments(self, first: Token) -> tuple[int, Token]:
        end = self._single_generic_argument(first)
        while True:
            self._skip_newlines()
            last = self._next()
            if last.kind is not TK.COMMA:
                return end, last
            self._skip_newlines()
            token = self._peek()
            if token.kind is TK.IDENTIFIER or token.kind is TK.LBRACKET:
                self._skip()
                end = self._single_generic_argument(token)
            else:
                self._report_incomplete(self._after(last), "MissingTypename")

    def _single_generic_argument(self, first: Token) -> int:
        if first.kind is TK.IDENTIFIER:
            return self._finish_type_name(first, unbracketed=True)
        token = self._next()
        if token.kind is not TK.IDENTIFIER:
            self._unget(token)
            self._report_incomplete(self._after(token), "MissingTypename")
            return first.end
        end = self._finish_type_name(token, unbracketed=False)
        rbracket = self._next()
        if rbracket.kind is not TK.RBRACKET:
            self._unget(rbracket)
            self._report_incomplete(self._before(rbracket), "EndSquareBracketExpectedAtEndOfType")
            return end
        return rbracket.end

    # -- statements -----------------------------------------------------------------------

    def _statement_rule(self) -> A.StatementAst | None:
        """One statement, or None at the end of the input or a closing bracket."""
        while True:
            token = self._next()
            if (token.kind is TK.KEYWORD and token.name in _CONTINUATION_KEYWORDS
                    and self.errors):
                # after an error a stray 'else' or 'catch' is eaten rather than taken for a
                # command named 'else'
                self._skip_newlines()
                continue
            break
        kind = token.kind
        if kind is TK.KEYWORD:
            statement = self._keyword_statement(token)
            if statement is not None:
                return statement
        elif kind is TK.LABEL:
            self._skip_newlines()
            return self._labeled_statement_rule(token)
        elif kind is TK.END_OF_INPUT:
            self._unget(token)
            return None
        self._unget(token)
        return self._pipeline_chain_rule()

    def _keyword_statement(self, token: Token) -> A.StatementAst | None:
        """The statement a keyword starts; None for a keyword that is a command name here
        ('begin', 'param', 'in' ... out of place)."""
        name = token.name
        if name == "if":
            return self._if_statement_rule(token)
        if name in _LOOP_KEYWORDS:
            return self._loop_statement(None, token)
        if name == "function" or name == "filter":
            return self._function_declaration_rule(token)
        if name == "return":
            pipeline = self._pipeline_chain_rule()
            return A.ReturnStatementAst(self._span(token, pipeline or token), pipeline)
        if name == "throw":
            pipeline = self._pipeline_chain_rule()
            return A.ThrowStatementAst(self._span(token, pipeline or token), pipeline)
        if name == "exit":
            pipeline = self._pipeline_chain_rule()
            return A.ExitStatementAst(self._span(token, pipeline or token), pipeline)
        if name == "break":
            label = self._label_or_key_rule()
            return A.BreakStatementAst(self._span(token, label or token), label)
        if name == "continue":
            label = self._label_or_key_rule()
            return A.ContinueStatementAst(self._span(token, label or token), label)
        if name == "trap":
            return self._trap_statement_rule(token)
        if name == "try":
            return self._try_statement_rule(token)
        if name in _UNSUPPORTED_STATEMENTS:
            return self._unsupported(token)
        if name in _RESERVED_KEYWORDS:
            self._report(self._of(token), "ReservedKeywordNotAllowed", name)
            return A.ErrorStatementAst(self._of(token))
        return None

    def _labeled_statement_rule(self, label: Token) -> A.StatementAst | None:
        token = self._next()
        if token.kind is TK.KEYWORD and token.name in _LOOP_KEYWORDS:
            return self._loop_statement(label, token)
        # not a loop: the label is a command name (two tokens to give back, so rescan)
        self._resync(label)
        return self._pipeline_chain_rule()

    def _loop_statement(self, label: Token | None, keyword: Token) -> A.StatementAst:
        name = keyword.name
        if name == "switch":
            return self._switch_statement_rule(label, keyword)
        if name == "foreach":
            return self._foreach_statement_rule(label, keyword)
        if name == "for":
            return self._for_statement_rule(label, keyword)
        if name == "while":
            return self._while_statement_rule(label, keyword)
        return self._do_statement_rule(label, keyword)

    def _unsupported(self, keyword: Token) -> A.StatementAst:
        """Report a keyword asrsim does not implement and skip its statement: the rest of
        the line, or up to the end of the block that follows it."""
        self._report(self._of(keyword), "NotSupported", keyword.name)
        old_mode = self._set_mode(Mode.COMMAND)
        end = keyword.end
        depth = 0
        while True:
            token = self._peek()
            kind = token.kind
            if kind is TK.END_OF_INPUT:
                break
            if depth == 0 and (kind is TK.NEWLINE or kind is TK.SEMI):
                if keyword.name == "using" or not self._block_follows():
                    break
                continue
            if kind in (TK.LCURLY, TK.AT_CURLY, TK.LPAREN, TK.AT_PAREN, TK.DOLLAR_PAREN):
                depth += 1
            elif kind is TK.RCURLY or kind is TK.RPAREN:
                if depth == 0:
                    break
                depth -= 1
                if depth == 0 and kind is TK.RCURLY:
                    self._skip()
                    end = token.end
                    break
            self._skip()
            end = token.end
        self._set_mode(old_mode)
        return A.ErrorStatementAst(self._extent(keyword.start, end))

    def _block_follows(self) -> bool:
        """At a newline in a skipped statement: is its '{' body on a following line?"""
        restore_point = self._restore_point()
        self._skip_newlines_and_semicolons()
        if self._peek().kind is TK.LCURLY:
            return True
        self._resync_to(restore_point)
        return False

    def _label_or_key_rule(self) -> A.ExpressionAst | None:
        """A loop label after break/continue, or a hash literal key."""
        name, token = self._simple_name_rule()
        if name is not None:
            return name
        if token.kind is TK.NEWLINE or token.kind is TK.SEMI:
            return None
        old_comma = self._disable_comma
        self._disable_comma = True
        expr = self._unary_expression_rule()
        self._disable_comma = old_comma
        return expr

    def _simple_name_rule(self) -> tuple[A.StringConstantExpressionAst | None, Token]:
        """A plain identifier (a member, label or key name); the token looked at."""
        self.tok.want_simple_name = True
        token = self._peek()
        self.tok.want_simple_name = False
        if token.kind is TK.IDENTIFIER:
            self._skip()
            return A.StringConstantExpressionAst(self._of(token), token.text, "BareWord"), token
        return None, token

    def _if_statement_rule(self, if_token: Token) -> A.StatementAst:
        clauses: list[tuple[A.StatementAst, A.StatementBlockAst]] = []
        else_clause: A.StatementBlockAst | None = None
        keyword = if_token
        while True:
            self._skip_newlines()
            lparen = self._next()
            if lparen.kind is not TK.LPAREN:
                self._unget(lparen)
                self._report_incomplete(self._after(keyword), "MissingOpenParenthesisInIfStatement",
                                        keyword.text)
                return A.ErrorStatementAst(self._span(if_token, keyword))
            self._skip_newlines()
            condition = self._pipeline_chain_rule()
            if condition is None:
                where = self._after(lparen)
                self._report_incomplete(where, "IfStatementMissingCondition", keyword.text)
                condition = A.ErrorStatementAst(where)
            self._skip_newlines()
            rparen = self._next()
            if rparen.kind is not TK.RPAREN:
                self._unget(rparen)
                if not isinstance(condition, A.ErrorStatementAst):
                    self._report_incomplete(self._of(rparen),
                                            "MissingEndParenthesisAfterStatement", keyword.text)
                return A.ErrorStatementAst(self._extent(if_token.start,
                                                        max(rparen.start, if_token.end)))
            self._skip_newlines()
            body = self._statement_block_rule()
            if body is None:
                self._report_incomplete(self._of(rparen), "MissingStatementBlock", keyword.text)
                return A.ErrorStatementAst(self._span(if_token, rparen))
            clauses.append((condition, body))
            # keep the newlines if no 'elseif'/'else' follows: in a hash literal they end
            # the entry
            restore_point = self._restore_point()
            self._skip_newlines()
            keyword = self._peek()
            if keyword.kind is TK.KEYWORD and keyword.name == "elseif":
                self._skip()
                continue
            if keyword.kind is TK.KEYWORD and keyword.name == "else":
                self._skip()
                self._skip_newlines()
                else_clause = self._statement_block_rule()
                if else_clause is None:
                    self._report_incomplete(self._after(keyword),
                                            "MissingStatementBlockAfterElse")
                    return A.ErrorStatementAst(self._span(if_token, keyword))
            else:
                self._resync_to(restore_point)
            break
        last: A.Ast = else_clause if else_clause is not None else clauses[-1][1]
        return A.IfStatementAst(self._span(if_token, last), tuple(clauses), else_clause)

    @staticmethod
    def _is_parameter(token: Token, name: str) -> bool:
        """Does '-x' name the option ``name``? Any prefix does, as in PowerShell."""
        return name.startswith(token.name.lower())

    def _switch_statement_rule(self, label: Token | None, switch: Token) -> A.StatementAst:
        state = _SwitchState(switch.end)
        self._skip_newlines()
        flags = self._switch_flags(state)
        condition = self._switch_condition(state, flags)
        self._skip_newlines()
        lcurly = self._next()
        clauses: list[tuple[A.ExpressionAst, A.StatementBlockAst]] = []
        default: A.StatementBlockAst | None = None
        rcurly: Token | None = None
        if lcurly.kind is not TK.LCURLY:
            self._unget(lcurly)
            if not state.incomplete:
                state.is_error = True
                self._report_incomplete(self._after_offset(state.error_end),
                                        "MissingCurlyBraceInSwitchStatement")
        else:
            state.error_end = lcurly.end
            self._skip_newlines()
            default, rcurly = self._switch_clauses(state, lcurly, clauses)
        start = label or switch
        if state.is_error or rcurly is None:
            return A.ErrorStatementAst(self._extent(start.start, state.error_end))
        return A.SwitchStatementAst(
            self._span(start, rcurly), label.name if label else None,
            None if "file" in flags else condition, frozenset(flags), tuple(clauses), default)

    def _switch_flags(self, state: _SwitchState) -> set[str]:
        """'-Regex -CaseSensitive ...'; the last of regex/wildcard/exact wins."""
        flags: set[str] = set()
        token = self._peek()
        while token.kind is TK.PARAMETER:
            self._skip()
            state.error_end = token.end
            for name in ("regex", "wildcard", "exact", "casesensitive", "parallel", "file"):
                if self._is_parameter(token, name):
                    break
            else:
                state.is_error = True
                self._report(self._of(token), "InvalidSwitchFlag", token.name)
                token = self._peek()
                continue
            if name in _SWITCH_MATCH_MODES:
                flags.difference_update(_SWITCH_MATCH_MODES)
            flags.add(name)
            if name == "file":
                self._skip_newlines()
                file_name = self._single_command_argument(_CTX_FILE)
                if file_name is None:
                    state.is_error = True
                    state.incomplete = self._report_incomplete(self._after(token),
                                                               "MissingFilenameOption")
                else:
                    state.error_end = file_name.extent.end
            token = self._peek()
        return flags

    def _switch_condition(self, state: _SwitchState, flags: set[str]) -> A.StatementAst | None:
        """The '( pipeline )' a switch goes over."""
        lparen = self._peek()
        if lparen.kind is not TK.LPAREN:
            if "file" not in flags:
                state.is_error = True
                state.incomplete = self._report_incomplete(
                    self._after_offset(state.error_end), "PipelineValueRequired")
            return None
        state.error_end = lparen.end
        self._skip()
        if "file" in flags:
            state.is_error = True
            self._report(self._of(lparen), "PipelineValueRequired")
        self._skip_newlines()
        condition = self._pipeline_chain_rule()
        if condition is None:
            state.is_error = True
            state.incomplete = self._report_incomplete(self._after(lparen),
                                                       "PipelineValueRequired")
        else:
            state.error_end = condition.extent.end
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            if not state.incomplete:
                state.is_error = True
                state.incomplete = self._report_incomplete(
                    self._after_offset(state.error_end), "MissingEndParenthesisInSwitchStatement")
        else:
            state.error_end = rparen.end
        return condition

    def _switch_clauses(
            self, state: _SwitchState, lcurly: Token,
            clauses: list[tuple[A.ExpressionAst, A.StatementBlockAst]],
    ) -> tuple[A.StatementBlockAst | None, Token | None]:
        """'test { body }' pairs up to the '}': (the default body, the '}')."""
        default: A.StatementBlockAst | None = None
        while True:
            token = self._peek()
            is_default = token.kind is TK.IDENTIFIER and token.text.lower() == "default"
            test: A.ExpressionAst | None
            if is_default:
                self._skip()
                test = A.StringConstantExpressionAst(self._of(token), token.text, "BareWord")
            else:
                test = self._single_command_argument(_CTX_SWITCH_CONDITION)
                if test is None:
                    # no test means no body either (a body would be a script block test)
                    state.is_error = True
                    self._report_incomplete(self._after_offset(state.error_end),
                                            "MissingSwitchConditionExpression")
                    if self._peek().kind is TK.RCURLY:
                        self._skip()
                    return default, None
            state.error_end = test.extent.end
            body = self._statement_block_rule()
            if body is None:
                state.is_error = True
                state.incomplete = self._report_incomplete(
                    self._after_offset(state.error_end), "MissingSwitchStatementClause")
            else:
                state.error_end = body.extent.end
                if not is_default:
                    clauses.append((test, body))
                elif default is not None:
                    state.is_error = True
                    self._report(test.extent, "MultipleSwitchDefaultClauses")
                default = body if is_default else default
            self._skip_newlines_and_semicolons()
            token = self._peek()
            if token.kind is TK.RCURLY:
                self._skip()
                return default, token
            if token.kind is TK.END_OF_INPUT:
                if not state.incomplete:
                    state.is_error = True
                    self._report_incomplete(self._of(lcurly), "MissingEndCurlyBrace",
                                            detected=self._of(token))
                return default, None

    def _foreach_statement_rule(self, label: Token | None, foreach: Token) -> A.StatementAst:
        start = label or foreach
        self._skip_newlines()
        token = self._peek()
        while token.kind is TK.PARAMETER:
            # -Parallel / -ThrottleLimit belong to workflows, which asrsim does not run
            self._skip()
            self._report(self._of(token), "InvalidForeachFlag", token.name)
            self._skip_newlines()
            token = self._peek()
        lparen = self._next()
        if lparen.kind is not TK.LPAREN:
            self._unget(lparen)
            self._report_incomplete(self._after(foreach), "MissingOpenParenthesisAfterKeyword",
                                    "foreach")
            return A.ErrorStatementAst(self._span(start, foreach))
        self._skip_newlines()
        token = self._next()
        if token.kind is not TK.VARIABLE and token.kind is not TK.SPLATTED_VARIABLE:
            self._unget(token)
            self._report_incomplete(self._after(lparen), "MissingVariableNameAfterForeach")
            return A.ErrorStatementAst(self._span(start, lparen))
        variable = self._variable(token)
        self._skip_newlines()
        in_token = self._next()
        if in_token.kind is not TK.KEYWORD or in_token.name != "in":
            self._unget(in_token)
            self._report_incomplete(self._after(variable), "MissingInInForeach")
            return A.ErrorStatementAst(self._span(start, variable))
        self._skip_newlines()
        pipeline = self._pipeline_chain_rule()
        if pipeline is None:
            self._report_incomplete(self._after(in_token), "MissingForeachExpression")
            return A.ErrorStatementAst(self._span(start, in_token))
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            self._report_incomplete(self._after(pipeline), "MissingEndParenthesisAfterForeach")
            return A.ErrorStatementAst(self._span(start, pipeline))
        body = self._statement_block_rule()
        if body is None:
            self._report_incomplete(self._after(rparen), "MissingForeachStatement")
            return A.ErrorStatementAst(self._span(start, rparen))
        return A.ForEachStatementAst(self._span(start, body), label.name if label else None,
                                     pipeline, body, variable=variable)

    def _for_statement_rule(self, label: Token | None, for_token: Token) -> A.StatementAst:
        start = label or for_token
        self._skip_newlines()
        lparen = self._next()
        if lparen.kind is not TK.LPAREN:
            self._unget(lparen)
            self._report_incomplete(self._after(for_token), "MissingOpenParenthesisAfterKeyword",
                                    "for")
            return A.ErrorStatementAst(self._span(start, for_token))
        error_end: Located | None = None
        parts: list[A.StatementAst | None] = []
        for index in range(3):
            self._skip_newlines()
            part = self._pipeline_chain_rule()
            parts.append(part)
            if part is not None:
                error_end = part
            if index < 2 and self._peek().kind is TK.SEMI:
                error_end = self._next()
        initializer, condition, iterator = parts
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            error_end = error_end or lparen
            self._report_incomplete(self._after(error_end), "MissingEndParenthesisAfterStatement",
                                    "for")
            return A.ErrorStatementAst(self._span(start, error_end))
        body = self._statement_block_rule()
        if body is None:
            self._report_incomplete(self._after(rparen), "MissingLoopStatement", "for")
            return A.ErrorStatementAst(self._span(start, rparen))
        return A.ForStatementAst(self._span(start, body), label.name if label else None,
                                 condition, body, initializer=initializer, iterator=iterator)

    def _while_statement_rule(self, label: Token | None, while_token: Token) -> A.StatementAst:
        start = label or while_token
        self._skip_newlines()
        lparen = self._next()
        if lparen.kind is not TK.LPAREN:
            self._unget(lparen)
            self._report_incomplete(self._after(while_token),
                                    "MissingOpenParenthesisAfterKeyword", while_token.text)
            return A.ErrorStatementAst(self._span(start, while_token))
        self._skip_newlines()
        condition = self._pipeline_chain_rule()
        if condition is None:
            where = self._after(lparen)
            self._report_incomplete(where, "MissingExpressionAfterKeyword", "while")
            condition = A.ErrorStatementAst(where)
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            if not isinstance(condition, A.ErrorStatementAst):
                self._report_incomplete(self._after(condition),
                                        "MissingEndParenthesisAfterStatement", "while")
            return A.ErrorStatementAst(self._span(start, condition))
        body = self._statement_block_rule()
        if body is None:
            self._report_incomplete(self._after(rparen), "MissingLoopStatement", "while")
            return A.ErrorStatementAst(self._span(start, rparen))
        return A.WhileStatementAst(self._span(start, body), label.name if label else None,
                                   condition, body)

    def _do_statement_rule(self, label: Token | None, do: Token) -> A.StatementAst:
        start = label or do
        body = self._statement_block_rule()
        if body is None:
            self._report_incomplete(self._after(do), "MissingLoopStatement", "do")
            return A.ErrorStatementAst(self._span(start, do))
        self._skip_newlines()
        keyword = self._next()
        if keyword.kind is not TK.KEYWORD or keyword.name not in ("while", "until"):
            self._unget(keyword)
            self._report_incomplete(self._after(body), "MissingWhileOrUntilInDoWhile")
            return A.ErrorStatementAst(self._span(start, body))
        self._skip_newlines()
        lparen = self._next()
        if lparen.kind is not TK.LPAREN:
            self._unget(lparen)
            self._report_incomplete(self._after(keyword), "MissingOpenParenthesisAfterKeyword",
                                    keyword.name)
            return A.ErrorStatementAst(self._span(start, keyword))
        self._skip_newlines()
        condition = self._pipeline_chain_rule()
        if condition is None:
            self._report_incomplete(self._after(lparen), "MissingExpressionAfterKeyword",
                                    keyword.name)
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            if condition is not None:
                self._report_incomplete(self._after(condition),
                                        "MissingEndParenthesisAfterStatement", keyword.name)
            return A.ErrorStatementAst(self._span(start, condition or lparen))
        if condition is None:
            return A.ErrorStatementAst(self._span(start, rparen))
        node = A.DoUntilStatementAst if keyword.name == "until" else A.DoWhileStatementAst
        return node(self._span(start, rparen), label.name if label else None, condition, body)

    def _function_declaration_rule(self, keyword: Token) -> A.StatementAst:
        self._skip_newlines()
        name_token = self._next()
        if name_token.kind in _NOT_FUNCTION_NAMES:
            self._unget(name_token)
            self._report_incomplete(self._after(keyword), "MissingNameAfterKeyword",
                                    keyword.text)
            return A.ErrorStatementAst(self._of(keyword))
        parameters, error_end, rparen = self._function_parameter_declaration_rule()
        lcurly = self._next()
        if lcurly.kind is not TK.LCURLY:
            self._unget(lcurly)
            if error_end is None:
                error_end = rparen or name_token
                self._report_incomplete(self._after(error_end), "MissingFunctionBody")
        if error_end is not None:
            return A.ErrorStatementAst(self._span(keyword, error_end))
        is_filter = keyword.name == "filter"
        body = self._script_block_rule(lcurly, is_filter)
        name = name_token.name if name_token.kind is TK.GENERIC else name_token.text
        return A.FunctionDefinitionAst(
            self._span(keyword, body), name, is_filter,
            tuple(parameters) if parameters is not None else None, body)

    def _function_parameter_declaration_rule(
            self) -> tuple[list[A.ParameterAst] | None, Located | None, Token | None]:
        """'($a, $b)' after a function's name: (parameters, where an error ended, ')')."""
        self._skip_newlines()
        lparen = self._peek()
        if lparen.kind is not TK.LPAREN:
            return None, None, None
        self._skip()
        parameters = self._parameter_list_rule()
        self._skip_newlines()
        token = self._next()
        rparen: Token | None = token
        error_end: Located | None = None
        if token.kind is not TK.RPAREN:
            # go on as if the ')' was there: the body may follow
            self._unget(token)
            rparen = None
            error_end = parameters[-1] if parameters else lparen
            self._report_incomplete(self._after(error_end),
                                    "MissingEndParenthesisInFunctionParameterList")
        self._skip_newlines()
        return parameters, error_end, rparen

    def _trap_statement_rule(self, trap: Token) -> A.StatementAst:
        restore_point = self._restore_point()
        self._skip_newlines()
        attribute = self._attribute_rule()
        type_constraint: A.TypeConstraintAst | None = None
        if isinstance(attribute, A.TypeConstraintAst):
            type_constraint = attribute
        elif attribute is not None:
            # an attribute, not a type: it belongs to whatever follows the incomplete trap
            self._resync_to(restore_point)
        body = self._statement_block_rule()
        if body is None:
            error_end: Located = type_constraint or trap
            self._report_incomplete(self._after(error_end), "MissingTrapStatement")
            return A.ErrorStatementAst(self._span(trap, error_end))
        return A.TrapStatementAst(self._span(trap, body),
                                  type_constraint.type_name if type_constraint else None, body)

    def _try_statement_rule(self, try_token: Token) -> A.StatementAst:
        self._skip_newlines()
        body = self._statement_block_rule()
        if body is None:
            self._report_incomplete(self._after(try_token), "MissingTryStatementBlock")
            return A.ErrorStatementAst(self._of(try_token))
        catches: list[A.CatchClauseAst] = []
        error_end: list[Located] = []
        while True:
            catch = self._catch_block_rule(error_end)
            if catch is None:
                break
            catches.append(catch)
        self._skip_newlines()
        finally_token = self._peek()
        finally_block: A.StatementBlockAst | None = None
        if finally_token.kind is TK.KEYWORD and finally_token.name == "finally":
            self._skip()
            finally_block = self._statement_block_rule()
            if finally_block is not None and finally_block.statements:
                self._to_check.append(finally_block)
            if finally_block is None:
                error_end.append(finally_token)
                self._report_incomplete(self._after(finally_token),
                                        "MissingFinallyStatementBlock")
        if not catches and finally_block is None and not error_end:
            error_end.append(body)
            self._report_incomplete(self._after(body), "MissingCatchOrFinally")
        if error_end:
            return A.ErrorStatementAst(self._span(try_token, error_end[-1]))
        last: A.Ast = finally_block if finally_block is not None else catches[-1]
        return A.TryStatementAst(self._span(try_token, last), body, tuple(catches),
                                 finally_block)

    def _catch_block_rule(self, error_end: list[Located]) -> A.CatchClauseAst | None:
        """One 'catch [T1], [T2] { }'; None when there is none (or it was broken, in which
        case ``error_end`` gets where the error statement ends)."""
        self._skip_newlines()
        catch = self._next()
        if catch.kind is not TK.KEYWORD or catch.name != "catch":
            self._unget(catch)
            return None
        types: list[A.TypeConstraintAst] = []
        comma: Token | None = None
        missing_type = False
        while True:
            restore_point = self._restore_point()
            self._skip_newlines()
            attribute = self._attribute_rule()
            if attribute is None:
                if comma is not None:
                    missing_type = True
                    error_end.append(comma)
                    self._report_incomplete(self._after(comma), "MissingTypeLiteralToken")
                break
            if not isinstance(attribute, A.TypeConstraintAst):
                self._resync_to(restore_point)
                break
            types.append(attribute)
            self._skip_newlines()
            comma = self._peek()
            if comma.kind is not TK.COMMA:
                break
            self._skip()
        handler = self._statement_block_rule()
        if handler is None:
            if not missing_type:
                last: Located = types[-1] if types else catch
                error_end.append(last)
                self._report_incomplete(self._after(last), "MissingCatchHandlerBlock")
            return None
        return A.CatchClauseAst(self._span(catch, handler), tuple(t.type_name for t in types),
                                handler)

    # -- pipelines ------------------------------------------------------------------------

    def _pipeline_chain_rule(self) -> A.StatementAst | None:
        """An assignment, or pipelines joined by '&&' / '||'; None when nothing is there."""
        old_mode = self._set_mode(Mode.EXPRESSION)
        expr = self._expression_rule()
        assign: Token | None = None
        if expr is not None:
            # peeked in expression mode: in command mode '=0' would be one bare word
            token = self._peek()
            if token.kind in ASSIGNMENT_OPERATORS:
                self._skip()
                assign = token
        self._set_mode(old_mode)
        if expr is not None and assign is not None:
            return self._assignment(expr, assign)
        chain: A.StatementAst | None = None
        operator: Token | None = None
        while True:
            first = self._peek() if expr is None else None
            pipeline = self._pipeline_rule(expr)
            expr = None
            if pipeline is None:
                if operator is None or chain is None or first is None:
                    return None
                if first.kind is TK.END_OF_INPUT:
                    self._report_incomplete(self._after(operator), "EmptyPipelineChainElement")
                elif first.kind is not TK.DOT and first.kind is not TK.AMPERSAND:
                    self._report(self._span(operator, first), "EmptyPipelineChainElement")
                return A.ErrorStatementAst(self._span(chain, operator))
            token = self._peek()
            if token.kind is TK.AMPERSAND:
                # 'command &' runs a background job, which asrsim does not do
                self._skip()
                self._report(self._of(token), "NotSupported", "the background operator '&'")
                after = self._peek()
                if after.kind is TK.AND_AND or after.kind is TK.OR_OR:
                    self._skip()
                    self._report(self._of(after), "BackgroundOperatorInPipelineChain")
                    return A.ErrorStatementAst(self._span(chain or pipeline, after))
                token = after
            if token.kind is not TK.AND_AND and token.kind is not TK.OR_OR:
                if chain is None or operator is None:
                    return pipeline
                return self._chain(chain, operator, pipeline)
            chain = (pipeline if chain is None or operator is None
                     else self._chain(chain, operator, pipeline))
            operator = token
            self._skip()
            self._skip_newlines()
            if self._peek().kind is TK.END_OF_INPUT:
                self._report_incomplete(self._after(operator), "EmptyPipelineChainElement")
                return chain

    def _chain(self, left: A.StatementAst, operator: Token,
               right: A.StatementAst) -> A.StatementAst:
        symbol: Literal["&&", "||"] = "&&" if operator.kind is TK.AND_AND else "||"
        return A.PipelineChainAst(self._span(left, right), left, symbol, right)

    def _assignment(self, left: A.ExpressionAst, assign: Token) -> A.StatementAst:
        operator = ASSIGNMENT_OPERATORS[assign.kind]
        self._skip_newlines()
        right = self._statement_rule()
        if right is None:
            where = self._after(assign)
            self._report_incomplete(where, "ExpectedValueExpression", operator)
            right = A.ErrorStatementAst(where)
        node = A.AssignmentStatementAst(self._span(left, right), left, operator, right)
        self._to_check.append(node)
        return node

    def _pipeline_rule(self, start_expr: A.ExpressionAst | None = None) -> A.PipelineAst | None:
        elements: list[A.CommandBaseAst] = []
        pipe: Token | None = None
        expr = start_expr
        while True:
            if expr is None:
                old_mode = self._set_mode(Mode.EXPRESSION)
                expr = self._expression_rule()
                self._set_mode(old_mode)
            command: A.CommandBaseAst | None
            if expr is not None:
                if elements:
                    self._report(expr.extent, "ExpressionsMustBeFirstInPipeline")
                command = self._command_expression(expr)
            else:
                command = self._command_rule()
            if command is not None:
                elements.append(command)
            elif elements or self._peek().kind is TK.PIPE:
                where = self._after(pipe) if pipe is not None else self._of(self._peek())
                self._report_incomplete(where, "EmptyPipeElement")
            expr = None
            token = self._peek()
            if token.kind is TK.NEWLINE and self.tok.pipe_continues(self._newline_end(token)):
                # PowerShell 7.2: a line starting with '|' continues the pipeline
                self._skip_newlines()
                token = self._peek()
            kind = token.kind
            if kind in _PIPELINE_ENDS:
                break
            if kind is not TK.PIPE:
                # not eaten: it may start something else
                self._report(self._of(token), "UnexpectedToken", token.text)
                break
            self._skip()
            self._skip_newlines()
            pipe = token
            if self._peek().kind is TK.END_OF_INPUT:
                self._report_incomplete(self._after(token), "EmptyPipeElement")
                break
        if not elements:
            return None
        return A.PipelineAst(self._span(elements[0], elements[-1]), tuple(elements))

    def _newline_end(self, newline: Token) -> int:
        """Where a newline token ends in the tokenizer's own text."""
        return newline.pos + (2 if self.tok.text.startswith("\r\n", newline.pos) else 1)

    def _command_expression(self, expr: A.ExpressionAst) -> A.CommandExpressionAst:
        """An expression as a pipeline element, with the redirections that follow it."""
        redirections: dict[str, A.RedirectionAst] = {}
        end = expr.extent.end
        token = self._peek()
        while token.kind is TK.REDIRECTION or token.kind is TK.REDIRECT_IN:
            self._skip()
            end = self._redirection_rule(token, redirections)
            token = self._peek()
        return A.CommandExpressionAst(self._extent(expr.extent.start, end),
                                      self._ordered(redirections), expr)

    @staticmethod
    def _ordered(redirections: dict[str, A.RedirectionAst]) -> tuple[A.RedirectionAst, ...]:
        return tuple(redirections[s] for s in _STREAM_ORDER if s in redirections)

    def _redirection_rule(self, token: Token, seen: dict[str, A.RedirectionAst]) -> int:
        """One redirection (``token`` consumed); added to ``seen`` by stream. Returns where
        it ends."""
        result: A.RedirectionAst
        if token.kind is TK.REDIRECT_IN or not _is_merge(token):
            location = self._single_command_argument(_CTX_FILE)
            if location is None:
                self._report(self._after(token), "MissingFileSpecification")
                location = A.ErrorExpressionAst(self._of(token))
            if token.kind is TK.REDIRECT_IN:
                self._report(self._of(token), "RedirectionNotSupported", token.text)
                return location.extent.end
            stream, append = _file_redirection(token)
            result = A.RedirectionAst(self._span(token, location), stream, append, location)
        else:
            stream, to_stream = _merge_redirection(token)
            if to_stream != "1" or stream == to_stream:
                # '1>&2' or '2>&2': only merging into the output stream exists
                self._report(self._of(token), "RedirectionNotSupported", token.text)
            result = A.RedirectionAst(self._of(token), stream, False, None, "1")
        if stream in seen:
            self._report(result.extent, "StreamAlreadyRedirected", _STREAM_NAMES[stream])
        else:
            seen[stream] = result
        return result.extent.end

    # -- commands -------------------------------------------------------------------------

    def _command_rule(self) -> A.CommandAst | None:
        old_mode = self._set_mode(Mode.COMMAND)
        token = first = self._next()
        end = token.end
        invocation: Literal["", "&", "."] = ""
        context = _CTX_NAME
        if token.kind is TK.DOT or token.kind is TK.AMPERSAND:
            invocation = "." if token.kind is TK.DOT else "&"
            token = self._next()
            context = _CTX_NAME_AFTER_OPERATOR
        elements: list[A.CommandElementAst] = []
        redirections: dict[str, A.RedirectionAst] = {}
        saw_dash_dash = False
        while True:
            kind = token.kind
            if kind in _COMMAND_ENDS:
                self._unget(token)
                break
            verbatim = False
            if kind is TK.MINUS_MINUS:
                # the first '--' ends the parameters (kept as a parameter named '-')
                end = token.end
                elements.append(
                    A.StringConstantExpressionAst(self._of(token), token.text, "BareWord")
                    if saw_dash_dash else A.CommandParameterAst(self._of(token), "-", None))
                saw_dash_dash = True
            elif kind is TK.COMMA:
                end = token.end
                self._report(self._of(token), "MissingArgument")
                self._skip_newlines()
            elif kind is TK.PARAMETER:
                element = self._command_parameter(token, context, saw_dash_dash)
                elements.append(element)
                end = element.extent.end
            elif kind is TK.REDIRECTION or kind is TK.REDIRECT_IN:
                if context & _CTX_NAME:
                    # as in PowerShell, a redirection operator may name a command
                    end = token.end
                    elements.append(
                        A.StringConstantExpressionAst(self._of(token), token.text, "BareWord"))
                else:
                    end = max(end, self._redirection_rule(token, redirections))
            else:
                argument = self._command_argument(context, token)
                if argument is None:  # only after a comma, which is handled above
                    break
                # every expression node is also a command element
                elements.append(cast(A.CommandElementAst, argument))
                end = argument.extent.end
                if (token.kind is TK.GENERIC and token.name == "--%"
                        and self._ungot is None):
                    # '--%': the rest of the line is passed as it is
                    verbatim_token = self.tok.verbatim_argument()
                    if verbatim_token.text:
                        verbatim = True
                        elements.append(A.StringConstantExpressionAst(
                            self._of(verbatim_token), verbatim_token.name, "BareWord"))
                        end = verbatim_token.end
            if verbatim:
                break
            context = _CTX_ARGUMENT
            token = self._next()
        self._set_mode(old_mode)
        if not elements:
            if invocation:
                self._report(self._of(first), "MissingExpression", first.text)
            return None
        return A.CommandAst(self._extent(first.start, end), self._ordered(redirections),
                            tuple(elements), invocation)

    def _command_parameter(self, token: Token, context: int,
                           saw_dash_dash: bool) -> A.CommandElementAst:
        if context & _CTX_NAME or saw_dash_dash:
            return A.StringConstantExpressionAst(self._of(token), token.text, "BareWord")
        argument: A.ExpressionAst | None = None
        end = token.end
        # '-Name:value'; a comma right after the colon is left for the command rule
        if token.value is True and self._peek().kind is not TK.COMMA:
            argument = self._command_argument(_CTX_ARGUMENT, self._next())
            if argument is None:
                self._report(self._after(token), "ParameterRequiresArgument", token.text)
            else:
                end = argument.extent.end
        return A.CommandParameterAst(self._extent(token.start, end), token.name, argument)

    def _single_command_argument(self, context: int) -> A.ExpressionAst | None:
        kind = self._peek().kind
        if kind is TK.COMMA or kind is TK.END_OF_INPUT:
            return None
        old_mode = self._set_mode(Mode.COMMAND)
        result = self._command_argument(context, self._next())
        self._set_mode(old_mode)
        return result

    def _command_argument(self, context: int, token: Token) -> A.ExpressionAst | None:
        """A command name or argument starting with ``token``; arguments joined by commas
        make an array. None (``token`` given back) when ``token`` cannot be one."""
        elements: list[A.ExpressionAst] = []
        comma: Token | None = None
        while True:
            kind = token.kind
            if kind in _NOT_ARGUMENTS:
                self._unget(token)
                if comma is None:
                    return None
                self._report_incomplete(self._after(comma), "MissingExpression", ",")
                return A.ErrorExpressionAst(self._span(elements[0], comma))
            verbatim = False
            expr: A.ExpressionAst | None
            if kind in _PRIMARY_ARGUMENTS:
                self._unget(token)
                expr = self._primary_expression_rule(with_member_access=True)
                if expr is None:  # cannot happen for these tokens; be safe all the same
                    expr = A.ErrorExpressionAst(self._of(token))
            elif kind is TK.GENERIC:
                if token.parts is not None and context != _CTX_NAME:
                    expr = self._expandable_string(token, "BareWord")
                else:
                    # a command name without '&' is never expanded
                    expr = A.StringConstantExpressionAst(self._of(token), token.name,
                                                         "BareWord")
                    verbatim = token.name == "--%"
            else:
                # keywords, operators and other punctuation are bare words here
                expr = A.StringConstantExpressionAst(self._of(token), token.text, "BareWord")
            if context != _CTX_ARGUMENT or verbatim:
                break
            token = self._peek()
            if token.kind is not TK.COMMA:
                break
            comma = token
            elements.append(expr)
            self._skip()
            self._skip_newlines()
            token = self._next()
        if elements:
            elements.append(expr)
            self._listed_splats.update((id(e), e) for e in elements
                                       if isinstance(e, A.VariableExpressionAst) and e.splatted)
            return A.ArrayLiteralAst(self._span(elements[0], expr), tuple(elements))
        if isinstance(expr, A.VariableExpressionAst) and expr.splatted:
            self._command_splats[id(expr)] = expr
        return expr

    # -- expressions ----------------------------------------------------------------------

    def _expression_rule(self) -> A.ExpressionAst | None:
        """A binary expression, or a ternary 'a ? b : c'."""
        old_mode = self._set_mode(Mode.EXPRESSION)
        condition = self._binary_expression_rule()
        if condition is None or self._peek().kind is not TK.QUESTION_MARK:
            self._set_mode(old_mode)
            return condition
        result = self._ternary(condition)
        self._set_mode(old_mode)
        return result

    def _ternary(self, condition: A.ExpressionAst) -> A.ExpressionAst:
        question = self._next()
        self._skip_newlines()
        if_true = self._expression_rule()
        if if_true is None:
            where = self._after(question)
            self._report_incomplete(where, "ExpectedValueExpression", question.text)
            if_true = A.ErrorExpressionAst(where)
        self._skip_newlines()
        colon = self._next()
        if colon.kind is not TK.COLON:
            self._unget(colon)
            if not isinstance(if_true, A.ErrorExpressionAst):
                self._report_incomplete(self._of(colon), "MissingColonInTernaryExpression")
            return A.ErrorExpressionAst(self._extent(condition.extent.start,
                                                     max(colon.start, condition.extent.end)))
        self._skip_newlines()
        if_false = self._expression_rule()
        if if_false is None:
            where = self._after(colon)
            self._report_incomplete(where, "ExpectedValueExpression", colon.text)
            if_false = A.ErrorExpressionAst(where)
        return A.TernaryExpressionAst(self._span(condition, if_false), condition, if_true,
                                      if_false)

    @staticmethod
    def _binary_operator(token: Token) -> tuple[str, int] | None:
        """(operator, precedence) when ``token`` is a binary operator."""
        kind = token.kind
        if kind is TK.OPERATOR:
            precedence = OPERATOR_PRECEDENCE.get(token.name, 0)
            return (token.name, precedence) if precedence else None
        symbol_precedence = SYMBOL_PRECEDENCE.get(kind)
        if symbol_precedence is None:
            return None
        return SYMBOL_TEXT[kind], symbol_precedence

    def _binary_expression_rule(self) -> A.ExpressionAst | None:
        """Operators by precedence, all left-associative (operands are array literals: the
        comma binds tighter than any binary operator)."""
        old_mode = self._set_mode(Mode.EXPRESSION)
        expr = self._array_literal_rule()
        if expr is None:
            self._set_mode(old_mode)
            return None
        token = self._peek()
        operator = self._binary_operator(token)
        if operator is None:
            if token.kind is TK.PARAMETER:
                expr = self._parameter_in_expression(token, expr)
            self._set_mode(old_mode)
            return expr
        self._skip()
        operands: list[A.ExpressionAst] = [expr]
        operators: list[tuple[str, int]] = [operator]
        stray: Token | None = None
        while True:
            self._skip_newlines()
            operand = self._array_literal_rule()
            if operand is None:
                where = self._after(token)
                self._report_incomplete(where, "ExpectedValueExpression", token.text)
                operand = A.ErrorExpressionAst(where)
            operands.append(operand)
            token = self._next()
            operator = self._binary_operator(token)
            if operator is None:
                stray = token if token.kind is TK.PARAMETER else None
                self._unget(token)
                break
            while operators and operator[1] <= operators[-1][1]:
                right = operands.pop()
                left = operands.pop()
                operands.append(A.BinaryExpressionAst(
                    self._span(left, right), operators.pop()[0], left, right))
            operators.append(operator)
        result = operands.pop()
        while operands:
            left = operands.pop()
            result = A.BinaryExpressionAst(self._span(left, result), operators.pop()[0], left,
                                           result)
        if stray is not None:
            result = self._parameter_in_expression(stray, result)
        self._set_mode(old_mode)
        return result

    def _parameter_in_expression(self, token: Token,
                                 expr: A.ExpressionAst) -> A.ExpressionAst:
        # '-foo' where an operator should be: taken for a misspelt operator and eaten
        self._report(self._of(token), "UnexpectedToken", token.text)
        self._skip()
        return A.ErrorExpressionAst(self._span(expr, token))

    def _array_literal_rule(self) -> A.ExpressionAst | None:
        first = self._unary_expression_rule()
        if first is None:
            return None
        comma = self._peek()
        if comma.kind is not TK.COMMA or self._disable_comma:
            return first
        elements: list[A.ExpressionAst] = [first]
        last = first
        while comma.kind is TK.COMMA:
            self._skip()
            self._skip_newlines()
            element = self._unary_expression_rule()
            if element is None:
                self._report_incomplete(self._after(comma), "MissingExpressionAfterToken", ",")
                last = A.ErrorExpressionAst(self._of(comma))
                elements.append(last)
                break
            elements.append(element)
            last = element
            comma = self._peek()
        return A.ArrayLiteralAst(self._span(first, last), tuple(elements))

    def _unary_operator(self, token: Token) -> str | None:
        kind = token.kind
        if kind is TK.OPERATOR:
            return token.name if token.name in UNARY_OPERATORS else None
        return _UNARY_SYMBOLS.get(kind)

    def _unary_expression_rule(self) -> A.ExpressionAst | None:
        # a '-' or '+' may start a number here ('-5' is the constant -5)
        old_signed = self.tok.allow_signed_numbers
        self.tok.allow_signed_numbers = True
        ungot = self._ungot
        if ungot is not None and ungot.kind is TK.MINUS:
            self._resync(ungot)
        token = self._peek()
        self.tok.allow_signed_numbers = old_signed
        expr: A.ExpressionAst | None
        operator = self._unary_operator(token)
        if operator is not None:
            if self._disable_comma and token.kind is TK.COMMA:
                return None
            self._skip()
            self._skip_newlines()
            child = self._unary_expression_rule()
            if child is None:
                self._report_incomplete(self._after(token), "MissingExpressionAfterOperator",
                                        token.text)
                return A.ErrorExpressionAst(self._of(token))
            expr = A.UnaryExpressionAst(self._span(token, child), operator, child)
            if operator == "++" or operator == "--":
                self._to_check.append(expr)
        elif token.kind is TK.LBRACKET:
            expr = self._type_expression(token)
            if expr is None:
                return None
        else:
            expr = self._primary_expression_rule(with_member_access=True)
        if expr is not None:
            token = self._peek()
            if token.kind is TK.PLUS_PLUS or token.kind is TK.MINUS_MINUS:
                self._skip()
                operator = "postfix++" if token.kind is TK.PLUS_PLUS else "postfix--"
                expr = A.UnaryExpressionAst(self._span(expr, token), operator, expr)
                self._to_check.append(expr)
        return expr

    def _type_expression(self, lbracket: Token) -> A.ExpressionAst | None:
        """After '[': a cast '[int]$x', a type '[math]', a static member '[math]::Pi', or
        an attributed expression (the attribute is dropped: asrsim does not validate
        variables)."""
        attributes = self._attribute_list_rule(in_expression=True)
        if not attributes:
            return None
        last = attributes[-1]
        expr: A.ExpressionAst | None = None
        if isinstance(last, A.AttributeAst):
            self._skip_newlines()
            child = self._unary_expression_rule()
            if child is None:
                self._report_incomplete(last.extent, "UnexpectedAttribute", last.type_name.name)
                return A.ErrorExpressionAst(self._span(lbracket, last))
            expr = child
        else:
            # a token looked ahead means an error was reported: no member access then
            access = None if self._ungot is not None else self._next_member_access(False)
            if access is not None:
                expr = self._post_primary(access, A.TypeExpressionAst(last.extent, last.type_name))
            else:
                token = self._peek()
                if token.kind is not TK.NEWLINE and token.kind is not TK.COMMA:
                    child = self._unary_expression_rule()
                    if child is not None:
                        expr = A.ConvertExpressionAst(self._span(last, child), last.type_name,
                                                      child)
            if expr is None:
                expr = A.TypeExpressionAst(last.extent, last.type_name)
        for attribute in reversed(attributes[:-1]):
            if isinstance(attribute, A.TypeConstraintAst):
                expr = A.ConvertExpressionAst(self._span(attribute, expr), attribute.type_name,
                                              expr)
        return expr

    def _primary_expression_rule(self, with_member_access: bool) -> A.ExpressionAst | None:
        token = self._next()
        kind = token.kind
        expr: A.ExpressionAst
        if kind is TK.VARIABLE or kind is TK.SPLATTED_VARIABLE:
            expr = self._variable(token)
        elif kind is TK.NUMBER:
            expr = A.ConstantExpressionAst(self._of(token), _typed_number(token))
        elif kind is TK.STRING_LITERAL or kind is TK.HERE_STRING_LITERAL:
            expr = A.StringConstantExpressionAst(self._of(token), token.name,
                                                 _STRING_KINDS[kind])
        elif kind is TK.STRING_EXPANDABLE or kind is TK.HERE_STRING_EXPANDABLE:
            expr = self._expandable_string(token, _STRING_KINDS[kind])
        elif kind is TK.LPAREN:
            expr = self._parenthesized_expression_rule(token)
        elif kind is TK.AT_PAREN or kind is TK.DOLLAR_PAREN:
            expr = self._sub_expression_rule(token)
        elif kind is TK.AT_CURLY:
            expr = self._hash_expression_rule(token)
        elif kind is TK.LCURLY:
            expr = self._script_block_expression_rule(token)
        else:
            self._unget(token)
            return None
        if not with_member_access:
            return expr
        return self._post_primary(self._next_member_access(True), expr)

    def _variable(self, token: Token) -> A.VariableExpressionAst:
        node = A.VariableExpressionAst(self._of(token), token.name, token.scope,
                                       token.kind is TK.SPLATTED_VARIABLE)
        if node.splatted:
            self._to_check.append(node)  # an error unless it is a command's argument
        return node

    def _post_primary(self, token: Token | None, expr: A.ExpressionAst) -> A.ExpressionAst:
        """Member access, method calls and indexing after a primary expression."""
        while token is not None:
            # fluent style: a newline may follow the '.'
            self._skip_newlines()
            if token.kind is TK.LBRACKET or token.kind is TK.QUESTION_LBRACKET:
                expr = self._element_access_rule(expr, token)
            else:
                expr = self._member_access_rule(expr, token)
            token = self._next_member_access(True)
        return expr

    def _member_access_rule(self, target: A.ExpressionAst, operator: Token) -> A.ExpressionAst:
        member = self._member_name_rule()
        static = operator.kind is TK.COLON_COLON
        if member is None:
            self._report_incomplete(self._after(operator), "MissingPropertyName")
            member = (self._single_command_argument(_CTX_ARGUMENT)
                      or A.ErrorExpressionAst(self._span(target, operator)))
        elif self._ungot is None:
            lparen = self.tok.invoke_member_open_paren()
            if lparen is not None:
                return self._member_invoke_rule(target, lparen, member, static,
                                                operator.kind is TK.QUESTION_DOT)
        node = (A.NullConditionalMemberExpressionAst if operator.kind is TK.QUESTION_DOT
                else A.MemberExpressionAst)
        return node(self._span(target, member), target, member, static)

    def _member_name_rule(self) -> A.ExpressionAst | None:
        name, token = self._simple_name_rule()
        if name is not None:
            return name
        if self._unary_operator(token) is not None or token.kind is TK.LBRACKET:
            return self._unary_expression_rule()
        return self._primary_expression_rule(with_member_access=False)

    def _member_invoke_rule(self, target: A.ExpressionAst, lparen: Token,
                            member: A.ExpressionAst, static: bool,
                            null_conditional: bool) -> A.ExpressionAst:
        arguments: list[A.ExpressionAst]
        if lparen.kind is TK.LPAREN:
            arguments, end = self._invoke_param_paren_list_rule(lparen)
        else:
            # $x.Where{ ... } is $x.Where({ ... })
            self._skip_newlines()
            block = self._script_block_expression_rule(lparen)
            arguments = [block]
            end = block.extent.end
        node = (A.NullConditionalInvokeMemberExpressionAst if null_conditional
                else A.InvokeMemberExpressionAst)
        return node(self._extent(target.extent.start, end), target, member, static,
                    tuple(arguments))

    def _invoke_param_paren_list_rule(self, lparen: Token) -> tuple[list[A.ExpressionAst], int]:
        """Method arguments after '(': comma-separated expressions and ')'."""
        arguments: list[A.ExpressionAst] = []
        comma: Token | None = None
        reported = False
        old_comma = self._disable_comma
        self._disable_comma = True
        while True:
            self._skip_newlines()
            argument = self._expression_rule()
            if argument is None:
                if comma is not None:
                    self._report_incomplete(self._after(comma), "MissingExpressionAfterToken",
                                            ",")
                    reported = True
                break
            arguments.append(argument)
            self._skip_newlines()
            comma = self._next()
            if comma.kind is not TK.COMMA:
                self._unget(comma)
                comma = None
                break
        self._skip_newlines()
        rparen = self._next()
        end: int
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            if not reported:
                self._report_incomplete(self._after(arguments[-1] if arguments else lparen),
                                        "MissingEndParenthesisInMethodCall")
            last: Located = comma or (arguments[-1] if arguments else lparen)
            end = _end(last)
        else:
            end = rparen.end
        self._disable_comma = old_comma
        return arguments, end

    def _element_access_rule(self, target: A.ExpressionAst, lbracket: Token) -> A.ExpressionAst:
        self._skip_newlines()
        old_comma = self._disable_comma
        self._disable_comma = False
        index = self._expression_rule()
        self._disable_comma = old_comma
        if index is None:
            self._report_incomplete(self._after(lbracket), "MissingArrayIndexExpression")
            index = A.ErrorExpressionAst(self._of(lbracket))
        self._skip_newlines()
        rbracket = self._next()
        last: Located = rbracket
        if rbracket.kind is not TK.RBRACKET:
            self._unget(rbracket)
            if not isinstance(index, A.ErrorExpressionAst):
                self._report_incomplete(self._after(index), "MissingEndSquareBracket")
            last = index
        node = (A.NullConditionalIndexExpressionAst if lbracket.kind is TK.QUESTION_LBRACKET
                else A.IndexExpressionAst)
        return node(self._span(target, last), target, index)

    def _parenthesized_expression_rule(self, lparen: Token) -> A.ExpressionAst:
        old_mode = self._set_mode(Mode.COMMAND)
        old_comma = self._disable_comma
        self._disable_comma = False
        self._skip_newlines()
        pipeline = self._pipeline_chain_rule()
        if pipeline is None:
            where = self._after(lparen)
            self._report_incomplete(where, "ExpectedExpression")
            pipeline = A.ErrorStatementAst(where)
        self._skip_newlines()
        rparen = self._next()
        last: Located = rparen
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            self._report_incomplete(self._after(pipeline), "MissingEndParenthesisInExpression")
            last = pipeline
        self._disable_comma = old_comma
        self._set_mode(old_mode)
        return A.ParenExpressionAst(self._span(lparen, last), pipeline)

    def _sub_expression_rule(self, first: Token) -> A.ExpressionAst:
        """'$( statements )' or '@( statements )'."""
        old_mode = self._set_mode(Mode.COMMAND)
        old_comma = self._disable_comma
        self._disable_comma = False
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        self._skip_newlines()
        span = self._statement_list_rule(statements, traps)
        self._skip_newlines()
        rparen = self._next()
        if rparen.kind is not TK.RPAREN:
            self._unget(rparen)
            self._report_incomplete(self._of(rparen), "MissingEndParenthesisInSubexpression")
            end = span[1] if span is not None else first.end
        else:
            end = rparen.end
        self._disable_comma = old_comma
        self._set_mode(old_mode)
        body_extent = (self._extent(span[0], span[1]) if span is not None
                       else self._extent(first.end, first.end))
        body = A.StatementBlockAst(body_extent, tuple(statements), tuple(traps))
        extent = self._extent(first.start, end)
        if first.kind is TK.DOLLAR_PAREN:
            return A.SubExpressionAst(extent, body)
        return A.ArrayExpressionAst(extent, body)

    def _script_block_expression_rule(self, lcurly: Token) -> A.ScriptBlockExpressionAst:
        old_mode = self._set_mode(Mode.COMMAND)
        old_comma = self._disable_comma
        self._disable_comma = False
        self._skip_newlines()
        block = self._script_block_rule(lcurly, is_filter=False)
        self._disable_comma = old_comma
        self._set_mode(old_mode)
        return A.ScriptBlockExpressionAst(block.extent, block)

    def _hash_expression_rule(self, at_curly: Token) -> A.HashtableAst:
        self._skip_newlines()
        pairs: list[tuple[A.ExpressionAst, A.StatementAst]] = []
        while True:
            pair = self._key_value_pair()
            if pair is None:
                break
            pairs.append(pair)
            kind = self._peek().kind
            if kind is not TK.NEWLINE and kind is not TK.SEMI:
                break
            self._skip_newlines_and_semicolons()
        rcurly = self._next()
        if rcurly.kind is not TK.RCURLY:
            self._unget(rcurly)
            self._report_incomplete(self._after(at_curly), "MissingEndCurlyBrace",
                                    detected=self._of(rcurly))
            end = rcurly.start
        else:
            end = rcurly.end
        node = A.HashtableAst(self._extent(at_curly.start, max(end, at_curly.end)), tuple(pairs))
        self._to_check.append(node)
        return node

    def _key_value_pair(self) -> tuple[A.ExpressionAst, A.StatementAst] | None:
        old_mode = self._set_mode(Mode.EXPRESSION)
        key = self._label_or_key_rule()
        if key is None:
            self._set_mode(old_mode)
            return None
        equals = self._next()
        self._set_mode(old_mode)
        if equals.kind is not TK.EQUALS:
            # pretend the '=' and a value were there
            self._unget(equals)
            where = self._after(key)
            self._report(where, "MissingEqualsInHashLiteral")
            self._sync_on_error(False, TK.RCURLY, TK.SEMI, TK.NEWLINE)
            return key, A.ErrorStatementAst(where)
        old_mode = self._set_mode(Mode.COMMAND)
        self._skip_newlines()
        value = self._statement_rule()
        if value is None:
            where = self._after(equals)
            self._report_incomplete(where, "MissingStatementInHashLiteral")
            value = A.ErrorStatementAst(where)
        self._set_mode(old_mode)
        return key, value

    # -- strings --------------------------------------------------------------------------

    def _expandable_string(self, token: Token, kind: A.StringKind) -> A.ExpressionAst:
        """A double-quoted string, here-string or bare word: constant, or with its
        variables and subexpressions parsed."""
        if token.parts is None:
            return A.StringConstantExpressionAst(self._of(token), token.name, kind)
        parts: list[str | A.ExpressionAst] = []
        for part in token.parts:
            if isinstance(part, str):
                parts.append(part)
            elif part.kind is TK.VARIABLE:
                parts.append(self._variable(part))
            else:
                parts.append(self._nested_subexpression(part))
        return A.ExpandableStringExpressionAst(self._of(token), tuple(parts), kind)

    def _nested_subexpression(self, token: Token) -> A.ExpressionAst:
        """A '$( ... )' inside a string, parsed by a tokenizer over its own text (with
        doubled quotes collapsed), whose offsets map back into the script."""
        omap = token.value if isinstance(token.value, list) else None
        nested = Tokenizer(token.name, self.text, self._tokenizer_error, base=token.start,
                           omap=omap)
        saved = (self.tok, self._ungot, self._disable_comma)
        self.tok, self._ungot, self._disable_comma = nested, None, False
        try:
            expr = self._primary_expression_rule(with_member_access=False)
        finally:
            self.tok, self._ungot, self._disable_comma = saved
        return expr if expr is not None else A.ErrorExpressionAst(self._of(token))


# -- helpers ---------------------------------------------------------------------------------

#: tokens that cannot name a function
_NOT_FUNCTION_NAMES: Final = frozenset({
    TK.PIPE, TK.LPAREN, TK.LCURLY, TK.AT_PAREN, TK.AT_CURLY, TK.RCURLY, TK.RPAREN,
    TK.END_OF_INPUT, TK.SEMI, TK.REDIRECTION, TK.REDIRECT_IN, TK.AND_AND, TK.OR_OR,
    TK.AMPERSAND, TK.VARIABLE, TK.SPLATTED_VARIABLE, TK.HERE_STRING_EXPANDABLE,
    TK.HERE_STRING_LITERAL, TK.STRING_LITERAL, TK.STRING_EXPANDABLE, TK.NEWLINE,
})


def _redirection_value(token: Token) -> tuple[str, bool, str | None]:
    value = token.value
    if isinstance(value, tuple) and len(value) == 3:
        stream, append, to_stream = value
        return str(stream), bool(append), None if to_stream is None else str(to_stream)
    return "1", False, None


def _is_merge(token: Token) -> bool:
    return _redirection_value(token)[2] is not None


def _file_redirection(token: Token) -> tuple[str, bool]:
    stream, append, _ = _redirection_value(token)
    return stream, append


def _merge_redirection(token: Token) -> tuple[str, str]:
    stream, _, to_stream = _redirection_value(token)
    return stream, to_stream or "1"


def _typed_number(token: Token) -> object:
    """A number's value; an integer with a type suffix ('100l', '7uy') keeps its .NET type,
    as PowerShell's constant does (an Int32 or one too big for it is a plain int)."""
    value = token.value
    if type(value) is not int:
        return value
    text = token.text.lower()
    if text[-1:] == "b" and text[-2:-1] in ("k", "m", "g", "t", "p"):
        text = text[:-2]  # the multiplier ('1lkb')
    for suffix, type_name in _INTEGER_SUFFIXES:
        if text.endswith(suffix):
            if suffix == "u" and value > 0xFFFFFFFF:
                type_name = "System.UInt64"  # '5000000000u' is a ulong
            return typed_int(value, type_name)
    return value


@dataclass
class _SwitchState:
    """How far a switch statement got, for its error statement and errors."""

    error_end: int
    is_error: bool = False
    #: an "incomplete input" error was reported: do not report more
    incomplete: bool = False


@dataclass(frozen=True, eq=False)
class _ParameterList:
    """A parameter list's names and where they stand, for the duplicate check."""

    extent: A.Extent
    names: tuple[tuple[str, A.Extent], ...]


def _children(node: A.Ast) -> Iterator[A.Ast]:
    """The nodes directly below ``node``: its fields holding nodes or tuples of them."""
    for name in node.__dataclass_fields__:
        if name != "extent":
            yield from _nodes_in(getattr(node, name))


def _nodes_in(value: object) -> Iterator[A.Ast]:
    if isinstance(value, A.Ast):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _nodes_in(item)


def _flow_label(label: A.ExpressionAst | None) -> str | None:
    """A break/continue label known before running: "" for none, None when computed."""
    if label is None:
        return ""
    if isinstance(label, A.StringConstantExpressionAst):
        return str(label.value)
    return None


def _key_text(value: object) -> str:
    """A constant hash-literal key as .NET's ToString() writes it (for duplicates)."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _assignable(node: A.ExpressionAst) -> bool:
    """Can ``node`` be assigned to (PowerShell's ISupportsAssignment)?"""
    if isinstance(node, A.InvokeMemberExpressionAst):
        return False
    if isinstance(node, A.ConvertExpressionAst):
        return _assignable(node.child)
    return isinstance(node, A.VariableExpressionAst | A.MemberExpressionAst
                      | A.IndexExpressionAst)


def _pure_expression(statement: A.StatementAst) -> A.ExpressionAst | None:
    """The expression a pipeline is made of, when it is just one (GetPureExpression)."""
    if isinstance(statement, A.PipelineAst) and len(statement.pipeline_elements) == 1:
        element = statement.pipeline_elements[0]
        if isinstance(element, A.CommandExpressionAst) and not element.redirections:
            return element.expression
    return None
