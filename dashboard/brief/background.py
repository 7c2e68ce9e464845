"""Bakgrund: the programme, the evaluations with their main findings, the recommendations with their follow-up
status, and the förvaltning's earlier proposals and mandates, all as the sources state them (no Streamlit)."""

import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.brief.doc import Heading, Items, Para, Table
from dashboard.brief.facts import Facts
from dashboard.brief.wording import day

PROGRAMME_TOPICS = ("sammanhang",)
PROPOSAL_TOPICS = ("inriktning", "utbildning")


def background_blocks(facts: Facts) -> list:
    return [Heading("Bakgrund", 2), *_programme(facts), *_evaluations(facts), *_recommendations(facts),
            *_earlier(facts)]


def _programme(facts: Facts) -> list:
    rows = facts.statements[facts.statements["topic"].isin(PROGRAMME_TOPICS)]
    if rows.empty:
        return []
    return [Heading("Programmet", 3), Items(tuple(f"{row.text} {facts.cite(row.sources)}" for row in rows.itertuples()))]


def _evaluations(facts: Facts) -> list:
    """Each evaluation published by the date, with its findings in its own words."""
    blocks = [Heading("Utvärderingarna och deras huvudsakliga resultat", 3)]
    if facts.evaluations.empty:
        return blocks + [Para(f"Ingen utvärdering är publicerad per {facts.as_of.isoformat()}.")]
    for row in facts.evaluations.itertuples():
        found = facts.findings[facts.findings["evaluation_id"] == row.evaluation_id]
        blocks.append(Para(f"{row.author}, publicerad {row.published} {facts.cite(row.sources)}.", row.title + "."))
        if not found.empty:
            blocks.append(Items(tuple(f"{finding.finding} ({finding.theme})" for finding in found.itertuples())))
    return blocks


def _recommendations(facts: Facts) -> list:
    recommendations = facts.recommendations
    if recommendations.empty:
        return []
    frame = pd.DataFrame({
        "Rekommendation": recommendations["recommendation"],
        "Utvärdering": recommendations["evaluation_id"] + ", " + recommendations["sources"],
        "Uppföljning": [_status(row) for row in recommendations.itertuples()],
    })
    return [Heading("Rekommendationerna och deras uppföljning", 3),
            Para("Status 'okänd': ingen källa anger hur rekommendationen följts upp.", kind="note"),
            Table(frame)]


def _status(row) -> str:
    return row.status + ("" if fmt.is_missing(row.status_date) else f" ({day(row.status_date)})")


def _earlier(facts: Facts) -> list:
    rows = facts.statements[facts.statements["topic"].isin(PROPOSAL_TOPICS) & facts.statements["is_plan"]]
    if rows.empty:
        return []
    return [Heading("Förvaltningens tidigare förslag och uppdrag", 3),
            Items(tuple(f"{row.text} {facts.cite(row.sources)}" for row in rows.itertuples()))]
