"""The one error family the CLI maps to a Dutch message and an exit code."""

from __future__ import annotations

import errno
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


class OutputError(ConsortiumError):
    """A file or folder cannot be written (permissions, a file where a folder should be, disk full)."""


_OS_REASONS = {
    errno.EACCES: "geen toestemming om hier te schrijven",
    errno.EPERM: "geen toestemming om hier te schrijven",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "er staat al een bestand waar een map moet komen",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOENT: "de map bestaat niet",
}


def output_error(exc: OSError, wat: str) -> OutputError:
    """A Dutch OutputError for an OSError raised while writing `wat`."""
    reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or "onbekende fout")
    where = exc.filename or wat
    return OutputError(f"Kan {wat} niet schrijven ({where}): {reason}. Er is niets gewijzigd.")
