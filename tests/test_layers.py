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


# Which package of the product may import which: dependencies point one way, downwards. `dashboard` is the
# package's top-level modules (the indicators and what shows them); `__main__` only starts the command line.
LAYERS = {
    "base": set(),
    "store": {"base"},
    "dashboard": {"base", "store"},
    "charts": {"base", "store", "dashboard"},
    "scenario": {"base", "store", "dashboard"},
    "imports": {"base", "store", "dashboard"},
    "followup": {"base", "store", "dashboard"},
    "brief": {"base", "store", "dashboard", "charts", "scenario", "followup"},
    "cli": {"base", "store", "dashboard", "charts", "scenario", "imports", "brief", "followup"},
    "ui": {"base", "store", "dashboard", "charts", "scenario", "imports", "brief", "followup"},
}


def package_of(module: str) -> str:
    """The layer a `dashboard…` module belongs to: its sub-package, or `dashboard` for a top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (ROOT / "dashboard" / parts[1]).is_dir() else "dashboard"


def imported_product_modules(path: Path) -> set[str]:
    """The `dashboard…` modules a file imports, `from dashboard import x` counted as `dashboard.x`."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module in ("dashboard", "dashboard.ui"):
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dashboard."):
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names if alias.name.startswith("dashboard"))
    return modules


def test_every_module_belongs_to_a_layer_and_the_layers_import_only_downwards():
    upward = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        if path.name == "__main__.py":
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        layer = package_of(module)
        assert layer in LAYERS, f"{module}: a package without a rule in LAYERS"
        upward += [f"{module} -> {other}" for other in imported_product_modules(path)
                   if package_of(other) not in LAYERS[layer] | {layer}]
    assert upward == []


def package_edges() -> set[tuple[str, str]]:
    """Which layer imports which, with `pages` (and the entry point) as one more layer on top."""
    edges = set()
    files = [*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "streamlit_app.py"]
    for path in (f for f in files if f.name != "__main__.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        layer = package_of(module) if module.startswith("dashboard") else "pages"
        edges |= {(layer, package_of(other)) for other in imported_product_modules(path)} - {(layer, layer)}
    return edges


def test_the_readmes_drawing_of_the_layers_is_the_import_graph():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    drawing = readme.split("```mermaid", 1)[1].split("```", 1)[0]
    drawn = set(re.findall(r"^\s*(\w+) --> (\w+)\s*$", drawing, re.M))
    assert drawn == package_edges()


def test_every_module_is_at_most_250_lines():
    """A longer module has grown a second job: split it by job, as the packages split the product."""
    long = {path.relative_to(ROOT).as_posix(): n for path in PRODUCT
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 250}
    assert long == {}


def test_the_layering_rule_catches_an_upward_import():
    assert package_of("dashboard.store.build") == "store" and package_of("dashboard.indicators") == "dashboard"
    assert "dashboard" not in LAYERS["store"] and "ui" not in LAYERS["cli"] and "brief" not in LAYERS["scenario"]


def test_only_the_ui_package_pages_and_entrypoint_import_streamlit():
    allowed = re.compile(r"^(dashboard/ui/|pages/|streamlit_app\.py$)")
    assert {path for path in importers("streamlit") if not allowed.match(path)} == set()


def test_the_read_path_never_builds_and_the_product_never_imports_the_benchmarks():
    assert "dashboard.store.build" not in imported_modules(ROOT / "dashboard" / "store" / "db.py")
    assert importers("benchmarks") == set()


def test_the_tests_never_import_the_benchmarks():
    """Benchmarks may reuse the tests' helpers (servers, page drivers); the suite stands without `benchmarks/`."""
    tests = [path for path in (ROOT / "tests").rglob("*.py")
             if any(m == "benchmarks" or m.startswith("benchmarks.") for m in imported_modules(path))]
    assert tests == []


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
