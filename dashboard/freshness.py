"""Notice cheaply that the user store changed under a running dashboard, and bring the seed database back in
step: another replica imported (a shared PostgreSQL store), or an import was killed between its commit and its
swap (the store one import ahead). A DuckDB store is checked with a `stat` on every run; PostgreSQL with one small
query at most every CHECK_SECONDS, so a new import shows on every replica within seconds."""

import threading
import time

from dashboard import db, stores, userdata
from dashboard.build import ensure_database

CHECK_SECONDS = 2.0
_seen = {"store": None, "checked": 0.0}
_lock = threading.Lock()


def keep_in_step() -> None:
    if db.pinned():   # within a page run: the entrypoint checked before the run began
        return
    if stores.current().kind == "postgres" and time.monotonic() - _seen["checked"] < CHECK_SECONDS:
        return
    _seen["checked"] = time.monotonic()
    store = userdata.store_version()
    if store == _seen["store"]:
        return
    with _lock:
        if store != _seen["store"]:
            ensure_database()   # compares fingerprints; builds only when they differ
            _seen["store"] = store
