"""The operators of the language: what ``left <op> right`` and ``<op> operand`` compute.

Operator names are the AST's: lower-case, no dash (``"+"``, ``"ieq"``, ``"csplit"``,
``".."``, ``"f"``). ``and``/``or`` (short-circuit), ``++``/``--`` and assignment are the
evaluator's. Everything follows PowerShell 7 (about_Operators, about_Arithmetic_Operators,
about_Comparison_Operators, about_Split, about_Join, about_Type_Operators) and, where the
topics are silent, what pwsh does:

- arithmetic is decided by the LEFT operand: a string concatenates (``'1' + 2`` is ``12``),
  a number adds (``1 + '2'`` is 3), an array concatenates, a hashtable merges, a date adds a
  TimeSpan. Integers widen: an Int32 result that overflows becomes a Double (``512MB *
  512MB``), ``7 / 2`` is 3.5 and ``6 / 3`` is 2; a decimal operand makes the result decimal;
- comparison operators are case-insensitive (``c`` forms are not); with a collection on the
  left they filter it and return the matching elements as a list;
- ``-match`` on a scalar delivers ``$Matches`` through ``OperatorContext.set_matches``;
- ``..`` returns a list of ints (or of chars for ``'a'..'e'``);
- ``-f`` is .NET composite formatting in the en-US culture (``asrsim.lang.dotnet_format``).

No Python exception other than RuntimeException (and its subclasses) leaves
:func:`binary` or :func:`unary`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, DecimalException
from typing import Any

from asrsim.lang import conversions as C
from asrsim.lang.conversions import Char, Single
from asrsim.lang.dotnet_format import EN_US, DotNetFormatError, format_composite, format_datetime
from asrsim.lang.errors import PSException, RuntimeException
from asrsim.lang.psobject import NOTHING, Hashtable, PSObject
from asrsim.lang.types import PSType, TypedArray, TypeRegistry

__all__ = [
    "OperatorContext",
    "binary",
    "expand_replacement",
    "match_object",
    "split_options",
    "unary",
    "wildcard_match",
    "wildcard_regex",
]

#: the most elements ``..``, ``@() * n`` build, and the most characters ``'s' * n`` does: a
#: bound the simulator keeps so that a typo cannot exhaust memory (PowerShell goes on until
#: .NET throws OutOfMemoryException, which is the error given here)
MAX_ELEMENTS = 2_000_000
MAX_CHARS = 50_000_000

#: operators that take an ``i``/``c`` prefix
_CASE_OPERATORS = frozenset({
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains",
    "notcontains", "in", "notin", "replace", "split",
})
_METHOD_NAMES = {"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply",
                 "/": "op_Division", "%": "op_Modulus"}
#: SplitOptions, in the order PowerShell lists them
_SPLIT_OPTIONS = {"simplematch": 1, "regexmatch": 2, "cultureinvariant": 4,
                  "ignorepatternwhitespace": 8, "multiline": 16, "singleline": 32,
                  "ignorecase": 64, "explicitcapture": 128}
_SPLIT_OPTION_NAMES = ("SimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, "
                       "Multiline, Singleline, IgnoreCase, ExplicitCapture")
_PYTHON_ERRORS = (ArithmeticError, ValueError, TypeError, IndexError, KeyError,
                  AttributeError, RecursionError, MemoryError)
_WHITESPACE = re.compile(r"[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
                         r"\u3000]+")


@dataclass
class OperatorContext:
    """What the operators need from the session.

    ``set_matches`` receives the ``$Matches`` table after a successful ``-match`` /
    ``-notmatch`` on a scalar (it is never called when the match fails: $Matches keeps its
    old value, as in PowerShell). ``invoke_script_block(block, args)`` runs a script block
    with ``$_`` set to ``args[0]`` (and ``$args`` to the rest, if the caller can): ``-replace``
    passes ``[match]``, ``-split`` passes ``[char, whole_string, index]``.
    """

    types: TypeRegistry
    set_matches: Callable[[Hashtable | None], None]
    invoke_script_block: Callable[[Any, list[Any]], Any] | None = None


def _base(value: Any) -> Any:
    return None if value is NOTHING else value


def _is_collection(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _parse(op: str) -> tuple[str, bool]:
    """(operator without its case prefix, case-sensitive)."""
    name = op.lower()
    if len(name) > 1 and name[0] == "-" and name[1].isalpha():
        name = name[1:]  # "-eq" as well as "eq"
    if name in _CASE_OPERATORS:
        return name, False
    if len(name) > 1 and name[0] in "ic" and name[1:] in _CASE_OPERATORS:
        return name[1:], name[0] == "c"
    return name, False


# -- errors ----------------------------------------------------------------------------------


def _method_not_found(value: Any, method: str) -> RuntimeException:
    name = C.type_name_of(value) or "System.Object"
    if isinstance(value, PSObject) and name == C.PSCUSTOMOBJECT:
        name = "System.Management.Automation.PSObject"
    return RuntimeException(
        f"Method invocation failed because [{name}] does not contain a method named "
        f"'{method}'.", "MethodNotFound", "InvalidOperation", target=method)


def _divide_by_zero() -> RuntimeException:
    # PowerShell wraps .NET's DivideByZeroException: catch [DivideByZeroException] sees it
    inner = PSException("Attempted to divide by zero.")
    inner.dotnet_type = "System.DivideByZeroException"
    return RuntimeException("Attempted to divide by zero.", "RuntimeException", "NotSpecified",
                            inner=inner)


def _decimal_overflow() -> RuntimeException:
    return RuntimeException("Value was either too large or too small for a Decimal.",
                            "RuntimeException", "NotSpecified")


def _out_of_memory() -> RuntimeException:
    return RuntimeException("Exception of type 'System.OutOfMemoryException' was thrown.",
                            "System.OutOfMemoryException", "NotSpecified",
                            dotnet_type="System.OutOfMemoryException")


def _not_defined(left: Any, op: str, right: Any) -> RuntimeException:
    return RuntimeException(
        f"The operation '[{C.type_name_of(left)}] {op} [{C.type_name_of(right) or 'null'}]' "
        "is not defined.", "NotADefinedOperationForType", "InvalidOperation")


def _type_not_found(name: str) -> RuntimeException:
    return RuntimeException(f"Unable to find type [{name}].", "TypeNotFound",
                            "InvalidOperation", target=name)


# -- arithmetic ------------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _decimal_context() -> Context:
    # System.Decimal holds 28-29 significant digits
    return Context(prec=28, rounding=ROUND_HALF_EVEN, Emax=10**6, Emin=-(10**6))


def _to_decimal(value: int | float | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        converted = C.double_to_decimal(value)
        if converted is None:
            raise _decimal_overflow()
        return converted
    if abs(value) > C.DECIMAL_MAX:
        raise _decimal_overflow()
    return Decimal(value)


def _decimal_result(value: Decimal) -> Decimal:
    if not value.is_finite() or value.copy_abs() > C.DECIMAL_MAX:
        raise _decimal_overflow()
    if value.as_tuple().exponent < -28:  # type: ignore[operator]
        value = value.quantize(Decimal(1).scaleb(-28), context=Context(prec=60))
    return value


def _float_of(value: int | float | Decimal) -> float:
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            return math.copysign(math.inf, value)
    return float(value)


def _float_op(op: str, x: float, y: float) -> float:
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        if y == 0:
            # IEEE: a double divided by zero is infinite (or NaN), not an error
            if x == 0 or math.isnan(x):
                return math.nan
            return math.copysign(math.inf, x) * math.copysign(1.0, y)
        return x / y
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return math.nan
    if math.isinf(y):
        return x
    return math.fmod(x, y)


#: the integer kinds arithmetic works in: smaller types (byte, short) promote to Int32 as in C#
_KINDS = {"System.Int32": "i32", "System.Int16": "i32", "System.UInt16": "i32",
          "System.Byte": "i32", "System.SByte": "i32", "System.Int64": "i64",
          "System.UInt32": "u32", "System.UInt64": "u64"}
_KIND_RANGES = {"i32": (C.INT32_MIN, C.INT32_MAX), "i64": (C.INT64_MIN, C.INT64_MAX),
                "u32": (0, 2**32 - 1), "u64": (0, C.UINT64_MAX)}
_KIND_TYPES = {"i32": "System.Int32", "i64": "System.Int64", "u32": "System.UInt32",
               "u64": "System.UInt64"}
#: the kind two integer operands meet in (LanguagePrimitives' widening; anything else is
#: Double, as ``[ulong]::MaxValue + 1`` is)
_COMBINED = {
    frozenset({"i32"}): "i32", frozenset({"i64"}): "i64", frozenset({"u32"}): "u32",
    frozenset({"u64"}): "u64", frozenset({"i32", "i64"}): "i64", frozenset({"i32", "u32"}): "i64",
    frozenset({"i64", "u32"}): "i64", frozenset({"u32", "u64"}): "u64",
}


def _int_kind(value: int) -> str:
    """i32, i64, u32, u64 or big: the .NET integer type a value computes in."""
    if isinstance(value, C.EnumValue):
        return "i32"  # the underlying type of the enums here
    if type(value) is not int:
        return _KINDS.get(str(getattr(value, "dotnet_type_name", "")), "i64")
    if C.INT32_MIN <= value <= C.INT32_MAX:
        return "i32"
    if C.INT64_MIN <= value <= C.INT64_MAX:
        return "i64"
    if 0 <= value <= C.UINT64_MAX:
        return "u64"
    return "big"


def _combined_kind(a: int, b: int) -> str | None:
    kinds = frozenset({_int_kind(a), _int_kind(b)})
    if "u64" in kinds and kinds & {"i32", "i64"}:
        # about_Arithmetic_Operators: 9223372036854775807ul + 2 is a UInt64; a negative
        # operand cannot be one, so that is computed in Double
        return "u64" if a >= 0 and b >= 0 else None
    return _COMBINED.get(kinds)


def _of_kind(value: int, kind: str) -> int:
    return C.typed_int(value, _KIND_TYPES[kind])


def numeric_operation(op: str, a: int | float | Decimal, b: int | float | Decimal
                      ) -> int | float | Decimal:
    """``a op b`` on two numbers, with PowerShell's widening (about_Arithmetic_Operators)."""
    if type(a) is int and type(b) is int and op in "+-*":
        exact = a + b if op == "+" else (a - b if op == "-" else a * b)
        if C.INT32_MIN <= exact <= C.INT32_MAX and C.INT32_MIN <= a <= C.INT32_MAX \
                and C.INT32_MIN <= b <= C.INT32_MAX:
            return exact  # Int32 op Int32 that fits: the common case, quickly
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        x, y = _to_decimal(a), _to_decimal(b)
        context = _decimal_context()
        try:
            if op == "+":
                return _decimal_result(context.add(x, y))
            if op == "-":
                return _decimal_result(context.subtract(x, y))
            if op == "*":
                return _decimal_result(context.multiply(x, y))
            if y == 0:
                raise _divide_by_zero()
            if op == "/":
                return _decimal_result(context.divide(x, y))
            return _decimal_result(context.remainder(x, y))
        except DecimalException:
            raise _decimal_overflow() from None
    if isinstance(a, float) or isinstance(b, float):
        return _float_op(op, _float_of(a), _float_of(b))
    kind = _combined_kind(a, b)
    if kind is None:  # no integer type holds both: .NET computes in Double
        return _float_op(op, _float_of(a), _float_of(b))
    low, high = _KIND_RANGES[kind]
    m, n = int(a), int(b)
    if op in "+-*":
        exact = m + n if op == "+" else (m - n if op == "-" else m * n)
        if low <= exact <= high:
            return _of_kind(exact, kind)
        # an integer result too large for its type is computed again as a Double
        return _float_op(op, _float_of(m), _float_of(n))
    if n == 0:
        raise _divide_by_zero()
    if op == "/":
        if m % n == 0:
            quotient = m // n
            if low <= quotient <= high:
                return _of_kind(quotient, kind)
        return _float_of(m) / _float_of(n)
    remainder = abs(m) % abs(n)
    return _of_kind(-remainder if m < 0 else remainder, kind)


