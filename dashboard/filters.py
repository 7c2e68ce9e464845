"""The filters a view is seen through: read from the URL, checked, described in plain Swedish.

Invalid URL values are dropped with a notice the page shows; they never raise.
"""

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.columns import AREA_KIND_LABELS
from dashboard.now import DataDates, data_as_of


@dataclass(frozen=True)
class FilterOptions:
    """What a user can choose: read from the database (`filter_options` query)."""
    areas: tuple[str, ...]
    area_kinds: tuple[str, ...]
    unit_types: tuple[str, ...]
    dates: DataDates   # "now" and the dates a user may choose

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, dates: DataDates) -> "FilterOptions":
        def ordered(column):
            return tuple(dict.fromkeys(v for v in frame[column].tolist() if isinstance(v, str)))

        return cls(ordered("area"), ordered("area_kind"), tuple(sorted(ordered("unit_type"))), dates)


FILTER_NAMES = ("as_of", "from", "to", "area", "area_kind", "unit_type", "known_on")
UNSET = {"area": "alla områden", "area_kind": "alla förvaltningstyper", "unit_type": "alla enhetstyper"}
PAGE_SETTINGS = {"target": "mål {} per enhet", "survey": "enkät: {}", "question": "fråga: {}", "status": "status: {}",
                 "theme": "tema: {}", "topic": "ämne: {}", "evaluation": "utvärdering: {}"}


@dataclass(frozen=True)
class ViewFilters:
    """The shared filters under their one public name each: the URL's, the indicators' and the SQL's
    (`as_of`, `from`, `to`, `area`, `area_kind`, `unit_type`, and the second clock `known_on`). None means "all"
    (for `known_on`: everything known, the data's own date).

    One object a page run: it binds every query's shared parameters (`bind`), keeps what each query (by its Swedish
    label) was bound with, and says it: a block's caption (`describe_binding`), the page header (`describe_page`
    over `bindings`), an export's filter sheet, the pack's selection and the command line's header."""
    values: dict
    bindings: dict = field(default_factory=dict, compare=False, repr=False)   # label -> the filters it took

    @classmethod
    def of(cls, as_of: date, **values) -> "ViewFilters":
        start, end = default_period(as_of)
        return cls({"as_of": as_of, "from": start, "to": end, "area": None, "area_kind": None, "unit_type": None,
                    "known_on": None, **values})

    @classmethod
    def default(cls, options: FilterOptions, as_of: date | None = None) -> "ViewFilters":
        return cls.of(as_of or options.dates.as_of)

    def __getitem__(self, name: str):
        return self.values[name]

    @property
    def as_of(self) -> date:
        return self.values["as_of"]

    def replace(self, **changes) -> "ViewFilters":
        return ViewFilters({**self.values, **changes})

    def bound(self) -> "ViewFilters":
        """The filters as indicators bind them: a period ends at the as-of date at the latest (nothing from after
        the date), and a period that starts after it falls back to the date's year so far."""
        if self["from"] > self.as_of:
            return self.replace(**dict(zip(("from", "to"), default_period(self.as_of))))
        return self.replace(to=min(self["to"], self.as_of))

    def for_indicator(self, names) -> dict:
        """The values of those of the indicator's parameters that are shared filters."""
        return {name: self.values[name] for name in names if name in self.values}

    def bind(self, label: str, names) -> dict:
        """`for_indicator`, noted under `label` for the page header."""
        return self.note(label, self.for_indicator(names))

    def note(self, label: str, bound: dict) -> dict:
        """Note that the figures under `label` were read with `bound` (those of it that are shared filters)."""
        self.bindings.setdefault(label, {}).update({k: v for k, v in bound.items() if k in FILTER_NAMES})
        return bound

    def unused_by(self, names) -> list[str]:
        """Set filters that an indicator with these parameters does not take: they do not apply to it."""
        return [name for name in ("area", "area_kind", "unit_type") if self.values[name] and name not in names]

    def to_query(self) -> dict[str, str]:
        """URL parameters; a period equal to the date's default is left out, so the link keeps it following."""
        period = (self["from"], self["to"]) != default_period(self.as_of)
        values = {name: value.isoformat() if isinstance(value, date) else value
                  for name, value in self.values.items() if period or name not in ("from", "to")}
        return {name: value for name, value in values.items() if value}


