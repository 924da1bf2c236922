"""HTML pages: main text and metadata with trafilatura; the date from structured metadata, else htmldate."""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional
from urllib.parse import urlparse

import lxml.html
from dateutil import parser as dateparser
from htmldate import find_date
from trafilatura import bare_extraction

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# favor_precision measured best on article-extraction-benchmark (eval/eval_extraction.py);
# a page where it keeps almost nothing is tried again favouring recall.
FAVOR_PRECISION = True
FAVOR_RECALL = False
MIN_WORDS = 15


@dataclass
class HtmlParts:
    text: str = ""
    title: Optional[str] = None
    author: Optional[str] = None
    sitename: Optional[str] = None
    hostname: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None
    date_source: Optional[str] = None      # where the date came from ("JSON-LD datePublished", "htmldate")
    captions: list[str] = field(default_factory=list)


def extract_main(html: str, url: Optional[str] = None, *, favor_precision: bool = FAVOR_PRECISION,
                 favor_recall: bool = FAVOR_RECALL) -> Optional[dict]:
    """trafilatura's main text and metadata as a dict (None when it finds nothing)."""
    doc = bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                          favor_precision=favor_precision, favor_recall=favor_recall)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


# Structured publication-date fields, most specific first (rank 0 = an Article's JSON-LD).
_ARTICLE_TYPES = re.compile(r"article|posting|report", re.I)
_META_KEYS = {"article:published_time", "og:published_time", "og:article:published_time", "datepublished",
              "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
              "parsely-pub-date", "sailthru.date"}
# a datetime with a numeric UTC offset anywhere in the page: tells the publisher's zone
_OFFSET = re.compile(r"\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?P<off>[+-](?:0\d|1[0-4]):?[0-5]\d)\b")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
# a UTC time this close to midnight may fall on the day before or after in the publisher's zone
_URL_AGREES_HOURS = 9


def _ld_objects(data: Any) -> Iterator[dict]:
    if isinstance(data, list):
        for x in data:
            yield from _ld_objects(x)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _ld_objects(data[key])


_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _parse_dt(value: Any) -> Optional[dt.datetime]:
    if not isinstance(value, str) or not re.search(r"\d{4}", value):
        return None
    day = _ISO_DAY.fullmatch(value.strip())
    if day is not None:     # "2024-10-05", most feeds' field: read as dateutil reads it (it costs ~0.1 ms)
        try:
            d = dt.datetime(int(day[1]), int(day[2]), int(day[3]))
            return d if 1990 <= d.year <= dt.date.today().year + 1 else None
        except ValueError:
            pass            # no such day: dateutil says what it makes of it
    try:
        with warnings.catch_warnings():       # "EDT" and other zone names: the date is still right
            warnings.simplefilter("ignore")
            d = dateparser.parse(value.strip(), default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return d if 1990 <= d.year <= dt.date.today().year + 1 else None


def structured_date(tree: Any) -> Optional[tuple[dt.datetime, str]]:
    """The publisher's own publication datetime: JSON-LD datePublished, meta tags, itemprop, <time pubdate>."""
    found: list[tuple[int, int, dt.datetime, str]] = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            kind = obj.get("@type")
            kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
            d = _parse_dt(obj.get("datePublished"))
            if d:
                found.append((0 if _ARTICLE_TYPES.search(kind) else 2, len(found), d, "JSON-LD datePublished"))
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if key in _META_KEYS:
            d = _parse_dt(m.get("content"))
            if d:
                found.append((1, len(found), d, f"meta {key}"))
    for el in tree.xpath("//*[@itemprop='datePublished'][not(self::meta)] | //time[@pubdate]"):
        d = _parse_dt(el.get("datetime") or el.get("content") or el.text_content())
        if d:
            found.append((1, len(found), d, "itemprop datePublished"))
    if not found:
        return None
    _, _, d, where = min(found, key=lambda x: x[:2])
    return d, where


def page_offset(html: str) -> Optional[dt.timezone]:
    """The most frequent non-zero UTC offset printed with a time in the page (the publisher's zone)."""
    offs = Counter(m.group("off").replace(":", "") for m in _OFFSET.finditer(html))
    offs.pop("+0000", None)
    offs.pop("-0000", None)
    if not offs:
        return None
    k = offs.most_common(1)[0][0]
    sign = -1 if k[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(k[1:3]), minutes=int(k[3:5])))


