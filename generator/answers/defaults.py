"""Defaults that depend on other answers, applied in this one place, and the record of defaults."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from generator.answers.model import SECTIONS, Antwoorden, Partner
from generator.answers.rechtbanken import forum


def next_new_year(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return dt.date(today.year + 1, 1, 1)


def forum_place(answers: Antwoorden) -> str | None:
    """The place whose court is the default forum: the zetel, or the penvoerder's place."""
    if answers.heeft_rechtspersoon:
        return answers.rechtsvorm.zetel
    penvoerder = answers.penvoerder
    return penvoerder.plaats if penvoerder else None


def default_rechtbank(answers: Antwoorden) -> str | None:
    """The court of the arrondissement of the zetel (or the penvoerder's place), when known."""
    plaats = forum_place(answers)
    return forum(plaats) if plaats else None


def normalise_rechtbank(answers: Antwoorden) -> None:
    """A given court or place becomes the court's name; an unknown value stays for the rule."""
    g = answers.geschillen
    if g.rechtbank is None:
        g.rechtbank = default_rechtbank(answers)
    else:
        g.rechtbank = forum(g.rechtbank) or g.rechtbank


ADMISSION = "toetreding"
ADMISSION_LISTS = {"gekwalificeerd": "gekwalificeerde_besluiten", "unaniem": "unanieme_besluiten"}


def drop_overlap_from_default_list(answers: Antwoorden) -> None:
    """A decision the file puts in one list leaves the other list when that one is a default.

    Otherwise writing `unanieme_besluiten: [begroting]` would clash with the default qualified
    list, which also names begroting. Two explicit lists that overlap stay an error.
    """
    s = answers.stemrecht
    given = {key: not answers.is_standaard(f"stemrecht.{key}") for key in ADMISSION_LISTS.values()}
    if sum(given.values()) != 1:
        return
    explicit = next(key for key, value in given.items() if value)
    default = next(key for key, value in given.items() if not value)
    setattr(s, default, [d for d in getattr(s, default) if d not in getattr(s, explicit)])


def align_admission_rule(answers: Antwoorden) -> None:
    """Make the decision lists and `uittreding.toetreding` say the same about admitting a partner.

    The contract has two keys for one rule, and its own defaults disagree (toetreding is in the
    default qualified list, while the default admission rule is unanimity). `uittreding.toetreding`
    is the specific key and wins, unless it was left at its default while a list names toetreding.
    A decision placed in both lists is left alone: that is reported as an error.
    """
    s, u = answers.stemrecht, answers.uittreding
    in_lists = [key for key in ADMISSION_LISTS.values() if ADMISSION in getattr(s, key)]
    if len(in_lists) == 2:
        return
    lists_given = not all(answers.is_standaard(f"stemrecht.{key}") for key in ADMISSION_LISTS.values())
    if in_lists and lists_given and answers.is_standaard("uittreding.toetreding"):
        u.toetreding = "gekwalificeerd" if in_lists[0] == "gekwalificeerde_besluiten" else "unaniem"
        answers._standaard = answers._standaard - {"uittreding.toetreding"}
    for rule, key in ADMISSION_LISTS.items():
        decisions = getattr(s, key)
        if rule == u.toetreding and ADMISSION not in decisions:
            decisions.append(ADMISSION)
        elif rule != u.toetreding and ADMISSION in decisions:
            decisions.remove(ADMISSION)


def apply_derived_defaults(answers: Antwoorden, today: dt.date | None = None) -> None:
    c = answers.consortium
    if c.ingangsdatum is None:
        c.ingangsdatum = next_new_year(today)
    if answers.lumpsum.basisjaar is None:
        answers.lumpsum.basisjaar = c.ingangsdatum.year - 1
    if answers.toezicht.leiding is None:
        answers.toezicht.leiding = "directeur_bestuurder" if answers.heeft_rechtspersoon else "penvoerder"
    normalise_rechtbank(answers)
    drop_overlap_from_default_list(answers)
    align_admission_rule(answers)


def default_paths(raw: dict, answers: Antwoorden) -> frozenset[str]:
    """Every 'section.key' and 'partners[i].key' whose value was not written in the file."""
    paths: set[str] = set()
    for name in SECTIONS:
        given = raw.get(name) if isinstance(raw.get(name), dict) else {}
        section: BaseModel = getattr(answers, name)
        paths |= {f"{name}.{key}" for key in type(section).model_fields if key not in given}
    raw_partners = raw.get("partners") if isinstance(raw.get("partners"), list) else []
    for i, (partner, _) in enumerate(zip(raw_partners, answers.partners, strict=False)):
        given = partner if isinstance(partner, dict) else {}
        paths |= {f"partners[{i}].{key}" for key in Partner.model_fields if key not in given}
    return frozenset(paths)
