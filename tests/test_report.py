"""The HTML report: self-contained, charts that count right, hedges drawn, hostile text escaped.

The fixture is a small invented story (a river flood) written for these tests, stored
through the real LedgerStore; the other view tests import ``make_store`` from here.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyledger.model import (
    Article, Attribution, Claim, Disagreement, Fact, FactSource, Ledger, Series, SeriesPoint, TimelineEntry,
    TimeSpan,
)
from storyledger.report import json_for_script, render_report, write_report
from storyledger.report.view import fmt_value, load_view
from storyledger.store import LedgerStore

HOSTILE_TITLE = 'Flood <script>alert("t")</script> update'
HOSTILE_BODY = ('Officials said 300 homes were flooded. <img src=x onerror=alert(1)> '
                'See <a href="javascript:alert(2)">this</a> and </p><b>broken <i>markup\n\n'
                'The Red Cross said at least 40 people were evacuated on Monday.')


def _claim(cid, art, text, start, **kw) -> Claim:
    att = Attribution(source=kw.pop("source", None), via=kw.pop("via", []))
    return Claim(id=cid, article=art, kind=kw.pop("kind", "figure"), text=text, char_start=start,
                 char_end=start + len(text), attribution=att, **kw)


def make_articles() -> list[Article]:
    b1 = ("The regional emergency office said about 1,200 people had left their homes by Sunday.\n\n"
          "\"We are moving everyone from the low streets,\" the office's director said.")
    b2 = ("Up to 2,000 residents may have been displaced, the Red Cross said on Tuesday, citing "
          "volunteers on the ground.\n\nThe office put the figure at 1,500.")
    return [
        Article(id="a1", source="one.txt", title="River rises over the valley", outlet="Valley Courier",
                published="2025-03-02", published_basis="explicit", body=b1),
        Article(id="a2", source="two.txt", title="Thousands leave flooded towns", outlet="Wire Daily",
                agency="Wire Agency", published="2025-03-04", published_basis="inferred", body=b2,
                captions=["Boats on a flooded street."]),
        Article(id="a3", source="three.html", title=HOSTILE_TITLE, outlet="Evil <b>Outlet</b>",
                url="javascript:alert(3)", published="2025-03-05", body=HOSTILE_BODY),
    ]


def make_claims(arts: list[Article]) -> list[Claim]:
    a1, a2, a3 = arts
    s1 = a1.body.split("\n\n")[0]
    s2 = a1.body.split("\n\n")[1]
    t1 = a2.body.split("\n\n")[0]
    t2 = a2.body.split("\n\n")[1]
    h1 = "Officials said 300 homes were flooded."
    h2 = a3.body.split("\n\n")[1]
    return [
        _claim("c1", "a1", s1, 0, value=1200, qualifier="approximately", measure="displaced",
               source="Regional Emergency Office", number_text="about 1,200",
               as_of=TimeSpan(start="2025-02-24", end="2025-03-02", granularity="week")),
        _claim("c2", "a1", s2, len(s1) + 2, kind="quote", quote="We are moving everyone from the low streets",
               source="Regional Emergency Office"),
        _claim("c3", "a2", t1, 0, value=2000, high=2000, qualifier="at_most", measure="displaced",
               source="Red Cross", via=["Wire Agency"], as_of=TimeSpan(start="2025-03-04", end="2025-03-04")),
        _claim("c4", "a2", t2, len(t1) + 2, value=1500, qualifier="exact", measure="displaced",
               source="Regional Emergency Office", via=["Wire Agency"]),
        _claim("c5", "a3", h1, 0, value=300, qualifier="exact", measure="other",
               source='<script>alert("s")</script>'),
        _claim("c6", "a3", h2, a3.body.index(h2), value=40, low=40, qualifier="at_least", measure="evacuated",
               source="Red Cross", as_of=TimeSpan(start="2025-03-03", end="2025-03-03")),
    ]


def make_ledger() -> Ledger:
    pts = [
        SeriesPoint(fact="f1", source="Regional Emergency Office", value=1200, qualifier="approximately",
                    as_of=TimeSpan(start="2025-02-24", end="2025-03-02", granularity="week"),
                    published="2025-03-02", claims=["c1"]),
        SeriesPoint(fact="f2", source="Red Cross", value=2000, high=2000, qualifier="at_most",
                    as_of=TimeSpan(start="2025-03-04", end="2025-03-04"), published="2025-03-04", claims=["c3"]),
        SeriesPoint(fact="f3", source="Regional Emergency Office", value=1500, qualifier="exact",
                    published="2025-03-04", claims=["c4"]),
        SeriesPoint(fact="f4", source="Red Cross", value=None, low=1000, high=1800, qualifier="range",
                    claims=[]),  # undated range: drawn in the side lane
    ]
    return Ledger(
        facts=[Fact(id="f1", kind="figure", claims=["c1"], label="about 1,200 displaced", value=1200,
                    sources=[FactSource(name="Regional Emergency Office", first_published="2025-03-02",
                                        claims=["c1"])]),
               Fact(id="f2", kind="figure", claims=["c3"], value=2000, qualifier="at_most"),
               Fact(id="f3", kind="figure", claims=["c4"], value=1500),
               Fact(id="f5", kind="figure", claims=["c6", "c5"], value=40)],
        series=[Series(id="s1", label="People displaced by the flood", population="valley residents",
                       measure="displaced", points=pts)],
        disagreements=[Disagreement(id="d1", kind="conflict", series="s1",
                                    description="Red Cross says up to 2,000; the office says 1,500",
                                    side_a=["c3"], side_b=["c4"], sources_a=["Red Cross"],
                                    sources_b=["Regional Emergency Office"])],
        timeline=[TimelineEntry(id="t2", start="2025-03-04", end="2025-03-04", text="Up to 2,000 displaced",
                                kind="figure", claims=["c3"], sources=["Red Cross"]),
                  TimelineEntry(id="t1", start="2025-03-02", end="2025-03-02", text="About 1,200 left home",
                                kind="figure", claims=["c1"], sources=["Regional Emergency Office"])],
    )


def make_store(path: Path) -> Path:
    """A ledger file with the invented flood story; returns its path."""
    arts = make_articles()
    with LedgerStore(path) as st:
        for a in arts:
            st.put_article(a)
        claims = make_claims(arts)
        for aid in ("a1", "a2", "a3"):
            st.replace_claims(aid, [c for c in claims if c.article == aid])
        st.put_ledger(make_ledger())
    return path


@pytest.fixture(scope="module")
def html_text(tmp_path_factory) -> str:
    db = make_store(tmp_path_factory.mktemp("rep") / "l.db")
    with LedgerStore(db, readonly=True) as st:
        return render_report(st)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parse(text: str) -> _Collect:
    p = _Collect()
    p.feed(text)
    return p


def test_self_contained_no_network(html_text):
    p = _parse(html_text)
    for tag, attrs in p.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            pytest.fail(f"external stylesheet: {attrs}")
    assert "http://" not in html_text.replace("http://www.w3.org", "")
    assert "https://" not in html_text
    assert "<style>" in html_text and "<script>" in html_text


def test_one_chart_point_per_series_point(html_text):
    assert html_text.count('data-point="1"') == 4
    assert len(re.findall(r'<svg class="chart"', html_text)) == 1
    # hedges are drawn: "about" hollow, "up to" an arrow, the range a bar, the interval a bar
    assert 'class="pt q-approximately"' in html_text
    assert 'class="pt q-at_most disputed"' in html_text
    assert 'class="pt q-exact disputed"' in html_text
    assert 'class="pt q-range"' in html_text
    assert ">undated</text>" in html_text


def test_overview_tables_and_filters(html_text):
    assert "3 articles from 3 outlets, published 2025-03-02 – 2025-03-05." in " ".join(html_text.split())
    assert html_text.count('<tr data-measure=') == 6
    assert '<option value="displaced">displaced</option>' in html_text
    assert 'data-filter="article"' in html_text and 'data-filter="source"' in html_text
    assert "Red Cross says up to 2,000; the office says 1,500" in html_text
    # timeline in date order
    assert html_text.index("About 1,200 left home") < html_text.index("Up to 2,000 displaced")


def test_claims_highlighted_in_context(html_text):
    marks = re.findall(r'<mark class="claim (k-[a-z -]+)" id="c-(c\d)" title="([^"]*)"', html_text)
    assert {m[1] for m in marks} == {"c1", "c2", "c3", "c4", "c5", "c6"}
    tip = {m[1]: m[2] for m in marks}["c3"]
    assert tip == "up to 2,000 (displaced) — Red Cross via Wire Agency — as of 2025-03-04"


def test_sources_table(tmp_path):
    db = make_store(tmp_path / "l.db")
    with LedgerStore(db, readonly=True) as st:
        rows = {r.name: r for r in load_view(st).sources}
    office = rows["Regional Emergency Office"]
    assert (office.claims, office.facts, office.first_published) == (3, 2, "2025-03-02")
    assert office.relayed_by == [("Wire Agency", 1)]
    red = rows["Red Cross"]
    assert (red.claims, red.facts, red.corroborated, red.first_published) == (2, 2, 1, "2025-03-04")


def test_hostile_text_is_escaped(html_text):
    assert "<script>alert" not in html_text
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in html_text or \
        "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in html_text
    assert "<img" not in html_text and "onerror=alert" not in html_text.replace("onerror=alert(1)&gt;", "")
    assert 'href="javascript:' not in html_text
    assert "<b>broken" not in html_text and "Evil <b>" not in html_text
    p = _parse(html_text)
    assert [t for t, _ in p.tags if t == "script"] == ["script", "script"]  # meta JSON + our JS only
    assert not [a for _, a in p.tags if any(k.startswith("on") for k in a)]


def test_json_in_script_cannot_close_the_tag():
    s = json_for_script({"x": "</script><!-- & \u2028"})
    assert "</" not in s and "<!--" not in s and "&" not in s
    import json
    assert json.loads(str(s)) == {"x": "</script><!-- & \u2028"}


def test_write_report_and_empty_store(tmp_path):
    with LedgerStore(tmp_path / "empty.db") as st:
        out = write_report(st, tmp_path / "sub" / "r.html")
    text = out.read_text(encoding="utf-8")
    assert "No figure was reported often enough" in text and "0 articles" in text


@pytest.mark.parametrize("args,expected", [
    ((5000, None, 5000, "at_most"), "up to 5,000"),
    ((None, 10000, 12000, "range"), "10,000–12,000"),
    ((3000, 3000, None, "at_least"), "at least 3,000"),
    ((11000.0, None, None, "approximately"), "about 11,000"),
    ((2.5, None, None, "exact"), "2.5"),
    ((7, None, None, None), "7"),
])
def test_fmt_value(args, expected):
    assert fmt_value(*args) == expected


def _shared() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared"


def test_report_on_real_articles_is_escaped_and_complete(tmp_path):
    """The five seed articles, through whatever pipeline is there now: report renders every one."""
    seeds = _shared() / "devset" / "seeds" / "articles"
    if not seeds.is_dir():
        pytest.skip(f"../shared not present: {seeds}")
    from storyledger.pipeline import ingest_into, BuildReport
    report = BuildReport()
    with LedgerStore(tmp_path / "s.db") as st:
        ingest_into(st, [seeds], report)  # clean only: extraction is exercised by the browser tests
        text = render_report(st)
        n = st.count("articles")
    assert n >= 5
    assert text.count('<article class="story"') == n
