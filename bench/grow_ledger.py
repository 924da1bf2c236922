"""A bigger ledger from a filled one: every article copied K times, copy j published j days later.

    .venv/bin/python bench/grow_ledger.py build/l2000.db build/l8000x4.db --copies 4

Copy j of an article gets new ids (article and claims), an outlet of its own and a publication date
j days later (times taken from the publication move with it; a figure's own date stays). The story
keeps its months and gets K times as dense, as a real corpus K times as big over the same months
does, with its figures' sentences told K times as often (make_corpus.py's 8,000 articles vary their
template figures by day; these copies repeat them: the join's harder case). No ledger step is run.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from storyledger.store import LedgerStore


def copy_article(art, claims, j: int):
    aid = f"{art.id}-c{j}"
    pub = art.published
    if pub and j:
        pub = (date.fromisoformat(pub[:10]) + timedelta(days=j)).isoformat() + pub[10:]
    a = art.model_copy(update={"id": aid, "source": f"{art.source}#copy{j}", "duplicate_of": None, "published": pub,
                               "outlet": f"{art.outlet or art.agency or 'Outlet'} {j}" if j else art.outlet})
    return a, [c.model_copy(update={"id": f"{c.id}-c{j}", "article": aid}) for c in claims]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args()
    print("command: .venv/bin/python bench/grow_ledger.py " + " ".join(sys.argv[1:]), flush=True)
    if Path(args.dst).exists():
        raise SystemExit(f"{args.dst} exists")
    with LedgerStore(args.src, readonly=True) as s, LedgerStore(args.dst) as d:
        for art in s.iter_articles():
            claims = s.claims(art.id)
            for j in range(args.copies):
                a, cs = copy_article(art, claims, j)
                d.put_article(a)
                d.replace_claims(a.id, cs)
        d.commit()
        print(f"{d.count('articles')} articles, {d.count('claims')} claims", flush=True)


if __name__ == "__main__":
    main()
