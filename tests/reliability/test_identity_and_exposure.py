"""Issue 22, items 18 and 19: who someone is comes from what the identity provider vouches for, and the command
line answers wrong usage and a closed pipe in Swedish or in silence.

Crafted ID-token claims, as Streamlit hands them to the app after sign-in, that used to make anyone förvaltare
(an address the provider never verified, a token from another issuer, a group named like a listed address) all
give läsare in the running app; the command line's actor is the process's user, whatever `LOGNAME` says; its
usage errors are one Swedish line with status 2; and a reader that stops reading (`… | head`) ends it quietly.
(nginx's side of item 19 is checked for real in tests/test_replicas.py.)"""

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.base import access

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
ISSUER = "https://login.microsoftonline.com/stad/v2.0"
# the README's Entra ID example, with e-mail lists and groups beside its app roles
CONFIG = {"issuer": ISSUER, "forvaltare_roles": ["PEER.Forvaltare"], "planerare_roles": ["PEER.Planerare"],
          "forvaltare_groups": ["0b6f6d1e-7c1a-4c5e-9a55-2f3f1d1c9e01"], "forvaltare_emails": ["chef@stad.se"]}
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "hemligt-i-test",
        "client_id": "peer", "client_secret": "hemligt", "server_metadata_url":
        "http://127.0.0.1:9/.well-known/openid-configuration"}
VERIFIED = {"iss": ISSUER, "sub": "x1", "email": "chef@stad.se", "email_verified": True}

CRAFTED = {
    "an unverified address equal to a listed one": {**VERIFIED, "email_verified": False},
    "an address without email_verified": {"iss": ISSUER, "sub": "x2", "email": "chef@stad.se"},
    "email_verified as text": {**VERIFIED, "email_verified": "true"},
    "a listed user name, no address": {"iss": ISSUER, "sub": "x3", "preferred_username": "chef@stad.se",
                                       "email_verified": True},
    "another issuer, verified address and app role": {**VERIFIED, "iss": "https://login.example.com/annan/v2.0",
                                                     "roles": ["PEER.Forvaltare"]},
    "no issuer at all": {"sub": "x4", "email": "chef@stad.se", "email_verified": True},
    "a group value equal to a listed address": {"iss": ISSUER, "sub": "x5", "groups": ["chef@stad.se"]},
    "an app role equal to a listed group id": {"iss": ISSUER, "sub": "x6",
                                               "roles": ["0b6f6d1e-7c1a-4c5e-9a55-2f3f1d1c9e01"]},
    "a group value equal to a listed app role": {"iss": ISSUER, "sub": "x7", "groups": ["PEER.Forvaltare"]},
}


@pytest.mark.parametrize("claims", CRAFTED.values(), ids=CRAFTED.keys())
def test_crafted_claims_give_lasare_in_the_app(claims):
    test = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    test.secrets["auth"], test.secrets["peer_roles"] = AUTH, CONFIG
    test.user = {"is_logged_in": True, **claims}
    test.run()
    assert not test.exception
    assert [c.value for c in test.sidebar.caption if c.value.startswith("Inloggad som")][0].endswith(r"\(läsare\)")
    with pytest.raises(ValueError):   # Importera is not even registered
        test.switch_page("pages/importera.py")


@pytest.mark.parametrize("claims, role", [
    (VERIFIED, access.Role.FORVALTARE),                                                  # verified by the issuer
    ({"iss": ISSUER, "sub": "x8", "roles": ["PEER.Planerare"]}, access.Role.PLANERARE),     # an app role
    ({"iss": ISSUER, "sub": "x9", "groups": ["0B6F6D1E-7C1A-4C5E-9A55-2F3F1D1C9E01"]}, access.Role.FORVALTARE),
    ({**VERIFIED, "roles": ["PEER.Planerare"]}, access.Role.FORVALTARE),                 # the highest that matches
])
def test_what_the_provider_vouches_for_still_counts(claims, role):
    """The same configuration does give roles, so the läsare above are the checks' doing, not a dead config."""
    assert access.role_for(claims, CONFIG) == role


def test_e_mail_lists_need_an_issuer_to_compare_with():
    assert access.role_for(VERIFIED, {k: v for k, v in CONFIG.items() if k != "issuer"}) == access.Role.LASARE


@pytest.mark.parametrize("claims, name", [
    ({**VERIFIED, "oid": "5f1b2c3d-0000-4000-8000-000000000001"},
     "chef@stad.se (oid 5f1b2c3d-0000-4000-8000-000000000001)"),                      # Entra ID's oid first
    (VERIFIED, "chef@stad.se (sub x1)"),
    ({"sub": "x10"}, "okänd (sub x10)"),
])
def test_the_logs_record_the_providers_id_beside_the_name(claims, name):
    actor = access.signed_in(claims, CONFIG)
    assert (actor.name, actor.shown) == (name, name.split(" (")[0])


def test_the_command_line_records_the_processs_user_not_logname(monkeypatch):
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(variable, "chef@stad.se")
    assert access.operator().name == f"{pwd.getpwuid(os.getuid()).pw_name} (kommandorad)"


ENGLISH = ("usage", "error", "invalid", "required", "unrecognized", "argument ", "expected", "choose", "ambiguous",
           "None")


@pytest.mark.parametrize("args", [
    ("nope",), ("import",), ("import", "nope"), ("import", "units", "a.csv", "b.csv"), ("indicator", "--as-of"),
    ("undo-import", "x"), ("scenario", "--format", "xml"), ("indicator", "sources", "--f", "csv"),
    ("import", "units"),   # no file: not "filen 'None' finns inte"
])
def test_wrong_usage_is_one_swedish_line_with_status_2(cli, args):
    result = cli(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("Fel: ") and result.stderr.count("\n") == 1, result.stderr
    assert not [word for word in ENGLISH if word in result.stderr], result.stderr


def test_a_missing_import_file_says_a_file_is_needed(cli):
    assert "ange filen att importera" in cli("import", "units").stderr


def test_help_is_swedish(cli):
    result = cli("import", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("användning: python -m dashboard import")
    assert "\nargument:\n" in result.stdout and "\nflaggor:\n" in result.stdout
    assert "visa den här hjälpen och avsluta" in result.stdout
    assert not [w for w in ("usage:", "positional arguments", "options:", "show this help") if w in result.stdout]


@pytest.mark.parametrize("reader, shown", [("head -c 10", "Scenario p"),
                                           ("true", "")])   # gone before the command writes anything
@pytest.mark.parametrize("unbuffered", ["1", ""])   # the failed write in a print, or in the last flush at exit
def test_a_reader_that_stops_reading_ends_the_command_quietly(reader, shown, unbuffered):
    pipeline = f"set -o pipefail; \"$0\" -m dashboard scenario | {reader}"
    shell = subprocess.run(["bash", "-c", pipeline, sys.executable], cwd=ROOT, capture_output=True, text=True,
                           timeout=120, env={**os.environ, "PYTHONUNBUFFERED": unbuffered})
    assert (shell.returncode, shell.stdout, shell.stderr) == (0, shown, "")
