"""``build --engine ray``: the same ledger as the local engine, row for row.

Few and small on purpose (CI has 2 cores): one local Ray for the module, the demo corpus and a
generated corpus of 200 articles. Skips with the reason when Ray (the ``ray`` extra) is absent.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from _exports import assert_same_exports

from storyledger import extract, ingest, pipeline
from storyledger.cli import demo_corpus_files
from storyledger.model import Article, RawDocument
from storyledger.store import LedgerStore

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ray_engine():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'storyledger[ray]')")
    from storyledger import engine_ray
    yield engine_ray
    ray.shutdown()


def test_demo_corpus_same_ledger_as_local(ray_engine, tmp_path):
    # and a JSON Lines file of our own: a record whose URL is dropped (a note), an unreadable line
    lines = tmp_path / "more.jsonl"
    text = "The harbour office said 40 boats were counted in the bay on Monday morning. " * 4
    lines.write_text(json.dumps({"url": "http://[bad", "title": "Harbour count", "text": text}) + "\n{oops\n")
    files = demo_corpus_files() + [str(tmp_path / "missing.txt"), str(lines)]
    local = pipeline.build(files, tmp_path / "local.db", nlp=extract.load_nlp())
    notes: list[str] = []
    dist = ray_engine.build_ray(files, tmp_path / "ray.db", workers=2, on_note=notes.append)
    assert dist.summary == local.summary
    assert [s.reason for s in dist.skipped] == [s.reason for s in local.skipped]
    assert dist.notes == local.notes == notes == [f"{lines}#L1: url 'http://[bad' is not a valid URL; kept as none"]
    assert_same_exports(tmp_path / "local.db", tmp_path / "ray.db")


def test_generated_corpus_same_ledger_as_local(ray_engine, tmp_path):
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.make_corpus(tmp_path / "corpus", 200, mod.KINDS, 3)
    local = pipeline.build([tmp_path / "corpus"], tmp_path / "local.db", nlp=extract.load_nlp())
    dist = ray_engine.build_ray([tmp_path / "corpus"], tmp_path / "ray.db", workers=2)
    assert local.read == 200 and dist.summary == local.summary
    assert_same_exports(tmp_path / "local.db", tmp_path / "ray.db")
    # the near-copy index: signatures made by the cleaning workers, as the local corpus pass makes them
    index = [_rows(tmp_path / f"{e}.db", "SELECT article, sig FROM minhash ORDER BY article") +
             _rows(tmp_path / f"{e}.db", "SELECT key, article FROM lsh_bands ORDER BY key, article")
             for e in ("local", "ray")]
    assert index[0] == index[1] and len(index[0]) == local.new * (1 + 9)     # a signature, 9 bands each
    # a second run adds nothing and extracts nothing
    again = ray_engine.build_ray([tmp_path / "corpus"], tmp_path / "ray.db", workers=2)
    assert again.new == 0 and again.extracted == 0


def _rows(db, sql: str) -> list:
    with LedgerStore(db, readonly=True) as s:
        return s.db.execute(sql).fetchall()


def test_engine_options_are_checked(tmp_path):
    from typer.testing import CliRunner

    from storyledger.cli import app
    runner = CliRunner()
    res = runner.invoke(app, ["build", str(tmp_path), "--db", str(tmp_path / "l.db"), "--engine", "spark"])
    assert res.exit_code == 2 and "--engine 'spark': choose local or ray" in res.output
    res = runner.invoke(app, ["build", str(tmp_path), "--db", str(tmp_path / "l.db"), "--address", "10.0.0.1:6379"])
    assert res.exit_code == 2 and "--address joins a Ray cluster: use it with --engine ray" in res.output


def test_heads_finished_later_give_the_claims_of_one_pass():
    # the Ray engine parses an undated article before the corpus pass dates it and finishes the
    # Docs after (extract.parse_heads / claims_from_heads): the claims of extract_claims on the
    # article as dated, whatever the date became (a window, a year from siblings) or stayed
    nlp = extract.load_nlp()
    docs = [d for d in ingest.iter_documents(demo_corpus_files()) if isinstance(d, RawDocument)]
    arts = [a for a in map(pipeline.clean_or_skip, docs) if isinstance(a, Article)]
    assert len(arts) >= 8
    undated = [a.model_copy(update={"published": None, "published_basis": "unknown", "date_window": None}) for a in arts]
    heads = extract.parse_heads(undated, nlp=nlp)
    for a, h in zip(undated, heads):
        for dated in (a, a.model_copy(update={"date_window": ["2024-03-01", "2024-03-20"]}),
                      a.model_copy(update={"published": "2024-05-02", "published_basis": "corpus"})):
            [(_, want)] = list(extract.extract_claims([dated], nlp=nlp))
            assert [c.model_dump() for c in extract.claims_from_heads(dated, h, nlp=nlp)] == \
                [c.model_dump() for c in want], (a.source, dated.published, dated.date_window)
