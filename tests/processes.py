"""Start servers for a measurement or a test and stop them afterwards: Streamlit, a throwaway PostgreSQL cluster
(as root it runs as the `postgres` user, which initdb requires) and nginx, all on loopback in temporary folders."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from dashboard.base.paths import ROOT

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


DASHBOARD = ("-m", "dashboard.ui.serve")   # the README's start command


def streamlit_run(script: Path) -> tuple[str, ...]:
    return ("-m", "streamlit", "run", str(script))


@contextmanager
def streamlit_server(command: tuple[str, ...], env: dict[str, str], wait: bool = True):
    """Yield (process, base URL) of `python <command>`; with `wait`, only once it answers its health check."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, *command, "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while wait and not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start ({' '.join(command)})")
            time.sleep(0.02)
        yield process, url
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size so far (Linux `VmHWM`)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("VmHWM not found")


def postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return str(Path(found[-1]).parent) if found else None


@contextmanager
def postgres_cluster():
    """Yield a function `database(name) -> url` creating a fresh database on a throwaway cluster."""
    if not postgres_bin():
        raise RuntimeError("PostgreSQL saknas (apt-get install postgresql)")
    bindir = Path(postgres_bin())
    folder = Path(tempfile.mkdtemp(prefix="peer-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o755)
    data, port = folder / "data", free_port()
    subprocess.run([*as_postgres, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
                    f"-p {port} -k {folder} -c listen_addresses='' -c fsync=off", "start"],
                   check=True, capture_output=True)

    def database(name: str) -> str:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@/postgres?host={folder}&port={port}", autocommit=True) as con:
            con.execute(f'create database "{name}"')   # a test's own name, not input
        return f"postgresql://postgres@/{name}?host={folder}&port={port}"

    try:
        yield database
    finally:
        subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def nginx_bin() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@contextmanager
def nginx(config_text: str):
    """Run nginx in the foreground with `config_text` (its paths inside a temporary folder); yield the folder."""
    binary = nginx_bin()
    if not binary:
        raise RuntimeError("nginx saknas (apt-get install nginx)")
    folder = Path(tempfile.mkdtemp(prefix="peer-nginx-"))
    (folder / "nginx.conf").write_text(config_text.replace("@FOLDER@", str(folder)), encoding="utf-8")
    process = subprocess.Popen([binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=open(folder / "stderr.log", "wb"))
    time.sleep(0.5)
    if process.poll() is not None:
        raise RuntimeError((folder / "stderr.log").read_text())
    try:
        yield folder
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def balancer_config(upstreams: list[str], port: int) -> str:
    """deploy/nginx.conf with these replicas (host:port) and listening on loopback `port`."""
    text = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    servers = "\n        ".join(f"server {address} max_fails=1 fail_timeout=5s;" for address in upstreams)
    return text.replace("@UPSTREAMS@", servers).replace("@LISTEN@", f"127.0.0.1:{port}")


def replicas(stack, folder: Path, store_url: str, count: int) -> list[str]:
    """Start `count` dashboard replicas on the shared PostgreSQL store, each with its own seed database in
    `folder` and the cookie secret they must share; return their base URLs (entered on `stack`)."""
    started = []
    for index in range(count):
        env = {"PEER_DB": str(folder / f"replica{index}.duckdb"), "PEER_DATABASE_URL": store_url,
               "STREAMLIT_SERVER_COOKIE_SECRET": "delad-mellan-replikerna"}
        started.append(stack.enter_context(streamlit_server(DASHBOARD, env))[1])
    return started
