"""The interactive shell: prompt_toolkit with history, PowerShell highlighting (pygments),
completion of commands, parameters, variables and members, and continuation lines driven by
the parser's "incomplete input" flag. Ctrl-C cancels the running pipeline, not the shell."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from asrsim.lang.parser import parse
from asrsim.lang.psobject import PSObject
from asrsim.session import Session

_WORD = re.compile(r"[\w\-:$.]*$")


def needs_more(text: str) -> bool:
    """Whether the text so far is an unfinished statement (an open brace, a trailing pipe)."""
    result = parse(text)
    return bool(result.errors) and result.incomplete


class Completions:
    """What Tab offers at the end of the line being typed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def candidates(self, line: str) -> list[str]:
        runtime = self.session.runtime
        word = _WORD.search(line)
        token = word.group(0) if word else ""
        if token.startswith("$") and "." in token:
            variable, _, partial = token.rpartition(".")
            return [f"{variable}.{m}" for m in self._members(variable, partial)]
        if token.startswith("$"):
            prefix = token[1:].casefold()
            names: set[str] = set()
            scope: Any = runtime.global_scope
            while scope is not None:
                names.update(v.name for v in scope.variables.values())
                scope = scope.parent
            return sorted(f"${n}" for n in names if n.casefold().startswith(prefix))
        if token.startswith("-"):
            command = self._command_of(line)
            if command is None:
                return []
            prefix = token[1:].casefold()
            return [
                f"-{p.name}" for p in command.parameters if p.name.casefold().startswith(prefix)
            ]
        prefix = token.casefold()
        names = {c.name for c in runtime.commands.cmdlets()}
        names.update(runtime.commands.aliases())
        names.update(f.name for f in runtime.global_scope.functions.values() if hasattr(f, "name"))
        return sorted(n for n in names if n.casefold().startswith(prefix))

    def _command_of(self, line: str) -> Any:
        segment = line.rsplit("|", 1)[-1].strip()
        name = segment.split(" ", 1)[0] if segment else ""
        commands = self.session.runtime.commands
        return commands.find(commands.resolve_alias(name) or name)

    def _members(self, variable: str, partial: str) -> Iterable[str]:
        from asrsim.lang import dotnet

        runtime = self.session.runtime
        value = runtime.get_variable(runtime.global_scope, variable.lstrip("$"))
        if value is None:
            return []
        names = [m.name for m in dotnet.members(value)]
        if isinstance(value, PSObject):
            names = value.property_names() + names
        wanted = partial.casefold()
        return sorted({n for n in names if n.casefold().startswith(wanted)})


def run_repl(session: Session, history: Path | None = None, *, input: Any = None,
             output: Any = None) -> int:
    """Read, run, print until `exit` or end of input; returns the exit status."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import Completer, Completion
    from prompt_toolkit.document import Document
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers.shell import PowerShellLexer  # type: ignore[import-untyped]

    completions = Completions(session)

    class ShellCompleter(Completer):
        def get_completions(self, document: Document, complete_event: Any) -> Iterable[Completion]:
            line = document.text_before_cursor
            word = _WORD.search(line)
            token = word.group(0) if word else ""
            for candidate in completions.candidates(line):
                yield Completion(candidate, start_position=-len(token))

    if history is not None:
        history.parent.mkdir(parents=True, exist_ok=True)
    prompt_session: PromptSession[str] = PromptSession(
        history=FileHistory(str(history)) if history else InMemoryHistory(),
        lexer=PygmentsLexer(PowerShellLexer),
        completer=ShellCompleter(),
        complete_while_typing=False,
        input=input,
        output=output,
    )
    status = 0
    while True:
        location = session.runtime.location
        try:
            text = prompt_session.prompt(f"PS {location}> ")
            while needs_more(text):
                text += "\n" + prompt_session.prompt(">> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            break
        if not text.strip():
            continue
        if text.strip().casefold() == "exit":
            break
        try:
            status = session.runner.run_text(text, new_scope=False)
        except KeyboardInterrupt:
            continue
        if session.runtime.exit_code is not None:
            return session.runtime.exit_code
    return status
