"""Write a ledger file out as JSON Lines and CSV (contract: shared/tools/README.md)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from typing import Optional

from storyledger.ledger.retold import retold_as_of
from storyledger.model import Article, Claim, Fact, Ledger, Series, TimeSpan
from storyledger.store import LedgerStore

FILES = ("articles", "claims", "facts", "statements", "series", "disagreements", "timeline")


def claim_row(c: Claim, article: Optional[Article] = None, retold: Optional[TimeSpan] = None) -> dict:
    """A claim flattened to the export contract: source/via/as_of at top level, and the outlet that
    printed it (with its wire, if any) and the date it was published. ``retold``: the time of its
    first telling elsewhere (ledger.retold), shown when the claim has no time of its own."""
    row = c.model_dump(exclude={"attribution", "as_of"})
    as_of = c.as_of or retold
    row.update(outlet=article.outlet if article else None, agency=article.agency if article else None,
               published=article.published if article else None)
    a = c.attribution
    row.update(source=a.source, source_type=a.source_type, role=a.role, via=list(a.via), cue=a.cue,
               modality=a.modality, source_text=a.source_text,
               as_of_start=as_of.start if as_of else None,
               as_of_end=as_of.end if as_of else None,
               as_of_text=as_of.text if as_of else None,
               as_of_basis=as_of.basis if as_of else None)
    return row


def carried_by(f: Fact, claims: dict[str, Claim], articles: dict[str, Article]) -> list[dict]:
    """Every outlet that printed the fact, with the date it did, earliest first."""
    seen: dict[str, Optional[str]] = {}
    for cid in f.claims:
        c = claims.get(cid)
        art = articles.get(c.article) if c else None
        name = art and (art.outlet or art.agency)
        if name and (name not in seen or (art.published or "9") < (seen[name] or "9")):
            seen[name] = art.published
    return [{"outlet": k, "published": v} for k, v in sorted(seen.items(), key=lambda kv: (kv[1] or "9", kv[0]))]


def series_point_rows(series: list[Series]) -> list[dict]:
    """One row per point of a series (series.csv): flat, so a spreadsheet can sort and chart it."""
    out = []
    for s in series:
        for p in s.points:
            out.append(dict(series=s.id, label=s.label, population=s.population, measure=s.measure, scope=s.scope,
                            parent=s.parent, relation=s.relation, fact=p.fact, source=p.source, value=p.value,
                            low=p.low, high=p.high, qualifier=p.qualifier,
                            as_of_start=p.as_of.start if p.as_of else None, as_of_end=p.as_of.end if p.as_of else None,
                            published=p.published, claims=p.claims))
    return out


def rows(store: LedgerStore, ledger: Optional[Ledger] = None) -> dict[str, list[dict]]:
    ledger = ledger or store.ledger()
    articles = {a.id: a for a in store.iter_articles()}
    claims = store.claims()
    by_id = {c.id: c for c in claims}
    retold = retold_as_of(ledger.facts, by_id)
    return {
        "articles": [a.model_dump() for a in articles.values()],
        "claims": [claim_row(c, articles.get(c.article), retold.get(c.id)) for c in claims],
        "facts": [dict(f.model_dump(), carried_by=carried_by(f, by_id, articles)) for f in ledger.facts],
        # quotes and statements joined across articles: not facts of the figure ledger
        "statements": [dict(f.model_dump(), carried_by=carried_by(f, by_id, articles)) for f in ledger.statements],
        "series": [s.model_dump() for s in ledger.series],
        "disagreements": [d.model_dump() for d in ledger.disagreements],
        "timeline": [t.model_dump() for t in ledger.timeline],
    }


# what each table of rows() reads besides the ledger (the app builds one download at a time)
_NEEDS = {"articles": {"articles"}, "claims": {"articles", "claims"}, "facts": {"articles", "claims"},
          "statements": {"articles", "claims"}, "series": set(), "disagreements": set(), "timeline": set(),
          "figures": {"articles", "claims"}}


def write_table_csv(store: LedgerStore, name: str, path: str | Path) -> int:
    """``<name>.csv`` as write_export writes it (``figures`` as with figures=("csv",)), reading only
    what that one table needs; returns its row count."""
    if name not in _NEEDS:
        raise ValueError(f"no table {name!r}: there are {', '.join(_NEEDS)}")
    ledger = store.ledger() if name != "articles" else Ledger()
    articles = {a.id: a for a in store.iter_articles()} if "articles" in _NEEDS[name] else {}
    claims = store.claims() if "claims" in _NEEDS[name] else []
    by_id = {c.id: c for c in claims}
    if name == "figures":
        from storyledger.report import figures_table as ft
        table = ft.figure_rows(ledger, by_id, articles)
        Path(path).write_text(ft.FORMATS["csv"][1](table), encoding="utf-8")
        return len(table)
    if name == "articles":
        items = [a.model_dump() for a in articles.values()]
    elif name == "claims":
        retold = retold_as_of(ledger.facts, by_id)
        items = [claim_row(c, articles.get(c.article), retold.get(c.id)) for c in claims]
    elif name in ("facts", "statements"):
        items = [dict(f.model_dump(), carried_by=carried_by(f, by_id, articles)) for f in getattr(ledger, name)]
    elif name == "series":
        items = series_point_rows(ledger.series)
    else:
        items = [x.model_dump() for x in getattr(ledger, name)]
    _write_csv(Path(path), items)
    return len(items)


def write_export(store: LedgerStore, out_dir: str | Path, *, csv_too: bool = True,
                 figures: tuple[str, ...] = ()) -> dict[str, int]:
    """Write <name>.jsonl (and <name>.csv) for every table, and the figures table in each of the
    ``figures`` formats (csv, md, wiki); returns row counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    ledger = store.ledger()
    for name, items in rows(store, ledger).items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        if csv_too:
            _write_csv(out / f"{name}.csv", series_point_rows(ledger.series) if name == "series" else items)
        counts[name] = len(items)
    if figures:
        from storyledger.report import figures_table as ft
        table = ft.figure_rows(ledger, {c.id: c for c in store.claims()}, {a.id: a for a in store.iter_articles()})
        for fmt in figures:
            fname, render = ft.FORMATS[fmt]
            (out / fname).write_text(render(table), encoding="utf-8")
        counts["figures"] = len(table)
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
