"""A seeded, bounded fuzz run over the examples (see tests/fuzzing.py for a larger budget)."""

from __future__ import annotations

from fuzzing import fuzz


def test_mutated_examples_get_one_verdict_and_never_a_traceback():
    figures = fuzz(90, seed=9, generate_every=30, generate_valid=2)
    assert figures.failures == [], "\n".join(figures.failures[:5])
    assert set(figures.codes) <= {0, 2}
    assert figures.kinds == {"tekst": 30, "structuur": 30, "grens": 30}
    assert figures.generated == 2 and figures.generated_refused >= 2  # generate is compared both ways
