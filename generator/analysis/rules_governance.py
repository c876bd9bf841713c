"""Warnings on the legal form, the votes and the supervision (checklist §6.2: W1-W8, W13, W18,
W19, W21)."""

from __future__ import annotations

from generator.analysis.findings import HOOG, LAAG, MIDDEN, RuleInput, Waarschuwing
from generator.answers import vocabulary as v
from generator.answers.jeugdwet import drempel, soort_jeugdhulp
from generator.facts import (
    DREMPEL_AMBULANT,
    DREMPEL_VERBLIJF,
    intern_toezicht_verplicht,
    jeugdhulpverleners_onbekend,
    opzegging_begrensd,
)
from generator.notation import bedrag, getal, opsomming, procent


def toezichthouder_required(f: RuleInput) -> bool:
    """Jw 4.4.1: an own entity with verblijf and >10, or ambulant and >25, jeugdhulpverleners."""
    return intern_toezicht_verplicht(f.answers)


EISEN_4_4_1 = ("ten minste drie onafhankelijke natuurlijke personen, benoemd voor ten hoogste vier jaar "
               "met één herbenoeming, met een profielschets, vastgelegd in de statuten")
TELLEN_PARTNERS = (" Of jeugdhulpverleners van de partners die namens het consortium werken meetellen, "
                   "is niet zeker; vraag dit na bij VWS of de NZa.")
RAAD = {"raad_van_toezicht": "raad van toezicht", "raad_van_commissarissen": "raad van commissarissen"}
BRON_W1 = "Jeugdwet art. 4.4.1; Besluit Jeugdwet (Stb. 2025, 357); Regeling Jeugdwet (Stcrt. 2025, 37937)"


def w1_interne_toezichthouder(f: RuleInput) -> Waarschuwing | None:
    if jeugdhulpverleners_onbekend(f.answers):
        return _w1_onzeker(f)
    if not toezichthouder_required(f):
        return None
    a = f.answers
    c, t = a.consortium, a.toezicht
    if t.model not in RAAD:
        # Refused when an answers file is read (answers/rules.py); the interview's preview of a
        # choice still analyses it, so say what the choice lacks.
        return _w1_getrapt_boven_drempel(f)
    text = (f"De eigen rechtspersoon verleent jeugdhulp {soort_jeugdhulp(a)} met {c.jeugdhulpverleners} "
            f"jeugdhulpverleners, meer dan de drempel van {drempel(a)}. Dan is een onafhankelijke "
            f"interne toezichthouder verplicht: {EISEN_4_4_1}. De statuten wijzen de "
            f"{RAAD[t.model]} ({t.leden} leden) daarom aan als interne "
            "toezichthouder, met de samenstelling, de benoeming, de onafhankelijkheid en het "
            "tegenstrijdig belang; zorg dat de leden ook werkelijk onafhankelijk zijn van het bestuur "
            "en van de partners." + TELLEN_PARTNERS)
    return Waarschuwing("W1", MIDDEN, "Interne toezichthouder verplicht", text, BRON_W1)


def _w1_getrapt_boven_drempel(f: RuleInput) -> Waarschuwing:
    a = f.answers
    text = (f"De eigen rechtspersoon verleent jeugdhulp {soort_jeugdhulp(a)} met "
            f"{a.consortium.jeugdhulpverleners} jeugdhulpverleners, meer dan de drempel van "
            f"{drempel(a)}. Dan is een onafhankelijke interne toezichthouder verplicht: {EISEN_4_4_1}. "
            "Getrapt toezicht via de partners voldoet daar niet aan; kies een raad van toezicht of "
            "een raad van commissarissen." + TELLEN_PARTNERS)
    return Waarschuwing("W1", HOOG, "Interne toezichthouder verplicht", text, BRON_W1)


