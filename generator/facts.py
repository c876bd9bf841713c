"""Facts derived from the answers that documents and analysis both rely on. Pure functions."""

from __future__ import annotations

from generator.answers import jeugdwet
from generator.answers.model import Antwoorden

# Jeugdwet 4.4.1 thresholds live with the answers rules that refuse getrapt toezicht above them.
DREMPEL_VERBLIJF = jeugdwet.DREMPEL_VERBLIJF
DREMPEL_AMBULANT = jeugdwet.DREMPEL_AMBULANT


def intern_toezicht_verplicht(a: Antwoorden) -> bool:
    """The consortium's own entity crosses the Jeugdwet 4.4.1 threshold."""
    return jeugdwet.boven_drempel(a)


def jeugdhulpverleners_onbekend(a: Antwoorden) -> bool:
    """Unknown is not 0: the entity contracts jeugdhulp and the number was not given."""
    return jeugdwet.aantal_onbekend(a)


def eigen_raad(a: Antwoorden) -> bool:
    return a.toezicht.model in ("raad_van_toezicht", "raad_van_commissarissen")


# BW 2:36 lid 1 (via 2:53a for the coöperatie): the statuten may lengthen the notice, but a member
# can always leave at the end of the boekjaar following the one in which it gave notice. A term of
# more than twelve months, or exit only at the end of the contract, can go beyond that.
def opzegging_begrensd(a: Antwoorden) -> bool:
    """The answered notice period is longer than 2:36 lid 1 allows for a member."""
    u = a.uittreding
    return a.rechtsvorm.vorm in ("vereniging", "cooperatie") and (
        u.opzegtermijn > 12 or u.per == "einde_looptijd")
