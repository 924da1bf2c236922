"""Local web app: the report's views, full-text search, uploads and a JSON API on one ledger file.

Readers never wait for writers: every request opens its own read-only connection and pages are
rendered once per ledger version (web/pages_cache.py); uploads and API posts are queued to the
ledger's one writer (web/jobs.py), which the CLI and the app take in turn. Modules:
state (the ledger as the app sees it), pages (HTML), api (JSON), uploads (what clients send),
security (who may write), spec (the OpenAPI description).
"""
from __future__ import annotations

import errno
import json
import os
import re
import socket
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyledger.store import LedgerStore, StoreError
from storyledger.web import api, pages, security, spec
from storyledger.web.read_cache import ReadCache
from storyledger.web.state import AppLedger
from storyledger.web.uploads import MAX_UPLOAD, ArticleIn, BodyLimit, documents_from_upload, safe_name  # noqa: F401

__all__ = ["create_app", "serve", "app_from_env", "MAX_UPLOAD", "safe_name", "documents_from_upload", "PortBusy"]


# Idle keep-alive connections live this long (uvicorn's default is 5 s): a busy client that reuses
# a connection just as the server drops it gets a reset, counted as a failed read.
KEEP_ALIVE = 75


class PortBusy(Exception):
    """The port is taken by another program (its own exit code in the CLI)."""


def _swagger_dir() -> Optional[Path]:
    """Swagger UI's files as shipped by the swagger-ui-py wheel, so /docs works offline."""
    try:
        import swagger_ui
    except ImportError:
        return None
    d = Path(swagger_ui.__file__).parent / "static"
    return d if (d / "swagger-ui-bundle.js").exists() else None


def create_app(db_path: str, data_dir: str | None = None, *, host: str = "127.0.0.1",
               token: Optional[str] = None, hosts: tuple[str, ...] = (), writer: Optional[str] = None) -> FastAPI:
    """``host``: the address served (its name is an allowed Host); ``hosts``: more allowed Host names;
    ``token``: writes then need ``Authorization: Bearer <token>`` (see web/security.py);
    ``writer``: ``process`` (default) or ``thread`` (tests) for the ledger's queued writer."""
    app = FastAPI(title="storyledger", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="A sourced ledger of a developing news story: articles, claims, facts, "
                              "series, disagreements and a timeline, read from one ledger file. "
                              "Writes are queued to the ledger's one writer (202 + a job status URL).")
    app.state.ledger = AppLedger(db_path, data_dir, writer or os.environ.get("STORYLEDGER_WRITER", "process"))
    app.state.csrf = os.environ.get("STORYLEDGER_CSRF") or security.new_csrf_token()
    app.add_middleware(ReadCache, version=lambda scope: scope["app"].state.ledger.version())  # innermost
    app.add_middleware(BodyLimit, limit=MAX_UPLOAD + 64 * 1024)  # slack for multipart framing
    app.add_middleware(security.Guard, hosts=security.allowed_hosts(host, hosts), token=token)  # outermost
    app.include_router(pages.router)
    app.include_router(api.router)
    _add_docs(app)
    spec.document(app, ArticleIn)
    app.add_exception_handler(StarletteHTTPException, _one_line_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    return app


def _add_docs(app: FastAPI) -> None:
    swagger = _swagger_dir()
    if swagger:
        app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")

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


async def _invalid_request(request: Request, exc: RequestValidationError):
    """An unknown value of a filter with a fixed vocabulary is a 400 naming the allowed values."""
    from storyledger.web.filters import checked

    for err in exc.errors():
        loc = err.get("loc") or ()
        if err.get("type") == "literal_error" and len(loc) == 2 and loc[0] == "query":
            vocabulary = "disagreement" if request.url.path == "/api/disagreements" else None
            try:
                checked(str(loc[1]), str(err.get("input")), vocabulary)
            except HTTPException as refused:
                return await _one_line_error(request, refused)
    return await request_validation_exception_handler(request, exc)


def _every_route(routes):
    """Routes, with those of included routers (FastAPI keeps them behind the router; no prefixes here)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from _every_route(inner.routes) if inner is not None else (route,)


def _allowed_methods(app: FastAPI, path: str) -> str:
    """Every method some route of ``path`` takes (Starlette's 405 names only the first route's)."""
    methods: set[str] = set()
    for route in _every_route(app.routes):
        regex, taken = getattr(route, "path_regex", None), getattr(route, "methods", None)
        if regex is not None and taken and regex.match(path):
            methods |= taken
    return ", ".join(sorted(methods))


async def _one_line_error(request: Request, exc: HTTPException):
    from storyledger.report import environment

    if exc.status_code == 405:
        allowed = _allowed_methods(request.app, request.url.path)
        if allowed:
            exc.headers = {**(exc.headers or {}), "Allow": allowed}
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
    page = environment().get_template("error.html").render(app=pages.app_ctx(request), status=exc.status_code,
                                                           message=detail)
    return HTMLResponse(page, status_code=exc.status_code, headers=exc.headers)  # e.g. Allow on a 405


def app_from_env() -> FastAPI:
    """The app for each of several server processes (uvicorn imports it by name in each)."""
    env = os.environ
    return create_app(env["STORYLEDGER_DB"], host=env.get("STORYLEDGER_HOST", "127.0.0.1"),
                      token=env.get("STORYLEDGER_TOKEN") or None,
                      hosts=tuple(h for h in env.get("STORYLEDGER_ALLOW_HOSTS", "").split(",") if h))


def check_port(host: str, port: int) -> None:
    """A taken port is a one-line error before the server starts (uvicorn would log a traceback-ish
    message and exit 1): ``PortBusy`` for a port in use, SystemExit for any other refusal."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as uvicorn binds
        try:
            s.bind((host.strip("[]"), port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortBusy(f"port {port} on {host} is already in use (another server?): stop it or "
                               "give another --port") from None
            raise SystemExit(f"error: cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, workers: int = 1, token: Optional[str] = None,
          hosts: tuple[str, ...] = ()) -> None:
    """``workers`` > 1 runs that many server processes on the port (each its own readers; one writer
    and one page cache shared through the ledger's state folder)."""
    import uvicorn

    from storyledger.store import is_url
    if not security.is_loopback(host) and not token:
        raise SystemExit(f"error: --host {host} lets other machines reach the app: give --token SECRET too "
                         "(writes then need 'Authorization: Bearer SECRET')")
    # one CSRF token for every server process: a form from one is accepted by the others
    os.environ.setdefault("STORYLEDGER_CSRF", security.new_csrf_token())
    if not is_url(db) and not Path(db).exists():
        raise SystemExit(f"error: {db}: no such ledger file (run `storyledger build` first)")
    try:
        with LedgerStore(db, readonly=True):
            pass
        app = create_app(db, host=host, token=token, hosts=hosts)
    except StoreError as exc:
        raise SystemExit(f"error: {exc}")
    check_port(host, port)
    shown = re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", db)
    print(f"storyledger: serving {shown} on http://{host}:{port}/ with {workers} worker(s) "
          "(API: /docs, /openapi.json; Ctrl-C stops)", flush=True)
    if workers > 1:
        os.environ.update(STORYLEDGER_DB=db, STORYLEDGER_HOST=host, STORYLEDGER_TOKEN=token or "",
                          STORYLEDGER_ALLOW_HOSTS=",".join(hosts))
        uvicorn.run("storyledger.web:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", timeout_keep_alive=KEEP_ALIVE)
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE)
