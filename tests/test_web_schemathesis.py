"""The API keeps its OpenAPI description: a bounded schemathesis run over every operation.

Every operation is called with generated inputs (valid and invalid) and every answer is checked
against the description: no 5xx, documented status codes, content types, headers and bodies,
invalid input refused, valid input accepted. The writer is replaced by a fast stand-in (the API is
under test here, not extraction; tests/test_web_jobs.py drives the real writer).
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from test_report import make_store  # noqa: E402

from storyledger.web import create_app, jobs  # noqa: E402

EXAMPLES = 25     # per operation: bounded, so CI stays quick


def _app():
    import tempfile
    from pathlib import Path
    db = make_store(Path(tempfile.mkdtemp(prefix="schemathesis-")) / "l.db")
    # schemathesis calls the ASGI app as http://testserver/
    return create_app(str(db), writer="thread", hosts=("testserver",))


@pytest.fixture(autouse=True)
def fast_writer(monkeypatch):
    monkeypatch.setattr(jobs, "write_job", lambda db, docs, skipped, progress: {
        "ids": [], "new": 0, "unchanged": len(docs), "already": [], "skipped": [], "claims": 0, "facts": 0,
        "message": jobs.summary(0, len(docs), 0)})


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_description(case):
    case.call_and_validate()
