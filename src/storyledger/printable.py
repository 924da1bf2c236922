"""Text from articles and file names made safe for one terminal line.

A file name may hold a newline, and article text may hold ANSI escape sequences (``\\x1b[8m``
hides what follows) or bidi overrides that reorder what is shown: printed raw, they forge or
hide lines. Every such character is shown as a visible escape instead.
"""
from __future__ import annotations

import re

# C0 and C1 controls (tab included), DEL, bidi embeddings/overrides/isolates, line/para separators
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def one_line(text: object) -> str:
    """``text`` with every control or reordering character shown as an escape: one safe line."""
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), str(text))


def cell(text: object) -> str:
    """As ``one_line``, but line breaks stay (a table cell may wrap over several lines)."""
    return "\n".join(one_line(part) for part in str(text).split("\n"))
