"""Real servers for tests, on loopback and in temporary folders: a throwaway PostgreSQL cluster and nginx.

On a developer machine without Debian's `postgresql` or `nginx` the tests that need them are skipped; in CI (`CI`
or `PEER_REQUIRE_SERVERS` set) a missing server fails them. As root, PostgreSQL runs as the `postgres` user
(initdb refuses root), in a folder that user owns.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.server import free_port


def require(binary: str | None, what: str, install: str) -> str:
    if binary and Path(binary).exists():
        return binary
    message = f"{what} saknas ({install})."
    if os.environ.get("CI") or os.environ.get("PEER_REQUIRE_SERVERS"):
        pytest.fail(message + " CI kräver den.", pytrace=False)
    pytest.skip(message)


def postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return str(Path(found[-1]).parent) if found else None


@contextmanager
def postgres_cluster():
    """Yield a function `database(name) -> url` creating a fresh database on a throwaway cluster."""
    bindir = Path(require(postgres_bin(), "PostgreSQL", "apt-get install postgresql"))
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
    binary = require(nginx_bin(), "nginx", "apt-get install nginx")
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