def _right_number(right: Any, left: int | float | Decimal, op: str) -> int | float | Decimal:
    """The right operand of arithmetic on a number: numbers stay, $null is 0, a numeric
    string is the number it spells (``1 + '1.5'`` is 2.5), else it converts to the left
    operand's type or fails as that conversion fails."""
    if right is None:
        return 0
    if isinstance(right, bool):
        return int(right)
    if isinstance(right, Char):
        return ord(right)
    if _is_number(right):
        return float(right) if isinstance(right, Single) else right
    if isinstance(right, str):
        if right.strip() == "":
            return 0
        number = C.parse_number(right)
        if number is not None:
            return number
        converted = C.convert_like(left, right)
        return float(converted) if isinstance(converted, Single) else converted
    if _is_collection(right) or isinstance(right, dict):
        raise _method_not_found(right, _METHOD_NAMES[op])
    converted = C.convert_like(left, right)
    return float(converted) if isinstance(converted, Single) else converted


def _left_number(value: Any) -> int | float | Decimal:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Single):
        return float(value)
    return value  # type: ignore[no-any-return]


def _arith(op: str, left: Any, right: Any) -> int | float | Decimal:
    if isinstance(left, C.EnumValue) and op in "+-":
        # about_Arithmetic_Operators: $blue + 3 is Red, $red - 3 is Blue, $blue - $red is -3
        if isinstance(right, C.EnumValue):
            return int(left) + int(right) if op == "+" else int(left) - int(right)
        number = _right_number(right, int(left), op)
        if isinstance(number, int):
            total = int(left) + int(number) if op == "+" else int(left) - int(number)
            return C.EnumValue(total, left.enum_type)
    a = _left_number(left)
    return numeric_operation(op, a, _right_number(right, a, op))


