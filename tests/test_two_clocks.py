"""Two clocks (issue 25): *what held on a date* (as known on the data's own date, 2020-06-11) and *what a pack
written on that date could have said* (as known on the date itself). Every cell below is worked out by hand from
the documents and their dates: S001 (utvärdering år två, juni 2019, set to 2019-06-01), S002 (tjänsteutlåtande
2019-08-15), S004 (Södermalm, december 2019, set to 2019-12-01), S000 (tjänsteutlåtande 2020-06-11); the deck S003
and the reports cited by year are undated and hold no count or agreement.

The rules the cells follow: a count is the latest observation whose period starts on or before the date; it is
'aktuell' within its period or up to 183 days after an observation of a date or a month, else 'senast känt'.
Funding is secured to the end of the chain of agreements decided by the date (a published decision date by then;
with none, the period had begun or a document dated by then states it) and of 004's statement that funding is
decided "fram till och med mars 2020" (from December 2019). The next period is 'expected' where it was decided
later as known now, 'unknown' where nothing is known of it.
"""

import re
from datetime import date

import pandas as pd
import pytest

from dashboard import indicators

DATA = date(2020, 6, 11)
SOURCE_DATES = {"S000": date(2020, 6, 11), "S001": date(2019, 6, 1), "S002": date(2019, 8, 15),
                "S004": date(2019, 12, 1), "S006": date(2020, 5, 1), "S007": date(2019, 1, 1)}
UNKNOWN = (None, None, "unknown")
# 001: 'Under 2018 deltog mellan sju och åtta peer supportrar'; 'vid tiden för utvärderingen deltog fem
# verksamheter … ytterligare två … under 2018'. 002: seven at work in August 2019; Farsta, Östermalm and Södermalm
# in June 2019; Skarpnäck and Hägersten-Liljeholmen during 2018. 004: Södermalm from September 2018. 000: seven
# employed in June 2020.
S_2018 = (7, 8, "current")            # supporters, 2018 (001)
S_2018_OLD = (7, 8, "last_known")
U_2018, U_2018_OLD = (7, 7, "current"), (7, 7, "last_known")
U_2019, U_2019_OLD = (5, 5, "current"), (5, 5, "last_known")
S_AUG, S_AUG_OLD = (7, 7, "current"), (7, 7, "last_known")
D_JUNE, D_JUNE_OLD = (3, 3, "current"), (3, 3, "last_known")
# date: (as known on 2020-06-11, as known on the date): (supporters, units, districts, secured until, next period)
TABLE = {
    # FA2016 (2016–2017, S001) was in force; FA2018 (S000) neither begun nor stated by then: expected.
    date(2017, 6, 30): ((UNKNOWN, UNKNOWN, UNKNOWN, "2017-12-31", "expected"),
                        (UNKNOWN, UNKNOWN, UNKNOWN, None, "unknown")),
    # 'minst 2 under 2018' (002): Södermalm only from September (004), so not counted in June
    date(2018, 6, 30): ((S_2018, U_2018, (2, None, "current"), "2018-12-31", "expected"),
                        (UNKNOWN, UNKNOWN, UNKNOWN, None, "unknown")),
    date(2018, 12, 31): ((S_2018, U_2018, (3, None, "current"), "2018-12-31", "expected"),
                         (UNKNOWN, UNKNOWN, UNKNOWN, None, "unknown")),
    # 2018's figures describe the year, not January 2019: last known. FA2019 in force from 2019-01-01.
    date(2019, 1, 15): ((S_2018_OLD, U_2018_OLD, (3, None, "last_known"), "2019-12-31", "expected"),
                        (UNKNOWN, UNKNOWN, UNKNOWN, None, "unknown")),
    # known on 2019-06-30: 001 only (FA2019's amount and period are 002's, August 2019)
    date(2019, 6, 30): ((S_2018_OLD, U_2019, D_JUNE, "2019-12-31", "expected"),
                        (S_2018_OLD, U_2019, UNKNOWN, None, "unknown")),
    date(2019, 8, 15): ((S_AUG, U_2019, D_JUNE, "2019-12-31", "expected"),
                        (S_AUG, U_2019, D_JUNE, "2019-12-31", "unknown")),
    # 2019-10-01 − 2019-06-01 = 122 days, − 2019-06-30 = 93 days: still current
    date(2019, 10, 1): ((S_AUG, U_2019, D_JUNE, "2019-12-31", "expected"),
                        (S_AUG, U_2019, D_JUNE, "2019-12-31", "unknown")),
    # 213 days after 2019-06-01, 184 after 2019-06-30; 004 (December 2019): decided up to March 2020
    date(2019, 12, 31): ((S_AUG, U_2019_OLD, D_JUNE_OLD, "2020-03-31", "expected"),
                         (S_AUG, U_2019_OLD, D_JUNE_OLD, "2020-03-31", "unknown")),
    # FA2020 (S000) in force from 2020-01-01; on the day itself only 004's March is known
    date(2020, 1, 15): ((S_AUG, U_2019_OLD, D_JUNE_OLD, "2020-12-31", "unknown"),
                        (S_AUG, U_2019_OLD, D_JUNE_OLD, "2020-03-31", "unknown")),
    # 229 days after August 2019
    date(2020, 3, 31): ((S_AUG_OLD, U_2019_OLD, D_JUNE_OLD, "2020-12-31", "unknown"),
                        (S_AUG_OLD, U_2019_OLD, D_JUNE_OLD, "2020-03-31", "unknown")),
    date(2020, 6, 11): (((7, 7, "current"), U_2019_OLD, D_JUNE_OLD, "2020-12-31", "unknown"),
                        ((7, 7, "current"), U_2019_OLD, D_JUNE_OLD, "2020-12-31", "unknown")),
    # the sources end in June 2020: nothing covers 2021, and nothing says it is not covered
    date(2021, 6, 30): (((7, 7, "last_known"), U_2019_OLD, D_JUNE_OLD, None, "unknown"),
                        ((7, 7, "last_known"), U_2019_OLD, D_JUNE_OLD, None, "unknown")),
}


