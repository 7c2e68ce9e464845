"""Deterministic synthetic data for tests and benchmarks, in a database file of its own (never the default).

Every row cites the source `SYN` ("Syntetiska data"), and `build_info.synthetic` is true, so every page shows a
banner. The shapes follow the real programme: most units have one supporter, agreements last one year and are often
decided late, survey answers are skewed.
"""

import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard import outputs
from dashboard.base import paths
from dashboard.store.build import SYNTHETIC_FINGERPRINT, create_aggregates, remove_database_file

YEARS = 10
FIRST_YEAR = 2011


@dataclass(frozen=True)
class Scale:
    municipalities: int
    districts_per_municipality: int
    units: int
    supporters: int
    placements: int
    answers: int


SCALES = {
    "small": Scale(3, 2, 60, 150, 600, 5_000),
    "city": Scale(1, 14, 2_000, 5_000, 20_000, 100_000),
    "national": Scale(290, 3, 20_000, 50_000, 200_000, 1_000_000),
}
UNIT_TYPES = ["sysselsättning", "träfflokal", "stödboende", "Bostad först", "aktivitetshus", "arbetsmarknadsinsats"]
DOC = {"source_id": "SYN", "source_ref": "genererad"}


def generate(scale_name: str, target: Path, seed: int, progress=None) -> dict[str, int]:
    """Write a synthetic database to `target` (refusing the default database path); return rows per table."""
    target = outputs.checked(target)   # never the seed database, the user store, a link or a folder
    scale, rng = SCALES[scale_name], np.random.default_rng(seed)
    tables = _tables(scale, rng)
    temporary = target.with_name(target.name + ".tmp-synth")
    remove_database_file(temporary)
    con = duckdb.connect(str(temporary))
    try:
        con.execute(paths.SCHEMA_FILE.read_text(encoding="utf-8"))
        for index, (name, frame) in enumerate(tables.items(), start=1):
            columns = con.table(name).columns
            con.from_df(frame.reindex(columns=columns)).insert_into(name)
            (progress or _bar)(index, len(tables), name)
        create_aggregates(con)
        con.execute("create table build_info as select ? as seed_fingerprint, ? as built_at, "
                    "date '2020-12-31' as data_as_of, true as synthetic",
                    [f"{SYNTHETIC_FINGERPRINT}{scale_name}:{seed}", datetime.now()])
        con.execute("checkpoint")
    finally:
        con.close()
    temporary.replace(target)   # the generator writes beside the target and renames, as `outputs.write_whole`
    return {name: len(frame) for name, frame in tables.items()}


