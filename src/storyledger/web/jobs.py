"""One writer for the ledger: uploads and API posts are queued as jobs and written by one process.

A request never writes the ledger itself. It saves its documents as a job file in the app's
state folder and makes sure a writer runs; the answer is 202 with the job id and a status URL.

    <state>/jobs/<id>.json     the documents of one job (written whole, then renamed into place)
    <state>/jobs/<id>.status   what became of it (queued, running, waiting, done, failed)
    <ledger>.app/writer.lock   flock held by the one writer, whichever server process started it, and
                               by `storyledger build` (storyledger/writer_turn.py: the ledger's turn)
    <state>/waiting.lock       flock held by the one writer waiting for its turn

Every server process (``serve --workers N``, even several ``serve`` on one ledger) shares the
folder, so there is one writer for the ledger whatever the number of readers. A writer writes the
queued jobs in order and exits when the queue has been empty for a moment. Nothing is lost when
it is killed: its job is still queued, and the next writer does it again (ingesting is idempotent).
When the CLI holds the ledger longer than the busy timeout, the job waits and retries.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional

from storyledger.model import RawDocument, SkippedInput
from storyledger.writer_turn import flocked, take_turn

JOB_ID = re.compile(r"^\d{16}-[0-9a-f]{8}$")
FINAL = ("done", "failed")
IDLE_SECONDS = 3.0          # a writer lingers this long for the next upload before it exits
RETRY_SECONDS = (1, 2, 5, 10, 30)
MAX_LOCKED_TRIES = 120      # ~1 hour of a ledger locked by someone else before a job fails


def new_job_id() -> str:
    """Sorts in the order jobs arrived."""
    return f"{time.time_ns() // 1000:016d}-{secrets.token_hex(4)}"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class Queue:
    """The job folder of one ledger."""

    def __init__(self, state_dir: Path):
        self.state = Path(state_dir)
        self.dir = self.state / "jobs"
        self.dir.mkdir(parents=True, exist_ok=True)

    # -- requests ----------------------------------------------------------------
    def submit(self, docs: list[RawDocument], skipped: list[SkippedInput]) -> str:
        job_id = new_job_id()
        body = {"docs": [d.model_dump(mode="json") for d in docs],
                "skipped": [s.model_dump(mode="json") for s in skipped]}
        _write_atomic(self.dir / f"{job_id}.json", json.dumps(body).encode())
        return job_id

    def status(self, job_id: str) -> Optional[dict]:
        """The job's state, or None when there is no such job."""
        if not JOB_ID.match(job_id):
            return None
        st = self._status_file(job_id)
        if st is None and (self.dir / f"{job_id}.json").exists():
            st = {"id": job_id, "state": "queued"}
        elif st is None:    # it may have ended between the two reads: set_status writes the final
            st = self._status_file(job_id)      # status before it removes the body
        if st is None:
            return None
        if st["state"] not in FINAL:
            st["ahead"] = sum(1 for j in self.pending() if j < job_id)
        return st

    def _status_file(self, job_id: str) -> Optional[dict]:
        try:
            return json.loads((self.dir / f"{job_id}.status").read_text())
        except (FileNotFoundError, ValueError):
            return None

    # -- the writer ---------------------------------------------------------------
    def pending(self) -> list[str]:
        return sorted(p.stem for p in self.dir.glob("*.json") if JOB_ID.match(p.stem))

    def load(self, job_id: str) -> tuple[list[RawDocument], list[SkippedInput]]:
        body = json.loads((self.dir / f"{job_id}.json").read_text())
        return ([RawDocument.model_validate(d) for d in body["docs"]],
                [SkippedInput.model_validate(s) for s in body["skipped"]])

    def set_status(self, job_id: str, state: str, **fields) -> None:
        _write_atomic(self.dir / f"{job_id}.status",
                      json.dumps({"id": job_id, "state": state, **fields}).encode())
        if state in FINAL:
            (self.dir / f"{job_id}.json").unlink(missing_ok=True)

    def lock(self, name: str, block: bool = True):
        """An open file holding flock ``name`` (close it to release), or None when taken."""
        return flocked(self.state / name, block)


def is_locked_error(exc: BaseException) -> bool:
    """The ledger is held by another writer (the CLI) past the busy timeout."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class _Progress:
    """Writes the running job's stage to its status file, a few times a second at most."""

    def __init__(self, queue: Queue, job_id: str):
        self.queue, self.job_id, self.last = queue, job_id, ("", 0.0)

    def __call__(self, stage: str, done: int, total: Optional[int]) -> None:
        now = time.monotonic()
        if stage == self.last[0] and now - self.last[1] < 0.3 and done != total:
            return
        self.last = (stage, now)
        self.queue.set_status(self.job_id, "running", stage=stage, done=done, total=total)


