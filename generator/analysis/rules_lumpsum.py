"""Flags on the lump sum (own codes L1-L5): substantiation, afroming, volume risk, shortfall."""

from __future__ import annotations

from generator.analysis.findings import HOOG, MIDDEN, RuleInput, Waarschuwing
from generator.notation import bedrag, procent

AFROMING_BENCHMARK = 6.6
"""Average margin in hoofd- and onderaannemerschap found by the former Jeugdautoriteit (2023)."""
AFROMING_VER_BOVEN = 10.0
"""'Far above' the benchmark: more than 10%, about one and a half times the benchmark."""
TEKORT_ERNSTIG = 5.0
"""A yearly shortfall of at least 5% of the money for care is severe (hoog)."""


def l1_kostprijselementen(f: RuleInput) -> Waarschuwing | None:
    if f.answers.lumpsum.kostprijselementen:
        return None
    return Waarschuwing(
        "L1", MIDDEN, "Budget niet onderbouwd met de kostprijselementen",
        "De lumpsum is niet onderbouwd met de vier kostprijselementen van de AMvB reële prijzen: "
        "kosten van beroepskrachten, overige cliëntgebonden kosten, overheadkosten en kosten voor "
        "indexering. Dan is niet aan te tonen dat het budget reëel is, en is de onderbouwing "
        "juridisch kwetsbaar. Vraag de opdrachtgever om een onderbouwing per element voordat de "
        "partners het risico aanvaarden.",
        "Besluit Jeugdwet art. 2.3 (AMvB reële prijzen, Stb. 2024, 69)")


def l2_afroming(f: RuleInput) -> Waarschuwing | None:
    afroming = f.answers.lumpsum.afroming
    if afroming <= AFROMING_VER_BOVEN:
        return None
    return Waarschuwing(
        "L2", MIDDEN, "Afroming ver boven de benchmark",
        f"De afroming van {procent(afroming)} ligt ver boven de gemiddelde marge van "
        f"{procent(AFROMING_BENCHMARK)} bij hoofd- en onderaannemerschap die de voormalige "
        "Jeugdautoriteit (nu onderdeel van de NZa) in 2023 vond. Onderbouw de afroming met de "
        "werkelijke kosten van de uitvoeringsorganisatie: partners en onderaannemers moeten een "
        "reële prijs overhouden.",
        "Besluit Jeugdwet art. 2.3 lid 3; onderzoek hoofd- en onderaannemerschap van de "
        "voormalige Jeugdautoriteit (november 2023)")


def l3_volumeventiel(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    if a.lumpsum.risicoverdeling != "integraal":
        return None
    if any(x.soort == "volume" for x in a.risicoventielen.ventielen):
        return None
    return Waarschuwing(
        "L3", HOOG, "Integraal risico zonder volumeventiel",
        "Bij integrale risicoverdeling draagt het consortium al het extra volume in het "
        "werkgebied, maar er is geen volumeventiel. Een onverwachte groei van het aantal cliënten "
        "komt dan volledig voor rekening van de partners. Spreek met de opdrachtgever een "
        "volumeventiel af met een drempel (bijvoorbeeld 10%).",
        "Rekenkamer Amsterdam, Taakgerichte bekostiging in de jeugdzorg (2020): 'reëel budget en "
        "veiligheidsventiel'")


def l4_tekort(f: RuleInput) -> Waarschuwing | None:
    ls = f.lumpsum
    tekorten = ls.tekortjaren
    if not tekorten:
        return None
    worst = min(tekorten, key=lambda j: j.verschil or 0)
    tekort = -(worst.verschil or 0)
    deel = tekort / worst.beschikbaar * 100
    return Waarschuwing(
        "L4", HOOG if deel >= TEKORT_ERNSTIG else MIDDEN, "Tekort in de lumpsum",
        f"In {len(tekorten)} van de {len(ls.jaren)} contractjaren is de berekende behoefte hoger "
        f"dan het budget voor zorg. Het grootste tekort is {bedrag(round(tekort))} in "
        f"jaar {worst.jaar} ({worst.kalenderjaar}), {procent(round(deel, 1))} van het budget "
        "voor zorg. Bespreek dit met de opdrachtgever vóór gunning en leg vast wie een tekort "
        "draagt; zie de aannames bij de tabel.",
        "Berekening uit de antwoorden; Besluit Jeugdwet art. 2.3 (reële prijs)")


def l5_behoefte_onbekend(f: RuleInput) -> Waarschuwing | None:
    if f.lumpsum.behoefte_bekend:
        return None
    return Waarschuwing(
        "L5", MIDDEN, "Behoefte onbekend",
        "De historische uitgaven ontbreken, dus de behoefte per jaar en het verschil met het "
        "budget zijn niet te berekenen. Vraag de opdrachtgever om de uitgaven in het basisjaar en "
        "vul lumpsum.historische_uitgaven in.",
        "Besluit Jeugdwet art. 2.3 (een reële prijs vraagt een onderbouwd budget)")


RULES = (l1_kostprijselementen, l2_afroming, l3_volumeventiel, l4_tekort, l5_behoefte_onbekend)
