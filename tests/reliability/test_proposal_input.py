"""Issue 24, 'Bad input': a proposal for a decision with markup, HTML, formulas, 100 000 characters, bidi or NUL
characters. Each is either stored exactly as written and shown as the text it is (never as a heading, link, image,
icon, formula or tag), or refused with a Swedish reason that names the limit or the character; either way nothing
else in the user store or the seed database changes. On the page, the field itself stops at the limit it states."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import proposal
from dashboard.base import access, paths
from dashboard.store import userdata
from dashboard.store.userdata import UserDataError

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
OPERATOR = access.operator()
SUBMIT = "FormSubmitter:namndunderlag__proposal-Spara förslaget"

STORED = {
    "markdown": "# Rubrik\n**fet** _kursiv_ [länk](https://evil.example) ![bild](x.png)\n> citat\n| a | b |",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)>\n<a href='javascript:alert(3)'>x</a>",
    "formulas": "=SUMMA(A1:A9)\n+46 8 508 000 00\n-1+1\n@SUM(1)\n=HYPERLINK(\"http://x\";\"klicka\")",
    "entities": "&lt;b&gt; &amp; &#60;",
    "streamlit": ":material/warning: :red[röd] $x^2$ www.example.org anna@example.org",
    "setext": "Rubrik?\n===\nRubrik?\n---",
    "code": "a\n\n    fyra blanksteg\n```\nkod\n```",
    "rtl letters": "مرحبا שלום att godkänna",
    "at the limit": "åäö" * 1_666 + "xy",   # 5 000 characters
    "crlf": "att godkänna\r\natt uppdra",
}
REFUSED = {
    "100 000": ("x" * 100_000, "Förslaget är 100\u00a0000 tecken; det får vara högst 5\u00a0000 tecken."),
    "5 001": ("ä" * 5_001, "Förslaget är 5\u00a0001 tecken; det får vara högst 5\u00a0000 tecken."),
    "bidi override": ("att godkänna \u202eflesta", "tecknet U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på "
                                                  "plats 14"),
    "bidi isolate": ("a\u2066b", "tecknet U+2066 (LEFT-TO-RIGHT ISOLATE, styr textriktning) på plats 2"),
    "NUL": ("att\x00godkänna", "tecknet U+0000 (styrtecken) på plats 4"),
    "zero width": ("att\u200bgodkänna", "tecknet U+200B (ZERO WIDTH SPACE, osynligt formateringstecken) på plats 4"),
    "byte order mark": ("att\ufeffgodkänna", "tecknet U+FEFF (ZERO WIDTH NO-BREAK SPACE, osynligt "
                                             "formateringstecken) på plats 4"),
    "noncharacter": ("att\uffff", "tecknet U+FFFF (icke-tecken som aldrig får förekomma i text) på plats 4"),
    "surrogate": ("att\ud800", "tecknet U+D800 (halvt surrogatpar, ogiltigt) på plats 4"),
    "private use": ("att\ue000", "tecknet U+E000 (tecken för privat bruk, utan bestämd betydelse) på plats 4"),
    "tab": ("att\tgodkänna", "tecknet U+0009 (tabb) på plats 4"),
    "only spaces": (" \n \r\n ", "Skriv förslaget innan du sparar."),
}


def everything() -> tuple:
    """What the stores hold: saved scenarios, the import log, the proposals, the seed database's bytes."""
    return (userdata.list_scenarios(), userdata.import_log(), proposal.history(), paths.database_path().read_bytes())


def unchanged_but_proposals(before: tuple, after: tuple) -> bool:
    return before[0].equals(after[0]) and before[1].equals(after[1]) and before[3] == after[3]


def read_as_shown(markdown: str) -> str:
    """What a reader sees of `markdown` as plain text: escapes undone, hard breaks and no-break indents as typed."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown.replace("  \n", "\n"))
    return re.sub(r"^\u00a0+", lambda m: " " * len(m.group()), text, flags=re.M)


@pytest.fixture
def filled(fresh):
    """A store with one proposal and one scenario already in it, so that 'nothing else changed' means something."""
    userdata.save_scenario("Kvar", {"budget_sek": 1}, {}, "v", "2020-06-11", OPERATOR)
    proposal.save("Förra förslaget", OPERATOR)
    return fresh


@pytest.mark.parametrize("text", STORED.values(), ids=STORED.keys())
def test_stored_exactly_as_written_and_shown_as_text(filled, text):
    before = everything()
    saved = proposal.save(text, OPERATOR)
    after = everything()
    assert saved.text == text.replace("\r\n", "\n") and after[2] == [saved, *before[2]]
    assert unchanged_but_proposals(before, after)
    shown = proposal.as_markdown(saved.text)
    assert read_as_shown(shown) == saved.text
    # every character Markdown or Streamlit gives a meaning to is escaped, and '=' or '-' that starts a line
    unescaped = shown.replace("\\\\", "")
    assert not re.search(r"(?<!\\)[<>\[\]()*_`#|$:&]", unescaped), shown
    assert not re.search(r"^\u00a0*[=-]", unescaped, flags=re.M), shown


@pytest.mark.parametrize("text, reason", REFUSED.values(), ids=REFUSED.keys())
def test_refused_in_swedish_with_nothing_written(filled, text, reason):
    before = everything()
    with pytest.raises(UserDataError) as refused:
        proposal.save(text, OPERATOR)
    assert reason in str(refused.value) and str(refused.value).endswith("Ingenting har sparats.")
    after = everything()
    assert unchanged_but_proposals(before, after) and after[2] == before[2]


def test_the_page_shows_markup_as_text_and_keeps_100_000_characters_to_its_limit(filled):
    """The field holds at most 5 000 characters (the browser's maxlength, and Streamlit cuts a longer value it is
    sent to the same): a pasted 100 000 is cut at the limit the form states, never stored whole."""
    hostile = STORED["markdown"] + "\n" + STORED["html"]
    proposal.save(hostile, OPERATOR)
    page = AppTest.from_file(str(ROOT / "pages" / "namndunderlag.py"), default_timeout=60).run()   # local mode
    assert not page.exception
    assert proposal.as_markdown(hostile) in [m.value for m in page.markdown]
    assert any(c.value.startswith("Text efter 5\u00a0000 tecken kommer inte med") for c in page.caption)
    before = everything()
    page.text_area(key="namndunderlag__proposal_text")._value = "x" * 100_000   # sent by hand, past maxlength
    page.button(key=SUBMIT).click().run()
    assert [s.value for s in page.success] == ["Förslaget sparades som version 3\\."]
    after = everything()
    assert after[2][0].text == "x" * 5_000 and after[2][1:] == before[2] and unchanged_but_proposals(before, after)
