"""GenderGapTracker quotes: quote F1 and speaker accuracy of our quote (and statement) claims.

    .venv/bin/python eval/eval_quotes.py [--data ../shared/datasets/gendergaptracker-quotes/ggt_eval_articles.jsonl]

A gold quotation is found when one of our quote claims of the article shares at least half of
its words (either direction). Gold includes indirect quotes, which we extract only as
statements: recall is printed over all gold quotes and over the direct ones (gold text that
starts with a quote mark). Speaker accuracy: matched quotes whose source equals the gold
`reference` (or shares its last name). Anchor: the GGT system's own 83.7 F1 / 86% speaker.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "gendergaptracker-quotes" / "ggt_eval_articles.jsonl"


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def overlap(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    return inter / len(a) >= 0.5 and inter / len(b) >= 0.5


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    p, g = pred.lower().strip(), gold.lower().strip()
    return p == g or p.split()[-1] == g.split()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"../shared not present: {args.data}")
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract
    from storyledger.model import Article

    rows = [json.loads(l) for l in args.data.read_text(encoding="utf-8").splitlines() if l.strip()]
    arts = [Article(id=r["_id"], source=r["_id"], body=r["articleBodyText"]) for r in rows]
    n_gold = n_direct = n_pred = 0
    found = found_direct = pred_ok = spk_ok = 0
    for (art, claims), row in zip(extract.extract_claims(arts), rows):
        preds = [(words(c.quote), c.attribution.source) for c in claims if c.kind == "quote"]
        gold = [(words(q["quote"]), q.get("reference"), q["quote"].lstrip().startswith(("\"", "\u201c")))
                for q in row["quotations"]]
        n_gold += len(gold)
        n_direct += sum(1 for g in gold if g[2])
        n_pred += len(preds)
        used = set()
        for gw, ref, direct in gold:
            k = next((k for k, (pw, _) in enumerate(preds) if k not in used and overlap(gw, pw)), None)
            if k is None:
                continue
            used.add(k)
            found += 1
            found_direct += direct
            spk_ok += same_speaker(preds[k][1], ref)
        pred_ok += len(used)
    p = pred_ok / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    rd = found_direct / n_direct if n_direct else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    fd = 2 * p * rd / (p + rd) if p + rd else 0.0
    print(f"command: .venv/bin/python eval/eval_quotes.py --data {args.data}")
    print(f"articles {len(rows)}, gold quotes {n_gold} ({n_direct} direct), our quotes {n_pred}")
    print(f"all gold:    P {100 * p:.1f}  R {100 * r:.1f}  F1 {100 * f:.1f}   (GGT anchor F1 83.7)")
    print(f"direct gold: R {100 * rd:.1f}  F1 {100 * fd:.1f}")
    print(f"speaker accuracy on matched quotes: {100 * spk_ok / found if found else 0:.1f}%   (GGT anchor 86%)")


if __name__ == "__main__":
    main()
