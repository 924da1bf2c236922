"""Entity spans read from the tokens around a position are the ones ``doc.ents`` gives."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.extract.components import Paragraphs
from storyledger.extract.spans import ent_at, ents_in

TEXT = ("Mayor Ana Ruiz of Port Wren said on Monday that 120 residents of Alder Bay were moved.\n"
        "The Red Cross and the World Health Organization sent 3 teams to Kestrel Falls, "
        "according to Tom Hale, the fire chief.\nJohn Smith\nGeneva\n\nOn 4 October 2024 the "
        "United Nations said 2,000 people in Libya were missing.")


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def test_ent_at_and_ents_in_match_doc_ents(nlp):
    doc = nlp(TEXT)
    ents = list(doc.ents)
    assert len(ents) >= 8
    for i in range(len(doc)):
        want = next((e for e in ents if e.start <= i < e.end), None)
        got = ent_at(doc, i)
        assert (got.start, got.end, got.label_) == (want.start, want.end, want.label_) if want else got is None
    for a in range(0, len(doc), 3):
        for b in range(a, len(doc) + 1, 5):
            want = [(e.start, e.end, e.label_) for e in ents if e.start >= a and e.end <= b]
            assert [(e.start, e.end, e.label_) for e in ents_in(doc, a, b)] == want
    for sent in doc.sents:      # what Span.ents gives
        assert [(e.start, e.end) for e in ents_in(doc, sent.start, sent.end)] == [(e.start, e.end) for e in sent.ents]
    assert ent_at(doc, -1) is None and ent_at(doc, len(doc)) is None


def test_line_breaks_start_sentences(nlp):
    """The paragraphs component marks every token after a line break as a sentence start, and no other."""
    doc = nlp.make_doc("One line here\nTwo lines here and more\n\nThree\n")
    Paragraphs(nlp, "p")(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["One", "Two", "Three"]
    assert [t.is_sent_start for t in doc if t.text in {"line", "here", "and"}] == [None] * 4
    assert doc._.paragraphs == [0, 14, 39, 45]
