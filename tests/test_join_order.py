"""The join is a function of its claims, and it splits into parts that join alone.

- Its facts are those of the plain sweep below (the code before the sweep kept its window in
  judging order), on the demo story, the demo story in eight copies a day apart (big blocks whose
  windows overlap) and a generated corpus.
- Join parts (``ledger.join._Clusters.comp``: every pair found to be one fact, refused merges
  included): the claims of each part, joined alone with their blocks' relay corpora and first
  claims, give exactly the facts and joins the whole join gives them. The incremental ledger update
  (``ledger_update``) joins again only the parts new claims reach and rests on this.
- Building the same files in another order gives the same ledger; two tellings of one fact join,
  and two places that exclude each other never do, not even through a telling that names no place.
"""
from __future__ import annotations

import heapq
import importlib.util
from pathlib import Path

import pytest

from collections import defaultdict

from test_ledger import art, fig

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


def _parts_join_alone(arts, claims) -> int:
    """Join each part's claims alone; the facts (all but their ids) must be the whole join's. The
    number of parts."""
    parts: dict[str, str] = {}
    whole = build_ledger(arts, claims, parts=parts)
    corpora: dict[tuple, list] = defaultdict(list)
    firsts: dict[tuple[str, str], str] = {}
    for c in sorted(claims, key=lambda c: c.id):
        if c.kind == "figure":
            for k in join._number_blocks(c):
                corpora[k] += [r] if (r := join.relay_of(c)) else []
        elif key := join._text_key(c):
            firsts.setdefault((c.kind, key), c.id)
    members = defaultdict(list)
    for c in sorted(claims, key=lambda c: c.id):
        members[parts[c.id]].append(c)
    names = join.article_names(claims)
    alone = []
    for part in members.values():
        facts, _ = join.build_facts(arts, part, None, names, corpora=corpora, firsts=firsts)
        alone += facts

    def rows(facts):
        return sorted(f.model_dump_json(exclude={"id"}) for f in facts)
    assert rows(alone) == rows(whole.facts + whole.statements)
    assert set(parts) == {c.id for c in claims}
    return len(members)


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
    assert _parts_join_alone(arts, [c for cs in claims_of.values() for c in cs]) > 10
    assert _parts_join_alone(*_copies(arts, claims_of, 8)) > 10


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
    assert _parts_join_alone(arts, claims) > 10


def test_files_in_another_order_give_the_same_ledger(demo_db, tmp_path):
    db = tmp_path / "reversed.db"
    pipeline.build(list(reversed(demo_corpus_files())), db, nlp=extract.load_nlp())
    with LedgerStore(demo_db, readonly=True) as a, LedgerStore(db, readonly=True) as b:
        assert a.ledger().model_dump_json() == b.ledger().model_dump_json()


def test_two_tellings_join_and_exclusive_places_never_do():
    arts = [art("A", "2024-10-18", outlet="Wire Site"), art("B", "2024-10-19", outlet="Seoul Daily"),
            art("C", "2024-10-19", outlet="Capital Times")]
    one = [fig("a1", "A", 1500, "deployed", "2024-10-17", source="National Intelligence Service", where="Vladivostok"),
           fig("b1", "B", 1500, "deployed", "2024-10-17", source="National Intelligence Service", where="Vladivostok")]
    led = build_ledger(arts, one)
    assert [sorted(f.claims) for f in led.facts] == [["a1", "b1"]]
    # Khabarovsk and Vladivostok: both in Russia's Far East, neither in the other; the telling that
    # names no place fits either but does not make them one
    two = [one[0], fig("b2", "B", 1500, "deployed", "2024-10-17", source="National Intelligence Service",
                       where="Khabarovsk"),
           fig("c2", "C", 1500, "deployed", "2024-10-17", source="National Intelligence Service")]
    facts = [sorted(f.claims) for f in build_ledger(arts, two).facts]
    assert len(facts) == 2 and ["a1", "b2"] not in facts and all(not {"a1", "b2"} <= set(f) for f in facts)


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
