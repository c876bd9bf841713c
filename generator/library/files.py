"""Reading the YAML files of a library folder: every problem collected, with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from generator.adapters import yaml_io
from generator.errors import ConsortiumError, Problem


def read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml_io.read_file(path, trusted=True)
    except ConsortiumError as exc:
        problems.append(Problem(path.name, exc.bericht))
        return None


def schema_problem(where: str, error: ErrorDetails) -> Problem:
    loc = ".".join(str(p) for p in error["loc"])
    return Problem(f"{where} {loc}".strip(), error["msg"])
