"""The PostgreSQL ledger: same exports as SQLite, several writers at once, clear errors.

Runs against the private server that .ci/with-postgres starts (URL in STORYLEDGER_TEST_PG);
skips with the reason where there is none. The shared store tests (test_store.py) also run on
both backends through the ``ledger_db`` fixture.
"""
from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from _exports import assert_same_exports

from storyledger import extract, pipeline
from storyledger.cli import demo_corpus_files
from storyledger.model import Article, Attribution, Claim, Fact, Ledger
from storyledger.store import LedgerStore, StoreError


def _art(i: int) -> Article:
    return Article(id=f"a{i:03d}", source=f"/tmp/a{i}.txt", title=f"Report {i}",
                   body=f"Officials counted {i} boats in the harbour on Monday.", published="2024-10-18",
                   published_basis="explicit")


def _claim(i: int, j: int) -> Claim:
    return Claim(id=f"c{i:03d}-{j}", article=f"a{i:03d}", kind="figure", text=f"{i} boats were counted.",
                 value=i, measure="other", attribution=Attribution(source="Port authority"))


def test_demo_build_exports_match_sqlite(pg_db, tmp_path):
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    lite = tmp_path / "demo.db"
    a = pipeline.build(files, lite, nlp=nlp)
    b = pipeline.build(files, pg_db, nlp=nlp)
    assert a.summary == b.summary
    assert_same_exports(lite, pg_db)
    with LedgerStore(lite, readonly=True) as s1, LedgerStore(pg_db, readonly=True) as s2:
        assert [x["id"] for x in s2.search("Kursk")["articles"]]
        assert {x["id"] for x in s1.search("Kursk")["articles"]} == {x["id"] for x in s2.search("Kursk")["articles"]}
    # a second build of the same input changes nothing
    again = pipeline.build(files, pg_db, nlp=nlp)
    assert again.new == 0 and again.unchanged == a.new


def test_several_writers_at_once(pg_db):
    with LedgerStore(pg_db):
        pass                                    # schema first, as `build` does before workers start
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            with LedgerStore(pg_db) as s:
                for i in range(w * 25, w * 25 + 25):
                    s.put_article(_art(i))
                    s.replace_claims(f"a{i:03d}", [_claim(i, 0), _claim(i, 1)])
                    s.put_article(_art(i))      # an update of the same article from the same writer
                    s.commit()
                s.put_ledger(Ledger(facts=[Fact(id=f"f{w}", kind="figure", claims=[f"c{w:03d}-0"])]))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with LedgerStore(pg_db, readonly=True) as s:
        assert s.count("articles") == 100 and s.count("claims") == 200
        seqs = [r[0] for r in s.db.execute("SELECT seq FROM articles")]
        assert len(set(seqs)) == 100
        assert len(s.ledger().facts) == 1       # each replacement is whole: the last writer's ledger
        assert [c["id"] for c in s.search("boats 42")["claims"]] == ["c042-0", "c042-1"]


def test_unreachable_server_is_one_clear_line():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as exc:
        LedgerStore("postgresql://someone:secret@127.0.0.1:1/nowhere")
    msg = str(exc.value)
    assert msg.startswith("postgresql://someone:***@127.0.0.1:1/nowhere: cannot connect")
    assert "secret" not in msg and "\n" not in msg


def test_readonly_empty_database(pg_db):
    with pytest.raises(StoreError, match="no ledger in this database"):
        LedgerStore(pg_db, readonly=True)


def test_sqlite_default_imports_no_server_libraries(tmp_path):
    code = ("import sys\nfrom storyledger import pipeline, cli\nfrom storyledger.store import LedgerStore\n"
            f"LedgerStore({str(tmp_path / 'x.db')!r}).close()\n"
            "print(sorted(m for m in ('psycopg', 'ray') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
