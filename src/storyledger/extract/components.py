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
from typing import Any, Optional

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from storyledger.extract import extensions
from storyledger.extract.extensions import text_of
from storyledger.extract.table_cells import line_spans, read_tables
from storyledger.tables import table
from storyledger.words import parse_iso_date

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
_NOT_START = numpy.uint64(2 ** 64 - 1)   # -1 in SENT_START's unsigned array: the parser may not start a sentence here
_NEWLINE = re.compile("\n")


class Paragraphs(Component):
    """A line break ends a sentence (a standfirst or dateline line is not the lead's subject);
    records where each paragraph starts."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.text = text = text_of(doc)
        # the token after each one whose text or trailing space holds a line break (tokens and
        # their spaces tile the text: a break at character p lies in the last token starting at
        # or before p); found from the breaks, without a Token object per token
        starts = doc.to_array([SENT_START])
        breaks = [m.start() for m in _NEWLINE.finditer(text)]
        tables = line_spans(text)
        idx = doc.to_array("IDX") if breaks or tables else None   # (each token's offset, read once)
        if breaks:
            after = numpy.searchsorted(idx, breaks, side="right")
            starts[after[after < len(doc)]] = 1
        # a row of a table of counts is one sentence, whatever its cells look like to the parser
        for a, b in tables:
            inside = numpy.searchsorted(idx, [a, b], side="left")
            starts[inside[0] + 1:inside[1]] = _NOT_START
        # one array write: setting Token.is_sent_start asks Doc.has_annotation("DEP"), which walks
        # every token of an unparsed Doc, once per line (quadratic on a page of one-line cells)
        doc.from_array([SENT_START], starts)
        doc._.paragraphs = paragraph_starts(text)
        return doc


def paragraph_starts(text: str) -> list[int]:
    """Character offset where each paragraph (each line) starts; the first is 0."""
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text)]


@Language.factory("storyledger_paragraphs", assigns=["token.is_sent_start", "doc._.paragraphs"],
                  default_config={})
def make_paragraphs(nlp: Language, name: str) -> Paragraphs:
    return Paragraphs(nlp, name)


_ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)")
_LINKS = {"of", "for", "and", "the", "on"}


def defined_acronyms(text: str) -> list[list[str]]:
    """[[long name, short]] for each "Long Name (LN)" the text writes, in text order."""
    out: list[list[str]] = []
    for m in _ACRONYM_RE.finditer(text):
        short = m.group(1)
        # the capitalised words just before "(NIS)", walking back (linear, no regex backtracking)
        words = text[max(0, m.start() - 120):m.start()].split()
        keep: list[str] = []
        for w in reversed(words):
            if w[:1].isupper() or (w in _LINKS and keep):
                keep.insert(0, w)
            else:
                break
        # "early Monday, the Philippine Coast Guard (PCG)": a word set off by a comma that does not give
        # the acronym its first letter is no part of the name ("Immigration, Refugees and ..." is)
        while keep and (keep[0] in _LINKS or keep[0].endswith(",") and keep[0][0] != short[0]):
            keep.pop(0)
        if not keep:
            continue
        long = " ".join(keep)
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’.\-]*", long) if w[0].isupper())
        if all(ch in initials for ch in short.replace(".", "").replace("&", "")):
            out.append([long, short])
    return out


_CAPS_WORD = re.compile(r"\b[A-Z]{2,6}\b")
_WORD = re.compile(r"\S+")
# what ends a word but is no part of a name: a possessive, then closing punctuation
_WORD_TAIL = re.compile(r"(['’]s)?[,.;:)\]]*$")
_TAIL_ENDS = frozenset(",.;:)]s")   # the tail can only match a word ending in one of these


_HYPHEN_PARTICIPLES = table("lexicon").set("hyphen_participles")


def _participle_tail(w: str) -> bool:
    """"run" of "Nations-run", "backed" of "Kremlin-backed" (not "operation" of "Co-operation")."""
    return w.islower() and (w.endswith("ed") or w in _HYPHEN_PARTICIPLES)


def _capitalised_names(text: str, longest: int = 8) -> dict[str, tuple[int, str]]:
    """Initials -> (offset, words) of the first run of two or more capitalised words (joined by
    "of", "and", ...) with those initials: "Immigration, Refugees and Citizenship Canada" -> IRCC."""
    out: dict[str, tuple[int, str]] = {}
    run: list[tuple[str, int, int]] = []   # (word, start, end)
    for m in _WORD.finditer(text + " ."):
        raw = m.group()
        w = raw.lstrip("(\"“‘")
        if w[-1:] in _TAIL_ENDS:
            w = _WORD_TAIL.sub("", w)
        if "-" in w and _participle_tail(w.rsplit("-", 1)[1]):
            # "a United Nations-run school": the name ends before its hyphened participle (and the run with it)
            w = w.rsplit("-", 1)[0]
        if w[:1].isupper() and w[1:2].islower() or (w in _LINKS and run):
            at = m.start() + raw.find(w)
            run.append((w, at, at + len(w)))
            if w == raw or raw == w + ",":
                continue
        if run:
            _runs_initials(text, run, longest, out)
            run = []
    return out


def _runs_initials(text: str, run: list[tuple[str, int, int]], longest: int, out: dict[str, tuple[int, str]]) -> None:
    for i, (first, at, _end) in enumerate(run):
        if first in _LINKS:
            continue
        caps = []
        for j in range(i, min(len(run), i + longest)):
            if run[j][0] in _LINKS:
                continue
            caps.append(run[j][0][0])
            if len(caps) >= 2:
                out.setdefault("".join(caps), (at, text[at:run[j][2]]))


def spelled_acronyms(text: str, defined: list[list[str]]) -> list[list[str]]:
    """[[long name, short]] for an acronym the text uses after spelling the name out without
    defining it ("Immigration, Refugees and Citizenship Canada ... IRCC said"): the first earlier
    run of capitalised words whose initials are exactly its letters."""
    known = {short for _long, short in defined}
    first: dict[str, int] = {}
    for m in _CAPS_WORD.finditer(text):
        if m.group() not in known:
            first.setdefault(m.group(), m.start())
    if not first:
        return []
    names = _capitalised_names(text)
    return [[names[short][1], short] for short, at in first.items() if short in names and names[short][0] < at]


class Acronyms(Component):
    """The text's own definitions ("National Intelligence Service (NIS)"): they win over the gazetteer;
    then acronyms of names it spelled out before using them."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.acronyms is None:   # the caller may have asked already (extract._docs, for the article)
            doc._.acronyms = text_acronyms(text_of(doc))
        return doc


