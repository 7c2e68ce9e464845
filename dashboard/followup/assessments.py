"""Bedömning and analys per measure and period: a documented rule suggests the bedömning, a förvaltare confirms or
changes it and writes the analys; a planerare may save drafts. Every save is a new version with who and when, and
names the version its writer read: a second writer who read the same version is refused and shown the other's
text, so nothing is lost.
"""

from dataclasses import dataclass

import pandas as pd

from dashboard.base import access, formatting
from dashboard.followup import goals, periods, reported
from dashboard.followup.goals import Target, clean_text
from dashboard.store import stores
from dashboard.store.userdata import UserDataError, shown

ANALYS_LIMIT = 4_000   # characters: ILS's analysis field holds a few paragraphs; longer belongs in an appendix
LABELS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ej-bedomd": "Ej bedömd"}
ICONS = {"helt": "●", "delvis": "◐", "inte": "○", "ej-bedomd": "–"}   # shape as well as words: never colour alone
CLOSE = 0.9   # within a tenth of the target counts as 'delvis'
RULE = ("Förslaget till bedömning: Ej bedömd om årsmål eller ett enskilt utfall saknas; Uppfylls helt om utfallet "
        "når årsmålet (högre är bättre: minst årsmålet; lägre är bättre: högst årsmålet); Uppfylls delvis om "
        "utfallet är inom en tiondel av årsmålet eller har gått åt rätt håll sedan årets förra period; annars "
        "Uppfylls inte. Förvaltningen bekräftar eller ändrar förslaget och skriver analysen.")


class AssessmentConflict(UserDataError):
    """Someone else saved a version after the one the writer read; `theirs` is what they saved."""

    def __init__(self, message: str, theirs: "Assessment"):
        super().__init__(message)
        self.theirs = theirs


@dataclass(frozen=True)
class Assessment:
    bedomning: str
    analys: str
    confirmed: bool
    version: int
    saved_at: object
    saved_by: str

    @property
    def shown(self) -> str:
        """'● Uppfylls helt', '◐ Uppfylls delvis (utkast)'."""
        return shown_bedomning(self.bedomning) + ("" if self.confirmed else " (utkast)")


def shown_bedomning(code: str) -> str:
    return f"{ICONS[code]} {LABELS[code]}"


def suggest(total: float | None, target: Target | None, previous: float | None) -> str:
    """The bedömning the rule (`RULE`) suggests from the utfall, the årsmål in force and the year's previous
    period's utfall."""
    if target is None or total is None:
        return "ej-bedomd"
    sign = 1 if target.direction == "higher" else -1
    if sign * (total - target.value) >= 0:
        return "helt"
    close = abs(total - target.value) <= (1 - CLOSE) * abs(target.value)
    improving = previous is not None and sign * (total - previous) > 0
    return "delvis" if close or improving else "inte"


def latest() -> dict[tuple[str, str, str], Assessment]:
    """The latest version per (indicator, measure, period); none while the store cannot be reached."""
    return {(row.indicator, row.measure, row.period): _assessment(row)
            for row in shown("user/assessment_list").itertuples(index=False)}


def _assessment(row) -> Assessment:
    return Assessment(str(row.bedomning), str(row.analys), bool(row.confirmed), int(row.version),
                      pd.Timestamp(row.saved_at).to_pydatetime(), str(row.saved_by))


def save(key: tuple[str, str], period: str, bedomning: str, analys: str, actor: access.Actor, read_version: int,
         confirm: bool) -> int:
    """A new version; `confirm` (a förvaltare's) makes it the assessment reported, otherwise it is a draft.
    Refused in Swedish, with nothing written, for a bedömning outside the set, a text that may not be stored, a
    reported period, or a version saved by someone else since `read_version`."""
    access.require(actor, "confirm_assessment" if confirm else "draft_assessment")
    if bedomning not in LABELS:
        raise UserDataError(f"Bedömningen '{bedomning}' finns inte; välj helt, delvis, inte eller ej-bedomd. "
                            "Ingenting har sparats.")
    analys = clean_text(analys, "Analysen", ANALYS_LIMIT)
    reported.refuse_if_locked(period)
    end = periods.parse(period)
    if bedomning != "ej-bedomd" and goals.target_in_force(goals.targets(), key, end.year, end.end) is None:
        raise UserDataError(f"Indikatorn har inget årsmål i kraft vid {period}s slut; utan årsmål är bedömningen "
                            "Ej bedömd (ej-bedomd). Ingenting har sparats.")
    try:
        written = stores.current().run("user/assessment_save", {
            "indicator": key[0], "measure": key[1], "period": period, "read_version": read_version,
            "bedomning": bedomning, "analys": analys, "confirmed": confirm, "now": formatting.stockholm_time(),
            "who": actor.name})
    except stores.StoreUnavailable as error:
        raise UserDataError(str(error)) from error
    if written.empty:
        theirs = latest()[(*key, period)]
        raise AssessmentConflict(
            f"{formatting.actor_shown(theirs.saved_by)} sparade en annan version ({theirs.version}) "
            f"{formatting.minute(theirs.saved_at)}, efter den du utgick från. Din text är inte sparad; den andra "
            "versionen visas nedan. Kopiera det du vill behålla, läs in den nya versionen och spara igen.", theirs)
    return int(written.iloc[0, 0])
