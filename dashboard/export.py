"""Tables to files: JSON-safe records, plain CSV, Swedish-Excel CSV and .xlsx with a metadata sheet.

Exports show missing values with the codes Kolada users know: `–` missing or not reported,
`.` not applicable, `..` suppressed (too few to show).
"""

import io
import math
from datetime import date, datetime, time

import pandas as pd


def plain_value(value):
    """A JSON- and CSV-safe Python value: ISO dates, None for missing, plain numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):  # pd.Timestamp included
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return plain_value(value.item())
    return value


def to_records(frame: pd.DataFrame) -> list[dict]:
    return [{k: plain_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def csv_plain(frame: pd.DataFrame) -> bytes:
    """UTF-8, comma, decimal point, ISO dates; missing values are empty."""
    return _records_frame(frame).to_csv(index=False).encode("utf-8")


def _records_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(to_records(frame), columns=list(frame.columns))


def csv_excel_sv(frame: pd.DataFrame) -> bytes:
    """CSV that Swedish Excel opens as a table: UTF-8 with BOM, semicolons, decimal comma, ISO dates."""
    swedish = frame.map(lambda v: str(v).replace(".", ",") if isinstance(v, float) else v)
    return swedish.to_csv(index=False, sep=";").encode("utf-8-sig")


def xlsx(frame: pd.DataFrame, about: dict[str, str], sheet: str = "Data") -> bytes:
    """A workbook with the table and a second sheet naming filters, dates and sources."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
        pd.DataFrame(list(about.items()), columns=["Uppgift", "Värde"]).to_excel(
            writer, sheet_name="Om uttaget", index=False
        )
        for worksheet in writer.sheets.values():
            for cells in worksheet.columns:
                width = max(len(str(c.value or "")) for c in cells[:200])
                worksheet.column_dimensions[cells[0].column_letter].width = min(max(10, width + 2), 60)
    return buffer.getvalue()


def file_name(stem: str, as_of, extension: str) -> str:
    """`placeringar_per_stadsdel_2019-06-30.xlsx`: what and as of when."""
    return f"{stem}_{plain_value(as_of)}.{extension}"
