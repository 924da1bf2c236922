"""Nothing skipped in silence: every file given is read or named with its reason."""
from __future__ import annotations

import json
import os
from pathlib import Path

from storyledger import ingest
from storyledger.model import RawDocument, SkippedInput
from storyledger.printable import one_line

TEXT = ("Ferry service resumes on the lake\n\nThe harbour office said on Tuesday that the ferry "
        "carried 240 passengers on its first crossing since the storm.\n")


def _items(*paths):
    items = list(ingest.iter_documents(paths))
    return ([Path(i.source).name for i in items if isinstance(i, RawDocument)],
            {Path(i.source).name: i.reason for i in items if isinstance(i, SkippedInput)})


def test_hidden_vcs_and_documentation_files_are_named(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    for name in ("README.md", "source.txt", "copying", ".hidden.txt"):
        (tmp_path / name).write_text(TEXT)
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "x.txt").write_text(TEXT)
    (tmp_path / ".cache").mkdir()
    read, skipped = _items(tmp_path)
    assert read == ["a.txt"]
    assert skipped == {
        ".git": f"{tmp_path / '.git'}: version-control folder; skipped",
        ".cache": f"{tmp_path / '.cache'}: hidden folder; skipped",
        ".hidden.txt": f"{tmp_path / '.hidden.txt'}: hidden file; skipped",
        "README.md": f"{tmp_path / 'README.md'}: the folder's documentation (README, LICENSE, source, copying), "
                     "not an article; skipped",
        "source.txt": f"{tmp_path / 'source.txt'}: the folder's documentation (README, LICENSE, source, copying), "
                      "not an article; skipped",
        "copying": f"{tmp_path / 'copying'}: the folder's documentation (README, LICENSE, source, copying), "
                   "not an article; skipped",
    }
    # named on the command line, a documentation-looking file is read
    assert _items(tmp_path / "README.md")[0] == ["README.md"]


def test_symlinks_out_of_the_folder_and_loops_are_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT)
    (src / "inner.txt").symlink_to(src / "a.txt")
    (src / "out.txt").symlink_to(outside)
    (src / "loop").symlink_to(src)
    read, skipped = _items(src)
    assert read == ["a.txt", "inner.txt"]
    assert skipped["out.txt"].endswith("symlink to a file outside the folder given, not followed; skipped")
    assert skipped["loop"].endswith("symlinked folder, not followed; skipped")
    read, skipped = _items(str(src) + "/**/*.txt")
    assert read == ["a.txt", "inner.txt"] and "loop" in skipped


def test_recursive_glob_matches_by_segments(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    for p in ("a.txt", "x/b.txt", "x/y/c.txt", "x/y/d.html"):
        (tmp_path / p).write_text(TEXT)
    assert _items(str(tmp_path) + "/**/*.txt")[0] == ["a.txt", "b.txt", "c.txt"]
    assert _items(str(tmp_path) + "/x/*.txt")[0] == ["b.txt"]
    assert _items(str(tmp_path) + "/*/*/*.html")[0] == ["d.html"]
    assert _items(str(tmp_path) + "/nothing*.txt")[1] == {
        "nothing*.txt": f"{tmp_path}/nothing*.txt: no file matches this pattern"}


def _record(i: int) -> str:
    return json.dumps({"text": TEXT.replace("240", str(240 + i))})


def test_cr_only_and_utf16_utf32_json_lines_are_read(tmp_path):
    (tmp_path / "cr.jsonl").write_bytes("\r".join(_record(i) for i in range(3)).encode() + b"\r")
    for enc in ("utf-16", "utf-32", "utf-16-be"):
        data = "\n".join(_record(i) for i in range(3)).encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / f"{enc}.jsonl").write_bytes(data)
    items = list(ingest.iter_documents([tmp_path]))
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 12
    up = list(ingest.iter_bytes("up.jsonl", "\n".join(_record(i) for i in range(2)).encode("utf-16")))
    assert [type(i) for i in up] == [RawDocument, RawDocument]


def test_names_and_text_are_one_safe_terminal_line():
    assert one_line("new\nline\x1b[8m hidden\u202e") == "new\\nline\\e[8m hidden\\u202e"
    assert one_line("plain ünïcode — text") == "plain ünïcode — text"


def test_a_name_with_a_newline_is_one_line_in_the_build_output(tmp_path):
    import subprocess
    import sys
    (tmp_path / "bad\nname.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "a.txt").write_text(TEXT)
    r = subprocess.run([sys.executable, "-m", "storyledger.cli", "build", str(tmp_path), "--db",
                        str(tmp_path.parent / f"{tmp_path.name}.db")], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "300"}, timeout=300)
    skipped = [ln for ln in (r.stdout + r.stderr).splitlines() if ln.startswith("skipped")]
    assert skipped == [f"skipped {tmp_path}/bad\\nname.txt: binary file (NUL bytes), not text"]


def test_the_ledger_being_written_is_named_not_read(tmp_path):
    """`storyledger build . --db story.db`: the ledger and its -wal/-shm files sit among the inputs."""
    from storyledger import pipeline
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "old.db").write_bytes(b"SQLite format 3\x00")      # another ledger: binary, not ours
    skipped: list[str] = []
    report = pipeline.build([tmp_path], tmp_path / "story.db", on_skip=lambda s: skipped.append(s.reason))
    assert f"{tmp_path / 'old.db'}: binary file (NUL bytes), not text" in skipped
    ours = [r for r in skipped if "story.db" in r]
    assert f"{tmp_path / 'story.db'}: the ledger being written; skipped" in ours
    assert all(r.endswith(": the ledger being written; skipped") for r in ours)
    assert len(skipped) == 1 + len(ours) and report.read == 1
