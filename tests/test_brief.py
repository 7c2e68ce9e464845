"""The nämnd brief built from the seed data and read back: figures, sources and dates match the indicators."""

import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from dashboard import indicators
from dashboard.base.access import operator
from dashboard.brief import pack as brief
from dashboard.brief.markdown import brief_markdown
from dashboard.brief.pdf import brief_pdf
from dashboard.cli.main import main as cli_main
from dashboard.store.build import build_database

OPERATOR = operator()   # the command line's actor: every right

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "brief"


@pytest.fixture(scope="module")
def seed_brief():
    return brief.build_brief()


@pytest.fixture(scope="module")
def pdf_bytes(seed_brief):
    data = brief_pdf(seed_brief)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "namndunderlag.pdf").write_bytes(data)
    return data


@pytest.fixture(scope="module")
def pdf_text(pdf_bytes):
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages]


def test_pdf_states_dates_and_page_numbers(pdf_text):
    assert "Siffror per 2020-06-11" in pdf_text[0] and "Data t.o.m. 2020-06-11" in pdf_text[0]
    for number, text in enumerate(pdf_text, start=1):
        assert f"Sida {number} av {len(pdf_text)}" in text


def structure(node, found: dict) -> dict:
    """Every structure element by its tag, with the figures' alternative texts."""
    node = node.get_object()
    tag = node.get("/S")
    if tag:
        found.setdefault(tag, []).append(node.get("/Alt"))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
            structure(kid, found)
    return found


