"""Tables of counts printed as text: "Region | Cases | Deaths" over "Khatlon | 1,406 | 9".

A text dump keeps a table as one line a row, its cells between "|" or tabs (a browser's innerText
gives tabs, a copy from a document gives pipes). A run of such lines is a table of counts when its
first row is a header of words, one column of which names a count of people (data/grids.json),
and the rows under it have that many cells. Clean keeps those lines (they look like a menu);
extraction reads each number under a counting column as a figure of that column's measure, its
place the row's label when the label column names places. Nothing here imports a stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from storyledger.tables import table
from storyledger.words import singular

_GRID = table("grids")
COUNT_COLUMNS: dict[str, str] = _GRID.map("count_columns")
_PLACE_COLUMNS = _GRID.set("place_columns")
_WHOLE_ROWS = _GRID.set("whole_rows")
_PERSON_COLUMNS = _GRID.set("person_columns")
_SEP = re.compile(r"\||\t+")       # (cells are stripped after: no space runs in the pattern)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_WORD = re.compile(r"[^\W\d_]+")


def cells(line: str) -> Optional[list[tuple[int, int]]]:
    """(start, end) of each cell of a table line, or None when the line has fewer than two cells.
    An outer pipe ("| a | b |") opens or closes the row, it makes no empty cell."""
    if "|" not in line and "\t" not in line.strip():
        return None
    spans, at = [], 0
    for m in _SEP.finditer(line):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(line)))
    if spans and not line[spans[0][0]:spans[0][1]].strip() and line.lstrip().startswith("|"):
        spans.pop(0)
    if spans and not line[spans[-1][0]:spans[-1][1]].strip() and line.rstrip().endswith("|"):
        spans.pop()
    spans = [_strip(line, a, b) for a, b in spans]
    return spans if len(spans) >= 2 else None


def _strip(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    return a, b


def _rule_line(line: str) -> bool:
    """ "|---|:---:|": the rule a markdown table prints under its header."""
    return "|" in line and "---" in line and not line.strip(" \t|-:")


def count(cell: str) -> Optional[float]:
    """The value of a cell that is a number alone ("1,406", "9"), else None."""
    m = _NUMBER.fullmatch(cell.strip())
    return float(m.group().replace(",", "")) if m else None


def _count_word(header: str) -> Optional[str]:
    """The header's last word that names a count of people, as the table lists it."""
    for w in reversed(_WORD.findall(header.lower())):
        for form in (w, singular(w)):
            if form in COUNT_COLUMNS:
                return form
    return None


def column_measure(header: str) -> Optional[str]:
    """The measure of the numbers under a header ("Deaths" -> killed, "Confirmed cases" -> affected)."""
    w = _count_word(header)
    return COUNT_COLUMNS[w] if w else None


def column_counted(header: str) -> str:
    """What the numbers under a counting header count: the people it names ("confirmed cases"), or
    people for a header that names their state ("Deaths", "Missing")."""
    return header.strip().lower() if _count_word(header) in _PERSON_COLUMNS else "people"


@dataclass
class Row:
    line: int                          # index of the row's line in the lines given
    cells: list[tuple[int, int]]       # (start, end) of each cell in that line
    texts: list[str]


@dataclass
class Table:
    header: list[str]
    measures: list[Optional[str]]      # per column: the measure of its numbers, None for no count
    places: bool                       # the first column's labels name places
    head_line: int
    rows: list[Row]
    rule: bool = False                 # a "|---|---|" line under the header (markdown)

    def line_indices(self) -> list[int]:
        """Its lines, in order: header, the markdown rule under it if any, rows."""
        return [self.head_line] + [self.head_line + 1] * self.rule + [r.line for r in self.rows]

    def place(self, row: Row) -> Optional[str]:
        """The place a row is about: its label, when the label column names places and the row is
        not the table's total."""
        label = row.texts[0].strip()
        if not self.places or not label or count(label) is not None or label.lower() in _WHOLE_ROWS:
            return None
        return label


def tables(lines: list[str]) -> list[Table]:
    """The tables of counts in a run of non-empty lines (blank lines already left out)."""
    out: list[Table] = []
    i = 0
    while i < len(lines):
        head = cells(lines[i])
        texts = [lines[i][a:b] for a, b in head] if head else []
        measures = [column_measure(t) if not any(ch.isdigit() for ch in t) else None for t in texts]
        if not head or any(count(t) is not None for t in texts) or not any(measures[1:]):
            i += 1
            continue
        rows: list[Row] = []
        j = i + 1
        rule = j < len(lines) and _rule_line(lines[j])
        j += rule
        while j < len(lines):
            spans = cells(lines[j])
            if not spans or len(spans) != len(head):
                break
            row_texts = [lines[j][a:b] for a, b in spans]
            if not any(count(row_texts[k]) is not None for k in range(1, len(spans)) if measures[k]):
                break
            rows.append(Row(j, spans, row_texts))
            j += 1
        if rows:
            first = _WORD.findall(texts[0].lower())
            out.append(Table(texts, measures, bool(first) and singular(first[-1]) in _PLACE_COLUMNS, i, rows, rule))
            i = j
        else:
            i += 1
    return out


def table_lines(lines: list[str]) -> set[int]:
    """Indices of the lines (header and rows) of every table of counts in ``lines``."""
    return {k for t in tables(lines) for k in t.line_indices()}
