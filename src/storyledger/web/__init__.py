"""Local web app: the report's views, full-text search, uploads and a JSON API on one ledger file.

The app and the CLI share the SQLite file: every request opens its own read-only
connection, writes (uploads) are serialised by one lock, and the rendered ledger page
is cached until the file changes. Article text is hostile input: pages are rendered
by the report's autoescaping templates, uploads never touch the file system under a
name the client chose, and bodies are capped (413) before they are read whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Optional

from fastapi import FastAPI, File, HTTPException, Query, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field

from storyledger import ingest
from storyledger.extract import ExtractError
from storyledger.model import RawDocument, SkippedInput
from storyledger.store import LedgerStore, StoreError

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


class AddResult(BaseModel):
    ids: list[str]
    new: int
    unchanged: int
    skipped: list[str]
    claims: int
    facts: int


class _Ledger:
    """The ledger file as the app sees it: fresh readers, one writer, a page cache."""

    def __init__(self, db_path: str, data_dir: Optional[str]):
        from storyledger.store import is_url
        self.url = str(db_path) if is_url(db_path) else None     # a PostgreSQL ledger
        self.path = self.url or Path(db_path)
        self.data_dir = Path(data_dir).resolve() if data_dir else None
        self.write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: dict[str, tuple[tuple, Any]] = {}
        if self.url or not self.path.exists():
            LedgerStore(self.path).close()  # an empty ledger people can upload into

    def reader(self) -> LedgerStore:
        return LedgerStore(self.path, readonly=True)

    def signature(self) -> tuple:
        """Changes whenever anyone (this app or the CLI) writes the file."""
        if self.url:
            with self.reader() as st:          # a server has no file to stat: the ledger counts its writes
                return (st.get_meta("generation"),)
        sig = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(str(self.path) + suffix)
                sig.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                sig.append(None)
        return tuple(sig)

    def cached(self, key: str, make):
        sig = self.signature()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit and hit[0] == sig:
                return hit[1]
        value = make()
        with self._cache_lock:
            self._cache[key] = (sig, value)
        return value

    def add(self, docs: list[RawDocument], skipped: list[SkippedInput], originals: list[tuple[bytes, str]]) -> AddResult:
        from storyledger import pipeline

        with self.write_lock:
            self._keep_originals(originals)
            report = pipeline.BuildReport()
            with LedgerStore(self.path) as store:
                for item in skipped:
                    report.skipped.append(item)
                    store.put_skipped(item)
                ids = pipeline.ingest_documents(store, docs, report)
                if report.new:
                    pipeline.finish(store, report)
                else:
                    report.claims = store.count("claims")
                    report.facts = store.count("facts")
        with self._cache_lock:
            self._cache.clear()
        return AddResult(ids=ids, new=report.new, unchanged=report.unchanged,
                         skipped=[s.reason for s in report.skipped], claims=report.claims, facts=report.facts)

    def _keep_originals(self, originals: list[tuple[bytes, str]]) -> None:
        """Keep what was uploaded, named by its content hash, never by the client's file name."""
        if not self.data_dir:
            return
        folder = self.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        for data, suffix in originals:
            target = (folder / (hashlib.sha256(data).hexdigest()[:24] + suffix)).resolve()
            if folder.resolve() not in target.parents:  # cannot happen with a hex name; checked anyway
                raise HTTPException(400, "bad upload name")
            target.write_bytes(data)


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


def _swagger_dir() -> Optional[Path]:
    """Swagger UI's files as shipped by the swagger-ui-py wheel, so /docs works offline."""
    try:
        import swagger_ui
    except ImportError:
        return None
    d = Path(swagger_ui.__file__).parent / "static"
    return d if (d / "swagger-ui-bundle.js").exists() else None


