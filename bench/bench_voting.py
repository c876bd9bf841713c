"""Voting power for many partners with six-decimal shares (as a spreadsheet gives them).

Compares the analysis as it runs (Banzhaf over the whole votes the statuten give, ten per percent)
with exact Banzhaf over the exact fractional shares (the former method, exponential in practice
because the common denominator makes almost every coalition total distinct). Reported per number
of partners as milliseconds and as the ratio to the 3-partner case of the same method.

Run:  python bench/bench_voting.py [--runs 3] [--exact-up-to 16]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from fractions import Fraction

from generator.analysis.voting import (
    analyse_votes,
    banzhaf,
    can_block,
    exact,
    stemgewichten,
    winning_rule,
)


def six_decimal_shares(count: int, seed: int = 7) -> list[Fraction]:
    rng = random.Random(seed)
    raw = [rng.random() + 0.2 for _ in range(count)]
    total = sum(raw)
    shares = [round(r / total * 100, 6) for r in raw]
    shares[-1] = round(100 - sum(shares[:-1]), 6)
    return [exact(s) for s in shares]


def as_run(shares: list[Fraction]) -> None:
    analyse_votes(shares, "naar_aandeel", Fraction(100), Fraction(67))


def exact_fractions(shares: list[Fraction]) -> None:
    weights = stemgewichten(shares, "naar_aandeel", Fraction(100))
    for rule in (winning_rule("naar_aandeel", None), winning_rule("naar_aandeel", Fraction(67))):
        banzhaf(weights, rule)
    can_block(weights, winning_rule("naar_aandeel", Fraction(67)))


def median_ms(method: Callable[[list[Fraction]], None], shares: list[Fraction], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        method(shares)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exact-up-to", type=int, default=16)
    options = parser.parse_args()
    base_run = median_ms(as_run, six_decimal_shares(3), options.runs)
    base_exact = median_ms(exact_fractions, six_decimal_shares(3), options.runs)
    print("| partners | whole votes | ratio to 3 | exact fractions | ratio to 3 |")
    print("|---:|---:|---:|---:|---:|")
    for count in (3, 8, 12, 14, 16, 20, 30, 50):
        shares = six_decimal_shares(count)
        ran = median_ms(as_run, shares, options.runs)
        row = f"| {count} | {ran:.1f} ms | {ran / base_run:.1f}x |"
        if count <= options.exact_up_to:
            old = median_ms(exact_fractions, shares, options.runs)
            row += f" {old:.1f} ms | {old / base_exact:.0f}x |"
        else:
            row += " (not run) | |"
        print(row)


if __name__ == "__main__":
    main()
