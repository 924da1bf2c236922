"""The ledger file: one SQLite database per ledger.

Each model object is kept whole as JSON in a ``data`` column, with the few
fields that queries filter on copied into real columns. Any SQL tool can open
the file; ``schema_version`` in ``meta`` tells which layout it has.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

from storyledger.store import flat
from storyledger.model import (
    Article, Claim, Disagreement, Fact, Ledger, Series, SkippedInput, TimelineEntry,
)

SCHEMA_VERSION = 2  # 2: flat ledger tables (store/flat.py)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, agency TEXT,
    published TEXT, duplicate_of TEXT, data TEXT NOT NULL, seq INTEGER
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, measure TEXT, source TEXT, value REAL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure);
CREATE TABLE IF NOT EXISTS skipped (source TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, body);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(id UNINDEXED, article UNINDEXED, text);
""" + flat.SCHEMA


class StoreError(Exception):
    """The ledger file cannot be used (wrong schema, not SQLite, locked)."""


class LedgerStore:
    """Read and write one ledger file. Use as a context manager."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such ledger file (run `storyledger build` first)")
        try:
            if readonly:
                # as_uri() percent-escapes ?, # and % so they stay part of the path.
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open ledger ({exc})") from None
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self._check_version(write=False)  # an older file is refused before anything is written to it
                self.db.executescript(_SCHEMA)
                self._check_version(write=True)
            else:
                self._check_version(write=False)
        except BaseException as exc:
            # The connection is ours until __init__ returns: do not leak it.
            self.db.close()
            if isinstance(exc, sqlite3.OperationalError):  # locked, read-only, disk full: not a format problem
                raise StoreError(f"{self.path}: cannot use ledger ({exc})") from None
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"{self.path}: not a storyledger database ({exc})") from None
            raise

    def _check_version(self, write: bool) -> None:
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone():
            return  # a new file: the schema is written next
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            if write:
                self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self.db.commit()
            return
        if int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {row[0]}, this storyledger reads {SCHEMA_VERSION}; "
                f"rebuild it with `storyledger build` into a new ledger file")

    # -- context manager -------------------------------------------------
    def __enter__(self) -> "LedgerStore":
        return self

    def __exit__(self, et, *_) -> None:
        # A block that failed half-way must not leave half its writes behind.
        if et is None:
            self.db.commit()
        else:
            self.db.rollback()
        self.db.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def commit(self) -> None:
        self.db.commit()

    # -- articles ----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def put_article(self, art: Article) -> bool:
        """Insert or replace; returns True when the article was new."""
        new = not self.has_article(art.id)
        seq = None
        if new:
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        else:
            seq = self.db.execute("SELECT seq FROM articles WHERE id=?", (art.id,)).fetchone()[0]
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
            (art.id, art.source, art.title, art.outlet, art.agency, art.published,
             art.duplicate_of, art.model_dump_json(), seq))
        self.db.execute("DELETE FROM articles_fts WHERE id=?", (art.id,))
        self.db.execute("INSERT INTO articles_fts VALUES (?,?,?)", (art.id, art.title or "", art.body))
        self.db.execute("DELETE FROM skipped WHERE source=?", (art.source,))
        return new

    def articles(self) -> list[Article]:
        rows = self.db.execute("SELECT data FROM articles ORDER BY seq")
        return [Article.model_validate_json(r[0]) for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        for (data,) in self.db.execute("SELECT data FROM articles ORDER BY seq"):
            yield Article.model_validate_json(data)

    def article(self, article_id: str) -> Optional[Article]:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def count(self, table: str) -> int:
        if table not in {"articles", "claims", "facts", "series", "disagreements", "timeline", "skipped"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # -- claims ------------------------------------------------------------
    def replace_claims(self, article_id: str, claims: Iterable[Claim]) -> None:
        """Claims of one article are always written together, so re-extraction is idempotent."""
        self.db.execute("DELETE FROM claims WHERE article=?", (article_id,))
        self.db.execute("DELETE FROM claims_fts WHERE article=?", (article_id,))
        for c in claims:
            self.db.execute(
                "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?)",
                (c.id, c.article, c.kind, c.measure, c.attribution.source, c.value, c.model_dump_json()))
            self.db.execute("INSERT INTO claims_fts VALUES (?,?,?)", (c.id, c.article, c.text))

    def claims(self, article_id: Optional[str] = None) -> list[Claim]:
        if article_id is None:
            rows = self.db.execute(
                "SELECT c.data FROM claims c JOIN articles a ON a.id = c.article ORDER BY a.seq, c.rowid")
        else:
            rows = self.db.execute("SELECT data FROM claims WHERE article=? ORDER BY rowid", (article_id,))
        return [Claim.model_validate_json(r[0]) for r in rows]

    def mark_extracted(self, article_id: str, version: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"extracted:{article_id}", version))

    def extracted_version(self, article_id: str) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (f"extracted:{article_id}",)).fetchone()
        return row[0] if row else None

    # -- ledger --------------------------------------------------------------
    def put_ledger(self, ledger: Ledger) -> None:
        """The cross-article view is derived data: replaced whole, ids kept stable by the ledger stage."""
        info = {cid: (art, src, outlet or agency, pub) for cid, art, src, outlet, agency, pub in self.db.execute(
            "SELECT c.id, c.article, c.source, a.outlet, a.agency, a.published FROM claims c "
            "JOIN articles a ON a.id = c.article")}
        flat.write_ledger(self.db, ledger, info)

    def ledger(self) -> Ledger:
        def load(table, cls):
            return [cls.model_validate_json(r[0]) for r in self.db.execute(f"SELECT data FROM {table} ORDER BY rowid")]
        return Ledger(facts=load("facts", Fact), series=load("series", Series),
                      disagreements=load("disagreements", Disagreement),
                      timeline=load("timeline", TimelineEntry))

    # -- skipped inputs ------------------------------------------------------
    def put_skipped(self, skipped: SkippedInput) -> None:
        self.db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?)", (skipped.source, skipped.reason))

    def skipped(self) -> list[SkippedInput]:
        return [SkippedInput(source=s, reason=r) for s, r in self.db.execute("SELECT source, reason FROM skipped")]

    # -- search ----------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> dict[str, list[dict]]:
        """Full-text search (FTS5) over article titles/bodies and claim sentences."""
        q = _fts_query(query)
        if not q:
            return {"articles": [], "claims": []}
        arts = [dict(id=i, title=t, snippet=s) for i, t, s in self.db.execute(
            "SELECT id, title, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit))]
        cls = [dict(id=i, article=a, text=t) for i, a, t in self.db.execute(
            "SELECT id, article, text FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit))]
        return {"articles": arts, "claims": cls}


def _fts_query(text: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all required."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " ".join('"' + w.replace('"', '') + '"' for w in words[:20])
