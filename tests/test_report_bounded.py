"""The report stays one file of bounded size: each list is cut to a fixed limit and says so."""
from __future__ import annotations

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
