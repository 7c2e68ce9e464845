"""The issue's targets checked against one bench report: met or missed, and by how much."""

from dataclasses import dataclass

from benchmarks.namndunderlag import TARGET_MS
from benchmarks.replay import TARGET_SECONDS


@dataclass(frozen=True)
class Check:
    target: str
    measured: float
    limit: float
    at_least: bool = False   # the measurement must reach the limit rather than stay under it

    @property
    def met(self) -> bool:
        return self.measured >= self.limit if self.at_least else self.measured <= self.limit

    @property
    def missed_by(self) -> float:
        """How many times the measurement falls short of the limit (1.0 when met)."""
        if self.met:
            return 1.0
        return self.limit / self.measured if self.at_least else self.measured / self.limit


def checks(report: dict) -> list[Check]:
    found = []
    for label, limit in (("seed", 1.5), ("synthetic", 3.0)):
        row = report[f"filter_change_{label}"]
        if "skipped" not in row:
            found.append(Check(f"filter change p95 ≤ {limit}× echo page ({label})", row["p95_ratio"], limit))
    for row in report["indicators"]:
        found.append(Check(f"{row['indicator']}: ≥ 10× faster than pandas", row["pandas_over_duckdb"], 10, True))
        found.append(Check(f"{row['indicator']}: ≤ 3× raw scan", row["duckdb_over_raw_scan"], 3))
    largest = report["replay"]["sizes"][-1]
    found.append(Check(f"{largest['imported_rows']} imported rows rebuild ≤ {TARGET_SECONDS:g} s (s)",
                       round(largest["median_ms"] / 1000, 2), TARGET_SECONDS))
    brief = report.get("namndunderlag", {"skipped": "not measured"})
    if "skipped" not in brief:
        found.append(Check(f"Nämndunderlag: change to preview p95 ≤ {TARGET_MS} ms (ms)", brief["all"]["p95_ms"],
                           TARGET_MS))
    if "skipped" not in report["cold_start"]:
        seconds = report["cold_start"]["serve_without_database_s"]
        found.append(Check("cold start ≤ 3 s incl. seed build (s)", seconds, 3))
    for label in ("seed", "synthetic"):
        for row in report[f"sessions_{label}"]:
            where = f"25 sessions, {label}, pause {row['think_s']} s"
            found += [Check(f"{where}: p95 ≤ 1000 ms", row["p95_ms"], 1000),
                      Check(f"{where}: errors", row["errors"], 0),
                      Check(f"{where}: peak RSS ≤ 600 MB", row["peak_rss_mb"], 600)]
    return found


def table(report: dict) -> list[str]:
    lines = ["| target | measured | met | missed by |", "| --- | --- | --- | --- |"]
    for check in checks(report):
        lines.append(f"| {check.target} | {check.measured} | {'ja' if check.met else 'NEJ'} | "
                     f"{'' if check.met else f'{check.missed_by:.2f}×'} |")
    return lines
