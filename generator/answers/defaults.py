"""Defaults that depend on other answers, applied in this one place, and the record of defaults."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from generator.answers.model import SECTIONS, Antwoorden


def next_new_year(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return dt.date(today.year + 1, 1, 1)


def default_rechtbank(answers: Antwoorden) -> str | None:
    """The court of the zetel, or of the penvoerder's place when there is no entity."""
    plaats = answers.rechtsvorm.zetel
    if not answers.heeft_rechtspersoon:
        penvoerder = answers.penvoerder
        plaats = penvoerder.plaats if penvoerder else None
    if not plaats:
        return None
    return f"de rechtbank van het arrondissement waarin {plaats} is gelegen"


def apply_derived_defaults(answers: Antwoorden, today: dt.date | None = None) -> None:
    c = answers.consortium
    if c.ingangsdatum is None:
        c.ingangsdatum = next_new_year(today)
    if answers.lumpsum.basisjaar is None:
        answers.lumpsum.basisjaar = c.ingangsdatum.year - 1
    if answers.toezicht.leiding is None:
        answers.toezicht.leiding = "directeur_bestuurder" if answers.heeft_rechtspersoon else "penvoerder"
    if answers.geschillen.rechtbank is None:
        answers.geschillen.rechtbank = default_rechtbank(answers)


def default_paths(raw: dict, answers: Antwoorden) -> frozenset[str]:
    """Every 'section.key' and 'partners[i].key' whose value was not written in the file."""
    paths: set[str] = set()
    for name in SECTIONS:
        given = raw.get(name) if isinstance(raw.get(name), dict) else {}
        section: BaseModel = getattr(answers, name)
        paths |= {f"{name}.{key}" for key in type(section).model_fields if key not in given}
    for i, partner in enumerate(raw.get("partners") or []):
        given = partner if isinstance(partner, dict) else {}
        paths |= {f"partners[{i}].{key}" for key in type(answers.partners[i]).model_fields
                  if key not in given}
    return frozenset(paths)
