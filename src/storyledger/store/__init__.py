"""The ledger: one SQLite file per ledger by default, or a PostgreSQL database (``postgresql://…``).

Each model object is kept whole as JSON in a ``data`` column, with the few
fields that queries filter on copied into real columns. Any SQL tool can open
the file; ``schema_version`` in ``meta`` tells which layout it has.

``LedgerStore(db)`` picks the backend from ``db``: a path opens SQLite, a
``postgresql://`` URL opens :class:`storyledger.store.postgres.PostgresStore`
(psycopg is imported only then). The SQL below is written to run on both
(explicit column lists, ``ON CONFLICT`` upserts, ``?`` placeholders that the
PostgreSQL connection rewrites); full-text search differs and lives behind the
``_fts_*`` methods.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from storyledger.store import flat
from storyledger.model import (
    Article, Claim, Disagreement, Fact, Ledger, Series, SeriesPoint, SkippedInput, TimelineEntry,
)

SCHEMA_VERSION = 2  # 2: flat ledger tables (store/flat.py)
# The CLI and the app share the file: a writer waits this long for the other's lock before failing.
BUSY_TIMEOUT = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, agency TEXT,
    published TEXT, duplicate_of TEXT, data TEXT NOT NULL, seq INTEGER
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, measure TEXT, source TEXT, value REAL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure);
CREATE TABLE IF NOT EXISTS skipped (source TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS minhash (article TEXT PRIMARY KEY, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh_bands (key TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lsh_bands_key ON lsh_bands(key);
CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, body);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(id UNINDEXED, article UNINDEXED, text);
""" + flat.SCHEMA + flat.STATE_SCHEMA


class StoreError(Exception):
    """The ledger file cannot be used (wrong schema, not SQLite, locked)."""


_URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: str | Path) -> bool:
    """True when ``db`` names a PostgreSQL server rather than a ledger file."""
    return isinstance(db, str) and db.startswith(_URL_SCHEMES)


