"""The one way tests build answers: a deep copy of a base answers dict with changes by path.

`conftest.raw_answers` (a complete coöperatie, per legal form) and `test_analysis_support.raw`
(an answers dict that triggers no warning) are two bases built with it.
"""

from __future__ import annotations

import copy
from typing import Any


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set 'section.key' or 'partners[1].omzet' in `data`; None deletes the key."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    target: Any = data
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    if value is None:
        target.pop(parts[-1], None)
    else:
        target[parts[-1]] = copy.deepcopy(value)


def build(base: dict[str, Any], changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of `base` with every change applied in order."""
    data = copy.deepcopy(base)
    for path, value in (changes or {}).items():
        set_path(data, path, value)
    return data
