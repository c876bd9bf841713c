"""Own libraries (`--bibliotheek DIR`): a firm's clauses laid over the bundled library.

A clause with the id of a bundled one replaces it; any other clause is added. termen.yaml and
rollen.yaml in the folder add or replace terms and roles by name. The folder is validated the
same way as the bundled library (its own texts, its version lock, and the whole library it
makes), at run time: it is small, and nobody else has checked it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from generator.errors import LibraryError, Problem
from generator.library.load import Library, read_own
from generator.library.schema import Clause


def with_own(base: Library, folder: Path, *, check_lock: bool = True) -> Library:
    """`base` with the own library in `folder` laid over it; LibraryError naming every problem."""
    library, problems = overlay(base, folder)
    if not problems:
        from generator.library.checks import library_problems

        problems += library_problems(library, only=own_ids(library, folder), terms=own_terms(library, base))
    if check_lock:
        from generator.library.lock import lock_problems

        problems += lock_problems(own_clauses(library, folder), folder)
    if problems:
        raise LibraryError(f"De eigen bibliotheek {folder} is ongeldig:", problems)
    return library


def overlay(base: Library, folder: Path) -> tuple[Library, list[Problem]]:
    """The combined library as read, with the problems of reading the own folder."""
    from generator.library.namespace import default_labels, default_terms

    problems: list[Problem] = []
    clauses, terms, labels, roles, old = read_own(folder, problems)
    counts = Counter(c.id for c in clauses)
    problems += [Problem(f"{folder}: {i}", f"id komt {n} keer voor in de eigen bibliotheek (in "
                         f"{', '.join(sorted({c.bestand for c in clauses if c.id == i}))}); ids zijn uniek")
                 for i, n in counts.items() if n > 1]
    documents = base.manifest.documenten
    problems += [Problem(f"{folder}: {c.bestand}",
                         f"onbekend document '{c.document}'; kies uit: {', '.join(documents)}")
                 for c in {c.bestand: c for c in clauses}.values() if c.document not in documents]
    replaced = set(counts)
    merged = tuple(c for c in base.clauses if c.id not in replaced) + tuple(clauses)
    library = Library(manifest=base.manifest, clauses=merged, terms={**(base.terms or default_terms()), **terms},
                      roles=_merged_roles(base.roles, roles), eigen=(*base.eigen, str(folder)),
                      old_format=tuple(old), labels=_merged_roles(base.labels or default_labels(), labels))
    return library, problems


def own_clauses(library: Library, folder: Path) -> list[Clause]:
    return [c for c in library.clauses if c.bibliotheek == str(folder)]


def own_ids(library: Library, folder: Path) -> set[str]:
    return {c.id for c in own_clauses(library, folder)}


def own_terms(library: Library, base: Library) -> set[str]:
    """The terms the own library defines (its own, or in place of the base library's)."""
    from generator.library.namespace import default_terms

    trusted = base.terms or default_terms()
    return {name for name, term in library.terms.items() if trusted.get(name) is not term}


def _merged_roles(base: dict[str, dict[str, Any]], own: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Tables by document (roles) or kind (labels): the own entries replace the base ones by name."""
    merged = {document: dict(table) for document, table in base.items()}
    for document, table in own.items():
        merged.setdefault(document, {}).update(table)
    return merged
