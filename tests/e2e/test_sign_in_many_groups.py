"""Sign-in that survives the city's directory (issue 28): a user in 250 groups signs in through nginx
(`deploy/nginx.conf`) and gets the role an app role gives; a user whose token carries no role (Entra's group
overage: the `groups` claim replaced by a pointer) is told in Swedish why they can only read, and is not sent back
to sign in again."""

import random
import uuid

import pytest

from tests.e2e.conftest import dashboard_server, sign_in_secrets
from tests.e2e.helpers import wait_for_run
from tests.processes import balancer_config, free_port, nginx
from tests.servers import require_nginx

# Object ids as Entra ID writes them: random, so they do not compress in Streamlit's signed cookie (a fixed seed)
SEEDED = random.Random(27)
GROUPS = [str(uuid.UUID(int=SEEDED.getrandbits(128))) for _ in range(250)]
USERS = {
    "stor-grupp@stad.se": {"email": "stor-grupp@stad.se", "roles": ["PEER.Forvaltare"], "groups": GROUPS},
    "overage@stad.se": {"email": "overage@stad.se", "_claim_names": {"groups": "src1"},
                        "_claim_sources": {"src1": {"endpoint": "https://graph.microsoft.com/v1.0/users/x/getMemberObjects"}}},
}


@pytest.fixture(scope="module")
def behind_nginx(chromium_path, tmp_path_factory):
    from oidc_provider_mock import User, run_server_in_thread

    require_nginx()
    folder, port, listen = tmp_path_factory.mktemp("groups"), free_port(), free_port()
    with run_server_in_thread(user_claims=[User(sub=s, claims=c) for s, c in USERS.items()]) as server:
        provider = f"http://localhost:{server.server_port}"
        secrets = sign_in_secrets(folder, listen, provider)   # the browser comes back to nginx, not the replica
        with dashboard_server(folder, port, secrets, host="localhost"), \
                nginx(balancer_config([f"127.0.0.1:{port}"], listen).replace(f"127.0.0.1:{listen}", f"{listen}")):
            yield f"http://localhost:{listen}"


def sign_in(page, url: str, user: str) -> None:
    page.goto(url + "/")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("button", name=user, exact=True).click()
    page.wait_for_url(lambda address: address.startswith(url))
    wait_for_run(page)


def test_a_user_in_250_groups_signs_in_through_nginx_with_the_app_role(new_page, behind_nginx):
    page = new_page()
    sign_in(page, behind_nginx, "stor-grupp@stad.se")
    page.get_by_text("Inloggad som stor-grupp@stad.se (förvaltare)").wait_for()
    page.goto(behind_nginx + "/importera")   # a second request carries every cookie chunk through nginx
    wait_for_run(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 1


def test_a_token_without_a_role_is_explained_not_looped(new_page, behind_nginx):
    page = new_page()
    sign_in(page, behind_nginx, "overage@stad.se")
    page.get_by_text("Inloggad som overage@stad.se (läsare)").wait_for()
    page.get_by_text("för många grupper").wait_for()
    assert page.get_by_role("button", name="Logga in").count() == 0
