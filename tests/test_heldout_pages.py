"""Held-out cleaning: text dumps shaped like kinds of sites the cleaner was never tuned on.

All four pages are invented by us (outlets, people and events included); they imitate how a
wire service, a broadcaster, a portal copy and a newspaper look when saved as plain text.
"""
from __future__ import annotations

import pytest

from storyledger.clean import clean_document, finalize_corpus
from storyledger.words import line_key
from storyledger.model import Article, RawDocument

FETCHED = "2025-03-14T10:00:00Z"

WIRE = """Skip to main content
Exclusive news, data and analytics for financial market professionals
World
Business
Markets
Sustainability

Harbour authority orders inspection of all ferries after Lindholm capsizing

By Marta Ekdahl and Jonas Brevik

5 minute read

Updated 3 hours ago

March 13, 2025 4:52 PM UTC

LINDHOLM, March 13 (Northstar) - The national harbour authority on Thursday ordered safety inspections of every passenger ferry in service, a day after a small vessel capsized near Lindholm with 41 people on board.

Coast guard officials said 37 passengers had been pulled from the water alive and four were still missing after an overnight search in strong winds.

"We will not let a single boat sail until it has been checked from keel to mast," the authority's director, Henrik Solvang, told reporters in the port town.

The vessel, a converted fishing boat licensed to carry 30 passengers, was travelling between two islands when it turned over in rough water, according to two people familiar with the initial findings.

Advertisement · Scroll to continue

Survivors described a sudden lurch as the boat turned into the wind. One of them, a teacher returning from a conference, said the crew had handed out life jackets only after water came over the deck.

The ferry operator did not respond to requests for comment. Its website was taken offline on Thursday morning.

Maritime unions have warned for years that older boats on island routes were being pushed beyond their limits during the busy spring season.

Reporting by Marta Ekdahl in Lindholm and Jonas Brevik in Oslo; Editing by Clara Moss

Our Standards: The Northstar Trust Principles.

Purchase Licensing Rights, opens new tab
"""

BROADCAST = """Home
News
Sport
Weather
Home > News > Europe

Storm Petra: Thousands without power as gales batter the coast

Published
12 March 2025

Share this article

Share
Save

Watch: Waves crash over the harbour wall in Portlaw

Image source, Getty Images
Image caption, Fallen trees blocked several roads in the hills above the town

By Aoife Brennan
Ireland correspondent

More than 30,000 homes and businesses were left without electricity on Wednesday after Storm Petra brought gusts of over 120km/h to the west coast.

The national weather service had issued a red warning for three counties, telling people to stay indoors until the worst of the wind had passed.

Engineers were working through the afternoon to restore supplies, but the network operator said some rural customers might not be reconnected until the weekend.

Image source, Getty Images
Image caption, Fallen trees blocked several roads in the hills above the town

Schools in the worst-hit areas were closed and several ferry crossings were cancelled.

Watch: Drone footage shows flooding on the seafront

A spokesperson for the emergency services said crews had dealt with more than 200 calls, mostly about fallen trees and damaged roofs.

Forecasters expect the wind to ease overnight, although heavy rain could still cause flooding in low-lying districts on Thursday.

Related Topics
Weather
Storms
Power cuts

More on this story
"""

PORTAL = """Portail d'actualités - Toutes les nouvelles en un seul endroit
Accueil | Monde | Économie

Farmers block motorway in protest over water restrictions

2 days ago

Source: valleytribune.example

Hundreds of farmers drove their tractors onto the main motorway south of the capital on Tuesday, bringing traffic to a standstill for more than six hours.

The protest was organised by growers' associations angry at new limits on how much water they may take from rivers during the summer months.

Story continues below advertisement

"We are being asked to grow the same crops with half the water," said Dora Vlasic, who farms peaches and apricots near the river delta.

Police diverted traffic through nearby towns, and officials said there had been no arrests by the evening.

The agriculture ministry said the restrictions were needed after three dry years had left reservoirs at record lows.

Story continues below advertisement

Talks between the ministry and the growers are due to resume next week, but both sides say they remain far apart on the question of compensation.

View comments

Trending Now
"""

PAPER = """Saturday 8 March 2025
Subscribe
Sign in
News | Environment | Cities

City council votes to close historic bridge to cars

Councillors back plan to turn the crossing into a walking and cycling route from next spring, despite objections from traders

Lena Hartwig, Transport correspondent

Fri 7 Mar 2025 18.30 GMT

The city council has voted to close the old stone bridge over the river to motor traffic, ending more than a century of cars crossing in the heart of the old town.

The plan, approved by 31 votes to 19 on Friday evening, will turn the bridge into a route for pedestrians and cyclists from next April.

Advertisement

Supporters say the change will cut pollution and make the riverside safer, pointing to a survey in which most residents backed the idea.

Shop owners on both banks argue that customers from outside the city will simply stop coming. "People will drive to the retail park instead," said one café owner.

Advertisement

Sign up to Morning Briefing
Free daily newsletter
Our morning email breaks down the key stories of the day.
Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.
after newsletter promotion

The council says buses will be rerouted over the new bridge downstream, and that delivery vans will keep early-morning access.

A final decision on the cost of new paving and lighting is expected in the summer.

Explore more on these topics
Transport
Cycling
Local government

Most viewed
Man rescued after night stuck on cliff ledge
Heatwave warning issued for the south
Rail strike dates announced

© 2025 Riverside Courier Media Limited. All rights reserved.
"""


