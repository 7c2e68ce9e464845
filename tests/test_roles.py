"""Roles in the pages (AppTest): what each role sees, and that no path lifts a role. A reader clicks disabled
buttons (a widget value sent by hand), runs Importera's file directly (a page URL), adds parameters to the
address; the user store and the seed database stay exactly as they were, in DuckDB and in PostgreSQL."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import indicators
from dashboard.base import access
from dashboard.base.formatting import plain
from dashboard.imports import run as importer
from dashboard.store import userdata
from tests.reliability import corpus

ROOT = Path(__file__).resolve().parent.parent
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "hemligt-i-test",
        "client_id": "peer", "client_secret": "hemligt", "server_metadata_url":
        "http://127.0.0.1:9/.well-known/openid-configuration"}
ISSUER = "https://login.microsoftonline.com/stad/v2.0"
ROLES = {"issuer": ISSUER, "forvaltare_roles": ["PEER.Forvaltare"], "planerare_groups": ["grupp-planerare"],
         "forvaltare_emails": ["forvaltare@stad.se"], "planerare_emails": ["planerare@stad.se"]}


def claims(email: str, **more) -> dict:
    """An ID token's claims as Streamlit hands them on: `email` verified by the configured issuer unless `more`
    says otherwise."""
    return {"is_logged_in": True, "iss": ISSUER, "sub": f"sub-{email}", "email": email, "email_verified": True,
            **more}


def app(script: str, email: str | None = None, user: dict | None = None, **query) -> AppTest:
    """`script` run with sign-in configured and `email` signed in (with the claims `user`, by default
    `claims(email)`; no `email`: not signed in)."""
    test = AppTest.from_file(str(ROOT / script), default_timeout=60)
    test.secrets["auth"], test.secrets["peer_roles"] = AUTH, ROLES
    test.user = (user or claims(email)) if email else {"is_logged_in": False}
    test.query_params.update({"view": "table", **query})
    return test.run()


def crafted(widget, value):
    """A widget value sent by hand, as a crafted WebSocket message could: AppTest refuses to set a disabled
    widget the way a browser would, so the value is placed under it."""
    widget._value = value
    return widget


def registered(test: AppTest, page: str) -> bool:
    try:
        test.switch_page(f"pages/{page}")
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("email, more, role, imports", [
    ("lasare@stad.se", {}, "läsare", False),
    ("planerare@stad.se", {}, "planerare", False),                             # by the verified address
    ("forvaltare@stad.se", {}, "förvaltare", True),
    ("ny@stad.se", {"roles": ["PEER.Forvaltare"]}, "förvaltare", True),          # by an Entra ID app role
    ("ny@stad.se", {"groups": ["grupp-planerare"], "email_verified": False}, "planerare", False),   # by a group id
])
def test_each_role_sees_its_pages(email, more, role, imports):
    test = app("streamlit_app.py", email, claims(email, **more))
    assert not test.exception
    assert plain(f"Inloggad som {email} ({role})") in [c.value for c in test.sidebar.caption]   # shown as text
    assert any(b.label == "Logga ut" for b in test.sidebar.button)
    assert registered(test, "importera.py") == imports and registered(test, "scenarier.py")


def test_before_sign_in_there_is_only_the_sign_in_page():
    test = app("streamlit_app.py")
    assert [t.value for t in test.title] == ["PEER support – beslutsstöd"]
    assert [b.label for b in test.button] == ["Logga in"] and not registered(test, "oversikt.py")


def test_without_sign_in_configured_the_dashboard_only_reads(monkeypatch):
    monkeypatch.delenv("PEER_LOCAL")
    test = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert any(i.value.startswith("Endast läsning") for i in test.sidebar.info)
    assert not registered(test, "importera.py")
    test.switch_page("pages/scenarier.py").run()
    assert test.button(key="scenarier__save").disabled


def test_local_mode_says_so_and_allows_everything():
    test = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()   # PEER_LOCAL=1 (conftest)
    assert any(c.value.startswith("Lokalt läge") for c in test.sidebar.caption)
    assert registered(test, "importera.py")


def test_a_planner_saves_and_a_reader_cannot_through_any_path(store):
    userdata.save_scenario("Kvar", {}, {}, "v", date(2020, 6, 11), access.operator())
    importer.apply(importer.preview("placements", "p.csv", corpus.csv_bytes("placements", [corpus.row(
        "placements")])), access.operator())
    before = (userdata.list_scenarios(), userdata.import_log(), indicators.run("sources"))

    # the reader's Scenarier: disabled controls, clicked anyway, and a role in the address
    reader = app("pages/scenarier.py", "lasare@stad.se", role="forvaltare")
    assert reader.button(key="scenarier__save").disabled and reader.button(key="scenarier__rename").disabled
    assert not [b for b in reader.button if b.key == "scenarier__delete"]
    reader.text_input(key="scenarier__name").set_value("Smugglat").run()
    crafted(reader.button(key="scenarier__save"), True).run()   # refused: the write itself checks the role
    crafted(reader.text_input(key="scenarier__new_name"), "Omdöpt").run()
    crafted(reader.button(key="scenarier__rename"), True).run()
    # Importera opened by its own address: no upload, no undo
    importing = app("pages/importera.py", "lasare@stad.se", kind="units")
    assert not importing.exception and not importing.get("file_uploader")
    assert not [b for b in importing.button if b.key and b.key.startswith("importera__undo")]
    assert any("kräver rollen förvaltare" in i.value for i in importing.info)
    after = (userdata.list_scenarios(), userdata.import_log(), indicators.run("sources"))
    assert all(a.equals(b) for a, b in zip(after, before))

    planner = app("pages/scenarier.py", "planerare@stad.se")
    planner.text_input(key="scenarier__name").set_value("Planerarens").run()
    planner.button(key="scenarier__save").click().run()
    saved = userdata.load_scenario("Planerarens")
    assert saved["created_by"] == "planerare@stad.se (sub sub-planerare@stad.se)"   # the provider's id beside it


def test_a_forvaltare_sets_a_follow_up_that_is_logged_and_shown(store):
    forvaltare = app("pages/utvarderingar.py", "forvaltare@stad.se", as_of="2020-06-11")
    forvaltare.selectbox(key="utvarderingar__fu_id").set_value("R2-4")
    forvaltare.radio(key="utvarderingar__fu_status").set_value("genomförd")
    forvaltare.date_input(key="utvarderingar__fu_date").set_value(date(2020, 6, 1))
    forvaltare.text_input(key="utvarderingar__fu_note").set_value("Två per enhet i tre verksamheter.")
    forvaltare.button(key="FormSubmitter:utvarderingar__follow_up-Spara uppföljningen").click().run()
    assert any("Uppföljningen sparades" in s.value for s in forvaltare.success), [e.value for e in forvaltare.error]
    log = userdata.import_log().iloc[0]
    assert (log["kind"], log["who"]) == ("recommendation_status", "forvaltare@stad.se (sub sub-forvaltare@stad.se)")
    row = indicators.run("recommendations", as_of="2020-06-11").set_index("recommendation_id").loc["R2-4"]
    assert (row["status"], str(row["status_date"])[:10]) == ("genomförd", "2020-06-01")
    reader = app("pages/utvarderingar.py", "lasare@stad.se")
    assert not [e for e in reader.expander if e.label.startswith("För in uppföljning")]
