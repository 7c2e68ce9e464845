"""The same indicators in pandas, over the same tables loaded into DataFrames: only to measure against.

Each twin returns the rows and columns its SQL file returns (`bench` checks the row counts), so the comparison
is with the whole indicator: distinct counts, absences, provenance and the source list included.
"""

import numpy as np
import pandas as pd

Z = 1.959963984540054


def load(query) -> dict[str, pd.DataFrame]:
    """The tables the twins read, loaded once (the load is not part of the timed work)."""
    tables = {t: query(f"select * from {t}") for t in (
        "placement", "unit", "area", "absence", "funding_agreement", "survey", "survey_question", "survey_option",
        "survey_result", "recommendation", "survey_option_count", "survey_question_respondents")}
    for frame in tables.values():
        for column in frame.columns:
            if column.endswith("_date") or column in ("period_start", "period_end", "decided_on"):
                frame[column] = pd.to_datetime(frame[column])
    return tables


def _overlaps(frame: pd.DataFrame, start, end) -> pd.Series:
    return (frame["start_date"] <= end) & (frame["end_date"].isna() | (frame["end_date"] >= start))


def _basis(documented: pd.Series) -> pd.Series:
    return documented.map({True: "documented", False: "derived"})


def _source_list(frame: pd.DataFrame, key: str) -> pd.Series:
    """'S001, S002' per key: sorted distinct sources."""
    pairs = frame[[key, "source_id"]].drop_duplicates().sort_values([key, "source_id"])
    return pairs.groupby(key)["source_id"].agg(", ".join)


def placements_per_stadsdel(t: dict, start, end) -> pd.DataFrame:
    p = t["placement"].merge(t["unit"][["unit_id", "area_id"]], on="unit_id")
    p = p[_overlaps(p, start, end)]
    a = t["absence"].merge(p[["placement_id", "supporter_id", "area_id", "start_date", "end_date"]],
                           on="placement_id", suffixes=("", "_p"))
    a = a[(a["start_date"] <= a["end_date_p"].fillna(end).clip(upper=end))
          & (a["end_date"].isna() | (a["end_date"] >= a["start_date_p"].clip(lower=start)))]
    g = p.assign(documented=p["basis"].eq("documented"), unknown=p["fte_share"].isna()).groupby("area_id")
    out = pd.DataFrame({"placements": g.size(), "supporters": g["supporter_id"].nunique(),
                        "units": g["unit_id"].nunique(), "fte": g["fte_share"].sum(min_count=1),
                        "fte_unknown": g["unknown"].sum(), "basis": _basis(g["documented"].all())})
    out["absent"] = a.groupby("area_id")["supporter_id"].nunique().reindex(out.index, fill_value=0)
    out["sources"] = _source_list(pd.concat([p[["area_id", "source_id"]], a[["area_id", "source_id"]]]), "area_id")
    out = out.join(t["area"].set_index("area_id")[["name", "area_kind"]].rename(columns={"name": "area"}))
    out["period_from"], out["period_to"] = start, end
    return out.sort_values(["area_kind", "placements", "area"], ascending=[False, False, True]).reset_index(drop=True)


def supporters_per_unit(t: dict, as_of, target: int = 2) -> pd.DataFrame:
    p = t["placement"]
    p = p[_overlaps(p, as_of, as_of)]
    absences = t["absence"]
    absent_now = absences.loc[_overlaps(absences, as_of, as_of), "placement_id"]
    p = p.assign(documented=p["basis"].eq("documented"))
    g = p.groupby("unit_id")
    out = pd.DataFrame({"supporters": g["supporter_id"].nunique(), "basis": _basis(g["documented"].all()),
                        "sources": _source_list(p, "unit_id")})
    out["absent"] = p[p["placement_id"].isin(absent_now)].groupby("unit_id")["supporter_id"].nunique().reindex(
        out.index, fill_value=0)
    names = t["unit"].merge(t["area"][["area_id", "name", "area_kind"]].rename(columns={"name": "area"}), on="area_id")
    names = names.set_index("unit_id")[["name", "unit_type", "area", "area_kind"]].rename(columns={"name": "unit"})
    out = out.join(names)
    recommendations = t["recommendation"]
    target_sources = recommendations.loc[recommendations["indicator"] == "supporters_per_unit", "source_id"].unique()
    out["target"], out["meets_target"] = target, out["supporters"] >= target
    out["target_source"], out["as_of"] = ", ".join(sorted(target_sources)) or None, as_of
    return out.sort_values(["supporters", "area_kind", "area", "unit"],
                           ascending=[True, False, True, True]).reset_index(drop=True)


