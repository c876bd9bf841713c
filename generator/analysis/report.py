"""The analysis as one value: `analyse(answers)`, and its JSON form for `check --json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.analysis import explain, rules_care, rules_governance, rules_lumpsum, rules_risks
from generator.analysis.findings import NIET_BEOORDEELD, RuleInput, Waarschuwing, run_rules
from generator.analysis.lumpsum import Jaar, LumpsumAnalyse, analyse_lumpsum
from generator.analysis.positions import (
    GROOT_BELANG,
    Positie,
    equal_power,
    partner_positions,
    uses_qualified,
)
from generator.answers.model import Antwoorden
from generator.errors import Problem

RULES = (*rules_governance.RULES, *rules_care.RULES, *rules_lumpsum.RULES, *rules_risks.RULES)


@dataclass(frozen=True)
class Analyse:
    consortium: str
    stemmodel: str
    posities: tuple[Positie, ...]
    lumpsum: LumpsumAnalyse
    waarschuwingen: tuple[Waarschuwing, ...]
    stemregels: tuple[str, ...]
    rol_uitleg: tuple[str, ...]
    belang_drempel: float
    invloed_drempel: float
    invloed_besluiten: str
    niet_beoordeeld: tuple[tuple[str, str], ...] = NIET_BEOORDEELD


def analyse(answers: Antwoorden) -> Analyse:
    """The governance analysis of a validated answers file. Pure: no IO."""
    posities = partner_positions(answers)
    lumpsum = analyse_lumpsum(answers)
    waarschuwingen = run_rules(RULES, RuleInput(answers, posities, lumpsum))
    return Analyse(
        consortium=answers.consortium.naam,
        stemmodel=answers.stemrecht.model,
        posities=posities,
        lumpsum=lumpsum,
        waarschuwingen=waarschuwingen,
        stemregels=explain.stemregels(answers),
        rol_uitleg=explain.rol_uitleg(len(posities)),
        belang_drempel=GROOT_BELANG,
        invloed_drempel=equal_power(len(posities)),
        invloed_besluiten=("gekwalificeerde besluiten" if uses_qualified(answers)
                           else "gewone besluiten"),
    )


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _positie_json(p: Positie) -> dict[str, Any]:
    return {
        "naam": p.naam,
        "aandeel": _r(p.aandeel),
        "omzet": p.omzet,
        "opbrengst": _r(p.opbrengst, 2),
        "afhankelijkheid": _r(p.afhankelijkheid),
        "stemgewicht": _r(p.stemgewicht),
        "macht": {"meerderheid": _r(p.macht.meerderheid), "gekwalificeerd": _r(p.macht.gekwalificeerd)},
        "veto": p.veto,
        "rol": p.rol,
    }


def _jaar_json(j: Jaar) -> dict[str, Any]:
    return {"jaar": j.jaar, "kalenderjaar": j.kalenderjaar, "behoefte": _r(j.behoefte, 2),
            "beschikbaar": _r(j.beschikbaar, 2), "verschil": _r(j.verschil, 2)}


def _lumpsum_json(ls: LumpsumAnalyse) -> dict[str, Any]:
    return {
        "beschikbaar_per_jaar": _r(ls.beschikbaar_per_jaar, 2),
        "behoefte_bekend": ls.behoefte_bekend,
        "jaren": [_jaar_json(j) for j in ls.jaren],
        "totaal": {"behoefte": _r(ls.totaal_behoefte, 2), "beschikbaar": _r(ls.totaal_beschikbaar, 2),
                   "verschil": _r(ls.totaal_verschil, 2)},
        "aannames": list(ls.aannames),
    }


def to_json(a: Analyse) -> dict[str, Any]:
    """The analysis as plain JSON data; percentages 0-100, macht as a fraction 0-1."""
    return {
        "geldig": True,
        "consortium": a.consortium,
        "stemmodel": a.stemmodel,
        "stemregels": list(a.stemregels),
        "drempels": {"groot_belang": a.belang_drempel, "veel_invloed": round(a.invloed_drempel, 4),
                     "uitleg": list(a.rol_uitleg)},
        "partners": [_positie_json(p) for p in a.posities],
        "lumpsum": _lumpsum_json(a.lumpsum),
        "waarschuwingen": [{"code": w.code, "ernst": w.ernst, "titel": w.titel,
                            "bericht": w.bericht, "bron": w.bron} for w in a.waarschuwingen],
        "niet_beoordeeld": [{"code": c, "reden": r} for c, r in a.niet_beoordeeld],
    }


def invalid_json(bericht: str, problemen: list[Problem]) -> dict[str, Any]:
    """The JSON form of a refused answers file."""
    found = [{"pad": p.pad, "bericht": p.bericht} for p in problemen]
    return {"geldig": False, "bericht": bericht, "problemen": found or [{"pad": "", "bericht": bericht}]}
