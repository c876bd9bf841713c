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
from pydantic_core import ErrorDetails

from generator import resources
from generator.adapters import yaml_io
from generator.errors import ConsortiumError, LibraryError, Problem
from generator.library.checks import library_problems
from generator.library.schema import Clause, ClauseFile, Library, Manifest

__all__ = ["MANIFEST", "Library", "default_library", "library_in", "load_library", "read_library"]

MANIFEST = "bibliotheek.yaml"


def load_library(folder: Path) -> Library:
    """Read and check the library in `folder` whole; raise LibraryError listing every problem."""
    library, problems = read_library(folder)
    problems += library_problems(library)
    if problems:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    return library


def read_library(folder: Path) -> tuple[Library, list[Problem]]:
    """The library as read, with the problems of reading it, before whole-library checks."""
    problems: list[Problem] = []
    manifest = _read_manifest(folder / MANIFEST, problems)
    clauses = _read_clauses(folder, problems)
    if manifest is None:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    problems += [Problem(c.bestand, f"onbekend document '{c.document}'; bibliotheek.yaml noemt: "
                         f"{', '.join(manifest.documenten)}")
                 for c in {c.bestand: c for c in clauses}.values() if c.document not in manifest.documenten]
    return Library(manifest=manifest, clauses=tuple(clauses)), problems


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


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml_io.read_file(path, trusted=True)
    except ConsortiumError as exc:
        problems.append(Problem(path.name, exc.bericht))
        return None


def _read_manifest(path: Path, problems: list[Problem]) -> Manifest | None:
    raw = _read_yaml(path, problems)
    if raw is None:
        return None
    try:
        return Manifest.model_validate(raw)
    except ValidationError as exc:
        problems += [_schema_problem(path.name, e) for e in exc.errors(include_url=False)]
        return None


def _read_clauses(folder: Path, problems: list[Problem]) -> list[Clause]:
    clauses: list[Clause] = []
    for path in sorted(folder.rglob("*.yaml")):
        if path.name == MANIFEST:
            continue
        where = str(path.relative_to(folder))
        raw = _read_yaml(path, problems)
        try:
            spec = ClauseFile.model_validate(raw)
        except ValidationError as exc:
            problems += [_schema_problem(where, e) for e in exc.errors(include_url=False)]
            continue
        for index, item in enumerate(spec.clausules):
            clause = _clause(item, spec.document, where, index, problems)
            if clause:
                clauses.append(clause)
    return clauses


def _clause(item: dict[str, Any], document: str, where: str, index: int, problems: list[Problem]) -> Clause | None:
    label = f"{where}, clausule {item.get('id', index + 1)}"
    try:
        return Clause.model_validate({**item, "document": document, "bestand": where})
    except ValidationError as exc:
        problems += [_schema_problem(label, e) for e in exc.errors(include_url=False)]
        return None


def _schema_problem(where: str, error: ErrorDetails) -> Problem:
    loc = ".".join(str(p) for p in error["loc"])
    return Problem(f"{where} {loc}".strip(), error["msg"])
