"""The data's own "now": the latest date any source gives for itself, never today's date."""

from datetime import date

from dashboard import db, sqlfiles


def data_as_of() -> date:
    sql = sqlfiles.load("lookups/data_as_of")
    value = db.query(sql.sql, sql.bind({}))["data_as_of"].iloc[0]
    return value.date() if hasattr(value, "date") else value
