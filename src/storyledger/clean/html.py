"""HTML pages: main text and metadata with trafilatura, the date with htmldate."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Optional

import lxml.html
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
    captions: list[str] = field(default_factory=list)


def extract_main(html: str, url: Optional[str] = None, *, favor_precision: bool = FAVOR_PRECISION,
                 favor_recall: bool = FAVOR_RECALL) -> Optional[dict]:
    """trafilatura's main text and metadata as a dict (None when it finds nothing)."""
    doc = bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                          favor_precision=favor_precision, favor_recall=favor_recall)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def page_date(html: str, url: Optional[str] = None) -> Optional[str]:
    """htmldate's publication date: extensive search, original (not last-modified) date."""
    try:
        return find_date(html, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:        # htmldate raises on odd markup; a page without a date is not an error
        return None


def figcaptions(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
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
    parts = HtmlParts(
        text=doc.get("text") or "", title=doc.get("title"), author=doc.get("author"),
        sitename=doc.get("sitename"), hostname=doc.get("hostname"), url=doc.get("url") or url,
        date=page_date(html, url), captions=figcaptions(html),
    )
    return parts
