"""Tellers and relays the parser hides (issue 9 item 5), on sentences we wrote: a closing tag hung as
an apposition, a record that shows, a speaker who goes on "adding that", a teller apposed to the
content's last phrase, and one tag closing two coordinated clauses."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.model import Article


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def chains(nlp, body, agency=None):
    """Each figure's value -> (source, via)."""
    art = Article(id="t", source="t.txt", body=body, title=None, published="2025-03-04", agency=agency)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return {c.value: (c.attribution.source, c.attribution.via) for c in claims if c.kind == "figure"}


def test_a_closing_tag_the_parser_hung_as_an_apposition_still_tells(nlp):
    # "the state news agency TASS" apposed to "pilots", "reported" a relative clause on it: not the
    # sentence before's teller; the unnamed source the agency cites leaves the agency as the source
    body = ("The committee said it had opened an inquiry. Two pilots were detained on 3 March 2025, the state "
            "news agency TASS reported, citing a police source.")
    assert chains(nlp, body)[2] == ("TASS", [])


def test_a_record_that_shows_tells_for_its_owner(nlp):
    assert chains(nlp, "Some 2,300 homes remain without power, PowerCo data shows.")[2300] == ("PowerCo", [])
    assert chains(nlp, "Since January, 1,200 cases have been recorded, official figures show.")[1200] == \
        ("official figures", [])
    # a picture that shows is no teller (unknown beats wrong)
    assert chains(nlp, "A video shows at least 40 people crossing the river.")[40] == (None, [])


def test_a_speaker_adding_that_goes_on_telling_through_the_outlet_told(nlp):
    body = ('"The toll is 12," Maria Lopez, a district official, told Reuters by phone, adding that 35 people '
            "had been injured.")
    got = chains(nlp, body)
    assert got[35] == got[12] == ("Maria Lopez", ["Reuters"])


def test_a_teller_apposed_to_the_contents_last_phrase_is_the_teller(nlp):
    body = ("The ministry said 300 people arrived on Sunday. Hospitals are treating about 900 patients, nearly "
            "twice their usual load, the health minister, Ana Ruiz, told reporters.")
    assert chains(nlp, body)[900] == ("Ana Ruiz", [])


def test_one_tag_closes_two_coordinated_clauses(nlp):
    body = ("Three people were found dead on the beach and 12 others were treated in hospital for exposure, the "
            "regional health service said.\n\nOne man was found dead in the rubble and 30 others were treated in "
            "hospital for burns, the city fire service said.")
    got = chains(nlp, body)
    assert got[3] == got[12] == ("regional health service", [])
    assert got[1] == got[30] == ("city fire service", [])
    # a conjunct with its own teller stays its own
    got = chains(nlp, "Five people died on Monday, and the army said 20 rebels were killed.")
    assert got[5] == (None, []) and got[20] == ("army", [])


def test_the_group_is_the_group_told_of_last_though_a_quote_is_in_its_sentence(nlp):
    # "Maputo" tagged as a body in the sentence before is no group; the short quote in the sentence
    # of Human Rights Watch does not keep it from being told of
    body = ('Hospital officials in Maputo said on Saturday that 57 people were being treated. Human Rights Watch '
            'said security forces had used "excessive force." At least 14 of the dead were shot by police, the '
            "group said, citing witnesses and medical staff.")
    assert chains(nlp, body)[14] == ("witnesses and medical staff", ["Human Rights Watch"])
    body = "Doctors in Harare said 30 people were treated. Amnesty said the police had used live rounds. " \
           "At least 9 of the dead were shot, the group said."
    assert chains(nlp, body)[9] == ("Amnesty International", [])


def test_reports_received_by_a_body_are_its_and_a_later_outlet_patches_no_report_a_teller_carries(nlp):
    body = ("At least 52 protesters have been killed, according to credible reports received by Amnesty. The "
            "group believes the real toll may be higher, with some reports suggesting as many as 90 have been "
            "killed. State media have reported only a few deaths.")
    got = chains(nlp, body)
    assert got[52] == ("Amnesty International", [])
    assert got[90] == ("some reports", ["Amnesty International"])


def test_a_common_adjective_on_an_estimate_names_no_teller(nlp):
    body = "The utility lowered the number of homes that could lose power from an earlier estimate of about 480,000."
    assert chains(nlp, body)[480000] == (None, [])


