"""Publication-date accuracy on htmldate's MediaCloud 2020 set (200 news pages, many languages).

Compares htmldate alone (extensive search, original date) with storyledger's HTML path
(clean_document: the date it stores for an HTML page). Scoring as upstream describes it: exact
YYYY-MM-DD match is a hit; a page whose gold is NaN counts as right when no date is returned.

    .venv/bin/python eval/eval_htmldate.py [--limit N] [--errors]

Accuracy is also printed for the first and second half of the (sorted) pages: the date rules
were written looking at misses over all pages, so two halves that agree are a weak check
against rules fitted to a few pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
DATA = HERE.parents[1].parent / "shared" / "datasets" / "htmldate-mediacloud2020"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", action="store_true", help="print every page storyledger gets wrong")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"dataset not found: {DATA}")
        return 1
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from htmldate import find_date

    from storyledger.clean import CleanError, clean_document
    from storyledger.ingest import decode_bytes
    from storyledger.model import RawDocument

    gold = json.loads((DATA / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    items = sorted(gold.items())[: args.limit or None]

    def ours(html: str, url: str):
        try:
            art = clean_document(RawDocument(source=url, kind="html", html=html, url=url))
        except CleanError:
            return None
        return (art.published or "")[:10] or None

    def htmldate_alone(html: str, url: str):
        try:
            return find_date(html, url=url, extensive_search=True, original_date=True)
        except Exception:
            return None

    systems = {"htmldate (extensive, original)": htmldate_alone, "storyledger clean_document (HTML path)": ours}
    hits = {k: 0 for k in systems}
    nones = {k: 0 for k in systems}
    secs = {k: 0.0 for k in systems}
    half = (len(items) + 1) // 2
    halves = {k: [0, 0] for k in systems}
    errors: list[str] = []
    for i, (url, g) in enumerate(items):
        raw = gzip.decompress((DATA / "html" / f"{g['file']}.gz").read_bytes())
        html = decode_bytes(raw)[0]            # as ingest decodes a file
        want = g["date"]
        nan = isinstance(want, float) and math.isnan(want)
        for name, fn in systems.items():
            t = time.perf_counter()
            # htmldate alone gets the bytes and decodes them itself, as its own evaluation does
            got = fn(raw if fn is htmldate_alone else html, url)
            secs[name] += time.perf_counter() - t
            nones[name] += got is None
            if (nan and got is None) or (not nan and got == want):
                hits[name] += 1
                halves[name][i >= half] += 1
            elif fn is ours:
                errors.append(f"  {g['file']}: gold {'none' if nan else want}, got {got}  {url[:90]}")
    n = len(items)
    print(f"htmldate-mediacloud2020: {n} pages")
    for name in systems:
        print(f"{name:42s} accuracy {hits[name] / n:.3f} ({hits[name]}/{n}); no date {nones[name]}; "
              f"{secs[name] / n:.3f} s/page")
    for name in systems:
        a, b = halves[name]
        print(f"{name:42s} first half {a}/{half}, second half {b}/{n - half}")
    if args.errors:
        print("storyledger misses:")
        print("\n".join(errors))
    print("anchor (published): htmldate extensive 0.903")
    print("command: .venv/bin/python eval/eval_htmldate.py" + (f" --limit {args.limit}" if args.limit else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
