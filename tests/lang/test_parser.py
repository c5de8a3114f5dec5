"""The parser, through ``parse()``: tree shapes, precedence, extents, errors and recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asrsim.lang import ast as A
from asrsim.lang.parser import MESSAGES, ParseResult, parse, parse_file

# -- helpers ---------------------------------------------------------------------------------


def ok(text: str) -> ParseResult:
    result = parse(text)
    assert result.errors == (), [str(error) for error in result.errors]
    return result


def statements(text: str) -> tuple[A.StatementAst, ...]:
    end = ok(text).ast.end_block
    assert end is not None and end.unnamed
    return end.statements


def statement(text: str) -> A.StatementAst:
    found = statements(text)
    assert len(found) == 1, found
    return found[0]


def pipeline(text: str) -> A.PipelineAst:
    node = statement(text)
    assert isinstance(node, A.PipelineAst)
    return node


def expression(text: str) -> A.ExpressionAst:
    elements = pipeline(text).pipeline_elements
    assert len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst)
    return elements[0].expression


def command(text: str) -> A.CommandAst:
    elements = pipeline(text).pipeline_elements
    assert len(elements) == 1 and isinstance(elements[0], A.CommandAst)
    return elements[0]


def pure(node: A.StatementAst | None) -> A.ExpressionAst:
    """The expression of a one-expression pipeline."""
    assert isinstance(node, A.PipelineAst) and len(node.pipeline_elements) == 1
    element = node.pipeline_elements[0]
    assert isinstance(element, A.CommandExpressionAst)
    return element.expression


def values(nodes: tuple[A.Ast, ...] | list[A.Ast]) -> list[object]:
    """The values of constant nodes (bare words, strings, numbers)."""
    found: list[object] = []
    for node in nodes:
        assert isinstance(node, A.ConstantExpressionAst), node
        found.append(node.value)
    return found


def sexp(node: A.Ast) -> str:
    """A compact rendering of an expression, to check precedence and nesting."""
    if isinstance(node, A.StringConstantExpressionAst):
        return repr(node.value)
    if isinstance(node, A.ConstantExpressionAst):
        return str(node.value)
    if isinstance(node, A.VariableExpressionAst):
        return ("@" if node.splatted else "$") + node.name
    if isinstance(node, A.BinaryExpressionAst):
        return f"({node.operator} {sexp(node.left)} {sexp(node.right)})"
    if isinstance(node, A.UnaryExpressionAst):
        return f"({node.operator}u {sexp(node.child)})"
    if isinstance(node, A.ArrayLiteralAst):
        return "[" + " ".join(sexp(e) for e in node.elements) + "]"
    if isinstance(node, A.ConvertExpressionAst):
        return f"(cast {node.type_name.name} {sexp(node.child)})"
    if isinstance(node, A.TypeExpressionAst):
        return f"[{node.type_name.name}]"
    if isinstance(node, A.InvokeMemberExpressionAst):
        arguments = " ".join(sexp(a) for a in node.arguments)
        dots = "::" if node.static else "."
        return f"(call {sexp(node.target)}{dots}{sexp(node.member)} {arguments})"
    if isinstance(node, A.MemberExpressionAst):
        return f"({sexp(node.target)}{'::' if node.static else '.'}{sexp(node.member)})"
    if isinstance(node, A.IndexExpressionAst):
        return f"({sexp(node.target)}[{sexp(node.index)}])"
    if isinstance(node, A.ParenExpressionAst):
        inner = node.pipeline
        if isinstance(inner, A.PipelineAst) and isinstance(
                inner.pipeline_elements[0], A.CommandExpressionAst):
            return f"(paren {sexp(pure(inner))})"
        return "(paren statement)"
    if isinstance(node, A.ExpandableStringExpressionAst):
        return '"' + "".join(p if isinstance(p, str) else sexp(p) for p in node.parts) + '"'
    return type(node).__name__


def errors(text: str) -> list[tuple[str, int, int, bool]]:
    """(ErrorId, line, column, incomplete input) of each error, in order."""
    return [(e.error_id, e.extent.start_line, e.extent.start_column, e.incomplete_input)
            for e in parse(text).errors]


def first_error(text: str) -> tuple[str, int, int, bool]:
    found = errors(text)
    assert found, f"no error for {text!r}"
    return found[0]


def span(node: A.Ast | A.Extent) -> tuple[int, int, int, int]:
    extent = node if isinstance(node, A.Extent) else node.extent
    return extent.start_line, extent.start_column, extent.end_line, extent.end_column


# -- the API ---------------------------------------------------------------------------------


def test_parse_returns_a_script_block_with_an_unnamed_end_block() -> None:
    result = parse("1 + 2")
    assert isinstance(result, ParseResult)
    assert result.errors == () and not result.incomplete
    ast = result.ast
    assert ast.param_block is None and ast.begin_block is None and ast.process_block is None
    assert ast.end_block is not None and ast.end_block.block_kind == "end"
    assert ast.end_block.unnamed
    assert ast.extent.text == "1 + 2"


def test_an_empty_script_still_has_an_end_block() -> None:
    result = ok("")
    assert result.ast.end_block is not None and result.ast.end_block.statements == ()
    assert ok("  # just a comment\n\n").ast.end_block is not None


def test_parse_file_reads_utf8_with_bom(tmp_path: Path) -> None:
    script = tmp_path / "x.ps1"
    script.write_text("\ufeffGet-VM -Name 'web01'\n", encoding="utf-8")
    result = parse_file(script)
    assert result.errors == ()
    assert result.ast.extent.source.path == str(script)
    end = result.ast.end_block
    assert end is not None and len(end.statements) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_parse_file_reads_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    script = tmp_path / "x.ps1"
    bom = {"utf-16": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32": b"\xff\xfe\x00\x00"}
    body = "'caf\u00e9'".encode("utf-16-le" if encoding == "utf-16" else
                                 "utf-32-le" if encoding == "utf-32" else encoding)
    script.write_bytes(bom[encoding] + body)
    result = parse_file(script)
    assert sexp(pure(result.ast.end_block.statements[0])) == "'caf\u00e9'"  # type: ignore


def test_parse_file_with_bad_utf8_does_not_raise(tmp_path: Path) -> None:
    script = tmp_path / "x.ps1"
    script.write_bytes(b"'caf\xe9'\n")
    result = parse_file(script)
    assert result.errors == ()


def test_path_is_kept_in_extents() -> None:
    result = parse("$x", "C:/scripts/a.ps1")
    assert result.ast.extent.source.path == "C:/scripts/a.ps1"


# -- pipelines and commands -----------------------------------------------------------------


def test_expression_statement_is_a_one_element_pipeline() -> None:
    node = pipeline("$x")
    assert len(node.pipeline_elements) == 1
    element = node.pipeline_elements[0]
    assert isinstance(element, A.CommandExpressionAst)
    assert isinstance(element.expression, A.VariableExpressionAst)
    assert element.redirections == ()


def test_command_with_parameters_arrays_and_bare_words() -> None:
    node = command("Get-VM -Name a,b web01 5mb -Force:$true *.txt")
    name, param, array, word, number, forced, pattern = node.command_elements
    assert isinstance(name, A.StringConstantExpressionAst)
    assert (name.value, name.string_kind) == ("Get-VM", "BareWord")
    assert isinstance(param, A.CommandParameterAst)
    assert (param.parameter_name, param.argument) == ("Name", None)
    assert isinstance(array, A.ArrayLiteralAst)
    assert values(array.elements) == ["a", "b"]
    assert isinstance(word, A.StringConstantExpressionAst) and word.value == "web01"
    assert isinstance(number, A.ConstantExpressionAst) and number.value == 5 * 1024 * 1024
    assert isinstance(forced, A.CommandParameterAst) and forced.parameter_name == "Force"
    assert isinstance(forced.argument, A.VariableExpressionAst)
    assert forced.argument.name == "true"
    assert forced.extent.text == "-Force:$true"
    assert isinstance(pattern, A.StringConstantExpressionAst) and pattern.value == "*.txt"
    assert node.invocation_operator == ""


@pytest.mark.parametrize("text", [r".\x.ps1", r"C:\temp\a.txt", "../up/run.ps1"])
def test_paths_are_bare_word_command_names(text: str) -> None:
    name = command(text).command_elements[0]
    assert isinstance(name, A.StringConstantExpressionAst)
    assert (name.value, name.string_kind) == (text, "BareWord")


def test_bare_word_escapes_are_processed() -> None:
    argument = command("Write-Host a`tb").command_elements[1]
    assert isinstance(argument, A.StringConstantExpressionAst) and argument.value == "a\tb"


def test_bare_word_with_a_variable_is_expandable() -> None:
    argument = command("Write-Host pre$x").command_elements[1]
    assert isinstance(argument, A.ExpandableStringExpressionAst)
    assert argument.string_kind == "BareWord"
    assert argument.parts[0] == "pre"
    assert isinstance(argument.parts[1], A.VariableExpressionAst)


def test_command_name_is_never_expanded_without_an_operator() -> None:
    name = command("Get-$x").command_elements[0]
    assert isinstance(name, A.StringConstantExpressionAst) and name.value == "Get-$x"


@pytest.mark.parametrize(("text", "operator"), [("& $sb 1 2", "&"), (". $sb", ".")])
def test_invocation_operators(text: str, operator: str) -> None:
    node = command(text)
    assert node.invocation_operator == operator
    assert isinstance(node.command_elements[0], A.VariableExpressionAst)


def test_dot_sourcing_a_path() -> None:
    node = command(r". .\lib.ps1 -Verbose")
    assert node.invocation_operator == "."
    name = node.command_elements[0]
    assert isinstance(name, A.StringConstantExpressionAst) and name.value == r".\lib.ps1"


def test_call_operator_with_a_string() -> None:
    node = command("& 'C:\\Program Files\\x.exe' /q")
    name = node.command_elements[0]
    assert isinstance(name, A.StringConstantExpressionAst) and name.string_kind == "SingleQuoted"


def test_splatting() -> None:
    node = command("New-VM @params -WhatIf")
    splat = node.command_elements[1]
    assert isinstance(splat, A.VariableExpressionAst)
    assert splat.splatted and splat.name == "params"


def test_pipeline_of_commands() -> None:
    node = pipeline("Get-VM | Where-Object { $_.Name -like 'w*' } | Select-Object -First 1")
    assert len(node.pipeline_elements) == 3
    where = node.pipeline_elements[1]
    assert isinstance(where, A.CommandAst)
    block = where.command_elements[1]
    assert isinstance(block, A.ScriptBlockExpressionAst)
    end = block.script_block.end_block
    assert end is not None and isinstance(pure(end.statements[0]), A.BinaryExpressionAst)


def test_pipeline_continues_after_a_pipe_at_the_end_of_a_line() -> None:
    node = pipeline("Get-VM |\n  Sort-Object Name |\n\n  Select-Object -First 2")
    assert len(node.pipeline_elements) == 3


def test_pipeline_continues_with_a_pipe_at_the_start_of_the_next_line() -> None:
    node = pipeline("Get-VM\n  # comment\n  | Sort-Object Name")
    assert len(node.pipeline_elements) == 2
    # a blank line ends the statement
    assert len(errors("Get-VM\n\n| Sort-Object")) == 1


def test_percent_and_question_mark_aliases() -> None:
    node = pipeline("1..3 | % { $_ } | ? { $_ -gt 1 }")
    commands = node.pipeline_elements[1:]
    assert all(isinstance(c, A.CommandAst) for c in commands)
    assert values([c.command_elements[0] for c in commands  # type: ignore[attr-defined]
                   ]) == ["%", "?"]


def test_keywords_are_bare_words_as_arguments() -> None:
    node = command("Write-Output if foreach")
    assert values(node.command_elements[1:]) == ["if", "foreach"]


def test_dash_dash_and_verbatim_argument() -> None:
    node = command("git -- -x")
    marker = node.command_elements[1]
    assert isinstance(marker, A.CommandParameterAst) and marker.parameter_name == "-"
    verbatim = pipeline("icacls --% /grant a:(F) | x").pipeline_elements[0]
    assert isinstance(verbatim, A.CommandAst)
    assert values(verbatim.command_elements) == ["icacls", "--%", "/grant a:(F) "]


def test_line_continuation_and_comments() -> None:
    node = command("Get-Item `\n  -Path x <# inline #> -Force # trailing")
    assert [type(e).__name__ for e in node.command_elements] == [
        "StringConstantExpressionAst", "CommandParameterAst", "StringConstantExpressionAst",
        "CommandParameterAst"]


# -- redirections ----------------------------------------------------------------------------


def test_redirections_of_a_command() -> None:
    node = command("Get-X > out.txt 2>&1 3>> warn.log")
    assert [e.extent.text for e in node.command_elements] == ["Get-X"]
    output, error, warning = node.redirections
    assert (output.from_stream, output.append, output.to_stream) == ("1", False, None)
    assert isinstance(output.location, A.StringConstantExpressionAst)
    assert output.location.value == "out.txt"
    assert (error.from_stream, error.location, error.to_stream) == ("2", None, "1")
    assert (warning.from_stream, warning.append) == ("3", True)
    assert node.extent.text == "Get-X > out.txt 2>&1 3>> warn.log"


def test_redirections_of_an_expression() -> None:
    element = pipeline("$x *> $null").pipeline_elements[0]
    assert isinstance(element, A.CommandExpressionAst)
    (redirection,) = element.redirections
    assert redirection.from_stream == "*"
    assert isinstance(redirection.location, A.VariableExpressionAst)
    assert element.extent.text == "$x *> $null"


def test_merging_all_streams() -> None:
    (redirection,) = command("Get-X *>&1").redirections
    assert (redirection.from_stream, redirection.to_stream) == ("*", "1")


# -- assignments ----------------------------------------------------------------------------


@pytest.mark.parametrize("operator", ["=", "+=", "-=", "*=", "/=", "%=", "??="])
def test_assignment_operators(operator: str) -> None:
    node = statement(f"$x {operator} 5")
    assert isinstance(node, A.AssignmentStatementAst)
    assert node.operator == operator
    assert isinstance(node.left, A.VariableExpressionAst)
    assert isinstance(node.right, A.PipelineAst)
    assert sexp(pure(node.right)) == "5"


@pytest.mark.parametrize(("text", "left"), [
    ("$a[0] = 1", "($a[0])"),
    ("$o.P = 1", "($o.'P')"),
    ("[int]$x = '5'", "(cast int $x)"),
    ("$a, $b = 1, 2", "[$a $b]"),
    ("$script:total += 1", "$total"),
])
def test_assignment_targets(text: str, left: str) -> None:
    node = statement(text)
    assert isinstance(node, A.AssignmentStatementAst)
    assert sexp(node.left) == left


def test_chained_assignment() -> None:
    node = statement("$a = $b = 1")
    assert isinstance(node, A.AssignmentStatementAst)
    assert isinstance(node.right, A.AssignmentStatementAst)
    assert sexp(node.right.left) == "$b"


def test_assignment_of_a_pipeline_and_of_a_statement() -> None:
    node = statement("$vms = Get-VM | Sort-Object")
    assert isinstance(node, A.AssignmentStatementAst)
    assert isinstance(node.right, A.PipelineAst) and len(node.right.pipeline_elements) == 2
    node = statement("$x = if ($a) { 1 } else { 2 }")
    assert isinstance(node, A.AssignmentStatementAst)
    assert isinstance(node.right, A.IfStatementAst)


def test_assignment_extent() -> None:
    node = statement("$x =\n  Get-Date")
    assert span(node) == (1, 1, 2, 11)


# -- expressions: precedence ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "tree"), [
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("1 - 2 - 3", "(- (- 1 2) 3)"),
    ("1,2 + 3", "(+ [1 2] 3)"),
    ("2 * 3 -f 4", "(* 2 (f 3 4))"),
    ("'{0}{1}' -f 1, 2", "(f '{0}{1}' [1 2])"),
    ("-1 * 2", "(* -1 2)"),
    ("- $a * 2", "(* (-u $a) 2)"),
    ("1..3 + 4", "(+ (.. 1 3) 4)"),
    ("$a -and $b -or $c", "(or (and $a $b) $c)"),
    ("$a -or $b -and $c", "(and (or $a $b) $c)"),
    ("$a -eq 1 -and $b -ne 2", "(and (eq $a 1) (ne $b 2))"),
    ("$a -band 1 -eq 1", "(band $a (eq 1 1))"),
    ("-not $a -eq 1", "(eq (notu $a) 1)"),
    ("!$a", "(!u $a)"),
    ("-bnot 5", "(bnotu 5)"),
    ("$x ?? 1 + 2", "(?? $x (+ 1 2))"),
    ("$a -CEQ 'x'", "(ceq $a 'x')"),
    ("$a -ilike 'x*'", "(ilike $a 'x*')"),
    ("$a -replace 'a', 'b'", "(replace $a ['a' 'b'])"),
    ("$a -split ','", "(split $a ',')"),
    ("-split 'a b'", "(splitu 'a b')"),
    ("-join $parts", "(joinu $parts)"),
    ("$a -join ','", "(join $a ',')"),
    ("$x -is [int]", "(is $x [int])"),
    ("$x -as [string]", "(as $x [string])"),
    ("1 +\n  2", "(+ 1 2)"),
    ("1,\n2", "[1 2]"),
    ("2 - -3", "(- 2 -3)"),
    ("1..-1", "(.. 1 -1)"),
    ("$a -shl 2 -bor 1", "(bor (shl $a 2) 1)"),
])
def test_precedence(text: str, tree: str) -> None:
    assert sexp(expression(text)) == tree


@pytest.mark.parametrize(("text", "tree"), [
    ("++$x", "(++u $x)"),
    ("--$x", "(--u $x)"),
    ("$x++", "(postfix++u $x)"),
    ("$x--", "(postfix--u $x)"),
    (",1", "(,u 1)"),
    ("+$x", "(+u $x)"),
    ("-$x", "(-u $x)"),
])
def test_unary_operators(text: str, tree: str) -> None:
    assert sexp(expression(text)) == tree


def test_negative_number_is_a_constant() -> None:
    node = expression("-5")
    assert isinstance(node, A.ConstantExpressionAst) and node.value == -5


def test_ternary() -> None:
    node = expression("$x ? 'y' : 'n'")
    assert isinstance(node, A.TernaryExpressionAst)
    assert (sexp(node.condition), sexp(node.if_true), sexp(node.if_false)) == (
        "$x", "'y'", "'n'")


# -- expressions: values --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("42", 42), ("0x10", 16), ("1.5", 1.5), ("1kb", 1024), ("1e3", 1000.0),
])
def test_numbers(text: str, value: object) -> None:
    node = expression(text)
    assert isinstance(node, A.ConstantExpressionAst) and node.value == value


@pytest.mark.parametrize(("text", "type_name"), [
    ("100l", "Int64"), ("100u", "UInt32"), ("100ul", "UInt64"), ("100s", "Int16"),
    ("100us", "UInt16"), ("100y", "SByte"), ("100uy", "Byte"), ("1lkb", "Int64"),
    ("5000000000u", "UInt64"), ("100", "int"), ("100n", "int"), ("100d", "Decimal"),
])
def test_number_type_suffixes_keep_their_type(text: str, type_name: str) -> None:
    node = expression(text)
    assert isinstance(node, A.ConstantExpressionAst)
    assert type(node.value).__name__ == type_name


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("'it''s'", "it's", "SingleQuoted"),
    ('"plain"', "plain", "DoubleQuoted"),
    ('"tab`t"', "tab\t", "DoubleQuoted"),
    ("@'\nhere $x\n'@", "here $x", "SingleQuotedHereString"),
    ('@"\nhere\n"@', "here", "DoubleQuotedHereString"),
])
def test_constant_strings(text: str, value: str, kind: str) -> None:
    node = expression(text)
    assert isinstance(node, A.StringConstantExpressionAst)
    assert (node.value, node.string_kind) == (value, kind)


def test_expandable_string_parts() -> None:
    node = expression('"Hello $name, $($a + 1) and $env:USER.Name"')
    assert isinstance(node, A.ExpandableStringExpressionAst)
    assert node.string_kind == "DoubleQuoted"
    hello, name, comma, sub, also, env, rest = node.parts
    assert (hello, comma, also, rest) == ("Hello ", ", ", " and ", ".Name")
    assert isinstance(name, A.VariableExpressionAst) and name.name == "name"
    assert isinstance(env, A.VariableExpressionAst) and (env.scope, env.name) == ("env", "USER")
    assert isinstance(sub, A.SubExpressionAst)
    (inner,) = sub.sub_expression.statements
    assert sexp(pure(inner)) == "(+ $a 1)"
    # the nested expression's extent is in the whole script
    assert sub.extent.text == "$($a + 1)"
    assert pure(inner).extent.text == "$a + 1"


def test_subexpression_with_doubled_quotes_maps_positions_back() -> None:
    node = expression('"x$(""q"" + $y)z"')
    assert isinstance(node, A.ExpandableStringExpressionAst)
    sub = node.parts[1]
    assert isinstance(sub, A.SubExpressionAst)
    (inner,) = sub.sub_expression.statements
    binary = pure(inner)
    assert sexp(binary) == "(+ 'q' $y)"
    assert isinstance(binary, A.BinaryExpressionAst)
    assert binary.right.extent.text == "$y"


def test_expandable_here_string() -> None:
    node = expression('@"\nName: $name\nSum: $($a + $b)\n"@')
    assert isinstance(node, A.ExpandableStringExpressionAst)
    assert node.string_kind == "DoubleQuotedHereString"
    assert node.parts[0] == "Name: "


@pytest.mark.parametrize(("text", "name", "scope"), [
    ("$x", "x", None), ("$script:x", "x", "script"), ("$env:PATH", "PATH", "env"),
    ("${odd name}", "odd name", None), ("$_", "_", None), ("$global:y", "y", "global"),
])
def test_variables(text: str, name: str, scope: str | None) -> None:
    node = expression(text)
    assert isinstance(node, A.VariableExpressionAst)
    assert (node.name, node.scope, node.splatted) == (name, scope, False)


def test_grouping_expressions() -> None:
    assert isinstance(expression("(1 + 2)"), A.ParenExpressionAst)
    sub = expression("$(Get-Date; 2)")
    assert isinstance(sub, A.SubExpressionAst) and len(sub.sub_expression.statements) == 2
    array = expression("@(1, 2)")
    assert isinstance(array, A.ArrayExpressionAst)
    empty = expression("@()")
    assert isinstance(empty, A.ArrayExpressionAst) and empty.sub_expression.statements == ()


def test_parenthesized_assignment() -> None:
    node = expression("($x = 5)")
    assert isinstance(node, A.ParenExpressionAst)
    assert isinstance(node.pipeline, A.AssignmentStatementAst)


def test_hashtable_keys_and_values() -> None:
    node = expression("@{\n  a = 1\n  'b c' = Get-Date; 3 = 'x'\n  (1 + 1) = @(1, 2)\n"
                      "  if = if ($x) { 1 } else { 2 }\n}")
    assert isinstance(node, A.HashtableAst)
    keys = [sexp(key) for key, _ in node.key_value_pairs]
    assert keys == ["'a'", "'b c'", "3", "(paren (+ 1 1))", "'if'"]
    first_key = node.key_value_pairs[0][0]
    assert isinstance(first_key, A.StringConstantExpressionAst)
    assert first_key.string_kind == "BareWord"
    values = [value for _, value in node.key_value_pairs]
    assert all(isinstance(v, A.PipelineAst) for v in values[:4])
    assert isinstance(values[1], A.PipelineAst)
    assert isinstance(values[1].pipeline_elements[0], A.CommandAst)
    assert isinstance(values[4], A.IfStatementAst)


def test_empty_hashtable_and_trailing_semicolon() -> None:
    assert expression("@{}") is not None
    node = expression("@{a=1;b=2;}")
    assert isinstance(node, A.HashtableAst) and len(node.key_value_pairs) == 2


@pytest.mark.parametrize(("text", "tree"), [
    ("[int]$x", "(cast int $x)"),
    ("[int][string]$x", "(cast int (cast string $x))"),
    ("[math]", "[math]"),
    ("[math]::Pi", "([math]::'Pi')"),
    ("[math]::Round(1.5, 2)", "(call [math]::'Round' 1.5 2)"),
    ("[ciminstance]::new($r)", "(call [ciminstance]::'new' $r)"),
    ("[string[]]$a", "(cast string[] $a)"),
    ("[System.Collections.Generic.List[string]]::new()",
     "(call [System.Collections.Generic.List[string]]::'new' )"),
    ("[System.Collections.Generic.Dictionary[string,int]]$d",
     "(cast System.Collections.Generic.Dictionary[string,int] $d)"),
    ("[int] -5", "(cast int -5)"),
    ("[void]$list.Add(1)", "(cast void (call $list.'Add' 1))"),
])
def test_types_and_casts(text: str, tree: str) -> None:
    assert sexp(expression(text)) == tree


def test_ordered_hashtable_is_a_convert_over_a_hashtable() -> None:
    node = expression("[ordered]@{ a = 1 }")
    assert isinstance(node, A.ConvertExpressionAst) and node.type_name.name == "ordered"
    assert isinstance(node.child, A.HashtableAst)
    assert node.type_name.extent.text == "ordered"


def test_type_on_its_own_line_is_a_type_expression() -> None:
    first, second = statements("[int]\n$x")
    assert isinstance(pure(first), A.TypeExpressionAst)
    assert isinstance(pure(second), A.VariableExpressionAst)


@pytest.mark.parametrize(("text", "tree"), [
    ("$s.Trim()", "(call $s.'Trim' )"),
    ("$s.Replace('a', 'b')", "(call $s.'Replace' 'a' 'b')"),
    ("$x.'a b'", "($x.'a b')"),
    ("$x.$y", "($x.$y)"),
    ('$x."$y"', '($x."$y")'),
    ("$a[0]", "($a[0])"),
    ("$a[-1]", "($a[-1])"),
    ("$a[1..3]", "($a[(.. 1 3)])"),
    ("$a[0, 1]", "($a[[0 1]])"),
    ("$h['k'].Name", "(($h['k']).'Name')"),
    ("$a.b.c()", "(call ($a.'b').'c' )"),
    ("(Get-Date).Year", "((paren statement).'Year')"),
    ("@(1,2).Count", "(ArrayExpressionAst.'Count')"),
    ("$x.Foo().\n  Bar()", "(call (call $x.'Foo' ).'Bar' )"),
    ("$list.Add(\n  1\n)", "(call $list.'Add' 1)"),
    ("$x.foreach{ $_ }", "(call $x.'foreach' ScriptBlockExpressionAst)"),
    ("$o.class", "($o.'class')"),
])
def test_member_access_and_indexing(text: str, tree: str) -> None:
    assert sexp(expression(text)) == tree


def test_member_name_node() -> None:
    node = expression("$s.Trim()")
    assert isinstance(node, A.InvokeMemberExpressionAst)
    assert isinstance(node.member, A.StringConstantExpressionAst)
    assert (node.member.value, node.static, node.arguments) == ("Trim", False, ())
    assert isinstance(expression('$x."$y"'), A.MemberExpressionAst)


def test_whitespace_before_a_dot_is_not_member_access() -> None:
    node = command("Write-Host $x .Name")
    assert len(node.command_elements) == 3


def test_null_conditional_member_and_index() -> None:
    member = expression("${o}?.Name")
    assert isinstance(member, A.NullConditionalMemberExpressionAst)
    index = expression("${a}?[0]")
    assert isinstance(index, A.NullConditionalIndexExpressionAst)
    call = expression("${a}?.M(1)")
    assert isinstance(call, A.NullConditionalInvokeMemberExpressionAst)


def test_script_block_expression() -> None:
    node = expression("{ param($a) $a * 2 }")
    assert isinstance(node, A.ScriptBlockExpressionAst)
    block = node.script_block
    assert block.param_block is not None and block.param_block.parameters[0].name == "a"
    assert block.end_block is not None and block.end_block.unnamed
    assert node.extent.text == "{ param($a) $a * 2 }"


# -- control flow ---------------------------------------------------------------------------


def test_if_elseif_else() -> None:
    node = statement("if ($a) { 1 } elseif ($b -eq 2) { 2 }\n# note\nelse { 3 }")
    assert isinstance(node, A.IfStatementAst)
    assert len(node.clauses) == 2
    condition, body = node.clauses[1]
    assert sexp(pure(condition)) == "(eq $b 2)"
    assert sexp(pure(body.statements[0])) == "2"
    assert node.else_clause is not None
    assert span(node) == (1, 1, 3, 11)


def test_if_without_else_keeps_the_following_statement() -> None:
    first, second = statements("if ($a) { 1 }\n$b")
    assert isinstance(first, A.IfStatementAst) and first.else_clause is None
    assert sexp(pure(second)) == "$b"


def test_while_and_do_loops() -> None:
    node = statement("while ($i -lt 3) { $i++ }")
    assert isinstance(node, A.WhileStatementAst)
    assert sexp(pure(node.condition)) == "(lt $i 3)"
    node = statement("do { $i++ } while ($i -lt 3)")
    assert isinstance(node, A.DoWhileStatementAst)
    node = statement("do {\n} until ($done)")
    assert isinstance(node, A.DoUntilStatementAst) and sexp(pure(node.condition)) == "$done"


def test_for_loop() -> None:
    node = statement("for ($i = 0; $i -lt 3; $i++) { $i }")
    assert isinstance(node, A.ForStatementAst)
    assert isinstance(node.initializer, A.AssignmentStatementAst)
    assert sexp(pure(node.condition)) == "(lt $i 3)"
    assert sexp(pure(node.iterator)) == "(postfix++u $i)"
    empty = statement("for (;;) { break }")
    assert isinstance(empty, A.ForStatementAst)
    assert (empty.initializer, empty.condition, empty.iterator) == (None, None, None)
    lines = statement("for ($i = 0\n $i -lt 3\n $i++) { }")
    assert isinstance(lines, A.ForStatementAst) and lines.iterator is not None


def test_foreach_loop() -> None:
    node = statement("foreach ($vm in Get-VM | Sort-Object) { $vm.Name }")
    assert isinstance(node, A.ForEachStatementAst)
    assert node.variable is not None and node.variable.name == "vm"
    assert isinstance(node.condition, A.PipelineAst)
    assert len(node.condition.pipeline_elements) == 2
    assert node.label is None


def test_labels_on_loops_and_switch() -> None:
    node = statement(":outer foreach ($i in 1..3) { break outer }")
    assert isinstance(node, A.ForEachStatementAst) and node.label == "outer"
    inner = node.body.statements[0]
    assert isinstance(inner, A.BreakStatementAst)
    assert isinstance(inner.label, A.StringConstantExpressionAst)
    assert inner.label.value == "outer"
    for text in (":l while ($x) { continue l }", ":l for (;;) { }", ":l do { } while ($x)",
                 ":l switch ($x) { a { } }"):
        labelled = statement(text)
        assert getattr(labelled, "label", None) == "l", text
    assert span(node) == (1, 1, 1, 44)


def test_switch_statement() -> None:
    node = statement(
        "switch -Regex -CaseSensitive ($a, $b) {\n"
        "  '^a' { 1 }\n  apple { 2 }\n  { $_ -gt 1 } { 3 }\n  5 { 4 }\n  default { 5 }\n}")
    assert isinstance(node, A.SwitchStatementAst)
    assert node.flags == frozenset({"regex", "casesensitive"})
    assert isinstance(node.condition, A.PipelineAst)
    assert isinstance(pure(node.condition), A.ArrayLiteralAst)
    tests = [test for test, _ in node.clauses]
    assert isinstance(tests[0], A.StringConstantExpressionAst)
    assert tests[0].string_kind == "SingleQuoted"
    assert isinstance(tests[1], A.StringConstantExpressionAst)
    assert (tests[1].value, tests[1].string_kind) == ("apple", "BareWord")
    assert isinstance(tests[2], A.ScriptBlockExpressionAst)
    assert isinstance(tests[3], A.ConstantExpressionAst) and tests[3].value == 5
    assert node.default is not None
    assert sexp(pure(node.default.statements[0])) == "5"


@pytest.mark.parametrize(("flags", "expected"), [
    ("-wildcard", {"wildcard"}), ("-exact", {"exact"}), ("-regex -wildcard", {"wildcard"}),
    ("-w -c", {"wildcard", "casesensitive"}),
])
def test_switch_flags(flags: str, expected: set[str]) -> None:
    node = statement(f"switch {flags} ($x) {{ a {{ }} }}")
    assert isinstance(node, A.SwitchStatementAst) and node.flags == frozenset(expected)


def test_switch_file() -> None:
    node = statement("switch -file input.txt { a { 1 } }")
    assert isinstance(node, A.SwitchStatementAst)
    assert node.flags == frozenset({"file"}) and node.condition is None


def test_try_catch_finally() -> None:
    node = statement(
        "try { 1 }\ncatch [System.IO.IOException], [System.Net.WebException] { 2 }\n"
        "catch { 3 }\nfinally { 4 }")
    assert isinstance(node, A.TryStatementAst)
    typed, untyped = node.catch_clauses
    assert [t.name for t in typed.catch_types] == [
        "System.IO.IOException", "System.Net.WebException"]
    assert untyped.catch_types == ()
    assert node.finally_ is not None
    only_finally = statement("try { } finally { 'x' }")
    assert isinstance(only_finally, A.TryStatementAst) and only_finally.catch_clauses == ()


def test_trap_goes_to_the_block_traps() -> None:
    result = ok("trap [System.Exception] { continue }\n1")
    end = result.ast.end_block
    assert end is not None
    (trap,) = end.traps
    assert trap.trap_type is not None and trap.trap_type.name == "System.Exception"
    assert [sexp(pure(s)) for s in end.statements] == ["1"]
    block = statement("if ($x) { trap { } ; 2 }")
    assert isinstance(block, A.IfStatementAst)
    assert len(block.clauses[0][1].traps) == 1


@pytest.mark.parametrize(("text", "node_type"), [
    ("break", A.BreakStatementAst), ("continue", A.ContinueStatementAst),
    ("return", A.ReturnStatementAst), ("exit", A.ExitStatementAst),
    ("throw", A.ThrowStatementAst),
])
def test_flow_statements_without_values(text: str, node_type: type[A.Ast]) -> None:
    node = statement(text)
    assert isinstance(node, node_type)


def test_flow_statements_with_values() -> None:
    node = statement("return Get-VM | Sort-Object")
    assert isinstance(node, A.ReturnStatementAst) and isinstance(node.pipeline, A.PipelineAst)
    node = statement("exit 3")
    assert isinstance(node, A.ExitStatementAst) and sexp(pure(node.pipeline)) == "3"
    node = statement("throw 'bad'")
    assert isinstance(node, A.ThrowStatementAst) and sexp(pure(node.pipeline)) == "'bad'"
    node = statement("continue $label")
    assert isinstance(node, A.ContinueStatementAst)
    assert isinstance(node.label, A.VariableExpressionAst)


def test_pipeline_chains() -> None:
    node = statement("a && b || c")
    assert isinstance(node, A.PipelineChainAst) and node.operator == "||"
    assert isinstance(node.left, A.PipelineChainAst) and node.left.operator == "&&"


def test_statements_are_separated_by_semicolons_and_newlines() -> None:
    assert len(statements(";;1; 2\n\n3;")) == 3


# -- functions and parameters ---------------------------------------------------------------


def test_function_with_param_block_and_named_blocks() -> None:
    node = statement(
        "function Get-Thing {\n"
        "  [CmdletBinding(SupportsShouldProcess)]\n"
        "  param(\n"
        "    [Parameter(Mandatory, Position = 0)] [string]$Name,\n"
        "    [ValidateSet('a', 'b')] $Kind = 'a',\n"
        "    [switch]$Force\n"
        "  )\n"
        "  begin { $n = 0 }\n  process { $n++ }\n  end { $n }\n"
        "}")
    assert isinstance(node, A.FunctionDefinitionAst)
    assert (node.name, node.is_filter, node.parameters) == ("Get-Thing", False, None)
    body = node.body
    assert body.param_block is not None
    (binding,) = body.param_block.attributes
    assert binding.type_name.name == "CmdletBinding"
    assert binding.named_arguments[0].name == "SupportsShouldProcess"
    name, kind, force = body.param_block.parameters
    assert name.name == "Name"
    parameter, constraint = name.attributes
    assert isinstance(parameter, A.AttributeAst)
    mandatory, position = parameter.named_arguments
    assert (mandatory.name, mandatory.expression_omitted) == ("Mandatory", True)
    assert isinstance(mandatory.value, A.ConstantExpressionAst) and mandatory.value.value is True
    assert (position.name, position.expression_omitted) == ("Position", False)
    assert sexp(position.value) == "0"
    assert isinstance(constraint, A.TypeConstraintAst) and constraint.type_name.name == "string"
    validate = kind.attributes[0]
    assert isinstance(validate, A.AttributeAst)
    assert [sexp(a) for a in validate.positional_arguments] == ["'a'", "'b'"]
    assert kind.default_value is not None and sexp(kind.default_value) == "'a'"
    assert isinstance(force.attributes[0], A.TypeConstraintAst)
    assert body.begin_block is not None and body.begin_block.block_kind == "begin"
    assert body.process_block is not None and body.process_block.block_kind == "process"
    assert body.end_block is not None and not body.end_block.unnamed
    assert span(node) == (1, 1, 11, 2)


def test_function_with_parameter_list() -> None:
    node = statement("function f($a, [int]$b = 2) { $a + $b }")
    assert isinstance(node, A.FunctionDefinitionAst)
    assert node.parameters is not None
    assert [p.name for p in node.parameters] == ["a", "b"]
    assert node.body.param_block is None
    empty = statement("function g() { }")
    assert isinstance(empty, A.FunctionDefinitionAst) and empty.parameters == ()


@pytest.mark.parametrize(("text", "name", "is_filter"), [
    ("function global:f { }", "global:f", False),
    ("filter Only-Big { if ($_ -gt 5) { $_ } }", "Only-Big", True),
    ("function script:Do-It\n{\n}", "script:Do-It", False),
])
def test_function_names(text: str, name: str, is_filter: bool) -> None:
    node = statement(text)
    assert isinstance(node, A.FunctionDefinitionAst)
    assert (node.name, node.is_filter) == (name, is_filter)


def test_script_param_block_with_attributes_and_comments() -> None:
    result = ok("<# .SYNOPSIS\n help #>\n[CmdletBinding()]\nparam([string]$Zone)\n$Zone")
    param = result.ast.param_block
    assert param is not None and param.attributes[0].type_name.name == "CmdletBinding"
    assert param.extent.text == "param([string]$Zone)"
    end = result.ast.end_block
    assert end is not None and len(end.statements) == 1


def test_attribute_with_script_block_argument() -> None:
    result = ok("param([ValidateScript({ $_ -gt 0 })][int]$n)")
    assert result.ast.param_block is not None
    (parameter,) = result.ast.param_block.parameters
    validate = parameter.attributes[0]
    assert isinstance(validate, A.AttributeAst)
    assert isinstance(validate.positional_arguments[0], A.ScriptBlockExpressionAst)


def test_top_level_named_blocks() -> None:
    ast = ok("begin { 1 }\nprocess { $_ }").ast
    assert ast.begin_block is not None and ast.process_block is not None
    assert ast.end_block is None


# -- extents ---------------------------------------------------------------------------------


def test_extents_of_a_command() -> None:
    text = "$vm = Get-VM -Name 'web01' |\n  Where-Object Cpu"
    node = statement(text)
    assert isinstance(node, A.AssignmentStatementAst)
    assert isinstance(node.right, A.PipelineAst)
    get, where = node.right.pipeline_elements
    assert span(get) == (1, 7, 1, 27)
    assert isinstance(get, A.CommandAst)
    assert span(get.command_elements[2]) == (1, 20, 1, 27)
    assert span(where) == (2, 3, 2, 19)
    assert span(node.right) == (1, 7, 2, 19)
    assert node.extent.text == text


def test_extents_of_expressions() -> None:
    node = expression("[math]::Round($x.Value * 2, 1)")
    assert isinstance(node, A.InvokeMemberExpressionAst)
    assert node.extent.text == "[math]::Round($x.Value * 2, 1)"
    assert node.member.extent.text == "Round"
    assert node.arguments[0].extent.text == "$x.Value * 2"
    assert node.target.extent.text == "[math]"


def test_extents_in_a_script_block_body() -> None:
    node = expression("{\n  $a\n  $b\n}")
    assert isinstance(node, A.ScriptBlockExpressionAst)
    end = node.script_block.end_block
    assert end is not None and end.extent.text == "$a\n  $b"
    assert span(node) == (1, 1, 4, 2)


def test_crlf_line_endings() -> None:
    text = "$a = 1\r\nif ($a) {\r\n  'x'\r\n}\r\n"
    _, second = statements(text)
    assert span(second) == (2, 1, 4, 2)


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # unclosed things at the end of the input: incomplete (the REPL asks for more)
    ("if ($x) {", ("MissingEndCurlyBrace", 1, 9, True)),
    ("function f {\n  1", ("MissingEndCurlyBrace", 1, 12, True)),
    ("@{ a = 1", ("MissingEndCurlyBrace", 1, 3, True)),
    ("(1 + 2", ("MissingEndParenthesisInExpression", 1, 7, True)),
    ("$(1", ("MissingEndParenthesisInSubexpression", 1, 4, True)),
    ("@(1", ("MissingEndParenthesisInSubexpression", 1, 4, True)),
    ("$x.Foo(1", ("MissingEndParenthesisInMethodCall", 1, 9, True)),
    ("function f($a", ("MissingEndParenthesisInFunctionParameterList", 1, 14, True)),
    ("param([string]$a", ("MissingEndParenthesisInFunctionParameterList", 1, 17, True)),
    ("Get-X |", ("EmptyPipeElement", 1, 8, True)),
    ("1 +", ("ExpectedValueExpression", 1, 4, True)),
    ("$x -eq", ("ExpectedValueExpression", 1, 7, True)),
    ("$x =", ("ExpectedValueExpression", 1, 5, True)),
    ("-not", ("MissingExpressionAfterOperator", 1, 5, True)),
    ("1,", ("MissingExpressionAfterToken", 1, 3, True)),
    ("$a[", ("MissingArrayIndexExpression", 1, 4, True)),
    ("$a[1", ("MissingEndSquareBracket", 1, 5, True)),
    ("$x.", ("MissingPropertyName", 1, 4, True)),
    ("if", ("MissingOpenParenthesisInIfStatement", 1, 3, True)),
    ("if (", ("IfStatementMissingCondition", 1, 5, True)),
    ("if ($x", ("MissingEndParenthesisAfterStatement", 1, 7, True)),
    ("if ($x)", ("MissingStatementBlock", 1, 7, True)),
    ("if ($x) { } else", ("MissingStatementBlockAfterElse", 1, 17, True)),
    ("while", ("MissingOpenParenthesisAfterKeyword", 1, 6, True)),
    ("while ($x", ("MissingEndParenthesisAfterStatement", 1, 10, True)),
    ("while ($x)", ("MissingLoopStatement", 1, 11, True)),
    ("for ($i = 0", ("MissingEndParenthesisAfterStatement", 1, 12, True)),
    ("foreach", ("MissingOpenParenthesisAfterKeyword", 1, 8, True)),
    ("foreach (", ("MissingVariableNameAfterForeach", 1, 10, True)),
    ("foreach ($i", ("MissingInInForeach", 1, 12, True)),
    ("foreach ($i in", ("MissingForeachExpression", 1, 15, True)),
    ("foreach ($i in $a", ("MissingEndParenthesisAfterForeach", 1, 18, True)),
    ("foreach ($i in $a)", ("MissingForeachStatement", 1, 19, True)),
    ("do { }", ("MissingWhileOrUntilInDoWhile", 1, 7, True)),
    ("do { } while", ("MissingOpenParenthesisAfterKeyword", 1, 13, True)),
    ("switch ($x) {", ("MissingSwitchConditionExpression", 1, 14, True)),
    ("switch ($x) { a", ("MissingSwitchStatementClause", 1, 16, True)),
    ("switch", ("PipelineValueRequired", 1, 7, True)),
    ("try", ("MissingTryStatementBlock", 1, 4, True)),
    ("try { }", ("MissingCatchOrFinally", 1, 8, True)),
    ("try { } catch", ("MissingCatchHandlerBlock", 1, 14, True)),
    ("try { } finally", ("MissingFinallyStatementBlock", 1, 16, True)),
    ("trap", ("MissingTrapStatement", 1, 5, True)),
    ("function", ("MissingNameAfterKeyword", 1, 9, True)),
    ("function f", ("MissingFunctionBody", 1, 11, True)),
    ("'abc", ("TerminatorExpectedAtEndOfString", 1, 1, True)),
    ('"abc', ("TerminatorExpectedAtEndOfString", 1, 1, True)),
    ("@'\nabc", ("TerminatorExpectedAtEndOfString", 1, 1, True)),
    ("Get-X `", ("IncompleteString", 1, 8, True)),
    ("begin", ("MissingNamedStatementBlock", 1, 6, True)),
    ("$x ? 1", ("MissingColonInTernaryExpression", 1, 7, True)),
    ("a &&", ("EmptyPipelineChainElement", 1, 5, True)),
    ("[int", ("EndSquareBracketExpectedAtEndOfAttribute", 1, 5, False)),
    ("[", ("MissingTypename", 1, 2, True)),
    # the same errors with more text after them are not incomplete input
    ("if ($x) {\n\n", ("MissingEndCurlyBrace", 1, 9, True)),
    ("(1 + 2\n$y", ("MissingEndParenthesisInExpression", 1, 7, False)),
    ("Get-X |\n", ("EmptyPipeElement", 1, 8, False)),
    ("1 +  # comment", ("ExpectedValueExpression", 1, 4, True)),
    ("if ($x) { 'a' ) }", ("MissingEndCurlyBrace", 1, 9, False)),
    # errors that have nothing to do with the end of the input
    ("1 2", ("UnexpectedToken", 1, 3, False)),
    ("$x -foo 5", ("UnexpectedToken", 1, 4, False)),
    (")", ("UnexpectedToken", 1, 1, False)),
    ("}", ("UnexpectedToken", 1, 1, False)),
    ("Get-X | | b", ("EmptyPipeElement", 1, 8, False)),
    ("1 | 2", ("ExpressionsMustBeFirstInPipeline", 1, 5, False)),
    ("Get-X >", ("MissingFileSpecification", 1, 8, False)),
    ("Get-X < in.txt", ("RedirectionNotSupported", 1, 7, False)),
    ("Get-X 1>&2", ("RedirectionNotSupported", 1, 7, False)),
    ("Get-X > a > b", ("StreamAlreadyRedirected", 1, 11, False)),
    ("Get-X a,", ("MissingExpression", 1, 9, True)),
    ("Get-X , a", ("MissingArgument", 1, 7, False)),
    ("Get-X -Name:", ("ParameterRequiresArgument", 1, 13, False)),
    ("&", ("MissingExpression", 1, 1, False)),
    ("@{ a 1 }", ("MissingEqualsInHashLiteral", 1, 5, False)),
    ("@{ a = }", ("MissingStatementInHashLiteral", 1, 7, False)),
    ("@{a=1; a=2}", ("DuplicateKeyInHashLiteral", 1, 8, False)),
    ("@{'A'=1; a=2}", ("DuplicateKeyInHashLiteral", 1, 10, False)),
    ("@{1=1; '1'=2}", ("DuplicateKeyInHashLiteral", 1, 8, False)),
    ("1 = 2", ("InvalidLeftHandSide", 1, 1, False)),
    ("$a + 1 = 2", ("InvalidLeftHandSide", 1, 1, False)),
    ("$a, $b += 1", ("InvalidLeftHandSide", 1, 1, False)),
    ("$s.Trim() = 1", ("InvalidLeftHandSide", 1, 1, False)),
    ("5++", ("OperatorRequiresVariableOrProperty", 1, 1, False)),
    ("function f($a, $A) { }", ("DuplicateFormalParameter", 1, 16, False)),
    ("try { } finally { return }", ("ControlLeavingFinally", 1, 19, False)),
    ("@a", ("SplattingNotPermitted", 1, 1, False)),
    ("Get-X @a, $b", ("SplattingNotPermittedInArgumentList", 1, 7, False)),
    ("switch (1) { default { } default { } }", ("MultipleSwitchDefaultClauses", 1, 26, False)),
    ("switch -bogus (1) { }", ("InvalidSwitchFlag", 1, 8, False)),
    ("[string]param($a)", ("TypeNotAllowedBeforeParam", 1, 1, False)),
    ("[CmdletBinding()]", ("UnexpectedAttribute", 1, 1, True)),
    ("[CmdletBinding()]\n", ("UnexpectedAttribute", 1, 1, False)),
    ("switch (1) { }", ("MissingSwitchConditionExpression", 1, 13, False)),
    ("param([Parameter(Mandatory, Mandatory)]$a)", ("DuplicateNamedArgument", 1, 29, False)),
    ("begin { } 1", ("MissingNamedBlocks", 1, 11, False)),
    ("begin { } begin { }", ("DuplicateScriptCommandClause", 1, 11, False)),
    ("from", ("ReservedKeywordNotAllowed", 1, 1, False)),
])
def test_error(text: str, expected: tuple[str, int, int, bool]) -> None:
    assert first_error(text) == expected


def test_error_messages_are_powershells() -> None:
    (error,) = parse("Get-X -Name <VM>").errors
    assert error.message == "The '<' operator is reserved for future use."
    (error,) = parse("1 2").errors
    assert error.message == "Unexpected token '2' in expression or statement."
    (error,) = parse("-not").errors
    assert error.message == "Missing expression after unary operator '-not'."
    (error,) = parse("$a -EQ").errors
    assert error.message == "You must provide a value expression following the '-EQ' operator."
    (error,) = parse("Get-X |").errors
    assert error.message == "An empty pipe element is not allowed."
    (error,) = parse("@{a=1; a=2}").errors
    assert error.message == "Duplicate keys 'a' are not allowed in hash literals."
    (error,) = parse("if ($x)").errors
    assert error.message == "Missing statement block after if ( condition )."
    assert str(error).startswith("1:7 MissingStatementBlock")


def test_error_extents() -> None:
    (error,) = parse("Get-X 1 2 | | Sort").errors
    assert (error.extent.start, error.extent.end) == (11, 11)  # just after the first '|'
    (error,) = parse("1 2").errors
    assert error.extent.text == "2"
    (error,) = parse("if ($x) {").errors
    assert error.extent.text == "{"


@pytest.mark.parametrize("keyword", [
    "class", "enum", "using", "data", "workflow", "configuration", "parallel", "sequence",
    "inlinescript",
])
def test_unsupported_keywords(keyword: str) -> None:
    result = parse(f"{keyword} Name {{ [int]$x = 1\n  }}\n'after'")
    error = result.errors[0]
    assert error.error_id == "NotSupported"
    assert error.message == f"not supported in asrsim: {keyword}"
    assert (error.extent.start_line, error.extent.start_column) == (1, 1)
    assert len(result.errors) == 1, [str(e) for e in result.errors]
    end = result.ast.end_block
    assert end is not None
    # the rest of the script is still parsed
    assert sexp(pure(end.statements[-1])) == "'after'"


def test_using_statements_and_dynamicparam() -> None:
    result = parse("using namespace System.Text\nusing module Foo\n1")
    assert [e.error_id for e in result.errors] == ["NotSupported", "NotSupported"]
    result = parse("function f { dynamicparam { } process { } }")
    assert [e.message for e in result.errors] == ["not supported in asrsim: dynamicparam"]


def test_clean_and_dynamicparam_are_command_names_outside_block_lists() -> None:
    for word in ("clean", "dynamicparam"):
        _, second = statements(f"1\n{word}")
        assert isinstance(second, A.PipelineAst)
        name = second.pipeline_elements[0]
        assert isinstance(name, A.CommandAst)
        assert values(name.command_elements) == [word]
        assert errors(f"{word} {{ }}") == [("NotSupported", 1, 1, False)]


def test_background_operator_is_not_supported() -> None:
    assert first_error("Start-Job &") == ("NotSupported", 1, 11, False)


def test_several_errors_in_one_script() -> None:
    text = "$a = 1 + ;\n$b = @{ x = 1; x = 2 }\nGet-X | | Y\nif ($c) {"
    # the semantic check (duplicate key) comes after the syntax errors, as in PowerShell
    assert errors(text) == [
        ("ExpectedValueExpression", 1, 9, False),
        ("EmptyPipeElement", 3, 8, False),
        ("MissingEndCurlyBrace", 4, 9, True),
        ("DuplicateKeyInHashLiteral", 2, 16, False),
    ]
    assert parse(text).incomplete
    end = parse(text).ast.end_block
    assert end is not None and len(end.statements) == 4


def test_recovery_continues_after_a_stray_token() -> None:
    result = parse("1\n)\n2\n}\n3")
    assert [e.error_id for e in result.errors] == ["UnexpectedToken", "UnexpectedToken"]
    end = result.ast.end_block
    assert end is not None
    assert [sexp(pure(s)) for s in end.statements] == ["1", "2", "3"]


def test_recovery_inside_blocks() -> None:
    result = parse("function f {\n  $x = \n}\nfunction g { 1 }")
    assert [e.error_id for e in result.errors] == ["ExpectedValueExpression"]
    end = result.ast.end_block
    assert end is not None and len(end.statements) == 2


def test_incomplete_flag_of_the_result() -> None:
    assert parse("if ($x) {").incomplete
    assert parse("Get-Process |").incomplete
    assert not parse("1 2").incomplete
    assert not parse("Get-X >").incomplete
    assert not parse("1 + 2").incomplete


def test_leading_pipe_at_the_start_of_a_script_is_an_empty_element() -> None:
    assert errors("| Write-Output") == [("EmptyPipeElement", 1, 1, False)]


def test_nesting_too_deep_is_an_error_not_a_crash() -> None:
    result = parse("(" * 2000 + "1" + ")" * 2000)
    assert [e.error_id for e in result.errors] == ["ScriptTooComplicated"]


def test_every_error_id_has_a_message() -> None:
    for error_id, message in MESSAGES.items():
        assert error_id and message


# -- the scripts of the Microsoft doc (broken as published) --------------------------------


SCRIPT_A = (
    "$vm = Get-SCVirtualMachine -Name <VM_NAME>\n"
    "$na = $vm[0].VirtualNetworkAdapters>\n"
    "$ip = Get-SCIPAddress -GrantToObjectID $na[0].id\n"
    "$ip.address\n"
)


def test_script_a_as_published() -> None:
    # '<' is input redirection, reserved; its "file" is the bare word 'VM_NAME>' (a '>'
    # inside a bare word does not end it), so line 1 has one error. On line 2 the '>' after
    # the member access is an output redirection with nothing after it.
    assert errors(SCRIPT_A) == [
        ("RedirectionNotSupported", 1, 34, False),
        ("MissingFileSpecification", 2, 37, False),
    ]
    first, second = parse(SCRIPT_A).errors
    assert first.extent.text == "<"
    assert first.message == "The '<' operator is reserved for future use."
    assert second.extent.start == second.extent.end
    assert second.message == "Missing file specification after redirection operator."
    assert not parse(SCRIPT_A).incomplete


def test_script_a_corrected() -> None:
    fixed = SCRIPT_A.replace("<VM_NAME>", '"web01"').replace("Adapters>", "Adapters")
    result = ok(fixed)
    end = result.ast.end_block
    assert end is not None and len(end.statements) == 4
    assignment = end.statements[1]
    assert isinstance(assignment, A.AssignmentStatementAst)
    assert sexp(pure(assignment.right)) == "(($vm[0]).'VirtualNetworkAdapters')"


SCRIPT_B = (
    "string]$Zone,\n"
    "[string]$name,\n"
    "[string]$IP\n"
    ")\n"
    "$Record = Get-DnsServerResourceRecord -ZoneName $zone -Name $name\n"
    "$newrecord = $record.clone()\n"
    "$newrecord.RecordData[0].IPv4Address  =  $IP\n"
    "Set-DnsServerResourceRecord -zonename $zone -OldInputObject $record "
    "-NewInputObject $Newrecord\n"
)


def test_script_b_as_published() -> None:
    # line 1 is a command named 'string]$Zone' followed by a comma (a missing argument);
    # the comma list goes on over lines 2 and 3; the ')' of line 4 closes nothing
    assert errors(SCRIPT_B) == [
        ("MissingArgument", 1, 13, False),
        ("UnexpectedToken", 4, 1, False),
    ]
    assert parse(SCRIPT_B).errors[1].message == (
        "Unexpected token ')' in expression or statement.")


def test_script_b_corrected() -> None:
    fixed = "param([string]$Zone, [string]$name, [string]$IP)\n" + SCRIPT_B.split(")\n", 1)[1]
    result = ok(fixed)
    param = result.ast.param_block
    assert param is not None
    assert [p.name for p in param.parameters] == ["Zone", "name", "IP"]
    end = result.ast.end_block
    assert end is not None and len(end.statements) == 4
    assignment = end.statements[2]
    assert isinstance(assignment, A.AssignmentStatementAst)
    assert sexp(assignment.left) == "((($newrecord.'RecordData')[0]).'IPv4Address')"


# -- speed -----------------------------------------------------------------------------------


def test_a_long_script_parses_quickly() -> None:
    import time

    chunk = (
        "function Get-Thing {\n"
        "    param([Parameter(Mandatory)] [string]$Name, [int]$Count = 5)\n"
        "    $result = @{ Name = $Name; Count = $Count * 2 + 1 }\n"
        "    foreach ($i in 1..$Count) {\n"
        "        if ($i % 2 -eq 0) { Write-Host \"even $i $($result.Name)\" }\n"
        "        else { $result[\"x$i\"] = [math]::Round($i / 3, 2) }\n"
        "    }\n"
        "    Get-ChildItem -Path C:\\temp\\*.txt | Where-Object { $_.Length -gt 100 }\n"
        "    return $result\n"
        "}\n"
    )
    text = chunk * 500  # 5,000 lines
    started = time.perf_counter()
    result = parse(text)
    elapsed = time.perf_counter() - started
    assert result.errors == ()
    assert elapsed < 3.0  # well under a second on a developer machine; slack for CI


# -- robustness ------------------------------------------------------------------------------

_SOUP = [
    "if", "else", "elseif", "(", ")", "{", "}", "[", "]", "@{", "@(", "$(", "$x", "@s", "=",
    "+=", ",", ";", "\n", "|", "||", "&&", "&", ".", "::", "..", "-eq", "-not", "-f", "+",
    "-", "*", "/", "%", "!", "++", "--", "1", "2.5", "0x", "'s'", '"d $x $(1)"', '"', "'",
    '@"\n', '\n"@', "`", "#c", "<#", "#>", "function", "f", "param", "begin", "process",
    "end", "foreach", "in", "for", "while", "do", "until", "switch", "default", "try",
    "catch", "finally", "trap", "break", "continue", "return", "throw", "exit", ":lbl",
    "[int]", "[Parameter(Mandatory)]", "class", "using", "data", "-Name", "-Name:", "Get-X",
    ">", ">>", "2>&1", "<", "?", ":", "??", "??=", "$a.b", ".\\x.ps1", "*.txt", "--%", "%",
    "?{", "${a b}", "[x]::new", "$a[0]", " ", "\t", "\r\n", "@", "$", "dynamicparam",
]

_SEED_SCRIPTS = [
    SCRIPT_A,
    SCRIPT_B,
    "function f { param([int]$a = 1) begin { } process { $_ * $a } }\n",
    "switch -regex ($x) { '^a' { 1 } default { 2 } }\n$h = @{ a = 1; 'b' = @(1, 2) }\n",
    'try { "x$($y.z())" } catch [IO.IOException] { throw } finally { }\n',
    ":o foreach ($i in 1..3) { for ($j = 0; $j -lt 2; $j++) { continue o } }\n",
    "$s = @\"\nline $a $(Get-Date)\n\"@\nGet-X -P:$true @sp 2>&1 | % { $_ } > out.txt\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SOUP), max_size=40), st.sampled_from(["", " "]))
def test_token_soup_never_raises(parts: list[str], separator: str) -> None:
    result = parse(separator.join(parts))
    assert result.ast.extent.start == 0
    for error in result.errors:
        assert error.error_id and error.message
        assert 0 <= error.extent.start <= error.extent.end <= len(separator.join(parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SEED_SCRIPTS),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3),
                          st.sampled_from(list("(){}[]$@\"'`|;,.:=-+!#<>\n &%?*"))),
                max_size=6))
def test_mutated_scripts_never_raise(script: str,
                                     edits: list[tuple[int, int, str]]) -> None:
    text = script
    for position, action, char in edits:
        position %= len(text) + 1
        if action == 0:
            text = text[:position] + text[position + 1:]
        elif action == 1:
            text = text[:position] + char + text[position:]
        elif action == 2:
            text = text[:position]
        else:
            text = text[:position] + char * 3 + text[position:]
    result = parse(text)
    assert isinstance(result.ast, A.ScriptBlockAst)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_never_raises(text: str) -> None:
    result = parse(text)
    assert isinstance(result.errors, tuple)
