"""Story kinds the dev sets lack (issue 9, round 8): outbreaks, shootings, earthquakes, wildfires,
shipwrecks, mine accidents, heatwaves, protests, war tolls and prisoner swaps, hostage releases.

The pages under tests/kinds/articles/ and their key (tests/kinds/gold.json, written by
tests/kinds/make_gold.py) are our own words, saved as a scraper saves a page. Each test below is one
wording family the round-start code read wrong, on short sentences we wrote, then the pages whole.
"""
from __future__ import annotations

import pathlib

import pytest

from storyledger import extract
from storyledger.clean import clean_document
from storyledger.model import Article, RawDocument

PAGES = pathlib.Path(__file__).parent / "kinds" / "articles"


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def figures(nlp, body, published="2025-03-14"):
    art = Article(id="t", source="t.txt", body=body, published=published)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return [c for c in claims if c.kind == "figure"]


def measures(nlp, body, **kw):
    return {c.value: c.measure for c in figures(nlp, body, **kw)}


def test_a_number_written_with_a_hyphen_is_one_number(nlp):
    got = measures(nlp, "Sixty-two people were freed. Twenty-five soldiers were killed on Monday. "
                        "The blast killed twenty-one miners. A twenty-year-old man was hurt.")
    assert got == {62: "other", 25: "killed", 21: "killed", 20: "other"}


def test_people_kidnapped_held_in_custody_or_captivity_are_captured(nlp):
    got = measures(nlp, "Gunmen kidnapped 87 students. More than 1,500 students have been kidnapped since 2014, "
                        "when militants abducted 276 schoolgirls. The militants are holding 40 hostages. "
                        "Police took 35 people into custody. Sixty-two were freed, but 25 others remain in "
                        "captivity.")
    assert got == {87: "captured", 1500: "captured", 276: "captured", 40: "captured", 35: "captured",
                   62: "other", 25: "captured"}   # (62 "were freed": no word says who they were)


def test_people_freed_or_exchanged_stay_a_count_of_the_captured(nlp):
    # measures.json: `other` is for numbers that count no people; prisoners swapped and hostages freed
    # are people who were captured (tests/test_heldout_conflict.py reads a swap the same way)
    got = measures(nlp, "Ukraine and Russia have each released 115 prisoners of war. Rebels freed 40 hostages "
                        "on Monday. Army helicopters have rescued 85 people.")
    assert got == {115: "captured", 40: "captured", 85: "other"}


def test_a_verb_with_its_own_subject_keeps_its_own_measure(nlp):
    got = measures(nlp, "Nearly 900 people have been hospitalised, and 2,950 patients have recovered. Nine "
                        "miners were killed and 14 remained trapped. Four people were killed and 11 others "
                        "wounded.")
    assert got == {900: "wounded", 2950: "other", 9: "killed", 14: "other", 4: "killed", 11: "wounded"}


def test_killed_or_wounded_reached_from_its_second_word(nlp):
    got = measures(nlp, "The General Staff said 1,120 Russian soldiers had been killed or wounded over the past "
                        "day, bringing the total since the start of the invasion to 812,000.")
    assert got[1120] == got[812000] == "killed_or_wounded"


def test_a_time_after_verbs_that_share_a_subject_dates_them_all(nlp):
    got = {c.value: c.as_of.start for c in figures(nlp, (
        "A glide bomb attack killed 13 civilians and injured 29 others on Saturday, the governor said. "
        "The storm killed 40 people on Monday, and 300 more died on Wednesday. More than 2,500 people have "
        "died or gone missing at sea so far this year."))}
    assert got[13] == got[29] == "2025-03-08"
    assert (got[40], got[300]) == ("2025-03-10", "2025-03-12")
    assert got[2500] == "2025-01-01"


def test_states_told_by_where_people_are_left(nlp):
    got = measures(nlp, "The quake destroyed more than 8,000 homes, leaving an estimated 35,000 people without "
                        "shelter. Another 23 polling staff were taken to hospital. Twelve people remain in "
                        "hospital. Some 300 doctors work in the hospital. More than 3,000 people have been "
                        "infected.")
    assert got == {8000: "other", 35000: "displaced", 23: "wounded", 12: "wounded", 300: "other",
                   3000: "affected"}


def test_share_prompts_and_a_barred_label_are_furniture():
    text = ("Heatwave: 54 deaths in a week as mercury touches 49 degrees\n\nShare on Facebook\nShare via WhatsApp\n\n"
            "At least 54 people have died of suspected heatstroke across the state in the past week, officials "
            "said, as temperatures touched 49 degrees Celsius in several districts.\n\nAlso Read | Power demand "
            "hits record as air-conditioners run round the clock\n\nSchools will remain closed until June 10, "
            "the education department said in a notice.\n")
    art = clean_document(RawDocument(source="h.txt", kind="text", text=text))
    assert "Share" not in art.body and "Also Read" not in art.body and "Power demand" not in art.body
    assert art.body.startswith("At least 54 people") and art.body.endswith("in a notice.")


