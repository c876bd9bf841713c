"""Dependency and the roles of 'Wie ben jij in het consortium?', with hand-computed figures."""

from __future__ import annotations

import pytest
from test_analysis_support import answers

from generator.analysis.positions import GROOT_BELANG, afhankelijkheid, partner_positions, rol


def test_dependency_is_consortium_revenue_over_own_turnover():
    # 45% of 26.1 million = 11.745 million, over 60 million turnover = 19.575%.
    assert afhankelijkheid(45, 26_100_000, 60_000_000) == pytest.approx(19.575)
    # 15% of 26.1 million = 3.915 million over 9 million = 43.5%.
    assert afhankelijkheid(15, 26_100_000, 9_000_000) == pytest.approx(43.5)


@pytest.mark.parametrize("omzet", [None, 0])
def test_dependency_is_unknown_without_turnover(omzet):
    assert afhankelijkheid(45, 26_100_000, omzet) is None


@pytest.mark.parametrize(("afh", "veel", "expected"), [
    (40.0, True, "kartrekker"),
    (4.0, True, "kruimelkoning"),
    (40.0, False, "gegijzeld"),
    (4.0, False, "volger"),
    (GROOT_BELANG, False, "gegijzeld"),
    (GROOT_BELANG - 0.01, False, "volger"),
    (None, True, None),
])
def test_role_quadrants(afh, veel, expected):
    assert rol(afh, veel) == expected


def test_worked_example_roles():
    # 45/40/15 by share, 67% qualified: A and B hold a veto (power 1/2), C has none (power 0).
    # Dependencies 19.6%, 4.2% and 43.5% against the 15% threshold.
    posities = partner_positions(answers({
        "consortium.opdrachtwaarde_per_jaar": 26_100_000,
        "partners": [
            {"naam": "Rivierzorg", "aandeel": 45, "omzet": 60_000_000},
            {"naam": "GGZ Betuwe", "rechtsvorm": "bv", "aandeel": 40, "omzet": 250_000_000},
            {"naam": "Gezinshuizen", "rechtsvorm": "vereniging", "aandeel": 15, "omzet": 9_000_000},
        ],
        "stemrecht": {"model": "naar_aandeel", "gekwalificeerd": 67},
    }))
    assert [p.rol for p in posities] == ["kartrekker", "kruimelkoning", "gegijzeld"]
    assert [round(p.afhankelijkheid, 3) for p in posities] == [19.575, 4.176, 43.5]
    assert [p.opbrengst for p in posities] == pytest.approx([11_745_000, 10_440_000, 3_915_000])


def test_influence_uses_ordinary_decisions_when_none_is_qualified():
    # 40/30/20/10, simple majority: power 5/12, 3/12, 3/12, 1/12. An equal part is 3/12, so B and
    # C (exactly at it) have much influence and D little. D's 1% dependency makes it a volger.
    posities = partner_positions(answers({
        "partners": [
            {"naam": "A", "aandeel": 40, "omzet": 8_000_000},
            {"naam": "B", "aandeel": 30, "omzet": 6_000_000},
            {"naam": "C", "aandeel": 20, "omzet": 100_000_000},
            {"naam": "D", "aandeel": 10, "omzet": 100_000_000},
        ],
        "stemrecht": {"model": "naar_aandeel", "gekwalificeerde_besluiten": []},
    }))
    assert [p.invloed for p in posities] == pytest.approx([5 / 12, 3 / 12, 3 / 12, 1 / 12])
    assert [p.rol for p in posities] == ["kartrekker", "kartrekker", "kruimelkoning", "volger"]


def test_unknown_turnover_leaves_dependency_and_role_open():
    posities = partner_positions(answers({"partners": [
        {"naam": "A", "aandeel": 50, "omzet": 20_000_000},
        {"naam": "B", "aandeel": 50},
    ]}))
    assert posities[1].afhankelijkheid is None and posities[1].rol is None
    assert posities[0].afhankelijkheid == pytest.approx(25.0)
