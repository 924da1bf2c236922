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


def test_zero_width_space_after_a_name(nlp):
    got = said(nlp, 'Harbour analyst Mara Quillfeather has studied the strait for a decade.\n\n'
                    '"The channel is calm for now," Quillfeather\u200b said.')
    assert got == [("quote", "The channel is calm for now,", "Mara Quillfeather")]


def test_he_stays_with_the_speaker_through_names_in_passing(nlp):
    got = said(nlp, "Jon Brack said the plant would close in March.\n\n"
                    "In a statement, the owners of Pike Foods, Ada Lum and Ben Roe, said they regretted the loss of jobs.\n\n"
                    "Brack said he expects the union to fight the closure.\n\n"
                    '"Nobody here wants to leave," he said.')
    assert [g for g in got if g[0] == "quote"] == [("quote", "Nobody here wants to leave,", "Jon Brack")]
    assert got[2] == ("statement", "he expects the union to fight the closure", "Jon Brack")


def test_said_she_genders_the_speaker(nlp):
    got = said(nlp, "Rowan Tate said she would run for the seat again.\n\n"
                    "Peter Lusk, the party chair, welcomed the news on Friday.\n\n"
                    '"It is time for a change in this riding," she said.')
    assert got[-1] == ("quote", "It is time for a change in this riding,", "Rowan Tate")


def test_a_name_inside_the_quote_is_not_the_speaker(nlp):
    got = said(nlp, "Nora Hale spent twenty years at the mill.\n\n"
                    '"Kim Reyes trained half the people on this floor," she said.\n\n'
                    '"We will miss that place," she added.')
    assert got == [("quote", "Kim Reyes trained half the people on this floor,", "Nora Hale"),
                   ("quote", "We will miss that place,", "Nora Hale")]


def test_a_description_names_the_person_the_story_is_about(nlp):
    got = said(nlp, "Caleb Moss scored twice for the Otters on Saturday night.\n\n"
                    '"It felt great to finally get one past him," the rookie defenceman said.')
    assert got == [("quote", "It felt great to finally get one past him,", "Caleb Moss")]


def test_the_company_is_the_firm_named_before(nlp):
    got = said(nlp, "Harbor Foods Inc. cut 200 jobs at its plant on Monday.\n\n"
                    '"The decision was a difficult one," the company said in a statement.')
    assert got == [("quote", "The decision was a difficult one,", "Harbor Foods Inc.")]


def test_a_document_is_not_a_person(nlp):
    got = said(nlp, "Caleb Moss filed a suit against the league in May.\n\n"
                    "The lawsuit says the league ignored repeated warnings about head injuries.")
    assert all(src != "Caleb Moss" for _, _, src in got)


def test_more_verbs_of_saying(nlp):
    got = said(nlp, '"I found work within a week," quipped Dana Fell, who lost her job in May.')
    assert got == [("quote", "I found work within a week,", "Dana Fell")]


def test_he_after_a_newly_named_speaker_is_that_speaker(nlp):
    # the first man says more, but the quote follows the second one's introduction
    got = said(nlp, 'Oskar Brandt, head of a ferry company, said he could not reach two captains. '
                    '"Every hour makes it harder for the families," he said.\n\n'
                    'Jonas Pell, a dock engineer, said he grabbed a lifebuoy after the first wave.\n\n'
                    '"Then we saw the pier give way and we ran back," he told reporters.')
    quotes = [(w, s) for k, w, s in got if k == "quote"]
    assert quotes[-1] == ("Then we saw the pier give way and we ran back,", "Jonas Pell")


def test_verbless_quote_after_reported_speech_by_an_untagged_name(nlp):
    got = said(nlp, "Will Young, a mechanic at a rail yard in Ohio, said cold weather wears out brakes.\n\n"
                    '"Seals harden and valves stick when it is this cold."')
    assert ("quote", "Seals harden and valves stick when it is this cold.", "Will Young") in got


def test_a_document_speaks_for_its_named_owner(nlp):
    got = said(nlp, "Northvale Transit's annual report said ridership fell by a third last winter.")
    assert [(k, s) for k, _, s in got] == [("statement", "Northvale Transit")]


def test_a_short_sentence_after_the_quote_is_its_tag():
    from storyledger import extract
    body = ("“Many families have returned to the harbour town. There are around 300 people still away.” "
            "The coast guard report said.")
    claims = extract.extract_text(body, "2024-03-15")
    q = next(c for c in claims if c.kind == "quote")
    f = next(c for c in claims if c.kind == "figure")
    assert (q.attribution.source_text, f.attribution.source_text) == ("The coast guard report", "The coast guard report")


def test_gender_is_not_read_from_pronouns_inside_the_quote(nlp):
    from storyledger.extract.quotes import person_mentions
    doc = nlp('Robin Ashgrove said "she will heal in time and walk again."')
    _, gender = person_mentions(doc)
    assert "Robin Ashgrove" not in gender