def test_a_counted_subject_the_parser_hung_a_body_on_tells_nothing(nlp):
    # "said" got two subjects ("district" and "people"); the body hung on the counted people (as a
    # conjunct with no "and": an apposition misread), in front of its acronym, tells both figures
    body = ("A flood caused by a week of monsoon rain swept away 60 houses in a river town in Sylhet district, "
            "northern Bangladesh, on Friday, killing at least 12 people, the Department of Disaster Management "
            "(DDM) said on Saturday.")
    got = chains(nlp, body)
    assert got[60] == got[12] == ("Department of Disaster Management", [])


def test_a_body_saying_after_it_put_a_toll_goes_on_telling(nlp):
    # "the health ministry" is no other body told of before (the UN agency), and "saying ..." after
    # "put the death toll at" is the agency's telling of what the ministry said
    body = ("The UN migration agency said 40 people were missing. The state news agency SPA, citing the health "
            "ministry, later put the death toll at 26, saying three more bodies had been found near the port "
            "overnight.")
    got = chains(nlp, body)
    assert got[26] == got[3] == ("health ministry", ["SPA"])
    body = ("Mauritania's state news agency AMI, citing the interior ministry, later put the death toll at 31, "
            "saying four more bodies had washed up overnight.")
    assert chains(nlp, body)[4] == ("interior ministry", ["AMI"])


def test_a_weekday_before_a_defined_acronym_is_no_part_of_its_name():
    from storyledger.extract.components import defined_acronyms
    text = ("A fire broke out aboard a ferry off the coast early Monday, the Philippine Coast Guard (PCG) said. "
            "Immigration, Refugees and Citizenship Canada (IRCC) said.")
    assert defined_acronyms(text) == [["Philippine Coast Guard", "PCG"],
                                      ["Immigration, Refugees and Citizenship Canada", "IRCC"]]


def test_who_revises_a_tally_tells_its_levels(nlp):
    body = "District collector Anita Rao has revised the death toll to 23 from 17, after six more people died in hospital."
    got = chains(nlp, body)
    assert got[23] == got[17] == ("Anita Rao", [])
    assert chains(nlp, "Officials raised the toll to 52 late on Monday.")[52] == ("Officials", [])
    # an event that raises a toll tells nothing
    assert chains(nlp, "The earthquake raised the death toll to 41 on Tuesday.")[41] == (None, [])


def test_whom_a_verb_leads_to_report_reports_not_its_subject(nlp):
    body = "The pressure from donors led the mayor to say that 2,000 homes would be built."
    assert chains(nlp, body)[2000] == ("mayor", [])


def test_they_is_no_one_person_told_of_last(nlp):
    body = ("The fire service said crews were still at the scene. Mayor Ann Lee said the town would rebuild. "
            "They said 40 homes were lost.")
    assert chains(nlp, body)[40] == ("fire service", [])


def test_a_list_under_a_lead_in_is_the_lead_ins_tellers():
    # "Label: N" lines under "…, according to X:" are X's; a counter line after prose is no one's
    from storyledger import extract
    from storyledger.model import Article
    art = Article(id="t", source="t", published="2025-05-20", body=(
        "Equipment at the levee, according to the county:\n\nVolunteers: 85\n\nSandbag trucks: 12\n\n"
        "The sheriff said 38 homes were flooded.\n\nViews: 120"))
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert [(c.value, c.attribution.source) for c in claims if c.kind == "figure"] == [
        (85.0, "county"), (12.0, "county"), (38.0, "sheriff"), (120.0, None)]


