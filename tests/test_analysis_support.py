"""Helpers for the analysis tests: a valid answers dict whose every warning trigger is off,
except the three that always apply (W9, W13 with an entity, W14), and dotted-key overrides."""

from __future__ import annotations

import datetime as dt

from answers_builder import build

from generator.analysis.report import Analyse, analyse
from generator.answers import Antwoorden, validate_answers

TODAY = dt.date(2026, 6, 1)

# Hand-picked so that nothing is flagged: equal votes with a 66% qualified majority (2 of 3
# partners win, no veto), dependencies 18%, 20% and 18.75% (all 'groot belang', spread < 20 pp),
# a regional contracting party, a lump sum with room every year.
BASE = {
    "versie": 1,
    "consortium": {
        "naam": "Jeugdhulp Testregio",
        "werkgebied": ["Aadorp", "Beekdorp", "Cedorp"],
        "opdrachtgever": "Regio Testland",
        "opdrachtwaarde_per_jaar": 10_000_000,
        "ingangsdatum": "2027-01-01",
        "looptijd_jaren": 3,
        "hoofdelijk": False,
        "jeugdhulpverleners": 0,
    },
    "partners": [
        {"naam": "Partner A", "rechtsvorm": "bv", "aandeel": 45, "omzet": 25_000_000},
        {"naam": "Partner B", "rechtsvorm": "bv", "aandeel": 40, "omzet": 20_000_000},
        {"naam": "Partner C", "rechtsvorm": "bv", "aandeel": 15, "omzet": 8_000_000},
    ],
    "rechtsvorm": {"vorm": "cooperatie", "naam": "Coöperatie Testregio U.A.", "zetel": "Aadorp"},
    "stemrecht": {"model": "gelijk", "gekwalificeerd": 66},
    "lumpsum": {"basisjaar": 2026, "historische_uitgaven": 9_000_000, "indexatie": 2,
                "kostprijselementen": True, "afroming": 0},
    "uittreding": {"vergoeding": "geen"},
    "toezicht": {"model": "raad_van_toezicht"},
    "dataregistratie": {"kpis": ["financien"]},
    "geschillen": {"rechtbank": "Gelderland"},
}

ALWAYS = {"W9", "W13", "W14"}


def raw(changes: dict | None = None) -> dict:
    """BASE with `changes` applied: {'consortium.toegang': True, 'partners': [...]}; None deletes."""
    return build(BASE, changes)


def answers(changes: dict | None = None) -> Antwoorden:
    return validate_answers(raw(changes), today=TODAY)


def analysed(changes: dict | None = None) -> Analyse:
    return analyse(answers(changes))


def codes(changes: dict | None = None) -> set[str]:
    return {w.code for w in analysed(changes).waarschuwingen}


def shares(*values: float, omzet: float | None = None, rechtsvorm: str = "bv") -> list[dict]:
    """Partners named P1.. with these shares (and one turnover for all, or none)."""
    return [{"naam": f"P{i + 1}", "rechtsvorm": rechtsvorm, "aandeel": v,
             **({"omzet": omzet} if omzet is not None else {})} for i, v in enumerate(values)]


def test_base_is_valid_and_raises_only_the_general_warnings():
    assert codes() == ALWAYS


def test_changes_override_and_delete_keys():
    data = raw({"consortium.toegang": True, "lumpsum.afroming": None})
    assert data["consortium"]["toegang"] is True
    assert "afroming" not in data["lumpsum"]
    assert BASE["lumpsum"]["afroming"] == 0