def _ticks_span(ticks: int) -> dt.timedelta:
    try:
        return dt.timedelta(microseconds=ticks / C.TICKS_PER_MICROSECOND)
    except OverflowError:
        raise RuntimeException("TimeSpan overflowed because the duration is too long.",
                               "RuntimeException", "NotSpecified") from None


def _span_operand(value: Any) -> dt.timedelta:
    """A right operand a DateTime or TimeSpan operator takes as a TimeSpan."""
    if value is None:
        return dt.timedelta(0)
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _ticks_span(value)
    return C.convert_to_timespan(value)


def _date_shift(when: dt.datetime, span: dt.timedelta, sign: int) -> dt.datetime:
    try:
        return when + span if sign > 0 else when - span
    except OverflowError:
        raise RuntimeException(
            "The added or subtracted value results in an un-representable DateTime. "
            "(Parameter 'value')", "ArgumentOutOfRangeException", "NotSpecified",
            dotnet_type="System.ArgumentOutOfRangeException") from None


def _span_result(compute: Callable[[], dt.timedelta]) -> dt.timedelta:
    try:
        return compute()
    except (OverflowError, ValueError):
        raise RuntimeException("TimeSpan overflowed because the duration is too long.",
                               "RuntimeException", "NotSpecified") from None


def _merge(left: Hashtable | dict[Any, Any], right: Hashtable | dict[Any, Any]) -> Hashtable:
    merged = Hashtable(left.items(), ordered=isinstance(left, Hashtable) and left.ordered)
    for key, value in right.items():
        if key in merged:
            existing = merged.original_key(key)
            raise RuntimeException(
                f"Item has already been added. Key in dictionary: '{C.to_string(existing)}'  "
                f"Key being added: '{C.to_string(key)}'", "System.ArgumentException",
                "OperationStopped", target=key, dotnet_type="System.ArgumentException")
        merged[key] = value
    return merged


def _add(left: Any, right: Any) -> Any:
    if left is None:
        # $null takes the other operand's kind: $null + 1 is 1, $null + 'a' is 'a'
        if isinstance(right, bool):
            return int(right)
        if _is_collection(right):
            return list(right)
        if isinstance(right, Hashtable):
            return right.copy()
        return right
    if isinstance(left, str):
        return str(left) + C.to_string(right)
    if _is_collection(left):
        extra = list(right) if _is_collection(right) else [right]
        if len(left) + len(extra) > MAX_ELEMENTS:
            raise _out_of_memory()
        return [*left, *extra]
    if isinstance(left, dict):
        if isinstance(right, dict):
            return _merge(left, right)
        raise RuntimeException("A hash table can only be added to another hash table.",
                               "AddHashTableToNonHashTable", "InvalidOperation")
    if isinstance(left, dt.datetime):
        return _date_shift(left, _span_operand(right), 1)
    if isinstance(left, dt.timedelta):
        span = _span_operand(right)
        return _span_result(lambda: left + span)
    if _is_number(left) or isinstance(left, bool):
        return _arith("+", left, right)
    raise _method_not_found(left, "op_Addition")


