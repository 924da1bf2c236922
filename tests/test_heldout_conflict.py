"""Second held-out stress test: three short conflict reports written for this test (a ceasefire
breach, a prisoner exchange, a peacekeeping deployment) in wordings the extraction rules were not
tuned on. Each people figure a careful reader would ledger is pinned as (value, low, high, qualifier,
measure, source, as_of start, end); numbers that count no people must get measure "other"."""
from __future__ import annotations

import pytest

from storyledger.model import Article

from _heldout import figure_rows, others, people

CEASEFIRE = Article(
    id="ceasefire", source="ceasefire.txt", title="Truce frays as shelling kills dozens in Varnok",
    outlet="The Harbour Post", agency="AFP", published="2025-04-16",
    body=(
        "The death toll from two days of shelling in the southern city of Varnok rose to 48 on "
        "Tuesday, including 12 children, the Health Ministry said.\n\n"
        "At least 130 people were wounded in the strikes, the ministry said.\n\n"
        "The UN refugee agency said more than 9,000 people had been displaced since the ceasefire "
        "began on April 2.\n\n"
        "The army said it had killed 35 militants in a counter-offensive on Monday.\n\n"
        "The Varnok Monitor for Human Rights, citing sources on the ground, said nearly 60 civilians "
        "had been killed since the weekend.\n\n"
        "A 64-year-old baker was among those killed, his family said.\n\n"
        "The front line runs for about 40 kilometres along the Sel river.\n\n"
        "The government has asked donors for $60 million in emergency aid."
    ),
)

SWAP = Article(
    id="swap", source="swap.txt", title="Rivals swap prisoners in first exchange since truce",
    outlet="The Harbour Post", agency="Reuters", published="2025-07-03",
    body=(
        "The two sides swapped 103 prisoners each on Wednesday in the first exchange since the truce, "
        "the Red Cross said.\n\n"
        "Between 90 and 100 soldiers are still being held by the rebels, according to defence "
        "ministry spokesman Oren Falk.\n\n"
        "Rebel commanders said they had captured 14 soldiers near the village of Tamsk last month.\n\n"
        "The youngest of the freed men was 19, the Red Cross said.\n\n"
        "The handover took place at a bridge 25 km north of the border.\n\n"
        "About 200 people remain missing from the fighting, the Red Cross said."
    ),
)

PEACEKEEPERS = Article(
    id="peace", source="peace.txt", title="Alliance to send up to 2,500 peacekeepers to Orlen",
    outlet="The Harbour Post", agency="AP", published="2025-02-12",
    body=(
        "The Northern Alliance will send up to 2,500 troops to the buffer zone in Orlen by spring, "
        "Defence Minister Kai Dessen told parliament on Tuesday.\n\n"
        "About 800 soldiers are already on the ground, the minister said.\n\n"
        "The mission will cost an estimated $400 million in its first year.\n\n"
        "The United Nations raised its estimate of people displaced by the fighting from 1,200 to "
        "1,500 on Monday.\n\n"
        "The buffer zone is 12 km wide.\n\n"
        "Fighting in the region killed at least 300 people in 2024, according to the United Nations."
    ),
)

ARTICLES = [CEASEFIRE, SWAP, PEACEKEEPERS]


@pytest.fixture(scope="module")
def figures() -> dict[str, list[tuple]]:
    return figure_rows(ARTICLES)


def test_ceasefire_breach(figures):
    ministry = "Health Ministry"
    got = people(figures["ceasefire"])
    # "rose to 48 on Tuesday, including 12 children": both from the ministry, on Tuesday
    assert (12.0, None, None, "exact", "killed", ministry, "2025-04-15", "2025-04-15") in got
    assert (48.0, None, None, "exact", "killed", ministry, "2025-04-15", "2025-04-15") in got
    assert (130.0, 130.0, None, "at_least", "wounded", ministry, "2025-04-16", "2025-04-16") in got
    # "The army said": the army, not the body named in the sentence before
    assert (35.0, None, None, "exact", "killed", "army", "2025-04-14", "2025-04-14") in got
    assert [f[:5] for f in got] == [
        (12.0, None, None, "exact", "killed"), (35.0, None, None, "exact", "killed"),
        (48.0, None, None, "exact", "killed"), (60.0, None, None, "approximately", "killed"),
        (130.0, 130.0, None, "at_least", "wounded"), (9000.0, 9000.0, None, "at_least", "displaced")]
    # two days, an age, kilometres, money
    assert others(figures["ceasefire"]) == [2.0, 40.0, 64.0, 60_000_000.0]


def test_prisoner_exchange(figures):
    got = people(figures["swap"])
    # a floating "each" distributes the count; it is no rate like "each day"
    assert (103.0, None, None, "exact", "captured", "Red Cross", "2025-07-02", "2025-07-02") in got
    assert (14.0, None, None, "exact", "captured", "Rebel commanders", "2025-06-01", "2025-06-30") in got
    assert (200.0, None, None, "approximately", "missing", "Red Cross", "2025-07-03", "2025-07-03") in got
    # an age, km ("two sides" is no count of people either)
    assert [o for o in others(figures["swap"]) if o != 90.0] == [2.0, 19.0, 25.0]


def test_peacekeeping_deployment(figures):
    got = people(figures["peace"])
    assert (2500.0, None, 2500.0, "at_most", "planned", "Kai Dessen", "2025-02-11", "2025-02-11") in got
    # "already on the ground" is a presence
    assert (800.0, None, None, "approximately", "deployed", "Kai Dessen", "2025-02-12", "2025-02-12") in got
    assert others(figures["peace"]) == [12.0, 400_000_000.0]


def test_un_refugee_agency_since_an_event(figures):
    assert (9000.0, 9000.0, None, "at_least", "displaced", "UNHCR", "2025-04-02", "2025-04-16") in people(figures["ceasefire"])


def test_monitor_citing_unnamed_sources(figures):
    assert (60.0, None, None, "approximately", "killed", "Varnok Monitor for Human Rights", "2025-04-12",
            "2025-04-16") in people(figures["ceasefire"])


def test_held_prisoners_are_captured(figures):
    assert (90.0, 90.0, 100.0, "range", "captured", "Oren Falk", "2025-07-03", "2025-07-03") in people(figures["swap"])


def test_revised_estimate_is_the_new_figure(figures):
    assert (1500.0, None, None, "exact", "displaced", "United Nations", "2025-02-10", "2025-02-10") in people(figures["peace"])


def test_toll_for_a_past_year(figures):
    assert (300.0, 300.0, None, "at_least", "killed", "United Nations", "2024-01-01", "2024-12-31") in people(figures["peace"])
