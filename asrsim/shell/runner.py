"""Running scripts: a file with arguments (``asrsim run``), a command (``asrsim -c``), or one
line of the REPL, with pwsh's exit statuses and error output."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from asrsim.lang.binder import ABSENT, Argument, NamedArgument, PositionalArgument
from asrsim.lang.errors import (
    BreakException,
    ContinueException,
    ExitException,
    ParseException,
    ReturnException,
    RuntimeException,
)
from asrsim.lang.errorview import render_parse_errors
from asrsim.lang.runtime import Runtime, call_depth_overflow
from asrsim.shell.output import OutDefault

_STDERR_STREAMS = ("error", "warning", "verbose", "debug")


class FlushingHost:
    """The session's host, flushing gathered output before anything else is written."""

    def __init__(self, inner: Any, out: OutDefault | None = None,
                 runtime: Runtime | None = None) -> None:
        self.inner = inner
        self.out = out
        self.runtime = runtime

    @property
    def interactive(self) -> bool:
        return bool(self.inner.interactive)

    @property
    def width(self) -> int:
        return int(self.inner.width)

    def write(
        self,
        text: str,
        *,
        stream: str = "output",
        color: str | None = None,
        background: str | None = None,
    ) -> None:
        runtime = self.runtime
        if stream == "host" and runtime is not None and runtime.stream_redirects:
            # Write-Host writes to the information stream (PowerShell 5+): 6> and *> take it
            sink = runtime.redirect_for("information")
            if sink is not None:
                sink(text.removesuffix("\n"))
                return
        # what goes to stdout keeps its order with the gathered objects; errors and warnings
        # go to stderr at once, as PowerShell shows them while a table is still being gathered
        if self.out is not None and stream not in _STDERR_STREAMS:
            self.out.flush()
        self.inner.write(text, stream=stream, color=color, background=background)

    def read_line(self, prompt: str) -> str:
        if self.out is not None:
            self.out.flush()
        return str(self.inner.read_line(prompt))


def script_arguments(words: Sequence[str]) -> list[Argument]:
    """pwsh -File style arguments: ``-Name value``, ``-Name:value``, ``-Switch``, positional."""
    arguments: list[Argument] = []
    for word in words:
        if word.startswith("-") and len(word) > 1 and not _is_number(word):
            name, colon, value = word[1:].partition(":")
            arguments.append(NamedArgument(name, value if colon else ABSENT, None, name))
        else:
            arguments.append(PositionalArgument(word))
    return arguments


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True


class ScriptRunner:
    """Runs text or files on one session (Runtime), printing through its host."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.out = OutDefault(runtime)
        self.inner_host = runtime.host
        runtime.host = FlushingHost(runtime.host, self.out, runtime)

    def _view(self) -> str:
        return str(self.runtime.get_variable(self.runtime.global_scope, "ErrorView", "ConciseView"))

    def run_text(
        self,
        text: str,
        *,
        path: str | None = None,
        arguments: Sequence[Argument] = (),
        new_scope: bool = True,
    ) -> int:
        """Run script text; returns pwsh's exit status for it."""
        from asrsim.lang.parser import parse

        result = parse(text, path)
        if result.errors:
            self.runtime.host.write(
                render_parse_errors(list(result.errors), self._view()), stream="error"
            )
            for error in reversed(result.errors):
                self.runtime.record_error(ParseException([error]).record)
            return 1
        block = self.runtime.make_script_block(result.ast, path)
        scope = self.runtime.new_script_scope() if new_scope else self.runtime.global_scope
        self.runtime.top_scope = scope
        return self._run(
            lambda: self.runtime.run_script(
                block, self.out, args=list(arguments), scope=scope, script_path=path
            )
        )

    def run_file(self, path: Path, words: Sequence[str] = ()) -> int:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError:
            self.runtime.host.write(
                f"The argument '{path}' is not recognized as the name of a script file. Check "
                "the spelling of the name, or if a path was included, verify that the path is "
                "correct and try again.\n",
                stream="error",
            )
            return 64
        return self.run_text(text, path=str(path.resolve()), arguments=script_arguments(words))

    def _run(self, action: Any) -> int:
        runtime = self.runtime
        status = 0
        try:
            action()
        except ExitException as exit_:
            status = exit_.code
            runtime.exit_code = status
        except (ReturnException, BreakException, ContinueException):
            status = 0
        except RuntimeException as error:
            runtime.report_error(error.record)
            status = 1
        except RecursionError:
            # nesting deeper than Python's stack allows, before MAX_CALL_DEPTH was reached
            runtime.call_depth = 0
            runtime.report_error(call_depth_overflow().record)
            status = 1
        except KeyboardInterrupt:
            self.out.flush()
            runtime.host.write("\n", stream="output")
            status = 130
        finally:
            self.out.flush()
        runtime.global_scope.set_local("LASTEXITCODE", status)
        return status
