"""Indicator parameters: one name each, from the URL and the command line to the `$name` in the SQL file."""

from dataclasses import dataclass
from datetime import date
from typing import Callable

from dashboard.base.settings import STAFF_MINIMUM, staff_threshold, staleness_days
from dashboard.now import DateOutOfRange, data_as_of, data_dates


class ParameterError(ValueError):
    """A parameter value that cannot be used; the message is Swedish."""


@dataclass(frozen=True)
class Param:
    name: str                 # URL `?name=`, CLI `--param name=…`, `run(indicator, name=…)` and `$name` in SQL
    kind: type                # date, int or str
    default: Callable[[dict], object] = lambda resolved: None
    choices: tuple[str, ...] = ()
    minimum: int = 0          # an int's least value (`staff_threshold` may be raised, never lowered below it)
    below_minimum: str = ""   # why, in Swedish


def as_of_or_data(value) -> date:
    """A date given as text or date; the data's own as-of date when none is given."""
    return convert(AS_OF, value) or data_as_of()


def convert(param: Param, value):
    if value is None or value == "":
        return None
    if param.kind is date:
        return _date(param, value)
    if param.kind is int:
        return _count(param, value)
    if param.choices and str(value) not in param.choices:
        raise ParameterError(f"{param.name}: '{value}' är inte ett av {', '.join(param.choices)}")
    return str(value)


def _date(param: Param, value) -> date:
    """A date a user may look at: inside the data's span, which always includes its "now" (`now.DataDates`)."""
    try:
        parsed = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        return data_dates().check(parsed, param.name)
    except DateOutOfRange as error:
        raise ParameterError(str(error)) from None
    except ValueError:
        raise ParameterError(f"{param.name}: '{value}' är inte ett datum ÅÅÅÅ-MM-DD") from None


def _count(param: Param, value) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if number < 0:
        raise ParameterError(f"{param.name}: '{value}' är inte ett heltal ≥ 0")
    if number < param.minimum:
        raise ParameterError(f"{param.name}: {number} är under {param.minimum}; {param.below_minimum}")
    return number


AS_OF = Param("as_of", date, lambda resolved: data_as_of())
# The second clock: what the sources dated on or before this date said (default: the data's own date, all of it).
KNOWN_ON = Param("known_on", date, lambda resolved: data_as_of())
FROM = Param("from", date, lambda resolved: date(resolved["as_of"].year, 1, 1))
TO = Param("to", date, lambda resolved: resolved["as_of"])   # a period ends at the as-of date at the latest
AREA = Param("area", str)
UNIT_TYPE = Param("unit_type", str)
AREA_KIND = Param("area_kind", str)
TARGET = Param("target", int, lambda resolved: 2)
SURVEY = Param("survey", str)
QUESTION = Param("question", str)
STATUS = Param("status", str, choices=("ej påbörjad", "planerad", "pågående", "genomförd", "okänd"))   # follow-up
EVALUATION = Param("evaluation", str)
THEME = Param("theme", str)
TOPIC = Param("topic", str)
STALE_DAYS = Param("stale_days", int, lambda resolved: staleness_days())
GRANULARITY = Param("granularity", str, lambda resolved: "year", ("year", "quarter"))
STAFF_THRESHOLD = Param("staff_threshold", int, lambda resolved: staff_threshold(), minimum=STAFF_MINIMUM,
                        below_minimum="regeln för personaluppgifter kan skärpas men aldrig sänkas under "
                                      f"{STAFF_MINIMUM} peer supportrar")
