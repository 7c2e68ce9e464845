"""Notice cheaply that the user store or the seed database changed under a running dashboard, and bring the seed
database back in step: another replica imported (a shared PostgreSQL store), an import was killed between its
commit and its swap (the store one import ahead), or the seed database file was replaced or damaged. A DuckDB
store is checked with a `stat` on every run; PostgreSQL with one small query at most every CHECK_SECONDS, so a
new import shows on every replica within seconds.

While the store cannot be reached, pages read the seed database as last built, with a notice, and the next check
tries again: nothing here raises for the store."""

import threading
import time

from dashboard.base import paths
from dashboard.store import db, stores, userdata
from dashboard.store.build import ensure_database
from dashboard.store.stores import file_version

CHECK_SECONDS = 2.0
_seen = {"versions": None, "checked": 0.0, "notice": None}
_lock = threading.Lock()


def keep_in_step() -> str | None:
    """A Swedish notice while the user store cannot be reached, else None."""
    if db.pinned():   # within a page run: the entrypoint checked before the run began
        return None
    if stores.current().kind == "postgres" and time.monotonic() - _seen["checked"] < CHECK_SECONDS:
        return _seen["notice"]
    _seen["checked"] = time.monotonic()
    try:
        _check()
        _seen["notice"] = None
    except stores.StoreUnavailable as error:   # left as last seen, so the next check builds where needed
        _seen["notice"] = f"{error.what}; sidan visar senast byggda data."
    return _seen["notice"]


def _check() -> None:
    store = userdata.store_version()
    if (store, file_version(paths.database_path())) == _seen["versions"]:
        return
    with _lock:
        if (store, file_version(paths.database_path())) != _seen["versions"]:
            ensure_database()   # compares fingerprints and reads a changed file whole; builds only where needed
            _seen["versions"] = (store, file_version(paths.database_path()))

