"""Key figures and alerts for the overview page, computed from indicator frames (no Streamlit)."""

from dataclasses import dataclass

import pandas as pd

from dashboard import counts, staff, surveys
from dashboard.base import formatting as fmt
from dashboard.base.settings import staleness_days
from dashboard.columns import AREA_KIND_LABELS
from dashboard.decision import UNKNOWN_COVER, FundingDecision, days_left_text
from dashboard.filters import ViewFilters

NAMES_LISTED = 10
BASIS_MARKS = {"documented": "", "derived": " (härlett)", "unknown": ""}


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    note: str      # reference date, status, basis and source
    scope: str = ""   # 'Farsta gäller inte här (hela staden)': a set filter the figure does not follow


@dataclass(frozen=True)
class Alert:
    level: str     # 'error', 'warning' or 'info'
    text: str


def plural(count: int, one: str, many: str) -> str:
    return f"{fmt.number(count)} {one if count == 1 else many}"


def scope_mark(frame: pd.DataFrame, filters: ViewFilters | None) -> str:
    """The set filters a figure's query was not bound with, as a block's caption says it; '' if it follows them."""
    unused = filters.unused_by(frame.attrs.get("params", {})) if filters else []
    if not unused:
        return ""
    names = [_filter_value(filters, name) for name in unused]
    joined = ", ".join(names[:-1]) + " och " + names[-1] if len(names) > 1 else names[0]
    return f"{joined} gäller inte här (hela staden)"


def _filter_value(filters: ViewFilters, name: str) -> str:
    value = filters[name]
    if name == "area_kind":
        return f"förvaltningstyp {AREA_KIND_LABELS.get(value, value)}"
    return f"enhetstyp {value}" if name == "unit_type" else value


TARGET_WORDS = {1: "en", 2: "två", 3: "tre", 4: "fyra"}


def key_figures(headcount: pd.DataFrame, units: pd.DataFrame, at_target: pd.DataFrame, funding: pd.DataFrame,
                survey: pd.DataFrame, filters: ViewFilters | None = None) -> list[KeyFigure]:
    """The programme's figures on the date, each a formatting of one indicator's row (the command line, the
    exports and the pack have the same figure): supporters, units and districts `headcount`'s documented counts,
    with the units the sources name beside them (`counts.programme`, as Enheter, the scenario and the pack count
    them); current units and units at the target `units_at_target`; funding `funding_summary`; the survey
    `survey_response`. Each card is marked where a set filter does not apply to it."""
    programme = counts.programme(headcount, units)
    city, local = scope_mark(headcount, filters), scope_mark(units, filters)
    return [
        _supporters(headcount, city),
        KeyFigure("Verksamheter", programme.units.documented, programme.units.text(), city),
        KeyFigure("Stadsdelar", programme.districts.documented, programme.districts.text(), city),
        _current_figure(at_target, programme.units.where, local),
        _at_target_figure(at_target, scope_mark(at_target, filters)),
        _funding_figure(funding, scope_mark(funding, filters)),
        _survey_figure(survey, scope_mark(survey, filters)),
    ]


def _supporters(headcount: pd.DataFrame, scope: str) -> KeyFigure:
    row = headcount.set_index("measure").loc["supporters"]
    # the document's own words: 001's 'deltog under 2018' is not a count of the employed
    note = (f"{fmt.stated(row['stated_as'])}; " if not pd.isna(row["low"]) else "") + row["note"]
    return KeyFigure("Peer supportrar", fmt.count_range(row["low"], row["high"]),
                     note + BASIS_MARKS.get(row["basis"], ""), scope)


def _current_figure(at_target: pd.DataFrame, where: str, scope: str) -> KeyFigure:
    """The indicator `units_at_target`'s current units as a card (the command line, the exports and the pack have
    it too): of the units the sources name on the date (current or last known), plans said apart."""
    row = at_target.iloc[0]
    current, planned = int(row["units_current"]), int(row["units_planned"])
    named = current + int(row["units_last_known"])
    plans = f"; {plural(planned, 'planerad', 'planerade')} (plan, räknas inte)" if planned else ""
    return KeyFigure("Med aktuell placering", fmt.number(current), f"verksamheter{where} med aktuell uppgift på "
                     f"datumet, av {fmt.number(named)} med känd enhet{plans}", scope)


def _at_target_figure(at_target: pd.DataFrame, scope: str) -> KeyFigure:
    """The indicator `units_at_target` as a card (the command line, the exports and the pack have it too)."""
    row = at_target.iloc[0]
    current, unknown = int(row["units_current"]), int(row["target_unknown"])
    source = f"; mål: {row['target_source']}" if pd.notna(row["target_source"]) else ""
    return KeyFigure(f"Når målet (minst {TARGET_WORDS.get(int(row['target']), row['target'])})",
                     _at_target(int(row["at_target"]), unknown, current), "verksamheter med aktuell placering" + source
                     + (f"; antalet publiceras inte för {fmt.number(unknown)} av {fmt.number(current)}"
                        if unknown else ""), scope)


