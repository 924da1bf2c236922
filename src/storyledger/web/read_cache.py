"""Answers to reads kept per ledger version, in each server process (an ASGI middleware).

Every GET of the ledger's pages and JSON reads is a function of the URL and the ledger version
(web/state.AppLedger.version: the file and its ``generation``), so an answer is kept until the
version changes: 50 readers of a 2,000-article ledger then cost a dictionary lookup each, not a
render or a full-text query each (issue 11/12: p99 under load). Concurrent first requests for one
URL wait for one answer (single flight). Bodies are also kept gzip-compressed, once, for clients
that accept it (the ledger page is megabytes of HTML). The store is bounded in bytes (least
recently used out first); job progress and uploads are never kept here.

A handler that answers from an older ledger on purpose (the page cache serves the previous page
while the new one renders) names the version it shows in ``X-Ledger-Version``: the answer is kept
under that version, so the next request asks again.
"""
from __future__ import annotations

import asyncio
import gzip
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Optional

from anyio import to_thread

VERSION_HEADER = b"x-ledger-version"
# what is kept: the ledger page, search, and the JSON reads (not /api/jobs: progress changes)
KEPT_PREFIXES = ("/api/articles", "/api/claims", "/api/facts", "/api/series", "/api/disagreements",
                 "/api/timeline", "/api/search", "/api/openapi.json", "/export/")
KEPT_PATHS = {"/", "/search", "/openapi.json"}
MAX_BYTES = 96 * 1024 * 1024       # per server process
MAX_ENTRY = 16 * 1024 * 1024
GZIP_MIN = 1024
_COMPRESSIBLE = (b"text/", b"application/json")


@dataclass
class _Answer:
    version: str
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gz: Optional[bytes]

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gz or b"")


def kept(method: str, path: str) -> bool:
    return method == "GET" and (path in KEPT_PATHS or path.startswith(KEPT_PREFIXES))


def _accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    for k, v in headers:
        if k == b"accept-encoding":
            return any(part.split(b";")[0].strip() == b"gzip" for part in v.split(b","))
    return False


class ReadCache:
    def __init__(self, app, version: Callable[[object], str], max_bytes: int = MAX_BYTES):
        """``version(scope)``: the ledger version the request would read (cheap: a stat)."""
        self.app, self.version, self.max_bytes = app, version, max_bytes
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._bytes = 0
        self._flights: dict[tuple[str, bytes], asyncio.Future] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not kept(scope["method"], scope["path"]):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        try:
            ver = self.version(scope)
        except Exception:  # noqa: BLE001 - an unreadable ledger: the handler answers with its one-line error
            return await self.app(scope, receive, send)
        ans = self._fresh(key, ver)
        if ans is None:
            ans = await self._answer_once(key, ver, scope, receive, send)
        if ans is not None:     # (None: too big to keep, already streamed to the client)
            await self._replay(ans, _accepts_gzip(scope.get("headers") or []), send)

    def _fresh(self, key, ver: str) -> Optional[_Answer]:
        ans = self._answers.get(key)
        if ans is not None and ans.version == ver:
            self._answers.move_to_end(key)
            return ans
        return None

    async def _answer_once(self, key, ver: str, scope, receive, send) -> Optional[_Answer]:
        while True:
            flight = self._flights.get(key)
            if flight is None:
                break
            await asyncio.shield(flight)
            ans = self._fresh(key, ver)
            if ans is not None:
                return ans
        flight = self._flights[key] = asyncio.get_running_loop().create_future()
        try:
            ans = await self._ask(scope, receive, ver, self._answers.get(key), send)
            if ans is not None and ans.status == 200:
                self._keep(key, ans)
            return ans
        finally:
            del self._flights[key]
            flight.set_result(None)

    async def _ask(self, scope, receive, ver: str, old: Optional[_Answer], send) -> Optional[_Answer]:
        """Run the handler, gathering its answer; one that says it is bigger than MAX_ENTRY (a big
        download) goes on to the client as it comes and is not kept (None)."""
        start: dict = {}
        parts: list[bytes] = []
        through = False

        async def gather(message) -> None:
            nonlocal through
            if message["type"] == "http.response.start":
                size = next((v for k, v in message.get("headers", []) if k == b"content-length"), b"0")
                through = int(size) > MAX_ENTRY
                if through:
                    await send(message)
                start.update(message)
            elif through:
                await send(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))

        await self.app(scope, receive, gather)
        if through:
            return None
        headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
        shown = next((v.decode() for k, v in headers if k == VERSION_HEADER), ver)
        body = b"".join(parts)
        ctype = next((v for k, v in headers if k == b"content-type"), b"")
        gz = None
        if old is not None and old.version == shown and old.body == body:
            gz = old.gz         # the same older page again while the new one renders: compressed once
        elif start.get("status") == 200 and len(body) >= GZIP_MIN and ctype.startswith(_COMPRESSIBLE) \
                and not any(k == b"content-encoding" for k, _ in headers):
            gz = await to_thread.run_sync(gzip.compress, body, 5)
        return _Answer(shown, start.get("status", 500), headers, body, gz)

    def _keep(self, key, ans: _Answer) -> None:
        old = self._answers.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        self._answers[key] = ans
        self._bytes += ans.size
        while self._bytes > self.max_bytes and self._answers:
            _, out = self._answers.popitem(last=False)
            self._bytes -= out.size

    @staticmethod
    async def _replay(ans: _Answer, gzip_ok: bool, send) -> None:
        body = ans.gz if gzip_ok and ans.gz is not None else ans.body
        headers = list(ans.headers) + [(b"content-length", str(len(body)).encode())]
        if ans.gz is not None:
            headers.append((b"vary", b"Accept-Encoding"))
            if body is ans.gz:
                headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": ans.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
