"""Filters of the JSON API lists: which values each takes, and the keyset pages they select.

A filter with a fixed vocabulary (kind, measure, relation) refuses an unknown value with a 400
that names the allowed ones, rather than answering an empty list that looks like "no data".
"""
from __future__ import annotations

import json
from typing import Any, Optional, get_args

from fastapi import HTTPException

from storyledger import model
from storyledger.store import LedgerStore

ALLOWED: dict[str, tuple[str, ...]] = {
    "kind": get_args(model.ClaimKind),
    "measure": get_args(model.Measure),
    "relation": (*get_args(get_args(model.Series.model_fields["relation"].annotation)[0]), "none"),
    "disagreement": get_args(model.Disagreement.model_fields["kind"].annotation),
}


def checked(name: str, value: Optional[str], vocabulary: Optional[str] = None) -> Optional[str]:
    """``value`` when it is one of the filter's values (None/'' for no filter), else a 400."""
    if not value:
        return None
    allowed = ALLOWED[vocabulary or name]
    if value not in allowed:
        raise HTTPException(400, f"unknown {name} {value[:60]!r}: allowed values are {', '.join(allowed)}")
    return value


# (column test, what it compares with) per filter of each ledger table
_CONDITIONS: dict[str, dict[str, str]] = {
    "facts": {
        "kind": "kind = ?",
        "measure": "measure = ?",
        "source": "(origin = ? OR id IN (SELECT fact FROM fact_members WHERE source = ?))",
        "outlet": "id IN (SELECT fact FROM fact_members WHERE outlet = ?)",
        "article": "id IN (SELECT fact FROM fact_members WHERE article = ?)",
    },
    "series": {
        "measure": "measure = ?",
        "relation": "relation = ?",
        "source": "id IN (SELECT series FROM series_points WHERE source = ?)",
    },
    "disagreements": {"kind": "kind = ?", "series": "series = ?"},
    "timeline": {},
}


def page_table(st: LedgerStore, table: str, after: int, limit: int,
               filters: dict[str, Optional[str]]) -> list[tuple[int, dict[str, Any]]]:
    """(rowid, row) of a ledger table after ``after`` in ledger order, filtered in SQL."""
    where, args = ["rowid > ?"], [after]
    for name, value in filters.items():
        if value is None:
            continue
        cond = _CONDITIONS[table][name]
        if name == "relation" and value == "none":
            where.append("relation IS NULL")
            continue
        where.append(cond)
        args += [value] * cond.count("?")
    rows = st.db.execute(f"SELECT rowid, data FROM {table} WHERE {' AND '.join(where)} "
                         "ORDER BY rowid LIMIT ?", (*args, limit))
    return [(r, json.loads(d)) for r, d in rows]
