"""Shared by the held-out extraction tests: figures of hand-written articles as comparable rows."""
from __future__ import annotations

from storyledger import extract
from storyledger.model import Article

Row = tuple  # (value, low, high, qualifier, measure, source, as_of start, as_of end)


def figure_rows(articles: list[Article]) -> dict[str, list[Row]]:
    """Body figures with a value, per article id, through the real extractor."""
    out: dict[str, list[Row]] = {}
    for art, claims in extract.extract_claims(articles, nlp=extract.load_nlp()):
        out[art.id] = [
            (c.value, c.low, c.high, c.qualifier, c.measure, c.attribution.source,
             c.as_of.start if c.as_of else None, c.as_of.end if c.as_of else None)
            for c in claims if c.kind == "figure" and c.field == "body" and c.value is not None]
    return out


def people(figs: list[Row]) -> list[Row]:
    return sorted((f for f in figs if f[4] != "other"), key=lambda f: f[0])


def others(figs: list[Row]) -> list[float]:
    return sorted(f[0] for f in figs if f[4] == "other")
