"""Defaults that follow from earlier answers where the law points one way, with the reason.

Only the thresholds the analysis itself uses are read (facts.intern_toezicht_verplicht for
Jeugdwet 4.4.1; the Wmcz and WOR thresholds of rules_care); the interview proposes the answer
that avoids the warning, and says why. The user may still choose otherwise.
"""

from __future__ import annotations

from typing import Any

from generator.analysis.rules_care import CLIENTENRAAD_DREMPEL, ONDERNEMINGSRAAD_DREMPEL
from generator.answers.model import Antwoorden
from generator.facts import DREMPEL_AMBULANT, DREMPEL_VERBLIJF, intern_toezicht_verplicht


def _staff(a: Antwoorden) -> str:
    return f"De eigen rechtspersoon krijgt {a.consortium.jeugdhulpverleners} jeugdhulpverleners"


def suggestion(path: str, a: Antwoorden | None) -> tuple[Any, str] | None:
    """(value, reason) for the question at `path`, or None when the law does not point one way."""
    if a is None or not a.heeft_rechtspersoon:
        return None
    n = a.consortium.jeugdhulpverleners
    if path == "toezicht.model" and intern_toezicht_verplicht(a):
        drempel = DREMPEL_VERBLIJF if a.consortium.verblijf else DREMPEL_AMBULANT
        soort = "met verblijf" if a.consortium.verblijf else "ambulant"
        own = "raad_van_commissarissen" if a.rechtsvorm.vorm == "bv" else "raad_van_toezicht"
        return own, (f"{_staff(a)} ({soort}), meer dan {drempel}. Dan is een onafhankelijke interne "
                     "toezichthouder verplicht (Jeugdwet art. 4.4.1); getrapt toezicht via de partners "
                     "voldoet niet.")
    if n is None:  # the number is not known yet: the law points no way
        return None
    if path == "toezicht.clientenraad" and n > CLIENTENRAAD_DREMPEL:
        return True, (f"{_staff(a)}, meer dan {CLIENTENRAAD_DREMPEL}. Dan is een cliëntenraad "
                      "verplicht (Wmcz 2018).")
    if path == "toezicht.ondernemingsraad" and n >= ONDERNEMINGSRAAD_DREMPEL:
        return True, (f"{_staff(a)}, {ONDERNEMINGSRAAD_DREMPEL} of meer. Dan is een ondernemingsraad "
                      "verplicht (WOR art. 2).")
    return None
