"""Validation time against rows: placement files of 100 to 20 000 valid rows through `importer.preview` (read,
validate every cell, the working-time and overlap sweeps, the preview of what changes), median of three runs
per size. Ten placements per supporter, back to back, is the working-time check's worst case that still
validates. Near-linear growth shows as a flat time per row and a log-log slope near 1."""

import math
import time

from benchmarks.stats import summary
from dashboard.imports import run as importer
from dashboard.imports.kinds import KINDS

SIZES = (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000)
ROUNDS = 3


def placement_file(rows: int) -> bytes:
    lines = [";".join(KINDS["placements"].headers)]
    for index in range(rows):
        supporter, month = index // 10, index % 10 + 1
        lines.append(f"PL_B{index};P{10_000 + supporter};U_FAR;2021-{month:02d}-01;2021-{month:02d}-28;0,5;;;")
    return ("\n".join(lines) + "\n").encode("utf-8")


def measure() -> dict:
    rows = []
    for size in SIZES:
        data, seconds = placement_file(size), []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            result = importer.preview("placements", "bench.csv", data)
            seconds.append(time.perf_counter() - started)
            assert result.ok, result.problems[:3]
        timing = summary(seconds)
        rows.append({"rows": size, **timing, "us_per_row": round(timing["median_ms"] * 1000 / size, 1)})
    # from 2 000 rows up: below that a fixed ~10 ms (reading references, building the preview) dominates
    first, last = next(r for r in rows if r["rows"] == 2_000), rows[-1]
    slope = math.log(last["median_ms"] / first["median_ms"]) / math.log(last["rows"] / first["rows"])
    return {"sizes": rows, "log_log_slope": round(slope, 2)}


def table(report: dict) -> list[str]:
    lines = ["| rows | validation median / p95 ms | µs per row |", "| --- | --- | --- |"]
    lines += [f"| {r['rows']} | {r['median_ms']} / {r['p95_ms']} | {r['us_per_row']} |" for r in report["sizes"]]
    return lines + ["", f"Log-log slope from 2 000 to {SIZES[-1]} rows: {report['log_log_slope']} (1 = linear)"]
