"""Main-text extraction F1 on article-extraction-benchmark (181 news pages with human main text).

Scoring follows the benchmark's description: lower-cased word tokens, 4-token shingles,
TP/FP/FN over shingle multisets per page, micro-averaged over pages. Compares trafilatura
alone (its defaults) with storyledger's HTML path (clean_document), and the precision/recall
settings of trafilatura.

    .venv/bin/python eval/eval_extraction.py [--limit N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
DATA = HERE.parents[1].parent / "shared" / "datasets" / "article-extraction-benchmark"


def shingles(text: str, n: int = 4) -> Counter:
    toks = re.findall(r"\w+", (text or "").lower())
    return Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1)))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"dataset not found: {DATA}")
        return 1
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    import trafilatura

    from storyledger.clean import CleanError, clean_document
    from storyledger.clean.html import extract_main
    from storyledger.ingest import decode_bytes
    from storyledger.model import RawDocument

    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: args.limit or None]

    def ours(html: str, url: str) -> str:
        try:
            return clean_document(RawDocument(source=url, kind="html", html=html, url=url)).body
        except CleanError:
            return ""

    systems = {
        "trafilatura.extract (defaults)": lambda h, u: trafilatura.extract(h, url=u) or "",
        "trafilatura favor_precision": lambda h, u: (extract_main(h, u, favor_precision=True) or {}).get("text") or "",
        "trafilatura favor_recall": lambda h, u: (extract_main(h, u, favor_recall=True) or {}).get("text") or "",
        "storyledger clean_document (HTML path)": ours,
    }
    totals = {k: [0, 0, 0] for k in systems}
    times = {k: 0.0 for k in systems}
    for i in ids:
        raw = gzip.decompress((DATA / "html" / f"{i}.html.gz").read_bytes())
        html = decode_bytes(raw)[0]            # as ingest decodes a file
        want = shingles(gold[i]["articleBody"])
        for name, fn in systems.items():
            t = time.perf_counter()
            got = shingles(fn(html, gold[i].get("url")))
            times[name] += time.perf_counter() - t
            tp = sum((got & want).values())
            totals[name][0] += tp
            totals[name][1] += sum(got.values()) - tp
            totals[name][2] += sum(want.values()) - tp
    print(f"article-extraction-benchmark: {len(ids)} pages (4-gram shingles, micro-averaged)")
    print(f"{'system':42s} {'P':>6s} {'R':>6s} {'F1':>6s}  s/page")
    for name, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{name:42s} {p:6.3f} {r:6.3f} {f:6.3f}  {times[name] / len(ids):.3f}")
    print("anchor (published): trafilatura ~0.958 F1")
    print("command: .venv/bin/python eval/eval_extraction.py" + (f" --limit {args.limit}" if args.limit else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
