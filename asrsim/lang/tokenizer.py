"""The tokenizer of the PowerShell language, after PowerShell's own tokenizer.cs.

PowerShell cannot be tokenized ahead of parsing: the same characters mean different things
in command mode (``Get-VM -Name web01 5mb a,b``: a command name, a parameter, bare words)
and in expression mode (``$a -eq 5mb``: an operator and a number). The parser therefore asks
for one token at a time in the mode it wants (``Tokenizer.mode``) and, when it changes its
mind, rewinds (``resync``) and asks again.

Runs of ordinary characters are matched with compiled regular expressions; the rules about
which character ends which token follow PowerShell's CharTraits table.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Final

# -- character classes (PowerShell's CharTraits) --------------------------------------------

#: what PowerShell's IsWhitespace accepts; newlines are not whitespace
_WS_CHARS: Final = (
    "\t\v\f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
WHITESPACE: Final = frozenset(_WS_CHARS)
#: characters that end a bare word whatever the mode ('a#b' is one token, 'a{' two)
FORCE_START: Final = frozenset("\0\n\r&(),;{|}" + _WS_CHARS)
#: characters that may follow a number in expression mode ('7+' is two tokens, '7z' one)
_FORCE_AFTER_NUMBER: Final = frozenset("!#%*+-./<=>]\u2013\u2014\u2015")
DASHES: Final = frozenset("-\u2013\u2014\u2015")
SINGLE_QUOTES: Final = frozenset("'\u2018\u2019\u201a\u201b")
DOUBLE_QUOTES: Final = frozenset('"\u201c\u201d\u201e')
_VAR_START_ASCII: Final = frozenset(
    "$0123456789:?^_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

_WS_CLASS: Final = "\t\v\f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS_RE: Final = re.compile(f"[{_WS_CLASS}]+")
_WORD_RE: Final = re.compile(r"\w+")
_DIGITS_RE: Final = re.compile(r"[0-9]*")
_HEX_RE: Final = re.compile(r"[0-9a-fA-F]*")
_BIN_RE: Final = re.compile(r"[01]*")
_TYPENAME_RE: Final = re.compile(r"[\w.`+#\\]*")
#: the plain part of a bare word: anything but terminators, escapes, quotes and '$'
_GENERIC_RUN: Final = re.compile(
    f"[^\\0\\n\\r&(),;{{|}}`$'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e{_WS_CLASS}]+"
)
_SQ_RUN: Final = re.compile("[^'\u2018\u2019\u201a\u201b]+")
_DQ_RUN: Final = re.compile('[^"\u201c\u201d\u201e`$]+')
_HERE_LITERAL_RUN: Final = re.compile(r"[^\r\n]+")
_HERE_EXPANDABLE_RUN: Final = re.compile(r"[^\r\n`$]+")
_LINE_COMMENT_RE: Final = re.compile(r"[^\r\n]*")
_BLOCK_COMMENT_END: Final = re.compile("#>")
#: trailing text that leaves an error "at the end of the input": whitespace and comments,
#: but no newline (PowerShell's OnlyWhitespaceOrCommentsAfterExtent)
_TRAILING_RE: Final = re.compile(f"(?:[{_WS_CLASS}]|#[^\\r\\n]*|<#.*?(?:#>|\\Z))*\\Z", re.S)


def is_variable_start(c: str) -> bool:
    return c in _VAR_START_ASCII if c < "\x80" else c.isalnum()


def is_identifier_start(c: str) -> bool:
    if c < "\x80":
        return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")
    return c.isalpha()


def only_trailing_trivia(text: str, offset: int) -> bool:
    """True when nothing but whitespace and comments (no newline) follows ``offset``."""
    return offset >= len(text) or _TRAILING_RE.match(text, offset) is not None


# -- tokens ---------------------------------------------------------------------------------


class Mode(enum.Enum):
    COMMAND = "command"
    EXPRESSION = "expression"
    TYPENAME = "typename"


class TK(enum.Enum):
    """Token kinds. Operators written with a dash (``-eq``, ``-and``, ``-f``, ``-not``) are all
    OPERATOR, told apart by ``Token.name``; keywords are all KEYWORD, likewise."""

    UNKNOWN = enum.auto()
    VARIABLE = enum.auto()
    SPLATTED_VARIABLE = enum.auto()
    PARAMETER = enum.auto()
    NUMBER = enum.auto()
    LABEL = enum.auto()
    IDENTIFIER = enum.auto()
    GENERIC = enum.auto()
    KEYWORD = enum.auto()
    NEWLINE = enum.auto()
    END_OF_INPUT = enum.auto()
    STRING_LITERAL = enum.auto()
    STRING_EXPANDABLE = enum.auto()
    HERE_STRING_LITERAL = enum.auto()
    HERE_STRING_EXPANDABLE = enum.auto()
    SUBEXPRESSION = enum.auto()  # an unscanned "$( ... )" inside a string or bare word
    LPAREN = enum.auto()
    RPAREN = enum.auto()
    LCURLY = enum.auto()
    RCURLY = enum.auto()
    LBRACKET = enum.auto()
    RBRACKET = enum.auto()
    AT_PAREN = enum.auto()
    AT_CURLY = enum.auto()
    DOLLAR_PAREN = enum.auto()
    SEMI = enum.auto()
    AND_AND = enum.auto()
    OR_OR = enum.auto()
    AMPERSAND = enum.auto()
    PIPE = enum.auto()
    COMMA = enum.auto()
    MINUS_MINUS = enum.auto()
    PLUS_PLUS = enum.auto()
    DOT_DOT = enum.auto()
    COLON_COLON = enum.auto()
    DOT = enum.auto()
    EXCLAIM = enum.auto()
    MULTIPLY = enum.auto()
    DIVIDE = enum.auto()
    REM = enum.auto()
    PLUS = enum.auto()
    MINUS = enum.auto()
    OPERATOR = enum.auto()
    EQUALS = enum.auto()
    PLUS_EQUALS = enum.auto()
    MINUS_EQUALS = enum.auto()
    MULTIPLY_EQUALS = enum.auto()
    DIVIDE_EQUALS = enum.auto()
    REMAINDER_EQUALS = enum.auto()
    QUESTION_QUESTION_EQUALS = enum.auto()
    QUESTION_QUESTION = enum.auto()
    QUESTION_MARK = enum.auto()
    COLON = enum.auto()
    REDIRECTION = enum.auto()  # '>' '>>' '2>' '2>&1' '*>' ...
    REDIRECT_IN = enum.auto()  # '<'
    QUESTION_DOT = enum.auto()  # '?.' null-conditional member access (PowerShell 7.1)
    QUESTION_LBRACKET = enum.auto()  # '?[' null-conditional index


#: kinds that scan the same in both modes, so a looked-ahead one need not be rescanned
MODE_INVARIANT: Final = frozenset({
    TK.NEWLINE, TK.END_OF_INPUT, TK.STRING_LITERAL, TK.STRING_EXPANDABLE,
    TK.HERE_STRING_LITERAL, TK.HERE_STRING_EXPANDABLE, TK.LPAREN, TK.RPAREN, TK.LCURLY,
    TK.RCURLY, TK.RBRACKET, TK.AT_PAREN, TK.AT_CURLY, TK.DOLLAR_PAREN, TK.SEMI, TK.AND_AND,
    TK.OR_OR, TK.AMPERSAND, TK.PIPE, TK.COMMA, TK.REDIRECT_IN,
})

ASSIGNMENT_OPERATORS: Final = MappingProxyType({
    TK.EQUALS: "=", TK.PLUS_EQUALS: "+=", TK.MINUS_EQUALS: "-=", TK.MULTIPLY_EQUALS: "*=",
    TK.DIVIDE_EQUALS: "/=", TK.REMAINDER_EQUALS: "%=", TK.QUESTION_QUESTION_EQUALS: "??=",
})

KEYWORDS: Final = frozenset({
    "elseif", "if", "else", "switch", "foreach", "from", "in", "for", "while", "until", "do",
    "try", "catch", "finally", "trap", "data", "return", "continue", "break", "exit", "throw",
    "begin", "process", "end", "dynamicparam", "function", "filter", "param", "class",
    "define", "var", "using", "workflow", "parallel", "sequence", "inlinescript",
    "configuration", "enum", "clean",
})
#: keywords that name the blocks of a script block
BLOCK_NAMES: Final = frozenset({"begin", "process", "end", "dynamicparam", "clean"})

_COMPARISON_BASES: Final = (
    "eq", "ne", "ge", "gt", "lt", "le", "like", "notlike", "match", "notmatch", "replace",
    "contains", "notcontains", "in", "notin", "split",
)
#: the operators written with a dash, by name, with their binary precedence (0: unary only)
OPERATOR_PRECEDENCE: Final = MappingProxyType({
    **{f"{case}{base}": 5 for base in _COMPARISON_BASES for case in ("", "i", "c")},
    "is": 5, "isnot": 5, "as": 5, "join": 5, "shl": 5, "shr": 5,
    "and": 1, "or": 1, "xor": 1,
    "band": 2, "bor": 2, "bxor": 2,
    "f": 12,
    "not": 0, "bnot": 0,
})
#: dash operators that are also (or only) prefix operators
UNARY_OPERATORS: Final = frozenset({"not", "bnot", "split", "isplit", "csplit", "join"})
SYMBOL_PRECEDENCE: Final = MappingProxyType({
    TK.DOT_DOT: 13, TK.MULTIPLY: 10, TK.DIVIDE: 10, TK.REM: 10, TK.PLUS: 9, TK.MINUS: 9,
    TK.QUESTION_QUESTION: 7,
})
SYMBOL_TEXT: Final = MappingProxyType({
    TK.DOT_DOT: "..", TK.MULTIPLY: "*", TK.DIVIDE: "/", TK.REM: "%", TK.PLUS: "+",
    TK.MINUS: "-", TK.QUESTION_QUESTION: "??",
})

#: PowerShell's messages (ParserStrings.resx) for the errors the tokenizer reports
TOKENIZER_MESSAGES: Final = MappingProxyType({
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "WhitespaceBeforeHereStringFooter":
        "White space is not allowed before the string terminator.",
    "UnexpectedCharactersAfterHereStringHeader":
        "No characters are allowed after a here-string header but before the end of the line.",
    "IncompleteDollarSubexpressionReference": "$(subexpression) is missing the closing ')'.",
    "IncompleteDollarVariableReference":
        "${variable} reference starting is missing the closing '}'.",
    "EmptyVariableReference":
        "An empty ${} variable reference was found. A name is required inside the braces.",
    "InvalidBracedVariableReference": "Variable reference is not valid. The variable name "
        "is missing.",
    "InvalidVariableReference": "Variable reference is not valid. '$' was not followed by a "
        "valid variable name character. Consider using ${} to delimit the name.",
    "InvalidVariableReferenceWithDrive": "Variable reference is not valid. ':' was not "
        "followed by a valid variable name character. Consider using ${} to delimit the name.",
    "OpenBraceNeedsToBeBackTickedInVariableName": "Use `{ instead of { in variable names.",
    "InvalidUnicodeEscapeSequence": "The Unicode escape sequence is not valid. A valid "
        "sequence is `u{ followed by one to six hex digits and a closing '}'.",
    "InvalidUnicodeEscapeSequenceValue":
        "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
    "MissingUnicodeEscapeSequenceTerminator":
        "The Unicode escape sequence is missing the closing '}'.",
    "TooManyDigitsInUnicodeEscapeSequence": "The Unicode escape sequence contains more than "
        "the maximum of six hex digits between braces.",
    "MissingTerminatorMultiLineComment":
        "The terminator '#>' is missing from the multiline comment.",
    "IncompleteString": "Incomplete string token.",
    "UnrecognizedToken": "Unrecognized token in source text.",
    "BadNumericConstant": "The numeric constant {0} is not valid.",
})

_BACKTICK: Final = MappingProxyType({
    "0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
    "v": "\v",
})

_INT32: Final = (-(2**31), 2**31 - 1)
_INT64: Final = (-(2**63), 2**63 - 1)
_DECIMAL_MAX: Final = 79228162514264337593543950335
_SUFFIX_RANGES: Final = MappingProxyType({
    "y": (-128, 127), "uy": (0, 255), "s": (-(2**15), 2**15 - 1), "us": (0, 2**16 - 1),
    "l": _INT64, "u": (0, 2**64 - 1), "ul": (0, 2**64 - 1),
})
_MULTIPLIERS: Final = MappingProxyType({
    "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4, "p": 1024**5,
})


class Token:
    """One token. ``start``/``end`` are offsets in the whole script; ``pos`` is where the
    tokenizer that made it started scanning it (to rewind to it)."""

    __slots__ = ("end", "error", "kind", "name", "parts", "pos", "scope", "source", "start",
                 "value")

    def __init__(self, kind: TK, source: str, pos: int, start: int, end: int,
                 name: str = "") -> None:
        self.kind = kind
        self.source = source
        self.pos = pos
        self.start = start
        self.end = end
        #: the token's meaning as text: a string's value (escapes done), a bare word's value,
        #: a variable's name (no scope), a parameter's name (no dash), an operator's or
        #: keyword's lower-case name, a label without its colon
        self.name = name
        #: a number's value; a parameter's "used a colon"; a redirection's
        #: (from_stream, append, to_stream); a nested subexpression's offset map
        self.value: object = None
        #: for expandable strings and bare words with '$': literal text and nested tokens
        self.parts: list[str | Token] | None = None
        self.scope: str | None = None
        self.error = False

    @property
    def text(self) -> str:
        return self.source[self.start:self.end]

    def __repr__(self) -> str:
        return f"Token({self.kind.name}, {self.text!r}, {self.start}:{self.end})"


#: reports an error: (start, end, error id, message, may it mean "incomplete input")
ErrorSink = Callable[[int, int, str, str, bool], None]


class _Builder:
    """Collects the value of an expandable string or bare word: its literal text (escapes
    processed) interleaved with the variables and subexpressions to expand."""

    __slots__ = ("lit", "parts", "value")

    def __init__(self) -> None:
        self.lit: list[str] = []
        self.parts: list[str | Token] = []
        self.value: list[str] = []

    def add(self, text: str) -> None:
        self.lit.append(text)
        self.value.append(text)

    def nested(self, token: Token, raw: str) -> None:
        if self.lit:
            self.parts.append("".join(self.lit))
            self.lit = []
        self.parts.append(token)
        self.value.append(raw)

    def finish(self) -> tuple[str, list[str | Token] | None]:
        value = "".join(self.value)
        if not self.parts:
            return value, None
        if self.lit:
            self.parts.append("".join(self.lit))
        return value, self.parts


class Tokenizer:
    """Scans one script (or one nested ``$( )`` of a string) on demand.

    ``text`` is what is scanned; offsets in it are mapped to offsets in the whole script by
    ``base`` or, when doubled quotes were collapsed in a nested subexpression, by ``omap``.
    """

    def __init__(self, text: str, source: str, error: ErrorSink, *, base: int = 0,
                 omap: list[int] | None = None) -> None:
        self.text = text
        self.source = source
        self.n = len(text)
        self.pos = 0
        self.base = base
        self.omap = omap
        self.error = error
        self.mode = Mode.COMMAND
        self.want_simple_name = False
        self.allow_signed_numbers = False
        self._subexpression_end = 0

    # -- positions --------------------------------------------------------------------------

    def abs(self, i: int) -> int:
        omap = self.omap
        if omap is None:
            return self.base + i
        return omap[i] if i < len(omap) else omap[-1]

    def _token(self, kind: TK, start: int, end: int, name: str = "") -> Token:
        if self.omap is None:
            base = self.base
            return Token(kind, self.source, start, base + start, base + end, name)
        return Token(kind, self.source, start, self.abs(start), self.abs(end), name)

    def _report(self, start: int, end: int, error_id: str, *args: str,
                incomplete: bool = False) -> None:
        message = TOKENIZER_MESSAGES[error_id]
        if args:
            message = message.format(*args)
        self.error(self.abs(start), self.abs(max(end, start)), error_id, message, incomplete)

    def resync(self, pos: int) -> None:
        self.pos = min(max(pos, 0), self.n)

    def at_end_of_text(self, pos: int) -> bool:
        return pos >= self.n

    # -- trivia ----------------------------------------------------------------------------

    def skip_newlines(self, skip_semis: bool) -> None:
        """Skip whitespace, newlines, comments and line continuations (and ';')."""
        text, n = self.text, self.n
        pos = self.pos
        while pos < n:
            c = text[pos]
            if c in WHITESPACE:
                pos = _WS_RE.match(text, pos).end()  # type: ignore[union-attr]
            elif c == "\n" or c == "\r" or (c == ";" and skip_semis):
                pos += 1
            elif c == "#":
                pos = _LINE_COMMENT_RE.match(text, pos).end()  # type: ignore[union-attr]
            elif c == "<" and text.startswith("#", pos + 1):
                pos = self._block_comment(pos)
            elif c == "`" and pos + 1 < n and (text[pos + 1] in "\r\n"
                                               or text[pos + 1].isspace()):
                pos += 2
            else:
                break
        self.pos = pos

    def _block_comment(self, start: int) -> int:
        m = _BLOCK_COMMENT_END.search(self.text, start + 2)
        if m is None:
            self._report(start, self.n, "MissingTerminatorMultiLineComment", incomplete=True)
            return self.n
        return m.end()

    # -- special requests from the parser -------------------------------------------------

    def restore_point(self) -> int:
        return self.pos

    def member_access_operator(self, allow_lbracket: bool) -> Token | None:
        """A '.', '::' or '[' right after an expression (no whitespace allowed before it)."""
        text, n = self.text, self.n
        pos = self.pos
        while text.startswith("<#", pos):
            pos = self._block_comment(pos)
        c = text[pos] if pos < n else "\0"
        if c == ".":
            c1 = text[pos + 1] if pos + 1 < n else "\0"
            if c1 == ".":
                return None
            if self.mode is Mode.COMMAND and (pos + 1 >= n or c1 in WHITESPACE
                                              or c1 in "\r\n"):
                return None
            self.pos = pos + 1
            return self._token(TK.DOT, pos, pos + 1)
        if c == ":":
            if not text.startswith("::", pos):
                return None
            c2 = text[pos + 2] if pos + 2 < n else "\0"
            if self.mode is Mode.COMMAND and (pos + 2 >= n or c2 in WHITESPACE
                                              or c2 in "\r\n"):
                return None
            self.pos = pos + 2
            return self._token(TK.COLON_COLON, pos, pos + 2)
        if c == "[" and allow_lbracket:
            self.pos = pos + 1
            return self._token(TK.LBRACKET, pos, pos + 1)
        if c == "?":
            # '${a}?.b' and '${a}?[0]' (PowerShell 7.1's null-conditional operators)
            c1 = text[pos + 1] if pos + 1 < n else "\0"
            if c1 == ".":
                c2 = text[pos + 2] if pos + 2 < n else "\0"
                if c2 == "." or (self.mode is Mode.COMMAND and (
                        pos + 2 >= n or c2 in WHITESPACE or c2 in "\r\n")):
                    return None
                self.pos = pos + 2
                return self._token(TK.QUESTION_DOT, pos, pos + 2)
            if c1 == "[" and allow_lbracket:
                self.pos = pos + 2
                return self._token(TK.QUESTION_LBRACKET, pos, pos + 2)
        return None

    def invoke_member_open_paren(self) -> Token | None:
        """The '(' (or '{') of a method call, right after the member name."""
        pos = self.pos
        if pos < self.n and self.text[pos] in "({":
            self.pos = pos + 1
            return self._token(TK.LPAREN if self.text[pos] == "(" else TK.LCURLY, pos, pos + 1)
        return None

    def lbracket(self) -> Token | None:
        """A '[' after optional whitespace and comments, or nothing (consumes nothing)."""
        text, n = self.text, self.n
        pos = self.pos
        while pos < n:
            c = text[pos]
            if c in WHITESPACE:
                pos = _WS_RE.match(text, pos).end()  # type: ignore[union-attr]
            elif c == "#":
                pos = _LINE_COMMENT_RE.match(text, pos).end()  # type: ignore[union-attr]
            elif c == "<" and text.startswith("#", pos + 1):
                pos = self._block_comment(pos)
            elif c == "[":
                self.pos = pos + 1
                return self._token(TK.LBRACKET, pos, pos + 1)
            else:
                break
        return None

    def verbatim_argument(self) -> Token:
        """The rest of the line after '--%', taken as it is."""
        text, n = self.text, self.n
        pos = _WS_RE.match(text, self.pos)
        start = pos.end() if pos else self.pos
        i = start
        in_quotes = False
        while i < n:
            c = text[i]
            if c in "\r\n":
                break
            if c in DOUBLE_QUOTES:
                in_quotes = not in_quotes
            elif not in_quotes and (c == "|" or text.startswith("&&", i)):
                break
            i += 1
        self.pos = i
        return self._token(TK.GENERIC, start, i, text[start:i])

    def assembly_name_spec(self) -> str:
        """The assembly part of '[Type, Assembly, Version=1.0]', as written."""
        text, n = self.text, self.n
        i = self.pos
        while i < n and text[i] not in "]\r\n":
            i += 1
        spec = text[self.pos:i].strip()
        self.pos = i
        return spec

    def pipe_continues(self, newline_end: int) -> bool:
        """After a newline: is the next thing, past comments but not past a blank line, a
        '|' that continues the pipeline (PowerShell 7.2's leading-pipe continuation)?"""
        text, n = self.text, self.n
        pos = newline_end
        line_is_blank = True
        while pos < n:
            c = text[pos]
            if c in WHITESPACE:
                pos += 1
            elif c in "\r\n":
                if line_is_blank:
                    return False
                line_is_blank = True
                pos += 2 if text.startswith("\r\n", pos) else 1
            elif c == "#":
                line_is_blank = False
                pos = _LINE_COMMENT_RE.match(text, pos).end()  # type: ignore[union-attr]
            elif c == "<" and text.startswith("#", pos + 1):
                line_is_blank = False
                m = _BLOCK_COMMENT_END.search(text, pos + 2)
                pos = m.end() if m else n
            else:
                return c == "|"
        return False

    # -- the main entry ---------------------------------------------------------------------

    def next_token(self) -> Token:
        text, n = self.text, self.n
        while True:
            start = pos = self.pos
            if pos >= n:
                return self._token(TK.END_OF_INPUT, n, n)
            c = text[pos]
            pos += 1
            c1 = text[pos] if pos < n else "\0"
            if c in WHITESPACE:
                self.pos = _WS_RE.match(text, start).end()  # type: ignore[union-attr]
                continue
            if c == "\n":
                self.pos = pos
                return self._token(TK.NEWLINE, start, pos)
            if c == "\r":
                if c1 == "\n":
                    pos += 1
                self.pos = pos
                return self._token(TK.NEWLINE, start, pos)
            if c == "#":
                self.pos = _LINE_COMMENT_RE.match(text, pos).end()  # type: ignore[union-attr]
                continue
            if is_identifier_start(c):
                return self._scan_identifier(start)
            if c == "$":
                if c1 == "(":
                    self.pos = pos + 1
                    return self._token(TK.DOLLAR_PAREN, start, pos + 1)
                return self._scan_variable(start, splatted=False, in_string=False)
            if c in "0789":
                return self._scan_number(start)
            if c in "123456":
                if c1 == ">":
                    return self._scan_numbered_redirection(start)
                return self._scan_number(start)
            if c == "-" or c in DASHES:
                return self._scan_dash(start)
            if c in SINGLE_QUOTES:
                return self._scan_string_literal(start)
            if c in DOUBLE_QUOTES:
                return self._scan_string_expandable(start)
            simple = _SIMPLE_PUNCTUATION.get(c)
            if simple is not None:
                self.pos = pos
                return self._token(simple, start, pos)
            if c == "`":
                if c1 in "\r\n" and pos < n:
                    self.pos = pos + (2 if text.startswith("\r\n", pos) else 1)
                    continue
                if pos < n and c1.isspace():
                    self.pos = pos + 1
                    continue
                if pos >= n:
                    self.pos = n
                    self._report(n, n, "IncompleteString", incomplete=True)
                    continue
                char, after = self._backtick(pos)
                builder = _Builder()
                builder.add(char)
                return self._scan_generic(start, after, builder)
            return self._scan_other(start, c, c1)

    def _scan_other(self, start: int, c: str, c1: str) -> Token:
        text, n = self.text, self.n
        pos = start + 1
        command = self.mode is Mode.COMMAND
        if c == "@":
            if c1 == "{":
                self.pos = pos + 1
                return self._token(TK.AT_CURLY, start, pos + 1)
            if c1 == "(":
                self.pos = pos + 1
                return self._token(TK.AT_PAREN, start, pos + 1)
            if c1 in SINGLE_QUOTES:
                return self._scan_here_string(start, literal=True)
            if c1 in DOUBLE_QUOTES:
                return self._scan_here_string(start, literal=False)
            if pos < n and is_variable_start(c1):
                return self._scan_variable(start, splatted=True, in_string=False)
            self.pos = pos
            self._report(start, pos, "UnrecognizedToken")
            return self._token(TK.UNKNOWN, start, pos, "@")
        if c == "=":
            return self._operator_or_generic(start, 1, TK.EQUALS)
        if c == "+":
            if c1 == "+":
                return self._operator_or_generic(start, 2, TK.PLUS_PLUS)
            if c1 == "=":
                return self._operator_or_generic(start, 2, TK.PLUS_EQUALS)
            if self.allow_signed_numbers and (c1.isdigit() or c1 == "."):
                return self._scan_number(start)
            return self._operator_or_generic(start, 1, TK.PLUS)
        if c == "*":
            if c1 == "=":
                return self._operator_or_generic(start, 2, TK.MULTIPLY_EQUALS)
            if c1 == ">":
                if text.startswith(">", pos + 1):
                    return self._redirection(start, pos + 2, "*", append=True)
                if text.startswith("&1", pos + 1):
                    return self._merge_redirection(start, pos + 3, "*", "1")
                return self._redirection(start, pos + 1, "*", append=False)
            return self._operator_or_generic(start, 1, TK.MULTIPLY)
        if c == "/":
            if c1 == "=":
                return self._operator_or_generic(start, 2, TK.DIVIDE_EQUALS)
            return self._operator_or_generic(start, 1, TK.DIVIDE)
        if c == "%":
            if c1 == "=":
                return self._operator_or_generic(start, 2, TK.REMAINDER_EQUALS)
            return self._operator_or_generic(start, 1, TK.REM)
        if c == "<":
            if c1 == "#":
                self.pos = self._block_comment(start)
                return self.next_token()
            self.pos = pos
            return self._token(TK.REDIRECT_IN, start, pos)
        if c == ">":
            if c1 == ">":
                return self._redirection(start, pos + 1, "1", append=True)
            return self._redirection(start, pos, "1", append=False)
        if c == "[":
            if command and c1 not in FORCE_START:
                builder = _Builder()
                builder.add("[")
                return self._scan_generic(start, pos, builder)
            self.pos = pos
            return self._token(TK.LBRACKET, start, pos)
        if c == ".":
            return self._scan_dot(start, c1)
        if c == "&":
            if c1 == "&":
                self.pos = pos + 1
                return self._token(TK.AND_AND, start, pos + 1)
            self.pos = pos
            return self._token(TK.AMPERSAND, start, pos)
        if c == "|":
            if c1 == "|":
                self.pos = pos + 1
                return self._token(TK.OR_OR, start, pos + 1)
            self.pos = pos
            return self._token(TK.PIPE, start, pos)
        if c == "!":
            if (command and c1 not in FORCE_START) or (
                    self.mode is Mode.EXPRESSION and pos < n and is_identifier_start(c1)):
                builder = _Builder()
                builder.add("!")
                return self._scan_generic(start, pos, builder)
            self.pos = pos
            return self._token(TK.EXCLAIM, start, pos)
        if c == ":":
            if c1 == ":":
                if command and not self.want_simple_name and (
                        pos + 1 < n and text[pos + 1] not in FORCE_START):
                    builder = _Builder()
                    builder.add("::")
                    return self._scan_generic(start, pos + 1, builder)
                self.pos = pos + 1
                return self._token(TK.COLON_COLON, start, pos + 1)
            if command:
                return self._scan_label(start)
            self.pos = pos
            return self._token(TK.COLON, start, pos)
        if c == "?" and self.mode is Mode.EXPRESSION:
            if c1 == "?":
                if text.startswith("=", pos + 1):
                    self.pos = pos + 2
                    return self._token(TK.QUESTION_QUESTION_EQUALS, start, pos + 2)
                self.pos = pos + 1
                return self._token(TK.QUESTION_QUESTION, start, pos + 1)
            self.pos = pos
            return self._token(TK.QUESTION_MARK, start, pos)
        if c == "\0" or c in FORCE_START:
            # a NUL character (not the end of the input): a one-character bare word
            self.pos = pos
            return self._token(TK.GENERIC, start, pos, c)
        builder = _Builder()
        builder.add(c)
        return self._scan_generic(start, pos, builder)

    def _operator_or_generic(self, start: int, length: int, kind: TK) -> Token:
        end = start + length
        if self.mode is Mode.COMMAND and end < self.n and self.text[end] not in FORCE_START:
            builder = _Builder()
            builder.add(self.text[start:end])
            return self._scan_generic(start, end, builder)
        self.pos = end
        return self._token(kind, start, end)

    # -- redirections ------------------------------------------------------------------------

    def _redirection(self, start: int, end: int, stream: str, *, append: bool,
                     explicit: bool = False) -> Token:
        if explicit and self.mode is Mode.EXPRESSION:
            # '2>' in an expression is the number 2 followed by '>'
            self.pos = start + 1
            token = self._token(TK.NUMBER, start, start + 1)
            token.value = int(self.text[start])
            return token
        self.pos = end
        token = self._token(TK.REDIRECTION, start, end)
        token.value = (stream, append, None)
        return token

    def _merge_redirection(self, start: int, end: int, stream: str, to: str) -> Token:
        self.pos = end
        token = self._token(TK.REDIRECTION, start, end)
        token.value = (stream, False, to)
        return token

    def _scan_numbered_redirection(self, start: int) -> Token:
        text = self.text
        stream = text[start]
        pos = start + 2
        if text.startswith(">", pos):
            return self._redirection(start, pos + 1, stream, append=True, explicit=True)
        if text.startswith("&", pos) and pos + 1 < self.n and text[pos + 1] in "12":
            return self._merge_redirection(start, pos + 2, stream, text[pos + 1])
        return self._redirection(start, pos, stream, append=False, explicit=True)

    # -- words -----------------------------------------------------------------------------

    def _scan_identifier(self, start: int) -> Token:
        text = self.text
        m = _WORD_RE.match(text, start)
        end = m.end() if m else start + 1
        mode = self.mode
        if mode is Mode.TYPENAME:
            end = _TYPENAME_RE.match(text, end).end()  # type: ignore[union-attr]
            self.pos = end
            return self._token(TK.IDENTIFIER, start, end, text[start:end])
        c = text[end] if end < self.n else "\0"
        word = text[start:end]
        if mode is Mode.COMMAND and not self.want_simple_name:
            if c not in FORCE_START:
                builder = _Builder()
                builder.add(word)
                return self._scan_generic(start, end, builder)
            lower = word.lower()
            if lower in KEYWORDS:
                self.pos = end
                return self._token(TK.KEYWORD, start, end, lower)
        self.pos = end
        return self._token(TK.IDENTIFIER, start, end, word)

    def _scan_generic(self, start: int, pos: int, builder: _Builder) -> Token:
        """A bare word: everything up to a character that ends a token. Quoted parts lose
        their quotes, backticks escape, and '$var' / '$( )' make it expandable."""
        text, n = self.text, self.n
        while pos < n:
            m = _GENERIC_RUN.match(text, pos)
            if m is not None:
                builder.add(m.group())
                pos = m.end()
                if pos >= n:
                    break
            c = text[pos]
            if c in FORCE_START:
                break
            if c == "`":
                if pos + 1 < n:
                    char, pos = self._backtick(pos + 1)
                    builder.add(char)
                else:
                    builder.add("`")
                    pos += 1
            elif c in SINGLE_QUOTES:
                value, pos, _ = self._single_quoted_body(pos + 1, pos)
                builder.add(value)
            elif c in DOUBLE_QUOTES:
                pos, _ = self._double_quoted_body(pos + 1, pos, builder)
            else:  # '$'
                pos = self._dollar_in_string(pos, builder, here=False)
        self.pos = pos
        value, parts = builder.finish()
        token = self._token(TK.GENERIC, start, pos, value)
        token.parts = parts
        return token

    def _scan_label(self, start: int) -> Token:
        text, n = self.text, self.n
        pos = start + 1
        c = text[pos] if pos < n else "\0"
        if pos >= n or not is_identifier_start(c):
            builder = _Builder()
            builder.add(":")
            if pos >= n:
                self.pos = pos
                return self._token(TK.GENERIC, start, pos, ":")
            return self._scan_generic(start, pos, builder)
        m = _WORD_RE.match(text, pos)
        end = m.end() if m else pos + 1
        if end < n and text[end] not in FORCE_START:
            builder = _Builder()
            builder.add(text[start:end])
            return self._scan_generic(start, end, builder)
        self.pos = end
        return self._token(TK.LABEL, start, end, text[pos:end])

    def _scan_dot(self, start: int, c1: str) -> Token:
        text, n = self.text, self.n
        pos = start + 1
        command = self.mode is Mode.COMMAND
        if c1 == ".":
            c2 = text[pos + 1] if pos + 1 < n else "\0"
            if command and pos + 1 < n and c2 not in FORCE_START:
                builder = _Builder()
                builder.add(".")
                return self._scan_generic(start, pos, builder)
            self.pos = pos + 1
            return self._token(TK.DOT_DOT, start, pos + 1)
        if "0" <= c1 <= "9":
            return self._scan_number(start)
        if command and pos < n and c1 not in FORCE_START and c1 != "$" and (
                c1 not in DOUBLE_QUOTES) and c1 not in SINGLE_QUOTES:
            builder = _Builder()
            builder.add(".")
            return self._scan_generic(start, pos, builder)
        self.pos = pos
        return self._token(TK.DOT, start, pos)

    def _scan_dash(self, start: int) -> Token:
        text, n = self.text, self.n
        pos = start + 1
        c1 = text[pos] if pos < n else "\0"
        if c1 in DASHES:
            return self._operator_or_generic(start, 2, TK.MINUS_MINUS)
        if c1 == "=":
            return self._operator_or_generic(start, 2, TK.MINUS_EQUALS)
        if pos < n and (c1.isalpha() or c1 == "_" or c1 == "?"):
            return self._scan_parameter(start)
        if self.allow_signed_numbers and (c1.isdigit() or c1 == "."):
            return self._scan_number(start)
        return self._operator_or_generic(start, 1, TK.MINUS)

    def _scan_parameter(self, start: int) -> Token:
        """'-Name', '-Name:' (command mode) or an operator '-eq' (expression mode)."""
        text, n = self.text, self.n
        command = self.mode is Mode.COMMAND
        pos = start + 1
        colon = False
        name_end = -1
        while pos < n:
            c = text[pos]
            if c in WHITESPACE or c in "{}();,|&.[\r\n\0":
                break
            if c == ":":
                colon = True
                if command:
                    name_end = pos
                    pos += 1
                break
            if ("a" <= c <= "z") or ("A" <= c <= "Z"):
                pos += 1
                continue
            if c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
                if command:
                    # quotes are never part of a parameter: the whole is an argument
                    builder = _Builder()
                    builder.add(text[start:pos])
                    return self._scan_generic(start, pos, builder)
                break
            if not command:
                break
            pos += 1
        name = text[start + 1:name_end if name_end >= 0 else pos]
        self.pos = pos
        if not command:
            lower = name.lower()
            if lower in OPERATOR_PRECEDENCE:
                return self._token(TK.OPERATOR, start, pos, lower)
        if not name:
            return self._token(TK.MINUS, start, pos)
        token = self._token(TK.PARAMETER, start, pos, name)
        token.value = colon
        return token

    # -- variables -------------------------------------------------------------------------

    def _scan_variable(self, start: int, *, splatted: bool, in_string: bool) -> Token:
        """'$name', '${any name}', '$scope:name', '@splat' (start is at the sigil)."""
        text, n = self.text, self.n
        pos = start + 1
        command = self.mode is Mode.COMMAND
        c = text[pos] if pos < n else "\0"
        if c == "{" and not splatted:
            return self._scan_braced_variable(start, in_string)
        if pos >= n or not is_variable_start(c):
            builder = _Builder()
            builder.add("$")
            return self._scan_generic(start, pos, builder)
        pos += 1
        if c not in "$?^":
            while pos < n:
                c = text[pos]
                if c.isalnum() or c == "_" or c == "?":
                    m = _WORD_RE.match(text, pos)
                    pos = m.end() if m and m.end() > pos else pos + 1
                    continue
                if c == ":":
                    if text.startswith("::", pos):
                        break
                    pos += 1
                    continue
                if c in FORCE_START or c in ".[=":
                    break
                if command:
                    return self._restart_as_generic(start)
                break
        elif command and pos < n and text[pos] not in FORCE_START:
            return self._restart_as_generic(start)
        self.pos = pos
        return self._variable_token(start, pos, text[start + 1:pos], splatted)

    def _restart_as_generic(self, start: int) -> Token:
        return self._scan_generic(start, start, _Builder())

    def _scan_braced_variable(self, start: int, in_string: bool) -> Token:
        text, n = self.text, self.n
        pos = start + 2
        chars: list[str] = []
        closed = False
        while pos < n:
            c = text[pos]
            if c == "}":
                closed = True
                pos += 1
                break
            if c == "`":
                if pos + 1 >= n:
                    pos += 1
                    break
                char, pos = self._backtick(pos + 1)
                chars.append(char)
                continue
            if c in DOUBLE_QUOTES and in_string:
                if pos + 1 >= n:
                    pos += 1
                    break
                if text[pos + 1] in DOUBLE_QUOTES:
                    chars.append(text[pos + 1])
                    pos += 2
                    continue
            elif c == "{":
                self._report(pos + 1, pos + 2, "OpenBraceNeedsToBeBackTickedInVariableName")
            chars.append(c)
            pos += 1
        name = "".join(chars)
        if not closed:
            self._report(start + 1, pos, "IncompleteDollarVariableReference", incomplete=True)
        if not name:
            if closed:
                self._report(pos - 1, pos, "EmptyVariableReference")
            name = ":Error:"
        if self.mode is Mode.COMMAND and pos < n and text[pos] not in FORCE_START and (
                text[pos] not in ".["):
            return self._restart_as_generic(start)
        self.pos = pos
        token = self._variable_token(start, pos, name, False, braced=True)
        return token

    def _variable_token(self, start: int, end: int, path: str, splatted: bool,
                        braced: bool = False) -> Token:
        scope: str | None = None
        name = path
        colon = path.find(":")
        if colon > 0:
            scope = path[:colon].lower()
            name = path[colon + 1:]
            if not name:
                error = ("InvalidBracedVariableReference" if braced
                         else "InvalidVariableReferenceWithDrive")
                self._report(start, end, error)
        elif not path:
            self._report(start, end, "InvalidVariableReference")
        token = self._token(TK.SPLATTED_VARIABLE if splatted else TK.VARIABLE, start, end, name)
        token.scope = scope
        return token

    # -- strings ---------------------------------------------------------------------------

    def _backtick(self, pos: int) -> tuple[str, int]:
        """The character a backtick escape at ``pos`` (just after the '`') stands for."""
        c = self.text[pos]
        if c == "u":
            return self._unicode_escape(pos + 1)
        return _BACKTICK.get(c, c), pos + 1

    def _unicode_escape(self, pos: int) -> tuple[str, int]:
        text, n = self.text, self.n
        start = pos - 2
        if pos >= n or text[pos] != "{":
            self._report(start, pos, "InvalidUnicodeEscapeSequence")
            return "\uffff", pos
        i = pos + 1
        digits = 0
        while i < n and text[i] in "0123456789abcdefABCDEF" and digits < 7:
            i += 1
            digits += 1
        if digits > 6:
            self._report(i - 1, i, "TooManyDigitsInUnicodeEscapeSequence")
            return "\uffff", i - 1
        if i >= n or text[i] != "}":
            error = ("InvalidUnicodeEscapeSequence" if digits < 6
                     else "MissingUnicodeEscapeSequenceTerminator")
            self._report(i, i + 1, error)
            return "\uffff", i
        if digits == 0:
            self._report(start, i + 1, "InvalidUnicodeEscapeSequence")
            return "\uffff", i + 1
        value = int(text[pos + 1:i], 16)
        if value > 0x10FFFF:
            self._report(start + 3, i, "InvalidUnicodeEscapeSequenceValue")
            return "\uffff", i + 1
        return chr(value), i + 1

    def _single_quoted_body(self, pos: int, quote: int) -> tuple[str, int, bool]:
        """Scan after an opening single quote: (value, position after, terminated)."""
        text, n = self.text, self.n
        chunks: list[str] = []
        while pos < n:
            m = _SQ_RUN.match(text, pos)
            if m is not None:
                chunks.append(m.group())
                pos = m.end()
                if pos >= n:
                    break
            # a quote: doubled is an escaped quote, single ends the string
            if pos + 1 < n and text[pos + 1] in SINGLE_QUOTES:
                chunks.append(text[pos + 1])
                pos += 2
                continue
            return "".join(chunks), pos + 1, True
        self._report(quote, n, "TerminatorExpectedAtEndOfString", "'", incomplete=True)
        return "".join(chunks), n, False

    def _double_quoted_body(self, pos: int, quote: int, builder: _Builder) -> tuple[int, bool]:
        """Scan after an opening double quote into ``builder``: (position after, ended)."""
        text, n = self.text, self.n
        while pos < n:
            m = _DQ_RUN.match(text, pos)
            if m is not None:
                builder.add(m.group())
                pos = m.end()
                if pos >= n:
                    break
            c = text[pos]
            if c in DOUBLE_QUOTES:
                if pos + 1 < n and text[pos + 1] in DOUBLE_QUOTES:
                    builder.add(text[pos + 1])
                    pos += 2
                    continue
                return pos + 1, True
            if c == "`":
                if pos + 1 < n:
                    char, pos = self._backtick(pos + 1)
                    builder.add(char)
                else:
                    builder.add("`")
                    pos += 1
                continue
            pos = self._dollar_in_string(pos, builder, here=False)
        self._report(quote, n, "TerminatorExpectedAtEndOfString", '"', incomplete=True)
        return n, False

    def _dollar_in_string(self, pos: int, builder: _Builder, *, here: bool) -> int:
        """At a '$' in an expandable string: a variable or subexpression, else a plain '$'."""
        text, n = self.text, self.n
        c1 = text[pos + 1] if pos + 1 < n else "\0"
        nested: Token | None = None
        if c1 == "(":
            nested = self._scan_subexpression(pos, here)
        elif pos + 1 < n and (is_variable_start(c1) or c1 == "{"):
            old_mode, old_pos = self.mode, self.pos
            self.mode = Mode.EXPRESSION
            try:
                if c1 == "{":
                    nested = self._scan_braced_variable(pos, in_string=True)
                else:
                    nested = self._scan_variable(pos, splatted=False, in_string=True)
                end = self.pos
            finally:
                self.mode, self.pos = old_mode, old_pos
            if nested.kind is not TK.VARIABLE:
                nested = None
            else:
                builder.nested(nested, text[pos:end])
                return end
        if nested is None:
            builder.add("$")
            return pos + 1
        end = self._subexpression_end
        builder.nested(nested, text[pos:end])
        return end

    def _scan_subexpression(self, start: int, here: bool) -> Token:
        """'$( ... )' inside a string: balanced parentheses, kept unscanned for the parser.
        Outside here-strings, a doubled quote (or backtick-quote) stands for one quote."""
        text, n = self.text, self.n
        pos = start + 2
        depth = 1
        kept: list[str] = ["$("]
        skipped: list[int] = []
        chunk = pos
        while pos < n:
            c = text[pos]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    pos += 1
                    break
            elif (c == "`" or c in DOUBLE_QUOTES) and not here and pos + 1 < n and (
                    text[pos + 1] in DOUBLE_QUOTES):
                kept.append(text[chunk:pos])
                skipped.append(pos)
                pos += 1
                chunk = pos
            pos += 1
        else:
            self._report(start, n, "IncompleteDollarSubexpressionReference", incomplete=True)
        kept.append(text[chunk:pos])
        nested_text = "".join(kept)
        token = self._token(TK.SUBEXPRESSION, start, pos, nested_text)
        if skipped or self.omap is not None:
            skip = set(skipped)
            omap = [self.abs(i) for i in range(start, pos) if i not in skip]
            omap.append(self.abs(pos))
            token.value = omap
        self._subexpression_end = pos
        return token

    def _scan_string_literal(self, start: int) -> Token:
        value, end, ended = self._single_quoted_body(start + 1, start)
        self.pos = end
        token = self._token(TK.STRING_LITERAL, start, end, value)
        token.error = not ended
        return token

    def _scan_string_expandable(self, start: int) -> Token:
        builder = _Builder()
        end, ended = self._double_quoted_body(start + 1, start, builder)
        self.pos = end
        value, parts = builder.finish()
        token = self._token(TK.STRING_EXPANDABLE, start, end, value)
        token.parts = parts
        token.error = not ended
        return token

    def _scan_here_string(self, start: int, *, literal: bool) -> Token:
        text, n = self.text, self.n
        quotes = SINGLE_QUOTES if literal else DOUBLE_QUOTES
        kind = TK.HERE_STRING_LITERAL if literal else TK.HERE_STRING_EXPANDABLE
        footer = "'@" if literal else '"@'
        pos = start + 2
        m = _WS_RE.match(text, pos)
        if m is not None:
            pos = m.end()
        if pos < n and text[pos] in "\r\n":
            pos += 2 if text.startswith("\r\n", pos) else 1
        else:
            if pos >= n:
                self._report(start, n, "TerminatorExpectedAtEndOfString", footer,
                             incomplete=True)
            else:
                self._report(pos, pos + 1, "UnexpectedCharactersAfterHereStringHeader")
                while pos < n and text[pos] not in "\r\n":
                    if text[pos] in quotes and text.startswith("@", pos + 1):
                        pos += 2
                        break
                    pos += 1
            self.pos = pos
            token = self._token(kind, start, pos, "")
            token.error = True
            return token
        builder = _Builder()
        false_footer = -1
        at_line_start = True
        run = _HERE_LITERAL_RUN if literal else _HERE_EXPANDABLE_RUN
        while True:
            if at_line_start:
                at_line_start = False
                if pos < n and text[pos] in quotes and text.startswith("@", pos + 1):
                    pos += 2
                    break
                ws = _WS_RE.match(text, pos)
                if ws is not None and false_footer < 0:
                    after = ws.end()
                    if after < n and text[after] in quotes and text.startswith("@", after + 1):
                        false_footer = after
            if pos >= n:
                if false_footer >= 0:
                    self._report(false_footer, n, "WhitespaceBeforeHereStringFooter",
                                 incomplete=True)
                else:
                    self._report(start, n, "TerminatorExpectedAtEndOfString", footer,
                                 incomplete=True)
                self.pos = n
                value, parts = builder.finish()
                token = self._token(kind, start, n, value)
                token.parts = parts
                token.error = True
                return token
            m = run.match(text, pos)
            if m is not None:
                builder.add(m.group())
                pos = m.end()
                continue
            c = text[pos]
            if c in "\r\n":
                newline_end = pos + (2 if text.startswith("\r\n", pos) else 1)
                if newline_end < n and text[newline_end] in quotes and (
                        text.startswith("@", newline_end + 1)):
                    pos = newline_end + 2
                    break
                builder.add(text[pos:newline_end])
                pos = newline_end
                at_line_start = True
            elif c == "`":
                if pos + 1 < n:
                    char, pos = self._backtick(pos + 1)
                    builder.add(char)
                else:
                    builder.add("`")
                    pos += 1
            else:  # '$'
                pos = self._dollar_in_string(pos, builder, here=True)
        self.pos = pos
        value, parts = builder.finish()
        token = self._token(kind, start, pos, value)
        token.parts = parts
        return token

    # -- numbers ---------------------------------------------------------------------------

    def _scan_number(self, start: int) -> Token:
        scanned = self._number_shape(start)
        if scanned is None:
            return self._restart_as_generic(start)
        end, sign, digits, fmt, suffix, real, multiplier = scanned
        value = _number_value(sign, digits, fmt, suffix, real, multiplier)
        if value is None:
            if self.mode is not Mode.EXPRESSION:
                return self._restart_as_generic(start)
            self._report(end, end + 1, "BadNumericConstant", self.text[start:end])
        self.pos = end
        token = self._token(TK.NUMBER, start, end)
        token.value = value
        return token

    def _number_shape(
            self, start: int) -> tuple[int, str, str, str, str, bool, int] | None:
        text, n = self.text, self.n
        pos = start
        sign = ""
        if text[pos] in DASHES or text[pos] == "+":
            sign = "+" if text[pos] == "+" else "-"
            pos += 1
        not_number = False
        real = False
        fmt = "dec"
        c = text[pos] if pos < n else "\0"
        if c == ".":
            m = _DIGITS_RE.match(text, pos + 1)
            digits = "0." + m.group()  # type: ignore[union-attr]
            pos = m.end()  # type: ignore[union-attr]
            real = True
            if pos < n and text[pos] in "eE":
                pos, exponent, ok = self._exponent(pos + 1)
                digits += "e" + exponent
                not_number = not ok
        elif c == "0" and pos + 1 < n and text[pos + 1] in "xXbB":
            fmt = "hex" if text[pos + 1] in "xX" else "bin"
            m = (_HEX_RE if fmt == "hex" else _BIN_RE).match(text, pos + 2)
            digits = m.group()  # type: ignore[union-attr]
            pos = m.end()  # type: ignore[union-attr]
        else:
            m = _DIGITS_RE.match(text, pos)
            digits = m.group()  # type: ignore[union-attr]
            pos = m.end()  # type: ignore[union-attr]
            if not digits:
                return None
            c = text[pos] if pos < n else "\0"
            if c == "." and not text.startswith("..", pos):
                m = _DIGITS_RE.match(text, pos + 1)
                digits += "." + m.group()  # type: ignore[union-attr]
                pos = m.end()  # type: ignore[union-attr]
                real = True
                if pos < n and text[pos] in "eE":
                    pos, exponent, ok = self._exponent(pos + 1)
                    digits += "e" + exponent
                    not_number = not ok
            elif c in "eE":
                real = True
                pos, exponent, ok = self._exponent(pos + 1)
                digits += "e" + exponent
                not_number = not ok
        suffix = ""
        c = text[pos] if pos < n else "\0"
        if c in "dDlLnNsSuUyY":
            suffix = c.lower()
            pos += 1
            c = text[pos] if pos < n else "\0"
            if c in "dDlLnNsSuUyY":
                pos += 1
                if suffix == "u" and c in "lLsSyY":
                    suffix += c.lower()
                else:
                    not_number = True
                c = text[pos] if pos < n else "\0"
        multiplier = 1
        if c in "kKmMgGtTpP":
            multiplier = _MULTIPLIERS[c.lower()]
            pos += 1
            if pos < n and text[pos] in "bB":
                pos += 1
            else:
                not_number = True
            c = text[pos] if pos < n else "\0"
        if pos < n and c not in FORCE_START and (
                self.mode is not Mode.EXPRESSION or c not in _FORCE_AFTER_NUMBER):
            not_number = True
        if not_number:
            return None
        return pos, sign, digits, fmt, suffix, real, multiplier

    def _exponent(self, pos: int) -> tuple[int, str, bool]:
        text = self.text
        sign = ""
        if pos < self.n and (text[pos] == "+" or text[pos] in DASHES):
            sign = "+" if text[pos] == "+" else "-"
            pos += 1
        m = _DIGITS_RE.match(text, pos)
        digits = m.group()  # type: ignore[union-attr]
        return m.end(), sign + (digits or "0"), bool(digits)  # type: ignore[union-attr]


_SIMPLE_PUNCTUATION: Final = MappingProxyType({
    "(": TK.LPAREN, ")": TK.RPAREN, "{": TK.LCURLY, "}": TK.RCURLY, "]": TK.RBRACKET,
    ";": TK.SEMI, ",": TK.COMMA,
})


def _fits(value: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _number_value(sign: str, digits: str, fmt: str, suffix: str, real: bool,
                  multiplier: int) -> int | float | Decimal | None:
    """A number's value as PowerShell computes it (TryGetNumberValue), or None if invalid.
    Integers widen int32 -> int64 -> decimal -> double; hex literals of 8 or 16 digits are
    two's complement (0xFFFFFFFF is -1)."""
    try:
        if real:
            if suffix == "d":
                return Decimal(sign + digits) * multiplier
            number = float(sign + digits) * multiplier
            if not suffix:
                return number
            if suffix in ("u", "ul", "uy", "us", "y", "s", "l", "n"):
                if number != number or number in (float("inf"), float("-inf")):
                    return None
                whole = round(number)
                if suffix == "n" or _fits(whole, _SUFFIX_RANGES[suffix]):
                    return whole
            return None
        if fmt == "hex":
            if not digits:
                return None
            value = int(digits, 16)
            length = len(digits) + 1
            if "u" not in suffix and len(digits) % 8 == 0:
                length -= 1
                if digits[0] in "89abcdefABCDEF":
                    value -= 1 << (4 * len(digits))
            if length == 16 and suffix in ("", "u"):
                suffix += "l"
        elif fmt == "bin":
            if not digits:
                return None
            value = int(digits, 2)
            if "u" not in suffix and len(digits) in (32, 64) and digits[0] == "1":
                value -= 1 << len(digits)
            if len(digits) == 64 and suffix in ("", "u"):
                suffix += "l"
        else:
            value = int(digits)
        if sign == "-":
            value = -value
        value *= multiplier
        if not suffix:
            if _fits(value, _INT32) or _fits(value, _INT64):
                return value
            if fmt != "dec":
                return None
            if abs(value) <= _DECIMAL_MAX:
                return Decimal(value)
            return float(value)
        if suffix == "n":
            return value
        if suffix == "d":
            return Decimal(value) if abs(value) <= _DECIMAL_MAX else None
        if suffix == "u" and _fits(value, (0, 2**32 - 1)):
            return value
        return value if _fits(value, _SUFFIX_RANGES[suffix]) else None
    except (ValueError, OverflowError, InvalidOperation, KeyError):
        return None
