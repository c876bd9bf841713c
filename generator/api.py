"""The library façade: one function per command. The CLI is a thin layer over these.

Heavy libraries (docxtpl, questionary, matplotlib) are imported inside the functions that
need them, so that `consortium check` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.answers import Antwoorden, load_answers


@dataclass(frozen=True)
class CheckResult:
    answers: Antwoorden
    analyse: object | None = None


def check(path: Path) -> CheckResult:
    """Validate an answers file and analyse the governance it describes."""
    answers = load_answers(path)
    return CheckResult(answers=answers)
