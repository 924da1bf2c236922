"""A page's update stamp ("Published 7 March | Updated 8 March"): clean keeps its day as Article.updated, and a
weekday of the body that falls after the publication day and by the update is that day, not the week before
(clean.published.update_day, timex._weekday_day). Texts written for this test."""
from __future__ import annotations

from storyledger import extract
from storyledger.clean import clean_document
from storyledger.clean.published import update_day
from storyledger.model import RawDocument

_PAGE = ("Dockworkers strike shuts three ports\n\nUnions say the stoppage will go on until the weekend\n\n{stamp}\n\n"
         "Police detained 40 people at the northern port on Tuesday evening after scuffles with strikers, "
         "the port authority said.\n\nOf those detained, 12 were still held on Wednesday morning, "
         "prosecutors told reporters.\n")


def _figures(stamp: str):
    art = clean_document(RawDocument(source="p", text=_PAGE.format(stamp=stamp), kind="text"))
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    return art, sorted((c.value, c.as_of.start) for c in claims if c.kind == "figure" and c.value in (12.0, 40.0))


def test_the_update_day_after_publication():
    assert update_day([("2024-04-02", "Published 2 April 2024 - 21:40 | Updated 3 April 2024 - 08:15")],
                      "2024-04-02") == "2024-04-03"
    assert update_day([("2024-04-02", "Published 2 April 2024 | Updated 2 April 2024 - 23:10")], "2024-04-02") is None
    assert update_day([("2024-04-02", "Published 2 April 2024")], "2024-04-02") is None


def test_a_weekday_after_publication_is_the_updates_day():
    # 2 April 2024 is a Tuesday: "on Wednesday morning" in a body updated on the 3rd is the 3rd
    art, figs = _figures("Published 2 April 2024 - 21:40 | Updated 3 April 2024 - 08:15")
    assert (art.published, art.updated) == ("2024-04-02", "2024-04-03")
    assert figs == [(12.0, "2024-04-03"), (40.0, "2024-04-02")]
    # without the update the weekday of a past telling is the week before, as before
    art, figs = _figures("Published 2 April 2024 - 21:40")
    assert art.updated is None and figs == [(12.0, "2024-03-27"), (40.0, "2024-04-02")]
