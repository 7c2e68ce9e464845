"""`python -m dashboard.serve [streamlit options]`: start the dashboard with its imports and database warmed.

Under plain `streamlit run`, the first session waits about three seconds after the page has loaded for pandas,
Altair and DuckDB to import and the seed database to be checked or built. Here that work runs in a thread once
the server is up, while the browser loads the page. This module imports nothing heavy itself, so the server
starts at once.
"""

import sys
import threading
import time

from dashboard.paths import ROOT


def _warm_up() -> None:
    _wait_for_server()
    from dashboard import web   # loaded once here, found in sys.modules by the first session
    from dashboard.build import ensure_database

    ensure_database()
    web.filter_options()   # opens the database and caches what every page's sidebar needs


def _wait_for_server() -> None:
    """Imports hold the GIL: started at once, they only slowed the server's own start by as much."""
    from streamlit import runtime
    from streamlit.runtime.runtime import RuntimeState

    while not runtime.exists() or runtime.get_instance().state == RuntimeState.INITIAL:
        time.sleep(0.02)


def main() -> int:
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "streamlit_app.py"), *sys.argv[1:]]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
