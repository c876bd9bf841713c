"""Read a tender profile from its file and check it whole, its model answers included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.adapters import yaml_io
from generator.tender.placeholders import form_problems
from generator.tender.profile import Profiel, invalid_profile, parse_profile


def load_profile(path: Path) -> Profiel:
    """The profile in `path`; raise InvalidProfile listing every problem."""
    return read_profile(yaml_io.read_file(path), str(path))


def read_profile(raw: Any, plaats: str = "aanbesteding") -> Profiel:
    """A raw profile checked on its own and against the answers model for every allowed form."""
    profiel = parse_profile(raw, plaats)
    problems = form_problems(profiel)
    if problems:
        raise invalid_profile(plaats, problems)
    return profiel
