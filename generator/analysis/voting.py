"""Votes and voting power: stemgewicht per model, the cap redistribution and the Banzhaf index.

Arithmetic is exact (Fractions), so a coalition holding exactly 50% or exactly the qualified
percentage is judged without rounding error. Power is computed on the whole votes the statuten
give (see `statutory_votes`), so the subset-sum programme stays small: polynomial in the number of
partners whatever the decimals of the shares.

Decision rules (documented in the README and the analysis document):
- an ordinary decision passes with strictly more than 50% of all votes;
- a qualified decision passes with at least `gekwalificeerd`% of all votes;
- under `consent` every partner can block every decision (a veto for each).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from generator.library.akte import whole_shares

HONDERD = Fraction(100)
GEWONE_MEERDERHEID = Fraction(50)


def exact(value: float | int) -> Fraction:
    """A number from the answers file as an exact fraction (33.33 -> 3333/100)."""
    return Fraction(str(value))


def normalise(values: Sequence[Fraction]) -> list[Fraction]:
    """Scale to percentages that add up to exactly 100."""
    total = sum(values, Fraction(0))
    return [v * HONDERD / total for v in values]


def capped_weights(shares: Sequence[Fraction], cap: Fraction) -> list[Fraction]:
    """Shares as votes, no partner above `cap`; the excess goes pro rata to the others.

    Iterates until nobody exceeds the cap: a partner lifted above the cap by a redistribution
    is capped in the next round. Requires cap * len(shares) >= 100 (checked by validation).
    """
    base = normalise(shares)
    weights = list(base)
    capped: set[int] = set()
    while True:
        over = {i for i, w in enumerate(weights) if i not in capped and w > cap}
        if not over:
            return weights
        capped |= over
        free = [i for i in range(len(weights)) if i not in capped]
        rest = HONDERD - cap * len(capped)
        free_total = sum((base[i] for i in free), Fraction(0))
        for i in capped:
            weights[i] = cap
        for i in free:
            weights[i] = base[i] * rest / free_total


def capped_without_redistribution(shares: Sequence[Fraction], cap: Fraction) -> list[Fraction]:
    """Shares as votes where the votes above `cap` cannot be cast and go to nobody (BV, 2:228).

    The result is each partner's percentage of the votes that can be cast: with shares 45/30/15/10
    and a 40% cap, 40/95, 30/95, 15/95 and 10/95.
    """
    return normalise([min(share, cap) for share in normalise(shares)])


def stemgewichten(shares: Sequence[Fraction], model: str, cap: Fraction,
                  herverdeling: bool = True) -> list[Fraction]:
    """Each partner's percentage of the votes under `model` (gelijk, naar_aandeel, consent).

    `herverdeling` follows the statuten: the vereniging, coöperatie and stichting give the votes
    above the cap to the others; in a BV votes follow shares and the capped votes are lost.
    Under consent nobody outvotes anybody: each partner counts equally (and holds a veto).
    """
    if model == "naar_aandeel":
        return capped_weights(shares, cap) if herverdeling else capped_without_redistribution(shares, cap)
    return [HONDERD / len(shares)] * len(shares)


def _wins_majority(votes: Fraction) -> bool:
    return votes > GEWONE_MEERDERHEID


# Does a coalition with these votes (a share of all votes) win?
Wins = Callable[[Fraction], bool]


def winning_rule(model: str, gekwalificeerd: Fraction | None) -> Wins:
    """The test 'does a coalition with these votes win?' for one kind of decision.

    `gekwalificeerd` None means an ordinary decision; under consent only all votes win.
    """
    if model == "consent":
        return lambda votes: votes >= HONDERD
    if gekwalificeerd is None:
        return _wins_majority
    return lambda votes: votes >= gekwalificeerd


def _subset_sums(weights: Sequence[int]) -> dict[int, int]:
    """How many coalitions reach each total weight (a counting dynamic programme)."""
    counts: dict[int, int] = {0: 1}
    for w in weights:
        step = dict(counts)
        for total, n in counts.items():
            step[total + w] = step.get(total + w, 0) + n
        counts = step
    return counts


def _without(counts: dict[int, int], w: int) -> dict[int, int]:
    """The subset-sum counts with one weight `w` taken out again (deconvolution)."""
    rest: dict[int, int] = {}
    for total in sorted(counts):
        n = counts[total] - rest.get(total - w, 0)
        if n:
            rest[total] = n
    return rest


def swings(weights: Sequence[Fraction], wins: Wins) -> list[int]:
    """Banzhaf swings: coalitions that win with the partner and lose without it.

    Weights are scaled to integers (exactly), the subset sums of all partners are counted once,
    and each partner's own weight is divided out again: O(n x distinct sums), not O(2^n).
    """
    scale = math.lcm(*(Fraction(w).denominator for w in weights))
    ints = [int(w * scale) for w in weights]
    counts = _subset_sums(ints)
    won = {total: wins(Fraction(total, scale)) for total in counts}
    result = []
    for w in ints:
        others = _without(counts, w)
        result.append(sum(n for total, n in others.items() if won[total + w] and not won[total]))
    return result


def banzhaf(weights: Sequence[Fraction], wins: Wins) -> list[Fraction]:
    """The normalised Banzhaf index: each partner's swings over all swings (sums to 1)."""
    counts = swings(weights, wins)
    total = sum(counts)
    if total == 0:
        return [Fraction(0)] * len(weights)
    return [Fraction(c, total) for c in counts]


