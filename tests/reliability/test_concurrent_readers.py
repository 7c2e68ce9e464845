"""Readers keep working while imports run: sessions rerun pages over Streamlit's WebSocket (as browsers do)
while the command line imports three files, two of them at once. No run may fail, and every run must show one
data version throughout (its 'Data t.o.m.' dates all the same); after the imports every page shows the last."""

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.base.paths import ROOT
from tests.processes import DASHBOARD, streamlit_server
from tests.reliability import corpus
from tests.servers import run_async

pytestmark = pytest.mark.reliability
# Importera, Scenarier and Nämndunderlag read the user store as well; Översikt and Placeringar the seed database.
PAGES = ("oversikt", "placeringar", "importera", "scenarier", "namndunderlag")
AS_OF = ("2020-07-01", "2020-08-01", "2020-09-01")   # each import states a later "uppgifter per": a new "now"
DATA_DATE = re.compile(r"Data t\.o\.m\. (\d{4}-\d{2}-\d{2})")


async def run_page(socket, page: str) -> tuple[bool, set[str]]:
    """(failed, the 'Data t.o.m.' dates the run showed)."""
    message = BackMsg()
    message.rerun_script.page_name = page
    await socket.send(message.SerializeToString())
    failed, dates = False, set()
    while True:
        reply = ForwardMsg()
        reply.ParseFromString(await socket.recv())
        kind = reply.WhichOneof("type")
        if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
            element = reply.delta.new_element
            failed |= element.WhichOneof("type") == "exception"
            if element.WhichOneof("type") == "markdown":
                dates |= set(DATA_DATE.findall(element.markdown.body))
        elif kind == "script_finished" and reply.script_finished == 2:
            # stopped early for a rerun (`/oversikt` switches to Översikt's own address): the rerun, which pins the
            # database anew, replaces what the stopped run drew, so only its dates are what the reader sees
            dates = set()
        elif kind == "script_finished":
            return failed or reply.script_finished != 0, dates


async def reader(url: str, page: str, stop: asyncio.Event, runs: list) -> None:
    async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None) as socket:
        while not stop.is_set():
            started = time.monotonic()
            runs.append((page, *await run_page(socket, page), started))


def import_agreement(env: dict, index: int) -> subprocess.Popen:
    file = env["FOLDER"] + f"/avtal{index}.csv"
    with open(file, "wb") as out:
        out.write(corpus.csv_bytes("agreements", [corpus.row("agreements", **{
            "Överenskommelse-id": f"FA_C{index}", "Period från": f"202{index + 1}-01-01",
            "Period till": f"202{index + 1}-12-31"})]))
    return subprocess.Popen([sys.executable, "-m", "dashboard", "import", "agreements", file, "--as-of", AS_OF[index]],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


async def scenario(url: str, env: dict) -> list:
    runs, stop = [], asyncio.Event()
    readers = [asyncio.create_task(reader(url, PAGES[i % len(PAGES)], stop, runs)) for i in range(6)]
    await asyncio.sleep(3)                                            # readers warm
    first = import_agreement(env, 0)
    await asyncio.to_thread(first.wait, 120)
    second, third = import_agreement(env, 1), import_agreement(env, 2)   # at once: one waits for the other
    await asyncio.to_thread(second.wait, 120)
    await asyncio.to_thread(third.wait, 120)
    done = time.monotonic()
    deadline = done + 60   # until every page has run once more, started after the last import
    while time.monotonic() < deadline and {page for page, *_, started in runs if started > done} != set(PAGES):
        await asyncio.sleep(0.2)
    stop.set()
    await asyncio.gather(*readers)
    for process in (first, second, third):
        assert process.returncode == 0, process.stderr.read()
    return runs, done


def test_readers_never_fail_and_never_mix_versions_while_imports_run(tmp_path, seed_database):
    shutil.copyfile(seed_database, tmp_path / "seed.duckdb")
    env = {"PEER_DB": str(tmp_path / "seed.duckdb"), "PEER_USER_DB": str(tmp_path / "user.duckdb"),
           "FOLDER": str(tmp_path)}
    with streamlit_server(DASHBOARD, env) as (_, url):
        started = time.monotonic()
        runs, done = run_async(scenario(url, {**os.environ, **env}))
    assert len(runs) > 30, (len(runs), time.monotonic() - started)
    assert not [run for run in runs if run[1]], [run for run in runs if run[1]][:3]
    assert not [run for run in runs if len(run[2]) != 1], [run for run in runs if len(run[2]) != 1][:3]
    seen = {date for _, _, dates, _ in runs for date in dates}
    assert {"2020-06-11", "2020-09-01"} <= seen   # before the first import and after the last
    after = {page: dates for page, _, dates, started in runs if started > done}
    assert set(after) == set(PAGES) and all(dates == {"2020-09-01"} for dates in after.values()), after
