"""One article's claims: the attribution component's ``doc._.claims`` of its title, body and
captions mapped onto ``Claim``s, plus the two readings that span the article's texts (the story's
population, and a headline figure taking the body's source)."""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, Optional

from spacy.tokens import Doc

from storyledger.extract.components import text_acronyms
from storyledger.extract.entities import AliasTable, alias_table
from storyledger.extract.extensions import text_of
from storyledger.extract.figures import is_people
from storyledger.model import Article, Claim


def claim_id(article: str, kind: str, fld: str, part: int, start: int, end: int) -> str:
    return hashlib.blake2b(f"{article}|{kind}|{fld}|{part}|{start}|{end}".encode(), digest_size=8).hexdigest()


def article_context(art: Article, docs: list[Doc]) -> dict[str, Any]:
    """``doc._.article``: what every text of the article reads with. ``docs`` are the title, body
    and captions in that order, with ``doc._.gazetteer`` set (the gazetteer needs no parse)."""
    return {"outlet": art.outlet, "opening": (art.body or "").lstrip()[:200],
            "period": art.period.model_dump() if art.period else None,
            "authors": list(art.authors), "updated": art.updated,
            "names": [name for doc in docs for _s, _e, name in doc._.gazetteer or []],
            "acronyms": [pair for doc in docs for pair in
                         (doc._.acronyms if doc._.acronyms is not None else text_acronyms(text_of(doc)))]}


class ArticleExtractor:
    """Maps each text's ``doc._.claims`` onto the article's ``Claim``s (ids from article, field, part)."""

    def __init__(self, art: Article, table: Optional[AliasTable] = None) -> None:
        self.art = art
        self.table = table or alias_table()
        self.claims: list[Claim] = []

    def run(self, title: Optional[Doc], body: Doc, captions: list[Doc]) -> list[Claim]:
        texts = [(body, "body", 0)] + ([(title, "title", 0)] if title is not None else []) + \
            [(cap, "caption", k) for k, cap in enumerate(captions)]
        for doc, fld, part in texts:
            self.claims += [self._claim(d, fld, part) for d in self._read(doc, fld, [title, body, *captions])]
        self._story_population()
        self._headline_sources()
        self._lede_points_to_headline(body)
        return self.claims

    def _read(self, doc: Doc, fld: str, docs: list[Optional[Doc]]) -> list[dict[str, Any]]:
        """``doc._.claims``; a Doc made without the attribution component is read here."""
        if doc._.claims is not None:
            return doc._.claims
        from storyledger.extract.reader import read_claims
        if doc._.article is None:
            doc._.article = article_context(self.art, [d for d in docs if d is not None])
        doc._.field = doc._.field or fld
        doc._.agency = doc._.agency or self.art.agency
        doc._.published = doc._.published or self.art.published
        return read_claims(doc, self.table)

    def _claim(self, data: dict[str, Any], fld: str, part: int) -> Claim:
        kind, start, end = data["id"].split(":")
        return Claim(**{**data, "id": claim_id(self.art.id, kind, fld, part, int(start), int(end)),
                        "article": self.art.id})

    def _story_population(self) -> None:
        """People counted with no word for whose ("1,500 special forces") are the story's people:
        the population most of the article's people figures name."""
        pops = Counter(c.population for c in self.claims if c.kind == "figure" and c.population and is_people(c.counted))
        if not pops:
            return
        main = max(pops, key=lambda p: (pops[p], -min(c.char_start for c in self.claims if c.population == p)))
        for c in self.claims:
            if c.kind == "figure" and c.population is None and is_people(c.counted):
                c.population = main

    def _headline_sources(self) -> None:
        """A headline figure is the body's figure in short: it takes the body's source and chain
        ("Seoul says ... 12,000", "..., report says" -> the agency or outlet the body names)."""
        body = [c for c in self.claims if c.kind == "figure" and c.field == "body" and c.attribution.source]
        for c in self.claims:
            if c.kind != "figure" or c.field != "title" or c.value is None:
                continue
            fam = {"planned": "force", "deployed": "force"}
            same = [b for b in body if b.value == c.value and (fam.get(b.measure or "", b.measure) == fam.get(c.measure or "", c.measure)
                                                              or "other" in {b.measure, c.measure})]
            if same:
                c.attribution = same[0].attribution.model_copy(deep=True)
                if same[0].measure != "other" and c.measure != "other":
                    c.measure = same[0].measure  # "could be in Kursk": the body says what it counts


    def _lede_points_to_headline(self, body: Doc) -> None:
        """ "Floods displaced over 43,000 people" / "The number has risen from the 30,000 ...": a
        number the body's first sentence ties to a bare "the number" with nothing before it counts
        what the headline's one count of people counts."""
        heads = [c for c in self.claims if c.kind == "figure" and c.field == "title" and c.measure not in (None, "other")
                 and is_people(c.counted)]
        first = (body._.figures or [[]])[0] if heads else []
        if len({(c.measure, c.counted) for c in heads}) != 1 or not first:
            return
        at = {body[f["start"]].idx for f in first if f["anaphoric"] and f["counted"] is None and f["measure"] == "other"}
        for c in self.claims:
            if c.kind == "figure" and c.field == "body" and c.measure == "other" and c.char_start is not None and \
                    c.number_start is not None and c.char_start + c.number_start in at:
                c.measure, c.counted, c.population = heads[0].measure, heads[0].counted, heads[0].population


def extract_article(art: Article, title: Optional[Doc], body: Doc, captions: list[Doc],
                    table: Optional[AliasTable] = None) -> list[Claim]:
    """The claims of one article from its parsed texts; ``table`` is the gazetteer (default: packaged)."""
    return ArticleExtractor(art, table).run(title, body, captions)
