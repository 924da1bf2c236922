"""The library API mirrors the CLI: storyledger.build / open / extract (texts written for this test)."""
import storyledger

STORM = ("Storm floods valley towns\n\nMARCH 4 -- At least 40 people were evacuated from the valley on Monday, "
         "the regional civil protection agency said.\n\nRescuers said the river had fallen by Tuesday.\n")


def test_extract_one_text():
    claims = storyledger.extract("At least 40 people were evacuated on Monday, the coast guard said.",
                                 published="2024-03-15")
    [fig] = [c for c in claims if c.kind == "figure"]
    assert (fig.value, fig.qualifier, fig.measure, fig.attribution.source, fig.as_of.start) == (
        40, "at_least", "evacuated", "coast guard", "2024-03-11")


def test_build_then_open(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "storm.txt").write_text(STORM, "utf-8")
    db = tmp_path / "story.db"
    report = storyledger.build(tmp_path / "in", db, fetched_at="2024-03-06")
    assert (report.read, report.new, report.skipped) == (1, 1, [])
    again = storyledger.build([tmp_path / "in"], db)
    assert (again.read, again.new, again.unchanged) == (1, 0, 1)
    view = storyledger.open(db)
    assert [a.title for a in view.articles] == ["Storm floods valley towns"]
    assert [(c.value, c.measure) for c in view.claims if c.kind == "figure"] == [(40, "evacuated")]
    assert [f.value for f in view.ledger.facts if f.measure == "evacuated"] == [40]
