"""Checks across rows, against what the database already holds: a supporter over full time or twice in one unit
on a day, a respondent with two answers to a single-choice question.

Each runs in O(n log n) over the rows of one supporter or respondent (a sweep over start and end events), so a
file of 20 000 rows is checked in a second, not in hours. Each returns (file row, column, message).
"""

from collections import defaultdict
from datetime import date, timedelta

import pandas as pd

from dashboard.base.formatting import percent

FTE_COLUMN, UNIT_COLUMN, OPTION_COLUMN = "Arbetstid (andel av heltid)", "Enhets-id", "Svarsalternativ-id"


def check_overlaps(kind: str, records: list[dict], refs) -> list[tuple[int, str, str]]:
    if kind == "placements":
        spans = _spans(records, refs.placements)
        return sorted([*_over_full_time(spans), *_twice_in_a_unit(spans)])
    if kind == "survey_responses":
        return _two_single_answers(records, refs)
    return []


def _day(value) -> date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") else value


def _spans(records: list[dict], existing: pd.DataFrame) -> dict[str, list[tuple]]:
    """Per supporter: (start, end or None, fte share or None, unit, file row or None) for the file's placements
    and the existing ones the file does not replace."""
    replaced = {record["placement_id"] for record in records}
    spans = defaultdict(list)
    for row in existing.itertuples(index=False):
        if row.placement_id not in replaced:
            share = None if pd.isna(row.fte_share) else float(row.fte_share)
            spans[row.supporter_id].append((_day(row.start_date), _day(row.end_date), share, row.unit_id, None))
    for record in records:
        spans[record["supporter_id"]].append((record["start_date"], record["end_date"], record.get("fte_share"),
                                              record["unit_id"], record["_row"]))
    return {supporter: rows for supporter, rows in spans.items() if any(r[4] is not None for r in rows)}


def _sweep(rows: list[tuple]):
    """Yield (day, active rows) at every start, with the rows active on that day: an end counts through its day."""
    events = []
    for index, (start, end, *_rest) in enumerate(rows):
        events.append((start, 1, index))
        if end is not None:
            events.append((end + timedelta(days=1), 0, index))   # ends before starts on the same day
    active: set[int] = set()
    for day, starts, index in sorted(events):
        if starts:
            active.add(index)
            yield day, active
        else:
            active.discard(index)


def _over_full_time(spans: dict) -> list:
    problems, reported = [], set()
    for supporter, rows in spans.items():
        known = [r for r in rows if r[2] is not None]
        total = 0.0
        for day, active in _sweep(known):
            total = sum(known[i][2] for i in active)
            if total <= 1 + 1e-9:
                continue
            for i in sorted(active, key=lambda i: known[i][4] or 0):
                row = known[i][4]
                if row is not None and row not in reported:
                    reported.add(row)
                    problems.append((row, FTE_COLUMN, f"{supporter} blir placerad över 100 % av heltid "
                                                      f"({percent(total)}) den {day.isoformat()}."))
    return problems


def _twice_in_a_unit(spans: dict) -> list:
    problems = []
    for supporter, rows in spans.items():
        for unit in {r[3] for r in rows if r[4] is not None}:
            same = [r for r in rows if r[3] == unit]
            for day, active in _sweep(same):
                if len(active) > 1:
                    row = max((same[i][4] for i in active if same[i][4] is not None), default=None)
                    if row is not None:
                        problems.append((row, UNIT_COLUMN, f"{supporter} är redan placerad i {unit} den "
                                                           f"{day.isoformat()}; samma placering räknas inte två gånger."))
                    break
    return problems


def _two_single_answers(records: list[dict], refs) -> list:
    """A single-choice question answered with two options by one respondent, in the file or with earlier imports."""
    chosen = {}
    existing = refs.responses if refs.responses is not None else pd.DataFrame(columns=["respondent_id", "option_id"])
    for row in existing.itertuples(index=False):
        question = refs.single_choice.get(row.option_id)
        if question:
            chosen[(row.survey_id, row.respondent_id, question)] = (row.option_id, None)
    problems = []
    for record in records:
        question = refs.single_choice.get(record["option_id"])
        if not question:
            continue
        key = (record["survey_id"], record["respondent_id"], question)
        earlier = chosen.get(key)
        if earlier and earlier[0] != record["option_id"]:
            where = f"rad {earlier[1]}" if earlier[1] else "en tidigare import"
            problems.append((record["_row"], OPTION_COLUMN, f"{record['respondent_id']} har redan svarat {earlier[0]} "
                                                            f"på samma fråga ({where}); frågan har ett svar per person."))
        else:
            chosen[key] = (record["option_id"], record["_row"])
    return problems
