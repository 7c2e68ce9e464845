"""Bilaga: the chosen indicators' tables and charts as the pages show them, then the open follow-up, the
conflicts between sources, what is unknown, the small-numbers rule and the list of sources (no Streamlit).

Print rules: amounts in mnkr or tkr as in the rest of the pack, "avslutad" instead of negative days left, a survey
under a heading that says whose users it asked."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import citations, columns, indicators, staff
from dashboard.base import formatting
from dashboard.base.settings import staff_threshold, suppression_threshold
from dashboard.base.text import visible
from dashboard.brief.doc import Figure, Heading, Items, Para, Table
from dashboard.brief.wording import amount
from dashboard.charts.counts import placements_over_time
from dashboard.charts.funding import funding_timeline
from dashboard.charts.surveys import gender_by_source, survey_shares
from dashboard.charts.units import supporters_per_unit
from dashboard.filters import ViewFilters, describe_binding

MAX_ROWS = 40
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
DAYS_LEFT = ("days_left", "secured_days_left")   # negative: the period has ended
ENDED = "avslutad"
BASIS_LEGEND = ("Grund: 'dokumenterad' står i källan; 'härledd' är räknad ur källorna enligt en regel som står i "
                "tjänsten; 'okänd' publiceras inte. Status " + formatting.current_rule() + ". Ett intervall som 7–8 "
                "är källans eget; 'minst' betyder att övre gränsen inte publiceras. Belopp i mnkr med en decimal, "
                "'avslutad' där en period redan har slutat.")
CHARTS = {
    "placements_over_time": placements_over_time,
    "supporters_per_unit": lambda frame: supporters_per_unit(frame, int(frame["target"].iloc[0])),
    "funding_horizon": funding_timeline,
    "survey_outcome_shares": survey_shares,
    "supporter_gender": gender_by_source,
}
CHART_FAILED = "Diagrammet kunde inte ritas; tabellen nedan har samma uppgifter."


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
    about: str = ""              # whom a survey asked, where it is not peer support's users


def section(name: str, as_of: date, source_table: pd.DataFrame, render_charts: bool,
            known_on: date | None = None) -> Section:
    indicator = indicators.get(name)
    params = {"as_of": as_of} if "as_of" in indicator.param_names else {}
    frame = indicators.run(name, **params, **({"known_on": known_on} if known_on else {}))
    chart = CHARTS.get(name) if render_charts and not frame.empty else None
    table = compact(name, frame.head(MAX_ROWS))
    svg = _svg(chart(frame.head(MAX_ROWS))) if chart else None
    return Section(name, indicator.label, indicator.how_to_read, table, svg, _alt_text(indicator.label, table),
                   [citations.describe(i, source_table) for i in citations.source_ids(frame)],
                   max(0, len(frame) - MAX_ROWS), CHART_FAILED if svg == "" else "", _survey_scope(frame))


def compact(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The display table (suppression applied) cut to the columns that fit the page, amounts as the pack writes
    them and ended periods as ended."""
    shown = columns.display_frame(frame)
    wanted = [c for c in COMPACT.get(name, list(frame.columns)) if c in frame.columns and c not in columns.HIDDEN]
    label = {c: columns.COLUMNS.get(c, columns.Column(c)).label for c in wanted}
    for c in wanted:
        if c.endswith("_sek"):
            shown[label[c]] = frame[c].map(amount).to_numpy()
        elif c in DAYS_LEFT:
            shown[label[c]] = [ENDED if not formatting.is_missing(v) and v < 0 else cell
                               for v, cell in zip(frame[c], shown[label[c]])]
    return shown[[label[c] for c in wanted]]


def _survey_scope(frame: pd.DataFrame) -> str:
    """'personligt ombud' where every survey in the frame asked users of something other than peer support."""
    if "survey_id" not in frame or frame.empty:
        return ""
    scopes = indicators.run("survey_response").set_index("survey_id")["scope"]
    found = {scopes.get(survey) for survey in frame["survey_id"].unique()}
    return found.pop() if len(found) == 1 and None not in found and "peer support" not in found else ""


