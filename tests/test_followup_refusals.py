"""Goal follow-up (issue 27): bad input and missing rights are refused in Swedish, with exit 2 on the command line,
and nothing is written (the store's tables are compared before and after)."""

import pytest

from dashboard.base import access, paths
from dashboard.followup import assessments, goals, reported
from dashboard.store import stores

READER = access.Actor("läsaren", access.Role.LASARE, "inloggad")
PLANNER = access.Actor("planeraren", access.Role.PLANERARE, "inloggad")
TABLES = ("user/goal_list", "user/target_list", "user/assessment_list", "user/report_list")


def stored() -> list:
    return [stores.current().run(name, {}).to_dict(orient="records") for name in TABLES]


@pytest.fixture
def one_goal(store, cli):
    assert cli("goal", "add", "--text", "Fler har peer support", "--indicator", "headcount",
               "--indicator", "funding_summary").returncode == 0
    assert cli("target", "set", "headcount", "--year", "2020", "--value", "8").returncode == 0
    return store


@pytest.mark.parametrize("args, words", [
    (["target", "set", "headcount", "--year", "2020", "--value", "åtta"], "'åtta' är inte ett tal"),
    (["target", "set", "headcount", "--year", "2020", "--value", "8", "--measure", "people"], "inget mått 'people'"),
    (["target", "set", "sources", "--year", "2020", "--value", "8"], "ger ingen enskild siffra"),
    (["report", "export", "--period", "2021-T4", "--format", "wide", "--out", "x.csv"], "'2021-T4' finns inte"),
    (["assess", "headcount", "--period", "2020-T1", "--bedomning", "bra", "--analys-file", "{analys}"],
     "'bra' finns inte"),
    (["assess", "headcount", "--period", "2020-T1", "--bedomning", "helt", "--analys-file", "{long}"],
     "100\u00a0000 tecken; det får vara högst 4\u00a0000"),
    (["report", "lock", "--period", "2020-T1"], "saknar bekräftad bedömning: Månader med säkrad finansiering"),
    (["goal", "add", "--text", "Mål", "--indicator", "headcount", "--decided-on", "28 jan"], "är inte ett datum"),
    # no årsmål for funding_summary: nothing to judge against, so only 'Ej bedömd'
    (["assess", "funding_summary", "--period", "2020-T1", "--bedomning", "helt", "--analys-file", "{analys}"],
     "inget årsmål i kraft"),
])
def test_bad_input_is_refused_with_exit_2_and_nothing_written(one_goal, cli, tmp_path, args, words):
    (tmp_path / "a.txt").write_text("En analys.", encoding="utf-8")
    (tmp_path / "long.txt").write_text("x" * 100_000, encoding="utf-8")
    before = stored()
    result = cli(*[a.format(analys=tmp_path / "a.txt", long=tmp_path / "long.txt") for a in args])
    assert result.returncode == 2
    assert words in result.stderr
    assert stored() == before


def test_a_reader_at_the_command_line_writes_nothing(one_goal, cli, tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[peer_roles]\noperators = ["någon-annan"]\n', encoding="utf-8")
    monkeypatch.setattr(paths, "SECRETS", secrets)
    (tmp_path / "a.txt").write_text("En analys.", encoding="utf-8")
    before = stored()
    for args in (["goal", "add", "--text", "Mål", "--indicator", "headcount"],
                 ["target", "set", "headcount", "--year", "2020", "--value", "8"],
                 ["assess", "headcount", "--period", "2020-T1", "--bedomning", "helt", "--analys-file",
                  str(tmp_path / "a.txt")],
                 ["report", "lock", "--period", "2020-T1"],
                 ["report", "unlock", "--period", "2020-T1", "--reason", "fel"]):
        result = cli(*args)
        assert (result.returncode, "kräver rollen" in result.stderr) == (2, True), args
    assert stored() == before


def test_a_planner_drafts_but_cannot_confirm_or_lock(one_goal):
    key = ("headcount", "supporters")
    assert assessments.save(key, "2020-T1", "delvis", "Utkast.", PLANNER, 0, confirm=False) == 1
    draft = assessments.latest()[(*key, "2020-T1")]
    assert (draft.confirmed, draft.shown) == (False, "◐ Uppfylls delvis (utkast)")
    for write in (lambda: assessments.save(key, "2020-T1", "helt", "Klart.", PLANNER, 1, confirm=True),
                  lambda: reported.lock("2020-T1", [], PLANNER, None),
                  lambda: goals.set_target("headcount", None, 2020, "8", PLANNER),
                  lambda: goals.add_goal("Mål", ["headcount"], PLANNER)):
        with pytest.raises(access.PermissionDenied):
            write()
    for write in (lambda: assessments.save(key, "2020-T1", "delvis", "Utkast 2.", READER, 1, confirm=False),
                  lambda: reported.unlock("2020-T1", READER, "skäl")):
        with pytest.raises(access.PermissionDenied):
            write()
    assert assessments.latest()[(*key, "2020-T1")].version == 1
