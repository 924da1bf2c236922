"""``build --engine ray``: ingest, clean and extract mapped over Ray Data, then the ledger step.

Files are a Ray dataset; cleaning runs as tasks over them, extraction in an actor class that
loads the spaCy pipeline once per worker. The driver writes what comes back, in input order
and in batches, through the same store calls as the local engine (``pipeline``), and runs the
corpus pass and the ledger step itself: so the ledger is the local engine's, row for row.

Ray (the ``storyledger[ray]`` extra) is imported only here. Without ``address`` a local Ray
starts on ``workers`` CPUs; with it the build joins that cluster (``ray://…`` or ``host:port``).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Optional

from storyledger import pipeline
from storyledger.clean.dedupe import band_keys
from storyledger.model import Article, SkippedInput
from storyledger.store import LedgerStore, claim_row


class EngineError(Exception):
    """Ray is missing or the cluster cannot be reached; one line for the user."""


def _clean_batch(batch: dict) -> dict:
    """Files -> one row per article or skipped input, in file order (runs on a worker)."""
    from storyledger import ingest
    from storyledger.clean.dedupe import signature

    kinds, payloads, sigs = [], [], []
    for path, fetched_at in zip(batch["path"], batch["fetched_at"]):
        for item in ingest.iter_documents([str(path)], fetched_at=fetched_at or None):
            got = item if isinstance(item, SkippedInput) else pipeline.clean_or_skip(item)
            article = isinstance(got, Article)
            kinds.append("article" if article else "skip")
            payloads.append(got.model_dump_json())
            # the corpus pass's MinHash of the body, made here rather than in the driver's serial pass
            sigs.append((article and signature(got.body) or b"").hex())
    return {"kind": kinds, "data": payloads, "sig": sigs}


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
              aliases: Optional[str] = None) -> pipeline.BuildReport:
    """The whole build on Ray; returns the same report as ``pipeline.build``.

    ``aliases`` (a user's alias file) is read by every worker, as ``load_nlp(aliases)`` locally.
    """
    from storyledger import extract, ingest

    ray = _start(address, workers)
    report = pipeline.BuildReport()
    with LedgerStore(db) as store:
        files = []
        for f in ingest.input_files(paths, ledger=db):
            if isinstance(f, SkippedInput):
                pipeline._skip(store, report, f, on_skip)
            else:
                files.append({"path": str(f), "fetched_at": fetched_at or ""})
        if files:
            cleaned = ray.data.from_items(files).map_batches(_clean_batch, batch_size=4)
            with pipeline._Commits(store) as commits:    # as the local engine: by seconds of work
                for n, row in enumerate(cleaned.iter_rows(), 1):
                    progress("read", n, None)
                    _keep(store, report, row, on_skip)
                    commits()
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
