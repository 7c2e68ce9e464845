"""The real servers of `tests/processes.py` for tests: on a developer machine without Debian's `postgresql`
or `nginx` the tests that need them are skipped; in CI (`CI` or `PEER_REQUIRE_SERVERS` set) a missing server
fails them."""

import os
from pathlib import Path

import pytest

from tests.processes import nginx_bin, postgres_bin


def require(binary: str | None, what: str, install: str) -> str:
    if binary and Path(binary).exists():
        return binary
    message = f"{what} saknas ({install})."
    if os.environ.get("CI") or os.environ.get("PEER_REQUIRE_SERVERS"):
        pytest.fail(message + " CI kräver den.", pytrace=False)
    pytest.skip(message)


def require_postgres() -> None:
    require(postgres_bin(), "PostgreSQL", "apt-get install postgresql")


def require_nginx() -> None:
    require(nginx_bin(), "nginx", "apt-get install nginx")


def run_async(coroutine):
    """`asyncio.run` in a thread of its own: the browser tests' Playwright keeps an event loop running in this
    one for the whole session."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
