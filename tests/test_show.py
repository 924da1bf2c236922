"""`storyledger show`: the tables people read in a terminal, 100 columns wide."""
from __future__ import annotations

import pytest
from rich.console import Console
from typer.testing import CliRunner

from storyledger.cli import EXIT_USAGE, app
from storyledger.report.terminal import WHAT, show
from storyledger.store import LedgerStore
from test_report import make_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("show") / "l.db")


def _render(db, what: str, limit: int = 40) -> str:
    console = Console(width=100, record=True, file=open("/dev/null", "w"), color_system=None)
    with LedgerStore(db, readonly=True) as st:
        show(st, console, what=what, limit=limit)
    return console.export_text()


def test_series_table_rows(db):
    lines = _render(db, "series").splitlines()
    rows = [" ".join(l.split()) for l in lines]
    assert rows[0] == "People displaced by the flood"
    assert "Regional Emergency Office about 1,200 2025-02-24 – 2025-03-02 2025-03-02" in rows
    assert "Red Cross up to 2,000 2025-03-04 2025-03-04" in rows
    assert "Red Cross 1,000–1,800 ? ?" in rows


def test_every_view_fits_100_columns(db):
    for what in WHAT:
        text = _render(db, what)
        assert text.strip(), what
        assert max(len(l) for l in text.splitlines()) <= 100, what


def test_disagreements_timeline_sources(db):
    text = " ".join(_render(db, "all").split())
    assert "3 article(s) from 3 outlet(s), published 2025-03-02 – 2025-03-05; 6 claims, 4 facts, 1 series, 1 disagreements" in text
    assert "conflict Red Cross says up to 2,000;" in text
    assert text.index("2025-03-02 About 1,200 left home") < text.index("2025-03-04 Up to 2,000 displaced")
    assert "Regional Emergency Office 3 2 0 2025-03-02 Wire Agency" in text
    # source names with brackets or tags are printed as they are, not read as markup
    assert '<script>alert("s")</script>' in text


def test_limit_says_what_was_left_out(db):
    text = _render(db, "series", limit=2)
    assert "… 2 more points (raise --limit)" in text


def test_unknown_what_is_a_usage_error(db):
    with pytest.raises(ValueError, match="--what must be one of"):
        _render(db, "everything")
    res = CliRunner().invoke(app, ["show", "--db", str(db), "--what", "everything"])
    assert res.exit_code == EXIT_USAGE
    assert "Traceback" not in res.output


def test_cli_show_prints_tables(db):
    res = CliRunner().invoke(app, ["show", "--db", str(db), "--what", "sources"])
    assert res.exit_code == 0, res.output
    assert "Sources (3)" in res.output


def test_series_label_is_not_read_as_markup(tmp_path):
    from storyledger.model import Ledger, Series

    db = tmp_path / "l.db"
    with LedgerStore(db) as st:
        st.put_ledger(Ledger(series=[Series(id="s1", population="people", measure="wounded",
                                              label="Casualties [bold]per[/bold] [red]day")]))
    out = _render(db, "series")
    assert " ".join(out.split()).startswith("Casualties [bold]per[/bold] [red]day")