def _bar(done: int, total: int, label: str) -> None:
    filled = int(30 * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {label:<24}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _tables(scale: Scale, rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    source = pd.DataFrame([{"source_id": "SYN", "title": "Syntetiska data (för test och prestandamätning)",
                            "organisation": "genererade", "author": None, "doc_type": "syntetisk",
                            "dated": date(2020, 12, 31), "date_note": "Genererade data, inga verkliga uppgifter.",
                            "dnr": None, "seed_file": None, "note": "SYNTETISKA DATA"}])
    areas = _areas(scale)
    units = _units(scale, rng, areas)
    supporters = pd.DataFrame({"supporter_id": [f"S{i:06d}" for i in range(scale.supporters)],
                               "employer": "NSPH", **DOC, "basis": "documented", "rule": None})
    placements, absences = _placements(scale, rng, units)
    agreements = _agreements(scale, rng)
    survey_tables = _surveys(scale, rng, areas)
    return {"source": source, "area": areas, "unit": units, "supporter": supporters, "placement": placements,
            "absence": absences, "funding_agreement": agreements, **survey_tables}


def _areas(scale: Scale) -> pd.DataFrame:
    names = [f"Kommun {m + 1:03d} – område {d + 1}" for m in range(scale.municipalities)
             for d in range(scale.districts_per_municipality)]
    return pd.DataFrame({"area_id": [f"A{i:05d}" for i in range(len(names))], "name": names,
                         "area_kind": "stadsdel", **DOC, "basis": "documented", "rule": None})


def _units(scale: Scale, rng, areas: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "unit_id": [f"U{i:06d}" for i in range(scale.units)], "name": [f"Enhet {i}" for i in range(scale.units)],
        "name_published": True, "unit_type": rng.choice(UNIT_TYPES, scale.units),
        "area_id": rng.choice(areas["area_id"].to_numpy(), scale.units), "owner": "Förvaltning", **DOC,
        "basis": "documented", "rule": None})


def _placements(scale: Scale, rng, units: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    count = scale.placements
    # Most units get one supporter: unit popularity follows a steep Zipf law.
    unit_index = np.minimum(rng.zipf(1.3, count) - 1, scale.units - 1)
    start = pd.Series(pd.to_datetime(f"{FIRST_YEAR}-01-01")
                      + pd.to_timedelta(rng.integers(0, 365 * YEARS, count), unit="D"))
    length = pd.to_timedelta(rng.integers(90, 1100, count), unit="D")
    end = (start + length).where(rng.random(count) > 0.1)          # one in ten open-ended
    placements = pd.DataFrame({
        "placement_id": [f"PL{i:07d}" for i in range(count)],
        "supporter_id": [f"S{i:06d}" for i in rng.integers(0, scale.supporters, count)],
        "unit_id": units["unit_id"].to_numpy()[rng.permutation(scale.units)[unit_index]],
        "start_date": start.dt.date, "end_date": end.dt.date, "fte_share": rng.choice([0.5, 0.75, 1.0, np.nan], count),
        **DOC, "basis": "documented", "rule": None})
    chosen = rng.random(count) < 0.1
    absent_start = start[chosen].reset_index(drop=True) + pd.to_timedelta(rng.integers(0, 60, chosen.sum()), unit="D")
    absences = pd.DataFrame({
        "absence_id": [f"AB{i:07d}" for i in range(chosen.sum())],
        "placement_id": placements["placement_id"][chosen].to_numpy(),
        "kind": "sjukskrivning", "start_date": absent_start.dt.date,
        "end_date": (absent_start + pd.to_timedelta(rng.integers(7, 120, chosen.sum()), unit="D")).dt.date,
        **DOC, "basis": "documented", "rule": None})
    return placements, absences


def _agreements(scale: Scale, rng) -> pd.DataFrame:
    rows = scale.municipalities * YEARS
    years = np.tile(np.arange(FIRST_YEAR, FIRST_YEAR + YEARS), scale.municipalities)
    starts = pd.to_datetime([f"{y}-01-01" for y in years])
    decided = starts + pd.to_timedelta(rng.normal(-20, 45, rows).round(), unit="D")   # often late
    return pd.DataFrame({
        "agreement_id": [f"FA{m:03d}-{y}" for m in range(scale.municipalities) for y in range(FIRST_YEAR,
                                                                                              FIRST_YEAR + YEARS)],
        "dnr": None, "funder": "Kommunen", "recipient": "NSPH", "funding_kind": "överenskommelse",
        "amount_sek": (rng.lognormal(14.5, 0.6, rows)).round(-4).astype("int64"),
        "period_start": starts.date, "period_end": (starts + pd.offsets.YearEnd(0)).date,
        "status": "decided", "decided_on": decided.date, "decision_source_id": "SYN", "decision_basis": "documented",
        "decision_rule": None, **DOC, "basis": "documented", "rule": None})


def _surveys(scale: Scale, rng, areas: pd.DataFrame) -> dict[str, pd.DataFrame]:
    count = max(1, scale.answers // 2_000)
    surveys = pd.DataFrame({
        "survey_id": [f"SV{i:04d}" for i in range(count)], "title": [f"Brukarenkät {i}" for i in range(count)],
        "area_id": rng.choice(areas["area_id"].to_numpy(), count), "fieldwork": "genererad",
        "fieldwork_start": [date(FIRST_YEAR + i % YEARS, 3, 1) for i in range(count)],
        "fieldwork_end": [date(FIRST_YEAR + i % YEARS, 4, 30) for i in range(count)], "forms_printed": None,
        "population": 2500, "excluded": 100, "declined": 200, "handed_out": 2200, "answered": 2000,
        "published_response_rate": None, "published_dropout_rate": None, **DOC, "basis": "documented", "rule": None})
    questions = pd.DataFrame({
        "question_id": [f"{s}-Q{q}" for s in surveys["survey_id"] for q in (1, 2)], "survey_id": np.repeat(
            surveys["survey_id"].to_numpy(), 2), "position": np.tile([1, 2], count),
        "text": np.tile(["Hur nöjd är du?", "Vad har du fått stöd med?"], count),
        "multiple_choice": np.tile([False, True], count), **DOC, "basis": "documented", "rule": None})
    option_text = ["Mycket", "Ganska", "Lite", "Inte alls"]
    options = pd.DataFrame({
        "option_id": [f"{q}-{o}" for q in questions["question_id"] for o in range(1, 5)],
        "question_id": np.repeat(questions["question_id"].to_numpy(), 4), "position": np.tile([1, 2, 3, 4], 2 * count),
        "text": np.tile(option_text, 2 * count), "free_text": False, **DOC, "basis": "documented", "rule": None})
    per_option = rng.choice(4, scale.answers, p=[0.55, 0.3, 0.1, 0.05])      # skewed towards the positive
    question = rng.integers(0, 2 * count, scale.answers)
    respondent = rng.integers(0, 2000, scale.answers)
    answers = pd.DataFrame({
        "survey_id": questions["survey_id"].to_numpy()[question],
        "respondent_id": [f"R{r:04d}" for r in respondent],
        "option_id": options["option_id"].to_numpy()[question * 4 + per_option], "source_id": "SYN"})
    answers = answers.drop_duplicates(["survey_id", "respondent_id", "option_id"])
    return {"survey": surveys, "survey_question": questions, "survey_option": options, "survey_response": answers}
