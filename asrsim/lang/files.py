"""The few host file operations the language itself performs (redirection, dot-sourcing),
through the session's FileAccess policy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from asrsim.lang.errors import RuntimeException

if TYPE_CHECKING:
    from asrsim.lang.runtime import Runtime


def resolve(runtime: Runtime, path: str) -> Path:
    candidate = Path(path.replace("\\", "/")).expanduser()
    return candidate if candidate.is_absolute() else runtime.location / candidate


def write_text(
    runtime: Runtime,
    path: str,
    text: str,
    *,
    append: bool = False,
    encoding: str = "utf-8",
    newline: bool = True,
) -> None:
    """Write (or append) text; with ``newline`` a final line break is added when missing."""
    target = resolve(runtime, path)
    runtime.files.check(target, writing=True)
    if not target.parent.exists():
        raise RuntimeException(
            f"Could not find a part of the path '{target}'.",
            "DirectoryNotFound",
            "ObjectNotFound",
            target=str(target),
        )
    with target.open("a" if append else "w", encoding=encoding, newline="") as handle:
        end = "\n" if newline and text and not text.endswith("\n") else ""
        handle.write(text + end)


def read_text(runtime: Runtime, path: str) -> str:
    target = resolve(runtime, path)
    runtime.files.check(target, writing=False)
    try:
        return target.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RuntimeException(
            f"Cannot find path '{target}' because it does not exist.",
            "PathNotFound",
            "ObjectNotFound",
            target=str(target),
        ) from None
    except IsADirectoryError:
        raise RuntimeException(
            f"Access to the path '{target}' is denied.",
            "UnauthorizedAccess",
            "PermissionDenied",
            target=str(target),
        ) from None
