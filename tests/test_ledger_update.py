"""The incremental ledger step gives exactly the ledger a rebuild from all claims gives.

``ledger_update.update`` recomputes only the blocks, quantities and timeline entries the changed
articles touch and rewrites only those rows; ``build_ledger`` over every article and claim (with
the stored ledger as ``previous``, so fact ids are kept the same way) is the reference.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from _exports import assert_same_exports

from storyledger import extract, ledger_update, pipeline
from storyledger.cli import demo_corpus_files
from storyledger.ledger import build_ledger
from storyledger.store import LedgerStore, flat

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def always_incremental(monkeypatch):
    monkeypatch.setattr(ledger_update, "FULL_SHARE", 1.0)   # never fall back to a rebuild for size
    calls = []
    real = ledger_update.rebuild
    monkeypatch.setattr(ledger_update, "rebuild", lambda store: calls.append(1) or real(store))
    return calls


def _flat(db) -> dict[str, list]:
    """Every flat ledger table, rows sorted (an update appends the rows it rewrote)."""
    with LedgerStore(db, readonly=True) as s:
        out = {}
        for table in flat.LEDGER_TABLES:
            cols = ", ".join(flat.COLUMNS[table])
            out[table] = sorted(s.db.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        return out


def _add_and_check(db, paths, nlp, tmp_path) -> None:
    """Add ``paths`` to the ledger at ``db`` step by step; the update must equal the rebuild."""
    rep = pipeline.BuildReport()
    with LedgerStore(db) as store:
        pipeline.ingest_into(store, paths, rep)
        pipeline.corpus_pass(store, rep)
        pipeline.extract_new(store, rep, nlp=nlp)
        store.commit()
        expected = build_ledger(store.articles(), store.claims(), previous=store.ledger())
        pipeline.ledger_step(store, rep)
        got = store.ledger()
    assert got.model_dump_json() == expected.model_dump_json()
    # the rows written are the rows a whole rewrite writes
    again = tmp_path / "again.db"
    shutil.copy(db, again)
    with LedgerStore(again) as store:
        store.db.execute("DELETE FROM meta WHERE key='ledger_state'")
        pipeline.ledger_step(store, pipeline.BuildReport())
    assert _flat(db) == _flat(again)


def test_demo_added_one_article_at_a_time(tmp_path, always_incremental):
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    db = tmp_path / "inc.db"
    pipeline.build(files[:4], db, nlp=nlp)
    assert always_incremental == [1]
    for f in files[4:]:
        _add_and_check(db, [f], nlp, tmp_path)
    assert always_incremental == [1] + [1] * (len(files) - 4)   # the check's own rebuilds only
    full = tmp_path / "full.db"
    pipeline.build(files, full, nlp=nlp)
    assert_same_exports(db, full, names_from_history=True)


def test_generated_corpus_added_in_small_builds(tmp_path, always_incremental):
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.make_corpus(tmp_path / "c", 48, ["text", "html"], 7)
    files = sorted(p for p in (tmp_path / "c").rglob("*") if p.is_file())
    nlp = extract.load_nlp()
    db = tmp_path / "inc.db"
    pipeline.build(files[:30], db, nlp=nlp)
    for k in range(30, 48, 6):
        _add_and_check(db, files[k:k + 6], nlp, tmp_path)
    # a wire copy of an early article arrives late: its links and root change what it tells
    (tmp_path / "late").mkdir()
    shutil.copy(files[0], tmp_path / "late" / ("copy" + files[0].suffix))
    _add_and_check(db, [tmp_path / "late"], nlp, tmp_path)
    full = tmp_path / "full.db"
    pipeline.build(files + [tmp_path / "late"], full, nlp=nlp)
    assert_same_exports(db, full, names_from_history=True)


def test_changed_ledger_code_rebuilds(tmp_path, monkeypatch):
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    db = tmp_path / "l.db"
    pipeline.build(files[:-1], db, nlp=nlp)
    monkeypatch.setattr(ledger_update, "fingerprint", lambda: "other code")
    calls = []
    real = ledger_update.rebuild
    monkeypatch.setattr(ledger_update, "rebuild", lambda store: calls.append(1) or real(store))
    pipeline.build(files[-1:], db, nlp=nlp)
    assert calls == [1]
    with LedgerStore(db, readonly=True) as s:
        assert s.get_meta("ledger_state") == "other code"


def test_update_on_each_backend(ledger_db, tmp_path, always_incremental):
    """The update's SQL runs on PostgreSQL too, and both backends give the one-build ledger."""
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    pipeline.build(files[:8], ledger_db, nlp=nlp)
    pipeline.build(files[8:11], ledger_db, nlp=nlp)
    pipeline.build(files[11:], ledger_db, nlp=nlp)
    assert always_incremental == [1]
    full = tmp_path / "full.db"
    pipeline.build(files, full, nlp=nlp)
    assert_same_exports(ledger_db, full, names_from_history=True)
    # the report's partial reads (SQL aggregates, lookups by id) give the whole view's page here too
    from storyledger import report
    from storyledger.report import render_view
    from storyledger.report.view import load_view
    limits = dict(claims=5, texts=1, index=3, timeline=2, figures=2, side=1, disagreements=2, sources=3, points=3)
    old = dict(report.LIMITS)
    report.LIMITS.update(limits)
    try:
        with LedgerStore(ledger_db, readonly=True) as st:
            whole, part = load_view(st, whole=True), load_view(st)
            assert part.totals is not None and part.sources == whole.sources
            pages = [render_view(v).split("Made by storyledger")[0] for v in (whole, part)]
    finally:
        report.LIMITS.clear()
        report.LIMITS.update(old)
    assert pages[0] == pages[1]


