"""Förvaltningens förslag till beslut (issue 24, item 2): what may be saved, how it is shown, that it outlives a
restart and a rebuild from changed seeds, Nämndunderlag's form for a förvaltare and a läsare; and `scenario --save`
on the command line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import proposal
from dashboard.base import access
from dashboard.scenario import baseline as scenario_baseline
from dashboard.scenario import model as scenario
from dashboard.scenario import reading as scenario_reading
from dashboard.store import userdata
from dashboard.store.build import build_database
from dashboard.store.userdata import UserDataError
from tests.test_roles import app

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/namndunderlag.py"
SUBMIT = "FormSubmitter:namndunderlag__proposal-Spara förslaget"
OPERATOR = access.operator()


# --- what may be saved: text as `normalised` leaves it, and the Swedish reason it may not ------------------------

@pytest.mark.parametrize("text, refused", [
    ("att godkänna förslaget", None),
    ("att godkänna\natt uppdra åt förvaltningen", None),             # line breaks are a proposal's att-satser
    ("=SUMMA(A1:A9)", None),                                          # a formula is text
    ("<b>fet</b> [länk](https://x.se) # rubrik", None),               # so is markup
    ("x" * 5_000, None),                                              # the limit itself
    ("", "Skriv förslaget innan du sparar."),
    ("x" * 5_001, "Förslaget är 5\u00a0001 tecken; det får vara högst 5\u00a0000 tecken."),
    ("x" * 100_000, "Förslaget är 100\u00a0000 tecken; det får vara högst 5\u00a0000 tecken."),
    ("ab\tc", "tecknet U+0009 (tabb) på plats 3"),
    ("a\nb\u202ec", "tecknet U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på plats 4"),   # after a line break
    ("a\x00", "tecknet U+0000 (styrtecken) på plats 2"),
    ("a\u200bb", "tecknet U+200B (ZERO WIDTH SPACE, osynligt formateringstecken) på plats 2"),
    ("a\ufffeb", "tecknet U+FFFE (icke-tecken som aldrig får förekomma i text) på plats 2"),
    ("a\u2028b", "tecknet U+2028 (LINE SEPARATOR, radbrytning) på plats 2"),
])
def test_what_may_be_saved(text, refused):
    found = proposal.problem(text)
    assert found == refused if refused is None else refused in found


@pytest.mark.parametrize("typed, kept", [
    ("  att godkänna \r\n\r\natt uppdra\r", "att godkänna \n\natt uppdra"),   # CRLF and CR as \n, the ends trimmed
    ("\n\n  \n", ""),
    ("  indraget\nrad", "indraget\nrad"),
])
def test_line_breaks_are_kept_and_only_the_ends_trimmed(typed, kept):
    assert proposal.normalised(typed) == kept


@pytest.mark.parametrize("text, markdown", [
    ("att godkänna", "att godkänna"),
    ("rad ett\nrad två", "rad ett  \nrad två"),                               # a hard line break
    ("stycke ett\n\n\n  \nstycke två", "stycke ett\n\nstycke två"),         # blank lines: one new paragraph
    ("# inte rubrik", "\\# inte rubrik"),
    ("- inte lista\n1. inte heller", "\\- inte lista  \n1\\. inte heller"),
    ("[länk](https://x.se)", "\\[länk\\]\\(https\\://x\\.se\\)"),
    ("<script>x</script>", "\\<script\\>x\\</script\\>"),
    ("&amp; och &lt;", "\\&amp; och \\&lt;"),                              # an entity stays as typed
    ("rubrik?\n===", "rubrik?  \n\\==="),                                   # not a setext heading
    ("=SUMMA(A1)", "\\=SUMMA\\(A1\\)"),
    ("a\n    indraget", "a  \n\u00a0\u00a0\u00a0\u00a0indraget"),            # not a code block
])
def test_shown_in_markdown_as_written(text, markdown):
    assert proposal.as_markdown(text) == markdown


def test_the_same_text_again_is_not_a_new_version(fresh):
    proposal.save("att godkänna", OPERATOR)
    with pytest.raises(UserDataError, match="detsamma som den senaste versionen \\(version 1\\)"):
        proposal.save("  att godkänna\r\n", OPERATOR)
    assert [p.version for p in proposal.history()] == [1]


# --- it lives in the user store: a restart and a rebuild from changed seeds leave it as it was ------------------

def test_a_proposal_survives_a_restart_and_a_rebuild_from_changed_seeds(store, seed_copy, monkeypatch):
    proposal.save("att godkänna förvaltningens förslag", OPERATOR)
    area = seed_copy / "area.csv"
    area.write_text(area.read_text(encoding="utf-8").replace("farsta,Farsta,", "farsta,Farsta stadsdel,"),
                    encoding="utf-8")
    monkeypatch.setenv("PEER_SEED_DIR", str(seed_copy))
    build_database()
    read = ("from dashboard import proposal; from dashboard.store import db; p = proposal.latest_or_unreachable(); "
            "print(p.version, p.who, p.text, sep='|'); "
            "print(db.query(\"select name from area where area_id = 'farsta'\")['name'][0])")
    restarted = subprocess.run([sys.executable, "-c", read], capture_output=True, text=True, cwd=ROOT,
                               env={**os.environ}, timeout=120, check=True).stdout.splitlines()
    assert restarted[0] == f"1|{OPERATOR.name}|att godkänna förvaltningens förslag"
    assert restarted[1] == "Farsta stadsdel"   # the rebuild did read the changed seeds


# --- Nämndunderlag's form ---------------------------------------------------------------------------------------

def test_a_forvaltare_writes_versions_and_a_lasare_reads_the_latest(store):
    forvaltare = app(PAGE, "forvaltare@stad.se")
    assert not forvaltare.exception
    assert "Förvaltningens förslag: ej ifyllt" in [m.value for m in forvaltare.markdown]
    for text in ("att godkänna\n**inte fet**", "att godkänna förslaget\natt uppdra åt förvaltningen"):
        forvaltare.text_area(key="namndunderlag__proposal_text").set_value(text)
        forvaltare.button(key=SUBMIT).click().run()
        assert not forvaltare.error, [e.value for e in forvaltare.error]
    assert [s.value for s in forvaltare.success] == ["Förslaget sparades som version 2\\."]
    assert [(p.version, p.who) for p in proposal.history()] == [
        (2, "forvaltare@stad.se (sub sub-forvaltare@stad.se)"), (1, "forvaltare@stad.se (sub sub-forvaltare@stad.se)")]
    earlier = [e for e in forvaltare.expander if e.label == "Tidigare versioner (1)"]
    assert len(earlier) == 1 and "att godkänna  \n\\*\\*inte fet\\*\\*" in [m.value for m in earlier[0].markdown]

    lasare = app(PAGE, "lasare@stad.se")
    assert not lasare.exception and not lasare.get("text_area")
    assert "att godkänna förslaget  \natt uppdra åt förvaltningen" in [m.value for m in lasare.markdown]
    captions = [c.value for c in lasare.caption]
    # who as a reader knows them (the provider's id left out), when to the minute
    assert any(c.startswith("Version 2 \\(den senaste\\), sparad ") and c.endswith("Sparad av\\: forvaltare\\@stad\\.se\\.")
               for c in captions), captions
    assert "Att skriva förslaget kräver rollen förvaltare; du ser det som det är sparat." in captions


# --- scenario --save ----------------------------------------------------------------------------------------------

def test_scenario_save_stores_what_the_page_would(fresh, cli):
    result = cli("scenario", "--param", "staffing=to_target", "--save", " Två per enhet ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith(f"Sparat som scenariot 'Två per enhet' av {OPERATOR.name}; det finns på "
                                           "sidan Scenarier och kan väljas till nämndunderlaget.")
    saved = userdata.load_scenario("Två per enhet")
    baseline = scenario_baseline.load_baseline()
    inputs = scenario_reading.parse_inputs({"staffing": "to_target"}, baseline)
    assert saved["inputs"] == scenario.inputs_as_dict(inputs) and saved["inputs"]["staffing"] == "to_target"
    # five units known (four published only as having at least one, Aktivitetshuset with one), brought to two:
    # seven today and at most five more
    assert saved["outputs"]["supporters_funded"] == 12 and "supporters_funded" in saved["outputs"]["bounded"]
    assert (saved["created_by"], str(saved["data_as_of"])[:10]) == (OPERATOR.name, "2020-06-11")


def test_scenario_save_as_json_names_what_was_saved(fresh, cli):
    result = cli("scenario", "--param", "agreement_years=3", "--format", "json", "--save", "Tre år")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["saved"] == {"name": "Tre år", "created_by": OPERATOR.name}
    assert userdata.load_scenario("Tre år")["inputs"]["agreement_years"] == 3


@pytest.mark.parametrize("args, message", [
    (["--save", "Finns redan"], "Fel: Det finns redan ett scenario som heter 'Finns redan'. Välj ett annat namn."),
    (["--param", "staffing=alla", "--save", "Nytt"], "Fel: "),
    (["--param", "okänd=1", "--save", "Nytt"], "Fel: Okänd parameter okänd."),
    (["--save", "  "], "Fel: Ge scenariot ett namn."),
    (["--save", "a\u202eb"], "Fel: Namnet innehåller tecknet U+202E (RIGHT-TO-LEFT OVERRIDE, styr textriktning) på "
                             "plats 2"),
], ids=["taken", "bad-value", "unknown-param", "no-name", "bidi-name"])
def test_scenario_save_refused_is_wrong_usage_and_saves_nothing(fresh, cli, args, message):
    userdata.save_scenario("Finns redan", {"budget_sek": 1}, {}, "v", "2020-06-11", OPERATOR)
    before = userdata.list_scenarios()
    result = cli("scenario", *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(message), result.stderr
    assert userdata.list_scenarios().equals(before)
