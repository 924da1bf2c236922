"""Figure rules on invented sentences: amounts written as one token, numbers that name things,
ranges across units and currency marks, hedges before a currency mark."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.extract.lexicon import number_token, parse_number
from storyledger.model import Article


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def figures(nlp, text: str) -> list[tuple]:
    art = Article(id="t", source="t", body=text)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return sorted((c.value, c.low, c.high, c.qualifier) for c in claims if c.kind == "figure" and c.value is not None)


@pytest.mark.parametrize("text,value", [
    ("USD12m", 12_000_000.0), ("RM4.5mil", 4_500_000.0), ("PS3.2bn", 3_200_000_000.0), ("7.5M", 7_500_000.0),
    ("25k", 25_000.0), ("5GHz", 5.0), ("18pc", 18.0), ("-2.5", -2.5), ("minus-40", -40.0), (".315", 0.315),
    ("Y=1,200", 1200.0),
])
def test_number_token(text, value):
    assert number_token(text)[0] == value


@pytest.mark.parametrize("text", ["7pm", "1980s", "4th", "B52", "usd12"])
def test_number_token_not_an_amount(text):
    assert number_token(text) is None


def test_lowercase_m_without_money_can_be_metres():
    assert number_token("40m", m_million=False)[0] == 40.0
    assert parse_number(["40m"]) == 40_000_000.0


def test_glued_currency_and_scale(nlp):
    assert figures(nlp, "The club paid USD12m for the striker.") == [(12_000_000.0, None, None, "exact")]
    assert figures(nlp, "The charity holds RM4.5mil in reserve.") == [(4_500_000.0, None, None, "exact")]


def test_lowercase_m_million_before_a_plural_metres_before_a_size(nlp):
    assert figures(nlp, "The bakery sold 3.5m loaves last year.") == [(3_500_000.0, None, None, "exact")]
    assert figures(nlp, "The mast is 40m (131ft) tall.") == [(40.0, None, None, "exact"), (131.0, None, None, "exact")]


def test_units_written_on_the_number(nlp):
    assert figures(nlp, "The router runs at 5GHz and the heater draws 3kW.") == [
        (3.0, None, None, "exact"), (5.0, None, None, "exact")]


def test_negative_numbers(nlp):
    assert figures(nlp, "Overnight the lake dropped to -12 degrees.") == [(-12.0, None, None, "exact")]
    assert figures(nlp, "At the summit it was minus 40 degrees.") == [(-40.0, None, None, "exact")]


def test_numbers_that_name_things_are_not_figures(nlp):
    assert figures(nlp, "The S&P 500 gained 1.2% on Monday.") == [(1.2, None, None, "exact")]
    assert figures(nlp, "The new iPhone 15 costs $799.") == [(799.0, None, None, "exact")]
    assert figures(nlp, "The category 3 storm dumped 20 inches of rain.") == [(20.0, None, None, "exact")]


def test_the_two_as_a_subject_refers_back_and_counts_nothing(nlp):
    assert figures(nlp, "Critics compared the city tally with the army tally as if the two counted the same people.") == []
    assert figures(nlp, "Officials met the envoys, and the three spoke for an hour.") == []
    assert figures(nlp, "The two soldiers were captured on Saturday.") == [(2.0, None, None, "exact")]


def test_range_with_currency_on_both_ends(nlp):
    assert figures(nlp, "Tickets cost from $40 to $90 each.") == [(40.0, 40.0, 90.0, "range")]
    assert figures(nlp, "Analysts expect a fine of between $5 and $8 billion.") == [
        (5e9, 5e9, 8e9, "range")]


def test_range_with_percent_on_both_ends(nlp):
    assert figures(nlp, "Economists see growth of 3% to 4% next year.") == [(3.0, 3.0, 4.0, "range")]


def test_falling_from_to_is_a_range_low_to_high(nlp):
    assert figures(nlp, "Inflation eased from 7.5 to 6.9 percent in March.") == [(6.9, 6.9, 7.5, "range")]


def test_a_change_and_the_level_it_reached_are_two_figures(nlp):
    assert figures(nlp, "Shares of the miner rose 4.5% to $31.") == [
        (4.5, None, None, "exact"), (31.0, None, None, "exact")]
    assert figures(nlp, "Imports climbed by $2 billion to $9 billion.") == [
        (2e9, None, None, "exact"), (9e9, None, None, "exact")]


def test_hedge_before_a_currency_mark(nlp):
    assert figures(nlp, "The bridge cost about $45 million.") == [(45e6, None, None, "approximately")]
    assert figures(nlp, "Rents there reached more than $2,000 a month.") == [(2000.0, 2000.0, None, "at_least")]


def test_leading_decimal_point(nlp):
    assert figures(nlp, "The shortstop finished the season hitting .315 for the club.") == [(0.315, None, None, "exact")]


def test_shares_in_words_are_figures_of_other_measure(nlp):
    art = Article(id="t", source="t", body="A third of the volunteers quit and half the nurses stayed. One of the soldiers was wounded.")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    got = sorted((round(c.value, 4), c.measure) for c in claims if c.kind == "figure")
    assert got == [(0.3333, "other"), (0.5, "other"), (1.0, "other")]


@pytest.mark.parametrize("text,value", [
    ("Two-thirds of the towns lost power.", 0.6667), ("One in five adults smoke.", 0.2),
    ("Two out of three voters agreed.", 0.6667), ("Add 3/4 cup of sugar.", 0.75),
])
def test_fraction_values(nlp, text, value):
    assert [round(v[0], 4) for v in figures(nlp, text)] == [value]


def test_the_one_is_not_a_figure(nlp):
    assert figures(nlp, "The one that got away was the biggest.") == []


def test_a_stray_date_tag_on_a_plain_number_is_ignored(nlp):
    # the small model tags some plain numbers as dates; only a year, a day beside a month or an hour is one
    assert figures(nlp, "The plant shipped 7350 units in April.") == [(7350.0, None, None, "exact")]
    assert figures(nlp, "The laptop sells for $2000 in stores.") == [(2000.0, None, None, "exact")]
    assert figures(nlp, "The vote is on 9 May 2025 at 10 a.m.") == []


def test_bracketed_restatement_keeps_the_bound(nlp):
    assert figures(nlp, "The trail runs more than 100 kilometres (62 miles) inland.") == [
        (62.0, 62.0, None, "at_least"), (100.0, 100.0, None, "at_least")]


def test_on_top_of_is_no_bound(nlp):
    assert figures(nlp, "He got a bonus on top of a $6m salary.") == [(6e6, None, None, "exact")]


def test_multiples_and_or_above(nlp):
    assert figures(nlp, "Sales grew more than fivefold last year.") == [(5.0, 5.0, None, "at_least")]
    assert figures(nlp, "Patients aged 65 or above were invited.") == [(65.0, 65.0, None, "at_least")]


def _figure_claims(nlp, text: str) -> list:
    art = Article(id="t", source="t", body=text, published="2025-03-03")
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return [c for c in claims if c.kind == "figure" and c.value is not None]


def measures(nlp, text: str) -> list[tuple]:
    return [(c.value, c.measure) for c in _figure_claims(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a bare modal is no plan: these people are not being sent anywhere
    ("An estimated 80,000 tenants would be eligible for the new rent subsidy.", [(80000.0, "other")]),
    # a plan verb is
    ("The ministry decided to send 2,000 medics to the flooded province.", [(2000.0, "planned")]),
    ("Officials said 300 firefighters were deployed to the hills on Sunday.", [(300.0, "deployed")]),
])
def test_modal_alone_does_not_make_a_plan(nlp, text, expected):
    assert measures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Forecasters warned that the death toll could rise to 900.", [(900.0, "killed")]),
    ("About 45 climbers remain missing after the avalanche.", [(45.0, "missing")]),
    ("Police said 12 people were found dead in the warehouse.", [(12.0, "killed")]),
])
def test_state_from_toll_and_complements(nlp, text, expected):
    assert measures(nlp, text) == expected


def qualified(nlp, text: str) -> list[tuple]:
    return [(c.value, c.qualifier, c.measure) for c in _figure_claims(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # the subject of a verb of inclusion says what happened to those it includes
    ("The missing include four crew members of the ferry, the coastguard said.", [(4.0, "missing")]),
    # a complement says it: "left homeless", "registered as deaths", "confirmed to have died"
    ("The earthquake left at least 5,000 residents homeless.", [(5000.0, "displaced")]),
    ("The ministry said 930 people had been registered as deaths from the outbreak.", [(930.0, "killed")]),
    ("Health officials said a total of 1,200 patients are now confirmed to have died.", [(1200.0, "killed")]),
    ("About 70 passengers remain unaccounted for.", [(70.0, "missing")]),
    ("The agency said at least 300 people are dead, with another 100 reported as still missing.",
     [(300.0, "killed"), (100.0, "missing")]),
    # a life lost is a death
    ("Eleven nurses lost their lives while treating patients.", [(11.0, "killed")]),
    # nouns that are a state: bodies and victims are the dead, injuries the wounded
    ("Divers said 60 bodies had been pulled from the wreck.", [(60.0, "killed")]),
    ("Investigators have identified 35 victims of the crash.", [(35.0, "killed")]),
    ("The clashes caused 45 injuries.", [(45.0, "wounded")]),
    # "others" counts people when a casualty word acts on it
    ("Rescuers said 40 others remained missing.", [(40.0, "missing")]),
    # people in shelters are displaced, not deployed
    ("About 2,400 people are staying in shelters, the agency said.", [(2400.0, "displaced")]),
    ("Shelters in the city are hosting 12,000 people.", [(12000.0, "displaced")]),
    ("The camps cover 50 hectares and were designed for 8,000 people.", [(50.0, "other"), (8000.0, "other")]),
    ("There are about 285 displaced residents in the town.", [(285.0, "displaced")]),
    # a part of a group named above it keeps the group's state
    ("Many displaced residents keep moving to nearby towns, among them Sorel (640 residents).", [(640.0, "displaced")]),
    # a verb and its object together: lives claimed, contact lost
    ("The landslide claimed 45 lives in the village.", [(45.0, "killed")]),
    ("Doctors saved 300 lives during the heatwave.", [(300.0, "other")]),
    ("The charity said it had lost contact with at least two of its drivers.", [(2.0, "missing")]),
    # a number compared with a count counts the same
    ("The epidemic has killed 230 people, up from 150 a week ago.", [(230.0, "killed"), (150.0, "killed")]),
])
def test_casualty_words_of_real_reporting(nlp, text, expected):
    assert measures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # forces massed, added, or counted where they stand
    ("The army has massed about 40,000 soldiers along the frontier.", [(40000.0, "deployed")]),
    ("The rebels added as many as 3,000 fighters near the city of Goma.", [(3000.0, "deployed")]),
    ("The ministry put the number of enemy troops near the frontier at 25,000.", [(25000.0, "deployed")]),
    ("Officials said there were about 9,000 troops on the ground.", [(9000.0, "deployed")]),
    # a valued presence is a count of the force present, for each valuation given
    ("The ministry has put the rebel presence near the city at 4,000 fighters, and local officials at 6,000.",
     [(4000.0, "deployed"), (6000.0, "deployed")]),
    # a force to be sent is a plan
    ("The ministry announced 3,000 military builders and deminers to be sent to the region.", [(3000.0, "planned")]),
    # residents live where they are: a place alone sends no one
    ("About 30,000 residents in Goma were without power.", [(30000.0, "other")]),
    # units and battalions are not people
    ("Ten units were sent to the front.", [(10.0, "other")]),
    # a relative clause belongs to the nearer people noun, whatever the parser hangs it on: the medics
    # are not "affected"; responders at their work are deployed
    ("There are 300 medics working to treat villagers in the valley who have been affected by the floods.",
     [(300.0, "deployed")]),
    ("Some 1,500 rescuers were working through the night, and 250 firefighters battled the blaze.",
     [(1500.0, "deployed"), (250.0, "deployed")]),
    # a workforce is not a deployment: only responders are sent
    ("The plant employs 2,000 people, and 400 of them work night shifts.", [(2000.0, "other"), (400.0, "other")]),
    # a clause where someone else acts on the count says nothing of the count now
    ("The army keeps 20,000 soldiers on the frontier, which it could double within weeks.", [(20000.0, "deployed")]),
    # going on is no plan: "continue to arrive" happens now
    ("Officials said 600 soldiers continue to arrive in the port city each week.", [(600.0, "deployed")]),
    # a verb of growth that already happened is no plan
    ("He said that the deployment had increased to 12,000 troops in the region.", [(12000.0, "deployed")]),
])
def test_forces_where_they_stand(nlp, text, expected):
    assert measures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Analysts said the toll could reach 900.", [(900.0, "at_most", "killed")]),
    ("The toll neared 600 on Friday.", [(600.0, "approximately", "killed")]),
    ("The crowd was estimated at 12,000 people.", [(12000.0, "approximately", "other")]),
    # in a valuation the valued thing is counted, not whoever values it
    ("Police estimated the crowd at 50,000.", [(50000.0, "exact", "other")]),
    ("The garrison could be ramped up to as high as 8,000 soldiers.", [(8000.0, "at_most", "planned")]),
])
def test_bounds_of_projections_and_estimates(nlp, text, expected):
    assert qualified(nlp, text) == expected


def test_day_ranges_beside_a_month_are_dates(nlp):
    assert measures(nlp, "The storm hit the coast on the night of August 3-4, officials said.") == []


def test_figures_component_writes_plain_data_per_sentence(nlp):
    from storyledger.extract.figures import figure_from_data
    doc = nlp("Rain fell all day. The army has massed about 40,000 soldiers along the frontier.")
    assert "storyledger_figures" in nlp.pipe_names
    first, second = doc._.figures
    assert first == []
    [f] = second
    assert (f["value"], f["qualifier"], f["counted"], f["measure"]) == (40000.0, "approximately", "soldiers", "deployed")
    assert all(isinstance(i, int) for i in f["path"]) and doc[f["anchor"]].text == "soldiers"
    fig = figure_from_data(doc, f)
    assert fig.anchor.text == "soldiers" and [t.i for t in fig.path] == f["path"]


def test_participle_right_after_the_counted_noun_is_its_own_clause():
    from storyledger import extract
    t = "About 300 families remain in the shelter of the old school (and 900 people displaced in total)."
    got = {c.value: c.measure for c in extract.extract_text(t, "2024-03-15") if c.kind == "figure"}
    assert got[900] == "displaced"


def test_the_missing_counted_through_a_relative_clause():
    from storyledger import extract
    t = "Crews keep a list of the missing, who the coast guard says may number 400 or more."
    got = {c.value: (c.measure, c.counted) for c in extract.extract_text(t, "2024-03-15") if c.kind == "figure"}
    assert got == {400: ("missing", "missing")}


@pytest.mark.parametrize("text,expected", [
    # what a force grew by is what a side added (as "added 2,000 fighters" is), also where the
    # parser gives the growth verb no subject of its own
    ("The army said its forces in the north have grown by about 3,000 soldiers this month.", [(3000.0, "deployed")]),
    ("The rebels have increased their forces near the city by 2,000 fighters.", [(2000.0, "deployed")]),
    ("Officials claimed on Friday that militia units camped along the river have increased by roughly 900 fighters"
     " in recent days.", [(900.0, "deployed")]),
    # a growth still to come is a plan; a town growing by residents is no force
    ("The militia could grow by 5,000 fighters next year, the report said.", [(5000.0, "planned")]),
    ("The town has grown by 4,000 residents since the mine opened.", [(4000.0, "other")]),
])
def test_a_force_grown_by_a_count_added_that_many(nlp, text, expected):
    assert measures(nlp, text) == expected


def test_a_count_in_brackets_after_a_place_counts_that_place(nlp):
    art = Article(id="t", source="t", body=(
        "Families kept leaving the valley for the coast, including Portmere (2,150 people) and Lysk (640 people), "
        "the relief agency said. Among the dead was Tomas Brell (61), a ferry captain."))
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    where = {c.value: c.where for c in claims if c.kind == "figure"}
    assert (where[2150], where[640]) == ("Portmere", "Lysk")
    assert where.get(61) is None        # an age in brackets after a person's name is no place
