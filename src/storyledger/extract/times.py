"""Choosing a claim's ``as_of`` from the time expressions of its sentence.

Time expressions come from ``timex.find_times`` (owned by the time work). Until that
returns results, a small private fallback covers the commonest news forms ("Oct. 18",
"4 October", "last October", "by December", weekdays, "earlier this month") so that
claims get a time at all; when timex finds anything, the fallback is not used.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from storyledger.extract import timex
from storyledger.model import TimeSpan

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MON = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FALLBACK = re.compile(
    rf"\b(?P<md>{_MON}\s+(?P<d1>\d{{1,2}})(?:,\s*(?P<y1>\d{{4}}))?)\b"
    rf"|\b(?P<dm>(?P<d2>\d{{1,2}})\s+{_MON}(?:\s+(?P<y2>\d{{4}}))?)\b"
    rf"|\b(?P<mon>(?P<mpre>last|this|next|in|by|since|early|late|mid-?|until)?\s*{_MON}(?:\s+(?P<y3>\d{{4}}))?)\b"
    r"|\b(?P<wd>(?P<wpre>last|next|this|on|by|later|earlier|since|until)?\s*"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?)\b"
    r"|\b(?P<rel>earlier this month|this month|last month|last week|this week|earlier this year|this year|last year|"
    r"next week|next month)\b",
    re.I)


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _mon(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")[:3]]


def fallback_times(text: str, offset: int, anchor: dt.date) -> list[TimeSpan]:
    out: list[TimeSpan] = []
    for m in _FALLBACK.finditer(text):
        g = m.groupdict()
        try:
            if g["md"] or g["dm"]:
                mon = _mon(re.search(_MON, m.group(0)).group(0))
                day = int(g["d1"] or g["d2"])
                year = int(g["y1"] or g["y2"] or anchor.year)
                d = dt.date(year, mon, day)
                if not (g["y1"] or g["y2"]) and d > anchor + dt.timedelta(days=2):
                    d = dt.date(year - 1, mon, day)
                start = end = d
                gran = "day"
            elif g["mon"]:
                mon = _mon(re.search(_MON, g["mon"]).group(0))
                if mon == 5 and not g["mpre"] and not g["y3"]:
                    continue  # "may" is far more often a modal verb
                pre = (g["mpre"] or "").lower()
                year = int(g["y3"]) if g["y3"] else anchor.year
                if not g["y3"]:
                    if pre in {"next", "by", "until"}:
                        if mon < anchor.month:
                            year += 1
                    elif mon > anchor.month or (pre == "last" and mon >= anchor.month):
                        year -= 1
                start, end = _month_span(year, mon)
                if pre.startswith("mid"):
                    start = start.replace(day=11)
                gran = "month"
            elif g["wd"]:
                wd = _WEEKDAYS[g["day"].lower()]
                pre = (g["wpre"] or "").lower()
                tail = text[m.end():m.end() + 40].lower()
                future = pre in {"next", "by", "until"} or bool(re.match(r"\s*(will|to be|is due)", tail))
                delta = (wd - anchor.weekday()) % 7
                if future:
                    d = anchor + dt.timedelta(days=delta)
                else:
                    d = anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)
                    if pre == "last" and d == anchor:
                        d -= dt.timedelta(days=7)
                start = end = d
                gran = "day"
            else:
                rel = g["rel"].lower()
                if rel in {"earlier this month", "this month"}:
                    start, end = anchor.replace(day=1), anchor
                    gran = "month"
                elif rel == "last month":
                    prev = anchor.replace(day=1) - dt.timedelta(days=1)
                    start, end = _month_span(prev.year, prev.month)
                    gran = "month"
                elif rel == "next month":
                    nxt = anchor.replace(day=28) + dt.timedelta(days=5)
                    start, end = _month_span(nxt.year, nxt.month)
                    gran = "month"
                elif rel in {"last week", "this week", "next week"}:
                    monday = anchor - dt.timedelta(days=anchor.weekday())
                    shift = {"last week": -7, "this week": 0, "next week": 7}[rel]
                    start = monday + dt.timedelta(days=shift)
                    end = start + dt.timedelta(days=6)
                    gran = "week"
                elif rel in {"earlier this year", "this year"}:
                    start, end = dt.date(anchor.year, 1, 1), anchor
                    gran = "year"
                else:
                    start, end = dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31)
                    gran = "year"
        except (ValueError, KeyError, AttributeError):
            continue
        out.append(TimeSpan(start=start.isoformat(), end=end.isoformat(), granularity=gran,
                            text=m.group(0).strip(), basis="explicit",
                            char_start=offset + m.start(), char_end=offset + m.end()))
    return out


def times_in(span, anchor: Optional[dt.date]) -> list[TimeSpan]:
    """Time expressions in a sentence span (offsets into the whole doc)."""
    if anchor is None:
        return []
    found = timex.find_times(span, anchor)
    if found:
        return found
    return fallback_times(span.text, span.start_char, anchor)


def published_span(anchor: Optional[dt.date]) -> Optional[TimeSpan]:
    if anchor is None:
        return None
    d = anchor.isoformat()
    return TimeSpan(start=d, end=d, granularity="day", text=None, basis="published")


def parse_anchor(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