# --- the pages whole: (value, field) -> (measure, qualifier, source, as_of start, as_of end)
PAGE_ROWS = {
    "01_outbreak_cholera.txt": {
        112: ("killed", "exact", "health ministry", "2025-03-13", "2025-03-13"),
        900: ("wounded", "approximately", "ministry", "2025-03-14", "2025-03-14"),
        2950: ("other", "exact", "ministry", "2025-03-14", "2025-03-14"),
        1700: ("killed", "at_least", None, "2024-01-01", "2024-12-31"),
    },
    "03_wire_quake-toll.txt": {
        312: ("killed", "exact", "officials", "2023-11-05", "2023-11-05"),
        35000: ("displaced", "approximately", None, "2023-11-05", "2023-11-05"),
        9000: ("killed", "approximately", None, "2015-01-01", "2015-12-31"),   # the nation lost 9,000 people
    },
    "05_paper_shipwreck.txt": {
        64: ("missing", "exact", "Coastguard", "2024-06-20", "2024-06-20"),
        2500: ("killed", "at_least", "International Organization for Migration", "2024-01-01", "2024-12-31"),
    },
    "06_wire_mine-flood.txt": {
        9: ("killed", "exact", "local emergency management bureau", "2024-02-26", "2024-02-26"),
        14: ("other", "exact", "local emergency management bureau", "2024-02-26", "2024-02-26"),
        5000: ("killed", "at_least", "official data", "2004-01-01", "2004-12-31"),  # cut deaths from 5,000
    },
    "09_liveblog_prisoner-swap.txt": {
        115: ("captured", "exact", "Volodymyr Zelensky", "2025-01-12", "2025-01-12"),
        13: ("killed", "exact", "Ivan Fedorov", "2025-01-11", "2025-01-11"),
        29: ("wounded", "exact", "Ivan Fedorov", "2025-01-11", "2025-01-11"),
    },
    "10_wire_hostages-freed.txt": {
        62: ("captured", "exact", "state government spokesman", "2024-11-04", "2024-11-10"),
        87: ("captured", "exact", "police", "2024-11-08", "2024-11-08"),
        1500: ("captured", "at_least", "Amnesty International", "2014-01-01", "2024-11-14"),
    },
}


@pytest.mark.parametrize("name", sorted(PAGE_ROWS))
def test_story_kind_pages(nlp, name):
    want = PAGE_ROWS[name]
    got = _first_tellings(nlp, name)
    assert {v: got.get(v) for v in want} == want


def _first_tellings(nlp, name):
    """value -> (measure, qualifier, source, as_of start, as_of end) of a value's first telling in the body."""
    art = clean_document(RawDocument(source=name, kind="text", text=(PAGES / name).read_text(encoding="utf-8")))
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    got: dict = {}
    for c in claims:
        if c.kind == "figure" and c.field == "body":
            got.setdefault(c.value, (c.measure, c.qualifier, c.attribution.source,
                                     c.as_of.start if c.as_of else None, c.as_of.end if c.as_of else None))
    return got


def test_a_numeral_then_a_number_word_are_two_numbers(nlp):
    # "from more than 5,000 two decades ago": the deaths of then, and the decades
    got = sorted(c.value for c in figures(nlp, "The industry has cut annual deaths from more than 5,000 two "
                                               "decades ago to 245 last year."))
    assert got == [2, 245, 5000]


def test_a_group_named_before_the_number_is_what_it_counts(nlp):
    got = {c.value: (c.measure, c.as_of.start) for c in figures(nlp, (
        "The blast on Friday killed 30 people. Of the dead, 12 were children.\n\n"
        "The attack killed 13 civilians and injured 29 others on Saturday, the governor said. Among the "
        "wounded were four children, he said.\n\nOf the injured, five are in critical condition."),
        published="2025-01-12")}
    assert got[12] == ("killed", "2025-01-10")      # the dead of Friday
    assert got[4] == ("wounded", "2025-01-11")      # the wounded of Saturday
    assert got[5][0] == "wounded"


def test_injuries_and_burns_suffered_are_wounds(nlp):
    got = measures(nlp, "Two firefighters suffered minor burns on Sunday. Three workers sustained injuries. "
                        "Four passengers suffered delays.")
    assert got == {2: "wounded", 3: "wounded", 4: "other"}


def test_people_an_outbreak_reached_are_affected_court_cases_are_not(nlp):
    got = measures(nlp, "The ministry said 4,310 suspected cases had been recorded since January. Officials "
                        "reported 120 new cases on Monday. There were 1,200 confirmed infections. Police "
                        "registered 300 cases against protesters. The court heard 40 cases.")
    assert got == {4310: "affected", 120: "affected", 1200: "affected", 300: "other", 40: "other"}


def test_people_a_team_reaches_are_no_plan_nor_deployment(nlp):
    got = measures(nlp, "The agency said it had sent 40 tonnes of supplies and that vaccination teams would reach "
                        "600,000 people by the end of the month. Troops are expected to reach 20,000 by March.")
    assert got == {40: "other", 600000: "other", 20000: "planned"}


def test_the_bodies_of_people_counted_are_their_dead(nlp):
    got = measures(nlp, "Divers found the bodies of 12 miners on Monday. The bodies of 40 soldiers were returned. "
                        "The victims of 30 attacks were honoured.")
    assert got == {12: "killed", 40: "killed", 30: "other"}


@pytest.mark.parametrize("title,want", [
    ("At least 11 dead and dozens missing after migrant boat sinks off Italian coast", {11: "killed"}),
    ("Coal mine flood leaves 9 dead, 14 trapped underground", {9: "killed", 14: "other"}),
    ("12 dead as bus plunges into gorge", {12: "killed"}),
    ("Train crash: 30 injured, 2 missing", {30: "wounded", 2: "missing"}),
])
def test_a_headline_number_with_its_state_counts_people(nlp, title, want):
    art = Article(id="t", source="t.txt", body="Officials gave no details.", title=title, published="2025-03-14")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    assert {c.value: c.measure for c in claims if c.kind == "figure" and c.field == "title" and c.value} == want


