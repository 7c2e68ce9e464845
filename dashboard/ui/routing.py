"""The one place that touches Streamlit's internals, kept because the supported API has no way to do it."""

from pathlib import Path

import streamlit as st

ENTRYPOINT = "streamlit_app.py"


def route_through_entrypoint() -> None:
    """Run the entrypoint's `st.navigation` even when a fresh server was first asked for a page URL.

    Until some session has called `st.navigation`, Streamlit treats a `pages/` folder as a v1 multipage app
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