def test_a_surname_naming_a_thing_is_no_mention_of_the_person(nlp):
    from storyledger.extract.quotes import person_mentions
    doc = nlp("Kerry Maddox lost the appeal on Tuesday. "
              "Reporters waited outside the Maddox residence until he came home.")
    mentions, _ = person_mentions(doc)
    assert [doc[m.i].text for m in mentions] == ["Maddox"]


def test_a_name_the_tagger_filed_as_a_place_is_the_person_named_later(nlp):
    from spacy.tokens import Span

    from storyledger.extract.quotes import person_mentions
    doc = nlp("Aarno Pelkonen scored twice on Sunday. Coaches praised Pelkonen after the game.")
    # the tagger's slip, set by hand: the full name as a place, the surname as a person
    doc.ents = [Span(doc, 0, 2, label="GPE"), Span(doc, 9, 10, label="PERSON")]
    doc._.people = None
    mentions, _ = person_mentions(doc)
    assert [(m.key, doc[m.i].text) for m in mentions] == [("Aarno Pelkonen", "Pelkonen"), ("Aarno Pelkonen", "Pelkonen")]


def test_he_said_goes_on_with_the_person_last_told_as_speaking(nlp):
    got = said(nlp, "Mayor Colin Drayke said his council would meet on Monday. He said the vote was close. "
                    "He said he had asked for a recount, and he said he would accept the result.\n\n"
                    '"We will respect what the voters decided," Mr. Drayke said.\n\n'
                    "Pavel Ostrom, the council's budget officer, said his staff had found the money.\n\n"
                    "The council has nine seats. The bridge repairs will take two years.\n\n"
                    '"If the grant arrives late, the repairs will wait for spring," he said.')
    assert got[-2:] == [("statement", "his staff had found the money", "Pavel Ostrom"),
                        ("quote", "If the grant arrives late, the repairs will wait for spring,", "Pavel Ostrom")]


def test_a_photo_credit_is_no_person_of_the_story(nlp):
    from storyledger.extract.quotes import person_mentions
    doc = nlp("Volunteers served soup at the shelter on Friday. (Dana Wirth / Harbour News)\n\n"
              "Mary Stone, who runs the shelter, said she had no beds left.")
    mentions, _ = person_mentions(doc)
    assert {m.key for m in mentions} == {"Mary Stone"}


def test_a_described_man_is_a_description_a_bare_man_is_not(nlp):
    from storyledger.extract.quotes import _description
    described = nlp("The soft-spoken old man said the river rose at night.")
    bare = nlp("The man said the river rose at night.")
    assert _description(described[5]) == "person"
    assert _description(bare[1]) is None


def test_a_quote_after_a_sentence_about_a_person_is_theirs(nlp):
    got = said(nlp, '"The hall needs a new roof," says Ivo Brandt, who runs the theatre.\n\n'
                    "The choreographer Mary Stone returned to the theatre this spring. "
                    '"I was glad to be asked back and to work with these dancers again."')
    assert got == [("quote", "The hall needs a new roof,", "Ivo Brandt"),
                   ("quote", "I was glad to be asked back and to work with these dancers again.", "Mary Stone")]


def test_retorted_tags_a_quote_and_leaves_no_statement_behind(nlp):
    got = said(nlp, "Mary Stone, the target of the joke, retorted, \u201cI can swim just fine\u201d and then left the stage.")
    assert got == [("quote", "I can swim just fine", "Mary Stone")]


def test_a_newly_introduced_person_takes_the_next_he_said(nlp):
    got = said(nlp, '"We asked for nothing unusual," Tomas Varga said.\n\n'
                    "Harbour councillor Pavel Ostrom, a former ferry captain, went on the radio later in the day.\n\n"
                    '"The ferries will keep running whatever the council decides," he said.')
    assert got[-1] == ("quote", "The ferries will keep running whatever the council decides,", "Pavel Ostrom")


def test_an_embedded_post_signature_is_no_person_of_the_story(nlp):
    from storyledger.extract.quotes import person_mentions
    doc = nlp("Mayor Colin Drayke answered the critics on Monday.\n\n"
              "The bridge stays shut until spring. \u2014 Lena Ortiz (@LenaOrtiz) March 3, 2024\n\n"
              '"We will reopen it when it is safe," he said.')
    mentions, _ = person_mentions(doc)
    assert {m.key for m in mentions} == {"Colin Drayke"}


def test_a_titled_speaker_the_tagger_calls_a_body_is_a_person(nlp):
    from spacy.tokens import Span
    from storyledger.extract.quotes import person_mentions
    doc = nlp("But Hereditary Chief Wiyo'sek said he did not see any threat.")
    # the tagger's slip, set by hand: the titled name as an organisation
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    doc._.people = None
    mentions, _ = person_mentions(doc)
    assert [m.key for m in mentions] == ["Wiyo'sek"]


