"""The one place that touches Streamlit's internals, kept because the supported API has no way to do it; and the
addresses a user may guess."""

from pathlib import Path

import streamlit as st

ENTRYPOINT = "streamlit_app.py"


def use_entrypoint_navigation() -> None:
    """Before the server starts (`dashboard.ui.serve`): the app's navigation is the entrypoint's `st.navigation`.

    Streamlit decides once per process, when the first session starts, whether a `pages/` folder beside the main
    script makes this a v1 multipage app; until some run has called `st.navigation` it then draws the file names
    (`enheter`, `importera`, … for a reader too) as the first render's navigation. Deciding before any session
    exists means no session ever sees them."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def route_through_entrypoint() -> None:
    """Run the entrypoint's `st.navigation` even when a fresh server was first asked for a page URL.

    The net under `use_entrypoint_navigation`, for a server started with plain `streamlit run streamlit_app.py`:
    until some session has called `st.navigation`, Streamlit treats a `pages/` folder as a v1 multipage app
    and runs the page file directly (with file names as navigation). Clearing that flag and rerunning makes
    this and every later run go through `streamlit_app.py`. A session that started such a run while another
    one cleared the flag reruns too (its main script is the entrypoint, but the entrypoint did not run): run
    directly, a page would read the database without the run's pinned version. A page run on its own, as
    AppTest does, is its own main script and runs as it is.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    served = context is not None and Path(context.main_script_path).name == ENTRYPOINT
    if PagesManager.uses_pages_directory or served:
        PagesManager.uses_pages_directory = False
        st.rerun()


def overview_by_name(overview: "st.Page") -> "st.Page":
    """A hidden page at `/oversikt`, the address a user guesses for Översikt (whose own address is the root): it
    opens Översikt with the address's filters, instead of Streamlit's English "Page not found"."""
    return st.Page(lambda: st.switch_page(overview, query_params=st.query_params.to_dict()), title=overview.title,
                   url_path="oversikt", visibility="hidden")
