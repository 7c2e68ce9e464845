"""Aktiviteter: the evaluations' recommendations followed up with an owner, a start, a deadline and a status from
the city's set, as a förvaltare records them (every save a new version). Until someone does, an activity shows the
evaluations' own follow-up (the `recommendations` indicator) and no owner or deadline: none is invented.

A deadline that has passed on the date shown, with the activity neither done nor withdrawn, is said beside the
status ('slutdatum 2020-12-31 har passerat'): a six-year-old deadline is never shown as live.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import indicators
from dashboard.base import access, formatting
from dashboard.followup.goals import clean_text, goal_rows, text_or_empty
from dashboard.store import stores
from dashboard.store.userdata import UserDataError, shown

STATUSES = ("Ej påbörjad", "Påbörjad", "Genomförd", "Försenad", "Avförd")
CLOSED = ("Genomförd", "Avförd")
OWNER_LIMIT = 200


@dataclass(frozen=True)
class Activity:
    recommendation_id: str
    goal_id: int | None
    status: str
    owner: str
    start_on: date | None
    deadline: date | None
    saved_at: object
    saved_by: str

    def status_on(self, day: date) -> str:
        if self.deadline and self.deadline < day and self.status not in CLOSED:
            return f"{self.status}; slutdatum {self.deadline.isoformat()} har passerat per {day.isoformat()}"
        return self.status


def latest() -> dict[str, Activity]:
    return {row.recommendation_id: Activity(
        str(row.recommendation_id), None if pd.isna(row.goal_id) else int(row.goal_id), str(row.status),
        text_or_empty(row.owner), _day(row.start_on), _day(row.deadline), pd.Timestamp(row.saved_at).to_pydatetime(),
        str(row.saved_by)) for row in shown("user/activity_list").itertuples(index=False)}


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def save(recommendation_id: str, status: str, actor: access.Actor, owner: str | None = None,
         start_on: date | None = None, deadline: date | None = None, goal_id: int | None = None) -> int:
    """A new version of the activity; refused in Swedish, with nothing written, for an unknown recommendation or
    goal, a status outside the set, or a deadline before the start."""
    access.require(actor, "set_activity")
    known = set(indicators.run("recommendations")["recommendation_id"])
    if recommendation_id not in known:
        raise UserDataError(f"Rekommendationen '{recommendation_id}' finns inte; välj en av "
                            f"{', '.join(sorted(known))}. Ingenting har sparats.")
    if status not in STATUSES:
        raise UserDataError(f"Statusen '{status}' finns inte; välj {', '.join(STATUSES)}. Ingenting har sparats.")
    if start_on and deadline and deadline < start_on:
        raise UserDataError(f"Slutdatumet {deadline.isoformat()} ligger före starten {start_on.isoformat()}. "
                            "Ingenting har sparats.")
    if goal_id is not None and goal_id not in set(goal_rows()["goal_id"].astype(int)):
        raise UserDataError(f"Inget nämndmål har nummer {goal_id}. Ingenting har sparats.")
    owner = clean_text(owner, "Ansvarig", OWNER_LIMIT) if (owner or "").strip() else None
    try:
        written = stores.current().run("user/activity_save", {
            "recommendation_id": recommendation_id, "goal_id": goal_id, "status": status, "owner": owner,
            "start_on": start_on, "deadline": deadline, "now": formatting.stockholm_time(), "who": actor.name})
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    if written.empty:
        raise UserDataError("En annan ändring av aktiviteten sparades i samma ögonblick; ingenting har sparats. "
                            "Försök igen.")
    return int(written.iloc[0, 0])
