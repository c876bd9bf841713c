"""The position chart: partners by dependency against voting power, sized by share.

Laid out here in points, as for an 11 x 6 inch figure, and drawn through the
picture adapter (Pillow): a plotting library's import alone would cost more than all of `generate`.
The same analysis always gives the same bytes.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from generator.adapters.picture import Canvas
from generator.analysis.positions import GEGIJZELD, KARTREKKER, KRUIMELKONING, VOLGER, Positie
from generator.analysis.report import Analyse
from generator.notation import procent

KLEUREN = {KARTREKKER: "#2e7d32", KRUIMELKONING: "#ef6c00", GEGIJZELD: "#c62828", VOLGER: "#607d8b"}
X_MIN = 1.0
TICKS = (1, 2, 5, 10, 15, 20, 50, 100)
SIZE_PER_PERCENT = 40.0  # bubble area in square points per percent of the lump sum
Y_MIN, Y_MAX = -5.0, 105.0

DPI = 120  # 11 x 6 inches: 1320 x 720 pixels, about 210 per inch across the page's 16 cm
WIDTH, HEIGHT = 11 * DPI, 6 * DPI
PX_PER_POINT = DPI / 72
PLOT = (0.08 * WIDTH, 0.08 * HEIGHT, 0.62 * WIDTH, 0.88 * HEIGHT)  # left, top, right, bottom
GREY, GRID, INK = "#555555", "#dddddd", "#000000"


def plotted(a: Analyse) -> list[Positie]:
    """The partners the chart can place: those with a known dependency."""
    return [p for p in a.posities if p.afhankelijkheid is not None]


def _x(p: Positie) -> float:
    return max(p.afhankelijkheid or 0.0, X_MIN)


def _pt(size: float) -> int:
    """A font size in points as pixels."""
    return round(size * PX_PER_POINT)


def _px(points: float) -> float:
    """A distance in points as pixels."""
    return points * PX_PER_POINT


@dataclass(frozen=True)
class Scale:
    """Data to pixels: dependency on a log scale from X_MIN to `x_max`, power from Y_MIN to Y_MAX."""

    x_max: float

    def x(self, value: float) -> float:
        left, _, right, _ = PLOT
        return left + (right - left) * math.log10(value / X_MIN) / math.log10(self.x_max / X_MIN)

    def y(self, value: float) -> float:
        _, top, _, bottom = PLOT
        return bottom - (bottom - top) * (value - Y_MIN) / (Y_MAX - Y_MIN)


def _quadrants(canvas: Canvas, a: Analyse, s: Scale) -> None:
    bx, by = a.belang_drempel, a.invloed_drempel * 100
    canvas.box((s.x(bx), s.y(by), s.x(s.x_max), s.y(Y_MIN)), KLEUREN[GEGIJZELD], alpha=0.06)
    canvas.box((s.x(X_MIN), s.y(Y_MAX), s.x(bx), s.y(by)), KLEUREN[KRUIMELKONING], alpha=0.06)
    left, top, right, bottom = PLOT
    canvas.line((s.x(bx), top), (s.x(bx), bottom), GREY, width=2, dash=10)
    canvas.line((left, s.y(by)), (right, s.y(by)), GREY, width=2, dash=10)
    inset = 0.03 * (right - left)
    for role, (x, anchor), y in ((KRUIMELKONING, (left + inset, "la"), s.y(101)),
                                 (KARTREKKER, (right - inset, "ra"), s.y(101)),
                                 (GEGIJZELD, (right - inset, "rd"), s.y(-2)),
                                 (VOLGER, (left + inset, "ld"), s.y(-2))):
        canvas.text((x, y), role, _pt(11), KLEUREN[role], anchor=anchor, bold=True, alpha=0.75)


def _axes(canvas: Canvas, a: Analyse, s: Scale) -> None:
    left, top, right, bottom = PLOT
    tick = 3.5 * PX_PER_POINT
    for t in [t for t in TICKS if t <= s.x_max]:
        canvas.line((s.x(t), top), (s.x(t), bottom), GRID)
        canvas.line((s.x(t), bottom), (s.x(t), bottom + tick), INK, width=2)
        canvas.text((s.x(t), bottom + tick + _px(2)), f"{t}%", _pt(10), anchor="ma")
    for t in range(0, 101, 20):
        canvas.line((left, s.y(t)), (right, s.y(t)), GRID)
        canvas.line((left - tick, s.y(t)), (left, s.y(t)), INK, width=2)
        canvas.text((left - tick - _px(3), s.y(t)), f"{t}%", _pt(10), anchor="rm")
    canvas.text(((left + right) / 2, bottom + tick + _pt(10) + _px(7)),
                "Afhankelijkheid: opbrengst uit het consortium als % van de eigen omzet\n(logaritmische schaal)",
                _pt(9), anchor="ma")
    canvas.upright_text((left - 0.055 * WIDTH, (top + bottom) / 2), f"Macht bij {a.invloed_besluiten} (Banzhaf)",
                        _pt(9))
    canvas.text(((left + right) / 2, top - _px(6)), "Wie ben jij in het consortium?", _pt(13), anchor="md")


def _label_levels(points: list[tuple[float, float]]) -> list[int]:
    """Stack the number labels of partners that sit (almost) on the same spot."""
    levels: list[int] = []
    for i, (x, y) in enumerate(points):
        near = [j for j in range(i) if abs(math.log10(points[j][0] / x)) < 0.06 and abs(points[j][1] - y) < 4]
        levels.append(max((levels[j] + 1 for j in near), default=0))
    return levels


def _radius(p: Positie) -> float:
    """The bubble's radius in pixels: its area in square points grows with the partner's share."""
    return math.sqrt(p.aandeel * SIZE_PER_PERCENT / math.pi) * PX_PER_POINT


def _bubbles(canvas: Canvas, a: Analyse, s: Scale) -> None:
    shown = plotted(a)
    levels = _label_levels([(_x(p), p.invloed * 100) for p in shown])
    for n, p in enumerate(a.posities, start=1):
        if p not in shown:
            continue
        x, y = s.x(_x(p)), s.y(p.invloed * 100)
        canvas.circle((x, y), _radius(p), KLEUREN[p.rol or VOLGER], alpha=0.55, outline=INK, width=2)
        lift = (8 + math.sqrt(p.aandeel * SIZE_PER_PERCENT) / 2 + 11 * levels[shown.index(p)]) * PX_PER_POINT
        canvas.text((x, y - lift), str(n), _pt(9), anchor="md", bold=True)


def _legend(canvas: Canvas, a: Analyse) -> None:
    """One line per partner, numbered as in the chart, beside the plot."""
    x, y = PLOT[2] + 0.02 * (PLOT[2] - PLOT[0]), PLOT[1] + _px(7)
    canvas.text((x, y), "Partners (aandeel): rol", _pt(9), anchor="la")
    y += _pt(9) * 1.9
    shown = plotted(a)
    for n, p in enumerate(a.posities, start=1):
        label = f"{n}. {textwrap.shorten(p.naam, 34, placeholder='…')} ({procent(round(p.aandeel, 1))})"
        mark = (x + _px(6), y + _pt(8) / 2 + _px(1))
        if p in shown:
            canvas.circle(mark, 4 * PX_PER_POINT, KLEUREN[p.rol or VOLGER], alpha=0.7)
            label += f": {p.rol}"
        else:
            canvas.cross(mark, 3 * PX_PER_POINT, "#999999")
            label += ":\nomzet onbekend, niet geplaatst"
        canvas.text((x + _px(19), y), label, _pt(8), anchor="la")
        y += _pt(8) * (1.6 + 1.2 * label.count("\n"))


def draw_position_chart(analyse: Analyse) -> bytes:
    """The partners placed by dependency (x) against voting power (y), as PNG bytes."""
    canvas = Canvas(WIDTH, HEIGHT)
    scale = Scale(max([100.0, *(_x(p) * 1.3 for p in plotted(analyse))]))
    _quadrants(canvas, analyse, scale)
    _axes(canvas, analyse, scale)
    canvas.frame(PLOT, INK, width=2)
    _bubbles(canvas, analyse, scale)
    _legend(canvas, analyse)
    if not plotted(analyse):
        canvas.text((scale.x(10), scale.y(50)), "Geen omzetgegevens: de partners zijn niet te plaatsen.", _pt(11),
                    anchor="mm")
    return canvas.png()
