"""How the build grows with the corpus, stage by stage, against a bare ``nlp.pipe`` floor.

    .venv/bin/python bench/scale_bench.py stages --sizes 500,2000,8000 [--seed 1] [--n-process 1]
    .venv/bin/python bench/scale_bench.py incremental --sizes 2000,8000 [--add 10]
    .venv/bin/python bench/scale_bench.py engines --n 2000 [--workers 2]
    .venv/bin/python bench/scale_bench.py backends --n 500 --pg postgresql://…

The corpus is written by bench/make_corpus.py (real-length articles whose figures vary). Every
number printed is a ratio or a rate measured in the same run; nothing is compared across runs.

stages:      per-article time of each stage (ingest+clean, corpus pass, extract+store, ledger)
             at each size, and the whole build against ``nlp.pipe`` over the same cleaned texts
             (title, body, captions, the same batch size and model).
incremental: a ledger of N articles, then K more added, against a from-scratch build of all
             N+K; the two ledgers' exports compared row by row.
engines:     ``--engine ray`` with W workers against the local engine on the same corpus;
             exports compared row by row.
backends:    PostgreSQL against SQLite on the same build; exports compared row by row.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import make_corpus  # noqa: E402

from storyledger import extract, pipeline  # noqa: E402
from storyledger.store import LedgerStore  # noqa: E402
from storyledger.store.export import rows  # noqa: E402


def _export(db) -> str:
    with LedgerStore(db, readonly=True) as s:
        return json.dumps(rows(s), sort_keys=True)


CPU: dict[str, float] = {}      # process CPU seconds of each stage of the last _timed_build (one core's work)


def _timed_build(paths, db, nlp, n_process=1) -> dict[str, float]:
    rep = pipeline.BuildReport()
    t: dict[str, float] = {}
    CPU.clear()     # the previous size's bare pipe is not part of this build's total
    steps = (("ingest+clean", lambda store: pipeline.ingest_into(store, paths, rep)),
             ("corpus pass", lambda store: pipeline.corpus_pass(store, rep)),
             ("extract+store", lambda store: pipeline.extract_new(store, rep, nlp=nlp, n_process=n_process)),
             ("ledger", lambda store: pipeline.ledger_step(store, rep)))
    with LedgerStore(db) as store:
        for name, run in steps:
            t0, c0 = time.perf_counter(), time.process_time()
            run(store)
            t[name], CPU[name] = time.perf_counter() - t0, time.process_time() - c0
    t["total"] = sum(t.values())
    CPU["total"] = sum(v for k, v in CPU.items() if k != "total")
    t["articles"] = rep.read
    t["claims"] = rep.claims
    t["facts"] = rep.facts
    return t


def _bare(db, nlp) -> float:
    """The floor: the plain spaCy model (none of our components) over the same cleaned texts."""
    import spacy
    bare = spacy.load(extract.MODEL)
    with LedgerStore(db, readonly=True) as s:
        texts = [d.text for k, a in enumerate(s.iter_articles()) for d, _ in extract._docs(nlp, k, a)]
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts, batch_size=64):
        pass
    CPU["bare"] = time.process_time() - c0
    return time.perf_counter() - t0


def stages(args) -> None:
    nlp = extract.load_nlp()
    print(f"{'size':>6} {'ingest+clean':>13} {'corpus':>8} {'extract':>9} {'ledger':>8} {'total':>8}"
          f" {'bare pipe':>9} {'bare/build':>10}   (ms per article; ledger s)")
    for n in ([0] if args.corpus else args.sizes):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            if args.corpus:     # a corpus written once (make_corpus.py) and reused: its size is n
                corpus = Path(args.corpus)
                n = sum(1 for f in corpus.rglob("*") if f.is_file())
            else:
                make_corpus.make_corpus(corpus, n, make_corpus.KINDS, args.seed)
            db = Path(args.keep) / f"l{n}.db" if args.keep else Path(tmp) / "l.db"
            t = _timed_build([corpus], db, nlp, args.n_process)
            print(f"{n} articles built: " + ", ".join(f"{k} {v:.1f}" for k, v in t.items()) + "  (s, counts)",
                  flush=True)
            bare = _bare(db, nlp)
            per = {k: 1000 * v / n for k, v in t.items() if isinstance(v, float)}
            print(f"{n:>6} {per['ingest+clean']:>13.1f} {per['corpus pass']:>8.1f} {per['extract+store']:>9.1f}"
                  f" {per['ledger']:>8.1f} {per['total']:>8.1f} {1000 * bare / n:>9.1f} {bare / t['total']:>10.2f}"
                  f"   ({t['claims']} claims, {t['facts']} facts, ledger {t['ledger']:.1f} s)", flush=True)
            print("       CPU ms per article (one core's work, whatever the load): "
                  + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in CPU.items())
                  + f"; bare/build {CPU['bare'] / CPU['total']:.2f}", flush=True)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def incremental(args) -> None:
    nlp = extract.load_nlp()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            make_corpus.make_corpus(corpus, n + args.add, ["text"], args.seed)
            files = sorted((corpus / "text").iterdir())
            base, extra = Path(tmp) / "base", Path(tmp) / "extra"
            base.mkdir()
            extra.mkdir()
            for f in files[:n]:
                shutil.move(str(f), base / f.name)
            for f in files[n:]:
                shutil.move(str(f), extra / f.name)
            inc = Path(tmp) / "inc.db"
            pipeline.build([base], inc, nlp=nlp)
            t0 = time.perf_counter()
            pipeline.build([extra], inc, nlp=nlp)
            t_inc = time.perf_counter() - t0
            full = Path(tmp) / "full.db"
            t0 = time.perf_counter()
            pipeline.build([base, extra], full, nlp=nlp)
            t_full = time.perf_counter() - t0
            same = _export(inc) == _export(full)
            sys.path.insert(0, str(ROOT.parent / "tests"))
            from _exports import assert_same_exports
            try:    # facts keep the ids of the previous build's facts: compare what they say
                assert_same_exports(inc, full, names_from_history=True)
                content = True
            except AssertionError:
                content = False
            print(f"N={n} add {args.add}: incremental {t_inc:.1f} s, full rebuild {t_full:.1f} s, "
                  f"ratio {t_inc / t_full:.3f}; identical export: {same}; identical content: {content}", flush=True)


class _Phases:
    """Wall and driver-CPU seconds of a build's phases, from its progress events and the end of the
    corpus pass: ingest (Ray's start included), corpus pass, extraction (Ray's actors start in it),
    ledger."""

    def __init__(self) -> None:
        self.marks: dict[str, tuple[float, float]] = {"start": self._now()}

    @staticmethod
    def _now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def __call__(self, stage: str, done: int, total) -> None:
        self.marks[{"read": "read", "extract": "extracted", "ledger": "end"}[stage]] = self._now()

    def corpus_pass(self, run):
        def timed(*a, **k):
            run(*a, **k)
            self.marks["corpus"] = self._now()
        return timed

    def __str__(self) -> str:
        names = ("ingest", "read"), ("corpus pass", "corpus"), ("extract", "extracted"), ("ledger", "end")
        out, last = [], self.marks["start"]
        for name, key in names:
            now = self.marks.get(key, last)
            out.append(f"{name} {now[0] - last[0]:.1f} s (driver CPU {now[1] - last[1]:.1f})")
            last = now
        return ", ".join(out)


def engines(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus.make_corpus(corpus, args.n, make_corpus.KINDS, args.seed)
        local, ray = Path(tmp) / "local.db", Path(tmp) / "ray.db"
        nlp = extract.load_nlp()
        phases, corpus_pass = [_Phases()], pipeline.corpus_pass
        pipeline.corpus_pass = phases[0].corpus_pass(corpus_pass)
        t0 = time.perf_counter()
        pipeline.build([corpus], local, nlp=nlp, progress=phases[0])
        t_local = time.perf_counter() - t0
        from storyledger.engine_ray import build_ray
        phases.append(_Phases())
        pipeline.corpus_pass = phases[1].corpus_pass(corpus_pass)
        t0 = time.perf_counter()
        build_ray([corpus], ray, workers=args.workers, progress=phases[1])
        t_ray = time.perf_counter() - t0
        pipeline.corpus_pass = corpus_pass
        print(f"{args.n} articles: local {t_local:.1f} s ({args.n / t_local:.1f}/s), ray x{args.workers} "
              f"{t_ray:.1f} s ({args.n / t_ray:.1f}/s); ratio {t_local / t_ray:.2f}x; "
              f"identical exports: {_export(local) == _export(ray)}")
        print(f"  local: {phases[0]}\n  ray:   {phases[1]}")


def backends(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus.make_corpus(corpus, args.n, make_corpus.KINDS, args.seed)
        nlp = extract.load_nlp()
        lite = Path(tmp) / "l.db"
        t0 = time.perf_counter()
        pipeline.build([corpus], lite, nlp=nlp)
        t_lite = time.perf_counter() - t0
        t0 = time.perf_counter()
        pipeline.build([corpus], args.pg, nlp=nlp)
        t_pg = time.perf_counter() - t0
        print(f"{args.n} articles: SQLite {args.n / t_lite:.1f}/s, PostgreSQL {args.n / t_pg:.1f}/s; "
              f"ratio PG/SQLite {t_lite / t_pg:.2f}x; identical exports: {_export(lite) == _export(args.pg)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sizes = lambda s: [int(x) for x in s.split(",")]  # noqa: E731
    p = sub.add_parser("stages")
    p.add_argument("--sizes", type=sizes, default=[500, 2000, 8000])
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--corpus", help="an existing corpus folder (one file an article) instead of --sizes")
    p.add_argument("--keep", help="a folder: keep each size's ledger there as l<N>.db (new files)")
    p = sub.add_parser("incremental")
    p.add_argument("--sizes", type=sizes, default=[2000, 8000])
    p.add_argument("--add", type=int, default=10)
    p = sub.add_parser("engines")
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--workers", type=int, default=2)
    p = sub.add_parser("backends")
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--pg", required=True, help="postgresql:// URL of an empty database")
    for p in sub.choices.values():
        p.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/scale_bench.py " + " ".join(sys.argv[1:]), flush=True)
    {"stages": stages, "incremental": incremental, "engines": engines, "backends": backends}[args.cmd](args)


if __name__ == "__main__":
    main()