def text_acronyms(text: str) -> list[list[str]]:
    """``doc._.acronyms``: the acronyms a text defines, then those it spells out before using."""
    defined = defined_acronyms(text)
    return defined + spelled_acronyms(text, defined)


@Language.factory("storyledger_acronyms", assigns=["doc._.acronyms"], default_config={})
def make_acronyms(nlp: Language, name: str) -> Acronyms:
    return Acronyms(nlp, name)


class Times(Component):
    """Time expressions of each sentence, normalised against ``doc._.published`` (without it: only
    dates that name themselves, or that ``doc._.window`` settles)."""

    def __call__(self, doc: Doc) -> Doc:
        from storyledger.extract.times import times_in, updated_day
        anchor = parse_iso_date(doc._.published)
        text = text_of(doc)   # once: Doc.text joins every token
        window, updated = doc._.window, updated_day(doc)
        doc._.times = [[ts.model_dump() for ts in times_in(sent, anchor, window, text, updated)] for sent in doc.sents]
        return doc


@Language.factory("storyledger_times", assigns=["doc._.times"], default_config={})
def make_times(nlp: Language, name: str) -> Times:
    return Times(nlp, name)


class Quotes(Component):
    """Direct quotes with their speech verb and its subject (token indices), looking outside the marks."""

    def __call__(self, doc: Doc) -> Doc:
        from storyledger.extract.quotes import find_quotes, speech_verb
        out = []
        text = text_of(doc)
        for q in find_quotes(doc, text):
            verb, subj = speech_verb(doc, q, text)
            out.append({"start": q.start, "end": q.end, "text": q.text, "short": q.short,
                        "verb": verb.i if verb is not None else None,
                        "subject": subj.i if subj is not None else None})
        doc._.quotes = out
        return doc


@Language.factory("storyledger_quotes", assigns=["doc._.quotes"], default_config={})
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)


class Coref(Component):
    """People a text names (with the gender it gives them) and what each "he"/"she", "the company"
    or "the rookie said" stands for, by salience while reading (``extract/quotes.py``)."""

    def __call__(self, doc: Doc) -> Doc:
        from storyledger.extract.quotes import resolve_pronouns
        doc._.people = doc._.referents = None
        resolve_pronouns(doc)   # fills doc._.people and doc._.referents
        return doc


@Language.factory("storyledger_coref", assigns=["doc._.people", "doc._.referents"], default_config={})
def make_coref(nlp: Language, name: str) -> Coref:
    return Coref(nlp, name)


