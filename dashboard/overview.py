"""Key figures and alerts for the overview page, computed from indicator frames (no Streamlit)."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import formatting as fmt

HEADCOUNT_MEASURES = ("Peer supportrar i arbete", "Anställda peer supportrar")
FUNDING_WARNING_DAYS = 183  # six months
NAMES_LISTED = 10


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str      # as-of date, basis and source


@dataclass(frozen=True)
class Alert:
    level: str     # 'error', 'warning' or 'info'
    text: str


def headcount(figures: pd.DataFrame, as_of: date) -> pd.Series | None:
    """The latest documented head count on or before as_of."""
    known = figures[figures["measure"].isin(HEADCOUNT_MEASURES) & figures["observed_on"].notna()]
    known = known[pd.to_datetime(known["observed_on"]).dt.date <= as_of]
    return None if known.empty else known.sort_values("observed_on").iloc[-1]


def key_figures(units: pd.DataFrame, funding: pd.DataFrame, survey: pd.DataFrame, figures: pd.DataFrame,
                as_of: date) -> list[KeyFigure]:
    count = headcount(figures, as_of)
    at_target = int(units["meets_target"].sum()) if not units.empty else 0
    summary = funding.iloc[0]
    latest_survey = survey.iloc[-1] if not survey.empty else None
    areas = units.loc[units["area_kind"] == "stadsdel", "area"].nunique() if not units.empty else 0
    return [
        KeyFigure("Peer supportrar (anställda)", fmt.number(count["value_low"]) if count is not None else fmt.MISSING,
                  f"{count['refers_to']}, {count['sources']}" if count is not None else "inget dokumenterat antal"),
        KeyFigure("med känd placering", fmt.number(units["supporters"].sum() if not units.empty else 0),
                  f"per {as_of.isoformat()}, härlett ur placeringar"),
        KeyFigure("Enheter med peer support", fmt.number(len(units)), f"per {as_of.isoformat()}"),
        KeyFigure("Stadsdelar med peer support", fmt.number(areas), "centrala förvaltningar räknas inte"),
        KeyFigure("Enheter som når målet", f"{fmt.number(at_target)} av {fmt.number(len(units))}",
                  "mål: minst två per enhet (001)"),
        KeyFigure("Säkrad finansiering", f"{fmt.number(summary['secured_months_left'], 1)} mån",
                  f"t.o.m. {fmt.iso_date(summary['secured_until'])}" if pd.notna(summary["secured_until"])
                  else "ingen beslutad överenskommelse täcker datumet"),
        KeyFigure("Svarsfrekvens, senaste enkät",
                  fmt.percent(latest_survey["response_rate"]) if latest_survey is not None else fmt.MISSING,
                  f"{latest_survey['survey']}, N = {latest_survey['answered']}" if latest_survey is not None else ""),
    ]


def listing(names: list[str]) -> str:
    """'A, B, C', or the first names and how many more: an alert must stay readable with 20 000 units."""
    if len(names) <= NAMES_LISTED:
        return ", ".join(names)
    return ", ".join(names[:NAMES_LISTED]) + f" och {fmt.number(len(names) - NAMES_LISTED)} till (se tabellen)"


def alerts(units: pd.DataFrame, funding: pd.DataFrame, conflicts: pd.DataFrame) -> list[Alert]:
    found = []
    summary = funding.iloc[0]
    if summary["next_period_status"] != "decided" and summary["secured_days_left"] <= FUNDING_WARNING_DAYS:
        until = fmt.iso_date(summary["secured_until"]) if pd.notna(summary["secured_until"]) else "nu"
        found.append(Alert("error", f"Finansieringen är säkrad t.o.m. {until} "
                                    f"({fmt.number(summary['secured_days_left'])} dagar) och det finns inget beslut "
                                    "om nästa period."))
    lone = units[units["supporters"] == 1] if not units.empty else units
    if not lone.empty:
        found.append(Alert("warning", f"{fmt.number(len(lone))} enheter har en ensam peer supporter: "
                                      + listing(lone["unit"].tolist()) + "."))
    absent = units[units["absent"] > 0] if not units.empty else units
    if not absent.empty:
        found.append(Alert("warning", f"{fmt.number(int(absent['absent'].sum()))} peer supporter(s) frånvarande: "
                                      + listing(absent["unit"].tolist()) + "."))
    if not conflicts.empty:
        found.append(Alert("info", f"{len(conflicts)} uppgifter där källorna säger emot varandra: "
                                   + "; ".join(conflicts["topic"].tolist()) + "."))
    return found
