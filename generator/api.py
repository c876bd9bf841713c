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


def generate(path: Path, out: Path, *, force: bool = False) -> list[Path]:
    """Assemble the documents for the answers in `path` into `out`; return the files written.

    Writes into a temporary folder beside `out` and moves the files into place only when all
    of them are complete. Refuses to replace existing files unless `force` (OutputExists).
    """
    answers = load_answers(path)
    from generator.assemble.package import write_package

    return write_package(answers, out, force=force)
