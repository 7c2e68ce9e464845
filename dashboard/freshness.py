"""Notice, for the price of a `stat`, that the user store changed under a running dashboard, and bring the seed
database back in step: an import killed between its commit and the swap leaves the store one import ahead, and
every reader must rebuild rather than serve the older file."""

import threading

from dashboard import db, userdata
from dashboard.build import ensure_database

_seen = {"store": None}
_lock = threading.Lock()


def keep_in_step() -> None:
    if db.pinned():   # within a page run: the entrypoint checked before the run began
        return
    store = userdata.store_version()
    if store == _seen["store"]:
        return
    with _lock:
        if store != _seen["store"]:
            ensure_database()   # compares fingerprints; builds only when they differ
            _seen["store"] = store
