"""Direct quotes, reported speech and who said them, on sentences written for these tests."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.model import Article


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def said(nlp, body: str) -> list[tuple[str, str | None, str | None]]:
    """(kind, quoted words or reported clause, source) for every quote and statement."""
    art = Article(id="t", source="t.txt", body=body, published="2024-03-15")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return [(c.kind, c.quote or c.content, c.attribution.source) for c in claims if c.kind in {"quote", "statement"}]


def test_surname_resolves_to_full_name(nlp):
    got = said(nlp, 'Harbour analyst Mara Quillfeather has studied the strait for a decade.\n\n'
                    '"The channel is calm for now," Quillfeather said.')
    assert got == [("quote", "The channel is calm for now,", "Mara Quillfeather")]


def test_pronouns_follow_gender_given_by_the_article(nlp):
    got = said(nlp, "Lena Ortiz said her office would reopen next week.\n\n"
                    "Tomas Varga said his crews had worked through the night.\n\n"
                    '"We need two more boats before the storm," he said.\n\n'
                    '"Nobody in my office is going home early," she added.')
    assert got == [
        ("statement", "her office would reopen next week", "Lena Ortiz"),
        ("statement", "his crews had worked through the night", "Tomas Varga"),
        ("quote", "We need two more boats before the storm,", "Tomas Varga"),
        ("quote", "Nobody in my office is going home early,", "Lena Ortiz"),
    ]


def test_the_official_is_the_one_described_before(nlp):
    got = said(nlp, "Peter Holm, a port official, met the families on Tuesday.\n\n"
                    '"The ferry will sail again on Friday," the official said.')
    assert got == [("quote", "The ferry will sail again on Friday,", "Peter Holm")]


def test_quote_running_on_into_the_next_paragraph(nlp):
    got = said(nlp, '"The bridge is closed to all traffic," said Ines Marlow, the city engineer.\n\n'
                    '"We found cracks in the supports and we will not take any risks with them."')
    assert got == [
        ("quote", "The bridge is closed to all traffic,", "Ines Marlow"),
        ("quote", "We found cracks in the supports and we will not take any risks with them.", "Ines Marlow"),
    ]


def test_apposition_and_inversion(nlp):
    got = said(nlp, "Rafael Dunmore, a senior fellow at the Coastal Policy Institute, said the plan was sound.\n\n"
                    '"It is the cheapest option on the table," Dunmore said.\n\n'
                    '"The river has never been this low," said Olga Brandt.')
    assert got == [
        ("statement", "the plan was sound", "Rafael Dunmore"),
        ("quote", "It is the cheapest option on the table,", "Rafael Dunmore"),
        ("quote", "The river has never been this low,", "Olga Brandt"),
    ]


def test_according_to_after_a_quote(nlp):
    got = said(nlp, '"Prices will keep rising through the winter," according to Selim Farouk, an economist.')
    assert got == [("quote", "Prices will keep rising through the winter,", "Selim Farouk")]


def test_curly_and_multi_sentence_quotes(nlp):
    got = said(nlp, "\u201cWe are proud of the team,\u201d said Nora Lind. "
                    "\u201cThey played well. They never gave up. They earned this.\u201d")
    assert got == [
        ("quote", "We are proud of the team,", "Nora Lind"),
        ("quote", "They played well. They never gave up. They earned this.", "Nora Lind"),
    ]


def test_scare_quotes_are_not_quotes(nlp):
    got = said(nlp, 'The company called the shutdown a "pause" on Monday.\n\n'
                    'Its so-called "smart" meters were installed last year.')
    assert [g for g in got if g[0] == "quote"] == []


def test_reported_speech_keeps_its_clause(nlp):
    got = said(nlp, "Mayor Dana Whitcombe said that the council would vote on the budget in March.\n\n"
                    "The new road will be finished by summer, according to the transport department.")
    assert got == [
        ("statement", "the council would vote on the budget in March", "Dana Whitcombe"),
        ("statement", "The new road will be finished by summer", "transport department"),
    ]


def test_clause_inside_quote_marks_is_left_to_the_quote(nlp):
    got = said(nlp, '"The talks will resume in April and both sides are ready," said Hana Petrov.')
    assert got == [("quote", "The talks will resume in April and both sides are ready,", "Hana Petrov")]