def test_an_acronym_spelled_out_before_names_the_body(nlp):
    from storyledger.extract.components import spelled_acronyms
    text = ("The family received a letter from Harbour, Rivers and Coasts Authority officials. "
            "The HRCA said the permit was late. The Prime Minister was told.")
    assert spelled_acronyms(text, []) == [["Harbour, Rivers and Coasts Authority", "HRCA"]]
    # a definition the text writes wins; an acronym used before its name is spelled out is left alone
    assert spelled_acronyms(text, [["Harbour Rail Cargo Association", "HRCA"]]) == []
    assert spelled_acronyms("The HRCA met. Harbour, Rivers and Coasts Authority staff came.", []) == []
    got = said(nlp, "Staff at the Office of Lighthouse Safety reviewed the report.\n\n"
                    "The OLS said the lamps at three stations had failed during the storm.")
    assert got[-1][2] == "Office of Lighthouse Safety"


def test_a_lone_surname_the_tagger_calls_a_place_is_the_person_named_before(nlp):
    from spacy.tokens import Span
    from storyledger.extract.quotes import person_mentions
    doc = nlp("Engineer Aarno Pelkonen built the plant. Pelkonen is sure it pays. The Birth of Modern Halden sold well. "
              "Halden is a town.")
    # the tagger's slips, set by hand: the surname as a nationality, a book title as a person
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 7, 8, label="NORP"), Span(doc, 14, 18, label="PERSON"),
                Span(doc, 21, 22, label="GPE")]
    doc._.people = None
    mentions, _ = person_mentions(doc)
    assert [(m.key, doc[m.i].text) for m in mentions] == [
        ("Aarno Pelkonen", "Pelkonen"), ("Aarno Pelkonen", "Pelkonen"), ("Birth of Modern Halden", "Birth")]


def test_a_source_phrase_keeps_hyphened_words_and_a_body_name_whole(nlp):
    got = said(nlp, "The National Institute on Harbour Safety said the pier was closed.\n\n"
                    "\u201cWe saw the crane fall,\u201d said my next-door neighbour.")
    assert got == [("statement", "the pier was closed", "National Institute on Harbour Safety"),
                   ("quote", "We saw the crane fall,", "my next-door neighbour")]


def test_a_description_with_a_place_in_it_names_the_person_the_story_is_about(nlp):
    got = said(nlp, "Senate leader Colin Drayke blamed the press for the attacks on the ferry crews.\n\n"
                    "\u201cThe crews did nothing wrong and the reports were unfair to every one of them,\u201d "
                    "the Ohio Republican said.")
    assert got[-1] == ("quote", "The crews did nothing wrong and the reports were unfair to every one of them,",
                       "Colin Drayke")


def test_a_judge_is_not_the_person_the_story_is_about(nlp):
    from storyledger.extract.quotes import _description
    doc = nlp("The Nova Scotia judge said the offender would stay in prison.")
    assert _description(doc[3]) is None


def test_a_long_tag_sentence_after_the_quote_names_its_speaker(nlp):
    got = said(nlp, 'MARKETS: "Will the harbour fund sell its bonds before the spring? Nobody knows yet, and nobody will say." '
                    "Mara Quillfeather, a senior strategist for the Northern Bank, said in a commentary.")
    assert got == [("quote", "Will the harbour fund sell its bonds before the spring? Nobody knows yet, and nobody will say.",
                    "Mara Quillfeather")]


def test_the_minister_is_not_the_prime_minister(nlp):
    got = said(nlp, "Foreign Minister Lena Ortiz spoke in the harbour town on Tuesday.\n\n"
                    "Her remarks came after the envoy criticised Prime Minister Colin Drayke earlier that day.\n\n"
                    '"We will keep asking for the sailors to be released," the minister said.')
    assert got[-1] == ("quote", "We will keep asking for the sailors to be released,", "Lena Ortiz")


def test_the_company_may_mean_a_business_the_text_called_a_maker(nlp):
    got = said(nlp, "Shares of Nordwick Systems fell on Monday.\n\n"
                    "Sudsy, Brightly and Glint maker Harrow & Vale gained 4 per cent when its quarterly earnings beat "
                    "forecasts. The company said its sales for the year would be a little higher than planned.")
    assert got[-1] == ("statement", "its sales for the year would be a little higher than planned", "Harrow & Vale")


def test_an_inverted_phrasal_tag_names_the_described_speaker(nlp):
    got = said(nlp, "Mara Quillfeather opened her comic shop in the harbour town last spring.\n\n"
                    "\u201cWe sell stories nobody else will print,\u201d points out the soft-spoken shop owner, "
                    "who moved to town ten years ago.")
    assert got[-1] == ("quote", "We sell stories nobody else will print,", "Mara Quillfeather")


def test_a_scare_quote_before_does_not_stop_the_lead_in_speaker(nlp):
    got = said(nlp, "Early on, Colin Drayke lost several patients and became \"painfully aware\" of the risk. "
                    "\"When a patient dies, especially a young one, you remember it for a long time.\"")
    assert got[-1] == ("quote", "When a patient dies, especially a young one, you remember it for a long time.",
                       "Colin Drayke")


def test_scolded_tags_a_quote(nlp):
    got = said(nlp, "\u201cIf you go to the cellar alone at night, nobody can help you,\u201d scolded Lena Ortiz.")
    assert got == [("quote", "If you go to the cellar alone at night, nobody can help you,", "Lena Ortiz")]
