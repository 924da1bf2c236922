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

# Measured on article-extraction-benchmark (eval/eval_extraction.py): see the report.
FAVOR_PRECISION = False
FAVOR_RECALL = False


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
                          favor_precision=favor_precision, favor_recall=favor_recall, as_dict=True)
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
    parts = HtmlParts(
        text=doc.get("text") or "", title=doc.get("title"), author=doc.get("author"),
        sitename=doc.get("sitename"), hostname=doc.get("hostname"), url=doc.get("url") or url,
        date=page_date(html, url), captions=figcaptions(html),
    )
    return parts
