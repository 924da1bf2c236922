"""Entity spans found from the tokens around a position.

``doc.ents`` (and ``Span.ents``) build a span for every entity in the whole Doc each time they are
asked, so asking them once per sentence or per figure makes reading a text quadratic in its length
(a page of 26,000 one-line table cells took minutes). These read the tokens' IOB tags instead and
cost the length of the entity: the spans are the ones ``doc.ents`` would give.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from storyledger.extract.extensions import text_of

_I, _O, _B = 1, 2, 3    # Token.ent_iob: 0 = unset, 1 = inside, 2 = outside, 3 = begins


def _begins(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.ent_iob == _B and t.ent_type != 0


def _span(doc: Doc, start: int) -> Span:
    end = start + 1
    while end < len(doc) and doc[end].ent_iob == _I:
        end += 1
    b = doc[start]
    return Span(doc, start, end, label=b.ent_type, kb_id=b.ent_kb_id, span_id=b.ent_id)


def ent_at(doc: Doc, i: int) -> Optional[Span]:
    """The entity span holding token ``i`` (as in ``doc.ents``), or None."""
    if not 0 <= i < len(doc) or doc[i].ent_iob not in (_I, _B) or doc[i].ent_iob == _B and doc[i].ent_type == 0:
        return None
    start = i
    while start > 0 and doc[start].ent_iob == _I:
        start -= 1
    return _span(doc, start) if _begins(doc, start) else None


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entity spans lying wholly inside tokens ``start``..``end - 1``, in order."""
    out = []
    for i in range(max(0, start), min(end, len(doc))):
        if _begins(doc, i):
            e = _span(doc, i)
            if e.end <= end:
                out.append(e)
    return out


# "DHAKA, Bangladesh (AP) —", "ANKARA (Reuters) -", "LONDON, Feb 3 (Reuters) --", "KYIV —": the place
# and credit a wire prints before the lead. A capitalised start, at most a short ", Region" and a
# "(credit)", then a dash; a place set in capitals or a credit in brackets tells it from prose.
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Za-z.'\u2019\-]{0,30}(?: [A-Z][A-Za-z.'\u2019\-]{0,30}){0,3})"
                       r"(?:, ?[A-Z][\w.'\u2019\- ]{0,25}?)? ?(?P<credit>\([^()\n]{1,30}\))? ?(?:\u2014|\u2013|--|-(?= ))")


def dateline_end(text: str, para_starts: list[int], field: Optional[str] = None) -> int:
    """Character offset where a body's dateline ends (0 when it has none): its places and credit
    are where the story was filed from, never a teller or a body the text goes on about."""
    if field not in {None, "body"}:
        return 0
    for start in para_starts[:2]:
        while start < len(text) and text[start] in " \t":
            start += 1
        m = _DATELINE.match(text, start)
        if m and (m.group("credit") or m.group("place").split()[0].isupper() and len(m.group("place")) > 2):
            return m.end()
    return 0


def dateline_of(doc: Doc) -> int:
    """``dateline_end`` of a Doc's text (its paragraphs as storyledger_paragraphs found them)."""
    return dateline_end(text_of(doc), doc._.paragraphs or [0], doc._.field)
