"""Måluppfyllelse: the nämndmål of the latest period that has ended on the pack's date, with utfall, årsmål,
bedömning (icon and words) and the förvaltning's analys as written; a reported period as it was reported (no
Streamlit)."""

from datetime import date

from dashboard.base import formatting
from dashboard.brief.doc import Heading, Para, Table
from dashboard.followup import assessments, report, view
from dashboard.store import stores


def follow_up_blocks(as_of: date, known_on: date | None) -> list:
    blocks = [Heading("Måluppfyllelse", 2)]
    if known_on is not None:   # assessments and reports are dated by when they were saved, not by the sources
        return blocks + [Para("Måluppföljningen ingår inte i ett underlag som det kunde skrivas tidigare: "
                              "bedömningar och analyser finns bara som de är sparade i dag.", kind="note")]
    period = view.default_period(as_of)
    try:
        stores.current().run("user/goal_list", {})
    except stores.StoreUnavailable as error:   # never 'none entered' when it cannot be read
        return blocks + [Para(f"Måluppföljningen kunde inte läsas: {error.what}.", kind="notice")]
    rows, locked = report.shown_rows(period)
    status = (f"rapporterad och låst {formatting.minute(locked.locked_at)}" if locked
              else "ej rapporterad: preliminära värden")
    blocks.append(Para(f"{period.label}, {status}.", kind="meta"))
    if not rows:
        return blocks + [Para("Inga nämndmål är inlagda i uppföljningen.")]
    for goal_rows in view.goals_of(rows).values():
        table = view.goal_table(goal_rows)[["Indikator", "Utfall", "Årsmål", "Bedömning", "Analys", "Källa och grund"]]
        blocks += [Heading(goal_rows[0]["goal"], 3), Table(table, numeric=("Utfall", "Årsmål"))]
        doing = view.activities(goal_rows, min(period.end, as_of))
        if not doing.empty:
            blocks.append(Table(doing[["Aktivitet (rekommendation)", "Status", "Ansvarig", "Slutdatum"]],
                                caption="Aktiviteter"))
    return blocks + [Para(assessments.RULE, kind="note")]
