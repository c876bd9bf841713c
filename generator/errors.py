"""The one error family the CLI maps to a Dutch message and an exit code."""

from __future__ import annotations

import errno
import re
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
        return escape_controls(f"{self.pad}: {self.bericht}" if self.pad else self.bericht)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """Control characters (C0 but newline and tab, DEL, C1, line separators, lone surrogates) as
    visible escapes, so that input shown in a message can never steer the terminal."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text)


class ConsortiumError(Exception):
    """Base class: every error a user can cause. The message is Dutch and user-facing."""

    exit_code = EXIT_INVALID

    def __init__(self, bericht: str, problemen: list[Problem] | None = None):
        super().__init__(bericht)
        self.bericht = bericht
        self.problemen = list(problemen or [])

    def dutch_report(self) -> str:
        lines = [escape_controls(self.bericht)]
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
    errno.EXDEV: "een bestand kan niet naar een ander bestandssysteem worden verplaatst",
    errno.ELOOP: "te veel symbolische koppelingen achter elkaar (een kring van koppelingen?)",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EBUSY: "het bestand of de map is in gebruik",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
    errno.EIO: "een lees- of schrijffout van de schijf",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EFBIG: "het bestand wordt te groot",
    errno.ENXIO: "het apparaat bestaat niet of is niet bereikbaar",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EINVAL: "ongeldige bestandsnaam of bewerking",
    errno.ESPIPE: "dit is geen gewoon bestand",
    errno.EPIPE: "de ontvanger van de uitvoer is gestopt",
}
_UNKNOWN_OS_ERROR = "onbekende fout van het besturingssysteem"


def os_reason(exc: OSError) -> str:
    """The Dutch reason for an OSError: never the English strerror of the system."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is None:
        return f"{_UNKNOWN_OS_ERROR} (foutcode {exc.errno})" if exc.errno else _UNKNOWN_OS_ERROR
    return reason


def read_error(exc: OSError, wat: str) -> UnreadableFile:
    """A Dutch UnreadableFile for an OSError raised while reading `wat`."""
    reason = {errno.EACCES: "geen toegang", errno.EPERM: "geen toegang",
              errno.ENOENT: "het bestand bestaat niet", errno.EISDIR: "dit is een map, geen bestand"}.get(
        exc.errno or 0) or os_reason(exc)
    return UnreadableFile(f"Kan {wat} niet lezen: {reason}.")


def output_error(exc: OSError, wat: str) -> OutputError:
    """A Dutch OutputError for an OSError raised while writing `wat`."""
    reason = os_reason(exc)
    where = exc.filename or wat
    return OutputError(f"Kan {wat} niet schrijven ({where}): {reason}. Er is niets gewijzigd.")
