"""The layers stay visible: Streamlit only at the boundary, the read path never builds, the product never
imports the benchmarks, and the one reliance on Streamlit internals fails loudly when an upgrade removes it."""

import ast
import inspect
import re
import tomllib
from pathlib import Path

import streamlit
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = [*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "streamlit_app.py"]


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def importers(prefix: str) -> set[str]:
    return {path.relative_to(ROOT).as_posix() for path in PRODUCT
            if any(m == prefix or m.startswith(prefix + ".") for m in imported_modules(path))}


def test_only_the_ui_package_pages_and_entrypoint_import_streamlit():
    allowed = re.compile(r"^(dashboard/ui/|pages/|streamlit_app\.py$)")
    assert {path for path in importers("streamlit") if not allowed.match(path)} == set()


def test_the_read_path_never_builds_and_the_product_never_imports_the_benchmarks():
    assert "dashboard.build" not in imported_modules(ROOT / "dashboard" / "db.py")
    assert importers("benchmarks") == set()


def test_pages_hold_no_sql_and_no_duckdb():
    for path in (ROOT / "pages").glob("*.py"):
        assert "duckdb" not in imported_modules(path), path.name
        assert not re.search(r"\bselect\b.+\bfrom\b", path.read_text(encoding="utf-8"), re.I), path.name


def test_streamlit_is_pinned_to_the_minor_version_whose_routing_ui_routing_relies_on():
    """ui.routing clears PagesManager.uses_pages_directory so that a first request for a page URL runs the
    entrypoint's st.navigation. If an upgrade renames or drops the flag, this fails before users see file names
    as navigation; then check ui.routing against the new version and move the pin."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pin = next(d for d in dependencies if d.startswith("streamlit"))
    major, minor = streamlit.__version__.split(".")[:2]
    assert pin == f"streamlit>={major}.{minor},<{major}.{int(minor) + 1}"
    assert "uses_pages_directory" in vars(PagesManager)
    assert "PagesManager.uses_pages_directory" in inspect.getsource(script_runner)


def test_production_defaults_hide_tracebacks_and_listen_on_loopback():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
