"""Youth-care warnings on money, toegang, data, medezeggenschap and competition (checklist
§6.2: W9-W12, W14, W15)."""

from __future__ import annotations

from generator.analysis.findings import HOOG, LAAG, MIDDEN, RuleInput, Waarschuwing
from generator.answers import vocabulary as v
from generator.notation import procent

CLIENTENRAAD_DREMPEL = 10
"""Wmcz 2018: more than 10 persons providing care."""
ONDERNEMINGSRAAD_DREMPEL = 50
"""WOR art. 2: 50 or more persons working in the enterprise."""
CLIENT_KPIS = ("unieke_clienten", "instroom_uitstroom", "wachttijden", "klachten", "verwijzingen")


def w9_reele_prijs(f: RuleInput) -> Waarschuwing:
    ls = f.answers.lumpsum
    return Waarschuwing(
        "W9", LAAG, "Reële prijs bij de verdeling van de lumpsum",
        f"De lumpsum wordt verdeeld naar {v.VERDELINGEN[ls.verdeling]}. Partners en onderaannemers "
        "moeten een reële prijs ontvangen, gebaseerd op de vier kostprijselementen: kosten van "
        "beroepskrachten, overige cliëntgebonden kosten, overheadkosten en kosten voor "
        f"indexering. Maak de afroming ({procent(ls.afroming)}) transparant en onderbouw haar met "
        "de werkelijke kosten van de uitvoeringsorganisatie.",
        "Besluit Jeugdwet art. 2.3 lid 3 (AMvB reële prijzen, Stb. 2024, 69)")


def w10_toegang(f: RuleInput) -> Waarschuwing | None:
    if not f.answers.consortium.toegang:
        return None
    return Waarschuwing(
        "W10", HOOG, "Toegang en uitvoering in één hand",
        "Het consortium is betrokken bij de toegang (de bepaling van de jeugdhulp) en levert ook "
        "de jeugdhulp. Het college blijft verantwoordelijk voor een deskundige toeleiding en "
        "bepaling; individuele beslissingen zijn besluiten in de zin van de Awb, met bezwaar en "
        "beroep. Leg een uitdrukkelijk mandaat vast en waarborgen tegen belangenverstrengeling. "
        "Volgens de literatuur oordeelde de Centrale Raad van Beroep op 13 juni 2024 dat zo'n "
        "vermenging van advies, besluit en uitvoering onvoldoende waarborg biedt; die uitspraak is "
        "niet geverifieerd (de vindplaats is onbekend): laat een jurist haar controleren.",
        "Jeugdwet art. 2.3; Rb. Amsterdam 24 juni 2020, ECLI:NL:RBAMS:2020:7132; "
        "CRvB 13 juni 2024 (niet geverifieerd)")


def w11_avg(f: RuleInput) -> Waarschuwing | None:
    d = f.answers.dataregistratie
    client_kpis = [k for k in d.kpis if k in CLIENT_KPIS]
    centraal = d.uitwisseling == "centraal"
    if not centraal and not client_kpis:
        return None
    if d.avg_rol == "gezamenlijk":
        rol = ("Als gezamenlijk verwerkingsverantwoordelijken leggen de partners in een regeling "
               "vast wie wat doet; de kern daarvan is beschikbaar voor cliënten.")
    else:
        rol = "Als één partij verwerkt voor de anderen, is een verwerkersovereenkomst nodig."
    wat = ("Het consortium houdt één gedeeld cliëntdossier bij." if centraal else
           "Het consortium verzamelt gegevens over cliënten voor zijn KPI's.")
    return Waarschuwing(
        "W11", MIDDEN if centraal else LAAG, "Cliëntgegevens en de AVG",
        f"{wat} {rol} Voer een gegevensbeschermingseffectbeoordeling (DPIA) uit: het gaat om "
        "bijzondere persoonsgegevens van minderjarigen. Vanwege het beroepsgeheim delen partners "
        "alleen gegevens met wie rechtstreeks bij de zorg betrokken is, of met toestemming; "
        "gebruik voor KPI's geaggregeerde of gepseudonimiseerde gegevens.",
        "AVG art. 26, 28 en 35; Jeugdwet art. 7.3.11")


def w12_medezeggenschap(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    n, t = a.consortium.jeugdhulpverleners, a.toezicht
    if not a.heeft_rechtspersoon or n is None:
        return None
    missing = []
    if n > CLIENTENRAAD_DREMPEL and not t.clientenraad:
        missing.append(f"een cliëntenraad (meer dan {CLIENTENRAAD_DREMPEL} zorgverleners)")
    if n >= ONDERNEMINGSRAAD_DREMPEL and not t.ondernemingsraad:
        missing.append(f"een ondernemingsraad ({ONDERNEMINGSRAAD_DREMPEL} of meer werkenden)")
    if not missing:
        return None
    return Waarschuwing(
        "W12", HOOG, "Medezeggenschap verplicht",
        f"De eigen rechtspersoon heeft {n} jeugdhulpverleners. Dan {'zijn' if len(missing) > 1 else 'is'} "
        f"{' en '.join(missing)} verplicht, maar {'die staan' if len(missing) > 1 else 'die staat'} "
        "niet in de antwoorden "
        "(toezicht.clientenraad, toezicht.ondernemingsraad). Ook de ondernemingsraden en "
        "cliëntenraden van de partners hebben adviesrecht over de deelname aan het consortium.",
        "Wmcz 2018 (via de Jeugdwet); WOR art. 2 en 25")


def w14_mededinging(f: RuleInput) -> Waarschuwing:
    return Waarschuwing(
        "W14", LAAG, "Mededinging",
        "De partners zijn buiten het consortium elkaars concurrenten. Een combinatie of "
        "consortium kan de mededinging beperken, tenzij de voordelen voor cliënten en opdrachtgever "
        "opwegen. Deel prijs- en capaciteitsinformatie alleen voor zover de opdracht dat vraagt "
        "(clean team, geheimhouding); de ACM heeft eerder Wmo-aanbieders beboet.",
        "Mededingingswet art. 6; VWEU art. 101")


def w15_btw(f: RuleInput) -> Waarschuwing | None:
    if f.answers.lumpsum.afroming <= 0:
        return None
    return Waarschuwing(
        "W15", LAAG, "Btw op de afroming",
        f"Het consortium houdt {procent(f.answers.lumpsum.afroming)} af voor de "
        "uitvoeringsorganisatie. Laat de btw-positie toetsen: de vrijstelling voor jeugdhulp geldt "
        "niet vanzelf voor coördinatie- of managementdiensten tussen partners.",
        "Wet OB 1968 (zorgvrijstelling); Informatiekaart btw Wmo 2015 en Jeugdwet "
        "(VNG, VWS en Financiën)")


RULES = (w9_reele_prijs, w10_toegang, w11_avg, w12_medezeggenschap, w14_mededinging, w15_btw)
