"""Time expressions: find them in text and normalise them against an anchor date.

STUB (interface fixed; owned by the time-expression work).
"""
from __future__ import annotations

import datetime as dt

from storyledger.model import TimeSpan


def find_times(doc, anchor: dt.date) -> list[TimeSpan]:
    """Every time expression in a spaCy Doc or Span, normalised against ``anchor``.

    ``char_start``/``char_end`` of each TimeSpan are offsets into ``doc.doc.text`` (the whole
    Doc's text, also when a Span is given). Weekdays resolve to the past or the future from
    the tense and cue words around them ("last Wednesday", "by Monday", "on Friday ... said").
    """
    return []


def find_times_text(text: str, anchor: dt.date, nlp=None) -> list[TimeSpan]:
    """Same as ``find_times`` for plain text (loads/uses ``nlp`` to parse it)."""
    return []
