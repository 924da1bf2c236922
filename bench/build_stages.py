"""CPU seconds of each stage of a whole build, against a bare ``nlp.pipe`` in the same run.

    nice -n 10 .venv/bin/python bench/build_stages.py [--n 200] [--seed 7]

The corpus is extract_speed's (paragraphs of the seed articles mixed, read from ../shared at run
time). A first build makes the cleaned texts and warms every table; the second build is timed
stage by stage (pipeline functions wrapped with a CPU clock), between two bare runs of the model
over the same texts (components disabled, batch 64). Stages nest: extract_new holds the nlp.pipe
with storyledger's components and store_claims; ingest_into holds clean_or_skip and keep_article.
"""
from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import extract_speed as es  # noqa: E402

from storyledger import extract, pipeline  # noqa: E402
from storyledger.store import LedgerStore  # noqa: E402

SPENT: dict[str, float] = {}


def _clocked(module, name: str) -> None:
    fn = getattr(module, name)

    @functools.wraps(fn)
    def wrapper(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.process_time() - t
    setattr(module, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    for name in ("ingest_into", "clean_or_skip", "keep_article", "corpus_pass", "extract_new",
                 "store_claims", "ledger_step"):
        _clocked(pipeline, name)
    nlp = extract.load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        es.make_corpus(corpus, args.n, args.seed)
        pipeline.build([corpus], Path(tmp) / "first.db", nlp=nlp)
        with LedgerStore(Path(tmp) / "first.db", readonly=True) as store:
            arts = store.articles()
        texts = [d.text for k, a in enumerate(arts) for d, _ in extract._docs(nlp, k, a)]
        before = es._bare(nlp, texts)
        SPENT.clear()
        with es.Clock() as build:
            pipeline.build([corpus], Path(tmp) / "timed.db", nlp=nlp)
        after = es._bare(nlp, texts)
    bare = (before.cpu + after.cpu) / 2
    print(f"command: nice -n 10 .venv/bin/python bench/build_stages.py --n {args.n} --seed {args.seed}")
    print(f"bare nlp.pipe {bare:.2f} s CPU; whole build {build.cpu:.2f} s CPU; bare/build {bare / build.cpu:.3f}")
    for name, spent in sorted(SPENT.items(), key=lambda x: -x[1]):
        print(f"  {name:16s} {spent:6.2f} s  {1000 * spent / len(arts):6.1f} ms/article")


if __name__ == "__main__":
    main()
