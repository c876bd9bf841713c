"""Defaults that depend on other answers, applied in this one place, and the record of defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

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


def normalised_rechtbank(answers: Antwoorden) -> str | None:
    """A given court or place becomes the court's name; an unknown value stays for the rule."""
    given = answers.geschillen.rechtbank
    if given is None:
        return default_rechtbank(answers)
    return forum(given) or given


ADMISSION = "toetreding"
ADMISSION_LISTS = {"gekwalificeerd": "gekwalificeerde_besluiten", "unaniem": "unanieme_besluiten"}


def drop_overlap_from_default_list(answers: Antwoorden) -> Antwoorden:
    """A decision the file puts in one list leaves the other list when that one is a default.

    Otherwise writing `unanieme_besluiten: [begroting]` would clash with the default qualified
    list, which also names begroting. Two explicit lists that overlap stay an error.
    """
    s = answers.stemrecht
    given = {key: not answers.is_standaard(f"stemrecht.{key}") for key in ADMISSION_LISTS.values()}
    if sum(given.values()) != 1:
        return answers
    explicit = next(key for key, value in given.items() if value)
    default = next(key for key, value in given.items() if not value)
    kept = [d for d in getattr(s, default) if d not in getattr(s, explicit)]
    return answers.model_copy(update={"stemrecht": s.model_copy(update={default: kept})})


def align_admission_rule(answers: Antwoorden) -> Antwoorden:
    """Make the decision lists and `uittreding.toetreding` say the same about admitting a partner.

    The contract has two keys for one rule, and its own defaults disagree (toetreding is in the
    default qualified list, while the default admission rule is unanimity). `uittreding.toetreding`
    is the specific key and wins, unless it was left at its default while a list names toetreding.
    A decision placed in both lists is left alone: that is reported as an error.
    """
    s, u = answers.stemrecht, answers.uittreding
    in_lists = [key for key in ADMISSION_LISTS.values() if ADMISSION in getattr(s, key)]
    if len(in_lists) == 2:
        return answers
    lists_given = not all(answers.is_standaard(f"stemrecht.{key}") for key in ADMISSION_LISTS.values())
    rule, standaard = u.toetreding, answers.standaard
    if in_lists and lists_given and answers.is_standaard("uittreding.toetreding"):
        rule = "gekwalificeerd" if in_lists[0] == "gekwalificeerde_besluiten" else "unaniem"
        standaard = standaard - {"uittreding.toetreding"}
    lists = {key: _with_admission(getattr(s, key), name == rule) for name, key in ADMISSION_LISTS.items()}
    aligned = answers.model_copy(update={"stemrecht": s.model_copy(update=lists),
                                         "uittreding": u.model_copy(update={"toetreding": rule})})
    return aligned.with_standaard(standaard)


def _with_admission(decisions: list[str], admitted_here: bool) -> list[str]:
    if admitted_here and ADMISSION not in decisions:
        return [*decisions, ADMISSION]
    if not admitted_here and ADMISSION in decisions:
        return [d for d in decisions if d != ADMISSION]
    return decisions


def _ingangsdatum(answers: Antwoorden, today: dt.date | None) -> dt.date:
    return answers.consortium.ingangsdatum or next_new_year(today)


def _basisjaar(answers: Antwoorden, today: dt.date | None) -> int:
    given = answers.lumpsum.basisjaar
    return _ingangsdatum(answers, today).year - 1 if given is None else given


def _leiding(answers: Antwoorden, today: dt.date | None) -> str:
    return answers.toezicht.leiding or ("directeur_bestuurder" if answers.heeft_rechtspersoon else "penvoerder")


def _rechtbank(answers: Antwoorden, today: dt.date | None) -> str | None:
    return normalised_rechtbank(answers)


# The keys whose default follows other answers, each with how it is computed.
DERIVED: dict[str, Callable[[Antwoorden, dt.date | None], Any]] = {
    "consortium.ingangsdatum": _ingangsdatum,
    "lumpsum.basisjaar": _basisjaar,
    "toezicht.leiding": _leiding,
    "geschillen.rechtbank": _rechtbank,
}


def apply_derived_defaults(answers: Antwoorden, today: dt.date | None = None) -> Antwoorden:
    """The answers with every default that follows other answers computed in: a new value."""
    updates: dict[str, dict[str, Any]] = {}
    for pad, compute in DERIVED.items():
        section, key = pad.split(".")
        updates.setdefault(section, {})[key] = compute(answers, today)
    derived = answers.model_copy(update={name: getattr(answers, name).model_copy(update=values)
                                         for name, values in updates.items()})
    return align_admission_rule(drop_overlap_from_default_list(derived))


def default_paths(raw: dict[str, Any], answers: Antwoorden) -> frozenset[str]:
    """Every 'section.key' and 'partners[i].key' whose value was not written in the file."""
    paths: set[str] = set()
    for name in SECTIONS:
        given: dict[str, Any] = raw[name] if isinstance(raw.get(name), dict) else {}
        section: BaseModel = getattr(answers, name)
        paths |= {f"{name}.{key}" for key in type(section).model_fields if key not in given}
    raw_partners: list[Any] = raw["partners"] if isinstance(raw.get("partners"), list) else []
    for i, (partner, _) in enumerate(zip(raw_partners, answers.partners, strict=False)):
        given = partner if isinstance(partner, dict) else {}
        paths |= {f"partners[{i}].{key}" for key in Partner.model_fields if key not in given}
    return frozenset(paths)
