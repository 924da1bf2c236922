"""The time-expression gate (each rule runs only where a word it needs is): rule time with and without it.

    .venv/bin/python bench/timex_gate.py [--n 100]

The articles are parsed once; then ``timex.find_times`` runs over every sentence twice in the same
run, once with the gate and once with a gate that lets every sentence through. The time
expressions found must be the same.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402

from storyledger import clean, extract, ingest  # noqa: E402
from storyledger.extract import timex  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/timex_gate.py " + " ".join(sys.argv[1:]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus.make_corpus(tmp, args.n, ["text", "html"], 3)
        arts = [clean.clean_document(d) for d in ingest.iter_documents([tmp]) if not hasattr(d, "reason")]
    nlp = extract.load_nlp()
    docs = list(nlp.pipe([a.body for a in arts], batch_size=32))
    sents = [s for d in docs for s in d.sents]
    anchor = dt.date(2025, 1, 15)
    needs, families = timex._NEEDS, timex.families
    runs: dict = {}
    # alternated, best of 3 each: the machine is shared and its load moves within a run
    for _ in range(3):
        for name, (nd, fam) in (("without gate", ({}, lambda *a: {"all"})), ("with gate", (needs, families))):
            timex._NEEDS, timex.families = nd, fam
            timex._RUNNABLE.clear()     # the rules to run per family set were kept with the other table
            t0 = time.perf_counter()
            found = [[(t.start, t.end, t.char_start) for t in timex.find_times(s, anchor)] for s in sents]
            took = time.perf_counter() - t0
            runs[name] = (min(took, runs.get(name, (took,))[0]), found)
    timex._NEEDS, timex.families = needs, families
    (t_all, f_all), (t_gate, f_gate) = runs["without gate"], runs["with gate"]
    passed = sum(1 for s in sents if families(s.doc.text, s.start_char, s.end_char))
    print(f"{len(arts)} articles, {len(sents)} sentences ({passed} pass the gate): rules {t_all:.2f} s without "
          f"the gate, {t_gate:.2f} s with it ({t_gate / t_all:.2f}x); same time expressions: {f_all == f_gate}")


if __name__ == "__main__":
    main()