def test_a_charity_is_no_coastguard_and_the_coastguard_no_port(nlp):
    body = ("Coastguard says 64 people still unaccounted for\n\n"
            "Twelve survivors were brought to the port of Roccella Ionica, where they were treated for burns.\n\n"
            "At least 26 children were among the missing, according to the charity.\n\n"
            "The coastguard said the bodies of 11 people had been recovered.")
    got = {c.value: c.attribution.source for c in figures(nlp, body, published="2024-06-20")}
    assert got[26] == "charity"          # a body the text never called a charity: unknown, not the coastguard
    assert got[11] == "Coastguard"


# --- round 12: wordings the round-11 code read as `other` (our own sentences)

def test_a_place_that_lost_people_lost_them_to_death(nlp):
    # a nation, town or community that "lost" people lost them dead; a team, a firm, a party did not
    got = measures(nlp, "The island nation lost nearly 4,000 people in a cyclone in 2019. The town lost 62 "
                        "residents to the floods. The team lost 3 players to injury. The company lost 1,200 "
                        "jobs in the downturn.")
    assert got == {4000: "killed", 62: "killed", 3: "other", 1200: "other"}


def test_the_earlier_level_of_a_change_counts_what_the_later_counts(nlp):
    # "from more than 3,000 a decade ago to 410": a time between the two ends splits them
    got = [(c.value, c.measure) for c in figures(nlp, "Regulators have cut annual road deaths from more than "
                                                      "3,000 a decade ago to 410 last year. Sales fell from 2,000 "
                                                      "a decade ago to 310 last year.")]
    assert got == [(3000, "killed"), (410, "killed"), (2000, "other"), (310, "other")]


def test_the_treated_are_hurt_and_a_part_of_a_group_shares_its_state(nlp):
    got = measures(nlp, "Hospitals said 2,300 people were treated for smoke inhalation over the weekend, "
                        "and 140 of them were admitted. Medics treating the crowd numbered 45.")
    assert got[2300] == got[140] == "wounded"


def test_a_bare_number_held_in_custody_counts_people(nlp):
    # (no count before it that "those" could point back to)
    got = measures(nlp, "Of those detained, 57 were still in custody on Sunday, police told reporters. Of the "
                        "survivors, 23 remain in hospital. Of the 40 crates, 12 were still in storage.")
    assert got == {57: "captured", 23: "wounded", 40: "other", 12: "other"}


def test_a_maker_with_a_model_number_names_a_thing_not_who_speaks(nlp):
    # "the airline" is not the jet the text named just before (the tagger calls "Superjet" a body)
    got = {c.value: c.attribution.source for c in figures(nlp, (
        "The Superjet 100 skidded off the runway in heavy snow.\n\n"
        "The Superjet 100 was carrying 48 passengers and four crew members, the airline said."))
        if c.value in (48, 4)}
    assert got == {48: "airline", 4: "airline"}


