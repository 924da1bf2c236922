"""The JSON API: paged, filtered reads of the ledger and queued writes.

Lists are paged with a cursor (keyset): the X-Next-After header of a full page is the ``after``
of the next one, and any page costs its own rows, not the rows before it. A write is queued to the
ledger's one writer: 202 with the job and its status URL (``?wait=`` seconds waits for the end).
"""
from __future__ import annotations

import asyncio
from typing import Any, Literal, Optional

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from storyledger.store import LedgerStore
from storyledger.web import filters
from storyledger.web.filters import checked
from storyledger.web.uploads import documents_from_json

router = APIRouter()
# Filters with a fixed vocabulary: the description lists the values (an enum), and an unknown one
# is a 400 naming them (see checked; FastAPI's own check is turned into the same answer in __init__).
Kind = Literal[filters.ALLOWED["kind"]]
MeasureCode = Literal[filters.ALLOWED["measure"]]
Relation = Literal[filters.ALLOWED["relation"]]
DisagreementKind = Literal[filters.ALLOWED["disagreement"]]
LIMIT = Query(1000, ge=1, le=10000)
MAX_KEY = 2 ** 63 - 1      # SQLite's largest integer: a bigger cursor is a 422, not an overflow
AFTER = Query(0, ge=0, le=MAX_KEY, description="X-Next-After of the previous page")


class JobStatus(BaseModel):
    """A queued write: ``state`` queued → running (stage, done/total) → done (result) or failed (error)."""

    id: str
    state: str
    status_url: str
    ahead: Optional[int] = None
    stage: Optional[str] = None
    done: Optional[int] = None
    total: Optional[int] = None
    result: Optional[dict[str, Any]] = None
    error: Optional[str] = None


def _ledger(request: Request):
    return request.app.state.ledger


def _paged(response: Response, rows: list, limit: int, cursor=str) -> list:
    if len(rows) == limit and rows:
        response.headers["X-Next-After"] = cursor(rows[-1][0])
    return [x for _, x in rows]


@router.get("/api/articles", tags=["read"])
def api_articles(request: Request, response: Response, limit: int = Query(100, ge=1, le=10000),
                 after: int = AFTER,
                 offset: int = Query(0, ge=0, le=100_000, description="older paging: rows to skip")) -> list[dict]:
    """Articles in the order they were added (full text included), a page at a time."""
    def make(st: LedgerStore) -> list:
        rows = st.page_articles(after, limit + offset)[offset:]
        return _paged(response, [(q, a.model_dump()) for q, a in rows], limit)
    return _ledger(request).read(make)


@router.get("/api/articles/{article_id}", tags=["read"])
def api_article(request: Request, article_id: str) -> dict:
    """One article and its claims."""
    from storyledger.store.export import claim_row

    def make(st: LedgerStore) -> dict:
        art = st.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id[:80]!r}")
        return {"article": art.model_dump(), "claims": [claim_row(c, art) for c in st.claims(article_id)]}
    return _ledger(request).read(make)


@router.get("/api/claims", tags=["read"])
def api_claims(request: Request, response: Response, measure: MeasureCode = None,
               source: Optional[str] = None, article: Optional[str] = None, kind: Kind = None,
               limit: int = LIMIT,
               after: str = Query("", pattern=r"^(\d{1,18}\.\d{1,18})?$",
                                  description="X-Next-After of the previous page")
               ) -> list[dict]:
    """Claims flattened as in the export (source, via, as_of_start/end at top level), filtered, paged."""
    from storyledger.store.export import claim_row

    key = tuple(int(x) for x in after.split(".")) if after else (0, 0)
    measure, kind = checked("measure", measure), checked("kind", kind)

    def make(st: LedgerStore) -> list[dict]:
        rows = st.page_claims(key, limit, article=article or None, measure=measure, kind=kind,
                              source=source or None)
        arts = {a.id: a for a in st.articles_by_id({c.article for _, c in rows})}   # this page's only
        return _paged(response, [(k, claim_row(c, arts.get(c.article))) for k, c in rows], limit,
                      lambda k: f"{k[0]}.{k[1]}")
    return _ledger(request).read(make)


