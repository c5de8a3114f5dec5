"""One world = one SQLite file.

WAL journal so that a dashboard can read while a shell writes; ``BEGIN IMMEDIATE`` for every
write so that two processes doing read-modify-write never lose an update; ``synchronous=FULL``
so that a command that returned is on disk. A write is one transaction: a process killed in
the middle of one leaves the file as it was before it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from asrsim.sim.errors import WorldError, WorldVersionError

SCHEMA_VERSION = 1
#: "ASRS": marks the file as an asrsim world for tools like `file(1)` and for our own check.
APPLICATION_ID = 0x41535253
#: How long a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT_SECONDS = 30.0
_BEGIN_ATTEMPTS = 5

_SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE objects (
    id     TEXT PRIMARY KEY,
    kind   TEXT NOT NULL,
    name   TEXT NOT NULL,
    parent TEXT,
    ref    TEXT,
    data   TEXT NOT NULL
);
CREATE INDEX objects_by_name   ON objects (kind, name COLLATE NOCASE);
CREATE INDEX objects_by_parent ON objects (parent, kind);
CREATE INDEX objects_by_ref    ON objects (ref, kind);
CREATE TABLE changes (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    at   INTEGER NOT NULL,
    op   TEXT NOT NULL,
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE TABLE events (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    due     INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    target  TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX events_by_due ON events (due, seq);
"""

Row = tuple[str, str, str, str]  # id, kind, name, data


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,  # transactions are begun and ended explicitly
        check_same_thread=False,  # the dashboard's workers share it, under Store._lock
    )
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