def _funding_figure(funding: pd.DataFrame, scope: str) -> KeyFigure:
    summary = funding.iloc[0]
    as_of = funding.attrs.get("params", {}).get("as_of")
    per = f", räknat per {fmt.iso_date(as_of)}" if as_of else ""
    return KeyFigure("Säkrad finansiering", f"{fmt.number(summary['secured_months_left'], 1)} mån",
                     f"t.o.m. {fmt.iso_date(summary['secured_until'])}{per}" if pd.notna(summary["secured_until"])
                     else "ingen beslutad överenskommelse täcker datumet", scope)


def _survey_figure(survey: pd.DataFrame, scope: str) -> KeyFigure:
    """Users' answers about peer support: only a survey about peer support is one (004's is about personligt
    ombud), and where none is, the card says so instead of showing another survey's response rate."""
    about = surveys.about_peer_support(survey)
    if about.empty:
        there = f"; den som finns gäller {surveys.others(survey)}; se Enkäter" if not survey.empty else ""
        return KeyFigure("Enkät om peer support", fmt.MISSING, "ingen i källorna på eller före datumet" + there,
                         scope)
    latest = about.iloc[-1]
    return KeyFigure("Enkät om peer support", fmt.percent(latest["response_rate"]),
                     f"svarsfrekvens; {latest['survey']}, N = {fmt.number(latest['answered'])}", scope)


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
    return units[(units["supporters"] == 1) & (units["status"] == counts.CURRENT)]


def alerts(units: pd.DataFrame, decision: FundingDecision, conflicts: pd.DataFrame) -> list[Alert]:
    """What needs attention, most urgent first: errors, then warnings, then information."""
    found = [alert for alert in (funding_alert(decision), *unit_alerts(units), _conflict_alert(conflicts)) if alert]
    return sorted(found, key=lambda alert: ("error", "warning", "info").index(alert.level))


def funding_alert(decision: FundingDecision) -> Alert | None:
    """Always, while the next period is undecided: an error once the date for the notice has passed."""
    if decision.next_period_decided:
        return None
    if decision.secured_until is None:
        return Alert("warning", UNKNOWN_COVER)
    secured = (f"Finansieringen är säkrad t.o.m. {decision.secured_until.isoformat()} "
               f"({days_left_text(decision)})")
    if decision.overdue:
        return Alert("error", f"{secured} och nästa period är inte beslutad. För {decision.notice_months} månaders "
                              f"framförhållning behövdes beslut senast {decision.decide_by.isoformat()}.")
    return Alert("warning", f"{secured} och nästa period är inte beslutad: beslut behövs senast "
                            f"{decision.decide_by.isoformat()} för {decision.notice_months} månaders framförhållning.")


def unit_alerts(units: pd.DataFrame) -> list[Alert]:
    """Lone and absent supporters, units whose count is unpublished, and units known only from old reports."""
    current = units[units["status"] == counts.CURRENT]
    lone = lone_units(units)
    unpublished = current[current["supporters"].isna()]
    stale = units[units["status"] == counts.LAST_KNOWN]
    found = [
        Alert("warning", f"{plural(len(lone), 'verksamhet har', 'verksamheter har')} en ensam peer supporter: "
                         + listing(lone["unit"].tolist()) + ".") if not lone.empty else None,
        _absence_alert(units, current),
        Alert("info", f"För {plural(len(unpublished), 'verksamhet', 'verksamheter')} publiceras inte hur många peer "
                      "supportrar de har (" + listing(unpublished["unit"].tolist()) + "): om de är ensamma i sin "
                      "roll går inte att säga.") if not unpublished.empty else None,
        Alert("info", f"{plural(len(stale), 'verksamhet visas', 'verksamheter visas')} med senast kända uppgift, "
                      f"äldre än {staleness_days()} dagar: " + listing(stale["unit"].tolist()) + ".") if not stale.empty else None,
    ]
    return [alert for alert in found if alert]


def _absence_alert(units: pd.DataFrame, current: pd.DataFrame) -> Alert | None:
    """Absences per unit where the rule for staff data lets the reader see them, else the whole programme's count
    only (health data about a person in a unit of one or two)."""
    hidden = bool(units.get(staff.FLAG, pd.Series(dtype=bool)).any())
    if hidden:
        total = (units.attrs.get("staff_totals") or {}).get("absent")
        if not total:
            return None
        threshold = units.attrs["params"]["staff_threshold"]
        return Alert("warning", f"{plural(int(total), 'peer supporter', 'peer supportrar')} frånvarande i hela "
                                f"programmet. Per verksamhet visas frånvaro bara där minst {threshold} peer "
                                f"supportrar står bakom siffran ({staff.RULE_NAME}).")
    absent = current[current["absent"].fillna(0) > 0]
    count = int(absent["absent"].sum()) if not absent.empty else 0
    return Alert("warning", f"{plural(count, 'peer supporter', 'peer supportrar')} frånvarande: "
                            + listing(absent["unit"].tolist()) + ".") if count else None


def _conflict_alert(conflicts: pd.DataFrame) -> Alert | None:
    if conflicts.empty:
        return None
    return Alert("info", f"{plural(len(conflicts), 'uppgift', 'uppgifter')} där källorna säger emot varandra: "
                         + "; ".join(conflicts["topic"].tolist()) + ".")
