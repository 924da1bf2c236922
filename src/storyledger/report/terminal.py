"""Terminal tables for `storyledger show`. STUB — owned by the report/web work."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from storyledger.store import LedgerStore

WHAT = ("all", "series", "disagreements", "timeline", "facts", "sources")


def show(store: LedgerStore, console: Console, what: str = "all", limit: int = 40) -> None:
    if what not in WHAT:
        raise ValueError(f"--what must be one of {', '.join(WHAT)}, not {what!r}")
    t = Table(title="articles")
    t.add_column("published")
    t.add_column("title")
    for a in store.articles()[:limit]:
        t.add_row(a.published or "?", a.title or a.source)
    console.print(t)