def write_job(db: str, docs: list[RawDocument], skipped: list[SkippedInput], progress) -> dict:
    """Clean, store and extract the job's documents, then rebuild the ledger: the job's result."""
    from storyledger import pipeline
    from storyledger.store import LedgerStore

    report = pipeline.BuildReport()
    with LedgerStore(db) as store:
        for item in skipped:
            report.skipped.append(item)
            store.put_skipped(item)
        store.commit()
        ids: list[str] = []
        for i, doc in enumerate(docs):
            ids += pipeline.ingest_documents(store, [doc], report)
            progress("read", i + 1, len(docs))
        if report.new:
            pipeline.finish(store, report, progress)
        else:
            report.claims, report.facts = store.count("claims"), store.count("facts")
    already = [i for i in ids if i not in set(report.new_ids)]
    return {"ids": ids, "new": report.new, "unchanged": report.unchanged, "already": already,
            "skipped": [s.reason for s in report.skipped], "claims": report.claims, "facts": report.facts,
            "message": summary(report.new, len(already), len(report.skipped))}


def summary(new: int, already: int, skipped: int) -> str:
    parts = [f"added {new} new article{'' if new == 1 else 's'}"]
    if already:
        parts.append(f"{already} already in the ledger")
    if skipped:
        parts.append(f"skipped {skipped}")
    text = ", ".join(parts) + "."
    return text[0].upper() + text[1:]


def run_job(queue: Queue, db: str, job_id: str) -> None:
    """Do one job; a ledger locked by another writer is waited for, any other failure ends the job."""
    from storyledger import ingest
    try:
        docs, skipped = queue.load(job_id)
    except (OSError, ValueError) as exc:
        queue.set_status(job_id, "failed", error=f"the job file cannot be read ({ingest.brief(exc)})")
        return
    for attempt in range(MAX_LOCKED_TRIES):
        queue.set_status(job_id, "running", stage="start", done=0, total=len(docs))
        try:
            result = write_job(db, docs, skipped, _Progress(queue, job_id))
        except Exception as exc:  # noqa: BLE001 - one job's failure, named; the writer goes on
            if is_locked_error(exc):
                queue.set_status(job_id, "waiting", error="the ledger is busy (another program is writing "
                                                          "it); trying again", tries=attempt + 1)
                time.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                continue
            queue.set_status(job_id, "failed", error=_failure(exc))
            return
        queue.set_status(job_id, "done", result=result)
        return
    queue.set_status(job_id, "failed", error="the ledger stayed busy (another program is writing it)")


def _failure(exc: Exception) -> str:
    from storyledger import ingest
    from storyledger.extract import ExtractError
    from storyledger.store import StoreError
    if isinstance(exc, (StoreError, ExtractError)):
        return _one_line(f"could not write the ledger: {exc}")
    return _one_line(f"could not add this input: {ingest.brief(exc)}")


def _one_line(text: str) -> str:
    return (str(text).splitlines() or [""])[0]


def drain(state_dir: str | Path, db: str, idle: float = IDLE_SECONDS) -> None:
    """Be the ledger's writer: wait for the turn, write every queued job in order, exit when idle.

    At most one process waits for the turn (``waiting.lock``); another that finds it taken exits,
    since the waiting one will see its job: the waiter lists the queue only after it has the turn.
    """
    queue = Queue(Path(state_dir))
    waiting = queue.lock("waiting.lock", block=False)
    if waiting is None:
        return
    try:
        turn = take_turn(db, block=False)
        if turn is None:    # another writer (a CLI build, or a writer of another server) has the turn
            for job_id in [j for j in queue.pending() if (queue.status(j) or {}).get("state") == "queued"]:
                queue.set_status(job_id, "waiting", error="another program is writing the ledger; "
                                                          "this job waits for its turn")
            turn = take_turn(db)
    finally:
        waiting.close()
    try:
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < idle:
            jobs = queue.pending()
            if not jobs:
                time.sleep(0.1)
                continue
            run_job(queue, db, jobs[0])
            quiet_since = time.monotonic()
    finally:
        turn.close()


class Writer:
    """Starts the writer for a request's job: a process of its own (``process``, the default, so
    extraction never holds the server's GIL) or a thread (``thread``, for tests)."""

    def __init__(self, state_dir: Path, db: str, mode: str = "process"):
        self.state, self.db, self.mode = Path(state_dir), db, mode
        self._children: list[subprocess.Popen] = []
        self._threads: list[threading.Thread] = []

    def running(self) -> bool:
        """A writer this app started is still at work (or lingering for the next job)."""
        return any(t.is_alive() for t in self._threads) or any(p.poll() is None for p in self._children)

    def start(self) -> None:
        if self.mode == "thread":
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(threading.Thread(target=drain, args=(self.state, self.db), daemon=True))
            self._threads[-1].start()
            return
        self._children = [p for p in self._children if p.poll() is None]  # reap those that exited
        log = open(self.state / "writer.log", "ab")
        with log:
            self._children.append(subprocess.Popen(
                [sys.executable, "-m", "storyledger.web.jobs", str(self.state), self.db],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True))


def main(argv: list[str]) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        os.nice(5)  # readers first: the server's processes answer while the writer works
    except OSError:
        pass
    drain(argv[0], argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
