"""The deed around the statuten (akte van oprichting): its facts, frame and notation. Pure.

The statuten document is the concept-akte: a heading, the notary, the comparanten, the founding
statement, the statuten themselves and the slotverklaringen. Clause texts read the facts below; the
renderer of this document writes amounts, percentages and dates as notaries do (Wna art. 41).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from generator import notation
from generator.answers.model import Antwoorden, Partner

DOCUMENT = "statuten"

# The heading of the deed per form, and how the founding statement names the form.
_FORMS = {
    "vereniging": ("AKTE VAN OPRICHTING VERENIGING", "een vereniging"),
    "cooperatie": ("AKTE VAN OPRICHTING COÖPERATIE", "een coöperatie"),
    "stichting": ("AKTE VAN OPRICHTING STICHTING", "een stichting"),
    "bv": ("AKTE VAN OPRICHTING BESLOTEN VENNOOTSCHAP",
           "een besloten vennootschap met beperkte aansprakelijkheid"),
}

# Words that say what a partner is rather than who: left out of its short name in the deed.
_FORM_WORDS = re.compile(
    r"^(stichting|vereniging|coöperatie|cooperatie)\s+|\s+(b\.v\.|n\.v\.|u\.a\.|b\.a\.|w\.a\.)$",
    re.IGNORECASE)
# An initial ("H.", "A.B.") where the deed needs the first names in full (Wna art. 40 and 41).
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.)+(?=\s|$)")


@dataclass(frozen=True)
class Oprichter:
    """A founder as the deed names it: the partner, its short name and the person who appears."""

    partner: Partner
    korte_naam: str
    persoon: str | None
    voornamen_voluit: bool


@dataclass(frozen=True)
class EersteBestuur:
    """Who the deed appoints as first bestuur: as many persons as the statuten require at least."""

    aantal: int
    functie: str
    voorzitter: bool
    penvoerder_is_bestuurder: bool


@dataclass(frozen=True)
class Aandelen:
    """The shares a founder takes at incorporation (BV)."""

    oprichter: Oprichter
    aantal: int
    nominaal: float
    eerste_nummer: int
    laatste_nummer: int


def short_name(naam: str) -> str:
    """'Stichting Alcander Jeugd' -> 'Alcander Jeugd'; 'Radar Jeugdhulp B.V.' -> 'Radar Jeugdhulp'."""
    if type(naam) is not str:  # a placeholder the engine made (a tender model's partner) stays as it is
        return naam
    stripped = naam.strip()
    while (shorter := _FORM_WORDS.sub("", stripped).strip()) != stripped:
        stripped = shorter
    return stripped or naam


def founders(a: Antwoorden) -> list[Oprichter]:
    """Every partner as a founder; a short name that would not be unique stays the full name."""
    shorts = [short_name(p.naam) for p in a.partners]
    result = []
    for partner, short in zip(a.partners, shorts, strict=True):
        unique = shorts.count(short) == 1
        persoon = partner.vertegenwoordiger or None
        result.append(Oprichter(partner, short if unique else partner.naam, persoon,
                                bool(persoon and _INITIAL.search(persoon))))
    return result


def first_board(a: Antwoorden) -> EersteBestuur:
    """The first bestuur, matching the composition article of the statuten for this leiding.

    A directeur-bestuurder: one person (the statuten allow one or two, or one or more). A bestuur
    above a directeur, and the vereniging or coöperatie where a penvoerder leads: at least three. A
    stichting or BV led by its penvoerder: the penvoerder itself is the one bestuurder.
    """
    leiding, vorm = a.toezicht.leiding, a.rechtsvorm.vorm
    if leiding == "directeur_bestuurder":
        return EersteBestuur(1, "directeur-bestuurder", False, False)
    if leiding == "penvoerder" and vorm in ("stichting", "bv"):
        return EersteBestuur(1, "bestuurder", False, True)
    return EersteBestuur(3, "bestuurder", vorm in ("vereniging", "cooperatie"), False)


def shares_per_founder(a: Antwoorden, oprichters: list[Oprichter]) -> list[Aandelen]:
    """The statuten's rule: a hundred shares each, or a hundred per percent when votes follow shares."""
    nominaal = a.rechtsvorm.nominale_waarde
    if a.stemrecht.model == "naar_aandeel":
        counts = whole_shares([Fraction(str(o.partner.aandeel)) * 100 for o in oprichters])
    else:
        counts = [100] * len(oprichters)
    result, first = [], 1
    for o, count in zip(oprichters, counts, strict=True):
        result.append(Aandelen(o, count, nominaal, first, first + count - 1))
        first += count
    return result


