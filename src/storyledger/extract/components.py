"""storyledger's spaCy components: how they are registered, and the order they run in.

A component is a class with ``__call__(doc) -> doc`` registered with ``@Language.factory`` (its
``assigns`` names the extensions it writes, ``default_config`` its settings). It reads and writes
only ``doc._.*`` extensions declared in ``extract/extensions.py`` (plain data, see there) and
reads its word lists through ``storyledger.tables.table(...)`` (data files, loaded once).

``PIPELINE`` is the rule order as data: ``load_nlp`` adds the components in this order, each
placed relative to the model's own pipes. To add one: write the class, register it with
``@Language.factory``, declare its extensions, add a row here, test it on a small Doc.
"""
from __future__ import annotations

import json
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyledger.extract import extensions

extensions.declare()


class Component:
    """Base for storyledger components: settings kept in ``cfg`` and serialised with ``nlp``."""

    def __init__(self, nlp: Language, name: str, **cfg: Any) -> None:
        self.name = name
        self.cfg = cfg

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    # nlp.to_bytes/from_bytes/to_disk/from_disk call these (the EntityRuler's pattern)
    def to_bytes(self, *, exclude=()) -> bytes:
        return json.dumps(self.cfg).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> "Component":
        self.cfg = json.loads(data.decode("utf-8"))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        from pathlib import Path
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "cfg.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=()) -> "Component":
        from pathlib import Path
        return self.from_bytes((Path(path) / "cfg.json").read_bytes())


_PARA_BREAK = re.compile(r"\n\s*\n|\n")


class Paragraphs(Component):
    """A line break ends a sentence (a standfirst or dateline line is not the lead's subject);
    records where each paragraph starts."""

    def __call__(self, doc: Doc) -> Doc:
        for t in doc[1:]:
            if "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_:
                t.is_sent_start = True
        doc._.paragraphs = paragraph_starts(doc.text)
        return doc


def paragraph_starts(text: str) -> list[int]:
    """Character offset where each paragraph (each line) starts; the first is 0."""
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text)]


@Language.factory("storyledger_paragraphs", assigns=["token.is_sent_start", "doc._.paragraphs"],
                  default_config={})
def make_paragraphs(nlp: Language, name: str) -> Paragraphs:
    return Paragraphs(nlp, name)


# The rule order, as data: (factory name, where to add it, config). A component that needs the
# parse goes after "parser"; one that sets sentence starts goes before it.
PIPELINE: list[tuple[str, dict[str, str], dict[str, Any]]] = [
    ("storyledger_paragraphs", {"before": "parser"}, {}),
]


def add_components(nlp: Language) -> Language:
    """Add every row of ``PIPELINE`` to ``nlp`` in order (rows whose anchor pipe is missing go last)."""
    for name, where, config in PIPELINE:
        if name in nlp.pipe_names:
            continue
        anchor = next(iter(where.values()), None)
        place = where if anchor in nlp.pipe_names else {}
        nlp.add_pipe(name, config=config, **place)
    return nlp