# --- round 12, helper kinds2: pages 11-20 (hurricane, migrant arrivals, building collapse, plant explosion,
# train derailment, dengue, a UN flash update with no date, election unrest, relayed war claims, a plane
# crash with no date). The rows each page reads right at landing; the misses are listed in
# docs/BENCHMARKS.md ("Round 12, helper kinds2").
PAGE_ROWS_R12 = {
    "11_wire_hurricane-landfall.txt": {
        4: ('killed', 'at_least', 'state officials', '2025-09-28', '2025-09-28'),
        250000: ('evacuated', 'approximately', None, '2025-09-28', '2025-09-28'),
        9300: ('displaced', 'approximately', 'American Red Cross', '2025-09-27', '2025-09-27'),
        140: ('other', 'exact', 'American Red Cross', '2025-09-27', '2025-09-27'),
        37: ('other', 'exact', 'U.S. Coast Guard', '2025-09-28', '2025-09-28'),
        16000: ('deployed', 'approximately', 'Entergy', '2025-09-28', '2025-09-28'),
        22: ('other', 'exact', 'Entergy', '2025-09-28', '2025-09-28'),
        25: ('other', 'exact', None, '2025-09-28', '2025-09-28'),
    },
    "12_paper_canary-arrivals.txt": {
        19: ('other', 'exact', 'Salvamento Marítimo', '2025-10-04', '2025-10-04'),
        17: ('wounded', 'exact', 'regional health service', '2025-10-06', '2025-10-06'),
        60: ('killed', 'at_most', 'Caminando Fronteras', '2025-10-06', '2025-10-06'),
    },
    "13_liveblog_building-collapse.txt": {
        110: ('other', 'approximately', 'site supervisor', '2025-10-13', '2025-10-13'),
        14: ('wounded', 'exact', 'Lagos Island General Hospital', '2025-10-14', '2025-10-14'),
        9: ('other', 'exact', 'Lagos Island General Hospital', '2025-10-14', '2025-10-14'),
        12: ('killed', 'exact', 'Benjamin Hundeyin', '2025-10-14', '2025-10-14'),
        25: ('other', 'exact', 'Benjamin Hundeyin', '2025-10-14', '2025-10-14'),
        3: ('captured', 'exact', 'Police', '2025-10-14', '2025-10-14'),
    },
    "14_localtv_plant-explosion.txt": {
        2: ('killed', 'exact', 'Harris County Fire Marshal Laurie Christensen', '2025-03-11', '2025-03-11'),
        9: ('wounded', 'exact', 'Harris County Fire Marshal Laurie Christensen', '2025-03-10', '2025-03-10'),
        5: ('wounded', 'exact', "fire marshal's office", '2025-03-10', '2025-03-10'),
        3: ('wounded', 'exact', 'hospital spokesperson', '2025-03-11', '2025-03-11'),
        4000: ('other', 'approximately', None, '2025-03-11', '2025-03-11'),
        6: ('other', 'exact', None, '2025-03-11', '2025-03-11'),
        7: ('wounded', 'exact', 'federal records', '2022-01-01', '2022-12-31'),
    },
    "15_wire_train-derailment.txt": {
        60: ('killed', 'at_least', None, '2021-06-01', '2021-06-30'),
    },
    "16_daily_dengue-hospitals.txt": {
        11: ('killed', 'exact', 'Directorate General of Health Services', '2025-09-18', '2025-09-18'),
        287: ('killed', 'exact', 'Directorate General of Health Services', '2025-01-01', '2025-12-31'),
        2904: ('wounded', 'exact', 'Directorate General of Health Services', '2025-09-18', '2025-09-18'),
        1122: ('wounded', 'exact', 'Directorate General of Health Services', '2025-09-18', '2025-09-18'),
        4310: ('wounded', 'exact', None, '2025-09-18', '2025-09-18'),
        150: ('other', 'exact', 'Nazmul Karim', '2025-09-18', '2025-09-18'),
        1705: ('killed', 'exact', None, '2023-01-01', '2023-12-31'),
        321000: ('wounded', 'at_least', None, '2023-01-01', '2023-12-31'),
    },
    "17_un_displacement-flash-update.txt": {
        380: ('wounded', 'exact', 'hospital records', '2025-05-09', '2025-05-09'),
        # the flash update's own line: its issuer ("Source: OCHA") tells it
        4200000000: ('other', 'exact', 'United Nations Office for the Coordination of Humanitarian Affairs', '2025-01-01',
                     '2025-12-31'),
    },
    "18_broadcaster_election-unrest.txt": {
        57: ('wounded', 'exact', 'Hospital officials', '2024-10-26', '2024-10-26'),
        2000: ('deployed', 'exact', "Mozambique's government", '2024-10-26', '2024-10-26'),
        1500: ('planned', 'exact', "Mozambique's government", '2024-10-26', '2024-10-27'),
    },
    "19_wire_myanmar-airstrike.txt": {
        27: ('killed', 'at_least', 'residents and volunteer rescuers', '2025-11-16', '2025-11-16'),
        9: ('killed', 'exact', 'residents and volunteer rescuers', '2025-11-16', '2025-11-16'),
        300: ('displaced', 'approximately', 'Ko Thura', '2025-11-17', '2025-11-17'),
        40: ('wounded', 'at_least', 'Ko Thura', '2025-11-17', '2025-11-17'),
        45: ('killed', 'approximately', 'State-run MRTV television', '2025-11-15', '2025-11-15'),
        150: ('captured', 'exact', 'Arakan Army', '2025-11-17', '2025-11-17'),
        3500000: ('displaced', 'at_least', 'United Nations', '2025-11-17', '2025-11-17'),
        7100: ('killed', 'at_least', 'Assistance Association for Political Prisoners', '2025-11-17', '2025-11-17'),
        29000: ('captured', 'at_least', 'Assistance Association for Political Prisoners', '2025-11-17', '2025-11-17'),
    },
    "20_site_plane-crash.txt": {
        41: ('killed', 'exact', None, '2019-05-01', '2019-05-31'),
    },
}


@pytest.mark.parametrize("name", sorted(PAGE_ROWS_R12))
def test_story_kind_pages_round12(nlp, name):
    got, want = _first_tellings(nlp, name), PAGE_ROWS_R12[name]
    assert {v: got.get(v) for v in want} == want


def test_a_name_the_text_calls_a_place_is_no_group_or_regulator(nlp):
    # the tagger calls some place names organisations; "the island of X", "the X Gulf", "X's government"
    # (or X tagged a place once) say it is a place: "the group", "the regulator" never mean it
    body = ("About 600 people reached the small island of La Graciosa on Saturday aboard 12 boats, the rescue "
            "service said.\n\nThe group estimates that 900 people died trying to reach the islands this year.\n\n"
            "Oil producers shut in 14 platforms in the U.S. Gulf ahead of the storm, the offshore regulator said.\n\n"
            "The opposition won 20 seats in Mozambique's general election, and Mozambique's government sent 500 "
            "police officers to the capital. Police arrested 40 people, the group said.")
    got = {c.value: c.attribution.source for c in figures(nlp, body, published="2025-10-06")}
    assert (got[900], got[14], got[40]) == ("group", "offshore regulator", "group")


def test_a_proper_name_set_beside_a_description_is_the_teller(nlp):
    # "the tracking website PowerOutage.us", "the board's chief engineer, Adaeze Okonkwo-Bello," (a name the
    # tagger reads as an organisation): the name, not the description; a name beside a name stays the first's
    body = ("More than 400,000 homes lost power, according to the tracking website PowerOutage.us.\n\n"
            "The board's chief engineer, Adaeze Okonkwo-Bello, said 18 people had been pulled from the rubble alive.\n\n"
            "The Meteorology, Climatology and Geophysics Agency, BMKG, said 40 houses had been damaged.")
    got = {c.value: c.attribution.source for c in figures(nlp, body, published="2025-10-14")}
    assert (got[400000], got[18]) == ("PowerOutage.us", "Adaeze Okonkwo-Bello")
    assert got[40] != "BMKG"


