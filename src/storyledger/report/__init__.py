"""Report: the ledger shown to people (static HTML report; terminal tables in ``terminal``).

STUB — owned by the report/web work.
"""
from __future__ import annotations

import html
from pathlib import Path

from storyledger.store import LedgerStore


def render_report(store: LedgerStore) -> str:
    arts = store.articles()
    items = "".join(f"<li>{html.escape(a.title or a.source)}</li>" for a in arts)
    return f"<!doctype html><meta charset=utf-8><title>storyledger</title><ul>{items}</ul>"


def write_report(store: LedgerStore, out_file: str | Path) -> Path:
    path = Path(out_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(store), encoding="utf-8")
    return path
