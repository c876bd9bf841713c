"""termen.yaml of a library folder: recurring contract wording and the wording of the choices."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.errors import Problem
from generator.library.files import read_yaml, schema_problem
from generator.library.schema import Labels, Term, Terms

TERMS = "termen.yaml"


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
    raw = read_yaml(path, problems)
    try:
        return Terms.model_validate(raw or {})
    except ValidationError as exc:
        problems += [schema_problem(TERMS, e) for e in exc.errors(include_url=False)]
        return Terms()