class Store:
    """The SQLite file of one world, and the transactions on it."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.RLock()
        self._depth = 0

    # -- opening and creating ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Store:
        if not path.exists():
            raise WorldError(f"no world at {path}: create one with 'asrsim world new'")
        try:
            connection = _connect(path)
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise WorldError(f"{path} is not an asrsim world ({error})") from None
        if application_id != APPLICATION_ID:
            connection.close()
            raise WorldError(f"{path} is not an asrsim world")
        store = cls(path, connection)
        version = store.get_meta("schema_version")
        if version is None or not version.isdigit():
            connection.close()
            raise WorldError(f"{path} is not an asrsim world (it has no schema version)")
        if int(version) != SCHEMA_VERSION:
            connection.close()
            raise WorldVersionError(
                f"{path} is a world of schema version {version}; this asrsim "
                f"reads version {SCHEMA_VERSION} only"
            )
        return store

    @classmethod
    @contextlib.contextmanager
    def creating(cls, path: Path, *, replace: bool = False) -> Iterator[Store]:
        """A new, empty world written beside ``path`` and moved into place only when the
        block finishes without an error, so a failed creation leaves nothing behind."""
        if path.exists() and not replace:
            raise WorldError(
                f"a world already exists at {path}: use --force to replace it, "
                "or 'asrsim world reset' to start it over"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        _remove_database(partial)
        connection = _connect(partial)
        store = cls(partial, connection)
        try:
            # The partial file is thrown away on any failure, so the schema needs no
            # transaction of its own (executescript would commit an open one anyway).
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.executescript(_SCHEMA)
            store.set_meta("schema_version", str(SCHEMA_VERSION))
            yield store
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            # An old world's WAL left beside the new file would be replayed into it.
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(f"{path}{suffix}")
            os.replace(partial, path)
        except BaseException:
            connection.close()
            _remove_database(partial)
            raise

    def close(self) -> None:
        self._db.close()

    # -- transactions --------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._begin("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._db.execute("ROLLBACK")
                raise
            self._depth = 0
            self._db.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        """A consistent snapshot for several reads; inside a write, the write's view."""
        with self._lock:
            if self._depth:
                yield
                return
            self._begin("BEGIN DEFERRED")
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0
                self._db.execute("COMMIT")

    @property
    def in_write(self) -> bool:
        return self._depth > 0

    def _begin(self, statement: str) -> None:
        # The busy timeout already waits for another writer; a few more attempts cover the
        # rare SQLITE_BUSY that WAL returns at once (a checkpoint or recovery in progress).
        for attempt in range(_BEGIN_ATTEMPTS):
            try:
                self._db.execute(statement)
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if attempt == _BEGIN_ATTEMPTS - 1:
                    raise WorldError(
                        f"the world {self.path} is busy: another process holds it for writing"
                    ) from None

    # -- meta ----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def all_meta(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._db.execute("SELECT key, value FROM meta")}

    # -- objects -------------------------------------------------------------------------

    def insert_objects(
        self, rows: Iterable[tuple[str, str, str, str | None, str | None, str]]
    ) -> None:
        self._db.executemany(
            "INSERT INTO objects (id, kind, name, parent, ref, data) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def update_object(
        self, object_id: str, name: str, parent: str | None, ref: str | None, data: str
    ) -> int:
        cursor = self._db.execute(
            "UPDATE objects SET name = ?, parent = ?, ref = ?, data = ? WHERE id = ?",
            (name, parent, ref, data, object_id),
        )
        return cursor.rowcount

    def delete_object(self, object_id: str) -> int:
        return self._db.execute("DELETE FROM objects WHERE id = ?", (object_id,)).rowcount

    def object_by_id(self, object_id: str) -> Row | None:
        row = self._db.execute(
            "SELECT id, kind, name, data FROM objects WHERE id = ?", (object_id,)
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    def objects(
        self,
        kind: str,
        *,
        name: str | None = None,
        parent: str | None = None,
        ref: str | None = None,
    ) -> list[Row]:
        clauses = ["kind = ?"]
        values: list[Any] = [kind]
        if name is not None:
            clauses.append("name = ? COLLATE NOCASE")
            values.append(name)
        if parent is not None:
            clauses.append("parent = ?")
            values.append(parent)
        if ref is not None:
            clauses.append("ref = ?")
            values.append(ref)
        query = (
            "SELECT id, kind, name, data FROM objects WHERE "
            + " AND ".join(clauses)
            + " ORDER BY rowid"
        )
        return [(r[0], r[1], r[2], r[3]) for r in self._db.execute(query, values)]

    def count(self, kind: str) -> int:
        row = self._db.execute("SELECT count(*) FROM objects WHERE kind = ?", (kind,)).fetchone()
        return int(row[0])

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT kind, count(*) FROM objects GROUP BY kind")
        return {str(kind): int(n) for kind, n in rows}

    def clear(self) -> None:
        self._db.execute("DELETE FROM objects")
        self._db.execute("DELETE FROM events")

    # -- change journal ------------------------------------------------------------------

    def journal(self, entries: Iterable[tuple[int, str, str, str, str]]) -> None:
        self._db.executemany(
            "INSERT INTO changes (at, op, kind, id, name) VALUES (?, ?, ?, ?, ?)", entries
        )

    def last_change(self) -> int:
        row = self._db.execute("SELECT max(seq) FROM changes").fetchone()
        return int(row[0] or 0)

    def changes_since(
        self, seq: int, limit: int = 1000
    ) -> list[tuple[int, int, str, str, str, str]]:
        rows = self._db.execute(
            "SELECT seq, at, op, kind, id, name FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
            (seq, limit),
        )
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    # -- scheduled events ----------------------------------------------------------------

    def add_event(self, due: int, kind: str, target: str | None, payload: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO events (due, kind, target, payload) VALUES (?, ?, ?, ?)",
            (due, kind, target, payload),
        )
        return int(cursor.lastrowid or 0)

    def next_event(self, until: int) -> tuple[int, int, str, str | None, str] | None:
        row = self._db.execute(
            "SELECT seq, due, kind, target, payload FROM events WHERE due <= ? "
            "ORDER BY due, seq LIMIT 1",
            (until,),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3], row[4])

    def remove_event(self, seq: int) -> None:
        self._db.execute("DELETE FROM events WHERE seq = ?", (seq,))

    def pending_events(self) -> list[tuple[int, int, str, str | None, str]]:
        rows = self._db.execute(
            "SELECT seq, due, kind, target, payload FROM events ORDER BY due, seq"
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
