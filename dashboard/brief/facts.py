"""What the pack's text says, read once per date through the indicator functions (no Streamlit): the same
queries as the pages, so the document and the dashboard never disagree."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import decision, indicators
from dashboard.brief.wording import Citations, day


@dataclass(frozen=True)
class Facts:
    as_of: date
    known_on: date | None         # the facts as the sources dated by then stated them; None: all of them
    funding: decision.FundingDecision
    summary: pd.Series            # funding_summary's one row
    agreements: pd.DataFrame      # funding_horizon
    statements_of_funding: pd.DataFrame   # documents' own "funding is decided up to …" holding on the date
    headcount: pd.DataFrame
    units: pd.DataFrame           # supporters_per_unit
    units_then: pd.DataFrame | None   # supporters_per_unit on the date the documented district count is for
    statements: pd.DataFrame      # decision_facts
    gaps: pd.DataFrame
    gender: pd.DataFrame
    evaluations: pd.DataFrame
    findings: pd.DataFrame
    recommendations: pd.DataFrame
    conflicts: pd.DataFrame
    sources: pd.DataFrame
    cite: Citations

    def statement(self, topic: str) -> pd.DataFrame:
        return self.statements[self.statements["topic"] == topic]

    def gap(self, gap_id: str) -> pd.Series | None:
        found = self.gaps[self.gaps["gap_id"] == gap_id]
        return found.iloc[0] if not found.empty else None

    @property
    def first_year(self) -> int:
        """The first calendar year an alternative pays for: the year after the decided funding ends, or, where no
        decided agreement covers the date, the year after the date."""
        ends = self.funding.secured_until
        return (ends or self.as_of).year + 1


def load_facts(as_of: date, known_on: date | None = None) -> Facts:
    """`known_on`: the facts as the sources dated by then stated them (default: all of them)."""
    clock = {"known_on": known_on} if known_on else {}
    summary = indicators.run("funding_summary", as_of=as_of, **clock).iloc[0]
    sources = indicators.run("sources", **clock)
    headcount = indicators.run("headcount", as_of=as_of, **clock)
    counted = headcount.set_index("measure").loc["districts", "observed_on"]
    return Facts(
        as_of=as_of,
        known_on=known_on,
        funding=decision.funding_decision(summary, as_of),
        summary=summary,
        agreements=indicators.run("funding_horizon", as_of=as_of, **clock),
        statements_of_funding=indicators.run_query("lookups/funding_statements", known_on=known_on, as_of=as_of),
        headcount=headcount,
        units=indicators.run("supporters_per_unit", as_of=as_of, **clock),
        units_then=None if pd.isna(counted) else indicators.run("supporters_per_unit", as_of=day(counted), **clock),
        statements=indicators.run("decision_facts", as_of=as_of, **clock),
        gaps=indicators.run("data_gaps", **clock),
        gender=indicators.run("supporter_gender", as_of=as_of, **clock),
        evaluations=_published_by(indicators.run("evaluations", **clock), sources, as_of),
        findings=indicators.run("findings", as_of=as_of, **clock),
        recommendations=indicators.run("recommendations", as_of=as_of, **clock),
        conflicts=indicators.run("source_conflicts", as_of=as_of, **clock),
        sources=sources,
        cite=Citations(sources),
    )


def _published_by(evaluations: pd.DataFrame, sources: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The evaluations whose source is dated on or before the date: 004 says '2019' but is dated December 2019,
    so a pack at 2019-08-15 could not have known it."""
    dated = dict(zip(sources["source_id"], pd.to_datetime(sources["dated"])))
    known = evaluations["sources"].map(lambda ids: all(dated.get(i.strip(), pd.NaT) <= pd.Timestamp(as_of)
                                                       for i in str(ids).split(",")))
    return evaluations[known]
