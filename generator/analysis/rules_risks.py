"""Risks from the seeds (own codes R1-R9): regionalisation, concentration, unequal dependency,
the roles of the NZa frame, missing turnover and how the votes actually work out."""

from __future__ import annotations

from generator.analysis.findings import HOOG, LAAG, MIDDEN, RuleInput, Waarschuwing
from generator.analysis.positions import GEGIJZELD, KRUIMELKONING, Positie
from generator.answers import vocabulary as v
from generator.notation import opsomming, procent

LOKAAL_MAX_GEMEENTEN = 4
"""A werkgebied of at most this many gemeenten, bought by a contracting party that is not a
regio, counts as local or subregional purchase (a jeugdregio has about eight gemeenten)."""
CONCENTRATIE_DEEL = 75.0
"""R2: the fewest partners that together hold at least this share of the task..."""
AFHANKELIJKHEID_VERSCHIL = 20.0
"""R3: percentage points between the most and the least dependent partner."""

NZA_PAPER = "NZa, De governance van jeugdhulpconsortia, een vak apart (2026)"


def pct(value: float) -> str:
    return procent(round(value, 1))


def _is_local(f: RuleInput) -> bool:
    c = f.answers.consortium
    names = [*c.werkgebied, c.opdrachtgever]
    return len(c.werkgebied) <= LOKAAL_MAX_GEMEENTEN and not any("regio" in n.lower() for n in names)


def r1_regionalisering(f: RuleInput) -> Waarschuwing | None:
    if not _is_local(f):
        return None
    c = f.answers.consortium
    verblijf = " Het consortium levert jeugdhulp met verblijf, een voor de hand liggende " \
               "kandidaat voor die lijst." if c.verblijf else ""
    return Waarschuwing(
        "R1", MIDDEN, "Lokale inkoop en de regionalisering",
        f"De opdracht wordt lokaal ingekocht door {c.opdrachtgever} voor "
        f"{opsomming(c.werkgebied)}. De Wet verbetering beschikbaarheid jeugdzorg deelt gemeenten "
        "in regio's in en wijst vormen van specialistische jeugdhulp aan die zij regionaal moeten "
        "inkopen. Levert het consortium zulke zorgvormen, dan mogen die bij een nieuwe "
        "contractperiode niet meer lokaal worden ingekocht; naar schatting 10 van de 25 consortia "
        f"moeten daardoor in hun huidige opzet stoppen.{verblijf} Ga na welke zorgvormen onder de "
        "regionale inkoop vallen en regel wat er gebeurt als de opdracht daardoor eindigt of "
        "kleiner wordt.",
        "Wet verbetering beschikbaarheid jeugdzorg; Besluit Jeugdwet (regionale inkoop); "
        "onderzoek Taakgericht werken met jeugdhulpconsortia van de voormalige Jeugdautoriteit "
        "(2025)")


def largest_holders(posities: tuple[Positie, ...]) -> list[Positie]:
    """The fewest partners (largest first) that together hold CONCENTRATIE_DEEL of the task."""
    ranked = sorted(posities, key=lambda p: -p.aandeel)
    chosen: list[Positie] = []
    for p in ranked:
        chosen.append(p)
        if sum(x.aandeel for x in chosen) >= CONCENTRATIE_DEEL:
            break
    return chosen


def r2_concentratie(f: RuleInput) -> Waarschuwing | None:
    groot = largest_holders(f.posities)
    if 2 * len(groot) > len(f.posities):
        return None
    deel = sum(p.aandeel for p in groot)
    wie = opsomming(p.naam for p in groot)
    return Waarschuwing(
        "R2", MIDDEN, "Weinig partners dragen het grootste deel van de opdracht",
        f"{wie} {'voert' if len(groot) == 1 else 'voeren samen'} {pct(deel)} van de opdracht uit, "
        f"terwijl het consortium {len(f.posities)} partners telt. De continuïteit hangt dan af "
        "van weinig partners: regel wat er gebeurt als een grote partner uittreedt of in "
        "financiële problemen komt, en hoe de kleinere partners hun belangen kunnen inbrengen.",
        "Onderzoek Taakgericht werken met jeugdhulpconsortia van de voormalige Jeugdautoriteit "
        f"(2025); {NZA_PAPER}")


def r3_afhankelijkheidsverschil(f: RuleInput) -> Waarschuwing | None:
    known = [p for p in f.posities if p.afhankelijkheid is not None]
    if len(known) < 2:
        return None
    hoog = max(known, key=_dependency)
    laag = min(known, key=_dependency)
    if _dependency(hoog) - _dependency(laag) < AFHANKELIJKHEID_VERSCHIL:
        return None
    return Waarschuwing(
        "R3", MIDDEN, "Grote verschillen in afhankelijkheid",
        f"Voor {hoog.naam} is het consortium {pct(_dependency(hoog))} van de omzet, voor "
        f"{laag.naam} {pct(_dependency(laag))}. Als het contract voor de ene partner veel "
        "belangrijker is dan voor de andere, is niet iedereen even bereid te investeren in de "
        "samenwerking. Bespreek deze belangen openlijk en weerspiegel ze in de zeggenschap en de "
        "risicodeling.",
        NZA_PAPER)


def _dependency(p: Positie) -> float:
    """The dependency of a partner whose revenue is known (0 for one whose is not)."""
    return p.afhankelijkheid or 0.0


def _names(posities: list[Positie]) -> str:
    return opsomming(f"{p.naam} (afhankelijkheid {pct(_dependency(p))}, macht "
                     f"{pct(p.invloed * 100)})" for p in posities)