def test_a_countrys_body_with_a_name_of_its_own_is_that_body(nlp):
    # "Russia's Interstate Aviation Committee said": the committee, not Russia
    body = ("Nine people were killed when the plane skidded off the runway, Russia's Interstate Aviation Committee "
            "said.\n\nKenya's National Disaster Operations Centre said 120 rescuers had been sent to the scene.")
    got = {c.value: c.attribution.source for c in figures(nlp, body, published="2025-02-14")}
    assert got == {9: "Russia's Interstate Aviation Committee", 120: "Kenya's National Disaster Operations Centre"}


def test_people_who_are_to_be_sent_are_planned(nlp):
    # "were to be sent": the verb after "be to" is the plan, though the parser hangs it below the "be"
    got = measures(nlp, "The agency said 1,500 of its staff were to be sent to the region in the coming days. "
                        "The army said 300 troops were to be deployed to the border. Another 40 soldiers were "
                        "deployed on Monday.")
    assert got == {1500: "planned", 300: "planned", 40: "deployed"}


def test_people_in_a_critical_or_serious_condition_are_hurt(nlp):
    got = measures(nlp, "Six passengers were in a serious condition. Three of them remain in critical condition. "
                        "Forty houses were in poor condition.")
    assert got == {6: "wounded", 3: "wounded", 40: "other"}


def test_people_sheltering_away_from_home_are_displaced_not_those_told_to_shelter_in_place(nlp):
    got = measures(nlp, "Some 12,000 people were sheltering in schools. The number of people sheltering in "
                        "gathering sites has risen to 320,000. The spill forced 300 residents to shelter in place.")
    assert got == {12000: "displaced", 320000: "displaced", 300: "other"}


def test_people_who_arrive_are_not_deployed_unless_a_side_sent_them(nlp):
    got = measures(nlp, "More than 1,400 migrants arrived on the island on Saturday. About 900 troops arrived in "
                        "the capital. Some 200 rescuers reached the village. The number of people who reached "
                        "the islands this year passed 30,000.")
    assert got == {1400: "other", 900: "deployed", 200: "deployed", 30000: "other"}


def test_a_day_written_right_before_a_month_is_no_count(nlp):
    # "between 2 and 8 May 2025": the tagger leaves the 8 out of the date; it counts no one
    got = sorted(c.value for c in figures(nlp, "More than 42,000 people were displaced between 2 and 8 May 2025, "
                                               "according to IOM. Another 300 fled on 12 June."))
    assert got == [300, 42000]


def test_patients_undergoing_or_receiving_treatment_are_hurt(nlp):
    got = measures(nlp, "A total of 9,870 dengue patients are undergoing treatment in hospitals. About 500 "
                        "people are receiving treatment for burns. The city will receive 40 water pumps.")
    assert got == {9870: "wounded", 500: "wounded", 40: "other"}


# --- round 13, helper kinds3: pages 21-30 (docs/BENCHMARKS.md, "Round 13, helper kinds3"). Each rule on
# short sentences of our own, in more than one wording.
def test_patients_a_carer_treats_or_admits_and_people_kept_in_a_named_hospital_are_hurt(nlp):
    got = measures(nlp, "Doctors said hospitals had admitted 146 people with frostbite. Our mobile clinics treated "
                        "530 patients for diarrhoea. Of those, 23 needed intensive care. Eleven were brought to "
                        "the Romblon Provincial Hospital. Nine remain at Gweru Provincial Hospital. The university "
                        "admitted 300 students. Forty doctors work at Gweru Provincial Hospital.")
    assert got == {146: "wounded", 530: "wounded", 23: "wounded", 11: "wounded", 9: "wounded", 300: "other",
                   40: "other"}


def test_cases_of_an_illness_count_people_whatever_words_stand_between(nlp):
    got = measures(nlp, "Health workers notified 486 new suspected measles cases this week, bringing the total "
                        "of suspected measles cases to 3,112. Another 41 confirmed cholera cases were referred. "
                        "The court heard 300 civil cases.")
    assert got == {486: "affected", 3112: "affected", 41: "affected", 300: "other"}


def test_a_valued_number_of_a_state_or_of_arrests_counts_people_in_it(nlp):
    got = measures(nlp, "The coast guard had put the number of missing at 13.\n\nPolice put the number of arrests "
                        "at more than 300.\n\nOfficials put the number of dead at 41.")
    assert got == {13: "missing", 300: "captured", 41: "killed"}


def test_a_revision_with_only_its_old_level_counts_what_it_revised(nlp):
    got = measures(nlp, "The number of people killed has risen to 19, the agency said, raising the toll from 12. "
                        "The ministry revised the death toll from 40 on Friday.")
    assert got == {19: "killed", 12: "killed", 40: "killed"}


def test_people_believed_or_feared_to_be_missing_are_missing(nlp):
    got = measures(nlp, "Between 40 and 60 others were believed to be missing. About 20 fishermen are feared to be "
                        "missing. Four investigators would be sent to the site.")
    assert got == {40: "missing", 20: "missing", 4: "planned"}


def test_people_held_or_taken_hostage_are_captured(nlp):
    got = measures(nlp, "Inmates released two of the three guards they had been holding hostage. Gunmen took 14 "
                        "villagers hostage on Monday.")
    assert got == {2: "captured", 3: "captured", 14: "captured"}


