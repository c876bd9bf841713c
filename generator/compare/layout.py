"""An assembled Document as the sequence of parts and styled paragraphs the reader sees. Pure.

This mirrors the house-style master (templates/build_master.py) paragraph for paragraph, so that
accepting every revision of a comparison gives exactly the document `generate` writes; the tests
check that against `generate`'s own output.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.comparison import PartKind
from generator.document import Artikel, Blok, Document, Lid, Ondertekenaar, Paragraph, Run

BLOCK_STYLES = {"cijfer": "Partij", "letter": "Overweging", "geen": "Tekst"}
SIGNATURE_HEADING = "Ondertekening"
# The fixed words of one signature cell, as in the master's signature table.
NAMENS, PLAATS_DATUM = "namens deze: ", "Plaats en datum: "
HANDTEKENING = "handtekening: ______________________________"


@dataclass(frozen=True)
class Styled:
    stijl: str
    runs: Paragraph
    vet: bool = False

    @property
    def text(self) -> str:
        return "".join(r.tekst for r in self.runs)


@dataclass(frozen=True)
class Part:
    sleutel: str
    soort: PartKind
    titel: str
    nummer: int | None
    paragraphs: tuple[Styled, ...]


def parts(doc: Document) -> list[Part]:
    """The document's parts in reading order, each keyed by clause id where it has one."""
    result = [Part("kop", "kop", doc.titel, None, (_plain("Documenttitel", doc.titel),
                                                   _plain("Ondertitel", doc.ondertitel)))]
    result += [_block(b, "preambule", i) for i, b in enumerate(doc.preambule)]
    if doc.artikelenkop:  # "STATUTEN" between the deed's preamble and Artikel 1
        result.append(Part("artikelenkop", "kop", doc.artikelenkop, None,
                           (_plain("Deelkop", doc.artikelenkop),)))
    result += [_article(a) for a in doc.artikelen]
    result += [_block(b, "slot", i) for i, b in enumerate(doc.slot)]
    if doc.ondertekenaars:
        result.append(Part("ondertekening", "ondertekening", SIGNATURE_HEADING, None,
                           (_plain("Blokkop", SIGNATURE_HEADING),)))
        result += [_signatory(o) for o in doc.ondertekenaars]
    return result


def _plain(stijl: str, text: str, vet: bool = False) -> Styled:
    return Styled(stijl, (Run(text),) if text else (), vet)


def _leden(leden: tuple[Lid, ...], lid_style: str, sub_style: str) -> list[Styled]:
    result = []
    for lid in leden:
        result.append(Styled(lid_style, lid.tekst))
        result += [Styled(sub_style, sub) for sub in lid.subs]
    return result


def _article(art: Artikel) -> Part:
    lid_style = "Artikeltekst" if len(art.leden) == 1 else "Lid"
    body = [_plain("Artikelkop", art.titel), *_leden(art.leden, lid_style, "Sublid")]
    return Part(art.clause_id, "artikel", art.titel, art.nummer, tuple(body))


def _block(blok: Blok, soort: PartKind, index: int) -> Part:
    heading = [_plain("Blokkop", blok.titel)] if blok.titel else []
    body = heading + _leden(blok.leden, BLOCK_STYLES[blok.nummering], "Artikeltekst")
    sleutel = blok.clause_id or f"{soort}:{index}:{blok.titel}"
    return Part(sleutel, soort, blok.titel, None, tuple(body))


def _signatory(o: Ondertekenaar) -> Part:
    cell = (
        _plain("", o.partij, vet=True),
        Styled("", (Run(NAMENS), *o.namens)),
        Styled("", (Run(PLAATS_DATUM), *o.plaats_datum)),
        _plain("", ""),
        _plain("", HANDTEKENING),
    )
    return Part(f"ondertekenaar:{o.partij}", "ondertekenaar", o.partij, None, cell)
