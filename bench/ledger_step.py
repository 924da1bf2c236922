"""The ledger step (``pipeline.ledger_step``) on a filled ledger file, timed: wall and CPU seconds.

    .venv/bin/python bench/ledger_step.py build/l2000L.db

Changes the file: run it on a copy. A file without a ledger gets the full step (a rebuild); a
file whose ledger is current and has changed articles gets the incremental step.
"""
import sys
import time

from storyledger import pipeline
from storyledger.store import LedgerStore

with LedgerStore(sys.argv[1]) as st:
    t0, c0 = time.perf_counter(), time.process_time()
    pipeline.ledger_step(st, pipeline.BuildReport())
    print(f"ledger step {time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s CPU; "
          f"facts {st.count('facts')} disagreements {st.count('disagreements')}", flush=True)
