"""Ingest: paths, folders and globs -> RawDocument (or SkippedInput with a one-line reason).

STUB — owned by the ingest/clean work; replace with the real reader.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyledger.model import RawDocument, SkippedInput


def iter_documents(paths: Iterable[str | Path]) -> Iterator[RawDocument | SkippedInput]:
    for p in paths:
        p = Path(p)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                yield RawDocument(source=str(f), kind="text", text=f.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                yield SkippedInput(source=str(f), reason=str(exc))
