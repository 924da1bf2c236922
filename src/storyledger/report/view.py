"""What every view of the ledger shows, worked out once from the store.

The terminal tables, the HTML report and the web app all read a ``LedgerView``
so that the three never disagree about a number, a hedge or a source count.
Pure functions over model objects; the store is only read in ``load_view``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from storyledger.model import Amount, Article, Claim, Fact, Ledger, Qualifier, Series, SeriesPoint
from storyledger.wording import fmt_amount, fmt_number  # noqa: F401  (fmt_number is part of the view API)
from storyledger.store import LedgerStore


@dataclass
class SourceRow:
    """One originating source across the story."""

    name: str
    claims: int = 0
    facts: int = 0
    first_published: Optional[str] = None
    first_article: Optional[str] = None
    first_text: Optional[str] = None
    corroborated: int = 0            # facts this source states that another source also states
    relayed_by: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class LedgerView:
    articles: list[Article]
    claims: list[Claim]
    ledger: Ledger
    articles_by_id: dict[str, Article]
    claims_by_id: dict[str, Claim]
    sources: list[SourceRow]

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles if a.outlet})

    @property
    def date_span(self) -> tuple[Optional[str], Optional[str]]:
        dates = sorted(a.published[:10] for a in self.articles if a.published)
        return (dates[0], dates[-1]) if dates else (None, None)

    def article_label(self, article_id: str) -> str:
        art = self.articles_by_id.get(article_id)
        if art is None:
            return article_id
        return art.title or art.source

    def claim_published(self, claim: Claim) -> Optional[str]:
        art = self.articles_by_id.get(claim.article)
        return art.published if art else None


def load_view(store: LedgerStore) -> LedgerView:
    articles = store.articles()
    claims = store.claims()
    return make_view(articles, claims, store.ledger())


def make_view(articles: list[Article], claims: list[Claim], ledger: Ledger) -> LedgerView:
    by_id = {a.id: a for a in articles}
    claims_by_id = {c.id: c for c in claims}
    return LedgerView(articles=articles, claims=claims, ledger=ledger, articles_by_id=by_id,
                      claims_by_id=claims_by_id, sources=source_rows(claims, ledger.facts, by_id))


def source_rows(claims: list[Claim], facts: list[Fact], articles: dict[str, Article]) -> list[SourceRow]:
    """Who said what first, how often others said the same, and who passed it on."""
    rows: dict[str, SourceRow] = {}
    relays: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        name = c.attribution.source
        if not name:
            continue
        row = rows.setdefault(name, SourceRow(name=name))
        row.claims += 1
        for v in c.attribution.via:
            relays[name][v] += 1
        art = articles.get(c.article)
        pub = art.published if art else None
        # the earliest dated claim wins; undated claims only when nothing dated is known
        if pub and (row.first_published is None or pub < row.first_published):
            row.first_published, row.first_article, row.first_text = pub, c.article, c.text
        elif row.first_text is None:
            row.first_article, row.first_text = c.article, c.text
    claim_source = {c.id: c.attribution.source for c in claims}
    for f in facts:
        names = {claim_source.get(cid) for cid in f.claims} - {None}
        names |= {s.name for s in f.sources}
        for name in names:
            row = rows.setdefault(name, SourceRow(name=name))
            row.facts += 1
            if len(names) > 1:
                row.corroborated += 1
    for name, row in rows.items():
        row.relayed_by = relays[name].most_common()
    return sorted(rows.values(), key=lambda r: (-r.claims, -r.facts, r.name.lower()))


# -- formatting shared by every view ---------------------------------------

def fmt_value(value: Optional[float], low: Optional[float], high: Optional[float],
              qualifier: Optional[Qualifier]) -> str:
    """A figure with its hedge, in the same words everywhere (storyledger.wording)."""
    return fmt_amount(Amount.model_construct(value=value, low=low, high=high, qualifier=qualifier,
                                             vague=qualifier == "vague"))


def fmt_span(start: Optional[str], end: Optional[str]) -> str:
    if not start and not end:
        return "undated"
    s, e = (start or end or "")[:10], (end or start or "")[:10]
    return s if s == e else f"{s} – {e}"


def point_value(p: SeriesPoint | Claim | Fact) -> str:
    return fmt_amount(p.amount)


def plot_value(p: SeriesPoint) -> Optional[float]:
    """The y a point is drawn at; None when the point has no number at all."""
    if p.value is not None:
        return p.value
    if p.low is not None and p.high is not None:
        return (p.low + p.high) / 2
    return p.low if p.low is not None else p.high


def drawable_points(s: Series) -> list[SeriesPoint]:
    """Points a chart draws: every point with a number (undated ones go in a side lane)."""
    return [p for p in s.points if plot_value(p) is not None]


def claim_figure(c: Claim) -> str:
    if c.kind != "figure":
        return ""
    return fmt_amount(c.amount)


def claim_tooltip(c: Claim) -> str:
    """One line naming what a highlighted sentence says and who says it."""
    parts = []
    if c.kind == "figure":
        what = " ".join(x for x in (claim_figure(c), c.population, c.counted) if x)
        parts.append(f"{what} ({c.measure or 'figure'})")
    elif c.kind == "quote":
        parts.append("quote")
    else:
        parts.append("statement")
    src = c.attribution.source or "unattributed"
    if c.attribution.via:
        src += " via " + ", ".join(c.attribution.via)
    parts.append(src)
    if c.as_of:
        parts.append("as of " + fmt_span(c.as_of.start, c.as_of.end))
    return " — ".join(parts)