def _copy(art, claims, j: int):
    """Copy j of an article: new ids, its own outlet, published j days later (soft times move with
    it, a figure's own date stays): the same figures told again and again across the story."""
    from datetime import date, timedelta
    aid = f"{art.id}-c{j}"
    pub = art.published
    if pub and j:
        pub = (date.fromisoformat(pub[:10]) + timedelta(days=j)).isoformat() + pub[10:]
    a = art.model_copy(update={"id": aid, "source": f"{art.source}#copy{j}", "duplicate_of": None, "published": pub,
                               "outlet": f"{art.outlet or art.agency or 'Outlet'} {j % 3}"})
    return a, [c.model_copy(update={"id": f"{c.id}-c{j}", "article": aid}) for c in claims]


def _step_and_check(db, tmp_path) -> None:
    """One ledger step on ``db``: equal to ``build_ledger`` on all claims and to a whole rewrite."""
    with LedgerStore(db) as store:
        expected = build_ledger(store.articles(), store.claims(), previous=store.ledger())
        pipeline.ledger_step(store, pipeline.BuildReport())
        got = store.ledger()
    assert got.model_dump_json() == expected.model_dump_json()
    again = tmp_path / "again.db"
    shutil.copy(db, again)
    with LedgerStore(again) as store:
        store.db.execute("DELETE FROM meta WHERE key='ledger_state'")
        pipeline.ledger_step(store, pipeline.BuildReport())
    assert _flat(db) == _flat(again)


def test_repeated_figures_in_big_blocks(tmp_path, always_incremental):
    """The demo story told by eight copies of every article, a day apart: each repeated figure is a
    block of dozens of tellings whose windows overlap, and new copies land in the middle of each
    block's time order. Copies added a few at a time give the ledger a rebuild gives."""
    built = tmp_path / "demo.db"
    pipeline.build(demo_corpus_files(), built, nlp=extract.load_nlp())
    with LedgerStore(built, readonly=True) as s:
        arts = s.articles()
        claims = {a.id: s.claims(a.id) for a in arts}
    db = tmp_path / "big.db"

    def add(pairs) -> None:
        with LedgerStore(db) as st:
            for j, art in pairs:
                a, cs = _copy(art, claims[art.id], j)
                st.put_article(a)
                st.replace_claims(a.id, cs)
            st.commit()

    add([(j, a) for j in (0, 2, 4, 6) for a in arts])
    with LedgerStore(db) as st:
        pipeline.ledger_step(st, pipeline.BuildReport())
        n_facts = st.count("facts")
    calls = len(always_incremental)
    add([(3, a) for a in arts[:3]])        # a few copies in the middle of the story's time order
    _step_and_check(db, tmp_path)
    add([(1, a) for a in arts[3:]] + [(7, a) for a in arts[::2]])
    _step_and_check(db, tmp_path)
    add([(5, a) for a in arts])
    _step_and_check(db, tmp_path)
    assert len(always_incremental) == calls + 3   # the checks' own rebuilds: every step was an update
    with LedgerStore(db, readonly=True) as st:
        big = st.db.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM ledger_blocks GROUP BY key)").fetchone()[0]
        assert st.count("facts") >= n_facts
    assert big >= 8 * 4        # some figure is told in at least four claims of each of eight copies
