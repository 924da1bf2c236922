"""Flat ledger tables: facts, their members, series points and disagreements as columns.

The model objects stay whole in each table's ``data`` column (what the app reads back);
these columns, foreign keys and indexes are for SQL tools: open the file in Datasette and
facet facts by measure or origin, members by outlet, points by source, disagreements by kind.
The SQL is portable (explicit columns, ``?`` placeholders, no SQLite-only statements) so a
PostgreSQL backend can run the same DDL and inserts.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from storyledger.model import Ledger

LEDGER_TABLES = ("fact_members", "series_points", "disagreements", "series", "facts", "statement_members",
                 "statements", "timeline")

SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT, measure TEXT, population TEXT,
    value REAL, low REAL, high REAL, qualifier TEXT, place TEXT, as_of_start TEXT, as_of_end TEXT,
    origin TEXT, first_reporter TEXT, first_published TEXT, first_article TEXT REFERENCES articles(id),
    n_claims INTEGER, n_articles INTEGER, n_sources INTEGER, carried_by TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind);
CREATE INDEX IF NOT EXISTS facts_measure ON facts(measure);
CREATE INDEX IF NOT EXISTS facts_origin ON facts(origin);
CREATE TABLE IF NOT EXISTS fact_members (
    fact TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article TEXT REFERENCES articles(id) ON DELETE CASCADE,
    source TEXT, outlet TEXT, published TEXT, joined_to TEXT, why TEXT,
    PRIMARY KEY (fact, claim)
);
CREATE INDEX IF NOT EXISTS fact_members_claim ON fact_members(claim);
CREATE INDEX IF NOT EXISTS fact_members_article ON fact_members(article);
CREATE INDEX IF NOT EXISTS fact_members_outlet ON fact_members(outlet);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, text TEXT, origin TEXT, as_of_start TEXT, as_of_end TEXT,
    first_reporter TEXT, first_published TEXT, first_article TEXT REFERENCES articles(id),
    n_claims INTEGER, n_articles INTEGER, n_sources INTEGER, carried_by TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_kind ON statements(kind);
CREATE INDEX IF NOT EXISTS statements_origin ON statements(origin);
CREATE TABLE IF NOT EXISTS statement_members (
    statement TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article TEXT REFERENCES articles(id) ON DELETE CASCADE,
    source TEXT, outlet TEXT, published TEXT, joined_to TEXT, why TEXT,
    PRIMARY KEY (statement, claim)
);
CREATE INDEX IF NOT EXISTS statement_members_claim ON statement_members(claim);
CREATE TABLE IF NOT EXISTS series (
    id TEXT PRIMARY KEY, label TEXT, population TEXT, measure TEXT, scope TEXT,
    parent TEXT REFERENCES series(id), relation TEXT, n_points INTEGER, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS series_measure ON series(measure);
CREATE TABLE IF NOT EXISTS series_points (
    series TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    fact TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    source TEXT, value REAL, low REAL, high REAL, qualifier TEXT,
    as_of_start TEXT, as_of_end TEXT, published TEXT,
    PRIMARY KEY (series, fact)
);
CREATE INDEX IF NOT EXISTS series_points_fact ON series_points(fact);
CREATE INDEX IF NOT EXISTS series_points_source ON series_points(source);
CREATE TABLE IF NOT EXISTS disagreements (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, series TEXT REFERENCES series(id),
    reason TEXT, fact_a TEXT REFERENCES facts(id), fact_b TEXT REFERENCES facts(id),
    sources_a TEXT, sources_b TEXT, days_apart INTEGER, ratio REAL, description TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS disagreements_kind ON disagreements(kind);
CREATE INDEX IF NOT EXISTS disagreements_series ON disagreements(series);
CREATE TABLE IF NOT EXISTS timeline (id TEXT PRIMARY KEY, start TEXT, data TEXT NOT NULL);
"""


def _names(xs: list[str]) -> str:
    return "; ".join(xs)


