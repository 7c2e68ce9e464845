"""Careless commands cannot lose what users added: `synth` and `brief --out` refuse the user store, symbolic
links and folders, and a write that fails half way leaves the old file whole."""

import hashlib

import pytest

from dashboard import outputs
from dashboard.base.access import operator
from dashboard.store import userdata

OPERATOR = operator()   # the command line's actor: every right

pytestmark = pytest.mark.reliability


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_synth_refuses_the_user_store_and_leaves_it_whole(fresh, cli):
    userdata.save_scenario("Behålls", {}, {}, "v", "2020-06-11", OPERATOR)
    store = fresh / "user.duckdb"
    before = digest(store)
    result = cli("synth", "--db", str(store))
    assert result.returncode == 2 and "databaser" in result.stderr
    assert digest(store) == before and userdata.list_scenarios()["name"].tolist() == ["Behålls"]


@pytest.mark.parametrize("command", [("brief", "--out"), ("synth", "--db"), ("import", "units", "--template")])
def test_outputs_refuse_links_and_folders(fresh, cli, tmp_path, command):
    precious = tmp_path / "viktig.pdf"
    precious.write_bytes(b"innehall")
    link = tmp_path / ("lank.pdf" if command[0] == "brief" else "lank.xlsx")
    link.symlink_to(precious)
    assert cli(*command, str(link)).returncode == 2
    assert precious.read_bytes() == b"innehall"
    folder = tmp_path / "mapp.pdf"
    folder.mkdir()
    assert cli(*command, str(folder)).returncode == 2 and folder.is_dir()


def test_a_write_that_fails_half_way_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "underlag.pdf"
    target.write_bytes(b"det gamla underlaget")

    def full_disk(self, data):
        self.open("wb").write(data[:3])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(target), "write_bytes", full_disk)
    with pytest.raises(OSError):
        outputs.write_whole(target, b"det nya underlaget")
    monkeypatch.undo()
    assert target.read_bytes() == b"det gamla underlaget" and list(tmp_path.iterdir()) == [target]
