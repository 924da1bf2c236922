"""The report and the app in a real browser (Debian's Chromium through Playwright).

The demo corpus is built once per session with the real pipeline; chart expectations are
read from the ledger it produced, not guessed. Screenshots land in build/screenshots/.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium not installed (make browser installs Debian's chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from storyledger.report import write_report  # noqa: E402
from storyledger.report.view import drawable_points  # noqa: E402
from storyledger.store import LedgerStore  # noqa: E402
from test_report import make_store  # noqa: E402


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> dict:
    from storyledger import pipeline
    from storyledger.cli import demo_corpus_dir

    src = demo_corpus_dir()
    if not any(p.suffix in (".txt", ".html", ".jsonl") for p in src.iterdir()):
        pytest.skip(f"demo corpus not present in {src}")
    tmp = tmp_path_factory.mktemp("demo")
    db = tmp / "ledger.db"
    pipeline.build([src], db)
    with LedgerStore(db, readonly=True) as st:
        report = write_report(st, tmp / "report.html")
        led = st.ledger()
        claims = st.claims()
        expected = [len(drawable_points(s)) for s in led.series]
    return dict(db=db, report=report, expected=expected, claims=claims)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page that records console errors, uncaught exceptions, dialogs and off-machine requests."""

    def __init__(self, browser, width: int = 1200):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.external: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)

    def _dialog(self, d) -> None:
        self.dialogs.append(d.message)
        d.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file://", "http://127.0.0.1", "data:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def clean(self) -> None:
        assert self.errors == [] and self.dialogs == [] and self.external == []

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / name), full_page=True)

    def close(self) -> None:
        self.page.close()


