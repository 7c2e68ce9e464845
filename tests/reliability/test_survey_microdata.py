"""Issue 22, item 3: the `survey_responses` template imported unchanged (one answer) made Enkäter and Nämndunderlag
fail and `brief` exit 3: the survey chart took its labels from the unfiltered frame and gave them to the rows
that have a share."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import indicators
from dashboard.base.access import operator
from dashboard.charts.surveys import survey_shares
from dashboard.imports import run as importer

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
# 004's published shares (N = 15): gender 2 (80 %, 20 %), question 1: 1, question 2: 2, question 3: 3,
# question 4: 1 (SIP, about half), question 6: 2.
PUBLISHED_SHARES = 11


@pytest.fixture(params=["xlsx", "csv"])
def one_answer(fresh, request):
    template = importer.template("survey_responses", request.param)
    importer.apply(importer.preview("survey_responses", f"mall.{request.param}", template), operator())
    return fresh


def test_the_chart_draws_the_published_shares_and_no_suppressed_one(one_answer):
    frame = indicators.run("survey_outcome_shares")
    assert (frame["basis"] == "microdata").any()   # the imported answer is there, its share suppressed (1 < 5)
    rows = survey_shares(frame).to_dict()["datasets"]
    drawn = next(iter(rows.values()))
    assert len(drawn) == PUBLISHED_SHARES
    assert {row["grund"] for row in drawn} == {"publicerad"}


@pytest.mark.parametrize("name", ["enkater.py", "namndunderlag.py"])
def test_the_pages_open(one_answer, name):
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=120).run()
    assert not app.exception, [e.value for e in app.exception]


def test_the_board_pack_is_written(one_answer, cli):
    result = cli("brief", "--out", str(one_answer / "underlag.md"))
    assert result.returncode == 0, result.stderr