def create_app(db_path: str, data_dir: str | None = None) -> FastAPI:
    from storyledger.report import environment, render_view
    from storyledger.report.view import load_view
    from storyledger.store.export import claim_row

    ledger = _Ledger(db_path, data_dir)
    app = FastAPI(title="storyledger", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="A sourced ledger of a developing news story: articles, claims, facts, "
                              "series, disagreements and a timeline, read from one ledger file.")
    app.state.ledger = ledger
    swagger = _swagger_dir()
    if swagger:
        app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")

    app.add_middleware(_BodyLimit, limit=MAX_UPLOAD + 64 * 1024)  # slack for multipart framing

    def app_ctx(q: str = "", message: Optional[str] = None, error: bool = False) -> dict:
        return dict(home="/", search_url="/search", upload_url="/upload", q=q, message=message, error=error,
                    max_mb=MAX_UPLOAD // (1024 * 1024))

    def read(fn):
        try:
            with ledger.reader() as store:
                return fn(store)
        except (StoreError, sqlite3.Error) as exc:
            raise HTTPException(503, _one_line(f"ledger unavailable: {exc}"))

    async def write(docs: list[RawDocument], skipped: list[SkippedInput],
                    originals: list[tuple[bytes, str]]) -> AddResult:
        # The CLI may hold the file ("database is locked") or the model may be missing:
        # the client gets a one-line 503, not a traceback.
        try:
            return await run_in_threadpool(ledger.add, docs, skipped, originals)
        except (StoreError, ExtractError, sqlite3.OperationalError) as exc:
            raise HTTPException(503, _one_line(f"could not write the ledger: {exc}"))

    # -- pages -------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(added: Optional[int] = None, unchanged: Optional[int] = None, skipped: Optional[int] = None):
        msg = None
        if added is not None:
            msg = (f"Added {added} new article(s)" + (f", {unchanged} already in the ledger" if unchanged else "")
                   + (f", skipped {skipped}" if skipped else "") + ".")
        if msg:
            return read(lambda st: render_view(load_view(st), app=app_ctx(message=msg)))
        return ledger.cached("home", lambda: read(lambda st: render_view(load_view(st), app=app_ctx())))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = ""):
        def make(store: LedgerStore) -> str:
            hits = store.search(q) if q.strip() else {"articles": [], "claims": []}
            titles = {}
            for aid in {c["article"] for c in hits["claims"]}:
                art = store.article(aid)
                titles[aid] = (art.title or art.source) if art else aid
            for a in hits["articles"]:
                a["snippet_html"] = _snippet(a["snippet"] or "")
            return environment().get_template("search.html").render(
                app=app_ctx(q=q), q=q, hits=hits, titles=titles)
        return read(make)

    @app.post("/upload", include_in_schema=False)
    async def upload_page(file: UploadFile = File(...)):
        name = safe_name(file.filename)
        data = await _read_capped(file)
        docs, skipped, suffix = documents_from_upload(name, data)
        res = await write(docs, skipped, [(data, suffix)])
        return RedirectResponse(f"/?added={res.new}&unchanged={res.unchanged}&skipped={len(res.skipped)}#overview",
                                status_code=303)

    # -- JSON API -------------------------------------------------------------------
    # Lists are paged with a cursor (keyset): the X-Next-After header of a full page is the
    # ``after`` of the next one, and any page costs its own rows, not the rows before it.
    def paged(response: Response, rows: list, limit: int, cursor) -> list:
        if len(rows) == limit and rows:
            response.headers["X-Next-After"] = cursor(rows[-1][0])
        return [x for _, x in rows]

    @app.get("/api/articles", tags=["read"])
    def api_articles(response: Response, limit: int = Query(100, ge=1, le=10000),
                     after: int = Query(0, ge=0, description="X-Next-After of the previous page"),
                     offset: int = Query(0, ge=0, description="older paging: rows to skip")) -> list[dict]:
        """Articles in the order they were added (full text included), a page at a time."""
        def make(st: LedgerStore) -> list:
            rows = st.page_articles(after, limit + offset)[offset:]
            return paged(response, [(q, a.model_dump()) for q, a in rows], limit, str)
        return read(make)

    @app.get("/api/articles/{article_id}", tags=["read"])
    def api_article(article_id: str) -> dict:
        """One article and its claims."""
        def make(st: LedgerStore) -> dict:
            art = st.article(article_id)
            if art is None:
                raise HTTPException(404, f"no article {article_id!r}")
            return {"article": art.model_dump(), "claims": [claim_row(c, art) for c in st.claims(article_id)]}
        return read(make)

    @app.get("/api/claims", tags=["read"])
    def api_claims(response: Response, measure: Optional[str] = None, source: Optional[str] = None,
                   article: Optional[str] = None, kind: Optional[str] = None,
                   limit: int = Query(1000, ge=1, le=10000),
                   after: str = Query("", pattern=r"^(\d+\.\d+)?$", description="X-Next-After of the previous page")
                   ) -> list[dict]:
        """Claims flattened as in the export (source, via, as_of_start/end at top level), filtered, paged."""
        key = tuple(int(x) for x in after.split(".")) if after else (0, 0)

        def make(st: LedgerStore) -> list[dict]:
            rows = st.page_claims(key, limit, article=article or None, measure=measure or None,
                                  kind=kind or None, source=source or None)
            arts = {a.id: a for a in st.articles_by_id({c.article for _, c in rows})}   # this page's only
            return paged(response, [(k, claim_row(c, arts.get(c.article))) for k, c in rows], limit,
                         lambda k: f"{k[0]}.{k[1]}")
        return read(make)

    def ledger_list(table: str):
        def endpoint(response: Response, limit: int = Query(1000, ge=1, le=10000),
                     after: int = Query(0, ge=0, description="X-Next-After of the previous page")) -> list[dict]:
            return read(lambda st: paged(response, st.page_ledger(table, after, limit), limit, str))
        endpoint.__name__ = f"api_{table}"
        endpoint.__doc__ = f"The ledger's {table}, in ledger order, a page at a time."
        return endpoint

    for table in ("facts", "series", "disagreements", "timeline"):
        app.get(f"/api/{table}", tags=["read"])(ledger_list(table))

    @app.get("/api/search", tags=["read"])
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(50, ge=1, le=500)) -> dict:
        """Full-text search (SQLite FTS5) over article titles/bodies and claim sentences."""
        return read(lambda st: st.search(q, limit=limit))

    @app.post("/api/articles", tags=["write"], status_code=201, response_model=AddResult)
    async def api_add(request: Request) -> AddResult:
        """Add one article ({text|html, url?, title?, published?}) or a list of them; rebuilds the ledger."""
        body = await request.body()
        if len(body) > MAX_UPLOAD:
            raise HTTPException(413, _too_big())
        try:
            payload = json.loads(body)
            items = [ArticleIn.model_validate(x) for x in (payload if isinstance(payload, list) else [payload])]
        except RecursionError:
            raise HTTPException(400, "body must be a JSON object {text|html, url?, title?, published?}: "
                                     "nested too deeply")
        except ValueError as exc:
            raise HTTPException(400, "body must be a JSON object {text|html, url?, title?, published?}: "
                                     + str(exc).splitlines()[0])
        docs = []
        for i, item in enumerate(items):
            if not (item.text or item.html):
                raise HTTPException(400, "each article needs a text or an html field")
            docs.append(RawDocument(source=item.url or f"api/{hashlib.sha256((item.text or item.html or '').encode()).hexdigest()[:12]}",
                                    kind="html" if item.html else "text", text=item.text, html=item.html,
                                    url=item.url, title=item.title, published=item.published))
        return await write(docs, [], [])

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_alias() -> dict:
        return app.openapi()

    @app.get("/docs", include_in_schema=False)
    def docs():
        if not swagger:
            return HTMLResponse("<!doctype html><title>API</title><p>Swagger UI files are not installed; "
                                "the API description is at <a href='/openapi.json'>/openapi.json</a>.</p>")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="storyledger API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")

    @app.exception_handler(StarletteHTTPException)
    async def one_line_error(request: Request, exc: HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": detail}, status_code=exc.status_code)
        page = environment().get_template("error.html").render(app=app_ctx(), status=exc.status_code,
                                                               message=detail)
        return HTMLResponse(page, status_code=exc.status_code)

    return app


def _too_big() -> str:
    return f"upload too large: the limit is {MAX_UPLOAD // (1024 * 1024)} MB"


def _one_line(text: str) -> str:
    return (str(text).splitlines() or [""])[0]


class _BodyLimit:
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


async def _read_capped(file: UploadFile) -> bytes:
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


def _snippet(raw: str) -> Markup:
    """FTS5 snippet with [match] markers -> escaped HTML with <mark>."""
    out, pos = [], 0
    for m in re.finditer(r"\[([^\[\]]*)\]", raw):
        out.append(escape(raw[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(1)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(raw[pos:]))
    return Markup("").join(out)


def app_from_env() -> FastAPI:
    """The app for each of several server processes (uvicorn imports it by name in each)."""
    return create_app(os.environ["STORYLEDGER_DB"])


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, workers: int = 1) -> None:
    """``workers`` > 1 runs that many server processes on the port (each its own readers and cache)."""
    import uvicorn

    from storyledger.store import is_url
    if not is_url(db) and not Path(db).exists():
        raise SystemExit(f"error: {db}: no such ledger file (run `storyledger build` first)")
    try:
        app = create_app(db)
        with LedgerStore(db, readonly=True):
            pass
    except StoreError as exc:
        raise SystemExit(f"error: {exc}")
    shown = re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", db)
    print(f"storyledger: serving {shown} on http://{host}:{port}/ with {workers} worker(s) "
          "(API: /docs, /openapi.json; Ctrl-C stops)")
    if workers > 1:
        os.environ["STORYLEDGER_DB"] = db
        uvicorn.run("storyledger.web:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning")
