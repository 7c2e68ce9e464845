"""What a database file holds, table by table, to show that something left it exactly as it was."""

import hashlib
from pathlib import Path

import duckdb


def table_checksums(path: Path) -> dict[str, tuple[int, str]]:
    """Row count and a hash of the ordered contents of every table, read straight from the file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables order by table_name").fetchall()]
        sums = {}
        for table in tables:   # names from the file's own catalogue
            rows = con.execute(f'select * from "{table}" order by all').fetchall()
            sums[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return sums
    finally:
        con.close()


def checksums(*paths: Path) -> dict:
    """`table_checksums` of each file keyed (file name, table); a file that is not there is None."""
    result = {}
    for path in paths:
        if not path.exists():
            result[path.name] = None
            continue
        result.update({(path.name, table): sums for table, sums in table_checksums(path).items()})
    return result
