"""The join's sweep keeps the tellings it can meet in judging order instead of sorting them per
visit (``ledger.join._sweep_figures``); the facts and their joins are exactly those of the plain
sweep below (the code before the change), on the demo story, the demo story in eight copies a day
apart (big blocks whose windows overlap) and a generated corpus."""
from __future__ import annotations

import heapq
import importlib.util
from pathlib import Path

import pytest

from storyledger import extract, pipeline
from storyledger.cli import demo_corpus_files
from storyledger.ledger import build_ledger, join
from storyledger.store import LedgerStore

REPO = Path(__file__).resolve().parents[1]


def _plain_sweep(idx, tellings, clusters, corpus) -> None:
    """The sweep as it was: the active tellings sorted by index, then by rank, at every visit."""
    dated = sorted((i for i in idx if tellings[i].start is not None),
                   key=lambda i: (tellings[i].start, tellings[i].claim.id))
    undated = sorted((i for i in idx if tellings[i].start is None), key=lambda i: tellings[i].claim.id)
    active: list[tuple[int, int]] = []
    rank = {i: (join._measure(tellings[i].claim) == "other", tellings[i].claim.field == "title") for i in idx}
    judged_by = join._Judgements(tellings, idx, corpus)

    def visit(i, others):
        judged = set()
        for j in sorted(others, key=rank.__getitem__):
            tj = tellings[j]
            key = (clusters.find(j), tj.side.origin, tj.root)
            if key[0] == clusters.find(i) or key in judged:
                continue
            judged.add(key)
            why = judged_by(j, i)
            if why is not None:
                clusters.union(j, i, why)

    for i in dated:
        t = tellings[i]
        while active and active[0][0] < t.start:
            heapq.heappop(active)
        visit(i, sorted(j for _, j in active))
        heapq.heappush(active, (t.end + join.SAME_ARTICLE_DAYS, i))
    for n, i in enumerate(undated):
        visit(i, undated[:n] + dated)


def _plain_text_sweep(idx, tellings, clusters) -> None:
    """The words blocks' sweep as it was: every telling whose window can meet, by index."""
    dated = sorted((i for i in idx if tellings[i].start is not None),
                   key=lambda i: (tellings[i].start, tellings[i].claim.id))
    undated = sorted((i for i in idx if tellings[i].start is None), key=lambda i: tellings[i].claim.id)
    active: list[tuple[int, int]] = []
    for i in dated:
        t = tellings[i]
        while active and active[0][0] < t.start:
            heapq.heappop(active)
        for _, j in sorted(active, key=lambda x: x[1]):
            if clusters.find(j) != clusters.find(i) and join.compatible(tellings[j], t):
                clusters.union(j, i, ("same_words",))
        heapq.heappush(active, (t.end + join.SAME_ARTICLE_DAYS, i))
    for n, i in enumerate(undated):
        for j in undated[:n] + dated:
            if clusters.find(j) != clusters.find(i) and join.compatible(tellings[j], tellings[i]):
                clusters.union(j, i, ("same_words",))


def _both(arts, claims, monkeypatch) -> tuple[str, str]:
    fast = build_ledger(arts, claims)
    with monkeypatch.context() as m:
        m.setattr(join, "_sweep_figures", _plain_sweep)
        m.setattr(join, "_sweep", _plain_text_sweep)
        plain = build_ledger(arts, claims)
    assert len(fast.facts) > 10
    return fast.model_dump_json(), plain.model_dump_json()


def _copies(arts, claims_of, n):
    from tests.test_ledger_update import _copy
    out_a, out_c = [], []
    for j in range(n):
        for art in arts:
            a, cs = _copy(art, claims_of[art.id], j)
            out_a.append(a)
            out_c += cs
    return out_a, out_c


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    pipeline.build(demo_corpus_files(), db, nlp=extract.load_nlp())
    return db


def test_demo_and_eight_copies_join_as_the_plain_sweep(demo_db, monkeypatch):
    with LedgerStore(demo_db, readonly=True) as s:
        arts = s.articles()
        claims_of = {a.id: s.claims(a.id) for a in arts}
    a, b = _both(arts, [c for cs in claims_of.values() for c in cs], monkeypatch)
    assert a == b
    a, b = _both(*_copies(arts, claims_of, 8), monkeypatch)
    assert a == b


def test_generated_corpus_joins_as_the_plain_sweep(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.make_corpus(tmp_path / "c", 40, ["text", "html"], 3)
    db = tmp_path / "g.db"
    pipeline.build(sorted(p for p in (tmp_path / "c").rglob("*") if p.is_file()), db, nlp=extract.load_nlp())
    with LedgerStore(db, readonly=True) as s:
        arts, claims = s.articles(), s.claims()
    a, b = _both(arts, claims, monkeypatch)
    assert a == b


def _judgements(arts, claims, monkeypatch, sweep=None) -> tuple[str, int]:
    calls = []
    judge = join._Judgements.__call__
    with monkeypatch.context() as m:
        m.setattr(join._Judgements, "__call__", lambda self, j, i: calls.append(1) or judge(self, j, i))
        if sweep is not None:
            m.setattr(join, "_sweep_figures", sweep)
        led = build_ledger(arts, claims)
    return led.model_dump_json(), len(calls)


def test_the_candidate_index_judges_fewer_pairs_for_the_same_ledger(demo_db, monkeypatch):
    """Only tellings whose sources are not known to differ (or of one article) are judged: on the demo
    story in eight copies, half the plain sweep's judgements or fewer (7,126 against 15,982), the same ledger."""
    with LedgerStore(demo_db, readonly=True) as s:
        arts = s.articles()
        claims_of = {a.id: s.claims(a.id) for a in arts}
    arts8, claims8 = _copies(arts, claims_of, 8)
    fast, n_fast = _judgements(arts8, claims8, monkeypatch)
    plain, n_plain = _judgements(arts8, claims8, monkeypatch, _plain_sweep)
    assert fast == plain
    assert n_fast * 2 <= n_plain, (n_fast, n_plain)
