"""The readable Dutch summary of the choices, per leading principle, that `check` prints."""

from __future__ import annotations

from generator.answers import vocabulary as v
from generator.answers.model import Antwoorden
from generator.notation import bedrag, datum, getal, opsomming, procent

STANDAARD = " (standaard)"


def _mark(a: Antwoorden, pad: str) -> str:
    return STANDAARD if a.is_standaard(pad) else ""


def _keys(values: list[str]) -> str:
    """Contract values as readable words: 'benoeming_bestuur' shows as 'benoeming bestuur'."""
    return ", ".join(v.replace("_", " ") for v in values) or "geen"


def _ja(value: bool) -> str:
    return "ja" if value else "nee"


def _row(a: Antwoorden, pad: str, label: str, text: str) -> tuple[str, str]:
    return label, f"{text}{_mark(a, pad)}"


def _consortium(a: Antwoorden) -> list[tuple[str, str]]:
    c = a.consortium
    return [
        ("Naam", c.naam),
        ("Werkgebied", opsomming(c.werkgebied)),
        ("Opdrachtgever", c.opdrachtgever),
        ("Opdrachtwaarde per jaar", bedrag(c.opdrachtwaarde_per_jaar)),
        _row(a, "consortium.ingangsdatum", "Ingangsdatum", datum(a.ingangsdatum)),
        _row(a, "consortium.looptijd_jaren", "Looptijd", f"{c.looptijd_jaren} jaar"),
        _row(a, "consortium.taak", "Taak", v.TAKEN[c.taak]),
        _row(a, "consortium.verblijf", "Jeugdhulp met verblijf", _ja(c.verblijf)),
        _row(a, "consortium.toegang", "Betrokken bij toegang", _ja(c.toegang)),
        _row(a, "consortium.jeugdhulpverleners", "Jeugdhulpverleners eigen rechtspersoon",
             "onbekend" if c.jeugdhulpverleners is None else str(c.jeugdhulpverleners)),
        _row(a, "consortium.hoofdelijk", "Hoofdelijk aansprakelijk", _ja(c.hoofdelijk)),
    ]


def _rechtsvorm(a: Antwoorden) -> list[tuple[str, str]]:
    r = a.rechtsvorm
    return [
        ("Vorm", v.VORMEN[r.vorm]),
        *([("Statutaire naam", r.naam or "-"), ("Zetel", r.zetel or "-")] if r.vorm != "geen" else []),
        *([_row(a, "rechtsvorm.nominale_waarde", "Nominale waarde per aandeel", bedrag(r.nominale_waarde))]
          if r.vorm == "bv" else []),
    ]


def _stemrecht(a: Antwoorden) -> list[tuple[str, str]]:
    s = a.stemrecht
    return [
        _row(a, "stemrecht.model", "Model", v.STEMMODELLEN[s.model]),
        *([_row(a, "stemrecht.maximum", "Maximum per partner", procent(s.maximum))]
          if s.model == "naar_aandeel" else []),
        _row(a, "stemrecht.quorum", "Quorum", procent(s.quorum)),
        _row(a, "stemrecht.gekwalificeerd", "Gekwalificeerde meerderheid", procent(s.gekwalificeerd)),
        _row(a, "stemrecht.gekwalificeerde_besluiten", "Gekwalificeerde besluiten",
             _keys(s.gekwalificeerde_besluiten)),
        _row(a, "stemrecht.unanieme_besluiten", "Unanieme besluiten",
             _keys(s.unanieme_besluiten)),
        _row(a, "stemrecht.impasse", "Bij impasse", v.IMPASSES[s.impasse]),
    ]


def _lumpsum(a: Antwoorden) -> list[tuple[str, str]]:
    ls = a.lumpsum
    return [
        _row(a, "lumpsum.basisjaar", "Basisjaar", str(ls.basisjaar)),
        _row(a, "lumpsum.historische_uitgaven", "Historische uitgaven",
             bedrag(ls.historische_uitgaven) if ls.historische_uitgaven is not None else "onbekend"),
        _row(a, "lumpsum.indexatie", "Indexatie per jaar", procent(ls.indexatie)),
        _row(a, "lumpsum.toeslagen", "Toeslagen",
             ", ".join(f"{k} {bedrag(x)}" for k, x in ls.toeslagen.items()) or "geen"),
        _row(a, "lumpsum.inverdieneffect", "Inverdieneffect per jaar", procent(ls.inverdieneffect)),
        _row(a, "lumpsum.kostprijselementen", "Onderbouwd met kostprijselementen",
             _ja(ls.kostprijselementen)),
        _row(a, "lumpsum.risicoverdeling", "Risicoverdeling", v.RISICOVERDELINGEN[ls.risicoverdeling]),
        _row(a, "lumpsum.verdeling", "Verdeling", v.VERDELINGEN[ls.verdeling]),
        _row(a, "lumpsum.afroming", "Afroming", procent(ls.afroming)),
        _row(a, "lumpsum.reserve", "Reserve uit positief resultaat", procent(ls.reserve)),
    ]


