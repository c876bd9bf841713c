"""Read the clause library from YAML; a broken library is one clear error.

The bundled library is checked whole by the tests (tests/test_library.py) and by
`consortium clauses check`, so a run only reads it against its schema. A library that replaces it
(CONSORTIUM_CLAUSES) was never seen by those tests and is checked whole before use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator import resources
from generator.errors import LibraryError, Problem
from generator.library.files import read_yaml, schema_problem, yaml_files
from generator.library.schema import (
    FORMAT,
    Clause,
    ClauseFile,
    Labels,
    Library,
    Manifest,
    Roles,
    RolesFile,
    Term,
)
from generator.library.terms import TERMS, read_labels, read_terms

MANIFEST = "bibliotheek.yaml"
ROLES = "rollen.yaml"
# Files of a library folder that hold no clauses.
NOT_CLAUSES = (MANIFEST, TERMS, ROLES)
BUNDLED = "standaard"

__all__ = ["MANIFEST", "Library", "default_library", "library_in", "load_library", "read_library"]


def load_library(folder: Path) -> Library:
    """Read and check the library in `folder` whole; raise LibraryError listing every problem."""
    from generator.library.checks import library_problems  # the bundled library needs none at run time

    library, problems = read_library(folder)
    problems += library_problems(library)
    if problems:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    return library


def read_library(folder: Path) -> tuple[Library, list[Problem]]:
    """The library as read, with the problems of reading it, before whole-library checks."""
    problems: list[Problem] = []
    manifest = _read_manifest(folder / MANIFEST, problems)
    old: list[str] = []
    clauses = _read_clauses(folder, problems, old_format=old)
    terms = read_terms(folder, problems)
    labels = read_labels(folder, [])
    roles = read_roles(folder, problems)
    if manifest is None:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    problems += [Problem(c.bestand, f"onbekend document '{c.document}'; bibliotheek.yaml noemt: "
                         f"{', '.join(manifest.documenten)}")
                 for c in {c.bestand: c for c in clauses}.values() if c.document not in manifest.documenten]
    return Library(manifest=manifest, clauses=tuple(clauses), terms=terms, roles=roles,
                   old_format=tuple(old), labels=labels), problems


def read_own(folder: Path, problems: list[Problem]) -> tuple[list[Clause], dict[str, Term], Labels, Roles, list[str]]:
    """An own library's clauses, terms, labels, roles and old-format files, as read (no manifest)."""
    if not folder.is_dir():
        raise LibraryError(f"De eigen bibliotheek {folder} bestaat niet of is geen map.")
    old: list[str] = []
    clauses = _read_clauses(folder, problems, str(folder), old)
    return clauses, read_terms(folder, problems), read_labels(folder, []), read_roles(folder, problems), old


def read_roles(folder: Path, problems: list[Problem]) -> Roles:
    """The role table of rollen.yaml in `folder` ({} when it has none)."""
    path = folder / ROLES
    if not path.is_file():
        return {}
    raw = read_yaml(path, problems)
    try:
        return RolesFile.model_validate(raw or {}).rollen
    except ValidationError as exc:
        problems += [schema_problem(ROLES, e) for e in exc.errors(include_url=False)]
        return {}


def _read_bundled(folder: Path) -> Library:
    library, problems = read_library(folder)
    if problems:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    return library


def default_library() -> Library:
    """The library this run uses: the bundled one, or the one CONSORTIUM_CLAUSES names."""
    return library_in(resources.data_dir("clauses"), checked=resources.overridden("clauses"))


@cache
def library_in(folder: Path, *, checked: bool) -> Library:
    """The library in `folder`, read once per process; `checked`: checked whole first."""
    return load_library(folder) if checked else _read_bundled(folder)


def _read_manifest(path: Path, problems: list[Problem]) -> Manifest | None:
    raw = read_yaml(path, problems)
    if raw is None:
        return None
    try:
        return Manifest.model_validate(raw)
    except ValidationError as exc:
        problems += [schema_problem(path.name, e) for e in exc.errors(include_url=False)]
        return None


def _read_clauses(folder: Path, problems: list[Problem], bibliotheek: str = BUNDLED,
                  old_format: list[str] | None = None) -> list[Clause]:
    clauses: list[Clause] = []
    for path in clause_files(folder):
        where = str(path.relative_to(folder))
        before = len(problems)
        raw = read_yaml(path, problems)
        if raw is None and len(problems) > before:
            continue  # unreadable: read_yaml said why, with line and column
        try:
            spec = ClauseFile.model_validate(raw)
        except ValidationError as exc:
            problems += [schema_problem(where, e) for e in exc.errors(include_url=False)]
            continue
        for index, item in enumerate(spec.clausules):
            if old_format is not None and spec.formaat < FORMAT:
                old_format.append(where)
            clause = _clause(item, spec.document, where, index, problems, bibliotheek)
            if clause:
                clauses.append(clause)
    return clauses


def clause_files(folder: Path) -> list[Path]:
    """The YAML files of a library folder that hold clauses (.yaml or .yml), in a fixed order."""
    return [p for p in yaml_files(folder) if p.relative_to(folder).as_posix() not in NOT_CLAUSES]


def _clause(item: dict[str, Any], document: str, where: str, index: int, problems: list[Problem],
            bibliotheek: str = BUNDLED) -> Clause | None:
    label = f"{where}, clausule {item.get('id', index + 1)}"
    try:
        return Clause.model_validate({**item, "document": document, "bestand": where, "bibliotheek": bibliotheek})
    except ValidationError as exc:
        problems += [schema_problem(label, e) for e in exc.errors(include_url=False)]
        return None