def test_an_order_to_leave_is_an_evacuation_and_people_moved_somewhere_are_evacuated(nlp):
    got = measures(nlp, "About 6,500 residents have been ordered to leave their homes. Another 900 people were told "
                        "to vacate the area. About 260 residents have been moved to a mosque. Some 3,000 soldiers "
                        "were moved to the border. Then 400 residents left.")
    assert got == {6500: "evacuated", 900: "evacuated", 260: "evacuated", 3000: "deployed", 400: "other"}


def test_responders_and_officers_at_work_are_deployed_also_as_a_team(nlp):
    got = measures(nlp, "A joint team of 412 rescuers was searching the area with six sniffer dogs and eight "
                        "excavators. More than 100 officers surrounded the prison overnight. A team of 20 divers "
                        "is combing the river. Two officers were injured.")
    assert got == {412: "deployed", 6: "other", 8: "other", 100: "deployed", 20: "deployed", 2: "wounded"}


def test_people_in_a_clause_about_a_thing_do_not_share_the_harm_done_to_the_thing(nlp):
    got = measures(nlp, "The mudslide buried 23 homes and a primary school attended by 340 pupils. Russia is planning "
                        "an offensive involving 175,000 troops. A fire destroyed a factory that employed 900 "
                        "workers.")
    assert got == {23: "other", 340: "other", 175000: "planned", 900: "other"}


def test_a_hyphenated_scale_word_makes_one_amount_not_a_range(nlp):
    figs = {c.value: c.qualifier for c in figures(nlp, "The country signed a 210-million-euro deal last year. "
                                                         "Between 40 and 60 people are missing.")}
    assert figs == {210000000: "exact", 40: "range"}


# --- round 14, helper kinds4: pages 31-40 (docs/BENCHMARKS.md, "Round 14, helper kinds4"). Each rule on
# short sentences of our own, in more than one wording.
def test_a_dashed_date_read_day_first_where_the_stamp_gives_a_day_first_zone():
    text = ("Toll rises to 27 in liquor deaths\n\nLucknow | Updated: 04-06-2025 22:15 IST\n\nThe toll rose to 27 on "
            "Wednesday, officials said. Most victims bought the liquor on Sunday.\n")
    art = clean_document(RawDocument(source="d.txt", kind="text", text=text))
    assert art.published and art.published.startswith("2025-06-04")
    text = text.replace("04-06-2025 22:15 IST", "19-11-2024 10:15")
    assert clean_document(RawDocument(source="e.txt", kind="text", text=text)).published.startswith("2024-11-19")


def test_lakh_crore_and_a_one_letter_currency_written_on_an_amount(nlp):
    got = sorted(c.value for c in figures(nlp, "Police seized 1.2 lakh litres of liquor and the state offered Rs 4 "
                                               "lakh to each family. About 2 crore people voted. Police offered a "
                                               "K10,000 reward. Each family got P100,000. Nurses wore N95 masks on "
                                               "the N5 road."))
    assert got == [10000, 100000, 120000, 400000, 20000000]


def test_suspects_and_attackers_are_people_and_the_recaptured_are_captured(nlp):
    got = measures(nlp, "Police said 47 suspects had been arrested and that 16 locally made guns had been recovered. "
                        "Up to 60 inmates escaped, and 44 of them have been recaptured. Two attackers were killed.")
    assert got == {47: "captured", 16: "other", 60: "other", 44: "captured", 2: "killed"}


def test_people_said_then_most_of_them_named_keep_the_clause_after(nlp):
    # "say 27 people, most of them …, have died": the parser makes "most" the subject of "died"
    got = measures(nlp, "Local health authorities say at least 27 people, most of them elderly people or small "
                        "children, have died of malnutrition. Police said 40 people, some of them armed, attacked "
                        "the post.")
    assert got == {27: "killed", 40: "other"}


def test_people_who_reach_the_surface_or_safety_got_out_no_one_sent_them(nlp):
    got = measures(nlp, "Twenty-two miners reached the surface on their own. Some 200 rescuers reached the village. "
                        "About 40 workers made it to safety.")
    assert got == {22: "other", 200: "deployed", 40: "other"}


def test_a_figure_a_correction_withdraws_counts_no_one(nlp):
    got = measures(nlp, "Correction: An earlier version of this article said 40 people were injured. This story has "
                        "been corrected. An earlier version said 12 soldiers were killed. An earlier version of the "
                        "bill would have sent 300 troops.")
    assert got == {40: "other", 12: "other", 300: "planned"}


def test_a_verbs_particle_is_no_bound(nlp):
    got = {c.value: c.qualifier for c in figures(nlp, "Inmates took over two cell blocks. The fire destroyed over 300 "
                                                      "homes. Rebels handed over 40 rifles.")}
    assert got == {2: "exact", 300: "at_least", 40: "exact"}


def test_a_plan_verb_alone_plans_no_residents_and_a_where_clause_on_a_shelter_shelters(nlp):
    got = measures(nlp, "The agency works to help the state's 7.8 million residents prepare for disasters. Organisers "
                        "expect 200,000 pilgrims. The army plans to train 400 volunteers. The Red Cross opened two "
                        "shelters, at a school and the fairgrounds, where 410 people spent the night. They visited the "
                        "town, where 500 people live.")
    assert got == {7800000: "other", 200000: "other", 400: "planned", 2: "other", 410: "displaced", 500: "other"}


