"""Claim extraction on sentences written for these tests, plus the five real seeds (read at run time)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger import extract
from storyledger.extract.lexicon import parse_number
from storyledger.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def claims_of(nlp, body, title=None, captions=(), published="2024-03-15", agency=None):
    art = Article(id="t", source="t.txt", body=body, title=title, captions=list(captions),
                  published=published, agency=agency)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return claims


def figs(claims):
    return [c for c in claims if c.kind == "figure"]


@pytest.mark.parametrize("words,value", [
    (["12,000"], 12000), (["1.5", "million"], 1_500_000), (["six"], 6), (["a", "dozen"], 12),
    (["twenty", "-", "five"], 25), (["3", "thousand"], 3000), (["two", "hundred"], 200),
    (["60", "two"], None),   # "up from 60 two weeks ago": two numbers, not 62
])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_hedges_and_measures(nlp):
    cs = figs(claims_of(nlp, "The army said about 300 soldiers were killed in the border town last week. "
                             "Officials said up to 2,000 residents were evacuated from the valley."))
    by = {c.value: c for c in cs}
    assert (by[300].qualifier, by[300].measure, by[300].counted) == ("approximately", "killed", "soldiers")
    assert (by[2000].qualifier, by[2000].high, by[2000].measure) == ("at_most", 2000, "evacuated")
    assert by[300].as_of.start == "2024-03-04" and by[300].as_of.end == "2024-03-10"


def test_plan_versus_deployment(nlp):
    cs = figs(claims_of(nlp, "The ministry said Ruritania had decided to send 4,000 troops to the north, "
                             "with roughly 800 of them already stationed near the capital."))
    by = {c.value: c for c in cs}
    assert by[4000].measure == "planned" and by[800].measure == "deployed"
    assert by[800].counted == "troops" and by[800].qualifier == "approximately"
    assert by[4000].attribution.modality == "plan"


def test_pointing_back_and_killed_or_wounded(nlp):
    cs = figs(claims_of(nlp, "According to the ministry, Ruritania sent more than 9,000 Ruritanian soldiers abroad. "
                             "Out of this number, an estimated 700 soldiers have been killed or wounded. "
                             "Five of them were captured."))
    by = {c.value: c for c in cs}
    assert by[9000].qualifier == "at_least" and by[9000].population == "Ruritanian"
    assert by[700].measure == "killed_or_wounded" and by[700].attribution.modality == "estimate"
    assert by[5].measure == "captured" and by[5].population == "Ruritanian"
    assert by[5].attribution.source == by[9000].attribution.source


def test_not_counts_of_people(nlp):
    cs = figs(claims_of(nlp, "In 2023 the company paid $5 million for 40 hectares, "
                             "and the town marked its 50th anniversary on March 3."))
    assert all(c.measure in (None, "other") for c in cs)
    assert 2023.0 not in {c.value for c in cs}


def test_vague_amounts_have_no_value(nlp):
    cs = figs(claims_of(nlp, "Thousands of people fled the city, the mayor said."))
    assert [(c.value, c.qualifier, c.measure) for c in cs] == [(None, "vague", None)]


def test_relay_chain_and_wire_credit(nlp):
    cs = figs(claims_of(nlp, "Ruritania is to send 600 engineers to the coast, the Daily Planet reported on Tuesday, "
                             "citing the country's Defence Ministry.", agency="Reuters"))
    c = next(c for c in cs if c.value == 600)
    assert c.attribution.source == "Defence Ministry"
    assert c.attribution.via == ["Reuters", "Daily Planet"]
    assert c.measure == "planned" and c.as_of.start == "2024-03-12"


def test_forward_reference_to_outlet(nlp):
    cs = figs(claims_of(nlp, "Up to 900 troops are expected to arrive by Monday, according to a news report. "
                             "The first convoy crossed the river on Thursday, CNN reported."))
    c = next(c for c in cs if c.value == 900)
    assert c.attribution.source == "CNN" and c.measure == "planned" and c.as_of.start == "2024-03-18"


def test_alias_and_acronym(nlp):
    cs = figs(claims_of(nlp, "South Korea's National Intelligence Service (NIS) said 50 soldiers were wounded. "
                             "The spy agency said 20 more soldiers were killed."))
    assert {c.attribution.source for c in cs} == {"National Intelligence Service"}


def test_caption_and_title_figures(nlp):
    cs = figs(claims_of(nlp, "Nothing to count here.", title="Ruritania sending over 300 more troops north: spy agency",
                        captions=["A satellite image of a camp in Ruritania, March 2. The agency says around 90 "
                                  "Ruritanian soldiers were gathered there."]))
    title = next(c for c in cs if c.field == "title")
    # a bare "spy agency" names no body unless the article names one (issue 8: the gazetteer does
    # not overreach; this assertion was "National Intelligence Service" before): unknown, not wrong
    assert (title.value, title.qualifier, title.attribution.source) == (300, "at_least", None)
    named = figs(claims_of(nlp, "South Korea's National Intelligence Service briefed lawmakers.",
                           title="Ruritania sending over 300 more troops north: spy agency"))
    assert [(c.value, c.attribution.source) for c in named] == [(300, "National Intelligence Service")]
    cap = next(c for c in cs if c.field == "caption")
    assert cap.value == 90 and cap.measure == "deployed" and cap.as_of.start == "2024-03-02"


def test_quotes_and_speakers(nlp):
    claims = claims_of(nlp, 'Defence Minister Anna Berg visited the base on Monday.\n\n'
                            '"We will not leave anyone behind," said Paul Okafor, a spokesperson for the navy.\n\n'
                            '"The operation is going well and the crews are safe," Okafor said. '
                            '"We expect more news tomorrow."\n\n'
                            'Berg expressed "deep concern" over the delays.\n\n'
                            'The plan was described as "closely" watched.')
    qs = [(c.quote, c.attribution.source) for c in claims if c.kind == "quote"]
    assert qs == [
        ("We will not leave anyone behind,", "Paul Okafor"),
        ("The operation is going well and the crews are safe,", "Paul Okafor"),
        ("We expect more news tomorrow.", "Paul Okafor"),
        ("deep concern", "Anna Berg"),
    ]
    role = next(c.attribution.role for c in claims if c.kind == "quote")
    assert role == "spokesperson for the navy"


def test_denial_statement(nlp):
    claims = claims_of(nlp, "Ruritania has not released any official statement on the deployment.")
    st = [c for c in claims if c.kind == "statement"]
    assert [(c.attribution.source, c.attribution.modality) for c in st] == [("Ruritania", "denial")]


def test_claim_ids_are_stable(nlp):
    a = [c.id for c in claims_of(nlp, "The agency said 40 soldiers were killed.")]
    b = [c.id for c in claims_of(nlp, "The agency said 40 soldiers were killed.")]
    assert a == b and len(set(a)) == len(a)


# --- the real seeds, read from ../shared at run time ---------------------------------------

SEED_QUOTES = {  # article -> speakers of its direct quotes, in order (our own list)
    "000": ["Hong Min", "Koo Byoung-sam", "Jeon Ha-kyou", "Jeon Ha-kyou", "Kim Yong-hyun"],
    "003": ["National Intelligence Service", "Lee Sung-joon", "military source", "Lee Jae-woong"],
}


@pytest.fixture(scope="module")
def seed_articles():
    root = SHARED / "devset" / "seeds" / "articles"
    if not root.is_dir():
        pytest.skip(f"../shared not present: {root}")
    from storyledger import clean, ingest
    arts = {}
    for item in ingest.iter_documents([root]):
        art = clean.clean_document(item)
        arts[Path(art.source).name[:3]] = art
    return arts


def test_seed_figures_match_gold(nlp, seed_articles):
    gold = json.loads((SHARED / "devset" / "seeds" / "gold.json").read_text())
    found = 0
    for g in gold["figures"]:
        art = seed_articles[g["article"][:3]]
        [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
        measures = g["measure"] if isinstance(g["measure"], list) else [g["measure"]]
        ok = [c for c in figs(claims) if g["value"] in (c.value, c.low, c.high) and c.measure in measures
              and c.qualifier in g["qualifier"]]
        found += bool(ok)
    assert found == len(gold["figures"])


def test_seed_quote_speakers(nlp, seed_articles):
    for key, speakers in SEED_QUOTES.items():
        [(_, claims)] = list(extract.extract_claims([seed_articles[key]], nlp=nlp))
        got = [c.attribution.source for c in claims if c.kind == "quote"]
        assert got == speakers, key


# -- round 2: rules found on the demo corpus, each pinned on our own invented sentences ------------

def test_elliptic_counts_take_the_people_before(nlp):
    cs = figs(claims_of(nlp, "The border agency told reporters on Tuesday that about 2,000 Iranian "
                             "engineers had reached Belarus, and that it expected the total to rise to 6,000 by June."))
    by = {c.value: c for c in cs}
    assert (by[2000].measure, by[2000].where, by[2000].population) == ("deployed", "Belarus", "Iranian")
    assert (by[6000].counted, by[6000].population, by[6000].measure) == ("engineers", "Iranian", "planned")
    # "told reporters on Tuesday" dates the 2,000; "by June" belongs to the other number's clause
    assert by[2000].as_of.start == "2024-03-12"


def test_state_words_and_of_those(nlp):
    cs = figs(claims_of(nlp, "The agency said 500 Ruritanian conscripts had been killed or wounded. "
                             "Of those, about 90 were killed and some 410 wounded, it said."))
    by = {c.value: c for c in cs}
    assert (by[90].measure, by[90].counted, by[90].population) == ("killed", "conscripts", "Ruritanian")
    assert by[410].measure == "wounded" and by[410].attribution.source == by[500].attribution.source


def test_range_upper_end_is_not_a_second_figure(nlp):
    cs = figs(claims_of(nlp, "The ministry estimated that between 7,000 and 8,000 Ruritanian conscripts were in Borduria."))
    assert [(c.value, c.high, c.qualifier, c.counted, c.measure) for c in cs] == \
        [(7000, 8000, "range", "conscripts", "deployed")]


def test_several_hundred_is_vague(nlp):
    [c] = figs(claims_of(nlp, "An official said the unit had suffered several hundred casualties."))
    assert c.qualifier == "vague" and c.value is None


def test_place_of_telling_is_not_the_place_of_the_people(nlp):
    [c] = figs(claims_of(nlp, "The defence ministry told lawmakers in Capitalia that 1,200 Ruritanian "
                              "conscripts had arrived in Borduria aboard cargo ships."))
    assert c.where == "Borduria" and c.measure == "deployed"


def test_whose_people_from_the_subject_nearest_the_verb(nlp):
    [c] = figs(claims_of(nlp, "TOKYO, March 3 -- Iran has decided to send around 4,000 troops abroad, "
                              "Japan's defence ministry said on Friday."))
    assert c.population == "Iranian" and c.measure == "planned"


def test_possessive_pronoun_source_is_its_owner(nlp):
    cs = figs(claims_of(nlp, "President Anna Vell told reporters on Monday that her intelligence services "
                             "believed Ruritania was preparing 6,000 conscripts for the front."))
    assert cs[0].attribution.source == "Anna Vell"


def test_report_in_a_named_paper_citing_officials(nlp):
    [c] = figs(claims_of(nlp, "A report in The New York Times, citing officials, said that as many as 900 "
                              "Ruritanian conscripts could be in Borduria by Friday."))
    assert c.attribution.source == "The New York Times"
    assert (c.measure, c.qualifier) == ("deployed", "at_most")


def test_the_newspaper_and_the_agency_of_a_country(nlp):
    cs = figs(claims_of(nlp, "Officials spoke to The New York Times on Monday.\n\n"
                             "The newspaper said 300 Ruritanian conscripts had been captured.\n\n"
                             "South Korea's National Intelligence Service briefed lawmakers on Monday.\n\n"
                             "Later, the South Korean agency estimated that 700 Ruritanian conscripts had been wounded."))
    by = {c.value: c for c in cs}
    assert by[300].attribution.source == "The New York Times"
    assert by[700].attribution.source == "National Intelligence Service"


def test_subjectless_tail_reporting_clause_and_coordinated_reports(nlp):
    cs = figs(claims_of(nlp, "On Monday, the White House said at least 400 Ruritanian conscripts had moved to Borduria, "
                             "and South Korea's National Intelligence Service said about 600 were in Borduria."))
    by = {c.value: c for c in cs}
    assert (by[400].attribution.source, by[400].attribution.via) == ("White House", [])
    assert (by[600].attribution.source, by[600].attribution.via) == ("National Intelligence Service", [])


def test_headline_takes_the_body_source(nlp):
    cs = figs(claims_of(nlp, "The Bordurian defence ministry said on Friday that Ruritania had decided to send "
                             "around 4,000 troops.", title="Capitalia says Ruritania will send 4,000 troops"))
    title = next(c for c in cs if c.field == "title")
    body = next(c for c in cs if c.field == "body")
    assert title.attribution.source == body.attribution.source


def test_undated_article_dates_figures_from_its_own_dates_only(nlp):
    body = ("The outlet reported the deaths of six officers on 4 October, citing intelligence. "
            "The agency said on Wednesday that 500 soldiers had arrived.")
    art = Article(id="u", source="u.txt", body=body, published=None, date_window=["2024-08-17", "2024-12-20"])
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    got = {c.value: (c.as_of.start, c.as_of.end) if c.as_of else None for c in figs(claims)}
    assert got == {6: ("2024-10-04", "2024-10-04"), 500: None}


def test_time_of_the_number_compared_with_is_not_the_figures(nlp):
    got = {c.value: c.as_of.basis for c in figs(claims_of(
        nlp, "Officials say 40 crews have been sent, with about 900 workers each, up from 25 two weeks ago."))}
    assert got[900] == "published"


def test_the_report_points_back_to_a_report_named_in_a_reported_clause(nlp):
    body = ("Fishing has stopped along the coast, according to a Norwegian coast guard report seen by the paper. "
            "More than 300 boats remain in port, the report says.")
    [f] = figs(claims_of(nlp, body))
    assert (f.value, f.attribution.source_text) == (300, "a Norwegian coast guard report")


def test_long_subject_with_its_name_before_the_verb(nlp):
    body = ("The spokeswoman for the harbour board of the council elected by the province (HBC), Ingrid Dahl, "
            "announced on Monday that 240 workers had been sent to the pier, saying more would follow.")
    [f] = figs(claims_of(nlp, body))
    assert (f.value, f.attribution.source, f.attribution.source_type) == (240, "Ingrid Dahl", "person")


def test_with_a_document_suggesting_names_the_document(nlp):
    body = ("Estimates of the crews sent to the coast vary from 600 to 900, with one harbour board document "
            "suggesting that number could rise to as many as 1,500.")
    got = {c.value: c.attribution.source_text for c in figs(claims_of(nlp, body))}
    assert got[1500] == "one harbour board document"


def sources_of(nlp, body: str) -> dict:
    """Each figure's value -> the source its claim names."""
    return {c.value: c.attribution.source for c in figs(claims_of(nlp, body))}


