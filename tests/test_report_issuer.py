"""A bulletin's or release's issuer: the institution named in its head is the page's author (clean), and the
teller of its figures that credit no one (extract reader); a newsroom's page keeps such figures unattributed.
Texts written for this test."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.clean import clean_document
from storyledger.model import RawDocument
from storyledger.words import institution_name


@pytest.mark.parametrize("line, name", [
    ("Ministry of Water and Sanitation of the Republic", "Ministry of Water and Sanitation of the Republic"),
    ("Lakeshore Relief Network", "Lakeshore Relief Network"),
    ("Cable News Network", None),                  # a newsroom
    ("Maria Lopes", None),                          # a person
    ("For Immediate Release", None),
    ("The ministry said 14 people were treated.", None),
])
def test_an_institution_name_alone(line, name):
    assert institution_name(line) == name


def _figures(text: str):
    art = clean_document(RawDocument(source="b", text=text, kind="text"))
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    return art, sorted((c.value, c.attribution.source) for c in claims if c.kind == "figure")


def test_a_bulletin_is_its_issuers():
    text = ("Cholera outbreak in the eastern districts: weekly bulletin\n\nMinistry of Water and Sanitation of the Republic\n"
            "Issued: 12 June 2024\n\nSUMMARY\n\n57 new cholera cases were notified during the week, bringing the "
            "total since January to 930.\n\n3 new deaths were reported in the eastern districts.\n\n"
            "The Red Cross said it had sent 40 volunteers to the district.\n")
    art, figs = _figures(text)
    assert art.authors == ["Ministry of Water and Sanitation of the Republic"]
    assert "Ministry of Water" not in art.body
    issuer = "Ministry of Water and Sanitation of the Republic"
    assert figs == [(3.0, issuer), (40.0, "Red Cross"), (57.0, issuer), (930.0, issuer)]


def test_a_source_label_names_a_reports_issuer_but_not_a_newsrooms():
    head = "Floods in the delta - Flash Update No. 2\n\nSource: {}\n\n"
    body = "More than 2,000 people were moved to schools in the delta towns over the weekend, officials in the " \
           "region reported on Sunday evening.\n\nAbout 300 homes were flooded in the river towns.\n"
    art = clean_document(RawDocument(source="s", text=head.format("OCHA") + body, kind="text"))
    assert art.authors == ["OCHA"]
    art = clean_document(RawDocument(source="s", text=head.format("Reuters") + body, kind="text"))
    assert art.authors == []


def test_a_news_page_and_a_release_label_have_no_issuer():
    # no report word in the head: a ministry's name over a news story is no issuer
    text = ("Floods close schools across the delta\n\nMinistry of Water and Sanitation of the Republic\n\n"
            "About 300 homes were flooded in the river towns after heavy rain, and schools were shut.\n")
    art, figs = _figures(text)
    assert art.authors == [] and figs == [(300.0, None)]
    # "FOR IMMEDIATE RELEASE" over a release's date is its kind, not its author
    art = clean_document(RawDocument(source="r", text="Wildfire grows north of the lake\n\nFOR IMMEDIATE RELEASE\n"
                                     "June 12, 2024\n\nThe fire grew overnight and crews were sent to the north "
                                     "shore of the lake, the state forestry office said.\n", kind="text"))
    assert art.authors == []
