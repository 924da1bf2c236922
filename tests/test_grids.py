"""Tables of counts printed as text: kept by clean, read cell by cell by extraction."""
from storyledger import grids
from storyledger.clean.text import parse_text
import storyledger.extract as extract

PIPES = """Hill fever: weekly update

The regional health office gave its weekly figures on Tuesday as the fever spread to two more valleys.

District | Cases | Deaths
Northland | 1,250 | 12
Riverside | 730 | 4
Total | 1,980 | 16

Clinics in both valleys will stay open through the weekend, the office said in its statement.
"""

MARKDOWN = """Rescue teams reached the last cut-off villages on Wednesday, the disaster agency said.

| Province | Deaths | Missing |

|---|---|---|

| Eastmoor | 34 | 11 |

| Lakeshire | 19 | 6 |
"""

STANDINGS = "Driver\tPoints\tWins\nAnn Vale\t1,204\t3\nBo Kent\t1,180\t2\n"


def _figures(text):
    return [(c.number_text, c.measure, c.counted, c.where) for c in extract(text, "2025-03-04") if c.kind == "figure"]


def test_header_names_what_each_column_counts():
    [t] = grids.tables([line for line in PIPES.splitlines() if line.strip()])
    assert t.header == ["District", "Cases", "Deaths"]
    assert t.measures == [None, "affected", "killed"]
    assert [r.texts for r in t.rows] == [["Northland", "1,250", "12"], ["Riverside", "730", "4"],
                                        ["Total", "1,980", "16"]]
    assert grids.cells("| a | 1 |") == [(2, 3), (6, 7)]


def test_a_table_of_other_numbers_is_no_table_of_counts():
    assert grids.tables(STANDINGS.splitlines()) == []
    assert grids.tables(["Home | World | Sport | Weather", "News | 24 | Live"]) == []


def test_clean_keeps_the_rows_a_menu_rule_would_drop():
    body = parse_text(PIPES).paragraphs
    assert body[1:5] == ["District | Cases | Deaths", "Northland | 1,250 | 12", "Riverside | 730 | 4", "Total | 1,980 | 16"]


def test_each_count_cell_is_a_figure_of_its_column():
    assert _figures(PIPES.split("\n\n", 2)[2]) == [
        ("1,250", "affected", "cases", "Northland"), ("12", "killed", "people", "Northland"),
        ("730", "affected", "cases", "Riverside"), ("4", "killed", "people", "Riverside"),
        ("1,980", "affected", "cases", None), ("16", "killed", "people", None)]


def test_markdown_table_from_an_html_page():
    # trafilatura writes an HTML table as markdown rows, with a rule under the header
    assert _figures(MARKDOWN) == [("34", "killed", "people", "Eastmoor"), ("11", "missing", "people", "Eastmoor"),
                                  ("19", "killed", "people", "Lakeshire"), ("6", "missing", "people", "Lakeshire")]
