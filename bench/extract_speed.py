"""Speed of the whole build (ingest -> clean -> claims -> ledger) against a bare ``nlp.pipe``.

The corpus is generated at run time into a temp dir by mixing paragraphs of the seed
articles (read from ../shared; nothing is copied into the repo). Both runs use the same
loaded model and the same article texts.

    .venv/bin/python bench/extract_speed.py [--n 2000] [--seed 7] [--n-process 2]

"bare" is the spaCy model alone (storyledger's components disabled), so the ratio counts the
components' work as storyledger's. With ``--n-process 2`` it also times the extraction stage
(clean articles -> claims) and the bare pipe with one and with two processes.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "devset" / "seeds" / "articles"


def make_corpus(out: Path, n: int, seed: int) -> list[str]:
    paras = []
    for f in sorted(SEEDS.glob("*.txt")):
        for p in f.read_text(encoding="utf-8").split("\n"):
            p = p.strip()
            if len(p.split()) >= 12:
                paras.append(p)
    if not paras:
        sys.exit(f"no seed articles under {SEEDS}")
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        body = rng.sample(paras, k=min(len(paras), rng.randint(6, 10)))
        text = f"Mixed report number {i} on the troop deployment\n\n" + "\n\n".join(body) + "\n"
        (out / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"../shared not present: {SEEDS}")
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract, pipeline

    nlp = extract.load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = make_corpus(corpus, args.n, args.seed)
        words = sum(len(t.split()) for t in texts)

        ours = [n for n in nlp.pipe_names if n.startswith("storyledger_")]
        with nlp.select_pipes(disable=ours):
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            bare = time.perf_counter() - t0

        t0 = time.perf_counter()
        rep = pipeline.build([corpus], Path(tmp) / "ledger.db", nlp=nlp)
        full = time.perf_counter() - t0

        if args.n_process > 1:
            _processes(nlp, ours, Path(tmp) / "ledger.db", args.n_process)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"command: .venv/bin/python bench/extract_speed.py --n {args.n} --seed {args.seed} --n-process {args.n_process}")
    print(f"corpus: {args.n} articles, {words} words (seed paragraphs mixed at run time)")
    print(f"bare nlp.pipe:  {bare:7.1f} s  {args.n / bare:7.1f} articles/s")
    print(f"storyledger build: {full:7.1f} s  {args.n / full:7.1f} articles/s  ({rep.claims} claims, {rep.extracted} extracted)")
    print(f"ratio build/bare: {bare / full:.2f}x (target >= 0.6x)")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")


def _processes(nlp, ours: list[str], db: Path, n_process: int) -> None:
    """Articles/s of the extraction stage and of the bare pipe, one process against ``n_process``."""
    from storyledger import extract
    from storyledger.store import LedgerStore
    with LedgerStore(db, readonly=True) as store:
        arts = store.articles()
    texts = [a.body for a in arts]
    for k in (1, n_process):
        with nlp.select_pipes(disable=ours):
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64, n_process=k):
                pass
            bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = sum(len(cs) for _, cs in extract.extract_claims(arts, nlp=nlp, n_process=k))
        ext = time.perf_counter() - t0
        print(f"n_process={k}: bare nlp.pipe {len(arts) / bare:6.1f} articles/s; "
              f"extract_claims {len(arts) / ext:6.1f} articles/s ({claims} claims); ratio {bare / ext:.2f}x")


if __name__ == "__main__":
    main()