def _subtract(left: Any, right: Any) -> Any:
    if left is None:
        if right is None:
            return 0
        return _arith("-", 0, right)
    if isinstance(left, Char):
        raise _not_defined(left, "-", right)
    if isinstance(left, str):
        return _arith("-", C.to_number(left), right)
    if isinstance(left, dt.datetime):
        if isinstance(right, dt.datetime):
            return _span_result(lambda: C._naive(left) - C._naive(right))
        if isinstance(right, str):
            try:
                return _date_shift(left, C.parse_timespan(right), -1)
            except ValueError:
                other = C.convert_to_datetime(right)
                return _span_result(lambda: C._naive(left) - C._naive(other))
        return _date_shift(left, _span_operand(right), -1)
    if isinstance(left, dt.timedelta):
        span = _span_operand(right)
        return _span_result(lambda: left - span)
    if _is_number(left) or isinstance(left, bool):
        return _arith("-", left, right)
    raise _method_not_found(left, "op_Subtraction")


def _count(value: Any, type_name: str) -> int:
    return C.convert_to_integer(value, type_name)


def _multiply(left: Any, right: Any) -> Any:
    if left is None:
        if right is None or not (_is_number(right) or isinstance(right, bool | str)):
            return None
        return _arith("*", 0, right)
    if isinstance(left, Char):
        raise _not_defined(left, "*", right)
    if isinstance(left, str):
        times = _count(right, "System.Int32")
        if times < 0:
            raise RuntimeException(
                f"times ('{times}') must be a non-negative value. (Parameter 'times')",
                "System.ArgumentOutOfRangeException", "NotSpecified",
                dotnet_type="System.ArgumentOutOfRangeException")
        if len(left) * times > MAX_CHARS:
            raise _out_of_memory()
        return str(left) * times
    if _is_collection(left):
        times = _count(right, "System.UInt32")
        if len(left) * times > MAX_ELEMENTS:
            raise _out_of_memory()
        return list(left) * times
    if isinstance(left, dt.timedelta):
        factor = C.convert_to_double(right)
        if math.isnan(factor):
            raise RuntimeException("TimeSpan does not accept floating point Not-a-Number "
                                   "values.", "RuntimeException", "NotSpecified")
        return _span_result(lambda: left * factor)
    if _is_number(left) or isinstance(left, bool):
        return _arith("*", left, right)
    raise _method_not_found(left, "op_Multiply")


def _divide(left: Any, right: Any) -> Any:
    if left is None:
        return _arith("/", 0, right)
    if isinstance(left, Char):
        raise _not_defined(left, "/", right)
    if isinstance(left, str):
        return _arith("/", C.to_number(left), right)
    if isinstance(left, dt.timedelta):
        if isinstance(right, dt.timedelta):
            total = right.total_seconds()
            return _float_op("/", left.total_seconds(), total)
        divisor = C.convert_to_double(right)
        if math.isnan(divisor) or divisor == 0:
            raise RuntimeException("TimeSpan overflowed because the duration is too long.",
                                   "RuntimeException", "NotSpecified")
        return _span_result(lambda: left / divisor)
    if _is_number(left) or isinstance(left, bool):
        return _arith("/", left, right)
    raise _method_not_found(left, "op_Division")


def _remainder(left: Any, right: Any) -> Any:
    if left is None:
        return _arith("%", 0, right)
    if isinstance(left, Char):
        raise _not_defined(left, "%", right)
    if isinstance(left, str):
        return _arith("%", C.to_number(left), right)
    if _is_number(left) or isinstance(left, bool):
        return _arith("%", left, right)
    raise _method_not_found(left, "op_Modulus")


# -- comparison ------------------------------------------------------------------------------


def _comparer(name: str, right: Any, case_sensitive: bool) -> Callable[[Any], bool]:
    if name == "eq":
        return lambda item: C.equals(item, right, case_sensitive)
    if name == "ne":
        return lambda item: not C.equals(item, right, case_sensitive)
    checks: dict[str, Callable[[int], bool]] = {
        "gt": lambda r: r > 0, "ge": lambda r: r >= 0, "lt": lambda r: r < 0,
        "le": lambda r: r <= 0,
    }
    check = checks[name]
    return lambda item: check(C.compare(item, right, case_sensitive))


def _filter_or_test(left: Any, test: Callable[[Any], bool]) -> Any:
    """A comparison with a collection on the left returns the elements that pass it."""
    if _is_collection(left):
        return [item for item in left if test(item)]
    return test(left)


# -- wildcards -------------------------------------------------------------------------------


def _wildcard_error(pattern: str) -> RuntimeException:
    return RuntimeException(f"The specified wildcard character pattern is not valid: {pattern}",
                            "RuntimeException", "NotSpecified", target=pattern,
                            dotnet_type="System.Management.Automation.WildcardPatternException")


