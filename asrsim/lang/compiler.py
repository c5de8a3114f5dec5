"""Compiles the syntax tree into Python closures, once per script block.

Each expression becomes ``fn(ctx) -> value`` and each statement ``fn(ctx) -> None`` writing
its output through ``ctx.emit``; a loop body is compiled once and run as often as the loop
turns, which is what keeps a million-iteration ``foreach`` fast.
"""

from __future__ import annotations

import dataclasses
import functools
import operator as py_operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asrsim.lang import ast as A
from asrsim.lang import conversions, operators
from asrsim.lang.binder import ABSENT, Argument, NamedArgument, PositionalArgument
from asrsim.lang.commands import ALL_SETS, CommandSignature, Parameter
from asrsim.lang.errors import (
    ActionPreferenceStopException,
    BreakException,
    ContinueException,
    ErrorRecord,
    ExitException,
    InvocationInfo,
    PSException,
    ReturnException,
    RuntimeException,
    exception_matches,
)
from asrsim.lang.members import MISSING, get_member, invoke_member, set_member
from asrsim.lang.psobject import NOTHING, Hashtable, PSObject, PSScriptProperty
from asrsim.lang.runtime import (
    Collector,
    Context,
    ExpressionProcessor,
    Processor,
    RedirectedProcessor,
    build_processor,
    handle_error,
    invoke_block_collect,
    iterate,
    run_pipeline,
)
from asrsim.lang.scriptblock import CompiledScriptBlock, FunctionInfo, ParameterSpec, ScriptBlock
from asrsim.lang.types import PSType

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime

Expr = Callable[[Context], Any]
Stmt = Callable[[Context], None]

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1


def _fast_add(left: Any, right: Any, ctx: Context) -> Any:
    # the common case of two Int32 values whose sum is an Int32; everything else (widening
    # to Double on overflow, strings, arrays) is the operators module's
    if type(left) is int and type(right) is int:
        result = left + right
        if INT32_MIN <= result <= INT32_MAX:
            return result
    elif type(left) is float and (type(right) is float or type(right) is int):
        return left + right
    return operators.binary("+", left, right, ctx.runtime.operator_context)


def _fast_sub(left: Any, right: Any, ctx: Context) -> Any:
    if type(left) is int and type(right) is int:
        result = left - right
        if INT32_MIN <= result <= INT32_MAX:
            return result
    return operators.binary("-", left, right, ctx.runtime.operator_context)


_FAST_COMPARE = {
    "lt": py_operator.lt,
    "ilt": py_operator.lt,
    "clt": py_operator.lt,
    "le": py_operator.le,
    "ile": py_operator.le,
    "cle": py_operator.le,
    "gt": py_operator.gt,
    "igt": py_operator.gt,
    "cgt": py_operator.gt,
    "ge": py_operator.ge,
    "ige": py_operator.ge,
    "cge": py_operator.ge,
    "eq": py_operator.eq,
    "ieq": py_operator.eq,
    "ceq": py_operator.eq,
    "ne": py_operator.ne,
    "ine": py_operator.ne,
    "cne": py_operator.ne,
}

_COMPOUND = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}


def binary(op: str, left: Any, right: Any, ctx: Context) -> Any:
    if op == "+":
        return _fast_add(left, right, ctx)
    if op == "-":
        return _fast_sub(left, right, ctx)
    return operators.binary(op, left, right, ctx.runtime.operator_context)


