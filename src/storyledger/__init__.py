"""storyledger: a sourced ledger of who reported what, when, citing whom.

The library mirrors the command line::

    import storyledger
    report = storyledger.build(["articles/"], "story.db")       # storyledger build articles/ --db story.db
    view = storyledger.open("story.db")                         # what show/report/serve read
    claims = storyledger.extract("The ministry said 40 people were evacuated on Monday.",
                                 published="2024-03-15")        # one article's claims, no ledger file
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Union

if TYPE_CHECKING:  # imports stay lazy: `import storyledger` does not load spaCy
    from storyledger.pipeline import BuildReport
    from storyledger.report.view import LedgerView

__version__ = "0.1.0"

PathLike = Union[str, Path]


def build(paths: Union[PathLike, Iterable[PathLike]], db: PathLike, *, fetched_at: Optional[str] = None,
          aliases: Optional[PathLike] = None) -> "BuildReport":
    """Read, clean, extract and join ``paths`` (files, folders, globs) into the ledger file ``db``.

    Like ``storyledger build``: re-running changes nothing, new articles are added. ``fetched_at``
    (ISO date) anchors "3 days ago" in text dumps; ``aliases`` is a JSON file of your own source
    names. Returns a ``pipeline.BuildReport`` (counts read/new/skipped/claims/facts, the skipped
    inputs with their reasons, and ``.summary`` as one line).
    """
    from storyledger import pipeline
    from storyledger.extract import load_nlp
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    nlp = load_nlp(str(aliases)) if aliases else None
    return pipeline.build(items, db, nlp=nlp, fetched_at=fetched_at)


def open(db: PathLike) -> "LedgerView":  # noqa: A001 - mirrors sqlite_utils.Database / `storyledger show --db`
    """The ledger in ``db`` as the views see it, read once (the file is not kept open).

    Returns a ``report.view.LedgerView``: ``.articles``, ``.claims``, ``.ledger`` (facts, series,
    disagreements, timeline), ``.sources`` (one row per originating source), lookups by id.
    Raises ``store.StoreError`` when the file is missing or of another schema version.
    """
    from storyledger.report.view import load_view
    from storyledger.store import LedgerStore
    with LedgerStore(db, readonly=True) as store:
        return load_view(store, whole=True)


# ``storyledger.extract(text, published=...)``: the extract package is callable (see
# extract._CallableModule), so the stage and the one-article call share one name. It imports
# no spaCy until called.
from storyledger import extract  # noqa: E402,F401