def _clean(text: str, fetched_at: str | None = FETCHED) -> Article:
    return clean_document(RawDocument(source="mem", kind="text", text=text, fetched_at=fetched_at))


def _gone(body: str, lines: list[str]) -> list[str]:
    return [x for x in lines if line_key(x) in line_key(body)]


def _paras(a: Article) -> list[str]:
    return a.body.split("\n\n")


def test_wire_page() -> None:
    a = _clean(WIRE)
    assert a.title == "Harbour authority orders inspection of all ferries after Lindholm capsizing"
    assert a.authors == ["Marta Ekdahl", "Jonas Brevik"]
    assert (a.published, a.published_basis) == ("2025-03-13", "explicit")
    assert _gone(a.body, ["Skip to main content", "5 minute read", "Updated 3 hours ago",
                          "Advertisement", "Scroll to continue", "Reporting by", "Our Standards",
                          "Purchase Licensing Rights", "Sustainability"]) == []
    paras = _paras(a)
    assert paras[0].startswith("LINDHOLM, March 13 (Northstar) - The national harbour authority")
    assert paras[-1].startswith("Maritime unions have warned")
    assert len(paras) == 7


def test_broadcaster_page() -> None:
    a = _clean(BROADCAST)
    assert a.title == "Storm Petra: Thousands without power as gales batter the coast"
    assert a.authors == ["Aoife Brennan"]
    assert (a.published, a.published_basis) == ("2025-03-12", "explicit")
    assert _gone(a.body, ["Share this article", "Watch:", "Image source", "Image caption", "Related Topics",
                          "Power cuts", "More on this story", "Ireland correspondent", "Published"]) == []
    paras = _paras(a)
    assert paras[0].startswith("More than 30,000 homes")
    assert paras[-1].startswith("Forecasters expect the wind")
    assert len(paras) == 6
    assert a.captions == ["Fallen trees blocked several roads in the hills above the town"]


def test_portal_copy_relative_date() -> None:
    a = _clean(PORTAL)
    assert a.title == "Farmers block motorway in protest over water restrictions"
    assert a.outlet == "valleytribune.example"
    assert (a.published, a.published_basis) == ("2025-03-12", "relative")
    assert _gone(a.body, ["Portail", "Accueil", "Story continues below advertisement", "View comments",
                          "Trending Now", "Source:", "2 days ago"]) == []
    paras = _paras(a)
    assert paras[0].startswith("Hundreds of farmers drove")
    assert paras[-1].startswith("Talks between the ministry")
    assert len(paras) == 6


def test_portal_copy_without_fetch_time_does_not_guess() -> None:
    a = _clean(PORTAL, fetched_at=None)
    assert a.published_basis != "relative"
    # "on Tuesday" alone, with no other article and no fetch time, pins no day
    assert a.published is None or a.published_basis == "inferred"
    assert "2 days ago" not in a.body


def test_newspaper_page() -> None:
    a = _clean(PAPER)
    assert a.title == "City council votes to close historic bridge to cars"
    assert a.authors == ["Lena Hartwig"]
    assert a.outlet == "Riverside Courier"
    assert (a.published, a.published_basis) == ("2025-03-07", "explicit")
    assert _gone(a.body, ["Advertisement", "Sign up to Morning Briefing", "Free daily newsletter",
                          "Our morning email", "Privacy Notice", "after newsletter promotion",
                          "Explore more on these topics", "Local government", "Most viewed",
                          "Man rescued after night", "Rail strike dates", "Riverside Courier Media",
                          "Subscribe", "Transport correspondent"]) == []
    paras = _paras(a)
    # the standfirst is the writer's own summary: it may stay, but only above the first paragraph
    first = next(i for i, p in enumerate(paras) if p.startswith("The city council has voted"))
    assert first <= 1
    assert paras[-1].startswith("A final decision on the cost")
    assert len(paras) - first == 6


def test_pages_together_keep_their_own_dates() -> None:
    arts = [_clean(t) for t in (WIRE, BROADCAST, PORTAL, PAPER)]
    changed = {a.id: a for a in finalize_corpus(arts)}
    final = [changed.get(a.id, a) for a in arts]
    assert [a.published[:10] for a in final] == ["2025-03-13", "2025-03-12", "2025-03-12", "2025-03-07"]


def test_furniture_words_inside_real_lines_stay() -> None:
    page = """Newsletter publishers ask regulator to review advertising rules

By Tomas Ferrer

Small newsletter publishers asked the media regulator on Monday to review the advertising rules that they say favour large platforms.

Advertisement

Their letter said that most advertisement revenue in the sector now went to three companies, and that subscribers were paying the difference.

Watch: the regulator answers readers' questions
"""
    a = _clean(page)
    assert a.title == "Newsletter publishers ask regulator to review advertising rules"
    assert a.authors == ["Tomas Ferrer"]
    assert [p.split()[0] for p in _paras(a)] == ["Small", "Their"]


def test_wire_page_with_only_updated_hours_ago() -> None:
    page = WIRE.replace("March 13, 2025 4:52 PM UTC\n", "")
    a = _clean(page)                       # fetched 10:00 on the 14th: three hours earlier is the 14th
    assert (a.published, a.published_basis) == ("2025-03-14", "relative")
    a = _clean(page, fetched_at="2025-03-14T01:00:00Z")
    assert a.published == "2025-03-13"
    a = _clean(page, fetched_at=None)
    assert a.published_basis != "relative"