def _w1_onzeker(f: RuleInput) -> Waarschuwing:
    a = f.answers
    t = a.toezicht
    text = ("Het consortium contracteert zelf de jeugdhulp, maar de antwoorden zeggen niet hoeveel "
            "jeugdhulpverleners voor de eigen rechtspersoon werken (consortium.jeugdhulpverleners). "
            f"Met verblijf is boven {DREMPEL_VERBLIJF}, ambulant boven {DREMPEL_AMBULANT} "
            f"jeugdhulpverleners een interne toezichthouder verplicht: {EISEN_4_4_1}.")
    if t.model == "getrapt":
        text += (" Het gekozen getrapte toezicht via de partners telt daarvoor niet; de statuten hebben "
                 "nu geen interne toezichthouder. Vul het aantal in: boven de drempel is een eigen "
                 "raad van toezicht of raad van commissarissen nodig.")
    else:
        text += (f" De statuten wijzen de {RAAD[t.model]} aan als interne "
                 "toezichthouder; vul het aantal in om te weten of dat verplicht is.")
    return Waarschuwing("W1", HOOG if t.model == "getrapt" else MIDDEN,
                        "Interne toezichthouder mogelijk verplicht (aantal onbekend)",
                        text + TELLEN_PARTNERS, BRON_W1)


