"""The app's HTML pages: the ledger (the report's views), search, uploads and their progress, CSV downloads."""
from __future__ import annotations

import os
import re
from typing import BinaryIO, Iterator, Optional

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from markupsafe import Markup, escape

from storyledger.store import LedgerStore
from storyledger.web import security
from storyledger.web.api import job_status
from storyledger.web.uploads import MAX_UPLOAD, documents_from_upload, read_capped, safe_name

router = APIRouter(include_in_schema=False)

STAGES = {"start": "Starting", "read": "Reading the upload", "extract": "Finding claims",
          "ledger": "Rebuilding the ledger"}
# CSV downloads: name -> what the file holds (the same files as `storyledger export`)
DOWNLOADS = {"claims": "claims", "facts": "facts", "series": "series points", "disagreements": "disagreements",
             "articles": "articles", "figures": "the figures table"}


def app_ctx(request: Request, q: str = "", message: Optional[str] = None, error: bool = False) -> dict:
    return dict(home="/", search_url="/search", upload_url="/upload", q=q, message=message, error=error,
                max_mb=MAX_UPLOAD // (1024 * 1024), csrf=request.app.state.csrf, downloads=DOWNLOADS)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    """The ledger page, rendered once per ledger version (see web/pages_cache.py)."""
    from storyledger.report import render_view
    from storyledger.report.view import load_view

    led = request.app.state.ledger
    shown, page = led.cache.get_version("home", lambda: led.read(
        lambda st: render_view(load_view(st), app=app_ctx(request)).encode()))
    # the version this page shows (an older one while the new renders): see web/read_cache.py
    return HTMLResponse(page, headers={"X-Ledger-Version": shown})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = ""):
    from storyledger.report import environment

    def make(store: LedgerStore) -> str:
        hits = store.search(q) if q.strip() else {"articles": [], "claims": []}
        titles = {}
        for aid in {c["article"] for c in hits["claims"]}:
            art = store.article(aid)
            titles[aid] = (art.title or art.source) if art else aid
        for a in hits["articles"]:
            a["snippet_html"] = snippet(a["snippet"] or "")
        return environment().get_template("search.html").render(
            app=app_ctx(request, q=q), q=q, hits=hits, titles=titles)
    return request.app.state.ledger.read(make)


@router.post("/upload")
async def upload_page(request: Request, file: UploadFile = File(...), csrf: str = Form("")):
    """Queue the file for the ledger's writer; the browser goes on to the job's progress page."""
    refused = security.check_csrf(request.app.state.csrf, csrf or request.headers.get("x-csrf-token"))
    if refused:
        raise HTTPException(403, refused)
    name = safe_name(file.filename)
    data = await read_capped(file)
    docs, skipped, suffix = documents_from_upload(name, data)
    job_id = request.app.state.ledger.submit(docs, skipped, [(data, suffix)])
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str):
    from storyledger.report import environment

    st = job_status(request, job_id)
    if st is None:
        raise HTTPException(404, f"no job {job_id[:40]!r}")
    return environment().get_template("job.html").render(
        app=app_ctx(request), job=st, stages=STAGES, finished=st.state in ("done", "failed"))


@router.get("/export/{name}.csv")
def download(request: Request, name: str):
    """A table of the ledger as CSV: made once per ledger version, only the table asked for, kept
    on disk and streamed (the claims of a big ledger are tens of megabytes)."""
    from storyledger.store.export import write_table_csv

    if name not in DOWNLOADS:
        raise HTTPException(404, f"no download {name[:40]!r}: there are {', '.join(DOWNLOADS)}")
    led = request.app.state.ledger
    shown, fh = led.cache.open(f"csv_{name}", lambda path: led.read(lambda st: write_table_csv(st, name, path)))
    return StreamingResponse(_chunks(fh), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.csv"',
                                      "Content-Length": str(os.fstat(fh.fileno()).st_size),
                                      "X-Ledger-Version": shown})


def _chunks(fh: BinaryIO, size: int = 256 * 1024) -> Iterator[bytes]:
    with fh:
        while True:
            chunk = fh.read(size)
            if not chunk:
                return
            yield chunk


def snippet(raw: str) -> Markup:
    """FTS5 snippet with [match] markers -> escaped HTML with <mark>."""
    out, pos = [], 0
    for m in re.finditer(r"\[([^\[\]]*)\]", raw):
        out.append(escape(raw[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(1)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(raw[pos:]))
    return Markup("").join(out)