def whole_shares(exact: Sequence[Fraction]) -> list[int]:
    """Whole numbers of shares for exact ones, keeping their rounded total (largest remainder), and
    at least one share each: 3,333.33 + 3,333.33 + 3,333.34 gives 3,333 + 3,333 + 3,334, not 9,999."""
    counts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[: round(sum(exact)) - sum(counts)]:
        counts[i] += 1
    for i, count in enumerate(counts):
        if count == 0:
            counts[i] = 1
            counts[counts.index(max(counts))] -= 1
    return counts


# Titles before or after a name ("mr. drs.", "MBA"): the deed names a comparant by voornamen and naam.
_TITLES = frozenset({"mr.", "drs.", "dr.", "ir.", "ing.", "prof.", "bc.", "ds.", "mba", "msc", "ma", "bsc", "ba",
                     "llm", "phd", "ra", "rc", "mpa", "mha"})


def achternaam(persoon: str) -> str:
    """'mr. drs. P.J. de Vries MBA' -> 'de Vries': what stays once the full first names replace the initials."""
    words = [w for w in persoon.split() if w.lower() not in _TITLES and not re.fullmatch(r"(?:[A-Z]\.)+", w)]
    return " ".join(words) or persoon


def romeins(number: int) -> str:
    """'i', 'ii', ... for enumerations inside a paragraph (deeds.md §4)."""
    numerals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    result = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        result += letters * count
    return result


def deed_facts(a: Antwoorden) -> dict[str, Any]:
    """What the deed's clauses read besides the answers (empty lists without an own entity)."""
    if not a.heeft_rechtspersoon:
        return dict.fromkeys(FACT_NAMES)
    oprichters = founders(a)
    shares = shares_per_founder(a, oprichters) if a.rechtsvorm.vorm == "bv" else []
    start = a.consortium.ingangsdatum
    assert start is not None  # derived defaults have run: validated answers always have a start
    return {
        "oprichters": oprichters,
        "korte_namen": [o.korte_naam for o in oprichters],
        "eerste_bestuur": first_board(a),
        "aandelen_oprichting": shares,
        "geplaatste_aandelen": sum(s.aantal for s in shares),
        "geplaatst_kapitaal": sum(s.aantal for s in shares) * a.rechtsvorm.nominale_waarde,
        # The first boekjaar runs to the end of the year in which the contract starts.
        "einde_eerste_boekjaar": dt.date(start.year, 12, 31),
        "akte_vorm": _FORMS[a.rechtsvorm.vorm][1],
    }


FACT_NAMES = ("oprichters", "korte_namen", "eerste_bestuur", "aandelen_oprichting", "geplaatste_aandelen",
              "geplaatst_kapitaal", "einde_eerste_boekjaar", "akte_vorm")
HELPERS: dict[str, Callable[..., Any]] = {"romeins": romeins, "achternaam": achternaam}

# In the deed, amounts, percentages and dates are written as notaries write them.
NOTARIAL_HELPERS: dict[str, Callable[..., Any]] = {
    "bedrag": notation.bedrag_akte,
    "procent": notation.procent_akte,
    "datum": notation.datum_akte,
}


def deed_namespace(ns: dict[str, Any]) -> dict[str, Any]:
    """The namespace of the deed: the same answers and facts, with notarial notation."""
    return {**ns, **NOTARIAL_HELPERS}


def deed_heading(vorm: str) -> str:
    """'AKTE VAN OPRICHTING STICHTING'."""
    return _FORMS[vorm][0]
