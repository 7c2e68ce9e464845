"""What a goal can be followed up with: an indicator's measure that is one figure on a date (the registry's
indicators, read at a period's end), with its basis, observation date and sources.

A figure the sources give only as a range ('7–8') or a lower bound ('minst 1') has no single utfall: it is shown
as the sources give it and not judged. Person counts are split kvinnor / män where a source states the split for
the same observation as the total; where either part is below the suppression threshold both are suppressed
(the other would follow from the total), written `..` as Kolada does.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import indicators
from dashboard.base import formatting as fmt
from dashboard.base.settings import suppression_threshold

CITY = "Socialnämnden"    # the nämnd the programme reports to (the tjänsteutlåtanden S000 and S002)


class MeasureError(ValueError):
    """An indicator or measure that cannot be followed up; the message is Swedish."""


@dataclass(frozen=True)
class Reading:
    total: float | None       # None: no single figure (unknown, a range or a bound)
    shown: str                # as the sources give it: '7', '7–8', 'minst 1', '–'
    basis: str                # 'documented', 'derived' or 'unknown'
    observed_on: str          # ISO date of the observation the figure is from, '' when there is none
    status: str               # 'current' or 'last_known' (shown 'senast känt')
    sources: str
    women: object = None      # an int, fmt.SUPPRESSED or None (no split stated for this observation)
    men: object = None


@dataclass(frozen=True)
class Measure:
    indicator: str
    measure: str
    label: str
    people: bool = False      # a count of people: split by gender where the sources allow
    about: tuple[str, ...] = ()   # the indicators whose evaluation recommendations this measure follows
    recommended: str = ""     # a level the evaluations recommend, said where no årsmål is decided

    @property
    def key(self) -> tuple[str, str]:
        return self.indicator, self.measure

    @property
    def title(self) -> str:
        """'Peer supportrar i programmet (headcount: supporters)'."""
        return f"{self.label} ({self.indicator}: {self.measure})"


MEASURES = (
    Measure("headcount", "supporters", "Peer supportrar i programmet", people=True),
    Measure("headcount", "units", "Verksamheter med peer support"),
    Measure("headcount", "districts", "Stadsdelar med peer support"),
    Measure("units_at_target", "at_target", "Verksamheter med minst två peer supportrar",
            about=("supporters_per_unit", "units_at_target"),
            recommended="minst två per enhet är utvärderingens rekommendation (S001), inget beslutat årsmål"),
    Measure("units_at_target", "units_current", "Verksamheter med aktuell uppgift om peer supporter",
            about=("supporters_per_unit",)),
    Measure("funding_summary", "secured_months_left", "Månader med säkrad finansiering", about=("funding_summary",)),
)
BY_KEY = {m.key: m for m in MEASURES}


def find(indicator: str, measure: str | None = None) -> Measure:
    """The measure by its indicator and name; without a name, the indicator's first (headcount: supporters)."""
    choices = [m for m in MEASURES if m.indicator == indicator]
    if not choices:
        followed = ", ".join(dict.fromkeys(m.indicator for m in MEASURES))
        raise MeasureError(f"Indikatorn '{indicator}' ger ingen enskild siffra att följa upp. Välj en av: {followed}.")
    if measure is None:
        return choices[0]
    for choice in choices:
        if choice.measure == measure:
            return choice
    raise MeasureError(f"Indikatorn '{indicator}' har inget mått '{measure}'. Välj ett av: "
                       f"{', '.join(m.measure for m in choices)}.")


def read(measure: Measure, on: date) -> Reading:
    """The measure's figure at `on`, from its indicator as the data is known now."""
    frame = indicators.run(measure.indicator, as_of=on)
    reading = READERS[measure.indicator](frame, measure.measure, on)
    if measure.people and reading.observed_on:
        women, men = _split(on, reading)
        return Reading(**{**reading.__dict__, "women": women, "men": men})
    return reading


def _headcount(frame: pd.DataFrame, measure: str, on: date) -> Reading:
    row = frame.set_index("measure").loc[measure]
    single = not pd.isna(row["low"]) and row["low"] == row["high"]
    return Reading(float(row["low"]) if single else None, fmt.count_range(row["low"], row["high"]),
                   str(row["basis"]), fmt.iso_date(row["observed_on"]) if pd.notna(row["observed_on"]) else "",
                   str(row["status"]), str(row["sources"] or ""))


def _units_at_target(frame: pd.DataFrame, measure: str, on: date) -> Reading:
    """Counted from `supporters_per_unit` on the date (derived by its rule). How many units reach the target is
    only known where every unit's state is current: a unit known only from an older report, or one whose count is
    not published, makes at_target a lower bound ('minst 1'), or unknown where that bound is zero."""
    row = frame.iloc[0]
    value = int(row[measure])
    if measure == "at_target" and int(row["target_unknown"]) + int(row["units_last_known"]) > 0:
        return Reading(None, f"minst {value}" if value else fmt.MISSING, "derived", on.isoformat(), "current",
                       str(row["sources"] or ""))
    return Reading(float(value), fmt.number(value), "derived", on.isoformat(), "current", str(row["sources"] or ""))


def _funding(frame: pd.DataFrame, measure: str, on: date) -> Reading:
    row = frame.iloc[0]
    if pd.isna(row[measure]):
        return Reading(None, fmt.MISSING, "unknown", "", "current", "")
    return Reading(float(row[measure]), fmt.number(row[measure], 1), "derived", on.isoformat(), "current",
                   str(row["sources"] or ""))


READERS = {"headcount": _headcount, "units_at_target": _units_at_target, "funding_summary": _funding}


def _split(on: date, total: Reading) -> tuple[object, object]:
    """Kvinnor and män employed now, from the observation the total is from; none where the parts do not add up to
    the total (S000: 'sju anställda …, varav tre män och sex kvinnor' is a conflict, not a split); both suppressed
    if either is small."""
    genders = indicators.run("supporter_gender", as_of=on)
    same = genders[(genders["scope"] == "anställda nu")
                   & (genders["observed_on"].map(fmt.iso_date) == total.observed_on)]
    counts = dict(zip(same["gender"], same["supporters"]))
    if "kvinna" not in counts or "man" not in counts or sum(counts.values()) != total.total:
        return None, None
    if min(counts.values()) < suppression_threshold():
        return fmt.SUPPRESSED, fmt.SUPPRESSED
    return int(counts["kvinna"]), int(counts["man"])
