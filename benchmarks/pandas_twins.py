"""The same indicators in pandas, over the same tables loaded into DataFrames: only to measure against."""

import numpy as np
import pandas as pd


def load(query) -> dict[str, pd.DataFrame]:
    """The tables the twins read, loaded once (the load is not part of the timed work)."""
    tables = {t: query(f"select * from {t}") for t in ("placement", "unit", "area", "absence", "funding_agreement",
                                                       "survey_response", "survey_option", "survey_question")}
    for frame in tables.values():
        for column in frame.columns:
            if column.endswith("_date") or column in ("period_start", "period_end", "decided_on"):
                frame[column] = pd.to_datetime(frame[column])
    return tables


def placements_per_stadsdel(t: dict, start, end) -> pd.DataFrame:
    p = t["placement"].merge(t["unit"][["unit_id", "area_id"]], on="unit_id").merge(
        t["area"][["area_id", "name", "area_kind"]], on="area_id")
    p = p[(p["start_date"] <= end) & (p["end_date"].isna() | (p["end_date"] >= start))]
    a = t["absence"].merge(p[["placement_id", "supporter_id", "name"]], on="placement_id")
    a = a[(a["start_date"] <= end) & (a["end_date"].isna() | (a["end_date"] >= start))]
    out = p.groupby(["name", "area_kind"]).agg(placements=("placement_id", "size"),
                                               supporters=("supporter_id", "nunique"),
                                               units=("unit_id", "nunique"), fte=("fte_share", "sum"))
    out["absent"] = a.groupby("name")["supporter_id"].nunique().reindex(out.index.get_level_values(0)).fillna(0).values
    return out.reset_index()


def supporters_per_unit(t: dict, as_of, target: int = 2) -> pd.DataFrame:
    p = t["placement"]
    p = p[(p["start_date"] <= as_of) & (p["end_date"].isna() | (p["end_date"] >= as_of))]
    out = p.groupby("unit_id")["supporter_id"].nunique().rename("supporters").reset_index()
    out = out.merge(t["unit"][["unit_id", "name", "unit_type", "area_id"]], on="unit_id")
    out["meets_target"] = out["supporters"] >= target
    return out


def funding_horizon(t: dict, as_of) -> pd.DataFrame:
    f = t["funding_agreement"].copy()
    f["lead_time_days"] = (f["period_start"] - f["decided_on"]).dt.days
    f["days_left"] = (f["period_end"] - as_of).dt.days
    f["months_left"] = (f["days_left"] / 30.4375).round(1)
    return f


def survey_outcome_shares(t: dict, threshold: int = 5) -> pd.DataFrame:
    answers = t["survey_response"].merge(t["survey_option"][["option_id", "question_id"]], on="option_id")
    n = answers.groupby("question_id")["respondent_id"].nunique().rename("respondents")
    counts = answers.groupby(["question_id", "option_id"])["respondent_id"].nunique().rename("selected").reset_index()
    out = counts.merge(n, on="question_id")
    p, z = out["selected"] / out["respondents"], 1.959963984540054
    half = z * np.sqrt(p * (1 - p) / out["respondents"] + z * z / (4 * out["respondents"] ** 2))
    centre = p + z * z / (2 * out["respondents"])
    out["ci_low"] = (centre - half) / (1 + z * z / out["respondents"])
    out["ci_high"] = (centre + half) / (1 + z * z / out["respondents"])
    out["suppressed"] = out["selected"] < threshold
    return out
