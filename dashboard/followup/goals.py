"""Nämndmål and årsmål in the user store: a goal with the measures that follow it, and each measure's target per
year. A changed target is a new version; a period is judged against the version in force at its end.

Nothing here is invented: the documents hold no decided årsmål, so until someone with the role sets one a measure
has none (and is 'Ej bedömd'). The evaluations' 'minst två per enhet' is a recommendation, not an årsmål.
"""

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.base import access, formatting
from dashboard.base.amounts import AmountError, parse_number
from dashboard.base.text import refused_character
from dashboard.followup import measures
from dashboard.followup.periods import FIRST_YEAR, LAST_YEAR
from dashboard.store import stores
from dashboard.store.userdata import UserDataError, shown

GOAL_LIMIT = 1_000       # characters: a nämndmål is a sentence or two
ATTEMPTS = 20            # writes at one moment from several replicas: each loser numbers its row again
DIRECTIONS = {"higher": "högre är bättre", "lower": "lägre är bättre"}


@dataclass(frozen=True)
class Target:
    value: float
    direction: str
    year: int
    dnr: str
    decided_by: str
    decided_on: str      # ISO date or ''
    valid_from: date
    version: int         # the target's number in the store


def _write(name: str, params: dict, refused: str) -> int:
    """Numbered in the statement; a writer that loses a race asks again. Returns the new row's number."""
    try:
        for _ in range(ATTEMPTS):
            written = stores.current().run(name, {**params, "now": formatting.stockholm_time()})
            if not written.empty:
                return int(written.iloc[0, 0])
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    raise UserDataError(refused)


def add_goal(text: str, indicator_names: list[str], actor: access.Actor, dnr: str | None = None,
             decided_by: str | None = None, decided_on: date | None = None) -> int:
    """A new nämndmål linked to measures ('headcount' or 'headcount:units'); its number. One transaction."""
    access.require(actor, "add_goal")
    text = clean_text(text, "Nämndmålet", GOAL_LIMIT)
    if not indicator_names:
        raise UserDataError("Ange minst en indikator som följer upp målet. Ingenting har sparats.")
    linked = list(dict.fromkeys(_measure(name).key for name in indicator_names))
    fields = {"text": text, "dnr": _optional(dnr), "decided_by": _optional(decided_by), "decided_on": decided_on,
              "who": actor.name}
    try:
        for _ in range(ATTEMPTS):
            with stores.current().transaction() as run:
                written = run("user/goal_add", {**fields, "now": formatting.stockholm_time()})
                if written.empty:
                    continue
                goal_id = int(written.iloc[0, 0])
                for indicator, measure in linked:
                    run("user/goal_link", {"goal_id": goal_id, "indicator": indicator, "measure": measure})
                return goal_id
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    raise UserDataError("Andra mål sparades i samma ögonblick; ingenting har sparats. Försök igen.")


def _measure(name: str) -> measures.Measure:
    indicator, _, measure = name.partition(":")
    try:
        return measures.find(indicator.strip(), measure.strip() or None)
    except measures.MeasureError as error:
        raise UserDataError(f"{error} Ingenting har sparats.") from error


def goal_rows() -> pd.DataFrame:
    """Every goal and linked measure (none while the store cannot be reached)."""
    return shown("user/goal_list")


def set_target(indicator: str, measure: str | None, year, value, actor: access.Actor, direction: str = "higher",
               dnr: str | None = None, decided_by: str | None = None, decided_on: date | None = None) -> int:
    """A new version of the measure's årsmål for the year, in force from its decision date (the year's first day
    when none is given); its number."""
    access.require(actor, "set_target")
    chosen = _measure(f"{indicator}:{measure or ''}")
    number = _target_value(value)
    year = _year(year)
    if direction not in DIRECTIONS:
        raise UserDataError(f"Riktningen '{direction}' finns inte; ange higher eller lower. Ingenting har sparats.")
    if decided_on is not None and decided_on.year > year:
        raise UserDataError(f"Beslutsdatumet {decided_on.isoformat()} ligger efter år {year}. Ingenting har sparats.")
    valid_from = max(decided_on, date(year, 1, 1)) if decided_on else date(year, 1, 1)
    return _write("user/target_add", {"indicator": chosen.indicator, "measure": chosen.measure, "year": year,
                                      "value": number, "direction": direction, "dnr": _optional(dnr),
                                      "decided_by": _optional(decided_by), "decided_on": decided_on,
                                      "valid_from": valid_from, "who": actor.name},
                  "Andra årsmål sparades i samma ögonblick; ingenting har sparats. Försök igen.")


def _target_value(value) -> float:
    try:
        number = parse_number(value)
    except AmountError:
        number = math.nan
    if not math.isfinite(number):
        raise UserDataError(f"Årsmålet '{value}' är inte ett tal. Skriv till exempel 2 eller 3,5. "
                            "Ingenting har sparats.")
    return float(number)


def _year(year) -> int:
    try:
        number = int(str(year).strip())
    except ValueError:
        number = None
    if number is None or not FIRST_YEAR <= number <= LAST_YEAR:
        raise UserDataError(f"Året '{year}' är inte ett år (skriv till exempel 2020). Ingenting har sparats.")
    return number


def targets() -> pd.DataFrame:
    return shown("user/target_list")


def target_in_force(saved: pd.DataFrame, key: tuple[str, str], year: int, on: date) -> Target | None:
    """The measure's årsmål for `year` in force on `on`: the latest version valid from on or before that day."""
    rows = saved[(saved["indicator"] == key[0]) & (saved["measure"] == key[1]) & (saved["year"] == year)
                 & (pd.to_datetime(saved["valid_from"]).dt.date <= on)]
    if rows.empty:
        return None
    row = rows.sort_values(["valid_from", "target_id"]).iloc[-1]
    decided_on = formatting.iso_date(row["decided_on"]) if pd.notna(row["decided_on"]) else ""
    return Target(float(row["target_value"]), str(row["direction"]), int(row["year"]), text_or_empty(row["dnr"]),
                  text_or_empty(row["decided_by"]), decided_on, pd.Timestamp(row["valid_from"]).date(),
                  int(row["target_id"]))


def value_text(value: float) -> str:
    """'2', '3,5', '0,25': as many decimals as the value has, up to two."""
    return formatting.number(value, 0 if float(value).is_integer() else 2).rstrip("0").rstrip(",")


def text_or_empty(value) -> str:
    """A stored text, '' where the store holds none."""
    return "" if value is None or pd.isna(value) else str(value)


def _optional(value: str | None) -> str | None:
    value = (value or "").strip()
    return clean_text(value, "Fältet", 200) if value else None


def clean_text(text: str, what: str, limit: int) -> str:
    """Plain text as written, within `limit` characters and free of characters that hide or reorder text."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise UserDataError(f"{what} är tomt. Ingenting har sparats.")
    if len(text) > limit:
        raise UserDataError(f"{what} är {formatting.number(len(text))} tecken; det får vara högst "
                            f"{formatting.number(limit)} tecken. Ingenting har sparats.")
    found = refused_character(text.replace("\n", " "))
    if found:
        raise UserDataError(f"{what} innehåller {found}, som inte får finnas i text. Ingenting har sparats.")
    return text