def test_closing_according_to_covers_a_while_clause_and_a_known_name_is_not_split(nlp):
    body = ("The board said the storm had sunk nearly 40 boats, while more than 900 fishermen were still "
            "missing, according to the World Health Organization. "
            "More than 4,000 people have been displaced, according to the UN International Organization for Migration.")
    got = sources_of(nlp, body)
    assert (got[900], got[4000]) == ("World Health Organization", "International Organization for Migration")


def test_citing_x_comma_y_added_with_the_subject_parsed_as_an_apposition(nlp):
    body = ("Citing the Norwegian Red Cross, the UN Office for the Coordination of Humanitarian Affairs (OCHA) "
            "added that 1,200 others were missing in the port.")
    [f] = figs(claims_of(nlp, body))
    assert (f.value, f.attribution.source_text, f.attribution.via) == (
        1200, "the Norwegian Red Cross", ["United Nations Office for the Coordination of Humanitarian Affairs"])


def test_speaker_parsed_as_an_apposition_inside_the_clause(nlp):
    body = "The missing include eleven members of the coast guard, its spokeswoman, Ingrid Dahl, said."
    [f] = figs(claims_of(nlp, body))
    assert (f.value, f.attribution.source) == (11, "Ingrid Dahl")


def test_the_official_is_the_last_person_named_with_an_office(nlp):
    body = ("About 3,000 soldiers have left the base, according to John Miller, the country's deputy defence "
            "secretary.\n\nAnother 900 are expected to leave by Friday, the official said.")
    got = sources_of(nlp, body)
    assert got == {3000: "John Miller", 900: "John Miller"}


