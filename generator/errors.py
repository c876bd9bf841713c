"""The one error family the CLI maps to a Dutch message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a key path or a place) and what, in Dutch."""

    pad: str
    bericht: str

    def __str__(self) -> str:
        return f"{self.pad}: {self.bericht}" if self.pad else self.bericht


class ConsortiumError(Exception):
    """Base class: every error a user can cause. The message is Dutch and user-facing."""

    exit_code = EXIT_INVALID

    def __init__(self, bericht: str, problemen: list[Problem] | None = None):
        super().__init__(bericht)
        self.bericht = bericht
        self.problemen = list(problemen or [])

    def dutch_report(self) -> str:
        lines = [self.bericht]
        lines += [f"  - {p}" for p in self.problemen]
        return "\n".join(lines)


class InvalidAnswers(ConsortiumError):
    """The answers file breaks the contract; every problem is listed."""


class UnreadableFile(ConsortiumError):
    """The file cannot be read as plain UTF-8 YAML."""


class OutputExists(ConsortiumError):
    """generate would overwrite files without --force."""


class LibraryError(ConsortiumError):
    """The clause library or the interview file is broken: a defect of the installation."""


class Interrupted(ConsortiumError):
    """The user pressed Ctrl-C; progress was kept."""

    exit_code = EXIT_INTERRUPTED


class NoTerminal(ConsortiumError):
    """The interview needs an interactive terminal."""
