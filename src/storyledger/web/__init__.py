"""Local web app. STUB — owned by the report/web work."""
from __future__ import annotations


def serve(db: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    raise SystemExit("the web app is not built yet")