def describe_binding(params: dict, filters: ViewFilters | None = None) -> str:
    """A block's caption from the parameters its query was bound with, naming the set filters it does not take:
    'Område: Farsta; period 2019-01-01–2019-06-30; datum 2019-06-30' or '…; Farsta gäller inte här (hela staden)'."""
    parts = _bound_parts(params)
    parts += [PAGE_SETTINGS[name].format(value) for name, value in params.items()
              if name in PAGE_SETTINGS and value is not None]
    if "granularity" in params:
        parts.append({"year": "per år", "quarter": "per kvartal"}[params["granularity"]])
    unused = filters.unused_by(params) if filters else []
    if unused:
        parts.append(_not_applying(filters, unused))
    return "; ".join(parts) or "alla uppgifter"


def describe_page(bindings: dict[str, dict], filters: ViewFilters) -> str:
    """A page header from what each of its queries (by Swedish label) was bound with: the shared filters every
    query took, then each set filter, period or date that only some took, naming them, then those none took."""
    if not any(bindings.values()):
        return "filtren i sidopanelen gäller inte den här sidan"
    common = set.intersection(*(set(bound) for bound in bindings.values()))
    parts = _bound_parts({name: filters[name] for name in common})
    by_users: dict[tuple, list[str]] = {}
    for name in ("area", "area_kind", "unit_type", "from", "as_of"):
        users = tuple(label for label, bound in bindings.items() if name in bound)
        if name not in common and users and (filters[name] or name in ("from", "as_of")):
            by_users.setdefault(users, []).append(_value(filters, name))
    parts += [f"{_joined(values)} gäller bara {_joined(users)}" for users, values in by_users.items()]
    unused = filters.unused_by(set().union(*bindings.values()))
    if unused:
        parts.append(_not_applying(filters, unused))
    return "; ".join(parts)


def _bound_parts(params: dict) -> list[str]:
    parts = []
    if "area" in params:
        parts.append(f"Område: {params['area'] or 'alla'}")
    for name in ("area_kind", "unit_type"):
        if name in params:
            parts.append(_named(name, params[name]) if params[name] else UNSET[name])
    if "from" in params:
        parts.append(f"period {params['from'].isoformat()}–{params['to'].isoformat()}")
    if "as_of" in params:
        parts.append(f"datum {params['as_of'].isoformat()}")
    if params.get("known_on") and params["known_on"] < data_as_of():
        parts.append(f"som känt per {params['known_on'].isoformat()} (källor daterade t.o.m. den dagen)")
    return parts


def _value(filters: ViewFilters, name: str) -> str:
    if name == "as_of":
        return f"datum {filters.as_of.isoformat()}"
    if name == "from":
        return f"period {filters['from'].isoformat()}–{filters['to'].isoformat()}"
    return _named(name, filters[name])


def _named(name: str, value: str) -> str:
    """A set filter's value as a caption says it: 'Farsta', 'förvaltningstyp central förvaltning', 'enhetstyp okänd'."""
    if name == "area_kind":
        return f"förvaltningstyp {AREA_KIND_LABELS.get(value, value)}"
    return f"enhetstyp {value}" if name == "unit_type" else value


def _not_applying(filters: ViewFilters, names: list[str]) -> str:
    return _joined([_value(filters, name) for name in names]) + " gäller inte här (hela staden)"


def _joined(items) -> str:
    """'a', 'a och b', 'a, b och c'."""
    items = list(items)
    return ", ".join(items[:-1]) + " och " + items[-1] if len(items) > 1 else "".join(items)


def default_period(as_of: date) -> tuple[date, date]:
    """The calendar year of the date, up to the date."""
    return date(as_of.year, 1, 1), as_of


def from_query(query: dict, options: FilterOptions) -> tuple[ViewFilters, list[str]]:
    """Filters from URL parameters; each invalid value is ignored and named in a notice."""
    filters, notices = ViewFilters.default(options), []
    dates = {}
    for key in ("as_of", "from", "to", "known_on"):
        raw = _single(query.get(key))
        if raw is None:
            continue
        parsed, span = _parse_date(raw), options.dates
        if parsed is None or not span.first <= parsed <= span.last:
            notices.append(f"Ogiltigt datum i adressen ignorerades: {key}={raw} "
                           f"(giltigt: {span.first}–{span.last}).")
            continue
        dates[key] = parsed
    default = ViewFilters.default(options, dates.get("as_of"))   # the period follows the date unless given
    filters = default.replace(**{name: dates[name] for name in ("from", "to", "known_on") if name in dates})
    if filters["from"] > filters["to"]:
        notices.append("Perioden i adressen slutade före sin början och ignorerades.")
        filters = filters.replace(**{"from": default["from"], "to": default["to"]})
    for key, allowed in (("area", options.areas), ("area_kind", options.area_kinds),
                         ("unit_type", options.unit_types)):
        raw = _single(query.get(key))
        if raw is None:
            continue
        if raw in allowed:
            filters = filters.replace(**{key: raw})
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