def test_a_pronoun_for_no_one_told_before_is_unknown(nlp):
    # "They" opening a text points back to no teller: the source is unknown, not the word "They"
    art = Article(id="t", source="t.txt", body="They said at least 40 people were hurt in the crush at the gate. "
                  "The fire service said 12 of them were taken to hospital.", published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert sorted((c.kind, c.value, c.attribution.source) for c in claims) == [
        ("figure", 12.0, "fire service"), ("figure", 40.0, None), ("statement", None, "fire service")]


def test_a_closing_record_tag_read_as_a_noun_compound_tells(nlp):
    # the tagger reads "data show" as one noun: the closing tag still names whose record it is
    assert chains(nlp, "The country logged 310 road deaths in May, official data show.")[310] == ("official data", [])
    assert chains(nlp, "The islands recorded 845 floods in the first half of the year, most of them in the wet "
                       "season, BMKG data show.")[845] == ("BMKG", [])
    assert chains(nlp, "About 40 people came to the data show in the capital.")[40] == (None, [])


def test_who_a_causative_leads_to_report_reports(nlp):
    # "The pressure led X to announce ...": X announces, not the pressure
    art = Article(id="t", source="t.txt", body="The pressure led Grace Lin to announce that she would resign in June.",
                  published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert [(c.kind, c.attribution.source) for c in claims] == [("statement", "Grace Lin")]
    # a time spent is no one who reports ("spent 45 seconds explaining how ...")
    art = Article(id="t", source="t.txt", body="Grace Lin said she had been at home. Lin also spent 45 seconds "
                  "explaining how she could not have been there.", published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert {c.attribution.source for c in claims if c.kind == "statement"} == {"Grace Lin"}


def test_a_description_with_a_name_of_several_words_is_the_name(nlp):
    # "of" inside the apposed name ("Free Voice of the Delta") keeps it a name, not the description
    assert chains(nlp, "The independent radio station Free Voice of the Delta reported that 14 people had died.")[14] \
        == ("Free Voice of the Delta", [])


def test_a_count_the_teller_cites_is_no_teller(nlp):
    # "a nurse who cited the number of burials": the nurse counted; the number tells nothing
    assert chains(nlp, "At least 18 people died, according to a nurse who cited the number of burials held by "
                       "Sunday.")[18] == ("nurse", [])
    # a count with its owner's name on it still names the owner
    assert chains(nlp, "At least 20 people died, according to the broadcaster, which cited figures from the "
                       "health ministry.")[20] == ("health ministry", ["broadcaster"])


def test_a_headlines_agentless_passive_names_no_teller(nlp):
    # "Cholera outbreak confirmed in ...": the outbreak is what was confirmed, not who confirmed it
    art = Article(id="t", source="t.txt", title="Cholera outbreak confirmed in northern district",
                  body="The health ministry said cases were found in three villages.", published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert [(c.kind, c.attribution.source) for c in claims if c.field == "title"] == []
    art = Article(id="t", source="t.txt", title="Ministry confirms cholera outbreak in northern district",
                  body="The health ministry said cases were found in three villages.", published="2025-03-04")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert [(c.kind, c.attribution.source) for c in claims if c.field == "title"] == [("statement", "Ministry")]


def test_a_closing_tag_whose_verb_took_the_contents_subject_tells_it(nlp):
    # the parser makes "storms" a second subject of "said"; the tag's own subject stands after a comma
    body = ("Spring storms killed at least 23 people in the valley on Saturday, most of them hit by "
            "falling trees, the Regional Emergency Service said. Another 70 people were injured.")
    art = Article(id="t", source="t.txt", body=body, published="2025-05-13")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    # "Another 70": the same event's count, of its time
    assert sorted((c.value, c.attribution.source, c.as_of.start, c.as_of.end) for c in claims if c.kind == "figure") == [
        (23.0, "Regional Emergency Service", "2025-05-10", "2025-05-10"),
        (70.0, "Regional Emergency Service", "2025-05-10", "2025-05-10")]


def test_figures_a_body_gave_and_accounts_of_its_own_people(nlp):
    # "figures the prison service gave to parliament": who gave them is the source
    assert chains(nlp, "The jail held 980 people at the end of May, according to figures the prison service gave "
                       "to parliament.")[980] == ("prison service", [])
    # "citing accounts from its observers": the group's own people; the group tells it
    assert chains(nlp, "The monitoring group put the death toll at 14 in a report released on Sunday, citing "
                       "accounts from its 300 observers.")[14] == ("monitoring group", [])


def test_a_transcripts_speaker_labels_tell_their_paragraphs(nlp):
    body = ("MARIA COSTA (District fire chief): Good afternoon. About 120 firefighters are on the line tonight.\n\n"
            "We have moved 45 families to the school.\n\n"
            "QUESTION: How many homes have burned?\n\n"
            "COSTA: At least 16 homes, but we have not reached the upper valley yet.\n")
    assert chains(nlp, body) == {120.0: ("Maria Costa", []), 45.0: ("Maria Costa", []), 16.0: ("Maria Costa", [])}
    # a label on a news page names no one: no role in brackets, no question asked
    assert chains(nlp, "BREAKING: At least 16 homes burned in the upper valley overnight.\n")[16] == (None, [])
