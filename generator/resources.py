"""Where the data folders (clauses/, templates/, interviews/) are found at run time.

In a checkout (and an editable install) they sit beside the package; a regular install puts
them in <prefix>/share/consortium/ (see [tool.setuptools.data-files] in pyproject.toml).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.errors import LibraryError

_CANDIDATES = (Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "consortium")


def overridden(name: str) -> bool:
    """True when CONSORTIUM_<NAME> replaces the bundled folder `name`."""
    return bool(os.environ.get(f"CONSORTIUM_{name.upper()}"))


def data_dir(name: str) -> Path:
    """The folder `name` of this installation; CONSORTIUM_<NAME> overrides it (e.g. for tests)."""
    override = os.environ.get(f"CONSORTIUM_{name.upper()}")
    candidates = (Path(override),) if override else tuple(root / name for root in _CANDIDATES)
    for folder in candidates:
        if folder.is_dir():
            return folder
    raise LibraryError(
        f"De map '{name}' van de installatie ontbreekt (gezocht: {', '.join(map(str, candidates))}). "
        "Installeer consortium opnieuw, bijvoorbeeld met 'pip install .' vanuit de broncode."
    )
