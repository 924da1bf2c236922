"""Adding K new articles to a big ledger: the incremental ledger step against a full rebuild, one run.

    .venv/bin/python bench/ledger_add.py build/l2000.db build/c/add10 [--first]

LEDGER is a ledger file filled once (``bench/fill_ledger.py``: ingest, clean and extract of a
generated corpus, with or without a ledger step); it is copied, never changed. In one run:

1. (``--first``, or when LEDGER has no ledger yet) the ledger step over every article: a full build;
2. the new articles ingested, cleaned and extracted (``pipeline.ingest_into``, ``corpus_pass``,
   ``extract_new``), then the incremental ledger step;
3. the same file with its ledger state dropped: the full ledger step over all N+K articles;
4. whether the two ledgers are identical (every ledger row, in canonical order).

Wall-clock seconds and the process's CPU seconds (one core's work, whatever the machine's load).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from storyledger import extract, pipeline
from storyledger.store import LedgerStore


def _timed(run) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - t0, time.process_time() - c0


def _step(db: Path) -> tuple[float, float]:
    with LedgerStore(db) as st:
        return _timed(lambda: pipeline.ledger_step(st, pipeline.BuildReport()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledger")
    ap.add_argument("new", nargs="+", help="files or folders of the articles to add")
    ap.add_argument("--first", action="store_true", help="time the first (full) ledger step too")
    args = ap.parse_args()
    print("command: .venv/bin/python bench/ledger_add.py " + " ".join(sys.argv[1:]), flush=True)
    nlp = extract.load_nlp()
    with tempfile.TemporaryDirectory(dir=Path(args.ledger).parent) as tmp:
        db = Path(tmp) / "l.db"
        shutil.copy(args.ledger, db)
        with LedgerStore(db) as st:
            n, nc = st.count("articles"), st.count("claims")
            first = args.first or st.get_meta("ledger_state") is None
        if first:
            w, c = _step(db)
            print(f"{n} articles, {nc} claims: first ledger step {w:.1f} s ({c:.1f} s CPU)", flush=True)
        rep = pipeline.BuildReport()
        with LedgerStore(db) as st:
            w_in, c_in = _timed(lambda: (pipeline.ingest_into(st, args.new, rep), pipeline.corpus_pass(st, rep),
                                         pipeline.extract_new(st, rep, nlp=nlp)))
            st.commit()
            k = st.count("articles") - n
        w_inc, c_inc = _step(db)
        full = Path(tmp) / "full.db"
        shutil.copy(db, full)
        with LedgerStore(full) as st:
            st.db.execute("DELETE FROM meta WHERE key='ledger_state'")
            st.commit()
        w_full, c_full = _step(full)
        with LedgerStore(db, readonly=True) as a, LedgerStore(full, readonly=True) as b:
            same = a.ledger().model_dump_json() == b.ledger().model_dump_json()
            nf = a.count("facts")
        print(f"add {k} to {n}: ingest+clean+extract of the new {w_in:.1f} s ({c_in:.1f} s CPU); ledger step: "
              f"incremental {w_inc:.1f} s ({c_inc:.1f} s CPU), full rebuild of the {n + k} {w_full:.1f} s "
              f"({c_full:.1f} s CPU); ratio {w_inc / w_full:.3f} wall, {c_inc / c_full:.3f} CPU; "
              f"{nf} facts; identical ledger: {same}", flush=True)


if __name__ == "__main__":
    main()
