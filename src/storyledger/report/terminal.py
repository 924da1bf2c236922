"""Terminal tables for `storyledger show`, sized to read on a 100-column terminal."""
from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from storyledger.printable import cell, one_line
from storyledger.wording import fmt_joins
from storyledger.report.view import LedgerView, fmt_span, fmt_value, load_view, point_value
from storyledger.store import LedgerStore

WHAT = ("all", "series", "disagreements", "timeline", "facts", "statements", "sources")


def _table(title: str, *columns: tuple[str, dict]) -> Table:
    # titles carry article text (series labels): a Text is never parsed as rich markup;
    # rich skips title_style for a Text, so the style goes on the Text itself
    t = Table(title=Text(one_line(title), style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
              show_edge=False, pad_edge=False, expand=False)
    for name, opts in columns:
        t.add_column(name, **opts)
    return t


def _row(t: Table, *cells: str) -> None:
    # article text may contain "[bold]"-like brackets: never let rich read it as markup;
    # nor escape sequences the terminal would obey (printable.cell shows them as text)
    t.add_row(*(Text(cell(c)) for c in cells))


def _more(console: Console, shown: int, total: int, what: str) -> None:
    if total > shown:
        console.print(f"  … {total - shown} more {what} (raise --limit)", style="dim", markup=False)
    console.print()


def show_overview(view: LedgerView, console: Console) -> None:
    start, end = view.date_span
    led = view.ledger
    line = (f"{view.n_articles} article(s) from {len(view.outlets)} outlet(s)"
            + (f", published {fmt_span(start, end)}" if start else "")
            + f"; {view.n_claims} claims, {len(led.facts)} facts, {len(led.series)} series, "
              f"{len(led.disagreements)} disagreements")
    console.print(Text(line, style="bold"))


def show_series(view: LedgerView, console: Console, limit: int) -> None:
    series = view.ledger.series
    if not series:
        console.print("No series: no figure was reported often enough to follow over time.", markup=False)
        return
    for s in series[:limit]:
        t = _table(s.label or s.id,
                   ("source", dict(ratio=3, overflow="fold")), ("value", dict(justify="right", no_wrap=True)),
                   ("as of", dict(no_wrap=True)), ("published", dict(no_wrap=True)))
        for p in s.points[:limit]:
            _row(t, p.source or "unattributed", point_value(p),
                      fmt_span(p.as_of.start, p.as_of.end) if p.as_of else "?",
                      (p.published or "?")[:10])
        console.print(t)
        _more(console, min(limit, len(s.points)), len(s.points), "points")
    if len(series) > limit:
        _more(console, limit, len(series), "series")


def show_disagreements(view: LedgerView, console: Console, limit: int) -> None:
    items = view.ledger.disagreements
    t = _table(f"Disagreements ({len(items)})", ("kind", dict(no_wrap=True)),
               ("description", dict(ratio=4, overflow="fold")), ("side A", dict(ratio=2, overflow="fold")),
               ("side B", dict(ratio=2, overflow="fold")))
    for d in items[:limit]:
        _row(t, d.kind, d.description, _side(view, d.sources_a, d.side_a), _side(view, d.sources_b, d.side_b))
    console.print(t)
    _more(console, min(limit, len(items)), len(items), "disagreements")


def _side(view: LedgerView, names: list[str], claim_ids: list[str]) -> str:
    figures = []
    for cid in claim_ids:
        c = view.claims_by_id.get(cid)
        if c is not None and c.kind == "figure":
            figures.append(fmt_value(c.value, c.low, c.high, c.qualifier))
    who = ", ".join(names) or "?"
    return who + (": " + ", ".join(dict.fromkeys(figures)) if figures else "")


def show_timeline(view: LedgerView, console: Console, limit: int) -> None:
    items = sorted(view.ledger.timeline, key=lambda x: (x.start or "9999", x.end or ""))
    t = _table(f"Timeline ({len(items)})", ("date", dict(no_wrap=True)),
               ("what", dict(ratio=5, overflow="fold")), ("sources", dict(ratio=2, overflow="fold")))
    for e in items[:limit]:
        _row(t, fmt_span(e.start, e.end), e.text, ", ".join(e.sources))
    console.print(t)
    _more(console, min(limit, len(items)), len(items), "timeline entries")


def show_facts(view: LedgerView, console: Console, limit: int, statements: bool = False) -> None:
    """The figure ledger's facts, or (``statements``) the quotes and statements joined across articles."""
    facts = view.ledger.statements if statements else view.ledger.facts
    name = "statements" if statements else "facts"
    t = _table(f"{name.capitalize()} ({len(facts)})", (name[:-1], dict(ratio=4, overflow="fold")),
               ("value", dict(justify="right", no_wrap=True)), ("origin", dict(ratio=2, overflow="fold")),
               ("first", dict(no_wrap=True)), ("articles", dict(justify="right")),
               ("relayed by", dict(ratio=2, overflow="fold")), ("joined because", dict(ratio=2, overflow="fold")))
    for f in facts[:limit]:
        label = f.label
        if not label:
            first = view.claims_by_id.get(f.claims[0]) if f.claims else None
            label = first.text if first else f.id
        value = fmt_value(f.value, f.low, f.high, f.qualifier) if f.kind == "figure" else ""
        origin = f.origin or ", ".join(s.name for s in f.sources) or ", ".join(dict.fromkeys(
            view.claims_by_id[c].attribution.source or "" for c in f.claims if c in view.claims_by_id)).strip(", ")
        label = label if len(label) <= 120 else label[:119] + "…"
        _row(t, label, value, origin, (f.first_published or "")[:10],
                  str(len(f.articles) or len({view.claims_by_id[c].article for c in f.claims
                                              if c in view.claims_by_id})),
                  ", ".join(f.relays), fmt_joins(f.joins))
    console.print(t)
    _more(console, min(limit, len(facts)), len(facts), name)


def show_sources(view: LedgerView, console: Console, limit: int) -> None:
    rows = view.sources
    t = _table(f"Sources ({len(rows)})", ("source", dict(ratio=3, overflow="fold")),
               ("claims", dict(justify="right")), ("facts", dict(justify="right")),
               ("corrob.", dict(justify="right")), ("first", dict(no_wrap=True)),
               ("relayed by", dict(ratio=3, overflow="fold")))
    for r in rows[:limit]:
        relays = ", ".join(f"{n} ×{k}" if k > 1 else n for n, k in r.relayed_by)
        _row(t, r.name, str(r.claims), str(r.facts), str(r.corroborated), (r.first_published or "?")[:10],
                  relays)
    console.print(t)
    _more(console, min(limit, len(rows)), len(rows), "sources")


def show(store: LedgerStore, console: Console, what: str = "all", limit: int = 40) -> None:
    if what not in WHAT:
        raise ValueError(f"--what must be one of {', '.join(WHAT)}, not {what!r}")
    if limit < 1:
        raise ValueError(f"--limit must be at least 1, not {limit}")
    view = load_view(store, whole=True)
    if what == "all":
        show_overview(view, console)
    if what in ("all", "series"):
        show_series(view, console, limit)
    if what in ("all", "disagreements"):
        show_disagreements(view, console, limit)
    if what in ("all", "timeline"):
        show_timeline(view, console, limit)
    if what in ("all", "facts"):
        show_facts(view, console, limit)
    if what == "statements":   # not in "all": the figure ledger is what "all" shows
        show_facts(view, console, limit, statements=True)
    if what in ("all", "sources"):
        show_sources(view, console, limit)
