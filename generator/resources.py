"""Where the data folders (clauses/, templates/, interviews/) are found at run time."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import LibraryError

_ROOT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder `name` of this installation; CONSORTIUM_<NAME> overrides it (e.g. for tests)."""
    override = os.environ.get(f"CONSORTIUM_{name.upper()}")
    folder = Path(override) if override else _ROOT / name
    if not folder.is_dir():
        raise LibraryError(
            f"De map '{name}' van de installatie ontbreekt ({folder}). "
            "Installeer consortium vanuit een volledige checkout met 'pip install -e .'."
        )
    return folder
