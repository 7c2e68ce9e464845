"""The nämnd's board pack: a document shaped like a tjänsteutlåtande to socialnämnden (000 and 002 are two),
built once as semantic blocks (`dashboard.brief.doc`) from the same indicator functions, suppression and formats as
the pages. HTML (and the PDF printed from it), Word and Markdown each walk `Brief.document()`.

Order, as the tjänsteutlåtanden have it: Förvaltningens förslag till beslut, Sammanfattning (page one), Alternativ,
Konsekvenser och risker, Bakgrund, Sedan förra underlaget, Bilaga.
"""

from dataclasses import dataclass
from datetime import date

from dashboard import citations, indicators, proposal
from dashboard.base import formatting
from dashboard.base.text import visible
from dashboard.brief.alternatives import alternatives_blocks
from dashboard.brief.appendix import MAX_ROWS, Section, appendix_blocks, section
from dashboard.brief.background import background_blocks
from dashboard.brief.changes import changes_blocks
from dashboard.brief.doc import Heading, PageBreak, Para
from dashboard.brief.facts import load_facts
from dashboard.brief.follow_up import follow_up_blocks
from dashboard.brief.risks import risks_blocks
from dashboard.brief.summary import proposal_blocks, summary_blocks
from dashboard.now import data_as_of
from dashboard.params import ParameterError, as_of_or_data
from dashboard.store import userdata
from dashboard.store.stores import StoreUnavailable

__all__ = ["MAX_ROWS", "DEFAULT_INDICATORS", "Brief", "build_brief", "brief_dates", "meeting_date"]

# What the documents say about the programme the nämnd funds. The only survey in them (004's) asked users of
# personligt ombud, not of peer support: it can be chosen, but it is not peer-support evidence by default.
DEFAULT_INDICATORS = ("headcount", "supporters_per_unit", "placements_per_stadsdel", "funding_summary", "funding_horizon",
                      "supporter_gender")
TITLE = "PEER support – underlag till socialnämnden"


@dataclass(frozen=True)
class Brief:
    as_of: date
    data_as_of: date
    created: str
    meeting: date | None
    blocks: tuple                # after the title and the dates line, in reading order
    sections: list[Section]      # the appendix's indicators, as built
    changes: tuple[str, ...] = ()
    known_on: date | None = None   # the facts as the sources dated by then stated them; None: all of them
    title: str = TITLE

    def document(self) -> list:
        """The whole document: the title, the dates line (stamped when the file is made) and the blocks."""
        return [Heading(self.title, 1), Para(brief_dates(self), kind="meta"), *self.blocks]


def build_brief(as_of: date | None = None, indicator_names=DEFAULT_INDICATORS, scenario_names=(),
                render_charts: bool = True, since: date | None = None, section_cache=None,
                meeting: date | None = None, known_on: date | None = None) -> Brief:
    """`section_cache(key, compute)` may return a section built before for the same key (the dashboard keeps them
    per data version, so a change of the chosen indicators redraws only the added section's chart)."""
    as_of = as_of_or_data(as_of)
    known_on = indicators.filtered_on(known_on) if known_on else None   # on or after the data's date: all of it
    unknown = [n for n in indicator_names if n not in indicators.REGISTRY]
    if unknown:
        raise indicators.UnknownIndicator(f"Okänd indikator {', '.join(unknown)}. Giltiga: {', '.join(indicators.REGISTRY)}")
    saved = [userdata.load_scenario(name) for name in scenario_names]   # a name not saved: UserDataError naming it
    facts = load_facts(as_of, known_on)
    source_table = facts.sources.set_index("source_id")
    cached = section_cache or (lambda key, compute: compute())
    sections = [cached((name, as_of, render_charts, known_on),
                       lambda name=name: section(name, as_of, source_table, render_charts, known_on))
                for name in indicator_names]
    created = formatting.stockholm_now()
    change_blocks, changes = changes_blocks(since, as_of) if since else ([], ())
    try:
        written = proposal_blocks(proposal.latest_or_unreachable())
    except StoreUnavailable as error:   # never 'ej ifyllt' when it cannot be read: the pack says so and goes on
        written = proposal_blocks(None, unreadable=error.what)
    blocks = (*written, *summary_blocks(facts, meeting, date.fromisoformat(created[:10])),
              PageBreak(), *alternatives_blocks(saved, facts.first_year, facts.funding.secured_until),
              *risks_blocks(facts), *follow_up_blocks(as_of, known_on), *background_blocks(facts), *change_blocks,
              PageBreak(), *appendix_blocks(sections, as_of, _known_sources(facts.sources, as_of), known_on))
    return Brief(as_of, data_as_of(), created, meeting, blocks, sections, tuple(changes), known_on=known_on)


def _known_sources(sources, as_of: date) -> list[str]:
    """Every source dated on or before the pack's date (or undated), as the source list describes it."""
    known = sources[sources["dated"].isna() | (sources["dated"].astype("datetime64[ns]") <= str(as_of))]
    table = sources.set_index("source_id")
    return [citations.describe(source_id, table) for source_id in known["source_id"]]


def brief_dates(brief: Brief) -> str:
    meeting = f" · Sammanträde {brief.meeting.isoformat()}" if brief.meeting else ""
    known = (f" · Som känt per {brief.known_on.isoformat()} (källor daterade t.o.m. den dagen)" if brief.known_on
             else "")
    return (f"Siffror per {brief.as_of.isoformat()}{known} · Data t.o.m. {brief.data_as_of.isoformat()}{meeting} · "
            f"Skapad {brief.created}")


def meeting_date(value, as_of: date) -> date:
    """The nämnd meeting a pack is for: a date, and not before the date its figures are for (a pack cannot be for a
    meeting that had already been held when its facts were stated)."""
    try:
        meeting = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    except ValueError:
        raise ParameterError(f"meeting: '{visible(str(value))}' är inte ett datum ÅÅÅÅ-MM-DD") from None
    if meeting < as_of:
        raise ParameterError(f"meeting: sammanträdet {meeting.isoformat()} ligger före underlagets datum "
                             f"{as_of.isoformat()}; välj ett sammanträde på eller efter {as_of.isoformat()}.")
    return meeting
