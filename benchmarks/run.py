"""`python -m benchmarks`: measure in one run and print a table of ratios.

1. Each indicator's query time (median and p95 over runs with varied parameters) in DuckDB through
   `indicators.run`, next to its pandas twin over the same tables in memory, and next to a raw aggregate scan
   of exactly the columns the indicator reads.
2. The full rerun time of every page with AppTest, on the seed data and on the synthetic data.
3. In Chromium (when installed): process start to first rendered page, with and without an existing database,
   and filter change to redrawn page against a minimal echo page (`browser.py`).
4. 25 concurrent sessions over Streamlit's WebSocket protocol (`load.py`).
5. Import validation time against rows, 100 to 20 000 (`validation.py`).
6. Build time against imported rows, 0 to 100 000 (`replay.py`).
7. One replica against two behind nginx on a shared PostgreSQL store (`replicas.py`, where PostgreSQL and nginx
   are installed).
8. In Chromium: Nämndunderlag's change of a choice to the redrawn preview (`namndunderlag.py`).
"""

import json
import os
import platform
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from benchmarks import browser, load, namndunderlag, pandas_twins, replay, replicas, targets, validation
from benchmarks.stats import summary
from dashboard import indicators, synth
from dashboard.base.paths import ROOT
from dashboard.store import db
from dashboard.store.build import build_database
from tests.processes import nginx_bin, postgres_bin

RUNS = 15
# Per indicator, an aggregate over exactly the columns it reads, so the data is really read.
RAW_SCANS = {path.stem: path.read_text(encoding="utf-8") for path in (ROOT / "benchmarks" / "raw_scans").glob("*.sql")}


def _dates(rng) -> tuple[date, date]:
    start = date(2011, 1, 1) + timedelta(days=int(rng.integers(0, 3000)))
    return start, start + timedelta(days=int(rng.integers(30, 400)))


CASES = {
    "placements_per_stadsdel": (lambda d: {"as_of": d[1], "from": d[0], "to": d[1]},
                                lambda t, d: pandas_twins.placements_per_stadsdel(t, *map(_ts, d))),
    "supporters_per_unit": (lambda d: {"as_of": d[0]}, lambda t, d: pandas_twins.supporters_per_unit(t, _ts(d[0]))),
    "funding_horizon": (lambda d: {"as_of": d[0]}, lambda t, d: pandas_twins.funding_horizon(t, _ts(d[0]))),
    "survey_outcome_shares": (lambda d: {}, lambda t, d: pandas_twins.survey_outcome_shares(t)),   # threshold: 5
}


def _ts(value):
    import pandas as pd

    return pd.Timestamp(value)


def _time(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure_indicators() -> list[dict]:
    rng = np.random.default_rng(1)
    tables = pandas_twins.load(db.query)
    rows = []
    for name, (params, twin) in CASES.items():
        duck, panda, raw, same_rows = [], [], [], True
        for _ in range(RUNS):
            dates = _dates(rng)
            started = time.perf_counter()
            ours = indicators.run(name, **params(dates))
            duck.append(time.perf_counter() - started)
            started = time.perf_counter()
            theirs = twin(tables, dates)
            panda.append(time.perf_counter() - started)
            raw.append(_time(lambda: db.query(RAW_SCANS[name])))
            same_rows &= len(ours) == len(theirs)
        d, p, r = summary(duck), summary(panda), summary(raw)
        rows.append({"indicator": name, "duckdb": d, "pandas": p, "raw_scan": r, "same_rows": same_rows,
                     "pandas_over_duckdb": round(p["median_ms"] / d["median_ms"], 2),
                     "duckdb_over_raw_scan": round(d["median_ms"] / r["median_ms"], 2)})
    return rows


def measure_pages() -> list[dict]:
    from streamlit.testing.v1 import AppTest

    rows = []
    for page in sorted((ROOT / "pages").glob("*.py")):
        app = AppTest.from_file(str(page), default_timeout=120)
        first = _time(app.run)
        reruns = [_time(app.run) for _ in range(3)]
        rows.append({"page": page.name, "first_run_ms": round(first * 1000), "rerun_ms": summary(reruns)["median_ms"],
                     "exception": bool(app.exception)})
    return rows


def main(scale: str, out: str | None, only: str | None = None) -> int:
    report = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
              "scale": scale}
    with tempfile.TemporaryDirectory() as folder:
        seed_db = Path(folder) / "seed.duckdb"
        env = {"PEER_DB": str(seed_db), "PEER_USER_DB": str(Path(folder) / "user.duckdb")}
        os.environ.update(env)
        build_database(seed_db)
        if only == "replicas":
            report["replicas"] = replicas.one_against_two()
            print("\n".join(replicas.table(report["replicas"])))
            return _write(report, out)
        if only == "namndunderlag":
            report["namndunderlag"] = namndunderlag.measure(env)
            print("\n".join(namndunderlag.table(report["namndunderlag"])))
            return _write(report, out)
        if only == "filter_change":
            report["filter_change_seed"] = browser.filter_change(env, _areas())
            print(json.dumps(report["filter_change_seed"], indent=2))
            return _write(report, out)
        if only == "replay":
            report["replay"] = replay.measure()
            print("\n".join(replay.table(report["replay"])))
            return _write(report, out)
        report["validation"] = validation.measure()
        if only == "validation":
            print("\n".join(validation.table(report["validation"])))
            return _write(report, out)
        report["replay"] = replay.measure()
        report["pages_seed"] = measure_pages()
        report["cold_start"] = browser.cold_start(Path(folder) / "cold.duckdb", env)
        report["filter_change_seed"] = browser.filter_change(env, _areas())
        report["namndunderlag"] = namndunderlag.measure(env)
        report["sessions_seed"] = load.concurrent_sessions(env)
        synthetic = Path(folder) / f"synth_{scale}.duckdb"
        synth.generate(scale, synthetic, seed=1)
        env["PEER_DB"] = os.environ["PEER_DB"] = str(synthetic)
        report["indicators"] = measure_indicators()
        report["pages_synthetic"] = measure_pages()
        report["filter_change_synthetic"] = browser.filter_change(env, _areas())
        report["sessions_synthetic"] = load.concurrent_sessions(env)
        report["replicas"] = replicas.one_against_two() if postgres_bin() and nginx_bin() else {"skipped": "no servers"}
    report["targets"] = [{"target": c.target, "measured": c.measured, "met": c.met, "missed_by": round(c.missed_by, 2)}
                         for c in targets.checks(report)]
    print(_table(report))
    return _write(report, out)


