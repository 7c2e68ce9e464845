"""The board pack as the nämnd's decision document (issue 24), at two dates with two saved scenarios, one of three
years: page one, the alternatives per calendar year, amounts never in full kronor, the survey labelled by whom it
asked, and the same facts in PDF, HTML, Word and Markdown. Every expected figure is worked out from the documents."""

import io
import re
from datetime import date
from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader

from dashboard import proposal
from dashboard.base import access
from dashboard.brief import pack as brief
from dashboard.brief.files import brief_file
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.store import userdata

OPERATOR = access.operator()
FULL_KRONOR = re.compile(r"(?<![\d-])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d-])")
# Today's programme, and three years with every unit at two and 3 % a year more: 000 gives 3,5 mnkr for seven
# employed (500 000 kr each). Five units are known: Aktivitetshuset with one (004's placement) and four published
# only as having at least one (001, 002), so at most five recruits at 5/52 of 500 000 kr (48 077 kr) and at most
# 12 funded. Year one 12 × 500 000 + 5 × 48 077 = 6 240 385 kr (6,2 mnkr), year two 6 000 000 × 1,03 = 6 180 000
# (6,2), year three 6 000 000 × 1,03² = 6 365 400 (6,4); the period 18 785 785 (18,8) against 3 × 3,5 = 10,5 mnkr:
# a deficit of at most 8,3 mnkr.
SCENARIOS = {"Som i dag": {}, "Två per enhet i tre år": {"staffing": "to_target", "agreement_years": "3",
                                                          "annual_increase": "0.03"}}
