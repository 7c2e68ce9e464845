"""Real-browser fixtures: one Streamlit server and one headless Chromium for the whole session.

The server runs `python -m dashboard.ui.serve` (the README's start command) from the repository root against a
database in a temporary folder (`PEER_DB`), which the app builds from the shipped seeds on its first start. Every test gets a fresh
browser context (its own Streamlit session). On a developer machine without Chromium (or LibreOffice
for the spreadsheet round trip) the tests are skipped; in CI (`CI` or `PEER_REQUIRE_BROWSER` set)
a missing tool fails them.
"""

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.helpers import RUN_TIMEOUT_MS
from tests.processes import CHROMIUM_ARGS, free_port, healthy, stop

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1440, "height": 900}
SERVER_START_TIMEOUT = 60


def pytest_collection_modifyitems(items):
    """Everything under tests/e2e is an end-to-end test, whether or not the module says so. A browser test that
    fails is run once more (pytest-rerunfailures; the report names every rerun): on CI's two loaded cores one run in
    about a thousand loses a race between Chromium and the server, and a second failure is a real one."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.flaky(reruns=1))


def require_tool(name: str, purpose: str, install: str = "apt-get install -y chromium") -> str:
    """The tool's path; skip locally when it is missing, fail in CI."""
    path = shutil.which(name)
    if path:
        return path
    message = f"`{name}` not found on PATH; needed for {purpose}."
    if os.environ.get("CI") or os.environ.get("PEER_REQUIRE_BROWSER"):
        pytest.fail(message + " CI/PEER_REQUIRE_BROWSER is set, so this is an error.", pytrace=False)
    pytest.skip(f"{message} Install it ({install}); set PEER_REQUIRE_BROWSER=1 to make this a failure.")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_tool("chromium", "the real-browser tests")


def sign_in_secrets(folder: Path, port: int, provider: str, more_roles: str = "") -> Path:
    """A secrets file signing in through `provider` (an OpenID Connect provider on loopback) and back to
    localhost:`port`; a förvaltare by the app role PEER.Forvaltare, and `more_roles` (TOML lines) besides."""
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "en-hemlighet-bara-for-testet"
client_id = "peer-dashboard"
client_secret = "hemligt"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[peer_roles]
issuer = "{provider}"
forvaltare_roles = ["PEER.Forvaltare"]
{more_roles}
""", encoding="utf-8")
    return secrets


@contextmanager
def dashboard_server(folder: Path, port: int | None = None, secrets: Path | None = None, host: str = "127.0.0.1"):
    """Start the dashboard as the README does (`python -m dashboard.ui.serve`) on a free port, with its databases in
    `folder` (and the sign-in of `secrets`, else local mode); yield its base URL (`host`) and stop it after."""
    port = port or free_port()
    env = {**os.environ, "PEER_DB": str(folder / "peer.duckdb"), "PEER_USER_DB": str(folder / "user.duckdb"),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "PEER_LOCAL": "1"}
    if secrets:
        env["STREAMLIT_SECRETS_FILES"] = str(secrets)
    log = (folder / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.ui.serve", "--server.address", "127.0.0.1",
         "--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         # Edits to the sources while the suite runs must not put a "Source file changed" prompt on the page.
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not healthy(url):
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with {process.returncode}:\n{_tail(folder / 'streamlit.log')}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT} s:\n"
                            f"{_tail(folder / 'streamlit.log')}")
            time.sleep(0.2)
        yield url
    finally:
        stop(process)
        log.close()


@pytest.fixture(scope="session")
def app_url(chromium_path, tmp_path_factory) -> str:
    """One server for the session."""
    with dashboard_server(tmp_path_factory.mktemp("e2e_server")) as url:
        yield url


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, app_url):
    """A factory for pages in fresh browser contexts (a new Streamlit session each); closed after the test."""
    contexts = []

    def make():
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="sv-SE",
                                      timezone_id="Europe/Stockholm")
        context.set_default_timeout(RUN_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
