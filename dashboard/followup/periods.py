"""The city's reporting periods: tertial 1 per 30 April, tertial 2 per 31 August and the full year per 31 December,
written '2020-T1', '2020-T2' and '2020-helår' (the command line's and the exports' name for a period)."""

import re
from dataclasses import dataclass
from datetime import date

PERIOD = re.compile(r"(\d{4})-(T1|T2|helår)")
ENDS = {"T1": (4, 30), "T2": (8, 31), "helår": (12, 31)}
NAMES = {"T1": "Tertial 1", "T2": "Tertial 2", "helår": "Helår"}
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period that does not exist; the message is Swedish."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    part: str    # 'T1', 'T2' or 'helår'

    @property
    def code(self) -> str:
        return f"{self.year}-{self.part}"

    @property
    def end(self) -> date:
        return date(self.year, *ENDS[self.part])

    @property
    def label(self) -> str:
        """'Tertial 1 2020 (per 2020-04-30)'."""
        return f"{NAMES[self.part]} {self.year} (per {self.end.isoformat()})"

    def earlier(self) -> list["Period"]:
        """The year's periods before this one, in order."""
        parts = list(ENDS)
        return [Period(self.year, part) for part in parts[:parts.index(self.part)]]


def parse(text: str) -> Period:
    found = PERIOD.fullmatch((text or "").strip())
    if not found or not FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
        raise PeriodError(f"Perioden '{text}' finns inte. Skriv år och period som 2020-T1, 2020-T2 eller "
                          "2020-helår (tertial 1 per 30 april, tertial 2 per 31 augusti, helår per 31 december).")
    return Period(int(found.group(1)), found.group(2))


def of_year(year: int) -> list[Period]:
    return [Period(year, part) for part in ENDS]
