"""Charts of counts label their y-axis in whole numbers (issue 10 item 5), from 2 captured to 12,000 sent."""
from __future__ import annotations

import re

import pytest

from storyledger.model import Series, SeriesPoint, TimeSpan
from storyledger.report.charts import series_chart


def _labels(values: list[float], measure: str) -> list[str]:
    pts = [SeriesPoint(fact=f"f{n}", source="Agency A", value=v, qualifier="exact",
                       as_of=TimeSpan(start=f"2024-10-{n + 1:02d}", end=f"2024-10-{n + 1:02d}", basis="clause"))
           for n, v in enumerate(values)]
    s = Series(id="s-1", label="People — counted", population="People", measure=measure, points=pts)
    svg = series_chart(s, ["Agency A"], [], chart_id="c1")
    axis = svg.split('<g class="axis y">')[1].split("</g>")[0]
    return re.findall(r">([^<]+)</text>", axis)


@pytest.mark.parametrize("values", [[2], [1, 3], [7], [30, 4700], [3000, 12000], [1500, 1000, 2700]])
def test_count_axes_are_whole_numbers(values):
    labels = _labels(values, "killed")
    assert len(labels) == 6 and labels[0] == "0"
    for text in labels:
        assert re.fullmatch(r"\d{1,3}(,\d{3})*", text), labels   # no "0.5", no "2.4"
    top = int(labels[-1].replace(",", ""))
    assert top >= max(values)
