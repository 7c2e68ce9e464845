"""Indicator parameters: their public names, types and defaults, and conversion of user input."""

import os
from dataclasses import dataclass
from datetime import date
from typing import Callable

from dashboard import db, sqlfiles


class ParameterError(ValueError):
    """A parameter value that cannot be used; the message is Swedish."""


@dataclass(frozen=True)
class Param:
    name: str                 # public name: CLI `--param name=…`, `run(name, **{name: …})`
    sql_name: str             # `$name` in the SQL file
    kind: type                # date, int or str
    label: str                # Swedish
    default: Callable[[dict], object] = lambda resolved: None
    choices: tuple[str, ...] = ()


def data_as_of() -> date:
    """The data's own "now": the latest date any source gives for itself."""
    sql = sqlfiles.load("data_as_of")
    value = db.query(sql.sql, sql.bind({}))["data_as_of"].iloc[0]  # not via indicators: it imports params
    return value.date() if hasattr(value, "date") else value


def as_of_or_data(value) -> date:
    """A date given as text or date; the data's own as-of date when none is given."""
    return convert(AS_OF, value) or data_as_of()


def convert(param: Param, value):
    if value is None or value == "":
        return None
    try:
        if param.kind is date:
            return value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        if param.kind is int:
            number = int(str(value).strip())
            if number < 0:
                raise ValueError
            return number
    except ValueError:
        expected = "ett datum ÅÅÅÅ-MM-DD" if param.kind is date else "ett heltal ≥ 0"
        raise ParameterError(f"{param.name}: '{value}' är inte {expected}") from None
    if param.choices and str(value) not in param.choices:
        raise ParameterError(f"{param.name}: '{value}' är inte ett av {', '.join(param.choices)}")
    return str(value)


def _year_start(resolved: dict) -> date:
    return date(resolved["as_of"].year, 1, 1)


def _year_end(resolved: dict) -> date:
    return date(resolved["as_of"].year, 12, 31)


AS_OF = Param("as_of", "as_of", date, "Datum", lambda resolved: data_as_of())
FROM = Param("from", "from_date", date, "Från", _year_start)
TO = Param("to", "to_date", date, "Till", _year_end)
AREA = Param("area", "area", str, "Område")
UNIT_TYPE = Param("unit_type", "unit_type", str, "Enhetstyp")
AREA_KIND = Param("area_kind", "area_kind", str, "Förvaltningstyp")
TARGET = Param("target", "target", int, "Mål per enhet", lambda resolved: 2)
SURVEY = Param("survey", "survey", str, "Enkät")
QUESTION = Param("question", "question", str, "Fråga")
THRESHOLD = Param("threshold", "threshold", int, "Gräns för små tal", lambda resolved: suppression_threshold())
STATUS = Param("status", "status", str, "Status")
EVALUATION = Param("evaluation", "evaluation", str, "Utvärdering")
THEME = Param("theme", "theme", str, "Tema")
TOPIC = Param("topic", "topic", str, "Ämne")
STALE_DAYS = Param("stale_days", "stale_days", int, "Dagar innan en uppgift räknas som senast känd",
                   lambda resolved: staleness_days())
GRANULARITY = Param("granularity", "granularity", str, "Indelning", lambda resolved: "year", ("year", "quarter"))


def staleness_days() -> int:
    """Days after its reference period that an observation still counts as current; `PEER_STALE_DAYS`
    overrides the default of about six months (183 days), after which it is shown as last known."""
    return int(os.environ.get("PEER_STALE_DAYS", "183"))


def suppression_threshold() -> int:
    """Counts below this are suppressed; `PEER_SUPPRESSION_THRESHOLD` overrides the default 5."""
    return int(os.environ.get("PEER_SUPPRESSION_THRESHOLD", "5"))
