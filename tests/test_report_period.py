"""A report's header line naming the span its figures cover (situation reports, bulletins): read as the
report's period, not as its publication date, and used as the time of figures that name none of their own
(clean.text.period_line, clean.dates.period, extract reader). Texts written for this test."""
from __future__ import annotations

import pytest

from storyledger import extract
from storyledger.clean import clean_document
from storyledger.clean.dates import period
from storyledger.clean.text import period_line
from storyledger.model import RawDocument


@pytest.mark.parametrize("line, span", [
    ("Reporting period: 3-9 June 2024", ("2024-06-03", "2024-06-09")),
    ("Reporting period: 30 May - 5 June 2024", ("2024-05-30", "2024-06-05")),
    ("Period covered: 29 December 2023 to 4 January 2024", ("2023-12-29", "2024-01-04")),
    ("Reporting period: May 30-June 5, 2024", ("2024-05-30", "2024-06-05")),
    ("Epidemiological week 23 (3-9 June 2024)", ("2024-06-03", "2024-06-09")),
    ("Data as of 12 June 2024", ("2024-06-12", "2024-06-12")),
])
def test_a_period_line_names_its_days(line, span):
    assert period_line(line) == span


def test_a_sentence_or_a_line_without_a_day_is_no_period():
    assert period_line("As of 12 June 2024, at least 40 people had died in the district and 300 were missing.") is None
    assert period_line("Reporting period: June 2024") is None
    assert period("Published 12 June 2024") == ("2024-06-12", "2024-06-12")   # a date is a day; the label decides


def test_a_report_dates_its_untimed_figures_by_its_period():
    text = ("River floods in the northern districts - Situation Report No. 4\n\nRelief Alliance\nDate: 11 June 2024\n"
            "Reporting period: 3-9 June 2024\n\nSITUATION\n\nFlooding killed 12 people and damaged 2,300 homes in "
            "the northern districts, the district disaster office said.\n\nOn 8 June, a further 4,000 people were "
            "evacuated from their villages, local officials said.\n")
    art = clean_document(RawDocument(source="r", text=text, kind="text"))
    assert (art.published, art.period.start, art.period.end) == ("2024-06-11", "2024-06-03", "2024-06-09")
    assert "Reporting period" not in art.body
    [(_, claims)] = list(extract.extract_claims([art], nlp=extract.load_nlp()))
    assert sorted((c.value, c.measure, c.as_of.start, c.as_of.end) for c in claims if c.kind == "figure") == [
        (12.0, "killed", "2024-06-03", "2024-06-09"), (2300.0, "other", "2024-06-03", "2024-06-09"),
        (4000.0, "evacuated", "2024-06-08", "2024-06-08")]
