"""The same session load against one replica and against two behind nginx (`deploy/nginx.conf`), both on one
PostgreSQL store, in one run: reruns per second and p95 for each, and the ratio of the two throughputs.

The load generator runs on the same two cores as the replicas, so it competes with them for CPU: the ratio is a
lower bound of what two replicas on their own hosts carry."""

import asyncio
import tempfile
from contextlib import ExitStack
from pathlib import Path

from benchmarks import load
from benchmarks.stats import summary
from tests.processes import balancer_config, free_port, nginx, postgres_cluster, replicas

SESSIONS, SECONDS = 20, 20


def _measure(url: str, warm: list[str]) -> dict:
    for base in warm:   # each replica's first session pays its database build; the load starts warm
        asyncio.run(load._drive(base, 1, 0))
    results = asyncio.run(load._drive(url, SESSIONS, SECONDS))
    return {"reruns_per_s": round(len(results["latencies"]) / results["elapsed"], 1),
            **summary(results["latencies"]), "errors": results["errors"]}


def one_against_two() -> dict:
    with postgres_cluster() as database, tempfile.TemporaryDirectory() as folder:
        store = database("bench")
        with ExitStack() as stack:
            (single,) = replicas(stack, Path(folder) / "one", store, 1)
            one = _measure(single, [single])
        with ExitStack() as stack:
            pair = replicas(stack, Path(folder) / "two", store, 2)
            port = free_port()
            stack.enter_context(nginx(balancer_config([base.removeprefix("http://") for base in pair], port)))
            two = _measure(f"http://127.0.0.1:{port}", pair)
    return {"sessions": SESSIONS, "seconds": SECONDS, "one_replica": one, "two_replicas_behind_nginx": two,
            "throughput_ratio": round(two["reruns_per_s"] / one["reruns_per_s"], 2)}


def table(report: dict) -> list[str]:
    lines = [f"| {report['sessions']} sessions, {report['seconds']} s | reruns/s | p50 / p95 ms | errors |",
             "| --- | --- | --- | --- |"]
    for label, key in (("one replica", "one_replica"), ("two replicas behind nginx", "two_replicas_behind_nginx")):
        row = report[key]
        lines.append(f"| {label} | {row['reruns_per_s']} | {row['median_ms']} / {row['p95_ms']} | {row['errors']} |")
    return lines + ["", f"Throughput, two ÷ one: {report['throughput_ratio']}"]
