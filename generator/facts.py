"""Facts derived from the answers that documents and analysis both rely on. Pure functions."""

from __future__ import annotations

from generator.answers.model import Antwoorden

# Jeugdwet 4.4.1 with Besluit Jeugdwet (Stb. 2025, 357): an interne toezichthouder is required
# above these numbers of jeugdhulpverleners (checklist §6.1).
DREMPEL_VERBLIJF = 10
DREMPEL_AMBULANT = 25


def intern_toezicht_verplicht(a: Antwoorden) -> bool:
    """The consortium's own entity crosses the Jeugdwet 4.4.1 threshold."""
    if not a.heeft_rechtspersoon:
        return False
    limit = DREMPEL_VERBLIJF if a.consortium.verblijf else DREMPEL_AMBULANT
    return a.consortium.jeugdhulpverleners > limit


def eigen_raad(a: Antwoorden) -> bool:
    return a.toezicht.model in ("raad_van_toezicht", "raad_van_commissarissen")
