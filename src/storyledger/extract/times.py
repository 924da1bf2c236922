"""Choosing a claim's ``as_of`` from the time expressions of its sentence.

Time expressions come from ``timex.find_times``; this module only adapts them to claims.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from storyledger.extract import timex
from storyledger.extract.extensions import text_of
from storyledger.model import TimeSpan
from storyledger.words import parse_iso_date


def times_in(span, anchor: Optional[dt.date], window: Optional[list[str]] = None,
             text: Optional[str] = None, updated: Optional[dt.date] = None) -> list[TimeSpan]:
    """Time expressions in a sentence span (offsets into the whole doc). With no ``anchor``
    (publication unknown) only those that name their own date, or a year-less date the
    publication ``window`` ([first, last] ISO days) settles. ``text``: the doc's text, taken once
    by the caller (building it per sentence is quadratic)."""
    if anchor is None:
        days = [parse_iso_date(w) for w in window or []]
        lo_hi = (days[0], days[1]) if len(days) == 2 and days[0] and days[1] else None
        return timex.find_times_undated(span, lo_hi, text)
    return timex.find_times(span, anchor, text=text, updated=updated)


def doc_times(doc, anchor: Optional[dt.date]) -> list[list[TimeSpan]]:
    """Per sentence of ``doc``, its time expressions: what storyledger_times stored, else computed."""
    stored = doc._.times
    if stored is None:
        text = text_of(doc)
        updated = updated_day(doc)
        return [times_in(s, anchor, doc._.window, text, updated) for s in doc.sents]
    return [[TimeSpan(**d) for d in ts] for ts in stored]


def updated_day(doc) -> Optional[dt.date]:
    """The article's update day (Article.updated, in ``doc._.article``), when it has one."""
    return parse_iso_date((doc._.article or {}).get("updated"))


def published_span(anchor: Optional[dt.date]) -> Optional[TimeSpan]:
    if anchor is None:
        return None
    d = anchor.isoformat()
    return TimeSpan(start=d, end=d, granularity="day", text=None, basis="published")


def parse_anchor(published: Optional[str]) -> Optional[dt.date]:
    return parse_iso_date(published)
