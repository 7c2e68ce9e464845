"""Synthetic data: the generator's shape and determinism, and the banner on every page."""

import hashlib
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import synth
from dashboard.base import paths
from dashboard.store.build import ensure_database

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables() where table_name <> 'build_info' "
                                            "order by 1").fetchall()]
        return {t: hashlib.sha256(repr(con.execute(f'select * from "{t}" order by all').fetchall()).encode())
                .hexdigest() for t in tables}
    finally:
        con.close()


def test_small_scale_has_the_planned_shape_and_is_deterministic(tmp_path):
    first = synth.generate("small", tmp_path / "a.duckdb", seed=7, progress=lambda *a: None)
    synth.generate("small", tmp_path / "b.duckdb", seed=7, progress=lambda *a: None)
    synth.generate("small", tmp_path / "c.duckdb", seed=8, progress=lambda *a: None)
    plan = synth.SCALES["small"]
    assert (first["unit"], first["supporter"], first["placement"]) == (plan.units, plan.supporters, plan.placements)
    assert first["funding_agreement"] == plan.municipalities * synth.YEARS     # one per municipality and year
    assert _digest(tmp_path / "a.duckdb") == _digest(tmp_path / "b.duckdb")
    assert _digest(tmp_path / "a.duckdb") != _digest(tmp_path / "c.duckdb")


def test_generator_refuses_the_default_database():
    with pytest.raises(ValueError):
        synth.generate("small", paths.DATA_DIR / "peer_support.duckdb", seed=1)


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "syn.duckdb"
    synth.generate("small", path, seed=1, progress=lambda *a: None)
    return path


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "pages").glob("*.py")))
def test_every_page_shows_the_synthetic_banner(synthetic_db, monkeypatch, page):
    monkeypatch.setenv("PEER_DB", str(synthetic_db))
    app = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=60).run()
    assert not app.exception
    assert app.error and app.error[0].value.startswith("SYNTETISKA DATA")


def test_the_app_opens_a_synthetic_database_as_it_is(synthetic_db, monkeypatch):
    """Regression: the entrypoint's seed check rebuilt a synthetic database from the seeds, so
    `PEER_DB=synthetic.duckdb streamlit run …` showed the seed data and destroyed the generated file."""
    monkeypatch.setenv("PEER_DB", str(synthetic_db))
    before = _digest(synthetic_db)
    ensure_database()
    assert _digest(synthetic_db) == before
    st.cache_resource.clear()   # the entrypoint prepares the database once per process
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not app.exception
    assert app.error and app.error[0].value.startswith("SYNTETISKA DATA")
    assert _digest(synthetic_db) == before


def test_precomputed_survey_counts_match_the_answers(synthetic_db, monkeypatch):
    """The survey indicator reads counts precomputed when the data is generated (data/aggregates.sql);
    here they are counted again from the answers themselves."""
    from dashboard import indicators

    monkeypatch.setenv("PEER_DB", str(synthetic_db))
    monkeypatch.setenv("PEER_SUPPRESSION_THRESHOLD", "0")   # every count, to compare with the raw answers
    con = duckdb.connect(str(synthetic_db), read_only=True)
    try:
        answers = con.execute("select r.respondent_id, r.option_id, o.question_id from survey_response r "
                              "join survey_option o using (option_id)").df()
    finally:
        con.close()
    shares = indicators.run("survey_outcome_shares")
    counted = answers.groupby("option_id").size()
    respondents = answers.groupby("question_id")["respondent_id"].nunique()
    assert len(counted) == 16 and set(counted.index) <= set(shares["option_id"])   # 2 surveys × 2 questions × 4
    for row in shares.itertuples():
        assert row.selected == counted.get(row.option_id, 0)
        assert row.respondents == respondents[row.question_id]