class Compiler:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    # -- script blocks -------------------------------------------------------------------

    def compile_script_block(self, node: A.ScriptBlockAst) -> CompiledScriptBlock:
        param_block = node.param_block
        attributes = param_block.attributes if param_block else ()
        parameters = param_block.parameters if param_block else ()
        return self._compiled(node, attributes, parameters, param_block is not None, "")

    def compile_function(self, node: A.FunctionDefinitionAst) -> CompiledScriptBlock:
        body = node.body
        if node.parameters is not None:
            return self._compiled(
                body, (), node.parameters, True, node.name, is_filter=node.is_filter
            )
        param_block = body.param_block
        return self._compiled(
            body,
            param_block.attributes if param_block else (),
            param_block.parameters if param_block else (),
            param_block is not None,
            node.name,
            is_filter=node.is_filter,
        )

    def _compiled(
        self,
        node: A.ScriptBlockAst,
        attributes: tuple[A.AttributeAst, ...],
        parameters: tuple[A.ParameterAst, ...],
        has_params: bool,
        name: str,
        *,
        is_filter: bool = False,
    ) -> CompiledScriptBlock:
        binding = next(
            (a for a in attributes if a.type_name.name.casefold() == "cmdletbinding"), None
        )
        advanced = binding is not None or any(
            isinstance(attr, A.AttributeAst) and attr.type_name.name.casefold() == "parameter"
            for p in parameters
            for attr in p.attributes
        )
        default_set = None
        should_process = False
        if binding is not None:
            for argument in binding.named_arguments:
                key = argument.name.casefold()
                value = True if argument.expression_omitted else self._constant(argument.value)
                if key == "defaultparametersetname":
                    default_set = str(value)
                elif key == "supportsshouldprocess":
                    should_process = conversions.to_bool(value)
        declared, specs = self._parameters(parameters)
        signature = CommandSignature(
            name or "<ScriptBlock>", tuple(declared), default_set, should_process, advanced=advanced
        )
        begin = self._named_block(node.begin_block)
        process = self._named_block(node.process_block)
        end = self._named_block(node.end_block)
        if is_filter and process is None and node.end_block is not None:
            process, end = end, None
        return CompiledScriptBlock(signature, specs, begin, process, end, advanced, has_params)

    def _constant(self, node: A.ExpressionAst) -> Any:
        """Attribute arguments: constants, $true/$false/$null, arrays of those."""
        if isinstance(node, A.ConstantExpressionAst):
            return node.value
        if isinstance(node, A.VariableExpressionAst):
            return {"true": True, "false": False, "null": None}.get(node.name.casefold())
        if isinstance(node, A.ArrayLiteralAst):
            return [self._constant(e) for e in node.elements]
        if isinstance(node, A.UnaryExpressionAst) and node.operator == "-":
            value = self._constant(node.child)
            return -value if isinstance(value, int | float) else value
        if isinstance(node, A.ParenExpressionAst | A.ScriptBlockExpressionAst):
            return None
        return None

    def _parameters(
        self, nodes: tuple[A.ParameterAst, ...]
    ) -> tuple[list[Parameter], list[ParameterSpec]]:
        declared: list[Parameter] = []
        specs: list[ParameterSpec] = []
        explicit_positions = any(
            isinstance(attr, A.AttributeAst)
            and attr.type_name.name.casefold() == "parameter"
            and any(a.name.casefold() == "position" for a in attr.named_arguments)
            for node in nodes
            for attr in node.attributes
        )
        next_position = 0
        for node in nodes:
            type_name = "object"
            mandatory = False
            position: int | None = None
            sets: list[str] = []
            pipeline = by_name = remaining = False
            aliases: list[str] = []
            validate_set: tuple[str, ...] = ()
            validate_range: tuple[float, float] | None = None
            validate_count: tuple[int, int] | None = None
            not_empty = False
            pattern: str | None = None
            length: tuple[int, int] | None = None
            script: ScriptBlock | None = None
            allow_null = allow_empty = False
            help_text = ""
            for attr in node.attributes:
                if isinstance(attr, A.TypeConstraintAst):
                    type_name = attr.type_name.name
                    continue
                kind = attr.type_name.name.casefold()
                values = [self._constant(v) for v in attr.positional_arguments]
                if kind == "parameter":
                    for argument in attr.named_arguments:
                        key = argument.name.casefold()
                        value = (
                            True if argument.expression_omitted else self._constant(argument.value)
                        )
                        if key == "mandatory":
                            mandatory = conversions.to_bool(value)
                        elif key == "position":
                            position = int(value)
                        elif key == "parametersetname":
                            sets.append(str(value))
                        elif key == "valuefrompipeline":
                            pipeline = conversions.to_bool(value)
                        elif key == "valuefrompipelinebypropertyname":
                            by_name = conversions.to_bool(value)
                        elif key == "valuefromremainingarguments":
                            remaining = conversions.to_bool(value)
                        elif key == "helpmessage":
                            help_text = str(value)
                elif kind == "alias":
                    aliases.extend(str(v) for v in _flatten(values))
                elif kind == "validateset":
                    validate_set = tuple(str(v) for v in _flatten(values))
                elif kind == "validaterange" and len(values) == 2:
                    validate_range = (float(values[0]), float(values[1]))
                elif kind == "validatecount" and len(values) == 2:
                    validate_count = (int(values[0]), int(values[1]))
                elif kind in ("validatenotnullorempty", "validatenotnull"):
                    not_empty = True
                elif kind == "validatepattern" and values:
                    pattern = str(values[0])
                elif kind == "validatelength" and len(values) == 2:
                    length = (int(values[0]), int(values[1]))
                elif (
                    kind == "validatescript"
                    and attr.positional_arguments
                    and isinstance(attr.positional_arguments[0], A.ScriptBlockExpressionAst)
                ):
                    block_ast = attr.positional_arguments[0].script_block
                    script = ScriptBlock(
                        block_ast, self.compile_script_block, block_ast.extent.source.path
                    )
                elif kind == "allownull":
                    allow_null = True
                elif kind == "allowemptystring":
                    allow_empty = True
            is_switch = type_name.casefold() in ("switch", "switchparameter")
            if position is None and not explicit_positions and not is_switch:
                position = next_position
                next_position += 1
            declared.append(
                Parameter(
                    node.name,
                    type_name,
                    position,
                    mandatory,
                    tuple(sets) or (ALL_SETS,),
                    pipeline,
                    by_name,
                    remaining,
                    tuple(aliases),
                    validate_set,
                    validate_range,
                    validate_count,
                    not_empty,
                    validate_pattern=pattern,
                    validate_length=length,
                    validate_script=script,
                    allow_null=allow_null,
                    allow_empty_string=allow_empty,
                    help=help_text,
                )
            )
            default = self.expr(node.default_value) if node.default_value is not None else None
            specs.append(
                ParameterSpec(node.name, node.name.casefold(), type_name, default, is_switch)
            )
        return declared, specs

    def _named_block(self, node: A.NamedBlockAst | None) -> Stmt | None:
        if node is None:
            return None
        return self.statement_list(node.statements, node.traps)

    # -- statements ----------------------------------------------------------------------

    def statement_list(
        self, nodes: tuple[A.StatementAst, ...], traps: tuple[A.TrapStatementAst, ...] = ()
    ) -> Stmt:
        compiled = [(self.statement(n), n) for n in nodes if not isinstance(n, A.TrapStatementAst)]
        trap_nodes = list(traps) + [n for n in nodes if isinstance(n, A.TrapStatementAst)]
        traps_compiled = [
            (t.trap_type.name if t.trap_type else None, self.block(t.body)) for t in trap_nodes
        ]

        def run(ctx: Context) -> None:
            for statement, node in compiled:
                try:
                    statement(ctx)
                except RuntimeException as error:
                    _statement_failed(ctx, error, node, traps_compiled)

        if len(compiled) == 1 and not traps_compiled:
            statement, node = compiled[0]

            def run_one(ctx: Context) -> None:
                try:
                    statement(ctx)
                except RuntimeException as error:
                    _statement_failed(ctx, error, node, [])

            # a loop whose body is this one statement runs it directly (see _foreach)
            run_one.single = (statement, node)  # type: ignore[attr-defined]
            return run_one
        return run

    def block(self, node: A.StatementBlockAst) -> Stmt:
        return self.statement_list(node.statements, node.traps)

    def _compiler_for(self, prefix: str, node: A.Ast) -> Callable[[Any], Any]:
        """The s_/e_ method that compiles this kind of node (a node kind without one is a
        construct asrsim does not run: a clear error, never a traceback)."""
        method = getattr(self, prefix + type(node).__name__, None)
        if method is None:
            raise RuntimeException(
                f"not supported in asrsim: {type(node).__name__}",
                "NotSupported",
                "NotImplemented",
                extent=node.extent,
            )
        return method  # type: ignore[no-any-return]

    def statement(self, node: A.StatementAst) -> Stmt:
        result: Stmt = self._compiler_for("s_", node)(node)
        return result

    def s_PipelineAst(self, node: A.PipelineAst) -> Stmt:
        elements = node.pipeline_elements
        if (
            len(elements) == 1
            and isinstance(elements[0], A.CommandExpressionAst)
            and not elements[0].redirections
        ):
            expression = elements[0].expression
            value = self.expr(expression)
            if isinstance(expression, A.UnaryExpressionAst) and expression.operator in (
                "++",
                "--",
                "postfix++",
                "postfix--",
            ):
                # `$i++` on its own line changes $i and writes nothing, as in PowerShell
                return lambda ctx: value(ctx) and None

            def run_expression(ctx: Context) -> None:
                ctx.emit_value(value(ctx))
                ctx.runtime.last_success = True

            return run_expression
        stages = [self._stage(e) for e in elements]

        def run(ctx: Context) -> None:
            ctx.runtime.last_success = True
            run_pipeline(ctx, _bound_stages(ctx, stages), ctx.emit)

        return run

    def _redirections(self, element: A.CommandBaseAst
                      ) -> list[tuple[A.RedirectionAst, Expr | None]]:
        return [(r, self.expr(r.location) if r.location is not None else None)
                for r in element.redirections]

    def _stage(self, element: A.CommandBaseAst) -> Callable[[Context, bool], Processor]:
        make: Callable[[Context, bool], Processor]
        if isinstance(element, A.CommandExpressionAst):
            value = self.expr(element.expression)

            def expression(ctx: Context, expects: bool) -> Processor:
                return ExpressionProcessor(lambda: value(ctx))

            make = expression
        else:
            assert isinstance(element, A.CommandAst)
            make = self._command(element)
        redirections = self._redirections(element)
        if not redirections:
            return make

        def redirected(ctx: Context, expects: bool) -> Processor:
            targets = [(r.from_stream, r.append, r.to_stream,
                        location(ctx) if location is not None else None)
                       for r, location in redirections]
            return RedirectedProcessor(ctx, make(ctx, expects), targets)

        return redirected

    def _command(self, node: A.CommandAst) -> Callable[[Context, bool], Processor]:
        first = node.command_elements[0]
        invocation = node.invocation_operator
        if isinstance(first, A.StringConstantExpressionAst) and not invocation:
            name_value: Any = first.value
            target: Expr = lambda ctx: name_value  # noqa: E731
        else:
            target = self.expr(first)  # type: ignore[arg-type]
        arguments = [self._argument(e) for e in node.command_elements[1:]]
        extent = node.extent
        elements = node.command_elements
        # `Add(3, 4)`: a command called like a method, which strict mode 2.0 refuses
        method_style = (len(elements) == 2 and isinstance(elements[1], A.ParenExpressionAst)
                        and elements[1].extent.start == first.extent.end)

        def make(ctx: Context, expects_input: bool) -> Processor:
            if method_style and (ctx.scope.strict_version or 0) >= 2:
                raise RuntimeException(
                    "The function or command was called as if it were a method. Parameters "
                    "should be separated by spaces. For information about parameters, see the "
                    "about_Parameters Help topic.", "StrictModeFunctionCallWithParens",
                    "InvalidOperation", extent=extent)
            values: list[Argument] = []
            for argument in arguments:
                argument(ctx, values)
            command = target(ctx)
            if (
                isinstance(command, PSObject)
                and command.has_property("Name")
                and "System.Management.Automation.CmdletInfo" in command.type_names
            ):
                command = command.get("Name")
            return build_processor(ctx, command, values, extent, expects_input, invocation)

        return make

    def _argument(self, element: A.CommandElementAst) -> Callable[[Context, list[Argument]], None]:
        if isinstance(element, A.CommandParameterAst):
            name = element.parameter_name
            extent = element.extent
            if element.argument is not None:
                value = self.expr(element.argument)
                return lambda ctx, out: out.append(NamedArgument(name, value(ctx), extent, name))
            return lambda ctx, out: out.append(NamedArgument(name, ABSENT, extent, name))
        if isinstance(element, A.VariableExpressionAst) and element.splatted:
            read = self._variable_reader(element)

            def splat(ctx: Context, out: list[Argument]) -> None:
                value = read(ctx)
                if isinstance(value, dict):
                    for key, item in value.items():
                        out.append(NamedArgument(str(key), item, element.extent, str(key)))
                elif isinstance(value, list):
                    out.extend(PositionalArgument(v, element.extent) for v in value)
                elif value is not None:
                    out.append(PositionalArgument(value, element.extent))

            return splat
        value_of = self.expr(element)  # type: ignore[arg-type]
        extent = element.extent
        return lambda ctx, out: out.append(
            PositionalArgument(_argument_value(value_of(ctx)), extent)
        )

    def s_CommandExpressionAst(self, node: A.CommandExpressionAst) -> Stmt:
        value = self.expr(node.expression)
        return lambda ctx: ctx.emit_value(value(ctx))

    def s_CommandAst(self, node: A.CommandAst) -> Stmt:
        return self.s_PipelineAst(A.PipelineAst(node.extent, (node,)))

    def s_PipelineChainAst(self, node: A.PipelineChainAst) -> Stmt:
        left = self.statement(node.left)
        right = self.statement(node.right)
        run_on_success = node.operator == "&&"

        def chain(ctx: Context) -> None:
            runtime = ctx.runtime
            runtime.last_success = True
            try:
                left(ctx)
            except RuntimeException as error:
                # a terminating error in the left pipeline ends the whole chain
                if runtime.try_depth > 0 or error.script_terminating:
                    raise
                runtime.last_success = False
                runtime.report_error(_record_of(error))
                if run_on_success:
                    return
            if runtime.last_success == run_on_success:
                right(ctx)

        return chain

    def s_ErrorStatementAst(self, node: A.ErrorStatementAst) -> Stmt:
        def fail(ctx: Context) -> None:
            raise RuntimeException(
                "The statement could not be parsed.",
                "ParseError",
                "ParserError",
                extent=node.extent,
            )

        return fail

    def s_FunctionDefinitionAst(self, node: A.FunctionDefinitionAst) -> Stmt:
        compiled = self.compile_function(node)
        name = node.name
        scope_name = None
        if ":" in name:
            scope_name, name = name.split(":", 1)
            scope_name = scope_name.lower()
        folded = name.casefold()
        source = node.body.extent.source.path

        def define(ctx: Context) -> None:
            block = ScriptBlock(node.body, lambda _: compiled, source)
            block._compiled = compiled
            target = ctx.scope.qualified(scope_name) if scope_name else ctx.scope
            target.functions[folded] = FunctionInfo(name, block, node.is_filter)

        return define

    def s_AssignmentStatementAst(self, node: A.AssignmentStatementAst) -> Stmt:
        # a statement's return value is ignored, so the assignment itself is the statement
        return self.assignment(node)

    def assignment(self, node: A.AssignmentStatementAst) -> Expr:
        """An assignment; returns the assigned value (for `($x = 5)` and chains)."""
        right = self.value_of_statement(node.right)
        op = node.operator
        if op == "=":
            store = self.store(node.left)

            def assign(ctx: Context) -> Any:
                value = right(ctx)
                store(ctx, value)
                return value

            return assign
        if op == "??=":
            read_current = self.expr(node.left)
            store_new = self.store(node.left)

            def assign_if_null(ctx: Context) -> Any:
                current = read_current(ctx)
                if current is not None and current is not NOTHING:
                    return current
                value = right(ctx)
                store_new(ctx, value)
                return value

            return assign_if_null
        binary_op = _COMPOUND.get(op)
        if binary_op is None:
            raise RuntimeException(
                f"not supported in asrsim: the {op} operator",
                "NotSupported",
                "NotImplemented",
                extent=node.extent,
            )
        read = self.expr(node.left)
        store = self.store(node.left)
        if (
            binary_op == "+"
            and isinstance(node.left, A.VariableExpressionAst)
            and node.left.scope is None
        ):
            folded = node.left.name.casefold()

            addend_name = _plain_variable(node.right)

            def add_to_variable(ctx: Context) -> Any:
                scope = ctx.scope
                local_variables = scope.variables
                if addend_name is not None:
                    # `$s += $i`: read $i here rather than through another closure
                    found = local_variables.get(addend_name) or scope.lookup(addend_name)
                    addend = right(ctx) if found is None else found.value
                else:
                    addend = right(ctx)
                # the loop-counter case: a local, unconstrained variable holding a number
                variable = local_variables.get(folded)
                if variable is not None and variable.converter is None:
                    current = variable.value
                    if type(current) is int and type(addend) is int:
                        total = current + addend
                        if INT32_MIN <= total <= INT32_MAX:
                            variable.value = total
                            return total
                    elif type(current) is float and (type(addend) is int or type(addend) is float):
                        variable.value = current + addend
                        return variable.value
                else:
                    variable = ctx.scope.lookup(folded)
                current = None if variable is None else variable.value
                total = binary("+", current, addend, ctx)
                store(ctx, total)
                return total

            return add_to_variable

        def compound(ctx: Context) -> Any:
            value = binary(binary_op, read(ctx), right(ctx), ctx)
            store(ctx, value)
            return value

        return compound

    def value_of_statement(self, node: A.StatementAst) -> Expr:
        """The value a statement gives on the right of `=`: an expression's value as it is,
        a pipeline's output collected (nothing: $null, one object: itself, else an array)."""
        if isinstance(node, A.PipelineAst):
            elements = node.pipeline_elements
            if (
                len(elements) == 1
                and isinstance(elements[0], A.CommandExpressionAst)
                and not elements[0].redirections
            ):
                expression = elements[0].expression
                value = self.expr(expression)
                if isinstance(expression, A.VariableExpressionAst | A.ConstantExpressionAst):
                    return value  # neither can yield AutomationNull

                def plain(ctx: Context) -> Any:
                    result = value(ctx)
                    return None if result is NOTHING else result

                return plain
        if isinstance(node, A.AssignmentStatementAst):
            return self.assignment(node)
        statement = self.statement(node)

        def collect(ctx: Context) -> Any:
            out = Collector()
            statement(ctx.child(emit=out))
            return out.result()

        return collect

    def store(self, node: A.ExpressionAst) -> Callable[[Context, Any], None]:
        if isinstance(node, A.VariableExpressionAst):
            return self._variable_writer(node)
        if isinstance(node, A.ConvertExpressionAst):
            inner = self.store(node.child)
            type_name = node.type_name.name
            variable_node = node.child if isinstance(node.child, A.VariableExpressionAst) else None

            def typed(ctx: Context, value: Any) -> None:
                converted = self._convert(ctx, type_name, value, node.type_name.extent)
                if variable_node is None:
                    inner(ctx, converted)
                    return
                # `[int]$x = ...` constrains $x: later assignments convert too
                scope = (
                    ctx.scope.qualified(variable_node.scope) if variable_node.scope else ctx.scope
                )
                folded = variable_node.name.casefold()
                variable = scope.variables.get(folded)
                if variable is not None:
                    variable.converter = None
                scope.set_local(variable_node.name, converted, folded)
                pstype = self._type(ctx, type_name, node.type_name.extent)
                scope.variables[folded].converter = pstype.convert

            return typed
        if isinstance(node, A.MemberExpressionAst) and not isinstance(
            node, A.InvokeMemberExpressionAst
        ):
            target = self.expr(node.target)
            member = self._member_name(node.member)
            static = node.static

            def set_property(ctx: Context, value: Any) -> None:
                obj = target(ctx)
                name = member(ctx)
                if static:
                    raise RuntimeException(
                        f"'{name}' is a ReadOnly property.",
                        "PropertyAssignmentException",
                        "InvalidOperation",
                    )
                set_member(ctx, obj, name, value)

            return set_property
        if isinstance(node, A.IndexExpressionAst):
            target = self.expr(node.target)
            index = self.expr(node.index)

            def set_index(ctx: Context, value: Any) -> None:
                _set_index(target(ctx), index(ctx), value)

            return set_index
        if isinstance(node, A.ArrayLiteralAst):
            stores = [self.store(e) for e in node.elements]

            def destructure(ctx: Context, value: Any) -> None:
                items = value if isinstance(value, list) else [value]
                for position, store in enumerate(stores):
                    if position == len(stores) - 1:
                        rest = items[position:]
                        store(ctx, rest[0] if len(rest) == 1 else (rest or None))
                    else:
                        store(ctx, items[position] if position < len(items) else None)

            return destructure
        if isinstance(node, A.ParenExpressionAst) and isinstance(node.pipeline, A.PipelineAst):
            elements = node.pipeline.pipeline_elements
            if len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst):
                return self.store(elements[0].expression)
        raise RuntimeException(
            "The assignment expression is not valid. The input to an assignment operator must "
            "be an object that is able to accept assignments, such as a variable or a property.",
            "InvalidLeftHandSide",
            "ParserError",
            extent=node.extent,
        )

    # -- control flow --------------------------------------------------------------------

    def condition(self, node: A.StatementAst | None) -> Expr:
        if node is None:
            return lambda ctx: True
        value = self.value_of_statement(node)
        to_bool = conversions.to_bool
        return lambda ctx: to_bool(value(ctx))

    def s_IfStatementAst(self, node: A.IfStatementAst) -> Stmt:
        clauses = [(self.condition(c), self.block(b)) for c, b in node.clauses]
        otherwise = self.block(node.else_clause) if node.else_clause else None

        def run(ctx: Context) -> None:
            for test, body in clauses:
                if test(ctx):
                    body(ctx)
                    return
            if otherwise is not None:
                otherwise(ctx)

        return run

    def _loop(self, label: str | None, body: Stmt) -> Callable[[Context], bool]:
        """Run a loop body once; False when the loop must stop (break)."""
        folded = label.casefold() if label else None

        def once(ctx: Context) -> bool:
            try:
                body(ctx)
            except BreakException as jump:
                if jump.label is None or (folded and jump.label.casefold() == folded):
                    return False
                raise
            except ContinueException as jump:
                if jump.label is None or (folded and jump.label.casefold() == folded):
                    return True
                raise
            return True

        return once

    def s_WhileStatementAst(self, node: A.WhileStatementAst) -> Stmt:
        test = self.condition(node.condition)
        once = self._loop(node.label, self.block(node.body))

        def run(ctx: Context) -> None:
            while test(ctx):
                if not once(ctx):
                    break

        return run

    def s_DoWhileStatementAst(self, node: A.DoWhileStatementAst) -> Stmt:
        test = self.condition(node.condition)
        once = self._loop(node.label, self.block(node.body))

        def run(ctx: Context) -> None:
            while True:
                if not once(ctx) or not test(ctx):
                    break

        return run

    def s_DoUntilStatementAst(self, node: A.DoUntilStatementAst) -> Stmt:
        test = self.condition(node.condition)
        once = self._loop(node.label, self.block(node.body))

        def run(ctx: Context) -> None:
            while True:
                if not once(ctx) or test(ctx):
                    break

        return run

    def s_ForStatementAst(self, node: A.ForStatementAst) -> Stmt:
        init = self._discard(node.initializer)
        test = self.condition(node.condition)
        step = self._discard(node.iterator)
        once = self._loop(node.label, self.block(node.body))

        def run(ctx: Context) -> None:
            init(ctx)
            while test(ctx):
                if not once(ctx):
                    break
                step(ctx)

        return run

    def _discard(self, node: A.StatementAst | None) -> Stmt:
        if node is None:
            return lambda ctx: None
        if isinstance(node, A.AssignmentStatementAst):
            assign = self.assignment(node)
            return lambda ctx: assign(ctx) and None
        if (
            isinstance(node, A.PipelineAst)
            and len(node.pipeline_elements) == 1
            and isinstance(node.pipeline_elements[0], A.CommandExpressionAst)
        ):
            value = self.expr(node.pipeline_elements[0].expression)
            return lambda ctx: value(ctx) and None
        statement = self.statement(node)
        return lambda ctx: statement(ctx.child(emit=_drop))

    def s_ForEachStatementAst(self, node: A.ForEachStatementAst) -> Stmt:
        collection = (
            self.value_of_statement(node.condition) if node.condition else (lambda ctx: None)
        )
        assert node.variable is not None
        variable = node.variable
        folded = variable.name.casefold()
        writer = self._variable_writer(variable)
        body = self.block(node.body)
        label = node.label.casefold() if node.label else None

        def run(ctx: Context) -> None:
            items = list(iterate(collection(ctx)))
            scope = ctx.scope
            local = variable.scope is None
            # $foreach is the loop's enumerator: $foreach.MoveNext() skips an item
            enumerator = LoopEnumerator(items)
            saved = scope.variables.get("foreach")
            scope.set_local("foreach", enumerator.view(), "foreach")
            try:
                self._foreach(ctx, enumerator, local, folded, variable, writer, body, label)
            finally:
                if saved is None:
                    scope.variables.pop("foreach", None)
                else:
                    scope.variables["foreach"] = saved

        return run

    @staticmethod
    def _foreach(ctx: Context, enumerator: LoopEnumerator, local: bool, folded: str,
                 variable: A.VariableExpressionAst, writer: Callable[[Context, Any], None],
                 body: Stmt, label: str | None) -> None:
        scope = ctx.scope
        variables = scope.variables
        items = enumerator.items
        count = len(items)
        # one Python call fewer per turn for the common one-statement body
        single: tuple[Stmt, A.StatementAst] | None = getattr(body, "single", None)
        while True:
            index = enumerator.index + 1
            if index >= count:
                break
            enumerator.index = index
            item = items[index]
            if local:
                existing = variables.get(folded)
                if existing is not None and not existing.read_only:
                    existing.value = item
                else:
                    scope.set_local(variable.name, item, folded)
            else:
                writer(ctx, item)
            try:
                if single is None:
                    body(ctx)
                else:
                    try:
                        single[0](ctx)
                    except RuntimeException as error:
                        _statement_failed(ctx, error, single[1], [])
            except BreakException as jump:
                if jump.label is None or (label and jump.label.casefold() == label):
                    break
                raise
            except ContinueException as jump:
                if jump.label is None or (label and jump.label.casefold() == label):
                    continue
                raise

    def s_SwitchStatementAst(self, node: A.SwitchStatementAst) -> Stmt:
        flags = node.flags
        if "file" in flags:
            raise RuntimeException(
                "not supported in asrsim: switch -File",
                "NotSupported",
                "NotImplemented",
                extent=node.extent,
            )
        subject = self.value_of_statement(node.condition) if node.condition else (lambda ctx: None)
        clauses: list[tuple[str, Any, Stmt]] = []
        for test, body in node.clauses:
            if isinstance(test, A.ScriptBlockExpressionAst):
                block = ScriptBlock(
                    test.script_block, self.compile_script_block, test.extent.source.path
                )
                clauses.append(("block", block, self.block(body)))
            else:
                clauses.append(("value", self.expr(test), self.block(body)))
        default = self.block(node.default) if node.default else None
        case = "casesensitive" in flags
        mode = "regex" if "regex" in flags else "wildcard" if "wildcard" in flags else "exact"
        label = node.label.casefold() if node.label else None

        def matches(ctx: Context, kind: str, test: Any, value: Any) -> bool:
            if kind == "block":
                result = invoke_block_collect(ctx, test, dollar_under=value, new_scope=False)
                return conversions.to_bool(result[0] if len(result) == 1 else result)
            pattern = test(ctx)
            if isinstance(pattern, ScriptBlock):
                result = invoke_block_collect(ctx, pattern, dollar_under=value, new_scope=False)
                return conversions.to_bool(result[0] if len(result) == 1 else result)
            if mode == "regex":
                return bool(
                    operators.binary(
                        "cmatch" if case else "imatch",
                        value,
                        pattern,
                        ctx.runtime.operators_for(ctx),
                    )
                )
            if mode == "wildcard":
                return bool(
                    operators.binary(
                        "clike" if case else "ilike", value, pattern, ctx.runtime.operator_context
                    )
                )
            # about_Switch: without -Regex/-Wildcard the value and the clause are compared
            # as strings (so [DayOfWeek]::Thursday does not match 4)
            left = conversions.to_string(value)
            right = conversions.to_string(pattern)
            return left == right if case else left.casefold() == right.casefold()

        def run(ctx: Context) -> None:
            value = subject(ctx)
            items = list(value) if isinstance(value, list) else [value]
            scope = ctx.scope
            saved = scope.variables.get("_")
            saved_switch = scope.variables.get("switch")
            # $switch is the enumerator of the input: $switch.MoveNext() skips a value
            enumerator = LoopEnumerator(items)
            scope.set_local("switch", enumerator.view(), "switch")
            try:
                while True:
                    enumerator.index += 1
                    if enumerator.index >= len(items):
                        break
                    item = items[enumerator.index]
                    scope.set_local("_", item, "_")
                    scope.set_local("PSItem", item, "psitem")
                    matched = False
                    try:
                        for kind, test, body in clauses:
                            if matches(ctx, kind, test, item):
                                matched = True
                                body(ctx)
                        if not matched and default is not None:
                            default(ctx)
                    except ContinueException as jump:
                        if jump.label is None or (label and jump.label.casefold() == label):
                            continue
                        raise
            except BreakException as jump:
                if not (jump.label is None or (label and jump.label.casefold() == label)):
                    raise
            finally:
                if saved is None:
                    scope.variables.pop("_", None)
                else:
                    scope.variables["_"] = saved
                if saved_switch is None:
                    scope.variables.pop("switch", None)
                else:
                    scope.variables["switch"] = saved_switch

        return run

    def s_TryStatementAst(self, node: A.TryStatementAst) -> Stmt:
        body = self.block(node.body)
        catches = [
            ([t.name for t in c.catch_types], self.block(c.body)) for c in node.catch_clauses
        ]
        final = self.block(node.finally_) if node.finally_ else None

        def run(ctx: Context) -> None:
            runtime = ctx.runtime
            try:
                runtime.try_depth += 1
                try:
                    body(ctx)
                finally:
                    runtime.try_depth -= 1
            except RuntimeException as error:
                record = _record_of(error)
                for types, handler in catches:
                    if not types or any(exception_matches(error, t) for t in types):
                        runtime.record_error(record)
                        seen = _as_caught(record, error, types)
                        scope = ctx.scope
                        saved = scope.variables.get("_")
                        scope.set_local("_", seen, "_")
                        scope.set_local("PSItem", seen, "psitem")
                        runtime.current_errors.append(record)
                        try:
                            handler(ctx)
                        finally:
                            runtime.current_errors.pop()
                            if saved is None:
                                scope.variables.pop("_", None)
                            else:
                                scope.variables["_"] = saved
                        break
                else:
                    raise
            finally:
                if final is not None:
                    final(ctx)

        return run

    def s_TrapStatementAst(self, node: A.TrapStatementAst) -> Stmt:
        return lambda ctx: None  # traps are gathered by the block that holds them

    def s_BreakStatementAst(self, node: A.BreakStatementAst) -> Stmt:
        label = self._label(node.label)

        def run(ctx: Context) -> None:
            raise BreakException(label(ctx))

        return run

    def s_ContinueStatementAst(self, node: A.ContinueStatementAst) -> Stmt:
        label = self._label(node.label)

        def run(ctx: Context) -> None:
            raise ContinueException(label(ctx))

        return run

    def _label(self, node: A.ExpressionAst | None) -> Callable[[Context], str | None]:
        if node is None:
            return lambda ctx: None
        if isinstance(node, A.StringConstantExpressionAst):
            text = str(node.value)
            return lambda ctx: text
        value = self.expr(node)
        return lambda ctx: conversions.to_string(value(ctx))

    def s_ReturnStatementAst(self, node: A.ReturnStatementAst) -> Stmt:
        statement = self.statement(node.pipeline) if node.pipeline else None

        def run(ctx: Context) -> None:
            if statement is not None:
                statement(ctx)
            raise ReturnException()

        return run

    def s_ExitStatementAst(self, node: A.ExitStatementAst) -> Stmt:
        value = self.value_of_statement(node.pipeline) if node.pipeline else None

        def run(ctx: Context) -> None:
            code = 0
            if value is not None:
                result = value(ctx)
                try:
                    code = int(conversions.to_number(result)) if result is not None else 0
                except RuntimeException:
                    code = 1
            raise ExitException(code)

        return run

    def s_ThrowStatementAst(self, node: A.ThrowStatementAst) -> Stmt:
        value = self.value_of_statement(node.pipeline) if node.pipeline else None
        extent = node.extent

        def run(ctx: Context) -> None:
            thrown = value(ctx) if value is not None else None
            if value is None and ctx.runtime.current_errors:
                record = ctx.runtime.current_errors[-1]
                error = record.exception
                error.script_terminating = True
                raise error
            raise _thrown(thrown, extent)

        return run

    # -- expressions ---------------------------------------------------------------------

    def expr(self, node: A.ExpressionAst) -> Expr:
        result: Expr = self._compiler_for("e_", node)(node)
        return result

    def e_ConstantExpressionAst(self, node: A.ConstantExpressionAst) -> Expr:
        value = node.value
        return lambda ctx: value

    e_StringConstantExpressionAst = e_ConstantExpressionAst

    def e_ExpandableStringExpressionAst(self, node: A.ExpandableStringExpressionAst) -> Expr:
        parts: list[str | Expr] = [
            p
            if isinstance(p, str)
            else self._variable_reader(p, in_string=True)
            if isinstance(p, A.VariableExpressionAst)
            else self.expr(p)
            for p in node.parts
        ]

        def expand(ctx: Context) -> str:
            ofs = conversions.to_string(ctx.runtime.get_variable(ctx.scope, "OFS", " "))
            pieces = []
            for part in parts:
                if isinstance(part, str):
                    pieces.append(part)
                else:
                    pieces.append(conversions.to_string(part(ctx), ofs))
            return "".join(pieces)

        return expand

    def _variable_reader(self, node: A.VariableExpressionAst, in_string: bool = False) -> Expr:
        name = node.name
        folded = name.casefold()
        scope_name = node.scope
        extent = node.extent
        if scope_name == "env":
            return lambda ctx: ctx.runtime.environment.get(name, _env_lookup(ctx, name))
        if scope_name in ("variable",):
            scope_name = None
        if folded == "?":
            return lambda ctx: ctx.runtime.last_success
        if folded in ("true", "false", "null") and scope_name is None:
            constant = {"true": True, "false": False, "null": None}[folded]
            return lambda ctx: constant
        if folded == "pscmdlet":
            return lambda ctx: _pscmdlet(ctx)
        if folded == "myinvocation":
            return lambda ctx: _my_invocation(ctx)
        if folded == "executioncontext":
            raise RuntimeException(
                "not supported in asrsim: $ExecutionContext",
                "NotSupported",
                "NotImplemented",
                extent=extent,
            )

        def read(ctx: Context) -> Any:
            scope = ctx.scope if scope_name is None else ctx.scope.qualified(scope_name)
            variable = (
                scope.lookup(folded)
                if scope_name in (None, "global", "script")
                else scope.variables.get(folded)
            )
            if variable is None and ctx.runtime.commands.has_pending:
                # a variable a cmdlet module defines ($PWD): load the modules, look again
                ctx.runtime.commands.load_pending()
                variable = scope.lookup(folded)
            if variable is None:
                # strict mode 1.0 allows an unset variable inside a string; 2.0 and later do not
                if (ctx.scope.strict_version or 0) >= (2 if in_string else 1):
                    raise RuntimeException(
                        f"The variable '${name}' cannot be retrieved because it has not been set.",
                        "VariableIsUndefined",
                        "InvalidOperation",
                        target=name,
                        extent=extent,
                    )
                return None
            return variable.value

        if scope_name is None:

            def read_plain(ctx: Context) -> Any:
                here = ctx.scope
                variable = here.variables.get(folded)
                if variable is not None:
                    return variable.value
                scope = here.parent
                while scope is not None:
                    variable = scope.variables.get(folded)
                    if variable is not None and not variable.private:
                        return variable.value
                    scope = scope.parent
                return read(ctx)

            return read_plain
        return read

    def _variable_writer(self, node: A.VariableExpressionAst) -> Callable[[Context, Any], None]:
        name = node.name
        folded = name.casefold()
        scope_name = node.scope
        if scope_name == "env":

            def set_env(ctx: Context, value: Any) -> None:
                if value is None:
                    ctx.runtime.environment.pop(name, None)
                else:
                    ctx.runtime.environment[name] = conversions.to_string(value)

            return set_env
        if folded in ("true", "false", "null", "?") and scope_name is None:
            if folded == "null":
                return lambda ctx, value: None  # `$null = cmd` discards
            extent = node.extent

            def refuse(ctx: Context, value: Any) -> None:
                raise RuntimeException(
                    f"Cannot overwrite variable {name} because it is read-only or constant.",
                    "VariableNotWritable",
                    "WriteError",
                    target=name,
                    extent=extent,
                )

            return refuse

        if scope_name == "private":

            def write_private(ctx: Context, value: Any) -> None:
                ctx.scope.set_local(name, value, folded)
                ctx.scope.variables[folded].private = True

            return write_private

        def write(ctx: Context, value: Any) -> None:
            scope = ctx.scope.qualified(scope_name) if scope_name else ctx.scope
            scope.set_local(name, value, folded)

        return write

    def e_VariableExpressionAst(self, node: A.VariableExpressionAst) -> Expr:
        if node.splatted:
            raise RuntimeException(
                "The splatting operator '@' cannot be used to reference variables in an "
                "expression. '@" + node.name + "' can be used only as an argument to a command. "
                "To reference variables in an expression use '$" + node.name + "'.",
                "SplattingNotPermitted",
                "ParserError",
                extent=node.extent,
            )
        return self._variable_reader(node)

    def e_ArrayLiteralAst(self, node: A.ArrayLiteralAst) -> Expr:
        elements = [self.expr(e) for e in node.elements]
        return lambda ctx: [_nothing_to_null(e(ctx)) for e in elements]

    def e_ArrayExpressionAst(self, node: A.ArrayExpressionAst) -> Expr:
        statements = node.sub_expression.statements
        if len(statements) == 1 and isinstance(statements[0], A.PipelineAst):
            elements = statements[0].pipeline_elements
            if (
                len(elements) == 1
                and isinstance(elements[0], A.CommandExpressionAst)
                and not elements[0].redirections
            ):
                value = self.expr(elements[0].expression)

                def single(ctx: Context) -> list[Any]:
                    result = value(ctx)
                    if result is NOTHING:
                        return []
                    if isinstance(result, list):
                        return list(result)
                    return [result]

                return single
        body = self.block(node.sub_expression)

        def collect(ctx: Context) -> list[Any]:
            out = Collector()
            body(ctx.child(emit=out))
            return out.items

        return collect

    def e_SubExpressionAst(self, node: A.SubExpressionAst) -> Expr:
        body = self.block(node.sub_expression)

        def collect(ctx: Context) -> Any:
            out = Collector()
            body(ctx.child(emit=out))
            if not out.items:
                return NOTHING
            return out.result()

        return collect

    def e_ParenExpressionAst(self, node: A.ParenExpressionAst) -> Expr:
        inner = node.pipeline
        if isinstance(inner, A.AssignmentStatementAst):
            return self.assignment(inner)
        value = self.value_of_statement(inner)
        if (
            isinstance(inner, A.PipelineAst)
            and len(inner.pipeline_elements) == 1
            and isinstance(inner.pipeline_elements[0], A.CommandExpressionAst)
        ):
            return value
        statement = self.statement(inner)

        def collect(ctx: Context) -> Any:
            out = Collector()
            statement(ctx.child(emit=out))
            if not out.items:
                return NOTHING
            return out.result()

        return collect

    def e_HashtableAst(self, node: A.HashtableAst) -> Expr:
        pairs = [(self._key(k), self.value_of_statement(v)) for k, v in node.key_value_pairs]
        extent = node.extent
        return lambda ctx: self._hashtable(ctx, pairs, extent, ordered=False)

    def _key(self, node: A.ExpressionAst) -> Expr:
        if isinstance(node, A.StringConstantExpressionAst):
            value = node.value
            return lambda ctx: value
        return self.expr(node)

    @staticmethod
    def _hashtable(
        ctx: Context, pairs: list[tuple[Expr, Expr]], extent: A.Extent, ordered: bool
    ) -> Hashtable:
        table = Hashtable(ordered=ordered)
        for key, value in pairs:
            k = key(ctx)
            if k in table:
                raise RuntimeException(
                    f"Duplicate keys '{k}' are not allowed in hash literals.",
                    "DuplicateKeyInHashLiteral",
                    "ParserError",
                    extent=extent,
                )
            table[k] = value(ctx)
        return table

    def e_ScriptBlockExpressionAst(self, node: A.ScriptBlockExpressionAst) -> Expr:
        block_ast = node.script_block
        source = node.extent.source.path
        shared: list[ScriptBlock] = []

        def make(ctx: Context) -> ScriptBlock:
            if not shared:  # one compiled body for every evaluation of the literal
                shared.append(ScriptBlock(block_ast, self.compile_script_block, source))
            block = shared[0]
            return block

        return make

    def e_BinaryExpressionAst(self, node: A.BinaryExpressionAst) -> Expr:
        op = node.operator
        left = self.expr(node.left)
        right = self.expr(node.right)
        to_bool = conversions.to_bool
        if op == "and":
            return lambda ctx: to_bool(left(ctx)) and to_bool(right(ctx))
        if op == "or":
            return lambda ctx: to_bool(left(ctx)) or to_bool(right(ctx))
        if op == "??":

            def coalesce(ctx: Context) -> Any:
                value = left(ctx)
                return right(ctx) if value is None or value is NOTHING else value

            return coalesce
        if op == "+":
            return lambda ctx: _fast_add(left(ctx), right(ctx), ctx)
        if op == "-":
            return lambda ctx: _fast_sub(left(ctx), right(ctx), ctx)
        compare = _FAST_COMPARE.get(op)
        extent = node.extent
        if compare is not None:

            def comparison(ctx: Context) -> Any:
                a = left(ctx)
                b = right(ctx)
                if type(a) is int and type(b) is int:
                    return compare(a, b)
                return _operate(op, a, b, ctx, extent)

            return comparison
        if op in ("is", "isnot", "as") and isinstance(node.right, A.TypeExpressionAst):
            type_name = node.right.type_name.name

            def typed(ctx: Context) -> Any:
                pstype = self._type(ctx, type_name, extent)
                return _operate(op, left(ctx), pstype, ctx, extent)

            return typed
        return lambda ctx: _operate(op, left(ctx), right(ctx), ctx, extent)

    def e_UnaryExpressionAst(self, node: A.UnaryExpressionAst) -> Expr:
        op = node.operator
        if op in ("++", "--", "postfix++", "postfix--"):
            read = self.expr(node.child)
            store = self.store(node.child)
            delta = 1 if "++" in op else -1
            postfix = op.startswith("postfix")

            def step(ctx: Context) -> Any:
                before = read(ctx)
                after = _fast_add(0 if before is None else before, delta, ctx)
                store(ctx, after)
                return before if postfix else after

            return step
        child = self.expr(node.child)
        extent = node.extent
        if op in ("not", "!"):
            to_bool = conversions.to_bool
            return lambda ctx: not to_bool(child(ctx))
        if op == ",":
            return lambda ctx: [_nothing_to_null(child(ctx))]

        def unary(ctx: Context) -> Any:
            try:
                return operators.unary(op, child(ctx), ctx.runtime.operator_context)
            except RuntimeException as error:
                _locate(error, extent)
                raise

        return unary

    def e_ConvertExpressionAst(self, node: A.ConvertExpressionAst) -> Expr:
        type_name = node.type_name.name
        folded = type_name.casefold()
        extent = node.extent
        if isinstance(node.child, A.HashtableAst) and folded in (
            "ordered",
            "pscustomobject",
            "system.management.automation.pscustomobject",
        ):
            pairs = [
                (self._key(k), self.value_of_statement(v)) for k, v in node.child.key_value_pairs
            ]
            if folded == "ordered":
                return lambda ctx: self._hashtable(ctx, pairs, extent, ordered=True)

            def custom_object(ctx: Context) -> PSObject:
                table = self._hashtable(ctx, pairs, extent, ordered=True)
                return PSObject([(str(k), v) for k, v in table.items()])

            return custom_object
        if folded == "ordered":
            raise RuntimeException(
                "The ordered attribute can be specified only on a hash literal node.",
                "OrderedAttributeOnlyOnHashLiteralNode",
                "ParserError",
                extent=extent,
            )
        child = self.expr(node.child)
        if folded == "void":
            return lambda ctx: (child(ctx), NOTHING)[1]
        return lambda ctx: self._convert(ctx, type_name, child(ctx), extent)

    def _type(self, ctx: Context, type_name: str, extent: A.Extent | None) -> PSType:
        pstype = ctx.runtime.types.resolve(type_name)
        if pstype is None and ctx.runtime.commands.has_pending:
            # a type a cmdlet module defines: load the modules and look again
            ctx.runtime.commands.load_pending()
            pstype = ctx.runtime.types.resolve(type_name)
        if pstype is None:
            raise RuntimeException(
                f"Unable to find type [{type_name}].",
                "TypeNotFound",
                "InvalidOperation",
                target=type_name,
                extent=extent,
            )
        return pstype

    def _convert(self, ctx: Context, type_name: str, value: Any, extent: A.Extent | None) -> Any:
        pstype = self._type(ctx, type_name, extent)
        if value is NOTHING:
            value = None
        try:
            return pstype.convert(value)
        except RuntimeException as error:
            _locate(error, extent)
            raise

    def e_TypeExpressionAst(self, node: A.TypeExpressionAst) -> Expr:
        type_name = node.type_name.name
        extent = node.extent
        return lambda ctx: self._type(ctx, type_name, extent)

    def _member_name(self, node: A.ExpressionAst) -> Callable[[Context], str]:
        if isinstance(node, A.StringConstantExpressionAst):
            text = str(node.value)
            return lambda ctx: text
        value = self.expr(node)
        return lambda ctx: conversions.to_string(value(ctx))

    def e_MemberExpressionAst(self, node: A.MemberExpressionAst) -> Expr:
        target = self.expr(node.target)
        member = self._member_name(node.member)
        extent = node.extent
        if node.static:

            def static(ctx: Context) -> Any:
                from asrsim.lang import dotnet

                pstype = target(ctx)
                try:
                    if getattr(pstype, "is_enum", False):
                        return pstype.member(member(ctx))
                    return dotnet.get_static(pstype, member(ctx))
                except RuntimeException as error:
                    _locate(error, extent)
                    raise

            return static

        def read(ctx: Context) -> Any:
            obj = target(ctx)
            name = member(ctx)
            try:
                value = get_member(ctx, obj, name)
            except RuntimeException as error:
                _locate(error, extent)
                raise
            if value is MISSING:
                if ctx.scope.strict_version and obj is not None:
                    raise RuntimeException(
                        f"The property '{name}' cannot be found on this object. Verify that "
                        "the property exists.",
                        "PropertyNotFoundStrict",
                        "NotSpecified",
                        target=name,
                        extent=extent,
                    )
                return None
            return value

        return read

    def e_InvokeMemberExpressionAst(self, node: A.InvokeMemberExpressionAst) -> Expr:
        target = self.expr(node.target)
        member = self._member_name(node.member)
        arguments = [self.expr(a) for a in node.arguments]
        extent = node.extent
        static = node.static

        def invoke(ctx: Context) -> Any:
            obj = target(ctx)
            name = member(ctx)
            args = [_nothing_to_null(a(ctx)) for a in arguments]
            try:
                if static:
                    hook = ctx.runtime.static_hooks.get(
                        f"{getattr(obj, 'full_name', '')}::{name}".casefold()
                    )
                    if hook is not None:
                        return hook(*args)
                    from asrsim.lang import dotnet

                    return dotnet.invoke_static(
                        obj, name, args, clock=ctx.runtime.clock, new_guid=ctx.runtime.new_guid
                    )
                return invoke_member(
                    ctx,
                    obj,
                    name,
                    args,
                    lambda block, item: invoke_block_collect(
                        ctx, block, dollar_under=item, new_scope=False
                    ),
                )
            except RuntimeException as error:
                _locate(error, extent)
                raise
            except (ReturnException, BreakException, ContinueException, ExitException):
                raise
            except Exception as error:  # a .NET method's own failure, as PowerShell wraps it
                raise RuntimeException(
                    f'Exception calling "{name}" with "{len(args)}" argument(s): "{error}"',
                    "MethodInvocationException",
                    "NotSpecified",
                    extent=extent,
                    dotnet_type="System.Management.Automation.MethodInvocationException",
                ) from None

        return invoke

    def e_IndexExpressionAst(self, node: A.IndexExpressionAst) -> Expr:
        target = self.expr(node.target)
        index = self.expr(node.index)
        extent = node.extent

        def read(ctx: Context) -> Any:
            try:
                return _index(ctx, target(ctx), index(ctx))
            except RuntimeException as error:
                _locate(error, extent)
                raise

        return read

    def e_TernaryExpressionAst(self, node: A.TernaryExpressionAst) -> Expr:
        condition = self.expr(node.condition)
        if_true = self.expr(node.if_true)
        if_false = self.expr(node.if_false)
        to_bool = conversions.to_bool
        return lambda ctx: if_true(ctx) if to_bool(condition(ctx)) else if_false(ctx)

    def _null_conditional(
        self, node: A.MemberExpressionAst | A.IndexExpressionAst, access: Expr
    ) -> Expr:
        """``${a}?.b``, ``${a}?.M()``, ``${a}?[0]``: $null, without evaluating the member or
        the index, when the target is $null."""
        target = self.expr(node.target)

        def guarded(ctx: Context) -> Any:
            value = target(ctx)
            if value is None or value is NOTHING:
                return None
            return access(ctx)

        return guarded

    def e_NullConditionalMemberExpressionAst(
        self, node: A.NullConditionalMemberExpressionAst
    ) -> Expr:
        return self._null_conditional(node, self.e_MemberExpressionAst(node))

    def e_NullConditionalInvokeMemberExpressionAst(
        self, node: A.NullConditionalInvokeMemberExpressionAst
    ) -> Expr:
        return self._null_conditional(node, self.e_InvokeMemberExpressionAst(node))

    def e_NullConditionalIndexExpressionAst(
        self, node: A.NullConditionalIndexExpressionAst
    ) -> Expr:
        return self._null_conditional(node, self.e_IndexExpressionAst(node))

    def e_ErrorExpressionAst(self, node: A.ErrorExpressionAst) -> Expr:
        def fail(ctx: Context) -> Any:
            raise RuntimeException(
                "The expression could not be parsed.",
                "ParseError",
                "ParserError",
                extent=node.extent,
            )

        return fail


