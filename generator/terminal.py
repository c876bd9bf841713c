"""What the command prints, made safe for any output: any encoding, a full disk, strict JSON."""

from __future__ import annotations

import codecs
import contextlib
import json
import math
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any, TextIO

from generator.errors import ConsortiumError, os_reason

ERROR_HANDLER = "consortium-ascii"
_REPLACEMENTS = {"€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
                 "×": "x", "≥": ">=", "≤": "<=", "→": "->", "·": "-", "\u00a0": " "}


def _plain(char: str) -> str:
    """A character the output encoding lacks, in plain letters: EUR for €, o for ö, else ?."""
    if char in _REPLACEMENTS:
        return _REPLACEMENTS[char]
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return base or "?"


def _replace_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_plain(c) for c in error.object[error.start:error.end]), error.end


codecs.register_error(ERROR_HANDLER, _replace_unencodable)


def _is_unicode(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return encoding.startswith("utf")


def printable_streams() -> None:
    """A non-UTF-8 output (LC_ALL=C, PYTHONIOENCODING=ascii) prints plain replacements instead of
    failing on the first "€" or "ö"."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _is_unicode(stream) and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=ERROR_HANDLER)


def strict_json(data: Any) -> str:
    """JSON that every reader accepts: no NaN or Infinity (they become null), and escaped
    non-ASCII text when the output cannot carry it."""
    return json.dumps(_finite(data), ensure_ascii=not _is_unicode(sys.stdout), indent=2, allow_nan=False,
                      default=str)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


class StdoutFailed(ConsortiumError):
    """Writing to stdout failed (a full disk, an I/O error) after the work itself was done."""


class _GuardedStdout:
    """stdout whose write errors say that the command's work was done but not shown."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _failed(exc: OSError) -> StdoutFailed:
    return StdoutFailed("De opdracht is uitgevoerd (wat zij schreef, blijft staan), maar haar uitvoer kon niet "
                        f"worden getoond: {os_reason(exc)}.")


@contextlib.contextmanager
def guard_stdout(*, enabled: bool = True) -> Iterator[None]:
    """Report a failing stdout as such, and flush inside the guard so that a block-buffered stdout
    fails here rather than silently at exit."""
    real = sys.stdout
    if not enabled or real is None:
        yield
        return
    sys.stdout = _GuardedStdout(real)
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = real
