"""The warning itself, the severity scale and the one stable order of all warnings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.analysis.lumpsum import LumpsumAnalyse
from generator.analysis.positions import Positie
from generator.answers.model import Antwoorden

HOOG, MIDDEN, LAAG = "hoog", "midden", "laag"

ERNST = {
    HOOG: "een wettelijke eis wordt waarschijnlijk niet gehaald, of een financieel risico kan "
          "de continuïteit van een partner raken; los dit op vóór oprichting of ondertekening",
    MIDDEN: "vraagt een uitdrukkelijke bepaling, een besluit of een toets door een jurist of "
            "notaris vóór ondertekening",
    LAAG: "aandachtspunt voor het gesprek in het bestuur; geen directe actie vereist",
}
_RANK = {HOOG: 0, MIDDEN: 1, LAAG: 2}

CATALOGUS = (
    "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12", "W13", "W14",
    "W15", "W18", "W19", "W21",
    "L1", "L2", "L3", "L4", "L5",
    "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9",
)
"""Every code this analysis can raise, in the order used within one severity."""


@dataclass(frozen=True)
class Waarschuwing:
    """One warning: code, severity, short title, Dutch message and its legal basis."""

    code: str
    ernst: str
    titel: str
    bericht: str
    bron: str


@dataclass(frozen=True)
class RuleInput:
    """What a warning rule may look at: the answers and the computed analysis."""

    answers: Antwoorden
    posities: tuple[Positie, ...]
    lumpsum: LumpsumAnalyse


Rule = Callable[[RuleInput], Waarschuwing | None]


def sort_key(w: Waarschuwing) -> tuple[int, int]:
    return _RANK[w.ernst], CATALOGUS.index(w.code)


def run_rules(rules: Iterable[Rule], facts: RuleInput) -> tuple[Waarschuwing, ...]:
    """Apply every rule; return the warnings most severe first, then in catalogue order."""
    found = [w for rule in rules if (w := rule(facts)) is not None]
    return tuple(sorted(found, key=sort_key))


NIET_BEOORDEELD = (
    ("W8", "Of de statuten een regeling voor ontstentenis en belet bevatten, is een eigenschap van "
           "de opgestelde tekst, niet van de antwoorden. Alleen het stemrecht van bestuurders in "
           "een stichting wordt hier getoetst."),
    ("W16", "Of een partner ook zorg levert onder de Zvw of de Wlz (Wtza), staat niet in de "
            "antwoorden."),
    ("W17", "Of een partner lid is van een brancheorganisatie van de BoZ (Governancecode Zorg), "
            "staat niet in de antwoorden."),
    ("W20", "Of de aanbesteding een rechtsvorm voorschrijft, staat niet in de antwoorden."),
    ("W22", "Of het huishoudelijk reglement regelt wat in de statuten hoort, is een eigenschap van "
            "de opgestelde tekst, niet van de antwoorden."),
    ("W23", "Geen trigger in de antwoorden. Deze analyse noemt zelf de NZa als toezichthouder en "
            "haalt de voormalige Jeugdautoriteit alleen aan als bron van onderzoek."),
)
"""Checklist warnings whose trigger does not follow from the answers, with the reason."""