def r4_gegijzeld(f: RuleInput) -> Waarschuwing | None:
    wie = [p for p in f.posities if p.rol == GEGIJZELD]
    if not wie:
        return None
    u = f.answers.uittreding
    return Waarschuwing(
        "R4", HOOG, "Gegijzelde partner",
        f"{_names(wie)} {'heeft' if len(wie) == 1 else 'hebben'} veel belang bij het consortium "
        "maar weinig invloed op de besluiten. Uittreden kan pas met een opzegtermijn van "
        f"{u.opzegtermijn} maanden per {v.UITTREDING_PER[u.per]}. Zo'n partner kan 'gegijzeld' "
        "worden: de samenwerking niet sturen en er niet makkelijk uit, terwijl haar belangen "
        "geschaad worden. Overweeg een veto of zwaardere stem op besluiten die haar raken, of "
        "een ruimere uittredingsregeling.",
        NZA_PAPER)


def r5_kruimelkoning(f: RuleInput) -> Waarschuwing | None:
    wie = [p for p in f.posities if p.rol == KRUIMELKONING]
    if not wie:
        return None
    return Waarschuwing(
        "R5", MIDDEN, "Kruimelkoning",
        f"{_names(wie)} {'heeft' if len(wie) == 1 else 'hebben'} weinig financieel belang bij het "
        "consortium maar veel invloed op de besluiten. Zo'n 'kruimelkoning' is minder geneigd "
        "evenredig te investeren in de samenwerking, wat een risico is voor de partners met een "
        "groot belang. Maak afspraken over inzet en over besluiten die vooral de afhankelijke "
        "partners raken.",
        NZA_PAPER)


def r6_omzet(f: RuleInput) -> Waarschuwing | None:
    onbekend = [p.naam for p in f.posities if p.afhankelijkheid is None]
    te_hoog = [p.naam for p in f.posities if (p.afhankelijkheid or 0) > 100]
    if not onbekend and not te_hoog:
        return None
    parts = []
    if onbekend:
        parts.append(f"De omzet van {opsomming(onbekend)} is onbekend (of 0): afhankelijkheid en "
                     "rol zijn daar niet te bepalen. Vul partners[].omzet in.")
    if te_hoog:
        parts.append(f"Bij {opsomming(te_hoog)} is de opbrengst uit het consortium hoger dan de "
                     "opgegeven omzet; controleer de omzet.")
    return Waarschuwing("R6", LAAG, "Omzetgegevens onvolledig", " ".join(parts), NZA_PAPER)


def r7_feitelijk_unaniem(f: RuleInput) -> Waarschuwing | None:
    s = f.answers.stemrecht
    if s.model == "consent" or s.gekwalificeerd >= 100 or not s.gekwalificeerde_besluiten:
        return None
    if not all(p.veto for p in f.posities):
        return None
    return Waarschuwing(
        "R7", LAAG, "Gekwalificeerde meerderheid is in feite unanimiteit",
        f"Bij deze stemverdeling halen de partners pas met z'n allen "
        f"{procent(s.gekwalificeerd)} van de stemmen: iedere partner heeft een veto bij "
        f"{', '.join(b.replace('_', ' ') for b in s.gekwalificeerde_besluiten)}. "
        "Is dat de bedoeling, zet deze besluiten dan "
        "bij de unanieme besluiten; zo niet, kies een lager percentage.",
        NZA_PAPER)


def r8_meerderheid_alleen(f: RuleInput) -> Waarschuwing | None:
    boven = [p for p in f.posities if p.stemgewicht > 50]
    if not boven or f.answers.stemrecht.model == "consent":
        return None
    p = boven[0]
    return Waarschuwing(
        "R8", MIDDEN, "Eén partner beslist gewone besluiten alleen",
        f"{p.naam} heeft {pct(p.stemgewicht)} van de stemmen en neemt daarmee gewone besluiten "
        "(meer dan de helft van de stemmen) zonder de anderen. Overweeg een maximum van 50% of "
        "minder per partner (stemrecht.maximum).",
        NZA_PAPER)


def r9_tekort_gelijk_overschot_naar_aandeel(f: RuleInput) -> Waarschuwing | None:
    """Legal review #15: deficits shared equally while surpluses follow the shares."""
    r = f.answers.risicoventielen
    if r.tekort != "gelijk" or r.overschot != "naar_aandeel":
        return None
    kleinste = min(f.posities, key=lambda p: p.aandeel)
    gelijk_deel = 100 / len(f.posities)
    return Waarschuwing(
        "R9", MIDDEN, "Tekorten gelijk, overschotten naar aandeel",
        "Een tekort wordt in gelijke delen gedragen, een overschot naar rato van het aandeel "
        f"uitgekeerd. {kleinste.naam} ({pct(kleinste.aandeel)} aandeel) draagt dan "
        f"{pct(gelijk_deel)} van elk tekort, maar ontvangt {pct(kleinste.aandeel)} van elk "
        "overschot. Kies voor tekort en overschot dezelfde grondslag, of leg vast waarom de kleinere "
        "partners zwaarder in tekorten delen. Ook de onderlinge draagplicht voor schulden uit de "
        "hoofdovereenkomst volgt in de samenwerkingsovereenkomst het aandeel, niet de gelijke delen "
        "van het tekort.",
        NZA_PAPER)


RULES = (r1_regionalisering, r2_concentratie, r3_afhankelijkheidsverschil, r4_gegijzeld,
         r5_kruimelkoning, r6_omzet, r7_feitelijk_unaniem, r8_meerderheid_alleen,
         r9_tekort_gelijk_overschot_naar_aandeel)
