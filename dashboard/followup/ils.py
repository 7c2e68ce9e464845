"""The follow-up as the city's ILS takes it: *wide* (one row per nämndmål and indicator, for people) and *long*
(one value per row, shaped like Stratsys' KPI data: indikator; enhet; kolumn; datum; värde), as Swedish CSV
(UTF-8 with BOM, semicolons, decimal comma) or .xlsx.

A suppressed cell is Kolada's `..`, never a number. In *wide* a missing value is `–`; *long* has no row for a value
that does not exist (no årsmål, no gender split, an utfall the sources give only as a range or a bound), so an
import into ILS never writes a guess. A locked period is written from its rows as reported, and the workbook's
times are the lock's: the files regenerate byte-identical.
"""

import io
import re
import zipfile
from datetime import datetime

import pandas as pd

from dashboard import export
from dashboard.base import formatting as fmt
from dashboard.followup import assessments
from dashboard.followup.measures import CITY

WIDE = ["Nämnd", "Nämndmål", "Indikator", "Period", "Utfall totalt", "Utfall kvinnor", "Utfall män", "Årsmål",
        "Bedömning", "Analys", "Källa"]
LONG = ["indikator", "enhet", "kolumn", "datum", "värde"]
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def wide(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([[CITY, r["goal"], r["indicator_title"], r["period"], _total(r), *_split(r),
                          _cell(r["target"]), assessments.LABELS[r["bedomning"]], r["analys"], source(r)]
                         for r in rows], columns=WIDE)


def _split(row: dict) -> tuple:
    """Kvinnor and män; Kolada's '.' where the measure does not count people."""
    return (_cell(row["women"]), _cell(row["men"])) if row["people"] else (fmt.NOT_APPLICABLE, fmt.NOT_APPLICABLE)


def long(rows: list[dict]) -> pd.DataFrame:
    """One row per indicator and kolumn; an indicator that follows several goals is written once."""
    values, seen = [], set()
    for r in rows:
        key = (r["indicator"], r["measure"])
        if key in seen:
            continue
        seen.add(key)
        for column, value in (("Utfall", r["total"]), ("Utfall kvinnor", r["women"]), ("Utfall män", r["men"]),
                              ("Årsmål", r["target"])):
            if value is not None:
                values.append([r["indicator_title"], CITY, column, r["period_end"], _cell(value)])
    return pd.DataFrame(values, columns=LONG)


def source(row: dict) -> str:
    """'S000 (2020-06-11, senast känt; dokumenterat); årsmål 2 (högre är bättre), dnr …; reviderat …'."""
    kind = {"documented": "dokumenterat", "derived": "härlett", "unknown": "uppgift saknas"}.get(row["basis"], "")
    when = ", ".join(part for part in (row["observed_on"], "senast känt" if row["status"] == "last_known" else "",
                                       kind) if part)
    parts = [f"{row['sources'] or 'ingen källa'} ({when})", row["target_note"], row.get("revision", "")]
    return "; ".join(part for part in parts if part)


def _total(row: dict):
    """The single figure, or as the sources give it ('7–8', 'minst 1', '–')."""
    return _cell(row["total"]) if row["total"] is not None else row["total_shown"]


def _cell(value):
    """A whole number as an integer (no '7,0'), `..` kept, a missing value `–`."""
    if value is None:
        return fmt.MISSING
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def csv(frame: pd.DataFrame) -> bytes:
    return export.csv_excel_sv(frame)


def xlsx(frame: pd.DataFrame, about: dict[str, str], fixed_time: datetime | None) -> bytes:
    """The workbook; with `fixed_time` (a locked report's), its file and zip times are that time, so the same rows
    always give the same bytes."""
    data = export.xlsx(frame, about, sheet="Uppföljning")
    return data if fixed_time is None else _frozen(data, fixed_time)


def _frozen(data: bytes, when: datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source_zip, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source_zip.infolist():
            content = source_zip.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
