"""Build time against imported rows: 0 to 100 000 synthetic imported rows (a fixed seed), written to a DuckDB user
store as imports write them, then `build_database()` as `python -m dashboard build` runs it (read the store, load
the seeds, replay the imports, the aggregates), median of three builds per size.

The rows are every kind in the proportions a year of imports might have (six placements to one of each other
kind), in imports of at most 5 000 rows; one placement row in ten gives an absence and one in ten changes a
placement an earlier import brought, so the replay's "latest import wins" has work to do."""

import csv
import json
import os
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.stats import summary
from dashboard.base import paths
from dashboard.imports.kinds import STATUS_CODES, UNIT_TYPES
from dashboard.params import STATUS
from dashboard.store import userdata
from dashboard.store.build import build_database

SIZES = (0, 10_000, 50_000, 100_000)
ROUNDS = 3
ROWS_PER_IMPORT = 5_000
SHARES = (("units", 1), ("placements", 6), ("agreements", 1), ("survey_responses", 1), ("recommendation_status", 1))
TARGET_ROWS, TARGET_SECONDS = 100_000, 10.0


def _seed_ids(table: str, column: str) -> list[str]:
    with (paths.seed_dir() / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


class Rows:
    """Valid records of each kind against the shipped seeds, numbered so that keys only repeat where meant to."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.areas = _seed_ids("area", "area_id")
        self.units = _seed_ids("unit", "unit_id")
        self.options = [o for o in _seed_ids("survey_option", "option_id") if o.startswith("PO2019")]
        self.recommendations = _seed_ids("recommendation", "recommendation_id")
        self.placements = 0

    def units_(self, i: int) -> dict:
        unit_id = f"U_B{i}"
        self.units.append(unit_id)
        return {"unit_id": unit_id, "name": f"Enhet {i}", "unit_type": self.rng.choice(UNIT_TYPES),
                "area_id": self.rng.choice(self.areas), "owner": "Stadsdelsförvaltningen"}

    def placements_(self, i: int, earlier: int) -> dict:
        number = self.rng.randrange(earlier) if earlier and self.rng.random() < 0.1 else i
        start = date(2021, 1, 1) + timedelta(days=30 * (number % 10))
        record = {"placement_id": f"PL_B{number}", "supporter_id": f"P{10_000 + number // 10}",
                  "unit_id": self.rng.choice(self.units), "start_date": start.isoformat(),
                  "end_date": (start + timedelta(days=27)).isoformat(), "fte_share": self.rng.choice((0.25, 0.5, 1.0)),
                  "absence_start": None, "absence_end": None, "absence_kind": None}
        if self.rng.random() < 0.1:
            record.update(absence_start=(start + timedelta(days=3)).isoformat(),
                          absence_end=(start + timedelta(days=9)).isoformat(), absence_kind="sjukskrivning")
        return record

    def agreements_(self, i: int) -> dict:
        decided = self.rng.random() < 0.5
        return {"agreement_id": f"FA_B{i}", "dnr": f"1.5.1–{i}/2021", "funder": "Socialnämnden",
                "amount_sek": self.rng.randrange(100_000, 5_000_000), "period_start": "2022-01-01",
                "period_end": "2022-12-31", "status": self.rng.choice(list(STATUS_CODES)),
                "decided_on": "2021-11-30" if decided else None}

    def survey_responses_(self, i: int) -> dict:
        return {"survey_id": "PO2019", "respondent_id": f"R{i // 8}", "option_id": self.rng.choice(self.options)}

    def recommendation_status_(self, i: int) -> dict:
        return {"recommendation_id": self.rng.choice(self.recommendations), "status": self.rng.choice(STATUS.choices),
                "status_date": (date(2021, 1, 1) + timedelta(days=i % 365)).isoformat(), "note": f"Uppföljning {i}"}


def imports(total: int, seed: int = 1) -> list[tuple[str, list[dict]]]:
    """(kind, records) per import, `total` rows in all."""
    rows, weight = Rows(random.Random(seed)), sum(share for _, share in SHARES)
    found = []
    for kind, share in SHARES:
        count = total * share // weight
        for first in range(0, count, ROWS_PER_IMPORT):
            numbers = range(first, min(first + ROWS_PER_IMPORT, count))
            if kind == "placements":
                found.append((kind, [rows.placements_(i, first) for i in numbers]))
            else:
                found.append((kind, [getattr(rows, f"{kind}_")(i) for i in numbers]))
    return found


def fill_store(batches: list[tuple[str, list[dict]]]) -> int:
    """Write the imports to the user store the way `importer.apply` does; returns the rows written."""
    for number, (kind, records) in enumerate(batches, start=1):
        log = {"import_id": number, "imported_at": datetime(2026, 1, 1) + timedelta(minutes=number), "kind": kind,
               "file_name": f"{kind}_{number}.csv", "file_sha256": f"{number:064x}", "rows_added": len(records),
               "rows_changed": 0, "rows_unchanged": 0, "who": "benchmark", "detected": "",
               "source_dated": date(2021, 12, 31)}
        items = json.dumps([{"row_number": row, "record": record} for row, record in enumerate(records, start=2)],
                           ensure_ascii=False)
        with userdata.transaction() as run:
            run("user/import_insert_log", log)
            run("user/import_insert_rows", {"import_id": number, "rows": items})
    return sum(len(records) for _, records in batches)


def measure() -> dict:
    rows, before = [], os.environ.get("PEER_USER_DB")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            os.environ["PEER_USER_DB"] = str(Path(folder) / f"user_{size}.duckdb")
            batches = imports(size)
            written = fill_store(batches)
            seconds = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                build_database(Path(folder) / f"seed_{size}.duckdb")
                seconds.append(time.perf_counter() - started)
            rows.append({"imported_rows": written, "imports": len(batches), **summary(seconds)})
    if before is not None:
        os.environ["PEER_USER_DB"] = before
    largest = next((r for r in rows if r["imported_rows"] == TARGET_ROWS), None)
    return {"sizes": rows, "target": f"{TARGET_ROWS} imported rows rebuild in ≤ {TARGET_SECONDS} s",
            "met": largest is not None and largest["median_ms"] <= TARGET_SECONDS * 1000}


def table(report: dict) -> list[str]:
    lines = ["| imported rows | imports | build median / p95 ms |", "| --- | --- | --- |"]
    lines += [f"| {r['imported_rows']} | {r['imports']} | {r['median_ms']} / {r['p95_ms']} |" for r in report["sizes"]]
    return lines + ["", f"Target: {report['target']}: {'met' if report['met'] else 'NOT met'}"]
