"""The data's own "now" and every date bound, from one query (`lookups/data_as_of`), so they can never disagree.

"Now" is the latest date any source gives for itself, never today's date. A user may look at any date from the
data's first to its last (which always includes "now"); facts may be stated per a date up to today, never later.
"""

from dataclasses import dataclass
from datetime import date

from dashboard.base.formatting import stockholm_time
from dashboard.store import db, sqlfiles


class DateOutOfRange(ValueError):
    """A date outside what the data or the calendar allows; the message is Swedish."""


@dataclass(frozen=True)
class DataDates:
    as_of: date          # the data's "now"
    source_id: str       # the source that sets it: a document (S000) or an import (IMP0003)
    source_title: str
    first: date          # the earliest date a user may look at
    last: date           # the latest: the data's last date, never before "now"

    @property
    def from_import(self) -> bool:
        return self.source_id.startswith("IMP")

    def check(self, value: date, name: str = "as_of") -> date:
        """`value` if a user may look at it, else DateOutOfRange naming the valid span."""
        if not self.first <= value <= self.last:
            raise DateOutOfRange(f"{name}: {value.isoformat()} ligger utanför datans datum "
                                 f"({self.first.isoformat()}–{self.last.isoformat()}).")
        return value

    def clamp(self, value: date) -> date:
        return min(max(value, self.first), self.last)

    def statement_bounds(self) -> tuple[date, date]:
        """The dates facts may be stated per (an import's "uppgifter per", a follow-up's "gäller per"): from the
        data's first date up to today in Stockholm. A statement dated in the future would move "now" there."""
        return self.first, max(stockholm_time().date(), self.first)

    def check_statement(self, value: date) -> date:
        first, last = self.statement_bounds()
        if value > last:
            raise DateOutOfRange(f"Datumet {value.isoformat()} ligger i framtiden: uppgifter kan gälla per "
                                 f"senast i dag ({last.isoformat()}). Senare rader i filen räknas som planer.")
        if value < first:
            raise DateOutOfRange(f"Datumet {value.isoformat()} ligger före datans första datum "
                                 f"({first.isoformat()}).")
        return value


_by_version: dict[tuple, DataDates] = {}


def data_dates() -> DataDates:
    """Read once per database file: every date parameter of every indicator run is checked against it."""
    version = db.data_version()
    dates = _by_version.get(version)
    if dates is None:
        sql = sqlfiles.load("lookups/data_as_of")
        dates = from_row(db.query(sql.sql, sql.bind({})).iloc[0])
        _by_version.clear()
        _by_version[version] = dates
    return dates


def from_row(row) -> DataDates:
    return DataDates(_day(row["data_as_of"]), str(row["now_source_id"]), str(row["now_source_title"]),
                     _day(row["first_date"]), _day(row["last_date"]))


def data_as_of() -> date:
    return data_dates().as_of


def _day(value) -> date:
    return value.date() if hasattr(value, "date") else value
