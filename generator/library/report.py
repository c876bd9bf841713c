"""`consortium clauses check [DIR]`: the full check of the bundled library, a library folder or
an own library, and the renewal of its version lock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import LibraryError, Problem
from generator.library.load import MANIFEST, Library, read_library
from generator.library.schema import Clause


@dataclass(frozen=True)
class LibraryReport:
    folder: Path
    soort: str  # "standaard", "volledig" (a folder with its own bibliotheek.yaml) or "eigen"
    clausules: int
    varianten: int
    slot_vernieuwd: bool
    gecompileerd: Path | None = None  # the bundled library's precompiled texts, when renewed


def check_folder(folder: Path | None, *, renew: bool = False) -> LibraryReport:
    """Every problem of the library in `folder` (default: the bundled one), or a report."""
    from generator.resources import data_dir, overridden

    target = folder or data_dir("clauses")
    if not target.is_dir():
        raise LibraryError(f"De bibliotheek {target} bestaat niet of is geen map.")
    whole = folder is None or (target / MANIFEST).is_file()
    library, clauses, problems = _whole(target) if whole else _own(target)
    renewed, compiled = False, None
    if renew and not problems:
        from generator.library.lock import renew_lock

        _, refused = renew_lock(clauses, target)
        problems += refused
        renewed = not refused
        if renewed and folder is None and not overridden("clauses"):
            compiled = _precompile(library, target)
    elif not renew:
        from generator.library.lock import lock_problems

        problems += lock_problems(clauses, target)
    if problems:
        raise LibraryError(f"De clausulebibliotheek {target} is ongeldig:", problems)
    soort = "standaard" if folder is None else "volledig" if whole else "eigen"
    return LibraryReport(target, soort, len(clauses), sum(_variant_count(c) for c in clauses), renewed, compiled)


def _precompile(library: Library, folder: Path) -> Path:
    from generator.errors import output_error
    from generator.library.precompiled import write_precompiled

    try:
        return write_precompiled(library, folder)
    except OSError as exc:
        raise output_error(exc, "de voorgecompileerde teksten") from None


def _whole(folder: Path) -> tuple[Library, list[Clause], list[Problem]]:
    from generator.library.checks import format_problems, library_problems

    library, problems = read_library(folder)
    problems += format_problems(library.old_format)
    if not problems:
        problems += library_problems(library)
    return library, list(library.clauses), problems


def _own(folder: Path) -> tuple[Library, list[Clause], list[Problem]]:
    from generator.library.checks import format_problems, library_problems
    from generator.library.load import default_library
    from generator.library.own import overlay, own_clauses, own_ids, own_terms

    base = default_library()
    library, problems = overlay(base, folder)
    problems += format_problems(library.old_format)
    if not problems:
        problems += library_problems(library, only=own_ids(library, folder), terms=own_terms(library, base))
    return library, own_clauses(library, folder), problems


def _variant_count(clause: Clause) -> int:
    return sum(1 for f in clause.leden if f.varianten)
