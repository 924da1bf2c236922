"""``build --engine ray``: ingest, clean and extract mapped over Ray Data, then the ledger step.

The driver reads the files; their documents are a Ray dataset mapped over an actor class that
loads the spaCy pipeline once per worker and, in one pass, cleans each document and extracts each
new article whose publication date is its own (the model's start and the cleaning overlap the
extraction). An undated article is only parsed there (``extract.parse_heads``: the pipes that do
not read its date, most of the work) and its Docs come back to the driver: the corpus pass gives
it a date window or a year from its siblings, and the driver then runs the rest of the pipeline on
those Docs (``extract.claims_from_heads``). What is left after that pass (articles the pass changed
otherwise, a link to an original; failures; stored ones not extracted with this version) goes
through the actors again. The driver writes what comes back, in input order and in batches,
through the same store calls as the local engine (``pipeline``), and runs the corpus pass and the
ledger step itself: so the ledger is the local engine's, row for row.

Ray (the ``storyledger[ray]`` extra) is imported only here. Without ``address`` a local Ray
starts on ``workers`` CPUs; with it the build joins that cluster (``ray://…`` or ``host:port``).
"""
from __future__ import annotations

import json
import pickle
import threading
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
# Undated articles whose parsed Docs the driver keeps until the corpus pass (~100 KB each); past
# that many, an undated article is left to the actors' pass after the corpus pass.
HEADS = 4096


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
            progress: pipeline.Progress, version: str, opts: dict) -> tuple[set[str], dict[str, bytes]]:
    """Documents cleaned and new dated articles extracted on the workers (``_CleanExtractor``),
    stored by the driver in input order: each article as the local engine's ingest stores it, then
    a new article's claims. Returns the ids whose claims were stored, and the parsed Docs of new
    undated articles (id -> pickled ``extract.parse_heads`` item). An article whose extraction
    failed is left unextracted: the pass after the corpus pass extracts it again and records the
    failure there, in ledger order, as the local engine's extraction does.

    The driver reads the files (reading is a small share of ingest) so that a dataset row is one
    document: with a row per file, a JSON Lines file of many articles was one worker's alone."""
    n = 0
    done: set[str] = set()
    heads: dict[str, bytes] = {}
    known = frozenset(store.article_ids())     # stored already: not new, not extracted here
    with pipeline._Commits(store) as commits:    # as the local engine: by seconds of work
        while wave := list(islice(docs, WAVE)):
            rows = []
            for item in wave:
                skip = isinstance(item, SkippedInput)
                if not skip:
                    pipeline.note_changes(item, report, on_note)
                rows.append({"kind": "skip" if skip else "doc", "data": item.model_dump_json()})
            out = ray.data.from_items(rows).map_batches(
                _CleanExtractor, batch_size=opts["batch_size"], num_cpus=1,
                fn_constructor_kwargs={"aliases": opts["aliases"], "known": known},
                compute=ray.data.ActorPoolStrategy(size=opts["workers"]))
            for row in out.iter_rows():
                n += 1
                progress("read", n, None)
                new = _keep(store, report, row, on_skip)
                if new and row["extracted"] and not row["error"]:
                    pipeline.store_claims(store, report, new, json.loads(row["claims"]), version, as_rows=True)
                    done.add(new)
                elif new and row["heads"] and len(heads) < HEADS:
                    if not heads:   # the driver finishes them after the corpus pass: its model loads meanwhile
                        opts["loader"] = threading.Thread(target=_load_nlp, args=(opts["aliases"],), daemon=True)
                        opts["loader"].start()
                    heads[new] = row["heads"]
                commits()
    return done, heads


def _load_nlp(aliases: Optional[str]) -> None:
    from storyledger import extract
    try:
        extract.load_nlp(aliases) if aliases else extract.load_nlp()
    except Exception:  # noqa: BLE001 - the driver asks again after the corpus pass and says why there
        pass


def _keep(store: LedgerStore, report: pipeline.BuildReport, row: dict, on_skip) -> Optional[str]:
    """One cleaned row stored as the local engine stores it, with a new article's signature;
    returns the id of a new article."""
    if row["kind"] == "skip":
        pipeline._skip(store, report, SkippedInput.model_validate_json(row["data"]), on_skip)
        return None
    art, new = Article.model_validate_json(row["data"]), report.new
    failed = pipeline.keep_article(store, art, report)
    if failed:
        pipeline._skip(store, report, failed, on_skip)
        return None
    if report.new == new:
        return None
    if row["sig"]:
        sig = bytes.fromhex(row["sig"])
        store.put_signature(art.id, sig, band_keys(sig))
    return art.id


