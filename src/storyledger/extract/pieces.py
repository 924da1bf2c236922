"""A long body goes to spaCy in pieces, each read as a text of its own.

Parsing and reading one text cost more than linear time in its length (the parser's memory, and
rules that look at the whole doc from every sentence), so a body longer than ``PIECE_CHARS`` is cut
at paragraph breaks (else line, sentence or word breaks) into pieces read one after another; their
claims are moved back to the body's offsets. Articles of ordinary length are one piece: their
claims do not change.
"""
from __future__ import annotations

import bisect
import hashlib
import re

from storyledger.model import Claim

# Longer than any article of ordinary length (a 5,000-word feature is about 30k characters), short
# enough that a piece's cost stays close to linear.
PIECE_CHARS = 40_000

# A piece is also bounded in sentences and lines. It was 300 while rules walked the whole Doc from
# every sentence (a page of 26,000 one-line table cells, 300k characters, took minutes); reading is
# now linear within a piece (extract/spans.py), so this only keeps a piece of one-line cells to about
# the size of a 40k piece of prose. An ordinary article has fewer than 150 (the dev sets: at most 77).
PIECE_BREAKS = 2000
_BREAK = re.compile(r"[.!?]\s|\n")

# Where a piece may end, best first; the break stays with the piece before it.
_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def split_text(text: str, limit: int = PIECE_CHARS, breaks: int = PIECE_BREAKS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters and about ``breaks`` sentence ends or
    line breaks whose concatenation is ``text``; each cut is at the last paragraph break in the
    second half of a piece (else line, sentence, word break; else at the limit)."""
    limit = max(2, limit)
    marks = [m.end() for m in _BREAK.finditer(text)] if breaks > 0 else []
    pieces: list[str] = []
    start = 0
    while True:
        end = start + limit
        k = bisect.bisect_right(marks, start) + breaks - 1     # the piece's last allowed break
        if marks and k < len(marks):
            end = min(end, marks[k])
        if end >= len(text):
            break
        cut = -1
        for brk in _BREAKS:
            at = text.rfind(brk, start + (end - start) // 2, end - len(brk) + 1)
            if at >= 0:
                cut = at + len(brk)
                break
        cut = cut if cut > start else end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def moved(claims: list[Claim], offset: int) -> list[Claim]:
    """Claims read from a body piece that starts ``offset`` characters into the body: offsets moved
    to the body's, ids made unique to the piece (a piece's offsets repeat in the next one)."""
    if not offset:
        return claims
    out = []
    for c in claims:
        if c.field != "body":
            out.append(c)
            continue
        update: dict = {"char_start": c.char_start + offset, "char_end": c.char_end + offset,
                        "id": hashlib.blake2b(f"{c.id}|{offset}".encode(), digest_size=8).hexdigest()}
        t = c.as_of
        if t is not None and t.char_start is not None:
            update["as_of"] = t.model_copy(update={"char_start": t.char_start + offset,
                                                   "char_end": (t.char_end or t.char_start) + offset})
        out.append(c.model_copy(update=update))
    return out