@contextlib.contextmanager
def serving(db: Path, data_dir: Path):
    """uvicorn on 127.0.0.1 on a free port in a thread; stopped on exit."""
    import uvicorn

    from storyledger.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), str(data_dir)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("the app server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _chart_counts(page) -> list[int]:
    return page.eval_on_selector_all("figure.series", "fs => fs.map(f => f.querySelectorAll('[data-point]').length)")


def _visible_rows(page) -> int:
    return page.eval_on_selector_all("#ledger-table tbody tr", "rs => rs.filter(r => !r.hidden).length")


def test_report_charts_and_filter(browser, demo):
    w = Watched(browser)
    w.page.goto(demo["report"].as_uri())
    counts = _chart_counts(w.page)
    assert counts == demo["expected"]
    assert len(counts) >= 2 and sum(counts) >= 5  # the demo story has several sourced series
    w.shot("report.png")
    # a filter changes what is shown: pick the rarest measure that has claims
    measures = [c.measure for c in demo["claims"] if c.measure]
    rare = min(set(measures), key=lambda m: (measures.count(m), m))
    total = _visible_rows(w.page)
    assert total == len(demo["claims"])
    w.page.select_option('select[data-filter="measure"]', rare)
    assert _visible_rows(w.page) == measures.count(rare) < total
    assert w.page.text_content("#ledger-count") == f"{measures.count(rare)} of {total} claims"
    # sorting by a header click
    w.page.click("#ledger-table thead th:nth-child(4) button")
    assert w.page.get_attribute("#ledger-table thead th:nth-child(4)", "aria-sort") == "ascending"
    w.clean()
    w.close()


def test_report_in_a_narrow_window(browser, demo):
    w = Watched(browser, width=390)
    w.page.goto(demo["report"].as_uri())
    overflow = w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    w.page.set_viewport_size({"width": 390, "height": 1400})
    w.page.screenshot(path=str(SHOTS / "report-narrow.png"))
    w.clean()
    w.close()


def test_hostile_article_renders_as_text(browser, tmp_path):
    db = make_store(tmp_path / "hostile.db")
    with LedgerStore(db, readonly=True) as st:
        report = write_report(st, tmp_path / "hostile.html")
    w = Watched(browser)
    w.page.goto(report.as_uri())
    assert 'Flood <script>alert("t")</script> update' in w.page.text_content("#articles")
    assert w.page.eval_on_selector_all("#articles img, #articles a[href^='javascript']", "x => x.length") == 0
    with serving(db, tmp_path / "data") as base:
        w.page.goto(base + "/")
        assert w.page.locator("figure.series [data-point]").count() == 4
        w.page.goto(base + "/search?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    w.clean()
    w.close()


@pytest.fixture
def demo_app(demo, tmp_path):
    """The app serving a copy of the demo ledger: (base URL, ledger path)."""
    import shutil

    db = tmp_path / "app.db"
    shutil.copy(demo["db"], db)
    with serving(db, tmp_path / "data") as base:
        yield base, db


def test_app_pages_search_and_docs(browser, demo, demo_app):
    base, db = demo_app
    w = Watched(browser)
    w.page.goto(base + "/")
    assert _chart_counts(w.page) == demo["expected"]
    w.shot("app.png")
    # the ledger filter works in the app as well, preset from the address
    some = next(c.attribution.source for c in demo["claims"] if c.attribution.source)
    w.page.goto(base + "/?source=" + some.replace(" ", "+") + "#ledger")
    assert _visible_rows(w.page) == sum(1 for c in demo["claims"] if c.attribution.source == some)
    # search: a word of the first claim, typed into the box
    with LedgerStore(db, readonly=True) as st:
        word = next(t for t in demo["claims"][0].text.split() if t.isalpha() and len(t) > 5)
        hits = st.search(word)
    w.page.goto(base + "/")
    w.page.fill("#q", word)
    w.page.press("#q", "Enter")
    w.page.wait_for_url("**/search?q=*")
    assert w.page.locator("#claim-hits li").count() == len(hits["claims"]) > 0
    assert w.page.locator("#article-hits li").count() == len(hits["articles"])
    w.shot("search.png")
    # API docs render from local files
    w.page.goto(base + "/docs")
    w.page.wait_for_selector(".opblock", timeout=15000)
    w.shot("docs.png")
    w.clean()
    w.close()


def _figures_outlets_tooltip(page, demo) -> None:
    """The figures table, the ledger's outlet column, a chart tooltip naming outlet, source and sentence."""
    with LedgerStore(demo["db"], readonly=True) as st:
        led = st.ledger()
        arts = {a.id: a for a in st.articles()}
    rows = page.locator("#figures-table tbody tr")
    assert rows.count() == sum(len(s.points) for s in led.series) > 0
    kw = page.locator("#figures-table tbody tr", has_text="Volodymyr Zelensky").filter(has_text="at least 3,000")
    assert kw.count() == 1 and "Northgate Post" in kw.locator("td.outlets").inner_text()
    # the ledger table's outlet column: each row's outlet is its article's
    first = page.locator("#ledger-table tbody tr").first
    outlet = first.locator("td.outlet").inner_text()
    art = arts[first.get_attribute("data-article")]
    assert outlet == (art.outlet or art.agency or "")
    # a chart point's tooltip names the source, the outlet that carried it and the sentence
    title = page.locator("svg.chart g[data-point] title").first.text_content()
    assert "carried by " in title and "“" in title and ":" in title
    # kind filter and text search on the ledger table
    page.select_option('select[data-filter="kind"]', "figure")
    n_fig = sum(1 for c in demo["claims"] if c.kind == "figure")
    assert _visible_rows(page) == n_fig
    page.fill("input[data-search]", "Pentagon")
    shown = _visible_rows(page)
    assert 0 < shown < n_fig


def test_report_figures_table_outlets_and_tooltip(browser, demo):
    w = Watched(browser)
    w.page.goto(demo["report"].as_uri())
    _figures_outlets_tooltip(w.page, demo)
    w.shot("figures-table.png")
    w.clean()
    w.close()


def test_app_figures_table_outlets_and_tooltip(browser, demo, demo_app):
    base, _db = demo_app
    w = Watched(browser)
    w.page.goto(base + "/")
    _figures_outlets_tooltip(w.page, demo)
    w.clean()
    w.close()
