"""The follow-up as people read it (page Uppföljning, the board pack's Måluppfyllelse): tables of display text per
nämndmål, the year's utfall per period, the activities (the evaluations' recommendations) and what follows no goal.
No Streamlit here."""

from datetime import date

import pandas as pd

from dashboard import indicators
from dashboard.base import formatting as fmt
from dashboard.filters import ViewFilters, describe_binding
from dashboard.followup import activities as activities_store
from dashboard.followup import assessments, ils, measures, report
from dashboard.followup.periods import Period, of_year

FIRST_YEAR = 2018   # the programme's first year in the documents (001: 'under 2018')
# the evaluations' own follow-up word, said as theirs: 'okänd' stays unknown, never 'Ej påbörjad'
UNKNOWN_FOLLOW_UP = "okänd, ingen uppföljning dokumenterad"


def periods_until(as_of: date) -> list[Period]:
    """Every period from the programme's first year to the as-of date's year, newest first."""
    return [p for year in range(as_of.year, FIRST_YEAR - 1, -1) for p in reversed(of_year(year))]


def default_period(as_of: date) -> Period:
    """The latest period that has ended on the as-of date (its figures can be known), else the year's first."""
    ended = [p for p in periods_until(as_of) if p.end <= as_of]
    return ended[0] if ended else of_year(as_of.year)[0]


def goals_of(rows: list[dict]) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["goal_id"], []).append(row)
    return grouped


def goal_caption(first: dict, period: Period, filters: ViewFilters) -> str:
    """'Nämndmål, dnr …; utfall per 2020-04-30 för hela staden', naming set filters the follow-up does not take."""
    parts = [f"Nämndmål, dnr {first['goal_dnr']}" if first["goal_dnr"] else "Nämndmål",
             f"utfall per {period.end.isoformat()} för hela staden ({measures.CITY})"]
    if filters.unused_by({}):
        parts.append(describe_binding({}, filters))
    return "; ".join(parts)


def goal_table(rows: list[dict]) -> pd.DataFrame:
    """One row per indicator: utfall as the sources give it, årsmål, the rule's suggestion, the bedömning (icon
    and words), the analys (shown as text) and the source with its date, basis and any revision."""
    written = ils.wide(rows)   # the cells as the ILS export writes them
    return pd.DataFrame({
        "Indikator": [r["indicator_title"] for r in rows], "Utfall": written["Utfall totalt"],
        "Kvinnor": written["Utfall kvinnor"].astype(str), "Män": written["Utfall män"].astype(str),
        "Årsmål": written["Årsmål"], "Bedömning": [_bedomning(r) for r in rows],
        "Regelns förslag": [assessments.LABELS[r["suggested"]] for r in rows],
        "Analys": [r["analys"] or fmt.MISSING for r in rows], "Källa och grund": written["Källa"]})


def _bedomning(row: dict) -> str:
    """'● Uppfylls helt (2026-12-07 15:21, anna@stad.se)'; '– Ej bedömd (utkast finns)'."""
    if not row["assessed"]:
        return "– Ej bedömd" + (" (utkast finns)" if row.get("draft") else "")
    return (f"{assessments.shown_bedomning(row['bedomning'])} ({row['assessed_at']}, "
            f"{fmt.actor_shown(row['assessed_by'])})")


def year_table(period: Period, period_rows: list[dict]) -> pd.DataFrame:
    """The year's utfall per period for every followed measure, up to the chosen period ('–' after it);
    `period_rows` are the chosen period's, as the page already has them."""
    shown: dict[str, dict[str, str]] = {}
    for each in of_year(period.year):
        rows = period_rows if each == period else report.shown_rows(each)[0] if each < period else []
        for r in rows:
            shown.setdefault(r["indicator_title"], {})[each.label.split(" (")[0]] = r["total_shown"]
    frame = pd.DataFrame.from_dict(shown, orient="index").rename_axis("Indikator").reset_index()
    return frame.fillna(fmt.MISSING)


def activities(rows: list[dict], day: date) -> pd.DataFrame:
    """The activities under a goal: recommendations a förvaltare put under it, and those its measures follow,
    with their follow-up on `day`."""
    goal_id = rows[0]["goal_id"]
    about = {name for r in rows for name in measures.BY_KEY[(r["indicator"], r["measure"])].about}
    followed = activities_store.latest()
    recs = indicators.run("recommendations", as_of=day)
    placed = recs["recommendation_id"].map(lambda r: followed[r].goal_id if r in followed else None)
    mine = (placed == goal_id) | (placed.isna() & recs["indicator"].isin(about))
    return _activity_frame(recs[mine], followed, day)


def _activity_frame(recs: pd.DataFrame, followed: dict, day: date) -> pd.DataFrame:
    """The förvaltare's record where there is one, else the evaluations' follow-up and no owner or deadline."""
    def field(rec, name: str, otherwise: str) -> str:
        activity = followed.get(rec.recommendation_id)
        if activity is None:
            return otherwise
        value = {"status": activity.status_on(day), "owner": activity.owner,
                 "start": fmt.iso_date(activity.start_on) if activity.start_on else "",
                 "deadline": fmt.iso_date(activity.deadline) if activity.deadline else ""}[name]
        return value or fmt.MISSING
    rows = list(recs.itertuples(index=False))
    return pd.DataFrame({
        "Aktivitet (rekommendation)": [f"{r.recommendation_id}: {r.recommendation}" for r in rows],
        "Från utvärdering": [r.evaluation for r in rows],
        "Status": [field(r, "status", "enligt utvärderingarna: "
                         + (UNKNOWN_FOLLOW_UP if r.status == "okänd" else r.status)) for r in rows],
        "Ansvarig": [field(r, "owner", "ej angiven") for r in rows],
        "Start": [field(r, "start", fmt.MISSING) for r in rows],
        "Slutdatum": [field(r, "deadline", "ej angivet") for r in rows],
        "Källa": [f"{r.sources}" + (f"; följs upp av {fmt.actor_shown(followed[r.recommendation_id].saved_by)}"
                                    if r.recommendation_id in followed else "") for r in rows]},
        columns=["Aktivitet (rekommendation)", "Från utvärdering", "Status", "Ansvarig", "Start", "Slutdatum", "Källa"])


def recommendation_texts(as_of: date) -> dict[str, str]:
    recs = indicators.run("recommendations", as_of=as_of)
    return dict(zip(recs["recommendation_id"], recs["recommendation"]))


def without_goal(linked: pd.DataFrame, as_of: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The measures no nämndmål follows, and the recommendations (activities) none of the followed measures is
    about: what Källor och data lists as 'utan mål'."""
    followed = set(zip(linked["indicator"], linked["measure"]))
    free = pd.DataFrame({"Indikator (mått)": [m.title for m in measures.MEASURES if m.key not in followed]})
    about = {name for key in followed if key in measures.BY_KEY for name in measures.BY_KEY[key].about}
    recs = indicators.run("recommendations", as_of=as_of)
    recorded = activities_store.latest()
    placed = recs["recommendation_id"].map(lambda r: recorded[r].goal_id if r in recorded else None)
    return free, _activity_frame(recs[placed.isna() & ~recs["indicator"].isin(about)], recorded, as_of)
