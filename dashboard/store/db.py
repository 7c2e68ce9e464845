"""The one execution choke point: read-only DuckDB access, a cursor per call.

The seed database is attached read-only as `seed`. A query asked for "as known on" a date runs in a cursor whose
temporary views of the same names hold only the facts whose source is dated by then: the second clock, applied to
every query alike.

The database file is replaced atomically when it is rebuilt. DuckDB caches one instance per path
in a process, so the old connection must be closed before the new file can be opened: queries
register while they run and the swap waits until none is in flight. `one_version()` holds the connection for
a whole page run, so every query of the run reads the same file even if an import swaps it meanwhile.
"""

import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.base import paths
from dashboard.store import sqlfiles


class _Reader:
    def __init__(self):
        self._guard = threading.Condition()
        self._active = 0
        self._key = None
        self._connection = None
        self._pinned = threading.local()   # (connection, key) held by this thread's page run

    def query(self, sql: str, params: dict | None = None, known_on: date | None = None) -> pd.DataFrame:
        pinned = getattr(self._pinned, "held", None)
        connection = pinned[0] if pinned else self._acquire()[0]
        cursor = connection.cursor()
        try:
            cursor.execute("use seed")
            if known_on is not None:   # the cursor's own temporary views: no other query sees them
                cursor.execute(sqlfiles.load("clock/known_sources").sql, {"known_on": known_on})
                cursor.execute(sqlfiles.load("clock/known_views").sql)
            return cursor.execute(sql, params or {}).df()
        finally:
            cursor.close()
            if not pinned:
                self._release()

    def version(self) -> tuple:
        """Changes whenever the database file is replaced; within `pin`, the pinned file's."""
        pinned = getattr(self._pinned, "held", None)
        return pinned[1] if pinned else _file_key(_current_path())

    def pinned(self) -> bool:
        return bool(getattr(self._pinned, "held", None))

    @contextmanager
    def pin(self):
        if getattr(self._pinned, "held", None):   # already pinned by this run
            yield
            return
        self._pinned.held = self._acquire()
        try:
            yield
        finally:
            self._pinned.held = None
            self._release()

    def _acquire(self) -> tuple[duckdb.DuckDBPyConnection, tuple]:
        path = _current_path()
        with self._guard:
            key = _file_key(path)
            while key != self._key:
                self._guard.wait_for(lambda: self._active == 0)
                if self._connection is not None:
                    self._connection.close()
                self._connection = duckdb.connect()   # in memory, the seed database attached as `seed`
                self._connection.execute(sqlfiles.load("clock/attach").sql, {"path": str(path)})
                # a rebuild may have swapped the file between reading its key and opening it: the key must be the
                # opened file's, or results cached under it would mix two versions in one page run
                self._key, key = key, _file_key(path)
            self._active += 1
            return self._connection, self._key

    def _release(self) -> None:
        with self._guard:
            self._active -= 1
            self._guard.notify_all()


class DatabaseMissing(FileNotFoundError):
    """The read path never builds: the command line and the dashboard ensure the database before reading."""


def _current_path() -> Path:
    path = paths.database_path()
    if not path.exists():
        raise DatabaseMissing(f"Databasen {path} finns inte; bygg den med `python -m dashboard build`.")
    return path


def _file_key(path: Path) -> tuple:
    stat = path.stat()
    return (str(path), stat.st_ino, stat.st_mtime_ns)


_reader = _Reader()


def query(sql: str, params: dict | None = None, known_on: date | None = None) -> pd.DataFrame:
    """Run one read-only statement with bound parameters; with `known_on`, against the database as known on that
    date (every fact from a source dated after it left out, `queries/clock/known_views.sql`)."""
    return _reader.query(sql, params, known_on)


def data_version() -> tuple:
    return _reader.version()


def pinned() -> bool:
    """Whether this thread is inside `one_version`: code that may wait for a build must not run there (the build
    may wait for this thread's connection)."""
    return _reader.pinned()


def one_version():
    """A context in which every query of this thread reads one database file: a page run's figures never mix
    two versions (`Data t.o.m.` in the sidebar and the header from different files)."""
    return _reader.pin()
