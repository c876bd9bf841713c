"""Representative answers per legal form, used to prove the library covers every mandatory element."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.answers.load import validate_answers
from generator.answers.model import Antwoorden

_NAMES = {
    "geen": None,
    "vereniging": "Vereniging Jeugdhulp Voorbeeld",
    "cooperatie": "Coöperatie Jeugdhulp Voorbeeld U.A.",
    "stichting": "Stichting Jeugdhulp Voorbeeld",
    "bv": "Jeugdhulp Voorbeeld B.V.",
}


def sample_raw(vorm: str, **overrides: dict[str, Any]) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "versie": 1,
        "consortium": {"naam": "Jeugdhulp Voorbeeld", "werkgebied": ["Voorbeeld"],
                       "opdrachtgever": "Gemeente Voorbeeld", "opdrachtwaarde_per_jaar": 10_000_000,
                       "ingangsdatum": "2027-01-01"},
        "partners": [
            {"naam": "Stichting A", "aandeel": 60, "penvoerder": vorm == "geen"},
            {"naam": "Stichting B", "aandeel": 40},
        ],
        "rechtsvorm": {"vorm": vorm},
    }
    if _NAMES[vorm]:
        raw["rechtsvorm"].update(naam=_NAMES[vorm], zetel="Utrecht")
    for section, values in overrides.items():
        raw.setdefault(section, {}).update(values)
    return raw


def _variants(vorm: str) -> Iterator[dict[str, Any]]:
    yield {}
    yield {"consortium": {"hoofdelijk": False, "verblijf": True, "jeugdhulpverleners": 40,
                          "toegang": True},
           # above the Jeugdwet 4.4.1 threshold getrapt toezicht is refused: an own board
           "toezicht": {"model": {"geen": "getrapt", "bv": "raad_van_commissarissen"}.get(vorm, "raad_van_toezicht")},
           "stemrecht": {"model": "naar_aandeel", "maximum": 60},
           "uittreding": {"vergoeding": "vast_bedrag", "vast_bedrag": 50_000}}
    yield {"stemrecht": {"model": "consent"}, "toezicht": {"clientenraad": True, "ondernemingsraad": True},
           "geschillen": {"route": "mediation_arbitrage"}, "dataregistratie": {"avg_rol": "verwerker"}}
    if vorm in ("vereniging", "cooperatie", "stichting"):
        yield {"toezicht": {"model": "raad_van_toezicht", "leden": 5}}
    if vorm == "bv":
        yield {"toezicht": {"model": "raad_van_commissarissen"}}


def sample_overrides() -> list[tuple[str, dict[str, Any]]]:
    """(legal form, section overrides) of every representative answers file."""
    return [(vorm, overrides) for vorm in _NAMES for overrides in _variants(vorm)]


def samples() -> Iterator[Antwoorden]:
    for vorm in _NAMES:
        for overrides in _variants(vorm):
            yield validate_answers(sample_raw(vorm, **overrides), f"voorbeeld {vorm}")
