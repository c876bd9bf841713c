"""Put a set of files into a folder all at once: the folder holds the complete old set or the
complete new one, also when the run is interrupted (Ctrl-C, SIGTERM) or killed.

How:
- the staging folder is made *inside* the output folder, so every rename stays on one filesystem
  (a mount point or a symlink to another disk works);
- the output folder is locked (flock) for the whole run, and the overwrite check is repeated under
  the lock, so two runs never mix packages or overwrite without --force;
- during the swap SIGINT and SIGTERM are held back (delivered right after), and any failure puts
  the previous files back before the backup is removed;
- a staging folder left by a killed run carries a journal (the names of the new files); the next
  run rolls an unfinished swap back (old package complete again) and removes the folder;
- folders the run created are removed again when it fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from generator.errors import ConsortiumError, OutputError, OutputExists

STAGING_PREFIX = ".consortium-"
BACKUP = ".vorige"
JOURNAL = ".nieuw"  # the names of the new files, one a line: written before the first rename
DONE = ".klaar"  # present once every new file is in place: the backup may go
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Terminated(KeyboardInterrupt):
    """SIGTERM during a run: handled like Ctrl-C, so staging is cleaned and the exit status is 130."""


def write_all_or_nothing(out: Path, write: Callable[[Path], list[str]], *, known: tuple[str, ...],
                         check: Callable[[Path], None], wat: str) -> list[Path]:
    """Stage the files `write(staging)` names inside `out`, then swap them in under a lock.

    `check(out)` refuses what must not be overwritten; it runs before anything is created and again
    under the lock. Known names the new set lacks are removed (they were part of the old package)."""
    from generator.errors import output_error

    if not out.is_dir():
        check(out)  # refuse before creating anything
    created = _make_folders(out, wat)
    try:
        with _terminate_as_interrupt(), _locked(out):
            recover_leftovers(out)  # first, so the check sees the package a killed run left
            check(out)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
            try:
                names = write(staging)
                _swap(staging, out, names, known)
            finally:
                _remove_staging(staging)
    except OSError as exc:
        _remove_created(created)
        raise output_error(exc, wat) from None
    except BaseException:
        _remove_created(created)
        raise
    return [out / name for name in names]


def _make_folders(out: Path, wat: str) -> list[Path]:
    """Create `out` and missing parents; return those created, deepest first."""
    from generator.errors import output_error

    missing = [p for p in [out, *out.parents] if not os.path.lexists(p)]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_created(list(missing))
        raise output_error(exc, wat) from None
    return missing


def _remove_created(created: list[Path]) -> None:
    for folder in created:  # deepest first; only folders that are still empty
        with contextlib.suppress(OSError):
            folder.rmdir()


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """An exclusive advisory lock on the folder itself: released by the kernel when the process
    ends, however it ends, so a killed run never leaves a stale lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the re-check under no lock is all we have
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputExists(f"In {out} schrijft op dit moment een andere opdracht van consortium; er is "
                               "niets gewijzigd. Wacht tot die klaar is en probeer het opnieuw.") from None
        except OSError:
            pass  # a filesystem without locks (some network shares): the re-check under no lock remains
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises Terminated (like Ctrl-C) while files are staged, so nothing is left behind."""
    def raise_terminated(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back; they are delivered when the block ends.

    The mask alone is not enough: a signal sent to the process may land on another thread (a
    library's), and Python then still runs its handler in this one. So the handlers also only
    remember the signal while the block runs, and it is raised again afterwards."""
    received: list[int] = []
    previous = _remember_signals(received)
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


def _remember_signals(received: list[int]) -> dict[int, Any]:
    """Swap the held signals' handlers for one that notes them; the previous handlers, or {}
    where handlers cannot be set (not the main thread)."""
    def remember(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous: dict[int, Any] = {}
    try:
        for signum in _HELD_SIGNALS:
            previous[signum] = signal.signal(signum, remember)
    except ValueError:
        for held, handler in previous.items():
            signal.signal(held, handler)
        return {}
    return previous


def _swap(staging: Path, out: Path, names: list[str], known: tuple[str, ...]) -> None:
    """Move the old known files into the backup, the new ones into `out`; on any failure, back."""
    backup = staging / BACKUP
    with _signals_held():
        backup.mkdir()
        _write_journal(staging, names)
        try:
            for name in known:
                if os.path.lexists(out / name):
                    os.replace(out / name, backup / name)
            for name in names:
                os.replace(staging / name, out / name)
            (staging / DONE).touch()
        except BaseException:
            _roll_back(staging, out)
            raise


def _write_journal(staging: Path, names: list[str]) -> None:
    with open(staging / JOURNAL, "w", encoding="utf-8") as handle:
        handle.write("".join(f"{name}\n" for name in names))
        handle.flush()
        os.fsync(handle.fileno())


def _roll_back(staging: Path, out: Path) -> None:
    """Undo an unfinished swap: remove the new files that reached `out`, put the old ones back."""
    backup = staging / BACKUP
    journal = staging / JOURNAL
    names = journal.read_text(encoding="utf-8").split() if journal.exists() else []
    for name in names:
        if not os.path.lexists(staging / name) and os.path.lexists(out / name):
            (out / name).unlink()
    if backup.is_dir():
        for old in backup.iterdir():
            os.replace(old, out / old.name)


def _remove_staging(staging: Path) -> None:
    """Remove the staging folder, unless it still holds the only copy of the previous files."""
    backup = staging / BACKUP
    unfinished = backup.is_dir() and any(backup.iterdir()) and not (staging / DONE).exists()
    if unfinished:
        raise OutputError(f"De vorige bestanden konden niet worden teruggezet; ze staan in {backup}. "
                          "Zet ze met de hand terug.")
    shutil.rmtree(staging, ignore_errors=True)


def recover_leftovers(out: Path) -> list[str]:
    """Staging folders of killed runs (the lock is ours, so no live run owns them): an unfinished
    swap is rolled back, then the folder is removed. Returns the Dutch notes on what was done."""
    notes = []
    for leftover in sorted(out.glob(f"{STAGING_PREFIX}*")):
        if not leftover.is_dir() or leftover.is_symlink():
            continue
        if (leftover / BACKUP).is_dir() and not (leftover / DONE).exists():
            try:
                with _signals_held():
                    _roll_back(leftover, out)
            except OSError as exc:
                raise ConsortiumError(f"{leftover} is overgebleven van een afgebroken run en bevat de vorige "
                                      f"bestanden, maar die konden niet worden teruggezet ({exc.strerror}). "
                                      "Zet ze met de hand terug en verwijder de map.") from None
            notes.append(f"Een afgebroken run in {out} is teruggedraaid; de vorige bestanden staan er weer.")
        shutil.rmtree(leftover, ignore_errors=True)
    return notes
