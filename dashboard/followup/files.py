"""What leaves the follow-up as files and documents: the ILS exports of a period (a locked period's from its rows
as reported) and the goals as the command line lists them."""

from dashboard.base import formatting as fmt
from dashboard.followup import assessments, goals, ils, report
from dashboard.followup.periods import Period
from dashboard.store import stores


def export(period: Period, shape: str, extension: str) -> bytes:
    """The period's *wide* or *long* file as `.csv` or `.xlsx`. A locked period is written from its rows as
    reported, never from today's data: the same bytes before and after any later import."""
    rows, locked = report.shown_rows(period)
    rows = [{k: v for k, v in row.items() if k != "revision"} for row in rows]   # the page says what was revised
    frame = ils.wide(rows) if shape == "wide" else ils.long(rows)
    if extension == ".csv":
        return ils.csv(frame)
    status = (f"rapporterad och låst {fmt.minute(locked.locked_at)} av {fmt.actor_shown(locked.locked_by)}"
              if locked else "ej rapporterad: preliminära värden från dagens data")
    about = {"Uttag": f"Måluppföljning för ILS ({shape})", "Period": period.label, "Status": status,
             "Bedömning": assessments.RULE, "Teckenförklaring": fmt.legend()}
    return ils.xlsx(frame, about, locked.locked_at if locked else None)


def version() -> str:
    """Changes with every follow-up write: what a cached board pack is keyed on ('' while the store is down)."""
    try:
        return stores.current().run("user/followup_version", {}).to_json()
    except stores.StoreUnavailable:
        return ""


def goal_list() -> list[dict]:
    """Every nämndmål with its measures, as `goal list --format json` prints them."""
    listed: dict[int, dict] = {}
    for row in goals.goal_rows().itertuples(index=False):
        goal = listed.setdefault(int(row.goal_id), {
            "id": int(row.goal_id), "text": row.goal_text, "dnr": goals.text_or_empty(row.dnr),
            "decided_by": goals.text_or_empty(row.decided_by),
            "decided_on": fmt.iso_date(row.decided_on) if goals.text_or_empty(row.decided_on) else "",
            "created_by": row.created_by, "indicators": []})
        goal["indicators"].append(f"{row.indicator}:{row.measure}")
    return list(listed.values())

