"""Key figures and alerts for the overview page, computed from indicator frames (no Streamlit)."""

from dataclasses import dataclass

import pandas as pd

from dashboard import formatting as fmt
from dashboard.decision import FundingDecision

NAMES_LISTED = 10
HEADCOUNT_LABELS = {"supporters": "Peer supportrar (anställda)", "units": "Verksamheter",
                    "districts": "Stadsdelar"}
BASIS_MARKS = {"documented": "", "derived": " (härlett)", "unknown": ""}


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str      # reference date, status, basis and source


@dataclass(frozen=True)
class Alert:
    level: str     # 'error', 'warning' or 'info'
    text: str


def headcount_figures(headcount: pd.DataFrame) -> list[KeyFigure]:
    """One key figure per measure of the `headcount` indicator, its note saying which observation answers."""
    figures = []
    for row in headcount.itertuples(index=False):
        note = row.note + BASIS_MARKS.get(row.basis, "")
        figures.append(KeyFigure(HEADCOUNT_LABELS[row.measure], fmt.count_range(row.low, row.high), note))
    return figures


def plural(count: int, one: str, many: str) -> str:
    return f"{fmt.number(count)} {one if count == 1 else many}"


def key_figures(headcount: pd.DataFrame, units: pd.DataFrame, funding: pd.DataFrame,
                survey: pd.DataFrame) -> list[KeyFigure]:
    current = units[units["status"] == "current"]
    known = current["meets_target"].dropna()
    unknown = len(current) - len(known)
    summary = funding.iloc[0]
    latest_survey = survey.iloc[-1] if not survey.empty else None
    at_target = int(known.sum())
    return [
        *headcount_figures(headcount),
        KeyFigure("Med aktuell placering", fmt.number(len(current)),
                  "verksamheter som källorna placerar peer supportrar i på datumet; "
                  f"{plural(len(units) - len(current), 'verksamhet', 'verksamheter')} till med senast kända uppgift"),
        KeyFigure("Når målet (minst två)", _at_target(at_target, unknown, len(current)),
                  "verksamheter med aktuell placering; mål: 001" + (f"; antalet publiceras inte för {fmt.number(unknown)} av {fmt.number(len(current))}"
                                if unknown else "")),
        KeyFigure("Säkrad finansiering", f"{fmt.number(summary['secured_months_left'], 1)} mån",
                  f"t.o.m. {fmt.iso_date(summary['secured_until'])}" if pd.notna(summary["secured_until"])
                  else "ingen beslutad överenskommelse täcker datumet"),
        KeyFigure("Svarsfrekvens, senaste enkät",
                  fmt.percent(latest_survey["response_rate"]) if latest_survey is not None else fmt.MISSING,
                  f"{latest_survey['survey']}, N = {latest_survey['answered']}" if latest_survey is not None
                  else "ingen enkät avslutad på eller före datumet"),
    ]


def _at_target(known_at_target: int, unknown: int, units: int) -> str:
    """'1 av 3'; 'minst 1' or 'okänt' where some units' counts are unpublished; '–' without current units."""
    if not units:
        return fmt.MISSING
    if not unknown:
        return f"{fmt.number(known_at_target)} av {fmt.number(units)}"
    return f"minst {fmt.number(known_at_target)}" if known_at_target else "okänt"


def listing(names: list[str]) -> str:
    """'A, B, C', or the first names and how many more: an alert must stay readable with 20 000 units."""
    if len(names) <= NAMES_LISTED:
        return ", ".join(names)
    return ", ".join(names[:NAMES_LISTED]) + f" och {fmt.number(len(names) - NAMES_LISTED)} till (se tabellen)"


def lone_units(units: pd.DataFrame) -> pd.DataFrame:
    """Units a source shows with exactly one supporter on the date (never those whose count is unpublished)."""
    return units[(units["supporters"] == 1) & (units["status"] == "current")]


def alerts(units: pd.DataFrame, decision: FundingDecision, conflicts: pd.DataFrame) -> list[Alert]:
    """What needs attention, most urgent first: errors, then warnings, then information."""
    found = [alert for alert in (funding_alert(decision), *unit_alerts(units), _conflict_alert(conflicts)) if alert]
    return sorted(found, key=lambda alert: ("error", "warning", "info").index(alert.level))


def funding_alert(decision: FundingDecision) -> Alert | None:
    """Always, while the next period is undecided: an error once the date for the notice has passed."""
    if decision.next_period_decided:
        return None
    if decision.secured_until is None:
        return Alert("error", "Ingen beslutad överenskommelse täcker datumet: finansiering saknas.")
    secured = (f"Finansieringen är säkrad t.o.m. {decision.secured_until.isoformat()} "
               f"({fmt.number(decision.days_left)} dagar)")
    if decision.overdue:
        return Alert("error", f"{secured} och nästa period är inte beslutad. För {decision.notice_months} månaders "
                              f"framförhållning behövdes beslut senast {decision.decide_by.isoformat()}.")
    return Alert("warning", f"{secured} och nästa period är inte beslutad: beslut behövs senast "
                            f"{decision.decide_by.isoformat()} för {decision.notice_months} månaders framförhållning.")


def unit_alerts(units: pd.DataFrame) -> list[Alert]:
    """Lone and absent supporters, units whose count is unpublished, and units known only from old reports."""
    current = units[units["status"] == "current"]
    lone = lone_units(units)
    absent = current[current["absent"].fillna(0) > 0]
    unpublished = current[current["supporters"].isna()]
    stale = units[units["status"] == "last_known"]
    absent_count = int(absent["absent"].sum()) if not absent.empty else 0
    found = [
        Alert("warning", f"{plural(len(lone), 'verksamhet har', 'verksamheter har')} en ensam peer supporter: "
                         + listing(lone["unit"].tolist()) + ".") if not lone.empty else None,
        Alert("warning", f"{plural(absent_count, 'peer supporter', 'peer supportrar')} frånvarande: "
                         + listing(absent["unit"].tolist()) + ".") if absent_count else None,
        Alert("info", f"För {plural(len(unpublished), 'verksamhet', 'verksamheter')} publiceras inte hur många peer "
                      "supportrar de har (" + listing(unpublished["unit"].tolist()) + "): om de är ensamma i sin "
                      "roll går inte att säga.") if not unpublished.empty else None,
        Alert("info", f"{plural(len(stale), 'verksamhet visas', 'verksamheter visas')} med senast kända uppgift, "
                      "äldre än ett halvår: " + listing(stale["unit"].tolist()) + ".") if not stale.empty else None,
    ]
    return [alert for alert in found if alert]


def _conflict_alert(conflicts: pd.DataFrame) -> Alert | None:
    if conflicts.empty:
        return None
    return Alert("info", f"{plural(len(conflicts), 'uppgift', 'uppgifter')} där källorna säger emot varandra: "
                         + "; ".join(conflicts["topic"].tolist()) + ".")