class _Extractor:
    """One spaCy pipeline per worker, loaded once; a batch of articles -> their claims."""

    def __init__(self, aliases: Optional[str] = None) -> None:
        from storyledger import extract
        self.extract = extract
        self.nlp = extract.load_nlp(aliases) if aliases else extract.load_nlp()

    def __call__(self, batch: dict) -> dict:
        arts = [Article.model_validate_json(s) for s in batch["article"]]
        claims, errors = self._claims(arts)
        return {"id": [a.id for a in arts], "claims": claims, "error": errors}

    def _claims(self, arts: list[Article]) -> tuple[list[str], list[str]]:
        """Each article's claims as the claims table's rows (JSON; made here: the driver writes them
        without parsing a claim) and its failure ("" if none), in order."""
        errors: dict[str, str] = {}

        def failed(art: Article, exc: Exception) -> None:
            errors[art.id] = pipeline.extract_failure(art, exc).model_dump_json()

        claims = [json.dumps([claim_row(c) for c in got])
                  for _, got in self.extract.extract_claims(arts, nlp=self.nlp, on_error=failed)]
        return claims, [errors.get(a.id, "") for a in arts]


class _CleanExtractor(_Extractor):
    """Cleaning and extraction in one pass of the actors: a batch of raw documents -> one row each
    (as ``_clean_batch``) with the claims of each new article whose date is its own.

    An undated article (``clean.UNDATED``) is only parsed here (``heads``: its Docs through the
    pipes that do not read its date): the corpus pass gives it a date window or a year from its
    siblings, so its claims are read after that pass. ``known``: ids already in the ledger
    (stored, not new: not extracted)."""

    def __init__(self, aliases: Optional[str] = None, known: frozenset = frozenset()) -> None:
        super().__init__(aliases)
        self.known = known

    def __call__(self, batch: dict) -> dict:
        from storyledger.clean import UNDATED

        out = _clean_batch(batch)
        arts = {k: Article.model_validate_json(data)
                for k, (kind, data) in enumerate(zip(out["kind"], out["data"])) if kind == "article"}
        new = [k for k, a in arts.items() if a.id not in self.known]
        todo = [k for k in new if arts[k].published_basis not in UNDATED]
        got = dict(zip(todo, zip(*self._claims([arts[k] for k in todo])))) if todo else {}
        later = [k for k in new if k not in got]
        heads = dict(zip(later, self._heads([arts[k] for k in later]))) if later else {}
        rows = range(len(out["kind"]))
        out["extracted"] = [k in got for k in rows]
        out["claims"] = [got[k][0] if k in got else "" for k in rows]
        out["error"] = [got[k][1] if k in got else "" for k in rows]
        out["heads"] = [heads.get(k, b"") for k in rows]
        return out

    def _heads(self, arts: list[Article]) -> list[bytes]:
        """``extract.parse_heads`` of each article, pickled (b"" where the parse failed: that
        article is left to the pass after the corpus pass, which records the failure)."""
        try:
            return [pickle.dumps(h) for h in self.extract.parse_heads(arts, nlp=self.nlp)]
        except Exception:  # noqa: BLE001 - one article broke the batch: the later pass isolates it
            return [b"" for _ in arts]


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
    # the version claims are marked with (the aliases change it); the driver parses nothing itself
    nlp = extract.load_nlp(aliases) if aliases else None
    version = extract.version_of(nlp) if aliases else extract.VERSION
    opts = dict(workers=workers, batch_size=batch_size, aliases=aliases)
    with LedgerStore(db) as store:
        done, heads = _ingest(ray, store, report, ingest.iter_documents(paths, fetched_at=fetched_at, ledger=db),
                              on_skip, on_note, progress, version, opts)
        store.commit()
        pipeline.corpus_pass(store, report)
        store.set_meta("aliases", extract.user_aliases(nlp) or "")   # the ledger step reads them too
        # what is left: the undated articles, those the corpus pass changed (a link to an original:
        # extracted again, as locally), failures, and stored ones not extracted with this version
        todo = store.unextracted(version)
        report.extracted -= len(done.intersection(a.id for a in todo))   # counted once, as locally
        todo = _finish_heads(store, report, todo, heads, version, opts, progress)
        _extract(ray, store, report, todo, version, opts, progress)
        pipeline.ledger_step(store, report, progress)
    return report


def _finish_heads(store: LedgerStore, report: pipeline.BuildReport, todo: list[Article], heads: dict[str, bytes],
                  version: str, opts: dict, progress: pipeline.Progress) -> list[Article]:
    """The undated articles the actors parsed, finished by the driver once the corpus pass has
    dated them (``extract.claims_from_heads``: the components that read the date, on the Docs the
    actors made); returns what is left for the actors (an article that fails here is extracted
    again there, which records the failure as the local engine does)."""
    from storyledger import extract

    mine = [a for a in todo if a.id in heads]
    if not mine:
        return todo
    if opts.get("loader"):
        opts["loader"].join()     # started while the actors ran
    try:
        nlp = extract.load_nlp(opts["aliases"]) if opts["aliases"] else extract.load_nlp()
    except extract.ExtractError:    # no model on the driver (a cluster's head node): the actors do them
        return todo
    failed: set[str] = set()
    with pipeline._Commits(store) as commits:
        for n, art in enumerate(mine, 1):
            try:
                claims = extract.claims_from_heads(art, pickle.loads(heads.pop(art.id)), nlp=nlp)
            except Exception:  # noqa: BLE001 - the actors' pass extracts it again and records why
                failed.add(art.id)
                continue
            pipeline.store_claims(store, report, art.id, claims, version)
            progress("extract", n, len(todo))
            commits()
    ids = {a.id for a in mine}
    return [a for a in todo if a.id not in ids or a.id in failed]


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
