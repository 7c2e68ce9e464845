"""`python -m dashboard bench`: measure in one run and print a table of ratios.

1. Each indicator's query time (median and p95 over runs with varied parameters) in DuckDB through
   `indicators.run`, next to its pandas twin over the same tables in memory, and next to a raw aggregate scan
   of exactly the columns the indicator reads.
2. The full rerun time of every page with AppTest, on the seed data and on the synthetic data.
3. In Chromium (when installed): process start to first rendered page, with and without an existing database.
"""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from benchmarks import pandas_twins
from dashboard import db, indicators, synth
from dashboard.build import build_database

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15
# Aggregates over exactly the columns each indicator reads, so the data is really read.
RAW_SCANS = {
    "placements_per_stadsdel": "select count(distinct p.supporter_id), count(distinct p.unit_id), sum(p.fte_share), "
                               "min(p.start_date), max(p.end_date), count(distinct a.name), max(a.area_kind) "
                               "from placement p join unit u using (unit_id) join area a using (area_id)",
    "supporters_per_unit": "select count(distinct p.supporter_id), count(distinct p.unit_id), min(p.start_date), "
                           "max(p.end_date), max(u.name), max(u.unit_type) from placement p join unit u using (unit_id)",
    "funding_horizon": "select min(period_start), max(period_end), max(decided_on), sum(amount_sek), "
                       "max(status) from funding_agreement",
    "survey_outcome_shares": "select count(distinct r.respondent_id), count(distinct r.option_id), "
                             "count(distinct o.question_id) from survey_response r join survey_option o using (option_id)",
}


def _dates(rng) -> tuple[date, date]:
    start = date(2011, 1, 1) + timedelta(days=int(rng.integers(0, 3000)))
    return start, start + timedelta(days=int(rng.integers(30, 400)))


CASES = {
    "placements_per_stadsdel": (lambda d: {"from": d[0], "to": d[1]},
                                lambda t, d: pandas_twins.placements_per_stadsdel(t, *map(_ts, d))),
    "supporters_per_unit": (lambda d: {"as_of": d[0]}, lambda t, d: pandas_twins.supporters_per_unit(t, _ts(d[0]))),
    "funding_horizon": (lambda d: {"as_of": d[0]}, lambda t, d: pandas_twins.funding_horizon(t, _ts(d[0]))),
    "survey_outcome_shares": (lambda d: {"threshold": 5}, lambda t, d: pandas_twins.survey_outcome_shares(t)),
}


def _ts(value):
    import pandas as pd

    return pd.Timestamp(value)


def _time(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _summary(seconds: list[float]) -> dict:
    return {"median_ms": round(statistics.median(seconds) * 1000, 2),
            "p95_ms": round(float(np.percentile(seconds, 95)) * 1000, 2)}


def measure_indicators() -> list[dict]:
    rng = np.random.default_rng(1)
    tables = pandas_twins.load(db.query)
    rows = []
    for name, (params, twin) in CASES.items():
        duck, panda, raw = [], [], []
        for _ in range(RUNS):
            dates = _dates(rng)
            duck.append(_time(lambda: indicators.run(name, **params(dates))))
            panda.append(_time(lambda: twin(tables, dates)))
            raw.append(_time(lambda: db.query(RAW_SCANS[name])))
        d, p, r = _summary(duck), _summary(panda), _summary(raw)
        rows.append({"indicator": name, "duckdb": d, "pandas": p, "raw_scan": r,
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
        rows.append({"page": page.name, "first_run_ms": round(first * 1000), "rerun_ms": _summary(reruns)["median_ms"],
                     "exception": bool(app.exception)})
    return rows


def measure_cold_start(database: Path) -> dict:
    """Seconds from `streamlit run` to the first page rendered in Chromium, with and without a database."""
    chromium = shutil.which("chromium")
    if not chromium:
        return {"skipped": "chromium not installed"}
    from playwright.sync_api import sync_playwright

    results = {}
    for label, existing in (("without_database", False), ("with_database", True)):
        if not existing:
            database.unlink(missing_ok=True)
        port = 8700 + existing
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port",
                                   str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
                                  cwd=ROOT, env={**os.environ, "PEER_DB": str(database)},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=[
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                page = browser.new_page()
                while True:
                    try:
                        page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                        break
                    except Exception:
                        if time.perf_counter() - started > 60:
                            raise
                        time.sleep(0.05)
                page.wait_for_selector("h1", timeout=60000)
                results[label + "_s"] = round(time.perf_counter() - started, 2)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return results


def main(scale: str, out: str | None) -> int:
    report = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
              "scale": scale}
    with tempfile.TemporaryDirectory() as folder:
        seed_db = Path(folder) / "seed.duckdb"
        os.environ["PEER_DB"], os.environ["PEER_USER_DB"] = str(seed_db), str(Path(folder) / "user.duckdb")
        build_database(seed_db)
        report["pages_seed"] = measure_pages()
        report["cold_start"] = measure_cold_start(Path(folder) / "cold.duckdb")
        synthetic = Path(folder) / f"synth_{scale}.duckdb"
        synth.generate(scale, synthetic, seed=1)
        os.environ["PEER_DB"] = str(synthetic)
        report["indicators"] = measure_indicators()
        report["pages_synthetic"] = measure_pages()
    print(_table(report))
    if out:
        Path(out).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _table(report: dict) -> str:
    lines = [f"Scale: {report['scale']} · {report['machine']}", "",
             "| indicator | DuckDB median / p95 ms | pandas median ms | raw scan median ms | pandas ÷ DuckDB | "
             "DuckDB ÷ raw scan |", "| --- | --- | --- | --- | --- | --- |"]
    for row in report["indicators"]:
        lines.append(f"| {row['indicator']} | {row['duckdb']['median_ms']} / {row['duckdb']['p95_ms']} | "
                     f"{row['pandas']['median_ms']} | {row['raw_scan']['median_ms']} | {row['pandas_over_duckdb']} | "
                     f"{row['duckdb_over_raw_scan']} |")
    lines += ["", "| page | rerun ms (seed) | rerun ms (synthetic) |", "| --- | --- | --- |"]
    synthetic = {r["page"]: r for r in report["pages_synthetic"]}
    for row in report["pages_seed"]:
        lines.append(f"| {row['page']} | {row['rerun_ms']} | {synthetic[row['page']]['rerun_ms']} |")
    lines += ["", f"Cold start: {report['cold_start']}"]
    return "\n".join(lines)
