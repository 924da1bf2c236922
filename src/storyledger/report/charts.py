"""Series charts as inline SVG, drawn on the server: no JS library, no network, prints well.

x is the time a figure describes (a dot for a day, a bar for an interval), y the figure.
Hedges are drawn, not just written: "up to" hangs an arrow down from a cap, "at least"
raises one, a range is a vertical bar from low to high, "about" is a hollow marker.
Every point is a ``<g data-point>`` with a ``<title>`` so it can be counted and read aloud.
"""
from __future__ import annotations

from dataclasses import dataclass

import math
from datetime import date, timedelta
from html import escape
from typing import Optional

from storyledger.wording import HEDGE_WORDS
from storyledger.model import Disagreement, Series, SeriesPoint
from storyledger.report.view import drawable_points, fmt_number, fmt_span, plot_value, point_value

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F6A00", "#3D3D3D")
SHAPES = ("circle", "square", "diamond", "triangle", "circle", "square", "diamond", "triangle")
CONFLICT = "#C0392B"

W, H = 720, 300
ML, MR, MT, MB = 64, 20, 18, 42
UNDATED_W = 56


def source_style(index: int) -> tuple[str, str]:
    return PALETTE[index % len(PALETTE)], SHAPES[index % len(SHAPES)]


def marker(shape: str, x: float, y: float, colour: str, hollow: bool, r: float = 5.0) -> str:
    fill = "#fff" if hollow else colour
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {common}/>'
    if shape == "diamond":
        d = r * 1.3
        return (f'<path d="M{x:.1f} {y - d:.1f}L{x + d:.1f} {y:.1f}L{x:.1f} {y + d:.1f}'
                f'L{x - d:.1f} {y:.1f}Z" {common}/>')
    if shape == "triangle":
        d = r * 1.25
        return (f'<path d="M{x:.1f} {y - d:.1f}L{x + d:.1f} {y + d * 0.8:.1f}'
                f'L{x - d:.1f} {y + d * 0.8:.1f}Z" {common}/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'


def _day(s: Optional[str]) -> Optional[date]:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _when(p: SeriesPoint) -> tuple[Optional[date], Optional[date]]:
    """The interval a point describes; the publication day when no as_of was found."""
    if p.as_of:
        a, b = _day(p.as_of.start), _day(p.as_of.end)
        if a or b:
            return a or b, b or a
    d = _day(p.published)
    return d, d


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(v))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * exp >= v:
            return m * exp
    return 10 * exp


