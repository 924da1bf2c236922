"""Ingest: paths, folders and globs -> RawDocument (or SkippedInput with a one-line reason).

Streams: files are yielded one at a time, JSON Lines are read line by line, and a
file's size is checked before any byte of it is read.
"""
from __future__ import annotations

import fnmatch
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

from charset_normalizer import from_bytes

from storyledger.model import RawDocument, SkippedInput

MAX_BYTES = 20 * 1024 * 1024          # larger files are refused unread
NOTE_PREFIX = "storyledger-note:"     # first line of our own demo files: not article text
_GLOB_CHARS = set("*?[")
_DOC_FILE = re.compile(r"^(?:readme|licen[cs]e|copying|source)(?:\.(?:md|txt|rst))?$", re.I)

Item = RawDocument | SkippedInput


class _Skip(Exception):
    """Internal: one file cannot be used; the message is the reason."""


def iter_documents(paths: Iterable[str | Path], fetched_at: Optional[str] = None,
                   ledger: Optional[str | Path] = None) -> Iterator[Item]:
    """Yield one RawDocument per article (or SkippedInput per unreadable file/line).

    ``fetched_at`` (ISO date or datetime): when the user saved these pages; it anchors "3 days
    ago" in documents that carry no fetch time of their own (a JSONL record's own wins).
    ``ledger``: the ledger file being written (it and its -wal/-shm files are named, not read).
    """
    for p in paths:
        for item in _iter_path(str(p), ledger):
            if fetched_at and isinstance(item, RawDocument) and not item.fetched_at:
                item = item.model_copy(update={"fetched_at": fetched_at})
            yield item


def _iter_path(p: str, ledger: Optional[str | Path] = None) -> Iterator[Item]:
    for f in input_files([p], ledger):
        if isinstance(f, SkippedInput):
            yield f
        else:
            yield from _iter_file(f)


def input_files(paths: Iterable[str | Path], ledger: Optional[str | Path] = None) -> Iterator[Path | SkippedInput]:
    """The files that ``iter_documents`` reads, in its order (or why a path gives none).

    Nothing is dropped in silence: hidden and version-control folders, documentation names
    (README, LICENSE, source, copying), symlinks that leave the given folder and files that are
    not regular files are each named with a reason; so is ``ledger``, the ledger file being
    written, with its SQLite companions. A file named on the command line is read whatever its
    name. A distributed engine maps over these; ``iter_documents([file])`` reads one.
    """
    own = _ledger_files(ledger)
    for f in _input_files(paths):
        if own and isinstance(f, Path) and os.path.realpath(f) in own:
            yield SkippedInput(source=str(f), reason=f"{f}: the ledger being written; skipped")
        else:
            yield f


