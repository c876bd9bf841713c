"""Pillow adapter: a small drawing canvas in pixels that ends as PNG bytes.

Pillow imports in a few milliseconds where a plotting library costs more than the rest of
`generate`; the chart needs no more than lines, boxes, circles and text. Text uses the font
Pillow carries itself, so the picture is the same on every machine. Colours are '#rrggbb';
`alpha` blends a fill over what is already drawn.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size)


def _rgba(colour: str, alpha: float = 1.0) -> tuple[int, int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), round(alpha * 255)


def _on_white(colour: str, alpha: float) -> tuple[int, int, int, int]:
    red, green, blue, _ = _rgba(colour)
    return (*(round(c * alpha + 255 * (1 - alpha)) for c in (red, green, blue)), 255)  # type: ignore[return-value]


class Canvas:
    """A white picture of `width` x `height` pixels."""

    def __init__(self, width: int, height: int) -> None:
        self._image = Image.new("RGB", (width, height), "white")
        self._draw = ImageDraw.Draw(self._image, "RGBA")

    def box(self, box: Box, fill: str, alpha: float = 1.0) -> None:
        self._draw.rectangle(_ordered(box), fill=_rgba(fill, alpha))

    def frame(self, box: Box, colour: str, width: int = 1) -> None:
        self._draw.rectangle(_ordered(box), outline=_rgba(colour), width=width)

    def line(self, start: Point, end: Point, colour: str, width: int = 1, dash: int = 0) -> None:
        """A straight line; `dash` > 0 draws it in dashes (and gaps) of that many pixels."""
        if not dash:
            self._draw.line([start, end], fill=_rgba(colour), width=width)
            return
        (x0, y0), (x1, y1) = start, end
        length = max(abs(x1 - x0), abs(y1 - y0))
        steps = int(length // dash)
        for step in range(0, steps + 1, 2):
            a, b = step / steps if steps else 0.0, min((step + 1) / steps, 1.0) if steps else 1.0
            self._draw.line([(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)],
                            fill=_rgba(colour), width=width)

    def circle(self, centre: Point, radius: float, fill: str, alpha: float = 1.0, outline: str | None = None,
               width: int = 1) -> None:
        x, y = centre
        self._draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_rgba(fill, alpha),
                           outline=_rgba(outline) if outline else None, width=width)

    def cross(self, centre: Point, half: float, colour: str, width: int = 2) -> None:
        x, y = centre
        self.line((x - half, y - half), (x + half, y + half), colour, width)
        self.line((x - half, y + half), (x + half, y - half), colour, width)

    def text(self, at: Point, text: str, size: int, colour: str = "#000000", *, anchor: str = "la",
             bold: bool = False, alpha: float = 1.0) -> None:
        """Text placed by a Pillow anchor: first letter horizontal (l, m, r), second vertical
        (a top, m middle, d bottom); `bold` draws it twice, a pixel apart, as the font has no bold cut."""
        ink = _on_white(colour, alpha)  # blended once: overlapping strokes must not darken each other
        x, y = at
        for shift in (0, 1) if bold else (0,):
            self._draw.multiline_text((x + shift, y), text, font=_font(size), fill=ink, anchor=anchor,
                                      align=_ALIGN[anchor[0]])

    def upright_text(self, at: Point, text: str, size: int, colour: str = "#000000") -> None:
        """Text read from bottom to top, centred on `at` (an axis label beside a vertical axis)."""
        font = _font(size)
        left, top, right, bottom = font.getbbox(text)
        strip = Image.new("RGBA", (int(right - left) + 4, int(bottom - top) + 4), (255, 255, 255, 0))
        ImageDraw.Draw(strip).text((2 - left, 2 - top), text, font=font, fill=_rgba(colour))
        turned = strip.rotate(90, expand=True)
        x, y = at
        self._image.paste(turned, (round(x - turned.width / 2), round(y - turned.height / 2)), turned)

    def width_of(self, text: str, size: int) -> float:
        return float(_font(size).getlength(text))

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self._image.save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()


_ALIGN = {"l": "left", "m": "center", "r": "right"}


def _ordered(box: Box) -> Box:
    left, top, right, bottom = box
    return min(left, right), min(top, bottom), max(left, right), max(top, bottom)