def _risicoventielen(a: Antwoorden) -> list[tuple[str, str]]:
    rv = a.risicoventielen
    return [
        _row(a, "risicoventielen.ventielen", "Ventielen", ", ".join(
            v.VENTIELEN[x.soort] + (f" (drempel {procent(x.drempel)})" if x.drempel else "")
            for x in rv.ventielen) or "geen"),
        _row(a, "risicoventielen.meldingstermijn", "Meldingstermijn", f"{rv.meldingstermijn} dagen"),
        _row(a, "risicoventielen.tekort", "Tekort", v.TEKORTEN[rv.tekort]),
        _row(a, "risicoventielen.overschot", "Overschot", v.OVERSCHOTTEN[rv.overschot]),
    ]


def _uittreding(a: Antwoorden) -> list[tuple[str, str]]:
    u = a.uittreding
    return [
        _row(a, "uittreding.opzegtermijn", "Opzegtermijn", f"{u.opzegtermijn} maanden"),
        _row(a, "uittreding.per", "Per", v.UITTREDING_PER[u.per]),
        _row(a, "uittreding.vergoeding", "Vergoeding", v.VERGOEDINGEN[u.vergoeding]
             + (f" ({bedrag(u.vast_bedrag)})" if u.vast_bedrag is not None else "")),
        _row(a, "uittreding.zorgcontinuiteit", "Zorgcontinuïteit", _ja(u.zorgcontinuiteit)),
        _row(a, "uittreding.toetreding", "Toetreding", v.TOETREDINGEN[u.toetreding]),
        _row(a, "uittreding.uitsluitingsgronden", "Uitsluitingsgronden",
             _keys(u.uitsluitingsgronden)),
    ]


def _toezicht(a: Antwoorden) -> list[tuple[str, str]]:
    t = a.toezicht
    return [
        _row(a, "toezicht.model", "Model", v.TOEZICHTMODELLEN[t.model]),
        *([_row(a, "toezicht.leden", "Aantal toezichthouders", str(t.leden))]
          if t.model in v.EIGEN_RAAD else []),
        _row(a, "toezicht.leiding", "Leiding", v.LEIDING[t.leiding or ""]),
        _row(a, "toezicht.clientenraad", "Cliëntenraad", _ja(t.clientenraad)),
        _row(a, "toezicht.ondernemingsraad", "Ondernemingsraad", _ja(t.ondernemingsraad)),
    ]


def _dataregistratie(a: Antwoorden) -> list[tuple[str, str]]:
    d = a.dataregistratie
    return [
        _row(a, "dataregistratie.kpis", "KPI's", _keys(d.kpis)),
        _row(a, "dataregistratie.frequentie", "Rapportage", v.FREQUENTIES[d.frequentie]),
        _row(a, "dataregistratie.avg_rol", "AVG-rol", v.AVG_ROLLEN[d.avg_rol]),
        _row(a, "dataregistratie.uitwisseling", "Uitwisseling", v.UITWISSELINGEN[d.uitwisseling]),
        _row(a, "dataregistratie.jaarverslag", "Vermelding in jaarverslag", _ja(d.jaarverslag)),
    ]


def _geschillen(a: Antwoorden) -> list[tuple[str, str]]:
    g = a.geschillen
    return [
        _row(a, "geschillen.route", "Route", v.GESCHILROUTES[g.route]),
        _row(a, "geschillen.rechtbank", "Rechter", g.rechtbank or "[nog te bepalen]"),
    ]


PRINCIPLES = (
    ("Consortium", _consortium),
    ("Rechtsvorm", _rechtsvorm),
    ("Stemrecht", _stemrecht),
    ("Lumpsum", _lumpsum),
    ("Risicoventielen", _risicoventielen),
    ("Uittreding", _uittreding),
    ("Toezicht", _toezicht),
    ("Dataregistratie", _dataregistratie),
    ("Geschillen", _geschillen),
)


def principle_rows(a: Antwoorden) -> list[tuple[str, list[tuple[str, str]]]]:
    """The choices as (principle, [(label, value)]) with defaults marked."""
    return [(title, rows(a)) for title, rows in PRINCIPLES]


def partner_lines(a: Antwoorden) -> list[str]:
    lines = []
    for p in a.partners:
        extra = " · penvoerder" if p.penvoerder else ""
        omzet = f", omzet {bedrag(p.omzet)}" if p.omzet is not None else ""
        lines.append(f"{p.naam} ({v.PARTNER_VORMEN[p.rechtsvorm]}): aandeel {getal(p.aandeel)}%{omzet}{extra}")
    return lines


def render_summary(a: Antwoorden) -> str:
    width = 40
    out = [f"Keuzes van {a.consortium.naam}  ('(standaard)' = niet ingevuld, standaardwaarde gebruikt)"]
    for title, rows in principle_rows(a):
        out.append("")
        out.append(title)
        out += [f"  {label:<{width}}{value}" for label, value in rows]
        if title == "Consortium":
            out += ["", f"Partners ({len(a.partners)})"]
            out += [f"  - {line}" for line in partner_lines(a)]
    return "\n".join(out)
