"""Shared fixtures. Real articles are read from ../shared at run time, never copied here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger.clean import clean_document, finalize_corpus
from storyledger.ingest import iter_documents

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "seeds"


@pytest.fixture(scope="session")
def cleaned_seeds():
    """(gold articles, {file name: cleaned Article}) for the five seed articles, corpus pass applied."""
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"../shared not present: {SEEDS} (seed articles are read at run time)")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))["articles"]
    arts = [clean_document(d) for d in iter_documents([SEEDS / "articles"])]
    changed = {a.id: a for a in finalize_corpus(arts)}
    return gold, {Path(a.source).name: changed.get(a.id, a) for a in arts}


# --- ledger backends ------------------------------------------------------------------------
# Store tests run against SQLite always and against PostgreSQL when .ci/with-postgres (run by
# `make test`) started a private server and put its URL in STORYLEDGER_TEST_PG.

def pg_url_or_skip() -> str:
    import os
    url = os.environ.get("STORYLEDGER_TEST_PG")
    if not url:
        pytest.skip(os.environ.get("STORYLEDGER_TEST_PG_SKIP")
                    or "no PostgreSQL server for the tests (run them through .ci/with-postgres)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'storyledger[postgres]')")
    return url


@pytest.fixture
def pg_db():
    """A fresh, empty PostgreSQL database on the test server; its URL; dropped after."""
    import uuid

    url = pg_url_or_skip()  # skips before the import where psycopg is not installed
    import psycopg
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_db(request, tmp_path):
    """A new ledger on each backend: a file path for SQLite, a URL for PostgreSQL."""
    if request.param == "sqlite":
        return tmp_path / "l.db"
    return request.getfixturevalue("pg_db")
