"""Adding articles to a ledger gives the ledger a build from scratch of all of them gives.

The corpus pass is incremental (storyledger.corpus_index): it must date, link near-copies and
extract exactly as ``clean.finalize_corpus`` over every article would.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from _exports import assert_same_exports

from storyledger import clean, extract, pipeline
from storyledger.clean import dedupe
from storyledger.cli import demo_corpus_files
from storyledger.store import LedgerStore

REPO = Path(__file__).resolve().parents[1]


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_demo_added_in_three_builds_equals_one_build(tmp_path):
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    # the wire copy and its original land in different builds, so the link is made incrementally
    parts = [files[:5], files[5:9], files[9:]]
    inc = tmp_path / "inc.db"
    for part in parts:
        pipeline.build(part, inc, nlp=nlp)
    full = tmp_path / "full.db"
    rep = pipeline.build(files, full, nlp=nlp)
    assert rep.duplicates == 1
    assert_same_exports(inc, full, names_from_history=True)


def test_generated_corpus_incremental_equals_scratch_and_finalize(tmp_path):
    mod = _make_corpus()
    mod.make_corpus(tmp_path / "c", 60, ["text", "html"], 5)
    files = sorted(p for p in (tmp_path / "c").rglob("*") if p.is_file())
    # a wire copy of an early article arrives late, with an earlier date than nothing else has
    first = files[0].read_text(encoding="utf-8")
    (tmp_path / "late").mkdir()
    shutil.copy(files[0], tmp_path / "late" / "copy.txt" if files[0].suffix == ".txt" else tmp_path / "late" / "copy.html")
    nlp = extract.load_nlp()
    inc = tmp_path / "inc.db"
    pipeline.build(files[:40], inc, nlp=nlp)
    pipeline.build(files[40:], inc, nlp=nlp)
    rep = pipeline.build([tmp_path / "late"], inc, nlp=nlp)
    assert rep.read == 1 and first
    full = tmp_path / "full.db"
    pipeline.build(files + [tmp_path / "late"], full, nlp=nlp)
    assert_same_exports(inc, full, names_from_history=True)
    # and the same dates and links finalize_corpus gives over all the articles at once
    with LedgerStore(full, readonly=True) as s:
        stored = s.articles()
    raw = [a.model_copy(update={"duplicate_of": None}) for a in stored]
    fixed = {a.id: a for a in clean.finalize_corpus(raw)}
    assert [(a.published, a.duplicate_of) for a in stored] == \
           [(fixed.get(a.id, a).published, fixed.get(a.id, a).duplicate_of) for a in raw]


def test_old_ledger_without_index_is_indexed_once(tmp_path):
    nlp = extract.load_nlp()
    files = demo_corpus_files()
    db = tmp_path / "l.db"
    pipeline.build(files[:-2], db, nlp=nlp)
    with LedgerStore(db) as s:              # as a file written before the index existed
        s.db.execute("DELETE FROM meta WHERE key IN ('corpus_index', 'corpus_dates')")
        s.db.execute("DELETE FROM minhash")
        s.db.execute("DELETE FROM lsh_bands")
    pipeline.build(files[-2:], db, nlp=nlp)
    full = tmp_path / "full.db"
    pipeline.build(files, full, nlp=nlp)
    assert_same_exports(db, full, names_from_history=True)
    with LedgerStore(db, readonly=True) as s:
        assert s.count("articles") == s.db.execute("SELECT COUNT(*) FROM minhash").fetchone()[0]


def test_a_signature_stored_before_the_corpus_pass_is_not_made_again(tmp_path):
    # an article id is its body's hash, so an engine's worker may store the body's signature while
    # cleaning; the corpus pass then computes only the missing ones (a marker shows which it kept)
    files = demo_corpus_files()[:3]
    rep = pipeline.BuildReport()
    with LedgerStore(tmp_path / "l.db") as s:
        pipeline.ingest_into(s, files, rep)
        s.set_meta("corpus_index", "2")         # an indexed ledger, as after any earlier build
        first, second = rep.new_ids[:2]
        marker = bytes(range(128)) * 4
        s.put_signature(first, marker, dedupe.band_keys(marker))
        pipeline.corpus_pass(s, rep)
        sigs = s.signatures(rep.new_ids)
        body = s.article(second).body
    assert sigs[first] == marker
    assert sigs[second] == dedupe.signature(body) and len(sigs) == len(rep.new_ids) == 3
