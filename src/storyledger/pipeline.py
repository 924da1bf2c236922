"""The build job: ingest -> clean -> extract -> ledger, written to one ledger file.

This is the one place that strings the stages together; the CLI and the web
app both call it. Progress is reported through a callback so that the library
stays free of terminal code.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
import time
from pathlib import Path
from typing import Optional

from storyledger import clean, corpus_index, extract, ingest, ledger_update
from storyledger.ledger import inputs_kept_out_of_gc
from storyledger.model import MAX_TEXT_CHARS, Article, RawDocument, SkippedInput
from storyledger.store import LedgerStore

Progress = Callable[[str, int, Optional[int]], None]  # (stage, done, total)

# Seconds of work between two commits of a build. A commit per article cost about as much as the
# article's cleaning rules; a kill loses at most this much work, which the next build does again
# (what it leaves on disk is what a kill between two articles leaves with a commit per article).
COMMIT_EVERY = 0.5


class _Commits:
    """Commit the articles done so far once ``COMMIT_EVERY`` seconds have passed since the last
    commit; ``with`` it, whatever ends the block (the end, an error, Ctrl-C) commits what is
    done (each article's writes are whole: a failed one rolls back to its savepoint)."""

    def __init__(self, store: LedgerStore) -> None:
        self.store, self.last = store, time.monotonic()

    def __call__(self) -> None:
        if time.monotonic() - self.last >= COMMIT_EVERY:
            self.store.commit()
            self.last = time.monotonic()

    def __enter__(self) -> "_Commits":
        return self

    def __exit__(self, et, *_) -> None:
        try:
            self.store.commit()
        except Exception:   # noqa: BLE001 - the error that ended the block is the one to report
            if et is None:
                raise


@dataclass
class BuildReport:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    duplicates: int = 0
    extracted: int = 0
    claims: int = 0
    facts: int = 0
    notes: list[str] = field(default_factory=list)   # inputs kept but changed (bad URL, truncated)
    new_ids: list[str] = field(default_factory=list)     # what the incremental corpus pass starts from

    @property
    def summary(self) -> str:
        return (f"read {self.read} article(s): {self.new} new, {self.unchanged} already in the ledger, "
                f"{self.duplicates} near-duplicate(s) linked; skipped {len(self.skipped)}; "
                f"{self.claims} claim(s) from {self.extracted} article(s); {self.facts} fact(s)")


def _noop(stage: str, done: int, total: Optional[int]) -> None:
    pass


def ingest_into(store: LedgerStore, paths: Iterable[str | Path], report: BuildReport,
                progress: Progress = _noop, on_skip: Callable[[SkippedInput], None] | None = None,
                fetched_at: Optional[str] = None, on_note: Callable[[str], None] | None = None) -> None:
    """Read, clean and store every input; bad inputs are recorded and skipped.

    ``fetched_at`` is when the inputs were saved, for those that do not say (text dumps):
    it anchors relative dates such as "3 months ago".
    """
    n = 0
    # every document's writes are whole; a later failure loses nothing read, a kill at most
    # COMMIT_EVERY seconds of it
    with _Commits(store) as commits:
        for item in ingest.iter_documents(paths, fetched_at=fetched_at, ledger=getattr(store, "path", None)):
            n += 1
            progress("read", n, None)
            if isinstance(item, SkippedInput):
                _skip(store, report, item, on_skip)
            else:
                _store_document(store, item, report, on_skip, on_note)
            commits()


def ingest_documents(store: LedgerStore, docs: Iterable[RawDocument], report: BuildReport) -> list[str]:
    """Clean and store documents that arrived in memory (web upload, JSON API)."""
    ids = []
    for doc in docs:
        i = _store_document(store, doc, report, None)
        store.commit()
        if i:
            ids.append(i)
    return ids


def _store_document(store: LedgerStore, doc: RawDocument, report: BuildReport,
                    on_skip: Callable[[SkippedInput], None] | None,
                    on_note: Callable[[str], None] | None = None) -> Optional[str]:
    """Clean one document and store it unless it is already there; returns its id (None if skipped)."""
    note_changes(doc, report, on_note)
    got = clean_or_skip(doc)
    if isinstance(got, SkippedInput):
        _skip(store, report, got, on_skip)
        return None
    failed = keep_article(store, got, report)
    if failed:
        _skip(store, report, failed, on_skip)
        return None
    return got.id


def note_changes(doc: RawDocument, report: BuildReport, on_note: Callable[[str], None] | None) -> None:
    """What reading changed in a kept document (a bad URL dropped, a text cut), one line each."""
    for note in doc.notes:
        report.notes.append(f"{doc.source}: {note}")
        if on_note:
            on_note(report.notes[-1])


def clean_or_skip(doc: RawDocument) -> Article | SkippedInput:
    """One document cleaned, or why it cannot be (pure: engines run it on their workers)."""
    try:
        art = clean.clean_document(doc)
        if len(art.body) > MAX_TEXT_CHARS:     # a page's text can be longer than its raw-text limit
            cut = art.body.rfind("\n", MAX_TEXT_CHARS // 2, MAX_TEXT_CHARS)
            art = art.model_copy(update={"body": art.body[:cut if cut > 0 else MAX_TEXT_CHARS]})
        return art
    except clean.CleanError as exc:
        return SkippedInput(source=doc.source, reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - a cleaner bug on odd input: this document only
        return SkippedInput(source=doc.source, reason=f"{doc.source}: could not clean ({ingest.brief(exc)})")


def keep_article(store: LedgerStore, art: Article, report: BuildReport) -> Optional[SkippedInput]:
    """Store one article unless it is there; a failure leaves nothing half-written and is returned."""
    try:
        with store.savepoint():
            new = not store.has_article(art.id) and store.put_article(art)
    except Exception as exc:  # noqa: BLE001 - e.g. a value the file cannot hold
        return SkippedInput(source=art.source, reason=f"{art.source}: could not store ({ingest.brief(exc)})")
    report.read += 1
    if new:
        report.new += 1
        report.new_ids.append(art.id)
    else:
        report.unchanged += 1
    return None


def _skip(store, report, item, on_skip):
    report.skipped.append(item)
    store.put_skipped(item)
    if on_skip:
        on_skip(item)


def finish(store: LedgerStore, report: BuildReport, progress: Progress = _noop, nlp=None,
           n_process: int = 1) -> None:
    """Corpus-level fixes, extraction of what is new or stale, then the ledger."""
    corpus_pass(store, report)
    extract_new(store, report, progress, nlp=nlp, n_process=n_process)
    ledger_step(store, report, progress)


def corpus_pass(store: LedgerStore, report: BuildReport) -> None:
    """Years from sibling articles and near-duplicate links, for what the new articles can change."""
    for art in corpus_index.update(store, report.new_ids):
        store.put_article(art)
        # a changed date or duplicate link changes claims (as_of): extract again
        store.forget_extracted(art.id)
    store.commit()
    report.duplicates = store.count_duplicates()


def extract_new(store: LedgerStore, report: BuildReport, progress: Progress = _noop, nlp=None,
                n_process: int = 1) -> None:
    """Claims of the articles not yet extracted with this extraction version."""
    version = extract.version_of(nlp)   # a user's alias file changes what claims say
    # ... and whom the ledger takes for one source: kept for every later ledger step
    store.set_meta("aliases", extract.user_aliases(nlp) or "")
    todo = store.unextracted(version)
    total = len(todo)
    done = 0
    if todo:
        def failed(art: Article, exc: Exception) -> None:
            # recorded once; the article is still marked extracted below so no later build retries it
            _skip(store, report, extract_failure(art, exc), None)

        # the model (loaded first) and the articles stay out of the garbage collector's full passes
        nlp = nlp or extract.load_nlp()
        # an article's claims are written whole; a kill keeps every extraction committed before
        # it (at most COMMIT_EVERY seconds are done again)
        with inputs_kept_out_of_gc(), _Commits(store) as commits:
            for art, claims in extract.extract_claims(todo, nlp=nlp, on_error=failed, n_process=n_process):
                store_claims(store, report, art.id, claims, version)
                done += 1
                progress("extract", done, total)
                commits()
    store.commit()


def extract_failure(art: Article, exc: Exception) -> SkippedInput:
    msg = " ".join(str(exc).split())[:200]
    return SkippedInput(source=art.source,
                        reason=f"{art.source}: could not extract claims ({type(exc).__name__}: {msg})")


def store_claims(store: LedgerStore, report: BuildReport, art_id: str, claims: list, version: str,
                 as_rows: bool = False) -> None:
    """One article's claims written and marked extracted with this version. ``as_rows``: each claim
    is already a ``store.claim_row`` (made by an engine's worker, so the writer parses nothing)."""
    (store.replace_claim_rows if as_rows else store.replace_claims)(art_id, claims)
    store.mark_extracted(art_id, version)
    report.extracted += 1


def ledger_step(store: LedgerStore, report: BuildReport, progress: Progress = _noop) -> None:
    """The ledger brought up to date: only the blocks and quantities the changed articles touch
    are recomputed (storyledger/ledger_update.py); the same ledger as a rebuild from all claims."""
    ledger_update.update(store)
    store.commit()
    report.claims = store.count("claims")
    report.facts = store.count("facts")
    progress("ledger", 1, 1)


def build(paths: Iterable[str | Path], db: str | Path, progress: Progress = _noop,
          on_skip: Callable[[SkippedInput], None] | None = None, nlp=None,
          fetched_at: Optional[str] = None, n_process: int = 1,
          on_note: Callable[[str], None] | None = None) -> BuildReport:
    """``n_process`` > 1 parses with that many spaCy worker processes (``nlp.pipe(n_process=…)``)."""
    report = BuildReport()
    with LedgerStore(db) as store:
        ingest_into(store, paths, report, progress, on_skip, fetched_at=fetched_at, on_note=on_note)
        finish(store, report, progress, nlp=nlp, n_process=n_process)
    return report
