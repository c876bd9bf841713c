"""Partner positions: dependency on the consortium and the role in 'Wie ben jij in het consortium?'.

The frame of the NZa paper compares what is at stake for a partner with how much it can steer.
- Stake (belang): the partner's consortium revenue as a share of its own turnover
  (afhankelijkheid). GROOT_BELANG or more is a large stake.
- Influence (invloed): the partner's normalised Banzhaf power for the qualified decisions (the
  budget, the accounts, the distribution key), or for ordinary decisions when no decision
  needs a qualified majority. At least an equal part of the power (1/n) is much influence;
  a partner with a veto always has at least 1/n.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from generator.analysis.voting import Stemming, analyse_votes, exact
from generator.answers.model import Antwoorden

GROOT_BELANG = 15.0
"""Dependency (% of own turnover) from which a partner has a large stake in the consortium."""

KRUIMELKONING = "kruimelkoning"
GEGIJZELD = "gegijzeld"
KARTREKKER = "kartrekker"
VOLGER = "volger"

ROLLEN = {
    KARTREKKER: "groot belang, veel invloed",
    KRUIMELKONING: "klein belang, veel invloed",
    GEGIJZELD: "groot belang, weinig invloed",
    VOLGER: "klein belang, weinig invloed",
}


@dataclass(frozen=True)
class Macht:
    meerderheid: float
    gekwalificeerd: float


@dataclass(frozen=True)
class Positie:
    """One partner's position. Percentages are 0..100; power is a fraction 0..1."""

    naam: str
    aandeel: float
    opbrengst: float
    omzet: float | None
    afhankelijkheid: float | None
    stemgewicht: float
    macht: Macht
    veto: bool
    invloed: float
    veel_invloed: bool
    rol: str | None


def afhankelijkheid(aandeel: float, opdrachtwaarde: float, omzet: float | None) -> float | None:
    """Consortium revenue (aandeel x opdrachtwaarde) as % of own turnover; None when unknown.

    A turnover of 0 cannot carry any revenue, so it is treated as unknown.
    """
    if omzet is None or omzet <= 0:
        return None
    return aandeel / 100 * opdrachtwaarde / omzet * 100


def rol(afh: float | None, veel_invloed: bool) -> str | None:
    """The quadrant in 'Wie ben jij in het consortium?'; None when the stake is unknown."""
    if afh is None:
        return None
    groot = afh >= GROOT_BELANG
    if veel_invloed:
        return KARTREKKER if groot else KRUIMELKONING
    return GEGIJZELD if groot else VOLGER


def influence(stemming: Stemming, use_qualified: bool) -> tuple[Fraction, ...]:
    """The power that counts as influence: qualified decisions, or ordinary ones if none."""
    return stemming.macht_gekwalificeerd if use_qualified else stemming.macht_meerderheid


def uses_qualified(answers: Antwoorden) -> bool:
    """Influence is measured on the qualified decisions, unless there are none."""
    return bool(answers.stemrecht.gekwalificeerde_besluiten)


def partner_positions(answers: Antwoorden) -> tuple[Positie, ...]:
    """Every partner's share, dependency, votes, power, veto and role, in partner order."""
    s = answers.stemrecht
    waarde = answers.consortium.opdrachtwaarde_per_jaar
    shares = [exact(p.aandeel) for p in answers.partners]
    # The same vote rule as the statuten: a BV loses the votes above the cap (no redistribution).
    stemming = analyse_votes(shares, s.model, exact(s.maximum), exact(s.gekwalificeerd),
                             herverdeling=answers.rechtsvorm.vorm != "bv")
    power = influence(stemming, uses_qualified(answers))
    equal_part = Fraction(1, len(shares))
    posities = []
    for i, p in enumerate(answers.partners):
        afh = afhankelijkheid(p.aandeel, waarde, p.omzet)
        veel = power[i] >= equal_part
        posities.append(Positie(
            naam=p.naam,
            aandeel=float(p.aandeel),
            opbrengst=p.aandeel / 100 * waarde,
            omzet=p.omzet,
            afhankelijkheid=afh,
            stemgewicht=float(stemming.stemgewicht[i]),
            macht=Macht(float(stemming.macht_meerderheid[i]),
                        float(stemming.macht_gekwalificeerd[i])),
            veto=stemming.veto[i],
            invloed=float(power[i]),
            veel_invloed=veel,
            rol=rol(afh, veel),
        ))
    return tuple(posities)


def equal_power(count: int) -> float:
    """The influence threshold: an equal part of the power, 1/n."""
    return float(Fraction(1, count))

