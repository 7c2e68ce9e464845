"""Where the project's files live. Read at call time so tests can point elsewhere."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
SCHEMA_FILE = DATA_DIR / "schema.sql"
AGGREGATES_FILE = DATA_DIR / "aggregates.sql"
QUERY_DIR = ROOT / "queries"
SECRETS = ROOT / ".streamlit" / "secrets.toml"


def database_path() -> Path:
    """The seed database; `PEER_DB` overrides the default inside `data/`."""
    return Path(os.environ.get("PEER_DB", DATA_DIR / "peer_support.duckdb"))


def seed_dir() -> Path:
    """The seed CSV folder; `PEER_SEED_DIR` overrides `data/seeds`."""
    return Path(os.environ.get("PEER_SEED_DIR", DATA_DIR / "seeds"))
