"""Write a ledger file out as JSON Lines and CSV (contract: shared/tools/README.md)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from storyledger.model import Claim
from storyledger.store import LedgerStore

FILES = ("articles", "claims", "facts", "series", "disagreements", "timeline")


def claim_row(c: Claim) -> dict:
    """A claim flattened to the export contract: source/via/as_of at top level."""
    row = c.model_dump(exclude={"attribution", "as_of"})
    a = c.attribution
    row.update(source=a.source, source_type=a.source_type, role=a.role, via=list(a.via), cue=a.cue,
               modality=a.modality, source_text=a.source_text,
               as_of_start=c.as_of.start if c.as_of else None,
               as_of_end=c.as_of.end if c.as_of else None,
               as_of_text=c.as_of.text if c.as_of else None,
               as_of_basis=c.as_of.basis if c.as_of else None)
    return row


def rows(store: LedgerStore) -> dict[str, list[dict]]:
    ledger = store.ledger()
    return {
        "articles": [a.model_dump() for a in store.iter_articles()],
        "claims": [claim_row(c) for c in store.claims()],
        "facts": [f.model_dump() for f in ledger.facts],
        "series": [s.model_dump() for s in ledger.series],
        "disagreements": [d.model_dump() for d in ledger.disagreements],
        "timeline": [t.model_dump() for t in ledger.timeline],
    }


def write_export(store: LedgerStore, out_dir: str | Path, *, csv_too: bool = True) -> dict[str, int]:
    """Write <name>.jsonl (and <name>.csv) for every table; returns row counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, items in rows(store).items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        if csv_too:
            _write_csv(out / f"{name}.csv", items)
        counts[name] = len(items)
    return counts


def _write_csv(path: Path, items: list[dict]) -> None:
    fields: list[str] = []
    for item in items:
        for k in item:
            if k not in fields:
                fields.append(k)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for item in items:
            w.writerow({k: _cell(v) for k, v in item.items()})


def _cell(v):
    # Lists and nested objects go into one cell as JSON so the CSV stays rectangular.
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v
