"""Headline choice on text dumps of layouts met on public pages (issue 9 item 3): crumb trails
ending with the headline, controls read out, menus glued without spaces, labelled headlines.
The pages are written for these tests (no published text)."""
from __future__ import annotations

from storyledger.clean.text import _control_line, _ends_naming, _glued_links

from tests.test_unseen_layouts import LAST, LEDE, MORE, _clean


def test_a_crumb_trail_ending_with_the_headline_names_it():
    page = ("Skip to main content\nHarbour Gazette\nNews\nPorts\nWeather\n"
            "Home News Ports North Pier To Stay Shut\n41\nNORTH PIER TO STAY SHUT UNTIL SPRING\n"
            "Divers found cracks in three supporting columns of the old pier.\n"
            f"By Tomas Ek 8 February 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "NORTH PIER TO STAY SHUT UNTIL SPRING"


def test_a_glued_crumb_ending_with_the_headline_names_it():
    page = ("Harbour Gazette The Port Town Paper\nNews\nPorts\nWeather\nSport\n"
            "Harbour GazettePortsPier Repairs\nPier Repairs\n\n"
            f"{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Pier Repairs"


def test_crumb_tails_need_a_trail_before_them():
    assert _ends_naming("Home Reviews Strategy Through The Darkest Hours", "Through the Darkest Hours review")
    assert _ends_naming("Harbour GazettePortsPier Repairs", "Pier Repairs")
    assert not _ends_naming("Follow The Harbour", "The Harbour")               # one word before it
    assert not _ends_naming("North New Jersey", "New Jersey Harbour News")     # two words of a longer line
    assert not _ends_naming("Walls, ceilings and dry systems", "Dry systems and more")
    assert not _ends_naming("US / English  US / English", "US / English")     # one line printed twice


def test_controls_and_glued_menus_are_not_headlines():
    assert _control_line("Close this search box.") and _control_line("pause play Hide Box Show Box")
    assert not _control_line("Search for missing divers goes on") and not _control_line("Play")
    assert _glued_links("NewsPortsWeatherSportOpinion") and _glued_links("Select a country *NorwaySwedenDenmark")
    assert not _glued_links("JavaScript tips for the McDonald family") and not _glued_links("Ann LeeFebruary 8, 2023")
    page = ("Search\nClose this search box.\nNews\nPorts\nWeather\n"
            f"Harbour pier to stay shut until spring\nBy Tomas Ek\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    assert _clean(page).title == "Harbour pier to stay shut until spring"


def test_a_labelled_headline_over_its_byline_is_the_headline():
    page = (f"News\nPorts\nWeather\nVIDEO: Divers inspect the north pier\nBy Tomas Ek\n"
            f"Published February 8, 2023\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n")
    a = _clean(page)
    assert (a.title, a.published) == ("VIDEO: Divers inspect the north pier", "2023-02-08")
