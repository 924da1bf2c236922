"""GenderGapTracker quotes: quote F1 and speaker accuracy of our quote and statement claims.

    .venv/bin/python eval/eval_quotes.py [--data ../shared/datasets/gendergaptracker-quotes/ggt_eval_articles.jsonl]

GGT's gold holds direct quotes ("...," she said) and reported speech (she said that ...), so
both of our kinds are scored against it with one rule. Each claim offers the words it says were
said: a `quote` claim its quoted words, a `statement` claim its `content` (the reported clause of
"X said CLAUSE" / "according to X, CLAUSE"); statements with no content (denials, "X declined to
comment") report no words and are not scored. A gold quotation is found when an unused claim of the same
article shares at least half of its words in both directions (the claim with the highest word
Jaccard is taken, one claim per gold quote). Precision counts claims used by some gold quote.

Speaker accuracy is over found quotes whose gold `reference` is not empty:
  strict   our source equals the reference (case, punctuation and a leading article ignored);
  lenient  ... or the two share their last word ("Karlsson" for "Erik Karlsson").
Anchor: the GGT system's own quote F1 83.7 and speaker accuracy 86% (Asr et al. 2021).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "gendergaptracker-quotes" / "ggt_eval_articles.jsonl"


def words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def overlap(a: set[str], b: set[str]) -> float:
    """Jaccard of two word sets when each holds at least half of the other's words, else 0."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    if inter / len(a) < 0.5 or inter / len(b) < 0.5:
        return 0.0
    return inter / len(a | b)


def _norm(name: str) -> str:
    t = re.sub(r"[^\w\s-]", "", name.lower()).strip()
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"\s+", " ", t))


def same_speaker(pred: str | None, gold: str | None, strict: bool = False) -> bool:
    if not pred or not gold:
        return False
    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return False
    return p == g or (not strict and p.split()[-1] == g.split()[-1])


def said_words(claim) -> str | None:
    """The words a claim says were said (see the module docstring)."""
    if claim.kind == "quote":
        return claim.quote
    if claim.kind == "statement":
        return claim.content
    return None


def score(pairs: Iterable, rows: list[dict], detail: bool = False) -> dict:
    n_gold = n_direct = n_pred = n_pred_quote = 0
    found = found_direct = pred_ok = n_ref = spk_lenient = spk_strict = 0
    out: list[dict] = []
    for (art, claims), row in zip(pairs, rows):
        preds = [(words(said_words(c)), c) for c in claims if said_words(c)]
        n_pred += len(preds)
        n_pred_quote += sum(1 for _, c in preds if c.kind == "quote")
        used: set[int] = set()
        for q in row["quotations"]:
            gw = words(q["quote"])
            direct = q["quote"].lstrip().startswith(("\"", "\u201c", "'", "\u2018"))
            n_gold += 1
            n_direct += direct
            best = max(((overlap(gw, pw), k) for k, (pw, _) in enumerate(preds) if k not in used), default=(0.0, -1))
            ref = (q.get("reference") or "").strip()
            rec = {"article": row["_id"], "gold": q["quote"], "ref": ref, "direct": direct}
            if best[0] > 0:
                k = best[1]
                used.add(k)
                c = preds[k][1]
                found += 1
                found_direct += direct
                rec.update(pred=said_words(c), kind=c.kind, source=c.attribution.source,
                           source_text=c.attribution.source_text, speaker=q.get("speaker"))
                if ref:
                    n_ref += 1
                    spk_lenient += same_speaker(c.attribution.source, ref)
                    spk_strict += same_speaker(c.attribution.source, ref, strict=True)
            if detail:
                out.append(rec)
        pred_ok += len(used)
        if detail:
            out.extend({"article": row["_id"], "extra": said_words(c), "kind": c.kind, "source": c.attribution.source}
                       for k, (_, c) in enumerate(preds) if k not in used)
    p = pred_ok / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    return {"articles": len(rows), "gold": n_gold, "direct": n_direct, "pred": n_pred, "pred_quote": n_pred_quote,
            "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "R_direct": found_direct / n_direct if n_direct else 0.0,
            "speaker_lenient": spk_lenient / n_ref if n_ref else 0.0,
            "speaker_strict": spk_strict / n_ref if n_ref else 0.0, "n_ref": n_ref, "detail": out}


def report(res: dict) -> None:
    print(f"articles {res['articles']}, gold quotes {res['gold']} ({res['direct']} direct), "
          f"our claims {res['pred']} ({res['pred_quote']} quotes, {res['pred'] - res['pred_quote']} statements)")
    print(f"all gold:    P {100 * res['P']:.1f}  R {100 * res['R']:.1f}  F1 {100 * res['F1']:.1f}   (GGT anchor F1 83.7)")
    print(f"direct gold: R {100 * res['R_direct']:.1f}")
    print(f"speaker accuracy on {res['n_ref']} found quotes: lenient {100 * res['speaker_lenient']:.1f}%  "
          f"strict {100 * res['speaker_strict']:.1f}%   (GGT anchor 86%)")


def print_misses(detail: list[dict]) -> None:
    """Found quotes with a gold reference whose speaker we got wrong (lenient rule)."""
    for d in detail:
        if "pred" not in d or not d["ref"] or same_speaker(d["source"], d["ref"]):
            continue
        quote = re.sub(r"\s+", " ", d["gold"])[:90]
        print(f"MISS {d['article'][-6:]} gold={d['ref']!r} span={d.get('speaker')!r} "
              f"ours={d['source']!r} from={d['source_text']!r} [{d['kind']}] {quote}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--misses", action="store_true",
                    help="also print each found quote whose speaker is wrong (lenient): gold speaker span, "
                         "gold reference, our source and the words our source came from")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"../shared not present: {args.data}")
    sys.path.insert(0, str(ROOT / "src"))
    from storyledger import extract
    from storyledger.model import Article

    try:
        rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        sys.exit(f"cannot read {args.data}: {exc}")
    arts = [Article(id=r["_id"], source=r["_id"], body=r["articleBodyText"]) for r in rows]
    res = score(extract.extract_claims(arts), rows, detail=args.misses)
    if args.misses:
        print_misses(res["detail"])
    print(f"command: .venv/bin/python eval/eval_quotes.py --data {args.data}{' --misses' if args.misses else ''}")
    report(res)


if __name__ == "__main__":
    main()
