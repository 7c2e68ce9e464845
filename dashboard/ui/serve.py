"""`python -m dashboard.ui.serve [streamlit options]`: start the dashboard with its imports and database warmed.

Under plain `streamlit run`, the first session waits about three seconds after the page has loaded for pandas,
Altair and DuckDB to import and the seed database to be checked or built. Here that work runs in a thread once
the server exists, while the browser loads the page. This module imports nothing heavy itself, so the server
starts at once. It also settles, before the first session, that the navigation is the entrypoint's and never the
`pages/` folder's file names (`ui.routing.use_entrypoint_navigation`).
"""

import os
import sys
import threading
import time

from dashboard.base.paths import ROOT


def _warm_up() -> None:
    from streamlit import runtime

    while not runtime.exists():   # imports hold the GIL: started at once, they only slow the server's start
        time.sleep(0.02)
    from dashboard.store.build import ensure_database
    from dashboard.ui import cache  # loaded once here, found in sys.modules by the first session

    ensure_database()
    cache.filter_options()   # opens the database and caches what every page's sidebar needs


# A signed-in user in many groups (Entra ID puts up to 200 group ids in the ID token) brings tens of KB of
# Streamlit's chunked auth cookies on the WebSocket's upgrade request, one Cookie line that the `websockets` library
# refuses over 8 KB: the page loaded and never connected. Read by `websockets` when it is imported, so set first.
WEBSOCKET_HEADER_LINE = "131072"


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("WEBSOCKETS_MAX_LINE_LENGTH", WEBSOCKET_HEADER_LINE)
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()
    from streamlit.web import cli

    from dashboard.ui.routing import use_entrypoint_navigation

    use_entrypoint_navigation()   # before the first session: never the pages/ folder's file names as navigation

    options = sys.argv[1:] if argv is None else argv
    return cli.main.main(args=["run", str(ROOT / "streamlit_app.py"), *options], prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
