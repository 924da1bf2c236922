"""as_of from the clause's own time (issue 9 item 6), on sentences we wrote: a clause of time under a
forecast looks ahead, and "the first N months of the year" is a span from 1 January."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.model import Article


@pytest.fixture(scope="module")
def nlp():
    return extract.load_nlp()


def as_of(nlp, body, published):
    """Each figure's value -> (as_of start, end)."""
    art = Article(id="t", source="t.txt", body=body, title=None, published=published)
    [(_, claims)] = list(extract.extract_claims([art], nlp=nlp))
    return {c.value: (c.as_of.start, c.as_of.end) for c in claims if c.kind == "figure" and c.as_of}


def test_a_clause_of_time_under_a_forecast_looks_ahead(nlp):
    # published on Saturday 27 September 2025: the forecast's Monday is the 29th, not the 22nd
    body = ("The storm was forecast to weaken as it moved north over the state on Monday, but could still "
            "drop up to 15 inches of rain in places.")
    assert as_of(nlp, body, "2025-09-27")[15] == ("2025-09-29", "2025-09-29")
    # told in the past of the past, the same clause stays behind
    body = "The storm weakened as it moved north on Thursday, leaving 40,000 homes without power."
    assert as_of(nlp, body, "2025-09-27")[40000] == ("2025-09-25", "2025-09-25")


def test_the_first_months_of_a_year_run_from_january(nlp):
    got = as_of(nlp, "Some 4,800 people died trying to cross by sea in the first eight months of the year.",
                "2025-10-06")
    assert got[4800] == ("2025-01-01", "2025-08-31")
    got = as_of(nlp, "Some 1,200 migrants arrived in the first six months of 2024, the ministry said.", "2025-10-06")
    assert got[1200] == ("2024-01-01", "2024-06-30")
    got = as_of(nlp, "In the first three months of last year, 300 boats were intercepted.", "2025-10-06")
    assert got[300] == ("2024-01-01", "2024-03-31")


def test_a_time_hung_on_the_telling_wins_over_one_deep_below_it(nlp):
    # the parser hung "last week" deep under "said" (through a misread clause) and "Thursday" on "said":
    # "25 others remain" is as of the telling
    body = ("Sixty-two of the schoolchildren abducted from a boarding school in Kebbi state last week have been "
            "freed, a state government spokesman said Thursday, but 25 others remain in captivity.")
    assert as_of(nlp, body, "2024-11-14")[25] == ("2024-11-14", "2024-11-14")


def test_a_clause_on_the_whole_a_share_is_of_gives_the_shares_time(nlp):
    body = "Inspectors found larvae in 18 percent of the households they surveyed in the capital last month."
    assert as_of(nlp, body, "2025-09-18")[18] == ("2025-08-01", "2025-08-31")


def test_a_part_of_what_was_counted_just_before_happened_then(nlp):
    # published Monday 6 October 2025; "One of the buses" is one of the three that crashed on Friday
    body = ("Three buses left the road near the pass on Friday, the police said. One of the buses carried 52 "
            "pupils, among them 9 teachers' children.")
    got = as_of(nlp, body, "2025-10-06")
    assert got[52] == got[9] == got[3] == ("2025-10-03", "2025-10-03")
    # a part told in the present is as of the telling
    body = "Three buses left the road near the pass on Friday. One of the buses has 12 seats left."
    assert as_of(nlp, body, "2025-10-06")[12] == ("2025-10-06", "2025-10-06")


def test_a_century_spelled_out_is_a_century(nlp):
    got = as_of(nlp, "Up to 80 million people may have died during the fourteenth century.", "2019-11-20")
    assert got[80000000] == ("1300-01-01", "1399-12-31")


def test_what_was_delayed_on_a_day_was_delayed_then(nlp):
    # published Monday 13 January 2025
    got = as_of(nlp, "The rail operator said 62 trains were delayed on Sunday because of frozen points.", "2025-01-13")
    assert got[62] == ("2025-01-12", "2025-01-12")
    got = as_of(nlp, "The council said the vote on 300 new posts was delayed until Friday.", "2025-01-13")
    assert got[300] == ("2025-01-17", "2025-01-17")
