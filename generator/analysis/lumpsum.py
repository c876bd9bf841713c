"""The lump sum year by year: the need against the money available for care.

need(k)      = historische_uitgaven x (1 + indexatie)^(kalenderjaar(k) - basisjaar)
               x (1 - inverdieneffect)^k + sum(toeslagen)
available    = opdrachtwaarde_per_jaar x (1 - afroming)
verschil(k)  = available - need(k)        (negative: a shortfall)

for contract years k = 1..looptijd_jaren. Every assumption is stated, in Dutch, in `aannames`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.answers.model import Antwoorden
from generator.notation import bedrag, datum, procent


@dataclass(frozen=True)
class Jaar:
    """One contract year. Amounts in euros; behoefte and verschil are None when unknown."""

    jaar: int
    kalenderjaar: int
    behoefte: float | None
    beschikbaar: float
    verschil: float | None


@dataclass(frozen=True)
class LumpsumAnalyse:
    jaren: tuple[Jaar, ...]
    beschikbaar_per_jaar: float
    behoefte_bekend: bool
    aannames: tuple[str, ...]

    @property
    def totaal_beschikbaar(self) -> float:
        return sum(j.beschikbaar for j in self.jaren)

    @property
    def totaal_behoefte(self) -> float | None:
        return sum(j.behoefte or 0 for j in self.jaren) if self.behoefte_bekend else None

    @property
    def totaal_verschil(self) -> float | None:
        return sum(j.verschil or 0 for j in self.jaren) if self.behoefte_bekend else None

    @property
    def tekortjaren(self) -> tuple[Jaar, ...]:
        return tuple(j for j in self.jaren if j.verschil is not None and j.verschil < 0)


def available_for_care(opdrachtwaarde: float, afroming: float) -> float:
    """The yearly lump sum less the share kept for the uitvoeringsorganisatie."""
    return opdrachtwaarde * (1 - afroming / 100)


def need(historisch: float, indexatie: float, jaren_index: int, inverdieneffect: float,
         contractjaar: int, toeslagen: float) -> float:
    """The need in one contract year (see the module docstring)."""
    indexed = historisch * (1 + indexatie / 100) ** jaren_index
    return indexed * (1 - inverdieneffect / 100) ** contractjaar + toeslagen


def lumpsum_years(answers: Antwoorden) -> tuple[Jaar, ...]:
    """One row per contract year of the term."""
    c, ls = answers.consortium, answers.lumpsum
    start = answers.ingangsdatum.year
    beschikbaar = available_for_care(c.opdrachtwaarde_per_jaar, ls.afroming)
    toeslagen = sum(ls.toeslagen.values())
    rows = []
    for k in range(1, c.looptijd_jaren + 1):
        kalenderjaar = start + k - 1
        behoefte = None
        if ls.historische_uitgaven is not None:
            behoefte = need(ls.historische_uitgaven, ls.indexatie, kalenderjaar - answers.basisjaar,
                            ls.inverdieneffect, k, toeslagen)
        verschil = None if behoefte is None else beschikbaar - behoefte
        rows.append(Jaar(k, kalenderjaar, behoefte, beschikbaar, verschil))
    return tuple(rows)


def _need_assumptions(answers: Antwoorden) -> list[str]:
    ls = answers.lumpsum
    if ls.historische_uitgaven is None:
        return ["De historische uitgaven zijn niet opgegeven (lumpsum.historische_uitgaven): de "
                "behoefte per jaar en het verschil met het budget zijn daarom onbekend."]
    lines = [
        f"De behoefte gaat uit van de historische uitgaven in {ls.basisjaar} "
        f"({bedrag(ls.historische_uitgaven)}), elk jaar geïndexeerd met {procent(ls.indexatie)} "
        "vanaf het basisjaar tot het kalenderjaar waarin het contractjaar begint.",
        f"Het inverdieneffect van {procent(ls.inverdieneffect)} per jaar geldt vanaf het eerste "
        "contractjaar en stapelt: elk jaar is de behoefte zoveel procent lager dan het jaar ervoor "
        "(vóór toeslagen).",
    ]
    if ls.toeslagen:
        namen = ", ".join(f"{naam} {bedrag(x)}" for naam, x in ls.toeslagen.items())
        lines.append(f"De toeslagen ({namen}; samen {bedrag(sum(ls.toeslagen.values()))}) tellen "
                     "elk contractjaar volledig mee en worden niet geïndexeerd.")
    else:
        lines.append("Er zijn geen toeslagen opgegeven.")
    return lines


def assumptions(answers: Antwoorden) -> tuple[str, ...]:
    """Every assumption behind the table, in Dutch."""
    c, ls = answers.consortium, answers.lumpsum
    beschikbaar = available_for_care(c.opdrachtwaarde_per_jaar, ls.afroming)
    lines = _need_assumptions(answers)
    lines.append(
        f"Beschikbaar voor zorg is de opdrachtwaarde van {bedrag(c.opdrachtwaarde_per_jaar)} per "
        f"jaar min de afroming van {procent(ls.afroming)} voor de uitvoeringsorganisatie: "
        f"{bedrag(beschikbaar)}. De opdrachtwaarde is elk jaar gelijk; een eventuele indexatie "
        "van de opdrachtwaarde door de opdrachtgever is niet meegenomen.")
    lines.append("Het verschil is het beschikbare bedrag min de behoefte; een negatief bedrag is "
                 "een tekort. De reserve uit een positief resultaat verandert de tabel niet.")
    if (answers.ingangsdatum.month, answers.ingangsdatum.day) != (1, 1):
        lines.append(f"De contractjaren lopen vanaf {datum(answers.ingangsdatum)}; bij elk contractjaar "
                     "staat het kalenderjaar waarin het begint.")
    return tuple(lines)


def analyse_lumpsum(answers: Antwoorden) -> LumpsumAnalyse:
    ls, c = answers.lumpsum, answers.consortium
    return LumpsumAnalyse(
        jaren=lumpsum_years(answers),
        beschikbaar_per_jaar=available_for_care(c.opdrachtwaarde_per_jaar, ls.afroming),
        behoefte_bekend=ls.historische_uitgaven is not None,
        aannames=assumptions(answers),
    )