def _write(report: dict, out: str | None) -> int:
    if out:
        Path(out).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _areas() -> list[str]:
    """Areas to pick in turn, from the open database."""
    return indicators.run_query("lookups/filter_options")["area"].drop_duplicates().head(20).tolist()


def _table(report: dict) -> str:
    lines = [f"Scale: {report['scale']} · {report['machine']}", "",
             "| indicator | DuckDB median / p95 ms | pandas median ms | raw scan median ms | pandas ÷ DuckDB | "
             "DuckDB ÷ raw scan | same rows |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in report["indicators"]:
        lines.append(f"| {row['indicator']} | {row['duckdb']['median_ms']} / {row['duckdb']['p95_ms']} | "
                     f"{row['pandas']['median_ms']} | {row['raw_scan']['median_ms']} | {row['pandas_over_duckdb']} | "
                     f"{row['duckdb_over_raw_scan']} | {'ja' if row['same_rows'] else 'NEJ'} |")
    lines += ["", "| page | rerun ms (seed) | rerun ms (synthetic) |", "| --- | --- | --- |"]
    synthetic = {r["page"]: r for r in report["pages_synthetic"]}
    for row in report["pages_seed"]:
        lines.append(f"| {row['page']} | {row['rerun_ms']} | {synthetic[row['page']]['rerun_ms']} |")
    lines += ["", "| filter change → redrawn (Chromium) | app p50 / p95 ms | echo page p50 / p95 ms | p95 ratio |",
              "| --- | --- | --- | --- |"]
    for label in ("seed", "synthetic"):
        row = report[f"filter_change_{label}"]
        if "skipped" not in row:
            lines.append(f"| {label} | {row['app']['median_ms']} / {row['app']['p95_ms']} | "
                         f"{row['echo']['median_ms']} / {row['echo']['p95_ms']} | {row['p95_ratio']} |")
    lines += ["", "| 25 sessions | think s | p50 / p95 ms | errors | reruns/s | peak RSS MB |",
              "| --- | --- | --- | --- | --- | --- |"]
    for label in ("seed", "synthetic"):
        for row in report[f"sessions_{label}"]:
            lines.append(f"| {label} | {row['think_s']} | {row['median_ms']} / {row['p95_ms']} | {row['errors']} | "
                         f"{row['reruns_per_s']} | {row['peak_rss_mb']} |")
    lines += ["", *namndunderlag.table(report["namndunderlag"])]
    lines += ["", *validation.table(report["validation"]), "", *replay.table(report["replay"])]
    if "skipped" not in report["replicas"]:
        lines += ["", *replicas.table(report["replicas"])]
    lines += ["", f"Cold start: {report['cold_start']}", "", *targets.table(report)]
    return "\n".join(lines)
