"""The ledger in a PostgreSQL database: same tables and meaning as the SQLite file.

Opened by ``LedgerStore("postgresql://…")``; psycopg (the ``storyledger[postgres]`` extra) is
imported only here. Differences from SQLite, all kept inside this module:

- full-text search uses a ``tsvector`` column on ``articles`` and ``claims`` (GIN-indexed,
  ``simple`` configuration: lower-cased words, no stemming, like FTS5's default tokenizer);
- article ``seq`` comes from a sequence, and ``rowid`` is a ``BIGSERIAL`` column where SQLite
  orders by its implicit rowid, so several writers never hand out the same number;
- schema creation and whole-ledger replacement take an advisory lock, so concurrent writers
  (Ray workers, the app) serialise there and nowhere else.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Optional

from storyledger.model import Article, Series, SeriesPoint
from storyledger.store import LedgerStore, StoreError, flat, name_counts

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE SEQUENCE IF NOT EXISTS articles_seq_gen;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, agency TEXT,
    published TEXT, duplicate_of TEXT, data TEXT NOT NULL, seq BIGINT, tsv tsvector
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);
CREATE TABLE IF NOT EXISTS claims (
    rowid BIGSERIAL, id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, measure TEXT, source TEXT, value DOUBLE PRECISION, data TEXT NOT NULL, tsv tsvector
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure);
CREATE INDEX IF NOT EXISTS claims_rowid ON claims(rowid);
CREATE INDEX IF NOT EXISTS claims_tsv ON claims USING GIN (tsv);
CREATE TABLE IF NOT EXISTS skipped (source TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS minhash (article TEXT PRIMARY KEY, sig BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS lsh_bands (key TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lsh_bands_key ON lsh_bands(key);
CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article);
""" + flat.pg_schema() + flat.STATE_SCHEMA

_LOCK_SCHEMA, _LOCK_LEDGER = 7_301_001, 7_301_002     # advisory lock keys (any constants of our own)


def mask(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class _Connection:
    """psycopg's connection behind sqlite3's calling style: ``?`` placeholders, executemany, executescript."""

    def __init__(self, conn):
        self.conn = conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: tuple | list = ()):
        return self.conn.execute(self._sql(sql), params or None)

    def executemany(self, sql: str, seq) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), list(seq))

    def executescript(self, sql: str) -> None:
        self.conn.execute(sql)

    @property
    def in_transaction(self) -> bool:
        """As sqlite3's: a transaction is open (psycopg's is not idle)."""
        from psycopg.pq import TransactionStatus
        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


class PostgresStore(LedgerStore):
    """One ledger in one PostgreSQL database (or schema, through the URL's ``options``)."""

    def __init__(self, url: str, *, readonly: bool = False):
        try:
            import psycopg
        except ImportError:
            raise StoreError("a postgresql:// ledger needs psycopg: pip install 'storyledger[postgres]'") from None
        self.path = mask(url)
        try:
            conn = psycopg.connect(url, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect ({' '.join(str(exc).split())[:200]})") from None
        self.db = _Connection(conn)
        try:
            if readonly:
                conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
                    raise StoreError(f"{self.path}: no ledger in this database (run `storyledger build` first)")
                self._check_version(write=False)
            else:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SCHEMA,))
                self.db.executescript(_SCHEMA)
                self._check_version(write=True)
            conn.commit()
        except BaseException as exc:
            conn.close()
            if isinstance(exc, psycopg.Error):
                raise StoreError(f"{self.path}: cannot use ledger ({' '.join(str(exc).split())[:200]})") from None
            raise

    def _has_table(self, name: str) -> bool:
        return self.db.execute("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None

    def _json(self, field: str) -> str:
        return f"(data::json->>'{field}')"

    def _next_seq(self) -> int:
        return self.db.execute("SELECT nextval('articles_seq_gen')").fetchone()[0]

    def _fts_article(self, seq: int, art: Article, new: bool) -> None:
        self.db.execute("UPDATE articles SET tsv = to_tsvector('simple', ?) WHERE id=?",
                        (f"{art.title or ''} {art.body}", art.id))

    def _fts_delete_claims(self, article_id: str) -> None:
        pass   # the vector lives on the claim row, deleted with it

    def _fts_claims(self, article_id: str) -> None:
        self.db.execute("UPDATE claims SET tsv = to_tsvector('simple', data::json->>'text') WHERE article=?",
                        (article_id,))

    def lock_ledger(self) -> None:
        # two writers updating the ledger at once would collide on ids: one waits for the other
        self.db.execute("SELECT pg_advisory_xact_lock(?)", (_LOCK_LEDGER,))

    def put_ledger(self, ledger) -> None:
        self.lock_ledger()
        super().put_ledger(ledger)

    # the partial report view's series reads, in Python here (SQLite's JSON functions do them in SQL)
    def _all_series(self) -> list[Series]:
        return [Series.model_validate_json(d) for (d,) in self.db.execute("SELECT data FROM series")]

    def _series_heads(self) -> list[Series]:
        return [x.model_copy(update={"points": []}) for x in self._all_series()]

    def series_sizes(self) -> dict[str, tuple[int, int]]:
        known = self.fact_ids()
        return {x.id: (len(x.points), sum(1 for p in x.points if p.fact in known)) for x in self._all_series()}

    def point_sources(self) -> dict[Optional[str], int]:
        return dict(Counter(p.source for x in self._all_series() for p in x.points))

    def series_points_at(self, series_id: str, indices: list[int]) -> list[SeriesPoint]:
        pts = next((x.points for x in self.series_by_id([series_id])), [])
        return [pts[k] for k in indices if k < len(pts)]

    def series_of_claims(self, claim_ids: Iterable[str]) -> dict[str, set[str]]:
        wanted, out = set(claim_ids), defaultdict(set)
        for x in self._all_series():
            for p in x.points:
                for c in wanted.intersection(p.claims):
                    out[c].add(x.id)
        return out

    def fact_name_counts(self) -> list[tuple[str, int, int]]:
        names: dict[str, set] = defaultdict(set)
        for fact, name in self.fact_names():
            names[fact].add(name)
        return name_counts(names.values())

    def _fact_source_names(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT id, s->>'name' FROM facts, json_array_elements(data::json->'sources') s"
                               ).fetchall()

    def search(self, query: str, limit: int = 50) -> dict[str, list[dict]]:
        words = _words(query)
        if not words:
            return {"articles": [], "claims": []}
        q = " ".join(words)
        arts = [dict(id=i, title=t, snippet=s) for i, t, s in self.db.execute(
            "SELECT id, title, ts_headline('simple', data::json->>'body', q, "
            "'StartSel=[, StopSel=], MaxWords=12, MinWords=4, FragmentDelimiter=…, MaxFragments=1') "
            "FROM articles, plainto_tsquery('simple', ?) q WHERE tsv @@ q "
            "ORDER BY ts_rank(tsv, q) DESC, seq LIMIT ?", (q, limit))]
        cls = [dict(id=i, article=a, text=t) for i, a, t in self.db.execute(
            "SELECT id, article, data::json->>'text' FROM claims, plainto_tsquery('simple', ?) q "
            "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, rowid LIMIT ?", (q, limit))]
        return {"articles": arts, "claims": cls}


def _words(text: str) -> list[str]:
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w][:20]

