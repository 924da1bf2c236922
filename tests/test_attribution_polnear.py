"""Attribution rules of round 15 (issue 9: what the PolNeAR dev misses and the ECB+ held-out notes
showed), each on sentences we wrote."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.extract.components import text_acronyms
from storyledger.model import Article


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def claims_of(nlp, body):
    art = Article(id="t", source="t.txt", body=body, title=None, published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return claims


def said(nlp, body):
    """(kind, source, said words) of each quote and statement."""
    return [(c.kind, c.attribution.source, c.quote or c.content) for c in claims_of(nlp, body)
            if c.kind in {"quote", "statement"}]


def figures(nlp, body):
    return {c.value: (c.attribution.source, c.attribution.via) for c in claims_of(nlp, body) if c.kind == "figure"}


def test_a_name_ends_before_its_hyphened_participle():
    # "United Nations-run" spells "UN" as "United Nations", not as the adjective
    assert text_acronyms("Shells hit a United Nations-run clinic, the UN says.") == [["United Nations", "UN"]]
    assert text_acronyms("Staff of the Kremlin-backed Russia Today network, RT said.") == [["Russia Today", "RT"]]


def test_the_un_tells_though_a_un_run_clinic_was_named(nlp):
    body = "No rebels were inside a United Nations-run clinic shelled by the army, leaving 40 people dead, the UN says."
    assert figures(nlp, body)[40] == ("United Nations", [])


def test_a_clause_whose_predicate_the_parser_made_its_head_is_reported(nlp):
    # "was 'reckless'": the adjective heads the reported clause, with its subject and "was" on it
    body = "Ana Ruiz says the council's late-night vote on the harbour budget was \"reckless, even for them.\""
    assert ("statement", "Ana Ruiz", "the council's late-night vote on the harbour budget was \"reckless, even for them") \
        in said(nlp, body)


def test_a_tag_inside_or_after_its_clause_reports_the_clause_around_it(nlp):
    assert said(nlp, "The mill was the town's largest employer, Mr. Okafor said, until it closed in 2009.") == \
        [("statement", "Okafor", "The mill was the town's largest employer until it closed in 2009")]
    assert said(nlp, "Drought, Governor Lise Tan often says, is the gravest threat facing the valley.") == \
        [("statement", "Lise Tan", "Drought is the gravest threat facing the valley")]
    # a verb of saying with something said of its own is no tag ("told the board")
    assert said(nlp, "The mill was idle, and Mr. Okafor told the board that it would close.") == \
        [("statement", "Okafor", "that it would close")]


def test_citing_a_reason_names_no_teller(nlp):
    body = "Analysts said rising rents have driven families out of the centre, citing the scarcity of land near the port."
    assert said(nlp, body) == [("statement", "Analysts", "rising rents have driven families out of the centre, citing "
                                "the scarcity of land near the port")]
    assert figures(nlp, "At least 40 people died in the fire, the station said, citing safety concerns.")[40] == \
        ("station", [])
    # who can tell still does: people, a body by its remit, a country's intelligence
    assert figures(nlp, "At least 40 people died in the fire, the station said, citing witnesses.")[40] == \
        ("witnesses", ["station"])
    assert figures(nlp, "At least 40 people died, the station said, citing the regional emergency bureau.")[40] == \
        ("regional emergency bureau", ["station"])


def test_a_bodys_it_inside_its_own_report_is_the_body(nlp):
    # not the clinic told of the sentence before
    body = ("The Al-Noor clinic said 42 people were killed in the market.\n\n"
            "The WHO said earlier that it had confirmed 30 dead and 55 wounded.")
    got = figures(nlp, body)
    assert got[55] == ("World Health Organization", [])
    assert got[42] == ("Al-Noor clinic", [])


def test_of_two_subjects_the_parser_gave_a_tag_the_speaker_is_next_to_the_verb(nlp):
    from spacy.tokens import Doc

    from storyledger.extract.attribution import _subject_of
    from storyledger.extract.quotes import _subject
    # the misparse of a real page: a noun of the quoted words and the speaker, both subjects of "said"
    words = ['"', "Full", "panic", "mode", ",", '"', "said", "Tessa", "Morland", "."]
    heads = [6, 3, 3, 6, 6, 6, 6, 8, 6, 6]
    deps = ["punct", "amod", "compound", "nsubj", "punct", "punct", "ROOT", "compound", "nsubj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _subject(doc[6]).text == _subject_of(doc[6])[0].text == "Morland"
    # a hyphened name the parser split in two subjects stays whole
    words = ['"', "No", ",", '"', "Wilson", "-", "Raybould", "said", "."]
    doc = Doc(nlp.vocab, words=words, heads=[7, 7, 7, 7, 7, 7, 7, 7, 7],
              deps=["punct", "intj", "punct", "punct", "nsubj", "punct", "nsubj", "ROOT", "punct"])
    assert _subject(doc[7]).text == "Wilson"
    # the statement of a sentence that only tags the quote before it takes the speaker, not "mode"
    body = '"The harbour plan is in panic mode. Full panic mode," said Tessa Morland, a Bristol-based trader.'
    assert {s for _k, s, _w in said(nlp, body)} == {"Tessa Morland"}
