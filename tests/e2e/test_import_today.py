"""Issue 22, item 1, in a real browser: after an import stated today (the first real import the förvaltning makes),
every page opens, and says that "now" is today's date, set by that import.

The import is made with the command line (`python -m dashboard import … --as-of <today>`) against the server's own
databases before it starts, as an operator would; the server builds its database with the import on start."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from dashboard.base.formatting import stockholm_time
from tests.e2e.conftest import ROOT, dashboard_server
from tests.e2e.helpers import data_as_of, open_app
from tests.e2e.test_browser import PAGES
from tests.reliability.corpus import csv_bytes, row

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def imported_today_url(chromium_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("import_today")
    today = stockholm_time().date()
    placements = folder / "placeringar.csv"
    placements.write_bytes(csv_bytes("placements", [row(
        "placements", Startdatum=(today - timedelta(days=30)).isoformat(), Slutdatum="")]))
    env = {**os.environ, "PEER_DB": str(folder / "peer.duckdb"), "PEER_USER_DB": str(folder / "user.duckdb")}
    done = subprocess.run([sys.executable, "-m", "dashboard", "import", "placements", str(placements), "--as-of",
                           today.isoformat()], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with dashboard_server(folder) as url:
        yield url, today.isoformat()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_opens_after_an_import_stated_today(page, imported_today_url, path):
    url, today = imported_today_url
    open_app(page, url, path)   # fails on any exception box
    assert data_as_of(page) == today
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert f"Data t.o.m. {today}" in sidebar and "Datumet sätts av Import: placeringar.csv" in sidebar
