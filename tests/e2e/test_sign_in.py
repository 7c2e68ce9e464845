"""Sign-in through a real OpenID Connect provider (oidc-provider-mock on loopback): a förvaltare by an app role
finds Importera open, a läsare finds it neither in the navigation nor at its address, a planerare by a verified
address may save, and a subject typed into the provider's form with a listed address as its (unverified) e-mail
stays läsare; signing out works."""

import pytest

from tests.e2e.conftest import dashboard_server, sign_in_secrets
from tests.e2e.helpers import wait_for_run
from tests.processes import free_port

# The provider's users: its ID tokens carry these claims (custom ones like `roles` always, `email` and
# `email_verified` for the `email` scope Streamlit asks for) and `iss`, the provider's own address.
USERS = {"forvaltare@stad.se": {"email": "forvaltare@stad.se", "roles": ["PEER.Forvaltare"]},
         "lasare@stad.se": {"email": "lasare@stad.se", "email_verified": True},
         "planerare@stad.se": {"email": "planerare@stad.se", "email_verified": True}}


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    with run_server_in_thread(user_claims=[User(sub=sub, claims=c) for sub, c in USERS.items()]) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signed_in_app(provider, chromium_path, tmp_path_factory):
    folder, port = tmp_path_factory.mktemp("sign_in"), free_port()
    secrets = sign_in_secrets(folder, port, provider, 'planerare_emails = ["planerare@stad.se", "kollega@stad.se"]')
    with dashboard_server(folder, port, secrets, host="localhost") as url:
        yield url


def sign_in(page, url: str, user: str, role: str, typed: bool = False) -> None:
    """Sign in as the provider's one-click `user`, or (`typed`) as a subject typed into its form, which the
    provider accepts with that text as `sub` and as an unverified `email`."""
    page.goto(url + "/")
    page.get_by_role("button", name="Logga in").click()
    if typed:
        page.get_by_placeholder("sub").fill(user)
        page.get_by_role("button", name="Authorize").click()
    else:
        page.get_by_role("button", name=user, exact=True).click()
    page.wait_for_url(lambda address: address.startswith(url))
    wait_for_run(page)
    page.get_by_text(f"Inloggad som {user} ({role})").wait_for()


def test_a_forvaltare_finds_importera_open(new_page, signed_in_app):
    page = new_page()
    sign_in(page, signed_in_app, "forvaltare@stad.se", "förvaltare")
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
    sign_in(page, signed_in_app, "lasare@stad.se", "läsare")
    assert page.locator('[data-testid="stSidebarNav"] a', has_text="Importera").count() == 0
    page.goto(signed_in_app + "/importera")   # the page's address: not a page for this role
    wait_for_run(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == "PEER support – översikt"


@pytest.mark.parametrize("user, typed, role", [("planerare@stad.se", False, "planerare"),
                                               ("kollega@stad.se", True, "läsare")])   # listed, not verified
def test_a_listed_address_counts_only_when_the_provider_verified_it(new_page, signed_in_app, user, typed, role):
    page = new_page()
    sign_in(page, signed_in_app, user, role, typed)
    page.goto(signed_in_app + "/scenarier")
    wait_for_run(page)
    assert page.get_by_role("button", name="Spara scenario").is_enabled() == (role == "planerare")
