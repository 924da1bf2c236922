"""The publication date from all the evidence a page offers, weighed together.

Each source of evidence is one small function in ``EVIDENCE`` (ordered: the first source that
gives a date consistent with the rest wins). A date is given only when the evidence settles it;
otherwise ``published`` stays None with basis ``unknown``, and every candidate is kept on the
Article (``published_candidates``) with the reason it was taken or set aside.

Checks across sources: an article cannot predate the latest past day its own text reports
(a printed year-date in the body, outside captions and future phrasing); a date printed above
the headline (a site's "today" widget) counts only when nothing under the headline does.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Optional

from storyledger.clean import dates
from storyledger.clean.text import Parsed
from storyledger.words import parse_iso_date
from storyledger.model import DateCandidate, RawDocument


@dataclass
class Evidence:
    """What the sources read: the raw document, the parsed text dump, HTML metadata, the body."""

    raw: RawDocument
    parsed: Parsed
    html_date: Optional[tuple[str, str]]
    body: str


def _metadata(ev: Evidence) -> list[DateCandidate]:
    meta = dates.metadata_date(ev.raw.published)
    return [DateCandidate(date=meta, basis="explicit", evidence=f"metadata: {ev.raw.published}")] if meta else []


def _scraper_stamp(ev: Evidence) -> list[DateCandidate]:
    # " date 2023-02-08" opening a saved copy: the store's own date for the page
    s = ev.parsed.stamp
    return [DateCandidate(date=s[0], basis="explicit", evidence=s[1])] if s else []


def _printed(ev: Evidence) -> list[DateCandidate]:
    """Datelines under the headline; then those above it (a site's today-date, weak)."""
    under = [DateCandidate(date=dl[0], basis="explicit", evidence=dl[1]) for dl in ev.parsed.head_datelines]
    above = [DateCandidate(date=dl[0], basis="explicit", evidence=dl[1], why="printed above the headline")
             for dl in ev.parsed.above_datelines]
    return under + above


def _html(ev: Evidence) -> list[DateCandidate]:
    h = ev.html_date
    return [DateCandidate(date=h[0], basis="explicit", evidence=f"page metadata ({h[1]})")] if h else []


def _relative(ev: Evidence) -> list[DateCandidate]:
    # only a relative phrase standing alone as a line: "today" inside a sentence is not a dateline
    rel = dates.relative_date(ev.parsed.relative, ev.raw.fetched_at) if ev.parsed.relative else None
    return [DateCandidate(date=rel[0], basis="relative", evidence=f"{rel[1]} (fetched {ev.raw.fetched_at})")] if rel else []


def _weekdays(ev: Evidence) -> list[DateCandidate]:
    hints = dates.collect_hints(ev.body, ev.parsed.captions)
    got = dates.infer_date(hints)
    if got:
        return [DateCandidate(date=got[0], basis=got[1], evidence=got[2])]
    guess = dates.guess_date(hints)
    return [DateCandidate(date=guess[0], basis="inferred", evidence=guess[1], why=UNSETTLED)] if guess else []


UNSETTLED = "not settled: the weekday is not tied to a printed date, so the week is open"


# the order of trust: what the publisher or the store states, then what the text implies
EVIDENCE: list[Callable[[Evidence], list[DateCandidate]]] = [
    _metadata, _scraper_stamp, _printed, _html, _relative, _weekdays,
]


def latest_reported(body: str) -> Optional[tuple[dt.date, str]]:
    """The latest past day the body prints with its year (captions and coming events excluded)."""
    hints = dates.DateHints()
    found = [(dt.date(y, mo, d), w) for y, mo, d, w in dates._collect(body, hints) if y]
    return max(found) if found else None


def weigh(raw: RawDocument, parsed: Parsed, html_date: Optional[tuple[str, str]], body: str
          ) -> tuple[Optional[str], str, Optional[str], list[DateCandidate]]:
    """(published, basis, evidence, candidates): the first candidate no other evidence contradicts."""
    ev = Evidence(raw, parsed, html_date, body)
    cands = [c for source in EVIDENCE for c in source(ev)]
    floor = latest_reported(body)
    chosen: Optional[DateCandidate] = None
    for c in cands:
        day = parse_iso_date(c.date)
        if day is None:
            c.why = c.why or "unreadable"
        elif c.why == UNSETTLED:
            continue
        elif floor and day < floor[0] - dt.timedelta(days=1) and (c.basis != "explicit" or c.why):
            # a printed date under the headline stands (a body date may be a coming event the
            # words before it do not mark); weaker evidence yields to what the text reports
            c.why = f"before a day the text reports ({floor[1]})"
        elif chosen is None:
            chosen, c.taken = c, True
            c.why = c.why or "first of the trusted sources"
        elif parse_iso_date(chosen.date) != day:
            c.why = c.why or f"disagrees with {chosen.evidence!r}"
        else:
            c.why = c.why or "agrees"
    if chosen is None:
        return None, "unknown", None, cands
    return chosen.date, chosen.basis, chosen.evidence, cands
