"""The nämnd brief: the same indicator functions, suppression and formats as the pages, as one document.

`build_brief` gathers the content; `brief_markdown` and `dashboard.brief_pdf.brief_pdf` render it.
"""

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard import charts, citations, columns, decision, formatting, indicators, scenario_io, userdata
from dashboard.brief_changes import changes_since
from dashboard.now import data_as_of
from dashboard.params import as_of_or_data
from dashboard.settings import suppression_threshold
from dashboard.text import visible

MAX_ROWS = 40
# What the documents say about the programme the nämnd funds. The only survey in them (004's) asked users of
# personligt ombud, not of peer support: it can be chosen, but it is not peer-support evidence by default.
DEFAULT_INDICATORS = ("headcount", "supporters_per_unit", "placements_per_stadsdel", "funding_summary", "funding_horizon",
                      "supporter_gender")
# Columns that fit an A4 page; indicators not listed show all their visible columns.
COMPACT = {
    "headcount": ["measure", "low", "high", "status", "observed_on", "refers_to", "basis", "sources"],
    "placements_per_stadsdel": ["area", "placements", "supporters", "supporters_min", "units", "absent", "basis",
                                "sources"],
    "placements_over_time": ["bucket", "area", "placements", "supporters", "supporters_min", "basis", "sources"],
    "supporters_per_unit": ["unit", "area", "supporters", "supporters_min", "meets_target", "status", "refers_to",
                            "basis", "sources"],
    "funding_horizon": ["agreement", "amount_sek", "period_start", "period_end", "status", "decided_on",
                        "decision_basis", "lead_time_days", "days_left", "basis", "sources"],
    "funding_summary": ["secured_until", "secured_days_left", "secured_months_left", "one_year_share",
                        "next_period_status", "sources"],
    "survey_outcome_shares": ["option", "selected", "respondents", "share", "ci_low", "ci_high", "share_wording",
                              "basis", "sources"],
    "survey_response": ["survey", "population", "answered", "response_rate", "dropout_rate", "sources"],
    "supporter_gender": ["observed_on", "scope", "gender", "supporters", "stated_total", "basis", "source"],
    "recommendations": ["recommendation_id", "theme", "recommendation", "status", "status_date", "status_basis",
                        "indicator"],
}
BASIS_LEGEND = ("Grund: 'dokumenterad' står i källan; 'härledd' är räknad ur källorna enligt en regel som står i "
                "tjänsten; 'okänd' publiceras inte. Status: 'aktuell' gäller datumet eller är högst ett halvår "
                "gammal; 'senast känt' är äldre och visar senaste uppgift, inte läget i dag. Ett intervall som 7–8 "
                "är källans eget; 'minst' betyder att övre gränsen inte publiceras.")
CHARTS = {
    "placements_over_time": charts.placements_over_time,
    "supporters_per_unit": lambda frame: charts.supporters_per_unit(frame, int(frame["target"].iloc[0])),
    "funding_horizon": charts.funding_timeline,
    "survey_outcome_shares": charts.survey_shares,
    "supporter_gender": charts.gender_by_source,
}


@dataclass(frozen=True)
class Section:
    name: str
    label: str
    how_to_read: str
    table: pd.DataFrame          # display strings, Swedish headers
    chart_svg: str | None        # vector, for the PDF
    chart_alt: str               # the chart in words and numbers, its text alternative
    sources: list[str]
    omitted: int = 0             # rows beyond MAX_ROWS, left to the dashboard's downloads
    chart_note: str = ""         # why a chart is missing, where it could not be drawn


@dataclass(frozen=True)
class DecisionSummary:
    """Page one: what the nämnd must decide, by when, what each option costs, the risks and what is unknown."""
    question: str
    situation: str
    risks: list[str]
    unknowns: list[str]
    since: date | None = None    # the earlier pack's date; `changes` is what happened after it
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    as_of: date
    data_as_of: date
    created: str
    filters: str
    decision: DecisionSummary
    sections: list[Section]
    scenarios: pd.DataFrame | None
    recommendations: pd.DataFrame
    conflicts: pd.DataFrame
    gaps: pd.DataFrame
    sources: list[str]
    suppression_rule: str = field(default="")
    title: str = "PEER support – underlag till socialnämnden"


