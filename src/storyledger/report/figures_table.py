"""The citable figures table: for each series and date, the reported range and every figure with
who gave it, who relayed it, which outlets carried it first and the sentence it stands in.

What an editor pastes into a casualty or deployment table. One set of rows, three renderings:
CSV (a spreadsheet), Markdown (a note or an issue) and a MediaWiki table whose figures carry
``<ref>{{cite news}}</ref>`` citations. Words come from ``storyledger.wording`` alone.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Optional

from storyledger.model import Article, Claim, Fact, Ledger, Series, SeriesPoint
from storyledger.wording import fmt_amount, fmt_joins, fmt_number


@dataclass
class Citation:
    outlet: Optional[str]
    title: Optional[str]
    url: Optional[str]
    published: Optional[str]
    sentence: str
    claim: str


@dataclass
class FigureRow:
    series: str
    date: str                         # the time the figure describes ("2024-10-23", "2024-10-01 – 2024-10-31")
    figure: str                       # "about 3,000"
    source: str
    relays: list[str]
    outlets: list[str]                # every outlet that carried it, earliest first
    first_reported: Optional[str]
    low: Optional[float]
    high: Optional[float]
    latest_of_source: bool            # the most recent figure this source gave for the series
    cite: Optional[Citation] = None
    fact: str = ""
    range_at_date: str = ""           # lowest–highest reported for this series and date
    others: list[Citation] = field(default_factory=list)
    joined_because: str = ""          # why its tellings are one fact (Fact.joins, in words)


def _date(p: SeriesPoint) -> str:
    if p.as_of is None:
        return "undated"
    s, e = p.as_of.start[:10], p.as_of.end[:10]
    return s if s == e else f"{s} – {e}"


def _cite(c: Claim, art: Optional[Article]) -> Citation:
    return Citation(outlet=art.outlet or art.agency if art else None, title=art.title if art else None,
                    url=(art.url or art.source) if art else None, published=art.published if art else None,
                    sentence=c.text.strip(), claim=c.id)


def figure_rows(ledger: Ledger, claims: dict[str, Claim], articles: dict[str, Article]) -> list[FigureRow]:
    facts = {f.id: f for f in ledger.facts}
    rows: list[FigureRow] = []
    for s in ledger.series:
        latest = {p.fact for p in s.latest_by_source.values()}
        by_date: dict[str, list[FigureRow]] = {}
        for p in s.points:
            f = facts.get(p.fact)
            if f is None:
                continue
            row = _row(s, p, f, claims, articles, p.fact in latest)
            by_date.setdefault(row.date, []).append(row)
        for date, rs in by_date.items():
            lows = [r.low for r in rs if r.low is not None]
            highs = [r.high for r in rs if r.high is not None]
            span = ""
            if lows and highs:
                lo, hi = min(lows), max(highs)
                span = fmt_number(lo) if lo == hi else f"{fmt_number(lo)}–{fmt_number(hi)}"
            for r in rs:
                r.range_at_date = span
            rows += rs
    return rows


def _row(s: Series, p: SeriesPoint, f: Fact, claims: dict[str, Claim], articles: dict[str, Article],
         latest: bool) -> FigureRow:
    tellings = sorted((claims[c] for c in f.claims if c in claims),
                      key=lambda c: ((articles[c.article].published or "9") if c.article in articles else "9",
                                     c.field == "title", c.id))
    outlets: list[str] = []
    for c in tellings:
        art = articles.get(c.article)
        name = art and (art.outlet or art.agency)
        if name and name not in outlets:
            outlets.append(name)
    relays = [r for src in f.sources for r in src.via if r not in outlets][:4]
    cites = [_cite(c, articles.get(c.article)) for c in tellings]
    lo, hi = f.amount.bounds
    return FigureRow(series=s.label, date=_date(p), figure=fmt_amount(p.amount), source=p.source or "unattributed",
                     relays=relays, outlets=outlets, first_reported=(f.first_published or "")[:10] or None,
                     low=lo, high=hi, latest_of_source=latest, cite=cites[0] if cites else None, fact=f.id,
                     others=cites[1:], joined_because=fmt_joins(f.joins))


HEADER = ["series", "date", "range at date", "figure", "source", "relayed by", "carried by", "first reported",
          "latest of source", "sentence", "link", "joined because"]


def _cells(r: FigureRow) -> list[str]:
    return [r.series, r.date, r.range_at_date, r.figure, r.source, ", ".join(r.relays), ", ".join(r.outlets),
            r.first_reported or "", "yes" if r.latest_of_source else "",
            r.cite.sentence if r.cite else "", (r.cite.url or "") if r.cite else "", r.joined_because]


def to_csv(rows: list[FigureRow]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    for r in rows:
        w.writerow(_cells(r))
    return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(rows: list[FigureRow]) -> str:
    out = []
    for series in dict.fromkeys(r.series for r in rows):
        out += [f"### {_md(series)}", "", "| date | range | figure | source | carried by | first reported | sentence |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for r in (x for x in rows if x.series == series):
            sentence = _md(r.cite.sentence) if r.cite else ""
            if r.cite and r.cite.url and r.cite.url.startswith(("http://", "https://")):
                sentence = f"[{sentence}]({r.cite.url})"
            latest = " (latest)" if r.latest_of_source else ""
            out.append(f"| {r.date} | {r.range_at_date} | {_md(r.figure)} | {_md(r.source)}{latest} | "
                       f"{_md(', '.join(r.outlets))} | {r.first_reported or ''} | {sentence} |")
        out.append("")
    return "\n".join(out)


def _wiki(text: str) -> str:
    return text.replace("|", "&#124;").replace("\n", " ").replace("{{", "&#123;&#123;").replace("}}", "&#125;&#125;")


def _ref(c: Citation) -> str:
    parts = ["cite news"]
    if c.url and c.url.startswith(("http://", "https://")):  # a local file is no citation address
        parts.append(f"url={_wiki(c.url)}")
    if c.title:
        parts.append(f"title={_wiki(c.title)}")
    if c.outlet:
        parts.append(f"work={_wiki(c.outlet)}")
    if c.published:
        parts.append(f"date={c.published[:10]}")
    parts.append(f"quote={_wiki(c.sentence[:300])}")
    return "<ref>{{" + " |".join(parts) + "}}</ref>"


def to_mediawiki(rows: list[FigureRow]) -> str:
    out = []
    for series in dict.fromkeys(r.series for r in rows):
        out += ['{| class="wikitable sortable"', f"|+ {_wiki(series)}",
                "! Date !! Reported range !! Figure !! Source !! Carried by"]
        for r in (x for x in rows if x.series == series):
            ref = _ref(r.cite) if r.cite else ""
            out += ["|-", f"| {r.date} || {r.range_at_date} || {_wiki(r.figure)}{ref} || {_wiki(r.source)} || "
                          f"{_wiki(', '.join(r.outlets))}"]
        out += ["|}", ""]
    return "\n".join(out) + "\n<references />\n"


FORMATS = {"csv": ("figures.csv", to_csv), "md": ("figures.md", to_markdown), "wiki": ("figures.wiki", to_mediawiki)}
