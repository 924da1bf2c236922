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
import re
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
    _hints: Optional[dates.DateHints] = None

    def hints(self) -> dates.DateHints:
        """The body's and captions' date mentions, collected once (two sources read them)."""
        if self._hints is None:
            self._hints = dates.collect_hints(self.body, self.parsed.captions)
        return self._hints


def _metadata(ev: Evidence) -> list[DateCandidate]:
    meta = dates.metadata_date(ev.raw.published)
    return [DateCandidate(date=meta, basis="explicit", evidence=f"metadata: {ev.raw.published}")] if meta else []


def _scraper_stamp(ev: Evidence) -> list[DateCandidate]:
    # " date 2023-02-08" opening a saved copy: the store's own date for the page
    s = ev.parsed.stamp
    return [DateCandidate(date=s[0], basis="explicit", evidence=s[1])] if s else []


def _printed(ev: Evidence) -> list[DateCandidate]:
    """Datelines under the headline; then those above it (a site's today-date, weak). Printed dates
    that disagree among themselves (a list of stories) settle nothing; an update stamp alone only
    says the page is no newer than it."""
    under = [DateCandidate(date=dl[0], basis="explicit", evidence=dl[1]) for dl in ev.parsed.head_datelines]
    above = [DateCandidate(date=dl[0], basis="explicit", evidence=dl[1], why="printed above the headline")
             for dl in ev.parsed.above_datelines]
    for group in (under, above):
        first = [c for c in group if not _update_only(c.evidence)]
        if len({c.date[:10] for c in first}) > 1:
            for c in group:
                c.why = NOT_SETTLED_PRINTED
        elif group and not first:
            for c in group:
                # a timed update stamp is a news page's same-day revision; an untimed one may be months later
                c.why = c.why or ("an update stamp with its time" if _CLOCK.search(c.evidence) else NOT_SETTLED_UPDATE)
    return under + above


_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)
_POSTED = re.compile(r"\b(?:published|posted|written)\b", re.I)
_CLOCK = re.compile(r"(?:\b|(?<=\dT))\d{1,2}[:.]\d\d(?!\d)")   # "10:12", "2025-03-04T10:12:00Z"


def update_day(stamps: list[tuple[str, str]], published: Optional[str]) -> Optional[str]:
    """The last day an update label under the headline names ("Published 7 March 2023 | Updated 8
    March 2023"), when it is after the publication day; else None."""
    days = []
    for _iso, line in stamps:
        for up in _UPDATED.finditer(line):
            got = dates.dateline(line[up.end():])
            if got and published and got[0][:10] > published[:10]:
                days.append(got[0][:10])
    return max(days) if days else None


def _update_only(stamp: str) -> bool:
    """"Updated: May 6, 2019" — the update label comes before the first date and no published
    label is printed ("June 12, 2020 9:49 am / Updated: Aug. 18" dates the publication first)."""
    up = _UPDATED.search(stamp)
    if not up or _POSTED.search(stamp):
        return False
    first = dates.first_date(stamp)
    iso = re.search(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}", stamp)
    starts = [x for x in (first, iso.start() if iso else None) if x is not None]
    return not starts or up.start() < min(starts)
NOT_SETTLED_PRINTED = "not settled: the dates printed here disagree (a list of stories)"
NOT_SETTLED_UPDATE = "not settled: an update stamp; the page was first published on or before it"


def _html(ev: Evidence) -> list[DateCandidate]:
    h = ev.html_date
    return [DateCandidate(date=h[0], basis="explicit", evidence=f"page metadata ({h[1]})")] if h else []


def _relative(ev: Evidence) -> list[DateCandidate]:
    # only a relative phrase standing alone as a line: "today" inside a sentence is not a dateline
    rel = dates.relative_date(ev.parsed.relative, ev.raw.fetched_at) if ev.parsed.relative else None
    return [DateCandidate(date=rel[0], basis="relative", evidence=f"{rel[1]} (fetched {ev.raw.fetched_at})")] if rel else []


def _weekdays(ev: Evidence) -> list[DateCandidate]:
    hints = ev.hints()
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


STALE_METADATA = dt.timedelta(days=365)


def latest_reported(body: str, hints: Optional[dates.DateHints] = None) -> Optional[tuple[dt.date, str]]:
    """The latest past day the body prints with its year (captions and coming events excluded);
    ``hints``: the body's, when collected already."""
    mentions = dates.collect_hints(body).body_mentions if hints is None else hints.body_mentions
    found = [(dt.date(y, mo, d), w) for y, mo, d, w in mentions if y]
    return max(found) if found else None


def _saved_by(raw: RawDocument) -> dt.date:
    """The last day a page can have been published on: the day after it was saved (time zones),
    else tomorrow."""
    saved = parse_iso_date((raw.fetched_at or "")[:10])
    today = dt.date.today()
    return min(saved or today, today) + dt.timedelta(days=1)


def weigh(raw: RawDocument, parsed: Parsed, html_date: Optional[tuple[str, str]], body: str
          ) -> tuple[Optional[str], str, Optional[str], list[DateCandidate]]:
    """(published, basis, evidence, candidates): the first candidate no other evidence contradicts."""
    ev = Evidence(raw, parsed, html_date, body)
    cands = [c for source in EVIDENCE for c in source(ev)]
    floor = latest_reported(body, ev.hints())
    ceiling = _saved_by(raw)
    chosen: Optional[DateCandidate] = None
    for c in cands:
        day = parse_iso_date(c.date)
        if day is None:
            c.why = c.why or "unreadable"
        elif day > ceiling:
            c.why = "after the page was saved" if raw.fetched_at else "in the future"
        elif c.why.startswith("not settled"):
            continue
        elif floor and (day < floor[0] - dt.timedelta(days=1) and (c.basis != "explicit" or c.why) or
                        day < floor[0] - STALE_METADATA and c.evidence.startswith("page metadata")):
            # a printed date under the headline stands (a body date may be a coming event the
            # words before it do not mark); weaker evidence yields to what the text reports, and so
            # does a page's metadata years older than a past day its text reports (a template's or
            # the page's creation date: "Latest revision as of 7 April 2020" on a 2005 record)
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
