"""The assembled document as plain data: what the Word adapter writes and the tests read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Run:
    tekst: str
    open: bool = False


Paragraph = tuple[Run, ...]


@dataclass(frozen=True)
class Lid:
    tekst: Paragraph
    subs: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class Artikel:
    nummer: int
    titel: str
    clause_id: str
    leden: tuple[Lid, ...]


@dataclass(frozen=True)
class Blok:
    """An unnumbered part before or after the articles (parties, recitals, closing words)."""

    titel: str
    nummering: str
    leden: tuple[Lid, ...]
    clause_id: str = ""


@dataclass(frozen=True)
class Ondertekenaar:
    partij: str
    namens: Paragraph
    plaats_datum: Paragraph


@dataclass
class Document:
    sleutel: str
    bestand: str
    titel: str
    ondertitel: str
    koptekst: str
    artikelenkop: str = ""  # a heading between the preamble and Artikel 1 ("STATUTEN" in the deed)
    preambule: list[Blok] = field(default_factory=list)
    artikelen: list[Artikel] = field(default_factory=list)
    slot: list[Blok] = field(default_factory=list)
    ondertekenaars: list[Ondertekenaar] = field(default_factory=list)
    open_punten: list[tuple[str, str]] = field(default_factory=list)
    gebruikt: list[dict[str, Any]] = field(default_factory=list)
    weggelaten: list[dict[str, Any]] = field(default_factory=list)

    def plain_text(self) -> str:
        """All text in reading order, for tests and quick inspection."""
        lines = [self.titel, self.ondertitel]
        for blok in [*self.preambule]:
            lines += [blok.titel, *_block_lines(blok)]
        if self.artikelenkop:
            lines.append(self.artikelenkop)
        for art in self.artikelen:
            lines.append(f"Artikel {art.nummer} {art.titel}")
            for lid in art.leden:
                lines += [_text(lid.tekst), *(_text(s) for s in lid.subs)]
        for blok in self.slot:
            lines += [blok.titel, *_block_lines(blok)]
        return "\n".join(lines)


def _block_lines(blok: Blok) -> list[str]:
    return [line for lid in blok.leden for line in (_text(lid.tekst), *(_text(s) for s in lid.subs))]


def _text(paragraph: Paragraph) -> str:
    return "".join(r.tekst for r in paragraph)