def funding_horizon(t: dict, as_of) -> pd.DataFrame:
    f = t["funding_agreement"].copy()
    f["agreement"] = f["dnr"].fillna(f["agreement_id"])
    decided = f["decided_on"].le(as_of).where(f["decided_on"].notna(), f["period_start"] <= as_of)
    f["decided_by_as_of"] = f["status"].eq("decided") & decided
    f["lead_time_days"] = (f["period_start"] - f["decided_on"]).dt.days
    f["days_left"] = (f["period_end"] - as_of).dt.days
    f["months_left"] = (f["days_left"] / 30.4375).round(1)
    f["sources"] = [", ".join(sorted({s for s in pair if isinstance(s, str)}))
                    for pair in zip(f["source_id"], f["decision_source_id"])]
    f["as_of"] = as_of
    return f.sort_values(["period_start", "agreement"]).reset_index(drop=True)


def survey_outcome_shares(t: dict, threshold: int = 5) -> pd.DataFrame:
    options = (t["survey_option"][["option_id", "question_id", "position", "text"]]
               .rename(columns={"position": "option_position", "text": "option"})
               .merge(t["survey_question"][["question_id", "survey_id", "position", "text", "multiple_choice"]]
                      .rename(columns={"position": "question_position", "text": "question"}), on="question_id")
               .merge(t["survey"][["survey_id", "title"]].rename(columns={"title": "survey"}), on="survey_id"))
    # The same precomputed counts the SQL reads (data/aggregates.sql)
    micro = options.merge(t["survey_question_respondents"], on="question_id").merge(
        t["survey_option_count"].rename(columns={"selected": "selected_raw"}), on="option_id", how="left")
    micro["selected_raw"] = micro["selected_raw"].fillna(0)
    micro["sources"] = [", ".join(ids) if isinstance(ids, (list, np.ndarray)) else "" for ids in micro["source_ids"]]
    small = micro["selected_raw"] < threshold
    small_single = micro.loc[small & ~micro["multiple_choice"], "question_id"].unique()
    micro["suppressed"] = small | (~micro["multiple_choice"] & micro["question_id"].isin(small_single))
    micro["share_raw"] = micro["selected_raw"] / micro["respondents"]
    micro["basis"], micro["count_basis"] = "microdata", "microdata"
    published = options.merge(t["survey_result"], on="option_id").rename(
        columns={"selected": "selected_raw", "share_published": "share_raw", "basis": "count_basis",
                 "source_id": "sources"})
    published["basis"], published["suppressed"] = "published", False
    out = pd.concat([micro, published], ignore_index=True)
    p = (out["selected_raw"] / out["respondents"]).fillna(out["share_raw"])
    n = out["respondents"]
    half = Z * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    centre = p + Z * Z / (2 * n)
    shown = ~out["suppressed"].astype(bool)
    out["selected"] = out["selected_raw"].where(shown)
    out["share"] = out["share_raw"].where(shown)
    out["ci_low"] = ((centre - half) / (1 + Z * Z / n)).where(shown)
    out["ci_high"] = ((centre + half) / (1 + Z * Z / n)).where(shown)
    return out.sort_values(["survey_id", "question_position", "option_position", "basis"]).reset_index(drop=True)
