"""The ledger file opens in SQL tools: flat facts, members, series points and disagreements.

Queries the demo ledger the way Datasette does (sqlite-utils table introspection, facets as
GROUP BY counts, foreign keys followed by joins) and checks an old file is refused in one line.
"""
from __future__ import annotations

import sqlite3

import pytest

from storyledger import pipeline
from storyledger.cli import demo_corpus_files
from storyledger.store import LedgerStore, StoreError

sqlite_utils = pytest.importorskip("sqlite_utils", reason="sqlite-utils is a test dependency (pip install -e .[test])")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("flat") / "ledger.db"
    pipeline.build(demo_corpus_files(), path)
    return str(path)


def test_tables_columns_and_foreign_keys(db):
    d = sqlite_utils.Database(db)
    for name in ("facts", "fact_members", "series", "series_points", "disagreements"):
        assert name in d.table_names()
    assert {"measure", "origin", "value", "qualifier", "carried_by", "n_articles"} <= set(d["facts"].columns_dict)
    fks = {(fk.column, fk.other_table) for fk in d["fact_members"].foreign_keys}
    assert {("fact", "facts"), ("claim", "claims"), ("article", "articles")} <= fks
    assert {(fk.column, fk.other_table) for fk in d["series_points"].foreign_keys} >= {("series", "series"),
                                                                                       ("fact", "facts")}
    assert any(ix.columns == ["outlet"] for ix in d["fact_members"].indexes)
    assert d.execute("PRAGMA foreign_key_check").fetchall() == []


def test_facets_and_joins(db):
    d = sqlite_utils.Database(db)
    # facet facts by measure: every figure fact has one; statements are not figure facts
    facets = dict(d.execute("SELECT measure, COUNT(*) FROM facts WHERE kind='figure' GROUP BY measure").fetchall())
    assert facets.get("planned", 0) >= 3 and facets.get("deployed", 0) >= 8
    # the NIS 12,000: carried by several outlets, one row per member with its outlet and date
    rows = d.execute(
        "SELECT DISTINCT m.outlet FROM facts f JOIN fact_members m ON m.fact = f.id "
        "WHERE f.value = 12000 AND f.measure = 'planned' AND f.origin = 'National Intelligence Service'").fetchall()
    assert {r[0] for r in rows} >= {"The Harbor Ledger", "Northgate Post", "Seoul Evening Wire"}
    # each series point is a row pointing at its fact
    n = d.execute("SELECT COUNT(*) FROM series_points p JOIN facts f ON f.id = p.fact").fetchone()[0]
    assert n == d["series_points"].count == sum(s["n_points"] for s in d["series"].rows) > 0
    kinds = {r[0] for r in d.execute("SELECT kind FROM disagreements")}
    assert kinds <= {"conflict", "revision", "retelling"} and "revision" in kinds


def test_old_file_refused_read_only_and_migrated_by_a_build(tmp_path):
    old = tmp_path / "old.db"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE facts (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        LedgerStore(old, readonly=True)
    assert "schema version 1" in str(err.value) and "\n" not in str(err.value)
    # opened for writing (a build), the derived tables are rebuilt flat
    with LedgerStore(old) as st:
        assert st.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "2"
        assert "carried_by" in [r[1] for r in st.db.execute("PRAGMA table_info(facts)")]
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value='9' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError):
        LedgerStore(old)


def test_export_outlets_and_one_row_per_point(db, tmp_path):
    import csv
    import json

    from storyledger.store.export import write_export
    with LedgerStore(db, readonly=True) as st:
        write_export(st, tmp_path)
        led = st.ledger()
    claims = list(csv.DictReader(open(tmp_path / "claims.csv", encoding="utf-8")))
    assert {"outlet", "agency", "published", "value", "low", "high", "qualifier"} <= set(claims[0])
    assert {c["outlet"] for c in claims} >= {"Meridian Daily", "The Harbor Ledger", "Kestrel News"}
    points = list(csv.DictReader(open(tmp_path / "series.csv", encoding="utf-8")))
    assert len(points) == sum(len(s.points) for s in led.series)
    assert all(p["value"] or p["low"] or p["high"] for p in points)
    facts = [json.loads(line) for line in open(tmp_path / "facts.jsonl", encoding="utf-8")]
    f12 = next(f for f in facts if f["value"] == 12000 and f["measure"] == "planned")
    outlets = [c["outlet"] for c in f12["carried_by"]]
    assert outlets[0] == "The Harbor Ledger" and "Seoul Evening Wire" in outlets
    assert all(c["published"] for c in f12["carried_by"])


