"""The position chart: partners by dependency against voting power, sized by share.

matplotlib is imported inside the drawing function only, so `consortium check` never loads it.
The figure is drawn without pyplot (no global figure state) and saved without metadata, so the
same analysis always gives the same bytes.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import TYPE_CHECKING, Any

from generator.analysis.positions import GEGIJZELD, KARTREKKER, KRUIMELKONING, VOLGER, Positie
from generator.analysis.report import Analyse
from generator.notation import procent

if TYPE_CHECKING:
    from matplotlib.axes import Axes

KLEUREN = {KARTREKKER: "#2e7d32", KRUIMELKONING: "#ef6c00", GEGIJZELD: "#c62828", VOLGER: "#607d8b"}
X_MIN = 1.0
TICKS = (1, 2, 5, 10, 15, 20, 50, 100)
SIZE_PER_PERCENT = 40.0


def plotted(a: Analyse) -> list[Positie]:
    """The partners the chart can place: those with a known dependency."""
    return [p for p in a.posities if p.afhankelijkheid is not None]


def _x(p: Positie) -> float:
    return max(p.afhankelijkheid or 0.0, X_MIN)


def _quadrants(ax: Axes, a: Analyse, x_max: float) -> None:
    bx, by = a.belang_drempel, a.invloed_drempel * 100
    ax.axvline(bx, color="#555555", linestyle="--", linewidth=1)
    ax.axhline(by, color="#555555", linestyle="--", linewidth=1)
    ax.axvspan(bx, x_max, ymin=0, ymax=(by + 5) / 110, color="#c62828", alpha=0.06)
    ax.axvspan(X_MIN, bx, ymin=(by + 5) / 110, ymax=1, color="#ef6c00", alpha=0.06)
    style: dict[str, Any] = {"fontsize": 11, "fontweight": "bold", "alpha": 0.75}
    ax.text(X_MIN * 1.08, 101, "kruimelkoning", ha="left", va="top", color=KLEUREN[KRUIMELKONING], **style)
    ax.text(x_max / 1.08, 101, "kartrekker", ha="right", va="top", color=KLEUREN[KARTREKKER], **style)
    ax.text(x_max / 1.08, -2, "gegijzeld", ha="right", va="bottom", color=KLEUREN[GEGIJZELD], **style)
    ax.text(X_MIN * 1.08, -2, "volger", ha="left", va="bottom", color=KLEUREN[VOLGER], **style)


def _label_levels(points: list[tuple[float, float]]) -> list[int]:
    """Stack the number labels of partners that sit (almost) on the same spot."""
    levels: list[int] = []
    for i, (x, y) in enumerate(points):
        near = [j for j in range(i) if abs(math.log10(points[j][0] / x)) < 0.06 and abs(points[j][1] - y) < 4]
        levels.append(max((levels[j] + 1 for j in near), default=0))
    return levels


def _partners(ax: Axes, a: Analyse) -> list[Any]:
    """Draw the bubbles with their number; return the legend entries, one per partner."""
    from matplotlib.lines import Line2D

    shown = plotted(a)
    levels = _label_levels([(_x(p), p.invloed * 100) for p in shown])
    handles = []
    for n, p in enumerate(a.posities, start=1):
        label = f"{n}. {textwrap.shorten(p.naam, 34, placeholder='…')} ({procent(round(p.aandeel, 1))})"
        if p not in shown:
            handles.append(Line2D([], [], linestyle="", marker="x", color="#999999",
                                  label=f"{label}: omzet onbekend, niet geplaatst"))
            continue
        x, y = _x(p), p.invloed * 100
        ax.scatter([x], [y], s=p.aandeel * SIZE_PER_PERCENT, color=KLEUREN[p.rol or VOLGER], alpha=0.55,
                   edgecolors="black", linewidths=0.8, zorder=3)
        level = levels[shown.index(p)]
        ax.annotate(str(n), (x, y), xytext=(0, 8 + (p.aandeel * SIZE_PER_PERCENT) ** 0.5 / 2 + 11 * level),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9, fontweight="bold",
                    zorder=4)
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=8, color=KLEUREN[p.rol or VOLGER],
                              alpha=0.7, label=f"{label}: {p.rol}"))
    return handles


def _axes(ax: Axes, a: Analyse, x_max: float) -> None:
    ax.set_xscale("log")
    ax.set_xlim(X_MIN, x_max)
    ax.set_ylim(-5, 105)
    ticks = [t for t in TICKS if t <= x_max]
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{t}%" for t in ticks])
    ax.minorticks_off()
    ax.set_yticks(range(0, 101, 20))
    ax.set_yticklabels([f"{t}%" for t in range(0, 101, 20)])
    ax.set_xlabel("Afhankelijkheid: opbrengst uit het consortium als % van de eigen omzet\n"
                  "(logaritmische schaal)", fontsize=9)
    ax.set_ylabel(f"Macht bij {a.invloed_besluiten} (Banzhaf)", fontsize=9)
    ax.set_title("Wie ben jij in het consortium?", fontsize=13)
    ax.grid(True, color="#dddddd", linewidth=0.5)


def draw_position_chart(analyse: Analyse) -> bytes:
    """The partners placed by dependency (x) against voting power (y), as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 6), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.08, right=0.62, top=0.92, bottom=0.12)
    x_max = max([100.0, *(_x(p) * 1.3 for p in plotted(analyse))])
    _axes(ax, analyse, x_max)
    _quadrants(ax, analyse, x_max)
    handles = _partners(ax, analyse)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False,
              title="Partners (aandeel): rol", title_fontsize=9, alignment="left")
    if not plotted(analyse):
        ax.text(10, 50, "Geen omzetgegevens: de partners zijn niet te plaatsen.", ha="center",
                va="center", fontsize=11)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    fig.clear()
    return buffer.getvalue()