# -- helpers used by compiled code -------------------------------------------------------------


def _drop(value: Any) -> None:
    pass


def _plain_variable(node: A.StatementAst) -> str | None:
    """The folded name when a statement is just ``$name`` (no scope, no automatic variable)."""
    if not isinstance(node, A.PipelineAst) or len(node.pipeline_elements) != 1:
        return None
    element = node.pipeline_elements[0]
    if not isinstance(element, A.CommandExpressionAst) or element.redirections:
        return None
    expression = element.expression
    if not isinstance(expression, A.VariableExpressionAst) or expression.scope or \
            expression.splatted:
        return None
    folded = expression.name.casefold()
    return None if folded in ("true", "false", "null", "?", "pscmdlet", "myinvocation") \
        else folded


class LoopEnumerator:
    """The enumerator behind ``$foreach`` and ``$switch`` (System.Collections.IEnumerator)."""

    __slots__ = ("index", "items")

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.index = -1

    def move_next(self) -> bool:
        self.index += 1
        return self.index < len(self.items)

    def current(self) -> Any:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def reset(self) -> None:
        self.index = -1

    def view(self) -> PSObject:
        return PSObject([("Current", PSScriptProperty("Current", self.current))],
                        ("System.Collections.IEnumerator",),
                        methods={"MoveNext": self.move_next, "Reset": self.reset})


