"""Report size and build time, for the demo corpus and for a large synthetic corpus.

The large corpus is made by mixing paragraphs of the demo articles into N new text files and
building them with the real pipeline (slow: spaCy); only the report step is timed.

    .venv/bin/python bench/report_bench.py                 # demo + 2,000 articles
    .venv/bin/python bench/report_bench.py --articles 200  # a quicker run
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from storyledger import pipeline
from storyledger.cli import demo_corpus_dir, demo_corpus_files
from storyledger.ingest import iter_documents
from storyledger.clean import CleanError, clean_document
from storyledger.model import RawDocument
from storyledger.report import render_report
from storyledger.report.view import load_view
from storyledger.store import LedgerStore


def time_report(db: Path, repeats: int) -> tuple[list[float], float, int]:
    """(seconds per render, seconds to load the view alone, bytes of the HTML)."""
    times = []
    html = ""
    with LedgerStore(db, readonly=True) as st:
        t0 = time.perf_counter()
        load_view(st)
        load = time.perf_counter() - t0
        for _ in range(repeats):
            t0 = time.perf_counter()
            html = render_report(st)
            times.append(time.perf_counter() - t0)
    return times, load, len(html.encode("utf-8"))


def counts(db: Path) -> str:
    with LedgerStore(db, readonly=True) as st:
        return ", ".join(f"{st.count(t)} {t}" for t in ("articles", "claims", "facts", "series", "disagreements"))


def demo_paragraphs() -> list[str]:
    paras = []
    for doc in iter_documents([demo_corpus_dir()]):
        if not isinstance(doc, RawDocument):
            continue
        try:
            art = clean_document(doc)
        except CleanError:
            continue
        paras.extend(p for p in art.body.split("\n\n") if len(p) > 60)
    return paras


def make_corpus(folder: Path, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    paras = demo_paragraphs()
    if not paras:
        raise SystemExit("demo corpus has no usable paragraphs")
    for i in range(n):
        body = "\n\n".join(rnd.sample(paras, k=min(len(paras), rnd.randint(5, 12))))
        day = 1 + i % 28
        month = 10 + (i // 28) % 3
        # a headline line and a dateline so the cleaner finds title and date
        text = f"Synthetic mix {i}: troops, losses and counts\n\n2024-{month:02d}-{day:02d}\n\n{body}\n"
        (folder / f"mix_{i:05d}.txt").write_text(text, encoding="utf-8")


def report_line(name: str, db: Path, repeats: int) -> None:
    times, load, size = time_report(db, repeats)
    print(f"{name}: {counts(db)}")
    print(f"  report: {size / 1e6:.2f} MB; render median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs); of which reading the store "
          f"{load:.3f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]), flush=True)
    src = demo_corpus_files()
    if not src:
        print(f"demo corpus missing in {demo_corpus_dir()}: nothing measured")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "demo.db"
        pipeline.build(src, db)
        report_line("demo corpus", db, args.repeats)
        if args.articles:
            corpus = tmp / "mix"
            corpus.mkdir()
            make_corpus(corpus, args.articles)
            big = tmp / "big.db"
            t0 = time.perf_counter()
            pipeline.build([corpus], big)
            print(f"(building the {args.articles}-article ledger took {time.perf_counter() - t0:.0f} s; "
                  "not part of the report time)", flush=True)
            report_line(f"{args.articles} mixed articles", big, args.repeats)


if __name__ == "__main__":
    main()
