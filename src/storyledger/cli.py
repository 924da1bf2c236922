"""Command line: a thin layer over the library (pipeline, store, report, web).

Exit codes scripts can rely on:
  0  everything read
  1  failure: nothing could be done (bad ledger file, no input found)
  2  usage error (unknown option, missing argument)
  3  partial: the job ran, but some inputs were skipped (each named on stderr)
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer
import typer.core
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyledger.printable import one_line

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_PARTIAL, EXIT_PORT = 0, 1, 2, 3, 4

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line: never wrapped
out = Console(highlight=False)

class _ReadableArgument(typer.core.TyperArgument):
    """An argument shown by its metavar alone ("FILES..."): typer writes "{PATH}..." in the usage line
    and "PATH <list[str]>" in the help."""

    def _readable(self) -> str:
        return (self.metavar or (self.name or "").upper()) + ("..." if self.nargs != 1 else "")

    def get_usage_pieces(self, ctx):  # type: ignore[no-untyped-def]
        return [self._readable() if self.required else f"[{self._readable()}]"]

    def get_help_record(self, ctx):  # type: ignore[no-untyped-def]
        record = super().get_help_record(ctx)
        return (self._readable(), record[1]) if record else None


class ReadableCommand(typer.core.TyperCommand):
    """A command whose --help names its arguments readably (every command here uses it)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for p in self.params:
            if type(p) is typer.core.TyperArgument:
                p.__class__ = _ReadableArgument  # typer builds its own arguments; only their help changes