def build_brief(as_of: date | None = None, indicator_names=DEFAULT_INDICATORS, scenario_names=(),
                render_charts: bool = True, since: date | None = None, section_cache=None) -> Brief:
    """`section_cache(key, compute)` may return a section built before for the same key (the dashboard keeps them
    per data version, so a change of the chosen indicators redraws only the added section's chart)."""
    as_of = as_of_or_data(as_of)
    unknown = [n for n in indicator_names if n not in indicators.REGISTRY]
    if unknown:
        raise indicators.UnknownIndicator(f"Okänd indikator {', '.join(unknown)}. Giltiga: {', '.join(indicators.REGISTRY)}")
    source_table = indicators.run("sources").set_index("source_id")
    cached = section_cache or (lambda key, compute: compute())
    sections = [cached((name, as_of, render_charts),
                       lambda name=name: _section(name, as_of, source_table, render_charts))
                for name in indicator_names]
    recommendations = indicators.run("recommendations", as_of=as_of)
    open_ones = recommendations[recommendations["status"] != "genomförd"]
    all_sources = sorted({s for section in sections for s in section.sources})
    return Brief(
        as_of=as_of,
        data_as_of=data_as_of(),
        created=formatting.stockholm_now(),
        filters=f"Datum {as_of.isoformat()}; period {as_of.year}-01-01–{as_of.isoformat()}; alla områden",
        decision=decision_summary(as_of, since),
        sections=sections,
        scenarios=_scenarios(scenario_names),
        recommendations=_compact("recommendations", open_ones),
        conflicts=columns.display_frame(indicators.run("source_conflicts", as_of=as_of)[
            ["topic", "value_a", "source_a", "value_b", "source_b"]]),
        gaps=columns.display_frame(indicators.run("data_gaps")[["topic", "missing", "sources"]]),
        sources=all_sources,
        suppression_rule=(formatting.suppression_rule(suppression_threshold()) + " "
                          + formatting.legend() + "."),
    )


def decision_summary(as_of: date, since: date | None = None) -> DecisionSummary:
    """The same decision and situation as Översikt, the documented risks of one-year funding, and the gaps."""
    funding = decision.funding_decision(indicators.run("funding_summary", as_of=as_of).iloc[0], as_of)
    situation = decision.situation(indicators.run("headcount", as_of=as_of),
                                   indicators.run("supporters_per_unit", as_of=as_of), funding)
    until = funding.secured_until.isoformat() if funding.secured_until else as_of.isoformat()
    facts = indicators.run("decision_facts", as_of=as_of)
    risks = facts[facts["topic"].isin(["finansiering", "arbetsgivaransvar"])]
    gaps = indicators.run("data_gaps")
    return DecisionSummary(
        question=f"Ska socialnämnden finansiera peer support efter {until}, och i så fall hur länge och i vilken "
                 "omfattning?",
        situation=situation,
        risks=[f"{row.text} ({row.sources}, {row.refers_to})" for row in risks.itertuples()],
        unknowns=[f"{row.missing} ({row.sources})" for row in gaps.itertuples()
                  if row.topic in ("finansiering", "kostnader")],
        since=since,
        changes=tuple(changes_since(since, as_of)) if since else (),
    )


def _section(name: str, as_of: date, source_table: pd.DataFrame, render_charts: bool) -> Section:
    indicator = indicators.get(name)
    params = {"as_of": as_of} if "as_of" in indicator.param_names else {}
    frame = indicators.run(name, **params)
    chart = CHARTS.get(name) if render_charts and not frame.empty else None
    table = _compact(name, frame.head(MAX_ROWS))
    svg = _svg(chart(frame.head(MAX_ROWS))) if chart else None
    return Section(name, indicator.label, indicator.how_to_read, table, svg, _alt_text(indicator.label, table),
                   [citations.describe(i, source_table) for i in citations.source_ids(frame)],
                   max(0, len(frame) - MAX_ROWS), CHART_FAILED if svg == "" else "")


