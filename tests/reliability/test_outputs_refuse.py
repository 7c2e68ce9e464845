"""Issue 22, item 16: `import units --template data/seeds/unit.csv` overwrote a seed file (every reader then exited
3), and `brief --out` wrote into `data/` and `.streamlit/`. Outputs now refuse the seed folder, `data/`,
`.streamlit/` and the repository's own files, and leave them byte for byte as they were."""

import hashlib
import shutil
import subprocess

import pytest

from dashboard import outputs
from dashboard.base import paths

pytestmark = pytest.mark.reliability

COMMANDS = {"template": ("import", "units", "--template"), "brief": ("brief", "--out"), "synth": ("synth", "--db")}


def digest(path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.mark.parametrize("command, target", [
    ("template", "data/seeds/unit.csv"),
    ("template", "data/seeds/ny_mall.csv"),
    ("brief", "data/underlag.md"),
    ("synth", ".streamlit/config.toml"),
    ("brief", ".streamlit/underlag.md"),
    ("brief", "README.md"),
    ("brief", "dashboard/underlag.md"),
    ("template", "pyproject.toml.xlsx"),   # a new name beside the repository's files is fine: see the next test
    ("synth", "data/syntetisk.duckdb"),
])
def test_outputs_into_the_project_are_refused_and_change_nothing(fresh, cli, command, target):
    path = paths.ROOT / target
    before = digest(path)
    result = cli(*COMMANDS[command], str(path))
    if target == "pyproject.toml.xlsx":
        assert result.returncode == 0, result.stderr
        path.unlink()
        return
    assert result.returncode == 2, result.stderr
    assert "skriv till en annan mapp" in result.stderr and "Traceback" not in result.stderr
    assert digest(path) == before


def test_a_seed_folder_elsewhere_is_refused_too(fresh, cli, seed_copy, monkeypatch):
    monkeypatch.setenv("PEER_SEED_DIR", str(seed_copy))
    unit = seed_copy / "unit.csv"
    before = digest(unit)
    result = cli("import", "units", "--template", str(unit))
    assert result.returncode == 2 and "seed-mappen" in result.stderr
    assert digest(unit) == before


def test_the_repository_list_names_every_top_level_entry_git_ships():
    if not shutil.which("git") or not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files"], cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout
    shipped = {line.split("/", 1)[0] for line in listed.splitlines()}
    assert shipped <= set(outputs.REPOSITORY), shipped - set(outputs.REPOSITORY)
