"""Where what users add is stored: a DuckDB file by default, PostgreSQL when `PEER_DATABASE_URL` names one (a
deployment with several replicas shares it). Both run the same `queries/user/*.sql` (written to work in both;
a `<name>.postgres.sql` beside one replaces it where PostgreSQL needs other words) on the same schema (`data/user_schema.sql`),
with the same guarantee: what a `transaction()` writes is committed whole or not at all.

A DuckDB file can be opened for writing by one process at a time, so each call holds the file only for its
statement or transaction (attached to the process's one in-memory DuckDB, then detached) and a process that meets
the lock retries briefly.

A store heals: where a table is missing (the DuckDB file was deleted or replaced, the PostgreSQL database dropped
and made again), the process that finds out makes the schema again and asks once more. A store that cannot be
reached (PostgreSQL down, the file locked for longer than we wait or not a database) raises `StoreUnavailable`.
"""

import os
import threading
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.base import paths
from dashboard.base.locks import Busy
from dashboard.store import sqlfiles

RETRIES = 20


class StoreUnavailable(Busy):
    """The user store cannot be reached or opened just now. To a writer it is a store busy for longer than we wait
    (nothing was changed, try again); readers carry on with the seed database as last built and say so with
    `what`, a Swedish clause."""

    def __init__(self, what: str):
        self.what = what
        super().__init__(f"{what}; ingenting har ändrats. Försök igen om en stund.")


def current():
    """The store this process uses, from the environment (read on each call, so tests can switch)."""
    url = os.environ.get("PEER_DATABASE_URL")
    if url:
        return _postgres(url)
    return _duckdb(Path(os.environ.get("PEER_USER_DB", paths.DATA_DIR / "user" / "user.duckdb")))


def schema() -> str:
    return (paths.DATA_DIR / "user_schema.sql").read_text(encoding="utf-8")


@cache
def _duckdb(path: Path) -> "DuckDBStore":
    return DuckDBStore(path)


def file_version(path: Path) -> tuple | None:
    """Changes whenever the file is written or replaced; None where there is none."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


@cache
def _postgres(url: str):
    from dashboard.store.postgres_store import PostgresStore   # it imports this module

    return PostgresStore(url)


class DuckDBStore:
    kind = "duckdb"

    def __init__(self, path: Path):
        self.path = path
        self._schema_ready = False
        self._reads: dict[str, tuple[tuple, pd.DataFrame]] = {}

    @contextmanager
    def _connection(self):
        import duckdb

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _attaching:
            con = self._attach()
            try:
                if not self._schema_ready:   # once per file and process, not on every rerun
                    con.execute(schema())
                    self._schema_ready = True
                yield con
            except duckdb.CatalogException:
                self._schema_ready = False   # the file was deleted or replaced: the next connection makes the tables
                raise
            finally:
                _attaching.detach()

    def _attach(self):
        import duckdb

        for attempt in range(RETRIES):
            con = _attaching.connection()
            try:
                con.execute(sqlfiles.load("user/store_attach").sql, {"path": str(self.path)})
                con.execute("use user_store")
                return con
            except duckdb.IOException as error:
                # another process holds the file: wait a little; anything else (not a database) will not pass
                if "lock" not in str(error) or attempt == RETRIES - 1:
                    raise StoreUnavailable("Användardatabasen går inte att öppna just nu") from error
                time.sleep(0.1)

    def run(self, name: str, params: dict) -> pd.DataFrame | None:
        import duckdb

        try:
            return self._run_once(name, params)
        except duckdb.CatalogException:   # a table missing: asked again, the tables are made first
            return self._run_once(name, params)

    def _run_once(self, name: str, params: dict) -> pd.DataFrame | None:
        with self._connection() as con:
            return _duckdb_run(con, name, params)

    @contextmanager
    def transaction(self):
        """Yield `run(name, params)`; everything it ran is committed when the block ends, or nothing."""
        with self._connection() as con:
            con.begin()
            try:
                yield lambda name, params: _duckdb_run(con, name, params)
            except BaseException:
                con.rollback()
                raise
            con.commit()

    def version(self) -> tuple | None:
        """Changes whenever the file is written (reads leave it as it is)."""
        return file_version(self.path)

    def read(self, name: str) -> pd.DataFrame:
        """A read without parameters, kept while the file and its write-ahead log are unchanged: a page run read
        the same lists several times. The version is taken before the read, so a write by another process meanwhile
        is read again next time, never hidden."""
        before = (self.version(), file_version(self.path.with_name(self.path.name + ".wal")))
        kept = self._reads.get(name)
        if kept is not None and kept[0] == before and before[0] is not None:
            return kept[1].copy()
        frame = self.run(name, {})
        self._reads[name] = (before, frame)
        return frame.copy()

    @contextmanager
    def import_lock(self):
        yield   # one host: the seed database's build lock already makes one import at a time

    def compact(self) -> None:
        """Write the store afresh and put it in place: a deleted row's bytes can stay in a DuckDB file's free
        blocks, and an erasure must leave no trace. The tables are our schema's, copied as they are."""
        import duckdb

        fresh = self.path.with_name(f"{self.path.name}.compact-{os.getpid()}")
        fresh.unlink(missing_ok=True)
        with self._connection() as old:
            tables = [name for (name,) in old.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = current_database() and table_schema = 'main'").fetchall()]
            frames = {name: old.table(name).df() for name in tables}
            new = duckdb.connect(str(fresh))
            try:
                new.execute(schema())
                for name, frame in frames.items():   # names from our own schema, never from a user
                    new.execute(f"insert into {name} by name select * from frame")
            finally:
                new.close()
            os.replace(fresh, self.path)


class _Attaching:
    """The process's one in-memory DuckDB, into which a user store's file is attached for one statement or
    transaction and detached after it, so that other processes may open the file between them. One at a time: the
    attached name is always `user_store`."""

    def __init__(self):
        self._lock = threading.Lock()
        self._connection = None

    def __enter__(self):
        self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    def connection(self):
        import duckdb

        if self._connection is None:
            self._connection = duckdb.connect()
        return self._connection

    def detach(self) -> None:
        import duckdb

        try:
            self._connection.execute("use memory")
            self._connection.execute("detach user_store")
        except duckdb.Error:   # a transaction left open or a file gone: closing releases the file whatever happened
            self._connection.close()
            self._connection = None


_attaching = _Attaching()


def _duckdb_run(con, name: str, params: dict) -> pd.DataFrame | None:
    sql = sqlfiles.load(name)
    result = con.execute(sql.sql, sql.bind(params))
    return result.df() if result.description else None