def _members(f, claim_info: dict[str, tuple[Any, ...]]) -> tuple[list[tuple], list[str]]:
    """One row per telling the file holds (with the telling it joined and why), and the outlets that
    carried it ("Outlet (date)")."""
    joined = {j.b: (j.a, j.why) for j in f.joins}
    joined.update({j.a: (j.b, j.why) for j in f.joins if j.a not in joined and j.b != f.claims[0]})
    rows, carried = [], []
    for cid in f.claims:
        if cid not in claim_info:
            continue  # a claim the file does not hold (a ledger built elsewhere): no row to point at
        art, src, outlet, pub = claim_info[cid]
        to, why = joined.get(cid, (None, []))
        rows.append((f.id, cid, art, src, outlet, pub, to, ",".join(why) or None))
        label = f"{outlet} ({(pub or '')[:10]})" if outlet and pub else outlet
        if label and label not in carried:
            carried.append(label)
    return rows, carried


def _parents_first(series: list) -> list:
    """The series ordered by how deep each nests (stable): every parent before its children."""
    parent = {s.id: s.parent for s in series}

    def depth(sid: str) -> int:
        seen = {sid}
        while parent.get(sid) and parent[sid] not in seen:
            sid = parent[sid]  # type: ignore[assignment]
            seen.add(sid)
        return len(seen) - 1

    return sorted(series, key=lambda s: depth(s.id))


def ledger_rows(ledger: Ledger, claim_info: dict[str, tuple[Any, ...]], fact_ids: Optional[set[str]] = None,
                series_ids: Optional[set[str]] = None) -> dict[str, list[tuple]]:
    """Rows for each flat table. ``claim_info``: claim id -> (article, source, outlet, published).

    ``fact_ids``/``series_ids``: every fact and series the file will hold, when ``ledger`` is only
    the part being rewritten (references to the rest are kept)."""
    facts, members, statements, said_by = [], [], [], []
    articles = {info[0] for info in claim_info.values()}
    # statements and quotes are not facts of the figure ledger: their own table (an update may hand
    # both kinds in ``facts``)
    for f in [*ledger.facts, *ledger.statements]:
        rows, carried = _members(f, claim_info)
        first_article = f.first_article if f.first_article in articles else None
        as_of = (f.as_of.start, f.as_of.end) if f.as_of else (None, None)
        if f.kind == "figure":
            members += rows
            facts.append((f.id, f.kind, f.label, f.measure, f.population, f.value, f.low, f.high, f.qualifier,
                          f.where, *as_of, f.origin, f.first_reporter, f.first_published, first_article,
                          len(f.claims), len(f.articles), len(f.sources), _names(carried), f.model_dump_json()))
        else:
            said_by += rows
            statements.append((f.id, f.kind, f.label, f.origin, *as_of, f.first_reporter, f.first_published,
                               first_article, len(f.claims), len(f.articles), len(f.sources), _names(carried),
                               f.model_dump_json()))
    # parents before children (foreign key): a series may nest two deep ("in Kursk region (expected)"
    # under "(expected)" under the whole), which the ledger's order (parents, then by label) breaks
    series = [(s.id, s.label, s.population, s.measure, s.scope, s.parent, s.relation, len(s.points),
               s.model_dump_json()) for s in _parents_first(ledger.series)]
    fact_ids = {f.id for f in ledger.facts} if fact_ids is None else fact_ids
    points = [(s.id, p.fact, p.source, p.value, p.low, p.high, p.qualifier, p.as_of.start if p.as_of else None,
               p.as_of.end if p.as_of else None, p.published) for s in ledger.series for p in s.points
              if p.fact in fact_ids]
    series_ids = {s.id for s in ledger.series} if series_ids is None else series_ids
    dis = [(d.id, d.kind, d.series if d.series in series_ids else None, d.reason,
            d.fact_a if d.fact_a in fact_ids else None, d.fact_b if d.fact_b in fact_ids else None, _names(d.sources_a), _names(d.sources_b),
            d.days_apart, d.ratio, d.description, d.model_dump_json()) for d in ledger.disagreements]
    timeline = [(t.id, t.start, t.model_dump_json()) for t in ledger.timeline]
    return {"facts": facts, "fact_members": members, "statements": statements, "statement_members": said_by,
            "series": series, "series_points": points, "disagreements": dis, "timeline": timeline}