def test_a_relative_pronoun_stands_for_the_noun_right_before_it(nlp):
    body = ("The toll might reach thousands, warned a Red Cross official, echoing reports from local leaders "
            "who said 2,800 people had died.")
    got = sources_of(nlp, body)
    assert got[2800] == "local leaders"


def test_a_figures_own_participle_names_its_source(nlp):
    got = sources_of(nlp, "The toll has passed the 5,000 reported by the ministry on Monday.")
    assert got == {5000: "ministry"}


def test_a_reporting_relative_clause_on_the_counted_noun_names_the_source(nlp):
    body = ("A harbour board official said on Monday that about 600 boats were in port.\n\n"
            "That included around 70 boats the official said had recently arrived.")
    got = sources_of(nlp, body)
    assert got[70] == got[600] == "harbour board official"


def test_a_definite_description_of_the_group_counted_goes_on_with_its_source(nlp):
    body = ("According to the Health Agency, 120 nurses in Norland died during the cyclone.\n\n"
            "Some died at home, others at work.\n\n"
            "The deceased nurses are among the 5,120 people so far confirmed dead after the cyclone. "
            "More than 900 people are still missing.\n\n"
            "Aid groups said on Friday that 300 volunteers had arrived.")
    assert sources_of(nlp, body) == {120: "Health Agency", 5120: "Health Agency", 900: "Health Agency", 300: "Aid groups"}