def _page(request: Request, response: Response, table: str, after: int, limit: int, **given) -> list[dict]:
    return _ledger(request).read(lambda st: _paged(response, filters.page_table(st, table, after, limit, given), limit))


@router.get("/api/facts", tags=["read"])
def api_facts(request: Request, response: Response, kind: Kind = None, measure: MeasureCode = None,
              source: Optional[str] = None, outlet: Optional[str] = None, article: Optional[str] = None,
              limit: int = LIMIT, after: int = AFTER) -> list[dict]:
    """The ledger's facts in ledger order, filtered (source: the origin or any teller), a page at a time."""
    return _page(request, response, "facts", after, limit, kind=checked("kind", kind),
                 measure=checked("measure", measure), source=source or None, outlet=outlet or None,
                 article=article or None)


@router.get("/api/series", tags=["read"])
def api_series(request: Request, response: Response, measure: MeasureCode = None,
               relation: Relation = None, source: Optional[str] = None,
               limit: int = LIMIT, after: int = AFTER) -> list[dict]:
    """The ledger's series (relation: part, increment, projection or none for a top series), paged."""
    return _page(request, response, "series", after, limit, measure=checked("measure", measure),
                 relation=checked("relation", relation), source=source or None)


@router.get("/api/disagreements", tags=["read"])
def api_disagreements(request: Request, response: Response, kind: DisagreementKind = None,
                      series: Optional[str] = None, limit: int = LIMIT, after: int = AFTER) -> list[dict]:
    """The ledger's disagreements (kind: conflict, revision or retelling), a page at a time."""
    return _page(request, response, "disagreements", after, limit, kind=checked("kind", kind, "disagreement"),
                 series=series or None)


@router.get("/api/timeline", tags=["read"])
def api_timeline(request: Request, response: Response, limit: int = LIMIT, after: int = AFTER) -> list[dict]:
    """The ledger's timeline, in ledger order, a page at a time."""
    return _page(request, response, "timeline", after, limit)


@router.get("/api/search", tags=["read"])
def api_search(request: Request, q: str = Query(..., min_length=1), limit: int = Query(50, ge=1, le=500)) -> dict:
    """Full-text search (SQLite FTS5) over article titles/bodies and claim sentences."""
    return _ledger(request).read(lambda st: st.search(q, limit=limit))


def job_status(request: Request, job_id: str) -> Optional[JobStatus]:
    """A job's state (a stopped writer is started again for an unfinished one)."""
    led = _ledger(request)
    st = led.queue.status(job_id)
    if st is None:
        return None
    if st["state"] not in ("done", "failed"):
        led.ensure_writer()
    known = {k: v for k, v in st.items() if k in JobStatus.model_fields}
    return JobStatus(**known, status_url=f"/api/jobs/{job_id}")


@router.get("/api/jobs/{job_id}", tags=["write"], response_model=JobStatus)
def api_job(request: Request, job_id: str) -> JobStatus:
    """A queued write's progress and, when done, its result (new, already in the ledger, skipped)."""
    st = job_status(request, job_id)
    if st is None:
        raise HTTPException(404, f"no job {job_id[:40]!r}")
    return st


async def wait_for(request: Request, job_id: str, seconds: float) -> JobStatus:
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while True:
        st = job_status(request, job_id)
        if st.state in ("done", "failed") or loop.time() >= end:
            return st
        await asyncio.sleep(0.1)


@router.post("/api/articles", tags=["write"], status_code=202, response_model=JobStatus,
             responses={200: {"model": JobStatus, "description": "With ?wait: the job ended in time"}})
async def api_add(request: Request, wait: float = Query(0, ge=0, le=600, description=(
        "Seconds to wait for the job to end (200 with its result when it does)"))):
    """Add one article ({text|html, url?, title?, published?}) or a list of them.

    The write is queued to the ledger's one writer: 202 with the job's status URL, where the result
    says what was new and what was already in the ledger."""
    docs = documents_from_json(await request.body())
    job_id = _ledger(request).submit(docs, [], [])
    st = await wait_for(request, job_id, wait) if wait else job_status(request, job_id)
    code = 200 if st.state in ("done", "failed") else 202
    return JSONResponse(st.model_dump(), status_code=code, headers={"Location": st.status_url})
