"""One definition per concept on a date (no Streamlit): how many units (verksamheter) and districts (stadsdelar)
the programme has, which units are current and which are plans.

Översikt, Enheter, the scenario's baseline and the board pack all count here, from the same two indicator frames,
so at any date they give the same numbers; where the documents' own count and the units they name differ, both
are said ("3 enligt S002; 2 med känd enhet").

- A unit's state on the date is `supporters_per_unit`'s status (the SQL is the one place that decides it):
  'current' (a placement covers the date, or an observation is at most `stale_days` old), 'last_known' (older,
  no later report), 'planned' (only placements that start after the date their source states facts for: an
  imported plan). A plan is never counted as a unit the programme has.
- *Named* units are those with a current or last known state; *named* districts are the stadsdelar those units
  belong to (a central administration such as Socialförvaltningen is not a district).
- The *documented* count is the documents' own figure (`headcount`: "fem verksamheter", "Farsta, Östermalm och
  Södermalm"), which may be a range, a lower bound or unknown, and which is always for the whole city.
"""

from dataclasses import dataclass

import pandas as pd

from dashboard.base import formatting as fmt

CURRENT, LAST_KNOWN, PLANNED = "current", "last_known", "planned"
NAMED = (CURRENT, LAST_KNOWN)
DISTRICT = "stadsdel"


def named_units(units: pd.DataFrame) -> pd.DataFrame:
    """The units the programme has on the date by the sources: current or last known, never a plan."""
    return units[units["status"].isin(NAMED)]


def named_districts(units: pd.DataFrame) -> tuple[str, ...]:
    """The stadsdelar of the named units, sorted."""
    named = named_units(units)
    return tuple(sorted(set(named.loc[named["area_kind"] == DISTRICT, "area"])))


@dataclass(frozen=True)
class Tally:
    """One concept on a date: the documents' own count and what the units the sources name add up to."""
    low: int | None          # the documented count (None: no document gives one on or before the date)
    high: int | None         # None with `low` set: at least `low`
    sources: str             # the documented count's source ('S002')
    refers_to: str           # the time it describes ('juni 2019')
    stale: bool              # the documented count is only last known on the date
    derived: bool            # the documented count is computed by a stated rule from what the documents say
    named: int               # with a known unit (current or last known)
    current: int
    planned: int
    where: str = ""          # ' i Farsta' where the named units follow an area or unit-type filter

    @property
    def documented(self) -> str:
        """'3', '7–8', 'minst 3' or '–'."""
        return fmt.count_range(self.low, self.high)

    @property
    def agrees(self) -> bool:
        """The documents' count and the named units give the same single number for the same scope."""
        return not self.where and self.low is not None and self.low == self.high == self.named

    def documented_text(self) -> str:
        """'3 enligt S002 (senast känt juni 2019)', '… (hela staden)' beside filtered named units."""
        if self.low is None:
            return "antal ej angivet i källorna"
        notes = ["härlett"] if self.derived else []
        notes += [f"senast känt {self.refers_to}"] if self.stale else []
        notes += ["hela staden"] if self.where else []
        return f"{self.documented} enligt {self.sources}" + (f" ({'; '.join(notes)})" if notes else "")

    def text(self) -> str:
        """Both numbers and where each comes from: '3 enligt S002; 2 med känd enhet', or, where they agree,
        '3 enligt S002, alla med känd enhet'."""
        if self.agrees:
            return f"{self.documented_text()}, alla med känd enhet"
        return f"{self.documented_text()}; {fmt.number(self.named)} med känd enhet{self.where}"


@dataclass(frozen=True)
class Programme:
    """Units and districts on one date, each a documented count beside the named ones."""
    units: Tally
    districts: Tally

    def state_text(self) -> str:
        """'ingen aktuell på datumet', '3 aktuella på datumet, 1 planerad'."""
        current, planned = self.units.current, self.units.planned
        text = (f"{fmt.number(current)} aktuell{'' if current == 1 else 'a'} på datumet" if current
                else "ingen aktuell på datumet")
        return text + (f", {fmt.number(planned)} planerad{'' if planned == 1 else 'e'}" if planned else "")

    def sentence(self, see: str = " (se Enheter)") -> str:
        """Where supporters work, with the same numbers as the key figures and Enheter."""
        return (f"Verksamheter: {self.units.text()}; {self.state_text()}{see}. "
                f"Stadsdelar: {self.districts.text()}.")


def programme(headcount: pd.DataFrame, units: pd.DataFrame) -> Programme:
    """From the `headcount` and `supporters_per_unit` frames of the same date."""
    documented = headcount.set_index("measure")
    where = _where(units.attrs.get("params", {}))
    current = units[units["status"] == CURRENT]
    planned = units[units["status"] == PLANNED]
    return Programme(
        units=_tally(documented, "units", len(named_units(units)), len(current), len(planned), where),
        districts=_tally(documented, "districts", len(named_districts(units)), len(_districts(current)),
                         len(_districts(planned)), where),
    )


def _districts(units: pd.DataFrame) -> set[str]:
    return set(units.loc[units["area_kind"] == DISTRICT, "area"])


def _tally(documented: pd.DataFrame, measure: str, named: int, current: int, planned: int, where: str) -> Tally:
    row = documented.loc[measure] if measure in documented.index else None
    if row is None or fmt.is_missing(row["low"]):
        return Tally(None, None, "", "", False, False, named, current, planned, where)
    return Tally(int(row["low"]), None if fmt.is_missing(row["high"]) else int(row["high"]), str(row["sources"]),
                 str(row["refers_to"]), row["status"] == LAST_KNOWN, row["basis"] == "derived", named, current,
                 planned, where)


def _where(params: dict) -> str:
    """' i Farsta', ' i Farsta, enhetstyp okänd': the filters the named units were counted under."""
    parts = [params["area"]] if params.get("area") else []
    parts += [f"enhetstyp {params['unit_type']}"] if params.get("unit_type") else []
    return f" i {', '.join(parts)}" if parts else ""
