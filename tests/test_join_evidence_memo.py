"""``evidence.Evidence`` answers as ``source_evidence`` does for every pair of sides, while working out
what two named sides' names say of each other once per pair of names (not once per pair of tellings:
an outlet's credit makes nearly every telling's side its own). Hand-built claims, our own sentences."""
from __future__ import annotations

from storyledger.ledger import evidence
from storyledger.ledger.evidence import Evidence, source_evidence
from storyledger.ledger.join import make_tellings, relay_corpus
from storyledger.model import Article, Attribution, Claim


def _art(aid: str, outlet: str, agency: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, agency=agency, published="2024-03-02", body="Body.")


def _fig(cid: str, article: str, text: str, source: str | None = None, *, source_text: str | None = None,
         role: str | None = None, via: tuple[str, ...] = ()) -> Claim:
    return Claim(id=cid, article=article, kind="figure", text=text, field="body", value=4000, qualifier="exact",
                 measure="displaced", counted="people",
                 attribution=Attribution(source=source, source_text=source_text or source, role=role, via=list(via)))


ARTS = [_art("A", "Harbour Times", "AFP"), _art("B", "Valley Post"), _art("C", "Kyiv Post"), _art("D", "Coast Daily", "Reuters")]
CLAIMS = [
    _fig("a1", "A", "The IOM said 4,000 people had fled.", "IOM"),
    _fig("a2", "A", "Some 4,000 people fled, the agency said.", "International Organization for Migration",
         source_text="the agency"),
    _fig("b1", "B", "About 4,000 fled, according to the Red Crescent, citing the IOM.", "Red Crescent", via=("IOM",)),
    _fig("b2", "B", "He said 4,000 had left.", "He"),
    _fig("c1", "C", "Ukrainian media reported 4,000 displaced.", "Ukrainian media"),
    _fig("c2", "C", "Some 4,000 people left their homes.", None),
    _fig("c3", "C", "Ana Ruiz said 4,000 had fled the port.", "Ana Ruiz", role="Port Mayor"),
    _fig("b3", "B", "The Kyiv Post reported 4,000 displaced.", "Kyiv Post"),
    _fig("d1", "D", "The mayor said 4,000 people had fled.", "mayor"),
    _fig("d2", "D", "Mayor Ana Ruiz put the number at 4,000.", "Ana Ruiz", role="Port Mayor"),
    _fig("d3", "D", "We count 4,000 displaced, the governor said.", "Lars Berg", source_text="We"),
    _fig("d4", "D", "Reuters counted 4,000 displaced by the IOM estimate.", None),
]


def test_every_pair_as_source_evidence_and_names_worked_out_once(monkeypatch):
    tellings = make_tellings(ARTS, CLAIMS)
    corpus = relay_corpus(tellings)
    want = {(a.id, b.id): source_evidence(a.side, b.side, corpus) for a in tellings for b in tellings}
    calls = []
    named_pair = evidence._named_pair
    monkeypatch.setattr(evidence, "_named_pair", lambda x, y, c: calls.append(1) or named_pair(x, y, c))
    ev = Evidence(corpus)
    got = {(a.id, b.id): ev(a.side, b.side) for a in tellings for b in tellings}
    assert got == want
    again = {(a.id, b.id): ev(a.side, b.side) for a in tellings for b in tellings}
    assert again == want
    named = [t for t in tellings if t.side.origin]
    assert len(named) == 9
    # c3 and d2 name Ana Ruiz alike: eight namings, their ordered pairs worked out once (a second
    # round remembered)
    assert len(calls) == 64
    assert {k: v for k, v in want.items() if k[0] < k[1] and v[0] > 0} == {
        ("a1", "a2"): (3, "same_source"),
        ("a1", "b1"): (3, "relay"),             # the Red Crescent citing the IOM
        ("a2", "b1"): (3, "relay"),
        ("a1", "d4"): (2, "named_in_sentence"),
        ("a2", "d4"): (2, "named_in_sentence"),
        ("b1", "b2"): (1, "pronoun_in_article"),
        ("b2", "b3"): (1, "pronoun_in_article"),
        ("c1", "c2"): (1, "same_outlet"),
        ("c1", "c3"): (2, "descriptor"),        # "Ukrainian media" covers the Kyiv Post, c3's outlet
        ("c2", "c3"): (1, "same_outlet"),
        ("c3", "d1"): (2, "role"),
        ("c3", "d2"): (3, "same_source"),
        ("b3", "c1"): (3, "relay"),             # the Kyiv Post carried c1
        ("b3", "c3"): (3, "relay"),
        ("d1", "d2"): (2, "role"),
        ("d1", "d4"): (1, "same_outlet"),
        ("d2", "d4"): (1, "same_outlet"),
        ("d3", "d4"): (1, "same_outlet"),
    }
