"""Cost per character of extraction WITHIN one piece: a body of one-line table cells read as a
single spaCy Doc (extract.PIECE_CHARS and pieces.PIECE_BREAKS raised past the body), so rules that
walk the whole Doc from every sentence show as growth (before the fix: 43k chars 157 us/char, 109k
353 us/char). CPU time of this process.

    nice -n 10 .venv/bin/python bench/one_piece.py --lines 2000,5000,10000
    PYTHONPATH=/path/to/other/src .venv/bin/python bench/one_piece.py   # another version of the code
"""
from __future__ import annotations

import argparse
import sys
import time

from storyledger import extract
from storyledger.extract import pieces
from storyledger.model import Article


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", default="2000,5000,10000")
    args = ap.parse_args()
    extract.PIECE_CHARS = 10 ** 7
    pieces.PIECE_BREAKS = 10 ** 7
    pieces.split_text.__defaults__ = (pieces.PIECE_CHARS, pieces.PIECE_BREAKS)
    nlp = extract.load_nlp()
    nlp.max_length = 10 ** 7
    list(extract.extract_claims([Article(id="warm", source="warm", body="The mayor said 3 boats sank.")], nlp=nlp))
    print(f"code: {extract.__file__}")
    print(f"{'lines':>7} {'chars':>9} {'cpu s':>8} {'us/char':>8} {'claims':>7}")
    for n in (int(x) for x in args.lines.split(",")):
        body = "\n".join(f"cell {i} text & more" for i in range(n))
        art = Article(id=f"w{n}", source="w", body=body, title="Wide", published="2024-10-20")
        t = time.process_time()
        claims = sum(len(x[1]) if isinstance(x, tuple) else 1 for x in extract.extract_claims([art], nlp=nlp))
        cpu = time.process_time() - t
        print(f"{n:>7} {len(body):>9,} {cpu:>8.2f} {cpu / len(body) * 1e6:>8.1f} {claims:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
