"""The lump sum year by year, with hand-computed figures."""

from __future__ import annotations

import pytest
from test_analysis_support import answers

from generator.analysis.lumpsum import analyse_lumpsum

SMALL = {
    "consortium.opdrachtwaarde_per_jaar": 1_200_000,
    "consortium.looptijd_jaren": 2,
    "lumpsum": {"basisjaar": 2026, "historische_uitgaven": 1_000_000, "indexatie": 10,
                "inverdieneffect": 10, "toeslagen": {"transformatie": 50_000}, "afroming": 5},
}


def test_years_hand_computed():
    # Year 1 (2027): 1,000,000 x 1.1 x 0.9 + 50,000 = 1,040,000; available 1,200,000 x 0.95.
    # Year 2 (2028): 1,000,000 x 1.21 x 0.81 + 50,000 = 1,030,100.
    ls = analyse_lumpsum(answers(SMALL))
    assert [j.jaar for j in ls.jaren] == [1, 2]
    assert [j.kalenderjaar for j in ls.jaren] == [2027, 2028]
    assert [j.behoefte for j in ls.jaren] == pytest.approx([1_040_000, 1_030_100])
    assert [j.beschikbaar for j in ls.jaren] == pytest.approx([1_140_000, 1_140_000])
    assert [j.verschil for j in ls.jaren] == pytest.approx([100_000, 109_900])
    assert ls.totaal_behoefte == pytest.approx(2_070_100)
    assert ls.totaal_verschil == pytest.approx(209_900)
    assert ls.tekortjaren == ()


def test_indexation_runs_from_the_base_year():
    # Base year 2025, first contract year 2027: two years of 10% = 1.21.
    ls = analyse_lumpsum(answers({**SMALL, "lumpsum": {"basisjaar": 2025, "historische_uitgaven": 1_000_000,
                                                        "indexatie": 10}}))
    assert ls.jaren[0].behoefte == pytest.approx(1_210_000)
    assert ls.jaren[0].verschil == pytest.approx(-10_000)
    assert [j.jaar for j in ls.tekortjaren] == [1, 2]


def test_one_row_per_contract_year():
    ls = analyse_lumpsum(answers({"consortium.looptijd_jaren": 7}))
    assert [j.kalenderjaar for j in ls.jaren] == list(range(2027, 2034))


def test_unknown_history_leaves_the_need_unknown_and_says_so():
    ls = analyse_lumpsum(answers({"lumpsum.historische_uitgaven": None}))
    assert not ls.behoefte_bekend
    assert all(j.behoefte is None and j.verschil is None for j in ls.jaren)
    assert ls.jaren[0].beschikbaar == 10_000_000
    assert ls.totaal_behoefte is None
    assert any("onbekend" in line for line in ls.aannames)


def test_assumptions_are_stated():
    text = " ".join(analyse_lumpsum(answers(SMALL)).aannames)
    assert "elk contractjaar volledig mee en worden niet geïndexeerd" in text
    assert "€ 50.000" in text and "10%" in text and "5%" in text
    assert "vanaf het eerste contractjaar" in text
    assert "indexatie van de opdrachtwaarde" in text


def test_mid_year_start_is_explained():
    ls = analyse_lumpsum(answers({"consortium.ingangsdatum": "2027-07-01"}))
    assert [j.kalenderjaar for j in ls.jaren] == [2027, 2028, 2029]
    assert any("1 juli 2027" in line for line in ls.aannames)
