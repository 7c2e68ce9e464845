"""The user store in PostgreSQL (`PEER_DATABASE_URL`), shared by a deployment's replicas: the same queries as the
DuckDB store (`stores`), with a `<name>.postgres.sql` beside one where PostgreSQL needs other words."""

from contextlib import contextmanager
from functools import cache

import pandas as pd

from dashboard.base import paths
from dashboard.store import sqlfiles
from dashboard.store.stores import StoreUnavailable, schema

# Any number will do, as long as nothing else in the database uses it: the advisory lock that makes one
# import at a time across replicas.
IMPORT_LOCK_KEY = 0x5EE5


class PostgresStore:
    kind = "postgres"

    def __init__(self, url: str):
        self.url = url
        self._schema_ready = False

    @contextmanager
    def _connection(self):
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=10) as con:
                if not self._schema_ready:
                    con.execute(schema())
                    con.commit()
                    self._schema_ready = True
                yield con
        except psycopg.errors.UndefinedTable:
            self._schema_ready = False   # the database was replaced: the next connection makes the tables again
            raise
        except (psycopg.OperationalError, psycopg.InterfaceError) as error:   # down, restarting, or cut off
            raise StoreUnavailable("Den delade databasen går inte att nå just nu") from error

    def read(self, name: str) -> pd.DataFrame:
        return self.run(name, {})

    def run(self, name: str, params: dict) -> pd.DataFrame | None:
        import psycopg

        try:
            return self._run_once(name, params)
        except psycopg.errors.UndefinedTable:   # the database was replaced: asked again, its tables are made first
            return self._run_once(name, params)

    def _run_once(self, name: str, params: dict) -> pd.DataFrame | None:
        with self._connection() as con:
            return _postgres_run(con, name, params)

    @contextmanager
    def transaction(self):
        with self._connection() as con, con.transaction():
            yield lambda name, params: _postgres_run(con, name, params)

    def version(self) -> tuple:
        """A cheap query, not a file: the imports, and when scenarios last changed, as every replica sees them."""
        return tuple(self.run("user/store_version", {}).iloc[0])

    def compact(self) -> None:
        """Rewrite the table erased rows were deleted from, so their old versions are gone from its files."""
        import psycopg

        with psycopg.connect(self.url, connect_timeout=10, autocommit=True) as con:
            con.execute("vacuum full import_row")

    @contextmanager
    def import_lock(self):
        """One import at a time across every replica: a session-level advisory lock, released with its
        connection however the import ends."""
        with self._connection() as con:
            _postgres_run(con, "user/import_lock", {"key": IMPORT_LOCK_KEY})
            try:
                yield
            finally:
                _postgres_run(con, "user/import_unlock", {"key": IMPORT_LOCK_KEY})


@cache
def _postgres_sql(name: str) -> tuple[str, sqlfiles.SqlFile]:
    """The query's PostgreSQL text (`$name` written `%(name)s`), from its `.postgres` variant where one exists."""
    variant = f"{name}.postgres"
    sql = sqlfiles.load(variant if (paths.QUERY_DIR / f"{variant}.sql").is_file() else name)
    return sqlfiles.PARAM.sub(r"%(\1)s", sqlfiles.COMMENT.sub("", sql.sql)), sql


def _postgres_run(con, name: str, params: dict) -> pd.DataFrame | None:
    text, sql = _postgres_sql(name)
    cursor = con.execute(text, sql.bind(params))
    if cursor.description is None:
        return None
    return pd.DataFrame(cursor.fetchall(), columns=[column.name for column in cursor.description])
