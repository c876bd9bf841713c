"""Votes and power: the cap redistribution and the Banzhaf index, against hand-computed figures."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction as F

import pytest
from test_analysis_support import answers, shares

from generator.analysis.positions import partner_positions
from generator.analysis.voting import (
    analyse_votes,
    banzhaf,
    can_block,
    capped_weights,
    stemgewichten,
    swings,
    winning_rule,
)

MAJORITY = winning_rule("naar_aandeel", None)


def at_least(pct: int):
    return winning_rule("naar_aandeel", F(pct))


def test_banzhaf_four_partners_simple_majority():
    # Winning with > 50: AB, AC, ABC, ABD, ACD, BCD, ABCD. Swings A 5, B 3, C 3, D 1 (of 12).
    assert banzhaf([F(40), F(30), F(20), F(10)], MAJORITY) == [F(5, 12), F(3, 12), F(3, 12), F(1, 12)]


def test_banzhaf_dictator_and_dummy():
    assert banzhaf([F(60), F(40)], MAJORITY) == [F(1), F(0)]


def test_simple_majority_is_strictly_more_than_half():
    # 50 of 100 is not a majority: with 50/50 both partners are needed, so each can block.
    assert banzhaf([F(50), F(50)], MAJORITY) == [F(1, 2), F(1, 2)]
    assert can_block([F(50), F(50)], MAJORITY) == [True, True]
    assert not MAJORITY(F(50)) and MAJORITY(F(5001, 100))


def test_qualified_majority_is_at_least_the_percentage():
    # 67 of 100 passes a 67% decision on its own: a dictator.
    assert banzhaf([F(67), F(33)], at_least(67)) == [F(1), F(0)]
    assert can_block([F(67), F(33)], at_least(67)) == [True, False]
    # 2 of 3 equal votes is 66.67%, short of 67%: unanimity in practice.
    assert can_block([F(100, 3)] * 3, at_least(67)) == [True, True, True]
    assert can_block([F(100, 3)] * 3, at_least(66)) == [False, False, False]


def test_unanimity_gives_equal_power_and_a_veto_to_all():
    wins = winning_rule("consent", F(67))
    assert banzhaf([F(70), F(20), F(10)], wins) == [F(1, 3)] * 3
    assert can_block([F(70), F(20), F(10)], wins) == [True] * 3


def test_swing_counts_match_brute_force_enumeration():
    rng = random.Random(7)
    for _ in range(40):
        weights = [F(rng.randint(1, 40), rng.randint(1, 7)) for _ in range(rng.randint(2, 7))]
        total = sum(weights)

        def wins(v, t=total):
            return v * 100 >= 60 * t

        expected = []
        for i, w in enumerate(weights):
            others = [x for j, x in enumerate(weights) if j != i]
            count = 0
            for r in range(len(others) + 1):
                for combo in itertools.combinations(others, r):
                    s = sum(combo, F(0))
                    count += wins(s + w) and not wins(s)
            expected.append(count)
        assert swings(weights, wins) == expected


def test_cap_redistributes_the_excess_pro_rata():
    # 70 capped at 50; the 20 excess goes 2:1 to the others: 20 + 13 1/3, 10 + 6 2/3.
    assert capped_weights([F(70), F(20), F(10)], F(50)) == [F(50), F(100, 3), F(50, 3)]


def test_cap_iterates_until_nobody_exceeds_it():
    # Round 1: 60 -> 40, the 20 goes 35:5 -> 52.5 and 7.5. Round 2: 52.5 -> 40, C gets 20.
    assert capped_weights([F(60), F(35), F(5)], F(40)) == [F(40), F(40), F(20)]


def test_cap_leaves_shares_under_it_alone_and_normalises_to_100():
    assert capped_weights([F(45), F(40), F(15)], F(50)) == [F(45), F(40), F(15)]
    weights = capped_weights([F("33.33"), F("33.33"), F("33.33")], F(50))
    assert sum(weights) == 100 and weights[0] == weights[2]


@pytest.mark.parametrize("model", ["gelijk", "consent"])
def test_equal_and_consent_count_every_partner_the_same(model):
    assert stemgewichten([F(70), F(20), F(10)], model, F(50)) == [F(100, 3)] * 3


def test_worked_example_45_40_15():
    votes = analyse_votes([F(45), F(40), F(15)], "naar_aandeel", F(50), F(67))
    assert votes.macht_meerderheid == (F(1, 3), F(1, 3), F(1, 3))
    assert votes.macht_gekwalificeerd == (F(1, 2), F(1, 2), F(0))
    assert votes.veto == (True, True, False)


def test_worked_example_through_the_answers():
    posities = partner_positions(answers({"partners": shares(45, 40, 15),
                                          "stemrecht": {"model": "naar_aandeel", "gekwalificeerd": 67}}))
    assert [p.stemgewicht for p in posities] == [45, 40, 15]
    assert [p.macht.meerderheid for p in posities] == pytest.approx([1 / 3] * 3)
    assert [p.macht.gekwalificeerd for p in posities] == [0.5, 0.5, 0.0]
    assert [p.veto for p in posities] == [True, True, False]


def test_consent_gives_everyone_a_veto_on_everything():
    posities = partner_positions(answers({"partners": shares(70, 20, 10), "stemrecht.model": "consent"}))
    assert all(p.veto for p in posities)
    assert [p.macht.meerderheid for p in posities] == pytest.approx([1 / 3] * 3)
    assert [p.macht.gekwalificeerd for p in posities] == pytest.approx([1 / 3] * 3)