COLUMNS = {
    "facts": ("id", "kind", "label", "measure", "population", "value", "low", "high", "qualifier", "place",
              "as_of_start", "as_of_end", "origin", "first_reporter", "first_published", "first_article",
              "n_claims", "n_articles", "n_sources", "carried_by", "data"),
    "fact_members": ("fact", "claim", "article", "source", "outlet", "published", "joined_to", "why"),
    "statements": ("id", "kind", "text", "origin", "as_of_start", "as_of_end", "first_reporter", "first_published",
                   "first_article", "n_claims", "n_articles", "n_sources", "carried_by", "data"),
    "statement_members": ("statement", "claim", "article", "source", "outlet", "published", "joined_to", "why"),
    "series": ("id", "label", "population", "measure", "scope", "parent", "relation", "n_points", "data"),
    "series_points": ("series", "fact", "source", "value", "low", "high", "qualifier", "as_of_start",
                      "as_of_end", "published"),
    "disagreements": ("id", "kind", "series", "reason", "fact_a", "fact_b", "sources_a", "sources_b",
                      "days_apart", "ratio", "description", "data"),
    "timeline": ("id", "start", "data"),
}


def pg_schema() -> str:
    """The same tables for PostgreSQL: doubles for reals, and a rowid column that keeps insertion order."""
    return SCHEMA.replace(" REAL", " DOUBLE PRECISION").replace(" (\n", " (\n    rowid BIGSERIAL,\n") \
        .replace("timeline (id TEXT", "timeline (rowid BIGSERIAL, id TEXT")


def write_ledger(db, ledger: Ledger, claim_info: dict[str, tuple[Any, ...]]) -> None:
    """Replace the ledger tables whole (children first, parents after, so foreign keys hold)."""
    for table in LEDGER_TABLES:
        db.execute(f"DELETE FROM {table}")
    insert_rows(db, ledger_rows(ledger, claim_info))


def insert_rows(db, rows: dict[str, list[tuple]]) -> None:
    """Insert ``ledger_rows`` output, parents before children (foreign keys)."""
    for table in ("facts", "fact_members", "statements", "statement_members", "series", "series_points",
                  "disagreements", "timeline"):
        cols = COLUMNS[table]
        db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows[table])


# What the incremental ledger update (storyledger/ledger_update.py) keeps between builds: which
# articles changed since the last ledger step, each claim's fact, block keys (claims that can
# join share a key), join part and relays, each article's named sources, and each fact's and
# series' quantity.
STATE_TABLES = ("ledger_dirty", "ledger_claims", "ledger_blocks", "ledger_articles", "ledger_facts",
                "ledger_series", "ledger_parts", "ledger_relays")
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_dirty (article TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS ledger_claims (claim TEXT PRIMARY KEY, article TEXT NOT NULL, fact TEXT, place TEXT);
CREATE INDEX IF NOT EXISTS ledger_claims_article ON ledger_claims(article);
CREATE INDEX IF NOT EXISTS ledger_claims_place ON ledger_claims(place);
CREATE TABLE IF NOT EXISTS ledger_blocks (key TEXT NOT NULL, claim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_blocks_key ON ledger_blocks(key);
CREATE INDEX IF NOT EXISTS ledger_blocks_claim ON ledger_blocks(claim);
CREATE TABLE IF NOT EXISTS ledger_articles (article TEXT PRIMARY KEY, names TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ledger_facts (fact TEXT PRIMARY KEY, quantity TEXT);
CREATE INDEX IF NOT EXISTS ledger_facts_quantity ON ledger_facts(quantity);
CREATE TABLE IF NOT EXISTS ledger_series (series TEXT PRIMARY KEY, quantity TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_series_quantity ON ledger_series(quantity);
CREATE TABLE IF NOT EXISTS ledger_parts (claim TEXT PRIMARY KEY, part TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_parts_part ON ledger_parts(part);
CREATE TABLE IF NOT EXISTS ledger_relays (claim TEXT PRIMARY KEY, relays TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);
"""


def state_indexes() -> list[tuple[str, str]]:
    """(name, CREATE statement) of each index on a bookkeeping table."""
    out = []
    for line in STATE_SCHEMA.splitlines():
        m = re.match(r"CREATE INDEX IF NOT EXISTS (\w+) ON (\w+)", line)
        if m and m.group(2) in STATE_TABLES:
            out.append((m.group(1), line.rstrip(";")))
    return out
