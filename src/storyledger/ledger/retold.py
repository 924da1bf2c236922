"""A retold figure keeps the time of its first telling.

A figure whose own article gives it no time (its publication date unknown, no date of its own in
its sentence) takes the time of a dated telling of the same fact, but only where the ledger joined
the two on strong evidence: the same number, the same measure and the same source (one body by
name, alias, role, relay or part_of). A shared sentence, an unattributed figure or the story alone
is not enough: the figure then stays undated. The earliest dated telling wins (the first telling).

Computed from the ledger and the claims on demand (nothing stored): ``as_of_of`` is what the
export and the views show for a claim.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from storyledger.model import Claim, Fact, TimeSpan
from storyledger.words import WEEKDAYS, parse_iso_date

_WEEKDAY = re.compile(r"(?i)\b(" + "|".join(WEEKDAYS) + r")s?\b")

# Join reasons (model.Join.why) that name one source for both tellings.
SAME_SOURCE = frozenset({"same_source", "alias", "relay", "role", "part_of"})


def retold_as_of(facts: list[Fact], claims: dict[str, Claim]) -> dict[str, TimeSpan]:
    """claim id -> the time of its first dated telling, for undated figures joined on strong evidence."""
    out: dict[str, TimeSpan] = {}
    for f in facts:
        for j in f.joins:
            why = set(j.why)
            if not why & SAME_SOURCE or "same_measure" not in why or "same_article" in why:
                continue
            for x, y in ((j.a, j.b), (j.b, j.a)):
                cx, cy = claims.get(x), claims.get(y)
                if not _strong(cx, cy):
                    continue
                assert cx is not None and cy is not None and cy.as_of is not None
                prev = out.get(x)
                if prev is None or (cy.as_of.start, cy.as_of.end) < (prev.start, prev.end):
                    out[x] = TimeSpan(start=cy.as_of.start, end=cy.as_of.end, granularity=cy.as_of.granularity,
                                      text=cy.as_of.text, basis="retold")
    return out


def _strong(x: Optional[Claim], y: Optional[Claim]) -> bool:
    """``x`` is an undated figure, ``y`` a dated telling of the same number, measure and source."""
    if x is None or y is None or x.kind != "figure" or y.kind != "figure":
        return False
    if x.as_of is not None or y.as_of is None or x.article == y.article:
        return False
    if x.measure in (None, "other") or x.measure != y.measure:
        return False
    if not _weekday_fits(x.text or "", y.as_of):
        return False   # "a Wednesday report" retelling Thursday's figure: the two times disagree
    return x.amount.key() is not None and x.amount.key() == y.amount.key()


def _weekday_fits(text: str, span: TimeSpan) -> bool:
    """The sentence names no weekday, or one that falls within ``span``."""
    named = {WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY.finditer(text)}
    if not named:
        return True
    start, end = parse_iso_date(span.start), parse_iso_date(span.end)
    if start is None or end is None or (end - start).days >= 6:
        return True
    return any((start + dt.timedelta(days=k)).weekday() in named for k in range((end - start).days + 1))


def as_of_of(c: Claim, retold: dict[str, TimeSpan]) -> Optional[TimeSpan]:
    """A claim's own time, else the time of its first telling."""
    return c.as_of if c.as_of is not None else retold.get(c.id)