# the pages 31-40 whole: the people counts each page reads right at landing (the misses are listed in
# docs/BENCHMARKS.md, "Round 14, helper kinds4")
PAGE_ROWS_R14 = {
    '31_localtv_ammonia-leak.txt': {
        23: ('wounded', 'exact', 'Millbrook Fire Department', '2025-07-17', '2025-07-17'),
        4: ('wounded', 'exact', 'Leon Baptiste', '2025-07-17', '2025-07-17'),
        60: ('deployed', 'approximately', 'Millbrook Fire Department', '2025-07-17', '2025-07-17'),
        2: ('planned', 'exact', 'U.S. Chemical Safety Board', '2025-07-18', '2025-07-18'),
        11: ('wounded', 'exact', 'state records', '2019-01-01', '2019-12-31'),
    },
    '32_wire_border-crossings.txt': {
        95: ('wounded', 'exact', 'Medecins Sans Frontieres', '2025-09-17', '2025-09-21'),
        40: ('killed', 'at_least', 'Local officials', '2025-09-23', '2025-09-23'),
    },
    '33_ngo_aid-convoy.txt': {
        27: ('killed', 'at_least', 'Local health authorities', '2025-07-12', '2025-08-20'),
    },
    '34_paper_coach-crash-correction.txt': {
        174: ('killed', 'exact', 'Road Safety Authority', '2025-01-01', '2025-12-31'),
        141: ('killed', 'exact', 'Road Safety Authority', '2024-01-01', '2024-12-31'),
    },
    '35_au_balcony-verdict.txt': {
        3: ('killed', 'exact', None, '2022-01-01', '2022-12-31'),
        11: ('wounded', 'exact', None, '2022-01-01', '2022-12-31'),
        2: ('wounded', 'exact', 'Amir Rahimi', '2025-10-01', '2025-10-31'),
    },
    '36_wire_weather-roundup.txt': {
        7200: ('displaced', 'approximately', 'state civil defence agency', '2025-05-08', '2025-05-12'),
        # "over the past week" (the tally's "since ... March" beside it is the 64's start, not the 11's)
        11: ('killed', 'exact', 'Kenya Red Cross', '2025-05-05', '2025-05-12'),
        5: ('killed', 'exact', 'state officials', '2025-05-09', '2025-05-09'),
        9: ('killed', 'exact', 'disaster management ministry', '2025-05-11', '2025-05-11'),
        7: ('killed', 'exact', 'disaster management ministry', '2025-05-11', '2025-05-11'),
        58: ('killed', 'exact', 'Officials', '2025-01-01', '2025-12-31'),
        71: ('killed', 'exact', 'Officials', '2024-01-01', '2024-12-31'),
    },
    '37_explainer_prison-riot.txt': {
        14: ('killed', 'exact', 'Zambia Correctional Service', '2025-03-17', '2025-03-17'),
        21: ('killed', 'exact', 'relatives and a mortuary worker', '2025-03-18', '2025-03-18'),
        37: ('wounded', 'exact', 'Zambia Correctional Service', '2025-03-18', '2025-03-18'),
        9: ('wounded', 'exact', 'Zambia Correctional Service', '2025-03-18', '2025-03-18'),
        44: ('captured', 'exact', 'police', '2025-03-18', '2025-03-18'),
    },
    '39_ng_council-poll-violence.txt': {
        9: ('killed', 'exact', 'Police Public Relations Officer', '2025-02-23', '2025-02-23'),
        83: ('captured', 'exact', "People's Congress Party", '2025-02-24', '2025-02-24'),
    },
    '40_in_hooch-tragedy.txt': {
        27: ('killed', 'exact', 'officials', '2025-06-04', '2025-06-04'),
        6: ('killed', 'exact', 'officials', '2025-06-04', '2025-06-04'),
        43: ('wounded', 'exact', 'District Magistrate Anjali Verma', '2025-06-04', '2025-06-04'),
        11: ('wounded', 'exact', 'District Magistrate Anjali Verma', '2025-06-04', '2025-06-04'),
    },
}


@pytest.mark.parametrize("name", sorted(PAGE_ROWS_R14))
def test_story_kind_pages_round14(nlp, name):
    got, want = _first_tellings(nlp, name), PAGE_ROWS_R14[name]
    assert {v: got.get(v) for v in want} == want


def test_a_scale_of_a_scale_multiplies_and_rs_with_a_full_stop_is_rupees(nlp):
    got = sorted(c.value for c in figures(nlp, "The state announced a Rs 1.75 lakh crore package. Win Rs.25 lakhs "
                                               "today. The fund holds one thousand million dollars."))
    assert got == [2500000, 1000000000, 1750000000000]


def test_a_valued_state_keeps_its_state_after_a_count_of_people(nlp):
    # the number takes the people counted before it, not their state: its own words name the dead
    got = measures(nlp, "The crash killed 41 people in 2019.\n\nOfficials put the number of dead at 41 on Monday. "
                        "The ministry put the number of missing at 12.")
    assert got == {41: "killed", 12: "missing"}


def test_a_label_counts_the_number_after_its_colon_not_a_bracket_after_it(nlp):
    # "cumulative deaths: 17 (case fatality rate 0.5%)": the parser hangs 17 on "rate"
    got = {c.value: (c.counted, c.measure) for c in figures(nlp, "Cumulative deaths: 17 (case fatality rate 0.5%). "
                                                                  "Views: 120 (this week).")}
    assert got[17] == ("deaths", "killed") and got[120] == ("Views", "other")


def test_a_one_letter_currency_with_its_scale_letter_split_off(nlp):
    got = sorted(c.value for c in figures(nlp, "The governor announced N5m compensation and set aside N2.5bn for "
                                               "relief. Nurses wore N95 masks on the N5 road."))
    assert got == [5000000, 2500000000]


