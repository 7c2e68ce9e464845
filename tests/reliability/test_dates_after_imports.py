"""Issue 22, item 1: an import stated today (or any date after the seeds' last date) moved "now" past the sidebar's
date bounds and took every page down. "Now" and every date bound now come from one query (`lookups/data_as_of`).

The seeds span 2016-01-01 (FA2016, PRIO money) to 2021-12-31 (FA2021's period, undecided); their "now" is
2020-06-11 (S000, the latest date a document gives for itself)."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import now
from dashboard.base.access import operator
from dashboard.base.formatting import stockholm_time
from dashboard.imports import run as importer
from tests.reliability.corpus import csv_bytes, row

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
TODAY = stockholm_time().date()
# A real import made today: a new placement from last month, stated per today.
TODAYS_FILE = csv_bytes("placements", [row("placements", Startdatum=(TODAY - timedelta(days=30)).isoformat(),
                                            Slutdatum="")])


def import_today(as_of: date = TODAY) -> int:
    return importer.apply(importer.preview("placements", "placeringar_idag.csv", TODAYS_FILE), operator(), as_of=as_of)


def entrypoint() -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["view"] = "table"
    return app.run()


def shown(text: str) -> str:
    """What Markdown reads as, its escapes (text from outside is shown inert) undone."""
    return re.sub(r"\\(.)", r"\1", text)


def sidebar_text(app: AppTest) -> str:
    return shown(" ".join(m.value for m in app.sidebar.markdown) + " " + " ".join(c.value for c in app.sidebar.caption))


def test_the_seeds_dates_come_from_one_row(fresh):
    dates = now.data_dates()
    assert (dates.as_of, dates.source_id, dates.first, dates.last) == (
        date(2020, 6, 11), "S000", date(2016, 1, 1), date(2021, 12, 31))
    assert not dates.from_import


def test_an_import_stated_today_moves_now_and_the_last_date_together(fresh):
    number = import_today()
    dates = now.data_dates()
    assert (dates.as_of, dates.last, dates.source_id) == (TODAY, TODAY, f"IMP{number:04d}")


def test_every_page_opens_after_an_import_stated_today(fresh):
    import_today()
    app = entrypoint()
    assert not app.exception, [e.value for e in app.exception]
    assert f"Data t.o.m. {TODAY.isoformat()}" in sidebar_text(app)
    assert "Datumet sätts av Import: placeringar_idag.csv (IMP0001), uppgifter per " + TODAY.isoformat() \
        in sidebar_text(app)
    for name in PAGES:
        app.switch_page(f"pages/{name}").run()
        assert not app.exception, (name, [e.value for e in app.exception])
        assert app.title, name


def test_a_follow_up_stated_2022_keeps_every_page_open(fresh):
    importer.follow_up("R2-4", "pågående", date(2022, 3, 1), "Två nya peer supportrar rekryteras.", operator())
    assert now.data_dates().last == date(2022, 3, 1)
    app = entrypoint()
    for name in PAGES:
        app.switch_page(f"pages/{name}").run()
        assert not app.exception, (name, [e.value for e in app.exception])


def test_a_session_keeps_working_when_an_undo_takes_its_date_away(fresh):
    number = import_today()
    app = entrypoint()
    app.date_input(key="shared__as_of").set_value(TODAY).run()
    importer.undo(number, operator())
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.date_input(key="shared__as_of").value == date(2021, 12, 31)   # the seeds' last date
    assert any("Läget per datum " + TODAY.isoformat() + " → 2021-12-31" in w.value for w in app.sidebar.warning)


def test_a_statement_dated_tomorrow_is_refused_and_changes_nothing(fresh, cli):
    path = fresh / "placeringar.csv"
    path.write_bytes(TODAYS_FILE)
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    result = cli("import", "placements", str(path), "--as-of", tomorrow)
    assert result.returncode == 2 and f"Datumet {tomorrow} ligger i framtiden" in result.stderr
    assert importer.log().empty
    with pytest.raises(now.DateOutOfRange):
        importer.follow_up("R2-4", "pågående", TODAY + timedelta(days=1), "", operator())
    assert cli("import", "placements", str(path), "--as-of", TODAY.isoformat()).returncode == 0


@pytest.mark.parametrize("args", [
    ("indicator", "headcount", "--as-of", "9999-12-31"),
    ("indicator", "headcount", "--as-of", "2015-12-31"),
    ("indicator", "placements_per_stadsdel", "--from", "1900-01-01"),
    ("scenario", "--as-of", "2099-01-01"),
    ("brief", "--out", "x.md", "--since", "9999-01-01"),
])
def test_a_date_outside_the_data_is_refused_in_swedish(fresh, cli, args):
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    assert "ligger utanför datans datum (2016-01-01–2021-12-31)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_date_outside_the_data_in_the_address_is_ignored_with_a_notice(fresh):
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params.update({"as_of": "9999-12-31", "view": "table"})
    app.run()
    assert not app.exception
    assert app.date_input(key="shared__as_of").value == date(2020, 6, 11)
    assert any("as_of=9999-12-31 (giltigt: 2016-01-01–2021-12-31)" in shown(w.value) for w in app.warning)
