"""Today's programme as the data describes it on a date: the scenario's baseline, read through the indicators."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import counts, indicators
from dashboard.base import formatting as fmt

TRAINING_WEEKS_DEFAULT = 5   # NSPH's course for peer supporters (003), used if the figure is missing


@dataclass(frozen=True)
class Baseline:
    """Today's programme as the data describes it on the as-of date. The amount and the head count are None
    where no source gives them on or before the date: the model then needs them as inputs."""
    as_of: date
    agreement_amount_sek: float | None
    agreement_source: str
    supporters: int | None
    supporters_source: str
    unit_supporters: tuple[int, ...]   # per unit with a placement on the date; an unpublished count as its minimum
    districts: tuple[str, ...]
    training_weeks: float
    units_count_unpublished: int = 0
    # what the defaults are read from, as the rows state it: (year, amount, sources) of each decided agreement with
    # a published amount, and how many of the decided periods were one calendar year long, of how many
    decided_amounts: tuple[tuple[int, float, str], ...] = ()
    one_year_periods: tuple[int, int] = (0, 0)


def baseline_from_frames(agreements: pd.DataFrame, units: pd.DataFrame, headcount: pd.DataFrame,
                         training: pd.Series | None, as_of: date) -> Baseline:
    """Today's programme from the indicator frames `funding_horizon`, `supporters_per_unit` and `headcount`.

    The supporters are the employed head count the sources give for the date (the lower end of a range such as
    7–8), never the placements with a known unit: the agreement pays for everyone employed. Units and districts
    are the named ones of `counts` (current or last known, never a plan), as Översikt and Enheter count them."""
    periods = agreements[agreements["decided_by_as_of"]]
    decided = periods[periods["amount_sek"].notna()].sort_values("period_start")
    latest = decided.iloc[-1] if not decided.empty else None
    one_year = sum(365 <= (pd.Timestamp(end) - pd.Timestamp(start)).days + 1 <= 366
                   for start, end in zip(periods["period_start"], periods["period_end"]))
    employed = headcount.set_index("measure").loc["supporters"]
    known = not pd.isna(employed["low"])
    named = counts.named_units(units)
    return Baseline(
        as_of=as_of,
        agreement_amount_sek=float(latest["amount_sek"]) if latest is not None else None,
        agreement_source=f"dnr {latest['agreement']}, {latest['sources']}" if latest is not None
        else "ingen beslutad överenskommelse med publicerat belopp",
        supporters=int(employed["low"]) if known else None,
        supporters_source=f"{fmt.stated(employed['stated_as'])}, {employed['note']}" if known else employed["note"],
        unit_supporters=tuple(int(k) for k in named["supporters_min"]),
        districts=counts.named_districts(units),
        training_weeks=float(training["value_low"]) if training is not None else TRAINING_WEEKS_DEFAULT,
        units_count_unpublished=int(named["supporters"].isna().sum()),
        decided_amounts=tuple((pd.Timestamp(row.period_start).year, float(row.amount_sek), row.sources)
                              for row in decided.itertuples()),
        one_year_periods=(int(one_year), len(periods)),
    )


def load_baseline(as_of: date | None = None) -> Baseline:
    """The baseline from the database through the indicator functions (as of the data's date by default)."""
    agreements = indicators.run("funding_horizon", as_of=as_of)
    as_of = agreements.attrs["params"]["as_of"]
    figures = indicators.run("reported_figures", as_of=as_of)
    training = figures[figures["measure"] == "Grundutbildning för peer supportrar"]
    return baseline_from_frames(agreements, indicators.run("supporters_per_unit", as_of=as_of),
                                indicators.run("headcount", as_of=as_of),
                                training.iloc[0] if not training.empty else None, as_of)