def url_date(url: Optional[str]) -> Optional[dt.date]:
    """A date in the URL path (/2020/04/13/, /20200413/), the publisher's local day."""
    if not url:
        return None
    m = _URL_DATE.search(urlparse(url).path)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def local_date(d: dt.datetime, html: str, url: Optional[str]) -> str:
    """A structured datetime as the publisher's local date (a datetime string when the zone is known).

    A time with a real offset is already local. A UTC time ("Z") is converted to the zone the page
    prints elsewhere; failing that, a URL date one day off is taken when the UTC time is close enough
    to midnight for a time zone to explain it.
    """
    if d.tzinfo is None:
        return d.date().isoformat()
    if d.utcoffset() != dt.timedelta(0):
        return d.isoformat()
    tz = page_offset(html)
    if tz is not None:
        return d.astimezone(tz).isoformat()
    ud = url_date(url)
    if ud is not None and ud != d.date():
        mins = d.hour * 60 + d.minute
        if (ud == d.date() - dt.timedelta(days=1) and mins < _URL_AGREES_HOURS * 60) or \
                (ud == d.date() + dt.timedelta(days=1) and mins >= (24 - _URL_AGREES_HOURS) * 60):
            return ud.isoformat()
    return d.isoformat()


def htmldate_date(html: str, url: Optional[str] = None) -> Optional[str]:
    """htmldate's publication date: extensive search, original (not last-modified) date.

    Its last resort is a copyright year given as 1 January; such a date is dropped unless the
    quick (non-extensive) search finds the same day.
    """
    try:
        got = find_date(html, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
        if got and got.endswith("-01-01"):
            quick = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
            got = got if quick == got else None
        return got
    except Exception:        # htmldate raises on odd markup; a page without a date is not an error
        return None


def page_date(html: str, url: Optional[str] = None, tree: Any = None) -> tuple[Optional[str], Optional[str]]:
    """(publication date or datetime, where it came from): structured metadata first, then htmldate."""
    tree = tree if tree is not None else _tree(html)
    got = structured_date(tree) if tree is not None else None
    if got:
        return local_date(got[0], html, url), got[1]
    d = htmldate_date(html, url)
    return (d, "htmldate") if d else (None, None)


def _tree(html: str) -> Any:
    try:
        return lxml.html.fromstring(html)
    except ValueError:        # a str with an <?xml encoding=...?> declaration: lxml wants bytes
        try:
            return lxml.html.fromstring(html.encode("utf-8"))
        except (ValueError, lxml.etree.ParserError):
            return None
    except lxml.etree.ParserError:
        return None


def figcaptions(tree: Any) -> list[str]:
    if tree is None:
        return []
    out: list[str] = []
    for el in tree.iter("figcaption"):
        t = " ".join(el.text_content().split())
        if t and t not in out:
            out.append(t)
    return out


def parse_html(html: str, url: Optional[str] = None) -> HtmlParts:
    doc = extract_main(html, url) or {}
    if len((doc.get("text") or "").split()) < MIN_WORDS:
        doc = extract_main(html, url, favor_precision=False, favor_recall=True) or doc
    tree = _tree(html)
    date, date_source = page_date(html, url, tree)
    parts = HtmlParts(
        text=doc.get("text") or "", title=doc.get("title"), author=doc.get("author"),
        sitename=doc.get("sitename"), hostname=doc.get("hostname"), url=doc.get("url") or url,
        date=date, date_source=date_source, captions=figcaptions(tree),
    )
    return parts
