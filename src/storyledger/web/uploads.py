"""What a client sends: upload files and JSON articles made into documents, with their limits.

Article text is hostile input: uploads never touch the file system under a name the client
chose, and bodies are capped (413) before they are read whole.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Optional

from fastapi import HTTPException, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from storyledger import ingest
from storyledger.model import RawDocument, SkippedInput

MAX_UPLOAD = 5 * 1024 * 1024
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


class ArticleIn(BaseModel):
    """One article sent to ``POST /api/articles``: plain text or an HTML page."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, description="Plain-text article (first line: headline)")
    html: Optional[str] = Field(None, description="A saved HTML page")
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO date or datetime")


def safe_name(filename: Optional[str]) -> str:
    """The last path component of a client's file name, reduced to harmless characters."""
    name = PureWindowsPath(PurePosixPath(filename or "upload").name).name
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).lstrip(".") or "upload"
    return name[:100]


def documents_from_upload(name: str, data: bytes) -> tuple[list[RawDocument], list[SkippedInput], str]:
    """Bytes of one uploaded file -> documents (through ingest, as for files on disk).

    Unknown kinds are a 400 with a one-line reason; an unreadable file is too.
    """
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in KINDS:
        raise HTTPException(400, f"{name}: unsupported kind {suffix or '(no extension)'!r}; "
                                 "send .txt, .html or .jsonl")
    docs: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    for item in ingest.iter_bytes(f"upload/{name}", data):
        (skipped if isinstance(item, SkippedInput) else docs).append(item)
    if not docs and skipped and suffix != ".jsonl":
        raise HTTPException(400, skipped[0].reason)
    return docs, skipped, suffix


def _too_big() -> str:
    return f"upload too large: the limit is {MAX_UPLOAD // (1024 * 1024)} MB"


def _one_line(text: str) -> str:
    return (str(text).splitlines() or [""])[0]


class BodyLimit:
    """ASGI middleware: 413 once a request body passes ``limit`` bytes.

    Content-Length is checked up front, but a chunked body has none, so the bytes are
    also counted as the app receives them.
    """

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await self._refuse(send)
            return
        seen, tripped, started, replaced = 0, False, False, False

        async def counted_receive():
            nonlocal seen, tripped
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    tripped = True
                    # fastapi re-raises HTTPException from body parsing, so this becomes the answer
                    raise HTTPException(413, _too_big())
            return message

        async def guarded_send(message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the app's own answer to an over-long body is dropped
            if message["type"] == "http.response.start":
                started = True
                if tripped and message["status"] != 413:
                    # something caught our exception and answered otherwise: answer 413 instead
                    replaced = True
                    await self._refuse(send)
                    return
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not tripped or started:
                raise
            await self._refuse(send)

    @staticmethod
    async def _refuse(send) -> None:
        body = json.dumps({"detail": _too_big()}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


async def read_capped(file: UploadFile) -> bytes:
    """Read an upload but never more than the cap (a chunked body has no Content-Length)."""
    chunks, size = [], 0
    while True:
        chunk = await file.read(256 * 1024)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_UPLOAD:
            raise HTTPException(413, _too_big())
        chunks.append(chunk)
    if not size:
        raise HTTPException(400, f"{safe_name(file.filename)}: empty file")
    return b"".join(chunks)


_BODY_SHAPE = "body must be a JSON object {text|html, url?, title?, published?}"


def documents_from_json(body: bytes) -> list[RawDocument]:
    """The body of ``POST /api/articles`` (one article or a list) -> documents; a 400 names the problem."""
    if len(body) > MAX_UPLOAD:
        raise HTTPException(413, _too_big())
    try:
        payload = json.loads(body)
        items = [ArticleIn.model_validate(x) for x in (payload if isinstance(payload, list) else [payload])]
    except RecursionError:
        raise HTTPException(400, f"{_BODY_SHAPE}: nested too deeply")
    except ValueError as exc:
        raise HTTPException(400, f"{_BODY_SHAPE}: " + (str(exc).splitlines() or [""])[0])
    if not items:
        raise HTTPException(400, f"{_BODY_SHAPE}: the list is empty")
    docs = []
    for item in items:
        if not (item.text or item.html):
            raise HTTPException(400, "each article needs a text or an html field")
        digest = hashlib.sha256((item.text or item.html or "").encode("utf-8", "surrogatepass")).hexdigest()[:12]
        docs.append(RawDocument(source=item.url or f"api/{digest}", kind="html" if item.html else "text",
                                text=item.text, html=item.html, url=item.url, title=item.title,
                                published=item.published))
    return docs


def keep_originals(data_dir: Optional[Path], originals: list[tuple[bytes, str]]) -> None:
    """Keep what was uploaded, named by its content hash, never by the client's file name."""
    if not data_dir:
        return
    folder = data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    for data, suffix in originals:
        target = (folder / (hashlib.sha256(data).hexdigest()[:24] + suffix)).resolve()
        if folder.resolve() not in target.parents:  # cannot happen with a hex name; checked anyway
            raise HTTPException(400, "bad upload name")
        target.write_bytes(data)
