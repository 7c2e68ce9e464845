"""The funding decision in front of the nämnd: when funding ends, whether the next period is decided, and by when
a decision is needed to give the agreed notice; and the situation in one plain Swedish paragraph (no Streamlit)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard import counts
from dashboard.base import formatting as fmt

NOTICE_MONTHS_DEFAULT = 3
NOTICE_BASIS = ("Antagande, inte dokumenterat: källorna anger ingen uppsägningstid eller framförhållning i månader, "
                "bara att ettårig finansiering ger kortsiktighet och osäkra anställningar och att bättre "
                "framförhållning behövs (001, 002). Ändra efter NSPH:s anställningsavtal.")


@dataclass(frozen=True)
class FundingDecision:
    as_of: date
    secured_until: date | None      # None: no decided agreement covers the date
    days_left: int | None           # None: no decided funding is known for the date, so neither is the rest
    next_period_decided: bool
    notice_months: int

    @property
    def decide_by(self) -> date | None:
        """The last day a decision on the next period gives `notice_months` of notice before funding ends."""
        if self.secured_until is None:
            return None
        return (pd.Timestamp(self.secured_until + timedelta(days=1)) - pd.DateOffset(months=self.notice_months)).date()

    @property
    def overdue(self) -> bool:
        return not self.next_period_decided and (self.decide_by is None or self.as_of > self.decide_by)


def funding_decision(summary: pd.Series, as_of: date, notice_months: int = NOTICE_MONTHS_DEFAULT) -> FundingDecision:
    """From a `funding_summary` row."""
    until = summary["secured_until"]
    return FundingDecision(as_of, None if pd.isna(until) else pd.Timestamp(until).date(),
                           None if pd.isna(summary["secured_days_left"]) else int(summary["secured_days_left"]),
                           summary["next_period_status"] == "decided",
                           notice_months)


# Unknown, not absent: where no decided agreement is known for the date, the sources end or say nothing of it.
UNKNOWN_COVER = ("Ingen känd beslutad överenskommelse täcker datumet: källorna anger ingen. Om finansiering finns är "
                 "okänt, inte att den saknas.")


def deadline_sentence(decision: FundingDecision) -> str:
    if decision.next_period_decided:
        return "Nästa period är beslutad."
    if decision.decide_by is None:
        return UNKNOWN_COVER
    passed = " – den dagen har passerat" if decision.overdue else ""
    return (f"Nästa period är inte beslutad. För {decision.notice_months} månaders framförhållning behövs beslut "
            f"senast {decision.decide_by.isoformat()}{passed}.")


def days_left_text(decision: FundingDecision) -> str:
    """'per 2020-06-11: 203 dagar kvar': never a count that reads as from today."""
    return f"per {decision.as_of.isoformat()}: {fmt.number(decision.days_left)} dagar kvar"


def situation(headcount: pd.DataFrame, units: pd.DataFrame, decision: FundingDecision) -> str:
    """'Per 2020-06-11: 7 anställda peer supportrar (avser juni 2020, S000). Finansieringen är säkrad …';
    units and districts counted as everywhere else (`counts.programme`)."""
    employed = headcount.set_index("measure").loc["supporters"]
    staff = ("Antalet anställda peer supportrar är okänt" if pd.isna(employed["low"]) else
             f"{fmt.count_range(employed['low'], employed['high'])} {fmt.stated(employed['stated_as'])} "
             f"({employed['note']})")
    funding = (f"Finansieringen är säkrad t.o.m. {decision.secured_until.isoformat()} "
               f"({days_left_text(decision)})." if decision.secured_until else "")
    programme = counts.programme(headcount, units)
    where = (programme.sentence() if programme.units.named or programme.units.low is not None
             else "Var de arbetar anges inte i källorna.")
    return " ".join(part for part in (f"Per {decision.as_of.isoformat()}: {staff}.", funding,
                                      deadline_sentence(decision), where) if part)