def counted(row) -> tuple:
    def value(v):
        return None if pd.isna(v) else int(v)
    return value(row["low"]), value(row["high"]), row["status"]


def observed(as_of: date, known_on: date) -> tuple:
    heads = indicators.run("headcount", as_of=as_of, known_on=known_on).set_index("measure")
    funding = indicators.run("funding_summary", as_of=as_of, known_on=known_on).iloc[0]
    until = None if pd.isna(funding["secured_until"]) else pd.Timestamp(funding["secured_until"]).date().isoformat()
    return (*(counted(heads.loc[m]) for m in ("supporters", "units", "districts")), until,
            funding["next_period_status"])


@pytest.mark.parametrize("as_of", list(TABLE), ids=str)
def test_what_held_on_the_date_as_known_now_and_as_known_then(as_of):
    now, then = TABLE[as_of]
    assert observed(as_of, DATA) == now
    assert observed(as_of, max(as_of, date(2016, 1, 1))) == then


def later_sources(frame: pd.DataFrame, known_on: date) -> set[str]:
    """Source ids in any cell of the frame whose document is dated after `known_on`."""
    text = " ".join(str(v) for v in frame.to_numpy().ravel())
    return {s for s in re.findall(r"\bS\d{3}\b", text) if SOURCE_DATES.get(s, date.min) > known_on}


@pytest.mark.parametrize("known_on", [date(2018, 6, 30), date(2019, 6, 30), date(2019, 8, 15), date(2019, 12, 31)],
                         ids=str)
def test_no_indicator_says_what_a_later_document_states(known_on):
    for name, indicator in indicators.REGISTRY.items():
        for as_of in (known_on, date(2020, 6, 11)):
            params = {"as_of": as_of} if "as_of" in indicator.param_names else {}
            frame = indicators.run(name, known_on=known_on, **params)
            assert not later_sources(frame, known_on), (name, as_of)
            text = " ".join(str(v) for v in frame.to_numpy().ravel())
            if known_on < date(2020, 6, 11):   # the 2020 agreement's dnr is 000's
                assert "858/2019" not in text, (name, as_of)


def test_a_2019_pack_does_not_list_the_2020_dnr_among_its_unknowns():
    gaps = indicators.run("data_gaps", known_on=date(2019, 8, 15))
    assert not gaps.empty and "858/2019" not in " ".join(gaps["missing"])
    assert "858/2019" in " ".join(indicators.run("data_gaps")["missing"])   # known on the data's date


def test_a_conflict_is_known_when_both_its_sides_are():
    conflicts = indicators.run("source_conflicts", as_of=date(2020, 6, 11), known_on=date(2019, 8, 15))
    assert set(conflicts["source_a"]) | set(conflicts["source_b"]) <= {"S001", "S002", "S003", "S005"}
