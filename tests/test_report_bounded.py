"""The report stays one file of bounded size: each list is cut to a fixed limit and says so."""
from __future__ import annotations

import pytest
from test_report import make_store

from storyledger.report import LIMITS, page_context, render_view
from storyledger.report.view import load_view
from storyledger.store import LedgerStore


def _render(tmp_path, **limits) -> str:
    db = make_store(tmp_path / "l.db")
    with LedgerStore(db, readonly=True) as st:
        view = load_view(st)
    ctx_all = page_context(view)
    assert ctx_all["shown"]["claims"][0] == ctx_all["shown"]["claims"][1]    # small ledgers are shown whole
    from storyledger import report
    old = dict(report.LIMITS)
    report.LIMITS.update(limits)
    try:
        return render_view(view)
    finally:
        report.LIMITS.clear()
        report.LIMITS.update(old)


def test_whole_when_small(tmp_path):
    html = _render(tmp_path)
    assert "Showing " not in html and html.count('class="story"') == 3 and html.count('class="body"') == 3


def test_cut_lists_are_counted_on_the_page(tmp_path):
    html = _render(tmp_path, claims=2, texts=1, index=2, timeline=1)
    assert "Showing 2 of 3 articles (the newest)" in html
    assert html.count('class="story"') == 2 and html.count('class="body"') == 1
    assert "Texts are included for the first 1;" in html
    assert html.count('<tr data-measure=') == 2 and "Showing 2 of " in html
    assert "Showing 1 of 2 timeline entries (the earliest)" in html


def test_limits_bound_every_list():
    # the page's size is a sum of these: none of them grows with the corpus
    assert set(LIMITS) == {"series", "points", "claims", "figures", "texts", "index", "disagreements", "side",
                           "timeline", "sources"}
    assert all(isinstance(v, int) and 0 < v <= 2000 for v in LIMITS.values())


@pytest.mark.parametrize("index", [2, 100])     # the article index cut, or whole in ledger order
def test_big_ledger_view_reads_only_what_the_page_shows(tmp_path, index):
    """A ledger bigger than the limits is read in part (newest rows, SQL counts, lookups on demand)
    and renders the very page the whole view renders under the same limits."""
    from storyledger import report
    db = make_store(tmp_path / "l.db")
    limits = dict(claims=2, texts=1, index=index, timeline=1, figures=1, side=1, disagreements=1, sources=2, points=2)
    with LedgerStore(db, readonly=True) as st:
        whole = load_view(st)
        part = load_view(st, limits)
        assert whole.totals is None and part.totals is not None
        assert len(part.claims) == 2 and len(part.articles) == min(index, len(whole.articles))
        assert part.n_claims == len(whole.claims) and part.n_articles == len(whole.articles)
        assert part.sources == whole.sources and part.outlets == whole.outlets
        assert part.date_span == whole.date_span and part.claim_sources() == whole.claim_sources()
        old = dict(report.LIMITS)
        report.LIMITS.update(limits)
        try:
            pages = [render_view(v).split('Made by storyledger')[0] for v in (whole, part)]
        finally:
            report.LIMITS.clear()
            report.LIMITS.update(old)
    assert pages[0] == pages[1]
