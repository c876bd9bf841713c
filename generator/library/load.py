"""Read the clause library from YAML and validate it whole; a broken library is one clear error."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.adapters import yaml_io
from generator.errors import ConsortiumError, LibraryError, Problem
from generator.library.schema import FORMAT, Clause, ClauseFile, Labels, Manifest, Roles, RolesFile, Term, Terms

MANIFEST = "bibliotheek.yaml"
TERMS = "termen.yaml"
ROLES = "rollen.yaml"
# Files of a library folder that hold no clauses.
NOT_CLAUSES = (MANIFEST, TERMS, ROLES)
BUNDLED = "standaard"


@dataclass(frozen=True)
class Library:
    manifest: Manifest
    clauses: tuple[Clause, ...]
    # What each clause condition reads, worked out once at validation (cached with the library).
    reads: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    roles: Roles = field(default_factory=dict)
    # The own libraries laid over the bundled one, in order (empty: the bundled library alone).
    eigen: tuple[str, ...] = ()
    # Clause files still in the first authoring format (`clauses check` asks to migrate them).
    old_format: tuple[str, ...] = ()
    labels: Labels = field(default_factory=dict)

    @property
    def versie(self) -> str:
        return self.manifest.versie

    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    def for_document(self, document: str) -> list[Clause]:
        return sorted((c for c in self.clauses if c.document == document),
                      key=lambda c: (_SOORT_ORDER[c.soort], c.volgorde))


_SOORT_ORDER = {"preambule": 0, "artikel": 1, "slot": 2}


def load_library(folder: Path) -> Library:
    """Load and validate (or reuse the cached result for identical content); raise LibraryError."""
    from generator.library import cache

    key = cache.fingerprint(folder)
    library = cache.load_cached(key)
    if isinstance(library, Library):
        return library
    library = _load_and_validate(folder)
    cache.store(key, library)
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
    return Library(manifest=manifest, clauses=tuple(clauses), terms=terms, roles=roles,
                   old_format=tuple(old), labels=labels), problems


def read_own(folder: Path, problems: list[Problem]) -> tuple[list[Clause], dict[str, Term], Labels, Roles, list[str]]:
    """An own library's clauses, terms, labels, roles and old-format files, as read (no manifest)."""
    if not folder.is_dir():
        raise LibraryError(f"De eigen bibliotheek {folder} bestaat niet of is geen map.")
    old: list[str] = []
    clauses = _read_clauses(folder, problems, str(folder), old)
    return clauses, read_terms(folder, problems), read_labels(folder, []), read_roles(folder, problems), old


def read_terms(folder: Path, problems: list[Problem]) -> dict[str, Term]:
    """The terms of termen.yaml in `folder` ({} when it has none)."""
    return dict(_terms_file(folder, problems).termen)


def read_labels(folder: Path, problems: list[Problem]) -> Labels:
    """The contract's wording of the choices in termen.yaml in `folder` ({} when it has none)."""
    return dict(_terms_file(folder, problems).labels)


def _terms_file(folder: Path, problems: list[Problem]) -> Terms:
    path = folder / TERMS
    if not path.is_file():
        return Terms()
    raw = _read_yaml(path, problems)
    try:
        return Terms.model_validate(raw or {})
    except ValidationError as exc:
        problems += [_schema_problem(TERMS, e) for e in exc.errors(include_url=False)]
        return Terms()


def read_roles(folder: Path, problems: list[Problem]) -> Roles:
    """The role table of rollen.yaml in `folder` ({} when it has none)."""
    path = folder / ROLES
    if not path.is_file():
        return {}
    raw = _read_yaml(path, problems)
    try:
        return RolesFile.model_validate(raw or {}).rollen
    except ValidationError as exc:
        problems += [_schema_problem(ROLES, e) for e in exc.errors(include_url=False)]
        return {}


def _load_and_validate(folder: Path) -> Library:
    from generator.library.checks import library_problems

    library, problems = read_library(folder)
    clauses = library.clauses
    problems += library_problems(library, prove=False)
    if problems:
        raise LibraryError("De clausulebibliotheek is ongeldig:", problems)
    from generator.assemble.select import condition_reads

    library.reads.update({c.when: condition_reads(c.when) for c in clauses if c.when})
    return library


@cache
def default_library() -> Library:
    from generator.resources import data_dir

    return load_library(data_dir("clauses"))


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


def _read_clauses(folder: Path, problems: list[Problem], bibliotheek: str = BUNDLED,
                  old_format: list[str] | None = None) -> list[Clause]:
    clauses: list[Clause] = []
    for path in clause_files(folder):
        where = str(path.relative_to(folder))
        raw = _read_yaml(path, problems)
        try:
            spec = ClauseFile.model_validate(raw)
        except ValidationError as exc:
            problems += [_schema_problem(where, e) for e in exc.errors(include_url=False)]
            continue
        for index, item in enumerate(spec.clausules):
            if old_format is not None and spec.formaat < FORMAT:
                old_format.append(where)
            clause = _clause(item, spec.document, where, index, problems, bibliotheek)
            if clause:
                clauses.append(clause)
    return clauses


def clause_files(folder: Path) -> list[Path]:
    """The YAML files of a library folder that hold clauses, in a fixed order."""
    return [p for p in sorted(folder.rglob("*.yaml")) if p.relative_to(folder).as_posix() not in NOT_CLAUSES]


def _clause(item: dict[str, Any], document: str, where: str, index: int, problems: list[Problem],
            bibliotheek: str = BUNDLED) -> Clause | None:
    label = f"{where}, clausule {item.get('id', index + 1)}"
    try:
        return Clause.model_validate({**item, "document": document, "bestand": where, "bibliotheek": bibliotheek})
    except ValidationError as exc:
        problems += [_schema_problem(label, e) for e in exc.errors(include_url=False)]
        return None


def _schema_problem(where: str, error: ErrorDetails) -> Problem:
    loc = ".".join(str(p) for p in error["loc"])
    return Problem(f"{where} {loc}".strip(), error["msg"])