def _alt_text(label: str, table: pd.DataFrame) -> str:
    """The chart in words and numbers: each row's first three cells, as the table beside it has them."""
    rows = ["; ".join(f"{header} {value}" for header, value in zip(table.columns[:3], row))
            for row in table.itertuples(index=False)]
    return f"Diagram: {label}. " + " | ".join(rows[:12]) + (" …" if len(rows) > 12 else "")


def _compact(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The display table (suppression applied) cut to the columns that fit the page."""
    shown = columns.display_frame(frame)
    wanted = [c for c in COMPACT.get(name, list(frame.columns)) if c in frame.columns and c not in columns.HIDDEN]
    return shown[[columns.COLUMNS.get(c, columns.Column(c)).label for c in wanted]]


def _scenarios(names) -> pd.DataFrame | None:
    if not names:
        return None
    table = scenario_io.comparison_frame([userdata.load_scenario(n) for n in names])
    return table.map(formatting.cell)


CHART_FAILED = "Diagrammet kunde inte ritas; tabellen nedan har samma uppgifter."


def _svg(chart) -> str:
    """The chart as SVG, or '' where the renderer fails: every string of the spec is first made what a renderer
    can take (`text.visible`; a U+FFFE made vl-convert abort the process), and a failure is the section's note."""
    import vl_convert

    spec = _visible(chart.to_dict())
    spec["width"] = 460
    try:
        return vl_convert.vegalite_to_svg(spec)
    except Exception:   # a renderer has errors of many kinds; the pack is written with the table
        return ""


def _visible(spec):
    if isinstance(spec, str):
        return visible(spec)
    if isinstance(spec, dict):
        return {_visible(key): _visible(value) for key, value in spec.items()}
    if isinstance(spec, list):
        return [_visible(item) for item in spec]
    return spec


def brief_dates(brief: Brief) -> str:
    return (f"Siffror per {brief.as_of.isoformat()} · Data t.o.m. {brief.data_as_of.isoformat()} · "
            f"Skapad {brief.created}")


def brief_markdown(brief: Brief) -> str:
    summary = brief.decision
    lines = [f"# {brief.title}", "", brief_dates(brief), "", "## Beslutet", "", f"**{summary.question}**", "",
             summary.situation, ""]
    if brief.scenarios is not None:
        lines += ["### Scenarierna per år och för hela perioden", "", _markdown_table(brief.scenarios), ""]
    lines += ["### Dokumenterade risker med ettårig finansiering", "", *[f"- {risk}" for risk in summary.risks], "",
              "### Det som inte är känt om finansieringen", "", *[f"- {gap}" for gap in summary.unknowns], "",
              *([f"### Sedan förra underlaget ({summary.since.isoformat()})", "",
                 *[f"- {formatting.plain(change)}" for change in summary.changes or ["Inga ändringar i källorna."]], ""]
                if summary.since else []),
              f"Urval: {brief.filters}", "", BASIS_LEGEND, ""]
    for section in brief.sections:
        lines += [f"## {section.label}", "", f"*Så läser du:* {section.how_to_read}", "",
                  _markdown_table(section.table) if not section.table.empty else "Inga uppgifter.", "",
                  omitted_note(section), "",
                  "Källor: " + formatting.plain("; ".join(section.sources)) if section.sources else "", ""]
    lines += ["## Öppna rekommendationer", "", _markdown_table(brief.recommendations), "",
              "## Motstridiga uppgifter i källorna", "", _markdown_table(brief.conflicts), "",
              "## Okända uppgifter", "", _markdown_table(brief.gaps), "",
              "## Små tal", "", brief.suppression_rule, "",
              "## Källförteckning", ""] + [f"- {formatting.plain(s)}" for s in brief.sources]
    return "\n".join(lines) + "\n"


def omitted_note(section: Section) -> str:
    return (f"Tabellen visar de första {MAX_ROWS} raderna; {section.omitted} rader till finns i tjänsten och dess "
            "nedladdningar.") if section.omitted else ""


def _markdown_table(frame: pd.DataFrame) -> str:
    """Cells escaped: a unit or file name such as '![x](https://…)' stays text in the preview and the file."""
    cell = formatting.plain   # on one line: a bare CR broke the table
    header = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])
