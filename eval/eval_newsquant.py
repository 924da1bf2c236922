"""NewsQuant (CQE evaluation set): value F1 and value+qualifier F1 of our figure extraction.

    .venv/bin/python eval/eval_newsquant.py [--data ../shared/datasets/quantities/newsquant-cqe/NewsQuant.json]

Each sentence goes through the same extractor as the build (one Article per sentence).
Gold "change" maps to our qualifier: "=" exact, "~" approximately, ">" at_least, "<" at_most;
"up"/"down" (a change, which we do not model) are scored as exact. Ranges "a-b" match our
low/high; the gold writes "fell from 4.8 to 4.7" as "4.8-4.7", so both ends are compared in
ascending order. --errors N prints N sentences with their missed and extra values. Anchor (CQE paper): value F1 92.0, value+change F1 88.1.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "quantities" / "newsquant-cqe" / "NewsQuant.json"
CHANGE = {"=": "exact", "~": "approximately", ">": "at_least", "<": "at_most", "up": "exact", "down": "exact"}


def gold_items(q: dict) -> tuple[tuple[float, ...], str]:
    v = str(q["value"])
    parts = v.split("-") if "-" in v[1:] else [v]
    try:
        vals = tuple(sorted(round(float(p), 4) for p in parts if p))
    except ValueError:
        vals = ()
    qual = "range" if len(vals) == 2 else CHANGE.get(q.get("change", "="), "exact")
    return vals, qual


def pred_items(c) -> tuple[tuple[float, ...], str]:
    if c.qualifier == "range" and c.low is not None and c.high is not None:
        return (round(c.low, 4), round(c.high, 4)), "range"
    return (round(c.value, 4),), c.qualifier


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", "--show", type=int, default=0, dest="errors",
                    help="print this many sentences where prediction and gold differ")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"../shared not present: {args.data}")
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract
    from storyledger.model import Article

    rows = json.loads(args.data.read_text(encoding="utf-8"))
    arts = [Article(id=f"nq{i}", source=f"nq{i}", body=r["text"]) for i, r in enumerate(rows)]
    tp = fp = fn = tpq = fpq = fnq = 0
    shown = 0
    for (art, claims), row in zip(extract.extract_claims(arts), rows):
        pred = [pred_items(c) for c in claims if c.kind == "figure" and c.value is not None]
        gold = [gold_items(q) for q in row["quantities"]]
        pv, gv = Counter(v for v, _ in pred), Counter(v for v, _ in gold)
        m = sum((pv & gv).values())
        tp, fp, fn = tp + m, fp + sum(pv.values()) - m, fn + sum(gv.values()) - m
        pq, gq = Counter(pred), Counter(gold)
        mq = sum((pq & gq).values())
        tpq, fpq, fnq = tpq + mq, fpq + sum(pq.values()) - mq, fnq + sum(gq.values()) - mq
        if shown < args.errors and pq != gq:
            shown += 1
            miss, extra = sorted((gq - pq).elements()), sorted((pq - gq).elements())
            print(f"  - {row['text'][:160]!r}\n    missed {miss}\n    extra  {extra}")
    p, r, f = f1(tp, fp, fn)
    pq_, rq_, fq = f1(tpq, fpq, fnq)
    print(f"command: .venv/bin/python eval/eval_newsquant.py --data {args.data}")
    print(f"NewsQuant sentences {len(rows)}, gold quantities {tp + fn}, predicted {tp + fp}")
    print(f"value:           P {p:.1f}  R {r:.1f}  F1 {f:.1f}   (CQE anchor F1 92.0)")
    print(f"value+qualifier: P {pq_:.1f}  R {rq_:.1f}  F1 {fq:.1f}   (CQE anchor F1 88.1)")


if __name__ == "__main__":
    main()
