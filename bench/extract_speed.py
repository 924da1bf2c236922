"""Speed of the extraction stage and of the whole build against a bare ``nlp.pipe``, in one run.

    nice -n 10 .venv/bin/python bench/extract_speed.py [--n 300] [--seed 7] [--n-process 2]

The corpus is generated at run time into a temp dir by mixing paragraphs of the seed articles
(read from ../shared; nothing is copied into the repo), one JSON line per article with a title and
a publication date. Then, with one loaded model:

1. the whole build (ingest, clean, corpus pass, extraction, ledger) with one process;
2. "bare": the same model with storyledger's components disabled, ``nlp.pipe`` over exactly the
   texts the extraction stage parses (each stored article's cleaned body, title and captions, as
   ``extract._docs`` makes them), the same batch size (64);
3. the extraction stage alone (``extract.extract_claims`` over the stored articles).

Bare runs before, between and after the two timed runs, and each ratio takes the mean of the two
bare runs around it, so load that drifts on a shared machine weighs on both sides alike. Each
ratio is given in CPU seconds of this process (steady when other programs share the cores) and
in wall time. With
``--n-process 2`` the bare pipe and the extraction stage run again with two processes: their
articles/s against one process is the gain on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "devset" / "seeds" / "articles"
BATCH = 64   # extract_claims' nlp.pipe batch (max(64, 2 * 32))


def make_corpus(out: Path, n: int, seed: int) -> None:
    paras = [p.strip() for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")
             if len(p.split()) >= 12]
    if not paras:
        sys.exit(f"no seed articles under {SEEDS}")
    rng = random.Random(seed)
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = rng.sample(paras, k=min(len(paras), rng.randint(6, 10)))
            # a publication date, as real pages give one: relative times are then read against it
            fh.write(json.dumps({"title": f"Mixed report number {i} on the troop deployment",
                                 "text": "\n\n".join(body) + "\n",
                                 "published": f"2024-10-{rng.randint(1, 28):02d}"}) + "\n")


class Clock:
    """Wall time and this process's CPU time of a block. On a shared machine the CPU time of one
    process is the steadier measure (others' load stretches wall time, not our CPU seconds)."""

    def __enter__(self) -> "Clock":
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_) -> None:
        self.wall, self.cpu = time.perf_counter() - self.w0, time.process_time() - self.c0


def _bare(nlp, texts: list[str], n_process: int = 1) -> Clock:
    ours = [n for n in nlp.pipe_names if n.startswith("storyledger_")]
    with nlp.select_pipes(disable=ours), Clock() as c:
        for _ in nlp.pipe(texts, batch_size=BATCH, n_process=n_process):
            pass
    return c


def _extract(nlp, arts, n_process: int = 1) -> tuple[Clock, int]:
    from storyledger import extract
    with Clock() as c:
        claims = sum(len(cs) for _, cs in extract.extract_claims(arts, nlp=nlp, n_process=n_process))
    return c, claims


def _ratio(what: str, n: int, before: Clock, timed: Clock, after: Clock) -> str:
    """bare / timed, bare taken as the mean of the runs before and after (wall and CPU)."""
    wall = (before.wall + after.wall) / 2 / timed.wall
    cpu = (before.cpu + after.cpu) / 2 / timed.cpu
    return (f"{what}: {timed.wall:.1f} s wall, {timed.cpu:.1f} s CPU ({n / timed.wall:.2f} articles/s); "
            f"vs bare: {cpu:.2f}x CPU, {wall:.2f}x wall")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"../shared not present: {SEEDS}")
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract, pipeline
    from storyledger.store import LedgerStore

    nlp = extract.load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.n, args.seed)
        _bare(nlp, ["Warm up the model once."] * 8)
        with Clock() as first:
            rep = pipeline.build([corpus], Path(tmp) / "ledger.db", nlp=nlp)
        with LedgerStore(Path(tmp) / "ledger.db", readonly=True) as store:
            arts = store.articles()
        texts = [d.text for k, a in enumerate(arts) for d, _ in extract._docs(nlp, k, a)]
        bare1 = _bare(nlp, texts)
        ext, claims = _extract(nlp, arts)
        bare2 = _bare(nlp, texts)
        # the first build made the cleaned texts; a second one is timed between bare runs
        with Clock() as build:
            pipeline.build([corpus], Path(tmp) / "ledger2.db", nlp=nlp)
        bare3 = _bare(nlp, texts)
        n = len(arts)
        words = sum(len(t.split()) for t in texts)
        print(f"command: nice -n 10 .venv/bin/python bench/extract_speed.py --n {args.n} --seed {args.seed}"
              f" --n-process {args.n_process}")
        print(f"corpus: {n} articles, {len(texts)} texts (body, title, captions), {words} words")
        print("bare nlp.pipe (batch %d), three runs: %s s wall, %s s CPU" % (
            BATCH, " / ".join(f"{b.wall:.1f}" for b in (bare1, bare2, bare3)),
            " / ".join(f"{b.cpu:.1f}" for b in (bare1, bare2, bare3))))
        print(_ratio(f"extraction stage ({claims} claims)", n, bare1, ext, bare2))
        print(_ratio(f"whole build ({rep.claims} claims; first build {first.wall:.1f} s wall)", n, bare2, build, bare3))
        if args.n_process > 1:
            _processes(nlp, arts, texts, args.n_process)
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _processes(nlp, arts, texts: list[str], k: int) -> None:
    """Articles/s (wall) of the bare pipe and of the extraction stage with ``k`` processes against one."""
    n = len(arts)
    one_bare, (one_ext, _) = _bare(nlp, texts), _extract(nlp, arts)
    k_bare, (k_ext, _) = _bare(nlp, texts, k), _extract(nlp, arts, k)
    print(f"n_process=1: bare {n / one_bare.wall:.2f} articles/s, extraction {n / one_ext.wall:.2f} articles/s")
    print(f"n_process={k}: bare {n / k_bare.wall:.2f} articles/s ({one_bare.wall / k_bare.wall:.2f}x), "
          f"extraction {n / k_ext.wall:.2f} articles/s ({one_ext.wall / k_ext.wall:.2f}x)")


if __name__ == "__main__":
    main()
