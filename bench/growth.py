"""Cost per character of cleaning and extraction on 10k / 100k / 1M-character inputs.

Linear work costs the same per character at every size. Inputs are generated at run time:
  prose   paragraphs of the bundled demo articles (written by us) as a text dump and as an HTML page
  line    one long line of words (the shape that makes a backtracking pattern quadratic)
  cells   an HTML page of one-line table cells (thousands of short "sentences")
Stages: clean (text dump), line, html (cleaning only); extract (a text body), extract_html (an HTML
page cleaned and extracted), cells (the table page cleaned and extracted).
Each stage function is called on the full input, past the size limits the build applies
(model.MAX_TEXT_CHARS, MAX_LINE_CHARS, MAX_HTML_CHARS: the document is built with
``model_construct`` so its validator does not cut it), so the numbers show the stage's own growth;
a build never hands a stage more than those limits.

    nice -n 10 .venv/bin/python bench/growth.py [--sizes 10000,100000,1000000] [--stages clean,line,html,extract,extract_html,cells]

Prints one row per stage and size: wall and CPU seconds, CPU microseconds per character, the ratio
of that to the smallest size's (1.0 = linear), and the process's peak memory so far.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import demo_paragraphs  # noqa: E402

from storyledger import clean, extract  # noqa: E402
from storyledger.model import Article, RawDocument  # noqa: E402


def prose(n: int, seed: int = 5) -> str:
    rnd = random.Random(seed)
    paras = demo_paragraphs()
    out, size = ["Floods and troop counts: a long report", "By Ana Ruiz"], 0
    while size < n:
        out.append(rnd.choice(paras))
        size += len(out[-1]) + 2
    return "\n\n".join(out)[:n]


def one_line(n: int) -> str:
    words = "the council said twelve boats were counted near the harbour on Monday".split()
    rnd = random.Random(n)
    return "A long line\n\n" + " ".join(rnd.choice(words) for _ in range(n // 6))[:n]


def page(n: int) -> str:
    paras = prose(n).split("\n\n")
    return ("<!doctype html><html><head><title>A long report</title></head><body><article><h1>A long report</h1>"
            + "".join(f"<p>{escape(p)}</p>" for p in paras[2:]) + "</article></body></html>")


def cells(n: int) -> str:
    """A page of one-line table cells (the shape of a hostile page that once took minutes to read:
    thousands of short "sentences" in one piece of text)."""
    out, i, size = [], 0, 0
    while size < n:
        out.append(f"<tr><td>cell {i} text &amp; {i % 97} more</td></tr>")
        size += len(out[-1])
        i += 1
    return ("<!doctype html><html><head><title>A wide table</title></head><body><article><h1>A wide table</h1>"
            "<p>The council said twelve boats were counted near the harbour on Monday.</p><table>"
            + "".join(out) + "</table></article></body></html>")


def _raw(kind: str, content: str) -> RawDocument:
    # past the build's limits on purpose: the stage's own growth is measured
    return RawDocument.model_construct(source=f"growth.{kind}", kind=kind, url=None, title=None,
                                       published=None, fetched_at=None, notes=[],
                                       text=content if kind == "text" else None,
                                       html=content if kind == "html" else None)


def _cleaning(doc: RawDocument):
    def run():
        try:
            clean.clean_document(doc)
        except clean.CleanError:    # a line of words with no sentence is furniture: the work is the same
            pass
    return run


def stage_clean(n):
    return _cleaning(_raw("text", prose(n)))


def stage_line(n):
    return _cleaning(_raw("text", one_line(n)))


def stage_html(n):
    return _cleaning(_raw("html", page(n)))


def stage_extract(n, nlp=None):
    art = Article(id=f"growth{n}", source="growth", body=prose(n), title="A long report", published="2024-10-20")
    return lambda: list(extract.extract_claims([art], nlp=nlp))


def _clean_and_extract(doc: RawDocument, nlp):
    def run():
        art = clean.clean_document(doc)
        list(extract.extract_claims([art.model_copy(update={"published": "2024-10-20"})], nlp=nlp))
    return run


def stage_extract_html(n, nlp=None):
    return _clean_and_extract(_raw("html", page(n)), nlp)


def stage_cells(n, nlp=None):
    return _clean_and_extract(_raw("html", cells(n)), nlp)


STAGES = {"clean": stage_clean, "line": stage_line, "html": stage_html, "extract": stage_extract,
          "extract_html": stage_extract_html, "cells": stage_cells}
NEEDS_NLP = {"extract", "extract_html", "cells"}


def _timed(run) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a shared machine the CPU time is the steadier."""
    t, c = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - t, time.process_time() - c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--stages", default=",".join(STAGES))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    nlp = extract.load_nlp()
    list(extract.extract_claims([Article(id="warm", source="warm", body="The mayor said 3 boats sank.")], nlp=nlp))
    print(f"{'stage':12} {'chars':>9} {'wall s':>8} {'cpu s':>8} {'us/char':>8} {'x first':>8} {'peak MB':>8}")
    for name in args.stages.split(","):
        base = None
        make = (lambda n: STAGES[name](n, nlp)) if name in NEEDS_NLP else STAGES[name]  # noqa: E731
        make(2000)()        # warm: tables and caches load on the first call
        for n in sizes:
            run = make(n)
            # the best of a few runs for small inputs (timer and scheduler noise), one for large
            wall, cpu = min(_timed(run) for _ in range(max(1, min(3, 300_000 // n))))
            per = cpu / n * 1e6         # CPU microseconds per character
            base = base or per
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{name:12} {n:>9,} {wall:>8.2f} {cpu:>8.2f} {per:>8.1f} {per / base:>8.2f} {peak:>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
