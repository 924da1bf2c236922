"""One writer at a time on a ledger file: `storyledger build` and the app's queued writer take turns.

SQLite lets one connection write at a time and makes the other wait (the busy timeout), but a
ledger update can hold the file longer than any timeout worth waiting for, and a build that gives
up half-way is a failed build. So every writer of a ledger file takes a turn first: a flock on
``writer.lock`` in the app's state folder (``<ledger>.app/``, web/jobs.py), which the app's writer
holds while it writes queued jobs. A CLI build waits for the app's current job to end; the app's
jobs wait, queued, while a build runs. Readers never take it (they read the last committed ledger).
A PostgreSQL ledger needs no turn: the server orders its writers.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterator, Optional

LOCK_NAME = "writer.lock"


def state_dir_for(db: str, data_dir: Optional[str] = None) -> Path:
    """``data_dir`` when given; else ``<ledger>.app`` beside a ledger file (a private temp folder
    when that is not writable, or for a server ledger)."""
    from storyledger.store import is_url

    if data_dir:
        return Path(data_dir).resolve()
    if not is_url(db):
        beside = Path(str(Path(db).resolve()) + ".app")
        try:
            beside.mkdir(mode=0o700, exist_ok=True)
            if os.access(beside, os.W_OK):
                return beside
        except OSError:
            pass
    key = hashlib.sha256(str(db if is_url(db) else Path(db).resolve()).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"storyledger-{os.getuid()}-{key}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def take_turn(db: str, block: bool = True) -> Optional[IO]:
    """An open file holding the ledger's writer turn (close it to give the turn back), or None when
    ``block`` is false and another writer has it. The turn's lock file lives in the folder the
    ledger's name gives (never in an app's ``data_dir``), so every writer finds the same one."""
    return flocked(state_dir_for(str(db)) / LOCK_NAME, block)


def flocked(path: Path, block: bool = True) -> Optional[IO]:
    """An open file holding an exclusive flock on ``path`` (close it to release), or None when
    ``block`` is false and the lock is taken."""
    fh = open(path, "a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
    except BlockingIOError:
        fh.close()
        return None
    return fh


@contextmanager
def writer_turn(db: str, on_wait: Optional[Callable[[], None]] = None) -> Iterator[None]:
    """Hold the ledger's writer turn for the block; ``on_wait()`` is called once if it must wait."""
    from storyledger.store import is_url

    if is_url(str(db)):
        yield
        return
    fh = take_turn(db, block=False)
    if fh is None:
        if on_wait is not None:
            on_wait()
        fh = take_turn(db)
    with fh:
        yield