def w2_penvoerder(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    if a.heeft_rechtspersoon:
        return None
    naam = a.penvoerder.naam if a.penvoerder else "de penvoerder"
    return Waarschuwing(
        "W2", MIDDEN, "De positie van de penvoerder zonder eigen rechtspersoon",
        f"Zonder eigen rechtspersoon treedt {naam} als penvoerder op. Sluit de penvoerder de "
        "hoofdovereenkomst als enige contractpartij, dan is zij waarschijnlijk juridisch de "
        f"jeugdhulpaanbieder voor het hele contract ({bedrag(a.consortium.opdrachtwaarde_per_jaar)} "
        "per jaar); contracteren de partners als combinatie, dan blijft ieder aanbieder voor het "
        "eigen deel. Kies dit bewust en leg het vast. In het eerste geval dekken de statuten, de "
        "interne toezichthouder en de jaarverantwoording van de penvoerder ook de omzet van het "
        "consortium; toets de drempels voor de interne toezichthouder dan op het totaal van de "
        "penvoerder. Leg in de samenwerkingsovereenkomst vast "
        "dat de samenwerking geen maatschap of vennootschap onder firma is, en regel het onderlinge "
        "verhaal tussen de partners.",
        "Jeugdwet art. 4.4.1; art. 7A:1655 BW (maatschap)")


def _pays_out_surplus(f: RuleInput) -> bool:
    return f.answers.risicoventielen.overschot == "naar_aandeel"


def w3_vereniging_winst(f: RuleInput) -> Waarschuwing | None:
    if f.answers.rechtsvorm.vorm != "vereniging" or not _pays_out_surplus(f):
        return None
    return Waarschuwing(
        "W3", HOOG, "Verboden winstuitkering in een vereniging",
        "Een overschot wordt naar rato van het aandeel aan de partners uitgekeerd, maar een "
        "vereniging mag geen winst onder haar leden verdelen. Kies een coöperatie, of beperk "
        "betalingen aan partners tot een vergoeding voor geleverde zorg en voeg een overschot toe "
        "aan de reserve of herinvesteer het.",
        "art. 2:26 lid 3 BW; art. 2:53a BW")


def w4_stichting_uitkering(f: RuleInput) -> Waarschuwing | None:
    if f.answers.rechtsvorm.vorm != "stichting" or not _pays_out_surplus(f):
        return None
    return Waarschuwing(
        "W4", HOOG, "Uitkeringsverbod van de stichting",
        "Een overschot wordt naar rato van het aandeel aan de partners uitgekeerd. Een stichting "
        "mag geen uitkeringen doen aan haar oprichters of aan leden van haar organen, en de "
        "partners zijn hier de oprichters. Betaal partners alleen een marktconforme prijs voor "
        "geleverde zorg (dat die betaling is toegestaan, is een interpretatie; laat dit toetsen) "
        "en voeg een overschot toe aan de reserve of herinvesteer het.",
        "art. 2:285 lid 3 BW")


def w5_stichting_hoofdelijk(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    if not a.consortium.hoofdelijk:
        return None
    # The consortium's own stichting is not listed: its generated statuten authorise hoofdelijkheid.
    namen = [p.naam for p in a.partners if p.rechtsvorm == "stichting"]
    if not namen:
        return None
    return Waarschuwing(
        "W5", MIDDEN, "Stichting en hoofdelijke aansprakelijkheid",
        "De opdrachtgever maakt de partners hoofdelijk aansprakelijk. Het bestuur van een "
        "stichting kan zich alleen hoofdelijk verbinden, borg staan of zekerheid stellen als de "
        f"statuten dat uitdrukkelijk toestaan. Controleer daarom de statuten van "
        f"{opsomming(namen)} en pas ze zo nodig aan vóór ondertekening.",
        "art. 2:291 lid 2 BW")


def w6_cooperatie_aansprakelijk(f: RuleInput) -> Waarschuwing | None:
    r = f.answers.rechtsvorm
    if r.vorm != "cooperatie" or not r.naam or r.naam.strip().endswith("U.A."):
        return None
    wa = r.naam.strip().endswith("W.A.")
    omvang = "volledig" if wa else "tot een in de statuten bepaald maximum"
    return Waarschuwing(
        "W6", HOOG if wa else MIDDEN, "Coöperatie zonder uitsluiting van aansprakelijkheid",
        f"'{r.naam}' is geen U.A.-coöperatie: bij ontbinding zijn de leden {omvang} aansprakelijk "
        "voor een tekort. Kies U.A. met een uitsluitingsclausule in de statuten.",
        "art. 2:55 en 2:56 BW")


def w7_stemrecht_statuten(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    model, vorm = a.stemrecht.model, a.rechtsvorm.vorm
    if not a.heeft_rechtspersoon or model == "gelijk":
        return None
    if model == "naar_aandeel":
        return _w7_gewogen(a.stemrecht.maximum, vorm)
    return Waarschuwing(
        "W7", MIDDEN, "Consent als besluitregel",
        "Besluiten worden genomen bij consent. De statuten leggen dat vast als besluitregel: een "
        "voorstel is aangenomen tenzij een partner een overwegend bezwaar maakt, met wat een "
        "overwegend bezwaar is en een terugvalstemming bij een blijvend bezwaar. Zo hoort het: als "
        "besluitregel is het huishoudelijk reglement alleen niet genoeg. Houd de terugvalregeling "
        "bij een wijziging in stand: zonder terugvalregeling heeft elke partner in feite een veto "
        "over elk besluit.",
        CONSENT_BRON[vorm])


CONSENT_BRON = {"vereniging": "art. 2:38 BW", "cooperatie": "art. 2:38 BW; art. 2:53a BW",
                "stichting": "art. 2:285 lid 1 BW", "bv": "art. 2:230 lid 1 BW"}


def _w7_gewogen(maximum: float, vorm: str) -> Waarschuwing:
    cap = procent(maximum)
    if vorm == "bv":
        return Waarschuwing(
            "W7", MIDDEN, "Gewogen stemrecht loopt via de aandelen",
            "De partners stemmen naar aandeel. In een BV volgt het stemrecht de aandelen: het gewicht "
            "van iedere partner ligt vast in het aantal aandelen dat zij houdt, en de statuten beperken "
            f"de stemmen van één aandeelhouder tot {cap} van het totaal. Stemmen boven dat maximum "
            "kunnen niet worden uitgeoefend en gaan niet naar de anderen; het stemgewicht in deze "
            "analyse rekent zo. Verandert de verdeelsleutel, dan moeten de aandelen worden "
            "overgedragen om het stemgewicht te laten meebewegen.",
            "art. 2:228 BW")
    if vorm == "stichting":
        return Waarschuwing(
            "W7", MIDDEN, "Gewogen stemrecht in de raad van deelnemers hoort in de statuten",
            "De deelnemers stemmen in de raad van deelnemers naar aandeel. Een stichting heeft geen "
            "leden: de raad van deelnemers en zijn stemverhouding bestaan alleen doordat de statuten ze "
            f"regelen. De statuten leggen het gewicht, het maximum van {cap} en de herverdeling van "
            "het meerdere over de andere deelnemers vast; de samenwerkingsovereenkomst en het reglement "
            "volgen die regel en kunnen haar niet alleen dragen.",
            "art. 2:285 lid 1 BW")
    return Waarschuwing(
        "W7", MIDDEN, "Gewogen stemrecht hoort in de statuten",
        f"De partners stemmen naar aandeel (ten hoogste {cap} per partner). Meervoudig stemrecht "
        "van leden kan alleen in de statuten; het huishoudelijk reglement alleen is niet genoeg. De "
        "statuten leggen het gewicht, het maximum en de herverdeling van het meerdere over de andere "
        "leden vast; houd dat bij een wijziging van de verdeelsleutel in stand.",
        "art. 2:38 lid 1 BW")


def w8_wbtr_stemmen_bestuurder(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    if a.rechtsvorm.vorm != "stichting" or a.stemrecht.model != "naar_aandeel":
        return None
    boven = [p for p in f.posities if p.stemgewicht > 50]
    if not boven:
        return None
    p = boven[0]
    return Waarschuwing(
        "W8", HOOG, "Te veel stemmen voor één bestuurder (WBTR)",
        "In een stichting vormen de bestuurders van de partners doorgaans samen het bestuur. "
        f"{p.naam} krijgt {procent(round(p.stemgewicht, 1))} van de stemmen, meer dan de andere "
        "bestuurders samen. Een bestuurder kan niet meer stemmen uitbrengen dan de andere "
        "bestuurders tezamen; een afwijkende regeling in bestaande statuten vervalt uiterlijk op "
        "1 juli 2026. Verlaag het maximum (stemrecht.maximum) tot 50% of minder.",
        "art. 2:291 lid 4 BW (WBTR); WBTR art. XV lid 4")


def w13_transparantie(f: RuleInput) -> Waarschuwing | None:
    if not f.answers.heeft_rechtspersoon:
        return None
    return Waarschuwing(
        "W13", MIDDEN, "Transparantie-eisen voor de eigen rechtspersoon",
        "Met een eigen rechtspersoon is het consortium zelf jeugdhulpaanbieder. Dan gelden een "
        "openbare jaarverantwoording (te publiceren vóór 1 juni), een transparante financiële "
        "bedrijfsvoering, de verantwoording volgens de WNT en het toezicht van de NZa.",
        "Jeugdwet art. 4.5.1 en 4.5.2 (Wet verbetering beschikbaarheid jeugdzorg); WNT")


def w18_getrapt_toezicht(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    if a.toezicht.model != "getrapt" or toezichthouder_required(f) or jeugdhulpverleners_onbekend(a):
        return None
    text = ("Het toezicht loopt via de toezichthouders van de partners. Dat kan als aanvulling, "
            "maar is geen vervanging van een eigen interne toezichthouder waar die verplicht is. "
            "Beschrijf de informatielijnen van het consortium naar de raden van toezicht en "
            "commissarissen van de partners.")
    if a.heeft_rechtspersoon:
        text += (f" De eigen rechtspersoon heeft nu {a.consortium.jeugdhulpverleners} "
                 f"jeugdhulpverleners; komen er meer dan {DREMPEL_VERBLIJF} (bij verblijf) of "
                 f"{DREMPEL_AMBULANT} (ambulant), dan is een eigen interne toezichthouder verplicht."
                 + TELLEN_PARTNERS)
    return Waarschuwing("W18", LAAG, "Getrapt toezicht", text,
                        "Jeugdwet art. 4.4.1; NZa, De governance van jeugdhulpconsortia (2026)")


def w19_wibz(f: RuleInput) -> Waarschuwing | None:
    if f.answers.rechtsvorm.vorm not in ("bv", "cooperatie") or not _pays_out_surplus(f):
        return None
    return Waarschuwing(
        "W19", MIDDEN, "Winstuitkering en de Wibz",
        "Een overschot wordt naar rato van het aandeel aan de partners uitgekeerd. Het "
        "wetsvoorstel Wet integere bedrijfsvoering zorg- en jeugdhulpaanbieders (Wibz) stelt "
        "voorwaarden aan winstuitkering door jeugdhulpaanbieders. Het voorstel is nog in "
        "behandeling: controleer de stand van zaken vóór oprichting.",
        "Wetsvoorstel Wibz (Kamerstuk 36686, aanhangig)")


def w21_uittreding_statuten(f: RuleInput) -> Waarschuwing | None:
    a = f.answers
    u = a.uittreding
    if a.rechtsvorm.vorm not in ("vereniging", "cooperatie"):
        return None
    voorwaarden = []
    if u.vergoeding != "geen":
        extra = f" ({bedrag(u.vast_bedrag)})" if u.vast_bedrag is not None else ""
        voorwaarden.append(f"een vergoeding bij uittreding: {v.VERGOEDINGEN[u.vergoeding]}{extra}")
    te_lang = opzegging_begrensd(a)
    if not voorwaarden and not te_lang:
        return None
    text = ""
    if voorwaarden:
        text = (f"De antwoorden kennen {opsomming(voorwaarden)}. Zulke voorwaarden voor leden horen in de "
                "statuten (bij een coöperatie art. 2:60 BW); het huishoudelijk reglement is niet genoeg. ")
    if te_lang:
        gekozen = ("uittreding pas per het einde van de looptijd" if u.per == "einde_looptijd"
                   else f"een opzegtermijn van {getal(u.opzegtermijn)} maanden")
        text += (f"De antwoorden kiezen {gekozen}. Dat laat de wet voor leden niet toe: een lid kan steeds "
                 "opzeggen tegen het einde van het boekjaar volgend op dat waarin het opzegt. De statuten "
                 "en de samenwerkingsovereenkomst gebruiken daarom die wettelijke grens; een langere binding "
                 "aan de looptijd kan niet via het lidmaatschap. ")
    if a.rechtsvorm.vorm == "vereniging" and u.vergoeding != "geen":
        text += ("Een vereniging kent geen regeling van uittredingsvoorwaarden zoals art. 2:60 BW voor de "
                 "coöperatie: een vergoeding bij uittreding kan alleen als verplichting die de statuten aan het "
                 "lidmaatschap verbinden (art. 2:34a BW) en mag de vrijheid van opzegging (art. 2:36 BW) niet "
                 "feitelijk wegnemen; of een vaste som dat doet, is een kwestie van uitleg. Overweeg een "
                 "coöperatie, die past bij een consortium dat voor zijn leden opdrachten verwerft (art. 2:53 "
                 "lid 1 BW), of beperk de som tot het aandeel in het tekort over de duur van het lidmaatschap. ")
    text += "Een lid kan bovendien direct opzeggen binnen een maand nadat zijn verplichtingen zijn verzwaard."
    return Waarschuwing(
        "W21", MIDDEN, "Uittredingsvoorwaarden horen in de statuten",
        text, "art. 2:34a, 2:36 lid 1 en 3 en 2:60 BW; art. 2:53a BW")


RULES = (w1_interne_toezichthouder, w2_penvoerder, w3_vereniging_winst, w4_stichting_uitkering,
         w5_stichting_hoofdelijk, w6_cooperatie_aansprakelijk, w7_stemrecht_statuten,
         w8_wbtr_stemmen_bestuurder, w13_transparantie, w18_getrapt_toezicht, w19_wibz,
         w21_uittreding_statuten)
