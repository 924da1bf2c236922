"""Pages rendered once per ledger version, shared by every server process.

The version is the ledger's ``generation`` (counted up each time the ledger tables are replaced,
by the app's writer or the CLI), so a page shows the last complete ledger, never one half-built.

- Single flight: concurrent first requests wait for one render (a thread lock in the process,
  a flock on the cache file across ``--workers`` processes), and the rendered bytes are kept on
  disk so the other processes read them instead of rendering again.
- Stale while revalidate: once a page exists, a new ledger version is rendered in the background
  while readers keep getting the previous page; nobody waits for a write to show.
"""
from __future__ import annotations

import fcntl
import os
import re
import threading
from pathlib import Path
from typing import BinaryIO, Callable, Optional

Make = Callable[[], bytes]
Write = Callable[[Path], None]


class PageCache:
    def __init__(self, folder: Optional[Path], version: Callable[[], str]):
        self.folder, self.version = folder, version
        self._pages: dict[str, tuple[str, object]] = {}
        self._lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        self._refreshing: set[str] = set()
        if folder:
            folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str, make: Make) -> bytes:
        """The page's bytes for the current ledger version (``make`` renders them)."""
        return self._get(key, lambda k, v: self._shared(k, v, make))

    def get_version(self, key: str, make: Make) -> tuple[str, bytes]:
        """(the ledger version the page shows, its bytes): an older version's page while the new one renders."""
        return self._get(key, lambda k, v: self._shared(k, v, make), with_version=True)

    def open(self, key: str, write: Write) -> tuple[str, BinaryIO]:
        """(the ledger version it holds, a file made once per ledger version by ``write(path)``: a
        download too big to hold in memory) opened for reading — the open file outlives its
        replacement by a newer version; an older version's file while the new one is made."""
        if not self.folder:
            raise RuntimeError("a file cache needs a folder")
        key = "file:" + key

        def produce(k: str, v: str) -> Path:
            return self._shared_file(k[5:], v, write)
        for _ in range(3):
            try:
                ver, path = self._get(key, produce, with_version=True)
                return ver, open(path, "rb")
            except FileNotFoundError:       # another process replaced the older version's file
                with self._lock:
                    self._pages.pop(key, None)
        ver = self.version()
        return ver, open(self._render_once(key, ver, produce), "rb")

    def _get(self, key: str, produce, with_version: bool = False):
        ver = self.version()
        with self._lock:
            hit = self._pages.get(key)
        if hit and hit[0] == ver:
            return hit if with_version else hit[1]
        if hit:                                     # an older page: keep serving it, refresh once
            self._refresh_later(key, ver, produce)
            return hit if with_version else hit[1]
        value = self._render_once(key, ver, produce)
        return (ver, value) if with_version else value

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def _key_lock(self, key: str) -> threading.Lock:
        with self._lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _render_once(self, key: str, ver: str, produce):
        with self._key_lock(key):
            with self._lock:
                hit = self._pages.get(key)
            if hit and hit[0] == ver:
                return hit[1]
            value = produce(key, ver)
            with self._lock:
                old = self._pages.get(key)
                if not old or old[0] != ver:
                    self._pages[key] = (ver, value)
            return value

    def _refresh_later(self, key: str, ver: str, produce) -> None:
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)

        def run() -> None:
            try:
                self._render_once(key, ver, produce)
            except Exception:  # noqa: BLE001 - the old page stays; the next request tries again
                pass
            finally:
                with self._lock:
                    self._refreshing.discard(key)
        threading.Thread(target=run, daemon=True).start()

    def _shared(self, key: str, ver: str, make: Make) -> bytes:
        """The page from the disk cache, or rendered by the one process holding the key's flock."""
        if not self.folder:
            return make()

        def write(tmp: Path) -> None:
            tmp.write_bytes(make())
        return self._shared_file(key, ver, write).read_bytes()

    def _shared_file(self, key: str, ver: str, write: Write) -> Path:
        """The version's file on disk, made by the one process holding the key's flock."""
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", key)
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{key}-{ver}")
        path = self.folder / name
        if path.exists():
            return path
        with open(self.folder / f"{stem}.lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if path.exists():
                return path
            tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
            write(tmp)
            os.replace(tmp, path)
            for old in self.folder.glob(f"{stem}-*"):
                if old != path:
                    old.unlink(missing_ok=True)     # a reader streaming it keeps its open file
            return path
