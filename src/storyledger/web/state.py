"""The ledger as the app sees it: fresh read-only readers, one queued writer, a page cache.

Every request opens its own read-only connection; reads that make one page run in one read
transaction, so a page never mixes two ledgers. Writes go through the job queue (web/jobs.py).
The app keeps its state (jobs, rendered pages) in a folder next to the ledger file
(``<ledger>.app/``), shared by all server processes on that ledger.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Optional, TypeVar

from fastapi import HTTPException

from storyledger.store import LedgerStore, StoreError, is_url
from storyledger.web.jobs import Queue, Writer
from storyledger.web.pages_cache import PageCache
from storyledger.writer_turn import state_dir_for, take_turn

T = TypeVar("T")


class AppLedger:
    def __init__(self, db_path: str, data_dir: Optional[str], writer: str = "process"):
        self.url = str(db_path) if is_url(db_path) else None     # a PostgreSQL ledger
        self.path = self.url or Path(db_path)
        self.db = str(db_path)
        self.data_dir = Path(data_dir).resolve() if data_dir else None
        if self.url or not self.path.exists():
            LedgerStore(self.path).close()  # an empty ledger people can upload into
        self.state = state_dir_for(self.db, data_dir)
        self.queue = Queue(self.state)
        self.writer = Writer(self.state, self.db, mode=writer)
        self.cache = PageCache(self.state / "cache", self.version)
        self._sig: Optional[tuple] = None
        self._ver = "0"
        self._ver_lock = threading.Lock()
        if self.queue.pending():        # jobs left by a writer that was stopped: finish them
            self.writer.start()

    def reader(self) -> LedgerStore:
        return LedgerStore(self.path, readonly=True)

    def read(self, fn: Callable[[LedgerStore], T]) -> T:
        """``fn`` over one read transaction (one snapshot); an unreadable ledger is a one-line 503."""
        try:
            with self.reader() as store:
                if not self.url:
                    store.db.execute("BEGIN")
                return fn(store)
        except (StoreError, sqlite3.Error) as exc:
            raise HTTPException(503, (f"ledger unavailable: {exc}".splitlines() or [""])[0])

    def _signature(self) -> tuple:
        """Changes whenever anyone (this app's writer or the CLI) writes the file."""
        sig = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(str(self.path) + suffix)
                sig.append((st.st_ino, st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                sig.append(None)
        return tuple(sig)

    def version(self) -> str:
        """The ledger's generation (with the file's inode, so a rebuilt file is a new version)."""
        if self.url:
            return self.read(lambda st: st.get_meta("generation") or "0")
        sig = self._signature()
        with self._ver_lock:
            if sig == self._sig:
                return self._ver
        gen = self.read(lambda st: st.get_meta("generation") or "0")
        ver = f"{sig[0][0] if sig[0] else 0}.{gen}"
        with self._ver_lock:
            self._sig, self._ver = sig, ver
        return ver

    # -- writes: queued to the one writer ------------------------------------------
    def submit(self, docs, skipped, originals: list[tuple[bytes, str]]) -> str:
        """Queue one write; returns its job id (the writer is started if none runs)."""
        from storyledger.web.uploads import keep_originals
        keep_originals(self.data_dir, originals)
        job_id = self.queue.submit(docs, skipped)
        self.writer.start()
        return job_id

    def ensure_writer(self) -> None:
        """Start a writer when jobs wait and none runs (its process was stopped)."""
        if self.writer.running():   # ours runs: probing the turn could make it wait a turn of its own
            return
        free = take_turn(self.db, block=False)
        if free is None:
            return
        free.close()
        if self.queue.pending():
            self.writer.start()
