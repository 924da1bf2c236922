"""A long body goes to spaCy in pieces (extract.pieces): same claims, offsets into the whole body."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.extract import pieces
from storyledger.model import Article

TOWNS = ["Alder Bay", "Port Wren", "Kestrel Falls", "Millbrook", "Stonehaven", "Larkspur"]


def _body(n: int) -> str:
    """Paragraphs we wrote, each with its own figures, source and quote."""
    pars = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        pars.append(f"Officials in {town} said on Monday that {120 + i} residents were evacuated after the "
                    f"river rose. Fire chief Tom Hale said {10 + i} homes were damaged.\n\n"
                    f"\"We expect the water to fall by the weekend,\" said Ana Ruiz, the regional spokesperson.")
    return "\n\n".join(pars) + "\n"


@pytest.mark.parametrize("text,limit,breaks", [
    (_body(12), 300, 1000), ("word " * 400, 97, 1000), ("x" * 1000, 64, 1000), ("a.\n" * 300, 50, 1000),
    ("", 10, 1000), ("short", 100, 1000), ("a. " * 500, 10_000, 40), ("cell\n\n" * 700, 10_000, 100),
])
def test_pieces_rebuild_the_text_within_the_limits(text, limit, breaks):
    got = pieces.split_text(text, limit, breaks)
    assert "".join(got) == text
    assert all(len(p) <= limit for p in got)
    assert all(len(pieces._BREAK.findall(p)) <= breaks for p in got)
    assert len(got) == 1 or all(p for p in got)
    if len(text) > limit or len(pieces._BREAK.findall(text)) > breaks:
        assert len(got) > 1


def test_pieces_end_at_paragraph_breaks():
    got = pieces.split_text(_body(12), 400)
    assert len(got) > 3
    assert all(p.endswith("\n\n") for p in got[:-1])


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def _key(c):
    return (c.kind, c.field, c.text, c.value, c.quote, c.attribution.source, c.as_of and c.as_of.start)


def test_long_body_read_in_pieces_gives_the_same_claims(nlp, monkeypatch):
    body = _body(8)
    art = Article(id="long", source="long.txt", body=body, title="River floods six towns",
                  published="2024-10-20")
    [(_, whole)] = list(extract.extract_claims([art], nlp=nlp))
    monkeypatch.setattr(extract, "PIECE_CHARS", 500)
    cut_at = pieces.split_text(body, 500)
    assert len(cut_at) == 4
    [(_, cut)] = list(extract.extract_claims([art], nlp=nlp))
    assert sorted(map(_key, cut)) == sorted(map(_key, whole))
    assert len({c.id for c in cut}) == len(cut)
    for c in cut:
        if c.field == "body":
            assert body[c.char_start:c.char_end] == c.text
            if c.as_of is not None and c.as_of.char_start is not None:
                assert body[c.as_of.char_start:c.as_of.char_end] == c.as_of.text
    # the first piece keeps its ids: an article of ordinary length is one piece
    first = {c.id for c in whole if c.char_end <= len(cut_at[0]) or c.field != "body"}
    assert first <= {c.id for c in cut}


def test_pieces_in_a_two_process_stream(nlp, monkeypatch):
    arts = [Article(id=f"a{i}", source=f"a{i}.txt", body=_body(3 + i), published="2024-10-20")
            for i in range(3)]
    monkeypatch.setattr(extract, "PIECE_CHARS", 500)
    one = {a.id: sorted(map(_key, cs)) for a, cs in extract.extract_claims(arts, nlp=nlp)}
    two = {a.id: sorted(map(_key, cs)) for a, cs in extract.extract_claims(arts, nlp=nlp, n_process=2)}
    assert one == two and all(one.values())