def wildcard_regex(pattern: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A PowerShell wildcard pattern (WildcardPattern) as an anchored regex: ``*`` any run,
    ``?`` one character, ``[abc]``/``[a-z]`` a set (no negation: ``[!a]`` holds ``!`` and
    ``a``), a backtick escapes the next character."""
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "`":
            if i + 1 < n:
                out.append(re.escape(pattern[i + 1]))
                i += 2
            else:
                out.append(re.escape("`"))
                i += 1
        elif ch == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
            i += 1
        elif ch == "?":
            out.append(".")
            i += 1
        elif ch == "[":
            j = i + 1
            members: list[str] = []
            first = True
            while j < n and (pattern[j] != "]" or first):
                member = pattern[j]
                if member == "`" and j + 1 < n:
                    j += 1
                    member = pattern[j]
                if (j + 2 < n and pattern[j + 1] == "-" and pattern[j + 2] != "]"):
                    high = pattern[j + 2]
                    if high == "`" and j + 3 < n:
                        high = pattern[j + 3]
                        j += 1
                    if high < member:
                        raise _wildcard_error(pattern)
                    members.append(f"{re.escape(member)}-{re.escape(high)}")
                    j += 3
                else:
                    members.append(re.escape(member))
                    j += 1
                first = False
            if j >= n or not members:
                raise _wildcard_error(pattern)
            out.append("[" + "".join(members) + "]")
            i = j + 1
        else:
            out.append(re.escape(ch))
            i += 1
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.compile("".join(out), flags)


def wildcard_match(text: str, pattern: str, case_sensitive: bool = False) -> bool:
    """Whether ``text`` matches the whole wildcard ``pattern`` (``-like``)."""
    return wildcard_regex(pattern, case_sensitive).fullmatch(text) is not None


# -- regular expressions ---------------------------------------------------------------------


def _regex(pattern: Any, case_sensitive: bool, **options: bool) -> re.Pattern[str]:
    if isinstance(pattern, re.Pattern):
        return pattern  # a [regex] keeps its own options
    return C.compile_regex(C.to_string(pattern), ignore_case=not case_sensitive, **options)


def match_object(match: re.Match[str]) -> PSObject:
    """A System.Text.RegularExpressions.Match as the script sees it (``$_`` in a ``-replace``
    script block): Value, Index, Length, Success, Groups. ``Groups`` is a hashtable keyed by
    .NET group number and, for named groups, by name too (``$_.Groups[1].Value``,
    ``$_.Groups['year'].Value``)."""
    value = match.group(0)

    def group(name: str, index: int) -> PSObject:
        text = match.group(index)
        start = match.start(index)
        return PSObject([("Success", start != -1), ("Name", name),
                         ("Value", text if text is not None else ""),
                         ("Index", max(start, 0)), ("Length", len(text or ""))],
                        ("System.Text.RegularExpressions.Group",
                         "System.Text.RegularExpressions.Capture", "System.Object"),
                        methods={"ToString": lambda: text or ""})

    groups = Hashtable()
    groups[0] = group("0", 0)
    for number, (key, index) in enumerate(C.regex_groups(match.re), start=1):
        item = group(str(key), index)
        groups[number] = item
        if isinstance(key, str):
            groups[key] = item
    return PSObject([("Groups", groups), ("Success", True), ("Name", "0"), ("Value", value),
                     ("Index", match.start()), ("Length", len(value))],
                    ("System.Text.RegularExpressions.Match",
                     "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object"),
                    methods={"ToString": lambda: value})


def expand_replacement(template: str, match: re.Match[str], subject: str) -> str:
    """A .NET replacement string: ``$1``/``${1}``, ``${name}``, ``$0``/``$&``, ``$$``,
    ``$```, ``$'``, ``$+`` (the last group), ``$_`` (the whole input). A reference to a group
    that does not exist stays literal (``'$9'``)."""
    numbers = C.regex_group_numbers(match.re)
    names = match.re.groupindex
    out: list[str] = []
    i = 0
    n = len(template)

    def text_of(index: int) -> str:
        return match.group(index) or ""

    while i < n:
        ch = template[i]
        if ch != "$" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = template[i + 1]
        if nxt == "$":
            out.append("$")
            i += 2
        elif nxt == "&":
            out.append(match.group(0))
            i += 2
        elif nxt == "`":
            out.append(subject[:match.start()])
            i += 2
        elif nxt == "'":
            out.append(subject[match.end():])
            i += 2
        elif nxt == "_":
            out.append(subject)
            i += 2
        elif nxt == "+":
            out.append(text_of(numbers[max(numbers)]))
            i += 2
        elif nxt == "{":
            close = template.find("}", i + 2)
            name = template[i + 2:close] if close > 0 else ""
            if name.isascii() and name.isdigit() and int(name) in numbers:
                out.append(text_of(numbers[int(name)]))
                i = close + 1
            elif name in names:
                out.append(text_of(names[name]))
                i = close + 1
            else:
                out.append("$")
                i += 1
        elif "0" <= nxt <= "9":
            j = i + 1
            while j < n and "0" <= template[j] <= "9":
                j += 1
            digits = template[i + 1:j]
            for length in range(len(digits), 0, -1):
                number = int(digits[:length])
                if number in numbers:
                    out.append(text_of(numbers[number]))
                    i += 1 + length
                    break
            else:
                out.append("$")
                i += 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def _match(left: Any, right: Any, case_sensitive: bool, negate: bool,
           ctx: OperatorContext) -> Any:
    regex = _regex(right, case_sensitive)
    if _is_collection(left):
        # filtering a collection leaves $Matches alone
        return [item for item in left
                if (regex.search(C.to_string(item)) is not None) != negate]
    found = regex.search(C.to_string(left))
    if found is not None:
        ctx.set_matches(C.matches_table(found))
    return (found is not None) != negate


def _replace(op: str, left: Any, right: Any, case_sensitive: bool,
             ctx: OperatorContext) -> Any:
    if _is_collection(right):
        if len(right) > 2:
            raise RuntimeException(
                f"The -{op} operator allows only two elements to follow it, not {len(right)}.",
                "BadReplaceArgument", "InvalidOperation", target=op)
        pattern = right[0] if right else ""
        replacement = right[1] if len(right) == 2 else ""
    else:
        pattern, replacement = right, ""
    try:
        regex = _regex(pattern, case_sensitive)
    except C.RegexParseError:
        raise RuntimeException(
            f"The regular expression pattern {C.to_string(pattern)} is not valid.",
            "InvalidRegularExpression", "InvalidOperation", target=pattern) from None
    replacement = _base(replacement)
    if C.is_scriptblock(replacement):
        invoke = ctx.invoke_script_block
        if invoke is None:
            raise RuntimeException("A script block cannot be run here.",
                                   "ScriptBlockInvocationNotSupported", "NotImplemented")
        block = replacement

        def substitute(subject: str) -> str:
            return regex.sub(lambda m: C.to_string(invoke(block, [match_object(m)])), subject)
    else:
        template = C.to_string(replacement)

        def substitute(subject: str) -> str:
            return regex.sub(lambda m: expand_replacement(template, m, subject), subject)

    if _is_collection(left):
        return [substitute(C.to_string(item)) for item in left]
    return substitute(C.to_string(left))


# -- split and join --------------------------------------------------------------------------


def split_options(value: Any) -> int:
    """SplitOptions from ``'SimpleMatch,IgnoreCase'``, a list of names, or a number."""
    value = _base(value)
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    names: list[str] = []
    for item in (value if _is_collection(value) else [value]):
        names.extend(part.strip() for part in C.to_string(item).split(","))
    flags = 0
    for name in names:
        if not name:
            continue
        flag = _SPLIT_OPTIONS.get(name.casefold())
        if flag is None:
            raise RuntimeException(
                f'Cannot convert value "{name}" to type '
                '"System.Management.Automation.SplitOptions". Error: "Unable to match the '
                f"identifier name {name} to a valid enumerator name. Specify one of the "
                f'following enumerator names and try again:\n{_SPLIT_OPTION_NAMES}"',
                "RuntimeException", "InvalidOperation", target=name)
        flags |= flag
    return flags


def _cut(subject: str, separators: list[tuple[int, int, list[str]]], limit: int) -> list[str]:
    """Pieces of ``subject`` between separators (start, length, captures), keeping at most
    ``limit`` pieces (the last holds the rest; a negative limit counts from the end)."""
    if limit == 0 or abs(limit) - 1 >= len(separators):
        kept = separators
    elif limit > 0:
        kept = separators[:limit - 1]
    else:
        kept = separators[len(separators) - (-limit - 1):]
    pieces: list[str] = []
    last = 0
    for start, length, captures in kept:
        pieces.append(subject[last:start])
        pieces.extend(captures)
        last = start + length
    pieces.append(subject[last:])
    return pieces


def _split_error(error_id: str, message: str) -> RuntimeException:
    return RuntimeException(message, error_id, "ParserError",
                            dotnet_type="System.Management.Automation.ParseException")


def _split_by_block(subject: str, block: Any, limit: int, invoke: Callable[[Any, list[Any]], Any]
                    ) -> list[str]:
    """ParserOps.SplitWithPredicate: the block sees each character as $_ (and the string and
    the index as arguments), from the left, or from the right for a negative limit, and is
    not asked again once the limit is reached."""
    if limit in (1, -1):
        return [subject]
    cuts: list[tuple[int, int, list[str]]] = []
    order = range(len(subject)) if limit >= 0 else range(len(subject) - 1, -1, -1)
    for index in order:
        if C.to_bool(invoke(block, [Char(subject[index]), subject, index])):
            cuts.append((index, 1, []))
            if abs(limit) == len(cuts) + 1:
                break
    cuts.sort()
    return _cut(subject, cuts, 0)


def _split(left: Any, right: Any, case_sensitive: bool, ctx: OperatorContext) -> Any:
    # ParserOps.SplitOperatorImpl: delimiter [, max-substrings [, options]]
    items = list(right) if _is_collection(right) else [right]
    if not items:
        raise RuntimeException("The -split operator requires a delimiter.",
                               "BadOperatorArgument", "InvalidOperation", target=right)
    delimiter = _base(items[0])
    limit = C.convert_to_integer(items[1], "System.Int32") if len(items) > 1 else 0
    options = _base(items[2]) if len(items) > 2 else None
    flags = 0
    if options is not None and options != "":
        flags = split_options(options)
        if C.is_scriptblock(delimiter):
            raise _split_error("InvalidSplitOptionWithPredicate",
                               "Split options are not allowed with a script block delimiter.")
    if not case_sensitive:
        flags |= _SPLIT_OPTIONS["ignorecase"]  # an explicit IgnoreCase also beats -csplit
    subjects = [C.to_string(item) for item in left] if _is_collection(left) \
        else [C.to_string(left)]
    results: list[str] = []
    if C.is_scriptblock(delimiter):
        invoke = ctx.invoke_script_block
        if invoke is None:
            raise RuntimeException("A script block cannot be run here.",
                                   "ScriptBlockInvocationNotSupported", "NotImplemented")
        for subject in subjects:
            results.extend(_split_by_block(subject, delimiter, limit, invoke))
        return _strings(results, ctx)
    simple = bool(flags & _SPLIT_OPTIONS["simplematch"])
    if simple and flags & ~(_SPLIT_OPTIONS["simplematch"] | _SPLIT_OPTIONS["ignorecase"]):
        raise _split_error("InvalidSplitOptionCombination",
                           "The SimpleMatch option can be combined only with IgnoreCase.")
    pattern = C.to_string(delimiter)
    regex = C.compile_regex(
        re.escape(pattern) if simple else pattern,
        ignore_case=bool(flags & _SPLIT_OPTIONS["ignorecase"]),
        multiline=bool(flags & _SPLIT_OPTIONS["multiline"]),
        singleline=bool(flags & _SPLIT_OPTIONS["singleline"]),
        ignore_whitespace=bool(flags & _SPLIT_OPTIONS["ignorepatternwhitespace"]),
        explicit_capture=bool(flags & _SPLIT_OPTIONS["explicitcapture"]))
    groups = C.regex_groups(regex)
    for subject in subjects:
        separators: list[tuple[int, int, list[str]]] = []
        for hit in regex.finditer(subject):
            # Regex.Split puts each group that took part between the pieces
            taken = [hit.group(index) for _, index in groups if hit.start(index) != -1]
            separators.append((hit.start(), hit.end() - hit.start(), taken))
        results.extend(_cut(subject, separators, limit))
    return _strings(results, ctx)


def _strings(items: list[str], ctx: OperatorContext) -> list[str]:
    """-split returns System.String[]."""
    string_type = ctx.types.resolve("System.String")
    return TypedArray(items, string_type) if string_type is not None else items


def _split_whitespace(operand: Any, ctx: OperatorContext) -> list[str]:
    """Unary -split: runs of whitespace, no empty pieces (a blank string is one '')."""
    subjects = [C.to_string(item) for item in operand] if _is_collection(operand) \
        else [C.to_string(operand)]
    results: list[str] = []
    for subject in subjects:
        pieces = [piece for piece in _WHITESPACE.split(subject) if piece]
        results.extend(pieces or [""])
    return _strings(results, ctx)


def _join_item(value: Any) -> str:
    # -join over a collection converts each element with its culture-sensitive ToString()
    value = _base(value)
    if isinstance(value, dt.datetime):
        return format_datetime(value, None, EN_US)
    if isinstance(value, PSObject) and not value.methods.get("tostring") and (
            not value.type_names or C.PSCUSTOMOBJECT in value.type_names):
        return ""
    return C.to_string(value)


def _join(left: Any, separator: str) -> str:
    if _is_collection(left):
        return separator.join(_join_item(item) for item in left)
    return C.to_string(left)


# -- types -----------------------------------------------------------------------------------


def _resolve_type(value: Any, ctx: OperatorContext) -> PSType:
    value = _base(value)
    if isinstance(value, PSType):
        return value
    if isinstance(value, str):
        resolved = ctx.types.resolve(value)
        if resolved is None:
            raise _type_not_found(value)
        return resolved
    raise C.final_cast_error(value, "System.Type", shown=C.to_string(value))


# -- bitwise ---------------------------------------------------------------------------------


def _bit_operand(value: Any) -> int | float | Decimal:
    value = _base(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Char):
        return ord(value)
    if _is_number(value):
        return float(value) if isinstance(value, Single) else value
    if isinstance(value, str):
        number = C.parse_number(value)
        if number is not None:
            return number
        return C.convert_to_integer(value, "System.Int32")
    raise C.final_cast_error(value, "System.Int64")


def _to_bits(value: int | float | Decimal, signed: bool) -> int:
    type_name = "System.Int64" if signed else "System.UInt64"
    if isinstance(value, int):
        number = value
    else:
        finite = math.isfinite(value) if isinstance(value, float) else value.is_finite()
        if not finite:
            raise C.final_cast_error(value, type_name)
        number = C.round_half_even(value)
    low, high = C.INTEGER_RANGES[type_name]
    if not low <= number <= high:
        raise C.final_cast_error(value, type_name)
    return number


def _bitwise(op: str, left: Any, right: Any) -> int:
    a, b = _bit_operand(left), _bit_operand(right)
    if isinstance(a, int) and isinstance(b, int):
        kind = _combined_kind(a, b)
        if kind is None:
            if "big" in (_int_kind(a), _int_kind(b)):
                raise C.final_cast_error(a if _int_kind(a) == "big" else b, "System.Int64")
            kind = "i64" if a < 0 or b < 0 else "u64"  # UInt64 with a signed operand
            if kind == "i64" and max(a, b) > C.INT64_MAX:
                raise C.final_cast_error(max(a, b), "System.Int64")
        x, y = int(a), int(b)
    else:
        # pwsh: a real operand goes through UInt64, or Int64 when either operand is negative
        kind = "i64" if a < 0 or b < 0 else "u64"
        x, y = _to_bits(a, kind == "i64"), _to_bits(b, kind == "i64")
    if op == "band":
        result = x & y
    elif op == "bor":
        result = x | y
    else:
        result = x ^ y
    return _of_kind(result, kind)


def _shift(op: str, left: Any, right: Any) -> int:
    # the width is the left operand's (pwsh: 1.5 -shl 1 is an Int32, [long]1 -shl 40 an
    # Int64); the count is masked to it, so 1 -shl 32 is 1
    a = _bit_operand(left)
    if not isinstance(a, int):
        if not _finite(a):
            raise C.final_cast_error(a, "System.Int64")
        a = C.round_half_even(a)
    right = _base(right)
    if isinstance(right, float | Decimal):
        count = C.round_half_even(right) if _finite(right) else 0
    else:
        count = C.convert_to_integer(right, "System.Int32")
    kind = _int_kind(a)
    if kind == "big":
        raise C.final_cast_error(a, "System.Int64")
    bits = 32 if kind in ("i32", "u32") else 64
    signed = kind in ("i32", "i64")
    value = int(a)
    count &= bits - 1
    if op == "shr":
        result = value >> count
    else:
        result = (value << count) & ((1 << bits) - 1)
        if signed and result >= 1 << (bits - 1):
            result -= 1 << bits
    return _of_kind(result, kind)


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    return True


def _bnot(operand: Any) -> int:
    value = _bit_operand(operand)
    if not isinstance(value, int):
        if not _finite(value):
            raise C.final_cast_error(value, "System.UInt64")
        value = C.round_half_even(value)
        if not C.INT64_MIN <= value <= C.UINT64_MAX:
            raise C.final_cast_error(operand, "System.UInt64")
    kind = _int_kind(value)
    number = int(value)
    if kind == "i32":
        return ~number  # -bnot on a byte or short is an Int32 too
    if kind == "i64":
        return C.typed_int(~number, "System.Int64")
    if kind == "u32":
        return C.typed_int(0xFFFFFFFF - number, "System.UInt32")
    if kind == "u64":
        return C.typed_int(C.UINT64_MAX - number, "System.UInt64")
    raise C.final_cast_error(value, "System.UInt64")


# -- range -----------------------------------------------------------------------------------


def _as_char(value: Any) -> Char | None:
    # ParserOps.RangeOperator: a [char], or a one-character string other than a digit
    if isinstance(value, Char):
        return value
    if isinstance(value, str) and len(value) == 1 and not value.isdigit():
        return Char(value)
    return None


def _range(left: Any, right: Any) -> list[Any]:
    first, last = _as_char(left), _as_char(right)
    if first is not None and last is not None:
        # PowerShell 7: 'a'..'e' is a range of characters ("0".."9" stays numeric)
        start, end = ord(first), ord(last)
        step = 1 if end >= start else -1
        return [Char(chr(code)) for code in range(start, end + step, step)]
    start = C.convert_to_integer(left, "System.Int32")
    end = C.convert_to_integer(right, "System.Int32")
    if abs(end - start) + 1 > MAX_ELEMENTS:
        raise _out_of_memory()
    step = 1 if end >= start else -1
    return list(range(start, end + step, step))


# -- format ----------------------------------------------------------------------------------


def _format(left: Any, right: Any) -> str:
    template = C.to_string(left)
    arguments = list(right) if _is_collection(right) else [right]
    try:
        return format_composite(template, arguments, EN_US)
    except DotNetFormatError as error:
        raise RuntimeException(f"Error formatting a string: {error.message}.", "FormatError",
                               "InvalidOperation", target=template) from None


# -- entry points ----------------------------------------------------------------------------


def _binary(op: str, left: Any, right: Any, ctx: OperatorContext) -> Any:
    name, case_sensitive = _parse(op)
    left, right = _base(left), _base(right)
    if name == "+":
        return _add(left, right)
    if name == "-":
        return _subtract(left, right)
    if name == "*":
        return _multiply(left, right)
    if name == "/":
        return _divide(left, right)
    if name == "%":
        return _remainder(left, right)
    if name in ("eq", "ne", "gt", "ge", "lt", "le"):
        return _filter_or_test(left, _comparer(name, right, case_sensitive))
    if name in ("like", "notlike"):
        regex = wildcard_regex(C.to_string(right), case_sensitive)
        negate = name == "notlike"
        return _filter_or_test(
            left, lambda item: (regex.fullmatch(C.to_string(item)) is not None) != negate)
    if name in ("match", "notmatch"):
        return _match(left, right, case_sensitive, name == "notmatch", ctx)
    if name in ("contains", "notcontains", "in", "notin"):
        collection, item = (left, right) if name in ("contains", "notcontains") else (right, left)
        elements = collection if _is_collection(collection) else [collection]
        # the element is the left operand of the -eq underneath (@(1) -contains ' 1 ')
        found = any(C.equals(element, item, case_sensitive) for element in elements)
        return found if name in ("contains", "in") else not found
    if name == "replace":
        return _replace(op.lower().lstrip("-") or op, left, right, case_sensitive, ctx)
    if name == "split":
        return _split(left, right, case_sensitive, ctx)
    if name == "join":
        return _join(left, C.to_string(right))
    if name in ("is", "isnot"):
        pstype = _resolve_type(right, ctx)
        return pstype.is_instance(left) != (name == "isnot")
    if name == "as":
        return _resolve_type(right, ctx).try_convert(left)[1]
    if name == "xor":
        return C.to_bool(left) != C.to_bool(right)
    if name == "and":
        return C.to_bool(left) and C.to_bool(right)
    if name == "or":
        return C.to_bool(left) or C.to_bool(right)
    if name in ("band", "bor", "bxor"):
        return _bitwise(name, left, right)
    if name in ("shl", "shr"):
        return _shift(name, left, right)
    if name == "..":
        return _range(left, right)
    if name == "f":
        return _format(left, right)
    raise RuntimeException(f"The operator '-{op}' is not supported.", "OperatorNotSupported",
                           "NotImplemented", target=op)


def binary(op: str, left: Any, right: Any, ctx: OperatorContext) -> Any:
    """``left <op> right``. Comparison operators with a collection on the left return the
    list of matching elements; ``-match`` on a scalar sets $Matches through ``ctx``."""
    try:
        return _binary(op, left, right, ctx)
    except RuntimeException:
        raise
    except _PYTHON_ERRORS as error:
        # a last line: no Python error leaves an operator
        raise RuntimeException(str(error) or type(error).__name__, "RuntimeException",
                               "NotSpecified") from error


def _negate(operand: Any) -> Any:
    if isinstance(operand, bool):
        return -int(operand)
    if isinstance(operand, Single):
        return Single(-operand)
    if isinstance(operand, float | Decimal):
        return -operand
    if isinstance(operand, int):
        # 0 - x: -[int]::MinValue overflows into a Double, -[long]5 stays an Int64
        return numeric_operation("-", 0, operand)
    if isinstance(operand, dt.timedelta):
        return _span_result(lambda: -operand)
    return _subtract(0, operand)


def _unary(op: str, operand: Any, ctx: OperatorContext) -> Any:
    name = op.lower()
    if len(name) > 1 and name[0] == "-" and name[1].isalpha():
        name = name[1:]
    operand = _base(operand)
    if name == "-":
        return _negate(operand)
    if name == "+":
        if isinstance(operand, bool):
            return int(operand)
        if _is_number(operand) or isinstance(operand, dt.timedelta):
            return operand
        return _add(0, operand)
    if name in ("!", "not"):
        return not C.to_bool(operand)
    if name == "bnot":
        return _bnot(operand)
    if name == ",":
        return [operand]
    if name == "split":
        return _split_whitespace(operand, ctx)
    if name == "join":
        return _join(operand, "")
    raise RuntimeException(f"The operator '{op}' is not supported.", "OperatorNotSupported",
                           "NotImplemented", target=op)


def unary(op: str, operand: Any, ctx: OperatorContext) -> Any:
    """``<op> operand``: ``-``, ``+``, ``!``/``not``, ``bnot``, ``,``, ``split``, ``join``."""
    try:
        return _unary(op, operand, ctx)
    except RuntimeException:
        raise
    except _PYTHON_ERRORS as error:
        raise RuntimeException(str(error) or type(error).__name__, "RuntimeException",
                               "NotSpecified") from error