# --- round 15, helper kinds5: pages 41-50 (docs/BENCHMARKS.md, "Round 15, helper kinds5"). Each rule on
# our own short sentences; the wordings are from pages of at least two outlets (or last round's held-out notes).

def test_people_in_evacuation_centres_are_displaced(nlp):
    # a Philippine daily's "staying in 389 evacuation centers", a Japanese broadcaster's "spent the night at
    # 58 evacuation centers"; a centre that names no evacuees is no shelter
    got = measures(nlp, "About 2,600 persons were staying in 41 evacuation centers. Some 900 people spent the "
                        "night at evacuation sites. About 300 people work at the shopping center.")
    assert got == {2600: "displaced", 41: "other", 900: "displaced", 300: "other"}


def test_officers_on_duty_or_taking_part_and_crews_mending_are_deployed(nlp):
    # "1,200 officers had been on duty" (a protest page), "120 officers took part in the raids" (a police
    # release), "1,800 staff and contractors are working to restore supply" (a storm page); a workforce at
    # its daily work and strikers are no deployment
    got = measures(nlp, "Police said 900 officers were on duty. More than 80 officers took part in the raids. "
                        "About 1,500 staff and contractors are working to restore power. About 400 staff work at "
                        "the plant. Some 2,000 workers took part in the strike.")
    assert got == {900: "deployed", 80: "deployed", 1500: "deployed", 400: "other", 2000: "other"}


def test_people_charged_or_remanded_are_captured(nlp):
    # a police release's "63 people have been arrested and 41 charged"; a price charged is no arrest
    got = measures(nlp, "Since June, 52 people have been arrested and 30 charged. Three men were charged with "
                        "murder on Friday. The firm charged 300 customers a fee.")
    assert got == {52: "captured", 30: "captured", 3: "captured", 300: "other"}


def test_an_attempt_a_thing_between_and_responders_in_a_camp(nlp):
    # last round's held-out notes (real news): a verb under "struggle/try" is not done; a verb that moved a
    # map did not move the children it maps; aid workers in a camp work there (they did not shelter there)
    got = measures(nlp, "Rescuers are struggling to evacuate about 20 children still trapped under the rubble. "
                        "The state assembled a map of the 300 children removed from the ranch. "
                        "She spoke to six aid workers in the camp. About 2,000 people are sheltering in the camp. "
                        "Russia assembled a battalion of 800 soldiers near the border.")
    assert got == {20: "other", 300: "other", 6: "other", 2000: "displaced", 800: "deployed"}


def test_a_one_letter_currency_before_a_scale_word(nlp):
    # a Philippine daily's "P312.6 million", "P1.1 billion" (page 29's broadcaster wrote "P100,000");
    # a bare letter and number with no scale word stays no amount ("N95 masks", "P5 phones")
    got = sorted(c.value for c in figures(nlp, "Damage to crops was placed at P312.6 million and to roads at "
                                               "P1.1 billion. The council set aside K2 billion. Nurses wore N95 "
                                               "masks."))
    assert got == [312600000, 1100000000, 2000000000]


def test_until_a_weekday_under_a_present_perfect_or_have_is_ahead(nlp):
    # a Gulf live page's "has extended the closure of schools in five governorates until Thursday" (the
    # Thursday after, not before), a US page's "you have until Saturday to claim it"; a past "were closed
    # until Thursday" stays behind
    got = {c.value: c.as_of.start for c in figures(nlp, "The ministry has extended the closure of schools in "
                                                        "seven districts until Thursday. Nine schools were closed "
                                                        "until Thursday.", published="2025-11-18")}
    assert got == {7: "2025-11-20", 9: "2025-11-13"}


# pages 41-50 whole: the first telling of each value these rules read, as the key has it (figures the tool
# still misses are left out, not pinned to a wrong reading)
PAGE_ROWS_R15 = {
    '41_cz_pension-march-crowd.txt': {
        1200: ('deployed', 'exact', 'Police', '2025-03-15', '2025-03-15'),
        7: ('captured', 'exact', 'Petra Dvorakova', '2025-03-15', '2025-03-15'),
    },
    '42_ph_typhoon-bicol.txt': {
        46205: ('displaced', 'exact', 'National Disaster Risk Reduction and Management Council', '2025-10-21', '2025-10-21'),
        312600000: ('other', 'exact', "Department of Agriculture's regional office", '2025-10-21', '2025-10-21'),
    },
    '44_jp_quake-ishikawa.txt': {
        3400: ('displaced', 'approximately', 'Ishikawa Prefecture', '2025-10-14', '2025-10-14'),
        2: ('killed', 'exact', 'Fire and Disaster Management Agency', '2025-10-14', '2025-10-14'),
        41: ('wounded', 'exact', 'Fire and Disaster Management Agency', '2025-10-14', '2025-10-14'),
    },
    '45_ie_storm-power.txt': {
        1800: ('deployed', 'approximately', 'ESB Networks', '2025-12-07', '2025-12-07'),
        310000: ('other', 'exact', 'ESB Networks', '2025-12-07', '2025-12-07'),
    },
    '50_gulf_oman-floods-live.txt': {
        5: ('other', 'exact', None, '2025-11-20', '2025-11-20'),
        1350: ('displaced', 'exact', 'National Committee for Emergency Management', '2025-11-18', '2025-11-18'),
    },
}


@pytest.mark.parametrize("name", sorted(PAGE_ROWS_R15))
def test_story_kind_pages_round15(nlp, name):
    got, want = _first_tellings(nlp, name), PAGE_ROWS_R15[name]
    assert {v: got.get(v) for v in want} == want
