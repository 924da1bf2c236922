"""Report: the ledger as one self-contained HTML file (terminal tables live in ``terminal``).

The page is rendered by Jinja2 with autoescaping on; charts are SVG strings built in
``charts`` (which escapes every piece of text itself). CSS and JS are package files
inlined into the page, so the report works offline and from a mail attachment.
The web app renders the very same templates with ``app`` set (search box, upload form).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Optional

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from storyledger.report import charts
from storyledger.report.figures_table import figure_rows
from storyledger.report.highlight import highlight_body
from storyledger.report.view import (
    LedgerView, claim_figure, claim_tooltip, drawable_points, fmt_number, fmt_span, fmt_value,
    load_view, point_value,
)
from storyledger.store import LedgerStore

_HERE = Path(__file__).parent


def json_for_script(obj: Any) -> Markup:
    """JSON safe inside <script>: no ``</script>``, ``<!--`` or ``&`` can end or bend the tag."""
    text = json.dumps(obj, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    loaders = [FileSystemLoader(str(_HERE / "templates")),
               FileSystemLoader(str(_HERE.parent / "web" / "templates"))]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=fmt_number, span=fmt_span)
    env.globals.update(json_for_script=json_for_script, fmt_value=fmt_value, point_value=point_value,
                       claim_figure=claim_figure, claim_tooltip=claim_tooltip, static=static_text)
    return env


@lru_cache(maxsize=None)
def static_text(name: str) -> Markup:
    """A CSS/JS package file, inlined; these are our own files, never user input."""
    return Markup((files("storyledger.report") / "static" / name).read_text(encoding="utf-8"))


# The page shows at most this much of each list, so one file stays a few MB however large the
# corpus; what is left out is counted on the page and is all in `storyledger export` and the app's
# paged API. Small ledgers (the demo, a story of a few hundred articles) are shown whole.
LIMITS = dict(series=12, points=200, claims=1500, figures=1500, texts=40, index=2000, disagreements=100,
              side=10, timeline=300, sources=300)


def page_context(view: LedgerView, limits: Optional[dict] = None) -> dict[str, Any]:
    """Everything the templates need, computed once per render (lists cut to ``limits``)."""
    lim = {**LIMITS, **(limits or {})}
    led = view.ledger
    series = _series_cards(view, lim)
    articles = _article_index(view, lim)
    shown_claims = view.claims if len(view.claims) <= lim["claims"] else \
        sorted(view.claims, key=lambda c: view.claim_published(c) or "", reverse=True)[:lim["claims"]]
    disagreements = [d.model_copy(update={"side_a": d.side_a[:lim["side"]], "side_b": d.side_b[:lim["side"]]})
                     for d in led.disagreements[:lim["disagreements"]]]
    start, end = view.date_span
    outlets = {a.id: a.outlet or a.agency or "" for a in view.articles}
    outlets.update({c.article: _outlet(view, c.article) for c in shown_claims if c.article not in outlets})
    timeline = sorted(led.timeline, key=lambda t: (t.start or "9999", t.end or ""))
    fig_led = _figure_ledger(view, lim["figures"])
    if view.totals is not None:     # read the facts, claims and articles the table cites in batches
        facts = view.fact_lookup()
        facts.fetch(p.fact for s in fig_led.series for p in s.points)  # type: ignore[attr-defined]
        view.claims_by_id.fetch(c for s in fig_led.series for p in s.points if p.fact in facts  # type: ignore[attr-defined]
                                for c in facts[p.fact].claims)
        view.articles_by_id.fetch(view.claims_by_id[c].article for c in list(view.claims_by_id))  # type: ignore[attr-defined]
    figures = figure_rows(fig_led, view.claims_by_id, view.articles_by_id)
    shown = dict(series=(len(series), len(led.series)), claims=(len(shown_claims), view.n_claims),
                 figures=(min(len(figures), lim["figures"]), _figure_count(view)),
                 articles=(len(articles), view.n_articles),
                 texts=(sum(1 for x in articles if x["body"] is not None), view.n_articles),
                 disagreements=(len(disagreements), len(led.disagreements)),
                 timeline=(min(len(timeline), lim["timeline"]), view.n_timeline),
                 sources=(min(len(view.sources), lim["sources"]), len(view.sources)))
    return dict(
        view=view, led=led, series=series, articles=articles, hedge_key=Markup(charts.hedge_key()),
        span_start=start, span_end=end, measures=view.measures(), claim_sources=view.claim_sources(),
        outlets=outlets, kinds=view.kinds(), figures=figures[:lim["figures"]],
        claims=shown_claims, disagreement_cards=disagreements, shown=shown,
        sources=view.sources[:lim["sources"]], timeline=timeline[:lim["timeline"]],
        meta=dict(articles=view.n_articles, claims=view.n_claims, facts=view.n_facts,
                  series={f"chart-{i + 1}": len(x["points"]) for i, x in enumerate(series)},
                  disagreements=len(led.disagreements), timeline=view.n_timeline),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _outlet(view: LedgerView, article_id: str) -> str:
    art = view.articles_by_id.get(article_id)
    return (art.outlet or art.agency or "") if art else ""


def _sample_at(n_items: int, n: int) -> list[int]:
    """Positions of at most n of ``n_items`` items spread evenly, first and last kept (a chart keeps its shape)."""
    if n_items <= n:
        return list(range(n_items))
    step = (n_items - 1) / (n - 1)
    return [round(i * step) for i in range(n)]


def _point_counts(view: LedgerView) -> dict[str, int]:
    """How many points each source gives over all series."""
    if view.store is None:
        counts: dict[str, int] = {}
        for s in view.ledger.series:
            for p in s.points:
                name = p.source or "unattributed"
                counts[name] = counts.get(name, 0) + 1
        return counts
    out: dict[str, int] = {}
    for name, n in view.store.point_sources().items():
        out[name or "unattributed"] = out.get(name or "unattributed", 0) + n
    return out


def _series_cards(view: LedgerView, lim: dict) -> list[dict]:
    """The biggest series (in ledger order), each with its chart, legend and disagreements."""
    led = view.ledger
    # one colour per source across all charts, the most prolific first
    counts = _point_counts(view)
    sources = sorted(counts, key=lambda n: (-counts[n], n.lower()))
    biggest = {s.id for s in sorted(led.series, key=lambda s: -view.series_size(s)[0])[:lim["series"]]}
    shown_series = [s for s in led.series if s.id in biggest]     # biggest kept, in ledger order
    facts = view.fact_lookup()
    series_of = None
    if view.store is not None:      # which series tells each disagreement's claims (SQL, not every point)
        series_of = view.store.series_of_claims(c for d in led.disagreements for c in d.side_a + d.side_b)
    cards = []
    for i, s in enumerate(shown_series):
        if series_of is None:
            in_series = {c for p in s.points for c in p.claims}      # once per series, not per disagreement
            dis = [d for d in led.disagreements if d.series == s.id or not in_series.isdisjoint(d.side_a + d.side_b)]
        else:
            dis = [d for d in led.disagreements
                   if d.series == s.id or any(s.id in series_of.get(c, ()) for c in d.side_a + d.side_b)]
        all_points = view.series_size(s)[0]
        s = s.model_copy(update={"points": view.points_at(s, _sample_at(all_points, lim["points"]))})
        dis = dis[:lim["side"]]
        pts = drawable_points(s)
        used = [n for n in sources if any((p.source or "unattributed") == n for p in pts)]
        if view.totals is not None:
            facts.fetch(p.fact for p in s.points)  # type: ignore[attr-defined]
        told = _told(view, [facts[p.fact] for p in s.points if p.fact in facts])
        cards.append(dict(
            s=s, id=f"series-{i + 1}", points=pts, disagreements=dis,
            svg=Markup(charts.series_chart(s, sources, dis, chart_id=f"chart-{i + 1}", told=told)),
            legend=[(n, Markup(charts.legend_swatch(sources.index(n)))) for n in used],
            all_points=all_points,
        ))
    return cards


def _told(view: LedgerView, facts: list) -> dict[str, tuple[str, str]]:
    """Each fact's first outlet and sentence (a chart point's tooltip)."""
    told: dict[str, tuple[str, str]] = {}
    if view.totals is not None:
        view.claims_by_id.fetch(f.claims[0] for f in facts if f.claims)  # type: ignore[attr-defined]
    for f in facts:
        c = next((view.claims_by_id[c] for c in f.claims if c in view.claims_by_id), None)
        if c is not None:
            told[f.id] = (_outlet(view, c.article), c.text.strip())
    return told


def _article_index(view: LedgerView, lim: dict) -> list[dict]:
    """An index of articles (newest first when cut), with the text of the first few."""
    index = view.articles if len(view.articles) <= lim["index"] else \
        sorted(view.articles, key=lambda a: a.published or "", reverse=True)[:lim["index"]]
    counts = view.claim_counts()
    out = []
    for k, a in enumerate(index):
        claims = [view.claims_by_id[c] for c in _claim_ids(view, a.id)] if k < lim["texts"] else None
        out.append(dict(a=a, n_claims=counts.get(a.id, 0),
                        body=Markup(highlight_body(a, claims)) if claims is not None else None))
    return out


def _claim_ids(view: LedgerView, article_id: str) -> list[str]:
    if view.totals is None:
        return [c.id for c in view.claims if c.article == article_id]
    return view.totals.claim_ids.get(article_id, [])


def _figure_ledger(view: LedgerView, limit: int):
    """The series whose rows fill the figures table up to ``limit`` rows (all rows of each, for the
    ranges at each date): the rows after them are never shown, so their claims are never read."""
    kept, n = [], 0
    for s in view.ledger.series:
        if n >= limit:
            break
        kept.append(s)
        n += view.series_size(s)[1]
    kept = view.whole_series(kept)
    facts = view.fact_lookup()
    if view.totals is not None:     # one read for all, not one a fact
        facts.fetch(p.fact for s in kept for p in s.points if view.has_fact(p.fact))  # type: ignore[attr-defined]
    return view.ledger.model_copy(update={"series": kept, "facts": [facts[p.fact] for s in kept
                                                                    for p in s.points if view.has_fact(p.fact)]})


def _figure_count(view: LedgerView) -> int:
    return sum(view.series_size(s)[1] for s in view.ledger.series)


def render_view(view: LedgerView, *, app: Optional[dict] = None) -> str:
    ctx = page_context(view)
    ctx["app"] = app
    return environment().get_template("report.html").render(**ctx)


def render_report(store: LedgerStore) -> str:
    return render_view(load_view(store))


def write_report(store: LedgerStore, out_file: str | Path) -> Path:
    path = Path(out_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(store), encoding="utf-8")
    return path