def can_block(weights: Sequence[Fraction], wins: Wins) -> list[bool]:
    """True for a partner whose votes are needed: all the others together do not win."""
    total = sum(weights, Fraction(0))
    return [not wins(total - w) for w in weights]


VOTES_PER_PERCENT = 10  # vereniging and coöperatie: "tien maal zijn stemaandeel, rekenkundig afgerond"
SHARES_PER_PERCENT = 100  # BV: "honderd (100) aandelen per procent opdrachtaandeel"


def round_half_up(value: Fraction) -> int:
    """Rekenkundig afronden: a half rounds up (Python's round() rounds a half to even)."""
    return math.floor(value + Fraction(1, 2))


def statutory_votes(shares: Sequence[Fraction], weights: Sequence[Fraction], model: str, cap: Fraction,
                    herverdeling: bool = True) -> list[int]:
    """The whole number of votes each partner casts under the statuten.

    One vote each under gelijk and consent. Under naar_aandeel: in a BV the shares (100 per percent,
    in whole shares as the deed issues them, keeping their total) with no holder casting more than
    the cap of all votes; otherwise ten votes per percent of the capped weight, rounded, and at
    least one vote. The other forms (stichting, geen) have no
    rounding rule of their own and are counted at the same resolution of 0.1 percent.
    """
    if model != "naar_aandeel":
        return [1] * len(shares)
    if not herverdeling:
        held = whole_shares([share * SHARES_PER_PERCENT for share in shares])  # as the deed issues them
        limit = math.floor(cap * sum(held) / HONDERD)
        return [max(1, min(h, limit)) for h in held]
    return [max(1, round_half_up(w * VOTES_PER_PERCENT)) for w in weights]


@dataclass(frozen=True)
class Stemming:
    """Votes and power of every partner, in partner order."""

    stemgewicht: tuple[Fraction, ...]
    macht_meerderheid: tuple[Fraction, ...]
    macht_gekwalificeerd: tuple[Fraction, ...]
    veto: tuple[bool, ...]


def analyse_votes(shares: Sequence[Fraction], model: str, cap: Fraction,
                  gekwalificeerd: Fraction, herverdeling: bool = True) -> Stemming:
    """Votes, power for ordinary and qualified decisions, and the veto on qualified ones.

    `stemgewicht` is the exact percentage of the votes; power and veto are computed on the whole
    votes of `statutory_votes`, as a meeting counts them."""
    weights = stemgewichten(shares, model, cap, herverdeling)
    votes = normalise([Fraction(v) for v in statutory_votes(shares, weights, model, cap, herverdeling)])
    ordinary = winning_rule(model, None)
    qualified = winning_rule(model, gekwalificeerd)
    return Stemming(
        stemgewicht=tuple(weights),
        macht_meerderheid=tuple(banzhaf(votes, ordinary)),
        macht_gekwalificeerd=tuple(banzhaf(votes, qualified)),
        veto=tuple(can_block(votes, qualified)),
    )
