"""One build at a time across processes: an import and a rebuild both replace the seed database, and two at
once would let the older one's file win. A lock file beside the seed database, held with `flock`, so a killed
holder releases it with its process."""

import fcntl
import time
from contextlib import contextmanager
from pathlib import Path

WAIT_SECONDS = 120


class Busy(RuntimeError):
    """Another import or build held the lock for longer than we wait; the message is Swedish."""


@contextmanager
def build_lock(database: Path, wait_seconds: float = WAIT_SECONDS):
    path = database.with_name(database.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy("En annan import eller ombyggnad av databasen pågår fortfarande. Försök igen om en "
                               "stund; ingenting har ändrats.") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
