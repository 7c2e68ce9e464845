"""The area filter's way from the address to the SQL that binds it, measured at run time (tests/handoffs.py): the
sidebar reads the address into one filter object, hands it to the page, the page to the result cache, the cache
to the indicator, the indicator to the database. The object lives for one run and is not parked in session state."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.filters import ViewFilters
from tests.handoffs import Way

ROOT = Path(__file__).resolve().parent.parent


def run_with_area(page: str = "") -> tuple[AppTest, Way]:
    AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()   # warm: traced, a first run is slow
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    app.query_params["area"] = "Farsta"
    with Way("Farsta") as way:
        app.run()
        if page:
            way.places.clear()
            app.switch_page(f"pages/{page}").run()
    assert not app.exception
    return app, way


def test_the_area_reaches_its_sql_in_four_hand_offs():
    _, way = run_with_area()
    assert way.places == ["dashboard/ui/sidebar.py", "pages/oversikt.py", "dashboard/ui/cache.py",
                          "dashboard/indicators.py", "dashboard/store/db.py"]
    assert way.handoffs == 4


def test_on_another_page_too():
    _, way = run_with_area("placeringar.py")
    assert way.places[1:] == ["pages/placeringar.py", "dashboard/ui/cache.py", "dashboard/indicators.py",
                              "dashboard/store/db.py"] and way.handoffs == 4


def test_no_filter_object_is_parked_in_session_state():
    app, _ = run_with_area()
    parked = [key for key in app.session_state if isinstance(app.session_state[key], ViewFilters)]
    assert parked == []
    # the header says what the object bound: on Översikt only the units per unit follow the area
    assert "Visar: datum 2020-06-11; Farsta gäller bara Peer supportrar per enhet" in " ".join(c.value for c in app.caption)
