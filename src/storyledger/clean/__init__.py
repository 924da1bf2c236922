"""Clean: RawDocument -> Article (furniture removed, title, byline, outlet, date).

``clean_document`` works on one document alone; ``finalize_corpus`` does what needs the
whole run: years taken from sibling articles, and near-duplicate links.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Optional

from storyledger.clean import dates
from storyledger.clean.dedupe import article_id, duplicate_links
from storyledger.clean.html import parse_html
from storyledger.clean.language import detect
from storyledger.clean.published import update_day, weigh
from storyledger.clean.text import (
    _BYLINE, _LEAD_CREDIT, _NAV, _TERMINAL, Parsed, _credit, _sentence_like, _wire_credit, domain_of, outlet_for_domain, outlet_for_name, parse_text, period_line, wire_name,
)
from storyledger.words import line_key, parse_iso_date
from storyledger.model import Article, DateCandidate, RawDocument, TimeSpan

__all__ = ["CleanError", "clean_document", "finalize_corpus", "article_id"]

MIN_BODY_WORDS = 5          # fewer words than this is a menu or a stub, not an article


class CleanError(Exception):
    """The document has no usable article text; the message is one line for the user."""


def clean_document(raw: RawDocument) -> Article:
    """One document -> one Article; CleanError when nothing usable is left."""
    if raw.text is not None and raw.text.strip():
        parsed = parse_text(raw.text, title_hint=raw.title)
        outlet = parsed.outlet
        html_date = None
    elif raw.html is not None and raw.html.strip():
        try:
            parsed, outlet, html_date = _from_html(raw)
        except Exception as exc:   # lxml/trafilatura on broken markup: one line, not a traceback
            raise CleanError(f"{raw.source}: HTML could not be parsed ({type(exc).__name__})") from None
    else:
        raise CleanError(f"{raw.source}: no text in this document")

    body = "\n\n".join(parsed.paragraphs).strip()
    if _size(body) < MIN_BODY_WORDS:
        raise CleanError(f"{raw.source}: no article text found (only page furniture or a few words)")
    if not outlet and raw.url:
        outlet = outlet_for_domain(domain_of(raw.url) or "")

    published, basis, evidence, candidates = weigh(raw, parsed, html_date, body)
    period = parsed.period or next(((*p, x) for x in parsed.paragraphs[:8] if (p := period_line(x))), None)
    return Article(
        id=article_id(body), source=raw.source, kind=raw.kind, url=raw.url, title=parsed.title,
        outlet=outlet, agency=parsed.agency, authors=parsed.authors, published=published,
        published_basis=basis, published_evidence=evidence, published_candidates=candidates,
        updated=update_day(parsed.head_datelines, published), fetched_at=raw.fetched_at,
        language=parsed.language, body=body, captions=parsed.captions,
        period=TimeSpan(start=period[0], end=period[1], granularity="day" if period[0] == period[1] else "range",
                        text=period[2], basis="explicit") if period else None,
    )


def _size(text: str) -> int:
    """Words, counting two CJK characters as one (Chinese and Japanese put no spaces between words)."""
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text))
    return len(text.split()) + cjk // 2


def _from_html(raw: RawDocument) -> tuple[Parsed, Optional[str], Optional[tuple[str, str]]]:
    parts = parse_html(raw.html or "", raw.url)
    lines = [" ".join(x.split()) for x in parts.text.split("\n") if x.strip()]
    captions = [c for c in parts.captions]
    capkeys = {" ".join(c.split()).casefold() for c in captions}
    paras = [x for x in lines if x.casefold() not in capkeys]
    title = raw.title or parts.title
    paras = _trim_head(paras, {line_key(t) for t in (title, parts.title) if t})
    credit = Parsed()
    if parts.author:
        _credit(parts.author, credit)        # a wire named as author is the agency, not a person
    authors, agency = credit.authors, credit.agency
    if paras:
        m = re.search(r"\((?P<wire>[^()]{2,40})\)\s*$", paras[-1])
        if m and wire_name(m.group("wire")):
            agency = agency or wire_name(m.group("wire"))
    url = raw.url or parts.url
    outlet = None
    if parts.sitename:
        outlet = outlet_for_name(parts.sitename)
    if not outlet and (domain_of(url) or parts.hostname):
        outlet = outlet_for_domain(domain_of(url) or parts.hostname or "")
    if paras:
        m = _LEAD_CREDIT.match(paras[0])
        if m and not agency:
            agency = _wire_credit(m.group("wire"), "\n".join([title or "", *paras]),
                                  (outlet, parts.sitename, parts.author))
    parsed = Parsed(title=title, authors=authors, agency=agency, outlet=outlet,
                    language=detect("\n".join(paras)), paragraphs=paras, captions=captions)
    return parsed, outlet, (parts.date, parts.date_source or "") if parts.date else None


def _trim_head(paras: list[str], titles: set[str]) -> list[str]:
    """Lines trafilatura keeps above the first sentence: the <h1> again, section crumbs, a dateline."""
    out = list(paras)
    while out and not _sentence_like(out[0], 12) and len(out[0].split()) <= 15:
        line = out[0]
        if line_key(line) in titles or _NAV.search(line) or dates.dateline(line) or _BYLINE.match(line) \
                or (len(line.split()) <= 2 and not _TERMINAL.search(line)):
            out.pop(0)
        else:
            break
    return out


REF_BASES = ("explicit", "relative", "inferred")     # dates an article earned alone
UNDATED = ("unknown", "corpus")                      # dates the corpus pass may give or change


def finalize_corpus(articles: list[Article]) -> list[Article]:
    """Corpus-level fixes (year from siblings, near-duplicate links); returns changed articles.

    Only dates that an article earned alone (explicit, relative, inferred) serve as references,
    so running this twice gives the same answer and changes nothing the second time.
    (The build keeps the same answer up to date incrementally: storyledger.corpus_index.)
    """
    corpus = dates.CorpusDates.of(ref_days(a.published for a in articles if a.published_basis in REF_BASES))
    updates = date_updates(articles, corpus)
    # published dates decide which of two near-copies is the original
    current = [a.model_copy(update=updates.get(a.id, {})) for a in articles]
    for aid, dup in duplicate_links(current).items():
        updates.setdefault(aid, {})["duplicate_of"] = dup
    return changed_articles(articles, updates)


def ref_days(published: Iterable[Optional[str]]) -> list[dt.date]:
    return [d for d in (parse_iso_date(p) for p in published if p) if d]


def date_updates(articles: Iterable[Article], corpus: Optional[dates.CorpusDates]) -> dict[str, dict]:
    """New dates for undated articles from their siblings' summary (``corpus``); id -> fields."""
    updates: dict[str, dict] = {}
    for a in articles:
        if corpus is None or a.published_basis not in UNDATED:
            continue
        # siblings may give the year of a month-day the text prints (its weekday confirms it);
        # they never choose a week: an article whose text settles no day stays unknown
        got = dates.infer_date(dates.collect_hints(a.body, a.captions), corpus)
        if not got:
            lo, hi = corpus.window()
            updates[a.id] = dict(date_window=[lo.isoformat(), hi.isoformat()])
        else:
            cand = DateCandidate(date=got[0], basis=got[1], evidence=got[2], taken=True,
                                 why="year from sibling articles, confirmed by the weekday")
            kept = [c.model_copy(update={"taken": False}) for c in a.published_candidates if c.basis != "corpus"]
            updates[a.id] = dict(published=got[0], published_basis=got[1], published_evidence=got[2],
                                 published_candidates=kept + [cand], date_window=None)
    return updates


def changed_articles(articles: Iterable[Article], updates: dict[str, dict]) -> list[Article]:
    """The articles whose fields ``updates`` really changes, with the changes applied."""
    changed = []
    for a in articles:
        upd = {k: v for k, v in updates.get(a.id, {}).items() if getattr(a, k) != v}
        if upd:
            changed.append(a.model_copy(update=upd))
    return changed
