"""The ledger step on real extracted claims, grown by copying a built ledger's articles K times.

    .venv/bin/python bench/ledger_scale.py build/l500.db --copies 4,16 [--add 10]

The claims are what the extractor found in real-length generated articles (a ledger built by
``bench/scale_bench.py stages --keep``). Copy j of an article gets new ids (article and claims)
and an outlet of its own, and the same text, dates and figures: a story K times as dense over the
same months, where every figure is repeated K times as often (the join's worst case: the blocks of
the story's repeated numbers grow K-fold). No near-copy links are made, so every copy is joined.

For each K, in one run: the first ledger step over all copies (a full build of the ledger), then
``--add`` more copied articles and the incremental step, then a full rebuild of the same ledger
(the stored state dropped), and whether the two ledgers are identical.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from storyledger import pipeline
from storyledger.ledger import build_ledger
from storyledger.store import LedgerStore


def _copy(art, claims, j: int):
    aid = f"{art.id}-c{j}"
    a = art.model_copy(update={"id": aid, "source": f"{art.source}#copy{j}", "duplicate_of": None,
                               "outlet": f"{art.outlet or art.agency or 'Outlet'} {j}" if j else art.outlet})
    cs = [c.model_copy(update={"id": f"{c.id}-c{j}", "article": aid}) for c in claims]
    return a, cs


def _fill(src: Path, db: Path, copies: int, extra: int) -> list:
    """Write ``copies`` copies of every article of ``src`` into ``db``; return the next ``extra`` copies."""
    with LedgerStore(src, readonly=True) as s:
        arts = s.articles()
        claims = {a.id: s.claims(a.id) for a in arts}
    later = []
    with LedgerStore(db) as st:
        for j in range(copies):
            for art in arts:
                a, cs = _copy(art, claims[art.id], j)
                st.put_article(a)
                st.replace_claims(a.id, cs)
        st.commit()
    for art in arts[:extra]:
        later.append(_copy(art, claims[art.id], copies))
    return later


def _step(db: Path) -> float:
    with LedgerStore(db) as st:
        t0 = time.perf_counter()
        pipeline.ledger_step(st, pipeline.BuildReport())
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledger", help="a ledger built from generated articles (kept by scale_bench.py stages --keep)")
    ap.add_argument("--copies", default="4,16")
    ap.add_argument("--add", type=int, default=10)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/ledger_scale.py " + " ".join(sys.argv[1:]), flush=True)
    for k in [int(x) for x in args.copies.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "l.db"
            later = _fill(Path(args.ledger), db, k, args.add)
            t_first = _step(db)
            with LedgerStore(db) as st:
                n, nc = st.count("articles"), st.count("claims")
                nf = st.count("facts")
                for a, cs in later:
                    st.put_article(a)
                    st.replace_claims(a.id, cs)
                st.commit()
                expected = build_ledger(st.articles(), st.claims(), previous=st.ledger())
            t_inc = _step(db)
            full = Path(tmp) / "full.db"
            shutil.copy(db, full)
            with LedgerStore(full) as st:
                st.db.execute("DELETE FROM meta WHERE key='ledger_state'")
                st.commit()
            t_full = _step(full)
            with LedgerStore(db, readonly=True) as a, LedgerStore(full, readonly=True) as b:
                got, again = a.ledger().model_dump_json(), b.ledger().model_dump_json()
            print(f"{n} articles, {nc} claims, {nf} facts: first ledger step {t_first:.1f} s; add {args.add}: "
                  f"incremental {t_inc:.2f} s, full rebuild {t_full:.1f} s, ratio {t_inc / t_full:.3f}; "
                  f"identical to build_ledger: {got == expected.model_dump_json()}, to the rebuild: {got == again}",
                  flush=True)


if __name__ == "__main__":
    main()
