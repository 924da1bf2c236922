"""CPU seconds of each phase of ``ledger.build_ledger`` on a filled ledger file, and what it made.

    .venv/bin/python bench/ledger_phases.py build/l2000.db

Phases: tellings (what the joiner works out per claim), cluster (the join), facts (one per
cluster), ids, series, disagreements, timeline. Run it with another checkout's ``src`` first on
``PYTHONPATH`` to compare two versions of the ledger code on the same claims, in one session.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter

from storyledger.ledger import disagree, join, series, timeline
from storyledger.ledger.sources import use_aliases
from storyledger.store import LedgerStore


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledger")
    args = ap.parse_args()
    print("command: .venv/bin/python bench/ledger_phases.py " + " ".join(sys.argv[1:]), flush=True)
    with LedgerStore(args.ledger, readonly=True) as st:
        arts = sorted(st.articles(), key=lambda a: a.id)
        claims = sorted(st.claims(), key=lambda c: c.id)
    use_aliases(None)
    took: dict[str, float] = {}

    def timed(name, run):
        c0 = time.process_time()
        out = run()
        took[name] = time.process_time() - c0
        return out

    tellings = timed("tellings", lambda: join.make_tellings(arts, claims))
    groups, _ = timed("cluster", lambda: join.cluster(tellings))
    by_id = {a.id: a for a in arts}
    facts = timed("facts", lambda: [join.make_fact(g, by_id) for g in groups])
    timed("ids", lambda: join.assign_ids(facts, None))
    figures = [f for f in facts if f.kind == "figure"]
    by_claim = {c.id: c for c in claims}
    ser = timed("series", lambda: series.build_series(figures, by_claim))
    dis = timed("disagreements", lambda: disagree.build_disagreements(figures, ser, by_claim, join._roots(by_id)))
    tl = timed("timeline", lambda: timeline.build_timeline(facts))
    kinds = Counter(d.kind for d in dis)
    digest = hashlib.sha1("".join(f.model_dump_json() for f in facts).encode()).hexdigest()[:12]
    print(f"{len(arts)} articles, {len(claims)} claims: {len(figures)} figure facts, "
          f"{len(facts) - len(figures)} statements (facts sha1 {digest}), {len(ser)} series, {len(dis)} disagreements "
          f"({kinds['conflict']} conflicts, {kinds['revision']} revisions, {kinds['retelling']} retellings), "
          f"{len(tl)} timeline entries", flush=True)
    print("CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in took.items()) + f"; total {sum(took.values()):.2f}", flush=True)


if __name__ == "__main__":
    main()
