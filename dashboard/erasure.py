"""Erasing one supporter (the right to erasure, GDPR art. 17): every imported row about them is deleted from the
user store in one transaction, the store is written afresh so no deleted bytes remain, the seed database is
rebuilt without them, and the act is logged with who, when, why and how many rows, never with the code. The board
pack and the exports are made from the rebuilt database, so they hold nothing of the supporter either.

A supporter who comes from the documents (`data/seeds`, a pseudonymous code from a published report) is not the
store's to erase: the command says so and where the rows are.
"""

from collections import Counter

import pandas as pd

from dashboard.base import access, formatting, locks, paths
from dashboard.store import stores
from dashboard.store.build import build_database
from dashboard.store.userdata import UserDataError, shown

REASON_LIMIT = 500


def erase_supporter(code: str, reason: str, actor: access.Actor) -> int:
    """Erase `code`'s imported rows; returns how many were deleted. Refused in Swedish, with nothing changed,
    without the role, a reason, or rows to erase."""
    access.require(actor, "erase_supporter")
    code, reason = (code or "").strip(), (reason or "").strip()
    if not reason or len(reason) > REASON_LIMIT:
        raise UserDataError(f"Ange ett skäl (högst {REASON_LIMIT} tecken) för raderingen; ingenting har ändrats.")
    if code in set(pd.read_csv(paths.seed_dir() / "supporter.csv", dtype=str)["supporter_id"]):
        raise UserDataError(f"{code} kommer från källdokumenten (data/seeds/supporter.csv och raderna som hänvisar "
                            "dit), inte från en import; ta bort uppgifterna i seed-filerna och bygg om. Ingenting "
                            "har ändrats.")
    try:
        with stores.current().transaction() as run:
            deleted = run("user/erase_rows", {"supporter": code})
            if deleted.empty:
                raise UserDataError(f"Ingen importerad rad gäller {code}; ingenting har ändrats.")
            for import_id, count in Counter(deleted["import_id"].astype(int)).items():
                run("user/erase_count", {"import_id": import_id, "count": count})
            now = formatting.stockholm_time()
            run("user/erase_empty_imports", {"now": now, "who": actor.name})
            run("user/erase_log", {"now": now, "who": actor.name, "reason": reason, "rows": len(deleted)})
        stores.current().compact()
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    with locks.build_lock(paths.database_path()):
        build_database()
    return len(deleted)


def history() -> pd.DataFrame:
    return shown("user/erase_history")
