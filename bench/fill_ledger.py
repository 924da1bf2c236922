"""Ingest, clean and extract a corpus into a ledger file WITHOUT the ledger step: big ledgers are
filled once (the costly part is spaCy) and reused by the ledger benches.

    .venv/bin/python bench/fill_ledger.py CORPUS_DIR... --db build/l2000.db

Run again on more folders to add to the same file. Prints the seconds of each stage.
"""
from __future__ import annotations

import argparse
import sys
import time

from storyledger import extract, pipeline
from storyledger.store import LedgerStore


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", required=True)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/fill_ledger.py " + " ".join(sys.argv[1:]), flush=True)
    nlp = extract.load_nlp()
    rep = pipeline.BuildReport()
    with LedgerStore(args.db) as store:
        for name, run in (("ingest+clean", lambda: pipeline.ingest_into(store, args.paths, rep)),
                          ("corpus pass", lambda: pipeline.corpus_pass(store, rep)),
                          ("extract+store", lambda: pipeline.extract_new(store, rep, nlp=nlp,
                                                                         n_process=args.n_process))):
            t0, c0 = time.perf_counter(), time.process_time()
            run()
            print(f"{name}: {time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s CPU", flush=True)
        store.commit()
        print(f"{store.count('articles')} articles, {store.count('claims')} claims", flush=True)


if __name__ == "__main__":
    main()
