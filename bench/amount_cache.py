"""A claim's Amount shared per number and hedge (model._amount's lru_cache) vs built on every call.

    .venv/bin/python bench/amount_cache.py LEDGER [--copies 8]

The claims of a built ledger (copied K times, as bench/ledger_scale.py does) go through
``build_ledger`` with each way, alternated, best of 3 CPU times; the two ledgers must be identical.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ledger_scale as ls  # noqa: E402

from storyledger import model  # noqa: E402
from storyledger.ledger import build_ledger  # noqa: E402
from storyledger.store import LedgerStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledger")
    ap.add_argument("--copies", type=int, default=8)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/amount_cache.py " + " ".join(sys.argv[1:]), flush=True)
    db = Path(tempfile.mkdtemp()) / "l.db"
    ls._fill(Path(args.ledger), db, args.copies, 0)
    with LedgerStore(db, readonly=True) as st:
        arts, claims = st.articles(), st.claims()
    cached = model._amount
    best: dict[str, float] = {}
    outs: dict[str, str] = {}
    for _ in range(3):
        for name, fn in (("built each time", cached.__wrapped__), ("shared", cached)):
            model._amount = fn
            t0 = time.process_time()
            led = build_ledger(arts, claims)
            t = time.process_time() - t0
            best[name], outs[name] = min(t, best.get(name, t)), led.model_dump_json()
    model._amount = cached
    print(f"{len(claims)} claims: build_ledger CPU {best['built each time']:.2f} s with an Amount built on "
          f"every call, {best['shared']:.2f} s shared: {best['shared'] / best['built each time']:.2f}x; "
          f"same ledger: {outs['shared'] == outs['built each time']}")


if __name__ == "__main__":
    main()
