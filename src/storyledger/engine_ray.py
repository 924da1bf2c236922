"""``build --engine ray``: ingest, clean and extract mapped over Ray Data, then the ledger step.

The driver reads the files; their documents are a Ray dataset, cleaned by tasks, and the
articles are extracted in an actor class that loads the spaCy pipeline once per worker. The driver writes what comes back, in input order
and in batches, through the same store calls as the local engine (``pipeline``), and runs the
corpus pass and the ledger step itself: so the ledger is the local engine's, row for row.

Ray (the ``storyledger[ray]`` extra) is imported only here. Without ``address`` a local Ray
starts on ``workers`` CPUs; with it the build joins that cluster (``ray://…`` or ``host:port``).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Optional

from storyledger import pipeline
from storyledger.clean.dedupe import band_keys
from storyledger.model import Article, RawDocument, SkippedInput
from storyledger.store import LedgerStore, claim_row


class EngineError(Exception):
    """Ray is missing or the cluster cannot be reached; one line for the user."""


# Documents cleaned per Ray dataset: the driver holds one wave of raw documents at a time.
WAVE = 4096


def _clean_batch(batch: dict) -> dict:
    """Raw documents -> one row per article or skipped input, in order (runs on a worker)."""
    from storyledger.clean.dedupe import signature

    kinds, payloads, sigs = [], [], []
    for kind, data in zip(batch["kind"], batch["data"]):
        got = SkippedInput.model_validate_json(data) if kind == "skip" else \
            pipeline.clean_or_skip(RawDocument.model_validate_json(data))
        article = isinstance(got, Article)
        kinds.append("article" if article else "skip")
        payloads.append(got.model_dump_json())
        # the corpus pass's MinHash of the body, made here rather than in the driver's serial pass
        sigs.append((article and signature(got.body) or b"").hex())
    return {"kind": kinds, "data": payloads, "sig": sigs}


def _ingest(ray, store: LedgerStore, report: pipeline.BuildReport, docs: Iterator, on_skip, on_note,
            progress: pipeline.Progress) -> None:
    """Documents cleaned on the workers, stored by the driver in input order.

    The driver reads the files (reading is a small share of ingest) so that a dataset row is one
    document: with a row per file, a JSON Lines file of many articles was one worker's alone."""
    n = 0
    with pipeline._Commits(store) as commits:    # as the local engine: by seconds of work
        while wave := list(islice(docs, WAVE)):
            rows = []
            for item in wave:
                skip = isinstance(item, SkippedInput)
                if not skip:
                    pipeline.note_changes(item, report, on_note)
                rows.append({"kind": "skip" if skip else "doc", "data": item.model_dump_json()})
            for row in ray.data.from_items(rows).map_batches(_clean_batch, batch_size=8).iter_rows():
                n += 1
                progress("read", n, None)
                _keep(store, report, row, on_skip)
                commits()


def _keep(store: LedgerStore, report: pipeline.BuildReport, row: dict, on_skip) -> None:
    """One cleaned row stored as the local engine stores it, with a new article's signature."""
    if row["kind"] == "skip":
        pipeline._skip(store, report, SkippedInput.model_validate_json(row["data"]), on_skip)
        return
    art, new = Article.model_validate_json(row["data"]), report.new
    failed = pipeline.keep_article(store, art, report)
    if failed:
        pipeline._skip(store, report, failed, on_skip)
    elif report.new > new and row["sig"]:
        sig = bytes.fromhex(row["sig"])
        store.put_signature(art.id, sig, band_keys(sig))


class _Extractor:
    """One spaCy pipeline per worker, loaded once; a batch of articles -> their claims."""

    def __init__(self, aliases: Optional[str] = None) -> None:
        from storyledger import extract
        self.extract = extract
        self.nlp = extract.load_nlp(aliases) if aliases else extract.load_nlp()

    def __call__(self, batch: dict) -> dict:
        arts = [Article.model_validate_json(s) for s in batch["article"]]
        errors: dict[str, str] = {}

        def failed(art: Article, exc: Exception) -> None:
            errors[art.id] = pipeline.extract_failure(art, exc).model_dump_json()

        ids, claims = [], []
        for art, got in self.extract.extract_claims(arts, nlp=self.nlp, on_error=failed):
            ids.append(art.id)
            # the claims table's rows, made here: the driver writes them without parsing a claim
            claims.append(json.dumps([claim_row(c) for c in got]))
        return {"id": ids, "claims": claims, "error": [errors.get(i, "") for i in ids]}


def _start(address: Optional[str], workers: int):
    try:
        import ray
    except ImportError:
        raise EngineError("--engine ray needs Ray: pip install 'storyledger[ray]'") from None
    if not ray.is_initialized():
        try:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
        except Exception as exc:  # noqa: BLE001 - ray raises many kinds; the user gets one line
            raise EngineError(f"cannot start Ray{' at ' + address if address else ''} "
                              f"({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None
    import logging
    for name in ("ray", "ray.data"):    # Ray's per-dataset INFO lines would drown the build's own output
        logging.getLogger(name).setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True     # the driver writes in input order, as the local engine
    ctx.enable_progress_bars = False
    return ray


def build_ray(paths: Iterable[str | Path], db: str | Path, *, address: Optional[str] = None,
              workers: int = 2, progress: pipeline.Progress = pipeline._noop,
              on_skip: Callable[[SkippedInput], None] | None = None,
              fetched_at: Optional[str] = None, batch_size: int = 16,
              aliases: Optional[str] = None,
              on_note: Callable[[str], None] | None = None) -> pipeline.BuildReport:
    """The whole build on Ray; returns the same report as ``pipeline.build``.

    ``aliases`` (a user's alias file) is read by every worker, as ``load_nlp(aliases)`` locally.
    """
    from storyledger import extract, ingest

    ray = _start(address, workers)
    report = pipeline.BuildReport()
    with LedgerStore(db) as store:
        _ingest(ray, store, report, ingest.iter_documents(paths, fetched_at=fetched_at, ledger=db),
                on_skip, on_note, progress)
        store.commit()
        pipeline.corpus_pass(store, report)
        # the version claims are marked with (the aliases change it); the driver parses nothing itself
        nlp = extract.load_nlp(aliases) if aliases else None
        version = extract.version_of(nlp) if aliases else extract.VERSION
        store.set_meta("aliases", extract.user_aliases(nlp) or "")   # the ledger step reads them too
        _extract(ray, store, report, store.unextracted(version), version,
                 dict(workers=workers, batch_size=batch_size, aliases=aliases), progress)
        pipeline.ledger_step(store, report, progress)
    return report


def _extract(ray, store: LedgerStore, report: pipeline.BuildReport, todo: list[Article], version: str,
             opts: dict, progress: pipeline.Progress) -> None:
    if not todo:
        return
    ds = ray.data.from_items([{"article": a.model_dump_json()} for a in todo])
    out = ds.map_batches(_Extractor, batch_size=opts["batch_size"], num_cpus=1,
                         fn_constructor_kwargs={"aliases": opts["aliases"]},
                         compute=ray.data.ActorPoolStrategy(size=opts["workers"]))
    with pipeline._Commits(store) as commits:
        for done, row in enumerate(out.iter_rows(), 1):
            if row["error"]:
                pipeline._skip(store, report, SkippedInput.model_validate_json(row["error"]), None)
            pipeline.store_claims(store, report, row["id"], json.loads(row["claims"]), version, as_rows=True)
            progress("extract", done, len(todo))
            commits()
