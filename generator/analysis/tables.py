"""The partner and lump-sum tables as formatted Dutch text cells, shared by the terminal and
the document."""

from __future__ import annotations

from generator.analysis.lumpsum import LumpsumAnalyse
from generator.analysis.positions import Positie
from generator.notation import bedrag, procent

ONBEKEND = "onbekend"

PARTNER_KOLOMMEN = ("Partner", "Aandeel", "Afhankelijkheid", "Stemgewicht", "Macht gewoon",
                    "Macht gekw.", "Veto", "Rol")
PARTNER_RECHTS = (1, 2, 3, 4, 5)

LUMPSUM_KOLOMMEN = ("Jaar", "Kalenderjaar", "Behoefte", "Beschikbaar voor zorg", "Verschil")
LUMPSUM_RECHTS = (2, 3, 4)


def pct(value: float | None, digits: int = 1) -> str:
    return ONBEKEND if value is None else procent(round(value, digits))


def euro(value: float | None) -> str:
    return ONBEKEND if value is None else bedrag(round(value))


def partner_row(p: Positie) -> tuple[str, ...]:
    return (
        p.naam,
        pct(p.aandeel, 2),
        pct(p.afhankelijkheid),
        pct(p.stemgewicht),
        pct(p.macht.meerderheid * 100),
        pct(p.macht.gekwalificeerd * 100),
        "ja" if p.veto else "nee",
        p.rol or ONBEKEND,
    )


def partner_rows(posities: tuple[Positie, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(partner_row(p) for p in posities)


def lumpsum_rows(ls: LumpsumAnalyse) -> tuple[tuple[str, ...], ...]:
    """One row per contract year, then a total row."""
    rows = [(str(j.jaar), str(j.kalenderjaar), euro(j.behoefte), euro(j.beschikbaar),
             euro(j.verschil)) for j in ls.jaren]
    rows.append(("Totaal", "", euro(ls.totaal_behoefte), euro(ls.totaal_beschikbaar),
                 euro(ls.totaal_verschil)))
    return tuple(rows)