def _ledger_files(ledger: Optional[str | Path]) -> frozenset[str]:
    """Real paths of a ledger file and the files SQLite keeps beside it."""
    if not ledger or "://" in str(ledger):
        return frozenset()
    real = os.path.realpath(ledger)
    return frozenset(real + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _input_files(paths: Iterable[str | Path]) -> Iterator[Path | SkippedInput]:
    for p in map(str, paths):
        path = Path(p)
        if not path.exists() and not path.is_symlink() and any(c in p for c in _GLOB_CHARS):
            # the shell did not expand it (quoted, or Windows): expand it ourselves
            yield from _glob(p)
        elif path.is_symlink() and not path.exists():
            yield SkippedInput(source=p, reason=f"{p}: broken symlink; skipped")
        elif not path.exists():
            yield SkippedInput(source=p, reason=f"{p}: no such file or directory")
        elif path.is_dir():
            yield from _walk(path, p)
        else:
            yield path


MAX_MATCHES = 200_000                  # a pattern or folder with more files is cut here, with a message
_VCS_DIRS = {".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj"}


def _walk(root: Path, shown: str, pattern: Optional[list[str]] = None) -> Iterator[Path | SkippedInput]:
    """Files under ``root`` in path order; symlinked folders are never entered (no loops), a
    symlinked file is read only when it points inside ``root``. ``pattern``: glob segments the
    path below ``root`` must match."""
    real_root = os.path.realpath(root)
    files: list[Path] = []

    def skip(path: Path, why: str) -> SkippedInput:
        return SkippedInput(source=str(path), reason=f"{path}: {why}; skipped")

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            full = here / name
            if full.is_symlink():
                yield skip(full, "symlinked folder, not followed")
            elif name in _VCS_DIRS:
                yield skip(full, "version-control folder")
            elif name.startswith("."):
                yield skip(full, "hidden folder")
            else:
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            full = here / name
            if pattern is not None and not _matches(full.relative_to(root).parts, pattern):
                continue
            why = _unreadable(full, name, real_root)
            if why:
                yield skip(full, why)
            elif len(files) >= MAX_MATCHES:
                yield SkippedInput(source=shown, reason=f"{shown}: over {MAX_MATCHES:,} files; the rest skipped")
                return
            else:
                files.append(full)
    if not files:
        yield SkippedInput(source=shown, reason=f"{shown}: directory has no readable files")
    yield from sorted(files)


def _unreadable(full: Path, name: str, real_root: str) -> Optional[str]:
    """Why a file found in a folder is not read (None: it is read)."""
    if full.is_symlink():
        target = os.path.realpath(full)
        if os.path.commonpath([real_root, target]) != real_root:
            return "symlink to a file outside the folder given, not followed"
    if name.startswith("."):
        return "hidden file"
    if _DOC_FILE.match(name):
        return "the folder's documentation (README, LICENSE, source, copying), not an article"
    if not full.is_file():
        return "not a regular file (device, socket, pipe or broken link)"
    return None


def _glob(p: str) -> Iterator[Path | SkippedInput]:
    """Expand a pattern by walking its fixed leading folder: ``**`` never follows a symlink loop."""
    parts = Path(p).parts
    fixed = next((i for i, part in enumerate(parts) if any(c in part for c in _GLOB_CHARS)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    if not root.is_dir():
        yield SkippedInput(source=p, reason=f"{p}: no file matches this pattern")
        return
    found = False
    for item in _walk(root, p, pattern=list(parts[fixed:])):
        if isinstance(item, SkippedInput) and item.reason.endswith("directory has no readable files"):
            if not found:
                yield SkippedInput(source=p, reason=f"{p}: no file matches this pattern")
            continue
        found = found or isinstance(item, Path)
        yield item


def _matches(parts: tuple[str, ...], pattern: list[str]) -> bool:
    """Glob segments against path parts; ``**`` stands for any number of folders."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _matches(parts[1:], pattern[1:])


def _iter_file(path: Path) -> Iterator[Item]:
    src = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Skip(f"file is {size / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
        if size == 0:
            raise _Skip("empty file")
        with open(path, "rb") as fh:
            head = fh.read(2)
        if head == b"\x1f\x8b":
            yield from _iter_gzip(path)
            return
        wide = _wide_encoding(path)
        if wide:     # UTF-16/32: lines cannot be split as bytes; the file is small enough to decode whole
            yield from _iter_decoded(src, path.read_bytes(), wide, path.suffix.lower())
            return
        if _looks_jsonl(path):
            yield from _iter_jsonl_lines(path, _open_text_lines(path))
            return
        data = path.read_bytes()
        text, enc = decode_bytes(data)
        yield _text_document(src, text, enc, path.suffix.lower())
    except _Skip as exc:
        yield SkippedInput(source=src, reason=f"{src}: {exc}")
    except OSError as exc:
        yield SkippedInput(source=src, reason=f"{src}: cannot read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - one file's failure; what it yielded before is kept
        yield SkippedInput(source=src, reason=f"{src}: could not read ({brief(exc)}); rest of file skipped")


def iter_bytes(source: str, data: bytes, fetched_at: Optional[str] = None) -> Iterator[Item]:
    """Documents from bytes already in memory (a web upload), by the same rules as a file.

    ``source`` names the input (its suffix helps tell the kind, as for a file on disk).
    """
    suffix = Path(source).suffix.lower()
    try:
        if len(data) > MAX_BYTES:
            raise _Skip(f"{len(data) / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
        if not data.strip():
            raise _Skip("empty file")
        wide = _wide_encoding(data[:4])
        if wide:
            items: Iterable[Item] = _iter_decoded(source, data, wide, suffix)
        elif suffix == ".json" or _jsonl_head(data, suffix):
            lines = (decode_bytes(b)[0] if b.strip() else "" for b in data.splitlines(keepends=True))
            items = _iter_jsonl_lines(Path(source), lines)
        else:
            text, enc = decode_bytes(data)
            items = [_text_document(source, text, enc, suffix)]
        for item in items:
            if fetched_at and isinstance(item, RawDocument) and not item.fetched_at:
                item = item.model_copy(update={"fetched_at": fetched_at})
            yield item
    except _Skip as exc:
        yield SkippedInput(source=source, reason=f"{source}: {exc}")
    except Exception as exc:  # noqa: BLE001 - as for a file: named, never a traceback
        yield SkippedInput(source=source, reason=f"{source}: could not read ({brief(exc)})")


def _iter_gzip(path: Path) -> Iterator[Item]:
    src = str(path)
    inner_suffix = Path(path.stem).suffix.lower()
    try:
        # decompress at most MAX_BYTES + 1 so that a gzip bomb is refused, not loaded
        with gzip.open(path, "rb") as fh:
            if inner_suffix in (".jsonl", ".ndjson") or _gzip_head_is_json(path):
                yield from _iter_jsonl_lines(path, _capped_lines(fh))
                return
            data = fh.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise _Skip(f"truncated or invalid gzip ({exc})") from None
    if len(data) > MAX_BYTES:
        raise _Skip(f"decompresses to over {MAX_BYTES // 1048576} MB")
    if not data:
        raise _Skip("empty file (after gunzip)")
    text, enc = decode_bytes(data)
    yield _text_document(src, text, enc, inner_suffix)


def _capped_lines(fh) -> Iterator[str]:
    """Decompressed lines, never more than MAX_BYTES in all: one endless line is not read into memory."""
    total = 0
    while True:
        raw = fh.readline(MAX_BYTES + 1 - total)
        if not raw:
            return
        total += len(raw)
        if total > MAX_BYTES:
            raise _Skip(f"decompresses to over {MAX_BYTES // 1048576} MB; the rest is skipped")
        yield decode_bytes(raw)[0] if raw.strip() else ""


def _gzip_head_is_json(path: Path) -> bool:
    with gzip.open(path, "rb") as fh:
        head = fh.read(512)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _looks_jsonl(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.readline(MAX_BYTES)
        while not head.strip() and len(head) < 4096:
            more = fh.readline(4096)
            if not more:
                break
            head += more
    return _jsonl_head(head, path.suffix.lower())


def _jsonl_head(data: bytes, suffix: str) -> bool:
    """Whether a file starting with ``data`` is JSON Lines (or a JSON array of records): by its
    suffix, else by a first line that is a JSON object; a text that merely opens with "{" or "["
    is text (the same rule for files on disk and bytes uploaded)."""
    if suffix in (".jsonl", ".ndjson"):
        return True
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    ends = [i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0]
    first = head[:min(ends)] if ends else head
    if first[:1] == b"[":
        # "[Exclusive] Headline" is text; a JSON array opens with a record or closes at once
        return first[1:].lstrip()[:1] in (b"{", b"]", b"")
    if first[:1] == b"{":
        try:
            return isinstance(json.loads(first), dict)
        except (ValueError, RecursionError):
            return suffix == ".json"
    return False


def _open_text_lines(path: Path) -> Iterator[str]:
    with open(path, "rb") as fh:
        for raw in fh:
            # CR-only line ends (old Mac exports): a raw CR cannot occur inside a JSON string
            for part in raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").splitlines():
                yield decode_bytes(part)[0] if part.strip() else ""


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _wide_encoding(path_or_head) -> Optional[str]:
    """'utf-16' or 'utf-32' when the bytes open with that byte-order mark."""
    head = path_or_head if isinstance(path_or_head, bytes) else path_or_head.open("rb").read(4)
    return next((enc for bom, enc in _WIDE_BOMS if head.startswith(bom)), None)


def _iter_decoded(src: str, data: bytes, enc: str, suffix: str) -> Iterator[Item]:
    """A UTF-16/32 file: JSON Lines when it reads as such, else one text document."""
    try:
        text = data.decode(enc).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise _Skip(f"not valid {enc.upper()} text") from None
    if suffix in (".jsonl", ".ndjson", ".json") or text.lstrip()[:1] in ("{", "["):
        yield from _iter_jsonl_lines(Path(src), re.split(r"\r\n|\r|\n", text))
        return
    yield _text_document(src, text.replace("\r\n", "\n").replace("\r", "\n"), enc, suffix)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes -> text: utf-8 when valid, else charset-normalizer's guess. BOM stripped, newlines \\n."""
    if b"\x00" in data[:8192] and not (data[:2] in (b"\xff\xfe", b"\xfe\xff")):
        raise _Skip("binary file (NUL bytes), not text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise _Skip("undecodable bytes: no text encoding fits") from None
        text, enc = str(best), best.encoding
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > 0.05:
        raise _Skip("binary file (control bytes), not text")
    return text, enc


def _control_share(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


_CONTROL = re.compile(r"[\x00-\x08\r\x0e-\x1f]")     # below 32, but for \t \n \v \f


def _text_document(src: str, text: str, enc: str, suffix: str) -> RawDocument:
    if text.startswith(NOTE_PREFIX):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if not text.strip():
        raise _Skip("empty file (no text)")
    kind = "html" if suffix in (".html", ".htm", ".xhtml") or _looks_html(text) else "text"
    if kind == "html":
        return RawDocument(source=src, kind="html", html=text, encoding=enc)
    return RawDocument(source=src, kind="text", text=text, encoding=enc)


def _looks_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head) \
        or ("<html" in text[:8192].lower())


def _iter_jsonl_lines(path: Path, lines: Iterable[str]) -> Iterator[Item]:
    """One RawDocument per JSON line; a ``[...]`` file of records is accepted too."""
    src = str(path)
    it = iter(lines)
    first_nonblank: Optional[tuple[int, str]] = None
    n = 0
    for line in it:
        n += 1
        if line.strip():
            first_nonblank = (n, line)
            break
    if first_nonblank is None:
        raise _Skip("empty file")
    n0, line0 = first_nonblank
    if line0.lstrip("\ufeff \t").startswith("["):
        # a JSON array: small enough (size-checked) to parse whole
        whole = line0 + "".join(it)
        try:
            records = json.loads(whole.lstrip("\ufeff"))
        except json.JSONDecodeError as exc:
            raise _Skip(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise _Skip(_TOO_DEEP) from None
        if not isinstance(records, list):
            raise _Skip("not a JSON array of records")
        for i, rec in enumerate(records, 1):
            yield _record(f"{src}#{i}", rec)
        return
    yield _jsonl_line(src, n0, line0.lstrip("\ufeff"))
    for line in it:
        n += 1
        if line.strip():
            yield _jsonl_line(src, n, line)


def _jsonl_line(src: str, n: int, line: str) -> Item:
    where = f"{src}#L{n}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return SkippedInput(source=where, reason=f"{src} line {n}: malformed JSON ({exc.msg}); line skipped")
    except RecursionError:
        return SkippedInput(source=where, reason=f"{src} line {n}: {_TOO_DEEP}; line skipped")
    except ValueError as exc:   # e.g. an integer of more than 4,300 digits
        return SkippedInput(source=where, reason=f"{src} line {n}: unreadable JSON ({brief(exc)}); line skipped")
    return _record(where, rec, line_no=n, file=src)


_TOO_DEEP = "JSON nested too deeply to read"


def _record(where: str, rec: object, line_no: Optional[int] = None, file: Optional[str] = None) -> Item:
    label = f"{file} line {line_no}" if file else where
    try:
        return _make_record(where, label, rec)
    except RecursionError:     # str() of a field nested just under the parser's limit
        return SkippedInput(source=where, reason=f"{label}: {_TOO_DEEP}; skipped")
    except Exception as exc:   # noqa: BLE001 - whatever one record raises is that record's failure
        return SkippedInput(source=where, reason=f"{label}: unusable record ({brief(exc)}); skipped")


def brief(exc: BaseException) -> str:
    """An exception as one short line: its type and the first words of its message."""
    msg = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _make_record(where: str, label: str, rec: object) -> Item:
    if not isinstance(rec, dict):
        return SkippedInput(source=where, reason=f"{label}: not a JSON object; skipped")
    text, html = rec.get("text"), rec.get("html")
    text = text if isinstance(text, str) and text.strip() else None
    html = html if isinstance(html, str) and html.strip() else None
    if text is None and html is None:
        return SkippedInput(source=where, reason=f"{label}: record has neither 'text' nor 'html'; skipped")

    def s(key: str) -> Optional[str]:
        v = rec.get(key)
        return str(v) if v not in (None, "") else None

    if text is not None:
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith(NOTE_PREFIX):
            text = text.split("\n", 1)[1] if "\n" in text else ""
    return RawDocument(source=where, kind="jsonl", text=text, html=html if text is None else html,
                       url=s("url"), title=s("title"), published=s("published"),
                       fetched_at=s("fetched_at"), encoding="utf-8")