def test_another_group_as_subject_does_not_go_on_with_the_source(nlp):
    body = ("According to the Health Agency, 120 nurses in Norland died during the cyclone.\n\n"
            "The ferry crews are among the 5,120 people so far confirmed dead after the cyclone.")
    assert sources_of(nlp, body) == {120: "Health Agency", 5120: None}


def test_a_number_in_an_embedded_post_is_its_authors(nlp):
    body = ("The agency said 4,000 homes were damaged.\n\n"
            "There are more than 300 #BlueShield volunteers working in shifts to help people after the floods.\n\n"
            "They come from 12 branches across #Norland.\n\n"
            "Thank you @BlueShieldNL for your work. https://t.co/abc123 \u2014 Ann Lee (@annlee_x) May 2, 2024\n\n"
            "Officials later said 50 schools were shut.")
    assert sources_of(nlp, body) == {4000: "agency", 300: "Ann Lee", 12: "Ann Lee", 50: "Officials"}


def test_prose_before_a_post_is_not_the_posts():
    from storyledger.extract.reader import embedded_posts
    text = ("Rescuers reached the valley on Sunday after a long night.\n\n"
            "Volunteers are on the way \u2014 Ann Lee (@annlee_x) May 2, 2024\n\n"
            "More followed.")
    starts = [0, text.index("Volunteers"), text.index("More")]
    assert embedded_posts(text, starts) == [(starts[1], text.index("\u2014"), "Ann Lee")]
    assert embedded_posts("No post here (@ mark alone).", [0]) == []


