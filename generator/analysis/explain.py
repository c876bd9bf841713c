"""The Dutch explanations shared by the terminal, the JSON and the document: how votes are
counted and how the roles of 'Wie ben jij in het consortium?' are assigned."""

from __future__ import annotations

from generator.analysis.findings import ERNST
from generator.analysis.positions import GROOT_BELANG, ROLLEN
from generator.answers.model import Antwoorden
from generator.notation import getal, procent

KADER = (
    "De NZa-paper 'De governance van jeugdhulpconsortia, een vak apart' (2026) laat zien dat "
    "de belangen van partners in een consortium verschillen: het aandeel in de opdracht loopt "
    "uiteen van ongeveer 5 tot 70 procent, de financiële afhankelijkheid van minder dan 5 tot "
    "meer dan 90 procent van de eigen omzet. Een governance die daar geen rekening mee houdt, "
    "loopt vast. De vraag 'Wie ben jij in het consortium?' zet wat er voor een partner op het "
    "spel staat af tegen hoeveel zij kan sturen."
)

GEEN_ADVIES = (
    "Deze analyse is een hulpmiddel voor het gesprek in het bestuur en geen juridisch of "
    "financieel advies. Zij rekent uitsluitend met de antwoorden in het antwoordenbestand. Laat de "
    "documenten en de waarschuwingen toetsen door een jurist of notaris; controleer wetsartikelen "
    "op wetten.overheid.nl."
)


def _besluiten(names: list[str]) -> str:
    return ", ".join(n.replace("_", " ") for n in names) if names else "geen"


def stemregels(a: Antwoorden) -> tuple[str, ...]:
    """How this analysis counts votes for each kind of decision."""
    s = a.stemrecht
    if s.model == "consent":
        return (
            "Besluiten worden genomen bij consent: aangenomen tenzij een partner een overwegend "
            "bezwaar maakt. De analyse telt dat als een veto voor iedere partner bij elk besluit, "
            "dus ieders stemgewicht en macht is gelijk. De documenten kennen na een overwegend "
            "bezwaar nog een overlegronde en een terugvalstemming; dat maakt het veto in de "
            "praktijk zwakker dan hier gerekend.",
        )
    return (
        "Gewone besluiten: aangenomen met meer dan 50% van alle stemmen (precies de helft is "
        "niet genoeg).",
        f"Gekwalificeerde besluiten ({_besluiten(s.gekwalificeerde_besluiten)}): aangenomen met "
        f"ten minste {procent(s.gekwalificeerd)} van alle stemmen.",
        f"Unanieme besluiten ({_besluiten(s.unanieme_besluiten)}): iedere partner heeft een veto.",
        f"De analyse rekent met alle stemmen, alsof iedereen aanwezig is; het quorum van "
        f"{procent(s.quorum)} blijft buiten beschouwing.",
    )


def macht_uitleg() -> str:
    return (
        "Macht is de genormaliseerde Banzhaf-index: in hoeveel van alle mogelijke coalities een "
        "partner het verschil maakt tussen aangenomen en verworpen, als deel van het totaal voor "
        "alle partners (samen 100%). Stemgewicht en macht verschillen vaak: een partner met 15% "
        "van de stemmen kan geen enkele coalitie doen kantelen en dan 0% macht hebben. Veto: de "
        "partner kan een gekwalificeerd besluit in haar eentje tegenhouden."
    )


def rol_uitleg(partners: int) -> tuple[str, ...]:
    """The thresholds of the four roles, for this number of partners."""
    gelijk = procent(round(100 / partners, 1))
    return (
        f"Belang: groot bij een afhankelijkheid van {getal(GROOT_BELANG)}% of meer van de eigen "
        "omzet. De marges in de jeugdhulp zijn dun (enkele procenten); bij zo'n afhankelijkheid "
        "kost een tekort van 10% op de lumpsum al 1,5% van de hele omzet, vaak het grootste deel "
        "van een jaarresultaat.",
        f"Invloed: veel bij een macht van ten minste een gelijk deel ({gelijk} bij {partners} "
        "partners) op de gekwalificeerde besluiten, zoals begroting en verdeelsleutel (op gewone "
        "besluiten als er geen gekwalificeerde besluiten zijn). Wie een veto heeft, heeft altijd "
        "ten minste een gelijk deel.",
        *(f"{naam}: {uitleg}." for naam, uitleg in ROLLEN.items()),
        "Is de omzet van een partner onbekend, dan blijven afhankelijkheid en rol open.",
    )


def ernst_uitleg() -> tuple[str, ...]:
    return tuple(f"{naam}: {uitleg}." for naam, uitleg in ERNST.items())