class LedgerStore:
    """Read and write one ledger. Use as a context manager."""

    def __new__(cls, path: str | Path = "", *args, **kwargs):
        if cls is LedgerStore and is_url(path):
            from storyledger.store.postgres import PostgresStore
            return super().__new__(PostgresStore)
        return super().__new__(cls)

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such ledger file (run `storyledger build` first)")
        try:
            if readonly:
                # as_uri() percent-escapes ?, # and % so they stay part of the path.
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open ledger ({exc})") from None
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a commit survives a killed process (not a power cut) without an fsync,
                # so committing every document stays cheap
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
                self._check_version(write=False)  # a file this version cannot read is refused before any write
                self.db.executescript(_SCHEMA)
                self._check_version(write=True)
                self._migrate_fts()
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

    def _migrate(self) -> None:
        """Version 1 kept the ledger tables as (id, data): they are derived data, so they are dropped
        and rebuilt flat by the next build (articles and claims are kept as they are)."""
        if not self._has_table("meta"):
            return
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and row[0] == "1":
            for table in ("facts", "series", "disagreements", "timeline"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
            self.db.commit()

    def _has_table(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() \
            is not None

    def _check_version(self, write: bool) -> None:
        if not self._has_table("meta"):
            return  # a new file: the schema is written next
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            if write:
                self.db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self.db.commit()
            return
        if int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {row[0]}, this storyledger reads {SCHEMA_VERSION}; "
                f"rebuild it with `storyledger build` into a new ledger file")

    def _migrate_fts(self) -> None:
        """FTS rows keyed by rowid (article seq, claim rowid) so updates delete by key, not by scan.

        Files written before that kept arbitrary rowids: their FTS tables are rebuilt once.
        """
        if self.db.execute("SELECT 1 FROM meta WHERE key='fts_rowid'").fetchone():
            return
        self.db.execute("DELETE FROM articles_fts")
        self.db.execute("INSERT INTO articles_fts (rowid, id, title, body) "
                        "SELECT seq, id, COALESCE(title, ''), json_extract(data, '$.body') FROM articles")
        self.db.execute("DELETE FROM claims_fts")
        self.db.execute("INSERT INTO claims_fts (rowid, id, article, text) "
                        "SELECT rowid, id, article, json_extract(data, '$.text') FROM claims")
        self.db.execute("INSERT INTO meta (key, value) VALUES ('fts_rowid', '1')")
        self.db.commit()

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

    @contextmanager
    def savepoint(self):
        """Writes inside the block land together or not at all (the outer transaction goes on).
        SQLite with no transaction open: one is begun, as a SAVEPOINT would begin it and its RELEASE
        would then commit (one commit per article while ingesting); the caller commits (``_Commits``).
        (psycopg has begun one before any statement: a savepoint never ends it.)"""
        if isinstance(self.db, sqlite3.Connection) and not self.db.in_transaction:
            self.db.execute("BEGIN")
        self.db.execute("SAVEPOINT one_item")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK TO one_item")
            self.db.execute("RELEASE one_item")
            raise
        self.db.execute("RELEASE one_item")

    # -- articles ----------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def put_article(self, art: Article) -> bool:
        """Insert or replace; returns True when the article was new."""
        row = self.db.execute("SELECT seq FROM articles WHERE id=?", (art.id,)).fetchone()
        new = row is None
        seq = self._next_seq() if new else row[0]
        self.db.execute(
            "INSERT INTO articles (id, source, title, outlet, agency, published, duplicate_of, data, seq) "
            "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET source=excluded.source, "
            "title=excluded.title, outlet=excluded.outlet, agency=excluded.agency, "
            "published=excluded.published, duplicate_of=excluded.duplicate_of, data=excluded.data",
            (art.id, art.source, art.title, art.outlet, art.agency, art.published,
             art.duplicate_of, art.model_dump_json(), seq))
        self._fts_article(seq, art, new)
        self.db.execute("DELETE FROM skipped WHERE source=?", (art.source,))
        self._mark_dirty(art.id)
        return new

    def _next_seq(self) -> int:
        # articles_seq index: MAX is one index probe, not a scan
        return self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]

    def _fts_article(self, seq: int, art: Article, new: bool) -> None:
        if not new:
            self.db.execute("DELETE FROM articles_fts WHERE rowid=?", (seq,))
        self.db.execute("INSERT INTO articles_fts (rowid, id, title, body) VALUES (?,?,?,?)",
                        (seq, art.id, art.title or "", art.body))

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
        if table not in {"articles", "claims", "facts", "statements", "series", "disagreements", "timeline", "skipped"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # -- claims ------------------------------------------------------------
    def replace_claims(self, article_id: str, claims: Iterable[Claim]) -> None:
        """Claims of one article are always written together, so re-extraction is idempotent."""
        self.replace_claim_rows(article_id, [claim_row(c) for c in claims])

    def replace_claim_rows(self, article_id: str, rows: list) -> None:
        """``replace_claims`` with each claim already a ``claim_row`` (an engine's worker made them)."""
        self._mark_dirty(article_id)
        self._fts_delete_claims(article_id)
        self.db.execute("DELETE FROM claims WHERE article=?", (article_id,))
        if rows:
            self.db.executemany(
                "INSERT INTO claims (id, article, kind, measure, source, value, data) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT (id) DO UPDATE SET article=excluded.article, kind=excluded.kind, "
                "measure=excluded.measure, source=excluded.source, value=excluded.value, data=excluded.data",
                rows)
            self._fts_claims(article_id)

    def _fts_delete_claims(self, article_id: str) -> None:
        # by rowid through the claims_article index: a filter on the FTS table itself would scan it
        self.db.execute("DELETE FROM claims_fts WHERE rowid IN (SELECT rowid FROM claims WHERE article=?)",
                        (article_id,))

    def _fts_claims(self, article_id: str) -> None:
        self.db.execute("INSERT INTO claims_fts (rowid, id, article, text) "
                        "SELECT c.rowid, c.id, c.article, json_extract(c.data, '$.text') FROM claims c "
                        "WHERE c.article=?", (article_id,))

    def claims(self, article_id: Optional[str] = None) -> list[Claim]:
        if article_id is None:
            rows = self.db.execute(
                "SELECT c.data FROM claims c JOIN articles a ON a.id = c.article ORDER BY a.seq, c.rowid")
        else:
            rows = self.db.execute("SELECT data FROM claims WHERE article=? ORDER BY rowid", (article_id,))
        return [Claim.model_validate_json(r[0]) for r in rows]

    def mark_extracted(self, article_id: str, version: str) -> None:
        self._set_meta(f"extracted:{article_id}", version)

    def forget_extracted(self, article_id: str) -> None:
        """The article changed (date, duplicate link): its claims are extracted again."""
        self.db.execute("DELETE FROM meta WHERE key=?", (f"extracted:{article_id}",))

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value=excluded.value", (key, value))

    def extracted_version(self, article_id: str) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (f"extracted:{article_id}",)).fetchone()
        return row[0] if row else None

    # -- ledger --------------------------------------------------------------
    def put_ledger(self, ledger: Ledger) -> None:
        """The cross-article view is derived data: replaced whole, ids kept stable by the ledger stage.

        Each replacement counts up ``generation`` in meta, so readers can tell a new ledger cheaply.
        """
        self._set_meta("generation", str(int(self.get_meta("generation") or 0) + 1))
        info = {cid: (art, src, outlet or agency, pub) for cid, art, src, outlet, agency, pub in self.db.execute(
            "SELECT c.id, c.article, c.source, a.outlet, a.agency, a.published FROM claims c "
            "JOIN articles a ON a.id = c.article")}
        flat.write_ledger(self.db, ledger, info)

    def ledger(self) -> Ledger:
        """The whole ledger in its canonical order (an incremental update appends the rows it rewrote)."""
        from storyledger.ledger_update import canonical

        def load(table, cls):
            if table == "statements" and not self._has_table(table):
                return []   # a file written before statements had their own table (read-only: not migrated)
            return [cls.model_validate_json(r[0]) for r in self.db.execute(f"SELECT data FROM {table} ORDER BY rowid")]
        return canonical(Ledger(facts=load("facts", Fact), statements=load("statements", Fact),
                                series=load("series", Series),
                                disagreements=load("disagreements", Disagreement),
                                timeline=load("timeline", TimelineEntry)))

    # -- what the incremental ledger update reads and keeps (storyledger/ledger_update.py) --------
    def _mark_dirty(self, article_id: str) -> None:
        self.db.execute("INSERT INTO ledger_dirty (article) VALUES (?) ON CONFLICT (article) DO NOTHING",
                        (article_id,))

    def lock_ledger(self) -> None:
        """Held until commit: one ledger update at a time (SQLite's write lock already does that)."""

    def dirty_articles(self) -> set[str]:
        """Articles whose claims or fields changed since the last ledger step."""
        return {r[0] for r in self.db.execute("SELECT article FROM ledger_dirty")}

    def duplicates_of(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> duplicate_of for the articles among ``ids`` that copy another."""
        return {i: d for chunk in _chunks(ids) for i, d in self.db.execute(
            f"SELECT id, duplicate_of FROM articles WHERE id IN ({_marks(chunk)}) AND duplicate_of IS NOT NULL",
            chunk)}

    def copies_of(self, ids: Iterable[str]) -> set[str]:
        """Articles marked as near-copies of any of ``ids`` (one step)."""
        return {r[0] for chunk in _chunks(ids) for r in self.db.execute(
            f"SELECT id FROM articles WHERE duplicate_of IN ({_marks(chunk)})", chunk)}

    def claims_of(self, article_ids: Iterable[str]) -> list[Claim]:
        return [Claim.model_validate_json(d) for chunk in _chunks(article_ids) for (d,) in self.db.execute(
            f"SELECT data FROM claims WHERE article IN ({_marks(chunk)})", chunk)]

    def claims_by_id(self, ids: Iterable[str]) -> list[Claim]:
        return [Claim.model_validate_json(d) for chunk in _chunks(ids) for (d,) in self.db.execute(
            f"SELECT data FROM claims WHERE id IN ({_marks(chunk)})", chunk)]

    def facts_by_id(self, ids: Iterable[str]) -> list[Fact]:
        """Facts and statements (joined quotes and statements) by id."""
        return [Fact.model_validate_json(d) for chunk in _chunks(ids) for table in ("facts", "statements")
                for (d,) in self.db.execute(f"SELECT data FROM {table} WHERE id IN ({_marks(chunk)})", chunk)]

    def fact_ids(self) -> set[str]:
        """The ids of facts and statements (one id space)."""
        return {r[0] for r in self.db.execute("SELECT id FROM facts UNION SELECT id FROM statements")}

    def claim_info(self, ids: Iterable[str]) -> dict[str, tuple]:
        """claim id -> (article, source, outlet or agency, published): what the flat tables copy."""
        return {cid: (art, src, outlet or agency, pub) for chunk in _chunks(ids)
                for cid, art, src, outlet, agency, pub in self.db.execute(
                    "SELECT c.id, c.article, c.source, a.outlet, a.agency, a.published FROM claims c "
                    f"JOIN articles a ON a.id = c.article WHERE c.id IN ({_marks(chunk)})", chunk)}

    def state_rows(self, table: str, column: str, values: Iterable[str], want: str = "*") -> list[tuple]:
        """Rows of one bookkeeping table whose ``column`` is among ``values``."""
        if table not in flat.STATE_TABLES:
            raise ValueError(table)
        return [r for chunk in _chunks(values) for r in self.db.execute(
            f"SELECT {want} FROM {table} WHERE {column} IN ({_marks(chunk)})", chunk)]

    def delete_where(self, table: str, column: str, values: Iterable[str], also: str = "") -> None:
        """Delete the rows of a ledger or bookkeeping table whose ``column`` is among ``values``
        (and that meet the fixed SQL condition ``also``)."""
        if table not in flat.STATE_TABLES + flat.LEDGER_TABLES:
            raise ValueError(table)
        for chunk in _chunks(values):
            self.db.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(chunk)})"
                            + (f" AND {also}" if also else ""), chunk)

    def insert_state(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert bookkeeping rows (replacing rows with the same first column, except block keys)."""
        if table not in flat.STATE_TABLES:
            raise ValueError(table)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(list(columns))})"
        if table == "ledger_dirty":
            sql += " ON CONFLICT (article) DO NOTHING"
        elif table != "ledger_blocks":
            sql += f" ON CONFLICT ({columns[0]}) DO UPDATE SET " + ", ".join(f"{c}=excluded.{c}" for c in columns[1:])
        self.db.executemany(sql, rows)

    def possessive_places(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT place FROM ledger_claims WHERE place IS NOT NULL")]

    def clear_state(self) -> None:
        """Empty the bookkeeping tables, their own indexes dropped until ``index_state``: a whole
        rebuild's rows (half a million at 2,000 articles) go in faster unindexed, then sorted once."""
        for table in flat.STATE_TABLES:
            self.db.execute(f"DELETE FROM {table}")
        for name, _ in flat.state_indexes():
            self.db.execute(f"DROP INDEX IF EXISTS {name}")

    def index_state(self) -> None:
        for _, sql in flat.state_indexes():
            self.db.execute(sql)

    def write_ledger_part(self, part: Ledger, fact_ids: set[str], series_ids: set[str]) -> None:
        """Insert the rewritten part of the ledger (its old rows deleted by the caller)."""
        claims = {c for f in [*part.facts, *part.statements] for c in f.claims}
        flat.insert_rows(self.db, flat.ledger_rows(part, self.claim_info(claims), fact_ids, series_ids))
        self._set_meta("generation", str(int(self.get_meta("generation") or 0) + 1))

    # -- what a page of a big ledger reads (report.view.load_view): the newest rows and aggregates ----
    def newest_articles(self, limit: int) -> list[Article]:
        """The ``limit`` most recently published articles (undated last; ties in ledger order)."""
        return [Article.model_validate_json(d) for (d,) in self.db.execute(
            "SELECT data FROM articles ORDER BY COALESCE(published, '') DESC, seq LIMIT ?", (limit,))]

    def newest_claims(self, limit: int) -> list[Claim]:
        """The claims of the most recently published articles, ``limit`` of them (ties in ledger order)."""
        return [Claim.model_validate_json(d) for (d,) in self.db.execute(
            "SELECT c.data FROM claims c JOIN articles a ON a.id = c.article "
            "ORDER BY COALESCE(a.published, '') DESC, a.seq, c.rowid LIMIT ?", (limit,))]

    def claim_counts(self, article_ids: Iterable[str]) -> dict[str, int]:
        return {a: n for chunk in _chunks(article_ids) for a, n in self.db.execute(
            f"SELECT article, COUNT(*) FROM claims WHERE article IN ({_marks(chunk)}) GROUP BY article", chunk)}

    def claim_ids_of(self, article_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM claims WHERE article=? ORDER BY rowid", (article_id,))]

    def claims_summary(self) -> dict[str, list[str]]:
        """The distinct measures, kinds and (named) sources of all claims, sorted."""
        return {key: sorted(r[0] for r in self.db.execute(
            f"SELECT DISTINCT {col} FROM claims WHERE {col} IS NOT NULL AND {col} <> ''"))
            for key, col in (("measures", "measure"), ("kinds", "kind"), ("sources", "source"))}

    def outlets(self) -> list[str]:
        return sorted(r[0] for r in self.db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet <> ''"))

    def date_span(self) -> tuple[Optional[str], Optional[str]]:
        row = self.db.execute("SELECT MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10)) FROM articles "
                              "WHERE published IS NOT NULL AND published <> ''").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def claim_sources(self) -> dict[str, Optional[str]]:
        """claim id -> its source (two columns of every claim; no claim is parsed)."""
        return dict(self.db.execute("SELECT id, source FROM claims"))

    def source_firsts(self) -> list[tuple]:
        """(source, claims, first published, its article, its sentence) for each named source: the
        earliest dated claim (the first in ledger order among equals), else its first claim."""
        rows = self.db.execute(
            "SELECT source, n, published, article, id FROM (SELECT c.source, c.article, c.id, a.published, "
            "COUNT(*) OVER (PARTITION BY c.source) AS n, ROW_NUMBER() OVER (PARTITION BY c.source ORDER BY "
            "CASE WHEN a.published IS NULL OR a.published = '' THEN 1 ELSE 0 END, a.published, a.seq, c.rowid) AS k "
            "FROM claims c JOIN articles a ON a.id = c.article WHERE c.source IS NOT NULL AND c.source <> '') t "
            "WHERE k = 1").fetchall()
        text = {c.id: c.text for c in self.claims_by_id([r[4] for r in rows])}
        return [(src, n, pub, art, text.get(cid)) for src, n, pub, art, cid in rows]

    def ledger_without_facts(self, timeline: int) -> Ledger:
        """Series without their points (``series_sizes``, ``series_points_at``, ``series_by_id`` read
        them), disagreements whole, no facts, and the first ``timeline`` entries by the time
        they describe (with every entry that ties the last, so the caller's exact order can cut)."""
        from storyledger.ledger_update import canonical

        def load(sql, cls, args=()):
            return [cls.model_validate_json(r[0]) for r in self.db.execute(sql, args)]
        order = "COALESCE(start, '9999')"
        last = self.db.execute(f"SELECT {order} FROM timeline ORDER BY {order} LIMIT 1 OFFSET ?",
                               (max(0, timeline - 1),)).fetchone()
        return canonical(Ledger.model_construct(
            facts=[], series=self._series_heads(),
            disagreements=load("SELECT data FROM disagreements", Disagreement),
            timeline=load(f"SELECT data FROM timeline WHERE {order} <= ?", TimelineEntry, (last[0],))
            if last else load("SELECT data FROM timeline", TimelineEntry)))

    def _series_heads(self) -> list[Series]:
        return [Series.model_validate_json(d) for (d,) in self.db.execute("SELECT json_remove(data, '$.points') FROM series")]

    def series_sizes(self) -> dict[str, tuple[int, int]]:
        """series id -> (its points, its points whose fact is in the ledger), counted in SQL."""
        known = "SELECT id FROM facts UNION SELECT id FROM statements"
        return {sid: (n, k or 0) for sid, n, k in self.db.execute(
            "SELECT s.id, json_array_length(s.data, '$.points'), (SELECT COUNT(*) FROM json_each(s.data, '$.points') p "
            f"WHERE json_extract(p.value, '$.fact') IN ({known})) FROM series s")}

    def point_sources(self) -> dict[Optional[str], int]:
        """How many series points each source gives, over every series (None: unattributed)."""
        return dict(self.db.execute("SELECT json_extract(p.value, '$.source'), COUNT(*) FROM series s, "
                                    "json_each(s.data, '$.points') p GROUP BY 1"))

    def series_points_at(self, series_id: str, indices: list[int]) -> list[SeriesPoint]:
        """The points of one series at these positions (in the series' order)."""
        out: dict[int, SeriesPoint] = {}
        for chunk in _chunks(indices):
            for k, d in self.db.execute("SELECT p.key, p.value FROM series s, json_each(s.data, '$.points') p "
                                        f"WHERE s.id = ? AND p.key IN ({_marks(chunk)})", [series_id, *chunk]):
                out[k] = SeriesPoint.model_validate_json(d)
        return [out[k] for k in indices if k in out]

    def series_by_id(self, ids: Iterable[str]) -> list[Series]:
        return [Series.model_validate_json(d) for chunk in _chunks(ids) for (d,) in self.db.execute(
            f"SELECT data FROM series WHERE id IN ({_marks(chunk)})", chunk)]

    def series_of_claims(self, claim_ids: Iterable[str]) -> dict[str, set[str]]:
        """claim id -> the series one of whose points tells it."""
        out: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(set(claim_ids)):
            for sid, cid in self.db.execute("SELECT s.id, c.value FROM series s, json_each(s.data, '$.points') p, "
                                            f"json_each(p.value, '$.claims') c WHERE c.value IN ({_marks(chunk)})", chunk):
                out[cid].add(sid)
        return out

    def fact_name_counts(self) -> list[tuple[str, int, int]]:
        """``name_counts`` of each figure fact's source names (its claims' sources and its own),
        counted in SQL."""
        return self.db.execute(
            "WITH n AS (SELECT fact, source AS name FROM fact_members WHERE source IS NOT NULL UNION "
            "SELECT f.id, json_extract(j.value, '$.name') FROM facts f, json_each(f.data, '$.sources') j), "
            "k AS (SELECT fact, COUNT(*) AS names FROM n GROUP BY fact) "
            "SELECT n.name, COUNT(*), SUM(CASE WHEN k.names > 1 THEN 1 ELSE 0 END) FROM n "
            "JOIN k ON k.fact = n.fact GROUP BY n.name").fetchall()

    def fact_names(self) -> list[tuple[str, str]]:
        """(fact, name) for each source a fact's claims name and each of the fact's own sources."""
        return self.db.execute("SELECT fact, source FROM fact_members WHERE source IS NOT NULL").fetchall() + \
            self._fact_source_names()

    def _fact_source_names(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT f.id, json_extract(j.value, '$.name') FROM facts f, "
                               "json_each(f.data, '$.sources') j").fetchall()

    def relayed_claims(self) -> list[tuple[str, list[str]]]:
        """(source, via) of the claims that name a relay, in ledger order."""
        out = []
        for src, d in self.db.execute(
                "SELECT c.source, c.data FROM claims c JOIN articles a ON a.id = c.article WHERE c.source IS NOT NULL "
                "AND c.source <> '' AND c.data LIKE ? ORDER BY a.seq, c.rowid", ('%"via":["%',)):
            out.append((src, Claim.model_validate_json(d).attribution.via))
        return out

    # -- pages (keyset: a page costs its own rows, however deep it is) ----------------
    def page_articles(self, after: int = 0, limit: int = 100) -> list[tuple[int, Article]]:
        """(seq, article) for the next ``limit`` articles in ledger order after seq ``after``."""
        return [(q, Article.model_validate_json(d)) for q, d in self.db.execute(
            "SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (after, limit))]

    def page_claims(self, after: tuple[int, int] = (0, 0), limit: int = 1000, *, article: Optional[str] = None,
                    measure: Optional[str] = None, kind: Optional[str] = None,
                    source: Optional[str] = None) -> list[tuple[tuple[int, int], Claim]]:
        """((article seq, claim rowid), claim) in ledger order after ``after``, filtered in SQL.

        ``source`` matches the claim's source or any relay in its chain (``via``).
        """
        where, args = ["(a.seq > ? OR (a.seq = ? AND c.rowid > ?))"], [after[0], after[0], after[1]]
        for col, val in (("c.article", article), ("c.measure", measure), ("c.kind", kind)):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(val)
        if source is not None:     # a cheap superset in SQL, the exact test below
            where.append("(c.source = ? OR c.data LIKE ?)")
            args += [source, "%" + source.replace("%", "").replace("_", "") + "%"]
        out = []
        rows = self.db.execute(
            "SELECT a.seq, c.rowid, c.data FROM claims c JOIN articles a ON a.id = c.article "
            f"WHERE {' AND '.join(where)} ORDER BY a.seq, c.rowid" + ("" if source else " LIMIT ?"),
            (*args,) if source else (*args, limit))   # with a source filter: read on until the page is full
        for q, r, d in rows:
            c = Claim.model_validate_json(d)
            if source is None or source in (c.attribution.source, *c.attribution.via):
                out.append(((q, r), c))
                if len(out) == limit:
                    break
        return out

    def page_ledger(self, table: str, after: int = 0, limit: int = 1000) -> list[tuple[int, dict]]:
        """(rowid, row as a dict) of facts, series, disagreements or timeline, in ledger order."""
        if table not in ("facts", "statements", "series", "disagreements", "timeline"):
            raise ValueError(table)
        import json
        return [(r, json.loads(d)) for r, d in self.db.execute(
            f"SELECT rowid, data FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?", (after, limit))]

    # -- corpus index (incremental corpus pass: storyledger.corpus_index) -----------
    def get_meta(self, key: str) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._set_meta(key, value)

    def _json(self, field: str) -> str:
        """SQL for one top-level field of the ``data`` JSON, as text."""
        return f"json_extract(data, '$.{field}')"

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY seq")]

    def articles_by_id(self, ids: Iterable[str]) -> list[Article]:
        """Those articles, in ledger order."""
        rows = [r for chunk in _chunks(ids) for r in self.db.execute(
            f"SELECT seq, data FROM articles WHERE id IN ({_marks(chunk)})", chunk)]
        return [Article.model_validate_json(d) for _, d in sorted(rows)]

    def articles_with_basis(self, bases: Iterable[str]) -> list[Article]:
        bases = list(bases)
        return [Article.model_validate_json(d) for (d,) in self.db.execute(
            f"SELECT data FROM articles WHERE {self._json('published_basis')} IN ({_marks(bases)}) ORDER BY seq",
            bases)]

    def published_with_basis(self, bases: Iterable[str]) -> list[str]:
        """Publication dates of articles dated on these bases (a column read, no article is parsed)."""
        bases = list(bases)
        return [r[0] for r in self.db.execute(
            f"SELECT published FROM articles WHERE published IS NOT NULL "
            f"AND {self._json('published_basis')} IN ({_marks(bases)})", bases)]

    def ranks(self, ids: Iterable[str]) -> dict[str, tuple[Optional[str], int]]:
        """id -> (published, seq): what decides which of two near-copies is the original."""
        return {i: (p, s) for chunk in _chunks(ids) for i, p, s in self.db.execute(
            f"SELECT id, published, seq FROM articles WHERE id IN ({_marks(chunk)})", chunk)}

    def count_duplicates(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]

    def unextracted(self, version: str) -> list[Article]:
        """Articles whose claims are missing or from another extraction version, in ledger order."""
        return [Article.model_validate_json(d) for (d,) in self.db.execute(
            "SELECT a.data FROM articles a LEFT JOIN meta m ON m.key = 'extracted:' || a.id "
            "WHERE m.value IS NULL OR m.value <> ? ORDER BY a.seq", (version,))]

    def put_signature(self, article_id: str, sig: bytes, keys: list[str]) -> None:
        self.db.execute("DELETE FROM lsh_bands WHERE article=?", (article_id,))
        self.db.execute("INSERT INTO minhash (article, sig) VALUES (?, ?) "
                        "ON CONFLICT (article) DO UPDATE SET sig=excluded.sig", (article_id, sig))
        self.db.executemany("INSERT INTO lsh_bands (key, article) VALUES (?, ?)", [(k, article_id) for k in keys])

    def signatures(self, ids: Iterable[str]) -> dict[str, bytes]:
        return {a: bytes(s) for chunk in _chunks(ids) for a, s in self.db.execute(
            f"SELECT article, sig FROM minhash WHERE article IN ({_marks(chunk)})", chunk)}

    def band_mates(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """id -> the other articles sharing at least one LSH band with it (near-copy candidates)."""
        out: dict[str, set[str]] = {}
        for chunk in _chunks(ids):
            for a, b in self.db.execute(
                    f"SELECT x.article, y.article FROM lsh_bands x JOIN lsh_bands y ON y.key = x.key "
                    f"WHERE x.article IN ({_marks(chunk)}) AND y.article <> x.article", chunk):
                out.setdefault(a, set()).add(b)
        return out

    # -- skipped inputs ------------------------------------------------------
    def put_skipped(self, skipped: SkippedInput) -> None:
        self.db.execute("INSERT INTO skipped (source, reason) VALUES (?, ?) "
                        "ON CONFLICT (source) DO UPDATE SET reason=excluded.reason", (skipped.source, skipped.reason))

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


def claim_row(c: Claim) -> tuple:
    """A claim as the claims table's row (id, article, kind, measure, source, value, data)."""
    return (c.id, c.article, c.kind, c.measure, c.attribution.source, c.value, c.model_dump_json())


def name_counts(fact_names: Iterable[set]) -> list[tuple[str, int, int]]:
    """(name, facts it is among the names of, those of them with another name too) from each
    fact's set of source names."""
    facts: dict[str, list[int]] = {}
    for names in fact_names:
        for name in names:
            c = facts.setdefault(name, [0, 0])
            c[0] += 1
            c[1] += len(names) > 1
    return [(name, n, k) for name, (n, k) in facts.items()]


def _chunks(ids: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """Ids in slices small enough for one ``IN (…)`` on every backend."""
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _marks(items: list) -> str:
    return ",".join("?" * len(items))


def _fts_query(text: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all required."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " ".join('"' + w.replace('"', '') + '"' for w in words[:20])
