"""Median and 95th percentile of timings, in milliseconds."""

import statistics

import numpy as np


def summary(seconds: list[float]) -> dict:
    return {"median_ms": round(statistics.median(seconds) * 1000, 2),
            "p95_ms": round(float(np.percentile(seconds, 95)) * 1000, 2)}