def test_figures_table_exports(db, tmp_path):
    from typer.testing import CliRunner

    from storyledger.cli import app
    res = CliRunner().invoke(app, ["export", "--db", db, "--out", str(tmp_path), "--figures", "csv,md,wiki"])
    assert res.exit_code == 0, res.output
    import csv
    rows = list(csv.DictReader(open(tmp_path / "figures.csv", encoding="utf-8")))
    kw = [r for r in rows if r["series"] == "North Korean casualties in Russia — killed or wounded"]
    # the range reported for a date, each figure with its source, its outlets and its sentence
    z = next(r for r in kw if r["source"] == "Volodymyr Zelensky")
    assert z["figure"] == "at least 3,000" and z["carried by"].startswith("Northgate Post")
    assert "3,000" in z["sentence"] and z["link"].startswith("https://")
    twelve = next(r for r in rows if r["figure"] == "about 12,000")
    assert "same source" in twelve["joined because"] and "a wire copy" in twelve["joined because"]
    latest = [r for r in kw if r["latest of source"] == "yes" and r["source"] == "National Intelligence Service"]
    assert [r["figure"] for r in latest] == ["about 4,700"]
    wiki = (tmp_path / "figures.wiki").read_text(encoding="utf-8")
    assert wiki.count('{| class="wikitable sortable"') == len({r["series"] for r in rows})
    assert "<ref>{{cite news |url=https://" in wiki and wiki.rstrip().endswith("<references />")
    md = (tmp_path / "figures.md").read_text(encoding="utf-8")
    assert "| date | range | figure | source | carried by | first reported | sentence |" in md
    bad = CliRunner().invoke(app, ["export", "--db", db, "--out", str(tmp_path), "--figures", "xls"])
    assert bad.exit_code != 0 and "unknown format 'xls'" in bad.output


def test_a_series_nested_two_deep_is_written_after_its_parent(db, tmp_path):
    """On 8,000 generated articles a scope's "(expected)" series nests under the quantity's
    "(expected)" series, itself under the whole: listed by label the grandchild came before its
    parent and the ledger write failed its foreign key."""
    import shutil
    path = tmp_path / "copy.db"
    shutil.copy(db, path)
    with LedgerStore(path) as st:
        led = st.ledger()
        child = next(s for s in led.series if s.parent)
        grand = child.model_copy(update={"id": "s-grandchild", "parent": child.id, "label": "A " + child.label})
        led.series = [grand] + led.series
        st.put_ledger(led)
        st.commit()
        assert st.db.execute("SELECT parent FROM series WHERE id='s-grandchild'").fetchone() == (child.id,)
        assert st.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_rebuild_leaves_the_bookkeeping_tables_indexed(db):
    """``ledger_update.rebuild`` drops the bookkeeping tables' indexes while it refills them
    (``LedgerStore.clear_state``) and makes them again after (``index_state``): all seven are there,
    and the planner uses the one on block keys."""
    con = sqlite3.connect(db)
    names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ledger_%'")}
    assert names == {"ledger_claims_article", "ledger_claims_place", "ledger_blocks_key", "ledger_blocks_claim",
                     "ledger_facts_quantity", "ledger_series_quantity", "ledger_parts_part"}
    plan = " ".join(str(r) for r in con.execute("EXPLAIN QUERY PLAN SELECT claim FROM ledger_blocks WHERE key = 'x'"))
    assert "ledger_blocks_key" in plan
    assert con.execute("SELECT count(*) FROM ledger_blocks").fetchone()[0] > 0
