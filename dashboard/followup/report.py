"""A period's follow-up: one row per nämndmål and measure with the utfall at the period's end, the årsmål in force
then, the rule's suggested bedömning and the confirmed bedömning and analys. A locked period shows what was
reported, and where the data has changed since, what was revised ('reviderat efter rapportering: 7 → 6 (import
12, 2021-05-03)'); it never changes what was reported.
"""

from datetime import date, timedelta

from dashboard.base import access, formatting
from dashboard.followup import assessments, goals, measures, reported
from dashboard.followup.periods import Period
from dashboard.store import userdata
from dashboard.store.userdata import UserDataError


def live_rows(period: Period) -> list[dict]:
    """The period's rows from the data and the store as they are now."""
    linked = goals.goal_rows()
    saved_targets = goals.targets()
    assessed = assessments.latest()
    readings: dict[tuple, tuple[measures.Reading, float | None]] = {}   # a measure followed by several goals
    rows = []
    for goal in linked.itertuples(index=False):
        measure = measures.BY_KEY.get((goal.indicator, goal.measure))
        if measure is None:   # a measure this version no longer follows: left out rather than guessed
            continue
        if measure.key not in readings:
            readings[measure.key] = measures.read(measure, period.end), _previous_total(measure, period)
        rows.append(_row(goal, measure, period, *readings[measure.key], saved_targets,
                         assessed.get((*measure.key, period.code))))
    return rows


def _row(goal, measure: measures.Measure, period: Period, reading: measures.Reading, previous: float | None,
         saved_targets, assessment: assessments.Assessment | None) -> dict:
    target = goals.target_in_force(saved_targets, measure.key, period.year, period.end)
    confirmed = assessment if assessment is not None and assessment.confirmed else None
    return {
        "goal_id": int(goal.goal_id), "goal": str(goal.goal_text), "goal_dnr": goals.text_or_empty(goal.dnr),
        "indicator": measure.indicator, "measure": measure.measure, "indicator_title": measure.title,
        "period": period.code, "period_end": period.end.isoformat(),
        "total": reading.total, "total_shown": reading.shown, "people": measure.people,
        "women": reading.women, "men": reading.men,
        "basis": reading.basis, "observed_on": reading.observed_on, "status": reading.status,
        "sources": reading.sources,
        "target": target.value if target else None, "direction": target.direction if target else "",
        "target_note": _target_note(target, saved_targets, measure.key, period),
        "suggested": assessments.suggest(reading.total, target, previous),
        "bedomning": confirmed.bedomning if confirmed else "ej-bedomd",
        "assessed": confirmed is not None, "draft": assessment is not None and confirmed is None,
        "analys": confirmed.analys if confirmed else "",
        "assessed_by": confirmed.saved_by if confirmed else "",
        "assessed_at": formatting.minute(confirmed.saved_at) if confirmed else "",
    }


def _previous_total(measure: measures.Measure, period: Period) -> float | None:
    earlier = period.earlier()
    return measures.read(measure, earlier[-1].end).total if earlier else None


def _target_note(target: goals.Target | None, saved_targets, key: tuple[str, str], period: Period) -> str:
    """'årsmål 2 (högre är bättre), dnr X, beslutat 2020-02-01 av Socialnämnden' and, where it is another version
    than at the year's previous period's end, 'årsmål ändrat i T2'."""
    if target is None:
        return measures.BY_KEY[key].recommended
    decided = ", ".join(part for part in (f"dnr {target.dnr}" if target.dnr else "",
                                          f"beslutat {target.decided_on}" if target.decided_on else "",
                                          f"av {target.decided_by}" if target.decided_by else "") if part)
    note = f"årsmål {goals.value_text(target.value)} ({goals.DIRECTIONS[target.direction]})" + (
        f", {decided}" if decided else "")
    before_end = period.earlier()[-1].end if period.earlier() else date(period.year, 1, 1) - timedelta(days=1)
    before = goals.target_in_force(saved_targets, key, period.year, before_end)
    if before is not None and before.version != target.version:
        note += f"; årsmål ändrat i {period.part}" + (f", dnr {target.dnr}" if target.dnr else "")
    return note


def shown_rows(period: Period) -> tuple[list[dict], reported.Report | None]:
    """What the page, the pack and the exports show: a locked period's rows as reported, each with a
    `revision` where the data now says otherwise; else the live rows."""
    report = reported.locked(period.code)
    if report is None:
        return live_rows(period), None
    now = {(r["goal_id"], r["indicator"], r["measure"]): r for r in live_rows(period)}
    changed_by = _import_after(report)
    rows = []
    for row in report.rows:
        current = now.get((row["goal_id"], row["indicator"], row["measure"]))
        rows.append({**row, "revision": _revision(row, current, changed_by)})
    return rows, report


def _revision(row: dict, current: dict | None, changed_by: str) -> str:
    if current is None:
        return ""
    before = (row["total_shown"], row["women"], row["men"])
    after = (current["total_shown"], current["women"], current["men"])
    if before == after:
        return ""
    return f"reviderat efter rapportering: {row['total_shown']} → {current['total_shown']} ({changed_by})"


def _import_after(report: reported.Report) -> str:
    """The latest import after the lock ('import 12, 2021-05-03'), or that the source data changed."""
    log = userdata.applied_imports()
    later = log[log["imported_at"] > report.locked_at]
    if later.empty:
        return "källdata ändrade"
    last = later.sort_values("imported_at").iloc[-1]
    return f"import {int(last['import_id'])}, {formatting.iso_date(last['imported_at'])}"


def lock_period(period: Period, actor: access.Actor, reason: str | None) -> int:
    """Report the period: refused while a measure has no confirmed bedömning, or no goal is followed."""
    access.require(actor, "lock_period")
    rows = live_rows(period)
    if not rows:
        raise UserDataError("Det finns inga nämndmål med indikatorer att rapportera; ingenting har låsts.")
    missing = sorted({r["indicator_title"] for r in rows if not r["assessed"]})
    if missing:
        raise UserDataError(f"{period.code} kan inte låsas: {len(missing)} indikator(er) saknar bekräftad "
                            f"bedömning: {'; '.join(missing)}. Ingenting har låsts.")
    return reported.lock(period.code, rows, actor, reason)