class Gazetteer(Component):
    """The alias table (packaged ``data/aliases.json``, a user's ``aliases`` file on top), and the
    bodies each text names by one of its aliases: ``doc._.gazetteer`` = [[start, end, name]] in
    text order (longest match wins). The table travels with ``nlp`` (``to_bytes`` keeps the user's
    file), so ``nlp.pipe(..., n_process=2)`` and a saved pipeline resolve names the same way."""

    def __init__(self, nlp: Language, name: str, aliases: Optional[str] = None) -> None:
        super().__init__(nlp, name, aliases=aliases)   # aliases: the user's alias file as JSON text
        self.vocab, self.tokenizer = nlp.vocab, nlp.tokenizer
        self._build()

    def _build(self) -> None:
        from spacy.matcher import PhraseMatcher

        from storyledger.extract.entities import alias_table, build_alias_table, packaged_aliases
        user = self.cfg.get("aliases")
        self.table = alias_table() if not user else build_alias_table(
            [("--aliases", json.loads(user)), ("data/aliases.json", packaged_aliases())])
        self.exact = PhraseMatcher(self.vocab, attr="ORTH")    # "AP", "NIS": acronyms keep their case
        self.loose = PhraseMatcher(self.vocab, attr="LOWER")
        for ent in self.table.entities.values():
            for alias in [ent.name, *ent.aliases]:
                m = self.exact if alias.isupper() else self.loose
                m.add(ent.name, [self.tokenizer(alias)])

    def __call__(self, doc: Doc) -> Doc:
        if doc._.gazetteer is None:
            doc._.gazetteer = self.names(doc)   # the caller may have asked already (extract._docs)
        return doc

    def names(self, doc: Doc) -> list[list]:
        """[[start, end, canonical name]] of ``doc``; needs only its tokens, no parse."""
        from spacy.util import filter_spans
        matches = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.loose(doc)]
        names = {(m.start, m.end): m for m in matches}
        found = []
        for span in filter_spans(list(names.values())):
            ent = self.table.lookup(span.text)
            if ent is not None:
                found.append([span.start_char, span.end_char, ent.name])
        return found

    def from_bytes(self, data: bytes, *, exclude=()) -> "Gazetteer":
        super().from_bytes(data)
        self._build()
        return self


@Language.factory("storyledger_gazetteer", assigns=["doc._.gazetteer"], default_config={"aliases": None})
def make_gazetteer(nlp: Language, name: str, aliases: Optional[str]) -> Gazetteer:
    return Gazetteer(nlp, name, aliases=aliases)


class Figures(Component):
    """Figures of each sentence (``extract/figures.py``: amount, hedge, what is counted, measure,
    place) as plain data: ``doc._.figures``. Demonyms come from the gazetteer ``nlp`` resolves with."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from storyledger.extract import gazetteer
        from storyledger.extract.figures import figures_by_sentence
        doc._.figures = figures_by_sentence(doc, gazetteer(self._nlp).demonym)
        read_tables(doc, text_of(doc))
        return doc


@Language.factory("storyledger_figures", assigns=["doc._.figures"], default_config={})
def make_figures(nlp: Language, name: str) -> Figures:
    return Figures(nlp, name)


class Attribution(Component):
    """Who says so: every figure, quote and reported statement of the text with its source, relay
    chain, modality and time, as plain ``Claim`` data in ``doc._.claims`` (``extract/reader.py``
    reads the text with an explicit discourse memory; ``extract/attribution.py`` holds the naming
    rules). What the article's other texts offer comes in ``doc._.article`` (set by the caller)."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from storyledger.extract import gazetteer
        from storyledger.extract.reader import read_claims
        doc._.claims = read_claims(doc, gazetteer(self._nlp))
        return doc


@Language.factory("storyledger_attribution", assigns=["doc._.claims"], default_config={})
def make_attribution(nlp: Language, name: str) -> Attribution:
    return Attribution(nlp, name)


# The rule order, as data: (factory name, where to add it, config). A row with no place is
# appended after the model's own pipes (tags, parse, lemmas, entities), in this list's order;
# one that sets sentence starts goes before "parser".
PIPELINE: list[tuple[str, dict[str, str], dict[str, Any]]] = [
    ("storyledger_paragraphs", {"before": "parser"}, {}),
    ("storyledger_acronyms", {}, {}),
    ("storyledger_times", {}, {}),
    ("storyledger_quotes", {}, {}),
    ("storyledger_coref", {}, {}),
    ("storyledger_gazetteer", {}, {}),
    ("storyledger_figures", {}, {}),
    ("storyledger_attribution", {}, {}),
]


def add_components(nlp: Language, configs: Optional[dict[str, dict[str, Any]]] = None) -> Language:
    """Add every row of ``PIPELINE`` to ``nlp`` in order (rows whose anchor pipe is missing go last);
    ``configs`` overrides a row's config by factory name."""
    for name, where, config in PIPELINE:
        if name in nlp.pipe_names:
            continue
        anchor = next(iter(where.values()), None)
        place = where if anchor in nlp.pipe_names else {}
        nlp.add_pipe(name, config={**config, **(configs or {}).get(name, {})}, **place)
    return nlp