def test_the_pdf_is_tagged_swedish_and_titled_with_text_alternatives(pdf_bytes, seed_brief):
    """PDF/UA-1 as WeasyPrint writes it: a structure tree, /Lang sv-SE, marked content, a title, a Figure with
    alternative text for every chart, and header cells in the tables."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE" and bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == "PEER support – underlag till socialnämnden"
    tags = structure(root["/StructTreeRoot"], {})
    charts = [section for section in seed_brief.sections if section.chart_svg]
    assert len(tags["/Figure"]) == len(charts) >= 3   # units, funding, gender
    assert all(alt and alt.startswith("Diagram: ") for alt in tags["/Figure"])
    assert len(tags["/TH"]) >= 10 and tags["/H1"] and tags["/H2"] and tags["/Table"]
    # bookmarks: the title, and under it a bookmark per section, the decision first
    title, sections = reader.outline[0], reader.outline[1]
    assert title.title == "PEER support – underlag till socialnämnden"
    assert [s.title for s in sections[:3]] == ["Förvaltningens förslag till beslut", "Sammanfattning", "Alternativ"]
    for page in reader.pages:   # every font embedded
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            descriptor = descriptor["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_the_pdf_reads_the_decision_first(pdf_text):
    first = " ".join(pdf_text[0].split())
    assert first.index("Förvaltningens förslag till beslut") < first.index("Sammanfattning") < first.index(
        "Ska socialnämnden finansiera peer support efter 2020-12-31")
    # 000: secured to 2020-12-31; three months' notice (an assumption): decide by 2020-10-01
    assert "Säkrad t.o.m. 2020-12-31" in first and "Senast 2020-10-01" in first
    assert "Konsekvenser och risker" not in first   # page one is the summary alone


def test_pdf_figures_match_the_documents(pdf_text):
    """Whole table rows read back from the PDF, each value worked out from the documents."""
    flat = " ".join(" ".join(pdf_text).replace("\u00a0", " ").split())
    # 000: the 2020 grant runs to 2020-12-31: 203 days from 2020-06-11 (19 + 31 + 31 + 30 + 31 + 30 + 31),
    # 203 / 30.4375 = 6,7 months; three of the four decided agreements (2018, 2019, 2020; not 2016–2017) are
    # one calendar year; nothing published decides 2021.
    assert "Källor 2020-12-31 203 6,7 75 % okänd S000, S001, S002" in flat
    # 004's survey asked users of personligt ombud, not of peer support: not in the pack unless chosen
    assert "Svarsfrekvens" not in flat
    # 000 and 002: the registry numbers of the two agreements with 3,5 mnkr each.
    assert "1.5.1–858/2019" in flat and "1.5.1–646/2018" in flat and "3,5 mnkr" in flat
    # 000 (June 2020): seven employed; units and districts are last known from June 2019 (001, 002).
    assert "Peer supportrar 7 7 aktuell 2020-06-11 juni 2020" in flat
    squeezed = "".join(flat.split())   # unit names wrap inside table cells
    for unit in ("Alfa", "Enhet i Farsta (namn ej publicerat)", "Enheten för Bostad först och försöks- och "
                 "träningslägenheter"):
        assert "".join(unit.split()) in squeezed


def test_pdf_footnotes_sources_with_date_and_dnr(pdf_text):
    text = " ".join(" ".join(pdf_text).split())
    assert "S001: Utvärdering år två" in text and "dnr 1.5.1–646/2018" in text
    assert "Källförteckning" in text and "Motstridiga uppgifter" in text and "Små tal" in text
    assert "S004: Analys av hur personligt ombud" in text   # every source known on the date, not only the tables


def test_markdown_has_every_chosen_section(seed_brief):
    markdown = brief_markdown(seed_brief)
    for name in brief.DEFAULT_INDICATORS:
        assert f"### {indicators.get(name).label}" in markdown
    assert "### Öppna rekommendationer" in markdown


def test_the_packs_selection_is_said_in_the_words_of_every_caption(seed_brief):
    """The pack reads the whole city, the year of its date up to the date (seed data: 2020-06-11, 000), as a block
    caption on a page says it; as known on a date, that clock too."""
    def selection(content) -> str:
        return next(block.text for block in content.document() if getattr(block, "text", "").startswith("Urval:"))

    assert selection(seed_brief).startswith("Urval: Område: alla; alla förvaltningstyper; alla enhetstyper; period "
                                            "2020-01-01–2020-06-11; datum 2020-06-11. Grund:")
    earlier = brief.build_brief(date(2020, 6, 11), known_on=date(2019, 12, 31))
    assert "datum 2020-06-11; som känt per 2019-12-31 (källor daterade t.o.m. den dagen). Grund:" in selection(earlier)


def test_a_chosen_survey_is_in_the_pack_with_its_response_rate():
    flat = " ".join(brief_markdown(brief.build_brief(indicator_names=("survey_response",),
                                                           render_charts=False)).split())
    # 004: 24 possible, 15 answered: 15/24 = 62,5 % rounds half-even to 62 %, drop-out 38 %.
    assert "| Enkät avseende personligt ombud, Södermalm 2019 | 24 | 15 | 62 % | 38 % |" in flat.replace("\u00a0", " ")


def test_brief_keeps_suppressed_cells_suppressed(tmp_path, seed_copy, monkeypatch):
    # Eleven respondents (R0–R10) answer question 3, several answers allowed: six name Försäkringskassan
    # (so five do not), three of them also Psykiatri, and R6–R10 another option.
    lines = ["survey_id,respondent_id,option_id,source_id"]
    lines += [f"PO2019,R{i},PO2019-Q3-7,S004" for i in range(6)]
    lines += [f"PO2019,R{i},PO2019-Q3-6,S004" for i in range(3)]
    lines += [f"PO2019,R{i},PO2019-Q3-9,S004" for i in range(6, 11)]
    (seed_copy / "survey_response.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "micro.duckdb"
    build_database(path, seed_copy)
    monkeypatch.setenv("PEER_DB", str(path))
    content = brief.build_brief(indicator_names=("survey_outcome_shares",), render_charts=False)
    table = content.sections[0].table
    micro = table[table["Grund"] == "svar på individnivå"]
    psychiatry = micro[micro["Svarsalternativ"] == "Psykiatri"].iloc[0]
    assert (psychiatry["Antal"], psychiatry["Andel"]) == ("..", "..")          # 3 < 5
    insurance = micro[micro["Svarsalternativ"] == "Försäkringskassan"].iloc[0]
    assert (insurance["Antal"], insurance["Svarande (N)"]) == ("6", "11")   # 6 and 11 − 6 = 5 are not below 5
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(brief_pdf(content))).pages)
    # selected, N, share and the interval suppressed; no published wording (–) for answers at respondent level
    assert "Psykiatri .. .. .. .. .. – svar på individnivå" in " ".join(text.split())


def test_first_two_pages_render_to_png(pdf_text):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    for old in ARTIFACTS.glob("sida-*.png"):
        old.unlink()
    result = subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2",
                             str(ARTIFACTS / "namndunderlag.pdf"), str(ARTIFACTS / "sida")], capture_output=True)
    assert result.returncode == 0
    assert len(list(ARTIFACTS.glob("sida-*.png"))) == 2


def test_cli_writes_pdf_and_markdown(tmp_path):
    """Through the module entry itself (one subprocess): `python -m dashboard brief`."""
    for name in ("underlag.pdf", "underlag.md"):
        out = tmp_path / name
        result = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--as-of", "2019-06-30", "--out", str(out),
                                 "--indicator", "supporters_per_unit"], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        if name.endswith(".pdf"):
            break
    assert cli_main(["brief", "--as-of", "2019-06-30", "--out", str(tmp_path / "underlag.md"),
                     "--indicator", "supporters_per_unit"]) == 0
    assert (tmp_path / "underlag.pdf").read_bytes().startswith(b"%PDF")
    markdown = (tmp_path / "underlag.md").read_text(encoding="utf-8")
    assert "Siffror per 2019-06-30" in markdown and "Aktivitetshuset" in markdown


def test_cli_rejects_unknown_indicator(tmp_path, cli):
    result = cli("brief", "--out", str(tmp_path / "x.pdf"), "--indicator", "nope")
    assert result.returncode == 2 and "placements_per_stadsdel" in result.stderr


def test_long_tables_are_cut_with_a_note(tmp_path, monkeypatch):
    from dashboard import indicators as registry
    from dashboard import synth

    path = tmp_path / "syn.duckdb"
    synth.generate("city", path, seed=2, progress=lambda *a: None)
    monkeypatch.setenv("PEER_DB", str(path))
    active = len(registry.run("supporters_per_unit", as_of=date(2019, 6, 30)))
    assert active > brief.MAX_ROWS
    content = brief.build_brief(date(2019, 6, 30), ("supporters_per_unit",), render_charts=False)
    section = content.sections[0]
    assert (len(section.table), section.omitted) == (brief.MAX_ROWS, active - brief.MAX_ROWS)
    assert f"de första {brief.MAX_ROWS} raderna; {active - brief.MAX_ROWS} rader till" in brief_markdown(content)


def test_since_the_last_pack_lists_what_changed(fresh):
    """From 2019-06-11 to 2020-06-11: 002 (August 2019), 004 (December 2019), Sweco (May 2020) and 000 (June 2020)
    are new; the 2020 agreement (dnr 1.5.1–858/2019) applies from 2020-01-01; an import stated for the data's
    date counts too."""
    from dashboard.imports import run as importer
    from tests.test_import import placements

    importer.apply(importer.preview("placements", "p.csv", placements()), OPERATOR)
    content = brief.build_brief(date(2020, 6, 11), ("funding_summary",), render_charts=False,
                                since=date(2019, 6, 11))
    changes = content.changes
    assert [c for c in changes if c.startswith("Nytt dokument")] == [
        "Nytt dokument: S002 PEER support i Stockholms stads socialpsykiatri – utvärdering år två och inriktning "
        "för arbetet 2020 (2019-08-15).",
        "Nytt dokument: S004 Analys av hur personligt ombud respektive Peer support fungerar ur ett "
        "brukarperspektiv (2019-12-01).",
        "Nytt dokument: S006 Slututvärdering av PEER support (2020-05-01).",
        "Nytt dokument: S000 Slututvärdering av PEER support och inriktning för arbetet hösten 2020 (2020-06-11)."]
    assert "Överenskommelsen 2020 (dnr 1.5.1–858/2019) gäller från 2020-01-01." in changes
    assert "Import 1: p.csv, 1 rader tillagda och 0 ändrade (uppgifter per 2020-06-11)." in changes
    markdown = brief_markdown(content)
    assert markdown.index("## Sedan förra underlaget \\(2019-06-11\\)") < markdown.index("## Bilaga")
