"""Parameter binding, in PowerShell's stages: named arguments (unique prefixes, aliases,
switches), positional arguments, type conversion and validation, parameter-set resolution,
then pipeline input (by value, then by property name) object by object, and last the
mandatory check.

Error ids and texts are PowerShell's (ParameterBinderStrings.resx).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from asrsim.lang.ast import Extent
from asrsim.lang.commands import (
    ACTION_PREFERENCES,
    ALL_SETS,
    COMMON_ALIASES,
    COMMON_PARAMETERS,
    CommandSignature,
    Parameter,
)
from asrsim.lang.conversions import to_string
from asrsim.lang.errors import ParameterBindingException, RuntimeException
from asrsim.lang.psobject import Hashtable, PSObject


@dataclass(frozen=True)
class NamedArgument:
    """``-Name`` (``value`` is ABSENT) or ``-Name:value`` at a call site."""

    name: str
    value: Any
    extent: Extent | None = None
    #: text as written, for error messages (``-Nam``)
    written: str = ""


@dataclass(frozen=True)
class PositionalArgument:
    value: Any
    extent: Extent | None = None


Argument = NamedArgument | PositionalArgument


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()

SHOULD_PROCESS_PARAMETERS = ("WhatIf", "Confirm")

Converter = Callable[[Any, str], Any]  # (value, type name) -> converted; raises RuntimeException


@dataclass
class BoundCall:
    """The outcome of static binding, reused for every pipeline object."""

    signature: CommandSignature
    bound: dict[str, Any]
    common: dict[str, Any]
    candidate_sets: list[str]
    remaining: list[Any] = field(default_factory=list)  # $args of a simple function
    bound_by_pipeline: set[str] = field(default_factory=set)
    #: how pipeline objects bind, worked out at the first one (see Binder.bind_pipeline)
    plan: _PipelinePlan | None = None

    @property
    def parameter_set(self) -> str:
        return self.candidate_sets[0] if self.candidate_sets else ALL_SETS


@dataclass
class _PipelinePlan:
    """For the common case of one untyped ValueFromPipeline parameter (InputObject) and
    nothing bound by property name: every object binds the same way, so the set resolution
    and mandatory check done for the first object hold for all of them."""

    fast: str | None
    base: dict[str, Any]
    sets: list[str]


class Binder:
    def __init__(
        self,
        signature: CommandSignature,
        convert: Converter,
        type_label: Callable[[str], str],
        *,
        is_cmdlet: bool = True,
        run_validation: Callable[[Any, Any], bool] | None = None,
    ) -> None:
        self.signature = signature
        #: runs a [ValidateScript()] block with $_ set to the value; True when it passes
        self.run_validation = run_validation
        self.convert = convert
        self.type_label = type_label  # "System.String" for "string": for error texts
        self.is_cmdlet = is_cmdlet
        self.by_name: dict[str, Parameter] = {}
        for parameter in signature.parameters:
            self.by_name[parameter.name.casefold()] = parameter
            for alias in parameter.aliases:
                self.by_name[alias.casefold()] = parameter

    # -- errors --------------------------------------------------------------------------

    def _error(
        self,
        message: str,
        error_id: str,
        extent: Extent | None = None,
        category: str = "InvalidArgument",
        target: Any = None,
    ) -> ParameterBindingException:
        return ParameterBindingException(
            message,
            error_id,
            command=self.signature.error_suffix or self.signature.name,
            activity=self.signature.name,
            category=category,
            extent=extent,
            target=target,
        )

    # -- names ---------------------------------------------------------------------------

    def _common_names(self) -> list[str]:
        if not self.signature.advanced:
            return []
        names = list(COMMON_PARAMETERS)
        if self.signature.supports_should_process:
            names += list(SHOULD_PROCESS_PARAMETERS)
        return names

    def _knows(self, written: str) -> bool:
        folded = written.casefold()
        return any(key.startswith(folded) for key in self.by_name)

    def resolve_name(self, written: str, extent: Extent | None) -> tuple[str, Parameter | None]:
        """The parameter (or common parameter name) a written ``-name`` means."""
        folded = written.casefold()
        if folded in self.by_name:
            return self.by_name[folded].name, self.by_name[folded]
        commons = self._common_names()
        for common in commons:
            if common.casefold() == folded:
                return common, None
        alias = COMMON_ALIASES.get(folded)
        if alias and alias in commons:
            return alias, None
        matches: dict[str, Parameter | None] = {}
        for key, parameter in self.by_name.items():
            if key.startswith(folded):
                matches[parameter.name] = parameter
        for common in commons:
            if common.casefold().startswith(folded):
                matches[common] = None
        if len(matches) == 1:
            name, found = next(iter(matches.items()))
            return name, found
        if not matches:
            raise self._error(
                f"A parameter cannot be found that matches parameter name '{written}'.",
                "NamedParameterNotFound",
                extent,
                target=written,
            )
        listed = " ".join(f"-{m}" for m in matches)
        raise self._error(
            f"Parameter cannot be processed because the parameter name '{written}' is "
            f"ambiguous. Possible matches include: {listed}.",
            "AmbiguousParameter",
            extent,
            target=written,
        )

    # -- static binding ------------------------------------------------------------------

    def bind(self, arguments: Sequence[Argument], expects_input: bool) -> BoundCall:
        bound: dict[str, Any] = {}
        common: dict[str, Any] = {}
        positional: list[PositionalArgument] = []
        extents: dict[str, Extent | None] = {}
        index = 0
        while index < len(arguments):
            argument = arguments[index]
            index += 1
            if isinstance(argument, PositionalArgument):
                positional.append(argument)
                continue
            written = argument.written or argument.name
            if not self.signature.advanced and not self._knows(argument.name):
                # a simple function takes what it does not declare into $args, dash and all
                positional.append(PositionalArgument(f"-{written}", argument.extent))
                if argument.value is not ABSENT:
                    positional.append(PositionalArgument(argument.value, argument.extent))
                continue
            name, parameter = self.resolve_name(argument.name, argument.extent)
            value = argument.value
            is_switch = (
                parameter.is_switch
                if parameter
                else name in ("Verbose", "Debug", "WhatIf", "Confirm")
            )
            if value is ABSENT:
                if is_switch:
                    value = True
                elif index < len(arguments) and isinstance(arguments[index], PositionalArgument):
                    value = arguments[index].value
                    index += 1
                else:
                    type_name = parameter.type if parameter else "string"
                    raise self._error(
                        f"Missing an argument for parameter '{name}'. Specify a parameter of "
                        f"type '{self.type_label(type_name)}' and try again.",
                        "MissingArgument",
                        argument.extent,
                        target=written,
                    )
            if name in bound or name in common:
                raise self._error(
                    f"Cannot bind parameter because parameter '{name}' is specified more "
                    "than once. To provide multiple values to parameters that can accept "
                    "multiple values, use the array syntax. For example, "
                    '"-parameter value1,value2,value3".',
                    "ParameterAlreadyBound",
                    argument.extent,
                    target=written,
                )
            if parameter is None:
                common[name] = self._common_value(name, value, argument.extent)
            else:
                bound[name] = value
                extents[name] = argument.extent
        candidates = self._candidate_sets(bound, None)
        remaining: list[Any] = []
        leftovers = self._bind_positional(positional, bound, extents, candidates)
        still_possible = self._candidate_sets(bound, None) if leftovers else candidates
        sink = next(
            (
                p
                for p in self.signature.parameters
                if p.remaining and any(p.in_set(s) for s in still_possible)
            ),
            None,
        )
        for argument in leftovers:
            if sink is not None:
                # ValueFromRemainingArguments gathers every argument nothing else took
                gathered = bound.get(sink.name)
                if not isinstance(gathered, _Remaining):
                    gathered = _Remaining([] if sink.name not in bound else [bound[sink.name]])
                    bound[sink.name] = gathered
                gathered.append(argument.value)
                continue
            if not self.signature.advanced:
                remaining.append(argument.value)
                continue
            raise self._error(
                f"A positional parameter cannot be found that accepts argument "
                f"'{_argument_text(argument.value)}'.",
                "PositionalParameterNotFound",
                argument.extent,
                target=argument.value,
            )
        for name in list(bound):
            parameter = self.by_name[name.casefold()]
            bound[name] = self.coerce(parameter, bound[name], extents.get(name))
        candidates = self._candidate_sets(bound, None)
        call = BoundCall(self.signature, bound, common, candidates, remaining)
        self._narrow(call, expects_input)
        if not expects_input:
            self.check_mandatory(call)
        return call

    def _bind_positional(
        self,
        positional: list[PositionalArgument],
        bound: dict[str, Any],
        extents: dict[str, Extent | None],
        candidates: list[str],
    ) -> list[PositionalArgument]:
        """Bind arguments to positions in order. Parameters of different sets may share a
        position; PowerShell takes the one whose set is still possible and whose type the
        argument converts to (``Where-Object Name`` goes to -Property, not -FilterScript)."""
        if not positional:
            return []
        by_position: dict[int, list[Parameter]] = {}
        for parameter in self.signature.parameters:
            if (
                parameter.position is not None
                and parameter.name not in bound
                and not parameter.remaining
            ):
                by_position.setdefault(parameter.position, []).append(parameter)
        positions = sorted(by_position)
        sets = list(candidates)
        leftovers = []
        for argument in positional:
            chosen: Parameter | None = None
            while positions and chosen is None:
                options = [
                    p
                    for p in by_position[positions.pop(0)]
                    if p.name not in bound and any(p.in_set(s) for s in sets)
                ]
                chosen = self._best_fit(options, argument.value)
            if chosen is None:
                leftovers.append(argument)
                continue
            bound[chosen.name] = argument.value
            extents[chosen.name] = argument.extent
            sets = [s for s in sets if chosen.in_set(s)] or sets
        return leftovers

    def _best_fit(self, options: list[Parameter], value: Any) -> Parameter | None:
        """Of parameters sharing a position, the one the argument suits best: one whose
        type it already is, then one it converts to, then an untyped one."""
        if len(options) <= 1:
            return options[0] if options else None
        default = self.signature.default_set
        ordered = sorted(options, key=lambda p: 0 if default and p.in_set(default) else 1)
        typed = [p for p in ordered if p.type.lower() not in _UNTYPED]
        for parameter in typed:
            if self._fits(parameter, value):
                return parameter
        for parameter in typed:
            try:
                self.convert(value, parameter.type)
            except RuntimeException:
                continue
            return parameter
        untyped = [p for p in ordered if p.type.lower() in _UNTYPED]
        return untyped[0] if untyped else ordered[0]

    def _common_value(self, name: str, value: Any, extent: Extent | None) -> Any:
        if name in ("Verbose", "Debug", "WhatIf", "Confirm"):
            return _truthy_switch(value)
        if name in ("ErrorAction", "WarningAction", "InformationAction", "ProgressAction"):
            text = to_string(value)
            for choice in ACTION_PREFERENCES:
                if choice.casefold() == text.casefold():
                    return choice
            raise self._error(
                f"Cannot bind parameter '{name}'. Cannot convert value \"{text}\" to type "
                f'"System.Management.Automation.ActionPreference". Error: "Unable to match '
                f"the identifier name {text} to a valid enumerator name. Specify one of the "
                f'following enumerator names and try again:\n{", ".join(ACTION_PREFERENCES)}"',
                "CannotConvertArgumentNoMessage",
                extent,
                target=value,
            )
        return value

    # -- conversion and validation -------------------------------------------------------

    def coerce(self, parameter: Parameter, value: Any, extent: Extent | None) -> Any:
        if parameter.is_switch:
            return _truthy_switch(value)
        if value is None or (isinstance(value, str) and value == ""):
            if parameter.not_null_or_empty:
                raise self._validation(
                    parameter,
                    "The argument is null or empty. Provide an "
                    "argument that is not null or empty, and then try the "
                    "command again.",
                    extent,
                    value,
                )
            if parameter.mandatory:
                # a mandatory parameter of a script refuses $null and '' unless it allows them
                if value is None and not parameter.allow_null:
                    raise self._error(
                        f"Cannot bind argument to parameter '{parameter.name}' because it is null.",
                        "ParameterArgumentValidationErrorNullNotAllowed",
                        extent,
                        category="InvalidData",
                    )
                if (
                    value == ""
                    and parameter.type.lower() in ("string", "system.string")
                    and not parameter.allow_empty_string
                ):
                    raise self._error(
                        f"Cannot bind argument to parameter '{parameter.name}' "
                        "because it is an empty string.",
                        "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                        extent,
                        category="InvalidData",
                    )
        if parameter.type.lower() not in ("object", "psobject", "") and value is not None:
            try:
                value = self.convert(value, parameter.type)
            except RuntimeException as error:
                inner = error.message
                if self.is_cmdlet:
                    raise self._error(
                        f"Cannot bind parameter '{parameter.name}'. {inner}",
                        "CannotConvertArgumentNoMessage",
                        extent,
                        target=value,
                    ) from None
                raise self._error(
                    f"Cannot process argument transformation on parameter '{parameter.name}'. "
                    f"{inner}",
                    "ParameterArgumentTransformationError",
                    extent,
                    category="InvalidData",
                    target=value,
                ) from None
        self.validate(parameter, value, extent)
        return value

    def _validation(
        self, parameter: Parameter, detail: str, extent: Extent | None, value: Any
    ) -> ParameterBindingException:
        return self._error(
            f"Cannot validate argument on parameter '{parameter.name}'. {detail}",
            "ParameterArgumentValidationError",
            extent,
            category="InvalidData",
            target=value,
        )

    def validate(self, parameter: Parameter, value: Any, extent: Extent | None) -> None:
        items = value if isinstance(value, list) else [value]
        if parameter.not_null_or_empty and (value is None or value == "" or items == []):
            raise self._validation(
                parameter,
                "The argument is null, empty, or an element of "
                "the argument collection contains a null value. Supply a "
                "collection that does not contain any null values and then "
                "try the command again.",
                extent,
                value,
            )
        if parameter.validate_set:
            allowed = {c.casefold() for c in parameter.validate_set}
            for item in items:
                if item is None or to_string(item).casefold() not in allowed:
                    raise self._validation(
                        parameter,
                        f'The argument "{item}" does not belong to the set '
                        f'"{",".join(parameter.validate_set)}" specified by the ValidateSet '
                        "attribute. Supply an argument that is in the set and then try the "
                        "command again.",
                        extent,
                        value,
                    )
        if parameter.validate_range is not None:
            low, high = parameter.validate_range
            for item in items:
                if not isinstance(item, int | float) or isinstance(item, bool):
                    continue
                if item < low:
                    raise self._validation(
                        parameter,
                        f"The {_number(item)} argument is less than the minimum allowed range "
                        f"of {_number(low)}. Supply an argument that is greater than or equal "
                        f"to {_number(low)} and then try the command again.",
                        extent,
                        value,
                    )
                if item > high:
                    raise self._validation(
                        parameter,
                        f"The {_number(item)} argument is greater than the maximum allowed "
                        f"range of {_number(high)}. Supply an argument that is less than or "
                        f"equal to {_number(high)} and then try the command again.",
                        extent,
                        value,
                    )
        if parameter.validate_pattern is not None:
            import re

            for item in items:
                text = "" if item is None else to_string(item)
                if not re.search(parameter.validate_pattern, text, re.IGNORECASE):
                    raise self._validation(
                        parameter,
                        f'The argument "{text}" does not match the '
                        f'"{parameter.validate_pattern}" pattern. Supply an argument that '
                        f'matches "{parameter.validate_pattern}" and try the command again.',
                        extent,
                        value,
                    )
        if parameter.validate_length is not None:
            shortest, longest = parameter.validate_length
            for item in items:
                text = "" if item is None else to_string(item)
                if len(text) > longest:
                    raise self._validation(
                        parameter,
                        f"The character length of the {len(text)} argument is too "
                        "long. Shorten the character length of the argument so it is fewer than "
                        f'or equal to "{longest}" characters, and then try the command again.',
                        extent,
                        value,
                    )
                if len(text) < shortest:
                    raise self._validation(
                        parameter,
                        f"The character length ({len(text)}) of the argument is too "
                        "short. Specify an argument with a length that is greater than or equal "
                        f'to "{shortest}", and then try the command again.',
                        extent,
                        value,
                    )
        if parameter.validate_script is not None and self.run_validation is not None:
            for item in items:
                if not self.run_validation(parameter.validate_script, item):
                    raise self._validation(
                        parameter,
                        f'The "{parameter.validate_script}" validation script for '
                        f'the argument with value "{item}" did not return a result of True. '
                        "Determine why the validation script failed, and then try the command "
                        "again.",
                        extent,
                        value,
                    )
        if parameter.validate_count is not None:
            low_count, high_count = parameter.validate_count
            if len(items) < low_count:
                raise self._validation(
                    parameter,
                    f"The parameter requires at least {low_count} value(s) and "
                    f"only {len(items)} value(s) were supplied.",
                    extent,
                    value,
                )
            if len(items) > high_count:
                raise self._validation(
                    parameter,
                    f"The parameter requires at most {high_count} value(s) but "
                    f"{len(items)} value(s) were supplied.",
                    extent,
                    value,
                )

    # -- parameter sets ------------------------------------------------------------------

    def _candidate_sets(self, bound: dict[str, Any], extent: Extent | None) -> list[str]:
        sets = self.signature.set_names()
        candidates = [s for s in sets if all(self.by_name[n.casefold()].in_set(s) for n in bound)]
        if not candidates:
            raise self._error(
                "Parameter set cannot be resolved using the specified named parameters.",
                "AmbiguousParameterSet",
                extent,
            )
        return candidates

    def _narrow(self, call: BoundCall, expects_input: bool) -> None:
        candidates = call.candidate_sets
        if len(candidates) <= 1:
            return
        satisfied = [s for s in candidates if self._missing(call, s, expects_input) == []]
        default = self.signature.default_set
        if default in candidates and (default in satisfied or not satisfied):
            call.candidate_sets = [default, *[s for s in candidates if s != default]]
            return
        if len(satisfied) == 1:
            call.candidate_sets = satisfied + [s for s in candidates if s not in satisfied]
            return
        if not satisfied or (len(satisfied) > 1 and not expects_input):
            # PowerShell picks the set whose parameters were all given when it can
            exact = [
                s
                for s in (satisfied or candidates)
                if any(not self.by_name[n.casefold()].in_set(ALL_SETS) for n in call.bound)
            ]
            if len(exact) == 1:
                call.candidate_sets = exact
                return
            if len(satisfied) > 1 or (not satisfied and len(candidates) > 1 and not expects_input):
                raise self._error(
                    "Parameter set cannot be resolved using the specified named parameters. "
                    "One or more parameters issued cannot be used together or an insufficient "
                    "number of parameters were provided.",
                    "AmbiguousParameterSet",
                )

    def _missing(self, call: BoundCall, set_name: str, expects_input: bool) -> list[str]:
        missing = []
        for parameter in self.signature.parameters:
            if parameter.name in call.bound or not parameter.mandatory_in(set_name):
                continue
            if expects_input and (parameter.pipeline or parameter.pipeline_by_name):
                continue
            missing.append(parameter.name)
        return list(dict.fromkeys(missing))

    def check_mandatory(self, call: BoundCall) -> None:
        missing = self._missing(call, call.parameter_set, False)
        if missing:
            raise self._error(
                "Cannot process command because of one or more missing mandatory parameters: "
                f"{' '.join(missing)}.",
                "MissingMandatoryParameter",
            )

    # -- pipeline input ------------------------------------------------------------------

    def bind_pipeline(self, call: BoundCall, item: Any) -> BoundCall:
        """Bind one pipeline object; returns a call with the pipeline parameters set."""
        plan = call.plan
        if plan is None:
            plan = call.plan = self._plan(call)
        if plan.fast is not None:
            bound = dict(plan.base)
            bound[plan.fast] = item
            return BoundCall(self.signature, bound, call.common, plan.sets, call.remaining,
                             {plan.fast})
        return self._bind_pipeline(call, item)

    def _plan(self, call: BoundCall) -> _PipelinePlan:
        base = {k: v for k, v in call.bound.items() if k not in call.bound_by_pipeline}
        takers = [p for p in self.signature.parameters
                  if (p.pipeline or p.pipeline_by_name) and p.name not in base
                  and any(p.in_set(s) for s in call.candidate_sets)]
        if len(takers) != 1 or takers[0].pipeline_by_name or \
                takers[0].type.lower() not in _UNTYPED or takers[0].validate_script is not None \
                or takers[0].validate_set or takers[0].not_null_or_empty:
            return _PipelinePlan(None, base, call.candidate_sets)
        taker = takers[0]
        trial = BoundCall(self.signature, {**base, taker.name: None}, call.common,
                          [s for s in call.candidate_sets if taker.in_set(s)]
                          or call.candidate_sets, call.remaining)
        try:
            self._narrow(trial, False)
            self.check_mandatory(trial)
        except ParameterBindingException:
            return _PipelinePlan(None, base, call.candidate_sets)
        return _PipelinePlan(taker.name, base, trial.candidate_sets)

    def _bind_pipeline(self, call: BoundCall, item: Any) -> BoundCall:
        bound = {k: v for k, v in call.bound.items() if k not in call.bound_by_pipeline}
        candidates = [s for s in call.candidate_sets]
        by_value = [
            p
            for p in self.signature.parameters
            if p.pipeline and p.name not in bound and any(p.in_set(s) for s in candidates)
        ]
        by_name = [
            p
            for p in self.signature.parameters
            if p.pipeline_by_name and p.name not in bound and any(p.in_set(s) for s in candidates)
        ]
        taken: set[str] = set()

        def attempt(parameter: Parameter, value: Any, strict: bool) -> bool:
            if strict and not self._fits(parameter, value):
                return False
            try:
                bound[parameter.name] = self.coerce(parameter, value, None)
            except ParameterBindingException as error:
                if strict:
                    return False
                if error.record.fully_qualified_error_id.startswith(
                    "ParameterArgumentValidationError"
                ):
                    raise
                return False
            taken.add(parameter.name)
            return True

        done = False
        for parameter in by_value:
            if attempt(parameter, item, strict=True):
                done = True
                break
        for parameter in by_name:
            value = _property(item, parameter)
            if value is not _NO_PROPERTY and attempt(parameter, value, strict=False):
                done = True
        if not done:
            for parameter in by_value:
                if attempt(parameter, item, strict=False):
                    done = True
                    break
        if not done and (by_value or by_name):
            raise self._error(
                "The input object cannot be bound to any parameters for the command either "
                "because the command does not take pipeline input or the input and its "
                "properties do not match any of the parameters that take pipeline input.",
                "InputObjectNotBound",
                target=item,
            )
        sets = [s for s in candidates if all(self.by_name[n.casefold()].in_set(s) for n in bound)]
        result = BoundCall(
            self.signature, bound, call.common, sets or candidates, call.remaining, taken
        )
        self._narrow(result, False)
        self.check_mandatory(result)
        return result

    def _fits(self, parameter: Parameter, value: Any) -> bool:
        """ByValue without coercion: the object already is of the parameter's type."""
        kind = parameter.type.lower().removesuffix("[]")
        if kind in ("object", "psobject", ""):
            return True
        try:
            converted = self.convert(value, kind)
        except RuntimeException:
            return False
        if isinstance(value, PSObject) or isinstance(converted, PSObject):
            return converted is value
        return type(converted) is type(value)


_NO_PROPERTY = object()
_UNTYPED = ("object", "object[]", "psobject", "")


class _Remaining(list[Any]):
    """The arguments a ValueFromRemainingArguments parameter gathered."""


def _property(item: Any, parameter: Parameter) -> Any:
    names = (parameter.name, *parameter.aliases)
    if isinstance(item, PSObject):
        for name in names:
            if item.has_property(name):
                return item.get(name)
        return _NO_PROPERTY
    if isinstance(item, Hashtable):
        return _NO_PROPERTY  # PowerShell binds a hashtable's properties, not its keys
    for name in names:
        value = getattr(item, name, _NO_PROPERTY)
        if value is not _NO_PROPERTY:
            return value
    return _NO_PROPERTY


def _truthy_switch(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if value is None:
        return False
    if isinstance(value, list):
        return bool(value)
    return True


def _number(value: float) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


def _argument_text(value: Any) -> str:
    """An argument as PowerShell quotes it in an error: its string conversion."""
    return to_string(value)