def _date_ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    ticks: list[tuple[date, str]] = []
    if span > 75:
        step = 1 if span < 400 else 3 if span < 1200 else 12
        y, m = lo.year, lo.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            d = date(y, m, 1)
            if d > hi:
                break
            if (m - 1) % step == 0:
                ticks.append((d, d.strftime("%b %Y") if m == 1 or not ticks else d.strftime("%b")))
        if ticks:
            ticks[0] = (ticks[0][0], ticks[0][0].strftime("%b %Y"))
    else:
        step = max(1, span // 6)
        d = lo + timedelta(days=1)
        while d < hi:
            ticks.append((d, d.strftime("%b %d").replace(" 0", " ")))
            d += timedelta(days=step)
    return ticks


@dataclass
class _Frame:
    """Where a chart draws: the dated span (None when nothing is dated), the plot's right edge, the
    y maximum."""

    lo: Optional[date]
    hi: Optional[date]
    plot_r: float
    ymax: float
    has_undated: bool

    def sx(self, d: date) -> float:
        total = max(1, (self.hi - self.lo).days)  # type: ignore[operator]
        return ML + (self.plot_r - ML) * (d - self.lo).days / total  # type: ignore[operator]

    def sy(self, v: float) -> float:
        return MT + (H - MT - MB) * (1 - v / self.ymax)


def _frame(s: Series, pts: list[SeriesPoint], spans: list) -> _Frame:
    dated = [sp for sp in spans if sp[0]]
    has_undated = len(dated) < len(spans)
    lo = hi = None
    if dated:
        lo = min(sp[0] for sp in dated)
        hi = max(sp[1] for sp in dated)
        pad = max(3, (hi - lo).days // 20)
        if (hi - lo).days < 14:
            pad = 7
        lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    ymax = _nice_max(max([max(x for x in (p.value, p.low, p.high, plot_value(p)) if x is not None)
                          for p in pts] or [1]) * 1.08)
    if s.measure != "other":  # counts of people: whole-number ticks
        ymax = max(1, math.ceil(ymax / 5)) * 5
    return _Frame(lo, hi, W - MR - (UNDATED_W if has_undated else 0), ymax, has_undated)


def _axes(fr: _Frame) -> list[str]:
    out = ['<g class="axis y">']
    for i in range(6):
        v = fr.ymax * i / 5
        y = fr.sy(v)
        out.append(f'<line x1="{ML}" x2="{fr.plot_r}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{ML - 8}" y="{y + 4:.1f}" text-anchor="end">{fmt_number(round(v, 2))}</text>')
    out.append('</g><g class="axis x">')
    out.append(f'<line x1="{ML}" x2="{fr.plot_r}" y1="{H - MB}" y2="{H - MB}" class="base"/>')
    if fr.lo and fr.hi:
        for d, label in _date_ticks(fr.lo, fr.hi):
            x = fr.sx(d)
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{H - MB}" y2="{H - MB + 5}" class="tick"/>'
                       f'<text x="{x:.1f}" y="{H - MB + 19}" text-anchor="middle">{escape(label)}</text>')
    if fr.has_undated:
        ux = fr.plot_r + UNDATED_W / 2
        out.append(f'<rect x="{fr.plot_r + 6}" y="{MT}" width="{UNDATED_W - 8}" height="{H - MT - MB}" '
                   f'class="undated"/><text x="{ux:.1f}" y="{H - MB + 19}" text-anchor="middle">undated</text>')
    return out


def series_chart(s: Series, sources: list[str], disagreements: list[Disagreement], *,
                 chart_id: str, told: Optional[dict[str, tuple[str, str]]] = None) -> str:
    """One SVG chart for one series; ``sources`` fixes the colour order shared with the legend;
    ``told`` gives each fact's first outlet and sentence for the point's tooltip."""
    pts = drawable_points(s)
    conflicted: set[str] = set()
    for d in disagreements:
        conflicted.update(d.side_a)
        conflicted.update(d.side_b)
    spans = [_when(p) for p in pts]
    fr = _frame(s, pts, spans)
    title = escape(s.label or s.id)
    out = [f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {W} {H}" role="img" '
           f'aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d" preserveAspectRatio="xMidYMid meet">',
           f'<title id="{escape(chart_id)}-t">{title}</title>',
           f'<desc id="{escape(chart_id)}-d">{len(pts)} figure(s) from {len({p.source for p in pts})} '
           f'source(s), plotted against the time they describe.</desc>']
    out += _axes(fr)
    out.append('</g><g class="points">')
    # same day and same source: spread a little so markers do not hide each other
    seen: dict[tuple, int] = {}
    for p, (a, b) in zip(pts, spans):
        y = fr.sy(plot_value(p))
        if a:
            x0, x1 = fr.sx(a), fr.sx(b)
            xm = (x0 + x1) / 2
        else:
            x0 = x1 = xm = fr.plot_r + UNDATED_W / 2
        key = (round(xm), round(y))
        k = seen.get(key, 0)
        seen[key] = k + 1
        xm += (k % 2 * 2 - 1) * 4 * ((k + 1) // 2) if k else 0
        out.append(_point(p, (a, b), (x0, x1, xm, y), fr, sources, bool(conflicted & set(p.claims)), told))
    out.append('</g></svg>')
    return "".join(out)


def _point(p: SeriesPoint, span: tuple, at: tuple[float, float, float, float], fr: _Frame, sources: list[str],
           in_conflict: bool, told: Optional[dict[str, tuple[str, str]]]) -> str:
    """One point's marks: its time span, its hedge (range bar or arrow), its marker, its tooltip."""
    (a, b), (x0, x1, xm, y) = span, at
    idx = sources.index(p.source or "unattributed") if (p.source or "unattributed") in sources else 0
    colour, shape = source_style(idx)
    hedge = p.qualifier or "exact"
    label = (f"{p.source or 'unattributed'}: {point_value(p)}; describes "
             f"{fmt_span(a.isoformat() if a else None, b.isoformat() if b else None)}"
             + (f"; published {p.published[:10]}" if p.published else "")
             + ("; disputed" if in_conflict else ""))
    if told and p.fact in told:
        outlet, sentence = told[p.fact]
        label += (f"; carried by {outlet}" if outlet else "") + f" — “{sentence[:200]}”"
    g = [f'<g class="pt q-{escape(hedge)}{" disputed" if in_conflict else ""}" data-point="1" '
         f'data-source="{escape(p.source or "")}" data-fact="{escape(p.fact)}" tabindex="0">',
         f'<title>{escape(label)}</title>']
    if a and b and b > a:
        g.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
                 f'stroke-width="3" stroke-opacity=".55" stroke-linecap="round"/>')
    if hedge == "range" and p.low is not None and p.high is not None:
        y_lo, y_hi = fr.sy(p.low), fr.sy(p.high)
        g.append(f'<line x1="{xm:.1f}" x2="{xm:.1f}" y1="{y_hi:.1f}" y2="{y_lo:.1f}" stroke="{colour}" '
                 f'stroke-width="2"/><line x1="{xm - 5:.1f}" x2="{xm + 5:.1f}" y1="{y_hi:.1f}" '
                 f'y2="{y_hi:.1f}" stroke="{colour}" stroke-width="2"/><line x1="{xm - 5:.1f}" '
                 f'x2="{xm + 5:.1f}" y1="{y_lo:.1f}" y2="{y_lo:.1f}" stroke="{colour}" stroke-width="2"/>')
    elif hedge in ("at_most", "at_least"):
        sign = 1 if hedge == "at_most" else -1
        tip = y + sign * 26
        g.append(f'<line x1="{xm - 7:.1f}" x2="{xm + 7:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
                 f'stroke-width="2.5"/><line x1="{xm:.1f}" x2="{xm:.1f}" y1="{y:.1f}" y2="{tip:.1f}" '
                 f'stroke="{colour}" stroke-width="2"/><path d="M{xm - 4.5:.1f} {tip - sign * 6:.1f}'
                 f'L{xm:.1f} {tip:.1f}L{xm + 4.5:.1f} {tip - sign * 6:.1f}" fill="none" '
                 f'stroke="{colour}" stroke-width="2"/>')
    if in_conflict:
        g.append(f'<circle cx="{xm:.1f}" cy="{y:.1f}" r="10" fill="none" stroke="{CONFLICT}" '
                 f'stroke-width="1.5" stroke-dasharray="3 2"/>')
    g.append(marker(shape, xm, y, colour, hollow=hedge in ("approximately", "vague")))
    g.append('</g>')
    return "".join(g)


def legend_swatch(index: int, hollow: bool = False) -> str:
    colour, shape = source_style(index)
    return (f'<svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">'
            f'{marker(shape, 8, 8, colour, hollow, r=4.5)}</svg>')


def hedge_key() -> str:
    """A small key that explains the hedge glyphs once per page."""
    c = "#444"
    items = [
        ("exact", marker("circle", 10, 12, c, False)),
        (f"{HEDGE_WORDS['approximately']} (hollow)", marker("circle", 10, 12, c, True)),
        (HEDGE_WORDS["at_most"], f'<line x1="3" x2="17" y1="5" y2="5" stroke="{c}" stroke-width="2.5"/>'
                  f'<line x1="10" x2="10" y1="5" y2="21" stroke="{c}" stroke-width="2"/>'
                  f'<path d="M6 16L10 21L14 16" fill="none" stroke="{c}" stroke-width="2"/>'),
        (HEDGE_WORDS["at_least"], f'<line x1="3" x2="17" y1="19" y2="19" stroke="{c}" stroke-width="2.5"/>'
                     f'<line x1="10" x2="10" y1="19" y2="3" stroke="{c}" stroke-width="2"/>'
                     f'<path d="M6 8L10 3L14 8" fill="none" stroke="{c}" stroke-width="2"/>'),
        ("range low–high", f'<line x1="10" x2="10" y1="3" y2="21" stroke="{c}" stroke-width="2"/>'
                           f'<line x1="5" x2="15" y1="3" y2="3" stroke="{c}" stroke-width="2"/>'
                           f'<line x1="5" x2="15" y1="21" y2="21" stroke="{c}" stroke-width="2"/>'),
        ("a period, not a day", f'<line x1="1" x2="19" y1="12" y2="12" stroke="{c}" stroke-width="3" '
                                f'stroke-opacity=".55"/>' + marker("circle", 10, 12, c, False, r=3.5)),
        ("disputed", f'<circle cx="10" cy="12" r="8" fill="none" stroke="{CONFLICT}" stroke-width="1.5" '
                     f'stroke-dasharray="3 2"/>' + marker("circle", 10, 12, c, False, r=3.5)),
    ]
    return "".join(f'<span class="key-item"><svg viewBox="0 0 20 24" width="20" height="24" aria-hidden="true">'
                   f'{svg}</svg>{escape(text)}</span>' for text, svg in items)
