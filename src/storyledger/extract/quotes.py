"""Direct quotations: the quoted words and who said them.

Quote marks are paired per paragraph (curly or straight). The speaker is the subject of the
speech verb outside the quote marks that governs the quoted words (or the nearest one in the
same sentence); a quote with no speech verb continues the previous quote's speaker.
Two-word scare quotes ("closely") are kept only when they are the object of a speech verb
("expressed 'serious concern'").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from storyledger.extract.lexicon import SPEECH_LEMMAS

_QUOTE_RE = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"\n]+)\"")


@dataclass
class QuoteSpan:
    start: int          # char offset of the opening mark
    end: int            # char offset after the closing mark
    text: str           # the words inside the marks
    verb: Optional[Token] = None
    subject: Optional[Token] = None
    short: bool = False


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for m in _QUOTE_RE.finditer(doc.text):
        inner = m.group(1) or m.group(2)
        out.append(QuoteSpan(m.start(), m.end(), inner.strip(), short=len(inner.split()) < 4))
    return out


def speech_verb(doc: Doc, q: QuoteSpan) -> tuple[Optional[Token], Optional[Token]]:
    """(speech verb, its subject) for a quote, looking outside the quote marks."""
    inside = doc.char_span(q.start, q.end, alignment_mode="expand")
    if inside is None:
        return None, None
    sents = {t.sent.start for t in inside}
    first, last = inside[0].sent, inside[-1].sent
    # the quoted words' own root, then up to a speech verb outside the quote
    roots = [t for t in inside if t.head.i < inside.start or t.head.i >= inside.end or t.head.i == t.i]
    for r in roots:
        cur = r
        # a scare quote counts only as the direct object of a speech verb ("expressed 'grave concern'")
        for _ in range(1 if q.short else 6):
            if (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and _same_par(doc, cur, q) and \
                    (not q.short or r.dep_ in {"dobj", "attr", "oprd"}):
                return cur, _subject(cur)
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if q.short and _same_par(doc, cur, q) and (cur.i < inside.start or cur.i >= inside.end) and _speech(cur) and r.dep_ in {"dobj", "attr", "oprd"}:
                return cur, _subject(cur)
    if q.short:
        return None, None
    cands = [t for s in {first, last} for t in s if (t.i < inside.start or t.i >= inside.end) and _speech(t)
             and "\n" not in doc.text[min(t.idx, q.end):max(t.idx, q.start)]]
    if not cands:
        return None, None
    best = min(cands, key=lambda t: min(abs(t.i - inside.start), abs(t.i - inside.end)))
    return best, _subject(best)


def _same_par(doc: Doc, t: Token, q: QuoteSpan) -> bool:
    return "\n" not in doc.text[min(t.idx, q.end):max(t.idx, q.start)]


def _speech(t: Token) -> bool:
    return t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in SPEECH_LEMMAS


def _subject(verb: Token) -> Optional[Token]:
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj
