"""Cross-field rules of the contract: pure functions from validated sections to problems."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.answers import jeugdwet, rechtbanken
from generator.answers import vocabulary as v
from generator.answers.defaults import forum_place
from generator.answers.model import Antwoorden
from generator.answers.names import name_key
from generator.errors import Problem

SHARE_TOLERANCE = 0.01
Rule = Callable[[Antwoorden], list[Problem]]


def shares_add_up(a: Antwoorden) -> list[Problem]:
    total = sum(p.aandeel for p in a.partners)
    if abs(total - 100) > SHARE_TOLERANCE:
        return [Problem("partners[].aandeel",
                        f"de aandelen tellen op tot {total:g} in plaats van 100")]
    return []


def partner_names_unique(a: Antwoorden) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, p in enumerate(a.partners):
        key = name_key(p.naam)
        if key in seen:
            problems.append(Problem(f"partners[{i}].naam",
                                    f"'{p.naam}' komt al voor bij partners[{seen[key]}]; "
                                    "elke partner heeft een eigen naam"))
        seen.setdefault(key, i)
    return problems


def penvoerder_rules(a: Antwoorden) -> list[Problem]:
    leads = [i for i, p in enumerate(a.partners) if p.penvoerder]
    if a.rechtsvorm.vorm == "geen" and len(leads) != 1:
        return [Problem("partners[].penvoerder",
                        f"zonder eigen rechtspersoon is precies één partner penvoerder "
                        f"(nu {len(leads)}); zet bij één partner 'penvoerder: ja'")]
    if len(leads) > 1:
        where = ", ".join(f"partners[{i}]" for i in leads)
        return [Problem("partners[].penvoerder", f"hoogstens één partner is penvoerder (nu: {where})")]
    return []


def entity_name_and_seat(a: Antwoorden) -> list[Problem]:
    r = a.rechtsvorm
    if r.vorm == "geen":
        return []
    problems = []
    if not r.naam:
        problems.append(Problem("rechtsvorm.naam", f"is verplicht bij rechtsvorm '{r.vorm}'"))
    if not r.zetel:
        problems.append(Problem("rechtsvorm.zetel",
                                f"is verplicht bij rechtsvorm '{r.vorm}' (de gemeente van de statutaire zetel)"))
    if r.naam:
        message = _name_form_problem(r.vorm, r.naam)
        if message:
            problems.append(Problem("rechtsvorm.naam", message))
    return problems


def _name_form_problem(vorm: str, naam: str) -> str | None:
    low = naam.casefold()
    if vorm == "cooperatie":
        has_word = re.search(r"co[öo]peratie[f]?", low)
        suffix = re.search(r"\b(U\.A\.|B\.A\.|W\.A\.)$", naam.strip())
        if not has_word or not suffix:
            return (f"'{naam}' past niet bij een coöperatie: de naam bevat 'coöperatie' of "
                    "'coöperatief' en eindigt op U.A. (of B.A./W.A.), bijvoorbeeld "
                    "'Coöperatie Jeugdhulp Rivierenland U.A.' (BW 2:54 lid 2, 2:56)")
    if vorm == "stichting" and "stichting" not in low:
        return f"'{naam}' past niet bij een stichting: de naam bevat het woord 'stichting' (BW 2:286 lid 4 sub a)"
    if vorm == "bv" and "B.V." not in naam and "besloten vennootschap" not in low:
        return (f"'{naam}' past niet bij een BV: de naam bevat 'B.V.' of 'besloten vennootschap' "
                "(BW 2:177 lid 2)")
    return None


def supervision_fits_form(a: Antwoorden) -> list[Problem]:
    vorm, model = a.rechtsvorm.vorm, a.toezicht.model
    if model == "raad_van_commissarissen" and vorm != "bv":
        return [Problem("toezicht.model", "een raad van commissarissen kan alleen bij een BV; "
                        "kies 'raad_van_toezicht' of 'getrapt'")]
    if model == "raad_van_toezicht" and vorm in ("bv", "geen"):
        alt = "'raad_van_commissarissen' of 'getrapt'" if vorm == "bv" else "'getrapt'"
        return [Problem("toezicht.model", f"een raad van toezicht past niet bij rechtsvorm '{vorm}'; kies {alt}")]
    return []


def supervision_meets_jeugdwet(a: Antwoorden) -> list[Problem]:
    """Above the Jeugdwet 4.4.1 threshold the statuten must hold an interne toezichthouder."""
    if a.toezicht.model != "getrapt" or not jeugdwet.boven_drempel(a):
        return []
    raad = "'raad_van_commissarissen'" if a.rechtsvorm.vorm == "bv" else "'raad_van_toezicht'"
    return [Problem(
        "toezicht.model",
        f"'getrapt' voldoet niet aan artikel 4.4.1 Jeugdwet: de eigen rechtspersoon verleent jeugdhulp "
        f"{jeugdwet.soort_jeugdhulp(a)} met {a.consortium.jeugdhulpverleners} jeugdhulpverleners, meer dan "
        f"{jeugdwet.drempel(a)}. Dan moeten de statuten een interne toezichthouder hebben van ten minste "
        "drie natuurlijke personen die onafhankelijk zijn van het bestuur en van de partners; het "
        "toezicht via de partners telt daarvoor niet. Kies toezicht.model: "
        f"{raad} (met toezicht.leden: 3 of meer), of corrigeer consortium.jeugdhulpverleners als dat "
        "aantal te hoog is")]


def board_size_needs_board(a: Antwoorden) -> list[Problem]:
    if a.toezicht.model not in v.EIGEN_RAAD and not a.is_standaard("toezicht.leden"):
        return [Problem("toezicht.leden", "geldt alleen bij een eigen raad (raad van toezicht of "
                        "raad van commissarissen); laat de sleutel weg bij getrapt toezicht")]
    return []


def nominal_value_fits_form(a: Antwoorden) -> list[Problem]:
    """Only a BV has shares; a value in parts of a cent cannot be paid up."""
    if a.is_standaard("rechtsvorm.nominale_waarde"):
        return []
    if a.rechtsvorm.vorm != "bv":
        return [Problem("rechtsvorm.nominale_waarde", "geldt alleen bij rechtsvorm 'bv' (de nominale "
                        "waarde van een aandeel); laat de sleutel weg bij andere rechtsvormen")]
    if abs(a.rechtsvorm.nominale_waarde * 100 - round(a.rechtsvorm.nominale_waarde * 100)) > 1e-6:
        return [Problem("rechtsvorm.nominale_waarde", "is een bedrag in hele centen, bijvoorbeeld 1 of 0.01")]
    return []


def decision_in_one_list(a: Antwoorden) -> list[Problem]:
    both = [b for b in a.stemrecht.gekwalificeerde_besluiten if b in a.stemrecht.unanieme_besluiten]
    return [Problem("stemrecht.unanieme_besluiten",
                    f"'{b}' staat ook in gekwalificeerde_besluiten; een besluit staat in één lijst")
            for b in both]


def fixed_fee_amount(a: Antwoorden) -> list[Problem]:
    u = a.uittreding
    if u.vergoeding == "vast_bedrag" and u.vast_bedrag is None:
        return [Problem("uittreding.vast_bedrag", "is verplicht als vergoeding 'vast_bedrag' is")]
    if u.vergoeding != "vast_bedrag" and u.vast_bedrag is not None:
        return [Problem("uittreding.vast_bedrag", f"geldt alleen bij vergoeding 'vast_bedrag' (nu '{u.vergoeding}'); "
                        "laat de sleutel weg of kies vergoeding: vast_bedrag")]
    return []


def base_year_before_start(a: Antwoorden) -> list[Problem]:
    start = a.consortium.ingangsdatum
    if start is not None and a.lumpsum.basisjaar is not None and a.lumpsum.basisjaar > start.year:
        return [Problem("lumpsum.basisjaar", f"{a.lumpsum.basisjaar} ligt na het jaar van de ingangsdatum "
                        f"({start.year}); het basisjaar is het jaar van de historische uitgaven")]
    return []


def vote_cap_feasible(a: Antwoorden) -> list[Problem]:
    s = a.stemrecht
    if s.model == "naar_aandeel" and s.maximum * len(a.partners) < 100:
        floor = 100 / len(a.partners)
        return [Problem("stemrecht.maximum",
                        f"met {len(a.partners)} partners moet het maximum ten minste {floor:.4g} zijn, "
                        "anders is niet alle stemkracht te verdelen")]
    return []


def valve_rules(a: Antwoorden) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for i, valve in enumerate(a.risicoventielen.ventielen):
        if valve.soort in seen:
            problems.append(Problem(f"risicoventielen.ventielen[{i}].soort",
                                    f"'{valve.soort}' staat al eerder in de lijst"))
        seen.add(valve.soort)
        if valve.soort in v.VENTIELEN_MET_DREMPEL and valve.drempel is None:
            problems.append(Problem(f"risicoventielen.ventielen[{i}].drempel",
                                    f"is verplicht bij een {valve.soort}ventiel: de afwijking in % "
                                    "die het ventiel in werking zet, bijvoorbeeld 10"))
    return problems


def court_is_known(a: Antwoorden) -> list[Problem]:
    """The forum clause names a court: a place must map to the rechtbank of its arrondissement."""
    g = a.geschillen
    if g.rechtbank is None or rechtbanken.rechtbank_naam(g.rechtbank):
        return []
    if a.is_standaard("geschillen.rechtbank"):
        return []
    return [Problem("geschillen.rechtbank",
                    f"'{g.rechtbank}' is geen rechtbank en geen gemeente die het programma kent; "
                    f"noem de rechtbank, een van: {rechtbanken.keuzes()}")]


def default_court_is_known(a: Antwoorden) -> list[Problem]:
    """Without a rechtbank, the court of the zetel (or penvoerder's place) is used: it must be known."""
    if not a.is_standaard("geschillen.rechtbank") or a.geschillen.rechtbank is not None:
        return []
    plaats = forum_place(a)
    if not plaats:
        return []
    waar = "de zetel" if a.heeft_rechtspersoon else "de plaats van de penvoerder"
    return [Problem("geschillen.rechtbank",
                    f"de rechtbank volgt uit {waar} ('{plaats}'), maar die gemeente staat niet in "
                    "de tabel van arrondissementen; vul geschillen.rechtbank in met de rechtbank, "
                    f"een van: {rechtbanken.keuzes()}")]


# Each rule with the sections it reads: a rule is skipped when one of them failed validation.
RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (shares_add_up, ("partners",)),
    (partner_names_unique, ("partners",)),
    (penvoerder_rules, ("partners", "rechtsvorm")),
    (entity_name_and_seat, ("rechtsvorm",)),
    (supervision_fits_form, ("rechtsvorm", "toezicht")),
    (board_size_needs_board, ("toezicht",)),
    (nominal_value_fits_form, ("rechtsvorm",)),
    (supervision_meets_jeugdwet, ("toezicht", "consortium", "rechtsvorm")),
    (decision_in_one_list, ("stemrecht",)),
    (fixed_fee_amount, ("uittreding",)),
    (base_year_before_start, ("consortium", "lumpsum")),
    (vote_cap_feasible, ("stemrecht", "partners")),
    (valve_rules, ("risicoventielen",)),
    (court_is_known, ("geschillen",)),
    (default_court_is_known, ("geschillen", "rechtsvorm", "partners")),
)


def cross_field_problems(answers: Antwoorden, skip: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    return [problem for rule, reads in RULES if not skip & set(reads) for problem in rule(answers)]
