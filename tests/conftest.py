"""Shared fixtures. Real articles are read from ../shared at run time, never copied here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger.clean import clean_document, finalize_corpus
from storyledger.ingest import iter_documents

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "seeds"


@pytest.fixture(scope="session")
def cleaned_seeds():
    """(gold articles, {file name: cleaned Article}) for the five seed articles, corpus pass applied."""
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"../shared not present: {SEEDS} (seed articles are read at run time)")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))["articles"]
    arts = [clean_document(d) for d in iter_documents([SEEDS / "articles"])]
    changed = {a.id: a for a in finalize_corpus(arts)}
    return gold, {Path(a.source).name: changed.get(a.id, a) for a in arts}
