"""Ingest + clean throughput (articles/s, one process on one core) and peak memory.

Writes a synthetic corpus to a temp dir: text dumps with page furniture and HTML pages, each
article mixing generated paragraphs (our own sentence templates; the demo corpus is used
instead when src/storyledger/data/demo/ has articles). Each measured run is a fresh child
process, so its peak RSS (getrusage maxrss) belongs to that run alone; streaming shows as a
peak that does not grow from 2,000 to 4,000 articles.

    .venv/bin/python bench/ingest_throughput.py [--sizes 2000 4000]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
SRC = HERE.parents[1] / "src"

SUBJECTS = ["The ministry", "A spokesperson for the agency", "Local officials", "The harbour authority",
            "Two independent analysts", "The regional governor", "A senior police officer", "The city council",
            "Union leaders", "The weather service", "Hospital staff", "A lawmaker from the opposition"]
VERBS = ["said", "confirmed", "estimated", "warned", "told reporters", "announced", "added"]
CLAUSES = ["that {n} people had been moved from the low districts", "that repairs would take about {n} days",
           "that around {n} volunteers joined the clean-up on {wd}", "that the bridge would reopen by {wd}",
           "that up to {n} homes lost power overnight", "that the budget would rise by {n} million",
           "that talks would resume on {wd} after a short pause", "that {n} trucks carried supplies to the coast"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _sentence(rng: random.Random) -> str:
    clause = rng.choice(CLAUSES).format(n=rng.randint(2, 9000), wd=rng.choice(WEEKDAYS))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {clause}."


def _paragraphs(rng: random.Random, demo: list[str]) -> list[str]:
    if demo:
        return rng.sample(demo, k=min(len(demo), rng.randint(6, 10)))
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 10))]


def _demo_paragraphs() -> list[str]:
    demo = SRC / "storyledger" / "data" / "demo"
    paras: list[str] = []
    for f in sorted(demo.glob("*.txt")) if demo.exists() else []:
        if f.name.lower() == "readme.txt":
            continue
        paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    return paras


def make_corpus(root: Path, n: int, kind: str, seed: int = 1) -> None:
    rng = random.Random(seed)
    demo = _demo_paragraphs()
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = _paragraphs(rng, demo)
        title = f"Storm update {i}: {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} more help is coming"
        if kind == "text":
            lines = ["Settings", "", "  • Facebook share button", "  • Mail share button", "", title, "",
                     f"Oct. {rng.randint(1, 28)}, 2024 - 10:{rng.randint(10, 59)} By Staff Writer", ""]
            lines += [x for p in paras for x in (p, "")]
            lines += ["Copyright © Example Daily. All rights reserved.", "", "- Another headline", "- And one more"]
            (root / f"a{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
        else:
            body = "".join(f"<p>{p}</p>" for p in paras)
            html = (f"<!DOCTYPE html><html><head><title>{title}</title><meta name='author' content='Staff Writer'>"
                    f"<meta property='article:published_time' content='2024-10-{rng.randint(10, 28)}'></head><body>"
                    f"<nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
                    f"<aside><ul><li><a href='/x'>Most read story</a></li></ul></aside><footer>Copyright Example Daily</footer></body></html>")
            (root / f"a{i:05d}.html").write_text(html, encoding="utf-8")


def worker(root: str) -> None:
    """Child process: ingest + clean every file of ``root``; prints JSON with rate and peak RSS."""
    sys.path.insert(0, str(SRC))
    from storyledger.clean import CleanError, clean_document
    from storyledger.clean.language import detector
    from storyledger.ingest import iter_documents
    from storyledger.model import SkippedInput
    detector()                                   # loading models is start-up, not throughput
    t = time.perf_counter()
    n = bad = 0
    for item in iter_documents([root]):
        if isinstance(item, SkippedInput):
            bad += 1
            continue
        try:
            clean_document(item)
            n += 1
        except CleanError:
            bad += 1
    secs = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": n, "failed": bad, "seconds": round(secs, 2),
                      "per_second": round(n / secs, 1), "peak_rss_mb": round(rss_mb, 1)}))


def finalize_worker(root: str) -> None:
    """Child process: clean every file, then time the corpus pass (years + near-duplicates)."""
    sys.path.insert(0, str(SRC))
    from storyledger.clean import CleanError, clean_document, finalize_corpus
    from storyledger.ingest import iter_documents
    from storyledger.model import SkippedInput
    arts = []
    for item in iter_documents([root]):
        if isinstance(item, SkippedInput):
            continue
        try:
            arts.append(clean_document(item))
        except CleanError:
            pass
    t = time.perf_counter()
    changed = finalize_corpus(arts)
    print(json.dumps({"articles": len(arts), "seconds": round(time.perf_counter() - t, 2), "changed": len(changed)}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000])
    ap.add_argument("--kinds", nargs="+", default=["text", "html"])
    ap.add_argument("--worker")
    ap.add_argument("--finalize-worker")
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return 0
    if args.finalize_worker:
        finalize_worker(args.finalize_worker)
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    print(f"ingest+clean throughput, one process (taskset to one core when available); "
          f"corpus: {'demo' if _demo_paragraphs() else 'generated'} paragraphs")
    with tempfile.TemporaryDirectory(prefix="sl_bench_") as tmp:
        for kind in args.kinds:
            for n in args.sizes:
                root = Path(tmp) / f"{kind}_{n}"
                make_corpus(root, n, kind)
                cmd = [sys.executable, str(HERE), "--worker", str(root)]
                if sys.platform.startswith("linux") and os.path.exists("/usr/bin/taskset"):
                    cmd = ["taskset", "-c", "0"] + cmd
                out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"{kind:5s} n={n:5d}: {r['per_second']:7.1f} articles/s ({r['articles']} ok, "
                      f"{r['failed']} failed, {r['seconds']} s), peak RSS {r['peak_rss_mb']} MB")
                if kind == "text":
                    out = subprocess.run(cmd[:-2] + ["--finalize-worker", str(root)], capture_output=True,
                                         text=True, env=env, check=True).stdout
                    f = json.loads(out.strip().splitlines()[-1])
                    print(f"      finalize_corpus over {f['articles']} articles: {f['seconds']} s "
                          f"({f['changed']} changed: dates from siblings, near-duplicate links)")
    print("command: .venv/bin/python bench/ingest_throughput.py" + (
        "" if args.sizes == [2000, 4000] else " --sizes " + " ".join(map(str, args.sizes))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
