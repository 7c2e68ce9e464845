"""Konsekvenser och risker: what the documents say one-year funding and the employer model risk, and what is lost
without peer support, each in its source's own hedged words with the source and its date; then what is not known
about the money (no Streamlit)."""

from dashboard.brief.doc import Heading, Items, Para
from dashboard.brief.facts import Facts

# (heading, the decision facts' topics, the findings' themes): the risks a funding decision weighs
RISKS = (
    ("Ettårig finansiering", ("finansiering",), ()),   # the findings' summary of it drops 001's 'beskrivs'

    ("Arbetsgivaransvaret och ansvarsfördelningen", ("arbetsgivaransvar",), ("organisering och arbetsgivaransvar",)),
    ("Det som går förlorat utan peer support", ("upphör", "brukarnas röst"), ("nytta för brukarna",)),
)
GAP_TOPICS = ("finansiering", "kostnader")


def risks_blocks(facts: Facts) -> list:
    blocks = [Heading("Konsekvenser och risker", 2),
              Para("Med källornas egna förbehåll ('tycks', 'beskrivs'): det är iakttagelser i utvärderingarna, inte "
                   "mätta effekter.", kind="note")]
    for heading, topics, themes in RISKS:
        said = [*_statements(facts, topics), *_findings(facts, themes)]
        if said:
            blocks += [Heading(heading, 3), Items(tuple(said))]
    gaps = facts.gaps[facts.gaps["topic"].isin(GAP_TOPICS)]
    if not gaps.empty:
        blocks += [Heading("Det som inte är känt om kostnaderna", 3),
                   Items(tuple(f"{row.missing} {facts.cite(row.sources)}" for row in gaps.itertuples()))]
    return blocks


def _statements(facts: Facts, topics) -> list[str]:
    rows = facts.statements[facts.statements["topic"].isin(topics)]
    return [f"{row.text} {facts.cite(row.sources)}" for row in rows.itertuples()]


def _findings(facts: Facts, themes) -> list[str]:
    """The latest evaluation's findings on the themes: the earlier ones said the same or were followed up."""
    rows = facts.findings[facts.findings["theme"].isin(themes)]
    if rows.empty:
        return []
    latest = rows[rows["evaluation_id"] == rows["evaluation_id"].max()]
    return [f"{row.finding} {facts.cite(row.sources)}" for row in latest.itertuples()]
