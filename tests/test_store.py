"""The ledger file: schema version, idempotent writes, search, clear errors."""
import sqlite3

import pytest

from storyledger.model import Article, Attribution, Claim, Fact, Ledger, TimeSpan
from storyledger.store import SCHEMA_VERSION, LedgerStore, StoreError, _fts_query


def _article(i: str = "a1", body: str = "Troops were seen near the border on Tuesday.") -> Article:
    return Article(id=i, source=f"/tmp/{i}.txt", title=f"Title {i}", body=body, published="2024-10-18",
                   published_basis="explicit")


def _claim(cid: str, art: str) -> Claim:
    return Claim(id=cid, article=art, kind="figure", text="Some 300 troops were seen.", value=300,
                 qualifier="approximately", measure="deployed",
                 as_of=TimeSpan(start="2024-10-18", end="2024-10-18"),
                 attribution=Attribution(source="National Intelligence Service", via=["Yonhap"]))


def test_schema_version_recorded(tmp_path):
    db = tmp_path / "l.db"
    with LedgerStore(db):
        pass
    row = sqlite3.connect(db).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert row == (str(SCHEMA_VERSION),)


def test_other_schema_version_is_refused(tmp_path):
    db = tmp_path / "l.db"
    with LedgerStore(db):
        pass
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 999"):
        LedgerStore(db)


def test_not_a_database_is_one_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite at all, just words\n" * 100)
    with pytest.raises(StoreError, match="not a storyledger database"):
        LedgerStore(bad)


def test_readonly_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such ledger file"):
        LedgerStore(tmp_path / "missing.db", readonly=True)


def test_article_and_claims_roundtrip_and_replace(ledger_db):
    with LedgerStore(ledger_db) as s:
        assert s.put_article(_article()) is True
        assert s.put_article(_article()) is False
        s.replace_claims("a1", [_claim("c1", "a1"), _claim("c2", "a1")])
        s.replace_claims("a1", [_claim("c1", "a1")])  # re-extraction replaces, never duplicates
        assert [c.id for c in s.claims()] == ["c1"]
        got = s.claims("a1")[0]
        assert got.attribution.via == ["Yonhap"] and got.as_of.start == "2024-10-18"
        assert s.count("articles") == 1


def test_ledger_replaced_whole(ledger_db):
    with LedgerStore(ledger_db) as s:
        s.put_ledger(Ledger(facts=[Fact(id="f1", kind="figure", claims=["c1"])]))
        s.put_ledger(Ledger(facts=[Fact(id="f2", kind="figure", claims=["c2"])]))
        assert [f.id for f in s.ledger().facts] == ["f2"]


def test_full_text_search(ledger_db):
    with LedgerStore(ledger_db) as s:
        s.put_article(_article("a1", "Satellite pictures showed a camp in Khabarovsk."))
        s.put_article(_article("a2", "The briefing covered casualties in Kursk."))
        s.replace_claims("a2", [_claim("c9", "a2")])
        res = s.search("khabarovsk")
        assert [a["id"] for a in res["articles"]] == ["a1"]
        assert [c["id"] for c in s.search("troops seen")["claims"]] == ["c9"]
        # FTS5 operators in user text are neutralised, never a syntax error
        assert s.search('" OR NEAR( *') == {"articles": [], "claims": []}


def test_fts_query_quotes_words():
    assert _fts_query('kim "jong-un" OR x') == '"kim" "jong" "un" "OR" "x"'


def test_exception_in_block_rolls_back(ledger_db):
    db = ledger_db
    with pytest.raises(RuntimeError):
        with LedgerStore(db) as s:
            s.put_article(_article("a1"))
            raise RuntimeError("stage failed half-way")
    with LedgerStore(db, readonly=True) as s:
        assert s.count("articles") == 0


def test_a_savepoint_leaves_the_commit_to_the_caller(ledger_db):
    """An item's writes land whole (a failed one rolls back alone), and ending its savepoint
    commits nothing: the build commits every COMMIT_EVERY seconds, not once per article."""
    with LedgerStore(ledger_db) as s:
        s.commit()
        with s.savepoint():
            s.put_article(_article("a1"))
        with pytest.raises(RuntimeError):
            with s.savepoint():
                s.put_article(_article("a2"))
                raise RuntimeError("this item only")
        assert s.db.in_transaction and [a.id for a in s.articles()] == ["a1"]
        with LedgerStore(ledger_db, readonly=True) as other:
            assert other.count("articles") == 0
        s.commit()
        with LedgerStore(ledger_db, readonly=True) as other:
            assert other.count("articles") == 1


def test_clean_exit_commits(ledger_db):
    db = ledger_db
    with LedgerStore(db) as s:
        s.put_article(_article("a1"))
    with LedgerStore(db, readonly=True) as s:
        assert s.count("articles") == 1


def test_failed_open_closes_connection(tmp_path, monkeypatch):
    db = tmp_path / "l.db"
    with LedgerStore(db):
        pass
    opened: list = []
    real_connect = sqlite3.connect

    class Spy:
        """Wraps a real connection and records whether it was closed."""
        def __init__(self, con):
            self.con, self.closed = con, False
            opened.append(self)

        def close(self):
            self.closed = True
            self.con.close()

        def __getattr__(self, name):
            return getattr(self.con, name)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: Spy(real_connect(*a, **k)))
    con = real_connect(db)
    con.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 999"):
        LedgerStore(db, readonly=True)
    bad = tmp_path / "notes.db"
    bad.write_text("plain words, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a storyledger database"):
        LedgerStore(bad)
    assert len(opened) == 2 and all(c.closed for c in opened)


@pytest.mark.parametrize("name", ["what?.db", "no#1.db", "100%.db", "a b.db"])
def test_readonly_path_with_uri_characters(tmp_path, name):
    db = tmp_path / "dir?#%" / name
    with LedgerStore(db) as s:
        s.put_article(_article("a1"))
    with LedgerStore(db, readonly=True) as s:
        assert [a.id for a in s.articles()] == ["a1"]


def test_locked_file_is_not_called_a_bad_database(tmp_path, monkeypatch):
    db = tmp_path / "l.db"
    with LedgerStore(db):
        pass
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.05}))
    other = real_connect(db)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match=r"cannot use ledger \(database is locked\)"):
            LedgerStore(db, readonly=True)
    finally:
        other.rollback()
        other.close()
