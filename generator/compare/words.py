"""Word-by-word difference of two paragraphs, so that a changed percentage is a small revision. Pure."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from generator.comparison import Change, Piece
from generator.document import Paragraph

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
Token = tuple[str, bool]  # (text, open point)


def tokens(runs: Paragraph) -> list[Token]:
    return [(t, run.open) for run in runs for t in _TOKEN.findall(run.tekst)]


def similarity(old: Paragraph, new: Paragraph) -> float:
    """0..1: how much of the two paragraphs' words they share (spaces do not count)."""
    a = [t for t in tokens(old) if not t[0].isspace()]
    b = [t for t in tokens(new) if not t[0].isspace()]
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def diff(old: Paragraph, new: Paragraph) -> tuple[Piece, ...]:
    """NIEUW's text with OUD's words that went marked deleted and the new ones marked inserted."""
    a, b = tokens(old), tokens(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            pieces += [Piece(t, "same", o) for t, o in b[j1:j2]]
            continue
        pieces += [Piece(t, "deleted", o) for t, o in a[i1:i2]]
        pieces += [Piece(t, "inserted", o) for t, o in b[j1:j2]]
    return merge(pieces)


def whole(runs: Paragraph, change: Change) -> tuple[Piece, ...]:
    return merge([Piece(r.tekst, change, r.open) for r in runs if r.tekst])


def _opcodes(a: list[Token], b: list[Token]) -> list[tuple[str, int, int, int, int]]:
    """Difflib's opcodes, with a lone space between two changes folded into them: "50 % of 3"
    to "60 % of 4" stays two small changes, but "A B C" to "X Y Z" is one, not three."""
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    result: list[list[Any]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        between = 0 < index < len(codes) - 1
        if tag == "equal" and between and all(t.isspace() for t, _ in a[i1:i2]):
            tag = "replace"
        if result and tag != "equal" and result[-1][0] != "equal":
            result[-1] = ["replace", result[-1][1], i2, result[-1][3], j2]
        else:
            result.append([tag, i1, i2, j1, j2])
    return [tuple(code) for code in result]


def merge(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent pieces with the same change and marking become one."""
    result: list[Piece] = []
    for piece in pieces:
        if result and (result[-1].change, result[-1].open) == (piece.change, piece.open):
            result[-1] = Piece(result[-1].tekst + piece.tekst, piece.change, piece.open)
        else:
            result.append(piece)
    return tuple(result)
