"""The Jeugdwet 4.4.1 thresholds for an interne toezichthouder, as answers rules and facts use them.

Besluit Jeugdwet as amended by Stb. 2025, 357 (checklist §6.1): an interne toezichthouder is
required for jeugdhulp with verblijf and more than 10 jeugdhulpverleners, or ambulant jeugdhulp
with more than 25.
"""

from __future__ import annotations

from generator.answers.model import Antwoorden

DREMPEL_VERBLIJF = 10
DREMPEL_AMBULANT = 25


def drempel(a: Antwoorden) -> int:
    return DREMPEL_VERBLIJF if a.consortium.verblijf else DREMPEL_AMBULANT


def soort_jeugdhulp(a: Antwoorden) -> str:
    return "met verblijf" if a.consortium.verblijf else "ambulant (zonder verblijf)"


def boven_drempel(a: Antwoorden) -> bool:
    """The own entity has a known number of jeugdhulpverleners above the threshold."""
    n = a.consortium.jeugdhulpverleners
    return a.heeft_rechtspersoon and n is not None and n > drempel(a)


def aantal_onbekend(a: Antwoorden) -> bool:
    """The own entity contracts jeugdhulp, but the file does not say how many jeugdhulpverleners."""
    return a.heeft_rechtspersoon and a.consortium.jeugdhulpverleners is None
