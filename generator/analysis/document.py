"""The analysis as plain document blocks for governance-analyse.docx (rendered by the lead's
docx adapter). Complete as a board document: frame, thresholds, tables, chart, warnings, note."""

from __future__ import annotations

from collections import Counter

from generator.analysis import explain, tables
from generator.analysis.chart import plotted
from generator.analysis.findings import HOOG, LAAG, MIDDEN, Waarschuwing
from generator.analysis.report import Analyse
from generator.answers.model import Antwoorden
from generator.blocks import Afbeelding, Alinea, Block, Kop, Opsomming, Tabel
from generator.notation import datum, getal, opsomming, procent


def _intro(answers: Antwoorden, a: Analyse) -> list[Block]:
    c = answers.consortium
    return [
        Kop("Inleiding", 1),
        Alinea(f"Dit document analyseert de governance van {a.consortium}: {len(a.posities)} "
               f"partners, een opdracht van {c.opdrachtgever} vanaf {datum(answers.ingangsdatum)} voor "
               f"{c.looptijd_jaren} jaar. Het is opgesteld uit het antwoordenbestand, als "
               "grondslag voor het gesprek in het bestuur vóór oprichting en ondertekening."),
        Alinea(explain.KADER),
        *_summary(a),
    ]


def _summary(a: Analyse) -> list[Block]:
    counts = Counter(w.ernst for w in a.waarschuwingen)
    rollen = [f"{p.naam}: {p.rol or 'onbekend (omzet ontbreekt)'}" for p in a.posities]
    text = (f"Er zijn {len(a.waarschuwingen)} waarschuwingen: {counts[HOOG]} met ernst hoog, "
            f"{counts[MIDDEN]} midden en {counts[LAAG]} laag.")
    tekort = a.lumpsum.tekortjaren
    if tekort:
        text += f" De lumpsum laat in {len(tekort)} van de {len(a.lumpsum.jaren)} jaren een tekort zien."
    return [Kop("Samenvatting", 2), Alinea(text), Alinea("De rollen van de partners:"),
            Opsomming(tuple(rollen))]


def _frame(a: Analyse) -> list[Block]:
    return [
        Kop("Wie ben jij in het consortium?", 2),
        Alinea("Voor iedere partner zet deze analyse het belang (de financiële afhankelijkheid "
               "van het consortium) af tegen de invloed (de macht in de besluitvorming). Daaruit "
               "volgen vier rollen. De drempels:"),
        Opsomming(a.rol_uitleg),
        Alinea(explain.macht_uitleg()),
        Alinea("Zo wordt gestemd:"),
        Opsomming(a.stemregels),
    ]


def _caption(a: Analyse) -> str:
    text = (f"De partners naar afhankelijkheid (horizontaal, logaritmisch) en macht bij "
            f"{a.invloed_besluiten} (verticaal); de grootte van de cirkel is het aandeel in de "
            f"opdracht; de nummers verwijzen naar de legenda. De stippellijnen zijn de drempels: "
            f"{getal(a.belang_drempel)}% afhankelijkheid en een gelijk deel van de macht "
            f"({procent(round(a.invloed_drempel * 100, 1))}); wie precies op een lijn staat, telt "
            "als groot belang of veel invloed.")
    missing = [p.naam for p in a.posities if p not in plotted(a)]
    if missing:
        text += f" Niet geplaatst omdat de omzet onbekend is: {opsomming(missing)}."
    return text


# The partner table in two parts of five columns, so that every header fits its column on a
# portrait page without breaking a word.
BELANG_KOLOMMEN = ("Partner", "Aandeel", "Opbrengst per jaar", "Afhankelijkheid", "Rol")
ZEGGENSCHAP_KOLOMMEN = ("Partner", "Stemgewicht", "Macht gewone besluiten", "Macht gekwalificeerde besluiten",
                        "Veto")


def _belang_rows(a: Analyse) -> tuple[tuple[str, ...], ...]:
    return tuple((p.naam, tables.pct(p.aandeel, 2), tables.euro(p.opbrengst), tables.pct(p.afhankelijkheid),
                  p.rol or tables.ONBEKEND) for p in a.posities)


def _zeggenschap_rows(a: Analyse) -> tuple[tuple[str, ...], ...]:
    return tuple((p.naam, tables.pct(p.stemgewicht), tables.pct(p.macht.meerderheid * 100),
                  tables.pct(p.macht.gekwalificeerd * 100), "ja" if p.veto else "nee") for p in a.posities)


def _positions(a: Analyse, chart_png: bytes | None) -> list[Block]:
    blocks: list[Block] = [
        Kop("Posities van de partners", 2),
        Alinea("Belang: het aandeel in de opdracht, de opbrengst die daarbij hoort en wat die "
               "opbrengst is als deel van de eigen jaaromzet (afhankelijkheid)."),
        Tabel(BELANG_KOLOMMEN, _belang_rows(a), (1, 2, 3)),
        Alinea("Zeggenschap: het stemgewicht in procenten en de macht als deel van de totale "
               "macht. Veto geldt voor de gekwalificeerde besluiten."),
        Tabel(ZEGGENSCHAP_KOLOMMEN, _zeggenschap_rows(a), (1, 2, 3)),
    ]
    if chart_png:
        blocks.append(Afbeelding(chart_png, f"Figuur 1. {_caption(a)}"))
    return blocks


def _lumpsum(a: Analyse) -> list[Block]:
    return [
        Kop("Lumpsum per contractjaar", 2),
        Alinea("De behoefte (historische uitgaven, geïndexeerd, min het inverdieneffect, plus "
               "toeslagen) naast het bedrag dat na afroming beschikbaar is voor zorg."),
        Tabel(tables.LUMPSUM_KOLOMMEN, tables.lumpsum_rows(a.lumpsum), tables.LUMPSUM_RECHTS),
        Alinea("Aannames:"),
        Opsomming(a.lumpsum.aannames),
    ]


def _warning(w: Waarschuwing) -> list[Block]:
    return [
        Alinea(f"{w.code} · {w.titel} (ernst: {w.ernst})", nadruk=True),
        Alinea(w.bericht),
        Alinea(f"Grondslag: {w.bron}"),
    ]


def _warnings(a: Analyse) -> list[Block]:
    blocks: list[Block] = [
        Kop("Waarschuwingen", 2),
        Alinea("De waarschuwingen staan op volgorde van ernst. W-codes volgen de juridische "
               "checklist, L-codes gaan over de lumpsum en R-codes over de risico's uit de "
               "onderzoeken naar consortia. De ernst betekent:"),
        Opsomming(explain.ernst_uitleg()),
    ]
    if not a.waarschuwingen:
        blocks.append(Alinea("Er zijn geen waarschuwingen."))
    for w in a.waarschuwingen:
        blocks += _warning(w)
    blocks += [
        Kop("Niet beoordeeld", 2),
        Alinea("Deze punten uit de checklist volgen niet uit de antwoorden; beoordeel ze apart."),
        Opsomming(tuple(f"{code}: {reden}" for code, reden in a.niet_beoordeeld)),
    ]
    return blocks


def analysis_blocks(answers: Antwoorden, analyse: Analyse, chart_png: bytes | None) -> list[Block]:
    """governance-analyse.docx as blocks; `chart_png` from chart.draw_position_chart, or None."""
    return [
        *_intro(answers, analyse),
        *_frame(analyse),
        *_positions(analyse, chart_png),
        *_lumpsum(analyse),
        *_warnings(analyse),
        Kop("Tot slot", 2),
        Alinea(explain.GEEN_ADVIES),
    ]