def test_the_head_of_a_named_body_is_no_person_the_text_did_not_tie_to_it(nlp):
    body = ("In Norland, storm Edgar has killed at least 15 people, but many more are feared. The local head of "
            "the Blue Shield, as the charity is called there, said the death toll will rise to at least 300.")
    assert sources_of(nlp, body)[300] == "local head of the Blue Shield"
    body = ("Ann Lee, the director of the Blue Shield, visited the port on Sunday. "
            "The director of the Blue Shield said 300 volunteers had arrived.")
    assert sources_of(nlp, body)[300] == "Ann Lee"


def test_the_subject_of_a_passive_report_verb_is_told_about_not_a_teller(nlp):
    body = ("Most of the missing are believed to have been swept into the bay. "
            "Others are said to be sheltering in the old mill.")
    assert [c for c in claims_of(nlp, body) if c.kind == "statement"] == []
    body = "The mayor was quoted as saying that the harbour would reopen."
    assert [c.attribution.source for c in claims_of(nlp, body) if c.kind == "statement"] == ["mayor"]


def test_a_lede_pointing_back_counts_what_the_headline_counts(nlp):
    body = ("The number has risen from the 3,000 estimated by the agency last week.\n\n"
            "According to the agency, more than 5,000 people have fled their homes.")
    got = {(c.field, c.value): (c.measure, c.counted) for c in figs(claims_of(
        nlp, body, title="Floods displaced over 5,000 people in Norland: agency"))}
    assert got[("body", 3000)] == ("displaced", "people")
    # a headline that counts no people gives the lede nothing to point back to
    got = {(c.field, c.value): c.measure for c in figs(claims_of(
        nlp, body, title="Norland floods: the agency's weekly update"))}
    assert got[("body", 3000)] == "other"


def test_a_closing_byline_with_a_handle_is_no_post():
    from storyledger.extract.reader import embedded_posts
    text = "Crews cleared 40 #roads by noon.\n\n\u2014 Ann Lee (@annlee_x), staff reporter"
    assert embedded_posts(text, [0, text.index("\u2014")]) == []
    text = "Crews cleared 40 #roads by noon. \u2014 Ann Lee (@annlee_x) Sept. 3, 2023"
    assert embedded_posts(text, [0]) == [(0, text.index("\u2014"), "Ann Lee")]
