"""Reported periods: 'Rapportera period' stores a period's rows exactly as reported (utfall, årsmål in force,
bedömning, analys) and locks it; a locked period's exports are written from those rows, so they regenerate
byte-identical whatever is imported later. Unlocking is a förvaltare's act with a reason, recorded beside the
report, which is never deleted.
"""

import json
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from dashboard.base import access, formatting
from dashboard.followup.goals import clean_text
from dashboard.store import stores
from dashboard.store.userdata import UserDataError, shown

REASON_LIMIT = 500


@dataclass(frozen=True)
class Report:
    period: str
    rows: list[dict]
    locked_at: datetime
    locked_by: str
    reason: str


def reports() -> pd.DataFrame:
    """Every lock, unlocked ones included (none while the store cannot be reached)."""
    return shown("user/report_list")


def locked(period: str, saved: pd.DataFrame | None = None) -> Report | None:
    """The period's report while it is locked, else None."""
    saved = reports() if saved is None else saved
    rows = saved[(saved["period"] == period) & saved["unlocked_at"].isna()]
    if rows.empty:
        return None
    row = rows.iloc[-1]
    return Report(period, json.loads(row["report_json"]), pd.Timestamp(row["locked_at"]).to_pydatetime(),
                  str(row["locked_by"]), "" if pd.isna(row["reason"]) else str(row["reason"]))


def refuse_if_locked(period: str) -> None:
    report = locked(period)
    if report is not None:
        raise UserDataError(f"Perioden {period} är rapporterad och låst ({formatting.minute(report.locked_at)}, "
                            f"{formatting.actor_shown(report.locked_by)}); ingenting har ändrats. En förvaltare kan "
                            "låsa upp den med ett skäl.")


def lock(period: str, rows: list[dict], actor: access.Actor, reason: str | None) -> int:
    """Store the rows as reported; refused while the period is locked already."""
    access.require(actor, "lock_period")
    reason = clean_text(reason, "Skälet", REASON_LIMIT) if (reason or "").strip() else None
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True)
    try:
        written = stores.current().run("user/report_lock", {"period": period, "report": text, "who": actor.name,
                                                            "now": formatting.stockholm_time(), "reason": reason})
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    if written.empty:
        refuse_if_locked(period)
        raise UserDataError("En annan låsning sparades i samma ögonblick; ingenting har ändrats. Försök igen.")
    return int(written.iloc[0, 0])


def unlock(period: str, actor: access.Actor, reason: str) -> None:
    access.require(actor, "unlock_period")
    reason = clean_text(reason, "Skälet att låsa upp", REASON_LIMIT)
    try:
        written = stores.current().run("user/report_unlock", {"period": period, "now": formatting.stockholm_time(),
                                                              "who": actor.name, "reason": reason})
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    if written.empty:
        raise UserDataError(f"Perioden {period} är inte låst; ingenting har ändrats.")
