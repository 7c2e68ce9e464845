"""Two dashboard replicas on one PostgreSQL store behind nginx (`deploy/nginx.conf`), started for real on loopback:
the load balancer's health check answers, a browser's cookie (Secure, HttpOnly, SameSite=Lax) keeps it on one
replica, no response names a replica, Streamlit's metrics are not reachable through nginx, and an import made on
one replica shows on the other within seconds, through nginx and on each replica directly."""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.processes import balancer_config, free_port, nginx, replicas
from tests.reliability import corpus
from tests.servers import require_nginx, run_async

ROOT = Path(__file__).resolve().parent.parent
DATA_DATE = re.compile(r"Data t\.o\.m\. (\d{4}-\d{2}-\d{2})")

pytestmark = pytest.mark.reliability   # four servers and a PostgreSQL cluster: CI runs it, `--reliability` locally


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def upstreams(log: Path, marker: str, expected: int = 1) -> list[str]:
    """The replicas nginx's access log says served the requests whose address holds `marker`; waits up to five
    seconds for `expected` of them (nginx writes a line after its response, so the last may not be there yet)."""
    deadline = time.monotonic() + 5
    while True:
        lines = [line for line in log.read_text().splitlines() if marker in line]
        if len(lines) >= expected or time.monotonic() > deadline:
            return [line.rsplit("upstream=", 1)[1] for line in lines]
        time.sleep(0.05)


async def data_date(url: str) -> str:
    """The 'Data t.o.m.' a fresh session on Översikt shows."""
    async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None) as socket:
        message = BackMsg()
        message.rerun_script.page_name = "oversikt"
        await socket.send(message.SerializeToString())
        dates = set()
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await socket.recv())
            if reply.WhichOneof("type") == "delta" and reply.delta.new_element.WhichOneof("type") == "markdown":
                dates |= set(DATA_DATE.findall(reply.delta.new_element.markdown.body))
            if reply.WhichOneof("type") == "script_finished" and reply.script_finished != 2:
                assert len(dates) == 1, dates
                return dates.pop()


def test_an_import_on_one_replica_shows_on_the_other_behind_nginx(tmp_path, postgres_cluster):
    url = postgres_cluster("replicas")
    with ExitStack() as stack:
        first, second = replicas(stack, tmp_path, url, 2)
        port, addresses = free_port(), [first.removeprefix("http://"), second.removeprefix("http://")]
        log = stack.enter_context(nginx(balancer_config(addresses, port))) / "access.log"
        balancer = f"http://127.0.0.1:{port}"
        status, _, body = get(balancer + "/healthz")
        assert (status, body) == (200, b"ok")

        # sticky: the cookie of a first response keeps the next requests on its replica; the cookie is for https
        # only and not for scripts, and no response says which replica answered (the log does)
        _, headers, _ = get(balancer + "/")
        cookie, *attributes = [part.strip() for part in headers["Set-Cookie"].split(";")]
        assert cookie.startswith("peer_replica=") and {"Secure", "HttpOnly", "SameSite=Lax"} <= set(attributes)
        responses = [get(balancer + f"/?sticky={n}", cookie)[1] for n in range(5)]
        sticky = upstreams(log, "sticky=", 5)
        assert len(set(sticky)) == 1 and len(sticky) == 5
        for _ in range(20):
            responses.append(get(balancer + "/?new")[1])
        assert set(upstreams(log, "/?new", 20)) == set(addresses)   # new browsers are spread over both
        assert not [h for r in responses for h in r.items() if "upstream" in h[0].lower()
                    or any(address in h[1] for address in addresses)]

        # Streamlit's metrics answer on a replica (loopback only), never through nginx, however the path is spelt
        status, _, body = get(first + "/_stcore/metrics")
        assert status == 200 and b"# TYPE" in body
        for path in ("/_stcore/metrics", "//_stcore/metrics", "/_stcore/%6detrics", "/_stcore/./metrics",
                     "/_stcore/metrics?families=session_events"):
            status, _, body = get(balancer + path)
            assert status == 404 and b"# TYPE" not in body, path

        assert run_async(data_date(second)) == "2020-06-11"
        file = tmp_path / "avtal.csv"
        file.write_bytes(corpus.csv_bytes("agreements", [corpus.VALID["agreements"]]))
        imported = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", "agreements", str(file), "--as-of", "2020-09-01"],
            cwd=ROOT, env={**os.environ, "PEER_DB": str(tmp_path / "replica0.duckdb"), "PEER_DATABASE_URL": url},
            capture_output=True, text=True, timeout=120)
        assert imported.returncode == 0, imported.stderr

        deadline, seen = time.monotonic() + 20, {}
        while time.monotonic() < deadline:
            seen = {name: run_async(data_date(base)) for name, base in
                    (("andra repliken", second), ("första repliken", first), ("nginx", balancer))}
            if set(seen.values()) == {"2020-09-01"}:
                break
            time.sleep(0.5)
        assert set(seen.values()) == {"2020-09-01"}, seen


@pytest.fixture(autouse=True)
def _nginx_available():
    require_nginx()
