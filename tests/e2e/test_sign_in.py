"""Sign-in through a real OpenID Connect provider (oidc-provider-mock on loopback): a förvaltare finds Importera
open, a läsare finds it neither in the navigation nor at its address, and signing out works."""

import pytest

from benchmarks.server import free_port
from tests.e2e.conftest import dashboard_server
from tests.e2e.helpers import wait_for_run

USERS = ("forvaltare@stad.se", "lasare@stad.se")


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    with run_server_in_thread(user_claims=[User(sub=u, claims={"email": u}) for u in USERS]) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signed_in_app(provider, chromium_path, tmp_path_factory):
    folder, port = tmp_path_factory.mktemp("sign_in"), free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "en-hemlighet-bara-for-testet"
client_id = "peer-dashboard"
client_secret = "hemligt"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[peer_roles]
forvaltare = ["forvaltare@stad.se"]
""", encoding="utf-8")
    with dashboard_server(folder, port, secrets, host="localhost") as url:
        yield url


def sign_in(page, url: str, user: str) -> None:
    page.goto(url + "/")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("button", name=user, exact=True).click()   # the provider's one-click user
    page.wait_for_url(lambda address: address.startswith(url))
    wait_for_run(page)
    page.get_by_text(f"Inloggad som {user}").wait_for()


def test_a_forvaltare_finds_importera_open(new_page, signed_in_app):
    page = new_page()
    sign_in(page, signed_in_app, "forvaltare@stad.se")
    assert page.locator('[data-testid="stSidebarNav"] a', has_text="Importera").count() == 1
    page.goto(signed_in_app + "/importera")
    wait_for_run(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 1
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="End session").click()   # the provider asks, then sends the browser back
    page.goto(signed_in_app + "/importera")
    page.get_by_role("button", name="Logga in").wait_for()   # signed out: only the sign-in page
    assert page.locator('[data-testid="stFileUploader"]').count() == 0


def test_a_lasare_finds_importera_closed(new_page, signed_in_app):
    page = new_page()
    sign_in(page, signed_in_app, "lasare@stad.se")
    assert page.locator('[data-testid="stSidebarNav"] a', has_text="Importera").count() == 0
    page.goto(signed_in_app + "/importera")   # the page's address: not a page for this role
    wait_for_run(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == "PEER support – översikt"