def _bound_stages(
    ctx: Context, stages: list[Callable[[Context, bool], Processor]]
) -> list[Callable[[bool], Processor]]:
    return [functools.partial(stage, ctx) for stage in stages]


def _nothing_to_null(value: Any) -> Any:
    return None if value is NOTHING else value


def _argument_value(value: Any) -> Any:
    return None if value is NOTHING else value


def _flatten(values: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for value in values:
        if isinstance(value, list):
            flat.extend(value)
        else:
            flat.append(value)
    return flat


def _env_lookup(ctx: Context, name: str) -> Any:
    for key, value in ctx.runtime.environment.items():
        if key.casefold() == name.casefold():
            return value
    return None


def _locate(error: RuntimeException, extent: A.Extent | None) -> None:
    record = error.error_record
    if record is not None and record.invocation_info.extent is None and extent is not None:
        record.invocation_info = InvocationInfo(record.invocation_info.command_name, extent)


_SCOPED_OPERATORS = ("match", "replace")


def _operate(op: str, left: Any, right: Any, ctx: Context, extent: A.Extent) -> Any:
    runtime = ctx.runtime
    scoped = any(word in op for word in _SCOPED_OPERATORS)
    try:
        return operators.binary(
            op, left, right, runtime.operators_for(ctx) if scoped else runtime.operator_context
        )
    except RuntimeException as error:
        _locate(error, extent)
        raise


def _as_caught(record: ErrorRecord, error: RuntimeException, types: list[str]) -> ErrorRecord:
    """The $_ of a catch block. When only the .NET exception a RuntimeException wraps matched
    the catch type (``catch [DivideByZeroException]`` for ``1/0``), PowerShell hands the
    block a record of that inner exception."""
    inner = error.inner
    if not types or not isinstance(inner, PSException):
        return record
    if any(exception_matches(error, t, include_inner=False) for t in types):
        return record
    return dataclasses.replace(record, exception=inner)


def _record_of(error: RuntimeException) -> ErrorRecord:
    record = error.error_record
    assert record is not None
    return record


def _thrown(value: Any, extent: A.Extent) -> RuntimeException:
    """What `throw <value>` raises: PowerShell uses the text as both message and error id."""
    if isinstance(value, ErrorRecord):
        error = value.exception
        if not isinstance(error, RuntimeException):
            error = RuntimeException(
                value.message, value.fully_qualified_error_id, value.category, extent=extent
            )
        error.script_terminating = True
        return error
    if isinstance(value, RuntimeException):
        value.script_terminating = True
        return value
    if isinstance(value, PSException):
        # `throw [ArgumentException]::new('x')`: the record carries that exception's type
        error = RuntimeException(
            value.message,
            value.message,
            "OperationStopped",
            extent=extent,
            dotnet_type=value.dotnet_type,
            inner=value.inner,
        )
        error.script_terminating = True
        return error
    message = "ScriptHalted" if value is None else conversions.to_string(value)
    error = RuntimeException(message, message, "OperationStopped", target=value, extent=extent)
    error.script_terminating = True
    return error


def _statement_failed(
    ctx: Context,
    error: RuntimeException,
    node: A.StatementAst,
    traps: list[tuple[str | None, Stmt]],
) -> None:
    """A terminating error escaped a statement: a trap handles it, or, outside any try, a
    statement-terminating error is reported and the next statement runs (PowerShell's rule);
    `throw` and errors under $ErrorActionPreference = 'Stop' end the script."""
    runtime = ctx.runtime
    record = _record_of(error)
    if record.invocation_info.extent is None:
        record.invocation_info = InvocationInfo(record.invocation_info.command_name, node.extent)
    for type_name, body in traps:
        if type_name is None or exception_matches(error, type_name):
            scope = ctx.scope
            scope.set_local("_", record, "_")
            try:
                body(ctx)
            except ContinueException:
                runtime.record_error(record)
                return
            except BreakException:
                raise error from None
            runtime.report_error(record)
            return
    if runtime.try_depth > 0 or error.script_terminating:
        raise error
    if isinstance(error, ActionPreferenceStopException):
        raise error
    if runtime.preference(ctx.scope, "ErrorActionPreference") == "Stop":
        raise error
    runtime.last_success = False
    runtime.report_error(record)


def _index(ctx: Context, target: Any, index: Any) -> Any:
    if target is None or target is NOTHING:
        raise RuntimeException("Cannot index into a null array.", "NullArray", "InvalidOperation")
    if isinstance(index, list):
        return [_index(ctx, target, i) for i in index]
    if isinstance(target, dict):
        if (
            isinstance(target, Hashtable)
            and target.ordered
            and type(index) is int
            and index not in target
        ):
            # an [ordered] dictionary is also indexed by position
            values = list(target.values())
            return values[index] if -len(values) <= index < len(values) else None
        return target.get(index)
    if isinstance(target, list | str):
        try:
            position = int(conversions.to_number(index))
        except RuntimeException:
            raise RuntimeException(
                f'Cannot convert value "{index}" to type "System.Int32".',
                "InvalidArgument",
                "InvalidArgument",
            ) from None
        if -len(target) <= position < len(target):
            found = target[position]
            # a string's elements are [char]s
            return conversions.Char(found) if isinstance(target, str) else found
        if (ctx.scope.strict_version or 0) >= 3:
            raise RuntimeException(
                "Index was outside the bounds of the array.",
                "System.IndexOutOfRangeException",
                "NotSpecified",
                target=index,
                dotnet_type="System.IndexOutOfRangeException",
            )
        return None
    if isinstance(target, PSObject):
        method = target.methods.get("get_item")
        if method is not None:
            return method(index)
    # PowerShell 3+: a scalar can be indexed as if it were a one-element array
    try:
        position = int(conversions.to_number(index))
    except RuntimeException:
        return None
    return target if position in (0, -1) else None


def _set_index(target: Any, index: Any, value: Any) -> None:
    if isinstance(target, dict):
        target[index] = value
        return
    if isinstance(target, list):
        position = int(conversions.to_number(index))
        if -len(target) <= position < len(target):
            target[position] = value
            return
        raise RuntimeException(
            "Index was outside the bounds of the array.",
            "IndexOutOfRange",
            "InvalidOperation",
            target=index,
        )
    if isinstance(target, PSObject):
        method = target.methods.get("set_item")
        if method is not None:
            method(index, value)
            return
    raise RuntimeException(
        f"Unable to index into an object of type {conversions.type_name_of(target)}.",
        "CannotIndex",
        "InvalidOperation",
        target=target,
    )


def _pscmdlet(ctx: Context) -> Any:
    command = ctx.command
    if command is None or not getattr(command, "compiled", None) or not command.compiled.advanced:
        return None
    call = command.call
    settings = command.settings

    def should_process(target: Any, action: Any = None) -> bool:
        from asrsim.lang.runtime import CommandHooks

        hooks = CommandHooks(ctx, settings, command.name, command.extent, _drop)
        return hooks.should_process(
            conversions.to_string(target),
            conversions.to_string(action) if action is not None else command.name,
        )

    def write_error(record: Any) -> None:
        if isinstance(record, ErrorRecord):
            handle_error(ctx, record, settings)

    def throw_terminating(record: Any) -> None:
        if isinstance(record, ErrorRecord):
            raise record.exception

    return PSObject(
        [("ParameterSetName", call.parameter_set), ("MyInvocation", _my_invocation(ctx))],
        ("System.Management.Automation.PSScriptCmdlet",),
        methods={
            "ShouldProcess": should_process,
            "WriteError": write_error,
            "ThrowTerminatingError": throw_terminating,
        },
    )


def _my_invocation(ctx: Context) -> PSObject:
    command = ctx.command
    name = getattr(command, "name", "") if command is not None else ""
    path = ctx.script_path or ""
    bound = ctx.scope.lookup("psboundparameters")
    return PSObject(
        [
            (
                "MyCommand",
                PSObject(
                    [("Name", name.rsplit("/", 1)[-1] if name else ""), ("Path", path or None)]
                ),
            ),
            ("InvocationName", name),
            ("ScriptName", path),
            ("PSScriptRoot", _dir(path)),
            ("PSCommandPath", path),
            ("BoundParameters", bound.value if bound else Hashtable()),
        ],
        ("System.Management.Automation.InvocationInfo",),
    )


def _dir(path: str) -> str:
    from pathlib import Path

    return str(Path(path).parent) if path else ""