# date: (meeting, funding secured to, the agreement's source, decide by, the meeting's days before it, first year)
PACKS = {
    # 002 (2019-08-15) states the 2019 agreement, 1.5.1–646/2018, 3,5 mnkr; nothing later is known that day.
    date(2019, 8, 15): (date(2019, 9, 19), "2019-12-31", "(S002, 2019-08-15)", "2019-10-01", 12, 2020),
    # 000 (2020-06-11) states the 2020 agreement, 1.5.1–858/2019, 3,5 mnkr, to 2020-12-31; 2021 is not decided.
    date(2020, 6, 11): (date(2020, 9, 17), "2020-12-31", "(S000, 2020-06-11)", "2020-10-01", 14, 2021),
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory, seed_database):
    """Two scenarios saved as Scenarier saves them, in a user store of this module's own."""
    import os
    import shutil

    folder = tmp_path_factory.mktemp("pack")
    shutil.copyfile(seed_database, folder / "seed.duckdb")
    before = {key: os.environ.get(key) for key in ("PEER_DB", "PEER_USER_DB")}
    os.environ.update(PEER_DB=str(folder / "seed.duckdb"), PEER_USER_DB=str(folder / "user.duckdb"))
    baseline = scenario_baseline.load_baseline()
    for name, raw in SCENARIOS.items():
        inputs = scenario_reading.parse_inputs(raw, baseline)
        userdata.save_scenario(name, scenario.inputs_as_dict(inputs), scenario.evaluate(inputs, baseline), "v",
                               baseline.as_of, OPERATOR)
    yield folder
    for key, value in before.items():
        os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def texts(content: brief.Brief) -> dict[str, str]:
    """What a reader reads in each format, on one line: PDF by pypdf, HTML without its tags, Word's paragraphs and
    table cells, Markdown without its escapes."""
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(brief_file(content, ".pdf"))).pages)
    html = Text()
    html.feed(brief_file(content, ".html").decode("utf-8").split("<body>")[1])
    word = docx.Document(io.BytesIO(brief_file(content, ".docx")))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    markdown = re.sub(r"\\(.)", r"\1", brief_file(content, ".md").decode("utf-8"))
    found = {"pdf": pdf, "html": " ".join(html.parts), "docx": " ".join([p.text for p in word.paragraphs] + cells),
             "md": markdown}
    return {kind: " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()) for kind, text in found.items()}


@pytest.fixture(scope="module", params=list(PACKS), ids=str)
def pack(request, saved):
    as_of = request.param
    content = brief.build_brief(as_of, ("funding_horizon", "survey_response"), tuple(SCENARIOS),
                                meeting=PACKS[as_of][0])
    return as_of, content, texts(content)


def test_page_one_holds_the_cost_the_meeting_the_deadline_and_the_proposal(pack):
    as_of, content, found = pack
    meeting, until, cited, decide_by, days, _ = PACKS[as_of]
    pdf = PdfReader(io.BytesIO(brief_file(content, ".pdf")))
    first = " ".join(pdf.pages[0].extract_text().replace("\u00a0", " ").split())
    assert "Förvaltningens förslag: ej ifyllt" in first
    assert f"Säkrad t.o.m. {until}" in first
    assert "Kostnad i dag. 3,5 mnkr per år enligt" in first and cited in first
    assert f"Beslut behövs. Senast {decide_by}, för tre månaders framförhållning före {until}." in first
    assert "Antagande: tre månaders framförhållning." in first                 # the notice, marked
    assert f"sammanträde {meeting.isoformat()}, {days} dagar före {decide_by}." in first
    assert "Antagande: fyra veckors beredning" in first                         # the preparation, marked
    assert first.index("Förvaltningens förslag till beslut") < first.index("Sammanfattning")
    assert "Alternativ" not in first.split("Sammanfattning")[1].split(".")[0]   # the alternatives start on page two


def test_each_alternative_has_a_cost_per_calendar_year(pack):
    as_of, _, found = pack
    first = PACKS[as_of][5]
    text = found["html"]
    assert f"{first} 3,5 mnkr 3,5 mnkr Hela perioden {first} 3,5 mnkr 3,5 mnkr" in text   # one year: as today
    assert (f"{first} högst 6,2 mnkr 3,5 mnkr {first + 1} högst 6,2 mnkr 3,5 mnkr {first + 2} högst 6,4 mnkr 3,5 mnkr "
            f"Hela perioden {first}–{first + 2} högst 18,8 mnkr 10,5 mnkr") in text
    assert "Underskott högst 8,3 mnkr för hela perioden (3 år)" in text
    # today's units are published only as having at least one each (001, 002): none is known to have two
    assert "Vad det ger. 7 peer supportrar; ingen enhet är känd att nå målet två per enhet" in text


def test_no_amount_of_100_000_kr_or_more_is_written_in_full_kronor(pack):
    for kind, text in pack[2].items():
        large = [m.group(0) for m in FULL_KRONOR.finditer(text)
                 if int(re.sub(r"\D", "", m.group(0))) >= 100_000]
        assert not large, (kind, large)


def test_the_survey_of_personligt_ombud_is_labelled_as_such(pack):
    """004's survey (fieldwork to November 2019) asked users of personligt ombud; in August 2019 it was not done."""
    as_of, _, found = pack
    for kind, text in found.items():
        if as_of < date(2019, 12, 1):
            assert "Inga uppgifter för urvalet." in text and "personligt ombud, Södermalm" not in text, kind
        else:
            assert ("Svarsfrekvens och bortfall – enkät till brukare av personligt ombud, inte av peer support"
                    in text), kind


def test_the_same_facts_and_numbers_in_every_format(pack):
    as_of, _, found = pack
    meeting, until, cited, decide_by, days, first = PACKS[as_of]
    facts = ["Förvaltningens förslag: ej ifyllt", f"Säkrad t.o.m. {until}", "3,5 mnkr per år", cited,
             f"Senast {decide_by}", "Antagande:", f"{days} dagar före {decide_by}", "högst 18,8 mnkr",
             f"Hela perioden {first}–{first + 2}", "Alternativ 2: Två per enhet i tre år", "Konsekvenser och risker",
             "Minskade projektmedel tycks redan påverka tillgången av peer support", "Bakgrund",
             "Bilaga: indikatorer, källor och regler", "Källförteckning"]
    for kind, text in found.items():
        squeezed = "".join(text.split())   # the PDF wraps table cells
        assert not [fact for fact in facts if "".join(fact.split()) not in squeezed], kind


def test_a_written_proposal_is_shown_exactly_as_written_in_every_format(fresh):
    written = "1. Socialnämnden godkänner =SUMMA(A1:A9)\n<b>inte fet</b> [ingen länk](https://x.se)\n# ingen rubrik"
    proposal.save(written, OPERATOR)
    content = brief.build_brief(date(2020, 6, 11), ("funding_summary",), render_charts=False)
    html = brief_file(content, ".html").decode("utf-8")
    assert "<b>inte fet</b>" not in html and "&lt;b&gt;inte fet&lt;/b&gt;" in html and "href=" not in html
    for kind, text in texts(content).items():
        for line in written.split("\n"):
            assert line in text, (kind, line)
        assert "ej ifyllt" not in text and "version 1, sparad" in text, kind


@pytest.mark.parametrize("meeting, said", [
    ("2020-06-10", "sammanträdet 2020-06-10 ligger före underlagets datum 2020-06-11"),
    ("17/9 2020", "'17/9 2020' är inte ett datum ÅÅÅÅ-MM-DD"),
])
def test_a_meeting_before_the_data_or_not_a_date_is_refused(tmp_path, cli, meeting, said):
    result = cli("brief", "--out", str(tmp_path / "u.md"), "--meeting", meeting)
    assert result.returncode == 2 and said in result.stderr and not (tmp_path / "u.md").exists()


def test_a_scenario_that_is_not_saved_is_named(tmp_path, cli, fresh):
    result = cli("brief", "--out", str(tmp_path / "u.docx"), "--scenario", "Finns inte")
    assert result.returncode == 2 and "Inget sparat scenario heter 'Finns inte'." in result.stderr


@pytest.mark.parametrize("suffix", [".html", ".docx", ".md"])
def test_the_command_line_writes_each_format(tmp_path, cli, suffix):
    out = tmp_path / f"underlag{suffix}"
    result = cli("brief", "--out", str(out), "--as-of", "2019-08-15", "--meeting", "2019-09-19",
                 "--indicator", "funding_summary")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_a_pack_as_known_on_its_date_cites_nothing_a_later_document_says(saved):
    """A pack as it could have been written on 2019-08-15 (002's date): no 000 (2020), 004 (December 2019) or
    Sweco (May 2020), not the 2020 agreement's dnr, and it says which clock it reads."""
    from dashboard.brief.doc import plain_text

    content = brief.build_brief(date(2019, 8, 15), ("funding_horizon", "headcount"), render_charts=False,
                                known_on=date(2019, 8, 15))
    text = plain_text(content.document())
    assert not re.findall(r"\bS00[046]\b", text) and "858/2019" not in text
    assert "Som känt per 2019-08-15." in text and "Säkrad t.o.m. 2019-12-31" in text
