"""Figures of a table of counts (``storyledger.grids``): each number under a counting column.

A row such as "Khatlon | 1,406 | 9" under "Region | Cases | Deaths" has no verb and no noun to
read a measure from: the parser sees a list of names and numbers. The header says what each
column counts, so the numbers are read from the table's layout instead: value from the cell,
what is counted and its measure from the column's header, place from the row's label.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from spacy.tokens import Doc

from storyledger import grids
from storyledger.extract.figures import Figure, figure_data

_LINE = re.compile(r"[^\n]+")


def _tables(text: str) -> tuple[list[grids.Table], list[str], list[int]]:
    """The tables of counts in the text, with its non-empty lines and where each starts."""
    if "|" not in text and "\t" not in text:
        return [], [], []
    found = [(m.group(), m.start()) for m in _LINE.finditer(text) if m.group().strip()]
    lines = [f[0] for f in found]
    return grids.tables(lines), lines, [f[1] for f in found]


def table_rows(text: str) -> Iterator[tuple[grids.Table, grids.Row, int]]:
    """(table, row, character offset of the row's line) of every table of counts in the text."""
    found, _, starts = _tables(text)
    for t in found:
        for r in t.rows:
            yield t, r, starts[r.line]


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of a table of counts, header included: each is one sentence."""
    found, lines, starts = _tables(text)
    return [(starts[k], starts[k] + len(lines[k])) for t in found for k in t.line_indices()]


def read_tables(doc: Doc, text: str) -> None:
    """Replace the figures the sentence rules found in table rows by the cells' figures."""
    rows = list(table_rows(text))
    if not rows or doc._.figures is None:
        return
    sent_starts = [s.start for s in doc.sents]
    for table, row, at in rows:
        figs = []
        for k, (a, b) in enumerate(row.cells):
            value = grids.count(row.texts[k])
            if k == 0 or value is None or not table.measures[k]:
                continue
            span = doc.char_span(at + a, at + b, alignment_mode="expand")
            if span is None:
                continue
            figs.append(Figure(span.start, span.end, value, counted=grids.column_counted(table.header[k]),
                               measure=table.measures[k], where=table.place(row), anchor=span[-1]))
        first = doc.char_span(at + row.cells[0][0], at + row.cells[-1][1], alignment_mode="expand")
        if first is None:
            continue
        si = bisect.bisect_right(sent_starts, first.start) - 1
        doc._.figures[si] = [figure_data(f) for f in figs]
