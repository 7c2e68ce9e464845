"""The filters a view is seen through: read from the URL, checked, described in plain Swedish.

Invalid URL values are dropped with a notice the page shows; they never raise.
"""

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard.columns import AREA_KIND_LABELS


@dataclass(frozen=True)
class FilterOptions:
    """What a user can choose: read from the database (`filter_options` query)."""
    areas: tuple[str, ...]
    area_kinds: tuple[str, ...]
    unit_types: tuple[str, ...]
    first_date: date
    last_date: date
    data_as_of: date

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, data_as_of: date) -> "FilterOptions":
        def ordered(column):
            return tuple(dict.fromkeys(v for v in frame[column].tolist() if isinstance(v, str)))

        return cls(ordered("area"), ordered("area_kind"), tuple(sorted(ordered("unit_type"))),
                   _as_date(frame["first_date"].iloc[0]), _as_date(frame["last_date"].iloc[0]), data_as_of)


@dataclass(frozen=True)
class ViewFilters:
    as_of: date
    period_from: date
    period_to: date
    area: str | None = None
    area_kind: str | None = None
    unit_type: str | None = None

    @classmethod
    def default(cls, options: FilterOptions, as_of: date | None = None) -> "ViewFilters":
        as_of = as_of or options.data_as_of
        return cls(as_of, *default_period(as_of))

    def bound(self) -> "ViewFilters":
        """The filters as indicators bind them: a period ends at the as-of date at the latest (nothing from after
        the date), and a period that starts after it falls back to the date's year so far."""
        if self.period_from > self.as_of:
            return replace(self, period_from=date(self.as_of.year, 1, 1), period_to=self.as_of)
        return replace(self, period_to=min(self.period_to, self.as_of))

    def describe(self) -> str:
        """'Område: Södermalm; period 2019-01-01–2019-12-31; enhetstyp: alla; …'"""
        kind = AREA_KIND_LABELS.get(self.area_kind, "alla") if self.area_kind else "alla"
        return (f"Område: {self.area or 'alla'}; förvaltningstyp: {kind}; enhetstyp: {self.unit_type or 'alla'}; "
                f"period {self.period_from.isoformat()}–{self.period_to.isoformat()}; "
                f"datum {self.as_of.isoformat()}")

    def to_query(self) -> dict[str, str]:
        """URL parameters; a period equal to the date's default is left out, so the link keeps it following."""
        period = (self.period_from, self.period_to) != default_period(self.as_of)
        values = {"as_of": self.as_of.isoformat(), "from": period and self.period_from.isoformat(),
                  "to": period and self.period_to.isoformat(), "area": self.area, "area_kind": self.area_kind,
                  "unit_type": self.unit_type}
        return {k: v for k, v in values.items() if v}

    def indicator_params(self, *names: str) -> dict:
        values = {"as_of": self.as_of, "from": self.period_from, "to": self.period_to, "area": self.area,
                  "area_kind": self.area_kind, "unit_type": self.unit_type}
        return {name: values[name] for name in names}


def default_period(as_of: date) -> tuple[date, date]:
    """The calendar year of the date, up to the date."""
    return date(as_of.year, 1, 1), as_of


def from_query(query: dict, options: FilterOptions) -> tuple[ViewFilters, list[str]]:
    """Filters from URL parameters; each invalid value is ignored and named in a notice."""
    filters, notices = ViewFilters.default(options), []
    dates = {}
    for key in ("as_of", "from", "to"):
        raw = _single(query.get(key))
        if raw is None:
            continue
        parsed = _parse_date(raw)
        if parsed is None or not options.first_date <= parsed <= options.last_date:
            notices.append(f"Ogiltigt datum i adressen ignorerades: {key}={raw} "
                           f"(giltigt: {options.first_date}–{options.last_date}).")
            continue
        dates[key] = parsed
    default = ViewFilters.default(options, dates.get("as_of"))   # the period follows the date unless given
    filters = replace(default, period_from=dates.get("from", default.period_from),
                      period_to=dates.get("to", default.period_to))
    if filters.period_from > filters.period_to:
        notices.append("Perioden i adressen slutade före sin början och ignorerades.")
        filters = replace(filters, period_from=default.period_from, period_to=default.period_to)
    for key, allowed in (("area", options.areas), ("area_kind", options.area_kinds),
                         ("unit_type", options.unit_types)):
        raw = _single(query.get(key))
        if raw is None:
            continue
        if raw in allowed:
            filters = replace(filters, **{key: raw})
        else:
            notices.append(f"Okänt värde i adressen ignorerades: {key}={raw}.")
    return filters, notices


def _single(value):
    """AppTest and Streamlit give a string; a repeated parameter may arrive as a list."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return value if value not in (None, "") else None


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") else value
