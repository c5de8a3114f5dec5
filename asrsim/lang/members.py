"""Member access as the language does it, on top of the .NET adapter.

PowerShell adds to what .NET offers: every object has ``Count`` and ``Length`` (1, or 0 for
$null); member access on a collection enumerates it (``$vms.Name``); ``.ForEach({})`` and
``.Where({})`` exist on everything; error records and exceptions have their .NET shape.
This module is that layer; the plain .NET members are ``asrsim.lang.dotnet``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asrsim.lang.errors import ErrorRecord, InvocationInfo, PSException, RuntimeException
from asrsim.lang.lazy import lazy_module
from asrsim.lang.psobject import MISSING as MISSING
from asrsim.lang.psobject import NOTHING, Hashtable, PSObject
from asrsim.lang.types import PSType

if TYPE_CHECKING:
    from asrsim.lang.runtime import Context

dotnet = lazy_module("asrsim.lang.dotnet")


def _error_record_view(record: ErrorRecord, name: str) -> Any:
    key = name.casefold()
    if key == "exception":
        return record.exception
    if key == "fullyqualifiederrorid":
        return record.fully_qualified_error_id
    if key == "categoryinfo":
        return PSObject(
            [
                ("Category", record.category),
                ("Activity", record.activity),
                ("Reason", record.reason or type(record.exception).__name__),
                ("TargetName", "" if record.target_object is None else str(record.target_object)),
                (
                    "TargetType",
                    "" if record.target_object is None else dotnet_type_name(record.target_object),
                ),
            ],
            ("System.Management.Automation.ErrorCategoryInfo",),
            methods={"ToString": lambda: record.category_info()},
        )
    if key == "targetobject":
        return record.target_object
    if key == "invocationinfo":
        return _invocation_view(record.invocation_info)
    if key == "errordetails":
        return (
            None
            if record.error_details_message is None
            else PSObject([("Message", record.error_details_message)])
        )
    if key == "scriptstacktrace":
        info = record.invocation_info
        return (
            f"at <ScriptBlock>, {info.script_name or '<No file>'}: line {info.script_line_number}"
        )
    if key == "pipelineiterationinfo":
        return []
    return MISSING


def _invocation_view(info: InvocationInfo) -> PSObject:
    return PSObject(
        [
            ("MyCommand", info.command_name or None),
            ("ScriptLineNumber", info.script_line_number),
            ("OffsetInLine", info.offset_in_line),
            ("Line", info.line),
            ("PositionMessage", info.position_message),
            ("ScriptName", info.script_name),
            ("InvocationName", info.command_name),
        ],
        ("System.Management.Automation.InvocationInfo",),
    )


def _exception_view(error: PSException, name: str) -> Any:
    key = name.casefold()
    if key == "message":
        return error.message
    if key == "innerexception":
        return error.inner if isinstance(error.inner, PSException) else None
    if key == "errorrecord":
        return error.error_record
    if key in ("stacktrace", "source", "helplink"):
        return None
    if key == "data":
        return Hashtable()
    return MISSING


def dotnet_type_name(value: Any) -> str:
    from asrsim.lang.conversions import type_name_of

    return type_name_of(value)


def get_member(ctx: Context, target: Any, name: str) -> Any:
    """``target.name``: MISSING when there is no such member (the caller decides between
    $null and a strict-mode error)."""
    if isinstance(target, PSObject):
        if target.has_property(name):
            return target.get(name)
        key = name.casefold()
        if key == "psobject":
            return dotnet.get_property(target, name)
        return MISSING if key not in ("count", "length") else 1
    if isinstance(target, Hashtable):
        if name in target:
            return target[name]
        value = dotnet.get_property(target, name)
        return None if value is MISSING else value
    if isinstance(target, ErrorRecord):
        value = _error_record_view(target, name)
        if value is not MISSING:
            return value
        return dotnet.get_property(target, name)
    if isinstance(target, PSException):
        value = _exception_view(target, name)
        if value is not MISSING:
            return value
    if target is None or target is NOTHING:
        key = name.casefold()
        return 0 if key in ("count", "length") else MISSING
    if isinstance(target, list):
        value = dotnet.get_property(target, name)
        if value is not MISSING:
            return value
        # member-access enumeration: the member of each element, collected as a pipeline
        # would collect it (one result is a scalar)
        results: list[Any] = []
        for item in target:
            found = get_member(ctx, item, name)
            if found is MISSING:
                continue
            if isinstance(found, list):
                results.extend(found)
            else:
                results.append(found)
        if not results:
            return MISSING
        return results[0] if len(results) == 1 else results
    if isinstance(target, bool) and name.casefold() == "ispresent":
        # [switch] parameters are held as booleans; SwitchParameter.IsPresent is the value
        return target
    value = dotnet.get_property(target, name)
    if value is MISSING and name.casefold() in ("count", "length"):
        return 1
    return value


def set_member(ctx: Context, target: Any, name: str, value: Any) -> None:
    if isinstance(target, PSObject):
        if target.has_property(name):
            try:
                target.set(name, value)
            except AttributeError:
                raise RuntimeException(
                    f"'{name}' is a ReadOnly property.",
                    "PropertyAssignmentException",
                    "InvalidOperation",
                    target=name,
                ) from None
            return
        raise RuntimeException(
            f"The property '{name}' cannot be found on this object. Verify that the property "
            "exists and can be set.",
            "PropertyNotFound",
            "InvalidOperation",
            target=name,
        )
    if isinstance(target, list) and not isinstance(target, Hashtable):
        for item in target:
            set_member(ctx, item, name, value)
        return
    if target is None:
        raise RuntimeException(
            f"The property '{name}' cannot be found on this object. Verify that the property "
            "exists and can be set.",
            "PropertyNotFound",
            "InvalidOperation",
            target=name,
        )
    dotnet.set_property(target, name, value)


def invoke_member(
    ctx: Context,
    target: Any,
    name: str,
    args: list[Any],
    invoke_block: Callable[[Any, Any], list[Any]],
) -> Any:
    """``target.name(args)``, including the intrinsic ForEach/Where methods."""
    key = name.casefold()
    from asrsim.lang.scriptblock import ScriptBlock

    if isinstance(target, ScriptBlock) and key in ("invoke", "invokereturnasis"):
        from asrsim.lang.runtime import invoke_block_collect

        output = invoke_block_collect(ctx, target, args=args)
        if key == "invokereturnasis":
            return output[0] if len(output) == 1 else (output or None)
        return output
    if isinstance(target, ScriptBlock) and key == "getnewclosure":
        return target.closure_over(ctx.scope)
    if key in ("foreach", "where") and args:
        items = target if isinstance(target, list) else ([] if target is None else [target])
        block = args[0]
        from asrsim.lang.scriptblock import ScriptBlock

        if key == "foreach":
            if not isinstance(block, ScriptBlock):
                return [get_member(ctx, item, str(block)) for item in items]
            results: list[Any] = []
            for item in items:
                results.extend(invoke_block(block, item))
            return results
        from asrsim.lang.conversions import to_bool

        # .Where({...}, mode, count): the WhereOperatorSelectionMode of about_Arrays
        mode = str(args[1]).casefold() if len(args) > 1 else "default"
        count = int(args[2]) if len(args) > 2 and args[2] is not None else 0

        def test(item: Any) -> bool:
            return to_bool(_last(invoke_block(block, item)))

        if mode in ("default", "first", "last", "split"):
            chosen = [item for item in items if test(item)]
            if mode == "first":
                return chosen[: count or 1]
            if mode == "last":
                return chosen[-(count or 1):]
            if mode == "split":
                kept = chosen[:count] if count else chosen
                kept_ids = {id(i) for i in kept}
                return [kept, [i for i in items if id(i) not in kept_ids]]
            return chosen[:count] if count else chosen
        if mode in ("until", "skipuntil"):
            position = next((i for i, item in enumerate(items) if test(item)), len(items))
            selected = items[:position] if mode == "until" else items[position:]
            return selected[:count] if count else selected
        raise RuntimeException(
            f'Cannot convert value "{args[1]}" to type '
            '"System.Management.Automation.WhereOperatorSelectionMode".',
            "MethodArgumentConversionInvalidCastArgument", "InvalidArgument")
    if isinstance(target, PSObject):
        method = target.methods.get(key)
        if method is not None:
            return method(*args)
        if key == "tostring" and not args:
            from asrsim.lang.conversions import to_string

            return to_string(target)
    if isinstance(target, PSException) and key == "gettype":
        type_name = target.dotnet_type
        return PSObject(
            [("FullName", type_name), ("Name", type_name.rsplit(".", 1)[-1])],
            ("System.RuntimeType",),
        )
    if isinstance(target, PSType):
        return dotnet.invoke_method(target, name, args)
    if target is None:
        raise RuntimeException(
            "You cannot call a method on a null-valued expression.",
            "InvokeMethodOnNull",
            "InvalidOperation",
        )
    if isinstance(target, list) and not isinstance(target, Hashtable):
        try:
            return dotnet.invoke_method(target, name, args)
        except RuntimeException as error:
            if not error.record.fully_qualified_error_id.startswith("MethodNotFound"):
                raise
            # member-access enumeration works for methods too: ('a','b').ToUpper()
            results = [invoke_member(ctx, item, name, args, invoke_block) for item in target]
            return results[0] if len(results) == 1 else results
    return dotnet.invoke_method(target, name, args)


def _last(values: list[Any]) -> Any:
    if not values:
        return False
    return values[0] if len(values) == 1 else values
