"""Every ``Doc``/``Span``/``Token`` extension storyledger's components read or write, in one place.

Rules for a component's data on the Doc (so ``nlp.pipe(..., n_process=2)`` works: spaCy sends
each Doc back from a worker with ``Doc.to_bytes``, which msgpack-encodes ``doc.user_data``):

- values are plain data only: ``None``, bool, int, float, str, and lists/dicts of them. Point at
  tokens by index (``tok.i``) and at text by character offsets, never by ``Token``/``Span`` objects.
- defaults are ``None``; a component always *assigns* a new value (``doc._.x = [...]``), never
  mutates the shared default in place.
- a new extension is added to the tables below (name -> what it holds, which component writes it);
  ``declare()`` registers them all and is called wherever components are registered.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# name -> (what it holds, who writes it). Read by docs/ARCHITECTURE.md's component table.
DOC_EXTENSIONS: dict[str, tuple[str, str]] = {
    "published": ("ISO date (YYYY-MM-DD) relative times are read against, or None", "caller (extract._parse)"),
    "window": ("[first, last] ISO days an undated article's publication lies in (Article.date_window), or None",
               "caller (extract._parse)"),
    "agency": ("wire credited in the article's byline (a relay of every claim), or None", "caller (extract._parse)"),
    "field": ('which part of the article the text is: "body", "title" or "caption"', "caller (extract._parse)"),
    "article": ('what the article\'s other texts offer this one: {"outlet", "opening" (the body\'s first '
                "200 characters, where a dateline sits), \"names\" (gazetteer names of title, body and captions), "
                '"acronyms" ([[long, short]] the article defines)}; None: the text alone', "caller (extract._docs)"),
    "text": ("the Doc's text, read once (Doc.text joins every token on each read): use text_of(doc)",
             "caller (extract._docs), else storyledger_paragraphs"),
    "paragraphs": ("character offset where each paragraph starts (first is 0)", "storyledger_paragraphs"),
    "acronyms": ('[[long name, short]] the text defines ("National Intelligence Service (NIS)")',
                 "caller (extract._docs), else storyledger_acronyms"),
    "times": ("per sentence (by sentence order): list of TimeSpan dicts found in it", "storyledger_times"),
    "quotes": ("[{start, end, text, short, verb, subject}] direct quotes (char offsets; speech verb and its "
               "subject as token indices or None)", "storyledger_quotes"),
    "figures": ("per sentence (by sentence order): [{start, end, value, low, high, qualifier, hedge_start, counted, "
                "population, measure, where, anchor, path, anaphoric, part, restated, continues}] (token indices)",
                "storyledger_figures"),
    "people": ('{"mentions": [[key, token index, sentence start, is subject]], "gender": [[key, "m"|"f"]]}: '
               "the people a text names and the gender it gives them", "storyledger_coref"),
    "referents": ('[[token index, name]]: the person or body a "he"/"she"/"the company" stands for',
                  "storyledger_coref"),
    "gazetteer": ("[[start, end, canonical name]] bodies the text names by a gazetteer alias", "storyledger_gazetteer"),
    "claims": ('[{Claim fields}] figures, quotes and statements with source, relay chain (attribution.via), '
               'modality and as_of; id = "kind:start:end" (char offsets), article blank', "storyledger_attribution"),
}
SPAN_EXTENSIONS: dict[str, tuple[str, str]] = {}
TOKEN_EXTENSIONS: dict[str, tuple[str, str]] = {}


def text_of(doc: Doc) -> str:
    """``doc.text``, from ``doc._.text`` when the caller or storyledger_paragraphs stored it (both
    are the same string). The last Doc asked is kept with its text: the rules ask one Doc's text
    many times in a row, and each ``doc._`` read builds an accessor object."""
    global _LAST_TEXT
    last = _LAST_TEXT
    if last[0] is doc:
        return last[1]
    text = doc._.text
    text = doc.text if text is None else text
    _LAST_TEXT = (doc, text)    # one tuple: a reader in another thread sees a whole pair
    return text


_LAST_TEXT: tuple = (None, None)


def span_text(span: Span) -> str:
    """``span.text`` (a sentence's, a clause's), cut from the Doc's text: Span.text joins its tokens
    at each read."""
    return text_of(span.doc)[span.start_char:span.end_char]


def declare() -> None:
    """Register every extension above (idempotent; defaults are None)."""
    for cls, table in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS), (Token, TOKEN_EXTENSIONS)):
        for name in table:
            if not cls.has_extension(name):
                cls.set_extension(name, default=None)


declare()
