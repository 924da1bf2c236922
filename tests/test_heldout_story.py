"""Held-out stress test: three short stories written for this test (an earthquake, a refugee
exodus, a ferry sinking) that the extraction rules were never tuned on. Each figure a careful
reader would put in the ledger is pinned as (value, qualifier, measure, source, as_of start, end);
numbers that count no people (ages, years, money, areas, durations) must get measure "other"."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.model import Article

from _heldout import figure_rows, others, people

QUAKE = Article(
    id="quake", source="quake.txt", title="Quake in northern Veldoria kills at least 142",
    outlet="The Harbour Post", agency="AFP", published="2025-03-12",
    body=(
        "A magnitude 6.8 earthquake struck the mountainous north of Veldoria on Tuesday, killing at "
        "least 142 people, the National Disaster Management Agency said.\n\n"
        "Another 630 people were injured and 57 remain missing, the agency said in a statement on "
        "Wednesday.\n\n"
        "More than 12,000 residents have been evacuated from villages near the epicentre, according to "
        "the Ministry of Health.\n\n"
        "Among the dead was a 71-year-old shepherd whose stone house collapsed on him, the ministry said.\n\n"
        "The quake was the strongest to hit the region since 1987 and damaged about 4,500 homes.\n\n"
        "Up to 3,000 soldiers have been sent to help with the search, the defence ministry said.\n\n"
        "Interior Minister Lara Ostek told reporters the government had set aside $25 million for "
        "reconstruction."
    ),
)

EXODUS = Article(
    id="exodus", source="exodus.txt", title="Tens of thousands flee fighting in Keld",
    outlet="The Harbour Post", agency="Reuters", published="2025-06-20",
    body=(
        "Nearly 40,000 people have fled into neighbouring Tarsia to escape fighting in the border "
        "province of Keld, UNHCR said on Thursday.\n\n"
        "Up to 5,000 people are crossing the border each day, according to UNHCR spokesperson Mira Hald.\n\n"
        "Some 1,200 children have fled without their parents since Friday, according to the Tarsian "
        "interior ministry, citing border police.\n\n"
        "Aid groups said at least 23 people had died on the journey, most of them elderly.\n\n"
        "The World Food Programme said it needed $18 million to feed the new arrivals over the next "
        "three months.\n\n"
        "Last week, UNHCR said about 15,000 people had been displaced inside Keld itself.\n\n"
        "Camps near the border town of Ostra cover 120 hectares and were built for 10,000 people."
    ),
)

FERRY = Article(
    id="ferry", source="ferry.txt", title="Ferry death toll rises to 31",
    outlet="The Harbour Post", agency="Reuters", published="2025-09-09",
    body=(
        "The death toll from the sinking of a passenger ferry off the island of Marrow rose to 31 on "
        "Monday, the coast guard said.\n\n"
        "Between 40 and 60 passengers are still missing, coast guard spokesman Dov Arlen told reporters.\n\n"
        "The 52-metre ferry, built in 1994, capsized in rough seas on Saturday.\n\n"
        "At least 15 passengers were injured and taken to hospital on the mainland, he said.\n\n"
        "The toll had stood at 24 on Sunday before divers recovered more bodies from the hull.\n\n"
        "Police have arrested two crew members, the coast guard said on Monday."
    ),
)

ARTICLES = [QUAKE, EXODUS, FERRY]


@pytest.fixture(scope="module")
def figures() -> dict[str, list[tuple]]:
    return figure_rows(ARTICLES)


def test_earthquake(figures):
    agency = "National Disaster Management Agency"
    assert people(figures["quake"]) == [
        (57.0, None, None, "exact", "missing", agency, "2025-03-12", "2025-03-12"),
        (142.0, 142.0, None, "at_least", "killed", agency, "2025-03-11", "2025-03-11"),
        (630.0, None, None, "exact", "wounded", agency, "2025-03-12", "2025-03-12"),
        (3000.0, None, 3000.0, "at_most", "deployed", "defence ministry", "2025-03-12", "2025-03-12"),
        (12000.0, 12000.0, None, "at_least", "evacuated", "Ministry of Health", "2025-03-12", "2025-03-12"),
    ]
    # magnitude, an age, homes, money
    assert others(figures["quake"]) == [6.8, 71.0, 4500.0, 25_000_000.0]


def test_refugee_exodus(figures):
    assert people(figures["exodus"]) == [
        (23.0, 23.0, None, "at_least", "killed", "Aid groups", "2025-06-20", "2025-06-20"),
        (1200.0, None, None, "approximately", "displaced", "border police", "2025-06-13", "2025-06-20"),
        (15000.0, None, None, "approximately", "displaced", "UNHCR", "2025-06-09", "2025-06-15"),
        (40000.0, None, None, "approximately", "displaced", "UNHCR", "2025-06-19", "2025-06-19"),
    ]
    # months, hectares, a per-day flow, a camp's capacity, money
    assert others(figures["exodus"]) == [3.0, 120.0, 5000.0, 10000.0, 18_000_000.0]


def test_according_to_citing_relays_the_cited_source(figures):
    nlp = extract.load_nlp()
    [(_, claims)] = list(extract.extract_claims([EXODUS], nlp=nlp))
    [c] = [c for c in claims if c.kind == "figure" and c.value == 1200.0]
    assert (c.attribution.source, c.attribution.via) == ("border police", ["Reuters", "Tarsian interior ministry"])


def test_ferry_sinking(figures):
    assert people(figures["ferry"]) == [
        (2.0, None, None, "exact", "captured", "coast guard", "2025-09-08", "2025-09-08"),
        (15.0, 15.0, None, "at_least", "wounded", "Dov Arlen", "2025-09-09", "2025-09-09"),
        (24.0, None, None, "exact", "killed", None, "2025-09-07", "2025-09-07"),
        (31.0, None, None, "exact", "killed", "coast guard", "2025-09-08", "2025-09-08"),
        (40.0, 40.0, 60.0, "range", "missing", "Dov Arlen", "2025-09-09", "2025-09-09"),
    ]
    assert others(figures["ferry"]) == [52.0]  # the ship's length; the build year is no figure


def _measures(text: str, title: str | None = None) -> list[tuple]:
    art = Article(id="s", source="s", body=text, title=title, published="2025-06-20")
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    return sorted((c.field, c.value, c.measure) for c in claims if c.kind == "figure" and c.value is not None)


def test_bare_number_acted_on_by_a_casualty_verb_counts_people():
    assert _measures("The blast killed 12 and injured 40 on Monday, police said.") == [
        ("body", 12.0, "killed"), ("body", 40.0, "wounded")]
    assert _measures("Flooding has displaced 8,000 since Friday, the agency said.") == [("body", 8000.0, "displaced")]
    assert _measures("The storm hit the coast.", title="Storm kills at least 9 on the coast") == [
        ("title", 9.0, "killed")]
    assert _measures("The number of dead climbed to 57 overnight, officials said.") == [("body", 57.0, "killed")]


def test_money_and_shares_count_no_one():
    assert _measures("Police seized $5 million in cash on Monday.") == [("body", 5_000_000.0, "other")]
    assert _measures("Customs officers seized USD5m at the port.") == [("body", 5_000_000.0, "other")]
    assert _measures("The outbreak has affected 40% of the herd.") == [("body", 40.0, "other")]


def test_people_told_to_act_and_sizes_that_happened():
    assert _measures("Officials said the wildfire forced 6,000 residents to evacuate.") == [
        ("body", 6000.0, "evacuated")]
    # a past-tense size verb tells what happened, not a plan
    assert _measures("The number of North Korean troops in Russia reached 11,000 in December, officials said.") == [
        ("body", 11000.0, "deployed")]
    assert _measures("The deployment is expected to reach 15,000 by spring.") == [("body", 15000.0, "planned")]


def test_troops_rose_to_is_a_presence():
    # forces counted where they stand ("troops in Russia") are a presence
    assert _measures("North Korean troops in Russia rose to 12,000 last month, officials said.") == [
        ("body", 12000.0, "deployed")]


def test_rescuers_reaching_people_is_no_deployment():
    assert {m for _, _, m in _measures("Rescue teams have reached 9 of the 12 trapped miners, the company said.")} \
        <= {"other", "affected"}
