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
from typing import Callable, Optional

Make = Callable[[], bytes]


class PageCache:
    def __init__(self, folder: Optional[Path], version: Callable[[], str]):
        self.folder, self.version = folder, version
        self._pages: dict[str, tuple[str, bytes]] = {}
        self._lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        self._refreshing: set[str] = set()
        if folder:
            folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str, make: Make) -> bytes:
        ver = self.version()
        with self._lock:
            hit = self._pages.get(key)
        if hit and hit[0] == ver:
            return hit[1]
        if hit:                                     # an older page: keep serving it, refresh once
            self._refresh_later(key, ver, make)
            return hit[1]
        return self._render_once(key, ver, make)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def _key_lock(self, key: str) -> threading.Lock:
        with self._lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _render_once(self, key: str, ver: str, make: Make) -> bytes:
        with self._key_lock(key):
            with self._lock:
                hit = self._pages.get(key)
            if hit and hit[0] == ver:
                return hit[1]
            value = self._shared(key, ver, make)
            with self._lock:
                old = self._pages.get(key)
                if not old or old[0] != ver:
                    self._pages[key] = (ver, value)
            return value

    def _refresh_later(self, key: str, ver: str, make: Make) -> None:
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)

        def run() -> None:
            try:
                self._render_once(key, ver, make)
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
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{key}-{ver}")
        path = self.folder / name
        try:
            return path.read_bytes()
        except FileNotFoundError:
            pass
        with open(self.folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', key)}.lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return path.read_bytes()
            except FileNotFoundError:
                pass
            value = make()
            tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
            tmp.write_bytes(value)
            os.replace(tmp, path)
            for old in self.folder.glob(f"{re.sub(r'[^A-Za-z0-9_.-]', '_', key)}-*"):
                if old != path:
                    old.unlink(missing_ok=True)
            return value
