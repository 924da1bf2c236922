"""Choosing a claim's ``as_of`` from the time expressions of its sentence.

Time expressions come from ``timex.find_times``; this module only adapts them to claims.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from storyledger.extract import timex
from storyledger.model import TimeSpan
from storyledger.words import parse_iso_date


def times_in(span, anchor: Optional[dt.date], text: Optional[str] = None) -> list[TimeSpan]:
    """Time expressions in a sentence span (offsets into the whole doc; ``text``: the doc's text, once)."""
    if anchor is None:
        return []
    return timex.find_times(span, anchor, text)


def doc_times(doc, anchor: Optional[dt.date]) -> list[list[TimeSpan]]:
    """Per sentence of ``doc``, its time expressions: what storyledger_times stored, else computed."""
    stored = doc._.times
    if stored is None:
        text = doc.text
        return [times_in(s, anchor, text) for s in doc.sents]
    return [[TimeSpan(**d) for d in ts] for ts in stored]


def published_span(anchor: Optional[dt.date]) -> Optional[TimeSpan]:
    if anchor is None:
        return None
    d = anchor.isoformat()
    return TimeSpan(start=d, end=d, granularity="day", text=None, basis="published")


def parse_anchor(published: Optional[str]) -> Optional[dt.date]:
    return parse_iso_date(published)
