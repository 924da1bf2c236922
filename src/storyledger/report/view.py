"""What every view of the ledger shows, worked out once from the store.

The terminal tables, the HTML report and the web app all read a ``LedgerView``
so that the three never disagree about a number, a hedge or a source count.
Pure functions over model objects; the store is only read in ``load_view``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Optional

from storyledger.model import Amount, Article, Claim, Fact, Ledger, Qualifier, Series, SeriesPoint
from storyledger.wording import fmt_amount, fmt_number  # noqa: F401  (fmt_number is part of the view API)
from storyledger.store import LedgerStore, name_counts


@dataclass
class SourceRow:
    """One originating source across the story."""

    name: str
    claims: int = 0
    facts: int = 0
    timeline: int = 0
    first_published: Optional[str] = None
    first_article: Optional[str] = None
    first_text: Optional[str] = None
    corroborated: int = 0            # facts this source states that another source also states
    relayed_by: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Totals:
    """What a page says about all articles and claims when the view holds only those it shows."""

    articles: int
    claims: int
    outlets: list[str]
    date_span: tuple[Optional[str], Optional[str]]
    measures: list[str]
    kinds: list[str]
    claim_sources: list[str]
    claims_per_article: dict[str, int]
    claim_ids: dict[str, list[str]]          # the claims of the articles whose text is shown
    facts: int = 0
    timeline: int = 0


@dataclass
class LedgerView:
    articles: list[Article]
    claims: list[Claim]
    ledger: Ledger
    articles_by_id: Mapping[str, Article]
    claims_by_id: Mapping[str, Claim]
    sources: list[SourceRow]
    # set by ``load_view`` on a big ledger: ``articles``/``claims`` are then the newest only (what a
    # page lists), ``ledger.facts`` is empty and the lookups read the store on demand
    totals: Optional[Totals] = None
    facts_by_id: Optional[Mapping[str, Fact]] = None
    fact_ids: Optional[set[str]] = None
    # a big ledger's series come without their points (``ledger.series[i].points`` is empty): their
    # sizes are counted in SQL and the points a page shows are read from ``store`` by position
    store: Optional[LedgerStore] = None
    series_sizes: Optional[dict[str, tuple[int, int]]] = None

    def series_size(self, s: Series) -> tuple[int, int]:
        """(points, points whose fact is in the ledger) of one series."""
        if self.series_sizes is None:
            return len(s.points), sum(1 for p in s.points if self.has_fact(p.fact))
        return self.series_sizes.get(s.id, (0, 0))

    def points_at(self, s: Series, indices: list[int]) -> list[SeriesPoint]:
        if self.store is None:
            return [s.points[k] for k in indices]
        return self.store.series_points_at(s.id, indices)

    def whole_series(self, series: list[Series]) -> list[Series]:
        """The series with every point, in the order given."""
        if self.store is None:
            return series
        got = {x.id: x for x in self.store.series_by_id([x.id for x in series])}
        return [got[x.id] for x in series if x.id in got]

    def fact_lookup(self) -> Mapping[str, Fact]:
        if self.facts_by_id is None:
            self.facts_by_id = {f.id: f for f in self.ledger.facts}
        return self.facts_by_id

    def has_fact(self, fact_id: str) -> bool:
        if self.fact_ids is None:
            self.fact_ids = {f.id for f in self.ledger.facts}
        return fact_id in self.fact_ids

    @property
    def n_timeline(self) -> int:
        return self.totals.timeline if self.totals else len(self.ledger.timeline)

    @property
    def n_facts(self) -> int:
        return self.totals.facts if self.totals else len(self.ledger.facts)

    @property
    def outlets(self) -> list[str]:
        if self.totals:
            return self.totals.outlets
        return sorted({a.outlet for a in self.articles if a.outlet})

    @property
    def date_span(self) -> tuple[Optional[str], Optional[str]]:
        if self.totals:
            return self.totals.date_span
        dates = sorted(a.published[:10] for a in self.articles if a.published)
        return (dates[0], dates[-1]) if dates else (None, None)

    @property
    def n_articles(self) -> int:
        return self.totals.articles if self.totals else len(self.articles)

    @property
    def n_claims(self) -> int:
        return self.totals.claims if self.totals else len(self.claims)

    def measures(self) -> list[str]:
        return self.totals.measures if self.totals else sorted({c.measure for c in self.claims if c.measure})

    def kinds(self) -> list[str]:
        return self.totals.kinds if self.totals else sorted({c.kind for c in self.claims})

    def claim_sources(self) -> list[str]:
        if self.totals:
            return self.totals.claim_sources
        return sorted({c.attribution.source for c in self.claims if c.attribution.source}, key=str.lower)

    def claim_counts(self) -> dict[str, int]:
        if self.totals:
            return self.totals.claims_per_article
        return dict(Counter(c.article for c in self.claims))

    def article_label(self, article_id: str) -> str:
        art = self.articles_by_id.get(article_id)
        if art is None:
            return article_id
        return art.title or art.source

    def claim_published(self, claim: Claim) -> Optional[str]:
        art = self.articles_by_id.get(claim.article)
        return art.published if art else None


def load_view(store: LedgerStore, limits: Optional[dict] = None, *, whole: bool = False) -> LedgerView:
    """The view of a ledger. A small one (or any, with ``whole``) is read whole; a big one (more
    claims or articles than a page lists, ``report.LIMITS``) reads the newest articles and claims,
    counts and lists the rest with SQL, and looks facts, claims and articles up by id as the page
    needs them (the store must stay open while the page is made)."""
    from storyledger.report import LIMITS
    lim = {**LIMITS, **(limits or {})}
    n_articles, n_claims = store.count("articles"), store.count("claims")
    if whole or n_claims <= lim["claims"] and n_articles <= lim["index"]:
        return make_view(store.articles(), store.claims(), store.ledger())
    led = store.ledger_without_facts(lim["timeline"])
    # a list that fits is shown whole in ledger order; one that does not, its newest (as page_context cuts)
    articles = store.articles() if n_articles <= lim["index"] else store.newest_articles(lim["index"])
    claims = store.claims() if n_claims <= lim["claims"] else store.newest_claims(lim["claims"])
    counts = store.claim_counts([a.id for a in articles])
    summary = store.claims_summary()
    totals = Totals(articles=n_articles, claims=n_claims, outlets=store.outlets(), date_span=store.date_span(),
                    measures=summary["measures"], kinds=summary["kinds"],
                    claim_sources=sorted(summary["sources"], key=str.lower),
                    claims_per_article={a.id: counts.get(a.id, 0) for a in articles},
                    claim_ids={a.id: store.claim_ids_of(a.id) for a in articles[:lim["texts"]]},
                    facts=store.count("facts"), timeline=store.count("timeline"))
    by_article = _ById(store.articles_by_id, {a.id: a for a in articles})
    by_claim = _ById(store.claims_by_id, {c.id: c for c in claims})
    by_claim.fetch(c for ids in totals.claim_ids.values() for c in ids)
    return LedgerView(articles=articles, claims=claims, ledger=led, articles_by_id=by_article,
                      claims_by_id=by_claim, sources=store_source_rows(store), totals=totals,
                      facts_by_id=_ById(store.facts_by_id, {}), fact_ids=store.fact_ids(),
                      store=store, series_sizes=store.series_sizes())


class _ById(Mapping):
    """Claims or articles by id, read from the store on first use (in batches with ``fetch``)."""

    def __init__(self, read, known: dict):
        self.read, self.known, self.absent = read, dict(known), set()

    def fetch(self, ids: Iterable[str]) -> None:
        todo = [i for i in dict.fromkeys(ids) if i not in self.known and i not in self.absent]
        if todo:
            got = {x.id: x for x in self.read(todo)}
            self.known.update(got)
            self.absent.update(i for i in todo if i not in got)

    def __getitem__(self, key: str):
        self.fetch([key])
        if key in self.absent:
            raise KeyError(key)
        return self.known[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self.fetch([key])
        return key in self.known

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def store_source_rows(store: LedgerStore) -> list[SourceRow]:
    """``source_rows`` from SQL aggregates over the claims (no claim is read whole but the first
    claim of each source and the claims that name a relay)."""
    rows: dict[str, SourceRow] = {}
    for name, n, first_pub, first_article, first_text in store.source_firsts():
        rows[name] = SourceRow(name=name, claims=n, first_published=first_pub or None,
                               first_article=first_article, first_text=first_text)
    relays: dict[str, Counter] = defaultdict(Counter)
    for name, via in store.relayed_claims():
        for v in via:
            relays[name][v] += 1
    return _with_facts(rows, relays, store.fact_name_counts())


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
    return _with_facts(rows, relays, name_counts(({claim_source.get(cid) for cid in f.claims} - {None})
                                                 | {s.name for s in f.sources} for f in facts))


def _with_facts(rows: dict[str, SourceRow], relays: dict[str, Counter],
                counts: Iterable[tuple[str, int, int]]) -> list[SourceRow]:
    """Each source's facts (and those another source states too), from ``name_counts``; rows sorted."""
    for name, n, corroborated in counts:
        row = rows.setdefault(name, SourceRow(name=name))
        row.facts += n
        row.corroborated += corroborated
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