def _alt_text(label: str, table: pd.DataFrame) -> str:
    """The chart in words and numbers: each row's first three cells, as the table beside it has them."""
    rows = ["; ".join(f"{header} {value}" for header, value in zip(table.columns[:3], row))
            for row in table.itertuples(index=False)]
    return f"Diagram: {label}. " + " | ".join(rows[:12]) + (" …" if len(rows) > 12 else "")


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
    if isinstance(spec, str):   # line breaks are the labels' own (`lineBreak`): kept, every other line kept whole
        return "\n".join(visible(line) for line in spec.split("\n"))
    if isinstance(spec, dict):
        return {_visible(key): _visible(value) for key, value in spec.items()}
    if isinstance(spec, list):
        return [_visible(item) for item in spec]
    return spec


def omitted_note(item: Section) -> str:
    return (f"Tabellen visar de första {MAX_ROWS} raderna; {item.omitted} rader till finns i tjänsten och dess "
            "nedladdningar.") if item.omitted else ""


def section_blocks(item: Section) -> list:
    heading = (f"{item.label} – enkät till brukare av {item.about}, inte av peer support" if item.about
               else item.label)
    blocks = [Heading(heading, 3), Para(item.how_to_read, "Så läser du:", kind="note")]
    if item.chart_svg:
        blocks.append(Figure(item.chart_svg, item.chart_alt, f"{item.label}; samma uppgifter står i tabellen nedan."))
    elif item.chart_note:
        blocks.append(Para(item.chart_note, kind="note"))
    blocks.append(Table(item.table) if not item.table.empty else Para("Inga uppgifter för urvalet."))
    if item.omitted:
        blocks.append(Para(omitted_note(item), kind="note"))
    if item.sources:
        blocks.append(Para("; ".join(item.sources), "Källor:", kind="note"))
    return blocks


def selection(as_of: date, known_on: date | None) -> str:
    """What the pack's figures are read with, in the words of every block caption and page header
    (`filters.describe_binding`): the whole city, the date's year up to the date, and the clock."""
    return describe_binding(ViewFilters.of(as_of, known_on=known_on).values)


def appendix_blocks(sections: list[Section], as_of: date, listed: list[str], known_on: date | None = None) -> list:
    """`listed`: every source the pack may cite, as the source list describes it."""
    clock = {"known_on": known_on} if known_on else {}
    recommendations = indicators.run("recommendations", as_of=as_of, **clock)
    open_ones = recommendations[recommendations["status"] != "genomförd"]
    conflicts = columns.display_frame(indicators.run("source_conflicts", as_of=as_of, **clock)[
        ["topic", "value_a", "source_a", "value_b", "source_b"]])
    gaps = columns.display_frame(indicators.run("data_gaps", **clock)[["topic", "missing", "sources"]])
    return [
        Heading("Bilaga: indikatorer, källor och regler", 2),
        Para(f"Urval: {selection(as_of, known_on)}. " + BASIS_LEGEND, kind="note"),
        *[block for item in sections for block in section_blocks(item)],
        Heading("Öppna rekommendationer och uppföljning", 3), Table(compact("recommendations", open_ones)),
        Heading("Motstridiga uppgifter i källorna", 3),
        Table(conflicts) if not conflicts.empty else Para("Inga per datumet."),
        Heading("Okända uppgifter", 3), Table(gaps),
        Heading("Små tal och teckenförklaring", 3),
        Para(formatting.suppression_rule(suppression_threshold()) + " " + formatting.legend() + "."),
        Para(staff.rule_text(staff_threshold()) + " Underlaget är allmän handling och följer regeln, vem som än "
             "skapar det."),
        Heading("Källförteckning", 3), Items(tuple(listed)) if listed else Para("–"),
    ]
