"""Concurrent sessions driven over Streamlit's WebSocket protocol (no browser): each session opens a page, then
changes the shared area filter again and again for a fixed time, as a browser would send it, pausing a random
think time (uniform, with the given mean) between a redrawn page and the next change.

A rerun is timed from sending `rerun_script` to the server's `script_finished`; an exception element, a
script that did not finish successfully or a broken connection counts as an error.
"""

import asyncio
import random
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.stats import summary
from tests.processes import DASHBOARD, peak_rss_mb, streamlit_server

PAGES = ("oversikt", "placeringar", "enheter", "finansiering")
FINISHED, FINISHED_EARLY_FOR_RERUN = 0, 2
AREA_KEY = "shared__area"


class Session:
    def __init__(self, socket, page: str):
        self.socket, self.page = socket, page
        self.area_widget, self.areas = None, []

    async def rerun(self, area: str | None = None) -> tuple[float, bool]:
        """Seconds until the run finished, and whether it failed."""
        message = BackMsg()
        message.rerun_script.page_name = self.page
        if area is not None:
            state = message.rerun_script.widget_states.widgets.add()
            state.id, state.string_value = self.area_widget, area
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        failed = False
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.socket.recv())
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                failed |= element.WhichOneof("type") == "exception"
                if element.WhichOneof("type") == "selectbox" and element.selectbox.id.endswith(AREA_KEY):
                    self.area_widget, self.areas = element.selectbox.id, list(element.selectbox.options)
            elif kind == "script_finished" and reply.script_finished != FINISHED_EARLY_FOR_RERUN:
                return time.perf_counter() - started, failed or reply.script_finished != FINISHED


async def _user(url: str, page: str, seed: int, until: float, think_s: float, results: dict) -> None:
    pick = random.Random(seed)
    try:
        async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None) as socket:
            session = Session(socket, page)
            await session.rerun()
            while time.perf_counter() < until:
                seconds, failed = await session.rerun(pick.choice(session.areas))
                results["latencies"].append(seconds)
                results["errors"] += failed
                await asyncio.sleep(pick.uniform(0, 2 * think_s))
    except (OSError, websockets.WebSocketException):
        results["errors"] += 1


async def _drive(url: str, sessions: int, seconds: float, think_s: float = 0) -> dict:
    results = {"latencies": [], "errors": 0}
    started = time.perf_counter()
    await asyncio.gather(*(_user(url, PAGES[i % len(PAGES)], i, started + seconds, think_s, results)
                           for i in range(sessions)))
    results["elapsed"] = time.perf_counter() - started
    return results


def concurrent_sessions(env: dict[str, str], sessions: int = 25, seconds: float = 30,
                        think_times: tuple[float, ...] = (0, 1)) -> list[dict]:
    """p95 rerun latency, errors, reruns per second and the server's peak RSS while `sessions` users work,
    once per mean think time between a redrawn page and the next change (0: as fast as the server allows)."""
    rows = []
    for think_s in think_times:
        with streamlit_server(DASHBOARD, env) as (process, url):
            asyncio.run(_drive(url, 1, 0))   # the first session pays the database check; the load starts warm
            results = asyncio.run(_drive(url, sessions, seconds, think_s))
            rss = peak_rss_mb(process.pid)
        rows.append({"sessions": sessions, "think_s": think_s, "seconds": seconds,
                     "reruns": len(results["latencies"]), **summary(results["latencies"]),
                     "errors": results["errors"],
                     "reruns_per_s": round(len(results["latencies"]) / results["elapsed"], 1), "peak_rss_mb": rss})
    return rows