app = typer.Typer(
    help=(
        "storyledger turns a pile of news articles about a developing story into a sourced ledger: "
        "who reported what, when, citing whom.\n\n"
        "Start with the bundled demo:\n\n"
        "  storyledger demo\n\n"
        "Then your own articles (text dumps, HTML pages, JSON Lines; files, folders or globs):\n\n"
        "  storyledger build articles/ more/*.html feed.jsonl --db story.db\n\n"
        "  storyledger show --db story.db\n\n"
        "  storyledger export --db story.db --out export/\n\n"
        "  storyledger report --db story.db --out story.html\n\n"
        "  storyledger serve --db story.db\n\n"
        "Exit codes: 0 ok, 1 failure, 2 usage error, 3 ran but skipped some inputs, "
        "4 serve: the port is already in use."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DB_OPTION = typer.Option("ledger.db", "--db", metavar="FILE|URL",
                         help="The ledger to build or add to: a SQLite file (created when missing) or a "
                              "postgresql:// URL.")
# show, export and report only read: a missing ledger file is an error, never created
READ_DB_OPTION = typer.Option("ledger.db", "--db", metavar="FILE|URL",
                              help="The ledger to read: a SQLite file made by `storyledger build`, or a "
                                   "postgresql:// URL. A missing file is an error (one line on stderr, exit "
                                   "code 1); nothing is created.")
SERVE_DB_OPTION = typer.Option("ledger.db", "--db", metavar="FILE|URL",
                               help="The ledger to serve: a SQLite file or a postgresql:// URL. A missing file "
                                    "is created empty (the app then starts with no articles, ready for uploads).")


def _fail(message: str, code: int = EXIT_FAIL) -> "typer.Exit":
    err.print(f"error: {one_line(message)}", markup=False)
    return typer.Exit(code)


def _shown(db: str) -> str:
    """The ledger as printed: a server URL without its password."""
    from storyledger.store import is_url
    if is_url(db):
        from storyledger.store.postgres import mask
        return mask(db)
    return db


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


def run_build(paths: list[str], db: str, fetched_at: Optional[str] = None, aliases: Optional[str] = None,
              engine: str = "local", address: Optional[str] = None, workers: int = 1) -> int:
    """Build (or update) a ledger; prints skips and a summary; returns the exit code."""
    from storyledger import pipeline
    from storyledger.extract import ExtractError
    from storyledger.store import StoreError

    tasks: dict[str, int] = {}

    with _progress() as bar:
        def progress(stage: str, done: int, total: Optional[int]) -> None:
            label = {"read": "reading", "extract": "extracting claims", "ledger": "joining facts"}.get(stage, stage)
            if stage not in tasks:
                tasks[stage] = bar.add_task(label, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        def on_skip(item) -> None:
            bar.console.print(f"skipped {one_line(item.reason)}", markup=False, highlight=False)

        def on_note(line: str) -> None:
            bar.console.print(f"note: {one_line(line)}", markup=False, highlight=False)

        def run():
            if engine == "ray":
                from storyledger.engine_ray import EngineError, build_ray
                try:
                    return build_ray(paths, db, address=address, workers=workers, progress=progress,
                                     on_skip=on_skip, fetched_at=fetched_at, aliases=aliases, on_note=on_note)
                except EngineError as exc:
                    raise _fail(str(exc))
            from storyledger import extract
            nlp = extract.load_nlp(aliases) if aliases else None
            return pipeline.build(paths, db, progress=progress, on_skip=on_skip, fetched_at=fetched_at,
                                  nlp=nlp, n_process=workers, on_note=on_note)

        try:
            report = _taking_turns(db, run, on_note)
        except (StoreError, ExtractError) as exc:  # e.g. the spaCy model is not installed: the user's to fix
            raise _fail(str(exc))
    out.print(one_line(f"{_shown(db)}: {report.summary}"), markup=False, soft_wrap=True)
    if report.read == 0 and not report.skipped:
        err.print(one_line("error: no input files found in " + " ".join(paths)), markup=False)
        return EXIT_FAIL
    if report.skipped:
        return EXIT_PARTIAL if report.read else EXIT_FAIL
    return EXIT_OK


# A ledger held by another program past SQLite's busy timeout: the build (resumable: what it
# committed is kept) is tried again after these pauses before it fails.
BUSY_RETRIES = (5, 15, 30, 60)


def _taking_turns(db: str, run, on_note):
    """``run()`` in the ledger's writer turn (the app's writer and this build take turns: see
    storyledger/writer_turn.py), again after a pause when another program holds the file."""
    import sqlite3

    from storyledger.store import StoreError
    from storyledger.writer_turn import writer_turn

    def busy(exc: BaseException) -> bool:
        return isinstance(exc, (StoreError, sqlite3.OperationalError)) and \
            any(w in str(exc).lower() for w in ("locked", "busy"))

    with writer_turn(db, on_wait=lambda: on_note("the app's writer is writing this ledger: waiting for its turn")):
        for pause in (*BUSY_RETRIES, None):
            try:
                return run()
            except Exception as exc:  # noqa: BLE001 - only a busy ledger is tried again
                if not busy(exc):
                    raise
                if pause is None:
                    raise StoreError(f"{_shown(db)}: the ledger stayed busy (another program is writing it): "
                                     "try again when it is done") from None
                on_note(f"the ledger is busy (another program is writing it); trying again in {pause} s")
                time.sleep(pause)


@app.command(cls=ReadableCommand)
def build(
    paths: list[str] = typer.Argument(..., metavar="FILES",
                                      help="Files, folders (read recursively) or globs such as 'pages/*.html'."),
    db: str = DB_OPTION,
    fetched_at: Optional[str] = typer.Option(
        None, "--fetched-at", metavar="YYYY-MM-DD",
        help="When the pages were saved, for inputs that do not say (text dumps): "
             "anchors relative dates such as '3 months ago'."),
    aliases: Optional[str] = typer.Option(
        None, "--aliases", metavar="FILE",
        help="Your own source names for this corpus (JSON, the shape of storyledger/data/aliases.json); "
             "its entries win over the built-in table, the text's own definitions win over both."),
    engine: str = typer.Option("local", "--engine", metavar="local|ray",
                               help="local: this process (spaCy worker processes with --workers); "
                                    "ray: ingest, clean and extract on Ray (pip install 'storyledger[ray]')."),
    address: Optional[str] = typer.Option(None, "--address", metavar="ADDR",
                                          help="With --engine ray: join this Ray cluster instead of starting one."),
    workers: Optional[int] = typer.Option(None, "--workers", metavar="N", min=1,
                                          help="Parallel workers: spaCy processes (local, default 1) "
                                               "or Ray extraction actors (ray, default 2)."),
) -> None:
    """Read articles, clean them, extract claims and join them into the ledger file.

    Re-running on the same input changes nothing; new articles are added to what is there.

    Example: storyledger build ../shared/devset/seeds/articles --db seeds.db
    """
    if fetched_at is not None:
        import datetime as dt
        try:
            fetched_at = dt.date.fromisoformat(fetched_at[:10]).isoformat() + fetched_at[10:]
        except ValueError:
            raise _fail(f"--fetched-at {fetched_at!r} is not a date like 2025-05-27", EXIT_USAGE)
    if engine not in ("local", "ray"):
        raise _fail(f"--engine {engine!r}: choose local or ray", EXIT_USAGE)
    if address and engine != "ray":
        raise _fail("--address joins a Ray cluster: use it with --engine ray", EXIT_USAGE)
    raise typer.Exit(run_build(paths, db, fetched_at, aliases, engine, address,
                               workers or (2 if engine == "ray" else 1)))


@app.command(cls=ReadableCommand)
def export(
    db: str = READ_DB_OPTION,
    out_dir: str = typer.Option(..., "--out", metavar="DIR", help="Directory for the export files."),
    csv: bool = typer.Option(True, "--csv/--no-csv", help="Also write a CSV beside each JSON Lines file."),
    figures: str = typer.Option("csv,md,wiki", "--figures", metavar="FORMATS",
                                help="The citable figures table as figures.csv, figures.md (Markdown) and/or "
                                     "figures.wiki (MediaWiki table with <ref> citations): a comma list, or 'none'."),
) -> None:
    """Write articles, claims, facts (figures), statements (quotes and statements joined across
    articles), series, disagreements and timeline as JSON Lines (and CSV), and the citable figures table.

    Example: storyledger export --db seeds.db --out export/ --figures wiki
    """
    from storyledger.store import LedgerStore, StoreError
    from storyledger.report.figures_table import FORMATS
    from storyledger.store.export import write_export

    formats = tuple(f for f in (x.strip().lower() for x in figures.split(",")) if f and f != "none")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise _fail(f"--figures: unknown format {unknown[0]!r} (use {', '.join(FORMATS)} or none)")
    try:
        with LedgerStore(db, readonly=True) as store:
            counts = write_export(store, out_dir, csv_too=csv, figures=formats)
    except StoreError as exc:
        raise _fail(str(exc))
    except OSError as exc:
        raise _fail(f"{out_dir}: cannot write ({exc.strerror or exc})")
    out.print(f"{out_dir}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), markup=False, soft_wrap=True)


@app.command(cls=ReadableCommand)
def show(
    db: str = READ_DB_OPTION,
    what: str = typer.Option("all", "--what", metavar="TABLE",
                             help="series, disagreements, timeline, facts (the figure ledger), statements "
                                  "(quotes and statements joined across articles), sources or all."),
    limit: int = typer.Option(40, "--limit", metavar="N", min=1, help="At most this many rows per table."),
) -> None:
    """Print the story's series, disagreements and timeline as terminal tables.

    Example: storyledger show --db seeds.db --what series
    """
    from storyledger.report import terminal
    from storyledger.store import LedgerStore, StoreError

    try:
        with LedgerStore(db, readonly=True) as store:
            terminal.show(store, out, what=what, limit=limit)
    except StoreError as exc:
        raise _fail(str(exc))
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE)


@app.command(cls=ReadableCommand)
def report(
    db: str = READ_DB_OPTION,
    out_file: str = typer.Option("storyledger-report.html", "--out", metavar="FILE.html", help="The HTML file to write."),
) -> None:
    """Write one self-contained HTML report (charts, timeline, ledger table) that works offline.

    Example: storyledger report --db seeds.db --out story.html
    """
    from storyledger.report import write_report
    from storyledger.store import LedgerStore, StoreError

    try:
        with LedgerStore(db, readonly=True) as store:
            path = write_report(store, out_file)
    except StoreError as exc:
        raise _fail(str(exc))
    except OSError as exc:
        raise _fail(f"{out_file}: cannot write ({exc.strerror or exc})")
    out.print(f"report written to {path}", markup=False, soft_wrap=True)


@app.command(cls=ReadableCommand)
def serve(
    db: str = SERVE_DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS", help="Address to bind; the default is this machine only. "
                             "Any other address needs --token."),
    port: int = typer.Option(8765, "--port", metavar="PORT",
                             help="Port to listen on; one already in use is an error (exit code 4)."),
    workers: int = typer.Option(1, "--workers", metavar="N", min=1,
                                help="Server processes answering on the port (one writer and one page cache "
                                     "shared by all)."),
    token: Optional[str] = typer.Option(
        None, "--token", metavar="SECRET", envvar="STORYLEDGER_TOKEN",
        help="Writes (uploads, POST /api/articles) then need 'Authorization: Bearer SECRET'. "
             "Required with a --host other than loopback. Also read from STORYLEDGER_TOKEN."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", metavar="NAME",
        help="Another Host name browsers may use (loopback names and --host are allowed already)."),
) -> None:
    """Run the local web app (ledger, charts, search, upload) on the ledger file.

    Only this origin may write: requests must name an allowed Host, writes must come from the
    app's own pages (Origin/Referer), API writes must be JSON, the upload form carries a CSRF token.

    Uploads and API posts are queued to the ledger's one writer (also with --workers), which
    takes turns with a CLI build on the same file; pages show the last complete ledger meanwhile.
    The app keeps its jobs and rendered pages in a folder beside the ledger (FILE.app).

    Exit codes: 4 when the port is already in use (one line on stderr), 1 for any other failure.

    Example: storyledger serve --db seeds.db   then open http://127.0.0.1:8765/
    """
    from storyledger.store import LedgerStore, StoreError, is_url
    from storyledger.web import PortBusy, serve as run_server

    if not is_url(db) and not Path(db).exists():
        try:
            with LedgerStore(db):
                pass   # an empty ledger: the app starts with nothing to show, ready for uploads
        except (StoreError, OSError) as exc:
            raise _fail(f"{db}: cannot create the ledger ({getattr(exc, 'strerror', None) or exc})")
        err.print(one_line(f"{db}: no such ledger file: created an empty one (upload articles in the app)"),
                  markup=False)
    try:
        run_server(db, host=host, port=port, workers=workers, token=token, hosts=tuple(allow_host))
    except PortBusy as exc:
        raise _fail(str(exc), EXIT_PORT)


def demo_corpus_dir() -> Path:
    return Path(__file__).parent / "data" / "demo"


def demo_corpus_files() -> list[str]:
    """The demo articles (the folder also holds a README that describes them)."""
    return [str(p) for p in sorted(demo_corpus_dir().iterdir()) if p.suffix in {".txt", ".html", ".jsonl"}]


@app.command(cls=ReadableCommand)
def demo(
    db: str = typer.Option("build/demo/ledger.db", "--db", metavar="FILE",
                           help="Where to build the demo ledger (created when missing)."),
    out_file: str = typer.Option("build/demo/report.html", "--out", metavar="FILE.html",
                                 help="Where to write the demo report (its export goes beside it)."),
) -> None:
    """Build the bundled demo corpus (the North Korean troop story), write its report and export.

    Example: storyledger demo
    """
    code = run_build(demo_corpus_files(), db)
    if code == EXIT_FAIL:
        raise typer.Exit(code)
    from storyledger.report import terminal, write_report
    from storyledger.store import LedgerStore
    from storyledger.store.export import write_export

    with LedgerStore(db, readonly=True) as store:
        terminal.show(store, out, what="series", limit=20)
        path = write_report(store, out_file)
        export_dir = Path(out_file).parent / "export"
        write_export(store, export_dir)
    out.print(f"\nreport: {Path(path).resolve()}", markup=False, soft_wrap=True)
    out.print(f"export: {export_dir.resolve()}", markup=False, soft_wrap=True)
    out.print(f"browse: storyledger serve --db {db}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    # Keep third-party chatter (and any model-hub lookups) off.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("STORYLEDGER_DEBUG"):
            raise
        err.print(f"error: internal error ({type(exc).__name__}: {one_line(exc)}); "
                  "run again with STORYLEDGER_DEBUG=1 for details", markup=False)
        sys.exit(EXIT_FAIL)


if __name__ == "__main__":
    main()
